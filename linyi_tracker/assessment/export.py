"""One assessment as plain data: the fields of the JSON contract of assessment.md.

Every JSON output (``status``, ``show``, ``report``) writes a target's assessment with
:func:`assessment_dict`, through the target's view (``reporting/view.py``).

Fractions stay fractions (0.984706); exact values from the data files are written as
JSON numbers built from their decimal text, so 4.85 stays 4.85.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from linyi_tracker.assessment.engine import Assessment
from linyi_tracker.assessment.sources import describe_source


def exact(value: Decimal | None) -> int | Decimal | None:
    """A decimal for a JSON number: integral values as integers, others kept exact (the
    JSON writer, linyi_tracker.jsontext, writes their text, never a float's digits)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value


def fraction(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def assessment_dict(a: Assessment) -> dict[str, Any]:
    actual: Any = exact(a.actual) if a.actual is not None else a.actual_word
    return {
        "target_id": a.target_id,
        "indicator": a.indicator,
        "kind": a.kind,
        "region": a.region,
        "comparator": a.comparator,
        "target": exact(a.target),
        "deadline": a.deadline,
        "actual": actual,
        "actual_period": str(a.actual_period) if a.actual_period else None,
        "achievement": fraction(a.achievement),
        "gap": exact(a.gap),
        "time_progress": fraction(a.time_progress),
        "schedule_gap": fraction(a.schedule_gap),
        "progress": fraction(a.progress),
        "pace": fraction(a.pace),
        "projected": exact(a.projected),
        "status": a.status,
        "start": a.start,
        "unit": a.unit,
        "judgement": a.judgement,
        "on_time": a.on_time,
        "regressing": a.regressing,
        "revised": a.revised,
        "count_total": a.count_total,
        "starting_point": (
            {
                "year": a.starting_point[0].year,
                "period": str(a.starting_point[0]),
                "value": exact(a.starting_point[1]),
            }
            if a.starting_point
            else None
        ),
        "history": [
            {
                "year": h.year,
                "actual": exact(h.actual),
                "period": str(h.period) if h.period else None,
                "met": h.met,
            }
            for h in a.history
        ],
        "missing_years": a.missing_years,
        "partial": (
            {
                "period": str(a.partial.period),
                "total": exact(a.partial.total),
                "reported": list(a.partial.reported),
                "missing": list(a.partial.missing),
            }
            if a.partial
            else None
        ),
        "component_of": a.component_of,
        "components": a.components,
        "reasons": a.reasons,
        "evidence": [
            {
                "file": o.file if o.line else None,
                "line": o.line or None,
                "period": str(o.period),
                "value": o.text,
                "source": describe_source(o.source, "en"),  # JSON: in English
            }
            for o in a.evidence
        ],
    }
