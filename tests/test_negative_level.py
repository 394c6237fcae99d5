"""A negative level (note 33): validate warns, and the assessment says the level is what
is wrong — not that a link of the chain is missing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, Result, store_from
from linyi_tracker.actuals.periods import Period
from linyi_tracker.assessment.engine import assess
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
ANY_PLAN = FIXTURES / "plans" / "growth-change.yaml"
NEGATIVE = FIXTURES / "plausible" / "negative-amount-gbk.csv"
DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
HEAD = "indicator,period,value,unit,measure,source\n"


@pytest.fixture(scope="module")
def any_plan() -> Plan:
    return read_plan(ANY_PLAN)


def _growth(plan: Plan, rows: str, as_of: int) -> tuple[str, list[str]]:
    store = store_from(plan, ("levels.csv", HEAD + rows))
    t = plan.target_by_id["rd.spending.growth"]
    a = assess(plan, store, t, Period.of_year(as_of), plan.city.id)
    return a.status, a.reasons


def test_a_negative_end_level_of_a_growth_target_is_named(any_plan: Plan) -> None:
    """R&D 200 in 2020 and −5 in 2021: short of data because a level is not above zero."""
    rows = "rd.spending,2020,200,亿元,level,t\nrd.spending,2021,-5,亿元,level,t\n"
    status, reasons = _growth(any_plan, rows, 2021)
    assert status == "insufficient_data"
    assert "non-positive-level" in reasons and "missing-link" not in reasons


def test_a_zero_base_level_in_a_chain_is_named_not_a_missing_year(any_plan: Plan) -> None:
    """A base level of 0 (2020) chained to 2021's 210: the level is named, not 2021 as a
    missing link (a zero level was taken for no figure)."""
    rows = "rd.spending,2020,0,亿元,level,t\nrd.spending,2021,210,亿元,level,t\n"
    status, reasons = _growth(any_plan, rows, 2021)
    assert (status, reasons) == ("insufficient_data", ["non-positive-level"])


@pytest.mark.parametrize(
    ("lang", "short", "reason"),
    [
        ("zh", "水平值不大于零", "所用的水平值中有零或负数"),
        ("en", "a level ≤ 0", "a level used is zero or negative"),
    ],
)
def test_show_says_the_level_is_what_is_wrong(
    run: Run, tmp_path: Path, lang: str, short: str, reason: str
) -> None:
    """A negative income level in the data: show's status and reason say the level is
    zero or negative, in zh and en (was: "pace not measurable")."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    city = data / "city.csv"
    text = city.read_text("utf-8").replace(
        "inc.urban_disposable,2018,,41100,", "inc.urban_disposable,2018,,-41100,"
    )
    city.write_text(text, encoding="utf-8")
    r = run(
        "show",
        "inc.urban_disposable",
        "--data",
        str(data),
        "--as-of",
        "2018",
        "--lang",
        lang,
        width=200,
    )
    assert r.exit_code == 0 and short in r.stdout and reason in r.stdout


def test_validate_warns_of_a_negative_amount_level_once(run: Run) -> None:
    """A negative income level (元) is one implausible-value warning saying it is negative;
    a negative growth figure of the same indicator is not questioned."""
    r = run("validate", str(NEGATIVE), "--no-store", "--format", "json")
    assert r.exit_code == 0
    found = [
        (f["code"], f["line"], f["params"].get("unit"))
        for f in json.loads(r.stdout)["findings"]
        if f["severity"] != "notice"
    ]
    assert found == [("implausible-value", 2, "yuan")]


@pytest.mark.parametrize(("lang", "said"), [("zh", "是负数"), ("en", "is negative")])
def test_the_negative_level_warning_is_said_in_both_languages(
    run: Run, lang: str, said: str
) -> None:
    """The warning names the value and the plan's unit, and how a fall is sent."""
    r = run("validate", str(NEGATIVE), "--no-store", "--lang", lang)
    assert said in r.stdout and ("比上年增长" if lang == "zh" else "growth") in r.stdout
