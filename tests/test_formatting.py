"""Numbers for people: one style a column, projections rounded, shares kept within 100 %."""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.formatting import estimate, number, wan_column, with_unit


def test_every_figure_from_ten_thousand_is_in_wan() -> None:
    """19,140 and 16,800 are both written in 万 (once 19,140元 sat beside 1.68万元)."""
    assert number(Decimal(19140), "zh") == "1.914万"
    assert number(Decimal(16800), "zh") == "1.68万"
    assert number(Decimal(3900), "zh") == "3,900"


def test_a_column_with_a_small_figure_is_all_plain() -> None:
    """A column holding 8,133 and 11,315 writes both without 万."""
    values = [Decimal(11315), Decimal(8133)]
    wan = wan_column(values)
    assert not wan
    assert [with_unit(v, "人", "zh", wan) for v in values] == ["11,315人", "8,133人"]


def test_a_column_of_large_figures_is_all_in_wan() -> None:
    """When every figure is 10,000 or more and reads exactly in 万 to 0.01 the column is in 万;
    one that would need 1.914万 stays in units (the one column rule, issue 28)."""
    assert wan_column([Decimal(20000), Decimal(16800), None])
    assert not wan_column([Decimal(19140), Decimal(16800), None])


def test_english_never_uses_wan() -> None:
    """English figures are grouped in thousands."""
    assert number(Decimal(19140), "en", wan=True) == "19,140"


def test_a_projection_is_rounded_for_display() -> None:
    """17,151.607979 元 shows as 1.72万 in Chinese and 17,152 in English."""
    assert number(estimate(Decimal("17151.607979"), "yuan", "zh"), "zh") == "1.72万"
    assert number(estimate(Decimal("17151.607979"), "yuan", "en"), "en") == "17,152"
    assert estimate(Decimal("1.552632"), ":1", "en") == Decimal("1.55")


def test_a_projected_share_stays_within_100() -> None:
    """A coverage projected at 100.138516 % shows as 100 %, one below 0 as 0."""
    assert estimate(Decimal("100.138516"), "%", "zh") == Decimal("100.0")
    assert estimate(Decimal("-2.5"), "%", "en") == Decimal("0.0")
