"""The row loop: every record of a file below its header, through the cell rules.

:class:`RowReader` finds the header (below a title if need be), then reads each row:
the common row — texts seen before and clean, plain digits in the indicator's own unit
— through :meth:`RowReader.read_plain_row`, a shortcut of a few dictionary look-ups;
any other row through :meth:`RowReader.read_row`, which calls the cell rules of
:mod:`linyi_tracker.actuals.cells`. The shortcut exists because a million-row file is
almost all common rows (``python bench/run.py``: it halves validate's time); a test
reads every fixture twice over so that its second half takes the shortcut, and the
findings must not change.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from linyi_tracker.actuals import cells
from linyi_tracker.actuals.headers import (
    HEADER_SCAN,
    REQUIRED,
    Header,
    header_position,
    read_header,
)
from linyi_tracker.actuals.lookup import PlanLookup, fold
from linyi_tracker.actuals.numbers import PLAIN_NUMBER
from linyi_tracker.actuals.observation import FileRead, Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.records import Row
from linyi_tracker.findings import Finding, Issue, Param, Severity
from linyi_tracker.plan.models import Indicator

Emit = Callable[[Observation], None]
# A plain-number row's fields — indicator id, period, region, value, as_of, file, line —
# for a caller that needs no Observation object (validation's cross-row checks).
EmitNumber = Callable[[str, Period, str, Decimal, "date | None", str, int], None]
MEMO_LIMIT = 50_000  # distinct texts remembered per column before the memo starts afresh
_HUNDRED = Decimal(100)


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
        self.errors = (
            0  # errors so far, counted as they are found (a row checks whether it added any)
        )
        span = self.plan.plan.period
        self._first_year, self._last_year = span.first_data_year, span.end
        # Per column: the cell text → (what it means, its issues), for the texts seen so far.
        self._indicator_memo: dict[str, tuple[Any, tuple[Issue, ...]]] = {}
        self._period_memo: dict[str, tuple[Any, tuple[Issue, ...]]] = {}
        self._region_memo: dict[str, tuple[Any, tuple[Issue, ...]]] = {}
        self._as_of_memo: dict[str, tuple[Any, tuple[Issue, ...]]] = {}
        self._raw_texts: dict[str, str] = {}
        self._unit_texts: dict[tuple[str, str], bool] = {}  # unit column texts naming the unit
        self._texts: dict[str, str] = {}

    # ------------------------------------------------------------ findings

    def report(self, line: int | None, issues: Iterable[Issue]) -> None:
        """The issues of a rule as findings at ``line``, each column named and numbered as
        this file has it."""
        columns, names = self.header.columns, self.header.names
        for issue in issues:
            column, number = issue.column, issue.number
            if number is None and column in columns:
                number = columns[column] + 1
                column = names[number - 1]
            if issue.severity is Severity.ERROR:
                self.errors += 1
            self.result.findings.append(
                Finding(
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
            )

    def memo(
        self,
        table: dict[str, tuple[Any, tuple[Issue, ...]]],
        line: int,
        text: str,
        rule: Callable[[str], tuple[Any, list[Issue]]],
    ) -> Any:
        """``rule(text)``, computed once per distinct text and its issues replayed after.

        Submissions repeat the same few ids, regions and periods on every row; the
        meaning and the issues are kept, and the issues are reported again at each row's
        own line, so caching changes nothing a reader can see.
        """
        hit = table.get(text)
        if hit is None:
            meaning, issues = rule(text)
            if len(table) >= MEMO_LIMIT:
                table.clear()
            hit = table[text] = (meaning, tuple(issues))
        if hit[1]:
            self.report(line, hit[1])
        return hit[0]

    def shared_raw(self, raw: str) -> str:
        """:meth:`shared` of the cell's text stripped, looked up by the text as it came."""
        found = self._raw_texts.get(raw)
        if found is None:
            if len(self._raw_texts) >= MEMO_LIMIT:
                self._raw_texts.clear()
            found = self._raw_texts[raw] = self.shared(raw.strip())
        return found

    def shared(self, text: str) -> str:
        """One string object for text that repeats on many rows (a source, a note)."""
        found = self._texts.get(text)
        if found is None:
            if len(self._texts) >= MEMO_LIMIT:
                self._texts.clear()
            self._texts[text] = found = text
        return found

    # ------------------------------------------------------------ the file

    def run(self, rows: Iterable[Row]) -> None:
        it = iter(rows)
        # Spreadsheets from offices often carry a title row or two above the header
        # ("2017年兰山区民生指标报表"): look a few rows ahead for the real header.
        ahead = list(itertools.islice(it, HEADER_SCAN))
        header_at = header_position(ahead)
        skipped: list[int] = []
        rows_left = itertools.chain(ahead, it)
        found = False
        for n, (start, row) in enumerate(rows_left):
            if isinstance(row, str):
                self.csv_syntax(start, row)
                continue
            if not "".join(row).strip():
                continue  # blank lines before the header
            if header_at is not None and n < header_at:
                skipped.append(start)
                continue
            if skipped:
                params: dict[str, Param] = {"header_line": start, "skipped": len(skipped)}
                self.report(start, [Issue("title-rows-skipped", Severity.NOTICE, None, params)])
            found = True
            if not self.read_header(start, row):
                return
            break
        if not found:
            self.report(1, [Issue("empty-file", Severity.ERROR, form="no-header")])
            return
        # The rows below the header: the loop every row of a large file goes through.
        width, plain_row, careful_row = len(self.header.names), self.read_plain_row, self.read_row
        for start, row in rows_left:
            if isinstance(row, str):
                self.csv_syntax(start, row)
            elif len(row) != width or not plain_row(start, row):
                careful_row(start, row)

    def read_header(self, line: int, row: list[str]) -> bool:
        """Map the header; False when the rows below cannot be read (a required column
        missing, a column repeated or unnamed)."""
        header, issues = read_header(row)
        self.header = header
        self.report(line, issues)
        if "value" in header.columns:
            self.result.value_column = header.columns["value"] + 1
            self.result.value_header = header.names[header.columns["value"]]
        self._indices = header.indices
        return header.usable

    def csv_syntax(self, line: int, error: str) -> None:
        self.report(line, [Issue("csv-syntax", Severity.ERROR, None, {"error": error})])

    # ------------------------------------------------------------ one row

    def read_row(self, line: int, row: list[str]) -> None:
        """A row, with every check (the careful path)."""
        if not "".join(row).strip():
            self.report(line, [Issue("blank-row", Severity.WARNING)])
            return
        self.result.rows += 1
        width = len(self.header.names)
        if len(row) > width and any(c.strip() for c in row[width:]):
            extra = next(i for i in range(width, len(row)) if row[i].strip())
            params: dict[str, Param] = {
                "cells": len(row),
                "width": width,
                "text": row[extra].strip(),
            }
            self.report(line, [Issue("extra-cell", Severity.ERROR, None, params, number=extra + 1)])
            return
        if len(row) < width:
            columns = self.header.columns
            needed = [c for c, i in columns.items() if i >= len(row) and c in REQUIRED]
            if needed:
                params = {"cells": len(row), "width": width}
                self.report(line, [Issue("missing-cell", Severity.ERROR, needed[0], params)])
                return

        n = len(row)
        indicator_t, period_t, region_t, value_t, unit_t, source_t, note_t, as_of_t = [
            row[i].strip() if 0 <= i < n else "" for i in self._indices
        ]
        errors_before = self.errors
        lookup = self.lookup
        indicator: Indicator | None = self.memo(
            self._indicator_memo, line, indicator_t, lambda t: cells.indicator_cell(lookup, t)
        )
        period: Period | None = self.memo(self._period_memo, line, period_t, self._period)
        region: str | None = self.memo(
            self._region_memo, line, region_t, lambda t: cells.region_cell(lookup, t)
        )
        as_of: date | None = self.memo(self._as_of_memo, line, as_of_t, cells.as_of_cell)
        value = word = None
        done_on = None
        unit_id: str | None = None
        if indicator is not None:
            unit_id = indicator.unit
            unit = self.plan.unit_of(indicator)
            (value, word, done_on), issues = cells.value_cell(
                value_t,
                unit_t,
                lookup.value_types[indicator.id],
                unit,
                lookup.count_totals.get(indicator.id),
            )
            self.report(line, issues)
            if unit is not None and unit_t and fold(unit_t) in cells.unit_names(unit):
                self._unit_texts[(unit.id, unit_t)] = True  # for the shortcut
        if self.errors > errors_before:
            return
        assert indicator is not None and period is not None and region is not None
        self.emit(
            Observation(
                indicator.id,
                period,
                region,
                value,
                word,
                done_on,
                unit_id,
                self.shared(source_t),
                self.shared(note_t),
                as_of,
                self.shown,
                line,
            )
        )

    def _period(self, text: str) -> tuple[Period | None, list[Issue]]:
        return cells.period_cell(text, self._first_year, self._last_year, self.today)

    def read_plain_row(self, line: int, row: list[str]) -> bool:
        """The row shortcut: the common row, read in a few look-ups — every cell already
        seen and accepted (ids, period, region, date), plain digits in the indicator's own
        unit and range. Anything else — a new text, whitespace, an issue of any kind —
        returns False and the row is read the careful way, which gives the same for
        these rows. It pays at scale: most rows of a large file take it."""
        i_ind, i_per, i_reg, i_val, i_unit, i_src, i_note, i_asof = self._indices
        ind = self._indicator_memo.get(row[i_ind])
        per = self._period_memo.get(row[i_per])
        reg = self._region_memo.get(row[i_reg] if i_reg >= 0 else "")
        day = self._as_of_memo.get(row[i_asof] if i_asof >= 0 else "")
        if ind is None or per is None or reg is None or day is None:
            return False
        indicator, period, region, as_of = ind[0], per[0], reg[0], day[0]
        if ind[1] or per[1] or reg[1] or day[1] or indicator is None or period is None:
            return False
        plain = self.lookup.plain_units.get(indicator.id)
        text = row[i_val]
        unit_text = row[i_unit] if i_unit >= 0 else ""
        if (
            plain is None
            or region is None
            or (unit_text and (plain[0], unit_text) not in self._unit_texts)
        ):
            return False
        if text.isascii() and text.isdigit():
            # Whole and not negative: a count's range holds; a percentage or ratio's may not.
            number = Decimal(text)
            kind = plain[1]
            if (kind == "percent" and number > _HUNDRED) or (kind == "ratio" and not number):
                return False
        elif PLAIN_NUMBER.match(text):
            number = Decimal(text)
            if not cells.plainly_in_range(plain[1], number, text):
                return False
        else:
            return False
        self.result.rows += 1
        if self.emit_number is not None:
            self.emit_number(indicator.id, period, region, number, as_of, self.shown, line)
            return True
        source = self.shared_raw(row[i_src] if i_src >= 0 else "")
        note = self.shared_raw(row[i_note] if i_note >= 0 else "")
        self.emit(
            Observation(
                indicator.id,
                period,
                region,
                number,
                None,
                None,
                indicator.unit,
                source,
                note,
                as_of,
                self.shown,
                line,
            )
        )
        return True
