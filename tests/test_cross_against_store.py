"""validation/cross/against_store.py: each submitted figure against the stored one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Result, cross_rule, csv_rows, store_from
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import against_store

JOBS = "emp.new_urban_jobs"


def test_the_same_figure_as_stored_is_a_notice_and_a_changed_one_an_error(plan: Plan) -> None:
    """9800 as stored: already-stored; 9900 for a stored 9800 without as_of: a conflict."""
    store = store_from(
        plan,
        (
            "stored.csv",
            csv_rows(f"{JOBS},2016,lanshan,9800,人,,", f"{JOBS},2017,lanshan,9700,人,,"),
        ),
    )
    text = csv_rows(f"{JOBS},2016,lanshan,9800,人,,", f"{JOBS},2017,lanshan,9900,人,,")
    found = sorted((f.line, f.code) for f in cross_rule(plan, against_store.check, text, store))
    assert found == [(2, "already-stored"), (3, "conflicts-with-store")]


def test_a_flows_year_meets_its_stored_december_figure(plan: Plan) -> None:
    """A submitted 2016 meets a stored 2016-12 of the same flow (one span): already stored."""
    store = store_from(plan, ("stored.csv", csv_rows(f"{JOBS},2016-12,lanshan,9800,人,,")))
    found = cross_rule(plan, against_store.check, csv_rows(f"{JOBS},2016,lanshan,9800,人,,"), store)
    assert [(f.code, f.line) for f in found] == [("already-stored", 2)]


def test_without_a_store_nothing_is_compared(plan: Plan) -> None:
    """No store: no finding."""
    assert cross_rule(plan, against_store.check, csv_rows(f"{JOBS},2016,lanshan,9800,人,,")) == []


def test_a_resubmitted_file_is_one_already_stored_notice_with_its_count(plan: Plan) -> None:
    """Eight figures all as stored are one already-stored notice for the file, at its first
    line, with the count and the first five lines — not eight notices."""
    rows = [f"{JOBS},{year},lanshan,{9000 + year},人,," for year in range(2012, 2020)]
    store = store_from(plan, ("stored.csv", csv_rows(*rows)))
    found = cross_rule(plan, against_store.check, csv_rows(*reversed(rows)), store)
    assert [(f.code, f.line, f.params["count"], f.params["lines"]) for f in found] == [
        ("already-stored", 2, 8, [2, 3, 4, 5, 6])
    ]


def test_a_changed_figure_stays_on_its_row_beside_the_file_scale_notice(plan: Plan) -> None:
    """Among figures as stored, a changed one is still its own error on its own row."""
    rows = [f"{JOBS},{year},lanshan,{9000 + year},人,," for year in range(2012, 2016)]
    store = store_from(plan, ("stored.csv", csv_rows(*rows)))
    changed = [*rows[:2], f"{JOBS},2014,lanshan,1,人,,", rows[3]]
    found = cross_rule(plan, against_store.check, csv_rows(*changed), store)
    assert sorted((f.code, f.line, f.params.get("count")) for f in found) == [
        ("already-stored", 2, 3),
        ("conflicts-with-store", 4, None),
    ]


def test_validate_says_the_count_of_figures_already_stored(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """The terminal line says how many rows' figures are already stored and which."""
    data = tmp_path / "data"
    data.mkdir()
    rows = [f"{JOBS},{year},lanshan,{9000 + year},人,," for year in range(2012, 2015)]
    (data / "stored.csv").write_text(csv_rows(*rows), encoding="utf-8")
    again = tmp_path / "again.csv"
    again.write_text(csv_rows(*rows), encoding="utf-8")
    r = run("validate", str(again), "--data", str(data), "--lang", "en")
    assert "3 rows' figures are already stored (lines 2, 3, 4; the first:" in r.stdout
    assert r.stdout.count("already-stored") == 1
    zh = run("validate", str(again), "--data", str(data), "--lang", "zh")
    assert "3行数字已存在于数据目录（第2、3、4行；首个：" in zh.stdout
