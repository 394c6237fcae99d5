"""A data file's encoding, decided deterministically over the whole file.

A BOM means UTF-8; else the whole file must decode as strict UTF-8; else as strict
GB18030 (a superset of GBK and GB2312, Excel's Chinese default); else an
``encoding-error`` at the first byte that fits neither. Detectors (chardet,
charset-normalizer) guess wrong on short GBK files and never decide this.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from linyi_tracker.findings import Finding, Severity

_CHUNK = 1 << 20


def detect_encoding(stream: BinaryIO, shown: str) -> tuple[str | None, list[Finding]]:
    """The encoding to read ``stream`` with (None if none fits) and its findings, in one
    cheap pass. The stream is left at its start."""
    head = stream.read(3)
    stream.seek(0)
    bom = head == codecs.BOM_UTF8
    failure = _first_failure(stream, "utf-8")
    if failure is None:
        return ("utf-8-sig" if bom else "utf-8"), []
    if bom:
        return None, [_encoding_error(stream, failure, shown, "bom")]
    failure = _first_failure(stream, "gb18030")
    if failure is None:
        return "gb18030", [Finding("not-utf8", Severity.NOTICE, shown)]
    return None, [_encoding_error(stream, failure, shown, "")]


def _first_failure(stream: BinaryIO, encoding: str) -> int | None:
    """Byte offset of the first undecodable byte, or None if the whole stream decodes."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    stream.seek(0)
    try:
        while chunk := stream.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset - len(decoder.getstate()[0])
        return None
    finally:
        stream.seek(0)


def _encoding_error(stream: BinaryIO, offset: int, shown: str, form: str) -> Finding:
    """The finding at the line and column (in bytes) of the byte at ``offset``."""
    stream.seek(0)
    line, line_start, consumed = 1, 0, 0
    while consumed < offset:
        chunk = stream.read(min(_CHUNK, offset - consumed))
        if not chunk:
            break
        newlines = chunk.count(b"\n")
        if newlines:
            line += newlines
            line_start = consumed + chunk.rfind(b"\n") + 1
        consumed += len(chunk)
    stream.seek(offset)
    bad = stream.read(1)
    stream.seek(0)
    return Finding(
        "encoding-error",
        Severity.ERROR,
        shown,
        line,
        column_number=offset - line_start + 1,
        params={"byte": bad.hex() or "??", "offset": offset},
        form=form,
    )
