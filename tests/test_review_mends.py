"""Mends of a review of the terminal and of shown figures (issue 28, review m2)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker.cli import wrap as help_wrap
from linyi_tracker.cli.render import fit
from linyi_tracker.formatting import CLOSING_MARKS, OPENING_MARKS, display_width

_PIECES = st.lists(
    st.sampled_from(
        [
            *("数据", "不足", "年", "2018年", "abc", "report", " ", " ", "兰山区-2017.xlsx", "50"),
            *sorted(CLOSING_MARKS),
            *sorted(OPENING_MARKS),
        ]
    ),
    min_size=1,
    max_size=30,
)


def _text(pieces: list[str]) -> str:
    return "".join(pieces).lstrip("".join(CLOSING_MARKS) + " ")


def test_one_pair_of_sets_and_one_width() -> None:
    """Both wrappers use the one pair of line-break sets and the one width function."""
    assert help_wrap._NO_LINE_START is fit._CLOSING is CLOSING_MARKS
    assert help_wrap._NO_LINE_END is fit._OPENING is OPENING_MARKS
    assert help_wrap.cell_width is display_width


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.integers(min_value=6, max_value=30))
def test_help_lines_never_start_with_a_closing_mark(pieces: list[str], width: int) -> None:
    """The help text's wrapper never starts a line with a closing mark of the one set."""
    text = _text(pieces)
    for line in help_wrap.wrap(text, width)[1:]:
        assert line[0] not in CLOSING_MARKS, (text, line)


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.integers(min_value=6, max_value=30), st.sampled_from(["words", "name"]))
def test_table_lines_never_start_with_a_closing_mark(
    pieces: list[str], width: int, mode: fit.Mode
) -> None:
    """The tables' wrapper never starts a line with a closing mark of the one set."""
    text = _text(pieces)
    for start, end in fit.wrap(text, width, mode)[1:]:
        line = text[start:end]
        assert not line or line[0] not in CLOSING_MARKS, (text, line)


def test_the_dropped_columns_note_is_built_in_one_place() -> None:
    """Only fit.dropped_note builds the note on dropped columns; every table calls it."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "linyi_tracker"
    users = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if "note.columns_dropped" in p.read_text(encoding="utf-8") and "texts" not in p.parts
    )
    assert users == ["cli/render/fit.py"]
    assert "兰山区" in fit.dropped_note(["兰山区"], "zh")
    assert "a, b" in fit.dropped_note(["a", "b"], "en")


def test_one_of_knows_its_endings_only() -> None:
    """one_of changes only known plural endings: boxes → box, never 'boxe'."""
    from linyi_tracker.formatting import one_of

    assert [one_of(u) for u in ("boxes", "branches", "counties", "persons", "units")] == [
        "box",
        "branch",
        "county",
        "person",
        "unit",
    ]
    assert [one_of(u) for u in ("census", "basis", "glass", "people", "km", "m²")] == [
        "census",
        "basis",
        "glass",
        "people",
        "km",
        "m²",
    ]


def test_only_a_whole_one_is_singular() -> None:
    """A figure shown as 1.0 keeps the plural ('1.0 persons'); a whole 1 takes the singular."""
    from decimal import Decimal

    from linyi_tracker.formatting import with_unit

    assert with_unit(Decimal("1.0"), "persons", "en") == "1.0 persons"
    assert with_unit(Decimal("1"), "persons", "en") == "1 person"
    assert with_unit(Decimal("-1"), "boxes", "en") == "\u22121 box"
    assert with_unit(Decimal("1.5"), "persons", "en") == "1.5 persons"


_FIGURE = __import__("re").compile(r"-?\d[\d,]*(?:\.(\d+))?")


def _tables(plan, year: int):  # type: ignore[no-untyped-def]
    """The figure tables of the demo report of ``year`` and of status for all regions."""
    from test_report import demo_report

    from conftest import DEMO
    from linyi_tracker.actuals.periods import parse_period
    from linyi_tracker.assessment.engine import assess_all
    from linyi_tracker.reporting.view import status_view

    report = demo_report(plan, year, str(year))
    tables = [section.lines for section in report.systems]
    tables.append([report.line(tid) for tid in report.annual])
    from linyi_tracker.actuals.store import load_store

    store = load_store(plan, DEMO)
    regions = [r.id for r in plan.regions]
    status = status_view(plan, store, assess_all(plan, store, parse_period(str(year)), regions))
    for region in regions:
        tables.append([v for v in status.targets if v.a.region == region])
    return tables


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_amounts_show_their_written_precision_in_every_table(plan, year: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Within every table, an amount (target, actual, gap) shows the decimals it was
    written with, never more or fewer because of its neighbours (formatting.number)."""
    from linyi_tracker.formatting import written_places
    from linyi_tracker.reporting import text

    cell = {"target": text.target, "actual": text.actual, "gap": text.gap}
    checked = 0
    for lines in _tables(plan, year):
        for column, shown in cell.items():
            for v in lines:
                figures = text.column_figures(column, v, lang)
                if not figures or v.a.kind in ("growth", "change"):
                    continue
                out = shown(v, lang)
                m = _FIGURE.search(out)
                assert m is not None, out
                if out[m.end() : m.end() + 1] == "万":
                    continue
                assert len(m.group(1) or "") == written_places(figures[0][0]), (v.target_id, out)
                checked += 1
    assert checked


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 120])
def test_the_terminal_shows_no_markdown_code_marks(run, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    """status in the terminal names a command without Markdown's backticks."""
    from conftest import DEMO

    r = run("status", "--data", str(DEMO), "--lang", lang, "--region", "all", width=width)
    assert r.exit_code == 0
    assert "linyi-tracker report" in " ".join(r.stdout.split())
    assert "`" not in r.stdout


def test_unmarked_takes_off_code_marks_only() -> None:
    """unmarked (the terminal's form of a template) takes off the backticks of a code span
    and leaves other text alone."""
    from linyi_tracker.texts.text import unmarked

    assert (
        unmarked("运行 `linyi-tracker report 2020` 查看") == "运行 linyi-tracker report 2020 查看"
    )
    assert unmarked("a ` alone") == "a ` alone"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ranking_heading_is_heading_dot_how(plan, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A ranking's heading in the terminal reads 'heading · how', never brackets in brackets."""
    import re

    from rich.console import Console
    from test_report import demo_report

    from linyi_tracker.cli.render.report_view import render_report
    from linyi_tracker.reporting import text

    report = demo_report(plan)
    console = Console(width=160, record=True, no_color=True)
    console.print(render_report(report, lang))
    out = console.export_text()
    flat = re.sub(r"[\s│╭╮╰╯─]+", "", out)  # the title as read, whatever its wrapping
    assert report.regions
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        assert re.sub(r"\s+", "", f"{heading} · {how}") in flat
    assert not re.search(r"\([^()\n]*（[^()\n]*）\)", out)
