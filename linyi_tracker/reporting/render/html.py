"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no network.

The page is one Jinja2 template (``reporting/templates/report.html.j2``, its CSS in
``report.css``) rendered with autoescaping on, so every text from the plan or the
data is escaped by default; the only markup passed in is the chart SVGs, which
matplotlib writes with their text escaped. This module gathers what the template
shows — the cells from :mod:`linyi_tracker.reporting.render.tables`, the charts from
:mod:`linyi_tracker.reporting.render.charts` — and the template lays it out.

Printing (Chromium, A4): no forced page breaks, headings kept with what follows,
charts two to a row, tables as wide as the page with a name column wide enough to
read, and page numbers in the bottom margin (``@page`` margin boxes, which Chromium
supports since version 131; older browsers print without them). Below 640 px each
table row becomes a small card, so nothing overflows on a phone.
"""

from __future__ import annotations

import re
from typing import Any

from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.formatting import hold_signs
from linyi_tracker.i18n import LABELS, Lang, labelled, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import tables

# Column widths (percent of the table) for each kind of table: the name column is
# the widest, so a Chinese name wraps at most onto a second line.
WIDTHS: dict[str, list[int]] = {
    "counts": [70, 30],
    "annual": [21, 19, 14, 26, 10, 10],
    "system": [20, 15, 13, 8, 12, 8, 10, 14],
    "ranking": [10, 15, 17, 15, 18, 25],  # 名次, 完成率 and 数据不足 on one line each, side by side
    "completeness": [26, 26, 18, 30],
}


def _css_counter(template: str) -> str:
    """The page label as CSS content: "第 {page} 页 / 共 {pages} 页" →
    "第 " counter(page) " 页 / 共 " counter(pages) " 页"."""
    parts = re.split(r"(\{pages?\})", template)
    return " ".join(
        f"counter({p[1:-1]})" if p in ("{page}", "{pages}") else f'"{p}"' for p in parts if p
    )


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("linyi_tracker.reporting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A table cell keeps a comparison with its figure (formatting.hold_signs): a browser
    # breaks at any space, and "≥" alone over "10,000套(户)" is what a narrow column gave.
    env.filters["held"] = hold_signs
    return env


def render(report: Report, lang: Lang, *, charts: bool = True) -> str:
    from linyi_tracker.errors import require

    require("jinja2", "the HTML report (Jinja2)")
    from markupsafe import Markup

    specs: dict[str, Any] = {}
    if charts:
        from linyi_tracker.reporting.render.charts import report_specs, svg

        specs = report_specs(report, lang)
    systems = []
    for index, section in enumerate(report.systems):
        drawn = [
            {
                "target_id": ln.target_id,
                "compact": specs[ln.target_id].compact,
                "svg": Markup(svg(specs[ln.target_id], lang)),
                "quote": ln.quote,
            }
            for ln in section.lines
            if ln.target_id in specs
        ]
        systems.append(
            {
                "id": section.id,
                "number": section.number,
                "name": section.name_zh if lang == "zh" else section.name_en,
                "table": tables.system(report, index, lang),
                "charts": drawn,
            }
        )
    rankings = []
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        rankings.append(
            {
                "heading": heading,
                "how": how,
                "table": tables.ranking(ranking, lang),
                "missing": text.not_reported(ranking, lang),
            }
        )
    m = report.method
    words = {
        "contents": t("report.contents", lang),
        "summary": t("report.summary", lang),
        "annual": t("report.annual", lang, year=report.year),
        "systems": t("report.systems", lang),
        "regions": t("report.regions", lang),
        "completeness": t("report.completeness", lang),
        "method": t("report.method", lang),
        "sources": t("report.sources", lang),
        "none": t("report.none", lang),
        "quote": labelled(t("word.quote", lang), "", lang),  # 原文： / Quote:
        "no_region_data": t("word.no_region_data", lang),
        "complete": t("report.complete", lang),
    }
    template = _environment().get_template("report.html.j2")
    return str(
        template.render(
            lang=lang,
            title=text.title(report, lang),
            subtitle=report.title_zh if lang == "zh" else report.title_en,
            cover=[
                (t("report.year", lang), str(report.year)),
                (t("report.as_of", lang), text.as_of(report, lang)),
                (t("report.generated", lang), text.generated(report, lang)),
                (t("report.plan_file", lang), report.plan_file),
                (t("report.data", lang), report.data_source),
            ],
            # Our own constant words, written as a CSS string (not data: safe as is).
            page_counter=Markup(_css_counter(LABELS["report.page"][lang])),
            words=words,
            widths=WIDTHS,
            counts=tables.counts(report, lang),
            lists=tables.summary_lists(report, lang),
            annual=tables.annual(report, lang) if report.annual else None,
            systems=systems,
            rankings=rankings,
            completeness=tables.completeness(report, lang) if report.completeness else None,
            thresholds=t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance),
            rules=m.rules_zh if lang == "zh" else m.rules_en,
            sources=[describe_source(s, lang) for s in report.sources],
        )
    )
