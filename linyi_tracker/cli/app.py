"""The ``linyi-tracker`` application: commands registered here, errors mapped here.

Exit codes (product.md): 0 success; 1 the data has errors or a check failed;
2 usage, configuration or unreadable input. The one place that turns the core's
exceptions into a message on stderr and an exit code is :class:`TrackerGroup`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from linyi_tracker import __version__
from linyi_tracker.cli import ingest, plan_cmd, report, show, status, template, validate
from linyi_tracker.errors import DataInvalidError, PlanInvalidError, TrackerError


class TrackerGroup(TyperGroup):
    """Runs a command; a :class:`TrackerError` becomes a message and exit 1 or 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            from linyi_tracker.cli.files import refuse_empty_paths

            refuse_empty_paths(list(ctx.args))  # `--data ''` would read the current folder
            return super().invoke(ctx)
        except DataInvalidError as exc:
            _fail(
                str(exc),
                exc.findings,
                "run `linyi-tracker validate` on the folder for every finding",
            )
            raise typer.Exit(1) from None
        except PlanInvalidError as exc:
            _fail(str(exc), exc.findings, None)
            raise typer.Exit(2) from None
        except TrackerError as exc:
            from linyi_tracker.cli.output import stderr

            stderr().print(f"error: {exc}", markup=False, style="bold red")
            raise typer.Exit(2) from None


def _fail(message: str, findings: list[object], tip: str | None) -> None:
    from linyi_tracker.cli.output import print_findings, stderr

    console = stderr()
    from linyi_tracker.findings import Finding
    from linyi_tracker.i18n import resolve_lang

    lang = resolve_lang(
        None
    )  # from LINYI_TRACKER_LANG or the locale: the command's --lang is not at hand here
    print_findings(console, [f for f in findings if isinstance(f, Finding)], limit=20, lang=lang)
    console.print(f"error: {message}", markup=False, style="bold red")
    if tip:
        console.print(f"tip: {tip}", markup=False)


app = typer.Typer(
    cls=TrackerGroup,
    name="linyi-tracker",
    help="Track Linyi's 2015–2020 “Double Twelve” livelihood plan (双十二幸福临沂行动计划) against its targets.\n\n"
    "Example: linyi-tracker status --as-of 2016-08 --lang zh",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linyi-tracker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Track the plan's targets: status, plan, show."""


app.command("status")(status.status)
app.command("show")(show.show)
app.command("report")(report.report)
app.command("validate")(validate.validate)
app.command("template")(template.template)
app.command("ingest")(ingest.ingest)
app.add_typer(plan_cmd.plan_app, name="plan")


def main() -> None:
    app()
