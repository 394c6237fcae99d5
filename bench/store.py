"""Generate a synthetic store: a plan and a data folder of N observations.

12 regions and the city, monthly year-to-date figures for 2015–2020 plus full years,
one annual target per indicator; as many indicators as N needs. One CSV per region,
as counties send them. Fixed seed; the files are in the canonical form ingest writes.

    python bench/store.py --observations 100000 --out /tmp/store-100k
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import county  # bench/ is no package: its scripts run by path

SEED = 20150301
REGIONS = [
    "lanshan",
    "luozhuang",
    "hedong",
    "yinan",
    "tancheng",
    "yishui",
    "lanling",
    "feixian",
    "pingyi",
    "junan",
    "mengyin",
    "linshu",
]
YEARS = range(2015, 2021)
PER_INDICATOR = (len(REGIONS) + 1) * len(YEARS) * 13  # 12 months and the year, 13 places


def plan_yaml(indicators: int) -> str:
    out = [
        "schema_version: 1",
        "plan:",
        "  id: bench-store",
        "  title: {zh: 基准存储, en: Benchmark store}",
        "  period: {start: 2015, end: 2020}",
        "  source: {zh: 生成, en: generated}",
        "units:",
        "  - {id: persons, name: {zh: 人, en: persons}, kind: count, conversions: {万人: 10000}}",
        "regions:",
        f"  - {{id: city, level: city, name: {{zh: {county.CITY_ZH}, en: City}}, aliases: [全市]}}",
    ]
    out += [
        f"  - {{id: {r}, level: county, name: {{zh: {county.LINYI_COUNTIES[r]}, en: County {i}}}}}"
        for i, r in enumerate(REGIONS)
    ]
    names = county.indicator_names(indicators)
    out += ["systems:", "  - {id: s1, number: 1, name: {zh: 体系, en: System}}", "indicators:"]
    out += [
        f"  - {{id: ind{i:04d}, system: s1, name: {{zh: {json.dumps(names[i], ensure_ascii=False)}, en: Indicator {i:04d}}}, unit: persons, "
        "direction: higher, aggregate: sum, flow: true}"
        for i in range(indicators)
    ]
    out.append("targets:")
    for i in range(indicators):
        out += [
            f"  - id: ind{i:04d}.annual",
            f"    indicator: ind{i:04d}",
            "    kind: annual",
            '    comparator: ">="',
            "    value: 130000",
            "    start: 2015",
            "    deadline: 2020",
            "    deadline_from: article",
            "    quote: 生成的目标",
        ]
    return "\n".join(out) + "\n"


def rows(observations: int) -> Iterator[tuple[int, int, int | None, str, int]]:
    """The store's figures in the order written: (indicator, year, month or None for the
    year, region id or "" for the city, value)."""
    indicators = max(1, -(-observations // PER_INDICATOR))
    rng = random.Random(SEED)
    written = 0
    for i in range(indicators):
        for year in YEARS:
            totals = [0] * 12
            for month in range(1, 13):
                for k, region in enumerate(REGIONS):
                    if written >= observations:
                        return
                    totals[k] += rng.randint(700, 1100)
                    yield i, year, month, region, totals[k]
                    written += 1
                if month == 12:
                    for k, region in enumerate(REGIONS):
                        if written >= observations:
                            return
                        yield i, year, None, region, totals[k]
                        written += 1
                if written >= observations:
                    return
                yield i, year, month, "", sum(totals)
                written += 1


def generate(observations: int, out: Path, shape: str = "bench") -> tuple[int, int]:
    indicators = max(1, -(-observations // PER_INDICATOR))
    out.mkdir(parents=True, exist_ok=True)
    (out / "plan.yaml").write_text(plan_yaml(indicators), encoding="utf-8")
    data = out / "actuals"
    data.mkdir(exist_ok=True)
    if shape == "county":
        return write_county(data, observations, indicators), indicators
    written = 0
    handles = {r: (data / f"{r}.csv").open("w", encoding="utf-8") for r in [*REGIONS, "city"]}
    try:
        for h in handles.values():
            h.write("indicator,period,region,value,unit,source,note\n")
        for i, year, month, region, value in rows(observations):
            period = f"{year}" if month is None else f"{year}-{month:02d}"
            handles[region or "city"].write(
                f"ind{i:04d},{period},{region},{value},persons,bench,\n"
            )
            written += 1
    finally:
        for h in handles.values():
            h.close()
    return written, indicators


def write_county(data: Path, observations: int, indicators: int) -> int:
    """The same figures as counties send them (county.py): one file a county and month,
    the year's figures in December's."""
    rewrite = county.Rewriter(county.indicator_names(indicators), county.LINYI_COUNTIES, unit="人")
    files: dict[tuple[str, int, int], list[list[str]]] = {}
    written = 0
    for i, year, month, region, value in rows(observations):
        key = (region or "city", year, month or 12)
        if key not in files:
            files[key] = [rewrite.header()]
        files[key].append(rewrite.row(i, year, month, region, value, "bench"))
        written += 1
    for (region, year, month), table in files.items():
        name = county.CITY_ZH if region == "city" else county.LINYI_COUNTIES[region]
        path = data / f"{name}{year}年{month}月.csv"
        county.write_csv(path, table, county.encoding_of(region))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--observations", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--shape",
        choices=["bench", "county"],
        default="bench",
        help="bench: English headers, ids, ISO periods; county: as clerks write them (county.py)",
    )
    args = parser.parse_args()
    n, k = generate(args.observations, args.out, args.shape)
    print(
        f"wrote {args.out}: {n:,} observations, {k} indicators, {len(REGIONS)} regions and the city"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
