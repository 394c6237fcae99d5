"""Every schedule word a report can show for a target whose time is up is explained in
the report's method section, from the one text the status line explains them with."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_pace_shown import _docx_text
from test_report import demo_report

from conftest import DEMO, Result
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import docx as docx_render
from linyi_tracker.reporting.render import excel, html, markdown


def _between(out: str, start: str, end: str) -> str:
    """The text of ``out`` from the heading ``start`` up to the heading ``end``."""
    at = out.rindex(start)
    return out[at : out.index(end, at)]


def _method_sections(report: Report, lang: Lang, tmp_path: Path) -> dict[str, str]:
    """The method section of each report format, as text."""
    from openpyxl import load_workbook

    method, sources = t("report.method", lang), t("report.sources", lang)
    page = html.render(report, lang, charts=False)
    section = re.search(r'<section id="method">(.*?)</section>', page, re.S)
    assert section is not None
    excel.write(report, lang, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")[method]
    return {
        "md": _between(markdown.render(report, lang), f"## {method}", f"## {sources}"),
        "html": html_lib.unescape(re.sub(r"<[^>]+>", "", section.group(1))),
        "docx": _between(
            _docx_text(docx_render.render(report, lang, charts=False)), method, sources
        ),
        "xlsx": "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_deadline_word_is_explained_in_every_format(
    plan: Plan, lang: Lang, tmp_path: Path
) -> None:
    """到期已达成, 到期未达成 and 全年未达成 (met at / missed at the deadline, missed for the
    year) each appear in the method section of Markdown, HTML, Word and Excel."""
    report = demo_report(plan)
    words = [t(f"schedule.{w}", lang) for w in text.DEADLINE_WORDS]
    for name, section in _method_sections(report, lang, tmp_path).items():
        missing = [w for w in words if f"“{w}”" not in section]
        assert not missing, (name, missing)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_schedule_word_a_report_shows_is_in_its_method(plan: Plan, lang: Lang) -> None:
    """Each settled schedule word the report's targets actually say is in its method rules."""
    report = demo_report(plan, 2020, "2020-06")
    rules = " ".join(report.method.rules_zh if lang == "zh" else report.method.rules_en)
    said = {
        text.schedule(v, lang)
        for section in report.systems
        for v in section.lines
        if v.standing in ("met_at_deadline", "missed_at_deadline")
    }
    assert said
    assert all(f"“{w}”" in rules for w in said), said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_line_and_report_explain_with_one_text(
    run: Callable[..., Result], plan: Plan, lang: Lang
) -> None:
    """The status line explains the table's words and the report its own, with one text."""
    r = run("status", "--data", str(DEMO), "--lang", lang, width=1000)
    assert r.exit_code == 0
    assert text.deadline_words(lang, short=True) in r.stdout
    rules = demo_report(plan).method.rules_zh if lang == "zh" else demo_report(plan).method.rules_en
    assert any(text.deadline_words(lang) in rule for rule in rules)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_deadline_rule_says_why_pace_and_projection_are_blank(lang: Lang) -> None:
    """A target whose time is up has no time elapsed, pace or projection in the tables
    (view.running): the words that explain its schedule word say so, naming each."""
    said = text.deadline_words(lang)
    missing = [
        w
        for k in ("word.time_progress", "word.pace", "word.projected")
        if (w := t(k, lang)) not in said
    ]
    assert not missing, said
