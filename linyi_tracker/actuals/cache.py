"""A cache of what reading each data file gave, and of what reconciling them gave.

Counties send their files one at a time, and ``status`` runs after each: the store
changes by one file of a thousand. Each data file's reading — its
:class:`~linyi_tracker.actuals.reader.FileRead` with its findings, and its observations,
as :func:`~linyi_tracker.actuals.reader.read_path` gives them, before the store's filter
of an ingested file's own notations — is kept in an entry of its own (``.file``), keyed
on a SHA-256 over:

- the cache format, the package and Python versions (and openpyxl's, for a workbook;
  opencc's and pypinyin's, which names are read through), and the source of every
  module of the package (so a changed reader never serves old
  results, also in a development checkout; no hand-kept list to forget);
- the plan, as its canonical JSON, and the day (a period after today is an error, so
  the same file reads differently tomorrow);
- the file's name as it is shown and a SHA-256 of its bytes (not its modification time:
  a file edited twice within a second, or copied with its old time, is still seen).

:func:`~linyi_tracker.actuals.store.load_store` reads only the files that have no entry.
A second entry (``.store``), keyed on every file's key in order and the withdrawal
record, keeps what reconciling them gave — which figures count, which are revisions
and which withdrawn (as positions among the files' figures), the findings reconciling
made — so an unchanged store is not reconciled again.

An entry is a SQLite database (:meth:`sqlite3.Connection.serialize`: a format kept by
others, read by the standard library) of a few ``STRICT`` tables — the observations by
column (a row for each field of
:class:`~linyi_tracker.actuals.observation.Observation`: its distinct texts, and each
observation's number among them, both compressed), the findings a row each, the file's
account as one row — behind a header. How long each kind of run takes is measured in
README.md (Performance), not here.

What an entry is trusted with, and why that is safe (the bytes on disk may have been
damaged or written by someone else):

- The header holds an HMAC-SHA256 of the key and the whole database, with a random
  per-user secret kept in :data:`SECRET` beside the entries (mode 0600, owned by the
  user, never followed through a link). The HMAC is checked before SQLite sees a byte:
  a flipped byte, a cut or a changed figure, even with a recomputed plain digest, is
  refused. So an entry that is read is one this code wrote with the user's own secret,
  for this key — the key holds the code digest, so the same tables and columns.
- What is built from it is bounded, whoever signed it: entries larger than
  :func:`size_limit` are not read; the compressed columns are inflated only up to the
  rows the data file could give (:func:`max_rows`) and the text an entry may hold, so
  reading an entry never builds more than reading the file could; the positions the
  store looks up once the entry is read are checked to be among the figures. SQLite
  reads a malformed database without crashing (it raises
  :class:`sqlite3.DatabaseError`); entries hold no code (no ``marshal``, no ``pickle``).
- Fields are not checked one by one as they are read: a number that is not in its table
  raises where it is looked up, a figure, period or date that is not one raises where it
  is made, and anything else that is wrong could only have been written by someone
  holding the secret — who could as well write a wrong figure that passes every check,
  or an entry that makes the tool stop with an error. The figures rest on the HMAC, and
  the secret is the user's alone.
- On any doubt — an exception of any kind, a wrong digest, a bound exceeded — the entry
  is ignored and deleted, and the file is read again (and cached afresh).
- Files are created with ``O_EXCL | O_NOFOLLOW`` under a random temporary name, mode
  0600, then renamed into place; a link planted at an entry's name is never followed,
  and an entry or secret is opened without waiting (a named pipe planted there is
  refused, not waited on). The folder is created 0700; one not owned by the user, or
  that others may write in, is not used.

A file is hashed again after a miss has read it; if it changed meanwhile, nothing is
written for it nor for the store. A cache that cannot be read or written is ignored: it
only saves time. An entry read is touched, so the folder keeps the entries of the newest
runs: after a run that wrote, every entry it used stays, and of the others the newest
:data:`KEEP` store entries and :data:`KEEP_FILES` file entries. Stores under
:data:`~linyi_tracker.actuals.store.CACHE_MIN_BYTES` are not cached: reading them is
quicker than the bookkeeping.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import hmac
import itertools
import json
import operator
import os
import secrets
import sqlite3
import stat
import sys
import time
import typing
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from linyi_tracker import __version__
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.reader import XLSX_SUFFIXES, FileRead, Observation
from linyi_tracker.actuals.withdrawals import Withdrawal
from linyi_tracker.findings import Finding, Named, Severity
from linyi_tracker.plan.models import Plan

FORMAT = 6  # 6: SQLite (5 and before: JSON; keyed apart, never read, pruned by age)
KEEP = 6  # store entries kept beyond the current run's: a new day or a new file makes one
KEEP_FILES = 8192  # file entries kept beyond the current run's (a county store has ~900)
FILE_SUFFIX, SUFFIX = ".file", ".store"  # one file's reading; a store's reconciling
SECRET = "secret.key"  # the HMAC key, beside the entries
_SECRET_BYTES = 32
_MAGIC = b"linyi-tracker store cache %d\n" % FORMAT
_DIGEST_HEX = 64  # HMAC-SHA256, as hex
_HEADER = len(_MAGIC) + _DIGEST_HEX + 1  # magic, digest, newline; then the database
_OFF = {"0", "off", "no", "false", "none"}
_PACKAGE = Path(__file__).resolve().parent.parent
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows (where making a link needs privileges)
# A named pipe planted at an entry's name would block the open: opened without waiting,
# it is then refused as not a regular file (no effect on a regular file; not on Windows)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_T = typing.TypeVar("_T")


def default_folder() -> Path | None:
    """Where entries live: ``LINYI_TRACKER_CACHE`` (``off`` to switch the cache off),
    else the platform's user cache folder, by :mod:`platformdirs` (``~/.cache``,
    ``%LOCALAPPDATA%``, ``~/Library/Caches``)."""
    chosen = os.environ.get("LINYI_TRACKER_CACHE")
    if chosen is not None:
        if not chosen.strip() or chosen.strip().lower() in _OFF:
            return None
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("linyi-tracker", appauthor=False))


# ------------------------------------------------------------------ keys


def _add(h: Any, *parts: object) -> None:
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\0")


def context_of(plan: Plan, day: date) -> bytes:
    """What every key of a run holds beside its files: the format, the code, the
    plan and the day (worked out once a run)."""
    h = hashlib.sha256()
    _add(h, FORMAT, __version__, sys.version, sys.byteorder, code_digest(), day.isoformat())
    # names are read through them (traditional script, pinyin): a new version may read
    # a name differently
    _add(h, _version_of("opencc"), _version_of("pypinyin"))
    h.update(plan.model_dump_json().encode("utf-8"))
    return h.digest()


class FileKey(NamedTuple):
    """A data file's entry key, and its size (the bound of what its entry may hold)."""

    key: str
    size: int


def file_key(context: bytes, path: Path, shown: str) -> FileKey | None:
    """The key of what reading ``path`` (shown as ``shown``) gives, or ``None`` when the
    file cannot be read (no caching then)."""
    h = hashlib.sha256(context)
    _add(h, "file", shown)
    if path.suffix.lower() in XLSX_SUFFIXES:
        _add(h, "openpyxl", _version_of("openpyxl"))  # workbooks are read by it
    try:
        with path.open("rb") as handle:  # in chunks: a large file is not held whole
            size = os.fstat(handle.fileno()).st_size
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    _add(h, digest)
    return FileKey(h.hexdigest(), size)


def store_key(context: bytes, file_keys: Iterable[str], withdrawals: list[Withdrawal]) -> str:
    """The key of reconciling the figures of these files, in this order, after these
    withdrawals (the plan's flows are in the context)."""
    h = hashlib.sha256(context)
    _add(h, "store", list(file_keys), [tuple(w) for w in withdrawals])
    return h.hexdigest()


@functools.cache
def code_digest() -> str:
    """A SHA-256 over every module of this package: whatever the store depends on is
    in it (about 60 small files: a few milliseconds, once per process)."""
    return modules_digest(_PACKAGE)


def modules_digest(package: Path) -> str:
    """A SHA-256 over every ``.py`` file below ``package``, by name and content."""
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


@functools.cache
def _version_of(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


_MIN_ROW_BYTES = 10  # the shortest row of a CSV file that gives an observation: "i,2016,r,1\n"


def max_rows(data_bytes: int) -> int:
    """The most observations an entry may hold for a data file of ``data_bytes``: no
    more than the file could give, so reading an entry never builds more than reading
    the file could. A file beyond it (a workbook compresses its rows below ten bytes
    each) is simply not cached."""
    return data_bytes // _MIN_ROW_BYTES


def size_limit(data_bytes: int) -> int:
    """The largest entry read or written for data files of ``data_bytes`` in all: an
    entry holds less than its files (the bench's million observations: 42 MB of CSV,
    13 MB of entries), but findings can outweigh short rows."""
    return 8 * data_bytes + (16 << 20)


# ------------------------------------------------------------------ reading and writing


class FileEntry(NamedTuple):
    """What reading one file gave: its account (with its findings) and its figures."""

    read: FileRead
    rows: list[Observation]


class Outcome(NamedTuple):
    """What reconciling a store's figures gave, as positions among the files' figures
    (each file's, in the order of the files): the figures that count, in order; each
    revised key's earlier figures; the figures withdrawn, with the number of their
    withdrawal; and the findings it made. Not the series index: sorting the figures
    that count again (0.25 s for a million county figures) costs about what reading
    their order back did, and writing it cost more."""

    figures: int  # how many figures the files gave
    current: Sequence[int]
    revisions: dict[tuple[str, str, str, str], Sequence[int]]
    withdrawn: list[tuple[int, int]]  # (withdrawal's number, figure's position)
    findings: list[Finding]


class Doubt(Exception):
    """An entry that is not exactly what this code would have written: not used."""


def load_file(folder: Path, key: FileKey) -> FileEntry | None:
    """What reading the file gave, or ``None`` (absent, unreadable, in doubt)."""
    limit = size_limit(key.size)
    return _load(folder, key.key + FILE_SUFFIX, limit, lambda db: _unpack_file(db, key.size))


def save_file(folder: Path, key: FileKey, entry: FileEntry) -> bool:
    """Keep what reading the file gave; whether it was written."""
    if len(entry.rows) > max_rows(key.size):
        return False  # it would not be read back
    return _save(folder, key.key + FILE_SUFFIX, size_limit(key.size), _pack_file, entry)


def load_outcome(
    folder: Path, key: str, *, figures: int, withdrawals: int, data_bytes: int
) -> Outcome | None:
    """What reconciling ``figures`` figures gave, or ``None`` (absent, unreadable, in doubt)."""
    return _load(
        folder,
        key + SUFFIX,
        size_limit(data_bytes),
        lambda db: _unpack_outcome(db, figures, withdrawals),
    )


def save_outcome(folder: Path, key: str, outcome: Outcome, *, data_bytes: int) -> bool:
    """Keep what reconciling gave; whether it was written."""
    return _save(folder, key + SUFFIX, size_limit(data_bytes), _pack_outcome, outcome)


def _load(
    folder: Path, name: str, limit: int, unpack: Callable[[sqlite3.Connection], _T]
) -> _T | None:
    """The entry's content, read by ``unpack`` from its database once its digest
    matches, or ``None``.

    On any doubt at all — an exception of any kind — the entry is deleted, so the next
    run writes a good one, and the files are read instead."""
    path = folder / name
    key = name.rsplit(".", 1)[0]
    try:
        if not _private_folder(folder, create=False):
            return None
        secret = _secret(folder, create=False)
        if secret is None:
            return None
        blob = _read_private(path, limit)
        if blob is None:
            return None
        db = sqlite3.connect(":memory:")
        try:
            db.deserialize(_verified(secret, key, blob))
            return unpack(db)
        finally:
            db.close()
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()  # never follows a link: removes the link itself
        return None


def _save(
    folder: Path, name: str, limit: int, pack: Callable[[sqlite3.Connection, Any], None], entry: Any
) -> bool:
    """Write the entry beside the others (a new private file, renamed into place).
    Anything that fails only costs time: nothing is written."""
    key = name.rsplit(".", 1)[0]
    try:
        if not _private_folder(folder):
            return False
        secret = _secret(folder, create=True)
        if secret is None:
            return False
        db = sqlite3.connect(":memory:", isolation_level=None)
        try:
            db.execute(f"PRAGMA page_size = {_PAGE}")
            db.execute("BEGIN")
            pack(db, entry)
            db.execute("COMMIT")
            body = db.serialize()
        finally:
            db.close()
        if _HEADER + len(body) > limit:
            return False  # it would not be read back
        tmp = folder / f".{key}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
        _write_new(tmp, _MAGIC + _sign(secret, key, body).encode("ascii") + b"\n" + body)
        try:
            os.replace(tmp, folder / name)  # replaces a link, never follows it
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except Exception:
        return False
    return True


_PAGE = 512  # bytes a database page: a county's file of 800 rows is a few dozen pages


def _sign(secret: bytes, key: str, body: bytes | memoryview) -> str:
    mac = hmac.new(secret, key.encode("ascii") + b"\0", hashlib.sha256)
    mac.update(body)
    return mac.hexdigest()


def _verified(secret: bytes, key: str, blob: bytes) -> memoryview:
    """The entry's database, once its digest matches; before SQLite reads any of it."""
    if len(blob) < _HEADER or not blob.startswith(_MAGIC) or blob[_HEADER - 1 : _HEADER] != b"\n":
        raise Doubt("not an entry of this format")
    digest = blob[len(_MAGIC) : _HEADER - 1]
    body = memoryview(blob)[_HEADER:]
    if not hmac.compare_digest(digest, _sign(secret, key, body).encode("ascii")):
        raise Doubt("digest mismatch")
    return body


def _uid() -> int | None:
    geteuid = getattr(os, "geteuid", None)
    return None if geteuid is None else int(geteuid())


def _private(st: os.stat_result) -> bool:
    """Owned by this user and open to nobody else (where the system has owners)."""
    uid = _uid()
    return uid is None or (st.st_uid == uid and not st.st_mode & 0o077)


def _private_folder(folder: Path, *, create: bool = True) -> bool:
    """The folder, created 0700 if missing (with ``create``); one owned by someone else,
    or one others may write in (a shared team folder: they could plant a pipe or swap
    the secret), is not used."""
    if create:
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700, parents=True)
    st = folder.stat()
    uid = _uid()
    return stat.S_ISDIR(st.st_mode) and (
        uid is None or (st.st_uid == uid and not st.st_mode & 0o022)
    )


def _read_private(path: Path, limit: int) -> bytes | None:
    """The file's bytes (at most ``limit``), not through a link; ``None`` if absent."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        return None
    with open(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > limit:
            raise Doubt("not a private file of a possible size")
        data = handle.read(st.st_size + 1)  # not limit + 1: read() makes room for all it may read
        if os.utime in os.supports_fd:  # read: kept by the next prune (_prune)
            os.utime(handle.fileno())
    if len(data) > st.st_size:
        raise Doubt("grew while read")
    return data


def _write_new(path: Path, data: bytes) -> None:
    """A new file, 0600, failing if anything (a link too) is at the name already."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    fd = os.open(path, flags, 0o600)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _secret(folder: Path, *, create: bool) -> bytes | None:
    """The per-user HMAC key: read (a private regular file of the right size, not a
    link), else — when ``create`` — replaced by a new random one."""
    path = folder / SECRET
    try:
        data = _read_private(path, _SECRET_BYTES)
    except (Doubt, OSError):  # a link (ELOOP), someone else's file, the wrong size…
        data = b""
    if data is not None and len(data) == _SECRET_BYTES:
        return data
    if not create:
        return None
    with contextlib.suppress(FileNotFoundError):
        if data is not None:
            path.unlink()  # a bad one: entries signed with it are refused
    secret = secrets.token_bytes(_SECRET_BYTES)
    try:
        _write_new(path, secret)
    except FileExistsError:
        return None  # another process made one just now: its entries, next time
    return secret


def prune(folder: Path, used: set[str]) -> None:
    """Drop what the newest runs did not use: every entry named in ``used`` (this run's)
    stays, and of the others the newest :data:`KEEP` store entries and, newest first,
    file entries up to :data:`KEEP_FILES` of them and :func:`room` bytes (an entry is
    touched when it is read; the day is in every key, so yesterday's entries are only
    kept for a while); whatever is not a private file (links, entries an older version
    left readable by others) goes, never having been read. Failing only costs room."""

    def stat_of(path: Path) -> tuple[float, int]:
        try:
            st = path.lstat()
        except OSError:
            return 0.0, 0
        return st.st_mtime, st.st_size

    def private(path: Path) -> bool:
        with contextlib.suppress(OSError):
            st = path.lstat()
            return stat.S_ISREG(st.st_mode) and _private(st)
        return False

    with contextlib.suppress(OSError):
        used_bytes = sum(stat_of(folder / name)[1] for name in used)
        for suffix, keep, budget in (
            (SUFFIX, KEEP, None),
            (FILE_SUFFIX, KEEP_FILES, room(used_bytes)),
        ):
            entries = [p for p in folder.glob(f"*{suffix}") if p.name not in used]
            stats = {p: stat_of(p) for p in entries}
            entries.sort(key=lambda p: stats[p][0], reverse=True)
            kept, size = 0, 0
            for entry in entries:
                size += stats[entry][1]
                within = kept < keep and (budget is None or size <= budget)
                if within and private(entry):
                    kept += 1
                    continue
                with contextlib.suppress(OSError):
                    entry.unlink()
        # A write cut short (the process killed) leaves its temporary file: gone after an hour.
        for tmp in folder.glob(".*.tmp"):
            if time.time() - stat_of(tmp)[0] > 3600:
                with contextlib.suppress(OSError):
                    tmp.unlink()


ROOM_FLOOR = 256 << 20  # bytes of other runs' file entries kept whatever this run's size


def room(used_bytes: int) -> int:
    """The bytes of file entries kept beside this run's ``used_bytes``: as much again, or
    :data:`ROOM_FLOOR` (another data folder's entries) when that is more. So the folder
    holds at most about twice a run's entries or the floor more, never a day's entries
    a day without end."""
    return max(used_bytes, ROOM_FLOOR)


# ------------------------------------------------------------------ the tables
#
# A file's entry: ``obs``, a row for each field of Observation, in order — its distinct
# texts (names, periods, figures and dates as they are written; a JSON list) and each
# observation's number among them (-1 for none; the line itself for ``line``), both
# compressed (a column of a million numbers is one C call to read, where a row a figure
# was 1.8 s for a million through sqlite3); ``finding``, a finding a row; ``account``, the
# file's account as one row of JSON. A store's entry: ``outcome`` (how many figures, and
# the positions of those that count), ``revision`` (a revised key and the position of one
# of its earlier figures, a row each), ``withdrawn`` and ``finding``. Reading makes each
# distinct value once (a figure, a period, a date) and zips the columns into
# observations in C.


@functools.cache
def _columns() -> tuple[tuple[str, str], ...]:
    """(field, kind) of each field of Observation, by its declared type: ``text``,
    ``period``, ``value``, ``day`` or ``line``."""
    kinds = {str: "text", Period: "period", Decimal: "value", date: "day", int: "line"}
    hints = typing.get_type_hints(Observation)
    found = []
    for name in Observation._fields:
        hint = hints[name]
        (kind,) = {kinds[t] for t in typing.get_args(hint) or (hint,) if t is not type(None)}
        found.append((name, kind))
    return tuple(found)


_FINDING = tuple(f.name for f in dataclasses.fields(Finding))
_OUTSIDE = ("observations", "findings")  # FileRead's fields kept in tables of their own
_TEXT = operator.attrgetter("text")


def _create(db: sqlite3.Connection, table: str, columns: Iterable[str], kind: str) -> None:
    names = ", ".join(f'"{name}" {kind}' for name in columns)
    db.execute(f"CREATE TABLE {table} ({names}) STRICT")


def _texts(kind: str, column: Sequence[Any]) -> Sequence[Any]:
    """A column's values as the texts their table keeps (None stays None)."""
    if kind == "value":  # by text: 9800 and 9800.0 are equal Decimals but two figures
        return [None if v is None else str(v) for v in column]
    if kind == "period":
        return list(map(_TEXT, column))
    if kind == "day":
        made = {d: None if d is None else d.isoformat() for d in set(column)}
        return list(map(made.__getitem__, column))
    return column


class _Made(dict[str, _T]):
    """Texts made values once a process (a name, a figure, a period), by exact text: a
    county's files repeat their names, figures and periods, and equal values are then one
    object (a million county figures: 57 MB less memory than a string for each file's
    own, and the store's index hashes each name once)."""

    def __init__(self, make: Callable[[str], _T]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> _T:
        if len(self) > 1 << 18:
            self.clear()
        made = self[text] = self.make(text)
        return made


_MAKE: dict[str, Callable[[str], Any]] = {
    "text": _Made(str).__getitem__,
    "period": _Made(parse_period).__getitem__,
    "value": _Made(Decimal).__getitem__,
    "day": date.fromisoformat,
}


def _pack_file(db: sqlite3.Connection, entry: FileEntry) -> None:
    read, rows = entry
    if read.observations:
        raise Doubt("a file's observations kept in its account")
    db.execute("CREATE TABLE obs (field TEXT NOT NULL, texts BLOB, codes BLOB NOT NULL) STRICT")
    columns = zip(*rows, strict=True) if rows else [()] * len(_columns())
    for (name, kind), column in zip(_columns(), columns, strict=True):
        texts: bytes | None = None
        if kind != "line":  # its distinct texts, in order, and each row's number among them
            written = _texts(kind, column)
            numbers: dict[str | None, int] = {None: -1}
            for text in dict.fromkeys(written):  # in C
                numbers.setdefault(text, len(numbers) - 1)
            column = tuple(map(numbers.__getitem__, written))
            texts = _pack_texts(typing.cast("list[str]", list(numbers)[1:]))  # None is -1
        db.execute("INSERT INTO obs VALUES (?, ?, ?)", (name, texts, _pack_ints(column)))
    account = {
        f.name: getattr(read, f.name) for f in dataclasses.fields(read) if f.name not in _OUTSIDE
    }
    db.execute("CREATE TABLE account (json TEXT NOT NULL) STRICT")
    db.execute("INSERT INTO account VALUES (?)", (json.dumps(account, ensure_ascii=False),))
    _pack_findings(db, read.findings)


def _unpack_file(db: sqlite3.Connection, data_bytes: int) -> FileEntry:
    """A file's entry, building no more than reading the file of ``data_bytes`` could:
    no more rows than it could give (:func:`max_rows`), no more text than an entry may
    hold (:func:`size_limit`, for all its columns together)."""
    rows, left = max_rows(data_bytes), size_limit(data_bytes)
    raw = db.execute("SELECT field, texts, codes FROM obs ORDER BY rowid").fetchall()
    if [name for name, _, _ in raw] != [name for name, _ in _columns()]:
        raise Doubt("other fields")
    columns: list[Iterable[Any]] = []
    for (_, kind), (_, texts, blob) in zip(_columns(), raw, strict=True):
        numbers = _unpack_ints(blob, rows)
        if kind == "line":
            columns.append(numbers)
            continue
        inflated = _inflate(texts, left)
        left -= len(inflated)
        made = [*map(_MAKE[kind], json.loads(inflated)), None]  # each made once
        if len(made) == 1 or (len(made) == 2 and numbers.count(0) == len(numbers)):
            columns.append(itertools.repeat(made[0], len(numbers)))  # one value (a file's region)
        else:
            columns.append(map(made.__getitem__, numbers))
    # what Observation._make does, without a Python call a row
    observations = list(
        map(tuple.__new__, itertools.repeat(Observation), zip(*columns, strict=True))
    )
    ((account,),) = db.execute("SELECT json FROM account").fetchall()
    read = FileRead(**json.loads(account), findings=_unpack_findings(db))
    return FileEntry(read, observations)


def _pack_texts(texts: list[str]) -> bytes:
    """A column's distinct texts, as a JSON list, compressed (a county's file names its
    indicators, ~1,000 ids, and its figures)."""
    return zlib.compress(json.dumps(texts, ensure_ascii=False).encode("utf-8"), 1)


def _pack_ints(numbers: Sequence[int]) -> bytes:
    """A column of ints as 32-bit ints (the key holds the byte order), compressed: a
    column that repeats itself (a file's region, its source) or counts up (its lines)
    shrinks to almost nothing. A number beyond 32 bits raises: nothing is written."""
    return zlib.compress(array("i", numbers).tobytes(), 1)


def _unpack_ints(blob: bytes, most: int) -> array[int]:
    """The ints of :func:`_pack_ints`, at most ``most`` of them: never more is inflated."""
    return array("i", _inflate(blob, most * _INT_BYTES))


def _inflate(blob: bytes, most: int) -> bytes:
    """What ``blob`` compresses, if it is no more than ``most`` bytes (never more is made:
    a few bytes may inflate to gigabytes)."""
    inflate = zlib.decompressobj()
    data = inflate.decompress(blob, most + 1)
    if not inflate.eof or len(data) > most:
        raise Doubt("more than allowed")
    return data


_INT_BYTES = array("i").itemsize


def _pack_findings(db: sqlite3.Connection, findings: list[Finding]) -> None:
    """Findings a row, their parameters as JSON (a Decimal as {"d": its text}, a name
    as {"n": [its id, zh, en]})."""
    _create(db, "finding", _FINDING, "ANY")
    marks = ", ".join("?" * len(_FINDING))
    db.executemany(
        f"INSERT INTO finding VALUES ({marks})",
        (
            [
                json.dumps(
                    [(k, _named(p)) for k, p in v.items()], ensure_ascii=False, default=_tagged
                )
                if name == "params"
                else v
                for name, v in zip(_FINDING, map(f.__getattribute__, _FINDING), strict=True)
            ]
            for f in findings
        ),
    )


def _named(value: object) -> object:
    """A :class:`Named` parameter with its names (JSON would write it as a plain str, and
    the next run would show 单位“persons” for 单位“人”)."""
    if isinstance(value, Named):
        return {"n": [str(value), value.zh, value.en]}
    return value


def _tagged(value: object) -> object:
    if type(value) is Decimal:
        return {"d": str(value)}
    raise TypeError(f"no cache form for {type(value).__name__}")


def _unpack_findings(db: sqlite3.Connection) -> list[Finding]:
    found = []
    for row in db.execute("SELECT * FROM finding ORDER BY rowid"):
        fields = dict(zip(_FINDING, row, strict=True))
        fields["severity"] = Severity(fields["severity"])
        fields["params"] = dict(json.loads(fields["params"], object_hook=_untagged))
        found.append(Finding(**fields))
    return found


def _untagged(tagged: dict[str, Any]) -> Decimal | Named:
    if "n" in tagged:
        return Named(*tagged["n"])
    return Decimal(tagged["d"])


def _pack_outcome(db: sqlite3.Connection, outcome: Outcome) -> None:
    figures, current, revisions, withdrawn, findings = outcome
    db.execute("CREATE TABLE outcome (figures INT NOT NULL, current BLOB) STRICT")
    # None: the figures that count are every figure in order (a store that repeats no key)
    every = current == range(figures)
    db.execute(
        "INSERT INTO outcome VALUES (?, ?)",
        (figures, None if every else _pack_ints(current)),
    )
    _create(db, "revision", ("indicator", "period", "region", "measure", "position"), "ANY")
    db.executemany(
        "INSERT INTO revision VALUES (?, ?, ?, ?, ?)",
        ((*key, at) for key, olds in revisions.items() for at in olds),
    )
    db.execute("CREATE TABLE withdrawn (number INT NOT NULL, position INT NOT NULL) STRICT")
    db.executemany("INSERT INTO withdrawn VALUES (?, ?)", withdrawn)
    _pack_findings(db, findings)


def _unpack_outcome(db: sqlite3.Connection, figures: int, withdrawals: int) -> Outcome:
    ((written, blob),) = db.execute("SELECT figures, current FROM outcome").fetchall()
    if written != figures:
        raise Doubt("written for other figures")
    current = range(figures) if blob is None else _unpack_ints(blob, figures).tolist()
    revisions: dict[tuple[str, str, str, str], Sequence[int]] = {}
    for *key, at in db.execute("SELECT * FROM revision ORDER BY rowid"):
        revisions.setdefault(tuple(key), []).append(at)  # type: ignore[attr-defined]
    withdrawn = db.execute("SELECT * FROM withdrawn ORDER BY rowid").fetchall()
    # The store looks these up once the entry is read: out of bounds, they would fail there.
    _within(current, figures)
    _within([at for olds in revisions.values() for at in olds], figures)
    _within([at for _, at in withdrawn], figures)
    _within([number for number, _ in withdrawn], withdrawals)
    return Outcome(figures, current, revisions, withdrawn, _unpack_findings(db))


def _within(numbers: Sequence[int], high: int) -> None:
    if numbers and not (min(numbers) >= 0 and max(numbers) < high):
        raise Doubt("a position out of its bounds")
