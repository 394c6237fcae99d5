"""The one formatter and the one catalogue of zh/en sentences (linyi_tracker/texts)."""

from __future__ import annotations

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
