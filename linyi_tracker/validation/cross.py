"""Checks across rows: duplicates, conflicts, year-to-date series, components, region
sums, outliers, and the figures already in the store.

Observations arrive one at a time (:meth:`CrossChecks.add`) as the files stream past.
Each is remembered as a few packed numbers — an integer key (indicator, region,
period), its value as a float, its as_of, file and line — in arrays, so memory grows
by about 26 bytes a row rather than by a Python object per row (a million-row
submission); the exact Decimal is kept aside only for the rare figure its float cannot
tell from another (``FLOAT_SAFE_CHARS``). :meth:`CrossChecks.finish` sorts the
keys once: equal keys are neighbours, and each group of them is decided by the one
rule of :mod:`linyi_tracker.actuals.reconcile` (duplicates, revisions, conflicts; the
store uses the same), on exact values. Each indicator-and-region series then comes out
in time order (year-to-date runs, outliers), checked one group at a time together with
the stored figures of that group. Every finding is attributed to a submitted row.

Full observations are kept only when asked (``keep=True``, for ingest, which writes them).

Long because every cross-row check shares the packed arrays described above; moving a
check out would mean passing them around or unpacking them, which the benchmark forbids.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import operator
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from linyi_tracker.actuals.lookup import value_type
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.reconcile import (
    Figure,
    decide,
    figure_text,
    findings,
    history_finding,
    quantum,
    store_finding,
)
from linyi_tracker.actuals.store import Store
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.plan.models import AnnualTarget, CumulativeTarget, LevelTarget, Plan, Target
from linyi_tracker.validation.plausibility import (
    Band,
    Converted,
    against_history,
    against_regions,
    band,
    explain,
)

# Iglewicz and Hoaglin's modified z-score: 0.6745·(x − median) / MAD, flagged above 3.5.
# With few values (six years of one month) the MAD of ordinary noise can be tiny and
# every small wobble would score high, so the MAD is floored at 5 % of the median's size:
# a figure ten times too large still scores about 100, everyday variation stays quiet.
OUTLIER_Z = 3.5
OUTLIER_MIN_VALUES = 5
OUTLIER_MAD_FLOOR = 0.05

SORT_CHUNK = 131_072
_REGION_SHIFT = (
    24  # the period code takes the low 24 bits; the region and indicator numbers sit above
)
# A growth figure (measure "growth", 比上年增长) is a key of its own: this bit of the
# period code (year·64 + … stays below 2^18) sets it apart from the level of its period.
# Growth rows are reconciled like any figure, and left out of the series, component and
# region-sum checks, which are about levels.
GROWTH_BIT = 1 << 22


@dataclass(frozen=True, slots=True)
class Row:
    """One figure as the checks see it: submitted (with its row) or stored."""

    indicator: str
    region: str
    period: Period
    value: float | None
    text: str
    as_of: date | None
    file: str
    line: int
    submitted: bool


def _at(
    row: Row, code: str, severity: Severity, params: dict[str, Param], form: str = ""
) -> Finding:
    return Finding(code, severity, row.file, row.line, "value", params=params, form=form)


def _level_like(target: Target) -> bool:
    """A target whose value is on the scale of a figure (not a growth rate or a count of
    milestones): level, annual, cumulative."""
    return isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget)


def _yearly(target: Target) -> Decimal:
    """A target's value on the scale of one year's figure (a cumulative sum over its years)."""
    assert isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget)
    if isinstance(target, CumulativeTarget):
        years = target.deadline - (target.start or target.deadline) + 1
        return target.value / max(years, 1)
    return target.value


def _half_step(value: Decimal) -> float:
    """Half the unit of the last written digit of a rounded figure (see reconcile.quantum)."""
    step = quantum(value)
    return float(step) / 2 if step is not None else 0.0


def robust_scale(values: list[float]) -> tuple[float, float] | None:
    """(median, MAD floored at OUTLIER_MAD_FLOOR of the median) of the figures, or ``None``
    when none of them can have a robust z-score above OUTLIER_Z.

    The MAD is at least the floor, so when even the farthest figure is within OUTLIER_Z
    floors of the median (with a margin for rounding) the second median is not needed.
    """
    ordered = sorted(values)
    median = _median(ordered)
    floor = OUTLIER_MAD_FLOOR * abs(median)
    farthest = max(ordered[-1] - median, median - ordered[0])
    if 0.6745 * farthest < OUTLIER_Z * floor * (1 - 1e-9):
        return None
    mad = max(_median(sorted(abs(v - median) for v in ordered)), floor)
    return None if mad == 0 else (median, mad)


def _median(ordered: list[float]) -> float:
    """The median of a sorted, non-empty list (statistics.median without its sort)."""
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


# Exact values in a packed float (CrossChecks.add; the reader's row shortcut hands over
# only plain digits this short):
# two decimals of at most 15 significant digits (DBL_DIG) inside the normal range of
# floats never round to the same float, and the shortest repr of that float reads back
# as the same value, so for a figure written in at most 15 characters of plain decimal
# (no exponent) the float is exact enough. A longer figure (12345678901234567 and
# …568 share a float) keeps its Decimal aside in CrossChecks.exact. The test is on the
# text the float is made from anyway (Decimal.__float__ goes through str): 0.04–0.1 µs
# a row, where keeping every row's Decimal would cost ~100 bytes a row.
FLOAT_SAFE_CHARS = 15


def _packed_text(value: float) -> str:
    """The decimal text a packed float stands for: its shortest repr, a whole figure
    without '.0' (442079, written to the unit, not 442079.0 written to the tenth). A
    figure whose text differs (9800.0, 4.80, 4.42E+5) is kept exact aside, so that the
    precision it was written with — part of the rounding rule — is never lost."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _classes(codes: list[int], flow: bool) -> list[range | list[int]]:
    """The outlier classes of a series (its period codes, sorted): places of the same
    months of each year for a flow, every place otherwise; each class in period order,
    the classes in order of months.

    A series with the same periods every year (the common case: twelve months, or four
    quarters, or the year) has its classes at a fixed stride: ``range(j, n, stride)``,
    found by comparing its months with its first year's repeated. Any other series is
    sorted by months (stably) and grouped: for six years of months, 4 µs a series by
    stride against 12 µs by sorting.
    """
    n = len(codes)
    if not flow or not n:
        return [range(n)]
    first_year = codes[0] >> 6
    stride = bisect.bisect_left(codes, (first_year + 1) << 6)
    seasons = [c & 63 for c in codes]  # months·4 + kind rank
    first = seasons[:stride]
    if (
        n % stride == 0
        and seasons == first * (n // stride)
        and len({m >> 2 for m in first}) == stride  # no two periods of the same months
    ):
        return [range(j, n, stride) for j in range(stride)]
    months = [m >> 2 for m in seasons]
    order = sorted(range(n), key=months.__getitem__)
    return [list(g) for _, g in itertools.groupby(order, key=months.__getitem__)]


class CrossChecks:
    def __init__(
        self, plan: Plan, store: Store | None, *, revise: bool = False, keep: bool = False
    ) -> None:
        self.plan = plan
        self.store = store
        self.revise = revise
        self.indicators = [i.id for i in plan.indicators]
        self.indicator_index = {ident: n for n, ident in enumerate(self.indicators)}
        self.regions = [r.id for r in plan.regions]
        self.region_index = {ident: n for n, ident in enumerate(self.regions)}
        # As many bits for the region number as the plan needs (a province to its townships fits too).
        region_bits = max(1, (len(self.regions) - 1).bit_length())
        self.reg_mask = (1 << region_bits) - 1
        self.ind_shift = _REGION_SHIFT + region_bits
        self._indicator_bits = {
            ident: n << self.ind_shift for ident, n in self.indicator_index.items()
        }
        self._region_bits = {ident: n << _REGION_SHIFT for ident, n in self.region_index.items()}
        self.periods: dict[int, Period] = {}
        self.file_names: list[str] = []
        self.file_index: dict[str, int] = {}
        # one entry a row, in arrival order
        self.keys = array("q")
        self.values = array("d")
        self.as_of = array("i")  # date ordinal, 0 for none
        self.files = array("L")  # file numbers: a folder may hold more than 65,535 files
        self.lines = array("L")
        self.words: dict[int, str] = {}  # rows whose value is a word (milestones, judgements)
        self.exact: dict[int, Decimal] = {}  # rows whose float may be shared (FLOAT_SAFE_CHARS)
        self.kept: list[Observation] | None = [] if keep else None
        self.representatives = array("l")  # after finish: the row that counts for each key
        self.history: list[int] = []  # after finish: rows a later as_of of their key replaced
        self.rep_keys = array("q")  # after finish: their keys, in order
        self.findings: list[Finding] = []
        # (file, line) → a figure converted by its units' names (unit-derived), which the
        # scale check weighs as written first (plausibility.explain)
        self.converted: dict[tuple[str, int], Converted] = {}
        self.stored: dict[int, Observation] = {}
        self._plausibility: dict[
            tuple[str, str],
            tuple[str, list[Decimal], tuple[Decimal, Decimal] | None, int, str] | None,
        ] = {}
        self._level_targets: dict[str, list[Target]] = {}  # by indicator
        self._bands: dict[tuple[str, str], Band | None] = {}  # bands without history
        # Stored figures of flow indicators by span too (key without its kind rank): a
        # submitted 2019 meets a stored 2019Q4 (observation.span_of).
        self.stored_spans: dict[int, Observation] = {}
        if store is not None:
            flows = {i.id for i in plan.indicators if i.flow}
            for o in store.observations:
                key = self._key(o.indicator, o.region, o.period, o.measure)
                self.stored[key] = o
                if o.indicator in flows:
                    self.stored_spans[key >> 2] = o

    # ------------------------------------------------------------ streaming

    def _key(self, indicator: str, region: str, period: Period, measure: str = "level") -> int:
        code = period.code  # year·64 + months·4 + kind rank
        if measure == "growth":
            code |= GROWTH_BIT
        if code not in self.periods:
            self.periods[code] = period
        return self._indicator_bits[indicator] | self._region_bits[region] | code

    def add(self, o: Observation) -> None:
        """An observation; its value packed as a float, and kept exact aside when the float
        could not tell it from another (see ``FLOAT_SAFE_CHARS``)."""
        if o.value is None:
            self.words[len(self.keys)] = o.text
            number = math.nan
        else:
            text = str(o.value)
            number = float(text)
            if len(text) > FLOAT_SAFE_CHARS or _packed_text(number) != text:
                # the float would not give back the figure as written: 4.42E+5 (44.2万,
                # known to the thousand), 9800.0, 4.80 — their precision is part of them
                self.exact[len(self.keys)] = o.value
        self.add_number(o.indicator, o.period, o.region, number, o.as_of, o.file, o.line, o.measure)
        if self.kept is not None:
            self.kept.append(o)

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
        from plain decimal text of at most ``FLOAT_SAFE_CHARS`` characters, or with the
        exact Decimal kept aside by :meth:`add`. The reader calls this directly, with no
        Observation built, for rows its shortcut reads (at most ``MAX_FIGURE_DIGITS``
        characters, which a test holds within ``FLOAT_SAFE_CHARS``) when the
        observations are not kept; :meth:`add` for the others."""
        file_number = self.file_index.get(file)
        if file_number is None:
            file_number = self.file_index[file] = len(self.file_names)
            self.file_names.append(file)
        # _key, unrolled: this runs once a row
        code = period.code
        if measure == "growth":
            code |= GROWTH_BIT
        if code not in self.periods:
            self.periods[code] = period
        self.values.append(value)
        self.keys.append(self._indicator_bits[indicator] | self._region_bits[region] | code)
        self.as_of.append(as_of.toordinal() if as_of else 0)
        self.files.append(file_number)
        self.lines.append(line)

    def _decimal(self, i: int) -> Decimal | None:
        """Row ``i``'s exact value (see ``FLOAT_SAFE_CHARS``), ``None`` for a word."""
        exact = self.exact.get(i)
        if exact is not None:
            return exact
        value = self.values[i]
        return None if math.isnan(value) else Decimal(_packed_text(value))

    def _figure_at(self, i: int) -> Figure:
        """Row ``i`` as the reconciliation rule sees it."""
        day = date.fromordinal(self.as_of[i]) if self.as_of[i] else None
        value = self._decimal(i)
        word = self.words.get(i) if value is None else None
        return Figure(value, word, day, self.file_names[self.files[i]], self.lines[i])

    def _key_of(self, i: int) -> tuple[str, str, str, str]:
        """Row ``i``'s (indicator, period, region, measure), as the store keys its figures."""
        key = self.keys[i]
        return (
            self.indicators[key >> self.ind_shift],
            self.periods[key & 0xFFFFFF].text,
            self.regions[(key >> _REGION_SHIFT) & self.reg_mask],
            "growth" if key & GROWTH_BIT else "level",
        )

    def _row(self, i: int) -> Row:
        key = self.keys[i]
        value = self.values[i]
        number = None if math.isnan(value) else value
        exact = self._decimal(i)
        text = self.words.get(i) or (figure_text(exact) if exact is not None else "")
        day = date.fromordinal(self.as_of[i]) if self.as_of[i] else None
        return Row(
            self.indicators[key >> self.ind_shift],
            self.regions[(key >> _REGION_SHIFT) & self.reg_mask],
            self.periods[key & 0xFFFFFF],
            number,
            text,
            day,
            self.file_names[self.files[i]],
            self.lines[i],
            True,
        )

    @staticmethod
    def _stored_row(o: Observation) -> Row:
        value = float(o.value) if o.value is not None else None
        return Row(o.indicator, o.region, o.period, value, o.text, o.as_of, o.file, o.line, False)

    # ------------------------------------------------------------ at the end

    def finish(self) -> list[Finding]:
        self._same_keys()
        self._same_spans()
        self._against_store()
        self._series()
        self._components()
        self._region_sums()
        return self.findings

    def submitted(self) -> list[Observation]:
        """The observations that count, one per key (ingest writes these)."""
        if self.kept is None:
            raise RuntimeError("CrossChecks(keep=True) is needed to hand the observations on")
        return [self.kept[i] for i in sorted(self.representatives)]

    def replaced(self) -> list[Observation]:
        """The submitted figures a later ``as_of`` of the same key replaced: history, which
        ingest keeps beside the figure that counts (a revision is never dropped)."""
        if self.kept is None:
            raise RuntimeError("CrossChecks(keep=True) is needed to hand the observations on")
        return [self.kept[i] for i in sorted(self.history)]

    def _sorted_order(self) -> array[int]:
        """Row numbers in key order (stable), in bounded memory.

        Key and row number are packed into one integer where they fit 63 bits; the rows
        are sorted in chunks and the chunks merged, so at most one chunk's worth of
        Python integers exists at a time (a million at once would cost ~40 MB).
        """
        keys, n = self.keys, len(self.keys)
        if n and all(
            map(operator.le, itertools.islice(keys, 0, n - 1), itertools.islice(keys, 1, n))
        ):
            return array("l", range(n))  # in key order already (exports and templates often are)
        bits = max(n - 1, 1).bit_length()
        if not n or (max(keys) << bits).bit_length() >= 63:
            return array("l", sorted(range(n), key=keys.__getitem__))
        mask = (1 << bits) - 1
        chunks = [
            array(
                "q", sorted((keys[i] << bits) | i for i in range(start, min(start + SORT_CHUNK, n)))
            )
            for start in range(0, n, SORT_CHUNK)
        ]
        merged = chunks[0] if len(chunks) == 1 else heapq.merge(*chunks)
        return array("l", (p & mask for p in merged))

    def _same_keys(self) -> None:
        """Each run of equal keys among the sorted rows (in arrival order: the sort is
        stable), decided by the one rule; a key given once needs no decision.

        Sets :attr:`representatives` (the row that counts for each key, in key order) and
        :attr:`rep_keys` (their keys, sorted, for the series and sum checks to find their
        groups by bisection). The repeated keys are found by comparing the sorted keys
        with themselves shifted by one, in C (``map(operator.eq, …)``), so that the Python
        loop runs only over the rows that repeat a key. Rows already in strictly increasing
        key order (exports and templates often are) need neither: one comparison of
        neighbours in C tells both that no sort and no decision is needed.
        """
        keys = self.keys
        n = len(keys)
        if n and all(
            map(operator.lt, itertools.islice(keys, 0, n - 1), itertools.islice(keys, 1, n))
        ):
            # rep_keys is the keys array itself: no row is added once finish() runs.
            self.representatives, self.rep_keys = array("l", range(n)), keys
            return
        order = self._sorted_order()
        sorted_keys = array("q", map(keys.__getitem__, order))
        repeats = list(
            itertools.compress(
                range(1, n), map(operator.eq, itertools.islice(sorted_keys, 1, None), sorted_keys)
            )
        )
        if not repeats:
            self.representatives, self.rep_keys = order, sorted_keys
            return
        keep = [True] * n
        k = 0
        while k < len(repeats):
            start = repeats[k] - 1  # the first row of a run of equal keys
            end = repeats[k] + 1
            k += 1
            while k < len(repeats) and repeats[k] == end:
                end += 1
                k += 1
            rows = order[start:end]
            figures = [self._figure_at(r) for r in rows]
            decision = decide(figures)
            self.findings.extend(findings(self._key_of(rows[0]), figures, decision))
            keep[start:end] = [False] * (end - start)
            keep[start + decision.current] = True
            self.history += [rows[h] for h in decision.history]
        self.representatives = array("l", itertools.compress(order, keep))
        self.rep_keys = array("q", itertools.compress(sorted_keys, keep))

    def _same_spans(self) -> None:
        """Figures of a flow indicator whose labels cover one span (2019Q4, 2019-12 and
        2019: observation.span_of), decided by the one rule like figures of one key.

        Such labels differ only in the period code's kind rank (its two low bits), so in
        key order they are neighbours: only runs of those are looked at."""
        keys, reps = self.rep_keys, self.representatives
        flows = {self.indicator_index[i.id] for i in self.plan.indicators if i.flow}
        # spans of neighbours compared in C (map over the keys without their rank bits):
        # the Python loop below runs only over the neighbours that share a span
        spans = list(map(operator.rshift, keys, itertools.repeat(2)))
        shared = itertools.compress(
            range(1, len(spans)), map(operator.eq, itertools.islice(spans, 1, None), spans)
        )
        runs: list[tuple[int, int]] = []
        for k in shared:
            if keys[k] >> self.ind_shift not in flows:
                continue
            if runs and runs[-1][1] == k:
                runs[-1] = (runs[-1][0], k + 1)
            else:
                runs.append((k - 1, k + 1))
        if not runs:
            return
        keep = [True] * len(keys)
        for start, end in runs:
            # in file order, as the store sees them (a clash's current is the first)
            place = {r: (self.file_names[self.files[r]], self.lines[r]) for r in reps[start:end]}
            rows = sorted(reps[start:end], key=place.__getitem__)
            figures = [self._figure_at(r) for r in rows]
            decision = decide(figures)
            first = self._key_of(rows[0])
            labels = "/".join(sorted(self._key_of(r)[1] for r in rows))
            key = (first[0], labels, first[2], first[3])
            self.findings.extend(findings(key, figures, decision, labels=True))
            current = rows[decision.current]
            keep[start:end] = [r == current for r in reps[start:end]]
            self.history += [rows[h] for h in decision.history]
        self.representatives = array("l", itertools.compress(reps, keep))
        self.rep_keys = array("q", itertools.compress(keys, keep))

    def _against_store(self) -> None:
        """Each figure that counts against the stored current one (the rule's part 4)."""
        if not self.stored:
            return
        for i in self.representatives:
            stored = self.stored.get(self.keys[i]) or self.stored_spans.get(self.keys[i] >> 2)
            if stored is None:
                continue
            found = store_finding(
                self._key_of(i), Figure.of(stored), self._figure_at(i), revise=self.revise
            )
            if found is not None:
                self.findings.append(found)
        for i in self.history:  # replaced in the submission itself: history beside the store
            stored = self.stored.get(self.keys[i]) or self.stored_spans.get(self.keys[i] >> 2)
            if stored is not None:
                found = history_finding(self._key_of(i), Figure.of(stored), self._figure_at(i))
                if found is not None:
                    self.findings.append(found)

    def _series(self) -> None:
        """Each (indicator, region) series the submission touched, with its stored figures."""
        for _, start, levels_end in self._series_spans(0, len(self.rep_keys)):
            if levels_end > start:
                self._check_series(start, levels_end)

    def _series_spans(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(its indicator-and-region bits, first place, end of its levels) for each series
        among the representatives ``start:end``.

        A series is a run of :attr:`rep_keys` with the same indicator and region (the bits
        above the period code); its growth figures, which the series and sum checks leave
        out, sort at its end (GROWTH_BIT is the period code's top bit). Both ends are found
        by bisection, not by a test on every row.
        """
        keys, position = self.rep_keys, start
        while position < end:
            head = keys[position] >> _REGION_SHIFT
            next_series = bisect.bisect_left(keys, (head + 1) << _REGION_SHIFT, position, end)
            levels_end = bisect.bisect_left(
                keys, (head << _REGION_SHIFT) | GROWTH_BIT, position, next_series
            )
            yield head, position, levels_end
            position = next_series

    def _check_series(self, start: int, end: int) -> None:
        """The series of representatives ``start:end`` (one indicator and region, levels),
        with the stored figures of the same series merged in by period.

        The series is three parallel lists — period codes, values, and references (a row
        number when submitted, the Observation when stored) — so that each check can
        scan it with C-level ``map``/``min``/``max`` and go through Python code only where
        a figure may be flagged.
        """
        key = self.rep_keys[start]
        indicator = self.indicators[key >> self.ind_shift]
        region = self.regions[(key >> _REGION_SHIFT) & self.reg_mask]
        rows = self.representatives[start:end]
        codes = [k & 0xFFFFFF for k in self.rep_keys[start:end]]
        values = list(map(self.values.__getitem__, rows))
        refs: list[int | Observation] = list(rows)
        stored = self.store.series(indicator, region) if self.store else []
        if stored:
            merged: dict[int, tuple[float, int | Observation]] = {}
            for o in stored:
                code = self._key(o.indicator, o.region, o.period) & 0xFFFFFF
                merged[code] = (float(o.value) if o.value is not None else math.nan, o)
            merged.update(zip(codes, zip(values, refs, strict=True), strict=True))
            codes = sorted(merged)
            values = [merged[c][0] for c in codes]
            refs = [merged[c][1] for c in codes]
        # Words (NaN) are passed over by every check; a series without any is the common case.
        if math.isnan(sum(values)):
            kept = [k for k, v in enumerate(values) if not math.isnan(v)]
            codes = [codes[k] for k in kept]
            values = [values[k] for k in kept]
            refs = [refs[k] for k in kept]
        flow = self.plan.indicator_by_id[indicator].flow
        if flow:
            self._ytd(codes, values, refs)
        self._outliers(codes, values, refs, flow=flow, stored=bool(stored))
        # The stored history, when there is one, is the better judge (its message shows
        # it); without one the scale of the targets goes first, as the submission's own
        # figures may share its slip (10.4 and 0.0004 for an income).
        if flow:
            self._plausible(indicator, region, values, refs, stored)
        elif stored:
            flagged = self._in_line(indicator, region, codes, refs)
            self._plausible(indicator, region, values, refs, stored, flagged)
        else:
            flagged = self._plausible(indicator, region, values, refs, stored)
            self._in_line(indicator, region, codes, refs, flagged)

    def _in_line(
        self,
        indicator: str,
        region: str,
        codes: list[int],
        refs: list[int | Observation],
        skip: set[int] | frozenset[int] = frozenset(),
    ) -> set[int]:
        """Each submitted figure of a stock or level against its own series (the stored
        figures of the other periods, else the submission's), and with no series of its own
        against the other regions' figures of its period (plausibility.against_history,
        against_regions). Returns the rows flagged, which the scale band then leaves alone."""
        setting = self._plausibility_setting(indicator, region)
        if setting is None or setting[2] is not None:
            return set()  # not a plain number in a unit, or the plan gives its range
        kind = setting[0]
        stored = [
            (c, o.value)
            for c, o in zip(codes, refs, strict=True)
            if isinstance(o, Observation) and o.value is not None
        ]
        flagged: set[int] = set()
        for code, ref in zip(codes, refs, strict=True):
            if not isinstance(ref, int) or ref in skip:
                continue
            value = self._decimal(ref)
            if value is None:
                continue
            pool = stored
            if not pool:
                pool = [
                    (c, v)
                    for c, r in zip(codes, refs, strict=True)
                    if isinstance(r, int) and r not in skip and (v := self._decimal(r)) is not None
                ]
            history = [(c, self.periods[c].text, v) for c, v in pool if c != code]
            if history:
                issue = against_history(value, code, history, kind)
            else:
                issue = against_regions(
                    value,
                    region,
                    self._period_figures(indicator, code, region),
                    self.plan.city.id,
                    self.plan.indicator_by_id[indicator].aggregate == "sum",
                    len(self.plan.summed_regions),
                )
            if issue is not None:
                flagged.add(ref)
                self.findings.append(
                    _at(self._row(ref), issue.code, issue.severity, dict(issue.params), issue.form)
                )
        return flagged

    def _period_figures(self, indicator: str, code: int, region: str) -> list[tuple[str, Decimal]]:
        """The other regions' figures of one indicator and period (submitted, else stored)."""
        period = self.periods[code]
        out: list[tuple[str, Decimal]] = []
        for other in self.regions:
            if other == region:
                continue
            key = self._key(indicator, other, period)
            row = self._submitted_at(key)
            value = self._decimal(row) if row is not None else None
            if value is None and key in self.stored:
                value = self.stored[key].value
            if value is not None:
                out.append((other, value))
        city = self.plan.city.id
        if not any(r == city for r, _ in out) and self.store is not None:
            # a stock moves slowly: the city's figure of the year before or after will do
            near = [
                o
                for o in self.store.series(indicator, city)
                if o.value is not None and abs(o.period.year - period.year) <= 1
            ]
            if near:
                nearest = min(near, key=lambda o: abs(o.period.year - period.year)).value
                assert nearest is not None
                out.append((city, nearest))
        return out

    def _submitted_at(self, key: int) -> int | None:
        """The representative row of ``key`` in the submission, if it has one."""
        place = bisect.bisect_left(self.rep_keys, key)
        if place < len(self.rep_keys) and self.rep_keys[place] == key:
            return self.representatives[place]
        return None

    def _plausible(
        self,
        indicator: str,
        region: str,
        values: list[float],
        refs: list[int | Observation],
        stored: list[Observation],
        flagged: set[int] | frozenset[int] = frozenset(),
    ) -> set[int]:
        """Each submitted figure against its indicator's plausible band (plausibility.py):
        the band is worked out once for the series, then the series' least and greatest
        figures tell whether any figure needs a look. Returns the rows flagged."""
        flagged_here: set[int] = set()
        if not values:
            return flagged_here
        setting = self._plausibility_setting(indicator, region)
        if setting is None:
            return flagged_here
        kind, targets, given, share, scope = setting
        history = [o.value for o in stored if o.value is not None]
        if history:
            found = band(kind, targets, history, given, share)
        else:  # the same band for every series of the same setting
            band_key = (indicator, scope)
            if band_key not in self._bands:
                self._bands[band_key] = band(kind, targets, history, given, share)
            found = self._bands[band_key]
        if found is None:
            return flagged_here
        low, high = found.low, found.high
        if min(values) >= low and max(values) <= high:
            return flagged_here
        for v, ref in zip(values, refs, strict=True):
            if (v < low or v > high) and isinstance(ref, int) and ref not in flagged:
                value = self._decimal(ref)
                if value is None:
                    continue
                row = self._row(ref)
                issue = explain(value, kind, found, self.converted.get((row.file, row.line)))
                self.findings.append(
                    _at(row, issue.code, issue.severity, dict(issue.params), issue.form)
                )
                flagged_here.add(ref)
        return flagged_here

    def _plausibility_setting(
        self, indicator: str, region: str
    ) -> tuple[str, list[Decimal], tuple[Decimal, Decimal] | None, int, str] | None:
        """(unit kind, target values, the plan's range, share, scope) for an indicator's
        figures in a region; None when they are not plain numbers in a unit.

        The scope is the region whose targets are used: the region's own, or the city's
        (divided by ``share``) for every region without targets of its own — one setting
        for all of those, worked out once."""
        city = self.plan.city.id
        levels = self._level_targets.get(indicator)
        if levels is None:
            levels = [t for t in self.plan.targets_of(indicator) if _level_like(t)]
            self._level_targets[indicator] = levels
        scope = (
            region if region == city or any((t.region or city) == region for t in levels) else ""
        )
        key = (indicator, scope)
        if key in self._plausibility:
            return self._plausibility[key]
        ind = self.plan.indicator_by_id[indicator]
        unit = self.plan.unit_of(ind)
        setting: tuple[str, list[Decimal], tuple[Decimal, Decimal] | None, int, str] | None = None
        if unit is not None and value_type(self.plan, ind) == "number":
            own = [t for t in levels if (t.region or city) == region]
            share = 1
            if not own and region != city:
                own = [t for t in levels if (t.region or city) == city]
                share = len(self.plan.sub_regions) if ind.aggregate == "sum" else 1
            setting = (unit.kind, [_yearly(t) for t in own], ind.range, share, scope)
        self._plausibility[key] = setting
        return setting

    def _resolve(self, ref: int | Observation) -> Row:
        return self._row(ref) if isinstance(ref, int) else self._stored_row(ref)

    def _ytd(self, codes: list[int], values: list[float], refs: list[int | Observation]) -> None:
        """A year-to-date figure below the one before it in the same year (words left out,
        in period order; period code = year·64 + months·4 + kind). Only the places where
        a figure is below its neighbour — found in C — are looked at: in a series of
        year-to-date figures that is the turn of each year."""
        drops = itertools.compress(
            range(1, len(values)), map(operator.lt, itertools.islice(values, 1, None), values)
        )
        for k in drops:
            code_a, code_b = codes[k - 1], codes[k]
            if code_a >> 6 != code_b >> 6 or (code_b & 63) >> 2 <= (code_a & 63) >> 2:
                continue  # a new year, or a period of the same months (a quarter, its year)
            ref_a, ref_b = refs[k - 1], refs[k]
            blame = ref_b if isinstance(ref_b, int) else ref_a
            if not isinstance(blame, int):
                continue
            earlier, later = self._resolve(ref_a), self._resolve(ref_b)
            self.findings.append(
                _at(
                    self._resolve(blame),
                    "ytd-decreasing",
                    Severity.ERROR,
                    {
                        "period": later.period.text,
                        "value": later.text,
                        "other_period": earlier.period.text,
                        "other_value": earlier.text,
                        "other_file": earlier.file,
                        "other_line": earlier.line,
                    },
                )
            )

    def _outliers(
        self,
        codes: list[int],
        values: list[float],
        refs: list[int | Observation],
        *,
        flow: bool,
        stored: bool,
    ) -> None:
        """Robust z-scores within each class of comparable figures: the same months of
        each year for a flow (year-to-date figures grow through the year), all of them
        otherwise. A class is a list of places in the series, in period order; a class of
        stored figures alone is not scored (only submitted figures are flagged)."""
        for members in _classes(codes, flow):
            if len(members) < OUTLIER_MIN_VALUES or (
                stored and not any(isinstance(refs[k], int) for k in members)
            ):
                continue
            figures = (
                values[members.start : members.stop : members.step]
                if isinstance(members, range)
                else [values[k] for k in members]
            )
            scored = robust_scale(figures)
            if scored is None:
                continue
            median, mad = scored
            for k in members:
                z = 0.6745 * (values[k] - median) / mad
                ref = refs[k]
                if abs(z) > OUTLIER_Z and isinstance(ref, int):
                    row = self._row(ref)
                    self.findings.append(
                        _at(
                            row,
                            "outlier",
                            Severity.WARNING,
                            {
                                "value": row.text,
                                "others": len(members) - 1,
                                "median": f"{median:g}",
                                "z": f"{z:+.1f}",
                            },
                        )
                    )

    def _lookup(
        self, rows: dict[int, int], indicator: str, period: Period, region: str
    ) -> Row | None:
        key = self._key(indicator, region, period)
        if key in rows:
            return self._row(rows[key])
        stored = self.stored.get(key)
        return self._stored_row(stored) if stored is not None else None

    def _components(self) -> None:
        wholes = [
            t
            for t in self.plan.targets
            if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget) and t.components
        ]
        if not wholes:
            return
        involved = {self.indicator_index[t.indicator] for t in wholes}
        parts_of = {
            t.id: [
                self.plan.target_by_id[c].indicator
                for c in t.components
                if c in self.plan.target_by_id
            ]
            for t in wholes
        }
        involved |= {self.indicator_index[p] for parts in parts_of.values() for p in parts}
        mine = {
            self.keys[i]: i
            for i in self.representatives
            if self.keys[i] >> self.ind_shift in involved and not self.keys[i] & GROWTH_BIT
        }
        touched = {
            (
                self.keys[i] & 0xFFFFFF,
                (self.keys[i] >> _REGION_SHIFT) & self.reg_mask,
                self.keys[i] >> self.ind_shift,
            )
            for i in mine.values()
        }
        for whole in wholes:
            parts = parts_of[whole.id]
            ids = {self.indicator_index[whole.indicator], *(self.indicator_index[p] for p in parts)}
            for code, region_number, _ in sorted(
                {(c, r, 0) for (c, r, ind) in touched if ind in ids}
            ):
                period, region = self.periods[code], self.regions[region_number]
                total = self._lookup(mine, whole.indicator, period, region)
                if total is None or total.value is None:
                    continue
                present = [
                    r
                    for p in parts
                    if (r := self._lookup(mine, p, period, region)) is not None
                    and r.value is not None
                ]
                for part in present:
                    assert part.value is not None
                    if part.value > total.value:
                        blame = part if part.submitted else total
                        if blame.submitted:
                            self.findings.append(
                                _at(
                                    blame,
                                    "component-exceeds-total",
                                    Severity.ERROR,
                                    {
                                        "part": part.indicator,
                                        "part_value": part.text,
                                        "whole": total.indicator,
                                        "whole_value": total.text,
                                        "period": period.text,
                                    },
                                )
                            )
                summed = math.fsum(r.value or 0.0 for r in present)
                blame2 = (
                    total if total.submitted else next((r for r in present if r.submitted), None)
                )
                if summed > total.value and blame2 is not None:
                    self.findings.append(
                        _at(
                            blame2,
                            "components-exceed-total",
                            Severity.WARNING,
                            {
                                "whole": total.indicator,
                                "parts_sum": _number_text(summed),
                                "whole_value": total.text,
                                "period": period.text,
                            },
                        )
                    )

    def _region_sums(self) -> None:
        """A city figure against the sum of all its regions, per (indicator, period) touched."""
        city = self.region_index[self.plan.city.id]
        # Each figure once: a zone counted inside a county's figures (part_of) is not added.
        subs = [self.region_index[r.id] for r in self.plan.summed_regions]
        if not subs:
            return  # a plan of the whole area alone (a national plan): no parts to add up
        counted = frozenset(subs)
        keys = self.rep_keys
        for indicator in self.plan.indicators:
            if indicator.aggregate != "sum":
                continue
            number = self.indicator_index[indicator.id]
            start = bisect.bisect_left(keys, number << self.ind_shift)
            end = bisect.bisect_left(keys, (number + 1) << self.ind_shift, start)
            if start < end:
                self._region_sums_of(number, start, end, city, subs, counted)

    def _region_sums_of(
        self,
        indicator_number: int,
        start: int,
        end: int,
        city: int,
        subs: list[int],
        counted: frozenset[int],
    ) -> None:
        """The region-sum check for one indicator, whose representatives are ``start:end``.

        Its regions' series come one after another (key order, :meth:`_series_spans`).
        Per period touched: the counted regions' sum, which regions, the first submitted
        row, the city's row. The sums are a list with a place per period; a region with a
        figure for every period (the common case) is added in C, place by place
        (``map(operator.add, …)``), the others figure by figure. Either way the regions
        are added in the same order, so the sums are the same floats.
        """
        keys, reps, values, exact = self.rep_keys, self.representatives, self.values, self.exact
        series = [  # (region, period codes, rows) of each region's levels
            (head & self.reg_mask, [k & 0xFFFFFF for k in keys[a:b]], reps[a:b])
            for head, a, b in self._series_spans(start, end)
        ]
        touched = sorted({c for _, codes, _ in series for c in codes})
        place = {c: k for k, c in enumerate(touched)}
        n = len(touched)
        sums, masks, firsts = [0.0] * n, [0] * n, [-1] * n
        every_mask = 0  # regions with a figure in every place
        city_rows: dict[int, int] = {}
        # Half the written precision of each rounded figure summed (44.2万: 500), by place:
        # figures published to 0.01万 may sum to 40 persons off the city's without a mistake.
        slack = [0.0] * n
        for region, codes, rows in series:
            if region == city:
                city_rows.update(zip(codes, rows, strict=True))
                continue
            if region not in counted:
                continue
            figures = list(map(values.__getitem__, rows))
            if exact:
                for c, r in zip(codes, rows, strict=True):
                    if r in exact and not math.isnan(values[r]):
                        slack[place[c]] += _half_step(exact[r])
            bit = 1 << region
            if codes == touched and not math.isnan(sum(figures)):
                sums = list(map(operator.add, sums, figures))
                every_mask |= bit
                if -1 in firsts:
                    firsts = [r if f == -1 else f for f, r in zip(firsts, rows, strict=True)]
                continue
            for c, v, r in zip(codes, figures, rows, strict=True):
                if math.isnan(v):
                    continue  # a word is not summed
                k = place[c]
                sums[k] += v
                masks[k] |= bit
                if firsts[k] == -1:
                    firsts[k] = r
        for k, code in enumerate(touched):
            self._region_sum_at(
                indicator_number,
                code,
                sums[k],
                masks[k] | every_mask,
                city_rows.get(code, -1),
                firsts[k],
                slack[k],
                city,
                subs,
            )

    def _region_sum_at(
        self,
        indicator_number: int,
        code: int,
        partial: float,
        mask: int,
        city_row: int,
        first_row: int,
        allowed: float,
        city: int,
        subs: list[int],
    ) -> None:
        """One (indicator, period): the city's figure against its regions' sum, the regions
        missing from the submission taken from the store (none stored: no check)."""
        exact = self.exact
        name, period = self.indicators[indicator_number], self.periods[code]
        whole = self._figure({city: city_row} if city_row != -1 else {}, name, period, city)
        if whole is None or whole.value is None:
            return
        total = partial
        if city_row != -1:
            allowed += _half_step(exact[city_row]) if city_row in exact else 0.0
        else:
            allowed += self._stored_half_step(name, period, city)
        for r in subs:
            if mask & (1 << r):
                continue
            stored = self._figure({}, name, period, r)
            if stored is None or stored.value is None:
                return  # a region without a figure: the sum cannot be checked
            total += stored.value
            allowed += self._stored_half_step(name, period, r)
        if math.isclose(total, whole.value, rel_tol=1e-12, abs_tol=max(1e-9, allowed)):
            return
        blame = whole if whole.submitted else (self._row(first_row) if first_row != -1 else None)
        if blame is not None:
            self.findings.append(
                _at(
                    blame,
                    "region-sum-mismatch",
                    Severity.WARNING,
                    {
                        "indicator": name,
                        "period": period.text,
                        "value": whole.text,
                        "regions": len(subs),
                        "regions_sum": _number_text(total),
                    },
                )
            )

    def _stored_half_step(self, indicator: str, period: Period, region_number: int) -> float:
        """Half the written precision of a stored figure (0 for one written to the unit)."""
        stored = self.stored.get(self._key(indicator, self.regions[region_number], period))
        return _half_step(stored.value) if stored is not None and stored.value is not None else 0.0

    def _figure(
        self, mine: dict[int, int], indicator: str, period: Period, region_number: int
    ) -> Row | None:
        """A region's figure: submitted if the submission has it, else stored, else None."""
        if region_number in mine:
            return self._row(mine[region_number])
        stored = self.stored.get(self._key(indicator, self.regions[region_number], period))
        return self._stored_row(stored) if stored is not None else None
