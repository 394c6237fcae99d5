"""A workbook column is as wide as its text sets in the printed fonts: Chinese two digit
widths a character, a Latin capital wider than a digit, a little more beside Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from linyi_tracker.plan.loader import load_plan
from linyi_tracker.reporting.render.textwidth import is_cjk, sheet_width

LATIN_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PLANS = [REPO / "data" / "plan.yaml", REPO / "examples" / "plans" / "cn-13th-fyp.yaml"]
# The workbook's body font is Arial (Liberation Sans where LibreOffice prints it); Chinese
# falls back to a CJK font. LibreOffice rounds a run's width up: a tenth is allowed.
ALLOWANCE = 1.1


def _names() -> list[str]:
    out = ["单位GDP能耗"]  # cut by a character in LibreOffice's PDF at text width + 2
    for path in PLANS:
        loaded = load_plan(path)
        assert loaded.plan is not None, path
        out += [n for i in loaded.plan.indicators for n in (i.name.zh, i.name.en)]
    return out


def _set_width(text: str) -> float:
    """The text's width in digit widths, set in Liberation Sans and Noto Sans CJK SC."""
    fonts = pytest.importorskip("PIL.ImageFont")
    if not (LATIN_FONT.is_file() and CJK_FONT.is_file()):
        pytest.skip("the printing fonts are not installed")
    latin = fonts.truetype(str(LATIN_FONT), 100)
    cjk = fonts.truetype(str(CJK_FONT), 100, index=2)
    digit = latin.getlength("0")
    return sum((cjk if is_cjk(ch) else latin).getlength(ch) for ch in text) / digit


def test_every_indicator_name_fits_its_sheet_width() -> None:
    """Each indicator name of both example plans (zh and en) sets within its sheet width."""
    short = [(n, sheet_width(n), round(_set_width(n), 2)) for n in _names()]
    short = [s for s in short if s[1] < s[2] * ALLOWANCE]
    assert not short


def test_a_capital_beside_chinese_counts_wider_than_a_digit() -> None:
    """单位GDP能耗 (11 display columns) takes 13: capitals count wider than digits, and Latin
    beside Chinese a tenth more; 单位12能耗 (10 columns) takes 11."""
    assert sheet_width("单位GDP能耗") == 13
    assert sheet_width("单位12能耗") == 11
