"""Hostile cells (issue 27, items 4, 6, 8 and 85.000): digits that are not 0-9, footnote
marks, a growth written with a word and a sign, dates after today, UTF-8 text inside a
GB18030 file, noncharacters, and a count written 85.000 — each refused or flagged where
the cell is read, with the file, line and column, in both languages."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, TODAY, Result
from linyi_tracker.actuals.cells import (
    as_of_cell,
    growth_cell,
    milestone_cell,
    period_cell,
    value_cell,
)
from linyi_tracker.actuals.numbers import NumberError, not_a_digit, parse_number
from linyi_tracker.actuals.periods import PeriodError, parse_period
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.validator import validate

CELLS = FIXTURES / "hostile" / "cells"
Run = Callable[..., Result]


def findings(plan: Plan, name: str, code: str) -> list[Finding]:
    report = validate([str(CELLS / name)], plan, store=None, today=TODAY)
    return [f for f in report.findings if f.code == code]


def where(found: list[Finding]) -> list[tuple[int | None, int | None, str]]:
    return [(f.line, f.column_number, f.form) for f in found]


# ------------------------------------------------------------------ item 4: digits 0-9 only

# Every character that reads as a digit to Decimal, \d or NFKC but is not 0-9 (ASCII or
# full-width): superscripts, circled and parenthesised digits, other scripts, ½.
NOT_DIGITS = sorted(chr(c) for c in range(0x80, 0x20000) if not_a_digit(chr(c)))


def test_a_superscript_after_a_figure_is_a_footnote_mark_not_a_digit(plan: Plan) -> None:
    """'86000¹', '86000※', '86000*' are footnote marks: an error each, no figure read."""
    found = findings(plan, "footnote-mark.csv", "invalid-number")
    assert where(found) == [(2, 4, "footnote"), (3, 4, "footnote"), (4, 4, "footnote")]
    assert [f.params["mark"] for f in found] == ["¹", "※", "*"]


def test_a_footnote_mark_on_a_period_or_a_date_is_an_error(plan: Plan) -> None:
    """'2019¹' is no period 20191 and '2016-03-0①' no date 2016-03-01."""
    assert where(findings(plan, "footnote-mark.csv", "invalid-period")) == [(5, 2, "footnote")]
    assert where(findings(plan, "footnote-mark.csv", "invalid-date")) == [(6, 8, "footnote")]


def test_circled_digits_are_not_digits(plan: Plan) -> None:
    """'①' is not 1 and '⑧6000' not 86000; '2018Q①' is not 2018Q1."""
    assert where(findings(plan, "circled-digits.csv", "invalid-number")) == [
        (2, 4, "not-digit"),
        (3, 4, "not-digit"),
    ]
    assert where(findings(plan, "circled-digits.csv", "invalid-period")) == [(4, 2, "not-digit")]


def test_full_width_digits_are_still_read_with_a_warning(plan: Plan) -> None:
    """'８６０００' stays 86000 with the full-width warning (only other digits are refused)."""
    report = validate(
        [str(CELLS / "circled-digits.csv")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    assert [o.value for o in report.observations] == [Decimal(86000)]
    assert [f.line for f in report.findings if f.code == "full-width-characters"] == [5]


@settings(max_examples=400, deadline=None)
@given(
    before=st.text(max_size=6),
    digit=st.sampled_from(NOT_DIGITS),
    after=st.text(max_size=6),
)
def test_no_rule_reads_a_digit_that_is_not_0_to_9(
    plan: Plan, before: str, digit: str, after: str
) -> None:
    """Any text holding a digit other than 0-9 (¹, ①, ३, ½ …) gives no number (also with a
    unit typed after it), growth rate, period, as_of or milestone date from any cell rule."""
    text = before + digit + after
    persons = next(u for u in plan.units if u.id == "persons")
    for written in (text, text + "人", text + "万人"):
        assert value_cell(written, "", "number", persons, None, date(9999, 1, 1))[0][0] is None
    with pytest.raises(NumberError):
        parse_number(text, percent_unit=True)
    assert growth_cell(text, "", None)[0][0] is None
    assert period_cell(text, 1900, 2100, date(9999, 1, 1))[0] is None
    assert as_of_cell(text, date(9999, 1, 1))[0] is None
    assert milestone_cell(text, date(9999, 1, 1))[0][2] is None
    with pytest.raises(PeriodError):
        parse_period(text)


def test_a_footnote_mark_before_a_unit_typed_in_the_cell_is_an_error(plan: Plan) -> None:
    """'86000¹人' is not 860001 persons (the unit-in-value path folded the ¹ into the figure)."""
    persons = next(u for u in plan.units if u.id == "persons")
    (value, _, _), (issue,) = value_cell("86000¹人", "", "number", persons, None, TODAY)
    assert value is None
    assert (issue.code, issue.form, issue.params["mark"]) == ("invalid-number", "footnote", "¹")


def test_the_list_of_false_digits_holds_what_the_sweep_found() -> None:
    """Superscript, circled and other scripts' digits are all in the property's alphabet."""
    assert {"¹", "²", "①", "⑧", "⑴", "३", "٣", "½"} <= set(NOT_DIGITS)
    assert not any(
        unicodedata.normalize("NFKC", c) in "0123456789" and c < "\x80" for c in NOT_DIGITS
    )


# ------------------------------------------------------------------ item 6: signs and dates


def test_a_growth_word_and_a_minus_sign_together_are_an_error(plan: Plan) -> None:
    """'下降-2.7%', '增长-2.7%', '减少-', '下降−2.7' (U+2212) say the direction twice: asked."""
    found = findings(plan, "growth-two-signs.csv", "invalid-number")
    assert where(found) == [(line, 3, "two-signs") for line in (2, 3, 4, 5)]


def test_a_fall_is_stored_and_noticed_as_the_same_negative_figure(plan: Plan) -> None:
    """'下降2.7%' is stored as −2.7 and its percent notice says −2.7 too."""
    (value, _, _), issues = growth_cell("下降2.7%", "", None)
    assert value == Decimal("-2.7")
    assert [(i.code, i.params["value"]) for i in issues] == [("percent-read", Decimal("-2.7"))]


def test_a_growth_in_full_width_digits_gets_the_full_width_warning() -> None:
    """'下降２．７%' is read as −2.7 with a full-width warning naming the whole cell."""
    (value, _, _), issues = growth_cell("下降２．７%", "", None)
    assert value == Decimal("-2.7")
    warned = [i for i in issues if i.code == "full-width-characters"]
    assert [(i.params["text"], i.params["value"]) for i in warned] == [
        ("下降２．７%", Decimal("-2.7"))
    ]


def test_an_as_of_after_today_is_an_error(plan: Plan) -> None:
    """as_of 9999-12-31 would outrank every later revision: refused, naming today."""
    (found,) = findings(plan, "future-dates.csv", "invalid-date")
    assert (found.line, found.column_number, found.form) == (2, 8, "future")
    assert found.params["today"] == TODAY.isoformat()


def test_a_milestone_done_after_today_is_an_error(plan: Plan) -> None:
    """A milestone 'done' on 2030-01-01 is refused; one done on 2017-06-30 is read."""
    assert where(findings(plan, "future-dates.csv", "invalid-milestone-value")) == [
        (4, 4, "future")
    ]
    assert milestone_cell("2017-06-30", TODAY)[0] == (None, "done", date(2017, 6, 30))


def test_validate_asks_the_one_clock_for_today(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With clock.today fixed to 2017-01-01, an as_of of 2017-03-01 is after today."""
    from linyi_tracker import clock

    monkeypatch.setattr(clock, "today", lambda: date(2017, 1, 1))
    path = tmp_path / "s.csv"
    path.write_text("indicator,period,value,as_of\nemp.new_urban_jobs,2016,86000,2017-03-01\n")
    r = run("validate", "--no-store", "--lang", "en", str(path))
    assert r.exit_code == 1
    assert "s.csv:2:4: error invalid-date" in r.stdout and "(2017-01-01)" in r.stdout


def test_today_itself_is_not_after_today() -> None:
    """An as_of or a milestone dated today is accepted (the boundary)."""
    assert as_of_cell(TODAY.isoformat(), TODAY) == (TODAY, [])
    assert milestone_cell(TODAY.isoformat(), TODAY)[0][2] == TODAY


def test_utf8_text_inside_a_gb18030_file_is_an_error_at_its_line_and_column(
    plan: Plan,
) -> None:
    """'临沂' saved as UTF-8 in a GB18030 file is refused (mixed encodings), never stored
    as 涓存矀."""
    report = validate(
        [str(CELLS / "mixed-encoding.csv")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    (found,) = [f for f in report.findings if f.code == "encoding-error"]
    assert (found.line, found.column_number, found.form) == (2, 34, "mixed")
    assert (found.params["text"], found.params["meant"]) == ("涓存矀", "临沂")
    assert report.observations == []


def test_utf8_text_pasted_next_to_gb18030_text_in_one_cell_is_an_error(plan: Plan) -> None:
    """'兰山区' in GB18030 then '临沂市统计局' in UTF-8 in one cell: refused where the UTF-8
    text starts."""
    report = validate([str(CELLS / "mixed-encoding-inside.csv")], plan, store=None, today=TODAY)
    (found,) = [f for f in report.findings if f.code == "encoding-error"]
    assert (found.line, found.column_number, found.form) == (2, 37, "mixed")
    assert found.params["meant"] == "临沂市统计局"


def test_a_plain_gb18030_file_is_not_taken_for_mixed_encodings(plan: Plan) -> None:
    """Chinese names and notes in GB18030 alone give the not-utf8 notice, nothing more."""
    text = "指标,期间,地区,数值,单位,来源,备注\nemp.new_urban_jobs,2016,兰山区,9800,人,临沂市统计局,城镇新增就业\n"
    report = validate(["-"], plan, store=None, today=TODAY, stdin=text.encode("gb18030"))
    assert [f.code for f in report.findings] == ["not-utf8"]


# ------------------------------------------------------------------ item 8: noncharacters


def test_a_noncharacter_in_a_source_or_note_is_flagged_and_read_without_it(plan: Plan) -> None:
    """U+FFFF in a source and U+FFFE in a note: flagged at their line and column, and the
    texts stored without them (no xlsx or docx writer meets them)."""
    report = validate(
        [str(CELLS / "noncharacter.csv")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    flagged = [f for f in report.findings if f.code == "control-character"]
    assert [(f.line, f.column_number, f.form) for f in flagged][:2] == [
        (2, 6, "nonchar-free"),
        (2, 7, "nonchar-free"),
    ]
    (obs,) = report.observations
    assert (obs.source, obs.note) == ("市统计局", "备注")


def test_a_noncharacter_in_a_value_is_an_error(plan: Plan) -> None:
    """'86000' followed by U+FFFF is no figure: flagged, and an error."""
    found = findings(plan, "noncharacter.csv", "invalid-number")
    assert [(f.line, f.column_number) for f in found] == [(3, 4)]


def test_reports_with_a_noncharacter_in_the_data_are_written(run: Run, tmp_path: Path) -> None:
    """The xlsx and docx reports of a store fed a U+FFFF source are written, not a crash."""
    data = tmp_path / "actuals"
    data.mkdir()
    header, first = (CELLS / "noncharacter.csv").read_text(encoding="utf-8").splitlines()[:2]
    (data / "a.csv").write_text(f"{header}\n{first}\n", encoding="utf-8")
    for name in ("r.xlsx", "r.docx"):
        r = run("report", "2016", "--data", str(data), "-o", str(tmp_path / name))
        assert r.exit_code == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 0


# ------------------------------------------------------------------ 85.000


def test_a_count_written_with_a_dot_and_three_zeros_is_asked(plan: Plan) -> None:
    """'85.000' persons may be 85000 or 85: an error naming both, not 85 silently."""
    (found,) = findings(plan, "thousands-dot.csv", "invalid-number")
    assert (found.line, found.column_number, found.form) == (2, 4, "thousands-dot")
    assert (found.params["thousands"], found.params["plain"]) == (85000, 85)


def test_other_decimal_zeros_keep_their_exact_text(plan: Plan) -> None:
    """'９８００．０' persons, '8.500' 万人 and '30.500' yuan are read, their zeros kept."""
    report = validate(
        [str(CELLS / "thousands-dot.csv")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    values = [o.value for o in report.observations]
    assert values == [Decimal(9800), Decimal(85000), Decimal("30.5")]
    assert (str(values[0]), str(values[2])) == ("9800.0", "30.500")


def test_the_thousands_dot_rule_leaves_counts_in_another_unit_alone(plan: Plan) -> None:
    """'85.000' with the unit 万人 is 850000 persons, converted: no question of a dot."""
    persons = next(u for u in plan.units if u.id == "persons")
    (value, _, _), issues = value_cell("85.000", "万人", "number", persons, None, TODAY)
    assert value == Decimal(850000)
    assert [i.code for i in issues] == ["unit-converted"]


@pytest.mark.parametrize("text", ["85.000人", "８５．０００人", "85.000 人"])
def test_a_thousands_dot_with_its_unit_typed_after_it_is_refused_too(plan: Plan, text: str) -> None:
    """'85.000人' (the unit typed into the cell) is the same question as '85.000': refused,
    never 85 persons; '8.500万人' is 85,000 persons and reads clean of the question."""
    persons = next(u for u in plan.units if u.id == "persons")
    (value, _, _), issues = value_cell(text, "", "number", persons, None, TODAY)
    assert value is None and "thousands-dot" in [i.form for i in issues]
    (value, _, _), issues = value_cell("8.500万人", "", "number", persons, None, TODAY)
    assert value == Decimal(85000) and "thousands-dot" not in [i.form for i in issues]


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("name", "position", "severity"),
    [
        ("footnote-mark.csv", ":2:4:", "error"),
        ("circled-digits.csv", ":3:4:", "error"),
        ("growth-two-signs.csv", ":2:3:", "error"),
        ("future-dates.csv", ":2:8:", "error"),
        ("mixed-encoding.csv", ":2:34:", "error"),
        ("thousands-dot.csv", ":2:4:", "error"),
        ("noncharacter.csv", ":2:6:", "warning"),
    ],
)
def test_validate_names_file_line_and_column_and_exits_1(
    run: Run, lang: str, name: str, position: str, severity: str
) -> None:
    """Each hostile file: exit 1, the finding at file:line:col with its severity, no
    traceback, in zh and en."""
    r = run("validate", "--no-store", "--lang", lang, str(CELLS / name))
    assert r.exit_code == 1
    (line,) = [x for x in r.stdout.splitlines() if f"{name}{position}" in x]
    word = {"error": "错误", "warning": "警告"}[severity] if lang == "zh" else severity
    assert f" {word} " in line
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_file_is_named_as_excels_unicode_text(
    plan: Plan, tmp_path: Path, codec: str
) -> None:
    """A file saved as Excel's 'Unicode text' (UTF-16 with its BOM) is one encoding-error
    saying UTF-16, at line 1 (was: 'byte 0xff at offset 0' with no word of UTF-16)."""
    source = (CELLS / "unicode-text-utf16.csv").read_bytes().decode("utf-16")
    path = tmp_path / "unicode.csv"
    path.write_bytes(
        ("\ufeff" + source).encode(codec) if codec.endswith("be") else source.encode(codec)
    )
    report = validate([str(path)], plan, store=None, today=TODAY)
    (found,) = [f for f in report.findings if f.code == "encoding-error"]
    assert (found.line, found.form) == (1, "utf16") and "UTF-16" in render(found, "en")[0]
