"""The ``linyi-tracker`` application: commands registered here, errors mapped here.

Exit codes (product.md): 0 success; 1 the data has errors or a check failed;
2 usage, configuration or unreadable input. The one place that turns exceptions into
a message on stderr and an exit code is :class:`TrackerGroup`: Click's usage errors in
``main`` (rendered by cli/usage.py), the core's :class:`TrackerError` in ``invoke``;
both in the language of the run (``--lang``, else the environment).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from linyi_tracker import __version__
from linyi_tracker.cli import extract, ingest, plan_cmd, report, show, status, template, validate
from linyi_tracker.cli.options import LangOption
from linyi_tracker.cli.usage import (
    TrackerCommand,
    TrackerGroupBase,
    current_lang,
    is_abort,
    is_click_error,
    language_of_run,
    show_click_error,
)
from linyi_tracker.errors import DataInvalidError, PlanInvalidError, TrackerError
from linyi_tracker.i18n import Lang, Text, TextError, t


class TrackerGroup(TrackerGroupBase):
    """Runs a command in the run's language; every error becomes a message and exit 1 or 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        with language_of_run(argv) as lang:
            try:
                # Not standalone: Click's errors come back here to be shown in `lang`.
                result = super().main(
                    argv, prog_name, complete_var, False, windows_expand_args, **extra
                )
                code = result if isinstance(result, int) else 0
            except Exception as exc:
                if is_click_error(exc):
                    code = show_click_error(exc, lang)
                elif is_abort(exc):
                    typer.echo(t("cli.aborted", lang), err=True)
                    code = 1
                else:
                    raise
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            from linyi_tracker.cli.files import refuse_empty_paths

            refuse_empty_paths(list(ctx.args))  # `--data ''` would read the current folder
            return super().invoke(ctx)
        except DataInvalidError as exc:
            _fail(exc, exc.findings, Text("cli.tip.validate"))
            raise typer.Exit(1) from None
        except PlanInvalidError as exc:
            _fail(exc, exc.findings, None)
            raise typer.Exit(2) from None
        except TrackerError as exc:
            _fail(exc, [], None)
            raise typer.Exit(2) from None


def message_of(exc: Exception, lang: Lang) -> str:
    """An exception's message in ``lang`` when it carries both, else its own text."""
    if isinstance(exc, TextError):
        return exc.render(lang)
    text = getattr(exc, "text", None)
    if isinstance(text, Text):
        return text.render(lang)
    return str(exc)


def _fail(exc: Exception, findings: list[object], tip: Text | None) -> None:
    from linyi_tracker.cli.output import print_findings, stderr
    from linyi_tracker.findings import Finding

    lang = current_lang()
    console = stderr()
    shown = [f for f in findings if isinstance(f, Finding)]
    if shown:
        print_findings(console, shown, limit=20, lang=lang)
    console.print(f"{t('cli.error', lang)}{message_of(exc, lang)}", markup=False, style="bold red")
    if tip is not None:
        console.print(f"{t('cli.tip', lang)}{tip.render(lang)}", markup=False)


app = typer.Typer(
    cls=TrackerGroup,
    name="linyi-tracker",
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: LangOption = None,
) -> None:
    """Track the plan's targets (help text: cli/help_texts.py).

    ``--lang`` here only sets the language of help and errors (read from argv before
    parsing, cli/usage.py); each command takes its own ``--lang`` for its output.
    """


for name, function in (
    ("status", status.status),
    ("show", show.show),
    ("report", report.report),
    ("validate", validate.validate),
    ("template", template.template),
    ("ingest", ingest.ingest),
    ("extract", extract.extract),
):
    app.command(name, cls=TrackerCommand)(function)
app.add_typer(plan_cmd.plan_app, name="plan")


def main() -> None:
    app()
