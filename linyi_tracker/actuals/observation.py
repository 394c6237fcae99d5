"""What reading a data file gives: observations, and the file's account of itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from linyi_tracker.actuals.periods import Period
from linyi_tracker.findings import Finding

LEVEL, GROWTH = "level", "growth"
MEASURES = (LEVEL, GROWTH)


class Observation(NamedTuple):
    """One figure: an indicator's value for a period and region, with its provenance.

    A named tuple rather than a frozen dataclass: as immutable, and built 3.7× faster,
    which matters at a million rows (a frozen dataclass sets each field through
    ``object.__setattr__``).
    """

    indicator: str
    period: Period
    region: str
    value: Decimal | None  # numbers and counts
    word: str | None  # "done" / "not-done" for milestones, a judgement word for judgements
    done_on: date | None
    unit: str | None
    source: str
    note: str
    as_of: date | None
    file: str
    line: int
    # "level" (the figure itself) or "growth" (percent change on the previous year,
    # 比上年增长): a growth figure never stands in for a level, so the measure is part
    # of the key and the store keeps growth figures out of its level series.
    measure: str = "level"

    @property
    def key(self) -> tuple[str, str, str, str]:
        """(indicator, period text, region, measure): a level and a growth figure of one
        period are two figures, never a duplicate or a conflict of each other."""
        return (self.indicator, self.period.text, self.region, self.measure)

    @property
    def is_growth(self) -> bool:
        return self.measure == GROWTH

    @property
    def text(self) -> str:
        """The value as it is stored: exact decimal text, or the canonical word."""
        if self.value is not None:
            return format(self.value, "f")
        if self.done_on is not None:
            return self.done_on.isoformat()
        return self.word or ""


@dataclass
class FileRead:
    """What one file gave: its observations, its findings, and how it was read."""

    path: str
    encoding: str | None
    rows: int = 0
    observations: list[Observation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    value_column: int | None = None  # 1-based, for findings made after the file was read
    value_header: str | None = None  # the value column's name as the file writes it (数值, value)
    # Each canonical column's header as the file writes it (as_of → 截至日期), for hints
    headers: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None  # the sheet read, for a workbook
    # The sign-off line above the table (填报单位/填报人/审核人/填报日期): actuals/signoff.py
    signoff: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not any(f.is_error for f in self.findings)


def span_of(o: Observation, flow: bool) -> tuple[str, str, str, str]:
    """The key of the span a figure covers. For a flow indicator (year-to-date figures)
    the labels that end in the same month of a year cover one span — ``2019Q4``,
    ``2019-12`` and ``2019``; ``2019Q3`` and ``2019-09`` — so their figures are one figure
    (the same figure twice, or a conflict) by the rule of :mod:`linyi_tracker.actuals.reconcile`. A stock or rate's
    December or fourth-quarter figure is not its year figure (an annual figure may be an
    average, and sub-annual figures do not decide a year: assessment.md): its key is its
    own label."""
    return (o.indicator, span_label(o.period, flow), o.region, o.measure)


def span_label(period: Period, flow: bool) -> str:
    """The span a period's figure covers (:func:`span_of`): for a flow the year and the
    month it ends in (2019, 2019Q4, 2019-12 → ``2019:12``), else the period's own label."""
    return f"{period.year}:{period.months}" if flow else period.text
