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

from conftest import Result
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
TODAY = date(2026, 11, 28)
HEADER = "指标代码,期间,地区,数值"
DATA = [
    "emp.new_urban_jobs,2016,兰山区,9800",
    "emp.new_urban_jobs,2017,兰山区,9900",
    "inc.urban_disposable,2016,兰山区,30000",
    "pov.registered_poor_population,2016,兰山区,100",
]


def findings_of(run: Run, path: Path, *args: str) -> list[dict[str, object]]:
    r = run("validate", str(path), "--no-store", "--format", "json", *args)
    assert r.exit_code in (0, 1), r.stderr
    found: list[dict[str, object]] = json.loads(r.stdout)["findings"]
    return found


def codes(findings: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(f["code"], f["line"]) for f in findings]


# ------------------------------------------------------------------ rows above the header


def test_data_sorted_above_the_header_is_an_error_at_each_line(run: Run, tmp_path: Path) -> None:
    """A file sorted A→Z with its header among the rows: each data row above it is an error."""
    sub = tmp_path / "sorted.csv"
    sub.write_text("\n".join(sorted([HEADER.replace("指标代码", "indicator"), *DATA])) + "\n")
    found = findings_of(run, sub)
    assert codes(found) == [("data-above-header", 1), ("data-above-header", 2), ("data-above-header", 3)]


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
    """Whatever the row order, each data line is an observation or an error's line."""
    lines = [HEADER, *DATA]
    text = "\n".join(lines[i] for i in order) + "\n"
    read = read_bytes(text.encode(), "x.csv", PlanLookup(plan), today=TODAY)
    header_line = order.index(0) + 1
    read_lines = {o.line for o in read.observations}
    error_lines = {f.line for f in read.findings if f.is_error}
    for n in range(1, len(order) + 1):
        if n != header_line:
            assert n in read_lines or n in error_lines, (n, read.findings)
