"""The baseline: a plain `csv` loop doing validate's per-row checks and nothing more.

Header mapping, known indicator and region, period format, exact decimal with the
same rejections, unit check, duplicate and conflict keys. It does the county shape's
readings too (county.py): Chinese headers, indicators and regions by their Chinese
names (临沂市 in front of a county's), 2017年9月 and 2017年度, full-width digits, 万 and
万人, thousands separators — each by the simplest rule that reads the generated files. No findings catalogue, no
cross-row rules beyond duplicates, no messages. This is what "a careful script" costs.

    python bench/plain_loop.py PLAN.yaml SUBMISSION.csv
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import yaml

PERIOD = re.compile(r"^(\d{4})(?:Q([1-4])|-(\d{2}))?$")
# The county shape's forms: 2017年, 2017年度, 2017年9月, 2017年第三季度.
ZH_PERIOD = re.compile(r"^(\d{4})年(?:度|(\d{1,2})月|第([1-4一二三四])季度)?$")
QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
# The names each column goes by: the bench's, and the Chinese headers clerks write.
COLUMNS = {
    "indicator": ("indicator", "指标代码", "指标"),
    "period": ("period", "期间", "年份", "时间"),
    "region": ("region", "地区", "区县"),
    "value": ("value", "数值", "值"),
    "unit": ("unit", "单位"),
}
WAN = Decimal(10_000)


def zh_period(text: str) -> tuple[int, str] | None:
    """The year and the canonical text of a Chinese period (2017年9月 → 2017-09), or None."""
    m = ZH_PERIOD.match(text)
    if m is None:
        return None
    year = m.group(1)
    if m.group(2):
        month = int(m.group(2))
        return (int(year), f"{year}-{month:02d}") if 1 <= month <= 12 else None
    if m.group(3):
        return int(year), f"{year}Q{QUARTERS[m.group(3)]}"
    return int(year), year


def main(plan_path: str, data_path: str) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    plan = yaml.load(Path(plan_path).read_text(encoding="utf-8"), Loader=loader)
    # Indicators by id or Chinese name, regions by id or name, a county's name also
    # with the city's in front (临沂市兰山区): each text to its id.
    indicators = {i["id"]: i["id"] for i in plan["indicators"]}
    indicators |= {i["name"]["zh"]: i["id"] for i in plan["indicators"]}
    regions = {r["id"]: r["id"] for r in plan["regions"]}
    regions |= {r["name"]["zh"]: r["id"] for r in plan["regions"]} | {"": ""}
    city = next(r["name"]["zh"] for r in plan["regions"] if r["level"] == "city")
    units = {"人", "persons", ""}
    seen: dict[tuple[str, str, str], object] = {}
    errors = rows = 0
    with open(data_path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader)]
        ix = {
            column: next(header.index(n) for n in names if n in header)
            for column, names in COLUMNS.items()
        }
        for cells in reader:
            rows += 1
            indicator = indicators.get(cells[ix["indicator"]])
            region = regions.get(cells[ix["region"]])
            if region is None and cells[ix["region"]].startswith(city):
                region = regions.get(cells[ix["region"]][len(city) :])
            value, unit = cells[ix["value"]].strip(), cells[ix["unit"]]
            factor = 1
            if unit == "万人":
                factor = WAN
            elif unit not in units:
                unit = None
            bad = indicator is None or region is None or unit is None
            text = cells[ix["period"]]
            m = PERIOD.match(text)
            if m is not None:  # the bench's form, as the loop read it before county.py
                period = (int(m.group(1)), text)
                if m.group(3) and not 1 <= int(m.group(3)) <= 12:
                    bad = True
            else:
                period = zh_period(text)
            if period is None or not 2012 <= period[0] <= 2020:
                bad = True
            if not value.isascii():  # full-width digits
                value = unicodedata.normalize("NFKC", value)
            if value.endswith("万"):
                value, factor = value[:-1], WAN
            if GROUPED.match(value):
                value = value.replace(",", "")
            number: object = value
            if not NUMBER.match(value):
                bad = True
            else:
                number = Decimal(value) * factor
                bad = bad or number < 0 or number != number.to_integral_value()
            key = (str(indicator), period[1] if period else "", str(region))
            previous = seen.get(key)
            if previous is not None and previous != number:
                bad = True
            seen[key] = number
            errors += bad
    print(f"{rows} rows, {errors} rows with errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
