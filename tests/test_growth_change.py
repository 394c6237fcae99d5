"""Growth (年均增长) and change (累计下降/提高) targets, assessed by the spec's rules on the
relative level R(ya) = X(ya)/X(y0), from levels or chained from growth figures."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from conftest import FIXTURES, Result, store_from
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.assessment.engine import Assessment, assess
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import target_view

PLAN = FIXTURES / "plans" / "growth-change.yaml"
DATA = FIXTURES / "anyplan"
TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def any_plan() -> Plan:
    return read_plan(PLAN)


def _assess(plan: Plan, folder: str, target: str, as_of: str = "2022") -> tuple[Assessment, Store]:
    store = load_store(plan, DATA / folder, today=TODAY)
    assert store.errors == []
    t = plan.target_by_id[target]
    return assess(plan, store, t, Period.of_year(int(as_of)), plan.city.id), store


def test_growth_from_chained_growth_figures(any_plan: Plan) -> None:
    """R&D ≥ 7 % a year from 2020: 2021 +10 %, 2022 +11.8 % give R(2022) = 1.1 × 1.118
    = 1.2298; g_a = 1.2298^(1/2) − 1 = 0.108963 (10.9 % a year); achievement = pace =
    0.108963 / 0.07 = 1.5566; gap = 7 − 10.8963 = −3.8963 points; time progress = 2/5;
    projected R(2025) = 1.2298 × 1.108963^3 = 1.2298^(5/2) = 1.67720; the end level
    1.07^5 = 1.40255 is not reached yet, pace ≥ 0.95 → on_track."""
    a, _ = _assess(any_plan, "growth-only", "rd.spending.growth")
    g_a = math.sqrt(1.1 * 1.118) - 1
    assert a.relative == pytest.approx(1.2298)
    assert a.actual is not None and float(a.actual) == pytest.approx(g_a * 100, abs=1e-6)
    assert a.achievement == pytest.approx(g_a / 0.07)
    assert a.pace == pytest.approx(g_a / 0.07)
    assert a.gap is not None and float(a.gap) == pytest.approx(7 - g_a * 100, abs=1e-6)
    assert a.time_progress == pytest.approx(0.4)
    assert a.projected is not None
    assert float(a.projected) == pytest.approx(1.2298**2.5, abs=1e-6)
    assert (a.status, a.base_year, a.binding) == ("on_track", 2020, False)


def test_change_from_chained_growth_figures(any_plan: Plan) -> None:
    """Energy use per unit of GDP down 13.5 % from 2020: 2021 −2.0 %, 2022 −1.3 % give
    R = 0.98 × 0.987 = 0.96726, C = −3.274 %; achievement = −0.03274 / −0.135 = 0.2425;
    gap = −13.5 − (−3.274) = −10.226 points; pace = (0.96726^(1/2) − 1) /
    (0.865^(1/5) − 1) = −0.016514 / −0.028603 = 0.5773 → off_track (< 0.60); projected
    change = 0.96726^(5/2) − 1 = −7.99 %."""
    a, _ = _assess(any_plan, "growth-only", "energy.intensity.change")
    r = 0.98 * 0.987
    assert a.actual is not None and float(a.actual) == pytest.approx((r - 1) * 100, abs=1e-6)
    assert a.achievement == pytest.approx((r - 1) / -0.135)
    assert a.gap is not None and float(a.gap) == pytest.approx(-13.5 - (r - 1) * 100, abs=1e-6)
    pace = (r**0.5 - 1) / (0.865**0.2 - 1)
    assert a.pace == pytest.approx(pace)
    assert 0.57 < pace < 0.58
    assert a.projected is not None
    assert float(a.projected) == pytest.approx((r**2.5 - 1) * 100, abs=1e-6)
    assert (a.status, a.binding) == ("off_track", True)


@pytest.mark.parametrize("target", ["rd.spending.growth", "energy.intensity.change"])
def test_growth_rates_give_what_their_levels_give(any_plan: Plan, target: str) -> None:
    """A series given only as growth rates gives the same change as its levels would."""
    chained, _ = _assess(any_plan, "growth-only", target)
    levelled, _ = _assess(any_plan, "levels", target)
    assert chained.relative == pytest.approx(levelled.relative)
    for field in ("achievement", "pace", "time_progress"):
        assert getattr(chained, field) == pytest.approx(getattr(levelled, field))
    assert chained.status == levelled.status


def test_missing_link_is_insufficient_naming_the_year(any_plan: Plan) -> None:
    """2020 level and 2022 growth, nothing for 2021: the chain breaks at 2021."""
    a, _ = _assess(any_plan, "broken-chain", "rd.spending.growth")
    assert (a.status, a.missing_years, a.reasons) == ("insufficient_data", [2021], ["missing-link"])


def test_achieved_once_the_end_level_is_reached(any_plan: Plan) -> None:
    """With R(2022) = 1.5 ≥ 1.07^5 = 1.40255 the target is achieved before its deadline."""
    store = store_from(
        any_plan,
        (
            "a.csv",
            "indicator,period,value\nrd.spending,2020,100\nrd.spending,2022,150\n",
        ),
    )
    a = assess(
        any_plan,
        store,
        any_plan.target_by_id["rd.spending.growth"],
        Period.of_year(2022),
        "city",
    )
    assert (a.status, a.relative) == ("achieved", 1.5)


def test_report_sentences(any_plan: Plan) -> None:
    """The phrases the issue asks for, in both languages."""
    growth, store = _assess(any_plan, "growth-only", "rd.spending.growth")
    change, _ = _assess(any_plan, "growth-only", "energy.intensity.change")
    g = target_view(any_plan, store, growth, Period.of_year(2022))
    c = target_view(any_plan, store, change, Period.of_year(2022))
    assert text.phrase(g, "zh") == "年均增长10.9%，目标7%以上"
    assert text.phrase(g, "en") == "average growth 10.9 % a year, target at least 7 %"
    assert text.phrase(c, "zh") == "累计下降3.3%，目标下降13.5%"
    assert text.phrase(c, "en") == "down 3.3 % in all, target down 13.5 %"
    assert text.target(c, "zh") == "累计下降13.5%（2020—2025年） · 约束性"


def test_status_json_and_show_on_the_new_kinds(run: Callable[..., Result]) -> None:
    """status (table, JSON), show and report run on a plan with growth and change targets."""
    args = ("--plan", str(PLAN), "--data", str(DATA / "growth-only"))
    r = run("status", *args, "--as-of", "2022", "--format", "json")
    assert r.exit_code == 0
    by_id = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    growth = by_id["rd.spending.growth"]
    assert (growth["kind"], growth["status"], growth["binding"]) == ("growth", "on_track", False)
    assert growth["base_year"] == 2020 and growth["chart"] is None
    assert Decimal(str(growth["actual"])).quantize(Decimal("0.1")) == Decimal("10.9")
    assert run("status", *args, "--as-of", "2022").exit_code == 0
    shown = run("show", "rd.spending", *args, "--as-of", "2022", "--lang", "zh")
    assert shown.exit_code == 0 and "年均增长10.9%" in shown.stdout
    for fmt in ("md", "html", "json", "csv"):
        rep = run("report", "2022", *args, "--format", fmt)
        assert rep.exit_code == 0, fmt


def test_a_ceiling_on_growth_holds_or_not(any_plan: Plan) -> None:
    """Growth at most 12 % a year: 10.9 % a year so far holds it (on track, achievement
    12 / 10.896 = 1.101, gap 10.896 − 12 = −1.104 points); at most 10 % does not."""
    store = load_store(any_plan, DATA / "growth-only", today=TODAY)
    base = any_plan.target_by_id["rd.spending.growth"]
    for ceiling, status in (("12", "on_track"), ("10", "off_track")):
        t = base.model_copy(update={"comparator": "<=", "value": Decimal(ceiling)})
        a = assess(any_plan, store, t, Period.of_year(2022), "city")
        assert a.status == status
        g_a = (math.sqrt(1.2298) - 1) * 100
        assert a.achievement == pytest.approx(float(ceiling) / g_a, abs=1e-6)
        assert a.pace is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_files_project_growth_and_change_as_the_terminal_does(
    run: Callable[..., Result], lang: str
) -> None:
    """The report files' 期末预计 for a change target is a change (下降…), and for a growth
    target the relative level, as the terminal says — never a share clamped to 0.0%."""
    args = ("--plan", str(PLAN), "--data", str(DATA / "growth-only"), "--lang", lang)
    terminal = run("report", "2022", *args, width=200).stdout
    markdown = run("report", "2022", *args, "--format", "md").stdout
    energy = next(line for line in markdown.splitlines() if "能耗" in line or "nergy" in line)
    cells = [c.strip() for c in energy.strip("|").split("|")]
    projected = cells[text.SYSTEM_COLUMNS.index("report.projected")]
    assert projected not in ("0.0%", "0.0 %", "—") and projected in terminal
    assert ("下降" if lang == "zh" else "down") in projected
