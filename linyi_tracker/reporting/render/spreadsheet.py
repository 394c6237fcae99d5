"""What CSV and Excel outputs share: one flat row per target, and formula safety.

A spreadsheet runs a cell that starts with =, +, - or @ as a formula, so a hostile or
careless note (=HYPERLINK(...)) could act when an analyst opens the file. Text cells
that start so are prefixed with an apostrophe (OWASP's advice for CSV injection);
numbers stay numbers.
"""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.assessment.series import describe_source
from linyi_tracker.i18n import Lang, status_label
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.view import TargetView

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


def flat_row(report: Report, line: TargetView, lang: Lang) -> list[object]:
    """Numbers as numbers (exact decimals, fractions as fractions), texts made safe."""
    a = line.a
    values: list[object] = [
        report.year,
        str(report.as_of),
        line.system,
        a.target_id,
        a.indicator,
        text.name(line, lang),
        a.kind,
        a.comparator,
        a.target,
        text.unit(line, lang),
        a.start,
        a.deadline,
        a.actual if a.actual is not None else a.actual_word,
        str(a.actual_period) if a.actual_period else None,
        a.achievement,
        a.gap,
        a.time_progress,
        a.schedule_gap,
        a.progress,
        a.pace,
        a.projected,
        a.status,
        status_label(a.status, lang),
        a.judgement,
        text.phrase(line, lang),
        "; ".join(describe_source(s, lang) for s in line.sources),
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
