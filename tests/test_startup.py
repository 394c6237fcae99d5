"""What `status` loads at start-up: only what it draws (bench/run.py measures the time;
no test here is timed)."""

from __future__ import annotations

from pathlib import Path

from conftest import modules_loaded


def test_status_does_not_load_the_finding_texts(tmp_path: Path) -> None:
    """`status` on a plan and data without findings never loads the finding texts."""
    assert "linyi_tracker.texts.findings" not in modules_loaded("status", cwd=tmp_path)
