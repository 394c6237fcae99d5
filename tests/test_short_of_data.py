"""A target short of data (数据不足 / insufficient data) shows no figure worked out from
the data it lacks — no time elapsed, schedule gap, progress, pace or projection — and
says instead what is missing and what to do, in every output."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from test_report import WHEN

from conftest import DEMO, FIXTURES, PLAN_FILE, REPO, Result, csv_rows, store_from
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.assessment.engine import assess, assess_all, default_as_of
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.view import TargetView, status_view, target_view

CN_PLAN = REPO / "examples" / "plans" / "cn-13th-fyp.yaml"
CN_DATA = REPO / "examples" / "plans" / "cn-13th-fyp"
DERIVED = ("time_progress", "schedule_gap", "progress", "pace", "projected")


def _views(plan_file: Path, data: Path) -> list[TargetView]:
    """Every target × region of a plan, as of every year of it and every period with a
    figure: the insufficient-data views among them."""
    plan = read_plan(plan_file)
    store = load_store(plan, data)
    regions = [plan.city.id, *(r.id for r in plan.sub_regions)]
    periods = {Period.of_year(y) for y in range(plan.plan.period.start, plan.plan.period.end + 2)}
    periods |= {o.period for o in store.observations}
    out = []
    for as_of in sorted(periods, key=lambda p: p.sort_key):
        view = status_view(plan, store, assess_all(plan, store, as_of, regions))
        out += [v for v in view.targets if v.a.status == "insufficient_data"]
    return out


def _clean(v: TargetView, lang: Lang) -> None:
    """No derived figure on the view nor in any cell made from it; what is missing said.
    A target with every figure but no measurable pace (no-pace) keeps its progress, time
    elapsed and schedule gap: only pace is not there."""
    where = (v.a.target_id, v.a.region, lang)
    assert v.a.pace is None and text.pace(v, lang) == "—", where
    if "no-pace" not in v.a.reasons:
        assert all(getattr(v.a, f) is None for f in DERIVED), where
        assert v.standing is None, where
        assert text.schedule(v, lang) == text.schedule(v, lang, short=True) == "—", where
        assert text.projected(v, lang) == "—", where
    todo, short = text.missing_todo(v, lang), text.missing(v, lang)
    assert todo and short and short in text.status(v, lang), where


@pytest.mark.parametrize(
    ("plan_file", "data"),
    [(PLAN_FILE, REPO / "data"), (PLAN_FILE, DEMO), (CN_PLAN, CN_DATA)],
    ids=["linyi", "linyi-demo", "cn-13th-fyp"],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_insufficient_view_of_the_examples_carries_a_derived_figure(
    plan_file: Path, data: Path, lang: Lang
) -> None:
    """Every insufficient-data target × region of both example plans, as of any year or
    period with a figure, shows no derived figure and says what is missing."""
    views = _views(plan_file, data)
    assert views or data == DEMO
    for v in views:
        _clean(v, lang)


def _view(plan: Plan, target_id: str, as_of: str, *rows: str) -> TargetView:
    return _assessed(plan, store_from(plan, ("t.csv", csv_rows(*rows))), target_id, as_of)


def _assessed(plan: Plan, store: Store, target_id: str, as_of: str) -> TargetView:
    a = assess(plan, store, plan.target_by_id[target_id], parse_period(as_of), plan.city.id)
    assert a.status == "insufficient_data", a
    return target_view(plan, store, a, parse_period(as_of), chart=True)


SHORT = FIXTURES / "short-of-data"
GROWTH_PLAN = FIXTURES / "plans" / "growth-change.yaml"

# One case for each reason a target is short of data (engine.py, text.SHORT_OF): its plan,
# the fixture tests/fixtures/short-of-data/<reason>.csv, the target, as of when, and what
# it lacks in a status cell's words.
CASES = {
    "year-over-only-ytd": (
        PLAN_FILE,
        "emp.new_urban_jobs.annual",
        "2016",
        ("缺2016年全年数", "no full-year 2016 figure"),
    ),
    "missing-years": (
        PLAN_FILE,
        "housing.floor_area_started.2018_2020",
        "2020-06",
        ("缺2018年数据", "no figure for 2018"),
    ),
    "no-starting-point": (
        PLAN_FILE,
        "inc.urban_disposable.2020",
        "2017",
        ("仅2017年一年数据", "only 2017's figure"),
    ),
    "only-growth-figures": (
        PLAN_FILE,
        "inc.urban_disposable.2020",
        "2017",
        ("缺水平值", "no level figure"),
    ),
    "no-pace": (
        PLAN_FILE,
        "ss.employee_insurance_coverage.2020",
        "2017",
        ("无法计算推进速度", "pace not measurable"),
    ),
    "missing-link": (
        GROWTH_PLAN,
        "rd.spending.growth",
        "2022",
        ("缺2021年数据", "no figure for 2021"),
    ),
    "non-positive-level": (
        GROWTH_PLAN,
        "rd.spending.growth",
        "2021",
        ("水平值不大于零", "a level ≤ 0"),
    ),
}


def _case(reason: str) -> TargetView:
    """The view of a case's target on its fixture alone."""
    plan_file, target_id, as_of, _ = CASES[reason]
    plan = read_plan(plan_file)
    text_ = (SHORT / f"{reason}.csv").read_text(encoding="utf-8")
    return _assessed(plan, store_from(plan, (f"{reason}.csv", text_)), target_id, as_of)


def test_every_reason_short_of_data_has_a_case() -> None:
    """Each reason text.SHORT_OF knows has a case here and a named fixture."""
    assert set(CASES) == set(text.SHORT_OF)
    assert {f.stem for f in SHORT.glob("*.csv")} == set(CASES)


@pytest.mark.parametrize("reason", sorted(CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_reason_says_what_is_missing(reason: str, lang: Lang) -> None:
    """Each way of being short of data derives nothing from what it lacks, names the figure
    and year missing, and draws no projection on the chart."""
    v = _case(reason)
    assert reason in v.a.reasons
    _clean(v, lang)
    assert text.missing(v, lang) == CASES[reason][3][0 if lang == "zh" else 1]
    assert v.chart is None or v.chart.projection == []


@pytest.mark.parametrize("reason", sorted(CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_county_table_says_a_reason_as_the_status_cell_does(reason: str, lang: Lang) -> None:
    """A county row short of data for a reason with a few words of its own says the status
    cell's words (仅2017年一年数据), never a second wording of the same reason."""
    v = _case(reason)
    year = parse_period(CASES[reason][2]).year
    assert text.row_reasons([reason], lang, year, v.a.missing_years) == text.missing(v, lang)


COUNTY = SHORT / "county"


@pytest.mark.parametrize(("lang", "said"), [("zh", "缺2021年数据"), ("en", "no figure for 2021")])
def test_a_county_row_names_the_year_its_chain_lacks(
    run: object, tmp_path: Path, lang: Lang, said: str
) -> None:
    """A county whose change from 2020 lacks 2021 (short-of-data/county/missing-link.csv)
    names the year in its reason cell, as the city's status cell does, in the terminal's
    ranking and the workbook's county sheet, not the long reason without a year."""
    assert callable(run)
    openpyxl = pytest.importorskip("openpyxl")
    report = ("report", "2022", "--plan", str(GROWTH_PLAN), "--data", str(COUNTY), "--lang", lang)
    r: Result = run(*report)
    assert r.exit_code == 0
    row = next(
        ln
        for ln in r.stdout.splitlines()
        if ("东县" if lang == "zh" else "East") in ln and "│    1 │" in ln
    )
    assert said in row and t("reason.missing-link", lang) not in r.stdout, row
    out = tmp_path / "r.xlsx"
    assert run(*report, "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out)[t("report.regions", lang)]
    reasons = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert reasons == [said]


@pytest.mark.parametrize("reason", sorted(CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_what_to_do_is_the_reason_and_an_action(reason: str, lang: Lang) -> None:
    """`show`'s sentence is the reason as `show` lists reasons, then the action, which does
    not say the reason again."""
    v = _case(reason)
    todo = text.missing_todo(v, lang)
    said = t(f"reason.{reason}", lang)
    assert todo is not None and todo.startswith(said + ("：" if lang == "zh" else ": "))
    assert said not in todo[len(said) :]


def test_a_sum_with_a_year_missing_has_no_achievement(plan: Plan) -> None:
    """A cumulative sum missing 2018 shows its figure but no achievement or gap: they would
    count the missing year as zero."""
    v = _case("missing-years")
    assert v.a.actual is not None and (v.a.achievement, v.a.gap) == (None, None)
    assert text.achievement(v, "zh") == text.gap(v, "zh") == "—"


def test_a_target_with_no_pace_keeps_its_progress_and_schedule(plan: Plan) -> None:
    """Coverage of 0 in 2015 and 50 % in 2017 has no pace (no growth rate from 0), but its
    progress, time elapsed and schedule gap are all there and shown."""
    v = _view(
        plan,
        "ss.employee_insurance_coverage.2020",
        "2017",
        "ss.employee_insurance_coverage,2015,,0,,s,",
        "ss.employee_insurance_coverage,2017,,50,,s,",
    )
    assert v.a.reasons == ["no-pace"] and v.a.pace is None
    assert v.a.progress == pytest.approx(50 / 92) and v.a.time_progress == pytest.approx(0.4)
    assert v.a.schedule_gap == pytest.approx(50 / 92 - 0.4)
    assert text.schedule(v, "en", short=True) == "+14.3"


def test_show_says_what_to_send_instead_of_a_projection(run: object) -> None:
    """`show` on the shipped Jan–Aug 2016 jobs figure prints no schedule, pace or
    projection, and a line saying which figure of which year to send."""
    assert callable(run)
    for lang, gone, said in (
        ("zh", ("较时序进度", "推进速度", "期末预计", "时序进度"), "报送2016年全年数"),
        ("en", ("vs. schedule", "pace", "projected", "time elapsed"), "send the full-year 2016"),
    ):
        r: Result = run("show", "emp.new_urban_jobs", "--lang", lang)
        assert r.exit_code == 0
        panel = r.stdout.split("╰")[1]  # the target's panel, after the indicator's
        labels = [line.strip("│ ").split("  ")[0] for line in panel.splitlines()]
        assert not [w for w in gone if w in labels], panel
        assert said in " ".join(panel.split()), panel


def _report_2016(run: object, plan_file: Path, data: Path, lang: Lang, *options: str) -> Result:
    """`report 2016` on the plan and data, in ``lang``, with ``options``."""
    assert callable(run)
    found: Result = run(
        "report", "2016", "--plan", str(plan_file), "--data", str(data), "--lang", lang, *options
    )
    return found


def _short_of_data_lines(plan_file: Path, data: Path, lang: Lang) -> dict[str, TargetView]:
    """The report 2016's insufficient-data targets, by id, as `report 2016` builds them."""
    plan = read_plan(plan_file)
    store = load_store(plan, data)
    as_of = default_as_of(store, plan, 2016)
    report = build_report(plan, store, 2016, as_of, generated=WHEN, plan_file="", data_source="")
    lines = [ln for s in report.systems for ln in s.lines if text.missing(ln, lang)]
    assert lines
    return {ln.a.target_id: ln for ln in lines}


REPORTS = pytest.mark.parametrize(
    ("plan_file", "data"),
    [(PLAN_FILE, REPO / "data"), (CN_PLAN, CN_DATA)],
    ids=["linyi", "cn-13th-fyp"],
)


@REPORTS
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_csv_says_what_an_insufficient_target_lacks(
    run: object, tmp_path: Path, plan_file: Path, data: Path, lang: Lang
) -> None:
    """`report 2016 -o r.csv`: the phrase of a short-of-data row says what is missing (缺2016年
    全年数), not only a share of the target that reads like the year's result."""
    assert callable(run)
    lines = _short_of_data_lines(plan_file, data, lang)
    out = tmp_path / "r.csv"
    r = _report_2016(run, plan_file, data, lang, "-o", str(out))
    assert r.exit_code == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    key, said = (
        rows[0].index("目标代码" if lang == "zh" else "target_id"),
        rows[0].index("完成情况" if lang == "zh" else "phrase"),
    )
    shown = {row[key]: row[said] for row in rows[1:] if row[key] in lines}
    assert set(shown) == set(lines)
    for target_id, cell in shown.items():
        assert cell.endswith(str(text.missing(lines[target_id], lang))), (target_id, cell)


@REPORTS
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_workbook_says_what_an_insufficient_target_lacks(
    run: object, tmp_path: Path, plan_file: Path, data: Path, lang: Lang
) -> None:
    """`report 2016 -o r.xlsx`: every sheet's phrase cell of a short-of-data row says what
    is missing."""
    assert callable(run)
    openpyxl = pytest.importorskip("openpyxl")
    lines = _short_of_data_lines(plan_file, data, lang)
    out = tmp_path / "r.xlsx"
    r = _report_2016(run, plan_file, data, lang, "-o", str(out))
    assert r.exit_code == 0
    seen = set()
    for ws in openpyxl.load_workbook(out).worksheets:
        header = [c.value for c in ws[1]]
        if "完成情况" not in header and "phrase" not in header:
            continue
        key = header.index("目标代码" if lang == "zh" else "target_id")
        said = header.index("完成情况" if lang == "zh" else "phrase")
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[key] in lines:
                seen.add(row[key])
                assert str(row[said]).endswith(str(text.missing(lines[row[key]], lang))), row
    assert seen == set(lines)


@REPORTS
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_md_gives_no_bare_share_for_an_insufficient_target(
    run: object, plan_file: Path, data: Path, lang: Lang
) -> None:
    """`report 2016 --format md`: a short-of-data target's share of its target never stands
    alone in a cell (完成年度目标的98.5% for Jan–Aug): it comes with as of when and what is missing."""
    assert callable(run)
    lines = _short_of_data_lines(plan_file, data, lang)
    r = _report_2016(run, plan_file, data, lang, "--format", "md")
    assert r.exit_code == 0
    for v in lines.values():
        bare = text._phrase(v, lang)
        if bare is not None:
            assert f"| {bare} |" not in r.stdout, bare
            assert text.phrase(v, lang) in r.stdout or v.a.kind != "annual"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_puts_what_is_missing_after_the_sources(run: object, lang: Lang) -> None:
    """`show` ends the short-of-data target's panel with what is missing, so the figure's
    source line (data/actuals/employment.csv:2 · …) is not read as part of it."""
    assert callable(run)
    r: Result = run("show", "emp.new_urban_jobs", "--lang", lang)
    panel = r.stdout.split("╰")[1]
    rows = [line.strip("│ ") for line in panel.splitlines() if line.strip("│ ")]
    label = "缺少数据" if lang == "zh" else "Missing"
    at = next(i for i, row in enumerate(rows) if row.startswith(label))
    assert not any("employment.csv" in row for row in rows[at:]), rows[at:]
    assert any("employment.csv" in row for row in rows[:at]), rows


def test_the_report_method_says_a_sum_missing_a_year_has_no_achievement() -> None:
    """The report's rule 6 (zh, en) says a sum missing a year has no achievement or gap, as
    the engine does."""
    assert "不计算完成率和差距" in t("method.rule6", "zh")
    assert "no achievement or gap" in t("method.rule6", "en")
