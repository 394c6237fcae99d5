"""A data folder with errors ends with a tip naming the command that lists every finding,
written out so it runs as it stands (folder quoted, the plan named when validate would not
find it by itself)."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PLAN_FILE, Result

Run = Callable[..., Result]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "my data"
    folder.mkdir()
    rows = ["indicator,period,value"] + [f"emp.nope{i},2016,{i}" for i in range(25)]
    (folder / "x.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("with_plan", [False, True])
def test_the_tip_s_command_runs_as_given_and_lists_every_finding(
    run: Run, tmp_path: Path, with_plan: bool
) -> None:
    """status on a folder with 25 errors shows 20 and a tip; the tip's command, run as
    written, lists all 25."""
    _folder(tmp_path)
    args = ["status", "--data", "my data", "--lang", "en"]
    if with_plan:
        args += ["--plan", str(PLAN_FILE)]
    r = run(*args, width=80)
    assert r.exit_code == 1
    assert "the command in the tip below lists them all" in r.stderr
    tip = next(line for line in r.stderr.splitlines() if line.startswith("tip: run "))
    command = shlex.split(tip.removeprefix("tip: run ").removesuffix(" to list every finding"))
    assert command[:3] == ["linyi-tracker", "validate", "my data"]
    assert ("--plan" in command) == with_plan
    listed = run(*command[1:], "--lang", "en", width=200)
    assert listed.exit_code == 1
    assert listed.stdout.count("unknown-indicator") == 25


def test_a_refusal_without_a_tip_never_points_at_plan_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A data refusal with no tip (a store conflict) and more findings than shown says
    validate lists them all, not `plan check`, which is for a plan's findings."""
    import io

    from rich.console import Console

    from linyi_tracker.cli import app, output
    from linyi_tracker.errors import DataInvalidError, PlanInvalidError
    from linyi_tracker.findings import Finding, Severity

    out = io.StringIO()
    monkeypatch.setattr(output, "stderr", lambda: Console(file=out, width=400))
    found: list[object] = [
        Finding("invalid-number", Severity.ERROR, "x.csv", i) for i in range(2, 30)
    ]
    app._fail(DataInvalidError("refused", found), found, None)
    assert "validate --max-findings 0" in out.getvalue() and "plan check" not in out.getvalue()
    out.truncate(0)
    app._fail(PlanInvalidError("plan", found), found, None)
    assert "plan check" in out.getvalue()
