"""Findings: what a check says about a file, as data with a position.

Plan checks and the actuals reader both return findings; renderers turn them into
compiler-style lines (``file:line:col: code message``) or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found, with where it is and what to do about it."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: str | None = None
    column_number: int | None = None
    hint: str | None = None
    sheet: str | None = None  # for a workbook: positions are the sheet's row and column letter

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

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "column_number": self.column_number,
            "message": self.message,
            "hint": self.hint,
            "sheet": self.sheet,
        }


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


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    """``1 error``, ``2 errors``: the summary line must read correctly."""
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"
