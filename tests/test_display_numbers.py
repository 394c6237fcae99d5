"""Estimates and columns as every output shows them (reporting/text.py, formatting.py)."""

from __future__ import annotations

from decimal import Decimal

from test_report import demo_report

from linyi_tracker.formatting import wan_column, with_unit
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import tables


def _column(values: list[Decimal]) -> list[str]:
    """Yuan in Chinese in one scale, by the one rule a row (or a ranking's column) calls."""
    wan = wan_column(values)
    return [with_unit(v, "元", "zh", wan) for v in values]


def test_projection_of_a_share_is_shown_at_most_100(plan: Plan) -> None:
    """Pension coverage projected at 100.14 % shows as 100.0 % (the model keeps the exact
    value), at the tenth of a percentage's least precision."""
    line = demo_report(plan).line("ss.resident_pension_coverage.2020")
    assert line.a.projected is not None and line.a.projected > 100
    assert text.projected(line, "zh") == "100.0%"


def test_projection_in_wan_like_the_actual_beside_it(plan: Plan) -> None:
    """Rural income projected at 17,151.6 yuan shows as 17,152元 in Chinese beside an actual
    of 16,100元 and a gap of 3,900元 (its row is in yuan), 17,152 yuan in English."""
    line = demo_report(plan).line("inc.rural_per_capita.2020")
    assert text.actual(line, "zh").startswith("16,100元")
    assert text.projected(line, "zh") == "17,152元"
    assert text.projected(line, "en") == "17,152 yuan"


def test_a_column_is_all_in_wan_or_none() -> None:
    """19,140 beside 16,800 stays in yuan (19,140 is not a round 万); 16,800 and 20,000 go to 万 together,
    each at its own written precision (2万元 beside 1.68万元: no figure padded by its neighbour)."""
    assert _column([Decimal(19140), Decimal(16800)]) == ["19,140元", "16,800元"]
    assert _column([Decimal(16800), Decimal(20000)]) == ["1.68万元", "2万元"]


def test_ranking_columns_use_one_style_and_the_readers_words(plan: Plan) -> None:
    """The rural-income ranking has no 万 beside plain yuan; a county's milestone word is in Chinese."""
    report = demo_report(plan)
    by = {r.indicator: tables.ranking(r, "zh") for r in report.regions}
    values = [row[2] for row in by["inc.rural_per_capita"].rows]
    assert not any("万" in v for v in values) and "19,140元" in values
    assert {row[2] for row in by["edu.balanced_counties"].rows} == {"已完成", "未完成"}
