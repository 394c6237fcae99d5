"""The README is part of the product: its commands are the ones CI and users run."""

from __future__ import annotations

import re

from conftest import REPO


def quick_start_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", text, re.S | re.M)
    assert section, "README.md has no Quick start section"
    blocks = re.findall(r"```(?:bash|sh|shell|console)?\n(.*?)```", section.group(1), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    """One installs and runs status; one installs the test extras and runs the tests."""
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "linyi-tracker status" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    """.ci/run contains the README's test command as a line of its own."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci


def test_chinese_readme_has_the_same_commands() -> None:
    """README.zh-CN.md gives the same quick-start commands."""
    zh = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
    for command in quick_start_commands():
        assert command in zh


def test_readme_documents_every_command() -> None:
    """Each command of the CLI has a section in both READMEs."""
    for name in ("README.md", "README.zh-CN.md"):
        text = (REPO / name).read_text(encoding="utf-8")
        for command in (
            "linyi-tracker status",
            "linyi-tracker show",
            "linyi-tracker plan",
            "plan check",
        ):
            assert command in text, (name, command)
