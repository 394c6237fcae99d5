"""What `status` loads at start-up: only what it draws (bench/run.py measures the time;
no test here is timed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import REPO, modules_loaded
from linyi_tracker.cli.app import COMMANDS, _for_run, app


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
