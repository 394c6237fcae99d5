"""Store.index(): every series, oldest first, as the plain definition gives it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker.actuals.observation import GROWTH, LEVEL
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.reader import Observation
from linyi_tracker.actuals.store import Store

_PERIODS = ["2016", "2016Q3", "2016-09", "2017", "2016年9月", "2015-12", "2017Q1"]

observations = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from(_PERIODS),
        st.sampled_from(["city", "lanshan"]),
        st.sampled_from([LEVEL, GROWTH]),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(observations)
def test_the_index_is_each_series_in_period_order(rows: list[tuple[str, str, str, str]]) -> None:
    """Each series holds its figures sorted by period, equal periods in the order of the
    figures, and the series come in the order their first figure does after that sort."""
    made = [
        Observation(i, parse_period(p), r, Decimal(n), None, None, None, "", "", None, "f", n, m)
        for n, (i, p, r, m) in enumerate(rows, start=2)
    ]
    ordered = sorted(made, key=lambda o: o.period.sort_key)
    want: dict[tuple[str, str, str], list[Observation]] = {}
    for o in ordered:
        want.setdefault((o.indicator, o.region, o.measure), []).append(o)
    got = Store(Path("."), observations=made).index()
    assert list(got.items()) == list(want.items())
