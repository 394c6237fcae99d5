"""ingest's count of revisions says what happened: each figure that replaced another
(note 33: two figures revising one stored figure in a chain were "1 revision")."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Run = Callable[..., Result]
DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
# 兰山区's 2019 new urban jobs are 11315 in the demo data; two revisions of it, in time order
CHAIN = (
    "指标代码,期间,地区,数值,截至日期\n"
    "emp.new_urban_jobs,2019,兰山区,11500,2020-06-01\n"
    "emp.new_urban_jobs,2019,兰山区,11400,2020-03-01\n"
)


@pytest.fixture
def sent(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    sub = tmp_path / "chain.csv"
    sub.write_bytes(CHAIN.encode("gb18030"))
    return sub, data


@pytest.mark.parametrize(("lang", "said"), [("zh", "2个修订"), ("en", "2 revisions")])
def test_two_figures_revising_one_in_a_chain_are_two_revisions(
    run: Run, sent: tuple[Path, Path], lang: str, said: str
) -> None:
    """11315 → 11400 → 11500 sent in one file is counted as two revisions when written."""
    sub, data = sent
    r = run("ingest", str(sub), "--data", str(data), "--lang", lang, width=300)
    assert r.exit_code == 0 and said in r.stdout, r.stdout


def test_a_dry_run_lists_each_figure_with_the_one_it_replaces(
    run: Run, sent: tuple[Path, Path]
) -> None:
    """The dry run names each revision with the figure it replaces, in time order."""
    sub, data = sent
    r = run("ingest", str(sub), "--data", str(data), "--dry-run", width=300)
    assert r.exit_code == 0
    lines = [x.strip() for x in r.stdout.splitlines() if x.strip().startswith("revision:")]
    assert [x.split(": ", 2)[2] for x in lines] == [
        "11315 → 11400 as of 2020-03-01",
        "11400 → 11500 as of 2020-06-01",
    ]
