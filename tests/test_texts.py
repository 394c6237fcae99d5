"""The one formatter and the one catalogue of zh/en sentences (linyi_tracker/texts)."""

from __future__ import annotations

import ast
import string
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import linyi_tracker
from linyi_tracker import findings, i18n
from linyi_tracker.texts import text
from linyi_tracker.texts.text import fill, fill_finding, plural
from linyi_tracker.validation import catalogue


@given(st.integers(min_value=-5, max_value=10_000))
def test_one_plural_rule_for_labels_findings_and_summaries(n: int) -> None:
    """A label, a finding and a summary line write `{n:row|rows}` by the same rule."""
    expected = plural(n, "row", "rows")
    assert fill("{n:row|rows}", {"n": n}) == expected
    assert fill_finding("{n:row|rows}", {"n": n}) == expected
    assert i18n.t("validate.file", "en", path="a.csv", encoding="utf-8", n=n) == (
        f"a.csv (utf-8, {expected})"
    )


def test_every_table_fills_through_the_one_formatter() -> None:
    """No module of the package defines a string.Formatter of its own beside texts.text's."""
    package = Path(linyi_tracker.__file__).parent
    own = package / "texts" / "text.py"
    others = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                ast.unparse(base).endswith("Formatter") for base in node.bases
            ):
                others.append((path.relative_to(package), node.name))
    assert others == [(own.relative_to(package), "_Formatter")]


def test_a_label_missing_a_parameter_raises() -> None:
    """fill() raises KeyError on a label parameter the caller did not give."""
    with pytest.raises(KeyError):
        fill("{a} {b}", {"a": 1})


def test_findings_and_texts_do_not_import_each_other() -> None:
    """linyi_tracker.findings imports nothing from texts (text.py imports Named from it)."""
    source = (Path(linyi_tracker.__file__).parent / "findings.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = [
        node.module
        for node in tree.body  # module level only: plural's lazy lookup is for old callers
        if isinstance(node, ast.ImportFrom) and node.module
    ]
    assert not [m for m in imported if m.startswith("linyi_tracker.texts")]


def test_t_says_named_texts_and_pairs_in_the_language_asked() -> None:
    """i18n.t renders like Text.render: a Named id by its name, a {zh, en} pair, a Text."""
    county = findings.Named("lanshan", "兰山区", "Lanshan District")
    assert i18n.t("col.value", "zh") == "数值"
    assert i18n.t("ingest.refinement", "zh", figure=county, old="1", new="1.0").startswith(
        "精确化：兰山区："
    )
    pair = {"zh": "甲", "en": "A"}
    assert "A: " in i18n.t("ingest.refinement", "en", figure=pair, old="1", new="1.0")
    said = i18n.Text("status.achieved")
    assert i18n.t("ingest.refinement", "zh", figure=said, old="1", new="2").startswith(
        "精确化：已达成："
    )


def test_an_unknown_code_renders_as_its_code_without_growing_the_table() -> None:
    """A finding with no catalogue entry says its code and adds no key to the findings' table."""
    from linyi_tracker.texts.findings import FINDING_TEXTS

    before = dict(FINDING_TEXTS)
    odd = findings.Finding("no-such-code", findings.Severity.ERROR, params={"x": 1})
    assert catalogue.render(odd, "zh") == ("no-such-code", None)
    assert catalogue.render(odd, "en") == ("no-such-code", None)
    assert before == FINDING_TEXTS


def test_finding_templates_keep_a_missing_parameter_and_show_decimals_exactly() -> None:
    """A finding's template shows Decimal('1E+3') as 1000 and a missing name as {name}."""
    assert fill_finding("{x} {y}", {"x": Decimal("1E+3")}) == "1000 {y}"


def test_percent_points_in_labels() -> None:
    """`{tol:pct}` writes a ratio as percent points without trailing zeros."""
    assert fill("{tol:pct} %", {"tol": Decimal("0.050")}) == "5 %"


def test_labels_and_findings_share_one_text_class() -> None:
    """A label's Text and a finding's Text are the same class, looked up by key."""
    assert i18n.Text is text.Text
    entry = catalogue.CATALOGUE["encoding-error"]
    assert entry.title.key == "finding.encoding-error.title"
    assert entry.messages["bom"].key == "finding.encoding-error.message.bom"
    assert i18n.Text("status.achieved").render("zh") == "已达成"


def _areas() -> dict[str, Mapping[str, Mapping[str, str]]]:
    from linyi_tracker.texts import cli_help, findings, labels

    return {
        "labels": labels.LABELS,
        "findings": findings.FINDING_TEXTS,
        "help commands": cli_help.COMMANDS,
        "help parameters": cli_help.PARAMETERS,
    }


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_sentence_of_every_area_has_both_languages() -> None:
    """Each key of labels, findings and help has a non-empty zh and en text, nothing else."""
    for area, table in _areas().items():
        for key, pair in table.items():
            assert set(pair) == {"zh", "en"} and all(pair.values()), (area, key)


# Templates whose languages name different parameters today, with the exact fields only
# Chinese and only English fill, and why: English takes a count already written with its
# plural word ({targets}, {rows}: "3 rows", from cli/render/status_table.py) where Chinese
# writes the bare number ({n}个); English adds a word Chinese does without ({item},
# {kind}, the English unit or category). A key leaves this list when its two templates
# come to agree; a new key may not join it without a reason here.
_KNOWN_DIFFERENT: dict[str, tuple[set[str], set[str]]] = {
    "hint.no_data": ({"n"}, {"targets"}),
    "hint.no_data_rows": ({"n"}, {"rows"}),
    "finding.unit-mismatch.message": (set(), {"expected_en"}),
    "finding.unit-mismatch.hint.twice": (set(), {"expected_en"}),
    "finding.unit-mismatch.message.scaled": (set(), {"expected_en"}),
    "finding.unit-mismatch.hint.scaled": (set(), {"expected_en"}),
    "finding.unit-mismatch.hint": (set(), {"expected_en"}),
    "finding.duplicate-id.message": (set(), {"item"}),
    "finding.duplicate-id.message.alike": (set(), {"item"}),
    "finding.duplicate-id.message.name": (set(), {"item"}),
    "finding.duplicate-id.hint": (set(), {"item"}),
    "finding.unknown-reference.message": (set(), {"kind"}),
    "finding.unnamed-project.message": (set(), {"category_en"}),
}


def test_zh_and_en_name_the_same_parameters() -> None:
    """Each key's Chinese and English templates fill the same {parameters}, listed
    exceptions aside, and those differ by exactly the fields listed."""
    different = {}
    for table in _areas().values():
        for key, pair in table.items():
            zh, en = _fields(pair["zh"]), _fields(pair["en"])
            if zh != en:
                different[key] = (zh - en, en - zh)
    assert different == _KNOWN_DIFFERENT


def test_one_key_one_sentence_across_the_tables() -> None:
    """No key of one area's table is also a key of another's (a Text finds one sentence)."""
    from linyi_tracker.texts.text import tables

    seen: dict[str, int] = {}
    for n, table in enumerate(tables()):
        for key in table:
            assert seen.setdefault(key, n) == n, key


def test_a_newcomer_finds_the_chinese_text_of_a_finding_in_texts_findings() -> None:
    """The finding catalogue's sentences live in linyi_tracker/texts/findings.py."""
    from linyi_tracker.texts.findings import FINDING_TEXTS

    assert FINDING_TEXTS["finding.encoding-error.message.bom"]["zh"].startswith("第{offset}字节")


def test_a_region_sum_counts_its_files_by_the_plural_rule() -> None:
    """A city figure summed from one file says "1 file", from two "2 files", in one template."""
    from linyi_tracker.assessment.series import describe_source, region_sum_source

    assert describe_source(region_sum_source(12, 1), "en").endswith("(1 file)")
    assert describe_source(region_sum_source(12, 2), "en").endswith("(2 files)")
    assert describe_source(region_sum_source(12, 1), "zh") == "12个地区数据之和（1个文件）"


def test_validate_summaries_agree_with_their_counts() -> None:
    """validate's English summary writes each count with its own plural, notices or none."""
    counts = {"files": 1, "n": 1, "errors": 1, "warnings": 2}
    assert i18n.t("validate.found", "en", **counts, notices=0) == (
        "Found 1 error and 2 warnings in 1 file (1 row)."
    )
    assert i18n.t("validate.found_notices", "en", **counts, notices=1) == (
        "Found 1 error, 2 warnings and 1 notice in 1 file (1 row)."
    )
    assert i18n.t("validate.found_notices", "zh", **counts, notices=1) == (
        "1个文件（1行）中发现1个错误、2个警告、1个提示。"
    )
