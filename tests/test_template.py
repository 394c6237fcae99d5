"""template: a blank submission that validates once its values are filled."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Result
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.intake.template import template_rows, to_csv
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]


def fill(row: dict[str, str]) -> str:
    """What a clerk would type, by the row's help text (a whole larger than its parts)."""
    hint = row["help"]
    if row["indicator"] == "housing.affordable_units":
        return "49000"
    if "已达成" in hint:
        return "正常推进"
    if "是/否" in hint:
        return "是"
    if "数量" in hint:
        return "12"
    if row["unit"] == ":1":
        return "1.6"  # a ratio on its target's scale (1200:1 is an implausible-value)
    return "95.5" if row["unit"] == "%" else "1200"


@pytest.mark.parametrize(
    ("period", "region"),
    [("2017", "linyi"), ("2017", "lanshan"), ("2019-09", "linyi"), ("2015", "yinan")],
)
def test_filled_csv_template_validates_clean(
    plan: Plan, tmp_path: Path, period: str, region: str
) -> None:
    """Fill every value of a generated template, change nothing else: no errors, no warnings."""
    raw = to_csv(template_rows(plan, parse_period(period), region)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert rows
    for row in rows:
        row["value"] = fill(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "filled.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    report = validate([str(path)], plan, store=None, keep_observations=True)
    assert [f for f in report.findings if f.severity.value != "notice"] == []
    assert len(report.observations) == len(rows)


def test_csv_template_has_a_bom(plan: Plan) -> None:
    """Excel opens Chinese correctly only with the UTF-8 BOM."""
    assert to_csv(template_rows(plan, parse_period("2017"), "linyi")).startswith(b"\xef\xbb\xbf")


def test_monthly_template_has_only_year_to_date_indicators(plan: Plan) -> None:
    """A month asks only for flow (year-to-date) indicators."""
    rows = template_rows(plan, parse_period("2019-09"), "linyi")
    assert {r.indicator for r in rows} == {
        i.id
        for i in plan.indicators
        if i.flow
        and i.id != "housing.affordable_units"
        and plan.targets_of(i.id)
        and all(t.deadline >= 2019 for t in plan.targets_of(i.id))
    } | {"pov.lifted_out"}


def test_county_template_leaves_out_city_milestones(plan: Plan) -> None:
    """A county is not asked about the citizen centre or the city's judgements."""
    ids = {r.indicator for r in template_rows(plan, parse_period("2015"), "lanshan")}
    assert "gov.citizen_centre" not in ids and "edu.modernisation" not in ids
    assert {"emp.new_urban_jobs", "edu.balanced_counties", "ss.employee_insurance_coverage"} <= ids


def choices(book: Any, formula: str | None) -> list[str]:
    """The values a drop-down offers: its list range read from the workbook."""
    if not formula or "!" not in formula:
        return []
    sheet, _, cells = formula.partition("!")
    ws = book[sheet.strip("'")]
    return [str(c.value) for row in ws[cells.replace("$", "")] for c in row]


def test_xlsx_template_has_drop_downs_and_locks(run: Run, tmp_path: Path) -> None:
    """The workbook has drop-down lists and a protected sheet with editable value cells."""
    import openpyxl

    r = run("template", "--period", "2017", "-o", "city.xlsx")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "city.xlsx")
    ws = book.active
    assert ws is not None and ws.protection.sheet
    lists = [choices(book, dv.formula1) for dv in ws.data_validations.dataValidation]
    assert any("兰山区" in c for c in lists) and any("on track" in c for c in lists)
    header = [c.value for c in ws[3]]  # below the title and the sign-off line
    assert ws.cell(row=4, column=header.index("value") + 1).protection.locked is False
    assert ws.cell(row=4, column=header.index("indicator") + 1).protection.locked is True


def test_filled_xlsx_template_validates_clean(run: Run, tmp_path: Path) -> None:
    """Filling the workbook's value cells is all a clerk needs to do."""
    import openpyxl

    run("template", "--period", "2017", "--region", "河东区", "-o", "hedong.xlsx")
    book = openpyxl.load_workbook(tmp_path / "hedong.xlsx")
    ws = book.active
    assert ws is not None
    header = [str(c.value) for c in ws[3]]
    for row in ws.iter_rows(min_row=4):
        cells = dict(zip(header, row, strict=False))
        cells["value"].value = fill({k: str(v.value or "") for k, v in cells.items()})
    book.save(tmp_path / "hedong.xlsx")
    r = run("validate", "hedong.xlsx", "--no-store", "--strict")
    assert r.exit_code == 0, r.stdout


def test_template_to_stdout_and_errors(run: Run) -> None:
    """CSV goes to stdout without -o; xlsx needs -o; an unknown region or a year outside the plan exits 2."""
    assert run("template", "--period", "2017").stdout.startswith("\ufeffindicator,")
    assert run("template", "--period", "2017", "--format", "xlsx").exit_code == 2
    assert run("template", "--period", "2017", "--region", "nowhere").exit_code == 2
    assert run("template", "--period", "2030").exit_code == 2


ZH_KEYS = {"指标代码": "indicator", "单位": "unit", "填写说明": "help", "数值": "value"}


def _zh_fill(row: dict[str, str]) -> str:
    """fill() for a Chinese template's columns (its help is in Chinese only)."""
    return fill({ZH_KEYS.get(k, k): v for k, v in row.items()})


@pytest.mark.parametrize(("period", "region"), [("2019", "lanshan"), ("2017", "linyi")])
def test_filled_zh_csv_template_validates_clean(
    plan: Plan, tmp_path: Path, period: str, region: str
) -> None:
    """A Chinese CSV template (title, sign-off line, Chinese headers) filled in validates clean."""
    raw = to_csv(template_rows(plan, parse_period(period), region), "zh").decode("utf-8-sig")
    lines = raw.splitlines()
    assert lines[1].startswith("填报单位：") and lines[2].startswith("指标代码,指标名称,数值")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[2:]))))
    for row in rows:
        row["数值"] = _zh_fill(row)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([next(csv.reader([lines[0]])), next(csv.reader([lines[1]]))])
    writer.writerow(list(rows[0]))
    writer.writerows(list(r.values()) for r in rows)
    path = tmp_path / "filled.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    report = validate([str(path)], plan, store=None, keep_observations=True)
    assert [f for f in report.findings if f.severity.value != "notice"] == []
    assert len(report.observations) == len(rows)


def test_filled_zh_xlsx_template_validates_clean(run: Run, tmp_path: Path) -> None:
    """Filling the value cells and the sign-off line of a Chinese workbook is all a clerk does."""
    import openpyxl

    r = run("template", "--period", "2019", "--region", "lanshan", "--lang", "zh", "-o", "t.xlsx")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    ws = book.active
    assert ws is not None and ws["A2"].value == "填报单位："
    header = [str(c.value) for c in ws[3]]
    assert header[:3] == ["指标代码", "指标名称", "数值"]
    for row in ws.iter_rows(min_row=4):
        cells = dict(zip(header, row, strict=False))
        cells["数值"].value = _zh_fill({k: str(v.value or "") for k, v in cells.items()})
    signed = {"B2": "兰山区统计局", "D2": "张三", "F2": "李四", "H2": "2020-01-15"}
    for ref, value in signed.items():
        ws[ref] = value
    book.save(tmp_path / "t.xlsx")
    r = run("validate", "t.xlsx", "--no-store")
    assert r.exit_code == 0, r.stdout


def test_xlsx_value_cells_take_a_decimal_with_an_input_message(run: Run, tmp_path: Path) -> None:
    """Each number's value cell has decimal validation and a prompt saying the unit."""
    import openpyxl

    run("template", "--period", "2019", "--region", "lanshan", "--lang", "zh", "-o", "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert ws is not None
    decimals = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"]
    assert decimals and all(dv.showInputMessage and dv.prompt for dv in decimals)
    assert "C4" in {str(ref) for dv in decimals for ref in dv.sqref.ranges}
    assert any("单位：人" in (dv.prompt or "") for dv in decimals)


def test_xlsx_template_prints_legibly(run: Run, tmp_path: Path) -> None:
    """A4 landscape, the header row repeated on every page; too wide for one page at 8 pt,
    it prints in column groups at full size, the indicator's id and name repeated on each."""
    import openpyxl

    run("template", "--period", "2019", "--region", "lanshan", "-o", "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert ws is not None
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale >= 80
    assert ws.print_title_cols == "$A:$C" and len(ws.col_breaks.brk) >= 1  # id, name_zh, name_en
    assert ws.print_title_rows == "$3:$3"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_csv_template_cell_encodes_in_gbk(plan: Plan, lang: str) -> None:
    """A clerk's Excel may save the CSV as GBK: every cell of every template can be (no m²)."""
    for region in [r.id for r in plan.regions]:
        for period in ("2015", "2017", "2019", "2019-09"):
            rows = template_rows(plan, parse_period(period), region)
            text = to_csv(rows, lang).decode("utf-8-sig")  # type: ignore[arg-type]
            text.encode("gbk")


def test_help_keeps_chinese_punctuation(plan: Plan) -> None:
    """Making m² GBK-safe does not turn the help's ，and ：into ASCII."""
    rows = template_rows(plan, parse_period("2019"), "lanshan")
    area = next(r for r in rows if r.indicator == "housing.floor_area_started")
    assert area.help.startswith("填数字，单位：") and "m²" not in area.help


def test_region_drop_down_holds_every_name_whole(run: Run, tmp_path: Path) -> None:
    """31 regions (past Excel's 255-character literal), a comma and a quote in a name:
    the drop-down offers each name whole, from a list range on a hidden sheet."""
    import openpyxl

    from conftest import PLAN_FILE

    text = PLAN_FILE.read_text(encoding="utf-8")
    extra = [f"第{n}号扶贫开发重点测试县" for n in range(16)] + ["甲县,乙县", '丙"县']
    lines = "".join(
        f"  - {{id: extra{n}, level: county, name: {{zh: '{name}', en: 'Extra {n}'}}}}\n"
        for n, name in enumerate(extra)
    )
    anchor = "regions:\n"
    assert anchor in text
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace(anchor, anchor + lines, 1), encoding="utf-8")
    r = run("template", "--period", "2017", "--plan", str(plan), "-o", "t.xlsx")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    ws = book.active
    assert ws is not None
    offered = [choices(book, dv.formula1) for dv in ws.data_validations.dataValidation]
    regions = next(c for c in offered if "兰山区" in c)
    assert len(regions) == 31 and {"甲县,乙县", '丙"县'} <= set(regions)
    assert len(",".join(regions)) > 255
    assert book["lists"].sheet_state == "hidden"


@pytest.mark.parametrize(("lang", "lists"), [("zh", "下拉选项"), ("en", "lists")])
def test_a_filled_template_is_not_told_of_its_own_choice_lists(
    run: Run, tmp_path: Path, lang: str, lists: str
) -> None:
    """The hidden sheet of drop-down choices (named in the template's language) is the
    tool's own: validating a filled template gives no hidden-sheets notice for it, while a
    clerk's own hidden sheet with figures is still named."""
    import openpyxl

    r = run("template", "--period", "2019", "--region", "lanshan", "--lang", lang, "-o", "t.xlsx")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book[lists].sheet_state == "hidden"
    r = run("validate", "t.xlsx", "--no-store", "--format", "json")
    assert "hidden-sheets" not in [f["code"] for f in json.loads(r.stdout)["findings"]]
    workings = book.create_sheet("workings")
    workings["A1"] = 8800
    workings.sheet_state = "hidden"
    book.save(tmp_path / "t.xlsx")
    r = run("validate", "t.xlsx", "--no-store", "--format", "json")
    found = json.loads(r.stdout)["findings"]
    named = [f["params"]["sheets"] for f in found if f["code"] == "hidden-sheets"]
    assert "'workings'" in named and not any(lists in n for n in named)


@pytest.mark.parametrize(
    ("period", "lang", "expected"),
    [
        ("2020-09", "zh", "兰山区2020年9月民生指标报送表"),
        ("2020年第三季度", "zh", "兰山区2020年第3季度民生指标报送表"),
        ("2020", "zh", "兰山区2020年民生指标报送表"),
        ("2020-09", "en", "Livelihood indicators: Lanshan District, Sep 2020"),
        ("2020Q3", "en", "Livelihood indicators: Lanshan District, 2020 Q3"),
    ],
)
def test_a_workbook_template_s_title_says_its_period_and_region_as_people_write_them(
    run: Run, tmp_path: Path, period: str, lang: str, expected: str
) -> None:
    """The title reads 2020年9月 / Sep 2020 (not 2020-09), the region in the title's language."""
    import openpyxl

    args = ("template", "--period", period, "--region", "兰山", "--lang", lang, "-o", "t.xlsx")
    assert run(*args).exit_code == 0
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert ws is not None and ws["A1"].value == expected


def test_a_judgement_row_offers_the_words_the_outputs_show(plan: Plan) -> None:
    """The help and the drop-down offer 已达成 … 未达成 / on track …, the words status shows
    and the invalid-status-word hint lists (they offered 已实现/未实现 and on_track)."""
    from linyi_tracker.intake.template import JUDGEMENT_CHOICES, JUDGEMENT_CHOICES_ZH
    from linyi_tracker.texts.labels import LABELS

    statuses = ("achieved", "on_track", "at_risk", "off_track", "missed")
    zh = tuple(LABELS[f"status.{s}"]["zh"] for s in statuses)
    en = tuple(LABELS[f"status.{s}"]["en"] for s in statuses)
    assert (zh, en) == (JUDGEMENT_CHOICES_ZH, JUDGEMENT_CHOICES)
    (row, *_) = [
        r for r in template_rows(plan, parse_period("2019"), "linyi") if r.kind == "judgement"
    ]
    zh_help, _, en_help = row.help.partition(" | ")
    assert zh_help.startswith("填：" + "/".join(zh) + "，")
    assert en_help.startswith(", ".join(en) + ";")


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "2020年9月、兰山区"), ("en", "Sep 2020, Lanshan")]
)
def test_the_written_message_says_the_period_as_the_title_does(
    run: Run, lang: str, said: str
) -> None:
    """'已写入 t.xlsx：2020年9月、兰山区，共5行' (was 2020-09), as the sheet's title says it."""
    r = run("template", "--period", "2020-09", "--region", "兰山", "--lang", lang, "-o", "t.xlsx")
    assert r.exit_code == 0 and said in r.stderr, r.stderr
