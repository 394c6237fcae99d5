"""validation/cross/against_store.py: each submitted figure against the stored one."""

from __future__ import annotations

from conftest import cross_rule, csv_rows, store_from
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import against_store

JOBS = "emp.new_urban_jobs"


def test_the_same_figure_as_stored_is_a_notice_and_a_changed_one_an_error(plan: Plan) -> None:
    """9800 as stored: already-stored; 9900 for a stored 9800 without as_of: a conflict."""
    store = store_from(
        plan,
        (
            "stored.csv",
            csv_rows(f"{JOBS},2016,lanshan,9800,人,,", f"{JOBS},2017,lanshan,9700,人,,"),
        ),
    )
    text = csv_rows(f"{JOBS},2016,lanshan,9800,人,,", f"{JOBS},2017,lanshan,9900,人,,")
    found = [(f.code, f.line) for f in cross_rule(plan, against_store.check, text, store)]
    assert found == [("already-stored", 2), ("conflicts-with-store", 3)]


def test_a_flows_year_meets_its_stored_december_figure(plan: Plan) -> None:
    """A submitted 2016 meets a stored 2016-12 of the same flow (one span): already stored."""
    store = store_from(plan, ("stored.csv", csv_rows(f"{JOBS},2016-12,lanshan,9800,人,,")))
    found = cross_rule(plan, against_store.check, csv_rows(f"{JOBS},2016,lanshan,9800,人,,"), store)
    assert [(f.code, f.line) for f in found] == [("already-stored", 2)]


def test_without_a_store_nothing_is_compared(plan: Plan) -> None:
    """No store: no finding."""
    assert cross_rule(plan, against_store.check, csv_rows(f"{JOBS},2016,lanshan,9800,人,,")) == []
