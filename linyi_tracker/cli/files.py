"""Writing an output file (``-o FILE``) safely: beside the target, then renamed into place.

- A symlink is written through: the file it names is replaced (atomically, beside it)
  and the link stays a link. Replacing the link with a regular file would silently cut
  whatever the link was for (a report published from a shared folder); following it
  writes nothing the user could not write anyway, since the user named the path.
- An existing file keeps its permissions (a 0600 file stays 0600); a new one follows
  the umask.
- What cannot be replaced — a device (``/dev/stdout``, ``/dev/full``), a named pipe —
  is written to directly, never replaced by a regular file.
- Any operating-system error (a read-only folder, a full disk, a name too long) is a
  one-line :class:`OutputError` (exit 2), and no temporary is left behind.
- ``-o -`` and ``-o /dev/stdout`` (or any name of the file standard output already
  is) write to standard output, as without ``-o``: opening /dev/stdout again fails
  when it is a pipe, and on a terminal the content is shown inert
  (:func:`linyi_tracker.cli.output.print_bytes`).
- A target the command reads is refused before anything is written
  (:func:`refuse_own_inputs`): the plan, a data file or a release would be lost.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import TypeVar

from linyi_tracker.i18n import Text, TextError, TextNotFoundError, TextUsageError, os_reason


class OutputError(TextError):
    """The output file cannot be written (message: which file and why, in zh and en)."""


PATH_OPTIONS = ("--data", "--plan", "-o", "--output")


def refuse_empty_paths(args: list[str]) -> None:
    """An empty path option (``--data ''``, ``--plan=``) is refused: as a path it is
    the current folder, which would be read silently instead of what was meant."""
    for i, arg in enumerate(args):
        name, equals, value = arg.partition("=")
        if equals and name in PATH_OPTIONS and not value.strip():
            empty = name
        elif arg in PATH_OPTIONS and i + 1 < len(args) and not args[i + 1].strip():
            empty = arg
        else:
            continue
        raise TextUsageError(Text("option.empty_path", {"option": empty}))


STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def is_stdout(target: Path) -> bool:
    """Whether ``-o target`` names standard output: ``-``, /dev/stdout, or the very file
    standard output is already writing to."""
    if str(target) in STDOUT_NAMES:
        return True
    try:
        return os.path.samestat(os.stat(target), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no such file; a test's stream
        return False


def _same(a: Path, b: Path) -> bool:
    """One file under two names (a link, ``./``, ``..``), or one path if neither exists."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_own_inputs(
    target: Path | None,
    *,
    plan: Path | None = None,
    inputs: Iterable[Path] = (),
    data: Path | None = None,
) -> None:
    """``-o target`` must not be what the command reads: the plan file, an input file
    (a release), or any path inside the data folder (where a new file would be read as
    data next time). Refused with :class:`OutputError` (exit 2), before any writing."""
    if target is None or is_stdout(target):
        return
    if plan is not None and _same(target, plan):
        raise OutputError(Text("output.is_plan", {"path": target}))
    for source in inputs:
        if _same(target, source):
            raise OutputError(Text("output.is_input", {"path": target}))
    if data is not None and _inside(target, data):
        from linyi_tracker.cli.context import shown_path

        raise OutputError(Text("output.in_data", {"path": target, "folder": shown_path(data)}))


_F = TypeVar("_F", bound=Enum)


def format_for(
    output: Path | None,
    chosen: _F | None,
    suffixes: Mapping[str, _F],
    default: _F,
    unknown: str,
) -> _F:
    """The format a command writes: ``--format`` if given, else what ``-o``'s suffix says
    (``suffixes``; ``""`` for a file with none), else ``default`` (no ``-o``, or standard
    output). A suffix the command does not know, with no ``--format``, is the ``unknown``
    usage error; a ``--format`` that another known suffix contradicts (``-o r.xlsx
    --format md``: a Markdown file Excel would refuse) is refused too — a file with no
    suffix or ``.txt`` takes any format."""
    suffix = None if output is None or is_stdout(output) else output.suffix.lower()
    implied = None if suffix is None else suffixes.get(suffix)
    if chosen is None:
        if suffix is None:
            return default
        if implied is None:
            raise TextUsageError(Text(unknown, {"name": output}))
        return implied
    if suffix not in (None, "", ".txt") and implied not in (None, chosen):
        raise TextUsageError(
            Text("output.format_mismatch", {"name": output, "format": chosen.value})
        )
    return chosen


def _inside(target: Path, folder: Path) -> bool:
    try:
        real_folder = os.path.realpath(folder)
        real = os.path.realpath(target)
    except (OSError, ValueError):
        return False
    return os.path.commonpath([real, real_folder]) == real_folder


def write_via_temp(target: Path, write: Callable[[Path], object]) -> None:
    """Never a half-written file under the target's name; see the module's rules."""
    try:
        if is_stdout(target):
            _write_stdout(target, write)
            return
        _write(target, write)
    except OSError as exc:
        reason = os_reason(exc)
        raise OutputError(Text("output.cannot_write", {"path": target, "reason": reason})) from None


def _write(target: Path, write: Callable[[Path], object]) -> None:
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        # through the link itself: /dev/stderr's target (/proc/…/fd/pipe:[…]) has no name
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(Text("output.is_folder", {"path": target}))
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_into(target, write)
        return
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.is_dir():
        raise TextNotFoundError(Text("output.folder_missing", {"path": folder}))
    fd, name = tempfile.mkstemp(prefix=".tmp-", suffix=real.suffix, dir=folder)
    tmp = Path(name)
    try:
        if existing is not None:
            mode = stat.S_IMODE(existing.st_mode) & 0o777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        os.close(fd)
        write(tmp)
        os.replace(tmp, real)
    finally:
        tmp.unlink(missing_ok=True)


def _made(suffix: str, write: Callable[[Path], object]) -> bytes:
    """The output made in a private temporary file (writers need a path), as bytes."""
    fd, name = tempfile.mkstemp(prefix="linyi-tracker-", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        return tmp.read_bytes()
    finally:
        tmp.unlink(missing_ok=True)


def _write_stdout(target: Path, write: Callable[[Path], object]) -> None:
    """The output printed as the command would print it."""
    from linyi_tracker.cli.output import print_bytes

    print_bytes(_made(target.suffix, write))


def _write_into(device: Path, write: Callable[[Path], object]) -> None:
    """A device or pipe: the output made, then copied into it."""
    payload = _made(device.suffix, write)
    with device.open("wb") as sink:
        sink.write(payload)
