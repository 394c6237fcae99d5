"""Resolving what a data file says — ids, or names in zh or en — against the plan."""

from __future__ import annotations

import unicodedata
from difflib import get_close_matches
from typing import Literal

from linyi_tracker.plan.models import Indicator, MilestoneTarget, Plan, QualitativeTarget

ValueType = Literal["number", "milestone", "count", "judgement"]


def fold(text: str) -> str:
    """Text as it is compared: NFKC (full-width folded), stripped, case-folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


class PlanLookup:
    """The plan's indicators and regions by every name a file may use, built once a run."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.indicators: dict[str, Indicator] = {}
        self.indicator_names: dict[str, Indicator] = {}
        for ind in plan.indicators:
            self.indicators[ind.id.casefold()] = ind
            for name in (ind.name.zh, ind.name.en):
                self.indicator_names[fold(name)] = ind
        self.regions: dict[str, str] = {}
        for reg in plan.regions:
            for name in (reg.id, reg.name.zh, reg.name.en, *reg.aliases):
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
        # Indicators whose values are plain numbers in a unit: (unit id, unit kind), for
        # the reader's row shortcut.
        self.plain_units: dict[str, tuple[str, str]] = {}
        for ind in plan.indicators:
            unit = plan.unit_of(ind)
            if unit is not None and self.value_types[ind.id] == "number":
                self.plain_units[ind.id] = (unit.id, unit.kind)

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
        return self._indicator_suggestions(fold(text))

    def region(self, text: str) -> str | None:
        return self.regions.get(fold(text))

    def suggest_region(self, text: str) -> str | None:
        if self._region_suggestions is None:
            self._region_suggestions = _Suggestions(self.regions, cutoff=0.5)
        return self._region_suggestions(fold(text))

    _indicator_suggestions: _Suggestions | None = None  # built on first use
    _region_suggestions: _Suggestions | None = None


class _Suggestions:
    """Did-you-mean: the closest entry of a table, each text worked out once and at
    most LIMIT distinct texts worked out at all — difflib takes ~0.5 ms a text over the
    plan's names, and 20,000 distinct unknown indicators took 14 s. Past the limit the
    finding comes without a suggestion."""

    LIMIT = 1000

    def __init__(self, table: dict[str, str], *, cutoff: float) -> None:
        self.table, self.keys, self.cutoff = table, list(table), cutoff
        self.done: dict[str, str | None] = {}

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
