"""The report as a Word document (.docx) an office can hand in, print and bind.

A pure function of the report model: title page, a table of contents (a Word field,
updated when the document is opened), the summary, the year's annual targets, a
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
from typing import Any

from linyi_tracker.assessment.series import describe_source
from linyi_tracker.i18n import LABELS, Lang, labelled, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import tables
from linyi_tracker.reporting.render.tables import Table

# A4 portrait; the wider left margin leaves room for binding.
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGINS_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.0}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]

# Latin font, East Asian font, and the East Asian font's alternative name.
BODY_FONTS = ("Times New Roman", "宋体", "SimSun")
HEADING_FONTS = ("Arial", "黑体", "SimHei")

# Relative widths of each table's columns: the name column is wide enough to read,
# and in English the headers and status words (Achieved, Projected) fit unbroken.
_WIDTHS_EN: dict[str, list[float]] = {
    "annual": [3.0, 2.6, 2.2, 3.4, 1.6, 1.8],
    "system": [2.9, 2.3, 2.0, 1.8, 1.6, 1.1, 2.0, 2.3],
    "ranking": [0.9, 2.5, 2.1, 1.7, 1.9, 2.6],
}
_WIDTHS: dict[str, list[float]] = {
    "counts": [3, 1],
    "annual": [3.2, 2.6, 2.2, 3.6, 1.6, 1.6],
    "system": [3.0, 2.4, 2.0, 1.6, 1.8, 1.3, 1.9, 2.0],
    "ranking": [0.8, 2.2, 2.1, 1.6, 1.6, 2.4],
    "completeness": [3, 3, 2.4, 3.6],
}

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
    _settings(doc)
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
    _contents(doc, report, lang)
    doc.add_paragraph(t("report.contents_note", lang), style="Note")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

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
        _table(doc, tables.completeness(report, lang), lang)
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
    grid.alignment = 1  # centred
    for i in range(0, len(drawn), 2):
        row = grid.add_row()
        _row_flags(row, header=False)
        for cell, (spec, quote) in zip(row.cells, drawn[i : i + 2], strict=False):
            picture = cell.paragraphs[0]
            picture.style = doc.styles["Figure"]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            width = half * (0.62 if spec.compact else 0.98)
            picture.add_run().add_picture(io.BytesIO(png(spec, lang)), width=Cm(width))
            cell.add_paragraph(labelled(t("word.quote", lang), f"“{quote}”", lang), style="Caption")
    _widths(grid, [half, half])
    doc.add_paragraph(style="After Table")


def _title_page(doc: Any, report: Report, lang: Lang) -> None:
    from docx.shared import Pt

    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph(text.title(report, lang), style="Title")
    doc.add_paragraph(report.title_zh if lang == "zh" else report.title_en, style="Subtitle")
    for _ in range(4):
        doc.add_paragraph()
    rows = [
        (t("report.year", lang), str(report.year)),
        (t("report.as_of", lang), text.as_of(report, lang)),
        (t("report.generated", lang), report.generated.replace("T", " ")),
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
    from docx.shared import RGBColor

    out = doc.add_table(rows=1, cols=len(table.header))
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = out.rows[0]
    _row_flags(head, header=True)
    for cell, label in zip(head.cells, table.header, strict=True):
        cell.text = label
        run = cell.paragraphs[0].runs[0]
        run.bold = True
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
            # A status and its qualifiers one to a line: a status word never splits.
            cell.text = value.replace(" · ", "\n") if c == status_col else value
            paragraph = cell.paragraphs[0]
            if c in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if together and r < len(table.rows) - 1:
                paragraph.paragraph_format.keep_with_next = True
            colour = _STATUS_COLOURS.get(table.statuses[r] or "") if table.statuses else None
            if c == status_col and colour and paragraph.runs:
                paragraph.runs[0].font.color.rgb = RGBColor.from_string(colour)
                paragraph.runs[0].bold = True
    _cell_margins(out, left_cm=0.1, right_cm=0.1)
    widths = (_WIDTHS_EN if lang == "en" else {}).get(table.kind) or _WIDTHS.get(
        table.kind, [1.0] * len(table.header)
    )
    total = sum(widths)
    _widths(out, [w / total * TEXT_WIDTH_CM for w in widths])
    doc.add_paragraph(style="After Table")


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


def _contents(doc: Any, report: Report, lang: Lang) -> None:
    """The table of contents: a TOC field whose shown text, until Word updates it, is the
    list of headings (without page numbers), so an unupdated copy still reads right."""
    entries = [
        (1, t("report.summary", lang)),
        (1, t("report.annual", lang, year=report.year)),
        (1, t("report.systems", lang)),
        *((2, f"{s.number} {s.name_zh if lang == 'zh' else s.name_en}") for s in report.systems),
        (1, t("report.regions", lang)),
        *((2, text.ranking_title(r, lang)[0]) for r in report.regions),
        (1, t("report.completeness", lang)),
        (1, t("report.method", lang)),
        (1, t("report.sources", lang)),
    ]
    paragraphs = []
    for level, label in entries:
        p = doc.add_paragraph(style=f"toc {level}")
        paragraphs.append((p, label))
    first, last = paragraphs[0][0], paragraphs[-1][0]
    _field_begin(first, 'TOC \\o "1-2" \\h \\z \\u')
    for p, label in paragraphs:
        p.add_run(label)
    _field_end(last)


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


def _settings(doc: Any) -> None:
    """Ask Word to update the fields (the table of contents) when the document opens."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings = doc.settings.element
    # The schema orders the settings: updateFields comes before these.
    later = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
    for child in settings:
        if any(child.tag == qn(f"w:{name}") for name in later) or child.tag.endswith("}mathPr"):
            child.addprevious(update)
            return
    settings.append(update)
