"""``linyi-tracker ingest FILE…``: validated figures into the data folder, atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    PlanOption,
    SheetOption,
    output_language,
)

if TYPE_CHECKING:
    from linyi_tracker.i18n import Lang
    from linyi_tracker.intake.ingest import IngestPlan
    from linyi_tracker.plan.models import Plan


def ingest(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    revise: Annotated[bool, typer.Option("--revise")] = False,
    sheet: SheetOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Validated figures into the data folder (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import print_findings, safe_text, stderr, stdout
    from linyi_tracker.cli.validate import print_text
    from linyi_tracker.i18n import t
    from linyi_tracker.validation.naming import figure_name

    language = output_language(lang)
    result = usecases.ingest(plan, data, paths, sheet=sheet, revise=revise)
    if result.job is None:
        print_text(result.validation, 50, language)
        stderr().print(t("ingest.refused", language), markup=False, style="bold red")
        raise typer.Exit(1)
    if result.warnings:
        print_findings(stderr(), result.warnings, limit=20, lang=language)
    job = result.job
    console = stdout()

    def nothing_to_write() -> None:
        if not job.skipped:  # a header and no rows: nothing was "already stored"
            console.print(t("ingest.no_figures", language), markup=False)
            return
        console.print(t("ingest.nothing_to_write", language, n=len(job.skipped)), markup=False)

    if not job.rows:
        nothing_to_write()
        return
    counts = _counts(job)
    if dry_run:
        shown = context.shown_path(job.target)
        console.print(t("ingest.would_write", language, path=shown, **counts), markup=False)
        for o in job.rows:
            # one line a figure: a newline in a file name or a cell cannot forge another
            figure = figure_name(result.plan, o.indicator, o.period.text, o.region)
            row = f"  {figure.shown(language)} = {o.text}  ({o.file}:{o.line})"
            console.print(safe_text(row, one_line=True), markup=False)
        for new, old in job.revisions:
            figure = figure_name(result.plan, new.indicator, new.period.text, new.region)
            line = t(
                "ingest.revision",
                language,
                figure=figure.shown(language),
                old=old.text,
                new=new.text,
                as_of=new.as_of,
            )
            console.print(f"  {line}", markup=False)
        _print_refinements(result.plan, job, language)
        return
    # Written under the data folder's lock, after the store is read again: another
    # ingest may have stored some of these figures meanwhile (job is updated).
    target = usecases.write_ingest(result)
    if target is None:
        nothing_to_write()
        return
    shown = context.shown_path(target)
    console.print(t("ingest.wrote", language, path=shown, **_counts(job)), markup=False)
    _print_refinements(result.plan, job, language)


def _print_refinements(plan: Plan, job: IngestPlan, language: Lang) -> None:
    """One line for each stored rounded figure the submission gives precisely."""
    from linyi_tracker.cli.output import stdout
    from linyi_tracker.i18n import t
    from linyi_tracker.validation.naming import figure_name

    for new, old in job.refinements:
        figure = figure_name(plan, new.indicator, new.period.text, new.region).shown(language)
        line = t("ingest.refinement", language, figure=figure, old=old.text, new=new.text)
        stdout().print(f"  {line}", markup=False)


def _counts(job: IngestPlan) -> dict[str, object]:
    return {"n": len(job.rows), "skipped": len(job.skipped), "revised": len(job.revisions)}
