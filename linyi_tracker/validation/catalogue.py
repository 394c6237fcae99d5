"""Every finding a data file can get: its stable code, severity, group and meaning.

The codes are the product's contract with the people who read them (and with any
script that reads ``validate --format json``): once published, a code keeps its name.
A test checks that each code here is produced by a named fixture and documented in
the README, and that nothing produces a code missing from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from linyi_tracker.findings import Severity


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    severity: Severity
    group: str  # file, row, cell, across rows, store
    title: str


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTICE

_ENTRIES = [
    # the file as a whole
    Entry(
        "encoding-error",
        E,
        "file",
        "bytes that are neither UTF-8 nor GB18030 (line and byte given)",
    ),
    Entry("empty-file", E, "file", "no header and no data"),
    Entry("missing-column", E, "file", "a required column (indicator, period, value) is missing"),
    Entry("duplicate-column", E, "file", "two columns mean the same thing (e.g. 数值 and value)"),
    Entry("blank-header", E, "file", "a column with data has no header"),
    Entry("unknown-column", W, "file", "a column the format does not know; it is ignored"),
    Entry(
        "not-utf8",
        N,
        "file",
        "the file is GB18030/GBK (Excel's Chinese default) and was read as such",
    ),
    Entry(
        "title-rows-skipped",
        N,
        "file",
        "rows above the header (a title) skipped; the header was found below them",
    ),
    Entry("unreadable-workbook", E, "file", "an .xlsx file that cannot be opened"),
    Entry("unknown-sheet", E, "file", "--sheet names a sheet the workbook does not have"),
    # one row
    Entry("csv-syntax", E, "row", "a row that is not valid CSV (a stray or unclosed quote)"),
    Entry("extra-cell", E, "row", "more cells than the header has columns"),
    Entry("missing-cell", E, "row", "fewer cells than the header, required ones missing"),
    Entry("blank-row", W, "row", "an empty row, skipped"),
    # one cell
    Entry("missing-value", E, "cell", "a required cell (indicator, period, value) is empty"),
    Entry(
        "unknown-indicator", E, "cell", "not an indicator of the plan (with the closest suggestion)"
    ),
    Entry(
        "indicator-by-name",
        N,
        "cell",
        "an indicator given by its name rather than its id, resolved",
    ),
    Entry("unknown-region", E, "cell", "not a region of the plan (with the closest suggestion)"),
    Entry("invalid-period", E, "cell", "not a year, quarter or month"),
    Entry("period-outside-plan", E, "cell", "before the plan's first data year or after its end"),
    Entry("future-period", E, "cell", "a period that has not ended yet"),
    Entry(
        "invalid-number",
        E,
        "cell",
        "not a number: (12.5), NaN, inf, 1_000, -, —, /, 无, N/A, 1e5 …",
    ),
    Entry("thousands-separator", N, "cell", "85,000 or 85 000 read as 85000"),
    Entry(
        "full-width-characters", W, "cell", "full-width digits or signs folded (９２．５ → 92.5)"
    ),
    Entry("magnitude-suffix", W, "cell", "万 or 亿 multiplied out, the reading shown"),
    Entry("unit-mismatch", E, "cell", "a unit (or a %) that does not fit the indicator's unit"),
    Entry(
        "unit-in-value",
        W,
        "cell",
        "a unit typed into the value cell (9800人, 4.9万人), read and shown",
    ),
    Entry("unit-converted", W, "cell", "a unit that converts exactly (万人 → 人), converted"),
    Entry(
        "out-of-range",
        E,
        "cell",
        "a percentage outside 0–100, a negative count, a ratio ≤ 0, a count above its total",
    ),
    Entry("not-integer", E, "cell", "a count with a fraction"),
    Entry(
        "invalid-milestone-value",
        E,
        "cell",
        "a milestone value that is not done / not done / a date",
    ),
    Entry("invalid-status-word", E, "cell", "a judgement that is not a status word"),
    Entry("invalid-date", E, "cell", "an as_of that is not a date (YYYY-MM-DD)"),
    # across rows
    Entry(
        "duplicate-observation",
        W,
        "across rows",
        "the same figure twice for one indicator, period and region",
    ),
    Entry(
        "conflicting-observation",
        E,
        "across rows",
        "two different figures for one indicator, period and region (both lines named)",
    ),
    Entry("ytd-decreasing", E, "across rows", "a year-to-date series that falls within a year"),
    Entry(
        "component-exceeds-total",
        E,
        "across rows",
        "a part larger than its whole (public rental > affordable housing)",
    ),
    Entry("components-exceed-total", W, "across rows", "the parts together larger than the whole"),
    Entry(
        "region-sum-mismatch",
        W,
        "across rows",
        "the city's figure differs from the sum of all its regions'",
    ),
    Entry(
        "outlier",
        W,
        "across rows",
        "far from the indicator's own history (median-based robust z-score above 3.5)",
    ),
    # against the figures already stored
    Entry(
        "conflicts-with-store",
        E,
        "store",
        "a different figure is already stored for the key, with no newer as_of",
    ),
    Entry("already-stored", N, "store", "the same figure is already stored; ingest skips it"),
    Entry(
        "revises-store",
        N,
        "store",
        "with --revise: a different stored figure is kept and this one recorded as its revision",
    ),
]

CATALOGUE: dict[str, Entry] = {e.code: e for e in _ENTRIES}
