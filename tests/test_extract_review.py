"""`extract`: a reviewer's findings on the rule book (linyi_tracker/extract/figures.py and
areas.py) — a clause's words read for the clause each number is in, one rule for a
comparison with another year, 上年增长 left unread, a document's title found past a page's
menu, the own-area words' reason, and topic headings that are no places.

Sentences are made up in the shapes communiqués print unless a source is given (see
tests/fixtures/extract/README.md for the fixtures' sources).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, PLAN_FILE, Result
from extract_text import text_of
from linyi_tracker.extract import areas as area_rules
from linyi_tracker.extract.document import read_document
from linyi_tracker.extract.figures import Extraction, Extractor, NotReadReason, SkipReason, _Text
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

HERE = FIXTURES / "extract"
Run = Callable[..., Result]


@pytest.fixture(scope="module")
def linyi() -> Plan:
    return read_plan(PLAN_FILE)


def rows(result: Extraction) -> list[tuple[str, str, str, str]]:
    return [(r.period, r.region, r.value, r.measure) for r in result.rows]


# A clause's words are read for the clause each number is in


def test_a_clauses_words_are_keyed_by_its_start_and_end() -> None:
    """Two clauses starting at one place (an aside moves a number's start back) are read
    each for its own words: the shorter's verdict is not the longer's."""
    text = _Text("收入32000元增长（名义）8%的预期目标", [])
    assert text.clause_words(0, 8)[0] is False
    assert text.clause_words(0, len(text.f))[0] is True


def test_a_growth_after_an_aside_reads_its_own_clause(linyi: Plan) -> None:
    """…32000元增长（名义）8%的预期目标: 8 % is a target (its clause says 目标), never a growth
    row because the level before the aside was read first with the same clause start."""
    result = text_of(linyi, "城镇居民人均可支配收入32000元增长（名义）8%的预期目标。")
    assert ("2017", "linyi", "8", "growth") not in rows(result)
    assert [(s.text, s.reason) for s in result.skipped] == [("8%", "target")]


# One rule for a comparison with another year (与/和/同/跟 上年相比, 比上年, 较上年)


@pytest.mark.parametrize(
    "words",
    [
        "和上年相比",
        "同上年相比",
        "跟上年相比",
        "和去年相比",
        "与上年同期相比",
        "和上年比",
        "较上年相比",
        "与2016年相比",
    ],
)
def test_a_comparison_with_last_year_keeps_its_growth(linyi: Plan, words: str) -> None:
    """…32000元，和上年相比增长3%: 3 % is 2017's growth on 2016 (it was dropped without a
    word: 和 opened a clause of another subject)."""
    result = text_of(linyi, f"城镇居民人均可支配收入32000元，{words}增长3%。")
    assert rows(result) == [("2017", "linyi", "32000", "level"), ("2017", "linyi", "3", "growth")]


@pytest.mark.parametrize("words", ["与上年相比多", "和上年相比多", "比上年多"])
def test_a_comparison_without_a_verb_is_a_change(linyi: Plan, words: str) -> None:
    """…8.6万人，和上年相比多0.3万人: 0.3万人 is a change, listed as skipped (it was dropped
    without a word: 多 read as another subject)."""
    result = text_of(linyi, f"城镇新增就业8.6万人，{words}0.3万人。")
    assert rows(result) == [("2017", "linyi", "8.6", "level")]
    assert [(s.text, s.reason) for s in result.skipped] == [("0.3万人", "change")]


def test_a_comparison_with_another_base_year_is_listed(linyi: Plan) -> None:
    """和2015年相比增长10% in a text on 2017: a change on another base, listed as base-year
    (it was dropped without a word)."""
    result = text_of(linyi, "城镇居民人均可支配收入32000元，和2015年相比增长10%。")
    assert rows(result) == [("2017", "linyi", "32000", "level")]
    assert [n.reason for n in result.not_read] == ["base-year"]


def test_years_joined_by_and_stay_periods(linyi: Plan) -> None:
    """2015年和2016年…: a 和 with no 相比 after it compares nothing; the years stay periods."""
    result = text_of(linyi, "2016年和2017年城镇新增就业分别为8万人和9万人。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["respectively"]


# 上年增长8.5% (no 比): the previous year's growth, or growth on it — not guessed


@pytest.mark.parametrize("word", ["上年", "去年"])
def test_last_year_before_a_growth_is_not_read(linyi: Plan, word: str) -> None:
    """…32000元，上年增长8.5%: listed as unclear, never a growth row of 2016 nor of 2017."""
    result = text_of(linyi, f"城镇居民人均可支配收入32000元，{word}增长8.5%。")
    assert rows(result) == [("2017", "linyi", "32000", "level")]
    assert [(n.reason, n.span) for n in result.not_read] == [("unclear", (22, 26))]


def test_last_years_level_is_still_last_years(linyi: Plan) -> None:
    """上年为8.2万人 (a level, no verb of change) stays the figure of 2016."""
    result = text_of(linyi, "城镇新增就业8.6万人，上年为8.2万人。")
    assert rows(result) == [("2017", "linyi", "8.6", "level"), ("2016", "linyi", "8.2", "level")]


# The document's title, found past a page's menu


def read(plan: Plan, name: str) -> Extraction:
    return Extractor(plan).extract([read_document(HERE / name, name)])


def page(plan: Plan, tmp_path: Path, body: str, title: str = "临沂市统计局") -> Extraction:
    path = tmp_path / "page.html"
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    path.write_text(html, encoding="utf-8")
    return Extractor(plan).extract([read_document(path, "page.html")])


MENU = "".join(
    f"<li>{w}</li>" for w in ("首页", "政务公开", "政务服务", "互动交流", "统计数据", "统计公报")
)


def test_a_site_pages_title_past_its_menu_is_the_documents(linyi: Plan) -> None:
    """jinan-2022-site.html (the site's name as <title>, a menu of eight lines, earlier
    communiqués listed, the title in a <div>): 17.4万人 is Jinan's, never Linyi's (the title
    was looked for in the first five lines only, and the figure went to the city)."""
    result = read(linyi, "jinan-2022-site.html")
    assert result.rows == []
    assert result.title_areas == [("jinan-2022-site.html", "济南市")]
    assert result.year_from_title == 2022


def test_a_title_in_h1_past_a_menu_gives_the_year(linyi: Plan, tmp_path: Path) -> None:
    """临沂市统计局 as <title>, a menu, then <h1>2017年临沂市…统计公报: the figure is 2017's."""
    body = f"<ul>{MENU}</ul><h1>2017年临沂市国民经济和社会发展统计公报</h1><p>全年城镇新增就业8.6万人。</p>"
    result = page(linyi, tmp_path, body)
    assert [(r.period, r.region, r.value) for r in result.rows] == [("2017", "linyi", "8.6")]


def test_a_communique_title_in_the_pages_title_comes_first(linyi: Plan, tmp_path: Path) -> None:
    """<title>2022年济南市…统计公报_济南市人民政府</title>: Jinan's, whatever the lines say."""
    result = page(
        linyi,
        tmp_path,
        f"<ul>{MENU}</ul><p>全年新增城镇就业17.4万人。</p>",
        "2022年济南市国民经济和社会发展统计公报_济南市人民政府",
    )
    assert result.rows == []
    assert result.title_areas == [("page.html", "济南市")]


def test_a_site_name_is_no_title(linyi: Plan, tmp_path: Path) -> None:
    """济南市人民政府网站 as <title> and no communiqué title: no title area, no year from it."""
    result = page(linyi, tmp_path, "<p>全年城镇新增就业8.6万人。</p>", "济南市人民政府网站")
    assert result.title_areas == []
    assert result.year_from_title is None


@pytest.mark.parametrize(
    "text",
    [
        "根据2016年济南市国民经济和社会发展统计公报，全年城镇新增就业8.6万人。",
        "欢迎访问临沂市统计局！\n根据2016年济南市国民经济和社会发展统计公报，全年城镇新增就业8.6万人。",
    ],
)
def test_a_title_quoted_in_an_opening_sentence_still_names_the_area(linyi: Plan, text: str) -> None:
    """No line reads as a title: an opening sentence quoting Jinan's communiqué still names
    the document's area, as before — its figure is withheld, never given to Linyi."""
    result = text_of(linyi, text, year=None)
    assert result.rows == []
    assert result.title_areas == [("x.txt", "济南市")]


def test_the_articles_title_is_the_last_before_its_text(linyi: Plan) -> None:
    """Links to earlier communiqués above the article's own title: the title nearest the
    text is the document's (2017, Linyi), not the first link (2016) nor any five lines."""
    lines = [
        "临沂市统计局",
        *("首页", "政务公开", "统计数据", "统计公报", "统计年鉴"),
        "2016年临沂市国民经济和社会发展统计公报",
        "2017年临沂市国民经济和社会发展统计公报",
        "临沂市统计局 国家统计局临沂调查队",
        "全年城镇新增就业8.6万人。",
    ]
    result = text_of(linyi, "\n".join(lines), year=None)
    assert result.year_from_title == 2017
    assert [(r.period, r.region) for r in result.rows] == [("2017", "linyi")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("2022年济南市国民经济和社会发展统计公报[1]", True),
        ("2022年济南市国民经济和社会发展统计公报_济南市人民政府", True),
        ("济南市人民政府网站", False),
        ("临沂市统计局", False),
        ("当前位置：首页 > 统计数据 > 统计公报", False),
        ("根据2016年临沂市国民经济和社会发展统计公报，全市…", False),
        ("兰山区", False),
    ],
)
def test_what_reads_as_a_title(line: str, title: bool) -> None:
    """A year and a communiqué's words, no clause's punctuation: a site, a menu or a
    sentence is no title."""
    assert area_rules.is_title(line) is title


_FURNITURE = st.sampled_from(
    [
        "济南市人民政府网站",
        "临沂市统计局",
        "首页",
        "政务公开",
        "兰山区",
        "当前位置：首页 > 统计数据 > 统计公报",
        "欢迎访问临沂市统计局！",
        "就业形势保持总体稳定。",
        "2016年临沂市国民经济和社会发展统计公报",
        "发布时间：2023-04-12",
    ]
)


@settings(max_examples=200, deadline=None)
@given(menu=st.lists(_FURNITURE, max_size=60), after=st.lists(_FURNITURE, max_size=3))
def test_a_menu_of_any_length_leaves_the_title(menu: list[str], after: list[str]) -> None:
    """However many lines of a site's furniture come before the article's title (and a few
    without a title's words after it), the title found is the article's."""
    title = "2022年济南市国民经济和社会发展统计公报"
    after = [line for line in after if not area_rules.is_title(line)]
    lines = [*menu, title, *after, "全年新增城镇就业17.4万人，发放各类稳岗补贴6亿元。"]
    assert area_rules.document_title([], area_rules.before_text(lines)) == title


# A heading of common nouns ending in 区, 市, 镇 is a topic, not a place


@pytest.mark.parametrize(
    "heading",
    ["城乡社区", "六、城乡社区", "景区", "旅游景区", "园区", "居民小区", "城镇", "城市和社区"],
)
def test_a_heading_of_common_nouns_is_no_place(linyi: Plan, heading: str) -> None:
    """七、城乡社区 over the city's text is a topic: the lines under it are the city's (they
    were withheld as another area's, the heading ending in 区)."""
    result = text_of(linyi, f"{heading}\n全年城镇新增就业8.6万人。")
    assert rows(result) == [("2017", "linyi", "8.6", "level")]


@pytest.mark.parametrize(
    "heading", ["沂蒙山景区", "城区", "高新区", "经济技术开发区", "兰山区和园区"]
)
def test_a_heading_naming_a_part_of_the_city_still_withholds(linyi: Plan, heading: str) -> None:
    """A proper name before the common noun, or a part of the city (城区, 高新区): still a
    place whose lines are not the city's."""
    result = text_of(linyi, f"{heading}\n全年城镇新增就业8.6万人。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["paragraph-area"]


_WORDS = st.sampled_from(
    [
        "兰山区",
        "沂蒙山",
        "城乡",
        "社区",
        "景区",
        "园区",
        "旅游",
        "服务",
        "城区",
        "济南市",
        "和",
        "、",
        "镇",
    ]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=6))
def test_the_common_nouns_only_narrow_what_is_a_place(words: list[str]) -> None:
    """Whatever the words, a text is a place only when every part of it ends in a place's
    suffix (the rule before): the common nouns never make a place of anything."""
    text = "".join(words)
    parts = re.split(r"(?<=.)[和与及、]", text.strip())
    before = all(area_rules.PLACE_WORD.fullmatch(p.strip()) for p in parts)
    assert not area_rules.is_place(text) or before


# What the area reasons tell the analyst to do


@pytest.mark.parametrize("word", ["全区", "全县", "本区"])
def test_the_own_area_of_an_untitled_text_asks_for_the_region(linyi: Plan, word: str) -> None:
    """全区城镇新增就业1.5万人 with no title nor --region: listed as own-area (the text's own
    county, unnamed), not as another area's."""
    result = text_of(linyi, f"{word}城镇新增就业1.5万人。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["own-area"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("我省城镇新增就业1.5万人。", "other-area"),
        ("临沂市2017年国民经济和社会发展统计公报\n全区城镇新增就业1.5万人。", "other-area"),
    ],
)
def test_an_own_area_word_no_region_can_name_stays_another_area(
    linyi: Plan, text: str, reason: str
) -> None:
    """我省 (the plan has no province) or 全区 under the city's own title: --region is no fix,
    so the reason stays other-area."""
    assert [n.reason for n in text_of(linyi, text).not_read] == [reason]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_own_area_message_names_the_region_option(run: Run, tmp_path: Path, lang: str) -> None:
    """The CLI lists 全区's sentence with a message that says to name the area with --region."""
    path = tmp_path / "a.txt"
    path.write_text("全区城镇新增就业1.5万人。\n", encoding="utf-8")
    result = run("extract", str(path), "--lang", lang, "--format", "json")
    (item,) = json.loads(result.stdout)["not_read"]
    assert item["reason"] == "own-area"
    assert "--region" in item["message"]
    assert ("县区" in item["message"]) == (lang == "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_paragraph_area_message_does_not_say_the_city(lang: Lang) -> None:
    """A county's communiqué withholds a paragraph about another county from the county, not
    from 全市: the message says the text's area (the city, or the county its title or
    --region names)."""
    message = t("extract.not_read.paragraph-area", lang)
    assert "不归入全市" not in message and "not given to the city" not in message
    assert "--region" in message


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_reason_is_said_in_both_languages(lang: Lang) -> None:
    """Each reason a number is skipped or a sentence not read has its label in zh and en."""
    for reason in get_args(NotReadReason):
        assert t(f"extract.not_read.{reason}", lang)
    for reason in get_args(SkipReason):
        assert t(f"extract.skip.{reason}", lang)


# With no title, another area's bureau over the text withholds (never gives)


def test_another_citys_bureau_over_an_untitled_text_withholds(linyi: Plan) -> None:
    """jinan-2020-byline.zh-hant.txt (xiaomonv0755.com/tjgb/15sd/36681.html): no title, the
    byline 濟南市統計局國家統計局濟南調查隊 over the text — 16.3萬人 is Jinan's, never Linyi's
    (it was proposed for Linyi)."""
    result = read(linyi, "jinan-2020-byline.zh-hant.txt")
    assert result.rows == []
    assert result.title_areas == [("jinan-2020-byline.zh-hant.txt", "济南市")]


@pytest.mark.parametrize("byline", ["临沂市统计局", "临沂市统计局 国家统计局临沂调查队"])
def test_the_citys_own_bureau_changes_nothing(linyi: Plan, byline: str) -> None:
    """临沂市统计局 over the text (a byline, or the site's name): the city's figure, as before."""
    result = text_of(linyi, f"{byline}\n全年城镇新增就业8.6万人。")
    assert rows(result) == [("2017", "linyi", "8.6", "level")]
    assert result.title_areas == []


@pytest.mark.parametrize("byline", ["兰山区统计局", "国家统计局", "山东省统计局"])
def test_a_county_or_wider_bureau_withholds_from_the_city(linyi: Plan, byline: str) -> None:
    """兰山区统计局 or 国家统计局 over an untitled text: not given to the city (a byline never
    gives a figure to a county either; --region names it)."""
    result = text_of(linyi, f"{byline}\n全年城镇新增就业8.6万人。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["title-area"]


def test_the_national_bureau_is_a_national_plans_own() -> None:
    """国家统计局 over the text read with a country's plan: its figures stay the country's."""
    plan = read_plan(HERE / "national-plan.yaml")
    result = text_of(plan, "国家统计局\n全年粮食产量69541万吨。", year=2023)
    assert [(r.region, r.value) for r in result.rows] == [("cn", "69541")]


def test_a_title_outweighs_a_byline(linyi: Plan) -> None:
    """The title 2017年临沂市…统计公报 and a bureau's line after it: the title says the area."""
    text = "2017年临沂市国民经济和社会发展统计公报\n国家统计局临沂调查队\n全年城镇新增就业8.6万人。"
    assert rows(text_of(linyi, text)) == [("2017", "linyi", "8.6", "level")]


def test_a_title_quoted_in_a_broken_line_is_no_title(linyi: Plan) -> None:
    """pdftotext breaks lines before their full stop: a body line quoting 《2016年济南市…统计公报》
    is text, not a title that would outweigh the real one above it (year 2016, Jinan)."""
    lines = [
        "临沂市2017年国民经济和社会发展统计公报",
        "全年城镇新增就业8.6万人，比上年增加0.3万人，数据与",
        "《2016年济南市国民经济和社会发展统计公报》",
        "口径一致。",
    ]
    result = text_of(linyi, "\n".join(lines), year=None)
    assert result.year_from_title == 2017
    assert result.title_areas == []
    assert rows(result) == [("2017", "linyi", "8.6", "level")]
