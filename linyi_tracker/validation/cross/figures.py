"""The figures the cross-row rules look at: the submitted rows, in arrival order, and the
stored figures, both keyed by the same plain key (indicator, region, growth?, period code)
— numbers of the plan's order and the period's own code, so that keys sort as the plan
lists indicators and regions, a series' periods in time order and its growth figures last.

A submitted row is kept as a few fields (its key, its value as a float, as_of, file, line);
the exact Decimal is kept aside only for the rare figure its float cannot tell from
another (``numbers.exact_float``), and a word's text aside. A :class:`Row` is made only for a
row a rule flags or compares.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from linyi_tracker.actuals.numbers import exact_float, float_text
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.reconcile import Figure, figure_text, quantum
from linyi_tracker.actuals.store import Store
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.plausibility import Converted

# (indicator number, region number, growth figure?, period code): a growth figure (measure
# "growth", 比上年增长) is a key of its own beside the level of its period.
Key = tuple[int, int, bool, int]


def half_step(value: Decimal) -> float:
    """Half the unit of the last written digit of a rounded figure (see reconcile.quantum)."""
    step = quantum(value)
    return float(step) / 2 if step is not None else 0.0


def number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


@dataclass(frozen=True, slots=True)
class Row:
    """One figure as the rules see it: submitted (with its row) or stored."""

    indicator: str
    region: str
    period: Period
    value: float | None
    text: str
    as_of: date | None
    file: str
    line: int
    submitted: bool

    @staticmethod
    def of(o: Observation) -> Row:
        value = float(o.value) if o.value is not None else None
        return Row(o.indicator, o.region, o.period, value, o.text, o.as_of, o.file, o.line, False)


def at(
    row: Row, code: str, severity: Severity, params: dict[str, Param], form: str = ""
) -> Finding:
    """A finding on the value cell of ``row``."""
    return Finding(code, severity, row.file, row.line, "value", params=params, form=form)


class Submitted:
    """The submitted rows in arrival order; once the same-keys rule has run, ``current``
    (the row that counts for each key, in key order) and ``history`` (rows a later as_of
    of their key replaced)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.indicators = [i.id for i in plan.indicators]
        self.regions = [r.id for r in plan.regions]
        self.indicator_number = {ident: n for n, ident in enumerate(self.indicators)}
        self.region_number = {ident: n for n, ident in enumerate(self.regions)}
        self.periods: dict[int, Period] = {}  # period code → period
        self.keys: list[Key] = []
        self.values = array("d")  # NaN for a word
        self.as_of: list[date | None] = []
        self.files: list[str] = []
        self.lines = array("L")
        self.words: dict[int, str] = {}  # rows whose value is a word (milestones, judgements)
        self.exact: dict[int, Decimal] = {}  # rows whose float may be shared (numbers.exact_float)
        self.current: list[int] = []
        self.history: list[int] = []
        self._current_at: dict[Key, int] | None = None
        self.series: list[Any] | None = None  # the series of the figures that count (series.py)
        # (file, line) → a figure converted by its units' names (unit-derived), which the
        # scale check weighs as written first (plausibility.explain)
        self.converted: dict[tuple[str, int], Converted] = {}

    def key(self, indicator: str, region: str, period: Period, measure: str = "level") -> Key:
        code = period.code  # year·64 + months·4 + kind rank
        if code not in self.periods:
            self.periods[code] = period
        return (
            self.indicator_number[indicator],
            self.region_number[region],
            measure == "growth",
            code,
        )

    def add(self, o: Observation) -> None:
        """An observation; its value kept as a float, and exact aside when the float could
        not tell it from another (see ``numbers.exact_float``)."""
        if o.value is None:
            self.words[len(self.keys)] = o.text
            number = math.nan
        else:
            exact = exact_float(o.value)
            if exact is None:
                # the float would not give back the figure as written: 4.42E+5 (44.2万,
                # known to the thousand), 9800.0, 4.80 — their precision is part of them
                number = float(o.value)
                self.exact[len(self.keys)] = o.value
            else:
                number = exact
        self.add_number(o.indicator, o.period, o.region, number, o.as_of, o.file, o.line, o.measure)

    def add_number(
        self,
        indicator: str,
        period: Period,
        region: str,
        value: float,
        as_of: date | None,
        file: str,
        line: int,
        measure: str = "level",
    ) -> None:
        """A row's fields, its value a float that tells it from every other figure: made
        from plain decimal text of at most ``MAX_FIGURE_DIGITS`` characters, or with the
        exact Decimal kept aside by :meth:`add`. The reader calls this directly, with no
        Observation built, for rows its shortcut reads."""
        self.keys.append(self.key(indicator, region, period, measure))
        self.values.append(value)
        self.as_of.append(as_of)
        self.files.append(file)
        self.lines.append(line)

    def decimal(self, i: int) -> Decimal | None:
        """Row ``i``'s exact value (see ``numbers.exact_float``), ``None`` for a word."""
        exact = self.exact.get(i)
        if exact is not None:
            return exact
        value = self.values[i]
        return None if math.isnan(value) else Decimal(float_text(value))

    def figure(self, i: int) -> Figure:
        """Row ``i`` as the reconciliation rule sees it."""
        value = self.decimal(i)
        word = self.words.get(i) if value is None else None
        return Figure(value, word, self.as_of[i], self.files[i], self.lines[i])

    def store_key(self, i: int) -> tuple[str, str, str, str]:
        """Row ``i``'s (indicator, period, region, measure), as the store keys its figures."""
        indicator, region, growth, code = self.keys[i]
        return (
            self.indicators[indicator],
            self.periods[code].text,
            self.regions[region],
            "growth" if growth else "level",
        )

    def row(self, i: int) -> Row:
        indicator, region, _, code = self.keys[i]
        value = self.values[i]
        exact = self.decimal(i)
        text = self.words.get(i) or (figure_text(exact) if exact is not None else "")
        return Row(
            self.indicators[indicator],
            self.regions[region],
            self.periods[code],
            None if math.isnan(value) else value,
            text,
            self.as_of[i],
            self.files[i],
            self.lines[i],
            True,
        )

    def current_at(self, key: Key) -> int | None:
        """The row that counts for ``key`` in the submission, if it has one."""
        if self._current_at is None:
            self._current_at = {self.keys[i]: i for i in self.current}
        return self._current_at.get(key)


class Stored:
    """The store's current figures by key, and a flow's also by span (the key without the
    period code's kind rank: a submitted 2019 meets a stored 2019Q4, observation.span_of)."""

    def __init__(self, store: Store | None, submitted: Submitted) -> None:
        self.store = store
        self.by_key: dict[Key, Observation] = {}
        self.by_span: dict[Key, Observation] = {}
        if store is None:
            return
        flows = {i.id for i in submitted.plan.indicators if i.flow}
        for o in store.observations:
            key = submitted.key(o.indicator, o.region, o.period, o.measure)
            self.by_key[key] = o
            if o.indicator in flows:
                self.by_span[span(key)] = o

    def series(self, indicator: str, region: str) -> list[Observation]:
        return self.store.series(indicator, region) if self.store is not None else []

    def row(self, key: Key) -> Row | None:
        o = self.by_key.get(key)
        return Row.of(o) if o is not None else None

    def half_step(self, key: Key) -> float:
        """Half the written precision of a stored figure (0 for one written to the unit)."""
        o = self.by_key.get(key)
        return half_step(o.value) if o is not None and o.value is not None else 0.0


def span(key: Key) -> Key:
    """The key of the span a period covers: the period code without its kind rank."""
    return (key[0], key[1], key[2], key[3] >> 2)
