"""A filter that leaves no target says so in a sentence, and a misspelt name is offered
the closest names (issue 28, item 12)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from conftest import Result
from linyi_tracker.plan.lookup import LookupFailed, find_indicator
from linyi_tracker.plan.models import Plan
from linyi_tracker.texts.text import Lang

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "规划中没有标为“约束性”的目标"),
        ("en", "no target of the plan is marked binding (约束性)"),
    ],
)
def test_binding_yes_on_a_plan_without_binding_targets_says_so(
    run: Run, lang: str, said: str
) -> None:
    """`status --binding yes` on a plan that marks no target 约束性: a sentence, no empty table."""
    r = run("status", "--binding", "yes", "--lang", lang, width=200)
    assert r.exit_code == 0 and said in r.stdout
    assert "状态汇总" not in r.stdout and "│" not in r.stdout


def test_binding_no_on_a_plan_without_expected_targets_says_so(run: Run) -> None:
    """`status --binding no` where no target is marked 预期性 says that, in Chinese."""
    r = run("status", "--binding", "no", "--region", "费县", "--lang", "zh", width=200)
    assert r.exit_code == 0 and "规划中没有标为“预期性”的目标" in r.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "没有符合所选条件的目标（状态：未达成；体系：就业创业服务体系；地区：兰陵县）"),
        (
            "en",
            "No target matches what was asked (status: missed; system: Employment and "
            "entrepreneurship services; region: Lanling County)",
        ),
    ],
)
def test_filters_that_leave_nothing_are_named(run: Run, lang: str, said: str) -> None:
    """--status, --system and --region that together keep no target are named in a sentence."""
    args = ("--status", "missed", "--system", "1", "--region", "兰陵")
    r = run("status", *args, "--lang", lang, width=300)
    assert r.exit_code == 0 and said in r.stdout and "│" not in r.stdout


def test_json_of_nothing_is_still_the_data(run: Run) -> None:
    """--format json keeps its shape: an empty list of targets, not a sentence."""
    r = run("status", "--status", "missed", "--system", "1", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["targets"] == []


@pytest.mark.parametrize(
    ("lang", "first", "name"),
    [
        ("zh", "emp.new_urban_jobs", "城镇新增就业人数"),
        ("en", "emp.new_urban_jobs", "New urban jobs"),
    ],
)
def test_a_one_character_typo_lists_the_closest_names(
    run: Run, lang: str, first: str, name: str
) -> None:
    """`show 就叶` (业 mistyped) lists the indicators with 就业, exit 2, no figure shown."""
    r = run("show", "就叶", "--lang", lang)
    assert r.exit_code == 2 and r.stdout == ""
    listed = [line.split() for line in r.stderr.splitlines()[1:] if line.startswith("  ")]
    assert listed[0][0] == first and name in r.stderr
    assert {row[0] for row in listed} == {
        "emp.new_urban_jobs",
        "emp.digital_employment_community",
        "emp.half_hour_service_circle",
    }


def test_a_typo_in_a_short_name_is_offered_the_names_holding_it(plan: Plan) -> None:
    """住防 (房 mistyped) lists 新建公共租赁住房套数 among the closest names."""
    with pytest.raises(LookupFailed) as caught:
        find_indicator(plan, "住防")
    keys = [c.key for c in caught.value.candidates]
    assert "housing.public_rental_units_new" in keys


def test_closest_names_are_few(plan: Plan) -> None:
    """A typo sharing a character with many names is offered five names at most."""
    with pytest.raises(LookupFailed) as caught:
        find_indicator(plan, "人叶")
    assert 0 < len(caught.value.candidates) <= 5


def test_one_character_gets_no_guess(run: Run) -> None:
    """A single wrong character is too little to guess from: the plan is pointed to."""
    r = run("show", "叶", "--lang", "zh")
    assert r.exit_code == 2 and "linyi-tracker plan" in r.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("status", "--region", "兰三区", "--lang", "zh"), "是不是“兰山区”（lanshan）？"),
        (
            ("status", "--system", "住房保障提系", "--lang", "zh"),
            "是不是“住房保障体系”（housing）？",
        ),
        (
            ("show", "城镇新增就叶人数", "--lang", "en"),
            "Did you mean 'emp.new_urban_jobs' (New urban jobs)?",
        ),
    ],
)
def test_a_near_miss_is_offered_by_its_name_and_id(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """--region, --system and show offer the closest by the name the reader knows and its id."""
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr


_NOTHING_ASKED: dict[str, Any] = {"status": [], "system": None, "region": None, "binding": None}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "没有可显示的目标：规划中还没有任何目标。"),
        ("en", "No target to show: the plan has no targets yet."),
    ],
)
def test_a_plan_without_targets_says_so_not_an_empty_list_of_conditions(
    plan: Plan, lang: Lang, said: str
) -> None:
    """status on a plan with no target at all says that, not "no target matches ()"."""
    from linyi_tracker.usecases import _why_nothing

    empty = plan.model_copy(update={"targets": []})
    assert _why_nothing(empty, dict(_NOTHING_ASKED), []).render(lang) == said


def test_no_condition_and_no_target_in_the_regions_is_not_an_empty_list(plan: Plan) -> None:
    """Nothing kept with no condition named says the regions have no target, in zh and en."""
    from linyi_tracker.usecases import _why_nothing

    said = _why_nothing(plan, dict(_NOTHING_ASKED), [])
    assert "()" not in said.render("en") and "（）" not in said.render("zh")
    assert said.render("zh") == "没有可显示的目标：所选地区没有目标。"


@pytest.mark.parametrize(("lang", "said"), [("zh", "约束性：是"), ("en", "binding: yes")])
def test_the_binding_condition_is_said_from_the_labels(plan: Plan, lang: Lang, said: str) -> None:
    """--binding yes among other conditions is named by the labels' yes word in each language."""
    from linyi_tracker.usecases import _why_nothing

    first = plan.targets[0].model_copy(update={"binding": True})
    marked = plan.model_copy(update={"targets": [first, *plan.targets[1:]]})
    asked = {**_NOTHING_ASKED, "status": ["missed"], "binding": True}
    assert said in _why_nothing(marked, asked, []).render(lang)
