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
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from difflib import get_close_matches
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple, TextIO

from linyi_tracker.actuals.numbers import PLAIN_NUMBER, NumberError, parse_number
from linyi_tracker.actuals.periods import Period, PeriodError, parse_period
from linyi_tracker.findings import Finding, Severity, plural
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
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MEMO_LIMIT = 50_000
HEADER_SCAN = 10  # rows looked at for a header below a title  # distinct texts remembered per column before the memo starts afresh
# Columns a template carries for the clerk's eyes; read and ignored without a warning.
INFORMATIVE_COLUMNS = frozenset(
    {"name_zh", "name_en", "指标名称", "名称", "indicator_name", "unit_name", "help", "填写说明"}
)


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

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, self.period.text, self.region)

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
    sheet: str | None = None  # the sheet read, for a workbook

    @property
    def valid(self) -> bool:
        return not any(f.is_error for f in self.findings)


_CHUNK = 1 << 20


def detect_encoding(stream: BinaryIO, shown: str) -> tuple[str | None, list[Finding]]:
    """Decide the whole file's encoding in one cheap pass; never guess with a detector.

    A BOM means UTF-8; else the whole file must decode as strict UTF-8; else as strict
    GB18030 (a superset of GBK and GB2312); else an ``encoding-error`` at the first
    byte that fits neither. The stream is left at its start.
    """
    head = stream.read(3)
    stream.seek(0)
    bom = head == codecs.BOM_UTF8
    failure = _first_failure(stream, "utf-8")
    if failure is None:
        return ("utf-8-sig" if bom else "utf-8"), []
    if bom:
        return None, [_encoding_error(stream, failure, shown, "UTF-8 (it starts with a UTF-8 BOM)")]
    failure = _first_failure(stream, "gb18030")
    if failure is None:
        notice = Finding(
            "not-utf8",
            Severity.NOTICE,
            "the file is not UTF-8; read as GB18030 (Excel's Chinese default)",
            shown,
            hint="nothing to do; saving as 'CSV UTF-8' avoids this notice",
        )
        return "gb18030", [notice]
    return None, [_encoding_error(stream, failure, shown, "UTF-8 or GB18030")]


def _first_failure(stream: BinaryIO, encoding: str) -> int | None:
    """Byte offset of the first undecodable byte, or None if the whole stream decodes."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    stream.seek(0)
    try:
        while chunk := stream.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset - len(decoder.getstate()[0])
        return None
    finally:
        stream.seek(0)


def _encoding_error(stream: BinaryIO, offset: int, shown: str, tried: str) -> Finding:
    stream.seek(0)
    line, line_start, consumed = 1, 0, 0
    while consumed < offset:
        chunk = stream.read(min(_CHUNK, offset - consumed))
        if not chunk:
            break
        newlines = chunk.count(b"\n")
        if newlines:
            line += newlines
            line_start = consumed + chunk.rfind(b"\n") + 1
        consumed += len(chunk)
    stream.seek(offset)
    bad = stream.read(1)
    stream.seek(0)
    return Finding(
        "encoding-error",
        Severity.ERROR,
        f"byte 0x{bad.hex() or '??'} at offset {offset} cannot be read as {tried}",
        shown,
        line,
        None,
        offset - line_start + 1,
        "open the file in Excel and save it as 'CSV UTF-8 (comma delimited)'",
    )


def decode(raw: bytes, shown: str) -> tuple[str | None, str | None, list[Finding]]:
    """Decode a whole file held in memory (the same decision as :func:`detect_encoding`)."""
    encoding, findings = detect_encoding(io.BytesIO(raw), shown)
    return (raw.decode(encoding) if encoding else None), encoding, findings


Row = tuple[int, list[str] | str]  # (line where the record starts, cells or a CSV error)


def records(stream: TextIO | str) -> Iterator[Row]:
    """(physical line where the record starts, cells) for each CSV record.

    Quoting is strict: a stray quote or a quote left open until the end of the file is
    reported as an error string at the record's first line, and reading goes on.
    """
    text = io.StringIO(stream, newline="") if isinstance(stream, str) else stream
    reader = csv.reader(text, strict=True)
    previous_end = 0
    while True:
        try:
            for cells in reader:  # the csv module's own loop; a syntax error breaks out of it
                yield previous_end + 1, cells
                previous_end = reader.line_num
            return
        except csv.Error as exc:
            yield previous_end + 1, str(exc)
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
        # Indicators whose values are plain numbers in a unit: (unit id, unit kind), for
        # the reader's fast path.
        self.plain_units: dict[str, tuple[str, str]] = {}
        for ind in plan.indicators:
            unit = plan.unit_of(ind)
            if unit is not None and self.value_types[ind.id] == "number":
                self.plain_units[ind.id] = (unit.id, unit.kind)

    def indicator(self, text: str) -> tuple[Indicator | None, bool]:
        """The indicator and whether it was found by name rather than id."""
        by_id = self.indicators.get(text.strip().casefold())
        if by_id is not None:
            return by_id, False
        by_name = self.indicator_names.get(_fold(text))
        return by_name, by_name is not None

    def suggest_indicator(self, text: str) -> str | None:
        if self._indicator_suggestions is None:
            candidates = {
                **{k: v.id for k, v in self.indicators.items()},
                **{k: v.id for k, v in self.indicator_names.items()},
            }
            self._indicator_suggestions = _Suggestions(candidates, cutoff=0.6)
        return self._indicator_suggestions(_fold(text))

    def region(self, text: str) -> str | None:
        return self.regions.get(_fold(text))

    def suggest_region(self, text: str) -> str | None:
        if self._region_suggestions is None:
            self._region_suggestions = _Suggestions(self.regions, cutoff=0.5)
        return self._region_suggestions(_fold(text))

    _indicator_suggestions: _Suggestions | None = None  # built on first use
    _region_suggestions: _Suggestions | None = None


class _Suggestions:
    """Did-you-mean: the closest entry of a table, each text worked out once and at
    most LIMIT distinct texts worked out at all — difflib takes ~0.5 ms a text over the
    plan's names, and 20,000 distinct unknown indicators took 14 s. Past the limit the
    finding comes without a suggestion."""

    LIMIT = 1000

    def __init__(self, table: dict[str, str], *, cutoff: float) -> None:
        self.table, self.keys, self.cutoff = table, list(table), cutoff
        self.done: dict[str, str | None] = {}

    def __call__(self, folded: str) -> str | None:
        if folded in self.done:
            return self.done[folded]
        if len(self.done) >= self.LIMIT:
            return None
        close = get_close_matches(folded, self.keys, n=1, cutoff=self.cutoff)
        found = self.table[close[0]] if close else None
        self.done[folded] = found
        return found


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


Emit = Callable[[Observation], None]
# A plain-number row's fields — indicator id, period, region, value, as_of, file, line —
# for a caller that needs no Observation object (validation's cross-row checks).
EmitNumber = Callable[[str, Period, str, Decimal, "date | None", str, int], None]
Progress = Callable[[int, int], None]


def read_file(
    path: Path,
    plan: Plan,
    *,
    today: date,
    shown: str | None = None,
    sheet: str | None = None,
    emit: Emit | None = None,
    progress: Progress | None = None,
) -> FileRead:
    """Read one data file (CSV or .xlsx) against the plan. Raises only :class:`OSError`."""
    return read_path(
        path, PlanLookup(plan), today=today, shown=shown, sheet=sheet, emit=emit, progress=progress
    )


def read_path(
    path: Path,
    lookup: PlanLookup,
    *,
    today: date,
    shown: str | None = None,
    sheet: str | None = None,
    emit: Emit | None = None,
    progress: Progress | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    """Read a file from disk, streaming: memory does not grow with its rows.

    With ``emit_number``, rows of plain numbers that raise nothing are handed to it as
    fields instead of to ``emit`` as an Observation (a million fewer objects to build)."""
    name = shown or str(path)
    if path.suffix.lower() == ".xls":
        result = FileRead(name, None)
        result.findings.append(
            Finding(
                "unreadable-workbook",
                Severity.ERROR,
                "the workbook cannot be opened: .xls is the old Excel format",
                name,
                hint="open it in Excel and save it as .xlsx, or as 'CSV UTF-8 (comma delimited)'",
            )
        )
        return result
    if path.suffix.lower() in XLSX_SUFFIXES:
        from linyi_tracker.actuals.workbook import read_workbook

        return read_workbook(
            path, name, lookup, today=today, sheet=sheet, emit=emit, emit_number=emit_number
        )
    with path.open("rb") as raw:
        return read_stream(
            raw, name, lookup, today=today, emit=emit, progress=progress, emit_number=emit_number
        )


def read_bytes(
    raw: bytes,
    shown: str,
    lookup: PlanLookup,
    *,
    today: date,
    emit: Emit | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    """Read a CSV file's bytes against the plan (standard input, tests)."""
    return read_stream(
        io.BytesIO(raw), shown, lookup, today=today, emit=emit, emit_number=emit_number
    )


def read_stream(
    raw: BinaryIO,
    shown: str,
    lookup: PlanLookup,
    *,
    today: date,
    emit: Emit | None = None,
    progress: Progress | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    encoding, found = detect_encoding(raw, shown)
    result = FileRead(shown, encoding, findings=found)
    if encoding is None:
        return result
    size = raw.seek(0, io.SEEK_END)
    raw.seek(0)
    if size == 0 or not raw.read(4096).strip(b" \t\r\n\xef\xbb\xbf"):
        raw.seek(0)
        if size < 4096 or not raw.read().strip():
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
    raw.seek(0)
    source: Any = io.BufferedReader(_Counting(raw, size, progress)) if progress is not None else raw
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    try:
        _RowReader(result, lookup, today, emit, emit_number=emit_number).run(records(text))
    finally:
        text.detach()
    return result


class _Counting(io.RawIOBase):
    """A binary stream that reports how many bytes have been read, for a progress bar."""

    def __init__(self, inner: BinaryIO, total: int, progress: Progress) -> None:
        self.inner, self.total, self.progress, self.done = inner, total, progress, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.done += len(data)
        self.progress(self.done, self.total)
        return len(data)


class _RowReader:
    def __init__(
        self,
        result: FileRead,
        lookup: PlanLookup,
        today: date,
        emit: Emit | None = None,
        sheet: str | None = None,
        emit_number: EmitNumber | None = None,
    ) -> None:
        self.result = result
        self.emit: Emit = emit if emit is not None else result.observations.append
        self.emit_number = emit_number
        self.sheet = sheet
        self.lookup = lookup
        self.plan = lookup.plan
        self.today = today
        self.shown = result.path
        self.columns: dict[str, int] = {}
        self.indices: tuple[int, ...] = ()
        self.header: list[str] = []
        self.errors = (
            0  # errors so far, counted as they are found (a row checks whether it added any)
        )
        self._memos: dict[str, dict[str, tuple[Any, list[Any]]]] = {
            name: {} for name in ("indicator", "period", "region", "as_of")
        }
        self._recording: list[Any] | None = None
        # The same tables by name, for the row shortcut (one attribute look-up each).
        self._indicator_memo = self._memos["indicator"]
        self._period_memo = self._memos["period"]
        self._region_memo = self._memos["region"]
        self._as_of_memo = self._memos["as_of"]
        self._raw_texts: dict[str, str] = {}
        self._accepted_units: dict[str, set[str]] = {}
        self._unit_texts: dict[tuple[str, str], bool] = {}
        self._texts: dict[str, str] = {}

    def find(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int | None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        if self._recording is not None:
            self._recording.append((code, severity, message, column, hint))
        number = self.columns[column] + 1 if column in self.columns else None
        header_name = self.header[self.columns[column]] if column in self.columns else column
        self.at(code, severity, message, line, header_name, number, hint)

    def shared_raw(self, raw: str) -> str:
        """:meth:`shared` of the cell's text stripped, looked up by the text as it came."""
        found = self._raw_texts.get(raw)
        if found is None:
            if len(self._raw_texts) >= MEMO_LIMIT:
                self._raw_texts.clear()
            found = self._raw_texts[raw] = self.shared(raw.strip())
        return found

    def shared(self, text: str) -> str:
        """One string object for text that repeats on many rows (a source, a note)."""
        found = self._texts.get(text)
        if found is None:
            if len(self._texts) >= MEMO_LIMIT:
                self._texts.clear()
            self._texts[text] = found = text
        return found

    def memo(self, name: str, line: int, text: str, read: Callable[[int, str], Any]) -> Any:
        """``read(line, text)``, computed once per distinct text and replayed after.

        Submissions repeat the same few ids, regions and periods on every row; the
        result and the findings it made are kept, and the findings are made again at
        each row's own line, so caching changes nothing a reader can see.
        """
        table = self._memos.setdefault(name, {})
        hit = table.get(text)
        if hit is not None:
            result, issues = hit
            for code, severity, message, column, hint in issues:
                self.find(code, severity, message, line, column, hint)
            return result
        recorded: list[Any] = []
        self._recording = recorded
        try:
            result = read(line, text)
        finally:
            self._recording = None
        if len(table) >= MEMO_LIMIT:
            table.clear()
        table[text] = (result, recorded)
        return result

    def at(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int | None,
        column: str | None = None,
        number: int | None = None,
        hint: str | None = None,
    ) -> None:
        """A finding at an explicit column number (header problems, extra cells)."""
        if severity is Severity.ERROR:
            self.errors += 1
        self.result.findings.append(
            Finding(code, severity, message, self.shown, line, column, number, hint, self.sheet)
        )

    def run(self, rows: Iterable[Row]) -> None:
        it = iter(rows)
        # Spreadsheets from offices often carry a title row or two above the header
        # ("2017年兰山区民生指标报表"): look a few rows ahead for the real header.
        ahead = list(itertools.islice(it, HEADER_SCAN))
        header_at = _header_position(ahead)
        skipped: list[int] = []
        rows_left = itertools.chain(ahead, it)
        for n, (start, cells) in enumerate(rows_left):
            if isinstance(cells, str):
                self.csv_syntax(start, cells)
                continue
            if not self.header:
                if not "".join(cells).strip():
                    continue  # blank lines before the header
                if header_at is not None and n < header_at:
                    skipped.append(start)
                    continue
                if skipped:
                    self.find(
                        "title-rows-skipped",
                        Severity.NOTICE,
                        f"the header is on line {start}; {plural(len(skipped), 'line')} above it "
                        f"(a title?) skipped",
                        start,
                        hint="nothing to do; a file that starts with its header avoids this notice",
                    )
                if not self.read_header(start, cells):
                    return
                break
        # The rows below the header: the loop every row of a large file goes through.
        width, plain_row, careful_row = len(self.header), self.read_plain_row, self.read_row
        for start, cells in rows_left:
            if isinstance(cells, str):
                self.csv_syntax(start, cells)
            elif len(cells) != width or not plain_row(start, cells):
                careful_row(start, cells)
        if not self.header:
            self.find(
                "empty-file",
                Severity.ERROR,
                "the file has no header row and no data",
                1,
                hint="send the filled-in file",
            )

    def read_header(self, line: int, cells: list[str]) -> bool:
        self.header = [c.strip() for c in cells]
        # The last named column, found once (a scan to the end from each empty cell was
        # quadratic: 9 s for 40,000 empty cells).
        last_named = max((i for i, c in enumerate(self.header) if c), default=-1)
        seen: dict[str, int] = {}
        for i, cell in enumerate(self.header):
            if not cell:
                if i < last_named:  # trailing empty header cells from Excel are harmless
                    self.at(
                        "blank-header",
                        Severity.ERROR,
                        f"column {i + 1} has no header",
                        line,
                        None,
                        i + 1,
                        f"name it, one of: {', '.join(COLUMNS)}",
                    )
                continue
            canonical = HEADER_ALIASES.get(_fold(cell))
            if canonical is None:
                if _fold(cell) not in INFORMATIVE_COLUMNS:
                    close = get_close_matches(_fold(cell), list(HEADER_ALIASES), n=1)
                    self.at(
                        "unknown-column",
                        Severity.WARNING,
                        f"column '{cell}' is not used and will be ignored",
                        line,
                        cell,
                        i + 1,
                        f"did you mean '{HEADER_ALIASES[close[0]]}'?" if close else None,
                    )
                continue
            if canonical in seen:
                self.at(
                    "duplicate-column",
                    Severity.ERROR,
                    f"column '{cell}' repeats '{self.header[seen[canonical]]}' (column {seen[canonical] + 1})",
                    line,
                    cell,
                    i + 1,
                    "keep one of the two columns",
                )
                continue
            seen[canonical] = i
        self.columns = seen
        self.indices = tuple(seen.get(name, -1) for name in COLUMNS)
        if "value" in seen:
            self.result.value_column = seen["value"] + 1
            self.result.value_header = self.header[seen["value"]]
        missing = [c for c in REQUIRED if c not in seen]
        for col in missing:
            hint = "add the column; Chinese headers are accepted (指标代码, 期间, 数值)"
            if len(cells) == 1 and any(sep in cells[0] for sep in ("\t", ";")):
                hint = "the file seems to use tabs or semicolons; save it as CSV (comma delimited)"
            self.at(
                "missing-column",
                Severity.ERROR,
                f"required column '{col}' is missing",
                line,
                col,
                None,
                hint,
            )
        return not missing and not any(
            f.code in {"duplicate-column", "blank-header"} for f in self.result.findings
        )

    def csv_syntax(self, line: int, error: str) -> None:
        self.find(
            "csv-syntax",
            Severity.ERROR,
            f"the row cannot be read as CSV: {error}",
            line,
            hint="check the quotes in this row: a value with a comma or quote must be quoted, "
            "and a quote inside it doubled",
        )

    def read_row(self, line: int, cells: list[str]) -> None:
        """A row, with every check (the careful path)."""
        if not "".join(cells).strip():
            self.at("blank-row", Severity.WARNING, "blank row skipped", line)
            return
        self.result.rows += 1
        width = len(self.header)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            extra = next(i for i in range(width, len(cells)) if cells[i].strip())
            self.at(
                "extra-cell",
                Severity.ERROR,
                f"the row has {len(cells)} cells but the header has {width}; '{cells[extra].strip()}' has no column",
                line,
                None,
                extra + 1,
                "remove the extra cell or a stray comma inside a value (quote it)",
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

        n = len(cells)
        indicator_t, period_t, region_t, value_t, unit_t, source_t, note_t, as_of_t = [
            cells[i].strip() if 0 <= i < n else "" for i in self.indices
        ]
        errors_before = self.errors
        # Rows of texts seen before and clean take read_plain_row; here each text is read
        # once and its findings replayed at every later row that repeats it.
        indicator: Indicator | None = self.memo("indicator", line, indicator_t, self.read_indicator)
        period: Period | None = self.memo("period", line, period_t, self.read_period)
        region: str | None = self.memo("region", line, region_t, self.read_region)
        as_of: date | None = self.memo("as_of", line, as_of_t, self.read_as_of)
        value = word = None
        done_on = None
        unit_id: str | None = None
        if indicator is not None:
            unit_id = indicator.unit
            value, word, done_on = self.read_value(line, indicator, value_t, unit_t)
        if self.errors > errors_before:
            return
        assert indicator is not None and period is not None and region is not None
        self.emit(
            Observation(
                indicator.id,
                period,
                region,
                value,
                word,
                done_on,
                unit_id,
                self.shared(source_t),
                self.shared(note_t),
                as_of,
                self.shown,
                line,
            )
        )

    def read_plain_row(self, line: int, cells: list[str]) -> bool:
        """The common row, read in a few look-ups: every cell already seen and accepted
        (ids, period, region, date), plain digits in the indicator's own unit and range.
        Anything else — a new text, whitespace, a finding of any kind — returns False
        and the row is read the careful way, which gives the same for these rows."""
        i_ind, i_per, i_reg, i_val, i_unit, i_src, i_note, i_asof = self.indices
        ind = self._indicator_memo.get(cells[i_ind])
        per = self._period_memo.get(cells[i_per])
        reg = self._region_memo.get(cells[i_reg] if i_reg >= 0 else "")
        day = self._as_of_memo.get(cells[i_asof] if i_asof >= 0 else "")
        if ind is None or per is None or reg is None or day is None:
            return False
        indicator, period, region, as_of = ind[0], per[0], reg[0], day[0]
        if ind[1] or per[1] or reg[1] or day[1] or indicator is None or period is None:
            return False
        plain = self.lookup.plain_units.get(indicator.id)
        text = cells[i_val]
        unit_text = cells[i_unit] if i_unit >= 0 else ""
        if (
            plain is None
            or region is None
            or (unit_text and (plain[0], unit_text) not in self._unit_texts)
        ):
            return False
        if text.isascii() and text.isdigit():
            # Whole and not negative: a count's range holds; a percentage or ratio's may not.
            number = Decimal(text)
            kind = plain[1]
            if (kind == "percent" and number > _HUNDRED) or (kind == "ratio" and not number):
                return False
        elif PLAIN_NUMBER.match(text):
            number = Decimal(text)
            if not _plainly_in_range(plain[1], number, text):
                return False
        else:
            return False
        self.result.rows += 1
        if self.emit_number is not None:
            self.emit_number(indicator.id, period, region, number, as_of, self.shown, line)
            return True
        source = self.shared_raw(cells[i_src] if i_src >= 0 else "")
        note = self.shared_raw(cells[i_note] if i_note >= 0 else "")
        self.emit(
            Observation(
                indicator.id,
                period,
                region,
                number,
                None,
                None,
                indicator.unit,
                source,
                note,
                as_of,
                self.shown,
                line,
            )
        )
        return True

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
        plain = self.lookup.plain_units.get(ind.id)
        if (
            plain is not None
            and PLAIN_NUMBER.match(text)
            and (not unit_text or (plain[0], unit_text) in self._unit_texts)
        ):
            # The common case, decided in a few comparisons: digits in the indicator's
            # own unit, inside its range. Anything else takes the careful path below.
            number = Decimal(text)
            if _plainly_in_range(plain[1], number, text):
                return number, None, None
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
        folded = _fold(text) if kind != "number" else ""
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
        parsed = Decimal(text) if PLAIN_NUMBER.match(text) else self.read_number(line, text, unit)
        if parsed is None:
            return None, None, None
        value = self.convert_unit(line, ind, unit, parsed, unit_text)
        if value is None:
            return None, None, None
        self.check_range(line, ind, unit, value, kind)
        return value, None, None

    def read_number(self, line: int, text: str, unit: Unit | None) -> Decimal | None:
        """Any number but plain digits: separators, 万/亿, full-width, a unit in the cell."""
        number_text, factor, suffix = _split_unit(text, unit)
        try:
            reading = parse_number(
                number_text, percent_unit=unit is not None and unit.kind == "percent"
            )
        except NumberError as exc:
            self.find(
                exc.code,
                Severity.ERROR,
                exc.message
                if suffix is None
                else exc.message.replace(f"'{number_text.strip()}'", f"'{text}'"),
                line,
                "value",
                exc.hint,
            )
            return None
        for remark in reading.remarks:
            self.find(remark.code, remark.severity, remark.message, line, "value")
        parsed = reading.value
        if suffix is not None and unit is not None:
            parsed = _plain_decimal(parsed * factor)
            self.find(
                "unit-in-value",
                Severity.WARNING,
                f"'{text}' read as {parsed} {unit.name.zh}",
                line,
                "value",
                "write the number alone and the unit in the unit column",
            )
        return parsed

    def convert_unit(
        self, line: int, ind: Indicator, unit: Unit | None, value: Decimal, text: str
    ) -> Decimal | None:
        if not text or unit is None:
            return value
        known = self._unit_texts.get((unit.id, text))
        if known is not None:
            return value  # a text already accepted as this unit's name (the common case)
        folded = _fold(text)
        accepted = self._accepted_units.get(unit.id)
        if accepted is None:
            accepted = {_fold(a) for a in (unit.id, unit.name.zh, unit.name.en, *unit.aliases)}
            self._accepted_units[unit.id] = accepted
        if folded in accepted:
            self._unit_texts[(unit.id, text)] = True
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


def _split_unit(text: str, unit: Unit | None) -> tuple[str, Decimal, str | None]:
    """A unit typed into the value cell ('9800人', '4.9万人'): (number, factor, the unit text)."""
    if unit is None:
        return text, Decimal(1), None
    folded = unicodedata.normalize("NFKC", text).strip()
    candidates = [(name, factor) for name, factor in unit.conversions.items()]
    candidates += [
        (name, Decimal(1)) for name in (unit.name.zh, unit.name.en, unit.id, *unit.aliases)
    ]
    for name, factor in sorted(candidates, key=lambda c: -len(c[0])):
        n = unicodedata.normalize("NFKC", name).strip()
        if (
            n
            and n != "%"
            and not n.isdigit()
            and folded.casefold().endswith(n.casefold())
            and len(folded) > len(n)
        ):
            number = folded[: -len(n)].strip()
            if (number and number[-1].isdigit()) or number.endswith(("万", "亿")):
                return number, factor, n
    return text, Decimal(1), None


_ZERO, _HUNDRED = Decimal(0), Decimal(100)


def _plainly_in_range(unit_kind: str, value: Decimal, text: str) -> bool:
    """What ``check_range`` accepts without a finding, for plain digits (the fast path)."""
    if unit_kind == "count":
        return value >= _ZERO and ("." not in text or value == value.to_integral_value())
    if unit_kind == "percent":
        return _ZERO <= value <= _HUNDRED
    if unit_kind == "ratio":
        return value > _ZERO
    return True


def _plain_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _header_position(rows: list[Row]) -> int | None:
    """Index of the first row that names every required column, if any does."""
    for n, (_, cells) in enumerate(rows):
        if isinstance(cells, str):
            continue
        names = {HEADER_ALIASES.get(_fold(c)) for c in cells}
        if all(col in names for col in REQUIRED):
            return n
    return None


def _looks_numeric(folded: str) -> bool:
    """For a countable milestone: '12' is a count, 'done' or '2015-12-20' is a word or date."""
    return bool(folded) and _DATE.match(folded) is None and any(ch.isdigit() for ch in folded)


_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
