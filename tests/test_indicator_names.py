"""The indicator's name column (指标名称, as the template and clerks write it): with no id
column it is the indicator column; beside one, a row whose id and name are two indicators
is an error at the name — its figure would otherwise go to one of them on a guess."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, TODAY, Result
from linyi_tracker.actuals.headers import header_position, read_header
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

NAMES_ONLY = FIXTURES / "office" / "names-only-gb18030.csv"
MISMATCH = FIXTURES / "submissions" / "indicator-name-mismatch.csv"
Run = Callable[..., Result]


def _findings(plan: Plan, text: str, tmp_path: Path) -> list[Finding]:
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    return validate([str(path)], plan, store=None, today=TODAY).findings


@pytest.mark.parametrize(
    "name", ["指标名称", "名称", "指标名", "name_zh", "name_en", "indicator_name"]
)
def test_a_name_column_alone_is_the_indicator_column(name: str) -> None:
    """A header with a name column and no id column is usable, the names read as indicators."""
    header, issues = read_header([name, "期间", "数值"])
    assert header.usable and header.columns["indicator"] == 0 and header.name == -1
    assert issues == []


def test_a_name_column_beside_the_id_is_kept_for_the_check() -> None:
    """Beside 指标代码, 指标名称 stays a column for the eyes, remembered for the check."""
    header, _ = read_header(["指标代码", "指标名称", "期间", "数值"])
    assert header.columns["indicator"] == 0 and header.name == 1


def test_a_header_with_names_only_is_found_below_a_title() -> None:
    """A title row above 指标名称,数值,… : the header is found on its own line."""
    rows = [(1, ["罗庄区2017年报表", "", ""]), (2, ["指标名称", "数值", "期间"])]
    assert header_position(rows) == 1


def test_a_county_file_with_names_only_validates(plan: Plan) -> None:
    """A GB18030 county file headed 指标名称 under a title reads every row, no error."""
    report = validate([str(NAMES_ONLY)], plan, store=None, today=TODAY)
    assert [f for f in report.findings if f.is_error] == []
    assert [f.rows for f in report.files] == [3]
    by_name = [f for f in report.findings if f.code == "indicator-by-name"]
    assert [(f.column, f.params["count"]) for f in by_name] == [("指标名称", 3)]


def test_an_id_and_a_name_of_two_indicators_is_an_error_at_the_name(plan: Plan) -> None:
    """emp.new_urban_jobs beside 农村居民人均纯收入: an error at the name's column, both named."""
    report = validate([str(MISMATCH)], plan, store=None, today=TODAY)
    (f,) = [f for f in report.findings if f.code == "indicator-name-mismatch"]
    assert (f.line, f.column, f.column_number, f.severity.value) == (2, "指标名称", 2, "error")
    assert f.params["code"] == "emp.new_urban_jobs"
    assert f.params["named_id"] == "inc.rural_per_capita"


@pytest.mark.parametrize(
    "name",
    [
        "城镇新增就业人数",
        "New urban jobs",
        " 城镇新增就业人数 ",
        "",
        "城镇新增就业人数（人）",
        "就业",
    ],
)
def test_a_name_that_agrees_or_names_nothing_is_no_finding(
    plan: Plan, name: str, tmp_path: Path
) -> None:
    """The id's own name (zh, en, spaced), a blank, or free text naming no indicator: no
    finding — only two indicators of the plan disagree."""
    text = f"指标代码,指标名称,期间,数值\nemp.new_urban_jobs,{name},2016,9800\n"
    found = _findings(plan, text, tmp_path)
    assert [f.code for f in found if f.code == "indicator-name-mismatch"] == []


def test_the_mismatch_stops_ingest(run: Run) -> None:
    """ingest refuses the file (exit 1) and writes nothing: neither indicator gets the figure."""
    r = run("ingest", str(MISMATCH), "--data", "d")
    assert r.exit_code == 1 and "indicator-name-mismatch" in r.stdout
    assert list(Path("d").rglob("*.csv")) == []  # run() works in an empty folder


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "不是同一个指标"), ("en", "not the indicator named")]
)
def test_the_mismatch_is_said_in_the_readers_language(run: Run, lang: str, said: str) -> None:
    """validate says it in zh and en, naming both indicators."""
    r = run("validate", str(MISMATCH), "--no-store", "--lang", lang)
    assert r.exit_code == 1 and said in r.stdout and "inc.rural_per_capita" in r.stdout


def test_a_name_column_of_regions_beside_the_id_is_not_read_as_the_city(
    plan: Plan, tmp_path: Path
) -> None:
    """指标代码,期间,名称,数值 with 兰山区 under 名称: the column names each row's region, and
    no region column is read — the figure would go to the whole city. The error of a
    region column not read, once, at the 名称 column; no figure read."""
    text = (
        "指标代码,期间,名称,数值\n"
        "emp.new_urban_jobs,2017,兰山区,8000\n"
        "emp.new_urban_jobs,2016,临沂市兰山区,7000\n"
    )
    report = validate([str(_file(tmp_path, text))], plan, store=None, today=TODAY)
    errors = [f for f in report.findings if f.is_error]
    assert [(f.code, f.form, f.line, f.column) for f in errors] == [
        ("column-not-read", "region", 2, "名称")
    ]
    assert report.failed  # ingest refuses the file: no figure goes to the city


def test_a_name_column_of_regions_beside_a_region_column_is_left_alone(
    plan: Plan, tmp_path: Path
) -> None:
    """With 地区 read as well, the 名称 column's 兰山区 gives no figure to a wrong region."""
    text = "指标代码,期间,名称,地区,数值\nemp.new_urban_jobs,2017,兰山区,兰山区,8000\n"
    report = validate([str(_file(tmp_path, text))], plan, store=None, today=TODAY)
    assert [f for f in report.findings if f.is_error] == []


def _file(folder: Path, text: str) -> Path:
    path = folder / "s.csv"
    path.write_text(text, encoding="utf-8")
    return path
