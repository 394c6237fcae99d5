"""Where output goes: results to stdout, messages to stderr; colour only on a terminal.

What the user's files hold reaches the terminal only as text (issue 13.14, 13.11):

- the consoles read no markup and no emoji codes (``[red]``, ``:x:`` are printed as
  written); a renderer that wants styles builds :class:`rich.text.Text` with a style;
- every character of the output that the terminal would act on (ESC, BEL, CR, the
  other C0/C1 controls, bidirectional overrides) is shown as an escape (``\\x1b``)
  by :func:`safe_text`, applied by the console to everything it writes except rich's
  own styles — so no renderer can forget it. Renderers may call :func:`safe_text` on
  user text themselves so that tables measure the escaped width;
- a stream that cannot encode a character (``PYTHONIOENCODING=gbk``, a Chinese
  Windows console redirected to a file) writes a replacement instead of failing
  (:func:`linyi_tracker.cli.streams.tolerant_streams`, called once by the application).
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from linyi_tracker.findings import Finding, Severity
from linyi_tracker.formatting import without_surrogates
from linyi_tracker.i18n import Lang, Text, t

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}


MIN_WIDTH = 80  # below this (COLUMNS=0, COLUMNS=20) tables drop columns or print nothing


# C0 controls but newline, DEL, C1 controls, and the bidirectional embeddings, overrides
# and isolates (text that reorders what follows it on screen); lone surrogates (bytes of
# a file name that are not UTF-8, escaped by Python) cannot be written at all.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile(f"{_UNSAFE.pattern}|\n")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str, *, one_line: bool = False) -> str:
    """``text`` as the terminal should show it: control characters visible as escapes
    (ESC as ``\\x1b``), a file name's bytes that are not UTF-8 decoded from GBK (else
    U+FFFD); ``one_line`` escapes newlines too."""
    pattern = _UNSAFE_LINE if one_line else _UNSAFE
    if pattern.search(text) is not None:
        text = pattern.sub(_escape, text)
    return without_surrogates(text)  # the one rule for names that are not UTF-8


def echo_json(data: Any) -> None:
    """``data`` as the one JSON writer makes it (:mod:`linyi_tracker.jsontext`), written to
    standard output in parts as it is made, then a newline: a large report's text is never
    held whole."""
    import typer

    from linyi_tracker.jsontext import write

    write(data, lambda text: typer.echo(text, nl=False))
    typer.echo()


def print_bytes(payload: bytes) -> None:
    """A file's content on standard output: its bytes as they are to a pipe or a file; on
    a terminal as text, every character the terminal would act on shown as an escape."""
    if sys.stdout.isatty():
        sys.stdout.write(safe_text(payload.decode("utf-8", errors="replace")))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()


def _safe_segment(segment: Segment) -> Segment:
    """The segment with its text made safe; the same segment when nothing changes."""
    if segment.control:
        return segment
    text = safe_text(segment.text)
    return segment if text is segment.text else Segment(text, segment.style)


class SafeConsole(Console):
    """A console that writes every character of its content as visible text (see the module)."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(map(_safe_segment, buffer))

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head``): rich would exit 1, which means "the data has
        errors" here; the application ends quietly with its own code (cli/app.py)."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _console(**options: Any) -> Console:
    # rich honours NO_COLOR and turns colour off when the stream is not a terminal.
    return _at_least(SafeConsole(highlight=False, markup=False, emoji=False, **options))


def stdout() -> Console:
    return _console(soft_wrap=False)


def stderr() -> Console:
    return _console(stderr=True)


def _at_least(console: Console) -> Console:
    """The console at least MIN_WIDTH wide, whatever COLUMNS or the terminal says: a
    narrower table loses its indicator and status columns, a width of 0 prints nothing.
    (rich ignores a COLUMNS that is not a number and measures the terminal.)"""
    if console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    return console


def finding_line(f: Finding, lang: Lang = "en") -> str:
    """Compiler style: ``file:line:col: severity code message — hint``; the code stays as is,
    the words are the catalogue's in ``lang``."""
    from linyi_tracker.validation.catalogue import render, severity_word

    message, hint = render(f, lang, plain=True)  # a terminal line: no Markdown marks
    tail = f" — {hint}" if hint else ""
    column = f" [{f.column}]" if f.column and f.line is not None else ""
    line = f"{f.location()}: {severity_word(f.severity, lang)} {f.code}{column}: {message}{tail}"
    return safe_text(line, one_line=True)  # a cell's newline or ESC cannot break the line


def print_findings(
    console: Console,
    findings: list[Finding],
    limit: int | None = None,
    lang: Lang = "en",
    rest: str = "findings.rest.validate",
) -> None:
    """``findings`` one a line, the first ``limit``; past it, how many more and the
    command that lists them all (``rest``: the key of its words)."""
    shown = findings if limit is None else findings[:limit]
    for f in shown:
        # soft_wrap: one finding, one line, whatever the width (editors and grep rely on it)
        console.print(
            finding_line(f, lang),
            style=_STYLE[f.severity],
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if limit is not None and len(findings) > limit:
        more = len(findings) - limit
        how = Text(rest).render(lang, plain=True)  # the command as typed, no code marks
        console.print(t("findings.truncated", lang, more=more, how=how), markup=False)


def summary(findings: list[Finding], lang: Lang = "en") -> str:
    """``Found 3 errors, 1 warning and 2 notices in 2 files.`` /
    ``2个文件中发现3个错误、1个警告、2个提示。``: :func:`found` for plan check."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    notices = sum(1 for f in findings if f.severity is Severity.NOTICE)
    files = len({f.file for f in findings if f.file})
    return found(lang, errors, warnings, notices, files)


def found(
    lang: Lang, errors: int, warnings: int, notices: int, files: int, rows: int | None = None
) -> str:
    """The one sentence summing findings up, for validate and plan check alike: notices
    named when there are any, rows when files were read row by row."""
    key = "validate.found_notices" if notices else "validate.found"
    where = Text("validate.found_rows", {"n": rows}) if rows is not None else ""
    return t(key, lang, errors=errors, warnings=warnings, notices=notices, files=files, rows=where)
