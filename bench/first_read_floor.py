"""How fast a first read of a store could be in pure Python, with nothing checked.

    python bench/first_read_floor.py DATA_FOLDER

Reads every CSV file below DATA_FOLDER (UTF-8, else GB18030), as the store baseline of
``run.py`` parses them, and then does the least a store must: each cell's text looked up
in a memo (a distinct text "read" once, by a trivial stand-in for its rule), one tuple a
row, the rows grouped by series in period order. No rule is run, no finding made, nothing
reconciled, assessed or printed. Two ways: row by row, and column by column (each file's
rows transposed, each column looked up with ``map`` in C). It prints CPU seconds beside
the plain ``csv.reader`` parse of the same files, measured in the same process first.

The figure is a floor for issue 29's goal "status ≤ 3× csv.reader parse time, first run":
what pure Python costs before any of the work ``status`` does (README, Performance).
"""

from __future__ import annotations

import csv
import gc
import itertools
import operator
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

Row = tuple[object, ...]


def texts(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of every CSV file below ``folder``."""
    found = []
    for path in sorted(folder.rglob("*.csv")):
        try:
            found.append((str(path), path.read_text(encoding="utf-8-sig")))
        except UnicodeDecodeError:
            found.append((str(path), path.read_text(encoding="gb18030")))
    return found


def parse(files: list[tuple[str, str]]) -> int:
    return sum(1 for _, text in files for _ in csv.reader(text.splitlines()))


def _stand_in(column: int) -> Callable[[str], object]:
    if column == 3:
        return lambda text: (text.strip(), Decimal(1))  # a value: its reading and a Decimal
    return str.strip


def by_rows(files: list[tuple[str, str]]) -> list[Row]:
    memos: list[dict[str, object]] = [{} for _ in range(5)]
    rules = [_stand_in(i) for i in range(5)]
    rows: list[Row] = []
    for name, text in files:
        reader = csv.reader(text.splitlines())
        next(reader, None)
        for line, row in enumerate(reader, 2):
            if len(row) < 5:
                continue
            cells = []
            for i in range(5):
                memo, cell = memos[i], row[i]
                meant = memo.get(cell)
                if meant is None:
                    meant = memo[cell] = rules[i](cell)
                cells.append(meant)
            rows.append((cells[0], cells[2], "level", cells[1], cells[3], cells[4], name, line))
    return rows


def by_columns(files: list[tuple[str, str]]) -> list[Row]:
    memos: list[dict[str, object]] = [{} for _ in range(5)]
    rules = [_stand_in(i) for i in range(5)]
    parts = []
    for name, text in files:
        rows = [r for r in list(csv.reader(text.splitlines()))[1:] if len(r) >= 5]
        columns = list(zip(*rows, strict=False))
        meant = []
        for i in range(5):
            memo = memos[i]
            for cell in set(columns[i]).difference(memo):
                memo[cell] = rules[i](cell)
            meant.append(list(map(memo.__getitem__, columns[i])))
        n = len(rows)
        level, source = itertools.repeat("level", n), itertools.repeat(name, n)
        lines = range(2, n + 2)
        parts.append(
            list(
                zip(
                    meant[0],
                    meant[2],
                    level,
                    meant[1],
                    meant[3],
                    meant[4],
                    source,
                    lines,
                    strict=True,
                )
            )
        )
    return list(itertools.chain.from_iterable(parts))


def grouped(rows: list[Row]) -> dict[Row, list[Row]]:
    series: dict[Row, list[Row]] = {}
    for row in sorted(rows, key=operator.itemgetter(3)):
        series.setdefault(row[:3], []).append(row)
    return series


def timed(
    read: Callable[[list[tuple[str, str]]], list[Row]], files: list[tuple[str, str]]
) -> tuple[float, float, int]:
    """CPU seconds to read the rows, then to group them; and how many rows."""
    started = time.process_time()
    rows = read(files)
    read_at = time.process_time()
    grouped(rows)
    return read_at - started, time.process_time() - read_at, len(rows)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    gc.disable()  # as the store reads: no collection walks the rows
    files = texts(Path(sys.argv[1]))
    started = time.process_time()
    parse(files)
    base = time.process_time() - started
    print(f"csv.reader parse: {base:.2f} s CPU ({len(files)} files, text already decoded)")
    for label, read in (("row by row", by_rows), ("column by column", by_columns)):
        reading, grouping, n = timed(read, files)
        total = reading + grouping
        print(
            f"{label}: read {reading:.2f} s + group {grouping:.2f} s = {total:.2f} s CPU, "
            f"{total / base:.1f}× the parse ({n:,} rows)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
