"""What a file holds reaches the terminal as text: no escape sequence, markup or emoji
code acts on it, and a console that cannot encode a character degrades (issue 13.11, 13.14)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, PLAN_FILE, REPO, Result, modules_loaded
from linyi_tracker.cli import streams
from linyi_tracker.cli.output import safe_text

Run = Callable[..., Result]
HOSTILE = FIXTURES / "hostile"
INJECTION = HOSTILE / "terminal-injection.csv"  # ESC, OSC, BEL, RLO, markup and :x: in cells
IN_FINDINGS = HOSTILE / "terminal-injection-findings.csv"  # the same in a value that is wrong


def data_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(INJECTION, folder / "city.csv")
    return folder


def assert_inert(text: str) -> None:
    """No control character but newline; the payload visible as written."""
    assert not [c for c in text if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert "\u202e" not in text


def test_safe_text_shows_escape_sequences_as_escapes() -> None:
    """ESC, BEL and an RTL override become visible escapes; ordinary text is kept."""
    assert safe_text("a\x1b[2Jb\x07\u202e 城镇") == "a\\x1b[2Jb\\x07\\u202e 城镇"


def test_safe_text_keeps_newlines_unless_one_line() -> None:
    """A newline stays a newline in a table cell, and is escaped in a one-line message."""
    assert (safe_text("a\nb"), safe_text("a\nb", one_line=True)) == ("a\nb", "a\\nb")


def test_safe_text_replaces_surrogates_from_undecodable_file_names() -> None:
    """A file name's non-UTF-8 byte (a lone surrogate in Python) prints as U+FFFD."""
    assert safe_text(os.fsdecode(b"d\xff.csv")) == "d\ufffd.csv"


def test_validate_shows_a_cells_escape_sequence_as_text(run: Run) -> None:
    """A finding quoting a cell with ESC[2J and a newline is one line with the escapes visible."""
    r = run("validate", str(IN_FINDINGS))
    assert r.exit_code == 1
    assert_inert(r.stdout)
    assert "'\\x1b[2J\\x1b[1;1HAll good\\n:x: [red]' is not a number" in r.stdout


def test_show_prints_sources_and_notes_inert(run: Run, tmp_path: Path) -> None:
    """show: a source's control characters were dropped at the door (control-character),
    what is left prints as text: `[red]` and `:x:` as written; a bidi override is one of
    the characters dropped at the door (characters.UNSAFE_IN_CELLS), raw or escaped."""
    r = run("show", "emp.new_urban_jobs", "--data", str(data_folder(tmp_path)), width=200)
    assert r.exit_code == 0
    assert_inert(r.stdout)
    assert "[2J[31mAll good :x: [red]boom[/red]" in r.stdout
    assert "]0;pwned" in r.stdout and " evil" in r.stdout
    assert "\u202e" not in r.stdout and "\\u202e" not in r.stdout


def test_the_terminal_report_prints_sources_inert(run: Run, tmp_path: Path) -> None:
    """report (terminal): the sources list shows the payload as text."""
    r = run("report", "2019", "--data", str(data_folder(tmp_path)), width=200)
    assert r.exit_code == 0
    assert_inert(r.stdout)
    assert "[red]boom[/red]" in r.stdout and "❌" not in r.stdout


def test_the_terminal_report_written_to_a_file_is_inert(run: Run, tmp_path: Path) -> None:
    """report -o r.txt (read later with `cat`): no control character, markup kept as written."""
    out = tmp_path / "r.txt"
    assert (
        run("report", "2019", "--data", str(data_folder(tmp_path)), "-o", str(out)).exit_code == 0
    )
    text = out.read_text(encoding="utf-8")
    assert_inert(text)
    assert "[2J[31mAll good :x: [red]boom[/red]" in text


def test_status_prints_inert(run: Run, tmp_path: Path) -> None:
    """status over the folder writes no control character."""
    r = run("status", "--data", str(data_folder(tmp_path)))
    assert r.exit_code == 0
    assert_inert(r.stdout + r.stderr)


def test_plan_names_are_printed_inert(run: Run, tmp_path: Path) -> None:
    """An indicator name holding markup is shown as text by `plan`."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    hostile = text.replace("en: New urban jobs}", 'en: "New urban jobs [2J :x: [red]x[/red]"}')
    assert hostile != text
    plan = tmp_path / "plan.yaml"
    plan.write_text(hostile, encoding="utf-8")
    r = run("plan", "--plan", str(plan), "--lang", "en", width=200)
    assert r.exit_code == 0
    assert_inert(r.stdout)
    assert "New urban jobs [2J :x: [red]x[/red]" in r.stdout


def test_a_plan_name_holding_esc_is_refused_and_shown_inert(run: Run, tmp_path: Path) -> None:
    """An indicator name holding ESC is a plan error (a workbook cannot hold it), and the
    finding shows the ESC escaped."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    hostile = text.replace("en: New urban jobs}", 'en: "New urban jobs\\e[2J :x: [red]x[/red]"}')
    assert hostile != text
    plan = tmp_path / "plan.yaml"
    plan.write_text(hostile, encoding="utf-8")
    r = run("plan", "--plan", str(plan), "--lang", "en", width=200)
    assert r.exit_code == 2
    assert_inert(r.stdout + r.stderr)
    assert "'New urban jobs\\x1b[2J :x: [red]x[/red]' holds U+001B" in r.stderr


def test_a_usage_error_quotes_an_argument_inert(run: Run) -> None:
    """An unknown command holding ESC[2J is quoted with the escape visible."""
    r = run("\x1b[2Jstatus")
    assert r.exit_code == 2
    assert_inert(r.stderr)
    assert "\\x1b[2Jstatus" in r.stderr


def test_a_gbk_stream_gets_replacements_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a GBK stream a character GBK lacks (✓, like the status table's ↳) is replaced."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="gbk")
    monkeypatch.setattr(sys, "stdout", stream)
    streams.tolerant_streams()
    print("ok \u2713 城镇", file=stream)
    stream.flush()
    assert stream.buffer.getvalue().decode("gbk") == "ok ? 城镇\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_status_on_a_narrow_encoding_exits_0(encoding: str) -> None:
    """PYTHONIOENCODING=gbk (a Chinese Windows console redirected to a file) or ascii:
    the table prints with replacements and exit 0 (it raised UnicodeEncodeError on ↳)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINYI_TRACKER")}
    env.update({"PYTHONIOENCODING": encoding, "LINYI_TRACKER_CACHE": "off", "COLUMNS": "120"})
    done = subprocess.run(
        [sys.executable, "-m", "linyi_tracker", "status", "--lang", "zh"],
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode(encoding).count("\n") > 20


def test_help_does_not_import_the_console(tmp_path: Path) -> None:
    """`--help` prints no table: it must not pay for rich's console (20 ms of start-up)."""
    assert "rich.console" not in modules_loaded("--help", cwd=tmp_path)
