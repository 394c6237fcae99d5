"""CSV records with the physical line each starts on, and a byte counter for progress.

Python's ``csv`` reports the line where a record *ends*; a finding must name the line
where it starts (a quoted note may span lines), so the start is tracked here.
"""

from __future__ import annotations

import csv
import errno
import io
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO

Row = tuple[int, list[str] | str]  # (line where the record starts, cells or a CSV error)
Progress = Callable[[int, int], None]

# The longest line and field read, in characters. Python's csv stops at 128 KiB a field
# ("field larger than field limit"), which a long note reaches, and was reported as a
# quoting error; past this limit a record is a too-long error (an unclosed quote makes
# the rest of the file one field), and a line is never held whole (a 1 GB line took
# 2.1 GB). The limit is the csv module's, process-wide: every reader here wants it.
MAX_LINE = 16 * 1024 * 1024
csv.field_size_limit(MAX_LINE)
_CHUNK = 1 << 20


class TooLong(str):
    """The error of a record longer than :data:`MAX_LINE` characters (the text of a Row
    that is an error, with its own message form)."""


def has_long_line(raw: BinaryIO, limit: int = MAX_LINE) -> bool:
    """Whether ``raw`` may hold a line of more than ``limit`` bytes — True for every line
    over ``limit`` + 1 MiB, in one pass of two ``find`` calls a megabyte (so that the
    common file is read by csv straight from the text stream). The stream is left at its
    start."""
    run = 0
    raw.seek(0)
    try:
        while chunk := raw.read(_CHUNK):
            first = chunk.find(b"\n")
            if first < 0:
                run += len(chunk)
            else:
                if run + first > limit:
                    return True
                run = len(chunk) - chunk.rfind(b"\n") - 1
            if run > limit:
                return True
        return False
    finally:
        raw.seek(0)


class _Lines:
    """The lines of a text stream for csv, none longer than ``limit``: the rest of a
    longer one is read and dropped in pieces, and :class:`_LineTooLong` raised in its
    place (the csv reader passes it on and starts afresh at the next call)."""

    def __init__(self, stream: TextIO, limit: int) -> None:
        self.readline, self.limit, self.count = stream.readline, limit, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.readline(self.limit)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) >= self.limit and not line.endswith("\n"):
            while (rest := self.readline(self.limit)) and not rest.endswith("\n"):
                pass
            raise _LineTooLong
        return line


class _LineTooLong(Exception):
    """A line past the limit, dropped."""


class FileChangedError(OSError):
    """The file's bytes stopped decoding in the encoding the whole file was checked in:
    it was changed while being read. An OSError, so that every reader of files treats it
    as it treats a file that cannot be read (an ``unreadable-file`` finding in the store,
    a message naming the file in ``validate``)."""

    def __init__(self, line: int) -> None:
        super().__init__(
            errno.EIO, f"the file changed while it was read (at line {line}); run again"
        )
        self.line = line


def records(stream: TextIO | str, guarded: bool = False) -> Iterator[Row]:
    """(physical line where the record starts, cells) for each CSV record.

    Quoting is strict: a stray quote or a quote left open until the end of the file is
    reported as an error string at the record's first line, and reading goes on.
    A decoding error can only mean the file changed after its encoding was decided over
    all of it (actuals/encoding.py): :class:`FileChangedError`.
    """
    text = io.StringIO(stream, newline="") if isinstance(stream, str) else stream
    if guarded:
        yield from _guarded_records(_Lines(text, MAX_LINE))
        return
    reader = csv.reader(text, strict=True)
    previous_end = 0
    while True:
        try:
            for cells in reader:  # the csv module's own loop; a syntax error breaks out of it
                yield previous_end + 1, cells
                previous_end = reader.line_num
            return
        except csv.Error as exc:
            yield previous_end + 1, _csv_error(exc)
            previous_end = reader.line_num
        except UnicodeDecodeError:
            raise FileChangedError(previous_end + 1) from None


def _guarded_records(lines: _Lines) -> Iterator[Row]:
    """:func:`records` over lines of bounded length (a file with a line past the limit):
    the line numbers are counted by ``lines``, which also counts the lines it drops."""
    reader = csv.reader(lines, strict=True)
    previous_end = 0
    while True:
        try:
            for cells in reader:
                yield previous_end + 1, cells
                previous_end = lines.count
            return
        except csv.Error as exc:
            yield previous_end + 1, _csv_error(exc)
        except _LineTooLong:
            yield previous_end + 1, TooLong("")
        except UnicodeDecodeError:
            raise FileChangedError(previous_end + 1) from None
        previous_end = lines.count


def _csv_error(exc: csv.Error) -> str:
    """The csv module's message, or :class:`TooLong` for its field limit."""
    text = str(exc)
    return TooLong(text) if text.startswith("field larger than field limit") else text


class Counting(io.RawIOBase):
    """The first ``total`` bytes of a binary stream (a file without its end-of-file
    mark), reporting how many have been read to ``progress`` (a progress bar) if given."""

    def __init__(self, inner: BinaryIO, total: int, progress: Progress | None) -> None:
        self.inner, self.total, self.progress, self.done = inner, total, progress, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(min(len(buffer), self.total - self.done))
        buffer[: len(data)] = data
        self.done += len(data)
        if self.progress is not None:
            self.progress(self.done, self.total)
        return len(data)
