"""A filled workbook template is read without a notice about the title rows the tool
wrote itself; a title a clerk adds above them is still noticed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_template import _zh_fill, fill

from conftest import Result
from linyi_tracker.actuals.own_rows import written_by_template
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.i18n import Lang
from linyi_tracker.intake.template import template_rows, title, to_csv
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]


def _filled(run: Run, tmp_path: Path, lang: str) -> Any:
    """A template for 兰山区 2019 written and its value cells filled (the open workbook)."""
    import openpyxl

    r = run("template", "--period", "2019", "--region", "lanshan", "--lang", lang, "-o", "t.xlsx")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    ws = book.active
    assert ws is not None
    header = [str(c.value) for c in ws[3]]
    value = "数值" if lang == "zh" else "value"
    for row in ws.iter_rows(min_row=4):
        cells = dict(zip(header, row, strict=False))
        texts = {k: str(v.value or "") for k, v in cells.items()}
        cells[value].value = _zh_fill(texts) if lang == "zh" else fill(texts)
    return book


def _codes(run: Run) -> list[str]:
    r = run("validate", "t.xlsx", "--no-store", "--format", "json")
    assert r.exit_code == 0, r.stdout
    return [f["code"] for f in json.loads(r.stdout)["findings"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_filled_template_gets_no_title_rows_notice(run: Run, tmp_path: Path, lang: str) -> None:
    """The template's own title and sign-off rows are not reported as title rows skipped."""
    book = _filled(run, tmp_path, lang)
    book.save(tmp_path / "t.xlsx")
    assert "title-rows-skipped" not in _codes(run)


def test_a_title_a_clerk_adds_above_the_template_is_noticed(run: Run, tmp_path: Path) -> None:
    """A row inserted above the template's title still gets the title-rows-skipped notice."""
    from openpyxl.workbook.defined_name import DefinedName

    book = _filled(run, tmp_path, "zh")
    ws = book.active
    ws.insert_rows(1)
    ws["A1"] = "兰山区统计局报送"
    # Excel moves the name down with the rows it names; openpyxl does not, so do it here.
    names = book.defined_names
    names["linyi_tracker_titles"] = DefinedName(
        "linyi_tracker_titles", attr_text=f"'{ws.title}'!$A$2:$A$3"
    )
    book.save(tmp_path / "t.xlsx")
    assert "title-rows-skipped" in _codes(run)


def test_a_hand_made_workbook_with_a_title_is_noticed(run: Run, tmp_path: Path) -> None:
    """A workbook without the template's name keeps the notice for its title row."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["兰山区2019年民生指标"])
    ws.append(["indicator", "period", "value", "region"])
    ws.append(["emp.new_urban_jobs", "2019", "5000", "lanshan"])
    book.save(tmp_path / "t.xlsx")
    assert "title-rows-skipped" in _codes(run)


def _filled_csv(plan: Plan, tmp_path: Path, title: str | None = None, signoff: bool = False) -> str:
    """A Chinese CSV template for 兰山区 2019, its values filled (and, if asked, its title
    replaced by ``title`` and its sign-off line filled in), saved; its path."""
    raw = to_csv(template_rows(plan, parse_period("2019"), "lanshan"), "zh").decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(raw)))
    if title is not None:
        lines[0] = [title]
    if signoff:  # an entry beside its label, and one written in the label's own cell
        lines[1][1] = "兰山区统计局"
        lines[1][2] = "填报人：张三"
    header = lines[2]
    for row in lines[3:]:
        row[header.index("数值")] = _zh_fill(dict(zip(header, row, strict=True)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    path = tmp_path / "filled.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return str(path)


def _csv_codes(plan: Plan, path: str) -> list[str]:
    report = validate([path], plan, store=None)
    return [f.code for f in report.findings]


def test_a_filled_csv_template_gets_no_title_rows_notice(plan: Plan, tmp_path: Path) -> None:
    """A Chinese CSV template's own title and sign-off rows are not reported as title rows
    skipped."""
    assert "title-rows-skipped" not in _csv_codes(plan, _filled_csv(plan, tmp_path))


def test_a_csv_template_s_filled_sign_off_line_is_still_its_own(plan: Plan, tmp_path: Path) -> None:
    """The sign-off line with the clerk's entries (beside a label or in its cell) is still the
    template's own row, and its entries are read."""
    path = _filled_csv(plan, tmp_path, signoff=True)
    assert "title-rows-skipped" not in _csv_codes(plan, path)
    report = validate([path], plan, store=None)
    assert report.files[0].signoff == {"reporting_unit": "兰山区统计局", "filed_by": "张三"}


@pytest.mark.parametrize(
    "title",
    [
        "兰山区2019年民生指标报表",  # a clerk's own words
        "兰山区2019年民生指标报送表（修订）",  # the template's, changed
        "临沂二中2019年民生指标报送表",  # a region the plan does not have
        "兰山区2019-13民生指标报送表",  # not a period
    ],
)
def test_a_title_a_clerk_writes_on_a_csv_template_is_noticed(
    plan: Plan, tmp_path: Path, title: str
) -> None:
    """A title that is not the template's own text still gets the title-rows-skipped notice."""
    assert "title-rows-skipped" in _csv_codes(plan, _filled_csv(plan, tmp_path, title))


def test_a_retitled_workbook_template_is_noticed(run: Run, tmp_path: Path) -> None:
    """A workbook template whose title a clerk rewrote gets the title-rows-skipped notice."""
    book = _filled(run, tmp_path, "zh")
    book.active["A1"] = "兰山区统计局2019年报表"
    book.save(tmp_path / "t.xlsx")
    assert "title-rows-skipped" in _codes(run)


def test_a_hand_made_csv_with_a_title_is_noticed(plan: Plan, tmp_path: Path) -> None:
    """A CSV file with a title of its own above its header keeps the notice."""
    path = tmp_path / "t.csv"
    path.write_text(
        "兰山区2019年民生指标\nindicator,period,value,region\nemp.new_urban_jobs,2019,5000,lanshan\n",
        encoding="utf-8",
    )
    assert "title-rows-skipped" in _csv_codes(plan, str(path))


_PERIODS = st.builds(
    lambda year, kind, n: parse_period(
        str(year)
        if kind == "year"
        else f"{year}Q{n % 4 + 1}"
        if kind == "quarter"
        else f"{year}-{n:02d}"
    ),
    st.integers(2015, 2020),
    st.sampled_from(["year", "quarter", "month"]),
    st.integers(1, 12),
)


@settings(max_examples=200, deadline=None)
@given(
    period=_PERIODS,
    region=st.integers(0, 12),
    lang=st.sampled_from(["zh", "en"]),
    extra=st.text(min_size=1, max_size=4).filter(lambda s: s.strip()),
)
def test_only_the_template_s_exact_title_is_its_own(
    plan: Plan, period: Period, region: int, lang: Lang, extra: str
) -> None:
    """The title the template writes, for any region and period, is its own row; with any
    text added before or after it, it is a clerk's title."""
    rows = [
        replace(r, region=plan.regions[region % len(plan.regions)].name.zh)
        for r in template_rows(plan, period, plan.city.id)[:1]
    ]
    assume(rows)
    written = title(rows, lang, plan)
    assert written_by_template([written], plan)
    assert written_by_template([written, "", ""], plan)  # a CSV row's trailing commas
    assert not written_by_template([written + extra.strip()], plan)
    assert not written_by_template([extra.strip() + written], plan)
