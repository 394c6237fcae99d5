"""The report as JSON: the model dumped whole, nothing added or left out."""

from __future__ import annotations

from linyi_tracker.jsontext import dumps
from linyi_tracker.reporting.model import Report


def render(report: Report) -> str:
    return dumps(report.to_dict()) + "\n"
