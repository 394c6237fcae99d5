"""The chart rules, checked on the chart spec (what a chart shows) of the demo report."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_report import WHEN, demo_report

from conftest import FIXTURES, REPO
from linyi_tracker.actuals.periods import parse_period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import LocalText, Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import Report, build_report
from linyi_tracker.reporting.render import charts, tables
from linyi_tracker.reporting.render.charts import ChartSpec, chart_spec
from linyi_tracker.reporting.view import TargetView


@pytest.fixture(scope="module")
def report(plan: Plan) -> Report:
    return demo_report(plan)


def spec_of(report: Report, target_id: str, lang: str = "zh") -> ChartSpec | None:
    return charts.report_specs(report, lang).get(target_id)  # type: ignore[arg-type]


def test_large_numbers_are_drawn_in_wan_with_the_unit_on_the_axis(report: Report) -> None:
    """Floor area in square metres is drawn in 万平方米 (585, not 5850000), and the axis says so."""
    spec = spec_of(report, "housing.floor_area_started.2018_2020")
    assert spec is not None and spec.y_label == "万平方米" and spec.scale == 10_000
    assert max(y for _, y in spec.actual) == pytest.approx(390)


def test_english_axis_uses_thousands_or_millions(report: Report) -> None:
    """In English the same chart is drawn in millions of m², said on the axis."""
    spec = spec_of(report, "housing.floor_area_started.2018_2020", "en")
    assert spec is not None and spec.y_label == "million m²"


def test_axis_starts_at_the_first_year_with_data(report: Report) -> None:
    """New urban jobs (figures from 2015) get no empty 2014 slot."""
    spec = spec_of(report, "emp.new_urban_jobs.annual")
    assert spec is not None and spec.x_range[0] == 2015


def test_approximate_target_gets_its_tolerance_band(report: Report) -> None:
    """ "≈ 20,000元" is drawn with the plan's ±5 % band, in the table's 元; a "≥" target has none."""
    spec = spec_of(report, "inc.rural_per_capita.2020")
    assert spec is not None and spec.band == (pytest.approx(19_000), pytest.approx(21_000))
    plain = spec_of(report, "ss.employee_insurance_coverage.2020")
    assert plain is not None and plain.band is None


def test_a_band_s_legend_says_the_plan_s_tolerance(report: Report) -> None:
    """A tolerance of 0.0125 is said ±1.25 % in the band's legend, as the method list says
    it, never 1.2 worked back from the band's floats."""
    line = report.line("inc.rural_per_capita.2020")
    spec = chart_spec(line, "en", tolerance=0.0125, counties=None, wan=False)
    assert spec is not None and spec.band is not None
    drawn = charts.svg(spec, "en")
    assert "target ±1.25 %" in drawn


def test_share_projection_stops_at_100(report: Report) -> None:
    """The pension coverage projection (100.14 % in the engine) is drawn to 100 at most."""
    engine = report.line("ss.resident_pension_coverage.2020").a.projected
    assert engine is not None and engine > 100  # the data output keeps the exact value
    spec = spec_of(report, "ss.resident_pension_coverage.2020")
    assert spec is not None and spec.projection[-1][1] == 100.0 and spec.y_limit == 100.0


def test_counties_are_drawn_where_the_city_has_no_figure(report: Report) -> None:
    """Public sense of security has no city figure: the chart shows the 12 counties."""
    line = report.line("safety.public_security_sense.2020")
    assert line.chart is not None and not line.chart.points
    spec = spec_of(report, "safety.public_security_sense.2020")
    assert spec is not None and spec.kind == "counties" and len(spec.labels) == 12
    assert [y for _, y in spec.actual] == sorted(y for _, y in spec.actual)


def test_nothing_to_draw_means_no_chart(report: Report) -> None:
    """Without city or county figures there is no chart (no empty axes)."""
    line = report.line("safety.public_security_sense.2020")
    assert chart_spec(line, "zh", tolerance=0.05, counties=None, wan=False) is None


def test_single_year_target_gets_a_narrow_chart(report: Report) -> None:
    """A 2015-only target (one bar) is drawn narrow; a six-year series is not."""
    one = spec_of(report, "housing.public_rental_units_new.2015")
    many = spec_of(report, "emp.new_urban_jobs.annual")
    assert one is not None and one.compact and one.x_range == (2015, 2015)
    assert many is not None and not many.compact


def test_names_with_dollars_are_drawn_as_typed(report: Report) -> None:
    """A name like "$5 and $6" is plain text in the chart, not mathtext."""
    line = report.line("emp.new_urban_jobs.annual")
    odd = dataclasses.replace(line, name=LocalText(zh="$5 and $6 <b>", en="$x$ <script>"))
    spec = chart_spec(odd, "en", tolerance=0.05, counties=None, wan=False)
    assert spec is not None
    drawn = charts.svg(spec, "en")
    assert "$x$ &lt;script&gt;" in drawn and "<script>" not in drawn


def test_year_to_date_point_belongs_to_its_year(report: Report) -> None:
    """A 2016-08 figure (drawn at 2015.67) starts the axis at 2016, not at an empty 2015."""
    line = report.line("emp.new_urban_jobs.annual")
    assert line.chart is not None
    partial = dataclasses.replace(
        line.chart, points=[(2015 + 8 / 12, 83700.0)], projection=[], x_range=(2014.0, 2020.0)
    )
    spec = chart_spec(
        dataclasses.replace(line, chart=partial), "zh", tolerance=0.05, counties=None, wan=False
    )
    assert spec is not None and spec.x_range == (2016, 2020)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
def test_a_bar_starts_at_zero(plan: Plan, year: int, lang: str) -> None:
    """Every bar chart of every year's report has zero on its value axis (no cut bar)."""
    specs = charts.report_specs(demo_report(plan, year, str(year)), lang)  # type: ignore[arg-type]
    bars = [s for s in specs.values() if s.mark == "bar"]
    assert bars
    for spec in bars:
        assert spec.value_range is not None and spec.value_range[0] <= 0 <= spec.value_range[1]


def test_close_county_values_are_labelled_dots(report: Report) -> None:
    """Public sense of security (94.6 to 98.3 in the counties) is a dot plot with each value labelled."""
    spec = spec_of(report, "safety.public_security_sense.2020")
    assert spec is not None and spec.mark == "dot" and spec.value_range is not None
    assert spec.value_range[0] > 0  # a dot may sit on a cut axis; a bar may not
    assert spec.value_labels[0] == "94.6" and spec.value_labels[-1] == "98.3"


def test_far_apart_values_stay_bars() -> None:
    """Values spread over more than a fifth of the largest are bars; closer ones are dots."""
    assert not charts.uses_dots([4595.0, 11315.0])
    assert charts.uses_dots([94.6, 98.3])
    assert not charts.uses_dots([85700.0])  # one value: a bar
    assert not charts.uses_dots([-1.0, -1.1])  # not all above zero: bars from zero


def _with_figures(line: TargetView, figures: list[str]) -> TargetView:
    """``line`` with its chart's points replaced by ``figures`` (one a year from 2016)."""
    assert line.chart is not None
    exact = [Decimal(f) for f in figures]
    points = [(2016.0 + i, float(f)) for i, f in enumerate(exact)]
    chart = dataclasses.replace(line.chart, points=points, figures=exact, projection=[])
    return dataclasses.replace(line, chart=chart)


def test_a_dot_label_is_the_figure_as_written_not_rounded(report: Report) -> None:
    """A yearly figure of 85,432 persons is labelled 85,432 as the table writes it, never
    85.43 re-rounded from the thousands the English axis is drawn in."""
    line = _with_figures(report.line("emp.new_urban_jobs.annual"), ["85432", "86200"])
    spec = chart_spec(line, "en", tolerance=0.05, counties=None, wan=False)
    assert spec is not None and spec.mark == "dot" and spec.y_label == "thousand persons"
    assert spec.value_labels == ["85,432", "86,200"]


def test_a_dot_label_in_wan_keeps_every_digit(report: Report) -> None:
    """In a row written in 万 a figure of 85,432 is labelled 8.5432万 (its table's
    8.5432万人), never 8.54."""
    line = report.line("emp.new_urban_jobs.annual")
    wan_row = dataclasses.replace(
        line,
        a=dataclasses.replace(line.a, target=Decimal("120000"), actual=Decimal("124000"), gap=None),
    )
    assert text.row_scale(wan_row, "zh").of("人") is True
    spec = chart_spec(
        _with_figures(wan_row, ["85432", "86200"]), "zh", tolerance=0.05, counties=None, wan=True
    )
    assert spec is not None and spec.y_label == "万人"
    assert spec.value_labels == ["8.5432万", "8.62万"]


def test_county_dot_labels_are_not_padded_to_a_common_precision(report: Report) -> None:
    """Counties' figures 96.50, 97.0 and 95.25 are labelled as written, as the counties'
    table writes them: 97.0 is never 97.00 beside 95.25, 96.50 never 96.5."""
    line = report.line("safety.public_security_sense.2020")
    ranking = charts.county_ranking(report, line)
    assert ranking is not None
    written = ["96.50", "97.0", "95.25"]
    rows = [
        dataclasses.replace(r, value=Decimal(v))
        for r, v in zip(ranking.rows[:3], written, strict=True)
    ]
    spec = chart_spec(
        line,
        "zh",
        tolerance=0.05,
        counties=dataclasses.replace(ranking, rows=rows),
        wan=False,
    )
    assert spec is not None and spec.mark == "dot"
    assert spec.value_labels == ["95.25", "96.50", "97.0"]  # ordered by value, as the dots


@given(
    st.lists(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False), min_size=1, max_size=12),
    st.floats(min_value=-1e7, max_value=1e7, allow_nan=False),
)
def test_any_values_get_an_honest_axis(values: list[float], target: float) -> None:
    """For any figures, bars get an axis through zero and dots an axis holding every dot."""
    dots = charts.uses_dots(values)
    low, high = charts._value_range(values, [target], None, dots=dots)
    assert low <= min(values) and high >= max(values) and low < high
    if not dots:
        assert low <= 0 <= high


def _scale_cases() -> list[tuple[str, int]]:
    return [("demo", year) for year in range(2015, 2021)] + [
        ("cn-13th-fyp", 2020),
        ("wan-in-words", 2022),  # 8.5万人 beside 1.2万人次 and 吨标准煤/万元 in one section
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("data", "year"), _scale_cases())
def test_a_chart_is_in_the_scale_of_its_table(plan: Plan, data: str, year: int, lang: str) -> None:
    """A chart's axis is in 万 exactly when the table beside it writes the unit in 万 (the
    target's table, or the counties' ranking for a counties' chart); English never in 万."""
    if data == "demo":
        built, store = plan, load_store(plan, REPO / "examples" / "demo")
    elif data == "wan-in-words":
        built = read_plan(FIXTURES / "plans" / "wan-in-words.yaml")
        store = load_store(built, FIXTURES / "anyplan" / "wan-words")
    else:
        built = read_plan(REPO / "examples" / "plans" / "cn-13th-fyp.yaml")
        store = load_store(built, REPO / "examples" / "plans" / "cn-13th-fyp")
    report = build_report(
        built, store, year, parse_period(str(year)), generated=WHEN, plan_file="p", data_source="d"
    )
    specs = charts.report_specs(report, lang)  # type: ignore[arg-type]
    checked = 0
    for index, section in enumerate(report.systems):
        rows = tables.system(report, index, lang).rows  # type: ignore[arg-type]
        for line, row in zip(section.lines, rows, strict=True):
            spec = specs.get(line.target_id)
            unit = line.unit_name.get(lang) if line.unit_name else ""
            if spec is None or not unit or unit in {"%", ":1"}:
                continue
            if "万" in unit:  # a unit of its own in 万 (万人次) is never put in 万 again
                assert spec.scale == 1.0 and spec.y_label == unit, (line.target_id, spec.y_label)
                checked += 1
                continue
            if spec.kind == "counties":
                ranking = charts.county_ranking(report, line)
                assert ranking is not None
                cells = [
                    text.ranking_cells(i, r, ranking, lang) for i, r in enumerate(ranking.rows)
                ]  # type: ignore[arg-type]
                in_table = any(f"万{unit}" in c[2] for c in cells)
            else:
                in_table = f"万{unit}" in " ".join(row[1:4])
            assert (spec.y_label == f"万{unit}") == in_table, (line.target_id, spec.y_label, row)
            if lang == "en":
                assert "万" not in spec.y_label and spec.scale in {1.0, 1e3, 1e6}, spec.y_label
            checked += 1
    assert checked or year == 2015  # the demo's 2015 report draws no chart of an amount


def test_every_caller_states_a_chart_s_scale() -> None:
    """chart_spec has no default scale: a caller that forgets it is a type error, not a
    chart silently drawn in units beside a table in 万."""
    import inspect

    params = inspect.signature(chart_spec).parameters
    assert params["wan"].default is inspect.Parameter.empty
    assert params["counties"].default is inspect.Parameter.empty


def test_an_annual_target_with_a_value_a_year_draws_each_year_s_value(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A target of 84,300 for 2021 and 85,000 after draws a step a year (84,300 over 2021,
    85,000 over 2022), never 2022's 85,000 across 2021 where the plan asked 84,300."""
    plan = read_plan(FIXTURES / "plans" / "growth-change.yaml")
    (tmp_path / "jobs.csv").write_text(
        "indicator,period,region,value\njobs.new,2021,,84500\njobs.new,2022,,86000\n",
        encoding="utf-8",
    )
    store = load_store(plan, tmp_path)
    report = build_report(
        plan, store, 2022, parse_period("2022"), generated=WHEN, plan_file="p", data_source="d"
    )
    spec = charts.report_specs(report, "en")["jobs.new.annual"]
    over = {round(x): y for x, y in spec.required}
    assert over[2021] * spec.scale == 84300 and over[2022] * spec.scale == 85000
