"""The Word report: its structure as a golden dump (not the binary), page set-up and fonts."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_report import WHEN, check, demo_report

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.render import docx as docx_render
from linyi_tracker.reporting.render.textwidth import text_em

Run = Callable[..., Result]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def structure(data: bytes) -> dict[str, Any]:
    """What a reader of the document meets, as plain data: page set-up, fonts, fields,
    then the body in order — headings, tables (header, size, repeated header), pictures."""
    import docx

    doc = docx.Document(io.BytesIO(data))
    section = doc.sections[0]

    def cm(length: Any) -> float:
        return round(length.cm, 2)

    def fonts(name: str) -> dict[str, str | None]:
        rfonts = doc.styles[name].element.rPr.rFonts
        return {k: rfonts.get(f"{W}{k}") for k in ("ascii", "eastAsia")}

    font_table = doc.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    ).blob.decode("utf-8")
    body: list[Any] = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.removeprefix(W)
        if tag == "p":
            style = block.style or ""
            text = "".join(t.text or "" for t in block.iter(f"{W}t"))
            pictures = len(
                list(block.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"))
            )
            if style.startswith("Heading") or style in {"Title", "Subtitle"}:
                body.append({style: text})
            elif pictures:
                body.append({"pictures": pictures})
            instr = [i.text.strip() for i in block.iter(f"{W}instrText")]
            if instr:
                body.append({"field": instr})
        elif tag == "tbl":
            rows = block.findall(f"{W}tr")
            first = rows[0]
            header = [
                "".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in first.findall(f"{W}tc")
            ]
            pictures = len(
                list(block.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"))
            )
            body.append(
                {
                    "table": header if pictures == 0 else "charts",
                    "rows": len(rows),
                    "cells": sum(len(r.findall(f"{W}tc")) for r in rows),
                    "header_repeats": first.find(f"{W}trPr/{W}tblHeader") is not None,
                    "pictures": pictures,
                }
            )
    footer = [i.text.strip() for i in section.footer._element.iter(f"{W}instrText")]
    return {
        "page": {
            "width_cm": cm(section.page_width),
            "height_cm": cm(section.page_height),
            "margins_cm": {
                "top": cm(section.top_margin),
                "bottom": cm(section.bottom_margin),
                "left": cm(section.left_margin),
                "right": cm(section.right_margin),
            },
            "footer_fields": footer,
        },
        "fonts": {name: fonts(name) for name in ("Normal", "Heading 1", "Heading 2")},
        "font_alternatives": {
            name: f'<w:altName w:val="{alt}"/>' in font_table
            for name, alt in (("宋体", "SimSun"), ("黑体", "SimHei"))
        },
        "update_fields_on_open": doc.settings.element.find(f"{W}updateFields") is not None,
        "body": body,
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_docx_structure_golden(plan: Plan, update_golden: bool, lang: str) -> None:
    """The Word report's headings, tables, pictures, page set-up and fonts match the golden dump."""
    data = docx_render.render(demo_report(plan), lang)  # type: ignore[arg-type]
    dump = json.dumps(structure(data), ensure_ascii=False, indent=1) + "\n"
    check(f"report-2019-{lang}.docx.json", dump, update_golden)


def test_docx_page_is_a4_with_a_binding_margin(plan: Plan) -> None:
    """A4 portrait, the left margin wider than the right, page numbers in the footer."""
    page = structure(docx_render.render(demo_report(plan), "zh", charts=False))["page"]
    assert (page["width_cm"], page["height_cm"]) == (21.0, 29.7)
    assert page["margins_cm"]["left"] > page["margins_cm"]["right"]
    assert "PAGE" in page["footer_fields"]


def test_docx_sets_chinese_fonts_with_alternatives(plan: Plan) -> None:
    """Body text in 宋体 and headings in 黑体 (w:eastAsia), with SimSun/SimHei declared as alternatives."""
    dump = structure(docx_render.render(demo_report(plan), "zh", charts=False))
    assert dump["fonts"]["Normal"]["eastAsia"] == "宋体"
    assert dump["fonts"]["Heading 1"]["eastAsia"] == "黑体"
    assert dump["font_alternatives"] == {"宋体": True, "黑体": True}


def test_docx_table_headers_repeat_on_every_page(plan: Plan) -> None:
    """Every data table's header row is marked to repeat when the table breaks across pages."""
    body = structure(docx_render.render(demo_report(plan), "en", charts=False))["body"]
    data_tables = [
        b
        for b in body
        if "table" in b and b["table"] != "charts" and b["rows"] > 1 and b["table"][0] != "Year"
    ]
    assert data_tables and all(b["header_repeats"] for b in data_tables)


def test_docx_has_one_picture_per_chart(plan: Plan) -> None:
    """One picture per target with something to draw, none without charts."""
    from linyi_tracker.reporting.render.charts import report_specs

    report = demo_report(plan)
    body = structure(docx_render.render(report, "zh"))["body"]
    assert sum(b.get("pictures", 0) for b in body) == len(report_specs(report, "zh"))
    bare = structure(docx_render.render(report, "zh", charts=False))["body"]
    assert sum(b.get("pictures", 0) for b in bare) == 0


def test_docx_keeps_hostile_text_as_text(plan: Plan) -> None:
    """A note with a script or a formula is plain text in the Word document, never markup."""
    store = load_store(plan, FIXTURES / "hostile")
    report = build_report(
        plan, store, 2019, parse_period("2019"), generated=WHEN, plan_file="p", data_source="d"
    )
    import docx

    doc = docx.Document(io.BytesIO(docx_render.render(report, "en", charts=False)))
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "<script>alert(1)</script>" in texts  # the source, as sent: text, not markup
    assert "&lt;script" not in texts  # and not escaped twice


def test_docx_from_the_file_extension(run: Run, tmp_path: Path) -> None:
    """-o report.docx writes a Word file that python-docx opens."""
    import docx

    r = run("report", "2019", "--data", str(DEMO), "-o", "report.docx", "--lang", "zh")
    assert r.exit_code == 0
    doc = docx.Document(str(tmp_path / "report.docx"))
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)


def test_docx_needs_a_file(run: Run) -> None:
    """--format docx without -o is a usage error (exit 2) saying to add -o."""
    r = run("report", "2019", "--data", str(DEMO), "--format", "docx")
    assert r.exit_code == 2 and "-o report.docx" in r.stderr


YEARS = (2016, 2017, 2018, 2019, 2020)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _doc(plan: Plan, year: int, lang: str, *, charts: bool) -> Any:
    import docx

    report = demo_report(plan, year, str(year))
    return docx.Document(io.BytesIO(docx_render.render(report, lang, charts=charts)))  # type: ignore[arg-type]


@pytest.mark.parametrize("year", YEARS)
def test_chart_pictures_fit_their_cells(plan: Plan, year: int) -> None:
    """Every chart is no wider than its cell less the cell's padding, so nothing is clipped."""
    body = _doc(plan, year, "zh", charts=True).element.body
    seen = 0
    for tbl in body.iter(f"{W}tbl"):
        margins = tbl.find(f"{W}tblPr/{W}tblCellMar")
        for tc in tbl.iter(f"{W}tc"):
            for extent in tc.iter(f"{WP}extent"):
                assert margins is not None  # the padding is stated, not Word's default
                pad = sum(
                    int(margins.find(f"{W}{side}").get(f"{W}w")) for side in ("left", "right")
                )
                cell = int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
                assert int(extent.get("cx")) / 635 <= cell - pad
                seen += 1
    assert seen > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contents_are_links_without_an_instruction(plan: Plan, lang: str) -> None:
    """The contents list is static links to bookmarked headings: no TOC field, no note on updating it."""
    doc = _doc(plan, 2019, lang, charts=False)
    xml = doc.element.xml
    assert "目录由" not in xml and "updates this table of contents" not in xml
    assert "TOC" not in "".join(i.text or "" for i in doc.element.body.iter(f"{W}instrText"))
    anchors = [h.get(f"{W}anchor") for h in doc.element.body.iter(f"{W}hyperlink")]
    marks = {b.get(f"{W}name") for b in doc.element.body.iter(f"{W}bookmarkStart")}
    headings = [p for p in doc.paragraphs if p.style.name in {"Heading 1", "Heading 2"}]
    assert len(anchors) == len(headings) and set(anchors) == marks


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", YEARS)
def test_docx_tables_show_names_not_plan_ids(plan: Plan, year: int, lang: str) -> None:
    """No table of the Word report shows a plan id (target or indicator): leadership reads names."""
    doc = _doc(plan, year, lang, charts=False)
    ids = {t.id for t in plan.targets} | {i.id for i in plan.indicators}
    cells = {c.text for table in doc.tables for row in table.rows for c in row.cells}
    assert not [c for c in cells for i in ids if i in c]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", YEARS)
def test_cover_title_lines_fit_and_never_orphan(plan: Plan, year: int, lang: str) -> None:
    """Each cover title line, of a width in ems counted by hand, fits the page at its size,
    and only its last two characters (zh) or words (en) are bound."""
    lines, size = docx_render.cover_title(demo_report(plan, year, str(year)), lang)  # type: ignore[arg-type]
    width_pt = docx_render.TEXT_WIDTH_CM / 2.54 * 72
    # 13 Chinese characters and quotes; 4 digits (0.55) and 6 characters. The English:
    # capitals 0.72, spaces and l/i 0.28, other Latin 0.55, quotes 1.
    ems = {
        "“双十二”幸福临沂行动计划": 13.0,
        f"{year}年度进展报告": 8.2,
        "“Double Twelve” Happy Linyi action plan": 20.23,
        f"Progress report {year}": 10.63,
    }
    assert len(lines) == 2 and size >= docx_render.TITLE_MIN_PT
    for line in lines:
        plain = line.replace("\u2060", "").replace("\u00a0", " ")
        assert ems[plain] * size <= width_pt
        assert text_em(line) == pytest.approx(ems[plain])
        if lang == "zh":
            assert line.index("\u2060") == len(line) - 2 and line.count("\u2060") == 1
        else:
            assert line.count("\u00a0") == 1 and " " not in line[line.index("\u00a0") :]
            assert "\u2060" not in line[: line.index("\u00a0")]


def test_a_word_joiner_takes_no_width() -> None:
    """The word joiner that binds a title's last two characters adds nothing to its width."""
    assert text_em("报\u2060告") == text_em("报告") == 2.0


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", YEARS)
def test_figures_and_units_fit_their_columns(plan: Plan, year: int, lang: str) -> None:
    """In every table the widest whole piece of each column (a figure with its unit, a period,
    a status word) fits the column's width, so "178万平方米" never breaks into "178万平 / 方米"."""
    from linyi_tracker.reporting.render import tables

    report = demo_report(plan, year, str(year))
    all_tables = [tables.system(report, i, lang) for i in range(len(report.systems))]  # type: ignore[arg-type]
    all_tables += [tables.ranking(r, lang) for r in report.regions]  # type: ignore[arg-type]
    all_tables += [tables.annual(report, lang), tables.completeness(report, lang, ids=False)]  # type: ignore[arg-type]
    for table in all_tables:
        widths = docx_render.column_widths_cm(table)
        assert sum(widths) <= docx_render.TEXT_WIDTH_CM + 1e-9
        for c, width in enumerate(widths):
            cells = [table.header[c], *(row[c] for row in table.rows)]
            _, least = docx_render._needs(
                cells, status=c == table.status_col, name=c == table.name_col
            )
            assert least / 72 * 2.54 <= width + 1e-9, (table.kind, table.header[c])


def test_period_goes_under_its_figure() -> None:
    """A figure's period in brackets starts its own line; a unit's "(户)" stays with it."""
    assert docx_render._lines("1万套(户) (2015年)", status=False) == "1万套(户)\n(2015年)"
    assert docx_render._lines("定性评估（2020年）", status=False) == "定性评估\n（2020年）"
    assert docx_render._lines("4.65万套(户)", status=False) == "4.65万套(户)"


def test_figure_and_unit_are_held_together() -> None:
    """A figure keeps a short unit, and a comparator its figure, by no-break spaces."""
    assert docx_render._lines("≥ 5,680,000 m² (sum 2018–2020)", status=False) == (
        "≥\u00a05,680,000\u00a0m²\n(sum 2018–2020)"
    )


@given(st.lists(st.lists(st.text(max_size=40), min_size=3, max_size=3), min_size=1, max_size=6))
def test_any_table_gets_widths_within_the_page(rows: list[list[str]]) -> None:
    """For any cell texts the columns are positive and together no wider than the text width."""
    from linyi_tracker.reporting.render.tables import Table

    widths = docx_render.column_widths_cm(Table("annual", ["a", "b", "c"], rows))
    assert all(w > 0 for w in widths)
    assert sum(widths) <= docx_render.TEXT_WIDTH_CM + 1e-9
