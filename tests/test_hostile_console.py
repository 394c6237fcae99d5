"""A console width from COLUMNS that is zero, tiny or not a number: output stays whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import Result

Run = Callable[..., Result]


@pytest.mark.parametrize("columns", ["0", "20", "-5", "abc"])
def test_status_keeps_its_indicator_and_status_columns(run: Run, columns: str) -> None:
    """COLUMNS below 80 (or not a number) gives the 80-column table, not nothing."""
    r = run("status", env={"COLUMNS": columns})
    assert r.exit_code == 0
    header = next(line for line in r.stdout.splitlines() if "Indicator" in line)
    assert "Status" in header
    assert "New urban jobs" in r.stdout


def test_an_error_message_is_printed_at_width_zero(run: Run) -> None:
    """COLUMNS=0 no longer swallows the messages on stderr."""
    r = run("status", "--region", "nope", env={"COLUMNS": "0"})
    assert r.exit_code == 2 and "'nope' is not a region of the plan" in r.stderr
