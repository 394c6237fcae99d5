"""The benchmark's two shapes of data hold the same figures (bench/county.py).

bench/store.py writes a store in the bench's own shape (English headers, ids, ISO
periods) or as county clerks send it (Chinese headers and names, 临沂市兰山区, 2017年9月,
万 and 万人, 13,207, full-width digits, GB18030 files). The tool must read both as one
set of figures: these tests generate a small store of each shape and compare what
`status --format json` says, so a reader change that reads a county's form differently
shows here (issue 29's "every figure identical").
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import bench_module

OBSERVATIONS = 2000


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A store of each shape, same seed and size."""
    store = bench_module("store")
    root = tmp_path_factory.mktemp("shapes")
    out = {}
    for shape in ("bench", "county"):
        store.generate(OBSERVATIONS, root / shape, shape)
        out[shape] = root / shape
    return out


def _figures(data: Any) -> Any:
    """The JSON without where each figure was read (file names and lines differ by shape)."""
    if isinstance(data, dict):
        return {k: _figures(v) for k, v in data.items() if k not in ("file", "line")}
    if isinstance(data, list):
        return [_figures(v) for v in data]
    return data


def _status(run: Callable[..., Any], folder: Path, *options: str) -> Any:
    result = run(
        "status",
        "--plan",
        str(folder / "plan.yaml"),
        "--data",
        str(folder / "actuals"),
        "--format",
        "json",
        *options,
    )
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_county_store_has_the_shapes_it_claims(stores: dict[str, Path]) -> None:
    """The county store holds the forms clerks write: GB18030 files, 临沂市 prefixes, 万, 万人."""
    texts, gb18030 = [], 0
    for path in sorted((stores["county"] / "actuals").glob("*.csv")):
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(raw.decode("gb18030"))
            gb18030 += 1
    text = "".join(texts)
    assert 0 < gb18030 < len(texts) / 2
    assert sum(t.count("\n") - 1 for t in texts) == OBSERVATIONS
    for form in ("指标,", "临沂市兰山区", "年9月", "-09", "年度", "万,人", ",万人,", '"', "０"):
        assert form in text, form


def test_county_store_reads_without_errors(
    run: Callable[..., Any], stores: dict[str, Path]
) -> None:
    """Every row of the county store reads: validate finds no error in it."""
    folder = stores["county"]
    files = sorted(str(p) for p in (folder / "actuals").glob("*.csv"))
    result = run(
        "validate", *files, "--plan", str(folder / "plan.yaml"), "--no-store", "--format", "json"
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["summary"]["error"] == 0
    assert sum(f["rows"] for f in report["files"]) == OBSERVATIONS


@pytest.mark.parametrize("options", [(), ("--region", "all")], ids=["city", "every-region"])
def test_status_figures_identical_on_both_shapes(
    run: Callable[..., Any], stores: dict[str, Path], options: tuple[str, ...]
) -> None:
    """`status --format json` gives the same figures on the bench's store and the county's."""
    bench = _figures(_status(run, stores["bench"], *options))
    county = _figures(_status(run, stores["county"], *options))
    assert bench["targets"], "no target assessed: the comparison would be empty"
    assert bench == county


def test_county_submission_bad_rows_are_the_plain_loops(
    run: Callable[..., Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The county submission's ~5 % placeholder rows are exactly validate's and the plain loop's errors."""
    generate = bench_module("generate")
    indicators, regions = generate.shape(3000)
    plan = tmp_path / "plan.yaml"
    plan.write_text(generate.plan_yaml(indicators, regions), encoding="utf-8")
    data = tmp_path / "submission.csv"
    assert generate.write_county_submission(data, 3000, indicators, regions) == 3000
    with data.open(encoding="utf-8-sig", newline="") as handle:
        placeholders = {
            n
            for n, row in enumerate(csv.reader(handle), start=1)
            if row[3] in generate.PLACEHOLDERS
        }
    assert 0.03 * 3000 < len(placeholders) < 0.08 * 3000
    bench_module("plain_loop").main(str(plan), str(data))
    assert capsys.readouterr().out.strip() == f"3000 rows, {len(placeholders)} rows with errors"
    result = run("validate", str(data), "--plan", str(plan), "--no-store", "--format", "json")
    report = json.loads(result.stdout)
    errors = {f["line"] for f in report["findings"] if f["severity"] == "error"}
    assert errors == placeholders
