"""The report as one flat CSV table of target assessments (UTF-8 with BOM, for Excel).

English: the column ids, codes and exact values only (for programs). Chinese: the
Chinese headers of the one table the reader also takes (actuals.headers.
REPORT_ZH_HEADERS), kinds, systems and judgements in words as the workbook shows them,
and beside each exact figure a column holding it as the report prints it (1.72万元
beside 17151.607979), so a person reads the file and a program still has the exact
value and the ids (目标代码, 指标代码, 状态代码).
"""

from __future__ import annotations

from collections.abc import Callable

from linyi_tracker.actuals.headers import REPORT_ZH_HEADERS
from linyi_tracker.i18n import Lang
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render.spreadsheet import (
    FLAT_COLUMNS,
    flat_row,
    system_words,
    worded_row,
)
from linyi_tracker.reporting.view import TargetView
from linyi_tracker.sheets import csv_bytes, formula_safe

# A figure column and how the report prints it (text's functions, as every output): its
# shown column follows it.
SHOWN: dict[str, Callable[[TargetView, Lang], str]] = {
    "target": text.target,
    "actual": text.actual,
    "achievement": text.achievement,
    "gap": text.gap,
    "time_progress": text.time_elapsed,
    "schedule_gap": lambda v, lang: text.schedule(v, lang),
    "progress": text.level_progress,
    "pace": text.pace,
    "projected": text.projected,
}


def columns(lang: Lang) -> list[str]:
    """The column keys in order: a shown column after each figure's under zh."""
    if lang == "en":
        return list(FLAT_COLUMNS)
    out: list[str] = []
    for key in FLAT_COLUMNS:
        out.append(key)
        if key in SHOWN:
            out.append(f"{key}_shown")
    return out


def header(lang: Lang) -> list[str]:
    return columns(lang) if lang == "en" else [REPORT_ZH_HEADERS[k] for k in columns(lang)]


def _row(
    report: Report,
    line: TargetView,
    lang: Lang,
    systems: dict[str, object],
) -> list[object]:
    if lang == "en":
        return flat_row(report, line, lang)
    cells = worded_row(report, line, lang, systems)
    for key, shown in SHOWN.items():
        value = cells[key]
        cells[f"{key}_shown"] = formula_safe(shown(line, lang)) if value is not None else None
    return [cells[k] for k in columns(lang)]


def render(report: Report, lang: Lang) -> bytes:
    head: list[object] = list(header(lang))
    rows: list[list[object]] = [head]
    systems = system_words(report, lang)  # once, not per row
    for section in report.systems:
        rows += [_row(report, line, lang, systems) for line in section.lines]
    return csv_bytes(rows)
