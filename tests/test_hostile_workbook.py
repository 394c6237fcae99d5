"""Workbooks that unpack to far more than they weigh: refused as unreadable, not read."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from linyi_tracker.actuals import workbook

Run = Callable[..., Result]
ROWS = [
    ["indicator", "period", "region", "value", "unit"],
    ["emp.new_urban_jobs", "2016", "hedong", 8800, "人"],
]


def make_workbook(path: Path, rows: list[list[object]] = ROWS) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rewrite_sheet(path: Path, change: Callable[[bytes], bytes]) -> None:
    """Replace the first sheet's XML with ``change(xml)``, the rest of the zip as it was."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(info.filename, data)


def pad(size: int) -> Callable[[bytes], bytes]:
    """Whitespace between two elements of the sheet XML: valid, and packs ~1000 to 1."""
    return lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * size, 1)


def findings(run: Run, path: Path) -> list[dict[str, object]]:
    r = run("validate", str(path), "--no-store", "--format", "json")
    found: list[dict[str, object]] = json.loads(r.stdout)["findings"]
    return found


def test_a_member_that_unpacks_hundreds_of_times_its_size_is_refused(
    run: Run, tmp_path: Path
) -> None:
    """A sheet of 20 MB packed into ~20 KB is an unreadable-workbook finding; openpyxl never opens it."""
    bomb = make_workbook(tmp_path / "bomb.xlsx")
    rewrite_sheet(bomb, pad(20 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    (finding,) = findings(run, bomb)
    assert finding["code"] == "unreadable-workbook" and finding["severity"] == "error"
    assert "'xl/worksheets/sheet1.xml' unpacks to" in str(finding["message"])


def test_a_workbook_past_the_unpacked_limit_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declared sizes over the limit (here lowered to 1 MB) are refused before reading."""
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 1024 * 1024)
    big = make_workbook(tmp_path / "big.xlsx")
    rewrite_sheet(big, pad(2 * 1024 * 1024))
    (finding,) = findings(run, big)
    assert finding["code"] == "unreadable-workbook"
    assert re.fullmatch(
        r"the workbook is too large to read: it unpacks to 2 MB \(at most 1 MB\)",
        str(finding["message"]),
    )


def test_reading_stops_at_the_cell_limit(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_CELLS cells (here lowered to 1,000) reading stops with an unreadable-workbook finding."""
    monkeypatch.setattr(workbook, "MAX_CELLS", 1000)
    wide = [[*row, *([None] * 300), "x"] for row in ROWS * 5]
    codes = [f["code"] for f in findings(run, make_workbook(tmp_path / "wide.xlsx", wide))]
    assert "unreadable-workbook" in codes


def test_a_declared_sheet_size_does_not_pad_the_rows(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dimension of A1:XFD1048576 on a two-row sheet is ignored: 16,384 cells a row are never made."""
    monkeypatch.setattr(workbook, "MAX_CELLS", 1000)
    crafted = make_workbook(tmp_path / "crafted.xlsx")
    rewrite_sheet(
        crafted,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    assert b"XFD1048576" in zipfile.ZipFile(crafted).read("xl/worksheets/sheet1.xml")
    assert findings(run, crafted) == []


def test_the_refusals_have_chinese() -> None:
    """Each too-large refusal is worded in both languages from the catalogue."""
    from linyi_tracker.findings import Finding, Severity
    from linyi_tracker.validation.catalogue import render

    for form, params in [
        ("too-large", {"size": "880", "limit": "256"}),
        ("ratio", {"part": "xl/worksheets/sheet1.xml", "ratio": 1000, "limit": 100}),
        ("cells", {"limit": 10_000_000, "row": 12}),
    ]:
        f = Finding("unreadable-workbook", Severity.ERROR, "x.xlsx", params=params, form=form)
        en, zh = render(f, "en")[0], render(f, "zh")[0]
        assert en.startswith("the workbook is too large to read") and "{" not in en
        assert zh.startswith("工作簿过大") and "{" not in zh
