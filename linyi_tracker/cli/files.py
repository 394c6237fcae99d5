"""Writing an output file safely: beside the target, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from linyi_tracker.errors import InputNotFoundError


def write_via_temp(target: Path, write: Callable[[Path], object]) -> None:
    """Never a half-written file under the target's name; permissions follow the umask."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputNotFoundError(f"folder not found: {folder}")
    fd, name = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=folder)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
