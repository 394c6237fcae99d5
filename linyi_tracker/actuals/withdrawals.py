"""Figures withdrawn from the store (``linyi-tracker withdraw``), and applying them.

The record is ``<data>/.linyi-tracker-withdrawn.csv``: one row a withdrawal or the undoing
of one, never rewritten but by appending (intake/withdraw.py, under ingest's lock), so it
keeps every withdrawal and every undoing, with when, why and by whom.

- A withdrawal row has the eight :data:`COLUMNS` (the header names them; records written
  before withdrawals could be undone are all such rows, and read as they always were). It
  names the figure's key and the value withdrawn.
- A reinstatement row (``withdraw --undo``) is a withdrawal's eight cells (the figure's
  key and the value, then when, why and by whom it was reinstated) and a ninth,
  :data:`REINSTATED`. A version of the tool that does not know it reports the row as out
  of shape rather than keep the figure withdrawn in silence.
- Any other row (a stray comma typed by hand) is reported by the store, never skipped.

The record is applied in order (:func:`in_force`): a figure (key and value) whose last
row is a withdrawal is withdrawn; one whose last row is a reinstatement counts again, as
if it had never been withdrawn. The store drops a withdrawn figure when it loads, before
the figures are reconciled (an earlier revision of it, if any, counts again; a figure that
was in conflict with it counts alone, and is in conflict again once it is reinstated), and
a later figure of another value for the same key counts as usual.

A figure is the withdrawn one when its key is the withdrawal's and its value, as read,
equals the value withdrawn (:func:`withdrawal_of`, the one rule the store's load, ingest
and validate call): a number by its exact decimal value after the reader's scaling and
unit conversion, so ``11315.0``, ``11,315``, ``1.1315万`` or ``１１３１５`` are the
withdrawn ``11315`` (and a file holding ``11315.0`` where ``11315`` was withdrawn does not
count); a word or a milestone's date by its canonical text. A figure the withdrawn one
rounds (``1.13万`` beside a withdrawn ``11315``) is another figure and counts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

from linyi_tracker.actuals.observation import Observation, span_label
from linyi_tracker.actuals.periods import Period, PeriodError, parse_period

WITHDRAWN_NAME = ".linyi-tracker-withdrawn.csv"
COLUMNS = ("indicator", "period", "region", "measure", "value", "withdrawn_at", "reason", "by")
REINSTATED = "reinstated"  # the ninth cell of a row undoing a withdrawal


class Withdrawal(NamedTuple):
    """One withdrawn figure: which, the value, when (ISO time), why and by whom."""

    indicator: str
    period: str
    region: str
    measure: str
    value: str
    withdrawn_at: str
    reason: str
    by: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.period, self.region, self.measure)

    def cells(self) -> list[str]:
        """The row it is in the record."""
        return list(self)


class Reinstatement(NamedTuple):
    """The undoing of a withdrawal: which figure, the value, when (ISO time), why and by
    whom it was reinstated."""

    indicator: str
    period: str
    region: str
    measure: str
    value: str
    reinstated_at: str
    reason: str
    by: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.period, self.region, self.measure)

    def cells(self) -> list[str]:
        """The row it is in the record: a withdrawal's cells, and :data:`REINSTATED`."""
        return [*self, REINSTATED]


Entry = Withdrawal | Reinstatement


def read_withdrawals(data_dir: Path) -> list[Withdrawal]:
    """The withdrawals in force in ``data_dir`` (none when there is no record)."""
    return read_record(data_dir)[0]


def read_record(data_dir: Path) -> tuple[list[Withdrawal], list[tuple[int, int]]]:
    """The withdrawals in force in ``data_dir`` (:func:`in_force`), and the (line, cells)
    of each row that is neither a withdrawal nor a reinstatement (a hand-edited row with
    a stray comma): never skipped in silence, since the figure it named would count again,
    or stay withdrawn (the store reports them)."""
    entries, bad = read_entries(data_dir)
    return in_force(entries), bad


def read_entries(data_dir: Path) -> tuple[list[Entry], list[tuple[int, int]]]:
    """Every row of the record in ``data_dir``, in order, and the (line, cells) of each
    row that is not one (its physical line: a reason may hold a line break)."""
    path = data_dir / WITHDRAWN_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    encoding = record_encoding(raw)
    text = raw.decode(encoding or "utf-8", errors="replace")
    found: list[Entry] = []
    bad: list[tuple[int, int]] = []
    rows = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for row in rows:
        line, start = start, rows.line_num + 1
        if line == 1 or not row:
            continue
        if encoding is None and any("\ufffd" in cell for cell in row):
            bad.append((line, len(row)))  # bytes no encoding reads: not guessed at
        elif len(row) == len(COLUMNS):
            found.append(Withdrawal(*row))
        elif len(row) == len(COLUMNS) + 1 and row[-1] == REINSTATED:
            found.append(Reinstatement(*row[:-1]))
        else:
            bad.append((line, len(row)))
    return found, bad


def record_encoding(raw: bytes) -> str | None:
    """The encoding the record is read in, by the rule data files are read by
    (:func:`~linyi_tracker.actuals.encoding.detect_encoding`): UTF-8, or GB18030 for a
    record saved again by Excel on a Chinese Windows; None if neither reads it (its rows
    holding the bytes neither reads are then reported, the others read)."""
    from linyi_tracker.actuals.encoding import detect_encoding

    return detect_encoding(io.BytesIO(raw), WITHDRAWN_NAME)[0]


def in_force(entries: list[Entry]) -> list[Withdrawal]:
    """The withdrawals the record's rows, applied in order, leave in force, in the
    record's order: a reinstatement undoes every earlier withdrawal of its figure (key and
    value), and a withdrawal after it withdraws the figure again."""
    kept: list[Withdrawal | None] = []
    at: dict[tuple[Key, Value], list[int]] = {}
    for entry in entries:
        if isinstance(entry, Withdrawal):
            at.setdefault((entry.key, value_of(entry.value)), []).append(len(kept))
            kept.append(entry)
        else:
            for i in at.pop((entry.key, value_of(entry.value)), []):
                kept[i] = None
    return [w for w in kept if w is not None]


Key = tuple[str, str, str, str]  # (indicator, period, region, measure)
Value = Decimal | str  # a number's exact value, or a word's (a date's) canonical text
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")  # as the store writes a number


def value_of(text: str) -> Value:
    """A value written in the record (or the store) as the rule compares it: a plain
    number as its exact decimal (``11315`` and ``11315.0`` are equal), anything else (a
    word, a milestone's date) as it is written."""
    return Decimal(text) if _PLAIN_NUMBER.fullmatch(text) else text


class Withdrawn:
    """The withdrawals in force, looked up by a figure's key and value (:func:`withdrawal_of`).

    A flow's figure (``flows``: the plan's year-to-date indicators) is looked up by the
    span it covers, as the store tells its duplicates (:func:`~linyi_tracker.actuals.
    observation.span_of`): the withdrawn 2019 figure sent again as 2019Q4, 2019-12 or
    2019年1-12月 is the figure withdrawn."""

    def __init__(self, withdrawals: Iterable[Withdrawal], flows: frozenset[str] = frozenset()):
        self.flows = flows
        self.by_figure: dict[tuple[Key, Value], Withdrawal] = {}
        for w in withdrawals:
            span = self.span(w.key, _period(w.period) if w.indicator in flows else None)
            self.by_figure.setdefault((span, value_of(w.value)), w)

    def __bool__(self) -> bool:
        return bool(self.by_figure)

    def span(self, key: Key, period: Period | None) -> Key:
        """``key`` with a flow's period as the span it covers (``period``, the key's own)."""
        return spanned(key, period, self.flows)

    def withdrawal_of(
        self, key: Key, period: Period, value: Decimal | None, text: str
    ) -> Withdrawal | None:
        """THE rule: the withdrawal of the figure of ``key`` (its period read: ``period``)
        whose value as read is ``value`` (a number, in the indicator's unit) or, for a
        word, ``text`` (canonical)."""
        return self.by_figure.get((self.span(key, period), value if value is not None else text))


_K = TypeVar("_K", bound=tuple[str, ...])


def spanned(key: _K, period: Period | None, flows: frozenset[str]) -> _K:
    """THE span rule of a withdrawal: ``key`` (indicator, period, region…) with a flow's
    period (``period``, the key's own, read) as the span it covers
    (:func:`~linyi_tracker.actuals.observation.span_label`), so that 2017Q3, 2017-09 and
    2017年1-9月 of new urban jobs name one figure; any other key as it is."""
    if period is None or key[0] not in flows:
        return key
    return cast(_K, (key[0], span_label(period, True), *key[2:]))


def record_span(key: _K, flows: frozenset[str]) -> _K:
    """:func:`spanned` for a key whose period is text (a record's row, a command's
    argument in canonical text)."""
    return spanned(key, _period(key[1]) if key[0] in flows else None, flows)


def _period(text: str) -> Period | None:
    """A record's period as read, None for a hand-edited one that is no period (its
    withdrawal then matches its own label only)."""
    try:
        return parse_period(text)
    except PeriodError:
        return None


def undo_words(w: Withdrawal, city: str) -> list[str]:
    """The command that reinstates the figure ``w`` withdrew, as words (``--reason`` and
    where the data folder and plan are, the caller's to add)."""
    words = ["linyi-tracker", "withdraw", w.indicator, w.period]
    if w.region != city:
        words += ["--region", w.region]
    if w.measure != "level":
        words += ["--measure", w.measure]
    return [*words, "--value", w.value, "--undo"]


def split_withdrawn(
    observations: list[Observation],
    withdrawals: list[Withdrawal],
    flows: frozenset[str] = frozenset(),
) -> tuple[list[Observation], list[tuple[Withdrawal, Observation]]]:
    """The figures that still count, and each withdrawn one with its record, before the
    figures are reconciled: a withdrawn revision lets the one it replaced count again, and
    a withdrawn figure in conflict leaves the other alone, with no conflict. ``flows``:
    the plan's year-to-date indicators, whose figure is withdrawn under any label of its
    span."""
    found = Withdrawn(withdrawals, flows)
    kept: list[Observation] = []
    gone: list[tuple[Withdrawal, Observation]] = []
    for o in observations:
        record = found.withdrawal_of(o.key, o.period, o.value, o.text) if found else None
        if record is None:
            kept.append(o)
        else:
            gone.append((record, o))
    return kept, gone
