"""What a unit text means against an indicator's unit: one rule for `extract` and the reader.

National and provincial plans measure in units whose name carries a magnitude (万吨, 亿元,
万人). Such a name matches *as a whole* before a 万 or 亿 in front of it is read as a
multiplier: ``69541万吨`` against a 万吨 indicator is 69541, against a 吨 indicator
695,410,000. Then a magnitude word in front of any name the unit answers to multiplies
(亿吨 against 万吨 is 10,000), and the plain name under a magnitude unit divides (吨 against
万吨 is 0.0001). Factors are exact decimals, never floats.
"""

from __future__ import annotations

import functools
import unicodedata
from decimal import Decimal

from linyi_tracker.actuals.numbers import MAGNITUDE_WORDS, plain_decimal
from linyi_tracker.plan.models import Unit
from linyi_tracker.plan.names import fold

# A plan's units are few and live as long as the run: their tables are built once each
# (keyed on the object; a frozen model holding a dict is not hashable).
_TABLES: dict[int, tuple[Unit, dict[str, Decimal]]] = {}


def unit_table(unit: Unit) -> dict[str, Decimal]:
    """Every folded name ``unit`` answers to with how many of ``unit`` one of it is: its own
    names (1), its conversions, and, under a name with a magnitude, the plain name (吨 → 1/万
    for 万吨) — the plan's own words first, so a whole name always wins."""
    cached = _TABLES.get(id(unit))
    if cached is not None and cached[0] is unit:
        return cached[1]
    table = dict.fromkeys(unit_names(unit), Decimal(1))
    for name, factor in unit.conversions.items():
        if fold(name):
            table.setdefault(fold(name), factor)
    for name, factor in list(table.items()):
        for word, magnitude in MAGNITUDE_WORDS:
            base = name[len(word) :]
            if name.startswith(word) and base and not base.startswith(("万", "亿")):
                table.setdefault(base, plain_decimal(factor / magnitude))
                break
    if len(_TABLES) > 256:
        _TABLES.clear()
    _TABLES[id(unit)] = (unit, table)
    return table


def unit_names(unit: Unit) -> frozenset[str]:
    """Every name the unit column may give for ``unit`` itself, folded."""
    names = (unit.id, unit.name.zh, unit.name.en, *unit.aliases)
    return frozenset(fold(n) for n in names if fold(n))


def declared(text: str, unit: Unit) -> bool:
    """``text`` converts surely: one of ``unit``'s own names, a conversion the plan
    declares, or a name with its own magnitude word (亿吨 against 万吨, 万元 against 元: the
    clerk wrote the magnitude). Not a plain name under a magnitude unit (吨 against 万吨),
    a factor the names alone give: the 万 of the indicator's unit may have been left out."""
    folded = colloquial(fold(text))
    own = unit_names(unit) | {fold(n) for n in unit.conversions}
    return folded in own or magnitude_of(folded) is not None


def unit_factor(text: str, unit: Unit) -> Decimal | None:
    """How many of ``unit`` one ``text`` is (1 for the unit itself), or None when ``text``
    names no unit that converts exactly: the whole name first, then a magnitude word in
    front of a name (亿吨 against 万吨 → 10000)."""
    table = unit_table(unit)
    folded = colloquial(fold(text))
    if not folded:
        return None
    found = table.get(folded)
    if found is not None:
        return found
    for word, magnitude in MAGNITUDE_WORDS:
        rest = folded[len(word) :].strip()
        if folded.startswith(word) and rest in table:
            return plain_decimal(magnitude * table[rest])
    return None


# Names offices write for a unit that are that unit exactly, whatever the plan lists:
# 平米 is 平方米 (and 万平米 万平方米). Read as the full name, never as a conversion.
COLLOQUIAL_UNITS: dict[str, str] = {"平米": "平方米", "平方": "平方米"}


def colloquial(folded: str) -> str:
    """A folded unit text with a colloquial name (:data:`COLLOQUIAL_UNITS`) at its end
    written out: 万平米 → 万平方米."""
    for short, full in COLLOQUIAL_UNITS.items():
        if folded.endswith(short):
            return folded[: -len(short)] + full
    return folded


def unit_at(text: str, start: int, unit: Unit) -> str | None:
    """The longest unit text at ``text[start:]`` that reads as ``unit`` (万吨, 亿吨, 万亿元
    …; never ``%``, which is the number parser's), or None: where a figure's unit ends, in
    a sentence (`extract`); a value cell's (:func:`split_unit`) runs to its end."""
    for end in range(min(len(text), start + _LONGEST), start, -1):
        piece = text[start:end]
        if piece[-1:].isspace() or fold(piece) == "%":
            continue
        if unit_factor(piece, unit) is None:
            continue
        folded = fold(piece)
        if colloquial(folded) != folded and text[end : end + 1].isalpha():
            continue  # 平方 of 平方公里: a colloquial name stands only where the unit ends
        if fold(text[end : end + 1]) in LONGER_UNIT:
            continue  # 万人 of 万人次, 元 of 元/平方米: another measure, never this unit
        return piece
    return None


# A character that makes a unit the start of another measure: 人次 (times, not persons),
# 户次, 元/人 and 元/平方米 (a rate), 千瓦时 (energy, not power), 元每吨.
LONGER_UNIT = frozenset("次/每时·")


_LONGEST = 16  # characters: no unit's name is longer ("平方米（建筑面积）" is 10)


def split_unit(text: str, unit: Unit) -> tuple[str, Decimal, str] | None:
    """A figure with its unit typed after it ('69541万吨', '6.95亿吨', '4.9万人'): (the
    number, how many of ``unit`` one of the typed unit is, the typed unit), the unit taken
    as long as it names one — so 万 belongs to 万吨 before it can be a multiplier. Only
    where digits end is a unit looked for (a value cell is read per row)."""
    s = text.strip()
    for i in range(1, len(s)):
        if not s[i - 1].isdigit() or s[i].isdigit() or s[i] in ".,":
            continue
        rest = s[i:].strip()
        if fold(rest) == "%":
            continue  # a percentage is the number parser's, not a unit typed in the cell
        factor = unit_factor(rest, unit)
        if factor is not None:  # the unit as the plan spells it: full-width folded (：1 → :1)
            return s[:i].strip(), factor, unicodedata.normalize("NFKC", rest)
    return None


def has_magnitude(text: str) -> bool:
    """A unit text that starts with 万 or 亿 (万吨, 亿元, 万人)."""
    return magnitude_of(text) is not None


@functools.lru_cache(maxsize=1024)
def magnitude_of(text: str) -> tuple[str, Decimal] | None:
    """The magnitude word a unit text starts with and its factor (万亿元 → 万亿, not 万),
    or None (吨, 人). Kept for the unit texts seen last: the value rule asks it twice for
    every distinct figure, of the same few unit texts (a third of the rule's time on the
    bench's shape)."""
    folded = fold(text)
    return next(((w, m) for w, m in MAGNITUDE_WORDS if folded.startswith(w)), None)
