"""Ingest against what the store holds (issue 27, smaller ones): a store with errors is
refused, and the revisions a submission carries are all kept, in as_of order."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TODAY, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan

HEADER = "指标,期间,地区,数值,单位,截至日期\n"


def _file(path: Path, *rows: str) -> Path:
    """A file as an office makes it: Chinese headers, GB18030."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode("gb18030"))
    return path


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "nothing was written"), ("zh", "未写入任何数字")]
)
def test_ingest_refuses_a_store_with_errors(
    run: Callable[..., Result], tmp_path: Path, lang: str, said: str
) -> None:
    """A data folder holding a conflict: ingest exits 1, names the error, writes nothing."""
    data = tmp_path / "data"
    _file(
        data / "a.csv",
        "emp.new_urban_jobs,2016,兰山区,9800,人,",
        "emp.new_urban_jobs,2016,兰山区,9900,人,",
    )
    path = _file(tmp_path / "in" / "b.csv", "emp.new_urban_jobs,2016,罗庄区,7000,人,")
    r = run("ingest", str(path), "--data", str(data), "--lang", lang)
    assert r.exit_code == 1
    assert "conflicting-observation" in r.stderr and said in r.stderr
    assert "validate" in r.stderr  # what to do: validate the folder
    assert sorted(p.name for p in data.iterdir()) == ["a.csv"]


REVISIONS = (
    "emp.new_urban_jobs,2016,兰山区,10000,人,2017-06-30",
    "emp.new_urban_jobs,2016,兰山区,9800,人,",
    "emp.new_urban_jobs,2016,兰山区,9900,人,2017-03-01",
)


def test_every_revision_in_one_submission_is_kept(
    run: Callable[..., Result], plan: Plan, tmp_path: Path
) -> None:
    """Three as_of revisions of one figure in one file: all stored, history in as_of order."""
    data = tmp_path / "data"
    data.mkdir()
    path = _file(tmp_path / "in" / "rev.csv", *REVISIONS)
    r = run("ingest", str(path), "--data", str(data))
    assert r.exit_code == 0, r.stderr
    store = load_store(plan, data, today=TODAY)
    assert store.errors == []
    key = ("emp.new_urban_jobs", "2016", "lanshan", "level")
    assert [o.text for o in store.observations if o.key == key] == ["10000"]
    assert [o.text for o in store.revisions[key]] == ["9800", "9900"]


def test_a_replaced_figure_that_clashes_with_the_store_is_refused(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """Stored 9700 undated; the submission's undated 9800 (replaced by its 10000) clashes:
    validate names it (conflicts-with-store) and ingest writes nothing."""
    data = tmp_path / "data"
    _file(data / "stored.csv", "emp.new_urban_jobs,2016,兰山区,9700,人,")
    path = _file(tmp_path / "in" / "rev.csv", *REVISIONS)
    checked = run("validate", str(path), "--data", str(data), "--format", "json")
    assert checked.exit_code == 1
    found = [(f["code"], f["line"]) for f in json.loads(checked.stdout)["findings"]]
    assert ("conflicts-with-store", 3) in found
    assert run("ingest", str(path), "--data", str(data)).exit_code == 1
    assert sorted(p.name for p in data.iterdir()) == ["stored.csv"]
