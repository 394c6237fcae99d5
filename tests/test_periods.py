"""Periods: every accepted spelling, ordering by end month, and clear refusals."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from linyi_tracker.actuals.periods import Period, PeriodError, parse_period

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", Period(2017, 12, "year")),
        ("2017年", Period(2017, 12, "year")),
        ("2017Q3", Period(2017, 9, "quarter")),
        ("2017-Q3", Period(2017, 9, "quarter")),
        ("2017q1", Period(2017, 3, "quarter")),
        ("2017年第三季度", Period(2017, 9, "quarter")),
        ("2017-09", Period(2017, 9, "month")),
        ("2017-9", Period(2017, 9, "month")),
        ("2017/09", Period(2017, 9, "month")),
        ("2017年9月", Period(2017, 9, "month")),
        ("２０１７－０９", Period(2017, 9, "month")),
        ("2017年度", Period(2017, 12, "year")),
        ("2017年全年", Period(2017, 12, "year")),
        ("2017年9月份", Period(2017, 9, "month")),
        ("2017年三季度", Period(2017, 9, "quarter")),
    ],
)
def test_accepted_spellings(text: str, expected: Period) -> None:
    """Each spelling of submissions.md reads as the right period."""
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text", ["", "17", "2017-13", "2017Q5", "Sept 2017", "2017-09-01", "二〇一七"]
)
def test_refusals(text: str) -> None:
    """Text that is not a period raises PeriodError with the accepted forms."""
    with pytest.raises(PeriodError):
        parse_period(text)


def test_order_is_by_end_month_and_year_after_december() -> None:
    """2017Q3 < 2017-10 < 2017-12 < 2017, and months elapsed follow the kind."""
    periods = [parse_period(p) for p in ("2017", "2017-12", "2017-10", "2017Q3")]
    assert [str(p) for p in sorted(periods, key=lambda p: p.sort_key)] == [
        "2017Q3",
        "2017-10",
        "2017-12",
        "2017",
    ]


@given(st.integers(1900, 2200), st.integers(1, 12))
def test_month_round_trips(year: int, month: int) -> None:
    """str(period) parses back to the same period."""
    p = Period(year, month, "month")
    assert parse_period(str(p)) == p


@given(st.text(max_size=20))
def test_any_text_gives_a_period_or_a_period_error(text: str) -> None:
    """No input makes the parser raise anything but PeriodError."""
    with contextlib.suppress(PeriodError):
        parse_period(text)


def test_the_command_line_refuses_a_dot_month_like_a_data_file(run: Run) -> None:
    """`--as-of 2019.1` is refused with both readings (exit 2), as a data file's cell is:
    one period rule for both (it may be October with its zero dropped)."""
    r = run("status", "--as-of", "2019.1", "--lang", "en")
    assert r.exit_code == 2 and "'2019.1' may be 2019-01 or 2019-10" in r.stderr


@pytest.mark.parametrize("written", ["٢٠١٩", "२०१९", "٢٠١٩-٠٩", "2019-٠٩"])
def test_digits_of_other_scripts_are_not_a_period(written: str) -> None:
    """Periods take the digits 0-9, as figures do (numbers.py refuses other scripts'):
    Arabic-Indic or Devanagari digits are refused, not read as a year."""
    with pytest.raises(PeriodError):
        parse_period(written)


def test_full_width_digits_are_a_period() -> None:
    """Full-width digits from a Chinese input method are plain digits (NFKC)."""
    assert parse_period("２０１９年９月") == parse_period("2019-09")
