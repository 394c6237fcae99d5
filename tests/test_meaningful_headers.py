"""Headers close to 地区 / 单位 / 口径: read as the column when unambiguous, an error when
not (note 33: they were an ``unknown-column`` warning, and the figure went to the city,
was not converted, or a growth figure was read as a level)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals.headers import HEADER_ALIASES, column_of, read_header
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

Run = Callable[..., Result]
TODAY = date(2026, 11, 28)
HEADERS = FIXTURES / "headers"
BASE = ["指标代码", "期间", "数值"]


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("区县", "region"),
        ("县区", "region"),
        ("地 区", "region"),
        ("Region ", "region"),
        ("地区名称", "region"),
        ("县（区）", "region"),
        ("區縣", "region"),
        ("單位", "unit"),
        ("计量单位", "unit"),
        ("unit(s)", "unit"),
        ("Units", "unit"),
        ("单　位", "unit"),
        ("统计口径", "measure"),
        ("口 径", "measure"),
        ("区域", "region"),
        ("区域名称", "region"),
        ("行政区划", "region"),
        ("指标单位", "unit"),
        ("数据单位", "unit"),
        ("数值单位", "unit"),
    ],
)
def test_a_variant_of_a_meaningful_header_is_read_as_its_column(name: str, column: str) -> None:
    """地区 / 单位 / 口径 as offices write them (a space inside, traditional script, 名称,
    计量, 统计) are read as that column, with no finding."""
    header, issues = read_header([*BASE, name])
    assert header.columns.get(column) == 3 and issues == []


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("区县代码", "region"),
        ("区域代码", "region"),
        ("行政区划代码", "region"),
        ("地区代码", "region"),
        ("regoin", "region"),
        ("单位(万人)", "unit"),
        ("口径说明", "measure"),
    ],
)
def test_a_near_miss_of_a_meaningful_header_is_an_error(name: str, form: str) -> None:
    """A header that looks like 地区 / 单位 / 口径 but cannot be read safely is an error at
    its column, not a warning that leaves the figure to another target."""
    header, issues = read_header([*BASE, name])
    assert form not in header.columns
    assert [(i.code, i.form, i.severity.value, i.number) for i in issues] == [
        ("column-not-read", form, "error", 4)
    ]


@pytest.mark.parametrize("name", ["填报单位", "来源单位", "地区生产总值"])
def test_a_header_that_only_contains_a_word_stays_an_unknown_column(name: str) -> None:
    """A body named with 单位 (填报单位) and a figure named with 地区 are columns not read
    (a warning), not taken for unit or region."""
    _, issues = read_header([*BASE, name])
    assert [(i.code, i.severity.value) for i in issues] == [("unknown-column", "warning")]


def test_two_columns_claiming_the_region_are_an_error() -> None:
    """地区 beside 区县名称: both name the region, which one counts is not guessed."""
    header, issues = read_header([*BASE, "地区", "区县名称"])
    assert not header.usable and [i.code for i in issues] == ["duplicate-column"]


def test_a_gb18030_file_headed_county_name_gives_the_county_its_converted_figure(
    plan: Plan,
) -> None:
    """A county's GB18030 file headed 区县名称 and 计量单位 gives 兰山区 its figure,
    converted from 万人 to persons."""
    path = HEADERS / "region-county-gbk.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    assert [(o.region, o.text) for o in got.observations] == [("lanshan", "9800")]
    assert not [f for f in got.findings if f.code == "unknown-column"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "各行数字将记为全市的"), ("en", "whole city")])
def test_validate_names_the_near_miss_file_line_and_column(run: Run, lang: str, said: str) -> None:
    """validate reports a region near-miss as an error at line 1 and its column, saying
    what would happen and what to write, exit 1."""
    path = HEADERS / "region-near-miss.csv"
    r = run("validate", str(path), "--no-store", "--format", "json", "--lang", lang)
    assert r.exit_code == 1
    (f,) = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"]
    assert (f["line"], f["column"]) == (1, "区县代码") and said in f["message"]
    assert ("“地区”" if lang == "zh" else "'region'") in f["hint"]


def test_every_form_renders_in_both_languages(plan: Plan) -> None:
    """The region, unit and measure forms have a message and a hint in zh and en."""
    for name in ("区县代码", "单位(万人)", "口径说明"):
        _, (issue,) = read_header([*BASE, name])
        from linyi_tracker.findings import Finding

        f = Finding(
            issue.code, issue.severity, "f.csv", 1, name, 4, params=issue.params, form=issue.form
        )
        for lang in ("zh", "en"):
            message, hint = render(f, lang)
            assert message and hint


@given(st.sampled_from(sorted(HEADER_ALIASES)), st.sampled_from(["", " ", "\u3000"]))
def test_any_alias_with_spaces_reads_as_its_column(name: str, space: str) -> None:
    """An alias with spaces around or between its characters is read as its column."""
    spaced = space + space.join(name) + space if space else name
    assert column_of(spaced) == HEADER_ALIASES[name] or " " in name


@pytest.mark.parametrize(("lang", "said"), [("zh", "请改列名"), ("en", "rename its header")])
def test_a_scope_under_a_measure_header_is_told_to_rename_the_column(
    run: Run, tmp_path_factory: pytest.TempPathFactory, lang: str, said: str
) -> None:
    """统计口径 read as the measure column holding a scope (全口径): the error says the
    column may be renamed, not only to write 水平值 over what the office wrote."""
    path = tmp_path_factory.mktemp("scope") / "scope.csv"
    path.write_bytes(
        "指标代码,期间,统计口径,数值\nemp.new_urban_jobs,2016,全口径,8000\n".encode("gb18030")
    )
    r = run("validate", str(path), "--lang", lang)
    assert r.exit_code == 1 and "invalid-measure" in r.stdout and said in r.stdout, r.stdout
