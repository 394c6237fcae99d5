"""The names a plan's entries answer to, and the folds they are compared in.

A data row names its indicator and region by id, zh or en name or alias; a command
(``show``, ``--region``, ``--system``) by the same names and a few more. Both compare
folded text. The plan check refuses two entries with one folded name
(:func:`linyi_tracker.plan.checks.check_plan`) using these very functions, so that
what the check lets through, the look-ups can always tell apart.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linyi_tracker.plan.models import Indicator, Region, System


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
