"""validate and ingest agree on a withdrawn figure sent again, whatever way it is written
(note 33: validate said "No errors" for what ingest refused; ``11315.0`` got past the
refusal of a withdrawn ``11315``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.actuals.withdrawals import Withdrawal, in_force, value_of
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent
DEMO = ROOT.parent / "examples" / "demo"
THREE = ROOT / "fixtures" / "withdrawals" / "three-withdrawn-gbk.csv"
HEAD = "指标代码,期间,地区,数值,单位\n"
# 兰山区's 2019 new urban jobs, 11315 in the demo data, written as a clerk might
WRITTEN = ["11315", "11315.0", '"11,315"', "1.1315万", "１１３１５", "1.1315", "11315.00"]


@pytest.fixture
def data(tmp_path: Path, run: Run) -> Path:
    """The demo data folder with 兰山区's 2019 new urban jobs (11315) withdrawn."""
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    done = run(
        "withdraw", "emp.new_urban_jobs", "2019", "--region", "兰山", "--reason", "误填",
        "--data", str(folder),
    )  # fmt: skip
    assert done.exit_code == 0
    return folder


def _sent(tmp_path: Path, value: str) -> Path:
    """A GB18030 submission with Chinese headers giving 兰山区's 2019 figure as ``value``."""
    unit = "万人" if value == "1.1315" else "人"
    sub = tmp_path / "again.csv"
    sub.write_bytes(f"{HEAD}emp.new_urban_jobs,2019,兰山区,{value},{unit}\n".encode("gb18030"))
    return sub


@pytest.mark.parametrize("value", WRITTEN)
def test_validate_reports_a_withdrawn_figure_however_written(
    run: Run, data: Path, tmp_path: Path, value: str
) -> None:
    """validate --data reports the withdrawn figure sent again (an error, exit 1), written
    as stored or otherwise (11315.0, "11,315", 1.1315万, full-width digits, 1.1315 万人)."""
    sub = _sent(tmp_path, value)
    r = run("validate", str(sub), "--data", str(data), "--format", "json")
    assert r.exit_code == 1, r.stdout
    (found,) = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"]
    assert (found["code"], found["line"], found["column"]) == ("withdrawn-figure", 2, "数值")
    assert found["params"]["reason"] == "误填" and found["params"]["when"]
    assert "--undo" in found["hint"] and "--data" in found["hint"]


@pytest.mark.parametrize("value", WRITTEN)
def test_ingest_refuses_a_withdrawn_figure_however_written(
    run: Run, data: Path, tmp_path: Path, value: str
) -> None:
    """ingest refuses the withdrawn figure written differently (exit 1, nothing written),
    naming it and the reinstating command, as it refuses the stored text."""
    r = run("ingest", str(_sent(tmp_path, value)), "--data", str(data), width=400)
    assert r.exit_code == 1 and "was withdrawn on" in r.stderr and "--undo" in r.stderr
    assert not (data / "ingested").exists()


@pytest.mark.parametrize(("lang", "said"), [("zh", "已于"), ("en", "was withdrawn on")])
def test_validate_says_it_in_both_languages(
    run: Run, data: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """validate's finding on a withdrawn figure is said in the reader's language, with the
    reinstating command and its reason in that language."""
    r = run("validate", str(_sent(tmp_path, "11315.0")), "--data", str(data), "--lang", lang)
    reason = "--reason 误撤回" if lang == "zh" else "--reason 'withdrawn by mistake'"
    assert r.exit_code == 1 and said in r.stdout and reason in r.stdout


def test_a_figure_the_withdrawn_one_rounds_is_another_figure(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """1.13万 beside a withdrawn 11315 is not the withdrawn figure (equal values only):
    validate does not call it withdrawn."""
    r = run("validate", str(_sent(tmp_path, "1.13万")), "--data", str(data), "--format", "json")
    forms = [f.get("params", {}).get("when") for f in json.loads(r.stdout)["findings"]]
    assert r.exit_code == 0 and forms == [None, None]


def test_the_store_drops_a_stored_figure_written_differently(plan: Plan, data: Path) -> None:
    """A data file holding 11315.0 where 11315 was withdrawn does not count: the figure
    withdrawn is the value, however a file writes it."""
    lanshan = data / "regions" / "lanshan.csv"
    text = lanshan.read_text("utf-8").replace(",2019,lanshan,11315,", ",2019,lanshan,11315.0,")
    lanshan.write_text(text, encoding="utf-8")
    store = load_store(plan, data)
    assert [o.text for _, o in store.withdrawn] == ["11315.0"]
    assert not [
        o for o in store.observations if o.key == ("emp.new_urban_jobs", "2019", "lanshan", "level")
    ]


def test_an_undo_written_differently_reinstates() -> None:
    """A reinstatement of 11315.0 undoes the withdrawal of 11315 (one value)."""
    from linyi_tracker.actuals.withdrawals import Reinstatement

    key = ("emp.new_urban_jobs", "2019", "lanshan", "level")
    w = Withdrawal(*key, "11315", "2026-01-01T00:00:00", "r", "")
    assert in_force([w, Reinstatement(*key, "11315.0", "2026-01-02T00:00:00", "r", "")]) == []


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(0, 4))
def test_a_number_is_compared_by_its_value(value: Decimal, zeros: int) -> None:
    """Any number written plain, with trailing zeros or not, compares as its value."""
    text = format(value, "f")
    padded = text + ("" if zeros == 0 else ("0" * zeros if "." in text else "." + "0" * zeros))
    assert value_of(text) == value_of(padded) == value


def test_ingest_names_every_withdrawn_figure(run: Run, data: Path) -> None:
    """A submission of three withdrawn figures is refused naming the first with its command
    and the two others with their lines, not only the first."""
    for period in ("2017", "2018"):
        done = run(
            "withdraw", "emp.new_urban_jobs", period, "--region", "兰山", "--reason", "x",
            "--data", str(data),
        )  # fmt: skip
        assert done.exit_code == 0
    r = run("ingest", str(THREE), "--data", str(data), width=600)
    assert r.exit_code == 1 and "2 more withdrawn figures" in r.stderr
    assert "three-withdrawn-gbk.csv:3" in r.stderr and "three-withdrawn-gbk.csv:4" in r.stderr


def test_validate_and_ingest_name_the_same_withdrawn_rows(run: Run, data: Path) -> None:
    """validate reports each row ingest refuses as withdrawn: one rule for both."""
    for period in ("2017", "2018"):
        run(
            "withdraw", "emp.new_urban_jobs", period, "--region", "兰山", "--reason", "x",
            "--data", str(data),
        )  # fmt: skip
    r = run("validate", str(THREE), "--data", str(data), "--format", "json")
    lines = sorted(
        f["line"] for f in json.loads(r.stdout)["findings"] if "withdrawn" in f["message"]
    )
    assert lines == [2, 3, 4]


@pytest.mark.parametrize("period", ["2019年1-12月", "2019Q4", "2019-12", "2019年1-4季度"])
def test_a_withdrawn_flow_figure_under_another_label_of_its_span_is_withdrawn(
    run: Run, data: Path, tmp_path: Path, period: str
) -> None:
    """New urban jobs are summed from January: 2019, 2019-12, 2019Q4 and 2019年1-12月 are
    one figure (the store's duplicate rule). The withdrawn 2019 figure sent again under
    another of them is reported by validate and refused by ingest, not counted again."""
    sub = tmp_path / "again.csv"
    sub.write_bytes(f"{HEAD}emp.new_urban_jobs,{period},兰山区,11315,人\n".encode("gb18030"))
    r = run("validate", str(sub), "--data", str(data), "--format", "json")
    assert r.exit_code == 1, r.stdout
    (found,) = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"]
    assert found["code"] == "withdrawn-figure"
    assert "emp.new_urban_jobs 2019 --region lanshan --value 11315 --undo" in found["hint"]
    r = run("ingest", str(sub), "--data", str(data), width=400)
    assert r.exit_code == 1 and "was withdrawn on" in r.stderr
    assert not (data / "ingested").exists()


def test_the_store_drops_a_withdrawn_flow_figure_under_another_label(
    plan: Plan, data: Path
) -> None:
    """A data file holding 兰山区's 2019Q4 new urban jobs, 11315, where 2019's 11315 was
    withdrawn: the same figure, withdrawn — nothing counts for the span."""
    lanshan = data / "regions" / "lanshan.csv"
    text = lanshan.read_text("utf-8").replace(",2019,lanshan,11315,", ",2019Q4,lanshan,11315,")
    lanshan.write_text(text, encoding="utf-8")
    store = load_store(plan, data)
    assert [(w.period, o.period.text) for w, o in store.withdrawn] == [("2019", "2019Q4")]
    assert not [
        o
        for o in store.observations
        if o.indicator == "emp.new_urban_jobs"
        and o.region == "lanshan"
        and o.period.year == 2019
        and o.period.months == 12
    ]


def test_a_hand_edited_record_whose_period_is_none_still_loads(plan: Plan, data: Path) -> None:
    """A withdrawal of a flow whose period cell was edited into no period (2019x) does
    not stop the store from loading: it withdraws nothing, and the figure counts."""
    record = data / ".linyi-tracker-withdrawn.csv"
    text = record.read_text("utf-8-sig")
    record.write_text(text.replace(",2019,lanshan,", ",2019x,lanshan,"), encoding="utf-8")
    store = load_store(plan, data)
    assert store.withdrawn == []
    assert [
        o.text
        for o in store.observations
        if o.key == ("emp.new_urban_jobs", "2019", "lanshan", "level")
    ] == ["11315"]


def test_a_flow_figure_withdrawn_under_another_label_is_named_by_its_own(
    run: Run, data: Path
) -> None:
    """The file's 2019Q4 figure withdrawn by 2019's record: withdraw 2019Q4 says it is
    withdrawn already, and --undo 2019Q4 reinstates it (not "nothing there")."""
    lanshan = data / "regions" / "lanshan.csv"
    text = lanshan.read_text("utf-8").replace(",2019,lanshan,11315,", ",2019Q4,lanshan,11315,")
    lanshan.write_text(text, encoding="utf-8")
    named = ("withdraw", "emp.new_urban_jobs", "2019Q4", "--region", "兰山", "--reason", "x")
    again = run(*named, "--data", str(data), width=300)
    assert again.exit_code == 0 and "was withdrawn already" in again.stdout, again.stdout
    undo = run(*named, "--undo", "--dry-run", "--data", str(data), width=300)
    assert undo.exit_code == 0 and "Would reinstate" in undo.stdout, undo.stdout
