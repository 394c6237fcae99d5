"""``linyi-tracker template``: a blank submission file for a period and a region."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from linyi_tracker.actuals.periods import Period
from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    OutputFileOption,
    PlanOption,
    RegionOption,
    _period,
    choice,
    choice_values,
    output_language,
)


class TemplateFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def template(
    period: Annotated[
        Period,
        typer.Option("--period", parser=_period, metavar="PERIOD", show_default=False),
    ],
    region: RegionOption = None,
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            parser=choice(TemplateFormat),
            metavar="csv|xlsx",
            autocompletion=choice_values(TemplateFormat),
            show_default=False,
        ),
    ] = None,
    output: OutputFileOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """A blank submission file (help text: cli/help_texts.py)."""
    from linyi_tracker.cli import context
    from linyi_tracker.cli.files import write_via_temp
    from linyi_tracker.cli.output import stderr
    from linyi_tracker.i18n import Text, TextUsageError, t
    from linyi_tracker.intake.template import template_rows, to_csv, to_xlsx

    loaded, _ = context.load_plan_only(plan)
    language = output_language(lang)
    span = loaded.plan.period
    if not span.first_data_year <= period.year <= span.end:
        raise TextUsageError(
            Text(
                "template.outside_years",
                {"period": period, "start": span.first_data_year, "end": span.end},
            )
        )
    if region is not None and region.strip().lower() == "all":
        raise TextUsageError(Text("template.one_region"))
    (region_id,) = context.resolve_regions(loaded, region)
    fmt = output_format or (
        TemplateFormat.XLSX
        if output is not None and output.suffix.lower() == ".xlsx"
        else TemplateFormat.CSV
    )
    rows = template_rows(loaded, period, region_id)
    if fmt is TemplateFormat.XLSX:
        if output is None:
            raise TextUsageError(Text("template.xlsx_needs_file"))
        write_via_temp(output, lambda tmp: to_xlsx(rows, loaded, tmp))
    elif output is None:
        typer.echo(to_csv(rows).decode("utf-8"), nl=False)
        return
    else:
        payload = to_csv(rows)
        write_via_temp(output, lambda tmp: tmp.write_bytes(payload))
    name = loaded.region_by_id[region_id].name
    shown = t(
        "cli.wrote_template",
        language,
        path=output,
        rows=len(rows),
        period=period,
        region=name.zh if language == "zh" else name.en,
    )
    stderr().print(shown, markup=False)
