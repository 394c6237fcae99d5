"""Generate a synthetic store: a plan and a data folder of N observations.

12 regions and the city, monthly year-to-date figures for 2015–2020 plus full years,
one annual target per indicator; as many indicators as N needs. One CSV per region,
as counties send them. Fixed seed; the files are in the canonical form ingest writes.

    python bench/store.py --observations 100000 --out /tmp/store-100k
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

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
        "  - {id: persons, name: {zh: 人, en: persons}, kind: count}",
        "regions:",
        "  - {id: city, level: city, name: {zh: 全市, en: City}}",
    ]
    out += [
        f"  - {{id: {r}, level: county, name: {{zh: 县{i}, en: County {i}}}}}"
        for i, r in enumerate(REGIONS)
    ]
    out += ["systems:", "  - {id: s1, number: 1, name: {zh: 体系, en: System}}", "indicators:"]
    out += [
        f"  - {{id: ind{i:04d}, system: s1, name: {{zh: 指标{i:04d}, en: Indicator {i:04d}}}, unit: persons, "
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


def generate(observations: int, out: Path) -> tuple[int, int]:
    indicators = max(1, -(-observations // PER_INDICATOR))
    out.mkdir(parents=True, exist_ok=True)
    (out / "plan.yaml").write_text(plan_yaml(indicators), encoding="utf-8")
    data = out / "actuals"
    data.mkdir(exist_ok=True)
    rng = random.Random(SEED)
    written = 0
    handles = {r: (data / f"{r}.csv").open("w", encoding="utf-8") for r in [*REGIONS, "city"]}
    try:
        for h in handles.values():
            h.write("indicator,period,region,value,unit,source,note\n")
        for i in range(indicators):
            for year in YEARS:
                totals = [0] * 12
                for month in range(1, 13):
                    for k, region in enumerate(REGIONS):
                        if written >= observations:
                            return written, indicators
                        totals[k] += rng.randint(700, 1100)
                        handles[region].write(
                            f"ind{i:04d},{year}-{month:02d},{region},{totals[k]},persons,bench,\n"
                        )
                        written += 1
                    if month == 12:
                        for k, region in enumerate(REGIONS):
                            if written >= observations:
                                return written, indicators
                            handles[region].write(
                                f"ind{i:04d},{year},{region},{totals[k]},persons,bench,\n"
                            )
                            written += 1
                    if written >= observations:
                        return written, indicators
                    handles["city"].write(
                        f"ind{i:04d},{year}-{month:02d},,{sum(totals)},persons,bench,\n"
                    )
                    written += 1
    finally:
        for h in handles.values():
            h.close()
    return written, indicators


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--observations", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    n, k = generate(args.observations, args.out)
    print(
        f"wrote {args.out}: {n:,} observations, {k} indicators, {len(REGIONS)} regions and the city"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
