"""Charts for the HTML and Word reports: what a chart shows, then drawing it with matplotlib.

:func:`chart_spec` decides what a target's chart shows — a pure function of the
target's view (and, where the city has no figure of its own, the counties' figures),
tested without matplotlib. The rules a reader sees:

- the y-axis is labelled with the unit, large numbers in 万 (zh) or thousands/millions
  (en): 600万 on the axis, never 6000000;
- the x-axis starts at the first year with something to draw (no empty 2014 slot);
- an "≈" target gets its tolerance band;
- a percentage is a share, so its projection stops at 100 (the data outputs keep the
  engine's exact projection; capping is for display only);
- where the city has no figure but counties reported, the chart shows the counties;
- nothing to draw, no chart; a single year of data gets a narrow chart, not a wide
  one with one bar;
- a bar's length is its value, so a bar's axis starts at zero; where the values lie so
  close together that bars from zero would look equal (:func:`uses_dots`), the values are
  drawn as dots on a cut axis, each labelled with its figure, never as cut bars.

:func:`svg` (HTML) and :func:`png` (Word) draw a spec. matplotlib is imported only
there, when a chart is drawn, so `status` never pays for it. Names are drawn as
typed: mathtext is off (``text.parse_math``), so ``$5 and $6`` is not a formula.

Long because it holds both halves of one idea — the tested rules of what a chart shows
and the matplotlib drawing of them — which change together.
"""

from __future__ import annotations

import functools
import io
import math
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, cast

from linyi_tracker.formatting import signed
from linyi_tracker.i18n import Lang, t
from linyi_tracker.reporting import text
from linyi_tracker.reporting.model import RegionRanking, Report
from linyi_tracker.reporting.render.numbers import bounded
from linyi_tracker.reporting.render.textwidth import text_em
from linyi_tracker.reporting.view import TargetView

_FONTS = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "DejaVu Sans",
    "sans-serif",
]

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """What one chart draws, in display units (y already divided by ``scale``)."""

    target_id: str
    title: str
    kind: Literal["bars", "line", "counties"]
    actual: list[Point]  # counties: (index, value)
    labels: list[str]  # counties: their names, in the order of ``actual``
    target: float
    band: tuple[float, float] | None
    required: list[Point]
    projection: list[Point]
    x_range: tuple[int, int]  # first and last year on the axis (counties: unused)
    y_label: str
    y_limit: float | None  # the top of a bounded axis (100 for a share)
    scale: float
    compact: bool  # one year of data: a narrow chart
    mark: Literal["bar", "dot", "line"] = "bar"
    # The value axis from its low end to its high end: from zero (or below) for bars, cut
    # around the values for dots, None (matplotlib's choice) for a line.
    value_range: tuple[float, float] | None = None
    # dots: each one's figure as the table beside the chart writes it (never from the floats)
    value_labels: list[str] = field(default_factory=list)
    # an ≈ target's band: the plan's tolerance as written (0.0125), said in its legend as
    # the method list says it (±1.25 %), never worked back from the band's floats
    tolerance: Decimal | None = None


# Values whose spread (largest less smallest) is under this share of the largest are drawn
# as dots: bars from zero would differ by under a fifth of their length, too little to
# read (94.6 and 98.3 look equal), and bars from a cut axis would lie about their ratio.
DOT_SPREAD = 0.2


def uses_dots(values: list[float]) -> bool:
    """Whether these values are drawn as labelled dots rather than bars from zero: two or
    more values, all above zero, within :data:`DOT_SPREAD` of the largest."""
    if len(values) < 2 or min(values) <= 0:
        return False
    return (max(values) - min(values)) / max(values) < DOT_SPREAD


def _value_range(
    values: list[float], others: list[float], limit: float | None, *, dots: bool
) -> tuple[float, float]:
    """The value axis: bars from zero (or from a negative value) to above the highest value
    and the target; dots cut close around the values and the target, room left for labels."""
    everything = [*values, *others]
    low, high = min(everything), max(everything)
    if dots:
        pad = (high - low) * 0.15 or abs(high) * 0.05 or 1.0
        bottom, top = low - pad, high + 2.5 * pad  # the labels go beyond the highest dot
    else:
        bottom, top = min(0.0, low), max(0.0, high) * 1.1 or 1.0
    if limit is not None:
        top = min(top, limit + (pad if dots else 0.5))
    return bottom, top


def _scale(values: list[float], unit: str, lang: Lang, wan: bool) -> tuple[float, str]:
    """The divisor and axis label for values in ``unit``: in Chinese 万 exactly when the
    table beside the chart writes the unit in 万 (``wan``: text.row_scale, the row's
    one decision), else the unit itself; in English thousands/millions."""
    top = max((abs(v) for v in values), default=0.0)
    if lang == "zh" and unit not in {"%", ":1"}:
        return (10_000.0, t("chart.ten_thousand", lang, unit=unit)) if wan else (1.0, unit)
    if unit in {"%", ":1"} or top < 10_000:
        return 1.0, (t("chart.ratio", lang) if unit == ":1" else unit)
    if top >= 1_000_000:
        return 1_000_000.0, t("chart.million", lang, unit=unit).strip()
    return 1_000.0, t("chart.thousand", lang, unit=unit).strip()


def capped(line: TargetView, value: float) -> float:
    """A projected value as shown: a share stops at 100 (display only)."""
    return min(value, 100.0) if bounded(line) else value


def county_ranking(report: Report, line: TargetView) -> RegionRanking | None:
    """The counties' figures for this target's indicator, when they have any numbers."""
    for ranking in report.regions:
        if ranking.indicator == line.a.indicator and any(r.value is not None for r in ranking.rows):
            return ranking
    return None


def chart_spec(
    line: TargetView,
    lang: Lang,
    *,
    tolerance: Decimal | float,
    counties: RegionRanking | None,
    wan: bool,
) -> ChartSpec | None:
    """What the chart of one target shows, or None when there is nothing to draw; ``wan``:
    whether the target's table writes its unit in 万 (text.row_scale; the counties'
    chart follows the counties' table instead, text.ranking_scale). Both are stated by
    every caller: a default scale would draw a forgetful caller's chart in the wrong one."""
    chart = line.chart
    if chart is None or line.a.target is None:
        return None
    unit = line.unit_name.get(lang) if line.unit_name else ""
    name = line.name.get(lang)
    target = float(line.a.target)
    tol = float(tolerance)
    band_of = (target * (1 - tol), target * (1 + tol)) if line.a.comparator == "≈" else None
    limit = 100.0 if bounded(line) else None
    if not chart.points:
        if counties is None:
            return None
        rows = sorted(
            (r for r in counties.rows if r.value is not None), key=lambda r: float(r.value or 0)
        )
        values = [float(r.value or 0) for r in rows]
        # each dot's label as the counties' table writes the figure (text.ranking_figure)
        figures = [text.ranking_figure(r.value or Decimal(0), counties, lang) for r in rows]
        in_wan = text.ranking_scale(counties, lang)  # as the counties' table
        scale, label = _scale([*values, target], unit, lang, in_wan)
        shown = [v / scale for v in values]
        dots = uses_dots(shown)
        return ChartSpec(
            line.target_id,
            t(
                "chart.counties",
                lang,
                name=name,
                period=counties.period.label(lang),
            ),
            "counties",
            [(float(i), v / scale) for i, v in enumerate(values)],
            [r.name_zh if lang == "zh" else r.name_en for r in rows],
            target / scale,
            None,
            [],
            [],
            (counties.period.year, counties.period.year),
            label,
            limit,
            scale,
            False,
            "dot" if dots else "bar",
            _value_range(shown, [target / scale], limit, dots=dots),
            figures if dots else [],
        )
    projection = [(x, capped(line, y)) for x, y in chart.projection]
    # The required path of an annual target is the target line itself: not drawn twice;
    # where the plan gives years their own values it is that line, a step a year.
    required = list(chart.required)
    if chart.kind == "annual" and len({y for _, y in required}) < 2:
        required = []
    xs = [p[0] for p in (*chart.points, *required, *projection)]
    # A year-to-date figure sits inside its year (2016-08 at 2015.67, before the 2016 tick):
    # the axis starts at the first year a point belongs to.
    first, last = math.ceil(min(xs)), int(max([*xs, chart.x_range[1]]))
    ys = [p[1] for p in (*chart.points, *required, *projection)] + [target]
    scale, label = _scale(ys, unit, lang, wan)

    def scaled(points: list[Point]) -> list[Point]:
        return [(x, y / scale) for x, y in points]

    shown = [y for _, y in scaled(list(chart.points))]
    band = (band_of[0] / scale, band_of[1] / scale) if band_of else None
    mark: Literal["bar", "dot", "line"] = "line"
    value_range = None
    if chart.kind == "annual":
        mark = "dot" if uses_dots(shown) else "bar"
        steps = [y / scale for _, y in required]
        value_range = _value_range(
            shown, [target / scale, *(band or ()), *steps], limit, dots=mark == "dot"
        )
    return ChartSpec(
        line.target_id,
        name,
        "bars" if chart.kind == "annual" else "line",
        scaled(list(chart.points)),
        [],
        target / scale,
        band,
        scaled(required),
        scaled(projection),
        (first, last),
        label,
        limit,
        scale,
        last == first,
        mark,
        value_range,
        # each dot's label as the target's row writes a figure (text.chart_figure)
        [text.chart_figure(f, line, lang) for f in chart.figures] if mark == "dot" else [],
        Decimal(str(tolerance)) if band else None,
    )


def report_specs(report: Report, lang: Lang) -> dict[str, ChartSpec]:
    """Every chart of the report by target id (targets with nothing to draw are absent)."""
    out = {}
    for section in report.systems:
        for line in section.lines:
            spec = chart_spec(
                line,
                lang,
                tolerance=report.method.tolerance,
                counties=county_ranking(report, line),
                wan=bool(text.row_scale(line, lang).wan.get(text.unit_key(line, lang))),
            )
            if spec is not None:
                out[line.target_id] = spec
    return out


# ------------------------------------------------------------------ drawing


@contextmanager
def _pyplot(extra: dict[str, Any]) -> Iterator[Any]:
    import logging

    from linyi_tracker.errors import require

    require("matplotlib", "the report's charts")
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    from matplotlib import pyplot as plt

    params: dict[str, Any] = {
        "font.family": _FONTS,
        "font.size": 9,
        # Names are drawn as typed: "$5 and $6" is text, not mathtext.
        "text.parse_math": False,
        "text.usetex": False,
        "axes.formatter.useoffset": False,
    }
    params.update(extra)
    with warnings.catch_warnings(), matplotlib.rc_context(cast(Any, params)):
        # Glyph warnings: the machine drawing an SVG may lack CJK fonts; the browser has them.
        warnings.simplefilter("ignore")
        yield plt


def _figure(plt: Any, spec: ChartSpec, lang: Lang) -> Any:
    from matplotlib.ticker import FuncFormatter

    if spec.kind == "counties":
        fig, ax = plt.subplots(figsize=(5.0, 3.4))
    else:
        fig, ax = plt.subplots(figsize=(3.3, 2.6) if spec.compact else (5.0, 2.7))
    blue, red, grey, green = "#4c72b0", "#c44e52", "#8c8c8c", "#55a868"
    # the target's line, one style in every chart: across the counties' dots, across the
    # years, or a step a year where the plan gives each year its own value
    target_line: dict[str, Any] = {
        "color": red,
        "linestyle": "--",
        "linewidth": 1,
        "label": t("report.legend.target", lang),
    }
    if spec.kind == "counties":
        ys = [p[0] for p in spec.actual]
        values = [p[1] for p in spec.actual]
        if spec.mark == "dot":
            left = spec.value_range[0] if spec.value_range else 0.0
            ax.hlines(ys, left, values, color="#dddddd", linewidth=0.8)  # guides to the names
            ax.plot(values, ys, "o", color=blue, markersize=5)
            for y, v, text in zip(ys, values, spec.value_labels, strict=True):
                ax.annotate(
                    text, (v, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7
                )
        else:
            ax.barh(ys, values, height=0.6, color=blue)
        ax.set_yticks(ys, spec.labels, fontsize=8)
        ax.axvline(spec.target, **target_line)
        ax.set_xlabel(spec.y_label)
        if spec.value_range is not None:
            ax.set_xlim(*spec.value_range)
        ax.legend(fontsize=8, frameon=False, loc="lower right")
    else:
        xs = [p[0] for p in spec.actual]
        if spec.band is not None:
            ax.axhspan(
                *spec.band,
                color=red,
                alpha=0.08,
                linewidth=0,
                label=t("chart.band", lang, tol=spec.tolerance),
            )
        if spec.mark == "bar":
            ax.bar(
                xs,
                [p[1] for p in spec.actual],
                width=0.5,
                color=blue,
                label=t("report.legend.actual", lang),
            )
        elif spec.mark == "dot":
            ax.plot(
                xs,
                [p[1] for p in spec.actual],
                "o",
                color=blue,
                markersize=5,
                label=t("report.legend.actual", lang),
            )
            for (x, y), text in zip(spec.actual, spec.value_labels, strict=True):
                ax.annotate(
                    text, (x, y), xytext=(0, 5), textcoords="offset points", ha="center", fontsize=7
                )
        else:
            ax.plot(
                xs,
                [p[1] for p in spec.actual],
                "o-",
                color=blue,
                label=t("report.legend.actual", lang),
            )
        if spec.kind == "bars" and spec.required:
            # an annual target with a value a year: its target line is a step a year
            ax.plot([p[0] for p in spec.required], [p[1] for p in spec.required], **target_line)
        else:
            ax.axhline(spec.target, **target_line)
        if spec.required and spec.kind != "bars":
            ax.plot(
                [p[0] for p in spec.required],
                [p[1] for p in spec.required],
                ":",
                color=grey,
                label=t("report.legend.required", lang),
            )
        if spec.projection:
            ax.plot(
                [p[0] for p in spec.projection],
                [p[1] for p in spec.projection],
                "--",
                color=green,
                label=t("report.legend.projection", lang),
            )
        low, high = spec.x_range
        earliest = min((p[0] for p in (*spec.actual, *spec.required)), default=float(low))
        ax.set_xlim(min(low - 0.5, earliest - 0.35), high + 0.5)
        ax.set_xticks(range(low, high + 1))
        ax.set_ylabel(spec.y_label)
        if spec.value_range is not None:
            ax.set_ylim(*spec.value_range)
        elif spec.y_limit is not None and ax.get_ylim()[1] > spec.y_limit:
            ax.set_ylim(top=spec.y_limit + 0.5)
        if spec.compact:  # one bar fills the axes: the legend goes beside it
            ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        else:
            ax.legend(fontsize=7, frameon=False, loc="best")
    ax.set_title(spec.title, fontsize=9.5)
    ax.spines[["top", "right"]].set_visible(False)
    axis = ax.xaxis if spec.kind == "counties" else ax.yaxis
    axis.set_major_formatter(FuncFormatter(_tick))
    _margins(fig, ax, spec)
    return fig


def _margins(fig: Any, ax: Any, spec: ChartSpec) -> None:
    """Margins from the widest label, not tight_layout(): that draws the figure an extra
    time to measure it, about half of each chart's cost."""
    width_pt = fig.get_figwidth() * 72
    height_pt = fig.get_figheight() * 72
    if spec.kind == "counties":
        widest = max((text_em(label) * 8 for label in spec.labels), default=10.0)
        left = widest + 14
        bottom = 34.0  # ticks and the unit below the bars
    else:
        ticks = [_tick(v) for v in ax.get_yticks()]
        widest = max((text_em(label) * 9 for label in ticks), default=10.0)
        left = widest + 26  # ticks, their marks and the unit turned on its side
        bottom = 20.0
    right = 48.0 if spec.compact else 8.0  # a narrow chart's legend sits on the right
    fig.subplots_adjust(
        left=min(0.45, left / width_pt),
        right=1 - right / width_pt,
        top=1 - 20 / height_pt,
        bottom=bottom / height_pt,
    )


def _tick(value: float, _pos: int | None = None) -> str:
    """A tick as a reader writes it: thousands grouped, no trailing zeros."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"0", ""} else signed(text, value < 0)


def svg(spec: ChartSpec, lang: Lang) -> str:
    """The chart as inline SVG, text left as text (the reader's fonts draw Chinese)."""
    with _pyplot({"svg.fonttype": "none", "svg.hashsalt": "linyi-tracker"}) as plt:
        fig = _figure(plt, spec, lang)
        try:
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    out = buf.getvalue()
    out = out[out.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inline in HTML
    return re.sub(r'width="[\d.]+pt" height="[\d.]+pt"', 'width="100%"', out, count=1)


@functools.cache
def _known_cjk_font() -> None:
    """Make sure matplotlib knows the machine's CJK fonts before a PNG is drawn.

    matplotlib caches the font list the first time it runs; fonts installed later
    (fonts-noto-cjk) are missing from it and Chinese draws as boxes. When none of our
    CJK families is known, the system's fonts that are missing are added — once a run
    (cached), so a machine with no CJK font at all pays for the search one time.
    """
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    if known & set(_FONTS[:-2]):
        return
    have = {f.fname for f in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in have:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable font file: skip it
                continue


def png(spec: ChartSpec, lang: Lang, *, dpi: int = 200) -> bytes:
    """The chart as a high-resolution PNG (for Word), drawn with the machine's CJK font."""
    with _pyplot({}) as plt:
        _known_cjk_font()
        fig = _figure(plt, spec, lang)
        try:
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
        finally:
            plt.close(fig)
    return buf.getvalue()
