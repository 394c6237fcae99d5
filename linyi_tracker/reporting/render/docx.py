"""The report as a Word document (.docx) an office can hand in, print and bind.

A pure function of the report model: title page, a contents list (the headings as
links to them, right without Word updating a field), the summary, the year's annual targets, a
heading per system with its table and one chart per quantitative target (PNG at
200 dpi), the regions, data completeness, method and sources. A4 portrait, a wider
left margin for binding, page numbers in the footer, tables whose header row repeats
on every page. Chinese text is set in 宋体 (headings 黑体) through ``w:eastAsia``, with
the Latin text in Times New Roman / Arial; the font table names SimSun/SimHei as the
alternatives a machine without the Chinese names uses.

python-docx is imported only here, when a .docx is written.

Long because a Word document is built element by element (python-docx has no templates):
the page set-up, fonts, fields and tables each take their own few functions, kept together
so the document's structure reads top to bottom in one file.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from linyi_tracker.assessment.sources import describe_source
from linyi_tracker.formatting import SIGN_SPACE, SIGNS
from linyi_tracker.i18n import LABELS, Lang, labelled, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import tables
from linyi_tracker.reporting.render.tables import Table
from linyi_tracker.reporting.render.textwidth import is_cjk, text_em

# A4 portrait; the wider left margin leaves room for binding.
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGINS_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.0}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]

# Latin font, East Asian font, and the East Asian font's alternative name.
BODY_FONTS = ("Times New Roman", "宋体", "SimSun")
HEADING_FONTS = ("Arial", "黑体", "SimHei")

# Table text size (the "Table Grid" style) and the cell padding either side, in points.
TABLE_PT = 9.0
CELL_PAD_PT = 0.08 / 2.54 * 72
# Estimated widths are raised by this much: LibreOffice and Word may set the text in a
# slightly wider font (Noto Serif CJK for 宋体, Liberation Serif for Times New Roman).
WIDTH_SAFETY = 1.05
# A space-free piece of a cell holding a digit and at most this many characters is a
# figure with its unit, a year or a period ("112.5万平方米", "4.65万套(户)", "(2019年)"):
# it is never broken, so its column is made wide enough for it. Longer pieces are running
# text ("完成年度目标的101.1%，超时序进度…"), which Chinese breaks between characters, or
# a year range, which breaks after its dash.
WHOLE_PIECE_CHARS = 10

# The padding of the cells the charts stand in, either side.
CHART_CELL_PAD_CM = 0.1

_STATUS_COLOURS = {
    "achieved": "2E7D32",
    "on_track": "2E7D32",
    "done": "2E7D32",
    "at_risk": "B26A00",
    "pending": "B26A00",
    "off_track": "C62828",
    "missed": "C62828",
    "overdue": "C62828",
}


def render(report: Report, lang: Lang, *, charts: bool = True) -> bytes:
    """The report as the bytes of a .docx file."""
    from linyi_tracker.errors import require

    require("docx", "the Word report (python-docx)")
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    _page_setup(doc, lang)
    _styles(doc, lang)
    _font_table(doc)
    props = doc.core_properties
    props.title = text.title(report, lang)
    props.subject = report.title_zh if lang == "zh" else report.title_en
    props.author = "linyi-tracker"
    props.language = "zh-CN" if lang == "zh" else "en"
    # The report's own time (SOURCE_DATE_EPOCH when set), not the template's.
    from datetime import datetime

    props.created = props.modified = datetime.fromisoformat(report.generated)
    props.last_modified_by = "linyi-tracker"

    _title_page(doc, report, lang)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph(t("report.contents", lang), style="Title Small")
    contents_end = doc.add_paragraph()  # the contents go before it, once the headings exist
    contents_end.add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading(t("report.summary", lang), level=1)
    _table(doc, tables.counts(report, lang), lang)
    for heading, items in tables.summary_lists(report, lang):
        doc.add_paragraph(heading, style="Label")
        for item in items:
            doc.add_paragraph(item, style="List Bullet")

    doc.add_heading(t("report.annual", lang, year=report.year), level=1)
    if report.annual:
        _table(doc, tables.annual(report, lang), lang)
    else:
        doc.add_paragraph(t("report.none", lang))

    doc.add_heading(t("report.systems", lang), level=1)
    specs = _specs(report, lang) if charts else {}
    for index, section in enumerate(report.systems):
        name = section.name_zh if lang == "zh" else section.name_en
        doc.add_heading(f"{section.number} {name}", level=2)
        _table(doc, tables.system(report, index, lang), lang)
        drawn = [(specs[ln.target_id], ln.quote) for ln in section.lines if ln.target_id in specs]
        if drawn:
            _charts(doc, drawn, lang)

    doc.add_heading(t("report.regions", lang), level=1)
    if not report.regions:
        doc.add_paragraph(t("word.no_region_data", lang))
    for ranking in report.regions:
        heading, how = text.ranking_title(ranking, lang)
        doc.add_heading(heading, level=2)
        doc.add_paragraph(how, style="Note")
        _table(doc, tables.ranking(ranking, lang), lang)
        missing = text.not_reported(ranking, lang)
        if missing:
            doc.add_paragraph(missing, style="Note")

    doc.add_heading(t("report.completeness", lang), level=1)
    if report.completeness:
        _table(doc, tables.completeness(report, lang, ids=False), lang)
    else:
        doc.add_paragraph(t("report.complete", lang))

    m = report.method
    doc.add_heading(t("report.method", lang), level=1)
    doc.add_paragraph(t("report.thresholds", lang, on=m.on_track, risk=m.at_risk, tol=m.tolerance))
    for rule in m.rules_zh if lang == "zh" else m.rules_en:
        doc.add_paragraph(rule, style="List Number")

    doc.add_heading(t("report.sources", lang), level=1)
    for source in report.sources or []:
        doc.add_paragraph(describe_source(source, lang), style="List Bullet")
    if not report.sources:
        doc.add_paragraph(t("report.none", lang))

    _contents(doc, contents_end)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ parts


def _specs(report: Report, lang: Lang) -> dict[str, Any]:
    from linyi_tracker.reporting.render.charts import report_specs

    return report_specs(report, lang)


def _charts(doc: Any, drawn: list[tuple[Any, str]], lang: Lang) -> None:
    """A system's charts two to a row, each above its quote, in a borderless table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from linyi_tracker.reporting.render.charts import png

    half = TEXT_WIDTH_CM / 2
    grid = doc.add_table(rows=0, cols=2)
    _cell_margins(grid, left_cm=CHART_CELL_PAD_CM, right_cm=CHART_CELL_PAD_CM)
    grid.alignment = 1  # centred
    for i in range(0, len(drawn), 2):
        row = grid.add_row()
        _row_flags(row, header=False)
        for cell, (spec, quote) in zip(row.cells, drawn[i : i + 2], strict=False):
            picture = cell.paragraphs[0]
            picture.style = doc.styles["Figure"]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            width = picture_width_cm(half, compact=spec.compact)
            picture.add_run().add_picture(io.BytesIO(png(spec, lang)), width=Cm(width))
            cell.add_paragraph(labelled(t("word.quote", lang), f"“{quote}”", lang), style="Caption")
    _widths(grid, [half, half])
    doc.add_paragraph(style="After Table")


def picture_width_cm(cell_cm: float, *, compact: bool) -> float:
    """A chart's width in its cell: the cell less its padding (a narrow chart, 0.62 of it),
    so no edge, legend or band is cut off."""
    # In the whole twips (1/1440 in) Word stores, so rounding never makes it wider.
    twips = math.floor(cell_cm / 2.54 * 1440) - 2 * round(CHART_CELL_PAD_CM / 2.54 * 1440)
    return math.floor(twips * (0.62 if compact else 1.0)) / 1440 * 2.54


TITLE_PT = 22.0
TITLE_MIN_PT = 14.0


def cover_title(report: Report, lang: Lang) -> tuple[list[str], float]:
    """The cover's title as its lines (the plan's name, then the year's report) and the
    size, at most 22 pt, at which the longest line fits the page width. The last two
    characters (or words) of each line are bound together, so a line that must still
    wrap never leaves one character alone ("告")."""
    plan = report.short_title_zh if lang == "zh" else report.short_title_en
    lines = [plan, t("report.cover_year", lang, year=report.year)]
    width_pt = TEXT_WIDTH_CM / 2.54 * 72
    widest = max(text_em(line) for line in lines) * WIDTH_SAFETY
    size = max(TITLE_MIN_PT, min(TITLE_PT, int(width_pt / widest * 2) / 2))
    return [_bind_last(line) for line in lines], size


def _bind_last(line: str) -> str:
    """The line with its last two words (Latin) or characters (Chinese) held together (a
    dash inside the last word, "(2015–2020)", holds too)."""
    head, space, last = line.rpartition(" ")
    if space and last and not is_cjk(last[-1]):
        last = re.sub(r"(?<=[–-])(?=\w)", "\u2060", last)
        return f"{head}\u00a0{last}"
    if len(line) >= 2 and is_cjk(line[-1]):
        return f"{line[:-1]}\u2060{line[-1]}"
    return line


def _title_page(doc: Any, report: Report, lang: Lang) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    for _ in range(6):
        doc.add_paragraph()
    lines, size = cover_title(report, lang)
    title = doc.add_paragraph(style="Title")
    for i, line in enumerate(lines):
        run = title.add_run(line)
        run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    subtitle = report.title_zh if lang == "zh" else report.title_en
    doc.add_paragraph(_bind_last(subtitle), style="Subtitle")
    for _ in range(4):
        doc.add_paragraph()
    rows = [
        (t("report.year", lang), str(report.year)),
        (t("report.as_of", lang), text.as_of(report, lang)),
        (t("report.generated", lang), text.generated(report, lang)),
        (t("report.plan_file", lang), report.plan_file),
        (t("report.data", lang), report.data_source),
    ]
    table = doc.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        for cell in cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(11)
        cells[0].paragraphs[0].runs[0].bold = True
    _widths(table, [4.0, TEXT_WIDTH_CM - 4.0])


def _table(doc: Any, table: Table, lang: Lang) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    out = doc.add_table(rows=1, cols=len(table.header))
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = out.rows[0]
    _row_flags(head, header=True)
    for cell, label in zip(head.cells, table.header, strict=True):
        cell.text = label
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = Pt(TABLE_PT)
        _shade(cell, "E8E8E8")
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    status_col = table.status_col
    # A table of a row or three stays whole (never a heading and header row alone at
    # the foot of a page); longer ones may break, their header row repeating.
    together = len(table.rows) <= 3
    for r, values in enumerate(table.rows):
        row = out.add_row()
        _row_flags(row, header=False)
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = _lines(value, status=c == status_col)
            paragraph = cell.paragraphs[0]
            for run in paragraph.runs:  # the size the widths were reckoned for
                run.font.size = Pt(TABLE_PT)
            if c in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if together and r < len(table.rows) - 1:
                paragraph.paragraph_format.keep_with_next = True
            colour = _STATUS_COLOURS.get(table.statuses[r] or "") if table.statuses else None
            if c == status_col and colour and paragraph.runs:
                paragraph.runs[0].font.color.rgb = RGBColor.from_string(colour)
                paragraph.runs[0].bold = True
    _cell_margins(out, left_cm=CELL_PAD_PT / 72 * 2.54, right_cm=CELL_PAD_PT / 72 * 2.54)
    _widths(out, column_widths_cm(table))
    doc.add_paragraph(style="After Table")


def _lines(value: str, *, status: bool) -> str:
    """A cell's text as printed: a status and its qualifiers one to a line; a figure's
    period ("（2019年）", "(2019)") on its own line under the figure; a figure held to its unit and a
    comparator to its figure by no-break spaces ("1,780,000 m²", "≥ 90%")."""
    if status:
        return value.replace(" · ", "\n")
    return _BOUND.sub("\u00a0", _PERIOD.sub("\n", value))


# Before a bracket that holds a digit, not at the start of the text: "(2019年)", "（2020年）"
# (not "(户)", which belongs to its unit).
_PERIOD = re.compile(r"(?<=\S) ?(?=[(（][^()（）]*\d[^()（）]*[)）])")

# The space after a comparator or sign (formatting.SIGN_SPACE, the one rule), or after a figure before a unit of up to three signs
# ("m²", "km"); a unit in words ("85,000 persons") may go to the next line, as English does.
_BOUND = re.compile(SIGN_SPACE.pattern + r"|(?<=\d) (?=[^\s(（]{1,3}(?:\s|$))")


CJK_LINE_EM = 4.0  # the fewest Chinese characters a line of running text or a name holds


def _needs(values: list[str], *, status: bool, name: bool) -> tuple[float, float]:
    """A column's (natural, narrowest) text width in points: its longest line, and its
    widest piece that must stay whole (a figure with its unit, a period, a Chinese status
    word, a Latin word up to its hyphens). Chinese running text and names (``name``) may
    break between characters, but keep room for four a line (a row's figures in one scale,
    ≥ 49,000套(户) beside 2,500套(户), leave a name no more on the A4 page)."""
    natural = narrowest = 0.0
    for value in values:
        for line in _lines(value, status=status).split("\n"):
            natural = max(natural, text_em(line))
            whole_line = status and any(is_cjk(ch) for ch in line)
            for piece in [line] if whole_line else re.split(r"(?<=-)| ", line):
                figure = (
                    any(ch.isdigit() for ch in piece)
                    and len(piece.lstrip(SIGNS + "\u00a0")) <= WHOLE_PIECE_CHARS
                )
                latin = not any(is_cjk(ch) for ch in piece)
                whole = whole_line or ((figure or latin) and not name)
                width = text_em(piece)
                narrowest = max(narrowest, width if whole or latin else min(width, CJK_LINE_EM))
    em = TABLE_PT * WIDTH_SAFETY
    return natural * em + 2 * CELL_PAD_PT, narrowest * em + 2 * CELL_PAD_PT


def column_widths_cm(table: Table) -> list[float]:
    """Column widths that follow their content and fill the text width (a two-column table
    under half of it keeps about its own width, not a page-wide gap): every column at least as wide as its widest whole piece, the room left shared out by how much more
    each column's longest line wants (and, when every line fits, by those lengths)."""
    status_col = table.status_col
    needs = [
        _needs(
            [table.header[c], *(row[c] for row in table.rows)],
            status=c == status_col,
            name=c == table.name_col,
        )
        for c in range(len(table.header))
    ]
    natural = [n for n, _ in needs]
    least = [m for _, m in needs]
    room = TEXT_WIDTH_CM / 2.54 * 72
    if len(natural) <= 2 and sum(natural) * 2 <= room:  # the counts: half as wide again
        widths = [n * 1.5 for n in natural]
    elif sum(natural) <= room:
        widths = [n * room / sum(natural) for n in natural]
    elif sum(least) <= room:
        spare = (room - sum(least)) / (sum(natural) - sum(least))
        widths = [m + (n - m) * spare for n, m in zip(natural, least, strict=True)]
    else:  # even the whole pieces do not fit: shrink all alike (a piece may then break)
        widths = [m * room / sum(least) for m in least]
    return [w / 72 * 2.54 for w in widths]


def _cell_margins(table: Any, *, left_cm: float, right_cm: float) -> None:
    """Narrower cell padding than Word's default, so a figure fits its column."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side, cm in (("left", left_cm), ("right", right_cm)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(cm / 2.54 * 1440)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))  # the schema puts tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _widths(table: Any, widths_cm: list[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    # Both the grid (LibreOffice reads it) and each cell (Word reads it).
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _row_flags(row: Any, *, header: bool) -> None:
    """A row never splits across pages; the header row repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _contents(doc: Any, before: Any) -> None:
    """The contents: every heading of levels 1 and 2, in order, as a link to a bookmark on
    it, put before ``before``. Static text, so it reads right in Word, in LibreOffice and in
    a PDF without a field to update (a TOC field shows no page numbers until updated)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    headings = [
        (int(p.style.name[-1]), p)
        for p in doc.paragraphs
        if p.style is not None and p.style.name in {"Heading 1", "Heading 2"}
    ]
    for number, (level, heading) in enumerate(headings, start=1):
        anchor = f"_Sec{number}"  # a leading "_" keeps it out of Word's bookmark list
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), anchor)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(number))
        heading._p.insert(1 if heading._p.pPr is not None else 0, start)
        heading._p.append(end)
        entry = before.insert_paragraph_before(style=f"toc {level}")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
        run = entry.add_run(heading.text)
        link.append(run._r)
        entry._p.append(link)


def _fld(kind: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        el.set(qn("w:dirty"), "true")  # Word recomputes it on open
    return el


def _field_begin(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run()._r.append(_fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_fld("separate"))


def _field_end(paragraph: Any) -> None:
    paragraph.add_run()._r.append(_fld("end"))


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES): begin, instruction, separate, shown text, end."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_end(paragraph)


def _page_setup(doc: Any, lang: Lang) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.top_margin = Cm(MARGINS_CM["top"])
    section.bottom_margin = Cm(MARGINS_CM["bottom"])
    section.left_margin = Cm(MARGINS_CM["left"])
    section.right_margin = Cm(MARGINS_CM["right"])
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)
    # The title page carries no page number; every other page does.
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = LABELS["report.page"][lang].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(after)


def _set_fonts(style: Any, fonts: tuple[str, str, str], lang: Lang) -> None:
    from docx.oxml.ns import qn

    latin, east_asian, _ = fonts
    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:hint"), "eastAsia")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    if lang == "zh":
        from docx.oxml import OxmlElement

        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr.append(lang_el)
        lang_el.set(qn("w:eastAsia"), "zh-CN")


def _styles(doc: Any, lang: Lang) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    _set_fonts(normal, BODY_FONTS, lang)
    normal.font.size = Pt(10.5)  # 五号
    normal.paragraph_format.space_after = Pt(3)
    black = RGBColor(0x1F, 0x1F, 0x1F)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Title", 22), ("Subtitle", 13)):
        style = styles[name]
        _set_fonts(style, HEADING_FONTS, lang)
        style.font.size = Pt(size)
        style.font.color.rgb = black
        style.font.italic = False
        style.paragraph_format.keep_with_next = True
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Heading 1"].paragraph_format.space_before = Pt(18)
    styles["Heading 2"].paragraph_format.space_before = Pt(12)

    def paragraph_style(name: str, size: float, **flags: Any) -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        for key, value in flags.items():
            setattr(style.paragraph_format, key, value)
        return style

    small = paragraph_style("Title Small", 16, space_after=Pt(12))
    _set_fonts(small, HEADING_FONTS, lang)
    small.font.bold = True
    label = paragraph_style("Label", 10.5, keep_with_next=True, space_before=Pt(8))
    label.font.bold = True
    note = paragraph_style("Note", 9)
    note.font.color.rgb = RGBColor(0x6B, 0x6B, 0x6B)
    paragraph_style("Figure", 9, keep_with_next=True, space_before=Pt(6), space_after=Pt(0))
    paragraph_style("After Table", 4, space_after=Pt(0))
    caption = styles["Caption"]
    _set_fonts(caption, BODY_FONTS, lang)
    caption.font.size = Pt(8.5)
    caption.font.italic = False
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0x6B, 0x6B, 0x6B)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_after = Pt(8)
    # The contents' entries, under Word's own names so its TOC field fills them in.
    for level in (1, 2):
        entry = paragraph_style(
            f"toc {level}",
            11 if level == 1 else 10.5,
            space_after=Pt(2),
            left_indent=Pt(21 * (level - 1)),
        )
        entry.font.bold = level == 1
    table_text = styles["Table Grid"]
    table_text.font.size = Pt(9)


def _font_table(doc: Any) -> None:
    """Declare 宋体 and 黑体 with their alternative names (SimSun, SimHei) and the GB2312
    character set, so a Word without the Chinese names still finds the fonts."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

    part = doc.part.part_related_by(RT.FONT_TABLE)
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(part.blob)
    for _, name, alt in (BODY_FONTS, HEADING_FONTS):
        font = etree.SubElement(root, f"{{{ns}}}font", {f"{{{ns}}}name": name})
        etree.SubElement(font, f"{{{ns}}}altName", {f"{{{ns}}}val": alt})
        etree.SubElement(font, f"{{{ns}}}charset", {f"{{{ns}}}val": "86"})
        etree.SubElement(font, f"{{{ns}}}family", {f"{{{ns}}}val": "auto"})
        etree.SubElement(font, f"{{{ns}}}pitch", {f"{{{ns}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
