"""The report as GitHub-flavoured Markdown: headings and pipe tables that paste well."""

from __future__ import annotations

from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.i18n import Lang, labelled, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import tables

_MD_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "\\<",  # CommonMark: an escaped < never opens an HTML tag
        ">": "\\>",
    }
)


def md(value: object) -> str:
    """Text from the plan or the data, inert in Markdown: no HTML (``<script>``,
    ``<img onerror>``), no links or images (``[x](javascript:…)``), no emphasis or code;
    control characters dropped (one line stays one line)."""
    text = "".join(c if c.isprintable() or c == " " else " " for c in str(value))
    return text.translate(_MD_SPECIAL)


def _cell(value: str) -> str:
    return md(value).replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def render(report: Report, lang: Lang) -> str:
    out: list[str] = [f"# {md(text.title(report, lang))}", ""]
    out += [f"*{md(report.title_zh if lang == 'zh' else report.title_en)}*", ""]
    out += [
        f"- {labelled(t('report.as_of', lang), text.as_of(report, lang), lang)}",
        f"- {labelled(t('report.generated', lang), text.generated(report, lang), lang)}",
        f"- {labelled(t('report.plan_file', lang), md(report.plan_file), lang)}",
        f"- {labelled(t('report.data', lang), md(report.data_source), lang)}",
        "",
    ]

    out += [f"## {t('report.summary', lang)}", ""]
    counts = tables.counts(report, lang)
    out += _table(counts.header, counts.rows)
    for key, ids in report.summary_lists():
        out += [f"**{t(key, lang)}**", ""]
        for tid in ids:
            line = report.line(tid)
            out.append(
                f"- {labelled(md(text.name(line, lang)), md(text.detail(line, lang)), lang)}"
            )
        out += [f"- {t('report.none', lang)}"] if not ids else []
        out.append("")

    out += [f"## {t('report.annual', lang, year=report.year)}", ""]
    if report.annual:
        rows = text.annual_rows([report.line(tid) for tid in report.annual], lang)
        out += _table([t(c, lang) for c in text.ANNUAL_COLUMNS], rows)
    else:
        out += [f"- {t('report.none', lang)}", ""]

    out += [f"## {t('report.systems', lang)}", ""]
    for section in report.systems:
        out += [
            f"### {section.number} {md(section.name_zh if lang == 'zh' else section.name_en)}",
            "",
        ]
        out += _table(
            [t(c, lang) for c in text.SYSTEM_COLUMNS],
            text.system_rows(section.lines, lang),
        )

    out += [f"## {t('report.regions', lang)}", ""]
    if not report.regions:
        out += [f"- {t('word.no_region_data', lang)}", ""]
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        out += [f"### {md(heading)}", "", f"*{md(how)}*", ""]
        ranked = tables.ranking(ranking, lang)  # one number style a column
        out += _table(ranked.header, ranked.rows)
        missing = text.not_reported(ranking, lang)
        out += [md(missing), ""] if missing else []

    out += [f"## {t('report.completeness', lang)}", ""]
    if report.completeness:
        gaps = tables.completeness(report, lang)
        out += _table(gaps.header, gaps.rows)
    else:
        out += [t("report.complete", lang), ""]

    out += [f"## {t('report.method', lang)}", ""]
    m = report.method
    out += [t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance), ""]
    rules = m.rules_zh if lang == "zh" else m.rules_en
    out += [f"{i}. {rule}" for i, rule in enumerate(rules, start=1)] + [""]

    out += [f"## {t('report.sources', lang)}", ""]
    out += [f"- {md(describe_source(s, lang))}" for s in report.sources] or [
        f"- {t('report.none', lang)}"
    ]
    return "\n".join(out).rstrip() + "\n"
