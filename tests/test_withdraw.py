"""``linyi-tracker withdraw``: a wrongly ingested figure taken back, on record (issue 26.10)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.actuals.withdrawals import WITHDRAWN_NAME
from linyi_tracker.intake.withdraw import NothingToWithdraw, plan_withdrawal, record_withdrawal
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
FIGURE = ("emp.new_urban_jobs", "2016", "--region", "费县")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    return folder


def _jobs_2016(run: Run, data: Path) -> list[object]:
    shown = run(
        "show",
        "emp.new_urban_jobs",
        "--region",
        "费县",
        "--as-of",
        "2016",
        "--data",
        str(data),
        "--format",
        "json",
    )
    assert shown.exit_code == 0
    return [s["value"] for s in json.loads(shown.stdout)["series"] if s["period"] == "2016"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "已撤回"), ("en", "Withdrew")])
def test_a_withdrawn_figure_no_longer_counts(run: Run, data: Path, lang: str, said: str) -> None:
    """After withdraw, show no longer has the figure in its series, and says it is withdrawn."""
    assert _jobs_2016(run, data)
    done = run(
        "withdraw", *FIGURE, "--reason", "误填", "--by", "张三", "--data", str(data), "--lang", lang
    )
    assert done.exit_code == 0 and said in done.stdout and "8710" in done.stdout
    assert _jobs_2016(run, data) == []
    shown = run(
        "show",
        "emp.new_urban_jobs",
        "--region",
        "费县",
        "--as-of",
        "2016",
        "--data",
        str(data),
        "--lang",
        lang,
        width=200,
    )
    word = "已撤回" if lang == "zh" else "Withdrawn"
    assert word in shown.stdout and "误填" in shown.stdout and "张三" in shown.stdout


def test_the_record_says_what_when_and_why(run: Run, data: Path) -> None:
    """The record holds the figure, the value withdrawn, the time, the reason and who."""
    run("withdraw", *FIGURE, "--reason", "误填", "--by", "张三", "--data", str(data))
    lines = (data / WITHDRAWN_NAME).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "indicator,period,region,measure,value,withdrawn_at,reason,by"
    assert lines[1].startswith("emp.new_urban_jobs,2016,feixian,level,8710,")
    assert lines[1].endswith(",误填,张三")


def test_dry_run_writes_nothing(run: Run, data: Path) -> None:
    """--dry-run shows the figure it would withdraw and leaves the folder as it was."""
    shown = run(
        "withdraw", *FIGURE, "--reason", "x", "--dry-run", "--data", str(data), "--lang", "en"
    )
    assert shown.exit_code == 0 and "Would withdraw" in shown.stdout and "8710" in shown.stdout
    assert not (data / WITHDRAWN_NAME).exists()
    assert _jobs_2016(run, data)


@pytest.mark.parametrize(("lang", "said"), [("zh", "没有"), ("en", "No figure")])
def test_no_such_figure_is_refused_with_exit_2(run: Run, data: Path, lang: str, said: str) -> None:
    """A figure that is not in the store is refused with exit 2 and a message; nothing written."""
    refused = run(
        "withdraw",
        "emp.new_urban_jobs",
        "2003",
        "--region",
        "费县",
        "--reason",
        "x",
        "--data",
        str(data),
        "--lang",
        lang,
    )
    assert refused.exit_code == 2
    assert said in refused.stdout + refused.stderr
    assert not (data / WITHDRAWN_NAME).exists()


def test_withdrawing_twice_changes_nothing(run: Run, data: Path) -> None:
    """A second withdrawal of the same figure exits 0 and records nothing more."""
    run("withdraw", *FIGURE, "--reason", "误填", "--data", str(data))
    before = (data / WITHDRAWN_NAME).read_bytes()
    again = run("withdraw", *FIGURE, "--reason", "again", "--data", str(data), "--lang", "en")
    assert again.exit_code == 0 and "withdrawn already" in again.stdout
    assert (data / WITHDRAWN_NAME).read_bytes() == before


def test_an_empty_reason_is_refused(run: Run, data: Path) -> None:
    """A withdrawal must say why: an empty --reason is refused with exit 2."""
    refused = run("withdraw", *FIGURE, "--reason", "  ", "--data", str(data))
    assert refused.exit_code == 2
    assert not (data / WITHDRAWN_NAME).exists()


def test_status_and_report_honour_a_withdrawal(run: Run, data: Path) -> None:
    """status and report read the store without the withdrawn figure."""
    args = (
        "status",
        "--region",
        "费县",
        "--as-of",
        "2016",
        "--format",
        "json",
        "--data",
        str(data),
    )
    before = run(*args).stdout
    run("withdraw", *FIGURE, "--reason", "误填", "--data", str(data))
    after = run(*args)
    assert after.exit_code == 0 and after.stdout != before
    report = run("report", "2016", "--data", str(data), "--format", "md", "-o", "r.md")
    assert report.exit_code == 0


def test_the_record_is_not_read_as_data(plan: Plan, data: Path) -> None:
    """The record is the tool's own file: the store neither reads it as figures nor names it."""
    o = next(o for o in load_store(plan, data).observations if o.region == "feixian")
    job = plan_withdrawal(load_store(plan, data), o.indicator, o.period.text, o.region, reason="r")
    record_withdrawal(data, job.record)
    store = load_store(plan, data)
    assert not store.errors
    assert not [f for f in store.findings if WITHDRAWN_NAME in (f.file or "")]
    assert [w.value for w, _ in store.withdrawn] == [o.text]


def test_withdrawing_a_revision_restores_the_earlier_figure(plan: Plan, tmp_path: Path) -> None:
    """Withdrawing the latest revision of a figure lets the earlier one count again."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value,as_of\n"
        "emp.new_urban_jobs,2016,feixian,8710,2017-01-10\n"
        "emp.new_urban_jobs,2016,feixian,9999,2017-03-01\n",
        encoding="utf-8",
    )
    job = plan_withdrawal(
        load_store(plan, data), "emp.new_urban_jobs", "2016", "feixian", reason="typo"
    )
    assert job.record.value == "9999"
    record_withdrawal(data, job.record)
    store = load_store(plan, data)
    assert [o.text for o in store.series("emp.new_urban_jobs", "feixian")] == ["8710"]


def test_nothing_to_withdraw_raises(plan: Plan, data: Path) -> None:
    """The core refuses a figure the store does not hold."""
    with pytest.raises(NothingToWithdraw):
        plan_withdrawal(load_store(plan, data), "emp.new_urban_jobs", "2003", "feixian", reason="r")


def test_a_withdrawal_is_honoured_through_the_store_cache(run: Run, tmp_path: Path) -> None:
    """With the cache on, status after a withdrawal no longer counts the withdrawn figure."""
    from test_cache import big_store

    data = big_store(tmp_path / "big", 9000)
    env = {"LINYI_TRACKER_CACHE": str(tmp_path / "cache")}
    args = (
        "status",
        "--data",
        str(data),
        "--region",
        "兰山区",
        "--as-of",
        "2016-12",
        "--format",
        "json",
    )
    first = run(*args, env=env)
    assert run(*args, env=env).stdout == first.stdout  # served from the cache
    assert list((tmp_path / "cache").glob("*.store"))
    done = run(
        "withdraw",
        "emp.new_urban_jobs",
        "2016-12",
        "--region",
        "兰山区",
        "--reason",
        "误填",
        "--data",
        str(data),
        env=env,
    )
    assert done.exit_code == 0
    after = run(*args, env=env)
    assert after.exit_code == 0 and after.stdout != first.stdout


@pytest.mark.parametrize(("lang", "said"), [("zh", "已于"), ("en", "was withdrawn on")])
def test_ingesting_a_withdrawn_figure_again_is_refused(
    run: Run, data: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """The withdrawn value ingested again would not count: refused with a message, not
    dropped (exit 1, a refusal of data: sweep 33 item 7)."""
    run("withdraw", *FIGURE, "--reason", "误填", "--data", str(data))
    sub = tmp_path / "again.csv"
    sub.write_text("指标代码,期间,地区,数值\nemp.new_urban_jobs,2016,费县,8710\n", encoding="utf-8")
    refused = run("ingest", str(sub), "--data", str(data), "--lang", lang)
    assert refused.exit_code == 1 and said in refused.stdout + refused.stderr
    assert not (data / "ingested").exists()


def test_a_record_row_edited_by_hand_out_of_shape_is_an_error_not_skipped(
    plan: Plan, data: Path
) -> None:
    """A withdrawal row with a stray comma (9 cells) is a csv-syntax error at its line, so
    the figure it withdrew is never counted again in silence; the good rows still apply."""
    o = next(o for o in load_store(plan, data).observations if o.region == "feixian")
    job = plan_withdrawal(load_store(plan, data), o.indicator, o.period.text, o.region, reason="r")
    record_withdrawal(data, job.record)
    record = data / WITHDRAWN_NAME
    with record.open("a", encoding="utf-8") as f:
        f.write("emp.new_urban_jobs,2017,feixian,level,1,2026-12-06T10:00:00,typo, here,me\n")
    store = load_store(plan, data)
    (bad,) = store.errors
    assert (bad.code, bad.line) == ("csv-syntax", 3) and WITHDRAWN_NAME in (bad.file or "")
    assert "9 cells" in str(bad.params["error"])
    assert [w.value for w, _ in store.withdrawn] == [o.text]


def _clash(tmp_path: Path) -> Path:
    """A data folder where two files give 兰山区's 2019 new jobs as 11300 and 13100."""
    folder = tmp_path / "clash"
    folder.mkdir()
    head = "指标,期间,地区,数值,来源\n"
    (folder / "a.csv").write_text(
        head + "城镇新增就业人数,2019年,兰山区,11300,县报\n", encoding="utf-8"
    )
    (folder / "b.csv").write_text(
        head + "城镇新增就业人数,2019年,兰山区,13100,县报\n", encoding="utf-8"
    )
    return folder


WITHDRAW_2019 = ("withdraw", "emp.new_urban_jobs", "2019", "--region", "兰山区", "--reason", "误填")


@pytest.mark.parametrize(("lang", "said"), [("zh", "个数字符合"), ("en", "figures answer")])
def test_figures_in_conflict_are_listed_not_guessed(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """With two figures in conflict and no --value, withdraw lists both and writes nothing."""
    data = _clash(tmp_path)
    refused = run(*WITHDRAW_2019, "--data", str(data), "--lang", lang)
    assert refused.exit_code == 2
    assert said in refused.stderr and "11300" in refused.stderr and "13100" in refused.stderr
    assert not (data / WITHDRAWN_NAME).exists()


def test_withdrawing_one_figure_in_conflict_ends_the_conflict(run: Run, tmp_path: Path) -> None:
    """--value takes back the figure that is in conflict, though the folder has an error;
    the other figure then counts and status assesses the folder."""
    data = _clash(tmp_path)
    assert run("status", "--data", str(data)).exit_code == 1
    done = run(*WITHDRAW_2019, "--data", str(data), "--value", "13,100")
    assert done.exit_code == 0 and "13100" in done.stdout
    shown = run(
        "show", "emp.new_urban_jobs", "--region", "兰山区", "--data", str(data), "--format", "json"
    )
    assert shown.exit_code == 0
    assert [s["value"] for s in json.loads(shown.stdout)["series"]] == [11300]


def test_the_current_figure_of_a_conflict_can_be_withdrawn_too(plan: Plan, tmp_path: Path) -> None:
    """Withdrawing the figure that stood as current leaves the other, with no conflict."""
    data = _clash(tmp_path)
    job = plan_withdrawal(
        load_store(plan, data), "emp.new_urban_jobs", "2019", "lanshan", reason="r", value="11300"
    )
    record_withdrawal(data, job.record)
    store = load_store(plan, data)
    assert not store.errors
    assert [o.text for o in store.series("emp.new_urban_jobs", "lanshan")] == ["13100"]


def test_one_label_of_a_span_in_conflict_can_be_withdrawn(plan: Plan, tmp_path: Path) -> None:
    """A year-to-date 2019-12 figure in conflict with the 2019 one is withdrawn by its label."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value\n"
        "emp.new_urban_jobs,2019,lanshan,11300\n"
        "emp.new_urban_jobs,2019-12,lanshan,13100\n",
        encoding="utf-8",
    )
    assert load_store(plan, data).errors
    job = plan_withdrawal(
        load_store(plan, data), "emp.new_urban_jobs", "2019-12", "lanshan", reason="r"
    )
    assert job.record.value == "13100"
    record_withdrawal(data, job.record)
    assert not load_store(plan, data).errors


def test_measure_chooses_the_growth_figure(plan: Plan, tmp_path: Path) -> None:
    """--measure growth withdraws the growth figure where a level is given beside it."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value,unit,measure\n"
        "inc.urban_disposable,2019,,38000,元,level\n"
        "inc.urban_disposable,2019,,8.1,%,growth\n",
        encoding="utf-8",
    )
    store = load_store(plan, data)
    assert not store.errors, store.errors
    level = plan_withdrawal(store, "inc.urban_disposable", "2019", "linyi", reason="r")
    growth = plan_withdrawal(
        store, "inc.urban_disposable", "2019", "linyi", reason="r", measure="growth"
    )
    assert (level.record.measure, growth.record.measure) == ("level", "growth")
    assert growth.record.value == "8.1"


def test_withdrawn_already_chooses_as_a_withdrawal_does(plan: Plan, tmp_path: Path) -> None:
    """With a level and its growth figure both withdrawn (the growth figure first, in the
    file and in the record), a
    withdrawal without --measure answers about the level, as it would choose the level
    were both still counting; --measure growth answers about the growth figure."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value,unit,measure\n"
        "inc.urban_disposable,2019,,8.1,%,growth\n"
        "inc.urban_disposable,2019,,38000,元,level\n",
        encoding="utf-8",
    )
    for measure in ("growth", "level"):
        job = plan_withdrawal(
            load_store(plan, data),
            "inc.urban_disposable",
            "2019",
            "linyi",
            reason="r",
            measure=measure,
        )
        record_withdrawal(data, job.record)
    store = load_store(plan, data)
    level = plan_withdrawal(store, "inc.urban_disposable", "2019", "linyi", reason="again")
    growth = plan_withdrawal(
        store, "inc.urban_disposable", "2019", "linyi", reason="again", measure="growth"
    )
    assert level.already and (level.record.measure, level.record.value) == ("level", "38000")
    assert growth.already and (growth.record.measure, growth.record.value) == ("growth", "8.1")
    assert level.record.reason == growth.record.reason == "r"


@pytest.mark.parametrize("typed", ["1.31万", "１３１００", "13 100"])
def test_value_is_read_as_a_data_cell_is(plan: Plan, tmp_path: Path, typed: str) -> None:
    """--value goes through the data files' number rule: 1.31万 and full-width digits name 13100."""
    job = plan_withdrawal(
        load_store(plan, _clash(tmp_path)),
        "emp.new_urban_jobs",
        "2019",
        "lanshan",
        reason="r",
        value=typed,
    )
    assert job.record.value == "13100"


@pytest.mark.parametrize(("lang", "said"), [("zh", "不是数字"), ("en", "is not a number")])
def test_a_value_that_is_no_number_is_refused_as_such(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """--value abc says it is not a number (exit 2) rather than that no figure is stored."""
    refused = run(*WITHDRAW_2019, "--data", str(_clash(tmp_path)), "--value", "abc", "--lang", lang)
    assert refused.exit_code == 2 and said in refused.stderr


@pytest.mark.parametrize(("lang", "said"), [("zh", "此处的数字为"), ("en", "the figures there")])
def test_a_value_no_figure_has_lists_the_figures_there(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """--value 12000 where the figures are 11300 and 13100 names both, so the clerk can retype."""
    data = _clash(tmp_path)
    refused = run(*WITHDRAW_2019, "--data", str(data), "--value", "12000", "--lang", lang)
    assert refused.exit_code == 2
    assert said in refused.stderr and "11300" in refused.stderr and "13100" in refused.stderr
    assert not (data / WITHDRAWN_NAME).exists()


def test_the_core_says_nothing_to_withdraw_by_ids(plan: Plan, data: Path) -> None:
    """The core is given ids and its message holds ids (the CLI names them, not the core)."""
    with pytest.raises(NothingToWithdraw) as e:
        plan_withdrawal(load_store(plan, data), "emp.new_urban_jobs", "2003", "feixian", reason="r")
    params = e.value.texts[0].params
    assert [type(params[k]) for k in ("indicator", "period", "region")] == [str, str, str]
