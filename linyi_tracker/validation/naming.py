"""What a finding calls the plan's entries, the periods and the columns it names.

A finding's parameters hold ids and codes (``lanshan``, ``emp.new_urban_jobs``,
``2019``): what ``--format json`` and scripts read. A clerk reads names: 兰山区, 城镇新增
就业人数, 2019年, and the column as their file heads it (截至日期, not ``as_of``). This
module is the one rule that turns the first into :class:`~linyi_tracker.findings.Named`
parameters carrying the second; the validator and the store call it on every finding,
and the catalogue's templates show the name in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from linyi_tracker.actuals.observation import FileRead
from linyi_tracker.actuals.periods import PeriodError, read_period
from linyi_tracker.findings import Finding, Named, Param
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import COLUMN_WORDS, hint_text, message_text

# The parameters that hold an indicator's or a region's id, whatever the code.
_INDICATOR_PARAMS = ("indicator", "part", "whole")
_REGION_PARAMS = ("region",)
# A suggestion is an id of the kind its code is about (a column: its canonical name).
_SUGGESTION_KIND = {
    "unknown-indicator": "indicator",
    "unknown-region": "region",
    "unknown-column": "column",
}
_PERIOD_PARAMS = ("period", "other_period")
# Codes whose id or period code is the point of the sentence ("write the id
# 'emp.new_urban_jobs'", "writing 2019-09 avoids this notice"): left as written.
_AS_WRITTEN = frozenset({"indicator-by-name", "period-read-as-month"})


def at_value_column(findings: list[Finding], reads: Iterable[FileRead]) -> list[Finding]:
    """``findings`` with those made after their file was read on its value cell
    (:func:`linyi_tracker.actuals.reconcile.value_finding`: the cross-row rules', the
    store's reconciling) given the value column as the file heads and numbers it (数值,
    column 4; a workbook's sheet). validate and the store (usecases.read_store) both call
    it: one conflict names one file:line:column wherever it is printed."""
    by_path = {r.path: r for r in reads}
    out = []
    for f in findings:
        read = (
            by_path.get(f.file or "") if f.column == "value" and f.column_number is None else None
        )
        if read is not None:
            f = replace(
                f,
                column=read.value_header or f.column,
                column_number=read.value_column,
                sheet=read.sheet,
            )
        out.append(f)
    return out


def with_names(
    findings: list[Finding], plan: Plan, headers: Mapping[str, Mapping[str, str]] | None = None
) -> list[Finding]:
    """``findings`` with their ids, periods and columns named.

    ``headers`` maps a file to its canonical columns' headers as it writes them. An id
    the plan does not know stays as written: a name is never guessed.
    """
    files = headers or {}
    return [_named(f, plan, files.get(f.file or "", {})) for f in findings]


def _name(plan: Plan, kind: str | None, value: str, *, suggestion: bool = False) -> Named | None:
    """``value``, an id of ``kind`` (indicator, region, column, period), named; None
    where the plan (or the tool) does not know it. The one rule of findings and keys."""
    if kind == "indicator" and (ind := plan.indicator_by_id.get(value)) is not None:
        if suggestion:  # the clerk may write either: the name, and the id
            return Named(value, f"{ind.name.zh}（{value}）", f"{ind.name.en} ({value})")
        return Named(value, ind.name.zh, ind.name.en)
    if kind == "region" and (reg := plan.region_by_id.get(value)) is not None:
        return Named(value, reg.name.zh, reg.name.en)
    if kind == "column" and value in COLUMN_WORDS:  # 单位 under zh, unit under en
        word = COLUMN_WORDS[value]
        return Named(value, word.zh, word.en)
    if kind == "period":
        return _period(value)
    return None


def _named(finding: Finding, plan: Plan, headers: Mapping[str, str]) -> Finding:
    params: dict[str, Param] = dict(finding.params)
    changed = False
    for key, value in finding.params.items():
        if finding.code in _AS_WRITTEN or not isinstance(value, str) or isinstance(value, Named):
            continue
        kind = (
            "indicator"
            if key in _INDICATOR_PARAMS
            else "region"
            if key in _REGION_PARAMS
            else _SUGGESTION_KIND.get(finding.code)
            if key == "suggestion"
            else "period"
            if key in _PERIOD_PARAMS
            else None
        )
        named = _name(plan, kind, value, suggestion=key == "suggestion")
        if named is not None:
            params[key] = named
            changed = True
    words = _words(finding)
    for column in COLUMN_WORDS:
        header = headers.get(column)
        if header and "{" + column + "_column" in words:
            params[f"{column}_column"] = Named(column, header, header)
            changed = True
    return replace(finding, params=params) if changed else finding


def key_names(plan: Plan, indicator: str, period: str, region: str) -> dict[str, Named]:
    """A figure's key as ``indicator``, ``period``, ``region`` parameters, each named (a
    :class:`Named` is the id itself to code that compares it); an id the plan does not
    know is shown as written."""
    key = {"indicator": indicator, "period": period, "region": region}
    return {k: _name(plan, k, v) or Named(v, v, v) for k, v in key.items()}


def figure_name(plan: Plan, indicator: str, period: str, region: str) -> Named:
    """A figure's key as a reader names it: 城镇新增就业人数 · 兰山区 · 2019年 / New urban jobs ·
    Lanshan District · 2019 (the ids, ``emp.new_urban_jobs 2019 lanshan``, as the str) —
    the one form of a key in findings (the catalogue's ``_KEY``), ingest and withdraw."""
    key = key_names(plan, indicator, period, region)
    parts = [key[k] for k in ("indicator", "region", "period")]
    return Named(
        f"{indicator} {period} {region}",
        " · ".join(p.zh for p in parts),
        " · ".join(p.en for p in parts),
    )


def _words(finding: Finding) -> str:
    """Every template a finding may be shown with, as one text to look for a name in."""
    hint = hint_text(finding)
    texts = (message_text(finding), *((hint,) if hint is not None else ()))
    return " ".join(part for t in texts for part in (t.zh, t.en))


def _period(text: str) -> Named | None:
    """``2019`` → 2019年 / 2019, ``2019Q3`` → 2019年第3季度 / 2019 Q3; else None."""
    try:
        period, _ = read_period(text)
    except (PeriodError, ValueError):
        return None
    if period.text != text:  # only a period code as the tool writes it
        return None
    return Named(text, period.label("zh"), period.label("en"))
