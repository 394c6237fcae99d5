"""``linyi-tracker show INDICATOR``: one indicator in depth."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    AsOfOption,
    DataOption,
    FormatOption,
    LangOption,
    OutputFormat,
    PlanOption,
    RegionOption,
)

if TYPE_CHECKING:
    from linyi_tracker.cli.context import Context
    from linyi_tracker.plan.models import Indicator


def show(
    indicator: Annotated[
        str,
        typer.Argument(help="Indicator or target id, or its name in zh or en.", show_default=False),
    ],
    as_of: AsOfOption = None,
    region: RegionOption = None,
    output: FormatOption = OutputFormat.TABLE,
    lang: LangOption = None,
    plan: PlanOption = None,
    data: DataOption = None,
) -> None:
    """One indicator in depth: names, unit, notes, targets, series with sources, chart, pace, regions.

    Example: linyi-tracker show emp.new_urban_jobs --as-of 2016-08
    """
    # The core is imported here, not at module level, so `--help` stays fast.
    from linyi_tracker.assessment.engine import assess, default_as_of
    from linyi_tracker.assessment.export import exact
    from linyi_tracker.assessment.series import series_for
    from linyi_tracker.cli import context
    from linyi_tracker.i18n import resolve_lang
    from linyi_tracker.reporting.view import target_view, view_dict

    ctx = context.load(plan, data)
    language = resolve_lang(lang.value if lang else None)
    ind = _find(ctx, indicator)
    period = as_of or default_as_of(ctx.store, ctx.plan)
    regions = context.resolve_regions(ctx.plan, region)
    views = [
        target_view(ctx.plan, ctx.store, assess(ctx.plan, ctx.store, t, period, r), period)
        for r in regions
        for t in ctx.plan.targets_of(ind.id)
    ]
    if output is OutputFormat.JSON:
        series = series_for(ctx.plan, ctx.store, ind, regions[0])
        payload = {
            "as_of": str(period),
            "indicator": ind.model_dump(mode="json"),
            "targets": [view_dict(v) for v in views],
            "series": [
                {
                    "period": str(o.period),
                    "region": o.region,
                    "value": exact(o.value) if o.value is not None else o.text,
                    "source": o.source,
                    "note": o.note,
                    "file": o.file,
                    "line": o.line,
                }
                for o in series.up_to(period)
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from linyi_tracker.cli.output import stdout
    from linyi_tracker.cli.render.indicator_view import render_indicator

    stdout().print(render_indicator(ctx, ind, views, period, regions, language))


def _find(ctx: Context, text: str) -> Indicator:
    from linyi_tracker.actuals.reader import PlanLookup
    from linyi_tracker.errors import UsageError

    plan = ctx.plan
    target = plan.target_by_id.get(text.strip())
    if target is not None:
        return plan.indicator_by_id[target.indicator]
    lookup = PlanLookup(plan)
    ind, _ = lookup.indicator(text)
    if ind is not None:
        return ind
    guess = lookup.suggest_indicator(text)
    tip = f" Did you mean '{guess}'?" if guess else ""
    raise UsageError(
        f"'{text}' is not an indicator or target of the plan.{tip} Run `linyi-tracker plan` to list them."
    )
