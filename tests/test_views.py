"""Renderers are handed what they draw (issue 29.5): the views carry the trend, the
series, the ranking, the sign-offs and withdrawals, worked out once before drawing, and
nothing under reporting/render/ or cli/render/ (nor ``show``'s command) reads the store."""

from __future__ import annotations

import ast
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import csv_rows, store_from
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.store import Store
from linyi_tracker.actuals.withdrawals import Withdrawal
from linyi_tracker.assessment import series as series_module
from linyi_tracker.assessment.engine import assess_all
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.view import IndicatorView, indicator_view, status_view

PACKAGE = Path(series_module.__file__).resolve().parents[1]
RENDERERS = sorted(
    [
        *(PACKAGE / "reporting" / "render").rglob("*.py"),
        *(PACKAGE / "cli" / "render").rglob("*.py"),
        PACKAGE / "cli" / "show.py",
    ]
)
FORBIDDEN_MODULES = {"linyi_tracker.actuals.store", "linyi_tracker.assessment.series"}
FORBIDDEN_NAMES = {"series_for", "region_ranking", "yearly_values", "SeriesBook"}
JOBS = "emp.new_urban_jobs"  # aggregate: sum, flow: true
INCOME = "inc.urban_disposable"  # aggregate: none
MEASURED = "indicator,period,region,value,unit,measure,source\n"


def _reaches(path: Path) -> list[str]:
    """What in one module reads the store or works out a series: imports, names, ``.store``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module in FORBIDDEN_MODULES:
                found.append(node.module)
            found += [
                f"{node.module}.{a.name}"
                for a in node.names
                if f"{node.module}.{a.name}" in FORBIDDEN_MODULES or a.name in FORBIDDEN_NAMES
            ]
        elif isinstance(node, ast.Attribute) and node.attr in {"store", *FORBIDDEN_NAMES}:
            found.append(f".{node.attr} (line {node.lineno})")
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append(f"{node.id} (line {node.lineno})")
    return found


def test_renderers_never_reach_the_store() -> None:
    """No renderer (nor show's command) imports the store or the series, or reads ``.store``."""
    assert len(RENDERERS) > 10
    offenders = {str(p.relative_to(PACKAGE)): _reaches(p) for p in RENDERERS}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_store_keeps_no_memo_of_the_assessment(plan: Plan) -> None:
    """Assessing a store leaves nothing of the assessment's inside the store: no attribute
    added, none replaced but the store's own series index, built on first use."""
    store = store_from(plan, ("city.csv", csv_rows(f"{JOBS},2019,,95000,,s,")))
    before = {k: id(v) for k, v in vars(store).items()}
    assess_all(plan, store, Period.of_year(2019))
    after = {k: id(v) for k, v in vars(store).items()}
    assert after.keys() == before.keys()
    assert {k for k in after if after[k] != before[k]} <= {"_series_cache"}


def test_a_command_works_each_series_out_once(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    """status's assessments and views share one book: each series is worked out once."""
    store = store_from(plan, ("city.csv", csv_rows(f"{JOBS},2019,,95000,,s,")))
    calls: Counter[tuple[str, str]] = Counter()
    real = series_module.series_for

    def counted(plan: Plan, store: Store, indicator: Any, region: str) -> Any:
        calls[indicator.id, region] += 1
        return real(plan, store, indicator, region)

    monkeypatch.setattr(series_module, "series_for", counted)
    status_view(plan, store, assess_all(plan, store, Period.of_year(2019), ["linyi", "lanshan"]))
    assert calls and max(calls.values()) == 1


def test_the_target_view_carries_its_trend(plan: Plan) -> None:
    """A target's view holds its yearly values, full years only for a flow indicator."""
    store = store_from(
        plan,
        (
            "city.csv",
            csv_rows(
                f"{JOBS},2018,,90000,,s,",
                f"{JOBS},2019,,95000,,s,",
                f"{JOBS},2020-06,,50000,,s,",
            ),
        ),
    )
    view = status_view(plan, store, assess_all(plan, store, parse_period("2020-06")))
    (jobs,) = [v for v in view.targets if v.a.target_id == f"{JOBS}.annual"]
    assert jobs.trend == (
        (Period.of_year(2018), Decimal(90000)),
        (Period.of_year(2019), Decimal(95000)),
    )


def _show(plan: Plan, store: Store, indicator: str, as_of: str, *regions: str) -> IndicatorView:
    ind = plan.indicator_by_id[indicator]
    return indicator_view(plan, store, ind, parse_period(as_of), list(regions or ["linyi"]))


def test_the_indicator_view_lists_levels_and_growth_up_to_as_of(plan: Plan) -> None:
    """show's series is the region's levels and growth figures up to the as-of period, by period."""
    rows = [
        f"{INCOME},2018,,41100,元,水平值,s",
        f"{INCOME},2019,,9.5,%,比上年增长,s",
        f"{INCOME},2019,,45000,元,水平值,s",
        f"{INCOME},2020,,48000,元,水平值,s",
    ]
    store = store_from(plan, ("city.csv", MEASURED + "\n".join(rows) + "\n"))
    view = _show(plan, store, INCOME, "2019")
    assert [(str(o.period), o.measure, o.value) for o in view.series] == [
        ("2018", "level", Decimal(41100)),
        ("2019", "growth", Decimal("9.5")),
        ("2019", "level", Decimal(45000)),
    ]


def test_the_indicator_view_series_has_the_city_sum(plan: Plan) -> None:
    """The city's series in show's view has the regions' sum where the city gave none."""
    regions = [r.id for r in plan.summed_regions]
    rows = [f"{JOBS},2019,{r},{1000 + i},,s," for i, r in enumerate(regions)]
    store = store_from(plan, ("regions.csv", csv_rows(*rows)))
    (summed,) = _show(plan, store, JOBS, "2019").series
    assert summed.region == "linyi"
    assert summed.value == sum(Decimal(1000 + i) for i in range(len(regions)))


def test_the_indicator_view_carries_the_ranking(plan: Plan) -> None:
    """show's view ranks the regions that reported the latest period, best first, and
    names the rest."""
    store = store_from(
        plan,
        (
            "regions.csv",
            csv_rows(
                f"{JOBS},2019,lanshan,9000,,s,",
                f"{JOBS},2019,hedong,12000,,s,",
                f"{JOBS},2018,yinan,15000,,s,",
            ),
        ),
    )
    ranking = _show(plan, store, JOBS, "2019").ranking
    assert ranking.period == Period.of_year(2019)
    assert [o.region for o in ranking.reported] == ["hedong", "lanshan"]
    assert set(ranking.missing) == {r.id for r in plan.sub_regions} - {"hedong", "lanshan"}


def test_the_indicator_view_carries_each_regions_figures_as_filed(plan: Plan) -> None:
    """The figures for the sign-off lines are every region's own, up to as-of, no sums."""
    regions = [r.id for r in plan.summed_regions]
    rows = [f"{JOBS},2019,{r},1000,,s," for r in regions] + [f"{JOBS},2020,lanshan,1100,,s,"]
    store = store_from(plan, ("regions.csv", csv_rows(*rows)))
    view = _show(plan, store, JOBS, "2019", "linyi", "lanshan")
    assert [(o.region, str(o.period)) for o in view.figures] == [("lanshan", "2019")]


def test_the_indicator_view_carries_the_signoffs(plan: Plan) -> None:
    """The sign-off line of each file that has one comes with show's view."""
    signed = (
        "兰山区 2019 民生指标报送表\n"
        "填报单位：,兰山区人社局,填报人：,张三,审核人：,李四,填报日期：,2020-01-10\n"
        f"指标代码,期间,地区,数值\n{JOBS},2019,兰山区,12000\n"
    )
    store = store_from(plan, ("signed.csv", signed), ("plain.csv", csv_rows(f"{JOBS},2018,,1,,s,")))
    signoffs = _show(plan, store, JOBS, "2019", "lanshan").signoffs
    assert list(signoffs) == ["signed.csv"]
    assert signoffs["signed.csv"]["filed_by"] == "张三"


def test_the_indicator_view_carries_its_withdrawals(plan: Plan) -> None:
    """show's view has the indicator's figures withdrawn in the regions shown, no others."""
    store = store_from(plan, ("city.csv", csv_rows(f"{JOBS},2019,,95000,,s,")))
    (kept,) = store.observations
    mine = Withdrawal(JOBS, "2016", "feixian", "level", "8710", "t", "误填", "张三")
    store.withdrawn = [
        (mine, kept),
        (mine._replace(indicator=INCOME), kept),
        (mine._replace(region="lanshan"), kept),
    ]
    assert _show(plan, store, JOBS, "2019", "feixian").withdrawn == ((mine, kept),)
