"""A unit written into a header or an indicator's name (数值（万人）, 城镇居民人均可支配收入
（万元）): the hint says where the unit goes. "Add the value column" or "did you mean
城镇居民人均可支配收入" alone led the clerk to drop the unit, and 3.1 (万元) was read as
3.1 元."""

from __future__ import annotations

from datetime import date

from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

TODAY = date(2026, 11, 28)


def _read(plan: Plan, text: str) -> list[Finding]:
    return read_bytes(text.encode(), "f.csv", PlanLookup(plan), today=TODAY).findings


def test_a_value_header_with_a_unit_says_where_the_unit_goes(plan: Plan) -> None:
    """数值（万人） as the value header: the missing value column's hint names 万人 for a unit column."""
    found = _read(plan, "指标代码,期间,地区,数值（万人）\nemp.new_urban_jobs,2017,兰山区,1.2\n")
    missing = [f for f in found if f.code == "missing-column"]
    assert [(f.hint_form, f.params["unit"]) for f in missing] == [("unit-in-header", "万人")]
    hint = render(missing[0], "zh")[1]
    assert hint is not None and "单位" in hint and "万人" in hint


def test_a_value_header_with_a_unit_is_one_finding_not_two(plan: Plan) -> None:
    """数值（万人） as the only value header is the missing-column error alone: the same
    column is not also told of as an unknown (ignored) column."""
    found = _read(plan, "指标代码,期间,地区,数值（万人）\nemp.new_urban_jobs,2017,兰山区,1.2\n")
    assert [(f.code, f.hint_form) for f in found if f.line == 1] == [
        ("missing-column", "unit-in-header")
    ]


def test_a_unit_header_beside_a_value_column_is_still_told(plan: Plan) -> None:
    """数值 and 数值（万人） side by side: the value column is read, and the second column,
    not read, is still told of (no missing-column speaks for it)."""
    found = _read(plan, "指标代码,期间,数值,数值（万人）\nemp.new_urban_jobs,2017,12000,1.2\n")
    assert [f.column_number for f in found if f.line == 1 and f.code != "missing-column"] == [4]


def test_a_value_header_without_a_unit_keeps_the_usual_hint(plan: Plan) -> None:
    """A header of other words (本年完成) keeps the usual missing-column hint."""
    found = _read(plan, "指标代码,期间,地区,本年完成\nemp.new_urban_jobs,2017,兰山区,12000\n")
    assert [f.hint_form for f in found if f.code == "missing-column"] == [""]


def test_a_name_with_a_unit_is_not_a_bare_suggestion(plan: Plan) -> None:
    """城镇居民人均可支配收入（万元） is told to put 万元 in the unit column, not 'did you mean'."""
    found = _read(plan, "指标名称,期间,数值\n城镇居民人均可支配收入（万元）,2017,3.1\n")
    unknown = [f for f in found if f.code == "unknown-indicator"]
    assert [(f.hint_form, f.params["indicator"], f.params["unit"]) for f in unknown] == [
        ("unit", "inc.urban_disposable", "万元")
    ]


def test_a_name_with_a_bracket_that_is_no_unit_keeps_the_suggestion(plan: Plan) -> None:
    """城镇新增就业人数（预计）: the bracket is no unit, the usual suggestion stands."""
    found = _read(plan, "指标名称,期间,数值\n城镇新增就业人数（预计）,2017,12000\n")
    assert [f.hint_form for f in found if f.code == "unknown-indicator"] == ["suggest"]
