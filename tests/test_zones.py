"""Regions beyond the city: development zones report and are ranked; a zone part_of a
county is never added to the city sum again; a province or the nation can be the
whole-plan area; old plan files keep working."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from conftest import FIXTURES, PLAN_FILE, Result
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.series import region_ranking, series_for
from linyi_tracker.plan.loader import load_plan, read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

ZONES_PLAN = FIXTURES / "plans" / "linyi-with-zones.yaml"
DATA = FIXTURES / "anyplan" / "zones"
TODAY = date(2026, 11, 28)
# 12 counties: 5000 + 5100 + … + 6100 = 66,600; zones on their own: 3000 + 2000.
COUNTIES = sum(5000 + 100 * i for i in range(12))


@pytest.fixture(scope="module")
def zones_plan() -> Plan:
    return read_plan(ZONES_PLAN)


def test_city_sum_counts_each_figure_once(zones_plan: Plan) -> None:
    """The city's new jobs are the counties' and the two self-reporting zones' figures,
    66,600 + 3,000 + 2,000 = 71,600; Lingang (part_of Junan) is not added again."""
    store = load_store(zones_plan, DATA, today=TODAY)
    assert store.errors == []
    ind = zones_plan.indicator_by_id["emp.new_urban_jobs"]
    (city,) = series_for(zones_plan, store, ind, zones_plan.city.id).observations
    assert city.value == Decimal(COUNTIES + 3000 + 2000)


def test_zones_are_ranked_and_listed(zones_plan: Plan) -> None:
    """Every zone, part_of or not, is ranked among the reporters and none is missing."""
    store = load_store(zones_plan, DATA, today=TODAY)
    ind = zones_plan.indicator_by_id["emp.new_urban_jobs"]
    period, ranked, missing = region_ranking(zones_plan, store, ind, Period.of_year(2016))
    assert period == Period.of_year(2016) and missing == []
    assert {"jingkai", "gaoxin", "lingang"} <= {o.region for o in ranked}


def test_a_city_figure_equal_to_the_once_counted_sum_is_no_mismatch(zones_plan: Plan) -> None:
    """validate compares a city row with the sum that counts Lingang once (inside Junan)."""
    text = (DATA / "data.csv").read_text(encoding="utf-8")
    ok = text + f"emp.new_urban_jobs,2016,,{COUNTIES + 5000},test fixture\n"
    report = validate(["-"], zones_plan, store=None, today=TODAY, stdin=ok.encode())
    assert "region-sum-mismatch" not in {f.code for f in report.findings}
    twice = text + f"emp.new_urban_jobs,2016,,{COUNTIES + 6500},test fixture\n"
    report = validate(["-"], zones_plan, store=None, today=TODAY, stdin=twice.encode())
    assert "region-sum-mismatch" in {f.code for f in report.findings}


def test_a_province_is_the_whole_area() -> None:
    """With a province above its cities, the province is the whole-plan area."""
    plan = read_plan(FIXTURES / "plans" / "province.yaml")
    assert plan.city.id == "shandong"
    assert [r.id for r in plan.summed_regions] == ["jinan", "linyi"]


def test_part_of_an_unknown_region_is_a_plan_error() -> None:
    """part_of must name a region of the plan."""
    found = load_plan(FIXTURES / "plans" / "part-of-unknown.yaml").findings
    assert [(f.code, f.params.get("id")) for f in found if f.is_error] == [
        ("unknown-reference", "nowhere")
    ]


def test_old_plan_still_loads_unchanged() -> None:
    """The real plan (levels city/district/county, no part_of) loads without errors."""
    assert not [f for f in load_plan(PLAN_FILE).findings if f.is_error]


def test_status_and_report_on_the_zones_plan(run: Callable[..., Result]) -> None:
    """status, show and report run on the Linyi plan with zones."""
    args = ("--plan", str(ZONES_PLAN), "--data", str(DATA))
    assert run("status", *args, "--as-of", "2016").exit_code == 0
    shown = run("show", "emp.new_urban_jobs", *args, "--as-of", "2016", "--lang", "zh")
    assert shown.exit_code == 0 and "临沂临港经济开发区" in shown.stdout
    assert run("report", "2016", *args, "--format", "md").exit_code == 0
