"""The one JSON writer of every ``--format json`` and ``.json`` output.

- A figure is written from its exact decimal text (``12345678901234567890.123``), as a
  JSON number, never through a float, which keeps 15 to 17 digits.
- A file name that is not UTF-8 (bytes of a GBK archive, which Python gives as lone
  surrogates) is written with U+FFFD for each such byte, as every other output shows it
  (:func:`linyi_tracker.formatting.shown_path`): a surrogate cannot be encoded at all.
- The characters a terminal acts on that JSON leaves as they are (C1 controls, the
  bidirectional overrides such as U+202E, the line separators) are written as
  ``\\uXXXX`` escapes: the same data for a JSON reader, inert on a terminal.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from linyi_tracker.formatting import without_surrogates

# A figure travels through json.dumps as a string between two lone surrogates, which no
# other string can hold once :func:`without_surrogates` has cleaned every text.
_MARK = "\udc00"
_FIGURE = re.compile(f'"{_MARK}(-?[0-9]+(?:\\.[0-9]+)?){_MARK}"')
_INERT = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text, not ASCII-escaped); see the module's rules."""
    text = json.dumps(_clean(data), ensure_ascii=False, indent=2)
    text = _FIGURE.sub(lambda m: m.group(1), text)
    return _INERT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return _MARK + format(value, "f") + _MARK
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value
