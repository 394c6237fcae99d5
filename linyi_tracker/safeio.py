"""Opening an input that must be a regular file, without blocking on what is not one.

``plan check /dev/zero`` read for ever and a named pipe (FIFO) blocked the open itself.
The file is opened non-blocking (a FIFO's open then returns at once), its type taken
from the open descriptor (no race between a check and the open), and anything but a
regular file is refused with a message naming it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from linyi_tracker.i18n import Text, TextError


class NotRegularFileError(TextError):
    """The path names a pipe, a device or a socket, not a file (exit 2)."""


def kind_of(mode: int) -> Text:
    """What a non-regular file is, in words: a named pipe, a device, a socket."""
    if stat.S_ISFIFO(mode):
        return Text("file.kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Text("file.kind_device")
    if stat.S_ISSOCK(mode):
        return Text("file.kind_socket")
    return Text("file.kind_other")


def refuse_not_regular(shown: str, mode: int) -> NotRegularFileError:
    """The error for ``shown``, which is not a regular file (its ``st_mode`` given),
    said in the reader's language when it is shown."""
    return NotRegularFileError(Text("file.not_regular", {"path": shown, "kind": kind_of(mode)}))


def read_regular(path: Path, shown: str | None = None) -> bytes:
    """The bytes of the regular file ``path``.

    Raises :class:`NotRegularFileError` for a pipe, device or socket, and ``OSError``
    (FileNotFoundError, IsADirectoryError, ...) as ``Path.read_bytes`` would.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise refuse_not_regular(shown or str(path), mode)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
