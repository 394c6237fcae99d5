"""Properties of a level target's starting point and pace over random series of figures
for parts of years (hypothesis): the words and figures depend on where a figure ends, not
on how its period is written, and a starting point reads the same from the plan's baseline
as from a figure of that year (assessment.md, level: "the plan's baseline when it gives a
value, else the earliest observation")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import csv_rows, store_from
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.assessment.engine import Assessment, assess, year_point
from linyi_tracker.plan.models import Baseline, LevelTarget, Plan

# (target, lowest and highest figure): higher-is-better coverage (≥ 92 %) and the
# lower-is-better urban–rural 低保 ratio (< 1.5)
TARGETS = {
    "ss.employee_insurance_coverage.2020": (50, 100),
    "ss.dibao_urban_rural_ratio.2020": (1, 3),
}

# A figure of part of a year ends at a quarter's end: written as its month or its quarter
# (2017-06 or 2017Q2); the year's last quarter as 2017-12 or 2017Q4.
ends = st.tuples(st.integers(2014, 2020), st.sampled_from([3, 6, 9, 12]))


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _quarter(year: int, month: int) -> str:
    return f"{year}Q{month // 3}"


def _assess(plan: Plan, target: LevelTarget, as_of: str, figures: dict[str, Decimal]) -> Assessment:
    rows = [f"{target.indicator},{p},,{v},,s," for p, v in figures.items()]
    store = store_from(plan, ("t.csv", csv_rows(*rows)))
    assert store.errors == [], store.errors
    return assess(plan, store, target, parse_period(as_of), plan.city.id)


def _said(a: Assessment) -> tuple[object, ...]:
    """What every output prints of a level target: its words and figures."""
    return (
        a.status,
        a.regressing,
        a.actual,
        a.achievement,
        # where the starting point ends and its value (2017-06 and 2017Q2 are one end)
        a.starting_point and (year_point(a.starting_point[0]), a.starting_point[1]),
        a.progress,
        a.time_progress,
        a.schedule_gap,
        a.pace,
        a.projected,
        sorted(a.reasons),
    )


@st.composite
def series(draw: st.DrawFn, low: int, high: int) -> dict[tuple[int, int], Decimal]:
    where = draw(st.lists(ends, min_size=1, max_size=5, unique=True))
    values = st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False)
    return {end: draw(values) for end in sorted(where)}


@settings(max_examples=60, deadline=None)
@given(
    target_id=st.sampled_from(sorted(TARGETS)),
    data=st.data(),
    as_of=ends,
)
def test_a_part_year_figure_reads_alike_written_as_its_month_or_its_quarter(
    plan: Plan, target_id: str, data: st.DataObject, as_of: tuple[int, int]
) -> None:
    """A series of figures for parts of years (2017-06 …) and the same figures written as
    quarters (2017Q2 …): the same status, starting point, time elapsed, pace and
    projection, whatever the as-of period and the indicator's direction."""
    target = plan.target_by_id[target_id]
    assert isinstance(target, LevelTarget)
    figures = data.draw(series(*TARGETS[target_id]))
    by_month = _assess(plan, target, _month(*as_of), {_month(*e): v for e, v in figures.items()})
    by_quarter = _assess(
        plan, target, _quarter(*as_of), {_quarter(*e): v for e, v in figures.items()}
    )
    assert _said(by_month) == _said(by_quarter)


@settings(max_examples=60, deadline=None)
@given(target_id=st.sampled_from(sorted(TARGETS)), data=st.data(), as_of=ends)
def test_a_baseline_in_the_plan_reads_as_a_figure_of_its_year(
    plan: Plan, target_id: str, data: st.DataObject, as_of: tuple[int, int]
) -> None:
    """The plan's baseline (2015, B) and a 2015 figure B with no baseline in the plan are
    one starting point: the figures after it read the same (progress, time elapsed, pace,
    status), whichever parts of years they cover."""
    target = plan.target_by_id[target_id]
    assert isinstance(target, LevelTarget)
    low, high = TARGETS[target.id]
    base = data.draw(st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False))
    figures = {_month(*e): v for e, v in data.draw(series(low, high)).items() if e[0] > 2015}
    with_baseline = target.model_copy(
        update={"baseline": Baseline(year=2015, value=base, source="plan")}
    )
    from_plan = _assess(plan, with_baseline, _month(*as_of), figures)
    from_figure = _assess(plan, target, _month(*as_of), {"2015": base, **figures})
    if not figures or from_plan.actual_period is None:
        return  # the 2015 figure is then the actual itself: nothing after the start to compare
    assert _said(from_plan) == _said(from_figure)


@settings(max_examples=60, deadline=None)
@given(start=ends, latest=ends, data=st.data())
def test_time_elapsed_counts_the_months_from_where_the_start_ends(
    plan: Plan, start: tuple[int, int], latest: tuple[int, int], data: st.DataObject
) -> None:
    """A first figure at the end of a month (2017-06) and a later one: time elapsed is the
    months between their ends over the months from the start's end to the deadline's
    (round() put a June 2017 start at the end of 2016: half a year too many)."""
    target = plan.target_by_id["ss.employee_insurance_coverage.2020"]
    assert isinstance(target, LevelTarget)
    assume(start < latest and latest[0] >= 2015)  # a figure of the plan's years after the start
    low = TARGETS[target.id][0]
    v0, v1 = (data.draw(st.decimals(low, 91, places=1)) for _ in range(2))
    a = _assess(plan, target, _month(*latest), {_month(*start): v0, _month(*latest): v1})
    months = (latest[0] - start[0]) * 12 + latest[1] - start[1]
    to_deadline = (2020 - start[0]) * 12 + 12 - start[1]
    assert a.starting_point == (parse_period(_month(*start)), v0)
    assert a.time_progress is not None
    assert a.time_progress * to_deadline == pytest.approx(min(months, to_deadline))
