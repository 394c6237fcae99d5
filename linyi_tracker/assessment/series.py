"""The series an assessment reads: one region's observations, or the city's derived.

For the city, an indicator that aggregates by ``sum`` takes the city's own row when
there is one; otherwise the regions' rows for a period add up to a city value only when
every region has reported. A partial sum is recorded as such and never used as the
city value (assessment.md, "Components and regions").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.assessment.sources import region_sum_source
from linyi_tracker.plan.models import Indicator, Plan

DERIVED_FILE = "(sum of regions)"


@dataclass(frozen=True, slots=True)
class PartialSum:
    """Regions' values for a period when not every region has reported."""

    period: Period
    total: Decimal
    reported: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass
class Series:
    observations: list[Observation] = field(default_factory=list)
    partials: list[PartialSum] = field(default_factory=list)

    def up_to(self, p: Period) -> list[Observation]:
        return [o for o in self.observations if o.period.end_index <= p.end_index]

    def partials_up_to(self, p: Period) -> list[PartialSum]:
        return [s for s in self.partials if s.period.end_index <= p.end_index]


class SeriesBook:
    """The series one command reads, each worked out once (:func:`series_for`), for one
    plan and one store: the store does not change once read, so neither do they. Made
    by the command's assessment (:func:`~linyi_tracker.assessment.engine.assess_all`,
    the report's model, ``show``) and passed along to the views built from it; the
    store keeps no memo of this layer's. Measured on the bench's 100k-observation store
    (assessing and building the views, the store already read): status 43 ms against
    49 ms without the book, ``status --region all`` 169 against 199 ms, the report 128
    against 156 ms: a few per cent of a command that reads that store in 1.3 s."""

    __slots__ = ("_memo", "plan", "store")

    def __init__(self, plan: Plan, store: Store) -> None:
        self.plan = plan
        self.store = store
        self._memo: dict[tuple[str, str, str | None, str], Series] = {}

    def series(self, indicator: Indicator, region: str) -> Series:
        """:func:`series_for` of the book's plan and store, worked out on first use."""
        key = (indicator.id, indicator.aggregate, indicator.unit, region)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = series_for(self.plan, self.store, indicator, region)
        return found


def series_for(plan: Plan, store: Store, indicator: Indicator, region: str) -> Series:
    """An indicator's figures in a region, oldest first; for the city, a sum of the
    regions where the city gave no figure of its own. A command reads each once through
    its :class:`SeriesBook`."""
    own = list(store.series(indicator.id, region))
    if region != plan.city.id or indicator.aggregate != "sum":
        return Series(own)
    have = {o.period.text for o in own}
    # Each figure once: a zone counted inside a county's figures (part_of) is not added.
    regions = [r.id for r in plan.summed_regions]
    # Periods the city reports itself need no sum of the regions: skipped early.
    by_period: dict[str, dict[str, Observation]] = defaultdict(dict)
    for r in regions:
        for o in store.series(indicator.id, r):
            if o.period.text not in have and (o.value is not None or o.word is not None):
                by_period[o.period.text][r] = o
    derived: list[Observation] = []
    partials: list[PartialSum] = []
    for rows in by_period.values():
        period = next(iter(rows.values())).period
        total = sum((_count_value(o) for o in rows.values()), Decimal(0))
        if len(rows) == len(regions):
            files = sorted({o.file for o in rows.values()})
            derived.append(
                Observation(
                    indicator.id,
                    period,
                    region,
                    total,
                    None,
                    None,
                    indicator.unit,
                    region_sum_source(len(regions), len(files)),
                    "",
                    None,
                    DERIVED_FILE,
                    0,
                )
            )
        else:
            partials.append(
                PartialSum(
                    period,
                    total,
                    tuple(r for r in regions if r in rows),
                    tuple(r for r in regions if r not in rows),
                )
            )
    merged = sorted(own + derived, key=lambda o: o.period.sort_key)
    return Series(merged, sorted(partials, key=lambda s: s.period.sort_key))


def _count_value(o: Observation) -> Decimal:
    """A region's value in a sum: its number, or 1/0 for a countable milestone's word."""
    if o.value is not None:
        return o.value
    return Decimal(1) if o.word == "done" else Decimal(0)


def yearly_values(
    series: Series, as_of: Period, *, flow: bool = False
) -> list[tuple[Period, Decimal]]:
    """The latest figure of each year up to ``as_of``: what a trend line shows.

    For a flow indicator only full-year totals count: a half year's year-to-date
    figure next to whole years would draw a collapse that did not happen.
    """
    by_year: dict[int, Observation] = {}
    for o in series.up_to(as_of):
        if o.value is not None and (not flow or o.period.is_full_year):
            by_year[o.period.year] = o
    return [(by_year[y].period, by_year[y].value or Decimal(0)) for y in sorted(by_year)]


def region_ranking(
    plan: Plan, store: Store, indicator: Indicator, as_of: Period
) -> tuple[Period | None, list[Observation], list[str]]:
    """For the latest period any region reported up to ``as_of``: the regions' figures,
    best first (by the indicator's direction), and the regions that did not report it."""
    latest: Period | None = None
    limit = as_of.end_index
    for r in plan.sub_regions:
        # A series is oldest first: its latest period up to as_of is the last one found
        # scanning from the end.
        for o in reversed(store.series(indicator.id, r.id)):
            if o.period.end_index <= limit:
                if latest is None or o.period.sort_key > latest.sort_key:
                    latest = o.period
                break
    if latest is None:
        return None, [], [r.id for r in plan.sub_regions]
    reported: list[Observation] = []
    missing: list[str] = []
    wanted = latest.sort_key
    for r in plan.sub_regions:
        match = next(
            (o for o in reversed(store.series(indicator.id, r.id)) if o.period.sort_key == wanted),
            None,
        )
        if match is not None:
            reported.append(match)
        else:
            missing.append(r.id)
    sign = -1 if indicator.direction == "lower" else 1
    reported.sort(key=lambda o: -sign * float(o.value) if o.value is not None else float("inf"))
    return latest, reported, missing


def competition_ranks(keys: Sequence[object]) -> list[int]:
    """The rank of each item of a list already ordered best first, from the exact figures
    it was ordered by (``keys``, never the figures as shown: 97.4 % beside 97.4 % may be
    97.44 and 97.36): equal figures share the rank of the first of them, and the next rank
    counts them all (standard competition ranking: 1, 2, 2, 4). A missing figure (None)
    shares no rank. The one ranking rule of every table, sheet and list of regions."""
    ranks: list[int] = []
    for i, key in enumerate(keys):
        tied = i > 0 and key is not None and key == keys[i - 1]
        ranks.append(ranks[-1] if tied else i + 1)
    return ranks
