"""An as_of before its period ends (2019 published 2019-06-30): an error, never a revision."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals.cells import as_of_before_period
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
TODAY = date(2026, 11, 28)
FIXTURE = FIXTURES / "as_of" / "as-of-before-period.csv"


def test_each_as_of_before_its_period_ends_is_an_error_at_the_cell(plan: Plan) -> None:
    """A year dated mid-year and a Jan-Jun figure dated in January are errors at as_of."""
    got = read_bytes(FIXTURE.read_bytes(), str(FIXTURE), PlanLookup(plan), today=TODAY)
    found = [
        (f.code, f.form, f.line, f.column_number) for f in got.findings if f.code == "invalid-date"
    ]
    assert found == [
        ("invalid-date", "before-period", 2, 5),
        ("invalid-date", "before-period", 4, 5),
    ]
    assert [(o.line, str(o.as_of)) for o in got.observations] == [
        (3, "2020-04-01"),
        (5, "2019-06-30"),
    ]


def test_the_message_names_the_periods_last_day() -> None:
    """The finding carries the period and the day it ends, for the zh and en hint."""
    (issue,) = as_of_before_period("2019-06-30", date(2019, 6, 30), Period.of_year(2019))
    assert issue.params == {"text": "2019-06-30", "period": "2019", "end": "2019-12-31"}


def test_ingest_refuses_a_figure_dated_before_its_period_ends(run: Run, tmp_path: Path) -> None:
    """ingest writes nothing (exit 1) rather than store the figure as a revision."""
    data = tmp_path / "demo"
    shutil.copytree(DEMO, data)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    r = run("ingest", str(FIXTURE), "--data", str(data))
    assert r.exit_code == 1, r.stdout
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=2012, max_value=2025),
    months=st.sampled_from([1, 2, 3, 6, 9, 11, 12]),
    offset=st.integers(min_value=-800, max_value=800),
)
def test_an_as_of_is_refused_exactly_when_it_is_before_the_periods_last_day(
    year: int, months: int, offset: int
) -> None:
    """The rule's bound is the period's last day: that day and later pass, earlier fail."""
    period = Period(year, months, "year" if months == 12 else "month")
    day = date.fromordinal(period.last_day.toordinal() + offset)
    assert bool(as_of_before_period(day.isoformat(), day, period)) == (offset < 0)
