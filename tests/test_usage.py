"""cli/usage.py: the language of a run, help texts for every parameter, wrapping by width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typer.main import get_command

from linyi_tracker.cli import help_texts
from linyi_tracker.cli.app import app
from linyi_tracker.cli.usage import lang_from_args
from linyi_tracker.cli.wrap import cell_width, wrap


def test_lang_from_args_takes_the_last_spelling_before_double_dash() -> None:
    """`--lang X` and `--lang=X` are found anywhere, the last wins, `--` ends the search."""
    assert lang_from_args(["status", "--lang", "en", "--lang=zh"]) == "zh"
    assert lang_from_args(["--lang=en", "status"]) == "en"
    assert lang_from_args(["validate", "--", "--lang", "zh"]) is None
    assert lang_from_args(["status", "--lang"]) is None


def _commands() -> Iterator[tuple[str, Any]]:
    root = get_command(app)
    yield "", root
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        prefix, group = stack.pop()
        for name, cmd in getattr(group, "commands", {}).items():
            key = f"{prefix} {name}".strip()
            yield key, cmd
            stack.append((key, cmd))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_and_parameter_has_help_in_both_languages(lang: str) -> None:
    """Each command and each of its visible parameters has a help text in zh and en."""
    missing = []
    for key, cmd in _commands():
        if key not in help_texts.COMMANDS:
            missing.append(key or "(root)")
        for param in cmd.params:
            if getattr(param, "hidden", False):
                continue
            is_argument = param.param_type_name == "argument"
            name = param.name if is_argument else max(param.opts, key=len)
            if not help_texts.parameter_help(key, name, lang):  # type: ignore[arg-type]
                missing.append(f"{key} {name}")
    assert missing == []


def test_every_command_text_ends_with_an_example() -> None:
    """Each command's description ends with `Example:` / `示例：` and a command line."""
    for key, texts in help_texts.COMMANDS.items():
        assert texts["en"].rsplit("\n", 1)[-1].startswith("Example: linyi-tracker"), key
        assert texts["zh"].rsplit("\n", 1)[-1].startswith("示例：linyi-tracker"), key


def test_wrap_measures_chinese_as_two_columns() -> None:
    """No wrapped line of Chinese text is wider than asked, counted in terminal cells."""
    text = help_texts.COMMANDS["ingest"]["zh"].replace("\n", "")
    lines = wrap(text, 40)
    assert len(lines) > 1 and all(cell_width(line) <= 40 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_wrap_keeps_words_and_punctuation_whole() -> None:
    """English words and paths are never split; no line starts with `，` or `。`."""
    text = "默认：$LINYI_TRACKER_DATA、./data/actuals，或内置的公开数字。" * 3
    lines = wrap(text, 24)
    assert all(not line.startswith(("，", "。", "、")) for line in lines)
    assert all("./data/actuals" in line or "actuals" not in line for line in lines)
