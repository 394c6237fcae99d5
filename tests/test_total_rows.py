"""A table's total and part rows (合计, 全市合计, 小计, 其中：女性) are no region and no
indicator of the plan: the hint says what the row is and to leave it out, not 'run plan'."""

from __future__ import annotations

from datetime import date

import pytest

from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.naming import with_names

TODAY = date(2026, 11, 28)


def _found(plan: Plan, region: str = "兰山区", indicator: str = "pop.resident") -> Finding:
    text = f"指标代码,期间,地区,数值\n{indicator},2017,{region},1200\n"
    read = read_bytes(text.encode(), "f.csv", PlanLookup(plan), today=TODAY)
    (found,) = [f for f in read.findings if f.code.startswith("unknown-")]
    return with_names([found], plan)[0]


@pytest.mark.parametrize("text", ["合计", "总计", "小计", "全市合计", "合　计", "总 计"])
def test_a_total_in_the_region_column_is_told_as_a_total(plan: Plan, text: str) -> None:
    """合计 as a region: leave the row out; the city's figure goes in a row of 临沂市."""
    found = _found(plan, region=text)
    assert (found.code, found.hint_form) == ("unknown-region", "total")
    assert "合计行" in (render(found, "zh")[1] or "") and "临沂市" in (render(found, "zh")[1] or "")
    en = render(found, "en")[1] or ""
    assert "total row" in en and "leave the row out" in en and "Linyi City" in en


def test_a_part_row_in_the_indicator_column_is_told_as_a_part(plan: Plan) -> None:
    """其中：女性 as an indicator: a part row, leave it out — not 'run linyi-tracker plan'."""
    found = _found(plan, indicator="其中：女性")
    assert (found.code, found.hint_form) == ("unknown-indicator", "part")
    assert "分项行" in (render(found, "zh")[1] or "")
    en = render(found, "en")[1] or ""
    assert "part row" in en and "leave the row out" in en


def test_a_total_in_the_indicator_column_is_told_as_a_total(plan: Plan) -> None:
    """合计 as an indicator: the total hint."""
    found = _found(plan, indicator="合计")
    assert (found.code, found.hint_form) == ("unknown-indicator", "total")


def test_a_part_row_in_the_region_column_is_told_as_a_part(plan: Plan) -> None:
    """其中：城区 as a region: a part row, leave it out."""
    found = _found(plan, region="其中：城区")
    assert (found.code, found.hint_form) == ("unknown-region", "part")
    assert "part row" in (render(found, "en")[1] or "")


def test_a_name_holding_total_is_not_a_total(plan: Plan) -> None:
    """合计就业人数 is a name that holds 合计, not a total row: the usual hint."""
    assert _found(plan, indicator="合计就业人数").hint_form != "total"
