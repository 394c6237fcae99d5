"""The Word report: its structure as a golden dump (not the binary), page set-up and fonts."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_report import WHEN, check, demo_report

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.render import docx as docx_render

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
