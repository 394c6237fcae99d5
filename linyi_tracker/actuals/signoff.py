"""The sign-off line above a submission's table (填报单位 / 填报人 / 审核人 / 填报日期).

The template writes it as label, entry, label, entry … (actuals/own_rows.py, BLOCK); a
clerk may also write the entry in the label's cell (填报人：张三). :func:`read_signoff`
reads it back from the rows above the header; :func:`signoff_row` writes it, as ingest
keeps it above the ingested file's header, so the submission's record stays with its
figures.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

FIELDS = ("reporting_unit", "filed_by", "checked_by", "filed_on")
LABELS: dict[str, str] = {
    "填报单位": "reporting_unit",
    "reporting unit": "reporting_unit",
    "填报人": "filed_by",
    "filled in by": "filed_by",
    "审核人": "checked_by",
    "checked by": "checked_by",
    "填报日期": "filed_on",
    "date": "filed_on",
}
ZH_LABELS = {
    "reporting_unit": "填报单位",
    "filed_by": "填报人",
    "checked_by": "审核人",
    "filed_on": "填报日期",
}


def _label(cell: str) -> tuple[str | None, str]:
    """The field a cell's label names, and any entry written after it in the same cell."""
    text = unicodedata.normalize("NFKC", cell).strip()
    head, sep, rest = text.partition(":")
    if not sep:
        return None, ""
    return LABELS.get(head.strip().lower()), rest.strip()


def read_signoff(rows: Iterable[list[str]]) -> dict[str, str]:
    """The sign-off fields found in ``rows`` (the rows above a header): only those given."""
    found: dict[str, str] = {}
    for row in rows:
        cells = [c.strip() for c in row]
        for i, cell in enumerate(cells):
            field, entry = _label(cell)
            if field is None:
                continue
            if not entry and i + 1 < len(cells) and _label(cells[i + 1])[0] is None:
                entry = unicodedata.normalize("NFKC", cells[i + 1]).strip()
            if entry:
                found.setdefault(field, entry)
    return found


def signoff_row(signoff: dict[str, str]) -> list[str]:
    """The sign-off line as the template writes it, with the entries filled in."""
    out: list[str] = []
    for field in FIELDS:
        out += [ZH_LABELS[field] + "：", signoff.get(field, "")]
    return out
