"""Mends of a review of the terminal and of shown figures (issue 28, review m2)."""

from __future__ import annotations

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

    assert with_unit(Decimal("1.0"), "persons", "en", places=1) == "1.0 persons"
    assert with_unit(Decimal("1.0"), "persons", "en") == "1 person"
    assert with_unit(Decimal("-1"), "boxes", "en") == "-1 box"
    assert with_unit(Decimal("1.5"), "persons", "en") == "1.5 persons"
