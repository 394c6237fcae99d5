"""A cache of the read and reconciled store, for running ``status`` again on the same files.

Reading a store checks every row in Python: ``status`` over a full plan's monthly store
(about 100,000 observations, 4 MB) takes 0.6 s, over a million observations 4.2 s, each
time, though the files have not changed since the last run. This keeps what
:func:`~linyi_tracker.actuals.store.load_store` produced — observations, revisions,
findings, files — and gives it back when *everything it depended on* is the same:
``status`` then takes 0.4 s and 1.6 s (whole-process medians of ``bench/run.py`` on
``bench/store.py``'s stores, 2026-12-01; the first run after a change pays a quarter to
a third more, to write the entry). Reading an entry of a million observations takes
0.63 s — less than the 0.76 s of the ``marshal`` entries it replaced, though every
field is checked — because the values are kept as a table of distinct figures (one
Decimal made for each) and the series order as runs. The key is a SHA-256 over:

- the cache format, the package and Python versions (and openpyxl's, when there are
  workbooks), and the source of every module of the package (so a changed reader never
  serves old results, also in a development checkout; no hand-kept list to forget);
- the plan, as its canonical JSON;
- the day (a period after today is an error, so the same file reads differently tomorrow);
- the folder, the root file names are shown relative to, and the files left out;
- every data file's name and a SHA-256 of its bytes (not its modification time:
  a file edited twice within a second, or copied with its old time, is still seen).

What an entry is trusted with, and why that is safe (the bytes on disk may have been
damaged or written by someone else):

- An entry is UTF-8 JSON (no ``marshal``, no ``pickle``: nothing that can run code or
  crash the interpreter; long integer columns as base64 of 32-bit ints) behind an
  HMAC-SHA256 of the key and the whole content, with a random per-user secret kept in
  :data:`SECRET` beside the entries (mode 0600, owned by the user, never followed
  through a link). The HMAC is checked before anything is
  parsed: a flipped byte, a cut or a changed figure, even with a recomputed plain
  digest, is refused.
- Then every field is type- and bounds-checked while the objects are built: counts
  against the rows, and the rows against what the data files could give
  (:func:`max_rows`, so reading an entry never builds more than reading the files
  could), indexes within their tables, runs that add up, figures as ``str()`` writes
  them and within the reader's bound, dates and periods read back to the same text,
  no empty series, each finding's field against the type the
  :class:`~linyi_tracker.findings.Finding` dataclass declares. Entries larger than
  :func:`size_limit` are not read. These checks are what keeps any entry, whoever
  signed it, from crashing or hanging the interpreter or exhausting memory. They do
  not make an entry signed with a stolen secret tell the truth — whoever holds the
  secret can write any figure, or put a figure in another series — so the figures
  rest on the HMAC, and the secret is the user's alone.
- On any doubt — an exception of any kind, a wrong digest, a bound exceeded — the entry
  is ignored and deleted, and the store is read from the files (and cached afresh).
- Files are created with ``O_EXCL | O_NOFOLLOW`` under a random temporary name, mode
  0600, then renamed into place; a link planted at an entry's name is never followed.
  The folder is created 0700; one not owned by the user is not used.

Files are hashed again after a miss has read them; if they changed meanwhile, nothing
is written. A cache that cannot be read or written is ignored: it only saves time. The
newest :data:`KEEP` entries are kept. Stores under
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
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from linyi_tracker import __version__
from linyi_tracker.actuals.numbers import too_large
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.reader import XLSX_SUFFIXES, FileRead, Observation
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan

FORMAT = 4
KEEP = 6  # entries kept; a new day or a new file makes a new one
SUFFIX = ".store"
SECRET = "secret.key"  # the HMAC key, beside the entries
_SECRET_BYTES = 32
_MAGIC = b"linyi-tracker store cache %d\n" % FORMAT
_DIGEST_HEX = 64  # HMAC-SHA256, as hex
_HEADER = len(_MAGIC) + _DIGEST_HEX + 1  # magic, digest, newline; then the JSON
_OFF = {"0", "off", "no", "false", "none"}
_PACKAGE = Path(__file__).resolve().parent.parent
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows (where making a link needs privileges)
_BINARY = getattr(os, "O_BINARY", 0)
_MAX_NUMBER = 100  # characters of one value's text (far beyond any figure of the plan)
_MAX_LINE = 2**31 - 1
_INT = "i"  # a C int: 32 bits wherever CPython runs (the key holds the platform and byte order)
_UINT = "I"  # unsigned: the order of the observations (no index from the end)


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

    add(FORMAT, __version__, sys.version, sys.byteorder, code_digest())
    add(day.isoformat(), str(root.resolve()), str(display_root))
    add(sorted(str(p) for p in exclude))
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


def _version_of(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


_MIN_ROW_BYTES = 10  # the shortest row of a CSV file that gives an observation: "i,2016,r,1\n"


def max_rows(data_bytes: int) -> int:
    """The most observations (current and revised) an entry may hold for data files of
    ``data_bytes``: no more than the files could give, so reading an entry never builds
    more than reading the files could. A store beyond it (a workbook compresses its rows
    below ten bytes each) is simply not cached."""
    return data_bytes // _MIN_ROW_BYTES


def size_limit(data_bytes: int) -> int:
    """The largest entry read or written for data files of ``data_bytes`` in all: an
    entry holds less than the files (a million observations: 42 MB of CSV, about 11 MB
    of entry), but findings can outweigh short rows."""
    return 8 * data_bytes + (16 << 20)


# ------------------------------------------------------------------ reading and writing


Revisions = dict[tuple[str, str, str, str], list[Observation]]  # by Observation.key
Series = dict[tuple[str, str, str], list[Observation]]  # (indicator, region, measure): oldest first


class Entry(NamedTuple):
    """What reading a store produced: all a cache entry holds."""

    files: list[FileRead]
    observations: list[Observation]
    revisions: Revisions
    findings: list[Finding]
    series: Series


class Doubt(Exception):
    """An entry that is not exactly what this code would have written: not used."""


def load(folder: Path, key: str, *, data_bytes: int) -> Entry | None:
    """What was stored under ``key``, or ``None`` (absent, unreadable, in doubt).

    An entry in doubt is deleted, so the next run writes a good one."""
    path = folder / f"{key}{SUFFIX}"
    try:
        secret = _secret(folder, create=False)
        if secret is None:
            return None
        blob = _read_private(path, size_limit(data_bytes))
        if blob is None:
            return None
        return _unpack(key, _verified(secret, key, blob), max_rows=max_rows(data_bytes))
    except Exception:  # any doubt at all: the files are read instead
        with contextlib.suppress(OSError):
            path.unlink()  # never follows a link: removes the link itself
        return None


def save(folder: Path, key: str, entry: Entry, *, data_bytes: int) -> None:
    """Write the entry beside the others (a new private file, renamed into place),
    then drop old ones. Anything that fails only costs time: nothing is written."""
    try:
        if not _private_folder(folder):
            return
        secret = _secret(folder, create=True)
        if secret is None:
            return
        if len(entry.observations) + sum(map(len, entry.revisions.values())) > max_rows(data_bytes):
            return  # it would not be read back
        body = _pack(key, entry)
        if _HEADER + len(body) > size_limit(data_bytes):
            return  # it would not be read back
        tmp = folder / f".{key}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
        _write_new(tmp, _MAGIC + _sign(secret, key, body).encode("ascii") + b"\n" + body)
        try:
            os.replace(tmp, folder / f"{key}{SUFFIX}")  # replaces a link, never follows it
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _prune(folder)
    except Exception:
        return


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


def _private_folder(folder: Path) -> bool:
    """The folder, created 0700 if missing; one owned by someone else is not used."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=True)
    st = folder.stat()
    uid = _uid()
    return stat.S_ISDIR(st.st_mode) and (uid is None or st.st_uid == uid)


def _read_private(path: Path, limit: int) -> bytes | None:
    """The file's bytes (at most ``limit``), not through a link; ``None`` if absent."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY)
    except FileNotFoundError:
        return None
    with open(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > limit:
            raise Doubt("not a private file of a possible size")
        data = handle.read(limit + 1)
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


def _prune(folder: Path) -> None:
    def age(path: Path) -> float:
        try:
            return path.lstat().st_mtime
        except OSError:
            return 0.0

    def private(path: Path) -> bool:
        with contextlib.suppress(OSError):
            st = path.lstat()
            return stat.S_ISREG(st.st_mode) and _private(st)
        return False

    entries = sorted(folder.glob(f"*{SUFFIX}"), key=age, reverse=True)
    # Beyond the newest KEEP, and whatever is not a private file (links, entries an
    # older version left readable by others): never read, so gone.
    for old in [*entries[KEEP:], *(p for p in entries[:KEEP] if not private(p))]:
        with contextlib.suppress(OSError):
            old.unlink()
    # A write cut short (the process killed) leaves its temporary file: gone after an hour.
    for tmp in folder.glob(".*.tmp"):
        if time.time() - age(tmp) > 3600:
            with contextlib.suppress(OSError):
                tmp.unlink()


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
    value = _dec_raw(raw, hint)
    if not _fits(value, hint):
        raise Doubt(f"{type(value).__name__} where {hint} is declared")
    return value


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
        _, value_hint = _container(hint, _MAPPINGS)
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


_NUMBER_CHARS = re.compile(r"[^0-9.;E+\-]")  # ";" is _SEP
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


def _pack_ints(values: list[int], typecode: str = _INT) -> str:
    """Many ints as the base64 text of 32-bit integers rather than a JSON list: a column
    of a million reads back in 0.07 s instead of 0.17 s (JSON's int parsing and a type
    check of each), and most of an entry is such columns. A value beyond 32 bits (or a
    negative one, for :data:`_UINT`) raises OverflowError: that entry is not written."""
    return base64.b64encode(array(typecode, values).tobytes()).decode("ascii")


def _packed(raw: Any, typecode: str = _INT) -> array[int]:
    """The ints of :func:`_pack_ints`, as many as the text's size allows, no more, and
    not bounded: for a column whose every number is looked up in a table, the lookup is
    the bound (an unknown number raises), and a pass over a million numbers for their
    minimum and maximum is saved."""
    if type(raw) is not str:
        raise Doubt("not packed ints")
    try:
        data = base64.b64decode(raw, validate=True)
    except binascii.Error as exc:
        raise Doubt("not base64") from exc
    packed = array(typecode)
    if len(data) % packed.itemsize:
        raise Doubt("not a whole number of ints")
    packed.frombytes(data)
    return packed


def _ints(raw: Any, low: int, high: int) -> list[int]:
    """The ints of :func:`_pack_ints`, each within [low, high] (C loops, no Python call
    per item)."""
    numbers = _packed(raw).tolist()
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
# unit, source…) as runs, line numbers as runs of consecutive lines, the values by their
# number in a table of the distinct figures (one joined text), the series order as runs
# of consecutive observations. Reading them back is then a few C loops per column
# instead of Python work per row — and each column's checks are C loops too, or are
# made on the tables (a number that is not in its table raises when it is looked up).

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


def _runs(values: list[int], changed: Iterable[bool]) -> tuple[list[int], list[int]]:
    """Where each run starts and how long it is, ``changed`` saying where a new one begins."""
    starts = [0, *itertools.compress(itertools.count(1), changed)]
    return starts, list(map(operator.sub, [*starts[1:], len(values)], starts))


def _encode(values: list[Any], code: Callable[[list[Any]], list[int]]) -> Column:
    """A column as runs (its values coded only at the start of each run) when it
    repeats itself, else every value coded; ``code`` turns values into numbers."""
    if not values:
        return False, "", ""
    head = values[:_SAMPLE]
    if len(head) < _SAMPLE or sum(map(operator.ne, head[1:], head[:-1])) * 4 <= _SAMPLE:
        starts, counts = _runs(values, map(operator.ne, values[1:], values[:-1]))
        if len(starts) * 4 <= len(values):
            return True, _pack_ints(code([values[i] for i in starts])), _pack_ints(counts)
    return False, _pack_ints(code(values)), ""  # changes too often for runs


def _decode(
    raw: Any, n: int, convert: Callable[[int], Any], *, allowed: range | None = None
) -> list[Any]:
    """A column of ``n`` rows, each number converted. Without ``allowed``, ``convert``
    is a lookup that raises for a number it has no value for (a dict's ``__getitem__``):
    that is the column's bound. With ``allowed``, ``convert`` is called once for each
    distinct number, each within ``allowed`` (a period or a date is made once, not once
    a row, and the bounds are checked on the few distinct numbers)."""
    if type(raw) is not list or len(raw) != 3 or type(raw[0]) is not bool:
        raise Doubt("not a column")
    in_runs, numbers, counts = raw[0], _packed(raw[1]), _ints(raw[2], 1, n)
    if in_runs:
        if len(numbers) != len(counts) or sum(counts) != n:
            raise Doubt("runs that do not add up to the rows")
    elif counts or len(numbers) != n:
        raise Doubt("a column of another length")
    if allowed is not None:
        distinct = set(numbers)
        if distinct and (min(distinct) < allowed.start or max(distinct) >= allowed.stop):
            raise Doubt("ints out of bounds")
        convert = {number: convert(number) for number in distinct}.__getitem__
    try:
        if in_runs:
            return list(
                itertools.chain.from_iterable(
                    map(itertools.repeat, map(convert, numbers), counts)  # bounded: sum is n
                )
            )
        return list(map(convert, numbers))
    except LookupError as exc:
        raise Doubt("a number that is not in its table") from exc


def _encode_lines(lines: list[int]) -> tuple[str, str]:
    """Runs of consecutive line numbers: (first line, how many) each."""
    if not lines:
        return "", ""
    following = map(operator.add, lines[:-1], itertools.repeat(1))
    starts, counts = _runs(lines, map(operator.ne, lines[1:], following))
    return _pack_ints([lines[i] for i in starts]), _pack_ints(counts)


def _decode_lines(raw: Any, n: int) -> list[int]:
    if type(raw) is not list or len(raw) != 2:
        raise Doubt("not a line column")
    starts, counts = _ints(raw[0], 0, _MAX_LINE), _ints(raw[1], 1, n)
    if len(starts) != len(counts) or sum(counts) != n:
        raise Doubt("line runs that do not add up to the rows")
    ends = list(map(operator.add, starts, counts))
    if ends and max(ends) - 1 > _MAX_LINE:
        raise Doubt("line numbers beyond the largest")
    return list(
        itertools.chain.from_iterable(map(range, starts, map(operator.add, starts, counts)))
    )


def _encode_order(order: list[int]) -> list[Any]:
    """The observations' numbers in series order: as runs of consecutive numbers (first,
    how many) when there are few — a store read from files grouped by series is one
    run — else every number."""
    if order:
        following = map(operator.add, order[:-1], itertools.repeat(1))
        starts, counts = _runs(order, map(operator.ne, order[1:], following))
        if len(starts) * 4 <= len(order):
            firsts = [order[i] for i in starts]
            return [True, _pack_ints(firsts, _UINT), _pack_ints(counts, _UINT)]
    return [False, _pack_ints(order, _UINT), ""]


def _decode_order(raw: Any, observations: list[Observation]) -> list[Observation]:
    """The observations in series order, each exactly once: runs must tile them (checked
    on the runs, not on each number), plain numbers must be a permutation."""
    if type(raw) is not list or len(raw) != 3 or type(raw[0]) is not bool:
        raise Doubt("not an order")
    n = len(observations)
    if not raw[0]:
        order = _packed(raw[1], _UINT)  # unsigned: no index from the end
        if raw[2] != "" or len(order) != n or len(set(order)) != n:
            raise Doubt("not an order of the observations")
        try:
            return list(map(observations.__getitem__, order))
        except IndexError as exc:
            raise Doubt("an order beyond the observations") from exc
    firsts, counts = _packed(raw[1], _UINT), _packed(raw[2], _UINT)
    if len(firsts) != len(counts) or len(firsts) * 4 > n:
        raise Doubt("runs that are not an order's")
    at = 0
    for first, count in sorted(zip(firsts, counts, strict=True)):
        if first != at or count < 1:
            raise Doubt("runs that do not tile the observations")
        at += count
    if at != n:
        raise Doubt("runs that do not tile the observations")
    if len(firsts) == 1:
        return observations  # the series in the observations' own order
    return list(
        itertools.chain.from_iterable(
            map(observations.__getitem__, map(slice, firsts, map(operator.add, firsts, counts)))
        )
    )


def _encode_values(values: list[Decimal | None]) -> tuple[Column, str]:
    """The value column as numbers into a table of its distinct texts, and that table:
    str() of each (an exact round trip; distinct by text, as 9800 and 9800.0 are equal
    Decimals), each after a separator — no figures give "", one figure ";9800".
    A store repeats its figures (the bench's million rows hold 44,000 distinct ones),
    so reading makes one Decimal for each distinct text, not one a row, and checks the
    few texts rather than every row's."""
    table = _Strings()
    texts = (
        list(map(str, values))
        if _NONE not in set(map(type, values))  # not `None in`: Decimal == None is slow
        else [None if v is None else str(v) for v in values]
    )
    column = _encode(texts, table.column)
    joined = _SEP + _SEP.join(table.texts) if table.texts else ""
    _value_parts(joined)  # what would not be read back is not written
    return column, joined


def _value_parts(raw: Any) -> list[str]:
    """The texts of a value table, each plain digits (a dot, a minus, rarely an exponent)
    of bounded length: Decimal() makes a finite number of each, or refuses it."""
    if type(raw) is not str or (raw and raw[0] != _SEP):
        raise Doubt("not a value table")
    if _NUMBER_CHARS.search(raw):
        raise Doubt("characters that are not in a plain number")
    parts = raw.split(_SEP)[1:]  # the text starts with a separator: none for no figures
    if parts and max(map(len, parts)) > _MAX_NUMBER:
        raise Doubt("values of another length")
    for part in parts:
        if not part or "E" in part:  # rare (str() of 0.0000001 is 1E-7): checked exactly
            _check_number(part)
    return parts


def _decode_values(raw: Any, table: Any, n: int, optional: bool) -> list[Decimal | None]:
    """The value column of ``n`` rows, from its table of distinct texts."""
    parts = _value_parts(table)
    made = list(map(Decimal, parts))
    if list(map(str, made)) != parts:  # "+5200." and ".5" are numbers, but never written
        raise Doubt("figures not as str() writes them")
    # The reader's bound (too_large): checked on the nonzero figure of the largest
    # exponent, which is too large exactly when any figure is.
    if too_large(max(filter(None, made), key=Decimal.adjusted, default=Decimal(0))):
        raise Doubt("a figure the reader refuses as too large")
    figures: dict[int, Decimal | None] = dict(enumerate(made))
    if optional:
        figures[-1] = None  # a row without a figure
    return _decode(raw, n, figures.__getitem__)


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


def _pack(key: str, entry: Entry) -> bytes:
    files, observations, revisions, findings, series = entry
    s = _Strings()
    rows = list(observations)
    number = dict(zip(map(id, rows), itertools.count()))
    order: list[int] = []
    runs: list[list[Any]] = []  # (indicator, region, how many rows of ``order``)
    for (ind, region, measure), members in series.items():
        order.extend(map(number.__getitem__, map(id, members)))
        runs.append([ind, region, measure, len(members)])
    revised: list[list[Any]] = []
    for (ind, period, region, measure), olds in revisions.items():
        revised.append([ind, period, region, measure, len(rows), len(olds)])
        rows.extend(olds)
    if set(map(type, rows)) - {Observation}:
        raise Unsupported("rows that are not observations")

    columns: list[Any] = []
    value_texts = ""
    for name, kind, _ in _observation_kinds():
        values = list(map(operator.attrgetter(name), rows))
        if kind == "text":
            columns.append(_encode(values, s.column))
        elif kind == "period":
            columns.append(_encode(values, lambda ps: s.column([p.text for p in ps])))
        elif kind == "day":
            columns.append(_encode(values, lambda ds: s.column(_days(ds))))
        elif kind == "value":
            column, value_texts = _encode_values(values)
            columns.append(column)
        else:
            columns.append(_encode_lines(values))
    body = {
        "format": FORMAT,
        "key": key,
        "strings": s.texts,
        "values": value_texts,
        "rows": len(rows),
        "current": len(observations),
        "observation_fields": list(Observation._fields),
        "columns": columns,
        "revisions": revised,
        "order": _encode_order(order),
        "series": runs,
        "finding_fields": [f.name for f in _init_fields(Finding)],
        "findings": [_enc_fields(f) for f in findings],
        "file_fields": [f.name for f in _init_fields(FileRead)],
        "files": _encode_files(files, findings),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def _encode_files(files: list[FileRead], findings: list[Finding]) -> list[Any]:
    """Each file's fields, its findings given as where they stand among the store's (the
    store holds each file's findings, in order): (fields, first, how many), so that a
    finding is kept and checked once, not once for the store and again for its file."""
    at = {id(f): n for n, f in enumerate(findings)}
    encoded: list[Any] = []
    for read in files:
        own = read.findings
        start = at.get(id(own[0]), -1) if own else 0
        if start < 0 or any(a is not b for a, b in zip(own, findings[start:], strict=False)):
            raise Unsupported("a file's findings that are not the store's, in order")
        if len(findings) - start < len(own):
            raise Unsupported("a file's findings past the store's")
        encoded.append([_enc_fields(dataclasses.replace(read, findings=[])), start, len(own)])
    return encoded


def _decode_files(raw: Any, findings: list[Finding]) -> list[FileRead]:
    files: list[FileRead] = []
    for item in _list(raw):
        fields, start, count = _record(item, (list, int, int))
        if not 0 <= start <= start + count <= len(findings):
            raise Doubt("a file's findings out of bounds")
        read = _dec_fields(FileRead, fields)
        if read.findings:
            raise Doubt("a file's findings kept twice")
        read.findings = findings[start : start + count]
        files.append(read)
    return files


def _no_float(text: str) -> Any:
    raise Doubt("a float or a constant: never written")


def _unpack(key: str, text: str, *, max_rows: int) -> Entry:
    data = json.loads(text, parse_float=_no_float, parse_constant=_no_float)
    if type(data) is not dict or data.get("format") != FORMAT or data.get("key") != key:
        raise Doubt("another format or key")
    if (
        data.get("observation_fields") != list(Observation._fields)
        or data.get("finding_fields") != [f.name for f in _init_fields(Finding)]
        or data.get("file_fields") != [f.name for f in _init_fields(FileRead)]
    ):
        raise Doubt("written for other fields")
    n, current = data["rows"], data["current"]
    # No more rows than the data files could give (max_rows): the columns in runs cost
    # nothing a row, so the entry's own size would not bound what is built.
    if type(n) is not int or type(current) is not int or not 0 <= current <= n <= max_rows:
        raise Doubt("row counts out of bounds")
    strings = _strings(data["strings"])
    texts = dict(enumerate(strings))  # a text column's bound: a number not in it raises
    text_or_none = {**texts, -1: None}  # -1: None, in a column that may be empty
    raw_columns = data["columns"]
    kinds = _observation_kinds()
    if type(raw_columns) is not list or len(raw_columns) != len(kinds):
        raise Doubt("another number of columns")

    def period(number: int) -> Period:
        written = strings[number]
        found = parse_period(written)
        if found.text != written:
            raise Doubt("a period not as it is written")
        return found

    def day(number: int) -> date | None:
        return None if number < 0 else _day(strings[number])

    columns: list[list[Any]] = []
    for (_, kind, optional), raw in zip(kinds, raw_columns, strict=True):
        low = -1 if optional else 0
        if kind == "text":
            columns.append(_decode(raw, n, (text_or_none if optional else texts).__getitem__))
        elif kind == "period":
            columns.append(_decode(raw, n, period, allowed=range(len(strings))))
        elif kind == "day":
            columns.append(_decode(raw, n, day, allowed=range(low, len(strings))))
        elif kind == "value":
            columns.append(_decode_values(raw, data["values"], n, optional))
        else:
            columns.append(_decode_lines(raw, n))
    rows: list[Observation] = list(
        map(
            tuple.__new__,  # what Observation._make does, without a Python call per row
            itertools.repeat(Observation),
            zip(*columns, strict=True),
        )
    )

    revisions: Revisions = {}
    at = current
    for item in _list(data["revisions"]):
        ind, per, region, measure, start, count = _record(item, (str, str, str, str, int, int))
        revised_key = (ind, per, region, measure)
        if start != at or count < 1 or start + count > n or revised_key in revisions:
            raise Doubt("revisions out of bounds")
        revisions[revised_key] = rows[start : start + count]
        at += count
    if at != n:
        raise Doubt("rows that belong to nothing")

    observations = rows[:current]
    ordered = _decode_order(data["order"], observations)
    series: Series = {}
    at = 0
    for item in _list(data["series"]):
        ind, region, measure, count = _record(item, (str, str, str, int))
        # Reading files never makes an empty series or revision (a target reads a
        # series' newest figure): a count of at least one.
        if count < 1 or at + count > current or (ind, region, measure) in series:
            raise Doubt("series out of bounds")
        series[(ind, region, measure)] = ordered[at : at + count]
        at += count
    if at != current:
        raise Doubt("observations in no series")

    findings = [_dec_fields(Finding, f) for f in _list(data["findings"])]
    files = _decode_files(data["files"], findings)
    if any(f.rows < 0 or not 0 < (f.value_column or 1) <= _MAX_LINE for f in files):
        raise Doubt("a file's counts out of bounds")
    return Entry(files, observations, revisions, findings, series)


def _list(raw: Any) -> list[Any]:
    if type(raw) is not list:
        raise Doubt("not a list")
    return raw


def _record(raw: Any, kinds: tuple[type, ...]) -> list[Any]:
    if type(raw) is not list or tuple(map(type, raw)) != kinds:
        raise Doubt("not a record of the expected types")
    return raw
