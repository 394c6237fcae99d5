"""The workbook's figure cells say the words of the report's tables: each cell's number
format is made from text.figure_words (the one rule), so a change target's cell reads
'下降15%' as the table does, not '−15%'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_report import WHEN
from test_workbook_formats import shown

from conftest import DEMO, REPO
from linyi_tracker.actuals.headers import REPORT_ZH_HEADERS
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.render.excel import write
from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS

openpyxl = pytest.importorskip("openpyxl")

CN = (REPO / "examples" / "plans" / "cn-13th-fyp.yaml", REPO / "examples" / "plans" / "cn-13th-fyp")
LINYI = (REPO / "data" / "plan.yaml", DEMO)
CASES = [(LINYI, y) for y in (2016, 2018, 2020)] + [(CN, y) for y in (2016, 2018, 2020)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("where", "year"), CASES, ids=[f"{c[0][1].name}-{c[1]}" for c in CASES])
def test_every_figure_cell_says_the_words_of_its_table(
    tmp_path: Path, where: tuple[Path, Path], year: int, lang: Lang
) -> None:
    """For every target of both example plans, each figure cell of the targets-by-system
    sheet shows exactly the words its table writes for that figure, and the schedule cell
    the words text.schedule says."""
    plan = read_plan(where[0])
    report = build_report(
        plan,
        load_store(plan, where[1]),
        year,
        parse_period(str(year)),
        generated=WHEN,
        plan_file="p",
        data_source="d",
    )
    out = tmp_path / "r.xlsx"
    write(report, lang, out)
    ws = openpyxl.load_workbook(out)[t("report.systems", lang)]
    header = [c.value for c in ws[1]]
    names = {REPORT_ZH_HEADERS[k] if lang == "zh" else k: k for k in FLAT_COLUMNS}
    col = {names[h]: i for i, h in enumerate(header) if h in names}
    rows: list[Any] = list(ws.iter_rows(min_row=2))
    lines = [(ln, s.lines) for s in report.systems for ln in s.lines]
    checked = 0
    for row, (line, section) in zip(rows, lines, strict=True):
        styles = text.column_styles(section, lang)
        for key in text.FIGURE_COLUMNS:
            cell = row[col[key]]
            if not isinstance(cell.value, int | float):
                continue
            words = text.figure_words(key, line, lang, styles[key])
            assert shown(cell.value, cell.number_format) == words, (line.target_id, key)
            checked += 1
        cell = row[col["schedule_gap"]]
        if isinstance(cell.value, int | float) and cell.value != 0:
            said = text.schedule(line, lang)
            assert shown(cell.value, cell.number_format) == said, (line.target_id, said)
    assert checked > 10
