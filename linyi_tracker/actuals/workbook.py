"""Reading an Excel workbook (.xlsx) like a CSV file: one sheet, row by row.

openpyxl is imported here only, so nothing else pays for it. Cells are turned into
the text a clerk sees: whole numbers without ".0", other numbers by their shortest
exact form, dates in the period column as months (Excel turns "2017-09" into a date),
other dates as YYYY-MM-DD. Positions are the sheet's row numbers and column letters.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from linyi_tracker.actuals.headers import HEADER_ALIASES
from linyi_tracker.actuals.lookup import PlanLookup, fold
from linyi_tracker.actuals.observation import FileRead
from linyi_tracker.actuals.records import Row
from linyi_tracker.actuals.rows import Emit, EmitNumber, RowReader
from linyi_tracker.errors import require
from linyi_tracker.findings import Finding, Severity


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
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
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
        RowReader(result, lookup, today, emit, sheet=ws.title, emit_number=emit_number).run(
            _rows(ws.iter_rows(values_only=True))
        )
    finally:
        book.close()
    return result


def _rows(values: Iterator[tuple[Any, ...]]) -> Iterator[Row]:
    period_column: int | None = None
    for number, row in enumerate(values, start=1):
        cells = [cell_text(v, month=i == period_column) for i, v in enumerate(row)]
        if period_column is None and any(cells):
            for i, cell in enumerate(cells):
                if HEADER_ALIASES.get(fold(cell)) == "period":
                    period_column = i
        while cells and cells[-1] == "":
            cells.pop()
        yield number, cells


def cell_text(value: Any, *, month: bool = False) -> str:
    """What a clerk sees in the cell, as text for the reader."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return f"{day.year}-{day.month:02d}" if month else day.isoformat()
    return str(value).strip()
