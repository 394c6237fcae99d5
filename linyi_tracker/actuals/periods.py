"""Periods: a year (``2017``), a quarter (``2017Q3``) or a month (``2017-09``).

A period is ordered by the month it ends in; ``months`` is how many months of its
year have elapsed at its end (12 for a year, 3·q for a quarter, m for a month), which
is what year-to-date values and time progress are measured against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

PeriodKind = Literal["year", "quarter", "month"]
_RANK: dict[str, int] = {"month": 0, "quarter": 1, "year": 2}


class PeriodError(ValueError):
    """The text is not a period in any accepted form; ``month`` is set when the form is
    right but the month does not exist (``2017-13``), for the finding's parameters."""

    def __init__(self, message: str, month: int | None = None) -> None:
        super().__init__(message)
        self.month = month


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

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(year, 12, "year")

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

_YEAR = re.compile(r"^(\d{4})(?:年|年度|年全年|全年)?$")
_QUARTER = re.compile(r"^(\d{4})(?:\s*[-/ ]?\s*)[Qq]([1-4])$|^(\d{4})年?第?([1-4一二三四])季度?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$|^(\d{4})年(\d{1,2})(?:月份?)?$")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}


def parse_period(text: str) -> Period:
    """Parse ``2017``, ``2017年``, ``2017Q3``, ``2017-Q3``, ``2017-09``, ``2017年9月``…"""
    s = unicodedata.normalize("NFKC", text).strip()
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
