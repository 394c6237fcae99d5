"""`extract`: a reviewer's findings on the rule book (linyi_tracker/extract/figures.py and
areas.py) — a clause's words read for the clause each number is in, one rule for a
comparison with another year, 上年增长 left unread, a document's title found past a page's
menu, the own-area words' reason, and topic headings that are no places.

Sentences are made up in the shapes communiqués print unless a source is given (see
tests/fixtures/extract/README.md for the fixtures' sources).
"""

from __future__ import annotations

import pytest

from conftest import PLAN_FILE
from linyi_tracker.extract.document import Document, split_sentences
from linyi_tracker.extract.figures import Extraction, Extractor, _Text
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan


@pytest.fixture(scope="module")
def linyi() -> Plan:
    return read_plan(PLAN_FILE)


def text_of(
    plan: Plan, text: str, region: str | None = None, year: int | None = 2017
) -> Extraction:
    doc = Document("x.txt", "utf-8", split_sentences(text))
    return Extractor(plan, year=year, region=region).extract([doc])


def rows(result: Extraction) -> list[tuple[str, str, str, str]]:
    return [(r.period, r.region, r.value, r.measure) for r in result.rows]


# A clause's words are read for the clause each number is in


def test_a_clauses_words_are_keyed_by_its_start_and_end() -> None:
    """Two clauses starting at one place (an aside moves a number's start back) are read
    each for its own words: the shorter's verdict is not the longer's."""
    text = _Text("收入32000元增长（名义）8%的预期目标", [])
    assert text.clause_words(0, 8)[0] is False
    assert text.clause_words(0, len(text.f))[0] is True


def test_a_growth_after_an_aside_reads_its_own_clause(linyi: Plan) -> None:
    """…32000元增长（名义）8%的预期目标: 8 % is a target (its clause says 目标), never a growth
    row because the level before the aside was read first with the same clause start."""
    result = text_of(linyi, "城镇居民人均可支配收入32000元增长（名义）8%的预期目标。")
    assert ("2017", "linyi", "8", "growth") not in rows(result)
    assert [(s.text, s.reason) for s in result.skipped] == [("8%", "target")]
