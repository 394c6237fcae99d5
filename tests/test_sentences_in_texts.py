"""Sentences that were built in Python and now come from linyi_tracker/texts: each one,
run through its command, reads Chinese under ``--lang zh`` and keeps its English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES, PLAN_FILE, Result

Run = Callable[..., Result]
EXTRACT = FIXTURES / "extract" / "linyi-jobs-2016.txt"


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
    assert "发现 1 个错误、0 个警告、6 个提示，涉及 1 个文件。" in r.stderr


def test_plan_check_counts_its_notices_in_english(run: Run, tmp_path: Path) -> None:
    """`plan check` in English writes each count with its own plural."""
    r = run("plan", "check", str(_broken_plan(tmp_path)), "--lang", "en")
    assert "Found 1 error, 0 warnings and 6 notices in 1 file." in r.stderr


def test_an_unknown_reference_names_its_kind_in_chinese(run: Run, tmp_path: Path) -> None:
    """`plan check --lang zh` says which kind of id (指标) the plan does not define."""
    r = run("plan", "check", str(_broken_plan(tmp_path)), "--lang", "zh")
    assert "规划的 `indicators:` 中没有定义指标“emp.new_urban_job”" in r.stderr


def test_a_duplicate_id_names_its_kind_in_chinese(run: Run) -> None:
    """`plan check --lang zh` on a plan with an id twice says it is a target's id."""
    r = run("plan", "check", str(FIXTURES / "plans" / "duplicate-id.yaml"), "--lang", "zh")
    assert r.exit_code == 1
    assert "`targets:` 中的目标代码" in r.stderr


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
