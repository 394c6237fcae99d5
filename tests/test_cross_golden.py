"""Every cross-row finding identical before and after the cross-row rules moved into a
package of their own (issue 29, item 2): the findings of the test fixtures, and of a
bench-shaped and a county-shaped store validated against a store with some figures
changed, are compared with a golden file captured before the change.

Regenerate with `pytest --update-golden` only after a deliberate change of findings, and
say why in the commit.
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, bench_module
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import FIRST_LINES, READINGS, Finding
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

GOLDEN = Path(__file__).resolve().parent / "golden" / "cross-findings.json"
TODAY = date(2021, 3, 15)
OBSERVATIONS = 700
CHANGED_EVERY = 37  # every 37th stored row holds another figure than the submission
# the reader's findings, left out for the shapes
READER_ONLY = (READINGS - {"already-stored"}) | {"not-utf8"}
# Codes reported row by row when the golden was captured, one finding a file since
# (findings.READINGS): the golden's rows of each are gathered as Readings gathers them.
AT_FILE_SCALE_SINCE = {"already-stored"}


def _row(f: Finding) -> list[Any]:
    params = {k: str(v) if not isinstance(v, int | list) else v for k, v in f.params.items()}
    return [f.code, str(f.severity), f.file, f.line, f.column_number, f.form, params]


def _findings(
    paths: list[str], plan: Plan, store: Path | None, revise: bool = False, every: bool = True
) -> list[Any]:
    """The findings of validating ``paths``; without ``every``, not the sure readings of
    the cells and the file's encoding (the reader's, not the cross-row rules')."""
    stored = load_store(plan, store, today=TODAY) if store is not None else None
    report = validate(paths, plan, store=stored, today=TODAY, revise=revise)
    return [_row(f) for f in report.findings if every or f.code not in READER_ONLY]


def _changed_copy(source: Path, target: Path) -> None:
    """``source``'s data files with every CHANGED_EVERY-th row's value one more."""
    shutil.copytree(source, target)
    n = 0
    for path in sorted(target.rglob("*.csv")):
        raw = path.read_bytes()
        encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            encoding = "gb18030"
            text = raw.decode(encoding)
        rows = list(csv.reader(text.splitlines()))
        for row in rows[1:]:
            n += 1
            if n % CHANGED_EVERY == 0 and len(row) > 3:
                row[3] = "12345"
        with path.open("w", encoding=encoding, newline="") as out:
            csv.writer(out, lineterminator="\n").writerows(rows)


def _shape(root: Path, shape: str) -> dict[str, list[Any]]:
    """The shape's store validated against itself with some figures changed, and alone."""
    folder = root / shape
    bench_module("store").generate(OBSERVATIONS, folder, shape)
    plan = read_plan(folder / "plan.yaml")
    _changed_copy(folder / "actuals", root / f"{shape}-changed")
    files = sorted(str(p.relative_to(root)) for p in (folder / "actuals").rglob("*.csv"))
    return {
        f"{shape}: against a changed store": _findings(
            files, plan, Path(f"{shape}-changed"), every=False
        ),
        f"{shape}: revising a changed store": _findings(
            files, plan, Path(f"{shape}-changed"), revise=True, every=False
        ),
        f"{shape}: no store": _findings(files, plan, None, every=False),
        # half the files: the other regions' figures come from the store (region sums)
        f"{shape}: half against a changed store": _findings(
            files[::2], plan, Path(f"{shape}-changed"), every=False
        ),
    }


def _fixtures(plan: Plan) -> dict[str, list[Any]]:
    """Each fixture submission against the fixture store, and without one."""
    out: dict[str, list[Any]] = {}
    for folder in ("submissions", "plausible"):
        for path in sorted((FIXTURES / folder).iterdir()):
            if path.suffix not in (".csv", ".xlsx"):
                continue
            name = str(path.relative_to(FIXTURES.parent.parent))
            out[f"{name}: store"] = _findings([name], plan, Path("tests/fixtures/store"))
            out[f"{name}: no store"] = _findings([name], plan, None)
    return out


def _at_file_scale(rows: list[Any]) -> list[Any]:
    """The golden's findings with those of AT_FILE_SCALE_SINCE gathered: one a file and
    code, at its first line, with ``count`` and the first FIRST_LINES ``lines``."""
    gathered: dict[tuple[str, str], list[Any]] = {}
    out: list[Any] = []
    for row in rows:
        code, file, line = row[0], row[2], row[3]
        if code not in AT_FILE_SCALE_SINCE or "count" in row[6]:  # gathered already
            out.append(row)
            continue
        first = gathered.get((code, file))
        if first is None:
            first = gathered[(code, file)] = [*row[:6], {**row[6], "count": 0, "lines": []}]
            out.append(first)
        first[6]["count"] += 1
        if len(first[6]["lines"]) < FIRST_LINES:
            first[6]["lines"].append(line)
    return out


def _all(plan: Plan, root: Path) -> dict[str, list[Any]]:
    return {**_fixtures(plan), **_shape(root, "bench"), **_shape(root, "county")}


def test_cross_row_findings_are_those_captured_before_the_split(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    """The fixtures' and both bench shapes' findings equal the golden captured before
    (already-stored gathered one a file since, as the golden is here)."""
    repo = FIXTURES.parent.parent
    for item in repo.glob("tests/fixtures"):
        shutil.copytree(item, tmp_path / "tests" / "fixtures")
    monkeypatch.chdir(tmp_path)
    found = _all(plan, tmp_path)
    if update_golden:
        GOLDEN.write_text(
            json.dumps(found, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
            encoding="utf-8",
        )
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    # Fixtures added since the capture have no "before" to equal; every case captured does.
    assert set(expected) <= set(found)
    for case, findings in expected.items():
        assert json.loads(json.dumps(found[case])) == _at_file_scale(findings), case
