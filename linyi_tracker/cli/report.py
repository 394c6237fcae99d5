"""``linyi-tracker report YEAR``: the yearly report, in the terminal or as a file."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, assert_never

import typer

from linyi_tracker.cli.options import (
    AsOfOption,
    DataOption,
    LangOption,
    OutputFileOption,
    PlanOption,
    SystemOption,
    choice,
    choice_values,
    output_language,
    parse_year,
)
from linyi_tracker.i18n import Lang, t


class ReportFormat(StrEnum):
    TERMINAL = "terminal"
    MD = "md"
    HTML = "html"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    DOCX = "docx"


SUFFIXES = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".json": ReportFormat.JSON,
    ".csv": ReportFormat.CSV,
    ".xlsx": ReportFormat.XLSX,
    ".docx": ReportFormat.DOCX,
    ".txt": ReportFormat.TERMINAL,
}


def report(
    year: Annotated[int, typer.Argument(parser=parse_year, metavar="YEAR", show_default=False)],
    as_of: AsOfOption = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            parser=choice(ReportFormat),
            metavar="FORMAT",
            autocompletion=choice_values(ReportFormat),
            show_default=False,
        ),
    ] = None,
    output: OutputFileOption = None,
    system: SystemOption = None,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """The yearly report for leadership (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli import context
    from linyi_tracker.cli.files import format_for, refuse_own_inputs
    from linyi_tracker.i18n import Text, TextUsageError

    fmt = format_for(
        output, output_format, SUFFIXES, ReportFormat.TERMINAL, "report.format_unknown"
    )
    if fmt is ReportFormat.XLSX and output is None:
        raise TextUsageError(Text("report.xlsx_needs_file"))
    if fmt is ReportFormat.DOCX and output is None:
        raise TextUsageError(Text("report.docx_needs_file"))
    ctx = usecases.open_workspace(plan, data)
    refuse_own_inputs(output, plan=ctx.plan_at.path, data=ctx.data_at.path)
    language = output_language(lang)
    built = usecases.report(
        ctx,
        year,
        as_of=as_of,
        system=system,
        generated=_generated(),
        plan_file=context.shown_location(ctx.plan_at, language),
        data_source=context.shown_location(ctx.data_at, language),
    )
    if fmt is ReportFormat.TERMINAL:
        from linyi_tracker.cli.output import stdout
        from linyi_tracker.cli.render.report_view import render_report

        if output is None:
            stdout().print(render_report(built, language))
            return
        from io import StringIO

        from linyi_tracker.cli.output import SafeConsole  # the file is read with `cat`

        buf = StringIO()
        console = SafeConsole(file=buf, width=120, no_color=True, markup=False, emoji=False)
        console.print(render_report(built, language))
        payload: bytes = buf.getvalue().encode("utf-8")
    elif fmt is ReportFormat.MD:
        from linyi_tracker.reporting.render.markdown import render as render_md

        payload = render_md(built, language).encode("utf-8")
    elif fmt is ReportFormat.HTML:
        from linyi_tracker.reporting.render.html import render as render_html

        payload = render_html(built, language).encode("utf-8")
    elif fmt is ReportFormat.JSON:
        from linyi_tracker.reporting.render.json_model import render as render_json

        payload = render_json(built).encode("utf-8")
    elif fmt is ReportFormat.CSV:
        from linyi_tracker.reporting.render.csv_table import render as render_csv

        payload = render_csv(built, language)
    elif fmt is ReportFormat.DOCX:
        from linyi_tracker.reporting.render.docx import render as render_docx

        payload = render_docx(built, language)
    elif fmt is ReportFormat.XLSX:
        from linyi_tracker.cli.files import write_via_temp
        from linyi_tracker.reporting.render.excel import write as write_xlsx

        assert output is not None
        write_via_temp(output, lambda tmp: write_xlsx(built, language, tmp))
        _done(output, language)
        return
    else:
        assert_never(fmt)
    if output is None:
        from linyi_tracker.cli.output import print_bytes

        # without the BOM a file needs; on a terminal a cell's ESC sequence is shown, not run
        print_bytes(payload.removeprefix(b"\xef\xbb\xbf"))
        return
    from linyi_tracker.cli.files import write_via_temp

    write_via_temp(output, lambda tmp: tmp.write_bytes(payload))
    _done(output, language)


def _generated() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible reports, the reproducible-builds way).

    A value that is not a count of seconds (``abc``, ``-1``, ``1.5``, ``１２``) is refused
    (exit 2), as the reproducible-builds specification asks ("the build process SHOULD
    exit with a non-zero error code"): ignored, it gave today's date to a report meant to
    be reproducible, and nobody noticed. Set but empty counts as unset, as in most tools.
    """
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return datetime.now().replace(microsecond=0)
    from linyi_tracker.i18n import Text, TextUsageError

    if not (epoch.isascii() and epoch.isdigit()):
        raise TextUsageError(Text("env.source_date_epoch", {"value": epoch}))
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # past the year 9999, or the C time_t
        raise TextUsageError(Text("env.source_date_epoch", {"value": epoch})) from None


def _done(output: Path, lang: Lang) -> None:
    from linyi_tracker.cli.files import is_stdout
    from linyi_tracker.cli.output import stderr

    if not is_stdout(output):  # printed to standard output: there is no file to name
        stderr().print(t("cli.wrote", lang, path=output), markup=False)
