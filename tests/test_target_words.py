"""A target is written one way (sweep 33, item 16, "mixed precision"): `plan` lists each
target in the words `status`, `show` and the report write it (text.plan_target and
text.target share text._target): ≥ 8.5万人每年（2015—2020年）, never ≥ 8.5万人 without 每年."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, PLAN_FILE, REPO, Result
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.assessment.engine import assess_all
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import status_view

Run = Callable[..., Result]
_FIGURE = re.compile(r"\d[\d,.]*万?")
CN_PLAN = REPO / "examples" / "plans" / "cn-13th-fyp.yaml"
CN_DATA = REPO / "examples" / "plans" / "cn-13th-fyp"


@pytest.mark.parametrize(
    ("plan_file", "data"), [(PLAN_FILE, DEMO), (CN_PLAN, CN_DATA)], ids=["demo", "cn-13th-fyp"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("with_data", [True, False], ids=["with-data", "without-data"])
def test_plan_writes_each_target_as_status_does(
    plan_file: Path, data: Path, lang: Lang, with_data: bool
) -> None:
    """Every target of both example plans reads in `plan` in the words a status view of it
    writes, with data and without; with data, its figure is in its row's scale
    (text.row_scale: ≥ 20,000元 beside an actual of 16,100元, where `plan`, with no row
    around the figure, writes 2万元)."""
    plan = read_plan(plan_file)
    store = load_store(plan, data) if with_data else Store(data)
    report = assess_all(plan, store, Period.of_year(plan.plan.period.end))
    for v in status_view(plan, store, report).targets:
        tg = plan.target_by_id[v.target_id]
        mark = text.binding(v, lang)
        shown = text.target(v, lang)
        said = text.plan_target(plan, tg, lang)
        shown = shown[: -len(mark) - 3] if mark else shown
        if with_data:
            said, shown = (_FIGURE.sub("N", x) for x in (said, shown))
        assert said == shown


def test_plan_says_per_year_for_an_annual_target(run: Run) -> None:
    """`plan` lists the jobs target as ≥ 8.5万人每年（2015—2020年）, as `status` writes it."""
    r = run("plan", "--lang", "zh", width=120)
    assert "≥ 8.5万人每年（2015—2020年）" in r.stdout
