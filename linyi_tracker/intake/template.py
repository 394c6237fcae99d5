"""Blank submission files: one row per indicator due for a period and a region.

Which indicators are due: those with a target whose years include the period's year,
plus monitoring indicators; for a quarter or a month only year-to-date (flow)
indicators; for a county, only what a county reports (figures that add up to the
city, and its own rates), not the city's milestones and judgements.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linyi_tracker.actuals.headers import NAME_ZH, ZH_HEADERS
from linyi_tracker.actuals.own_rows import BLOCK, TITLE
from linyi_tracker.actuals.periods import Period
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import (
    Indicator,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
    Target,
)
from linyi_tracker.sheets import a4_landscape, csv_bytes, formula_safe, new_workbook
from linyi_tracker.texts.labels import LABELS

EDITABLE = ("region", "value", "source", "note", "as_of")
# A judgement is offered in the words every output shows (status, report) and the
# invalid-status-word hint lists: 已达成 … 未达成 / achieved, on track … (texts/labels.py).
_JUDGED = ("achieved", "on_track", "at_risk", "off_track", "missed")
JUDGEMENT_CHOICES = tuple(LABELS[f"status.{s}"]["en"] for s in _JUDGED)
MILESTONE_CHOICES = ("done", "not done")
# The same choices in the words a Chinese clerk writes (the reader takes both: words.py).
JUDGEMENT_CHOICES_ZH = tuple(LABELS[f"status.{s}"]["zh"] for s in _JUDGED)
MILESTONE_CHOICES_ZH = ("是", "否")

# The columns in print order: the value next to the name, so it prints on page 1.
# A Chinese template has Chinese headers the reader knows (actuals/headers.py) and one
# name column; the English one keeps the canonical keys and both names.
COLUMNS_EN = (
    "indicator",
    "name_zh",
    "name_en",
    "value",
    "unit",
    "period",
    "region",
    "source",
    "note",
    "as_of",
    "help",
)
COLUMNS_ZH = tuple(c for c in COLUMNS_EN if c != "name_en")
# The reader's own Chinese names (actuals.headers.ZH_HEADERS), and the template's two
# columns for the clerk's eyes.
HEADERS_ZH = {**ZH_HEADERS, "name_zh": NAME_ZH, "help": "填写说明"}


def columns(lang: Lang) -> tuple[str, ...]:
    return COLUMNS_ZH if lang == "zh" else COLUMNS_EN


def header(lang: Lang) -> list[str]:
    return [HEADERS_ZH[c] if lang == "zh" else c for c in columns(lang)]


def gbk_safe(text: str) -> str:
    """Text a GBK (Windows Chinese) Excel can save: m² becomes m2 (NFKC), only if needed."""
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return unicodedata.normalize("NFKC", text)
    return text


@dataclass(frozen=True, slots=True)
class TemplateRow:
    indicator: str
    name_zh: str
    name_en: str
    period: str
    region: str
    unit: str
    kind: str  # number, count, milestone, judgement
    help: str

    def cells(self, lang: Lang = "en") -> list[str]:
        """The row's cells in the order of :func:`columns`; the help in the template's language."""
        zh_help = self.help.partition(" | ")[0]
        by_key = {
            "indicator": self.indicator,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "period": self.period,
            "region": self.region,
            "value": "",
            "unit": self.unit,
            "source": "",
            "note": "",
            "as_of": "",
            "help": zh_help if lang == "zh" else self.help,
        }
        return [by_key[c] for c in columns(lang)]

    def prompt(self, lang: Lang) -> str:
        zh_help, _, en_help = self.help.partition(" | ")
        return zh_help if lang == "zh" else en_help or zh_help


def title(rows: list[TemplateRow], lang: Lang, plan: Plan | None = None) -> str:
    """The sheet's title, its period as a reader writes it (临沂市2020年9月…, not 2020-09:
    the rows keep the canonical form, the title is read by people), and with ``plan``
    the region in the title's language (the rows keep the Chinese name a clerk writes)."""
    from linyi_tracker.actuals.periods import parse_period

    if not rows:
        return t(TITLE, lang, region="", period="")
    region = rows[0].region
    if plan is not None:
        named = next((r.name for r in plan.regions if r.name.zh == region), None)
        region = region if named is None else (named.zh if lang == "zh" else named.en)
    period = parse_period(rows[0].period).label(lang)
    return t(TITLE, lang, region=region, period=period)


def block(lang: Lang) -> list[str]:
    """The sign-off line above the table: a label, then a blank cell for its entry."""
    out: list[str] = []
    for key in BLOCK:
        out += [t(key, lang), ""]
    return out


def template_rows(plan: Plan, period: Period, region: str) -> list[TemplateRow]:
    city = region == plan.city.id
    region_name = plan.region_by_id[region].name.zh
    rows = []
    for ind in plan.indicators:
        if not _due(plan, ind, period, city):
            continue
        kind = _kind(plan, ind, city)
        unit = plan.unit_of(ind)
        rows.append(
            TemplateRow(
                ind.id,
                ind.name.zh,
                ind.name.en,
                str(period),
                region_name,
                unit.name.zh if unit and kind in {"number", "count"} else "",
                kind,
                _help(
                    kind,
                    unit.name.zh if unit else "",
                    unit.name.en if unit else "",
                    plan,
                    ind,
                    period,
                ),
            )
        )
    return rows


def _due(plan: Plan, ind: Indicator, period: Period, city: bool) -> bool:
    if period.kind != "year" and not ind.flow:
        return False
    targets = plan.targets_of(ind.id)
    if not city:
        countable = any(isinstance(t, MilestoneTarget) and t.count_total for t in targets)
        if ind.unit is None and not countable:
            return False  # the city's milestones and judgements are not a county's to report
    if ind.role == "monitoring":
        return True
    start = plan.plan.period.start
    return any(
        (getattr(t, "start", None) or start) <= period.year <= _last_year(plan, t) for t in targets
    )


def _last_year(plan: Plan, target: Target) -> int:
    """The last year a template asks for a target's indicator: its deadline, or for a
    milestone the plan's last year — one not done by its deadline is still reported (the
    counties' 通过义务教育均衡发展国家评估验收 after 2015, done or not)."""
    if isinstance(target, MilestoneTarget):
        return max(target.deadline, plan.plan.period.end)
    return target.deadline


def _kind(plan: Plan, ind: Indicator, city: bool) -> str:
    targets = plan.targets_of(ind.id)
    if any(isinstance(t, QualitativeTarget) for t in targets):
        return "judgement"
    if any(isinstance(t, MilestoneTarget) for t in targets):
        counted = any(isinstance(t, MilestoneTarget) and t.count_total for t in targets)
        return "count" if counted and city else "milestone"
    return "number"


def _help(kind: str, unit_zh: str, unit_en: str, plan: Plan, ind: Indicator, period: Period) -> str:
    if kind == "judgement":
        zh, en = "/".join(JUDGEMENT_CHOICES_ZH), ", ".join(JUDGEMENT_CHOICES)
        return f"填：{zh}，备注写评估单位和依据 | {en}; say who judged, on what, in note"
    if kind == "milestone":
        return "填：是/否 或完成日期 YYYY-MM-DD | done, not done, or the date it was done"
    if kind == "count":
        total = max(
            (t.count_total or 0) for t in plan.targets_of(ind.id) if isinstance(t, MilestoneTarget)
        )
        return f"填：已完成的数量（0—{total}）| how many of the {total} are done"
    if unit_en == ":1":  # a ratio: 1.6 or 1.6:1, both read as 1.6
        return "填比值，如 1.6 或 1.6:1 | a ratio, such as 1.6 or 1.6:1"
    ytd = ind.flow and period.kind != "year"
    flow = "，年初至当期累计数" if ytd else ""
    flow_en = ", year to date" if ytd else ""
    return f"填数字，单位：{unit_zh}{flow} | a number in {gbk_safe(unit_en)}{flow_en}"


def to_csv(rows: list[TemplateRow], lang: Lang = "en") -> bytes:
    """UTF-8 with BOM and CRLF, so Excel opens the Chinese correctly.

    A Chinese template starts with a title and the sign-off line (填报单位 …), which the
    reader skips: it takes the first row naming the required columns as the header."""
    lines: list[list[str]] = [[title(rows, lang)], block(lang)] if lang == "zh" else []
    lines.append(header(lang))
    lines += [r.cells(lang) for r in rows]
    return csv_bytes(lines)


# The columns a clerk fills: as wide as an entry there usually is (a figure, a source, a
# date). Every other column holds what the template writes, and is as wide as that.
ENTRY_WIDTHS = {"value": 14, "source": 24, "note": 24, "as_of": 12}
# The columns that wrap, at most this wide: a long name takes two lines rather than a
# page's width (the id and both names are printed on every page).
WRAPPED = {"name_zh": 28, "name_en": 36, "help": 48}
CELL_PADDING = 2  # a cell's margins, in digit widths


def column_widths(rows: list[TemplateRow], lang: Lang) -> list[int]:
    """Each column's width in a spreadsheet's digit widths, in the order of
    :func:`columns`, by the one width rule (reporting.render.textwidth.sheet_width): a
    column the template writes as wide as its widest cell or its header; one that wraps
    (:data:`WRAPPED`) at most its cap, never so narrow that a Latin word breaks inside
    (Chinese breaks between any characters); a column a clerk fills
    :data:`ENTRY_WIDTHS`. Fixed widths, unwrapped, cut a long name: 通过义务教育均衡发展国家
    评估验收的县区数 (40 digit widths) in 28, "Counties passing the national evaluation of
    balanced compulsory education" (74) in 36."""
    from linyi_tracker.reporting.render.textwidth import sheet_width

    def need(text: str) -> int:
        return sheet_width(text) + CELL_PADDING

    cells = [r.cells(lang) for r in rows]
    out: list[int] = []
    for i, (key, head) in enumerate(zip(columns(lang), header(lang), strict=True)):
        header_width = sheet_width(head) * 11 // 10 + 1 + CELL_PADDING  # bold sets wider
        texts = [row[i] for row in cells]
        widest = max(map(need, texts), default=0)
        if key in ENTRY_WIDTHS:
            out.append(max(ENTRY_WIDTHS[key], header_width))
        elif key in WRAPPED:
            words = [w for text in texts for w in text.split() if w.isascii()]
            longest = max(map(need, words), default=0)
            out.append(max(header_width, longest, min(WRAPPED[key], widest)))
        else:
            out.append(max(header_width, widest))
    return out


LINE_POINTS = 15.5  # a wrapped line of the template's 11 pt text, CJK line spacing included


def to_xlsx(rows: list[TemplateRow], plan: Plan, target: Path, lang: Lang = "en") -> None:
    """A workbook to fill and print: a title and sign-off line above the table (the reader
    skips them), drop-down lists, number validation with an input message on each value
    cell, locked id columns; A4 landscape, one page wide, the header repeated on each page.
    openpyxl is imported here only."""
    from linyi_tracker.errors import require
    from linyi_tracker.reporting.render.textwidth import wrapped_lines

    require("openpyxl", "an Excel template")
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = new_workbook()
    ws = book.create_sheet("submission" if lang == "en" else "填报")
    ws.append([formula_safe(title(rows, lang, plan))])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(block(lang))
    for cell in ws[2][0::2]:
        cell.font = Font(bold=True)
    head = 3  # the header row
    ws.append(header(lang))
    for cell in ws[head]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in rows:
        ws.append([formula_safe(c) for c in r.cells(lang)])
    ws.freeze_panes = f"A{head + 1}"
    keys = columns(lang)
    widths = column_widths(rows, lang)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    wrapped = {keys.index(name) + 1 for name in WRAPPED if name in keys}
    for row in ws.iter_rows(min_row=head + 1):
        for c in row:
            c.alignment = Alignment(vertical="top", wrap_text=c.column in wrapped)
        # LibreOffice and Excel do not grow a row for wrapped text on opening: a long
        # name (通过义务教育均衡发展国家评估验收的县区数) printed cut at its first line.
        lines = max(wrapped_lines(row[c - 1].value, widths[c - 1]) for c in wrapped)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_POINTS * lines + 2
    col = {name: i + 1 for i, name in enumerate(keys)}
    first, last = head + 1, len(rows) + head
    zh = lang == "zh"
    lists = _choice_lists(
        book,
        [
            [r.name.zh for r in plan.regions],
            list(JUDGEMENT_CHOICES_ZH if zh else JUDGEMENT_CHOICES),
            list(MILESTONE_CHOICES_ZH if zh else MILESTONE_CHOICES),
        ],
        lang,
    )
    regions = DataValidation(type="list", formula1=lists[0], allow_blank=True)
    ws.add_data_validation(regions)
    region_letter = get_column_letter(col["region"])
    regions.add(f"{region_letter}{first}:{region_letter}{max(last, first)}")
    judgements = DataValidation(type="list", formula1=lists[1], allow_blank=True)
    milestones = DataValidation(
        type="list",
        formula1=lists[2],
        allow_blank=True,
        showErrorMessage=False,  # a date it was done is an answer too
    )
    ws.add_data_validation(judgements)
    ws.add_data_validation(milestones)
    value_letter = get_column_letter(col["value"])
    for row_number, r in enumerate(rows, start=first):
        where = f"{value_letter}{row_number}"
        if r.kind == "judgement":
            judgements.add(where)
        elif r.kind == "milestone":
            milestones.add(where)
        else:
            number = DataValidation(
                type="decimal",
                operator="between",
                formula1="-1000000000000",
                formula2="1000000000000",
                allow_blank=True,
                showInputMessage=True,
                promptTitle=t("template.prompt_title", lang),
                prompt=r.prompt(lang)[:255],
                showErrorMessage=True,
                errorTitle=t("template.error_title", lang),
                error=t("template.error_number", lang),
            )
            ws.add_data_validation(number)
            number.add(where)
    # Ids, names, period and unit are locked; the clerk picks the region and fills the
    # rest, and the sign-off line.
    for name in EDITABLE:
        for row_number in range(first, max(last, first) + 1):
            ws.cell(row=row_number, column=col[name]).protection = Protection(locked=False)
    for cell in ws[2][1::2]:
        cell.protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    # Printed in column groups, each page starts with the indicator's id and name.
    a4_landscape(
        ws, f"{head}:{head}", keys=keys.index("name_en" if lang == "en" else "name_zh") + 1
    )
    book.save(target)


LISTS_SHEET = {"zh": "下拉选项", "en": "lists"}


def _choice_lists(book: Any, lists: list[list[str]], lang: Lang) -> list[str]:
    """Each drop-down's choices as a column of a hidden sheet; the ranges to point at.

    A literal list (``"a,b,c"``) is cut at Excel's 255 characters (31 regions pass it),
    split at a comma inside a name and broken by a ``"``; a range has none of these.
    The sheet is named in the workbook as :data:`TEMPLATE_LISTS`, so reading a filled
    template does not report it as a hidden sheet with data."""
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName

    from linyi_tracker.actuals.workbook import TEMPLATE_LISTS

    name = LISTS_SHEET[lang]
    sheet = book.create_sheet(name)
    sheet.sheet_state = "hidden"
    ranges = []
    for c, choices in enumerate(lists, start=1):
        for r, choice in enumerate(choices, start=1):
            sheet.cell(row=r, column=c, value=formula_safe(choice))
        letter = get_column_letter(c)
        ranges.append(f"{quote_sheetname(name)}!${letter}$1:${letter}${max(len(choices), 1)}")
    sheet.protection.sheet = True
    whole = f"{quote_sheetname(name)}!$A$1:${get_column_letter(max(len(lists), 1))}$1"
    book.defined_names[TEMPLATE_LISTS] = DefinedName(TEMPLATE_LISTS, attr_text=whole)
    return ranges
