"""A workbook cell the reader cannot take as written (a formula never computed, TRUE): its
own error alone, not also the value rule's 'not a number'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FIXTURES
from linyi_tracker.actuals.reader import PlanLookup, read_path
from linyi_tracker.plan.models import Plan

TODAY = date(2026, 11, 28)


def at(plan: Plan, path: Path, line: int) -> list[tuple[str, int | None]]:
    got = read_path(path, PlanLookup(plan), today=TODAY)
    return [(f.code, f.column_number) for f in got.findings if f.line == line]


def test_a_formula_never_computed_is_one_error_at_its_cell(plan: Plan) -> None:
    """D5 '=2000+1500' with no cached result gets formula-without-value only."""
    path = FIXTURES / "workbook_cells" / "formula-never-computed.xlsx"
    assert at(plan, path, 5) == [("formula-without-value", 4)]


def test_a_true_cell_in_the_value_column_is_one_error(plan: Plan, tmp_path: Path) -> None:
    """TRUE typed under 数值 gets boolean-cell only, not also an invalid number."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标代码", "期间", "地区", "数值"])
    sheet.append(["emp.new_urban_jobs", "2016", "兰山区", True])
    path = tmp_path / "true.xlsx"
    book.save(path)
    assert at(plan, path, 2) == [("boolean-cell", 4)]
