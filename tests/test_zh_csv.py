"""Every CSV the tool writes under zh: Chinese headers, the ones `validate` reads (one
table, actuals.headers), and figures as the tool shows them beside the exact ones."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_report import demo_report

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals.headers import (
    COLUMNS,
    HEADER_ALIASES,
    INFORMATIVE_COLUMNS,
    REPORT_ZH_HEADERS,
    ZH_HEADERS,
)
from linyi_tracker.actuals.lookup import fold
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import csv_table
from linyi_tracker.sheets import formula_safe
from linyi_tracker.validation.catalogue import COLUMN_WORDS

JOBS_2016 = FIXTURES / "extract" / "linyi-jobs-2016.txt"
Run = Callable[..., Result]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _rows(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))


def _read_by_validate(name: str) -> bool:
    folded = fold(name)
    return folded in HEADER_ALIASES or folded in INFORMATIVE_COLUMNS


def _written(run: Run, tmp_path: Path) -> dict[str, list[str]]:
    """The header row of every CSV the tool writes under zh: report, extract, template."""
    out = tmp_path / "out"
    out.mkdir()
    run(
        "report",
        "2019",
        "--data",
        str(DEMO),
        "--lang",
        "zh",
        "--format",
        "csv",
        "-o",
        str(out / "r.csv"),
    )
    run("extract", str(JOBS_2016), "--period", "2016", "--lang", "zh", "-o", str(out / "x.csv"))
    run("template", "--period", "2017", "--lang", "zh", "-o", str(out / "t.csv"))
    heads = {}
    for path in sorted(out.glob("*.csv")):
        rows = _rows(path.read_text(encoding="utf-8-sig"))
        heads[path.name] = next(r for r in rows if any(_read_by_validate(c) for c in r))
    return heads


def test_every_csv_header_under_zh_is_chinese(run: Run, tmp_path: Path) -> None:
    """Each header of the report's, extract's and the template's CSV under zh is Chinese;
    those of extract and the template (submissions) are names `validate` reads."""
    heads = _written(run, tmp_path)
    assert set(heads) == {"r.csv", "x.csv", "t.csv"}
    for name, header in heads.items():
        for cell in header:
            assert CJK.search(cell), (name, cell)
            assert name == "r.csv" or _read_by_validate(cell), (name, cell)


def test_a_report_csv_given_to_validate_loses_no_column_in_silence(
    run: Run, tmp_path: Path
) -> None:
    """`validate` on the zh report CSV names its figure columns (实际值, 目标值 …) as not
    read, rather than ignoring them: a report is no submission."""
    path = tmp_path / "r.csv"
    run("report", "2019", "--data", str(DEMO), "--lang", "zh", "--format", "csv", "-o", str(path))
    v = run("validate", str(path), "--no-store", "--format", "json")
    unknown = [f for f in json.loads(v.stdout)["findings"] if f["code"] == "unknown-column"]
    assert unknown and "实际值" in json.dumps(unknown, ensure_ascii=False)


def test_a_submission_headed_like_a_report_is_told_its_columns_are_not_read(
    run: Run, tmp_path: Path
) -> None:
    """A clerk's file with 地区代码 and 实际值 headers is told neither is read — 地区代码 as an
    error (column-not-read), for its figures would otherwise be the city's — and is refused
    (the region column was ignored in silence once, then with only a warning)."""
    sub = tmp_path / "s.csv"
    sub.write_text(
        "指标代码,期间,地区代码,实际值,数值,单位\nemp.new_urban_jobs,2017,lanshan,1,1.2万,人\n",
        encoding="utf-8",
    )
    v = run("validate", str(sub), "--no-store", "--format", "json")
    found = {(f["code"], f["column"]) for f in json.loads(v.stdout)["findings"]}
    assert {("column-not-read", "地区代码"), ("unknown-column", "实际值")} <= found, found
    assert v.exit_code == 1


def test_one_table_of_chinese_headers() -> None:
    """Each submission column's Chinese header reads back as that column; no two report
    headers read as the same column."""
    assert set(ZH_HEADERS) == set(COLUMNS)
    for column, name in ZH_HEADERS.items():
        assert HEADER_ALIASES[fold(name)] == column
    folded = [fold(n) for n in REPORT_ZH_HEADERS.values()]
    read = [HEADER_ALIASES[n] for n in folded if n in HEADER_ALIASES]
    assert len(read) == len(set(read))
    for column, word in COLUMN_WORDS.items():
        assert word("zh") == ZH_HEADERS[column] and word("en") == column


def test_every_header_alias_is_folded() -> None:
    """The reader looks each header up folded, so every name it takes is a folded key."""
    assert all(fold(name) == name for name in HEADER_ALIASES)


def test_the_report_csv_under_zh_shows_each_figure_beside_the_exact_one(run: Run) -> None:
    """The rural income's projection keeps 17151.607979 and, beside it, 17,152元 as the
    report shows it; its achievement 0.805 beside 80.5%."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", "--format", "csv")
    header, *rows = _rows(r.stdout)
    row = next(
        dict(zip(header, x, strict=True)) for x in rows if x[3] == "inc.rural_per_capita.2020"
    )
    assert row["期末预计"] == "17151.607979" and row["期末预计（显示）"] == "17,152元"
    assert row["完成率"] == "0.805" and row["完成率（显示）"] == "80.5%"
    assert header.index("期末预计（显示）") == header.index("期末预计") + 1


def test_the_report_csv_in_english_keeps_the_column_ids(run: Run) -> None:
    """Under en the report CSV's header stays the column ids, exact values only."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", "en", "--format", "csv")
    header = _rows(r.stdout)[0]
    assert header[:3] == ["year", "as_of", "system"] and not any("shown" in h for h in header)


def test_extract_under_zh_round_trips_through_validate(run: Run, tmp_path: Path) -> None:
    """A CSV written by `extract --lang zh` has the reader's Chinese header, validates with
    exit 0, and validate names its columns as the file does ([单位], never [unit])."""
    out = tmp_path / "x.csv"
    r = run("extract", str(JOBS_2016), "--period", "2016", "--lang", "zh", "-o", str(out))
    assert r.exit_code == 0
    assert _rows(out.read_text(encoding="utf-8-sig"))[0] == [ZH_HEADERS[c] for c in COLUMNS]
    v = run("validate", str(out), "--no-store", "--lang", "zh")
    assert v.exit_code == 0, v.stdout
    assert "[单位]" in v.stdout and "[unit]" not in v.stdout
    assert "unknown-column" not in v.stdout


def test_the_zh_report_csv_words_kinds_and_systems_as_the_workbook_does(
    run: Run, tmp_path: Path
) -> None:
    """Under zh the CSV's system, kind, comparator and judgement are the workbook's words
    (1 就业创业服务体系, 年度目标, ≥), not codes (employment, annual, >=)."""
    import openpyxl

    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", "--format", "csv")
    header, *rows = _rows(r.stdout)
    run("report", "2019", "--data", str(DEMO), "--lang", "zh", "-o", str(tmp_path / "r.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["各体系目标"]
    book_header = [c.value for c in ws[1]]
    book = {r[book_header.index("目标代码")].value: r for r in ws.iter_rows(min_row=2)}
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        for name in ("体系", "目标类型", "比较", "评价"):
            shown = book[cells["目标代码"]][book_header.index(name)].value
            assert cells[name] == (shown or ""), (cells["目标代码"], name)
        assert CJK.search(cells["体系"]) and CJK.search(cells["目标类型"])


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
def test_the_report_csv_shows_each_figure_as_the_report_table_prints_it(
    plan: Plan, year: int
) -> None:
    """Each shown cell of the zh report CSV is its system table's cell, in the section's
    one column style (万 or not), not a per-row plain style."""
    report = demo_report(plan, year, str(year))
    header, *rows = _rows(csv_table.render(report, "zh").decode("utf-8-sig"))
    by_target = {r[header.index(REPORT_ZH_HEADERS["target_id"])]: r for r in rows}
    # The system table's columns: name, target, actual, achievement, gap, pace, projected.
    shown = {1: "target", 2: "actual", 3: "achievement", 4: "gap", 5: "pace", 6: "projected"}
    compared = 0
    for section in report.systems:
        for line, cells in zip(section.lines, text.system_rows(section.lines, "zh"), strict=True):
            row = by_target[line.a.target_id]
            for i, key in shown.items():
                cell = row[header.index(REPORT_ZH_HEADERS[f"{key}_shown"])]
                if cell:
                    assert cell == formula_safe(cells[i]), (line.a.target_id, key)
                    compared += 1
    assert compared > 0


@pytest.mark.parametrize("period_header", ["时期", "统计期", "报告期"])
def test_a_county_file_headed_with_an_office_word_for_the_period_reads(
    run: Run, tmp_path: Path, period_header: str
) -> None:
    """A GB18030 county file whose period column is headed 时期 / 统计期 / 报告期 (as offices
    head it) and region column 县区 reads its figures: no missing-column error."""
    sub = tmp_path / "县报.csv"
    sub.write_bytes(
        f"指标,{period_header},县区,数值,单位\n城镇新增就业人数,2017年9月,兰山区,1.2万,人\n".encode(
            "gb18030"
        )
    )
    v = run("validate", str(sub), "--no-store", "--format", "json")
    assert v.exit_code == 0, v.stdout
    assert not [f for f in json.loads(v.stdout)["findings"] if f["severity"] != "notice"]
