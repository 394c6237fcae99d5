"""Numbers for people: one style a column, projections rounded, shares kept within 100 %."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linyi_tracker.formatting import display_width, estimate, number, wan_column, with_unit
from linyi_tracker.i18n import Lang


def test_every_figure_from_ten_thousand_is_in_wan() -> None:
    """19,140 and 16,800 are both written in 万 (once 19,140元 sat beside 1.68万元)."""
    assert number(Decimal(19140), "zh") == "1.914万"
    assert number(Decimal(16800), "zh") == "1.68万"
    assert number(Decimal(3900), "zh") == "3,900"


def test_a_column_with_a_small_figure_is_all_plain() -> None:
    """A column holding 8,133 and 11,315 writes both without 万."""
    values = [Decimal(11315), Decimal(8133)]
    wan = wan_column(values)
    assert not wan
    assert [with_unit(v, "人", "zh", wan) for v in values] == ["11,315人", "8,133人"]


def test_a_column_of_large_figures_is_all_in_wan() -> None:
    """When every figure is 10,000 or more and reads exactly in 万 to 0.01 the column is in 万;
    one that would need 1.914万 stays in units (the one column rule, issue 28)."""
    assert wan_column([Decimal(20000), Decimal(16800), None])
    assert not wan_column([Decimal(19140), Decimal(16800), None])


def test_english_never_uses_wan() -> None:
    """English figures are grouped in thousands."""
    assert number(Decimal(19140), "en", wan=True) == "19,140"


def test_a_projection_is_rounded_for_display() -> None:
    """17,151.607979 元 shows as 1.72万 in Chinese and 17,152 in English."""
    assert number(estimate(Decimal("17151.607979"), "yuan", "zh"), "zh") == "1.72万"
    assert number(estimate(Decimal("17151.607979"), "yuan", "en"), "en") == "17,152"
    assert estimate(Decimal("1.552632"), ":1", "en") == Decimal("1.55")


def test_a_projected_share_stays_within_100() -> None:
    """A coverage projected at 100.138516 % shows as 100 %, one below 0 as 0."""
    assert estimate(Decimal("100.138516"), "%", "zh") == Decimal("100.0")
    assert estimate(Decimal("-2.5"), "%", "en") == Decimal("0.0")


def test_a_date_at_midnight_is_written_as_a_date() -> None:
    """'2025-01-01T00:00:00' (a workbook's date cell) reads 2025年1月1日 / 2025-01-01."""
    from linyi_tracker.formatting import worded

    assert worded("2025-01-01T00:00:00", "zh") == "2025年1月1日"
    assert worded("2025-01-01T00:00:00", "en") == "2025-01-01"
    assert worded("2017-05-18", "zh") == "2017年5月18日"
    assert worded("2017-05-18T10:30:00", "zh") == "2017-05-18T10:30:00"


@given(st.text(max_size=30))
def test_date_label_never_raises(text: str) -> None:
    """Any text gives a date label or None, never an exception."""
    from linyi_tracker.formatting import date_label

    label = date_label(text, "zh")
    assert label is None or label.endswith("日")


@given(st.dates())
def test_every_date_reads_back_in_chinese(day: date) -> None:
    """Every ISO date, with or without a midnight time, is written 年月日 with its own numbers."""
    from linyi_tracker.formatting import date_label

    want = f"{day.year}年{day.month}月{day.day}日"
    assert date_label(day.isoformat(), "zh") == want
    assert date_label(f"{day.isoformat()}T00:00:00", "zh") == want


def test_a_figure_keeps_its_own_precision() -> None:
    """98 beside 98.3 is written 98, and 98.0 is written 98.0 (each as written, none padded
    by a neighbour); 20,000 in 万 as 2万元, 16,800 as 1.68万元."""
    from linyi_tracker.formatting import wan_column, with_unit

    assert with_unit(Decimal(98), "%", "zh") == "98%"
    assert with_unit(Decimal("98.0"), "%", "zh") == "98.0%"
    wan = wan_column([Decimal(16800), Decimal(20000)])
    assert with_unit(Decimal(20000), "元", "zh", wan) == "2万元"
    assert with_unit(Decimal(16800), "元", "zh", wan) == "1.68万元"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_percentage_takes_the_one_percent_sign(lang: Lang) -> None:
    """A figure in %, a share, a pace, a report sentence and an Excel format all end in
    formatting.percent_sign: '%' close in Chinese, ' %' in English."""
    from linyi_tracker.formatting import pace_percent, percent, percent_sign, with_unit
    from linyi_tracker.reporting.render.excel import figure_format, said_by
    from linyi_tracker.reporting.text import _pct

    sign = percent_sign(lang)
    assert sign == ("%" if lang == "zh" else " %")
    for shown in (
        with_unit(Decimal("10.9"), "%", lang),
        percent(0.985, lang),
        pace_percent(1.01, [], lang),
        _pct(Decimal("10.9"), lang, computed=True),
    ):
        assert shown.endswith(f"{sign}") and not shown.endswith(f" {sign}"), shown
        assert shown[: -len(sign)][-1].isdigit(), shown
    assert figure_format("%", lang, 1).endswith(f'"{sign}"')
    bounded = said_by(
        Decimal("120.5"), *[_pct(Decimal("120.5"), lang, computed=True)] * 2, scale=0, bounded=True
    )
    assert bounded is not None and bounded[1].endswith(f'"{sign}"')


@given(st.text(st.characters(codec="utf-8"), max_size=20))
def test_display_width_counts_each_wide_character_twice_every_time(text: str) -> None:
    """A text's width is its characters' (East Asian wide and full-width two, others one),
    the same when measured again (the remembered widths of non-ASCII texts)."""
    each = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    assert display_width(text) == each
    assert display_width(text) == each


def test_a_gbk_file_name_is_shown_decoded() -> None:
    """A name in GBK bytes (a zip from a Windows PC: lone surrogates in Python, one byte
    pair even read as UTF-8 ɽ) is shown as GB18030 decodes it, in a path and in a line."""
    import os

    from linyi_tracker.formatting import shown_path, without_surrogates

    name = os.fsdecode("兰山区-三季度.csv".encode("gbk"))
    assert "\u027d" in name  # 山's bytes, read as UTF-8
    assert shown_path("data/" + name) == "data/兰山区-三季度.csv"
    line = f"{name}:3:4: 错误 … 但文件名“{os.fsdecode('兰山区2017'.encode('gbk'))}”写的是兰山区"
    assert (
        without_surrogates(line) == "兰山区-三季度.csv:3:4: 错误 … 但文件名“兰山区2017”写的是兰山区"
    )


def test_bytes_gb18030_does_not_decode_keep_their_replacement_marks() -> None:
    """Bytes that are no GB18030 (ff fe; a lead byte cut short) stay U+FFFD each; a high
    surrogate too; bytes that would decode to a character no output shows (a private-use
    one) or that need ASCII digits (GB18030's four-byte form, as a bidi override takes)
    are not decoded."""
    import os

    from linyi_tracker.formatting import without_surrogates

    assert without_surrogates(os.fsdecode(b"data-\xff\xfe")) == "data-\ufffd\ufffd"
    assert without_surrogates(os.fsdecode(b"d\xc1.csv")) == "d\ufffd.csv"
    assert without_surrogates("\ud800x") == "\ufffdx"
    assert without_surrogates(os.fsdecode(b"\xaa\xa1.csv")) == "\ufffd\ufffd.csv"
    override = os.fsdecode("\u202e".encode("gb18030"))
    assert without_surrogates(override) == "\ufffd6\ufffd1"
