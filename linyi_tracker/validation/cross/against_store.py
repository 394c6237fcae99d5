"""Each submitted figure against the stored current one of its key or span (the rule's
part 4, :func:`linyi_tracker.actuals.reconcile.store_finding`): already stored, a
changed figure (a conflict, or a revision), a finer one.

A figure the same as the stored one asks nothing of the clerk: those are one finding a
file (findings.READINGS, gathered by findings.Readings as the reader gathers its sure
readings), with the count and the first lines; the others stay on their rows."""

from __future__ import annotations

from linyi_tracker.actuals.reconcile import Figure, history_finding, store_finding
from linyi_tracker.findings import READINGS, Finding, Readings
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted, span


def check(
    submitted: Submitted, stored: Stored, plan: Plan, *, revise: bool = False
) -> list[Finding]:
    """The figures that count, then those replaced in the submission itself (history
    beside the store), each against the stored figure of its key or span."""
    out: list[Finding] = []
    if not stored.by_key:
        return out
    for i in submitted.counted:
        key = submitted.key_of(i)
        o = stored.by_key.get(key) or stored.by_span.get(span(key))
        if o is not None:
            found = store_finding(
                submitted.store_key(i),
                Figure.of(o),
                submitted.figure(i),
                revise=revise,
                history=stored.history(o),
            )
            if found is not None:
                out.append(found)
    for i in submitted.history:
        key = submitted.key_of(i)
        o = stored.by_key.get(key) or stored.by_span.get(span(key))
        if o is not None:
            found = history_finding(
                submitted.store_key(i), Figure.of(o), submitted.figure(i), stored.history(o)
            )
            if found is not None:
                out.append(found)
    return _at_file_scale(out)


def _at_file_scale(found: list[Finding]) -> list[Finding]:
    """The findings, those of READINGS gathered into one a file (in line order)."""
    out = [f for f in found if f.code not in READINGS]
    files: dict[str, Readings] = {}
    for f in sorted(
        (f for f in found if f.code in READINGS), key=lambda f: (f.file or "", f.line or 0)
    ):
        files.setdefault(f.file or "", Readings()).add(f)
    return out + [f for readings in files.values() for f in readings.findings()]
