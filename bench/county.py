"""The county shape: the bench's rows written again as county clerks write them.

The bench's generators (``store.py``, ``generate.py``) write English headers, ids and
ISO periods. Clerks write the same figures differently, and this module rewrites each
of the bench's rows so (fixed seed, its own random stream, so the bench's figures are
untouched):

- Chinese headers the reader takes (指标 for the indicator, 期间 or 时间, 地区 or 区县,
  数值 or 值, 单位, 来源, 备注), the indicator by its Chinese name from the plan;
- regions by their Chinese names (data/plan.yaml's counties), some with the city in
  front (临沂市兰山区); the city as 临沂市;
- periods as 2017年9月 or 2017-09, years as 2017年, 2017 or 2017年度 (the bench's rows
  are monthly and yearly: quarters do not occur, so neither do quarter forms);
- about 15 % of figures in 万 (1.3207万 with unit 人, or 1.3207 with unit 万人), 10 %
  with thousands separators (13,207), 3 % in full-width digits (１３２０７);
- a minority of files in GB18030 (two counties) or UTF-8 with a BOM (two more), the
  rest UTF-8.

Every figure reads as the same number as the bench's (tests/test_bench_shapes.py
checks ``status --format json`` gives the same figures on both shapes).
"""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal
from pathlib import Path

SEED = 20150302  # the rewrite's own stream: the bench's figures come from its generator
CITY_ZH = "临沂市"
_PLAN = Path(__file__).resolve().parent.parent / "data" / "plan.yaml"
# Linyi's counties (data/plan.yaml), by the bench store's region ids.
LINYI_COUNTIES = {
    "lanshan": "兰山区",
    "luozhuang": "罗庄区",
    "hedong": "河东区",
    "yinan": "沂南县",
    "tancheng": "郯城县",
    "yishui": "沂水县",
    "lanling": "兰陵县",
    "feixian": "费县",
    "pingyi": "平邑县",
    "junan": "莒南县",
    "mengyin": "蒙阴县",
    "linshu": "临沭县",
}
GB18030_REGIONS = frozenset({"yishui", "pingyi"})
BOM_REGIONS = frozenset({"tancheng", "mengyin"})
# Stems for more counties than Linyi has (the validation plan has 100).
_STEM = "安宁平康泰和丰乐华兴昌盛永福长青明德嘉祥"


def indicator_names(count: int) -> list[str]:
    """Chinese names for ``count`` indicators: data/plan.yaml's, then the same with a
    group number (城镇新增就业人数（2）)."""
    import yaml

    plan = yaml.safe_load(_PLAN.read_text(encoding="utf-8"))
    base = [i["name"]["zh"] for i in plan["indicators"]]
    return [
        base[i % len(base)] + ("" if i < len(base) else f"（{i // len(base) + 1}）")
        for i in range(count)
    ]


def county_names(count: int) -> list[str]:
    """Chinese names for ``count`` counties: Linyi's twelve, then 安宁县, 安平县 …"""
    names = list(LINYI_COUNTIES.values())
    for a in _STEM:
        for b in _STEM:
            if len(names) >= count:
                return names[:count]
            if a != b:
                names.append(f"{a}{b}县")
    if len(names) < count:
        raise ValueError(f"no names for {count} counties")
    return names[:count]


def wan(value: int) -> str:
    """13207 → '1.3207', 130000 → '13': the figure in 万, exactly."""
    return format(Decimal(value).scaleb(-4).normalize(), "f")


class Rewriter:
    """Rewrites the bench's rows one by one; its choices come from one seeded stream."""

    def __init__(self, indicators: list[str], regions: dict[str, str], unit: str = "人") -> None:
        self.rng = random.Random(SEED)
        self.indicators = indicators  # index → Chinese name
        self.regions = regions  # region id → Chinese name ("" → the city)
        self.unit = unit

    def header(self) -> list[str]:
        r = self.rng.random
        return [
            "指标",
            "期间" if r() < 0.7 else "时间",
            "地区" if r() < 0.7 else "区县",
            "数值" if r() < 0.7 else "值",
            "单位",
            "来源",
            "备注",
        ]

    def region(self, region: str) -> str:
        if not region:
            return CITY_ZH
        name = self.regions[region]
        return f"{CITY_ZH}{name}" if self.rng.random() < 0.3 else name

    @staticmethod
    def period(year: int, month: int | None, forms: tuple[int, int]) -> str:
        if month is None:
            return (f"{year}年", str(year), f"{year}年度")[forms[1]]
        return f"{year}年{month}月" if forms[0] else f"{year}-{month:02d}"

    def value(self, value: int) -> tuple[str, str]:
        """The figure and its unit, as a clerk might write them."""
        roll = self.rng.random()
        if roll < 0.075:
            return f"{wan(value)}万", self.unit
        if roll < 0.15:
            return wan(value), f"万{self.unit}"
        if roll < 0.25 and value >= 1000:
            return f"{value:,}", self.unit
        if roll < 0.28:
            return str(value).translate(_FULL_WIDTH), self.unit
        return str(value), self.unit

    def row(
        self, indicator: int, year: int, month: int | None, region: str, value: int, source: str
    ) -> list[str]:
        forms = (self.rng.random() < 0.6, 0) if month is not None else (0, self.rng.randrange(3))
        text, unit = self.value(value)
        return [
            self.indicators[indicator],
            self.period(year, month, (int(forms[0]), forms[1])),
            self.region(region),
            text,
            unit,
            source,
            "",
        ]


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def encoding_of(region: str) -> str:
    """The file encoding a county's clerk saves with."""
    if region in GB18030_REGIONS:
        return "gb18030"
    if region in BOM_REGIONS:
        return "utf-8-sig"
    return "utf-8"


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
