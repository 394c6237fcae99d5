"""validation/cross/figures.py: the submitted rows kept as columns of small numbers (a
series number, a period code, the numbers of as_of and file), not a tuple and a few
objects a row; the rows that count in key order whatever order the series arrive in."""

from __future__ import annotations

import tracemalloc
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import same_keys
from linyi_tracker.validation.cross.figures import Stored, Submitted
from linyi_tracker.validation.cross.series import series_of

ROWS = 40_000


def _fill(plan: Plan, submitted: Submitted) -> None:
    """ROWS figures of every indicator and region over many months, as clerks send them:
    a file a region and month, each with its own as_of."""
    indicators = [i.id for i in plan.indicators]
    regions = [r.id for r in plan.regions]
    months = [parse_period(f"{y}-{m:02d}") for y in range(2000, 2050) for m in range(1, 13)]
    n = 0
    for period in months:
        for region in regions:
            name = f"{region}-{period.text}.csv"
            day = date(period.year, 12, 28)
            for line, indicator in enumerate(indicators, start=2):
                submitted.add_number(indicator, period, region, 1.5 + n, day, name, line)
                n += 1
                if n == ROWS:
                    return


def test_a_submitted_row_takes_a_few_bytes(plan: Plan) -> None:
    """A submitted row costs its columns' few bytes (series, period, value, as_of, file,
    line), not a key tuple, a period code object and list slots (about 200 bytes before)."""
    submitted = Submitted(plan)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        _fill(plan, submitted)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(submitted.codes) == ROWS
    assert grown / ROWS < 48, grown / ROWS


def test_the_rules_grouping_holds_no_tuple_a_row(plan: Plan) -> None:
    """Settling the rows that count and the series the rules look at (rows out of key
    order, as counties send them) takes a few bytes a row at its peak, not a key a row."""
    submitted = Submitted(plan)
    _fill(plan, submitted)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        same_keys.check(submitted, Stored(None, submitted), plan)
        series_of(submitted, Stored(None, submitted))
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(submitted.counted) == ROWS
    assert peak / ROWS < 48, peak / ROWS


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=5),  # indicator
            st.integers(min_value=0, max_value=4),  # region
            st.booleans(),  # growth
            st.sampled_from(["2016", "2016-03", "2016Q1", "2017", "2017-12", "2015-06"]),
            st.sampled_from([1.0, 2.0]),
        ),
        max_size=60,
    )
)
def test_the_rows_that_count_are_the_first_of_each_key_in_key_order(
    plan: Plan, rows: list[tuple[int, int, bool, str, float]]
) -> None:
    """Whatever order series arrive in, the rows that count are one a key (the first of a
    repeated figure, or the one the reconciliation rule keeps), sorted by the full key
    (indicator, region, growth?, period code) as the plan lists them."""
    indicators = [i.id for i in plan.indicators if not i.flow][:6]
    regions = [r.id for r in plan.regions][:5]
    submitted = Submitted(plan)
    for line, (ind, reg, growth, period, value) in enumerate(rows, start=2):
        submitted.add_number(
            indicators[ind % len(indicators)],
            parse_period(period),
            regions[reg % len(regions)],
            value,
            None,
            "a.csv",
            line,
            "growth" if growth else "level",
        )
    same_keys.check(submitted, Stored(None, submitted), plan)
    keys = [submitted.key_of(i) for i in range(len(submitted.codes))]
    counted = submitted.counted.tolist()
    assert [keys[i] for i in counted] == sorted({keys[i] for i in range(len(keys))})
    firsts = {keys[i]: i for i in reversed(range(len(keys)))}
    repeated_alike = [
        i
        for i in counted
        if all(
            submitted.values[j] == submitted.values[i]
            for j in range(len(keys))
            if keys[j] == keys[i]
        )
    ]
    assert all(firsts[keys[i]] == i for i in repeated_alike)
