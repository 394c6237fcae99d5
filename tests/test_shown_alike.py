"""Left-overs of issue 28: one rule each for what a reader sees in every format — the
report's time of making, list separators, English plurals of a counted unit, figures
with a unit in the spreadsheets, and the completeness table's id column."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_report import demo_report

from linyi_tracker.formatting import listed, moment_label, one_of, with_unit
from linyi_tracker.i18n import LABELS
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import html, markdown, tables
from linyi_tracker.sheets import FORMULA_TRIGGERS, formula_safe


def test_moment_in_chinese_is_written_as_a_date_and_minute() -> None:
    """'2026-12-06T21:16:42' reads 2026年12月6日 21:16 in Chinese and 2026-12-06 21:16 in English."""
    assert moment_label("2026-12-06T21:16:42", "zh") == "2026年12月6日 21:16"
    assert moment_label("2026-12-06T21:16:42", "en") == "2026-12-06 21:16"


def test_report_cover_time_is_the_readers_in_every_format(plan: Plan) -> None:
    """The report's 生成时间 shows 2026年11月28日 09:00 in Markdown and HTML, never the ISO 'T'."""
    report = demo_report(plan)
    assert text.generated(report, "zh") == "2026年11月28日 09:00"
    for out in (markdown.render(report, "zh"), html.render(report, "zh")):
        assert "2026年11月28日 09:00" in out and "2026-11-28T09" not in out


def test_chinese_lists_are_joined_with_the_enumeration_comma() -> None:
    """Items of a Chinese list are separated by 、, of an English one by ', '."""
    assert listed([2017, 2018], "zh") == "2017、2018"
    assert listed([2017, 2018], "en") == "2017, 2018"


def test_missing_years_in_a_status_are_joined_with_the_enumeration_comma(plan: Plan) -> None:
    """A status naming several missing years joins them with 、 in Chinese (缺2016、2017年数据)."""
    line = demo_report(plan, 2018, "2018").systems[0].lines[0]
    line = replace(line, a=replace(line.a, missing_years=[2016, 2017]))
    words = text.status(line, "zh")
    assert "缺2016、2017年数据" in words and ", " not in words


def test_one_counted_unit_is_singular_in_english() -> None:
    """1 of a counted unit reads '1 county' / '\u22121 person'; other figures keep the plural."""
    assert with_unit(Decimal(1), "counties", "en") == "1 county"
    assert with_unit(Decimal(-1), "persons", "en") == "\u22121 person"
    assert with_unit(Decimal(2), "counties", "en") == "2 counties"
    assert with_unit(Decimal(1), "yuan", "en") == "1 yuan"
    assert with_unit(Decimal(1), "counties", "zh") == "1counties"


def test_one_of_keeps_words_that_are_not_plurals() -> None:
    """yuan, m², km and 'glass' stay as written; 'villages' becomes 'village'."""
    assert [one_of(u) for u in ("yuan", "m²", "glass", "villages")] == [
        "yuan",
        "m²",
        "glass",
        "village",
    ]


def test_english_education_table_never_says_1_counties(plan: Plan) -> None:
    """The education table's gap of one county reads '1 county' in the English report."""
    out = markdown.render(demo_report(plan), "en")
    assert re.search(r"(?<![\d,.])1 counties", out) is None and "| 1 county |" in out


@pytest.mark.parametrize("shown", ["-900人", "-4.65万套(户)", "-3.2个百分点", "-1.5%", "+5"])
def test_a_figure_shown_with_its_unit_gets_no_apostrophe(shown: str) -> None:
    """A figure as the Chinese report shows it beside the exact one is written as it is."""
    assert formula_safe(shown) == shown


@pytest.mark.parametrize(
    "formula",
    [
        "=1+1",
        "-1+1",
        "@x",
        "-900人+1",
        "-1 SUM(A1)",
        "-1人(A1)",
        "-1ＳＵＭ（Ａ１）",
        "-5:1",
        "-1 persons",
        "-1%%",
        "+1%%%%",
        "-1ΣΣ",
    ],
)
def test_a_formula_keeps_its_apostrophe(formula: str) -> None:
    """A text a spreadsheet could run or read as a reference stays behind an apostrophe."""
    assert formula_safe(formula) == "'" + formula


_INERT_UNIT = st.builds(
    lambda words, percent: words + percent,
    st.text(alphabet="人万元套户个百分点平方米()（）", min_size=1, max_size=6),
    st.sampled_from(["", "%"]),
)


@given(
    st.sampled_from("-+"), st.decimals(allow_nan=False, allow_infinity=False, places=2), _INERT_UNIT
)
def test_any_negative_figure_with_a_chinese_unit_is_kept_as_written(
    sign: str, value: Decimal, unit: str
) -> None:
    """Any signed figure followed by a Chinese unit passes formula_safe unchanged."""
    shown = f"{sign}{value.copy_abs():f}{unit}"
    assert formula_safe(shown) == shown


@given(st.text(alphabet="-+=@1A(),.: 人%", max_size=12))
def test_a_trigger_text_passes_only_as_a_figure_with_an_inert_unit(raw: str) -> None:
    """A text left unprefixed that starts with a trigger holds no ASCII letter, operator
    after the figure, colon or space: nothing a spreadsheet can compute."""
    safe = formula_safe(raw)
    if safe == raw and raw.startswith(FORMULA_TRIGGERS):
        rest = raw[1:].lstrip("0123456789,.")
        assert not any(c in rest for c in "-+=@A:, ")
        assert rest.count("%") <= 1 and rest.rstrip("%").count("%") == 0  # 1%% is a formula


def test_completeness_id_header_is_the_terminals_column_text(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report files' completeness table heads its id column with col.target_id, as the terminal does."""
    report = demo_report(plan)
    monkeypatch.setitem(LABELS, "col.target_id", {"zh": "代码X", "en": "code X"})
    assert tables.completeness(report, "zh").header[1] == "代码X"
    assert tables.completeness(report, "en").header[1] == "code X"
