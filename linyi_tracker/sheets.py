"""What every spreadsheet the tool writes shares: formula-safe cells and the printed page.

Formula safety, one rule for every CSV and workbook written (the report's CSV and xlsx,
the template's CSV and xlsx, extract's CSV): a spreadsheet runs a cell that starts with
=, +, - or @ (or a tab or CR, which some strip first) as a formula, so a plan name
``=HYPERLINK(...)`` or a release sentence could act when an analyst opens the file.
:func:`formula_safe` prefixes such a text with an apostrophe (OWASP's advice for CSV
injection); numbers stay numbers, and so does a text that is just a decimal (``-2.7``),
which a spreadsheet reads as that number whatever it does with it, nor a figure with its
unit as the reports show it (``-900人``), which no spreadsheet can run.

The printed page, one set-up for the template and the report, so they print alike: A4
landscape, as many pages down as it takes, narrow side margins, the
header rows on every page, room for the page header and footer, and a body never
printed below 8 pt (a sheet too wide for that prints in column groups, its key columns
repeated). openpyxl is imported in the functions, which only the writers of workbooks
call.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from linyi_tracker.formatting import without_surrogates

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?", re.ASCII)
# A figure as the Chinese reports show it beside the exact one: a signed decimal (thousands
# grouped) and a unit in Chinese (-900人, -4.65万套(户), +3.2个百分点, -1.5%). The unit holds
# no ASCII letter, digit, operator, quote or reference mark (!, |, $, :): a spreadsheet
# cannot read it as a name, a cell, a call or a sum, so the text stays text. An English
# unit keeps the apostrophe: "-900 persons" reads as 900 intersected with a name.
_SHOWN_FIGURE = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_UNIT = re.compile(r"[\u4e00-\u9fff²()（）]+%?|%")  # Chinese words, one % at the end


def _shown_figure(text: str) -> bool:
    """Whether ``text`` is a figure with a unit (-900人), which a spreadsheet keeps as text."""
    m = _SHOWN_FIGURE.match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    # NFKC folds full-width letters and digits (ＳＵＭ１) to the ASCII a spreadsheet reads.
    folded = unicodedata.normalize("NFKC", rest.replace("²", ""))
    return _UNIT.fullmatch(rest) is not None and re.search("[A-Za-z0-9_]", folded) is None


V = TypeVar("V")


def formula_safe(value: V) -> V | str:
    """``value`` as a spreadsheet cell that is never run: a text starting with a formula
    trigger gets a leading apostrophe; numbers, decimals written as text and None pass.
    A text holding a file name that is not UTF-8 is shown as every output shows it
    (GBK bytes decoded, else U+FFFD), which a file can hold."""
    if not isinstance(value, str):
        return value
    text = without_surrogates(value)
    if (
        text.startswith(FORMULA_TRIGGERS)
        and _DECIMAL.fullmatch(text) is None
        and not _shown_figure(text)
    ):
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


# The printed page (A4 landscape, inches and points). A column's width is in characters of
# the workbook's default font (Arial 10): Excel draws a character 7 pixels wide and adds 5
# of padding, LibreOffice draws it 7.4 pixels wide (measured), at 96 pixels an inch; the
# estimate takes 7.5 and the padding, so a page never holds less than it says.
PAGE_WIDTH_IN = 11.69
SIDE_MARGIN_IN = 0.4
HEADER_MARGIN_IN = 0.3  # from the paper's edge to the page header (and footer) line
HEADER_ROOM_IN = 0.45  # the header's line and a gap before the table
BODY_FONT = "Arial"  # metric-twin Liberation Sans wherever LibreOffice or WPS prints it
BODY_POINTS = 10
LEGIBLE_POINTS = 8  # the smallest body text a printed page may show
CHARACTER_PX = 7.5


def printable_points() -> float:
    """The width a row may take on the page, in points."""
    return (PAGE_WIDTH_IN - 2 * SIDE_MARGIN_IN) * 72


def column_points(width: float) -> float:
    """A column's printed width at 100 %, in points, from its width in characters."""
    return (width * CHARACTER_PX + 5) * 0.75


def new_workbook() -> Any:
    """An empty workbook whose default font is BODY_FONT at BODY_POINTS: a column's width
    (counted in that font's characters) prints the same in Excel, WPS and LibreOffice,
    and every cell, header or body, shows in one face. openpyxl has no public setter
    for the default (Normal) font, so its first font and the Normal style are replaced."""
    from copy import copy

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    book: Any = Workbook()
    font = Font(name=BODY_FONT, size=BODY_POINTS)
    book._fonts = IndexedList([font])
    book._named_styles["Normal"].font = copy(font)
    default = book.active
    if default is not None:
        book.remove(default)
    return book


def column_groups(widths: Sequence[float], keys: int) -> list[list[int]]:
    """The visible columns after the first ``keys`` split into as few page-wide groups as
    keep the body at LEGIBLE_POINTS with the key columns repeated on each, the widest
    group as narrow as can be (so the print is as large as can be). ``widths`` holds a
    printed width (points) a column, 0 for a hidden one; one group when all fit."""
    budget = printable_points() * BODY_POINTS / LEGIBLE_POINTS - sum(widths[:keys])
    rest = list(range(keys, len(widths)))
    if sum(widths[keys:]) <= budget:
        return [rest]
    best: list[list[int]] = [rest]
    for parts in range(2, len(rest) + 1):
        best = _balanced(rest, widths, parts)
        if max(sum(widths[c] for c in g) for g in best) <= budget:
            break
    return best


def _balanced(columns: list[int], widths: Sequence[float], parts: int) -> list[list[int]]:
    """``columns`` cut into ``parts`` runs, in order, the widest run as narrow as can be."""
    n = len(columns)
    w = [widths[c] for c in columns]
    prefix = [0.0]
    for x in w:
        prefix.append(prefix[-1] + x)
    inf = float("inf")
    # cost[p][i]: the widest run when the first i columns make p runs; cut[p][i] its last cut.
    cost = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    cost[0][0] = 0.0
    for p in range(1, parts + 1):
        for i in range(1, n + 1):
            for j in range(p - 1, i):
                c = max(cost[p - 1][j], prefix[i] - prefix[j])
                if c < cost[p][i]:
                    cost[p][i], cut[p][i] = c, j
    runs: list[list[int]] = []
    i = n
    for p in range(parts, 0, -1):
        j = cut[p][i]
        runs.append(columns[j:i])
        i = j
    return [r for r in reversed(runs) if r]


def a4_landscape(
    ws: Any, title_rows: str, keys: int = 1, groups: list[list[int]] | None = None
) -> None:
    """Set ``ws`` to print on A4 landscape, repeating ``title_rows`` ("1:1") on every page,
    with room above and below the table for the page header and footer. A sheet that
    fits one page wide with its body at LEGIBLE_POINTS or more is fitted to the width;
    a wider one prints in column groups, its first ``keys`` columns repeated on each,
    page by page across before down, at the largest scale the widest group allows.
    Column widths and hidden columns are read from ``ws``: set them first. ``groups``
    (0-based columns) are the groups a caller already chose with :func:`column_groups`
    before it widened columns into each page's spare width."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.header = ws.page_margins.footer = HEADER_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = HEADER_MARGIN_IN + HEADER_ROOM_IN
    widths = printed_widths(ws)
    groups = groups or column_groups(widths, keys)
    if len(groups) == 1:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        return
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    widest = max(sum(widths[:keys]) + sum(widths[c] for c in g) for g in groups)
    ws.page_setup.scale = min(100, int(100 * printable_points() / widest))
    ws.page_setup.pageOrder = "overThenDown"
    ws.print_title_cols = f"A:{get_column_letter(keys)}"
    for group in groups[:-1]:
        ws.col_breaks.append(Break(id=group[-1] + 1))  # a break after the group's last


def printed_widths(ws: Any) -> list[float]:
    """Each column's printed width at 100 % in points, 0 for a hidden one (openpyxl's
    default width where none is set)."""
    from openpyxl.utils import get_column_letter

    out = []
    for c in range(1, ws.max_column + 1):
        dim = ws.column_dimensions[get_column_letter(c)]
        out.append(0.0 if dim.hidden else column_points(dim.width or 13))
    return out
