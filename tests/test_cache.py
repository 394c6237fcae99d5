"""The store cache: what comes back is exactly what reading gives, and never stale."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, FIXTURES, TODAY, Result, csv_rows
from linyi_tracker.actuals import cache, store
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

Run = Callable[..., Result]

# Rows of every shape a store holds: numbers, milestone words and dates, judgements,
# a duplicate, a conflict, a revision with as_of dates, a note and a blank region.
EXTRA = (
    "indicator,period,region,value,unit,source,note,as_of\n"
    "emp.new_urban_jobs,2016,lanshan,9800,人,county report,first,2017-01-10\n"
    "emp.new_urban_jobs,2016,lanshan,9900,人,county report,revised,2017-03-02\n"
    "emp.new_urban_jobs,2017,lanshan,9700,人,county report,,\n"
    "emp.new_urban_jobs,2017,lanshan,9700,人,county report,,\n"
    "emp.new_urban_jobs,2017,hedong,1.2万,,county report,,\n"
    "emp.new_urban_jobs,2017,hedong,12001,,county report,,\n"
    "gov.citizen_centre,2015,,2015-10-01,,city report,opened,\n"
    "inc.urban_disposable,2017,,38000.50,元,city report,,\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    (data / "extra.csv").write_text(EXTRA, encoding="utf-8")
    return data


def load(plan: Plan, data: Path, cache_dir: Path, day: date = TODAY) -> Store:
    return load_store(plan, data, today=day, cache_folder=cache_dir, cache_min_bytes=0)


def test_a_cached_store_equals_the_store_read_from_the_files(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Observations, revisions, findings, files and series come back identical."""
    fresh = load(plan, folder, tmp_path / "cache")
    assert fresh.revisions and fresh.errors and len(list((tmp_path / "cache").glob("*.store"))) == 1

    def no_reading(*args: object) -> Store:
        raise AssertionError("the files were read again")

    monkeypatch.setattr(store, "_load", no_reading)
    cached = load(plan, folder, tmp_path / "cache")
    assert cached == fresh
    assert cached.index() == fresh.index()
    assert [o.text for o in cached.observations] == [o.text for o in fresh.observations]


def test_an_edit_that_keeps_size_and_time_is_still_seen(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    """The key is the files' bytes, not their size and modification time."""
    path = folder / "extra.csv"
    first = load(plan, folder, tmp_path / "cache")
    before = path.stat()
    path.write_text(EXTRA.replace("38000.50", "38000.70"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    again = load(plan, folder, tmp_path / "cache")
    assert again == load_store(plan, folder, today=TODAY) != first
    said = {o.text for o in again.observations} | {render(f, "en")[0] for f in again.findings}
    assert any("38000.70" in text for text in said)


@pytest.mark.parametrize("change", ["new file", "removed file", "other day", "plan"])
def test_any_input_change_reads_the_files_again(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    load(plan, folder, tmp_path / "cache")
    day = TODAY
    if change == "new file":
        (folder / "more.csv").write_text(
            csv_rows("emp.new_urban_jobs,2018,lanshan,9600,人,x,"), encoding="utf-8"
        )
    elif change == "removed file":
        (folder / "extra.csv").unlink()
    elif change == "other day":
        day = date(2026, 11, 29)
    else:
        plan = plan.model_copy(update={"units": plan.units[:-1]})
    calls: list[object] = []
    real = store._load

    def counting(*args: object) -> Store:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_load", counting)
    load(plan, folder, tmp_path / "cache", day)
    assert len(calls) == 1


def test_a_damaged_entry_is_ignored_and_replaced(plan: Plan, folder: Path, tmp_path: Path) -> None:
    fresh = load(plan, folder, tmp_path / "cache")
    (entry,) = (tmp_path / "cache").glob("*.store")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load(plan, folder, tmp_path / "cache") == fresh
    assert load(plan, folder, tmp_path / "cache") == fresh


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert load(plan, folder, blocked / "cache") == load_store(plan, folder, today=TODAY)


def test_files_that_change_while_read_are_not_cached(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = iter(["before", "after"])
    monkeypatch.setattr(cache, "key_of", lambda *a, **k: next(keys))
    load(plan, folder, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.store"))


def test_small_stores_are_not_cached(plan: Plan, folder: Path, tmp_path: Path) -> None:
    load_store(plan, folder, today=TODAY, cache_folder=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_old_entries_are_dropped(plan: Plan, folder: Path, tmp_path: Path) -> None:
    for n in range(cache.KEEP + 3):
        load(plan, folder, tmp_path / "cache", date(2026, 1, 1 + n))
    assert len(list((tmp_path / "cache").glob("*.store"))) == cache.KEEP


@pytest.mark.parametrize(
    ("value", "expected"),
    [("off", None), ("0", None), ("", None), ("/tmp/x", Path("/tmp/x"))],
)
def test_the_cache_folder_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: Path | None
) -> None:
    monkeypatch.setenv("LINYI_TRACKER_CACHE", value)
    assert cache.default_folder() == expected


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux")
def test_without_a_setting_the_cache_is_in_the_user_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LINYI_TRACKER_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.default_folder() == tmp_path / "linyi-tracker"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.default_folder() == Path.home() / ".cache" / "linyi-tracker"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=2**40), max_size=60))
def test_columns_round_trip(values: list[int]) -> None:
    """Whether stored plain or as runs, a column reads back as it was written."""
    assert cache._decode(cache._encode(values, list), lambda n: n) == values


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=50), max_size=60).map(
        lambda steps: [sum(steps[: i + 1]) for i in range(len(steps))]
    )
)
def test_line_numbers_round_trip(lines: list[int]) -> None:
    assert cache._decode_lines(cache._encode_lines(lines)) == lines


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([0, 1, 2]), min_size=12, max_size=200))
def test_repetitive_columns_are_stored_as_runs(values: list[int]) -> None:
    in_runs, _, _ = cache._encode(sorted(values), list)  # at most three runs
    assert in_runs


def test_columns_without_repeats_are_stored_plain() -> None:
    in_runs, _, _ = cache._encode(list(range(100)), list)
    assert not in_runs


def big_store(folder: Path, jobs_2016_lanshan: int) -> Path:
    """Over the cache's threshold: monthly figures of all regions, each with a long note."""
    folder.mkdir(parents=True, exist_ok=True)
    regions = [
        "lanshan", "luozhuang", "hedong", "yinan", "tancheng", "yishui",
        "lanling", "feixian", "pingyi", "junan", "mengyin", "linshu",
    ]  # fmt: skip
    rows = []
    for year in range(2015, 2020):
        for month in range(1, 13):
            for k, region in enumerate(regions):
                value = (
                    jobs_2016_lanshan
                    if (year, month, region) == (2016, 12, "lanshan")
                    else 700 * month + k
                )
                rows.append(
                    f"emp.new_urban_jobs,{year}-{month:02d},{region},{value},人,county report,{'备注' * 400}"
                )
    text = csv_rows(*rows)
    assert len(text.encode()) > cache.MIN_BYTES
    (folder / "jobs.csv").write_text(text, encoding="utf-8")
    return folder


def test_status_twice_gives_the_same_answer_from_the_cache(run: Run, tmp_path: Path) -> None:
    """End to end: the second run is served from the cache folder and prints the same;
    after a figure changes, the new figure is shown."""
    data = big_store(tmp_path / "big", 9000)
    env = {"LINYI_TRACKER_CACHE": str(tmp_path / "cache")}
    args = ("status", "--data", str(data), "--as-of", "2016-12", "--format", "json")
    first = run(*args, env=env)
    assert first.exit_code == 0
    assert len(list((tmp_path / "cache").glob("*.store"))) == 1
    assert run(*args, env=env).stdout == first.stdout
    big_store(tmp_path / "big", 9100)
    changed = run(*args, env=env)
    jobs = [
        [
            a["actual"]
            for a in json.loads(r.stdout)["targets"]
            if a["indicator"] == "emp.new_urban_jobs"
        ]
        for r in (first, changed)
    ]
    assert jobs[1][0] == jobs[0][0] + 100


def test_a_write_cut_short_leaves_no_litter(plan: Plan, folder: Path, tmp_path: Path) -> None:
    """A temporary file from a killed write is removed once it is an hour old."""
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    stale, fresh = cache_dir / ".abc.123.tmp", cache_dir / ".def.456.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(stale, (0, 0))
    load(plan, folder, cache_dir)
    assert not stale.exists() and fresh.exists()


def test_a_new_openpyxl_reads_workbooks_again(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workbooks are read by openpyxl: another version of it gives another key."""
    shutil.copy(FIXTURES / "submissions" / "workbook-positions.xlsx", folder / "book.xlsx")
    paths = store.data_files(folder)
    before = cache.key_of(plan, folder, paths, day=TODAY, display_root=None, exclude=())
    monkeypatch.setattr(cache, "_version_of", lambda name: "99.0")
    after = cache.key_of(plan, folder, paths, day=TODAY, display_root=None, exclude=())
    assert before != after


@pytest.mark.parametrize("rows", [0, 1], ids=["no rows", "one word"])
def test_entries_without_numbers_round_trip(rows: int) -> None:
    """No observations at all, or one with a word and no number: the value column's
    text must tell them apart."""
    import marshal

    from linyi_tracker.actuals.periods import parse_period
    from linyi_tracker.actuals.reader import Observation

    words = [
        Observation(
            "gov.citizen_centre", parse_period("2015"), "city", None, "done", None, None,
            "city report", "", None, "x.csv", 2,
        )
    ][:rows]  # fmt: skip
    series = {("gov.citizen_centre", "city"): words} if words else {}
    entry = cache.Entry([], words, {}, [], series)
    back = cache._unpack(marshal.loads(marshal.dumps(cache._pack("k", entry))))
    assert back == entry
