"""The cache by file: only the files that changed are read, an unchanged store is not
reconciled again, and what comes back is always what reading without the cache gives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cache import EXTRA, assert_same, counting_reads, no_reading

from conftest import DEMO, FIXTURES, TODAY, csv_rows
from linyi_tracker.actuals import cache, store
from linyi_tracker.actuals.store import INGESTED, Store, load_store
from linyi_tracker.actuals.withdrawals import COLUMNS, WITHDRAWN_NAME
from linyi_tracker.plan.models import Plan

# A withdrawal of the conflicting 12001 of EXTRA (its 1.2万 then counts alone).
WITHDRAWAL = (
    ",".join(COLUMNS) + "\n"
    "emp.new_urban_jobs,2017,hedong,level,12001,2026-11-01T09:00:00,typo,clerk\n"
)


def load(plan: Plan, data: Path, cache_dir: Path, day: date = TODAY) -> Store:
    return load_store(plan, data, today=day, cache_folder=cache_dir, cache_min_bytes=0)


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """Several files as counties send them: the demo's, one with conflicts and revisions,
    one in GB18030, one that ingest wrote (its 万 notation its own), a withdrawal record."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    (data / "extra.csv").write_text(EXTRA, encoding="utf-8")
    shutil.copy(FIXTURES / "data" / "gb18030-only-characters.csv", data / "gb18030.csv")
    (data / INGESTED).mkdir()
    shutil.copy(FIXTURES / "submissions" / "magnitude-suffix.csv", data / INGESTED / "x.csv")
    (data / WITHDRAWN_NAME).write_text(WITHDRAWAL, encoding="utf-8")
    return data


def names(calls: list[tuple[object, ...]]) -> list[str]:
    return [Path(str(call[0])).name for call in calls]


def test_each_step_of_a_changing_folder_gives_the_uncached_store(
    plan: Plan, county: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed, one removed, one added, the withdrawal record changed: after each,
    the cached store equals the store read without the cache, reading only what changed."""
    cache_dir = tmp_path / "cache"
    assert_same(load(plan, county, cache_dir), load_store(plan, county, today=TODAY))
    steps = {
        "extra.csv": lambda: (county / "extra.csv").write_text(
            EXTRA.replace("9900", "9950"), encoding="utf-8"
        ),
        "": lambda: (county / "gb18030.csv").unlink(),
        "more.csv": lambda: (county / "more.csv").write_text(
            csv_rows("emp.new_urban_jobs,2018,lanshan,9600,人,x,"), encoding="utf-8"
        ),
        "withdrawn": lambda: (county / WITHDRAWN_NAME).write_text(
            WITHDRAWAL.replace("12001", "9700"), encoding="utf-8"
        ),
    }
    for read, change in steps.items():
        change()
        truth = load_store(plan, county, today=TODAY)
        calls = counting_reads(monkeypatch)
        assert_same(load(plan, county, cache_dir), truth)
        assert names(calls) == ([read] if read in ("extra.csv", "more.csv") else [])
        monkeypatch.undo()


def test_a_folder_with_a_withdrawal_record_is_served_from_the_cache(
    plan: Plan, county: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A withdrawal record no longer turns the cache off: the second load reads no file."""
    fresh = load(plan, county, tmp_path / "cache")
    assert fresh.withdrawn
    no_reading(monkeypatch)
    assert_same(load(plan, county, tmp_path / "cache"), fresh)


def test_an_unchanged_store_is_not_reconciled_again(
    plan: Plan, county: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's entry gives back what reconciling gave: reconcile is not called."""
    fresh = load(plan, county, tmp_path / "cache")

    def refused(*args: object) -> None:
        raise AssertionError("reconciled again")

    monkeypatch.setattr(store, "reconcile", refused)
    assert_same(load(plan, county, tmp_path / "cache"), fresh)


def test_the_entries_of_the_current_run_are_never_pruned(
    plan: Plan, county: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for fewer entries than the store has files, the run's own are kept."""
    monkeypatch.setattr(cache, "KEEP_FILES", 0)
    monkeypatch.setattr(cache, "KEEP", 0)
    load(plan, county, tmp_path / "cache", date(2026, 11, 27))
    load(plan, county, tmp_path / "cache")  # another day: every file read and kept anew
    no_reading(monkeypatch)
    load(plan, county, tmp_path / "cache")
    files = len(store.data_files(county))
    assert len(list((tmp_path / "cache").glob("*" + cache.FILE_SUFFIX))) == files


ROW = st.tuples(
    st.sampled_from(["emp.new_urban_jobs", "inc.urban_disposable", "nope"]),
    st.sampled_from(["2016", "2017", "2017-06", "2017Q2", "2099"]),
    st.sampled_from(["lanshan", "hedong", ""]),
    st.sampled_from(["9800", "9800.0", "1.2万", "38000.50", "x", ""]),
    st.sampled_from(["", "2017-01-10", "2017-03-02"]),
)
FOLDER = st.dictionaries(
    st.sampled_from(["a.csv", "b.csv", "sub/c.csv"]), st.lists(ROW, max_size=6), max_size=3
)


def write(data: Path, files: dict[str, list[tuple[str, str, str, str, str]]]) -> None:
    for old in data.rglob("*.csv"):
        old.unlink()
    for name, rows in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "indicator,period,region,value,as_of\n" + "".join(
            ",".join(row) + "\n" for row in rows
        )
        path.write_text(text, encoding="utf-8")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=FOLDER, second=FOLDER)
def test_any_small_folder_and_any_change_give_the_uncached_store(
    plan: Plan, tmp_path_factory: pytest.TempPathFactory, first: dict, second: dict
) -> None:
    """Generated folders of duplicates, conflicts, revisions and bad rows, then changed
    into others: each cached load equals the store read without the cache."""
    root = tmp_path_factory.mktemp("folder")
    data, cache_dir = root / "data", root / "cache"
    data.mkdir()
    for files in (first, second, second):
        write(data, files)
        assert_same(load(plan, data, cache_dir), load_store(plan, data, today=TODAY))
