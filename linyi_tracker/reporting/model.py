"""The yearly report as data: built once from the assessment, rendered in any format.

Sections, in order: cover, summary, the year's annual targets, each system, regions,
data completeness, method, sources. Every number comes from the assessment engine
(:mod:`linyi_tracker.assessment.engine`) or straight from a data file; the method
section says how. Each target is its one view (:mod:`linyi_tracker.reporting.view`),
the same object `status` and `show` render. Renderers (``reporting/render``, and the terminal one in the CLI) are
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
from linyi_tracker.assessment.engine import assess, made_of_revised
from linyi_tracker.assessment.export import exact
from linyi_tracker.assessment.series import SeriesBook, competition_ranks, region_ranking
from linyi_tracker.formatting import listed
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import (
    MilestoneTarget,
    Plan,
    QualitativeTarget,
)
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import (
    TargetView,
    behind_schedule,
    tally,
    target_view,
    view_dict,
)
from linyi_tracker.words import STATUS_WORDS

MOST_BEHIND = 5


@dataclass
class SystemSection:
    id: str
    number: int
    name_zh: str
    name_en: str
    lines: list[TargetView]


@dataclass
class RegionRow:
    region: str
    name_zh: str
    name_en: str
    value: Decimal | None
    text: str
    achievement: float | None
    status: str | None
    # Why a county's row has no achievement or status, or what qualifies it (engine
    # reason codes: region-no-target, no-starting-point, start-met, fell-back…).
    reasons: list[str] = field(default_factory=list)
    # The years a county's sum or chain lacks (missing-years, missing-link), as the city's
    # row has them (Assessment.missing_years): its cell names them as the city's does.
    missing_years: list[int] = field(default_factory=list)
    # Made of a revised figure (engine.made_of_revised): the county's figure, or what its
    # assessment stands on; its reason cell says so, as the city's status cell does
    revised: bool = False


@dataclass
class RegionRanking:
    indicator: str
    name_zh: str
    name_en: str
    unit_zh: str | None
    unit_en: str | None
    period: Period
    # "achievement" against the target, "status" where a county's target is a milestone,
    # or "value" where regions have no target
    ranked_by: str
    rows: list[RegionRow]
    missing: list[str]
    missing_zh: list[str]
    missing_en: list[str]
    # The achievements a county's status word stands on besides 100 % (the target's
    # TargetView.achievement_bounds: an ≈ target's tolerance), which its shown
    # achievement never rounds across, as the city's row does not. Not data (to_data): a
    # display rule, the exact achievement is in the JSON.
    achievement_bounds: tuple[Decimal, ...] = field(default=(), metadata={"data": False})

    @property
    def ranks(self) -> list[int]:
        """Each row's rank, equal exact figures sharing one (series.competition_ranks):
        罗庄区 and 郯城县 at 97.4 % both 4th, 兰山区 and 沂水县 both 6th."""
        return competition_ranks([_ranked_figure(r, self.ranked_by) for r in self.rows])


def _ranked_figure(row: RegionRow, ranked_by: str) -> object:
    """The exact figure a ranking orders its rows by."""
    if ranked_by == "achievement":
        return row.achievement
    return row.status if ranked_by == "status" else row.value


@dataclass
class DataGap:
    """A target with no figure for the year: the last figure, and who should send one."""

    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    last_period: Period | None
    last_value: str | None
    reporters_zh: str
    reporters_en: str
    # the unit the last figure is in, as every table names it (%, 元, 个县区): "60 (2019)"
    # read as a count beside a table's "60.0%"
    unit_zh: str | None = None
    unit_en: str | None = None


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
    as_of: Period
    generated: str
    plan_file: str
    data_source: str
    counts: dict[str, int]
    achieved_this_year: list[str]
    missed_this_year: list[str]
    most_behind: list[str]
    milestones_due: list[str]
    annual: list[str]
    systems: list[SystemSection]
    regions: list[RegionRanking]
    completeness: list[DataGap]
    method: Method
    sources: list[str]
    lines_by_id: dict[str, TargetView] = field(
        default_factory=dict, repr=False, compare=False, metadata={"data": False}
    )

    def summary_lists(self) -> list[tuple[str, list[str]]]:
        """The summary's lists, in reading order, as (heading key, target ids): the one
        list every format draws."""
        return [
            ("report.achieved_this_year", self.achieved_this_year),
            ("report.missed_this_year", self.missed_this_year),
            ("report.most_behind", self.most_behind),
            ("report.milestones_due", self.milestones_due),
        ]

    def line(self, target_id: str) -> TargetView:
        if not self.lines_by_id:
            self.lines_by_id = {ln.target_id: ln for s in self.systems for ln in s.lines}
        return self.lines_by_id[target_id]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain data (what `--format json` prints)."""
        data = to_data(self)
        assert isinstance(data, dict)
        return data


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's fields, looked up once
_PLAIN = (str, int, bool, type(None))


def to_data(value: Any) -> Any:
    """Dataclasses to dicts, decimals to exact JSON numbers, fractions rounded to 6 places."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is TargetView:
        return view_dict(value)
    if kind is Period:
        return str(value)
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value) if f.metadata.get("data", True))
        _FIELD_NAMES[kind] = names
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, Decimal):
        return exact(value)
    if isinstance(value, float):
        return round(value, 6) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


# ------------------------------------------------------------------ building


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
    # Every series read once, by the assessments and by the views, charts and lists built
    # from them: the renderers are handed what they draw and read no store.
    book = SeriesBook(plan, store)
    lines = {
        tg.id: target_view(
            plan, store, assess(plan, store, tg, as_of, city, book), as_of, chart=True, book=book
        )
        for tg in plan.targets
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
    counts = tally(shown)
    achieved = [
        ln.target_id
        for ln in shown
        if ln.a.status in {"achieved", "done"}
        and ln.a.actual_period is not None
        and ln.a.actual_period.year == year
    ]
    # Missed in the report's year: at a deadline that falls in it, or an annual target's
    # figure for it (assessment.md: a target past its deadline is listed as missed, never
    # as behind schedule).
    missed = [
        ln.target_id
        for ln in shown
        if ln.a.status in {"missed", "overdue"}
        and (
            ln.a.actual_period is not None and ln.a.actual_period.year == year
            if ln.a.kind == "annual"
            else ln.a.deadline == year
        )
    ]
    behind = sorted(
        (ln for ln in shown if behind_schedule(ln.a, year)),
        key=lambda ln: ln.a.schedule_gap or 0.0,
    )[:MOST_BEHIND]
    due = [ln.target_id for ln in shown if ln.a.kind == "milestone" and ln.a.deadline == year]
    annual = [
        ln.target_id
        for ln in shown
        if ln.a.kind == "annual" and (ln.a.start or 0) <= year <= ln.a.deadline
    ]
    ids = {ln.a.indicator for ln in shown}
    meta = plan.plan
    return Report(
        plan_id=meta.id,
        title_zh=meta.title.zh,
        title_en=meta.title.en,
        short_title_zh=(meta.short_title or meta.title).zh,
        short_title_en=(meta.short_title or meta.title).en,
        year=year,
        as_of=as_of,
        generated=generated.isoformat(timespec="seconds"),
        plan_file=plan_file,
        data_source=data_source,
        counts=counts,
        achieved_this_year=achieved,
        missed_this_year=missed,
        most_behind=[ln.target_id for ln in behind],
        milestones_due=due,
        annual=annual,
        systems=sections,
        regions=_regions(book, year, as_of, shown),
        completeness=_completeness(book, year, as_of, shown),
        method=_method(plan),
        sources=_sources(store, ids, year, as_of),
    )


def _method(plan: Plan) -> Method:
    """The rules in both languages, with the thresholds and region count of this plan."""
    th = plan.assessment.thresholds

    # Rule 2 is the schedule rule as the engine applies it (months the figure covers);
    # the history rule closes the list.
    keys = [
        "method.rule1",
        "method.schedule",
        *(f"method.rule{i}" for i in range(3, 9)),
        "method.history",
    ]

    def rules(lang: Lang) -> list[str]:
        said = [
            t(key, lang, on=th.on_track, risk=th.at_risk, regions=len(plan.summed_regions))
            for key in keys
        ]
        # After the schedule rule, the words the report writes once a target's time is up
        # (到期已达成 …): the text the status line explains them with (text.deadline_words).
        at = keys.index("method.schedule") + 1
        said.insert(at, t("method.deadline", lang, words=text.deadline_words(lang)))
        return said

    return Method(th.on_track, th.at_risk, plan.assessment.tolerance, rules("zh"), rules("en"))


def _ordered(lines: list[TargetView]) -> list[TargetView]:
    """Components right under their whole."""
    parts: dict[str, list[TargetView]] = {}
    for ln in lines:
        if ln.a.component_of is not None:
            parts.setdefault(ln.a.component_of, []).append(ln)
    out: list[TargetView] = []
    for ln in lines:
        if ln.a.component_of is None:
            out.append(ln)
            out.extend(parts.get(ln.target_id, ()))
    placed = {id(ln) for ln in out}
    out.extend(ln for ln in lines if id(ln) not in placed)  # parts whose whole is not shown
    return out


def _regions(
    book: SeriesBook, year: int, as_of: Period, lines: list[TargetView]
) -> list[RegionRanking]:
    plan, store = book.plan, book.store
    upto = as_of if as_of.year == year else Period.of_year(year)
    out: list[RegionRanking] = []
    seen: set[str] = set()
    for ln in lines:
        if ln.a.indicator in seen:
            continue
        seen.add(ln.a.indicator)
        ind = plan.indicator_by_id[ln.a.indicator]
        period, reported, missing = region_ranking(plan, store, ind, upto)
        if period is None or period.year != year:
            continue
        target = plan.target_by_id[ln.target_id]
        rows = []
        for o in reported:
            # Every county row is assessed against the target that applies to it; where
            # none does (a county's share of a city-wide sum), the reasons say so.
            a = assess(plan, store, target, period, o.region, book)
            region = plan.region_by_id[o.region]
            rows.append(
                RegionRow(
                    o.region,
                    region.name.zh,
                    region.name.en,
                    o.value,
                    o.text,
                    a.achievement,
                    a.status,
                    list(a.reasons),
                    list(a.missing_years),
                    a.revised or made_of_revised(plan, store, [o]),
                )
            )
        ranked_by = "value"
        if any(r.achievement is not None for r in rows):
            ranked_by = "achievement"
            rows.sort(key=lambda r: -(r.achievement if r.achievement is not None else -math.inf))
        elif any(r.status is not None for r in rows):
            # A milestone each county must pass: done first, then pending, then overdue.
            ranked_by = "status"
            order = {w: i for i, w in enumerate(STATUS_WORDS)}
            rows.sort(key=lambda r: order.get(r.status or "", len(order)))
        unit = plan.unit_of(ind)
        out.append(
            RegionRanking(
                ind.id,
                ind.name.zh,
                ind.name.en,
                unit.name.zh if unit else None,
                unit.name.en if unit else None,
                period,
                ranked_by,
                rows,
                missing,
                [plan.region_by_id[r].name.zh for r in missing],
                [plan.region_by_id[r].name.en for r in missing],
                ln.achievement_bounds,
            )
        )
    return out


def _completeness(
    book: SeriesBook, year: int, as_of: Period, lines: list[TargetView]
) -> list[DataGap]:
    plan, store = book.plan, book.store
    upto = as_of if as_of.year == year else Period.of_year(year)
    out = []
    for ln in lines:
        target = plan.target_by_id[ln.target_id]
        first = getattr(target, "start", None) or plan.plan.period.start
        if isinstance(target, MilestoneTarget | QualitativeTarget):
            first = plan.plan.period.start
        if not first <= year <= target.deadline:
            continue
        ind = plan.indicator_by_id[ln.a.indicator]
        series = book.series(ind, plan.city.id)
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
            who_zh = t(
                "report.who_regions", "zh", regions=listed((r.name.zh for r in absent), "zh")
            )
            who_en = t(
                "report.who_regions", "en", regions=listed((r.name.en for r in absent), "en")
            )
        else:
            who_zh = t("report.who_city", "zh", system=system.name.zh)
            who_en = t("report.who_city", "en", system=system.name.en)
        out.append(
            DataGap(
                ln.target_id,
                ind.id,
                ind.name.zh,
                ind.name.en,
                last.period if last else None,
                last.text if last else None,
                who_zh,
                who_en,
                ln.unit_name.zh if ln.unit_name else None,
                ln.unit_name.en if ln.unit_name else None,
            )
        )
    return out


_SOURCE = operator.attrgetter("source")


def _sources(store: Store, indicators: set[str], year: int, as_of: Period) -> list[str]:
    limit = (as_of if as_of.year == year else Period.of_year(year)).end_index
    found: set[str] = set()
    for (indicator, _, _), series in store.index().items():
        if indicator in indicators:
            # oldest first: the figures up to the limit are a leading run of the series
            cut = bisect.bisect_right(series, limit, key=lambda o: o.period.end_index)
            found.update(map(_SOURCE, series[:cut]))
    found.discard("")
    return sorted(found)
