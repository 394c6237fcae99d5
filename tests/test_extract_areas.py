"""`extract`: a figure about another area, a county or a whole other document is never
given to the plan's city (linyi_tracker/extract/areas.py).

Sentences are the shapes communiqués print: a place heading a clause (济南市：…), a
county heading its lines, 分县区看, a title naming the document's area. The synthetic
fixtures say so in tests/fixtures/extract/README.md; the title fixture wraps a published
Shandong sentence (大众日报, 15 Jan 2014, zw-news.com/news/guolei//news/guolei2014011514187.html).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given

from conftest import FIXTURES, PLAN_FILE, Result
from extract_text import communique_texts, over_texts, text_of
from linyi_tracker.extract import areas as area_rules
from linyi_tracker.extract.document import read_document
from linyi_tracker.extract.figures import Extraction, Extractor
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
HERE = FIXTURES / "extract"


@pytest.fixture(scope="module")
def linyi() -> Plan:
    return read_plan(PLAN_FILE)


def city_rows(result: Extraction) -> list[tuple[str, str]]:
    return [(r.indicator, r.value) for r in result.rows if r.region == "linyi"]


def reasons(result: Extraction) -> list[str]:
    return [n.reason for n in result.not_read]


@pytest.mark.parametrize(
    "text",
    [
        "济南市：城镇新增就业15.2万人。",
        "济南市，城镇新增就业15.2万人。",
        "其中，青岛市：城镇新增就业15.2万人。",
        "2017年，济南市：城镇新增就业15.2万人。",
        "（一）江苏省：城镇新增就业15.2万人。",
    ],
)
def test_a_place_ending_a_clause_takes_the_figure_from_the_city(linyi: Plan, text: str) -> None:
    """A clause that is only another place's name (济南市：) makes the figure after it not the city's."""
    result = text_of(linyi, text)
    assert city_rows(result) == []
    assert reasons(result) == ["other-area"]


def test_another_city_before_the_name_is_said_to_be_another_area(linyi: Plan) -> None:
    """济南市城镇新增就业15.2万人 is withheld as another area's, not as an unclear number."""
    assert reasons(text_of(linyi, "济南市城镇新增就业15.2万人。")) == ["other-area"]


@pytest.mark.parametrize(
    "place", ["临沂经济技术开发区", "临沂高新区", "兰山区枣园镇", "临沂市城区"]
)
def test_a_region_written_onto_a_smaller_place_is_not_that_region(linyi: Plan, place: str) -> None:
    """临沂经济技术开发区: the city's name begins a smaller place's, whose figure is not the city's."""
    result = text_of(linyi, f"{place}城镇新增就业0.3万人。")
    assert result.rows == []
    assert reasons(result) == ["other-area"]


def test_a_county_in_its_own_sentence_keeps_its_figure(linyi: Plan) -> None:
    """其中，兰山区城镇新增就业2.1万人: the county named in the sentence is sure: its row."""
    result = text_of(linyi, "其中，兰山区城镇新增就业2.1万人。")
    assert [(r.region, r.value) for r in result.rows] == [("lanshan", "2.1")]


def test_a_county_heading_its_lines_withholds_them(linyi: Plan) -> None:
    """A line 兰山区 over 城镇新增就业2.1万人: not the city's, withheld with the paragraph reason."""
    result = text_of(linyi, "兰山区\n城镇新增就业2.1万人。\n城镇居民人均可支配收入32000元。")
    assert result.rows == []
    assert reasons(result) == ["paragraph-area", "paragraph-area"]


def test_a_heading_of_another_kind_ends_the_county_section(linyi: Plan) -> None:
    """二、居民收入 after a county's lines: the lines under it are the city's again."""
    result = text_of(
        linyi, "兰山区\n城镇新增就业2.1万人。\n二、居民收入\n城镇居民人均可支配收入32000元。"
    )
    assert city_rows(result) == [("inc.urban_disposable", "32000")]


def test_a_line_with_a_figure_is_no_heading(linyi: Plan) -> None:
    """A line without a full stop that holds a figure does not end the county's section."""
    result = text_of(linyi, "兰山区\n城镇新增就业2.1万人")
    assert city_rows(result) == []


def test_a_sentence_opening_with_a_county_carries_it_to_its_paragraph(linyi: Plan) -> None:
    """兰山区城镇新增就业2.1万人。城镇居民人均可支配收入…: the second sentence is not the city's."""
    result = text_of(linyi, "兰山区城镇新增就业2.1万人。城镇居民人均可支配收入32000元。")
    assert [(r.region, r.value) for r in result.rows] == [("lanshan", "2.1")]
    assert reasons(result) == ["paragraph-area"]


def test_the_country_opening_a_paragraph_carries_to_its_next_sentence(linyi: Plan) -> None:
    """全国…。城镇居民人均可支配收入33834元 in one paragraph: the country's, not the city's."""
    text = "全国城镇新增就业1351万人。城镇居民人均可支配收入33834元。"
    assert city_rows(text_of(linyi, text)) == []


def test_a_new_paragraph_is_the_citys_again(linyi: Plan) -> None:
    """The area a sentence opens with holds only on its own line (paragraph)."""
    text = "济南市：城镇新增就业15.2万人。\n城镇居民人均可支配收入33834元。"
    assert city_rows(text_of(linyi, text)) == [("inc.urban_disposable", "33834")]


def test_the_city_mentioned_later_in_a_sentence_carries_nothing(linyi: Plan) -> None:
    """高于全国 inside a city sentence opens nothing: the next sentence stays the city's."""
    text = "全市城镇新增就业8.5万人，高于全国。城镇居民人均可支配收入33834元。"
    assert city_rows(text_of(linyi, text)) == [
        ("emp.new_urban_jobs", "8.5"),
        ("inc.urban_disposable", "33834"),
    ]


def test_by_county_words_withhold_what_names_no_county(linyi: Plan) -> None:
    """分县区看，城镇新增就业2.1万人: a county's figure with no county named: withheld."""
    result = text_of(linyi, "分县区看，城镇新增就业2.1万人。")
    assert result.rows == []
    assert reasons(result) == ["other-area"]


def test_by_county_words_keep_each_named_county(linyi: Plan) -> None:
    """分县区看，兰山区…2.1万人，罗庄区1.5万人: each county named keeps its own figure."""
    result = text_of(linyi, "分县区看，兰山区城镇新增就业2.1万人，罗庄区1.5万人。")
    assert [(r.region, r.value) for r in result.rows] == [("lanshan", "2.1"), ("luozhuang", "1.5")]


def test_the_synthetic_area_fixture(linyi: Plan) -> None:
    """synthetic-areas.txt: only the income under the 二、居民收入 heading is the city's."""
    result = Extractor(linyi).extract([read_document(HERE / "synthetic-areas.txt", "a.txt")])
    assert city_rows(result) == [("inc.urban_disposable", "32000")]
    assert [(n.reason, n.line) for n in result.not_read] == [
        ("other-area", 1),
        ("other-area", 2),
        ("paragraph-area", 4),
    ]


# The document's area from its title


@pytest.mark.parametrize("name", ["shandong-title-2013.txt", "shandong-title-2013.html"])
def test_a_provinces_communique_gives_the_city_nothing(linyi: Plan, name: str) -> None:
    """山东省2013年…统计公报 read with the Linyi plan: 119.98万人 is never proposed for Linyi."""
    result = Extractor(linyi).extract([read_document(HERE / name, name)])
    assert result.rows == []
    assert result.title_areas == [(name, "山东省")]
    assert reasons(result).count("title-area") == 1


def test_the_title_reason_is_listed_once_a_document(linyi: Plan) -> None:
    """Three sentences under another area's title: one title-area entry, not three."""
    text = "山东省2017年国民经济和社会发展统计公报\n全年城镇新增就业120万人。\n城镇居民人均可支配收入36789元。\n全年城镇新增就业120万人。"
    assert reasons(text_of(linyi, text)) == ["title-area"]


def test_a_city_named_under_another_areas_title_keeps_its_figure(linyi: Plan) -> None:
    """临沂市城镇新增就业12万人 in the province's communiqué names the city: its row."""
    text = "山东省2017年国民经济和社会发展统计公报\n临沂市城镇新增就业12万人。"
    assert city_rows(text_of(linyi, text)) == [("emp.new_urban_jobs", "12")]


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("2017年临沂市国民经济和社会发展统计公报", "linyi"),
        ("临沂市2017年国民经济和社会发展统计公报", "linyi"),
        ("兰山区2017年国民经济和社会发展统计公报", "lanshan"),
        ("临沂市兰山区2017年国民经济和社会发展统计公报", "lanshan"),
    ],
)
def test_a_title_of_the_plans_own_region_gives_it_the_figures(
    linyi: Plan, title: str, region: str
) -> None:
    """The plan's city or county named in the title is the region of sentences naming none."""
    result = text_of(linyi, f"{title}\n全年城镇新增就业12万人。")
    assert [(r.region, r.value) for r in result.rows] == [(region, "12")]


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("临沂市河东区2017年国民经济和社会发展统计公报", "hedong"),
        ("山东省临沂市2017年国民经济和社会发展统计公报", "linyi"),
        ("天津市河东区2017年国民经济和社会发展统计公报", None),
    ],
)
def test_a_county_of_the_same_name_in_another_city_is_another_area(
    linyi: Plan, title: str, region: str | None
) -> None:
    """天津市河东区's communiqué is not 临沂市河东区's: a title naming a county of the plan after
    another city gives it nothing (it was read as Hedong's)."""
    result = text_of(linyi, f"{title}\n全年城镇新增就业1.2万人。")
    assert [r.region for r in result.rows] == ([] if region is None else [region])
    assert result.title_areas == ([] if region else [("x.txt", "天津市河东区")])


def test_the_region_option_overrides_the_title(linyi: Plan) -> None:
    """--region linyi on a 济南市 communiqué: the analyst says whose figures they are."""
    text = "济南市2017年国民经济和社会发展统计公报\n全年城镇新增就业12万人。"
    result = text_of(linyi, text, region="linyi")
    assert city_rows(result) == [("emp.new_urban_jobs", "12")]
    assert result.title_areas == []


@pytest.mark.parametrize(
    ("lines", "area"),
    [
        (["中华人民共和国2023年国民经济和社会发展统计公报"], "中华人民共和国"),
        (["2017年山东省国民经济和社会发展统计公报"], "山东省"),
        (["济南市2017年统计公报"], "济南市"),
        (["2022年度人力资源和社会保障事业发展统计公报"], None),
        (["全年城镇新增就业120万人。"], None),
    ],
)
def test_the_title_area(lines: list[str], area: str | None) -> None:
    """The area of a title before or after its year; a department's bulletin names none."""
    assert area_rules.title_area(lines) == area


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_title_area_is_said_once_on_stderr(run: Run, lang: str) -> None:
    """The CLI says the title names another area, and how to override it, in zh and en."""
    result = run("extract", str(HERE / "shandong-title-2013.txt"), "--lang", lang)
    assert result.exit_code == 0
    said = "山东省" in result.stderr and "--region" in result.stderr
    assert said and result.stderr.count("--region") == 1
    assert ("不是临沂市" in result.stderr) == (lang == "zh")
    assert "全市" in result.stderr  # 全市 in another area's text is not the city either


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "若全文是兰山区的，请加 --region 兰山区"),
        ("en", "If the text is Lanshan District's, give --region lanshan"),
    ],
)
def test_a_countys_bureau_tells_the_clerk_its_region_option(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """兰山区统计局 over an untitled text withholds its figures; the message names the
    --region that gives them to the county (not "if the text is 临沂市's"), and that option
    does give them."""
    text = tmp_path / "ls.txt"
    text.write_text("兰山区统计局\n全年城镇新增就业1.2万人。\n", encoding="utf-8")
    result = run("extract", str(text), "--period", "2017", "--lang", lang)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()  # rich wraps: zh with no space, en at one
    assert said in ("".join(lines) if lang == "zh" else " ".join(" ".join(lines).split()))
    assert "临沂市的" not in result.stderr and "Linyi City's" not in result.stderr
    option = said.rsplit("--region ", 1)[1]
    result = run("extract", str(text), "--period", "2017", "--region", option, "--format", "json")
    assert [(r["region"], r["value"]) for r in json.loads(result.stdout)["rows"]] == [
        ("lanshan", "1.2")
    ]


def test_the_title_area_is_in_the_json(run: Run) -> None:
    """--format json carries the file and the area its title names."""
    result = run("extract", str(HERE / "shandong-title-2013.txt"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["title_areas"] == [
        {"path": str(HERE / "shandong-title-2013.txt"), "area": "山东省"}
    ]
    assert data["rows"] == []


# A bracket between the verb and its number


def test_a_bracketed_aside_leaves_the_verb_its_number(linyi: Plan) -> None:
    """增长（以下如无特别说明，均为名义增长）7.9%: a growth of 7.9 %, not a number in an unknown unit."""
    result = text_of(
        linyi, "城镇居民人均可支配收入32000元，增长（以下如无特别说明，均为名义增长）7.9%。"
    )
    assert [(r.value, r.measure) for r in result.rows] == [("32000", "level"), ("7.9", "growth")]
    assert reasons(result) == []


def test_an_aside_at_comparable_prices_is_a_real_growth(linyi: Plan) -> None:
    """增长（以下如无特别说明，均为可比价）7.9%: price-adjusted, skipped as 实际增长 is."""
    result = text_of(
        linyi, "城镇居民人均可支配收入32000元，增长（以下如无特别说明，均为可比价）7.9%。"
    )
    assert [(r.value, r.measure) for r in result.rows] == [("32000", "level")]
    assert [(s.text, s.reason) for s in result.skipped] == [("7.9%", "real")]


def test_a_bound_before_an_aside_still_bounds(linyi: Plan) -> None:
    """超过（初步统计）8万人: the bound before the brackets holds for the number after them."""
    result = text_of(linyi, "全年城镇新增就业超过（初步统计）8万人。")
    assert result.rows == []
    assert [(s.text, s.reason) for s in result.skipped] == [("8万人", "bound")]


@pytest.mark.parametrize(
    ("text", "skipped", "unread"),
    [
        ("全年城镇新增就业（目标）8.6万人。", [("8.6万人", "target")], []),
        ("全年城镇新增就业（年度计划）8.6万人。", [("8.6万人", "target")], []),
        ("城镇居民人均可支配收入（预计数）32000元。", [], ["forecast"]),
    ],
)
def test_an_aside_after_the_name_says_what_the_number_is(
    linyi: Plan, text: str, skipped: list[tuple[str, str]], unread: list[str]
) -> None:
    """城镇新增就业（目标）8.6万人: the target, never proposed as the year's figure (a bracket
    ends a clause, so its 目标 was read in a clause of its own)."""
    result = text_of(linyi, text)
    assert result.rows == []
    assert [(s.text, s.reason) for s in result.skipped] == skipped
    assert reasons(result) == unread


def test_a_preliminary_aside_after_the_name_keeps_the_figure(linyi: Plan) -> None:
    """城镇新增就业（初步统计）8.6万人: a preliminary figure is the figure."""
    result = text_of(linyi, "全年城镇新增就业（初步统计）8.6万人。")
    assert city_rows(result) == [("emp.new_urban_jobs", "8.6")]


# The property: the area rules only withhold


_TEXTS = communique_texts(
    [
        "城镇新增就业",
        "城镇居民人均可支配收入",
        "济南市",
        "兰山区",
        "临沂市",
        "全国",
        "全市",
        "全区",
        "开发区",
        "枣园镇",
        "分县区看",
        "其中",
        "（一）",
        "：",
        "，",
        "。",
        "\n",
        "增长",
        "万人",
        "元",
        "%",
        "2017年",
        "山东省2017年国民经济和社会发展统计公报\n",
        "济南市统计局\n",
        "临沂市统计局\n",
        "注：",
        "（以下均为名义增长）",
    ]
)


@over_texts
@given(text=_TEXTS)
def test_the_area_rules_only_withhold(
    linyi: Plan, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the text, every row proposed is one the plan's region names alone gave
    (same figure, period, region and measure): the area and footnote rules never add nor
    move a row (to a county only when the title names it, which these texts never do)."""
    with_rules = text_of(linyi, text)
    with monkeypatch.context() as m:
        m.setattr(Extractor, "_areas", lambda self, f, mentions, periods, own: _known(self, f, own))
        m.setattr(Extractor, "_document_region", lambda self, path, head, result: self.region)
        m.setattr(area_rules, "heading_text", lambda text: None)
        m.setattr(area_rules, "FOOTNOTE", re.compile("(?!)"))
        m.setattr(Extractor, "_one_figure_each", lambda self, rows, unread, s: rows)
        without = text_of(linyi, text)
    key = lambda r: (r.indicator, r.value, r.period, r.region, r.measure, r.span, r.line)  # noqa: E731
    assert {key(r) for r in with_rules.rows} <= {key(r) for r in without.rows}


def _known(self: Extractor, f: str, own: dict[str, str]) -> list[tuple[int, int, frozenset[str]]]:
    """The plan's region names alone (全市, 我市: the city's, as they always were)."""
    from linyi_tracker.extract.figures import _find

    found = _find(f, self.region_names, [False] * len(f))
    return [(a, b, frozenset(own.get(i, i) for i in ids)) for a, b, ids in found]


# Sweep: words that make a number something other than the figure


@pytest.mark.parametrize("word", ["突破", "超"])
def test_breaking_through_is_a_bound(linyi: Plan, word: str) -> None:
    """城镇新增就业突破8万人 / 超8万人: more than 8万, never the level 8万 (a bound)."""
    result = text_of(linyi, f"全年城镇新增就业{word}8万人。")
    assert result.rows == []
    assert [(s.text, s.reason) for s in result.skipped] == [("8万人", "bound")]


def test_overfulfilled_keeps_the_figure_before_it(linyi: Plan) -> None:
    """…8.5万人，超额完成目标任务: 超额 is no bound on the figure before it."""
    result = text_of(linyi, "全年城镇新增就业8.5万人，超额完成目标任务。")
    assert [(r.value, r.measure) for r in result.rows] == [("8.5", "level")]


@pytest.mark.parametrize(
    "text", ["注：城镇新增就业为8.5万人。", "注：1.数据为初步统计。2.城镇新增就业8.5万人。"]
)
def test_a_footnotes_figure_is_not_proposed(linyi: Plan, text: str) -> None:
    """A line opening with 注： defines or restates: its figures are listed, not proposed."""
    result = text_of(linyi, text)
    assert result.rows == []
    assert reasons(result) == ["footnote"]


def test_the_line_after_a_footnote_is_read(linyi: Plan) -> None:
    """The footnote holds for its own line only."""
    result = text_of(linyi, "注：数据为初步统计。\n全年城镇新增就业8.5万人。")
    assert city_rows(result) == [("emp.new_urban_jobs", "8.5")]


def test_another_citys_communique_gives_the_city_nothing(linyi: Plan) -> None:
    """2022年济南市…统计公报 (qinglite.cn/doc/727564e586b967d02): 17.4万人 is Jinan's, never Linyi's."""
    name = "jinan-2022.txt"
    result = Extractor(linyi).extract([read_document(HERE / name, name)])
    assert result.rows == []
    assert result.title_areas == [(name, "济南市")]


# Note marks and price-adjusted growth (the shape of Jinan 2022: 地区生产总值[2]为12027.5亿元，
# 按不变价格计算，增长[3]3.1%, qinglite.cn/doc/727564e586b967d02)


def test_a_note_mark_is_no_figure_and_hides_no_verb(linyi: Plan) -> None:
    """收入［5］32000元，名义增长[3]7.9%: the marks' 5 and 3 are no figures; 7.9 % is the growth."""
    result = text_of(linyi, "城镇居民人均可支配收入［5］32000元，名义增长[3]7.9%。")
    assert [(r.value, r.measure) for r in result.rows] == [("32000", "level"), ("7.9", "growth")]
    assert result.not_read == []


@pytest.mark.parametrize("words", ["按不变价格计算", "按可比价格计算"])
def test_growth_at_constant_prices_is_real_growth(linyi: Plan, words: str) -> None:
    """…32000元，按不变价格计算，增长7.9%: price-adjusted, skipped as 实际增长 is, never proposed."""
    result = text_of(linyi, f"城镇居民人均可支配收入32000元，{words}，增长7.9%。")
    assert [(r.value, r.measure) for r in result.rows] == [("32000", "level")]
    assert [(s.text, s.reason) for s in result.skipped] == [("7.9%", "real")]


def test_a_nominal_growth_after_the_real_one_is_proposed(linyi: Plan) -> None:
    """…实际增长6.5%，名义增长8.2%: 实际 is the growth before it, not 8.2 % (it was skipped as
    price-adjusted once 实际 anywhere after the name counted); the real 6.5 % stays skipped."""
    result = text_of(linyi, "城镇居民人均可支配收入32000元，实际增长6.5%，名义增长8.2%。")
    assert [(r.value, r.measure) for r in result.rows] == [("32000", "level"), ("8.2", "growth")]
    assert [(s.text, s.reason) for s in result.skipped] == [("6.5%", "real")]


# The year of a figure quoted from the year before


@pytest.mark.parametrize("word", ["上年", "上年末", "去年"])
def test_last_years_figure_has_last_years_period(linyi: Plan, word: str) -> None:
    """…8.5万人，上年为8.2万人 in a 2017 text: 8.2 is 2016's, never a second 2017 figure."""
    result = text_of(linyi, f"全年城镇新增就业8.5万人，{word}为8.2万人。")
    assert [(r.period, r.value) for r in result.rows] == [("2017", "8.5"), ("2016", "8.2")]


@pytest.mark.parametrize("words", ["比上年增加0.3万人", "比上年末增加0.3万人", "较上年增加0.3万人"])
def test_a_change_on_last_year_is_still_a_change(linyi: Plan, words: str) -> None:
    """比上年增加/比上年末增加 stay a difference: 上年 after 比 or 较 is no period."""
    result = text_of(linyi, f"全年城镇新增就业8.5万人，{words}。")
    assert [(r.period, r.value) for r in result.rows] == [("2017", "8.5")]
    assert [s.reason for s in result.skipped] == ["change"]


@pytest.mark.parametrize("words", ["与上年相比", "与去年相比", "相比上年"])
def test_a_comparison_with_last_year_gives_last_year_no_growth(linyi: Plan, words: str) -> None:
    """与上年相比增长3%: the growth of 2017 on 2016, never a growth row for 2016 (and not
    dropped without a word: 相比 opened a clause of another subject)."""
    result = text_of(linyi, f"城镇居民人均可支配收入32000元，{words}增长3%。")
    assert [(r.period, r.value, r.measure) for r in result.rows] == [
        ("2017", "32000", "level"),
        ("2017", "3", "growth"),
    ]


# 全市, 全县, 本区 …: the document's own area


@pytest.mark.parametrize("word", ["全市", "我市", "本市"])
def test_the_whole_city_in_another_citys_communique_is_that_city(linyi: Plan, word: str) -> None:
    """全市 in 济南市's communiqué is Jinan (the real one writes 2022年全市地区生产总值[2]为
    12027.5亿元, qinglite.cn/doc/727564e586b967d02): its figure is never Linyi's."""
    text = f"2022年济南市国民经济和社会发展统计公报\n全年{word}新增城镇就业17.4万人。"
    result = text_of(linyi, text)
    assert result.rows == []
    assert reasons(result) == ["title-area"]


@pytest.mark.parametrize(
    ("title", "word", "region"),
    [
        ("兰山区2017年国民经济和社会发展统计公报", "全区", "lanshan"),
        ("沂南县2017年国民经济和社会发展统计公报", "全县", "yinan"),
        ("沂南县2017年国民经济和社会发展统计公报", "我县", "yinan"),
        ("临沂市2017年国民经济和社会发展统计公报", "全市", "linyi"),
        ("兰山区2017年国民经济和社会发展统计公报", "全市", "linyi"),
    ],
)
def test_the_whole_county_in_its_own_communique_is_the_county(
    linyi: Plan, title: str, word: str, region: str
) -> None:
    """全区 in 兰山区's communiqué is 兰山区, 全县 in 沂南县's is 沂南县 (they were another area,
    withheld); 全市 in a county's text is the city it lies in."""
    result = text_of(linyi, f"{title}\n2017年，{word}城镇新增就业1.5万人。")
    assert [(r.region, r.value) for r in result.rows] == [(region, "1.5")]
    assert result.not_read == []


@pytest.mark.parametrize(("region", "word"), [("lanshan", "全区"), ("yinan", "全县")])
def test_the_whole_county_is_the_region_option(linyi: Plan, region: str, word: str) -> None:
    """--region lanshan on a text with no title: 全区 is 兰山区 (its own communiqué)."""
    result = text_of(linyi, f"{word}城镇新增就业1.5万人，城镇居民人均可支配收入35000元。", region)
    assert [(r.region, r.value) for r in result.rows] == [(region, "1.5"), (region, "35000")]


def test_the_whole_county_in_the_citys_text_is_not_the_city(linyi: Plan) -> None:
    """全区城镇新增就业1.5万人 with no title nor --region: a district's figure, never the city's
    (listed as own-area, whose message asks for --region: other-area's did not)."""
    result = text_of(linyi, "全区城镇新增就业1.5万人。")
    assert result.rows == []
    assert reasons(result) == ["own-area"]


def test_a_topic_heading_ending_in_a_place_suffix_is_no_place(linyi: Plan) -> None:
    """七、城市建设和园区 is a topic, not a place (it ends in 园区): the lines under it are
    the city's (they were withheld as another area's)."""
    text = "七、城市建设和园区\n城镇居民人均可支配收入31910元，增长8.2%。"
    assert city_rows(text_of(linyi, text)) == [
        ("inc.urban_disposable", "31910"),
        ("inc.urban_disposable", "8.2"),
    ]


@pytest.mark.parametrize("heading", ["兰山区和罗庄区", "兰山区、罗庄区", "济南市与青岛市"])
def test_a_heading_of_places_joined_is_still_places(linyi: Plan, heading: str) -> None:
    """Two places joined by 和/、/与 still head their lines: never the city's."""
    result = text_of(linyi, f"{heading}\n城镇新增就业2.1万人。")
    assert result.rows == []
    assert reasons(result) == ["paragraph-area"]


# A list of places is no heading


def test_a_menu_of_counties_heads_nothing(linyi: Plan, tmp_path: Path) -> None:
    """A city government page lists its counties as links before the communiqué: the last
    one (临沭县) was taken as a heading and every figure under it withheld (paragraph-area)."""
    page = (
        "<html><head><title>临沂市人民政府网站</title></head><body>"
        "<ul><li>首页</li><li>政务公开</li></ul>"
        "<ul><li>兰山区</li><li>罗庄区</li><li>河东区</li><li>临沭县</li></ul>"
        "<h1>临沂市2017年国民经济和社会发展统计公报</h1>"
        "<p>全年城镇新增就业8.6万人。</p><p>城镇居民人均可支配收入31910元，增长8.2%。</p>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = Extractor(linyi).extract([read_document(path, "page.html")])
    assert city_rows(result) == [
        ("emp.new_urban_jobs", "8.6"),
        ("inc.urban_disposable", "31910"),
        ("inc.urban_disposable", "8.2"),
    ]
    assert result.not_read == []


def test_a_tables_column_of_counties_heads_nothing(linyi: Plan) -> None:
    """A table by county (a cell a line, as an HTML table reads): the city's text after
    it is the city's, not the last county's."""
    text = "地区\n城镇新增就业（万人）\n兰山区\n1.5\n临沭县\n0.8\n全年城镇新增就业8.6万人。"
    assert city_rows(text_of(linyi, text)) == [("emp.new_urban_jobs", "8.6")]


def test_a_county_heading_over_its_text_still_heads_it(linyi: Plan) -> None:
    """One county's line over a sentence: still that county's section (not the city's)."""
    text = "一、综合\n兰山区\n城镇新增就业2.1万人。\n城镇居民人均可支配收入32000元。"
    result = text_of(linyi, text)
    assert result.rows == []
    assert reasons(result) == ["paragraph-area", "paragraph-area"]
