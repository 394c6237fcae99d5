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


def test_zh_and_en_name_the_same_parameters() -> None:
    """Each key's Chinese and English templates fill the same {parameters}, no exception."""
    different = {}
    for table in _areas().values():
        for key, pair in table.items():
            zh, en = _fields(pair["zh"]), _fields(pair["en"])
            if zh != en:
                different[key] = (zh - en, en - zh)
    assert different == {}


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
    from linyi_tracker.assessment.sources import describe_source, region_sum_source

    assert describe_source(region_sum_source(12, 1), "en").endswith("(1 file)")
    assert describe_source(region_sum_source(12, 2), "en").endswith("(2 files)")
    assert describe_source(region_sum_source(12, 1), "zh") == "12个地区数据之和（1个文件）"


def test_validate_summaries_agree_with_their_counts() -> None:
    """validate's English summary writes each count with its own plural, notices or none."""
    from linyi_tracker.cli.output import found

    assert found("en", 1, 2, 0, 1, 1) == "Found 1 error and 2 warnings in 1 file (1 row)."
    assert found("en", 1, 2, 1, 1, 1) == (
        "Found 1 error, 2 warnings and 1 notice in 1 file (1 row)."
    )
    assert found("zh", 1, 2, 1, 1, 1) == "1个文件（1行）中发现1个错误、2个警告、1个提示。"


def test_plan_check_and_validate_say_their_summary_in_one_sentence() -> None:
    """plan check's summary is validate's sentence without rows: no '0 notices' in
    English, no spaces around the figures in Chinese."""
    from linyi_tracker.cli.output import found, summary
    from linyi_tracker.findings import Finding, Severity

    error = Finding("plan-schema", Severity.ERROR, "plan.yaml", 3)
    assert (
        summary([error], "en")
        == found("en", 1, 0, 0, 1)
        == ("Found 1 error and 0 warnings in 1 file.")
    )
    assert summary([error], "zh") == found("zh", 1, 0, 0, 1) == "1个文件中发现1个错误、0个警告。"


def test_a_parameter_said_in_both_languages_shows_its_chinese_form_in_english() -> None:
    """`{unit:zh}` writes a Named parameter's Chinese name, `{unit}` its name in the language."""
    unit = findings.Named("10k_persons", "万人", "10,000 persons")
    said = i18n.Text("finding.unit-mismatch.message", {"unit": "人", "expected": unit})
    assert said.render("en").endswith("'万人' (10,000 persons)")
    assert said.render("zh") == "单位“人”与指标单位“万人”不符"


def test_a_unit_mismatch_names_the_unit_by_one_parameter_kept_as_its_id() -> None:
    """A unit-mismatch holds the indicator's unit as one parameter, its id for JSON."""
    from linyi_tracker.actuals.cells import unit_cell
    from linyi_tracker.plan.models import Unit

    unit = Unit.model_validate({"id": "yuan", "name": {"zh": "元", "en": "yuan"}, "kind": "amount"})

    issues: list[findings.Issue] = []
    assert unit_cell(Decimal(5), "kg", unit, issues) is None
    (issue,) = issues
    assert issue.params == {"unit": "kg", "expected": "yuan"}


def test_a_duplicate_id_names_the_kind_of_entry_in_chinese() -> None:
    """duplicate-id's Chinese message and hint say which kind of entry (指标) the id is of."""
    item = text.Text("finding.item.indicator")
    params = {"section": "indicators", "item": catalogue_item("indicator"), "id": "a.b"}
    message = i18n.Text(
        "finding.duplicate-id.message", {**params, "first_line": 3, "first_column": 9}
    )
    assert "`indicators:` 中的指标代码“a.b”重复" in message.render("zh")
    assert "indicator id 'a.b'" in message.render("en")
    hint = i18n.Text("finding.duplicate-id.hint", params)
    assert hint.render("zh") == "请为每个指标取不同的代码"
    assert item.render("zh") == "指标"


def test_an_unknown_reference_names_the_kind_of_entry_in_chinese() -> None:
    """unknown-reference's Chinese message says the kind (地区) of the id it does not find."""
    params = {"kind": catalogue_item("region"), "section": "regions", "id": "lanshn"}
    said = i18n.Text("finding.unknown-reference.message", params)
    assert said.render("zh") == "规划的 `regions:` 中没有定义地区“lanshn”"
    assert said.render("en") == "region 'lanshn' is not defined in `regions:`"


def test_an_unnamed_project_names_its_category_in_each_language() -> None:
    """unnamed-project says the category's Chinese name in Chinese, both names in English."""
    category = findings.Named("infra", "基础设施", "Infrastructure")
    said = i18n.Text("finding.unnamed-project.message", {"project": "p1", "category": category})
    assert said.render("zh").startswith("“基础设施”类别中的工程“p1”")
    assert "category 'Infrastructure' (基础设施)" in said.render("en")


def test_an_item_kind_is_a_code_in_json_and_a_word_in_each_language() -> None:
    """item_named keeps the code as the parameter's value and says it 指标 / indicator."""
    item = catalogue_item("indicator")
    assert item == "indicator" and (item.zh, item.en) == ("指标", "indicator")


def test_the_no_data_hint_counts_targets_by_the_plural_rule() -> None:
    """The status hint for missing figures writes one count `n` in both languages."""
    assert i18n.t("hint.no_data", "en", n=1, year=2019).startswith("No figure yet for 1 target:")
    assert i18n.t("hint.no_data_rows", "en", n=2, year=2019).startswith(
        "No figure yet for 2 rows (target × region)"
    )
    assert i18n.t("hint.no_data", "zh", n=1, year=2019).startswith("1个目标暂无数据")


def catalogue_item(code: str) -> findings.Named:
    from linyi_tracker.texts.findings import item_named

    return item_named(code)
