"""Options shared by every command, defined once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.actuals.periods import Period, PeriodError, parse_period


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class LangChoice(StrEnum):
    ZH = "zh"
    EN = "en"


def _period(value: str | None) -> Period | None:
    if value is None:
        return None
    try:
        return parse_period(value)
    except PeriodError as exc:
        raise typer.BadParameter(str(exc)) from None


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan file (YAML). Default: $LINYI_TRACKER_PLAN, ./data/plan.yaml, or the embedded plan.",
        dir_okay=False,
        show_default=False,
    ),
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Folder of actual figures (CSV or .xlsx, searched recursively). Default: $LINYI_TRACKER_DATA, "
        "./data/actuals, or the embedded published figures. Accepted by every command; "
        "plan and template do not read figures. A folder over 1 MB is kept in a cache "
        "while its files are unchanged ($LINYI_TRACKER_CACHE: a folder, or off).",
        file_okay=False,
        show_default=False,
    ),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        help="Output language. Default: $LINYI_TRACKER_LANG, then the locale.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    Period | None,
    typer.Option(
        "--as-of",
        help="The analyst's 'now': 2017, 2017Q3 or 2017-09. Default: the latest period with data.",
        parser=_period,
        metavar="PERIOD",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="table for people, json for programs (nothing else on stdout)."),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="A region id or name (兰山区, lanshan), or 'all' for every region. Default: the city.",
        show_default=False,
    ),
]
