"""The report as an Excel workbook: a sheet per section, numbers as numbers.

openpyxl is imported here only. Headers are frozen, widths fit Chinese (a CJK
character counts two), fractions carry a percentage format, exact decimals stay exact
where Excel can hold them, and every text cell is made formula-safe.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from linyi_tracker.assessment.series import describe_source
from linyi_tracker.formatting import display_width
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS, flat_row, safe_text
from linyi_tracker.words import STATUS_WORDS

PERCENT_COLUMNS = {"achievement", "time_progress", "schedule_gap", "progress"}


def _value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, str):
        return safe_text(v)
    return v


def _sheet(
    book: Any, title: str, header: list[str], rows: list[list[Any]], percent: set[int] | None = None
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title=title[:31])
    ws.append([safe_text(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_value(v) for v in row])
    ws.freeze_panes = "A2"
    for i, name in enumerate(header, start=1):
        width = max(
            [display_width(str(name))]
            + [
                display_width(str(r[i - 1]))
                for r in rows
                if i - 1 < len(r) and r[i - 1] is not None
            ]
        )
        ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
        if percent and i in percent:
            for r in range(2, len(rows) + 2):
                ws.cell(row=r, column=i).number_format = "0.0%"


def write(report: Report, lang: Lang, target: Path) -> None:
    from linyi_tracker.errors import require

    require("openpyxl", "an Excel report")
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    _sheet(
        book,
        t("report.cover", lang),
        [t("report.cover", lang), ""],
        [
            [text.title(report, lang), report.title_zh if lang == "zh" else report.title_en],
            [t("report.as_of", lang), text.as_of(report, lang)],
            [t("report.generated", lang), report.generated],
            [t("report.plan_file", lang), report.plan_file],
            [t("report.data", lang), report.data_source],
        ],
    )
    _sheet(
        book,
        t("report.summary", lang),
        [t("col.status", lang), "status", "n"],
        [
            [status_label(w, lang), w, report.counts[w]]
            for w in (*STATUS_WORDS, "not_assessed")
            if report.counts.get(w)
        ],
    )
    flat = [flat_row(report, report.line(tid), lang) for tid in report.annual]
    percent = {i + 1 for i, c in enumerate(FLAT_COLUMNS) if c in PERCENT_COLUMNS}
    _sheet(book, t("report.annual", lang, year=report.year), list(FLAT_COLUMNS), flat, percent)
    rows = [flat_row(report, ln, lang) for s in report.systems for ln in s.lines]
    _sheet(book, t("report.systems", lang), list(FLAT_COLUMNS), rows, percent)
    region_rows = [
        [
            r.indicator,
            r.name_zh if lang == "zh" else r.name_en,
            str(r.period),
            i,
            row.region,
            row.name_zh if lang == "zh" else row.name_en,
            row.value,
            row.achievement,
            row.status,
        ]
        for r in report.regions
        for i, row in enumerate(r.rows, start=1)
    ]
    _sheet(
        book,
        t("report.regions", lang),
        [
            "indicator",
            t("col.indicator", lang),
            t("col.period", lang),
            t("report.rank", lang),
            "region",
            t("col.region", lang),
            t("col.value", lang),
            t("col.achievement", lang),
            t("col.status", lang),
        ],
        region_rows,
        {8},
    )
    gaps = [
        [
            g.target_id,
            g.name_zh if lang == "zh" else g.name_en,
            str(g.last_period) if g.last_period else None,
            g.last_value,
            g.reporters_zh if lang == "zh" else g.reporters_en,
        ]
        for g in report.completeness
    ]
    _sheet(
        book,
        t("report.completeness", lang),
        [
            "target_id",
            t("col.indicator", lang),
            t("report.last_figure", lang),
            t("col.value", lang),
            t("report.who_reports", lang),
        ],
        gaps,
    )
    m = report.method
    rules = [
        [i, rule] for i, rule in enumerate(m.rules_zh if lang == "zh" else m.rules_en, start=1)
    ]
    rules.append(["", t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance)])
    _sheet(book, t("report.method", lang), ["#", t("report.method", lang)], rules)
    _sheet(
        book,
        t("report.sources", lang),
        [t("report.sources", lang)],
        [[describe_source(s, lang)] for s in report.sources],
    )
    book.save(target)
