"""The baseline: a plain `csv` loop doing validate's per-row checks and nothing more.

Header mapping, known indicator and region, period format, exact decimal with the
same rejections, unit check, duplicate and conflict keys. No findings catalogue, no
cross-row rules beyond duplicates, no messages. This is what "a careful script" costs.

    python bench/plain_loop.py PLAN.yaml SUBMISSION.csv
"""

from __future__ import annotations

import csv
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

PERIOD = re.compile(r"^(\d{4})(?:Q([1-4])|-(\d{2}))?$")
NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def main(plan_path: str, data_path: str) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    plan = yaml.load(Path(plan_path).read_text(encoding="utf-8"), Loader=loader)
    indicators = {i["id"] for i in plan["indicators"]}
    regions = {r["id"] for r in plan["regions"]} | {r["name"]["zh"] for r in plan["regions"]} | {""}
    units = {"人", "persons", ""}
    seen: dict[tuple[str, str, str], str] = {}
    errors = rows = 0
    with open(data_path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        ix = {
            name: header.index(name) for name in ("indicator", "period", "region", "value", "unit")
        }
        for cells in reader:
            rows += 1
            indicator, period, region = (
                cells[ix["indicator"]],
                cells[ix["period"]],
                cells[ix["region"]],
            )
            value, unit = cells[ix["value"]].strip(), cells[ix["unit"]]
            bad = indicator not in indicators or region not in regions or unit not in units
            m = PERIOD.match(period)
            if (
                m is None
                or not 2012 <= int(m.group(1)) <= 2020
                or (m.group(3) and not 1 <= int(m.group(3)) <= 12)
            ):
                bad = True
            if GROUPED.match(value):
                value = value.replace(",", "")
            if not NUMBER.match(value):
                bad = True
            else:
                number = Decimal(value)
                bad = bad or number < 0 or number != number.to_integral_value()
            key = (indicator, period, region)
            previous = seen.get(key)
            if previous is not None and previous != value:
                bad = True
            seen[key] = value
            errors += bad
    print(f"{rows} rows, {errors} rows with errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
