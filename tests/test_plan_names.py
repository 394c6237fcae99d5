"""Names that clash: two indicators, regions or systems the look-ups cannot tell apart
are refused by the plan check, which compares names with the look-ups' own fold."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.plan.checks import check_plan
from linyi_tracker.plan.loader import load_plan
from linyi_tracker.plan.lookup import find_region
from linyi_tracker.plan.models import Plan
from linyi_tracker.plan.names import region_names
from linyi_tracker.validation.catalogue import render

PLANS = FIXTURES / "plans"
MINIMAL: dict[str, Any] = yaml.safe_load((PLANS / "minimal.yaml").read_text(encoding="utf-8"))


def plan_with(**sections: Any) -> Plan:
    data = copy.deepcopy(MINIMAL)
    data.update(sections)
    return Plan.model_validate(data)


def clashes(plan: Plan) -> list[str]:
    return [str(p.path) for p in check_plan(plan) if p.code == "duplicate-id"]


def test_a_clash_names_both_places_and_what_to_do() -> None:
    """The finding stands at the second name and gives the first one's line and column."""
    (f,) = load_plan(PLANS / "name-clash-region-alias.yaml").errors
    assert (f.line, f.column_number, f.params["first_line"], f.params["first_column"]) == (
        13,
        74,
        12,
        10,
    )
    message, hint = render(f, "en")
    assert "'city' names region 'east'" in message and "(line 12, column 10)" in message
    assert hint is not None and hint.startswith("rename or remove one of them")
    message, hint = render(f, "zh")
    assert "第12行第10列" in message and hint is not None and "改名或删去" in hint


def test_an_exact_duplicate_id_names_the_first_one_too() -> None:
    """`duplicate-id` for one id written twice says where the first one is."""
    (f,) = load_plan(PLANS / "duplicate-id.yaml").errors
    assert "(first on line 24, column 9)" in render(f, "en")[0]


def test_a_target_id_that_is_another_indicators_id_clashes() -> None:
    """`show jobs.rate` takes a target's id for its indicator: a target of jobs.new may not
    be called jobs.rate."""
    targets = copy.deepcopy(MINIMAL["targets"])
    targets[0]["id"] = "jobs.rate"
    assert clashes(plan_with(targets=targets)) == ["('targets', 0, 'id')"]


def test_a_system_named_by_another_systems_number_clashes() -> None:
    """`--system 2` finds a system by number or by name: a system called "2" and
    system number 2 are refused together."""
    systems = [
        {"id": "jobs", "number": 1, "name": {"zh": "就业", "en": "2"}},
        {"id": "homes", "number": 2, "name": {"zh": "住房", "en": "Homes"}},
    ]
    assert clashes(plan_with(systems=systems)) == ["('systems', 1, 'number')"]


def test_an_entrys_own_names_may_repeat_each_other() -> None:
    """`{id: linyi, aliases: [Linyi]}` is one region's names twice, no clash."""
    regions = copy.deepcopy(MINIMAL["regions"])
    regions[0]["aliases"] = ["CITY", "City", "全市"]
    assert clashes(plan_with(regions=regions)) == []


# ------------------------------------------------------------------ the property

_WORDS = ["city", "east", "就业", "New jobs", "a-b", "a_b", "ab"]


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def spelling(draw: st.DrawFn) -> str:
    """One of a few words, spelt as an office might: case, full-width, '-'/'_'/spaces."""
    word = draw(st.sampled_from(_WORDS))
    if draw(st.booleans()):
        word = word.upper()
    if draw(st.booleans()):
        word = _fullwidth(word)
    if draw(st.booleans()):
        word = word.replace("-", draw(st.sampled_from(["_", " ", "  "])))
    return f" {word}" if draw(st.booleans()) else word


@st.composite
def regions(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(st.sampled_from(["city", "east", "EAST", "a-b", "a_b"]), min_size=2))
    return [
        {
            "id": ident,
            "level": "city" if i == 0 else "county",
            "name": {"zh": draw(spelling()), "en": draw(spelling())},
            "aliases": draw(st.lists(spelling(), max_size=2)),
        }
        for i, ident in enumerate(ids[:4])
    ]


@settings(max_examples=300, deadline=None)
@given(regions())
def test_a_plan_the_check_accepts_names_every_region_unmistakably(
    drawn: list[dict[str, Any]],
) -> None:
    """Whatever names the regions have, either the check refuses a clash, or every name
    of every region leads a data row (PlanLookup) and a command (find_region) to it."""
    plan = plan_with(regions=drawn, targets=MINIMAL["targets"])
    if clashes(plan):
        return
    lookup = PlanLookup(plan)
    for region in plan.regions:
        for name in region_names(region):
            assert lookup.region(name) == region.id
            assert find_region(plan, name) == region.id


@settings(max_examples=200, deadline=None)
@given(st.lists(spelling(), min_size=2, max_size=4))
def test_a_plan_the_check_accepts_names_every_indicator_unmistakably(names: list[str]) -> None:
    """Two indicators given names at random: either the check refuses a clash, or each
    name a data row may use finds its own indicator."""
    indicators = copy.deepcopy(MINIMAL["indicators"])
    indicators[0]["name"]["en"] = names[0]
    indicators[1]["name"]["en"] = names[1]
    indicators[1]["aliases"] = names[2:]
    plan = plan_with(indicators=indicators)
    if clashes(plan):
        return
    lookup = PlanLookup(plan)
    for ind in plan.indicators:
        for name in (ind.id, ind.name.zh, ind.name.en, *ind.aliases):
            found, _ = lookup.indicator(name)
            assert found is not None and found.id == ind.id


def test_plan_check_refuses_a_clash_in_both_languages(run: Any) -> None:
    """`plan check` on a clash: exit 1, the position, the Chinese or English words."""
    path = PLANS / "name-clash-indicator-alias.yaml"
    en: Result = run("plan", "check", str(path), "--lang", "en")
    zh: Result = run("plan", "check", str(path), "--lang", "zh")
    assert en.exit_code == zh.exit_code == 1
    assert f"{path}:22:76: error duplicate-id" in en.stderr and "(line 21, column 76)" in en.stderr
    assert f"{path}:22:76: 错误 duplicate-id" in zh.stderr and "第21行第76列" in zh.stderr
    assert "Traceback" not in en.stderr + zh.stderr


def test_a_word_for_the_whole_city_is_no_prefix_of_a_county(plan: Plan) -> None:
    """全市 is an alias of the city but no place name: 全市兰山区 is not read as 兰山区,
    while 临沂市兰山区 and 临沂兰山区 still are."""
    from linyi_tracker.plan.names import city_prefixes

    assert not [p for p in city_prefixes(plan) if p.startswith("全")]
    lookup = PlanLookup(plan)
    assert lookup.region("全市兰山区") is None
    assert lookup.region("临沂市兰山区") == lookup.region("临沂兰山区") == "lanshan"
    assert lookup.region("全市") == plan.city.id  # the alias still names the city
