"""What the extract tests share: a text read as one document, and the communiqué-like
texts their property tests are built of (given words and numbers in any order)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from linyi_tracker.extract.document import Document, split_sentences
from linyi_tracker.extract.figures import Extraction, Extractor
from linyi_tracker.plan.models import Plan


def text_of(
    plan: Plan, text: str, region: str | None = None, year: int | None = 2017
) -> Extraction:
    """``text`` extracted as one plain-text document, x.txt."""
    doc = Document("x.txt", "utf-8", split_sentences(text))
    return Extractor(plan, year=year, region=region).extract([doc])


def communique_texts(words: list[str]) -> st.SearchStrategy[str]:
    """Up to 30 pieces, each one of ``words`` or a number as communiqués print them."""
    number = st.from_regex(r"[1-9]\d{0,4}(\.\d{1,2})?", fullmatch=True)
    return st.lists(st.one_of(st.sampled_from(words), number), max_size=30).map("".join)


# the property tests over communiqué texts (a module-scoped plan fixture is no state)
over_texts = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
