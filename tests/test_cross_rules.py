"""The cross-row rules of validation/cross/ (ytd.py, outliers.py, region_sums.py) against
the same rules written here again, row by row, from the method's words: both must flag the
same rows of generated submissions — year-to-date figures that fall, outliers within their
class, and city figures that are not the sum of their regions. Each rule's own cases are in
tests/test_cross_<rule>.py.

The submissions come in key order, reversed and shuffled, with rows left out at
random (a region without a figure for every period).
"""

from __future__ import annotations

import itertools
import random
import statistics
from collections import defaultdict
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

FLOW = "emp.new_urban_jobs"  # a flow, summed over regions
LEVEL = "pov.registered_poor_population"  # a level, summed over regions
CHECKED = ("ytd-decreasing", "outlier", "region-sum-mismatch")

Key = tuple[str, str, int, int, int]  # indicator, region, year, months, rank
Rows = list[tuple[Key, int]]  # (key, value) in file order


def _text(year: int, months: int, rank: int) -> str:
    return str(year) if rank == 2 else f"{year}-{months:02d}"


def _submission(
    plan: Plan, seed: int, drop: float, spikes: int, order: str, yearly: bool = True
) -> Rows:
    rng = random.Random(seed)
    city = plan.city.id
    counted = [r.id for r in plan.summed_regions]
    rows: Rows = []
    for indicator in (FLOW, LEVEL):
        by_period: dict[tuple[int, int, int], int] = defaultdict(int)
        for region in counted:
            base = rng.randint(50, 5000)
            for year in range(2015, 2021):
                periods = (
                    [(year, m, 0) for m in range(1, 13)] + [(year, 12, 2)] * yearly
                    if indicator == FLOW
                    else [(year, 12, 2)]
                )
                total = 0
                for year_, months, rank in periods:
                    if rank == 0 or indicator == LEVEL:
                        total += base + rng.randint(0, base // 5)
                    value = total
                    if rng.random() < drop:
                        continue
                    by_period[(year_, months, rank)] += value
                    rows.append(((indicator, region, year_, months, rank), value))
        for period, summed in sorted(by_period.items()):
            off = rng.choice([0, 0, 0, 1, -7, 1000])
            rows.append(((indicator, city, *period), summed + off))
    for _ in range(spikes):  # a figure ten times too large, or one that falls back
        k = rng.randrange(len(rows))
        key, value = rows[k]
        rows[k] = (key, value * 10 if rng.random() < 0.5 else value // 3)
    if order == "sorted":
        rows.sort(key=lambda r: r[0])
    elif order == "reversed":
        rows.sort(key=lambda r: r[0], reverse=True)
    else:
        rng.shuffle(rows)
    return rows


def _write(rows: Rows, path: Path) -> None:
    lines = ["indicator,period,region,value"]
    lines += [f"{k[0]},{_text(*k[2:])},{k[1]},{v}" for k, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _plain_rules(plan: Plan, rows: Rows) -> set[tuple[str, int]]:
    """The three rules, row by row: (code, line) of every row they flag.

    A flow's December and year figures cover one span (issue 27): the first in the file
    counts, the other is its duplicate or conflict and is not checked again."""
    seen: set[tuple[str, str, int, int]] = set()
    first: Rows = []
    for key, value in rows:
        span = (key[0], key[1], key[2], key[3] if plan.indicator_by_id[key[0]].flow else key[4])
        if span not in seen:
            seen.add(span)
            first.append((key, value))
    line_of_all = {key: n + 2 for n, (key, _) in enumerate(rows)}
    rows = first
    flagged: set[tuple[str, int]] = set()
    line_of = {key: line_of_all[key] for key, _ in rows}
    value_of = dict(rows)
    series: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for key in sorted(value_of, key=lambda k: (k[0], k[1], k[2], k[3], k[4])):
        series[(key[0], key[1])].append(key)
    for (indicator, _), keys in series.items():
        flow = plan.indicator_by_id[indicator].flow
        if flow:  # each figure against the one before it in the same year
            for a, b in itertools.pairwise(keys):
                if a[2] == b[2] and b[3] > a[3] and value_of[b] < value_of[a]:
                    flagged.add(("ytd-decreasing", line_of[b]))
        classes: dict[int, list[Key]] = defaultdict(list)
        for key in keys:
            classes[key[3] if flow else 0].append(key)
        for members in classes.values():
            if len(members) < 5:
                continue
            figures = [float(value_of[k]) for k in members]
            median = statistics.median(figures)
            mad = max(statistics.median(abs(v - median) for v in figures), 0.05 * abs(median))
            if mad == 0:
                continue
            for key, v in zip(members, figures, strict=True):
                if abs(0.6745 * (v - median) / mad) > 3.5:
                    flagged.add(("outlier", line_of[key]))
    counted = [r.id for r in plan.summed_regions]
    city = plan.city.id
    for key, whole in value_of.items():
        if key[1] != city:
            continue
        parts = [value_of.get((key[0], r, *key[2:])) for r in counted]
        if all(p is not None for p in parts) and sum(p or 0 for p in parts) != whole:
            flagged.add(("region-sum-mismatch", line_of[key]))
    return flagged


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**32 - 1),
    drop=st.sampled_from([0.0, 0.0, 0.01, 0.2]),
    spikes=st.integers(0, 6),
    order=st.sampled_from(["sorted", "reversed", "shuffled"]),
    yearly=st.booleans(),  # without the year's own figure, months sit at a fixed stride
)
def test_the_fast_cross_row_checks_flag_what_the_plain_rules_flag(
    plan: Plan, tmp_path: Path, seed: int, drop: float, spikes: int, order: str, yearly: bool
) -> None:
    rows = _submission(plan, seed, drop, spikes, order, yearly)
    path = tmp_path / f"generated-{seed}.csv"
    _write(rows, path)
    report = validate([str(path)], plan, store=None, today=TODAY)
    found = {(f.code, f.line or 0) for f in report.findings if f.code in CHECKED}
    assert found == _plain_rules(plan, rows)


def test_a_generated_submission_gives_each_rule_something_to_flag(
    plan: Plan, tmp_path: Path
) -> None:
    """The generator above is not idle: one fixed submission trips all three rules."""
    rows = _submission(plan, seed=7, drop=0.01, spikes=6, order="shuffled")
    codes = {code for code, _ in _plain_rules(plan, rows)}
    assert codes == set(CHECKED)
