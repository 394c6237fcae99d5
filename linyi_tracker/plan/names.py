"""The names a plan's entries answer to, and the folds they are compared in.

A data row names its indicator and region by id, zh or en name or alias; a command
(``show``, ``--region``, ``--system``) by the same names and a few more. Both compare
folded text. The plan check refuses two entries with one folded name
(:func:`linyi_tracker.plan.checks.check_plan`) using these very functions, so that
what the check lets through, the look-ups can always tell apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linyi_tracker.plan.models import Indicator, Plan, Region, System


def fold(text: str) -> str:
    """Text as a data file's names are compared: NFKC (full-width folded), stripped,
    case-folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def fold_words(text: str) -> str:
    """Text as a command's names are compared: :func:`fold`, then ``_``, ``-`` and runs
    of spaces alike. Names equal under :func:`fold` are equal here too, so a plan whose
    names differ here is read without a clash by both."""
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


# A name and where in its entry it is written (("aliases", 2)), for the plan check's
# finding; the look-ups take the names alone.
Named = tuple[tuple[str | int, ...], str]


def indicator_fields(ind: Indicator) -> list[Named]:
    """Every name a data row may give an indicator by: its id, zh and en names, aliases."""
    return [
        (("id",), ind.id),
        (("name", "zh"), ind.name.zh),
        (("name", "en"), ind.name.en),
        *((("aliases", k), alias) for k, alias in enumerate(ind.aliases)),
    ]


def region_fields(reg: Region) -> list[Named]:
    """Every name a data row may give a region by: its id, zh and en names, aliases."""
    return [
        (("id",), reg.id),
        (("name", "zh"), reg.name.zh),
        (("name", "en"), reg.name.en),
        *((("aliases", k), alias) for k, alias in enumerate(reg.aliases)),
    ]


def system_fields(system: System) -> list[Named]:
    """Every name ``--system`` takes for a system: its id, number, zh and en names."""
    return [
        (("id",), system.id),
        (("number",), str(system.number)),
        (("name", "zh"), system.name.zh),
        (("name", "en"), system.name.en),
    ]


def indicator_names(ind: Indicator) -> tuple[str, ...]:
    return tuple(name for _, name in indicator_fields(ind))


def region_names(reg: Region) -> tuple[str, ...]:
    return tuple(name for _, name in region_fields(reg))


def system_names(system: System) -> tuple[str, ...]:
    return tuple(name for _, name in system_fields(system))


# A province written in front of a place (山东省临沂市兰山区): two to four characters and 省.
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,4}?省")


def city_prefixes(plan: Plan) -> tuple[str, ...]:
    """What a county's name may carry in front of it: the whole area's names in Chinese
    (临沂市, its aliases such as 临沂), longest first. An alias that is no place name
    (全市, 全省: a word for "the whole …") is left out, so 全市兰山区 is not 兰山区."""
    city = plan.city
    names = {
        fold(n)
        for n in (city.name.zh, *city.aliases)
        if has_cjk(n) and not fold(n).startswith("全")
    }
    names |= {n[:-1] for n in names if n.endswith("市") and len(n) > 2}
    return tuple(sorted(names, key=len, reverse=True))


def without_city(text: str, prefixes: Iterable[str]) -> str | None:
    """``text`` without the province and city written in front of it (临沂市兰山区,
    临沂兰山区, 山东省临沂市兰山区 → 兰山区), folded; None when nothing is in front or
    nothing is left (临沂市 alone is the city, not a county). The caller takes what is
    left only when it is exactly a county's name: a guess never becomes a region."""
    folded = fold(text)
    rest = _PROVINCE.sub("", folded, count=1)
    for prefix in prefixes:
        if rest.startswith(prefix):
            rest = rest[len(prefix) :].strip()
            break
    else:
        return None
    return rest or None


def after_city(
    text: str, names: Mapping[str, str], city: str, prefixes: Iterable[str]
) -> tuple[str | None, str | None]:
    """A name written after the city's (临沂市兰山区, 临沂市兰三区): what follows the city,
    folded, and the county it names exactly (``names``: folded name → region id), never
    the city itself; ``(None, None)`` when nothing is written in front. The one rule of
    data files, ``--region`` and their suggestions (judged on what follows the city, so a
    misspelt county is never offered the city, whose figure is not the county's)."""
    rest = without_city(text, prefixes)
    if rest is None:
        return None, None
    found = names.get(rest)
    return rest, found if found != city else None


# Endings of functional zones (功能区) and of the parts of a county (街道, 镇, 乡): none is
# a county, and suggesting one would record the zone's or township's figure as a whole
# county's (蒙山旅游区 is not lanshan, 兰山街道 is not all of 兰山区).
ZONE_ENDINGS = (
    "街道",
    "镇",
    "乡",
    "社区",
    "开发区",
    "旅游区",
    "高新区",
    "园区",
    "度假区",
    "示范区",
    "功能区",
    "临港区",
    "保税区",
    "试验区",
    "新区",
    "景区",
)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (a name in Chinese)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
