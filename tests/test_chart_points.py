"""A chart draws only figures the method gives: a sum over years (cumulative) is drawn up
to its last complete year and no further — a year with no figure is never counted as zero
on the chart when the status refuses to (the sweep found 2018–2020 floor area completed,
2018 missing, drawn as a running sum of 1,150,000 and 1,670,000)."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import DEMO, REPO, csv_rows, store_from
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import CumulativeTarget, Plan
from linyi_tracker.reporting.model import build_report

WHEN = datetime(2020, 7, 1, 9, 0)
COMPLETED = "housing.floor_area_completed.2018_2020"  # ≥ 3,400,000 m², 2018–2020
CN_PLAN = REPO / "examples" / "plans" / "cn-13th-fyp.yaml"


def _lines(plan: Plan, store: object, year: int, as_of: str) -> dict[str, object]:
    report = build_report(
        plan,
        store,  # type: ignore[arg-type]
        year,
        parse_period(as_of),
        generated=WHEN,
        plan_file="plan.yaml",
        data_source="test",
    )
    return {ln.target_id: ln for s in report.systems for ln in s.lines}


def test_a_sum_with_a_missing_first_year_draws_no_running_sum(plan: Plan) -> None:
    """Floor area completed with no 2018 figure: no point of a sum is drawn."""
    store = load_store(plan, DEMO)
    line = _lines(plan, store, 2020, "2020-06")[COMPLETED]
    assert line.a.status == "insufficient_data"  # type: ignore[attr-defined]
    chart = line.chart  # type: ignore[attr-defined]
    assert chart is None or chart.points == []


def test_a_sum_is_drawn_up_to_the_year_before_a_missing_one(plan: Plan) -> None:
    """2018 in, 2019 missing, 2020 in: only the 2018 sum is drawn."""
    store = store_from(
        plan,
        (
            "t.csv",
            csv_rows(
                "housing.floor_area_completed,2018,,1000000,,s,",
                "housing.floor_area_completed,2020,,900000,,s,",
            ),
        ),
    )
    chart = _lines(plan, store, 2020, "2020")[COMPLETED].chart  # type: ignore[attr-defined]
    assert chart is not None and chart.points == [(2018.0, 1000000.0)]


def test_a_year_only_to_date_before_the_as_of_year_ends_the_drawn_sum(plan: Plan) -> None:
    """2019 only to June, as of 2020: the sum is drawn for 2018 only (2019 is not complete)."""
    store = store_from(
        plan,
        (
            "t.csv",
            csv_rows(
                "housing.floor_area_completed,2018,,1000000,,s,",
                "housing.floor_area_completed,2019-06,,400000,,s,",
                "housing.floor_area_completed,2020,,900000,,s,",
            ),
        ),
    )
    chart = _lines(plan, store, 2020, "2020")[COMPLETED].chart  # type: ignore[attr-defined]
    assert chart is not None and chart.points == [(2018.0, 1000000.0)]


@pytest.mark.parametrize(
    ("plan_file", "data"),
    [(None, "examples/demo"), (None, "data/actuals"), (CN_PLAN, "examples/plans/cn-13th-fyp")],
)
def test_every_drawn_sum_is_the_sum_the_status_gives(
    plan: Plan, plan_file: object, data: str
) -> None:
    """For every cumulative target and report year of the example data, a complete sum's
    chart ends at the figure the assessment gives, and an incomplete one ends before it."""
    the_plan = read_plan(plan_file) if plan_file else plan  # type: ignore[arg-type]
    store = load_store(the_plan, REPO / data)
    sums = [t for t in the_plan.targets if isinstance(t, CumulativeTarget)]
    assert sums
    checked = 0
    for year in range(the_plan.plan.period.start, the_plan.plan.period.end + 1):
        lines = _lines(the_plan, store, year, str(year))
        for target in sums:
            line = lines[target.id]
            a, chart = line.a, line.chart  # type: ignore[attr-defined]
            points = chart.points if chart is not None else []
            where = (data, year, target.id)
            if a.missing_years:
                assert all(x < min(a.missing_years) for x, _ in points), where
            elif a.actual is not None:  # a complete sum is drawn, up to the status's figure
                assert points and points[-1][1] == pytest.approx(float(a.actual)), where
                checked += 1
    assert checked or data == "data/actuals", data  # the shipped figures hold no whole sum


COVERAGE = "ss.employee_insurance_coverage.2020"  # ≥ 92 % by 2020


def test_a_level_path_starts_where_a_part_year_start_is_drawn(plan: Plan) -> None:
    """80 % at June 2017, 84 % in 2018: the figure of June 2017 is drawn at 2016.5, where the
    assessment measures time and pace from; the required path starts there too (it began
    at 2017.0, half a year after the figure, and so ran below the rate the pace is read
    against), and reaches 92 at the deadline."""
    store = store_from(
        plan,
        (
            "t.csv",
            csv_rows(
                "ss.employee_insurance_coverage,2017-06,,80,,s,",
                "ss.employee_insurance_coverage,2018,,84,,s,",
            ),
        ),
    )
    chart = _lines(plan, store, 2018, "2018")[COVERAGE].chart  # type: ignore[attr-defined]
    assert chart is not None
    assert chart.points[0] == (2016.5, 80.0)
    assert chart.required[0] == (2016.5, 80.0)
    assert chart.required[-1] == (2020.0, pytest.approx(92.0))
    rate = (92 / 80) ** (1 / 3.5)
    for x, y in chart.required:
        assert y == pytest.approx(80 * rate ** (x - 2016.5))
