"""The measure column (口径): growth figures (比上年增长) are read, validated, kept apart
from levels in the store and in reconciliation, and never stand in for a level."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES, Result
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import assess
from linyi_tracker.intake.ingest import render
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

MEASURE = FIXTURES / "measure"
TODAY = date(2020, 3, 15)


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((MEASURE / name).read_bytes())
    return folder


def test_chinese_header_and_values_read_growth_and_level(plan: Plan, tmp_path: Path) -> None:
    """口径 水平值 / 比上年增长 (and growth, 下降2.5%) give level and signed growth figures."""
    store = load_store(plan, _folder(tmp_path, "growth-figures.csv"), today=TODAY)
    assert store.errors == []
    levels = store.series("inc.urban_disposable", "linyi")
    growth = store.growth_series("inc.urban_disposable", "linyi")
    assert [(o.period.text, o.value) for o in levels] == [
        ("2013", Decimal(30000)),
        ("2015", Decimal(32000)),
    ]
    assert [(o.period.text, o.value) for o in growth] == [
        ("2014", Decimal(10)),
        ("2015", Decimal("-2.5")),
        ("2016", Decimal("8.1")),
    ]
    assert {o.measure for o in growth} == {"growth"}


def test_growth_and_level_of_one_period_are_different_keys(plan: Plan, tmp_path: Path) -> None:
    """A 2015 level and a 2015 growth figure are neither a duplicate nor a conflict."""
    report = validate([str(MEASURE / "growth-figures.csv")], plan, store=None, today=TODAY)
    codes = {f.code for f in report.findings}
    assert not codes & {"conflicting-observation", "duplicate-observation", "outlier"}


def test_two_growth_figures_of_one_key_conflict(plan: Plan) -> None:
    """Growth figures are reconciled like any figure: two different ones for 2016 conflict."""
    report = validate([str(MEASURE / "growth-twice.csv")], plan, store=None, today=TODAY)
    assert [f.code for f in report.findings if f.is_error] == ["conflicting-observation"]


def test_growth_validation_unit_size_and_kind(plan: Plan) -> None:
    """A growth figure with the level's unit, a size of 100 % or more, on a milestone, or
    not a number is an error on its own line."""
    report = validate([str(MEASURE / "growth-bad.csv")], plan, store=None, today=TODAY)
    found = sorted((f.line, f.code, f.form) for f in report.findings if f.is_error)
    assert found == [
        (2, "unit-mismatch", "growth"),
        (3, "out-of-range", "growth"),
        (4, "invalid-measure", "not-number"),
        (5, "invalid-number", ""),
    ]


def test_level_target_with_only_growth_figures_is_insufficient(plan: Plan, tmp_path: Path) -> None:
    """A level target whose series has growth figures only is insufficient_data, saying why."""
    store = load_store(plan, _folder(tmp_path, "growth-only.csv"), today=TODAY)
    target = plan.target_by_id["inc.urban_disposable.2020"]
    a = assess(plan, store, target, Period.of_year(2017), plan.city.id)
    assert (a.status, a.actual) == ("insufficient_data", None)
    assert "only-growth-figures" in a.reasons


def test_ingest_keeps_the_measure(run: object, tmp_path: Path) -> None:
    """An ingested growth figure is written with its measure and reads back as growth."""
    from conftest import PLAN_FILE
    from linyi_tracker.plan.loader import read_plan

    plan = read_plan(PLAN_FILE)
    report = validate(
        [str(MEASURE / "growth-only.csv")], plan, store=None, today=TODAY, keep_observations=True
    )
    text = render(plan, report.observations).decode("utf-8")
    assert text.splitlines()[0].endswith(",measure")
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "x.csv").write_text(text, encoding="utf-8")
    again = load_store(plan, folder, today=TODAY)
    assert [o.measure for o in again.observations] == ["growth", "growth"]
    assert again.series("inc.urban_disposable", "linyi") == []


def test_show_lists_growth_figures(run: Callable[..., Result], tmp_path: Path) -> None:
    """``show`` lists a growth figure as a growth figure, not as a level."""
    folder = _folder(tmp_path, "growth-only.csv")
    r = run("show", "inc.urban_disposable", "--data", str(folder), "--lang", "zh")
    assert r.exit_code == 0
    assert "比上年增长8.1%" in r.stdout


def test_show_json_marks_the_measure(run: Callable[..., Result], tmp_path: Path) -> None:
    """``show --format json`` lists growth figures with ``measure: growth``."""
    folder = _folder(tmp_path, "growth-only.csv")
    r = run("show", "inc.urban_disposable", "--data", str(folder), "--format", "json")
    assert r.exit_code == 0
    series = json.loads(r.stdout)["series"]
    assert [(s["period"], s["value"], s["measure"]) for s in series] == [
        ("2016", 8.1, "growth"),
        ("2017", 7.9, "growth"),
    ]
