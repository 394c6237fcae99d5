"""The table's words and the workbook's cell choose one scale (万 or not) for a figure:
one rule (text.amount_figure) that figure_words and figure_scale both read."""

from __future__ import annotations

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
