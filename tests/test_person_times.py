"""人次 (person-times: one person trained twice is two) is another statistic than 人
(persons): a figure in 人次 is never read, proposed or hinted into a count of persons
(data/plan.yaml listed 人次 as a spelling of 人, so 1.2万人次 was stored as 12,000 persons)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from linyi_tracker.actuals.units import unit_at
from linyi_tracker.extract.document import Document, split_sentences
from linyi_tracker.extract.figures import Extractor
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.validator import validate

JOBS = "emp.new_urban_jobs"  # in persons (人)


@pytest.mark.parametrize(
    ("value", "unit", "code"),
    [
        ("1.2", "万人次", "unit-mismatch"),
        ("12000", "人次", "unit-mismatch"),
        ("12000人次", "", "invalid-number"),
    ],
)
def test_a_figure_in_person_times_is_not_a_count_of_persons(
    plan: Plan, tmp_path: Path, value: str, unit: str, code: str
) -> None:
    """validate refuses a jobs figure given in 人次, whichever column holds the unit: a
    unit-mismatch in the unit column, the value cell's unit not read as a number."""
    path = tmp_path / "times.csv"
    path.write_text(
        f"indicator,period,region,value,unit\n{JOBS},2017,兰山区,{value},{unit}\n", encoding="utf-8"
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert [f.code for f in report.findings if f.is_error] == [code]


def test_the_unit_hint_does_not_ask_to_convert_person_times(plan: Plan, tmp_path: Path) -> None:
    """The unit-mismatch hint asks for the figure counted in 人, and says 人次 is another
    statistic not to derive from (zh and en): 'convert to 人' would make 12,000 visits persons."""
    path = tmp_path / "times.csv"
    path.write_text(
        f"indicator,period,region,value,unit\n{JOBS},2017,兰山区,1.2,万人次\n", encoding="utf-8"
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    (finding,) = [f for f in report.findings if f.code == "unit-mismatch"]
    zh, en = render(finding, "zh")[1] or "", render(finding, "en")[1] or ""
    assert "换算为" not in zh.split("；")[0] and "不要推算" in zh
    assert not en.startswith("convert") and "do not derive" in en


@pytest.mark.parametrize(
    ("text", "unit"), [("1.2万人次", "万人"), ("32000元/人", "元"), ("3万户次", "万户")]
)
def test_a_unit_followed_by_a_longer_measure_is_not_that_unit(
    plan: Plan, text: str, unit: str
) -> None:
    """unit_at does not take 万人 of 万人次 or 元 of 元/人 (the unit ends where a word ends)."""
    units = {u.name.zh: u for u in plan.units}
    start = next(i for i, c in enumerate(text) if not (c.isdigit() or c == "."))
    assert unit_at(text, start, units[unit.lstrip("万")]) is None


def test_extract_withholds_a_figure_in_person_times(plan: Plan) -> None:
    """全年城镇新增就业1.2万人次 is listed as not read (unit), never proposed as 1.2万人."""
    text = "2017年临沂市国民经济和社会发展统计公报\n全年城镇新增就业1.2万人次。\n"
    doc = Document("x.txt", "utf-8", split_sentences(text))
    result = Extractor(plan, year=2017).extract([doc])
    assert result.rows == [] and [u.reason for u in result.not_read] == ["unit"]
