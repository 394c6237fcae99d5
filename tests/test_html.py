"""The HTML report: its structure as a golden dump, escaping, print rules, and the template in the package."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import pytest
from test_report import WHEN, check, demo_report

from conftest import FIXTURES
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.render import html


class _Outline(HTMLParser):
    """Headings, tables (class, header, rows, cells), figures and contents links, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []
        self._text: list[str] | None = None
        self._table: dict[str, Any] | None = None
        self._in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "svg":
            self._in_svg += 1
        if self._in_svg:
            return
        if tag in {"h1", "h2", "h3", "th"}:
            self._text = []
        elif tag == "table":
            self._table = {"table": a.get("class", "").strip(), "header": [], "rows": 0, "cells": 0}
        elif tag == "tr" and self._table is not None:
            self._table["rows"] += 1
        elif tag == "td" and self._table is not None:
            self._table["cells"] += 1
        elif tag == "figure":
            self.items.append({"figure": a.get("class"), "target": a.get("data-target")})
        elif tag == "a" and a.get("href", "").startswith("#"):
            self.items.append({"link": a["href"]})

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_svg -= 1
            return
        if self._in_svg:
            return
        if tag in {"h1", "h2", "h3"} and self._text is not None:
            self.items.append({tag: "".join(self._text).strip()})
            self._text = None
        elif tag == "th" and self._text is not None and self._table is not None:
            self._table["header"].append("".join(self._text).strip())
            self._text = None
        elif tag == "table" and self._table is not None:
            self.items.append(self._table)
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._text is not None and not self._in_svg:
            self._text.append(data)


def outline(page: str) -> list[Any]:
    parser = _Outline()
    parser.feed(page)
    return parser.items


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_structure_golden(plan: Plan, update_golden: bool, lang: str) -> None:
    """The HTML report's headings, contents, tables and figures match the golden outline."""
    page = html.render(demo_report(plan), lang)  # type: ignore[arg-type]
    dump = json.dumps(outline(page), ensure_ascii=False, indent=1) + "\n"
    check(f"report-2019-{lang}.html.json", dump, update_golden)


def test_html_escapes_text_from_the_data(plan: Plan) -> None:
    """A source '<script>…' and a note '<img onerror>' from a data file arrive as text, never as markup."""
    store = load_store(plan, FIXTURES / "hostile")
    report = build_report(
        plan, store, 2019, parse_period("2019"), generated=WHEN, plan_file="<p>", data_source="$x$"
    )
    page = html.render(report, "en", charts=False)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<p>" not in page.split("<body>")[1].split("</header>")[0]  # the plan file name
    assert "$x$" in page  # as typed


def test_html_print_rules(plan: Plan) -> None:
    """Print CSS: A4, headings kept with what follows, no forced break per system, page numbers."""
    page = html.render(demo_report(plan), "zh", charts=False)
    assert "size: A4" in page and "break-after: avoid" in page
    assert "break-before: page" not in page
    assert "@bottom-center" in page and "counter(page)" in page


def test_html_template_ships_with_the_package() -> None:
    """The template and its CSS are package data (the wheel carries them)."""
    folder = resources.files("linyi_tracker.reporting") / "templates"
    assert (folder / "report.html.j2").is_file() and (folder / "report.css").is_file()
