"""Duplicates and conflicts within the submission: the rows of one key, then the figures
of a flow indicator whose labels cover one span (2019Q4, 2019-12 and 2019:
observation.span_of), each group decided by the one rule of
:mod:`linyi_tracker.actuals.reconcile` (the store uses the same), on exact values.

This rule also settles which row counts for each key (``Submitted.current``) and which
rows a later as_of replaced (``Submitted.history``): the rules after it look at those.
"""

from __future__ import annotations

import collections
import itertools
import operator

from linyi_tracker.actuals.reconcile import decide, findings
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """Each group of rows of one key (in arrival order), then of one span, decided."""
    keys = submitted.keys
    out: list[Finding] = []
    n = len(keys)
    # Rows in strictly increasing key order (exports and templates often are) repeat no
    # key: one comparison of neighbours, in C, tells.
    if all(map(operator.lt, keys, itertools.islice(keys, 1, None))):
        current = list(range(n))
    else:
        current = []
        for _, group in itertools.groupby(sorted(range(n), key=keys.__getitem__), keys.__getitem__):
            rows = list(group)
            if len(rows) == 1:
                current.append(rows[0])
                continue
            figures = [submitted.figure(r) for r in rows]
            decision = decide(figures)
            out.extend(findings(submitted.store_key(rows[0]), figures, decision))
            current.append(rows[decision.current])
            submitted.history += [rows[h] for h in decision.history]
    flows = {submitted.indicator_number[i.id] for i in plan.indicators if i.flow}
    spans_of_labels = collections.Counter(code >> 2 for code in submitted.periods)
    if not flows or max(spans_of_labels.values(), default=0) < 2:
        submitted.current = current  # no two labels of one span among the periods given
        return out
    spans = [(k[0], k[1], k[2], k[3] >> 2) for k in map(keys.__getitem__, current)]  # span()
    shared = [  # places whose span is its neighbour's, of a flow
        k
        for k in itertools.compress(range(1, len(spans)), map(operator.eq, spans, spans[1:]))
        if spans[k][0] in flows
    ]
    if not shared:
        submitted.current = current
        return out
    counted: list[int] = []
    for _, group in itertools.groupby(range(len(current)), spans.__getitem__):
        places = list(group)
        rows = [current[k] for k in places]
        if len(rows) == 1 or spans[places[0]][0] not in flows:
            counted += rows
            continue
        # in file order, as the store sees them (a clash's current is the first)
        rows.sort(key=lambda r: (submitted.files[r], submitted.lines[r]))
        figures = [submitted.figure(r) for r in rows]
        decision = decide(figures)
        first = submitted.store_key(rows[0])
        labels = "/".join(sorted(submitted.store_key(r)[1] for r in rows))
        key = (first[0], labels, first[2], first[3])
        out.extend(findings(key, figures, decision, labels=True))
        counted.append(rows[decision.current])
        submitted.history += [rows[h] for h in decision.history]
    submitted.current = counted
    return out
