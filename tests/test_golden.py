"""Golden files of rendered output at fixed widths, without colour.

Regenerate with `pytest --update-golden` after a deliberate change, and review the diff.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import DEMO, Result

GOLDEN = Path(__file__).resolve().parent / "golden"


def check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {name}: run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def demo(tmp_path: Path) -> str:
    """The example data copied to ./demo, so the caption's path is the same on every machine."""
    shutil.copytree(DEMO, tmp_path / "demo")
    return "demo"


@pytest.mark.parametrize(
    ("name", "args", "width"),
    [
        ("status-demo-en-120.txt", ["--lang", "en"], 120),
        ("status-demo-zh-120.txt", ["--lang", "zh"], 120),
        ("status-demo-en-80.txt", ["--lang", "en"], 80),
        ("status-demo-zh-80.txt", ["--lang", "zh"], 80),
        (
            "status-demo-zh-2016-08.txt",
            ["--lang", "zh", "--as-of", "2016-08", "--system", "1"],
            120,
        ),
    ],
)
def test_status_golden(
    run: Callable[..., Result],
    demo: str,
    update_golden: bool,
    name: str,
    args: list[str],
    width: int,
) -> None:
    """The status table renders exactly as its golden file."""
    r = run("status", "--data", demo, *args, width=width)
    assert r.exit_code == 0
    check(name, r.stdout, update_golden)


def test_chinese_table_lines_up(run: Callable[..., Result], demo: str) -> None:
    """Every line of the Chinese table has the same display width, and column borders align."""
    r = run("status", "--data", demo, "--lang", "zh", width=120)
    lines = [line for line in r.stdout.splitlines() if line[:1] in "┏┃┡│├└"]
    assert lines and {cell_len(line) for line in lines} == {120}

    def borders(line: str) -> list[int]:
        return [cell_len(line[:i]) for i, ch in enumerate(line) if ch in "┃│┏┳┓┡╇┩├┼┤└┴┘"]

    assert len({tuple(borders(line)) for line in lines}) == 1
