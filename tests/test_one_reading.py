"""Every cell read the same, whichever way the reader gets to it (issue 29, item 2).

The reader runs each cell rule once per distinct text and replays its result; these
tests hold what it reads — every observation and every finding — to a golden captured
from the reader before that change (tests/golden/one-reading.json), on the test
fixtures and on generated stores and submissions of both bench shapes (bench/store.py,
bench/generate.py, bench/county.py), each with mutated rows of every kind of mistake.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO, TODAY, bench_module
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.reader import FileRead, read_bytes, read_path
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

GOLDEN = Path(__file__).resolve().parent / "golden" / "one-reading.json"
STORE_ROWS = 1200
SUBMISSION_ROWS = 1500
FIXTURE_FILES = sorted(
    [
        *(FIXTURES / "submissions").glob("*.csv"),
        *(FIXTURES / "data").glob("*.csv"),
        *(FIXTURES / "hostile" / "cells").glob("*.csv"),
        # The example plans' figures belong to other plans: read against this one they
        # say nothing of the reader, and a mended citation would move the golden.
        *(p for p in (REPO / "examples").rglob("*.csv") if "plans" not in p.parts),
        *(REPO / "data" / "actuals").glob("*.csv"),
    ]
)
# Cell texts a clerk gets wrong or writes another way, put into copies of generated rows
# (column → texts): every reading and every cell error, each seen many times over.
MUTANTS: dict[int, tuple[str, ...]] = {
    0: ("no.such.indicator", "", " ind001 "),
    1: ("2017年13月", "2099-01", "2017Q5", "", "2017年第三季度", "２０１７-０９", "2017-9"),
    2: ("兰山接到", "某某县", "临沂市"),
    3: (
        "1.32万",
        "１３２０７",
        "13,207",
        "85.000",
        "-5",
        "12.5",
        "N/A",
        "—",
        "",
        "1e5",
        "0.29万",
        "9800人",
        "13207\x07",
        "4.9亿",
        "1234567890123456789",
        "９８００.０",
        "13 207",
    ),
    4: ("万人", "", "persons", "%", "吨", "人"),
}


def _mutants(path: Path, out: Path, encoding: str) -> None:
    """``out``: every 23rd data row of ``path`` with one cell changed to each mutant text,
    and rows with a cell too many, too few, or a blank line."""
    with path.open(encoding=encoding, newline="") as handle:
        table = list(csv.reader(handle))
    header, body = table[0], table[1:]
    rows = [header]
    for n, row in enumerate(body[::23]):
        for column, texts in MUTANTS.items():
            changed = list(row)
            changed[column] = texts[n % len(texts)]
            rows.append(changed)
        rows.extend([[*row, "extra"], row[:2], [""] * len(row)])
    with out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _datasets(root: Path) -> Iterator[tuple[str, Path, list[Path]]]:
    """(name, plan, files) for each generated shape: a store and a submission."""
    store, generate = bench_module("store"), bench_module("generate")
    for shape in ("bench", "county"):
        folder = root / f"store-{shape}"
        store.generate(STORE_ROWS, folder, shape)
        files = sorted((folder / "actuals").glob("*.csv"))
        _mutants(files[0], folder / "mutants.csv", "utf-8-sig")
        yield f"store-{shape}", folder / "plan.yaml", [*files, folder / "mutants.csv"]
    indicators, regions = generate.shape(SUBMISSION_ROWS)
    folder = root / "submissions"
    folder.mkdir()
    plan = folder / "plan.yaml"
    plan.write_text(generate.plan_yaml(indicators, regions), encoding="utf-8")
    for shape, write in (
        ("bench", generate.write_submission),
        ("county", generate.write_county_submission),
    ):
        data = folder / f"{shape}.csv"
        write(data, SUBMISSION_ROWS, indicators, regions)
        _mutants(data, folder / f"{shape}-mutants.csv", "utf-8-sig")
        yield f"submission-{shape}", plan, [data, folder / f"{shape}-mutants.csv"]


def _summary(reads: list[FileRead]) -> dict[str, Any]:
    """What the reader read: counts, codes, and a digest of every observation and finding."""
    observations = [repr(o) for r in reads for o in r.observations]
    findings = [repr(f) for r in reads for f in r.findings]
    codes = Counter(f"{f.code}/{f.severity.value}" for r in reads for f in r.findings)
    return {
        "rows": sum(r.rows for r in reads),
        "observations": len(observations),
        "observations_sha256": hashlib.sha256("\n".join(observations).encode()).hexdigest(),
        "findings": dict(sorted(codes.items())),
        "findings_sha256": hashlib.sha256("\n".join(findings).encode()).hexdigest(),
    }


def _read_all(plan: Plan, files: list[Path], root: Path) -> list[FileRead]:
    lookup = PlanLookup(plan)
    return [read_path(p, lookup, today=TODAY, shown=p.relative_to(root).as_posix()) for p in files]


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("one-reading")
    out: dict[str, Any] = {}
    for name, plan_file, files in _datasets(root):
        out[name] = _summary(_read_all(read_plan(plan_file), files, root))
    return out


def _golden(update: bool, key: str, value: Any) -> Any:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    if update:
        golden[key] = value
        text = json.dumps(golden, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        GOLDEN.write_text(text, encoding="utf-8")
    return golden.get(key)


@pytest.mark.parametrize(
    "name", ["store-bench", "store-county", "submission-bench", "submission-county"]
)
def test_generated_data_reads_as_before(
    readings: dict[str, Any], update_golden: bool, name: str
) -> None:
    """A generated store or submission, with mutated rows, reads to the golden's figures and findings."""
    assert readings[name] == _golden(update_golden, name, readings[name])


def test_fixtures_read_as_before(plan: Plan, update_golden: bool) -> None:
    """Every fixture, example and shipped file, read twice over in one file (the second time
    every text is known), reads to the golden's figures and findings."""
    lookup = PlanLookup(plan)
    summary = {}
    for path in FIXTURE_FILES:
        raw = path.read_bytes()
        raw += b"\n" + raw
        read = read_bytes(raw, path.name, lookup, today=TODAY)
        summary[path.relative_to(REPO).as_posix()] = _summary([read])
    assert summary == _golden(update_golden, "fixtures", summary)


def _validate_findings(run: Callable[..., Any], plan: Path, files: list[Path]) -> list[Any]:
    result = run(
        "validate", *map(str, files), "--plan", str(plan), "--no-store", "--format", "json"
    )
    report = json.loads(result.stdout)
    return [[f["code"], f["severity"], f["line"], f.get("column")] for f in report["findings"]]


def test_validate_reports_as_before(
    run: Callable[..., Any], tmp_path: Path, update_golden: bool
) -> None:
    """validate (which hands plain figures to the cross-row checks without an Observation)
    reports the golden's findings on both submission shapes with their mutated rows."""
    summary = {}
    for name, plan_file, files in _datasets(tmp_path):
        if name.startswith("submission"):
            found = _validate_findings(run, plan_file, files)
            summary[name] = {
                "findings": len(found),
                "sha256": hashlib.sha256(json.dumps(found).encode()).hexdigest(),
            }
    assert summary == _golden(update_golden, "validate", summary)
