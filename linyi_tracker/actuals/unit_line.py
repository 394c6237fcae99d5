"""A line outside the table that says what unit its figures are in (单位：万人).

Office tables put the unit in the title (临沂市2017年民生指标完成情况（单位：万人）), on a
line of its own above the header (金额单位：万元) or in a note below the table; the
format's unit column is then missing. Such a line was skipped as a title and the figures
read in the plan's units: 12 (万人) stored as 12 persons. A line is said to state a unit
when a 单位/Unit label is followed by a name the plan's units convert with a factor other
than 1 (万人, 万元, 万平方米); 填报单位 (the reporting office) and a unit the figures are
already in (人, 元, %) are not.
"""

from __future__ import annotations

import re
import unicodedata

from linyi_tracker.actuals.units import unit_factor
from linyi_tracker.plan.models import Plan, Unit

# 单位 wherever it stands (金额单位, 表中单位为), then 为/是, a colon or a bracket (单位(万元)),
# and the unit, 人民币 around it left out (人民币万元, 万元（人民币）). 填报单位：兰山区人社局
# and other offices' names are passed over by what follows: no unit of the plan.
_LABEL = re.compile(
    r"单位\s*(?:为|是)?\s*[:(\[]?\s*(?:人民币)?([^()\[\]\s;]+)"
    r"|(?i:\bunits?\s*:\s*)([^)\]\s;]+)"
)
_CURRENCY = "人民币"
_PARTS = re.compile(r"[、,/]")


def stated_unit(row: list[str], plan: Plan) -> tuple[int, str, str] | None:
    """The first cell of ``row`` stating a unit for the figures, as (index, the cell's
    text, the unit written), or None."""
    for i, cell in enumerate(row):
        text = unicodedata.normalize("NFKC", cell).strip()
        if not text:
            continue
        for match in _LABEL.finditer(text):
            written = (match.group(1) or match.group(2) or "").rstrip("。.")
            written = written.removesuffix(_CURRENCY)
            if any(magnifies(written, unit) for unit in plan.units):
                return i, cell.strip(), written
    return None


def magnifies(written: str, unit: Unit) -> bool:
    """Whether a stated unit (or one of its parts: 万人、万元) is ``unit`` under another
    magnitude (万人 for 人): figures in it read in ``unit`` would be wrong."""
    for part in _PARTS.split(written):
        factor = unit_factor(part, unit)
        if factor is not None and factor != 1:
            return True
    return False
