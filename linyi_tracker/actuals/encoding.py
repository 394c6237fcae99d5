"""A data file's encoding, decided deterministically over the whole file.

A BOM means UTF-8 (a UTF-16 BOM, Excel's "Unicode text", is an ``encoding-error``
saying so); else the whole file must decode as strict UTF-8; else as strict
GB18030 (a superset of GBK and GB2312, Excel's Chinese default); else an
``encoding-error`` at the first byte that fits neither. Detectors (chardet,
charset-normalizer) guess wrong on short GBK files and never decide this.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import BinaryIO

from linyi_tracker.findings import Finding, Severity

_CHUNK = 1 << 20


def detect_encoding(stream: BinaryIO, shown: str) -> tuple[str | None, list[Finding]]:
    """The encoding to read ``stream`` with (None if none fits) and its findings, in one
    cheap pass. The stream is left at its start."""
    head = stream.read(3)
    stream.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        return None, [Finding("encoding-error", Severity.ERROR, shown, 1, form="utf16")]
    bom = head == codecs.BOM_UTF8
    failure = _first_failure(stream, "utf-8")
    if failure is None:
        return ("utf-8-sig" if bom else "utf-8"), []
    if bom:
        return None, [_encoding_error(stream, failure, shown, "bom")]
    failure = _first_failure(stream, "gb18030")
    if failure is None:
        mixed = _utf8_inside(stream, shown)
        if mixed is not None:
            return None, [mixed]
        return "gb18030", [Finding("not-utf8", Severity.NOTICE, shown)]
    return None, [_encoding_error(stream, failure, shown, "")]


# A run of text outside ASCII: UTF-8 text pasted into a GB18030 file decodes, as GB18030,
# into such a run of other characters ('临沂' → '涓存矀').
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _utf8_inside(stream: BinaryIO, shown: str) -> Finding | None:
    """An ``encoding-error`` at the first run of a GB18030 file that is UTF-8 text read
    as GB18030: its bytes decode as UTF-8 to Chinese. Such a file mixes two encodings
    (a cell pasted from a UTF-8 file); every reading of it stores one part as mojibake
    (涓存矀 for 临沂), so it is refused, naming the line and column, rather than read.
    GB18030 text that is also valid UTF-8 holding a CJK ideograph is rare enough (it needs
    every byte of the run to fall into UTF-8's three-byte pattern) to take the risk."""
    decoder = codecs.getincrementaldecoder("gb18030")("strict")
    line, pending = 1, ""
    stream.seek(0)
    try:
        while True:
            chunk = stream.read(_CHUNK)
            text = pending + decoder.decode(chunk, final=not chunk)
            lines = text.split("\n")
            pending = lines.pop() if chunk else ""
            for number, row in enumerate(lines, start=line):
                found = _mojibake(row)
                if found is not None:
                    column, bad, meant = found
                    params = {"text": bad, "meant": meant}
                    return Finding(
                        "encoding-error",
                        Severity.ERROR,
                        shown,
                        number,
                        column_number=column,
                        params=params,
                        form="mixed",
                    )
            line += len(lines)
            if not chunk:
                return None
    finally:
        stream.seek(0)


def _mojibake(row: str) -> tuple[int, str, str] | None:
    """(column, the text as read, the UTF-8 text it was) of the first run of ``row`` that
    is UTF-8 Chinese read as GB18030, or None: a whole run of non-ASCII text that is valid
    UTF-8 holding a CJK ideograph, or, inside a run of genuine GB18030 ('兰山' then a
    pasted '临沂市'), three or more ideographs of UTF-8 starting at a character boundary."""
    for m in _NON_ASCII.finditer(row):
        found = _run_mojibake(m.group())
        if found is not None:
            start, shown, meant = found
            return m.start() + start + 1, shown, meant
    return None


@functools.lru_cache(maxsize=4096)
def _run_mojibake(run: str) -> tuple[int, str, str] | None:
    """(index in ``run``, the text as read, the UTF-8 text it was) of UTF-8 Chinese read
    as GB18030 in one run of non-ASCII text, or None. A pure function of the run, kept for
    the runs seen last: a county's file repeats its names (临沂市, 兰山区, 万人) on every
    line, and checking each distinct run once instead of on every line took the encoding
    check of a 200k-row county store from 1.0 s to 0.1 s, deciding exactly as before."""
    try:
        meant = run.encode("gb18030").decode("utf-8")
    except UnicodeError:
        return _utf8_within(run)
    if _chinese(meant, common=False):
        return 0, run, meant
    return None


def _utf8_within(run: str) -> tuple[int, str, str] | None:
    """(index, text as read, UTF-8 text) of UTF-8 Chinese inside ``run``, or None."""
    for i, ch in enumerate(run):
        first = ch.encode("gb18030")
        if len(first) != 2 or not (0xE4 <= first[0] <= 0xE9 and 0x80 <= first[1] <= 0xBF):
            continue  # UTF-8 Chinese read as GB18030 starts with such a character
        raw = run[i : i + 64].encode("gb18030")  # a bounded window: linear in the run
        try:
            meant = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            meant = raw[: exc.start].decode("utf-8")
        end = 0  # the pasted text ends where its common Chinese ends
        while end < len(meant) and _chinese(meant[end], common=True):
            end += 1
        meant = meant[:end]
        if len(meant) >= 3:
            length = len(meant.encode("utf-8"))
            shown, used = "", 0
            for c in run[i : i + 64]:  # the characters as read that hold those bytes
                if used >= length:
                    break
                shown += c
                used += len(c.encode("gb18030"))
            return i, shown, meant
    return None


def _chinese(text: str, *, common: bool) -> bool:
    """Chinese text: ideographs and CJK punctuation only — with ``common``, only those of
    GB2312 (what a random pairing of GB18030 bytes rarely yields)."""
    for ch in text:
        if not (
            "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e"
        ):
            return False
        if common:
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                return False
    return bool(text)


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
