"""A target whose time is up (met or missed at its deadline) has no time elapsed, pace or
projection in any output that shows them: it says 到期未达成 with its shortfall instead."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from test_report import demo_report

from conftest import DEMO, Result
from linyi_tracker.i18n import t
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import csv_table
from linyi_tracker.reporting.view import SETTLED

Run = Callable[..., Result]

ROWS_KEYS = ("word.time_progress", "word.pace", "word.projected")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_gives_a_missed_target_no_pace(run: Run, lang: str) -> None:
    """``show`` of a target missed at its deadline prints no time elapsed, pace or projection."""
    r = run("show", "housing.affordable_units", "--data", str(DEMO), "--lang", lang, width=120)
    assert r.exit_code == 0
    shown = [w for k in ROWS_KEYS if f"│ {(w := t(k, lang))} " in r.stdout]
    assert not shown, r.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "到期未达成，差2,500套(户)"), ("en", "missed at the deadline, short by 2,500 units")],
)
def test_show_says_a_missed_target_with_its_shortfall(run: Run, lang: str, said: str) -> None:
    """``show`` says a missed target as its sentence does: missed at the deadline, short by …"""
    r = run("show", "housing.affordable_units", "--data", str(DEMO), "--lang", lang, width=120)
    assert r.exit_code == 0
    assert said in r.stdout


def test_show_gives_a_target_met_at_its_deadline_no_pace(run: Run) -> None:
    """``show`` of a target met at its deadline prints no pace either."""
    r = run("show", "housing.public_rental_units_new", "--data", str(DEMO), "--lang", "zh")
    assert r.exit_code == 0
    assert "到期已达成" in r.stdout
    assert "│ 推进速度 " not in r.stdout


def test_show_still_gives_a_running_target_its_pace(run: Run) -> None:
    """A target whose time still runs keeps its pace in ``show``."""
    r = run("show", "emp.new_urban_jobs", "--data", str(DEMO), "--lang", "zh", width=120)
    assert r.exit_code == 0
    assert "│ 推进速度 " in r.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_table_follows_the_one_rule(plan: Plan, lang: str) -> None:
    """In the report's CSV, a target met or missed at its deadline has no time elapsed,
    pace or projection, and every other target with a pace keeps it: one rule (view.running)."""
    report = demo_report(plan)
    raw = csv_table.render(report, lang).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    keys = csv_table.columns(lang)
    by_id = {r[keys.index("target_id")]: r for r in rows[1:]}
    settled = running = 0
    for section in report.systems:
        for v in section.lines:
            row = by_id[v.target_id]
            cells = [row[keys.index(k)] for k in ("time_progress", "pace", "projected")]
            if v.standing in SETTLED:
                settled += 1
                assert cells == ["", "", ""], (v.target_id, cells)
                assert text.pace(v, lang) == "—"
            elif v.a.pace is not None:
                running += 1
                assert cells[1] != "", v.target_id
    assert settled and running


def test_a_chart_draws_no_projection_for_a_settled_target(plan: Plan) -> None:
    """The report's charts follow the same rule as its tables: a target met or missed at its
    deadline (coverage ≥ 99 % met in 2020, as of 2020) has no projection line drawn."""
    report = demo_report(plan, 2020, "2020")
    views = [v for section in report.systems for v in section.lines if v.chart is not None]
    settled = [v for v in views if v.standing in SETTLED]
    assert "ss.resident_pension_coverage.2020" in [v.target_id for v in settled]
    assert [(v.target_id, v.chart.projection) for v in settled if v.chart.projection] == []
    earlier = demo_report(plan, 2019, "2019")
    running = [v for section in earlier.systems for v in section.lines if v.chart is not None]
    assert any(v.chart.projection for v in running if v.standing not in SETTLED)
