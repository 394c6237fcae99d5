"""``linyi-tracker status``: where every target stands, as of a period."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    AsOfOption,
    DataOption,
    FormatOption,
    LangOption,
    OutputFormat,
    PlanOption,
    RegionOption,
)
from linyi_tracker.words import STATUS_WORDS

if TYPE_CHECKING:
    from linyi_tracker.cli.context import Context


def status(
    as_of: AsOfOption = None,
    system: Annotated[
        str | None,
        typer.Option(
            "--system", help="Only one system: its number, id or name.", show_default=False
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Only targets with this status (repeat, or comma-separate).",
            show_default=False,
        ),
    ] = None,
    region: RegionOption = None,
    output: FormatOption = OutputFormat.TABLE,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """Every target: latest actual, achievement, gap, schedule, trend and status.

    Example: linyi-tracker status --as-of 2016-08 --status on_track,at_risk --lang en
    """
    # The core is imported here, not at module level, so `--help` stays fast.
    from linyi_tracker.assessment.engine import assess_all, default_as_of
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import print_findings, stderr, stdout
    from linyi_tracker.i18n import resolve_lang
    from linyi_tracker.reporting.view import status_dict, status_view

    ctx = context.load(plan, data)
    language = resolve_lang(lang.value if lang else None)
    wanted = _statuses(only)
    system_id = _system(ctx, system)
    period = as_of or default_as_of(ctx.store, ctx.plan)
    report = assess_all(ctx.plan, ctx.store, period, context.resolve_regions(ctx.plan, region))
    report.assessments = [
        a
        for a in report.assessments
        if (not wanted or (a.status or "") in wanted)
        and (system_id is None or ctx.plan.indicator_by_id[a.indicator].system == system_id)
    ]
    view = status_view(ctx.plan, ctx.store, report)
    warnings = context.warnings_of(ctx.store)
    if warnings:
        print_findings(stderr(), warnings, limit=10, lang=language)  # type: ignore[arg-type]
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(status_dict(view, ctx.plan), ensure_ascii=False, indent=2))
        return
    from linyi_tracker.cli.render.status_table import render_status

    console = stdout()
    console.print(render_status(view, ctx, language, console.width))


def _statuses(values: list[str] | None) -> set[str]:
    words = {
        w.strip().replace("-", "_").replace(" ", "_")
        for v in values or []
        for w in v.split(",")
        if w.strip()
    }
    unknown = sorted(words - set(STATUS_WORDS))
    if unknown:
        raise typer.BadParameter(
            f"unknown status {', '.join(unknown)}; use {', '.join(STATUS_WORDS)}",
            param_hint="--status",
        )
    return words


def _system(ctx: Context, text: str | None) -> str | None:
    if text is None:
        return None
    folded = text.strip().casefold()
    for s in ctx.plan.systems:
        if folded in {s.id.casefold(), str(s.number), s.name.zh.casefold(), s.name.en.casefold()}:
            return s.id
    choices = ", ".join(f"{s.number} {s.id}" for s in ctx.plan.systems)
    raise typer.BadParameter(
        f"'{text}' is not a system; use one of: {choices}", param_hint="--system"
    )
