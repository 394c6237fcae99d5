"""The report as JSON: the model dumped whole, nothing added or left out."""

from __future__ import annotations

import json

from linyi_tracker.reporting.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
