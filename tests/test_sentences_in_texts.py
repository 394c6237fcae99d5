"""Sentences that were built in Python and now come from linyi_tracker/texts: each one,
run through its command, reads Chinese under ``--lang zh`` and keeps its English."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DEMO, FIXTURES, PLAN_FILE, Result
from linyi_tracker.cli.app import app

Run = Callable[..., Result]
EXTRACT = FIXTURES / "extract" / "linyi-jobs-2016.txt"
GROWTH = ("2022", "--plan", str(FIXTURES / "plans" / "growth-change.yaml"))
GROWTH_DATA = ("--data", str(FIXTURES / "anyplan" / "growth-only"))
REPORTS = {
    "demo": ("2019", "--plan", str(PLAN_FILE), "--data", str(DEMO)),
    "growth": (*GROWTH, *GROWTH_DATA),
}


def _broken_plan(tmp_path: Path) -> Path:
    """The project's plan with one target naming an indicator the plan does not define."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    broken = tmp_path / "plan.yaml"
    old = "    indicator: emp.new_urban_jobs\n"
    assert old in text
    broken.write_text(text.replace(old, "    indicator: emp.new_urban_job\n", 1), "utf-8")
    return broken


def _duplicates(tmp_path: Path, n: int) -> Path:
    """A submission giving one figure ``n`` times: a duplicate-observation warning a row."""
    rows = ["indicator,period,value,region"] + ["emp.new_urban_jobs,2019,11300,lanshan"] * n
    path = tmp_path / "dup.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_plan_check_counts_its_notices_in_chinese(run: Run, tmp_path: Path) -> None:
    """`plan check --lang zh` on a plan with notices counts them in its Chinese summary."""
    r = run("plan", "check", str(_broken_plan(tmp_path)), "--lang", "zh")
    assert r.exit_code == 1
    assert "1个文件中发现1个错误、0个警告、6个提示。" in r.stderr


def test_plan_check_counts_its_notices_in_english(run: Run, tmp_path: Path) -> None:
    """`plan check` in English writes each count with its own plural."""
    r = run("plan", "check", str(_broken_plan(tmp_path)), "--lang", "en")
    assert "Found 1 error, 0 warnings and 6 notices in 1 file." in r.stderr


def test_an_unknown_reference_names_its_kind_in_chinese(run: Run, tmp_path: Path) -> None:
    """`plan check --lang zh` says which kind of id (指标) the plan does not define."""
    r = run("plan", "check", str(_broken_plan(tmp_path)), "--lang", "zh")
    assert "规划的 indicators: 中没有定义指标“emp.new_urban_job”" in r.stderr


def test_a_duplicate_id_names_its_kind_in_chinese(run: Run) -> None:
    """`plan check --lang zh` on a plan with an id twice says it is a target's id."""
    r = run("plan", "check", str(FIXTURES / "plans" / "duplicate-id.yaml"), "--lang", "zh")
    assert r.exit_code == 1
    assert "targets: 中的目标代码" in r.stderr


def test_a_truncated_listing_says_so_in_chinese(run: Run, tmp_path: Path) -> None:
    """ingest's warnings past the first 20 are counted in a Chinese line under zh."""
    data = tmp_path / "data"
    args = ["ingest", str(_duplicates(tmp_path, 25)), "--plan", str(PLAN_FILE)]
    r = run(*args, "--data", str(data), "--lang", "zh")
    assert r.exit_code == 0
    assert "……另有4条（列表已截断）" in r.stderr


def test_a_truncated_listing_says_so_in_english(run: Run, tmp_path: Path) -> None:
    """ingest's warnings past the first 20 are counted in an English line under en."""
    data = tmp_path / "data"
    args = ["ingest", str(_duplicates(tmp_path, 25)), "--plan", str(PLAN_FILE)]
    r = run(*args, "--data", str(data), "--lang", "en")
    assert "… and 4 more (listing truncated)" in r.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "(listing truncated); linyi-tracker validate --max-findings 0 on the files lists"),
        ("zh", "（列表已截断）；对这些文件运行 linyi-tracker validate --max-findings 0 可列出全部"),
    ],
)
def test_a_truncated_listing_says_how_to_see_the_rest(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """ingest's cut listing names the command that lists every finding, in both languages."""
    data = tmp_path / "data"
    args = ["ingest", str(_duplicates(tmp_path, 25)), "--plan", str(PLAN_FILE)]
    r = run(*args, "--data", str(data), "--lang", lang)
    assert said in r.stderr


def test_a_plans_truncated_listing_points_to_plan_check() -> None:
    """A listing of a plan's findings cut at 20 says `plan check` lists them all."""
    import io

    from rich.console import Console

    from linyi_tracker.cli.output import print_findings
    from linyi_tracker.findings import Finding, Severity

    out = io.StringIO()
    found = [Finding("unnamed-project", Severity.NOTICE, "plan.yaml", n) for n in range(25)]
    print_findings(Console(file=out, width=200), found, 20, "en", "findings.rest.plan")
    assert out.getvalue().splitlines()[-1] == (
        "… and 5 more (listing truncated); linyi-tracker plan check lists them all"
    )


def test_extract_summarises_in_chinese(run: Run) -> None:
    """extract's summary and its missing-year line are Chinese under zh."""
    r = run("extract", str(EXTRACT), "--plan", str(PLAN_FILE), "--lang", "zh")
    assert "读取1句：建议1行（其中增长率0行），1个数字未采用，0处未能读取。" in r.stdout
    assert "1行年份不明" in r.stderr


def test_extract_counts_with_english_plurals(run: Run) -> None:
    """extract's English summary writes each count with the word that agrees with it."""
    r = run("extract", str(EXTRACT), "--plan", str(PLAN_FILE), "--lang", "en", width=200)
    assert (
        "Read 1 sentence: 1 row proposed (0 growth rates), 1 number not proposed, "
        "0 sentences not read." in r.stdout
    )
    assert "1 row without a year" in r.stderr


def test_status_hint_counts_targets_without_data(run: Run, tmp_path: Path) -> None:
    """status's hint on missing figures counts targets in English and in Chinese."""
    data = tmp_path / "data"
    data.mkdir()
    en = run("status", "--plan", str(PLAN_FILE), "--data", str(data), "--lang", "en", width=200)
    zh = run("status", "--plan", str(PLAN_FILE), "--data", str(data), "--lang", "zh", width=200)
    assert "No figure yet for 28 targets:" in en.stdout
    assert "28个目标暂无数据" in zh.stdout


@functools.cache
def _report(which: str, lang: str) -> str:
    """The Markdown report of ``which`` in ``lang``, made once for the tests below."""
    args = ["report", *REPORTS[which], "--lang", lang, "--format", "md"]
    env = {"COLUMNS": "200", "NO_COLOR": "1", "LINYI_TRACKER_CACHE": "off"}
    r = CliRunner().invoke(app, args, env=env)
    assert r.exit_code == 0, r.stderr
    return r.stdout


# (report, the Chinese sentence, the English one): each a template of labels.py that
# reporting/text.py and reporting/model.py used to write in Python.
_REPORT_SENTENCES = [
    ("demo", "达到目标值的100.4%", "100.4 % of the target level"),  # phrase.level
    ("demo", "完成年度目标的", "% of the annual target"),  # phrase.annual
    ("demo", "自2015年起点已完成应提升幅度的116.0%", "116.0 % of the way from the 2015 starting"),
    (
        "demo",
        "较2015年起点反向变动，进展为\u221211.1%",
        "moved away from the target since the 2015",
    ),
    ("demo", "100.4%；自2015年", "100.4 % of the target level; 116.0 %"),  # phrase.with_progress
    ("demo", "116.0%，超时序进度36.0个百分点", "starting point, ahead of schedule by 36.0"),
    ("demo", "工作推进线）", " work line)"),  # report.who_city
    (
        "growth",
        "年均增长7%以上（2020—2025年）",  # the plan's 7, as written
        "average growth at least 7 % a year (2020–2025)",
    ),
    ("growth", "年均增长10.9%（2020—2022年）", "average growth 10.9 % a year (2020–2022)"),
    ("growth", "累计下降13.5%（2020—2025年）", "down 13.5 % in all (2020–2025)"),
    ("growth", "累计下降3.3%（2020—2022年）", "down 3.3 % in all (2020–2022)"),
    ("growth", "\u22123.9个百分点", "\u22123.9 pts"),  # word.points_gap
    ("demo", "| 状态 | 个数 |", "| Status | n |"),  # col.count
]


@pytest.mark.parametrize(("which", "zh", "en"), _REPORT_SENTENCES)
def test_a_report_sentence_reads_chinese_under_zh(which: str, zh: str, en: str) -> None:
    """A sentence of the report, now a zh/en template, is Chinese in the zh report."""
    assert zh in _report(which, "zh")
    assert en not in _report(which, "zh")


@pytest.mark.parametrize(("which", "zh", "en"), _REPORT_SENTENCES)
def test_a_report_sentence_keeps_its_english(which: str, zh: str, en: str) -> None:
    """The same sentence in the English report reads as it did, and never in Chinese."""
    assert en in _report(which, "en")
    assert zh not in _report(which, "en")


def test_a_chart_axis_counts_in_wan_in_chinese() -> None:
    """A Chinese chart's axis of large figures is labelled 万 and the unit, from labels.py."""
    from linyi_tracker.reporting.render.charts import _scale

    assert _scale([20_000.0], "人", "zh", wan=True) == (10_000.0, "万人")
    assert _scale([20_000.0], "persons", "en", wan=True) == (1_000.0, "thousand persons")
