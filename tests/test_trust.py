"""Figures a reader can trust: the words and the figures agree, counts count what they say."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, REPO, Result
from linyi_tracker.actuals.periods import Period, parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import Assessment, assess
from linyi_tracker.plan.models import LevelTarget, Plan
from linyi_tracker.reporting.view import behind_schedule, schedule_standing

Run = Callable[..., Result]


def test_status_for_every_region_counts_target_region_rows_and_says_so(run: Run) -> None:
    """`status --region all` counts the target × region rows it draws, named as rows (it
    said '217个目标暂无数据' for a plan of 28 targets)."""
    r = run("status", "--data", str(DEMO), "--region", "all", "--lang", "zh", width=200)
    assert r.exit_code == 0
    m = re.search(r"状态汇总（目标×地区，共(\d+)行）：(.*)", r.stdout)
    assert m is not None, r.stdout
    total = int(m.group(1))
    counted = sum(int(n) for n in re.findall(r" (\d+)", m.group(2)))
    assert counted == total
    missing = re.search(r"(\d+)个目标×地区行暂无数据", r.stdout)
    assert missing is not None and int(missing.group(1)) <= total
    assert "个目标暂无数据" not in r.stdout


def test_status_for_the_city_counts_targets(run: Run) -> None:
    """Without --region the counts are of targets, and add up to the plan's 28 targets."""
    r = run("status", "--data", str(DEMO), "--lang", "en", width=200)
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("Targets by status:"))
    assert sum(int(n) for n in re.findall(r" (\d+)", line)) == 28


def test_status_json_has_no_schedule_for_a_start_that_met_the_target(run: Run) -> None:
    """河东's 公众安全感 in JSON: schedule_gap, progress and pace null, status off_track."""
    r = run(
        "status", "--data", str(DEMO), "--region", "河东", "--as-of", "2019", "--format", "json"
    )
    entry = next(
        e for e in json.loads(r.stdout)["targets"] if e["target_id"].startswith("safety.public")
    )
    assert entry["schedule_gap"] is None and entry["progress"] is None and entry["pace"] is None
    assert entry["status"] == "off_track" and entry["regressing"] is True
    assert entry["schedule"] is None and "fell-back" in entry["reasons"]


# ------------------------------------------------------------------ invariants
# Over every target × region × as-of period of the example data and the shipped data:
# the words and the figures agree. These caught nothing by hand-picked cases; they are
# here so that the next such case is caught by a test, not by a reader.

AS_OF = [f"{y}" for y in range(2015, 2022)] + ["2016Q2", "2017-08", "2019Q3", "2020-06"]


def _every_assessment(plan: Plan, data: str) -> list[tuple[Period, Assessment]]:
    store = load_store(plan, REPO / data)
    out = []
    for text in AS_OF:
        p = parse_period(text)
        for region in plan.regions:
            for target in plan.targets:
                out.append((p, assess(plan, store, target, p, region.id)))
    return out


@pytest.fixture(scope="module", params=["examples/demo", "data/actuals"])
def assessed(request: pytest.FixtureRequest, plan: Plan) -> list[tuple[Period, Assessment]]:
    return _every_assessment(plan, str(request.param))


def _direction(plan: Plan, a: Assessment) -> int:
    return -1 if plan.indicator_by_id[a.indicator].direction == "lower" else 1


def test_never_ahead_of_schedule_beside_off_track_or_regressing(
    assessed: list[tuple[Period, Assessment]],
) -> None:
    """No target × region × period reads 'ahead of schedule' beside off track or regressing."""
    for p, a in assessed:
        if schedule_standing(a.schedule_gap) == "ahead":
            assert a.status != "off_track" and not a.regressing, (str(p), a.target_id, a.region)


def test_a_level_is_achieved_exactly_when_its_comparator_holds(
    plan: Plan, assessed: list[tuple[Period, Assessment]]
) -> None:
    """A level target is achieved exactly when the latest figure meets the comparator
    (≈ within its tolerance)."""
    for p, a in assessed:
        target = plan.target_by_id[a.target_id]
        if not isinstance(target, LevelTarget) or a.actual is None or a.target is None:
            continue
        if "region-no-target" in a.reasons:
            continue
        d = _direction(plan, a)
        tol = target.tolerance if target.tolerance is not None else plan.assessment.tolerance
        holds = {
            ">=": a.actual >= a.target,
            ">": a.actual > a.target,
            "<=": a.actual <= a.target,
            "<": a.actual < a.target,
            "≈": a.actual >= a.target * (1 - tol) if d > 0 else a.actual <= a.target * (1 + tol),
        }[str(a.comparator)]
        assert (a.status == "achieved") == holds, (str(p), a.target_id, a.region, a.actual)


def test_a_start_that_met_the_target_has_no_schedule_anywhere(
    plan: Plan, assessed: list[tuple[Period, Assessment]]
) -> None:
    """Wherever the starting point already met a level target, progress, schedule gap and
    pace are null, and a status other than achieved says it fell back."""
    for p, a in assessed:
        target = plan.target_by_id[a.target_id]
        if not isinstance(target, LevelTarget) or a.starting_point is None or a.actual is None:
            continue
        if a.target is None or _direction(plan, a) * (a.target - a.starting_point[1]) > 0:
            continue
        where = (str(p), a.target_id, a.region)
        assert a.progress is None and a.schedule_gap is None and a.pace is None, where
        if a.status == "off_track":
            assert a.regressing and "fell-back" in a.reasons, where
        assert a.status in {"achieved", "off_track", "missed"}, where


def test_behind_schedule_means_open_in_every_year(
    assessed: list[tuple[Period, Assessment]],
) -> None:
    """A target on a behind-schedule list is open that year: deadline ahead, not decided."""
    for p, a in assessed:
        if behind_schedule(a, p.year):
            assert a.deadline >= p.year and a.status in {"on_track", "at_risk", "off_track"}
            assert a.schedule_gap is not None and a.schedule_gap < 0


def test_progress_and_schedule_gap_are_measured_on_one_base(
    assessed: list[tuple[Period, Assessment]],
) -> None:
    """A level's schedule gap is progress − time elapsed, never achievement − time elapsed."""
    for _, a in assessed:
        if a.kind == "level" and a.schedule_gap is not None:
            assert a.progress is not None and a.time_progress is not None
            assert a.schedule_gap == pytest.approx(a.progress - a.time_progress)


# ------------------------------------------------------------------ county rows


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
def test_every_county_row_is_assessed_or_says_why(plan: Plan, year: int) -> None:
    """In every region table of the demo reports, a row has a status and an achievement,
    or a reason; a row that is insufficient data or off track beside a met start says why."""
    from datetime import datetime

    from linyi_tracker.reporting.model import build_report

    store = load_store(plan, DEMO)
    report = build_report(
        plan,
        store,
        year,
        parse_period(str(year)),
        generated=datetime(2026, 11, 28),
        plan_file="plan.yaml",
        data_source="examples/demo",
    )
    rows = [(rk.indicator, row) for rk in report.regions for row in rk.rows]
    assert rows
    for indicator, row in rows:
        where = (year, indicator, row.region)
        assert (
            (row.status is not None and row.achievement is not None)
            or row.reasons
            or (row.status in {"done", "pending", "overdue"})
        ), where
        if row.status == "insufficient_data":
            assert row.reasons, where


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_the_reason_column_reaches_every_format(run: Run, tmp_path: Path, fmt: str) -> None:
    """The county tables' 说明 column (无县级目标, 已达标后回落) is in every report format."""
    out = tmp_path / f"r.{fmt}"
    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", "-o", str(out))
    assert r.exit_code == 0
    if fmt == "docx":
        import docx

        doc = docx.Document(str(out))
        body = "\n".join(c.text for tb in doc.tables for row in tb.rows for c in row.cells)
    elif fmt == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(out)["各县区"]
        body = "\n".join(str(c.value) for row in ws.iter_rows() for c in row)
    else:
        body = out.read_text(encoding="utf-8")
    for word in ("说明", "无县级目标", "已达标后回落", "仅2019年一年数据"):
        assert word in body, (fmt, word)


def test_the_terminal_report_names_milestone_words_in_chinese(run: Run) -> None:
    """The education milestone's county rows read 已完成 / 未完成, never 'done' / 'not-done'."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", width=120)
    section = r.stdout[r.stdout.index("通过义务教育均衡发展国家评估验收的县区数 · ") :]
    section = section[: section.index("└")]
    assert "已完成" in section and "done" not in section


# ------------------------------------------------------------------ missing folders

SUBMISSION = "指标,期间,地区,数值\nemp.new_urban_jobs,2019,兰山区,11300\n"


@pytest.mark.parametrize("lang,words", [("en", "data folder not found"), ("zh", "找不到数据目录")])
def test_validate_refuses_a_data_folder_that_is_not_there(
    run: Run, tmp_path: Path, lang: str, words: str
) -> None:
    """validate --data nosuchdir is refused as status refuses it (exit 2), not compared
    with nothing in silence."""
    (tmp_path / "x.csv").write_text(SUBMISSION, encoding="utf-8")
    r = run("validate", "x.csv", "--data", "nosuchdir", "--lang", lang)
    assert r.exit_code == 2 and words in r.stderr and "nosuchdir" in r.stderr
    assert not (tmp_path / "nosuchdir").exists()


def test_a_dry_run_ingest_creates_no_folder(run: Run, tmp_path: Path) -> None:
    """ingest --dry-run into a folder that is not there says what it would write and
    leaves no folder behind."""
    (tmp_path / "x.csv").write_text(SUBMISSION, encoding="utf-8")
    r = run("ingest", "x.csv", "--data", "store", "--dry-run")
    assert r.exit_code == 0 and "store/ingested/" in r.stdout
    assert not (tmp_path / "store").exists()


def test_a_refused_ingest_creates_no_folder(run: Run, tmp_path: Path) -> None:
    """An ingest refused for an error in the submission creates no data folder."""
    (tmp_path / "x.csv").write_text(SUBMISSION + "emp.new_jobz,2019,兰山区,1\n", encoding="utf-8")
    r = run("ingest", "x.csv", "--data", "store")
    assert r.exit_code == 1
    assert not (tmp_path / "store").exists()


def test_ingest_makes_the_folder_it_writes_into(run: Run, tmp_path: Path) -> None:
    """The first ingest into a new folder makes it, and the figure is then read back."""
    (tmp_path / "x.csv").write_text(SUBMISSION, encoding="utf-8")
    assert run("ingest", "x.csv", "--data", "store").exit_code == 0
    assert len(list((tmp_path / "store" / "ingested").glob("*.csv"))) == 1
    r = run("show", "emp.new_urban_jobs", "--data", "store", "--region", "兰山区", "--lang", "en")
    assert r.exit_code == 0 and "11,300" in r.stdout


# ------------------------------------------------------------------ template


@pytest.mark.parametrize("year", [2015, 2017, 2020])
def test_a_county_template_holds_every_indicator_collected_from_counties(
    plan: Plan, year: int
) -> None:
    """Every county's template asks for the balanced-education milestone every year of the
    plan (one not passed by 2015 is still reported), beside the figures counties send."""
    from linyi_tracker.intake.template import template_rows

    for region in plan.sub_regions:
        ids = {r.indicator for r in template_rows(plan, parse_period(str(year)), region.id)}
        assert "edu.balanced_counties" in ids, (year, region.id)
        assert "emp.new_urban_jobs" in ids and "ss.dibao_urban_rural_ratio" in ids


def test_a_ratio_typed_as_the_template_hint_says_is_read_without_a_word(
    run: Run, tmp_path: Path
) -> None:
    """The template's ratio hint says '1.6 或 1.6:1'; a clerk's 1.6:1 (or 1.6：1) is read as
    1.6 with no warning, and stored as 1.6."""
    rows = "指标,期间,地区,数值,单位\n"
    rows += "ss.dibao_urban_rural_ratio,2019,兰山区,1.6:1,:1\n"
    rows += "ss.dibao_urban_rural_ratio,2018,兰山区,1.7：1,\n"
    (tmp_path / "r.csv").write_text(rows, encoding="utf-8")
    t = run("template", "--region", "兰山区", "--period", "2019", "--lang", "zh")
    assert "填比值，如 1.6 或 1.6:1" in t.stdout
    r = run("validate", "r.csv", "--no-store", "--lang", "zh", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["findings"] == []
    assert run("ingest", "r.csv", "--data", "store").exit_code == 0
    shown = run("show", "ss.dibao_urban_rural_ratio", "--data", "store", "--region", "兰山区")
    assert "1.6:1" in shown.stdout and "1.7:1" in shown.stdout


# ------------------------------------------------- one rounded figure in every format


def test_every_format_shows_each_achievement_and_schedule_gap_rounded_alike(
    run: Run, tmp_path: Path, plan: Plan
) -> None:
    """For every target of the 2019 demo report, the achievement (101.1%) and the schedule
    gap in points (56.2个百分点) as formatting.shown_percent rounds them appear in the
    terminal, Markdown, HTML, Word and workbook reports alike (the workbook as the cell's
    figure)."""
    import html as html_module

    import docx
    import openpyxl

    from linyi_tracker.formatting import shown_percent

    texts: dict[str, str] = {}
    for fmt in ("md", "html", "docx", "xlsx"):
        out = tmp_path / f"r.{fmt}"
        assert (
            run("report", "2019", "--data", str(DEMO), "--lang", "zh", "-o", str(out)).exit_code
            == 0
        )
        if fmt == "docx":
            doc = docx.Document(str(out))
            cells = [c.text for tb in doc.tables for row in tb.rows for c in row.cells]
            texts[fmt] = "\n".join([p.text for p in doc.paragraphs] + cells)
        elif fmt == "html":
            texts[fmt] = html_module.unescape(out.read_text(encoding="utf-8"))
        elif fmt == "md":
            texts[fmt] = out.read_text(encoding="utf-8")
    texts["terminal"] = run("report", "2019", "--data", str(DEMO), "--lang", "zh", width=200).stdout
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")["各体系目标"]
    header = [c.value for c in book[1]]
    rows = {r[header.index("目标代码")].value: r for r in book.iter_rows(min_row=2)}

    store = load_store(plan, DEMO)
    checked = 0
    for target in plan.targets:
        a = assess(plan, store, target, parse_period("2019"), plan.city.id)
        if a.achievement is None:
            continue
        shown = f"{shown_percent(a.achievement)}%"
        for fmt, body in texts.items():
            assert shown in body, (fmt, target.id, shown)
        cell = rows[target.id][header.index("完成率")].value
        assert cell == float(shown_percent(a.achievement) / 100), (target.id, cell)
        if a.schedule_gap is not None:
            if a.kind == "annual" and a.deadline >= 2019:  # the annual table's 完成情况
                points = f"{shown_percent(abs(a.schedule_gap))}个百分点"
                for fmt in ("md", "html", "docx", "terminal"):
                    assert points in texts[fmt], (fmt, target.id, points)
            gap = rows[target.id][header.index("较时序进度")].value
            assert gap == float(shown_percent(a.schedule_gap)), (target.id, gap)
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_start_met_reason_never_denies_a_figure_show_gives(run: Run, lang: str) -> None:
    """河东's 公众安全感 met at its start: show gives its time elapsed (时序进度 80.0%), so
    the reason beside it names what is not measured — progress, the schedule gap (较时序进度)
    and pace — never the time elapsed it shows (it said 无需计算进展和时序进度)."""
    from linyi_tracker.i18n import t

    r = run(
        "show", "safety.public_security_sense", "--data", str(DEMO), "--region", "河东",
        "--as-of", "2019", "--lang", lang, width=200,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    reason = t("reason.start-met", lang)  # type: ignore[arg-type]
    assert reason in r.stdout
    elapsed = t("word.time_progress", lang)  # type: ignore[arg-type]
    assert re.search(rf"{re.escape(elapsed)}\s+\d", r.stdout), r.stdout  # the row it shows
    assert re.sub(re.escape(t("col.schedule_gap", lang)), "", reason).count(elapsed) == 0  # type: ignore[arg-type]
