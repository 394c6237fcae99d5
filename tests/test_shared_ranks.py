"""Equal figures share a rank (sweep 33, item 10): regions whose ranked figures are
exactly equal take the same place (competition ranking: 4, 4, 6, 6) wherever a ranking is
drawn, decided on the exact figures (series.competition_ranks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_report import demo_report

from conftest import DEMO, Result
from linyi_tracker.assessment.series import competition_ranks
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.render.excel import write

Run = Callable[..., Result]
SAFETY = "safety.public_security_sense"
TIED = {"罗庄区": 4, "郯城县": 4, "兰山区": 6, "沂水县": 6}


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=20))
def test_a_rank_is_one_more_than_the_figures_strictly_better(keys: list[int]) -> None:
    """In a list ordered best first, each rank is one more than the number of strictly better figures."""
    ordered = sorted(keys, reverse=True)
    ranks = competition_ranks(ordered)
    assert ranks == [1 + sum(1 for k in ordered if k > key) for key in ordered]


def test_a_missing_figure_shares_no_rank() -> None:
    """Rows with no figure (None) each keep their own place."""
    assert competition_ranks([3, 3, None, None]) == [1, 1, 3, 4]


def test_the_report_model_ranks_equal_counties_together(plan: Plan) -> None:
    """The 2019 report ranks 罗庄区/郯城县 4th and 兰山区/沂水县 6th on public security."""
    ranking = next(r for r in demo_report(plan).regions if r.indicator == SAFETY)
    ranks = {row.name_zh: rank for row, rank in zip(ranking.rows, ranking.ranks, strict=True)}
    assert {name: ranks[name] for name in TIED} == TIED
    assert ranks["临沭县"] == 8


def test_the_markdown_report_shows_shared_ranks(run: Run) -> None:
    """The Markdown report writes '| 4 | 郯城县 |' and '| 6 | 沂水县 |', never 5 or 7 there."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", "--format", "md")
    for name, rank in TIED.items():
        assert f"| {rank} | {name} |" in r.stdout


def test_show_shows_shared_ranks(run: Run) -> None:
    """`show` lists '4. 郯城县' and '6. 沂水县' beside '4. 罗庄区' and '6. 兰山区'."""
    r = run("show", SAFETY, "--data", str(DEMO), "--as-of", "2019", "--lang", "zh")
    for name, rank in TIED.items():
        assert f"{rank}. {name}" in r.stdout


def test_the_workbook_shows_shared_ranks(plan: Plan, tmp_path: Path) -> None:
    """The workbook's county sheet holds rank 4 for both 罗庄区 and 郯城县."""
    import openpyxl

    write(demo_report(plan), "zh", tmp_path / "r.xlsx")
    rows = [
        [c for c in row]
        for ws in openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets
        for row in ws.iter_rows(values_only=True)
        if row and row[0] == SAFETY
    ]
    ranks = {row[5]: row[3] for row in rows}
    assert {name: ranks[name] for name in TIED} == TIED
