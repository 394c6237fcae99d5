"""The one JSON writer (linyi_tracker.jsontext): the layout of json.dumps(indent=2), exact
figures, and the same text whether made whole or written in parts."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker import jsontext
from linyi_tracker.formatting import without_surrogates

# Every character but lone surrogates and those a terminal acts on (written as escapes).
_plain_char = st.characters(blacklist_categories=("Cs",)).filter(
    lambda c: (
        not ("\x7f" <= c <= "\x9f" or c in "\u061c\u200e\u200f\u2028\u2029")
        and not ("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069")
    )
)
_plain_text = st.text(_plain_char)
_leaf = st.none() | st.booleans() | st.integers() | st.floats() | _plain_text
_data = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(_plain_text | st.integers() | st.booleans(), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_data)
def test_layout_is_json_dumps_indent_2(data: Any) -> None:
    """Without figures or characters a terminal acts on, the text is json.dumps's with
    indent=2 and ensure_ascii=False, byte for byte."""
    assert jsontext.dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


@settings(max_examples=100, deadline=None)
@given(_data, st.integers(1, 5))
def test_written_in_parts_is_the_whole(data: Any, batch: int) -> None:
    """What write() hands out, joined, is dumps()'s text, whatever the size of a part."""
    parts: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "_BATCH", batch)
        jsontext.write({"findings": [data] * 3}, parts.append)
    assert "".join(parts) == jsontext.dumps({"findings": [data] * 3})


def test_large_report_is_written_in_several_parts() -> None:
    """A report of many findings is handed out in parts, never as one text, and the
    parts make the whole."""
    report = {"findings": [{"code": "x", "line": n, "value": Decimal(n)} for n in range(5000)]}
    parts: list[str] = []
    jsontext.write(report, parts.append)
    assert len(parts) > 1
    assert "".join(parts) == jsontext.dumps(report)


def test_figure_is_written_exactly() -> None:
    """A Decimal is a JSON number with every digit it has; one not finite is null."""
    text = jsontext.dumps({"a": Decimal("12345678901234567890.123"), "b": Decimal("NaN")})
    assert '"a": 12345678901234567890.123' in text
    assert '"b": null' in text


def test_terminal_characters_and_surrogates() -> None:
    """A bidirectional override is an escape; a lone surrogate (a GBK file name) is U+FFFD."""
    text = jsontext.dumps({"name\u202e": "\udcc1\udcd9\u2028"})
    assert text == '{\n  "name\\u202e": "\ufffd\ufffd\\u2028"\n}'
    assert json.loads(text) == {"name\u202e": "\ufffd\ufffd\u2028"}


_any_text = st.text(
    _plain_char | st.sampled_from(["\udcc1", "\udcd9", "\u202e", "\x85", "\u2028", "\x9f"])
)
_any_data = st.recursive(
    st.none() | st.booleans() | st.integers() | _any_text,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(_any_text | st.integers(), inner, max_size=4)
    ),
    max_leaves=25,
)


def _replaced(data: Any) -> Any:
    """``data`` with each text (keys too) as the one rule for names that are not UTF-8
    gives it (GBK bytes decoded, other lone surrogates U+FFFD)."""
    if isinstance(data, str):
        return without_surrogates(data)
    if isinstance(data, list):
        return [_replaced(x) for x in data]
    if isinstance(data, dict):
        return {
            (_replaced(k) if isinstance(k, str) else str(k)): _replaced(v) for k, v in data.items()
        }
    return data


@settings(max_examples=300, deadline=None)
@given(_any_data, st.integers(1, 5))
def test_any_text_reads_back_with_surrogates_replaced_and_nothing_a_terminal_acts_on(
    data: Any, batch: int
) -> None:
    """Whatever the strings hold and however the text is batched, it reads back as the data
    with U+FFFD for each surrogate, and holds no surrogate nor raw character a terminal acts on."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "_BATCH", batch)
        text = jsontext.dumps(data)
    assert json.loads(text) == _replaced(data)
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert not any(c in "\u202e\x85\u2028\x9f" for c in text)
