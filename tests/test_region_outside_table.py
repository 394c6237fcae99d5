"""A county's file with no region column: its figures were read as the whole city's though
its name (兰山区2017.csv), its sheet (兰山区) or its title named the county."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result, ingest_refuses
from linyi_tracker.actuals.reader import PlanLookup, read_bytes, read_path
from linyi_tracker.actuals.region_named import region_named
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.naming import with_names

TODAY = date(2026, 11, 28)
FIXTURE = FIXTURES / "submissions" / "region-outside-table.csv"
ROWS = "指标代码,期间,数值\nemp.new_urban_jobs,2017,12000\n"


def _found(plan: Plan, text: str, name: str = "f.csv") -> list[Finding]:
    read = read_bytes(text.encode(), name, PlanLookup(plan), today=TODAY)
    return [f for f in read.findings if f.code == "region-outside-table"]


def test_a_title_naming_a_county_is_an_error_at_the_header(plan: Plan) -> None:
    """兰山区2017年民生指标完成情况 above a header with no region column: the error, at line 2."""
    found = _found(plan, FIXTURE.read_text(encoding="utf-8"))
    assert [(f.line, f.form, f.params["region"]) for f in found] == [(2, "title", "lanshan")]


@pytest.mark.parametrize(
    "title", ["2017年兰山民生指标", "罗庄2017年报表", "2017年河东民生指标完成情况"]
)
def test_a_county_named_without_its_suffix_inside_a_title_is_an_error(
    plan: Plan, title: str
) -> None:
    """A county's short name between Chinese words (兰山 in 2017年兰山民生指标) still names
    it: narrowing the rule to words of their own read such a file as the city's (a wrong
    region); a title that only looks so (沂河东岸…) is refused, and the hint says how to
    mark the city's figures (a region column with 全市)."""
    found = _found(plan, f"{title}\n" + ROWS)
    assert [f.form for f in found] == ["title"]


def test_a_file_named_for_a_county_is_an_error(plan: Plan) -> None:
    """兰山区2017.csv with no region column is the error, naming the file."""
    found = _found(plan, ROWS, "兰山区2017.csv")
    assert [(f.form, f.params["region"]) for f in found] == [("file", "lanshan")]


def test_a_sheet_named_for_a_county_is_an_error(plan: Plan, tmp_path: Path) -> None:
    """A workbook whose sheet is named 罗庄区, with no region column, is the error."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "罗庄区"
    sheet.append(["指标代码", "期间", "数值"])
    sheet.append(["emp.new_urban_jobs", "2017", 9000])
    path = tmp_path / "2017.xlsx"
    book.save(path)
    read = read_path(path, PlanLookup(plan), today=TODAY)
    found = [f for f in read.findings if f.code == "region-outside-table"]
    assert [(f.form, f.params["region"]) for f in found] == [("sheet", "luozhuang")]


def test_ingest_refuses_a_county_file_with_no_region_column(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """ingest writes nothing: 兰山区's 12000 would be stored as the city's."""
    ingest_refuses(run, tmp_path, FIXTURE, "region-outside-table")


def test_a_city_file_with_no_region_column_is_read_as_the_city(plan: Plan) -> None:
    """临沂市2017年民生指标 over a file with no region column: the city's, no error."""
    assert _found(plan, "临沂市2017年民生指标,,\n" + ROWS, "临沂市-2017.csv") == []


def test_a_file_with_a_region_column_is_not_told(plan: Plan) -> None:
    """With a region column each row says its region: the file's name is not looked at."""
    text = "指标代码,期间,地区,数值\nemp.new_urban_jobs,2017,兰山区,12000\n"
    assert _found(plan, text, "兰山区2017.csv") == []


def test_a_latin_name_is_a_region_only_as_a_word(plan: Plan) -> None:
    """Lanshan-2017 names Lanshan; 'feint' does not name Fei County."""
    lookup = PlanLookup(plan)
    assert region_named(lookup, "Lanshan-2017") == "lanshan"
    assert region_named(lookup, "feint 2017") is None


def test_a_county_name_inside_the_city_s_name_is_not_a_county(plan: Plan) -> None:
    """临沂水务集团 holds 沂水 and 临沂南坊新区 沂南, each across the city's own name 临沂: no
    county; 临沂市沂水县 still names 沂水县."""
    lookup = PlanLookup(plan)
    assert region_named(lookup, "临沂水务集团2017年报表") is None
    assert region_named(lookup, "临沂南坊新区2017") is None
    assert region_named(lookup, "临沂市沂水县2017") == "yishui"


@given(st.text(max_size=30))
def test_any_text_names_a_region_or_none(plan: Plan, text: str) -> None:
    """Any text gives a region of the plan other than the city, or None; never raises."""
    found = region_named(PlanLookup(plan), text)
    assert found is None or found in {r.id for r in plan.regions if r.id != plan.city.id}


def test_blank_region_cells_of_a_county_named_file_are_one_error(plan: Plan) -> None:
    """兰山区2017.csv with a region column left blank on lines 2 and 4: those figures would
    be the city's — one error at line 2 naming both lines and the county, zh and en."""
    text = (
        "指标代码,期间,地区,数值\n"
        "emp.new_urban_jobs,2017,,12000\n"
        "pop.resident,2017,兰山区,1200000\n"
        "inc.urban_disposable,2017,,30000\n"
    )
    found = _found(plan, text, "兰山区2017.csv")
    assert [(f.line, f.form, f.params["count"], f.params["region"]) for f in found] == [
        (2, "blank", 2, "lanshan")
    ]
    named = with_names([found[0]], plan)[0]
    zh, en = render(named, "zh")[0], render(named, "en")[0]
    assert "2行的地区为空（第2、4行）" in zh and "文件名“兰山区2017”" in zh and "兰山区" in zh
    assert "2 rows have an empty region (lines 2, 4)" in en and "Lanshan District" in en


def test_blank_region_cells_of_a_county_sheet_are_an_error(plan: Plan, tmp_path: Path) -> None:
    """A sheet named 罗庄区 whose region cell is blank on a row: the error, form blank."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "罗庄区"
    sheet.append(["指标代码", "期间", "地区", "数值"])
    sheet.append(["emp.new_urban_jobs", "2017", None, 9000])
    path = tmp_path / "2017.xlsx"
    book.save(path)
    read = read_path(path, PlanLookup(plan), today=TODAY)
    found = [f for f in read.findings if f.code == "region-outside-table"]
    assert [(f.line, f.form, f.params["region"]) for f in found] == [(2, "blank", "luozhuang")]


def test_a_county_file_with_every_region_written_is_clean(plan: Plan) -> None:
    """兰山区2017.csv with 兰山区 on every row, or 全市 for the city's figure: no error."""
    text = (
        "指标代码,期间,地区,数值\n"
        "emp.new_urban_jobs,2017,兰山区,12000\n"
        "pop.resident,2017,全市,11000000\n"
    )
    assert _found(plan, text, "兰山区2017.csv") == []


def test_a_county_file_named_in_gbk_bytes_is_found_and_named_decoded(plan: Plan) -> None:
    """兰山区2017.csv unzipped from a Windows archive (its name GBK bytes): the county is
    found in the name, and the message shows the name decoded."""
    import os

    found = _found(plan, ROWS, os.fsdecode("兰山区2017".encode("gbk")) + ".csv")
    assert [(f.form, f.params["text"], f.params["region"]) for f in found] == [
        ("file", "兰山区2017", "lanshan")
    ]
