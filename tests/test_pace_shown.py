"""Pace as a reader sees it: in percent in every output, never rounded across the
threshold that decided its status; the thresholds in percent too (issue 28 item 10)."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from test_report import demo_report

from conftest import DEMO, REPO, Result
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import assess
from linyi_tracker.formatting import pace_percent, shown_pace
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.models import Plan, Thresholds
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report
from linyi_tracker.reporting.render import docx as docx_render
from linyi_tracker.reporting.render import excel, html, markdown
from linyi_tracker.reporting.view import target_view

Run = Callable[..., Result]
BOUNDS = (Decimal("0.95"), Decimal("0.60"))


@pytest.mark.parametrize(
    ("pace", "zh", "en"),
    [
        (0.9496, "94%", "94 %"),
        (0.95, "95%", "95 %"),
        (0.5999, "59%", "59 %"),
        (0.60, "60%", "60 %"),
    ],
)
def test_a_pace_at_a_threshold_shows_on_its_own_side(pace: float, zh: str, en: str) -> None:
    """0.9496 (at risk) shows 94%, never 95%; 0.5999 (off track) 59%, never 60%."""
    assert pace_percent(pace, BOUNDS, "zh") == zh
    assert pace_percent(pace, BOUNDS, "en") == en


def test_a_pace_just_below_zero_is_not_shown_as_zero() -> None:
    """A regressing pace (-0.004) shows -1%, never 0% or '-0%'."""
    assert pace_percent(-0.004, BOUNDS, "zh") == "\u22121%"
    assert pace_percent(0.0, BOUNDS, "zh") == "0%"


@given(
    st.floats(min_value=-0.01, max_value=0.01, allow_nan=False),
    st.integers(min_value=0, max_value=2),
    st.decimals(min_value="0.01", max_value="0.99", places=3),
    st.decimals(min_value="0.01", max_value="0.99", places=3),
)
def test_a_shown_pace_never_crosses_a_bound(
    offset: float, near: int, a: Decimal, b: Decimal
) -> None:
    """Property: the shown percent is on the same side of every threshold (and of 0) as the
    pace, and within one percent of it — for paces drawn within 1 % of a bound, where a
    rounding could cross it. Thresholds a whole percent can tell apart (0.95 and 0.60,
    not 0.011 and 0.012: no whole percent is at least 1.1 and below 1.2)."""
    bounds = (max(a, b), min(a, b))
    assume(a == b or math.ceil(bounds[1] * 100) < math.ceil(bounds[0] * 100))
    pace = float((Decimal(0), *bounds)[near]) + offset
    shown = shown_pace(pace, bounds)
    for bound in (Decimal(0), *bounds):
        assert (shown >= bound * 100) == (pace >= float(bound)), (pace, bound, shown)
    assert abs(float(shown) - pace * 100) <= 1


def test_every_demo_pace_agrees_with_its_status(plan: Plan) -> None:
    """Over the demo data (every target, region and report year 2016–2020) a status decided
    by pace reads from the shown percent by the thresholds, in zh and en."""
    store = load_store(plan, DEMO)
    th = plan.assessment.thresholds
    on, risk = th.on_track * 100, th.at_risk * 100
    checked = 0
    for year in range(2016, 2021):
        for region in [plan.city.id, *(r.id for r in plan.regions)]:
            for target in plan.targets:
                a = assess(plan, store, target, Period.of_year(year), region)
                if a.pace is None:
                    continue
                v = target_view(plan, store, a, Period.of_year(year))
                if v.pace is None:  # met or missed at its deadline: no pace shown (running)
                    assert v.a.status in ("achieved", "missed"), (target.id, region, year)
                    continue
                said = text.pace(v, "zh").removesuffix("%")  # '−12' with the minus sign
                shown = Decimal(said.replace("\u2212", "-"))
                assert text.pace(v, "en") == f"{said} %"
                if a.status == "on_track":
                    assert shown >= on, (target.id, region, year)
                elif a.status == "at_risk":
                    assert risk <= shown < on, (target.id, region, year)
                elif a.status == "off_track":
                    assert shown < risk, (target.id, region, year)
                checked += 1
    assert checked > 50


def test_the_view_carries_the_plans_thresholds(plan: Plan) -> None:
    """A plan with other thresholds shows its paces against them (0.9 → 90%, not 95%)."""
    other = plan.model_copy(
        update={
            "assessment": plan.assessment.model_copy(
                update={"thresholds": Thresholds(on_track=Decimal("0.9"), at_risk=Decimal("0.5"))}
            )
        }
    )
    store = load_store(plan, DEMO)
    a = assess(other, store, other.targets[0], Period.of_year(2019), other.city.id)
    assert target_view(other, store, a, Period.of_year(2019)).pace_bounds == (
        Decimal("0.9"),
        Decimal("0.5"),
    )


THRESHOLDS = {"zh": ("≥95%", "≥60%"), "en": ("≥ 95 %", "≥ 60 %")}


def _docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def _xlsx_text(report: Report, lang: Lang, at: Path) -> str:
    from openpyxl import load_workbook

    excel.write(report, lang, at)
    book = load_workbook(at)
    return "\n".join(
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_method_gives_the_thresholds_in_percent_in_every_format(
    plan: Plan, lang: Lang, tmp_path: Path
) -> None:
    """Markdown, HTML, Word and Excel say 95%/60% (zh) or 95 %/60 % (en), never 0.95/0.60."""
    report = demo_report(plan)
    outputs = {
        "md": markdown.render(report, lang),
        "html": html.render(report, lang, charts=False),
        "docx": _docx_text(docx_render.render(report, lang, charts=False)),
        "xlsx": _xlsx_text(report, lang, tmp_path / "r.xlsx"),
    }
    for name, out in outputs.items():
        assert all(x in out for x in THRESHOLDS[lang]), name
        assert not re.search(r"≥ ?0\.(95|60)", out), name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_terminal_gives_pace_and_thresholds_in_percent(run: Run, lang: str) -> None:
    """The terminal report's 推进速度 column and its method are in percent (101% / 95%)."""
    r = run("report", "2019", "--data", str(REPO / "examples" / "demo"), "--lang", lang)
    assert r.exit_code == 0
    out = r.stdout.replace("\u00a0", " ")
    assert all(x in out for x in THRESHOLDS[lang])
    assert "101%" in out if lang == "zh" else "101 %" in out
    assert not re.search(r"≥ ?0\.(95|60)|│\s+1\.01\s+│", out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_gives_pace_in_percent(run: Run, lang: str) -> None:
    """``show`` writes the pace of a target in percent (推进速度 101%), not 1.01."""
    r = run("show", "emp.new_urban_jobs", "--data", str(REPO / "examples" / "demo"), "--lang", lang)
    assert r.exit_code == 0
    assert re.search(r"(推进速度|pace)\s+\d+ ?%", r.stdout), r.stdout


@pytest.mark.parametrize(
    ("lang", "year_end", "deadline"),
    [("zh", "全年预计", "期末预计"), ("en", "projected for the year", "projected at deadline")],
)
def test_an_annual_projection_is_labelled_as_the_year_s(
    run: Callable[..., Result], lang: str, year_end: str, deadline: str
) -> None:
    """show's projection of an annual target (83,700 by August 2016 → 125,550 for 2016) is
    labelled as the year's, never as a figure at the 2020 deadline."""
    r = run("show", "emp.new_urban_jobs", "--as-of", "2016-08", "--lang", lang, width=160)
    assert r.exit_code == 0 and year_end in r.stdout and deadline not in r.stdout, r.stdout
