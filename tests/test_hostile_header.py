"""Headers and indicators built to make the reader slow: linear or bounded work."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from linyi_tracker.actuals import lookup

Run = Callable[..., Result]


def validate_json(run: Run, path: Path) -> dict[str, object]:
    r = run("validate", str(path), "--no-store", "--format", "json")
    found: dict[str, object] = json.loads(r.stdout)
    return found


def test_a_header_with_a_million_trailing_empty_cells_reads_clean(run: Run, tmp_path: Path) -> None:
    """1 MB of empty header cells (Excel's trailing commas) is read in one pass: clean, no finding."""
    sub = tmp_path / "wide.csv"
    sub.write_text(
        "indicator,period,region,value"
        + "," * 1_000_000
        + "\nemp.new_urban_jobs,2016,hedong,8800\n",
        encoding="utf-8",
    )
    report = validate_json(run, sub)
    assert report["findings"] == []


def test_an_empty_header_cell_before_a_named_one_is_still_blank(run: Run, tmp_path: Path) -> None:
    """The one-pass scan still flags an empty header cell that has a named column after it."""
    sub = tmp_path / "gap.csv"
    sub.write_text(
        "indicator,period,,value,,\nemp.new_urban_jobs,2016,x,8800,,\n", encoding="utf-8"
    )
    findings = validate_json(run, sub)["findings"]
    assert isinstance(findings, list)
    assert [(f["code"], f["line"]) for f in findings] == [("blank-header", 1)]


def test_did_you_mean_is_worked_out_a_bounded_number_of_times(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Distinct unknown indicators past the limit get no suggestion; the work stays bounded."""
    calls: list[str] = []
    real = lookup.get_close_matches

    def counting(word: str, *args: object, **kwargs: object) -> list[str]:
        calls.append(word)
        return real(word, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lookup, "get_close_matches", counting)
    monkeypatch.setattr(lookup._Suggestions, "LIMIT", 50)
    rows = ["emp.new_urban_jobz,2016,hedong,1"] * 3  # one typo, many rows: worked out once
    rows += [f"zz.unknown_{i},2016,hedong,1" for i in range(200)]
    sub = tmp_path / "unknown.csv"
    sub.write_text("indicator,period,region,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    findings = validate_json(run, sub)["findings"]
    assert isinstance(findings, list)
    unknown = [f for f in findings if f["code"] == "unknown-indicator"]
    assert len(unknown) == 203 and len(calls) == 50
    assert all("emp.new_urban_jobs" in str(f["hint"]) for f in unknown[:3])
