"""Resolving what a data file says — ids, or names in zh or en — against the plan."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Literal

from linyi_tracker.plan.models import Indicator, MilestoneTarget, Plan, QualitativeTarget
from linyi_tracker.plan.names import (
    after_city,
    city_prefixes,
    has_cjk,
    indicator_names,
    region_names,
)
from linyi_tracker.plan.names import fold as fold
from linyi_tracker.plan.script import simplified
from linyi_tracker.plan.sounds import is_zone_name, sounds_like

ValueType = Literal["number", "milestone", "count", "judgement"]


class PlanLookup:
    """The plan's indicators and regions by every name a file may use, built once a run."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.indicators: dict[str, Indicator] = {}
        self.indicator_names: dict[str, Indicator] = {}
        for ind in plan.indicators:
            self.indicators[ind.id.casefold()] = ind
            # Every name, the id too (a full-width id is found by name): the plan check
            # refuses two indicators with one folded name (plan/names.py), so none of
            # these overwrites another's.
            for name in indicator_names(ind):
                self.indicator_names[fold(name)] = ind
        self.regions: dict[str, str] = {}
        self.city_prefixes = city_prefixes(plan)
        for reg in plan.regions:
            for name in region_names(reg):
                self.regions[fold(name)] = reg.id
        self.value_types: dict[str, ValueType] = {
            ind.id: value_type(plan, ind) for ind in plan.indicators
        }
        # A countable milestone's largest total: its count may not exceed it.
        self.count_totals: dict[str, int] = {}
        for ind in plan.indicators:
            totals = [
                t.count_total
                for t in plan.targets_of(ind.id)
                if isinstance(t, MilestoneTarget) and t.count_total is not None
            ]
            if totals:
                self.count_totals[ind.id] = max(totals)

    def indicator(self, text: str) -> tuple[Indicator | None, bool]:
        """The indicator and whether it was found by name rather than id."""
        by_id = self.indicators.get(text.strip().casefold())
        if by_id is not None:
            return by_id, False
        by_name = self.indicator_names.get(fold(text))
        return by_name, by_name is not None

    def suggest_indicator(self, text: str) -> str | None:
        if self._indicator_suggestions is None:
            candidates = {
                **{k: v.id for k, v in self.indicators.items()},
                **{k: v.id for k, v in self.indicator_names.items()},
            }
            self._indicator_suggestions = _Suggestions(candidates, cutoff=0.6)
        folded = simplified(fold(text))  # 城鎮新增就業: traditional script read as simplified
        return self._indicator_suggestions.by_sound(folded) or self._indicator_suggestions(folded)

    def region(self, text: str) -> str | None:
        """A region by id, name or alias; a county's name with its city in front
        (临沂市兰山区) is the county's (:func:`~linyi_tracker.plan.names.without_city`)."""
        found = self.regions.get(fold(text))
        if found is not None:
            return found
        return after_city(text, self.regions, self.plan.city.id, self.city_prefixes)[1]

    def suggest_region(self, text: str) -> str | None:
        """A region close in meaning, not just in characters: never for a functional zone
        (蒙山旅游区 is not 兰山区), never the city for a name written after the city's
        (临沂市兰三区 is no figure of 临沂市), and for a Chinese name only one sharing a
        two-character stem with it (罗庄 in 罗庄镇 → luozhuang) — or sounding like it,
        character for character (兰三区 → lanshan: the pinyin input method's typo)."""
        folded = simplified(fold(text))  # 蘭山區 is 兰山区 in traditional script
        if is_zone_name(folded):
            return None
        # A county written with its city in front (临沂市兰三区) is compared by what follows
        # the city: never the city itself, whose figure is not the county's.
        rest = after_city(folded, self.regions, self.plan.city.id, self.city_prefixes)[0]
        if rest is not None:
            folded = rest
        if self._region_suggestions is None:
            self._region_suggestions = _Suggestions(self.regions, cutoff=0.5)
        # The input method's typo first (兰三区 sounds as 兰山区): ranked by sound, a tie
        # giving nothing (plan/sounds.py); then a name close in characters.
        heard = self._region_suggestions.by_sound(folded)
        guess = heard or self._region_suggestions(folded)
        if rest is not None and guess == self.plan.city.id:
            return None
        if guess is None or guess == heard or not has_cjk(folded):
            return guess
        names = [n for n, ident in self.regions.items() if ident == guess and has_cjk(n)]
        return guess if any(_shares_stem(folded, n) for n in names) else None

    _indicator_suggestions: _Suggestions | None = None  # built on first use
    _region_suggestions: _Suggestions | None = None


def _shares_stem(text: str, name: str) -> bool:
    """Whether a text holds two characters in a row of a region's name, its 区/县/市 aside
    (罗庄 of 罗庄区 in 罗庄县; 蒙山区 shares only 山区 with 兰山区, which is no stem)."""
    stem = name[:-1] if len(name) > 2 and name[-1] in "区县市" else name
    return any(stem[i : i + 2] in text for i in range(len(stem) - 1))


class _Suggestions:
    """Did-you-mean: the closest entry of a table, each text worked out once and at
    most LIMIT distinct texts worked out at all — difflib takes ~0.5 ms a text over the
    plan's names, and 20,000 distinct unknown indicators took 14 s. Past the limit the
    finding comes without a suggestion."""

    LIMIT = 1000

    def __init__(self, table: dict[str, str], *, cutoff: float) -> None:
        self.table, self.keys, self.cutoff = table, list(table), cutoff
        self.done: dict[str, str | None] = {}
        self.chinese = {k: v for k, v in table.items() if has_cjk(k)}
        self.heard: dict[str, str | None] = {}

    def by_sound(self, folded: str) -> str | None:
        """The entry whose Chinese name ``folded`` sounds like (a pinyin typo: 兰三区 →
        lanshan), each text worked out once, at most LIMIT texts."""
        if folded in self.heard:
            return self.heard[folded]
        if len(self.heard) >= self.LIMIT or not has_cjk(folded):
            return None
        found = sounds_like(folded, self.chinese)
        self.heard[folded] = found
        return found

    def __call__(self, folded: str) -> str | None:
        if folded in self.done:
            return self.done[folded]
        if len(self.done) >= self.LIMIT:
            return None
        close = get_close_matches(folded, self.keys, n=1, cutoff=self.cutoff)
        found = self.table[close[0]] if close else None
        self.done[folded] = found
        return found


def value_type(plan: Plan, ind: Indicator) -> ValueType:
    """What a value cell of this indicator holds: a number, a milestone word or date, a
    count of a countable milestone, or a judgement word."""
    kinds = plan.targets_of(ind.id)
    if any(isinstance(t, QualitativeTarget) for t in kinds):
        return "judgement"
    milestones = [t for t in kinds if isinstance(t, MilestoneTarget)]
    if milestones:
        return "count" if any(t.count_total is not None for t in milestones) else "milestone"
    return "number"
