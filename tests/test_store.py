"""The store reconciles figures: duplicates once, conflicts named, revisions kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, csv_rows, store_from
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render


def test_same_value_twice_is_a_duplicate_warning(plan: Plan) -> None:
    """The same figure in two files is kept once, with a duplicate-observation warning."""
    row = "emp.new_urban_jobs,2016,,85000,,a,"
    store = store_from(plan, ("a.csv", csv_rows(row)), ("b.csv", csv_rows(row)))
    assert len(store.observations) == 1
    assert [(f.code, f.file, f.line) for f in store.findings] == [
        ("duplicate-observation", "b.csv", 2)
    ]


def test_different_values_conflict_and_both_lines_are_named(plan: Plan) -> None:
    """Two different figures for one key are an error naming both places."""
    store = store_from(
        plan,
        ("a.csv", csv_rows("emp.new_urban_jobs,2016,,85000,,a,")),
        ("b.csv", csv_rows("emp.new_urban_jobs,2016,,86000,,b,")),
    )
    (finding,) = store.errors
    assert (
        finding.code == "conflicting-observation" and finding.file == "b.csv" and finding.line == 2
    )
    assert "a.csv:2" in render(finding, "en")[0]


def test_a_later_as_of_is_a_revision(plan: Plan) -> None:
    """With as_of dates, the latest figure is current and the older one is kept."""
    header = "indicator,period,value,as_of\n"
    store = store_from(
        plan,
        ("a.csv", header + "emp.new_urban_jobs,2016,85000,2017-02-01\n"),
        ("b.csv", header + "emp.new_urban_jobs,2016,86100,2017-06-30\n"),
    )
    assert store.errors == []
    (current,) = store.observations
    assert str(current.value) == "86100"
    assert [
        str(o.value) for o in store.revisions[("emp.new_urban_jobs", "2016", "linyi", "level")]
    ] == ["85000"]


def test_shipped_published_figures_load_clean(plan: Plan) -> None:
    """data/actuals has no errors or warnings, and every row cites a source."""
    store = load_store(plan, REPO / "data" / "actuals")
    assert [f for f in store.findings if f.severity.value != "notice"] == []
    assert store.observations and all(o.source for o in store.observations)


def test_hidden_and_other_files_are_not_read_but_named(plan: Plan, tmp_path: Path) -> None:
    """Only data files are read; a hidden folder (.git, editors' backups) and a .txt are
    skipped and named in a file-not-read warning each (issue 27.7: read or named)."""
    (tmp_path / ".backup").mkdir()
    (tmp_path / ".backup" / "old.csv").write_text("garbage", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("garbage", encoding="utf-8")
    (tmp_path / "ok.csv").write_text(
        csv_rows("emp.new_urban_jobs,2016,,85000,,a,"), encoding="utf-8"
    )
    store = load_store(plan, tmp_path)
    named = [(f.code, Path(f.file or "").name, f.form) for f in store.findings]
    assert named == [
        ("file-not-read", ".backup", "hidden-folder"),
        ("file-not-read", "notes.txt", "text"),
    ]
    assert len(store.observations) == 1


def test_reading_a_store_leaves_the_garbage_collector_as_it_found_it(plan: Plan) -> None:
    """Loading pauses the cyclic collector for speed; it must be running again after,
    also when the block fails, and stay off when the caller had turned it off."""
    import gc

    from linyi_tracker.bulk import gc_paused

    load_store(plan, FIXTURES / "store")
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failure inside the block")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
