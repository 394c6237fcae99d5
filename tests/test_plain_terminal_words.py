"""No Markdown code marks where the output is not Markdown: a finding line or an error on
the terminal says 'run linyi-tracker plan', the JSON keeps the catalogue's words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import REPO, Result
from linyi_tracker.cli.output import finding_line
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.texts.text import unmarked
from linyi_tracker.validation.catalogue import finding_dict

Run = Callable[..., Result]


def test_unmarked_takes_off_code_marks_only() -> None:
    """'运行 `linyi-tracker plan`' → '运行 linyi-tracker plan'; a lone backtick stays."""
    assert unmarked("运行 `linyi-tracker plan` 可查看") == "运行 linyi-tracker plan 可查看"
    assert unmarked("a ` b") == "a ` b"


CODE_HINT = Finding(
    "unknown-indicator", Severity.ERROR, "a.csv", 3, "indicator", 1, params={"text": "`x`"}
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_finding_line_has_no_markdown_marks(lang: str) -> None:
    """On the terminal a hint reads 'run linyi-tracker plan', not 'run `linyi-tracker plan`';
    a backtick the clerk typed in a cell is shown as written."""
    line = finding_line(CODE_HINT, lang)  # type: ignore[arg-type]
    assert "linyi-tracker plan" in line and "`linyi-tracker plan`" not in line
    assert "`x`" in line


def test_the_json_finding_keeps_the_catalogues_words() -> None:
    """The JSON hint is the catalogue's text as written (code marks and all)."""
    assert "`linyi-tracker plan`" in str(finding_dict(CODE_HINT, "en")["hint"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_error_tip_has_no_markdown_marks(run: Run, lang: str) -> None:
    """'show' of a name that matches nothing lists the plan without code marks."""
    r = run(
        "show", "no-such-thing-at-all", "--data", str(REPO / "examples" / "demo"), "--lang", lang
    )
    assert r.exit_code != 0 and "`" not in r.stderr
    assert "linyi-tracker plan" in " ".join(r.stderr.split())
