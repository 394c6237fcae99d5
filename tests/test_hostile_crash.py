"""A crash is not a finding: internal errors exit 70 with one line, operating-system
errors exit 2 with one line, a closed pipe ends quietly (issue 13.10, 13.13)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Result
from linyi_tracker import usecases
from linyi_tracker.cli.app import INTERNAL_ERROR, PIPE_CLOSED

Run = Callable[..., Result]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and folders")


def _bug(*args: object, **kwargs: object) -> object:
    raise RuntimeError("a bug in the status use case")


@pytest.fixture
def buggy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The status use case raises an exception nobody expected."""
    monkeypatch.setattr(usecases, "status", _bug)


def test_an_internal_error_exits_with_its_own_code(run: Run, buggy: None) -> None:
    """An unexpected exception exits 70, neither 1 (data errors) nor 2 (usage)."""
    assert run("status").exit_code == INTERNAL_ERROR == 70


def test_an_internal_error_is_one_line_without_a_traceback(run: Run, buggy: None) -> None:
    """Without the debug switch the user sees one line naming the error, no traceback."""
    r = run("status")
    assert r.stderr.splitlines() == [
        "Error: internal error: RuntimeError: a bug in the status use case; please report it, "
        "with --debug (or LINYI_TRACKER_DEBUG=1) for the details"
    ]


def test_an_internal_error_is_reported_in_chinese(run: Run, buggy: None) -> None:
    """With --lang zh the line is Chinese and asks for a report."""
    r = run("status", "--lang", "zh")
    assert r.stderr.startswith("错误：内部错误：RuntimeError") and "请报告此问题" in r.stderr


def test_the_debug_option_shows_the_traceback(run: Run, buggy: None) -> None:
    """`linyi-tracker --debug status` prints the traceback before the line."""
    r = run("--debug", "status")
    assert r.exit_code == INTERNAL_ERROR
    assert "Traceback (most recent call last)" in r.stderr and "_bug" in r.stderr


def test_the_debug_option_works_after_the_command_too(run: Run, buggy: None) -> None:
    """`linyi-tracker status --debug`, as the message invites, shows the traceback too."""
    r = run("status", "--debug")
    assert r.exit_code == INTERNAL_ERROR and "Traceback (most recent call last)" in r.stderr


def test_the_debug_variable_shows_the_traceback(run: Run, buggy: None) -> None:
    """LINYI_TRACKER_DEBUG=1 does what --debug does."""
    r = run("status", env={"LINYI_TRACKER_DEBUG": "1"})
    assert "Traceback (most recent call last)" in r.stderr


def test_the_debug_option_has_help_in_both_languages(run: Run) -> None:
    """The root's --debug is listed in the help page in zh and en."""
    assert "full traceback" in run("--help").stdout
    assert "调用栈" in run("--help", "--lang", "zh").stdout


def test_an_unexpected_os_error_is_one_line_and_exit_2(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError nobody caught names its reason and path in one line, exit 2."""

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "/srv/data/secret.csv")

    monkeypatch.setattr(usecases, "status", denied)
    r = run("status")
    assert (r.exit_code, r.stderr.strip()) == (2, "Error: Permission denied: /srv/data/secret.csv")


def test_a_closed_pipe_ends_quietly(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """`… | head` closing the pipe is exit 141 (128 + SIGPIPE) and says nothing."""

    def closed(*args: object, **kwargs: object) -> object:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(usecases, "status", closed)
    r = run("status")
    assert (r.exit_code, r.stderr) == (PIPE_CLOSED, "")


def test_a_path_too_long_is_one_line_and_exit_2(run: Run) -> None:
    """A --data name longer than the system allows is a message, not a traceback."""
    r = run("status", "--data", "a" * 5000)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: ") and len(r.stderr.strip().splitlines()) == 1


@posix_only
def test_a_deleted_current_folder_is_a_message(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running in a folder that was deleted meanwhile says so, exit 2."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    r = run("status")
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        "Error: the current folder no longer exists (deleted or moved); "
        "cd to a folder that exists and run again"
    )


def test_an_os_error_gives_its_reason_in_chinese(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """In Chinese the common reasons are translated (权限, 磁盘已满 …)."""

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "/srv/data/secret.csv")

    monkeypatch.setattr(usecases, "status", denied)
    assert run("status", "--lang", "zh").stderr.strip() == "错误：没有权限：/srv/data/secret.csv"


@pytest.mark.parametrize("epoch", ["99999999999999999999", "253402300800"])
def test_source_date_epoch_out_of_range_is_a_message(run: Run, epoch: str) -> None:
    """A SOURCE_DATE_EPOCH past what a date can hold is a one-line message, exit 2."""
    r = run("report", "2019", "--format", "md", env={"SOURCE_DATE_EPOCH": epoch})
    assert r.exit_code == 2
    assert f"SOURCE_DATE_EPOCH={epoch} is not a usable time" in r.stderr


def _cli(
    args: list[str],
    stdout: object,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LINYI_TRACKER")}
    environment.update({"LINYI_TRACKER_CACHE": "off", "LANG": "C.UTF-8", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "linyi_tracker", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=REPO,
        timeout=120,
        check=False,
        preexec_fn=preexec,
    )


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_standard_output_is_a_message(tmp_path: Path) -> None:
    """`> /dev/full`: the write fails at the final flush — one line and exit 2, no
    "Exception ignored" from the interpreter."""
    with open("/dev/full", "wb") as full:
        done = _cli(["status"], full)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "Error: cannot write the output: No space left on device"


@posix_only
def test_output_past_the_file_size_limit_is_said_in_chinese(tmp_path: Path) -> None:
    """JSON written in parts past the file-size limit (ulimit -f): one line in the run's
    language naming the reason (文件超过大小上限), exit 2."""
    import resource
    import signal

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    with open(tmp_path / "out.json", "wb") as out:
        done = _cli(["status", "--format", "json", "--lang", "zh"], out, preexec=limited)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "错误：无法写出结果：文件超过大小上限"


@posix_only
def test_a_reader_gone_before_the_output_is_a_quiet_141() -> None:
    """Standard output a pipe whose reader has already closed: exit 141, nothing on stderr
    (rich alone would exit 1, the code for data errors)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _cli(["status"], write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (PIPE_CLOSED, b"")
