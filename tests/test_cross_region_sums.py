"""validation/cross/region_sums.py: a city figure against the sum of its regions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import TODAY, cross_rule, csv_rows, store_from
from linyi_tracker.actuals.numbers import sum_text
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

FLOW = "emp.new_urban_jobs"  # a flow, summed over regions
AREA = "housing.floor_area_completed"  # square metres, summed over regions


@pytest.mark.parametrize("gap", [False, True], ids=["every-period", "a-period-missing"])
def test_a_region_sum_off_a_stored_city_figure_is_blamed_on_the_first_region_row(
    plan: Plan, tmp_path: Path, gap: bool
) -> None:
    """With the city's figure in the store, a mismatch is reported at the first counted
    region's row of that period (the submission's own row), whether the regions' sums
    were added column by column (every region has every period) or figure by figure."""
    counted = [r.id for r in plan.summed_regions]
    periods = ["2016", "2017"]
    store = store_from(
        plan, ("city.csv", csv_rows(*(f"{FLOW},{p},linyi,1000,人,,," for p in periods)))
    )
    lines = ["indicator,period,region,value"]
    for region in counted:
        for p in periods:
            if gap and region == counted[0] and p == "2016":
                continue  # the first region has no 2016 figure: the next one is first
            lines.append(f"{FLOW},{p},{region},100")
    path = tmp_path / "regions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate([str(path)], plan, store=store, today=TODAY)
    found = sorted(f.line or 0 for f in report.findings if f.code == "region-sum-mismatch")
    if gap:  # 2016 lacks a region: no check; 2017's first row is lanshan's (line 2)
        assert found == [2]
    else:  # lanshan's 2016 and 2017 rows
        assert found == [2, 3]


def test_a_city_figure_off_its_regions_sum_is_flagged_on_the_city_row(plan: Plan) -> None:
    """Every counted region gives 100 and the city 1000: the city's row is flagged, with
    the regions' sum; the same city figure at their sum is not."""
    from linyi_tracker.validation.cross import region_sums

    counted = [r.id for r in plan.summed_regions]
    rows = [f"{FLOW},2016,{r},100,人,," for r in counted]
    found = cross_rule(plan, region_sums.check, csv_rows(*rows, f"{FLOW},2016,linyi,1000,人,,"))
    assert [(f.code, f.line, f.params["regions_sum"]) for f in found] == [
        ("region-sum-mismatch", len(counted) + 2, str(100 * len(counted)))
    ]
    right = csv_rows(*rows, f"{FLOW},2016,linyi,{100 * len(counted)},人,,")
    assert cross_rule(plan, region_sums.check, right) == []


# Twelve counties' floor area whose float additions, in region order, give
# 91665.56999999995 (91665.5699999999 to 15 digits): their sum is 91665.57.
DRIFTING = ["160.68", "67589.81", "66.18", "797.7", "63.84", "208.45", "21991.71", "0.9",
            "0.59", "0.9", "0.53", "784.28"]  # fmt: skip


def test_a_region_sum_in_a_message_is_the_exact_sum_of_submitted_and_stored_figures(
    plan: Plan, tmp_path: Path
) -> None:
    """Half the counties submitted and half stored, with figures whose float additions
    drift off their decimal sum: the message's sum is their figures added exactly."""
    counted = [r.id for r in plan.summed_regions]
    assert len(counted) == len(DRIFTING)
    half = len(counted) // 2
    stored = zip(counted[half:], DRIFTING[half:], strict=True)
    store = store_from(
        plan, ("regions.csv", csv_rows(*(f"{AREA},2016,{r},{v},平方米,," for r, v in stored)))
    )
    lines = ["indicator,period,region,value", f"{AREA},2016,linyi,1"]
    lines += [f"{AREA},2016,{r},{v}" for r, v in zip(counted[:half], DRIFTING, strict=False)]
    path = tmp_path / "half.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate([str(path)], plan, store=store, today=TODAY)
    (found,) = [f for f in report.findings if f.code == "region-sum-mismatch"]
    assert found.params["regions_sum"] == "91665.57"


def test_a_sum_of_regions_reads_as_the_sum_of_their_figures() -> None:
    """Twelve counties of 150000.1 sum to '1800001.2' in the message, not to the float
    additions' 1800001.2000000004."""
    assert sum_text([150000.1] * 12) == "1800001.2"


@given(
    st.lists(
        st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
        min_size=1,
        max_size=40,
    )
)
def test_a_sum_text_is_the_exact_sum_of_figures_a_float_holds(figures: list[Decimal]) -> None:
    """Property: figures of up to 2 decimals, held as floats, read as their exact sum
    (9240.98 where float additions give 9240.980000000005 and 15 digits 9240.98000000001)."""
    exact = sum(figures, Decimal(0))
    assert Decimal(sum_text([float(f) for f in figures])) == exact
