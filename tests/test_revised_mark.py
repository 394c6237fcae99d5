"""A figure made of a revised figure carries the revision mark wherever it is shown: a sum
over years (cumulative) whose earlier year was revised, and a city figure summed from
regions one of which was revised (the sweep found both shown unmarked, while show's
series marked the revised row)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result, revised_demo

Run = Callable[..., Result]


def _status(run: Run, data: Path, as_of: str) -> dict[str, dict[str, object]]:
    r = run("status", "--data", str(data), "--as-of", as_of, "--format", "json")
    assert r.exit_code == 0, r.stdout
    return {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}


def test_a_sum_over_years_with_a_revised_year_is_marked(run: Run, tmp_path: Path) -> None:
    """2018–2020 floor area started, its 2019 figure revised: the sum is marked revised."""
    data = revised_demo(run, tmp_path, "housing.floor_area_started,2019,,2100000,2020-03-01\n")
    t = _status(run, data, "2020-06")["housing.floor_area_started.2018_2020"]
    assert t["actual"] == 4900000 and t["revised"] is True


def test_a_city_sum_of_regions_with_a_revised_region_is_marked(run: Run, tmp_path: Path) -> None:
    """The city's 2019 new jobs, a sum of the regions with Hedong's figure revised, is marked."""
    data = revised_demo(run, tmp_path, "emp.new_urban_jobs,2019,hedong,5800,2020-05-01\n")
    t = _status(run, data, "2019")["emp.new_urban_jobs.annual"]
    assert t["actual_period"] == "2019" and t["revised"] is True


@pytest.mark.parametrize(("lang", "mark"), [("zh", "已修订"), ("en", "revised")])
def test_the_status_table_marks_a_sum_with_a_revised_year(
    run: Run, tmp_path: Path, lang: str, mark: str
) -> None:
    """The terminal status row of the sum says revised, as its JSON does."""
    data = revised_demo(run, tmp_path, "housing.floor_area_started,2019,,2100000,2020-03-01\n")
    r = run("status", "--data", str(data), "--as-of", "2020-06", "--lang", lang, width=160)
    row = r.stdout.split("housing.floor_area_started")[1].split("housing.floor_area_completed")[0]
    assert mark in row, r.stdout


def test_an_unrevised_sum_is_not_marked(run: Run, tmp_path: Path) -> None:
    """A revision of another indicator leaves the sum unmarked."""
    data = revised_demo(run, tmp_path, "inc.urban_disposable,2019,,46200,2020-03-01\n")
    t = _status(run, data, "2020-06")["housing.floor_area_started.2018_2020"]
    assert t["revised"] is False


def test_a_city_sum_is_not_marked_by_a_revision_of_another_year(run: Run, tmp_path: Path) -> None:
    """Hedong's 2018 new jobs revised: the city's 2019 sum (no 2018 figure in it) is not
    marked, the 2018 sum is — a false mark reads as a figure changed that was not."""
    data = revised_demo(run, tmp_path, "emp.new_urban_jobs,2018,hedong,5900,2019-05-01\n")
    assert _status(run, data, "2019")["emp.new_urban_jobs.annual"]["revised"] is False
    assert _status(run, data, "2018")["emp.new_urban_jobs.annual"]["revised"] is True
