"""Empty path values: refused (exit 2), never read as the current folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import Result

Run = Callable[..., Result]


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--data", ""),
        ("status", "--data="),
        ("validate", "--data", " ", "x.csv"),
        ("status", "--plan", ""),
        ("plan", "check", "--plan", ""),
    ],
)
def test_an_empty_path_option_is_refused(run: Run, args: tuple[str, ...]) -> None:
    """`--data ''` would silently read the current folder: exit 2, naming the option."""
    r = run(*args, width=400)
    option = next(a for a in args if a.startswith("--")).rstrip("=")
    assert r.exit_code == 2 and f"{option} is empty" in r.stderr


def test_an_empty_path_option_is_refused_in_the_readers_language(run: Run) -> None:
    """`--lang zh` reaches this refusal too (it followed only the environment)."""
    r = run("status", "--lang", "zh", "--data", "", width=400)
    assert r.exit_code == 2 and "--data 的值为空" in r.stderr


def test_an_empty_file_name_is_refused(run: Run) -> None:
    """`validate ''` would validate the current folder: exit 2."""
    r = run("validate", "", "--no-store", width=400)
    assert r.exit_code == 2 and "an empty file name was given" in r.stderr


def test_an_empty_value_of_another_option_is_left_to_it(run: Run) -> None:
    """Only path options are checked: --region '' is the region option's to judge."""
    r = run("status", "--region", "", width=400)
    assert r.exit_code == 2 and "is empty" not in r.stderr


def test_the_refusal_is_in_chinese_too(run: Run) -> None:
    """With LINYI_TRACKER_LANG=zh the message is Chinese."""
    r = run("status", "--data", "", env={"LINYI_TRACKER_LANG": "zh"}, width=400)
    assert r.exit_code == 2 and "--data 的值为空" in r.stderr
