"""Options shared by every command, defined once; the parsers of every typed option.

Each option with a type (a period, a choice, a year, a path) has a parser here that
fails with a message in the run's language: Click's own conversions speak English
(see cli/usage.py). Help texts live in cli/help_texts.py.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from linyi_tracker.actuals.periods import AmbiguousPeriod, Period, PeriodError, parse_period
from linyi_tracker.cli.usage import current_lang
from linyi_tracker.formatting import listed
from linyi_tracker.i18n import Lang, resolve_lang, t
from linyi_tracker.locate import is_file, is_folder, locate_plan


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class LangChoice(StrEnum):
    ZH = "zh"
    EN = "en"


E = TypeVar("E", bound=StrEnum)


def _bad(key: str, **values: object) -> typer.BadParameter:
    return typer.BadParameter(t(key, current_lang(), **values))


def choice(kind: type[E]) -> Callable[[str | E], E]:
    """A parser for one of ``kind``'s values (case-insensitive)."""

    def parse(value: str | E) -> E:
        if isinstance(value, kind):
            return value
        folded = str(value).strip().casefold()
        for member in kind:
            if member.value == folded:
                return member
        choices = listed((m.value for m in kind), current_lang())
        raise _bad("cli.not_one_of", value=value, choices=choices)

    return parse


def choice_values(kind: type[StrEnum]) -> Callable[[], list[str]]:
    """Shell completion for a choice option."""
    return lambda: [m.value for m in kind]


def parse_period_option(value: str | Period | None) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except AmbiguousPeriod as exc:
        raise _bad(
            "cli.ambiguous_period", value=value, first=exc.first, second=exc.second
        ) from None
    except PeriodError:
        raise _bad("cli.bad_period", value=value) from None


def parse_year(value: str | int) -> int:
    """A year as the periods of a data file or ``--as-of`` are read (one rule:
    :func:`parse_period`): 2019, 2019年, ２０１９ — and nothing that is not a year."""
    try:
        period = parse_period(str(value))
    except PeriodError:
        raise _bad("cli.not_a_year", value=value) from None
    if period.kind != "year":
        raise _bad("cli.not_a_year", value=value)
    return period.year


def parse_count(value: str | int) -> int:
    text = str(value).strip()
    if not text.isdigit():
        raise _bad("cli.not_a_count", value=value)
    return int(text)


def _not_empty(value: str | Path) -> Path:
    """``value`` as a path; an empty one is refused, as cli/files.py refuses an empty
    path option: ``Path("")`` is the current folder (`plan check ""` said "'' is a folder")."""
    if isinstance(value, str) and not value.strip():
        raise _bad("input.empty_name")
    return Path(value)


def file_path(value: str | Path) -> Path:
    """A file to read or write: anything but an existing folder."""
    path = _not_empty(value)
    if is_folder(path):
        raise _bad("cli.is_a_folder", value=value)
    return path


def plan_path(value: str | Path) -> Path:
    """A plan file: anything but a folder — except a bare name whose plan is found beside
    it (``--plan cn-13th-fyp`` with the example's figures copied to ``cn-13th-fyp/``:
    locate.locate_plan reads cn-13th-fyp.yaml or the shipped example)."""
    path = _not_empty(value)
    if is_folder(path) and locate_plan(path).path == path:
        raise _bad("cli.is_a_folder", value=value)
    return path


def folder_path(value: str | Path) -> Path:
    """A folder: anything but an existing file (a missing one is reported where it is used)."""
    path = _not_empty(value)
    if is_file(path):
        raise _bad("cli.is_a_file", value=value)
    return path


def output_language(option: LangChoice | None) -> Lang:
    """The output language: the command's ``--lang``, else the run's (``--lang`` before
    the command, LINYI_TRACKER_LANG, the locale: usage.current_lang, the one rule the
    usage errors follow too)."""
    from linyi_tracker.cli.usage import current_lang

    return resolve_lang(option.value) if option else current_lang()


PlanOption = Annotated[
    Path | None,
    typer.Option("--plan", parser=plan_path, metavar="FILE", show_default=False),
]
DataOption = Annotated[
    Path | None,
    typer.Option("--data", parser=folder_path, metavar="DIR", show_default=False),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        parser=choice(LangChoice),
        metavar="zh|en",
        autocompletion=choice_values(LangChoice),
        show_default=False,
    ),
]
AsOfOption = Annotated[
    Period | None,
    typer.Option("--as-of", parser=parse_period_option, metavar="PERIOD", show_default=False),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        parser=choice(OutputFormat),
        metavar="table|json",
        autocompletion=choice_values(OutputFormat),
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option("--region", metavar="REGION", show_default=False),
]
SystemOption = Annotated[
    str | None,
    typer.Option("--system", metavar="SYSTEM", show_default=False),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", parser=file_path, metavar="FILE", show_default=False),
]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="SHEET", show_default=False),
]
