"""The data-file reader: encodings, headers, physical lines, and one finding per problem."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, TODAY
from linyi_tracker.actuals.reader import FileRead, PlanLookup, read_bytes, read_path
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import render

DATA = FIXTURES / "data"
FIXTURE_FILES = sorted(
    [
        *(FIXTURES / "submissions").glob("*.csv"),
        *(FIXTURES / "data").glob("*.csv"),
        *(FIXTURES / "hostile" / "cells").glob("*.csv"),
        *(REPO / "examples").rglob("*.csv"),
        *(REPO / "data" / "actuals").glob("*.csv"),
    ]
)


def read(plan: Plan, name: str) -> FileRead:
    return read_path(DATA / name, PlanLookup(plan), today=TODAY, shown=name)


@pytest.mark.parametrize(
    ("line", "column", "code"),
    [
        (3, 1, "unknown-indicator"),
        (4, 3, "unknown-region"),
        (5, 2, "invalid-period"),
        (6, 2, "period-outside-plan"),
        (7, 4, "invalid-number"),
        (8, 4, "not-integer"),
        (9, 4, "out-of-range"),
        (10, 5, "unit-mismatch"),
        (11, None, "blank-row"),
        (12, 8, "extra-cell"),
        (13, 4, "missing-cell"),
        (14, 4, "invalid-milestone-value"),
        (15, 4, "invalid-status-word"),
        (16, 4, "missing-value"),
        (18, 5, "unit-converted"),
        (19, 4, "full-width-characters"),
        (20, 4, "magnitude-suffix"),
        (21, 2, "period-outside-plan"),
    ],
)
def test_broken_rows_fixture(plan: Plan, line: int, column: int | None, code: str) -> None:
    """broken-rows.csv: each line's problem is found with its line and column number."""
    findings = read(plan, "broken-rows.csv").findings
    assert (line, column, code) in [(f.line, f.column_number, f.code) for f in findings]


def test_broken_rows_keep_the_good_rows(plan: Plan) -> None:
    """Rows without errors still become observations (2, 17, 18, 19, 20), nothing else."""
    result = read(plan, "broken-rows.csv")
    assert [o.line for o in result.observations] == [2, 17, 18, 19, 20]
    values = {o.line: o.text for o in result.observations}  # 0.98万 keeps its precision
    assert values == {2: "9800", 17: "92", 18: "9800", 19: "1200", 20: "12000"}


def test_hints_suggest_the_closest_names(plan: Plan) -> None:
    """Unknown indicator and region come with a did-you-mean hint."""
    hints = {f.code: render(f, "en")[1] for f in read(plan, "broken-rows.csv").findings}
    assert hints["unknown-indicator"] == "did you mean 'emp.new_urban_jobs'?"
    assert hints["unknown-region"] == "did you mean 'lanshan'?"


def test_gbk_file_with_chinese_headers(plan: Plan) -> None:
    """A GBK file from Excel reads as GB18030 with a notice; Chinese headers and names resolve."""
    result = read(plan, "gbk-chinese-headers.csv")
    assert result.encoding == "gb18030"
    assert [(o.region, str(o.value), str(o.period)) for o in result.observations] == [
        ("lanshan", "9800", "2016"),
        ("luozhuang", "7600", "2016"),
    ]
    codes = {f.code for f in result.findings}
    assert codes == {"not-utf8", "indicator-by-name", "thousands-separator"}
    assert all(not f.is_error for f in result.findings)


def test_gb18030_only_characters_survive(plan: Plan) -> None:
    """Characters outside GB2312 (堃, 喆) and in GB18030's four-byte range (䶮) are kept."""
    (obs,) = read(plan, "gb18030-only-characters.csv").observations
    assert "王堃、李喆" in obs.source and "䶮" in obs.note


def test_utf8_with_bom(plan: Plan) -> None:
    """A BOM means UTF-8; the header's first cell is not polluted by it."""
    result = read(plan, "utf8-bom.csv")
    assert result.encoding == "utf-8-sig" and result.findings == []
    assert result.observations[0].region == "hedong"


def test_late_chinese_decides_the_whole_file(plan: Plan, tmp_path: Path) -> None:
    """A mostly-ASCII GBK file whose first Chinese appears after 100 KB is still GB18030."""
    rows = "".join(f"emp.new_urban_jobs,2016-{m:02d},lanshan,{m * 100},,x,\n" for m in range(1, 13))
    padding = "".join(f"pop.resident,2016,lanshan,{i},,padding,{'x' * 80}\n" for i in range(1300))
    text = "indicator,period,region,value,unit,source,note\n" + rows + padding
    assert len(text.encode()) > 100_000
    text += "pov.incidence,2016,,1.7,%,县扶贫办,年末\n"
    path = tmp_path / "late-chinese.csv"
    path.write_bytes(text.encode("gbk"))
    result = read_path(path, PlanLookup(plan), today=TODAY)
    assert result.encoding == "gb18030"
    assert result.observations[-1].source == "县扶贫办"


def test_undecodable_bytes_are_an_encoding_error(plan: Plan) -> None:
    """Bytes that are neither UTF-8 nor GB18030 give encoding-error with line and byte."""
    (finding,) = read(plan, "bad-encoding.csv").findings
    assert (finding.code, finding.line, finding.column_number) == ("encoding-error", 2, 38)
    assert finding.params["byte"] == "ff" and "0xff" in render(finding, "en")[0]


def test_record_start_line_after_a_multiline_note(plan: Plan) -> None:
    """A quoted note over two lines: the next record is reported at the line it starts on."""
    (finding,) = read(plan, "multiline-note.csv").findings
    assert (finding.code, finding.line) == ("unknown-indicator", 4)


def test_header_problems(plan: Plan) -> None:
    """Duplicate (数值 and value), blank and unknown header cells are each reported."""
    found = [(f.code, f.column_number) for f in read(plan, "header-problems.csv").findings]
    assert found == [("duplicate-column", 4), ("blank-header", 5), ("unknown-column", 6)]


def test_semicolon_file_gets_a_hint(plan: Plan) -> None:
    """A file saved with semicolons misses its columns, and the hint says why."""
    missing = [f for f in read(plan, "missing-columns.csv").findings if f.code == "missing-column"]
    assert [f.column for f in missing] == ["indicator", "period", "value"]
    hint = render(missing[0], "en")[1]
    assert hint is not None and "semicolons" in hint


def test_empty_file(plan: Plan) -> None:
    """An empty file is one empty-file error."""
    assert [f.code for f in read(plan, "empty.csv").findings] == ["empty-file"]


def test_future_period_is_an_error(plan: Plan) -> None:
    """A period that has not ended by today is refused."""
    text = "indicator,period,value\nemp.new_urban_jobs,2020-06,100\n"
    result = read_bytes(text.encode(), "x.csv", PlanLookup(plan), today=date(2020, 6, 15))
    assert [f.code for f in result.findings] == ["future-period"]


def test_blank_region_is_the_city(plan: Plan) -> None:
    """An empty region cell means the whole city."""
    text = "indicator,period,value\nemp.new_urban_jobs,2016,85000\n"
    (obs,) = read_bytes(text.encode(), "x.csv", PlanLookup(plan), today=TODAY).observations
    assert obs.region == plan.city.id


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_observations_or_findings(plan: Plan, raw: bytes) -> None:
    """No file content makes the reader raise."""
    read_bytes(raw, "fuzz.csv", PlanLookup(plan), today=TODAY)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_value_cell_gives_a_value_or_a_finding(plan: Plan, cell: str) -> None:
    """Whatever a clerk types as a value, the row is read or a finding says why not."""
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows(
        [["indicator", "period", "value"], ["emp.new_urban_jobs", "2016", cell]]
    )
    result = read_bytes(buf.getvalue().encode(), "cell.csv", PlanLookup(plan), today=TODAY)
    assert result.observations or any(f.is_error or f.code == "blank-row" for f in result.findings)


@pytest.mark.parametrize(
    ("indicator", "cell", "value", "codes"),
    [
        ("emp.new_urban_jobs", "9800人", "9800", ["unit-in-value"]),
        ("emp.new_urban_jobs", "4.9万人", "49000", ["unit-in-value"]),
        ("inc.urban_disposable", "3.2万元", "32000", ["unit-in-value"]),
        ("emp.new_urban_jobs", "9800 persons", "9800", ["unit-in-value"]),
        ("emp.new_urban_jobs", "abc人", None, ["invalid-number"]),
        ("emp.new_urban_jobs", "人", None, ["invalid-number"]),
    ],
)
def test_a_unit_typed_into_the_value_cell(
    plan: Plan, indicator: str, cell: str, value: str | None, codes: list[str]
) -> None:
    """'9800人' or '4.9万人' is read with a warning showing the reading; a unit alone is not a number."""
    text = f"indicator,period,value\n{indicator},2016,{cell}\n"
    result = read_bytes(text.encode(), "x.csv", PlanLookup(plan), today=TODAY)
    assert [o.text for o in result.observations] == ([value] if value else [])
    assert [f.code for f in result.findings] == codes


# Texts a value cell may hold: digits ASCII or full-width, separators, a sign, 万/亿, a
# unit typed after the figure, placeholders and stray words.
_DIGITS = st.text("0123456789０１２３４５６７８９", min_size=1, max_size=7)
_VALUE_TEXTS = st.one_of(
    st.builds(
        lambda sign, whole, sep, more, frac, mag, unit: (
            f"{sign}{whole}{sep}{more}{frac}{mag}{unit}"
        ),
        st.sampled_from(["", "-", "+", "－", "−"]),
        _DIGITS,
        st.sampled_from(["", ",", "，", " ", "."]),
        st.sampled_from(["", "000", "207", "5"]),
        st.sampled_from(["", ".5", ".000", ".30", "．5"]),
        st.sampled_from(["", "万", "亿", "千"]),
        st.sampled_from(["", "人", "万人", "%", "元", "亿元", ":1"]),
    ),
    st.text("0123456789,.万亿人%元 －N/A—无是否", max_size=8),
)
_UNIT_TEXTS = st.sampled_from(["", "人", "万人", "persons", "%", "％", "元", "万元", "吨", "km"])
_INDICATORS = [
    "emp.new_urban_jobs",  # count
    "ss.resident_pension_coverage",  # percent
    "ss.dibao_urban_rural_ratio",  # ratio
    "inc.urban_disposable",  # amount
    "",  # an unknown indicator: the value checked as far as it can be
]


@settings(max_examples=400, deadline=None)
@given(
    indicator=st.sampled_from(_INDICATORS),
    growth=st.booleans(),
    text=_VALUE_TEXTS,
    unit_text=_UNIT_TEXTS,
    pad=st.sampled_from(["", " ", "\u3000"]),
)
def test_a_value_read_through_the_memo_is_the_rule_called_directly(
    plan: Plan, indicator: str, growth: bool, text: str, unit_text: str, pad: str
) -> None:
    """The memo's value — meaning and issues — is the value rule's own, the first time a
    text is seen and every time after."""
    from linyi_tracker.actuals import cells
    from linyi_tracker.actuals.rows import CellMemo

    lookup = PlanLookup(plan)
    memo = CellMemo(lookup, TODAY)
    cell, unit_cell = pad + text + pad, unit_text + pad
    if not indicator:
        direct = ((None, None, None), cells.loose_value_cell(cell.strip()))
    else:
        ind = next(i for i in plan.indicators if i.id == indicator)
        unit, kind = plan.unit_of(ind), lookup.value_types[indicator]
        if growth:
            issues = cells.growth_kind_issues(kind)
            direct = (
                ((None, None, None), issues)
                if issues
                else cells.growth_cell(cell.strip(), unit_cell.strip(), unit)
            )
        else:
            direct = cells.value_cell(
                cell.strip(),
                unit_cell.strip(),
                kind,
                unit,
                lookup.count_totals.get(indicator),
                TODAY,
            )
    key = (memo.profiles[indicator] if indicator else -1, growth, cell, unit_cell)
    for _ in range(2):  # first seen, then from the memo
        (value, word, done_on, number), issues = CellMemo.read(memo.values, key, memo.value_rule)
        assert ((value, word, done_on), list(issues)) == (tuple(direct[0]), direct[1])
        assert number is None or (value is not None and Decimal(repr(number)) == value)


@settings(max_examples=300, deadline=None)
@given(
    column=st.sampled_from(["indicator", "period", "region", "as_of", "measure"]),
    text=st.one_of(
        st.sampled_from(
            [
                "emp.new_urban_jobs",
                "城镇新增就业人数",
                "2017年9月",
                "２０１７-０９",
                "2017年第三季度",
                "2017Q3",
                "2099",
                "兰山区",
                "临沂市兰山区",
                "兰山接到",
                "2019-03-01",
                "2099-01-01",
                "增速",
                "水平值",
                "",
            ]
        ),
        st.text(max_size=12),
    ),
    pad=st.sampled_from(["", " ", "\t"]),
)
def test_a_cell_read_through_the_memo_is_the_rule_called_directly(
    plan: Plan, column: str, text: str, pad: str
) -> None:
    """An indicator, period, region, date or measure cell read through the memo gives the
    rule's own meaning and issues, the first time and every time after."""
    from linyi_tracker.actuals import cells
    from linyi_tracker.actuals.rows import CellMemo

    lookup = PlanLookup(plan)
    memo = CellMemo(lookup, TODAY)
    span = plan.plan.period
    stripped = (pad + text + pad).strip()
    table, rule, direct = {
        "indicator": (memo.indicators, memo.indicator_rule, cells.indicator_cell(lookup, stripped)),
        "period": (
            memo.periods,
            memo.period_rule,
            cells.period_cell(stripped, span.first_data_year, span.end, TODAY),
        ),
        "region": (memo.regions, memo.region_rule, cells.region_cell(lookup, stripped)),
        "as_of": (memo.dates, memo.date_rule, cells.as_of_cell(stripped, TODAY)),
        "measure": (memo.measures, memo.measure_rule, cells.measure_cell(stripped)),
    }[column]
    for _ in range(2):
        meaning, issues = CellMemo.read(table, pad + text + pad, rule)
        assert (meaning, list(issues)) == direct


def test_a_full_memo_table_keeps_the_texts_seen_last(monkeypatch: pytest.MonkeyPatch) -> None:
    """A memo table at its limit drops its older half, not everything: the texts a store's
    files repeat from one file to the next are not read again, and a text read again after
    being dropped gives the same reading."""
    from linyi_tracker.actuals import rows
    from linyi_tracker.actuals.rows import CellMemo

    monkeypatch.setattr(rows, "MEMO_LIMIT", 4)
    calls: list[str] = []

    def rule(text: str) -> tuple[str, list[object]]:
        calls.append(text)
        return text.upper(), []

    table: dict[str, rows.Read] = {}
    for text in ["a", "b", "c", "d", "e"]:
        CellMemo.read(table, text, rule)
    assert list(table) == ["c", "d", "e"]  # a and b dropped when e came, c and d kept
    assert CellMemo.read(table, "d", rule) == ("D", ())
    assert CellMemo.read(table, "a", rule) == ("A", ())
    assert calls == ["a", "b", "c", "d", "e", "a"]


@settings(max_examples=300, deadline=None)
@given(text=st.from_regex(r"-?[0-9]{1,17}(\.[0-9]{1,6})?(E[+-]?[0-9])?", fullmatch=True))
def test_a_figure_goes_as_a_float_only_when_the_float_gives_its_text_back(text: str) -> None:
    """exact_float gives a float only when the float's text is the figure as written (what
    validation's cross-row checks give back for it), and one for every such figure of at
    most MAX_FIGURE_DIGITS characters."""
    from linyi_tracker.actuals.numbers import MAX_FIGURE_DIGITS, exact_float, float_text

    value = Decimal(text)
    shown = str(value)
    number = exact_float(value)
    if number is not None:
        assert float_text(number) == shown and Decimal(float_text(number)) == value
    else:
        assert len(shown) > MAX_FIGURE_DIGITS or float_text(float(shown)) != shown


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_a_fixture_reads_the_same_when_every_text_is_already_known(plan: Plan, path: Path) -> None:
    """Every fixture, example and shipped file reads the same from a fresh memo as from
    one that has seen all its texts (the memo is shared by the files of one read)."""
    raw = path.read_bytes()
    fresh = read_bytes(raw, path.name, PlanLookup(plan), today=TODAY)
    warm_lookup = PlanLookup(plan)
    read_bytes(raw, "before.csv", warm_lookup, today=TODAY)  # every text now in the memo
    warm = read_bytes(raw, path.name, warm_lookup, today=TODAY)
    assert warm.observations == fresh.observations
    assert warm.findings == fresh.findings


# ------------------------------------------------------------------ the cell rules, alone


def test_period_rule_names_the_month_that_does_not_exist() -> None:
    """The period rule, on plain values: '2017-13' is invalid-period in its month form."""
    from linyi_tracker.actuals.cells import period_cell

    period, (issue,) = period_cell("2017-13", 2012, 2020, TODAY)
    assert period is None
    assert (issue.code, issue.form, dict(issue.params)) == (
        "invalid-period",
        "month",
        {"month": 13},
    )


def test_value_rule_converts_a_unit_exactly(plan: Plan) -> None:
    """The value rule, on plain values: 0.98 万人 is 9800 persons, with a unit-converted warning."""
    from decimal import Decimal

    from linyi_tracker.actuals.cells import value_cell

    persons = plan.unit_by_id["persons"]
    (value, word, day), issues = value_cell("0.98", "万人", "number", persons, None, TODAY)
    assert (value, word, day) == (Decimal(9800), None, None)
    assert [i.code for i in issues] == ["unit-converted"]


def test_reader_and_workbook_do_not_import_each_other() -> None:
    """The reader calls the workbook module; the workbook never imports the reader back."""
    import ast

    source = (REPO / "linyi_tracker" / "actuals" / "workbook.py").read_text(encoding="utf-8")
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "linyi_tracker.actuals.reader" not in imported


def test_every_character_the_control_rule_flags_is_unprintable() -> None:
    """The row loop looks for control characters only in a row that is not all printable
    (str.isprintable): every character the control rule flags must be unprintable."""
    from linyi_tracker.actuals.rows import CONTROL

    flagged = [chr(c) for c in range(0x110000) if CONTROL.match(chr(c))]
    assert flagged
    assert not [c for c in flagged if c.isprintable()]


@pytest.mark.parametrize("plan_file", ["data/plan.yaml", "examples/plans/cn-13th-fyp.yaml"])
def test_indicators_sharing_a_memo_entry_read_as_their_own_rule(plan_file: str) -> None:
    """A value memoised under one indicator is, for every other indicator the memo files
    under the same entry, what the value rule gives for that other indicator itself (the
    memo's key leaves out nothing the rule reads)."""
    from linyi_tracker.actuals import cells
    from linyi_tracker.actuals.rows import CellMemo
    from linyi_tracker.plan.loader import read_plan

    plan = read_plan(REPO / plan_file)
    lookup = PlanLookup(plan)
    memo = CellMemo(lookup, TODAY)
    texts = [
        ("4.9万", ""),
        ("13,207", "人"),
        ("69541", "吨"),
        ("92%", ""),
        ("1.5", "万元"),
        ("是", ""),
    ]
    seen = set()
    shared = 0
    for ind in plan.indicators:
        profile = memo.profiles[ind.id]
        shared += profile in seen
        seen.add(profile)
        for text, unit_text in texts:
            key = (profile, False, text, unit_text)
            (value, word, done_on, _), issues = CellMemo.read(memo.values, key, memo.value_rule)
            direct = cells.value_cell(
                text,
                unit_text,
                lookup.value_types[ind.id],
                plan.unit_of(ind),
                lookup.count_totals.get(ind.id),
                TODAY,
            )
            assert ((value, word, done_on), list(issues)) == (tuple(direct[0]), direct[1])
    assert shared  # the plan has indicators that share an entry: the test reads from the memo
