"""The row loop: every record of a file below its header, through the cell rules.

:class:`RowReader` finds the header (below a title if need be), then reads each row
through the cell rules of :mod:`linyi_tracker.actuals.cells` — one path for every row.
What makes a million rows fast is :class:`CellMemo`: each rule runs once per distinct
text (an indicator, a period, a region, a date, a value with its unit and indicator) and
its whole result — what the cell means and the issues it raises — is kept for the plan
and the day, across the files of one read; a row replays the issues at its own line, so
a text seen the first or the thousandth time gives the same findings. Submissions and
county files repeat their texts: a million rows hold a few tens of thousands of
distinct value/unit pairs.
"""

from __future__ import annotations

import collections
import itertools
import operator
import unicodedata
import weakref
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from linyi_tracker.actuals import cells
from linyi_tracker.actuals.headers import (
    HEADER_SCAN,
    HEADER_SEARCH,
    NAME_COLUMNS,
    REQUIRED,
    ZH_HEADERS,
    Header,
    column_of,
    header_position,
    read_header,
)
from linyi_tracker.actuals.lookup import PlanLookup, ValueType, fold
from linyi_tracker.actuals.numbers import exact_float
from linyi_tracker.actuals.observation import GROWTH, FileRead, Observation
from linyi_tracker.actuals.periods import AmbiguousPeriod, Period, PeriodError, read_period
from linyi_tracker.actuals.records import MAX_LINE, Row, TooLong
from linyi_tracker.actuals.signoff import ZH_LABELS
from linyi_tracker.characters import UNSAFE_IN_CELLS
from linyi_tracker.findings import (
    FIRST_LINES,
    READINGS,
    Finding,
    Issue,
    Named,
    Param,
    Readings,
    Severity,
    lines_named,
)
from linyi_tracker.plan.models import Indicator, Unit

Emit = Callable[[Observation], None]
# A level figure's fields — indicator id, period, region, value, as_of, file, line —
# for a caller that needs no Observation object (validation's cross-row checks). The
# value is a float whose repr gives back the figure's decimal text of at most
# MAX_FIGURE_DIGITS characters (numbers.exact_float), so no two figures share a float;
# any other figure comes as an Observation.
EmitNumber = Callable[[str, Period, str, float, "date | None", str, int], None]
MEMO_LIMIT = 50_000  # distinct texts remembered per column; a full table drops its older half
_new = tuple.__new__  # an Observation made as the tuple it is, without NamedTuple's __new__
# Characters no output may hold (characters.py): controls a spreadsheet cannot hold, the
# code points no XML (xlsx, docx) may hold, and bidirectional overrides, which show a name
# backwards. A BEL in a note, a U+FFFF in a source passed validation and then broke the
# Excel and Word reports. They are flagged at the door instead (a warning; the cell's own
# rule says whether its text still means something — a figure, an id, a period holding one
# is an error), and free text (source, note) is read with them removed.
CONTROL = UNSAFE_IN_CELLS  # the one list of characters no output may hold (characters.py)
_FREE_TEXT = frozenset({"source", "note"})
# How a clerk's note below a table begins (注：数据来源于人社局, 制表人：张三 审核人：李四),
# the template's sign-off labels among them (填报单位：… 填报日期：…, actuals/signoff.py).
NOTE_PREFIXES = (
    "注",
    "说明",
    "备注",
    "制表",
    "审核",
    "填表",
    "单位负责人",
    "负责人",
    *ZH_LABELS.values(),
)
NOTE_STARTS = frozenset(p[0] for p in NOTE_PREFIXES)  # a value cell that may begin a note


def strip_control(text: str) -> str:
    """``text`` without the control characters of :data:`CONTROL`."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


# What a cell rule gives: what the cell means and the issues it raises, as one value.
Read = tuple[Any, tuple[Issue, ...]]
# The value cell's key: (what the value rule needs of the indicator — its value type,
# unit and countable total — as a number, -1 when the row's indicator is unknown;
# whether the figure is a growth figure; the value text; the unit text). Its meaning:
# (number, word, date done, the number as a float when the float gives its digits back).
ValueKey = tuple[int, bool, str, str]
ReadingKey = tuple[str, int | None, str, str]  # a reading's code, column number and forms
ValueMeaning = tuple["Decimal | None", "str | None", "date | None", "float | None"]
_NO_VALUE: ValueMeaning = (None, None, None, None)


A_REGION = "\x00region"  # what a name cell naming a county of the plan reads as (CellMemo.name_of)


class CellMemo:
    """The cell rules, each run once per distinct text and its whole result kept.

    One memo serves every file read against one plan lookup on one day (:meth:`of`): the
    rules depend on nothing else — the plan's ids, names, units and years, and the day
    for periods and dates still to come. Each table maps a cell's text, exactly as
    written (a value with its unit text, its indicator and its measure), to
    :data:`Read`; a table that reaches :data:`MEMO_LIMIT` drops its older half
    (:func:`forget_oldest`).
    """

    def __init__(self, lookup: PlanLookup, today: date) -> None:
        self.lookup = lookup
        self.today = today
        plan = lookup.plan
        span = plan.plan.period
        self.first_year, self.last_year = span.first_data_year, span.end
        # Indicators the value rule reads alike (value type, unit, countable total) share
        # a profile, so that a figure is read once for all of them: indicator id → its
        # profile's number, and the profiles themselves.
        self.profiles: dict[str, int] = {}
        self._profiles: list[tuple[ValueType, Unit | None, int | None]] = []
        numbers: dict[tuple[ValueType, str | None, int | None], int] = {}
        for ind in plan.indicators:
            unit = plan.unit_of(ind)
            kind, total = lookup.value_types[ind.id], lookup.count_totals.get(ind.id)
            facts = (kind, unit.id if unit is not None else None, total)
            if facts not in numbers:
                numbers[facts] = len(self._profiles)
                self._profiles.append((kind, unit, total))
            self.profiles[ind.id] = numbers[facts]
        self.indicators: dict[str, Read] = {}
        self.periods: dict[str, Read] = {}
        self.regions: dict[str, Read] = {}
        self.dates: dict[str, Read] = {}
        self.measures: dict[str, Read] = {}
        self.values: dict[ValueKey, Read] = {}
        self.free: dict[str, str] = {}  # a source or note cell → its text, one string
        self.header_words: dict[str, bool] = {}  # an indicator cell → whether it says 指标
        self.names: dict[str, str] = {}  # a name cell → the indicator it names, "" if none

    @staticmethod
    def of(lookup: PlanLookup, today: date) -> CellMemo:
        """The memo for ``lookup`` and ``today``, made the first time it is asked for."""
        memos = _MEMOS.get(lookup)
        if memos is None:
            memos = _MEMOS[lookup] = {}
        memo = memos.get(today)
        if memo is None:
            memo = memos[today] = CellMemo(lookup, today)
        return memo

    @staticmethod
    def read(
        table: dict[Any, Read], key: Any, rule: Callable[[Any], tuple[Any, list[Issue]]]
    ) -> Read:
        """``rule(key)`` as (meaning, issues), computed the first time ``key`` is seen."""
        hit = table.get(key)
        if hit is None:
            meaning, issues = rule(key)
            if len(table) >= MEMO_LIMIT:
                forget_oldest(table)
            hit = table[key] = (meaning, tuple(issues))
        return hit

    # The rules, each on a cell's text as written (stripped here, as every rule wants it).

    def indicator_rule(self, text: str) -> tuple[Indicator | None, list[Issue]]:
        return cells.indicator_cell(self.lookup, text.strip())

    def period_rule(self, text: str) -> tuple[Period | None, list[Issue]]:
        return cells.period_cell(text.strip(), self.first_year, self.last_year, self.today)

    def region_rule(self, text: str) -> tuple[str | None, list[Issue]]:
        return cells.region_cell(self.lookup, text.strip())

    def date_rule(self, text: str) -> tuple[date | None, list[Issue]]:
        return cells.as_of_cell(text.strip(), self.today)

    def measure_rule(self, text: str) -> tuple[str | None, list[Issue]]:
        return cells.measure_cell(text.strip())

    def value_rule(self, key: ValueKey) -> tuple[ValueMeaning, list[Issue]]:
        """The value cell read as its indicator and measure read values (a growth figure,
        a level in the indicator's unit), or checked as far as it can be when the row's
        indicator is unknown."""
        profile, growth, text, unit_text = key
        text, unit_text = text.strip(), unit_text.strip()
        if profile < 0:
            return _NO_VALUE, cells.loose_value_cell(text)
        kind, unit, count_total = self._profiles[profile]
        if growth:
            issues = cells.growth_kind_issues(kind)
            if issues:
                return _NO_VALUE, issues
            (value, word, done_on), issues = cells.growth_cell(text, unit_text, unit)
        else:
            (value, word, done_on), issues = cells.value_cell(
                text, unit_text, kind, unit, count_total, self.today
            )
        return (value, word, done_on, exact_float(value)), issues

    def free_text(self, text: str) -> str:
        """A source or note as read: stripped, without control characters, one string
        for every row that repeats it."""
        found = self.free.get(text)
        if found is None:
            if len(self.free) >= MEMO_LIMIT:
                forget_oldest(self.free)
            found = self.free[text] = strip_control(text.strip())
        return found

    def name_of(self, text: str) -> str:
        """The id of the indicator a name cell names exactly (a name or alias of the plan,
        as the indicator column reads one); :data:`A_REGION` when it names a county of the
        plan instead (a 名称 column of regions); "" when it names neither: free text is not
        checked."""
        found = self.names.get(text)
        if found is None:
            if len(self.names) >= MEMO_LIMIT:
                forget_oldest(self.names)
            t = text.strip()
            # the plan's ids, names and aliases only: no suggestion is worked out for a
            # name that is none (60 µs a distinct text, a free-text column's every row)
            indicator = self.lookup.indicator(t)[0] if t else None
            if indicator is not None:
                found = indicator.id
            else:
                region = self.lookup.region(t) if t else None
                found = A_REGION if region not in (None, self.lookup.plan.city.id) else ""
            self.names[text] = found
        return found

    def header_word(self, text: str) -> bool:
        """Whether an indicator cell names the indicator column (指标, indicator)."""
        found = self.header_words.get(text)
        if found is None:
            if len(self.header_words) >= MEMO_LIMIT:
                forget_oldest(self.header_words)
            found = self.header_words[text] = column_of(text) == "indicator"
        return found


def forget_oldest(table: dict[Any, Any]) -> None:
    """Make room in a full memo table by dropping the half of its entries that came in
    first (a dict keeps insertion order; a hit does not move an entry): the texts first
    seen lately stay. A text seen early and on every row since is read again once after
    the drop — a cost of one rule run, never a different reading."""
    for key in list(itertools.islice(table, len(table) // 2)):
        del table[key]


_MEMOS: weakref.WeakKeyDictionary[PlanLookup, dict[date, CellMemo]] = weakref.WeakKeyDictionary()


# Where a file names a county (region_outside_table's places), as a message says it.
_PLACES = {
    "file": ("文件名", "name"),
    "sheet": ("工作表名", "sheet"),
    "title": ("标题", "title"),
}


class RowReader:
    """Reads the rows of one file into ``result`` (observations or ``emit``, findings)."""

    def __init__(
        self,
        result: FileRead,
        lookup: PlanLookup,
        today: date,
        emit: Emit | None = None,
        sheet: str | None = None,
        emit_number: EmitNumber | None = None,
    ) -> None:
        self.result = result
        self.emit: Emit = emit if emit is not None else result.observations.append
        self.emit_number = emit_number
        self.sheet = sheet
        self.lookup = lookup
        self.plan = lookup.plan
        self.today = today
        self.shown = result.path
        self.header = Header()
        self.header_line = 0
        self.readings = Readings()  # the sure readings, one finding a file and column
        # id of a tuple of readings → [the tuple, the rows it was on, its keys]: report()
        self._seen: dict[int, list[Any]] = {}
        self.errors = (
            0  # errors so far, counted as they are found (a row checks whether it added any)
        )
        self.cells = CellMemo.of(lookup, today)
        # A county the file's name, sheet or title names, in a file with a region column
        # (where, the finding's params): a blank region cell would give its row to the city.
        self.county_named: tuple[str, dict[str, Param]] | None = None
        self.blank_regions = 0  # its rows whose region cell is blank, and the first lines
        self.blank_region_lines: list[int] = []
        # A column with no header read past (its column number → its blank-header issue):
        # said when a row holds something in it.
        self.unnamed: dict[int | None, Issue] = {}
        # A unit stated outside the table of a file with a unit column (the finding's
        # params), and its rows whose unit cell is blank: indicator id → [count, lines].
        self.unit_stated: dict[str, Param] | None = None
        self.unit_noted = False  # a note below the table stated a unit (told once)
        self.blank_units: dict[str, list[Any]] = {}

    # ------------------------------------------------------------ findings

    def report(self, line: int | None, issues: Iterable[Issue]) -> None:
        """The issues of a rule as findings at ``line``, each column named and numbered as
        this file has it.

        The memo hands every row of a text the same tuple of issues. Once a tuple of
        readings alone (a name for an id, 万 multiplied out: on every row of a county's
        file) has been reported on :data:`FIRST_LINES` rows, each of its readings has
        named its first lines: a row after only counts (``_seen``, which holds the tuple
        so that its id names it alone; :meth:`readings_found` adds the counts)."""
        seen = self._seen.get(id(issues))
        if seen is not None and seen[0] is issues:
            seen[1] += 1
            if seen[1] > FIRST_LINES:
                return
        columns, names = self.header.columns, self.header.names
        keys: list[ReadingKey] = []
        errors = self.errors
        for issue in issues:
            column, number = issue.column, issue.number
            if number is None and column in columns:
                number = columns[column] + 1
                column = names[number - 1]
            if issue.severity is Severity.ERROR:
                self.errors += 1
            reading = issue.code in READINGS
            if reading:
                keys.append(key := (issue.code, number, issue.form, issue.hint_form))
                if self.readings.again(key, line):
                    continue  # a reading seen before in this column: counted, no finding made
            finding = Finding(
                issue.code,
                issue.severity,
                self.shown,
                line,
                column,
                number,
                self.sheet,
                issue.params,
                issue.form,
                issue.hint_form,
            )
            if reading:
                self.readings.add(finding)  # reported once for the file, by run()
            else:
                self.result.findings.append(finding)
        alone = isinstance(issues, tuple) and len(keys) == len(issues) and self.errors == errors
        if seen is None and alone:  # readings alone
            self._seen[id(issues)] = [issues, 1, keys]

    def readings_found(self) -> list[Finding]:
        """The file's sure readings, one finding a code and column, with the rows
        :meth:`report` counted alone added to their counts."""
        counted: collections.Counter[ReadingKey] = collections.Counter()
        for _, rows, keys in self._seen.values():
            for key in keys:
                counted[key] += max(0, rows - FIRST_LINES)
        found = self.readings.findings()
        for i, f in enumerate(found):
            more = counted[f.code, f.column_number, f.form, f.hint_form]
            if more and isinstance(count := f.params["count"], int):
                found[i] = replace(f, params={**f.params, "count": count + more})
        return found

    # ------------------------------------------------------------ the file

    def run(self, rows: Iterable[Row]) -> None:
        """Read the file's rows; then its sure readings, one finding a code and column
        (also when reading stops early: the rows read so far made them)."""
        try:
            self._run(rows)
        finally:
            self.result.findings.extend(self.readings_found())
            self.readings, self._seen = Readings(), {}

    def _run(self, rows: Iterable[Row]) -> None:
        it = iter(rows)
        # Spreadsheets from offices often carry a title row or two above the header
        # ("2017年兰山区民生指标报表"): look a few rows ahead for the real header.
        ahead = list(itertools.islice(it, HEADER_SCAN))
        header_at = header_position(ahead)
        if header_at is None and len(ahead) == HEADER_SCAN:
            # A sheet sorted with its header row puts the header anywhere: look further,
            # so that the rows above it are named as data, not the first read as a header.
            ahead.extend(itertools.islice(it, HEADER_SEARCH))
            header_at = header_position(ahead)
        skipped: list[tuple[int, list[str]]] = []
        rows_left = itertools.chain(ahead, it)
        found = False
        for n, (start, row) in enumerate(rows_left):
            if isinstance(row, str):
                self.csv_syntax(start, row)
                continue
            if not "".join(row).strip():
                continue  # blank lines before the header
            if header_at is not None and n < header_at:
                skipped.append((start, row))
                continue
            found = True
            usable = self.read_header(start, row, ahead[n + 1 :])
            if skipped:
                self.above_header(start, skipped)
            if not usable:
                return
            self.region_outside_table(start, skipped)
            break
        if not found:
            self.report(1, [Issue("empty-file", Severity.ERROR, form="no-header")])
            return
        # The rows below the header: the loop every row of a large file goes through.
        read_row, csv_syntax = self.row_reader(), self.csv_syntax
        for start, row in rows_left:
            if isinstance(row, str):
                csv_syntax(start, row)
            else:
                read_row(start, row)
        if self.blank_regions:
            self.blank_regions_found()
        if self.unit_stated is not None and self.blank_units:
            self.blank_units_found(self.unit_stated)

    def read_header(self, line: int, row: list[str], below: list[Row]) -> bool:
        """Map the header; False when the rows below cannot be read (a required column
        missing, a column repeated, or unnamed with something in it). ``below``: the rows
        after it already taken from the file."""
        header, issues = read_header(row)
        if header.unnamed and not any(
            i < len(cells) and cells[i].strip()
            for _, cells in below
            if not isinstance(cells, str)
            for i in header.unnamed
        ):
            # Columns with no header (a spacer, a hidden column), empty in the rows looked
            # at: read past. One holding something further down is its blank-header error
            # then (the row loop, self.unnamed), at the header.
            self.unnamed = {i.number: i for i in issues if i.code == "blank-header"}
            issues = [i for i in issues if i.code != "blank-header"]
            header = replace(header, usable=True)
        self.header = header
        self.header_line = line
        if not header.usable:
            issues = self.wide(header, issues)
        self.report(line, issues)
        self.result.headers = {name: header.names[i] for name, i in header.columns.items()}
        if "value" in header.columns:
            self.result.value_column = header.columns["value"] + 1
            self.result.value_header = header.names[header.columns["value"]]
        self._indices = header.indices
        return header.usable

    def wide(self, header: Header, issues: list[Issue]) -> list[Issue]:
        """``issues`` with each missing column's hint saying the table is wide when two
        or more of the columns not read are periods (2015年, 2016) or regions of the plan
        (兰山区, 罗庄区): one column a year or a region, where the format wants one figure
        a row. Nothing is read from such a table: which column is which figure is a
        layout to confirm, not a guess to make."""
        read = set(header.columns.values())
        periods: list[str] = []
        regions: list[str] = []
        for i, name in enumerate(header.names):
            if i in read or not name:
                continue
            try:
                read_period(name)
                periods.append(name)
            except PeriodError:
                if self.lookup.region(name) is not None:
                    regions.append(name)
        form, wide = max(
            (("wide-period", periods), ("wide-region", regions)), key=lambda f: len(f[1])
        )
        if len(wide) < 2:
            return issues
        more = "…" if len(wide) > 4 else ""
        listed = wide[:4]
        shown = Named(",".join(listed), "、".join(listed) + more, ", ".join(listed) + more)
        return [
            i._replace(hint_form=form, params={**i.params, "columns": shown})
            if i.code == "missing-column"
            else i
            for i in issues
        ]

    def above_header(self, header_line: int, rows: list[tuple[int, list[str]]]) -> None:
        """Rows above the header: a title or sign-off block is a notice, unless the template
        wrote it (actuals/own_rows.py); rows that read as observations (a sheet sorted with
        its header row among the data) are one error for the file, at the first of them,
        with their count and first lines — one cause, one finding (style.md, findings at
        the scale of a file) — for their figures would otherwise be dropped without a word;
        none of them is read."""
        from linyi_tracker.actuals.own_rows import written_by_template
        from linyi_tracker.actuals.signoff import read_signoff

        self.result.signoff = read_signoff(row for _, row in rows)
        titles = 0
        data: list[int] = []
        for line, row in rows:
            if self.looks_like_data(row):
                data.append(line)
            elif not written_by_template(row, self.plan) and not self.unit_line(line, row):
                titles += 1  # a template's own rows get no notice
        if data:
            params: dict[str, Param] = {
                "header_line": header_line,
                "count": len(data),
                "rows": lines_named(data),
            }
            self.report(data[0], [Issue("data-above-header", Severity.ERROR, None, params)])
        if titles:
            params = {"header_line": header_line, "skipped": titles}
            self.report(header_line, [Issue("title-rows-skipped", Severity.NOTICE, None, params)])

    def region_outside_table(self, header_line: int, titles: list[tuple[int, list[str]]]) -> None:
        """A file with no region column whose name, sheet or title names a region other
        than the city (兰山区2017.xlsx): an error, for its figures would be read as the
        city's (actuals/region_named.py)."""
        from linyi_tracker.actuals.region_named import file_stem, region_named

        places = [("file", file_stem(self.shown)), ("sheet", self.sheet or "")]
        places += [("title", " ".join(c.strip() for c in row if c.strip())) for _, row in titles]
        for where, text in places:
            region = region_named(self.lookup, text)
            if region is None:
                continue
            params: dict[str, Param] = {"text": text, "region": region}
            if "region" in self.header.columns:
                # Each row says its region; one left blank would be the city's: counted
                # by the row loop, said once at the end (blank_regions).
                self.county_named = (where, params)
                return
            issue = Issue("region-outside-table", Severity.ERROR, None, params, form=where)
            self.report(header_line, [issue])
            return

    def unnamed_filled(self, line: int, row: list[str]) -> None:
        """The blank-header error of each column with no header (read past) that ``row``
        holds something in, once a column, at the header: what it holds is not read. It
        names the row and its text, for the column's first rows are empty (and the column
        may be hidden): "column 3 has no header" alone leaves the clerk nothing to find."""
        for number in [n for n in self.unnamed if n is not None and n <= len(row)]:
            text = row[number - 1].strip()
            if text:
                issue = self.unnamed.pop(number)
                params: dict[str, Param] = {**issue.params, "row": line, "text": text}
                self.report(self.header_line, [issue._replace(params=params, form="filled")])

    def blank_unit(self, indicator: str, line: int) -> None:
        """A row whose unit cell is blank, in a file with a unit column: counted."""
        seen = self.blank_units.get(indicator)
        if seen is None:
            seen = self.blank_units[indicator] = [0, []]
        seen[0] += 1
        if len(seen[1]) < FIRST_LINES:
            seen[1].append(line)

    def blank_units_found(self, stated: dict[str, Param]) -> None:
        """The rows with a blank unit cell whose indicator's unit the unit stated outside
        the table magnifies (单位：万人 over 城镇新增就业人数 in 人): one error at the first,
        naming them, for each figure would be read in the plan's unit."""
        from linyi_tracker.actuals.unit_line import magnifies

        written = str(stated["unit"])
        count, lines = 0, []
        for indicator, (n, first) in self.blank_units.items():
            unit = self.plan.unit_of(self.plan.indicator_by_id[indicator])
            if unit is not None and magnifies(written, unit):
                count += n
                lines += first
        if not count:
            return
        lines = sorted(lines)[:FIRST_LINES]
        params = {**stated, "count": count, "rows": lines_named(lines, count)}
        issue = Issue("unit-outside-table", Severity.ERROR, "unit", params, "blank")
        self.report(lines[0], [issue])

    def blank_region(self, line: int) -> None:
        """A row of a file named for a county whose region cell is blank: counted."""
        self.blank_regions += 1
        if len(self.blank_region_lines) < FIRST_LINES:
            self.blank_region_lines.append(line)

    def blank_regions_found(self) -> None:
        """The rows of a file named for a county (:meth:`region_outside_table`) whose region
        cell is blank: one error at the first, naming them, for each would be the whole
        city's figure."""
        assert self.county_named is not None
        where, named = self.county_named
        lines = self.blank_region_lines
        params: dict[str, Param] = {
            **named,
            "place": Named(where, *_PLACES[where]),
            "count": self.blank_regions,
            "rows": lines_named(lines, self.blank_regions),
        }
        issue = Issue("region-outside-table", Severity.ERROR, "region", params, "blank")
        self.report(lines[0], [issue])

    def unit_line(self, line: int, row: list[str]) -> bool:
        """Whether ``row``, a title or note, states the figures' unit (单位：万人) in a file
        with no unit column: an error at its cell, for the figures would be read in the
        plan's units (actuals/unit_line.py). With a unit column, a title's unit is kept
        for the rows that leave their unit blank (:meth:`blank_units_found`)."""
        from linyi_tracker.actuals.unit_line import stated_unit

        stated = stated_unit(row, self.plan)
        if stated is None:
            return False
        i, text, unit = stated
        params: dict[str, Param] = {"text": text, "unit": unit}
        if "unit" in self.header.columns:
            # Each row may say its unit: only a row that leaves it blank is read in the
            # plan's; the line is a title or note as any other. A unit above the header is
            # kept for the rows below; a note below the table speaks for the rows read
            # before it, counted by now: told at once, for the first such note.
            if self.unit_stated is None and line < self.header_line:
                self.unit_stated = params
            elif self.unit_stated is None and not self.unit_noted:
                self.unit_noted = True
                self.blank_units_found(params)
            return False
        self.report(line, [Issue("unit-outside-table", Severity.ERROR, None, params, number=i + 1)])
        return True

    def looks_like_data(self, row: list[str]) -> bool:
        """Whether ``row``, read under the header, names an indicator of the plan and a
        period (a title row or 填报单位 does neither)."""
        columns = self.header.columns
        if "indicator" not in columns or "period" not in columns:
            return False

        def cell(column: str) -> str:
            i = columns[column]
            return row[i].strip() if i < len(row) else ""

        indicator, _ = cells.indicator_cell(self.lookup, cell("indicator"))
        if indicator is None:
            return False
        try:
            read_period(cell("period"))
        except (PeriodError, AmbiguousPeriod):
            return False
        return True

    def repeated_header(self, row: list[str]) -> bool:
        """Whether ``row`` is a header again — it names every required column, in either
        language (two files pasted together, a header repeated for printing)."""
        i = self.header.columns.get("indicator", 0)
        if i >= len(row) or not self.cells.header_word(row[i]):
            return False  # the common case, decided by one cell
        return header_position([(0, row)]) == 0

    def csv_syntax(self, line: int, error: str) -> None:
        if isinstance(error, TooLong):  # a line or a field past the limit: its own words
            params: dict[str, Param] = {"limit": MAX_LINE // (1024 * 1024)}
            self.report(line, [Issue("csv-syntax", Severity.ERROR, None, params, "too-long")])
            return
        self.report(line, [Issue("csv-syntax", Severity.ERROR, None, {"error": error})])

    # ------------------------------------------------------------ one row

    def row_reader(self) -> Callable[[int, list[str]], None]:
        """The function that reads one row below the header, with every check: each cell
        through its rule, run once per distinct text (:class:`CellMemo`), its issues
        reported at this row's line. A closure over the header's column numbers and the
        memo's tables, so that a row of texts seen before costs a few dictionary look-ups."""
        memo, report, read = self.cells, self.report, CellMemo.read
        width, pick = len(self.header.names), operator.itemgetter(*self._indices)
        i_indicator = self.header.columns.get("indicator", 0)
        i_value = self.header.columns.get("value", 0)
        header_words, header_word = memo.header_words, memo.header_word
        indicators, indicator_rule = memo.indicators, memo.indicator_rule
        periods, period_rule = memo.periods, memo.period_rule
        regions, region_rule = memo.regions, memo.region_rule
        dates, date_rule = memo.dates, memo.date_rule
        as_of_early = cells.as_of_before_period
        measures, measure_rule = memo.measures, memo.measure_rule
        values, value_rule, profiles = memo.values, memo.value_rule, memo.profiles
        free, free_text = memo.free, memo.free_text
        i_name, names, name_of = self.header.name, memo.names, memo.name_of
        span_refused, cumulative_level = cells.span_refused, cells.cumulative_level
        has_region = "region" in self.header.columns
        county_named = has_region and self.county_named is not None
        # rows whose unit is blank, counted for a unit stated above the header or in a
        # note below the table (known only once the rows before it are read)
        count_units = "unit" in self.header.columns
        blank_unit = self.blank_unit
        # a name column (名称) read as the indicators, there being no id column
        names_indicators = fold(self.header.names[i_indicator]) in NAME_COLUMNS
        regions_said = False  # that column names counties instead: said once a file
        result, emit, emit_number, shown = self.result, self.emit, self.emit_number, self.shown
        control = CONTROL.search
        unnamed = self.unnamed
        blank = [""]  # the cell of a column the file does not have (index -1)

        def read_row(line: int, row: list[str]) -> None:
            nonlocal has_region, regions_said
            joined = "".join(row)
            if not joined or joined.isspace():
                report(line, [Issue("blank-row", Severity.WARNING)])
                return
            if unnamed:
                self.unnamed_filled(line, row)
            value_cell = row[i_value] if i_value < len(row) else ""
            if (
                not value_cell or value_cell.isspace() or value_cell[0] in NOTE_STARTS
            ) and self.note_row(line, row):
                return
            cell = row[i_indicator] if i_indicator < len(row) else ""
            said = header_words.get(cell)
            if said is None:
                said = header_word(cell)
            if said and self.repeated_header(row):
                params: dict[str, Param] = {"header_line": self.header_line}
                report(line, [Issue("repeated-header", Severity.ERROR, None, params)])
                return
            result.rows += 1
            cells = row if len(row) == width else self.to_width(line, row)
            if not cells:
                return
            errors_before = self.errors
            if not joined.isprintable() and control(joined):  # every control is unprintable
                self.control_characters(line, row)
            (
                indicator_t,
                period_t,
                region_t,
                value_t,
                unit_t,
                source_t,
                note_t,
                as_of_t,
                measure_t,
            ) = pick(cells + blank)
            indicator, issues = indicators.get(indicator_t) or read(
                indicators, indicator_t, indicator_rule
            )
            if issues:
                if indicator is None and names_indicators:
                    named = names.get(indicator_t)
                    if (named if named is not None else name_of(indicator_t)) is A_REGION:
                        # a 名称 column of counties, no indicator column: one cause, one
                        # error for the file, not unknown-indicator on every row; no row
                        # of it is read
                        if not regions_said:
                            self.names_regions(line, indicator_t)
                            regions_said = True
                        return
                report(line, issues)
            if count_units and indicator is not None and (not unit_t or unit_t.isspace()):
                blank_unit(indicator.id, line)
            if i_name >= 0 and indicator is not None:
                named = names.get(name_t := cells[i_name])
                if named is None:
                    named = name_of(name_t)
                if named is A_REGION:
                    if not has_region:  # its county's figure would go to the city
                        self.name_of_region(line)
                        has_region = True  # said once: one column, one cause
                elif named and named != indicator.id:
                    self.name_mismatch(line, indicator_t, indicator.id, name_t, named)
            period, issues = periods.get(period_t) or read(periods, period_t, period_rule)
            if issues:
                if period and indicator and span_refused(issues[0].form, indicator):
                    # a level's 1-9月 is nine months' sum, not its level: not read
                    report(line, cumulative_level(issues[0], indicator))
                else:
                    report(line, issues)
            region, issues = regions.get(region_t) or read(regions, region_t, region_rule)
            if issues:
                report(line, issues)
            if county_named and not region_t.strip():
                self.blank_region(line)
            as_of, issues = dates.get(as_of_t) or read(dates, as_of_t, date_rule)
            if issues:
                report(line, issues)
            if as_of is not None and period is not None and as_of < period.last_day:
                report(line, as_of_early(as_of_t, as_of, period))
            measure, issues = measures.get(measure_t) or read(measures, measure_t, measure_rule)
            if issues:
                report(line, issues)
            growth = measure == GROWTH
            if indicator is None:  # one round per file: the value is checked as far as it can be
                key: ValueKey = (-1, False, value_t, "")
            else:
                key = (profiles[indicator.id], growth, value_t, unit_t)
            (value, word, done_on, number), issues = values.get(key) or read(
                values, key, value_rule
            )
            if issues:
                report(line, issues)
            if self.errors > errors_before:
                return
            if emit_number is not None and number is not None and not growth:
                # A figure its float gives back: to the cross-row checks, no Observation.
                emit_number(indicator.id, period, region, number, as_of, shown, line)
                return
            emit(
                _new(
                    Observation,
                    (
                        indicator.id,
                        period,
                        region,
                        value,
                        word,
                        done_on,
                        "%" if growth else indicator.unit,
                        source
                        if (source := free.get(source_t)) is not None
                        else free_text(source_t),
                        note if (note := free.get(note_t)) is not None else free_text(note_t),
                        as_of,
                        shown,
                        line,
                        measure,
                    ),
                )
            )

        return read_row

    def name_of_region(self, line: int) -> None:
        """A name column (名称) whose cells are counties of the plan, and no region column
        read: each row's figure would be the city's. The error of a region column not read
        (``column-not-read``), at the name column."""
        i = self.header.name
        column = self.header.names[i]
        params: dict[str, Param] = {
            "column": column,
            "suggestion": Named("region", ZH_HEADERS["region"], "region"),
        }
        issue = Issue("column-not-read", Severity.ERROR, column, params, "region", number=i + 1)
        self.report(line, [issue])

    def names_regions(self, line: int, text: str) -> None:
        """The name column read as the indicators (no id column) names counties of the
        plan (``text``, the first): which indicator each figure is, the file does not say
        (``column-not-read``, form ``names-regions``), at the column."""
        i = self.header.columns["indicator"]
        column = self.header.names[i]
        params: dict[str, Param] = {
            "column": column,
            "text": text.strip(),
            "suggestion": Named("region", ZH_HEADERS["region"], "region"),
            "id_column": Named("indicator", ZH_HEADERS["indicator"], "indicator"),
        }
        form = "names-regions"
        issue = Issue("column-not-read", Severity.ERROR, column, params, form, form, number=i + 1)
        self.report(line, [issue])

    def name_mismatch(self, line: int, code: str, indicator: str, text: str, named: str) -> None:
        """A row whose indicator id and indicator name are two indicators: an error at the
        name, for either could be the figure's (a row typed under a copied id)."""
        params: dict[str, Param] = {
            "code": code.strip(),
            "indicator": indicator,
            "name": text.strip(),
            "named_id": named,
        }
        i = self.header.name
        column = self.header.names[i]
        issue = Issue("indicator-name-mismatch", Severity.ERROR, column, params, number=i + 1)
        self.report(line, [issue])

    def note_row(self, line: int, row: list[str]) -> bool:
        """Whether ``row`` (its value cell blank or a note) is a clerk's note below the table — text
        in the first cell alone that names no indicator of the plan, or cells that each
        begin 注/说明/备注/制表/审核/填表…, the rest blank — reported as one notice at
        its line. A note holds no figure, so nothing is lost; it is never read as data."""
        filled = [(i, c.strip()) for i, c in enumerate(row) if c.strip()]
        if not filled:
            return False
        if not all(text.startswith(NOTE_PREFIXES) for _, text in filled):
            if len(filled) > 1 or filled[0][0] != 0:
                return False
            if cells.indicator_cell(self.lookup, filled[0][1])[0] is not None:
                return False  # an indicator with its other cells missing: a data row
        if self.unit_line(line, row):
            return True
        i, text = filled[0]
        params: dict[str, Param] = {"text": text}
        self.report(line, [Issue("note-row-skipped", Severity.NOTICE, None, params, number=i + 1)])
        return True

    def to_width(self, line: int, row: list[str]) -> list[str]:
        """A row with more or fewer cells than the header: an error when a cell past the
        header holds something or a required column's cell is missing (and ``[]``); else
        the row with a cell for each column the header names (missing ones blank)."""
        width, n = len(self.header.names), len(row)
        if n > width and any(c.strip() for c in row[width:]):
            extra = next(i for i in range(width, n) if row[i].strip())
            params: dict[str, Param] = {"cells": n, "width": width, "text": row[extra].strip()}
            self.report(line, [Issue("extra-cell", Severity.ERROR, None, params, number=extra + 1)])
            return []
        if n < width:
            columns = self.header.columns
            needed = [c for c, i in columns.items() if i >= n and c in REQUIRED]
            if needed:
                params = {"cells": n, "width": width}
                self.report(line, [Issue("missing-cell", Severity.ERROR, needed[0], params)])
                return []
            return row + [""] * (width - n)
        return row  # blank cells past the header's: read as the header's

    def control_characters(self, line: int, row: list[str]) -> None:
        """A control character in any cell: a warning (free text is read without it)."""
        canonical = {i: c for c, i in self.header.columns.items()}
        for i, cell in enumerate(row):
            found = CONTROL.search(cell)
            if found is None:
                continue
            column = canonical.get(i)
            free = column is None or column in _FREE_TEXT
            char = found.group()
            params: dict[str, Param] = {"text": cell.strip(), "char": f"U+{ord(char):04X}"}
            name = self.header.names[i] if i < len(self.header.names) else None
            form = "free" if free else ""
            kind = unicodedata.category(char)
            if kind == "Cf":  # a bidirectional mark or override
                form = "bidi-" + form if form else "bidi"
            elif kind != "Cc":  # a noncharacter or a surrogate
                form = "nonchar-" + form if form else "nonchar"
            issue = Issue("control-character", Severity.WARNING, name, params, form, number=i + 1)
            self.report(line, [issue])
