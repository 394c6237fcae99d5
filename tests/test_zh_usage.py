"""Usage errors, help placeholders and the method's thresholds in the reader's language,
and a Chinese tour that prints Chinese (issue 28, items 10 and 11)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, Result
from linyi_tracker.cli.app import app
from linyi_tracker.i18n import t

Run = Callable[..., Result]
PLACEHOLDERS = re.compile(
    r"\b(PERIOD|YEAR|FILE|DIR|PATH|INDICATOR|REGION|SYSTEM|STATUS|SHEET|FORMAT|TEXT|NAME)\b"
)


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield path, command


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "错误：'--binding' 的值无效：“maybe”不是可选值；可选：yes、no"),
        ("en", "'maybe' is not one of yes, no"),
    ],
)
def test_a_wrong_binding_is_refused_in_the_readers_language(run: Run, lang: str, said: str) -> None:
    """`status --binding maybe` is refused in a sentence of the run's language, exit 2."""
    r = run("status", "--binding", "maybe", "--lang", lang)
    assert r.exit_code == 2 and said in r.stderr and "Value error" not in r.stderr


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_typed_option_has_a_parser_that_speaks_the_language(
    path: tuple[str, ...], command: Any
) -> None:
    """A choice, a number, a period or a path is converted by options.py (which refuses in
    the run's language), never by Typer's own conversion (which speaks English)."""
    untyped = (str, bool, list[str], list)
    missing = []
    for param in command.params:
        described = getattr(param, "type_descriptor", None)
        if described is None:
            continue
        annotation = described.annotation
        typed = isinstance(annotation, type) and issubclass(annotation, Enum | int | float)
        if typed and described.parameter_info.parser is None and annotation not in untyped:
            missing.append(param.name)
    assert missing == []


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_placeholders_are_chinese_under_zh(
    run: Run, path: tuple[str, ...], command: Any
) -> None:
    """Every command's zh help names its placeholders in Chinese (期间, 年份, 文件, 路径 …)."""
    r = run(*path, "--help", "--lang", "zh", width=100)
    assert r.exit_code == 0
    usage_and_rows = [
        line for line in r.stdout.splitlines() if line.startswith(("用法", "  -", "  "))
    ]
    heads = [line.split("  ")[1] if line.startswith("  ") else line for line in usage_and_rows]
    assert [h for h in heads if PLACEHOLDERS.search(h)] == []


def test_help_placeholders_stay_english_under_en(run: Run) -> None:
    """The English help keeps FILE, DIR, PERIOD as they were."""
    r = run("status", "--help", "--lang", "en", width=100)
    assert "--plan FILE" in r.stdout and "--data DIR" in r.stdout and "--as-of PERIOD" in r.stdout


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (("report", "--lang", "zh"), {}, "缺少参数 '年份'"),
        (("show",), {"LANG": "zh_CN.UTF-8"}, "缺少参数 '指标'"),
        (("validate", "--lang", "zh"), {}, "缺少参数 '路径...'"),
        (("report", "--lang", "en"), {}, "Missing argument 'YEAR'"),
    ],
)
def test_a_missing_argument_is_named_in_the_language(
    run: Run, args: tuple[str, ...], env: dict[str, str], said: str
) -> None:
    """A missing argument is named by its Chinese placeholder under zh (--lang or LANG)."""
    r = run(*args, env=env)
    assert r.exit_code == 2 and said in r.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "阈值：正常推进≥95%，存在风险≥60%；“左右”的容差5%"),
        ("en", "Thresholds: on track ≥ 95 %, at risk ≥ 60 %; tolerance for “≈” 5 %"),
    ],
)
def test_the_tolerance_is_a_percentage(run: Run, lang: str, said: str) -> None:
    """The method gives the tolerance for “≈” as 5 %, not 0.05, and the pace thresholds in
    percent, as the report's 推进速度 column writes pace (95% beside 95%)."""
    demo = str(REPO / "examples" / "demo")
    r = run("report", "2019", "--data", demo, "--format", "md", "--lang", lang)
    assert r.exit_code == 0 and said in r.stdout and "0.05" not in r.stdout


@given(st.decimals(min_value=0, max_value=10, places=4))
def test_a_percentage_is_the_exact_ratio(ratio: Decimal) -> None:
    """Property: the percent written for a ratio is that ratio exactly, times 100."""
    shown = t("report.thresholds", "en", on=1, risk=1, tol=ratio).split("“≈” ")[1]
    assert Decimal(shown.split(" %")[0]) / 100 == ratio


def test_the_chinese_tour_runs_every_command_in_chinese() -> None:
    """Each command of README.zh-CN's tour carries --lang zh: a Chinese reader gets Chinese."""
    text = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
    tour = text.split("## 用示例数据走一遍", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in tour.splitlines() if line.startswith("$ linyi-tracker")]
    assert commands and [c for c in commands if "--lang zh" not in c] == []


@pytest.mark.parametrize("command", [("validate", "FILE"), ("status",)])
def test_lang_before_the_command_sets_the_output_language(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`linyi-tracker --lang zh validate …` / `--lang zh status` speak Chinese, as the
    command's own --lang does (the root option was read for usage errors only)."""
    sub = tmp_path / "a.csv"
    sub.write_text("indicator,period,value\nemp.new_urban_jobs,2016,9800\n", encoding="utf-8")
    args = [str(sub) if a == "FILE" else a for a in command]
    r = run("--lang", "zh", *args)
    assert r.exit_code in (0, 1)
    assert ("个文件" if command[0] == "validate" else "目标进展") in r.stdout
