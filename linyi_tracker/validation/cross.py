"""Checks across rows: duplicates, conflicts, year-to-date series, components, region
sums, outliers, and the figures already in the store.

Observations arrive one at a time (:meth:`CrossChecks.add`) as the files stream past;
only the submitted observations are remembered, one per key. :meth:`CrossChecks.finish`
then looks at each group the submission touched, together with the stored figures of
the same group, and attributes every finding to a row of the submission.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from linyi_tracker.actuals.reader import Observation
from linyi_tracker.actuals.store import Store
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.plan.models import AnnualTarget, CumulativeTarget, LevelTarget, Plan

Key = tuple[str, str, str]
# Iglewicz and Hoaglin's modified z-score: 0.6745·(x − median) / MAD, flagged above 3.5.
# With few values (six years of one month) the MAD of ordinary noise can be tiny and
# every small wobble would score high, so the MAD is floored at 5 % of the median's size:
# a figure ten times too large still scores about 100, everyday variation stays quiet.
OUTLIER_Z = 3.5
OUTLIER_MIN_VALUES = 5
OUTLIER_MAD_FLOOR = 0.05


def _at(
    o: Observation, code: str, severity: Severity, message: str, hint: str | None = None
) -> Finding:
    return Finding(code, severity, message, o.file, o.line, "value", None, hint)


class CrossChecks:
    def __init__(self, plan: Plan, store: Store | None, *, revise: bool = False) -> None:
        self.plan = plan
        self.revise = revise
        self.store = store
        self.seen: dict[Key, Observation] = {}
        self.findings: list[Finding] = []
        self.stored: dict[Key, Observation] = (
            {o.key: o for o in store.observations} if store else {}
        )

    # ------------------------------------------------------------ streaming

    def add(self, o: Observation) -> None:
        previous = self.seen.get(o.key)
        if previous is None:
            self.seen[o.key] = o
            return
        if previous.text == o.text and previous.as_of == o.as_of:
            self.findings.append(
                _at(
                    o,
                    "duplicate-observation",
                    Severity.WARNING,
                    f"{_describe(o)} = {o.text} is also at {previous.file}:{previous.line}; counted once",
                    "remove one of the two rows",
                )
            )
        elif previous.as_of is not None and o.as_of is not None and previous.as_of != o.as_of:
            if o.as_of > previous.as_of:  # a revision within the submission: the later one counts
                self.seen[o.key] = o
        else:
            self.findings.append(
                _at(
                    o,
                    "conflicting-observation",
                    Severity.ERROR,
                    f"{_describe(o)} is {o.text} here but {previous.text} at {previous.file}:{previous.line}",
                    "keep the right figure; a revised figure needs an as_of date",
                )
            )

    # ------------------------------------------------------------ at the end

    def finish(self) -> list[Finding]:
        self._against_store()
        groups = self._groups()
        for (indicator, _region), series in groups.items():
            ind = self.plan.indicator_by_id[indicator]
            if ind.flow:
                self._ytd(series)
            self._outliers(series, flow=ind.flow)
        self._components()
        self._region_sums()
        return self.findings

    def submitted(self) -> list[Observation]:
        return list(self.seen.values())

    def _combined(self, key: Key) -> Observation | None:
        return self.seen.get(key) or self.stored.get(key)

    def _against_store(self) -> None:
        for key, o in self.seen.items():
            stored = self.stored.get(key)
            if stored is None:
                continue
            if stored.text == o.text:
                self.findings.append(
                    _at(
                        o,
                        "already-stored",
                        Severity.NOTICE,
                        f"{_describe(o)} = {o.text} is already stored ({stored.file}:{stored.line})",
                    )
                )
            elif o.as_of is None or (stored.as_of is not None and o.as_of <= stored.as_of):
                when = f" (as of {stored.as_of})" if stored.as_of else ""
                if self.revise:
                    self.findings.append(
                        _at(
                            o,
                            "revises-store",
                            Severity.NOTICE,
                            f"{_describe(o)}: {o.text} will be recorded as a revision of the stored {stored.text}{when} "
                            f"at {stored.file}:{stored.line}",
                        )
                    )
                    continue
                self.findings.append(
                    _at(
                        o,
                        "conflicts-with-store",
                        Severity.ERROR,
                        f"{_describe(o)} is {o.text} here but {stored.text} is stored{when} at {stored.file}:{stored.line}",
                        "if this is a revised figure, give its publication date in as_of, or ingest with --revise",
                    )
                )

    def _groups(self) -> dict[tuple[str, str], list[Observation]]:
        """Per (indicator, region) the submission touched: stored and submitted figures."""
        touched: dict[tuple[str, str], dict[str, Observation]] = defaultdict(dict)
        for o in self.seen.values():
            touched[(o.indicator, o.region)][str(o.period)] = o
        out: dict[tuple[str, str], list[Observation]] = {}
        for (indicator, region), mine in touched.items():
            merged = {
                str(o.period): o
                for o in (self.store.series(indicator, region) if self.store else [])
            }
            merged.update(mine)
            out[(indicator, region)] = sorted(merged.values(), key=lambda o: o.period.sort_key)
        return out

    def _is_submitted(self, o: Observation) -> bool:
        return self.seen.get(o.key) is o

    def _ytd(self, series: list[Observation]) -> None:
        by_year: dict[int, list[Observation]] = defaultdict(list)
        for o in series:
            if o.value is not None:
                by_year[o.period.year].append(o)
        for rows in by_year.values():
            for earlier, later in itertools.pairwise(rows):
                assert earlier.value is not None and later.value is not None
                if later.value < earlier.value and later.period.months > earlier.period.months:
                    target = later if self._is_submitted(later) else earlier
                    if not self._is_submitted(target):
                        continue
                    self.findings.append(
                        _at(
                            target,
                            "ytd-decreasing",
                            Severity.ERROR,
                            f"year to date {later.period} ({later.text}) is below {earlier.period} ({earlier.text}) "
                            f"at {earlier.file}:{earlier.line}; a year-to-date figure cannot fall",
                            "sub-annual figures are sums since January: did you enter the month's own figure?",
                        )
                    )

    def _outliers(self, series: list[Observation], *, flow: bool) -> None:
        classes: dict[int, list[Observation]] = defaultdict(list)
        for o in series:
            if o.value is not None:
                classes[o.period.months if flow else 0].append(o)
        for rows in classes.values():
            if len(rows) < OUTLIER_MIN_VALUES:
                continue
            values = [float(o.value or 0) for o in rows]
            median = statistics.median(values)
            mad = max(
                statistics.median(abs(v - median) for v in values), OUTLIER_MAD_FLOOR * abs(median)
            )
            if mad == 0:
                continue
            for o, v in zip(rows, values, strict=True):
                z = 0.6745 * (v - median) / mad
                if abs(z) > OUTLIER_Z and self._is_submitted(o):
                    self.findings.append(
                        _at(
                            o,
                            "outlier",
                            Severity.WARNING,
                            f"{o.text} is far from this indicator's other {len(rows) - 1} figures "
                            f"(median {median:g}, robust z-score {z:+.1f})",
                            "check the figure and its unit (万?), or explain it in the note",
                        )
                    )

    def _components(self) -> None:
        touched = {(o.indicator, str(o.period), o.region) for o in self.seen.values()}
        for whole in self.plan.targets:
            if (
                not isinstance(whole, LevelTarget | AnnualTarget | CumulativeTarget)
                or not whole.components
            ):
                continue
            parts = [
                self.plan.target_by_id[c].indicator
                for c in whole.components
                if c in self.plan.target_by_id
            ]
            keys = {(p, r) for (i, p, r) in touched if i == whole.indicator or i in parts}
            for period, region in sorted(keys):
                total = self._combined((whole.indicator, period, region))
                if total is None or total.value is None:
                    continue
                present = [
                    o
                    for p in parts
                    if (o := self._combined((p, period, region))) is not None
                    and o.value is not None
                ]
                for part in present:
                    assert part.value is not None
                    if part.value > total.value:
                        at = part if self._is_submitted(part) else total
                        if self._is_submitted(at):
                            self.findings.append(
                                _at(
                                    at,
                                    "component-exceeds-total",
                                    Severity.ERROR,
                                    f"{part.indicator} ({part.text}) is larger than its whole {total.indicator} ({total.text}) "
                                    f"for {period}",
                                    "a part cannot exceed the whole: check both figures",
                                )
                            )
                summed = sum((o.value or Decimal(0) for o in present), Decimal(0))
                blame: Observation | None = (
                    total
                    if self._is_submitted(total)
                    else next((o for o in present if self._is_submitted(o)), None)
                )
                if summed > total.value and blame is not None:
                    self.findings.append(
                        _at(
                            blame,
                            "components-exceed-total",
                            Severity.WARNING,
                            f"the parts of {total.indicator} add up to {summed}, more than the whole ({total.text}) for {period}",
                            "check whether the parts overlap or the whole is incomplete",
                        )
                    )

    def _region_sums(self) -> None:
        city = self.plan.city.id
        regions = [r.id for r in self.plan.sub_regions]
        touched = {(o.indicator, str(o.period)) for o in self.seen.values()}
        for indicator, period in sorted(touched):
            if self.plan.indicator_by_id[indicator].aggregate != "sum":
                continue
            whole = self._combined((indicator, period, city))
            parts = [self._combined((indicator, period, r)) for r in regions]
            if (
                whole is None
                or whole.value is None
                or any(p is None or p.value is None for p in parts)
            ):
                continue
            total = sum((p.value or Decimal(0) for p in _present(parts)), Decimal(0))
            if total == whole.value:
                continue
            mine = [o for o in (whole, *_present(parts)) if self._is_submitted(o)]
            if mine:
                self.findings.append(
                    _at(
                        mine[0],
                        "region-sum-mismatch",
                        Severity.WARNING,
                        f"the city's {indicator} for {period} is {whole.text} but the {len(regions)} regions add up to {total}",
                        "check the city figure and each region's; one of them may be out of date",
                    )
                )


def _present(items: Iterable[Observation | None]) -> list[Observation]:
    return [o for o in items if o is not None and o.value is not None]


def _describe(o: Observation) -> str:
    return f"{o.indicator} {o.period} {o.region}"
