"""Names that sound alike: the typo a pinyin input method makes.

A clerk typing 兰山区 with a pinyin input method can pick 兰三区 (san for shan): the
characters differ, the sound does not. Two names sound alike here when they have the same
number of characters and each character is the same or reads the same — by any of its
readings (沂 yí/yín), toneless, with the fuzzy pairs input methods offer (z/zh, c/ch, s/sh,
n/l; an/ang, en/eng, in/ing). At least one character must be the same: a name of
homophones alone is too far from what was written. The readings are pypinyin's, imported
on the first unknown Chinese name, never at start-up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from linyi_tracker.plan.names import ZONE_ENDINGS, fold, has_cjk

_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def _fuzzy(syllable: str) -> str:
    """A toneless syllable with the input methods' fuzzy pairs made one (shan → san)."""
    for long, short in _INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in _FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


@lru_cache(maxsize=4096)
def readings(ch: str) -> frozenset[str]:
    """Every toneless reading of a Chinese character (沂 → {yi, yin}); empty for others."""
    if not "\u4e00" <= ch <= "\u9fff":
        return frozenset()
    from pypinyin import Style, pinyin  # a suggestion's need: loaded on the first one

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not found:  # 兙 嗧 …: characters pypinyin has no reading for sound like nothing
        return frozenset()
    plain = {unicodedata.normalize("NFKD", r).encode("ascii", "ignore").decode() for r in found[0]}
    return frozenset(r for r in plain if r.isalpha())


def _closeness(written: str, name: str) -> int | None:
    """How alike ``written`` and ``name`` sound, character by character (3 the same, 2 the
    same reading, 1 a fuzzy pair), or None when a character is none of these or no
    character is the same."""
    if len(written) != len(name) or written == name:
        return None
    score, same = 0, False
    for a, b in zip(written, name, strict=True):
        if a == b:
            score, same = score + 3, True
            continue
        ra, rb = readings(a), readings(b)
        if ra & rb:
            score += 2
        elif {_fuzzy(r) for r in ra} & {_fuzzy(r) for r in rb}:
            score += 1
        else:
            return None
    return score if same else None


def ends_like(written: str, endings: tuple[str, ...]) -> bool:
    """Whether ``written`` ends in a word that reads as one of ``endings`` (兰山罝道 ends as
    街道 does): a zone's or a town's name typed with a homophone is still no county's."""
    for ending in endings:
        tail = written[-len(ending) :]
        if len(written) > len(ending) and all(
            a == b or readings(a) & readings(b) for a, b in zip(tail, ending, strict=True)
        ):
            return True
    return False


def is_zone_name(text: str) -> bool:
    """临沂经济技术开发区, 蒙山旅游区, 兰山街道 …: a functional zone's or a township's name,
    written as such or with a homophone in its ending (兰山接到, 兰山罝道): the one test every
    suggestion and hint asks, so no zone is offered a county however it is typed."""
    folded = fold(text)
    return folded.endswith(ZONE_ENDINGS) or (has_cjk(folded) and ends_like(folded, ZONE_ENDINGS))


def sounds_like(written: str, names: Mapping[str, str]) -> str | None:
    """The id of the Chinese name (folded name → id) that ``written`` sounds most like;
    None when none does, or when two ids sound equally alike (a tie is no suggestion)."""
    if len(written) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in written):
        return None
    best: dict[str, int] = {}
    for name, ident in names.items():
        score = _closeness(written, name)
        if score is not None and score > best.get(ident, -1):
            best[ident] = score
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
