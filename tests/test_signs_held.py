"""A comparison or sign (≥ ≤ > < ≈ ± −) is never separated from its figure at the end of
a line: in the terminal tables (cli/render/fit.py), the help text's wrapper (cli/wrap.py),
and the Word and HTML tables (a no-break space, formatting.hold_signs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, Result
from linyi_tracker.cli import wrap as help_wrap
from linyi_tracker.cli.render import fit
from linyi_tracker.formatting import SIGNS, display_width, hold_signs

Run = Callable[..., Result]
ENDS_IN_SIGN = re.compile(f"(?:[{SIGNS}]|[<>]=)$")

_figures = st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){0,2}(\.[0-9])?", fullmatch=True)
_units = st.sampled_from(
    ["", "万人", "套(户)", "万平方米", "%", " %", " m²", " persons", "元", ":1"]
)
_periods = st.sampled_from(["", "（2020年）", " (by 2020)", "（2018—2020年合计）", " (2015–2020)"])
_words = st.sampled_from(["每年", " a year", "", " in all", "以上"])
_signs = st.sampled_from([*SIGNS, ">=", "<="])


@st.composite
def _target_texts(draw: st.DrawFn) -> str:
    """A target cell as the tables write one: sign, space, figure, unit, words, period."""
    sign = draw(_signs)
    return f"{sign} {draw(_figures)}{draw(_units)}{draw(_words)}{draw(_periods)}"


def _lines(text: str, width: int, mode: fit.Mode) -> list[str]:
    return [text[a:b] for a, b in fit.wrap(text, width, mode)]


@settings(max_examples=300, deadline=None)
@given(_target_texts(), st.integers(min_value=0, max_value=30), st.sampled_from(["words", "name"]))
def test_no_table_line_ends_in_a_sign(text: str, extra: int, mode: fit.Mode) -> None:
    """For any target cell and any width at least the cell's narrowest, no line ends in a sign."""
    width = fit.widest_atom(text, mode) + extra
    for line in _lines(text, width, mode):
        assert not ENDS_IN_SIGN.search(line.rstrip()), (text, width, line)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_target_texts(), min_size=1, max_size=3),
    st.integers(min_value=0, max_value=20),
)
def test_no_help_line_ends_in_a_sign(texts: list[str], extra: int) -> None:
    """The help text's wrapper keeps each sign with its figure at any width it can hold."""
    text = " 以及 ".join(texts)
    width = max(display_width(t.split("（")[0].split(" (")[0]) for t in texts) + extra
    for line in help_wrap.wrap(text, width):
        assert not ENDS_IN_SIGN.search(line.rstrip()), (text, width, line)


def test_a_sign_and_its_figure_are_one_piece() -> None:
    """'≥ 10,000套(户)' is one piece of a terminal cell, in Chinese and in English."""
    assert fit.atoms("≥ 10,000套(户)（2015年）", "words")[0] == "≥ 10,000套(户)"
    assert fit.atoms("< 1.5:1 (by 2020)", "words")[0] == "< 1.5:1"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 70, 80, 90, 100, 120, 140])
def test_no_status_table_line_ends_in_a_sign(run: Run, lang: str, width: int) -> None:
    """`status` on the demo data at any width: no cell line of the table ends in a sign."""
    r = run("status", "--data", str(DEMO), "--lang", lang, width=width)
    assert r.exit_code == 0
    for line in r.stdout.splitlines():
        for cell in re.split("[│┃]", line):
            assert not ENDS_IN_SIGN.search(cell.rstrip()), (width, line)


def test_html_cells_hold_the_sign_to_its_figure(run: Run, tmp_path: Path) -> None:
    """The HTML report's table cells print '≥\u00a010,000套(户)': a browser never breaks there."""
    out = tmp_path / "r.html"
    r = run("report", "2015", "--data", str(DEMO), "--lang", "zh", "-o", str(out))
    assert r.exit_code == 0
    cells = re.findall(r"<td[^>]*>(.*?)</td>", out.read_text(encoding="utf-8"), re.S)
    assert any("≥\u00a0" in c for c in cells)
    assert not [c for c in cells if re.search(r"(?:≥|≤|&gt;|&lt;|≈|±|−) ", c)]


def test_word_cells_hold_the_sign_to_its_figure(run: Run, tmp_path: Path) -> None:
    """The Word report's table cells hold every sign to its figure with a no-break space."""
    import docx

    out = tmp_path / "r.docx"
    r = run("report", "2015", "--data", str(DEMO), "--lang", "en", "-o", str(out))
    assert r.exit_code == 0
    doc = docx.Document(str(out))
    cells = [c.text for tb in doc.tables for row in tb.rows for c in row.cells]
    assert any("≥\u00a0" in c for c in cells)
    assert not [c for c in cells if re.search(f"[{SIGNS}] ", c)]


def test_hold_signs_joins_only_after_a_sign() -> None:
    """hold_signs turns the space after a sign into a no-break space, and no other space."""
    assert hold_signs("≥ 85,000 persons a year") == "≥\u00a085,000 persons a year"
    assert hold_signs("pace >= 0.95, ± 5 %") == "pace >=\u00a00.95, ±\u00a05 %"
