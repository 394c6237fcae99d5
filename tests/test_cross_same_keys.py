"""validation/cross/same_keys.py: duplicates and conflicts within the submission, and
the row that counts for each key."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import cross_rule, csv_rows
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import same_keys
from linyi_tracker.validation.cross.figures import Stored, Submitted

JOBS = "emp.new_urban_jobs"


@settings(max_examples=300, deadline=None)
@given(
    years=st.lists(st.integers(min_value=2000, max_value=2050), max_size=80),
    presorted=st.booleans(),
)
def test_the_first_of_each_keys_repeats_counts_and_the_rows_counted_are_in_key_order(
    plan: Plan, years: list[int], presorted: bool
) -> None:
    """Rows of one key are decided in arrival order: the same figure repeated keeps the
    first row, whether the rows came sorted or not, and the rows that count are in key
    order (the moved test_row_order_is_a_stable_sort_of_the_keys)."""
    submitted = Submitted(plan)
    for line, year in enumerate(sorted(years) if presorted else years, start=2):
        submitted.add_number(JOBS, parse_period(str(year)), "lanshan", 100.0, None, "a.csv", line)
    found = same_keys.check(submitted, Stored(None, submitted), plan)
    keys = [submitted.key_of(i) for i in range(len(submitted.codes))]
    expected = sorted(
        {k: i for i, k in reversed(list(enumerate(keys)))}.values(), key=keys.__getitem__
    )
    assert submitted.counted.tolist() == expected
    assert {f.code for f in found} <= {"duplicate-observation"}
    assert len(found) == len(keys) - len(set(keys))


def test_a_repeated_figure_is_a_duplicate_and_a_different_one_a_conflict(plan: Plan) -> None:
    """The same key twice with the same figure warns at the second row; a third, different
    figure is a conflict."""
    text = csv_rows(
        f"{JOBS},2016,lanshan,9800,人,,",
        f"{JOBS},2016,lanshan,9800,人,,",
        f"{JOBS},2016,lanshan,9900,人,,",
    )
    found = [(f.code, f.line) for f in cross_rule(plan, same_keys.check, text)]
    assert found == [("duplicate-observation", 3), ("conflicting-observation", 4)]


def test_a_december_figure_and_its_years_figure_of_a_flow_are_one_span(plan: Plan) -> None:
    """A flow's 2016-12 and 2016 cover one span: different figures conflict, the one first
    in the file counts."""
    text = csv_rows(f"{JOBS},2016-12,lanshan,9800,人,,", f"{JOBS},2016,lanshan,9900,人,,")
    found = [(f.code, f.line) for f in cross_rule(plan, same_keys.check, text)]
    assert found == [("conflicting-observation", 3)]
