"""One bracket and one span style a language (issue 28 item 10): full-width （） and
'2015—2020年' in Chinese, ASCII '(2015–2020)' in English."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from test_report import demo_report

from conftest import REPO, Result
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import docx as docx_render
from linyi_tracker.reporting.render import html, markdown
from linyi_tracker.texts.labels import LABELS

Run = Callable[..., Result]
# A period or a span in ASCII brackets, or a span with the en dash, in Chinese text.
ASCII_PERIOD = re.compile(r"\(\d{4}(?:[—–]\d{4})?年[^()（）]*\)|\d{4}–\d{4}")


def test_a_figure_and_its_period_follow_the_language() -> None:
    """'≥ 92%（2020年）' in zh (full-width, no space), '≥ 92 % (2020)' in en."""
    assert text.noted("≥ 92%", "2020年", "zh") == "≥ 92%（2020年）"
    assert text.noted("≥ 92 %", "2020", "en") == "≥ 92 % (2020)"


def test_no_chinese_label_brackets_a_period_in_ascii_or_spans_with_an_en_dash() -> None:
    """Every zh label writes a period in （） and a span of years with '—'."""
    zh = {k: v["zh"] for k, v in LABELS.items() if isinstance(v, dict) and "zh" in v}
    assert not [k for k, v in zh.items() if re.search(r"\(\{|\(\d|\}–\{|\d–\d", v)]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_chinese_report_has_one_bracket_style(plan: Plan, fmt: str) -> None:
    """The zh Markdown, HTML and Word reports write '（2020年）' and '（2015—2020年）' only."""
    report = demo_report(plan)
    if fmt == "md":
        out = markdown.render(report, "zh")
    elif fmt == "html":
        out = html.render(report, "zh", charts=False)
    else:
        from docx import Document

        doc = Document(io.BytesIO(docx_render.render(report, "zh", charts=False)))
        out = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    # the plan's own title is quoted as the plan writes it
    out = out.replace("\u2060", "").replace("\u00a0", " ").replace(plan.plan.title.zh, "")
    assert "（2020年）" in out and "（2015—2020年）" in out
    assert not ASCII_PERIOD.search(out), ASCII_PERIOD.search(out)


@pytest.mark.parametrize("width", [80, 120])
def test_the_chinese_status_has_one_bracket_style_and_keeps_its_columns(
    run: Run, width: int
) -> None:
    """The zh status at 80 and 120 columns writes periods in （）, and at 80 still shows the
    schedule column (full-width brackets are two cells wide: a span may break at its dash)."""
    r = run("status", "--data", str(REPO / "examples" / "demo"), "--lang", "zh", width=width)
    assert r.exit_code == 0
    assert "（2019年）" in r.stdout and not ASCII_PERIOD.search(r.stdout)
    assert "较时序进度" in r.stdout.split("\n", 3)[1] + r.stdout.split("\n", 3)[2]
    assert "…" not in r.stdout


def test_the_english_report_keeps_ascii_brackets(plan: Plan) -> None:
    """The en Markdown report writes '(2020)' and '(2015–2020)', never full-width brackets."""
    out = markdown.render(demo_report(plan), "en")
    assert "(2020)" in out and "(2015–2020)" in out and "（" not in out
