"""A filled workbook template is read without a notice about the title rows the tool
wrote itself; a title a clerk adds above them is still noticed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_template import _zh_fill, fill

from conftest import Result

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
