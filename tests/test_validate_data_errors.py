"""validate says when the data folder it compared with has errors of its own: ingest
refuses every file until they are fixed, so a clean submission is not yet one that can
be ingested (the sweep found validate saying "no errors" and ingest refusing)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, PLAN_FILE, Result

Run = Callable[..., Result]
CLEAN = "indicator,period,region,value\nemp.new_urban_jobs,2016,lanshan,6455\n"
CONFLICT = "indicator,period,region,value,source\nemp.new_urban_jobs,2019,lanshan,13100,wrong\n"


def _folder(tmp_path: Path, *, broken: bool) -> Path:
    data = tmp_path / "data"
    for source in DEMO.rglob("*.csv"):
        target = data / source.relative_to(DEMO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    if broken:  # a second figure for lanshan 2019: conflicting-observation in the store
        (data / "regions" / "extra.csv").write_text(CONFLICT, encoding="utf-8")
    (tmp_path / "sub.csv").write_text(CLEAN, encoding="utf-8")
    return data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_names_the_data_folders_own_errors(run: Run, tmp_path: Path, lang: str) -> None:
    """A clean file against a folder with an error: exit 0, and a note that ingest will refuse."""
    _folder(tmp_path, broken=True)
    r = run("validate", "sub.csv", "--data", "data", "--lang", lang)
    said = "本身有1个错误" if lang == "zh" else "has 1 error of its own"
    assert r.exit_code == 0 and said in r.stdout, r.stdout


def test_validate_json_gives_the_data_folders_error_count(run: Run, tmp_path: Path) -> None:
    """--format json carries data_folder.errors beside the submission's own findings."""
    _folder(tmp_path, broken=True)
    r = run("validate", "sub.csv", "--data", "data", "--format", "json")
    assert json.loads(r.stdout)["data_folder"] == {"path": "data", "errors": 1}


def test_validate_says_nothing_of_a_clean_data_folder(run: Run, tmp_path: Path) -> None:
    """A folder without errors adds no note (and JSON says 0)."""
    _folder(tmp_path, broken=False)
    r = run("validate", "sub.csv", "--data", "data", "--lang", "en")
    assert r.exit_code == 0 and "of its own" not in r.stdout
    r = run("validate", "sub.csv", "--data", "data", "--format", "json")
    assert json.loads(r.stdout)["data_folder"]["errors"] == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_note_gives_the_command_ingests_tip_gives(run: Run, tmp_path: Path, lang: str) -> None:
    """The note's command runs as it stands, as ingest's tip does (one rule for both): the
    folder quoted when it has a space, the plan named when validate would not find it."""
    data = _folder(tmp_path, broken=True).rename(tmp_path / "my data")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "p.yaml").write_bytes(PLAN_FILE.read_bytes())
    args = ("sub.csv", "--data", data.name, "--plan", "plans/p.yaml", "--lang", lang)
    tip = run("ingest", *args).stderr.replace("\n", " ")
    command = "linyi-tracker validate 'my data' --plan plans/p.yaml --max-findings 0"
    assert command in tip
    note = run("validate", *args).stdout.replace("\n", " ")
    assert command in note
