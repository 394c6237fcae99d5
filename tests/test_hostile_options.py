"""Option values that named the wrong thing or nothing: refused with the valid values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, Result

Run = Callable[..., Result]


@pytest.mark.parametrize("number", ["0", "-1", "+1", "00"])
def test_a_system_number_names_one_system_exactly(run: Run, number: str) -> None:
    """--system 0 is not system 10 and --system -1 is not system 1: exit 2, the systems listed."""
    r = run("status", f"--system={number}", "--data", str(DEMO), "--lang", "en")
    assert r.exit_code == 2
    assert f"'{number}' is not a system" in r.stderr and "employment" in r.stderr


def test_a_system_number_still_selects_its_system(run: Run) -> None:
    """--system 1 and the full-width １ select system 1, --system 10 system 10."""
    one = run("status", "--system", "1", "--data", str(DEMO), "--format", "json")
    wide = run("status", "--system", "１", "--data", str(DEMO), "--format", "json")
    ten = run("status", "--system", "10", "--data", str(DEMO), "--format", "json")
    assert one.exit_code == wide.exit_code == ten.exit_code == 0
    assert one.stdout == wide.stdout != ten.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("value", ["", ",,,", " ， "])
def test_a_status_filter_naming_nothing_is_refused(run: Run, value: str, lang: str) -> None:
    """--status "" or ",,," is a usage error listing the statuses, not "every status"."""
    r = run("status", f"--status={value}", "--data", str(DEMO), "--lang", lang)
    assert r.exit_code == 2 and "on_track" in r.stderr
    assert ("不是已知的状态" if lang == "zh" else "is not a known status") in r.stderr


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "１２"])
def test_an_invalid_source_date_epoch_is_refused(run: Run, value: str) -> None:
    """SOURCE_DATE_EPOCH that is not seconds stops the report (exit 2), as the spec asks."""
    r = run(
        "report", "2019", "--data", str(DEMO), "--format", "md", env={"SOURCE_DATE_EPOCH": value}
    )
    assert r.exit_code == 2 and f"SOURCE_DATE_EPOCH={value}" in r.stderr and r.stdout == ""


def test_an_empty_source_date_epoch_is_unset(run: Run) -> None:
    """SOURCE_DATE_EPOCH= (empty) is taken as unset: the report is made, dated now."""
    r = run("report", "2019", "--data", str(DEMO), "--format", "md", env={"SOURCE_DATE_EPOCH": ""})
    assert r.exit_code == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_standard_input_given_twice_is_refused(run: Run, lang: str) -> None:
    """validate - - is refused (exit 2): standard input is read once."""
    r = run("validate", "-", "-", "--no-store", "--lang", lang)
    assert r.exit_code == 2
    assert ("只能给出一次" if lang == "zh" else "can be given only once") in r.stderr


def test_a_file_named_twice_is_read_once(run: Run, tmp_path: Path) -> None:
    """validate a.csv ./a.csv reads the file once: its rows are not their own duplicates."""

    (tmp_path / "a.csv").write_text(
        "indicator,period,region,value\nemp.new_urban_jobs,2016,,86000\n", encoding="utf-8"
    )
    r = run("validate", "a.csv", "./a.csv", "--no-store", "--lang", "en")
    assert r.exit_code == 0 and "in 1 file (1 row)" in r.stdout
