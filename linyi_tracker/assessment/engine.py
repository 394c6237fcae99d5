"""Achievement, gap, time progress, schedule gap, pace, projection and status.

Pure functions of (plan, store, as-of period): no terminal, no files. Each rule is the
one written in ``docs/method.md``; where the method leaves a case open, the choice
made is written beside the code and in that document:

- a level target's actual is an observation inside the target's years; an earlier
  one (e.g. 2012 for a 2015–2020 plan) is a starting point, never judged as the actual;
- an annual target whose year is over but whose only figure is year-to-date (Jan–Aug)
  is ``insufficient_data``, not ``missed``: the year's total is not known;
- schedule gap is achievement − time progress for annual and cumulative targets, and
  progress − time progress for level targets (progress since the starting point);
- time progress of an annual or cumulative target counts the months the figure itself
  covers (``m(Pa)``), not the months of the as-of period: see :func:`months_covered`;
- the history ("met in N of M years") is made here once, for every view: see
  :func:`_annual_history`;
- projection: level, compound growth to the deadline; annual and cumulative, the
  year-to-date (or running) figure divided by time progress.

Long because it is the whole rule book of docs/method.md (one section a target kind,
in the order of that document), so that every command computes a figure in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from linyi_tracker import clock
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.assessment.series import (
    DERIVED_FILE,
    PartialSum,
    Series,
    SeriesBook,
    series_for,
)
from linyi_tracker.plan.models import (
    AnnualTarget,
    ChangeTarget,
    CumulativeTarget,
    GrowthTarget,
    LevelTarget,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
    Target,
)

QUANTITATIVE = ("level", "annual", "cumulative", "growth", "change")
RELATIVE = ("growth", "change")  # judged on the relative level R(y) = X(y)/X(y0)


@dataclass(frozen=True, slots=True)
class YearResult:
    """One year of a target's history: its figure (if any) and whether it met the target.

    ``met`` is None when the year has no full-year figure: a year-to-date figure, or
    none at all, does not say whether the year was met, so the year is not judged.
    """

    year: int
    actual: Decimal | None
    period: Period | None
    met: bool | None


@dataclass
class Assessment:
    """Everything computed for one target in one region as of one period."""

    target_id: str
    indicator: str
    kind: str
    region: str
    comparator: str | None
    target: Decimal | None
    start: int | None
    deadline: int
    unit: str | None
    actual: Decimal | None = None
    actual_word: str | None = None
    actual_period: Period | None = None
    achievement: float | None = None
    gap: Decimal | None = None
    time_progress: float | None = None
    schedule_gap: float | None = None
    progress: float | None = None
    pace: float | None = None
    projected: Decimal | None = None
    status: str | None = None
    regressing: bool = False
    judgement: str | None = None
    on_time: bool | None = None
    count_total: int | None = None
    # a level target's starting point: its period (the plan's baseline year, or the first
    # figure's own period, 2017-06 as written) and value; time and pace count from its end
    starting_point: tuple[Period, Decimal] | None = None
    # the figure the starting point is, when it is one (not the plan's baseline): a
    # revision of it changes progress and pace, so it marks the result (made_of_revised)
    starting_figure: Observation | None = field(default=None, repr=False)
    history: list[YearResult] = field(default_factory=list)
    missing_years: list[int] = field(default_factory=list)
    partial: PartialSum | None = None
    revised: bool = False
    # an annual target's year whose own value (年度计划, values:) ``target`` is; None when
    # ``target`` is the plan's value for every year
    target_year: int | None = None
    component_of: str | None = None
    components: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    evidence: list[Observation] = field(default_factory=list)
    binding: bool | None = None  # 约束性 / 预期性, as the plan says; None when it does not
    # growth and change: the base year y0 and the relative level R(ya) = X(ya)/X(y0)
    base_year: int | None = None
    relative: float | None = None

    @property
    def met_years(self) -> tuple[int, int] | None:
        """(years met, years judged) — "met in N of M years" — or None when no year of
        the history has a full-year figure. Every view says the history from here."""
        judged = [h for h in self.history if h.met is not None]
        if not judged:
            return None
        return sum(1 for h in judged if h.met), len(judged)


@dataclass
class StatusReport:
    """Every assessment asked for, as of one period (counted and shown by reporting/view.py)."""

    as_of: Period
    assessments: list[Assessment]
    # The series they were assessed on, for the views drawn from them (reporting/view.py)
    book: SeriesBook | None = field(default=None, repr=False, compare=False)


def default_as_of(
    store: Store, plan: Plan, year: int | None = None, today: date | None = None
) -> Period:
    """The latest period with a figure of an indicator that has a target; without one,
    the last complete year.

    Figures of monitoring indicators (a census population) say nothing about where a
    target stands, so they do not move the analyst's "now": the shipped data's 2020
    census would otherwise put every target at 2020 and hide the 2016 figures.
    With ``year`` (a report on that year): the latest such period within it, or the
    whole year when it has none.
    """
    targeted = {t.indicator for t in plan.targets}
    if year is not None:
        within = [
            o.period
            for o in store.observations
            if o.period.year == year and o.indicator in targeted
        ]
        return max(within, key=lambda p: p.sort_key) if within else Period.of_year(year)
    latest = store.latest_period(targeted)
    if latest is not None:
        return latest.period
    day = today or clock.today()
    return Period.of_year(min(day.year - 1, plan.plan.period.end))


def assess_all(
    plan: Plan, store: Store, as_of: Period, regions: list[str] | None = None
) -> StatusReport:
    """Assess every target of the plan for each region asked (default: the city)."""
    wanted = regions or [plan.city.id]
    book = SeriesBook(plan, store)
    out: list[Assessment] = []
    for region in wanted:
        for target in plan.targets:
            out.append(assess(plan, store, target, as_of, region, book))
    return StatusReport(as_of, out, book)


def stated(plan: Plan, target: Target, region: str) -> Assessment:
    """``target`` in ``region`` as the plan states it, before any figure is looked at:
    what every assessment starts from, and what ``plan`` writes of a target
    (view.plan_target_view)."""
    whole = plan.whole_of(target.id)
    return Assessment(
        target_id=target.id,
        indicator=target.indicator,
        kind=target.kind,
        region=region,
        comparator=getattr(target, "comparator", None),
        target=getattr(target, "value", None),
        start=getattr(target, "start", None),
        deadline=target.deadline,
        unit=plan.indicator_by_id[target.indicator].unit,
        component_of=whole.id if whole else None,
        components=list(getattr(target, "components", [])),
        binding=target.binding,
    )


def assess(
    plan: Plan,
    store: Store,
    target: Target,
    as_of: Period,
    region: str,
    book: SeriesBook | None = None,
) -> Assessment:
    """One target in one region as of a period; ``book``: the command's series, each
    worked out once (without one, the series is worked out here)."""
    indicator = plan.indicator_by_id[target.indicator]
    if book is None:
        series = series_for(plan, store, indicator, region)
    else:
        series = book.series(indicator, region)
    a = stated(plan, target, region)
    city_wide = target.region is None
    if (
        region != plan.city.id
        and city_wide
        and indicator.aggregate == "sum"
        and target.kind in QUANTITATIVE
    ):
        # A region's share of a city-wide sum has no target of its own.
        _latest_only(a, series, as_of)
        a.reasons.append("region-no-target")
    elif isinstance(target, LevelTarget):
        _level(plan, target, a, series, as_of)
    elif isinstance(target, AnnualTarget):
        _annual(plan, target, a, series, as_of)
    elif isinstance(target, CumulativeTarget):
        _cumulative(plan, target, a, series, as_of)
    elif isinstance(target, MilestoneTarget):
        _milestone(plan, target, a, series, as_of, region)
    elif isinstance(target, QualitativeTarget):
        _qualitative(a, series, as_of)
    elif isinstance(target, GrowthTarget | ChangeTarget):
        growth = [o for o in store.growth_series(target.indicator, region) if o.period.is_full_year]
        _relative(plan, target, a, series, growth, as_of)
    if a.actual_period is not None:
        start = [a.starting_figure] if a.starting_figure is not None else []
        a.revised = made_of_revised(plan, store, [*a.evidence, *start])
    if a.status == "no_data" and a.kind in QUANTITATIVE and _growth_only(store, a, as_of):
        # A growth figure never stands in for a level (assessment.md, "Figures given as
        # growth rates"): there are figures, but none this target can be judged on.
        a.status = "insufficient_data"
        a.reasons.append("only-growth-figures")
    if a.status == "insufficient_data" and any(r in LACKING for r in a.reasons):
        _nothing_derived(a)
    return a


def made_of_revised(plan: Plan, store: Store, evidence: list[Observation]) -> bool:
    """Whether any figure a result is made of is a revision: the latest figure, a year of a
    sum over years, a link of a chain, a level target's starting figure, or a region's
    figure in a city sum of the regions — the one rule for the revision mark every output
    shows, of an assessment and of a figure listed alone (show's series and counties, the
    report's county tables: a sum whose 2019 was revised read unmarked while show's series
    marked 2019). A figure withdrawn is no longer in the store: nor is its mark."""
    for o in evidence:
        if o.key in store.revisions:
            return True
        if o.file == DERIVED_FILE and any(
            (o.indicator, o.period.text, r.id, o.measure) in store.revisions
            for r in plan.summed_regions
        ):
            return True
    return False


# The reasons a target is short of data because a figure is missing: the full year's
# figure, a year of a sum, a link of a chain, a level, a second year. ``no-pace`` is not
# among them: its figures are all there, only a growth rate cannot be taken of them.
LACKING = (
    "year-over-only-ytd",
    "missing-years",
    "missing-link",
    "non-positive-level",  # a level of zero or below: unusable, a figure to correct
    "only-growth-figures",
    "no-starting-point",
)


def _nothing_derived(a: Assessment) -> None:
    """An assessment short of a figure carries nothing worked out from the figure it lacks.

    Time elapsed, progress, the schedule gap, pace and the projection all speak of where a
    target is heading; with the year's full figure, a year of a sum, a link of a chain or
    a second year missing, each would be read off figures that are not there (a Jan–Aug
    figure of a year that is over projected to 125,550 "at the deadline"). What the data
    do say stays: the figure, its achievement and its gap. Every output reads these
    fields, so none can show what is not known (reporting/text.missing says what is).
    A target with every figure but no measurable pace (``no-pace``: a starting figure of
    0, say) keeps its progress, time elapsed and schedule gap: nothing is missing.
    A sum's own rule (a missing year clears its achievement and gap) is in ``_cumulative``.
    """
    a.time_progress = a.schedule_gap = a.progress = a.pace = None
    a.projected = None


def _growth_only(store: Store, a: Assessment, as_of: Period) -> bool:
    """Whether the series has growth figures up to ``as_of`` (its levels gave nothing)."""
    return any(
        o.period.end_index <= as_of.end_index for o in store.growth_series(a.indicator, a.region)
    )


# ---------------------------------------------------------------- helpers


def year_point(p: Period) -> float:
    """A period's end on a scale of years: 2017 → 2017.0, 2017Q2 → 2016.5."""
    return p.year - 1 + p.months / 12


def deadline_reached(as_of: Period, deadline: int) -> bool:
    """Whether ``as_of`` ends at or after the end of the deadline year (the status rule's
    "deadline reached"; the views' "met at the deadline" reads the same rule)."""
    return as_of.end_index >= deadline * 12 + 12


def _holds(comparator: str | None, actual: Decimal, target: Decimal) -> bool:
    if comparator == ">=":
        return actual >= target
    if comparator == ">":
        return actual > target
    if comparator == "<=":
        return actual <= target
    if comparator == "<":
        return actual < target
    return actual == target  # "≈" is resolved by the caller with its tolerance


def _direction(plan: Plan, indicator_id: str) -> int:
    return -1 if plan.indicator_by_id[indicator_id].direction == "lower" else 1


def _status_from_pace(plan: Plan, a: Assessment) -> None:
    if a.pace is None:
        a.status = "insufficient_data"
        return
    t = plan.assessment.thresholds
    a.regressing = a.pace < 0
    if a.pace >= float(t.on_track):
        a.status = "on_track"
    elif a.pace >= float(t.at_risk):
        a.status = "at_risk"
    else:
        a.status = "off_track"


def _latest_only(a: Assessment, series: Series, as_of: Period) -> None:
    numbers = [o for o in series.up_to(as_of) if o.value is not None]
    if numbers:
        a.actual = numbers[-1].value
        a.actual_period = numbers[-1].period
        a.evidence = [numbers[-1]]


def _partial_note(a: Assessment, series: Series, as_of: Period, after: Period | None) -> None:
    partials = series.partials_up_to(as_of)
    if partials and (after is None or partials[-1].period.sort_key > after.sort_key):
        a.partial = partials[-1]
        a.reasons.append("partial-sum")


# ---------------------------------------------------------------- level


def _level(plan: Plan, t: LevelTarget, a: Assessment, series: Series, as_of: Period) -> None:
    d = _direction(plan, t.indicator)
    start_year = t.start if t.start is not None else plan.plan.period.start
    numbers = [o for o in series.up_to(as_of) if o.value is not None]
    if plan.indicator_by_id[t.indicator].flow:
        # A flow's level in a year is its full-year total: a year-to-date figure (Jan–Jun
        # floor area started, 1,000,000 after 2,000,000 in 2017) is part of a year, no fall
        # of the level, and no starting point (assessment.md: sub-annual figures of a flow
        # are year-to-date sums), as growth figures and the trend line take whole years.
        full = [o for o in numbers if o.period.is_full_year]
        if len(full) < len(numbers):
            a.reasons.append("ytd-not-a-level")
        numbers = full
    inside = [o for o in numbers if o.period.year >= start_year]
    if t.baseline is not None:
        a.starting_point = (Period.of_year(t.baseline.year), t.baseline.value)
    elif numbers:
        first = a.starting_figure = numbers[0]
        a.starting_point = (first.period, first.value or Decimal(0))
    if not inside:
        a.status = "no_data"
        if numbers:
            a.reasons.append("only-pre-plan-figures")
        _partial_note(a, series, as_of, None)
        return
    latest = inside[-1]
    assert latest.value is not None
    actual, target = latest.value, t.value
    a.actual, a.actual_period, a.evidence = actual, latest.period, [latest]
    _partial_note(a, series, as_of, latest.period)
    tolerance = t.tolerance if t.tolerance is not None else plan.assessment.tolerance
    if t.comparator == "≈":
        met = actual >= target * (1 - tolerance) if d > 0 else actual <= target * (1 + tolerance)
    else:
        met = _holds(t.comparator, actual, target)
    if d > 0:
        a.achievement = float(actual / target) if target != 0 else None
        a.gap = target - actual
    else:
        a.achievement = float(target / actual) if actual > 0 else None
        a.gap = actual - target
    ya = year_point(latest.period)
    start_met = False
    x0: float | None = None
    if a.starting_point is not None:
        # x0: where the starting point ends on the scale of years the latest figure is
        # placed on (year_point), so a figure of part of a year is measured from its own
        # end: round(year_point) put a June 2017 start at 2016 — one figure then read as
        # half a year of no progress, off track — and a June 2016 start at 2016 (half-even
        # rounding), so the word depended on the year's parity.
        start, a0 = a.starting_point
        x0 = year_point(start)
        # A starting point that already meets the target (assessment.md, level) leaves
        # nothing to make up: (A−A0)/(T−A0) would flip sign, so no progress, schedule
        # gap or pace; the status reads from whether the target holds now.
        start_met = d * (target - a0) <= 0
        if start_met:
            a.reasons.append("start-met")
        elif ya > x0:
            a.progress = float((actual - a0) / (target - a0))
        if t.deadline > x0:
            a.time_progress = min(1.0, max(0.0, (ya - x0) / (t.deadline - x0)))
        if a.progress is not None and a.time_progress is not None:
            a.schedule_gap = a.progress - a.time_progress
        if ya > x0 and actual > 0 and a0 > 0 and target > 0 and t.deadline > x0:
            cagr_a = (float(actual) / float(a0)) ** (1 / (ya - x0)) - 1
            cagr_r = (float(target) / float(a0)) ** (1 / (t.deadline - x0)) - 1
            if cagr_r != 0 and not start_met:
                a.pace = d * cagr_a / abs(cagr_r)
            a.projected = Decimal(str(round(float(actual) * (1 + cagr_a) ** (t.deadline - ya), 6)))
    if met:
        a.status = "achieved"
    elif deadline_reached(as_of, t.deadline):
        a.status = "missed"
        if latest.period.year < t.deadline:
            a.reasons.append("missed-on-stale-figure")
    elif start_met:
        # Met at the starting point, no longer: fallen back (已达标后回落).
        a.status, a.regressing = "off_track", True
        a.reasons.append("fell-back")
    else:
        _status_from_pace(plan, a)
        if a.pace is None:
            # Say why there is no pace: a figure of one year only (it is its own
            # starting point), or figures a growth rate cannot be taken of.
            one_year = x0 is None or ya <= x0
            if not one_year and min(actual, a0) < 0:  # a negative level: a figure to check
                a.reasons.append("non-positive-level")
            else:
                a.reasons.append("no-starting-point" if one_year else "no-pace")


# ---------------------------------------------------------------- annual


def _effective(as_of: Period, deadline: int) -> Period:
    """After the deadline year, the deadline year as a whole is what is judged."""
    return Period.of_year(deadline) if as_of.year > deadline else as_of


def _year_value(obs: list[Observation], year: int, upto: Period) -> Observation | None:
    inside = [
        o
        for o in obs
        if o.period.year == year and o.value is not None and o.period.end_index <= upto.end_index
    ]
    return inside[-1] if inside else None


def months_covered(period: Period) -> int:
    """``m(Pa)``: the months of its year that a figure covers (12, 3·q, or the month).

    Time progress is measured against these months, not the as-of period's: a
    January–August figure says nothing about September onwards, so it is judged
    against 8/12 of the year whether the analyst asks as of August, October or the
    whole year. Otherwise the same figure would read "31.8 points ahead" in
    ``status --as-of 2016-08`` and "1.5 points behind" in ``report 2016``.
    """
    return period.months


def _annual_history(t: AnnualTarget, obs: list[Observation], last: int) -> list[YearResult]:
    """Each year of the target from its start up to ``last`` (the as-of year): its
    figure and whether it met the target.

    Only a full-year figure judges a year; a year with a year-to-date figure or none is
    listed but not judged, so "met in N of M years" counts M judged years only. The
    as-of year is included when its full-year figure is in: a report on 2019 and
    ``show`` as of 2020-06 then speak of the same years.
    """
    out: list[YearResult] = []
    for year in range(t.start, last + 1):
        figure = _year_value(obs, year, Period.of_year(year))
        if figure is None:
            out.append(YearResult(year, None, None, None))
            continue
        assert figure.value is not None
        due = t.value_for(year)  # the year's own value (年度计划) where the plan gives one
        met = _holds(t.comparator, figure.value, due) if figure.period.is_full_year else None
        out.append(YearResult(year, figure.value, figure.period, met))
    return out


def _annual(plan: Plan, t: AnnualTarget, a: Assessment, series: Series, as_of: Period) -> None:
    if as_of.year < t.start:
        a.status = "no_data"
        a.reasons.append("not-started")
        return
    p = _effective(as_of, t.deadline)
    obs = series.up_to(p)
    a.history = _annual_history(t, obs, p.year)
    due = a.target = t.value_for(p.year)  # 年度计划: the year's own value, else `value`
    if p.year in t.values:
        a.target_year = p.year
    if not plan.indicator_by_id[t.indicator].flow:
        _annual_level(plan, t, a, obs, p, due)
        return
    current = _year_value(obs, p.year, p)
    if current is None:
        a.status = "no_data"
        _partial_note(a, series, p, None)
        return
    assert current.value is not None
    a.actual, a.actual_period, a.evidence = current.value, current.period, [current]
    _partial_note(a, series, p, current.period)
    a.time_progress = months_covered(current.period) / 12
    a.achievement = float(current.value / due) if due != 0 else None
    a.gap = due - current.value
    if a.achievement is not None:
        a.schedule_gap = a.achievement - a.time_progress
        a.pace = a.achievement / a.time_progress
        a.projected = (
            current.value
            if current.period.is_full_year
            else _scaled(current.value, a.time_progress)
        )
    if _holds(t.comparator, current.value, due):
        a.status = "achieved"
    elif p.is_full_year:
        if current.period.is_full_year:
            a.status = "missed"
        else:
            a.status = "insufficient_data"
            a.reasons.append("year-over-only-ytd")
    else:
        _status_from_pace(plan, a)


def _annual_level(
    plan: Plan, t: AnnualTarget, a: Assessment, obs: list[Observation], p: Period, due: Decimal
) -> None:
    """An annual target on a stock or rate (not a flow): a level held every year — the
    surveyed unemployment rate below 5.5 % each year. Each year's full-year value meets
    the comparator or not; achievement A/T (higher is better) or T/A (lower); a
    sub-annual value is not a year-to-date sum and does not decide the year, so there is
    no time progress, pace or projection."""
    full = [
        o for o in obs if o.period.year == p.year and o.period.is_full_year and o.value is not None
    ]
    if not full:
        a.status = "no_data"
        if any(o.period.year == p.year and o.value is not None for o in obs):
            a.reasons.append("sub-annual-not-judged")
        return
    current = full[-1]
    assert current.value is not None
    a.actual, a.actual_period, a.evidence = current.value, current.period, [current]
    if _direction(plan, t.indicator) > 0:
        a.achievement = float(current.value / due) if due != 0 else None
        a.gap = due - current.value
    else:
        a.achievement = float(due / current.value) if current.value > 0 else None
        a.gap = current.value - due
    a.status = "achieved" if _holds(t.comparator, current.value, due) else "missed"


def _scaled(value: Decimal, fraction: float) -> Decimal:
    return Decimal(str(round(float(value) / fraction, 6))) if fraction > 0 else value


# ---------------------------------------------------------------- cumulative


def _cumulative(
    plan: Plan, t: CumulativeTarget, a: Assessment, series: Series, as_of: Period
) -> None:
    if as_of.year < t.start:
        a.status = "no_data"
        a.reasons.append("not-started")
        return
    p = _effective(as_of, t.deadline)
    obs = series.up_to(p)
    total = Decimal(0)
    used: list[Observation] = []
    for year in range(t.start, p.year + 1):
        upto = Period.of_year(year) if year < p.year else p
        value = _year_value(obs, year, upto)
        complete = value is not None and (year == p.year or value.period.is_full_year)
        if value is None or not complete:
            a.missing_years.append(year)
            continue
        assert value.value is not None
        total += value.value
        used.append(value)
        a.history.append(YearResult(year, value.value, value.period, None))
    if used and used[-1].period.year == p.year:
        # m(Pa) of P's year's own figure, as for annual targets (see months_covered).
        months = (p.year - t.start) * 12 + months_covered(used[-1].period)
        a.time_progress = months / ((t.deadline - t.start + 1) * 12)
    if not used:
        a.status = "no_data"
        _partial_note(a, series, p, None)
        return
    a.actual, a.actual_period, a.evidence = total, used[-1].period, used
    _partial_note(a, series, p, used[-1].period)
    a.achievement = float(total / t.value) if t.value != 0 else None
    a.gap = t.value - total
    if a.achievement is not None and a.time_progress and not a.missing_years:
        # A sum met in spite of a missing year has no schedule either: the year counts as zero.
        a.schedule_gap = a.achievement - a.time_progress
        a.pace = a.achievement / a.time_progress
        a.projected = _scaled(total, a.time_progress)
    if _holds(t.comparator, total, t.value):
        a.status = "achieved"
    elif a.missing_years:
        # A sum with a year missing is no sum of the target's years: its achievement and
        # gap would count that year as zero (assessment.md, cumulative); what is derived
        # from them goes with them (assess → _nothing_derived).
        a.status = "insufficient_data"
        a.achievement, a.gap = None, None
        a.reasons.append("missing-years")
    elif deadline_reached(p, t.deadline):
        if used[-1].period.is_full_year:
            a.status = "missed"
        else:
            # The deadline year is over but its figure is year-to-date: the sum is not
            # final (assessment.md, status rule 3), as for an annual target's year.
            a.status = "insufficient_data"
            a.reasons.append("year-over-only-ytd")
    else:
        _status_from_pace(plan, a)


# ---------------------------------------------------------------- growth and change


@dataclass(frozen=True, slots=True)
class Relative:
    """The relative level R(ya) = X(ya)/X(y0) of a growth or change target, and how it
    was found: the figures used, or the first year whose link is missing."""

    year: int  # ya
    ratio: float | None  # R(ya), None when a link is missing or a level is not above zero
    missing: int | None  # the year whose figure (level or growth) is missing
    evidence: list[Observation]
    # A level of zero or below met on the way (a growth is taken of levels above zero
    # only): R(ya) is not worked out of it, and the assessment says so
    non_positive: Observation | None = None
    # A growth figure of −100 % or less met on the way: a fall of the whole level leaves
    # none to chain from (two such falls would multiply back to a positive ratio)
    fall: Observation | None = None


def relative_level(
    base_year: int,
    base_value: Decimal | None,
    levels: list[Observation],
    growth: list[Observation],
    last_year: int,
) -> Relative | None:
    """R(ya) for the latest year ya in (y0, last_year] with a full-year figure.

    From levels when the base year and ya both have one (``base_value`` stands for the
    base year's level when the plan gives it); else chained from y0, a year at a time:
    ``1 + g(y)/100`` from the year's growth figure, or ``X(y)/X(y−1)`` where both levels
    are known. A year with neither is a missing link: ``missing`` names it.
    """
    level_of = {
        o.period.year: o
        for o in levels
        if o.period.is_full_year and o.value is not None and o.period.year <= last_year
    }
    growth_of = {
        o.period.year: o
        for o in growth
        if o.period.is_full_year and o.value is not None and o.period.year <= last_year
    }
    years = [y for y in {*level_of, *growth_of} if y > base_year]
    if not years:
        return None
    ya = max(years)
    base = base_value
    if base is None and base_year in level_of:
        base = level_of[base_year].value
    if base is not None and base > 0 and ya in level_of:
        end = level_of[ya]
        assert end.value is not None
        used = [end] if base_value is not None else [level_of[base_year], end]
        if end.value <= 0:
            return Relative(ya, None, None, used, end)
        return Relative(ya, float(end.value) / float(base), None, used)
    ratio, used = 1.0, []
    for y in range(base_year + 1, ya + 1):
        g = growth_of.get(y)
        if g is not None and g.value is not None:
            if g.value <= -100:  # nothing is left of the level: no link, a figure to check
                return Relative(ya, None, None, [*used, g], fall=g)
            ratio *= 1 + float(g.value) / 100
            used.append(g)
            continue
        now, before = level_of.get(y), level_of.get(y - 1)
        if now is not None and before is not None:
            assert now.value is not None and before.value is not None
            wrong = before if before.value <= 0 else now if now.value <= 0 else None
            if wrong is not None:  # a level of zero or below: no growth is taken of it
                return Relative(ya, None, None, [*used, wrong], wrong)
            ratio *= float(now.value) / float(before.value)
            used.append(now)
            continue
        return Relative(ya, None, y, used)
    return Relative(ya, ratio, None, used)


def _relative(
    plan: Plan,
    t: GrowthTarget | ChangeTarget,
    a: Assessment,
    series: Series,
    growth: list[Observation],
    as_of: Period,
) -> None:
    """A growth target (年均增长 ≥ g % a year) or a change target (累计变化 c %), both on
    R(ya) = X(ya)/X(y0) (assessment.md, "growth" and "change"). Percent in, percent
    out: ``actual`` is g_a or C in percent, ``gap`` in points."""
    y0, yT = t.base_year, t.deadline
    a.start = a.base_year = y0
    p = _effective(as_of, yT)
    found = relative_level(y0, t.base_value, series.up_to(p), growth, p.year)
    if found is None:
        a.status = "no_data"
        return
    a.actual_period = Period.of_year(found.year)
    a.evidence = found.evidence
    if found.ratio is None or found.ratio <= 0:
        a.status = "insufficient_data"
        a.missing_years = [found.missing] if found.missing is not None else []
        # what is wrong: a level not above zero or a fall of 100 % or more (a figure to
        # check), or a missing link
        wrong = "non-positive-level" if found.non_positive else None
        wrong = wrong or ("fall-of-whole-level" if found.fall else "missing-link")
        a.reasons.append(wrong)
        a.actual_period = None
        return
    ya, r = found.year, found.ratio
    a.relative = r
    span, elapsed = yT - y0, ya - y0
    target = float(t.value) / 100
    a.time_progress = min(1.0, max(0.0, elapsed / span))
    if isinstance(t, GrowthTarget):
        g_a = r ** (1 / elapsed) - 1
        a.actual = _percent(g_a)
        a.gap = t.value - a.actual
        a.projected = Decimal(str(round(r * (1 + g_a) ** (yT - ya), 6)))
        if t.comparator in ("<=", "<"):
            # A ceiling on growth (年均增长控制在g%以内) — outside the spec, which writes
            # growth targets with >= or >: the average so far holds the ceiling or not.
            _growth_ceiling(t, a, p)
            return
        if target != 0:
            a.achievement = a.pace = g_a / target
        reached = r >= (1 + target) ** span  # the end level is already reached
    else:
        change = r - 1
        a.actual = _percent(change)
        a.gap = t.value - a.actual
        if target != 0:
            a.achievement = change / target
        required = (1 + target) ** (1 / span) - 1
        if required != 0:
            a.pace = (r ** (1 / elapsed) - 1) / required
        a.projected = _percent(r ** (span / elapsed) - 1)
        reached = _holds(t.comparator, a.actual, t.value)
    final = ya >= yT and deadline_reached(p, yT)
    if reached or (final and _holds(t.comparator, a.actual, t.value)):
        a.status = "achieved"
    elif deadline_reached(p, yT):
        a.status = "missed"
        if ya < yT:
            a.reasons.append("missed-on-stale-figure")
    else:
        _status_from_pace(plan, a)


def _growth_ceiling(t: GrowthTarget, a: Assessment, p: Period) -> None:
    """Average growth at most ``g`` % a year: achievement g/g_a (T/A, as for a lower-is-
    better level); at the deadline achieved or missed; before it on track while the
    average holds the ceiling, else off track. No pace: the ratio of rates means
    nothing for a ceiling."""
    assert a.actual is not None
    holds = _holds(t.comparator, a.actual, t.value)
    if a.actual > 0:
        a.achievement = float(t.value / a.actual)
    a.gap = a.actual - t.value
    if deadline_reached(p, t.deadline):
        a.status = "achieved" if holds else "missed"
    else:
        a.status = "on_track" if holds else "off_track"


def _percent(fraction: float) -> Decimal:
    """A computed fraction as percent, to 6 places (0.10898 → 10.898)."""
    return Decimal(str(round(fraction * 100, 6)))


# ---------------------------------------------------------------- milestone


def _milestone(
    plan: Plan,
    t: MilestoneTarget,
    a: Assessment,
    series: Series,
    as_of: Period,
    region: str,
) -> None:
    obs = [o for o in series.up_to(as_of) if o.value is not None or o.word is not None]
    counting = t.count_total is not None and region == plan.city.id
    a.count_total = t.count_total if counting else None
    deadline_end = t.deadline * 12 + 12
    if not obs:
        a.status = "no_data"
        _partial_note(a, series, as_of, None)
        if counting and a.partial is not None:
            _count_from_partial(a, t)
        return

    def is_done(o: Observation) -> bool:
        if counting and o.value is not None:
            return o.value >= (t.count_total or 0)
        if o.value is not None:
            return o.value >= 1
        return o.word == "done"

    latest = obs[-1]
    # The reports since the last that said not done (none when the latest did): a milestone
    # done in 2015, reported not done in 2017 and done again in 2019 is done since 2019
    # ("done (2015) · on time" hid the 2017 report). A milestone done is shown by the first
    # of them, the one its on-time verdict is judged on, not by the latest report that
    # still says so ("done (2019) · on time" against "by 2015" read as done in 2019).
    undone = [i for i, o in enumerate(obs) if not is_done(o)]
    done = obs[undone[-1] + 1 :] if undone else obs
    shown = done[0] if done else latest
    a.evidence = [shown]
    a.actual_period = shown.period
    if counting:
        a.actual = (
            shown.value
            if shown.value is not None
            else (Decimal(t.count_total or 0) if shown.word == "done" else Decimal(0))
        )
        a.target = Decimal(t.count_total or 0)
        a.achievement = float(a.actual / a.target) if a.target else None
        a.gap = a.target - a.actual
        _partial_note(a, series, as_of, latest.period)
    else:
        a.actual_word = "done" if is_done(latest) else "not-done"
    if done:
        a.status = "done"
        a.actual_word = "done"
        if shown.done_on is not None:
            a.on_time = shown.done_on <= date(t.deadline, 12, 31)
        elif shown.period.end_index <= deadline_end:
            a.on_time = True
        elif any(not is_done(o) and o.period.end_index >= deadline_end for o in obs):
            a.on_time = False
        else:
            a.on_time = None
            a.reasons.append("done-date-unknown")
        return
    a.status = "overdue" if as_of.end_index >= deadline_end else "pending"


def _count_from_partial(a: Assessment, t: MilestoneTarget) -> None:
    if a.partial is None:
        return
    a.actual = a.partial.total
    a.target = Decimal(t.count_total or 0)


# ---------------------------------------------------------------- qualitative


def _qualitative(a: Assessment, series: Series, as_of: Period) -> None:
    judged = [o for o in series.up_to(as_of) if o.word is not None]
    if not judged:
        a.status = "no_data"
        return
    latest = judged[-1]
    a.status = "assessed"
    a.judgement = latest.word
    a.actual_word = latest.word
    a.actual_period = latest.period
    a.evidence = [latest]
