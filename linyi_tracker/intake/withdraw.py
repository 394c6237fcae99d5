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
from decimal import Decimal
from pathlib import Path

from linyi_tracker.actuals.numbers import NumberError, parse_number
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.store import Store
from linyi_tracker.actuals.withdrawals import (
    COLUMNS,
    WITHDRAWN_NAME,
    Withdrawal,
    read_withdrawals,
)
from linyi_tracker.findings import Named, Param
from linyi_tracker.formatting import listed
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


def _wanted(value: str) -> tuple[str, Decimal]:
    """``--value`` as the clerk typed it: its text, and its number read by the rule every
    data cell is read by (13,100, 1.31万 and １３１００ are 13100; 8.1% is 8.1)."""
    try:
        return value.strip(), parse_number(value, percent_unit=True).value
    except NumberError:
        raise NothingToWithdraw(Text("withdraw.bad_value", {"value": value})) from None


def _same_value(o: Observation, wanted: tuple[str, Decimal]) -> bool:
    """The figure written ``o.text`` is the one asked for: the same text or number."""
    return o.text == wanted[0] or (o.value is not None and o.value == wanted[1])


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
    wanted = None if value is None else _wanted(value)
    named_figures = [o for o in found.values() if measure is None or o.measure == measure]
    current = named_figures
    if wanted is not None:
        current = [o for o in current if _same_value(o, wanted)]
    if measure is None:  # a level is chosen over its growth figure
        levels = [o for o in current if o.measure == "level"]
        current = levels or current
    if len(current) > 1:
        several: dict[str, Param] = {"n": len(current), "figures": _listed(current)}
        raise SeveralFigures(Text("withdraw.several", several))
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
        chosen = measure in (None, w.measure) and (wanted is None or _same_value(o, wanted))
        if (w.indicator, w.period, w.region) == named and chosen:
            return WithdrawPlan(o, w, already=True)
    params: dict[str, Param] = {"indicator": indicator, "period": period, "region": region}
    if wanted is not None and named_figures:  # figures there, none of that value: name them
        params.update(value=wanted[0], figures=_listed(named_figures))
        raise NothingToWithdraw(Text("withdraw.no_such_value", params))
    raise NothingToWithdraw(Text("withdraw.no_figure", params))


def _listed(figures: list[Observation]) -> Named:
    """The figures with their files and lines, listed as each language lists them."""
    zh = listed((f"{o.text}（{o.file}:{o.line}）" for o in figures), "zh")
    en = listed((f"{o.text} ({o.file}:{o.line})" for o in figures), "en")
    return Named(en, zh, en)


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
