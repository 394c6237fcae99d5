"""``linyi-tracker ingest FILE…``: validated figures into the data folder, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    PlanOption,
    SheetOption,
    output_language,
)


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
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import print_findings, stderr, stdout
    from linyi_tracker.cli.validate import print_text
    from linyi_tracker.findings import plural
    from linyi_tracker.i18n import Text, TextError, t
    from linyi_tracker.intake.ingest import plan_ingest, write
    from linyi_tracker.locate import locate_data
    from linyi_tracker.validation.validator import expand, validate

    loaded, _ = context.load_plan_only(plan)
    language = output_language(lang)
    where = locate_data(data)
    if where.origin == "embedded":
        raise TextError(Text("ingest.no_data_folder"))
    where.path.mkdir(parents=True, exist_ok=True)
    files = expand(paths)
    mine = {Path(p).resolve() for p in files}
    root = where.path.resolve()
    inside = sorted(str(p) for p in mine if p.is_relative_to(root))
    if inside:
        raise TextError(
            Text("ingest.inside_data_folder", {"path": inside[0], "folder": where.path})
        )
    store = context.read_store(loaded, where, exclude=mine)
    report = validate(
        files, loaded, store=store, sheet=sheet, revise=revise, keep_observations=True
    )
    if report.failed:
        print_text(report, 50, language)
        stderr().print(t("ingest.refused", language), markup=False, style="bold red")
        raise typer.Exit(1)
    warnings = [f for f in report.findings if f.severity.value == "warning"]
    if warnings:
        print_findings(stderr(), warnings, limit=20, lang=language)
    stored = {o.key: o for o in store.observations}
    job = plan_ingest(loaded, report.observations, stored, where.path, revise=revise)
    console = stdout()
    counts = {
        "n": len(job.rows),
        "figures": plural(len(job.rows), "figure"),
        "skipped": len(job.skipped),
        "revised": len(job.revisions),
        "revisions": plural(len(job.revisions), "revision"),
    }
    if not job.rows:
        skipped = {"n": len(job.skipped), "figures": plural(len(job.skipped), "figure")}
        console.print(t("ingest.nothing_to_write", language, **skipped), markup=False)
        return
    if dry_run:
        shown = context.shown_path(job.target)
        console.print(t("ingest.would_write", language, path=shown, **counts), markup=False)
        for o in job.rows:
            console.print(
                f"  {o.indicator} {o.period} {o.region} = {o.text}  ({o.file}:{o.line})",
                markup=False,
            )
        for new, old in job.revisions:
            figure = f"{new.indicator} {new.period} {new.region}"
            line = t(
                "ingest.revision",
                language,
                figure=figure,
                old=old.text,
                new=new.text,
                as_of=new.as_of,
            )
            console.print(f"  {line}", markup=False)
        return
    try:
        target = write(loaded, job)
    except OSError as exc:
        raise TextError(
            Text("ingest.cannot_write", {"folder": where.path, "reason": exc.strerror})
        ) from None
    shown = context.shown_path(target)
    console.print(t("ingest.wrote", language, path=shown, **counts), markup=False)
