"""Plan files built to hang or mislead the YAML reader: refused with a positioned finding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, Result
from linyi_tracker.plan.loader import MAX_NODES, load_plan
from linyi_tracker.validation.catalogue import render

HOSTILE = FIXTURES / "hostile"
Run = Callable[..., Result]


def test_an_alias_bomb_is_refused_at_its_position() -> None:
    """A few hundred bytes of nested aliases (9^9 values) give one finding, not a hang."""
    (finding,) = load_plan(HOSTILE / "alias-bomb.yaml").findings
    assert finding.code == "yaml-alias" and finding.is_error
    assert f"more than {MAX_NODES} values" in render(finding, "en")[0]
    assert (finding.line, finding.column_number) == (7, 4)  # the first level past the bound


def test_a_self_referencing_alias_is_refused() -> None:
    """`a: &a [*a]` is refused as an anchor inside its own value, at the alias."""
    (finding,) = load_plan(HOSTILE / "alias-loop.yaml").findings
    assert finding.code == "yaml-alias" and "contain itself" in render(finding, "en")[0]
    assert (finding.line, finding.column_number) == (3, 4)


@pytest.mark.parametrize("fixture", ["alias-bomb.yaml", "alias-loop.yaml"])
def test_every_plan_option_refuses_an_alias_bomb(run: Run, fixture: str) -> None:
    """status --plan with such a file ends with exit 2 and the finding, like plan check."""
    r = run("status", "--plan", str(HOSTILE / fixture))
    assert r.exit_code == 2 and "yaml-alias" in r.stderr


def test_yaml_1_1_number_forms_are_refused_with_a_hint_to_quote() -> None:
    """2:1, 012, 0x1F and 0b101 are refused at their positions; quoted text and 1_000 are not."""
    findings = load_plan(HOSTILE / "yaml11-numbers.yaml").findings
    assert [(f.code, f.line, f.column_number) for f in findings] == [
        ("ambiguous-number", line, 1 + len(key) + 2)
        for line, key in [(2, "ratio"), (3, "octal"), (4, "hex"), (5, "binary")]
    ]
    assert [render(f, "en")[0].rsplit(" ", 1)[1] for f in findings] == ["121", "10", "31", "5"]
    hint = render(findings[0], "en")[1]
    assert hint is not None and '"2:1"' in hint


def test_a_ratio_target_never_becomes_a_number() -> None:
    """`value: 2:1` in a plan is an error at the value, never the target 121."""
    result = load_plan(HOSTILE / "ratio-target.yaml")
    assert result.plan is None
    (finding,) = result.findings
    assert (finding.code, finding.line, finding.column_number) == ("ambiguous-number", 28, 12)


def test_a_decimal_ratio_target_is_not_a_number() -> None:
    """`value: 1.5:1` (text in every YAML) is refused by the schema at the value."""
    result = load_plan(HOSTILE / "ratio-decimal-target.yaml")
    assert result.plan is None
    (finding,) = result.findings
    assert finding.code == "plan-schema" and "'1.5:1' is not a number" in render(finding, "en")[0]
    assert (finding.line, finding.column_number) == (28, 12)


@pytest.mark.parametrize(
    "fixture", ["alias-bomb.yaml", "alias-loop.yaml", "yaml11-numbers.yaml", "ratio-target.yaml"]
)
def test_the_new_plan_findings_have_chinese(fixture: str) -> None:
    """Each of these findings has a Chinese message and hint."""
    for f in load_plan(Path(HOSTILE / fixture)).findings:
        message, hint = render(f, "zh")
        assert message != render(f, "en")[0] and "{" not in message, message
        assert hint is not None and hint != render(f, "en")[1], hint


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("number-4301-digits.yaml", "a number of more than 4300 digits"),
        ("bad-date-tagged.yaml", "not a valid date"),
        ("bad-date.yaml", "not a valid date"),
        ("bad-int-tag.yaml", "not a valid number"),
    ],
)
def test_a_value_that_cannot_be_built_is_a_finding_at_it(fixture: str, reason: str) -> None:
    """4,301 digits, month 13, `!!int abc`: a yaml-syntax finding at the value, never a traceback."""
    (finding,) = load_plan(HOSTILE / fixture).findings
    message = render(finding, "en")[0]
    assert finding.code == "yaml-syntax" and message.endswith(f"cannot be read: {reason}")
    assert (finding.line, finding.column_number) == (3, 4)
    assert "无法读取" in render(finding, "zh")[0]


def test_a_big_plan_with_an_alias_is_not_taken_for_a_bomb(tmp_path: Path) -> None:
    """150,000 values of their own and one small alias: no yaml-alias finding."""
    big = tmp_path / "big.yaml"
    items = "".join(f"  - v{i}\n" for i in range(150_000))
    big.write_text(f"schema_version: 1\nshared: &s [a, b]\nagain: *s\nlist:\n{items}", "utf-8")
    assert "yaml-alias" not in {f.code for f in load_plan(big).findings}
