"""Invariants of the assessment over every target × region × as-of period of the example
data — both example plans, the demo, the shipped figures and the 13th Five-Year Plan's —
for the rules the sweep of issue "figures a reader can trust" mended: a year not over is
never missed, one figure is its own starting point, a milestone is shown by when it was
first done (tests/test_revised_mark.py holds the revision mark's cases: the example data
have no revisions)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import REPO
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.assessment.engine import Assessment, assess
from linyi_tracker.assessment.series import SeriesBook
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

CN_PLAN = REPO / "examples" / "plans" / "cn-13th-fyp.yaml"
AS_OF = [str(y) for y in range(2015, 2021)] + ["2016Q2", "2017-08", "2018-06", "2019Q3", "2020-06"]
DATASETS = {
    "demo": (None, "examples/demo"),
    "shipped": (None, "data/actuals"),
    "cn-13th-fyp": (CN_PLAN, "examples/plans/cn-13th-fyp"),
}

Assessed = tuple[Plan, Store, list[tuple[Period, Assessment]]]


@pytest.fixture(scope="module", params=sorted(DATASETS))
def assessed(request: pytest.FixtureRequest, plan: Plan) -> Assessed:
    plan_file, data = DATASETS[str(request.param)]
    the_plan = read_plan(plan_file) if plan_file else plan
    store = load_store(the_plan, REPO / data, today=date(2021, 6, 30))
    book = SeriesBook(the_plan, store)
    out = []
    for text in AS_OF:
        p = parse_period(text)
        for region in the_plan.regions:
            for target in the_plan.targets:
                out.append((p, assess(the_plan, store, target, p, region.id, book)))
    return the_plan, store, out


def test_a_sum_or_a_year_is_missed_only_on_a_whole_year_figure(assessed: Assessed) -> None:
    """An annual or cumulative target is missed only when its latest year's figure covers
    the whole year (a year-to-date figure of a year that is over is not final)."""
    for p, a in assessed[2]:
        if a.kind in ("annual", "cumulative") and a.status == "missed":
            assert a.actual_period is not None and a.actual_period.is_full_year, (
                str(p),
                a.target_id,
                a.region,
            )


def test_one_level_figure_is_its_own_starting_point(assessed: Assessed) -> None:
    """A level target with no baseline in the plan, judged on the first figure of its
    series, has no progress, pace or schedule gap, whichever part of a year it covers."""
    the_plan, store, results = assessed
    book = SeriesBook(the_plan, store)
    for p, a in results:
        target = the_plan.target_by_id[a.target_id]
        if a.kind != "level" or a.actual_period is None or getattr(target, "baseline", None):
            continue
        indicator = the_plan.indicator_by_id[a.indicator]
        numbers = [o for o in book.series(indicator, a.region).up_to(p) if o.value is not None]
        if numbers and numbers[0].period == a.actual_period:
            where = (str(p), a.target_id, a.region)
            assert a.progress is None and a.pace is None and a.schedule_gap is None, where


def test_a_milestone_done_is_shown_by_when_it_was_first_done(assessed: Assessed) -> None:
    """A done milestone's period is the first figure that says done, and 'on time' never
    stands beside a period after the deadline year unless a date says it was on time."""
    for p, a in assessed[2]:
        if a.kind != "milestone" or a.status != "done" or a.actual_period is None:
            continue
        (shown,) = a.evidence
        assert shown.period == a.actual_period
        if a.on_time and shown.done_on is None:
            assert a.actual_period.year <= a.deadline, (str(p), a.target_id, a.region)
