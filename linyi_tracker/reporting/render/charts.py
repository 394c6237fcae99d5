"""Charts for the HTML report: one SVG per quantitative target, drawn with matplotlib.

matplotlib is imported here only, when a chart is drawn, so `status` never pays for
it. Text stays text in the SVG (svg.fonttype 'none'), so Chinese labels render in the
reader's own fonts; ids are salted for identical output on every run.
"""

from __future__ import annotations

import io
import re
import warnings

from linyi_tracker.i18n import Lang, t
from linyi_tracker.reporting.view import Chart

_FONTS = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "DejaVu Sans",
    "sans-serif",
]


def svg(chart: Chart, title: str, lang: Lang) -> str:
    import logging

    from linyi_tracker.errors import require

    require("matplotlib", "the HTML report's charts")
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    from matplotlib import pyplot as plt

    with (
        warnings.catch_warnings(),
        matplotlib.rc_context(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": "linyi-tracker",
                "font.family": _FONTS,
                "font.size": 9,
            }
        ),
    ):
        # Glyph warnings: the machine drawing may lack CJK fonts; the reader's browser has them.
        warnings.simplefilter("ignore")
        fig, ax = plt.subplots(figsize=(6.4, 2.8))
        try:
            xs = [p[0] for p in chart.points]
            ys = [p[1] for p in chart.points]
            if chart.kind == "annual":
                ax.bar(xs, ys, width=0.5, color="#4c72b0", label=t("report.legend.actual", lang))
            else:
                ax.plot(xs, ys, "o-", color="#4c72b0", label=t("report.legend.actual", lang))
            ax.axhline(
                chart.target,
                color="#c44e52",
                linestyle="--",
                linewidth=1,
                label=t("report.legend.target", lang),
            )
            if chart.required and chart.kind != "annual":
                ax.plot(
                    [p[0] for p in chart.required],
                    [p[1] for p in chart.required],
                    ":",
                    color="#8c8c8c",
                    label=t("report.legend.required", lang),
                )
            if chart.projection:
                ax.plot(
                    [p[0] for p in chart.projection],
                    [p[1] for p in chart.projection],
                    "--",
                    color="#55a868",
                    label=t("report.legend.projection", lang),
                )
            low, high = chart.x_range
            ax.set_xlim(low - 0.5, high + 0.5)
            ax.set_xticks(range(int(low), int(high) + 1))
            ax.set_title(title, fontsize=10)
            ax.spines[["top", "right"]].set_visible(False)
            ax.legend(fontsize=8, frameon=False, loc="best")
            ax.ticklabel_format(axis="y", style="plain", useOffset=False)
            # Margins from the widest y label, not tight_layout(): that draws the figure
            # an extra time to measure it, half of each chart's cost (96 → 47 ms).
            labels = ax.yaxis.get_major_formatter().format_ticks(list(ax.get_yticks()))
            widest = max((len(label) for label in labels), default=1)
            fig.subplots_adjust(
                left=min(0.3, (widest * 5.6 + 16) / (6.4 * 72)), right=0.97, top=0.88, bottom=0.12
            )
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    out = buf.getvalue()
    out = out[out.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inline in HTML
    return re.sub(r'width="[\d.]+pt" height="[\d.]+pt"', 'width="100%"', out, count=1)
