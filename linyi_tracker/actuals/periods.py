"""Periods: a year (``2017``), a quarter (``2017Q3``) or a month (``2017-09``).

A period is ordered by the month it ends in; ``months`` is how many months of its
year have elapsed at its end (12 for a year, 3·q for a quarter, m for a month), which
is what year-to-date values and time progress are measured against.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from linyi_tracker.actuals.numbers import DigitTrouble, check_digits
from linyi_tracker.findings import Param

PeriodKind = Literal["year", "quarter", "month"]
_RANK: dict[str, int] = {"month": 0, "quarter": 1, "year": 2}


class PeriodError(ValueError):
    """The text is not a period in any accepted form; ``month`` is set when the form is
    right but the month does not exist (``2017-13``), for the finding's parameters."""

    def __init__(
        self,
        message: str,
        month: int | None = None,
        form: str = "",
        params: Mapping[str, Param] | None = None,
    ) -> None:
        super().__init__(message)
        self.month = month
        # Set for digits that are not 0-9 (a footnote mark, ①, ¹): the finding's form.
        self.form = form
        self.params: Mapping[str, Param] = params or {}


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    months: int
    kind: PeriodKind
    # The canonical text, made once: periods are keys of every observation.
    text: str = field(init=False, compare=False, repr=False, hash=False)
    # The order key, also made once: a million-row store sorts by it.
    # A full year sorts after December's year-to-date figure of the same year.
    sort_key: tuple[int, int, int] = field(init=False, compare=False, repr=False, hash=False)
    # Months since year 0 at the end of the period, for "up to P" comparisons.
    end_index: int = field(init=False, compare=False, repr=False, hash=False)
    # The order key as one small integer, year·64 + months·4 + kind rank (same order as
    # sort_key): validation packs it into each row's key, once a row.
    code: int = field(init=False, compare=False, repr=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind == "year":
            text = str(self.year)
        elif self.kind == "quarter":
            text = f"{self.year}Q{self.months // 3}"
        else:
            text = f"{self.year}-{self.months:02d}"
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sort_key", (self.year, self.months, _RANK[self.kind]))
        object.__setattr__(self, "end_index", self.year * 12 + self.months)
        object.__setattr__(self, "code", self.year * 64 + self.months * 4 + _RANK[self.kind])

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(year, 12, "year")

    @property
    def last_day(self) -> date:
        """The day the period ends: no figure for it can be published before then."""
        return date(self.year, self.months, calendar.monthrange(self.year, self.months)[1])

    @property
    def is_full_year(self) -> bool:
        return self.months == 12

    def __str__(self) -> str:
        return self.text

    def label(self, lang: str) -> str:
        """A reader's form: ``2017年9月`` / ``Sep 2017``."""
        if self.kind == "year":
            return f"{self.year}年" if lang == "zh" else str(self.year)
        if self.kind == "quarter":
            q = self.months // 3
            return f"{self.year}年第{q}季度" if lang == "zh" else f"{self.year} Q{q}"
        if lang == "zh":
            return f"{self.year}年{self.months}月"
        return f"{_MONTHS[self.months - 1]} {self.year}"


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# re.ASCII: digits are 0-9 (after NFKC, which makes full-width ２０１９ plain), as the
# figures' reader takes them (numbers.py refuses other scripts' digits): one rule.
_YEAR = re.compile(r"^(\d{4})(?:年|年度|年全年|全年)?$", re.ASCII)
_QUARTER = re.compile(
    r"^(\d{4})(?:\s*[-/ ]?\s*)[Qq]([1-4])$|^(\d{4})年?第?([1-4一二三四])季度?$", re.ASCII
)
_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$|^(\d{4})年(\d{1,2})(?:月份?)?$", re.ASCII)
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}


def parse_period(text: str) -> Period:
    """Parse ``2017``, ``2017年``, ``2017Q3``, ``2017-Q3``, ``2017-09``, ``2017年9月``…

    ``2019.1`` is refused (:class:`AmbiguousPeriod`): January, or October whose trailing
    zero a spreadsheet dropped. One rule for a data file's cell and for ``--as-of`` /
    ``--period`` on the command line. Digits are 0-9 (ASCII or full-width) only: NFKC
    would make ``2019Q①`` 2019Q1 and ``2019¹`` 20191 (:func:`check_digits`).
    """
    _check_digits(text)
    s = unicodedata.normalize("NFKC", text).strip()
    if (dot := _DOT_MONTH.match(s)) and dot.group(2) == "1":
        raise AmbiguousPeriod(text, f"{dot.group(1)}-01", f"{dot.group(1)}-10", "dot-month")
    if m := _YEAR.match(s):
        return Period.of_year(int(m.group(1)))
    if m := _QUARTER.match(s):
        year = m.group(1) or m.group(3)
        q = m.group(2) or m.group(4)
        quarter = _CN_DIGIT.get(q) or int(q)
        return Period(int(year), 3 * quarter, "quarter")
    if m := _MONTH.match(s):
        year = m.group(1) or m.group(3)
        month = int(m.group(2) or m.group(4))
        if not 1 <= month <= 12:
            raise PeriodError(f"month {month} does not exist", month)
        return Period(int(year), month, "month")
    raise PeriodError(
        f"'{text}' is not a period; write a year (2017), a quarter (2017Q3) or a month (2017-09)"
    )


# ------------------------------------------------------------ what a submission's cell may say

# Excel's own spellings of a month: a date (2019/9/1, 2019-09-01, a date cell), or its
# "mmm-yy" format (Sep-19). They name a day or a month unambiguously, so they are read
# to the month, with a notice that shows the reading.
_EXCEL_DATE = re.compile(
    r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]00:00(?::00)?)?$", re.ASCII
)
_MON_YY = re.compile(r"^([A-Za-z]{3})[-/ ](\d{2}|\d{4})$", re.ASCII)
# A month written with a dot, as a number: 2019.1 is January, or October whose trailing
# zero a spreadsheet dropped (2019.10 → 2019.1). A two-digit year (19.9) leaves the
# century and the reading to guess.
_DOT_MONTH = re.compile(r"^(\d{4})\.(\d{1,2})$", re.ASCII)
_SHORT_YEAR = re.compile(r"^(\d{2})\s*[./-]\s*(\d{1,2})$", re.ASCII)
# A span from January, as statistical offices write a year-to-date figure: 2017年1-9月,
# 2017年1至9月份累计, 2017年前三季度, 2017年上半年, Jan-Sep 2017. A month's or a quarter's
# figure of a flow is the sum from January (spec/submissions.md), so each is read as the
# month or quarter it ends in, with a notice showing the reading. A span that does not start
# in January (2017年3-9月) is no period the tool keeps.
_TO = r"\s*(?:-|—|–|~|～|至|到)\s*"
_FROM_JANUARY = re.compile(
    rf"^(\d{{4}})年?\s*(?:1|一)(?:月份?)?{_TO}(\d{{1,2}})月份?(?:累计)?$", re.ASCII
)
_FIRST_QUARTERS = re.compile(
    rf"^(\d{{4}})年?\s*(?:前([1-4一二三四])|(?:第?(?:1|一)季?度?){_TO}第?([1-4一二三四]))季度"
    r"(?:累计)?$",
    re.ASCII,
)
_HALF_YEAR = re.compile(r"^(\d{4})年?\s*上半年(?:累计)?$", re.ASCII)
_FROM_JAN_EN = re.compile(
    rf"^Jan(?:uary)?\.?{_TO}([A-Za-z]{{3}})[a-z]*\.?,?\s+(\d{{4}})$", re.ASCII
)


class AmbiguousPeriod(PeriodError):
    """A period with two readings: ``first`` and ``second`` (canonical texts)."""

    def __init__(self, text: str, first: str, second: str, form: str) -> None:
        super().__init__(f"'{text}' may be {first} or {second}")
        self.first, self.second, self.form = first, second, form


def read_period(text: str) -> tuple[Period, str | None]:
    """A submission's period cell: :func:`parse_period`'s forms, Excel's spellings of a
    month (read to the month; the second item is then ``"excel"`` for a notice), and a
    span from January (read as the month or quarter it ends in: ``"cumulative"``).

    Raises :class:`AmbiguousPeriod` for 2019.1 (2019-01 or 2019-10) and 19.9 (a two-digit
    year), :class:`PeriodError` for anything else that is not a period.
    """
    _check_digits(text)
    s = unicodedata.normalize("NFKC", text).strip()
    if m := _SHORT_YEAR.match(s):
        year, month_n = 2000 + int(m.group(1)), int(m.group(2))
        if 1 <= month_n <= 12:
            second = (
                f"{year}-10" if m.group(2) == "1" else f"{1900 + int(m.group(1))}-{month_n:02d}"
            )
            raise AmbiguousPeriod(text, f"{year}-{month_n:02d}", second, "short-year")
    if m := _EXCEL_DATE.match(s):
        year, month_n, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not 1 <= month_n <= 12:
            raise PeriodError(f"month {month_n} does not exist", month_n)
        if not 1 <= day <= 31:
            raise PeriodError(f"'{text}' is not a date")
        return Period(year, month_n, "month"), "excel"
    if m := _FROM_JANUARY.match(s):
        month_n = int(m.group(2))
        if not 1 <= month_n <= 12:
            raise PeriodError(f"month {month_n} does not exist", month_n)
        return Period(int(m.group(1)), month_n, "month"), "cumulative"
    if m := _FIRST_QUARTERS.match(s):
        q = m.group(2) or m.group(3)
        return Period(int(m.group(1)), 3 * (_CN_DIGIT.get(q) or int(q)), "quarter"), "cumulative"
    if m := _HALF_YEAR.match(s):
        return Period(int(m.group(1)), 6, "quarter"), "cumulative"
    if (m := _FROM_JAN_EN.match(s)) and (month_n := _MONTHS_LOWER.get(m.group(1).casefold(), 0)):
        return Period(int(m.group(2)), month_n, "month"), "cumulative"
    if m := _MON_YY.match(s):
        month_n = _MONTHS_LOWER.get(m.group(1).casefold(), 0)
        if month_n:
            y = int(m.group(2))
            return Period(y if y >= 100 else 2000 + y, month_n, "month"), "excel"
    return parse_period(text), None


def _check_digits(text: str) -> None:
    try:
        check_digits(text)
    except DigitTrouble as exc:
        raise PeriodError(f"'{text}' is not a period", form=exc.form, params=exc.params) from None


_MONTHS_LOWER = {name.casefold(): n for n, name in enumerate(_MONTHS, start=1)}
