"""The cell rules: what one cell may hold, as plain functions over plain values.

Each rule takes the cell's text (and the plan facts it needs) and returns what the
cell means and the issues it has — never raising, never touching a file or a row. The
row loop (:mod:`linyi_tracker.actuals.rows`) calls them and gives the issues their
file, line and column; the submissions spec (``What validation reports``) lists what
each rule must catch.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal

from linyi_tracker.actuals.lookup import PlanLookup, ValueType, fold
from linyi_tracker.actuals.numbers import (
    PLAIN_NUMBER,
    DigitTrouble,
    NumberError,
    check_digits,
    is_placeholder,
    parse_number,
    plain_decimal,
    thousands_dot,
    too_large,
)
from linyi_tracker.actuals.periods import AmbiguousPeriod, Period, PeriodError, read_period
from linyi_tracker.actuals.units import (
    declared,
    has_magnitude,
    magnitude_of,
    split_unit,
    unit_factor,
)
from linyi_tracker.findings import Issue, Named, Param, Severity
from linyi_tracker.plan.models import Indicator, Unit
from linyi_tracker.plan.sounds import is_zone_name
from linyi_tracker.texts.labels import LABELS
from linyi_tracker.words import (
    AMBIGUOUS_JUDGEMENTS,
    DONE_WORDS,
    JUDGEMENTS,
    NOT_DONE_WORDS,
)

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTICE
Issues = list[Issue]
# What a value cell means: (number, word, date done), one of them set when it is read.
Value = tuple[Decimal | None, str | None, date | None]
_NOTHING: Value = (None, None, None)


# An indicator's name with a unit in brackets after it (城镇居民人均可支配收入（万元）).
_NAME_WITH_UNIT = re.compile(r"(.+?)\s*\(\s*([^()]+?)\s*\)")


def _name_with_unit(lookup: PlanLookup, text: str) -> tuple[str, str] | None:
    """(indicator id, unit) when ``text`` is an indicator's name or id followed by a unit
    of the plan in brackets: "did you mean" the name would keep 3.1 (万元) as 3.1 元."""
    found = _NAME_WITH_UNIT.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return None
    ind = lookup.indicator(found.group(1))[0]
    unit = found.group(2)
    if ind is None or not any(unit_factor(unit, u) is not None for u in lookup.plan.units):
        return None
    return ind.id, unit


# A table's own rows, which no plan lists: its total (合计, 全市合计, 小计) and a part of
# the row above (其中：女性). Told as what they are: the row is left out.
_TOTAL = re.compile(r"(?:全市|全县|全区|各县区|县区)?(?:合计|总计|小计|共计|汇总)")


def _table_row(lookup: PlanLookup, text: str, column: str) -> Issue | None:
    """The unknown-indicator or unknown-region error of ``text`` when it is a total or a
    part row (hint ``total``/``part``; a total's names the city, whose figure goes in a row
    of its own), else None."""
    folded = "".join(unicodedata.normalize("NFKC", text).split())
    form = "total" if _TOTAL.fullmatch(folded) else "part" if folded.startswith("其中") else ""
    if not form:
        return None
    city = lookup.plan.city
    params: dict[str, Param] = {"text": text, "city": Named(city.id, city.name.zh, city.name.en)}
    return Issue(f"unknown-{column}", E, column, params, hint_form=form)


def indicator_cell(lookup: PlanLookup, text: str) -> tuple[Indicator | None, Issues]:
    """An indicator id, or its name in zh or en (with a notice); else a suggestion."""
    if not text:
        return None, [Issue("missing-value", E, "indicator", form="indicator")]
    ind, by_name = lookup.indicator(text)
    if ind is None:
        row = _table_row(lookup, text, "indicator")
        if row is not None:
            return None, [row]
        named = _name_with_unit(lookup, text)
        if named is not None:
            said: dict[str, Param] = {"text": text, "indicator": named[0], "unit": named[1]}
            return None, [Issue("unknown-indicator", E, "indicator", said, hint_form="unit")]
        guess = lookup.suggest_indicator(text)
        if guess:
            params: dict[str, Param] = {"text": text, "suggestion": guess}
            return None, [Issue("unknown-indicator", E, "indicator", params, hint_form="suggest")]
        return None, [Issue("unknown-indicator", E, "indicator", {"text": text})]
    if by_name:
        return ind, [
            Issue("indicator-by-name", N, "indicator", {"text": text, "indicator": ind.id})
        ]
    return ind, []


def period_cell(
    text: str, first_year: int, last_year: int, today: date
) -> tuple[Period | None, Issues]:
    """A year, quarter or month inside the plan's data years, and over by ``today``."""
    if not text:
        return None, [Issue("missing-value", E, "period", form="period")]
    try:
        period, how = read_period(text)
    except AmbiguousPeriod as exc:
        said: dict[str, Param] = {"text": text, "first": exc.first, "second": exc.second}
        return None, [Issue("invalid-period", E, "period", said, "ambiguous", exc.form)]
    except PeriodError as exc:
        if exc.form:  # a footnote mark, or digits other than 0-9
            return None, [Issue("invalid-period", E, "period", exc.params, exc.form, exc.form)]
        if exc.month is not None:
            return None, [Issue("invalid-period", E, "period", {"month": exc.month}, "month")]
        day = excel_serial_day(text)
        # 42979: a date cell shown as a number — named only when its day falls in the plan's
        # years (a mistyped 20179 is no 1955-03)
        if day is not None and first_year <= day.year <= last_year:
            serial: dict[str, Param] = {"text": text, "month": f"{day.year}-{day.month:02d}"}
            return None, [
                Issue("invalid-period", E, "period", serial, "excel-serial", "excel-serial")
            ]
        return None, [Issue("invalid-period", E, "period", {"text": text})]
    if not first_year <= period.year <= last_year:
        params: dict[str, Param] = {"period": period.text, "first": first_year, "last": last_year}
        return None, [Issue("period-outside-plan", E, "period", params)]
    if (period.year, period.months) >= (today.year, today.month):
        params = {"period": period.text, "today": today.isoformat()}
        return None, [Issue("future-period", E, "period", params)]
    if how is not None:
        read_as: dict[str, Param] = {"text": text, "period": period.text}
        form = CUMULATIVE if how == CUMULATIVE else ""
        return period, [Issue("period-read-as-month", N, "period", read_as, form, form)]
    return period, []


CUMULATIVE = "cumulative"  # the form of a span from January read as its month or quarter


def span_refused(how: str | None, indicator: Indicator) -> bool:
    """Whether a period read as ``how`` is refused for ``indicator``: a span from January
    (:data:`CUMULATIVE`: 2017年1-9月, 前三季度) is read only for a year-to-date indicator;
    any other has no such figure (:func:`cumulative_level`). The reader and withdraw's
    PERIOD both ask here."""
    return how == CUMULATIVE and not indicator.flow


def cumulative_level(read_as: Issue, indicator: Indicator) -> Issues:
    """A span from January (2017年1-9月; ``read_as``, its cumulative notice) of an
    indicator that is not a year-to-date sum (a level, a rate, a stock: 人均可支配收入):
    its figure is the sum of the months (nine months' income), not the level at the month
    it ends in, so it is not read."""
    period = str(read_as.params["period"])
    params: dict[str, Param] = {
        "text": read_as.params["text"],
        "period": period,
        "year": period[:4],
        "indicator": Named(indicator.id, indicator.name.zh, indicator.name.en),
    }
    form = "cumulative-level"
    return [Issue("invalid-period", E, "period", params, form, form)]


def region_cell(lookup: PlanLookup, text: str) -> tuple[str | None, Issues]:
    """A region id or name; blank is the whole city."""
    if not text:
        return lookup.plan.city.id, []
    region = lookup.region(text)
    if region is not None:
        return region, []
    row = _table_row(lookup, text, "region")
    if row is not None:
        return None, [row]
    if is_zone_name(text):  # never "leave it blank": that would make it the city's figure
        return None, [Issue("unknown-region", E, "region", {"text": text}, hint_form="zone")]
    guess = lookup.suggest_region(text)
    if guess:
        params: dict[str, Param] = {"text": text, "suggestion": guess}
        return None, [Issue("unknown-region", E, "region", params, hint_form="suggest")]
    return None, [Issue("unknown-region", E, "region", {"text": text})]


def as_of_cell(text: str, today: date) -> tuple[date | None, Issues]:
    """The publication date of a revised figure, YYYY-MM-DD (full-width and / folded),
    not after ``today``: a date to come would outrank every genuine revision."""
    if not text:
        return None, []
    day, issues = _date_cell(text, "as_of", "invalid-date", today)
    if day is None and not issues:
        return None, [Issue("invalid-date", E, "as_of", {"text": text})]
    return day, issues


# A day as offices write it: 2017-10-08, 2017/10/8 (Excel's Chinese short date, as a CSV
# saved from Excel holds it), 2017.10.8, 2017年10月8日, with a time of 0:00 that a date
# cell carries; one separator throughout. Year, month and day in that order only: 8/10/2017
# is a day and a month in an order the cell does not say.
_DAY = re.compile(
    r"^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$",
    re.ASCII,
)
# Excel's number for a day (days since 1899-12-30) in a cell formatted as a number:
# 20000 is 1954-10-03, 60000 is 2064-04-08. Not read (a count or a typo looks the same):
# named, with the day it would be, so the clerk formats the cell as a date.
_EXCEL_SERIAL = re.compile(r"^[2-5]\d{4}$", re.ASCII)
_EXCEL_EPOCH = date(1899, 12, 30)


def excel_serial_day(text: str) -> date | None:
    """The day Excel's number for a day (:data:`_EXCEL_SERIAL`) in ``text`` would be, None
    when ``text`` is no such number: the one rule a date cell and a period cell name it by."""
    shaped = unicodedata.normalize("NFKC", text).strip()
    if not _EXCEL_SERIAL.match(shaped):
        return None
    return _EXCEL_EPOCH + timedelta(days=int(shaped))


def as_of_before_period(text: str, day: date, period: Period) -> Issues:
    """An as_of before the day ``period`` ends: no figure is published before its period
    is over (almost always a year mistyped, 2019 for 2020). An error, for the date would
    make the figure a revision that outranks the stored one."""
    if day >= period.last_day:
        return []
    params: dict[str, Param] = {
        "text": text.strip(),
        "period": str(period),
        "end": period.last_day.isoformat(),
    }
    return [Issue("invalid-date", E, "as_of", params, "before-period", "before-period")]


def _date_cell(text: str, column: str, code: str, today: date) -> tuple[date | None, Issues]:
    """A day as offices write it (:data:`_DAY`, or ISO's other forms; full-width folded;
    digits 0-9 only), and not after ``today``: (the day, []), (None, [the issue]), or
    (None, []) when it is no date at all — one rule for an as_of and a milestone's date
    done. Excel's number for a day is named with the day it would be, not read."""
    try:
        check_digits(text)
    except DigitTrouble as exc:
        return None, [Issue(code, E, column, exc.params, exc.form, exc.form)]
    shaped = unicodedata.normalize("NFKC", text).strip()
    if m := _DAY.match(shaped):
        year, month, mday = m.group(1), m.group(3) or m.group(5), m.group(4) or m.group(6)
        try:
            day = date(int(year), int(month), int(mday))
        except ValueError:  # 2015-13-01, 2019-02-30: a date with no such day
            return None, [Issue(code, E, column, {"text": text}, "no-such-day", "no-such-day")]
    elif (said := excel_serial_day(shaped)) is not None:
        serial: dict[str, Param] = {"text": text, "day": said.isoformat()}
        return None, [Issue(code, E, column, serial, "excel-serial", "excel-serial")]
    else:
        try:
            day = date.fromisoformat(shaped)  # 20171008, 2017-W41-1: ISO's other forms
        except ValueError:
            return None, []
    if day > today:
        params: dict[str, Param] = {"text": text, "today": today.isoformat()}
        return None, [Issue(code, E, column, params, "future", "future")]
    return day, []


def value_cell(
    text: str,
    unit_text: str,
    kind: ValueType,
    unit: Unit | None,
    count_total: int | None,
    today: date,
) -> tuple[Value, Issues]:
    """The value cell read as its indicator reads values: a judgement word, a milestone
    word or date, or a number (in the unit column's unit, converted), in range."""
    if not text:
        return _NOTHING, [Issue("missing-value", E, "value", form="value")]
    if kind == "judgement":
        return judgement_cell(text)
    folded = fold(text) if kind != "number" else ""
    if kind == "milestone" or (kind == "count" and not _looks_numeric(folded)):
        return milestone_cell(text, today)
    issues: Issues = []
    plain = PLAIN_NUMBER.match(text) is not None
    # The cell split at a unit typed after its figure, once: digits alone have none.
    split = (text, _ONE, None) if plain else _split_unit(text, unit)
    parsed = Decimal(text) if plain else number_cell(text, unit, issues, split)
    if parsed is None:
        return _NOTHING, issues
    if too_large(parsed):
        return _NOTHING, [*issues, _too_large(parsed)]
    # The unit typed in the cell (9800人), when there is one: the unit column naming that
    # same unit adds nothing, and converting by both would scale the figure twice.
    in_cell = split[2] if unit_text else None
    if in_cell is not None and unit is not None and _same_unit(in_cell, unit_text, unit):
        unit_text = ""
    if _scaled_twice(issues, unit_text, unit):
        # '0.29万' with the unit 万人 would be multiplied by 10,000 twice (2,900万人).
        params: dict[str, Param] = {
            "text": text,
            "unit": unit_text,
            "expected": Named(unit.id, unit.name.zh, unit.name.en) if unit else "",
        }
        # 4.9万 against 万人: the unit's own 万 makes it no double conversion but a doubt.
        # The hint of the 万 unit (write the figure in 万人, without 万) fits any cell in one.
        # That doubt is the value cell's 万; a double conversion is the unit column's.
        form = "magnitude-unit" if unit and has_magnitude(unit.name.zh) else "twice"
        column = "value" if form == "magnitude-unit" else "unit"
        return _NOTHING, [*_unread(issues), Issue("unit-mismatch", E, column, params, form, form)]
    parsed = _in_unit_magnitude(parsed, unit_text, unit, issues)
    value = unit_cell(parsed, unit_text, unit, issues)
    if value is None:
        return _NOTHING, issues
    if too_large(value):
        return _NOTHING, [*issues, _too_large(value)]
    if value != parsed or not PLAIN_NUMBER.match(text):
        value = with_written_precision(value, text)
    if unit is not None and unit.kind == "count" and value == parsed and _thousands_dot(split):
        whole = int(value)
        params = {"text": text, "thousands": whole * 1000, "plain": whole}
        return _NOTHING, [
            *issues,
            Issue("invalid-number", E, "value", params, "thousands-dot", "thousands-dot"),
        ]
    if unit is not None:
        issues += range_issues(value, unit, count_total if kind == "count" else None)
    return (value, None, None), issues


# The measure column (口径): what a figure is. A growth figure is the percent change on
# the previous year (比上年增长), signed; communiqués often publish nothing else.
# The 口径 word a Chinese file writes for each measure (extract's output, the reader's own)
MEASURE_ZH = {"level": "水平值", "growth": "比上年增长"}
MEASURE_WORDS: dict[str, str] = {
    **{word: measure for measure, word in MEASURE_ZH.items()},
    "level": "level",
    "水平": "level",
    "绝对值": "level",
    "growth": "growth",
    "同比增长": "growth",
    "增长": "growth",
    "增速": "growth",
}
GROWTH_LIMIT = Decimal(100)  # |g| ≥ 100 % a year is a level typed in the wrong row
_GROWTH_WORDS = (("比上年增长", 1), ("比上年下降", -1), ("增长", 1), ("下降", -1), ("减少", -1))


def measure_cell(text: str) -> tuple[str | None, Issues]:
    """``level`` (blank, 水平值) or ``growth`` (比上年增长); anything else an error."""
    if not text:
        return "level", []
    measure = MEASURE_WORDS.get(fold(text))
    if measure is None:
        return None, [Issue("invalid-measure", E, "measure", {"text": text})]
    return measure, []


def growth_kind_issues(kind: ValueType) -> Issues:
    """A growth figure is a number: a milestone or a judgement has no growth."""
    if kind in ("number", "count"):
        return []
    return [Issue("invalid-measure", E, "measure", {"kind": kind}, "not-number")]


def growth_cell(text: str, unit_text: str, unit: Unit | None) -> tuple[Value, Issues]:
    """A growth figure: percent on the previous year, signed ('8.1', '-2.7', '8.1%',
    '增长8.1%', '下降2.7%'); its unit is % or blank — never the level's unit — and its
    size plausible (|g| < 100)."""
    if not text:
        return _NOTHING, [Issue("missing-value", E, "value", form="value")]
    try:
        check_digits(text)  # before NFKC, which would fold '8.1¹' into 8.11
    except DigitTrouble as exc:
        return _NOTHING, [Issue("invalid-number", E, "value", exc.params, exc.form, exc.form)]
    body, sign = text.strip(), 1
    for word, word_sign in _GROWTH_WORDS:
        if body.startswith(word):
            body, sign = body[len(word) :].strip(), word_sign
            if unicodedata.normalize("NFKC", body).startswith(_SIGNS):
                # '下降-2.7%': a fall of −2.7 is a rise; or the sign repeats the word. Which
                # one the clerk meant is theirs to say, not the tool's to guess.
                signs: dict[str, Param] = {"text": text, "word": word}
                return _NOTHING, [
                    Issue("invalid-number", E, "value", signs, "two-signs", "two-signs")
                ]
            break
    issues: Issues = []
    if unit_text and fold(unit_text) not in _PERCENT_NAMES:
        params: dict[str, Param] = {"unit": unit_text, "level_unit": unit.name.zh if unit else ""}
        issues.append(Issue("unit-mismatch", E, "unit", params, "growth", "growth"))
    try:
        reading = parse_number(body, percent_unit=True)
    except NumberError as exc:
        said = {**exc.params, "text": text} if "text" in exc.params else exc.params
        return _NOTHING, [*issues, Issue(exc.code, E, "value", said, exc.form, exc.hint_form)]
    value = plain_decimal(reading.value * sign) if sign < 0 else reading.value
    # The remarks show the figure as it is stored: '下降2.7%' read as −2.7, not 2.7.
    issues += [
        Issue(r.code, r.severity, "value", {**r.params, "text": text, "value": value}, r.form)
        if "value" in r.params
        else Issue(r.code, r.severity, "value", r.params, r.form)
        for r in reading.remarks
    ]
    if abs(value) >= GROWTH_LIMIT:
        issues.append(Issue("out-of-range", E, "value", {"value": value}, "growth", "growth"))
    if any(i.severity is E for i in issues):
        return _NOTHING, issues
    return (value, None, None), issues


# Signs a figure may start with, after NFKC (which folds full-width － ＋ and small ﹣, but
# leaves the minus sign U+2212 and dashes alone).
_SIGNS = ("-", "+", "\u2212", "\u2013", "\u2014")
_PERCENT_NAMES = frozenset({"%", "％", "percent", "百分比", "百分点", "pct"})


def loose_value_cell(text: str) -> Issues:
    """The value of a row whose indicator is unknown, checked as far as it can be: a
    figure (a digit in it) or a placeholder word (暂无, —, N/A) must read as a number,
    so that a clerk sees all of a row's problems in one round. Words are left alone
    (the indicator may be a milestone), and so is the unit (it is the indicator's)."""
    if not text:
        return [Issue("missing-value", E, "value", form="value")]
    if PLAIN_NUMBER.match(text) or not (is_placeholder(text) or any(c.isdigit() for c in text)):
        return []
    try:
        parse_number(text, percent_unit=True)
    except NumberError as exc:
        return [Issue(exc.code, E, "value", exc.params, exc.form, exc.hint_form)]
    return []


_WRITTEN = re.compile(r"-?\d+(?:\.(\d+))?")


def with_written_precision(value: Decimal, text: str) -> Decimal:
    """``value`` carrying the precision it was written with, when a factor of ten made it
    (44.2万 → 442000 is known to the thousand: Decimal('4.42E+5'), equal to 442000): the
    reconciliation rule compares a rounded figure at its own precision. Plain digits, and
    figures whose last written digit is a unit or finer, are returned as they are."""
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    m = _WRITTEN.search(folded)
    if m is None or value == 0:
        return value
    written = Decimal(m.group())
    if written == 0:
        return value
    factor = value / written
    if factor <= 1 or factor != factor.to_integral_value() or str(int(factor)).rstrip("0") != "1":
        return value  # not a power of ten (or none): nothing is known of the precision
    quantum = factor.scaleb(-len(m.group(1) or "")).normalize()
    if quantum <= 1:
        return value
    return value.quantize(quantum)


def _too_large(value: Decimal) -> Issue:
    shown = f"{value:.3e}" if value.adjusted() > 30 else format(value, "f")
    return Issue("out-of-range", E, "value", {"value": shown}, "too-large")


# The judgements a clerk may write, as every output shows them (已达成, on track …):
# a word copied from a report is read as the report meant it.
_SHOWN_JUDGEMENTS: dict[str, str] = {
    fold(LABELS[f"status.{status}"][lang]): status
    for status in ("achieved", "on_track", "at_risk", "off_track", "missed")
    for lang in ("zh", "en")
}
ACCEPTED_JUDGEMENTS: dict[str, str] = {**JUDGEMENTS, **_SHOWN_JUDGEMENTS}


def judgement_cell(text: str) -> tuple[Value, Issues]:
    """A status word, in zh or en: one of the words the outputs show, or a synonym."""
    folded = fold(text)
    judged = ACCEPTED_JUDGEMENTS.get(folded)
    if judged is None:
        form = "ambiguous" if folded in AMBIGUOUS_JUDGEMENTS else ""
        return _NOTHING, [Issue("invalid-status-word", E, "value", {"text": text}, form, form)]
    return (None, judged, None), []


def milestone_cell(text: str, today: date) -> tuple[Value, Issues]:
    """Done (是, 1, done…), not done (否, 0…), or the date it was done (not after
    ``today``: a milestone is not done on a day still to come)."""
    day, issues = _date_cell(text, "value", "invalid-milestone-value", today)
    if issues:
        return _NOTHING, issues
    if day is not None:
        return (None, "done", day), []
    folded = fold(text)
    if folded in DONE_WORDS:
        return (None, "done", None), []
    if folded in NOT_DONE_WORDS:
        return (None, "not-done", None), []
    return _NOTHING, [Issue("invalid-milestone-value", E, "value", {"text": text})]


def number_cell(
    text: str, unit: Unit | None, issues: Issues, split: tuple[str, Decimal, str | None]
) -> Decimal | None:
    """Any number but plain digits: separators, 万/亿, full-width, a unit in the cell
    (``split``: :func:`_split_unit` of ``text``; :func:`~linyi_tracker.actuals.numbers.
    parse_number` decides the number itself)."""
    try:
        check_digits(text)  # before the unit is split off with NFKC: '86000¹人' is no 860001
    except DigitTrouble as exc:
        issues.append(Issue("invalid-number", E, "value", exc.params, exc.form, exc.form))
        return None
    number_text, factor, suffix = split
    try:
        reading = parse_number(
            number_text, percent_unit=unit is not None and unit.kind == "percent"
        )
    except NumberError as exc:
        # The cell's whole text, unit included, is what the clerk typed and must find.
        said = {**exc.params, "text": text} if "text" in exc.params else exc.params
        issues.append(Issue(exc.code, E, "value", said, exc.form, exc.hint_form))
        return None
    issues += [Issue(r.code, r.severity, "value", r.params, r.form) for r in reading.remarks]
    parsed = reading.value
    if suffix is not None and unit is not None:
        parsed = plain_decimal(parsed * factor)
        if suffix == ":1" and factor == 1:
            # A ratio is written 1.6:1: the template's hint asks for that form.
            return parsed
        if factor != 1 and not declared(suffix, unit):
            # 69541吨 against 万吨: as the unit column's 吨 (unit_cell), confirmed row by row
            derived: dict[str, Param] = {
                "value": reading.value,
                "unit": suffix,
                "converted": parsed,
                "to_unit": unit.name.zh,
            }
            issues.append(Issue("unit-derived", W, "value", derived))
            return parsed
        params: dict[str, Param] = {"text": text, "value": parsed, "unit": unit.name.zh}
        issues.append(Issue("unit-in-value", N, "value", params))
    return parsed


def _thousands_dot(split: tuple[str, Decimal, str | None]) -> bool:
    """A count written 85.000 — alone or with its unit typed after it (85.000人), not
    85.000万人 (a magnitude: 850,000): thousands or 85? (``split``: :func:`_split_unit`
    of the cell.)"""
    number, factor, _ = split
    return factor == 1 and thousands_dot(number)


def _scaled_twice(issues: Issues, unit_text: str, unit: Unit | None) -> bool:
    """The value cell's 万/亿 stands before a unit that has one in its name — the unit
    column's, or the indicator's when the column is blank (0.29万 with 万人: 2,900 persons
    or 2,900万人? 4.9万 in 万人: 4.9 or 49,000 万人?) — or the cell's own unit (9800人) and
    the unit column's differ and the column converts again."""
    if unit is None:
        return False
    suffix = next((i.params.get("suffix") for i in issues if i.code == "magnitude-suffix"), None)
    in_unit = magnitude_of(unit_text or unit.name.zh)
    if suffix is not None and in_unit is not None:
        # Only the unit's own word is in doubt: 3.3万亿 in 亿元 is 3.3万亿元, 6.95亿 in 万吨 is
        # 6.95亿吨 — exact (:func:`_in_unit_magnitude`).
        return suffix == in_unit[0]
    if not unit_text or not any(i.code in _CELL_UNIT for i in issues):
        return False
    factor = unit_factor(unit_text, unit)
    return factor is not None and factor != 1


def _in_unit_magnitude(
    parsed: Decimal, unit_text: str, unit: Unit | None, issues: Issues
) -> Decimal:
    """A figure in 万/亿 against a unit with another magnitude in its name (the unit
    column's, or the indicator's when it is blank) reads with the unit's base: 6.95亿 in
    万吨 is 6.95亿吨, 69,500 万吨; 3.3万亿 in 亿元 is 33,000 亿元. The cell's word replaces
    the unit's; the same word on both is a doubt (:func:`_scaled_twice`), refused before."""
    named = unit_text or (unit.name.zh if unit is not None else "")
    in_unit = magnitude_of(named)
    at = next((n for n, i in enumerate(issues) if i.code == "magnitude-suffix"), None)
    if in_unit is None or at is None:
        return parsed
    value = plain_decimal(parsed / in_unit[1])
    params: dict[str, Param] = {**issues[at].params, "value": value, "unit": named}
    issues[at] = Issue("magnitude-suffix", N, "value", params, "in-unit")
    return value


def _same_unit(a: str, b: str, unit: Unit) -> bool:
    """Two unit texts that name one unit (人 and persons): the same factor, and equal
    folded or both the unit's own names."""
    fa, fb = unit_factor(a, unit), unit_factor(b, unit)
    return fa is not None and fa == fb and (fold(a) == fold(b) or fa == 1)


def _unread(issues: Issues) -> Issues:
    """``issues`` without the readings of a figure that is not read after all."""
    return [i for i in issues if i.code != "magnitude-suffix" and i.code not in _CELL_UNIT]


# The readings of a unit typed in the value cell (9800人; 69541吨 against 万吨, derived).
_CELL_UNIT = ("unit-in-value", "unit-derived")


def unit_cell(value: Decimal, text: str, unit: Unit | None, issues: Issues) -> Decimal | None:
    """The value in the indicator's unit: as it is when the unit column is blank or names
    the unit, converted exactly when it names one that converts (万人 → 人, 亿吨 → 万吨:
    :func:`~linyi_tracker.actuals.units.unit_factor`), else None."""
    if not text or unit is None:
        return value
    factor = unit_factor(text, unit)
    if factor == 1:
        return value
    if factor is not None:
        converted = plain_decimal(value * factor)
        params: dict[str, Param] = {
            "value": value,
            "unit": text,
            "converted": converted,
            "to_unit": unit.name.zh,
        }
        if declared(text, unit):
            issues.append(Issue("unit-converted", N, "unit", params))
        else:  # 吨 against 万吨: worked out from the names, so the clerk confirms it per row
            issues.append(Issue("unit-derived", W, "unit", params))
        return converted
    params = {"unit": text, "expected": Named(unit.id, unit.name.zh, unit.name.en)}
    # A % on a level that is not a percentage (an income "10.4 %") is a growth rate: the
    # hint says so, never "leave the unit blank", which would store 10.4 yuan.
    percent = unit.kind != "percent" and fold(text) in _PERCENT_WORDS
    hint = "growth-rate" if percent else ""
    if percent and unit.kind == "ratio":
        # 170 % on a ratio (1.7:1) is the ratio written as a percentage, not a growth rate:
        # the hint names the ratio it would be, for the clerk to confirm — never read so.
        params["ratio"] = plain_decimal(value / 100)
        hint = "ratio-percent"
    issues.append(Issue("unit-mismatch", E, "unit", params, hint_form=hint))
    return None


def range_issues(value: Decimal, unit: Unit, count_total: int | None) -> Issues:
    """A percentage within 0–100, a count not negative and whole (and at most the
    target's total for a countable milestone), a ratio above 0, an amount not negative
    (a warning: it chains to no growth, and the assessment says the level is wrong)."""
    issues: Issues = []
    params: dict[str, Param] = {"value": value}
    if unit.kind == "percent" and not _ZERO <= value <= _HUNDRED:
        issues.append(Issue("out-of-range", E, "value", params, "percent"))
    elif unit.kind == "count" and value < 0:
        issues.append(Issue("out-of-range", E, "value", params, "negative"))
    elif unit.kind == "ratio" and value <= 0:
        issues.append(Issue("out-of-range", E, "value", params, "ratio"))
    elif unit.kind == "amount" and value < 0:
        # An amount (元, 平方米) as a level is not below zero; a fall is a growth figure.
        # A warning, not an error: the plan's unit does not forbid it as a count's does.
        params = {"value": value, "unit": Named(unit.id, unit.name.zh, unit.name.en)}
        issues.append(Issue("implausible-value", W, "value", params, "negative", "negative"))
    if unit.kind == "count" and value != value.to_integral_value():
        issues.append(Issue("not-integer", E, "value", {"value": value, "unit": unit.name.zh}))
    if count_total is not None and value > count_total:
        params = {"value": value, "total": count_total}
        issues.append(Issue("out-of-range", E, "value", params, "above-total"))
    return issues


def _split_unit(text: str, unit: Unit | None) -> tuple[str, Decimal, str | None]:
    """A unit typed into the value cell ('9800人', '4.9万人', '6.95亿吨'): (number, factor,
    the unit text) — :func:`~linyi_tracker.actuals.units.split_unit`, the rule `extract`
    reads a sentence's units by."""
    split = split_unit(text, unit) if unit is not None else None
    if split is None:
        return text, _ONE, None
    return split


def _looks_numeric(folded: str) -> bool:
    """For a countable milestone: '12' is a count, 'done' or '2015-12-20' is a word or date."""
    return bool(folded) and _DATE.match(folded) is None and any(ch.isdigit() for ch in folded)


_ZERO, _ONE, _HUNDRED = Decimal(0), Decimal(1), Decimal(100)
_PERCENT_WORDS = frozenset({"%", "％", "百分比", "percent", "pct", "百分点"})
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
