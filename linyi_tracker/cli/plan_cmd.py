"""``linyi-tracker plan``: the plan as a tree; ``plan check``: is the plan file sound?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.cli.options import DataOption, LangOption, PlanOption

plan_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
    help="The plan as a tree: systems → projects → targets.\n\nExample: linyi-tracker plan --lang zh",
)


@plan_app.callback()
def plan_tree(
    ctx: typer.Context,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """The plan as a tree: systems → projects → targets, the project batch, monitoring indicators.

    Example: linyi-tracker plan --lang zh
    """
    if ctx.invoked_subcommand is not None:
        return
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import stdout
    from linyi_tracker.i18n import resolve_lang

    loaded, _ = context.load_plan_only(plan)
    from linyi_tracker.cli.render.plan_tree import render_plan

    stdout().print(render_plan(loaded, resolve_lang(lang.value if lang else None)))


@plan_app.command("check")
def check(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Plan file to check. Default: the plan in use (--plan, env, ./data, embedded).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Check a plan file: shape, references, years, comparators, components.

    Prints each problem with file, line and column; exit 1 if there are errors.
    Notices (unnamed projects, cut-off source text) do not fail the check.

    Example: linyi-tracker plan check data/plan.yaml
    """
    from linyi_tracker.cli.output import print_findings, stderr, stdout, summary
    from linyi_tracker.i18n import resolve_lang
    from linyi_tracker.locate import locate_plan
    from linyi_tracker.plan.loader import load_plan

    where = file or locate_plan(plan).path
    result = load_plan(where)
    language = resolve_lang(lang.value if lang else None)
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
    if language == "zh":
        line = (
            f"规划文件有效：{where} — {len(p.systems)}个体系，{len(p.projects)}项工程（{unnamed}项原文未列名称），"
            f"{len(p.indicators)}个指标，{len(p.targets)}个目标，{len(p.regions)}个地区。"
        )
    else:
        line = (
            f"The plan is valid: {where} — {len(p.systems)} systems, {len(p.projects)} projects "
            f"({unnamed} not named in the source), {len(p.indicators)} indicators, {len(p.targets)} targets, "
            f"{len(p.regions)} regions."
        )
    out.print(line, markup=False)
