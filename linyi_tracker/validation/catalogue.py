"""Rendering findings into sentences. The table of every finding — code, severity, group,
title, message forms and hints, in Chinese and English side by side — is
:mod:`linyi_tracker.texts.findings` (re-exported here), which says what a finding is and
what the tests check; this module renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from linyi_tracker.findings import Finding, Named, Param, Severity
from linyi_tracker.formatting import shown_path
from linyi_tracker.texts.findings import (  # the table, by code
    CATALOGUE,
    COLUMN_WORDS,
    DATA_GROUPS,
    GROUP_TITLES,
    LINES,
    SEVERITY_WORDS,
    UNKNOWN_MESSAGE,
    Entry,
)
from linyi_tracker.texts.text import Lang, Text, fill_finding, said_in, unmarked

__all__ = [
    "CATALOGUE",
    "COLUMN_WORDS",
    "DATA_GROUPS",
    "GROUP_TITLES",
    "SEVERITY_WORDS",
    "Entry",
    "finding_dict",
    "finding_dicts",
    "hint_text",
    "message_text",
    "render",
    "severity_word",
]

# ------------------------------------------------------------ rendering

# The parameters that hold a file name (another row a finding points at): in a message
# they are shown as the line prefix shows the finding's own file (formatting.shown_path:
# a GBK name from a Windows archive decoded, never Python's \udcXX escapes). JSON
# ``params`` keep the name as it is, like JSON ``file``.
FILE_PARAMS = frozenset({"other_file"})


def _filled(text: Text, params: Mapping[str, Param], lang: Lang, plain: bool = False) -> str:
    """A finding's sentence in ``lang``: the template filled (see
    :func:`~linyi_tracker.texts.text.fill_finding`) from the Text's own parameters and the
    finding's, each said in ``lang`` (:func:`~linyi_tracker.texts.text.said_in`); a column
    the finding has no header for as the template's name of it."""
    shown: dict[str, object] = {
        f"{column}_column": word(lang) for column, word in COLUMN_WORDS.items()
    }
    for key, value in {**text.params, **params}.items():
        shown[key] = (
            shown_path(value)
            if key in FILE_PARAMS and isinstance(value, str)
            else said_in(value, lang)
        )
    lines = params.get("lines")
    if isinstance(lines, list):
        count = params.get("count")
        shown["lines"] = lines_said(lines, count if isinstance(count, int) else len(lines), lang)
    return fill_finding(unmarked(text(lang)) if plain else text(lang), shown)


def lines_said(lines: list[int], count: int, lang: Lang) -> str:
    """The first lines of ``count`` rows as ``lang`` says them, leading to the first row's
    reading: 第2行： / line 2: for one row; 第2、3行；首个： / lines 2, 3; the first: for
    several; with …… / … when there are more rows than lines named."""
    form = "more" if count > len(lines) else "one" if len(lines) == 1 else "all"
    listed = LINES["separator"](lang).join(str(n) for n in lines)
    return fill_finding(LINES[form](lang), {"lines": listed})


def message_text(finding: Finding) -> Text:
    """The message template of a finding, in both languages."""
    entry = CATALOGUE.get(finding.code)
    if entry is None or finding.form not in entry.messages:
        return Text(UNKNOWN_MESSAGE.key, {"code": finding.code})
    return entry.messages[finding.form]


def hint_text(finding: Finding) -> Text | None:
    """The hint template: the one named, else the message form's own, else the usual one."""
    entry = CATALOGUE.get(finding.code)
    if entry is None:
        return None
    hints = entry.hints
    return hints.get(finding.hint_form or finding.form) or hints.get("")


def render(finding: Finding, lang: Lang, *, plain: bool = False) -> tuple[str, str | None]:
    """(message, hint) of a finding in ``lang``; the hint is None where there is none.
    ``plain`` for output that is not Markdown (a terminal line): no code marks."""
    message = _filled(message_text(finding), finding.params, lang, plain)
    hint = hint_text(finding)
    return message, (_filled(hint, finding.params, lang, plain) if hint is not None else None)


def severity_word(severity: Severity, lang: Lang) -> str:
    return SEVERITY_WORDS[severity](lang)


def finding_dicts(findings: list[Finding], lang: Lang = "en") -> list[dict[str, object]]:
    """:func:`finding_dict` of each finding, each distinct sentence rendered once: a
    clerk's file of a million rows with '-' for "no figure" gives 50,000 findings that
    say the same thing at different lines."""
    said: dict[object, tuple[str, str | None]] = {}
    out = []
    for finding in findings:
        key = _sentence_key(finding)
        if key is None:
            out.append(finding_dict(finding, lang))
            continue
        sentence = said.get(key)
        if sentence is None:
            sentence = said[key] = render(finding, lang)
        out.append(finding_dict(finding, lang, sentence))
    return out


def _sentence_key(finding: Finding) -> object:
    """What a finding's message and hint depend on — the code, the forms and each
    parameter as it is said (its type and text: 1.0 and 1.00 are equal Decimals but not
    the same words; a Named's names too) — or None where a parameter is a list of lines."""
    said: list[object] = [finding.code, finding.form, finding.hint_form]
    for name, value in finding.params.items():
        if isinstance(value, list):
            return None
        names = (value.zh, value.en) if isinstance(value, Named) else None
        said.append((name, type(value), str(value), names))
    return tuple(said)


def finding_dict(
    finding: Finding, lang: Lang = "en", sentence: tuple[str, str | None] | None = None
) -> dict[str, object]:
    """A finding as JSON data: position, code, severity, message and hint in ``lang``
    (``sentence``, when it has been rendered already), and the parameters (exact decimals
    as text)."""
    message, hint = sentence if sentence is not None else render(finding, lang)
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "column_number": finding.column_number,
        "message": message,
        "hint": hint,
        "sheet": finding.sheet,
        "params": {
            k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in finding.params.items()
        },
    }
