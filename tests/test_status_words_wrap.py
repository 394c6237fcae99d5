"""A status or schedule word in a terminal table breaks at most once, and only at a space."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO, Result
from linyi_tracker.cli.render import fit
from linyi_tracker.cli.render.labels import status_word
from linyi_tracker.cli.render.status_table import schedule_cell
from linyi_tracker.formatting import display_width
from linyi_tracker.i18n import LABELS, Lang, status_label, t
from linyi_tracker.reporting.text import DEADLINE_WORDS
from linyi_tracker.words import STATUS_WORDS

SETTLED_WORDS = ("met_at_deadline", "missed_at_deadline", "missed_year")


def _words(lang: Lang) -> list[str]:
    """Every word a status table's schedule or status column can show for a target."""
    out = [t(f"schedule.short.{w}", lang) for w in SETTLED_WORDS]
    out += [status_label(w, lang) for w in (*STATUS_WORDS, "not_assessed")]
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_word_at_its_narrowest_takes_two_lines_at_most(lang: Lang) -> None:
    """At the narrowest its column may be, a status or schedule word takes at most two lines,
    each made of whole words."""
    for word in _words(lang):
        p = fit.word(word)
        width = fit._least(p)
        lines = [word[a:b] for a, b in p.lines(width)]
        assert len(lines) <= fit.WORD_LINES, (word, lines)
        assert " ".join(lines).split() == word.split(), (word, lines)


@pytest.fixture
def demo(tmp_path: Path) -> str:
    shutil.copytree(DEMO, tmp_path / "demo")
    return "demo"


def _schedule_words(lang: Lang) -> list[tuple[str, bool]]:
    """Every schedule word of the label table (schedule.short.*, not a figure's template),
    with whether it says a target's time is up (the words that may break once)."""
    prefix = "schedule.short."
    return [
        (t(k, lang), k.removeprefix(prefix) in DEADLINE_WORDS)
        for k in LABELS
        if k.startswith(prefix) and "{" not in LABELS[k][lang]
    ]


def _with_every_word(columns: list[fit.Column], lang: Lang) -> dict[str, list[fit.Paragraph]]:
    """Append to the status table's columns a row for each status word and each schedule
    word of the label tables, each made as the table makes its cells; return them by column."""
    added: dict[str, list[fit.Paragraph]] = {"status": [], "schedule": []}
    words = [("status", status_word(w, lang)) for w in (*STATUS_WORDS, "not_assessed")]
    words += [("schedule", schedule_cell(w, settled)) for w, settled in _schedule_words(lang)]
    for key, p in words:
        fit.add_row(columns, [[p] if c.key == key else [] for c in columns])
        added[key].append(p)
    return added


def _holder(kept: list[fit.Column], column: fit.Column) -> fit.Column:
    """The drawn column that holds ``column``'s cells: itself, or its host when stacked."""
    own = {id(p) for cell in column.cells for p in cell}
    return next(k for k in kept if own <= {id(p) for cell in k.cells for p in cell})


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("as_of", [[], ["--as-of", "2017-12"]])
def test_every_status_and_schedule_word_takes_two_lines_at_most_in_its_cell(
    run: Callable[..., Result],
    demo: str,
    monkeypatch: pytest.MonkeyPatch,
    lang: Lang,
    width: int,
    as_of: list[str],
) -> None:
    """In the status table's status and schedule cells, every status and schedule word of
    the label tables (and every such word the table itself draws) takes one or two lines,
    each of whole words and no wider than its cell."""
    laid: list[list[fit.Column]] = []
    real = fit.table

    def spy(columns: list[fit.Column], width: int, **kw: Any) -> Any:
        laid.append([replace(c, cells=[list(cell) for cell in c.cells]) for c in columns])
        return real(columns, width, **kw)

    monkeypatch.setattr(fit, "table", spy)
    r = run("status", "--data", demo, "--lang", lang, *as_of, width=width)
    assert r.exit_code == 0 and len(laid) == 1
    columns = laid[0]
    added = _with_every_word(columns, lang)
    kept, dropped, widths, _ = fit.fit(columns, width)
    assert not {"status", "schedule"} & {c.key for c in dropped}
    width_of = {k.key: w for k, w in zip(kept, widths, strict=True)}
    for column in (c for c in columns if c.key in added):
        cell_width = width_of[_holder(kept, column).key]
        words = {p.plain for p in added[column.key]}
        drawn = [p for cell in column.cells for p in cell if p.plain in words]
        assert {p.plain for p in drawn} == words
        for p in drawn:
            lines = p.rendered(cell_width).plain.split("\n")
            assert 1 <= len(lines) <= fit.WORD_LINES, (p.plain, cell_width, lines)
            assert " ".join(lines).split() == p.plain.split(), (p.plain, cell_width, lines)
            assert all(display_width(line) <= cell_width for line in lines), (p.plain, lines)
