"""The workbook template's columns are as wide as the one width rule (sheet_width) says:
no indicator name of either example plan is cut, in either language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLAN_FILE, REPO
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.intake.template import columns, template_rows, to_xlsx
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.render.textwidth import sheet_width

CELL_PADDING = 2  # a cell's margins: what a text needs beyond its own width

PLANS = [PLAN_FILE, REPO / "examples" / "plans" / "cn-13th-fyp.yaml"]


def _fits(text: str, width: float, wraps: bool) -> bool:
    """Whether ``text`` shows whole in a cell ``width`` wide: on one line, or wrapped with
    no Latin word broken inside (Chinese breaks between any characters)."""
    if not wraps:
        return sheet_width(text) + CELL_PADDING <= width
    return all(sheet_width(w) + CELL_PADDING <= width for w in text.split() if w.isascii())


def _templates(plan: Plan, tmp_path: Path, lang: str) -> list[Path]:
    """A city workbook template for every year of the plan (together they ask for every
    indicator)."""
    out = []
    for year in range(plan.plan.period.start, plan.plan.period.end + 1):
        rows = template_rows(plan, parse_period(str(year)), plan.city.id)
        target = tmp_path / f"{lang}-{year}.xlsx"
        to_xlsx(rows, plan, target, lang)  # type: ignore[arg-type]
        out.append(target)
    return out


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_indicator_name_is_cut_in_the_workbook_template(
    tmp_path: Path, plan_file: Path, lang: str
) -> None:
    """Every indicator name of the plan, in every name column of the template, shows whole:
    on one line, or wrapped with no word broken inside."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    plan = read_plan(plan_file)
    shown: set[str] = set()
    for path in _templates(plan, tmp_path, lang):
        ws = openpyxl.load_workbook(path).active
        assert ws is not None
        for key in [k for k in columns(lang) if k.startswith("name_")]:  # type: ignore[arg-type]
            column = columns(lang).index(key) + 1  # type: ignore[arg-type]
            width = ws.column_dimensions[get_column_letter(column)].width
            for row in ws.iter_rows(min_row=4, min_col=column, max_col=column):
                cell = row[0]
                assert _fits(str(cell.value), width, bool(cell.alignment.wrap_text)), (
                    cell.value,
                    width,
                )
                shown.add(str(cell.value))
    names = {i.name.zh for i in plan.indicators}
    if lang == "en":
        names |= {i.name.en for i in plan.indicators}
    assert names <= shown


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_written_cell_of_the_workbook_template_is_cut(
    tmp_path: Path, plan_file: Path, lang: str
) -> None:
    """Every cell the template writes (id, names, period, region, unit, help) shows whole in
    its column, and every header fits its column."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    plan = read_plan(plan_file)
    path = _templates(plan, tmp_path, lang)[-1]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    for column, head in enumerate(ws[3], start=1):
        width = ws.column_dimensions[get_column_letter(column)].width
        assert sheet_width(str(head.value)) + CELL_PADDING <= width, (head.value, width)
        for row in ws.iter_rows(min_row=4, min_col=column, max_col=column):
            cell = row[0]
            if cell.value:
                assert _fits(str(cell.value), width, bool(cell.alignment.wrap_text)), (
                    cell.value,
                    width,
                )


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_row_whose_name_wraps_is_tall_enough_for_its_lines(
    tmp_path: Path, plan_file: Path, lang: str
) -> None:
    """LibreOffice and Excel do not grow a row for wrapped text on opening: a row whose
    name or help wraps has its height set for every line (通过义务教育均衡发展国家评估验收的县区数
    printed cut at its first line)."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    from linyi_tracker.intake.template import LINE_POINTS, WRAPPED
    from linyi_tracker.reporting.render.textwidth import wrapped_lines

    plan = read_plan(plan_file)
    keys = columns(lang)  # type: ignore[arg-type]
    wrapped = [keys.index(k) + 1 for k in WRAPPED if k in keys]
    tall = 0
    for path in _templates(plan, tmp_path, lang):
        ws = openpyxl.load_workbook(path).active
        assert ws is not None
        widths = {c: ws.column_dimensions[get_column_letter(c)].width for c in wrapped}
        for row in ws.iter_rows(min_row=4):
            lines = max(wrapped_lines(row[c - 1].value, widths[c]) for c in wrapped)
            if lines > 1:
                tall += 1
                height = ws.row_dimensions[row[0].row].height
                assert height is not None and height >= LINE_POINTS * lines, row[0].value
    assert tall  # some name or help of each plan wraps: the rule is exercised
