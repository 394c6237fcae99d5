"""One reconciliation rule: validate, the store and ingest give one verdict for every row.

Each file under fixtures/reconcile/verdicts/ is one case; its ``note`` column holds
the verdict the rule gives each row (kept, duplicate, revision, conflict).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, TODAY, Result
from linyi_tracker.actuals.reader import Observation, PlanLookup, read_path
from linyi_tracker.actuals.reconcile import Figure, Verdict, decide
from linyi_tracker.actuals.store import Store, data_files, load_store
from linyi_tracker.findings import Finding
from linyi_tracker.intake.ingest import IngestError, plan_ingest
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.validator import ValidationReport, validate

RECONCILE = FIXTURES / "reconcile"
CASES = sorted((RECONCILE / "verdicts").glob("*.csv"))
AGAINST = RECONCILE / "against-store"
Position = tuple[str, int]
Run = Callable[..., Result]


def rows_of(plan: Plan, folder: Path) -> list[Observation]:
    """Every row of the folder's files that the reader accepts, as both commands read it."""
    lookup = PlanLookup(plan)
    rows: list[Observation] = []
    for path in data_files(folder):
        read_path(path, lookup, today=TODAY, shown=str(path), emit=rows.append)
    return rows


def _verdicts(
    rows: list[Observation],
    findings: list[Finding],
    kept: list[Observation],
    revised: list[Observation] | None,
) -> dict[Position, str]:
    def at(code: str) -> set[Position]:
        return {(f.file or "", f.line or 0) for f in findings if f.code == code}

    # a rounded figure (44.2万 beside 442079) is a duplicate of the figure it rounds
    duplicates = at("duplicate-observation") | at("rounded-figure")
    conflicts = at("conflicting-observation")
    current = {(o.file, o.line) for o in kept}
    history = None if revised is None else {(o.file, o.line) for o in revised}
    out: dict[Position, str] = {}
    for o in rows:
        pos = (o.file, o.line)
        if pos in duplicates:
            out[pos] = "duplicate"
        elif pos in conflicts:
            out[pos] = "conflict"
        elif pos in current:
            out[pos] = "kept"
        elif history is None or pos in history:
            out[pos] = "revision"
        else:
            out[pos] = "lost"  # the store must account for every row
    return out


def validate_folder(plan: Plan, folder: Path, *, keep: bool = True) -> ValidationReport:
    return validate([str(folder)], plan, store=None, today=TODAY, keep_observations=keep)


def by_validate(plan: Plan, folder: Path) -> dict[Position, str]:
    report = validate_folder(plan, folder)
    return _verdicts(rows_of(plan, folder), report.findings, report.observations, None)


def by_store(plan: Plan, folder: Path) -> dict[Position, str]:
    store: Store = load_store(plan, folder, today=TODAY)
    history = [o for olds in store.revisions.values() for o in olds]
    return _verdicts(rows_of(plan, folder), store.findings, store.observations, history)


def expected(plan: Plan, folder: Path) -> dict[Position, str]:
    return {(o.file, o.line): o.note for o in rows_of(plan, folder)}


def _alone(path: Path, tmp_path: Path) -> Path:
    """A folder holding only a copy of ``path``: a store of that one file."""
    folder = tmp_path / "alone"
    folder.mkdir()
    shutil.copy(path, folder / path.name)
    return folder


# ------------------------------------------------------------------ the named cases


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_validate_gives_each_case_its_verdict(plan: Plan, case: Path, tmp_path: Path) -> None:
    """validate gives every row of a case the verdict its note names."""
    folder = _alone(case, tmp_path)
    assert by_validate(plan, folder) == expected(plan, folder)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_store_gives_each_case_its_verdict(plan: Plan, case: Path, tmp_path: Path) -> None:
    """The store gives every row of a case the verdict its note names."""
    folder = _alone(case, tmp_path)
    assert by_store(plan, folder) == expected(plan, folder)


def test_a_duplicate_names_the_line_that_counts(plan: Plan, tmp_path: Path) -> None:
    """'9800.0' after '9800' is a warning on the second line that names the first."""
    folder = _alone(RECONCILE / "verdicts" / "same-figure-9800-and-9800.0.csv", tmp_path)
    (finding,) = [f for f in validate_folder(plan, folder).findings if f.severity.value != "notice"]
    assert finding.code == "duplicate-observation" and finding.line == 3
    assert f"{finding.file}:2" in render(finding, "en")[0]


def test_big_integers_are_compared_exactly(plan: Plan, tmp_path: Path) -> None:
    """12345678901234567 and …568 share a float but are two figures, shown in full."""
    folder = _alone(RECONCILE / "verdicts" / "big-integers-last-digit.csv", tmp_path)
    (finding,) = [f for f in validate_folder(plan, folder, keep=False).findings if f.is_error]
    assert "12345678901234568 here but 12345678901234567" in render(finding, "en")[0]


# ------------------------------------------------------------------ agreement everywhere


def _every_data_file() -> list[Path]:
    roots = [FIXTURES, REPO / "examples", REPO / "data" / "actuals"]
    return [p for root in roots for p in data_files(root)]


def _every_data_folder() -> list[Path]:
    roots = [FIXTURES, REPO / "examples", REPO / "data" / "actuals"]
    folders = {p.parent for p in _every_data_file()} | set(roots)
    return sorted(f for f in folders if any(f == r or f.is_relative_to(r) for r in roots))


@pytest.mark.parametrize(
    "path", _every_data_file(), ids=lambda p: str(p.relative_to(REPO)).replace("/", ":")
)
def test_validate_and_the_store_agree_on_every_file(plan: Plan, path: Path, tmp_path: Path) -> None:
    """Every data file in the repository gets one verdict a row from validate and the store."""
    folder = _alone(path, tmp_path)
    assert by_validate(plan, folder) == by_store(plan, folder)


@pytest.mark.parametrize(
    "folder", _every_data_folder(), ids=lambda p: str(p.relative_to(REPO)).replace("/", ":")
)
def test_validate_and_the_store_agree_on_every_folder(plan: Plan, folder: Path) -> None:
    """Every folder of data files (figures repeated across files too) gets one verdict a row."""
    assert by_validate(plan, folder) == by_store(plan, folder)


@pytest.mark.parametrize(
    "folder", _every_data_folder(), ids=lambda p: str(p.relative_to(REPO)).replace("/", ":")
)
def test_validate_streaming_gives_the_same_findings(plan: Plan, folder: Path) -> None:
    """validate as the command runs it (rows as packed numbers, not kept) finds the same
    duplicates and conflicts as with the observations kept."""
    codes = {"duplicate-observation", "conflicting-observation"}

    def same_key(report: ValidationReport) -> list[tuple[str, str | None, int | None, str]]:
        return [
            (f.code, f.file, f.line, render(f, "en")[0]) for f in report.findings if f.code in codes
        ]

    kept, streamed = validate_folder(plan, folder), validate_folder(plan, folder, keep=False)
    assert same_key(streamed) == same_key(kept)


# The same figures written several ways, two that share a float, and as_of dates.
WRITTEN = ["9800", "9800.0", '"9,800"', "0.98万", "9900", "12345678901234567", "12345678901234568"]
AS_OF = ["", "2017-03-01", "2017-06-30"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WRITTEN), st.sampled_from(AS_OF)), min_size=2, max_size=6)
)
def test_validate_and_the_store_agree_on_any_group(
    plan: Plan, group: list[tuple[str, str]]
) -> None:
    """Any rows of one key, in any order, get one verdict a row from validate and the store."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lines = [f"emp.new_urban_jobs,2016,兰山区,{value},{day}" for value, day in group]
        (folder / "group.csv").write_text(
            "indicator,period,region,value,as_of\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        verdicts = by_store(plan, folder)
        assert by_validate(plan, folder) == verdicts
        assert list(verdicts.values()).count("kept") == 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["9800", "9800.0", "9900", "10000"]), st.sampled_from(AS_OF)),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
)
def test_the_current_figure_does_not_depend_on_the_order_of_the_rows(
    group: list[tuple[str, str]], shuffler: random.Random
) -> None:
    """Without a conflict, the figure that counts is the same whatever the rows' order
    (undated-then-dated and dated-then-undated alike)."""

    def current(rows: list[tuple[str, str]]) -> tuple[Decimal, str] | None:
        figures = [Figure(Decimal(v), None, date.fromisoformat(d) if d else None) for v, d in rows]
        decision = decide(figures)
        if Verdict.CONFLICT in decision.verdicts:
            return None
        chosen = figures[decision.current]
        return (chosen.value or Decimal(0), str(chosen.as_of))

    shuffled = list(group)
    shuffler.shuffle(shuffled)
    assert current(shuffled) == current(group)


# ------------------------------------------------------------------ against the store


STORE_CODES = {"already-stored", "conflicts-with-store", "revises-store"}


def _submitted(plan: Plan) -> list[Observation]:
    rows: list[Observation] = []
    path = AGAINST / "submitted.csv"
    read_path(path, PlanLookup(plan), today=TODAY, shown=str(path), emit=rows.append)
    return rows


def _expected_against_store(note: str, *, revise: bool) -> str:
    """The note's verdict: a dated-conflict (an as_of no later than the stored one's)
    stays a conflict even with --revise, since the two figures could not be ordered."""
    if note == "dated-conflict":
        return "conflicts-with-store"
    return "revises-store" if revise and note == "conflicts-with-store" else note


@pytest.mark.parametrize("revise", [False, True], ids=["plain", "revise"])
def test_validate_against_the_store_follows_the_rule(plan: Plan, revise: bool) -> None:
    """Each submitted row meets the stored figure as its note says (revision: no finding)."""
    store = load_store(plan, AGAINST / "store", today=TODAY)
    report = validate(
        [str(AGAINST / "submitted.csv")], plan, store=store, today=TODAY, revise=revise
    )
    # already-stored is one finding for the file, naming its rows' lines (all of them here)
    found = {
        line: f.code
        for f in report.findings
        if f.code in STORE_CODES
        for line in f.params.get("lines", [f.line])
    }
    assert all(
        f.params["count"] == len(f.params["lines"]) for f in report.findings if "lines" in f.params
    )
    wanted = {
        o.line: _expected_against_store(o.note, revise=revise)
        for o in _submitted(plan)
        if o.note != "revision"
    }
    assert found == wanted


@pytest.mark.parametrize("revise", [False, True], ids=["plain", "revise"])
def test_ingest_agrees_with_validate_against_the_store(
    plan: Plan, revise: bool, tmp_path: Path
) -> None:
    """What validate calls already stored ingest skips, a dated revision it records, and
    a conflict it refuses (recorded as a revision with --revise)."""
    store = load_store(plan, AGAINST / "store", today=TODAY)
    stored = {o.key: o for o in store.observations}
    for o in _submitted(plan):
        verdict = _expected_against_store(o.note, revise=revise)
        if verdict == "conflicts-with-store":
            with pytest.raises(IngestError):
                plan_ingest(plan, [o], stored, tmp_path, revise=revise)
            continue
        job = plan_ingest(plan, [o], stored, tmp_path, revise=revise)
        if verdict == "already-stored":
            assert (job.skipped, job.rows) == ([o], []), o.line
        else:  # a revision, by date or by --revise
            assert [new.line for new, _ in job.revisions] == [o.line], o.line


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize("name", ["two-files-9800", "two-files-undated-then-dated"])
def test_validate_and_status_give_one_answer_for_a_folder(run: Run, name: str) -> None:
    """validate and status --data on the same folder both accept it, and say the same
    about its repeated figure (a duplicate, or a revision with no finding)."""
    folder = str(RECONCILE / "folders" / name)
    checked = run("validate", folder, "--no-store")
    status = run("status", "--data", folder)
    assert (checked.exit_code, status.exit_code) == (0, 0)
    for result in (checked, status):
        said = result.stdout + result.stderr
        assert "conflicting-observation" not in said
        assert ("duplicate-observation" in said) == (name == "two-files-9800")


# ------------------------------------------------------------------ digits of other scripts


def test_digits_of_other_scripts_are_an_error(plan: Plan) -> None:
    """३००० and ٣٠٠٠ are not read as 3000: each is an invalid-number error at its cell."""
    path = RECONCILE / "other-script-digits.csv"
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert [(f.code, f.line) for f in report.findings] == [
        ("invalid-number", 2),
        ("invalid-number", 3),
        ("invalid-number", 4),
    ]
    assert all(f.is_error and "another script" in render(f, "en")[0] for f in report.findings)
