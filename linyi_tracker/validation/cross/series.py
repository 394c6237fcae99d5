"""Each (indicator, region) series of levels the submission touched, with the stored
figures of the same series merged in by period: what the year-to-date, outlier and
plausibility rules look at. Worked out once a submission (``Submitted``'s memo)."""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from linyi_tracker.actuals.observation import Observation
from linyi_tracker.validation.cross.figures import Stored, Submitted

Ref = int | Observation  # a submitted row's number, or the stored observation


@dataclass(frozen=True, slots=True)
class Series:
    """One series in period order, words left out: period codes, values as floats, and
        for each a reference (a row number when submitted, the Observation when stored) — arrays
    of numbers for a series the store has no figures of;
        ``stored`` the store's whole series (words too); ``rows``, ``row_codes`` and
        ``row_values`` the submitted rows alone (words too, as NaN)."""

    indicator: str
    region: str
    flow: bool
    numbers: tuple[int, int]  # the indicator's and the region's, as in Submitted.series_keys
    rows: Sequence[int]
    row_codes: Sequence[int]
    row_values: Sequence[float]
    codes: Sequence[int]
    values: Sequence[float]
    refs: Sequence[Ref]
    stored: list[Observation]


def series_of(submitted: Submitted, stored: Stored) -> list[Series]:
    """The series of the figures that count, in key order (levels only)."""
    if submitted.series is not None:
        return cast(list[Series], submitted.series)
    out: list[Series] = []
    series_keys, row_series = submitted.series_keys, submitted.row_series
    all_codes, values = submitted.codes, submitted.values
    for number, group in itertools.groupby(submitted.counted, row_series.__getitem__):
        ind, reg, growth = series_keys[number]
        if growth:
            continue  # levels only
        rows = array("i", group)
        indicator, region = submitted.indicators[ind], submitted.regions[reg]
        codes: Sequence[int] = array("i", map(all_codes.__getitem__, rows))
        figures: Sequence[float] = array("d", map(values.__getitem__, rows))
        own_codes, own_figures = codes, figures
        refs: Sequence[Ref] = rows
        history = stored.series(indicator, region)
        if history:
            merged: dict[int, tuple[float, Ref]] = {
                o.period.code: (float(o.value) if o.value is not None else math.nan, o)
                for o in history
            }
            merged.update(zip(codes, zip(figures, refs, strict=True), strict=True))
            codes = sorted(merged)
            figures = [merged[c][0] for c in codes]
            refs = [merged[c][1] for c in codes]
        if math.isnan(sum(figures)):  # words are passed over by every check
            kept = [k for k, v in enumerate(figures) if not math.isnan(v)]
            codes = [codes[k] for k in kept]
            figures = [figures[k] for k in kept]
            refs = [refs[k] for k in kept]
        flow = submitted.plan.indicator_by_id[indicator].flow
        out.append(
            Series(
                indicator,
                region,
                flow,
                (ind, reg),
                rows,
                own_codes,
                own_figures,
                codes,
                figures,
                refs,
                history,
            )
        )
    submitted.series = out
    return out
