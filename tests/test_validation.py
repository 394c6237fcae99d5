"""validate: one named fixture per catalogue code, each at its line and column."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import Finding
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import CATALOGUE, DATA_GROUPS, render
from linyi_tracker.validation.validator import validate

SUBMISSIONS = FIXTURES / "submissions"
STORE = FIXTURES / "store"
TODAY = date(2020, 3, 15)  # so that 2020-06 is in the future and inside the plan

# code: (fixture, line, column number); None where the finding is about the whole file
EXPECTED: dict[str, tuple[str, int | None, int | None]] = {
    "encoding-error": ("encoding-error.csv", 2, 35),
    "empty-file": ("empty-file.csv", 1, None),
    "missing-column": ("missing-column.csv", 1, None),
    "duplicate-column": ("duplicate-column.csv", 1, 4),
    "blank-header": ("blank-header.csv", 1, 3),
    "unknown-column": ("unknown-column.csv", 1, 4),
    "as-of-column-not-read": ("as-of-column-not-read.csv", 1, 5),
    "column-not-read": ("column-not-read.csv", 1, 3),
    "not-utf8": ("not-utf8.csv", None, None),
    "title-rows-skipped": ("title-rows-skipped.csv", 3, None),
    "region-outside-table": ("region-outside-table.csv", 2, None),
    "data-above-header": ("data-above-header.csv", 1, None),
    "note-row-skipped": ("note-row-skipped.csv", 3, 1),
    "unreadable-workbook": ("unreadable-workbook.xlsx", None, None),
    "unknown-sheet": ("unknown-sheet.xlsx", None, None),
    "sheets-not-read": ("sheets-not-read.xlsx", None, None),
    "hidden-sheets": ("hidden-sheets.xlsx", None, None),
    "csv-syntax": ("csv-syntax.csv", 2, None),
    "repeated-header": ("repeated-header.csv", 3, None),
    "extra-cell": ("extra-cell.csv", 2, 8),
    "missing-cell": ("missing-cell.csv", 2, 4),
    "blank-row": ("blank-row.csv", 3, None),
    "missing-value": ("missing-value.csv", 2, 4),
    "unknown-indicator": ("unknown-indicator.csv", 2, 1),
    "indicator-by-name": ("indicator-by-name.csv", 2, 1),
    "indicator-name-mismatch": ("indicator-name-mismatch.csv", 2, 2),
    "unknown-region": ("unknown-region.csv", 2, 3),
    "invalid-period": ("invalid-period.csv", 2, 2),
    "period-outside-plan": ("period-outside-plan.csv", 2, 2),
    "future-period": ("future-period.csv", 2, 2),
    "invalid-number": ("invalid-number.csv", 2, 4),
    "thousands-separator": ("thousands-separator.csv", 2, 4),
    "full-width-characters": ("full-width-characters.csv", 2, 4),
    "magnitude-suffix": ("magnitude-suffix.csv", 2, 4),
    "unit-mismatch": ("unit-mismatch.csv", 2, 5),
    "unit-converted": ("unit-converted.csv", 2, 5),
    "unit-derived": ("unit-derived.csv", 2, 5),
    "unit-in-value": ("unit-in-value.csv", 2, 4),
    "out-of-range": ("out-of-range.csv", 2, 4),
    "not-integer": ("not-integer.csv", 2, 4),
    "invalid-milestone-value": ("invalid-milestone-value.csv", 2, 4),
    "invalid-status-word": ("invalid-status-word.csv", 2, 4),
    "invalid-date": ("invalid-date.csv", 2, 4),
    "invalid-measure": ("invalid-measure.csv", 2, 5),
    "period-read-as-month": ("period-read-as-month.csv", 2, 2),
    "control-character": ("control-character.csv", 2, 6),
    "boolean-cell": ("boolean-cell.xlsx", 2, 4),
    "formula-value": ("formula-value.xlsx", 2, 4),
    "formula-without-value": ("formula-without-value.xlsx", 2, 4),
    "duplicate-cell": ("duplicate-cell.xlsx", 2, 4),
    "merged-cell": ("merged-cell.xlsx", 3, 3),
    "merged-note-cell": ("merged-note-cell.xlsx", 3, 6),
    "hidden-rows": ("hidden-rows.xlsx", 3, 1),
    "unit-outside-table": ("unit-outside-table.csv", 1, 1),
    "percent-read": ("percent-read.xlsx", 2, 4),
    "duplicate-observation": ("duplicate-observation.csv", 3, 4),
    "rounded-figure": ("rounded-figure.csv", 3, 4),
    "conflicting-observation": ("conflicting-observation.csv", 3, 4),
    "ytd-decreasing": ("ytd-decreasing.csv", 3, 4),
    "component-exceeds-total": ("component-exceeds-total.csv", 3, 4),
    "components-exceed-total": ("components-exceed-total.csv", 2, 4),
    "region-sum-mismatch": ("region-sum-mismatch.csv", 2, 4),
    "outlier": ("outlier.csv", 6, 4),
    "implausible-value": ("implausible-value.csv", 2, 4),
    "conflicts-with-store": ("conflicts-with-store.csv", 2, 4),
    "already-stored": ("already-stored.csv", 2, 4),
    "revises-store": ("revises-store.csv", 2, 4),
}
STORE_CODES = {"conflicts-with-store", "already-stored", "revises-store"}


# Codes only a plan in units with 万/亿 in their names makes (吨 against a 万吨 indicator).
PLAN_OF = {"unit-derived": FIXTURES / "extract" / "national-units-plan.yaml"}


def run_fixture(plan: Plan, code: str) -> list[Finding]:
    fixture = EXPECTED[code][0]
    plan = read_plan(PLAN_OF[code]) if code in PLAN_OF else plan
    store = load_store(plan, STORE) if code in STORE_CODES else None
    sheet = "Nope" if code == "unknown-sheet" else None
    report = validate(
        [str(SUBMISSIONS / fixture)],
        plan,
        store=store,
        today=TODAY,
        sheet=sheet,
        revise=code == "revises-store",
    )
    return report.findings


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_fixture_produces_its_code_at_its_position(plan: Plan, code: str) -> None:
    """Each catalogue case is caught in its named fixture, at the right line and column."""
    _, line, column = EXPECTED[code]
    found = [(f.line, f.column_number) for f in run_fixture(plan, code) if f.code == code]
    assert (line, column) in found, found


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_findings_have_the_catalogue_severity_and_a_message(plan: Plan, code: str) -> None:
    """Every finding's code is catalogued with its severity, and says something."""
    for f in run_fixture(plan, code):
        assert f.code in CATALOGUE, f.code
        assert f.severity is CATALOGUE[f.code].severity
        assert render(f, "en")[0] and f.file


# Codes a test makes without a fixture file of their own: a file the store cannot read,
# a file of the data folder it does not read (tests/test_hostile_reader.py), a figure the
# data folder has withdrawn (tests/test_withdrawn_agree.py: a store with a withdrawal).
NOT_FROM_A_FIXTURE = {"unreadable-file", "file-not-read", "withdrawn-figure"}


def test_every_catalogue_code_has_a_fixture() -> None:
    """No data-file code in the catalogue goes untested (plan codes: test_catalogue.py)."""
    data_codes = {c for c, e in CATALOGUE.items() if e.group in DATA_GROUPS}
    assert data_codes - NOT_FROM_A_FIXTURE == set(EXPECTED)


def test_a_store_file_that_cannot_be_read_is_a_finding(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data-folder file the system refuses to read is an unreadable-file error, not a crash."""
    import linyi_tracker.actuals.store as store_module

    (tmp_path / "a.csv").write_text("indicator,period,value\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module, "read_path", refuse)
    (finding,) = load_store(plan, tmp_path, cache_folder=None).findings
    assert (finding.code, finding.params["error"]) == ("unreadable-file", "Permission denied")


def test_every_fixture_file_is_used() -> None:
    """No fixture is orphaned (each is named in the expectations above or used elsewhere)."""
    used = {v[0] for v in EXPECTED.values()} | {
        "workbook-positions.xlsx",
        "old-format.xls",
        "indicator-by-alias.csv",
        "control-in-unread-column.csv",  # test_plausible.py
        "padded-free-text.csv",  # test_reader.py: the shortcut reads it as the careful path
        "opendocument.ods",  # test_hostile_reader.py: named for what it is
        "name-column-of-counties.csv",  # test_name_column_regions.py
        "password-protected.xlsx",  # test_hostile_reader.py: named for what it is
        "unit-note-below-blank-units.csv",  # test_unit_outside_table.py: form blank
    }
    assert {p.name for p in SUBMISSIONS.iterdir()} == used


@pytest.mark.parametrize("readme", ["README.md", "README.zh-CN.md"])
def test_every_code_is_documented(readme: str) -> None:
    """Both READMEs list every finding code."""
    text = (REPO / readme).read_text(encoding="utf-8")
    missing = [code for code in CATALOGUE if f"`{code}`" not in text]
    assert missing == []


def test_hints_name_the_closest_id(plan: Plan) -> None:
    """Unknown indicators and regions come with did-you-mean hints using names in zh and en."""
    (indicator,) = [
        f for f in run_fixture(plan, "unknown-indicator") if f.code == "unknown-indicator"
    ]
    assert render(indicator, "en")[1] == "did you mean 'New urban jobs (emp.new_urban_jobs)'?"
    (region,) = [f for f in run_fixture(plan, "unknown-region") if f.code == "unknown-region"]
    assert render(region, "en")[1] == "did you mean 'Lanshan District'?"


def test_conflict_names_both_lines(plan: Plan) -> None:
    """A conflicting observation's message points at the first line too."""
    (f,) = [
        f
        for f in run_fixture(plan, "conflicting-observation")
        if f.code == "conflicting-observation"
    ]
    assert "conflicting-observation.csv:2" in render(f, "en")[0]


def test_workbook_positions_are_sheet_rows_and_letters(plan: Plan) -> None:
    """In an .xlsx file, findings give the sheet, row and column letter; Excel dates read as months."""
    report = validate(
        [str(SUBMISSIONS / "workbook-positions.xlsx")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    locations = {f.code: f.location() for f in report.findings}
    assert locations["unknown-indicator"].endswith("workbook-positions.xlsx[县区报表]:3:A")
    assert locations["out-of-range"].endswith("[县区报表]:5:D")
    assert {str(o.period) for o in report.observations} == {"2016", "2017-09"}


def test_duplicate_codes_do_not_stop_the_scan(plan: Plan) -> None:
    """All findings are collected: a file with many problems reports them all."""
    report = validate([str(FIXTURES / "data" / "broken-rows.csv")], plan, store=None, today=TODAY)
    assert len([f for f in report.findings if f.is_error]) >= 14


# ------------------------------------------------------------------ the command


Run = Callable[..., Result]


def test_validate_json_contract(run: Run) -> None:
    """--format json prints files, findings and summary, and nothing else."""
    r = run(
        "validate", str(SUBMISSIONS / "unknown-indicator.csv"), "--format", "json", "--no-store"
    )
    assert r.exit_code == 1
    payload = json.loads(r.stdout)
    assert set(payload) >= {"files", "findings", "summary"}
    (file,) = payload["files"]
    assert set(file) >= {"path", "encoding", "rows", "valid"} and file["valid"] is False
    (finding,) = payload["findings"]
    assert set(finding) >= {"code", "severity", "file", "line", "column", "message", "hint"}
    assert (finding["code"], finding["line"], finding["column"]) == (
        "unknown-indicator",
        2,
        "indicator",
    )
    assert payload["summary"]["error"] == 1


def test_validate_clean_file_exits_0(run: Run) -> None:
    """A clean file (notices allowed) exits 0 and says so."""
    r = run("validate", str(SUBMISSIONS / "not-utf8.csv"), "--no-store")
    assert r.exit_code == 0 and "No errors or warnings in 1 file (1 row) (1 notice)." in r.stdout


def test_warnings_pass_unless_strict(run: Run) -> None:
    """Warnings alone exit 0; with --strict they exit 1."""
    fixture = str(SUBMISSIONS / "blank-row.csv")
    assert run("validate", fixture, "--no-store").exit_code == 0
    assert run("validate", fixture, "--no-store", "--strict").exit_code == 1


def test_text_output_is_compiler_style_with_a_summary(run: Run) -> None:
    """One line per finding, file:line:col first; a summary with correct plurals."""
    fixture = SUBMISSIONS / "unknown-indicator.csv"
    r = run("validate", str(fixture), "--no-store", width=60)
    assert (
        f"{fixture}:2:1: error unknown-indicator [indicator]: 'emp.new_jobs' is not an indicator"
        in r.stdout
    )
    assert "Found 1 error and 0 warnings in 1 file (1 row)." in r.stdout


def test_truncated_listing_says_so(run: Run) -> None:
    """--max-findings cuts the listing and the summary says how many were left out."""
    r = run(
        "validate", str(FIXTURES / "data" / "broken-rows.csv"), "--no-store", "--max-findings", "3"
    )
    assert len(re.findall(r"^\S+:\d+", r.stdout, re.M)) == 3
    assert re.search(r"Listed 3 of \d+ findings", r.stdout)


def test_folder_is_searched_recursively(run: Run, tmp_path: Path) -> None:
    """A folder argument validates every CSV below it."""
    nested = tmp_path / "in" / "2016"
    nested.mkdir(parents=True)
    (nested / "a.csv").write_text(
        "indicator,period,value\nemp.new_urban_jobs,2016,85000\n", encoding="utf-8"
    )
    (tmp_path / "in" / "b.csv").write_text(
        "indicator,period,value\nemp.new_jobs,2016,1\n", encoding="utf-8"
    )
    r = run("validate", str(tmp_path / "in"), "--format", "json", "--no-store")
    assert len(json.loads(r.stdout)["files"]) == 2 and r.exit_code == 1


def test_standard_input(run: Run) -> None:
    """'-' reads the submission from standard input."""
    runner_input = "indicator,period,value\nemp.new_urban_jobs,2016,85000\n"
    from typer.testing import CliRunner

    from linyi_tracker.cli.app import app

    result = CliRunner().invoke(
        app, ["validate", "-", "--no-store", "--format", "json"], input=runner_input
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"


def test_missing_file_exits_2(run: Run) -> None:
    """A file that is not there: a message, exit 2, no traceback."""
    r = run("validate", "no-such.csv")
    assert r.exit_code == 2 and "no such file or folder: no-such.csv" in r.stderr


def test_store_comparison_uses_the_data_folder(run: Run) -> None:
    """With --data, a figure that differs from the stored one is an error; --no-store skips it."""
    fixture = str(SUBMISSIONS / "conflicts-with-store.csv")
    assert run("validate", fixture, "--data", str(STORE)).exit_code == 1
    assert run("validate", fixture, "--data", str(STORE), "--no-store").exit_code == 0


def test_a_file_inside_the_store_is_not_compared_with_itself(run: Run) -> None:
    """Validating the data folder itself reports no already-stored noise."""
    r = run("validate", str(STORE), "--data", str(STORE), "--format", "json")
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == []


def test_validate_speaks_chinese(run: Run) -> None:
    """--lang zh gives Chinese messages, hints, severity words and summary; codes stay stable."""
    r = run("validate", str(SUBMISSIONS / "unknown-indicator.csv"), "--no-store", "--lang", "zh")
    assert r.exit_code == 1
    assert (
        "错误 unknown-indicator [indicator]: “emp.new_jobs”不是规划中的指标 — 是否应为“城镇新增就业人数（emp.new_urban_jobs）”？"
        in r.stdout
    )
    assert "1个文件（1行）中发现1个错误、0个警告。" in r.stdout


def test_validate_json_in_chinese_keeps_the_contract(run: Run) -> None:
    """JSON with --lang zh has the same keys and codes, messages in Chinese."""
    r = run(
        "validate",
        str(SUBMISSIONS / "magnitude-suffix.csv"),
        "--no-store",
        "--lang",
        "zh",
        "--format",
        "json",
    )
    (finding,) = json.loads(r.stdout)["findings"]
    assert (
        finding["code"] == "magnitude-suffix"
        and finding["message"]
        == "1个数字带“万”或“亿”，已换算（第2行：“0.98万”读作9800，万＝10000）"
    )


def test_language_from_the_environment(run: Run) -> None:
    """LINYI_TRACKER_LANG=zh works for validate as for every command."""
    r = run(
        "validate",
        str(SUBMISSIONS / "blank-row.csv"),
        "--no-store",
        env={"LINYI_TRACKER_LANG": "zh"},
    )
    assert "空行，已跳过" in r.stdout


def test_old_excel_format_is_named(plan: Plan) -> None:
    """An .xls file is not read as text: the clerk is told to save it as .xlsx or CSV."""
    (finding,) = validate(
        [str(SUBMISSIONS / "old-format.xls")], plan, store=None, today=TODAY
    ).findings
    message, hint = render(finding, "en")
    assert finding.code == "unreadable-workbook" and ".xls is the old Excel format" in message
    assert hint is not None and ".xlsx" in hint


def test_many_regions_do_not_collide(tmp_path: Path) -> None:
    """With 300 regions, regions 1 and 257 stay distinct keys (no false duplicate or conflict)."""
    from linyi_tracker.plan.loader import read_plan

    regions = "\n".join(
        f"  - {{id: r{i}, level: county, name: {{zh: 县{i}, en: County {i}}}}}"
        for i in range(1, 300)
    )
    plan_text = (
        (FIXTURES / "plans" / "minimal.yaml")
        .read_text(encoding="utf-8")
        .replace("  - {id: east, level: county, name: {zh: 东县, en: East County}}", regions)
    )
    (tmp_path / "plan.yaml").write_text(plan_text, encoding="utf-8")
    big = read_plan(tmp_path / "plan.yaml")
    data = tmp_path / "sub.csv"
    data.write_text(
        "indicator,period,region,value\njobs.new,2016,r1,100\njobs.new,2016,r257,200\n"
        "jobs.new,2016,r257,200\n",
        encoding="utf-8",
    )
    report = validate([str(data)], big, store=None, today=TODAY)
    assert [(f.code, f.line) for f in report.findings] == [("duplicate-observation", 4)]


@pytest.mark.parametrize(
    "path",
    sorted([*(FIXTURES / "submissions").glob("*.csv"), *(REPO / "examples").rglob("*.csv")]),
    ids=lambda p: p.name,
)
def test_rows_handed_over_as_numbers_give_the_same_findings(
    plan: Plan, path: Path, tmp_path: Path
) -> None:
    """Validation takes plain-number rows from the reader as fields, not Observations
    (when it keeps no observations); the findings must be the same as with Observations.
    Each file is read twice over, so its second half takes the reader's shortcuts."""
    doubled = tmp_path / path.name
    doubled.write_bytes(path.read_bytes() + b"\n" + path.read_bytes())
    store = load_store(plan, STORE, today=TODAY)
    as_fields = validate([str(doubled)], plan, store=store, today=TODAY)
    as_objects = validate([str(doubled)], plan, store=store, today=TODAY, keep_observations=True)
    assert as_fields.findings == as_objects.findings
    assert as_fields.files == as_objects.files


def test_a_dated_revision_on_a_row_of_known_texts_is_not_a_conflict(
    plan: Plan, tmp_path: Path
) -> None:
    """The third row repeats texts seen above (so the reader takes its shortcut) and
    revises the first with a later as_of: a revision, not a conflict."""
    path = tmp_path / "revised.csv"
    path.write_text(
        "indicator,period,region,value,unit,as_of\n"
        "emp.new_urban_jobs,2016,lanshan,9800,人,2017-01-10\n"
        "emp.new_urban_jobs,2017,lanshan,9700,人,2018-01-10\n"
        "emp.new_urban_jobs,2016,lanshan,9900,人,2018-01-10\n",
        encoding="utf-8",
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert [f.code for f in report.findings if f.is_error] == []
    kept = validate([str(path)], plan, store=None, today=TODAY, keep_observations=True)
    assert [str(o.value) for o in kept.observations if o.period.text == "2016"] == ["9900"]


def test_an_indicator_alias_of_the_plan_is_resolved_like_its_name(plan: Plan) -> None:
    """`城镇新增就业` (an `aliases:` entry of emp.new_urban_jobs) reads as that indicator,
    with the indicator-by-name notice: validate and extract know the same names."""
    report = validate([str(FIXTURES / "submissions" / "indicator-by-alias.csv")], plan, store=None)
    assert [(f.code, f.severity.value) for f in report.findings] == [
        ("indicator-by-name", "notice")
    ]


def test_fifteen_digit_figures_one_apart_conflict_through_the_row_shortcut(
    plan: Plan, tmp_path: Path
) -> None:
    """Rows 4 and 5 hold only texts seen above (so the shortcut reads both) and one key,
    with figures of 15 digits one unit apart: a conflict, not a duplicate."""
    path = tmp_path / "long.csv"
    path.write_text(
        "indicator,period,region,value,unit\n"
        "pop.resident,2016,luozhuang,1000,人\n"
        "pop.resident,2015,lanshan,1000,人\n"
        "pop.resident,2016,lanshan,123456789012345,人\n"
        "pop.resident,2016,lanshan,123456789012346,人\n",
        encoding="utf-8",
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert "conflicting-observation" in {f.code for f in report.findings}
