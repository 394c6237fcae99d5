"""Commands about one region (template, extract, withdraw) take one region: ``--region
all`` is refused with a message saying so, the same rule for each, never answered with a
county whose name looks like "all"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, Result

Run = Callable[..., Result]
RELEASE = "2016年全市城镇新增就业8.37万人。\n"


def _args(command: str, tmp_path: Path) -> tuple[str, ...]:
    if command == "template":
        return ("template", "--period", "2016")
    if command == "extract":
        (tmp_path / "rel.txt").write_text(RELEASE, encoding="utf-8")
        return ("extract", "rel.txt")
    withdraw = ("withdraw", "emp.new_urban_jobs", "2018", "--reason", "x", "--dry-run")
    return (*withdraw, "--data", str(DEMO))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", ["template", "extract", "withdraw"])
def test_region_all_is_refused_by_a_one_region_command(
    run: Run, tmp_path: Path, command: str, lang: str
) -> None:
    """--region all (any case) exits 2 with the one-region message, and suggests no county."""
    r = run(*_args(command, tmp_path), "--region", " All ", "--lang", lang)
    said = "只针对一个地区" if lang == "zh" else "about one region"
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert "lanling" not in r.stderr and "兰陵" not in r.stderr


def test_withdraw_help_does_not_offer_all(run: Run) -> None:
    """withdraw's --region help names one region: it does not offer 'all' (status's does)."""
    r = run("withdraw", "--help", "--lang", "en")
    assert r.exit_code == 0 and "'all'" not in r.stdout
