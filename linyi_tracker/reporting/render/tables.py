"""The report's tables as plain cells, shared by the HTML and Word renderers.

Each table is its header and its rows of texts (from :mod:`linyi_tracker.reporting.text`
and, for estimates, :mod:`linyi_tracker.reporting.render.numbers`), with the status
word of each row kept apart so a renderer can colour it. The layout (widths, print
rules) is the renderer's; what a table says is decided here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linyi_tracker.i18n import Lang, labelled, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import RegionRanking, Report
from linyi_tracker.words import STATUS_WORDS


@dataclass(frozen=True, slots=True)
class Table:
    """A header, rows of cell texts, which columns hold numbers, and each row's status code."""

    kind: str  # counts | annual | system | ranking | completeness
    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    statuses: list[str | None] = field(default_factory=list)  # one a row, for colour

    @property
    def name_col(self) -> int:
        """The column that names the indicator or the county."""
        return 1 if self.kind == "ranking" else 0

    @property
    def status_col(self) -> int | None:
        """The column that holds the status words, coloured by ``statuses``."""
        if self.kind == "ranking":
            return text.RANKING_COLUMNS.index("col.status")  # before the reason
        return len(self.header) - 1 if self.kind in {"annual", "system"} else None


def counts(report: Report, lang: Lang) -> Table:
    words = [w for w in (*STATUS_WORDS, "not_assessed") if report.counts.get(w)]
    return Table(
        "counts",
        [t("col.status", lang), t("col.count", lang)],
        [[status_label(w, lang), str(report.counts[w])] for w in words],
        frozenset({1}),
        list(words),
    )


def annual(report: Report, lang: Lang) -> Table:
    lines = [report.line(i) for i in report.annual]
    return Table(
        "annual",
        [t(c, lang) for c in text.ANNUAL_COLUMNS],
        text.annual_rows(lines, lang),
        frozenset(),
        [ln.a.status for ln in lines],
    )


def system(report: Report, index: int, lang: Lang) -> Table:
    lines = report.systems[index].lines
    return Table(
        "system",
        [t(c, lang) for c in text.SYSTEM_COLUMNS],
        text.system_rows(lines, lang),
        frozenset({3, 4, 5, 6}),
        [ln.a.status for ln in lines],
    )


def ranking(r: RegionRanking, lang: Lang) -> Table:
    """Counties ranked; their figures in one number style, a milestone's word in the reader's language."""
    rows = [
        text.ranking_cells(rank, row, r, lang)
        for rank, row in zip(r.ranks, r.rows, strict=True)  # equal figures tie
    ]
    return Table(
        "ranking",
        [t(c, lang) for c in text.RANKING_COLUMNS],
        rows,
        frozenset({0, 2, 3}),
        [row.status for row in r.rows],
    )


def completeness(report: Report, lang: Lang, *, ids: bool = True) -> Table:
    """The targets without a figure for the year; ``ids=False`` leaves out the plan ids
    (a document for leadership names the indicators only)."""
    keep = [True, ids, True, True]

    def kept(cells: list[str]) -> list[str]:
        return [cell for cell, k in zip(cells, keep, strict=True) if k]

    rows = [
        kept(
            [
                g.name_zh if lang == "zh" else g.name_en,
                g.target_id,
                text.last_figure(g, lang),
                g.reporters_zh if lang == "zh" else g.reporters_en,
            ]
        )
        for g in report.completeness
    ]
    return Table(
        "completeness",
        kept(
            [
                t("col.indicator", lang),
                t("col.target_id", lang),
                t("report.last_figure", lang),
                t("report.who_reports", lang),
            ]
        ),
        rows,
        frozenset(),
        [None] * len(rows),
    )


def summary_lists(report: Report, lang: Lang) -> list[tuple[str, list[str]]]:
    """The summary's lists (Report.summary_lists): (heading, items), an empty list saying
    'none'."""
    out = []
    for key, ids in report.summary_lists():
        items = [
            labelled(text.name(report.line(i), lang), text.detail(report.line(i), lang), lang)
            for i in ids
        ]
        out.append((t(key, lang), items or [t("report.none", lang)]))
    return out
