"""Figures that make sense, or a finding (issue 10), and hostile cells (issue 13, items 4,
9, 16): each case a named fixture under tests/fixtures/plausible/ (or submissions/) with
the finding it must give."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from linyi_tracker.actuals.periods import AmbiguousPeriod, Period, read_period
from linyi_tracker.findings import Finding
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render
from linyi_tracker.validation.plausibility import band, plausibility
from linyi_tracker.validation.validator import validate

PLAUSIBLE = FIXTURES / "plausible"
SUBMISSIONS = FIXTURES / "submissions"
TODAY = date(2020, 3, 15)


def found(plan: Plan, path: Path) -> list[Finding]:
    return validate([str(path)], plan, store=None, today=TODAY).findings


def coded(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# ------------------------------------------------------------------ periods (item 4)


def test_a_month_written_with_a_dot_and_a_1_is_an_error_showing_both_readings(
    plan: Plan,
) -> None:
    """2019.1 may be January or October (2019.10 with its zero dropped): an error naming both."""
    (f,) = [f for f in found(plan, PLAUSIBLE / "ambiguous-period.csv") if f.line == 2]
    assert (f.code, f.form, f.params["first"], f.params["second"]) == (
        "invalid-period",
        "ambiguous",
        "2019-01",
        "2019-10",
    )


def test_a_two_digit_year_is_an_error_not_a_guess(plan: Plan) -> None:
    """19.9 is not read silently as 2019-09: it is an invalid-period showing the readings."""
    (f,) = [f for f in found(plan, PLAUSIBLE / "ambiguous-period.csv") if f.line == 3]
    assert (f.code, f.params["first"]) == ("invalid-period", "2019-09")
    assert "2019-09" in render(f, "zh")[0]


@pytest.mark.parametrize(
    ("text", "month"),
    [("2019/9/1", 9), ("2019-09-01", 9), ("Sep-19", 9), ("Oct-2019", 10), ("2019/10/1 00:00", 10)],
)
def test_excel_spellings_of_a_month_are_read_to_the_month(text: str, month: int) -> None:
    """Dates and Excel's mmm-yy format name a month: read as it, marked for a notice."""
    assert read_period(text) == (Period(2019, month, "month"), "excel")


def test_a_date_cell_in_the_period_column_gets_a_notice(plan: Plan) -> None:
    """Excel's 2016/9/1 is read as 2016-09 with a period-read-as-month notice naming the reading."""
    (f,) = coded(found(plan, SUBMISSIONS / "period-read-as-month.csv"), "period-read-as-month")[:1]
    assert render(f, "en")[0] == (
        "2 periods as Excel writes dates read as months (lines 2, 3; "
        "the first: '2016/9/1' read as 2016-09)"
    )


def test_a_plain_dotted_month_other_than_1_is_still_a_month() -> None:
    """2019.9 cannot be October's 2019.90: it stays 2019-09, no ambiguity."""
    assert read_period("2019.9") == (Period(2019, 9, "month"), None)
    with pytest.raises(AmbiguousPeriod):
        read_period("2019.1")


# ------------------------------------------------------------------ one round (item 5)


def test_a_row_with_an_unknown_indicator_still_has_its_value_checked(plan: Plan) -> None:
    """emp.new_jobs with 43,6l0: both the indicator and the value are reported in one round."""
    codes = [(f.code, f.column_number) for f in found(plan, PLAUSIBLE / "one-round.csv")]
    assert codes == [("unknown-indicator", 1), ("invalid-number", 4)]


def test_letters_among_digits_get_their_own_hint_not_the_separator_one(plan: Plan) -> None:
    """43,6l0 is told about the letter l, not about thousands separators."""
    (f,) = coded(found(plan, PLAUSIBLE / "one-round.csv"), "invalid-number")
    assert f.hint_form == "letters"
    assert "l or O" in (render(f, "en")[1] or "")


def test_words_for_no_figure_are_told_what_to_write_instead(plan: Plan) -> None:
    """暂无, 无, —, /, N/A each get the hint: leave the row out, or 0 if the figure is zero."""
    findings = coded(found(plan, PLAUSIBLE / "no-figure-words.csv"), "invalid-number")
    assert [f.params["text"] for f in findings] == ["暂无", "无", "—", "/", "N/A"]
    for f in findings:
        hint = render(f, "zh")[1] or ""
        assert "删去该行" in hint and "填0" in hint


# ------------------------------------------------------------------ percentages (item 1)


def test_an_excel_percentage_cell_is_read_as_the_percentage_it_shows(plan: Plan) -> None:
    """0.851 in a 0.0% cell is 85.1 for a percent indicator, with a notice showing the cell."""
    report = validate(
        [str(SUBMISSIONS / "percent-read.xlsx")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    (o,) = report.observations
    assert str(o.value) == "85.1"
    (f,) = coded(report.findings, "percent-read")
    assert render(f, "en")[0] == "1 percentage read (line 2: '85.1%' read as 85.1)"


def test_a_percentage_on_an_income_is_told_it_looks_like_a_growth_rate(plan: Plan) -> None:
    """10.4 with unit % (or 10.4%) on an income: never "leave the unit blank" (10.4 yuan)."""
    findings = coded(found(plan, PLAUSIBLE / "growth-on-income.csv"), "unit-mismatch")
    assert len(findings) == 2
    for f in findings:
        hint = render(f, "en")[1] or ""
        assert "growth rate" in hint and "leave the row out" in hint
        assert "leave the unit blank" not in hint


# ------------------------------------------------------------------ control characters (13.16)


def test_a_control_character_in_a_note_is_flagged_and_read_without_it(plan: Plan) -> None:
    """A BEL in the source cell: a control-character warning, and the source kept without it."""
    report = validate(
        [str(SUBMISSIONS / "control-character.csv")],
        plan,
        store=None,
        today=TODAY,
        keep_observations=True,
    )
    (f,) = coded(report.findings, "control-character")
    assert f.params["char"] == "U+0007"
    assert report.observations[0].source == "countyoffice"


def test_a_control_character_is_flagged_even_on_rows_of_plain_digits(plan: Plan) -> None:
    """The row shortcut does not let a BEL in a note through (the same rows twice over)."""
    lines = (SUBMISSIONS / "control-character.csv").read_text(encoding="utf-8").splitlines()
    raw = "\n".join([lines[0], *[lines[1]] * 3, ""]).encode()  # rows 2 and 3 take the shortcut
    report = validate(["-"], plan, store=None, today=TODAY, stdin=raw)
    assert len(coded(report.findings, "control-character")) == 3


def test_a_control_character_in_a_column_the_tool_does_not_read_is_flagged_on_every_row(
    plan: Plan,
) -> None:
    """An office's own 指标名称 column holding a BEL: each row is warned, also the row the
    shortcut could read (its other cells seen before)."""
    findings = found(plan, SUBMISSIONS / "control-in-unread-column.csv")
    assert [f.line for f in coded(findings, "control-character")] == [2, 3, 4]


# ------------------------------------------------------------------ malformed workbooks (13.9)


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "region", "value", "unit"])
    sheet.append(["emp.new_urban_jobs", "2016", "hedong", 8800, "人"])
    book.save(path)
    return path


def _mutate(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(name, change(data) if name == member else data)


SHEET = "xl/worksheets/sheet1.xml"
MUTATIONS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "broken sheet XML": (SHEET, lambda xml: xml[: len(xml) // 2]),
    "abc in a number cell": (SHEET, lambda xml: xml.replace(b"<v>8800</v>", b"<v>abc</v>")),
    "shared string out of range": (
        SHEET,
        lambda xml: xml.replace(b't="n"><v>8800</v>', b't="s"><v>999</v>', 1),
    ),
    "an entity in the XML": (
        SHEET,
        lambda xml: xml.replace(
            b"<worksheet", b'<!DOCTYPE w [<!ENTITY e "x">]><worksheet', 1
        ).replace(b"<v>8800</v>", b"<v>&e;</v>"),
    ),
    "broken workbook XML": ("xl/workbook.xml", lambda xml: xml[:40]),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_damaged_workbook_is_an_unreadable_workbook_finding(
    plan: Plan, tmp_path: Path, mutation: str
) -> None:
    """Each damage openpyxl or the XML parser trips on is a finding, never a traceback."""
    path = _workbook(tmp_path / "book.xlsx")
    member, change = MUTATIONS[mutation]
    _mutate(path, member, change)
    codes = {f.code for f in found(plan, path)}
    assert "unreadable-workbook" in codes


# ------------------------------------------------------------------ beyond any indicator (13.4)


def test_figures_beyond_what_an_indicator_can_hold_are_out_of_range(plan: Plan) -> None:
    """309 digits, 10^25 万人 and 309 digits 万 are out-of-range (too-large) at the door;
    999,999,999,999,999 is still a figure."""
    findings = found(plan, PLAUSIBLE / "too-large.csv")
    assert [(f.line, f.form) for f in coded(findings, "out-of-range")] == [
        (2, "too-large"),
        (3, "too-large"),
        (4, "too-large"),
    ]
    assert all(f.severity.value == "error" for f in coded(findings, "out-of-range"))


def test_a_plan_value_beyond_what_an_indicator_can_hold_is_a_plan_schema_finding(
    tmp_path: Path,
) -> None:
    """`value: 1.0e999999999` in a plan is a positioned plan-schema finding, not a crash later."""
    from conftest import PLAN_FILE
    from linyi_tracker.plan.loader import load_plan

    text = PLAN_FILE.read_text(encoding="utf-8").replace("value: 85000", "value: 1.0e999999999", 1)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    schema = coded(load_plan(tmp_path / "plan.yaml").findings, "plan-schema")
    assert [(f.form, f.column) for f in schema] == [("out-of-range", "targets[0].value")]


# ------------------------------------------------------------------ which store (item 6)


def test_validate_without_a_data_folder_does_not_compare_with_the_shipped_figures(
    run: Callable[..., Any],
) -> None:
    """From a folder with no data/actuals and no --data, a figure unlike the published one
    shipped with the tool is not a conflicts-with-store error."""
    r = run("validate", str(PLAUSIBLE / "against-published.csv"), "--format", "json")
    assert r.exit_code == 0, r.stdout
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == []


def test_validate_compares_with_the_users_own_data_folder(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """With --data, the same figure against a stored 442079 is conflicts-with-store."""
    data = tmp_path / "mine"
    data.mkdir()
    (data / "poverty.csv").write_text(
        "indicator,period,region,value,unit,source,note\n"
        "pov.registered_poor_population,2015,,442079,人,x,\n",
        encoding="utf-8",
    )
    r = run(
        "validate",
        str(PLAUSIBLE / "against-published.csv"),
        "--data",
        str(data),
        "--format",
        "json",
    )
    assert "conflicts-with-store" in [f["code"] for f in json.loads(r.stdout)["findings"]]


# ------------------------------------------------------------------ plausibility (item 1)


@pytest.mark.parametrize(
    ("line", "form", "reading"),
    [
        (2, "fraction", "85.1"),  # 0.851 for a coverage of 92 %
        (3, "fraction", "99.3"),  # 0.993 for 99 %, no unit written
        (4, "wan", "80000"),  # 8 new jobs for a target of 85,000: 8万
        (5, "growth", None),  # 10.4 for an urban income of ~50,000 yuan
        (6, "ratio-percent", "1.5"),  # 150 for a ratio of 1.5:1
        (9, "scale", None),  # 0.0004 yuan: off the scale, no likely reading
        (10, "units", "85000"),  # 850,000,000 new jobs: 85,000 multiplied by 万 once too often
    ],
)
def test_a_figure_off_its_indicators_scale_names_the_likely_reading(
    plan: Plan, line: int, form: str, reading: str | None
) -> None:
    """Each slip of off-scale.csv is an implausible-value warning with its reading."""
    (f,) = [f for f in found(plan, PLAUSIBLE / "off-scale.csv") if f.line == line]
    assert (f.code, f.severity.value, f.form, f.params.get("reading")) == (
        "implausible-value",
        "warning",
        form,
        reading,
    )


def test_figures_on_their_scale_are_left_alone(plan: Plan) -> None:
    """85.1 % for a target of 80 % and 9800 jobs in a district: no implausible-value."""
    lines = {f.line for f in coded(found(plan, PLAUSIBLE / "off-scale.csv"), "implausible-value")}
    assert not lines & {7, 8}


def test_the_fraction_warning_reads_as_a_clerk_would_say_it(plan: Plan) -> None:
    """'0.851 looks like 85.1 %', in both languages."""
    (f,) = [f for f in found(plan, PLAUSIBLE / "off-scale.csv") if f.line == 2]
    assert render(f, "en")[0].startswith("0.851 looks like 85.1 %")
    assert render(f, "zh")[0].startswith("0.851看起来是85.1%")


def test_a_growth_rate_for_a_level_is_told_where_growth_figures_go(plan: Plan) -> None:
    """The hint for 10.4 on an income: leave the row out or note it, never drop a unit."""
    (f,) = [f for f in found(plan, PLAUSIBLE / "off-scale.csv") if f.line == 5]
    hint = render(f, "en")[1] or ""
    assert "leave the row out" in hint and "growth targets" in hint


def _plan_with(tmp_path: Path, old: str, new: str) -> Path:
    from conftest import PLAN_FILE

    text = PLAN_FILE.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path / "plan.yaml"


COVERAGE = "  - id: ss.employee_insurance_coverage\n"


def test_a_plan_range_is_the_band_the_check_uses_first(tmp_path: Path) -> None:
    """With `range: [60, 100]` on the coverage, 55 (on the target's scale) is outside it."""
    from linyi_tracker.plan.loader import read_plan

    plan = read_plan(_plan_with(tmp_path, COVERAGE, COVERAGE + "    range: [60, 100]\n"))
    csv = tmp_path / "a.csv"
    csv.write_text(
        "indicator,period,region,value\nss.employee_insurance_coverage,2016,,55\n", encoding="utf-8"
    )
    (f,) = coded(found(plan, csv), "implausible-value")
    assert (f.form, f.params["min"], f.params["max"]) == ("range", "60", "100")


def test_a_plan_range_with_min_not_below_max_is_a_plan_schema_finding(tmp_path: Path) -> None:
    """`range: [100, 60]` is refused where it is written."""
    from linyi_tracker.plan.loader import load_plan

    path = _plan_with(tmp_path, COVERAGE, COVERAGE + "    range: [100, 60]\n")
    (f,) = coded(load_plan(path).findings, "plan-schema")
    assert f.column is not None and f.column.startswith("indicators[")


# ------------------------------------------------------------------ the rule, on plain values


_REFS = st.decimals(min_value=5, max_value=100, places=1)


@given(_REFS, st.decimals(min_value="0.001", max_value="0.999", places=3))
def test_a_percentage_as_a_fraction_reads_as_the_percentage(
    target: Decimal, value: Decimal
) -> None:
    """Any value below 1 for a percentage target of 5 % or more is flagged, as a fraction
    of value × 100 where that lands near the target."""
    issue = plausibility(value, "percent", [target])
    assert issue is not None and issue.form in {"fraction", "scale"}
    if issue.form == "fraction":
        assert Decimal(str(issue.params["reading"])) == value * 100


@given(
    st.decimals(min_value=1000, max_value=10_000_000, places=0),
    st.floats(min_value=-2.9, max_value=2.9),
)
def test_a_count_within_a_thousandfold_of_its_target_is_plausible(
    target: Decimal, exponent: float
) -> None:
    """Counts within 10^±2.9 of the target's size pass without a finding."""
    value = Decimal(repr(round(float(target) * 10**exponent, 3)))
    assert plausibility(value, "count", [target]) is None


@given(
    st.sampled_from(["count", "amount", "percent", "ratio"]),
    st.lists(st.decimals(min_value="0.01", max_value=10**9, places=2), min_size=1, max_size=4),
    st.decimals(min_value=-(10**12), max_value=10**12, places=3),
)
def test_the_rule_and_its_band_agree(kind: str, targets: list[Decimal], value: Decimal) -> None:
    """plausibility() finds a problem exactly when the precomputed band does not hold
    (the one comparison a row the cross-row check makes)."""
    found_band = band(kind, targets)
    issue = plausibility(value, kind, targets)
    expected_none = found_band is None or found_band.holds(float(value))
    assert (issue is None) == expected_none


def test_without_targets_or_history_nothing_is_judged() -> None:
    """No target, no history, no range: no band, never a finding."""
    assert band("count", []) is None
    assert plausibility(Decimal("0.001"), "count", []) is None


# ------------------------------------------------------------------ rounding (item 3)


def _poverty_store(folder: Path) -> Path:
    folder.mkdir()
    (folder / "poverty.csv").write_text(
        "indicator,period,region,value,unit,source,note\n"
        "pov.registered_poor_population,2015,,442079,人,扶贫办,\n",
        encoding="utf-8",
    )
    return folder


def test_a_rounded_figure_beside_the_precise_one_is_a_notice_not_a_conflict(plan: Plan) -> None:
    """44.2万 after 442079 in one file: rounded-figure (notice), no conflicting-observation."""
    findings = found(plan, SUBMISSIONS / "rounded-figure.csv")
    assert [f.code for f in findings if f.code != "magnitude-suffix"] == ["rounded-figure"]
    assert coded(findings, "rounded-figure")[0].severity.value == "notice"


def test_the_precise_figure_counts_whichever_comes_first(plan: Plan) -> None:
    """1.04万 then 10380: 10380 is the figure kept, 1.04万 the rounded one."""
    report = validate(
        [str(PLAUSIBLE / "rounded.csv")], plan, store=None, today=TODAY, keep_observations=True
    )
    jobs = [o for o in report.observations if o.indicator == "emp.new_urban_jobs"]
    assert [(o.line, o.text) for o in jobs] == [(4, "10380")]
    assert [f.line for f in coded(report.findings, "rounded-figure")] == [3]


def test_a_rounded_republication_of_a_stored_figure_is_a_notice(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """44.2万 against a stored 442,079: rounded-figure, exit 0, not conflicts-with-store."""
    data = _poverty_store(tmp_path / "data")
    r = run("validate", str(PLAUSIBLE / "rounded.csv"), "--data", str(data), "--format", "json")
    codes = [f["code"] for f in json.loads(r.stdout)["findings"] if f["line"] == 2]
    assert r.exit_code == 0 and "rounded-figure" in codes and "conflicts-with-store" not in codes


def test_ingest_agrees_a_rounded_figure_is_already_stored(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """Ingest of 44.2万 against 442,079 does not stop on a conflict and stores nothing for it."""
    data = _poverty_store(tmp_path / "data")
    before = (data / "poverty.csv").read_text(encoding="utf-8")
    r = run("ingest", str(SUBMISSIONS / "rounded-figure.csv"), "--data", str(data))
    assert r.exit_code == 0, r.stderr
    assert (data / "poverty.csv").read_text(encoding="utf-8") == before


def test_region_sums_are_checked_within_the_rounding_of_the_figures(plan: Plan) -> None:
    """Twelve regions published to 0.01万 summing 70 persons off the city: no warning."""
    assert coded(found(plan, PLAUSIBLE / "rounded-region-sums.csv"), "region-sum-mismatch") == []


def test_the_same_gap_in_figures_written_to_the_person_is_a_warning(
    plan: Plan, tmp_path: Path
) -> None:
    """The same regions written in whole persons (3.61万 → 36100): the 70 gap is a mismatch."""
    lines = (PLAUSIBLE / "rounded-region-sums.csv").read_text(encoding="utf-8").splitlines()
    plain = [lines[0], lines[1]]
    for line in lines[2:]:
        cells = line.split(",")
        cells[3] = str(int(Decimal(cells[3].removesuffix("万")) * 10000))
        plain.append(",".join(cells))
    path = tmp_path / "plain.csv"
    path.write_text("\n".join(plain) + "\n", encoding="utf-8")
    assert len(coded(found(plan, path), "region-sum-mismatch")) == 1


@given(
    st.integers(min_value=10**6, max_value=10**12),
    st.integers(min_value=1, max_value=6),
)
def test_a_figure_rounded_to_its_written_precision_is_the_same_figure(
    precise: int, places: int
) -> None:
    """Any whole figure and its rounding to 10^places, written with that precision and at
    least three significant digits (issue 27: 1万 does not say it is 5001), are one."""
    from hypothesis import assume

    from linyi_tracker.actuals.reconcile import MIN_SIGNIFICANT_DIGITS, Figure, same_figure

    step = Decimal(1).scaleb(places)  # 1E+places: the exponent is the precision
    coarse = (Decimal(precise) / step).quantize(Decimal(1), rounding="ROUND_HALF_UP") * step
    written = coarse.quantize(step)  # as the reader keeps 44.2万: Decimal('4.42E+5')
    assume(len(written.as_tuple().digits) >= MIN_SIGNIFICANT_DIGITS)
    assert same_figure(Figure(Decimal(precise), None, None), Figure(written, None, None))


def test_a_date_cell_in_a_workbooks_period_column_is_read_to_the_month(
    plan: Plan, tmp_path: Path
) -> None:
    """Excel turns 2016-09 typed in a cell into a date: read as 2016-09, with the notice."""
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "region", "value"])
    sheet.append(["emp.new_urban_jobs", dt.datetime(2016, 9, 1), "hedong", 8800])
    book.save(tmp_path / "dates.xlsx")
    report = validate(
        [str(tmp_path / "dates.xlsx")], plan, store=None, today=TODAY, keep_observations=True
    )
    assert [o.period.text for o in report.observations] == ["2016-09"]
    (f,) = coded(report.findings, "period-read-as-month")
    assert render(f, "en")[0] == (
        "1 period as Excel writes dates read as months (line 2: '2016-09-01' read as 2016-09)"
    )


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_damage_to_the_sheet_xml_gives_findings_never_an_exception(
    plan: Plan, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Random bytes changed in the sheet XML: validate returns findings or a clean result."""
    path = _workbook(tmp_path_factory.mktemp("mutated") / "book.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = bytearray(archive.read(SHEET))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(xml) - 1))
        xml[at] = data.draw(st.integers(0, 255))
    _mutate(path, SHEET, lambda _: bytes(xml))
    report = validate([str(path)], plan, store=None, today=TODAY)
    assert all(f.code for f in report.findings)


def test_a_magnitude_in_the_cell_and_a_converting_unit_is_an_error(plan: Plan) -> None:
    """'0.29万' with the unit 万人 would be 2,900万人 if both were applied: an error, nothing stored."""
    from linyi_tracker.validation.validator import validate

    report = validate([str(FIXTURES / "plausible" / "scaled-twice.csv")], plan, store=None)
    codes = [(f.code, f.form) for f in report.findings if f.is_error]
    assert codes == [("unit-mismatch", "twice")]


def test_a_region_with_its_own_target_is_judged_by_it_the_others_by_the_citys_share() -> None:
    """Lanshan has its own jobs target (9,000 a year), Luozhuang none: the same 25 million
    is on Lanshan's scale (up to 3,000 × 9,000) and off Luozhuang's (3,000 × 85,000 / 12),
    as the band rule says for each when asked directly."""
    from linyi_tracker.plan.loader import read_plan

    plan = read_plan(FIXTURES / "plans" / "regional-target.yaml")
    findings = found(plan, PLAUSIBLE / "regional-target.csv")
    assert [f.line for f in coded(findings, "implausible-value")] == [3]  # Luozhuang's row
    figure = Decimal(25_000_000)
    assert plausibility(figure, "count", [Decimal(9000)]) is None
    assert plausibility(figure, "count", [Decimal(85000)], share=12) is not None


def test_a_converted_figure_is_weighed_as_written_first() -> None:
    """6.9541 (69541 吨 converted to 万吨) against ~65,000: 69541 fits, so the reading named
    is the unit, not a growth rate; without the conversion it is the growth sentence."""
    from linyi_tracker.validation.plausibility import Converted, band, explain

    found = band("amount", [Decimal(65000)])
    assert found is not None
    plain = explain(Decimal("6.9541"), "amount", found)
    assert plain.form == "growth"
    converted = Converted(Decimal(69541), "吨", "万吨")
    issue = explain(Decimal("6.9541"), "amount", found, converted)
    assert (issue.form, issue.params["written"]) == ("converted", "69541")


def test_a_converted_figure_within_the_plans_range_says_so() -> None:
    """With the plan's range, a figure that fits it as written names the range."""
    from linyi_tracker.validation.plausibility import Converted, band, explain

    found = band("amount", [], given=(Decimal(60000), Decimal(80000)))
    assert found is not None
    issue = explain(Decimal("6.9541"), "amount", found, Converted(Decimal(69541), "吨", "万吨"))
    assert issue.form == "converted-range" and issue.params["min"] == "60000"
