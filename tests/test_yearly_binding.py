"""Yearly values of an annual target (年度计划), binding or expected (约束性/预期性) in every
output and as a filter, and annual targets on a stock or rate (a ceiling every year)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from conftest import FIXTURES, Result
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import Assessment, assess
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

PLAN = FIXTURES / "plans" / "growth-change.yaml"
DATA = FIXTURES / "anyplan" / "yearly"
TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def any_plan() -> Plan:
    return read_plan(PLAN)


def _assess(plan: Plan, target: str, as_of: str) -> Assessment:
    store = load_store(plan, DATA, today=TODAY)
    assert store.errors == []
    return assess(plan, store, plan.target_by_id[target], parse_period(as_of), plan.city.id)


def test_a_year_is_judged_against_its_own_value(any_plan: Plan) -> None:
    """2021's plan is 84,300 (values:), later years 85,000: 84,400 meets 2021 and misses
    2022, so the history is met in 1 of 2 years and 2021's achievement is 84400/84300."""
    a2021 = _assess(any_plan, "jobs.new.annual", "2021")
    assert (a2021.target, a2021.status) == (84300, "achieved")
    assert a2021.achievement == pytest.approx(84400 / 84300)
    a2022 = _assess(any_plan, "jobs.new.annual", "2022")
    assert (a2022.target, a2022.status, a2022.met_years) == (85000, "missed", (1, 2))
    assert a2022.gap == 600


def test_a_ceiling_every_year_on_a_rate(any_plan: Plan) -> None:
    """Unemployment below 5.5 % each year: 5.2 % meets 2021 (achievement T/A = 5.5/5.2,
    gap A − T = −0.3), 5.6 % misses 2022 — each year's full-year value decides it."""
    a2021 = _assess(any_plan, "jobs.unemployment.ceiling", "2021")
    assert a2021.status == "achieved"
    assert a2021.achievement == pytest.approx(5.5 / 5.2)
    assert a2021.gap is not None and float(a2021.gap) == pytest.approx(-0.3)
    assert (a2021.time_progress, a2021.pace) == (None, None)
    a2022 = _assess(any_plan, "jobs.unemployment.ceiling", "2022")
    assert (a2022.status, a2022.met_years) == ("missed", (1, 2))


def test_a_sub_annual_rate_does_not_decide_its_year(any_plan: Plan) -> None:
    """A June 2023 rate of 4.0 % is not a year-to-date sum: 2023 is not judged on it."""
    a = _assess(any_plan, "jobs.unemployment.ceiling", "2023-06")
    assert (a.status, a.actual) == ("no_data", None)
    assert "sub-annual-not-judged" in a.reasons


def test_binding_in_json_and_beside_the_target(run: Callable[..., Result]) -> None:
    """JSON carries binding true/false; the table marks 约束性 / 预期性 beside the target."""
    args = ("--plan", str(PLAN), "--data", str(DATA), "--as-of", "2022")
    r = run("status", *args, "--format", "json")
    by_id = {t["target_id"]: t["binding"] for t in json.loads(r.stdout)["targets"]}
    assert by_id["energy.intensity.change"] is True
    assert by_id["jobs.new.annual"] is False
    table = run("status", *args, "--lang", "zh", width=200).stdout
    assert "约束性" in table and "预期性" in table


@pytest.mark.parametrize(("choice", "expected"), [("yes", True), ("no", False)])
def test_status_filters_on_binding(run: Callable[..., Result], choice: str, expected: bool) -> None:
    """``status --binding yes|no`` keeps only the binding or only the expected targets."""
    args = ("--plan", str(PLAN), "--data", str(DATA), "--as-of", "2022", "--format", "json")
    r = run("status", *args, "--binding", choice)
    assert r.exit_code == 0
    kept = json.loads(r.stdout)["targets"]
    assert kept and {t["binding"] for t in kept} == {expected}


def test_the_real_plan_states_no_binding(run: Callable[..., Result]) -> None:
    """The Linyi plan marks no target binding or expected: JSON says null for every one."""
    r = run("status", "--format", "json", "--as-of", "2016")
    assert {t["binding"] for t in json.loads(r.stdout)["targets"]} == {None}


def test_plan_tree_shows_growth_in_percent_and_binding(run: Callable[..., Result]) -> None:
    """``plan`` shows a growth target in % from its base year, marked 约束性/预期性, in the
    words status writes it (年均增长7%以上, text.plan_target)."""
    r = run("plan", "--plan", str(PLAN), "--lang", "zh", width=200)
    assert r.exit_code == 0
    line = next(x for x in r.stdout.splitlines() if "rd.spending.growth" in x)
    assert "年均增长7%以上" in line and "2020—2025年" in line and "预期性" in line


@pytest.mark.parametrize(
    ("lang", "own", "every"),
    [("zh", "（2021年计划）", "每年"), ("en", "(plan for 2021)", "a year")],
)
def test_a_year_s_own_value_is_stated_as_that_year_s_plan(
    run: Callable[..., Result], lang: str, own: str, every: str
) -> None:
    """As of 2021 the target cell says 84,300 is 2021's plan, never '84,300 a year' over
    the whole span; as of 2022 it says the plan's 85,000 a year."""
    args = ("--plan", str(PLAN), "--data", str(DATA), "--lang", lang)
    in_2021 = run("status", *args, "--as-of", "2021", width=200).stdout
    row = next(x for x in in_2021.splitlines() if "84,300" in x)
    assert own in row and every not in row, in_2021
    in_2022 = run("status", *args, "--as-of", "2022", width=200).stdout
    row = next(x for x in in_2022.splitlines() if "85,000" in x or "8.5万" in x)
    assert every in row and own not in row, in_2022
