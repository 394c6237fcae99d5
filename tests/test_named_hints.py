"""Findings name what the clerk knows: regions and indicators by name, periods as a reader
says them, columns by the file's own header (issue 28, item 9); and a county written with
its city in front is the county, in a data file and on the command line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import Finding
from linyi_tracker.plan.lookup import LookupFailed, find_region
from linyi_tracker.plan.models import Plan
from linyi_tracker.plan.names import fold, region_names
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]
NAMED = FIXTURES / "named"
STORE = FIXTURES / "store"
TODAY = date(2020, 3, 15)
HEAD = "indicator,period,region,value,unit\n"


def findings(plan: Plan, name: str, store: bool = False) -> list[Finding]:
    report = validate(
        [str(NAMED / name)],
        plan,
        store=load_store(plan, STORE) if store else None,
        today=TODAY,
    )
    return report.findings


def only(found: list[Finding], code: str) -> Finding:
    (finding,) = [f for f in found if f.code == code]
    return finding


def test_a_conflict_names_the_key_by_names_in_chinese(plan: Plan) -> None:
    """A conflict with the store says 城镇新增就业人数 · 兰山区 · 2016年, not the ids."""
    message, _ = render(
        only(findings(plan, "conflict-zh-headers.csv", True), "conflicts-with-store"), "zh"
    )
    assert message.startswith("城镇新增就业人数 · 兰山区 · 2016年：此处为9900")
    assert "emp." not in message and "lanshan" not in message


def test_a_conflict_names_the_key_by_names_in_english(plan: Plan) -> None:
    """In English the key is the plan's English names: New urban jobs · Lanshan District · 2016."""
    message, _ = render(
        only(findings(plan, "conflict-zh-headers.csv", True), "conflicts-with-store"), "en"
    )
    assert message.startswith("New urban jobs · Lanshan District · 2016 is 9900 here")


def test_the_hint_names_the_as_of_column_as_the_file_heads_it(plan: Plan) -> None:
    """A file headed 截至日期 is told to fill in “截至日期”, in both languages."""
    finding = only(findings(plan, "conflict-zh-headers.csv", True), "conflicts-with-store")
    assert (
        render(finding, "zh")[1]
        == "如为修订数字，请在“截至日期”列中填写发布日期，或用 --revise 导入"
    )
    assert "the '截至日期' column" in (render(finding, "en")[1] or "")


def test_another_accepted_header_is_named_as_written(plan: Plan) -> None:
    """A file headed 发布日期 (another accepted header) is told 发布日期, not as_of or 截至日期."""
    finding = only(findings(plan, "conflict-other-headers.csv", True), "conflicts-with-store")
    hint = render(finding, "zh")[1] or ""
    assert "“发布日期”列" in hint and "as_of" not in hint


def test_a_file_without_the_column_gets_the_templates_header(plan: Plan) -> None:
    """No as_of column at all: 截至日期 in zh (the template's header), as_of in en."""
    finding = only(
        findings(plan, "../submissions/conflicts-with-store.csv", True), "conflicts-with-store"
    )
    assert "“截至日期”列" in (render(finding, "zh")[1] or "")
    assert "the 'as_of' column" in (render(finding, "en")[1] or "")


def test_json_params_keep_the_ids(plan: Plan) -> None:
    """The parameters a script reads stay ids and codes; only the words are names."""
    finding = only(findings(plan, "conflict-zh-headers.csv", True), "conflicts-with-store")
    params = json.loads(json.dumps(dict(finding.params)))
    assert (params["indicator"], params["period"], params["region"]) == (
        "emp.new_urban_jobs",
        "2016",
        "lanshan",
    )


def test_a_region_suggestion_is_a_name(plan: Plan) -> None:
    """罗庄县 → 是否应为“罗庄区”？ / did you mean 'Luozhuang District'?"""
    finding = only(findings(plan, "suggestions.csv"), "unknown-region")
    assert render(finding, "zh")[1] == "是否应为“罗庄区”？"
    assert render(finding, "en")[1] == "did you mean 'Luozhuang District'?"


def test_an_indicator_suggestion_is_a_name_with_its_id(plan: Plan) -> None:
    """A misspelt id is offered the indicator's name and the id the clerk may write."""
    finding = only(findings(plan, "suggestions.csv"), "unknown-indicator")
    assert render(finding, "zh")[1] == "是否应为“城镇新增就业人数（emp.new_urban_jobs）”？"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("山东省临沂市兰山区", "lanshan"),
        ("临沂罗庄区", "luozhuang"),
        ("临沂市 河东区", "hedong"),
        ("临沂市", "linyi"),
    ],
)
def test_a_county_with_its_city_in_front_is_the_county_in_a_file(
    plan: Plan, text: str, region: str
) -> None:
    """临沂市兰山区 and its spellings are read as the county; 临沂市 alone stays the city."""
    report = validate(
        [str(NAMED / "county-with-city.csv")], plan, store=None, today=TODAY, keep_observations=True
    )
    lines = {o.line: o.region for o in report.observations}
    line = {"山东省临沂市兰山区": 2, "临沂罗庄区": 3, "临沂市 河东区": 4, "临沂市": 5}[text]
    assert lines[line] == region


def test_a_city_prefix_never_makes_a_guess_a_region(plan: Plan) -> None:
    """临沂市兰 (a part) and 临沂市经济技术开发区 (a zone) stay unknown regions."""
    report = validate([str(NAMED / "county-with-city.csv")], plan, store=None, today=TODAY)
    unknown = {f.line for f in report.findings if f.code == "unknown-region"}
    assert unknown == {6, 7}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("临沂市兰山区", "lanshan"),
        ("山东省临沂市临沭县", "linshu"),
        ("临沂平邑县", "pingyi"),
        ("临沂市", "linyi"),
    ],
)
def test_region_option_takes_a_county_with_its_city_in_front(
    plan: Plan, text: str, region: str
) -> None:
    """--region 临沂市兰山区 is 兰山区, as in a data file; 临沂市 alone is the city."""
    assert find_region(plan, text) == region


def test_region_option_never_turns_a_part_into_a_county(plan: Plan) -> None:
    """--region 临沂市兰 is not a county by its prefix: an error (兰山区 or 兰陵县?)."""
    with pytest.raises(LookupFailed):
        find_region(plan, "临沂市兰")


def test_status_with_a_county_written_with_its_city(run: Run) -> None:
    """`status --region 临沂市兰山区` runs as `--region 兰山区`."""
    a = run("status", "--region", "临沂市兰山区", "--lang", "zh")
    b = run("status", "--region", "兰山区", "--lang", "zh")
    assert a.exit_code == 0 and a.stdout == b.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "城镇新增就业人数 · 河东区 · 2016年 = 8800"),
        ("en", "New urban jobs · Hedong District · 2016 = 8800"),
    ],
)
def test_ingest_dry_run_names_the_figures(run: Run, tmp_path: Path, lang: str, said: str) -> None:
    """`ingest --dry-run` lists each figure by its names, not ``emp.new_urban_jobs 2016 hedong``."""
    store = tmp_path / "store"
    shutil.copytree(STORE, store)
    sub = tmp_path / "sub.csv"
    sub.write_text(
        "indicator,period,region,value,unit\nemp.new_urban_jobs,2016,hedong,8800,人\n",
        encoding="utf-8",
    )
    r = run("ingest", str(sub), "--data", str(store), "--dry-run", "--lang", lang)
    listed = r.stdout.splitlines()[1]  # the line under "would write … to <file>"
    assert r.exit_code == 0 and said in listed and "hedong" not in listed


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "城镇新增就业人数 · 兰山区 · 2016年：9950将替换已存的9900"),
        ("en", "New urban jobs · Lanshan District · 2016: 9950 would replace the stored 9900"),
    ],
)
def test_ingest_refusal_names_the_figure(run: Run, tmp_path: Path, lang: str, said: str) -> None:
    """A second --revise of one figure on one day is refused naming the figure, not its ids."""
    store = tmp_path / "store"
    shutil.copytree(STORE, store)
    for value, code in (("9900", 0), ("9950", 1)):
        sub = tmp_path / f"{value}.csv"
        sub.write_text(f"{HEAD}emp.new_urban_jobs,2016,lanshan,{value},人\n", encoding="utf-8")
        r = run("ingest", str(sub), "--data", str(store), "--revise", "--lang", lang, width=400)
        assert r.exit_code == code
    assert said in r.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "没有 城镇新增就业人数 · 罗庄区 · 2018年的数字"),
        ("en", "No figure of New urban jobs · Luozhuang District · 2018 counts"),
    ],
)
def test_withdraw_of_nothing_names_the_figure(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """`withdraw` with no such figure names it by its names, not its ids."""
    store = tmp_path / "store"
    shutil.copytree(STORE, store)
    args = ("emp.new_urban_jobs", "2018", "--region", "临沂市罗庄区", "--reason", "误填")
    r = run("withdraw", *args, "--data", str(store), "--lang", lang)
    assert r.exit_code != 0 and said in r.stderr


CITY_PREFIXES = st.sampled_from(["临沂市", "临沂", "山东省临沂市", "山东省临沂", "临沂市 "])


@given(prefix=CITY_PREFIXES, index=st.integers(min_value=0, max_value=100))
def test_any_county_with_its_city_in_front_is_that_county(
    plan: Plan, prefix: str, index: int
) -> None:
    """Property: the city (and province) in front of any county's name or alias reads as it."""
    counties = plan.sub_regions
    county = counties[index % len(counties)]
    lookup = PlanLookup(plan)
    for name in (county.name.zh, *(a for a in county.aliases if not a.isascii())):
        assert lookup.region(prefix + name) == county.id
        assert find_region(plan, prefix + name) == county.id


@given(text=st.text(max_size=12))
def test_a_city_prefix_never_names_another_region(plan: Plan, text: str) -> None:
    """Property: whatever follows 临沂市, it reads as a region only if it is exactly one's name."""
    lookup = PlanLookup(plan)
    found = lookup.region("临沂市" + text)
    if found is not None and found != plan.city.id:
        names = {fold(n) for n in region_names(plan.region_by_id[found])}
        assert fold("临沂市" + text) in names or fold(text).strip() in names


DEMO = FIXTURES.parent.parent / "examples" / "demo"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "已撤回：2016年 费县 ("), ("en", "2016 Fei County (")],
)
def test_show_names_a_withdrawn_figures_period_and_region(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """show's withdrawn line names the period and the county (2016年 费县), not 2016 feixian."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    figure = ("emp.new_urban_jobs", "2016", "--region", "临沂市费县")
    assert run("withdraw", *figure, "--reason", "误填", "--data", str(data)).exit_code == 0
    shown = run(
        "show",
        "emp.new_urban_jobs",
        "--region",
        "费县",
        "--as-of",
        "2016",
        "--data",
        str(data),
        "--lang",
        lang,
        width=300,
    )
    (line,) = [ln for ln in shown.stdout.splitlines() if said in ln]
    assert " feixian " not in line


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "城镇新增就业人数 · 费县 · 2016年 = 8710 已于"),
        ("en", "New urban jobs · Fei County · 2016 = 8710 was withdrawn"),
    ],
)
def test_ingesting_a_withdrawn_figure_again_names_it(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """A withdrawn figure ingested again is refused naming it, not by its ids."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    figure = ("emp.new_urban_jobs", "2016", "--region", "费县")
    assert run("withdraw", *figure, "--reason", "误填", "--data", str(data)).exit_code == 0
    sub = tmp_path / "again.csv"
    sub.write_text(f"{HEAD}emp.new_urban_jobs,2016,feixian,8710,人\n", encoding="utf-8")
    r = run("ingest", str(sub), "--data", str(data), "--lang", lang, width=300)
    assert r.exit_code != 0 and said in r.stderr


def test_a_footnote_hint_names_the_note_column_as_the_file_heads_it(plan: Plan) -> None:
    """A file headed ``note`` is told, in Chinese too, to write the footnote in “note”."""
    finding = only(findings(plan, "footnote-english-headers.csv"), "invalid-number")
    assert (render(finding, "zh")[1] or "").endswith("需要说明的写在“note”列")


def test_a_footnote_hint_without_a_note_column_names_the_templates(plan: Plan) -> None:
    """Without a note column the hint names the template's: 备注 / note."""
    finding = only(findings(plan, "footnote-and-unit.csv"), "invalid-number")
    assert (render(finding, "zh")[1] or "").endswith("需要说明的写在“备注”列")
    assert (render(finding, "en")[1] or "").endswith("in the 'note' column")


def test_a_unit_hint_names_the_unit_column_as_the_file_heads_it(plan: Plan) -> None:
    """A unit mismatch in a file headed 单位 says “单位”列, not 单位栏 or unit."""
    finding = only(findings(plan, "footnote-and-unit.csv"), "unit-mismatch")
    assert (render(finding, "zh")[1] or "").startswith("请填写以“人”计的数字，“单位”列写“人”或留空")
    assert "the '单位' column" in (render(finding, "en")[1] or "")


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "是否应为“备注”？"), ("en", "did you mean 'note'?")]
)
def test_an_unknown_header_is_offered_a_header_in_the_language(
    plan: Plan, lang: str, said: str
) -> None:
    """备注栏 is offered 备注 in Chinese (a header the reader takes), note in English.
    (计量单位, this test's header before, is now read as the unit column.)"""
    finding = only(findings(plan, "unknown-note-header.csv"), "unknown-column")
    assert render(finding, lang)[1] == said


def test_a_unit_header_written_jiliang_danwei_is_read(plan: Plan) -> None:
    """计量单位 is read as the unit column: no finding about the header."""
    found = findings(plan, "unknown-unit-header.csv")
    assert not [f for f in found if f.line == 1]


def test_a_body_named_with_danwei_is_not_offered_the_unit_column() -> None:
    """填报单位 names a body, not a unit: a column not read, with no "did you mean 单位?"."""
    from linyi_tracker.actuals.headers import read_header

    _, issues = read_header(["指标代码", "期间", "数值", "填报单位"])
    assert [(i.code, i.hint_form, dict(i.params)) for i in issues] == [
        ("unknown-column", "", {"column": "填报单位"})
    ]
