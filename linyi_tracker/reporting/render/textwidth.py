"""How wide a text sets in the report's fonts, in ems: one estimate for the Word report's
column widths and cover title and for the chart's margins."""

from __future__ import annotations

import math

from linyi_tracker.formatting import display_width


def is_cjk(ch: str) -> bool:
    """A Chinese character or a full-width sign (a dash, an ellipsis, curly quotes)."""
    return ord(ch) >= 0x2E80 or ch in "—…“”‘’"


def text_em(s: str) -> float:
    """About how many ems a text takes: a Chinese character (or a full-width sign) one, a
    capital 0.72, a space or a point 0.28, other Latin (a digit) 0.55; a word joiner
    (which binds a title's last two characters) none."""
    total = 0.0
    for ch in s:
        if ch == "\u2060":
            continue
        if is_cjk(ch):
            total += 1.0
        elif ch in " \u00a0.,;:'|!il":
            total += 0.28
        elif ch.isupper() or ch in "%≥≤≈mw":
            total += 0.72
        else:
            total += 0.55
    return total


# A digit's width in ems (the unit a spreadsheet's column width counts in) and how much
# wider a Latin letter or sign sets next to Chinese text, where a renderer may take it
# from the Chinese font and LibreOffice rounds the width of the run up.
DIGIT_EM = 0.55
IN_CJK_RUN = 1.1


def sheet_width(s: str) -> int:
    """About how many digit widths a text takes in a spreadsheet cell: a Chinese
    character two, as everywhere (formatting.display_width), any other character its
    share of the font (:func:`text_em`; a capital 1.31, never under one) — 1.1 times
    that in a text with Chinese. "单位GDP能耗" counted 11 and printed cut by a character
    in LibreOffice's PDF (it sets about 11.1, GDP alone 3.9)."""
    wide = latin = 0.0
    for ch in s:
        if display_width(ch) == 2:
            wide += 2
        elif ch != "\n":
            latin += max(1.0, text_em(ch) / DIGIT_EM)
    return math.ceil(wide + latin * (IN_CJK_RUN if wide else 1.0) - 1e-9)


def wrapped_lines(value: object, width: float) -> int:
    """Lines a wrapped text takes in a spreadsheet column ``width`` digit widths wide (a
    little more than it needs rather than less: a row too low clips its last line).
    LibreOffice and Excel do not grow a row for wrapped text on opening, so the report's
    workbook and the template say each row's height from this."""
    if not isinstance(value, str):
        return 1
    per_line = max(1, int(width) - 2)
    return sum(max(1, -(-sheet_width(part) // per_line)) for part in value.split("\n"))
