"""Characters no text of the tool's may carry into its outputs.

A workbook or a Word file is XML, and XML 1.0 holds no C0 control but tab, newline and
carriage return, no lone surrogate and neither U+FFFE nor U+FFFF: a plan name
``"New\\x07jobs"`` passed ``plan check`` and then broke ``report -o r.xlsx`` and
``template -o t.xlsx`` ("All strings must be XML compatible"). DEL and the C1 controls
(ESC's eight-bit twin CSI among them) and the bidirectional embeddings, overrides and
isolates (which show a name backwards) are refused with them; so are Unicode's
noncharacters, which are not for interchange. Tab and newline stay: a note may have
lines.
"""

from __future__ import annotations

import re

_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 but tab, newline and CR, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and controls
    "\ud800-\udfff"  # lone surrogates (YAML's "\ud800" escape makes one)
    "\ufdd0-\ufdef\ufffe\uffff"  # noncharacters of the first plane …
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0x10000, 0x110000, 0x10000))
)  # … and the last two code points of every other plane

# In a data file's cell a carriage return is part of a line break in a quoted note; in a
# plan's text it is refused with the rest.
UNSAFE_IN_CELLS = re.compile(f"[{_CLASS}]")
UNSAFE_CHARACTERS = re.compile(f"[\r{_CLASS}]")


def unsafe_character(text: str) -> str | None:
    """The first character of ``text`` no output may hold, as ``U+0007``; else None."""
    found = UNSAFE_CHARACTERS.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
