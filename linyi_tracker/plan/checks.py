"""Checks across the whole plan, after the models have accepted its shape.

Each problem is returned with the path of the YAML node it concerns (``("targets",
3, "indicator")``), so the loader can give the file, line and column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from linyi_tracker.findings import Severity
from linyi_tracker.plan.models import (
    AnnualTarget,
    CumulativeTarget,
    LevelTarget,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
)

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class PlanProblem:
    path: Path
    code: str
    severity: Severity
    message: str
    hint: str | None = None


def check_plan(plan: Plan) -> list[PlanProblem]:
    """Every cross-reference, year and consistency problem of a plan, in file order."""
    out: list[PlanProblem] = []
    _unique_ids(plan, out)
    _regions(plan, out)
    _projects(plan, out)
    _indicators(plan, out)
    _targets(plan, out)
    _notices(plan, out)
    return out


def _err(
    out: list[PlanProblem], path: Path, code: str, message: str, hint: str | None = None
) -> None:
    out.append(PlanProblem(path, code, Severity.ERROR, message, hint))


def _unique_ids(plan: Plan, out: list[PlanProblem]) -> None:
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
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                _err(
                    out,
                    (section, i, "id"),
                    "duplicate-id",
                    f"{section[:-1]} id '{ident}' is used twice",
                )
            seen.add(ident)
    numbers = Counter(s.number for s in plan.systems)
    for i, s in enumerate(plan.systems):
        if numbers[s.number] > 1:
            _err(
                out,
                ("systems", i, "number"),
                "duplicate-id",
                f"system number {s.number} is used twice",
            )


def _regions(plan: Plan, out: list[PlanProblem]) -> None:
    cities = [i for i, r in enumerate(plan.regions) if r.level == "city"]
    if len(cities) != 1:
        _err(
            out,
            ("regions",),
            "city-region",
            f"the plan needs exactly one region with level 'city' (the whole area), found {len(cities)}",
        )


def _ref(
    out: list[PlanProblem], path: Path, kind: str, value: str | None, known: dict[str, object]
) -> None:
    if value is not None and value not in known:
        from difflib import get_close_matches

        close = get_close_matches(value, list(known), n=1)
        _err(
            out,
            path,
            "unknown-reference",
            f"{kind} '{value}' is not defined in the plan",
            f"did you mean '{close[0]}'?" if close else f"define it under `{kind}s:` first",
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
                f"category '{c.id}' declares {c.declared_projects} projects but {listed} are listed",
                "list every declared project; use `unnamed: true` for one the source does not name",
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
                f"indicator '{ind.id}' is a monitoring indicator but has targets",
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
                f"deadline {t.deadline} is outside the plan period {period.start}–{period.end}",
            )
        start = getattr(t, "start", None)
        if start is not None:
            if not period.start <= start <= period.end:
                _err(
                    out,
                    (*here, "start"),
                    "year-outside-plan",
                    f"start {start} is outside the plan period {period.start}–{period.end}",
                )
            if start > t.deadline:
                _err(
                    out,
                    (*here, "start"),
                    "year-order",
                    f"start {start} is after the deadline {t.deadline}",
                )
        indicator = plan.indicator_by_id.get(t.indicator)
        if indicator is None:
            continue
        if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget):
            _quantitative(plan, out, here, t, indicator.unit, indicator.direction)
        elif (
            isinstance(t, MilestoneTarget) and t.count_total is not None and indicator.unit is None
        ):
            _err(
                out,
                (*here, "indicator"),
                "missing-unit",
                f"countable milestone '{t.id}' needs an indicator with a unit (what is counted)",
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
                f"indicator '{indicator.id}' has a unit, but target '{t.id}' takes no number",
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
            f"target '{t.id}' has a value, so its indicator needs a unit and a direction",
        )
        return
    if (t.comparator in _HIGHER and direction == "lower") or (
        t.comparator in _LOWER and direction == "higher"
    ):
        _err(
            out,
            (*here, "comparator"),
            "comparator-direction",
            f"comparator '{t.comparator}' contradicts the indicator's direction '{direction}' "
            f"(for '{direction}' is better use {'>= or >' if direction == 'higher' else '<= or <'})",
        )
    if t.comparator == "≈" and not isinstance(t, LevelTarget):
        _err(
            out,
            (*here, "comparator"),
            "comparator-kind",
            "'≈' is only meaningful for level targets",
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
                f"component '{cid}' must be a target of kind '{t.kind}' in the same unit as '{t.id}'",
            )
        elif (
            isinstance(comp, LevelTarget | AnnualTarget | CumulativeTarget) and comp.value > t.value
        ):
            _err(
                out,
                path,
                "component-exceeds-total",
                f"component '{cid}' ({comp.value}) is larger than its whole '{t.id}' ({t.value})",
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
                f"the components of '{t.id}' add up to {sum(values)}, more than the whole ({t.value})",
            )
        )


def _notices(plan: Plan, out: list[PlanProblem]) -> None:
    for i, p in enumerate(plan.projects):
        if p.unnamed:
            cat = plan.category_by_id.get(p.category)
            where = (
                f"category '{cat.name.en}' ({cat.name.zh})" if cat else f"category '{p.category}'"
            )
            out.append(
                PlanProblem(
                    ("projects", i),
                    "unnamed-project",
                    Severity.NOTICE,
                    f"project '{p.id}' of {where} is declared but not named in the source",
                    "recorded as unnamed; add its name when an authoritative source gives it",
                )
            )
    for i, t in enumerate(plan.targets):
        if isinstance(t, QualitativeTarget) and t.truncated:
            out.append(
                PlanProblem(
                    ("targets", i),
                    "truncated-source",
                    Severity.NOTICE,
                    f"target '{t.id}': the source text is cut off (“{t.quote}”); what is due is unknown",
                )
            )
