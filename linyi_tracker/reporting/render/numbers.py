"""The one display rule of the report files that the terminal does not need: a share's
projection line capped at 100 in the charts (:func:`bounded`). Every table cell, the
projection included, comes from :mod:`linyi_tracker.reporting.text`, so every output
shows the same figure; the data outputs (JSON, CSV values, the workbook's numbers) keep
the engine's exact value.
"""

from __future__ import annotations

from linyi_tracker.reporting.view import TargetView


def bounded(v: TargetView) -> bool:
    """A percentage is read as a share of a whole: it cannot pass 100.

    The one place this display rule is written; the charts cap their projection line
    with it too (reporting/render/charts.py)."""
    return v.unit_name is not None and v.unit_name.en == "%"
