"""The synthetic example dataset: reproducible, labelled synthetic, separate from real data."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import DEMO, REPO
from linyi_tracker.actuals.store import load_store
from linyi_tracker.plan.models import Plan


def test_committed_examples_match_the_generator() -> None:
    """examples/generate.py --check finds the committed files identical to a fresh run."""
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_row_says_synthetic(plan: Plan) -> None:
    """No synthetic figure can pass for a real one."""
    store = load_store(plan, DEMO)
    assert store.observations and all("synthetic" in o.source for o in store.observations)


def test_every_note_is_written_as_an_office_writes_it(plan: Plan) -> None:
    """The demo's notes are the offices' words, in Chinese (1—6月累计, never "year to
    date"), as `show` prints them in either language."""
    store = load_store(plan, DEMO)
    notes = {o.note for o in store.observations if o.note}
    assert notes
    english = [
        n for n in notes if re.search(r"[A-Za-z]{2}", n) or not re.search(r"[\u4e00-\u9fff]", n)
    ]
    assert english == []


def test_examples_cover_every_target_and_region(plan: Plan) -> None:
    """Each target's indicator has figures, all 12 regions report, years 2015–2020 appear."""
    store = load_store(plan, DEMO)
    assert store.errors == []
    indicators = {o.indicator for o in store.observations}
    assert {t.indicator for t in plan.targets} <= indicators
    assert {r.id for r in plan.sub_regions} <= {o.region for o in store.observations}
    assert {o.period.year for o in store.observations} >= set(range(2015, 2021))
    assert any(o.period.kind == "month" for o in store.observations)


def test_real_data_has_no_synthetic_rows(plan: Plan) -> None:
    """data/actuals never holds an example figure."""
    store = load_store(plan, REPO / "data" / "actuals")
    assert not any("synthetic" in o.source.lower() for o in store.observations)
