"""A cache of the read and reconciled store, for running ``status`` again on the same files.

Reading a store checks every row (about 3 µs a row in Python): a million observations
take four seconds each time, though the files have not changed since the last run.
This keeps what :func:`~linyi_tracker.actuals.store.load_store` produced — observations,
revisions, findings, files — and gives it back when *everything it depended on* is
the same. The key is a SHA-256 over:

- the cache format, the package and Python versions (and openpyxl's, when there are
  workbooks), and the source of the reading code (so a changed reader never serves old
  results, also in a development checkout);
- the plan, as its canonical JSON;
- the day (a period after today is an error, so the same file reads differently tomorrow);
- the folder, the root file names are shown relative to, and the files left out;
- every data file's name and a SHA-256 of its bytes (not its modification time:
  a file edited twice within a second, or copied with its old time, is still seen).

Files are hashed again after a miss has read them; if they changed meanwhile, nothing
is written. A cache that cannot be read or written is ignored: it only saves time.
Entries are ``marshal`` data in the user's cache folder (like Python's own ``.pyc``
files: for the user's own use, not for data from elsewhere); the newest
:data:`KEEP` are kept. Stores under :data:`MIN_BYTES` are not cached: reading them
is quicker than the bookkeeping.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import marshal
import operator
import os
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from linyi_tracker import __version__
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.reader import XLSX_SUFFIXES, FileRead, Observation
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.plan.models import Plan

FORMAT = 1
KEEP = 6  # entries kept; a new day or a new file makes a new one
MIN_BYTES = 1_000_000  # about 25,000 rows
SUFFIX = ".store"
_OFF = {"0", "off", "no", "false", "none"}
_PACKAGE = Path(__file__).resolve().parent.parent
# The modules whose code decides what reading a store gives.
_READING_CODE = (
    "actuals/cache.py",
    "actuals/cells.py",
    "actuals/encoding.py",
    "actuals/headers.py",
    "actuals/lookup.py",
    "actuals/numbers.py",
    "actuals/observation.py",
    "actuals/periods.py",
    "actuals/reader.py",
    "actuals/records.py",
    "actuals/rows.py",
    "actuals/store.py",
    "actuals/workbook.py",
    "findings.py",
    "plan/models.py",
    "words.py",
)


def default_folder() -> Path | None:
    """Where entries live: ``LINYI_TRACKER_CACHE`` (``off`` to switch the cache off),
    else the platform's cache folder (``~/.cache``, ``%LOCALAPPDATA%``, ``~/Library/Caches``)."""
    chosen = os.environ.get("LINYI_TRACKER_CACHE")
    if chosen is not None:
        if not chosen.strip() or chosen.strip().lower() in _OFF:
            return None
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "linyi-tracker" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "linyi-tracker"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "linyi-tracker"


def key_of(
    plan: Plan,
    root: Path,
    files: list[Path],
    *,
    day: date,
    display_root: Path | None,
    exclude: Iterable[Path],
) -> str | None:
    """The entry's key, or ``None`` when a file cannot be read (no caching then)."""
    h = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            h.update(repr(part).encode("utf-8"))
            h.update(b"\0")

    add(FORMAT, __version__, sys.version, marshal.version)  # marshal data is per Python version
    add(day.isoformat(), str(root.resolve()), str(display_root))
    add(sorted(str(p) for p in exclude))
    for name in _READING_CODE:
        try:
            h.update((_PACKAGE / name).read_bytes())
        except OSError:
            add("no source", name)
    if any(p.suffix.lower() in XLSX_SUFFIXES for p in files):
        add("openpyxl", _version_of("openpyxl"))  # workbooks are read by it: its version counts
    h.update(plan.model_dump_json().encode("utf-8"))
    for path in files:
        try:
            with path.open("rb") as handle:  # in chunks: a large file is not held whole
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            return None
        add(str(path.relative_to(root)), digest)
    return h.hexdigest()


def _version_of(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


def total_bytes(files: list[Path]) -> int:
    size = 0
    for path in files:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


# ------------------------------------------------------------------ reading and writing


Revisions = dict[tuple[str, str, str], list[Observation]]
Series = dict[tuple[str, str], list[Observation]]  # the store's index: oldest first


class Entry(NamedTuple):
    """What reading a store produced: all a cache entry holds."""

    files: list[FileRead]
    observations: list[Observation]
    revisions: Revisions
    findings: list[Finding]
    series: Series


def load(folder: Path, key: str) -> Entry | None:
    """What was stored under ``key``, or ``None`` (absent, unreadable, another format)."""
    try:
        data = marshal.loads((folder / f"{key}{SUFFIX}").read_bytes())
        if data[0] != FORMAT or data[1] != key:
            return None
        return _unpack(data)
    except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError, ArithmeticError):
        return None


def save(folder: Path, key: str, entry: Entry) -> None:
    """Write the entry beside the others (via a temporary file), then drop old ones."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps(_pack(key, entry))
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(blob)
        os.replace(tmp, folder / f"{key}{SUFFIX}")
        _prune(folder)
    except (OSError, ValueError):
        return  # a cache that cannot be written only costs time


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    # A write cut short (the process killed) leaves its temporary file: gone after an hour.
    for tmp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - tmp.stat().st_mtime > 3600:
                tmp.unlink()


_SEP = "\x1f"  # between values in the joined value column (never inside a number)


def _numbers(raw: bytes) -> list[int]:
    out = array("q")
    out.frombytes(raw)
    return out.tolist()


_SAMPLE = 1024  # rows looked at to see whether a column changes too often for runs
Column = tuple[bool, bytes, bytes]  # (in runs?, numbers or run values, run lengths)


def _runs(values: list[int], changed: Iterable[bool]) -> tuple[list[int], list[int]]:
    """Where each run starts and how long it is, ``changed`` saying where a new one begins."""
    starts = [0, *itertools.compress(itertools.count(1), changed)]
    return starts, list(map(operator.sub, [*starts[1:], len(values)], starts))


def _encode(values: list[Any], code: Callable[[list[Any]], list[int]]) -> Column:
    """A column as runs (its values coded only at the start of each run) when it
    repeats itself, else every value coded; ``code`` turns values into numbers."""
    if not values:
        return False, b"", b""
    head = values[:_SAMPLE]
    if len(head) < _SAMPLE or sum(map(operator.ne, head[1:], head[:-1])) * 4 <= _SAMPLE:
        starts, counts = _runs(values, map(operator.ne, values[1:], values[:-1]))
        if len(starts) * 4 <= len(values):
            keys = code([values[i] for i in starts])
            return True, array("q", keys).tobytes(), array("q", counts).tobytes()
    return False, array("q", code(values)).tobytes(), b""  # changes too often for runs


def _decode(column: Column, convert: Callable[[int], Any]) -> list[Any]:
    in_runs, numbers, counts = column
    if in_runs:
        return list(
            itertools.chain.from_iterable(
                map(itertools.repeat, map(convert, _numbers(numbers)), _numbers(counts))
            )
        )
    return list(map(convert, _numbers(numbers)))


def _distinct(column: Column) -> set[int]:
    return set(_numbers(column[1]))


def _encode_lines(lines: list[int]) -> tuple[bytes, bytes]:
    """Runs of consecutive line numbers: (first line, how many) each."""
    if not lines:
        return b"", b""
    following = map(operator.add, lines[:-1], itertools.repeat(1))
    starts, counts = _runs(lines, map(operator.ne, lines[1:], following))
    return array("q", [lines[i] for i in starts]).tobytes(), array("q", counts).tobytes()


def _decode_lines(column: tuple[bytes, bytes]) -> list[int]:
    starts, counts = _numbers(column[0]), _numbers(column[1])
    return list(
        itertools.chain.from_iterable(map(range, starts, map(operator.add, starts, counts)))
    )


class _Strings:
    """Repeated strings stored once, as numbers into a table (``None`` is -1)."""

    def __init__(self) -> None:
        self.numbers: dict[str | None, int] = {None: -1}
        self.texts: list[str] = []

    def column(self, values: list[str | None]) -> list[int]:
        numbers = self.numbers
        for text in dict.fromkeys(values):  # the distinct ones, in C
            if text not in numbers:
                numbers[text] = len(self.texts)
                self.texts.append(text)  # type: ignore[arg-type]  # None is in numbers
        return list(map(numbers.__getitem__, values))

    def __call__(self, text: str | None) -> int:
        return self.column([text])[0]

    def table(self) -> list[str]:
        return list(self.texts)


def _field(rows: list[Observation], name: str) -> list[Any]:
    return list(map(operator.attrgetter(name), rows))


def _days(values: list[date | None]) -> list[str | None]:
    text = {d: None if d is None else d.isoformat() for d in dict.fromkeys(values)}
    return list(map(text.__getitem__, values))


def _pack(key: str, entry: Entry) -> tuple[Any, ...]:
    files, observations, revisions, findings, series = entry
    s = _Strings()
    rows = list(observations)
    number = dict(zip(map(id, rows), itertools.count()))
    order: list[int] = []
    runs: list[tuple[int, int, int]] = []  # (indicator, region, how many rows of ``order``)
    for (ind, region), members in series.items():
        order.extend(map(number.__getitem__, map(id, members)))
        runs.append((s(ind), s(region), len(members)))
    revised: list[tuple[str, str, str, int, int]] = []
    for (ind, period, region), olds in revisions.items():
        revised.append((ind, period, region, len(rows), len(olds)))
        rows.extend(olds)

    # Whole columns, not rows: strings by their number in the table, a column that
    # repeats itself (file, region, unit, source…) as runs, line numbers as runs of
    # consecutive lines, the values as one joined text. Reading them back is then
    # a few C loops per column instead of Python work per row.
    values = _field(rows, "value")
    numbers = (  # str(): an exact round trip; "" where a word has no number
        map(str, values)
        if type(None) not in set(map(type, values))  # not `None in`: Decimal == None is slow
        else ("" if v is None else str(v) for v in values)
    )
    # A separator before each value: no rows give "", one row without a number "\x1f".
    joined = _SEP + _SEP.join(numbers) if values else ""

    def texts(name: str) -> Column:
        return _encode(_field(rows, name), s.column)

    def days(name: str) -> Column:
        return _encode(_field(rows, name), lambda ds: s.column(_days(ds)))

    columns = (
        texts("indicator"),
        texts("period.text"),
        texts("region"),
        joined,
        texts("word"),
        days("done_on"),
        texts("unit"),
        texts("source"),
        texts("note"),
        days("as_of"),
        texts("file"),
        _encode_lines(_field(rows, "line")),
    )
    packed_files = [
        (
            f.path,
            f.encoding,
            f.rows,
            [_finding(x) for x in f.findings],
            f.value_column,
            f.value_header,
            f.sheet,
        )
        for f in files
    ]
    return (
        FORMAT,
        key,
        s.table(),
        columns,
        len(observations),
        revised,
        packed_files,
        [_finding(f) for f in findings],
        order,
        runs,
    )


def _unpack(data: tuple[Any, ...]) -> Entry:
    _, _, table, columns, current, revised, packed_files, packed_findings, order, runs = data
    table.append(None)  # number -1: None
    text = table.__getitem__
    (inds, periods, regions, joined, words, done, units, sources, notes, as_of, names, lines) = (
        columns
    )
    period_of = {n: parse_period(table[n]) for n in _distinct(periods)}
    day_of = {
        n: None if n < 0 else date.fromisoformat(table[n])
        for n in {*_distinct(done), *_distinct(as_of)}
    }
    parts = joined.split(_SEP)[1:]  # the text starts with a separator: none for no rows
    values = (
        list(map(Decimal, parts)) if "" not in parts else [Decimal(v) if v else None for v in parts]
    )
    rows: list[Observation] = list(
        map(
            tuple.__new__,  # what Observation._make does, without a Python call per row
            itertools.repeat(Observation),
            zip(
                _decode(inds, text),
                _decode(periods, period_of.__getitem__),
                _decode(regions, text),
                values,
                _decode(words, text),
                _decode(done, day_of.__getitem__),
                _decode(units, text),
                _decode(sources, text),
                _decode(notes, text),
                _decode(as_of, day_of.__getitem__),
                _decode(names, text),
                _decode_lines(lines),
                strict=True,
            ),
        )
    )
    revisions = {
        (ind, period, region): rows[start : start + count]
        for ind, period, region, start, count in revised
    }
    files = [
        FileRead(
            path,
            encoding,
            n_rows,
            findings=[_unfinding(x) for x in found],
            value_column=column,
            value_header=header,
            sheet=sheet,
        )
        for path, encoding, n_rows, found, column, header, sheet in packed_files
    ]
    ordered = [rows[i] for i in order]
    series: Series = {}
    at = 0
    for ind, region, count in runs:
        series[(table[ind], table[region])] = ordered[at : at + count]
        at += count
    return Entry(files, rows[:current], revisions, [_unfinding(x) for x in packed_findings], series)


def _finding(f: Finding) -> tuple[Any, ...]:
    # marshal knows no Decimal: exact figures travel as their text, marked as such.
    params = tuple(
        (k, format(v, "f"), True) if isinstance(v, Decimal) else (k, v, False)
        for k, v in f.params.items()
    )
    return (
        f.code,
        f.severity.value,
        f.file,
        f.line,
        f.column,
        f.column_number,
        f.sheet,
        params,
        f.form,
        f.hint_form,
    )


def _unfinding(t: tuple[Any, ...]) -> Finding:
    code, severity, file, line, column, number, sheet, params, form, hint_form = t
    values = {k: Decimal(v) if exact else v for k, v, exact in params}
    return Finding(
        code, Severity(severity), file, line, column, number, sheet, values, form, hint_form
    )
