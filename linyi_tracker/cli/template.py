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
    choice,
    choice_values,
    output_language,
    parse_period_option,
)


class TemplateFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


_SUFFIXES = {"": TemplateFormat.CSV, ".csv": TemplateFormat.CSV, ".xlsx": TemplateFormat.XLSX}


def template(
    period: Annotated[
        Period,
        typer.Option("--period", parser=parse_period_option, metavar="PERIOD", show_default=False),
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
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """A blank submission file (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli.files import (
        OutputError,
        format_for,
        is_stdout,
        refuse_own_inputs,
        write_via_temp,
    )
    from linyi_tracker.cli.output import print_bytes, stderr
    from linyi_tracker.i18n import Text, TextUsageError, t
    from linyi_tracker.intake.template import to_csv, to_xlsx
    from linyi_tracker.locate import locate_data

    language = output_language(lang)
    made = usecases.template(plan, period, region)
    loaded, rows, region_id = made.plan, made.rows, made.region
    # the data folder too: a blank template there is read as a data file full of gaps
    refuse_own_inputs(
        output, plan=made.plan_at.path, data=locate_data(data, plan_at=made.plan_at).path
    )
    # a CSV under .docx or .xls opens as garbage or not at all
    fmt = format_for(
        output, output_format, _SUFFIXES, TemplateFormat.CSV, "template.format_unknown"
    )
    if output is not None and not is_stdout(output):
        filled = usecases.figures_in(loaded, output)
        if filled:
            raise OutputError(Text("output.holds_figures", {"path": output, "n": filled}))
    if fmt is TemplateFormat.XLSX:
        if output is None:
            raise TextUsageError(Text("template.xlsx_needs_file"))
        write_via_temp(output, lambda tmp: to_xlsx(rows, loaded, tmp, language))
    elif output is None:
        print_bytes(to_csv(rows, language))
        return
    else:
        payload = to_csv(rows, language)
        write_via_temp(output, lambda tmp: tmp.write_bytes(payload))
    name = loaded.region_by_id[region_id].name
    shown = t(
        "cli.wrote_template",
        language,
        path=output,
        rows=len(rows),
        period=period.label(language),  # 2020年9月 / Sep 2020, as the title says it
        region=name.zh if language == "zh" else name.en,
    )
    stderr().print(shown, markup=False)
