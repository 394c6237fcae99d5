"""The report as one flat CSV table of target assessments (UTF-8 with BOM, for Excel)."""

from __future__ import annotations

import csv
import io

from linyi_tracker.i18n import Lang
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS, flat_row, plain


def render(report: Report, lang: Lang) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(FLAT_COLUMNS)
    for section in report.systems:
        for line in section.lines:
            writer.writerow([plain(v) for v in flat_row(report, line, lang)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
