"""Reading one data file (CSV or .xlsx) into observations, with a finding for everything wrong.

The entry points. The jobs live one a module, in the order a file goes through them:

- :mod:`~linyi_tracker.actuals.encoding` — the encoding, decided over the whole file;
- :mod:`~linyi_tracker.actuals.records` — CSV records and the line each starts on;
- :mod:`~linyi_tracker.actuals.workbook` — an .xlsx sheet's rows as the same records;
- :mod:`~linyi_tracker.actuals.headers` — the header row mapped to the columns;
- :mod:`~linyi_tracker.actuals.lookup` — ids and names resolved against the plan;
- :mod:`~linyi_tracker.actuals.cells` — the cell rules (indicator, period, region, value,
  unit, range) as plain functions;
- :mod:`~linyi_tracker.actuals.rows` — the row loop calling them, each rule once per
  distinct text.

Nothing stops at the first problem: each row that can be read becomes an
:class:`Observation`, each problem a :class:`~linyi_tracker.findings.Finding`.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from linyi_tracker.actuals.encoding import detect_encoding
from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.observation import FileRead, Observation
from linyi_tracker.actuals.records import Counting, Progress, has_long_line, records
from linyi_tracker.actuals.rows import Emit, EmitNumber, RowReader
from linyi_tracker.actuals.workbook import read_workbook
from linyi_tracker.findings import Finding, Severity

__all__ = [
    "XLSX_SUFFIXES",
    "FileRead",
    "Observation",
    "PlanLookup",
    "read_bytes",
    "read_path",
    "read_stream",
]

XLSX_SUFFIXES = (".xlsx", ".xlsm")


def read_path(
    path: Path,
    lookup: PlanLookup,
    *,
    today: date,
    shown: str | None = None,
    sheet: str | None = None,
    emit: Emit | None = None,
    progress: Progress | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    """Read a file from disk, streaming: memory does not grow with its rows. Raises only
    :class:`OSError`.

    With ``emit_number``, level figures that raise nothing and that a float holds exactly
    are handed to it as fields instead of to ``emit`` as an Observation (a million fewer
    objects to build)."""
    name = shown or str(path)
    container = _container(path)
    if path.suffix.lower() == ".xls" or container in _NOT_READ:
        form = "xls" if container is None else _NOT_READ[container]
        result = FileRead(name, None)
        result.findings.append(Finding("unreadable-workbook", Severity.ERROR, name, form=form))
        return result
    if path.suffix.lower() in XLSX_SUFFIXES:
        return read_workbook(
            path, name, lookup, today=today, sheet=sheet, emit=emit, emit_number=emit_number
        )
    with path.open("rb") as raw:
        return read_stream(
            raw, name, lookup, today=today, emit=emit, progress=progress, emit_number=emit_number
        )


# The first bytes of the containers a spreadsheet comes in. An OLE compound file holds an
# old .xls or a password-protected .xlsx (Excel encrypts the whole package into one);
# a zip holds an .xlsx, or an OpenDocument spreadsheet whose first member names its type.
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
_ZIP = b"PK\x03\x04"
_ODS = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
_NOT_READ = {"encrypted": "encrypted", "xls": "xls", "ods": "ods"}  # container → form


def _container(path: Path) -> str | None:
    """What the file's first bytes say it is, whatever its name: ``encrypted`` (an OLE
    file holding an EncryptedPackage), ``xls``, ``ods``, or None (text or an .xlsx, read by
    its suffix). A .csv that is really a workbook was an ``encoding-error``; a locked
    workbook was "not a zip file"."""
    with path.open("rb") as raw:
        head = raw.read(4096)
        if head.startswith(_OLE):
            # The stream names are UTF-16 in the file's directory; read at most 1 MB more.
            body = head + raw.read(1 << 20)
            return "encrypted" if "EncryptedPackage".encode("utf-16-le") in body else "xls"
    if head.startswith(_ZIP) and head[30:].startswith(_ODS):
        return "ods"
    return None


def read_bytes(
    raw: bytes,
    shown: str,
    lookup: PlanLookup,
    *,
    today: date,
    emit: Emit | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    """Read a CSV file's bytes against the plan (standard input, tests)."""
    return read_stream(
        io.BytesIO(raw), shown, lookup, today=today, emit=emit, emit_number=emit_number
    )


def read_stream(
    raw: BinaryIO,
    shown: str,
    lookup: PlanLookup,
    *,
    today: date,
    emit: Emit | None = None,
    progress: Progress | None = None,
    emit_number: EmitNumber | None = None,
) -> FileRead:
    """Read a CSV stream against the plan."""
    encoding, found = detect_encoding(raw, shown)
    result = FileRead(shown, encoding, findings=found)
    if encoding is None:
        return result
    size = raw.seek(0, io.SEEK_END)
    raw.seek(0)
    if size == 0 or not raw.read(4096).strip(b" \t\r\n\xef\xbb\xbf"):
        raw.seek(0)
        if size < 4096 or not raw.read().strip():
            result.findings.append(Finding("empty-file", Severity.ERROR, shown, 1))
            return result
    # Ctrl-Z (0x1A), the end-of-file mark old Windows and DOS tools write after the last
    # line: not part of the table (it was a note row, or glued to the last cell).
    raw.seek(size - 1)
    marked = raw.read(1) == b"\x1a"
    raw.seek(0)
    source: Any = raw
    if progress is not None or marked:
        source = io.BufferedReader(Counting(raw, size - 1 if marked else size, progress))
    guarded = has_long_line(raw)
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    try:
        RowReader(result, lookup, today, emit, emit_number=emit_number).run(records(text, guarded))
    finally:
        text.detach()
    return result
