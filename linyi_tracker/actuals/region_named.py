"""A region named outside the table of a file that has no region column.

A county sends 兰山区2017.xlsx, a sheet named 兰山区, or a title 兰山区2017年民生指标完成情况,
with no 地区 column: the format reads a blank region as the whole city, and the county's
figures were stored as the city's. The file's name, its sheet's and its title rows are
looked at for a region of the plan other than the city.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePath

from linyi_tracker.actuals.lookup import PlanLookup, fold
from linyi_tracker.formatting import shown_path


def region_named(lookup: PlanLookup, text: str) -> str | None:
    """The id of the first region of the plan other than the city that ``text`` names (a
    Chinese name or alias anywhere in it, a Latin one as a word), or None."""
    folded = fold(text)
    if not folded:
        return None
    # The city's own names first: 沂水 and 沂南 run across 临沂 (临沂水务集团, 临沂南坊).
    for name in sorted(_city_names(lookup), key=len, reverse=True):
        folded = folded.replace(name, " ")
    for name, region, latin in _names(lookup):
        if (latin.search(folded) is not None) if latin is not None else (name in folded):
            return region
    return None


def file_stem(shown: str) -> str:
    """The name of a file as shown, without its folders and extension; a name in GBK
    bytes (a Windows archive's) decoded, as every output shows it."""
    return PurePath(shown_path(shown)).stem


@functools.cache
def _compiled(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(name)}(?![a-z])")


def _city_names(lookup: PlanLookup) -> list[str]:
    """The folded names of the city (临沂市, 临沂, 全市, linyi)."""
    city = lookup.plan.city.id
    return [name for name, region in lookup.regions.items() if region == city]


def _names(lookup: PlanLookup) -> list[tuple[str, str, re.Pattern[str] | None]]:
    """Each folded name of a region but the city's, longest first: (name, region id,
    the pattern for a Latin name as a word, or None). A few dozen: built when asked."""
    city = lookup.plan.city.id
    names: list[tuple[str, str, re.Pattern[str] | None]] = []
    for name, region in lookup.regions.items():
        if region == city:
            continue
        if name.isascii():
            if len(name) >= 3 and any(c.isalpha() for c in name):
                names.append((name, region, _compiled(name)))
        elif len(name) >= 2:
            names.append((name, region, None))
    names.sort(key=lambda n: -len(n[0]))
    return names
