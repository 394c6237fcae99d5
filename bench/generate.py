"""Generate a benchmark plan and a large submission for it (fixed seed, no network).

A province-wide use means many more keys than Linyi's plan has (28 targets, 13
regions), so the benchmark plan has many indicators and regions: the tool reads it as
it reads any plan. The submission is monthly year-to-date data, every key once, with a
small share of rows that carry the mistakes validation must catch (so the checks run,
not only the happy path).

    python bench/generate.py --rows 1000000 --out /tmp/bench     # plan.yaml + submission.csv
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
YEARS = range(2015, 2021)


def plan_yaml(indicators: int, regions: int) -> str:
    lines = [
        "schema_version: 1",
        "plan:",
        "  id: bench",
        "  title: {zh: 基准测试规划, en: Benchmark plan}",
        "  period: {start: 2015, end: 2020}",
        "  source: {zh: 生成, en: generated}",
        "units:",
        "  - {id: persons, name: {zh: 人, en: persons}, kind: count, conversions: {万人: 10000}}",
        "regions:",
        f"  - {{id: city, level: city, name: {{zh: {county.CITY_ZH}, en: City}}, aliases: [全市]}}",
    ]
    lines += [
        f"  - {{id: r{i:03d}, level: county, name: {{zh: {name}, en: County {i:03d}}}}}"
        for i, name in enumerate(county.county_names(regions))
    ]
    names = county.indicator_names(indicators)
    lines += ["systems:", "  - {id: s1, number: 1, name: {zh: 体系, en: System}}", "indicators:"]
    lines += [
        f"  - {{id: ind{i:03d}, system: s1, name: {{zh: {json.dumps(names[i], ensure_ascii=False)}, en: Indicator {i:03d}}}, unit: persons, "
        "direction: higher, aggregate: sum, flow: true}"
        for i in range(indicators)
    ]
    lines.append("targets:")
    for i in range(indicators):
        lines += [
            f"  - id: ind{i:03d}.annual",
            f"    indicator: ind{i:03d}",
            "    kind: annual",
            '    comparator: ">="',
            "    value: 100000",
            "    start: 2015",
            "    deadline: 2020",
            "    deadline_from: article",
            "    quote: 生成的目标",
        ]
    return "\n".join(lines) + "\n"


def shape(rows: int) -> tuple[int, int]:
    """Indicators and regions so that indicators × regions × 72 months ≥ rows."""
    regions = 100
    indicators = max(1, -(-rows // (regions * len(YEARS) * 12)))
    return indicators, regions


def rows(rows: int, indicators: int, regions: int) -> Iterator[tuple[int, int, int, int, str]]:
    """The submission's rows in order: (indicator, region, year, month, value as the
    bench writes it — the year-to-date figure, a few with separators, a few 'N/A')."""
    rng = random.Random(SEED)
    written = 0
    for i in range(indicators):
        for r in range(regions):
            base = rng.randint(50, 500)
            for year in YEARS:
                total = 0
                for month in range(1, 13):
                    if written >= rows:
                        return
                    total += base + rng.randint(0, 40)
                    value = str(total)
                    roll = rng.random()
                    if roll < 0.001:
                        value = f"{total:,}"  # thousands separators, quoted when written
                    elif roll < 0.0015:
                        value = "N/A"
                    yield i, r, year, month, value
                    written += 1


def write_submission(path: Path, rows_wanted: int, indicators: int, regions: int) -> int:
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,period,region,value,unit,source,note\n")
        for i, r, year, month, value in rows(rows_wanted, indicators, regions):
            if "," in value:
                value = f'"{value}"'
            out.write(f"ind{i:03d},{year}-{month:02d},r{r:03d},{value},人,bench county report,\n")
            written += 1
    return written


# Bad rows of the county shape beside the bench's own 'N/A' rows: the placeholders
# clerks write for a missing figure (each an invalid-number error, as 'N/A' is).
COUNTY_BAD = 0.05
PLACEHOLDERS = ("N/A", "—", "无", "-", "/")


def write_county_submission(path: Path, rows_wanted: int, indicators: int, regions: int) -> int:
    """The bench's rows as a county clerk writes them (county.py), with ~5 % bad rows:
    the bench's 'N/A' rows and as many more placeholders."""
    rewrite = county.Rewriter(
        county.indicator_names(indicators),
        {f"r{r:03d}": name for r, name in enumerate(county.county_names(regions))},
    )
    table = [rewrite.header()]
    for i, r, year, month, value in rows(rows_wanted, indicators, regions):
        figure = 0 if value == "N/A" else int(value.replace(",", ""))
        row = rewrite.row(i, year, month, f"r{r:03d}", figure, "bench county report")
        if value == "N/A" or rewrite.rng.random() < COUNTY_BAD:
            row[3] = PLACEHOLDERS[rewrite.rng.randrange(len(PLACEHOLDERS))]
            row[4] = rewrite.unit
        table.append(row)
    county.write_csv(path, table, "utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    return len(table) - 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--shape",
        choices=["bench", "county"],
        default="bench",
        help="bench: English headers, ids, ISO periods; county: as clerks write them (county.py)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    indicators, regions = shape(args.rows)
    (args.out / "plan.yaml").write_text(plan_yaml(indicators, regions), encoding="utf-8")
    write = write_county_submission if args.shape == "county" else write_submission
    n = write(args.out / "submission.csv", args.rows, indicators, regions)
    print(
        f"wrote {args.out}/plan.yaml ({indicators} indicators, {regions} regions) and submission.csv ({n:,} rows)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
