"""Hints that fit the cell: 1e3 is an exponent, 5.5k a magnitude letter, 2015-13-01 no day."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from linyi_tracker.actuals.cells import as_of_cell, milestone_cell
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

TODAY = date(2026, 11, 28)
FIXTURE = FIXTURES / "junk_hints" / "junk-cells.csv"


def hints(plan: Plan) -> dict[int, tuple[str, str]]:
    got = read_bytes(FIXTURE.read_bytes(), str(FIXTURE), PlanLookup(plan), today=TODAY)
    return {f.line: (f.code, f.hint_form) for f in got.findings if f.line is not None}


def test_a_k_suffix_gets_the_magnitude_hint(plan: Plan) -> None:
    """5.5k is told to be written in full or with 万, not asked about l or O."""
    assert hints(plan)[2] == ("invalid-number", "magnitude-letter")


def test_an_exponent_gets_the_exponent_hint(plan: Plan) -> None:
    """1e3 gets the hint about Excel's 1.2E+05 display, not the l-or-O hint."""
    assert hints(plan)[3] == ("invalid-number", "exponent")


def test_a_letter_o_among_digits_keeps_the_letters_hint(plan: Plan) -> None:
    """98O0 (letter O for 0) is still asked about l or O."""
    assert hints(plan)[5] == ("invalid-number", "letters")


def test_a_milestone_dated_on_no_such_day_is_told_so(plan: Plan) -> None:
    """2015-13-01 as a milestone's date done is 'not a valid date', not 'does not say'."""
    assert hints(plan)[4] == ("invalid-milestone-value", "no-such-day")


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=2000, max_value=2026),
    month=st.integers(min_value=0, max_value=19),
    day=st.integers(min_value=0, max_value=39),
)
def test_a_date_shaped_cell_is_a_day_or_a_no_such_day_error(
    year: int, month: int, day: int
) -> None:
    """Every YYYY-MM-DD text is read as its day or refused as no such day, as_of and milestone alike."""
    text = f"{year}-{month:02d}-{day:02d}"
    try:
        real: date | None = date(year, month, day)
    except ValueError:
        real = None
    got, issues = as_of_cell(text, TODAY)
    (_, _, done), done_issues = milestone_cell(text, TODAY)
    if real is None:
        assert got is None and [i.form for i in issues] == ["no-such-day"]
        assert done is None and [i.form for i in done_issues] == ["no-such-day"]
    elif real <= TODAY:
        assert (got, issues, done, done_issues) == (real, [], real, [])
