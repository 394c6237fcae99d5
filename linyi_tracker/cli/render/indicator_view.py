"""The ``show`` view: one indicator — names, targets and their assessment, series, regions."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from linyi_tracker.actuals.periods import Period
from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.cli.context import Context
from linyi_tracker.cli.render import fit
from linyi_tracker.cli.render.labels import status_cell, unit_label
from linyi_tracker.formatting import bar, listed, wan_scale, with_unit, worded
from linyi_tracker.i18n import Lang, labelled, t
from linyi_tracker.plan.models import Indicator
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import IndicatorView, TargetView


def render_indicator(ctx: Context, view: IndicatorView, lang: Lang) -> RenderableType:
    """What ``show`` draws, from its view alone: nothing here reads the store."""
    plan = ctx.plan
    ind = view.indicator
    parts: list[RenderableType] = [_header(ctx, ind, lang)]
    for v in view.targets:
        parts.append(_target_panel(ctx, v, view, lang))
    parts.append(_series(ctx, ind, view, lang))
    if len(plan.sub_regions) > 0:
        parts.append(_regions(ctx, ind, view, lang))
    return Group(*parts)


def _header(ctx: Context, ind: Indicator, lang: Lang) -> RenderableType:
    plan = ctx.plan
    other: Lang = "en" if lang == "zh" else "zh"
    body = Text()
    body.append(f"{ind.name.get(lang)}\n", style="bold")
    body.append(f"{ind.name.get(other)}\n", style="italic")
    system = plan.system_by_id[ind.system]
    body.append(f"{ind.id} · {system.number} {system.name.get(lang)}")
    if ind.role == "monitoring":
        body.append(f" · {t('kind.monitoring', lang)}", style="yellow")
    body.append("\n")
    unit = unit_label(plan, ind.unit, lang)
    if unit:
        body.append(
            f"{labelled(t('word.unit', lang), unit, lang)} · {t('word.direction.' + (ind.direction or 'higher'), lang)}"
            f" · {t('word.aggregate.' + ind.aggregate, lang)}\n"
        )
    if ind.notes:
        body.append(f"{labelled(t('word.notes', lang), ind.notes.get(lang), lang)}\n", style="dim")
    return Panel(body, expand=True)


def _target_panel(ctx: Context, ln: TargetView, view: IndicatorView, lang: Lang) -> RenderableType:
    """One target's assessment, each figure as every other output writes it (text's
    functions, the row's scale: text.row_scale), its starting point in that scale; a
    year of its history made of a revised figure marked as the series marks it."""
    plan, as_of = ctx.plan, view.as_of
    a = ln.a
    unit = unit_label(plan, a.unit, lang)
    figures = text.row_scale(ln, lang)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(t("col.target", lang), text.target(ln, lang))
    grid.add_row(t("word.quote", lang), f"“{ln.quote}”")
    if a.region != plan.city.id:
        grid.add_row(t("col.region", lang), plan.region_by_id[a.region].name.get(lang))
    grid.add_row(t("col.status", lang), status_cell(ln, lang))
    grid.add_row(t("col.actual", lang), text.actual(ln, lang))
    if a.achievement is not None:
        grid.add_row(t("col.achievement", lang), text.achievement(ln, lang))
    if a.gap is not None:
        grid.add_row(t("col.gap", lang), text.gap(ln, lang))
    if ln.time_progress is not None:  # a target whose time is up has none (view.running)
        grid.add_row(t("word.time_progress", lang), text.time_elapsed(ln, lang))
    if ln.standing is not None:
        # as the report's sentence says it: 到期未达成，差2,500套(户) once its time is up
        grid.add_row(t("col.schedule_gap", lang), text.schedule(ln, lang, shortfall=True))
    if a.progress is not None:
        grid.add_row(t("word.progress", lang), text.progress(ln, lang))
    if a.starting_point is not None:
        start, v0 = a.starting_point
        grid.add_row(
            t("word.starting_point", lang),
            text.noted(figures.amount(v0, unit, lang), start.label(lang), lang),
        )
    if ln.pace is not None:
        grid.add_row(t("word.pace", lang), text.pace(ln, lang))
    if ln.projected is not None:
        said = text.projected(ln, lang)
        grid.add_row(text.projected_label(ln, lang), said)
    if a.history:
        lines = [
            labelled(
                Period.of_year(h.year).label(lang),
                "—" if h.actual is None else figures.amount(h.actual, unit, lang),
                lang,
            )
            # A year-to-date figure is shown but does not judge its year (engine.py).
            + f"{'' if h.period is None or h.period.is_full_year else t('word.ytd_not_judged', lang, period=h.period.label(lang))}"
            + f"{'' if h.met is None else (' ✓' if h.met else ' ✗')}"
            + (
                f" · {t('word.revised', lang)}"
                if h.period is not None and view.is_revised_at(h.period, a.region)
                else ""
            )
            for h in a.history
        ]
        if ln.met_years is not None:
            lines.append(text.history(ln, lang))
        grid.add_row(t("report.history", lang), "\n".join(lines))
    todo = text.missing_todo(ln, lang)
    for reason in a.reasons:
        if todo is None or reason != text.short_of(ln):
            grid.add_row("", Text(t("reason." + reason, lang), style="dim"))
    for o in a.evidence:
        where = f"{o.file}:{o.line} · " if o.line else ""
        # The note says who judged a judgement and on what evidence: it belongs with it.
        note = f" · {o.note}" if o.note and a.kind in {"qualitative", "milestone"} else ""
        grid.add_row("", Text(f"{where}{describe_source(o.source, lang)}{note}", style="dim"))
    # Short of data: what is missing and what to do, last, so that the figures' sources
    # above are not read as part of it.
    if todo is not None:
        grid.add_row(t("todo.label", lang), fit.Hanging("", fit.para(todo, "magenta", mode="name")))
    title = f"{t('kind.' + a.kind, lang)} · {a.target_id} · {t('title.assessment', lang, as_of=as_of.label(lang))}"
    return Panel(grid, title=title, title_align="left")


def _series(
    ctx: Context,
    ind: Indicator,
    view: IndicatorView,
    lang: Lang,
) -> RenderableType:
    plan = ctx.plan
    region, rows = view.regions[0], view.series
    # Growth figures (比上年增长) are listed beside the levels, marked as such: never a level.
    levels = [o for o in rows if not o.is_growth]
    title = f"{t('title.series', lang)} · {plan.region_by_id[region].name.get(lang)}"
    columns = [
        fit.Column("period", t("col.period", lang)),
        fit.Column("value", t("col.value", lang), justify="right"),
        fit.Column("chart", t("col.chart", lang), mode="whole", drop=2),
        fit.Column("source", t("col.source", lang), drop=1),
        fit.Column("note", t("col.note", lang), mode="name", drop=3),
    ]
    values = [float(o.value) for o in levels if o.value is not None]
    top = max(values) if values else 0.0
    unit = unit_label(plan, ind.unit, lang)
    # in the scale of the target above it (text.row_scale): never 8.62万人 in a panel over
    # 86,200人 here; each figure at its written precision (formatting.number)
    above = text.row_scale(view.targets[0], lang).of(unit) if view.targets else None
    wan = wan_scale([o.value for o in levels], lang) if above is None else above
    for o in rows:
        shown = with_unit(o.value, unit, lang, wan) if o.value is not None else worded(o.text, lang)
        if o.is_growth and o.value is not None:
            shown = text.growth_figure(o.value, lang)
        value = [fit.para(shown)]
        chart = bar(float(o.value), top, 16) if o.value is not None and not o.is_growth else ""
        source = [fit.para(describe_source(o.source, lang))]
        if o.line:
            source.append(fit.para(f"{o.file}:{o.line}", "dim", mode="whole"))
        if view.is_revised(o):  # as status marks a result made of it (a city sum too)
            value.append(fit.para(t("word.revised", lang), "dim"))
        earlier = view.earlier(o)
        if earlier:  # what it replaced, beside its source
            was = listed(
                (
                    with_unit(e.value, unit, lang, wan) if e.value is not None else e.text
                    for e in earlier
                ),
                lang,
            )
            day = "" if o.as_of is None else o.as_of.isoformat()
            source.append(fit.para(t("show.revised_from", lang, as_of=day, was=was), "dim"))
        fit.add_row(
            columns,
            [
                [fit.para(o.period.label(lang))],
                value,
                [fit.para(chart, mode="whole")],
                source,
                [fit.para(o.note or "", mode="name")],
            ],
        )
    if not rows:
        fit.add_row(
            columns,
            [[fit.para("—")], [fit.para("—")], [], [fit.para(t("status.no_data", lang))], []],
        )
    return fit.Fitted(columns, lang, title, where="show")


def _regions(ctx: Context, ind: Indicator, view: IndicatorView, lang: Lang) -> RenderableType:
    plan, ranking = ctx.plan, view.ranking
    period, ranked, missing = ranking.period, ranking.reported, ranking.missing
    if period is None:
        return Text(t("word.no_region_data", lang), style="dim")
    table = Table(title=f"{t('title.regions', lang)} · {period.label(lang)}", title_justify="left")
    for key in ("col.region", "col.value", "col.chart"):
        table.add_column(t(key, lang), no_wrap=True)
    numeric = [float(o.value) for o in ranked if o.value is not None]
    top = max(numeric) if numeric else 0.0
    unit = unit_label(plan, ind.unit, lang)
    wan = wan_scale([o.value for o in ranked], lang)  # one scale for the column
    for rank, o in zip(ranking.ranks, ranked, strict=True):  # equal figures share a rank
        shown = with_unit(o.value, unit, lang, wan) if o.value is not None else worded(o.text, lang)
        if view.is_revised(o):  # as the series marks it
            shown = text.noted(shown, t("word.revised", lang), lang)
        chart = bar(float(o.value), top, 16) if o.value is not None else ""
        table.add_row(f"{rank}. {plan.region_by_id[o.region].name.get(lang)}", shown, chart)
    parts: list[RenderableType] = [table]
    if missing:
        names = listed((plan.region_by_id[r].name.get(lang) for r in missing), lang)
        parts.append(
            Text(
                labelled(
                    text.noted(t("word.not_reported", lang), period.label(lang), lang), names, lang
                ),
                style="yellow",
            )
        )
    return Group(*parts)
