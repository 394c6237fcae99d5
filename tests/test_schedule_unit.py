"""The status table's schedule figure says what it is in both languages: its header names
the unit (较时序进度（百分点） / 'vs. schedule (pts)'), as the sentences do (超时序进度2.1个
百分点), and the 80-column table keeps the column."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import DEMO, Result

Run = Callable[..., Result]


def _header(stdout: str) -> str:
    """The table's header lines, joined: everything above its heavy rule."""
    lines = stdout.splitlines()
    end = next(i for i, line in enumerate(lines) if "━" in line and "┏" not in line)
    return " ".join(" ".join(cell.split()) for line in lines[:end] for cell in line.split("┃"))


@pytest.mark.parametrize(("lang", "unit"), [("zh", "（百分点）"), ("en", "(pts)")])
@pytest.mark.parametrize("width", [80, 120])
def test_the_schedule_header_names_its_unit(run: Run, lang: str, unit: str, width: int) -> None:
    """At 80 and 120 columns the schedule column is shown, its header naming points."""
    r = run("status", "--data", str(DEMO), "--lang", lang, width=width)
    assert r.exit_code == 0
    assert unit in _header(r.stdout), r.stdout


def test_a_chinese_schedule_cell_and_sentence_say_the_same_figure(run: Run) -> None:
    """The table's 超2.1 sits under 较时序进度（百分点）; `show` says 超时序进度2.1个百分点."""
    table = run("status", "--data", str(DEMO), "--lang", "zh", width=80)
    shown = run("show", "emp.new_urban_jobs", "--data", str(DEMO), "--lang", "zh", width=120)
    assert "超2.1" in table.stdout and "超时序进度2.1个百分点" in shown.stdout
