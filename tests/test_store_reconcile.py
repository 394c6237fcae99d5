"""The store's reconciling of a folder's figures: the same answer as a plain walk over
every key and every span, whatever shortcuts find the groups (issue 29: a million
figures reconciled in a fraction of a second)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linyi_tracker.actuals import store as store_module
from linyi_tracker.actuals.observation import Observation, span_of
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.reconcile import Figure, Verdict, decide, findings, span_findings
from linyi_tracker.actuals.store import Store, reconcile

PERIODS = [
    Period(2019, 12, "month"),
    Period(2019, 12, "quarter"),
    Period(2019, 12, "year"),
    Period(2019, 9, "month"),
    Period(2019, 9, "quarter"),
    Period(2019, 3, "month"),
    Period(2020, 12, "year"),
]
VALUES = [None, "100", "100.0", "1.00E+2", "101", "4.42E+5", "442079", "0"]
OBSERVATIONS = st.builds(
    lambda indicator, period, region, value, as_of, file, measure: Observation(
        indicator,
        period,
        region,
        Decimal(value) if value is not None else None,
        "done" if value is None else None,
        None,
        None,
        "",
        "",
        as_of,
        file,
        0,
        measure,
    ),
    st.sampled_from(["a", "b"]),
    st.sampled_from(PERIODS),
    st.sampled_from(["x", "y"]),
    st.sampled_from(VALUES),
    st.sampled_from([None, None, date(2020, 1, 1), date(2020, 2, 1)]),
    st.sampled_from(["f1.csv", "f2.csv", "f3.csv"]),
    st.sampled_from(["level", "level", "growth"]),
)


def walked(observations: list[Observation], flows: frozenset[str]) -> Store:
    """Every key, then every span, walked one figure at a time: the rule as written."""
    done = Store(Path("."))
    groups: dict[tuple[str, str, str, str], list[Observation]] = {}
    for o in observations:
        groups.setdefault(o.key, []).append(o)
    kept: list[Observation] = []
    for key, group in groups.items():
        figures = [Figure.of(o) for o in group]
        decision = decide(figures)
        done.findings.extend(findings(key, figures, decision))
        kept.append(group[decision.current])
        clash = [group[i] for i, v in enumerate(decision.verdicts) if v is Verdict.CONFLICT]
        if clash:
            done.clashing[key] = [group[decision.current], *clash]
        if decision.history:
            done.revisions[key] = [group[i] for i in decision.history]
    spans: dict[tuple[str, str, str, str], list[Observation]] = {}
    for o in kept:
        if o.indicator in flows:
            spans.setdefault(span_of(o, True), []).append(o)
    dropped: list[Observation] = []
    for group in (g for g in spans.values() if len(g) > 1):
        group.sort(key=lambda o: (o.file, o.line))
        decision, found = span_findings(group)
        done.findings.extend(found)
        current = group[decision.current]
        history = [group[i] for i in decision.history]
        for i, o in enumerate(group):
            if decision.verdicts[i] is Verdict.CONFLICT:
                done.clashing.setdefault(o.key, [o])
            if i != decision.current:
                dropped.append(o)
                history += done.revisions.pop(o.key, [])
        if history:
            earlier = done.revisions.get(current.key, [])
            done.revisions[current.key] = sorted(
                [*earlier, *history], key=lambda o: (o.as_of is not None, o.as_of)
            )
    done.observations = [o for o in kept if all(o is not d for d in dropped)]
    return done


def numbered(observations: list[Observation]) -> list[Observation]:
    return [o._replace(line=line) for line, o in enumerate(observations, start=2)]


@settings(max_examples=300, deadline=None)
@given(st.lists(OBSERVATIONS, max_size=30), st.sampled_from(["", "a", "ab"]))
def test_reconcile_equals_the_walk(observations: list[Observation], flows: str) -> None:
    """Kept figures, findings, revisions, clashes and series equal a plain walk's, in order."""
    observations = numbered(observations)
    got = Store(Path("."), observations=list(observations))
    reconcile(got, frozenset(flows))
    want = walked(observations, frozenset(flows))
    assert got.observations == want.observations
    assert got.findings == want.findings
    assert list(got.revisions.items()) == list(want.revisions.items())
    assert list(got.clashing.items()) == list(want.clashing.items())
    assert list(got.index().items()) == list(want.index().items())


@given(st.lists(OBSERVATIONS, max_size=5))
def test_the_key_read_in_c_is_the_observation_key(observations: list[Observation]) -> None:
    """The key reconcile reads with attrgetter is Observation.key, field for field."""
    assert [store_module._KEY(o) for o in observations] == [o.key for o in observations]


def test_spans_are_found_once_a_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """A flow's monthly figures with no label sharing their span are not grouped one by one."""
    calls: list[Observation] = []
    real = store_module.span_of

    def counted(o: Observation, flow: bool) -> tuple[str, str, str, str]:
        calls.append(o)
        return real(o, flow)

    monkeypatch.setattr(store_module, "span_of", counted)
    months = [Period(2019, m, "month") for m in range(1, 13)]
    observations = numbered(
        [
            Observation("a", p, r, Decimal(m), None, None, None, "", "", None, "f.csv", 0)
            for m, p in enumerate(months)
            for r in ("x", "y", "z")
        ]
    )
    store = Store(Path("."), observations=list(observations))
    reconcile(store, frozenset({"a"}))
    assert (store.observations, len(calls)) == (observations, len(months))
