"""The process's standard streams, set up before anything is parsed or printed.

Apart from cli/output.py (the consoles) so that ``--help`` and usage errors, which
print no table, do not import rich's console to get it: 20 ms of the start-up.
"""

from __future__ import annotations

import contextlib
import sys


def tolerant_streams() -> None:
    """Standard output and error replace what their encoding cannot write (``↳`` on a
    GBK stream, a surrogate-escaped file name) instead of raising UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", "strict") == "replace":
            continue
        with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
            reconfigure(errors="replace")
