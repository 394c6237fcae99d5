"""平米 / 平方 are 平方米 exactly: read, never told to convert a figure already in the unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.actuals.units import unit_factor
from linyi_tracker.plan.models import Plan

TODAY = date(2026, 11, 28)


def test_a_gb18030_file_in_pingmi_is_read_as_square_metres(plan: Plan) -> None:
    """2000000 平米, 120 万平米 and 1500000 平方 are read as 平方米 with no error."""
    path = FIXTURES / "units" / "pingmi.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    assert [f for f in got.findings if f.severity.value == "error"] == []
    assert [o.value for o in got.observations] == [
        Decimal("2000000"),
        Decimal("1200000"),
        Decimal("1500000"),
    ]


@pytest.mark.parametrize(
    ("text", "factor"), [("平米", "1"), ("万平米", "10000"), ("平方", "1"), ("亿平米", "100000000")]
)
def test_each_colloquial_name_has_the_full_names_factor(plan: Plan, text: str, factor: str) -> None:
    """A colloquial name converts exactly as the name it stands for."""
    (ind,) = [i for i in plan.indicators if i.id == "housing.floor_area_completed"]
    unit = plan.unit_of(ind)
    assert unit is not None
    assert unit_factor(text, unit) == Decimal(factor)


def test_a_ratio_written_as_a_percentage_gets_the_ratio_hint(plan: Plan) -> None:
    """170 % on the dibao ratio asks about 1.7:1, not about a growth rate; nothing is read."""
    path = FIXTURES / "units" / "ratio-percent.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    (found,) = [f for f in got.findings if f.code == "unit-mismatch"]
    assert (found.line, found.hint_form, str(found.params["ratio"])) == (2, "ratio-percent", "1.7")
    assert got.observations == []
