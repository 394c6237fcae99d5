"""The table's words and the workbook's cell choose one scale (万 or not) for a figure:
one rule (text.amount_figure) that figure_words and figure_scale both read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEMO
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import assess
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import target_view


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_and_workbook_choose_one_scale(plan: Plan, lang: Lang) -> None:
    """For every target × region × report year of the demo data, each figure the table
    writes in 万 is the one the workbook divides by 10,000, and no other."""
    store = load_store(plan, DEMO)
    checked = wan = 0
    for year in (2016, 2019, 2020):
        for region in [plan.city.id, *(r.id for r in plan.regions)]:
            for target in plan.targets:
                a = assess(plan, store, target, Period.of_year(year), region)
                v = target_view(plan, store, a, Period.of_year(year))
                u = text.unit(v, lang) or ""
                for column in text.FIGURE_COLUMNS:
                    words = text.figure_words(column, v, lang)
                    if words is None or a.kind in ("growth", "change") or not words.endswith(u):
                        continue
                    in_wan = words.removesuffix(u).endswith("万")
                    scale = text.figure_scale(column, v, lang)
                    assert scale == (4 if in_wan else 0), (target.id, region, column, words)
                    checked += 1
                    wan += in_wan
    assert checked > 100
    assert wan if lang == "zh" else not wan


def _partial(plan: Plan, tmp_path: Path, part: int) -> tuple[str, str]:
    """The (zh) target and actual cells of new urban jobs in 2016 when 11 of the 12
    counties sent ``part``."""
    rows = "".join(f"emp.new_urban_jobs,2016,{r.id},{part}\n" for r in plan.sub_regions[:-1])
    (tmp_path / "a.csv").write_text("indicator,period,region,value\n" + rows, encoding="utf-8")
    store = load_store(plan, tmp_path)
    target = plan.target_by_id["emp.new_urban_jobs.annual"]
    a = assess(plan, store, target, Period.of_year(2016), plan.city.id)
    assert a.partial is not None and a.actual is None
    v = target_view(plan, store, a, Period.of_year(2016))
    return text.target(v, "zh"), text.actual(v, "zh")


def test_a_partial_total_is_in_its_row_s_scale(plan: Plan, tmp_path: Path) -> None:
    """A partial total of 78,111 people beside a target of ≥ 8.5万人 puts the row in 人
    (≥ 85,000人, 部分地区合计78,111人): never a row in 万 beside a total in units, or a
    total in 万 beside a row in 人."""
    wanted, got = _partial(plan, tmp_path, 7101)
    assert wanted.startswith("≥ 85,000人") and got == "部分地区合计78,111人（2016年）"


def test_a_partial_total_in_wan_says_its_unit(plan: Plan, tmp_path: Path) -> None:
    """A partial total of 78,100 beside ≥ 8.5万人 is written 7.81万人, in the row's 万 and
    with its unit, as every other figure of the row."""
    wanted, got = _partial(plan, tmp_path, 7100)
    assert wanted.startswith("≥ 8.5万人") and got == "部分地区合计7.81万人（2016年）"
