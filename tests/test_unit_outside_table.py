"""A unit stated outside the table (单位：万元 in the title, a note below) in a file with no
unit column: the figures were read in the plan's units (3.6 万元 stored as 3.6 元)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, Result, ingest_refuses
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.actuals.unit_line import stated_unit
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

TODAY = date(2026, 11, 28)
FIXTURE = FIXTURES / "submissions" / "unit-outside-table.csv"
ROWS = "指标代码,期间,地区,数值\ninc.urban_disposable,2017,,3.6\n"


def _found(plan: Plan, text: str) -> list[Finding]:
    read = read_bytes(text.encode(), "f.csv", PlanLookup(plan), today=TODAY)
    return [f for f in read.findings if f.code == "unit-outside-table"]


def test_a_unit_in_the_title_is_an_error_at_its_cell(plan: Plan) -> None:
    """（单位：万元） in the title above a table with no unit column is an error at A1."""
    found = _found(plan, FIXTURE.read_text(encoding="utf-8"))
    assert [(f.line, f.column_number, f.params["unit"]) for f in found] == [(1, 1, "万元")]


def test_ingest_refuses_figures_under_a_unit_in_the_title(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """ingest writes nothing: 3.6 would be stored as 3.6 元, not 36000."""
    ingest_refuses(run, tmp_path, FIXTURE, "unit-outside-table")


def test_a_unit_line_of_its_own_above_the_header_is_an_error(plan: Plan) -> None:
    """金额单位：万元 on a line of its own above the header is the same error."""
    assert len(_found(plan, "金额单位：万元,,,\n" + ROWS)) == 1


def test_a_note_below_the_table_stating_the_unit_is_an_error(plan: Plan) -> None:
    """注：单位为万元 below the table is the error, not a note skipped."""
    found = _found(plan, ROWS + "注：单位为万元\n")
    assert [(f.line, f.params["unit"]) for f in found] == [(3, "万元")]


def test_the_reporting_office_is_not_a_unit(plan: Plan) -> None:
    """填报单位：兰山区人社局 above the header (the sign-off) is no unit."""
    assert _found(plan, "填报单位：兰山区人社局,,,\n" + ROWS) == []


def test_a_unit_the_figures_are_already_in_is_not_an_error(plan: Plan) -> None:
    """单位：元 (the plan's own unit) reads the figures as they are: no error."""
    assert _found(plan, "单位：元,,,\n" + ROWS) == []


def test_a_file_with_a_unit_column_is_not_told(plan: Plan) -> None:
    """With a unit column each figure says its own unit: the title's is not an error."""
    text = "单位：万元,,,,\n指标代码,期间,地区,数值,单位\ninc.urban_disposable,2017,,3.6,万元\n"
    assert _found(plan, text) == []


@given(st.text(max_size=40))
def test_any_cell_gives_a_unit_or_none(plan: Plan, text: str) -> None:
    """Any text in a title cell gives a stated unit or None, never an exception."""
    found = stated_unit([text, "单位：" + text], plan)
    assert found is None or found[0] in (0, 1)


@given(
    st.sampled_from(["万人", "万元", "万平方米", "万户", "万套"]),
    st.sampled_from(["（", "(", " ", "，", "："]),
)
def test_every_magnified_unit_of_the_plan_is_read_from_a_title(
    plan: Plan, unit: str, before: str
) -> None:
    """A magnified unit of the plan after 单位： in a title is stated, whatever precedes it."""
    found = stated_unit([f"2017年民生指标{before}单位：{unit}"], plan)
    assert found is not None and found[2] == unit


@pytest.mark.parametrize(
    "line",
    [
        "金额单位：人民币万元",
        "单位：万元人民币",
        "单位：万元（人民币）",
        "单位为：万元",
        "表中金额单位为万元",
        "注：表中单位为万元",
        "2017年城镇居民收入 单位(万元)",
    ],
)
def test_a_unit_written_as_offices_write_it_is_stated(plan: Plan, line: str) -> None:
    """万元 with 人民币 around it, after 单位为：, after words run on into 单位 (表中金额单位为)
    or in brackets after 单位: each is 万元 stated, not a title skipped (3.6 read as 3.6 元)."""
    assert [f.params["unit"] for f in _found(plan, f"{line},,,\n" + ROWS)] == ["万元"]


def test_a_title_s_unit_over_blank_unit_cells_is_an_error(plan: Plan) -> None:
    """（单位：万人） in the title and a unit column left blank on the jobs row: 12 would be
    12 persons — one error at that row (count, lines, the title), zh and en; a row whose
    unit is written (1100 万人) and a percent row left blank are not counted."""
    text = (
        "临沂市2017年就业情况（单位：万人）,,,\n"
        "指标代码,期间,数值,单位\n"
        "emp.new_urban_jobs,2017,12,\n"
        "pop.resident,2017,1100,万人\n"
        "pov.incidence,2017,1.2,\n"
    )
    found = _found(plan, text)
    assert [(f.line, f.form, f.params["count"], f.params["unit"]) for f in found] == [
        (3, "blank", 1, "万人")
    ]
    zh, en = render(found[0], "zh"), render(found[0], "en")
    assert "1行的单位为空（第3行）" in zh[0] and "单位：万人" in zh[0] and "万人" in (zh[1] or "")
    assert "1 row has no unit (line 3)" in en[0] and "万人" in (en[1] or "")


def test_a_note_below_the_table_over_blank_unit_cells_is_an_error(plan: Plan) -> None:
    """注：单位为万人 below a table whose unit column is blank on the two jobs rows: 12 and 9
    would be persons — one error at line 2 naming lines 2 and 3 and the note; the row
    with its unit written (120 万人) is not counted."""
    text = (FIXTURES / "submissions" / "unit-note-below-blank-units.csv").read_text("utf-8")
    found = _found(plan, text)
    assert [(f.line, f.form, f.params["count"], str(f.params["rows"])) for f in found] == [
        (2, "blank", 2, "2,3")
    ]
    assert found[0].params["text"] == "注：单位为万人"


def test_a_note_below_over_a_unit_column_filled_in_is_clean(plan: Plan) -> None:
    """注：单位为万人 below a unit column filled on every row: no error."""
    text = "指标代码,期间,数值,单位\nemp.new_urban_jobs,2017,1.2,万人\n注：单位为万人,,,\n"
    assert _found(plan, text) == []


def test_a_unit_above_and_a_note_below_are_one_error(plan: Plan) -> None:
    """（单位：万人） in the title and 注：单位为万人 below, one jobs row left blank: one
    error (the title's), not a second for the note."""
    text = (
        "（单位：万人）,,,\n指标代码,期间,数值,单位\nemp.new_urban_jobs,2017,12,\n"
        "注：单位为万人,,,\n"
    )
    assert [(f.line, f.params["text"]) for f in _found(plan, text)] == [(3, "（单位：万人）")]


def test_a_title_s_unit_over_a_unit_column_filled_in_is_clean(plan: Plan) -> None:
    """（单位：万人） in the title over a unit column filled on every row: no error."""
    text = "（单位：万人）,,,\n指标代码,期间,数值,单位\nemp.new_urban_jobs,2017,1.2,万人\n"
    assert _found(plan, text) == []
