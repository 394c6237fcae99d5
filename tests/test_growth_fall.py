"""A growth figure of −100 % or less given to the assessment (the reader refuses one:
out-of-range, form growth): a fall of the whole level is named as what is wrong, not a
missing link of the chain (note 34)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store
from linyi_tracker.assessment.engine import assess, relative_level
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

ANY_PLAN = FIXTURES / "plans" / "growth-change.yaml"


@pytest.fixture(scope="module")
def any_plan() -> Plan:
    return read_plan(ANY_PLAN)


def _figure(year: int, value: str, measure: str, region: str = "city") -> Observation:
    return Observation(
        "rd.spending", Period.of_year(year), region, Decimal(value), None, None, None,
        "test", "", None, "f.csv", year - 2018, measure,
    )  # fmt: skip


@pytest.mark.parametrize("growth", ["-100", "-100.0", "-120"])
def test_a_fall_of_the_whole_level_is_named_not_a_missing_link(growth: str) -> None:
    """200 in 2020, then a growth of −100 % or less in 2021: no ratio, the growth figure
    named as what is wrong, no year missing."""
    fall = _figure(2021, growth, "growth")
    found = relative_level(2020, None, [_figure(2020, "200", "level")], [fall], 2021)
    assert found is not None
    assert (found.ratio, found.missing, found.fall) == (None, None, fall)


def test_two_falls_of_more_than_the_whole_level_do_not_multiply_back() -> None:
    """Growth of −150 % in 2021 and 2022 (ratio factors −0.5 × −0.5) gives no ratio, not
    a level a quarter of 2020's."""
    growth = [_figure(2021, "-150", "growth"), _figure(2022, "-150", "growth")]
    found = relative_level(2020, None, [_figure(2020, "200", "level")], growth, 2022)
    assert found is not None and found.ratio is None


def test_the_assessment_gives_the_fall_as_its_reason(any_plan: Plan) -> None:
    """A growth target over those figures is short of data for the fall, not a missing link."""
    region = any_plan.city.id
    figures = [_figure(2020, "200", "level", region), _figure(2021, "-100", "growth", region)]
    store = Store(Path("."), observations=figures)
    target = any_plan.target_by_id["rd.spending.growth"]
    a = assess(any_plan, store, target, Period.of_year(2021), region)
    assert (a.status, a.reasons) == ("insufficient_data", ["fall-of-whole-level"])


@pytest.mark.parametrize(("lang", "said"), [("zh", "下降100%或以上"), ("en", "a fall of 100 %")])
def test_the_fall_is_said_in_both_languages(lang: Lang, said: str) -> None:
    """The reason says what is wrong: a fall of 100 % or more leaves no level."""
    assert said in t("reason.fall-of-whole-level", lang)
