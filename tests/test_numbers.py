"""Reading one cell as an exact number, the way submissions.md says."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linyi_tracker.actuals.numbers import NumberError, parse_number
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan


@pytest.mark.parametrize(
    ("text", "value", "codes"),
    [
        ("85000", "85000", []),
        ("92.50", "92.50", []),
        ("-3.5", "-3.5", []),
        ("85,000", "85000", ["thousands-separator"]),
        ("85 000", "85000", ["thousands-separator"]),
        ("1,234,567.5", "1234567.5", ["thousands-separator"]),
        ("4.9万", "49000", ["magnitude-suffix"]),
        ("1.2亿", "120000000", ["magnitude-suffix"]),
        ("９２．５", "92.5", ["full-width-characters"]),
        ("８．５万", "85000", ["full-width-characters", "magnitude-suffix"]),
    ],
)
def test_numbers_read_with_their_remarks(text: str, value: str, codes: list[str]) -> None:
    """Accepted forms give the exact value and say how they were read."""
    reading = parse_number(text)
    assert reading.value == Decimal(value)
    assert str(reading.value) == value
    assert sorted(r.code for r in reading.remarks) == sorted(codes)


def test_magnitude_warning_shows_the_reading() -> None:
    """'4.9万' is read as 49000 and the warning says so."""
    (remark,) = parse_number("4.9万").remarks
    assert remark.code == "magnitude-suffix"
    assert remark.params["value"] == Decimal(49000) and remark.params["text"] == "4.9万"


def test_percent_only_for_percent_indicators() -> None:
    """'92%' is 92 for a percentage and a unit-mismatch error for anything else."""
    assert parse_number("92%", percent_unit=True).value == Decimal(92)
    with pytest.raises(NumberError) as caught:
        parse_number("92%")
    assert caught.value.code == "unit-mismatch"


@pytest.mark.parametrize(
    "text",
    [
        "(12.5)",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "1_000",
        "-",
        "—",
        "/",
        "无",
        "N/A",
        "1e5",
        "12,34",
        "1.2.3",
        "abc",
        "0x10",
    ],
)
def test_not_numbers(text: str) -> None:
    """Forms Python's float() may accept, and placeholders, are invalid-number errors."""
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert caught.value.code == "invalid-number"


def test_empty_is_missing_value() -> None:
    """An empty cell is a missing value, not zero."""
    with pytest.raises(NumberError) as caught:
        parse_number("   ")
    assert caught.value.code == "missing-value"


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12
    )
)
def test_formatted_numbers_round_trip(value: Decimal) -> None:
    """A decimal written plainly or with thousands separators reads back exactly."""
    plain = format(value, "f")
    assert parse_number(plain).value == value
    grouped = f"{value:,f}"
    assert parse_number(grouped).value == value


@given(st.text(max_size=30))
def test_any_text_gives_a_value_or_a_number_error(text: str) -> None:
    """No cell makes the parser raise anything but NumberError."""
    try:
        reading = parse_number(text)
    except NumberError:
        return
    assert reading.value.is_finite()


@pytest.mark.parametrize("text", ["\u22121200", "\uff0d1200"])
def test_a_typographic_or_full_width_minus_is_read_as_the_sign(text: str) -> None:
    """−1200 (U+2212, the minus Word and Excel's formats print) and －1200 (full width) are
    -1200 with a notice, as a full-width digit is: the sign, not 'digits only'."""
    reading = parse_number(text)
    assert reading.value == Decimal(-1200)
    assert [(r.code, r.params["text"]) for r in reading.remarks] == [
        ("full-width-characters", text)
    ]


def test_a_typographic_minus_gets_its_own_words() -> None:
    """The notice for U+2212 says the minus sign was read, in zh and en."""
    from linyi_tracker.findings import Finding, Severity
    from linyi_tracker.validation.catalogue import render

    (remark,) = parse_number("\u22122.5").remarks
    assert remark.form == "minus"
    finding = Finding(
        remark.code,
        Severity.NOTICE,
        "f.csv",
        2,
        params={**remark.params, "count": 1, "lines": [2]},
        form=remark.form,
    )
    assert "负号" in render(finding, "zh")[0]
    assert "minus" in render(finding, "en")[0]


def test_a_file_s_typographic_minus_is_one_notice_with_its_form(plan: Plan) -> None:
    """A growth of −2.5 (U+2212) in a file is read as -2.5: the notice, form minus, no error."""
    text = "indicator,period,value,unit,measure\ninc.urban_disposable,2016,\u22122.5,%,growth\n"
    read = read_bytes(text.encode(), "f.csv", PlanLookup(plan), today=date(2026, 11, 28))
    assert [(f.code, f.form) for f in read.findings] == [("full-width-characters", "minus")]
    assert [o.value for o in read.observations] == [Decimal("-2.5")]
