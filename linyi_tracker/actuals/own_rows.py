"""The rows a template of this tool writes above its table — its title and its sign-off
line — recognised by their text exactly as the template writes them, so that the reader
does not report a filled template's own rows as title rows skipped (CSV and workbook
alike: a CSV file has nowhere to keep a mark, and a workbook's mark stays on a row a clerk
retitles). A title a clerk writes is anything else, and keeps its notice.

intake/template.py writes these rows from the same keys (:data:`TITLE`, :data:`BLOCK`).
"""

from __future__ import annotations

import re

from linyi_tracker.actuals.periods import PeriodError, read_period
from linyi_tracker.plan.models import Plan
from linyi_tracker.texts.labels import LABELS
from linyi_tracker.texts.text import Lang

TITLE = "template.title"
# The sign-off line: a label, then a blank cell for its entry (actuals/signoff.py reads it).
BLOCK = (
    "template.block.unit",
    "template.block.filler",
    "template.block.checker",
    "template.block.date",
)
_LANGS: tuple[Lang, ...] = ("zh", "en")


def _title(lang: Lang, regions: list[str]) -> re.Pattern[str]:
    """The template's title in ``lang``: one of ``regions`` and a period as groups."""
    names = "|".join(re.escape(r) for r in sorted(regions, key=len, reverse=True))
    pattern = ""
    for part in re.split(r"(\{region\}|\{period\})", LABELS[TITLE][lang]):
        if part == "{region}":
            pattern += f"(?P<region>{names})"
        elif part == "{period}":
            pattern += "(?P<period>.+)"
        else:
            pattern += re.escape(part)
    return re.compile(pattern)


def _is_title(text: str, plan: Plan) -> bool:
    """Whether ``text`` is the template's title for a region of the plan and a period
    written as the template writes it (2019年9月, Sep 2019)."""
    for lang in _LANGS:
        regions = [r.name.zh for r in plan.regions] + [r.name.en for r in plan.regions]
        found = _title(lang, regions).fullmatch(text)
        if found is None:
            continue
        try:
            period, _ = read_period(found["period"])
        except PeriodError:
            continue
        if period.label(lang) == found["period"]:
            return True
    return False


def _is_signoff(cells: list[str]) -> bool:
    """Whether ``cells`` are the template's sign-off line: its labels in their places (a
    clerk's entries after them, in the next cell or the label's own) and nothing else."""
    for lang in _LANGS:
        labels = [LABELS[k][lang] for k in BLOCK]
        if len(cells) <= 2 * len(labels) and all(
            (cells[2 * i] if 2 * i < len(cells) else "").startswith(label)
            for i, label in enumerate(labels)
        ):
            return True
    return False


def written_by_template(row: list[str], plan: Plan) -> bool:
    """Whether a row above a table's header is one the template wrote: its title alone in
    the row's first cell, or its sign-off line."""
    cells = [c.strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) == 1 and _is_title(cells[0], plan):
        return True
    return _is_signoff(cells)
