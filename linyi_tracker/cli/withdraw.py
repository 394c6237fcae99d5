"""``linyi-tracker withdraw INDICATOR PERIOD``: take a wrongly ingested figure back, on
record; ``--undo`` reinstates a figure withdrawn by mistake (intake/withdraw.py)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    DataOption,
    LangOption,
    PlanOption,
    RegionOption,
    choice,
    choice_values,
    output_language,
)

if TYPE_CHECKING:
    from linyi_tracker.actuals.observation import Observation
    from linyi_tracker.actuals.periods import Period
    from linyi_tracker.i18n import Lang, Text
    from linyi_tracker.plan.models import Indicator
    from linyi_tracker.usecases import Workspace


class Measure(StrEnum):
    LEVEL = "level"
    GROWTH = "growth"


def withdraw(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", show_default=False)],
    period: Annotated[str, typer.Argument(metavar="PERIOD", show_default=False)],
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
    from linyi_tracker.i18n import Text, TextUsageError, t
    from linyi_tracker.intake.withdraw import (
        NothingToReinstate,
        NothingToWithdraw,
        plan_withdrawal,
        record_withdrawal,
    )
    from linyi_tracker.plan.lookup import find_indicator
    from linyi_tracker.validation.naming import key_names

    language = output_language(lang)
    named_period = period
    if not reason.strip():
        said = "withdraw.undo_empty_reason" if undo else "withdraw.empty_reason"
        raise TextUsageError(Text(said, {}))
    # Errors elsewhere in the folder do not stop a withdrawal: taking back one of two
    # figures in conflict is how a conflict ends.
    ctx = usecases.open_workspace(plan, data, for_withdraw=True)
    usecases.refuse_shipped(ctx.data_at)  # the package's own figures are never written to
    ind = find_indicator(ctx.plan, indicator)
    region_id = usecases.one_region(ctx.plan, region)
    read = _period_named(named_period, ind, ctx)
    if undo:
        chosen = None if measure is None else measure.value
        try:
            _undo(ctx, ind.id, read.text, region_id, reason, by, chosen, value, dry_run, language)
        except NothingToReinstate as e:  # said with names: 兰山区, not lanshan
            key = key_names(ctx.plan, ind.id, read.text, region_id)
            raise NothingToReinstate(*(_named(x, key) for x in e.texts)) from None
        return
    try:
        job = plan_withdrawal(
            ctx.store,
            ind.id,
            read.text,
            region_id,
            reason=reason.strip(),
            by=by.strip(),
            measure=None if measure is None else measure.value,
            value=value,
            flows=ctx.plan.flows,
        )
    except NothingToWithdraw as e:  # said with names: 兰山区, not lanshan
        key = key_names(ctx.plan, ind.id, read.text, region_id)
        raise NothingToWithdraw(*(_named(x, key) for x in e.texts)) from None
    w = job.record
    figure, where = _shown(ctx, ind.id, w.period, region_id, job.figure, language)
    if job.already:
        _say(
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
        _say(
            t("withdraw.would", language, figure=figure, value=w.value, file=where, reason=w.reason)
        )
        return
    path = record_withdrawal(ctx.data_at.path, w)
    _say(
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


def _period_named(text: str, indicator: Indicator, ctx: Workspace) -> Period:
    """The PERIOD argument read as a data file's period cell is
    (:func:`~linyi_tracker.actuals.periods.read_period`: 2017年9月, 2017/9/1, and for a
    year-to-date indicator 2017年1-9月 or 前三季度, read as the month or quarter they end
    in); a span from January of any other indicator is refused, as the reader refuses it
    (:func:`~linyi_tracker.actuals.cells.cumulative_level`): it has no such figure."""
    from linyi_tracker.actuals.cells import span_refused
    from linyi_tracker.actuals.periods import AmbiguousPeriod, PeriodError, read_period
    from linyi_tracker.i18n import Text, TextUsageError
    from linyi_tracker.validation.naming import key_names

    try:
        period, how = read_period(text)
    except AmbiguousPeriod as exc:
        said = {"value": text, "first": exc.first, "second": exc.second}
        raise TextUsageError(Text("cli.ambiguous_period", said)) from None
    except PeriodError:
        raise TextUsageError(Text("cli.bad_period", {"value": text})) from None
    if span_refused(how, indicator):
        name = key_names(ctx.plan, indicator.id, period.text, ctx.plan.city.id)["indicator"]
        params = {
            "value": text,
            "indicator": name,
            "period": period.text,
            "year": period.year,
        }
        raise TextUsageError(Text("withdraw.cumulative_level", params))
    return period


def _shown(
    ctx: Workspace, indicator: str, period: str, region: str, o: Observation | None, lang: Lang
) -> tuple[str, str]:
    """A figure as withdraw and its undoing name it (城镇新增就业人数 · 兰山区 · 2019年), and
    where it is held: its file and line, or that no data file holds it now."""
    from linyi_tracker.i18n import t
    from linyi_tracker.validation.naming import figure_name

    figure = figure_name(ctx.plan, indicator, period, region).shown(lang)
    return figure, t("withdraw.unheld", lang) if o is None else f"{o.file}:{o.line}"


def _say(line: str) -> None:
    """One line of what withdraw did: a newline in a file name or a reason cannot forge another."""
    from linyi_tracker.cli.output import safe_text, stdout

    stdout().print(safe_text(line, one_line=True), markup=False)


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
    from linyi_tracker.i18n import t
    from linyi_tracker.intake.withdraw import (
        figures_listed,
        plan_reinstatement,
        record_reinstatement,
    )

    job = plan_reinstatement(
        ctx.store,
        indicator,
        period,
        region,
        reason=reason.strip(),
        by=by.strip(),
        measure=measure,
        value=value,
        flows=ctx.plan.flows,
    )
    w, r = job.withdrawal, job.record
    figure, where = _shown(ctx, indicator, r.period, region, job.figure, language)
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
    _say(said)
    if job.figure is None:  # its row deleted since: it counts once ingested again
        _say(t("withdraw.unheld_next", language))
    if job.clashes:  # a dry run writes nothing: the conflict would come back
        clash = "withdraw.undo_clash_would" if dry_run else "withdraw.undo_clash"
        _say(t(clash, language, figures=figures_listed(job.clashes)))


def _named(text: Text, key: Mapping[str, str]) -> Text:
    """``text`` with the key's ids among its parameters given as named (兰山区, 2019年)."""
    from dataclasses import replace

    return replace(text, params={**text.params, **{k: key[k] for k in key if k in text.params}})
