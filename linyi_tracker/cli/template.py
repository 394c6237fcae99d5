"""``linyi-tracker template``: a blank submission file for a period and a region."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.actuals.periods import Period
from linyi_tracker.cli.options import DataOption, LangOption, PlanOption, _period


class TemplateFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def template(
    period: Annotated[
        Period,
        typer.Option(
            "--period",
            help="The period to report: 2017, 2017Q3 or 2017-09.",
            parser=_period,
            metavar="PERIOD",
            show_default=False,
        ),
    ],
    region: Annotated[
        str | None,
        typer.Option(
            "--region", help="Region id or name (default: the whole city).", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            help="csv (UTF-8 with BOM) or xlsx; default: from -o's extension, else csv.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write (default: standard output, CSV only).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Write a blank submission: one row per indicator due, names and unit filled, value empty.

    Example: linyi-tracker template --period 2017 --region 兰山区 -o 兰山区-2017.xlsx
    """
    from linyi_tracker.cli import context
    from linyi_tracker.cli.files import write_via_temp
    from linyi_tracker.cli.output import stderr
    from linyi_tracker.errors import UsageError
    from linyi_tracker.intake.template import template_rows, to_csv, to_xlsx

    loaded, _ = context.load_plan_only(plan)
    span = loaded.plan.period
    if not span.first_data_year <= period.year <= span.end:
        raise UsageError(f"{period} is outside the plan's years {span.first_data_year}–{span.end}")
    if region is not None and region.strip().lower() == "all":
        raise UsageError(
            "a template is for one region: name it with --region, or leave it out for the city"
        )
    (region_id,) = context.resolve_regions(loaded, region)
    fmt = output_format or (
        TemplateFormat.XLSX
        if output is not None and output.suffix.lower() == ".xlsx"
        else TemplateFormat.CSV
    )
    rows = template_rows(loaded, period, region_id)
    if fmt is TemplateFormat.XLSX:
        if output is None:
            raise UsageError("an .xlsx template needs a file: add -o FILE.xlsx")
        write_via_temp(output, lambda tmp: to_xlsx(rows, loaded, tmp))
    elif output is None:
        typer.echo(to_csv(rows).decode("utf-8"), nl=False)
        return
    else:
        payload = to_csv(rows)
        write_via_temp(output, lambda tmp: tmp.write_bytes(payload))
    stderr().print(
        f"wrote {output}: {len(rows)} rows for {period}, {loaded.region_by_id[region_id].name.zh}",
        markup=False,
    )
