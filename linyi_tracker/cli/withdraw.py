"""``linyi-tracker withdraw INDICATOR PERIOD``: take a wrongly ingested figure back, on
record; ``--undo`` reinstates a figure withdrawn by mistake (intake/withdraw.py)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.actuals.periods import Period
from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    PlanOption,
    RegionOption,
    choice,
    choice_values,
    output_language,
    parse_period_option,
)

if TYPE_CHECKING:
    from linyi_tracker.i18n import Lang, Text
    from linyi_tracker.usecases import Workspace


class Measure(StrEnum):
    LEVEL = "level"
    GROWTH = "growth"


def withdraw(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", show_default=False)],
    period: Annotated[
        Period,
        typer.Argument(metavar="PERIOD", parser=parse_period_option, show_default=False),
    ],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", show_default=False)],
    region: RegionOption = None,
    by: Annotated[str, typer.Option("--by", metavar="NAME", show_default=False)] = "",
    value: Annotated[
        str | None, typer.Option("--value", metavar="FIGURE", show_default=False)
    ] = None,
    measure: Annotated[
        Measure | None,
        typer.Option(
            "--measure",
            parser=choice(Measure),
            metavar="level|growth",
            autocompletion=choice_values(Measure),
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    undo: Annotated[bool, typer.Option("--undo")] = False,
    plan: PlanOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Withdraw one stored figure, on record (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import safe_text, stdout
    from linyi_tracker.i18n import Text, TextUsageError, t
    from linyi_tracker.intake.withdraw import (
        NothingToReinstate,
        NothingToWithdraw,
        plan_withdrawal,
        record_withdrawal,
    )
    from linyi_tracker.plan.lookup import find_indicator
    from linyi_tracker.validation.naming import figure_name, key_names

    language = output_language(lang)
    if not reason.strip():
        said = "withdraw.undo_empty_reason" if undo else "withdraw.empty_reason"
        raise TextUsageError(Text(said, {}))
    # Errors elsewhere in the folder do not stop a withdrawal: taking back one of two
    # figures in conflict is how a conflict ends.
    ctx = usecases.open_workspace(plan, data, for_withdraw=True)
    usecases.refuse_shipped(ctx.data_at)  # the package's own figures are never written to
    ind = find_indicator(ctx.plan, indicator)
    region_id = usecases.one_region(ctx.plan, region)
    if undo:
        chosen = None if measure is None else measure.value
        try:
            _undo(ctx, ind.id, period.text, region_id, reason, by, chosen, value, dry_run, language)
        except NothingToReinstate as e:  # said with names: 兰山区, not lanshan
            key = key_names(ctx.plan, ind.id, period.text, region_id)
            raise NothingToReinstate(*(_named(x, key) for x in e.texts)) from None
        return
    try:
        job = plan_withdrawal(
            ctx.store,
            ind.id,
            period.text,
            region_id,
            reason=reason.strip(),
            by=by.strip(),
            measure=None if measure is None else measure.value,
            value=value,
        )
    except NothingToWithdraw as e:  # said with names: 兰山区, not lanshan
        key = key_names(ctx.plan, ind.id, period.text, region_id)
        raise NothingToWithdraw(*(_named(x, key) for x in e.texts)) from None
    figure = figure_name(ctx.plan, ind.id, period.text, region_id).shown(language)
    o, w = job.figure, job.record
    where = f"{o.file}:{o.line}"
    console = stdout()

    def say(line: str) -> None:
        console.print(safe_text(line, one_line=True), markup=False)

    if job.already:
        say(
            t(
                "withdraw.already",
                language,
                figure=figure,
                value=w.value,
                when=w.withdrawn_at,
                reason=w.reason,
            )
        )
        return
    if dry_run:
        say(
            t("withdraw.would", language, figure=figure, value=w.value, file=where, reason=w.reason)
        )
        return
    path = record_withdrawal(ctx.data_at.path, w)
    say(
        t(
            "withdraw.done",
            language,
            figure=figure,
            value=w.value,
            file=where,
            reason=w.reason,
            path=context.shown_path(path),
        )
    )


def _undo(
    ctx: Workspace,
    indicator: str,
    period: str,
    region: str,
    reason: str,
    by: str,
    measure: str | None,
    value: str | None,
    dry_run: bool,
    language: Lang,
) -> None:
    """Reinstate the withdrawn figure named (or say what would be), and the figures it is
    in conflict with again, if any."""
    from linyi_tracker.cli import context
    from linyi_tracker.cli.output import safe_text, stdout
    from linyi_tracker.i18n import t
    from linyi_tracker.intake.withdraw import (
        figures_listed,
        plan_reinstatement,
        record_reinstatement,
    )
    from linyi_tracker.validation.naming import figure_name

    job = plan_reinstatement(
        ctx.store,
        indicator,
        period,
        region,
        reason=reason.strip(),
        by=by.strip(),
        measure=measure,
        value=value,
        flows=frozenset(i.id for i in ctx.plan.indicators if i.flow),
    )
    figure = figure_name(ctx.plan, indicator, period, region).shown(language)
    o, w, r = job.figure, job.withdrawal, job.record
    where = t("withdraw.unheld", language) if o is None else f"{o.file}:{o.line}"
    if dry_run:
        said = t(
            "withdraw.undo_would",
            language,
            figure=figure,
            value=r.value,
            file=where,
            when=w.withdrawn_at,
            reason=r.reason,
        )
    else:
        path = record_reinstatement(ctx.data_at.path, r)
        said = t(
            "withdraw.undone",
            language,
            figure=figure,
            value=r.value,
            file=where,
            reason=r.reason,
            path=context.shown_path(path),
        )
    console = stdout()
    console.print(safe_text(said, one_line=True), markup=False)
    if o is None:  # its row deleted since: it counts once ingested again
        console.print(safe_text(t("withdraw.unheld_next", language), one_line=True), markup=False)
    if job.clashes:
        clash = t("withdraw.undo_clash", language, figures=figures_listed(job.clashes))
        console.print(safe_text(clash, one_line=True), markup=False)


def _named(text: Text, key: Mapping[str, str]) -> Text:
    """``text`` with the key's ids among its parameters given as named (兰山区, 2019年)."""
    from dataclasses import replace

    return replace(text, params={**text.params, **{k: key[k] for k in key if k in text.params}})
