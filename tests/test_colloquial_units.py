"""平米 / 平方 are 平方米 exactly: read, never told to convert a figure already in the unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.actuals.units import unit_at, unit_factor
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


@pytest.mark.parametrize("sentence", ["新开工面积1.2万平方公里。", "竣工面积3平方公里。"])
def test_square_kilometres_in_a_sentence_are_never_read_as_pingfang(
    plan: Plan, sentence: str
) -> None:
    """平方 is 平方米 only where the unit ends: 平方公里 in a communiqué is no unit of a floor
    area (1.2万平方公里 was proposed as 1.2万平方米); extract proposes no figure from it."""
    from linyi_tracker.extract.document import Document, split_sentences
    from linyi_tracker.extract.figures import Extractor

    text = "2019年，全市保障性安居工程" + sentence
    doc = Document("c.txt", "utf-8", split_sentences(text))
    got = Extractor(plan).extract([doc])
    assert [(r.indicator, r.value) for r in got.rows] == []
    (ind,) = [i for i in plan.indicators if i.id == "housing.floor_area_completed"]
    unit = plan.unit_of(ind)
    assert unit is not None
    assert unit_at("1.2万平方公里", 3, unit) is None
    assert unit_at("1.2万平方，", 3, unit) == "万平方"
    assert unit_at("120万平米。", 3, unit) == "万平米"
