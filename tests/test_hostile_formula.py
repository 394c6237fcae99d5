"""Formula injection: every CSV and workbook the tool writes runs no cell as a formula.

One rule (linyi_tracker.sheets.formula_safe) for the report's CSV and xlsx, the
template's CSV and xlsx and extract's CSV; a plan or a release written to be run
(=HYPERLINK, +cmd, -2+3, @SUM, a leading tab) comes out as text, and numbers — a
negative figure too — stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DEMO, PLAN_FILE, Result
from linyi_tracker.sheets import FORMULA_TRIGGERS, csv_cell, formula_safe

Run = Callable[..., Result]
DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
# A figure with a unit in words as the Chinese report shows it beside the exact one
# (-400套(户), -900人, -3.2个百分点): no ASCII letter, digit or operator after the number,
# so a spreadsheet reads no name, reference or sum in it and keeps it as text.
FIGURE = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?")


def inert(text: str) -> bool:
    """A number, or a figure with an inert unit: nothing a spreadsheet can run."""
    if DECIMAL.fullmatch(text):
        return True
    m = FIGURE.match(text)
    unit = text[m.end() :] if m else ""
    return bool(unit) and all(
        c in "%()（）" or not (c.isascii() or "\uff01" <= c <= "\uff5e") for c in unit
    )


HOSTILE = {
    "name: {zh: 城镇新增就业人数, en: New urban jobs}": (
        'name: {zh: "=HYPERLINK(\\"http://x\\",\\"点我\\")", en: "+cmd|\' /C calc\'!A0"}'
    ),
    "name: {zh: 人, en: persons}": 'name: {zh: "-2+3", en: "-2+3"}',
    "name: {zh: 兰山区, en: Lanshan District}": 'name: {zh: "@SUM(1)", en: "\\t=1+1"}',
}
RELEASE = (
    '=HYPERLINK("http://evil","x")2016年全市城镇新增就业8.37万人。\n'
    "2016年全市城镇居民人均可支配收入下降2.7%。\n"
)


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    text = PLAN_FILE.read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "hostile-plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def csv_cells(path: Path) -> Iterator[str]:
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        yield from row


def xlsx_cells(path: Path) -> Iterator[object]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                yield cell.value


def runnable(cells: Iterator[object]) -> list[object]:
    """The text cells a spreadsheet would run: they start with a trigger and are no number."""
    return [
        c for c in cells if isinstance(c, str) and c.startswith(FORMULA_TRIGGERS) and not inert(c)
    ]


def outputs(run: Run, plan: Path, tmp_path: Path, lang: str) -> dict[str, Path]:
    """Every spreadsheet the tool writes, from the hostile plan and release."""
    (tmp_path / "rel.txt").write_text(RELEASE, encoding="utf-8")
    made = {
        "template.csv": ("template", "--period", "2016", "--region", "lanshan"),
        "template.xlsx": ("template", "--period", "2016", "--region", "lanshan"),
        "extract.csv": ("extract", str(tmp_path / "rel.txt")),
        "report.csv": ("report", "2017", "--data", str(DEMO)),
        "report.xlsx": ("report", "2017", "--data", str(DEMO)),
    }
    paths = {}
    for name, args in made.items():
        out = tmp_path / f"{lang}-{name}"
        r = run(*args, "--plan", str(plan), "--lang", lang, "-o", str(out), width=200)
        assert r.exit_code == 0, name
        paths[name] = out
    return paths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_written_cell_is_run_as_a_formula(
    run: Run, hostile_plan: Path, tmp_path: Path, lang: str
) -> None:
    """Every CSV and xlsx written from a hostile plan and release holds no runnable cell."""
    for name, path in outputs(run, hostile_plan, tmp_path, lang).items():
        cells = xlsx_cells(path) if name.endswith(".xlsx") else csv_cells(path)
        assert runnable(cells) == [], name


def test_hostile_texts_are_kept_behind_an_apostrophe(
    run: Run, hostile_plan: Path, tmp_path: Path
) -> None:
    """The neutralised texts are all there, each behind one apostrophe, nothing lost."""
    paths = outputs(run, hostile_plan, tmp_path, "zh")
    template = set(csv_cells(paths["template.csv"]))
    assert {'\'=HYPERLINK("http://x","点我")', "'-2+3", "'@SUM(1)"} <= template
    assert "'@SUM(1)" in set(xlsx_cells(paths["template.xlsx"]))
    extracted = set(csv_cells(paths["extract.csv"]))
    assert "'" + RELEASE.splitlines()[0] in extracted


def test_negative_figures_stay_numbers(run: Run, hostile_plan: Path, tmp_path: Path) -> None:
    """A fall of 2.7% goes into extract's CSV as -2.7; the report's negative gaps as numbers."""
    paths = outputs(run, hostile_plan, tmp_path, "en")
    assert "-2.7" in set(csv_cells(paths["extract.csv"]))
    negatives = [c for c in csv_cells(paths["report.csv"]) if c.startswith("-")]
    assert negatives and all(DECIMAL.fullmatch(c) for c in negatives)
    numbers = [c for c in xlsx_cells(paths["report.xlsx"]) if isinstance(c, int | float)]
    assert any(n < 0 for n in numbers)


@given(st.text(max_size=20))
def test_formula_safe_never_leaves_a_runnable_text(text: str) -> None:
    """Any text comes out of formula_safe either unchanged and inert, a decimal, or prefixed."""
    safe = formula_safe(text)
    assert safe == text or safe == "'" + text
    assert not (safe.startswith(FORMULA_TRIGGERS) and not inert(safe))


def test_csv_cell_keeps_exact_decimals() -> None:
    """A Decimal goes out in plain notation with every digit (never 1E+5, never a float)."""
    assert csv_cell(Decimal("-2.70")) == "-2.70"
    assert csv_cell(Decimal("1E+5")) == "100000"
    assert csv_cell(Decimal("12345678901234567890.123456789")) == "12345678901234567890.123456789"
