"""``linyi-tracker ingest FILE…``: validated figures into the data folder, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from linyi_tracker.cli.options import DataOption, LangOption, PlanOption


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Submitted CSV or .xlsx files, or folders.", show_default=False),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")
    ] = False,
    revise: Annotated[
        bool,
        typer.Option(
            "--revise",
            help="Record figures that differ from stored ones as revisions (old ones kept).",
        ),
    ] = False,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Sheet of an .xlsx file.", show_default=False)
    ] = None,
    plan: PlanOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Validate submitted files and add their figures to the data folder.

    A file with errors is refused and nothing is written (exit 1). Figures already
    stored are skipped; a different stored figure is never overwritten unless --revise.
    The new figures go to one new file under <data>/ingested/, written atomically.

    Example: linyi-tracker ingest 兰山区-2017.csv --dry-run
    """
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import print_findings, stderr, stdout
    from linyi_tracker.cli.validate import _print_text
    from linyi_tracker.findings import plural
    from linyi_tracker.i18n import resolve_lang, t
    from linyi_tracker.intake.ingest import (
        IngestConflictError,
        IngestError,
        plan_ingest,
        write,
    )
    from linyi_tracker.locate import locate_data
    from linyi_tracker.validation.validator import expand, validate

    loaded, _ = context.load_plan_only(plan)
    language = resolve_lang(lang.value if lang else None)
    zh = language == "zh"
    where = locate_data(data)
    if where.origin == "embedded":
        raise IngestError(
            "no data folder to write to: give --data DIR (or LINYI_TRACKER_DATA), "
            "or run from a folder that has data/actuals/"
        )
    try:
        where.path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a name too long, a read-only parent, a file in the way
        raise IngestError(
            t("ingest.cannot_create", language, folder=where.path, reason=exc.strerror or exc)
        ) from None
    files = expand(paths)
    mine = {Path(p).resolve() for p in files}
    root = where.path.resolve()
    inside = sorted(str(p) for p in mine if p.is_relative_to(root))
    if inside:
        raise IngestError(
            f"{inside[0]} is already in the data folder {where.path}: its figures are stored; "
            "ingest takes files from outside it"
        )
    store = context.read_store(loaded, where, exclude=mine)
    report = validate(
        files, loaded, store=store, sheet=sheet, revise=revise, keep_observations=True
    )
    if report.failed:
        _print_text(report, 50, language)
        stderr().print(
            "未写入任何数据：请改正上述错误后重新导入。"
            if zh
            else "Nothing was written: fix the errors above and ingest again.",
            markup=False,
            style="bold red",
        )
        raise typer.Exit(1)
    warnings = [f for f in report.findings if f.severity.value == "warning"]
    if warnings:
        print_findings(stderr(), warnings, limit=20, lang=language)
    stored = {o.key: o for o in store.observations}
    try:
        job = plan_ingest(loaded, report.observations, stored, where.path, revise=revise)
    except IngestConflictError as exc:
        stderr().print(
            f"{'错误' if zh else 'error'}: {exc.text(language)}", markup=False, style="bold red"
        )
        raise typer.Exit(1) from None
    console = stdout()
    shown = context.shown_path(job.target)

    def nothing_to_write() -> None:
        if not job.skipped:  # a header and no rows: nothing was "already stored"
            console.print(t("ingest.no_figures", language), markup=False)
            return
        console.print(
            f"无需写入：{len(job.skipped)}个数字均已存在。"
            if zh
            else f"Nothing to write: {plural(len(job.skipped), 'figure')}, all already stored.",
            markup=False,
        )

    if not job.rows:
        nothing_to_write()
        return
    if dry_run:
        console.print(
            f"将写入{len(job.rows)}个数字到 {shown}（{len(job.skipped)}个已存在，{len(job.revisions)}个修订）："
            if zh
            else f"Would write {plural(len(job.rows), 'figure')} to {shown} "
            f"({len(job.skipped)} already stored, {plural(len(job.revisions), 'revision')}):",
            markup=False,
        )
        for o in job.rows:
            console.print(
                f"  {o.indicator} {o.period} {o.region} = {o.text}  ({o.file}:{o.line})",
                markup=False,
            )
        for new, old in job.revisions:
            console.print(
                f"  {'修订' if zh else 'revision'}: {new.indicator} {new.period} {new.region}: "
                f"{old.text} → {new.text} {'截至' if zh else 'as of'} {new.as_of}",
                markup=False,
            )
        return
    try:
        # Under the data folder's lock the store is read again: another ingest may have
        # written since it was read above.
        target = write(
            loaded,
            job,
            reread=lambda: context.read_store(loaded, where, exclude=mine).observations,
        )
    except IngestConflictError as exc:
        stderr().print(
            f"{'错误' if zh else 'error'}: {exc.text(language)}", markup=False, style="bold red"
        )
        raise typer.Exit(1) from None
    except OSError as exc:
        raise IngestError(
            f"could not write to {where.path}: {exc.strerror}; the data folder is unchanged"
        ) from None
    if target is None:
        nothing_to_write()
        return
    console.print(
        f"已写入{len(job.rows)}个数字到 {context.shown_path(target)}"
        f"（{len(job.skipped)}个已存在，{len(job.revisions)}个修订）。"
        if zh
        else f"Wrote {plural(len(job.rows), 'figure')} to {context.shown_path(target)} "
        f"({len(job.skipped)} already stored, {plural(len(job.revisions), 'revision')}).",
        markup=False,
    )
