"""Withdrawing a wrongly ingested figure, and undoing a mistaken withdrawal, on record.

A withdrawal, or its undoing (``withdraw --undo``: the figure is reinstated), appends one
row to ``<data>/.linyi-tracker-withdrawn.csv`` (:mod:`linyi_tracker.actuals.withdrawals`),
under the data folder's lock that ingest holds, written as ingest writes: the record's
bytes as they are and the new row to a hidden temporary, fsynced, then renamed over the
old one, so a crash leaves the old record or the new, never half, and no row already
there is changed or lost (not even one the reader cannot read). The store applies the
record when it loads; no data file is changed or deleted.

An undoing names a withdrawn figure as a withdrawal names a stored one (indicator,
period, region, and ``--measure`` / ``--value`` where several are withdrawn there); the
figure then counts as if it had never been withdrawn, and where another figure has its
key it is reconciled with it again by the store's rule: a conflict comes back, and
:func:`plan_reinstatement` says so beforehand. A withdrawal whose figure's row was deleted
since stays in force (that figure ingested again would not count: ingest refuses it,
giving the undoing command), and is undone alone, by its value.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from linyi_tracker.actuals.numbers import NumberError, parse_number
from linyi_tracker.actuals.observation import Observation, span_of
from linyi_tracker.actuals.reconcile import Figure, Relation, compare
from linyi_tracker.actuals.store import Store, reconcile
from linyi_tracker.actuals.withdrawals import (
    COLUMNS,
    WITHDRAWN_NAME,
    Entry,
    Reinstatement,
    Withdrawal,
    read_entries,
    read_withdrawals,
    record_encoding,
    record_span,
    spanned,
)
from linyi_tracker.findings import Named, Param
from linyi_tracker.formatting import listed
from linyi_tracker.i18n import Text, TextError, t
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


class NothingToReinstate(TextError):
    """No withdrawn figure answers to what ``--undo`` named (exit 2)."""


@dataclass
class ReinstatePlan:
    """What undoing a withdrawal will record, and the figures it will be in conflict
    with once it counts again (none, mostly)."""

    figure: Observation | None  # None: no data file holds it now (its row deleted since)
    withdrawal: Withdrawal
    record: Reinstatement
    clashes: list[Observation]


_T = TypeVar("_T")


def _wanted(value: str) -> tuple[str, Decimal]:
    """``--value`` as the clerk typed it: its text, and its number read by the rule every
    data cell is read by (13,100, 1.31万 and １３１００ are 13100; 8.1% is 8.1)."""
    try:
        return value.strip(), parse_number(value, percent_unit=True).value
    except NumberError:
        raise NothingToWithdraw(Text("withdraw.bad_value", {"value": value})) from None


def _same_value(text: str, value: Decimal | None, wanted: tuple[str, Decimal]) -> bool:
    """The figure written ``text`` (read as ``value``) is the one asked for: the same text
    or number."""
    return text == wanted[0] or (value is not None and value == wanted[1])


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
    flows: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> WithdrawPlan:
    """The figure of ``indicator``, ``period`` (canonical text), ``region`` that counts,
    or one of the figures in conflict there, as a withdrawal record; or, when it was
    withdrawn already and nothing counts in its place, that record (idempotent).

    ``measure`` (level, growth) and ``value`` choose among several figures; without them
    a level is chosen over its growth figure, and figures in conflict are refused
    (:class:`SeveralFigures`) with each one listed, for nothing is taken back by guess.
    ``flows``: the plan's year-to-date indicators, whose figure is found under any label
    of its span (2017Q3 finds the figure stored as 2017-09), by the store's rule.
    """
    moment = (now or datetime.now()).replace(microsecond=0)
    named = (indicator, period, region)
    found: dict[int, Observation] = {}
    for o in store.observations:
        if _is_at(o, named, flows):
            found[id(o)] = o
    for clash in store.clashing.values():
        found.update((id(o), o) for o in clash if _is_at(o, named, flows))
    wanted = None if value is None else _wanted(value)
    named_figures = [o for o in found.values() if measure is None or o.measure == measure]
    current = _chosen(named_figures, measure, wanted)
    if len(current) > 1:
        several: dict[str, Param] = {"n": len(current), "figures": figures_listed(current)}
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
    withdrawn = _withdrawn_chosen(store.withdrawn, named, measure, wanted, flows)
    if withdrawn:  # the first of them, chosen as a figure to withdraw is
        w, o = withdrawn[0]
        return WithdrawPlan(o, w, already=True)
    params: dict[str, Param] = {"indicator": indicator, "period": period, "region": region}
    if wanted is not None and named_figures:  # figures there, none of that value: name them
        params.update(value=wanted[0], figures=figures_listed(named_figures))
        raise NothingToWithdraw(Text("withdraw.no_such_value", params))
    raise NothingToWithdraw(Text("withdraw.no_figure", params))


def _is_at(o: Observation, named: tuple[str, str, str], flows: frozenset[str]) -> bool:
    """The figure ``o`` is one of ``named`` (indicator, period, region): its key, or for a
    flow the span its period covers (:func:`~linyi_tracker.actuals.withdrawals.spanned`,
    the rule the store withdraws by)."""
    return spanned(o.key[:3], o.period, flows) == record_span(named, flows)


def _is_record_at(
    w: Withdrawal | Reinstatement, named: tuple[str, str, str], flows: frozenset[str]
) -> bool:
    """A record's row names ``named``'s figure, by the span rule of :func:`_is_at`."""
    return record_span(w.key[:3], flows) == record_span(named, flows)


def _chosen(
    figures: list[Observation], measure: str | None, wanted: tuple[str, Decimal] | None
) -> list[Observation]:
    """The figures of ``measure`` (all without it) that answer to ``wanted``: the one rule
    withdraw and its undoing choose by. Without ``measure`` a level is chosen over its
    growth figure."""
    return _chosen_by(figures, measure, wanted, lambda o: (o.measure, o.text, o.value))


def _chosen_by(
    items: list[_T],
    measure: str | None,
    wanted: tuple[str, Decimal] | None,
    facts: Callable[[_T], tuple[str, str, Decimal | None]],
) -> list[_T]:
    """:func:`_chosen` over figures or withdrawals, ``facts`` giving each one's measure,
    text and number."""
    chosen = [x for x in items if measure is None or facts(x)[0] == measure]
    if wanted is not None:
        chosen = [x for x in chosen if _same_value(*facts(x)[1:], wanted)]
    if measure is None:
        levels = [x for x in chosen if facts(x)[0] == "level"]
        chosen = levels or chosen
    return chosen


def _withdrawn_chosen(
    withdrawn: list[tuple[Withdrawal, Observation]],
    named: tuple[str, str, str],
    measure: str | None,
    wanted: tuple[str, Decimal] | None,
    flows: frozenset[str],
) -> list[tuple[Withdrawal, Observation]]:
    """The withdrawn figures of ``named`` (indicator, period, region) that ``measure`` and
    ``wanted`` choose, by :func:`_chosen`, each with its withdrawal: named by the
    withdrawal's period or by the figure's own, or for a flow by any label of its span
    (2019Q4 withdrawn as 2019)."""
    here = {
        id(o): (w, o)
        for w, o in withdrawn
        if _is_record_at(w, named, flows) or _is_at(o, named, flows)
    }
    return [here[id(o)] for o in _chosen([o for _, o in here.values()], measure, wanted)]


def plan_reinstatement(
    store: Store,
    indicator: str,
    period: str,
    region: str,
    *,
    reason: str,
    by: str = "",
    measure: str | None = None,
    value: str | None = None,
    flows: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> ReinstatePlan:
    """The withdrawn figure of ``indicator``, ``period`` (canonical text), ``region`` as a
    reinstatement record, with the figures it will be in conflict with (``flows``: the
    plan's year-to-date indicators, whose labels of one span are one figure).

    ``measure`` and ``value`` choose among several withdrawn figures, as for a withdrawal;
    several that answer are refused (:class:`SeveralFigures`), and a figure that is not
    withdrawn is :class:`NothingToReinstate`, naming what is withdrawn there, if anything,
    and when a figure of that value was reinstated already.
    """
    moment = (now or datetime.now()).replace(microsecond=0)
    named = (indicator, period, region)
    here = [
        (w, o)
        for w, o in store.withdrawn
        if _is_record_at(w, named, flows) or _is_at(o, named, flows)
    ]
    wanted = None if value is None else _wanted(value)
    chosen = _withdrawn_chosen(here, named, measure, wanted, flows)
    if len(chosen) > 1:
        figures = [o for _, o in chosen]
        several: dict[str, Param] = {"n": len(figures), "figures": figures_listed(figures)}
        raise SeveralFigures(Text("withdraw.undo_several", several))
    if not chosen:  # a withdrawal whose figure's row was deleted since: reinstated alone
        unheld = _unheld(store, named, flows)
        records = _chosen_by(unheld, measure, wanted, _record_facts)
        if len(records) > 1:
            several = {"n": len(records), "figures": figures_listed([], records)}
            raise SeveralFigures(Text("withdraw.undo_several", several))
        if not records:
            raise NothingToReinstate(
                *_not_withdrawn(store, named, measure, wanted, here, unheld, flows)
            )
        (w,) = records
        record = Reinstatement(*w.key, w.value, moment.isoformat(), reason, by)
        return ReinstatePlan(None, w, record, [])
    ((w, o),) = chosen
    record = Reinstatement(*w.key, w.value, moment.isoformat(), reason, by)
    return ReinstatePlan(o, w, record, _clashes(store, o, flows))


def _not_withdrawn(
    store: Store,
    named: tuple[str, str, str],
    measure: str | None,
    wanted: tuple[str, Decimal] | None,
    here: list[tuple[Withdrawal, Observation]],
    unheld: list[Withdrawal],
    flows: frozenset[str],
) -> list[Text]:
    """Why nothing is to be reinstated: what is withdrawn there instead, if anything, and
    the last reinstatement of a figure that answers, if any (an undoing done already)."""
    indicator, period, region = named
    params: dict[str, Param] = {"indicator": indicator, "period": period, "region": region}
    if here or unheld:
        params["figures"] = figures_listed([o for _, o in here], unheld)
        texts = [Text("withdraw.undo_other_withdrawn", params)]
    else:
        texts = [Text("withdraw.undo_none_withdrawn", params)]
    entries: list[Entry] = read_entries(store.root)[0]
    for entry in reversed(entries):
        chosen = measure in (None, entry.measure)
        chosen = chosen and (
            wanted is None or _same_value(entry.value, _number(entry.value), wanted)
        )
        if _is_record_at(entry, named, flows) and chosen:
            if isinstance(entry, Reinstatement):
                again = {"value": entry.value, "when": entry.reinstated_at, "reason": entry.reason}
                texts.append(Text("withdraw.undone_already", again))
            break
    return texts


def _record_facts(w: Withdrawal) -> tuple[str, str, Decimal | None]:
    return (w.measure, w.value, _number(w.value))


def _unheld(store: Store, named: tuple[str, str, str], flows: frozenset[str]) -> list[Withdrawal]:
    """The withdrawals in force of ``named`` whose figure no data file holds now (its row
    deleted by hand after it was withdrawn): still in force — that figure ingested again
    would not count (ingest refuses it, giving the command that reinstates it)."""
    held = {w for w, _ in store.withdrawn}
    return [
        w for w in read_withdrawals(store.root) if _is_record_at(w, named, flows) and w not in held
    ]


def _number(text: str) -> Decimal | None:
    try:
        return parse_number(text, percent_unit=True).value
    except NumberError:
        return None


def _clashes(store: Store, o: Observation, flows: frozenset[str]) -> list[Observation]:
    """The figures ``o`` will be in conflict with once it counts again: the store's rule
    (:func:`~linyi_tracker.actuals.store.reconcile`) run over its series' figures as they
    stand (those that count, their history, those in conflict) with ``o`` and without it;
    if ``o`` brings a conflict, the figures of its span it clashes with."""
    series = (o.indicator, o.region, o.measure)
    pool = {id(x): x for x in store.observations if (x.indicator, x.region, x.measure) == series}
    for group in (*store.revisions.values(), *store.clashing.values()):
        pool.update((id(x), x) for x in group if (x.indicator, x.region, x.measure) == series)
    figures = list(pool.values())

    def conflicts(observations: list[Observation]) -> int:
        trial = Store(store.root, observations=sorted(observations, key=_at))
        reconcile(trial, flows)
        return len(trial.errors)

    if conflicts([*figures, o]) <= conflicts(figures):
        return []
    flow = o.indicator in flows
    span = span_of(o, flow)
    mine = Figure.of(o)
    return sorted(
        (
            x
            for x in figures
            if span_of(x, flow) == span and compare(Figure.of(x), mine) is Relation.CLASH
        ),
        key=_at,
    )


def _at(o: Observation) -> tuple[str, int]:
    return (o.file or "", o.line or 0)


def figures_listed(figures: list[Observation], unheld: Sequence[Withdrawal] = ()) -> Named:
    """The figures with their files and lines, then withdrawn figures no data file holds
    now (:func:`_unheld`), listed as each language lists them."""
    zh = [f"{o.text}（{o.file}:{o.line}）" for o in figures]
    en = [f"{o.text} ({o.file}:{o.line})" for o in figures]
    zh += [f"{w.value}（{t('withdraw.unheld', 'zh')}）" for w in unheld]
    en += [f"{w.value} ({t('withdraw.unheld', 'en')})" for w in unheld]
    english = listed(en, "en")
    return Named(english, listed(zh, "zh"), english)


def record_withdrawal(data_dir: Path, record: Withdrawal) -> Path:
    """Append ``record`` to the data folder's withdrawal record, atomically and under
    the data folder's lock; a withdrawal in force already is not written twice."""
    return _append(data_dir, record, lambda withdrawn: not withdrawn)


def record_reinstatement(data_dir: Path, record: Reinstatement) -> Path:
    """Append ``record`` to the data folder's withdrawal record, atomically and under the
    data folder's lock, if its figure is still withdrawn then (another run may have
    reinstated it meanwhile)."""
    return _append(data_dir, record, lambda withdrawn: withdrawn)


def _encoding_of(record: bytes) -> str:
    """What a row is added to ``record`` in: GB18030 where the record is so, else UTF-8."""
    return "gb18030" if record_encoding(record) == "gb18030" else "utf-8"


def _append(
    data_dir: Path, record: Withdrawal | Reinstatement, needed: Callable[[bool], bool]
) -> Path:
    """``record`` written at the end of the record, its rows before it kept byte for byte,
    when ``needed`` (given whether its figure is withdrawn, read again under the lock)."""
    target = data_dir / WITHDRAWN_NAME
    with holding_lock(data_dir):
        withdrawn = any(
            w.key == record.key and w.value == record.value for w in read_withdrawals(data_dir)
        )
        if not needed(withdrawn):
            return target
        try:
            before = target.read_bytes()
        except FileNotFoundError:
            before = b""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        if not before.removeprefix(b"\xef\xbb\xbf").strip():  # no header yet
            writer.writerow(COLUMNS)
        elif not before.endswith((b"\n", b"\r")):
            buf.write("\n")  # a last row saved without its line break
        writer.writerow(record.cells())
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=data_dir)
        tmp = Path(tmp_name)
        try:
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                # in the record's own encoding: rows saved by Excel in GB18030 and a row
                # added in UTF-8 would be a file no encoding reads
                handle.write(before + buf.getvalue().encode(_encoding_of(before)))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(data_dir)
    return target
