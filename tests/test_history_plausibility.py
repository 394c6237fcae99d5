"""A stock or level far out of line with its own region's history — or, with none, with
the other regions' figures of its period — is an implausible-value warning that shows
what it was compared with (issue 26, item 7)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, TODAY, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.plausibility import against_history
from linyi_tracker.validation.validator import validate

HISTORY = FIXTURES / "plausible" / "history"
STORE = HISTORY / "store"  # 兰山区 常住人口: 2015 1,120,000; 2018 1,150,000


def warned(plan: Plan, name: str, store: Path | None = STORE) -> list[Finding]:
    loaded = load_store(plan, store, today=TODAY) if store is not None else None
    report = validate([str(HISTORY / name)], plan, store=loaded, today=TODAY)
    return [f for f in report.findings if f.code == "implausible-value"]


def test_a_jobs_count_in_the_population_row_is_told_its_regions_history(plan: Plan) -> None:
    """11315 for 兰山区's population (over a million in 2015 and 2018) warns, naming both years."""
    (f,) = warned(plan, "jobs-in-population.csv")
    assert (f.line, f.form) == (2, "history")
    zh, en = render(f, "zh")[0], render(f, "en")[0]
    assert "（2015年 1,120,000；2018年 1,150,000）" in zh and "相差约102倍" in zh
    assert en.startswith("11315 is about 102 times off this region's own figures (2015 1,120,000")


def test_a_figure_in_wan_without_its_unit_names_the_reading(plan: Plan) -> None:
    """113 (113万 typed without 万) against a history of 1.1 million reads as 1130000."""
    (f,) = warned(plan, "wan-slip.csv")
    assert (f.form, f.params["reading"]) == ("history-reading", "1130000")
    assert "2018 1,150,000" in render(f, "en")[0]


def test_an_ordinary_change_from_the_regions_history_is_left_alone(plan: Plan) -> None:
    """1,180,000 after 1,150,000: no warning."""
    assert warned(plan, "ordinary-change.csv") == []


def test_without_history_a_region_is_compared_with_the_other_regions_of_its_period(
    plan: Plan,
) -> None:
    """蒙阴县 4800 beside 罗庄区 620,000 and 河东区 710,000 in 2019, no history: a warning
    naming the other regions' range; the two in line are left alone."""
    (f,) = warned(plan, "no-history-regions.csv", store=None)
    assert (f.line, f.form) == (4, "regions")
    assert "(620,000–710,000)" in render(f, "en")[0]


def test_a_region_larger_than_its_city_in_the_same_period_is_warned(plan: Plan) -> None:
    """罗庄区 12,000,000 beside 临沂市 11,000,000 for 2019: larger than the whole."""
    (f,) = warned(plan, "above-city.csv", store=None)
    assert (f.line, f.form, f.params["city_value"]) == (3, "above-city", "11,000,000")


def test_with_the_shipped_data_the_city_figure_shared_out_is_the_scale(plan: Plan) -> None:
    """Against data/actuals (the city's 2020 census only), 11315 for 兰山区 2019 is far
    below the city's 11,018,365 shared among its 12 counties."""
    (f,) = warned(plan, "jobs-in-population.csv", store=REPO / "data" / "actuals")
    assert (f.form, f.params["city_value"]) == ("city-share", "11,018,365")
    assert "按12个地区平均" in render(f, "zh")[0]


def test_validate_shows_the_history_on_the_command_line(run: Callable[..., Result]) -> None:
    """`validate --data` on the jobs-in-population case prints the warning and exits 0."""
    r = run("validate", str(HISTORY / "jobs-in-population.csv"), "--data", str(STORE))
    assert r.exit_code == 0 and "implausible-value" in r.stdout and "1,150,000" in r.stdout


YEARS = list(range(2012, 2021))


@st.composite
def series(draw: st.DrawFn) -> tuple[list[tuple[int, str, Decimal]], int, Decimal]:
    """An ordinary series (each year within ×/÷1.3 of the last), one of its years to judge
    and the others (at least one) as its history."""
    value = draw(st.integers(10, 10**9))
    figures = []
    for year in YEARS:
        figures.append((year, Decimal(value)))
        value = max(10, round(value * draw(st.floats(1 / 1.3, 1.3))))
    judged = draw(st.sampled_from(YEARS))
    others = [y for y in YEARS if y != judged]
    kept = draw(st.lists(st.sampled_from(others), min_size=1, unique=True))
    history = [(y, str(y), v) for y, v in figures if y in kept]
    return history, judged, dict(figures)[judged]


@given(series())
def test_an_unchanged_figure_never_warns(
    drawn: tuple[list[tuple[int, str, Decimal]], int, Decimal],
) -> None:
    """A figure that follows its ordinary history is never out of line."""
    history, year, value = drawn
    assert against_history(value, year, history, "count") is None


@given(series(), st.sampled_from([100, 1000, 10_000]), st.booleans())
def test_a_figure_scaled_a_hundredfold_always_warns(
    drawn: tuple[list[tuple[int, str, Decimal]], int, Decimal], factor: int, up: bool
) -> None:
    """Multiplied or divided by 100 or more, a figure with any history is out of line."""
    history, year, value = drawn
    scaled = value * factor if up else value / factor
    assert against_history(scaled, year, history, "count") is not None


def test_ingest_shows_the_same_warning(run: Callable[..., Result], tmp_path: Path) -> None:
    """Ingest runs the same rule: the jobs count in the population row is not stored with no word."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "population.csv").write_bytes((STORE / "population.csv").read_bytes())
    r = run("ingest", str(HISTORY / "jobs-in-population.csv"), "--data", str(data))
    assert r.exit_code == 0 and "implausible-value" in r.stderr + r.stdout
    assert "2018 1,150,000" in r.stderr + r.stdout
