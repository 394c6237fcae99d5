"""Traditional characters read as simplified: reposts of Linyi and national releases are
often in traditional script (臨沂市實現城鎮新增就業8.37萬人), and the plan's names, units and
the extractor's words are simplified.

OpenCC (the ``opencc`` package, OpenCC's own Python binding) converts; its Hong Kong and
Taiwan configurations both, since reposts come from either side with their variant
characters (衞, 裡). The conversion keeps one character for one — positions found in the
simplified text are positions in the sentence as published, which is what the review shows
— and falls back to converting character by character when a phrase rule would change the
length. OpenCC is imported on the first text that is not plain ASCII, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

_CONFIGS = ("hk2s", "tw2s")


@lru_cache(maxsize=1)
def _converters() -> tuple[Callable[[str], str], ...]:
    import opencc  # loaded when a text or a name not found is read, never at start-up

    return tuple(opencc.OpenCC(config).convert for config in _CONFIGS)


def _convert(text: str) -> str:
    for convert in _converters():
        text = convert(text)
    return text


def simplified(text: str) -> str:
    """``text`` with traditional characters made simplified, one character for one; never
    raising (a lone surrogate, which OpenCC cannot encode, is kept as it is)."""
    if text.isascii():
        return text
    out = _convert_or_none(text)
    if out is not None and len(out) == len(text):
        return out
    chars = []
    for ch in text:
        one = _convert_or_none(ch)
        chars.append(one if one is not None and len(one) == 1 else ch)
    return "".join(chars)


def _convert_or_none(text: str) -> str | None:
    try:
        return _convert(text)
    except UnicodeError:
        return None
