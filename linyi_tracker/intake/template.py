"""Blank submission files: one row per indicator due for a period and a region.

Which indicators are due: those with a target whose years include the period's year,
plus monitoring indicators; for a quarter or a month only year-to-date (flow)
indicators; for a county, only what a county reports (figures that add up to the
city, and its own rates), not the city's milestones and judgements.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from linyi_tracker.actuals.periods import Period
from linyi_tracker.plan.models import (
    Indicator,
    MilestoneTarget,
    Plan,
    QualitativeTarget,
)

HEADER = (
    "indicator",
    "name_zh",
    "name_en",
    "period",
    "region",
    "value",
    "unit",
    "source",
    "note",
    "as_of",
    "help",
)
EDITABLE = ("region", "value", "source", "note", "as_of")
JUDGEMENT_CHOICES = ("achieved", "on_track", "at_risk", "off_track", "missed")
MILESTONE_CHOICES = ("done", "not done")


@dataclass(frozen=True, slots=True)
class TemplateRow:
    indicator: str
    name_zh: str
    name_en: str
    period: str
    region: str
    unit: str
    kind: str  # number, count, milestone, judgement
    help: str

    def cells(self) -> list[str]:
        return [
            self.indicator,
            self.name_zh,
            self.name_en,
            self.period,
            self.region,
            "",
            self.unit,
            "",
            "",
            "",
            self.help,
        ]


def template_rows(plan: Plan, period: Period, region: str) -> list[TemplateRow]:
    city = region == plan.city.id
    region_name = plan.region_by_id[region].name.zh
    rows = []
    for ind in plan.indicators:
        if not _due(plan, ind, period, city):
            continue
        kind = _kind(plan, ind, city)
        unit = plan.unit_of(ind)
        rows.append(
            TemplateRow(
                ind.id,
                ind.name.zh,
                ind.name.en,
                str(period),
                region_name,
                unit.name.zh if unit and kind in {"number", "count"} else "",
                kind,
                _help(
                    kind,
                    unit.name.zh if unit else "",
                    unit.name.en if unit else "",
                    plan,
                    ind,
                    period,
                ),
            )
        )
    return rows


def _due(plan: Plan, ind: Indicator, period: Period, city: bool) -> bool:
    if period.kind != "year" and not ind.flow:
        return False
    targets = plan.targets_of(ind.id)
    if not city:
        countable = any(isinstance(t, MilestoneTarget) and t.count_total for t in targets)
        if ind.unit is None and not countable:
            return False  # the city's milestones and judgements are not a county's to report
    if ind.role == "monitoring":
        return True
    start = plan.plan.period.start
    return any((getattr(t, "start", None) or start) <= period.year <= t.deadline for t in targets)


def _kind(plan: Plan, ind: Indicator, city: bool) -> str:
    targets = plan.targets_of(ind.id)
    if any(isinstance(t, QualitativeTarget) for t in targets):
        return "judgement"
    if any(isinstance(t, MilestoneTarget) for t in targets):
        counted = any(isinstance(t, MilestoneTarget) and t.count_total for t in targets)
        return "count" if counted and city else "milestone"
    return "number"


def _help(kind: str, unit_zh: str, unit_en: str, plan: Plan, ind: Indicator, period: Period) -> str:
    if kind == "judgement":
        return "填：已实现/正常推进/存在风险/明显滞后/未实现，备注写评估单位和依据 | achieved, on_track, at_risk, off_track, missed; say who judged, on what, in note"
    if kind == "milestone":
        return "填：是/否 或完成日期 YYYY-MM-DD | done, not done, or the date it was done"
    if kind == "count":
        total = max(
            (t.count_total or 0) for t in plan.targets_of(ind.id) if isinstance(t, MilestoneTarget)
        )
        return f"填：已完成的数量（0—{total}）| how many of the {total} are done"
    ytd = ind.flow and period.kind != "year"
    flow = "，年初至当期累计数" if ytd else ""
    flow_en = ", year to date" if ytd else ""
    return f"填数字，单位：{unit_zh}{flow} | a number in {unit_en}{flow_en}"


def to_csv(rows: list[TemplateRow]) -> bytes:
    """UTF-8 with BOM and CRLF, so Excel opens the Chinese correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(r.cells() for r in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(rows: list[TemplateRow], plan: Plan, target: Path) -> None:
    """A workbook with drop-down lists and locked id columns (openpyxl, imported here)."""
    from linyi_tracker.errors import require

    require("openpyxl", "an Excel template")
    from openpyxl import Workbook
    from openpyxl.styles import Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "submission"
    ws.append(list(HEADER))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(r.cells())
    ws.freeze_panes = "A2"
    widths = {
        "indicator": 34,
        "name_zh": 30,
        "name_en": 44,
        "period": 10,
        "region": 12,
        "value": 14,
        "unit": 10,
        "source": 28,
        "note": 30,
        "as_of": 12,
        "help": 60,
    }
    for i, name in enumerate(HEADER, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[name]
    col = {name: i + 1 for i, name in enumerate(HEADER)}
    last = len(rows) + 1
    regions = DataValidation(
        type="list",
        formula1='"' + ",".join(r.name.zh for r in plan.regions) + '"',
        allow_blank=True,
    )
    ws.add_data_validation(regions)
    regions.add(
        f"{get_column_letter(col['region'])}2:{get_column_letter(col['region'])}{max(last, 2)}"
    )
    judgements = DataValidation(
        type="list", formula1='"' + ",".join(JUDGEMENT_CHOICES) + '"', allow_blank=True
    )
    milestones = DataValidation(
        type="list", formula1='"' + ",".join(MILESTONE_CHOICES) + '"', allow_blank=True
    )
    ws.add_data_validation(judgements)
    ws.add_data_validation(milestones)
    value_letter = get_column_letter(col["value"])
    for row_number, r in enumerate(rows, start=2):
        if r.kind == "judgement":
            judgements.add(f"{value_letter}{row_number}")
        elif r.kind == "milestone":
            milestones.add(f"{value_letter}{row_number}")
    # Ids, names, period and unit are locked; the clerk picks the region and fills the rest.
    for name in EDITABLE:
        for row_number in range(2, max(last, 2) + 1):
            ws.cell(row=row_number, column=col[name]).protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    book.save(target)
