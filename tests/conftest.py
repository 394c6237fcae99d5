"""Shared fixtures: the repository's files, a CLI runner that shows its output on
failure, small stores built from CSV text, and the --update-golden flag."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.actuals.store import Store, reconcile
from linyi_tracker.cli.app import app
from linyi_tracker.findings import Finding
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = REPO / "examples" / "demo"
PLAN_FILE = REPO / "data" / "plan.yaml"
TODAY = date(2026, 11, 28)


def bench_module(name: str) -> ModuleType:
    """A script of bench/ (store, generate, county, plain_loop) loaded as a module, for the
    tests that build the bench's shapes."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def modules_loaded(*args: str, cwd: Path) -> list[str]:
    """The modules a fresh interpreter holds after ``linyi-tracker ARGS`` run from ``cwd``
    (the checkout's code, whatever is installed): what a command must not load at start-up."""
    code = (
        "import json, sys\nfrom linyi_tracker.cli.app import main\n"
        "sys.argv = ['linyi-tracker', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def plan() -> Plan:
    return read_plan(PLAN_FILE)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., Result]]:
    """Run the CLI from an empty directory with a clean environment; show output on failure."""
    monkeypatch.chdir(tmp_path)
    for var in (
        "LINYI_TRACKER_PLAN",
        "LINYI_TRACKER_DATA",
        "LINYI_TRACKER_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ):
        monkeypatch.delenv(var, raising=False)
    # The store cache is tested on its own (test_cache.py); elsewhere it stays off.
    monkeypatch.setenv("LINYI_TRACKER_CACHE", "off")

    def invoke(*args: str, env: dict[str, str] | None = None, width: int = 120) -> Result:
        runner = CliRunner()
        environment = {"COLUMNS": str(width), "NO_COLOR": "1", **(env or {})}
        result = runner.invoke(app, list(args), env=environment, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(
                f"the CLI raised {result.exception!r}\nstderr:\n{result.stderr}"
            ) from result.exception
        print(
            f"$ linyi-tracker {' '.join(args)}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    yield invoke


def ingest_refuses(run: Callable[..., Result], tmp_path: Path, path: Path, code: str) -> None:
    """``ingest`` of ``path`` exits 1 telling ``code`` and writes no file to the data folder."""
    data = tmp_path / "data"
    data.mkdir()
    result = run("--lang", "en", "ingest", str(path), "--data", str(data))
    assert result.exit_code == 1
    assert code in result.stdout
    assert list(data.rglob("*")) == []


def store_from(plan: Plan, *files: tuple[str, str]) -> Store:
    """A store from (name, CSV text) pairs, read exactly as files on disk would be."""
    lookup = PlanLookup(plan)
    store = Store(Path("."))
    for name, text in files:
        read = read_bytes(text.encode("utf-8"), name, lookup, today=TODAY)
        store.files.append(read)
        store.findings.extend(read.findings)
        store.observations.extend(read.observations)
    reconcile(store)
    return store


def cross_rule(
    plan: Plan, rule: Callable[..., list[Finding]], text: str, store: Store | None = None
) -> list[Finding]:
    """One cross-row rule's findings on a submission given as CSV text (named
    ``submission.csv``): the rows read, the same-keys rule settling which counts, then
    ``rule`` alone (validation/cross/)."""
    from linyi_tracker.validation.cross import same_keys
    from linyi_tracker.validation.cross.figures import Stored, Submitted

    submitted = Submitted(plan)
    read_bytes(
        text.encode("utf-8"), "submission.csv", PlanLookup(plan), today=TODAY, emit=submitted.add
    )
    stored = Stored(store, submitted)
    settled = same_keys.check(submitted, stored, plan)
    return settled if rule is same_keys.check else rule(submitted, stored, plan)


def revised_demo(run: Callable[..., Result], tmp_path: Path, rows: str) -> Path:
    """A copy of the demo data (``tmp_path``/data) with ``rows`` (indicator, period,
    region, value, as_of) ingested as revisions."""
    data = tmp_path / "data"
    for source in DEMO.rglob("*.csv"):
        target = data / source.relative_to(DEMO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (tmp_path / "rev.csv").write_text("indicator,period,region,value,as_of\n" + rows, "utf-8")
    r = run("ingest", "rev.csv", "--data", str(data), "--revise")
    assert r.exit_code == 0, r.stdout
    return data


def csv_rows(*rows: str) -> str:
    return "indicator,period,region,value,unit,source,note\n" + "\n".join(rows) + "\n"
