"""Figures withdrawn from the store (``linyi-tracker withdraw``), and applying them.

The record is ``<data>/.linyi-tracker-withdrawn.csv``: one row a withdrawal, never
rewritten but by appending (intake/withdraw.py, under ingest's lock). A withdrawal names
the figure's key and the value withdrawn: the store drops that figure when it loads,
before the figures are reconciled (an earlier revision of it, if any, counts again; a
figure that was in conflict with it counts alone), and a later figure of another value
for the same key counts as usual.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from linyi_tracker.actuals.observation import Observation

WITHDRAWN_NAME = ".linyi-tracker-withdrawn.csv"
COLUMNS = ("indicator", "period", "region", "measure", "value", "withdrawn_at", "reason", "by")


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


def read_withdrawals(data_dir: Path) -> list[Withdrawal]:
    """The withdrawals recorded in ``data_dir`` (none when there is no record)."""
    return read_record(data_dir)[0]


def read_record(data_dir: Path) -> tuple[list[Withdrawal], list[tuple[int, int]]]:
    """The withdrawals recorded in ``data_dir``, and the (line, cells) of each row that is
    not one (a hand-edited row with a stray comma): never skipped in silence, since the
    figure it withdrew would count again (the store reports them)."""
    path = data_dir / WITHDRAWN_NAME
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], []
    found: list[Withdrawal] = []
    bad: list[tuple[int, int]] = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if number == 1 or not row:
            continue
        if len(row) == len(COLUMNS):
            found.append(Withdrawal(*row))
        else:
            bad.append((number, len(row)))
    return found, bad


def withdrawn_by(o: Observation, withdrawals: list[Withdrawal]) -> Withdrawal | None:
    """The withdrawal of exactly this figure (its key and its value), if any."""
    for w in withdrawals:
        if w.key == o.key and w.value == o.text:
            return w
    return None


def split_withdrawn(
    observations: list[Observation], withdrawals: list[Withdrawal]
) -> tuple[list[Observation], list[tuple[Withdrawal, Observation]]]:
    """The figures that still count, and each withdrawn one with its record, before the
    figures are reconciled: a withdrawn revision lets the one it replaced count again, and
    a withdrawn figure in conflict leaves the other alone, with no conflict."""
    keys = {w.key for w in withdrawals}
    kept: list[Observation] = []
    gone: list[tuple[Withdrawal, Observation]] = []
    for o in observations:
        record = withdrawn_by(o, withdrawals) if o.key in keys else None
        if record is None:
            kept.append(o)
        else:
            gone.append((record, o))
    return kept, gone
