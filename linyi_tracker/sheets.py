"""What every spreadsheet the tool writes shares: formula-safe cells and the printed page.

Formula safety, one rule for every CSV and workbook written (the report's CSV and xlsx,
the template's CSV and xlsx, extract's CSV): a spreadsheet runs a cell that starts with
=, +, - or @ (or a tab or CR, which some strip first) as a formula, so a plan name
``=HYPERLINK(...)`` or a release sentence could act when an analyst opens the file.
:func:`formula_safe` prefixes such a text with an apostrophe (OWASP's advice for CSV
injection); numbers stay numbers, and so does a text that is just a decimal (``-2.7``),
which a spreadsheet reads as that number whatever it does with it.

The printed page, one set-up for the template and the report, so they print alike: A4
landscape, as many pages down as it takes but one page wide, narrow side margins, the
header rows on every page. openpyxl is imported by the callers, which alone write
workbooks.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from linyi_tracker.formatting import without_surrogates

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?", re.ASCII)

V = TypeVar("V")


def formula_safe(value: V) -> V | str:
    """``value`` as a spreadsheet cell that is never run: a text starting with a formula
    trigger gets a leading apostrophe; numbers, decimals written as text and None pass.
    A text holding a file name that is not UTF-8 gets U+FFFD for its bytes (as every
    output shows it), which a file can hold."""
    if not isinstance(value, str):
        return value
    text = without_surrogates(value)
    if text.startswith(FORMULA_TRIGGERS) and _DECIMAL.fullmatch(text) is None:
        return "'" + text
    return text


def csv_cell(value: object) -> str:
    """A cell's CSV text: formula-safe; an exact decimal in plain notation (never 1E+5);
    a float to six places; nothing for None."""
    value = formula_safe(value)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as the CSV every command writes: UTF-8 with BOM and CRLF, so Excel opens the
    Chinese correctly, every cell through :func:`csv_cell`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def a4_landscape(ws: Any, title_rows: str) -> None:
    """Set ``ws`` to print on A4 landscape, one page wide, repeating ``title_rows`` ("1:1")."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
