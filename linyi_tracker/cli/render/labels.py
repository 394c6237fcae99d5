"""Terminal styling shared by the views: status colours and styled status cells.

The words and figures of each cell come from :mod:`linyi_tracker.reporting.text`, so
the terminal, Markdown, HTML and spreadsheets say the same thing the same way.
"""

from __future__ import annotations

from rich.text import Text

from linyi_tracker.cli.render.fit import Paragraph
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import TargetView

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


def unit_label(plan: Plan, unit_id: str | None, lang: Lang) -> str | None:
    unit = plan.unit_by_id.get(unit_id) if unit_id else None
    return unit.name.get(lang) if unit else None


def status_cell(line: TargetView, lang: Lang) -> Text:
    """The status word in its colour, its qualifiers dimmed."""
    status = line.a.status
    cell = Text(status_label(status, lang), style=STATUS_STYLE.get(status or "", ""))
    extras = text.status_extras(line, lang)
    if extras:
        cell.append(" · " + " · ".join(extras), style="dim")
    return cell


WHOLE_STATUS = 12


def status_paragraph(line: TargetView, lang: Lang) -> Paragraph:
    """The status cell for a laid-out table: the word kept whole, qualifiers may wrap.

    A word of up to 12 cells ("not assessed") gets no-break spaces, so it never splits;
    a longer one ("insufficient data") may break at its space, not inside a word;
    missing years are written with spaces ("缺 2018 年数据") so a line may break beside
    the year rather than inside it.
    """
    status = line.a.status
    word = status_label(status, lang)
    if len(word) <= WHOLE_STATUS:
        word = word.replace(" ", "\u00a0")
    spans = [(word, STATUS_STYLE.get(status or "", ""))]
    extras = text.status_extras(line, lang)
    if line.a.missing_years:
        years = ", ".join(map(str, line.a.missing_years))
        extras[-1] = t("word.missing_years_spaced", lang, years=years)
    if extras:
        spans.append((" · " + " · ".join(extras), "dim"))
    return Paragraph(spans, "words")
