"""Reading an Excel workbook (.xlsx) like a CSV file: one sheet, row by row.

openpyxl is imported here only, so nothing else pays for it. Cells are turned into
the text a clerk sees: whole numbers without ".0", other numbers by their shortest
exact form, dates in the period column as months (Excel turns "2017-09" into a date),
other dates as YYYY-MM-DD. Positions are the sheet's row numbers and column letters.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.observation import FileRead
from linyi_tracker.actuals.records import Row
from linyi_tracker.actuals.rows import Emit, EmitNumber, RowReader
from linyi_tracker.errors import require
from linyi_tracker.findings import Finding, Severity

# Limits against decompression bombs (a 311 KB workbook unpacking to 880 MB). Checked on
# the zip's declared sizes before openpyxl opens it (Python's zip reader never unpacks a
# member past its declared size), then on the cells actually read.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all members together; a 1M-row sheet is ~200 MB
MAX_RATIO = 100  # unpacked / packed, for a member over RATIO_FROM bytes; real sheets: 5-20
RATIO_FROM = 16 * 1024 * 1024
MAX_CELLS = 10_000_000  # cells read from the sheet (1M rows of 10 columns)
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
    # workbook stops it half-way.
    with handle:
        return _read_book(path, handle, result, lookup, today, sheet, emit, emit_number)


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
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        result.sheet = ws.title
        if hasattr(ws, "reset_dimensions"):
            # Rows as they are in the file: a declared size (A1:XFD1048576) would pad
            # every row to 16,384 cells.
            ws.reset_dimensions()
        try:
            RowReader(result, lookup, today, emit, sheet=ws.title, emit_number=emit_number).run(
                _rows(ws.iter_rows())
            )
        except _TooLarge as exc:
            result.findings.append(exc.finding(shown))
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


def _rows(cells_of: Iterator[tuple[Any, ...]]) -> Iterator[Row]:
    cells_read = 0
    for number, row in enumerate(cells_of, start=1):
        cells_read += len(row)
        if cells_read > MAX_CELLS:
            raise _TooLarge("cells", limit=MAX_CELLS, row=number)
        # The number format only where it can change the reading: a number's (text is text).
        cells = [
            cell_text(v, c.number_format) if type(v := c.value) in _NUMBERS else cell_text(v)
            for c in row
        ]
        while cells and cells[-1] == "":
            cells.pop()
        yield number, cells


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
        return "1" if value else "0"
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
    shown = shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown.normalize()
    return f"{shown:f}%"
