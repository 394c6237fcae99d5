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
from pathlib import Path

from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.store import Store
from linyi_tracker.actuals.withdrawals import (
    COLUMNS,
    WITHDRAWN_NAME,
    Withdrawal,
    read_withdrawals,
)
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


def plan_withdrawal(
    store: Store,
    indicator: str,
    period: str,
    region: str,
    *,
    reason: str,
    by: str = "",
    now: datetime | None = None,
) -> WithdrawPlan:
    """The figure of ``indicator``, ``period`` (canonical text), ``region`` that counts
    (a level, else its growth figure), as a withdrawal record; or, when it was withdrawn
    already and nothing counts in its place, that record (idempotent)."""
    moment = (now or datetime.now()).replace(microsecond=0)
    current = [
        o
        for o in store.observations
        if o.indicator == indicator and o.period.text == period and o.region == region
    ]
    if current:
        o = sorted(current, key=lambda o: o.measure != "level")[0]
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
        if (w.indicator, w.period, w.region) == (indicator, period, region):
            return WithdrawPlan(o, w, already=True)
    raise NothingToWithdraw(
        Text("withdraw.no_figure", {"indicator": indicator, "period": period, "region": region})
    )


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
