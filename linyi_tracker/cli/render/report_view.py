"""The yearly report in the terminal: sections as panels and tables, colours for status."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from linyi_tracker.cli.render.labels import STATUS_STYLE
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Line, Report
from linyi_tracker.words import STATUS_WORDS


def _status(line: Line, lang: Lang) -> Text:
    return Text(text.status(line, lang), style=STATUS_STYLE.get(line.status or "", ""))


def _table(header: list[str], numeric: set[int] | None = None) -> Table:
    table = Table(expand=True)
    for i, h in enumerate(header):
        table.add_column(
            h, justify="right" if numeric and i in numeric else "left", overflow="fold"
        )
    return table


def render_report(report: Report, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = []
    cover = Text()
    cover.append(text.title(report, lang) + "\n", style="bold")
    cover.append((report.title_zh if lang == "zh" else report.title_en) + "\n", style="italic")
    cover.append(
        f"{t('report.as_of', lang)}: {text.as_of(report, lang)} · {t('report.generated', lang)}: {report.generated}\n"
    )
    cover.append(
        f"{t('report.plan_file', lang)}: {report.plan_file} · {t('report.data', lang)}: {report.data_source}",
        style="dim",
    )
    parts.append(Panel(cover))

    summary = Text()
    first = True
    for w in (*STATUS_WORDS, "not_assessed"):
        if report.counts.get(w):
            summary.append(
                ("" if first else " · ") + f"{status_label(w, lang)} {report.counts[w]}",
                style=STATUS_STYLE.get(w, ""),
            )
            first = False
    for key, ids in (
        ("report.achieved_this_year", report.achieved_this_year),
        ("report.most_behind", report.most_behind),
        ("report.milestones_due", report.milestones_due),
    ):
        summary.append(f"\n\n{t(key, lang)}", style="bold")
        if not ids:
            summary.append(f"\n  {t('report.none', lang)}")
        for tid in ids:
            ln = report.line(tid)
            detail = text.phrase(ln, lang) if ln.phrase_zh else text.status(ln, lang)
            summary.append(f"\n  • {text.name(ln, lang)}: {detail}")
    parts.append(Panel(summary, title=t("report.summary", lang), title_align="left"))

    annual = _table(
        [
            t("col.indicator", lang),
            t("col.target", lang),
            t("col.actual", lang),
            t("col.schedule", lang),
            t("report.history", lang),
            t("col.status", lang),
        ]
    )
    for tid in report.annual:
        ln = report.line(tid)
        annual.add_row(
            text.name(ln, lang),
            text.target(ln, lang),
            text.actual(ln, lang),
            text.phrase(ln, lang),
            text.history(ln, lang),
            _status(ln, lang),
        )
    parts.append(
        Panel(
            annual if report.annual else Text(t("report.none", lang)),
            title=t("report.annual", lang, year=report.year),
            title_align="left",
        )
    )

    for section in report.systems:
        table = _table([t(c, lang) for c in text.SYSTEM_COLUMNS], {3, 4, 5, 6})
        for ln in section.lines:
            cells = text.system_cells(ln, lang)
            table.add_row(*cells[:-1], _status(ln, lang))
        name = section.name_zh if lang == "zh" else section.name_en
        parts.append(Panel(table, title=f"{section.number} {name}", title_align="left"))

    regions: list[RenderableType] = []
    for ranking in report.regions:
        how = t(
            "report.ranked_by_achievement"
            if ranking.ranked_by == "achievement"
            else "report.ranked_by_value",
            lang,
        )
        table = _table(
            [
                t("report.rank", lang),
                t("col.region", lang),
                t("col.value", lang),
                t("col.achievement", lang),
                t("col.status", lang),
            ],
            {0, 2, 3},
        )
        table.title = (
            f"{ranking.name_zh if lang == 'zh' else ranking.name_en} · {ranking.period} ({how})"
        )
        for i, r in enumerate(ranking.rows, start=1):
            table.add_row(
                str(i),
                r.name_zh if lang == "zh" else r.name_en,
                r.text,
                "—" if r.achievement is None else f"{r.achievement * 100:.1f}%",
                Text(status_label(r.status, lang), style=STATUS_STYLE.get(r.status, ""))
                if r.status
                else "—",
            )
        regions.append(table)
        if ranking.missing:
            names = ("、" if lang == "zh" else ", ").join(
                ranking.missing_zh if lang == "zh" else ranking.missing_en
            )
            regions.append(Text(f"{t('word.not_reported', lang)}: {names}", style="yellow"))
    parts.append(
        Panel(
            Group(*regions) if regions else Text(t("word.no_region_data", lang)),
            title=t("report.regions", lang),
            title_align="left",
        )
    )

    if report.completeness:
        gaps = _table(
            [
                t("col.indicator", lang),
                "id",
                t("report.last_figure", lang),
                t("report.who_reports", lang),
            ]
        )
        for g in report.completeness:
            gaps.add_row(
                g.name_zh if lang == "zh" else g.name_en,
                g.target_id,
                f"{g.last_value} ({g.last_period})" if g.last_period else "—",
                g.reporters_zh if lang == "zh" else g.reporters_en,
            )
        parts.append(Panel(gaps, title=t("report.completeness", lang), title_align="left"))
    else:
        parts.append(
            Panel(
                Text(t("report.complete", lang)),
                title=t("report.completeness", lang),
                title_align="left",
            )
        )

    m = report.method
    method = Text(
        t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance) + "\n"
    )
    for i, rule in enumerate(m.rules_zh if lang == "zh" else m.rules_en, start=1):
        method.append(f"{i}. {rule}\n")
    parts.append(Panel(method, title=t("report.method", lang), title_align="left"))
    parts.append(
        Panel(
            Text("\n".join(report.sources) or t("report.none", lang)),
            title=t("report.sources", lang),
            title_align="left",
        )
    )
    return Group(*parts)
