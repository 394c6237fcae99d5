"""validation/cross/outliers.py: robust z-scores within each class of a series."""

from __future__ import annotations

import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import cross_rule, csv_rows
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import outliers
from linyi_tracker.validation.cross.outliers import (
    OUTLIER_MAD_FLOOR,
    OUTLIER_Z,
    classes,
    robust_scale,
)

FLOW = "emp.new_urban_jobs"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(min_value=-(10**6), max_value=10**6).map(float),
            st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
        ),
        min_size=5,
        max_size=30,
    )
)
def test_outlier_shortcut_flags_what_the_full_formula_flags(values: list[float]) -> None:
    """The outlier check skips the MAD where no figure can stand out; it must flag
    exactly the figures the plain formula (statistics.median twice) flags."""
    median = statistics.median(values)
    mad = max(statistics.median(abs(v - median) for v in values), OUTLIER_MAD_FLOOR * abs(median))
    expected = (
        [abs(0.6745 * (v - median) / mad) > OUTLIER_Z for v in values]
        if mad
        else [False] * len(values)
    )
    scored = robust_scale(values)
    if scored is None:
        flagged = [False] * len(values)
    else:
        m, d = scored
        flagged = [abs(0.6745 * (v - m) / d) > OUTLIER_Z for v in values]
    assert flagged == expected


def test_a_flows_classes_are_the_same_months_of_each_year() -> None:
    """Six years of June and December (codes year·64 + months·4): two classes, June's and
    December's, each in period order."""
    codes = sorted(y * 64 + m * 4 for y in range(2015, 2021) for m in (6, 12))
    assert classes(codes, True) == [list(range(0, 12, 2)), list(range(1, 12, 2))]
    assert classes(codes, False) == [list(range(12))]


def test_a_figure_ten_times_its_class_is_flagged(plan: Plan) -> None:
    """Six Junes of about 500 and one of 5000: that row is an outlier, the others not."""
    rows = [f"{FLOW},{y}-06,lanshan,{500 + y % 7},人,," for y in range(2013, 2019)]
    found = cross_rule(plan, outliers.check, csv_rows(*rows, f"{FLOW},2019-06,lanshan,5000,人,,"))
    assert [(f.code, f.line) for f in found] == [("outlier", 8)]
