"""The shipped plan holds every system, project and target of the source article.

The expectations are copied by hand from spec/plan-targets.md (the article in English),
so a change to data/plan.yaml that loses or alters a target fails here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from linyi_tracker.plan.models import LevelTarget, MilestoneTarget, Plan, QualitativeTarget

# target id: (kind, comparator, value, start, deadline, deadline_from, words of the article)
TARGETS: dict[str, tuple[str, str | None, str | None, int | None, int, str, str]] = {
    "emp.new_urban_jobs.annual": (
        "annual",
        ">=",
        "85000",
        2015,
        2020,
        "article",
        "每年新增就业8.5万人",
    ),
    "inc.rural_per_capita.2020": (
        "level",
        "≈",
        "20000",
        None,
        2020,
        "article",
        "力争达到2万元左右",
    ),
    "inc.urban_disposable.2020": (
        "level",
        "≈",
        "50000",
        None,
        2020,
        "article",
        "力争达到5万元左右",
    ),
    "ss.employee_insurance_coverage.2020": (
        "level",
        ">=",
        "92",
        None,
        2020,
        "article",
        "达到92%以上",
    ),
    "ss.resident_pension_coverage.2020": (
        "level",
        ">=",
        "99",
        None,
        2020,
        "article",
        "适龄覆盖率达到99%",
    ),
    "ss.dibao_urban_rural_ratio.2020": ("level", "<", "1.5", None, 2020, "article", "低于1.5：1"),
    "ss.medical_assistance_ratio.2020": (
        "level",
        ">=",
        "80",
        None,
        2020,
        "article",
        "医疗救助比例达到80%以上",
    ),
    "edu.balanced_counties.2015": (
        "milestone",
        None,
        None,
        None,
        2015,
        "article",
        "通过国家评估验收",
    ),
    "edu.modernisation.2020": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "article",
        "基本实现教育现代化",
    ),
    "health.national_leaders.2020": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "article",
        "进入全国先进行列",
    ),
    "housing.affordable_units.2015": (
        "annual",
        ">=",
        "49000",
        2015,
        2015,
        "article",
        "4.9万套(户)",
    ),
    "housing.public_rental_units_new.2015": (
        "annual",
        ">=",
        "10000",
        2015,
        2015,
        "article",
        "1万套新建公共租赁住房",
    ),
    "housing.shantytown_households.2015": (
        "annual",
        ">=",
        "39000",
        2015,
        2015,
        "article",
        "棚户区改造3.9万户",
    ),
    "housing.floor_area_started.2018_2020": (
        "cumulative",
        ">=",
        "5680000",
        2018,
        2020,
        "article",
        "新开工建设568万平方米",
    ),
    "housing.floor_area_completed.2018_2020": (
        "cumulative",
        ">=",
        "3400000",
        2018,
        2020,
        "article",
        "竣工340万平方米",
    ),
    "housing.public_rental_area.2018_2020": (
        "cumulative",
        ">=",
        "900000",
        2018,
        2020,
        "article",
        "公租房建设90万平方米",
    ),
    "gov.citizen_centre.2015": (
        "milestone",
        None,
        None,
        None,
        2015,
        "article",
        "完成市民中心建设并投入运行",
    ),
    "safety.public_security_sense.2020": (
        "level",
        ">",
        "97",
        None,
        2020,
        "plan-end",
        "公众安全感超过97%",
    ),
    "muni.transit_metropolis_pilot": (
        "milestone",
        None,
        None,
        None,
        2020,
        "plan-end",
        "全国公交都市试点城市",
    ),
    "muni.new_urbanisation_pilot": (
        "milestone",
        None,
        None,
        None,
        2020,
        "plan-end",
        "新型城镇化试点城市",
    ),
    "elderly.emergency_call_12349": (
        "milestone",
        None,
        None,
        None,
        2020,
        "plan-end",
        "12349紧急呼叫平台",
    ),
    "culture.fitness_circle": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "plan-end",
        "10-15分钟文体娱乐健身圈",
    ),
    "eco.civilisation_pilot_zone": (
        "milestone",
        None,
        None,
        None,
        2020,
        "plan-end",
        "国家生态文明先行示范区",
    ),
    "food.e_traceability": (
        "milestone",
        None,
        None,
        None,
        2020,
        "plan-end",
        "食品药品电子监管追溯体系",
    ),
    "gov.four_level_services": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "plan-end",
        "四级政务服务全国一流",
    ),
    "emp.half_hour_service_circle": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "plan-end",
        "半小时公共就业服务圈",
    ),
    "emp.digital_employment_community": (
        "qualitative",
        None,
        None,
        None,
        2020,
        "plan-end",
        "数字化就业社区",
    ),
    "pov.poverty_goal_2018": ("qualitative", None, None, None, 2018, "article", "到2018年"),
}


def test_the_plan_has_exactly_the_articles_targets(plan: Plan) -> None:
    """No target of the article is missing, and none is invented."""
    assert sorted(t.id for t in plan.targets) == sorted(TARGETS)


@pytest.mark.parametrize("target_id", sorted(TARGETS))
def test_target_matches_the_article(plan: Plan, target_id: str) -> None:
    """Kind, comparator, value, years and the article's words of one target."""
    kind, comparator, value, start, deadline, deadline_from, words = TARGETS[target_id]
    target = plan.target_by_id[target_id]
    assert target.kind == kind
    assert getattr(target, "comparator", None) == comparator
    assert getattr(target, "value", None) == (Decimal(value) if value is not None else None)
    assert getattr(target, "start", None) == start
    assert target.deadline == deadline
    assert target.deadline_from == deadline_from
    assert words in target.quote


def test_article_sentences_are_quoted_verbatim(plan: Plan) -> None:
    """Every quote appears in the source article (spaces aside), so analysts can find it."""
    from conftest import REPO

    article = (REPO / "data" / "source" / "double-twelve-article.zh.txt").read_text(
        encoding="utf-8"
    )
    flat = "".join(article.split())
    for t in plan.targets:
        assert "".join(t.quote.split()) in flat, t.id


def test_balanced_education_counts_all_twelve_counties(plan: Plan) -> None:
    """'各县区' is a countable milestone over the 12 county-level divisions."""
    target = plan.target_by_id["edu.balanced_counties.2015"]
    assert isinstance(target, MilestoneTarget) and target.count_total == 12 == len(plan.sub_regions)


def test_income_targets_are_approximate_with_tolerance(plan: Plan) -> None:
    """力争…左右 is '≈', judged with the plan's tolerance."""
    for tid in ("inc.rural_per_capita.2020", "inc.urban_disposable.2020"):
        target = plan.target_by_id[tid]
        assert isinstance(target, LevelTarget) and target.comparator == "≈"
    assert plan.assessment.tolerance == Decimal("0.05")


def test_dibao_ratio_is_lower_is_better(plan: Plan) -> None:
    """'低于1.5：1' makes the ratio an indicator where lower is better."""
    assert plan.indicator_by_id["ss.dibao_urban_rural_ratio"].direction == "lower"


def test_housing_components_under_their_whole(plan: Plan) -> None:
    """Public rental + shantytown = the 49,000 of 2015; public rental area is within completions."""
    units = plan.target_by_id["housing.affordable_units.2015"]
    assert units.components == [
        "housing.public_rental_units_new.2015",
        "housing.shantytown_households.2015",
    ]
    area = plan.target_by_id["housing.floor_area_completed.2018_2020"]
    assert area.components == ["housing.public_rental_area.2018_2020"]


def test_twelve_systems_in_order(plan: Plan) -> None:
    """The twelve systems, numbered 1-12, with zh names from the article."""
    assert [s.number for s in plan.systems] == list(range(1, 13))
    assert plan.systems[0].name.zh == "就业创业服务体系"
    assert plan.systems[11].name.zh == "社会治理体系"


def test_2015_batch_has_22_projects_in_5_categories(plan: Plan) -> None:
    """4 + 8 + 3 + 5 + 2 projects, five of the eight public-service ones unnamed."""
    declared = {c.id: c.declared_projects for c in plan.categories}
    assert declared == {
        "social-security-relief": 4,
        "public-services": 8,
        "municipal-facilities": 3,
        "ecology-environment": 5,
        "social-governance": 2,
    }
    assert len(plan.projects) == 22
    unnamed = [p for p in plan.projects if p.unnamed]
    assert len(unnamed) == 5 and {p.category for p in unnamed} == {"public-services"}


def test_regions_are_the_city_and_twelve_divisions(plan: Plan) -> None:
    """临沂市 plus 3 districts and 9 counties, with ascii ids."""
    assert plan.city.name.zh == "临沂市"
    names = {r.name.zh for r in plan.sub_regions}
    assert names == {
        "兰山区",
        "罗庄区",
        "河东区",
        "沂南县",
        "郯城县",
        "沂水县",
        "兰陵县",
        "费县",
        "平邑县",
        "莒南县",
        "蒙阴县",
        "临沭县",
    }
    assert all(r.id.isascii() for r in plan.regions)


def test_poverty_monitoring_indicators_have_no_target(plan: Plan) -> None:
    """Indicators with published figures but no target are marked monitoring."""
    monitoring = {i.id for i in plan.indicators if i.role == "monitoring"}
    assert {
        "pov.registered_poor_population",
        "pov.incidence",
        "pov.key_poor_villages",
        "pov.lifted_out",
    } <= monitoring
    assert all(not plan.targets_of(i) for i in monitoring)


def test_truncated_poverty_goal_is_flagged(plan: Plan) -> None:
    """The cut-off '…到2018年' is recorded as truncated, not completed by guesswork."""
    target = plan.target_by_id["pov.poverty_goal_2018"]
    assert isinstance(target, QualitativeTarget) and target.truncated


def test_rural_income_notes_the_change_of_measure(plan: Plan) -> None:
    """纯收入 was replaced by 可支配收入; the indicator's notes say so in both languages."""
    notes = plan.indicator_by_id["inc.rural_per_capita"].notes
    assert notes is not None and "可支配收入" in notes.zh and "disposable" in notes.en
