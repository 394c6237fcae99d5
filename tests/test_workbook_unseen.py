"""What a workbook keeps out of the clerk's sight. A merged cell: Excel keeps its value in
the top-left cell only, so the rows it covers were read with that cell empty (a county's
name once for three rows gave the other two rows' figures to the city). Hidden or
filtered rows: read without a word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result, ingest_refuses
from linyi_tracker.actuals import workbook
from linyi_tracker.actuals.reader import PlanLookup, read_path
from linyi_tracker.actuals.workbook import _BlankRows, _HiddenRows
from linyi_tracker.findings import FIRST_LINES, Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

TODAY = date(2026, 11, 28)
MERGED = FIXTURES / "submissions" / "merged-cell.xlsx"
MERGED_NOTE = FIXTURES / "submissions" / "merged-note-cell.xlsx"
HEADER = ["指标代码", "期间", "地区", "数值", "单位"]


def _merged(plan: Plan, path: Path) -> list[Finding]:
    read = read_path(path, PlanLookup(plan), today=TODAY)
    return [f for f in read.findings if f.code == "merged-cell"]


def _book(tmp_path: Path, rows: list[list[object]], *merges: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_a_region_merged_over_rows_is_an_error_at_the_first_row_it_covers(plan: Plan) -> None:
    """兰山区 merged over C2:C4 is one merged-cell error at C3, worded for the region."""
    found = _merged(plan, MERGED)
    assert [(f.line, f.column_number, f.form, f.params["cells"]) for f in found] == [
        (3, 3, "region", "C2:C4")
    ]


def test_ingest_refuses_a_workbook_with_a_merged_region(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """ingest writes nothing for the merged region: its rows would go to the city."""
    ingest_refuses(run, tmp_path, MERGED, "merged-cell")


def test_a_merged_value_cell_is_an_error_not_worded_for_the_region(
    plan: Plan, tmp_path: Path
) -> None:
    """A figure merged over two rows (D2:D3) is a merged-cell error in its plain wording."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        ["emp.new_urban_jobs", "2017", "罗庄区", None, "人"],
    ]
    found = _merged(plan, _book(tmp_path, rows, "D2:D3"))
    assert [(f.line, f.column_number, f.form) for f in found] == [(3, 4, "")]


def test_a_merged_title_above_the_header_is_not_an_error(plan: Plan, tmp_path: Path) -> None:
    """A title merged across the columns above the header changes no row read."""
    rows: list[list[object]] = [
        ["2017年兰山区民生指标"],
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
    ]
    assert _merged(plan, _book(tmp_path, rows, "A1:E1")) == []


def test_a_note_merged_across_its_row_is_not_a_merged_cell(plan: Plan, tmp_path: Path) -> None:
    """A merge across one row (a note over the table's width) shows its other cells empty."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        ["注：以上数据为快报数"],
    ]
    assert _merged(plan, _book(tmp_path, rows, "A3:E3")) == []


def test_a_note_or_sign_off_merged_over_blank_rows_below_the_table_is_not_an_error(
    plan: Plan, tmp_path: Path
) -> None:
    """A note merged over three rows (A4:E6) and a sign-off over two (A8:B9, C8:E9) below
    the table cover blank rows only: no row read loses a cell, no merged-cell error."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        ["pop.resident", "2017", "兰山区", 1200000, "人"],
        ["注：1.数据为快报数；2.常住人口为年末数。"],
        [],
        [],
        [],
        ["填报人：张三", None, "审核人：李四"],
    ]
    path = _book(tmp_path, rows, "A4:E6", "A8:B9", "C8:E9")
    assert _merged(plan, path) == []
    read = read_path(path, PlanLookup(plan), today=TODAY)
    assert [f.code for f in read.findings if f.severity.value == "error"] == []


def test_a_merge_covering_a_blank_row_and_a_data_row_is_still_an_error(
    plan: Plan, tmp_path: Path
) -> None:
    """兰山区 merged over C2:C4 where row 3 is blank and row 4 a figure: row 4's region
    would be read empty, the city's — the merge is an error at C3."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        [],
        ["pop.resident", "2017", None, 1200000, "人"],
    ]
    found = _merged(plan, _book(tmp_path, rows, "C2:C4"))
    assert [(f.line, f.column_number, f.form) for f in found] == [(3, 3, "region")]


def test_a_source_merged_over_the_rows_is_a_notice_not_an_error(plan: Plan) -> None:
    """来源 merged over F2:F4 (one source for the block, as offices write it): one
    merged-note-cell notice naming rows 3 and 4, no error — the figures are correct."""
    read = read_path(MERGED_NOTE, PlanLookup(plan), today=TODAY)
    found = [(f.code, f.severity.value, f.line, str(f.params["rows"])) for f in read.findings]
    assert found == [("merged-note-cell", "notice", 3, "3,4")]


def test_ingest_stores_the_figures_under_a_merged_source(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """ingest takes the file with 来源 merged over its rows: the three figures stored."""
    data = tmp_path / "data"
    data.mkdir()
    result = run("--lang", "en", "ingest", str(MERGED_NOTE), "--data", str(data))
    assert result.exit_code == 0
    stored = "".join(p.read_text(encoding="utf-8") for p in data.rglob("*.csv"))
    assert all(figure in stored for figure in ("12000", "9000", "8000"))


def test_a_note_merged_with_a_unit_cell_is_still_an_error(plan: Plan, tmp_path: Path) -> None:
    """A merge over 单位 and 来源 (E2:F3) empties row 3's unit: merged-cell, an error."""
    rows: list[list[object]] = [
        [*HEADER, "来源"],
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        ["emp.new_urban_jobs", "2017", "罗庄区", 9000, None],
    ]
    read = read_path(_book(tmp_path, rows, "E2:F3"), PlanLookup(plan), today=TODAY)
    assert [(f.code, f.severity.value) for f in read.findings if f.line == 3] == [
        ("merged-cell", "error")
    ]


def test_a_column_not_read_merged_over_the_rows_is_a_notice(plan: Plan, tmp_path: Path) -> None:
    """责任单位 (a column the tool does not read) merged over F2:F3: a notice, no error."""
    rows: list[list[object]] = [
        [*HEADER, "责任单位"],
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人", "人社局"],
        ["emp.new_urban_jobs", "2017", "罗庄区", 9000, "人"],
    ]
    read = read_path(_book(tmp_path, rows, "F2:F3"), PlanLookup(plan), today=TODAY)
    assert [f.code for f in read.findings if f.severity.value == "error"] == []
    assert "merged-note-cell" in [f.code for f in read.findings]


def test_a_merged_indicator_is_one_error_naming_the_rows_it_empties(
    plan: Plan, tmp_path: Path
) -> None:
    """指标代码 merged over A2:A4: the merged-cell error alone, naming rows 3 and 4 — not a
    missing-value error on each covered row besides."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        [None, "2017", "罗庄区", 9000, "人"],
        [None, "2017", "河东区", 8000, "人"],
    ]
    read = read_path(_book(tmp_path, rows, "A2:A4"), PlanLookup(plan), today=TODAY)
    errors = [f for f in read.findings if f.severity.value == "error"]
    assert [(f.code, f.line, str(f.params["rows"])) for f in errors] == [("merged-cell", 3, "3,4")]


def test_an_error_outside_the_merge_is_still_told(plan: Plan, tmp_path: Path) -> None:
    """指标代码 merged over A2:A3 and row 4's indicator left blank: row 4's own error stays."""
    rows: list[list[object]] = [
        HEADER,
        ["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
        [None, "2017", "罗庄区", 9000, "人"],
        [None, "2017", "河东区", 8000, "人"],
    ]
    read = read_path(_book(tmp_path, rows, "A2:A3"), PlanLookup(plan), today=TODAY)
    errors = sorted((f.line, f.code) for f in read.findings if f.severity.value == "error")
    assert errors == [(3, "merged-cell"), (4, "missing-value")]


@given(
    st.lists(st.tuples(st.integers(1, 60), st.integers(0, 5)), max_size=12),
    st.integers(1, 70),
    st.integers(0, 50),
)
def test_the_rows_a_merge_empties_are_its_rows_not_blank(
    runs: list[tuple[int, int]], first: int, length: int
) -> None:
    """The rows named and counted are exactly the rows of the range not blank."""
    blank, blanks = _BlankRows(), set()
    for start, extra in sorted(runs):
        blank.add(start, start + extra)
        blanks |= set(range(start, start + extra + 1))
    rows = [n for n in range(first, first + length + 1) if n not in blanks]
    assert blank.not_blank(first, first + length) == (rows[:FIRST_LINES], len(rows))


def _hidden(plan: Plan, path: Path) -> list[Finding]:
    read = read_path(path, PlanLookup(plan), today=TODAY)
    return [f for f in read.findings if f.code == "hidden-rows"]


def test_rows_a_filter_hides_are_one_warning_naming_them(plan: Plan) -> None:
    """A sheet filtered to 兰山区 (罗庄区, 河东区 hidden) is one hidden-rows warning, lines 3 and 4."""
    found = _hidden(plan, FIXTURES / "submissions" / "hidden-rows.xlsx")
    assert [(f.line, f.params["count"], str(f.params["rows"])) for f in found] == [(3, 2, "3,4")]


def test_many_hidden_rows_are_counted_keeping_only_the_first_lines(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hidden title and eight hidden data rows, past the rows kept whole (EARLY made 3
    here, 10,010 in use): the warning counts 8 and names the first five; the reader kept
    no more than the early rows and five."""
    monkeypatch.setattr(_HiddenRows, "EARLY", 3)
    kept: list[_HiddenRows] = []

    def made() -> _HiddenRows:
        kept.append(_HiddenRows())
        return kept[-1]

    monkeypatch.setattr(workbook, "_HiddenRows", made)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2017年民生指标"])
    sheet.append(HEADER)
    for n, region in enumerate(["兰山区", "罗庄区", "河东区", "沂南县", "郯城县"] * 2):
        sheet.append(["emp.new_urban_jobs", str(2016 + n // 5), region, 1000 + n, "人"])
    for number in (1, *range(5, 13)):
        sheet.row_dimensions[number].hidden = True
    path = tmp_path / "book.xlsx"
    book.save(path)
    found = _hidden(plan, path)
    assert [(f.line, f.params["count"], str(f.params["rows"])) for f in found] == [
        (5, 8, "5,6,7,8,9")
    ]
    assert len(kept[0].early) + len(kept[0].later) <= 3 + FIRST_LINES


@given(st.sets(st.integers(1, 40), max_size=30), st.integers(0, 12))
def test_hidden_rows_below_the_header_are_those_after_it(hidden: set[int], header: int) -> None:
    """Whatever rows are hidden, the first lines and the count below the header are the
    hidden rows after it, as if each had been kept."""
    rows = _HiddenRows()
    rows.EARLY = 12
    for number in sorted(hidden):
        rows.add(number)
    below = [n for n in sorted(hidden) if n > header]
    assert rows.below(header) == (below[:FIRST_LINES], len(below))


def test_a_hidden_title_row_or_blank_row_is_not_told(plan: Plan, tmp_path: Path) -> None:
    """A hidden row above the header or a hidden empty row holds no figure: no warning."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2017年兰山区民生指标"])
    sheet.append(HEADER)
    sheet.append(["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"])
    sheet.row_dimensions[1].hidden = True
    sheet.row_dimensions[4].hidden = True
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert _hidden(plan, path) == []


def test_a_header_over_two_rows_is_told_by_the_header_not_by_its_merges(
    plan: Plan, tmp_path: Path
) -> None:
    """指标 merged above 名称/代码 and 期间 merged down two rows: the header's error alone."""
    rows: list[list[object]] = [
        ["指标", None, "期间", "地区", "数值", "单位"],
        ["名称", "代码", None, None, None, None],
        ["城镇新增就业人数", "emp.new_urban_jobs", "2017", "兰山区", 12000, "人"],
    ]
    path = _book(tmp_path, rows, "A1:B1", "C1:C2", "D1:D2", "E1:E2", "F1:F2")
    assert _merged(plan, path) == []
    read = read_path(path, PlanLookup(plan), today=TODAY)
    assert "blank-header" in {f.code for f in read.findings}


def test_a_sheet_openpyxl_would_leave_out_refuses_the_file(plan: Plan, tmp_path: Path) -> None:
    """A sheet entry without its id (openpyxl drops it with a Python warning): an error."""
    import re
    import zipfile

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.append(HEADER)
    first.append(["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"])
    second = book.create_sheet("罗庄区")
    second.append(HEADER)
    second.append(["emp.new_urban_jobs", "2017", "罗庄区", 9000, "人"])
    saved = tmp_path / "saved.xlsx"
    book.save(saved)
    damaged = tmp_path / "book.xlsx"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(damaged, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = re.sub(
                    rb'(<sheet [^>]*?name="\xe7\xbd\x97[^>]*?) r:id="[^"]*"', rb"\1", data
                )
            out.writestr(info, data)
    read = read_path(damaged, PlanLookup(plan), today=TODAY)
    assert [(f.code, f.form) for f in read.findings if f.severity.value == "error"] == [
        ("unreadable-workbook", "malformed")
    ]


def _with_column(tmp_path: Path, rows: int, filled_at: int | None = None) -> Path:
    """A sheet whose column C has no header and is hidden: empty, or with text on row
    ``filled_at``; ``rows`` figures below the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标代码", "期间", None, "地区", "数值"])
    for n in range(rows):
        sheet.append(["emp.new_urban_jobs", str(2016 + n % 5), None, "兰山区", 12000 + n])
    if filled_at is not None:
        sheet.cell(filled_at, 3).value = "人"
    sheet.column_dimensions["C"].hidden = True
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_a_hidden_empty_column_without_a_header_is_read_past(plan: Plan, tmp_path: Path) -> None:
    """A hidden, empty column between the named ones (a spacer, a deleted column's place)
    holds nothing to lose: no blank-header error, every row read."""
    read = read_path(_with_column(tmp_path, 5), PlanLookup(plan), today=TODAY)
    assert [f.code for f in read.findings if f.severity.value == "error"] == []
    assert read.rows == 5 and len(read.observations) == 5


def test_a_column_without_a_header_holding_text_far_down_is_still_an_error(
    plan: Plan, tmp_path: Path
) -> None:
    """The same column with 人 on row 30 (past the rows looked at with the header): its
    blank-header error, at the header, column C, once — naming row 30 and what it holds,
    for the clerk sees nothing in the column's first rows (here it is hidden too)."""
    read = read_path(_with_column(tmp_path, 40, filled_at=30), PlanLookup(plan), today=TODAY)
    errors = [f for f in read.findings if f.severity.value == "error"]
    assert [(f.code, f.line, f.column_number) for f in errors] == [("blank-header", 1, 3)]
    assert render(errors[0], "zh")[0] == "第3列没有表头，但第30行在该列填有“人”，未读取"
    assert render(errors[0], "en")[0] == (
        "column 3 has no header, but row 30 holds '人' in it, which is not read"
    )


def test_a_column_without_a_header_holding_text_at_once_is_an_error_as_before(
    plan: Plan, tmp_path: Path
) -> None:
    """With 人 on row 2 the header's blank cell is the error and no row is read, as before."""
    read = read_path(_with_column(tmp_path, 5, filled_at=2), PlanLookup(plan), today=TODAY)
    found = [
        (f.code, f.line, f.column_number) for f in read.findings if f.severity.value == "error"
    ]
    assert found == [("blank-header", 1, 3)]
    assert read.rows == 0


def test_a_merged_region_in_a_county_sheet_is_one_error_not_two(plan: Plan) -> None:
    """Sheet 兰山区 with 兰山区 merged over C2:C4: the merge is the cause of rows 3 and 4's
    empty region — its merged-cell error alone, no region-outside-table beside it."""
    read = read_path(MERGED, PlanLookup(plan), today=TODAY)
    assert [f.code for f in read.findings if f.severity.value == "error"] == ["merged-cell"]


def test_a_blank_region_outside_the_merge_is_still_told(plan: Plan, tmp_path: Path) -> None:
    """Sheet 兰山区, 兰山区 merged over C2:C3 and row 4's region left blank: both errors."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "兰山区"
    sheet.append(HEADER)
    sheet.append(["emp.new_urban_jobs", "2017", "兰山区", 12000, "人"])
    sheet.append(["pop.resident", "2017", None, 1200000, "人"])
    sheet.append(["inc.urban_disposable", "2017", None, 31000, "元"])
    sheet.merge_cells("C2:C3")
    path = tmp_path / "book.xlsx"
    book.save(path)
    read = read_path(path, PlanLookup(plan), today=TODAY)
    errors = sorted(f.code for f in read.findings if f.severity.value == "error")
    assert errors == ["merged-cell", "region-outside-table"]
