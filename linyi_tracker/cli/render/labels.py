"""Terminal styling shared by the views: status colours and styled status cells.

The words and figures of each cell come from :mod:`linyi_tracker.reporting.text`, so
the terminal, Markdown, HTML and spreadsheets say the same thing the same way.
"""

from __future__ import annotations

from rich.text import Text

from linyi_tracker.cli.render.fit import Paragraph, word
from linyi_tracker.formatting import display_width
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


WHOLE_STATUS = 12
WHOLE_QUALIFIER = 8  # 按期, 逾期完成, on time: one word; 缺2018年数据 may break before 数据


def status_word(status: str | None, lang: Lang) -> Paragraph:
    """A status word as a table cell's first line: whole when it is short (up to
    :data:`WHOLE_STATUS` cells), else at most two lines broken at a space (fit.word)."""
    label = status_label(status, lang)
    style = STATUS_STYLE.get(status or "", "")
    if display_width(label) <= WHOLE_STATUS:
        return Paragraph([(label, style)], "whole")
    return word(label, style)


def status_lines(line: TargetView, lang: Lang) -> list[Paragraph]:
    """The status cell for a laid-out table: the word (:func:`status_word`), then each
    qualifier on a line of its own, as the Word tables print them (docx._lines).

    A status word of up to 12 cells ("not assessed") and a qualifier of up to 8 ("on
    time", "逾期完成") never split; a longer one breaks at its spaces, or after a year
    before Chinese text ("缺2018年 / 数据"), never inside a word or a number with its unit.
    One to a line, no separator is glued to the word before it: "数据不足 ·" took two cells
    more than the word, which the target column needs for "≥ 49,000套(户)" at 80 columns.
    """
    out = [status_word(line.a.status, lang)]
    for piece in text.status_extras(line, lang):
        short = display_width(piece) <= WHOLE_QUALIFIER
        out.append(Paragraph([(piece, "dim")], "whole" if short else "words"))
    return out
