"""The as_of column as clerks head it (截至, 截止日期, 数据截至 …): read, never ignored."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.headers import read_header
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan

TODAY = date(2026, 11, 28)


def test_a_gb18030_file_headed_jiezhi_keeps_its_revision_date(plan: Plan) -> None:
    """A county's GB18030 file headed 截至 reads the column as as_of, with no warning."""
    path = FIXTURES / "headers" / "as-of-jiezhi.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    assert [str(o.as_of) for o in got.observations] == ["2017-10-15"]
    assert not [f for f in got.findings if f.code == "unknown-column"]


@pytest.mark.parametrize(
    "name", ["截至", "截止日期", "截至日期", "数据截至", "截止时间", "数据截止日期", "公布日期"]
)
def test_every_way_a_clerk_heads_the_as_of_column_is_read(name: str) -> None:
    """Each Chinese heading of the publication date maps to as_of."""
    header, issues = read_header(["指标代码", "期间", "数值", name])
    assert header.columns.get("as_of") == 3
    assert issues == []


@pytest.mark.parametrize("name", ["日期", "截至日期(修订)", "as_of_date2"])
def test_a_header_taken_for_as_of_but_not_read_is_an_error(name: str) -> None:
    """A column the tool itself suggests as as_of is an error, not an ignored warning."""
    header, issues = read_header(["指标代码", "期间", "数值", name])
    assert "as_of" not in header.columns
    assert [(i.code, i.severity.value, i.number) for i in issues] == [
        ("as-of-column-not-read", "error", 4)
    ]
