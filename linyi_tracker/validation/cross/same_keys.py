"""Duplicates and conflicts within the submission: the rows of one key, then the figures
of a flow indicator whose labels cover one span (2019Q4, 2019-12 and 2019:
observation.span_of), each group decided by the one rule of
:mod:`linyi_tracker.actuals.reconcile` (the store uses the same), on exact values.

This rule also settles which row counts for each key (``Submitted.counted``) and which
rows a later as_of replaced (``Submitted.history``): the rules after it look at those.
"""

from __future__ import annotations

import collections
import itertools
import operator
from array import array
from collections.abc import Iterable

from linyi_tracker.actuals.reconcile import decide, decide_span, findings
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """Each group of rows of one key (in arrival order), then of one span, decided; series
    by series, in key order."""
    series_keys, row_series, codes = submitted.series_keys, submitted.row_series, submitted.codes
    n = len(codes)
    order = sorted(range(len(series_keys)), key=series_keys.__getitem__)  # the series in key order
    # Rows in strictly increasing key order (exports and templates often are) repeat no
    # key: one comparison of neighbours, in C, tells. Series are numbered as they first
    # come, so in such rows their numbers follow the key order.
    ordered = order == list(range(len(order))) and all(
        map(
            operator.lt,
            zip(row_series, codes, strict=True),
            zip(
                itertools.islice(row_series, 1, None), itertools.islice(codes, 1, None), strict=True
            ),
        )
    )
    flows = {submitted.indicator_number[i.id] for i in plan.indicators if i.flow}
    spans_of_labels = collections.Counter(code >> 2 for code in submitted.periods)
    spans = bool(flows) and max(spans_of_labels.values(), default=0) >= 2
    if ordered and not (spans and _neighbours_share_a_span(row_series, codes)):
        submitted.counted = array("i", range(n))
        return []
    runs: Iterable[tuple[int, array[int]]]
    if ordered:  # each series' rows come together, in key order
        runs = (
            (s, array("i", rows)) for s, rows in itertools.groupby(range(n), row_series.__getitem__)
        )
    else:  # each series' rows in arrival order (an array of row numbers a series)
        rows_of = [array("i") for _ in series_keys]
        appends = [rows.append for rows in rows_of]
        collections.deque(
            map(operator.call, map(appends.__getitem__, row_series), itertools.count()), maxlen=0
        )
        runs = ((s, rows_of[s]) for s in order)
    out: list[Finding] = []
    by_span: list[Finding] = []
    history: list[int] = []
    span_history: list[int] = []
    current = array("i")
    for s, rows in runs:
        counted = rows if ordered else _by_key(submitted, rows, out, history)
        if spans and series_keys[s][0] in flows:
            counted = _by_span(submitted, counted, by_span, span_history)
        current += counted
        if not ordered:
            rows_of[s] = array("i")  # done with
    submitted.counted = current
    submitted.history += history + span_history
    return out + by_span


def _neighbours_share_a_span(row_series: array[int], codes: array[int]) -> bool:
    """Whether two neighbouring rows are of one series and span (period code without its
    kind rank), told in C."""
    spans = map(operator.rshift, codes, itertools.repeat(2))
    later = map(operator.rshift, itertools.islice(codes, 1, None), itertools.repeat(2))
    return any(
        map(
            operator.and_,
            map(operator.eq, row_series, itertools.islice(row_series, 1, None)),
            map(operator.eq, spans, later),
        )
    )


def _by_key(
    submitted: Submitted, rows: array[int], out: list[Finding], history: list[int]
) -> array[int]:
    """One series' rows (in arrival order): the row that counts for each period, in period
    order; the findings of each period given more than once."""
    codes = list(map(submitted.codes.__getitem__, rows))
    if all(map(operator.lt, codes, itertools.islice(codes, 1, None))):
        return rows
    current = array("i")
    for _, group in itertools.groupby(
        sorted(range(len(rows)), key=codes.__getitem__), codes.__getitem__
    ):
        same = [rows[k] for k in group]
        if len(same) == 1:
            current.append(same[0])
            continue
        figures = [submitted.figure(r) for r in same]
        decision = decide(figures)
        out.extend(findings(submitted.store_key(same[0]), figures, decision))
        current.append(same[decision.current])
        history += [same[h] for h in decision.history]
    return current


def _by_span(
    submitted: Submitted, rows: array[int], out: list[Finding], history: list[int]
) -> array[int]:
    """One flow series' rows that count (in period order): those whose labels cover one span
    (the period code without its kind rank) decided together."""
    spans = list(
        map(operator.rshift, map(submitted.codes.__getitem__, rows), itertools.repeat(2))
    )  # span()
    if not any(map(operator.eq, spans, itertools.islice(spans, 1, None))):
        return rows
    counted = array("i")
    for _, group in itertools.groupby(range(len(rows)), spans.__getitem__):
        same = [rows[k] for k in group]
        if len(same) == 1:
            counted.extend(same)
            continue
        # in file order, as the store sees them (a clash's current is the first)
        same.sort(key=lambda r: (submitted.file(r), submitted.lines[r]))
        keys = [submitted.store_key(r) for r in same]
        series = (keys[0][0], keys[0][2], keys[0][3])
        figures = [submitted.figure(r) for r in same]
        decision, found = decide_span(series, [k[1] for k in keys], figures)
        out.extend(found)
        counted.append(same[decision.current])
        history += [same[h] for h in decision.history]
    return counted
