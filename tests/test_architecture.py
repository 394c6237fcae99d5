"""The core never imports the command line's libraries (style.md: library first, CLI thin)."""

from __future__ import annotations

import ast
from pathlib import Path

import linyi_tracker

PACKAGE = Path(linyi_tracker.__file__).resolve().parent
CLI_ONLY = {"typer", "rich", "click"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_modules_never_import_typer_or_rich() -> None:
    """Only linyi_tracker/cli may import typer or rich."""
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(imported_roots(path) & CLI_ONLY)
        for path in PACKAGE.rglob("*.py")
        if "cli" not in path.relative_to(PACKAGE).parts and path.name != "__main__.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_label_has_both_languages() -> None:
    """Each i18n label has a zh and an en text, non-empty."""
    from linyi_tracker.i18n import LABELS

    for key, texts in LABELS.items():
        assert set(texts) == {"zh", "en"} and all(texts.values()), key


def test_every_status_word_has_a_label() -> None:
    """Each status word of the contract can be shown in both languages."""
    from linyi_tracker.i18n import LABELS
    from linyi_tracker.words import STATUS_WORDS

    assert all(f"status.{w}" in LABELS for w in STATUS_WORDS)
