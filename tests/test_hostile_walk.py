"""The data folder's walk: nothing below it is skipped in silence, nothing outside it
is read through a link, and a file changing under the reader is a finding (issue 13.10, 13.20)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals import reader, store
from linyi_tracker.actuals.store import load_store, walk_data
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
HOSTILE = FIXTURES / "hostile"
OUTSIDE = HOSTILE / "outside-target.csv"  # its value cell says SECRET-CONTENT-OF-TARGET
CHANGED = HOSTILE / "changed-while-read.csv"  # GBK bytes: not UTF-8 once "UTF-8" was decided
TODAY = date(2026, 11, 28)
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links")


def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    return folder


def refusals(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(Path(f.file or "").name, f.form) for f in findings if f.code == "unreadable-file"]


def _refuse_listing(monkeypatch: pytest.MonkeyPatch, locked: str) -> None:
    """The system refuses to list ``locked`` (as for a folder without read permission,
    which root — the test runner here — could read anyway)."""
    scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if os.fspath(path) == locked:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)


def test_an_unreadable_sub_folder_is_an_error_naming_it(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sub-folder the system refuses to list is an unreadable-file error (form folder),
    not a silent hole in every total."""
    folder = demo_copy(tmp_path)
    locked = str(folder / "regions")
    _refuse_listing(monkeypatch, locked)
    found = load_store(plan, folder, today=TODAY)
    (finding,) = [f for f in found.findings if f.code == "unreadable-file"]
    assert (finding.file, finding.form, finding.params) == (
        locked,
        "folder",
        {"error": "Permission denied"},
    )
    assert finding.is_error


def test_validate_names_an_unreadable_sub_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate FOLDER with a sub-folder it cannot list: a message naming it, exit 2."""
    folder = demo_copy(tmp_path)
    locked = str(folder / "regions")
    _refuse_listing(monkeypatch, locked)
    r = run("validate", str(folder), width=400)
    assert r.exit_code == 2
    assert f"cannot read the folder {locked} in the data folder: Permission denied" in r.stderr


@posix_only
def test_a_link_to_a_file_outside_is_refused_by_name(plan: Plan, tmp_path: Path) -> None:
    """A link out of the data folder is named in a finding; its target is not read."""
    folder = demo_copy(tmp_path)
    (folder / "borrowed.csv").symlink_to(OUTSIDE)
    found = load_store(plan, folder, today=TODAY)
    assert refusals(found.findings) == [("borrowed.csv", "outside-link")]
    assert all("SECRET" not in str(f.params) for f in found.findings)


@posix_only
def test_a_cached_store_still_names_the_link_out(plan: Plan, tmp_path: Path) -> None:
    """The walk's findings are made on every run, also when the store comes from the cache."""
    folder = demo_copy(tmp_path)
    (folder / "borrowed.csv").symlink_to(OUTSIDE)
    cache = tmp_path / "cache"
    first = load_store(plan, folder, today=TODAY, cache_folder=cache, cache_min_bytes=0)
    again = load_store(plan, folder, today=TODAY, cache_folder=cache, cache_min_bytes=0)
    assert any(cache.iterdir())
    assert (
        refusals(again.findings) == refusals(first.findings) == [("borrowed.csv", "outside-link")]
    )


@posix_only
def test_a_link_to_a_folder_outside_is_refused(tmp_path: Path) -> None:
    """A linked folder leading outside is refused by name, its files not listed."""
    folder = demo_copy(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(OUTSIDE, tmp_path / "elsewhere" / "x.csv")
    (folder / "more").symlink_to(tmp_path / "elsewhere")
    paths, refused = walk_data(folder)
    assert refusals(refused) == [("more", "outside-link")]
    assert not [p for p in paths if p.name == "x.csv"]


@posix_only
def test_a_link_to_a_folder_inside_is_not_counted_twice(tmp_path: Path) -> None:
    """A link to a sub-folder of the data folder is not followed: its files are read once."""
    folder = demo_copy(tmp_path)
    (folder / "again").symlink_to(folder / "regions")
    paths, refused = walk_data(folder)
    assert refused == []
    assert sorted(p.name for p in paths) == sorted(p.name for p in store.data_files(DEMO))


@posix_only
def test_status_refuses_a_folder_with_a_link_out(run: Run, tmp_path: Path) -> None:
    """status names the link in the error and exits 1 (the folder has an error)."""
    folder = demo_copy(tmp_path)
    (folder / "borrowed.csv").symlink_to(OUTSIDE)
    r = run("status", "--data", str(folder))
    assert r.exit_code == 1
    assert (
        "borrowed.csv: error unreadable-file: a link to a file outside the data folder" in r.stderr
    )
    assert "SECRET" not in r.stdout + r.stderr


@posix_only
def test_validate_refuses_a_folder_with_a_link_out(run: Run, tmp_path: Path) -> None:
    """validate FOLDER with a link out is a message naming the link, exit 2."""
    folder = demo_copy(tmp_path)
    (folder / "borrowed.csv").symlink_to(OUTSIDE)
    r = run("validate", str(folder))
    assert r.exit_code == 2
    assert "borrowed.csv is a link to a file outside the data folder" in r.stderr


@posix_only
def test_a_named_pipe_in_the_data_folder_is_refused_not_skipped(plan: Plan, tmp_path: Path) -> None:
    """A FIFO called x.csv is a finding (form not-regular), never opened (it would block)."""
    folder = demo_copy(tmp_path)
    os.mkfifo(folder / "pipe.csv")
    found = load_store(plan, folder, today=TODAY)
    assert refusals(found.findings) == [("pipe.csv", "not-regular")]


@posix_only
def test_validate_refuses_a_folder_holding_a_named_pipe(run: Run, tmp_path: Path) -> None:
    """validate FOLDER with a FIFO named .csv: a message naming it, exit 2, no hang."""
    folder = demo_copy(tmp_path)
    os.mkfifo(folder / "pipe.csv")
    r = run("validate", str(folder))
    assert r.exit_code == 2 and "pipe.csv in the data folder is not a regular file" in r.stderr


def _decided_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    """The encoding check passes as it would have before the file was rewritten."""
    monkeypatch.setattr(reader, "detect_encoding", lambda stream, shown: ("utf-8", []))


def test_a_file_changing_while_read_is_a_finding(
    plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes that stop decoding mid-read are an unreadable-file finding (form changed)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(CHANGED, folder / "city.csv")
    _decided_utf8(monkeypatch)
    found = load_store(plan, folder, today=TODAY)
    assert refusals(found.findings) == [("city.csv", "changed")]


def test_validate_names_a_file_changing_while_read(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate FILE: a message naming the file, exit 2 — never UnicodeDecodeError."""
    _decided_utf8(monkeypatch)
    r = run("validate", str(CHANGED))
    assert r.exit_code == 2
    assert "changed-while-read.csv" in r.stderr and "changed while it was read" in r.stderr


@posix_only
def test_a_data_folder_name_that_is_not_utf8_prints(run: Run, tmp_path: Path) -> None:
    """A folder named with bytes that are not UTF-8 is read; its name prints with U+FFFD."""
    name = os.fsdecode(b"data-\xff\xfe")
    try:
        shutil.copytree(DEMO, tmp_path / name)
    except (OSError, UnicodeEncodeError):  # pragma: no cover - a file system that refuses
        pytest.skip("the file system refuses non-UTF-8 names")
    r = run("status", "--data", str(tmp_path / name))
    assert r.exit_code == 0
    assert "data-\ufffd\ufffd" in r.stdout
