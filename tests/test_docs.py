"""The README is part of the product: its commands are the ones CI and users run."""

from __future__ import annotations

import re
from pathlib import Path

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


def _markdown_files() -> list[Path]:
    return [REPO / "README.md", REPO / "README.zh-CN.md", *sorted((REPO / "docs").glob("*.md"))]


def test_docs_link_only_to_files_the_repository_has() -> None:
    """Every relative link in the READMEs and docs/ names a file that is in the repository."""
    broken = []
    for md in _markdown_files():
        for target in re.findall(r"\]\(([^)#\s]+)[^)]*\)", md.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (md.parent / target).exists():
                broken.append(f"{md.relative_to(REPO)} → {target}")
    assert broken == []


def test_docs_cite_no_file_users_do_not_have() -> None:
    """The docs never send a user to the team's spec/ or reference/ folders, which are not shipped."""
    cited = [
        f"{md.relative_to(REPO)}: {m}"
        for md in _markdown_files()
        for m in re.findall(
            r"`?(?<![\w/])(?:spec|reference)/[\w.-]+\.md`?", md.read_text(encoding="utf-8")
        )
    ]
    assert cited == []
