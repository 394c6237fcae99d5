"""A name column (名称, 指标名称) that holds counties where the file has no indicator
column: one error for the file saying the column holds regions and what to do, not
unknown-indicator on every row (note 34's review)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

COUNTIES = FIXTURES / "submissions" / "name-column-of-counties.csv"
TODAY = date(2026, 11, 28)


def _read(plan: Plan, text: str) -> list[tuple[str, str, int | None]]:
    read = read_bytes(text.encode("utf-8"), "x.csv", PlanLookup(plan), today=TODAY)
    return [(f.code, f.form, f.line) for f in read.findings if f.is_error]


def test_a_name_column_of_counties_is_one_error_for_the_file(plan: Plan) -> None:
    """名称 holding 兰山区, 罗庄区, 河东区 and no indicator column: one column-not-read
    (names-regions) at the first row, and no unknown-indicator."""
    errors = _read(plan, COUNTIES.read_text("utf-8"))
    assert errors == [("column-not-read", "names-regions", 2)]


@pytest.mark.parametrize("header", ["指标名称", "名称", "name_zh"])
def test_any_name_header_holding_counties_is_named_so(plan: Plan, header: str) -> None:
    """The rule holds for each name column a file may read as its indicators."""
    text = f"{header},期间,数值\n兰山区,2019,11315\n沂南县,2019,9000\n"
    assert _read(plan, text) == [("column-not-read", "names-regions", 2)]


def test_rows_naming_an_indicator_beside_them_are_still_read(plan: Plan) -> None:
    """In a name column mixing an indicator's name and a county, the indicator's row is
    read; the county's row is the one error, not read."""
    text = "名称,期间,数值\n城镇新增就业人数,2019,11315\n兰山区,2019,9000\n"
    read = read_bytes(text.encode("utf-8"), "x.csv", PlanLookup(plan), today=TODAY)
    assert [o.line for o in read.observations] == [2]
    assert [(f.code, f.line) for f in read.findings if f.is_error] == [("column-not-read", 3)]


def test_a_name_that_is_neither_stays_unknown_indicator(plan: Plan) -> None:
    """A name that names no indicator and no county is still unknown-indicator at its row."""
    assert _read(plan, "名称,期间,数值\n城镇新增就业人口数量,2019,11315\n") == [
        ("unknown-indicator", "", 2)
    ]
