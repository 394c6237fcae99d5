"""A status or schedule word in a terminal table breaks at most once, and only at a space."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, Result
from linyi_tracker.cli.render import fit
from linyi_tracker.i18n import Lang, status_label, t
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


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("as_of", [[], ["--as-of", "2017-12"]])
def test_status_table_never_breaks_a_schedule_word_twice(
    run: Callable[..., Result], demo: str, lang: str, width: int, as_of: list[str]
) -> None:
    """No cell line of the status table holds a lone piece of a three-word schedule word
    ('at' of 'missed at deadline' on a line of its own)."""
    r = run("status", "--data", demo, "--lang", lang, *as_of, width=width)
    assert r.exit_code == 0
    cells = {c.strip() for line in r.stdout.splitlines() for c in line.split("│")}
    assert "at" not in cells
