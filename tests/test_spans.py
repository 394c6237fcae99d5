"""One span, several labels (issue 27 item 5): for a year-to-date (flow) indicator
2019Q4, 2019-12 and 2019 cover one span (so do 2019Q3 and 2019-09), and their figures
are duplicates or conflicts by the one rule, in validate, the store and ingest alike. A
stock's December figure is not its year figure: never compared."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reconcile import by_store, by_validate

from conftest import Result
from linyi_tracker.plan.models import Plan

HEADER = "指标,期间,地区,数值,单位,截至日期\n"


def _file(path: Path, *rows: str) -> Path:
    """A file as an office makes it: Chinese headers, GB18030."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode("gb18030"))
    return path


def _codes(report: Result) -> list[tuple[str, int | None]]:
    import json

    return [(f["code"], f["line"]) for f in json.loads(report.stdout)["findings"]]


def test_different_figures_for_one_span_are_a_conflict(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """2019Q4 9800 and 2019 9900 of new urban jobs: a conflict error naming both rows."""
    path = _file(
        tmp_path / "a.csv",
        "emp.new_urban_jobs,2019Q4,兰山区,9800,人,",
        "emp.new_urban_jobs,2019,兰山区,9900,人,",
    )
    for lang in ("en", "zh"):
        r = run("validate", str(path), "--no-store", "--lang", lang, "--format", "json")
        assert r.exit_code == 1 and ("conflicting-observation", 3) in _codes(r)
    r = run("validate", str(path), "--no-store", "--lang", "en")
    assert "a.csv:2" in r.stdout and "2019/2019Q4" in r.stdout


def test_the_same_figure_under_two_labels_is_counted_once_without_a_word(
    run: Callable[..., Result], tmp_path: Path, plan: Plan
) -> None:
    """2019Q3 and 2019-09 both 7000 (a monthly year-to-date series beside the quarters, as
    offices report): one figure, no finding for the clerk, and the store keeps one."""
    path = _file(
        tmp_path / "a.csv",
        "emp.new_urban_jobs,2019Q3,兰山区,7000,人,",
        "emp.new_urban_jobs,2019-09,兰山区,7000,人,",
    )
    r = run("validate", str(path), "--no-store", "--format", "json")
    assert r.exit_code == 0 and _codes(r) == [("not-utf8", None)]
    from linyi_tracker.actuals.store import load_store

    store = load_store(plan, tmp_path)
    assert [f.code for f in store.findings] == ["not-utf8"]  # the file is GB18030
    assert [str(o.value) for o in store.series("emp.new_urban_jobs", "lanshan")] == ["7000"]


def test_a_stocks_december_and_year_figures_are_two(
    run: Callable[..., Result], tmp_path: Path, plan: Plan
) -> None:
    """A stock (registered poor population): 2019-12 and 2019 are not compared, and the
    store keeps both figures."""
    path = _file(
        tmp_path / "a.csv",
        "pov.registered_poor_population,2019-12,,1200,人,",
        "pov.registered_poor_population,2019,,1300,人,",
    )
    r = run("validate", str(path), "--no-store", "--format", "json")
    assert not [c for c, _ in _codes(r) if "observation" in c]
    from linyi_tracker.actuals.store import load_store

    series = load_store(plan, tmp_path).series("pov.registered_poor_population", plan.city.id)
    assert sorted((o.period.text, str(o.value)) for o in series) == [
        ("2019", "1300"),
        ("2019-12", "1200"),
    ]


def test_a_span_stored_under_another_label_is_met(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """Stored 2019Q4 9800: a submitted 2019 9900 conflicts with it (ingest writes nothing),
    a submitted 2019-12 9800 is already stored (ingest writes nothing either)."""
    data = tmp_path / "data"
    _file(data / "stored.csv", "emp.new_urban_jobs,2019Q4,兰山区,9800,人,")
    other = _file(tmp_path / "in" / "other.csv", "emp.new_urban_jobs,2019,兰山区,9900,人,")
    same = _file(tmp_path / "in2" / "same.csv", "emp.new_urban_jobs,2019-12,兰山区,9800,人,")
    r = run("validate", str(other), "--data", str(data), "--format", "json")
    assert ("conflicts-with-store", 2) in _codes(r)
    assert run("ingest", str(other), "--data", str(data)).exit_code == 1
    r = run("validate", str(same), "--data", str(data), "--format", "json")
    assert ("already-stored", 2) in _codes(r)
    assert run("ingest", str(same), "--data", str(data)).exit_code == 0
    assert sorted(p.name for p in data.iterdir()) == ["stored.csv"]


LABELS = ["2019Q4", "2019-12", "2019", "2019Q3", "2019-09"]
VALUES = ["9800", "9900", "98.0万"]
AS_OF = ["", "2020-03-01", "2020-06-30"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(LABELS), st.sampled_from(VALUES), st.sampled_from(AS_OF)),
        min_size=2,
        max_size=6,
    )
)
def test_validate_and_the_store_agree_on_any_labels(
    plan: Plan, rows: list[tuple[str, str, str]]
) -> None:
    """Any rows of one flow under any labels of two spans: one verdict a row from validate
    and the store, and one figure kept a span."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lines = [f"emp.new_urban_jobs,{p},兰山区,{v},人,{d}" for p, v, d in rows]
        _file(folder / "group.csv", *lines)
        spans = {"2019Q4": 12, "2019-12": 12, "2019": 12, "2019Q3": 9, "2019-09": 9}
        verdicts = _absorbed(by_store(plan, folder), rows, spans)
        assert _absorbed(by_validate(plan, folder), rows, spans) == verdicts
        assert list(verdicts.values()).count("kept") == len({spans[p] for p, _, _ in rows})


def _absorbed(
    verdicts: dict[tuple[str, int], str], rows: list[tuple[str, str, str]], spans: dict[str, int]
) -> dict[tuple[str, int], str]:
    """A row that is the same figure as another row of its span (under another label, or a
    dated copy) and not the one kept is counted once without a finding (reconcile rule 5):
    the store keeps one of the pair as history, validate calls both earlier figures; here
    both are called duplicates, as a repeat is."""

    def twin(line: int) -> tuple[int, str]:
        label, value, _ = rows[line - 2]
        return spans[label], value

    count: dict[tuple[int, str], int] = {}
    for _, line in verdicts:
        count[twin(line)] = count.get(twin(line), 0) + 1
    return {
        pos: "duplicate" if v in {"lost", "revision"} and count[twin(pos[1])] > 1 else v
        for pos, v in verdicts.items()
    }
