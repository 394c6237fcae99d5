"""The one JSON writer of every ``--format json`` and ``.json`` output.

- A figure is written from its exact decimal text (``12345678901234567890.123``), as a
  JSON number, never through a float, which keeps 15 to 17 digits.
- A file name that is not UTF-8 (bytes of a GBK archive, which Python gives as lone
  surrogates) is written decoded from GB18030, else with U+FFFD for each such byte, as
  every other output shows it (:func:`linyi_tracker.formatting.without_surrogates`): a
  surrogate cannot be encoded at all.
- The characters a terminal acts on that JSON leaves as they are (C1 controls, the
  bidirectional overrides such as U+202E, the line separators) are written as
  ``\\uXXXX`` escapes: the same data for a JSON reader, inert on a terminal.

The text is made piece by piece (:func:`pieces`), the layout of ``json.dumps(data,
ensure_ascii=False, indent=2)``: the commands that print JSON (``validate``, ``status``,
``show``, ``extract``) write it as it is made (:func:`write`), so a report of 50,000
findings is never held as one text, or as a cleaned copy of its data, in memory at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from linyi_tracker.formatting import without_surrogates

_INERT = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_BATCH = 4096  # pieces joined into one write


def dumps(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text, not ASCII-escaped); see the module's rules."""
    return "".join(pieces(data))


def write(data: Any, out: Callable[[str], object]) -> None:
    """``data`` as :func:`dumps` makes it, handed to ``out`` (``typer.echo`` without a
    newline, a file's ``write``) in parts as it is made."""
    for piece in pieces(data):
        out(piece)


def pieces(data: Any) -> Iterator[str]:
    """The text of :func:`dumps`, in pieces whose concatenation is the whole.

    Strings are quoted by the json module's own C function; a lone surrogate becomes
    U+FFFD and a character a terminal acts on its escape in each joined batch of pieces,
    not string by string: both are replacements of one character that never occurs in
    what the writer adds (quotes, brackets, commas, spaces, newlines), so the text is the
    same and each string costs one call."""
    batch: list[str] = []
    for piece in _value(data, "\n"):
        batch.append(piece)
        if len(batch) >= _BATCH:
            yield _clean("".join(batch))
            batch.clear()
    yield _clean("".join(batch))


def _clean(text: str) -> str:
    text = without_surrogates(text)
    return _INERT.sub(_escape, text) if _INERT.search(text) else text


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def _scalar(value: Any) -> str | None:
    """The text of a value that is not a container, None for a container."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else "null"
    if isinstance(value, dict | list | tuple):
        return None
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _value(value: Any, newline: str) -> Iterator[str]:
    text = _scalar(value)
    if text is not None:
        yield text
        return
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        # each scalar written in its parent's piece: a generator only for a container
        opening = "{" + inner
        for key, item in value.items():
            text = _scalar(item)
            if text is not None:
                yield opening + _key(key) + ": " + text
            else:
                yield opening + _key(key) + ": "
                yield from _value(item, inner)
            opening = "," + inner
        yield newline + "}"
        return
    if not value:
        yield "[]"
        return
    opening = "[" + inner
    for item in value:
        text = _scalar(item)
        if text is not None:
            yield opening + text
        else:
            yield opening
            yield from _value(item, inner)
        opening = "," + inner
    yield newline + "]"


def _key(key: Any) -> str:
    """A mapping's key as json.dumps writes it: a text, or a number or word as text."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, bool) or key is None:
        return '"' + ("null" if key is None else "true" if key else "false") + '"'
    if isinstance(key, int | float):
        return '"' + str(_scalar(key)) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
