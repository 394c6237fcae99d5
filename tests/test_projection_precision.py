"""A projection is shown as precisely as the figures it is read beside (its target and
latest figure), up to four decimals: 0.45 吨标准煤/万元 does not project to "0", nor
1.13万人次 to "1万人次" (a disp review found both in a report's 期末预计 column)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, Result
from linyi_tracker.formatting import estimate

Run = Callable[..., Result]

PLAN = str(REPO / "tests" / "fixtures" / "plans" / "wan-in-words.yaml")
DATA = str(REPO / "tests" / "fixtures" / "anyplan" / "wan-words")


@given(
    st.decimals(min_value=0, max_value=1000, places=6, allow_nan=False),
    st.integers(0, 6),
)
def test_a_projection_is_never_coarser_than_its_figures(value: Decimal, places: int) -> None:
    """Beside figures written to ``places`` decimals (at most 4 kept), the shown projection
    is within half their last digit of the exact one."""
    written = Decimal(1).scaleb(-places) * 3  # 3, 0.3, 0.03 …
    shown = estimate(value, "tons", "en", written=(written, None))
    assert abs(shown - value) <= Decimal("0.5") * Decimal(1).scaleb(-min(places, 4))


def test_whole_figures_project_to_whole_figures() -> None:
    """A target and a figure in whole units keep a whole projection (13,979.6 → 13,980)."""
    assert (
        estimate(Decimal("13979.6"), "persons", "en", written=(Decimal(12000), Decimal(10000)))
        == 13980
    )


def test_a_report_s_projection_keeps_its_figures_precision(run: Run) -> None:
    """The 期末预计 column of the wan-in-words plan: 0.45吨标准煤/万元 and 1.26万人次."""
    r: Result = run(
        "report", "2022", "--plan", PLAN, "--data", DATA, "--lang", "zh", "--format", "md"
    )
    assert r.exit_code == 0, r.stderr
    rows = {
        line.split("|")[1].strip(): line.split("|")[7].strip()
        for line in r.stdout.splitlines()
        if re.match(r"\| \S", line) and line.count("|") >= 9
    }
    assert rows["万元GDP能耗"] == "0.45吨标准煤/万元" and rows["旅游接待万人次"] == "1.26万人次"
