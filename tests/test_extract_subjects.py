"""`extract` on the sentences communiqués are made of: several subjects in one sentence.

A 公报 sentence lists subjects one after another (…，农村劳动力转移就业8.6万人；农村居民人均
可支配收入11652元，增长8.6%), most of them not in the plan. A clause that opens with a subject
of its own takes its numbers, and the growth rate after it, away from the plan's indicator
named before it. The sentences are published ones (sources in each test and in the fixtures'
README.md); the property test builds sentences of the same shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, PLAN_FILE
from extract_text import communique_texts, over_texts
from linyi_tracker.extract.document import Document, read_document, split_sentences
from linyi_tracker.extract.figures import Extraction, Extractor
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

NATIONAL_PLAN = FIXTURES / "extract" / "national-plan.yaml"

HERE = FIXTURES / "extract"


@pytest.fixture(scope="module")
def linyi() -> Plan:
    return read_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def national() -> Plan:
    return read_plan(HERE / "national-plan.yaml")


@pytest.fixture(scope="module")
def industries() -> Plan:
    return read_plan(HERE / "industries-plan.yaml")


def extract(plan: Plan, name: str, year: int | None = None) -> Extraction:
    return Extractor(plan, year=year).extract([read_document(HERE / name, name)])


def one_sentence(plan: Plan, text: str, year: int = 2016) -> Extraction:
    return Extractor(plan, year=year).extract([Document("x.txt", "utf-8", split_sentences(text))])


def rows(result: Extraction) -> list[tuple[str, str, str, str, str]]:
    return [(r.indicator, r.value, r.unit, r.measure, r.period) for r in result.rows]


def numbers_listed(result: Extraction) -> list[str]:
    """The text of every figure proposed or listed as not read, as the sentence gives it."""
    out = [r.sentence[r.span[0] : r.span[1]] for r in result.rows]
    return out + [n.sentence[n.span[0] : n.span[1]] for n in result.not_read if n.span]


def test_jobs_of_another_kind_after_the_plans_jobs_are_not_its_figure(linyi: Plan) -> None:
    """2013年我省新增城镇就业119.98万人、农村劳动力转移就业133.3万人…: 133.3万 (a subject
    the plan lacks) does not make the sentence "several"; 119.98万 is the province's (我省),
    so it is listed as another area's, never proposed as the city's
    (大众日报, 15 Jan 2014, zw-news.com/news/guolei//news/guolei2014011514187.html)."""
    result = extract(linyi, "shandong-jobs-2013.txt")
    assert rows(result) == []
    listed = [
        (n.indicator, n.reason, n.sentence[n.span[0] : n.span[1]])
        for n in result.not_read
        if n.span
    ]
    assert listed == [("emp.new_urban_jobs", "other-area", "119.98万人")]


def test_a_rate_of_another_subject_is_not_listed_for_the_indicator(linyi: Plan) -> None:
    """城镇登记失业率控制在3.24% after the jobs is the unemployment rate's: not listed as a
    figure of 城镇新增就业 in the wrong unit (same sentence as above)."""
    result = extract(linyi, "shandong-jobs-2013.txt")
    assert "3.24%" not in numbers_listed(result)


def test_rural_income_is_never_the_urban_incomes_figure(linyi: Plan) -> None:
    """城镇居民人均可支配收入19770元…；农村居民人均可支配收入7142元，增长8.8%: 19770 元 is
    proposed (and, past the bracketed aside, its nominal growth 7.9%); neither 7142 元 nor the
    rural growth 8.8% is proposed or listed for urban income
    (国家统计局《2018年上半年居民收入和消费支出情况》, repost
    modernhuayu.com/data/142/2018-07-16/6424455866384454647.html)."""
    result = extract(linyi, "national-income-2018h1.txt", 2018)
    assert [(r.value, r.unit, r.measure) for r in result.rows] == [
        ("19770", "元", "level"),
        ("7.9", "%", "growth"),
    ]
    listed = numbers_listed(result)
    assert "7142元" not in listed and "8.8%" not in listed


def test_numbers_of_another_subject_are_not_listed_as_skipped(linyi: Plan) -> None:
    """The rural half's 实际增长6.8% is not listed as a skipped number of urban income; the
    urban half's own 实际增长5.8% still is (same 2018 sentence)."""
    result = extract(linyi, "national-income-2018h1.txt", 2018)
    assert [(s.text, s.reason) for s in result.skipped] == [("5.8%", "real")]


def test_rural_disposable_income_is_not_rural_net_income(linyi: Plan) -> None:
    """农村居民人均可支配收入 is another statistic than the plan's 农村居民人均纯收入: no row
    and no sentence to look at for inc.rural_per_capita (same sentence)."""
    result = extract(linyi, "national-income-2018h1.txt", 2018)
    assert all(r.indicator != "inc.rural_per_capita" for r in result.rows)
    assert all(n.indicator != "inc.rural_per_capita" for n in result.not_read)


def test_the_first_industry_keeps_its_level_and_growth(industries: Plan) -> None:
    """第一产业增加值440.92亿元，增长3.7%；第二产业增加值1756.43亿元，同比增长4.2%；…: the
    plan's primary industry gets 440.92 亿元 and 3.7 %, nothing of the other industries
    (sd.sina.com.cn/news/2021-01-27/detail-ikftssap1243914.shtml, Linyi 2020)."""
    result = extract(industries, "linyi-industries-2020.txt", 2020)
    assert rows(result) == [
        ("gva.primary", "440.92", "亿元", "level", "2020"),
        ("gva.primary", "3.7", "%", "growth", "2020"),
    ]
    assert result.not_read == []


def test_the_issues_urban_income_sentence(linyi: Plan) -> None:
    """城镇居民人均可支配收入31932元，增长8.4%；农村居民人均可支配收入11652元，增长8.6%: a
    level 31932 元 and a growth 8.4 %, nothing from the rural half (issue 29's shape)."""
    text = "城镇居民人均可支配收入31932元，增长8.4%；农村居民人均可支配收入11652元，增长8.6%。"
    assert rows(one_sentence(linyi, text)) == [
        ("inc.urban_disposable", "31932", "元", "level", "2016"),
        ("inc.urban_disposable", "8.4", "%", "growth", "2016"),
    ]


def test_an_indicator_whose_only_number_is_another_subjects_is_listed(linyi: Plan) -> None:
    """城镇新增就业稳步增加，农村劳动力转移就业8.6万人: 8.6万 was proposed as new urban jobs;
    now it is withheld and the sentence is listed for the analyst, never dropped."""
    result = one_sentence(linyi, "全年城镇新增就业稳步增加，农村劳动力转移就业8.6万人。")
    assert result.rows == []
    assert [n.indicator for n in result.not_read] == ["emp.new_urban_jobs"]


@pytest.mark.parametrize(
    "tail",
    [
        "，比上年增长5.2%",  # compared with the previous year
        "，同比增长5.2%",
        "，增长5.2%",
        "，全国增长5.2%",  # a region of the plan opening the clause (全市 is no area of this plan)
        "，其中，",  # a part of the whole follows
    ],
)
def test_a_continuing_clause_keeps_the_subject(national: Plan, tail: str) -> None:
    """A clause opening with 比上年, 同比, 增长, a region or 其中 goes on about the indicator:
    the growth rate after it is still the indicator's."""
    result = one_sentence(national, f"全年城镇新增就业人数1256万人{tail}。", 2023)
    assert ("emp.new_jobs", "1256", "万人", "level", "2023") in rows(result)
    if "5.2" in tail:
        assert ("emp.new_jobs", "5.2", "%", "growth", "2023") in rows(result)


def test_a_region_clause_with_a_figure_keeps_the_subject(linyi: Plan) -> None:
    """兰山城镇新增就业1.2万人，罗庄0.8万人: a clause opening with a region and a number is
    the same indicator for that region (synthetic, as synthetic-regions.txt)."""
    result = one_sentence(linyi, "兰山城镇新增就业1.2万人，罗庄0.8万人。")
    assert [(r.region, r.value) for r in result.rows] == [("lanshan", "1.2"), ("luozhuang", "0.8")]


def test_a_bracket_inside_a_clause_opens_no_subject(linyi: Plan) -> None:
    """增长（以下如无特别说明，均为同比名义增长）7.9%: words in brackets are no subject, so
    the 7.9% stays the urban income's and is listed for the analyst (same 2018 sentence)."""
    result = extract(linyi, "national-income-2018h1.txt", 2018)
    assert "7.9%" in numbers_listed(result)


def test_letters_written_onto_a_word_are_a_subject(linyi: Plan) -> None:
    """城镇居民人均可支配收入31932元，CPI同比上涨2.8%: the 2.8% is the price index's, never
    the income's growth (the shape of 居民消费价格(CPI)同比上涨2.8% in Linyi's 2020 release)."""
    result = one_sentence(linyi, "城镇居民人均可支配收入31932元，CPI同比上涨2.8%。")
    assert rows(result) == [("inc.urban_disposable", "31932", "元", "level", "2016")]


def test_he_joins_two_subjects_as_a_comma_does(linyi: Plan) -> None:
    """全年城镇新增就业12.3万人和农村劳动力转移就业8.6万人: the 8.6万 after 和 is the other
    subject's, so the 12.3万 is proposed, not both listed as "several"."""
    result = one_sentence(linyi, "全年城镇新增就业12.3万人和农村劳动力转移就业8.6万人。")
    assert rows(result) == [("emp.new_urban_jobs", "12.3", "万人", "level", "2016")]
    assert result.not_read == []


def test_fenbie_after_two_subjects_is_left_to_the_analyst(linyi: Plan) -> None:
    """城镇新增就业、农村劳动力转移就业分别为12.3万人、8.6万人: figures matched by position
    are not read; the sentence is listed for the indicator, nothing proposed."""
    result = one_sentence(linyi, "城镇新增就业、农村劳动力转移就业分别为12.3万人、8.6万人。")
    assert result.rows == []
    assert [n.indicator for n in result.not_read] == ["emp.new_urban_jobs"]


@pytest.mark.parametrize("adverb", ["稳步", "持续", "较快", "名义"])
def test_an_adverb_before_the_growth_keeps_the_subject(linyi: Plan, adverb: str) -> None:
    """城镇居民人均可支配收入31932元，稳步增长8.4%: an adverb before the verb opens no subject."""
    result = one_sentence(linyi, f"城镇居民人均可支配收入31932元，{adverb}增长8.4%。")
    assert ("inc.urban_disposable", "8.4", "%", "growth", "2016") in rows(result)


def test_a_plan_name_inside_a_longer_subject_is_not_the_indicator(national: Plan) -> None:
    """31个大城市城镇调查失业率为5.5%: the rate of 31 big cities, not the national rate the
    plan follows; no row, the sentence listed (国家统计局, Sept 2020, as reported at
    www.thewallstreetmoneymachine.com/news/2020/1020/902432.html, there in traditional script)."""
    result = one_sentence(national, "31个大城市城镇调查失业率为5.5%，比8月份下降0.2个百分点。")
    assert result.rows == []
    assert [n.indicator for n in result.not_read] == ["emp.unemployment"]


def test_the_median_is_not_the_mean_the_plan_follows(linyi: Plan) -> None:
    """城镇居民人均可支配收入中位数18048元，增长7.4%: a median, another statistic; neither
    figure is the income's (国家统计局《2018年上半年居民收入和消费支出情况》, repost
    modernhuayu.com/data/142/2018-07-16/6424455866384454647.html)."""
    text = "其中，城镇居民人均可支配收入中位数18048元，增长7.4%，是平均数的91.3%。"
    assert one_sentence(linyi, text, 2018).rows == []


@pytest.mark.parametrize("before", ["1.", "（一）", "一、", "今年以来，", "全市共有", "2016年我市"])
def test_numbering_periods_and_verbs_before_a_name_leave_it_the_indicator(
    linyi: Plan, before: str
) -> None:
    """1. or （一） numbering a list, a period, a region or a verb before the name is no longer
    subject: the figure stays the indicator's."""
    result = one_sentence(linyi, f"{before}城镇新增就业12.3万人。")
    assert [(r.indicator, r.value) for r in result.rows] == [("emp.new_urban_jobs", "12.3")]


# The property: clauses of unknown subjects after the plan's clause take nothing from it.

# Characters of nouns that open no continuing clause and name nothing of the plan.
_NOUN = "农林牧渔蔬菜茶禽蛋奶工营利税金融贷旅游医床校图书馆博物铁航港口煤炭钢汽车手机"
_UNITS = ["万人", "亿元", "万吨", "元", "个", "家", "%"]


@st.composite
def unknown_clause(draw: st.DrawFn) -> str:
    name = draw(st.text(alphabet=_NOUN, min_size=2, max_size=8))
    figure = draw(st.decimals(min_value=0, max_value=99999, places=2))
    unit = draw(st.sampled_from(_UNITS))
    sep = draw(st.sampled_from(["，", "；", "、", ",", ";"]))
    growth = draw(st.one_of(st.just(""), st.decimals(min_value=0, max_value=99, places=1)))
    verb = draw(st.sampled_from(["增长", "下降", "比上年增长", "同比增长"]))
    return f"{sep}{name}{figure}{unit}" + (f"，{verb}{growth}%" if growth != "" else "")


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    own=st.sampled_from(
        [
            "全年城镇新增就业人数1256万人",
            "全年城镇新增就业人数1256万人，比上年增长1.3%",
            "全年粮食产量69541万吨，比上年增加888万吨，增产1.3%",
            "城镇调查失业率为5.2%",
        ]
    ),
    others=st.lists(unknown_clause(), min_size=1, max_size=5),
)
def test_unknown_subjects_take_nothing_from_the_plans_clause(
    national: Plan, own: str, others: list[str]
) -> None:
    """For any plan clause followed by clauses about unknown subjects (random names, figures,
    with or without a growth rate), the rows are exactly those of the plan clause alone."""
    alone = one_sentence(national, own + "。", 2023)
    mixed = one_sentence(national, own + "".join(others) + "。", 2023)
    assert rows(mixed) == rows(alone)
    assert [(n.indicator, n.reason) for n in mixed.not_read] == [
        (n.indicator, n.reason) for n in alone.not_read
    ]


_TEXTS = communique_texts(
    [
        "全年城镇新增就业人数",
        "城镇新增就业",
        "粮食产量",
        "城镇调查失业率",
        "农村劳动力转移就业",
        "第二产业增加值",
        "CPI",
        "“淘宝村”",
        "，",
        "；",
        "、",
        "和",
        "（",
        "）",
        "增长",
        "下降",
        "比上年",
        "同比",
        "其中",
        "分别为",
        "扣除价格因素",
        "实际",
        "稳步",
        "全市",
        "12月份",
        "为",
        "万人",
        "万吨",
        "元",
        "%",
    ]
)


@over_texts
@given(text=_TEXTS)
def test_the_subject_rule_only_withholds(
    national: Plan, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the sentence, every row proposed is one the nearest-name rule alone found
    for that indicator, same figure, period and measure (before "several" set any aside)."""
    text += "。"
    with_rule = one_sentence(national, text, 2023)
    with monkeypatch.context() as m:
        m.setattr("linyi_tracker.extract.figures._Subjects.another", lambda *_: False)
        m.setattr(Extractor, "_one_figure_each", lambda self, rows, unread, s: rows)
        without = one_sentence(national, text, 2023)
    assert set(with_rule.rows) <= set(without.rows)


@pytest.mark.parametrize(
    ("own", "text", "expected"),
    [
        ("全国", "2016年我国城镇新增就业1314万人。", "cn"),
        ("山东省", "2016年我省城镇新增就业119万人。", "cn"),
        ("临沂市", "2016年我省城镇新增就业119万人。", ""),
        ("临沂市", "2016年我国城镇新增就业1314万人。", ""),
        ("临沂市", "2016年我市城镇新增就业12万人。", "cn"),
        ("临沂市", "2016年本市城镇新增就业12万人。", "cn"),
        ("全国", "2016年我市城镇新增就业12万人。", ""),
    ],
)
def test_our_country_or_province_is_the_plans_own_area_only_when_it_is_one(
    tmp_path: Path, own: str, text: str, expected: str
) -> None:
    """我国 / 我省 / 我市 name the plan's own area when the plan is a country's, a province's
    or a city's; read with another's plan they are another area: listed, never proposed."""
    plan_text = NATIONAL_PLAN.read_text(encoding="utf-8").replace(
        "{id: cn, level: city, name: {zh: 全国, en: China}}",
        f"{{id: cn, level: city, name: {{zh: {own}, en: Here}}}}",
    )
    (tmp_path / "plan.yaml").write_text(plan_text, encoding="utf-8")
    doc = Document("p.txt", "utf-8", split_sentences(text))
    result = Extractor(read_plan(tmp_path / "plan.yaml"), year=2016).extract([doc])
    if expected:
        assert [(r.indicator, r.region) for r in result.rows] == [("emp.new_jobs", "cn")]
    else:
        assert result.rows == []
        assert [n.reason for n in result.not_read] == ["other-area"]


@pytest.mark.parametrize(
    "sentence",
    [
        "城镇居民人均可支配收入32000元，农民人均纯收入12000元，分别增长8.1%和8.6%。",
        "城镇居民人均可支配收入和农民人均纯收入分别增长8.1%和8.6%。",
    ],
)
def test_fenbie_rates_are_not_given_to_the_name_before_them(linyi: Plan, sentence: str) -> None:
    """…，分别增长8.1%和8.6% (the shape of 临沂's 2020 release: 农、林、牧、渔…同比分别增长2.9%、
    7.7%…): the rates go one each with the items listed before 分别, so none is proposed for
    the name nearest before them (8.1% is the urban income's), and the sentence is listed."""
    result = one_sentence(linyi, sentence)
    assert [r for r in rows(result) if r[3] == "growth"] == []
    assert ("inc.rural_per_capita", "respectively") in [
        (n.indicator, n.reason) for n in result.not_read
    ]


def test_fenbie_over_regions_says_why(linyi: Plan) -> None:
    """兰山区、罗庄区城镇新增就业分别为3万人、2万人: matched by position to the regions, the
    figures are listed as such (分别), never both given to the region named last."""
    result = one_sentence(linyi, "兰山区、罗庄区城镇新增就业分别为3万人、2万人。")
    assert result.rows == []
    assert [(n.indicator, n.reason) for n in result.not_read] == [
        ("emp.new_urban_jobs", "respectively")
    ]


def test_fenbie_before_one_figure_keeps_it(linyi: Plan) -> None:
    """城镇居民人均可支配收入32000元，分别比上年增长8.1%: one number after 分别 is the subject's."""
    result = one_sentence(linyi, "城镇居民人均可支配收入32000元，分别比上年增长8.1%。")
    assert ("inc.urban_disposable", "8.1", "%", "growth", "2016") in rows(result)


def test_our_city_after_the_country_is_the_plans(linyi: Plan) -> None:
    """全国…33616元，我市…32000元: the city's figure is proposed for the city, the country's is
    not (it was all listed as another area's)."""
    result = one_sentence(
        linyi, "全国城镇居民人均可支配收入33616元，我市城镇居民人均可支配收入32000元。"
    )
    assert [(r.indicator, r.value, r.region) for r in result.rows] == [
        ("inc.urban_disposable", "32000", "linyi")
    ]
