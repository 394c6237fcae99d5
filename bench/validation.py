"""Validation throughput: `linyi-tracker validate` against a plain csv loop and frictionless.

All three run as separate processes on the same generated files, in the same run;
each figure is the median of repeated runs, with peak memory (max RSS) from the OS.

    python bench/validation.py --rows 1000000 [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(cmd: list[str], runs: int, cwd: Path | None = None) -> tuple[list[float], int]:
    """Wall times of `runs` runs and the largest peak RSS (KiB) among them.

    A run must end as validation does (0 clean, 1 findings); anything else means the
    tool did not do the work, and the benchmark stops rather than print a false figure.
    """
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(
                f"{' '.join(cmd)} failed with exit {code}: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}"
            )
    return times, peak


def schema(plan: Path, out: Path) -> Path:
    """A Table Schema equivalent to the checks: enums, pattern, number ≥ 0, unique key."""
    import yaml

    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    descriptor = {
        "fields": [
            {
                "name": "indicator",
                "type": "string",
                "constraints": {"required": True, "enum": [i["id"] for i in data["indicators"]]},
            },
            {
                "name": "period",
                "type": "string",
                "constraints": {
                    "required": True,
                    "pattern": r"(2012|2013|2014|2015|2016|2017|2018|2019|2020)(Q[1-4]|-(0[1-9]|1[0-2]))?",
                },
            },
            {
                "name": "region",
                "type": "string",
                "constraints": {"enum": [r["id"] for r in data["regions"]]},
            },
            {"name": "value", "type": "integer", "constraints": {"required": True, "minimum": 0}},
            {"name": "unit", "type": "string", "constraints": {"enum": ["人", "persons"]}},
            {"name": "source", "type": "string"},
            {"name": "note", "type": "string"},
        ],
        "primaryKey": ["indicator", "period", "region"],
    }
    path = out / "schema.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--keep", type=Path, help="folder for the generated files (default: a temporary one)"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-validate-"))
    work.mkdir(parents=True, exist_ok=True)
    plan, data = work / "plan.yaml", work / "submission.csv"
    if not data.is_file() or sum(1 for _ in data.open("rb")) - 1 != args.rows:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--rows",
                str(args.rows),
                "--out",
                str(work),
            ],
            check=True,
        )
    tool = shutil.which("linyi-tracker")
    if tool is None:
        print("linyi-tracker is not on PATH: pip install . first", file=sys.stderr)
        return 2
    results = []
    plain = measure([sys.executable, str(HERE / "plain_loop.py"), str(plan), str(data)], args.runs)
    results.append(("plain csv loop (baseline)", plain))
    ours = measure(
        [tool, "validate", str(data), "--plan", str(plan), "--no-store", "--format", "json"],
        args.runs,
    )
    results.append(("linyi-tracker validate", ours))
    frictionless = shutil.which("frictionless")
    if frictionless:
        schema(plan, work)
        # frictionless refuses absolute paths as unsafe, and stops at 1,000 errors by default:
        # run it in the folder, with relative names and no error limit, and check it read every row.
        cmd = [
            frictionless,
            "validate",
            "--schema",
            "schema.json",
            "submission.csv",
            "--json",
            "--limit-errors",
            "100000000",
        ]
        check = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        read = json.loads(check.stdout)["tasks"][0]["stats"]["rows"]
        if read != args.rows:
            raise SystemExit(
                f"frictionless read {read} rows, not {args.rows}: not a comparable run"
            )
        fr = measure(cmd, max(1, args.runs - 2), cwd=work)
        results.append(("frictionless validate", fr))
    base = statistics.median(plain[0])
    print(
        f"validate {args.rows:,} rows ({data.stat().st_size / 1e6:.0f} MB); median of {args.runs} runs; peak RSS from the OS"
    )
    print(
        f"{'tool':<28} {'median s':>9} {'min s':>7} {'max s':>7} {'rows/s':>11} {'peak MB':>8}  ratio to baseline"
    )
    for name, (times, peak) in results:
        med = statistics.median(times)
        print(
            f"{name:<28} {med:9.2f} {min(times):7.2f} {max(times):7.2f} {args.rows / med:11,.0f} {peak / 1024:8.0f}  {med / base:.2f}×"
        )
    if not frictionless:
        print("frictionless is not installed (pip install '.[bench]' to compare with it)")
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
