"""One view of each assessed target: its assessment, and what every renderer needs.

Built once per command — ``status`` (table and JSON), ``show`` and ``report`` (every
format) — by :func:`target_view`, and handed to every renderer, so a target reads the
same wherever an analyst meets it. The view holds the assessment itself (no copy of
its fields) plus the plan's names, unit, quote and, for the report, the chart.
Periods stay :class:`Period` objects and numbers stay numbers until the last step
(``reporting/text.py`` for texts, ``reporting/render/json_model.py`` for JSON).

Whether a target is ahead of or behind schedule is decided once, by
:func:`schedule_standing`; the summary's "most behind", the phrases, the tables and
the JSON all read it from the view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.assessment.engine import RELATIVE, Assessment, StatusReport, year_point
from linyi_tracker.assessment.export import assessment_dict, exact
from linyi_tracker.assessment.series import describe_source, series_for, yearly_values
from linyi_tracker.formatting import shown_percent
from linyi_tracker.plan.models import (
    AnnualTarget,
    CumulativeTarget,
    LevelTarget,
    LocalText,
    Plan,
    Target,
    Thresholds,
)

Standing = Literal["ahead", "behind", "on_schedule"]
PERCENT = LocalText(zh="%", en="%")


def schedule_standing(schedule_gap: float | None) -> Standing | None:
    """Ahead of, behind or on schedule, at the precision every output shows (0.1 point).

    Deciding on the rounded figure means a gap shown as "0.0 points" is never called
    ahead or behind, and a gap called behind always shows as at least 0.1 points.
    """
    if schedule_gap is None:
        return None
    points = shown_percent(schedule_gap)
    if points > 0:
        return "ahead"
    if points < 0:
        return "behind"
    return "on_schedule"


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

    @property
    def pace_bounds(self) -> tuple[Decimal, Decimal]:
        return (self.thresholds.on_track, self.thresholds.at_risk)

    @property
    def target_id(self) -> str:
        return self.a.target_id

    @property
    def standing(self) -> Standing | None:
        return schedule_standing(self.a.schedule_gap)

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
    plan: Plan, store: Store, a: Assessment, as_of: Period, *, chart: bool = False
) -> TargetView:
    """The view of one assessment; with ``chart``, also what its chart draws."""
    target = plan.target_by_id[a.target_id]
    ind = plan.indicator_by_id[target.indicator]
    unit = plan.unit_of(ind)
    # Growth and change targets are judged in percent (a year, or in all), whatever the
    # indicator's own unit.
    unit_name = PERCENT if a.kind in RELATIVE else unit.name if unit else None
    return TargetView(
        a=a,
        system=ind.system,
        name=ind.name,
        unit_name=unit_name,
        quote=target.quote,
        count_total=getattr(target, "count_total", None),
        binding=target.binding,
        sources=tuple(sorted({o.source for o in a.evidence if o.source})),
        chart=_chart(plan, store, target, a, as_of) if chart else None,
        thresholds=plan.assessment.thresholds,
    )


def status_view(plan: Plan, store: Store, report: StatusReport) -> StatusView:
    return StatusView(
        report.as_of,
        tuple(target_view(plan, store, a, report.as_of) for a in report.assessments),
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
        "chart": _rounded(asdict(v.chart)) if v.chart else None,
    }


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


def _chart(plan: Plan, store: Store, target: Target, a: Assessment, as_of: Period) -> Chart | None:
    if not isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget):
        return None
    ind = plan.indicator_by_id[target.indicator]
    series = series_for(plan, store, ind, plan.city.id)
    # An annual target's line is the as-of year's own value (values:), else `value`.
    value = float(
        target.value_for(min(as_of.year, target.deadline))
        if isinstance(target, AnnualTarget)
        else target.value
    )
    start = float(target.start if target.start is not None else plan.plan.period.start)
    x_range = (start - 1, float(target.deadline))
    if isinstance(target, CumulativeTarget):
        running, points = 0.0, []
        for y in range(target.start, min(as_of.year, target.deadline) + 1):
            vals = [o for o in series.up_to(as_of) if o.period.year == y and o.value is not None]
            if not vals:
                continue
            last = vals[-1]
            points.append((year_point(last.period), running + float(last.value or 0)))
            if last.period.is_full_year:
                running += float(last.value or 0)
        required = [(start - 1, 0.0), (float(target.deadline), value)]
        projection = []
        if points and a.projected is not None and a.status not in {"missed", "achieved"}:
            projection = [points[-1], (float(target.deadline), float(a.projected))]
        return Chart("cumulative", points, value, required, projection, x_range)
    values = yearly_values(series, as_of, flow=ind.flow)
    points = [(year_point(p), float(v)) for p, v in values]
    if isinstance(target, AnnualTarget):
        current = [
            o for o in series.up_to(as_of) if o.period.year == as_of.year and o.value is not None
        ]
        if ind.flow and current and not current[-1].period.is_full_year:
            points.append((year_point(current[-1].period), float(current[-1].value or 0)))
        required = [(start - 1, value), (float(target.deadline), value)]
        projection = []
        if (
            a.projected is not None
            and a.actual_period is not None
            and not a.actual_period.is_full_year
        ):
            projection = [
                (year_point(a.actual_period), float(a.actual or 0)),
                (float(a.actual_period.year), float(a.projected)),
            ]
        return Chart(
            "annual",
            points,
            value,
            required,
            projection,
            (min([x_range[0], *(p[0] for p in points)]), x_range[1]),
        )
    path: list[tuple[float, float]] = []
    if a.starting_point is not None:
        y0, v0 = a.starting_point
        if y0 < target.deadline and v0 > 0 and value > 0:
            rate = (value / float(v0)) ** (1 / (target.deadline - y0))
            path = [
                (float(y), float(v0) * rate ** (y - y0)) for y in range(y0, target.deadline + 1)
            ]
    projection = []
    if (
        a.projected is not None
        and a.actual is not None
        and a.actual_period is not None
        and a.status not in {"missed"}
    ):
        projection = [
            (year_point(a.actual_period), float(a.actual)),
            (float(target.deadline), float(a.projected)),
        ]
    low = min([x_range[0], *(p[0] for p in points), *(p[0] for p in path)])
    return Chart("level", points, value, path, projection, (low, x_range[1]))
