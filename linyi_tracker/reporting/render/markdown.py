"""The report as GitHub-flavoured Markdown: headings and pipe tables that paste well."""

from __future__ import annotations

from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.words import STATUS_WORDS


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def render(report: Report, lang: Lang) -> str:
    L: list[str] = [f"# {text.title(report, lang)}", ""]
    title = report.title_zh if lang == "zh" else report.title_en
    L += [f"*{title}*", ""]
    L += [
        f"- {t('report.as_of', lang)}: {text.as_of(report, lang)}",
        f"- {t('report.generated', lang)}: {report.generated}",
        f"- {t('report.plan_file', lang)}: {report.plan_file}",
        f"- {t('report.data', lang)}: {report.data_source}",
        "",
    ]

    L += [f"## {t('report.summary', lang)}", ""]
    counts = [
        [status_label(w, lang), str(report.counts[w])]
        for w in (*STATUS_WORDS, "not_assessed")
        if report.counts.get(w)
    ]
    L += _table([t("col.status", lang), "n"], counts)
    for key, ids in (
        ("report.achieved_this_year", report.achieved_this_year),
        ("report.most_behind", report.most_behind),
        ("report.milestones_due", report.milestones_due),
    ):
        L.append(f"**{t(key, lang)}**")
        L.append("")
        if not ids:
            L += [f"- {t('report.none', lang)}", ""]
            continue
        for tid in ids:
            line = report.line(tid)
            detail = text.phrase(line, lang) if line.phrase_zh else text.status(line, lang)
            L.append(f"- {text.name(line, lang)}: {detail}")
        L.append("")

    L += [f"## {t('report.annual', lang, year=report.year)}", ""]
    rows = []
    for tid in report.annual:
        line = report.line(tid)
        rows.append(
            [
                text.name(line, lang),
                text.target(line, lang),
                text.actual(line, lang),
                text.phrase(line, lang),
                text.history(line, lang),
                text.status(line, lang),
            ]
        )
    L += (
        _table(
            [
                t("col.indicator", lang),
                t("col.target", lang),
                t("col.actual", lang),
                t("col.schedule", lang),
                t("report.history", lang),
                t("col.status", lang),
            ],
            rows,
        )
        if rows
        else [f"- {t('report.none', lang)}", ""]
    )

    L += [f"## {t('report.systems', lang)}", ""]
    for section in report.systems:
        L += [f"### {section.number} {section.name_zh if lang == 'zh' else section.name_en}", ""]
        L += _table(
            [t(c, lang) for c in text.SYSTEM_COLUMNS],
            [text.system_cells(ln, lang) for ln in section.lines],
        )

    L += [f"## {t('report.regions', lang)}", ""]
    if not report.regions:
        L += [f"- {t('word.no_region_data', lang)}", ""]
    for ranking in report.regions:
        name = ranking.name_zh if lang == "zh" else ranking.name_en
        how = t(
            "report.ranked_by_achievement"
            if ranking.ranked_by == "achievement"
            else "report.ranked_by_value",
            lang,
        )
        L += [f"### {name} · {ranking.period}", "", f"*{how}*", ""]
        unit = ranking.unit_zh if lang == "zh" else ranking.unit_en
        rows = [
            [
                str(i),
                r.name_zh if lang == "zh" else r.name_en,
                f"{r.text}{'' if unit in (None, '%', ':1') else ' ' + unit}",
                "—" if r.achievement is None else f"{r.achievement * 100:.1f}%",
                status_label(r.status, lang) if r.status else "—",
            ]
            for i, r in enumerate(ranking.rows, start=1)
        ]
        L += _table(
            [
                t("report.rank", lang),
                t("col.region", lang),
                t("col.value", lang),
                t("col.achievement", lang),
                t("col.status", lang),
            ],
            rows,
        )
        if ranking.missing:
            names = ("、" if lang == "zh" else ", ").join(
                ranking.missing_zh if lang == "zh" else ranking.missing_en
            )
            L += [f"{t('word.not_reported', lang)}: {names}", ""]

    L += [f"## {t('report.completeness', lang)}", ""]
    if report.completeness:
        rows = [
            [
                g.name_zh if lang == "zh" else g.name_en,
                g.target_id,
                f"{g.last_value} ({g.last_period})" if g.last_period else "—",
                g.reporters_zh if lang == "zh" else g.reporters_en,
            ]
            for g in report.completeness
        ]
        L += _table(
            [
                t("col.indicator", lang),
                "id",
                t("report.last_figure", lang),
                t("report.who_reports", lang),
            ],
            rows,
        )
    else:
        L += [t("report.complete", lang), ""]

    L += [f"## {t('report.method', lang)}", ""]
    m = report.method
    L += [t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance), ""]
    L += [
        f"{i}. {rule}" for i, rule in enumerate(m.rules_zh if lang == "zh" else m.rules_en, start=1)
    ] + [""]

    L += [f"## {t('report.sources', lang)}", ""]
    L += [f"- {s}" for s in report.sources] or [f"- {t('report.none', lang)}"]
    return "\n".join(L).rstrip() + "\n"
