"""Start-up cost of `linyi-tracker status` against the floor of its own dependencies.

Each figure is measured in the same run as its baseline, as whole-process wall times
over repeated runs (median, min, max), and as import time from `python -X importtime`.
The machines are noisy: read the ratios, not the absolute seconds.

    python bench/startup.py            # 15 runs each
    python bench/startup.py --runs 40
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = "import typer, pydantic, yaml, rich"
FLOOR_TABLES = "import typer, pydantic, yaml, rich.console, rich.table"


def wall(cmd: list[str], runs: int, cwd: str) -> list[float]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        times.append(time.perf_counter() - start)
    return times


def import_time(statement: str, runs: int) -> list[float]:
    """Total cumulative import time (s) of the top-level modules a statement imports."""
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            capture_output=True,
            text=True,
            check=True,
        )
        total = 0
        for line in done.stderr.splitlines():
            m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
            if m and len(m.group(2)) == 1:  # top-level imports only: their cumulative time
                total += int(m.group(1))
        out.append(total / 1e6)
    return out


def row(name: str, values: list[float], base: list[float] | None) -> str:
    med = statistics.median(values)
    ratio = f"{med / statistics.median(base):.2f}×" if base else "1.00× (baseline)"
    return f"{name:<52} {med * 1000:8.1f} {min(values) * 1000:8.1f} {max(values) * 1000:8.1f}   {ratio}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("linyi-tracker")
    if exe is None:
        print(
            "linyi-tracker is not on PATH: install the project first (pip install .)",
            file=sys.stderr,
        )
        return 2
    empty = tempfile.mkdtemp(prefix="bench-startup-")
    wall(["linyi-tracker", "status"], 2, empty)  # warm the file cache
    floor = wall([sys.executable, "-c", FLOOR], args.runs, empty)
    floor_tables = wall([sys.executable, "-c", FLOOR_TABLES], args.runs, empty)
    status = wall(["linyi-tracker", "status"], args.runs, empty)
    json_status = wall(["linyi-tracker", "status", "--format", "json"], args.runs, empty)
    helps = wall(["linyi-tracker", "--help"], args.runs, empty)
    imp_floor = import_time(FLOOR, args.runs)
    imp_tool = import_time("import linyi_tracker.cli.app", args.runs)
    print(f"{args.runs} runs each, from an empty directory, embedded plan and data; times in ms")
    print(f"{'measure':<52} {'median':>8} {'min':>8} {'max':>8}   ratio to baseline")
    print("wall time, whole process")
    print(row(f"  python -c '{FLOOR}'", floor, None))
    print(row(f"  python -c '{FLOOR_TABLES}'", floor_tables, floor))
    print(row("  linyi-tracker status", status, floor))
    print(row("  linyi-tracker status --format json", json_status, floor))
    print(row("  linyi-tracker --help", helps, floor))
    print("import time (python -X importtime, cumulative of top-level imports)")
    print(row(f"  {FLOOR}", imp_floor, None))
    print(row("  import linyi_tracker.cli.app", imp_tool, imp_floor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
