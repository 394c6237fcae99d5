"""The yearly report in the terminal: sections as panels and tables, colours for status."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.cli.render import fit
from linyi_tracker.cli.render.labels import STATUS_STYLE, status_lines
from linyi_tracker.i18n import Lang, labelled, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.words import STATUS_WORDS

NAME_FLOOR = 12  # a name column narrower than this reads one character a line


def _table(
    header: list[str],
    lang: Lang,
    numeric: set[int] | None = None,
    modes: dict[int, fit.Mode] | None = None,
    drop: dict[int, int] | None = None,
    stack: dict[int, int] | None = None,
) -> fit.Fitted:
    """A table laid out when drawn, so no word, figure or status breaks across lines; the
    first column holds names (a line may break between Chinese characters). ``stack``:
    columns drawn under the column before them, by priority, when the narrowest widths
    still do not fit (a figure is never cut with "…")."""
    modes = {0: "name", **(modes or {})}
    columns = [
        fit.Column(
            f"c{i}",
            h,
            justify="right" if numeric and i in numeric else "left",
            mode=modes.get(i, "words"),
            drop=(drop or {}).get(i, 0),
            floor=NAME_FLOOR if modes.get(i) == "name" and i == 0 else 0,
            stack_on=f"c{i - 1}" if stack and i in stack else None,
            stack=(stack or {}).get(i, 0),
        )
        for i, h in enumerate(header)
    ]
    return fit.Fitted(columns, lang, where="report")


def _add(table: fit.Fitted, cells: list[str], status: fit.Cell | None = None) -> None:
    """One row: each text cell wrapped by its column's rule, then the styled status."""
    row: list[fit.Cell] = [
        [fit.para(c, mode=col.mode)] for c, col in zip(cells, table.columns, strict=False)
    ]
    if status is not None:
        row.append(status)
    fit.add_row(table.columns, row)


def render_report(report: Report, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = []
    cover = Text()
    cover.append(text.title(report, lang) + "\n", style="bold")
    cover.append((report.title_zh if lang == "zh" else report.title_en) + "\n", style="italic")
    cover.append(
        f"{labelled(t('report.as_of', lang), text.as_of(report, lang), lang)} · "
        f"{labelled(t('report.generated', lang), text.generated(report, lang), lang)}\n"
    )
    cover.append(
        f"{labelled(t('report.plan_file', lang), report.plan_file, lang)} · "
        f"{labelled(t('report.data', lang), report.data_source, lang)}",
        style="dim",
    )
    parts.append(Panel(cover))

    counts = Text()
    first = True
    for w in (*STATUS_WORDS, "not_assessed"):
        if report.counts.get(w):
            counts.append(
                ("" if first else " · ") + f"{status_label(w, lang)} {report.counts[w]}",
                style=STATUS_STYLE.get(w, ""),
            )
            first = False
    summary: list[RenderableType] = [counts]
    for key, ids in report.summary_lists():
        summary.append(Text(f"\n{t(key, lang)}", style="bold"))
        if not ids:
            summary.append(Text(f"  {t('report.none', lang)}"))
        for tid in ids:
            ln = report.line(tid)
            item = labelled(text.name(ln, lang), text.detail(ln, lang), lang)
            summary.append(fit.Hanging("  • ", fit.para(item, mode="name")))
    parts.append(Panel(Group(*summary), title=t("report.summary", lang), title_align="left"))

    annual = _table(
        [t(c, lang) for c in text.ANNUAL_COLUMNS], lang, modes={3: "name", 4: "name"}, drop={4: 1}
    )
    annual_lines = [report.line(tid) for tid in report.annual]
    for ln, cells in zip(annual_lines, text.annual_rows(annual_lines, lang), strict=True):
        _add(annual, cells[:-1], status_lines(ln, lang))
    parts.append(
        Panel(
            annual if report.annual else Text(t("report.none", lang)),
            title=t("report.annual", lang, year=report.year),
            title_align="left",
        )
    )

    for section in report.systems:
        table = _table(
            [t(c, lang) for c in text.SYSTEM_COLUMNS],
            lang,
            {3, 4, 5, 6},
            modes={3: "whole", 5: "whole"},
            drop={5: 2, 6: 1},
            stack={4: 1},
        )
        for ln, cells in zip(section.lines, text.system_rows(section.lines, lang), strict=True):
            _add(table, cells[:-1], status_lines(ln, lang))
        name = section.name_zh if lang == "zh" else section.name_en
        parts.append(Panel(table, title=f"{section.number} {name}", title_align="left"))

    regions: list[RenderableType] = []
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        table = _table(
            [t(c, lang) for c in text.RANKING_COLUMNS], lang, {0, 2, 3}, modes={0: "words"}
        )
        table.title = f"{heading} · {how}"  # never brackets around a text that has its own
        table.columns[-1].mode = "name"  # the reason: Chinese breaks between characters
        for rank, r in zip(ranking.ranks, ranking.rows, strict=True):  # equal figures tie
            cells = text.ranking_cells(rank, r, ranking, lang)
            style = STATUS_STYLE.get(r.status or "", "")
            at = text.RANKING_COLUMNS.index("col.status")
            status = fit.Paragraph([(cells[at].replace(" ", "\u00a0"), style)])
            row: list[fit.Cell] = [
                [fit.para(c, mode=col.mode)] for c, col in zip(cells, table.columns, strict=True)
            ]
            row[at] = [status]
            fit.add_row(table.columns, row)
        regions.append(table)
        missing = text.not_reported(ranking, lang)
        if missing:
            regions.append(Text(missing, style="yellow"))
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
                t("col.target_id", lang),
                t("report.last_figure", lang),
                t("report.who_reports", lang),
            ],
            lang,
            modes={1: "id", 3: "name"},
        )
        for g in report.completeness:
            _add(
                gaps,
                [
                    g.name_zh if lang == "zh" else g.name_en,
                    g.target_id,
                    text.last_figure(g, lang),
                    g.reporters_zh if lang == "zh" else g.reporters_en,
                ],
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
    # Each rule hangs after its number, wrapped as Chinese is typeset (no line starts
    # with closing punctuation, no number stands alone on a line).
    method: list[RenderableType] = [
        fit.Hanging(
            "",
            fit.para(
                t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance),
                mode="name",
            ),
        )
    ]
    for i, rule in enumerate(m.rules_zh if lang == "zh" else m.rules_en, start=1):
        method.append(fit.Hanging(f"{i}. ", fit.para(rule, mode="name")))
    parts.append(Panel(Group(*method), title=t("report.method", lang), title_align="left"))
    parts.append(
        Panel(
            Text(
                "\n".join(describe_source(s, lang) for s in report.sources)
                or t("report.none", lang)
            ),
            title=t("report.sources", lang),
            title_align="left",
        )
    )
    return Group(*parts)
