"""Typo hints a Chinese clerk would get (issue 20): a name typed with the pinyin input
method's homophone (兰三区 for 兰山区) is suggested by sound, ranked, with the safeguards that
keep a hint from leading to a wrong figure (never a county for a zone or the city).

The homophones are pypinyin's own: for a character, the other characters with the same
toneless reading, taken deterministically (sorted by code point, a fixed stride).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import PLAN_FILE, Result
from linyi_tracker.actuals.cells import region_cell
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.sounds import is_zone_name, sounds_like

Run = Callable[..., Result]
PLAN = read_plan(PLAN_FILE)
LOOKUP = PlanLookup(PLAN)


def _toneless(reading: str) -> str:
    return unicodedata.normalize("NFKD", reading).encode("ascii", "ignore").decode()


@cache
def _by_reading() -> dict[str, list[str]]:
    """Toneless reading → the common characters (CJK unified, basic block) read so."""
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, list[str]] = {}
    for code in sorted(pinyin_dict):
        ch = chr(code)
        if not "\u4e00" <= ch <= "\u9fa5":
            continue
        for reading in pinyin_dict[code].split(","):
            table.setdefault(_toneless(reading), []).append(ch)
    return table


def homophones(ch: str, count: int) -> list[str]:
    """``count`` characters read as ``ch``'s first reading, spread over the list."""
    from pypinyin.pinyin_dict import pinyin_dict

    reading = _toneless(pinyin_dict[ord(ch)].split(",")[0])
    others = [c for c in _by_reading()[reading] if c != ch]
    step = max(1, len(others) // count)
    return others[::step][:count]


def typos(name: str) -> list[str]:
    """Three deterministic one-character homophone typos of a place name (its 区/县 kept)."""
    places = [i for i, ch in enumerate(name) if i < len(name) - 1 or len(name) == 1]
    out = []
    for k in range(3):
        i = places[k % len(places)]
        ch = homophones(name[i], 3)[k]
        out.append(name[:i] + ch + name[i + 1 :])
    return out


COUNTIES = [r for r in PLAN.regions if r.level in ("county", "district")]
CASES = [(r.id, typo) for r in COUNTIES for typo in typos(r.name.zh)]


def test_lan_san_qu_is_lan_shan_qu() -> None:
    """兰三区 (san for shan, the input method's pick) suggests lanshan."""
    assert LOOKUP.suggest_region("兰三区") == "lanshan"


@pytest.mark.parametrize(("region", "typo"), CASES, ids=[t for _, t in CASES])
def test_every_county_typed_with_a_homophone_gets_itself_first(region: str, typo: str) -> None:
    """Each county and district of the Linyi plan, one character typed as a homophone
    pypinyin gives, is suggested first as itself."""
    assert LOOKUP.region(typo) is None  # a typo, not another name of the plan
    assert LOOKUP.suggest_region(typo) == region


@pytest.mark.parametrize(("region", "typo"), CASES[:6], ids=[t for _, t in CASES[:6]])
def test_a_homophone_after_the_city_is_the_county_not_the_city(region: str, typo: str) -> None:
    """临沂市 + a county typed with a homophone suggests the county, never the city."""
    assert LOOKUP.suggest_region("临沂市" + typo) == region


CITY_TYPOS = [t for name in ("临沂市", "临沂") for t in typos(name)]


@pytest.mark.parametrize("typo", CITY_TYPOS)
def test_the_city_typed_with_a_homophone_never_gets_a_county(typo: str) -> None:
    """林沂市 and other homophones of the city suggest the city or nothing, never a county."""
    assert LOOKUP.suggest_region(typo) in (None, PLAN.city.id)


ZONE_TYPOS = [
    t
    for name in ("兰山街道", "罗庄镇", "临沂经济技术开发区", "蒙山旅游区", "临沂高新技术产业开发区")
    for t in typos(name)
]


@pytest.mark.parametrize("typo", ZONE_TYPOS)
def test_a_zone_typed_with_a_homophone_never_gets_a_county_or_blank(typo: str) -> None:
    """A zone or town typed with a homophone, in its ending too (兰山接到), gets no county,
    no 'leave it blank' hint, and the zone's own hint (leave the row out)."""
    _, (issue,) = region_cell(LOOKUP, typo)
    county_ids = {r.id for r in COUNTIES} | {PLAN.city.id}
    assert issue.params.get("suggestion") not in county_ids
    # 蒙山蕗游区: 蕗 (lu) does not read as 旅 (lü), so the ending is no zone's any more.
    zone = is_zone_name(typo)
    assert issue.hint_form == "zone" if zone else issue.hint_form != "suggest", typo


def test_a_tie_in_sound_is_no_suggestion() -> None:
    """Two names that sound equally like the text give no suggestion (never a coin toss)."""
    assert sounds_like("兰三区", {"兰山区": "a", "兰杉区": "b"}) is None


def test_a_closer_sound_ranks_first() -> None:
    """The same reading ranks above a fuzzy pair: 蓝山区 is 兰山区 (蓝 lan) before 蓝三区
    (三 san for 山 shan)."""
    assert sounds_like("蓝山区", {"兰山区": "a", "蓝三区": "b"}) == "a"
    assert sounds_like("蓝山区", {"蓝三区": "b", "兰山区": "a"}) == "a"


def test_homophones_alone_are_no_suggestion() -> None:
    """A name none of whose characters was typed right is too far to suggest."""
    assert sounds_like("蓝衫曲", {"兰山区": "lanshan"}) is None


def test_an_indicator_name_typed_with_a_homophone_gets_it_first() -> None:
    """Every indicator's Chinese name with its first character typed as a homophone gets
    that indicator first."""
    wrong = []
    for ind in PLAN.indicators:
        name = ind.name.zh
        i = next(k for k, c in enumerate(name) if "\u4e00" <= c <= "\u9fa5")
        for ch in homophones(name[i], 2):
            typo = name[:i] + ch + name[i + 1 :]
            if LOOKUP.indicator(typo)[0] is None and LOOKUP.suggest_indicator(typo) != ind.id:
                wrong.append((typo, LOOKUP.suggest_indicator(typo), ind.id))
    assert wrong == []


def test_validate_says_did_you_mean_lanshan(run: Run, tmp_path: Path) -> None:
    """validate on a row for 兰三区 hints 兰山区, in Chinese and in English."""
    data = tmp_path / "typo.csv"
    data.write_text(
        "indicator,period,region,value\nemp.new_urban_jobs,2017,兰三区,1000\n", encoding="utf-8"
    )
    zh = run("validate", str(data), "--no-store", "--lang", "zh")
    en = run("validate", str(data), "--no-store", "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert "是否应为“兰山区”" in zh.stdout
    assert "did you mean 'Lanshan District'" in en.stdout


@pytest.mark.parametrize(("region", "typo"), CASES, ids=[t for _, t in CASES])
def test_a_commands_region_option_names_the_county_it_sounds_like(region: str, typo: str) -> None:
    """`--region 沂男县` (and every county typed with a homophone) names that county in its
    did-you-mean, as validate does: one ranking for commands and data files."""
    from linyi_tracker.plan.lookup import LookupFailed, find_region

    with pytest.raises(LookupFailed) as failed:
        find_region(PLAN, typo)
    assert f"Did you mean '{region}'" in failed.value.render("en")


def test_a_homophone_typed_in_traditional_script_gets_the_county() -> None:
    """蘭三區 (traditional, with 三 for 山) suggests lanshan, as 兰三区 does."""
    assert LOOKUP.suggest_region("蘭三區") == "lanshan"


def test_the_exact_traditional_name_gets_its_county_in_validate(run: Run, tmp_path: Path) -> None:
    """`validate` with 蘭山區 (兰山区 in traditional script, exactly) suggests Lanshan District."""
    data = tmp_path / "t.csv"
    data.write_text(
        "indicator,period,region,value\nemp.new_urban_jobs,2016,蘭山區,9800\n", encoding="utf-8"
    )
    r = run("validate", str(data), "--no-store", "--lang", "en")
    assert "'蘭山區' is not a region of the plan — did you mean 'Lanshan District'?" in r.stdout


def test_a_traditional_homophone_after_the_city_gets_its_county() -> None:
    """臨沂市蘭三區: the city in traditional script in front, then a homophone: lanshan."""
    assert LOOKUP.suggest_region("臨沂市蘭三區") == "lanshan"


def test_status_region_in_traditional_script_suggests_the_county(run: Run) -> None:
    """`status --region 蘭三區` suggests lanshan instead of listing every region."""
    r = run("status", "--region", "蘭三區", "--lang", "en")
    assert r.exit_code == 2
    assert "Did you mean 'lanshan' (Lanshan District)?" in r.stderr


def test_show_an_indicator_in_traditional_script_suggests_it(run: Run) -> None:
    """`show 城鎮新增就業人數` suggests emp.new_urban_jobs, through the same t→s step."""
    r = run("show", "城鎮新增就業", "--lang", "en")
    assert r.exit_code == 2
    assert "Did you mean 'emp.new_urban_jobs'" in r.stderr


def test_no_table_of_traditional_characters_beside_opencc() -> None:
    """One t→s step: the reader's look-up keeps no character table of its own."""
    import linyi_tracker.actuals.lookup as lookup

    assert not hasattr(lookup, "_TRADITIONAL")


@given(st.text(max_size=12))
def test_any_text_gets_a_region_of_the_plan_or_nothing(text: str) -> None:
    """Whatever is typed, the suggestion is a region of the plan or none, never an error."""
    assert LOOKUP.suggest_region(text) in {None, *PLAN.region_by_id}


@pytest.mark.parametrize("ch", ["\u5159", "\u5161", "\u55e7", "\u9fff"])
def test_a_character_without_a_reading_is_no_error(ch: str) -> None:
    """兙 and the other characters pypinyin reads as nothing give no suggestion by sound,
    never an error (兙山区 once raised IndexError in validate)."""
    assert LOOKUP.suggest_region(ch + "山区") in (None, "lanshan")
    assert sounds_like(ch + "山区", {"兰山区": "lanshan"}) is None


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=4))
def test_any_chinese_name_gets_a_region_of_the_plan_or_nothing(text: str) -> None:
    """Any Chinese characters at all (read or not by pypinyin): a region or none, no error."""
    assert LOOKUP.suggest_region(text + "区") in {None, *PLAN.region_by_id}


def test_a_street_typed_by_sound_in_its_ending_gets_the_zone_hint() -> None:
    """兰山接到 (街道 typed jie dao → 接到) is a street, not 兰山区: the zone's hint (leave the
    row out), never the hint to write one of the plan's regions."""
    _, (issue,) = region_cell(LOOKUP, "兰山接到")
    assert (issue.hint_form, issue.params.get("suggestion")) == ("zone", None)
