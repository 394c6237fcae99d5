"""The one formatter and the one catalogue of zh/en sentences (linyi_tracker/texts)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from linyi_tracker import findings, i18n
from linyi_tracker.texts.text import fill, fill_finding, plural
from linyi_tracker.validation import catalogue


@given(st.integers(min_value=-5, max_value=10_000))
def test_one_plural_rule_for_labels_findings_and_summaries(n: int) -> None:
    """A label, a finding and a summary line write `{n:row|rows}` by the same rule."""
    expected = plural(n, "row", "rows")
    assert fill("{n:row|rows}", {"n": n}) == expected
    assert fill_finding("{n:row|rows}", {"n": n}) == expected
    assert findings.plural(n, "row") == expected


def test_every_table_fills_through_the_one_formatter() -> None:
    """The old modules keep no formatter of their own: labels, findings and plurals share one."""
    assert not hasattr(i18n, "_Plurals")
    assert not hasattr(catalogue, "_Formatter")
    assert findings.plural is plural


def test_finding_templates_keep_a_missing_parameter_and_show_decimals_exactly() -> None:
    """A finding's template shows Decimal('1E+3') as 1000 and a missing name as {name}."""
    assert fill_finding("{x} {y}", {"x": Decimal("1E+3")}) == "1000 {y}"


def test_percent_points_in_labels() -> None:
    """`{tol:pct}` writes a ratio as percent points without trailing zeros."""
    assert fill("{tol:pct} %", {"tol": Decimal("0.050")}) == "5 %"


def test_labels_and_findings_share_one_text_class() -> None:
    """A label's Text and a finding's Text are the same class, looked up by key."""
    assert i18n.Text is catalogue.Text
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


# Templates whose languages name different parameters today, and why: English takes a
# count already written with its plural word ({rows}: "3 rows", from plural()) where
# Chinese writes the bare number ({n}行); English adds a word Chinese does without
# ({item}, {kind}, the English unit or category). A key leaves this list when its two
# templates come to agree; a new key may not join it without a reason here.
_KNOWN_DIFFERENT = {
    "source.region_sum_one",  # en says "1 file": always one
    "hint.no_data",
    "hint.no_data_rows",
    "ingest.nothing_to_write",
    "ingest.would_write",
    "ingest.wrote",
    "validate.file",
    "validate.clean",
    "validate.clean_notices",
    "validate.found",
    "finding.unit-mismatch.message",
    "finding.unit-mismatch.hint.twice",
    "finding.unit-mismatch.hint",
    "finding.duplicate-id.message",
    "finding.duplicate-id.message.alike",
    "finding.duplicate-id.message.name",
    "finding.duplicate-id.hint",
    "finding.unknown-reference.message",
    "finding.unnamed-project.message",
}


def test_zh_and_en_name_the_same_parameters() -> None:
    """Each key's Chinese and English templates fill the same {parameters} (listed
    exceptions aside, and those must still differ)."""
    different = {
        key
        for table in _areas().values()
        for key, pair in table.items()
        if _fields(pair["zh"]) != _fields(pair["en"])
    }
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
