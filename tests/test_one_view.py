"""One reading of one figure: `status`, `show` and `report` say the same about a target.

Each command builds one view of each target (reporting/view.py); these tests drive the
three commands as an analyst would and compare what they print for the same targets.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO, FIXTURES, Result

Run = Callable[..., Result]
# The published figures of 2016 (copied from data/actuals): 83,700 new urban jobs in
# January–August, and the 12 counties' balanced-education milestone for the whole year,
# which makes the whole year 2016 the default as-of of `report 2016`.
JAN_AUG = FIXTURES / "one-view" / "jan-aug-2016"
JOBS = "emp.new_urban_jobs.annual"
DATASETS = {"demo": DEMO, "jan-aug-2016": JAN_AUG}


def _json(r: Result) -> Any:
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _reading(entry: dict[str, Any]) -> tuple[float | None, float | None, str | None]:
    return entry["achievement"], entry["schedule_gap"], entry["status"]


def _report_targets(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["target_id"]: t for s in report["systems"] for t in s["lines"]}


def _status_targets(run: Run, data: Path, as_of: str) -> dict[str, dict[str, Any]]:
    payload = _json(run("status", "--data", str(data), "--as-of", as_of, "--format", "json"))
    return {t["target_id"]: t for t in payload["targets"]}


def _show_targets(run: Run, data: Path, as_of: str, indicators: set[str]) -> dict[str, Any]:
    out: dict[str, dict[str, Any]] = {}
    for indicator in sorted(indicators):
        payload = _json(
            run("show", indicator, "--data", str(data), "--as-of", as_of, "--format", "json")
        )
        out.update({t["target_id"]: t for t in payload["targets"]})
    return out


@pytest.mark.parametrize("as_of", ["2016-08", None])
@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_status_show_and_report_give_one_reading(run: Run, dataset: str, as_of: str | None) -> None:
    """For every target, `status`, `show` and `report 2016` as of the same period give the
    same achievement, schedule gap and status (None: the report's own default as-of)."""
    data = DATASETS[dataset]
    args = ["--as-of", as_of] if as_of else []
    report = _json(run("report", "2016", "--data", str(data), "--format", "json", *args))
    period = report["as_of"]
    in_report = _report_targets(report)
    in_status = _status_targets(run, data, period)
    in_show = _show_targets(run, data, period, {t["indicator"] for t in in_report.values()})
    assert set(in_report) == set(in_status) == set(in_show)
    for target_id, entry in in_report.items():
        reading = _reading(entry)
        assert _reading(in_status[target_id]) == reading, target_id
        assert _reading(in_show[target_id]) == reading, target_id


def test_report_2016_is_as_of_the_whole_year(run: Run) -> None:
    """`report 2016` without --as-of is as of 2016 on both data sets (their latest 2016 period)."""
    for data in DATASETS.values():
        assert (
            _json(run("report", "2016", "--data", str(data), "--format", "json"))["as_of"] == "2016"
        )


def test_a_january_to_august_figure_reads_the_same_in_every_command(run: Run) -> None:
    """83,700 by August reads +31.8 points in `status --as-of 2016-08` and `show --as-of
    2016-08`; `report 2016` gives it the same achievement and, the year being over with
    no full-year figure, no schedule gap at all.

    Worked by hand: achievement = 83,700 / 85,000 = 0.984706; the figure covers January to
    August, so time elapsed = 8/12 = 0.666667 whatever the as-of; schedule gap =
    0.984706 − 0.666667 = +0.318039, i.e. ahead of schedule by 31.8 points. As of August
    the pace 0.984706 / 0.666667 = 1.48 ≥ 0.95 is on track; in the report on the whole year
    the year is over with only a year-to-date figure, so the status is insufficient_data
    (assessment.md, status rule 3): the achievement of the figure does not change, and
    nothing is worked out from the full-year figure it lacks.
    """
    in_status = _status_targets(run, JAN_AUG, "2016-08")[JOBS]
    in_show = _show_targets(run, JAN_AUG, "2016-08", {"emp.new_urban_jobs"})[JOBS]
    in_report = _report_targets(
        _json(run("report", "2016", "--data", str(JAN_AUG), "--format", "json"))
    )[JOBS]
    for entry in (in_status, in_show, in_report):
        assert entry["achievement"] == pytest.approx(83700 / 85000, abs=1e-6)
    for entry in (in_status, in_show):
        assert entry["time_progress"] == pytest.approx(8 / 12, abs=1e-6)
        assert entry["schedule_gap"] == pytest.approx(83700 / 85000 - 8 / 12, abs=1e-6)
        assert entry["schedule"] == "ahead"
    assert in_status["status"] == in_show["status"] == "on_track"
    assert in_report["status"] == "insufficient_data"
    assert "year-over-only-ytd" in in_report["reasons"]
    assert (in_report["time_progress"], in_report["schedule_gap"], in_report["schedule"]) == (
        None,
        None,
        None,
    )


def test_the_schedule_gap_is_said_the_same_way_everywhere(run: Run) -> None:
    """`show` says 超时序进度31.8个百分点 for the Jan–Aug figure, the status table's short
    cell 超31.8 (its column is headed 较时序进度); the report on the whole year, which
    lacks the full-year figure, says that instead of a schedule gap."""
    data = str(JAN_AUG)
    table = run("status", "--data", data, "--as-of", "2016-08", "--lang", "zh", width=240)
    show = run("show", "emp.new_urban_jobs", "--data", data, "--as-of", "2016-08", "--lang", "zh")
    report = run("report", "2016", "--data", data, "--format", "md", "--lang", "zh")
    assert "超31.8" in table.stdout and "较时序进度" in table.stdout
    assert "超时序进度31.8个百分点" in show.stdout
    assert "超时序进度31.8" not in report.stdout and "缺2016年全年数" in report.stdout
    summary = _json(run("report", "2016", "--data", data, "--format", "json"))
    assert JOBS not in summary["most_behind"]


def test_show_has_one_row_called_time_elapsed(run: Run) -> None:
    """`show` prints 时序进度 (time elapsed) once; the schedule gap has its own label."""
    r = run(
        "show", "emp.new_urban_jobs", "--data", str(JAN_AUG), "--as-of", "2016-08", "--lang", "zh"
    )
    cells = [line.strip("│ ").split() for line in r.stdout.splitlines() if "│" in line]
    rows = [c[0] for c in cells if c]
    assert rows.count("时序进度") == 1 and rows.count("较时序进度") == 1


def test_report_and_show_agree_on_met_in_n_of_m(run: Run) -> None:
    """The demo's jobs target: `report 2019` and `show` (as of 2019 and as of its default,
    2020-06, whose Jan–Jun figure is not judged) both say met in 4 of 5 years."""
    data = str(DEMO)
    report = _report_targets(_json(run("report", "2019", "--data", data, "--format", "json")))
    shows = [
        _show_targets(run, DEMO, as_of, {"emp.new_urban_jobs"})[JOBS]
        for as_of in ("2019", "2020-06")
    ]
    wanted = (report[JOBS]["met_years"], report[JOBS]["judged_years"])
    assert wanted == (4, 5)
    assert all((s["met_years"], s["judged_years"]) == wanted for s in shows)
    md = run("report", "2019", "--data", data, "--format", "md", "--lang", "en").stdout
    shown = run("show", "emp.new_urban_jobs", "--data", data, "--lang", "en").stdout
    assert "met in 4 of 5 years" in md and "met in 4 of 5 years" in shown
