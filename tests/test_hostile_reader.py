"""How files and folders are read (issue 27): rows above the header, a header repeated,
workbooks' booleans, formulas, hidden and extra sheets, every file of the data folder
read or named, deep folders and outsized fields — a finding each, never a silent loss."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.actuals import records
from linyi_tracker.actuals.reader import FileRead, PlanLookup, read_bytes, read_path
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
TODAY = date(2026, 11, 28)
SUBMISSIONS = FIXTURES / "submissions"
HEADER = "指标代码,期间,地区,数值"
DATA = [
    "emp.new_urban_jobs,2016,兰山区,9800",
    "emp.new_urban_jobs,2017,兰山区,9900",
    "inc.urban_disposable,2016,兰山区,30000",
    "pov.registered_poor_population,2016,兰山区,100",
]


def make_workbook(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def findings_of(run: Run, path: Path, *args: str) -> list[dict[str, object]]:
    r = run("validate", str(path), "--no-store", "--format", "json", *args)
    assert r.exit_code in (0, 1), r.stderr
    found: list[dict[str, object]] = json.loads(r.stdout)["findings"]
    return found


def codes(findings: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(f["code"], f["line"]) for f in findings]


# ------------------------------------------------------------------ rows above the header


def test_data_sorted_above_the_header_is_one_error_for_the_file(run: Run, tmp_path: Path) -> None:
    """A file sorted A→Z with its header among the rows: its three data rows above it are
    one error (one cause), at the first, naming the three lines."""
    sub = tmp_path / "sorted.csv"
    sub.write_text("\n".join(sorted([HEADER.replace("指标代码", "indicator"), *DATA])) + "\n")
    found = findings_of(run, sub, "--lang", "en")
    assert codes(found) == [("data-above-header", 1)]
    assert "3 rows look like data above the header (line 4): lines 1, 2, 3" in str(
        found[0]["message"]
    )


def test_a_header_sorted_far_down_is_still_found(plan: Plan) -> None:
    """30 data rows sorted around the header (at line 21): the 20 above are one error
    counting them and naming the first five, the 10 below read — not the first row taken
    for a header."""
    rows = [f"emp.new_urban_jobs,{2000 + i % 20},兰山区,{9000 + i}" for i in range(30)]
    lines = [*rows[:20], HEADER, *rows[20:]]
    read = read_bytes(("\n".join(lines) + "\n").encode(), "x.csv", PlanLookup(plan), today=TODAY)
    (above,) = [f for f in read.findings if f.code == "data-above-header"]
    assert (above.line, above.params["count"], str(above.params["rows"])) == (1, 20, "1,2,3,4,5")
    assert "missing-column" not in [f.code for f in read.findings]


def test_a_sorted_file_is_not_ingested(run: Run, tmp_path: Path) -> None:
    """ingest refuses the sorted file (exit 1) instead of writing the rows below the header."""
    sub = tmp_path / "sorted.csv"
    sub.write_text("\n".join(sorted(["indicator,period,region,value", *DATA])) + "\n")
    data = tmp_path / "data"
    data.mkdir()
    r = run("ingest", str(sub), "--data", str(data))
    assert r.exit_code == 1
    assert not list(data.rglob("*.csv"))


def test_a_title_above_the_header_stays_a_notice(run: Run, tmp_path: Path) -> None:
    """A title and a 填报单位 line above the header are a notice only, the data read."""
    sub = tmp_path / "title.csv"
    sub.write_text(f"2017年兰山区民生指标报表\n填报单位：兰山区统计局,,,\n\n{HEADER}\n{DATA[0]}\n")
    assert codes(findings_of(run, sub)) == [("title-rows-skipped", 4)]


def test_a_header_repeated_mid_file_is_one_finding(run: Run, tmp_path: Path) -> None:
    """The header again below the data (in the other language, too) is one repeated-header
    error at its line, not three cell errors."""
    sub = tmp_path / "twice.csv"
    sub.write_text(f"{HEADER}\n{DATA[0]}\nindicator,period,region,value\n{DATA[1]}\n")
    assert codes(findings_of(run, sub)) == [("repeated-header", 3)]


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(len(DATA) + 1)))
def test_every_data_row_is_read_or_named_wherever_the_header_lands(
    plan: Plan, order: list[int]
) -> None:
    """Whatever the row order, each data line is an observation, an error's line or one
    of the lines the data-above-header error names."""
    lines = [HEADER, *DATA]
    text = "\n".join(lines[i] for i in order) + "\n"
    read = read_bytes(text.encode(), "x.csv", PlanLookup(plan), today=TODAY)
    header_line = order.index(0) + 1
    read_lines = {o.line for o in read.observations}
    error_lines = {f.line for f in read.findings if f.is_error}
    for f in read.findings:
        if f.code == "data-above-header":
            error_lines |= {int(n) for n in str(f.params["rows"]).split(",")}
    for n in range(1, len(order) + 1):
        if n != header_line:
            assert n in read_lines or n in error_lines, (n, read.findings)


# ------------------------------------------------------------------ every file read or named

CSV = "indicator,period,region,value\nemp.new_urban_jobs,2016,兰山区,9800\n"


def test_every_file_of_the_data_folder_is_read_or_named(plan: Plan, tmp_path: Path) -> None:
    """A .txt, a .tsv, a file without a type, a hidden file and folder and an Excel owner
    file are each a file-not-read warning naming them; an .xlsm is read."""
    folder = tmp_path / "data"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "x.csv").write_text(CSV)
    for name in ("a.txt", "b.tsv", "noext", ".h.csv", "~$book.xlsx", "c.pdf"):
        (folder / name).write_text(CSV)
    make_workbook(
        folder / "m.xlsm",
        [CSV.splitlines()[0].split(","), ["emp.new_urban_jobs", "2016", "兰山区", 9800]],
    )
    found = load_store(plan, folder, today=TODAY)
    named = sorted(
        (Path(f.file or "").name, f.form) for f in found.findings if f.code == "file-not-read"
    )
    assert named == [
        (".git", "hidden-folder"),
        (".h.csv", "hidden"),
        ("a.txt", "text"),
        ("b.tsv", "text"),
        ("c.pdf", ""),
        ("noext", "no-suffix"),
        ("~$book.xlsx", "office-lock"),
    ]
    assert [(o.file, o.value) for o in found.observations] == [(str(folder / "m.xlsm"), 9800)]


def test_a_link_to_nothing_is_named(plan: Plan, tmp_path: Path) -> None:
    """A link in the data folder to a file that is not there is a file-not-read warning."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "gone.csv").symlink_to(folder / "moved-away.csv")
    found = load_store(plan, folder, today=TODAY)
    assert [(f.code, f.form) for f in found.findings] == [("file-not-read", "broken-link")]


def test_the_tools_own_files_are_not_named(plan: Plan, tmp_path: Path) -> None:
    """ingest's lock and a temporary file left by a killed ingest are passed over in silence."""
    from linyi_tracker.intake.ingest import LOCK_NAME

    folder = tmp_path / "data"
    (folder / "ingested").mkdir(parents=True)
    (folder / LOCK_NAME).write_text("")
    (folder / "ingested" / ".tmp-k2j3.csv").write_text(CSV)
    (folder / "a.csv").write_text(CSV)
    found = load_store(plan, folder, today=TODAY)
    assert found.findings == []


def test_validate_folder_names_the_files_it_does_not_read(run: Run, tmp_path: Path) -> None:
    """validate FOLDER lists a .tsv beside the files it read, as a warning (exit 0)."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.csv").write_text(CSV)
    (folder / "b.tsv").write_text(CSV.replace(",", "\t"))
    for lang, said in (("en", "not read: a .tsv text file"), ("zh", "未读入：.tsv文本文件")):
        r = run("validate", str(folder), "--no-store", "--lang", lang, width=300)
        assert r.exit_code == 0 and said in r.stdout, r.stdout


def test_a_folder_a_thousand_deep_is_walked(run: Run, plan: Plan, tmp_path: Path) -> None:
    """A data folder 1,000 levels deep: its file is read, status and validate do not crash."""
    import os

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.csv").write_text(CSV)
    here = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(1000):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.csv").write_text(CSV.replace("2016", "2017"))
        os.chdir(here)
        found = load_store(plan, folder, today=TODAY)
        assert len(found.observations) == 2 and not found.findings
        assert run("validate", str(folder), "--no-store").exit_code == 0
        r = run("status", "--data", str(folder))
        assert r.exit_code == 0, r.stderr
    finally:
        _remove_chain(folder)
        os.chdir(here)


def _remove_chain(folder: Path) -> None:
    """Remove the chain of folders "d" below ``folder`` without recursion (pytest's and
    shutil's rmtree recurse, and overflow at this depth when tmp folders are cleaned)."""
    import os

    os.chdir(folder)
    depth = 0
    while os.path.isdir("d"):
        os.chdir("d")
        depth += 1
    for _ in range(depth):
        for name in os.listdir("."):
            os.unlink(name)
        os.chdir("..")
        os.rmdir("d")


def test_an_opendocument_spreadsheet_says_what_it_is(run: Run) -> None:
    """An .ods is named as an OpenDocument spreadsheet to save as .xlsx, not an encoding error."""
    found = findings_of(run, SUBMISSIONS / "opendocument.ods")
    assert [(f["code"], f["message"]) for f in found] == [
        (
            "unreadable-workbook",
            "cannot be opened: this is an OpenDocument spreadsheet "
            "(.ods, from WPS or LibreOffice), not an .xlsx",
        )
    ]


def test_a_password_protected_workbook_says_so(run: Run) -> None:
    """A workbook encrypted with a password (an OLE file, not a zip) is named as such."""
    r = run("validate", str(SUBMISSIONS / "password-protected.xlsx"), "--no-store", "--lang", "zh")
    assert r.exit_code == 1
    assert "工作簿设有打开密码" in r.stdout and "去掉密码" in r.stdout


# ------------------------------------------------------------------ workbooks


def read_fixture(plan: Plan, name: str, sheet: str | None = None) -> FileRead:
    return read_path(SUBMISSIONS / name, PlanLookup(plan), today=TODAY, sheet=sheet)


def test_a_true_cell_is_never_a_figure(plan: Plan) -> None:
    """Excel's TRUE in the value cell is a boolean-cell error and no observation (was 1 person)."""
    read = read_fixture(plan, "boolean-cell.xlsx")
    assert read.observations == []
    assert ("boolean-cell", 2, 4) in [(f.code, f.line, f.column_number) for f in read.findings]


def test_the_visible_sheet_is_read_not_a_hidden_first_one(plan: Plan) -> None:
    """A hidden first sheet (lists) is passed over for the first visible one, and named."""
    read = read_fixture(plan, "hidden-sheets.xlsx")
    assert read.sheet == "data"
    assert [(o.indicator, str(o.value)) for o in read.observations] == [
        ("emp.new_urban_jobs", "8800")
    ]
    assert [(f.code, f.params["sheets"]) for f in read.findings] == [("hidden-sheets", "'lists'")]


def test_a_formula_never_computed_is_named_at_its_cell(plan: Plan) -> None:
    """A formula with no cached result is an error at its cell showing the formula, not
    "the row has 3 cells"."""
    read = read_fixture(plan, "formula-without-value.xlsx")
    found = [(f.code, f.line, f.column_number) for f in read.findings]
    assert ("formula-without-value", 2, 4) in found
    assert "missing-cell" not in [f.code for f in read.findings] and read.observations == []


def test_a_formula_result_is_read_with_a_notice(plan: Plan) -> None:
    """A formula's saved result is read, with one notice naming the cell and the formula."""
    read = read_fixture(plan, "formula-value.xlsx")
    assert [str(o.value) for o in read.observations] == ["8800"]
    (notice,) = read.findings
    assert (notice.code, notice.params["cell"], notice.params["formula"]) == (
        "formula-value",
        "D2",
        "=8000+800",
    )


def test_a_cell_written_twice_is_an_error(plan: Plan) -> None:
    """Two <c r="D2"> in the sheet's XML: an error at D2 (openpyxl kept the last in silence)."""
    read = read_fixture(plan, "duplicate-cell.xlsx")
    assert [(f.code, f.params["cell"]) for f in read.findings] == [("duplicate-cell", "D2")]


def test_a_second_sheet_with_data_is_named(plan: Plan) -> None:
    """A second sheet holding rows is a sheets-not-read warning naming it; --sheet reads it."""
    read = read_fixture(plan, "sheets-not-read.xlsx")
    assert [(f.code, f.params["sheets"]) for f in read.findings] == [("sheets-not-read", "'2017'")]
    chosen = read_fixture(plan, "sheets-not-read.xlsx", sheet="2017")
    assert chosen.findings == [] and [o.period.text for o in chosen.observations] == ["2017"]


# ------------------------------------------------------------------ outsized lines and headers


def test_a_note_over_128_kib_is_read(run: Run, tmp_path: Path) -> None:
    """A 200 KiB note (past the csv module's 128 KiB field limit) is read, not a quoting error."""
    sub = tmp_path / "note.csv"
    sub.write_text(f'{HEADER},备注\n{DATA[0]},"{"说明" * 100_000}"\n', encoding="gb18030")
    assert codes(findings_of(run, sub)) == [("not-utf8", None)]


def test_a_line_past_the_limit_is_named_and_skipped(run: Run, plan: Plan, tmp_path: Path) -> None:
    """A line of 17 M characters is a csv-syntax too-long error at its line (never read
    whole); the rows after it are read at their own lines."""
    sub = tmp_path / "huge.csv"
    with sub.open("w", encoding="utf-8") as out:
        out.write(f"{HEADER},备注\n{DATA[0]},")
        out.write("y" * (records.MAX_LINE + (1 << 20)))
        out.write(f"\n{DATA[1]},ok\n")
    found = findings_of(run, sub, "--lang", "zh")
    assert [(f["code"], f["line"]) for f in found] == [("csv-syntax", 2)]
    assert "超过16M个字符" in str(found[0]["message"])
    read = read_path(sub, PlanLookup(plan), today=TODAY)
    assert [o.line for o in read.observations] == [3]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab,"\n\r 指', max_size=80))
def test_the_guarded_reader_gives_what_csv_gives(text: str) -> None:
    """Reading with the line guard (used for files with a very long line) gives the same
    records and lines as the csv module's own loop, for any text."""
    assert list(records.records(text, guarded=True)) == list(records.records(text))


def test_a_million_unknown_columns_give_one_finding_a_name_up_to_a_cap(
    run: Run, tmp_path: Path
) -> None:
    """5,001 unknown column names: 20 listed and one 'and 4,981 more'; a name repeated is one finding."""
    sub = tmp_path / "wide.csv"
    names = ",".join(f"c{i}" for i in range(5000))
    sub.write_text(f"{HEADER},x,x,x,{names}\n{DATA[0]}\n")
    found = [f for f in findings_of(run, sub) if f["code"] == "unknown-column"]
    assert len(found) == 21
    assert [f["column"] for f in found].count("x") == 1
    (more,) = [f for f in found if f["column"] is None]
    assert "4981 more column names" in str(more["message"])


def test_many_blank_header_cells_are_capped(run: Run, tmp_path: Path) -> None:
    """10,000 blank header cells before a named one: 20 blank-header errors and one 'and N more'."""
    sub = tmp_path / "blanks.csv"
    sub.write_text(f"{HEADER}{',' * 10_000}x\n{DATA[0]}\n")
    found = [f for f in findings_of(run, sub) if f["code"] == "blank-header"]
    assert len(found) == 21


def test_a_sheet_with_damaged_compressed_bytes_is_a_finding(run: Run, tmp_path: Path) -> None:
    """A sheet whose deflate stream is broken (zlib's 'invalid block type') is an
    unreadable-workbook finding, exit 1, not an internal error."""
    import zipfile

    book = make_workbook(tmp_path / "b.xlsx", [HEADER.split(","), DATA[0].split(",")])
    raw = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start] = 0xFF  # a deflate block of type 3, which does not exist
    book.write_bytes(bytes(raw))
    found = findings_of(run, book)
    assert [f["code"] for f in found] == ["unreadable-workbook"]


def test_ingest_of_a_folder_names_the_files_it_does_not_read(run: Run, tmp_path: Path) -> None:
    """ingest FOLDER stores the CSV and names the .tsv beside it as not read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.csv").write_text(CSV)
    (folder / "b.tsv").write_text(CSV.replace(",", "\t"))
    data = tmp_path / "data"
    r = run("ingest", str(folder), "--data", str(data), width=300)
    assert r.exit_code == 0, r.stderr
    assert "b.tsv" in r.stdout + r.stderr and "not read" in r.stdout + r.stderr
