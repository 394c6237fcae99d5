"""Duplicates and conflicts within the submission: the rows of one key, then the figures
of a flow indicator whose labels cover one span (2019Q4, 2019-12 and 2019:
observation.span_of), each group decided by the one rule of
:mod:`linyi_tracker.actuals.reconcile` (the store uses the same), on exact values.

This rule also settles which row counts for each key (``Submitted.current``) and which
rows a later as_of replaced (``Submitted.history``): the rules after it look at those.
"""

from __future__ import annotations

import itertools

from linyi_tracker.actuals.reconcile import decide, findings
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted, span


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """Each group of rows of one key (in arrival order), then of one span, decided."""
    keys = submitted.keys
    out: list[Finding] = []
    current: list[int] = []
    for _, group in itertools.groupby(
        sorted(range(len(keys)), key=keys.__getitem__), keys.__getitem__
    ):
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
    counted: list[int] = []
    for _, group in itertools.groupby(current, lambda r: span(keys[r])):
        rows = list(group)
        if len(rows) == 1 or keys[rows[0]][0] not in flows:
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
