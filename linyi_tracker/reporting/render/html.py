"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no network.

Readable on screen and printable on A4 (print CSS, a page break before each system).
Every text from the plan or the data is escaped.
"""

from __future__ import annotations

from html import escape

from linyi_tracker.assessment.series import describe_source
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.view import TargetView
from linyi_tracker.words import STATUS_WORDS

CSS = """
:root { --ok: #2e7d32; --warn: #b26a00; --bad: #c62828; --muted: #6b6b6b; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif;
       margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f1f1f; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .88rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } td.num { text-align: right; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; }
.achieved, .on_track, .done { color: var(--ok); } .at_risk, .pending { color: var(--warn); }
.off_track, .missed, .overdue { color: var(--bad); } .no_data, .insufficient_data, .assessed { color: var(--muted); }
.meta { color: var(--muted); } figure { margin: .4rem 0 1rem; } figure svg { max-width: 100%; height: auto; }
figure svg text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif !important; }
.quote { color: var(--muted); font-size: .82rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } section.system { break-before: page; }
  figure, tr { break-inside: avoid; } figure svg { max-height: 7cm; } a { color: inherit; text-decoration: none; } }
"""


def _status(line: TargetView, lang: Lang) -> str:
    return f'<span class="status {escape(line.a.status or "")}">{escape(text.status(line, lang))}</span>'


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(report: Report, lang: Lang, *, charts: bool = True) -> str:
    from linyi_tracker.reporting.render.charts import svg

    e = escape
    parts = [
        f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(text.title(report, lang))}</title><style>{CSS}</style></head><body>",
    ]
    parts.append(
        f'<header id="cover"><h1>{e(text.title(report, lang))}</h1>'
        f'<p class="meta">{e(report.title_zh if lang == "zh" else report.title_en)}</p><p class="meta">'
        f"{e(t('report.as_of', lang))}: {e(text.as_of(report, lang))} · {e(t('report.generated', lang))}: "
        f"{e(report.generated)}<br>{e(t('report.plan_file', lang))}: {e(report.plan_file)} · "
        f"{e(t('report.data', lang))}: {e(report.data_source)}</p></header>"
    )

    counts = [
        [e(status_label(w, lang)), str(report.counts[w])]
        for w in (*STATUS_WORDS, "not_assessed")
        if report.counts.get(w)
    ]
    lists = ""
    for key, ids in (
        ("report.achieved_this_year", report.achieved_this_year),
        ("report.most_behind", report.most_behind),
        ("report.milestones_due", report.milestones_due),
    ):
        items = (
            "".join(
                f"<li>{e(text.name(report.line(i), lang))}: "
                f"{e(text.detail(report.line(i), lang))}</li>"
                for i in ids
            )
            or f"<li>{e(t('report.none', lang))}</li>"
        )
        lists += f"<h3>{e(t(key, lang))}</h3><ul>{items}</ul>"
    parts.append(
        f'<section id="summary"><h2>{e(t("report.summary", lang))}</h2>'
        f"{_table([t('col.status', lang), 'n'], counts, {1})}{lists}</section>"
    )

    rows = [
        [e(c) for c in text.annual_cells(report.line(i), lang)[:-1]]
        + [_status(report.line(i), lang)]
        for i in report.annual
    ]
    header = [t(c, lang) for c in text.ANNUAL_COLUMNS]
    annual = _table(header, rows) if rows else f"<p>{e(t('report.none', lang))}</p>"
    parts.append(
        f'<section id="annual"><h2>{e(t("report.annual", lang, year=report.year))}</h2>{annual}</section>'
    )

    parts.append(f'<section id="systems"><h2>{e(t("report.systems", lang))}</h2></section>')
    for section in report.systems:
        name = section.name_zh if lang == "zh" else section.name_en
        rows = [
            [e(c) for c in text.system_cells(ln, lang)[:-1]] + [_status(ln, lang)]
            for ln in section.lines
        ]
        figures = ""
        for ln in section.lines:
            if ln.chart is not None and charts:
                figures += (
                    f'<figure class="chart" data-target="{e(ln.target_id)}">{svg(ln.chart, text.name(ln, lang), lang)}'
                    f'<figcaption class="quote">{e(t("word.quote", lang))}: “{e(ln.quote)}”</figcaption></figure>'
                )
        parts.append(
            f'<section class="system" id="system-{e(section.id)}"><h3>{section.number} {e(name)}</h3>'
            f"{_table([t(c, lang) for c in text.SYSTEM_COLUMNS], rows, {3, 4, 5, 6})}{figures}</section>"
        )

    regions = ""
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        rows = [
            [e(c) for c in text.ranking_cells(i, r, ranking, lang)]
            for i, r in enumerate(ranking.rows, start=1)
        ]
        missing = text.not_reported(ranking, lang)
        regions += (
            f'<h3>{e(heading)}</h3><p class="meta">{e(how)}</p>'
            + _table([t(c, lang) for c in text.RANKING_COLUMNS], rows, {0, 2, 3})
            + (f'<p class="meta">{e(missing)}</p>' if missing else "")
        )
    parts.append(
        f'<section id="regions"><h2>{e(t("report.regions", lang))}</h2>'
        f"{regions or '<p>' + e(t('word.no_region_data', lang)) + '</p>'}</section>"
    )

    if report.completeness:
        rows = [
            [
                e(g.name_zh if lang == "zh" else g.name_en),
                e(g.target_id),
                e(f"{g.last_value} ({g.last_period})" if g.last_period else "—"),
                e(g.reporters_zh if lang == "zh" else g.reporters_en),
            ]
            for g in report.completeness
        ]
        gaps = _table(
            [
                t("col.indicator", lang),
                "id",
                t("report.last_figure", lang),
                t("report.who_reports", lang),
            ],
            rows,
        )
    else:
        gaps = f"<p>{e(t('report.complete', lang))}</p>"
    parts.append(
        f'<section id="completeness"><h2>{e(t("report.completeness", lang))}</h2>{gaps}</section>'
    )

    m = report.method
    rules = "".join(f"<li>{e(r)}</li>" for r in (m.rules_zh if lang == "zh" else m.rules_en))
    parts.append(
        f'<section id="method"><h2>{e(t("report.method", lang))}</h2>'
        f"<p>{e(t('report.thresholds', lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance))}</p><ol>{rules}</ol></section>"
    )
    sources = (
        "".join(f"<li>{e(describe_source(s, lang))}</li>" for s in report.sources)
        or f"<li>{e(t('report.none', lang))}</li>"
    )
    parts.append(
        f'<section id="sources"><h2>{e(t("report.sources", lang))}</h2><ul>{sources}</ul></section>'
    )
    parts.append("</body></html>\n")
    return "\n".join(parts)
