"""A city figure against the sum of its regions' figures, per (indicator, period) the
submission touched, for indicators summed over regions (``aggregate: sum``). The regions
missing from the submission are taken from the store (one stored nowhere: no check); each
figure is counted once (a zone inside a county's figures, part_of, is not added); half the
written precision of each rounded figure summed is allowed (44.2万: 500)."""

from __future__ import annotations

import itertools
import math

from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import (
    Key,
    Row,
    Stored,
    Submitted,
    at,
    half_step,
    number_text,
)


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    number = submitted.region_number
    city = number[plan.city.id]
    subs = [number[r.id] for r in plan.summed_regions]
    if not subs:
        return out  # a plan of the whole area alone (a national plan): no parts to add up
    counted = frozenset(subs)
    summed = {submitted.indicator_number[i.id] for i in plan.indicators if i.aggregate == "sum"}
    keys, values, exact = submitted.keys, submitted.values, submitted.exact
    rows = (i for i in submitted.current if keys[i][0] in summed and not keys[i][2])
    for indicator, group in itertools.groupby(rows, lambda i: keys[i][0]):
        mine = list(group)
        name = submitted.indicators[indicator]
        # per period code, in region order: the counted regions' sum, which regions gave a
        # figure, the first submitted row, the allowed slack; and the city's row
        sums: dict[int, float] = {}
        present: dict[int, set[int]] = {}
        firsts: dict[int, int] = {}
        slack: dict[int, float] = {}
        city_rows: dict[int, int] = {}
        for i in mine:
            _, region, _, code = keys[i]
            sums.setdefault(code, 0.0)
            present.setdefault(code, set())
            slack.setdefault(code, 0.0)
            if region == city:
                city_rows[code] = i
                continue
            if region not in counted or math.isnan(values[i]):
                continue  # a word is not summed
            sums[code] += values[i]
            present[code].add(region)
            firsts.setdefault(code, i)
            if i in exact:
                slack[code] += half_step(exact[i])
        for code in sorted(sums):
            period = submitted.periods[code]

            def key(region: int) -> Key:
                return (indicator, region, False, code)  # noqa: B023 (used at once)

            city_row = city_rows.get(code)
            whole: Row | None = (
                submitted.row(city_row) if city_row is not None else stored.row(key(city))
            )
            if whole is None or whole.value is None:
                continue
            total, allowed = sums[code], slack[code]
            if city_row is not None:
                allowed += half_step(exact[city_row]) if city_row in exact else 0.0
            else:
                allowed += stored.half_step(key(city))
            for r in subs:
                if r in present[code]:
                    continue
                other = stored.row(key(r))
                if other is None or other.value is None:
                    break  # a region without a figure: the sum cannot be checked
                total += other.value
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
                        "regions_sum": number_text(total),
                    }
                    out.append(at(blame, "region-sum-mismatch", Severity.WARNING, params))
    return out
