"""The ``status`` screen: one table grouped by system, then counts and the method."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from linyi_tracker.assessment.series import series_for, yearly_values
from linyi_tracker.cli.context import Context, shown_location
from linyi_tracker.cli.render.labels import STATUS_STYLE, status_cell
from linyi_tracker.findings import plural
from linyi_tracker.formatting import sparkline
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import StatusView
from linyi_tracker.words import STATUS_WORDS

WIDE = 120  # below this many columns, gap and schedule gap stack under the actual


def render_status(
    report: StatusView, ctx: Context, lang: Lang, width: int = WIDE
) -> RenderableType:
    plan = ctx.plan
    compact = width < WIDE
    title = t(
        "title.status",
        lang,
        plan=(plan.plan.short_title or plan.plan.title).get(lang),
        as_of=report.as_of.label(lang),
    )
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column(t("col.indicator", lang), ratio=5, min_width=18, overflow="fold")
    table.add_column(t("col.target", lang), ratio=3, min_width=10, overflow="fold")
    table.add_column(t("col.actual", lang), ratio=3, min_width=10, overflow="fold")
    table.add_column(t("col.achievement", lang), justify="right", no_wrap=True)
    if not compact:
        table.add_column(t("col.gap", lang), justify="right", ratio=2, overflow="fold")
        table.add_column(t("col.schedule_gap", lang), ratio=3, overflow="fold")
    table.add_column(t("col.trend", lang), no_wrap=True)
    table.add_column(t("col.status", lang), ratio=2, min_width=11, overflow="fold")
    several_regions = len({v.a.region for v in report.targets}) > 1
    by_system: dict[str, list[int]] = {}
    for i, v in enumerate(report.targets):
        by_system.setdefault(v.system, []).append(i)
    for system in plan.systems:
        rows = by_system.get(system.id)
        if not rows:
            continue
        table.add_row(Text(f"{system.number} {system.name.get(lang)}", style="bold"))
        for i in rows:
            ln = report.targets[i]
            a = ln.a
            indicator = plan.indicator_by_id[a.indicator]
            name = Text(("↳ " if a.component_of else "") + indicator.name.get(lang))
            if several_regions:
                name.append(f" · {plan.region_by_id[a.region].name.get(lang)}", style="italic")
            name.append("\n")
            name.append(a.indicator, style="dim")
            values = yearly_values(
                series_for(plan, ctx.store, indicator, a.region), report.as_of, flow=indicator.flow
            )
            trend = sparkline([v for _, v in values])
            actual = text.actual(ln, lang)
            achieved = text.achievement(ln, lang)
            if compact:
                if a.gap is not None:
                    actual += f"\n{t('col.gap', lang)} {text.gap(ln, lang)}"
                if ln.standing is not None:
                    actual += f"\n{text.schedule(ln, lang, spaced=True)}"
                table.add_row(
                    name, text.target(ln, lang), actual, achieved, trend, status_cell(ln, lang)
                )
            else:
                table.add_row(
                    name,
                    text.target(ln, lang),
                    actual,
                    achieved,
                    text.gap(ln, lang),
                    text.schedule(ln, lang, spaced=True),
                    trend,
                    status_cell(ln, lang),
                )
        table.add_section()
    parts: list[RenderableType] = [table, _counts(report, lang)]
    missing = report.counts().get("no_data", 0)
    if missing:
        # No data is the honest state for most targets; say where the detail is.
        hint = t(
            "hint.no_data",
            lang,
            n=missing,
            targets=plural(missing, "target"),
            year=report.as_of.year,
        )
        parts.append(Text(hint, style="yellow"))
    return Group(*parts, _caption(ctx, lang))


def _counts(report: StatusView, lang: Lang) -> Text:
    counts = report.counts()
    line = Text(t("title.counts", lang) + ": ", style="bold")
    first = True
    for word in (*STATUS_WORDS, "not_assessed"):
        n = counts.get(word)
        if not n:
            continue
        if not first:
            line.append(" · ")
        line.append(f"{status_label(word, lang)} {n}", style=STATUS_STYLE.get(word, ""))
        first = False
    return line


def _caption(ctx: Context, lang: Lang) -> Text:
    th = ctx.plan.assessment.thresholds
    method = t("method.status.schedule", lang, on=th.on_track, risk=th.at_risk)
    sources = (
        f"{t('word.source', lang)}: {shown_location(ctx.data_at, lang)} · "
        f"{t('word.plan', lang)}: {shown_location(ctx.plan_at, lang)}"
    )
    return Text(f"{method}\n{sources}", style="dim")
