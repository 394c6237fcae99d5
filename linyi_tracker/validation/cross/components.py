"""Components against their whole: a part's figure above the whole's
(``component-exceeds-total``), and the parts together above it
(``components-exceed-total``), per period and region the submission touched; a figure
the submission lacks is taken from the store."""

from __future__ import annotations

import math

from linyi_tracker.actuals.numbers import sum_text
from linyi_tracker.actuals.periods import Period
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import AnnualTarget, CumulativeTarget, LevelTarget, Plan
from linyi_tracker.validation.cross.figures import Key, Row, Stored, Submitted, at


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    wholes = [
        t
        for t in plan.targets
        if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget) and t.components
    ]
    if not wholes:
        return out
    number = submitted.indicator_number
    parts_of = {
        t.id: [plan.target_by_id[c].indicator for c in t.components if c in plan.target_by_id]
        for t in wholes
    }
    involved = {number[t.indicator] for t in wholes}
    involved |= {number[p] for parts in parts_of.values() for p in parts}
    series = {
        n
        for n, (ind, _, growth) in enumerate(submitted.series_keys)
        if ind in involved and not growth
    }
    row_series = submitted.row_series
    mine = {submitted.key_of(i): i for i in submitted.counted if row_series[i] in series}
    touched = {(code, region, ind) for ind, region, _, code in mine}

    def figure(indicator: str, period: Period, region: str) -> Row | None:
        key: Key = (number[indicator], submitted.region_number[region], False, period.code)
        if key in mine:
            return submitted.row(mine[key])
        return stored.row(key)

    for whole in wholes:
        parts = parts_of[whole.id]
        ids = {number[whole.indicator], *(number[p] for p in parts)}
        for code, region_number in sorted({(c, r) for (c, r, ind) in touched if ind in ids}):
            period, region = submitted.periods[code], submitted.regions[region_number]
            total = figure(whole.indicator, period, region)
            if total is None or total.value is None:
                continue
            present = [
                r
                for p in parts
                if (r := figure(p, period, region)) is not None and r.value is not None
            ]
            for part in present:
                assert part.value is not None
                if part.value > total.value:
                    blame = part if part.submitted else total
                    if blame.submitted:
                        params: dict[str, Param] = {
                            "part": part.indicator,
                            "part_value": part.text,
                            "whole": total.indicator,
                            "whole_value": total.text,
                            "period": period.text,
                        }
                        out.append(at(blame, "component-exceeds-total", Severity.ERROR, params))
            figures = [r.value for r in present if r.value is not None]
            summed = math.fsum(figures)
            blame2 = total if total.submitted else next((r for r in present if r.submitted), None)
            if summed > total.value and blame2 is not None:
                params = {
                    "whole": total.indicator,
                    "parts_sum": sum_text(figures),
                    "whole_value": total.text,
                    "period": period.text,
                }
                out.append(at(blame2, "components-exceed-total", Severity.WARNING, params))
    return out
