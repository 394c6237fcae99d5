"""``linyi-tracker status``: where every target stands, as of a period."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from linyi_tracker.cli.options import (
    AsOfOption,
    DataOption,
    FormatOption,
    LangOption,
    OutputFormat,
    PlanOption,
    RegionOption,
    SystemOption,
    choice,
    choice_values,
    output_language,
)


class Binding(StrEnum):
    """``--binding``: binding targets (约束性) or expected ones (预期性)."""

    YES = "yes"
    NO = "no"


def status(
    as_of: AsOfOption = None,
    system: SystemOption = None,
    only: Annotated[
        list[str] | None, typer.Option("--status", metavar="STATUS", show_default=False)
    ] = None,
    region: RegionOption = None,
    binding: Annotated[
        Binding | None,
        typer.Option(
            "--binding",
            parser=choice(Binding),  # its refusal in the run's language, as every choice's
            metavar="yes|no",
            autocompletion=choice_values(Binding),
            show_default=False,
        ),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """Every target and where it stands (help text: cli/help_texts.py)."""
    # The core is imported here, not at module level, so `--help` stays fast.
    from linyi_tracker import usecases
    from linyi_tracker.cli.output import print_findings, stderr, stdout
    from linyi_tracker.reporting.view import status_dict

    ctx = usecases.open_workspace(plan, data)
    language = output_language(lang)
    wanted = None if binding is None else binding is Binding.YES
    result = usecases.status(
        ctx, as_of=as_of, statuses=only or [], system=system, region=region, binding=wanted
    )
    view = result.view
    if result.warnings:
        print_findings(stderr(), result.warnings, limit=10, lang=language)
    if output is OutputFormat.JSON:
        from linyi_tracker.cli.output import echo_json

        echo_json(status_dict(view, ctx.plan))
        return
    from linyi_tracker.cli.render.status_table import render_status

    console = stdout()
    if result.nothing is not None:  # a sentence, not an empty table and a blank summary
        console.print(result.nothing.render(language), markup=False)
        return
    console.print(render_status(view, ctx, language, console.width))
