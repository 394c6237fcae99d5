"""The one rule for names a user types: statuses, systems, regions, indicators."""

from __future__ import annotations

import pytest

from linyi_tracker.i18n import LABELS
from linyi_tracker.plan.lookup import (
    FILTER_STATUSES,
    LookupFailed,
    find_indicator,
    find_region,
    find_statuses,
    find_system,
)
from linyi_tracker.plan.models import Plan


@pytest.mark.parametrize("code", FILTER_STATUSES)
def test_every_status_by_its_code_and_both_words(code: str) -> None:
    """A status is named by its code, its en word and its zh word alike."""
    words = LABELS[f"status.{code}"]
    assert find_statuses([code]) == find_statuses([words["en"]]) == find_statuses([words["zh"]])
    assert find_statuses([code]) == {code}


def test_status_spellings_with_hyphen_space_or_case() -> None:
    """`off-track`, `Off Track` and `OFF_TRACK` are the same status."""
    assert find_statuses(["off-track"]) == find_statuses(["Off Track"]) == {"off_track"}
    assert find_statuses(["OFF_TRACK"]) == {"off_track"}


def test_statuses_comma_separated_in_either_script() -> None:
    """Statuses may be separated by `,`, `，` or `、`, and repeated."""
    assert find_statuses(["明显滞后,存在风险", "不评估"]) == {
        "off_track",
        "at_risk",
        "not_assessed",
    }
    assert find_statuses(["明显滞后，存在风险、已达成"]) == {"off_track", "at_risk", "achieved"}


def test_unknown_status_lists_the_statuses_in_the_language() -> None:
    """A word that is no status fails, listing every status in zh or en."""
    with pytest.raises(LookupFailed) as caught:
        find_statuses(["迟到"])
    zh = caught.value.render("zh")
    assert "“迟到”" in zh and all(LABELS[f"status.{c}"]["zh"] in zh for c in FILTER_STATUSES)
    assert all(c in caught.value.render("en") for c in FILTER_STATUSES)


def test_system_by_number_id_and_name(plan: Plan) -> None:
    """A system is named by its number, its id or its full zh or en name."""
    housing = next(s for s in plan.systems if s.id == "housing")
    for text in (str(housing.number), housing.id, housing.name.zh, housing.name.en):
        assert find_system(plan, text) == "housing"


def test_system_by_a_unique_prefix_in_chinese(plan: Plan) -> None:
    """`住房` is the start of one system's name only: that system."""
    assert find_system(plan, "住房") == "housing"


def test_a_word_in_every_system_name_is_ambiguous(plan: Plan) -> None:
    """`体系` is in every system's name: refused, every system listed."""
    with pytest.raises(LookupFailed) as caught:
        find_system(plan, "体系")
    assert {c.key for c in caught.value.candidates} == {s.id for s in plan.systems}


def test_indicator_by_a_unique_part_of_its_name(plan: Plan) -> None:
    """`新增就业` is part of one indicator's name only: that indicator."""
    assert find_indicator(plan, "新增就业").id == "emp.new_urban_jobs"


def test_indicator_by_a_target_id(plan: Plan) -> None:
    """A target's id names its indicator."""
    target = plan.targets[0]
    assert find_indicator(plan, target.id).id == target.indicator


def test_an_exact_name_wins_over_longer_names_containing_it(plan: Plan) -> None:
    """An indicator's whole id is that indicator, even where other ids start with it."""
    for ind in plan.indicators:
        assert find_indicator(plan, ind.id) is ind


def test_ambiguous_indicator_lists_the_candidates(plan: Plan) -> None:
    """`就业` is part of several indicators' names: refused, those listed with their names."""
    with pytest.raises(LookupFailed) as caught:
        find_indicator(plan, "就业")
    expected = {i.id for i in plan.indicators if "就业" in i.name.zh}
    assert len(expected) > 1
    assert {c.key for c in caught.value.candidates} == expected
    zh = caught.value.render("zh")
    assert all(plan.indicator_by_id[k].name.zh in zh for k in expected)


def test_misspelt_indicator_suggests_the_closest(plan: Plan) -> None:
    """A near miss gets "did you mean" with the closest id."""
    with pytest.raises(LookupFailed) as caught:
        find_indicator(plan, "emp.new_jobs")
    assert "Did you mean 'emp.new_urban_jobs' (New urban jobs)?" in caught.value.render("en")
    assert "是不是“城镇新增就业人数”（emp.new_urban_jobs）？" in caught.value.render("zh")


def test_region_by_name_prefix_and_alias(plan: Plan) -> None:
    """A region is named by its id, its names, or a unique start of its zh name."""
    lanshan = next(r for r in plan.regions if r.id == "lanshan")
    for text in (lanshan.id, lanshan.name.zh, lanshan.name.en, lanshan.name.zh[:2]):
        assert find_region(plan, text) == "lanshan"


def test_a_county_misspelt_after_its_city_is_never_offered_the_city(plan: Plan) -> None:
    """临沂市 + any county's name with a character changed (临沂市兰三区) is never offered
    the city: the hint would record a county's figure as the whole city's."""
    from linyi_tracker.actuals.lookup import PlanLookup

    lookup = PlanLookup(plan)
    counties = [r for r in plan.regions if r.id != plan.city.id]
    for region in counties:
        name = region.name.zh
        for i in range(len(name) - 1):
            typo = name[:i] + "三" + name[i + 1 :]
            if lookup.region(typo) is None:
                assert lookup.suggest_region(f"临沂市{typo}") != plan.city.id, typo


def test_a_county_after_its_city_is_offered_by_what_follows(plan: Plan) -> None:
    """临沂市罗庄县 (县 for 区) is offered 罗庄区, judged by the name after the city."""
    from linyi_tracker.actuals.lookup import PlanLookup

    assert PlanLookup(plan).suggest_region("临沂市罗庄县") == "luozhuang"


def test_region_option_misspelt_after_the_city_is_never_the_city(plan: Plan) -> None:
    """--region 临沂市兰三区 is refused with 兰山区 offered, never 临沂市 (whose figures
    the clerk would then read or withdraw as the county's)."""
    with pytest.raises(LookupFailed) as refused:
        find_region(plan, "临沂市兰三区")
    said = refused.value.render("zh")
    assert "兰山区" in said and "临沂市" not in said
    assert find_region(plan, "山东省临沂市费县") == "feixian"
