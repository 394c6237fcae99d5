"""Checks across rows, one rule a module, each ``check(submitted, stored, plan)`` giving
its findings and building messages only for the rows it flags:

1. :mod:`.same_keys` — duplicates and conflicts within the submission (one key, one span);
   it settles which row counts for each key, which the rules after it look at;
2. :mod:`.against_store` — each figure against the stored one (already stored, changed),
   and :mod:`.withdrawn` — a figure the data folder has withdrawn;
3. :mod:`.ytd` — year-to-date figures that fall within a year;
4. :mod:`.outliers` — robust z-scores within a series;
5. :mod:`.plausible` — the plausible band, and a figure in line with its series or region;
6. :mod:`.components` — parts above their whole;
7. :mod:`.region_sums` — a city figure against the sum of its regions.

Observations arrive one at a time (:meth:`CrossChecks.add`) as the files stream past;
:meth:`CrossChecks.finish` runs the rules in that order. Every finding is attributed to a
submitted row. Full observations are kept only when asked (``keep=True``, for ingest,
which writes them).
"""

from __future__ import annotations

from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.store import Store
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import (
    against_store,
    components,
    outliers,
    plausible,
    region_sums,
    same_keys,
    withdrawn,
    ytd,
)
from linyi_tracker.validation.cross.figures import Stored, Submitted
from linyi_tracker.validation.cross.outliers import (
    OUTLIER_MAD_FLOOR,
    OUTLIER_MIN_VALUES,
    OUTLIER_Z,
    robust_scale,
)

__all__ = [
    "OUTLIER_MAD_FLOOR",
    "OUTLIER_MIN_VALUES",
    "OUTLIER_Z",
    "CrossChecks",
    "robust_scale",
]

RULES = (ytd.check, outliers.check, plausible.check, components.check, region_sums.check)


class CrossChecks:
    def __init__(
        self, plan: Plan, store: Store | None, *, revise: bool = False, keep: bool = False
    ) -> None:
        self.plan = plan
        self.revise = revise
        self.figures = Submitted(plan)
        self.stored = Stored(store, self.figures)
        self.kept: list[Observation] | None = [] if keep else None

    def add(self, o: Observation) -> None:
        self.figures.add(o)
        if self.kept is not None:
            self.kept.append(o)

    def finish(self) -> list[Finding]:
        """Every rule's findings, the rules in order."""
        found = same_keys.check(self.figures, self.stored, self.plan)
        found += against_store.check(self.figures, self.stored, self.plan, revise=self.revise)
        found += withdrawn.check(self.figures, self.stored, self.plan)
        for rule in RULES:
            found += rule(self.figures, self.stored, self.plan)
        return found

    def submitted(self) -> list[Observation]:
        """The observations that count, one per key (ingest writes these)."""
        if self.kept is None:
            raise RuntimeError("CrossChecks(keep=True) is needed to hand the observations on")
        return [self.kept[i] for i in sorted(self.figures.counted)]

    def replaced(self) -> list[Observation]:
        """The submitted figures a later ``as_of`` of the same key replaced: history, which
        ingest keeps beside the figure that counts (a revision is never dropped)."""
        if self.kept is None:
            raise RuntimeError("CrossChecks(keep=True) is needed to hand the observations on")
        return [self.kept[i] for i in sorted(self.figures.history)]
