"""What the report's CSV and Excel outputs share: one flat row per target.

Its text cells are made formula-safe by the one rule of every spreadsheet the tool
writes (:func:`linyi_tracker.sheets.formula_safe`); numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

from linyi_tracker.assessment.export import exact
from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.formatting import worded
from linyi_tracker.i18n import Lang, status_label, t
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
        exact(a.target),
        text.unit(line, lang),
        a.start,
        a.deadline,
        exact(a.actual) if a.actual is not None else a.actual_word,
        str(a.actual_period) if a.actual_period else None,
        a.achievement,
        exact(a.gap),
        line.time_progress,  # none once the target's time is up (TargetView.running)
        a.schedule_gap,
        a.progress,
        line.pace,
        exact(line.projected),
        a.status,
        status_label(a.status, lang),
        a.judgement,
        text.phrase(line, lang),
        "; ".join(describe_source(s, lang) for s in line.sources),
    ]
    return [formula_safe(v) for v in values]


def system_words(report: Report, lang: Lang) -> dict[str, object]:
    """Each system's id and how a row names it: its number and name ("一 就业", made
    safe). A writer builds it once and hands it to each :func:`worded_row`."""
    return {
        s.id: formula_safe(f"{s.number} {s.name_zh if lang == 'zh' else s.name_en}")
        for s in report.systems
    }


def worded_row(
    report: Report,
    line: TargetView,
    lang: Lang,
    systems: Mapping[str, object],
) -> dict[str, object]:
    """:func:`flat_row` by column, as a person reads it: the system by number and name;
    under zh the kind, comparator, judgement and a worded figure in Chinese words
    (年度目标, ≥, 正常推进, 已完成), and in either language a worded actual in words
    (on track, not done). The workbook's rows and the zh CSV's, one rule; the English CSV
    keeps the codes (flat_row).
    ``systems`` is :func:`system_words`, built once for every row."""
    flat = dict(zip(FLAT_COLUMNS, flat_row(report, line, lang), strict=True))
    a = line.a
    if line.system in systems:
        flat["system"] = systems[line.system]
    if lang == "zh":
        flat["kind"] = t(f"kind.{a.kind}", lang)
        flat["comparator"] = text.comparator_sign(a.comparator) or None
        flat["judgement"] = status_label(a.judgement, lang) if a.judgement else None
    if a.actual is None and a.actual_word:  # the English workbook too: "on track", not on_track
        flat["actual"] = worded(a.actual_word, lang)
    return flat
