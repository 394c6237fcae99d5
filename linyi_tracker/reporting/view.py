"""One view of each assessed target: its assessment, and what every renderer needs.

Built once per command — ``status`` (table and JSON), ``show`` and ``report`` (every
format) — by :func:`target_view`, and handed to every renderer, so a target reads the
same wherever an analyst meets it. The view holds the assessment itself (no copy of
its fields) plus the plan's names, unit, quote and, for the report, the chart.
Periods stay :class:`Period` objects and numbers stay numbers until the last step
(``reporting/text.py`` for texts, ``reporting/render/json_model.py`` for JSON).

Whether a target is ahead of or behind schedule (or met at its deadline) is decided
once, by :func:`target_standing`; the summary's "most behind", the phrases, the tables and
the JSON all read it from the view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from linyi_tracker.actuals.observation import GROWTH, LEVEL, Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.actuals.withdrawals import Withdrawal
from linyi_tracker.assessment.engine import (
    RELATIVE,
    Assessment,
    StatusReport,
    assess,
    deadline_reached,
    made_of_revised,
    stated,
    year_point,
)
from linyi_tracker.assessment.export import assessment_dict, exact
from linyi_tracker.assessment.series import (
    SeriesBook,
    competition_ranks,
    region_ranking,
    yearly_values,
)
from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.formatting import shown_percent
from linyi_tracker.plan.models import (
    AnnualTarget,
    CumulativeTarget,
    Indicator,
    LevelTarget,
    LocalText,
    Plan,
    Target,
    Thresholds,
)

Standing = Literal["ahead", "behind", "on_schedule", "met_at_deadline", "missed_at_deadline"]
# The standings of a target whose time is up: no schedule left to be ahead of or behind.
SETTLED = frozenset({"met_at_deadline", "missed_at_deadline"})
PERCENT = LocalText(zh="%", en="%")


def schedule_standing(schedule_gap: float | None) -> Standing | None:
    """Ahead of, behind or on schedule, at the precision every output shows (0.1 point),
    which never rounds a gap across 0 (formatting.shown_percent): any gap below 0 is
    behind and shows at least 0.1 points behind; a gap from 0 up to 0.05 points is on
    schedule (shown 0.0); above that, ahead."""
    if schedule_gap is None:
        return None
    points = shown_percent(schedule_gap)
    if points > 0:
        return "ahead"
    if points < 0:
        return "behind"
    return "on_schedule"


# The kinds whose time runs to the deadline: once it has all elapsed, the schedule is over.
_TO_DEADLINE = frozenset({"level", "annual", "cumulative"})


def target_standing(a: Assessment, at_deadline: bool = False) -> Standing | None:
    """Where a target stands against its schedule, as every output says it: ahead, behind
    or on schedule (:func:`schedule_standing`) while its time runs; once it is up, met or
    missed at the deadline. A level, annual or cumulative target achieved once its time is
    up (also one met at its start, which has no gap) — its whole time elapsed, or
    ``at_deadline`` (the as-of period ends at or after the deadline year,
    engine.deadline_reached) — is ``met_at_deadline`` (到期已达成): "ahead of schedule by
    335.0 points" (435 % of the way from a 66 % starting point to > 70 %) says nothing
    true. A target ``missed`` (its deadline reached, or an annual target's year complete
    and short) is ``missed_at_deadline`` (到期未达成), never "behind schedule by 5.1
    points" on a time that is over (assessment.md, "Lists in a yearly report"); its
    achievement and gap say by how much. The JSON keeps ``schedule_gap`` as computed."""
    if a.status == "missed":
        return "missed_at_deadline"
    # An annual target's year is all elapsed at every year's end: only its deadline ends it
    # (≥ 85,000 a year over 2015–2020 met in 2019 is ahead, not met at the deadline).
    elapsed = a.kind != "annual" and a.time_progress is not None and a.time_progress >= 1
    time_up = at_deadline or elapsed
    if a.kind in _TO_DEADLINE and a.status == "achieved" and time_up:
        return "met_at_deadline"
    return schedule_standing(a.schedule_gap)


OPEN_STATUSES = frozenset({"on_track", "at_risk", "off_track"})


def behind_schedule(a: Assessment, year: int) -> bool:
    """Whether a target belongs on a report's behind-schedule list (落后时序进度) for
    ``year``: still open that year (deadline year ≥ ``year``, status on track, at risk
    or off track) and behind at the precision shown. A target whose deadline has passed
    is missed or achieved, and is listed as such (assessment.md, "Lists in a yearly
    report")."""
    return (
        a.deadline >= year
        and a.status in OPEN_STATUSES
        and schedule_standing(a.schedule_gap) == "behind"
    )


@dataclass(frozen=True, slots=True)
class Chart:
    """What a chart of one quantitative target shows, in data units (x in years)."""

    kind: str
    points: list[tuple[float, float]]
    target: float
    required: list[tuple[float, float]]
    projection: list[tuple[float, float]]
    x_range: tuple[float, float]
    # Each point's figure exact, as written (a running sum added as decimals): what a label
    # beside a point says (text.chart_figure), at the precision the table writes it — the
    # floats above are for placing it. Not in the JSON, whose points are the floats.
    figures: list[Decimal] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TargetView:
    """One assessed target as every output shows it."""

    a: Assessment
    system: str
    name: LocalText
    unit_name: LocalText | None
    quote: str
    count_total: int | None  # a countable milestone: how many (all 12 counties)
    binding: bool | None  # 约束性 / 预期性; None when the plan does not say
    sources: tuple[str, ...]
    chart: Chart | None = None
    # the plan's pace thresholds: a shown pace never rounds across one (formatting.shown_pace)
    thresholds: Thresholds = field(default_factory=Thresholds)
    # The latest figure of each year in the target's region up to the as-of period
    # (series.yearly_values): what the status table's trend draws.
    trend: tuple[tuple[Period, Decimal], ...] = ()
    # the as-of period ends at or after the deadline year (engine.deadline_reached)
    at_deadline: bool = False
    # an ≈ target: the least achievement that meets it (1 − t; 1/(1 + t) lower is better)
    approx: Decimal | None = None

    @property
    def pace_bounds(self) -> tuple[Decimal, Decimal]:
        return (self.thresholds.on_track, self.thresholds.at_risk)

    @property
    def achievement_bounds(self) -> tuple[Decimal, ...]:
        """The achievements its status word stands on besides 100 %: an ≈ target's
        tolerance (met from 95 % of ≈ 50,000 up), which a shown achievement never rounds
        across (formatting.shown_percent): 47,499 against ≈ 50,000 reads 94.9 %."""
        return () if self.approx is None else (self.approx,)

    @property
    def target_id(self) -> str:
        return self.a.target_id

    @property
    def standing(self) -> Standing | None:
        return target_standing(self.a, self.at_deadline)

    @property
    def running(self) -> bool:
        """Whether the target's time still runs: one met or missed at its deadline (or an
        annual target's year missed) has no time elapsed, pace or projection left to show —
        it says 到期未达成 with its shortfall instead, in every output that reads them here
        (show, the report's CSV and workbook; the JSON keeps them as computed)."""
        return self.standing not in SETTLED

    @property
    def time_progress(self) -> float | None:
        return self.a.time_progress if self.running else None

    @property
    def pace(self) -> float | None:
        return self.a.pace if self.running else None

    @property
    def projected(self) -> Decimal | None:
        return self.a.projected if self.running else None

    @property
    def met_years(self) -> tuple[int, int] | None:
        """ "Met in N of M years", from the assessment's history (engine.py)."""
        return self.a.met_years


@dataclass(frozen=True, slots=True)
class StatusView:
    """What ``status`` shows: the as-of period and a view of each target assessed."""

    as_of: Period
    targets: tuple[TargetView, ...]

    def counts(self) -> dict[str, int]:
        return tally(self.targets)


def tally(views: Iterable[TargetView]) -> dict[str, int]:
    """How many of the views have each status (``not_assessed`` for none): the one count
    behind every "by status" line, in status and in the report."""
    out: dict[str, int] = {}
    for v in views:
        key = v.a.status or "not_assessed"
        out[key] = out.get(key, 0) + 1
    return out


def target_view(
    plan: Plan,
    store: Store,
    a: Assessment,
    as_of: Period,
    *,
    chart: bool = False,
    book: SeriesBook | None = None,
) -> TargetView:
    """The view of one assessment, with its trend; with ``chart``, also what its chart
    draws. ``book``: the series the assessment read (one made here without it)."""
    book = book or SeriesBook(plan, store)
    target = plan.target_by_id[a.target_id]
    ind = plan.indicator_by_id[target.indicator]
    unit = plan.unit_of(ind)
    # Growth and change targets are judged in percent (a year, or in all), whatever the
    # indicator's own unit.
    unit_name = PERCENT if a.kind in RELATIVE else unit.name if unit else None
    view = TargetView(
        a=a,
        system=ind.system,
        name=ind.name,
        unit_name=unit_name,
        quote=target.quote,
        count_total=getattr(target, "count_total", None),
        binding=target.binding,
        sources=tuple(sorted({o.source for o in a.evidence if o.source})),
        thresholds=plan.assessment.thresholds,
        trend=tuple(yearly_values(book.series(ind, a.region), as_of, flow=ind.flow)),
        at_deadline=deadline_reached(as_of, a.deadline),
        approx=_approx_bound(plan, target, ind),
    )
    if not chart:
        return view
    # Its projection as the tables give it: none once the target's time is up (running).
    return replace(view, chart=_chart(plan, book, target, a, as_of, view.projected))


def plan_target_view(plan: Plan, target: Target) -> TargetView:
    """A target as the plan states it, with no figure yet: what ``plan`` writes of it with
    the words every other command writes (text.target)."""
    ind = plan.indicator_by_id[target.indicator]
    unit = plan.unit_of(ind)
    a = stated(plan, target, plan.city.id)
    # what the engine sets once it knows the kind (a count to reach, a growth's base year)
    a.count_total = getattr(target, "count_total", None)
    a.base_year = getattr(target, "base_year", None)
    return TargetView(
        a=a,
        system=ind.system,
        name=ind.name,
        unit_name=PERCENT if target.kind in RELATIVE else unit.name if unit else None,
        quote=target.quote,
        count_total=getattr(target, "count_total", None),
        binding=target.binding,
        sources=(),
    )


def _approx_bound(plan: Plan, target: Target, ind: Indicator) -> Decimal | None:
    """The achievement from which an ≈ target is met (assessment.md, level: ``A ≥ T·(1−t)``
    higher is better, ``A ≤ T·(1+t)`` lower is better, achievement ``T/A``), or None."""
    if getattr(target, "comparator", None) != "≈":
        return None
    given = getattr(target, "tolerance", None)
    tolerance = given if given is not None else plan.assessment.tolerance
    return 1 / (1 + tolerance) if ind.direction == "lower" else 1 - tolerance


def status_view(plan: Plan, store: Store, report: StatusReport) -> StatusView:
    book = report.book or SeriesBook(plan, store)
    return StatusView(
        report.as_of,
        tuple(target_view(plan, store, a, report.as_of, book=book) for a in report.assessments),
    )


@dataclass(frozen=True, slots=True)
class Ranking:
    """The regions' figures for the latest period any of them reported up to the as-of
    period (series.region_ranking): best first, and the regions that did not report."""

    period: Period | None
    reported: tuple[Observation, ...]
    missing: tuple[str, ...]

    @property
    def ranks(self) -> list[int]:
        """Each reported region's rank, equal exact figures sharing one
        (series.competition_ranks)."""
        return competition_ranks([o.value for o in self.reported])


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """What ``show`` draws of one indicator, worked out before drawing: the targets'
    views, the series listed, the regions ranked, and the figures' sign-offs and
    withdrawals."""

    indicator: Indicator
    as_of: Period
    regions: tuple[str, ...]
    targets: tuple[TargetView, ...]
    # The first region's levels (the city's with the regions' sums) and growth figures
    # up to the as-of period, oldest first; in a period, its growth figure, then its level.
    series: tuple[Observation, ...]
    ranking: Ranking
    # Every figure of the indicator in the regions up to the as-of period, as filed
    # (levels and growth figures), for the sign-off lines.
    figures: tuple[Observation, ...]
    # The sign-off line of each data file that has one, by file
    signoffs: dict[str, dict[str, str]]
    # The indicator's figures withdrawn in the regions, with their records
    withdrawn: tuple[tuple[Withdrawal, Observation], ...]
    # The figures a listed one revised (a later as_of), oldest first, by its
    # (period, region, measure): show marks a revised figure as status does
    revised: dict[tuple[str, str, str], tuple[Observation, ...]] = field(default_factory=dict)
    # The (period, region, measure) of each listed figure (series, counties, the years of
    # the targets' histories) made of a revised one (engine.made_of_revised): a revised figure, or a city sum of the regions
    # with a revised county figure in it, which has no earlier figures of its own
    marked: frozenset[tuple[str, str, str]] = frozenset()

    def earlier(self, o: Observation) -> tuple[Observation, ...]:
        """The figures ``o`` revised, oldest first (none for a figure never revised)."""
        return self.revised.get((o.period.text, o.region, o.measure), ())

    def is_revised(self, o: Observation) -> bool:
        """Whether the listed figure ``o`` carries the revision mark, as status marks a
        result made of it."""
        return (o.period.text, o.region, o.measure) in self.marked

    def is_revised_at(self, period: Period, region: str) -> bool:
        """Whether a region's level for ``period`` (a year of a target's history) is made
        of a revised figure."""
        return (period.text, region, LEVEL) in self.marked


def indicator_view(
    plan: Plan,
    store: Store,
    indicator: Indicator,
    as_of: Period,
    regions: list[str],
    book: SeriesBook | None = None,
) -> IndicatorView:
    """Every target of ``indicator`` assessed in each of ``regions``, and what ``show``
    draws beside them."""
    book = book or SeriesBook(plan, store)
    targets = tuple(
        target_view(plan, store, assess(plan, store, tg, as_of, r, book), as_of, book=book)
        for r in regions
        for tg in plan.targets_of(indicator.id)
    )
    limit = as_of.end_index
    first = regions[0]
    # Growth figures (比上年增长) are listed beside the levels, marked as such: never a level.
    growth = [o for o in store.growth_series(indicator.id, first) if o.period.end_index <= limit]
    series = sorted(
        book.series(indicator, first).up_to(as_of) + growth,
        key=lambda o: (o.period.sort_key, o.measure),
    )
    period, reported, missing = region_ranking(plan, store, indicator, as_of)
    # every region's figures, for the years of its targets' histories
    listed = [o for r in regions for o in book.series(indicator, r).up_to(as_of)]
    marked = frozenset(
        (o.period.text, o.region, o.measure)
        for o in (*listed, *growth, *reported)
        if made_of_revised(plan, store, [o])
    )
    figures = tuple(
        o
        for r in regions
        for measure in (LEVEL, GROWTH)
        for o in store.series(indicator.id, r, measure)
        if o.period.end_index <= limit
    )
    return IndicatorView(
        indicator,
        as_of,
        tuple(regions),
        targets,
        tuple(series),
        Ranking(period, tuple(reported), tuple(missing)),
        figures,
        {f.path: f.signoff for f in store.files if f.signoff},
        tuple(
            (w, o)
            for w, o in store.withdrawn
            if w.indicator == indicator.id and w.region in regions
        ),
        {
            (period, region, measure): tuple(olds)
            for (ind, period, region, measure), olds in store.revisions.items()
            if ind == indicator.id and region in regions
        },
        marked,
    )


def view_dict(v: TargetView) -> dict[str, Any]:
    """A target as plain data: its assessment (the JSON contract), then its names, unit,
    schedule standing, history and sources. Every JSON output writes a target so."""
    met = v.met_years
    return {
        **assessment_dict(v.a),
        "binding": v.binding,
        # growth and change targets: the base year and R(ya) = X(ya)/X(y0)
        **(
            {
                "base_year": v.a.base_year,
                "relative_level": None if v.a.relative is None else round(v.a.relative, 6),
            }
            if v.a.kind in RELATIVE
            else {}
        ),
        "system": v.system,
        "name": {"zh": v.name.zh, "en": v.name.en},
        "unit_name": {"zh": v.unit_name.zh, "en": v.unit_name.en} if v.unit_name else None,
        "schedule": v.standing,
        "met_years": met[0] if met else None,
        "judged_years": met[1] if met else None,
        "quote": v.quote,
        "sources": [describe_source(s, "en") for s in v.sources],  # JSON: as before, in English
        "chart": _chart_dict(v.chart) if v.chart else None,
    }


def _chart_dict(chart: Chart) -> dict[str, Any]:
    """A chart as the JSON gives it: its coordinates (the labels' exact figures are the
    table's, already in the JSON as the target's figures)."""
    out: dict[str, Any] = _rounded(asdict(chart))
    del out["figures"]
    return out


def _rounded(value: Any) -> Any:
    """Chart coordinates to 6 places, as every fraction in the JSON."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(x) for k, x in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(x) for x in value]
    return value


def status_dict(view: StatusView, plan: Plan) -> dict[str, Any]:
    """What ``status --format json`` prints: as-of, plan, method, counts and targets."""
    thresholds = plan.assessment.thresholds
    return {
        "as_of": str(view.as_of),
        "plan": {
            "id": plan.plan.id,
            "title": {"zh": plan.plan.title.zh, "en": plan.plan.title.en},
            "period": {"start": plan.plan.period.start, "end": plan.plan.period.end},
        },
        "method": {
            "thresholds": {
                "on_track": exact(thresholds.on_track),
                "at_risk": exact(thresholds.at_risk),
            },
            "tolerance": exact(plan.assessment.tolerance),
        },
        "counts": view.counts(),
        "targets": [view_dict(v) for v in view.targets],
    }


def _chart(
    plan: Plan,
    book: SeriesBook,
    target: Target,
    a: Assessment,
    as_of: Period,
    projected: Decimal | None,
) -> Chart | None:
    """What ``target``'s chart draws; its projection line ends at ``projected`` (none for
    a target whose time is up)."""
    if not isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget):
        return None
    ind = plan.indicator_by_id[target.indicator]
    series = book.series(ind, plan.city.id)
    # An annual target's line is the as-of year's own value (values:), else `value`.
    value = float(
        target.value_for(min(as_of.year, target.deadline))
        if isinstance(target, AnnualTarget)
        else target.value
    )
    start = float(target.start if target.start is not None else plan.plan.period.start)
    x_range = (start - 1, float(target.deadline))
    if isinstance(target, CumulativeTarget):
        # The running sum of the years the assessment added (its history), up to the
        # first year it lacks: past a missing year there is no sum, and the chart never
        # counts that year as zero where the status refuses to (assessment.md, cumulative).
        # Each point stands at its sum added as decimals: one sum, not a float one beside it.
        total, points, sums = Decimal(0), [], []
        for year in a.history:
            if year.period is None or year.actual is None:
                continue
            if any(missing < year.year for missing in a.missing_years):
                break
            total += year.actual
            points.append((year_point(year.period), float(total)))
            sums.append(total)
        required = [(start - 1, 0.0), (float(target.deadline), value)]
        projection = []
        if points and projected is not None and a.status not in {"missed", "achieved"}:
            projection = [points[-1], (float(target.deadline), float(projected))]
        return Chart("cumulative", points, value, required, projection, x_range, sums)
    values = yearly_values(series, as_of, flow=ind.flow)
    points = [(year_point(p), float(v)) for p, v in values]
    figures = [v for _, v in values]
    if isinstance(target, AnnualTarget):
        current = [
            o for o in series.up_to(as_of) if o.period.year == as_of.year and o.value is not None
        ]
        if ind.flow and current and not current[-1].period.is_full_year:
            points.append((year_point(current[-1].period), float(current[-1].value or 0)))
            figures.append(current[-1].value or Decimal(0))
        required = [(start - 1, value), (float(target.deadline), value)]
        yearly = {y: float(target.value_for(y)) for y in range(int(start), target.deadline + 1)}
        if len(set(yearly.values())) > 1:
            # each year's own value (values:): a step a year, never the as-of year's value
            # drawn across years the plan asks another figure of
            required = [(y + d, v) for y, v in yearly.items() for d in (-0.4, 0.4)]
        projection = []
        if (
            projected is not None
            and a.actual_period is not None
            and not a.actual_period.is_full_year
        ):
            projection = [
                (year_point(a.actual_period), float(a.actual or 0)),
                (float(a.actual_period.year), float(projected)),
            ]
        return Chart(
            "annual",
            points,
            value,
            required,
            projection,
            (min([x_range[0], *(p[0] for p in points)]), x_range[1]),
            figures,
        )
    path: list[tuple[float, float]] = []
    if a.starting_point is not None:
        # from where the starting point ends (year_point, as the assessment measures time
        # and pace): a June 2017 start's path began at 2017.0, half a year after its figure
        begun, v0 = a.starting_point
        x0 = year_point(begun)
        if x0 < target.deadline and v0 > 0 and value > 0:
            rate = (value / float(v0)) ** (1 / (target.deadline - x0))
            path = [(x0, float(v0))] + [
                (float(y), float(v0) * rate ** (y - x0))
                for y in range(begun.year, target.deadline + 1)
                if y > x0
            ]
    projection = []
    if (
        projected is not None
        and a.actual is not None
        and a.actual_period is not None
        and a.status not in {"missed"}
    ):
        projection = [
            (year_point(a.actual_period), float(a.actual)),
            (float(target.deadline), float(projected)),
        ]
    low = min([x_range[0], *(p[0] for p in points), *(p[0] for p in path)])
    return Chart("level", points, value, path, projection, (low, x_range[1]), figures)
