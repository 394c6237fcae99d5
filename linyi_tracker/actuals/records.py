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


def records(stream: TextIO | str) -> Iterator[Row]:
    """(physical line where the record starts, cells) for each CSV record.

    Quoting is strict: a stray quote or a quote left open until the end of the file is
    reported as an error string at the record's first line, and reading goes on.
    A decoding error can only mean the file changed after its encoding was decided over
    all of it (actuals/encoding.py): :class:`FileChangedError`.
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
        except UnicodeDecodeError:
            raise FileChangedError(previous_end + 1) from None


class Counting(io.RawIOBase):
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
