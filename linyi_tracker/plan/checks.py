"""Checks across the whole plan, after the models have accepted its shape.

Each problem is returned with the path of the YAML node it concerns (``("targets",
3, "indicator")``), so the loader can give the file, line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from linyi_tracker.findings import Named as NamedParam
from linyi_tracker.findings import Param, Severity
from linyi_tracker.plan.models import (
    WHOLE_LEVELS,
    AnnualTarget,
    ChangeTarget,
    CumulativeTarget,
    GrowthTarget,
    LevelTarget,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
)
from linyi_tracker.plan.names import (
    Named,
    fold_words,
    indicator_fields,
    region_fields,
    system_fields,
)

Path = tuple[str | int, ...]


def _item_named(item: str) -> NamedParam:
    """``item`` as a finding's parameter (texts.findings.item_named), the finding texts
    loaded only when a plan has a finding (2 ms of every command's start-up)."""
    from linyi_tracker.texts.findings import item_named

    return item_named(item)


@dataclass(frozen=True, slots=True)
class PlanProblem:
    """A finding before it has a file position: code, parameters, message and hint form."""

    path: Path
    code: str
    severity: Severity
    params: Mapping[str, Param] = field(default_factory=dict)
    form: str = ""
    hint_form: str = ""
    # Another node the finding names (the first of two clashing names): the loader gives
    # its line and column as the parameters first_line and first_column.
    other: Path | None = None


def check_plan(plan: Plan) -> list[PlanProblem]:
    """Every cross-reference, year and consistency problem of a plan, in file order."""
    out: list[PlanProblem] = []
    _unique_ids(plan, out)
    _distinct_names(plan, out)
    _regions(plan, out)
    _projects(plan, out)
    _indicators(plan, out)
    _targets(plan, out)
    _notices(plan, out)
    return out


def _err(
    out: list[PlanProblem],
    path: Path,
    code: str,
    params: Mapping[str, Param],
    form: str = "",
    hint_form: str = "",
    other: Path | None = None,
) -> None:
    out.append(PlanProblem(path, code, Severity.ERROR, params, form, hint_form, other))


# What one entry of each section is called in a message.
_ITEM = {
    "units": "unit",
    "regions": "region",
    "systems": "system",
    "categories": "category",
    "projects": "project",
    "indicators": "indicator",
    "targets": "target",
}


def _unique_ids(plan: Plan, out: list[PlanProblem]) -> None:
    """No id twice in a section, nor two ids alike once folded as the look-ups fold
    (``jobs.rate`` and ``JOBS.RATE``): data rows and commands would take them for one,
    and on a case-blind disk (Windows, macOS) so would the store's file names."""
    sections: dict[str, list[str]] = {
        "units": [u.id for u in plan.units],
        "regions": [r.id for r in plan.regions],
        "systems": [s.id for s in plan.systems],
        "categories": [c.id for c in plan.categories],
        "projects": [p.id for p in plan.projects],
        "indicators": [i.id for i in plan.indicators],
        "targets": [t.id for t in plan.targets],
    }
    for section, ids in sections.items():
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            j = first.setdefault(fold_words(ident), i)
            if j == i:
                continue
            params: dict[str, Param] = {
                "section": section,
                "item": _item_named(_ITEM[section]),
                "id": ident,
            }
            if ids[j] != ident:
                params["other_id"] = ids[j]
            _err(
                out,
                (section, i, "id"),
                "duplicate-id",
                params,
                "" if ids[j] == ident else "alike",
                other=(section, j, "id"),
            )
    numbers: dict[int, int] = {}
    for i, s in enumerate(plan.systems):
        j = numbers.setdefault(s.number, i)
        if j != i:
            _err(
                out,
                ("systems", i, "number"),
                "duplicate-id",
                {"number": s.number},
                "system-number",
                other=("systems", j, "number"),
            )


# A name: where it is written, the text, the entry it names (its index and id in the
# section), and the rule that compares it where two of one rule meet ("id", "number",
# "target": _unique_ids says those).
_Name = tuple[Path, str, int, str, str]


def _distinct_names(plan: Plan, out: list[PlanProblem]) -> None:
    """No name of one indicator, region or system is a name of another once folded as
    the look-ups fold (plan/names.py): a data row naming a region `city` would go to
    whichever the look-up met last. An indicator's names are those a data row takes, and
    its targets' ids, which name it in commands (`show`)."""

    def named(section: str, entries: Iterable[tuple[str, list[Named]]]) -> list[_Name]:
        return [
            ((section, i, *where), name, i, ident, str(where[0]) if where[0] in _RULED else "")
            for i, (ident, fields) in enumerate(entries)
            for where, name in fields
        ]

    indicators = named("indicators", ((i.id, indicator_fields(i)) for i in plan.indicators))
    index = {ind.id: i for i, ind in enumerate(plan.indicators)}
    for k, t in enumerate(plan.targets):
        if t.indicator in index:  # else an unknown-reference of its own
            indicators.append(
                (("targets", k, "id"), t.id, index[t.indicator], t.indicator, "target")
            )
    _clashes(out, "indicators", indicators)
    _clashes(out, "regions", named("regions", ((r.id, region_fields(r)) for r in plan.regions)))
    _clashes(out, "systems", named("systems", ((s.id, system_fields(s)) for s in plan.systems)))


_RULED = frozenset({"id", "number"})


def _clashes(out: list[PlanProblem], section: str, names: list[_Name]) -> None:
    """A finding at each name that a name of another entry met before, folded, is."""
    first: dict[str, _Name] = {}
    for entry in names:
        path, name, owner, owner_id, rule = entry
        other_path, other_name, other, other_id, other_rule = first.setdefault(
            fold_words(name), entry
        )
        if other == owner or (rule and rule == other_rule):
            continue  # an entry's own names; two ids or two numbers: said already
        _err(
            out,
            path,
            "duplicate-id",
            {
                "section": section,
                "item": _item_named(_ITEM[section]),
                "name": name,
                "owner": owner_id,
                "other_name": other_name,
                "other": other_id,
            },
            "name",
            other=other_path,
        )


def _regions(plan: Plan, out: list[PlanProblem]) -> None:
    # The whole-plan area: the region of the highest of nation, province, city present.
    top = next((lv for lv in WHOLE_LEVELS if any(r.level == lv for r in plan.regions)), "city")
    cities = [i for i, r in enumerate(plan.regions) if r.level == top]
    if len(cities) != 1:
        _err(
            out,
            ("regions",),
            "city-region",
            {"found": len(cities)},
        )
    for i, r in enumerate(plan.regions):
        _ref(out, ("regions", i, "part_of"), "region", r.part_of, dict(plan.region_by_id))


def _ref(
    out: list[PlanProblem], path: Path, kind: str, value: str | None, known: dict[str, object]
) -> None:
    if value is not None and value not in known:
        section = "categories" if kind == "category" else f"{kind}s"  # the plan's YAML key
        from difflib import get_close_matches

        close = get_close_matches(value, list(known), n=1)
        _err(
            out,
            path,
            "unknown-reference",
            {"kind": _item_named(kind), "section": section, "id": value, "suggestion": close[0]}
            if close
            else {"kind": _item_named(kind), "section": section, "id": value},
            hint_form="suggest" if close else "",
        )


def _projects(plan: Plan, out: list[PlanProblem]) -> None:
    for i, p in enumerate(plan.projects):
        _ref(out, ("projects", i, "category"), "category", p.category, dict(plan.category_by_id))
        _ref(out, ("projects", i, "system"), "system", p.system, dict(plan.system_by_id))
    for i, c in enumerate(plan.categories):
        listed = sum(1 for p in plan.projects if p.category == c.id)
        if listed != c.declared_projects:
            _err(
                out,
                ("categories", i, "declared_projects"),
                "project-count",
                {"category": c.id, "declared": c.declared_projects, "listed": listed},
            )


def _indicators(plan: Plan, out: list[PlanProblem]) -> None:
    for i, ind in enumerate(plan.indicators):
        _ref(out, ("indicators", i, "system"), "system", ind.system, dict(plan.system_by_id))
        _ref(out, ("indicators", i, "project"), "project", ind.project, dict(plan.project_by_id))
        _ref(out, ("indicators", i, "unit"), "unit", ind.unit, dict(plan.unit_by_id))
        if ind.role == "monitoring" and plan.targets_of(ind.id):
            _err(
                out,
                ("indicators", i, "role"),
                "monitoring-with-target",
                {"indicator": ind.id},
            )


_HIGHER = {">=", ">"}
_LOWER = {"<=", "<"}


def _targets(plan: Plan, out: list[PlanProblem]) -> None:
    period = plan.plan.period
    for i, t in enumerate(plan.targets):
        here: Path = ("targets", i)
        _ref(out, (*here, "indicator"), "indicator", t.indicator, dict(plan.indicator_by_id))
        _ref(out, (*here, "project"), "project", t.project, dict(plan.project_by_id))
        _ref(out, (*here, "region"), "region", t.region, dict(plan.region_by_id))
        if not period.start <= t.deadline <= period.end:
            _err(
                out,
                (*here, "deadline"),
                "year-outside-plan",
                {"year": t.deadline, "start": period.start, "end": period.end},
                "deadline",
            )
        start = getattr(t, "start", None)
        if start is not None:
            if not period.start <= start <= period.end:
                _err(
                    out,
                    (*here, "start"),
                    "year-outside-plan",
                    {"year": start, "start": period.start, "end": period.end},
                    "start",
                )
            if start > t.deadline:
                _err(
                    out,
                    (*here, "start"),
                    "year-order",
                    {"start": start, "deadline": t.deadline},
                )
        indicator = plan.indicator_by_id.get(t.indicator)
        if indicator is None:
            continue
        if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget):
            _quantitative(plan, out, here, t, indicator.unit, indicator.direction)
            if isinstance(t, AnnualTarget):
                _yearly_values(out, here, t)
        elif isinstance(t, GrowthTarget | ChangeTarget):
            _relative(plan, out, here, t, indicator.unit, indicator.direction)
        elif (
            isinstance(t, MilestoneTarget) and t.count_total is not None and indicator.unit is None
        ):
            _err(
                out,
                (*here, "indicator"),
                "missing-unit",
                {"target": t.id},
                "count",
            )
        elif (
            isinstance(t, QualitativeTarget | MilestoneTarget)
            and indicator.unit is not None
            and (isinstance(t, QualitativeTarget) or t.count_total is None)
        ):
            _err(
                out,
                (*here, "indicator"),
                "unit-on-judgement",
                {"indicator": indicator.id, "target": t.id},
            )


def _quantitative(
    plan: Plan,
    out: list[PlanProblem],
    here: Path,
    t: LevelTarget | AnnualTarget | CumulativeTarget,
    unit: str | None,
    direction: str | None,
) -> None:
    if unit is None or direction is None:
        _err(
            out,
            (*here, "indicator"),
            "missing-unit",
            {"target": t.id},
            "value",
        )
        return
    _check_direction(out, here, t.comparator, direction)
    if t.comparator == "≈" and not isinstance(t, LevelTarget):
        _err(
            out,
            (*here, "comparator"),
            "comparator-kind",
            {},
        )
    for j, cid in enumerate(t.components):
        comp = plan.target_by_id.get(cid)
        path = (*here, "components", j)
        if comp is None:
            _ref(out, path, "target", cid, dict(plan.target_by_id))
            continue
        comp_ind = plan.indicator_by_id.get(comp.indicator)
        if comp.kind != t.kind or comp_ind is None or comp_ind.unit != unit:
            _err(
                out,
                path,
                "component-mismatch",
                {"component": cid, "kind": t.kind, "whole": t.id},
            )
        elif (
            isinstance(comp, LevelTarget | AnnualTarget | CumulativeTarget) and comp.value > t.value
        ):
            _err(
                out,
                path,
                "component-exceeds-total",
                {"part": cid, "part_value": comp.value, "whole": t.id, "whole_value": t.value},
                "plan",
            )
    parts = [plan.target_by_id.get(c) for c in t.components]
    values = [
        p.value for p in parts if isinstance(p, LevelTarget | AnnualTarget | CumulativeTarget)
    ]
    if values and sum(values) > t.value:
        out.append(
            PlanProblem(
                (*here, "components"),
                "components-exceed-total",
                Severity.WARNING,
                {"whole": t.id, "parts_sum": sum(values), "whole_value": t.value},
                "plan",
            )
        )


def _yearly_values(out: list[PlanProblem], here: Path, t: AnnualTarget) -> None:
    """Each year of ``values:`` (年度计划) lies within the target's years."""
    for year in t.values:
        if not t.start <= year <= t.deadline:
            _err(
                out,
                (*here, "values", year),
                "year-outside-plan",
                {"year": year, "start": t.start, "end": t.deadline},
                "values",
            )


def _relative(
    plan: Plan,
    out: list[PlanProblem],
    here: Path,
    t: GrowthTarget | ChangeTarget,
    unit: str | None,
    direction: str | None,
) -> None:
    """A growth or change target: an indicator with a unit and a direction, a comparator
    that fits it (not ≈), a base year before the deadline and inside the data years."""
    if unit is None or direction is None:
        _err(out, (*here, "indicator"), "missing-unit", {"target": t.id}, "value")
        return
    if t.comparator == "≈":
        _err(out, (*here, "comparator"), "comparator-kind", {})
    else:
        _check_direction(out, here, t.comparator, direction)
    if t.base_year >= t.deadline:
        _err(
            out,
            (*here, "base_year"),
            "year-order",
            {"start": t.base_year, "deadline": t.deadline},
            "base_year",
        )
    first = plan.plan.period.first_data_year
    if t.base_year < first:
        _err(
            out,
            (*here, "base_year"),
            "year-outside-plan",
            {"year": t.base_year, "start": first, "end": plan.plan.period.end},
            "base_year",
            "base_year",
        )


def _notices(plan: Plan, out: list[PlanProblem]) -> None:
    for i, p in enumerate(plan.projects):
        if p.unnamed:
            cat = plan.category_by_id.get(p.category)
            out.append(
                PlanProblem(
                    ("projects", i),
                    "unnamed-project",
                    Severity.NOTICE,
                    {
                        "project": p.id,
                        "category": NamedParam(p.category, cat.name.zh, cat.name.en)
                        if cat
                        else p.category,
                    },
                )
            )
    for i, t in enumerate(plan.targets):
        if isinstance(t, QualitativeTarget) and t.truncated:
            out.append(
                PlanProblem(
                    ("targets", i),
                    "truncated-source",
                    Severity.NOTICE,
                    {"target": t.id, "quote": t.quote},
                )
            )


def _check_direction(
    out: list[PlanProblem], here: Path, comparator: str | None, direction: str
) -> None:
    """A comparator that contradicts the indicator's direction (≥ on a lower-is-better
    indicator): one rule for every kind of target that has a comparator."""
    if (comparator in _HIGHER and direction == "lower") or (
        comparator in _LOWER and direction == "higher"
    ):
        _err(
            out,
            (*here, "comparator"),
            "comparator-direction",
            {"comparator": comparator},
            direction,
        )
