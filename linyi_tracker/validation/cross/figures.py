"""The figures the cross-row rules look at: the submitted rows, in arrival order, and the
stored figures, both keyed by the same plain key (indicator, region, growth?, period code)
— numbers of the plan's order and the period's own code, so that keys sort as the plan
lists indicators and regions, a series' periods in time order and its growth figures last.

A submitted row is kept as a few small numbers in columns (arrays, about 28 bytes a row):
its series (one number for its indicator, region and growth?, from the series table), its
period code, its value as a float, the numbers of its as_of and file among the distinct
ones, its line. A row's key is made only where a rule asks for it (``key_of``), and rules
that group do it one series at a time. The exact Decimal is kept aside only for the rare
figure its float cannot tell from another (``numbers.exact_float``), and a word's text
aside. A :class:`Row` is made only for a row a rule flags or compares.
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
from linyi_tracker.actuals.reconcile import Figure, figure_text, quantum, value_finding
from linyi_tracker.actuals.store import Store
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.plausibility import Converted

# (indicator number, region number, growth figure?, period code): a growth figure (measure
# "growth", 比上年增长) is a key of its own beside the level of its period.
Key = tuple[int, int, bool, int]
# (indicator number, region number, growth figure?): a series, numbered in the series table
Series = tuple[int, int, bool]


def half_step(value: Decimal) -> float:
    """Half the unit of the last written digit of a rounded figure (see reconcile.quantum)."""
    step = quantum(value)
    return float(step) / 2 if step is not None else 0.0


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
    row: Row,
    code: str,
    severity: Severity,
    params: dict[str, Param],
    form: str = "",
    hint_form: str = "",
) -> Finding:
    """A finding on the value cell of ``row`` (reconcile.value_finding, as the store's)."""
    return value_finding(row.file, row.line, code, severity, params, form, hint_form)


class Submitted:
    """The submitted rows in arrival order, as columns of small numbers: each row's series
    (a number for its (indicator, region, growth?), ``series_keys`` giving it back), its
    period code, its value, and the numbers of its as_of and its file among the distinct
    ones; once the same-keys rule has run, ``counted`` (the row that counts for each key,
    in key order) and ``history`` (rows a later as_of of their key replaced)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.indicators = [i.id for i in plan.indicators]
        self.regions = [r.id for r in plan.regions]
        self.indicator_number = {ident: n for n, ident in enumerate(self.indicators)}
        self.region_number = {ident: n for n, ident in enumerate(self.regions)}
        self.periods: dict[int, Period] = {}  # period code → period
        # the series table: (indicator, region, growth?) → its number, and back
        self.series_number: dict[Series, int] = {}
        self.series_keys: list[Series] = []
        self._series_named: dict[tuple[str, str, str], int] = {}  # by the ids and measure
        self.row_series = array("i")  # each row's series number
        self.codes = array("i")  # each row's period code
        self.values = array("d")  # NaN for a word
        self.dates: list[date | None] = []  # the distinct as_of dates, and their numbers
        self._date_number: dict[date | None, int] = {}
        self.row_dates = array("i")
        self.file_names: list[str] = []  # the distinct files, and their numbers
        self._file_number: dict[str, int] = {}
        self._file: str | None = None  # the file of the last row, and its number
        self._file_at = 0
        self.row_files = array("i")
        self.lines = array("I")
        self.words: dict[int, str] = {}  # rows whose value is a word (milestones, judgements)
        self.exact: dict[int, Decimal] = {}  # rows whose float may be shared (numbers.exact_float)
        self.counted = array("i")
        self.history: list[int] = []
        self._current_at: dict[int, dict[int, int]] | None = None
        self.series: list[Any] | None = None  # the series of the figures that count (series.py)
        # (file, line) → a figure converted by its units' names (unit-derived), which the
        # scale check weighs as written first (plausibility.explain)
        self.converted: dict[tuple[str, int], Converted] = {}
        # (file, line) of the converted figures the scale rule questions (as written they
        # fit): their implausible-value warning stands for the row's unit-derived one
        self.questioned: set[tuple[str, int]] = set()

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

    def key_of(self, i: int) -> Key:
        """Row ``i``'s key."""
        return (*self.series_keys[self.row_series[i]], self.codes[i])

    def as_of(self, i: int) -> date | None:
        return self.dates[self.row_dates[i]]

    def file(self, i: int) -> str:
        return self.file_names[self.row_files[i]]

    def add(self, o: Observation) -> None:
        """An observation; its value kept as a float, and exact aside when the float could
        not tell it from another (see ``numbers.exact_float``)."""
        if o.value is None:
            self.words[len(self.codes)] = o.text
            number = math.nan
        else:
            exact = exact_float(o.value)
            if exact is None:
                # the float would not give back the figure as written: 4.42E+5 (44.2万,
                # known to the thousand), 9800.0, 4.80 — their precision is part of them
                number = float(o.value)
                self.exact[len(self.codes)] = o.value
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
        code = period.code
        if code not in self.periods:
            self.periods[code] = period
        series = self._series_named.get((indicator, region, measure))
        if series is None:
            series = self._series_named[indicator, region, measure] = self._new_series(
                indicator, region, measure
            )
        day = self._date_number.get(as_of)
        if day is None:
            day = self._date_number[as_of] = len(self.dates)
            self.dates.append(as_of)
        if file != self._file:  # a file's rows come together
            self._file = file
            self._file_at = self._file_number.get(file, len(self.file_names))
            if self._file_at == len(self.file_names):
                self._file_number[file] = self._file_at
                self.file_names.append(file)
        self.row_series.append(series)
        self.codes.append(code)
        self.values.append(value)
        self.row_dates.append(day)
        self.row_files.append(self._file_at)
        self.lines.append(line)

    def _new_series(self, indicator: str, region: str, measure: str) -> int:
        """The number of a series (indicator, region, growth?), given one if it is new."""
        triple = (self.indicator_number[indicator], self.region_number[region], measure == "growth")
        series = self.series_number.get(triple)
        if series is None:
            series = self.series_number[triple] = len(self.series_keys)
            self.series_keys.append(triple)
        return series

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
        return Figure(value, word, self.as_of(i), self.file(i), self.lines[i])

    def store_key(self, i: int) -> tuple[str, str, str, str]:
        """Row ``i``'s (indicator, period, region, measure), as the store keys its figures."""
        indicator, region, growth = self.series_keys[self.row_series[i]]
        return (
            self.indicators[indicator],
            self.periods[self.codes[i]].text,
            self.regions[region],
            "growth" if growth else "level",
        )

    def row(self, i: int) -> Row:
        indicator, region, _ = self.series_keys[self.row_series[i]]
        value = self.values[i]
        exact = self.decimal(i)
        text = self.words.get(i) or (figure_text(exact) if exact is not None else "")
        return Row(
            self.indicators[indicator],
            self.regions[region],
            self.periods[self.codes[i]],
            None if math.isnan(value) else value,
            text,
            self.as_of(i),
            self.file(i),
            self.lines[i],
            True,
        )

    def current_at(self, key: Key) -> int | None:
        """The row that counts for ``key`` in the submission, if it has one (a table of
        period code → row a series, made when first asked)."""
        if self._current_at is None:
            self._current_at = {}
            for i in self.counted:
                self._current_at.setdefault(self.row_series[i], {})[self.codes[i]] = i
        series = self.series_number.get(key[:3])
        return None if series is None else self._current_at.get(series, {}).get(key[3])


class Stored:
    """The store's current figures by key, and a flow's also by span (the key without the
    period code's kind rank: a submitted 2019 meets a stored 2019Q4, observation.span_of)."""

    def __init__(self, store: Store | None, submitted: Submitted) -> None:
        self.store = store
        self.by_key: dict[Key, Observation] = {}
        self.by_span: dict[Key, Observation] = {}
        if store is None:
            return
        flows = submitted.plan.flows
        for o in store.observations:
            key = submitted.key(o.indicator, o.region, o.period, o.measure)
            self.by_key[key] = o
            if o.indicator in flows:
                self.by_span[span(key)] = o

    def history(self, o: Observation) -> list[Figure]:
        """The stored figures the current ``o`` revised, oldest first (reconcile.superseded)."""
        if self.store is None:
            return []
        return [Figure.of(h) for h in self.store.revisions.get(o.key, ())]

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
