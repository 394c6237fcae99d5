"""Terminal styling shared by the views: status colours and styled status cells.

The words and figures of each cell come from :mod:`linyi_tracker.reporting.text`, so
the terminal, Markdown, HTML and spreadsheets say the same thing the same way.
"""

from __future__ import annotations

from rich.text import Text

from linyi_tracker.i18n import Lang, status_label
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
