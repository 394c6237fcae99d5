"""Notes below a table (注：…, 制表人：… 审核人：…): one notice each, never read as data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals.reader import FileRead, PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
NOTES = FIXTURES / "notes"
HEADER = "指标,地区,期间,数值,单位,来源,备注"
TODAY = date(2026, 11, 28)
ROW = "城镇新增就业人数,兰山区,2016,6455,人,人社局,"


def read(plan: Plan, text: str, name: str = "t.csv") -> FileRead:
    return read_bytes(text.encode("utf-8"), name, PlanLookup(plan), today=TODAY)


def codes(got: FileRead) -> list[tuple[str, int | None, int | None]]:
    return [
        (f.code, f.line, f.column_number) for f in got.findings if f.code != "indicator-by-name"
    ]


def test_a_gb18030_file_with_notes_below_gets_one_notice_a_note(plan: Plan) -> None:
    """Each note row of an office's GB18030 file is one notice at its line, the figure read."""
    path = NOTES / "notes-below-table.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    found = codes(got)
    assert ("blank-row", 3, None) in found
    notes = [f for f in found if f[0] == "note-row-skipped"]
    assert notes == [
        ("note-row-skipped", 4, 1),
        ("note-row-skipped", 5, 1),
        ("note-row-skipped", 6, 1),
        ("note-row-skipped", 7, 1),
    ]
    assert not [f for f in got.findings if f.severity.value == "error"]
    assert [str(o.value) for o in got.observations] == ["6455"]


def test_a_sign_off_row_in_the_value_column_is_a_note(plan: Plan) -> None:
    """审核人：李四 under 数值 is a note, not an invalid number."""
    got = read(plan, f"{HEADER}\n{ROW}\n制表人：张三,,,审核人：李四,,,\n")
    assert codes(got) == [("note-row-skipped", 3, 1)]


def test_a_row_with_a_figure_is_never_a_note(plan: Plan) -> None:
    """A row starting 注 with a figure in it is read as data and its errors named."""
    got = read(plan, f"{HEADER}\n{ROW}\n注：补报,,,1200,,,\n")
    assert "note-row-skipped" not in {c for c, _, _ in codes(got)}
    assert ("unknown-indicator", 3, 1) in codes(got)


def test_an_indicator_alone_is_a_row_missing_cells_not_a_note(plan: Plan) -> None:
    """A plan indicator in the first cell with the rest blank is a data row missing its cells."""
    got = read(plan, f"{HEADER}\n{ROW}\n城镇新增就业人数,,,,,,\n")
    assert "note-row-skipped" not in {c for c, _, _ in codes(got)}
    assert any(f.severity.value == "error" for f in got.findings)


def test_a_note_in_a_workbook_row_shorter_than_the_header(plan: Plan, tmp_path: Path) -> None:
    """A workbook note row (one cell, merged across) is a note, not a missing-cell error."""
    import openpyxl

    from linyi_tracker.actuals.reader import read_path

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(["城镇新增就业人数", "兰山区", "2016", 6455, "人", "人社局"])
    sheet.append(["注：以上数据为快报数，以年报为准。"])
    sheet.merge_cells("A3:G3")
    sheet.append(["制表人：张三     审核人：李四"])
    path = tmp_path / "notes.xlsx"
    book.save(path)
    got = read_path(path, PlanLookup(plan), today=TODAY)
    assert codes(got) == [("note-row-skipped", 3, 1), ("note-row-skipped", 4, 1)]


def test_validate_exits_zero_on_notes_below_the_table(run: Run) -> None:
    """validate reads a file with notes below it as clean (exit 0) and names each note."""
    r = run("validate", str(NOTES / "notes-below-table.csv"), "--no-store", "--lang", "zh")
    assert r.exit_code == 0, r.stdout
    assert r.stdout.count("note-row-skipped") == 4


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.sampled_from(["注：", "说明：", "备注：", "制表人：", "审核人：", "填表人："]),
    figure=st.integers(min_value=0, max_value=10**7),
    column=st.integers(min_value=1, max_value=6),
)
def test_a_figure_in_any_cell_keeps_a_row_from_being_a_note(
    plan: Plan, prefix: str, figure: int, column: int
) -> None:
    """Whatever the note's words, a row holding a figure outside them is never a note."""
    cells = [f"{prefix}张三", "", "", "", "", "", ""]
    cells[column] = str(figure)
    got = read(plan, f"{HEADER}\n{ROW}\n{','.join(cells)}\n")
    assert "note-row-skipped" not in {c for c, _, _ in codes(got)}


def test_the_templates_sign_off_written_below_the_table_is_a_note(plan: Plan) -> None:
    """The sign-off line in the template's own words (填报单位：… 填报日期：…), written below
    the table as many forms have it, is a note, not four errors a row."""
    sign = "填报单位：兰山区统计局,,填报人：张三,,审核人：李四,,填报日期：2017-01-05"
    got = read(plan, f"{HEADER}\n{ROW}\n{sign}\n单位负责人：王五,,,,,,填报日期：2017-01-05\n")
    assert codes(got) == [("note-row-skipped", 3, 1), ("note-row-skipped", 4, 1)]
    assert [str(o.value) for o in got.observations] == ["6455"]


def test_a_final_ctrl_z_is_an_end_of_file_mark_not_a_note(plan: Plan) -> None:
    """Ctrl-Z (0x1A), which old Windows tools write after the last line, is no row: no
    note-row-skipped, and on the last line's own end no control-character or unknown-region."""
    for text in (
        f"{HEADER}\r\n{ROW}\r\n\x1a",
        f"{HEADER}\n城镇新增就业人数,兰山区,2016,6455,人\x1a",
    ):
        got = read(plan, text)
        assert codes(got) == []
        assert [o.value for o in got.observations] == [6455]


def test_a_ctrl_z_amid_the_file_is_still_told(plan: Plan) -> None:
    """A 0x1A that does not end the file is no end-of-file mark: the cell keeps its warning."""
    got = read(plan, f"{HEADER}\n城镇新增就业人数,兰山区,2016,6455,人,人社局\x1a,\n")
    assert [c[0] for c in codes(got)] == ["control-character"]
