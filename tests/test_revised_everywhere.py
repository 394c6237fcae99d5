"""The revision mark reaches every figure made of a revised one, through the one rule
(engine.made_of_revised): show's series row of a city total summed from the counties and
its counties' table, show's JSON series rows, the report's county tables, and a level
target's revised starting figure; a withdrawn revision takes the mark away everywhere;
and status, show and report agree on it for every target and region (a reviewer found
the city sum's row and the county's row unmarked while status said 已修订, and a revised
starting point changing progress and pace unmarked)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, PLAN_FILE, Result, revised_demo
from linyi_tracker.plan.loader import read_plan

Run = Callable[..., Result]

HEDONG_2019 = "emp.new_urban_jobs,2019,hedong,5800,2020-05-01\n"
# Several revisions: a county's figure (in the city's sum), a city figure, a level
# target's starting year (2015, its first figure), and a year of a sum over years.
SEVERAL = (
    HEDONG_2019
    + "ss.employee_insurance_coverage,2019,,86.1,2020-04-01\n"
    + "inc.rural_per_capita,2015,,12300,2016-05-01\n"
    + "housing.floor_area_started,2019,,2100000,2020-03-01\n"
)


def _json(run: Run, *args: str) -> dict[str, object]:
    r = run(*args, "--format", "json")
    assert r.exit_code == 0, r.stderr
    found: dict[str, object] = json.loads(r.stdout)
    return found


def _show(run: Run, data: Path, *args: str, width: int = 160) -> str:
    r = run(
        "show", "emp.new_urban_jobs", "--data", str(data), "--as-of", "2019", *args, width=width
    )
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _series_row(out: str, period: str) -> str:
    """The lines of the series table from ``period``'s row to the next row."""
    table = out.split("数据序列" if "数据序列" in out else "Series ·")[1]
    table = table.split("各地区最新数据" if "各地区最新数据" in out else "Latest figure by region")[
        0
    ]
    lines = table.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith(f"│ {period}"))
    rest = [ln for ln in lines[at + 1 :] if not ln.startswith("│ 20") and ln.startswith("│")]
    following = lines[at + 1 : at + 1 + len(rest)]
    return "\n".join([lines[at], *following])


@pytest.mark.parametrize(
    ("lang", "mark", "period"), [("zh", "已修订", "2019年"), ("en", "revised", "2019")]
)
def test_show_marks_a_city_sum_with_a_revised_county_figure(
    run: Run, tmp_path: Path, lang: str, mark: str, period: str
) -> None:
    """show's series row of the city's 2019 total, summed with Hedong's revised figure, is marked."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    assert mark in _series_row(_show(run, data, "--lang", lang), period)


def test_show_leaves_a_city_sum_of_unrevised_figures_unmarked(run: Run, tmp_path: Path) -> None:
    """The city's 2018 total, none of its county figures revised, carries no mark."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    assert "已修订" not in _series_row(_show(run, data, "--lang", "zh"), "2018年")


@pytest.mark.parametrize(
    ("lang", "row"), [("zh", "5,800人（已修订）"), ("en", "5,800 persons (revised)")]
)
def test_show_marks_a_revised_county_figure_in_the_regions_table(
    run: Run, tmp_path: Path, lang: str, row: str
) -> None:
    """The counties' table marks Hedong's revised 5,800 and no other county."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    out = _show(run, data, "--lang", lang)
    counties = out.split("各地区最新数据" if lang == "zh" else "Latest figure by region")[1]
    assert row in counties
    assert counties.count("已修订" if lang == "zh" else "revised") == 1


@pytest.mark.parametrize(
    ("lang", "year", "mark"),
    [
        ("zh", "2019年：85,971人 ✓ · 已修订", "已修订"),
        ("en", "2019: 85,971 persons ✓ · revised", "revised"),
    ],
)
def test_show_marks_a_year_of_the_history_made_of_a_revised_figure(
    run: Run, tmp_path: Path, lang: str, year: str, mark: str
) -> None:
    """The annual target's history marks its 2019 (a sum with Hedong's revised figure) and no other year."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    out = _show(run, data, "--lang", lang)
    panel = out.split("数据序列" if lang == "zh" else "Series ·")[0]
    assert year in panel
    assert sum(mark in ln and ("✓" in ln or "✗" in ln) for ln in panel.splitlines()) == 1


def test_show_json_series_rows_say_whether_they_are_revised(run: Run, tmp_path: Path) -> None:
    """show's JSON series rows carry "revised": the 2019 city sum true, 2018 false."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    series = _json(run, "show", "emp.new_urban_jobs", "--data", str(data), "--as-of", "2019")[
        "series"
    ]
    assert isinstance(series, list)
    by_period = {s["period"]: s["revised"] for s in series if s["measure"] == "level"}
    assert by_period["2019"] is True and by_period["2018"] is False


def test_report_json_marks_the_revised_county_row(run: Run, tmp_path: Path) -> None:
    """The report's county ranking row of Hedong's revised figure has "revised": true, the others false."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    report = _json(run, "report", "2019", "--data", str(data))
    regions = report["regions"]
    assert isinstance(regions, list)
    jobs = next(g for g in regions if g["indicator"] == "emp.new_urban_jobs")
    marked = {r["region"] for r in jobs["rows"] if r["revised"]}
    assert marked == {"hedong"}


@pytest.mark.parametrize(("lang", "mark"), [("zh", "已修订"), ("en", "revised")])
def test_the_report_s_county_table_marks_the_revised_row(
    run: Run, tmp_path: Path, lang: str, mark: str
) -> None:
    """The Markdown report's county table says revised on Hedong's row, in its reason cell."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    r = run("report", "2019", "--data", str(data), "--format", "md", "--lang", lang)
    name = "河东区" if lang == "zh" else "Hedong District"
    rows = [ln for ln in r.stdout.splitlines() if f"| {name} | 5,800" in ln]
    assert len(rows) == 1 and rows[0].rstrip(" |").endswith(mark), rows


def test_a_level_target_s_revised_starting_figure_is_marked(run: Run, tmp_path: Path) -> None:
    """Urban income's 2015 figure, the level target's starting point, revised: the result is
    marked (its progress and pace are worked out from the revised figure)."""
    data = revised_demo(run, tmp_path, "inc.urban_disposable,2015,,30500,2016-05-01\n")
    targets = _json(run, "status", "--data", str(data), "--as-of", "2019")["targets"]
    assert isinstance(targets, list)
    t = next(t for t in targets if t["target_id"] == "inc.urban_disposable.2020")
    assert t["starting_point"]["value"] == 30500 and t["revised"] is True


def test_a_revised_year_between_the_start_and_the_latest_leaves_a_level_unmarked(
    run: Run, tmp_path: Path
) -> None:
    """Urban income's 2016 figure revised: a level target stands on its start (2015) and its
    latest figure (2019) only, so it is not marked."""
    data = revised_demo(run, tmp_path, "inc.urban_disposable,2016,,34500,2017-05-01\n")
    targets = _json(run, "status", "--data", str(data), "--as-of", "2019")["targets"]
    assert isinstance(targets, list)
    t = next(t for t in targets if t["target_id"] == "inc.urban_disposable.2020")
    assert t["revised"] is False


def test_a_plan_baseline_start_is_no_revised_figure(run: Run, tmp_path: Path) -> None:
    """A level target starting from the plan's baseline (13th FYP good-air days, 2015 76.7)
    is not marked by a revision of its first stored figure, which is not its start."""
    src = DEMO.parent / "plans" / "cn-13th-fyp"
    data = tmp_path / "data"
    data.mkdir()
    for f in src.glob("*.csv"):
        (data / f.name).write_bytes(f.read_bytes())
    (tmp_path / "rev.csv").write_text(
        "indicator,period,value,as_of\nenv.air_good_days,2016,78.6,2017-09-01\n", "utf-8"
    )
    cn = str(src.parent / "cn-13th-fyp.yaml")
    r = run("ingest", "rev.csv", "--plan", cn, "--data", str(data), "--revise")
    assert r.exit_code == 0, r.stdout
    targets = _json(run, "status", "--plan", cn, "--data", str(data), "--as-of", "2017")["targets"]
    assert isinstance(targets, list)
    t = next(t for t in targets if t["target_id"] == "env.air_good_days.2020")
    assert t["starting_point"]["period"] == "2015" and t["revised"] is False


def test_a_withdrawn_revision_takes_the_mark_away_everywhere(run: Run, tmp_path: Path) -> None:
    """Hedong's revised 2019 figure withdrawn: status, show (its JSON series and counties'
    table) and the report's county row no longer say revised."""
    data = revised_demo(run, tmp_path, HEDONG_2019)
    w = run(
        "withdraw", "emp.new_urban_jobs", "2019", "--region", "hedong", "--value", "5800",
        "--reason", "误填", "--data", str(data),
    )  # fmt: skip
    assert w.exit_code == 0, w.stdout + w.stderr
    status = _json(run, "status", "--data", str(data), "--as-of", "2019", "--region", "all")
    assert isinstance(status["targets"], list)
    assert not any(t["revised"] for t in status["targets"])
    show = _json(run, "show", "emp.new_urban_jobs", "--data", str(data), "--as-of", "2019")
    assert isinstance(show["series"], list)
    assert not any(s["revised"] for s in show["series"])
    assert "已修订" not in _show(run, data, "--lang", "zh")
    report = _json(run, "report", "2019", "--data", str(data))
    assert isinstance(report["regions"], list)
    assert not any(r["revised"] for g in report["regions"] for r in g["rows"])


# ---------------------------------------------------------------- every output agrees


@pytest.fixture
def several(run: Run, tmp_path: Path) -> Path:
    """A demo copy with a county, a city, a starting year's and a sum's year's figures revised."""
    return revised_demo(run, tmp_path, SEVERAL)


def _status_marks(run: Run, data: Path) -> dict[tuple[str, str], bool]:
    status = _json(run, "status", "--data", str(data), "--as-of", "2019", "--region", "all")
    targets = status["targets"]
    assert isinstance(targets, list)
    return {(t["target_id"], t["region"]): t["revised"] for t in targets}


def test_status_marks_each_kind_of_revision(run: Run, several: Path) -> None:
    """The revisions mark the city's results made of them: the county's in the city sum, the
    city figure, the starting year, the sum's year."""
    marks = _status_marks(run, several)
    for target in (
        "emp.new_urban_jobs.annual",
        "ss.employee_insurance_coverage.2020",
        "inc.rural_per_capita.2020",
        "housing.floor_area_started.2018_2020",
    ):
        assert marks[(target, "linyi")] is True, target
    assert marks[("inc.urban_disposable.2020", "linyi")] is False


def test_show_json_agrees_with_status_for_every_target_and_region(run: Run, several: Path) -> None:
    """For every target × region, show's JSON "revised" is status's; and a series row at a
    target's figure's period is marked only where status marks the target."""
    marks = _status_marks(run, several)
    plan = read_plan(PLAN_FILE)
    for ind in {t.indicator for t in plan.targets}:
        show = _json(run, "show", ind, "--data", str(several), "--as-of", "2019", "--region", "all")
        targets = show["targets"]
        assert isinstance(targets, list)
        for t in targets:
            assert t["revised"] is marks[(t["target_id"], t["region"])], (ind, t["region"])
        series = show["series"]
        assert isinstance(series, list)
        marked_periods = {s["period"] for s in series if s["revised"] and s["measure"] == "level"}
        for t in targets:
            if t["region"] == "linyi" and t["actual_period"] in marked_periods:
                assert t["revised"] is True, t["target_id"]


def test_report_json_agrees_with_status_for_every_target(run: Run, several: Path) -> None:
    """The report's target lines say revised exactly where status does (the city's
    targets), and a county row's assessment marked by status is marked in its table."""
    marks = _status_marks(run, several)
    report = _json(run, "report", "2019", "--data", str(several), "--as-of", "2019")
    systems = report["systems"]
    assert isinstance(systems, list)
    lines = [ln for s in systems for ln in s["lines"]]
    assert lines
    for ln in lines:
        assert ln["revised"] is marks[(ln["target_id"], ln["region"])], ln["target_id"]
    regions = report["regions"]
    assert isinstance(regions, list)
    for g in regions:
        if g["period"] != "2019":
            continue
        for row in g["rows"]:
            target = next(
                tid for (tid, region), _ in marks.items()
                if region == row["region"] and tid.startswith(g["indicator"] + ".")
            )  # fmt: skip
            if marks[(target, row["region"])]:
                assert row["revised"] is True, (g["indicator"], row["region"])


def _terminal_marks(out: str, region_names: set[str], mark: str) -> Counter[str]:
    """Region name → the number of its target rows whose status cell holds ``mark``, read
    off the status table: a target's row starts where its actual cell is filled (a county's
    row names no target), and runs on over the lines below it."""
    found: Counter[str] = Counter()
    region = ""
    blocks: list[tuple[str, list[list[str]]]] = []
    for line in out.splitlines():
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[0] in region_names and not any(cells[1:]):
            region = cells[0]
        elif cells[2]:
            blocks.append((region, [cells]))
        elif blocks and not cells[0][:1].isdigit():  # not a system's heading
            blocks[-1][1].append(cells)
    for region_of, rows in blocks:
        found[region_of] += any(mark in r[-1] for r in rows)
    return found


def test_the_terminal_status_table_agrees_with_status_json(run: Run, several: Path) -> None:
    """In every region, the terminal status table marks as many target rows 已修订 as
    status JSON has revised targets."""
    plan = read_plan(PLAN_FILE)
    marks = _status_marks(run, several)
    names = {r.name.zh for r in plan.regions}
    args = ("status", "--data", str(several), "--as-of", "2019", "--region", "all")
    r = run(*args, "--lang", "zh", width=400)
    shown = _terminal_marks(r.stdout, names, "已修订")
    expected: Counter[str] = Counter()
    for (_, region), revised in marks.items():
        expected[plan.region_by_id[region].name.zh] += revised
    assert +shown == +expected and sum(expected.values()) >= 5


def test_the_workbook_s_county_sheet_marks_the_revised_row(run: Run, tmp_path: Path) -> None:
    """The workbook's regions sheet says 已修订 in the reason cell of Hedong's row only."""
    import openpyxl

    data = revised_demo(run, tmp_path, HEDONG_2019)
    out = tmp_path / "r.xlsx"
    r = run("report", "2019", "--data", str(data), "-o", str(out), "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    sheet = openpyxl.load_workbook(out)["各县区"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    marked = [row for row in rows if any(isinstance(v, str) and "已修订" in v for v in row)]
    assert len(marked) == 1 and marked[0][1] == "城镇新增就业人数" and marked[0][4] == "hedong"
