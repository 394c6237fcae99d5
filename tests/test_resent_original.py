"""The original figure re-sent after the store revised it (sweep 33 item 2): already
stored, revised since — nothing to do, never a hint that makes the outdated figure count."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import Result, cross_rule, store_from
from linyi_tracker.actuals.reconcile import Figure, store_finding, superseded
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.cross import against_store

JOBS = "emp.new_urban_jobs"
HEADER = "indicator,period,region,value,as_of\n"
ORIGINAL = HEADER + f"{JOBS},2019,luozhuang,4595,\n"
REVISION = HEADER + f"{JOBS},2019,luozhuang,5321,2020-04-01\n"
KEY = (JOBS, "2019", "luozhuang", "level")


def _figure(value: str, as_of: date | None = None, line: int = 2) -> Figure:
    return Figure(Decimal(value), None, as_of, "f.csv", line)


def test_the_original_re_sent_is_the_earlier_stored_figure() -> None:
    """4595 undated, against 5321 (as of 2020-04-01) that revised a stored 4595: that 4595."""
    earlier = _figure("4595")
    assert superseded([earlier], _figure("5321", date(2020, 4, 1)), _figure("4595")) is earlier


def test_a_different_figure_is_not_the_earlier_one() -> None:
    """4600 undated against the same store is no earlier figure: still a conflict."""
    stored = _figure("5321", date(2020, 4, 1))
    assert superseded([_figure("4595")], stored, _figure("4600")) is None
    found = store_finding(KEY, stored, _figure("4600"), history=[_figure("4595")])
    assert found is not None and found.code == "conflicts-with-store"


def test_the_original_with_a_later_as_of_is_a_revision() -> None:
    """4595 as of 2020-06-01 revises 5321 (as of 2020-04-01): no finding, as before."""
    stored = _figure("5321", date(2020, 4, 1))
    assert (
        store_finding(KEY, stored, _figure("4595", date(2020, 6, 1)), history=[_figure("4595")])
        is None
    )


def test_with_revise_the_original_re_sent_is_still_already_stored() -> None:
    """--revise does not make the re-sent original a revision: it is already stored."""
    stored = _figure("5321", date(2020, 4, 1))
    found = store_finding(KEY, stored, _figure("4595"), revise=True, history=[_figure("4595")])
    assert found is not None and (found.code, found.form) == ("already-stored", "revised")


def test_validate_calls_the_re_sent_original_already_stored(plan: Plan) -> None:
    """The cross-row rule over a store holding 4595 revised to 5321: a notice, no error."""
    store = store_from(plan, ("a.csv", ORIGINAL), ("b.csv", REVISION))
    found = cross_rule(plan, against_store.check, ORIGINAL, store)
    assert [(f.code, f.form, f.severity.value) for f in found] == [
        ("already-stored", "revised", "notice")
    ]
    assert found[0].params["other_file"] == "a.csv" and found[0].params["stored_value"] == "5321"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_hint_asks_for_no_date_and_no_revise(plan: Plan, lang: str) -> None:
    """The notice's hint says nothing is to be done: no as_of, no --revise to follow."""
    store = store_from(plan, ("a.csv", ORIGINAL), ("b.csv", REVISION))
    (found,) = cross_rule(plan, against_store.check, ORIGINAL, store)
    message, hint = render(found, lang)  # type: ignore[arg-type]
    assert hint is not None and "5321" in hint
    assert "--revise" not in hint and "as_of" not in hint and "截至" not in hint
    assert "a.csv:2" in message and "2020-04-01" in message and "5321" in message


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_original_dated_as_its_revision_is_a_conflict_whose_hint_says_so(lang: str) -> None:
    """4595 given the revision's own as_of: still a conflict, its hint naming the revision
    and warning that a later date would bring the outdated figure back."""
    stored = _figure("5321", date(2020, 4, 1))
    submitted = _figure("4595", date(2020, 4, 1))
    found = store_finding(KEY, stored, submitted, history=[_figure("4595")])
    assert found is not None and (found.code, found.hint_form) == (
        "conflicts-with-store",
        "earlier",
    )
    _, hint = render(found, lang)  # type: ignore[arg-type]
    assert hint is not None and "5321" in hint and "2020-04-01" in hint


@pytest.fixture
def data(tmp_path: Path, run: Callable[..., Result]) -> Path:
    """A data folder whose 4595 was revised to 5321 as of 2020-04-01."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "original.csv").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "rev.csv").write_text(REVISION, encoding="utf-8")
    (tmp_path / "old.csv").write_text(ORIGINAL, encoding="utf-8")
    assert run("ingest", "rev.csv", "--data", "data").exit_code == 0
    return folder


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "an earlier figure the store has since revised"),
        ("zh", "数据目录中已被修订的原数字"),
    ],
)
def test_validate_says_the_figure_was_revised_since(
    run: Callable[..., Result], data: Path, lang: str, said: str
) -> None:
    """validate of the re-sent original: exit 0, a notice naming the revision."""
    r = run("validate", "old.csv", "--data", "data", "--lang", lang)
    assert r.exit_code == 0
    assert said in r.stdout and "conflicts-with-store" not in r.stdout


@pytest.mark.parametrize("revise", [False, True])
def test_ingest_skips_the_re_sent_original(
    run: Callable[..., Result], data: Path, revise: bool
) -> None:
    """ingest of the re-sent original writes nothing, with or without --revise; 5321 counts."""
    before = sorted(p.name for p in data.rglob("*.csv"))
    r = run("ingest", "old.csv", "--data", "data", *(["--revise"] if revise else []))
    assert r.exit_code == 0
    assert sorted(p.name for p in data.rglob("*.csv")) == before
    shown = run("show", JOBS, "--region", "luozhuang", "--data", "data", "--format", "json")
    assert "5321" in shown.stdout


def test_ingest_skips_the_original_re_sent_beside_a_later_revision(
    run: Callable[..., Result], data: Path, tmp_path: Path
) -> None:
    """A submission giving the original 4595 (undated) and a new revision 5400 (as of
    2020-06-01): 4595 is the submission's own history, and the store's original — skipped,
    not refused as a conflict; 5400 is written and counts."""
    (tmp_path / "both.csv").write_text(
        ORIGINAL + f"{JOBS},2019,luozhuang,5400,2020-06-01\n", encoding="utf-8"
    )
    r = run("ingest", "both.csv", "--data", "data", "--lang", "en")
    assert r.exit_code == 0, r.stdout + r.stderr
    written = [p for p in (data / "ingested").rglob("*.csv") if "5400" in p.read_text("utf-8")]
    assert len(written) == 1 and "4595" not in written[0].read_text("utf-8")
    shown = run("show", JOBS, "--region", "luozhuang", "--data", "data", "--format", "json")
    (figure,) = [s for s in json.loads(shown.stdout)["series"] if s["period"] == "2019"]
    assert figure["value"] == 5400
