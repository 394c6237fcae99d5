"""The report as an Excel workbook an office can print and forward.

openpyxl is imported here only. Every sheet: a styled header row (bold, filled,
wrapped), frozen below it and repeated on every printed page; A4 landscape, fitted to
the page width, page numbers in the footer; column widths fitted to Chinese text (a
CJK character counts two). Figures are numbers and what a person sees comes from
number formats made from the words every table writes (text.figure_words: each figure
at its written precision, in its row's scale, text.row_scale), so a cell shows as the
Markdown table writes it (8.59万人, 3,900元, 85.9%, 1.62:1, 6.1个百分点). A figure the
report writes in 万 is held in 万 (8.59 under 0.00"万人"): Excel's formats scale only by
thousands, and a row is in 万 only where every figure reads exactly so
(formatting.wan_column), so no digit is lost. A projection holds the estimate shown (a
share past 0–100 % its exact value under the bound shown); a fraction is 0.0% (0.0 % in
English); a pace whole percent (0%, formatting.shown_pace). A worded figure is text, a
missing one an empty cell. Status cells carry their colour. In a Chinese report the headers,
kinds and status words are Chinese; the English report keeps the column keys of the
CSV. Every text cell is made formula-safe."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from linyi_tracker.actuals.headers import REPORT_ZH_HEADERS
from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.formatting import (
    MINUS,
    SHARE,
    bounded_share,
    figure_style,
    one_of,
    percent_sign,
    shown_pace,
    shown_percent,
    worded,
)
from linyi_tracker.i18n import Lang, status_label, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS, system_words, worded_row
from linyi_tracker.reporting.render.textwidth import sheet_width, wrapped_lines
from linyi_tracker.reporting.view import SETTLED, TargetView
from linyi_tracker.sheets import (
    BODY_FONT,
    BODY_POINTS,
    a4_landscape,
    column_groups,
    column_points,
    formula_safe,
    new_workbook,
    printable_points,
)
from linyi_tracker.words import STATUS_WORDS

FRACTION = "0.0%"
FRACTION_EN = "0.0 %"  # English sets the sign apart (98.5 %), as every English output
PACE = "0%"  # a pace in whole percent, as every output shows it (formatting.shown_pace)
PACE_EN = "0 %"
WHOLE = "#,##0"
TEXT_WIDTH = 48  # wider texts wrap inside the cell rather than make the page tiny
HEADER_FILL = "D9E1F2"

# A status's fill: achieved green, on its way light green, at risk amber, behind red,
# no figure grey, waiting or judged blue.
STATUS_FILL: dict[str, str] = {
    "achieved": "C6EFCE",
    "done": "C6EFCE",
    "on_track": "E2EFDA",
    "at_risk": "FFEB9C",
    "off_track": "FFC7CE",
    "missed": "FFC7CE",
    "overdue": "FFC7CE",
    "no_data": "E7E6E6",
    "insufficient_data": "E7E6E6",
    "pending": "DDEBF7",
    "assessed": "DDEBF7",
}

# Columns kept as data but hidden, so the printed page holds what an office reads: the
# year and as-of are on the cover, the unit is in each figure's number format.
# The ids and sources are data for the next program (the sources have their own sheet).
_HIDDEN = {
    "year",
    "as_of",
    "target_id",
    "indicator",
    "unit",
    "start",
    "progress",
    "judgement",
    "status",
    "sources",
}
_CAPS = {"system": 12, "name": 22, "phrase": 26, "sources": 28, "actual_period": 12}

# The flat columns whose numbers are fractions.
_FRACTIONS = {"achievement", "time_progress", "progress"}


@dataclass
class Sheet:
    """One sheet before it is written: header, rows, and per-cell formats and fills."""

    title: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col), 0-based
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    wrap: set[int] = field(default_factory=set)  # columns whose long texts wrap
    hidden: set[int] = field(default_factory=set)  # kept as data, not printed
    widest: dict[int, int] = field(default_factory=dict)  # a cap on a column's width
    keys: int = 1  # leading columns repeated on each page when printed in column groups


def _value(v: Any) -> Any:
    """Exact decimals as int, or float where Excel must (it holds no decimals)."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, str):
        return formula_safe(v)
    return v


def _as_shown(value: Any, *, points: bool = False, bounds: tuple[Decimal, ...] = ()) -> Any:
    """A fraction as the tool shows it (formatting.shown_percent, never across 0, 100 % or
    ``bounds``): as a fraction rounded to the shown 0.1 %, or in points. Excel would round
    the exact fraction half-up (56.25 → 56.3) where every other output says 56.2."""
    if not isinstance(value, float):
        return value
    shown = shown_percent(value, bounds)
    return float(shown) if points else float(shown / 100)


def _points_word(lang: Lang) -> str:
    return "个百分点" if lang == "zh" else " pts"


def signed_points(lang: Lang) -> str:
    """A schedule gap in percentage points, signed: +31.8个百分点 / −56.2 pts."""
    word = _points_word(lang)
    return f'+0.0"{word}";"{MINUS}"0.0"{word}";0.0"{word}"'


def schedule_format(line: TargetView, lang: Lang) -> str:
    """The schedule gap's format: the words text.schedule says for it, ahead or behind
    ('超时序进度31.8个百分点' / 'behind schedule by 6.3 points', the cell holding the points),
    or for a target met at its deadline the words every output says there ('到期已达成' /
    'met at the deadline', view.target_standing) in every section, the cell keeping the gap
    itself for a program; signed points where no words hold a figure (on schedule)."""
    if line.standing in SETTLED:
        words = '"' + text.schedule(line, lang).replace('"', "") + '"'
        return ";".join([words] * 3)
    gap = line.a.schedule_gap
    if gap is None:
        return signed_points(lang)

    def said(points: float) -> str:
        return text.schedule(replace(line, a=replace(line.a, schedule_gap=points)), lang)

    # the points as shown, rounded before the sign is dropped: −0.04 is 0.1 behind (kept_side)
    cell = abs(shown_percent(gap))
    points = float(cell) / 100  # a gap of that size, on each side
    found = said_by(cell, said(points), said(-points), scale=0)
    return signed_points(lang) if found is None or cell == 0 else found[1]


def with_minus(fmt: str) -> str:
    """A number format whose negative figures show the minus sign every text shows
    (formatting.MINUS, U+2212) rather than Excel's hyphen: a section of their own,
    '#,##0"人";"−"#,##0"人"'. The cell keeps the number itself, a machine number a formula
    or a program reads as before. A format with sections of its own already says how."""
    sectioned = ";" in re.sub(r'"[^"]*"', "", fmt)  # a ';' outside the quoted words
    return fmt if sectioned else f'{fmt};"{MINUS}"{fmt}'


def _digits(places: int) -> str:
    return WHOLE + ("." + "0" * places if places else "")


def figure_format(
    unit_label: str | None, lang: Lang, places: int, wan: bool = False, one: bool = False
) -> str:
    """The number format that shows a figure as :func:`formatting.with_unit` writes it, in a
    cell holding the figure in the magnitude shown (in 万 when ``wan``): #,##0"人",
    0.00"万元", 0.0"%" / 0.0" %", 0.00":1"; ``one`` for a figure shown as 1 or -1, which
    English writes with the singular ('1 county'). Not a conditional format ([=1]…): in
    one, LibreOffice shows a negative figure of the last section without its minus."""
    digits = _digits(places)
    if unit_label == "%":
        return with_minus(f'{digits}"{percent_sign(lang)}"')
    word = ("万" if wan else "") + (unit_label or "").replace('"', "")
    if unit_label and unit_label != ":1" and lang == "en":
        word = " " + (one_of(word) if one and places == 0 else word)
    return with_minus(f'{digits}"{word}"' if word else digits)


def _shown_as(
    value: Decimal, unit_label: str | None, lang: Lang, wan: bool | None
) -> tuple[Decimal, str]:
    """``value`` as a cell holds it (in 万 where its column writes it so), with the format
    that shows it as formatting.number does with ``wan`` (a county ranking's value column,
    in 万 or not as its table; each figure at its written precision)."""
    in_wan, decimals = figure_style(value, lang, wan)
    one = decimals == 0 and abs(value) == 1
    return (value.scaleb(-4) if in_wan else value), figure_format(
        unit_label, lang, decimals, in_wan, one
    )


def _figures(line: TargetView, lang: Lang) -> dict[str, tuple[Decimal, str]]:
    """The target, actual, gap and projected cells of ``line`` (value and format), each
    saying the words of the report's table (text.figure_words): the cell holds the
    figure, its format writes the table's words around it —
    for either sign, each as the table would say it ('下降15%' / '提高15%', '−500人')."""
    a = line.a
    relative = a.kind in ("growth", "change")
    out: dict[str, tuple[Decimal, str]] = {}
    for key in text.FIGURE_COLUMNS:
        value = getattr(a, key)
        if not isinstance(value, Decimal):
            continue
        shown = text.relative_figure(key, line) if relative else None
        if shown is not None:  # as its words round it: Excel rounds 6.96 % (≥ 7 %) to 7.0 %
            value = shown

        def words(figure: Decimal, key: str = key) -> str | None:
            said = replace(line, a=replace(a, **{key: figure}))  # type: ignore[arg-type]
            return text.figure_words(key, said, lang)

        above, below = words(abs(value)), words(-abs(value))
        if above is None or below is None:
            continue
        # a projected share (not a growth or change, in percent too) stops at 0–100 %
        bounded = key == "projected" and text.unit_key(line, lang) == SHARE and not relative
        if key == "projected" and not relative:
            value = _estimate_cell(line, lang, value, bounded)
        scale = text.figure_scale(key, line, lang)  # the words' own scale
        said = said_by(value, above, below, scale=scale, bounded=bounded)
        if said is not None:
            out[key] = said
    return out


def _estimate_cell(line: TargetView, lang: Lang, exact: Decimal, bounded: bool) -> Decimal:
    """The projection a cell holds: the estimate every table writes (formatting.estimate,
    rounded half-even as every shown figure): the exact 6,662.5万人 under a whole-number
    format showed Excel's half-up 6,663万人 beside the tables' 6,662万人. A share projected
    past 0–100 % keeps its exact value, which its format shows as the bound (said_by's
    ``bounded``); the data outputs keep every projection exact."""
    if bounded and bounded_share(exact, "%") != exact:
        return exact
    shown = text.amount_figure("projected", line, lang)
    return exact if shown is None else shown[0]


_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def _section(target: float, words: str, scale: int) -> str | None:
    """A format section that writes ``words`` around the figure in them, a figure of size
    ``target`` written divided by 10**``scale`` (4: in 万, text.figure_scale decides, never
    these words): its digits, the text before and after quoted. The words are only cut at
    the figure they hold (the number nearest its shown size); its scale and so the cell's
    value come from the column's style, as the table's words do."""
    shown_size = target / 10**scale
    best: tuple[float, re.Match[str]] | None = None
    for m in _NUMBER.finditer(words):
        off = abs(float(m.group().replace(",", "")) - shown_size)
        if best is None or off < best[0]:
            best = (off, m)
    if best is None:
        return None
    m = best[1]
    places = len(m.group().partition(".")[2])
    digits = "#,##0" + ("." + "0" * places if places else "")
    before, after = (
        '"' + part.replace('"', "") + '"' if part else ""
        for part in (words[: m.start()], words[m.end() :])
    )
    return f"{before}{digits}{after}"


def said_by(
    value: Decimal, above: str, below: str, *, scale: int, bounded: bool = False
) -> tuple[Decimal, str] | None:
    """A cell holding ``value`` (divided by 10**``scale``: 4 where the words write it in
    万, as text.figure_scale decides) whose number format shows ``above`` for a figure at
    or above zero and ``below`` under it (the table's words of each sign: the sign, or the
    direction, is in the words). ``bounded``: a projected share, shown within 0–100 % while
    the cell keeps the projection (formatting.bounded_share)."""
    target = abs(float(value))
    up, down = _section(target, above, scale), _section(target, below, scale)
    if up is None or down is None:
        return None
    pos, neg = up, down
    fmt = f"{pos};{neg}"  # zero as the first section says it
    if bounded:
        top = re.sub(r"#,##0", "100", pos, count=1)
        bottom = re.sub(r"#,##0", "0", pos, count=1)
        fmt = f"[>100]{_literal(top)};[<0]{_literal(bottom)};{pos}"
    return (value.scaleb(-scale) if scale else value), fmt


def _literal(section: str) -> str:
    """A section whose digits are all written out ('100.0'): one quoted text."""
    return '"' + section.replace('"', "") + '"'


def _header(key: str, lang: Lang) -> str:
    return key if lang == "en" else REPORT_ZH_HEADERS[key]


def _target_columns(lang: Lang) -> list[str]:
    """The English workbook keeps every CSV column; the Chinese one drops the status code
    (its status word is there) and shows kinds and comparators as words and signs."""
    return [c for c in FLAT_COLUMNS if lang == "en" or c != "status"]


def _target_sheet(
    title: str, sections: Sequence[Sequence[TargetView]], report: Report, lang: Lang
) -> Sheet:
    """The targets, a row each, section by section, each figure as its table in the report
    writes it (text.figure_words)."""
    keys = _target_columns(lang)
    sheet = Sheet(title, [_header(k, lang) for k in keys])
    sheet.wrap = {keys.index(k) for k in ("name", "phrase", "sources", "system")}
    sheet.hidden = {i for i, k in enumerate(keys) if k in _HIDDEN}
    sheet.widest = {keys.index(k): w for k, w in _CAPS.items()}
    sheet.keys = keys.index("name") + 1  # through the target's name
    systems = system_words(report, lang)
    for lines in sections:
        for line in lines:
            r = len(sheet.rows)
            flat = worded_row(report, line, lang, systems)
            for key in (*_FRACTIONS, "schedule_gap"):
                bounds = line.achievement_bounds if key == "achievement" else ()  # as text's
                flat[key] = _as_shown(flat[key], points=key == "schedule_gap", bounds=bounds)
            if flat["schedule_gap"] is None and line.standing in SETTLED:
                flat["schedule_gap"] = text.schedule(line, lang)  # met at its start: no gap
            if isinstance(flat["pace"], float):  # as text.pace shows it, in percent
                flat["pace"] = float(shown_pace(flat["pace"], line.pace_bounds) / 100)
            for key, (value, fmt) in _figures(line, lang).items():
                flat[key] = value
                sheet.formats[r, keys.index(key)] = fmt
            sheet.rows.append([flat[k] for k in keys])
            for c, key in enumerate(keys):
                if key in _FRACTIONS:
                    sheet.formats[r, c] = FRACTION if lang == "zh" else FRACTION_EN
                elif key == "schedule_gap":
                    sheet.formats[r, c] = schedule_format(line, lang)
                elif key == "pace":
                    sheet.formats[r, c] = PACE if lang == "zh" else PACE_EN
                elif key in {"status", "status_label"} and line.a.status in STATUS_FILL:
                    sheet.fills[r, c] = STATUS_FILL[line.a.status]
    return sheet


def _sheets(report: Report, lang: Lang) -> list[Sheet]:
    cover = Sheet(t("report.cover", lang), [t("report.cover", lang), ""])
    cover.rows = [
        [text.title(report, lang), report.title_zh if lang == "zh" else report.title_en],
        [t("report.as_of", lang), text.as_of(report, lang)],
        [t("report.generated", lang), text.generated(report, lang)],
        [t("report.plan_file", lang), report.plan_file],
        [t("report.data", lang), report.data_source],
    ]
    words = [w for w in (*STATUS_WORDS, "not_assessed") if report.counts.get(w)]
    if lang == "zh":
        summary = Sheet(
            t("report.summary", lang), [t("col.status", lang), REPORT_ZH_HEADERS["count"]]
        )
        summary.rows = [[status_label(w, lang), report.counts[w]] for w in words]
    else:
        summary = Sheet(t("report.summary", lang), [t("col.status", lang), "status", "n"])
        summary.rows = [[status_label(w, lang), w, report.counts[w]] for w in words]
    for r, w in enumerate(words):
        if w in STATUS_FILL:
            summary.fills[r, 0] = STATUS_FILL[w]
    annual = _target_sheet(
        t("report.annual", lang, year=report.year),
        [[report.line(tid) for tid in report.annual]],
        report,
        lang,
    )
    systems = _target_sheet(
        t("report.systems", lang), [s.lines for s in report.systems], report, lang
    )
    regions = Sheet(
        t("report.regions", lang),
        [
            _header("indicator", lang),
            t("col.indicator", lang),
            t("col.period", lang),
            t("report.rank", lang),
            "region" if lang == "en" else REPORT_ZH_HEADERS["region_id"],
            t("col.region", lang),
            t("col.value", lang),
            t("col.achievement", lang),
            t("col.status", lang),
            t("col.reason", lang),
        ],
    )
    for ranking in report.regions:
        unit = ranking.unit_zh if lang == "zh" else ranking.unit_en
        wan = text.ranking_scale(ranking, lang)  # as its table
        for i, row in zip(ranking.ranks, ranking.rows, strict=True):  # equal figures tie
            r = len(regions.rows)
            value: Any = worded(row.text, lang)  # as the ranking table words it
            if row.value is not None:
                value, regions.formats[r, 6] = _shown_as(row.value, unit, lang, wan)
            regions.rows.append(
                [
                    ranking.indicator,
                    ranking.name_zh if lang == "zh" else ranking.name_en,
                    ranking.period.label(lang) if lang == "zh" else str(ranking.period),
                    i,
                    row.region,
                    row.name_zh if lang == "zh" else row.name_en,
                    value,
                    _as_shown(row.achievement, bounds=ranking.achievement_bounds),
                    status_label(row.status, lang) if lang == "zh" and row.status else row.status,
                    text.row_reasons(
                        row.reasons,
                        lang,
                        ranking.period.year,
                        row.missing_years,
                        revised=row.revised,
                    )
                    if row.reasons or row.revised
                    else None,
                ]
            )
            regions.formats[r, 7] = FRACTION if lang == "zh" else FRACTION_EN
            if row.status in STATUS_FILL:
                regions.fills[r, 8] = STATUS_FILL[row.status]
    regions.wrap = {1, 9}
    regions.hidden = {0, 4}  # the indicator and region codes: data, not for the page
    regions.keys = 2  # through the indicator's name
    gaps = Sheet(
        t("report.completeness", lang),
        [
            _header("target_id", lang),
            t("col.indicator", lang),
            t("report.last_figure", lang),
            t("col.value", lang),
            t("report.who_reports", lang),
        ],
    )
    gaps.rows = [
        [
            g.target_id,
            g.name_zh if lang == "zh" else g.name_en,
            (g.last_period.label(lang) if lang == "zh" else str(g.last_period))
            if g.last_period
            else None,
            # the figure with its unit, as the report's tables say it (60.0%, 1.62:1)
            text.last_value(g, lang) if g.last_value else g.last_value,
            g.reporters_zh if lang == "zh" else g.reporters_en,
        ]
        for g in report.completeness
    ]
    gaps.wrap = {1, 4}
    gaps.hidden = {0}  # the target id: data, not for the page (its name is beside it)
    gaps.keys = 2
    m = report.method
    method = Sheet(t("report.method", lang), ["#", t("report.method", lang)])
    method.rows = [
        [i, rule] for i, rule in enumerate(m.rules_zh if lang == "zh" else m.rules_en, start=1)
    ]
    method.rows.append(
        ["", t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance)]
    )
    method.wrap = {1}
    sources = Sheet(t("report.sources", lang), [t("report.sources", lang)])
    sources.rows = [[describe_source(s, lang)] for s in report.sources]
    sources.wrap = {0}
    return [cover, summary, annual, systems, regions, gaps, method, sources]


def _shown(value: Any, fmt: str | None) -> str:
    """Roughly what a cell shows, to size its column: a figure with every word its number
    format writes around it, the widest of the format's sections ('落后时序进度56.2个百分点',
    not '56.2' and the first quoted word: the column printed '###')."""
    if value is None:
        return ""
    if isinstance(value, float) and fmt and "%" in fmt and '"%"' not in fmt:
        return f"{value * 100:+.1f}%"
    if isinstance(value, int | float | Decimal):
        places = fmt.split(".")[1].count("0") if fmt and "." in fmt else 0
        figure = f"{abs(float(value)):,.{places}f}"
        if not fmt:
            return figure
        return max((_section_text(s, figure) for s in _SECTIONS.split(fmt)), key=sheet_width)
    return str(value)


_SECTIONS = re.compile(r';(?=(?:[^"]*"[^"]*")*[^"]*$)')  # a ';' outside the quoted words
_DIGITS = re.compile(r"[#0,]+(?:\.0+)?")


def _section_text(section: str, figure: str) -> str:
    """One format section as it reads with ``figure`` in place of its digits: its quoted
    words as they are (a '0' in 人/10万人 is a word's), a condition ([>100]) dropped."""
    parts = re.sub(r"^\[[^\]]*\]", "", section).split('"')
    return "".join(p if i % 2 else _DIGITS.sub(figure, p, count=1) for i, p in enumerate(parts))


_LATIN_WORD = re.compile(r"[!-~]+")
LINE_POINTS = 14.5  # a wrapped line of 10 pt text, CJK fonts' line spacing included


def _header_need(name: str) -> tuple[int, int]:
    """The width a header asks for and its lines: one line a space-separated word (a
    Chinese header is never broken: a renderer would break it where the line fills,
    实际值期 / 间, not where it reads)."""
    words = str(name).split() or [""]
    return max(sheet_width(w) for w in words) * 11 // 10 + 1, len(words)  # bold is wider


def _words(row: Sequence[Any], c: int) -> list[str]:
    """The Latin words of a row's text cell (Chinese breaks between any characters)."""
    value = row[c] if c < len(row) else None
    return _LATIN_WORD.findall(value) if isinstance(value, str) else []


def _widths(sheet: Sheet) -> tuple[list[float], list[list[int]]]:
    """Each column's width and the column groups the sheet prints in (one when it fits
    the page): a column as wide as its widest header line or cell, capped; then each
    printed page's spare width goes to its wrapped columns, so they take fewer lines
    (the key columns, on every page, get the least any page spares)."""
    widths: list[float] = []
    natural: list[int] = []
    for c, name in enumerate(sheet.header):
        shown = [
            sheet_width(_shown(row[c], sheet.formats.get((r, c))))
            for r, row in enumerate(sheet.rows)
            if c < len(row)
        ]
        header = _header_need(name)[0] + 2
        need = max([header, *(w + 2 for w in shown)])
        natural.append(need)
        cap = sheet.widest.get(c, TEXT_WIDTH)
        if c in sheet.wrap:  # never so narrow that a word breaks inside (entrepreneurs / hip)
            cap = max([cap, *(sheet_width(w) + 2 for row in sheet.rows for w in _words(row, c))])
        widths.append(0 if c in sheet.hidden else max(header, min(cap, need)))
    groups = column_groups([column_points(w) if w else 0.0 for w in widths], sheet.keys)
    keys = list(range(sheet.keys))

    def spare(columns: list[int]) -> float:
        used = sum(column_points(widths[c]) for c in columns if widths[c])
        return (printable_points() - used) / column_points(1) * 0.95  # characters, a few kept

    def widen(columns: list[int], room: float) -> None:
        wants = {c: natural[c] - widths[c] for c in columns if c in sheet.wrap and widths[c]}
        wanted = sum(w for w in wants.values() if w > 0)
        if room < 1 or wanted <= 0:
            return
        for c, want in wants.items():
            if want > 0:
                widths[c] += min(want, int(room * want / wanted))

    widen(keys, min(spare(keys + g) for g in groups))
    for group in groups:
        widen(group, spare(keys + group))
    for c in sheet.hidden:
        widths[c] = min(sheet.widest.get(c, TEXT_WIDTH), natural[c])  # as it reads unhidden
    return widths, groups


def _write_sheet(book: Any, sheet: Sheet, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title=sheet.title[:31])
    ws.append([formula_safe(h) for h in sheet.header])
    thin = Side(style="thin", color="A6A6A6")
    body = Font(name=BODY_FONT, size=BODY_POINTS)
    for cell in ws[1]:
        cell.font = Font(name=BODY_FONT, bold=True, size=BODY_POINTS)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(bottom=thin)
    for r, row in enumerate(sheet.rows):
        ws.append([_value(v) for v in row])
        for c in range(len(row)):
            cell = ws.cell(row=r + 2, column=c + 1)
            fmt = sheet.formats.get((r, c))
            if fmt:
                cell.number_format = with_minus(fmt)
            fill = sheet.fills.get((r, c))
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
            cell.font = body
            # A cell's text kept a character off its edge (indent 1), figures on the
            # right and words on the left: printed, "8.59万人" and "2019", or "2020"
            # and "正常推进", ran together across the column line.
            side = "right" if isinstance(row[c], int | float | Decimal) else "left"
            cell.alignment = Alignment(
                vertical="top", horizontal=side, indent=1, wrap_text=c in sheet.wrap
            )
    widths, groups = _widths(sheet)
    for c, width in enumerate(widths):
        letter = get_column_letter(c + 1)
        ws.column_dimensions[letter].width = width
        ws.column_dimensions[letter].hidden = c in sheet.hidden
    # LibreOffice and Excel do not grow a row for wrapped text on opening: say its height.
    head = max(
        _header_need(h)[1] if sheet_width(str(h)) + 2 > widths[c] else 1
        for c, h in enumerate(sheet.header)
    )
    if head > 1:
        ws.row_dimensions[1].height = LINE_POINTS * head + 3
    for r, row in enumerate(sheet.rows):
        lines = max(
            [
                1,
                *(
                    wrapped_lines(row[c], widths[c])
                    for c in sheet.wrap
                    if c < len(row) and c not in sheet.hidden
                ),
            ]
        )
        if lines > 1:
            ws.row_dimensions[r + 2].height = LINE_POINTS * lines + 2
    ws.freeze_panes = "A2"
    a4_landscape(ws, "1:1", keys=sheet.keys, groups=groups)
    ws.print_options.horizontalCentered = True
    page = "第 &P 页，共 &N 页" if lang == "zh" else "Page &P of &N"
    ws.oddFooter.center.text = page
    ws.oddHeader.center.text = "&A"


def write(report: Report, lang: Lang, target: Path) -> None:
    from linyi_tracker.errors import require

    require("openpyxl", "an Excel report")
    book = new_workbook()
    for sheet in _sheets(report, lang):
        _write_sheet(book, sheet, lang)
    book.save(target)
