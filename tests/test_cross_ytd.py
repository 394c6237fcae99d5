"""validation/cross/ytd.py: a year-to-date figure below the one before it in its year."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, cross_rule, csv_rows
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

FLOW = "emp.new_urban_jobs"  # a flow, summed over regions


def test_a_year_to_date_figure_is_compared_only_within_its_year(plan: Plan, tmp_path: Path) -> None:
    """June 2015's 500 and August 2016's 100 (the months between not given): later months,
    a smaller figure, but another year — not a fall."""
    path = tmp_path / "two-years.csv"
    path.write_text(
        f"indicator,period,region,value\n{FLOW},2015-06,lanshan,500\n{FLOW},2016-08,lanshan,100\n",
        encoding="utf-8",
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert "ytd-decreasing" not in {f.code for f in report.findings}


def test_a_later_month_below_an_earlier_one_of_the_same_year_is_flagged(plan: Plan) -> None:
    """2016-06's 500 then 2016-08's 400: the August row is flagged, naming June's figure."""
    text = csv_rows(f"{FLOW},2016-06,lanshan,500,人,,", f"{FLOW},2016-08,lanshan,400,人,,")
    from linyi_tracker.validation.cross import ytd

    found = cross_rule(plan, ytd.check, text)
    assert [(f.code, f.line, f.params["other_value"]) for f in found] == [
        ("ytd-decreasing", 3, "500")
    ]
