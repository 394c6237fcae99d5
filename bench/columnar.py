"""What a columnar reader would give: the plain loop's checks, written for polars.

The same rules as `plain_loop.py` (known indicator, region and unit, period form and
years, plain or comma-grouped decimals, whole and not negative, duplicate keys with
different values), on whole columns at once. It prints the same line as the plain loop,
so `run.py` can check that both found the same rows. Optional: it runs only where
polars is installed (`pip install '.[bench]'`); nothing in linyi-tracker uses polars.

    python bench/columnar.py PLAN.yaml SUBMISSION.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import yaml


def main(plan_path: str, data_path: str) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    plan = yaml.load(Path(plan_path).read_text(encoding="utf-8"), Loader=loader)
    indicators = [i["id"] for i in plan["indicators"]]
    regions = [r["id"] for r in plan["regions"]] + [r["name"]["zh"] for r in plan["regions"]]
    frame = pl.scan_csv(data_path, infer_schema=False).with_columns(
        pl.col(c).fill_null("") for c in ("indicator", "period", "region", "value", "unit")
    )
    period = pl.col("period").str.extract_groups(r"^(\d{4})(?:Q([1-4])|-(\d{2}))?$")
    year = period.struct.field("1").cast(pl.Int32, strict=False)
    month = period.struct.field("3").cast(pl.Int32, strict=False)
    value = pl.col("value").str.strip_chars()
    value = (
        pl.when(value.str.contains(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"))
        .then(value.str.replace_all(",", ""))
        .otherwise(value)
    )
    plain = value.str.contains(r"^-?[0-9]+(?:\.[0-9]+)?$")
    # Whole and not negative, decided on the text (no float rounding): digits only, or
    # a fraction of zeros.
    whole = value.str.contains(r"^[0-9]+(?:\.0+)?$")
    bad = (
        ~pl.col("indicator").is_in(indicators)
        | ~(pl.col("region").is_in(regions) | (pl.col("region") == ""))
        | ~pl.col("unit").is_in(["人", "persons", ""])
        | year.is_null()
        | ~year.is_between(2012, 2020)
        | (month.is_not_null() & ~month.is_between(1, 12))
        | ~plain
        | ~whole
    )
    # A key seen before with another value: every later row that differs from the one
    # just before it (the plain loop compares with the previous value of the key).
    key = ["indicator", "period", "region"]
    checked = (
        frame.with_columns(value.alias("clean"), bad.fill_null(True).alias("bad"))
        .with_row_index("row")
        .with_columns(pl.col("clean").shift(1).over(key, order_by="row").alias("previous"))
        .with_columns(
            (
                pl.col("bad")
                | (pl.col("previous").is_not_null() & (pl.col("previous") != pl.col("clean")))
            ).alias("bad")
        )
        .select(pl.len().alias("rows"), pl.col("bad").sum().alias("errors"))
        .collect()
    )
    rows, errors = checked.row(0)
    print(f"{rows} rows, {errors} rows with errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
