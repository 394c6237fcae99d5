"""validation/cross/components.py: parts against their whole (plan targets' components)."""

from __future__ import annotations

from conftest import cross_rule, csv_rows, store_from
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.cross import components

WHOLE = "housing.affordable_units"
PART = "housing.public_rental_units_new"
OTHER = "housing.shantytown_households"


def test_a_part_above_its_whole_is_an_error_on_the_parts_row(plan: Plan) -> None:
    """A part of 12000 beside a whole of 10000: component-exceeds-total on the part."""
    text = csv_rows(f"{WHOLE},2015,,10000,,x,", f"{PART},2015,,12000,,x,")
    found = [(f.code, f.line) for f in cross_rule(plan, components.check, text)]
    assert found == [("component-exceeds-total", 3), ("components-exceed-total", 2)]


def test_parts_together_above_their_whole_warn_on_the_wholes_row(plan: Plan) -> None:
    """Parts of 6000 and 5000, each below a whole of 10000, together above it."""
    text = csv_rows(f"{WHOLE},2015,,10000,,x,", f"{PART},2015,,6000,,x,", f"{OTHER},2015,,5000,,x,")
    found = [
        (f.code, f.line, f.params["parts_sum"]) for f in cross_rule(plan, components.check, text)
    ]
    assert found == [("components-exceed-total", 2, "11000")]


def test_a_stored_whole_is_taken_when_the_submission_lacks_it(plan: Plan) -> None:
    """The whole stored at 10000, a submitted part of 12000: the part's row is flagged."""
    store = store_from(plan, ("whole.csv", csv_rows(f"{WHOLE},2015,,10000,,x,")))
    found = cross_rule(plan, components.check, csv_rows(f"{PART},2015,,12000,,x,"), store)
    assert [(f.code, f.line) for f in found] == [
        ("component-exceeds-total", 2),
        ("components-exceed-total", 2),
    ]
