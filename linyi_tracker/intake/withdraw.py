"""Withdrawing a wrongly ingested figure, leaving a record of what, when and why.

A withdrawal appends one row to ``<data>/.linyi-tracker-withdrawn.csv``
(:mod:`linyi_tracker.actuals.withdrawals`), under the data folder's lock that ingest
holds, written as ingest writes: the whole new record to a hidden temporary, fsynced,
then renamed over the old one, so a crash leaves the old record or the new, never half.
The store drops the figure when it loads; nothing else is changed or deleted.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.store import Store
from linyi_tracker.actuals.withdrawals import (
    COLUMNS,
    WITHDRAWN_NAME,
    Withdrawal,
    read_withdrawals,
)
from linyi_tracker.findings import Param
from linyi_tracker.i18n import Text, TextError
from linyi_tracker.intake.ingest import _fsync_dir, _umask, holding_lock


class NothingToWithdraw(TextError):
    """No figure counts in the store for what was named (exit 2)."""


@dataclass
class WithdrawPlan:
    """What a withdrawal will record, or that it is recorded already."""

    figure: Observation
    record: Withdrawal
    already: bool  # this very figure is withdrawn already: nothing to write


class SeveralFigures(TextError):
    """More than one figure answers to what was named (figures in conflict, or a level
    and a growth figure): which one is to be said (exit 2)."""


def _same_value(o: Observation, value: str) -> bool:
    """``value`` as the clerk typed it names the figure written ``o.text``: the same text,
    or the same number (13100 names 13,100)."""
    if o.text == value.strip():
        return True
    try:
        return o.value is not None and Decimal(value.strip().replace(",", "")) == o.value
    except InvalidOperation:
        return False


def plan_withdrawal(
    store: Store,
    indicator: str,
    period: str,
    region: str,
    *,
    reason: str,
    by: str = "",
    measure: str | None = None,
    value: str | None = None,
    now: datetime | None = None,
) -> WithdrawPlan:
    """The figure of ``indicator``, ``period`` (canonical text), ``region`` that counts,
    or one of the figures in conflict there, as a withdrawal record; or, when it was
    withdrawn already and nothing counts in its place, that record (idempotent).

    ``measure`` (level, growth) and ``value`` choose among several figures; without them
    a level is chosen over its growth figure, and figures in conflict are refused
    (:class:`SeveralFigures`) with each one listed, for nothing is taken back by guess.
    """
    moment = (now or datetime.now()).replace(microsecond=0)
    named = (indicator, period, region)
    found: dict[int, Observation] = {}
    for o in store.observations:
        if o.key[:3] == named:
            found[id(o)] = o
    for key, clash in store.clashing.items():
        if key[:3] == named:
            found.update((id(o), o) for o in clash if o.key[:3] == named)
    current = [o for o in found.values() if measure is None or o.measure == measure]
    if value is not None:
        current = [o for o in current if _same_value(o, value)]
    if current and measure is None:
        first = min(o.measure != "level" for o in current)
        current = [o for o in current if (o.measure != "level") == first]
    if len(current) > 1:
        listed = "; ".join(f"{o.text} ({o.file}:{o.line})" for o in current)
        raise SeveralFigures(Text("withdraw.several", {"n": len(current), "figures": listed}))
    if current:
        o = current[0]
        record = Withdrawal(
            o.indicator,
            o.period.text,
            o.region,
            o.measure,
            o.text,
            moment.isoformat(),
            reason,
            by,
        )
        return WithdrawPlan(o, record, already=False)
    for w, o in store.withdrawn:
        chosen = measure in (None, w.measure) and (value is None or _same_value(o, value))
        if (w.indicator, w.period, w.region) == named and chosen:
            return WithdrawPlan(o, w, already=True)
    params: dict[str, Param] = {"indicator": indicator, "period": period, "region": region}
    raise NothingToWithdraw(Text("withdraw.no_figure", params))


def record_withdrawal(data_dir: Path, record: Withdrawal) -> Path:
    """Append ``record`` to the data folder's withdrawal record, atomically and under
    the data folder's lock; a record already there is not written twice."""
    target = data_dir / WITHDRAWN_NAME
    with holding_lock(data_dir):
        existing = read_withdrawals(data_dir)
        if any(w.key == record.key and w.value == record.value for w in existing):
            return target
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([*existing, record])
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=data_dir)
        tmp = Path(tmp_name)
        try:
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(buf.getvalue().encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(data_dir)
    return target
