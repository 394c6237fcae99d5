"""Findings at the scale of a file (issue 29, item 0): a sure reading — a name for an id,
a separator, 万, a converted unit, full-width digits, a date read as its month — is one
notice for the file and column with the count and the first lines; what needs a clerk
stays row by row, in validate, in the store, and through the store's cache."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals import store as store_module
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import FIRST_LINES, READINGS, Finding, Readings, Severity
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import CATALOGUE, lines_said, render
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]
TODAY = date(2020, 3, 15)
ROWS = 768
HEADER = ["指标", "期间", "地区", "数值", "单位", "来源"]
# Number indicators of the plan in a unit without a magnitude, as a county names them,
# with their unit and the unit in 万.
INDICATORS = [
    ("城镇新增就业人数", "人", "万人"),
    ("农村居民人均纯收入", "元", "万元"),
    ("城镇居民人均可支配收入", "元", "万元"),
    ("保障性安居工程竣工面积", "平方米", "万平方米"),
    ("建档立卡贫困户数", "户", "万户"),
    ("建档立卡贫困人口", "人", "万人"),
    ("当年脱贫人口", "人", "万人"),
    ("常住人口", "人", "万人"),
]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
COUNTIES = [
    "兰山区",
    "临沂市罗庄区",
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
]
YEARS = range(2012, 2020)


def county_rows(rows: int = ROWS) -> list[list[str]]:
    """``rows`` distinct observations as a county sends them: Chinese headers, indicators
    and counties by name (one county with 临沂市 in front), the unit written; of every
    twenty figures three in 万 (15 %: 1.32万 for 13200), one in a unit in 万 (1.32, 万人),
    one in full-width digits and one with a thousands separator."""
    out: list[list[str]] = []
    for year in YEARS:
        for county in COUNTIES:
            for name, unit, wan_unit in INDICATORS:
                n = len(out)
                figure = 10_000 + 100 * n
                value = str(figure)
                if n % 20 in (3, 10, 17):
                    value = f"{figure / 10_000:g}万"
                elif n % 20 == 7:
                    value, unit = f"{figure / 10_000:g}", wan_unit
                elif n % 20 == 13:
                    value = value.translate(FULL_WIDTH)
                elif n % 20 == 19:
                    value = f"{figure:,}"
                out.append([name, str(year), county, value, unit, "县统计局"])
    assert len(out) >= rows
    return out[:rows]


def write(path: Path, rows: list[list[str]]) -> Path:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([HEADER, *rows])
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def lines_where(rows: list[list[str]], test: Callable[[list[str]], bool]) -> list[int]:
    """The file lines (header on line 1) of the rows that pass ``test``."""
    return [n + 2 for n, row in enumerate(rows) if test(row)]


def findings_of(plan: Plan, path: Path) -> list[Finding]:
    return validate([str(path)], plan, store=None, today=TODAY).findings


def coded(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """The 768-row county file, with a misspelt indicator on line 41 and a figure that is
    no number on line 300."""
    rows = county_rows()
    rows[39][0] = "城镇新增就业人"  # line 41
    rows[298][3] = "暂无"  # line 300
    return write(tmp_path / "兰山区.csv", rows)


def test_a_county_file_gives_one_indicator_by_name_notice(plan: Plan, county: Path) -> None:
    """768 rows naming their indicator give one notice for the column, counting the 767
    read (the misspelt one is an error) and naming the first five lines."""
    (f,) = coded(findings_of(plan, county), "indicator-by-name")
    assert f.severity is Severity.NOTICE
    assert (f.line, f.column, f.column_number) == (2, "指标", 1)
    assert f.params["count"] == ROWS - 1
    assert f.params["lines"] == [2, 3, 4, 5, 6]
    assert (f.params["text"], f.params["indicator"]) == ("城镇新增就业人数", "emp.new_urban_jobs")


def test_each_sure_reading_of_a_county_file_is_one_finding_a_column(
    plan: Plan, county: Path
) -> None:
    """No sure reading is reported twice for one column of a file."""
    readings = [(f.code, f.column_number) for f in findings_of(plan, county) if f.code in READINGS]
    assert readings and len(readings) == len(set(readings))


def test_the_rows_a_clerk_must_mend_stay_row_by_row(plan: Plan, county: Path) -> None:
    """The misspelt indicator and the figure that is no number are errors at their own
    lines, as before."""
    found = findings_of(plan, county)
    assert [(f.line, f.column_number) for f in coded(found, "unknown-indicator")] == [(41, 1)]
    assert [(f.line, f.column_number) for f in coded(found, "invalid-number")] == [(300, 4)]


def test_one_reading_is_one_finding_counting_one(plan: Plan, tmp_path: Path) -> None:
    """A file with one indicator given by name: one notice, count 1, its line."""
    path = tmp_path / "one.csv"
    path.write_text(
        "indicator,period,region,value\n"
        "emp.new_urban_jobs,2016,lanshan,9800\n"
        "城镇新增就业人数,2017,lanshan,9900\n",
        encoding="utf-8",
    )
    (f,) = coded(findings_of(plan, path), "indicator-by-name")
    assert (f.line, f.params["count"], f.params["lines"]) == (3, 1, [3])


def test_the_notice_says_how_many_rows_and_which_in_both_languages(
    plan: Plan, county: Path
) -> None:
    """The message counts the rows and names the first lines, with an ellipsis for the rest."""
    (f,) = coded(findings_of(plan, county), "indicator-by-name")
    assert render(f, "zh")[0] == (
        "767行按名称填写指标，已识别（第2、3、4、5、6行……；"
        "首个：“城镇新增就业人数”读作“emp.new_urban_jobs”）"
    )
    assert render(f, "en")[0] == (
        "767 rows give the indicator by its name, resolved (lines 2, 3, 4, 5, 6, …; "
        "the first: '城镇新增就业人数' read as 'emp.new_urban_jobs')"
    )


@pytest.mark.parametrize(
    ("lines", "count", "zh", "en"),
    [
        ([7], 1, "第7行：", "line 7: "),
        ([2, 9], 2, "第2、9行；首个：", "lines 2, 9; the first: "),
        ([2, 3, 4, 5, 6], 5, "第2、3、4、5、6行；首个：", "lines 2, 3, 4, 5, 6; the first: "),
        ([2, 3, 4, 5, 6], 6, "第2、3、4、5、6行……；首个：", "lines 2, 3, 4, 5, 6, …; the first: "),
    ],
)
def test_the_lines_are_said_as_each_language_writes_them(
    lines: list[int], count: int, zh: str, en: str
) -> None:
    """One line (its reading follows), all the lines, or the first lines and an ellipsis
    (the first row's reading follows)."""
    assert (lines_said(lines, count, "zh"), lines_said(lines, count, "en")) == (zh, en)


def test_readings_name_at_most_the_first_lines() -> None:
    """However many rows, a file-scale finding names the first FIRST_LINES lines."""
    readings = Readings()
    for line in range(2, 1000):
        readings.add(Finding("thousands-separator", Severity.NOTICE, "a.csv", line, "数值", 4))
    (f,) = readings.findings()
    assert f.params["count"] == 998 and f.params["lines"] == list(range(2, 2 + FIRST_LINES))


def test_validate_json_gives_the_count_and_the_lines(run: Run, county: Path) -> None:
    """--format json keeps the finding's shape; its params add count and the lines as a list."""
    r = run("validate", str(county), "--no-store", "--format", "json", "--lang", "zh")
    data = json.loads(r.stdout)
    (f,) = [f for f in data["findings"] if f["code"] == "indicator-by-name"]
    assert set(f) == {
        "code",
        "severity",
        "file",
        "line",
        "column",
        "column_number",
        "message",
        "hint",
        "sheet",
        "params",
    }
    assert (f["severity"], f["line"], f["column"]) == ("notice", 2, "指标")
    assert f["params"]["count"] == ROWS - 1 and f["params"]["lines"] == [2, 3, 4, 5, 6]
    assert f["message"].startswith("767行按名称填写指标")
    assert data["summary"]["notice"] == len(
        [f for f in data["findings"] if f["severity"] == "notice"]
    )


def test_the_store_and_its_cache_carry_the_one_finding(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's findings hold the same single notice, and the cache gives it back (the
    files are not read the second time)."""
    data = tmp_path / "data"
    data.mkdir()
    write(data / "兰山区.csv", county_rows())
    cache = tmp_path / "cache"
    fresh = load_store(plan, data, today=TODAY, cache_folder=cache, cache_min_bytes=0)

    def no_reading(*args: object) -> object:
        raise AssertionError("the files were read again")

    monkeypatch.setattr(store_module, "_read_file", no_reading)
    cached = load_store(plan, data, today=TODAY, cache_folder=cache, cache_min_bytes=0)
    assert len(list(cache.glob("*.store"))) == 1
    (f,) = coded(fresh.findings, "indicator-by-name")
    assert f.params["count"] == ROWS and f.params["lines"] == [2, 3, 4, 5, 6]
    assert coded(cached.findings, "indicator-by-name") == [f]


def test_every_sure_reading_of_a_county_file_is_one_notice_with_its_rows(
    plan: Plan, tmp_path: Path
) -> None:
    """The county file gives exactly one notice per reading and column, each counting its
    rows and naming the first five: names, 万, a unit in 万, full-width digits, separators."""
    rows = county_rows()
    found = findings_of(plan, write(tmp_path / "县.csv", rows))
    expected = {
        ("indicator-by-name", "指标"): lines_where(rows, lambda r: True),
        ("magnitude-suffix", "数值"): lines_where(rows, lambda r: r[3].endswith("万")),
        ("unit-converted", "单位"): lines_where(rows, lambda r: r[4].startswith("万")),
        ("full-width-characters", "数值"): lines_where(
            rows, lambda r: r[3] != r[3].translate(HALF_WIDTH)
        ),
        ("thousands-separator", "数值"): lines_where(rows, lambda r: "," in r[3]),
    }
    got = {
        (f.code, f.column): (f.severity, f.line, f.params["count"], f.params["lines"])
        for f in found
        if f.code in READINGS
    }
    assert got == {
        key: (Severity.NOTICE, lines[0], len(lines), lines[:FIRST_LINES])
        for key, lines in expected.items()
    }
    assert got[("magnitude-suffix", "数值")][2] == 115  # 15 % of 768 rows
    assert [f for f in found if f.code not in READINGS] == []


def test_every_reading_is_a_notice_in_the_catalogue() -> None:
    """A reading reported once for a file asks nothing of the clerk: a notice."""
    assert {CATALOGUE[code].severity for code in READINGS} == {Severity.NOTICE}


def test_validate_and_the_store_report_the_same_readings(plan: Plan, tmp_path: Path) -> None:
    """The store reads through the same rule: the same file-scale findings as validate."""
    data = tmp_path / "data"
    data.mkdir()
    path = write(data / "县.csv", county_rows())
    store = load_store(plan, data, today=TODAY, display_root=data)
    checked = validate([str(path)], plan, store=None, today=TODAY).findings

    def readings(findings: list[Finding]) -> list[tuple[object, ...]]:
        return sorted(
            (f.code, f.line, f.column_number, f.params["count"], f.params["lines"])
            for f in findings
            if f.code in READINGS
        )

    assert readings(store.findings) == readings(checked) != []


# A plan with an indicator counted in 亿元 (rd.spending) beside one in persons (jobs.new).
SCALED_PLAN = FIXTURES / "plans" / "growth-change.yaml"
SCALED = (
    "indicator,period,region,value\n"
    "rd.spending,2020,east,4.9亿\n"
    "jobs.new,2020,east,1.2万\n"
    "rd.spending,2021,east,3亿\n"
    "jobs.new,2021,east,1.3万\n"
)


def test_wan_on_a_unit_already_in_wan_or_yi_stays_an_error_on_each_row(tmp_path: Path) -> None:
    """'4.9亿' for an indicator in 亿元 has two readings: an error at each row, while 万
    on persons is one notice for the file."""
    path = tmp_path / "scaled.csv"
    path.write_text(SCALED, encoding="utf-8")
    found = validate([str(path)], read_plan(SCALED_PLAN), store=None, today=TODAY).findings
    scaled = coded(found, "unit-mismatch")
    assert [(f.line, f.column_number, f.form) for f in scaled] == [
        (2, 4, "magnitude-unit"),
        (4, 4, "magnitude-unit"),
    ]
    (wan,) = coded(found, "magnitude-suffix")
    assert (wan.params["count"], wan.params["lines"]) == (2, [3, 5])


def test_the_two_readings_of_wan_on_a_wan_unit_are_said_in_both_languages(
    tmp_path: Path,
) -> None:
    """The error names the figure and the unit, and asks for the figure without 万."""
    path = tmp_path / "scaled.csv"
    path.write_text(SCALED, encoding="utf-8")
    found = validate([str(path)], read_plan(SCALED_PLAN), store=None, today=TODAY).findings
    f = coded(found, "unit-mismatch")[0]
    assert render(f, "zh") == (
        "“4.9亿”带“万”或“亿”，而指标单位“亿元”本身以万或亿计：不知是单位的“万”或“亿”写了两次，"
        "还是要再乘一次",
        "请按“亿元”填写数值，不带“万/亿”，“单位”列写“亿元”或留空",
    )
    assert render(f, "en") == (
        "'4.9亿' has 万 or 亿, and the indicator's unit 亿元 (100 million yuan) already counts "
        "in them: is it the unit's own 万 or 亿 written again, or a magnitude on top of it?",
        "write the figure in 亿元 (100 million yuan) without 万 or 亿, and 亿元 in the 'unit' "
        "column or nothing",
    )


_CODES = st.sampled_from(sorted(READINGS))


@given(st.lists(st.tuples(_CODES, st.integers(1, 3)), max_size=60))
def test_readings_count_every_row_and_name_its_first_lines(adds: list[tuple[str, int]]) -> None:
    """Whatever the readings, one finding per code and column; the counts add up to the
    rows, and each names the first lines of its own rows, in order."""
    readings = Readings()
    for line, (code, column) in enumerate(adds, start=2):
        readings.add(Finding(code, Severity.NOTICE, "a.csv", line, f"c{column}", column))
    found = readings.findings()
    assert sum(int(str(f.params["count"])) for f in found) == len(adds)
    for f in found:
        own = [n for n, (c, k) in enumerate(adds, start=2) if (c, k) == (f.code, f.column_number)]
        assert (f.line, f.params["count"], f.params["lines"]) == (
            own[0],
            len(own),
            own[:FIRST_LINES],
        )


def test_a_workbook_gives_one_notice_too(plan: Plan, tmp_path: Path) -> None:
    """An .xlsx sheet is read by the same row loop: one notice at the sheet's rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in county_rows(12):
        sheet.append(row)
    book.save(tmp_path / "县.xlsx")
    found = findings_of(plan, tmp_path / "县.xlsx")
    (f,) = coded(found, "indicator-by-name")
    assert (f.sheet, f.params["count"], f.params["lines"]) == ("Sheet", 12, [2, 3, 4, 5, 6])
    assert f.location().endswith("[Sheet]:2:A")


def test_a_figure_left_unread_counts_as_no_reading(plan: Plan, tmp_path: Path) -> None:
    """'0.29万' with 万人 in the unit column is an error (converted twice), not also a
    notice that 万 was multiplied out: no figure was read."""
    path = tmp_path / "twice.csv"
    path.write_text(
        "indicator,period,region,value,unit\nemp.new_urban_jobs,2016,lanshan,0.29万,万人\n",
        encoding="utf-8",
    )
    found = findings_of(plan, path)
    assert [(f.code, f.form) for f in found] == [("unit-mismatch", "twice")]


# Indicator cells (the id, its zh name, its en name) and figures (plain, grouped, in 万)
_NAMED = st.sampled_from(["emp.new_urban_jobs", "城镇新增就业人数", "New urban jobs"])
_FIGURE = st.sampled_from(["9800", "12,000", "1.2万", "13,000"])


@given(st.lists(st.tuples(_NAMED, _FIGURE), min_size=1, max_size=40))
def test_a_reading_repeated_on_many_rows_counts_each_row(
    plan: Plan, rows: list[tuple[str, str]]
) -> None:
    """However often a cell's text repeats (past the first lines, where a row after only
    counts), each reading counts every row that made it and names the first of them."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        body = "".join(
            f'{name},{2012 + n % 8},lanshan,"{figure}"\n' for n, (name, figure) in enumerate(rows)
        )
        path.write_text("indicator,period,region,value\n" + body, encoding="utf-8")
        found = findings_of(plan, path)
    made = {
        "indicator-by-name": [n for n, (name, _) in enumerate(rows, start=2) if name[0] != "e"],
        "thousands-separator": [n for n, (_, f) in enumerate(rows, start=2) if "," in f],
        "magnitude-suffix": [n for n, (_, f) in enumerate(rows, start=2) if "万" in f],
    }
    for code, lines in made.items():
        said = [(f.params["count"], f.params["lines"]) for f in coded(found, code)]
        assert said == ([(len(lines), lines[:FIRST_LINES])] if lines else [])
