"""Cells shared by the terminal views: target, actual, status, in either language."""

from __future__ import annotations

from rich.text import Text

from linyi_tracker.assessment.engine import Assessment
from linyi_tracker.formatting import number, points, with_unit
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.plan.models import Plan

STATUS_STYLE: dict[str, str] = {
    "achieved": "bold green",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "missed": "bold red",
    "no_data": "dim",
    "insufficient_data": "magenta",
    "done": "bold green",
    "pending": "cyan",
    "overdue": "bold red",
    "assessed": "blue",
}


def comparator_sign(comparator: str | None) -> str:
    return {">=": "≥", "<=": "≤"}.get(comparator or "", comparator or "")


def unit_label(plan: Plan, unit_id: str | None, lang: Lang) -> str | None:
    unit = plan.unit_by_id.get(unit_id) if unit_id else None
    return unit.name.get(lang) if unit else None


def target_cell(plan: Plan, a: Assessment, lang: Lang) -> str:
    target = plan.target_by_id[a.target_id]
    unit = unit_label(plan, a.unit, lang)
    if a.kind == "milestone":
        total = getattr(target, "count_total", None)
        if total:
            return t("word.count_by", lang, total=total, unit=unit or "", year=a.deadline)
        return t("word.done_by", lang, year=a.deadline)
    if a.kind == "qualitative":
        return t("word.judgement_by", lang, year=a.deadline)
    assert a.target is not None
    value = f"{comparator_sign(a.comparator)} {with_unit(a.target, unit, lang)}"
    if a.kind == "annual":
        years = f"{a.start}" if a.start == a.deadline else f"{a.start}–{a.deadline}"
        years += "年" if lang == "zh" else ""
        every = f" {t('word.per_year', lang)}" if a.start != a.deadline else ""
        return f"{value}{every} ({years})"
    if a.kind == "cumulative":
        return f"{value} ({t('word.sum_over', lang, start=a.start, end=a.deadline)})"
    return f"{value} ({t('word.by', lang, year=a.deadline)})"


def actual_cell(plan: Plan, a: Assessment, lang: Lang) -> str:
    if a.actual_period is None:
        if a.partial is not None:
            return f"{t('word.partial', lang)} {number(a.partial.total, lang)} ({a.partial.period.label(lang)})"
        return "—"
    when = a.actual_period.label(lang)
    if a.kind == "qualitative" and a.judgement:
        return f"{status_label(a.judgement, lang)} ({when})"
    if a.actual is None:
        word = t("word.done", lang) if a.actual_word == "done" else t("word.not_done", lang)
        return f"{word} ({when})"
    unit = unit_label(plan, a.unit, lang)
    return f"{with_unit(a.actual, unit, lang)} ({when})"


def gap_cell(plan: Plan, a: Assessment, lang: Lang) -> str:
    """The gap in the target's unit; for a percentage, in percentage points."""
    if a.gap is None:
        return "—"
    unit = unit_label(plan, a.unit, lang)
    if unit == "%":
        return f"{number(a.gap, lang)}{'个百分点' if lang == 'zh' else ' pts'}"
    if unit == ":1":
        return number(a.gap, lang)
    return with_unit(a.gap, unit, lang)


def schedule_cell(a: Assessment, lang: Lang) -> str:
    if a.schedule_gap is None:
        return "—"
    pts = points(a.schedule_gap)
    return f"{pts}{'个百分点' if lang == 'zh' else ' pts'}"


def status_cell(a: Assessment, lang: Lang) -> Text:
    text = Text(status_label(a.status, lang), style=STATUS_STYLE.get(a.status or "", ""))
    extras: list[str] = []
    if a.judgement:
        extras.append(status_label(a.judgement, lang))
    if a.status == "done" and a.on_time is not None:
        extras.append(t("word.on_time", lang) if a.on_time else t("word.late", lang))
    if a.regressing:
        extras.append(t("word.regressing", lang))
    if a.revised:
        extras.append(t("word.revised", lang))
    if a.missing_years:
        extras.append(t("word.missing_years", lang, years=", ".join(map(str, a.missing_years))))
    if extras:
        text.append(" · " + " · ".join(extras), style="dim")
    return text
