"""A year-to-date figure below the one before it in the same year (a flow's series)."""

from __future__ import annotations

import itertools
import operator

from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Row, Stored, Submitted, at
from linyi_tracker.validation.cross.series import Ref, series_of


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """Each flow series (words left out, in period order; period code = year·64 +
    months·4 + kind): only the places where a figure is below its neighbour — in a series
    of year-to-date figures the turn of each year — are looked at."""
    out: list[Finding] = []

    def row(ref: Ref) -> Row:
        return submitted.row(ref) if isinstance(ref, int) else Row.of(ref)

    for s in series_of(submitted, stored):
        if not s.flow:
            continue
        codes, values, refs = s.codes, s.values, s.refs
        drops = itertools.compress(
            range(1, len(values)), map(operator.lt, itertools.islice(values, 1, None), values)
        )
        for k in drops:
            code_a, code_b = codes[k - 1], codes[k]
            if code_a >> 6 != code_b >> 6 or (code_b & 63) >> 2 <= (code_a & 63) >> 2:
                continue  # a new year, or a period of the same months (a quarter, its year)
            ref_a, ref_b = refs[k - 1], refs[k]
            blame = ref_b if isinstance(ref_b, int) else ref_a
            if not isinstance(blame, int):
                continue
            earlier, later = row(ref_a), row(ref_b)
            params: dict[str, Param] = {
                "period": later.period.text,
                "value": later.text,
                "other_period": earlier.period.text,
                "other_value": earlier.text,
                "other_file": earlier.file,
                "other_line": earlier.line,
            }
            out.append(at(row(blame), "ytd-decreasing", Severity.ERROR, params))
    return out
