"""The styled workbook: Chinese headers and words, number formats, fills and print set-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_golden import check
from test_report import demo_report

from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.render.excel import write

openpyxl = pytest.importorskip("openpyxl")


def _book(plan: Plan, tmp_path: Path, lang: str) -> Any:
    write(demo_report(plan), lang, tmp_path / "r.xlsx")  # type: ignore[arg-type]
    return openpyxl.load_workbook(tmp_path / "r.xlsx")


def dump(book: Any, rows: int = 4) -> str:
    """A text picture of a workbook: per sheet its set-up, header, and a few rows' values,
    number formats and fills (the cover's values vary with the run, so only its header)."""
    out: list[str] = []
    for i, ws in enumerate(book.worksheets):
        ps = ws.page_setup
        out.append(f"== {ws.title}")
        out.append(
            f"freeze={ws.freeze_panes} titles={ws.print_title_rows} {ps.orientation} "
            f"paper={ps.paperSize} fit={ps.fitToWidth}x{ps.fitToHeight} "
            f"fit_to_page={ws.sheet_properties.pageSetUpPr.fitToPage} footer={ws.oddFooter.center.text!r}"
        )
        m = ws.page_margins
        out.append(
            f"margins top={m.top} bottom={m.bottom} header={m.header} footer={m.footer} "
            f"scale={ps.scale} order={ps.pageOrder} title_cols={ws.print_title_cols} "
            f"breaks={[b.id for b in ws.col_breaks.brk]}"
        )
        header = [c.value for c in ws[1]]
        h = ws["A1"]
        out.append(f"header bold={h.font.b} fill={h.fill.fgColor.rgb}: {header}")
        hidden = [k for k, d in ws.column_dimensions.items() if d.hidden]
        widths = {k: d.width for k, d in ws.column_dimensions.items() if not d.hidden}
        out.append(f"hidden={hidden} widths={widths}")
        if i == 0:
            continue
        for row in ws.iter_rows(min_row=2, max_row=1 + rows):
            cells = []
            for c in row:
                if ws.column_dimensions[c.column_letter].hidden or c.value is None:
                    continue
                fill = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else ""
                fmt = "" if c.number_format == "General" else f" [{c.number_format}]"
                cells.append(f"{c.value!r}{fmt}{' {' + str(fill) + '}' if fill else ''}")
            out.append("  " + " | ".join(cells))
    return "\n".join(out) + "\n"


def test_zh_workbook_golden(plan: Plan, tmp_path: Path, update_golden: bool) -> None:
    """The Chinese workbook's sheets, headers, formats, fills and print set-up match the golden file."""
    check("report-2019-zh-xlsx.txt", dump(_book(plan, tmp_path, "zh")), update_golden)


def test_zh_workbook_has_no_english_status_codes(plan: Plan, tmp_path: Path) -> None:
    """No cell a person sees in the Chinese workbook holds an English status code."""
    book = _book(plan, tmp_path, "zh")
    codes = {
        "achieved",
        "on_track",
        "at_risk",
        "off_track",
        "missed",
        "no_data",
        "done",
        "not-done",
    }
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not ws.column_dimensions[c.column_letter].hidden:
                    assert c.value not in codes, (ws.title, c.coordinate, c.value)


def test_fractions_carry_a_percent_format_and_the_figure_shown(plan: Plan, tmp_path: Path) -> None:
    """An achievement cell holds the fraction as every output rounds it (101.1 %), as 0.0%."""
    ws = _book(plan, tmp_path, "zh")["各体系目标"]
    header = [c.value for c in ws[1]]
    col = header.index("完成率") + 1
    cell = ws.cell(row=2, column=col)
    assert isinstance(cell.value, float) and cell.number_format == '0.0%;"\u2212"0.0%'
    assert cell.value == 1.011  # 85900 / 85000 = 1.010588…, shown 101.1 %


def test_every_sheet_prints_a4_landscape_with_its_header_row_repeated(
    plan: Plan, tmp_path: Path
) -> None:
    """Every sheet: A4 landscape, its header row repeated on each printed page."""
    for lang in ("zh", "en"):
        for ws in _book(plan, tmp_path, lang).worksheets:
            assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
            assert ws.print_title_rows == "$1:$1", (lang, ws.title)


def test_page_header_and_footer_have_room(plan: Plan, tmp_path: Path) -> None:
    """The page header and footer sit in margins tall enough for a line of text and a gap,
    so the table never covers the sheet's name and the page number is never clipped."""
    line = 0.3  # inches: a 10-11 pt line and a little air
    for lang in ("zh", "en"):
        for ws in _book(plan, tmp_path, lang).worksheets:
            m = ws.page_margins
            assert ws.oddHeader.center.text and ws.oddFooter.center.text
            assert m.top >= m.header + line and m.bottom >= m.footer + line, (lang, ws.title)


def _printed_points(width: float) -> float:
    """A column's printed width at 100 %: the wider of Excel's (7 px a character and 5 of
    padding) and LibreOffice's (5.55 pt a character, measured with Arial 10)."""
    return max((width * 7 + 5) * 0.75, width * 5.55)


def _pages_across(ws: Any) -> list[list[int]]:
    """The printed columns (1-based) of each page across: the repeated key columns and
    the columns up to each column break."""
    from openpyxl.utils import column_index_from_string

    keys: list[int] = []
    if ws.print_title_cols:
        last = ws.print_title_cols.split(":")[1].strip("$")
        keys = list(range(1, column_index_from_string(last) + 1))
    cuts = [b.id for b in ws.col_breaks.brk] + [ws.max_column]
    pages, start = [], len(keys) + 1
    for cut in cuts:
        pages.append(keys + list(range(start, cut + 1)))
        start = cut + 1
    return pages


def test_every_printed_page_fits_its_width_with_text_of_8_points(
    plan: Plan, tmp_path: Path
) -> None:
    """Each page across of every sheet fits A4 landscape's width at the scale it prints
    at, and that scale keeps the 10 pt body at 8 pt or more (各体系目标 printed at about
    5 pt when its 25 columns were fitted to one page)."""
    from openpyxl.utils import get_column_letter

    usable = (11.69 - 0.8) * 72  # A4 landscape less 0.4 in a side
    for lang in ("zh", "en"):
        for ws in _book(plan, tmp_path, lang).worksheets:
            m = ws.page_margins
            assert m.left <= 0.4 and m.right <= 0.4
            widths = {}
            for c in range(1, ws.max_column + 1):
                dim = ws.column_dimensions[get_column_letter(c)]
                widths[c] = 0.0 if dim.hidden else _printed_points(dim.width)
            pages = _pages_across(ws)
            widest = max(sum(widths[c] for c in page) for page in pages)
            if ws.sheet_properties.pageSetUpPr.fitToPage:
                assert len(pages) == 1 and ws.page_setup.fitToWidth == 1
                assert ws.page_setup.fitToHeight == 0
                scale = min(1.0, usable / widest)
            else:
                scale = ws.page_setup.scale / 100
                assert widest * scale <= usable, (lang, ws.title, widest * scale)
                assert ws.page_setup.pageOrder == "overThenDown"
            assert 10 * scale >= 8, (lang, ws.title, scale)
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.font.sz in (None, 10), (ws.title, cell.coordinate)


def test_a_sheet_too_wide_for_one_page_repeats_its_name_columns(plan: Plan, tmp_path: Path) -> None:
    """The targets sheets print in column groups, each page across starting with the
    system and the target's name."""
    for lang, title in (("zh", "各体系目标"), ("en", "Targets by system")):
        ws = _book(plan, tmp_path, lang)[title]
        header = [c.value for c in ws[1]]
        assert len(_pages_across(ws)) > 1
        assert ws.print_title_cols == "$A:$F" and header[5] in ("指标名称", "name")


def test_a_wrapped_row_is_tall_enough_for_its_lines(plan: Plan, tmp_path: Path) -> None:
    """Each method rule's row is tall enough for its text at the column's width (a row
    set too low clipped the first rule's last line, 或超过。)."""
    ws = _book(plan, tmp_path, "zh")["计算方法"]
    width = ws.column_dimensions["B"].width
    per_line = width * 5.55 / 10  # ten-point Chinese characters a line
    for row in ws.iter_rows(min_row=2):
        text = row[1].value
        lines = -(-len(text) // int(per_line))
        height = ws.row_dimensions[row[1].row].height or 15
        assert height >= 14 * lines, (text[:10], height, lines)


def test_a_projected_share_is_never_shown_past_100(plan: Plan, tmp_path: Path) -> None:
    """The pension coverage projection (over 100) keeps its value but shows at most 100.0%."""
    from test_workbook_formats import shown

    ws = _book(plan, tmp_path, "zh")["各体系目标"]
    header = [c.value for c in ws[1]]
    row = next(
        r
        for r in ws.iter_rows(min_row=2)
        if r[header.index("目标代码")].value.startswith("ss.resident")
    )
    cell = row[header.index("期末预计")]
    assert cell.value > 100 and shown(cell.value, cell.number_format) == "100.0%"


def _target_rows(plan: Plan, tmp_path: Path, lang: str) -> tuple[list[str], dict[str, Any]]:
    ws = _book(plan, tmp_path, lang)["各体系目标" if lang == "zh" else "Targets by system"]
    header = [c.value for c in ws[1]]
    key = header.index("目标代码" if lang == "zh" else "target_id")
    return header, {r[key].value: r for r in ws.iter_rows(min_row=2)}


def test_schedule_gap_is_in_points_rounded_as_every_output_shows_it(
    plan: Plan, tmp_path: Path
) -> None:
    """城镇职工社会保险覆盖率's gap of −56.25 points is 落后时序进度56.2个百分点 (half-even, in
    text.schedule's words), not Excel's −56.3 %."""
    header, rows = _target_rows(plan, tmp_path, "zh")
    cell = rows["ss.employee_insurance_coverage.2020"][header.index("较时序进度")]
    assert cell.value == -56.2
    assert cell.number_format == '"超时序进度"#,##0.0"个百分点";"落后时序进度"#,##0.0"个百分点"'
    header, rows = _target_rows(plan, tmp_path, "en")
    cell = rows["ss.employee_insurance_coverage.2020"][header.index("schedule_gap")]
    assert cell.value == -56.2 and '"behind schedule by "' in cell.number_format


def test_a_ratio_gap_is_a_number_not_a_ratio(plan: Plan, tmp_path: Path) -> None:
    """The dibao ratio's gap (0.12) is formatted as a number, never as '0.12:1'."""
    header, rows = _target_rows(plan, tmp_path, "zh")
    cell = rows["ss.dibao_urban_rural_ratio.2020"][header.index("差距")]
    # grouped as text.number writes any number (excel.said_by: the table's words)
    assert cell.number_format == '#,##0.00;"\u2212"#,##0.00' and ":1" not in cell.number_format


def test_every_fraction_cell_holds_the_figure_the_terminal_shows(
    plan: Plan, tmp_path: Path
) -> None:
    """Achievement, time elapsed, progress and schedule gap: each workbook cell is the
    figure formatting.shown_percent gives for the report model's value, for every target."""
    from decimal import Decimal

    from linyi_tracker.formatting import shown_percent

    report = demo_report(plan)
    header, rows = _target_rows(plan, tmp_path, "en")
    checked = 0
    for section in report.systems:
        for line in section.lines:
            row = rows[line.target_id]
            for key in ("achievement", "time_progress", "progress", "schedule_gap"):
                # time elapsed as the view shows it: none once the time is up (view.running)
                value = line.time_progress if key == "time_progress" else getattr(line.a, key)
                cell = row[header.index(key)].value
                if value is None:
                    assert cell is None
                    continue
                shown = shown_percent(value)
                expected = float(shown) if key == "schedule_gap" else float(shown / Decimal(100))
                assert cell == expected, (line.target_id, key, value, cell)
                checked += 1
    assert checked > 20


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=400), min_size=1, max_size=30),
    st.integers(min_value=0, max_value=3),
)
def test_column_groups_cover_every_column_once_in_order_and_fit(
    widths: list[float], keys: int
) -> None:
    """Any widths: the groups hold every column after the keys once, in order, and each
    group with the keys fits the page at 8 pt whenever each column alone does."""
    from linyi_tracker.sheets import BODY_POINTS, LEGIBLE_POINTS, column_groups, printable_points

    keys = min(keys, len(widths) - 1)
    groups = column_groups(widths, keys)
    assert [c for g in groups for c in g] == list(range(keys, len(widths)))
    budget = printable_points() * BODY_POINTS / LEGIBLE_POINTS
    key_width = sum(widths[:keys])
    if all(key_width + w <= budget for w in widths[keys:]):
        assert all(key_width + sum(widths[c] for c in g) <= budget for g in groups)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_cell_fits_its_column(plan: Plan, tmp_path: Path, lang: str) -> None:
    """A figure's column is as wide as the words its number format shows around it
    (落后时序进度56.2个百分点, not the number and its first word alone): a narrower one
    prints '###' in place of the figure."""
    from test_workbook_formats import shown

    from linyi_tracker.reporting.render.textwidth import sheet_width

    checked = 0
    for ws in _book(plan, tmp_path, lang).worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if not isinstance(cell.value, int | float) or cell.number_format == "General":
                    continue
                width = ws.column_dimensions[cell.column_letter].width
                seen = shown(cell.value, cell.number_format)
                assert width >= sheet_width(seen) + 2, (ws.title, cell.coordinate, seen, width)
                checked += 1
    assert checked > 100
