"""A figure's key named for a reader (validation.naming.key_names, figure_name)."""

from __future__ import annotations

from linyi_tracker.findings import Named
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.naming import figure_name, key_names


def test_every_key_part_is_named(plan: Plan) -> None:
    """Each of a key's indicator, period and region comes back a Named, shown by its name."""
    key = key_names(plan, "emp.new_urban_jobs", "2019", "lanshan")
    assert all(isinstance(v, Named) for v in key.values())
    assert [key[k].shown("zh") for k in ("period", "region")] == ["2019年", "兰山区"]
    assert key == {"indicator": "emp.new_urban_jobs", "period": "2019", "region": "lanshan"}


def test_an_id_the_plan_does_not_know_is_named_as_written(plan: Plan) -> None:
    """An unknown region or indicator is a Named shown as written in both languages."""
    key = key_names(plan, "no.such", "2019", "nowhere")
    assert isinstance(key["region"], Named) and isinstance(key["indicator"], Named)
    assert (key["region"].zh, key["region"].en, key["indicator"].en) == (
        "nowhere",
        "nowhere",
        "no.such",
    )
    assert figure_name(plan, "no.such", "2019", "nowhere").shown("en") == "no.such · nowhere · 2019"
