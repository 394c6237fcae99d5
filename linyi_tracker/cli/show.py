"""``linyi-tracker show INDICATOR``: one indicator in depth."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.actuals.periods import Period
from linyi_tracker.cli.options import (
    AsOfOption,
    DataOption,
    FormatOption,
    LangOption,
    OutputFormat,
    PlanOption,
    RegionOption,
    output_language,
)

if TYPE_CHECKING:
    from linyi_tracker.actuals.observation import Observation
    from linyi_tracker.usecases import Workspace

SIGNOFF_FIELDS = ("reporting_unit", "filed_by", "checked_by", "filed_on")


def _shown_series(
    ctx: Workspace, indicator: str, regions: list[str], period: Period
) -> list[Observation]:
    """Every figure of the indicator in ``regions`` up to ``period``, oldest first."""
    return [
        o
        for r in regions
        for measure in ("level", "growth")
        for o in ctx.store.series(indicator, r, measure)
        if o.period.end_index <= period.end_index
    ]


def show(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", show_default=False)],
    as_of: AsOfOption = None,
    region: RegionOption = None,
    output: FormatOption = OutputFormat.TABLE,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """One indicator in depth (help text: cli/help_texts.py)."""
    # The core is imported here, not at module level, so `--help` stays fast.
    from linyi_tracker import usecases
    from linyi_tracker.assessment.export import exact
    from linyi_tracker.assessment.series import describe_source, series_for
    from linyi_tracker.reporting.view import view_dict

    ctx = usecases.open_workspace(plan, data)
    language = output_language(lang)
    shown = usecases.show(ctx, indicator, as_of=as_of, region=region)
    ind, period, regions = shown.indicator, shown.period, shown.regions
    views = shown.views
    # Who filed and checked each figure, and when: the sign-off line of its file.
    signed = {f.path: f.signoff for f in ctx.store.files if f.signoff}
    if output is OutputFormat.JSON:
        series = series_for(ctx.plan, ctx.store, ind, regions[0])
        growth = [
            o
            for o in ctx.store.growth_series(ind.id, regions[0])
            if o.period.end_index <= period.end_index
        ]
        rows = sorted(series.up_to(period) + growth, key=lambda o: (o.period.sort_key, o.measure))
        payload = {
            "as_of": str(period),
            "indicator": ind.model_dump(mode="json"),
            "targets": [view_dict(v) for v in views],
            "series": [
                {
                    "period": str(o.period),
                    "region": o.region,
                    "value": exact(o.value) if o.value is not None else o.text,
                    "source": describe_source(o.source, language),
                    "note": o.note,
                    "file": o.file,
                    "line": o.line,
                    "measure": o.measure,
                    **{k: signed.get(o.file, {}).get(k, "") for k in SIGNOFF_FIELDS},
                }
                for o in rows
            ],
            "withdrawn": [
                {
                    "period": w.period,
                    "region": w.region,
                    "value": w.value,
                    "withdrawn_at": w.withdrawn_at,
                    "reason": w.reason,
                    "by": w.by,
                    "file": o.file,
                    "line": o.line,
                }
                for w, o in ctx.store.withdrawn
                if w.indicator == ind.id and w.region in regions
            ],
        }
        from linyi_tracker.jsontext import dumps

        typer.echo(dumps(payload))
        return
    from linyi_tracker.cli.output import stdout
    from linyi_tracker.cli.render.indicator_view import render_indicator

    stdout().print(render_indicator(ctx, ind, views, period, regions, language))
    from linyi_tracker.cli.output import safe_text
    from linyi_tracker.i18n import t
    from linyi_tracker.validation.naming import key_names

    def where(period_text: str, region: str) -> str:
        """2016年 兰山区 / 2016 Lanshan District: a figure of this indicator, by name."""
        key = key_names(ctx.plan, ind.id, period_text, region)
        return " ".join(key[k].shown(language) for k in ("period", "region"))

    for o in _shown_series(ctx, ind.id, regions, period):
        sign = signed.get(o.file)
        if not sign:
            continue
        line = t(
            "show.signoff",
            language,
            figure=f"{where(o.period.text, o.region)} = {o.text}",
            filed_by=sign.get("filed_by", "—"),
            checked_by=sign.get("checked_by", "—"),
            filed_on=sign.get("filed_on", "—"),
            unit=sign.get("reporting_unit", "—"),
        )
        stdout().print(safe_text(line, one_line=True), markup=False)
    for w, o in ctx.store.withdrawn:  # what no longer counts, and when and why
        if w.indicator != ind.id or w.region not in regions:
            continue
        by = t("show.withdrawn_by", language, by=w.by) if w.by else ""
        line = t(
            "show.withdrawn",
            language,
            figure=f"{where(w.period, w.region)} ({o.file}:{o.line})",
            value=w.value,
            when=w.withdrawn_at,
            reason=w.reason,
            by=by,
        )
        stdout().print(safe_text(line, one_line=True), markup=False)
