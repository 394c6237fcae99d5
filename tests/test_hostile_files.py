"""Inputs that are not regular files (a named pipe, a device): refused at once, exit 2."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Run = Callable[..., Result]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


def fifo(tmp_path: Path, name: str) -> Path:
    """A named pipe nobody writes to: opening it to read would block for ever."""
    path = tmp_path / name
    os.mkfifo(path)
    return path


@needs_dev_zero
def test_plan_check_refuses_a_device(run: Run) -> None:
    """`plan check /dev/zero` is refused, naming it, instead of reading for ever."""
    r = run("plan", "check", "/dev/zero")
    assert r.exit_code == 2 and "/dev/zero is not a regular file (it is a device)" in r.stderr


@needs_fifo
def test_a_plan_that_is_a_named_pipe_is_refused(run: Run, tmp_path: Path) -> None:
    """--plan naming a FIFO is refused without blocking on it."""
    pipe = fifo(tmp_path, "plan.yaml")
    r = run("status", "--plan", str(pipe), width=400)
    assert r.exit_code == 2 and f"{pipe} is not a regular file (it is a named pipe)" in r.stderr


@needs_fifo
def test_validate_on_a_named_pipe_says_what_it_is(run: Run, tmp_path: Path) -> None:
    """validate on a FIFO names it as a pipe, not 'no such file'."""
    pipe = fifo(tmp_path, "sub.csv")
    r = run("validate", str(pipe), "--no-store", width=400)
    assert r.exit_code == 2 and "is not a regular file (it is a named pipe)" in r.stderr
    assert "no such file" not in r.stderr


@needs_fifo
@pytest.mark.parametrize("command", ["validate", "plan check"])
def test_a_named_pipe_is_refused_in_the_readers_language(
    run: Run, tmp_path: Path, command: str
) -> None:
    """With --lang zh the refusal, and what the file is, are said in Chinese."""
    pipe = fifo(tmp_path, "sub.csv")
    r = run(*command.split(), str(pipe), "--lang", "zh", width=400)
    assert r.exit_code == 2 and f"{pipe} 不是普通文件（是命名管道）" in r.stderr


@needs_dev_zero
def test_ingest_refuses_a_device(run: Run, tmp_path: Path) -> None:
    """ingest /dev/zero is refused before anything is read or written."""
    store = tmp_path / "store"
    store.mkdir()
    r = run("ingest", "/dev/zero", "--data", str(store))
    assert r.exit_code == 2 and "is not a regular file" in r.stderr
    assert list(store.iterdir()) == []


@needs_dev_zero
def test_the_refusal_is_in_chinese_too(run: Run) -> None:
    """With a Chinese locale the message is Chinese."""
    r = run("plan", "check", "/dev/zero", env={"LINYI_TRACKER_LANG": "zh"})
    assert r.exit_code == 2 and "/dev/zero 不是普通文件（是设备文件）" in r.stderr
