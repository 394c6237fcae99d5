"""Reading one data file into observations, with a finding for everything wrong.

The reader decides the encoding deterministically (BOM → UTF-8-sig, else strict
UTF-8, else strict GB18030, else ``encoding-error``), tracks the physical line where
each record starts (``csv`` only knows where it ends), maps English or Chinese headers
to the canonical columns, and reads every cell against the plan: indicator and region
ids or names, periods, numbers, units, milestone and judgement words.

It never stops at the first problem: each row that can be read becomes an
:class:`Observation`, and each problem a :class:`Finding` with file, line and column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from difflib import get_close_matches
from pathlib import Path
from typing import Literal

from linyi_tracker.actuals.numbers import NumberError, parse_number
from linyi_tracker.actuals.periods import Period, PeriodError, parse_period
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.plan.models import Indicator, MilestoneTarget, Plan, QualitativeTarget, Unit
from linyi_tracker.words import DONE_WORDS, JUDGEMENTS, NOT_DONE_WORDS

ValueType = Literal["number", "milestone", "count", "judgement"]

COLUMNS: tuple[str, ...] = (
    "indicator",
    "period",
    "region",
    "value",
    "unit",
    "source",
    "note",
    "as_of",
)
REQUIRED: tuple[str, ...] = ("indicator", "period", "value")
HEADER_ALIASES: dict[str, str] = {
    "indicator": "indicator",
    "indicator_id": "indicator",
    "指标代码": "indicator",
    "指标": "indicator",
    "period": "period",
    "期间": "period",
    "年份": "period",
    "时间": "period",
    "region": "region",
    "地区": "region",
    "区县": "region",
    "value": "value",
    "数值": "value",
    "值": "value",
    "unit": "unit",
    "单位": "unit",
    "source": "source",
    "来源": "source",
    "note": "note",
    "notes": "note",
    "备注": "note",
    "as_of": "as_of",
    "as-of": "as_of",
    "截至日期": "as_of",
    "发布日期": "as_of",
}
# Columns a template carries for the clerk's eyes; read and ignored without a warning.
INFORMATIVE_COLUMNS = frozenset(
    {"name_zh", "name_en", "指标名称", "名称", "indicator_name", "unit_name"}
)


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure: an indicator's value for a period and region, with its provenance."""

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

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, str(self.period), self.region)

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

    @property
    def valid(self) -> bool:
        return not any(f.is_error for f in self.findings)


def decode(raw: bytes, shown: str) -> tuple[str | None, str | None, list[Finding]]:
    """Decode a whole file deterministically; never guess with a detector."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig", []
        except UnicodeDecodeError as exc:
            return (
                None,
                None,
                [_encoding_error(raw, exc.start + 0, shown, "UTF-8 (it starts with a UTF-8 BOM)")],
            )
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        return None, None, [_encoding_error(raw, exc.start, shown, "UTF-8 or GB18030")]
    notice = Finding(
        "not-utf8",
        Severity.NOTICE,
        "the file is not UTF-8; read as GB18030 (Excel's Chinese default)",
        shown,
        hint="nothing to do; saving as 'CSV UTF-8' avoids this notice",
    )
    return text, "gb18030", [notice]


def _encoding_error(raw: bytes, offset: int, shown: str, tried: str) -> Finding:
    line = raw.count(b"\n", 0, offset) + 1
    col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return Finding(
        "encoding-error",
        Severity.ERROR,
        f"byte 0x{raw[offset]:02x} at offset {offset} cannot be read as {tried}",
        shown,
        line,
        None,
        col,
        "open the file in Excel and save it as 'CSV UTF-8 (comma delimited)'",
    )


def records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(physical line where the record starts, cells) for each CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    previous_end = 0
    for cells in reader:
        yield previous_end + 1, cells
        previous_end = reader.line_num


class PlanLookup:
    """Resolves what a data file says (ids, names in zh or en) against the plan."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.indicators: dict[str, Indicator] = {}
        self.indicator_names: dict[str, Indicator] = {}
        for ind in plan.indicators:
            self.indicators[ind.id.casefold()] = ind
            for name in (ind.name.zh, ind.name.en):
                self.indicator_names[_fold(name)] = ind
        self.regions: dict[str, str] = {}
        for reg in plan.regions:
            for name in (reg.id, reg.name.zh, reg.name.en, *reg.aliases):
                self.regions[_fold(name)] = reg.id
        self.value_types: dict[str, ValueType] = {
            ind.id: _value_type(plan, ind) for ind in plan.indicators
        }

    def indicator(self, text: str) -> tuple[Indicator | None, bool]:
        """The indicator and whether it was found by name rather than id."""
        by_id = self.indicators.get(text.strip().casefold())
        if by_id is not None:
            return by_id, False
        by_name = self.indicator_names.get(_fold(text))
        return by_name, by_name is not None

    def suggest_indicator(self, text: str) -> str | None:
        folded = _fold(text)
        candidates = {
            **{k: v.id for k, v in self.indicators.items()},
            **{k: v.id for k, v in self.indicator_names.items()},
        }
        close = get_close_matches(folded, list(candidates), n=1, cutoff=0.6)
        return candidates[close[0]] if close else None

    def region(self, text: str) -> str | None:
        return self.regions.get(_fold(text))

    def suggest_region(self, text: str) -> str | None:
        close = get_close_matches(_fold(text), list(self.regions), n=1, cutoff=0.5)
        return self.regions[close[0]] if close else None


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _value_type(plan: Plan, ind: Indicator) -> ValueType:
    kinds = plan.targets_of(ind.id)
    if any(isinstance(t, QualitativeTarget) for t in kinds):
        return "judgement"
    milestones = [t for t in kinds if isinstance(t, MilestoneTarget)]
    if milestones:
        return "count" if any(t.count_total is not None for t in milestones) else "milestone"
    return "number"


def read_file(path: Path, plan: Plan, *, today: date, shown: str | None = None) -> FileRead:
    """Read one CSV file against the plan. Raises only :class:`OSError`."""
    name = shown or str(path)
    raw = path.read_bytes()
    return read_bytes(raw, name, PlanLookup(plan), today=today)


def read_bytes(raw: bytes, shown: str, lookup: PlanLookup, *, today: date) -> FileRead:
    """Read a CSV file's bytes against the plan (the whole reader, testable without disk)."""
    text, encoding, found = decode(raw, shown)
    result = FileRead(shown, encoding, findings=found)
    if text is None:
        return result
    if not text.strip():
        result.findings.append(
            Finding(
                "empty-file",
                Severity.ERROR,
                "the file is empty",
                shown,
                1,
                hint="send the filled-in file",
            )
        )
        return result
    _RowReader(result, lookup, today).run(text)
    return result


class _RowReader:
    def __init__(self, result: FileRead, lookup: PlanLookup, today: date) -> None:
        self.result = result
        self.lookup = lookup
        self.plan = lookup.plan
        self.today = today
        self.shown = result.path
        self.columns: dict[str, int] = {}
        self.header: list[str] = []

    def find(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int | None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        number = self.columns[column] + 1 if column in self.columns else None
        header_name = self.header[self.columns[column]] if column in self.columns else column
        self.result.findings.append(
            Finding(code, severity, message, self.shown, line, header_name, number, hint)
        )

    def run(self, text: str) -> None:
        rows = records(text)
        try:
            for start, cells in rows:
                if not self.header:
                    if not any(c.strip() for c in cells):
                        continue  # leading blank lines before the header
                    if not self.read_header(start, cells):
                        return
                    continue
                self.read_row(start, cells)
        except csv.Error as exc:
            self.find(
                "csv-syntax",
                Severity.ERROR,
                f"the CSV cannot be read further: {exc}",
                None,
                hint="check for an unclosed quote or a stray NUL character",
            )
        if not self.header:
            self.find("empty-file", Severity.ERROR, "the file has no header row and no data", 1)

    def read_header(self, line: int, cells: list[str]) -> bool:
        self.header = [c.strip() for c in cells]
        seen: dict[str, int] = {}
        for i, cell in enumerate(self.header):
            if not cell:
                if any(self.header[i:]):  # trailing empty header cells from Excel are harmless
                    self.result.findings.append(
                        Finding(
                            "blank-header",
                            Severity.ERROR,
                            f"column {i + 1} has no header",
                            self.shown,
                            line,
                            None,
                            i + 1,
                            f"name it, one of: {', '.join(COLUMNS)}",
                        )
                    )
                continue
            canonical = HEADER_ALIASES.get(_fold(cell))
            if canonical is None:
                if _fold(cell) not in INFORMATIVE_COLUMNS:
                    close = get_close_matches(_fold(cell), list(HEADER_ALIASES), n=1)
                    self.result.findings.append(
                        Finding(
                            "unknown-column",
                            Severity.WARNING,
                            f"column '{cell}' is not used and will be ignored",
                            self.shown,
                            line,
                            cell,
                            i + 1,
                            f"did you mean '{HEADER_ALIASES[close[0]]}'?" if close else None,
                        )
                    )
                continue
            if canonical in seen:
                self.result.findings.append(
                    Finding(
                        "duplicate-column",
                        Severity.ERROR,
                        f"column '{cell}' repeats '{self.header[seen[canonical]]}' (column {seen[canonical] + 1})",
                        self.shown,
                        line,
                        cell,
                        i + 1,
                        "keep one of the two columns",
                    )
                )
                continue
            seen[canonical] = i
        self.columns = seen
        missing = [c for c in REQUIRED if c not in seen]
        for col in missing:
            hint = "add the column; Chinese headers are accepted (指标代码, 期间, 数值)"
            if len(cells) == 1 and any(sep in cells[0] for sep in ("\t", ";")):
                hint = "the file seems to use tabs or semicolons; save it as CSV (comma delimited)"
            self.result.findings.append(
                Finding(
                    "missing-column",
                    Severity.ERROR,
                    f"required column '{col}' is missing",
                    self.shown,
                    line,
                    col,
                    None,
                    hint,
                )
            )
        return not missing and not any(
            f.code in {"duplicate-column", "blank-header"} for f in self.result.findings
        )

    def read_row(self, line: int, cells: list[str]) -> None:
        if not any(c.strip() for c in cells):
            self.result.findings.append(
                Finding("blank-row", Severity.WARNING, "blank row skipped", self.shown, line)
            )
            return
        self.result.rows += 1
        width = len(self.header)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            extra = next(i for i in range(width, len(cells)) if cells[i].strip())
            self.result.findings.append(
                Finding(
                    "extra-cell",
                    Severity.ERROR,
                    f"the row has {len(cells)} cells but the header has {width}; '{cells[extra].strip()}' has no column",
                    self.shown,
                    line,
                    None,
                    extra + 1,
                    "remove the extra cell or a stray comma inside a value (quote it)",
                )
            )
            return
        if len(cells) < width:
            needed = [c for c, i in self.columns.items() if i >= len(cells) and c in REQUIRED]
            if needed:
                self.find(
                    "missing-cell",
                    Severity.ERROR,
                    f"the row has {len(cells)} cells but the header has {width}",
                    line,
                    needed[0],
                    "fill every column, leaving optional ones empty",
                )
                return

        def cell(name: str) -> str:
            i = self.columns.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        errors_before = sum(1 for f in self.result.findings if f.is_error)
        indicator = self.read_indicator(line, cell("indicator"))
        period = self.read_period(line, cell("period"))
        region = self.read_region(line, cell("region"))
        as_of = self.read_as_of(line, cell("as_of"))
        value = word = None
        done_on = None
        unit_id: str | None = None
        if indicator is not None:
            unit_id = indicator.unit
            value, word, done_on = self.read_value(line, indicator, cell("value"), cell("unit"))
        if sum(1 for f in self.result.findings if f.is_error) > errors_before:
            return
        assert indicator is not None and period is not None and region is not None
        self.result.observations.append(
            Observation(
                indicator.id,
                period,
                region,
                value,
                word,
                done_on,
                unit_id,
                cell("source"),
                cell("note"),
                as_of,
                self.shown,
                line,
            )
        )

    def read_indicator(self, line: int, text: str) -> Indicator | None:
        if not text:
            self.find(
                "missing-value",
                Severity.ERROR,
                "the indicator is empty",
                line,
                "indicator",
                "write the indicator id from the plan, e.g. emp.new_urban_jobs",
            )
            return None
        ind, by_name = self.lookup.indicator(text)
        if ind is None:
            guess = self.lookup.suggest_indicator(text)
            self.find(
                "unknown-indicator",
                Severity.ERROR,
                f"'{text}' is not an indicator of the plan",
                line,
                "indicator",
                f"did you mean '{guess}'?" if guess else "run `linyi-tracker plan` to list the ids",
            )
            return None
        if by_name:
            self.find(
                "indicator-by-name",
                Severity.NOTICE,
                f"'{text}' read as indicator '{ind.id}'",
                line,
                "indicator",
                f"write the id '{ind.id}' to avoid this notice",
            )
        return ind

    def read_period(self, line: int, text: str) -> Period | None:
        if not text:
            self.find(
                "missing-value",
                Severity.ERROR,
                "the period is empty",
                line,
                "period",
                "write a year (2017), a quarter (2017Q3) or a month (2017-09)",
            )
            return None
        try:
            period = parse_period(text)
        except PeriodError as exc:
            self.find("invalid-period", Severity.ERROR, str(exc), line, "period")
            return None
        span = self.plan.plan.period
        if not span.first_data_year <= period.year <= span.end:
            self.find(
                "period-outside-plan",
                Severity.ERROR,
                f"period {period} is outside the plan's years {span.first_data_year}–{span.end}",
                line,
                "period",
                "check the year",
            )
            return None
        if (period.year, period.months) >= (self.today.year, self.today.month):
            self.find(
                "future-period",
                Severity.ERROR,
                f"period {period} has not ended yet (today is {self.today.isoformat()})",
                line,
                "period",
                "check the year",
            )
            return None
        return period

    def read_region(self, line: int, text: str) -> str | None:
        if not text:
            return self.plan.city.id
        region = self.lookup.region(text)
        if region is None:
            guess = self.lookup.suggest_region(text)
            self.find(
                "unknown-region",
                Severity.ERROR,
                f"'{text}' is not a region of the plan",
                line,
                "region",
                f"did you mean '{guess}'?" if guess else "leave it blank for the whole city",
            )
        return region

    def read_as_of(self, line: int, text: str) -> date | None:
        if not text:
            return None
        try:
            return date.fromisoformat(unicodedata.normalize("NFKC", text).replace("/", "-"))
        except ValueError:
            self.find(
                "invalid-date",
                Severity.ERROR,
                f"'{text}' is not a date",
                line,
                "as_of",
                "write the publication date as YYYY-MM-DD",
            )
            return None

    def read_value(
        self, line: int, ind: Indicator, text: str, unit_text: str
    ) -> tuple[Decimal | None, str | None, date | None]:
        kind = self.lookup.value_types[ind.id]
        if not text:
            self.find(
                "missing-value",
                Severity.ERROR,
                "the value is empty",
                line,
                "value",
                "write the figure, or leave the row out",
            )
            return None, None, None
        folded = _fold(text)
        if kind == "judgement":
            judged = JUDGEMENTS.get(folded)
            if judged is None:
                self.find(
                    "invalid-status-word",
                    Severity.ERROR,
                    f"'{text}' is not a judgement word",
                    line,
                    "value",
                    "write one of: achieved, on_track, at_risk, off_track, missed (或 已实现、正常推进、存在风险、明显滞后、未实现)",
                )
            return None, judged, None
        if kind == "milestone" or (kind == "count" and not _looks_numeric(folded)):
            if folded in DONE_WORDS:
                return None, "done", None
            if folded in NOT_DONE_WORDS:
                return None, "not-done", None
            try:
                return None, "done", date.fromisoformat(folded)
            except ValueError:
                self.find(
                    "invalid-milestone-value",
                    Severity.ERROR,
                    f"'{text}' does not say whether it is done",
                    line,
                    "value",
                    "write done / 是 / 1, not done / 否 / 0, or the date it was done (YYYY-MM-DD)",
                )
                return None, None, None
        unit = self.plan.unit_of(ind)
        try:
            reading = parse_number(text, percent_unit=unit is not None and unit.kind == "percent")
        except NumberError as exc:
            self.find(exc.code, Severity.ERROR, exc.message, line, "value", exc.hint)
            return None, None, None
        for remark in reading.remarks:
            self.find(remark.code, remark.severity, remark.message, line, "value")
        value = self.convert_unit(line, ind, unit, reading.value, unit_text)
        if value is None:
            return None, None, None
        self.check_range(line, ind, unit, value, kind)
        return value, None, None

    def convert_unit(
        self, line: int, ind: Indicator, unit: Unit | None, value: Decimal, text: str
    ) -> Decimal | None:
        if not text or unit is None:
            return value
        folded = _fold(text)
        accepted = {_fold(a) for a in (unit.id, unit.name.zh, unit.name.en, *unit.aliases)}
        if folded in accepted:
            return value
        for other, factor in unit.conversions.items():
            if _fold(other) == folded:
                converted = value * factor
                converted = (
                    converted.quantize(Decimal(1))
                    if converted == converted.to_integral_value()
                    else converted.normalize()
                )
                self.find(
                    "unit-converted",
                    Severity.WARNING,
                    f"{value} {text} converted to {converted} {unit.name.zh}",
                    line,
                    "unit",
                )
                return converted
        self.find(
            "unit-mismatch",
            Severity.ERROR,
            f"unit '{text}' does not match the indicator's unit '{unit.name.zh}' ({unit.name.en})",
            line,
            "unit",
            f"write the value in {unit.name.zh} ({unit.name.en}), or leave the unit blank",
        )
        return None

    def check_range(
        self, line: int, ind: Indicator, unit: Unit | None, value: Decimal, kind: ValueType
    ) -> None:
        if unit is None:
            return
        if unit.kind == "percent" and not Decimal(0) <= value <= Decimal(100):
            self.find(
                "out-of-range",
                Severity.ERROR,
                f"{value} % is outside 0–100",
                line,
                "value",
                "a percentage is written 92.5 for 92.5 %",
            )
        elif unit.kind == "count" and value < 0:
            self.find(
                "out-of-range",
                Severity.ERROR,
                f"a count cannot be negative ({value})",
                line,
                "value",
            )
        elif unit.kind == "ratio" and value <= 0:
            self.find(
                "out-of-range", Severity.ERROR, f"a ratio must be above 0 ({value})", line, "value"
            )
        if unit.kind == "count" and value != value.to_integral_value():
            self.find(
                "not-integer",
                Severity.ERROR,
                f"a count must be a whole number ({value} {unit.name.zh})",
                line,
                "value",
            )
        if kind == "count":
            totals = [
                t.count_total
                for t in self.plan.targets_of(ind.id)
                if isinstance(t, MilestoneTarget) and t.count_total is not None
            ]
            if totals and value > max(totals):
                self.find(
                    "out-of-range",
                    Severity.ERROR,
                    f"{value} is more than the {max(totals)} the target counts",
                    line,
                    "value",
                )


def _looks_numeric(folded: str) -> bool:
    """For a countable milestone: '12' is a count, 'done' or '2015-12-20' is a word or date."""
    return bool(folded) and _DATE.match(folded) is None and any(ch.isdigit() for ch in folded)


_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
