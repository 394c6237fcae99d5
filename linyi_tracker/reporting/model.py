"""The yearly report as data: built once from the assessment, rendered in any format.

Sections, in order: cover, summary, the year's annual targets, each system, regions,
data completeness, method, sources. Every number comes from the assessment engine
(:mod:`linyi_tracker.assessment.engine`) or straight from a data file; the method
section says how. Renderers (``reporting/render``, and the terminal one in the CLI) are
pure functions of this model, and ``--format json`` is this model dumped whole.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import operator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.assessment.engine import Assessment, assess, year_point
from linyi_tracker.assessment.series import region_ranking, series_for, yearly_values
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import (
    AnnualTarget,
    CumulativeTarget,
    LevelTarget,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
    Target,
)

MOST_BEHIND = 5


@dataclass
class Chart:
    """What a chart of one quantitative target shows, in data units (x in years)."""

    kind: str
    points: list[tuple[float, float]]
    target: float
    required: list[tuple[float, float]]
    projection: list[tuple[float, float]]
    x_range: tuple[float, float]


@dataclass
class Line:
    """One target in the report: its assessment and how to say it."""

    target_id: str
    indicator: str
    system: str
    kind: str
    name_zh: str
    name_en: str
    unit: str | None
    unit_zh: str | None
    unit_en: str | None
    comparator: str | None
    target: Decimal | None
    start: int | None
    deadline: int
    actual: Decimal | None
    actual_word: str | None
    actual_period: str | None
    achievement: float | None
    gap: Decimal | None
    time_progress: float | None
    schedule_gap: float | None
    progress: float | None
    pace: float | None
    projected: Decimal | None
    status: str | None
    judgement: str | None
    on_time: bool | None
    regressing: bool
    revised: bool
    met_years: int | None
    judged_years: int | None
    missing_years: list[int]
    component_of: str | None
    reasons: list[str]
    sources: list[str]
    phrase_zh: str | None
    phrase_en: str | None
    quote: str
    count_total: int | None = None  # a countable milestone: how many (all 12 counties)
    partial_total: Decimal | None = (
        None  # regions' sum when not all have reported (never the city's)
    )
    partial_period: str | None = None
    chart: Chart | None = None


@dataclass
class SystemSection:
    id: str
    number: int
    name_zh: str
    name_en: str
    lines: list[Line]


@dataclass
class RegionRow:
    region: str
    name_zh: str
    name_en: str
    value: Decimal | None
    text: str
    achievement: float | None
    status: str | None


@dataclass
class RegionRanking:
    indicator: str
    name_zh: str
    name_en: str
    unit_zh: str | None
    unit_en: str | None
    period: str
    ranked_by: str  # "achievement" against the target, or "value" where regions have no target
    rows: list[RegionRow]
    missing: list[str]
    missing_zh: list[str]
    missing_en: list[str]


@dataclass
class DataGap:
    """A target with no figure for the year: the last figure, and who should send one."""

    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    last_period: str | None
    last_value: str | None
    reporters_zh: str
    reporters_en: str


@dataclass
class Method:
    on_track: Decimal
    at_risk: Decimal
    tolerance: Decimal
    rules_zh: list[str]
    rules_en: list[str]


@dataclass
class Report:
    plan_id: str
    title_zh: str
    title_en: str
    short_title_zh: str
    short_title_en: str
    year: int
    as_of: str
    as_of_zh: str
    as_of_en: str
    generated: str
    plan_file: str
    data_source: str
    counts: dict[str, int]
    achieved_this_year: list[str]
    most_behind: list[str]
    milestones_due: list[str]
    annual: list[str]
    systems: list[SystemSection]
    regions: list[RegionRanking]
    completeness: list[DataGap]
    method: Method
    sources: list[str]
    lines_by_id: dict[str, Line] = field(default_factory=dict, repr=False, compare=False)

    def line(self, target_id: str) -> Line:
        if not self.lines_by_id:
            self.lines_by_id = {ln.target_id: ln for s in self.systems for ln in s.lines}
        return self.lines_by_id[target_id]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain data (what `--format json` prints)."""
        data = to_data(self)
        assert isinstance(data, dict)
        data.pop("lines_by_id", None)
        return data


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's fields, looked up once
_PLAIN = (str, int, bool, type(None))


def to_data(value: Any) -> Any:
    """Dataclasses to dicts, decimals to exact JSON numbers, fractions rounded to 6 places."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value) if f.name != "lines_by_id")
        _FIELD_NAMES[kind] = names
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(format(value, "f"))
    if isinstance(value, float):
        return round(value, 6) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


# ------------------------------------------------------------------ building


def default_as_of(store: Store, year: int) -> Period:
    """The end of the year, or the latest period with data within it if that is earlier."""
    within = [o.period for o in store.observations if o.period.year == year]
    if within:
        latest = max(within, key=lambda p: p.sort_key)
        return latest
    return Period.of_year(year)


def build_report(
    plan: Plan,
    store: Store,
    year: int,
    as_of: Period,
    *,
    generated: datetime,
    plan_file: str,
    data_source: str,
    system: str | None = None,
) -> Report:
    city = plan.city.id
    assessments = {tg.id: assess(plan, store, tg, as_of, city) for tg in plan.targets}
    lines = {
        tid: line_for(plan, store, plan.target_by_id[tid], a, as_of)
        for tid, a in assessments.items()
    }
    wanted = [s for s in plan.systems if system is None or s.id == system]
    sections = [
        SystemSection(
            s.id,
            s.number,
            s.name.zh,
            s.name.en,
            _ordered(
                [
                    lines[tg.id]
                    for tg in plan.targets
                    if plan.indicator_by_id[tg.indicator].system == s.id
                ]
            ),
        )
        for s in wanted
    ]
    shown = [ln for s in sections for ln in s.lines]
    counts: dict[str, int] = {}
    for ln in shown:
        counts[ln.status or "not_assessed"] = counts.get(ln.status or "not_assessed", 0) + 1
    achieved = [
        ln.target_id
        for ln in shown
        if ln.status in {"achieved", "done"}
        and ln.actual_period
        and ln.actual_period[:4] == str(year)
    ]
    behind = sorted(
        (ln for ln in shown if ln.schedule_gap is not None and ln.schedule_gap < 0),
        key=lambda ln: ln.schedule_gap or 0.0,
    )[:MOST_BEHIND]
    due = [ln.target_id for ln in shown if ln.kind == "milestone" and ln.deadline == year]
    annual = [
        ln.target_id
        for ln in shown
        if ln.kind == "annual" and (ln.start or 0) <= year <= ln.deadline
    ]
    ids = {ln.indicator for ln in shown}
    meta = plan.plan
    return Report(
        plan_id=meta.id,
        title_zh=meta.title.zh,
        title_en=meta.title.en,
        short_title_zh=(meta.short_title or meta.title).zh,
        short_title_en=(meta.short_title or meta.title).en,
        year=year,
        as_of=str(as_of),
        as_of_zh=as_of.label("zh"),
        as_of_en=as_of.label("en"),
        generated=generated.isoformat(timespec="seconds"),
        plan_file=plan_file,
        data_source=data_source,
        counts=counts,
        achieved_this_year=achieved,
        most_behind=[ln.target_id for ln in behind],
        milestones_due=due,
        annual=annual,
        systems=sections,
        regions=_regions(plan, store, year, as_of, [ln for ln in shown if ln.indicator in ids]),
        completeness=_completeness(plan, store, year, as_of, shown),
        method=_method(plan),
        sources=_sources(store, ids, year, as_of),
    )


def _method(plan: Plan) -> Method:
    """The rules in both languages, with the thresholds and region count of this plan."""
    th = plan.assessment.thresholds

    def rules(lang: Lang) -> list[str]:
        return [
            t(
                f"method.rule{i}",
                lang,
                on=th.on_track,
                risk=th.at_risk,
                regions=len(plan.sub_regions),
            )
            for i in range(1, 9)
        ]

    return Method(th.on_track, th.at_risk, plan.assessment.tolerance, rules("zh"), rules("en"))


def _ordered(lines: list[Line]) -> list[Line]:
    """Components right under their whole."""
    parts: dict[str, list[Line]] = {}
    for ln in lines:
        if ln.component_of is not None:
            parts.setdefault(ln.component_of, []).append(ln)
    out: list[Line] = []
    for ln in lines:
        if ln.component_of is None:
            out.append(ln)
            out.extend(parts.get(ln.target_id, ()))
    placed = {id(ln) for ln in out}
    out.extend(ln for ln in lines if id(ln) not in placed)  # parts whose whole is not shown
    return out


def line_for(
    plan: Plan, store: Store, target: Target, a: Assessment, as_of: Period, *, chart: bool = True
) -> Line:
    """One target's report line: the assessment, with names and units, and its chart."""
    ind = plan.indicator_by_id[target.indicator]
    unit = plan.unit_of(ind)
    met, judged = (
        a.met_years if a.history and any(h.met is not None for h in a.history) else (None, None)
    )
    phrase_zh, phrase_en = _phrases(a)
    return Line(
        target_id=target.id,
        indicator=ind.id,
        system=ind.system,
        kind=target.kind,
        name_zh=ind.name.zh,
        name_en=ind.name.en,
        unit=ind.unit,
        unit_zh=unit.name.zh if unit else None,
        unit_en=unit.name.en if unit else None,
        comparator=a.comparator,
        target=a.target,
        start=a.start,
        deadline=a.deadline,
        actual=a.actual,
        actual_word=a.actual_word,
        actual_period=str(a.actual_period) if a.actual_period else None,
        achievement=a.achievement,
        gap=a.gap,
        time_progress=a.time_progress,
        schedule_gap=a.schedule_gap,
        progress=a.progress,
        pace=a.pace,
        projected=a.projected,
        status=a.status,
        judgement=a.judgement,
        on_time=a.on_time,
        regressing=a.regressing,
        revised=a.revised,
        met_years=met,
        judged_years=judged,
        missing_years=a.missing_years,
        component_of=a.component_of,
        reasons=a.reasons,
        sources=sorted({o.source for o in a.evidence if o.source}),
        phrase_zh=phrase_zh,
        phrase_en=phrase_en,
        quote=target.quote,
        count_total=getattr(target, "count_total", None),
        partial_total=a.partial.total if a.partial else None,
        partial_period=str(a.partial.period) if a.partial else None,
        chart=_chart(plan, store, target, a, as_of) if chart else None,
    )


def _phrases(a: Assessment) -> tuple[str | None, str | None]:
    """The Chinese planning habit: 完成年度目标的98.5%，超时序进度31.8个百分点."""
    if a.achievement is None:
        return None, None
    pct = f"{a.achievement * 100:.1f}"
    if a.kind == "annual":
        zh, en = f"完成年度目标的{pct}%", f"{pct} % of the annual target"
    elif a.kind == "cumulative":
        zh, en = (
            f"完成{a.start}—{a.deadline}年目标的{pct}%",
            f"{pct} % of the {a.start}–{a.deadline} target",
        )
    elif a.kind == "milestone":
        zh, en = f"完成{pct}%", f"{pct} % done"
    else:
        zh, en = f"达到目标值的{pct}%", f"{pct} % of the target level"
    if a.schedule_gap is not None:
        points = f"{abs(a.schedule_gap) * 100:.1f}"
        if round(a.schedule_gap * 100, 1) > 0:
            zh += f"，超时序进度{points}个百分点"
            en += f", {points} points ahead of schedule"
        elif round(a.schedule_gap * 100, 1) < 0:
            zh += f"，落后时序进度{points}个百分点"
            en += f", {points} points behind schedule"
        else:
            zh += "，与时序进度持平"
            en += ", on schedule"
    return zh, en


def _chart(plan: Plan, store: Store, target: Target, a: Assessment, as_of: Period) -> Chart | None:
    if not isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget):
        return None
    ind = plan.indicator_by_id[target.indicator]
    series = series_for(plan, store, ind, plan.city.id)
    value = float(target.value)
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


def _regions(
    plan: Plan, store: Store, year: int, as_of: Period, lines: list[Line]
) -> list[RegionRanking]:
    upto = as_of if as_of.year == year else Period.of_year(year)
    out: list[RegionRanking] = []
    seen: set[str] = set()
    for ln in lines:
        if ln.indicator in seen:
            continue
        seen.add(ln.indicator)
        ind = plan.indicator_by_id[ln.indicator]
        period, reported, missing = region_ranking(plan, store, ind, upto)
        if period is None or period.year != year:
            continue
        target = plan.target_by_id[ln.target_id]
        judged = ind.aggregate == "none" and isinstance(target, LevelTarget)
        rows = []
        for o in reported:
            a = assess(plan, store, target, period, o.region) if judged else None
            region = plan.region_by_id[o.region]
            rows.append(
                RegionRow(
                    o.region,
                    region.name.zh,
                    region.name.en,
                    o.value,
                    o.text,
                    a.achievement if a else None,
                    a.status if a else None,
                )
            )
        if judged:
            rows.sort(key=lambda r: -(r.achievement if r.achievement is not None else -math.inf))
        unit = plan.unit_of(ind)
        out.append(
            RegionRanking(
                ind.id,
                ind.name.zh,
                ind.name.en,
                unit.name.zh if unit else None,
                unit.name.en if unit else None,
                str(period),
                "achievement" if judged else "value",
                rows,
                missing,
                [plan.region_by_id[r].name.zh for r in missing],
                [plan.region_by_id[r].name.en for r in missing],
            )
        )
    return out


def _completeness(
    plan: Plan, store: Store, year: int, as_of: Period, lines: list[Line]
) -> list[DataGap]:
    upto = as_of if as_of.year == year else Period.of_year(year)
    out = []
    for ln in lines:
        target = plan.target_by_id[ln.target_id]
        first = getattr(target, "start", None) or plan.plan.period.start
        if isinstance(target, MilestoneTarget | QualitativeTarget):
            first = plan.plan.period.start
        if not first <= year <= target.deadline:
            continue
        ind = plan.indicator_by_id[ln.indicator]
        series = series_for(plan, store, ind, plan.city.id)
        seen = series.up_to(upto)
        if any(o.period.year == year for o in seen):
            continue
        last = seen[-1] if seen else None
        system = plan.system_by_id[ind.system]
        if ind.aggregate == "sum":
            have = {
                o.region
                for r in plan.sub_regions
                for o in store.series(ind.id, r.id)
                if o.period.year == year and o.period.end_index <= upto.end_index
            }
            absent = [r for r in plan.sub_regions if r.id not in have]
            who_zh = "、".join(r.name.zh for r in absent) + "（或全市合计）"
            who_en = ", ".join(r.name.en for r in absent) + " (or the city total)"
        else:
            who_zh = f"全市（{system.name.zh}工作推进线）"
            who_en = f"the city ({system.name.en} work line)"
        out.append(
            DataGap(
                ln.target_id,
                ind.id,
                ind.name.zh,
                ind.name.en,
                str(last.period) if last else None,
                last.text if last else None,
                who_zh,
                who_en,
            )
        )
    return out


_SOURCE = operator.attrgetter("source")


def _sources(store: Store, indicators: set[str], year: int, as_of: Period) -> list[str]:
    limit = (as_of if as_of.year == year else Period.of_year(year)).end_index
    found: set[str] = set()
    for (indicator, _), series in store.index().items():
        if indicator in indicators:
            # oldest first: the figures up to the limit are a leading run of the series
            cut = bisect.bisect_right(series, limit, key=lambda o: o.period.end_index)
            found.update(map(_SOURCE, series[:cut]))
    found.discard("")
    return sorted(found)
