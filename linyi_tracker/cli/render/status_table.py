"""The ``status`` screen: one table grouped by system, then counts and the method.

The table is laid out by :mod:`linyi_tracker.cli.render.fit`, so no word, figure,
status or id is broken across lines at any width; when the terminal cannot hold every
id whole under its name, the ids are left out first (a zh row reads in three lines at 80
columns), then the trend, then the gap, then the schedule column is dropped whole, and a
note says which. With several regions (``--region all``) the rows are grouped by region, and
a county's rows do not repeat the city's target.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group, RenderableType
from rich.text import Text

from linyi_tracker.cli.context import Context, shown_location
from linyi_tracker.cli.render import fit
from linyi_tracker.cli.render.labels import STATUS_STYLE, status_lines
from linyi_tracker.formatting import sparkline
from linyi_tracker.i18n import Lang, labelled, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import SETTLED, StatusView, TargetView, tally
from linyi_tracker.texts.text import Text as Sentence
from linyi_tracker.words import STATUS_WORDS

WIDE = 120  # the golden files' width: every column in English; in Chinese, ids only from ~125


def _columns(lang: Lang) -> list[fit.Column]:
    return [
        # A name reads in at most three lines; its id under it when the table can hold
        # every id whole (fit's rule), else the note names the ids left out.
        fit.Column(
            "name", t("col.indicator", lang), mode="name", lines=3, ids=t("col.indicator_id", lang)
        ),
        fit.Column("target", t("col.target", lang)),
        fit.Column("actual", t("col.actual", lang)),
        fit.Column("achievement", t("col.achievement", lang), justify="right"),
        fit.Column("gap", t("col.gap", lang), justify="right", drop=2),
        # The unit in the header, for both languages: '超2.1' / '+2.1' under 较时序进度（百分点）
        # / 'vs. schedule (pts)', a cell no wider than its figure (a narrow table keeps it).
        # Drawn under the achievement when the terminal cannot hold it beside it (en at
        # 80 columns: "missed at / deadline" needs one cell more), dropped only after that.
        fit.Column(
            "schedule",
            t("col.schedule_points", lang),
            justify="right",
            drop=1,
            stack_on="achievement",
        ),
        fit.Column("trend", t("col.trend", lang), drop=3),
        fit.Column("status", t("col.status", lang)),
    ]


def schedule_cell(words: str, settled: bool) -> fit.Paragraph:
    """The schedule cell: a figure stays whole ('+31.8', '超31.8'); the words of a target
    whose time is up break once at most ('missed at / deadline'), so they widen the column
    past its figures only as far as that takes."""
    return fit.word(words) if settled else fit.para(words, mode="whole")


def _row(
    v: TargetView,
    ctx: Context,
    lang: Lang,
    county: bool,
) -> list[fit.Cell]:
    plan = ctx.plan
    a = v.a
    indicator = plan.indicator_by_id[a.indicator]
    name = ("↳ " if a.component_of else "") + indicator.name.get(lang)
    return [
        # A county's row names its indicator only: the id is on the city's row above.
        [fit.para(name, mode="name")]
        + ([] if county else [fit.para(a.indicator, "dim", mode="id")]),
        [] if county else [fit.para(text.target(v, lang))],
        [fit.para(text.actual(v, lang))],
        [fit.para(text.achievement(v, lang), mode="whole")],
        [fit.para(text.gap(v, lang))],
        [schedule_cell(text.schedule(v, lang, short=True), v.standing in SETTLED)],
        [fit.para(sparkline([x for _, x in v.trend]), mode="whole")],
        status_lines(v, lang),
    ]


def _city_only(v: TargetView) -> bool:
    """A city milestone or judgement with no county figure: not a county's to report
    (as the template says, intake/template.py), so a county's section leaves it out."""
    kind = v.a.kind
    uncounted = kind == "milestone" and v.count_total is None
    return (kind == "qualitative" or uncounted) and v.a.status == "no_data"


def _heading(label: str, n: int) -> list[fit.Cell]:
    return [[fit.para(label, "bold", mode="name")], *([] for _ in range(n - 1))]


def render_status(
    report: StatusView, ctx: Context, lang: Lang, width: int = WIDE
) -> RenderableType:
    plan = ctx.plan
    regions = list(dict.fromkeys(v.a.region for v in report.targets))
    # One region not the city: the title names it, for a county's figures stand under
    # the city's targets in the table (the county has none of its own).
    alone = regions[0] if len(regions) == 1 and regions[0] != plan.city.id else None
    title = t(
        "title.status_region" if alone else "title.status",
        lang,
        plan=(plan.plan.short_title or plan.plan.title).get(lang),
        as_of=report.as_of.label(lang),
        region=plan.region_by_id[alone].name.get(lang) if alone else "",
    )
    columns = _columns(lang)
    # The rows of each region and system, grouped once: a scan of every row for each
    # region and system is quadratic in the regions (8,000 counties took minutes).
    grouped: dict[tuple[str, str], list[TargetView]] = defaultdict(list)
    for v in report.targets:
        grouped[v.a.region, v.system].append(v)
    several = len(regions) > 1
    ends: set[int] = set()
    row = 0
    shown: list[TargetView] = []  # what the counts below count: the rows drawn
    for region in regions:
        county = several and region != plan.city.id
        if several:
            fit.add_row(columns, _heading(plan.region_by_id[region].name.get(lang), len(columns)))
            row += 1
        for system in plan.systems:
            views = [
                v for v in grouped.get((region, system.id), ()) if not (county and _city_only(v))
            ]
            if not views:
                continue
            fit.add_row(columns, _heading(f"{system.number} {system.name.get(lang)}", len(columns)))
            row += 1
            for v in views:
                fit.add_row(columns, _row(v, ctx, lang, county))
                row += 1
            shown.extend(views)
            ends.add(row - 1)
    table, dropped = fit.table(columns, width, title=title, section_ends=ends)
    parts: list[RenderableType] = [table]
    if dropped:
        parts.append(Text(fit.dropped_note(dropped, lang), style="yellow"))
    if several:
        parts.append(Text(t("note.county_target", lang), style="dim"))
    counts = tally(shown)
    # With several regions a count is of target × region rows, and says so.
    parts.append(_counts(counts, lang, len(shown) if several else None))
    missing = counts.get("no_data", 0)
    if missing:
        # No data is the honest state for most targets; say where the detail is.
        key = "hint.no_data_rows" if several else "hint.no_data"
        hint = Sentence(key, {"n": missing, "year": report.as_of.year}).render(lang, plain=True)
        parts.append(Text(hint, style="yellow"))
    return Group(*parts, _caption(ctx, lang))


def _counts(counts: dict[str, int], lang: Lang, rows: int | None) -> RenderableType:
    """The counts line, wrapped between items: a status word stays with its count and no
    line starts with the separator."""
    title = t("title.counts", lang) if rows is None else t("title.counts_rows", lang, n=rows)
    spans = [(title + t("word.colon", lang), "bold")]
    for word in (*STATUS_WORDS, "not_assessed"):
        n = counts.get(word)
        if not n:
            continue
        if len(spans) > 1:
            spans.append(("\u00a0· ", ""))  # the separator ends a line, never starts one
        # No-break spaces: "on track 3" is one item, never split across lines.
        item = f"{status_label(word, lang)} {n}".replace(" ", "\u00a0")
        spans.append((item, STATUS_STYLE.get(word, "")))
    return fit.Hanging("", fit.Paragraph(spans, "words"))


def _caption(ctx: Context, lang: Lang) -> RenderableType:
    """The method in a sentence and where the figures come from, wrapped as Chinese is
    typeset: no line starts with closing punctuation."""
    th = ctx.plan.assessment.thresholds
    method = t(
        "method.status.table",
        lang,
        on=th.on_track,
        risk=th.at_risk,
        deadline=text.deadline_words(lang, short=True),
    )
    sources = (
        f"{labelled(t('word.source', lang), shown_location(ctx.data_at, lang), lang)} · "
        f"{labelled(t('word.plan', lang), shown_location(ctx.plan_at, lang), lang)}"
    )
    return Group(
        fit.Hanging("", fit.para(method, "dim", mode="name")),
        fit.Hanging("", fit.para(sources, "dim", mode="name")),
    )
