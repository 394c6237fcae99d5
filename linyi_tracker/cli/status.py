"""``linyi-tracker status``: where every target stands, as of a period."""

from __future__ import annotations

import json
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
    output_language,
)


def status(
    as_of: AsOfOption = None,
    system: SystemOption = None,
    only: Annotated[
        list[str] | None, typer.Option("--status", metavar="STATUS", show_default=False)
    ] = None,
    region: RegionOption = None,
    output: FormatOption = OutputFormat.TABLE,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """Every target and where it stands (help text: cli/help_texts.py)."""
    # The core is imported here, not at module level, so `--help` stays fast.
    from linyi_tracker.assessment.engine import assess_all, default_as_of
    from linyi_tracker.assessment.export import status_dict
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import print_findings, stderr, stdout
    from linyi_tracker.plan.lookup import find_statuses, find_system

    ctx = context.load(plan, data)
    language = output_language(lang)
    wanted = find_statuses(only or [])
    system_id = None if system is None else find_system(ctx.plan, system)
    period = as_of or default_as_of(ctx.store, ctx.plan)
    report = assess_all(ctx.plan, ctx.store, period, context.resolve_regions(ctx.plan, region))
    report.assessments = [
        a
        for a in report.assessments
        if (not wanted or (a.status or "not_assessed") in wanted)
        and (system_id is None or ctx.plan.indicator_by_id[a.indicator].system == system_id)
    ]
    warnings = context.warnings_of(ctx.store)
    if warnings:
        print_findings(stderr(), warnings, limit=10, lang=language)  # type: ignore[arg-type]
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(status_dict(report, ctx.plan), ensure_ascii=False, indent=2))
        return
    from linyi_tracker.cli.render.status_table import render_status

    console = stdout()
    console.print(render_status(report, ctx, language, console.width))
