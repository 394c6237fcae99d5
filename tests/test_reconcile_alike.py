"""The rule's shortcut for a span's figures written alike gives the walk's answer.

``span_findings`` answers a group whose figures are written alike (a flow's December
and year figures, mostly) without walking it; these tests hold that answer to the full
rule, :func:`decide` and :func:`findings`, on generated groups.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker.actuals import reconcile
from linyi_tracker.actuals.observation import Observation
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.reconcile import Decision, Figure, Key, decide, findings, span_findings
from linyi_tracker.findings import Finding

LABELS = [Period(2019, 12, "month"), Period(2019, 12, "quarter"), Period(2019, 12, "year")]
# the same figure written several ways (9800, 9800.0, 0.98万), a rounded one, a different
# one, zero and minus zero, and what no reading gives but the rule must not misjudge
VALUES = ["9800", "9800.0", "9.8E+3", "9.80E+3", "9801", "4.42E+5", "442079", "0", "-0", "NaN"]
AS_OF = [None, date(2020, 1, 15), date(2020, 3, 1)]


def figure(
    label: int, value: str | None, word: str | None, done_on: date | None, as_of: date | None
) -> Observation:
    number = Decimal(value) if value is not None else None
    return Observation(
        "emp.new_jobs",
        LABELS[label],
        "city",
        number,
        word,
        done_on,
        None,
        "",
        "",
        as_of,
        "f.csv",
        0,
    )


FIGURES = st.builds(
    figure,
    st.integers(0, len(LABELS) - 1),
    st.one_of(st.none(), st.sampled_from(VALUES)),
    st.sampled_from(["done", "not-done"]),
    st.sampled_from([None, date(2019, 6, 30)]),
    st.sampled_from(AS_OF),
)


def walked(group: list[Observation]) -> tuple[Decision, list[Finding]]:
    """The full rule over a span's figures: the walk, and its findings under every label."""
    labels = "/".join(sorted({o.period.text for o in group}))
    key: Key = (group[0].indicator, labels, group[0].region, group[0].measure)
    figures = [Figure.of(o) for o in group]
    decision = decide(figures)
    return decision, findings(key, figures, decision, labels=True)


def in_file_order(group: list[Observation]) -> list[Observation]:
    return [o._replace(line=line) for line, o in enumerate(group, start=2)]


@settings(max_examples=500, deadline=None)
@given(st.lists(FIGURES, min_size=2, max_size=4))
def test_span_findings_equal_the_walk(group: list[Observation]) -> None:
    """Any group of a span's figures gets from span_findings what the full rule gives."""
    group = in_file_order(group)
    assert span_findings(group) == walked(group)


@settings(max_examples=300, deadline=None)
@given(FIGURES, st.lists(st.integers(0, len(LABELS) - 1), min_size=1, max_size=3))
def test_figures_written_alike_equal_the_walk(first: Observation, labels: list[int]) -> None:
    """A figure repeated alike under other labels gets the walk's answer: the first counts."""
    group = in_file_order([first] + [first._replace(period=LABELS[i]) for i in labels])
    assert span_findings(group) == walked(group)


def test_figures_written_alike_are_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A December figure and the year's, written alike, are decided without the walk."""

    def no_walk(figures: object) -> Decision:
        raise AssertionError("walked")

    monkeypatch.setattr(reconcile, "decide", no_walk)
    group = in_file_order(
        [figure(0, "9800", None, None, None), figure(2, "9800", None, None, None)]
    )
    decision, found = span_findings(group)
    assert (decision.current, found) == (0, [])


def test_same_value_to_another_place_is_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """9800 and 0.98万 are one value to two places: the walk decides which one counts."""
    calls: list[int] = []
    real = reconcile.decide

    def counted(figures: list[Figure]) -> Decision:
        calls.append(len(figures))
        return real(figures)

    monkeypatch.setattr(reconcile, "decide", counted)
    group = in_file_order(
        [figure(0, "9.8E+3", None, None, None), figure(2, "9800", None, None, None)]
    )
    decision, _ = span_findings(group)
    assert (calls, decision.current) == ([2], 1)
