"""``linyi-tracker show INDICATOR``: one indicator in depth."""

from __future__ import annotations

from typing import Annotated

import typer

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

SIGNOFF_FIELDS = ("reporting_unit", "filed_by", "checked_by", "filed_on")


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
    from linyi_tracker.assessment.sources import describe_source
    from linyi_tracker.reporting.view import view_dict

    ctx = usecases.open_workspace(plan, data)
    language = output_language(lang)
    # Everything drawn below is worked out here, before drawing (reporting.view).
    view = usecases.show(ctx, indicator, as_of=as_of, region=region)
    ind = view.indicator
    # Who filed and checked each figure, and when: the sign-off line of its file.
    signed = view.signoffs
    if output is OutputFormat.JSON:
        payload = {
            "as_of": str(view.as_of),
            "indicator": ind.model_dump(mode="json"),
            "targets": [view_dict(v) for v in view.targets],
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
                    "as_of": o.as_of.isoformat() if o.as_of else None,
                    # made of a revised figure (a city sum with a revised county figure
                    # too): what status's "revised" says of a result made of it
                    "revised": view.is_revised(o),
                    # the figures this one revised, oldest first (status marks it revised)
                    "revised_from": [
                        {
                            "value": exact(e.value) if e.value is not None else e.text,
                            "as_of": e.as_of.isoformat() if e.as_of else None,
                            "file": e.file,
                            "line": e.line,
                        }
                        for e in view.earlier(o)
                    ],
                    **{k: signed.get(o.file, {}).get(k, "") for k in SIGNOFF_FIELDS},
                }
                for o in view.series
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
                for w, o in view.withdrawn
            ],
        }
        from linyi_tracker.cli.output import echo_json

        echo_json(payload)
        return
    from linyi_tracker.cli.output import stdout
    from linyi_tracker.cli.render.indicator_view import render_indicator

    stdout().print(render_indicator(ctx, view, language))
    from linyi_tracker.cli.output import safe_text
    from linyi_tracker.i18n import t
    from linyi_tracker.validation.naming import key_names

    def where(period_text: str, region: str) -> str:
        """2016年 兰山区 / 2016 Lanshan District: a figure of this indicator, by name."""
        key = key_names(ctx.plan, ind.id, period_text, region)
        return " ".join(key[k].shown(language) for k in ("period", "region"))

    for o in view.figures:
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
    for w, o in view.withdrawn:  # what no longer counts, and when and why
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
