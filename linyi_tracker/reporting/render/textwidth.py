"""How wide a text sets in the report's fonts, in ems: one estimate for the Word report's
column widths and cover title and for the chart's margins."""

from __future__ import annotations


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
