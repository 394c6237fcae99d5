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
    from linyi_tracker.intake.ingest import IngestError, plan_ingest, write
    from linyi_tracker.locate import locate_data
    from linyi_tracker.validation.validator import expand, validate

    loaded, _ = context.load_plan_only(plan)
    language = output_language(lang)
    zh = language == "zh"
    where = locate_data(data)
    if where.origin == "embedded":
        raise IngestError(
            "no data folder to write to: give --data DIR (or LINYI_TRACKER_DATA), "
            "or run from a folder that has data/actuals/"
        )
    where.path.mkdir(parents=True, exist_ok=True)
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
        print_text(report, 50, language)
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
    job = plan_ingest(loaded, report.observations, stored, where.path, revise=revise)
    console = stdout()
    shown = context.shown_path(job.target)
    if not job.rows:
        console.print(
            f"无需写入：{len(job.skipped)}个数字均已存在。"
            if zh
            else f"Nothing to write: {plural(len(job.skipped), 'figure')}, all already stored.",
            markup=False,
        )
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
        target = write(loaded, job)
    except OSError as exc:
        raise IngestError(
            f"could not write to {where.path}: {exc.strerror}; the data folder is unchanged"
        ) from None
    console.print(
        f"已写入{len(job.rows)}个数字到 {context.shown_path(target)}"
        f"（{len(job.skipped)}个已存在，{len(job.revisions)}个修订）。"
        if zh
        else f"Wrote {plural(len(job.rows), 'figure')} to {context.shown_path(target)} "
        f"({len(job.skipped)} already stored, {plural(len(job.revisions), 'revision')}).",
        markup=False,
    )
