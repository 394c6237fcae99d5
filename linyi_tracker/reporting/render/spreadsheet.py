"""What CSV and Excel outputs share: one flat row per target, and formula safety.

A spreadsheet runs a cell that starts with =, +, - or @ as a formula, so a hostile or
careless note (=HYPERLINK(...)) could act when an analyst opens the file. Text cells
that start so are prefixed with an apostrophe (OWASP's advice for CSV injection);
numbers stay numbers.
"""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.i18n import Lang, status_label
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Line, Report

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

FLAT_COLUMNS = (
    "year",
    "as_of",
    "system",
    "target_id",
    "indicator",
    "name",
    "kind",
    "comparator",
    "target",
    "unit",
    "start",
    "deadline",
    "actual",
    "actual_period",
    "achievement",
    "gap",
    "time_progress",
    "schedule_gap",
    "progress",
    "pace",
    "projected",
    "status",
    "status_label",
    "judgement",
    "phrase",
    "sources",
)


def safe_text(value: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(_TRIGGERS) else value


def flat_row(report: Report, line: Line, lang: Lang) -> list[object]:
    """Numbers as numbers (exact decimals, fractions as fractions), texts made safe."""
    values: list[object] = [
        report.year,
        report.as_of,
        line.system,
        line.target_id,
        line.indicator,
        text.name(line, lang),
        line.kind,
        line.comparator,
        line.target,
        text.unit(line, lang),
        line.start,
        line.deadline,
        line.actual if line.actual is not None else line.actual_word,
        line.actual_period,
        line.achievement,
        line.gap,
        line.time_progress,
        line.schedule_gap,
        line.progress,
        line.pace,
        line.projected,
        line.status,
        status_label(line.status, lang),
        line.judgement,
        text.phrase(line, lang) if line.phrase_zh else None,
        "; ".join(line.sources),
    ]
    return [safe_text(v) if isinstance(v, str) else v for v in values]


def plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)
