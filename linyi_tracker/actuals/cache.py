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

How long each kind of run takes is measured in README.md (Performance), not here.

What an entry is trusted with, and why that is safe (the bytes on disk may have been
damaged or written by someone else):

- An entry is UTF-8 JSON (no ``marshal``, no ``pickle``: nothing that can run code or
  crash the interpreter; long integer columns as base64 of 32-bit ints) behind an
  HMAC-SHA256 of the key and the whole content, with a random per-user secret kept in
  :data:`SECRET` beside the entries (mode 0600, owned by the user, never followed
  through a link). The HMAC is checked before anything is parsed: a flipped byte, a cut
  or a changed figure, even with a recomputed plain digest, is refused.
- Then every field is type- and bounds-checked while the objects are built: counts
  against the rows, and the rows against what the data file could give
  (:func:`max_rows`, so reading an entry never builds more than reading the file
  could), positions within the figures the files gave, indexes within their tables,
  runs that add up, figures as ``str()`` writes them and within the reader's bound,
  dates and periods read back to the same text, no empty revision, each finding's field
  against the type the :class:`~linyi_tracker.findings.Finding` dataclass declares.
  Entries larger than :func:`size_limit` are not read. These checks are what keeps any
  entry, whoever signed it, from crashing or hanging the interpreter or exhausting
  memory. They do not make an entry signed with a stolen secret tell the truth —
  whoever holds the secret can write any figure, or put a figure in another series —
  so the figures rest on the HMAC, and the secret is the user's alone.
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

Long because an untrusted format needs its checks next to its encoding: every field that
is written has its bound checked when it is read back, in the same file.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import functools
import hashlib
import hmac
import itertools
import json
import operator
import os
import re
import secrets
import stat
import sys
import time
import types
import typing
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from linyi_tracker import __version__
from linyi_tracker.actuals.numbers import too_large
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.reader import XLSX_SUFFIXES, FileRead, Observation
from linyi_tracker.actuals.withdrawals import Withdrawal
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan

FORMAT = 5
KEEP = 6  # store entries kept beyond the current run's: a new day or a new file makes one
KEEP_FILES = 8192  # file entries kept beyond the current run's (a county store has ~900)
FILE_SUFFIX, SUFFIX = ".file", ".store"  # one file's reading; a store's reconciling
SECRET = "secret.key"  # the HMAC key, beside the entries
_SECRET_BYTES = 32
_MAGIC = b"linyi-tracker store cache %d\n" % FORMAT
_DIGEST_HEX = 64  # HMAC-SHA256, as hex
_HEADER = len(_MAGIC) + _DIGEST_HEX + 1  # magic, digest, newline; then the JSON
_OFF = {"0", "off", "no", "false", "none"}
_PACKAGE = Path(__file__).resolve().parent.parent
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows (where making a link needs privileges)
# A named pipe planted at an entry's name would block the open: opened without waiting,
# it is then refused as not a regular file (no effect on a regular file; not on Windows)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_MAX_NUMBER = 100  # characters of one value's text (far beyond any figure of the plan)
_MAX_LINE = 2**31 - 1
_T = typing.TypeVar("_T")
_INT = "i"  # a C int: 32 bits wherever CPython runs (the key holds the platform and byte order)


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
    limit, rows = size_limit(key.size), max_rows(key.size)
    return _load(folder, key.key + FILE_SUFFIX, limit, lambda data: _unpack_file(data, rows))


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
        lambda data: _unpack_outcome(data, figures, withdrawals),
    )


def save_outcome(folder: Path, key: str, outcome: Outcome, *, data_bytes: int) -> bool:
    """Keep what reconciling gave; whether it was written."""
    return _save(folder, key + SUFFIX, size_limit(data_bytes), _pack_outcome, outcome)


def _load(folder: Path, name: str, limit: int, unpack: Callable[[dict[str, Any]], _T]) -> _T | None:
    """The entry's content, decoded by ``unpack`` once its digest matches, or ``None``.

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
        text = _verified(secret, key, blob)
        data = json.loads(text, parse_float=_no_float, parse_constant=_no_float)
        if type(data) is not dict or data.get("format") != FORMAT or data.get("key") != key:
            raise Doubt("another format or key")
        return unpack(data)
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()  # never follows a link: removes the link itself
        return None


def _save(
    folder: Path, name: str, limit: int, pack: Callable[[str, Any], bytes], entry: Any
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
        body = pack(key, entry)
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


def _sign(secret: bytes, key: str, body: bytes | memoryview) -> str:
    mac = hmac.new(secret, key.encode("ascii") + b"\0", hashlib.sha256)
    mac.update(body)
    return mac.hexdigest()


def _verified(secret: bytes, key: str, blob: bytes) -> str:
    """The entry's JSON text, once its digest matches; before anything is parsed."""
    if len(blob) < _HEADER or not blob.startswith(_MAGIC) or blob[_HEADER - 1 : _HEADER] != b"\n":
        raise Doubt("not an entry of this format")
    digest = blob[len(_MAGIC) : _HEADER - 1]
    body = memoryview(blob)[_HEADER:]
    if not hmac.compare_digest(digest, _sign(secret, key, body).encode("ascii")):
        raise Doubt("digest mismatch")
    return str(body, "utf-8")


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
        data = handle.read(limit + 1)
        if os.utime in os.supports_fd:  # read: kept by the next prune (_prune)
            os.utime(handle.fileno())
    if len(data) > limit:
        raise Doubt("grew beyond its limit")
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


# ------------------------------------------------------------------ values, generically
#
# Findings and files are encoded field by field from their dataclass fields, so a field
# added or changed there needs nothing here. A value is JSON null, a string, an int, a
# bool, or a one-key object: {"d": "12.5"} a Decimal, {"t": "2016-01-31"} a date,
# {"e": "error"} a member of the StrEnum the field declares, {"m": {...}} a mapping,
# {"l": [...]} a list, {"c": [...]} a dataclass (its init fields in order). Reading one
# back, the value must be of a type the field's annotation allows.


class Unsupported(TypeError):
    """A value this encoding has no form for: the entry is not written."""


def _enc(value: Any) -> Any:
    if value is None or type(value) in (str, int, bool):
        return value
    if isinstance(value, StrEnum):
        return {"e": value.value}
    if type(value) is Decimal:
        text = str(value)
        _check_number(text)
        return {"d": text}
    if type(value) is date:
        return {"t": value.isoformat()}
    if isinstance(value, Mapping):
        if not all(type(k) is str for k in value):
            raise Unsupported("a mapping with keys that are not strings")
        return {"m": {k: _enc(v) for k, v in value.items()}}
    if type(value) is list:
        return {"l": [_enc(v) for v in value]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"c": _enc_fields(value)}
    raise Unsupported(f"no cache form for {type(value).__name__}")


def _enc_fields(obj: Any) -> list[Any]:
    return [_enc(getattr(obj, f.name)) for f in _init_fields(obj.__class__)]


@functools.cache
def _init_fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _members(hint: Any) -> tuple[Any, ...]:
    """The types a union allows; a plain hint as a union of one. Worked out once a hint:
    a million-row entry asks about the same few hints a few hundred thousand times."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


@functools.cache
def _container(hint: Any, kinds: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments of the union member whose origin is one of ``kinds`` (list, dict,
    Mapping): its item hint, or its key and value hints."""
    for member in _members(hint):
        if typing.get_origin(member) in kinds:
            return typing.get_args(member)
    raise Doubt(f"a container where {hint} is declared")


@functools.cache
def _shapes(hint: Any) -> tuple[tuple[Any, ...], ...]:
    """What each member of ``hint`` asks of a value, worked out once a hint: ("none",),
    ("map", key hint, value hint), ("list", item hint) or ("type", the exact type)."""
    shapes: list[tuple[Any, ...]] = []
    for member in _members(hint):
        origin = typing.get_origin(member)
        if member is None or member is type(None):
            shapes.append(("none",))
        elif origin in _MAPPINGS:
            shapes.append(("map", *typing.get_args(member)))
        elif origin is list:
            shapes.append(("list", *typing.get_args(member)))
        elif isinstance(member, type):
            shapes.append(("type", member))
    return tuple(shapes)


_MAPPINGS = (dict, Mapping)


def _dec(raw: Any, hint: Any) -> Any:
    """The value ``raw`` encodes, checked against the declared ``hint``."""
    if type(raw) in _plain(hint):  # a JSON str, int, bool or null the hint allows as it is
        return raw
    value = _dec_raw(raw, hint)
    if type(value) is dict or type(value) is list:
        return value  # built by _dec_raw from items checked against the declared items
    if not _fits(value, hint):
        raise Doubt(f"{type(value).__name__} where {hint} is declared")
    return value


# By id(hint), the hint kept with it (so its id is never another's): hashing a union
# hashes its members, at every field of every finding of a store.
_PLAIN: dict[int, tuple[Any, frozenset[type]]] = {}


def _plain(hint: Any) -> frozenset[type]:
    """The JSON scalar types ``hint`` allows exactly as they are, worked out once a hint."""
    found = _PLAIN.get(id(hint))
    if found is None:
        shapes = _shapes(hint)
        allowed = {s[1] for s in shapes if s[0] == "type"} | {
            _NONE for s in shapes if s[0] == "none"
        }
        found = _PLAIN[id(hint)] = (hint, frozenset(allowed & {str, int, bool, _NONE}))
    return found[1]


def _dec_raw(raw: Any, hint: Any) -> Any:
    if raw is None or type(raw) in (str, int, bool):
        return raw
    if type(raw) is not dict or len(raw) != 1:
        raise Doubt("not a value")
    ((tag, body),) = raw.items()
    if tag == "d" and type(body) is str:
        _check_number(body)
        return Decimal(body)
    if tag == "t" and type(body) is str:
        return _day(body)
    if tag == "e" and type(body) is str:
        for member in _members(hint):
            if isinstance(member, type) and issubclass(member, StrEnum):
                with contextlib.suppress(ValueError):
                    return member(body)
        raise Doubt("not a member of the declared enum")
    if tag == "m" and type(body) is dict:
        key_hint, value_hint = _container(hint, _MAPPINGS)
        if not all(_fits(k, key_hint) for k in body):
            raise Doubt(f"a key where {key_hint} is declared")
        return {k: _dec(v, value_hint) for k, v in body.items()}
    if tag == "l" and type(body) is list:
        (item_hint,) = _container(hint, (list,))
        return [_dec(v, item_hint) for v in body]
    if tag == "c" and type(body) is list:
        for member in _members(hint):
            if isinstance(member, type) and dataclasses.is_dataclass(member):
                return _dec_fields(member, body)
    raise Doubt("not a value")


def _dec_fields(cls: type, raw: Any) -> Any:
    fields = _init_fields(cls)
    if type(raw) is not list or len(raw) != len(fields):
        raise Doubt(f"not the fields of {cls.__name__}")
    hints = _hints(cls)
    return cls(**{f.name: _dec(r, hints[f.name]) for f, r in zip(fields, raw, strict=True)})


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of a type ``hint`` allows (exactly: no bool for an int)."""
    if type(value) in _plain(hint):
        return True
    for shape in _shapes(hint):
        kind = shape[0]
        if kind == "type":
            ok = type(value) is shape[1]
        elif kind == "none":
            ok = value is None
        elif kind == "map":
            key_hint, value_hint = shape[1], shape[2]
            ok = type(value) is dict and all(
                _fits(k, key_hint) and _fits(v, value_hint) for k, v in value.items()
            )
        else:
            item_hint = shape[1]
            ok = type(value) is list and all(_fits(v, item_hint) for v in value)
        if ok:
            return True
    return False


_NUMBER = re.compile(
    rf"-?[0-9]{{1,{_MAX_NUMBER}}}(?:\.[0-9]{{1,{_MAX_NUMBER}}})?(?:E[-+][0-9]{{1,4}})?"
)


def _check_number(text: str) -> None:
    if len(text) > _MAX_NUMBER or not _NUMBER.fullmatch(text):
        raise Doubt("not a plain number of bounded length")


def _day(text: str) -> date:
    day = date.fromisoformat(text)
    if day.isoformat() != text:
        raise Doubt("not a date as it is written")
    return day


def _pack_ints(values: list[int]) -> str:
    """Many ints as the base64 text of 32-bit integers rather than a JSON list: a column
    of a million reads back in 0.07 s instead of 0.17 s (JSON's int parsing and a type
    check of each), and most of an entry is such columns. A value beyond 32 bits raises
    OverflowError: that entry is not written."""
    return base64.b64encode(array(_INT, values).tobytes()).decode("ascii")


def _packed(raw: Any) -> list[int]:
    """The ints of :func:`_pack_ints`, as many as the text's size allows, unbounded (the
    caller bounds them); a list, whose ints a pass over an array would make again."""
    if type(raw) is not str:
        raise Doubt("not packed ints")
    try:
        data = base64.b64decode(raw, validate=True)
    except binascii.Error as exc:
        raise Doubt("not base64") from exc
    packed = array(_INT)
    if len(data) % packed.itemsize:
        raise Doubt("not a whole number of ints")
    packed.frombytes(data)
    return packed.tolist()


def _ints(raw: Any, low: int, high: int) -> list[int]:
    """The ints of :func:`_pack_ints`, each within [low, high] (C loops, no Python call
    per item)."""
    numbers = _packed(raw)
    if numbers and (min(numbers) < low or max(numbers) > high):
        raise Doubt("ints out of bounds")
    return numbers


def _strings(raw: Any) -> list[str]:
    if type(raw) is not list or (raw and set(map(type, raw)) != {str}):
        raise Doubt("not a list of strings")
    return raw


# ------------------------------------------------------------------ the observations
#
# Whole columns, not rows: one per field of Observation, chosen by the field's type.
# Strings by their number in one table, a column that repeats itself (file, region,
# unit, source…) as runs, line numbers as runs of consecutive lines (_encode_runs), the
# values as one joined text. Reading them back is then a few C loops per column instead
# of Python work per row — and each column's checks are C loops too, or are made on the
# tables (a number that is not in its table raises when it is looked up) or once for
# each distinct figure (_figure).

_SEP = ";"  # between values in the joined value column (never inside a number; plain in JSON)
_NONE = type(None)
_SAMPLE = 1024  # rows looked at to see whether a column changes too often for runs
Column = tuple[bool, str, str]  # (in runs?, numbers or run values, run lengths), packed


@functools.cache
def _observation_kinds() -> tuple[tuple[str, str, bool], ...]:
    """(field, kind, may be None) for each field of Observation, in order."""
    kinds = {str: "text", Period: "period", Decimal: "value", date: "day", int: "line"}
    out = []
    for name, hint in _hints(Observation).items():
        allowed = set(_members(hint))
        (single,) = allowed - {_NONE}
        if single not in kinds or (kinds[single] in ("line", "period") and _NONE in allowed):
            raise Unsupported(f"no column form for Observation.{name}: {hint}")
        out.append((name, kinds[single], _NONE in allowed))
    if [name for name, _, _ in out] != list(Observation._fields):
        raise Unsupported("Observation's annotations are not its fields")
    return tuple(out)


def _runs(values: Sequence[Any], changed: Iterable[bool]) -> tuple[list[int], list[int]]:
    """Where each run starts and how long it is, ``changed`` saying where a new one begins."""
    starts = [0, *itertools.compress(itertools.count(1), changed)]
    return starts, list(map(operator.sub, [*starts[1:], len(values)], starts))


def _encode(values: list[Any], code: Callable[[list[Any]], list[int]]) -> Column:
    """A column as runs (its values coded only at the start of each run) when it
    repeats itself, else every value coded; ``code`` turns values into numbers."""
    if not values:
        return False, "", ""
    head = values[:_SAMPLE]  # a file's whole column, mostly: its runs are not counted twice
    if sum(map(operator.ne, head[1:], head[:-1])) * 4 <= len(head):
        starts, counts = _runs(values, map(operator.ne, values[1:], values[:-1]))
        if len(starts) * 4 <= len(values):
            return True, _pack_ints(code([values[i] for i in starts])), _pack_ints(counts)
    return False, _pack_ints(code(values)), ""  # changes too often for runs


def _decode(
    raw: Any,
    n: int,
    convert: Callable[[int], Any] | list[Any],
    *,
    allowed: range | None = None,
) -> list[Any]:
    """A column of ``n`` rows, each number converted: looked up in a list (-1 its last
    item, where ``allowed`` starts at -1), or given to a function once for each
    distinct number (a period or a date is made once, not once a row). Each number
    must be within ``allowed`` (a list's bound by default): checked first, in C, for a
    list would take any negative number from its end."""
    if type(raw) is not list or len(raw) != 3 or type(raw[0]) is not bool:
        raise Doubt("not a column")
    in_runs, numbers, counts = raw[0], _packed(raw[1]), _ints(raw[2], 1, n)
    if in_runs:
        if len(numbers) != len(counts) or sum(counts) != n:
            raise Doubt("runs that do not add up to the rows")
    elif counts or len(numbers) != n:
        raise Doubt("a column of another length")
    if allowed is None:
        if not isinstance(convert, list):
            raise TypeError("a function's numbers need their bound")
        allowed = range(len(convert))
    if numbers and (min(numbers) < allowed.start or max(numbers) >= allowed.stop):
        raise Doubt("ints out of bounds")
    if isinstance(convert, list):
        look: Callable[[int], Any] = convert.__getitem__
    else:
        look = {number: convert(number) for number in set(numbers)}.__getitem__
    try:
        if in_runs:
            return list(
                itertools.chain.from_iterable(
                    map(itertools.repeat, map(look, numbers), counts)  # bounded: sum is n
                )
            )
        return list(map(look, numbers))
    except LookupError as exc:
        raise Doubt("a number that is not in its table") from exc


def _encode_runs(numbers: Sequence[int]) -> list[Any]:
    """Ints as runs of consecutive ones (first, how many) when there are few — a file's
    line numbers, the figures that count in a store that repeats no key — else each one."""
    if numbers:
        following = map(operator.add, numbers[:-1], itertools.repeat(1))
        starts, counts = _runs(numbers, map(operator.ne, numbers[1:], following))
        if len(starts) * 4 <= len(numbers):
            return [True, _pack_ints([numbers[i] for i in starts]), _pack_ints(counts)]
    return [False, _pack_ints(list(numbers)), ""]


def _decode_runs(raw: Any, n: int, high: int) -> Sequence[int]:
    """The ``n`` ints of :func:`_encode_runs`, each in [0, ``high``). One run is given as
    a ``range``: the figures that count, when no key repeats, are all of them."""
    if type(raw) is not list or len(raw) != 3 or type(raw[0]) is not bool:
        raise Doubt("not runs")
    if not raw[0]:
        numbers = _ints(raw[1], 0, high - 1)
        if raw[2] != "" or len(numbers) != n:
            raise Doubt("not the numbers expected")
        return numbers
    firsts, counts = _ints(raw[1], 0, high - 1), _ints(raw[2], 1, n)
    if len(firsts) != len(counts) or sum(counts) != n or len(firsts) * 4 > n:
        raise Doubt("runs that do not add up")
    ends = list(map(operator.add, firsts, counts))
    if max(ends, default=0) > high:
        raise Doubt("runs beyond their bound")
    if len(firsts) == 1:
        return range(firsts[0], ends[0])
    return list(itertools.chain.from_iterable(map(range, firsts, ends)))


def _encode_values(values: list[Decimal | None]) -> tuple[Column, str]:
    """The value column as numbers into a table of its distinct texts, and that table:
    str() of each (an exact round trip; distinct by text, as 9800 and 9800.0 are equal
    Decimals), each after a separator — no figures give "", one figure ";9800". A file
    repeats its figures (the bench's files of 77,000 rows hold a few thousand distinct
    ones), so reading makes and checks each distinct text once, not once a row."""
    table = _Strings()
    texts = (
        list(map(str, values))
        if _NONE not in set(map(type, values))  # not `None in`: Decimal == None is slow
        else [None if v is None else str(v) for v in values]
    )
    column = _encode(texts, table.column)
    joined = _SEP + _SEP.join(table.texts) if table.texts else ""
    _figures(joined)  # what would not be read back is not written
    return column, joined


def _figures(raw: Any) -> list[Decimal | None]:
    """The figures of a value table, in one pass in C: each text met for the first time
    is checked by :func:`_figure` (plain digits, a dot, a minus, of bounded length)."""
    if type(raw) is not str or (raw and raw[0] != _SEP):
        raise Doubt("not a value table")
    return list(map(_FIGURES.__getitem__, raw.split(_SEP)[1:]))  # "" is no figures


def _decode_values(raw: Any, table: Any, n: int, optional: bool) -> list[Decimal | None]:
    """The value column of ``n`` rows, from its table of distinct texts."""
    figures = _figures(table)
    if optional:
        figures.append(None)  # -1: a row without a figure
    return _decode(raw, n, figures, allowed=range(-optional, len(figures) - optional))


class _Known(dict[str, _T]):
    """Texts made values once a process, by exact text, each made and checked by ``make``
    when first met: files repeat their figures (a million county figures hold ~50,000
    distinct texts) and periods, so most are found here, in C (an lru_cache: 0.5 µs a hit)."""

    def __init__(self, make: Callable[[str], _T]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> _T:
        if len(self) > _KNOWN_TEXTS:
            self.clear()
        made = self[text] = self.make(text)
        return made


_KNOWN_TEXTS = 1 << 18


def _figure(text: str) -> Decimal:
    _check_number(text)
    made = Decimal(text)
    if str(made) != text:  # "+5200." and ".5" are numbers, but never written
        raise Doubt("figures not as str() writes them")
    if too_large(made):
        raise Doubt("a figure the reader refuses as too large")
    return made


def _period(text: str) -> Period:
    found = parse_period(text)
    if found.text != text:
        raise Doubt("a period not as it is written")
    return found


_FIGURES, _PERIODS = _Known(_figure), _Known(_period)


class _Strings:
    """Repeated strings stored once, as numbers into a table (``None`` is -1)."""

    def __init__(self) -> None:
        self.numbers: dict[str | None, int] = {None: -1}
        self.texts: list[str] = []

    def column(self, values: list[str | None]) -> list[int]:
        numbers = self.numbers
        for text in dict.fromkeys(values):  # the distinct ones, in C
            if text not in numbers:
                if type(text) is not str:
                    raise Unsupported(f"{type(text).__name__} in a text column")
                numbers[text] = len(self.texts)
                self.texts.append(text)
        return list(map(numbers.__getitem__, values))


def _days(values: list[date | None]) -> list[str | None]:
    text = {d: None if d is None else d.isoformat() for d in dict.fromkeys(values)}
    return list(map(text.__getitem__, values))


def _dump(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def _pack_file(key: str, entry: FileEntry) -> bytes:
    read, rows = entry
    if set(map(type, rows)) - {Observation}:
        raise Unsupported("rows that are not observations")
    if read.observations:
        raise Unsupported("a file's observations kept in its account")
    s = _Strings()
    columns: list[Any] = []
    value_texts = ""
    for name, kind, _ in _observation_kinds():
        values = list(map(operator.attrgetter(name), rows))
        if kind == "text":
            columns.append(_encode(values, s.column))
        elif kind == "period":
            # by their texts: a Period's == is a Python call, a str's is not
            columns.append(_encode(list(map(operator.attrgetter("text"), values)), s.column))
        elif kind == "day":
            columns.append(_encode(values, lambda ds: s.column(_days(ds))))
        elif kind == "value":
            column, value_texts = _encode_values(values)
            columns.append(column)
        else:
            columns.append(_encode_runs(values))
    return _dump(
        {
            "format": FORMAT,
            "key": key,
            "strings": s.texts,
            "values": value_texts,
            "rows": len(rows),
            "observation_fields": list(Observation._fields),
            "columns": columns,
            "finding_fields": [f.name for f in _init_fields(Finding)],
            "findings": [_enc_fields(f) for f in read.findings],
            "file_fields": [f.name for f in _init_fields(FileRead)],
            "file": _enc_fields(dataclasses.replace(read, findings=[])),
        }
    )


def _unpack_file(data: dict[str, Any], max_rows: int) -> FileEntry:
    if (
        data.get("observation_fields") != list(Observation._fields)
        or data.get("finding_fields") != [f.name for f in _init_fields(Finding)]
        or data.get("file_fields") != [f.name for f in _init_fields(FileRead)]
    ):
        raise Doubt("written for other fields")
    n = data["rows"]
    # No more rows than the data file could give (max_rows): the columns in runs cost
    # nothing a row, so the entry's own size would not bound what is built.
    if type(n) is not int or not 0 <= n <= max_rows:
        raise Doubt("row count out of bounds")
    rows = _decode_rows(data, n)
    findings = [_dec_fields(Finding, f) for f in _list(data["findings"])]
    read = _dec_fields(FileRead, data["file"])
    if read.findings or read.observations:
        raise Doubt("a file's findings or figures kept twice")
    if read.rows < 0 or not 0 < (read.value_column or 1) <= _MAX_LINE:
        raise Doubt("a file's counts out of bounds")
    read.findings = findings
    return FileEntry(read, rows)


def _decode_rows(data: dict[str, Any], n: int) -> list[Observation]:
    """The ``n`` observations of a file entry's columns."""
    strings = _strings(data["strings"])
    text_or_none: list[str | None] = [*strings, None]
    raw_columns = data["columns"]
    kinds = _observation_kinds()
    if type(raw_columns) is not list or len(raw_columns) != len(kinds):
        raise Doubt("another number of columns")

    def day(number: int) -> date | None:
        return None if number < 0 else _day(strings[number])

    columns: list[Sequence[Any]] = []
    for (_, kind, optional), raw in zip(kinds, raw_columns, strict=True):
        allowed = range(-optional, len(strings))  # -1: None, where a column allows it
        if kind == "text":
            table = text_or_none if optional else strings
            columns.append(_decode(raw, n, table, allowed=allowed))
        elif kind == "period":  # never None (_observation_kinds)
            columns.append(_decode(raw, n, lambda i: _PERIODS[strings[i]], allowed=allowed))
        elif kind == "day":
            columns.append(_decode(raw, n, day, allowed=allowed))
        elif kind == "value":
            columns.append(_decode_values(raw, data["values"], n, optional))
        else:
            columns.append(_decode_runs(raw, n, _MAX_LINE + 1))
    return list(
        map(
            tuple.__new__,  # what Observation._make does, without a Python call per row
            itertools.repeat(Observation),
            zip(*columns, strict=True),
        )
    )


def _pack_outcome(key: str, outcome: Outcome) -> bytes:
    figures, current, revisions, withdrawn, findings = outcome
    return _dump(
        {
            "format": FORMAT,
            "key": key,
            "figures": figures,
            "count": len(current),
            "current": _encode_runs(current),
            "revisions": [[*k, len(v)] for k, v in revisions.items()],
            "revised": _encode_runs(list(itertools.chain.from_iterable(revisions.values()))),
            "withdrawn": [
                _pack_ints([w for w, _ in withdrawn]),
                _pack_ints([o for _, o in withdrawn]),
            ],
            "finding_fields": [f.name for f in _init_fields(Finding)],
            "findings": [_enc_fields(f) for f in findings],
        }
    )


def _unpack_outcome(data: dict[str, Any], figures: int, withdrawals: int) -> Outcome:
    if data.get("figures") != figures or data.get("finding_fields") != [
        f.name for f in _init_fields(Finding)
    ]:
        raise Doubt("written for other figures or fields")
    count = data["count"]
    if type(count) is not int or not 0 <= count <= figures:
        raise Doubt("a count out of bounds")
    current = _decode_runs(data["current"], count, figures)
    revised = _keyed(data["revisions"], 4, data["revised"], figures)
    revisions = typing.cast("dict[tuple[str, str, str, str], Sequence[int]]", revised)
    raw = data["withdrawn"]
    if type(raw) is not list or len(raw) != 2:
        raise Doubt("not the withdrawn figures")
    numbers, positions = _ints(raw[0], 0, withdrawals - 1), _ints(raw[1], 0, figures - 1)
    if len(numbers) != len(positions) or len(positions) > figures:
        raise Doubt("withdrawn figures out of bounds")
    findings = [_dec_fields(Finding, f) for f in _list(data["findings"])]
    withdrawn = list(zip(numbers, positions, strict=True))
    return Outcome(figures, current, revisions, withdrawn, findings)


def _keyed(raw: Any, width: int, runs: Any, figures: int) -> dict[tuple[str, ...], Sequence[int]]:
    """Keys of ``width`` texts, each with how many of the positions in ``runs`` follow
    (at least one: reading never makes an empty series or revision); the positions
    within the figures."""
    keys: dict[tuple[str, ...], int] = {}
    for item in _list(raw):
        fields = _record(item, (*(str,) * width, int))
        key, count = tuple(fields[:width]), fields[width]
        if count < 1 or key in keys:
            raise Doubt("an empty or repeated key")
        keys[key] = count
    total = sum(keys.values())
    if total > figures:
        raise Doubt("more positions than figures")
    positions = _decode_runs(runs, total, figures)
    out: dict[tuple[str, ...], Sequence[int]] = {}
    at = 0
    for named, count in keys.items():
        out[named] = positions[at : at + count]
        at += count
    return out


def _no_float(text: str) -> Any:
    raise Doubt("a float or a constant: never written")


def _list(raw: Any) -> list[Any]:
    if type(raw) is not list:
        raise Doubt("not a list")
    return raw


def _record(raw: Any, kinds: tuple[type, ...]) -> list[Any]:
    if type(raw) is not list or tuple(map(type, raw)) != kinds:
        raise Doubt("not a record of the expected types")
    return raw
