"""Reading an Excel workbook (.xlsx) like a CSV file: one sheet, row by row.

openpyxl is imported here only, so nothing else pays for it. Cells are turned into
the text a clerk sees: whole numbers without ".0", other numbers by their shortest
exact form, dates in the period column as months (Excel turns "2017-09" into a date),
other dates as YYYY-MM-DD. Positions are the sheet's row numbers and column letters.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from linyi_tracker.actuals.headers import HEADER_SCAN, HEADER_SEARCH
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.numbers import plain_decimal
from linyi_tracker.actuals.observation import FileRead
from linyi_tracker.actuals.records import Row
from linyi_tracker.actuals.rows import Emit, EmitNumber, RowReader
from linyi_tracker.errors import require
from linyi_tracker.findings import FIRST_LINES, Finding, Issue, Param, Severity, lines_named

# Limits against decompression bombs (a 311 KB workbook unpacking to 880 MB). Checked on
# the zip's declared sizes before openpyxl opens it (Python's zip reader never unpacks a
# member past its declared size), then on the cells actually read.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all members together; a 1M-row sheet is ~200 MB
MAX_RATIO = 100  # unpacked / packed, for a member over RATIO_FROM bytes; real sheets: 5-20
RATIO_FROM = 16 * 1024 * 1024
MAX_CELLS = 10_000_000  # cells read from the sheet (1M rows of 10 columns)
# The workbook-level name a template gives its own sheet of drop-down choices (intake/
# template.py): that sheet is the tool's, not a clerk's workings to be told of.
TEMPLATE_LISTS = "linyi_tracker_lists"
# What openpyxl and the XML parser raise on a damaged sheet (1,716 of 2,000 mutated
# workbooks gave a traceback): broken XML (ParseError is a SyntaxError), "abc" in a
# number cell (ValueError), a shared string out of range (IndexError), a style or
# relation that is not there (KeyError, AttributeError, TypeError).
_MALFORMED = (
    SyntaxError,
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    AttributeError,
    AssertionError,
    zipfile.BadZipFile,
    zlib.error,  # a member's compressed bytes damaged
    EOFError,
)


class _TooLarge(Exception):
    """The workbook is past a limit: an unreadable-workbook finding of ``form`` with
    ``params`` (validation/catalogue.py words it)."""

    def __init__(self, form: str, **params: str | int) -> None:
        super().__init__(form, params)
        self.form, self.params = form, params

    def finding(self, shown: str) -> Finding:
        return Finding(
            "unreadable-workbook",
            Severity.ERROR,
            shown,
            params=self.params,
            form=self.form,
            hint_form="too-large",
        )


def _check_sizes(path: Path) -> None:
    """Refuse a workbook whose members would unpack past the limits (declared sizes)."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise _TooLarge("too-large", size=_mb(total), limit=_mb(MAX_UNPACKED_BYTES))
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise _TooLarge(
                "ratio",
                part=m.filename,
                ratio=m.file_size // max(m.compress_size, 1),
                limit=MAX_RATIO,
            )


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def read_workbook(
    path: Path,
    shown: str,
    lookup: PlanLookup,
    *,
    today: dt.date,
    sheet: str | None = None,
    emit: Emit | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    require("openpyxl", "reading an .xlsx file")
    result = FileRead(shown, "xlsx")
    try:
        handle = path.open("rb")
    except OSError as exc:
        result.findings.append(
            Finding("unreadable-workbook", Severity.ERROR, shown, params={"error": str(exc)})
        )
        return result
    # The file is ours to close: openpyxl leaves its archive open when a damaged
    # workbook stops it half-way. openpyxl's warnings (a WPS file's missing default
    # style, an extension it does not read) are not the clerk's to see as Python
    # prints them; the one that says a sheet is left out becomes a finding.
    with handle, warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", category=UserWarning, module="openpyxl")
        _read_book(path, handle, result, lookup, today, sheet, emit, emit_number)
    left_out = [str(w.message) for w in caught if _SHEET_LEFT_OUT in str(w.message)]
    if left_out:
        # A sheet entry with no id (never from Excel): openpyxl drops the sheet and its
        # figures; the file is refused rather than read without them.
        result.findings.append(
            Finding(
                "unreadable-workbook",
                Severity.ERROR,
                shown,
                params={"error": left_out[0]},
                form="malformed",
            )
        )
    return result


# What openpyxl warns when it drops a sheet of the workbook (reader/workbook.py).
_SHEET_LEFT_OUT = "This will be removed"


def _read_book(
    path: Path,
    handle: BinaryIO,
    result: FileRead,
    lookup: PlanLookup,
    today: dt.date,
    sheet: str | None,
    emit: Emit | None,
    emit_number: EmitNumber | None,
) -> FileRead:
    shown = result.path
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        _check_sizes(path)
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except _TooLarge as exc:
        result.findings.append(exc.finding(shown))
        return result
    except (InvalidFileException, OSError, *_MALFORMED) as exc:
        result.findings.append(
            Finding("unreadable-workbook", Severity.ERROR, shown, params={"error": str(exc)})
        )
        return result
    try:
        names = book.sheetnames
        if sheet is not None and sheet not in names:
            result.findings.append(
                Finding(
                    "unknown-sheet",
                    Severity.ERROR,
                    shown,
                    params={"sheet": sheet, "sheets": ", ".join(names)},
                )
            )
            return result
        ws = book[sheet] if sheet is not None else _first_visible(book.worksheets)
        result.sheet = ws.title
        reader = RowReader(result, lookup, today, emit, sheet=ws.title, emit_number=emit_number)
        notes: list[_Note] = []
        hidden = _HiddenRows()
        try:
            reader.run(_sheet_rows(ws, notes, hidden))
        except _TooLarge as exc:
            result.findings.append(exc.finding(shown))
        _report(reader, notes, hidden)
        if sheet is None:
            others = [w for w in book.worksheets if w.title not in _template_lists(book)]
            result.findings.extend(_sheets_not_read(others, ws, shown))
    except _MALFORMED as exc:
        # A sheet whose XML is broken, a number cell holding "abc", a shared string that
        # is not there, an entity the parser refuses: the file cannot be read as a sheet.
        # Rows read before the damage stay read; the finding says the rest is not.
        result.findings.append(
            Finding(
                "unreadable-workbook",
                Severity.ERROR,
                shown,
                params={"error": _reason(exc)},
                form="malformed",
            )
        )
    finally:
        book.close()
    return result


def _reason(exc: Exception) -> str:
    """One line saying what openpyxl or the XML parser stumbled on."""
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _first_visible(sheets: list[Any]) -> Any:
    """The sheet a clerk sees on opening the workbook: the first not hidden (a hidden
    first sheet of lookup lists was read instead of the data)."""
    return next((ws for ws in sheets if _hidden(ws) is False), sheets[0])


def _template_lists(book: Any) -> set[str]:
    """The sheets a template of this tool holds its drop-down choices in (named by
    :data:`TEMPLATE_LISTS`): a filled template is not told of them."""
    named = book.defined_names.get(TEMPLATE_LISTS)
    try:
        return {title for title, _ in named.destinations} if named is not None else set()
    except (AttributeError, TypeError, ValueError):  # a name that is not a range
        return set()


def _hidden(ws: Any) -> bool:
    return getattr(ws, "sheet_state", "visible") != "visible"


def _sheets_not_read(sheets: list[Any], read: Any, shown: str) -> list[Finding]:
    """A finding naming the other sheets that hold data (the spec reads one sheet a
    file: the first, or --sheet): a warning for visible ones, a notice for hidden ones
    (a template's lists, a clerk's workings)."""
    visible = [ws.title for ws in sheets if ws is not read and not _hidden(ws) and _has_data(ws)]
    hidden = [ws.title for ws in sheets if ws is not read and _hidden(ws) and _has_data(ws)]
    found = []
    for code, severity, names in (
        ("sheets-not-read", Severity.WARNING, visible),
        ("hidden-sheets", Severity.NOTICE, hidden),
    ):
        if names:
            params: dict[str, Param] = {
                "sheets": "、".join(f"'{n}'" for n in names),
                "n": len(names),
                "read": read.title,
            }
            found.append(Finding(code, severity, shown, sheet=read.title, params=params))
    return found


_LOOK_FOR_DATA = 1000  # rows of another sheet looked at for a value


@contextmanager
def _parser(ws: Any) -> Iterator[Any]:
    """openpyxl's own parser of the sheet (cached values, formulas kept); its ``parse()``
    gives the rows, and once they are read, ``merged_cells`` (written after the rows)."""
    with ws._get_source() as src:
        yield _sheet_parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=ws.parent.epoch,
            date_formats=ws.parent._date_formats,
            timedelta_formats=ws.parent._timedelta_formats,
        )


@contextmanager
def _parsed(ws: Any) -> Iterator[Any]:
    """The sheet's rows as openpyxl's own parser gives them."""
    with _parser(ws) as parser:
        yield parser.parse()


def _has_data(ws: Any) -> bool:
    """Whether one of the first rows of ``ws`` holds a value."""
    with _parsed(ws) as rows:
        for n, (_, cells) in enumerate(rows):
            if any(c["value"] not in (None, "") or "formula" in c for c in cells):
                return True
            if n >= _LOOK_FOR_DATA:
                break
    return False


def _parser_class() -> Any:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class SheetParser(WorkSheetParser):
        """openpyxl's sheet parser, also saying which cells hold a formula (with the
        cached values of ``data_only`` a formula was read silently, and one never
        computed gave an empty cell)."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["formula"] = "=" + (formula.text or "")
            return cell

    return SheetParser


def _sheet_parser(*args: Any, **kwargs: Any) -> Any:
    global _PARSER
    if _PARSER is None:
        _PARSER = _parser_class()
    return _PARSER(*args, **kwargs)


_PARSER: Any = None


# A cell the text of a record cannot speak for: (line, column, code, severity, params).
_Note = tuple[int, int, str, Severity, dict[str, Param]]
_FREE = ("source", "note")
_CELL_SPOKEN = ("formula-without-value", "boolean-cell")  # the one error at their cell


def _report(reader: RowReader, notes: list[_Note], hidden: _HiddenRows) -> None:
    """The notes of :func:`_sheet_rows` as findings at their cells, once the header is
    known (the header is read after the first rows have been taken from the sheet)."""
    from openpyxl.utils import get_column_letter

    names = reader.header.names
    canonical = {i: c for c, i in reader.header.columns.items()}
    # A cell these notes speak for is their error alone: its text (the formula, TRUE) is
    # not what the clerk wrote as a figure, so the cell rule's error on it (not a number)
    # would be a second, misleading error at the same cell.
    spoken = {
        (line, column)
        for line, column, code, _, _ in notes
        if code in _CELL_SPOKEN
        and not (code == "boolean-cell" and canonical.get(column - 1) in _FREE)
    }
    if spoken:
        reader.result.findings = [
            f
            for f in reader.result.findings
            if f.severity is not Severity.ERROR or (f.line, f.column_number) not in spoken
        ]
    merged_regions: list[tuple[int, int]] = []  # rows under a merged region cell
    covered: list[tuple[int, int, int, int]] = []  # merges an error speaks for (top, bottom,
    # left, right): a million covered rows are one entry, not a million cells
    for line, column, code, severity, params in notes:
        if code == "boolean-cell" and canonical.get(column - 1) in _FREE:
            continue  # TRUE in a note is text, read as written
        if code == "hidden-rows":
            # Rows the clerk does not see below the header: one warning for the file.
            lines, count = hidden.below(reader.header_line)
            if not reader.header.usable or not lines:
                continue
            line = lines[0]
            params.update(count=count, rows=lines_named(lines, count))
        form = ""
        if code == "merged-cell":
            # A merged title or header above the data (or a merge right of the table)
            # changes no row read.
            bottom, right = params.pop("last"), params.pop("right")
            assert isinstance(bottom, int) and isinstance(right, int)
            if (
                not reader.header.usable  # no row is read below an unusable header
                or bottom <= reader.header_line
                or column > len(names)
            ):
                continue
            spans = [canonical.get(c - 1) for c in range(column, min(right, len(names)) + 1)]
            if all(_unread_by_figures(reader, c) for c in range(column, right + 1)):
                # A source or note for a block of rows: no figure's meaning changes.
                code, severity = "merged-note-cell", Severity.NOTICE
            else:
                # The merge is the one cause of every finding at the cells it empties
                # (a missing indicator on each covered row): its error alone says them.
                covered.append((line - 1, bottom, column, right))
            if spans[0] == "region":
                merged_regions.append((line, bottom))
                form = "region"
        name = (names[column - 1].strip() or None) if 0 < column <= len(names) else None
        params["cell"] = f"{get_column_letter(column)}{line}"
        reader.report(line, [Issue(code, severity, name, params, form, number=column)])
    if covered:
        reader.result.findings = [f for f in reader.result.findings if not _emptied_by(f, covered)]
    # A county's sheet whose blank regions (all of them named) are under merged region
    # cells: the merge is their one cause, told by merged-cell alone.
    blank = reader.blank_region_lines
    if (
        merged_regions
        and reader.blank_regions == len(blank)
        and all(any(a <= n <= b for a, b in merged_regions) for n in blank)
    ):
        reader.result.findings = [
            f
            for f in reader.result.findings
            if not (f.code == "region-outside-table" and f.form == "blank")
        ]


def _emptied_by(finding: Finding, merges: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``finding`` is a row's error at a cell one of ``merges`` reads empty (not
    its top-left cell, which holds the value): the merge's own error says it. A finding
    for the file (a count of rows) may speak for rows outside the merge: kept."""
    line, column = finding.line, finding.column_number
    if finding.severity is not Severity.ERROR or line is None or column is None:
        return False
    if "count" in finding.params:
        return False
    return finding.code != "merged-cell" and any(
        top <= line <= bottom and left <= column <= right and (line, column) != (top, left)
        for top, bottom, left, right in merges
    )


def _unread_by_figures(reader: RowReader, column: int) -> bool:
    """Whether an empty cell in ``column`` (1-based) leaves every figure's meaning as it
    is: a source or a note, a column not read; not the region, indicator, period, value,
    unit, as_of or measure, nor an indicator's name checked against its id."""
    canonical = next((c for c, i in reader.header.columns.items() if i == column - 1), None)
    return canonical in _FREE or (canonical is None and column - 1 != reader.header.name)


def _sheet_rows(ws: Any, notes: list[_Note], hidden: _HiddenRows) -> Iterator[Row]:
    """The sheet's rows as records (sheet row number, cell texts), from openpyxl's own
    XML parser — rows as they are in the file (a declared size of A1:XFD1048576 would pad
    each row to 16,384 cells). What the cells cannot say as text goes to ``notes``: a
    TRUE/FALSE cell, a formula never computed (an error each), a cell written twice (an
    error; the first is read — openpyxl kept the last in silence), and one notice for the
    formulas whose last computed values were read."""
    from openpyxl.cell.read_only import ReadOnlyCell

    def at(line: int, column: int, code: str, severity: Severity, **params: Param) -> None:
        notes.append((line, column, code, severity, params))

    formulas = 0
    blank = _BlankRows()  # where a merge down covers nothing but blank rows (a note's block)
    first: tuple[int, int, str, str] | None = None
    cells_read = 0
    last_row = 0
    with _parser(ws) as parser:
        for number, row in parser.parse():
            # The row's width, not its cells written: a lone cell at XFD1 makes 16,384.
            cells_read += max((c["column"] for c in row), default=0)
            if cells_read > MAX_CELLS:
                raise _TooLarge("cells", limit=MAX_CELLS, row=number)
            if number <= last_row:  # a row written again, or out of order
                for cell in row:
                    at(number, cell["column"], "duplicate-cell", Severity.ERROR)
                continue
            for gap in range(last_row + 1, number):
                yield gap, []
            blank.add(last_row + 1, number - 1)
            last_row = number
            texts: list[str] = []
            for cell in row:
                column, value = cell["column"], cell["value"]
                if column <= len(texts) and column >= 1 and texts[column - 1] is not _UNSET:
                    at(number, column, "duplicate-cell", Severity.ERROR)
                    continue
                if column > len(texts):
                    texts.extend([_UNSET] * (column - len(texts)))
                formula = cell.get("formula")
                if formula is not None and value in (None, ""):
                    at(number, column, "formula-without-value", Severity.ERROR, formula=formula)
                    texts[column - 1] = formula
                    continue
                if isinstance(value, bool):
                    at(number, column, "boolean-cell", Severity.ERROR, text=str(value).upper())
                if type(value) in _NUMBERS:
                    fmt = ReadOnlyCell(
                        ws, number, column, value, cell["data_type"], cell["style_id"]
                    )
                    text = cell_text(value, fmt.number_format)
                else:
                    text = cell_text(value)
                if formula is not None:
                    formulas += 1
                    if first is None:
                        first = (number, column, formula, text)
                texts[column - 1] = text
            cells = ["" if t is _UNSET else t for t in texts]
            while cells and cells[-1] == "":
                cells.pop()
            # The attributes of rows that have any (height, hidden), taken once used: the
            # parser would otherwise keep one dict a row of a million-row filtered sheet.
            attributes = parser.row_dimensions.pop(str(number), None)
            if cells and _hidden_row(attributes):
                hidden.add(number)
            if not cells:
                blank.add(number, number)
            yield number, cells
        blank.add(last_row + 1, _MAX_ROW)  # the rows after the sheet's last
        _merged(parser.merged_cells, at, blank)
    if hidden.count:
        at(hidden.first, 1, "hidden-rows", Severity.WARNING)
    if first is not None:
        line, column, formula, text = first
        at(line, column, "formula-value", Severity.NOTICE, formula=formula, value=text, n=formulas)


_UNSET: Any = object()  # a cell position of the row not written in the file


class _HiddenRows:
    """The rows hidden (or filtered out) in Excel, read all the same: how many, and their
    first lines — not each line of a million-row filtered sheet. The header is known only
    once the rows are read, so the hidden rows where it may still be (the first
    :data:`HEADER_SCAN` + :data:`HEADER_SEARCH` rows, a title hidden above it) are kept
    until it is; past them, the first :data:`FIRST_LINES` and a count."""

    EARLY = HEADER_SCAN + HEADER_SEARCH

    def __init__(self) -> None:
        self.early: list[int] = []  # hidden rows among the first EARLY
        self.later: list[int] = []  # the first hidden rows after them
        self.later_count = 0

    def add(self, number: int) -> None:
        if number <= self.EARLY:
            self.early.append(number)
            return
        if self.later_count < FIRST_LINES:
            self.later.append(number)
        self.later_count += 1

    @property
    def count(self) -> int:
        return len(self.early) + self.later_count

    @property
    def first(self) -> int:
        return (self.early or self.later)[0]

    def below(self, header_line: int) -> tuple[list[int], int]:
        """The first hidden rows below the header, and how many there are."""
        lines = [n for n in self.early if n > header_line]
        return (lines + self.later)[:FIRST_LINES], len(lines) + self.later_count


def _hidden_row(attributes: dict[str, str] | None) -> bool:
    """Whether a row's attributes hide it (hidden="1", also for a row a filter leaves out)."""
    return attributes is not None and attributes.get("hidden", "").lower() in ("1", "true")


class _BlankRows:
    """The sheet's blank rows, as runs of consecutive row numbers (few: a note's block,
    the rows after the table), added in order as the rows are read."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, first: int, last: int) -> None:
        if first > last:
            return
        if self.ends and self.ends[-1] >= first - 1:
            self.ends[-1] = max(self.ends[-1], last)
        else:
            self.starts.append(first)
            self.ends.append(last)

    def all_blank(self, first: int, last: int) -> bool:
        """Whether every row from ``first`` to ``last`` is blank."""
        i = bisect.bisect_right(self.starts, first) - 1
        return i >= 0 and self.ends[i] >= last

    def not_blank(self, first: int, last: int) -> tuple[list[int], int]:
        """The first :data:`FIRST_LINES` rows from ``first`` to ``last`` that are not
        blank, and how many there are (a merge may run to Excel's last row: the runs
        are counted, not the rows)."""
        shown: list[int] = []
        count, n = 0, first
        i = bisect.bisect_right(self.starts, first) - 1
        i = i if i >= 0 and self.ends[i] >= first else i + 1
        while n <= last:
            start = self.starts[i] if i < len(self.starts) else last + 1
            upto = min(start - 1, last)  # rows n..upto are not blank
            if upto >= n:
                shown += range(n, min(upto, n + FIRST_LINES - len(shown) - 1) + 1)
                count += upto - n + 1
            if i >= len(self.starts):
                break
            n = max(n, self.ends[i] + 1)
            i += 1
        return shown, count


_MAX_ROW = 1_048_576  # Excel's last row


def _merged(merges: Any, at: Callable[..., None], blank: _BlankRows) -> None:
    """A cell merged down over rows (a county's name once for five rows) as an error at
    the first cell it covers: Excel keeps the value in the top-left cell only, so the
    other rows, which show it, were read with that cell empty — an empty region is the
    whole city, and a county's figures went to the city. Said, not filled in: the sheet
    lists its merges after its rows, when the rows have been read. A merge whose other
    rows are all blank (a note or a sign-off merged over the rows below it) leaves no row
    read without its cell: not said."""
    from openpyxl.utils import get_column_letter, range_boundaries

    for merge in getattr(merges, "mergeCell", None) or ():
        try:
            left, top, right, bottom = range_boundaries(merge.ref)
        except (TypeError, ValueError):
            continue
        if left is None or top is None or right is None or bottom is None:
            continue
        if bottom <= top:
            # Merged across one row (a note over the table's width): the row shows its
            # other cells empty, and is read so.
            continue
        if blank.all_blank(top + 1, bottom):
            continue
        # The rows read with the cell empty, named in the finding (its one cause).
        rows, count = blank.not_blank(top + 1, bottom)
        at(
            top + 1,
            left,
            "merged-cell",
            Severity.ERROR,
            cells=f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}",
            first=f"{get_column_letter(left)}{top}",
            rows=lines_named(rows, count),
            last=bottom,
            right=right,
        )


_NUMBERS = (int, float)


def cell_text(value: Any, number_format: str | None = None) -> str:
    """What a clerk sees in the cell, as text for the reader.

    A number in a cell formatted as a percentage (``0.0%``) is the percentage the cell
    shows: Excel stores 85.1 % as 0.851, and the reader gets ``85.1%`` — read as 85.1
    for a percent indicator (with a notice showing the reading), an error for any other.
    A date is written YYYY-MM-DD (Excel turns "2017-09" typed in a cell into a date):
    in the period column it is read as its month, with a notice.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        # Excel's TRUE/FALSE: never a figure (it was read as 1 person); the reader reports it.
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and number_format and _is_percent_format(number_format):
        return _percent_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.isoformat()
    return str(value).strip()


def _is_percent_format(number_format: str) -> bool:
    """``0%``, ``0.0%``, ``#,##0.00%`` — a % outside quotes and brackets."""
    if "%" not in number_format:
        return False
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "%" in bare


def _percent_text(value: int | float) -> str:
    """0.851 → ``85.1%``: the stored fraction times 100, exactly, from its shortest form."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    shown = Decimal(repr(value) if isinstance(value, float) else str(value)) * 100
    shown = plain_decimal(shown)
    return f"{shown:f}%"
