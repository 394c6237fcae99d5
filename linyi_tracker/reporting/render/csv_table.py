"""The report as one flat CSV table of target assessments (UTF-8 with BOM, for Excel)."""

from __future__ import annotations

from linyi_tracker.i18n import Lang
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS, flat_row
from linyi_tracker.sheets import csv_bytes


def render(report: Report, lang: Lang) -> bytes:
    rows: list[list[object]] = [list(FLAT_COLUMNS)]
    for section in report.systems:
        rows += [flat_row(report, line, lang) for line in section.lines]
    return csv_bytes(rows)
