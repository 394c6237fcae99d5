"""show marks a revised figure as status does, and says what it replaced (the sweep found
status saying "revised" while show's series gave no mark, no as_of and no earlier figure)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, Result

Run = Callable[..., Result]
REVISIONS = (
    "indicator,period,region,value,as_of\n"
    "emp.new_urban_jobs,2019,hedong,5800,2020-05-01\n"
    "emp.new_urban_jobs,2019,hedong,5900,2020-03-01\n"
)


@pytest.fixture
def revised(run: Run, tmp_path: Path) -> Path:
    """A copy of the demo data where hedong's 2019 figure 5,729 was revised twice."""
    data = tmp_path / "data"
    for source in DEMO.rglob("*.csv"):
        target = data / source.relative_to(DEMO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (tmp_path / "rev.csv").write_text(REVISIONS, encoding="utf-8")
    assert run("ingest", "rev.csv", "--data", str(data)).exit_code == 0
    return data


@pytest.mark.parametrize(
    ("lang", "mark", "was"),
    [
        ("zh", "已修订", "原为5,729人、5,900人"),
        ("en", "revised", "was 5,729 persons, 5,900 persons"),
    ],
)
def test_show_marks_a_revised_figure_and_what_it_replaced(
    run: Run, revised: Path, lang: str, mark: str, was: str
) -> None:
    """The series row of the revised figure carries the mark and the earlier figures, oldest first."""
    args = ("show", "emp.new_urban_jobs", "--data", str(revised), "--region", "hedong")
    r = run(*args, "--lang", lang, width=160)
    assert r.exit_code == 0 and mark in r.stdout and was in r.stdout, r.stdout
    assert "2020-05-01" in r.stdout


def test_show_json_gives_a_figure_s_as_of_and_the_figures_it_revised(
    run: Run, revised: Path
) -> None:
    """--format json: the revised figure has its as_of and revised_from (value, as_of, file,
    line, oldest first); a figure never revised has an empty list."""
    args = ("show", "emp.new_urban_jobs", "--data", str(revised), "--region", "hedong")
    series = json.loads(run(*args, "--format", "json").stdout)["series"]
    by_period = {s["period"]: s for s in series if s["measure"] == "level"}
    latest = by_period["2019"]
    assert (latest["value"], latest["as_of"]) == (5800, "2020-05-01")
    assert [(e["value"], e["as_of"]) for e in latest["revised_from"]] == [
        (5729, None),
        (5900, "2020-03-01"),
    ]
    assert by_period["2018"]["revised_from"] == []
