"""-o FILE: links written through, permissions kept, devices never replaced, errors in one line."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from linyi_tracker.cli import files

Run = Callable[..., Result]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, modes and pipes")


def template(run: Run, output: Path) -> Result:
    return run("template", "--period", "2016", "-o", str(output), width=400)


@posix_only
def test_a_symlink_is_written_through_and_stays_a_link(run: Run, tmp_path: Path) -> None:
    """-o LINK writes the file the link names; the link is not replaced by a file."""
    (tmp_path / "published").mkdir()
    real = tmp_path / "published" / "t.csv"
    link = tmp_path / "t.csv"
    link.symlink_to(real)
    assert template(run, link).exit_code == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbfindicator")


@posix_only
def test_an_existing_file_keeps_its_mode(run: Run, tmp_path: Path) -> None:
    """A 0600 file stays 0600 when -o replaces it."""
    out = tmp_path / "private.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert template(run, out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text("utf-8-sig") != "old"


@posix_only
def test_a_named_pipe_is_written_into_not_replaced(run: Run, tmp_path: Path) -> None:
    """-o PIPE sends the output down the pipe; the pipe is still a pipe."""
    pipe = tmp_path / "out.csv"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    r = template(run, pipe)
    reader.join(timeout=30)
    assert r.exit_code == 0 and stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith(b"\xef\xbb\xbfindicator")


@pytest.mark.parametrize(
    ("errno", "reason"), [(30, "Read-only file system"), (28, "No space left on device")]
)
def test_a_write_error_is_one_line_and_exit_2(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno: int, reason: str
) -> None:
    """A read-only folder or a full disk: 'cannot write FILE: reason', exit 2, no temporary left."""

    def fail(*args: object) -> None:
        raise OSError(errno, reason)

    monkeypatch.setattr(files.os, "replace", fail)
    out = tmp_path / "t.csv"
    r = template(run, out)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"Error: cannot write {out}: {reason}"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_write_error_is_in_chinese_too(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With LINYI_TRACKER_LANG=zh, or --lang zh, the one-line message is Chinese, the
    system's reason too (it used to follow the environment only, and keep the English)."""

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", fail)
    out = tmp_path / "t.csv"
    r = run("template", "--period", "2016", "-o", str(out), env={"LINYI_TRACKER_LANG": "zh"})
    assert r.exit_code == 2 and f"无法写入 {out}：磁盘已满" in r.stderr
    r = run("template", "--period", "2016", "-o", str(out), "--lang", "zh")
    assert r.exit_code == 2 and f"无法写入 {out}：磁盘已满" in r.stderr
