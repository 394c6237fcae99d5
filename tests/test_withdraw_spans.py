"""``withdraw`` finds a year-to-date figure by any label of its span, as the store
withdraws it (2020Q2 finds the figure stored as 2020-06), and reads PERIOD as a data
file's period cell is read (2020年1-6月, 上半年 for a flow only) — note 34's review."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TODAY, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.actuals.withdrawals import read_withdrawals
from linyi_tracker.intake.withdraw import NothingToWithdraw, plan_withdrawal
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]
DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
# 兰山区's new urban jobs to June 2020: 2938, stored as 2020-06 in the demo data
JOBS = ("withdraw", "emp.new_urban_jobs")
LANSHAN = ("--region", "兰山区", "--reason", "误填")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    return folder


@pytest.mark.parametrize(
    "period", ["2020Q2", "2020-Q2", "2020年1-6月", "2020年上半年", "2020年6月"]
)
def test_withdraw_finds_a_flow_figure_by_any_label_of_its_span(
    run: Run, data: Path, period: str
) -> None:
    """The 2020-06 figure of a year-to-date indicator is withdrawn when named by another
    label of its span or a clerk's spelling of it, and recorded by its own label."""
    r = run(*JOBS, period, *LANSHAN, "--data", str(data), width=300)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert [(w.period, w.value) for w in read_withdrawals(data)] == [("2020-06", "2938")]


def test_undo_finds_a_flow_figure_by_another_label_of_its_span(run: Run, data: Path) -> None:
    """A figure withdrawn as 2020-06 is reinstated by --undo 2020Q2."""
    assert run(*JOBS, "2020-06", *LANSHAN, "--data", str(data)).exit_code == 0
    r = run(*JOBS, "2020Q2", *LANSHAN, "--undo", "--data", str(data), width=300)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert read_withdrawals(data) == []


def test_withdraw_of_a_flow_names_the_figure_by_its_own_period(run: Run, data: Path) -> None:
    """Named 2020Q2, the figure withdrawn is said as the file holds it: Jun 2020."""
    r = run(*JOBS, "2020Q2", *LANSHAN, "--dry-run", "--data", str(data), width=300)
    assert r.exit_code == 0 and "Jun 2020 = 2938" in r.stdout, r.stdout


def test_a_span_from_january_of_a_level_is_refused(run: Run, data: Path) -> None:
    """2019年1-9月 of a level (income per head) is no figure it has: exit 2, saying so."""
    r = run(
        "withdraw", "inc.urban_disposable", "2019年1-9月", "--reason", "x", "--data", str(data),
        "--lang", "en", width=300,
    )  # fmt: skip
    assert r.exit_code == 2
    assert "is a sum from January" in r.stderr and "2019-09" in r.stderr, r.stderr


def test_a_level_is_not_found_by_another_label_of_a_span(plan: Plan, tmp_path: Path) -> None:
    """Only a flow's labels share a span: a level's 2019Q4 does not find its 2019 figure."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value\ninc.urban_disposable,2019,,38000\n", encoding="utf-8"
    )
    assert "inc.urban_disposable" not in plan.flows
    with pytest.raises(NothingToWithdraw, match="2019Q4"):
        plan_withdrawal(
            load_store(plan, data),
            "inc.urban_disposable",
            "2019Q4",
            "linyi",
            reason="r",
            flows=plan.flows,
        )


@pytest.mark.parametrize("period", ["2019年1-9月", "2019年前三季度", "2019年上半年"])
def test_withdraw_and_the_reader_refuse_a_span_for_the_same_indicators(
    plan: Plan, run: Run, data: Path, tmp_path: Path, period: str
) -> None:
    """For every indicator of the plan, withdraw's PERIOD refuses a span from January
    exactly when a data file's period cell does (one rule, cells.span_refused)."""
    rows = "".join(f"{i.id},{period},兰山区,1\n" for i in plan.indicators)
    path = tmp_path / "spans.csv"
    path.write_text("indicator,period,region,value\n" + rows, encoding="utf-8")
    report = validate([str(path)], plan, store=None, today=TODAY)
    refused_by_reader = {
        plan.indicators[f.line - 2].id for f in report.findings if f.form == "cumulative-level"
    }
    refused_by_withdraw = set()
    for i in plan.indicators:
        r = run("withdraw", i.id, period, *LANSHAN, "--data", str(data), "--lang", "en")
        if "is a sum from January" in r.stderr:
            refused_by_withdraw.add(i.id)
    assert refused_by_reader == refused_by_withdraw
    assert refused_by_reader == {i.id for i in plan.indicators if not i.flow}
