"""One command for every benchmark: each figure beside its baseline, measured in the same run.

    python bench/run.py            # the full run (over 45 minutes on 2 cores, both shapes)
    python bench/run.py --quick    # smaller sizes, fewer runs (about a minute)

Three groups, printed as one table (median of repeated whole-process runs, min–max,
peak RSS of the child from the OS, and the ratio to the row's baseline):

1. Start-up: `linyi-tracker --help` against `python -c "import typer, pydantic, yaml,
   rich.console, rich.table"`, the floor of the tool's own imports; `linyi-tracker status`
   against an empty typer command with the same options that imports rich's console and
   table (typer ≥ 0.24 validates options with pydantic): what `status` costs on top of its
   stack is the plan, the data, the assessment and the table.
2. Validation: `validate` on generated submissions against a plain `csv` loop doing
   the same per-row checks, and `frictionless validate` with an equivalent Table Schema
   when it is installed (`pip install '.[bench]'`).
3. Store scale: `status --format json` and `report --format json|html` over synthetic
   stores against the time to merely parse the same CSV files, with the store cache
   off (every row read and checked) and on (files unchanged since the last run); the
   growth exponent from the middle to the largest size (10× the data should cost at
   most 11× the time).

Validation and store rows are measured on both shapes of the same figures (``--shape``):
the bench's own (English headers, ids, ISO periods) and as counties send them
(``county.py``), size by size in one run, each against its own baseline.

Every child runs with LINYI_TRACKER_CACHE set: off, or a folder under the work folder,
so a benchmark never reads or fills the user's own cache.

The package being measured is byte-compiled first (``compileall``), as pip leaves an
installed package: with an editable install and PYTHONDONTWRITEBYTECODE set (some
sandboxes and CI images set it), every run would otherwise compile every module again,
and the start-up figures would measure the compiler (about 60 ms of ``status``).

Generated files go to a temporary folder (or --work DIR, kept for reuse).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = "import typer, pydantic, yaml, rich.console, rich.table"
EMPTY_TYPER = (
    "import typer\napp = typer.Typer()\n@app.command()\ndef status(as_of: str = '', lang: str = '') -> None:\n"
    "    pass\n@app.command()\ndef other() -> None:\n    pass\napp()\n"
)
# The stack `status` stands on: the empty command, with the console and the table it draws.
EMPTY_TYPER_RICH = "import rich.console, rich.table\n" + EMPTY_TYPER
# Each file as UTF-8 (with or without a BOM), else GB18030, as the reader decides.
PARSE = (
    "import csv, pathlib, sys\nn = 0\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.csv')):\n"
    "    try:\n        with p.open(encoding='utf-8-sig', newline='') as f:\n"
    "            for row in csv.reader(f):\n                n += 1\n"
    "    except UnicodeDecodeError:\n        with p.open(encoding='gb18030', newline='') as f:\n"
    "            for row in csv.reader(f):\n                n += 1\nprint(n)\n"
)
SHAPES = ("bench", "county")


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


@dataclass
class Figure:
    group: str
    name: str
    times: list[float]
    peak_kib: int
    baseline: str | None = None  # the name of this row's baseline row

    @property
    def median(self) -> float:
        return statistics.median(self.times)


class Progress(list[Figure]):
    """The figures, each shown on stderr as it is measured (a full run takes long)."""

    def append(self, figure: Figure) -> None:
        super().append(figure)
        print(
            f"{figure.group:<38} {figure.name:<52} {figure.median:8.3f} "
            f"{figure.peak_kib / 1024:8.0f} MB",
            file=sys.stderr,
            flush=True,
        )


def run(
    cmd: list[str],
    runs: int,
    cwd: Path | None = None,
    ok: tuple[int, ...] = (0,),
    cache: Path | None = None,
    prime: bool = True,
) -> tuple[list[float], int]:
    """Wall times and the largest peak RSS (KiB) of `runs` whole-process runs.

    The store cache is off unless ``cache`` names its folder; then one unmeasured run
    fills it first, so every measured run finds it (files unchanged since last time).
    """
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    env["LINYI_TRACKER_CACHE"] = str(cache) if cache is not None else "off"
    if cache is not None and prime:
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            err = proc.stderr.read().decode(errors="replace")[-600:] if proc.stderr else ""
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{err}")
    return times, peak


def startup(figures: list[Figure], runs: int, tool: str, empty: Path) -> None:
    g = "start-up"
    figures.append(
        Figure(
            g,
            "floor: python -c 'import typer, pydantic, yaml, rich…'",
            *run([sys.executable, "-c", FLOOR], runs, empty),
        )
    )
    base = figures[-1].name
    figures.append(
        Figure(
            g,
            "an empty typer command (context)",
            *run([sys.executable, "-c", EMPTY_TYPER, "status"], runs, empty),
            base,
        )
    )
    figures.append(
        Figure(
            g,
            "empty typer command + rich console, table (base)",
            *run([sys.executable, "-c", EMPTY_TYPER_RICH, "status"], runs, empty),
        )
    )
    stack = figures[-1].name
    figures.append(Figure(g, "linyi-tracker status", *run([tool, "status"], runs, empty), stack))
    figures.append(Figure(g, "linyi-tracker --help", *run([tool, "--help"], runs, empty), base))


def generate(script: str, size_option: str, size: int, out: Path, shape: str) -> None:
    """Run one of the generators in this folder (fixed seed) into ``out``."""
    subprocess.run(
        [
            sys.executable,
            str(HERE / script),
            size_option,
            str(size),
            "--out",
            str(out),
            "--shape",
            shape,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def validation(
    figures: list[Figure], runs: int, tool: str, work: Path, sizes: list[int], shapes: list[str]
) -> None:
    for rows in sizes:
        for shape in shapes:
            validate_shape(figures, runs, tool, work, rows, shape)


def validate_shape(
    figures: list[Figure], runs: int, tool: str, work: Path, rows: int, shape: str
) -> None:
    # frictionless's Table Schema and columnar.py know the bench's columns and forms only.
    frictionless = shutil.which("frictionless") if shape == "bench" else None
    g = f"validate {rows:,} rows, {shape}"
    folder = work / f"submission-{shape}-{rows}"
    if not (folder / "submission.csv").is_file():
        generate("generate.py", "--rows", rows, folder, shape)
    plan, data = folder / "plan.yaml", folder / "submission.csv"
    figures.append(
        Figure(
            g,
            "plain csv loop, same per-row checks",
            *run(
                [sys.executable, str(HERE / "plain_loop.py"), str(plan), str(data)],
                runs,
                ok=(0, 1),
            ),
        )
    )
    base = figures[-1].name
    if shape == "bench" and importlib.util.find_spec("polars") is not None:
        plain = subprocess.run(
            [sys.executable, str(HERE / "plain_loop.py"), str(plan), str(data)],
            capture_output=True,
            text=True,
        ).stdout
        columnar = [sys.executable, str(HERE / "columnar.py"), str(plan), str(data)]
        found = subprocess.run(columnar, capture_output=True, text=True).stdout
        if found != plain:  # not the same checks then: not a comparable figure
            raise SystemExit(f"columnar.py found {found!r}, the plain loop {plain!r}")
        figures.append(
            Figure(
                g,
                "polars, same checks (a columnar reader)",
                *run(columnar, runs, ok=(0, 1)),
                base,
            )
        )
    figures.append(
        Figure(
            g,
            "linyi-tracker validate",
            *run(
                [
                    tool,
                    "validate",
                    str(data),
                    "--plan",
                    str(plan),
                    "--no-store",
                    "--format",
                    "json",
                ],
                runs,
                ok=(0, 1),
            ),
            base,
        )
    )
    if frictionless:
        schema(plan, folder)
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
        check = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
        read = json.loads(check.stdout)["tasks"][0]["stats"]["rows"]
        if read != rows:  # frictionless stops early on some errors: not a comparable run then
            raise SystemExit(f"frictionless read {read} rows, not {rows}")
        figures.append(
            Figure(
                g,
                "frictionless validate (Table Schema)",
                *run(cmd, max(1, runs - 1), folder, ok=(0, 1)),
                base,
            )
        )


def store_scale(
    figures: list[Figure],
    runs: int,
    tool: str,
    work: Path,
    sizes: list[int],
    html_up_to: int,
    shapes: list[str],
) -> None:
    for n in sizes:
        for shape in shapes:
            store_shape(figures, runs, tool, work, n, html_up_to, shape)


def store_shape(
    figures: list[Figure], runs: int, tool: str, work: Path, n: int, html_up_to: int, shape: str
) -> None:
    g = f"store of {n:,} observations, {shape}"
    folder = work / f"store-{shape}-{n}"
    if not (folder / "plan.yaml").is_file():
        generate("store.py", "--observations", n, folder, shape)
    plan, data = str(folder / "plan.yaml"), str(folder / "actuals")
    figures.append(
        Figure(
            g,
            "parse the CSV files (csv.reader)",
            *run([sys.executable, "-c", PARSE, data], runs),
        )
    )
    base = figures[-1].name
    common = ["--plan", plan, "--data", data]
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    for name, cmd in (
        ("status --format json", [tool, "status", *common, "--format", "json"]),
        (
            "report 2020 --format json",
            [tool, "report", "2020", *common, "-o", str(folder / "r.json")],
        ),
    ):
        figures.append(Figure(g, f"{name}, no cache", *run(cmd, runs), base))
        figures.append(Figure(g, f"{name}, cached store", *run(cmd, runs, cache=cache), base))
    if n <= html_up_to:
        figures.append(
            Figure(
                g,
                "report 2020 --format html, cached store",
                *run(
                    [tool, "report", "2020", *common, "-o", str(folder / "r.html")],
                    max(1, runs - 2),
                    cache=cache,
                    prime=False,  # the runs above filled the cache for this store
                ),
                base,
            )
        )


def print_table(figures: list[Figure], growth: list[str]) -> None:
    by_name = {(f.group, f.name): f for f in figures}
    print(
        f"{'group':<38} {'measure':<52} {'median':>8} {'min':>8} {'max':>8} {'peak MB':>8}  ratio"
    )
    for f in figures:
        base = by_name.get((f.group, f.baseline)) if f.baseline else None
        ratio = f"{f.median / base.median:.2f}× baseline" if base else "baseline"
        print(
            f"{f.group:<38} {f.name:<52} {f.median:8.3f} {min(f.times):8.3f} {max(f.times):8.3f} "
            f"{f.peak_kib / 1024:8.0f}  {ratio}"
        )
    for line in growth:
        print(line)


def growth_lines(figures: list[Figure], small: int, large: int, shapes: list[str]) -> list[str]:
    out = []
    for shape, measure in (
        (shape, m)
        for shape in shapes
        for m in (
            "status --format json, no cache",
            "status --format json, cached store",
            "report 2020 --format json, no cache",
            "parse the CSV files (csv.reader)",
        )
    ):
        a = next(
            (
                f
                for f in figures
                if f.group == f"store of {small:,} observations, {shape}" and f.name == measure
            ),
            None,
        )
        b = next(
            (
                f
                for f in figures
                if f.group == f"store of {large:,} observations, {shape}" and f.name == measure
            ),
            None,
        )
        if a and b:
            factor = b.median / a.median
            exponent = math.log(factor) / math.log(large / small)
            out.append(
                f"growth {small:,} → {large:,} observations, {shape}, {measure}: {factor:.1f}× the time "
                f"for {large / small:.0f}× the data (exponent {exponent:.2f})"
            )
    return out


def byte_compile() -> None:
    """Byte-code for the package this interpreter imports — the one the
    ``linyi-tracker`` beside it runs when both come from the same environment, as the
    README's set-up makes them (see the module). Written to ``__pycache__`` beside the
    sources, as Python itself would."""
    import compileall

    spec = importlib.util.find_spec("linyi_tracker")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes and fewer runs (about a minute)"
    )
    parser.add_argument(
        "--work", type=Path, help="keep generated files here (default: a temporary folder)"
    )
    parser.add_argument(
        "--only",
        choices=["startup", "validation", "store"],
        action="append",
        help="run only these groups (repeatable)",
    )
    parser.add_argument(
        "--shape",
        choices=["bench", "county", "both"],
        default="both",
        help="data in the bench's own shape, as counties send it (county.py), or both, "
        "paired size by size (default)",
    )
    args = parser.parse_args()
    tool = shutil.which("linyi-tracker")
    if tool is None:
        print(
            "linyi-tracker is not on PATH: install the project first (pip install '.[test]')",
            file=sys.stderr,
        )
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="linyi-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    groups = set(args.only or ["startup", "validation", "store"])
    shapes = list(SHAPES) if args.shape == "both" else [args.shape]
    byte_compile()
    started = time.perf_counter()
    figures: list[Figure] = Progress()
    if args.quick:  # the county shape takes 2–5× the bench's time: small sizes, two runs
        runs, validate_sizes, store_sizes, html_up_to = 2, [20_000], [2_000, 20_000], 2_000
    else:
        runs, validate_sizes, store_sizes, html_up_to = (
            5,
            [100_000, 1_000_000],
            [10_000, 100_000, 1_000_000],
            1_000_000,
        )
    if "startup" in groups:
        startup(figures, runs * 3, tool, empty)
    if "validation" in groups:
        validation(figures, runs if args.quick else 3, tool, work, validate_sizes, shapes)
    if "store" in groups:
        store_scale(figures, runs if args.quick else 3, tool, work, store_sizes, html_up_to, shapes)
    growth = (
        growth_lines(figures, store_sizes[-2], store_sizes[-1], shapes) if "store" in groups else []
    )
    print(
        f"linyi-tracker benchmarks{' (--quick)' if args.quick else ''}: times in seconds, "
        f"{os.cpu_count()} cores, {time.perf_counter() - started:.0f} s in all"
    )
    print_table(figures, growth)
    if "validation" in groups and not shutil.which("frictionless"):
        print("frictionless is not installed: pip install '.[bench]' to compare with it")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
