"""Plausibility of each submitted figure (validation/plausibility.py): against its
indicator's plausible band (the scale of the plan's targets, the plan's range, the stored
history), and a stock's or level's figure in line with its own series (the stored figures
of the other periods, else the submission's) or, with no series of its own, with the other
regions' figures of its period. A figure flagged by one of the two is left alone by the
other: the stored history, when there is one, is the better judge (its message shows it);
without one the scale of the targets goes first, as the submission's own figures may
share its slip (10.4 and 0.0004 for an income)."""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.actuals.lookup import value_type
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import AnnualTarget, CumulativeTarget, LevelTarget, Plan, Target
from linyi_tracker.validation.cross.figures import Stored, Submitted, at
from linyi_tracker.validation.cross.series import Series, series_of
from linyi_tracker.validation.plausibility import (
    Band,
    against_history,
    against_regions,
    band,
    explain,
    questions_conversion,
)

# (unit kind, target values, the plan's range, share, scope)
Setting = tuple[str, list[Decimal], tuple[Decimal, Decimal] | None, int, str]


def _yearly(target: Target) -> Decimal:
    """A target's value on the scale of one year's figure (a cumulative sum over its years)."""
    assert isinstance(target, LevelTarget | AnnualTarget | CumulativeTarget)
    if isinstance(target, CumulativeTarget):
        years = target.deadline - (target.start or target.deadline) + 1
        return target.value / max(years, 1)
    return target.value


class _Plausible:
    def __init__(self, submitted: Submitted, stored: Stored, plan: Plan) -> None:
        self.submitted, self.stored, self.plan = submitted, stored, plan
        self.findings: list[Finding] = []
        self.settings: dict[tuple[str, str], Setting | None] = {}
        self.level_targets: dict[str, list[Target]] = {}  # by indicator
        self.bands: dict[tuple[str, str], Band | None] = {}  # bands without history

    def series(self, s: Series) -> None:
        # A negative level is the cell rule's (out-of-range for a count, a percentage or
        # a ratio; implausible-value 'negative' for an amount): said once, and kept out
        # of the history the others are judged by.
        negative = {
            r for v, r in zip(s.values, s.refs, strict=True) if v < 0 and isinstance(r, int)
        }
        if s.flow:
            self.in_band(s, negative)
        elif s.stored:
            self.in_band(s, self.in_line(s, negative) | negative)
        else:
            self.in_line(s, self.in_band(s, negative) | negative)

    def in_line(self, s: Series, skip: set[int] | frozenset[int] = frozenset()) -> set[int]:
        """Each submitted figure of a stock or level against its own series, and with no
        series of its own against the other regions' figures of its period. Returns the
        rows flagged."""
        setting = self.setting(s.indicator, s.region)
        if setting is None or setting[2] is not None:
            return set()  # not a plain number in a unit, or the plan gives its range
        kind, sub = setting[0], self.submitted
        pairs = list(zip(s.codes, s.refs, strict=True))
        stored = [
            (c, o.value) for c, o in pairs if isinstance(o, Observation) and o.value is not None
        ]
        flagged: set[int] = set()
        for code, ref in pairs:
            if not isinstance(ref, int) or ref in skip:
                continue
            value = sub.decimal(ref)
            if value is None:
                continue
            pool = stored or [
                (c, v)
                for c, r in pairs
                if isinstance(r, int) and r not in skip and (v := sub.decimal(r)) is not None
            ]
            history = [(c, sub.periods[c].text, v) for c, v in pool if c != code]
            if history:
                issue = against_history(value, code, history, kind)
            else:
                issue = against_regions(
                    value,
                    s.region,
                    self.period_figures(s.indicator, code, s.region),
                    self.plan.city.id,
                    self.plan.indicator_by_id[s.indicator].aggregate == "sum",
                    len(self.plan.summed_regions),
                )
            if issue is not None:
                flagged.add(ref)
                row = sub.row(ref)
                self.findings.append(
                    at(row, issue.code, issue.severity, dict(issue.params), issue.form)
                )
        return flagged

    def period_figures(self, indicator: str, code: int, region: str) -> list[tuple[str, Decimal]]:
        """The other regions' figures of one indicator and period (submitted, else stored)."""
        sub = self.submitted
        period = sub.periods[code]
        out: list[tuple[str, Decimal]] = []
        for other in sub.regions:
            if other == region:
                continue
            key = sub.key(indicator, other, period)
            row = sub.current_at(key)
            value = sub.decimal(row) if row is not None else None
            if value is None and key in self.stored.by_key:
                value = self.stored.by_key[key].value
            if value is not None:
                out.append((other, value))
        city = self.plan.city.id
        if not any(r == city for r, _ in out) and self.stored.store is not None:
            # a stock moves slowly: the city's figure of the year before or after will do
            near = [
                o
                for o in self.stored.series(indicator, city)
                if o.value is not None and abs(o.period.year - period.year) <= 1
            ]
            if near:
                nearest = min(near, key=lambda o: abs(o.period.year - period.year)).value
                assert nearest is not None
                out.append((city, nearest))
        return out

    def in_band(self, s: Series, flagged: set[int] | frozenset[int] = frozenset()) -> set[int]:
        """Each submitted figure against its indicator's plausible band, worked out once for
        the series; the series' least and greatest figures tell whether any needs a look.
        Returns the rows flagged."""
        flagged_here: set[int] = set()
        if not s.values:
            return flagged_here
        setting = self.setting(s.indicator, s.region)
        if setting is None:
            return flagged_here
        kind, targets, given, share, scope = setting
        history = [o.value for o in s.stored if o.value is not None]
        if history:
            found = band(kind, targets, history, given, share)
        else:  # the same band for every series of the same setting
            band_key = (s.indicator, scope)
            if band_key not in self.bands:
                self.bands[band_key] = band(kind, targets, history, given, share)
            found = self.bands[band_key]
        if found is None:
            return flagged_here
        low, high = found.low, found.high
        if min(s.values) >= low and max(s.values) <= high:
            return flagged_here
        for v, ref in zip(s.values, s.refs, strict=True):
            if (v < low or v > high) and isinstance(ref, int) and ref not in flagged:
                value = self.submitted.decimal(ref)
                if value is None:
                    continue
                row = self.submitted.row(ref)
                converted = self.submitted.converted.get((row.file, row.line))
                issue = explain(value, kind, found, converted)
                self.findings.append(
                    at(
                        row,
                        issue.code,
                        issue.severity,
                        dict(issue.params),
                        issue.form,
                        issue.hint_form,
                    )
                )
                if questions_conversion(issue):
                    self.submitted.questioned.add((row.file, row.line))
                flagged_here.add(ref)
        return flagged_here

    def setting(self, indicator: str, region: str) -> Setting | None:
        """(unit kind, target values, the plan's range, share, scope) for an indicator's
        figures in a region; None when they are not plain numbers in a unit.

        The scope is the region whose targets are used: the region's own, or the city's
        (divided by ``share``) for every region without targets of its own — one setting
        for all of those, worked out once."""
        city = self.plan.city.id
        levels = self.level_targets.get(indicator)
        if levels is None:
            levels = [
                t
                for t in self.plan.targets_of(indicator)
                if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget)
            ]
            self.level_targets[indicator] = levels
        scope = (
            region if region == city or any((t.region or city) == region for t in levels) else ""
        )
        key = (indicator, scope)
        if key in self.settings:
            return self.settings[key]
        ind = self.plan.indicator_by_id[indicator]
        unit = self.plan.unit_of(ind)
        setting: Setting | None = None
        if unit is not None and value_type(self.plan, ind) == "number":
            own = [t for t in levels if (t.region or city) == region]
            share = 1
            if not own and region != city:
                own = [t for t in levels if (t.region or city) == city]
                share = len(self.plan.sub_regions) if ind.aggregate == "sum" else 1
            setting = (unit.kind, [_yearly(t) for t in own], ind.range, share, scope)
        self.settings[key] = setting
        return setting


def check(submitted: Submitted, stored: Stored, plan: Plan) -> list[Finding]:
    """Each series' submitted figures, in band and in line (see the module's note)."""
    rule = _Plausible(submitted, stored, plan)
    for s in series_of(submitted, stored):
        rule.series(s)
    return rule.findings
