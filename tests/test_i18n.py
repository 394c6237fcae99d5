"""The table of the tool's sentences: how a label is filled."""

from __future__ import annotations

from linyi_tracker.i18n import t


def test_english_labels_agree_with_their_numbers() -> None:
    """`{n:row|rows}` gives '1 row' and '2 rows' in English; Chinese writes the number alone."""
    assert t("extract.wrote", "en", path="x.csv", rows=1).startswith("wrote x.csv: 1 row.")
    assert t("extract.wrote", "en", path="x.csv", rows=2).startswith("wrote x.csv: 2 rows.")
    assert t("extract.wrote", "zh", path="x.csv", rows=1).startswith("已写入 x.csv：1行。")
