"""Periods and days as statistical offices write them: a year-to-date span (2017年1-9月,
前三季度, Jan-Sep 2017) read as the month or quarter it ends in, and a day as Excel's
Chinese CSV or a clerk writes it (2017/10/8, 2017.10.8, 2017年10月8日) read as that day;
Excel's number for a day named with the day it would be, never read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, TODAY, Result
from linyi_tracker.actuals.cells import as_of_cell, milestone_cell, period_cell
from linyi_tracker.actuals.periods import Period, PeriodError, read_period
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

OFFICE = FIXTURES / "office" / "luozhuang-2017-1-9.csv"
Run = Callable[..., Result]
_NEVER = date(9999, 1, 1)


@given(st.integers(2000, 2099), st.integers(1, 12), st.sampled_from(["-", "—", "~", "～", "至"]))
def test_a_span_from_january_reads_as_the_month_it_ends_in(year: int, month: int, to: str) -> None:
    """年1-9月 in any of its separators is the month it ends in, read with a notice."""
    assert read_period(f"{year}年1{to}{month}月") == (Period(year, month, "month"), "cumulative")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017年前三季度", Period(2017, 9, "quarter")),
        ("2017年1-3季度", Period(2017, 9, "quarter")),
        ("2017年第一至三季度", Period(2017, 9, "quarter")),
        ("2017年上半年", Period(2017, 6, "quarter")),
        ("2017年1月-9月", Period(2017, 9, "month")),
        ("2017年1至9月份累计", Period(2017, 9, "month")),
        ("Jan-Sep 2017", Period(2017, 9, "month")),
        ("January–September 2017", Period(2017, 9, "month")),
    ],
)
def test_other_spans_from_january(text: str, expected: Period) -> None:
    """前三季度, 上半年 and the English Jan-Sep read as the period they end in."""
    assert read_period(text) == (expected, "cumulative")


@pytest.mark.parametrize("text", ["2017年3-9月", "2017年11-12月", "2017年1-13月", "Mar-Sep 2017"])
def test_a_span_not_from_january_is_no_period(text: str) -> None:
    """A span that does not start in January is no figure the plan keeps: refused."""
    with pytest.raises(PeriodError):
        read_period(text)


def test_the_cumulative_reading_is_a_notice_with_its_own_sentence() -> None:
    """The period cell says how it read 2017年1-9月 (form cumulative), not Excel's dates."""
    period, issues = period_cell("2017年1-9月", 2015, 2020, TODAY)
    assert period == Period(2017, 9, "month")
    assert [(i.code, i.form) for i in issues] == [("period-read-as-month", "cumulative")]


@given(
    st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    st.sampled_from(["{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}"]),
)
def test_a_day_as_offices_write_it_is_that_day(day: date, shape: str) -> None:
    """2017/10/8, 2017.10.8, 2017年10月8日 and ISO read as the same day, as_of and milestone."""
    text = shape.format(y=day.year, m=day.month, d=day.day)
    assert as_of_cell(text, _NEVER) == (day, [])
    assert milestone_cell(text, _NEVER) == ((None, "done", day), [])


@pytest.mark.parametrize("text", ["2017/2/30", "2017年13月1日", "2017.4.31"])
def test_a_day_that_does_not_exist_says_so(text: str) -> None:
    """A date shaped right with no such day is no-such-day, whatever its separator."""
    day, issues = as_of_cell(text, _NEVER)
    assert day is None and [i.form for i in issues] == ["no-such-day"]


@pytest.mark.parametrize("text", ["8/10/2017", "17/10/8", "2017-10/8"])
def test_a_day_in_an_order_the_cell_does_not_say_is_not_read(text: str) -> None:
    """Day-first, a two-digit year or mixed separators are no date (the plain message)."""
    day, issues = as_of_cell(text, _NEVER)
    assert day is None and [i.form for i in issues] == [""]


@given(st.integers(20000, 59999))
def test_excels_number_for_a_day_is_named_never_read(serial: int) -> None:
    """43016 is named as Excel's number for 2017-10-08 with that day in the hint, not read."""
    day, issues = as_of_cell(str(serial), _NEVER)
    assert day is None
    (issue,) = issues
    assert issue.form == "excel-serial"
    assert issue.params["day"] == (date(1899, 12, 30) + timedelta(days=serial)).isoformat()
    value, m_issues = milestone_cell(str(serial), _NEVER)
    assert value[2] is None and [i.form for i in m_issues] == ["excel-serial"]


@given(st.integers(20000, 59999))
def test_excels_number_for_a_day_as_a_period_is_named_never_read(serial: int) -> None:
    """42979 in a period cell is named as Excel's number for a day in 2017-09, not read."""
    period, issues = period_cell(str(serial), 1900, 2100, _NEVER)
    assert period is None
    (issue,) = issues
    day = date(1899, 12, 30) + timedelta(days=serial)
    assert (issue.code, issue.form) == ("invalid-period", "excel-serial")
    assert issue.params["month"] == f"{day.year}-{day.month:02d}"


def test_an_office_file_validates_with_its_readings_as_notices(plan: Plan) -> None:
    """A GB18030 county file with 2017年1-9月 periods and 2017/10/8 dates has no error."""
    report = validate([str(OFFICE)], plan, store=None, today=TODAY)
    assert [f for f in report.findings if f.is_error] == []
    cumulative = [f for f in report.findings if f.form == "cumulative"]
    assert [(f.code, f.line, f.params["count"]) for f in cumulative] == [
        ("period-read-as-month", 3, 4)
    ]


def test_an_office_file_is_stored_at_the_month_and_day_it_names(run: Run) -> None:
    """Ingested, the span is stored as 2017-09 / 2017Q3 and the day as 2017-10-08."""
    result = run("ingest", str(OFFICE), "--data", "d")
    assert result.exit_code == 0, result.stdout
    (stored,) = Path("d").rglob("*.csv")
    text = stored.read_text(encoding="utf-8-sig")
    assert "2017年" not in text and "2017/10/8" not in text
    assert text.count("2017-10-08") == 4
    assert "2017Q3" in text and "2017-09" in text


@pytest.mark.parametrize(
    ("indicator", "period"),
    [
        ("城镇居民人均可支配收入", "2017年1-9月"),
        ("inc.rural_per_capita", "2017年前三季度"),
        ("pov.incidence", "2017年上半年"),
        ("pop.resident", "Jan-Sep 2017"),
    ],
)
def test_a_span_from_january_of_a_level_is_refused(
    plan: Plan, run: Run, tmp_path: Path, indicator: str, period: str
) -> None:
    """A level (人均可支配收入, a rate, a stock) is not summed from January: its 1-9月
    figure (nine months' income) read as 2017-09 would stand as its level at September
    (25,630 yuan where the year's is ~34,000). An error naming the indicator, never read."""
    path = tmp_path / "level.csv"
    path.write_text(
        f"indicator,period,region,value\n{indicator},{period},罗庄区,25630\n", encoding="utf-8"
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    (error,) = [f for f in report.findings if f.code == "invalid-period"]
    assert (error.form, error.line, error.is_error) == ("cumulative-level", 2, True)
    assert error.params["text"] == period
    assert not [f for f in report.findings if f.code == "period-read-as-month"]
    for lang, words in (("zh", ("不是年初至今的累计", "全年")), ("en", ("not summed", "year's"))):
        said = run("validate", str(path), "--lang", lang)
        assert said.exit_code == 1
        assert period in said.stdout and all(w in said.stdout for w in words), said.stdout


def test_a_span_from_january_of_a_flow_still_reads(plan: Plan, tmp_path: Path) -> None:
    """The same span of a flow (城镇新增就业人数) is the year-to-date sum: read, a notice."""
    path = tmp_path / "flow.csv"
    path.write_text(
        "indicator,period,region,value\n城镇新增就业人数,2017年1-9月,罗庄区,9500\n",
        encoding="utf-8",
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert [f for f in report.findings if f.is_error] == []
    assert [(f.code, f.form) for f in report.findings if f.form == "cumulative"] == [
        ("period-read-as-month", "cumulative")
    ]


@pytest.mark.parametrize("text", ["20179", "35000"])
def test_a_number_whose_day_is_outside_the_plans_years_is_not_called_a_date(text: str) -> None:
    """20179 (a mistyped 2017-9) would be Excel's 1955-03: outside the plan's years it is
    the plain 'not a period', never a date the clerk did not mean."""
    period, issues = period_cell(text, 2015, 2020, _NEVER)
    assert period is None and [(i.code, i.form) for i in issues] == [("invalid-period", "")]
