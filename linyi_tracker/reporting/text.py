"""The words and figures of one target's view, in either language.

Every output — the status table, `show`, and the report in the terminal, Markdown,
HTML, CSV and Excel — takes its cell texts from here, made from the target's one view
(:mod:`linyi_tracker.reporting.view`), so a target reads the same wherever an analyst
meets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from linyi_tracker.actuals.numbers import PLAIN_NUMBER
from linyi_tracker.actuals.periods import Period
from linyi_tracker.assessment.engine import LACKING
from linyi_tracker.formatting import (
    SHARE,
    Scale,
    estimate,
    figure_style,
    kept_side,
    listed,
    moment_label,
    number,
    pace_percent,
    percent,
    percent_sign,
    phrase_of,
    shown_percent,
    shown_signed,
    signed,
    unit_scales,
    wan_scale,
    with_unit,
    worded,
)
from linyi_tracker.i18n import LABELS, Lang, labelled, status_label, t
from linyi_tracker.plan.models import Plan, Target
from linyi_tracker.reporting.view import TargetView, plan_target_view

if TYPE_CHECKING:  # not imported at run time: the status table needs none of the report model
    from linyi_tracker.reporting.model import DataGap, RegionRanking, RegionRow, Report

_SIGNS = {">=": "≥", "<=": "≤"}


def comparator_sign(comparator: str | None) -> str:
    return _SIGNS.get(comparator or "", comparator or "")


def name(v: TargetView, lang: Lang) -> str:
    return v.name.get(lang)


def unit(v: TargetView, lang: Lang) -> str | None:
    return v.unit_name.get(lang) if v.unit_name else None


def unit_key(v: TargetView, lang: Lang) -> str:
    """The unit a figure of ``v`` is styled with in a column (SHARE for a percentage)."""
    return style_key(unit(v, lang))


def style_key(unit_text: str | None) -> str:
    """The key a unit's figures are styled under in a column: SHARE for a percentage."""
    return SHARE if unit_text == "%" else unit_text or ""


def _one_decimal(value: Decimal | float) -> Decimal:
    """A computed percentage as shown: one decimal (10.9 %)."""
    return Decimal(f"{abs(float(value)):.1f}")


def growth_figure(value: Decimal, lang: Lang) -> str:
    """A growth figure (measure ``growth``) as a communiqué says it: 比上年增长8.1% /
    比上年下降2.7%, '8.1 % on the previous year' / 'down 2.7 % on the previous year'."""
    shown = number(abs(value), lang)
    if value < 0:
        return t("word.growth_figure_down", lang, value=shown)
    return t("word.growth_figure", lang, value=shown)


def period_label(period: Period | None, lang: Lang) -> str:
    """A period as a reader says it: 'Jun 2020' / '2020年6月'."""
    return "—" if period is None else period.label(lang)


def _pct(value: Decimal | float, lang: Lang, *, computed: bool) -> str:
    """A percent figure without its sign: '10.9%' (zh) / '10.9 %' (en). A ``computed``
    figure (a growth or change the tool worked out) at one decimal, as every computed
    percentage; a plan's figure as written (下降15%, 13.5%), by formatting.number."""
    exact = abs(Decimal(value))
    shown = f"{_one_decimal(value):.1f}" if computed else number(exact, lang, False)
    return f"{shown}{percent_sign(lang)}"


def _change_words(value: Decimal, comparator: str | None, lang: Lang, *, computed: bool) -> str:
    """'下降13.5%' / 'down 13.5 %', '提高2%' / 'up 2 %': a plan's figure as written, a
    ``computed`` change (what the tool worked out) at one decimal (:func:`_pct`). Said by
    the caller, never guessed from the value's type: a computed Decimal is still computed."""
    down = value < 0 or (value == 0 and comparator in ("<=", "<"))
    shown = _pct(value, lang, computed=computed)
    return t("word.change_down" if down else "word.change_up", lang, v=shown)


def _growth_target_words(v: TargetView, lang: Lang) -> str:
    """'7% 以上' / 'at least 7 %' (the comparator in words)."""
    a = v.a
    assert a.target is not None
    shown = _pct(a.target, lang, computed=False)
    key = _COMPARATOR_WORDS.get(a.comparator or "")
    return shown if key is None else t(key, lang, v=shown)


_COMPARATOR_WORDS = {
    ">=": "word.at_least",
    ">": "word.more_than",
    "<=": "word.at_most",
    "<": "word.below",
}


def year_span(start: int | None, end: int | None, lang: Lang) -> str:
    """A span of years, one style in every column: '2015—2020年' / '2015–2020'; one year
    alone when they are the same."""
    if start == end:
        return t("word.one_year", lang, year=start)
    return t("word.years", lang, start=start, end=end)


def noted(value: str, note: str, lang: Lang) -> str:
    """A figure and its period (or span) in brackets as each language writes them, the one
    bracket rule of every cell: '≥ 92%（2020年）' (full-width, no space) / '≥ 92 % (2020)'."""
    return f"{value}（{note}）" if lang == "zh" else f"{value} ({note})"


def relative_target(v: TargetView, lang: Lang) -> str:
    """A growth or change target: '年均增长 7% 以上（2020—2025年）' / 'average growth at
    least 7 % a year (2020–2025)'; '累计下降13.5%（2020—2025年）' / 'down 13.5 % in all
    (2020–2025)'. The years in the brackets of every other period cell."""
    a = v.a
    assert a.target is not None
    years = year_span(a.base_year, a.deadline, lang)
    wanted = figure_words("target", v, lang)
    key = "word.growth_target" if a.kind == "growth" else "word.change_target"
    return t(key, lang, wanted=wanted, years=years)


def relative_actual(v: TargetView, lang: Lang) -> str:
    """What a growth or change target reached: '年均增长 10.9%' / 'average growth 10.9 %
    a year'; '累计下降3.3%' / 'down 3.3 % in all'."""
    a = v.a
    near = relative_figure("actual", v)
    if near is None:
        return "—"
    if a.kind == "growth":
        shown = signed(_pct(near, lang, computed=True), near < 0)
        return t("word.growth_actual", lang, v=shown)
    done = _change_words(near, None, lang, computed=True)
    return t("word.change_actual", lang, v=done)


def relative_phrase(v: TargetView, lang: Lang) -> str | None:
    """'年均增长 10.9%，目标 7% 以上' / 'average growth 10.9 % a year, target at least 7 %';
    '累计下降3.3%，目标下降13.5%' / 'down 3.3 % in all, target down 13.5 %'."""
    a = v.a
    if a.actual is None or a.target is None:
        return None
    if a.kind == "growth":
        wanted = _growth_target_words(v, lang)
        return t("word.growth_phrase", lang, actual=relative_actual(v, lang), wanted=wanted)
    wanted = _change_words(a.target, a.comparator, lang, computed=False)
    return t("word.change_phrase", lang, actual=relative_actual(v, lang), wanted=wanted)


def binding(v: TargetView, lang: Lang) -> str:
    """约束性 / 预期性 ('binding' / 'expected'), or '' when the plan does not say."""
    if v.binding is None:
        return ""
    return t("word.binding" if v.binding else "word.expected", lang)


def plan_target(plan: Plan, tg: Target, lang: Lang) -> str:
    """A target as ``plan`` lists it: the words every other command writes (:func:`target`,
    without the binding mark, which the plan's line adds itself), its figure in its own
    scale (the plan has no table of figures for it to share one with)."""
    return _target(plan_target_view(plan, tg), lang)


def target(v: TargetView, lang: Lang) -> str:
    """The target as written, marked 约束性/预期性 where the plan says which."""
    said = _target(v, lang)
    mark = binding(v, lang)
    return f"{said} · {mark}" if mark else said


def _target(v: TargetView, lang: Lang) -> str:
    a = v.a
    if a.kind in ("growth", "change"):
        return relative_target(v, lang)
    if a.kind == "milestone":
        if v.count_total is not None:
            return t(
                "word.count_by",
                lang,
                total=v.count_total,
                unit=unit(v, lang) or "",
                year=a.deadline,
            )
        return t("word.done_by", lang, year=a.deadline)
    if a.kind == "qualitative":
        return t("word.judgement_by", lang, year=a.deadline)
    value = f"{comparator_sign(a.comparator)} {figure_words('target', v, lang)}"
    if a.kind == "annual":
        if a.target_year is not None:
            # the year's own value (年度计划), never said as due every year of the span
            return noted(value, t("word.year_plan", lang, year=a.target_year), lang)
        if a.start != a.deadline:
            value = phrase_of((value, t("word.per_year", lang)), lang)
        return noted(value, year_span(a.start, a.deadline, lang), lang)
    if a.kind == "cumulative":
        return noted(value, t("word.sum_over", lang, start=a.start, end=a.deadline), lang)
    return noted(value, t("word.by", lang, year=a.deadline), lang)


def actual(v: TargetView, lang: Lang) -> str:
    a = v.a
    if a.actual_period is None:
        if a.partial is not None:
            when = period_label(a.partial.period, lang)
            # in the row's scale and unit, as its target beside it (row_scale)
            total = row_scale(v, lang).amount(a.partial.total, unit(v, lang), lang)
            return noted(phrase_of((t("word.partial", lang), total), lang), when, lang)
        return "—"
    when = period_label(a.actual_period, lang)
    if a.kind == "qualitative" and a.judgement:
        return noted(status_label(a.judgement, lang), when, lang)
    if a.actual is None:
        word = t("word.done", lang) if a.actual_word == "done" else t("word.not_done", lang)
        return noted(word, when, lang)
    if a.kind in ("growth", "change"):
        years = year_span(a.base_year, a.actual_period.year, lang)
        return noted(str(figure_words("actual", v, lang)), years, lang)
    if (
        a.kind == "cumulative"
        and a.start is not None
        and a.start < a.actual_period.year
        and a.actual_period.kind == "year"
        and not a.missing_years
    ):
        # a sum over whole years, not the last year's figure: 6,564万人（2016—2020年合计）.
        # A sum with a year missing is not one (its status names the year); one that ends
        # in a part of a year keeps that period (year to date, as every flow's figure).
        when = t("word.sum_over", lang, start=a.start, end=a.actual_period.year)
    return noted(str(figure_words("actual", v, lang)), when, lang)


def gap(v: TargetView, lang: Lang) -> str:
    """The gap in the target's unit; for a percentage, in percentage points."""
    return figure_words("gap", v, lang) or "—"


def _gap_words(v: TargetView, lang: Lang) -> str:
    """A growth or change target's gap, computed, in points: one decimal, as shown (an
    amount's gap is :func:`amount_figure`'s)."""
    shown = relative_figure("gap", v)
    assert shown is not None
    return t("word.points_gap", lang, v=signed(str(abs(shown)), shown < 0))


def relative_figure(column: str, v: TargetView) -> Decimal | None:
    """The figure a growth or change target's words hold for ``column`` (target, actual,
    gap, projected), signed, as they round it: the one figure its words and the workbook's
    cell (render/excel.py: Excel would round 6.96 up to 7.0) are made from. The target as
    written; the actual at one decimal never across 0 or the target it is judged by (6.96 %
    against ≥ 7 % reads 6.9 %; a fall of 13.46 % against ≤ −13.5 % reads 13.4 %); the gap at
    one decimal never 0.0 when short; a change's projection at one decimal, a growth's (the
    relative level at the deadline, 1.52 × the base year) at 0.01. None where there is none."""
    a = v.a
    lower = a.comparator in ("<=", "<")
    if column == "target":
        return a.target
    if column == "actual" and isinstance(a.actual, Decimal):
        # kept_side's bound is met from above: a lower-is-better figure is kept negated
        bounds = (Decimal(0),) if a.target is None else (Decimal(0), a.target)
        if lower:
            return -kept_side(-a.actual, tuple(-b for b in bounds), 1)
        return kept_side(a.actual, bounds, 1)
    if column == "gap" and a.gap is not None:
        # short is a gap above 0 for a rise (g − g_a) and below 0 for a fall (c − C, c < 0)
        return kept_side(a.gap, (Decimal(0),), 1) if lower else -kept_side(-a.gap, (Decimal(0),), 1)
    if column == "projected" and v.projected is not None:
        if a.kind == "growth":
            return v.projected.quantize(Decimal("0.01"))
        return Decimal(f"{float(v.projected):.1f}") + 0  # + 0: no '-0.0'
    return None


def figure_words(column: str, v: TargetView, lang: Lang) -> str | None:
    """The words a table writes for one figure of ``v`` (``column``: target, actual, gap
    or projected), without its comparator or period: '下降15%', '7%以上', '8.5万人',
    '−0.4个百分点', '期末为基期（2015年）的1.52倍'; None where there is no figure. The
    table's cells are made of these, and the workbook's number formats say them
    (render/excel.py), so a cell never reads '−15%' beside a table's '下降15%': the one
    dispatch of a figure's words, which :func:`target`, :func:`actual`, :func:`gap` and
    :func:`projected` wrap with a comparator, a period or a dash. Every output's figure
    of a target is made here, so it reads the same in every table and file: at its
    written precision, in its row's scale (:func:`row_scale`)."""
    a = v.a
    if a.kind in ("growth", "change"):
        if column == "target" and a.target is not None:
            if a.kind == "growth":
                return _growth_target_words(v, lang)
            return _change_words(a.target, a.comparator, lang, computed=False)
        if column == "actual" and isinstance(a.actual, Decimal) and a.actual_period is not None:
            return relative_actual(v, lang)
        if column == "gap" and a.gap is not None:
            return _gap_words(v, lang)
        if column == "projected" and v.projected is not None:
            return _projected_words(v, lang)
        return None
    shown = amount_figure(column, v, lang)
    if shown is None:
        return None
    value, wan = shown
    u = unit(v, lang)
    if column == "gap" and u == "%":  # a percentage's gap in points
        return t("word.points_gap", lang, v=number(value, lang, wan))
    if column == "gap" and u == ":1":  # a ratio's gap, a plain number
        return number(value, lang, wan)
    return with_unit(value, u, lang, wan)


def chart_figure(value: Decimal, v: TargetView, lang: Lang) -> str:
    """A figure of ``v``'s series (view.Chart.figures) as its row writes a figure, without
    the unit (the chart's axis names it): at its written precision, in the row's scale
    (:func:`row_scale`, as the chart's axis) — 96.50 beside the table's 96.50%, 1.2345万
    beside 1.2345万人, never re-rounded from the float the chart is drawn with."""
    return number(value, lang, row_scale(v, lang).of(unit(v, lang)))


def amount_figure(column: str, v: TargetView, lang: Lang) -> tuple[Decimal, bool | None] | None:
    """The amount :func:`figure_words` writes for ``column`` of ``v``, with whether it is
    written in 万 — the one choice of 万 that the words and the workbook's cell
    (:func:`figure_scale`) are both made from, the row's (:func:`row_scale`); None for a
    growth or change figure (worded, never in 万) or where there is no figure. A
    percentage's gap is in points; a ratio's gap plain."""
    a = v.a
    if a.kind in ("growth", "change"):
        return None
    u = unit(v, lang)
    wan = row_scale(v, lang).of(u)
    value: Decimal | None = None
    if column == "target":
        value = a.target
    elif column == "actual" and isinstance(a.actual, Decimal) and a.actual_period is not None:
        value = a.actual
    elif column == "gap" and a.gap is not None:
        if u == "%":
            return a.gap, False
        if u == ":1":
            return a.gap, None
        value = a.gap
    elif column == "projected" and v.projected is not None:
        value = _shown_estimate(v, lang, wan)
    return None if value is None else (value, wan)


def figure_scale(column: str, v: TargetView, lang: Lang) -> int:
    """The power of ten :func:`figure_words` divides ``column``'s figure of ``v`` by: 4
    where it writes the figure in 万 (8.59万人), else 0 — read off the words' own choice
    (:func:`amount_figure`), so the workbook's cell holds the figure in the scale its table
    writes without reading the words back. A growth or change figure, a percentage and a
    ratio's gap are never in 万; neither is a name or unit that holds 万 (万元GDP能耗,
    万人次): only the row's scale decides."""
    shown = amount_figure(column, v, lang)
    if shown is None:
        return 0
    value, wan = shown
    return 4 if figure_style(value, lang, wan)[0] else 0


def column_figures(column: str, v: TargetView, lang: Lang) -> list[tuple[Decimal, str]]:
    """The amounts a cell of ``column`` (target, actual, gap, projected) shows for ``v``,
    each with its unit: what a row's scale (:func:`row_scale`) is decided on. A growth or
    change figure and a ratio are never in 万 (:func:`amount_figure`): none."""
    a = v.a
    if column == "actual" and a.actual_period is None and a.partial is not None:
        return [(a.partial.total, unit_key(v, lang))]
    if a.kind in ("growth", "change") or (v.unit_name is not None and v.unit_name.en == ":1"):
        return []
    figure: Decimal | None = None
    if column == "target" and a.kind in ("level", "annual", "cumulative"):
        figure = a.target
    elif column == "actual" and a.actual_period is not None and a.kind != "qualitative":
        figure = a.actual
    elif column == "gap":
        figure = a.gap
    elif column == "projected" and v.projected is not None:
        figure = _shown_estimate(v, lang)
    return [] if figure is None else [(figure, unit_key(v, lang))]


def _shown_estimate(v: TargetView, lang: Lang, wan: bool | None = None) -> Decimal:
    assert v.a.projected is not None
    written = (v.a.target, v.a.actual)
    return estimate(v.a.projected, v.unit_name.en if v.unit_name else "", lang, wan, written)


FIGURE_COLUMNS = ("target", "actual", "gap", "projected")


def row_scale(v: TargetView, lang: Lang) -> Scale:
    """Whether each unit's figures of ``v`` are written in 万, decided over the row's own
    four figures (its target, actual, gap and projection: formatting.unit_scales): the one
    decision every output takes a target's figures from, so the row reads the same in the
    status table, ``show``, each report table and the workbook, and a chart's axis beside
    it (charts.report_specs) in the same scale."""
    figures = (f for c in FIGURE_COLUMNS for f in column_figures(c, v, lang))
    return Scale(unit_scales(figures, lang))


def schedule(v: TargetView, lang: Lang, short: bool = False, shortfall: bool = False) -> str:
    """The schedule gap as what it is: '超时序进度31.8个百分点' / 'ahead of schedule by 31.8
    points'; ``short``, as a table cell under a header that names the unit (较时序进度
    （百分点） / 'vs. schedule (pts)'): '超31.8' / '+31.8'. A target whose time is up says
    met or missed at its deadline (view.target_standing), a missed one with its gap where
    a sentence has room for it (到期未达成，差2,500套(户)), never a lag behind a schedule
    that is over; an annual target's year missed before the deadline says so of the year.
    With ``shortfall``, a missed one says by how much, as a sentence does
    (:func:`phrase`, ``show``)."""
    key = "schedule.short" if short else "schedule"
    standing = v.standing
    if standing == "met_at_deadline":
        return t(f"{key}.met_at_deadline", lang)
    if standing == "missed_at_deadline":
        if shortfall and not short and v.a.gap is not None:
            return t(f"schedule.{_missed_word(v)}_by", lang, gap=gap(v, lang))
        return t(f"{key}.{_missed_word(v)}", lang)
    if standing is None or v.a.schedule_gap is None:
        return "—"
    return t(f"{key}.{standing}", lang, points=str(abs(shown_percent(v.a.schedule_gap))))


def _missed_word(v: TargetView) -> str:
    """'missed_at_deadline', or 'missed_year' for an annual target's year gone by before
    its deadline."""
    return "missed_year" if v.a.kind == "annual" and not v.at_deadline else "missed_at_deadline"


def deadline_words(lang: Lang, short: bool = False) -> str:
    """What the words of a target whose time is up mean, filled with the words the reader
    sees (``short``: the status table's, 到期达成 / 'missed at deadline'; else the report's,
    到期已达成 / 'missed at the deadline'): the one text the status line and the report's
    method list both say."""
    key = "schedule.short" if short else "schedule"
    words = {w: t(f"{key}.{w}", lang) for w in DEADLINE_WORDS}
    return t(
        "method.deadline_words",
        lang,
        met=words["met_at_deadline"],
        missed=words["missed_at_deadline"],
        year=words["missed_year"],
    )


# The schedule words of a target whose time is up (:func:`schedule`, :func:`_missed_word`).
DEADLINE_WORDS = ("met_at_deadline", "missed_at_deadline", "missed_year")


def time_elapsed(v: TargetView, lang: Lang) -> str:
    return percent(v.time_progress, lang)


def progress(v: TargetView, lang: Lang) -> str:
    """The progress since the starting point in percent, one decimal (formatting.percent):
    the figure :func:`level_progress` says in a sentence."""
    return percent(v.a.progress, lang)


def achievement(v: TargetView, lang: Lang) -> str:
    """The achievement in percent, never rounded across 100 % or an ≈ target's tolerance
    (formatting.shown_percent, view.TargetView.achievement_bounds): a missed target never
    reads 100.0 %."""
    return percent(v.a.achievement, lang, v.achievement_bounds)


def pace(v: TargetView, lang: Lang) -> str:
    """The pace (share of the required speed) in percent, never rounded across a
    threshold (:func:`linyi_tracker.formatting.shown_pace`): the one rule every output's
    pace follows."""
    return pace_percent(v.pace, v.pace_bounds, lang)


def projected(v: TargetView, lang: Lang) -> str:
    """A projection is an estimate: shown at the precision of the figures beside it
    (formatting.estimate; JSON keeps it whole)."""
    return figure_words("projected", v, lang) or "—"


def projected_label(v: TargetView, lang: Lang) -> str:
    """What a projection is of, where a label stands beside it: an annual target's is its
    year's total (the year-to-date figure ÷ time elapsed), not a figure at the plan's
    deadline — 'projected at deadline 125,550' beside a 2016 figure of a 2015–2020 target
    read as 2020's figure."""
    return t("word.projected_year" if v.a.kind == "annual" else "word.projected", lang)


def _projected_words(v: TargetView, lang: Lang) -> str:
    """A growth or change target's projection (an amount's is :func:`amount_figure`'s)."""
    shown = relative_figure("projected", v)
    assert shown is not None
    if v.a.kind == "growth":  # the relative level at the deadline: 1.52 × the base year
        return t("word.relative_level", lang, ratio=f"{shown}", year=v.a.base_year)
    return _change_words(shown, None, lang, computed=True)


def status_extras(v: TargetView, lang: Lang) -> list[str]:
    """What qualifies a status: the judgement, on time or late, regressing, revised, gaps."""
    a = v.a
    extras = []
    if a.judgement:
        extras.append(status_label(a.judgement, lang))
    if a.status == "done" and a.on_time is not None:
        extras.append(t("word.on_time", lang) if a.on_time else t("word.late", lang))
    if a.regressing:
        fell_back = "fell-back" in a.reasons
        extras.append(t("word.fell_back" if fell_back else "word.regressing", lang))
    if a.revised:
        extras.append(t("word.revised", lang))
    short = missing(v, lang)
    if short is not None:
        extras.append(short)
    elif a.missing_years:  # a sum met in spite of a missing year still names it
        extras.append(t("word.missing_years", lang, years=listed(a.missing_years, lang)))
    return extras


# Why an assessment is short of data (engine reason codes), as looked for: a figure
# missing (engine.LACKING), or every figure there but no pace to judge by.
SHORT_OF = (*LACKING, "no-pace")


def short_of(v: TargetView) -> str | None:
    """The reason code of an insufficient-data target that says what it lacks, or None."""
    a = v.a
    if a.status != "insufficient_data":
        return None
    found = next((r for r in a.reasons if r in SHORT_OF), None)
    if found in ("missing-years", "missing-link") and not a.missing_years:
        return None  # no year to name: the reason itself says it
    return found


def _lacking(v: TargetView, lang: Lang) -> dict[str, object]:
    a = v.a
    return {
        "year": a.actual_period.year if a.actual_period is not None else "",
        "period": period_label(a.actual_period, lang),
        "years": listed(a.missing_years, lang),
    }


def missing(v: TargetView, lang: Lang) -> str | None:
    """What an insufficient-data target lacks, in a status cell's few words: 缺2016年全年数 /
    'no full-year 2016 figure'; None for any other target. Every status cell says it
    (status_extras), in place of figures worked out from data that are not there."""
    reason = short_of(v)
    if reason is None:
        return None
    return short_words(reason, lang, v.a.missing_years, **_lacking(v, lang))


def short_words(reason: str, lang: Lang, missing_years: Sequence[int], **fields: object) -> str:
    """A reason short of data in a cell's few words, the one rule a city's status cell
    (:func:`missing`) and a county's row (:func:`row_reasons`) both follow: the years a sum
    or chain lacks named (缺2018年数据 / 'no figure for 2018'), any other reason by its short
    label (缺2016年全年数 / 'no full-year 2016 figure') with ``fields`` (year, period)."""
    if reason in ("missing-years", "missing-link") and missing_years:
        return t("word.missing_years", lang, years=listed(missing_years, lang))
    return t(f"reason.short.{reason}", lang, **fields)


def missing_todo(v: TargetView, lang: Lang) -> str | None:
    """What an insufficient-data target lacks and what to do, as a sentence: the reason
    (reason.*, as `show` lists every reason) and the action — which figure of which year,
    and what sending it makes possible; None for any other target."""
    reason = short_of(v)
    if reason is None:
        return None
    action = t(f"todo.{reason}", lang, **_lacking(v, lang))
    return t("todo.sentence", lang, reason=t(f"reason.{reason}", lang), action=action)


def status(v: TargetView, lang: Lang) -> str:
    return status_label(v.a.status, lang) + "".join(f" · {e}" for e in status_extras(v, lang))


def history(v: TargetView, lang: Lang) -> str:
    """ "Met in N of M years", from the assessment's history (the one rule, engine.py)."""
    met = v.met_years
    if met is None:
        return "—"
    return t("word.met_in", lang, met=met[0], total=met[1])


def phrase(v: TargetView, lang: Lang) -> str | None:
    """The Chinese planning habit: 完成年度目标的98.5%，超时序进度31.8个百分点. A target short
    of data says as of when and what is missing (截至2016年8月，完成年度目标的98.5%；缺2016年
    全年数): a Jan–Aug figure's share of an annual target is no result for the year, and
    every output that shows the phrase (report, CSV, workbook) says so in the same words."""
    said = _phrase(v, lang)
    short = missing(v, lang)
    if short is None:
        return said
    if said is None or v.a.actual_period is None:
        return short
    return t(
        "phrase.short_of",
        lang,
        said=said,
        period=period_label(v.a.actual_period, lang),
        missing=short,
    )


def _phrase(v: TargetView, lang: Lang) -> str | None:
    a = v.a
    if a.kind in ("growth", "change"):
        return relative_phrase(v, lang)
    if a.achievement is None:
        return None
    pct = shown_signed(shown_percent(a.achievement, v.achievement_bounds))
    kind = a.kind if a.kind in ("annual", "cumulative", "milestone") else "level"
    if kind == "level" and a.comparator in ("<", "<="):
        # T/A where lower is better (assessment.md): 0.6 % against < 5 % is 833.3 %, which
        # is no share "of the target level"; the sentence says what the figure is.
        kind = "level_lower"
    said = t(f"phrase.{kind}", lang, pct=pct, start=a.start, end=a.deadline)
    if a.kind == "level" and v.standing is not None:
        # A level's schedule gap is measured on progress from the starting point, not on
        # A/T: one base per sentence (assessment.md, level), so the progress is named.
        said = t("phrase.with_progress", lang, said=said, progress=level_progress(v, lang))
    if v.standing is not None:
        # missed, with by how much: 到期未达成，差2,500套(户) — the time is over, the gap stays
        said = t(
            "phrase.with_schedule", lang, said=said, schedule=schedule(v, lang, shortfall=True)
        )
    return said


def level_progress(v: TargetView, lang: Lang) -> str:
    """The progress a level's schedule gap is measured on: '自2015年起点已完成应提升幅度的
    40.0%' / '40.0 % of the way from the 2015 starting point' (自2017年6月起点 / from the
    Jun 2017 starting point: the period time elapsed is measured from)."""
    a = v.a
    if a.progress is None or a.starting_point is None or a.target is None:
        return ""
    start, a0 = a.starting_point
    prog = shown_signed(shown_percent(a.progress))
    if a.progress < 0:
        key = "phrase.level_back"
    else:
        key = "phrase.level_rise" if a.target > a0 else "phrase.level_fall"
    return t(key, lang, start=period_label(start, lang), pct=prog)


def detail(v: TargetView, lang: Lang) -> str:
    """A summary item: the phrase where there is one, else the status."""
    return phrase(v, lang) or status(v, lang)


def title(report: Report, lang: Lang) -> str:
    plan = report.short_title_zh if lang == "zh" else report.short_title_en
    return t("report.title", lang, plan=plan, year=report.year)


def generated(report: Report, lang: Lang) -> str:
    """When the report was made, as every format shows it: 2026年12月6日 21:16 /
    2026-12-06 21:16 (the JSON keeps the exact time)."""
    return moment_label(report.generated, lang)


def as_of(report: Report, lang: Lang) -> str:
    return report.as_of.label(lang)


def reasons(v: TargetView, lang: Lang) -> list[str]:
    return [t(f"reason.{r}", lang) for r in v.a.reasons]


# The columns of the per-system tables, shared by every tabular format.
SYSTEM_COLUMNS = (
    "col.indicator",
    "col.target",
    "col.actual",
    "col.achievement",
    "col.gap",
    "report.pace",
    "report.projected",
    "col.status",
)


def system_cells(line: TargetView, lang: Lang) -> list[str]:
    label = ("↳ " if line.a.component_of else "") + name(line, lang)
    return [
        label,
        target(line, lang),
        actual(line, lang),
        achievement(line, lang),
        gap(line, lang),
        pace(line, lang),
        projected(line, lang),
        status(line, lang),
    ]


def system_rows(lines: Sequence[TargetView], lang: Lang) -> list[list[str]]:
    """The rows of a per-system table."""
    return [system_cells(ln, lang) for ln in lines]


# The annual-targets table and the region rankings, shared by every tabular format.
ANNUAL_COLUMNS = (
    "col.indicator",
    "col.target",
    "col.actual",
    "report.phrase",
    "report.history",
    "col.status",
)
RANKING_COLUMNS = (
    "report.rank",
    "col.region",
    "col.value",
    "col.achievement",
    "col.status",
    "col.reason",
)


def row_reasons(
    reasons: Sequence[str],
    lang: Lang,
    year: int,
    missing_years: Sequence[int],
    *,
    revised: bool = False,
) -> str:
    """Why a county row has no achievement or status, or what qualifies it, in a table
    cell's few words (无县级目标, 已达标后回落, 仅2019年一年数据, 缺2018年数据: the words a
    status cell says, :func:`short_words`; ``year`` that of the row's figure,
    ``missing_years`` the years its sum or chain lacks; ``revised``: the row is made of a
    revised figure, 已修订 as the city's status cell says); '—' when nothing needs saying."""
    shown = [r for r in reasons if not (r == "start-met" and "fell-back" in reasons)]
    words = [
        short_words(r, lang, missing_years, year=year)
        if f"reason.short.{r}" in LABELS or (r in SHORT_OF and missing_years)
        else t(f"reason.{r}", lang)
        for r in shown
    ]
    if revised:
        words.append(t("word.revised", lang))
    return ("；" if lang == "zh" else "; ").join(words) or "—"


def annual_cells(line: TargetView, lang: Lang) -> list[str]:
    return [
        name(line, lang),
        target(line, lang),
        actual(line, lang),
        phrase(line, lang) or "—",
        history(line, lang),
        status(line, lang),
    ]


def annual_rows(lines: Sequence[TargetView], lang: Lang) -> list[list[str]]:
    """The rows of the annual-targets table."""
    return [annual_cells(ln, lang) for ln in lines]


def ranking_scale(ranking: RegionRanking, lang: Lang) -> bool:
    """Whether a county ranking's value column is in 万 (formatting.wan_column, Chinese
    only): the one rule its table, its workbook sheet and its chart's axis follow. Each
    figure keeps its written precision (formatting.number)."""
    return wan_scale([r.value for r in ranking.rows], lang)


def ranking_figure(value: Decimal, ranking: RegionRanking, lang: Lang) -> str:
    """A county's figure as its ranking's value cell writes it, without the unit: at its
    written precision, in the ranking's scale (:func:`ranking_scale`) — what the counties'
    chart labels its dot with."""
    return number(value, lang, ranking_scale(ranking, lang))


def ranking_cells(rank: int, row: RegionRow, ranking: RegionRanking, lang: Lang) -> list[str]:
    """The cells of one row of a county ranking; ``rank`` its place, shared with equal
    figures (RegionRanking.ranks, worked out once a ranking: 4, 4, 6, 6)."""
    unit_name = ranking.unit_zh if lang == "zh" else ranking.unit_en
    wan = ranking_scale(ranking, lang)
    value = (
        worded(row.text, lang) if row.value is None else with_unit(row.value, unit_name, lang, wan)
    )
    share = (
        "—"
        if row.achievement is None
        else percent(row.achievement, lang, ranking.achievement_bounds)
    )
    return [
        str(rank),
        row.name_zh if lang == "zh" else row.name_en,
        value,
        share,
        status_label(row.status, lang) if row.status else "—",
        row_reasons(row.reasons, lang, ranking.period.year, row.missing_years, revised=row.revised),
    ]


def ranking_title(ranking: RegionRanking, lang: Lang) -> tuple[str, str]:
    """(heading, how it is ranked)."""
    how = t(f"report.ranked_by_{ranking.ranked_by}", lang)
    return (
        f"{ranking.name_zh if lang == 'zh' else ranking.name_en} · {period_label(ranking.period, lang)}",
        how,
    )


def not_reported(ranking: RegionRanking, lang: Lang) -> str | None:
    if not ranking.missing:
        return None
    names = listed(ranking.missing_zh if lang == "zh" else ranking.missing_en, lang)
    return labelled(t("word.not_reported", lang), names, lang)


def last_figure(gap: DataGap, lang: Lang) -> str:
    """A target's last figure before the report's year, as the completeness table shows
    it in every format: the figure in the reader's words and its period (正常推进（2018年）)."""
    if gap.last_period is None:
        return "—"
    return noted(last_value(gap, lang), gap.last_period.label(lang), lang)


def last_value(gap: DataGap, lang: Lang) -> str:
    """A target's last figure without its period, as every figure is shown: in its unit at
    its written precision (60.0%, 1.62:1, 2.7624万元), a word or date in words; the
    workbook's completeness sheet writes it beside the period's own column."""
    value = gap.last_value or ""
    if PLAIN_NUMBER.match(value):
        return with_unit(Decimal(value), gap.unit_zh if lang == "zh" else gap.unit_en, lang)
    return worded(value, lang)
