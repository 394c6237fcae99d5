"""Outliers: robust z-scores within each class of comparable figures of a series — the
same months of each year for a flow (year-to-date figures grow through the year), all of
them otherwise. Only submitted figures are flagged; a class of stored figures alone is
not scored."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted, at
from linyi_tracker.validation.cross.series import series_of

# Iglewicz and Hoaglin's modified z-score: 0.6745·(x − median) / MAD, flagged above 3.5.
# With few values (six years of one month) the MAD of ordinary noise can be tiny and
# every small wobble would score high, so the MAD is floored at 5 % of the median's size:
# a figure ten times too large still scores about 100, everyday variation stays quiet.
OUTLIER_Z = 3.5
OUTLIER_MIN_VALUES = 5
OUTLIER_MAD_FLOOR = 0.05


def robust_scale(values: list[float]) -> tuple[float, float] | None:
    """(median, MAD floored at OUTLIER_MAD_FLOOR of the median) of the figures, or ``None``
    when none of them can have a robust z-score above OUTLIER_Z.

    The MAD is at least the floor, so when even the farthest figure is within OUTLIER_Z
    floors of the median (with a margin for rounding) the second median is not needed.
    """
    ordered = sorted(values)
    median = _median(ordered)
    floor = OUTLIER_MAD_FLOOR * abs(median)
    farthest = max(ordered[-1] - median, median - ordered[0])
    if 0.6745 * farthest < OUTLIER_Z * floor * (1 - 1e-9):
        return None
    mad = max(_median(sorted(abs(v - median) for v in ordered)), floor)
    return None if mad == 0 else (median, mad)


def _median(ordered: list[float]) -> float:
    """The median of a sorted, non-empty list (statistics.median without its sort)."""
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def classes(codes: Sequence[int], flow: bool) -> list[list[int]]:
    """The outlier classes of a series (its period codes, sorted): places of the same
    months of each year for a flow, every place otherwise; each class in period order,
    the classes in order of months."""
    if not flow:
        return [list(range(len(codes)))]
    months = [(c & 63) >> 2 for c in codes]  # period code = year·64 + months·4 + kind rank
    order = sorted(range(len(codes)), key=months.__getitem__)
    return [list(g) for _, g in itertools.groupby(order, key=months.__getitem__)]


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    for s in series_of(submitted, stored):
        values, refs = s.values, s.refs
        for members in classes(s.codes, s.flow):
            if len(members) < OUTLIER_MIN_VALUES or (
                s.stored and not any(isinstance(refs[k], int) for k in members)
            ):
                continue
            scored = robust_scale([values[k] for k in members])
            if scored is None:
                continue
            median, mad = scored
            for k in members:
                z = 0.6745 * (values[k] - median) / mad
                ref = refs[k]
                if abs(z) > OUTLIER_Z and isinstance(ref, int):
                    row = submitted.row(ref)
                    params: dict[str, Param] = {
                        "value": row.text,
                        "others": len(members) - 1,
                        "median": f"{median:g}",
                        "z": f"{z:+.1f}",
                    }
                    out.append(at(row, "outlier", Severity.WARNING, params))
    return out
