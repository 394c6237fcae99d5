"""Real national texts (issue 20): units whose name holds 万 or 亿, the previous year named by
its number, one review row per sentence and reason, and the whole round on such a plan.

The sentences are published ones (sources in tests/fixtures/extract/README.md); the plan
(national-units-plan.yaml) measures grain in 万吨, R&D spending in 亿元 and new jobs in 万人,
as national and provincial plans do. The unit rule is one function
(:mod:`linyi_tracker.actuals.units`) that `extract` and the reader both call.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, PLAN_FILE, Result, modules_loaded
from linyi_tracker.actuals.cells import value_cell
from linyi_tracker.actuals.numbers import parse_number
from linyi_tracker.actuals.units import MAGNITUDE_WORDS, has_magnitude, unit_factor
from linyi_tracker.extract.document import Document, read_document, split_sentences
from linyi_tracker.extract.figures import Extraction, Extractor
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Indicator, Plan, Unit
from linyi_tracker.plan.script import simplified

Run = Callable[..., Result]
HERE = FIXTURES / "extract"
UNITS_PLAN = HERE / "national-units-plan.yaml"
TODAY = date(2026, 1, 1)


OTHER_UNITS = {
    "tonnes": "  - {id: tonnes, name: {zh: 吨, en: tonnes}, kind: amount}\n",
    "yi-jin": "  - {id: yi-jin, name: {zh: 亿斤, en: 100m jin}, kind: amount}\n",
    "yi-yuan": "",
}


def plan_with_grain_in(unit_id: str, tmp_path: Path) -> Path:
    """The national plan with its grain output measured in another unit (吨, 亿斤 or 亿元)."""
    text = UNITS_PLAN.read_text(encoding="utf-8")
    grain = "粮食总产量], unit: wan-tonnes"
    assert grain in text and "\nunits:\n" in text
    text = text.replace("\nunits:\n", "\nunits:\n" + OTHER_UNITS[unit_id])
    path = tmp_path / f"plan-{unit_id}.yaml"
    path.write_text(text.replace(grain, f"粮食总产量], unit: {unit_id}"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def units_plan() -> Plan:
    return read_plan(UNITS_PLAN)


def extract(plan: Plan, name: str, year: int | None = 2023) -> Extraction:
    return Extractor(plan, year=year).extract([read_document(HERE / name, name)])


def levels(result: Extraction) -> list[tuple[str, str, str]]:
    return [(r.indicator, r.value, r.unit) for r in result.rows if r.measure == "level"]


def unit(plan: Plan, unit_id: str) -> Unit:
    return next(u for u in plan.units if u.id == unit_id)


# extract: a unit with a magnitude in its name is read whole


def test_wan_tonnes_is_read_whole_against_a_wan_tonnes_indicator(units_plan: Plan) -> None:
    """全国粮食总产量69541万吨 against a 万吨 indicator is the level 69541 万吨."""
    result = extract(units_plan, "national-2023-grain-notice.txt")
    assert levels(result) == [("agr.grain", "69541", "万吨")]


def test_yi_yuan_is_read_whole_against_a_yi_yuan_indicator(units_plan: Plan) -> None:
    """R&D经费支出33278亿元 against a 亿元 indicator is the level 33278 亿元, growth 8.1."""
    result = extract(units_plan, "national-2023-rd.txt")
    assert levels(result) == [("sci.rd", "33278", "亿元")]
    assert [(r.value, r.measure) for r in result.rows if r.measure == "growth"] == [
        ("8.1", "growth")
    ]


def test_wan_persons_is_read_whole_against_a_wan_persons_indicator(units_plan: Plan) -> None:
    """城镇新增就业1206万人 against a 万人 indicator is the level 1206 万人."""
    result = extract(units_plan, "national-jobs-2022.txt", 2022)
    assert levels(result) == [("emp.new_jobs", "1206", "万人")]


def test_wan_tonnes_against_a_tonnes_indicator_is_a_magnitude(tmp_path: Path) -> None:
    """69541万吨 against a 吨 indicator (no conversion declared) is proposed as written and
    reads as 695,410,000 吨."""
    plan = read_plan(plan_with_grain_in("tonnes", tmp_path))
    assert levels(extract(plan, "national-2023-grain-notice.txt")) == [
        ("agr.grain", "69541", "万吨")
    ]
    for text, unit_text in (("69541万吨", ""), ("69541", "万吨")):
        (value, _, _), _ = value_cell(text, unit_text, "number", unit(plan, "tonnes"), None, TODAY)
        assert value == 695_410_000


def test_the_figure_in_jin_is_read_against_a_jin_indicator(tmp_path: Path) -> None:
    """Against a 亿斤 indicator the bracketed 13908亿斤 is the level; 69541万吨 restates it."""
    plan = read_plan(plan_with_grain_in("yi-jin", tmp_path))
    result = extract(plan, "national-2023-grain-notice.txt")
    assert levels(result) == [("agr.grain", "13908", "亿斤")]
    assert ("69541万吨", "restated") in [(s.text, s.reason) for s in result.skipped]
    assert result.not_read == []


def test_a_figure_restated_in_brackets_is_not_a_sentence_not_read(units_plan: Plan) -> None:
    """69541万吨（13908亿斤）against 万吨: the 亿斤 figure restates the level, nothing is
    listed as not read."""
    result = extract(units_plan, "national-2023-grain-notice.txt")
    assert result.not_read == []
    assert [(s.text, s.reason) for s in result.skipped] == [
        ("13908亿斤", "restated"),
        ("888万吨", "change"),
        ("178亿", "change"),
    ]


# the previous year named by its number


def test_bi_2022_in_a_2023_text_is_growth_on_the_previous_year(units_plan: Plan) -> None:
    """比2022年增加888万吨，增长1.3% read for 2023 (the year from --period): growth 1.3."""
    result = extract(units_plan, "national-2023-grain-notice.txt", 2023)
    growth = [(r.value, r.period) for r in result.rows if r.measure == "growth"]
    assert growth == [("1.3", "2023")]


def test_bi_2021_in_a_2023_text_is_not_growth_on_the_previous_year(units_plan: Plan) -> None:
    """A change on 2021 in a 2023 text stays a base-year sentence, never a growth row."""
    text = "全国粮食总产量69541万吨，比2021年增长1.8%。"
    result = Extractor(units_plan, year=2023).extract([_document(text)])
    assert [r.measure for r in result.rows] == ["level"]
    assert [n.reason for n in result.not_read] == ["base-year"]


# the review: one row per sentence and reason


def test_one_not_read_row_per_sentence_and_reason(tmp_path: Path) -> None:
    """Three grain figures refused for their unit (grain in 亿元 by mistake) are one row."""
    plan = read_plan(plan_with_grain_in("yi-yuan", tmp_path))
    result = extract(plan, "national-2023-grain-notice.txt")
    assert [(n.indicator, n.reason) for n in result.not_read] == [("agr.grain", "unit")]


# validate: the same rule


@pytest.mark.parametrize(
    ("text", "unit_text", "unit_id", "expected"),
    [
        ("6.95亿吨", "", "wan-tonnes", Decimal(69500)),
        ("69541万吨", "", "wan-tonnes", Decimal(69541)),
        ("6.95", "亿吨", "wan-tonnes", Decimal(69500)),
        ("33278", "亿元", "yi-yuan", Decimal(33278)),
        ("3.3278万亿元", "", "yi-yuan", Decimal(33278)),
        ("1206万人", "", "wan-persons", Decimal(1206)),
        ("12060000人", "", "wan-persons", Decimal(1206)),
        ("12060000", "人", "wan-persons", Decimal(1206)),
    ],
)
def test_a_cell_reads_a_magnitude_unit_as_extract_does(
    units_plan: Plan, text: str, unit_text: str, unit_id: str, expected: Decimal
) -> None:
    """A value cell (or its unit column) in a unit with 万/亿 reads exactly: 6.95亿吨 in 万吨
    is 69,500."""
    (value, _, _), issues = value_cell(
        text, unit_text, "number", unit(units_plan, unit_id), None, TODAY
    )
    assert value == expected, issues
    assert not [i for i in issues if i.severity.value == "error"]


def test_wan_before_a_unit_that_has_wan_is_refused(units_plan: Plan) -> None:
    """'4.9万' against a 万人 indicator: 4.9 or 49,000 万人? An error, never a guess."""
    (value, _, _), issues = value_cell(
        "4.9万", "", "number", unit(units_plan, "wan-persons"), None, TODAY
    )
    assert value is None
    assert [(i.code, i.form) for i in issues if i.code == "unit-mismatch"] == [
        ("unit-mismatch", "magnitude-unit")
    ]


def _units_with_magnitude() -> list[tuple[Unit, str]]:
    """Every unit of the test plan and of the shipped plan with every name it answers to
    that holds a magnitude (万吨, 亿元, 万人 …), as (unit, name)."""
    found = []
    for plan in (read_plan(UNITS_PLAN), read_plan(PLAN_FILE)):
        for u in plan.units:
            for name in (u.name.zh, *u.aliases, *u.conversions):
                if has_magnitude(name):
                    found.append((u, name))
    return found


_MAGNITUDE_UNITS = _units_with_magnitude()
_DECIMALS = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False)


@given(
    pair=st.sampled_from(_MAGNITUDE_UNITS),
    word=st.sampled_from([w for w, _ in MAGNITUDE_WORDS]),
    number=_DECIMALS,
)
def test_every_magnitude_word_before_every_magnitude_unit_is_exact(
    pair: tuple[Unit, str], word: str, number: Decimal
) -> None:
    """For every unit with 万/亿 in a name and every magnitude word, '<n><word><base>' reads
    as n × word ÷ the name's own magnitude, exactly, as a Decimal (never a float)."""
    u, name = pair
    own = unit_factor(name, u)
    assert isinstance(own, Decimal)
    base = name[1:] if not name.startswith("万亿") else name[2:]
    text = f"{number}{word}{base}"
    (value, _, _), issues = value_cell(text, "", "number", u, None, TODAY)
    magnitude = dict(MAGNITUDE_WORDS)[word]
    name_magnitude = next(m for w, m in MAGNITUDE_WORDS if name.startswith(w))
    expected = number * magnitude / name_magnitude * own
    if value is None:  # only ever beyond what a figure may hold, or a fraction of a count
        assert any(i.code in ("out-of-range", "not-integer") for i in issues), issues
        return
    assert isinstance(value, Decimal)
    assert value == expected


@given(pair=st.sampled_from(_MAGNITUDE_UNITS), number=_DECIMALS)
def test_a_magnitude_unit_matches_whole(pair: tuple[Unit, str], number: Decimal) -> None:
    """'<n>万吨' against the unit named 万吨 (or an alias of it) is n, the whole name read
    first; against a name the plan converts (万人 for 人) it is n × the plan's own factor —
    the expected figure from the plan, not from the unit rule under test."""
    u, name = pair
    (value, _, _), issues = value_cell(f"{number}{name}", "", "number", u, None, TODAY)
    expected = number * Decimal(str(u.conversions[name])) if name in u.conversions else number
    if value is not None:
        assert value == expected
    else:
        assert any(i.code in ("out-of-range", "not-integer") for i in issues), issues


# the whole round


def test_extract_validate_ingest_status_on_a_plan_in_wan_tonnes(run: Run, tmp_path: Path) -> None:
    """extract → validate (clean, no warning) → ingest → status on a plan in 万吨/亿元/万人:
    the grain level 69541 万吨 is assessed against the 65000 万吨 target."""
    out = tmp_path / "national.csv"
    store = tmp_path / "store"
    store.mkdir()
    texts = [str(HERE / n) for n in ("national-2023-grain-notice.txt", "national-2023-rd.txt")]
    plan = str(UNITS_PLAN)
    r = run("extract", *texts, "--plan", plan, "--period", "2023", "-o", str(out))
    assert r.exit_code == 0
    v = run("validate", str(out), "--plan", plan, "--data", str(store), "--lang", "en")
    assert v.exit_code == 0
    assert "No errors or warnings" in v.stdout
    i = run("ingest", str(out), "--plan", plan, "--data", str(store))
    assert i.exit_code == 0
    s = run("status", "--plan", plan, "--data", str(store), "--format", "json")
    assert s.exit_code == 0
    grain = next(t for t in json.loads(s.stdout)["targets"] if t["indicator"] == "agr.grain")
    assert (grain["actual"], grain["unit"], grain["status"]) == (69541, "wan-tonnes", "achieved")


def test_a_plan_of_the_whole_area_alone_has_no_region_sum(run: Run, tmp_path: Path) -> None:
    """A national plan with no regions under the nation gets no 'the 0 regions add up to 0'."""
    data = tmp_path / "n.csv"
    data.write_text("indicator,period,value,unit\nagr.grain,2023,69541,万吨\n", encoding="utf-8")
    v = run("validate", str(data), "--plan", str(UNITS_PLAN), "--no-store", "--lang", "en")
    assert v.exit_code == 0
    assert "region-sum-mismatch" not in v.stdout


def _document(text: str) -> Document:
    return Document("t.txt", "utf-8", split_sentences(text))


# traditional script


def test_a_traditional_linyi_repost_is_read_as_its_simplified_twin() -> None:
    """臨沂市實現城鎮新增就業8.37萬人 gives the row of 临沂市实现城镇新增就业8.37万人, with the
    published (traditional) sentence kept for the review."""
    linyi = read_plan(PLAN_FILE)
    hant = extract(linyi, "linyi-jobs-2016.zh-hant.txt", 2016)
    hans = extract(linyi, "linyi-jobs-2016.txt", 2016)
    assert [(r.indicator, r.period, r.value, r.unit) for r in hant.rows] == [
        (r.indicator, r.period, r.value, r.unit) for r in hans.rows
    ]
    assert [r.value for r in hant.rows] == ["8.37"]
    assert hant.rows[0].sentence.startswith("截至到今年8月底，臨沂市實現城鎮新增就業8.37萬人")
    assert hant.rows[0].unit == "万人"  # the unit as the reader knows it


def test_a_traditional_grain_notice_reads_wan_tonnes(units_plan: Plan) -> None:
    """全國糧食總產量69541萬噸（13908億斤）against 万吨: the level 69541 万吨 and growth 1.3."""
    result = extract(units_plan, "national-2023-grain-notice.zh-hant.txt")
    assert [(r.value, r.unit, r.measure) for r in result.rows] == [
        ("69541", "万吨", "level"),
        ("1.3", "%", "growth"),
    ]
    assert result.not_read == []


def test_a_traditional_sentence_in_jin_reads_against_a_jin_indicator(tmp_path: Path) -> None:
    """2023年全國糧食總產量13908.2億斤，比上年增加177.6億斤 against 亿斤: level 13908.2."""
    plan = read_plan(plan_with_grain_in("yi-jin", tmp_path))
    result = extract(plan, "national-2023-grain-jin.zh-hant.txt", None)
    assert [(r.value, r.unit, r.measure, r.period) for r in result.rows] == [
        ("13908.2", "亿斤", "level", "2023"),
        ("1.3", "%", "growth", "2023"),
    ]
    assert [(s.text, s.reason) for s in result.skipped] == [("177.6億斤", "change")]


def test_the_review_shows_the_traditional_sentence_as_published(run: Run) -> None:
    """The review table quotes the repost in its own (traditional) characters."""
    r = run(
        "extract", str(HERE / "linyi-jobs-2016.zh-hant.txt"), "--period", "2016", "--lang", "en"
    )
    assert r.exit_code == 0
    assert "臨沂市實現" in r.stdout
    assert "临沂市实现" not in r.stdout


def test_no_traditional_converter_is_loaded_by_status(tmp_path: Path) -> None:
    """`status` starts without importing OpenCC (nor pypinyin): both are loaded on need."""
    loaded = modules_loaded("status", "--lang", "en", cwd=tmp_path)
    assert [m for m in ("opencc", "pypinyin") if m in loaded] == []


def test_a_ratio_in_full_width_is_read_as_the_ratio_hint_says(units_plan: Plan) -> None:
    """'1.7：1' (full-width colon) against a ratio unit named ':1' is 1.7 with no remark."""
    linyi = read_plan(PLAN_FILE)
    ratio = unit(linyi, "ratio")
    (value, _, _), issues = value_cell("1.7：1", "", "number", ratio, None, TODAY)
    assert value == Decimal("1.7") and issues == []


# Read once: a plan read inside a hypothesis example (16–20 ms) nears its 200 ms deadline
# on a slow runner.
_UNITS = read_plan(UNITS_PLAN)
_LINYI = read_plan(PLAN_FILE)
_PLAN_INDICATORS = [
    (ind, u)
    for ind in _UNITS.indicators
    if (u := _UNITS.unit_of(ind)) is not None and has_magnitude(u.name.zh)
]


@given(
    pair=st.sampled_from(_PLAN_INDICATORS),
    word=st.sampled_from([w for w, _ in MAGNITUDE_WORDS] + [""]),
    number=st.decimals(min_value=1, max_value=10**5, places=2, allow_nan=False),
)
def test_extract_and_validate_read_one_figure_alike(
    pair: tuple[Indicator, Unit], word: str, number: Decimal
) -> None:
    """A sentence '<indicator><n><magnitude><unit>' proposed by extract reads, through the
    reader's unit column, as the same exact Decimal the value cell '<n><magnitude><unit>'
    gives: one rule in both."""
    ind, u = pair
    base = u.name.zh[1:]  # 万吨 → 吨: the magnitude word written is the sentence's own
    text = f"{number}{word}{base}" if word else f"{number}{u.name.zh}"
    result = Extractor(_UNITS, year=2023).extract([_document(f"全年{ind.name.zh}{text}。")])
    (row,) = [r for r in result.rows if r.measure == "level"]
    (from_extract, _, _), _ = value_cell(row.value, row.unit, "number", u, None, TODAY)
    (from_cell, _, _), _ = value_cell(text, "", "number", u, None, TODAY)
    assert isinstance(from_extract, Decimal) and from_extract == from_cell


@pytest.mark.parametrize(
    ("text", "unit_text", "unit_id", "expected"),
    [
        ("12060000人", "人", "wan-persons", Decimal(1206)),  # cell and column agree: once
        ("6.95亿", "吨", "wan-tonnes", Decimal(69500)),  # 亿 of 吨 is 10,000 万吨: exact
        ("4.9万", "人", "wan-persons", Decimal("4.9")),
    ],
)
def test_a_unit_in_the_cell_and_the_column_convert_once(
    units_plan: Plan, text: str, unit_text: str, unit_id: str, expected: Decimal
) -> None:
    """A cell's own unit and the unit column naming the same unit convert once (12060000人
    with 人 against 万人 is 1206, not 0.1206); a 万 before a column unit without one is exact."""
    (value, _, _), issues = value_cell(
        text, unit_text, "number", unit(units_plan, unit_id), None, TODAY
    )
    assert value == expected, issues


@pytest.mark.parametrize(
    ("text", "unit_text", "form"),
    [
        ("4.9万", "", "magnitude-unit"),
        ("4.9万", "万人", "magnitude-unit"),
        ("1206万人", "人", "magnitude-unit"),
    ],
)
def test_a_doubtful_magnitude_in_a_wan_unit_is_refused(
    units_plan: Plan, text: str, unit_text: str, form: str
) -> None:
    """4.9万 against 万人 (blank or 万人 column), or a cell in 万人 with the column 人: an
    error naming the doubt, never a figure 10,000 times off."""
    (value, _, _), issues = value_cell(
        text, unit_text, "number", unit(units_plan, "wan-persons"), None, TODAY
    )
    assert value is None
    assert [i.form for i in issues if i.code == "unit-mismatch"] == [form]


@pytest.mark.parametrize(
    ("zh", "expected"),
    [("元", Decimal(3_327_800_000_000)), ("万元", Decimal(332_780_000)), ("亿元", Decimal(33278))],
)
def test_yi_yuan_reads_against_yuan_wan_yuan_and_yi_yuan(
    tmp_path: Path, zh: str, expected: Decimal
) -> None:
    """R&D经费支出33278亿元 against an indicator in 元, 万元 or 亿元 (no conversion declared):
    proposed as written, read by the unit column as the exact figure in the plan's unit."""
    text = UNITS_PLAN.read_text(encoding="utf-8").replace(
        "{id: yi-yuan, name: {zh: 亿元, en: 100m yuan}", f"{{id: yi-yuan, name: {{zh: {zh}, en: x}}"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = read_plan(path)
    result = extract(plan, "national-2023-rd.txt")
    assert levels(result) == [("sci.rd", "33278", "亿元")]
    (value, _, _), _ = value_cell("33278", "亿元", "number", unit(plan, "yi-yuan"), None, TODAY)
    assert value == expected


@given(st.text(alphabet=st.characters(), max_size=60) | st.just("臨\ud800沂"))
def test_the_simplified_text_keeps_every_position(text: str) -> None:
    """Any text, traditional or not (a lone surrogate too), converts one character for one:
    the review's spans stay on the published sentence."""
    assert len(simplified(text)) == len(text)


@given(
    st.text(alphabet="臨沂市實現城鎮新增就業萬人億元噸糧食總產量蘭山區12345.，（）", max_size=40)
)
def test_any_traditional_sentence_reads_without_raising(text: str) -> None:
    """Any sentence of traditional characters, digits and units gives rows or reasons,
    never an exception, and no figure that is not in the text."""
    result = Extractor(_LINYI, year=2016).extract([_document(text)])
    for row in result.rows:
        assert row.value.lstrip("-") in text


def test_a_bracketed_figure_the_plan_also_reads_restates_the_one_before(tmp_path: Path) -> None:
    """With 亿斤 convertible into 万吨 (1亿斤 = 5万吨), 69541万吨（13908亿斤）is one level,
    69541 万吨 — never two figures that disagree by rounding and leave the sentence unread."""
    text = UNITS_PLAN.read_text(encoding="utf-8").replace(
        "{id: wan-tonnes, name: {zh: 万吨, en: 10k tonnes}, kind: amount}",
        "{id: wan-tonnes, name: {zh: 万吨, en: 10k tonnes}, kind: amount, conversions: {亿斤: 5}}",
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = extract(read_plan(path), "national-2023-grain-notice.txt")
    assert levels(result) == [("agr.grain", "69541", "万吨")]
    assert result.not_read == []


def test_wan_yi_is_one_magnitude_word_for_the_number_parser() -> None:
    """'1.26万亿' (a bare figure, no unit) reads as 1,260,000,000,000, its reading shown."""
    reading = parse_number("1.26万亿")
    assert reading.value == Decimal(1_260_000_000_000)
    assert [(r.code, r.params["suffix"]) for r in reading.remarks] == [("magnitude-suffix", "万亿")]


def test_a_bare_wan_yi_figure_is_marked_whole(units_plan: Plan) -> None:
    """粮食产量1.2万亿 (no unit) is not read, and the review marks '1.2万亿', not '1.2万'."""
    text = "全年粮食产量1.2万亿。"
    result = Extractor(units_plan, year=2023).extract([_document(text)])
    (unread,) = result.not_read
    assert unread.span is not None and text[unread.span[0] : unread.span[1]] == "1.2万亿"


# a conversion worked out from the units' names is confirmed row by row (review mends)


def test_a_conversion_by_the_names_alone_is_a_warning_per_row(units_plan: Plan) -> None:
    """69541 with the unit 吨 against a 万吨 indicator (no conversion declared) is stored as
    6.9541 万吨 with a `unit-derived` warning the clerk confirms, not a benign notice."""
    (value, _, _), issues = value_cell(
        "69541", "吨", "number", unit(units_plan, "wan-tonnes"), None, TODAY
    )
    assert value == Decimal("6.9541")
    assert [(i.code, i.severity.value) for i in issues] == [("unit-derived", "warning")]


def test_a_conversion_the_plan_declares_stays_a_notice() -> None:
    """8.37 with the unit 万人 against the shipped plan's 人 (conversions: {万人: 10000}) is
    a `unit-converted` notice, gathered once a file."""
    persons = unit(read_plan(PLAN_FILE), "persons")
    (value, _, _), issues = value_cell("8.37", "万人", "number", persons, None, TODAY)
    assert value == Decimal(83700)
    assert [(i.code, i.severity.value) for i in issues] == [("unit-converted", "notice")]


def test_a_magnitude_word_before_the_unit_is_a_sure_conversion(units_plan: Plan) -> None:
    """6.95 with the unit 亿吨 against 万吨 is 69,500 exactly: the clerk wrote the magnitude,
    as 6.95亿 in the cell reads (a notice, as that reading is); only a plain 吨 is in doubt."""
    (value, _, _), issues = value_cell(
        "6.95", "亿吨", "number", unit(units_plan, "wan-tonnes"), None, TODAY
    )
    assert value == Decimal(69500)
    assert [(i.code, i.severity.value) for i in issues] == [("unit-converted", "notice")]


# a 万/亿 in the cell is in doubt only on a unit with the same word (review mends)


@pytest.mark.parametrize(
    ("text", "unit_id", "expected"),
    [("3.3万亿", "yi-yuan", Decimal(33000)), ("6.95亿", "wan-tonnes", Decimal(69500))],
)
def test_another_magnitude_word_than_the_units_is_an_exact_reading(
    units_plan: Plan, text: str, unit_id: str, expected: Decimal
) -> None:
    """3.3万亿 against 亿元 is 3.3万亿元 (33,000 亿元), 6.95亿 against 万吨 is 6.95亿吨 (69,500
    万吨): no doubt whether 万 was written twice, and a notice that shows the reading."""
    (value, _, _), issues = value_cell(text, "", "number", unit(units_plan, unit_id), None, TODAY)
    assert value == expected, issues
    assert [(i.code, i.form) for i in issues] == [("magnitude-suffix", "in-unit")]


_UNIT_TEXTS = [(u, name) for u, name in _MAGNITUDE_UNITS] + [
    (u, "") for u in {id(u): u for u, _ in _MAGNITUDE_UNITS}.values() if has_magnitude(u.name.zh)
]


@given(
    pair=st.sampled_from(_UNIT_TEXTS),
    word=st.sampled_from([w for w, _ in MAGNITUDE_WORDS]),
    number=_DECIMALS,
)
def test_a_magnitude_word_is_in_doubt_only_on_its_own_unit(
    pair: tuple[Unit, str], word: str, number: Decimal
) -> None:
    """'<n><word>' with a unit whose name holds a magnitude (the unit column's, or the
    indicator's when it is blank) is refused as magnitude-unit/twice exactly when the word
    is the unit's own; else it reads as n × word ÷ the unit's magnitude, in the unit."""
    u, name = pair
    named = name or u.name.zh
    own_word, own_magnitude = next((w, m) for w, m in MAGNITUDE_WORDS if named.startswith(w))
    (value, _, _), issues = value_cell(f"{number}{word}", name, "number", u, None, TODAY)
    doubt = [i for i in issues if i.code == "unit-mismatch"]
    if word == own_word:
        assert value is None and [i.form for i in doubt] in (["magnitude-unit"], ["twice"])
        return
    assert not doubt, issues
    factor = unit_factor(named, u)
    assert factor is not None
    if value is None:  # only beyond what a figure may hold, or a fraction of a count
        assert any(i.code in ("out-of-range", "not-integer") for i in issues), issues
        return
    magnitude = dict(MAGNITUDE_WORDS)[word]
    assert value == number * magnitude / own_magnitude * factor


def test_a_figure_that_fits_unconverted_is_not_called_a_growth_rate(
    run: Run, tmp_path: Path
) -> None:
    """69541 with 吨 against grain in 万吨 (target 65,000): stored 6.9541 万吨, and the scale
    warning says 69541 itself fits — was the unit 万吨? — never 'looks like a growth rate';
    it is the row's one finding (the unit-derived warning would ask the same question)."""
    data = tmp_path / "grain.csv"
    data.write_text(
        "indicator,period,region,value,unit\nagr.grain,2023,cn,69541,吨\n", encoding="utf-8"
    )
    r = run("validate", str(data), "--plan", str(UNITS_PLAN), "--no-store", "--format", "json")
    found = {f["code"]: f for f in json.loads(r.stdout)["findings"]}
    assert list(found) == ["implausible-value"]
    scale = found["implausible-value"]
    assert (scale["column"], scale["column_number"]) == ("unit", 5)  # the cell in doubt
    assert scale["params"]["written"] == "69541"
    assert scale["message"].endswith("was the unit 万吨?")
    assert scale["message"].startswith("6.9541 万吨 was converted from 69541 吨")
    assert "growth" not in scale["message"] + scale["hint"]


def _grain_findings(run: Run, tmp_path: Path, row: str, plan: Path = UNITS_PLAN) -> list[dict]:  # type: ignore[type-arg]
    data = tmp_path / "grain.csv"
    data.write_text(f"indicator,period,region,value,unit\n{row}\n", encoding="utf-8")
    r = run("validate", str(data), "--plan", str(plan), "--no-store", "--format", "json")
    return list(json.loads(r.stdout)["findings"])


def test_a_questioned_conversion_against_the_plans_range_says_what_to_change(
    run: Run, tmp_path: Path
) -> None:
    """69541 吨 against grain in 万吨 with the plan's range 60,000–80,000 万吨: the one
    warning names the range and its hint says to write 万吨 as the unit — never only
    'if it is right, nothing to do' while 6.9541 万吨 would be stored."""
    text = UNITS_PLAN.read_text(encoding="utf-8")
    grain = "unit: wan-tonnes, direction: higher, aggregate: sum, flow: true}"
    assert grain in text
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace(grain, grain[:-1] + ", range: [60000, 80000]}", 1), "utf-8")
    (found,) = _grain_findings(run, tmp_path, "agr.grain,2023,cn,69541,吨", plan)
    assert (found["code"], found["column"]) == ("implausible-value", "unit")
    assert found["params"]["min"] == "60000"
    assert "write 万吨 as its unit" in found["hint"]


def test_a_unit_typed_in_the_value_cell_questioned_once(run: Run, tmp_path: Path) -> None:
    """69541吨 in the value cell against 万吨: one warning, on the value cell, asking whether
    the unit was 万吨."""
    (found,) = _grain_findings(run, tmp_path, "agr.grain,2023,cn,69541吨,")
    assert (found["code"], found["column"]) == ("implausible-value", "value")
    assert found["message"].endswith("was the unit 万吨?")


def test_a_derived_conversion_on_the_indicators_scale_keeps_its_warning(
    run: Run, tmp_path: Path
) -> None:
    """695410000 吨 against grain in 万吨 converts to 69541 万吨, on the target's scale: the
    unit-derived warning stays (the clerk confirms the 吨), with no scale warning."""
    data = tmp_path / "grain.csv"
    data.write_text(
        "indicator,period,region,value,unit\nagr.grain,2023,cn,695410000,吨\n", encoding="utf-8"
    )
    r = run("validate", str(data), "--plan", str(UNITS_PLAN), "--no-store", "--format", "json")
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == ["unit-derived"]


@pytest.mark.parametrize("unit_text", ["", "万吨"])
def test_a_plain_unit_typed_in_the_cell_is_derived_too(units_plan: Plan, unit_text: str) -> None:
    """69541吨 in the value cell against 万吨 is read as the unit column's 吨 is: 6.9541 万吨
    with a `unit-derived` warning, never a benign unit-in-value notice."""
    (value, _, _), issues = value_cell(
        "69541吨", unit_text, "number", unit(units_plan, "wan-tonnes"), None, TODAY
    )
    assert value == Decimal("6.9541"), issues
    assert [(i.code, i.column) for i in issues] == [("unit-derived", "value")]
