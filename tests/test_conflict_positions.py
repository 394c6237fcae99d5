"""A conflict in the data folder is named at one file:line:column whether validate or a
command reading the store (status, show, report, ingest) prints it (sweep 33 item 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Run = Callable[..., Result]
# the value column third, as a county's own layout has it: validate says :3
ROWS = (
    "指标代码,期间,数值,区县\n"
    "emp.new_urban_jobs,2016,9800,lanshan\n"
    "emp.new_urban_jobs,2016,9100,lanshan\n"
)


def _position(stdout: str) -> str:
    (line,) = [x for x in stdout.splitlines() if " conflicting-observation " in x]
    return line.split(" ", 1)[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder one file of which gives 2016 twice, 9800 and 9100."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "lanshan.csv").write_text(ROWS, encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "command",
    [
        ("status", "--data", "data"),
        ("show", "emp.new_urban_jobs", "--data", "data"),
        ("report", "2016", "--data", "data"),
    ],
)
def test_the_store_names_a_conflict_where_validate_does(
    run: Run, data: Path, lang: str, command: tuple[str, ...]
) -> None:
    """status/show/report name the conflict at validate's file:line:column (data/lanshan.csv:3:3:)."""
    validated = _position(run("validate", "data", "--lang", lang).stdout)
    assert validated == "data/lanshan.csv:3:3:"
    r = run(*command, "--lang", lang)
    assert _position(r.stdout + r.stderr) == validated


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ingest_into_a_folder_in_conflict_names_its_column(
    run: Run, data: Path, tmp_path: Path, lang: str
) -> None:
    """ingest refusing a folder in conflict names the conflict at data/lanshan.csv:3:3:."""
    (tmp_path / "new.csv").write_text(
        "indicator,period,region,value\nemp.new_urban_jobs,2017,lanshan,9000\n", encoding="utf-8"
    )
    r = run("ingest", "new.csv", "--data", "data", "--lang", lang)
    assert r.exit_code != 0
    assert _position(r.stdout + r.stderr) == "data/lanshan.csv:3:3:"
