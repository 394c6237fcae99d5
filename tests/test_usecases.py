"""The use cases below the command line: data in, result objects out, nothing printed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from conftest import DEMO, FIXTURES, PLAN_FILE
from linyi_tracker import usecases
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.i18n import TextError, TextUsageError


@pytest.fixture(scope="module")
def demo() -> usecases.Workspace:
    return usecases.open_workspace(PLAN_FILE, DEMO)


def test_status_keeps_only_the_statuses_named_in_chinese(demo: usecases.Workspace) -> None:
    """`status(statuses=["明显滞后"])` keeps exactly the off-track assessments."""
    every = [v.a for v in usecases.status(demo).view.targets]
    kept = [v.a for v in usecases.status(demo, statuses=["明显滞后"]).view.targets]
    assert kept and [a.target_id for a in kept] == [
        a.target_id for a in every if a.status == "off_track"
    ]


def test_status_as_of_a_month(demo: usecases.Workspace) -> None:
    """`status(as_of=2016-08)` assesses as of that month."""
    result = usecases.status(demo, as_of=parse_period("2016-08"))
    assert str(result.view.as_of) == "2016-08"


def test_show_by_part_of_a_name(demo: usecases.Workspace) -> None:
    """`show("新增就业")` is the new-urban-jobs indicator with its targets assessed."""
    shown = usecases.show(demo, "新增就业")
    assert shown.indicator.id == "emp.new_urban_jobs"
    assert {v.a.target_id for v in shown.targets} == {
        t.id for t in demo.plan.targets_of("emp.new_urban_jobs")
    }


def test_report_outside_the_plan_years_is_refused(demo: usecases.Workspace) -> None:
    """A report on a year outside the plan is a usage error with zh and en text."""
    with pytest.raises(TextUsageError) as caught:
        usecases.report(demo, 2030, generated=datetime(2020, 1, 1), plan_file="p", data_source="d")
    assert "2030年不在规划期" in caught.value.render("zh")


def test_a_folder_with_errors_is_not_opened(tmp_path: Path) -> None:
    """open_workspace on a folder with an error row raises, carrying the findings."""
    (tmp_path / "county.csv").write_bytes((FIXTURES / "data" / "broken-rows.csv").read_bytes())
    with pytest.raises(usecases.DataHasErrors) as caught:
        usecases.open_workspace(PLAN_FILE, tmp_path)
    assert caught.value.findings


def test_template_for_all_regions_is_refused() -> None:
    """A template is for one region: `all` is a usage error."""
    with pytest.raises(TextUsageError):
        usecases.template(PLAN_FILE, parse_period("2017"), "all")


def test_ingest_plans_without_writing(tmp_path: Path) -> None:
    """ingest() validates and plans the rows to write; the data folder is untouched."""
    store = tmp_path / "store"
    store.mkdir()
    sub = tmp_path / "sub.csv"
    sub.write_text(
        "indicator,period,region,value,unit,source,note\n"
        "emp.new_urban_jobs,2016,hedong,8800,人,county,\n",
        encoding="utf-8",
    )
    result = usecases.ingest(PLAN_FILE, store, [str(sub)])
    assert result.job is not None and len(result.job.rows) == 1
    assert list(store.iterdir()) == []


def test_ingest_needs_a_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without --data (the embedded figures), ingest has nowhere to write."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LINYI_TRACKER_DATA", raising=False)
    with pytest.raises(TextError):
        usecases.ingest(PLAN_FILE, None, ["x.csv"])


def test_an_as_of_outside_the_plans_years_is_refused(demo: usecases.Workspace) -> None:
    """`status --as-of 2030` is refused (as `report 2030` and `template --period 2030` are),
    instead of judging every target at a year nothing can be known of."""
    with pytest.raises(TextUsageError):
        usecases.status(demo, as_of=parse_period("2030"))
    with pytest.raises(TextUsageError):
        usecases.show(demo, "新增就业", as_of=parse_period("2030"))
