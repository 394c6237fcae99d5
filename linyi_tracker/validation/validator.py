"""Validating submissions: every file, every row, every rule, as one report.

Nothing stops the scan: each file is read in full, each problem becomes a finding, and
the cross-row and store checks run over everything at the end. The report is data;
the command line renders it as text or JSON.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from linyi_tracker import clock
from linyi_tracker.actuals.reader import FileRead, Observation, PlanLookup, read_bytes, read_path
from linyi_tracker.actuals.store import Store, data_files_named
from linyi_tracker.bulk import gc_paused
from linyi_tracker.findings import Finding, Severity, count_by_severity
from linyi_tracker.i18n import Lang, Text, TextNotFoundError, os_reason
from linyi_tracker.plan.models import Plan
from linyi_tracker.safeio import refuse_not_regular
from linyi_tracker.validation.cross import CrossChecks
from linyi_tracker.validation.naming import at_value_column, with_names
from linyi_tracker.validation.plausibility import Converted

STDIN = "-"
ProgressFactory = Callable[[str, int], Callable[[int, int], None] | None]


@dataclass
class FileResult:
    path: str
    encoding: str | None
    rows: int
    valid: bool = True
    signoff: dict[str, str] = field(default_factory=dict)  # 填报人 … (actuals/signoff.py)


@dataclass
class ValidationReport:
    files: list[FileResult]
    findings: list[Finding]
    strict: bool = False
    observations: list[Observation] = field(default_factory=list)
    # The figures a later as_of in the same submission replaced (history, kept by ingest)
    revisions: list[Observation] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    @property
    def failed(self) -> bool:
        """Errors, or warnings under --strict: what makes `validate` exit 1."""
        return any(_fails(f, self.strict) for f in self.findings)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The JSON contract of submissions.md; messages and hints in ``lang``, with each
        finding's parameters."""
        from linyi_tracker.validation.catalogue import finding_dicts

        return {
            "files": [
                {"path": f.path, "encoding": f.encoding, "rows": f.rows, "valid": f.valid}
                for f in self.files
            ],
            "findings": finding_dicts(self.findings, lang),
            "summary": {
                **self.counts,
                "files": len(self.files),
                "rows": sum(f.rows for f in self.files),
            },
            "strict": self.strict,
        }


def _one_finding_a_conversion(
    read: list[Finding], across: list[Finding], questioned: set[tuple[str, int]]
) -> list[Finding]:
    """The findings of the rows and of the cross-row rules, with one finding for a figure
    converted by its units' names that the scale rule questions (``questioned``: 69541吨
    against 万吨, which fits as written): its ``implausible-value`` names the conversion
    and asks whether the unit was meant, so the row's ``unit-derived`` warning beside it
    would say it twice. It takes that warning's place: the cell whose unit is in doubt
    (the unit column's 吨, or the value cell's 69541吨)."""
    if not questioned:
        return read + across
    moved: dict[tuple[str | None, int | None], Finding] = {}
    kept = []
    for f in read:
        if f.code == "unit-derived" and (f.file, f.line) in questioned:
            moved[f.file, f.line] = f
        else:
            kept.append(f)
    for i, f in enumerate(across):
        derived = moved.get((f.file, f.line)) if f.code == "implausible-value" else None
        if derived is not None:
            across[i] = replace(f, column=derived.column, column_number=derived.column_number)
    return kept + across


def _fails(f: Finding, strict: bool) -> bool:
    return f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)


def expand(paths: list[str]) -> list[str]:
    """Files named, folders searched recursively for CSV/xlsx, '-' for standard input."""
    return expand_named(paths)[0]


def expand_named(paths: list[str]) -> tuple[list[str], list[Finding]]:
    """:func:`expand`, and a ``file-not-read`` finding for each other file in a folder."""
    out: list[str] = []
    named: list[Finding] = []
    for name in paths:
        if name == STDIN:
            out.append(STDIN)
            continue
        if not name.strip():  # Path('') is the current folder: never read it unasked
            raise TextNotFoundError(Text("input.empty_name"))
        path = Path(name)
        if path.is_dir():
            found, others = data_files_named(path)
            if not found and not others:
                raise TextNotFoundError(Text("input.no_data_files", {"path": name}))
            out.extend(str(p) for p in found)
            named.extend(others)
        elif path.is_file():
            out.append(name)
        elif path.exists():  # a pipe, a device, a socket: reading it would block or never end
            raise refuse_not_regular(name, path.stat().st_mode)
        else:
            raise TextNotFoundError(Text("input.missing", {"path": name}))
    return out, named


def validate(
    paths: list[str],
    plan: Plan,
    *,
    store: Store | None,
    today: date | None = None,
    strict: bool = False,
    sheet: str | None = None,
    progress: ProgressFactory | None = None,
    stdin: bytes | None = None,
    revise: bool = False,
    keep_observations: bool = False,
) -> ValidationReport:
    """Validate files (or '-' for standard input) against the plan and the store.

    ``keep_observations`` hands the checked observations back (ingest writes them);
    without it memory stays at a few fields a row, whatever the file's size.
    """
    with gc_paused():
        return _validate(
            paths,
            plan,
            store,
            today or clock.today(),
            strict,
            sheet,
            progress,
            stdin,
            revise,
            keep_observations,
        )


def _validate(
    paths: list[str],
    plan: Plan,
    store: Store | None,
    day: date,
    strict: bool,
    sheet: str | None,
    progress: ProgressFactory | None,
    stdin: bytes | None,
    revise: bool,
    keep_observations: bool,
) -> ValidationReport:
    lookup = PlanLookup(plan)
    checks = CrossChecks(plan, store, revise=revise, keep=keep_observations)
    # Rows of plain numbers go to the checks as fields, unless the observations are kept.
    numbers = None if keep_observations else checks.figures.add_number
    reads: list[FileRead] = []
    names, not_read = expand_named(paths)
    for f in not_read:  # named like a file read, with nothing in it
        unread = FileRead(f.file or "", None)
        unread.findings.append(f)
        reads.append(unread)
    for name in names:
        if name == STDIN:
            raw = stdin if stdin is not None else sys.stdin.buffer.read()
            reads.append(
                read_bytes(raw, "<stdin>", lookup, today=day, emit=checks.add, emit_number=numbers)
            )
            continue
        path = Path(name)
        try:
            size = path.stat().st_size
            callback = progress(name, size) if progress is not None else None
            reads.append(
                read_path(
                    path,
                    lookup,
                    today=day,
                    shown=name,
                    sheet=sheet,
                    emit=checks.add,
                    emit_number=numbers,
                    progress=callback,
                )
            )
        except OSError as exc:
            raise TextNotFoundError(
                Text("input.unreadable", {"path": name, "reason": os_reason(exc)})
            ) from None
    checks.figures.converted = {
        (f.file or "", f.line): Converted(
            Decimal(str(f.params["value"])), str(f.params["unit"]), str(f.params["to_unit"])
        )
        for r in reads
        for f in r.findings
        if f.code == "unit-derived" and f.line is not None
    }
    across = at_value_column(checks.finish(), reads)  # as each file heads and numbers it
    read_findings = [f for r in reads for f in r.findings]
    findings = _one_finding_a_conversion(read_findings, across, checks.figures.questioned)
    headers = {r.path: r.headers for r in reads}
    findings = with_names(findings, plan, headers)
    findings.sort(key=lambda f: (f.file or "", f.line or 0, f.column_number or 0))
    failing = {f.file for f in findings if _fails(f, strict)}
    files = [
        FileResult(r.path, r.encoding, r.rows, r.path not in failing, dict(r.signoff))
        for r in reads
    ]
    observations = checks.submitted() if keep_observations else []
    revisions = checks.replaced() if keep_observations else []
    return ValidationReport(files, findings, strict, observations, revisions)
