"""The plan as pydantic models: systems, projects, indicators, targets, regions, units.

Shape checks (types, required keys, allowed words) live on the models; checks across
the plan (unique ids, references, years, comparators, components) live in
:mod:`linyi_tracker.plan.checks`, so that each finding can point at its YAML node.

Slightly over 400 lines because it is the whole plan format, one model a YAML section.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError  # its type names a plan-schema message form

Lang = Literal["zh", "en"]
Comparator = Literal[">=", ">", "<=", "<", "≈"]
Direction = Literal["higher", "lower"]
UnitKind = Literal["count", "amount", "percent", "ratio"]


def _not_blank(text: str) -> str:
    """A text of spaces alone is as empty as none (a name nobody can see or type)."""
    if not text.strip():
        raise PydanticCustomError("blank", "the text is blank")
    return text


NonEmpty = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]

# The characters of an id, written once: ingest (intake/ingest.py) names the store's
# files from ids and refuses any other character, so the plan refuses them first —
# '../', '/', '\', quotes and spaces passed `plan check` and then ingest would not write.
ID_CHARACTERS = "A-Za-z0-9._-"
# A letter or digit first and last: a leading '-' reads as an option, a leading '.'
# hides a file, and Windows drops a trailing '.'.
_ID = re.compile(rf"[A-Za-z0-9](?:[{ID_CHARACTERS}]*[A-Za-z0-9])?")


def _id_characters(text: str) -> str:
    if not _ID.fullmatch(text):
        raise PydanticCustomError("id-characters", "'{value}' is not an id", {"value": text})
    return text


Id = Annotated[str, Field(min_length=1), AfterValidator(_id_characters)]


def _no_boolean(value: object) -> object:
    """YAML's ``true``/``false`` where a number is due is refused: pydantic takes True
    for 1, even for a Literal[1] (`schema_version: true` passed)."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# A whole number, never a yes/no. Otherwise as pydantic reads ints: a quoted "2020" is
# still the year 2020 (strict mode would refuse it as "not a whole number").
Int = Annotated[int, BeforeValidator(_no_boolean)]
MAX_ADJUSTED = 17  # the largest figure a plan may give is below 10^18 (as actuals/numbers.py)
Year = Annotated[Int, Field(ge=1900, le=2200)]
# A growth or change of -100 % or less leaves nothing (or less than nothing) of the base:
# the assessment's yearly rate would be a root of a negative number.
Percent = Annotated[Decimal, Field(gt=-100)]


class Model(BaseModel):
    # defer_build: validators are built on first use, not at import (start-up matters).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _figures_within_bounds(cls, value: object) -> object:
        """No figure of the plan is infinite or 10^18 or more (``value: 1.0e999999999``
        broke every command): a plan-schema finding at its key."""
        if value is None or type(value) in (str, int, bool):
            return value  # most fields: nothing that could be such a figure
        figures = value.values() if isinstance(value, dict) else value
        for v in figures if isinstance(figures, list | tuple | type({}.values())) else [value]:
            if isinstance(v, Decimal) and (
                not v.is_finite() or (v != 0 and v.adjusted() > MAX_ADJUSTED)
            ):
                # "less_than": the plan-schema out-of-range form, as for Field(lt=...)
                raise PydanticCustomError(
                    "less_than", "Input should be less than {lt}", {"lt": "10^18"}
                )
        return value


class LocalText(Model):
    """A text in Chinese and English; every name in the plan has both."""

    zh: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class PlanPeriod(Model):
    start: Year
    end: Year
    # The earliest year a data file may hold (pre-plan figures serve as starting points).
    data_from: Year | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PlanPeriod:
        if self.start > self.end:
            raise PydanticCustomError(
                "period-order",
                "the period starts ({start}) after it ends ({end})",
                {"start": self.start, "end": self.end},
            )
        if self.data_from is not None and self.data_from > self.start:
            raise PydanticCustomError(
                "data-from",
                "data_from ({data_from}) must not be after start ({start})",
                {"data_from": self.data_from, "start": self.start},
            )
        return self

    @property
    def first_data_year(self) -> int:
        return self.data_from if self.data_from is not None else self.start


class PlanMeta(Model):
    id: Id
    title: LocalText
    short_title: LocalText | None = None
    period: PlanPeriod
    source: LocalText
    note: LocalText | None = None


class Thresholds(Model):
    """Pace thresholds (assessment.md): on track at or above, at risk at or above."""

    on_track: Decimal = Decimal("0.95")
    at_risk: Decimal = Decimal("0.60")

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not (Decimal(0) < self.at_risk < self.on_track):
            raise PydanticCustomError(
                "thresholds", "thresholds must satisfy 0 < at_risk < on_track"
            )
        return self


class AssessmentSettings(Model):
    thresholds: Thresholds = Thresholds()
    tolerance: Annotated[Decimal, Field(ge=0, lt=1)] = Decimal("0.05")


class Unit(Model):
    id: Id
    name: LocalText
    kind: UnitKind
    aliases: list[NonEmpty] = []
    # Other units that convert exactly into this one: {"万人": 10000}.
    conversions: dict[str, Annotated[Decimal, Field(gt=0)]] = {}


# A plan's area may be the nation, a province or a city: the region of the highest of
# these levels is the whole-plan area (the blank region of a data row). Below it,
# counties, districts, development zones (功能区) and towns report.
RegionLevel = Literal["nation", "province", "city", "county", "district", "zone", "town"]
WHOLE_LEVELS: tuple[str, ...] = ("nation", "province", "city")


class Region(Model):
    id: Id
    level: RegionLevel
    name: LocalText
    aliases: list[NonEmpty] = []
    # A zone whose figures are already counted in another region's (a development zone
    # inside a county): ranked and listed as a reporter, never added to a sum again.
    part_of: str | None = None


class System(Model):
    id: Id
    number: Annotated[Int, Field(ge=1)]
    name: LocalText
    headline: LocalText | None = None


class Category(Model):
    id: Id
    batch: Year
    name: LocalText
    declared_projects: Annotated[Int, Field(ge=0)]


class Project(Model):
    id: Id
    category: NonEmpty
    system: str | None = None
    name: LocalText | None = None
    # The source declares the project but does not name it: recorded, never invented.
    unnamed: bool = False

    @model_validator(mode="after")
    def _named_or_unnamed(self) -> Project:
        if self.unnamed and self.name is not None:
            raise PydanticCustomError(
                "unnamed-with-name", "a project marked unnamed must not have a name"
            )
        if not self.unnamed and self.name is None:
            raise PydanticCustomError(
                "project-name",
                "a project needs a name, or `unnamed: true` if the source gives none",
            )
        return self


class Indicator(Model):
    id: Id
    system: NonEmpty
    project: str | None = None
    name: LocalText
    unit: str | None = None
    direction: Direction | None = None
    aggregate: Literal["sum", "none"] = "none"
    flow: bool = False
    role: Literal["target", "monitoring"] = "target"
    notes: LocalText | None = None
    # Other names a text may use for the same indicator (城镇新增就业 for 城镇新增就业人数);
    # `extract` recognises an indicator by its names and these.
    aliases: list[NonEmpty] = []
    # The values a figure may plausibly take, [min, max] in the indicator's unit (DHIS2's
    # min-max): validation warns outside it (implausible-value) instead of judging by the
    # scale of the targets and history.
    range: tuple[Decimal, Decimal] | None = None

    @model_validator(mode="after")
    def _range_ordered(self) -> Indicator:
        if self.range is not None and not self.range[0] < self.range[1]:
            low, high = self.range
            raise PydanticCustomError(
                "range-order",
                "the range [{min}, {max}] needs its min below its max",
                {"min": format(low, "f"), "max": format(high, "f")},
            )
        return self

    @model_validator(mode="after")
    def _unit_needs_direction(self) -> Indicator:
        if self.unit is not None and self.direction is None:
            raise PydanticCustomError(
                "unit-direction", "an indicator with a unit needs a direction (higher or lower)"
            )
        return self


class _TargetBase(Model):
    id: Id
    indicator: NonEmpty
    project: str | None = None
    region: str | None = None
    deadline: Year
    # Where the deadline year comes from: the article, or the end of the plan period
    # because the article gives none. Made explicit so nobody has to guess.
    deadline_from: Literal["article", "plan-end"]
    quote: NonEmpty
    notes: LocalText | None = None
    # 约束性 (true) or 预期性 (false); absent: the plan does not say.
    binding: bool | None = None


class Baseline(Model):
    year: Year
    value: Decimal
    source: NonEmpty


class LevelTarget(_TargetBase):
    """Reach or hold a value by the end of the deadline year."""

    kind: Literal["level"]
    comparator: Comparator
    value: Decimal
    start: Year | None = None
    tolerance: Annotated[Decimal, Field(ge=0, lt=1)] | None = None
    baseline: Baseline | None = None
    components: list[str] = []


class AnnualTarget(_TargetBase):
    """A value due every year from ``start`` to ``deadline``; ``values`` gives a year's
    own value (年度计划: ``{2016: 84300}``) where it differs from ``value``."""

    kind: Literal["annual"]
    comparator: Comparator
    value: Decimal
    start: Year
    components: list[str] = []
    values: dict[Year, Decimal] = {}

    def value_for(self, year: int) -> Decimal:
        """The value due in ``year``: its own, else the target's ``value``."""
        return self.values.get(year, self.value)


class GrowthTarget(_TargetBase):
    """Average growth of at least ``value`` % a year from ``base_year`` to ``deadline``
    (年均增长)."""

    kind: Literal["growth"]
    comparator: Comparator
    value: Percent  # percent a year: 7 for 7 %
    base_year: Year
    base_value: Annotated[Decimal, Field(gt=0)] | None = None  # a level: growth is on it


class ChangeTarget(_TargetBase):
    """A change of ``value`` % (signed) from ``base_year`` by ``deadline`` (累计下降/提高)."""

    kind: Literal["change"]
    comparator: Comparator
    value: Percent  # signed percent: -13.5 for down 13.5 %
    base_year: Year
    base_value: Annotated[Decimal, Field(gt=0)] | None = None  # a level: change is on it


class CumulativeTarget(_TargetBase):
    """A sum over the years ``start``..``deadline`` that must reach ``value``."""

    kind: Literal["cumulative"]
    comparator: Comparator
    value: Decimal
    start: Year
    components: list[str] = []


class MilestoneTarget(_TargetBase):
    """A thing done by the deadline; with ``count_total``, done by that many units."""

    kind: Literal["milestone"]
    count_total: Annotated[Int, Field(ge=1)] | None = None


class QualitativeTarget(_TargetBase):
    """A judgement with no number; ``truncated`` when the source text is cut off."""

    kind: Literal["qualitative"]
    truncated: bool = False


Target = Annotated[
    LevelTarget
    | AnnualTarget
    | CumulativeTarget
    | MilestoneTarget
    | QualitativeTarget
    | GrowthTarget
    | ChangeTarget,
    Field(discriminator="kind"),
]


class Plan(Model):
    schema_version: Annotated[Literal[1], BeforeValidator(_no_boolean)]
    plan: PlanMeta
    assessment: AssessmentSettings = AssessmentSettings()
    units: list[Unit] = []
    regions: list[Region]
    systems: list[System]
    categories: list[Category] = []
    projects: list[Project] = []
    indicators: list[Indicator]
    targets: list[Target]

    # Look-ups. The model is frozen, so these are computed once.
    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def region_by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def system_by_id(self) -> dict[str, System]:
        return {s.id: s for s in self.systems}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def project_by_id(self) -> dict[str, Project]:
        return {p.id: p for p in self.projects}

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def flows(self) -> frozenset[str]:
        """The ids of the year-to-date indicators (a month's figure is the sum from
        January): the figures a span from January may give, matched across its labels."""
        return frozenset(i.id for i in self.indicators if i.flow)

    @cached_property
    def target_by_id(self) -> dict[str, Target]:
        return {t.id: t for t in self.targets}

    @cached_property
    def city(self) -> Region:
        """The region that stands for the whole plan area (blank region in data): the
        one of the highest level among nation, province and city (a province's plan may
        list its cities below it)."""
        return next(r for r in self.regions if r.level == self.whole_level)

    @cached_property
    def whole_level(self) -> str:
        """The level of the whole-plan area: the highest of nation, province, city present."""
        present = {r.level for r in self.regions}
        return next((lv for lv in WHOLE_LEVELS if lv in present), "city")

    @cached_property
    def sub_regions(self) -> list[Region]:
        """Every region below the whole area, zones and towns included (all report)."""
        return [r for r in self.regions if r.id != self.city.id]

    @cached_property
    def summed_regions(self) -> list[Region]:
        """The regions whose figures add up to the whole area's: each figure once, so a
        region ``part_of`` another (a zone inside a county) is left out."""
        return [r for r in self.sub_regions if r.part_of is None]

    def targets_of(self, indicator_id: str) -> list[Target]:
        return list(self._targets_by_indicator.get(indicator_id, ()))

    def whole_of(self, target_id: str) -> Target | None:
        """The target that lists ``target_id`` among its components, if any."""
        return self._whole_by_component.get(target_id)

    # Look-ups asked once per target or per row: built once, not a scan of every target
    # each time (with a thousand targets the scans cost more than the assessment).
    @cached_property
    def _targets_by_indicator(self) -> dict[str, list[Target]]:
        out: dict[str, list[Target]] = {}
        for t in self.targets:
            out.setdefault(t.indicator, []).append(t)
        return out

    @cached_property
    def _whole_by_component(self) -> dict[str, Target]:
        out: dict[str, Target] = {}
        for t in self.targets:
            if isinstance(t, LevelTarget | AnnualTarget | CumulativeTarget):
                for component in t.components:
                    out.setdefault(component, t)  # the first that lists it, as before
        return out

    def unit_of(self, indicator: Indicator) -> Unit | None:
        return self.unit_by_id.get(indicator.unit) if indicator.unit else None
