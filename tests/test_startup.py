"""What `status` does at start-up: it leaves the finding texts unloaded, builds only the
command it runs, and lays out each column once (bench/run.py measures the time; no test
here is timed). Other modules kept out of `status` are checked where they are lazily
loaded (test_national_units.py: OpenCC and pypinyin; test_cache.py: the cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import REPO, modules_loaded
from linyi_tracker.cli.app import COMMANDS, _for_run, app
from linyi_tracker.cli.render import fit


def test_status_does_not_load_the_finding_texts(tmp_path: Path) -> None:
    """`status` on a plan and data without findings never loads the finding texts."""
    assert "linyi_tracker.texts.findings" not in modules_loaded("status", cwd=tmp_path)


def _registered(application: typer.Typer) -> list[str]:
    return [c.name or "" for c in application.registered_commands]


@pytest.mark.parametrize(
    "args",
    [["status"], ["--lang", "zh", "status", "--format", "json"], ["--debug", "show", "x"]],
)
def test_a_run_naming_a_command_builds_that_command_alone(args: list[str]) -> None:
    """A run that names a command builds only it (Typer reads every command's signature
    before it parses a word)."""
    application = _for_run(args)
    assert _registered(application) == [next(a for a in args if a in dict(COMMANDS))]
    assert application.registered_groups == []


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        ["plan", "check"],
        ["stauts"],
        ["--lang"],
        ["--bogus", "status"],
    ],
)
def test_a_run_naming_no_command_gets_the_whole_application(args: list[str]) -> None:
    """Help, the version, the plan group, a mistyped or a missing name: every command."""
    assert _for_run(args) is app


_MAIN = "import sys; sys.argv[0] = 'linyi-tracker'\nfrom linyi_tracker.cli.app import {}\n{}()\n"


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["--lang", "zh", "status", "--region", "all"],
        ["status", "--format", "json", "--lang", "en"],
        ["status", "--bogus"],
        ["status", "--as-of", "2017-13"],
        ["status", "--help"],
        ["show", "emp.new_urban_jobs", "--lang", "en"],
        ["validate"],
        ["--debug", "template", "--period", "2019"],
    ],
)
def test_one_command_built_answers_as_the_whole_application(
    tmp_path: Path, args: list[str]
) -> None:
    """main() with the named command alone prints, says and exits as the whole application."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", "COLUMNS": "100"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", _MAIN.format(entry, entry), *args],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            check=False,
        )
        for entry in ("main", "app")
    ]
    one, whole = ((r.returncode, r.stdout, r.stderr) for r in runs)
    assert one == whole


@pytest.mark.parametrize("width", [120, 30])
def test_the_layout_measures_each_column_once(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """fit() measures a column's narrowest width once, again only for a column that lost
    its ids (a name's width for its lines wraps it at every width tried)."""
    columns = [
        fit.Column("name", "Indicator", mode="name", lines=3),
        fit.Column("status", "Status"),
    ]
    for n in range(3):
        name = f"城镇新增就业人数 employment number {n}"
        named = [fit.para(name, mode="name"), fit.para(f"emp.new_urban_jobs_{n}", mode="id")]
        fit.add_row(columns, [named, [fit.para("正常推进", mode="whole")]])
    measured: list[str] = []
    minimum = fit.Column.minimum

    def counted(self: fit.Column) -> int:
        measured.append(self.key)
        return minimum(self)

    monkeypatch.setattr(fit.Column, "minimum", counted)
    kept, dropped, _, _ = fit.fit(columns, width)
    lost = [c.key for c in kept if c.has_ids() != (c.key == "name")]
    assert sorted(measured) == sorted(["name", "status", *lost])
    assert bool(dropped) == (width == 30)  # the ids left out, the name measured again
