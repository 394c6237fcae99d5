"""Each submitted figure against the data folder's withdrawals in force: a figure
withdrawn (``linyi-tracker withdraw``) and sent again would not count once stored, so it
is an error on its row, naming when and why it was withdrawn and the command that
reinstates it — what ``ingest`` refuses, by the same rule
(:meth:`~linyi_tracker.actuals.withdrawals.Withdrawn.withdrawal_of`): the same key and
the same value as read (``11315.0``, ``1.1315万`` for a withdrawn ``11315``)."""

from __future__ import annotations

import shlex

from linyi_tracker.actuals.reconcile import value_finding
from linyi_tracker.actuals.withdrawals import Withdrawn, read_withdrawals, undo_words
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross.figures import Stored, Submitted


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """A ``withdrawn-figure`` error on every submitted row whose
    figure is withdrawn, duplicates and history included: none of them would count."""
    if stored.store is None:
        return []
    flows = plan.flows
    found = Withdrawn(read_withdrawals(stored.store.root), flows)
    if not found:
        return []
    # Only the rows of a series some withdrawal names are looked at (a million rows of a
    # county's file with one figure withdrawn elsewhere cost a set look-up each).
    named = {(k[0], k[2], k[3]) for k, _ in found.by_figure}
    wanted = {
        n
        for n, (ind, reg, growth) in enumerate(submitted.series_keys)
        if (submitted.indicators[ind], submitted.regions[reg], "growth" if growth else "level")
        in named
    }
    out: list[Finding] = []
    for i, n in enumerate(submitted.row_series):
        if n not in wanted:
            continue
        key = submitted.store_key(i)
        figure = submitted.figure(i)
        read = submitted.periods[submitted.codes[i]]
        w = found.withdrawal_of(key, read, figure.value, figure.word or "")
        if w is None:
            continue
        indicator, period, region, measure = key
        params: dict[str, Param] = {
            "indicator": indicator,
            "period": period,
            "region": region,
            "measure": measure,
            "value": figure.text,
            "when": w.withdrawn_at,
            "reason": w.reason,
            # completed with --data and --plan by the command that knows them (usecases)
            "command": shlex.join(undo_words(w, plan.city.id)),
        }
        out.append(
            value_finding(
                figure.file,
                figure.line,
                "withdrawn-figure",
                Severity.ERROR,
                params,
            )
        )
    return out
