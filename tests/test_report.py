"""The yearly report: one model, six formats, each checked as a reader would."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DEMO, FIXTURES, REPO, Result, modules_loaded
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.i18n import LABELS
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report, build_report
from linyi_tracker.reporting.render import csv_table, html, json_model, markdown
from linyi_tracker.reporting.view import schedule_standing

Run = Callable[..., Result]
GOLDEN = Path(__file__).resolve().parent / "golden"
WHEN = datetime(2026, 11, 28, 9, 0, 0)


def demo_report(
    plan: Plan, year: int = 2019, as_of: str = "2019", *, shown_from: Path | None = REPO
) -> Report:
    """The 2019 report on the demo data; evidence paths shown from ``shown_from`` (the
    repository, so goldens do not depend on where it is checked out)."""
    store = load_store(plan, DEMO, display_root=shown_from)
    return build_report(
        plan,
        store,
        year,
        parse_period(as_of),
        generated=WHEN,
        plan_file="plan.yaml (embedded)",
        data_source="examples/demo",
    )


def check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_golden(plan: Plan, update_golden: bool, lang: str) -> None:
    """The Markdown report renders exactly as its golden file."""
    check(f"report-2019-{lang}.md", markdown.render(demo_report(plan), lang), update_golden)


def test_json_golden(plan: Plan, update_golden: bool) -> None:
    """The JSON report renders exactly as its golden file."""
    check("report-2019.json", json_model.render(demo_report(plan)), update_golden)


def test_csv_golden(plan: Plan, update_golden: bool) -> None:
    """The CSV report renders byte for byte as its golden file (BOM and CRLF included)."""
    path = GOLDEN / "report-2019-en.csv"
    data = csv_table.render(demo_report(plan), "en")
    if update_golden:
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_terminal_golden(run: Run, tmp_path: Path, update_golden: bool) -> None:
    """The terminal report at a fixed width, no colour, renders as its golden file (time from SOURCE_DATE_EPOCH)."""
    shutil.copytree(DEMO, tmp_path / "demo")
    r = run(
        "report",
        "2019",
        "--data",
        "demo",
        "--lang",
        "zh",
        width=110,
        env={"SOURCE_DATE_EPOCH": "1795856400"},
    )
    assert r.exit_code == 0 and "2026年11月28日 09:00" in r.stdout
    check("report-2019-zh-terminal.txt", r.stdout, update_golden)


def test_report_sections_in_order(plan: Plan) -> None:
    """Cover, summary, annual, systems, regions, completeness, method, sources — in that order."""
    text = markdown.render(demo_report(plan), "en")
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert heads == [
        "## Summary",
        "## Annual targets for 2019",
        "## Targets by system",
        "## Regions",
        "## Data completeness",
        "## Method",
        "## Sources",
    ]


def test_annual_phrase_the_chinese_way(plan: Plan) -> None:
    """The annual target is said as Chinese reports say it, and in English."""
    store = load_store(plan, FIXTURES / "store")
    from linyi_tracker.actuals.reader import PlanLookup, read_bytes

    extra = read_bytes(
        b"indicator,period,value\nemp.new_urban_jobs,2016-08,83700\n",
        "x.csv",
        PlanLookup(plan),
        today=WHEN.date(),
    )
    store.observations.extend(extra.observations)
    report = build_report(
        plan, store, 2016, parse_period("2016-08"), generated=WHEN, plan_file="p", data_source="d"
    )
    line = report.line("emp.new_urban_jobs.annual")
    assert text.phrase(line, "zh") == "完成年度目标的98.5%，超时序进度31.8个百分点"
    assert (
        text.phrase(line, "en") == "98.5 % of the annual target, ahead of schedule by 31.8 points"
    )


@pytest.mark.parametrize(
    ("gap", "standing"),
    [(0.318039, "ahead"), (0.0004, "on_schedule"), (-0.0004, "behind"), (-0.0006, "behind")],
)
def test_ahead_or_behind_is_decided_at_the_point_shown(gap: float, standing: str) -> None:
    """A gap from 0 to 0.05 points is on schedule (shown 0.0); any gap below 0 is behind
    and shown as at least −0.1 (a shown figure never rounds across 0)."""
    assert schedule_standing(gap) == standing


def test_history_met_in_n_of_m(plan: Plan) -> None:
    """The demo's jobs target, as of 2019, was met in 4 of the 5 years 2015–2019 (2019 included)."""
    assert demo_report(plan).line("emp.new_urban_jobs.annual").met_years == (4, 5)


def test_level_chart_has_the_required_path(plan: Plan) -> None:
    """Rural income's chart runs the required path from the 2015 figure to 20,000 in 2020, compounding."""
    chart = demo_report(plan).line("inc.rural_per_capita.2020").chart
    assert chart is not None and chart.kind == "level"
    assert chart.required[0] == (2015.0, 12500.0)
    assert chart.required[-1] == (2020.0, pytest.approx(20000.0))
    rate = (20000 / 12500) ** (1 / 5)
    assert chart.required[2][1] == pytest.approx(12500 * rate**2)
    assert chart.projection[0] == (2019.0, 16100.0)


def test_components_follow_their_whole(plan: Plan) -> None:
    """In the housing section the parts come right after the whole."""
    housing = next(s for s in demo_report(plan).systems if s.id == "housing")
    ids = [ln.target_id for ln in housing.lines]
    whole = ids.index("housing.affordable_units.2015")
    assert ids[whole + 1 : whole + 3] == [
        "housing.public_rental_units_new.2015",
        "housing.shantytown_households.2015",
    ]


def test_regions_ranked_and_non_reporters_named(plan: Plan) -> None:
    """Security sense is ranked by achievement against 97 %; jobs by value."""
    report = demo_report(plan)
    security = next(r for r in report.regions if r.indicator == "safety.public_security_sense")
    assert security.ranked_by == "achievement"
    achieved = [r.achievement for r in security.rows]
    assert achieved == sorted(achieved, reverse=True) and len(security.rows) == 12
    jobs = next(r for r in report.regions if r.indicator == "emp.new_urban_jobs")
    assert jobs.ranked_by == "value" and jobs.missing == []


def test_completeness_names_what_is_missing(plan: Plan) -> None:
    """Targets without a 2019 figure are listed with their last figure and who should report."""
    gaps = {g.target_id: g for g in demo_report(plan).completeness}
    assert "housing.affordable_units.2015" not in gaps  # not due in 2019
    pension = demo_report(plan, 2020, "2020-06").completeness
    assert any(
        g.target_id == "ss.resident_pension_coverage.2020" and str(g.last_period) == "2019"
        for g in pension
    )


@pytest.mark.parametrize(("lang", "shown"), [("en", "27,624 (2012)"), ("zh", "2.7624万（2012年）")])
def test_the_last_figure_is_shown_as_every_figure_is(lang: str, shown: str) -> None:
    """The completeness table's last figure is grouped (27,624) in English and in 万 in
    Chinese, as the project's figure formatting writes every figure; words stay words."""
    from linyi_tracker.reporting.model import DataGap

    def gap(value: str) -> DataGap:
        return DataGap("t", "i", "指标", "indicator", parse_period("2012"), value, "", "")

    assert text.last_figure(gap("27624"), lang) == shown
    assert text.last_figure(gap("done"), "en") == "done (2012)"


@pytest.mark.parametrize(
    ("lang", "percent", "ratio", "yuan"),
    [("en", "60 % (2019)", "1.62:1 (2019)", "16,100 yuan (2019)"),
     ("zh", "60%（2019年）", "1.62:1（2019年）", "1.61万元（2019年）")],
)  # fmt: skip
def test_the_last_figure_carries_its_unit(
    plan: Plan, lang: str, percent: str, ratio: str, yuan: str
) -> None:
    """The completeness table's last figure is said with its unit, as every table says it:
    the medical-assistance ratio's 60 is 60 %, never a bare 60 beside a table's 60.0 %."""
    report = demo_report(plan, 2020, "2020-06")
    shown = {g.target_id: text.last_figure(g, lang) for g in report.completeness}  # type: ignore[arg-type]
    assert shown["ss.medical_assistance_ratio.2020"] == percent
    assert shown["ss.dibao_urban_rural_ratio.2020"] == ratio
    assert shown["inc.rural_per_capita.2020"] == yuan


def test_html_is_self_contained_with_one_chart_per_quantitative_target(plan: Plan) -> None:
    """Every section is there, one SVG per level/annual/cumulative target, no external URL."""
    report = demo_report(plan)
    page = html.render(report, "en")
    for section in (
        "cover",
        "summary",
        "annual",
        "systems",
        "regions",
        "completeness",
        "method",
        "sources",
    ):
        assert f'id="{section}"' in page
    from linyi_tracker.reporting.render.charts import report_specs

    drawn = report_specs(report, "en")
    assert page.count("<svg") == len(drawn) == len(re.findall(r'<figure class="chart', page))
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<link" not in page and "<script" not in page
    assert "@media print" in page and "break-after: avoid" in page
    assert "break-before: page" not in page  # no forced break before every system


def test_hostile_text_is_escaped_and_neutralised(plan: Plan, tmp_path: Path) -> None:
    """A note with a formula or a script is inert in HTML, CSV and Excel."""
    store = load_store(plan, FIXTURES / "hostile")
    report = build_report(
        plan, store, 2019, parse_period("2019"), generated=WHEN, plan_file="p", data_source="d"
    )
    page = html.render(report, "en", charts=False)
    assert "<script>" not in page and "&lt;script&gt;" in page
    rows = list(csv.reader(io.StringIO(csv_table.render(report, "en").decode("utf-8-sig"))))
    sources = [r[rows[0].index("sources")] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","click")' in sources
    assert not any(
        s.startswith(("=", "+", "-", "@")) for r in rows[1:] for s in r if not _is_number(s)
    )
    from linyi_tracker.reporting.render.excel import write

    write(report, "en", tmp_path / "r.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert not (isinstance(v, str) and v.startswith(("=", "+", "@"))), v


def _is_number(s: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", s))


def test_xlsx_has_the_numbers(run: Run, tmp_path: Path, plan: Plan) -> None:
    """The Excel report opens with openpyxl; numbers are numbers, a sheet per section."""
    import openpyxl

    r = run("report", "2019", "--data", str(DEMO), "-o", "r.xlsx", "--lang", "en")
    assert r.exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert len(book.sheetnames) == 8
    ws = book["Targets by system"]
    header = [c.value for c in ws[1]]
    jobs = next(
        row
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row[header.index("target_id")] == "emp.new_urban_jobs.annual"
    )
    assert jobs[header.index("actual")] == 85900 and jobs[header.index("target")] == 85000
    assert jobs[header.index("achievement")] == 1.011  # 85900 / 85000, as shown: 101.1 %
    assert ws.freeze_panes == "A2"


def test_cli_json_equals_the_library_model(run: Run, plan: Plan) -> None:
    """`report --format json` is the library's model dumped whole."""
    r = run("report", "2019", "--data", str(DEMO), "--format", "json", "--as-of", "2019")
    printed = json.loads(r.stdout, parse_float=Decimal)  # figures exact, as the model has them
    model = demo_report(plan, shown_from=None).to_dict()  # the CLI shows absolute paths here
    printed.pop("generated"), model.pop("generated")
    printed.pop("plan_file"), model.pop("plan_file")
    printed.pop("data_source"), model.pop("data_source")
    assert printed == as_decimals(model)


def as_decimals(value: object) -> object:
    """The model's floats (rounded fractions) as the decimals their JSON text reads as."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: as_decimals(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_decimals(v) for v in value]
    return value


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "xlsx", "docx", "txt"])
def test_every_format_from_the_file_extension(run: Run, tmp_path: Path, fmt: str) -> None:
    """-o report.<ext> picks the format; the file is written whole."""
    r = run("report", "2019", "--data", str(DEMO), "-o", f"report.{fmt}")
    assert r.exit_code == 0 and (tmp_path / f"report.{fmt}").stat().st_size > 1000


def test_report_on_the_shipped_data(run: Run) -> None:
    """`report 2016` on the embedded published figures works."""
    r = run("report", "2016", "--lang", "en")
    assert r.exit_code == 0 and "progress report 2016" in r.stdout


def test_report_usage_errors(run: Run) -> None:
    """An as-of outside the year, xlsx without a file, an unknown extension or a year outside the plan exit 2."""
    assert run("report", "2019", "--as-of", "2018-06").exit_code == 2
    assert run("report", "2019", "--format", "xlsx").exit_code == 2
    assert run("report", "2019", "-o", "report.pdf").exit_code == 2
    outside = run("report", "2030")
    assert outside.exit_code == 2 and "outside the plan's years 2015–2020" in outside.stderr


def test_report_labels_exist_in_both_languages() -> None:
    """Every report label is translated: no English left in the Chinese report and vice versa."""
    report_keys = [k for k in LABELS if k.startswith(("report.", "method."))]
    assert report_keys and all(
        LABELS[k]["zh"] != LABELS[k]["en"] for k in report_keys if k != "report.none"
    )


def test_status_does_not_import_the_report_libraries(tmp_path: Path) -> None:
    """`status` loads none of matplotlib, openpyxl, python-docx, Jinja2 (their cost stays with the report)."""
    heavy = {"matplotlib", "openpyxl", "hypothesis", "docx", "jinja2"}
    loaded = modules_loaded("status", cwd=tmp_path)
    assert sorted(m for m in loaded if m.split(".")[0] in heavy) == []


def test_missing_plotting_library_is_a_message_not_a_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib (a --no-deps install), the HTML report says what to install, exit 2."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "matplotlib" else real(name, *a),
    )
    r = run("report", "2019", "--data", str(DEMO), "-o", "r.html")
    assert r.exit_code == 2 and "pip install matplotlib" in r.stderr


def test_writing_into_a_missing_folder_is_a_message(run: Run) -> None:
    """-o into a folder that does not exist: exit 2 naming the folder, nothing written, no traceback."""
    r = run("report", "2019", "--data", str(DEMO), "-o", "no/such/folder/report.md")
    assert r.exit_code == 2 and "folder not found: no/such/folder" in r.stderr
    t = run("template", "--period", "2017", "-o", "no/such/folder/t.csv")
    assert t.exit_code == 2 and "folder not found" in t.stderr


def test_markdown_makes_plan_and_data_text_inert(plan: Plan) -> None:
    """Sources with <script>, <img onerror>, and [x](javascript:…) links render as text in
    the Markdown report: no HTML tag, no link or image syntax survives (issue 13.15)."""
    store = load_store(plan, FIXTURES / "markdown-injection")
    report = build_report(
        plan, store, 2019, parse_period("2019"), generated=WHEN, plan_file="p", data_source="d"
    )
    page = markdown.render(report, "en")
    assert "\\<script\\>alert(1)\\</script\\>" in page
    assert "\\<img src=x onerror=alert(1)\\>" in page
    assert not re.search(r"(?<!\\)<", page)  # every < is escaped: no HTML tag can open
    assert not re.search(r"(?<!\\)\]\(", page)  # no unescaped "](": no link or image
    assert "\\[click\\](javascript:alert(1))" in page
    assert "\\*\\*bold\\*\\*" in page and "\\`code\\`" in page


# --------------------------------------------- words and figures agree (issue: trust)


def test_behind_schedule_list_holds_only_targets_open_in_the_report_year(plan: Plan) -> None:
    """The 2019 list leaves out 城市棚户区改造户数 (a 2015 target, missed): only open targets."""
    report = demo_report(plan)
    assert "housing.shantytown_households.2015" not in report.most_behind
    for tid in report.most_behind:
        a = report.line(tid).a
        assert a.deadline >= 2019 and a.status in {"on_track", "at_risk", "off_track"}


def test_a_level_phrase_names_the_progress_its_schedule_gap_is_measured_on(plan: Plan) -> None:
    """'达到目标值的75.0%' is followed by the progress from 2015 before '落后时序进度91.1个百分点'."""
    line = demo_report(plan).line("ss.medical_assistance_ratio.2020")
    zh = text.phrase(line, "zh")
    en = text.phrase(line, "en")
    assert (
        zh == "达到目标值的75.0%；较2015年起点反向变动，进展为\u221211.1%，落后时序进度91.1个百分点"
    )
    assert en is not None and "2015 starting point (progress \u221211.1 %)" in en
    assert en.endswith("behind schedule by 91.1 points")


def test_a_level_whose_start_met_the_target_says_no_schedule(plan: Plan, tmp_path: Path) -> None:
    """河东 公众安全感 (97.9 → 95.7 against > 97) reads '已达标后回落', never '超 177.8'."""
    from linyi_tracker.assessment.engine import assess
    from linyi_tracker.reporting.view import target_view

    store = load_store(plan, DEMO)
    target = plan.target_by_id["safety.public_security_sense.2020"]
    region = next(r.id for r in plan.regions if r.name.zh == "河东区")
    a = assess(plan, store, target, parse_period("2019"), region)
    v = target_view(plan, store, a, parse_period("2019"))
    assert text.schedule(v, "zh") == "—" and text.phrase(v, "zh") == "达到目标值的98.7%"
    assert text.status(v, "zh") == "明显滞后 · 已达标后回落"
    assert text.status(v, "en") == "off track · fell back after meeting it"
