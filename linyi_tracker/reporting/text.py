"""The words and figures of one target line, in either language.

Every view — the status table, `show`, and the report in the terminal, Markdown,
HTML, CSV and Excel — takes its cell texts from here, so a target reads the same
wherever an analyst meets it.
"""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.formatting import number, percent, with_unit
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting.model import Line, RegionRanking, RegionRow, Report

_SIGNS = {">=": "≥", "<=": "≤"}


def comparator_sign(comparator: str | None) -> str:
    return _SIGNS.get(comparator or "", comparator or "")


def name(line: Line, lang: Lang) -> str:
    return line.name_zh if lang == "zh" else line.name_en


def unit(line: Line, lang: Lang) -> str | None:
    return line.unit_zh if lang == "zh" else line.unit_en


def amount(value: Decimal | None, line: Line, lang: Lang) -> str:
    return "—" if value is None else with_unit(value, unit(line, lang), lang)


def period_label(period: str | None, lang: Lang) -> str:
    """'2020-06' as a reader says it: 'Jun 2020' / '2020年6月'."""
    return "—" if period is None else parse_period(period).label(lang)


def target(line: Line, lang: Lang) -> str:
    if line.kind == "milestone":
        if line.count_total is not None:
            return t(
                "word.count_by",
                lang,
                total=line.count_total,
                unit=unit(line, lang) or "",
                year=line.deadline,
            )
        return t("word.done_by", lang, year=line.deadline)
    if line.kind == "qualitative":
        return t("word.judgement_by", lang, year=line.deadline)
    value = f"{comparator_sign(line.comparator)} {amount(line.target, line, lang)}"
    if line.kind == "annual":
        years = f"{line.start}" if line.start == line.deadline else f"{line.start}–{line.deadline}"
        every = f" {t('word.per_year', lang)}" if line.start != line.deadline else ""
        return f"{value}{every} ({years}{'年' if lang == 'zh' else ''})"
    if line.kind == "cumulative":
        return f"{value} ({t('word.sum_over', lang, start=line.start, end=line.deadline)})"
    return f"{value} ({t('word.by', lang, year=line.deadline)})"


def actual(line: Line, lang: Lang) -> str:
    if line.actual_period is None:
        if line.partial_total is not None:
            when = period_label(line.partial_period, lang)
            return f"{t('word.partial', lang)} {number(line.partial_total, lang)} ({when})"
        return "—"
    when = period_label(line.actual_period, lang)
    if line.kind == "qualitative" and line.judgement:
        return f"{status_label(line.judgement, lang)} ({when})"
    if line.actual is None:
        word = t("word.done", lang) if line.actual_word == "done" else t("word.not_done", lang)
        return f"{word} ({when})"
    return f"{amount(line.actual, line, lang)} ({when})"


def gap(line: Line, lang: Lang) -> str:
    """The gap in the target's unit; for a percentage, in percentage points."""
    if line.gap is None:
        return "—"
    u = unit(line, lang)
    if u == "%":
        return f"{number(line.gap, lang)}{'个百分点' if lang == 'zh' else ' pts'}"
    if u == ":1":
        return number(line.gap, lang)
    return with_unit(line.gap, u, lang)


def schedule(line: Line, lang: Lang) -> str:
    if line.schedule_gap is None:
        return "—"
    return f"{line.schedule_gap * 100:+.1f}{'个百分点' if lang == 'zh' else ' pts'}"


def achievement(line: Line, lang: Lang) -> str:
    return percent(line.achievement, lang)


def pace(line: Line) -> str:
    return "—" if line.pace is None else f"{line.pace:.2f}"


def projected(line: Line, lang: Lang) -> str:
    """A projection is an estimate: shown at the unit's precision (JSON keeps it whole)."""
    if line.projected is None:
        return "—"
    places = {"%": Decimal("0.1"), ":1": Decimal("0.01")}.get(line.unit_en or "", Decimal(1))
    return amount(line.projected.quantize(places), line, lang)


def status_extras(line: Line, lang: Lang) -> list[str]:
    """What qualifies a status: the judgement, on time or late, regressing, revised, gaps."""
    extras = []
    if line.judgement:
        extras.append(status_label(line.judgement, lang))
    if line.status == "done" and line.on_time is not None:
        extras.append(t("word.on_time", lang) if line.on_time else t("word.late", lang))
    if line.regressing:
        extras.append(t("word.regressing", lang))
    if line.revised:
        extras.append(t("word.revised", lang))
    if line.missing_years:
        extras.append(t("word.missing_years", lang, years=", ".join(map(str, line.missing_years))))
    return extras


def status(line: Line, lang: Lang) -> str:
    return status_label(line.status, lang) + "".join(f" · {e}" for e in status_extras(line, lang))


def history(line: Line, lang: Lang) -> str:
    if line.met_years is None or line.judged_years is None:
        return "—"
    return t("word.met_in", lang, met=line.met_years, total=line.judged_years)


def phrase(line: Line, lang: Lang) -> str:
    return (line.phrase_zh if lang == "zh" else line.phrase_en) or "—"


def title(report: Report, lang: Lang) -> str:
    plan = report.short_title_zh if lang == "zh" else report.short_title_en
    return t("report.title", lang, plan=plan, year=report.year)


def as_of(report: Report, lang: Lang) -> str:
    return report.as_of_zh if lang == "zh" else report.as_of_en


def reasons(line: Line, lang: Lang) -> list[str]:
    return [t(f"reason.{r}", lang) for r in line.reasons]


# The columns of the per-system tables, shared by every tabular format.
SYSTEM_COLUMNS = (
    "col.indicator",
    "col.target",
    "col.actual",
    "col.achievement",
    "col.gap",
    "report.pace",
    "report.projected",
    "col.status",
)


def system_cells(line: Line, lang: Lang) -> list[str]:
    label = ("↳ " if line.component_of else "") + name(line, lang)
    return [
        label,
        target(line, lang),
        actual(line, lang),
        achievement(line, lang),
        gap(line, lang),
        pace(line),
        projected(line, lang),
        status(line, lang),
    ]


# The annual-targets table and the region rankings, shared by every tabular format.
ANNUAL_COLUMNS = (
    "col.indicator",
    "col.target",
    "col.actual",
    "col.schedule",
    "report.history",
    "col.status",
)
RANKING_COLUMNS = ("report.rank", "col.region", "col.value", "col.achievement", "col.status")


def annual_cells(line: Line, lang: Lang) -> list[str]:
    return [
        name(line, lang),
        target(line, lang),
        actual(line, lang),
        phrase(line, lang),
        history(line, lang),
        status(line, lang),
    ]


def ranking_cells(rank: int, row: RegionRow, ranking: RegionRanking, lang: Lang) -> list[str]:
    unit_name = ranking.unit_zh if lang == "zh" else ranking.unit_en
    value = row.text if row.value is None else with_unit(row.value, unit_name, lang)
    share = "—" if row.achievement is None else percent(row.achievement, lang)
    return [
        str(rank),
        row.name_zh if lang == "zh" else row.name_en,
        value,
        share,
        status_label(row.status, lang) if row.status else "—",
    ]


def ranking_title(ranking: RegionRanking, lang: Lang) -> tuple[str, str]:
    """(heading, how it is ranked)."""
    how = t(
        "report.ranked_by_achievement"
        if ranking.ranked_by == "achievement"
        else "report.ranked_by_value",
        lang,
    )
    return (
        f"{ranking.name_zh if lang == 'zh' else ranking.name_en} · {period_label(ranking.period, lang)}",
        how,
    )


def not_reported(ranking: RegionRanking, lang: Lang) -> str | None:
    if not ranking.missing:
        return None
    names = ("、" if lang == "zh" else ", ").join(
        ranking.missing_zh if lang == "zh" else ranking.missing_en
    )
    return f"{t('word.not_reported', lang)}: {names}"
