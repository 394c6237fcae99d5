"""`status --region all` does work in proportion to the rows it shows (issue 27, item 15).

With thousands of regions the rows grow with the regions; the work per row must not.
Two faults made it quadratic: the series memo key listed every region on each look-up,
and the terminal table scanned every row for each region and system. Work is counted
as lines of the package executed (a trace, not a clock), so the test is the same on a
loaded machine.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml

import linyi_tracker
from conftest import Result
from linyi_tracker import usecases

PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"
PACKAGE = str(Path(linyi_tracker.__file__).parent)


def _plan_with_counties(folder: Path, n: int) -> tuple[Path, Path]:
    """The Linyi plan with ``n`` more counties, each with five years of two indicators."""
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    for i in range(n):
        data["regions"].append(
            {
                "id": f"c{i:05d}",
                "level": "county",
                "name": {"zh": f"试点县{i:05d}", "en": f"Pilot County {i:05d}"},
            }
        )
    folder.mkdir()
    plan = folder / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    figures = folder / "data"
    figures.mkdir()
    rng = random.Random(n)
    with (figures / "counties.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["indicator", "period", "region", "value", "unit", "source", "note"])
        for i in range(n):
            for year in range(2015, 2020):
                region = f"c{i:05d}"
                jobs = rng.randint(5000, 12000)
                sense = f"{rng.uniform(90, 99):.1f}"
                w.writerow(["emp.new_urban_jobs", year, region, jobs, "", "test", ""])
                w.writerow(["safety.public_security_sense", year, region, sense, "", "test", ""])
    return plan, figures


def _lines_run(action: Callable[[], Any]) -> int:
    """How many lines of the package ``action`` executes (loop iterations included)."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(calls)
    try:
        action()
    finally:
        sys.settrace(None)
    return count


def _work(run: Callable[..., Result], tmp_path: Path, n: int, *options: str) -> int:
    plan, data = _plan_with_counties(tmp_path / f"n{n}", n)
    args = ("status", "--plan", str(plan), "--data", str(data), "--region", "all", *options)

    def status() -> None:
        assert run(*args).exit_code == 0

    return _lines_run(status)


@pytest.mark.parametrize("options", [("--format", "json"), ()], ids=["json", "table"])
def test_status_for_all_regions_grows_with_its_rows(
    run: Callable[..., Result], tmp_path: Path, options: tuple[str, ...]
) -> None:
    """Twice the counties take at most 2.2 times the work, in JSON and in the table."""
    small = _work(run, tmp_path, 40, *options)
    large = _work(run, tmp_path, 80, *options)
    assert large <= 2.2 * small, (small, large)


def test_assessing_every_region_grows_with_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The assessment of twice the counties takes at most twice the work (the memo key
    of a region's series once listed every region)."""
    monkeypatch.setenv("LINYI_TRACKER_CACHE", "off")
    work = {}
    for n in (40, 80):
        plan, data = _plan_with_counties(tmp_path / f"n{n}", n)
        workspace = usecases.open_workspace(plan, data)
        work[n] = _lines_run(lambda ws=workspace: usecases.status(ws, region="all"))
    assert work[80] <= 2.0 * work[40], work
