"""The assessment rules of spec/assessment.md, each pinned with numbers worked by hand.

Each test builds a tiny store from CSV rows against the shipped plan, assesses one
target as of one period, and checks the figures the rule defines.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import csv_rows, store_from
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.assessment.engine import Assessment, assess, assess_all, default_as_of
from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.plan.models import AssessmentSettings, Plan, Thresholds


def run(
    plan: Plan, target_id: str, as_of: str, *rows: str, region: str | None = None
) -> Assessment:
    store = store_from(plan, ("t.csv", csv_rows(*rows)))
    assert store.errors == [], store.errors
    return assess(
        plan, store, plan.target_by_id[target_id], parse_period(as_of), region or plan.city.id
    )


# ------------------------------------------------------------------ level

URBAN = "inc.urban_disposable.2020"  # ≈ 50,000 yuan by 2020, tolerance 5 %


def test_level_achievement_gap_progress_and_time(plan: Plan) -> None:
    """40,000 in 2015 → 44,000 in 2018: 88 % achieved, gap 6,000, 40 % progress, 60 % time."""
    a = run(
        plan,
        URBAN,
        "2018",
        "inc.urban_disposable,2015,,40000,,s,",
        "inc.urban_disposable,2018,,44000,,s,",
    )
    assert a.actual == Decimal(44000) and str(a.actual_period) == "2018"
    assert a.achievement == pytest.approx(44000 / 50000)  # 0.88
    assert a.gap == Decimal(6000)  # 50,000 − 44,000
    assert a.starting_point == (
        Period.of_year(2015),
        Decimal(40000),
    )  # earliest observation, no baseline in the plan
    assert a.progress == pytest.approx((44000 - 40000) / (50000 - 40000))  # 0.4
    assert a.time_progress == pytest.approx((2018 - 2015) / (2020 - 2015))  # 0.6
    assert a.schedule_gap == pytest.approx(0.4 - 0.6)


def test_level_pace_and_projection_from_growth_rates(plan: Plan) -> None:
    """CAGR 3.23 %/yr achieved vs 4.56 %/yr required: pace 0.707 → at_risk; projected 46,886."""
    a = run(
        plan,
        URBAN,
        "2018",
        "inc.urban_disposable,2015,,40000,,s,",
        "inc.urban_disposable,2018,,44000,,s,",
    )
    cagr_a = (44000 / 40000) ** (1 / 3) - 1  # 0.032280
    cagr_r = (50000 / 40000) ** (1 / 5) - 1  # 0.045640
    assert a.pace == pytest.approx(cagr_a / cagr_r)  # 0.70729
    assert a.pace == pytest.approx(0.70729, abs=1e-5)
    assert float(a.projected or 0) == pytest.approx(44000 * (1 + cagr_a) ** 2, abs=1e-3)  # 46,885.8
    assert a.status == "at_risk"


def test_level_approximately_is_met_within_tolerance(plan: Plan) -> None:
    """≈ 50,000 with 5 % tolerance: 47,500 (= 50,000 × 0.95) is achieved, 47,499 is not."""
    met = run(plan, URBAN, "2019", "inc.urban_disposable,2019,,47500,,s,")
    assert met.status == "achieved"
    short = run(plan, URBAN, "2019", "inc.urban_disposable,2019,,47499,,s,")
    assert short.status != "achieved"


def test_level_lower_is_better(plan: Plan) -> None:
    """Dibao ratio < 1.5: 2.0 → 1.6 gives achievement 1.5/1.6, gap 0.1, pace 1.28 → on_track."""
    a = run(
        plan,
        "ss.dibao_urban_rural_ratio.2020",
        "2018",
        "ss.dibao_urban_rural_ratio,2015,,2.0,,s,",
        "ss.dibao_urban_rural_ratio,2018,,1.6,,s,",
    )
    assert a.achievement == pytest.approx(1.5 / 1.6)  # 0.9375
    assert a.gap == Decimal("0.1")  # A − T when lower is better
    cagr_a = (1.6 / 2.0) ** (1 / 3) - 1  # −0.07168
    cagr_r = (1.5 / 2.0) ** (1 / 5) - 1  # −0.05591
    assert a.pace == pytest.approx(-1 * cagr_a / abs(cagr_r))  # 1.282
    assert a.status == "on_track"


def test_level_strict_comparator(plan: Plan) -> None:
    """'< 1.5' is not met by exactly 1.5."""
    a = run(
        plan, "ss.dibao_urban_rural_ratio.2020", "2019", "ss.dibao_urban_rural_ratio,2019,,1.5,,s,"
    )
    assert a.status != "achieved" and a.gap == Decimal(0)


def test_level_missed_at_deadline(plan: Plan) -> None:
    """As of 2020 (the deadline year complete), 45,000 < 47,500 is missed."""
    a = run(
        plan,
        URBAN,
        "2020",
        "inc.urban_disposable,2016,,40000,,s,",
        "inc.urban_disposable,2020,,45000,,s,",
    )
    assert a.status == "missed"


def test_level_before_deadline_is_not_final(plan: Plan) -> None:
    """As of 2020-06 the 2020 deadline is not reached: the status comes from pace."""
    a = run(
        plan,
        URBAN,
        "2020-06",
        "inc.urban_disposable,2016,,40000,,s,",
        "inc.urban_disposable,2019,,45000,,s,",
    )
    assert a.status in {"on_track", "at_risk", "off_track"}


def test_level_pre_plan_figure_is_only_a_starting_point(plan: Plan) -> None:
    """A 2012 figure alone is the starting point, not the 2015–2020 actual: no_data."""
    a = run(plan, URBAN, "2020", "inc.urban_disposable,2012,,27624,,s,")
    assert a.status == "no_data" and a.actual is None
    assert a.starting_point == (Period.of_year(2012), Decimal(27624))
    assert "only-pre-plan-figures" in a.reasons


def test_level_one_figure_has_no_pace(plan: Plan) -> None:
    """One observation and no baseline: pace is not computable → insufficient_data."""
    a = run(plan, URBAN, "2017", "inc.urban_disposable,2017,,40000,,s,")
    assert a.pace is None and a.status == "insufficient_data"


@pytest.mark.parametrize("period", ["2016-06", "2017-06", "2017Q2", "2018-04", "2019Q3"])
def test_level_one_mid_year_figure_has_no_pace(plan: Plan, period: str) -> None:
    """One figure of a part of a year is its own starting point, whatever the year: no
    progress, no pace, insufficient data (2017-06 was read as starting in 2016: off track)."""
    row = f"ss.employee_insurance_coverage,{period},,85,,s,"
    a = run(plan, "ss.employee_insurance_coverage.2020", period, row)
    assert a.status == "insufficient_data" and "no-starting-point" in a.reasons
    assert a.progress is None and a.pace is None and a.schedule_gap is None


def test_level_pace_from_a_mid_year_start_counts_the_years_between(plan: Plan) -> None:
    """From 80 at June 2017 to 84 at the end of 2018 is 1.5 years, not 2."""
    a = run(
        plan,
        "ss.employee_insurance_coverage.2020",
        "2018",
        "ss.employee_insurance_coverage,2017-06,,80,,s,",
        "ss.employee_insurance_coverage,2018,,84,,s,",
    )
    assert a.starting_point == (parse_period("2017-06"), Decimal(80))
    assert a.time_progress == pytest.approx(1.5 / 3.5)
    cagr_a = (84 / 80) ** (1 / 1.5) - 1
    cagr_r = (92 / 80) ** (1 / 3.5) - 1
    assert a.pace == pytest.approx(cagr_a / cagr_r)


def test_level_falling_is_regressing(plan: Plan) -> None:
    """Coverage falling 80 → 78 gives negative pace: off_track, flagged regressing."""
    a = run(
        plan,
        "ss.employee_insurance_coverage.2020",
        "2017",
        "ss.employee_insurance_coverage,2015,,80,,s,",
        "ss.employee_insurance_coverage,2017,,78,,s,",
    )
    assert a.pace is not None and a.pace < 0
    assert a.status == "off_track" and a.regressing


# ------------------------------------------- a starting point that already meets the target

SAFETY = "safety.public_security_sense.2020"  # > 97 % by 2020


def test_start_met_then_fallen_back_is_off_track_without_schedule(plan: Plan) -> None:
    """97.9 → 95.7 against '> 97': no progress, schedule gap or pace; off track, fell back."""
    a = run(
        plan,
        SAFETY,
        "2019",
        "safety.public_security_sense,2017,,97.9,,s,",
        "safety.public_security_sense,2019,,95.7,,s,",
    )
    assert a.progress is None and a.schedule_gap is None and a.pace is None
    assert a.status == "off_track" and a.regressing
    assert a.reasons == ["start-met", "fell-back"]
    assert a.achievement == pytest.approx(95.7 / 97)  # A/T still says how close it is


def test_start_met_and_still_holding_is_achieved_without_schedule(plan: Plan) -> None:
    """97.1 → 97.4 against '> 97' is achieved, with no 'behind schedule' from a flipped sign."""
    a = run(
        plan,
        SAFETY,
        "2019",
        "safety.public_security_sense,2017,,97.1,,s,",
        "safety.public_security_sense,2019,,97.4,,s,",
    )
    assert a.status == "achieved" and not a.regressing
    assert a.progress is None and a.schedule_gap is None and a.pace is None


def test_start_met_and_fallen_back_at_the_deadline_is_missed(plan: Plan) -> None:
    """As of 2020 (final), a county that fell from 98 to 96 against '> 97' missed it."""
    a = run(
        plan,
        SAFETY,
        "2020",
        "safety.public_security_sense,2016,,98,,s,",
        "safety.public_security_sense,2020,,96,,s,",
    )
    assert a.status == "missed" and a.schedule_gap is None


def test_start_met_lower_is_better(plan: Plan) -> None:
    """A dibao ratio of 1.4 at the start against '< 1.5' (d = −1) leaves nothing to make up."""
    a = run(
        plan,
        "ss.dibao_urban_rural_ratio.2020",
        "2018",
        "ss.dibao_urban_rural_ratio,2015,,1.4,,s,",
        "ss.dibao_urban_rural_ratio,2018,,1.6,,s,",
    )
    assert a.progress is None and a.pace is None and a.schedule_gap is None
    assert a.status == "off_track" and a.regressing and "fell-back" in a.reasons


def test_start_exactly_at_the_target_counts_as_met(plan: Plan) -> None:
    """A0 = T (d·(T−A0) = 0) has nothing to make up either: no division by zero, no schedule."""
    a = run(
        plan,
        SAFETY,
        "2019",
        "safety.public_security_sense,2016,,97,,s,",
        "safety.public_security_sense,2019,,96.5,,s,",
    )
    assert a.progress is None and a.schedule_gap is None
    assert a.status == "off_track" and "start-met" in a.reasons


# ------------------------------------------------------------------ annual

JOBS = "emp.new_urban_jobs.annual"  # ≥ 85,000 every year 2015–2020


def test_annual_year_to_date_against_time_elapsed(plan: Plan) -> None:
    """83,700 by August: 98.5 % of the year's target at 8/12 of the year, +31.8 points."""
    a = run(plan, JOBS, "2016-08", "emp.new_urban_jobs,2016-08,,83700,,s,")
    assert a.achievement == pytest.approx(83700 / 85000)  # 0.98471
    assert a.gap == Decimal(1300)
    assert a.time_progress == pytest.approx(8 / 12)
    assert a.schedule_gap == pytest.approx(83700 / 85000 - 8 / 12)  # 0.31804
    assert round(a.schedule_gap * 100, 1) == 31.8
    assert a.pace == pytest.approx((83700 / 85000) / (8 / 12))  # 1.477
    assert a.projected == Decimal("125550")  # 83,700 / (8/12)
    assert a.status == "on_track"


def test_annual_quarter_counts_three_months_each(plan: Plan) -> None:
    """2016Q2: time progress 6/12; 40,000 → pace 0.941 → at_risk."""
    a = run(plan, JOBS, "2016Q2", "emp.new_urban_jobs,2016Q2,,40000,,s,")
    assert a.time_progress == pytest.approx(0.5)
    assert a.pace == pytest.approx((40000 / 85000) / 0.5)  # 0.9412
    assert a.status == "at_risk"


def test_annual_history_met_in_n_of_m_years(plan: Plan) -> None:
    """2015 86,000 met, 2016 84,000 missed, 2017 only Jan–Mar (listed, not judged): 'met in 1 of 2 years'."""
    a = run(
        plan,
        JOBS,
        "2017-03",
        "emp.new_urban_jobs,2015,,86000,,s,",
        "emp.new_urban_jobs,2016,,84000,,s,",
        "emp.new_urban_jobs,2017-03,,20000,,s,",
    )
    assert [(h.year, h.met) for h in a.history] == [(2015, True), (2016, False), (2017, None)]
    assert a.met_years == (1, 2)


def test_annual_full_year_below_target_is_missed(plan: Plan) -> None:
    """A full year's 84,000 against 85,000 is missed once the year is over."""
    a = run(plan, JOBS, "2016", "emp.new_urban_jobs,2016,,84000,,s,")
    assert a.status == "missed" and a.time_progress == 1.0


def test_annual_met_is_achieved_even_mid_year(plan: Plan) -> None:
    """86,000 by October already meets the year's target."""
    a = run(plan, JOBS, "2016-10", "emp.new_urban_jobs,2016-10,,86000,,s,")
    assert a.status == "achieved"


def test_annual_year_over_with_only_ytd_is_insufficient(plan: Plan) -> None:
    """As of 2016 with only Jan–Aug known, the year's total is unknown: insufficient_data."""
    a = run(plan, JOBS, "2016", "emp.new_urban_jobs,2016-08,,83700,,s,")
    assert a.status == "insufficient_data" and "year-over-only-ytd" in a.reasons


def test_annual_no_value_for_the_year_is_no_data(plan: Plan) -> None:
    """No 2017 figure → no_data for 2017, with 2016 still in the history."""
    a = run(plan, JOBS, "2017-06", "emp.new_urban_jobs,2016,,86000,,s,")
    assert a.status == "no_data" and [(h.year, h.met) for h in a.history] == [
        (2015, None),
        (2016, True),
        (2017, None),
    ]


def test_annual_year_over_with_only_ytd_derives_nothing(plan: Plan) -> None:
    """As of 2016 with only Jan–Aug known, no time elapsed, schedule gap, pace or
    projection is worked out from the year's total it lacks; the figure's achievement stays."""
    a = run(plan, JOBS, "2016", "emp.new_urban_jobs,2016-08,,83700,,s,")
    assert (a.time_progress, a.schedule_gap, a.pace, a.projected) == (None, None, None, None)
    assert a.achievement == pytest.approx(83700 / 85000)


@pytest.mark.parametrize("as_of", ["2016-08", "2016-10"])
def test_annual_time_progress_is_the_months_the_figure_covers(plan: Plan, as_of: str) -> None:
    """A Jan–Aug figure is judged against 8/12 of the year whatever the as-of in that year
    while the year is open (once it is over, the year's total is missing: see above).

    83,700 / 85,000 = 0.98471; 8 / 12 = 0.66667; 0.98471 − 0.66667 = +0.31804, +31.8 points.
    """
    a = run(plan, JOBS, as_of, "emp.new_urban_jobs,2016-08,,83700,,s,")
    assert a.time_progress == pytest.approx(8 / 12)
    assert a.schedule_gap is not None and round(a.schedule_gap * 100, 1) == 31.8


def test_annual_history_judges_the_as_of_year_when_its_full_year_is_in(plan: Plan) -> None:
    """As of 2016 with 2015 and 2016 full-year figures, both years are judged: 'met in 1 of 2'."""
    a = run(
        plan,
        JOBS,
        "2016",
        "emp.new_urban_jobs,2015,,86000,,s,",
        "emp.new_urban_jobs,2016,,84000,,s,",
    )
    assert [(h.year, h.met) for h in a.history] == [(2015, True), (2016, False)]
    assert a.met_years == (1, 2)


def test_annual_history_without_a_full_year_is_not_judged(plan: Plan) -> None:
    """Only a Jan–Aug figure: the year is listed, nothing is judged, so no 'met in' at all."""
    a = run(plan, JOBS, "2015", "emp.new_urban_jobs,2015-08,,60000,,s,")
    assert [(h.year, h.met) for h in a.history] == [(2015, None)]
    assert a.met_years is None


def test_annual_without_a_figure_has_no_time_progress(plan: Plan) -> None:
    """No figure for the year: nothing to measure against time, so no time progress."""
    a = run(plan, JOBS, "2016-08", "emp.new_urban_jobs,2015,,86000,,s,")
    assert a.status == "no_data" and a.time_progress is None and a.schedule_gap is None


def test_single_year_target_is_judged_on_its_year_after_it(plan: Plan) -> None:
    """Housing 2015 (≥ 49,000) seen from 2019: its 2015 result, missed at 46,500."""
    a = run(
        plan, "housing.affordable_units.2015", "2019", "housing.affordable_units,2015,,46500,,s,"
    )
    assert a.status == "missed" and a.achievement == pytest.approx(46500 / 49000)


# ------------------------------------------------------------------ cumulative

STARTED = "housing.floor_area_started.2018_2020"  # ≥ 5,680,000 m², 2018–2020
# 1.9M in 2018, 2.0M in 2019, 0.9M in Jan–Jun 2020: 4.8M by June 2020
TO_JUNE_2020 = (
    "housing.floor_area_started,2018,,1900000,,s,",
    "housing.floor_area_started,2019,,2000000,,s,",
    "housing.floor_area_started,2020-06,,900000,,s,",
)


def test_cumulative_sum_and_time_progress(plan: Plan) -> None:
    """1.9M + 2.0M + 0.9M by June 2020 = 4.8M: 84.5 % at 30/36 of the span → on_track."""
    a = run(
        plan,
        STARTED,
        "2020-06",
        *TO_JUNE_2020,
    )
    assert a.actual == Decimal(4800000)
    assert a.achievement == pytest.approx(4800000 / 5680000)  # 0.84507
    assert a.gap == Decimal(880000)
    assert a.time_progress == pytest.approx(
        ((2020 - 2018) * 12 + 6) / ((2020 - 2018 + 1) * 12)
    )  # 30/36
    assert a.pace == pytest.approx((4800000 / 5680000) / (30 / 36))  # 1.0141
    assert a.schedule_gap == pytest.approx(4800000 / 5680000 - 30 / 36)
    assert a.status == "on_track"


def test_cumulative_missing_year_is_never_zero(plan: Plan) -> None:
    """No 2018 figure: the sum is incomplete → insufficient_data naming 2018."""
    a = run(
        plan,
        STARTED,
        "2020-06",
        "housing.floor_area_started,2019,,2000000,,s,",
        "housing.floor_area_started,2020-06,,900000,,s,",
    )
    assert a.status == "insufficient_data" and a.missing_years == [2018]
    assert a.pace is None


@pytest.mark.parametrize("as_of", ["2020-06", "2020-09"])
def test_cumulative_time_progress_is_the_months_the_figure_covers(plan: Plan, as_of: str) -> None:
    """A Jan–Jun 2020 figure counts 6 months of 2020 whether the as-of is June or September: 30/36."""
    a = run(
        plan,
        STARTED,
        as_of,
        *TO_JUNE_2020,
    )
    assert a.time_progress == pytest.approx(30 / 36)


def test_cumulative_incomplete_sum_has_no_schedule_gap(plan: Plan) -> None:
    """With 2018 missing the sum is incomplete, so it is not set against time elapsed."""
    a = run(
        plan,
        STARTED,
        "2020-06",
        "housing.floor_area_started,2019,,2000000,,s,",
        "housing.floor_area_started,2020-06,,900000,,s,",
    )
    assert a.schedule_gap is None and a.projected is None


def test_cumulative_before_its_span_is_no_data(plan: Plan) -> None:
    """As of 2017 the 2018–2020 span has not started."""
    a = run(plan, STARTED, "2017", "housing.floor_area_started,2017,,100,,s,")
    assert a.status == "no_data" and "not-started" in a.reasons


def test_cumulative_reached_early_is_achieved(plan: Plan) -> None:
    """Public rental area 350k + 400k + 180k = 930k ≥ 900k by June 2020."""
    a = run(
        plan,
        "housing.public_rental_area.2018_2020",
        "2020-06",
        "housing.public_rental_area,2018,,350000,,s,",
        "housing.public_rental_area,2019,,400000,,s,",
        "housing.public_rental_area,2020-06,,180000,,s,",
    )
    assert a.status == "achieved" and a.gap == Decimal(-30000)


def test_cumulative_short_at_deadline_is_missed(plan: Plan) -> None:
    """5.0M by the end of 2020 against 5.68M is missed."""
    a = run(
        plan,
        STARTED,
        "2020",
        "housing.floor_area_started,2018,,1900000,,s,",
        "housing.floor_area_started,2019,,2000000,,s,",
        "housing.floor_area_started,2020,,1100000,,s,",
    )
    assert a.status == "missed" and a.time_progress == 1.0


@pytest.mark.parametrize("as_of", ["2020", "2020-12"])
def test_cumulative_year_over_with_only_ytd_is_not_missed(plan: Plan, as_of: str) -> None:
    """A sum whose deadline year has only a Jan–Jun figure is not final: insufficient_data."""
    a = run(
        plan,
        STARTED,
        as_of,
        *TO_JUNE_2020,
    )
    assert a.status == "insufficient_data" and "year-over-only-ytd" in a.reasons
    assert a.actual == Decimal(4800000) and a.pace is None and a.projected is None


# ------------------------------------------------------------------ milestones and judgements


def test_milestone_done_on_time(plan: Plan) -> None:
    """Citizen centre done in 2015, deadline 2015: done, on time."""
    a = run(plan, "gov.citizen_centre.2015", "2016", "gov.citizen_centre,2015,,done,,s,")
    assert (a.status, a.on_time) == ("done", True)


def test_milestone_done_late(plan: Plan) -> None:
    """Not done at the end of 2015, done in 2016: done, late."""
    a = run(
        plan,
        "gov.citizen_centre.2015",
        "2017",
        "gov.citizen_centre,2015,,否,,s,",
        "gov.citizen_centre,2016,,是,,s,",
    )
    assert (a.status, a.on_time) == ("done", False)


def test_milestone_done_is_shown_by_when_it_was_first_done(plan: Plan) -> None:
    """Done in 2015 and reported done again in 2019: shown as done (2015), on time."""
    a = run(
        plan,
        "gov.citizen_centre.2015",
        "2019",
        "gov.citizen_centre,2015,,done,,s,",
        "gov.citizen_centre,2019,,done,,s,",
    )
    assert (a.status, a.on_time) == ("done", True)
    assert str(a.actual_period) == "2015" and [o.line for o in a.evidence] == [2]


def test_a_county_milestone_done_on_time_is_shown_by_its_first_year(plan: Plan) -> None:
    """A county done in 2015, 2016 and 2019 against 'by 2015' reads done (2015), on time."""
    rows = [f"edu.balanced_counties,{y},lanshan,done,,s," for y in (2015, 2016, 2019)]
    a = run(plan, "edu.balanced_counties.2015", "2020", *rows, region="lanshan")
    assert (a.status, a.on_time, str(a.actual_period)) == ("done", True, "2015")


def test_milestone_done_when_unknown(plan: Plan) -> None:
    """First reported done after the deadline, nothing before: whether on time is unknown."""
    a = run(plan, "gov.citizen_centre.2015", "2017", "gov.citizen_centre,2016,,done,,s,")
    assert (a.status, a.on_time) == ("done", None) and "done-date-unknown" in a.reasons


def test_milestone_date_value_decides_on_time(plan: Plan) -> None:
    """A completion date within the deadline year is on time, whatever the period says."""
    a = run(
        plan,
        "elderly.emergency_call_12349",
        "2020",
        "elderly.emergency_call_12349,2020,,2020-05-18,,s,",
    )
    assert (a.status, a.on_time) == ("done", True)


def test_milestone_pending_then_overdue(plan: Plan) -> None:
    """Not done with the deadline ahead is pending; after the deadline year, overdue."""
    row = "muni.transit_metropolis_pilot,2019,,not done,,s,"
    assert run(plan, "muni.transit_metropolis_pilot", "2019", row).status == "pending"
    row2020 = "muni.transit_metropolis_pilot,2020,,0,,s,"
    assert run(plan, "muni.transit_metropolis_pilot", "2020", row, row2020).status == "overdue"


def test_countable_milestone_counts(plan: Plan) -> None:
    """11 of 12 counties by 2016 against 'all by 2015': overdue, 91.7 %, gap 1."""
    a = run(plan, "edu.balanced_counties.2015", "2016", "edu.balanced_counties,2016,,11,,s,")
    assert a.status == "overdue"
    assert a.achievement == pytest.approx(11 / 12) and a.gap == Decimal(1) and a.count_total == 12


def test_countable_milestone_from_every_county(plan: Plan) -> None:
    """All 12 counties report 'done' in 2015: the city count is 12, done on time."""
    rows = [f"edu.balanced_counties,2015,{r.id},done,,s," for r in plan.sub_regions]
    a = run(plan, "edu.balanced_counties.2015", "2015", *rows)
    assert a.actual == Decimal(12) and (a.status, a.on_time) == ("done", True)


def test_qualitative_judgement_is_assessed(plan: Plan) -> None:
    """A judgement word gives status 'assessed' with the judgement kept."""
    a = run(
        plan,
        "edu.modernisation.2020",
        "2019",
        "edu.modernisation,2019,,正常推进,,city education bureau,",
    )
    assert (a.status, a.judgement) == ("assessed", "on_track")


def test_qualitative_without_judgement_is_no_data(plan: Plan) -> None:
    """No judgement yet → no_data."""
    assert (
        run(plan, "edu.modernisation.2020", "2019", "emp.new_urban_jobs,2019,,1,,s,").status
        == "no_data"
    )


# ------------------------------------------------------------------ regions


def test_complete_region_rows_sum_to_the_city(plan: Plan) -> None:
    """Twelve regions' 2016 figures of 7,100 each give a city value of 85,200: achieved."""
    rows = [f"emp.new_urban_jobs,2016,{r.id},7100,,s," for r in plan.sub_regions]
    a = run(plan, JOBS, "2016", *rows)
    assert a.actual == Decimal(7100 * 12) and a.status == "achieved"
    assert describe_source(a.evidence[0].source, "en") == "sum of the 12 regions' figures (1 file)"
    assert describe_source(a.evidence[0].source, "zh") == "12个地区数据之和（1个文件）"


def test_partial_region_rows_are_never_the_city_value(plan: Plan) -> None:
    """Eleven of twelve regions: a partial sum, labelled, and the city stays no_data."""
    rows = [f"emp.new_urban_jobs,2016,{r.id},7100,,s," for r in plan.sub_regions[:-1]]
    a = run(plan, JOBS, "2016", *rows)
    assert a.status == "no_data" and a.actual is None
    assert a.partial is not None and a.partial.total == Decimal(7100 * 11)
    assert a.partial.missing == (plan.sub_regions[-1].id,)


def test_city_row_wins_over_the_regions_sum(plan: Plan) -> None:
    """When the city reports its own figure, that is the city's value."""
    rows = [f"emp.new_urban_jobs,2016,{r.id},7100,,s," for r in plan.sub_regions]
    a = run(plan, JOBS, "2016", "emp.new_urban_jobs,2016,,86000,,s,", *rows)
    assert a.actual == Decimal(86000)


def test_rates_do_not_add_up(plan: Plan) -> None:
    """Regions' coverage rates never make a city value: the city needs its own row."""
    rows = [f"ss.employee_insurance_coverage,2016,{r.id},93,,s," for r in plan.sub_regions]
    a = run(plan, "ss.employee_insurance_coverage.2020", "2016", *rows)
    assert a.status == "no_data"


def test_region_rate_is_judged_against_the_city_target(plan: Plan) -> None:
    """A region's own coverage is assessed against the city-wide level."""
    a = run(
        plan,
        "ss.employee_insurance_coverage.2020",
        "2016",
        "ss.employee_insurance_coverage,2016,lanshan,93,,s,",
        region="lanshan",
    )
    assert a.status == "achieved" and a.region == "lanshan"


def test_region_share_of_a_city_sum_has_no_target(plan: Plan) -> None:
    """A county's jobs are shown, but a city-wide sum target is not the county's."""
    a = run(plan, JOBS, "2016", "emp.new_urban_jobs,2016,lanshan,7100,,s,", region="lanshan")
    assert a.status is None and a.actual == Decimal(7100) and "region-no-target" in a.reasons


# ------------------------------------------------------------------ status rules


def test_thresholds_come_from_the_plan(plan: Plan) -> None:
    """The same pace (0.707) is on_track when the plan sets on_track at 0.70."""
    lenient = plan.model_copy(
        update={
            "assessment": AssessmentSettings(
                thresholds=Thresholds(on_track=Decimal("0.70"), at_risk=Decimal("0.5"))
            )
        }
    )
    store = store_from(
        plan,
        (
            "t.csv",
            csv_rows(
                "inc.urban_disposable,2015,,40000,,s,", "inc.urban_disposable,2018,,44000,,s,"
            ),
        ),
    )
    a = assess(lenient, store, lenient.target_by_id[URBAN], parse_period("2018"), "linyi")
    assert a.status == "on_track"


def test_observations_after_as_of_do_not_count(plan: Plan) -> None:
    """As of 2016-06, a 2016-08 figure is invisible."""
    a = run(plan, JOBS, "2016-06", "emp.new_urban_jobs,2016-08,,83700,,s,")
    assert a.status == "no_data"


def test_default_as_of_is_the_latest_period_with_data(plan: Plan) -> None:
    """The latest observation's period, comparing by the month it ends."""
    store = store_from(
        plan, ("t.csv", csv_rows("pop.resident,2019,,1,,s,", "emp.new_urban_jobs,2020-03,,5,,s,"))
    )
    assert str(default_as_of(store, plan)) == "2020-03"


def test_default_as_of_for_a_year_is_its_latest_period_with_data(plan: Plan) -> None:
    """For a report on a year: the latest period with data within it, else the whole year."""
    store = store_from(
        plan,
        ("t.csv", csv_rows("emp.new_urban_jobs,2016-08,,5,,s,", "pop.resident,2017,,1,,s,")),
    )
    assert str(default_as_of(store, plan, 2016)) == "2016-08"
    assert str(default_as_of(store, plan, 2018)) == "2018"


def test_assess_all_covers_every_target_once_per_region(plan: Plan) -> None:
    """One assessment per target for the city; per target and region with several regions."""
    store = store_from(plan, ("t.csv", csv_rows("pop.resident,2019,,1,,s,")))
    assert len(assess_all(plan, store, parse_period("2019")).assessments) == len(plan.targets)
    both = assess_all(plan, store, parse_period("2019"), ["linyi", "lanshan"])
    assert len(both.assessments) == 2 * len(plan.targets)


# ------------------------------------------------------------------ a level of a flow


def _level_of_flow(plan: Plan, as_of: str, *rows: str) -> Assessment:
    """A level target on a flow (新开工面积 to reach 2,500,000 m² by 2020, as a plan may set
    地区生产总值达到…亿元): a year's level is its full-year total."""
    base = plan.target_by_id["ss.employee_insurance_coverage.2020"]
    target = base.model_copy(
        update={"id": "t.level_of_flow", "indicator": STARTED_IND, "value": Decimal(2500000)}
    )
    store = store_from(plan, ("t.csv", csv_rows(*rows)))
    assert store.errors == [], store.errors
    return assess(plan, store, target, parse_period(as_of), plan.city.id)


STARTED_IND = "housing.floor_area_started"


def test_a_flows_year_to_date_figure_is_no_level(plan: Plan) -> None:
    """1,800,000 (2016), 2,000,000 (2017), then Jan–Jun 2018 1,000,000: the half year is no
    fall of the level — judged on 2017 (on track), never 'off track · regressing'."""
    a = _level_of_flow(
        plan,
        "2018-06",
        f"{STARTED_IND},2016,,1800000,,s,",
        f"{STARTED_IND},2017,,2000000,,s,",
        f"{STARTED_IND},2018-06,,1000000,,s,",
    )
    assert str(a.actual_period) == "2017" and a.actual == Decimal(2000000)
    assert not a.regressing and a.status == "on_track"
    assert "ytd-not-a-level" in a.reasons
    cagr_a = 2000000 / 1800000 - 1
    cagr_r = (2500000 / 1800000) ** (1 / 4) - 1
    assert a.pace == pytest.approx(cagr_a / cagr_r)


def test_a_flows_year_to_date_figure_is_no_starting_point(plan: Plan) -> None:
    """Jan–Jun 2016 900,000, then 2017 2,000,000: the starting point is 2017's total, not a
    half year's (which read as a level more than doubled: on track)."""
    a = _level_of_flow(
        plan,
        "2017",
        f"{STARTED_IND},2016-06,,900000,,s,",
        f"{STARTED_IND},2017,,2000000,,s,",
    )
    assert a.starting_point == (Period.of_year(2017), Decimal(2000000))
    assert a.pace is None and a.status == "insufficient_data"
    assert "no-starting-point" in a.reasons


def test_a_flow_with_only_year_to_date_figures_has_no_level(plan: Plan) -> None:
    """Only Jan–Jun 2018: no level to judge (no data), and the reason says why."""
    a = _level_of_flow(plan, "2018-06", f"{STARTED_IND},2018-06,,1000000,,s,")
    assert a.status == "no_data" and a.actual is None
    assert "ytd-not-a-level" in a.reasons


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", "自2017年6月起点已完成应提升幅度的33.3%"),
        ("en", "of the way from the Jun 2017 starting"),
    ],
)
def test_a_part_year_starting_point_is_named_by_its_period(
    plan: Plan, lang: str, words: str
) -> None:
    """The progress sentence names the starting point's own period (2017年6月), the one
    time elapsed is measured from — '2017年起点' read as the end of 2017."""
    from linyi_tracker.reporting.text import level_progress
    from linyi_tracker.reporting.view import target_view

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
    as_of = parse_period("2018")
    target = plan.target_by_id["ss.employee_insurance_coverage.2020"]
    a = assess(plan, store, target, as_of, plan.city.id)
    assert a.starting_point == (parse_period("2017-06"), Decimal(80))
    v = target_view(plan, store, a, as_of)
    assert words in level_progress(v, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("middle", ["not done", "否"])
def test_a_milestone_done_again_after_not_done_is_shown_by_its_last_completion(
    plan: Plan, middle: str
) -> None:
    """Done in 2015, reported not done in 2017, done again in 2019, against 'by 2015': it
    is done since 2019 and was not done after its deadline — done (2019), late; it read
    'done (2015) · on time' with the 2017 report out of sight."""
    a = run(
        plan,
        "gov.citizen_centre.2015",
        "2019",
        "gov.citizen_centre,2015,,done,,s,",
        f"gov.citizen_centre,2017,,{middle},,s,",
        "gov.citizen_centre,2019,,done,,s,",
    )
    assert (a.status, a.on_time, str(a.actual_period)) == ("done", False, "2019")


def test_a_county_count_done_again_is_shown_by_its_last_completion(plan: Plan) -> None:
    """12 counties in 2015, 11 in 2017, 12 in 2019 against all 12 by 2015: done (2019), late."""
    rows = [f"edu.balanced_counties,{y},,{n},,s," for y, n in ((2015, 12), (2017, 11), (2019, 12))]
    a = run(plan, "edu.balanced_counties.2015", "2020", *rows)
    assert (a.status, a.on_time, str(a.actual_period)) == ("done", False, "2019")
