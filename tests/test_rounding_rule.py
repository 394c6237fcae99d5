"""One rounding rule (issue 27 item 1): a rounded figure and the precise one are the same
figure only when the rounded one, written with at least three significant digits, is the
precise one rounded as written; the precise one is kept on every path.

Every caller — validate's cross-row checks (rows kept or streamed), the store reading a
folder, validate against the store and ingest — is run over the same pairs, in both
orders, in one file, in two files, and one stored with the other submitted.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TODAY, Result
from linyi_tracker.actuals.reader import Observation, PlanLookup, read_path
from linyi_tracker.actuals.reconcile import Figure, rounds_to, same_figure, written_text
from linyi_tracker.actuals.store import load_store
from linyi_tracker.intake.ingest import IngestError, plan_ingest, write
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.validator import validate

HEADER = "指标,期间,地区,数值,单位\n"
ROW = "pov.registered_poor_population,2015,,{},人\n"


def _file(folder: Path, name: str, *values: str) -> Path:
    """A submission as an office makes it: Chinese headers, GB18030."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes((HEADER + "".join(ROW.format(v) for v in values)).encode("gb18030"))
    return path


def _shown(value: Decimal | None) -> tuple[Decimal, int]:
    """A figure with the place of its last written digit (44.2万 is not 442000)."""
    assert value is not None
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return value, exponent


Verdict = tuple[str, tuple[Decimal, int] | None]  # ("same" | "conflict", the figure kept)


def _in_one_folder(plan: Plan, folder: Path) -> list[Verdict]:
    """The verdicts of validate (kept and streamed) and of the store on one folder."""
    verdicts: list[Verdict] = []
    for keep in (True, False):
        report = validate([str(folder)], plan, store=None, today=TODAY, keep_observations=keep)
        if any(f.code == "conflicting-observation" for f in report.findings):
            verdicts.append(("conflict", None))
        else:
            kept = [_shown(o.value) for o in report.observations] if keep else None
            verdicts.append(("same", kept[0] if kept else None))
    store = load_store(plan, folder, today=TODAY)
    if any(f.code == "conflicting-observation" for f in store.findings):
        verdicts.append(("conflict", None))
    else:
        (only,) = store.observations
        verdicts.append(("same", _shown(only.value)))
    return verdicts


def _stored_then_submitted(plan: Plan, root: Path, stored: str, submitted: str) -> list[Verdict]:
    """The verdicts of validate against the store and of ingest (and of the store after it)."""
    data = root / "data"
    _file(data, "stored.csv", stored)
    path = _file(root / "in", "submitted.csv", submitted)
    store = load_store(plan, data, today=TODAY)
    report = validate([str(path)], plan, store=store, today=TODAY, keep_observations=True)
    checked: Verdict = (
        ("conflict", None)
        if any(f.code == "conflicts-with-store" for f in report.findings)
        else ("same", None)
    )
    rows: list[Observation] = []
    read_path(path, PlanLookup(plan), today=TODAY, shown=str(path), emit=rows.append)
    try:
        job = plan_ingest(plan, rows, {o.key: o for o in store.observations}, data, revise=False)
    except IngestError:
        return [checked, ("conflict", None)]
    if job.rows:
        write(plan, job)
    (only,) = load_store(plan, data, today=TODAY).observations
    return [checked, ("same", _shown(only.value))]


def _all_verdicts(plan: Plan, a: str, b: str) -> list[Verdict]:
    out: list[Verdict] = []
    for first, second in ((a, b), (b, a)):
        with tempfile.TemporaryDirectory() as name:
            root = Path(name)
            _file(root / "one", "both.csv", first, second)
            out += _in_one_folder(plan, root / "one")
            _file(root / "two", "a.csv", first)
            _file(root / "two", "b.csv", second)
            out += _in_one_folder(plan, root / "two")
            out += _stored_then_submitted(plan, root / "store", first, second)
    return out


def _agree(verdicts: list[Verdict]) -> tuple[str, tuple[Decimal, int] | None]:
    """The one verdict every caller gave (the kept figure where a caller shows it)."""
    kinds = {kind for kind, _ in verdicts}
    kept = {figure for _, figure in verdicts if figure is not None}
    assert len(kinds) == 1 and len(kept) <= 1, verdicts
    return kinds.pop(), (kept.pop() if kept else None)


# ------------------------------------------------------------------ the named pairs


@pytest.mark.parametrize(
    ("a", "b", "verdict", "kept"),
    [
        ("44.2万", "442079", "same", "442079"),  # the issue's pair: the exact one kept
        ("44.2万", "442500", "conflict", None),  # half up (四舍五入): 44.3万
        ("44.20万", "442079", "conflict", None),  # to the hundred 442079 is 44.21万
        ("9万", "85000", "conflict", None),  # one significant digit says too little
        ("1万", "5001", "conflict", None),
        ("1.04万", "10380", "same", "10380"),  # three significant digits
        ("9.0万", "90000", "same", "90000"),  # equal values: one figure, the finer kept
        ("44.2万", "44.21万", "same", "442100"),  # both rounded: the finer counts
    ],
)
def test_every_caller_gives_one_verdict_for_a_pair(
    plan: Plan, a: str, b: str, verdict: str, kept: str | None
) -> None:
    """validate, the store and ingest, in any order and place, give the pair one verdict."""
    found, figure = _agree(_all_verdicts(plan, a, b))
    assert found == verdict
    assert (figure[0] if figure else None) == (Decimal(kept) if kept else None)


def test_a_stored_rounded_figure_is_refined_by_the_exact_one(plan: Plan, tmp_path: Path) -> None:
    """Ingest of 442079 over a stored 44.2万 writes it, notes the refinement, and it counts."""
    data = tmp_path / "data"
    _file(data, "stored.csv", "44.2万")
    path = _file(tmp_path, "exact.csv", "442079")
    store = load_store(plan, data, today=TODAY)
    rows: list[Observation] = []
    read_path(path, PlanLookup(plan), today=TODAY, shown=str(path), emit=rows.append)
    job = plan_ingest(plan, rows, {o.key: o for o in store.observations}, data, revise=False)
    assert [(new.text, old.text) for new, old in job.refinements] == [("442079", "442000")]
    write(plan, job)
    assert [o.text for o in load_store(plan, data, today=TODAY).observations] == ["442079"]


def test_ingest_writes_a_rounded_figure_with_its_precision(plan: Plan, tmp_path: Path) -> None:
    """44.2万 ingested into an empty store reads back as known to the thousand, not 442000."""
    data = tmp_path / "data"
    data.mkdir()
    path = _file(tmp_path, "rounded.csv", "44.2万")
    rows: list[Observation] = []
    read_path(path, PlanLookup(plan), today=TODAY, shown=str(path), emit=rows.append)
    write(plan, plan_ingest(plan, rows, {}, data, revise=False))
    store = load_store(plan, data, today=TODAY)
    (only,) = store.observations
    assert _shown(only.value) == (Decimal(442000), 3)
    assert store.findings == []  # its 44.2万 is the tool's own notation: no warning each run


@pytest.mark.parametrize(
    ("coarse", "fine", "same"),
    [
        ("4.42E+5", "442079", True),
        ("4.42E+5", "442499", True),
        ("4.42E+5", "442500", False),  # half up: 44.3万
        ("4.42E+5", "441500", True),
        ("4.42E+5", "441499", False),
        ("9E+4", "85000", False),  # one significant digit
        ("8.5E+4", "85400", False),  # two
        ("4.85", "4.8512", True),  # decimal places count as well
        ("4.9", "4.85", False),  # two significant digits
        ("442079", "4.42E+5", False),  # the finer one cannot be the rounding
    ],
)
def test_rounds_to(coarse: str, fine: str, same: bool) -> None:
    """The rule on its own: rounded half up as written, three significant digits at least."""
    assert rounds_to(Decimal(coarse), Decimal(fine)) is same


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=-4, max_value=8))
def test_written_text_keeps_the_precision(digits: int, place: int) -> None:
    """What ingest writes reads back as the same value known to the same place."""
    from linyi_tracker import clock
    from linyi_tracker.actuals.cells import value_cell

    value = Decimal(digits).scaleb(place)
    text = written_text(value)
    (read, _, _), issues = value_cell(text, "", "number", None, None, clock.today())
    assert not [i for i in issues if i.severity.value == "error"], (text, issues)
    if digits:  # nothing is known of the precision of a zero
        assert _shown(read) == _shown(value), text


# ------------------------------------------------------------------ any pair, any arrangement


def _form(n: int, place: int, offset: int) -> str:
    """``n`` written as an office would: whole (place 0), or in 万 rounded to 10^place."""
    if place == 0:
        return str(n + offset)
    step = Decimal(1).scaleb(place)
    rounded = (Decimal(n) / step).quantize(Decimal(1), rounding="ROUND_HALF_UP") + offset
    return f"{(rounded * step).scaleb(-4):.{4 - place}f}万"


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=20_000, max_value=9_000_000),
    st.tuples(st.integers(0, 4), st.integers(-1, 1)),
    st.tuples(st.integers(0, 4), st.integers(-1, 1)),
)
def test_the_verdict_does_not_depend_on_order_or_place(
    plan: Plan, n: int, one: tuple[int, int], other: tuple[int, int]
) -> None:
    """Any two writings of a figure get one verdict from every caller, in any order and
    place, and that verdict is same_figure's; of the same figure the finer is kept."""
    a, b = _form(n, *one), _form(n, *other)
    found, kept = _agree(_all_verdicts(plan, a, b))
    lookup = PlanLookup(plan)
    with tempfile.TemporaryDirectory() as name:
        rows: list[Observation] = []
        path = _file(Path(name), "pair.csv", a, b)
        read_path(path, lookup, today=TODAY, shown=str(path), emit=rows.append)
    fa, fb = (Figure.of(o) for o in rows)
    assert (found == "same") == same_figure(fa, fb)
    if kept is not None:
        finest = min((_shown(fa.value), _shown(fb.value)), key=lambda f: f[1])
        assert kept[1] == finest[1]


@pytest.mark.parametrize(("lang", "said"), [("en", "refined:"), ("zh", "精确化：")])
def test_ingest_says_it_refines_a_stored_rounded_figure(
    run: Callable[..., Result], tmp_path: Path, lang: str, said: str
) -> None:
    """The command line ingests 442079 over a stored 44.2万 (exit 0) and says so, zh and en."""
    data = tmp_path / "data"
    _file(data, "stored.csv", "44.2万")
    path = _file(tmp_path / "in", "exact.csv", "442079")
    shown = run("validate", str(path), "--data", str(data), "--lang", lang, "--format", "json")
    (finding,) = [f for f in json.loads(shown.stdout)["findings"] if f["code"] == "rounded-figure"]
    assert "442079" in finding["message"] and shown.exit_code == 0
    r = run("ingest", str(path), "--data", str(data), "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert said in r.stdout and "442079" in r.stdout
