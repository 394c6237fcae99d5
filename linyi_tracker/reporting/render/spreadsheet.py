"""What the report's CSV and Excel outputs share: one flat row per target.

Its text cells are made formula-safe by the one rule of every spreadsheet the tool
writes (:func:`linyi_tracker.sheets.formula_safe`); numbers stay numbers.
"""

from __future__ import annotations

from linyi_tracker.assessment.series import describe_source
from linyi_tracker.i18n import Lang, status_label
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.view import TargetView
from linyi_tracker.sheets import formula_safe

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
    return [formula_safe(v) for v in values]
