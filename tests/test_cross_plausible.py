"""validation/cross/plausible.py: a figure in its plausible band, and in line with its
series (validation/plausibility.py gives the rules' arithmetic)."""

from __future__ import annotations

from conftest import cross_rule, csv_rows
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import plausible

POP = "pop.resident"  # a level of persons, summed over regions


def test_a_coverage_written_as_a_fraction_is_implausible(plan: Plan) -> None:
    """0.993 % for a coverage the plan aims at 99 %: implausible-value on its row."""
    text = csv_rows("ss.resident_pension_coverage,2016,,0.993,%,统计公报,")
    found = [(f.code, f.line) for f in cross_rule(plan, plausible.check, text)]
    assert found == [("implausible-value", 2)]


def test_a_level_ten_thousand_times_its_series_is_flagged_once(plan: Plan) -> None:
    """Five years of about 1.1 million residents and one of 110: one finding, on that row."""
    rows = [f"{POP},{y},lanshan,{1_100_000 + y},人,," for y in range(2012, 2017)]
    found = cross_rule(plan, plausible.check, csv_rows(*rows, f"{POP},2017,lanshan,110,人,,"))
    assert [f.line for f in found] == [7]
