"""One rounding for every figure a reader sees (assessment.md, "Lists in a yearly report";
style.md, "One set of figures"): a target's figures read the same in the status table,
``show``, every report table and file, at their written precision, never padded by what
stands above or below them in a table (formatting.number, text.row_scale)."""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from test_report import demo_report

from conftest import DEMO, REPO, Result
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import assess_all
from linyi_tracker.formatting import estimate, number, percent, with_unit
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import build_report
from linyi_tracker.reporting.view import TargetView, indicator_view, status_view

Run = Callable[..., Result]
FYP = REPO / "examples" / "plans"
# (plan, data folder, years the figures cover)
DATA_SETS = [
    (REPO / "data" / "plan.yaml", REPO / "data" / "actuals", range(2015, 2021)),
    (REPO / "data" / "plan.yaml", DEMO, range(2015, 2021)),
    (FYP / "cn-13th-fyp.yaml", FYP / "cn-13th-fyp", range(2016, 2021)),
]

# Every figure of a target a reader meets, by the one function each output takes it from.
FIGURES = {
    "target": text.target,
    "actual": text.actual,
    "achievement": text.achievement,
    "gap": text.gap,
    "time_elapsed": text.time_elapsed,
    "schedule": text.schedule,
    "progress": lambda v, lang: percent(v.a.progress, lang),
    "level_progress": text.level_progress,
    "pace": text.pace,
    "projected": text.projected,
    "phrase": lambda v, lang: text.phrase(v, lang) or "",
}


def _said(v: TargetView, lang: Lang) -> dict[str, str]:
    return {k: f(v, lang) for k, f in FIGURES.items()}


def _cases() -> Iterator[tuple[Path, Path, int]]:
    for plan_file, data, years in DATA_SETS:
        for year in years:
            yield plan_file, data, year


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("plan_file", "data", "year"), list(_cases()))
def test_every_figure_reads_the_same_in_status_show_and_report(
    plan_file: Path, data: Path, year: int, lang: Lang
) -> None:
    """Each target × region × as-of of the example data sets has one text for each of its
    figures in the status table, ``show`` and the report (every table and file takes
    them from these views)."""
    plan = read_plan(plan_file)
    store = load_store(plan, data, display_root=REPO)
    as_of = parse_period(str(year))
    regions = [r.id for r in plan.regions]
    status = status_view(plan, store, assess_all(plan, store, as_of, regions))
    said = {(v.target_id, v.a.region): _said(v, lang) for v in status.targets}
    report = build_report(
        plan,
        store,
        year,
        as_of,
        generated=datetime(2026, 1, 1, tzinfo=UTC),
        plan_file="p",
        data_source="d",
    )
    seen = 0
    for section in report.systems:
        for line in section.lines:
            assert _said(line, lang) == said[line.target_id, line.a.region], line.target_id
            seen += 1
    for ind in plan.indicators:
        for v in indicator_view(plan, store, ind, as_of, regions).targets:
            assert _said(v, lang) == said[v.target_id, v.a.region], v.target_id
    assert seen


# The figures each output takes from text (the cell functions every renderer calls).
CELLS_OF_TEXT = ("target", "actual", "achievement", "gap", "time_elapsed", "pace", "projected")
COMMANDS = [
    ("status", "--region", "all"),
    ("report", "{year}", "--format", "md"),
    ("report", "{year}", "--format", "html", "-o", "r.html"),
    ("report", "{year}", "--format", "csv", "-o", "r.csv"),
    ("report", "{year}", "--format", "xlsx", "-o", "r.xlsx"),
    ("report", "{year}"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("plan_file", "data", "year"), [(p, d, max(ys)) for p, d, ys in DATA_SETS])
def test_every_output_writes_a_figure_as_text_says_it_alone(
    run: Run, monkeypatch: pytest.MonkeyPatch, plan_file: Path, data: Path, year: int, lang: Lang
) -> None:
    """Every cell of a target's figure that status, show and the report (terminal, Markdown,
    HTML, CSV, workbook) write is what text says of the target alone: no table pads or
    scales it by the rows around it, and the Markdown and HTML write it unchanged."""
    calls: list[tuple[str, TargetView, str, str]] = []
    for key in CELLS_OF_TEXT:
        original = getattr(text, key)

        def recorded(
            v: TargetView, lang: Lang, *more: object, _f=original, _k=key, **kw: object
        ) -> str:
            out: str = _f(v, lang, *more, **kw)
            calls.append((_k, v, lang, out))
            return out

        monkeypatch.setattr(text, key, recorded)
    plan = read_plan(plan_file)
    common = ["--plan", str(plan_file), "--data", str(data), "--lang", lang]
    for command in COMMANDS:
        args = [a.format(year=year) for a in command]
        start = len(calls)
        r = run(*args, *common, *(["--as-of", str(year)] if args[0] == "status" else []))
        assert r.exit_code == 0, r.stderr
        # Where the page is text (Markdown, HTML), each figure is in it as text gave it. The
        # CSV's and the workbook's cells take text's functions unseen by the patch (their
        # own tests: test_zh_csv.py, test_workbook_formats.py).
        said = {out for _k, _v, _l, out in calls[start:] if out not in ("", "—")}
        if "md" in args or "r.html" in args:
            page = r.stdout if "md" in args else Path("r.html").read_text(encoding="utf-8")
            page = html.unescape(page).replace("\u00a0", " ")  # HTML keeps ≥ with its figure
            assert said and [out for out in said if out not in page] == [], args
    for ind in plan.indicators[:6]:
        assert run("show", ind.id, *common, "--as-of", str(year)).exit_code == 0
    assert calls
    wrong = [
        (key, v.target_id, v.a.region, out)
        for key, v, lang_, out in calls
        if out != FIGURES.get(key, getattr(text, key))(v, lang_)  # type: ignore[arg-type]
    ]
    assert wrong == []


def test_a_figure_shows_its_written_precision_in_every_table(run: Run) -> None:
    """78.0 % (as the 13th-FYP figure is written) reads 78.0 % in status, show and the
    report, never 78.00 % because another row of the status table has two decimals."""
    common = ["--plan", str(FYP / "cn-13th-fyp.yaml"), "--data", str(FYP / "cn-13th-fyp")]
    status = run("status", *common, "--as-of", "2017", "--lang", "en", width=200)
    show = run("show", "env.air_good_days", *common, "--as-of", "2017", "--lang", "en")
    report = run("report", "2017", *common, "--lang", "en", "--format", "md")
    for r in (status, show, report):
        assert r.exit_code == 0, r.stderr
        assert "78.0 % (2017)" in r.stdout and "78.00 %" not in r.stdout
    assert "2.0 pts" in status.stdout and "2.00 pts" not in status.stdout


def test_a_plan_figure_keeps_its_written_precision_beside_finer_figures(run: Run) -> None:
    """The 13th-FYP target 'down 15 %' reads down 15 % in the status table, never 15.0 %
    because an actual beside it has decimals."""
    common = ["--plan", str(FYP / "cn-13th-fyp.yaml"), "--data", str(FYP / "cn-13th-fyp")]
    r = run("status", *common, "--as-of", "2017", "--lang", "en", width=200)
    assert r.exit_code == 0, r.stderr
    assert "down 15 % in all" in r.stdout and "15.0 %" not in r.stdout


def _coverage(tmp_path: Path) -> Path:
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "indicator,period,region,value\n"
        "ss.employee_insurance_coverage,2016,,96.0\n"
        "ss.employee_insurance_coverage,2017,,96.50\n",
        encoding="utf-8",
    )
    return folder


def test_show_writes_a_projection_no_coarser_than_the_actual_beside_it(
    run: Run, tmp_path: Path
) -> None:
    """Beside an actual of 96.50 % the projection reads 98.02 %, never 98 %."""
    r = run("show", "ss.employee_insurance_coverage", "--data", str(_coverage(tmp_path)))
    assert r.exit_code == 0, r.stderr
    assert "96.50 %" in r.stdout
    assert re.search(r"projected at deadline\s+98\.02 %", r.stdout), r.stdout


def test_status_show_and_report_write_one_projection(run: Run, tmp_path: Path) -> None:
    """The projection of a target reads the same in show and in the report's table."""
    data = str(_coverage(tmp_path))
    show = run("show", "ss.employee_insurance_coverage", "--data", data, "--lang", "en")
    report = run("report", "2017", "--data", data, "--lang", "en", "--format", "md")
    assert show.exit_code == report.exit_code == 0, report.stderr
    assert "98.02 %" in show.stdout and "98.02 %" in report.stdout


@pytest.mark.parametrize(
    ("value", "written", "unit", "shown"),
    [
        ("98.0", ["92", "96.50"], "%", "98.00"),
        ("98.04", ["92", "96.5"], "%", "98.0"),
        ("0.4123", ["0.45", "0.49"], "t", "0.41"),
        ("1.4567", ["1.5", "1.6"], ":1", "1.46"),
        ("17151.6", ["20000", "16100"], "yuan", "17,152"),
    ],
)
def test_a_projection_takes_the_precision_of_its_neighbours(
    value: str, written: list[str], unit: str, shown: str
) -> None:
    """formatting.estimate: the written decimals of the target and actual, never fewer than
    the unit's own (0.1 %, 0.01 for a ratio)."""
    got = estimate(Decimal(value), unit, "en", written=[Decimal(w) for w in written])
    assert number(got, "en") == shown


def test_a_trailing_zero_is_kept_and_none_added() -> None:
    """formatting.number shows a figure as written: 78.0 → 78.0, 2.40 → 2.40, 85000 → 85,000,
    in 万 without the shift's zeros (8.5万)."""
    assert number(Decimal("78.0"), "en") == "78.0"
    assert number(Decimal("2.40"), "en") == "2.40"
    assert number(Decimal("85000"), "en") == "85,000"
    assert number(Decimal("85000"), "zh") == "8.5万"
    assert with_unit(Decimal("96.50"), "%", "zh") == "96.50%"


# What formats a figure for a reader: a renderer calls text's functions, never these.
FORMATTERS = {
    "percent",
    "shown_percent",
    "pace_percent",
    "estimate",
    "kept_side",
    "number",
    "_pct",
    "figure_words",
}
# The figures of an assessment a renderer must take from text, never format itself.
ASSESSED = {
    "achievement",
    "progress",
    "time_progress",
    "schedule_gap",
    "pace",
    "projected",
    "gap",
}
# Where a renderer turns an assessment figure into a workbook cell: a number under a format
# (excel's _as_shown and pace cells, by the same rule, formatting.shown_percent/shown_pace).
CELLS = {"shown_percent", "shown_pace"}


def _renderers() -> list[Path]:
    pkg = REPO / "linyi_tracker"
    return sorted(
        [*(pkg / "cli" / "render").glob("*.py"), *(pkg / "reporting" / "render").glob("*.py")]
    )


def test_no_renderer_formats_an_assessed_figure_itself() -> None:
    """No module under cli/render or reporting/render passes an assessment's figure
    (achievement, progress, time elapsed, schedule gap, pace, projection, gap) to a
    formatting function or an f-string: every one comes from reporting/text.py."""
    faults = []
    for path in _renderers():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                callee = node.func
                name = (
                    callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
                )
                if name not in FORMATTERS and name not in CELLS:
                    continue
                args = [a for a in ast.walk(node) if isinstance(a, ast.Attribute)]
                touched = {a.attr for a in args} & ASSESSED
                if touched and name not in CELLS:
                    faults.append(f"{path.name}:{node.lineno} {name}({', '.join(sorted(touched))})")
            elif isinstance(node, ast.FormattedValue):
                attrs = {a.attr for a in ast.walk(node.value) if isinstance(a, ast.Attribute)}
                if attrs & ASSESSED:
                    faults.append(
                        f"{path.name}:{node.lineno} f-string of {sorted(attrs & ASSESSED)}"
                    )
    assert faults == []


def test_a_missed_target_s_sentence_says_the_gap_its_table_writes(plan: Plan) -> None:
    """The report's sentence (its summary lists' words) gives a missed target's shortfall
    as the table's gap cell writes it (never 20 pts beside a table's 20.0 pts)."""
    report = demo_report(plan, 2020, "2020")
    missed = [
        ln
        for s in report.systems
        for ln in s.lines
        if ln.standing == "missed_at_deadline" and ln.a.gap is not None
    ]
    assert missed
    for lang in ("zh", "en"):
        for line in missed:
            assert text.gap(line, lang) in text.detail(line, lang), line.target_id


def test_a_computed_change_is_shown_at_one_decimal_whatever_its_type() -> None:
    """A change the tool worked out reads at one decimal even when it is a Decimal
    (down 3.3 %), a plan's figure as written (down 3.333 %): the caller says which, the
    value's type does not."""
    assert text._change_words(Decimal("-3.333"), None, "en", computed=True) == "down 3.3 %"
    assert text._change_words(Decimal("-3.333"), None, "en", computed=False) == "down 3.333 %"


def _label_figure(label: str) -> Decimal:
    """The figure a chart's label says, read back: '8.5432万' → 85432, '−1,200' → −1200."""
    digits = label.replace(",", "").replace("\u2212", "-")
    if digits.endswith("万"):
        return Decimal(digits.removesuffix("万")).scaleb(4)
    return Decimal(digits)


@pytest.mark.parametrize(("plan_file", "data", "year"), list(_cases()))
def test_every_chart_label_reads_as_its_table(plan_file: Path, data: Path, year: int) -> None:
    """Every labelled chart of the example reports (zh, en) labels each dot with its figure
    exactly as the table beside it writes it: a county's as its ranking's value cell, the
    latest year's as the row's actual cell, each at its written precision (96.50, never
    96.5; 1.2345万, never 1.23) — never a figure re-rounded from the chart's floats."""
    from linyi_tracker.formatting import written_places
    from linyi_tracker.reporting.render import charts

    plan = read_plan(plan_file)
    store = load_store(plan, data, display_root=REPO)
    report = build_report(
        plan,
        store,
        year,
        parse_period(str(year)),
        generated=datetime(2026, 1, 1, tzinfo=UTC),
        plan_file="p",
        data_source="d",
    )
    lines = {ln.target_id: ln for s in report.systems for ln in s.lines}
    langs: tuple[Lang, ...] = ("zh", "en")
    for lang in langs:
        for target_id, spec in charts.report_specs(report, lang).items():
            if spec.mark != "dot":
                continue
            line = lines[target_id]
            assert len(spec.value_labels) == len(spec.actual), target_id
            if spec.kind == "counties":
                ranking = charts.county_ranking(report, line)
                assert ranking is not None
                cells = {
                    c[1]: c[2]
                    for c in (text.ranking_cells(0, r, ranking, lang) for r in ranking.rows)
                }
                for name, label in zip(spec.labels, spec.value_labels, strict=True):
                    assert cells[name].startswith(label), (target_id, name, label, cells[name])
                    rest = cells[name].removeprefix(label)
                    assert not rest[:1].isdigit() and rest[:1] not in {".", ","}, cells[name]
                continue
            assert line.chart is not None
            for label, figure in zip(spec.value_labels, line.chart.figures, strict=True):
                assert _label_figure(label) == figure, (target_id, label, figure)
                if not label.endswith("万"):
                    assert len(label.partition(".")[2]) == written_places(figure), label
            latest = line.chart.figures[-1]
            if line.a.actual == latest:
                cell = text.actual(line, lang)
                assert cell.startswith(spec.value_labels[-1]), (target_id, cell)
