"""``linyi-tracker plan``: the plan as a tree; ``plan check``: is the plan file sound?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.cli.options import (
    LangOption,
    PlanOption,
    output_language,
    plan_path,
)
from linyi_tracker.cli.usage import TrackerCommand, TrackerGroupBase

plan_app = typer.Typer(
    cls=TrackerGroupBase,
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)


@plan_app.callback()
def plan_tree(
    ctx: typer.Context,
    lang: LangOption = None,
    plan: PlanOption = None,
) -> None:
    """The plan as a tree (help text: cli/help_texts.py)."""
    if ctx.invoked_subcommand is not None:
        return
    from linyi_tracker import usecases
    from linyi_tracker.cli.output import stdout

    loaded, _ = usecases.open_plan(plan)
    from linyi_tracker.cli.render.plan_tree import render_plan

    stdout().print(render_plan(loaded, output_language(lang)))


@plan_app.command("check", cls=TrackerCommand)
def check(
    file: Annotated[
        Path | None,
        typer.Argument(parser=plan_path, metavar="FILE", show_default=False),
    ] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """Check a plan file (help text: cli/help_texts.py)."""
    from linyi_tracker.cli.context import shown_location
    from linyi_tracker.cli.output import print_findings, stderr, stdout, summary
    from linyi_tracker.i18n import t
    from linyi_tracker.locate import locate_plan
    from linyi_tracker.plan.loader import load_plan

    located = locate_plan(file if file is not None else plan)
    where = located.path
    result = load_plan(where)
    language = output_language(lang)
    errors = result.errors
    if errors:
        console = stderr()
        print_findings(console, result.findings, lang=language)
        console.print(summary(result.findings, language), markup=False)
        raise typer.Exit(1)
    out = stdout()
    print_findings(out, result.findings, lang=language)
    assert result.plan is not None
    p = result.plan
    unnamed = sum(1 for pr in p.projects if pr.unnamed)
    line = t(
        "plan.valid",
        language,
        # The plan shipped with the tool is named by version, not by a site-packages path.
        path=shown_location(located, language) if located.shipped else where,
        systems=len(p.systems),
        projects=len(p.projects),
        unnamed=unnamed,
        indicators=len(p.indicators),
        targets=len(p.targets),
        regions=len(p.regions),
    )
    out.print(line, markup=False)
