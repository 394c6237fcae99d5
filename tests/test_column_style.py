"""One magnitude a target's row, in every table a reader sees: the status table, the
terminal report and the report files (Markdown, HTML, Word, Excel's text), over the demo
data (text.row_scale). Precision is each figure's own, as written (formatting.number):
no column pads a figure to its neighbours' decimals, so a figure reads the same in
every table (test_one_rounding.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import pytest
from test_report import demo_report

from conftest import DEMO, Result
from linyi_tracker.formatting import Scale, unit_scales
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import tables

PERCENT = re.compile(r"(?<![\d.,])-?\d[\d,]*(?:\.(\d+))? ?%")
AMOUNT = re.compile(r"(?<![\d.,])-?\d[\d,]*(?:\.\d+)?(万?)([^\d\s(（%:.,)—–][^\s(（)]*)")
NOT_UNITS = ("年", "月", "个百分点", "倍", "×")


def row_faults(cells: Iterable[str]) -> list[str]:
    """What breaks one magnitude in a row: figures of one unit some in 万 and some not."""
    cells = list(cells)
    faults: list[str] = []
    words: dict[str, set[str]] = {}
    for c in cells:
        for m in AMOUNT.finditer(PERCENT.sub("", c)):
            if not m.group(2).startswith(NOT_UNITS):
                words.setdefault(m.group(2), set()).add(m.group(1))
    faults += [f"{u} both with and without 万 in {cells}" for u, w in words.items() if len(w) > 1]
    return faults


def table_faults(rows: list[list[str]], columns: Iterable[int]) -> list[str]:
    return [f for row in rows for f in row_faults(row[i] for i in columns)]


FIGURES = [text.SYSTEM_COLUMNS.index(c) for c in ("col.target", "col.actual", "col.gap")] + [
    text.SYSTEM_COLUMNS.index("report.projected")
]


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_tables_hold_one_scale_a_row(plan: Plan, year: int, lang: Lang) -> None:
    """Every row of the report's tables, in the files and the terminal, writes the figures
    of each unit in one magnitude (all in 万 or none)."""
    report = demo_report(plan, year, str(year))
    faults = []
    for i, section in enumerate(report.systems):
        faults += table_faults(tables.system(report, i, lang).rows, FIGURES)
        faults += table_faults(text.system_rows(section.lines, lang), FIGURES)
    annual = tables.annual(report, lang)
    faults += table_faults(annual.rows, [1, 2])
    assert faults == []


def test_a_projected_share_of_100_shows_a_tenth(plan: Plan) -> None:
    """期末预计 of a share shows at least its tenth (100.0%), never 100%."""
    report = demo_report(plan)
    section = next(
        s for s in report.systems if any(ln.target_id.startswith("ss.") for ln in s.lines)
    )
    at = text.SYSTEM_COLUMNS.index("report.projected")
    shown = [row[at] for row in text.system_rows(section.lines, "zh")]
    assert "100.0%" in shown and "100%" not in shown


def test_amounts_of_one_unit_share_a_magnitude() -> None:
    """1.9万元 beside 7,500元 in one row is written 19,000元; 178万平方米 keeps its 万."""

    style = Scale(
        unit_scales(
            [(Decimal(7500), "元"), (Decimal(19000), "元"), (Decimal(1780000), "平方米")], "zh"
        )
    )
    assert style.amount(Decimal(19000), "元", "zh") == "19,000元"
    assert style.amount(Decimal(1780000), "平方米", "zh") == "178万平方米"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("as_of", ["2016", "2019", "2020-06"])
def test_status_table_holds_one_scale_a_row(run, lang: str, as_of: str) -> None:  # type: ignore[no-untyped-def]
    """The status table's target, actual and gap of a row keep one magnitude."""
    r: Result = run("status", "--data", str(DEMO), "--as-of", as_of, "--lang", lang, width=240)
    assert r.exit_code == 0, r.stderr
    rows = [
        [c.strip() for c in line.split("│")[1:-1]]
        for line in r.stdout.splitlines()
        if line.startswith("│")
    ]
    rows = [row for row in rows if len(row) == 8]
    assert rows
    assert table_faults(rows, [1, 2, 4]) == []
