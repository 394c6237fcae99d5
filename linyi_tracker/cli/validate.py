"""``linyi-tracker validate FILE…``: every problem in submitted files, before loading."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    PlanOption,
    SheetOption,
    choice,
    choice_values,
    output_language,
    parse_count,
)

if TYPE_CHECKING:
    from linyi_tracker.i18n import Lang
    from linyi_tracker.validation.validator import ValidationReport


class ValidateFormat(StrEnum):
    TABLE = "table"  # the name status, show and extract give their text for people
    JSON = "json"
    TEXT = "text"  # validate's own name for it before: kept, scripts may use it


def validate(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False)],
    output: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            parser=choice(ValidateFormat),
            metavar="table|json",
            autocompletion=choice_values(ValidateFormat),
        ),
    ] = ValidateFormat.TABLE,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    no_store: Annotated[bool, typer.Option("--no-store")] = False,
    max_findings: Annotated[
        int, typer.Option("--max-findings", parser=parse_count, metavar="N")
    ] = 200,
    sheet: SheetOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Check submitted files (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli.output import stderr

    with _progress(stderr()) as progress:
        validated = usecases.validate(
            plan,
            data,
            paths,
            strict=strict,
            compare_with_store=not no_store,
            sheet=sheet,
            progress=progress,
        )
    report = validated.report
    language = output_language(lang)
    if output is ValidateFormat.JSON:
        from linyi_tracker.cli.output import echo_json

        document = report.to_dict(language)
        if validated.data is not None:
            found = {"path": str(validated.data), "errors": validated.data_errors}
            document["data_folder"] = found
        echo_json(document)
    else:
        print_text(report, max_findings, language)
        if validated.data_errors:
            from linyi_tracker.cli.context import shown_path, validate_command
            from linyi_tracker.cli.output import stdout
            from linyi_tracker.i18n import t

            assert validated.data is not None  # errors are counted in a folder read
            note = t(
                "validate.data_has_errors",
                language,
                folder=shown_path(validated.data),
                n=validated.data_errors,
                command=validate_command(validated.data, validated.plan),
            )
            stdout().print(note, markup=False, soft_wrap=True)  # a command to copy: one line
    if report.failed:
        raise typer.Exit(1)


def print_text(report: ValidationReport, limit: int, lang: Lang = "en") -> None:
    """The findings of a validation, file by file, and the summary; shared with ingest."""
    from linyi_tracker.cli.output import found, print_findings, safe_text, stdout
    from linyi_tracker.i18n import Text, t

    console = stdout()
    shown = 0
    for f in report.files:
        mine = [x for x in report.findings if x.file == f.path]
        room = len(mine) if limit == 0 else max(0, min(len(mine), limit - shown))
        if not mine or room == 0:
            continue
        encoding = f.encoding or t("validate.unreadable", lang)
        head = t(
            "validate.file",
            lang,
            path=safe_text(f.path, one_line=True),  # a newline in a name cannot forge a line
            encoding=encoding,
            n=f.rows,
        )
        console.print(head, style="bold", markup=False)
        print_findings(console, mine[:room], lang=lang)
        shown += room
        console.print()
    counts = report.counts
    total = len(report.findings)
    rows = sum(f.rows for f in report.files)
    errors, warnings, notices = counts["error"], counts["warning"], counts["notice"]
    if errors == 0 and warnings == 0:
        extra = Text("validate.clean_notices", {"n": notices}) if notices else ""
        console.print(
            t("validate.clean", lang, files=len(report.files), n=rows, notices=extra), markup=False
        )
    else:
        summary = found(lang, errors, warnings, notices, len(report.files), rows)
        console.print(summary, markup=False)
        if report.strict and warnings:
            console.print(t("validate.strict", lang), markup=False)
    if shown < total:
        console.print(t("validate.listed", lang, shown=shown, total=total), markup=False)


class _progress:
    """A progress bar on stderr for large files, only when stderr is a terminal."""

    THRESHOLD = 5 * 1024 * 1024

    def __init__(self, console: object) -> None:
        self.console = console
        self.bar: object | None = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        from rich.console import Console

        if not isinstance(self.console, Console) or not self.console.is_terminal:
            return None
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        bar.start()
        self.bar = bar

        def factory(name: str, size: int):  # type: ignore[no-untyped-def]
            if size < self.THRESHOLD:
                return None
            task = bar.add_task(name, total=size)
            return lambda done, total: bar.update(task, completed=done)

        return factory

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()  # type: ignore[attr-defined]
