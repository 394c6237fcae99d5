"""Where output goes: results to stdout, messages to stderr; colour only on a terminal."""

from __future__ import annotations

from rich.console import Console

from linyi_tracker.findings import Finding, Severity, plural
from linyi_tracker.i18n import Lang

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}


MIN_WIDTH = 80  # below this (COLUMNS=0, COLUMNS=20) tables drop columns or print nothing


def stdout() -> Console:
    # rich honours NO_COLOR and turns colour off when stdout is not a terminal.
    return _at_least(Console(highlight=False, soft_wrap=False))


def stderr() -> Console:
    return _at_least(Console(stderr=True, highlight=False))


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

    message, hint = render(f, lang)
    tail = f" — {hint}" if hint else ""
    column = f" [{f.column}]" if f.column and f.line is not None else ""
    return f"{f.location()}: {severity_word(f.severity, lang)} {f.code}{column}: {message}{tail}"


def print_findings(
    console: Console, findings: list[Finding], limit: int | None = None, lang: Lang = "en"
) -> None:
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
        console.print(
            f"……另有{more}条（列表已截断）"
            if lang == "zh"
            else f"… and {more} more (listing truncated)",
            markup=False,
        )


def summary(findings: list[Finding], lang: Lang = "en") -> str:
    """``Found 3 errors, 1 warning and 0 notices in 2 files.`` /
    ``发现 3 个错误、1 个警告，涉及 2 个文件。`` (notices named in Chinese only when there are any)."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    notices = sum(1 for f in findings if f.severity is Severity.NOTICE)
    files = len({f.file for f in findings if f.file})
    if lang == "zh":
        counts = f"{errors} 个错误、{warnings} 个警告" + (f"、{notices} 个提示" if notices else "")
        return f"发现 {counts}，涉及 {files} 个文件。"
    parts = [plural(errors, "error"), plural(warnings, "warning"), plural(notices, "notice")]
    return f"Found {', '.join(parts[:-1])} and {parts[-1]} in {plural(files, 'file')}."
