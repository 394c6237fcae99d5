"""Display rules for estimates in the report files (Markdown, HTML, Word).

A projection is an estimate: it is shown rounded to what a reader can use, a share
(a percentage) never past 100, and in Chinese in 万 like the actual beside it
(1.72万元, not 17,152元). The data outputs (JSON, CSV, the workbook's values) keep
the engine's exact value (:mod:`linyi_tracker.assessment.engine`); only what is read
is rounded and capped here. Table cells come from :mod:`linyi_tracker.reporting.text`
with these columns replaced, so every report file shows the same figure.
"""

from __future__ import annotations

from decimal import Decimal

from linyi_tracker.formatting import PLAIN, SHARE, ColumnStyle, estimate, mixed_column_style
from linyi_tracker.i18n import Lang
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import TargetView

_HUNDRED = Decimal(100)
_WAN = Decimal(10_000)
_PLACES = {"%": Decimal("0.1"), ":1": Decimal("0.01")}


def bounded(v: TargetView) -> bool:
    """A percentage is read as a share of a whole: it cannot pass 100.

    The one place this display rule is written; the charts cap their projection line
    with it too (reporting/render/charts.py)."""
    return v.unit_name is not None and v.unit_name.en == "%"


def shown_projection(v: TargetView, lang: Lang) -> Decimal | None:
    """The projection as shown, by the one rule every output follows
    (:func:`linyi_tracker.formatting.estimate`): within 0–100 for a share, at the unit's
    precision, to 0.01万 in Chinese from 10,000."""
    if v.a.projected is None:
        return None
    return estimate(v.a.projected, v.unit_name.en if v.unit_name else "", lang)


def projected(v: TargetView, lang: Lang, style: ColumnStyle = PLAIN) -> str:
    shown = shown_projection(v, lang)
    return "—" if shown is None else text.amount(shown, v, lang, style)


def pace(v: TargetView) -> str:
    """The pace (share of the required speed) as every output shows it: :func:`text.pace`."""
    return text.pace(v)


def column(values: list[Decimal | None], unit: str | None, lang: Lang) -> list[str]:
    """Figures of one column in one style: one magnitude and one precision, by the one
    rule every output calls (:func:`linyi_tracker.formatting.column_style`)."""
    from linyi_tracker.formatting import column_style, with_unit

    wan, places = column_style(values, lang)
    return ["—" if v is None else with_unit(v, unit, lang, wan, places) for v in values]


def system_cells(
    line: TargetView, lang: Lang, styles: dict[str, ColumnStyle] | None = None
) -> list[str]:
    """A row of the per-system table (columns: text.SYSTEM_COLUMNS), estimates as shown."""
    cells = text.system_cells(line, lang, styles)
    cells[text.SYSTEM_COLUMNS.index("report.pace")] = pace(line)
    style = (styles or {}).get("projected", PLAIN)
    cells[text.SYSTEM_COLUMNS.index("report.projected")] = projected(line, lang, style)
    return cells


def column_styles(lines: list[TargetView], lang: Lang) -> dict[str, ColumnStyle]:
    """The per-system table's column styles (text.column_styles), the projection column
    decided on the projections as the report files show them."""
    styles = text.column_styles(lines, lang)
    figures = []
    for ln in lines:
        shown = shown_projection(ln, lang)
        if shown is not None and not (ln.unit_name and ln.unit_name.en == ":1"):
            figures.append((shown, SHARE if bounded(ln) else text.unit(ln, lang) or ""))
    styles["projected"] = mixed_column_style(figures, lang)
    return styles


def system_rows(lines: list[TargetView], lang: Lang) -> list[list[str]]:
    """The rows of a per-system table in the report files, each figure column in one style."""
    styles = column_styles(lines, lang)
    return [system_cells(ln, lang, styles) for ln in lines]
