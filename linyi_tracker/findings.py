"""Findings: what a check says about a file, as data with a position.

Plan checks and the actuals reader both return findings. A finding holds no prose: its
code, severity, position and parameters; the words come from the finding catalogue
(:mod:`linyi_tracker.validation.catalogue`), rendered in the reader's language at the
edge (a compiler-style line ``file:line:col: code message`` or JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

# A parameter of a finding: user text, a count, an exact figure, line numbers. Never prose.
Param = str | int | Decimal | list[int]


class Named(str):
    """A parameter that is a plan id, a period code or a column (the str itself: what JSON
    and scripts read), with what a reader is shown for it in each language: 兰山区 /
    Lanshan District for ``lanshan``, 2019年 for ``2019``, the file's own header for a
    column. Made by :func:`linyi_tracker.validation.naming.with_names`."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str, en: str) -> Named:
        self = super().__new__(cls, value)
        self.zh = zh
        self.en = en
        return self

    def __reduce__(self) -> tuple[type[Named], tuple[str, str, str]]:
        return (Named, (str(self), self.zh, self.en))

    def shown(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: its code, where it is, and the facts its message names.

    ``form`` picks one of the code's message templates ("" is the usual one) and
    ``hint_form`` one of its hints ("" means: the hint of the same form, else the
    code's usual hint, if it has one). ``params`` fill the templates' ``{names}``;
    it is never mutated once the finding is made.
    """

    code: str
    severity: Severity
    file: str | None = None
    line: int | None = None
    column: str | None = None
    column_number: int | None = None
    sheet: str | None = None  # for a workbook: positions are the sheet's row and column letter
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)
    form: str = ""
    hint_form: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """``file:line:col`` as far as it is known; ``book.xlsx[Sheet1]:12:B`` in a workbook."""
        parts = [f"{self.file or '-'}[{self.sheet}]" if self.sheet else (self.file or "-")]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column_number is not None:
                parts.append(
                    column_letter(self.column_number) if self.sheet else str(self.column_number)
                )
        return ":".join(parts)


class Issue(NamedTuple):
    """A finding before it has a file and a line: what a rule over plain values returns.

    ``column`` is the canonical column (``"value"``), which the reader names and numbers as
    the file has it, unless ``number`` gives the column's number itself (header problems).
    """

    code: str
    severity: Severity
    column: str | None = None
    params: Mapping[str, Param] = MappingProxyType({})
    form: str = ""
    hint_form: str = ""
    number: int | None = None


# Readings the tool makes with certainty and that ask nothing of a clerk: an indicator
# given by its name, a date read as its month, thousands separators, full-width digits,
# 万/亿 multiplied out (never on a unit itself in 万 or 亿: an error, actuals/cells.py),
# a percentage read, a unit typed in the value cell or converted exactly from the unit
# column (the plan declares the factor). Counties make them on every row (768 rows naming their
# indicators): reported row by row they buried the findings that need the clerk, and a
# million-row store carried a million of them. Each is one notice for the file, its
# column and form (:class:`Readings`); what needs a clerk's action stays row by row.
# A figure the same as the stored one (already-stored, validation/cross/against_store.py)
# asks nothing either: a resubmitted file of 768 rows is one notice, not 768; a changed
# figure or a conflict stays on its row.
READINGS = frozenset(
    {
        "already-stored",
        "indicator-by-name",
        "period-read-as-month",
        "thousands-separator",
        "full-width-characters",
        "magnitude-suffix",
        "percent-read",
        "unit-in-value",
        "unit-converted",
    }
)
FIRST_LINES = 5  # the lines a file-scale finding names


def lines_named(lines: list[int], count: int | None = None) -> Named:
    """The first :data:`FIRST_LINES` of ``lines`` (of ``count`` rows, when only the first
    were kept) as a file-scale finding names them (第3、4行 / lines 3, 4; …… / … when there
    are more)."""
    total = len(lines) if count is None else count
    first = [str(n) for n in lines[:FIRST_LINES]]
    more = total > len(first)
    return Named(
        ",".join(first),
        f"第{'、'.join(first)}{'……' if more else ''}行",
        f"line{'s' if total > 1 else ''} {', '.join(first)}{', …' if more else ''}",
    )


class Readings:
    """The readings of :data:`READINGS` one file made, gathered: one finding per code,
    column and form, at its first line, with the first reading's parameters, ``count``
    (how many rows) and ``lines`` (the first :data:`FIRST_LINES` of them)."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        # (code, column, form, hint form) → (the first finding, count, first lines)
        self._found: dict[tuple[str, int | None, str, str], tuple[Finding, list[int], list[int]]]
        self._found = {}

    def add(self, finding: Finding) -> None:
        """Count ``finding``'s row under its code, column and form."""
        key = (finding.code, finding.column_number, finding.form, finding.hint_form)
        if not self.again(key, finding.line):
            self._found[key] = (finding, [0], [])
            self.again(key, finding.line)

    def again(self, key: tuple[str, int | None, str, str], line: int | None) -> bool:
        """Count one more row for ``key`` (code, column number, form, hint form) when it
        has been seen; False, counting nothing, when it is new — the row loop then makes
        its finding (once a file, not once a row) and :meth:`add` s it."""
        seen = self._found.get(key)
        if seen is None:
            return False
        seen[1][0] += 1
        if len(seen[2]) < FIRST_LINES and line is not None:
            seen[2].append(line)
        return True

    def findings(self) -> list[Finding]:
        """One finding for each code, column and form seen, in the order first seen."""
        return [
            replace(first, params={**first.params, "count": count[0], "lines": list(lines)})
            for first, count, lines in self._found.values()
        ]


def column_letter(number: int) -> str:
    """1 → A, 27 → AA: a spreadsheet's column name."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {str(s): 0 for s in Severity}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts
