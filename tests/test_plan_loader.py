"""A broken plan file gives findings at the YAML node, never a raw pydantic dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, PLAN_FILE
from linyi_tracker.errors import PlanInvalidError
from linyi_tracker.plan.loader import load_plan, read_plan
from linyi_tracker.validation.catalogue import render

PLANS = FIXTURES / "plans"


@pytest.mark.parametrize(
    ("fixture", "code", "line", "column", "path"),
    [
        ("bad-yaml-syntax.yaml", "yaml-syntax", 41, 1, None),
        ("unknown-key.yaml", "plan-schema", 38, 5, "targets[1].valeu"),
        ("missing-key.yaml", "plan-schema", 33, 5, "targets[1].deadline_from"),
        ("unknown-kind.yaml", "plan-schema", 35, 11, "targets[1].kind"),
        ("not-a-number.yaml", "plan-schema", 37, 12, "targets[1].value"),
        ("bad-reference.yaml", "unknown-reference", 34, 16, "targets[1].indicator"),
        ("comparator-direction.yaml", "comparator-direction", 36, 17, "targets[1].comparator"),
        ("year-outside-plan.yaml", "year-outside-plan", 38, 15, "targets[1].deadline"),
        ("duplicate-id.yaml", "duplicate-id", 33, 9, "targets[1].id"),
        ("duplicate-key.yaml", "duplicate-key", 29, 5, "value"),
        ("project-count.yaml", "project-count", 17, 76, "categories[0].declared_projects"),
        ("component-unit.yaml", "component-mismatch", 29, 18, "targets[0].components[0]"),
        ("not-utf8.yaml", "encoding-error", 5, None, None),
        ("unknown-tag.yaml", "yaml-syntax", 37, 12, None),
        ("unhashable-key.yaml", "yaml-syntax", 41, 7, None),
        ("duplicate-id-case.yaml", "duplicate-id", 22, 10, "indicators[1].id"),
        ("name-clash-region-alias.yaml", "duplicate-id", 13, 74, "regions[1].aliases[0]"),
        ("name-clash-indicator-name.yaml", "duplicate-id", 22, 55, "indicators[1].name.en"),
        ("name-clash-indicator-alias.yaml", "duplicate-id", 22, 76, "indicators[1].aliases[0]"),
        ("control-character.yaml", "plan-schema", 21, 55, "indicators[0].name.en"),
        ("id-characters.yaml", "plan-schema", 22, 10, "indicators[1].id"),
        ("schema-version-boolean.yaml", "plan-schema", 2, 17, "schema_version"),
        ("change-below-minus-100.yaml", "plan-schema", 39, 12, "targets[1].value"),
    ],
)
def test_broken_plan_gives_one_positioned_error(
    fixture: str, code: str, line: int, column: int | None, path: str | None
) -> None:
    """Each broken plan fixture yields exactly its error, at the offending node."""
    result = load_plan(PLANS / fixture)
    assert result.plan is None
    assert [(f.code, f.line, f.column_number, f.column) for f in result.errors] == [
        (code, line, column, path)
    ]
    assert result.errors[0].file == str(PLANS / fixture)


def test_minimal_plan_is_valid() -> None:
    """The base of the broken fixtures is itself valid, so each fixture breaks one thing."""
    result = load_plan(PLANS / "minimal.yaml")
    assert result.plan is not None and result.findings == []


def test_messages_are_plain_words() -> None:
    """Findings never carry pydantic's own wording or URLs."""
    for fixture in PLANS.glob("*.yaml"):
        for f in load_plan(fixture).findings:
            message, _ = render(f, "en")
            assert "pydantic" not in message and "http" not in message
            assert "input_value" not in message


def test_unknown_reference_suggests_the_closest_id() -> None:
    """A misspelt indicator id comes with a did-you-mean hint."""
    (finding,) = load_plan(PLANS / "bad-reference.yaml").errors
    assert render(finding, "en")[1] == "did you mean 'jobs.rate'?"


def test_read_plan_raises_with_findings() -> None:
    """Using a broken plan raises PlanInvalidError carrying the findings."""
    with pytest.raises(PlanInvalidError) as caught:
        read_plan(PLANS / "unknown-key.yaml")
    assert len(caught.value.findings) == 1


def test_missing_plan_file_is_an_input_error(tmp_path: Path) -> None:
    """A plan path that does not exist raises a TrackerError naming the path."""
    from linyi_tracker.errors import InputNotFoundError

    with pytest.raises(InputNotFoundError, match=r"nope\.yaml"):
        load_plan(tmp_path / "nope.yaml")


def test_shipped_plan_has_only_notices() -> None:
    """data/plan.yaml loads with no errors or warnings; notices name the gaps in the source."""
    result = load_plan(PLAN_FILE)
    assert result.plan is not None
    assert {f.severity.value for f in result.findings} == {"notice"}
    assert sorted(f.code for f in result.findings) == ["truncated-source"] + ["unnamed-project"] * 5


def test_plan_values_are_exact_decimals() -> None:
    """A YAML float such as 1.5 is read as Decimal('1.5'), never a binary float."""
    from decimal import Decimal

    plan = read_plan(PLAN_FILE)
    ratio = plan.target_by_id["ss.dibao_urban_rural_ratio.2020"]
    assert ratio.value == Decimal("1.5")
    assert isinstance(plan.assessment.thresholds.at_risk, Decimal)


EDGE_CASES = """\
plain: text
quoted: "123"
single: '0012'
int: 42
zero: 0
negative: -7
plus: +7
octal: 012
hex: 0x1F
underscored: 1_000
sexagesimal: 1:30
float: 1.50
exp: 1e3
inf: .inf
yes_word: yes
bool: true
null_word: ~
empty:
date: 2017-09-30
anchor: &shared {a: 1, b: [x, y]}
alias: *shared
merged:
  <<: *shared
  c: 3
nested: [[1, 2], {k: v}]
? 7
: integer key
"""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(EDGE_CASES, id="yaml-1.1-edge-cases"),
        *(
            pytest.param(p.read_text(encoding="utf-8"), id=p.name)
            for p in sorted([PLAN_FILE, *PLANS.glob("*.yaml")])
            if p.name
            not in {
                "not-utf8.yaml",
                "bad-yaml-syntax.yaml",
                "unknown-tag.yaml",
                "unhashable-key.yaml",
                "empty-plan.yaml",
            }
        ),
    ],
)
def test_fast_construction_builds_what_pyyaml_builds(text: str) -> None:
    """The loader builds common nodes itself for speed; the data must equal what
    PyYAML's safe constructor (with exact decimals) builds, types included."""
    import yaml

    from linyi_tracker.plan.loader import _DecimalConstructor, _Loader, construct

    root = yaml.compose(text, Loader=_Loader)
    fast = construct(root)
    reference = _DecimalConstructor().construct_document(root)
    assert fast == reference
    assert repr(fast) == repr(reference)  # 1 vs True vs 1.0, '012' vs 10: equal is not enough
    if isinstance(fast, dict) and "alias" in fast:
        assert fast["alias"] is fast["anchor"]


def test_an_anchor_used_inside_itself_is_built_as_pyyaml_builds_it() -> None:
    """A recursive alias is left to PyYAML's constructor (the direct builder would
    recurse for ever): the list holds itself, and loading does not crash."""
    import yaml

    from linyi_tracker.plan.loader import _Loader, construct

    data = construct(yaml.compose("a: &loop [*loop]\n", Loader=_Loader))
    assert data["a"][0] is data["a"]


def test_a_wrong_word_lists_the_allowed_ones_in_either_language(tmp_path: Path) -> None:
    """comparator: "=>" names the allowed comparators as a list both languages read,
    never pydantic's English "'>=', '>' or '≈'" inside a Chinese sentence."""
    from linyi_tracker.validation.catalogue import render

    text = PLAN_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace('comparator: ">="', 'comparator: "=>"', 1), encoding="utf-8")
    finding = next(f for f in load_plan(bad).findings if f.code == "plan-schema")
    zh = render(finding, "zh")[0]
    assert "'>=' / '>' / '<=' / '<' / '≈'" in zh and " or " not in zh
