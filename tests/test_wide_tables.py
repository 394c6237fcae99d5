"""A table with a column a year or a column a region (as offices keep figures in Excel) is
not the format: nothing is read from it, and the missing columns' hint says what the table
is and how to lay it out — never a guess at which column is which figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.validator import validate


def _missing(plan: Plan, tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="gb18030")
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert report.observations == [] and report.failed
    return [f for f in report.findings if f.code == "missing-column"]


@pytest.mark.parametrize(
    "header",
    ["指标,单位,2015年,2016年,2017年", "指标名称,2015,2016", "indicator,2016Q1,2016Q2,2016Q3"],
)
def test_a_column_a_period_is_named_a_wide_table(plan: Plan, tmp_path: Path, header: str) -> None:
    """Years or quarters as headers: each missing column's hint says one figure a row."""
    found = _missing(plan, tmp_path, header + "\n城镇新增就业人数,1,2,3,4\n")
    assert found and {f.hint_form for f in found} == {"wide-period"}
    assert "one figure a row" in (render(found[0], "en")[1] or "")
    assert "每行一个数字" in (render(found[0], "zh")[1] or "")


def test_a_column_a_region_is_named_a_wide_table(plan: Plan, tmp_path: Path) -> None:
    """County names as headers: the hint names the first of them, in the reader's list style."""
    found = _missing(
        plan, tmp_path, "指标,期间,兰山区,罗庄区,河东区\n城镇新增就业人数,2017,1,2,3\n"
    )
    (f,) = found
    assert f.hint_form == "wide-region"
    assert "（兰山区、罗庄区、河东区）" in (render(f, "zh")[1] or "")
    assert "(兰山区, 罗庄区, 河东区)" in (render(f, "en")[1] or "")


def test_one_stray_period_header_is_not_a_wide_table(plan: Plan, tmp_path: Path) -> None:
    """A single unknown column that reads as a period is no layout: the plain hint stays."""
    found = _missing(plan, tmp_path, "指标,2017年,单位\n城镇新增就业人数,1,人\n")
    assert found and {f.hint_form for f in found} == {""}
