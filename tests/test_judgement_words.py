"""Judgement words: the words every output shows are accepted; 滞后 / 落后 ask which."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import FIXTURES
from linyi_tracker.actuals.cells import judgement_cell
from linyi_tracker.actuals.reader import PlanLookup, read_bytes
from linyi_tracker.plan.models import Plan
from linyi_tracker.texts.findings import CATALOGUE
from linyi_tracker.texts.labels import LABELS

TODAY = date(2026, 11, 28)
STATUSES = ("achieved", "on_track", "at_risk", "off_track", "missed")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("status", STATUSES)
def test_a_word_copied_from_the_report_is_read_as_shown(status: str, lang: str) -> None:
    """The status word an output shows (未达成, on track …) reads as that status."""
    (_, word, _), issues = judgement_cell(LABELS[f"status.{status}"][lang])
    assert (word, issues) == (status, [])


@pytest.mark.parametrize("text", ["滞后", "落后"])
def test_a_lagging_word_is_an_error_asking_which(text: str) -> None:
    """滞后 / 落后 may be 存在风险 or 明显滞后: an error in the ambiguous form, no status read."""
    (_, word, _), issues = judgement_cell(text)
    assert word is None
    assert [(i.code, i.form, i.hint_form) for i in issues] == [
        ("invalid-status-word", "ambiguous", "ambiguous")
    ]


def test_every_word_the_hint_lists_is_accepted() -> None:
    """The zh and en hints list words the reader takes, each the word the outputs show."""
    hint = CATALOGUE["invalid-status-word"].hints[""]
    zh = re.findall(r"[\u4e00-\u9fff]+", hint.zh.split("（")[0].split("：")[1])
    assert zh == [LABELS[f"status.{s}"]["zh"] for s in STATUSES]
    en = hint.en.split(": ")[1].split(" (")[0].split(", ")
    assert en == [LABELS[f"status.{s}"]["en"] for s in STATUSES]


def test_a_gb18030_file_of_judgements_reads_shown_words_and_refuses_lagging(plan: Plan) -> None:
    """已达成 and 未达成 are read; 滞后 and 落后 are errors at their cells."""
    path = FIXTURES / "judgements" / "words.csv"
    got = read_bytes(path.read_bytes(), str(path), PlanLookup(plan), today=TODAY)
    assert [(o.line, o.word) for o in got.observations] == [(2, "achieved"), (3, "missed")]
    refused = [
        (f.line, f.column_number, f.form) for f in got.findings if f.code == "invalid-status-word"
    ]
    assert refused == [(4, 3, "ambiguous"), (5, 3, "ambiguous")]


def test_an_ambiguous_word_is_in_no_map_of_judgements() -> None:
    """One rule for 滞后 / 落后: no word list maps them to a status (words.py once read 滞后
    as off_track and the reader overrode it); every word the reader accepts is unambiguous."""
    from linyi_tracker.actuals.cells import ACCEPTED_JUDGEMENTS
    from linyi_tracker.words import AMBIGUOUS_JUDGEMENTS, JUDGEMENTS

    assert AMBIGUOUS_JUDGEMENTS
    assert not AMBIGUOUS_JUDGEMENTS & (JUDGEMENTS.keys() | ACCEPTED_JUDGEMENTS.keys())
