"""A city figure against the sum of its regions' figures, per (indicator, period) the
submission touched, for indicators summed over regions (``aggregate: sum``). The regions
missing from the submission are taken from the store (one stored nowhere: no check); each
figure is counted once (a zone inside a county's figures, part_of, is not added); half the
written precision of each rounded figure summed is allowed (44.2万: 500)."""

from __future__ import annotations

import collections
import itertools
import math
import operator
from itertools import repeat

from linyi_tracker.actuals.numbers import sum_text
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import (
    Key,
    Row,
    Stored,
    Submitted,
    at,
    half_step,
)
from linyi_tracker.validation.cross.series import series_of


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    number = submitted.region_number
    city = number[plan.city.id]
    subs = [number[r.id] for r in plan.summed_regions]
    if not subs:
        return out  # a plan of the whole area alone (a national plan): no parts to add up
    counted = frozenset(subs)
    summed = {submitted.indicator_number[i.id] for i in plan.indicators if i.aggregate == "sum"}
    exact = submitted.exact
    of_summed = (s for s in series_of(submitted, stored) if s.numbers[0] in summed)
    for indicator, group in itertools.groupby(of_summed, lambda s: s.numbers[0]):
        name = submitted.indicators[indicator]
        # per region (in order), then per period code: the counted regions' sum, which
        # regions gave a figure, the first submitted row, the allowed slack; the city's rows
        touched: set[int] = set()
        sums: dict[int, float] = {}
        slack: dict[int, float] = {}
        given: dict[int, set[int]] = {}
        firsts: dict[int, int] = {}
        city_rows: dict[int, int] = {}
        figures_at: collections.Counter[int] = collections.Counter()  # counted regions' figures
        for s in group:
            region = s.numbers[1]
            # as lists, for the few passes below (the series keeps arrays)
            rows, codes, figures = list(s.rows), list(s.row_codes), list(s.row_values)
            touched.update(codes)
            if region == city:
                city_rows.update(zip(codes, rows, strict=True))
                continue
            if region not in counted:
                continue
            if math.isnan(sum(figures)):  # a word is not summed
                kept = [k for k, v in enumerate(figures) if not math.isnan(v)]
                rows, codes, figures = (
                    [rows[k] for k in kept],
                    [codes[k] for k in kept],
                    [figures[k] for k in kept],
                )
            # added place by place in region order, so the sums are the same floats
            sums.update(
                zip(
                    codes,
                    map(operator.add, map(sums.get, codes, repeat(0.0)), figures),
                    strict=False,
                )
            )
            given[region] = set(codes)
            figures_at.update(codes)
            firsts = dict(zip(codes, rows, strict=True)) | firsts
            for c, i in zip(codes, rows, strict=True):
                if i in exact:
                    slack[c] = slack.get(c, 0.0) + half_step(exact[i])
        for code in sorted(touched):
            period = submitted.periods[code]

            def key(region: int) -> Key:
                return (indicator, region, False, code)  # noqa: B023 (used at once)

            city_row = city_rows.get(code)
            whole: Row | None = (
                submitted.row(city_row) if city_row is not None else stored.row(key(city))
            )
            if whole is None or whole.value is None:
                continue
            total, allowed = sums.get(code, 0.0), slack.get(code, 0.0)
            if city_row is not None:
                allowed += half_step(exact[city_row]) if city_row in exact else 0.0
            else:
                allowed += stored.half_step(key(city))
            from_store: list[float] = []  # the figures of regions the submission lacks
            for r in subs if figures_at[code] < len(subs) else ():
                if code in given.get(r, ()):
                    continue
                other = stored.row(key(r))
                if other is None or other.value is None:
                    break  # a region without a figure: the sum cannot be checked
                total += other.value
                from_store.append(other.value)
                allowed += stored.half_step(key(r))
            else:
                if math.isclose(total, whole.value, rel_tol=1e-12, abs_tol=max(1e-9, allowed)):
                    continue
                first = firsts.get(code)
                blame = (
                    whole
                    if whole.submitted
                    else (submitted.row(first) if first is not None else None)
                )
                if blame is not None:
                    params: dict[str, Param] = {
                        "indicator": name,
                        "period": period.text,
                        "value": whole.text,
                        "regions": len(subs),
                        "regions_sum": sum_text(
                            [_figure(submitted, key(r)) for r in subs if code in given.get(r, ())]
                            + from_store
                        ),
                    }
                    out.append(at(blame, "region-sum-mismatch", Severity.WARNING, params))
    return out


def _figure(submitted: Submitted, key: Key) -> float:
    """The submitted figure that counts for ``key`` (one the sum above added)."""
    row = submitted.current_at(key)
    assert row is not None  # the sum added it
    return submitted.values[row]
