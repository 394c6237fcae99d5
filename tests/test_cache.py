"""The store cache: what comes back is exactly what reading gives, and never stale."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import tracemalloc
import typing
import zlib
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, FIXTURES, REPO, TODAY, Result, csv_rows
from linyi_tracker.actuals import cache, store
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.reader import FileRead, Observation
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.findings import Finding, Named, Severity
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
    files = len(store.data_files(folder))
    assert len(list((tmp_path / "cache").glob("*" + cache.FILE_SUFFIX))) == files
    no_reading(monkeypatch)
    cached = load(plan, folder, tmp_path / "cache")
    assert cached == fresh
    assert_same(cached, fresh)


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


@pytest.mark.parametrize(
    ("change", "reads"),
    [("new file", ["more.csv"]), ("removed file", []), ("other day", None), ("plan", None)],
)
def test_any_input_change_reads_what_it_changed(
    plan: Plan,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: str,
    reads: list[str] | None,
) -> None:
    """A new file is read alone, a removed one reads nothing, another day or another plan
    reads every file; each gives the store read without the cache."""
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
    truth = load_store(plan, folder, today=day)
    calls = counting_reads(monkeypatch)
    got = load(plan, folder, tmp_path / "cache", day)
    assert [Path(str(c[0])).name for c in calls] == (
        reads if reads is not None else [p.name for p in store.data_files(folder)]
    )
    assert_same(got, truth)


def test_a_damaged_entry_is_ignored_and_replaced(plan: Plan, folder: Path, tmp_path: Path) -> None:
    """Cut entries give the store read from the files, and are replaced by good ones."""
    fresh = load(plan, folder, tmp_path / "cache")
    entries = [p for p in (tmp_path / "cache").iterdir() if p.name != cache.SECRET]
    written = {p: p.read_bytes() for p in entries}
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])
    assert load(plan, folder, tmp_path / "cache") == fresh
    assert {p: p.read_bytes() for p in entries} == written
    assert load(plan, folder, tmp_path / "cache") == fresh


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    """A cache folder that cannot be made changes nothing but the time."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert load(plan, folder, blocked / "cache") == load_store(plan, folder, today=TODAY)


def test_files_that_change_while_read_are_not_cached(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that changes while it is read (a row appended by a clerk's sync): nothing is
    written for it, nor for the store; every other file's entry is; the next run reads that
    file alone and gives what reading every file gives."""
    cache_dir, extra = tmp_path / "cache", folder / "extra.csv"
    real = store._read_file

    def appending(path: Path, *args: Any) -> Any:
        got = real(path, *args)
        if path == extra:
            with extra.open("a", encoding="utf-8") as handle:
                handle.write("emp.new_urban_jobs,2018,lanshan,9600,人,county report,,\n")
        return got

    monkeypatch.setattr(store, "_read_file", appending)
    load(plan, folder, cache_dir)
    monkeypatch.undo()
    assert not file_entry(cache_dir, plan, extra).exists()
    assert not list(cache_dir.glob("*" + cache.SUFFIX))
    others = [p for p in store.data_files(folder) if p != extra]
    assert all(file_entry(cache_dir, plan, p).exists() for p in others)
    truth = load_store(plan, folder, today=TODAY)
    reads = counting_reads(monkeypatch)
    assert_same(load(plan, folder, cache_dir), truth)
    assert [args[0] for args in reads] == [extra]


def test_small_stores_are_not_cached(plan: Plan, folder: Path, tmp_path: Path) -> None:
    """Stores under CACHE_MIN_BYTES are read every time, with no cache folder made."""
    load_store(plan, folder, today=TODAY, cache_folder=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_old_entries_are_dropped(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond the current run's entries, only the newest KEEP store and KEEP_FILES file
    entries stay; the current run's are all kept (the next run reads no file)."""
    monkeypatch.setattr(cache, "KEEP", 2)
    monkeypatch.setattr(cache, "KEEP_FILES", 3)
    for n in range(5):
        load(plan, folder, tmp_path / "cache", date(2026, 1, 1 + n))
    files = len(store.data_files(folder))
    assert len(list((tmp_path / "cache").glob("*.store"))) == 1 + 2
    assert len(list((tmp_path / "cache").glob("*" + cache.FILE_SUFFIX))) == files + 3
    no_reading(monkeypatch)
    load(plan, folder, tmp_path / "cache", date(2026, 1, 5))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("off", None), ("0", None), ("", None), ("/tmp/x", Path("/tmp/x"))],
)
def test_the_cache_folder_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: Path | None
) -> None:
    """LINYI_TRACKER_CACHE names the folder, or switches the cache off."""
    monkeypatch.setenv("LINYI_TRACKER_CACHE", value)
    assert cache.default_folder() == expected


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux")
def test_without_a_setting_the_cache_is_in_the_user_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without the variable, the folder is platformdirs' user cache folder (XDG on Linux)."""
    monkeypatch.delenv("LINYI_TRACKER_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.default_folder() == tmp_path / "linyi-tracker"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.default_folder() == Path.home() / ".cache" / "linyi-tracker"


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
    assert len(text.encode()) > store.CACHE_MIN_BYTES
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


def test_a_write_that_fails_leaves_no_temporary_file(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A temporary file that cannot be renamed into place (a full disk, a locked name on
    Windows) is removed at once: no entry, no litter, the store as the files give it."""
    cache_dir = tmp_path / "cache"

    def refused(*args: object) -> None:
        raise OSError("no room")

    monkeypatch.setattr(cache.os, "replace", refused)
    assert_same(load(plan, folder, cache_dir), load_store(plan, folder, today=TODAY))
    assert sorted(p.name for p in cache_dir.iterdir()) == [cache.SECRET]


def test_entries_signed_with_another_secret_are_refused(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new secret (the old one lost, or swapped) makes every entry signed with the old
    one unreadable: each file is read again, and its entry written afresh."""
    cache_dir = tmp_path / "cache"
    fresh = load(plan, folder, cache_dir)
    before = {p: p.read_bytes() for p in cache_dir.iterdir() if p.name != cache.SECRET}
    (cache_dir / cache.SECRET).write_bytes(os.urandom(32))
    reads = counting_reads(monkeypatch)
    assert_same(load(plan, folder, cache_dir), fresh)
    assert len(reads) == len(store.data_files(folder))
    after = {p: p.read_bytes() for p in cache_dir.iterdir() if p.name != cache.SECRET}
    assert after.keys() == before.keys() and all(after[p] != before[p] for p in before)


def test_a_new_openpyxl_reads_workbooks_again(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workbooks are read by openpyxl: another version of it gives another key."""
    book = folder / "book.xlsx"
    shutil.copy(FIXTURES / "submissions" / "workbook-positions.xlsx", book)
    context = cache.context_of(plan, TODAY)
    before = cache.file_key(context, book, "book.xlsx")
    monkeypatch.setattr(cache, "_version_of", lambda name: "99.0")
    assert cache.file_key(context, book, "book.xlsx") != before


@pytest.mark.parametrize("rows", [0, 1], ids=["no rows", "one word"])
def test_entries_without_numbers_round_trip(rows: int) -> None:
    """No observations at all, or one with a word and no number: the value column's
    text must tell them apart."""
    words = [
        Observation(
            "gov.citizen_centre", parse_period("2015"), "city", None, "done", None, None,
            "city report", "", None, "x.csv", 2,
        )
    ][:rows]  # fmt: skip
    entry = cache.FileEntry(FileRead("x.csv", "utf-8", rows), words)
    assert through_entry(entry) == entry


OBSERVATIONS = st.lists(
    st.builds(
        Observation,
        indicator=st.sampled_from(["emp.new_urban_jobs", "城镇新增就业人数", ""]),
        period=st.sampled_from(["2016", "2017Q3", "2017-09", "2017年9月"]).map(parse_period),
        region=st.sampled_from(["", "lanshan", "临沂市兰山区"]),
        value=st.none()
        | st.sampled_from(["9800", "9800.0", "0.98E+4", "-0", "0", "1E-7", "92.50"]).map(Decimal)
        | st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**12),
        word=st.none() | st.sampled_from(["done", "达标"]),
        done_on=st.none() | st.dates(),
        unit=st.none() | st.sampled_from(["人", "万人", ""]),
        source=st.text(max_size=6),
        note=st.text(max_size=12),
        as_of=st.none() | st.dates(),
        file=st.sampled_from(["a.csv", "兰山区/2017年.csv"]),
        line=st.integers(min_value=1, max_value=2**31 - 1),
        measure=st.sampled_from(["level", "growth"]),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(OBSERVATIONS)
def test_any_observations_round_trip_as_written(rows: list[Observation]) -> None:
    """Any observations — Chinese texts, none and empty, 9800 beside 9800.0, dates, growth
    figures, columns of one value or of many — read back equal and written the same."""
    entry = cache.FileEntry(FileRead("a.csv", "gb18030", len(rows)), rows)
    back = through_entry(entry)
    assert back == entry
    assert [o.text for o in back.rows] == [o.text for o in rows]
    assert [str(o.value) for o in back.rows] == [str(o.value) for o in rows]


def test_named_parameters_keep_their_names_in_both_languages() -> None:
    """A finding's parameter named for a reader (the unit 人 / persons, the column 指标代码)
    reads back as that name, not its id: the second run's message is the first run's."""
    params = {
        "expected": Named("persons", "人", "persons"),
        "unit": "元",
        "value": Decimal("9800.50"),
        "rows": [3, 4],
        "count": 2,
    }
    finding = Finding("unit-mismatch", Severity.ERROR, "a.csv", 2, params=params)
    read = FileRead("a.csv", "utf-8", 0, findings=[finding])
    (back,) = through_entry(cache.FileEntry(read, [])).read.findings
    assert back == finding and shown([back]) == shown([finding])
    expected = back.params["expected"]
    assert isinstance(expected, Named) and (expected.zh, expected.en) == ("人", "persons")
    assert [type(v) for v in back.params.values()] == [type(v) for v in params.values()]


def test_names_read_back_from_two_entries_are_one_object() -> None:
    """A name (and a figure) repeated by two files' entries is read back as one object:
    a million county figures hold the same thousand names in every file."""
    row = Observation(
        "城镇新增就业人数", parse_period("2017-09"), "临沂市兰山区", Decimal("4385"), None, None,
        "人", "county report", "", None, "a.csv", 2,
    )  # fmt: skip
    first, second = (
        through_entry(cache.FileEntry(FileRead(name, "utf-8", 1), [row._replace(file=name)]))
        for name in ("a.csv", "b.csv")
    )
    assert first.rows[0].indicator is second.rows[0].indicator
    assert first.rows[0].value is second.rows[0].value


def test_the_fixture_files_give_the_same_store_cached(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every data file of the test fixtures (GB18030, GBK Chinese headers, 万, full-width
    digits, bad rows, workbooks) in one folder: the store read through the cache, written
    and then read back, is the store read without it, every figure and finding."""
    data = tmp_path / "data"
    data.mkdir()
    for folder in (FIXTURES / "data", FIXTURES / "submissions"):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".csv", ".xlsx"):
                shutil.copy(path, data / f"{folder.name}-{path.name}")
    truth = load_store(plan, data, today=TODAY)
    assert len(truth.files) > 50 and any(f.encoding == "gb18030" for f in truth.files)
    assert {"magnitude-suffix", "full-width-characters"} <= {f.code for f in truth.findings}
    assert any(isinstance(v, Named) for f in truth.findings for v in f.params.values())
    assert_same(load(plan, data, tmp_path / "cache"), truth)
    reads = counting_reads(monkeypatch)
    assert_same(load(plan, data, tmp_path / "cache"), truth)
    assert len(reads) < len(truth.files) // 10  # served from the cache


# ------------------------------------------------------------------ what the cache trusts

# A file with rows enough for runs in its columns, words, dates, findings and revisions.
CRAFTED = EXTRA + "".join(
    f"emp.new_urban_jobs,2018-{month:02d},yinan,{700 + month},人,county report,,\n"
    for month in range(1, 13)
)


def file_entry(cache_dir: Path, plan: Plan, path: Path) -> Path:
    """The entry of what reading ``path`` gave (shown by its full name, as ``load`` shows it)."""
    known = cache.file_key(cache.context_of(plan, TODAY), path, str(path))
    assert known is not None
    return cache_dir / (known.key + cache.FILE_SUFFIX)


def store_entry(cache_dir: Path) -> Path:
    (entry,) = cache_dir.glob("*" + cache.SUFFIX)
    return entry


def body_of(entry: Path) -> bytes:
    """An entry's database, as its bytes (what the digest covers)."""
    return entry.read_bytes()[cache._HEADER :]


def database(entry: Path) -> sqlite3.Connection:
    """An entry's database, to look into or change (a copy of the test's own)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.deserialize(body_of(entry))
    return db


def signed(cache_dir: Path, key: str, body: bytes) -> bytes:
    """An entry signed with the user's own secret: what only this code could have written."""
    secret = (cache_dir / cache.SECRET).read_bytes()
    return cache._MAGIC + cache._sign(secret, key, body).encode() + b"\n" + body


def rewrite(cache_dir: Path, entry: Path, change: Callable[[sqlite3.Connection], object]) -> None:
    """The entry's database changed by ``change``, signed again with the user's secret."""
    db = database(entry)
    change(db)
    entry.write_bytes(signed(cache_dir, entry.stem, db.serialize()))


def texts_of(db: sqlite3.Connection, field: str) -> list[str]:
    """The distinct texts of one column of a file's entry."""
    ((blob,),) = db.execute("SELECT texts FROM obs WHERE field = ?", (field,)).fetchall()
    return json.loads(zlib.decompress(blob))  # type: ignore[no-any-return]


def set_texts(db: sqlite3.Connection, field: str, texts: list[str]) -> None:
    db.execute("UPDATE obs SET texts = ? WHERE field = ?", (cache._pack_texts(texts), field))


def through(
    pack: Callable[[sqlite3.Connection, Any], None],
    unpack: Callable[[sqlite3.Connection], Any],
    entry: Any,
) -> Any:
    """An entry written to a database and read back from its bytes, as the cache does."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    pack(db, entry)
    again = sqlite3.connect(":memory:")
    again.deserialize(db.serialize())
    return unpack(again)


def through_entry(entry: cache.FileEntry) -> cache.FileEntry:
    """A file's entry written and read back (as for a data file of 1 MB)."""
    return through(cache._pack_file, lambda db: cache._unpack_file(db, 1 << 20), entry)  # type: ignore[no-any-return]


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Every read of a data file (a cache miss) from now on, by its arguments."""
    calls: list[tuple[object, ...]] = []
    real = store._read_file

    def counting(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(store, "_read_file", counting)
    return calls


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, reading a data file fails the test."""

    def refused(*args: object) -> object:
        raise AssertionError(f"{args[0]} was read again")

    monkeypatch.setattr(store, "_read_file", refused)


def assert_same(got: Store, truth: Store) -> None:
    """Everything a store holds, the same as the store read without the cache."""
    assert got.files == truth.files
    assert got.observations == truth.observations
    assert [o.text for o in got.observations] == [o.text for o in truth.observations]
    assert got.revisions == truth.revisions
    assert got.withdrawn == truth.withdrawn
    assert got.findings == truth.findings
    # a Named parameter equals its id: what a clerk reads is compared too (单位“人”, not “persons”)
    assert shown(got.findings) == shown(truth.findings)
    assert got.index() == truth.index()


def shown(findings: list[Finding]) -> list[object]:
    """Each finding as a clerk and an analyst read it: its message and hint, zh and en."""
    return [(render(f, "zh"), render(f, "en")) for f in findings]


def mutations(blob: bytes, rng: random.Random) -> bytes:
    """One random damage: a flipped byte, a cut, bytes added, a digit changed, a stretch
    of the database overwritten, or a changed digest."""
    kind = rng.choice(["flip", "truncate", "extend", "digit", "stretch", "digest"])
    data = bytearray(blob)
    if kind == "flip":
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del data[rng.randrange(len(data)) :]
    elif kind == "extend":
        data += rng.randbytes(rng.randrange(1, 5000))
    elif kind == "digit":
        digits = [i for i in range(cache._HEADER, len(data)) if chr(data[i]).isdigit()]
        at = rng.choice(digits)
        data[at] = ord(rng.choice([d for d in "0123456789" if d != chr(data[at])]))
    elif kind == "stretch":
        at = rng.randrange(cache._HEADER, len(data) - 16)
        data[at : at + 16] = rng.randbytes(16)
    else:
        at = rng.randrange(len(cache._MAGIC), cache._HEADER - 1)
        data[at] = ord("0" if data[at] != ord("0") else "1")
    return bytes(data)


@pytest.mark.parametrize("which", ["file", "store"])
def test_random_damage_never_changes_a_figure(
    plan: Plan, folder: Path, tmp_path: Path, which: str
) -> None:
    """Flipped bytes, cuts, additions and changed digits in a file's entry or the store's:
    every load gives exactly what the files say, raises nothing, and leaves a good entry
    behind."""
    cache_dir = tmp_path / "cache"
    truth = load_store(plan, folder, today=TODAY)
    load(plan, folder, cache_dir)
    entry = (
        file_entry(cache_dir, plan, folder / "extra.csv")
        if which == "file"
        else store_entry(cache_dir)
    )
    pristine = entry.read_bytes()
    rng = random.Random(20161231)
    for _ in range(100):
        entry.write_bytes(mutations(pristine, rng))
        got = load(plan, folder, cache_dir)
        assert_same(got, truth)
        assert entry.read_bytes() == pristine  # the damaged entry was replaced


@pytest.mark.parametrize("how", ["digest kept", "digest under another secret"])
def test_a_changed_figure_in_a_well_formed_entry_is_refused(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The figure 44300 changed to 94300 in a well-formed database (the audit's example):
    the HMAC refuses it, whether the old digest is kept or a new one made without the
    secret."""
    cache_dir = tmp_path / "cache"
    truth = load(plan, folder, cache_dir)
    (entry,) = [p for p in cache_dir.glob("*.file") if "44300" in texts_of(database(p), "value")]
    db = database(entry)
    figures = texts_of(db, "value")
    set_texts(db, "value", [text.replace("44300", "94300") for text in figures])
    body = db.serialize()
    if how == "digest kept":
        crafted = entry.read_bytes()[: cache._HEADER] + body
    else:
        forged = cache._sign(b"x" * 32, entry.stem, body).encode()
        crafted = cache._MAGIC + forged + b"\n" + body
    entry.write_bytes(crafted)
    reads = counting_reads(monkeypatch)
    got = load(plan, folder, cache_dir)
    assert len(reads) == 1 and got == truth
    assert "94300" not in {o.text for o in got.observations}


def malformed_files() -> dict[str, Callable[[sqlite3.Connection], object]]:
    """A file's entries this code never writes, each signed as if it had: reading them
    fails, so they are refused (a bug, or a leaked secret, cannot make them crash the
    tool or build more than the file could)."""

    def codes(field: str, numbers: list[int]) -> Callable[[sqlite3.Connection], object]:
        return lambda db: db.execute(
            "UPDATE obs SET codes = ? WHERE field = ?", (cache._pack_ints(numbers), field)
        )

    def account(db: sqlite3.Connection) -> None:  # a table that is not STRICT, a number in it
        db.executescript(
            "DROP TABLE account; CREATE TABLE account (json); INSERT INTO account VALUES (42)"
        )

    return {
        "a table missing": lambda db: db.execute("DROP TABLE finding"),
        "a wrong type": account,
        "a column missing": lambda db: db.execute("DELETE FROM obs WHERE field = 'region'"),
        "columns of other lengths": codes("line", [2]),
        "codes cut short": lambda db: db.execute(
            "UPDATE obs SET codes = substr(codes, 1, 5) WHERE field = 'indicator'"
        ),
        "a number beyond its table": codes("indicator", [10**6] * 20),
        "more rows than the file could give": codes("line", [0] * (cache.max_rows(1 << 20) + 1)),
        "a figure that is not one": lambda db: set_texts(db, "value", ["many"] * 20),
        "a period that is not one": lambda db: set_texts(db, "period", ["someday"] * 20),
        "a date that is not one": lambda db: set_texts(db, "as_of", ["2017-02-30"] * 20),
        "an unknown severity": lambda db: db.execute("UPDATE finding SET severity = 'fatal'"),
        "parameters that are not JSON": lambda db: db.execute("UPDATE finding SET params = '{'"),
    }


@pytest.mark.parametrize("craft", list(malformed_files()))
def test_a_signed_malformed_file_entry_is_refused_and_the_file_read(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, craft: str
) -> None:
    """Past the digest, a database that is not what this code writes fails to read: the
    entry is deleted and the file read again, giving what the files say."""
    cache_dir = tmp_path / "cache"
    (folder / "crafted.csv").write_text(CRAFTED, encoding="utf-8")
    truth = load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "crafted.csv")
    rewrite(cache_dir, entry, malformed_files()[craft])
    crafted = entry.read_bytes()
    reads = counting_reads(monkeypatch)
    assert_same(load(plan, folder, cache_dir), truth)
    assert [Path(str(args[0])).name for args in reads] == ["crafted.csv"]
    assert entry.read_bytes() != crafted  # replaced by a good one
    assert cache.load_file(cache_dir, cache.FileKey(entry.stem, 1 << 20)) is not None


@pytest.mark.parametrize(
    "body",
    [b"", b"not a database", b"SQLite format 3\0" + b"\xff" * 200, "empty"],
    ids=["nothing", "text", "a damaged header", "a database without tables"],
)
def test_signed_bytes_that_are_not_an_entry_are_refused(
    plan: Plan, folder: Path, tmp_path: Path, body: bytes | str
) -> None:
    """Whatever stands behind a valid digest, loading returns nothing and raises nothing."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    if body == "empty":
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.executescript("CREATE TABLE t (x); DROP TABLE t")  # an empty one cannot be serialized
        body = db.serialize()
    assert isinstance(body, bytes)
    entry.write_bytes(signed(cache_dir, entry.stem, body))
    assert cache.load_file(cache_dir, cache.FileKey(entry.stem, 1 << 20)) is None


def test_a_column_that_would_inflate_past_its_bound_is_not_inflated(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    """40 MB of zeros compress to a few kilobytes: such a column, signed, is refused after
    inflating no more than the rows the file could give (memory stays small)."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    bomb = zlib.compress(bytes(40 << 20), 9)
    rewrite(
        cache_dir,
        entry,
        lambda db: db.execute("UPDATE obs SET codes = ? WHERE field = 'line'", (bomb,)),
    )
    tracemalloc.start()
    try:
        assert cache.load_file(cache_dir, cache.FileKey(entry.stem, 1 << 20)) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


def test_the_texts_of_all_columns_share_one_bound(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text an entry may hold is a bound for the whole entry, not for each column: a
    signed entry whose columns each stay under it, and together pass it, is refused (a
    dozen columns would otherwise build a dozen times what the entry may hold)."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    bound = 1 << 20
    monkeypatch.setattr(cache, "size_limit", lambda data_bytes: bound)
    filler = [f"{n:07d}" for n in range(bound // 12)]  # ~0.8 of the bound as JSON

    def padded(db: sqlite3.Connection) -> None:
        for field in ("source", "note"):
            set_texts(db, field, texts_of(db, field) + filler)  # numbers still valid

    rewrite(cache_dir, entry, padded)
    assert entry.stat().st_size < bound  # small compressed: it is opened
    assert cache.load_file(cache_dir, cache.FileKey(entry.stem, 1 << 20)) is None
    assert not entry.exists()


def test_an_entry_over_the_size_limit_is_not_read(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry larger than size_limit() is refused from its size alone: neither its
    digest nor its database is looked at, and it is deleted."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    looked: list[object] = []
    monkeypatch.setattr(cache, "size_limit", lambda data_bytes: entry.stat().st_size - 1)
    monkeypatch.setattr(cache, "_verified", lambda *args: looked.append(args))
    assert cache.load_file(cache_dir, cache.FileKey(entry.stem, 1 << 20)) is None
    assert not looked and not entry.exists()


def malformed_stores() -> dict[str, Callable[[sqlite3.Connection], object]]:
    """A store's entries this code never writes, signed as if it had: refused too (the
    positions are looked up by the store once the entry is read, so they are checked)."""

    def current(numbers: Callable[[int], list[int]]) -> Callable[[sqlite3.Connection], object]:
        def change(db: sqlite3.Connection) -> None:
            ((figures,),) = db.execute("SELECT figures FROM outcome").fetchall()
            db.execute("UPDATE outcome SET current = ?", (cache._pack_ints(numbers(figures)),))

        return change

    return {
        "other figures": lambda db: db.execute("UPDATE outcome SET figures = figures + 1"),
        "a table missing": lambda db: db.execute("DROP TABLE withdrawn"),
        "a figure counting beyond the figures": current(lambda n: [n]),
        "a negative position": current(lambda n: [-1]),
        "more figures counting than there are": current(lambda n: [0] * (n + 1)),
        "positions cut short": lambda db: db.execute("UPDATE outcome SET current = x'78'"),
        "a revision beyond the figures": lambda db: db.execute(
            "UPDATE revision SET position = 10000"
        ),
        "a withdrawal not in the record": lambda db: db.execute(
            "INSERT INTO withdrawn VALUES (0, 0)"
        ),
    }


@pytest.mark.parametrize("craft", list(malformed_stores()))
def test_a_signed_malformed_store_entry_is_refused(
    plan: Plan, folder: Path, tmp_path: Path, craft: str
) -> None:
    """Past the digest, a store's database that is not what this code writes is refused
    and deleted, and the figures reconciled again give what the files say."""
    cache_dir = tmp_path / "cache"
    truth = load(plan, folder, cache_dir)
    entry = store_entry(cache_dir)
    ((figures,),) = database(entry).execute("SELECT figures FROM outcome").fetchall()
    rewrite(cache_dir, entry, malformed_stores()[craft])
    found = cache.load_outcome(
        cache_dir, entry.stem, figures=figures, withdrawals=0, data_bytes=1 << 20
    )
    assert found is None and not entry.exists()
    assert_same(load(plan, folder, cache_dir), truth)


def test_the_signed_entries_as_written_are_accepted(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rewriting helpers above change only what each test says: unchanged, the
    re-signed entries read back as the store."""
    cache_dir = tmp_path / "cache"
    fresh = load(plan, folder, cache_dir)
    for entry in [*cache_dir.glob("*.file"), store_entry(cache_dir)]:
        rewrite(cache_dir, entry, lambda db: None)
    no_reading(monkeypatch)
    assert_same(load(plan, folder, cache_dir), fresh)


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and links")


@posix_only
def test_entries_and_the_secret_are_private(plan: Plan, folder: Path, tmp_path: Path) -> None:
    """The folder is made 0700, the entry and the HMAC secret 0600."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store_entry(cache_dir).stat().st_mode) == 0o600
    assert stat.S_IMODE(file_entry(cache_dir, plan, folder / "extra.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE((cache_dir / cache.SECRET).stat().st_mode) == 0o600


@posix_only
def test_a_link_planted_at_an_entry_is_not_written_through(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    """Writing replaces the link itself: the file it points to is untouched."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    entry.unlink()
    store_entry(cache_dir).unlink()  # or the store is not read again, nor the file
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    entry.symlink_to(victim)
    load(plan, folder, cache_dir)
    assert victim.read_text() == "precious"
    assert not entry.is_symlink() and entry.stat().st_size > 0


@posix_only
def test_a_link_planted_at_an_entry_is_not_read(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a link to a genuine entry is not followed: the file is read instead."""
    cache_dir = tmp_path / "cache"
    fresh = load(plan, folder, cache_dir)
    entry = file_entry(cache_dir, plan, folder / "extra.csv")
    elsewhere = tmp_path / "elsewhere.file"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    reads = counting_reads(monkeypatch)
    assert load(plan, folder, cache_dir) == fresh
    assert len(reads) == 1 and elsewhere.exists()


@posix_only
def test_a_link_planted_at_the_secret_is_not_followed(
    plan: Plan, folder: Path, tmp_path: Path
) -> None:
    """A link where the secret belongs is neither read as the secret nor written through."""
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o700)
    known = tmp_path / "known.key"
    known.write_bytes(b"k" * 32)
    known.chmod(0o600)
    (cache_dir / cache.SECRET).symlink_to(known)
    load(plan, folder, cache_dir)
    secret = cache_dir / cache.SECRET
    assert not secret.is_symlink() and secret.read_bytes() != b"k" * 32
    assert known.read_bytes() == b"k" * 32


@posix_only
@pytest.mark.parametrize("where", ["secret", "entry"])
def test_a_pipe_planted_in_the_cache_is_not_waited_on(
    plan: Plan, folder: Path, tmp_path: Path, where: str
) -> None:
    """A named pipe where the secret or an entry belongs (open would wait for a writer for
    ever) is refused at once: the files are read and give what they give. Run in a child
    process with a time limit, for a hung open cannot be interrupted from inside."""
    cache_dir = tmp_path / "cache"
    fresh = load(plan, folder, cache_dir)
    target = cache_dir / cache.SECRET if where == "secret" else store_entry(cache_dir)
    target.unlink()
    os.mkfifo(target, 0o600)
    child = (
        "import sys, datetime, pathlib\n"
        "from linyi_tracker.plan.loader import load_plan\n"
        "from linyi_tracker.actuals.store import load_store\n"
        "plan = load_plan(pathlib.Path(sys.argv[1])).plan\n"
        "s = load_store(plan, pathlib.Path(sys.argv[2]), today=datetime.date.fromisoformat("
        "sys.argv[4]), cache_folder=pathlib.Path(sys.argv[3]), cache_min_bytes=0)\n"
        "print(len(s.observations), len(s.findings))\n"
    )
    args = [str(REPO / "data" / "plan.yaml"), str(folder), str(cache_dir), TODAY.isoformat()]
    done = subprocess.run(
        [sys.executable, "-c", child, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(fresh.observations)), str(len(fresh.findings))]


@posix_only
def test_a_folder_others_may_write_in_is_not_used(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder others may write in (a shared team folder) could have a pipe or a
    secret planted: its entries are not read and nothing is written."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entries = sorted(cache_dir.iterdir())
    cache_dir.chmod(0o770)
    truth = load_store(plan, folder, today=TODAY)
    reads = counting_reads(monkeypatch)
    assert load(plan, folder, cache_dir) == truth
    assert len(reads) == len(store.data_files(folder))
    assert sorted(cache_dir.iterdir()) == entries


def test_a_new_opencc_or_pypinyin_reads_every_file_again(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names are read through opencc (traditional script) and pypinyin: another version of
    either gives every file another key."""
    before = cache.context_of(plan, TODAY)
    real = cache._version_of
    for library in ("opencc", "pypinyin"):
        monkeypatch.setattr(
            cache, "_version_of", lambda name, lib=library: "99.0" if name == lib else real(name)
        )
        assert cache.context_of(plan, TODAY) != before
        monkeypatch.undo()


def test_the_cache_folder_is_bounded_in_bytes(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other runs' file entries are kept only up to room() bytes (a day is in every key:
    without a bound a day's entries would pile up for ever); this run's are all kept."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setattr(cache, "ROOM_FLOOR", 0)  # room: as much as this run's entries
    days = [date(2026, 1, 1 + n) for n in range(4)]
    for day in days:
        load(plan, folder, cache_dir, day)
    entries = set(cache_dir.glob("*" + cache.FILE_SUFFIX))
    paths = store.data_files(folder)
    mine = {file_entry_on(cache_dir, plan, p, days[-1]) for p in paths} & entries
    others = entries - mine
    assert len(mine) >= len(paths) - 1  # every file this run read (one gives no entry)
    assert others and len(others) < 3 * len(mine)  # some of the days before, not all
    newest_store = max(cache_dir.glob("*" + cache.SUFFIX), key=lambda p: p.stat().st_mtime)
    used = sum(p.stat().st_size for p in mine) + newest_store.stat().st_size
    assert sum(p.stat().st_size for p in others) <= used


def file_entry_on(cache_dir: Path, plan: Plan, path: Path, day: date) -> Path:
    known = cache.file_key(cache.context_of(plan, day), path, str(path))
    assert known is not None
    return cache_dir / (known.key + cache.FILE_SUFFIX)


@posix_only
def test_a_folder_of_another_user_is_not_used(
    plan: Plan, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries in a folder someone else owns could be swapped: nothing is read or written."""
    cache_dir = tmp_path / "cache"
    load(plan, folder, cache_dir)
    entry = store_entry(cache_dir)
    entry.unlink()
    monkeypatch.setattr(cache, "_uid", lambda: os.geteuid() + 1)
    assert load(plan, folder, cache_dir) == load_store(plan, folder, today=TODAY)
    assert not entry.exists()


def sample(hint: Any) -> Any:
    """A value, not None, of the first type ``hint`` allows (or the mapping of every
    value type it allows): what a Finding may hold, found from its own annotations."""
    members = [m for m in typing.get_args(hint) or (hint,) if m is not type(None)]
    if typing.get_origin(hint) in (dict, Mapping, list):
        members = [hint]
    first = members[0]
    origin = typing.get_origin(first)
    if origin in (dict, Mapping):
        _, value_hint = typing.get_args(first)
        values = [m for m in typing.get_args(value_hint) or (value_hint,)]
        return {f"p{i}": None if m is type(None) else sample(m) for i, m in enumerate(values)}
    if origin is list:
        return [sample(typing.get_args(first)[0])]
    if isinstance(first, type) and issubclass(first, StrEnum):
        return list(first)[-1]
    if dataclasses.is_dataclass(first) and isinstance(first, type):
        hints = typing.get_type_hints(first)
        return first(**{f.name: sample(hints[f.name]) for f in dataclasses.fields(first)})
    examples = {
        str: "第3行",
        int: 12,
        bool: True,
        Decimal: Decimal("9800.5"),
        date: date(2017, 1, 10),
    }
    return examples[first]


def test_a_store_whose_findings_use_every_field_round_trips(tmp_path: Path) -> None:
    """Every field of Finding filled (whatever fields it has): the entry reads back equal,
    in the store's findings and in a file's."""
    hints = typing.get_type_hints(Finding)
    finding = Finding(**{f.name: sample(hints[f.name]) for f in dataclasses.fields(Finding)})
    row = Observation(
        "emp.new_urban_jobs", parse_period("2016-03"), "lanshan", Decimal("9800"), None, None,
        "人", "county report", "", date(2016, 4, 2), "a.csv", 2,
    )  # fmt: skip
    read = FileRead("a.csv", "utf-8", 1, findings=[finding], value_column=4, value_header="数值")
    assert through_entry(cache.FileEntry(read, [row])) == (read, [row])
    outcome = cache.Outcome(1, [0], {}, [], [finding])
    back = through(cache._pack_outcome, lambda db: cache._unpack_outcome(db, 1, 0), outcome)
    assert back.findings == [finding] and list(back.current) == [0]


def test_the_key_covers_every_module_of_the_package(tmp_path: Path) -> None:
    """A change to any module, or a new one, gives another code digest (no list to keep)."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.py").write_text("B = 1\n")
    first = cache.modules_digest(package)
    (package / "sub" / "b.py").write_text("B = 2\n")
    second = cache.modules_digest(package)
    (package / "sub" / "c.py").write_text("")
    assert len({first, second, cache.modules_digest(package)}) == 3


def test_the_code_digest_is_part_of_the_key(
    plan: Plan, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another code digest (a changed module) gives another key."""
    path = folder / "extra.csv"
    before = cache.file_key(cache.context_of(plan, TODAY), path, "extra.csv")
    monkeypatch.setattr(cache, "code_digest", lambda: "another")
    assert cache.file_key(cache.context_of(plan, TODAY), path, "extra.csv") != before


@posix_only
def test_entries_others_can_read_are_removed(plan: Plan, folder: Path, tmp_path: Path) -> None:
    """An older version's entries were 0644: they are never read, and go at the next write."""
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    left = cache_dir / ("0" * 64 + cache.SUFFIX)
    left.write_bytes(b"marshal data of an older version")
    left.chmod(0o644)
    load(plan, folder, cache_dir)
    assert not left.exists() and len(list(cache_dir.glob("*.store"))) == 1


def test_a_small_store_does_not_import_the_cache(tmp_path: Path) -> None:
    """`status` on the embedded example data (far under CACHE_MIN_BYTES) never loads the
    cache module, reconcile.py (no key repeats) or platformdirs: 5 ms of its start-up."""
    code = (
        "import sys; sys.argv = ['linyi-tracker', 'status']\n"
        "from linyi_tracker.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "names = ('linyi_tracker.actuals.cache', 'linyi_tracker.actuals.reconcile', 'platformdirs')\n"
        "print([name for name in names if name in sys.modules], file=sys.stderr)\n"
    )
    # The checkout's code, whatever is installed; run from an empty folder (embedded data).
    env = {**os.environ, "LINYI_TRACKER_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert not (tmp_path / "cache").exists()
