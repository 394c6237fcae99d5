"""Wrapping help text by display width: a Chinese character takes two terminal columns.

Click's wrapper counts characters and breaks only at spaces, so Chinese paragraphs
came out up to twice as wide as the terminal. Here lines break at spaces or between
Chinese characters, never inside a word or path, and never put closing punctuation
at the start of a line nor an opening one at its end. A file name or path that mixes
Chinese and Latin ("兰山区-2017.xlsx", "数据/2017") is one piece, as a Latin word is.
"""

from __future__ import annotations

import re
import unicodedata

from linyi_tracker.formatting import CLOSING_MARKS, OPENING_MARKS, display_width, hold_signs

# Columns a text takes: the one width function of every output.
cell_width = display_width

# The one pair of line-break sets, shared with the tables (cli/render/fit.py).
_NO_LINE_START = CLOSING_MARKS
_NO_LINE_END = OPENING_MARKS


# Holds a sign to its figure while wrapping (formatting.hold_signs), a space once printed.
_HELD = "\ue000"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns: breaks at spaces, or between Chinese characters;
    never after a comparison sign ("≥ 95%" is one piece)."""
    held = _wrap(hold_signs(" ".join(text.split()), _HELD), width)
    return [line.replace(_HELD, " ") for line in held]


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(text, width):
        if token == " ":
            if line:
                line += " "
            continue
        if line and cell_width(line) + cell_width(token) > width:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


# A run joined by a hyphen, dot, slash or backslash, up to Chinese punctuation or a space:
# a file name, a path, an option, a figure ("兰山区-2017.xlsx", "容差0.05").
# The run stops at a full-width mark of the one pair of sets (ASCII brackets and % may
# belong to a name).
_MARKS = re.escape("".join(sorted(ch for ch in CLOSING_MARKS | OPENING_MARKS if not ch.isascii())))
_JOINED = re.compile(rf"[^\s{_MARKS}]*[-./\\][^\s{_MARKS}]*")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str, width: int = 10**6) -> list[str]:
    """Words, single Chinese characters and spaces; punctuation kept with its neighbour;
    a joined run (a file name) that mixes Chinese and Latin kept whole if it fits a line."""
    tokens: list[str] = []
    pos = 0
    for m in _JOINED.finditer(text):
        run = m.group()
        if any(_wide(ch) for ch in run) and cell_width(run) <= width:
            tokens += _plain_tokens(text[pos : m.start()])
            tokens.append(run)
            pos = m.end()
    tokens += _plain_tokens(text[pos:])
    merged: list[str] = []
    for token in tokens:
        if token[0] in _NO_LINE_START and len(merged) > 1 and merged[-1] == " ":
            merged.pop()  # "50 %": the mark stays on the line of its figure
            merged[-1] += " " + token
        elif (
            merged
            and merged[-1] != " "
            and (token[0] in _NO_LINE_START or merged[-1][-1] in _NO_LINE_END)
        ):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _plain_tokens(text: str) -> list[str]:
    """Words, single Chinese characters and spaces."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or unicodedata.east_asian_width(ch) in "WF":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens
