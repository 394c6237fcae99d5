"""The one rule for figures of the same key (indicator, period, region).

``validate`` (:mod:`linyi_tracker.validation.cross`), the store
(:mod:`linyi_tracker.actuals.store`) and ``ingest`` all decide with the functions
here, so the tool cannot call a pair of rows a duplicate in one command and a
conflict in another. The rule, as the method states it:

1. **The same figure.** Two numbers are the same figure when their exact decimal
   values in the indicator's unit are equal: ``9800``, ``9800.0``, ``"9,800"`` and
   ``0.98万`` are one figure; ``12345678901234567`` and ``12345678901234568`` are two
   (never compared as floats). A figure written to a coarser precision (``44.2万`` is
   known to the thousand: its value carries that precision) is the same figure as one
   it rounds (``442079``) when it has at least three significant digits
   (:func:`rounds_to`; ``9万`` and ``85000`` are two figures): rounding is not conflict.
   The more precise one counts, whatever the order or the dates; the rounded one is a
   ``rounded-figure`` notice. Two words are the same figure when their canonical
   forms are equal (``done`` / ``是`` / ``1`` all read "done"; a milestone's
   completion date is part of its figure). A number and a word are never the same.
2. **The time of a figure** is its ``as_of`` date. A figure without ``as_of`` is older
   than every dated one: it is the first publication, and a revision carries its
   date. Figures are ordered by time, and by their order in the files (files sorted
   by name, rows top to bottom) where the time is equal.
3. **The walk.** In that order each figure is compared with the current one (the
   first is current to begin with):

   - the same figure: a **duplicate**, counted once. The more precise one stays
     current, else the one with the later ``as_of`` (on a tie, the first); the other
     is the duplicate
     (``duplicate-observation``, a warning naming both lines);
   - a different figure with a later time: a **revision**. It becomes current; the
     one it replaces is kept as history (reports mark the figure as revised);
   - a different figure at the same time (both without ``as_of``, or the same
     ``as_of``): a **conflict** (``conflicting-observation``, an error naming both
     lines). The current figure stays; the commands that need clean data refuse.

   So "undated, then dated" and "dated, then undated" read the same way whatever
   the order of the rows: the dated figure is current, the undated one history.
4. **Against the store** a submitted figure meets the stored current one
   (:func:`against_store`): the same figure is ``already-stored`` (ingest skips it),
   and so is a figure the stored one revised, re-sent without a later ``as_of``
   (:func:`superseded`: the original sent again; never a conflict whose hint would make
   the outdated figure count again), unless the submitted one is more precise (:func:`refines`: ingest stores it, noting
   that it refines the stored rounded one, and the store then counts it);
   a different figure with a later time (rule 2: a later ``as_of``, or any ``as_of``
   when the stored figure has none) is a revision ingest records; anything else — no
   ``as_of``, the same one, or an older one — is ``conflicts-with-store`` (an error),
   or with ``--revise`` a revision ingest records (dated today when it has no
   ``as_of``). A submission is a new arrival: it may revise the store, not quietly
   add a figure the store already supersedes.

5. **One span, several labels.** For a flow indicator (year-to-date figures) the labels
   ending in the same month of a year — ``2019Q4``, ``2019-12``, ``2019`` — cover one
   span (:func:`~linyi_tracker.actuals.observation.span_of`): once each label's own figures are reconciled, the figures of
   one span are walked by rules 1–3 like the figures of one key (the same figure twice
   is counted once without a word, different ones a conflict), and the store and ingest meet them across
   labels. A stock's or rate's December figure is not its year figure: never compared.

Every finding this rule gives is made by :func:`duplicate_finding`,
:func:`conflict_finding` or :func:`store_finding`, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from linyi_tracker.findings import Finding, Param, Severity

if TYPE_CHECKING:
    from linyi_tracker.actuals.observation import Observation

# (indicator, period text, region, measure): a growth figure (比上年增长) and a level of
# one period are different keys — never a duplicate or a conflict of each other.
Key = tuple[str, str, str, str]


class Verdict(StrEnum):
    """What the rule makes of one figure in its group."""

    KEPT = "kept"  # the current figure
    DUPLICATE = "duplicate"  # the same figure as another, counted once
    REVISION = "revision"  # replaced by a later figure, kept as history
    CONFLICT = "conflict"  # a different figure with nothing to order it: an error


class Relation(StrEnum):
    """How a later-examined figure stands to the current one."""

    SAME = "same"
    NEWER = "newer"  # a different figure with a later time: it revises the current one
    OLDER = "older"  # a different figure with an earlier time: the current one revises it
    CLASH = "clash"  # a different figure at the same time


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as the rule sees it: plain values, and where it was written."""

    value: Decimal | None  # a number in the indicator's unit
    word: str | None  # the canonical word (or a milestone's done date) when not a number
    as_of: date | None
    file: str | None = None
    line: int | None = None
    shown: str | None = None  # how messages show it; by default figure_text or the word

    @classmethod
    def of(cls, o: Observation) -> Figure:
        """The figure of an observation, shown as it is stored (exact decimal, or word)."""
        word = None if o.value is not None else o.text
        return cls(o.value, word, o.as_of, o.file, o.line, o.text)

    @property
    def text(self) -> str:
        """The figure as messages show it (``9800`` for 9800.0 unless told otherwise)."""
        if self.shown is not None:
            return self.shown
        return figure_text(self.value) if self.value is not None else (self.word or "")


def figure_text(value: Decimal) -> str:
    """An exact decimal in plain digits without trailing zeros (9800.0 → 9800, 0.50 → 0.5)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def quantum(value: Decimal) -> Decimal | None:
    """The unit of the last written digit, when coarser than one (44.2万 is read as
    Decimal('4.42E+5'): known to the thousand); ``None`` for a figure written to the unit
    or finer. Region sums allow for it (a sum of rounded figures is off by their roundings)."""
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent > 0 else None


# The fewest significant digits a rounded figure must have to say which figure it rounds:
# 44.2万 (3) is 442,079 rounded; 9万 (1) could be 85,000 or 94,999 — a tenth either way —
# and 1万 could be 5,001: with fewer than three, a different figure is a conflict.
MIN_SIGNIFICANT_DIGITS = 3


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def rounds_to(coarse: Decimal, fine: Decimal) -> bool:
    """THE rule for two unequal numbers: whether ``coarse`` is ``fine`` rounded as written.

    The precision of a figure is the place of its last written digit, after the 万/亿
    scaling or a unit's conversion (44.2万 → to the thousand; 4.85 → to the hundredth;
    442079 → to the unit). ``coarse`` must be written to a coarser place than ``fine``;
    ``fine`` rounded half up (四舍五入) to that place must equal it; and ``coarse`` must
    have at least :data:`MIN_SIGNIFICANT_DIGITS` significant digits (44.2万 and 442,079
    are one figure; 9万 and 85,000, or 1万 and 5,001, are two). Equal values are always one
    figure (9800 and 0.98万): :func:`same_figure` says so before asking this.
    """
    place = _exponent(coarse)
    if place <= _exponent(fine):
        return False
    if len(coarse.as_tuple().digits) < MIN_SIGNIFICANT_DIGITS or coarse.is_zero():
        return False
    return fine.quantize(Decimal(1).scaleb(place), rounding=ROUND_HALF_UP) == coarse


def written_text(value: Decimal) -> str:
    """A figure as ingest writes it, so that the store reads it back with the precision it
    was written with: plain digits (4.80 stays 4.80), or for one known only to a
    coarser place than the unit, in 万 or 亿 (Decimal('4.42E+5') → 44.2万, which the
    reader takes as known to the thousand: 442000 would read as known to the person)."""
    place = _exponent(value)
    if place <= 0:
        return format(value, "f")
    suffix, scale = ("万", 4) if place <= 4 else ("亿", 8)
    return format(value.scaleb(-scale), "f") + suffix


def rounded(a: Figure, b: Figure) -> bool:
    """Two unequal numbers one of which is the other rounded (:func:`rounds_to`, either way)."""
    if a.value is None or b.value is None or a.value == b.value:
        return False
    return rounds_to(a.value, b.value) or rounds_to(b.value, a.value)


def same_figure(a: Figure, b: Figure) -> bool:
    """Rule 1: equal exact values (or one the other rounded as written, :func:`rounded`),
    or equal canonical words. Every caller — validate's cross-row checks, the store's
    reading of a folder, ingest against the store — decides with this function."""
    if a.value is not None or b.value is not None:
        return a.value is not None and b.value is not None and (a.value == b.value or rounded(a, b))
    return a.word == b.word


def finer(a: Figure, b: Figure) -> bool:
    """Whether ``a`` tells more than ``b``, the same figure: its last digit at a finer place,
    and ``b`` a different value it refines (442079 beside 44.2万) or a rounded figure of
    the same value (90000 beside 9.0万). Of two same figures the one that tells more
    counts, whatever their order or dates. 9800.0 tells no more than 9800: neither is
    rounded, and their values are one."""
    if a.value is None or b.value is None:
        return False
    place = _exponent(b.value)
    return _exponent(a.value) < place and (a.value != b.value or place > 0)


def compare(current: Figure, other: Figure) -> Relation:
    """Rules 1 and 2: how ``other`` stands to ``current``."""
    if same_figure(current, other):
        return Relation.SAME
    if current.as_of == other.as_of:
        return Relation.CLASH
    if current.as_of is None or (other.as_of is not None and other.as_of > current.as_of):
        return Relation.NEWER
    return Relation.OLDER


@dataclass
class Decision:
    """The rule's answer for one group: one verdict a figure, and the figure each was
    judged against (the other line a finding names)."""

    current: int
    verdicts: list[Verdict]
    against: list[int | None]
    history: list[int] = field(default_factory=list)  # replaced figures, oldest first


def _time(figure: Figure) -> tuple[int, int]:
    return (0, 0) if figure.as_of is None else (1, figure.as_of.toordinal())


def decide(figures: Sequence[Figure]) -> Decision:
    """Rule 3 over the figures of one key, given in file order."""
    order = sorted(range(len(figures)), key=lambda i: _time(figures[i]))  # stable: file order
    verdicts = [Verdict.KEPT] * len(figures)
    against: list[int | None] = [None] * len(figures)
    history: list[int] = []
    current = order[0]
    for i in order[1:]:
        relation = compare(figures[current], figures[i])
        if relation is Relation.SAME:
            if finer(figures[i], figures[current]) or (
                not finer(figures[current], figures[i])
                and _time(figures[i]) > _time(figures[current])
            ):
                # the more precise stands for the figure, whatever its date; at the same
                # precision, the later as_of
                current, i = i, current
            verdicts[i], against[i] = Verdict.DUPLICATE, current
        elif relation is Relation.NEWER:
            verdicts[current], against[current] = Verdict.REVISION, i
            history.append(current)
            current = i
        else:  # CLASH (the walk is in time order, so never OLDER)
            verdicts[i], against[i] = Verdict.CONFLICT, current
    return Decision(current, verdicts, against, history)


def findings(
    key: Key, figures: Sequence[Figure], decision: Decision, *, labels: bool = False
) -> list[Finding]:
    """The findings of a decided group: each duplicate and each conflict, in file order.

    With ``labels`` (the figures of one span under different labels: rule 5) the same
    figure twice is no finding: a December year-to-date figure beside the year's is how
    offices report, both right, and counted once; only a conflict needs the clerk."""
    out: list[Finding] = []
    for i, verdict in enumerate(decision.verdicts):
        other = decision.against[i]
        if other is None:
            continue
        if verdict is Verdict.DUPLICATE:
            if not labels:
                out.append(duplicate_finding(key, figures[i], figures[other]))
        elif verdict is Verdict.CONFLICT:
            out.append(conflict_finding(key, figures[i], figures[other]))
    return out


def span_findings(group: Sequence[Observation]) -> tuple[Decision, list[Finding]]:
    """Figures of one span under different labels (each label's own repeats reconciled
    already): the rule's decision and findings, the key naming every label."""
    if _written_alike(group):
        # the walk's answer for figures written alike, without the walk: the first
        # counts, each other is its duplicate, and the same figure twice under two
        # labels is no finding (a flow's December and year figures are mostly so)
        rest = len(group) - 1
        return Decision(0, [Verdict.KEPT] + [Verdict.DUPLICATE] * rest, [None] + [0] * rest), []
    first = group[0]
    series = (first.indicator, first.region, first.measure)
    return decide_span(series, [o.period.text for o in group], [Figure.of(o) for o in group])


def decide_span(
    series: tuple[str, str, str], labels: Sequence[str], figures: Sequence[Figure]
) -> tuple[Decision, list[Finding]]:
    """Rule 5 for figures of one span under different labels, in file order (``series``:
    their indicator, region and measure; ``labels``: each figure's period as written): the
    decision, and the findings of a conflict, their key naming every label (2019-12/2019).
    The store (:func:`span_findings`) and validate (validation/cross/same_keys.py) both
    call it; the store answers figures written alike before (:func:`_written_alike`)."""
    indicator, region, measure = series
    key: Key = (indicator, "/".join(sorted(set(labels))), region, measure)
    decision = decide(figures)
    return decision, findings(key, figures, decision, labels=True)


def _written_alike(group: Sequence[Observation]) -> bool:
    """Whether every figure of a group is written as the first is: the same exact value to
    the same place (or the same word and date), and the same ``as_of``. Rule 3's walk
    over them, in file order, then keeps the first — no finer place to prefer, no later
    time to revise, nothing to clash — and counts each other as its duplicate.
    tests/test_reconcile_alike.py holds this to :func:`decide` on generated groups."""
    first = group[0]
    value = first.value
    if value is not None and not value.is_finite():  # NaN is not even equal to itself
        return False
    for o in group[1:]:
        if o.as_of != first.as_of or o.word != first.word or o.done_on != first.done_on:
            return False
        # compare_total is 0 only for the same digits to the same place (9800 ≠ 9800.0);
        # one reading of one text is often one Decimal object: the identity answers first
        if o.value is not value and (
            o.value is None or value is None or value.compare_total(o.value)
        ):
            return False
    return True


def against_store(stored: Figure, submitted: Figure) -> Relation:
    """Rule 4: how a submitted figure stands to the stored current one."""
    return compare(stored, submitted)


def refines(stored: Figure, submitted: Figure) -> bool:
    """Rule 4 for the same figure: whether the submitted one is the stored one written more
    precisely (442,079 against a stored 44.2万), so that ingest stores it (it counts)."""
    return same_figure(stored, submitted) and finer(submitted, stored)


def superseded(history: Sequence[Figure], stored: Figure, submitted: Figure) -> Figure | None:
    """Rule 4 for a figure the store has revised: the earlier stored figure (of ``history``,
    the figures the current ``stored`` one replaced, oldest first) that ``submitted`` is,
    when ``submitted`` is older than ``stored`` (no ``as_of``, or an earlier one) — the
    original re-sent after its revision. It is already stored (ingest skips it): a later
    ``as_of`` or ``--revise`` would make the outdated figure count again."""
    if stored.as_of is None or (submitted.as_of is not None and submitted.as_of >= stored.as_of):
        return None
    if same_figure(stored, submitted):
        return None
    for earlier in reversed(history):  # the latest it could be first
        if same_figure(earlier, submitted):
            return earlier
    return None


def store_finding(
    key: Key,
    stored: Figure,
    submitted: Figure,
    *,
    revise: bool = False,
    history: Sequence[Figure] = (),
) -> Finding | None:
    """Rule 4's finding for a submitted figure, or ``None`` for a revision by date;
    ``history``: the stored figures the current one revised (:func:`superseded`)."""
    relation = against_store(stored, submitted)
    if relation is Relation.NEWER:
        return None
    earlier = superseded(history, stored, submitted)
    if earlier is not None:  # the earlier figure, re-sent: nothing to do
        params = pair_params(key, submitted, earlier) | {"stored_value": stored.text}
        params["stored_as_of"] = stored.as_of.isoformat() if stored.as_of else "-"
        return _at(submitted, "already-stored", Severity.NOTICE, params, "revised")
    if relation is Relation.SAME:
        params = pair_params(key, submitted, stored)
        if refines(stored, submitted):  # ingest writes it: the more precise counts
            return _at(submitted, "rounded-figure", Severity.NOTICE, params, "refines")
        code = "rounded-figure" if rounded(stored, submitted) else "already-stored"
        return _at(submitted, code, Severity.NOTICE, params)
    params = pair_params(key, submitted, stored) | {"stored_value": stored.text}
    form = ""
    if stored.as_of is not None:
        params["stored_as_of"] = stored.as_of.isoformat()
        form = "dated"
    dated_no_later = (
        submitted.as_of is not None and stored.as_of is not None and submitted.as_of <= stored.as_of
    )
    if revise and not dated_no_later:  # undated: ingest dates it today, after the stored one
        return _at(submitted, "revises-store", Severity.NOTICE, params, form)
    # an earlier figure given the revision's own as_of: a conflict, but "a later as_of"
    # would make the outdated figure count again — the hint says what it is instead
    resent = form == "dated" and any(same_figure(h, submitted) for h in history)
    hint_form = "earlier" if resent else ""
    return _at(submitted, "conflicts-with-store", Severity.ERROR, params, form, hint_form)


def history_finding(
    key: Key, stored: Figure, submitted: Figure, history: Sequence[Figure] = ()
) -> Finding | None:
    """Rule 4 for a submitted figure that a later ``as_of`` in the same submission replaces
    (its history): it joins the stored figures as history, ordered by date, so only a
    different figure at the same time as the stored one is a conflict; the same figure is
    already stored (ingest skips it)."""
    relation = against_store(stored, submitted)
    if relation is Relation.SAME or relation is Relation.CLASH:
        return store_finding(key, stored, submitted, history=history)
    return None


def duplicate_finding(key: Key, duplicate: Figure, kept: Figure) -> Finding:
    """``duplicate-observation`` on the line not counted, naming the line that is; for a
    figure that is the other rounded (44.2万 beside 442079), a ``rounded-figure`` notice."""
    if rounded(duplicate, kept):
        return _at(duplicate, "rounded-figure", Severity.NOTICE, pair_params(key, duplicate, kept))
    return _at(
        duplicate, "duplicate-observation", Severity.WARNING, pair_params(key, duplicate, kept)
    )


def conflict_finding(key: Key, figure: Figure, current: Figure) -> Finding:
    """``conflicting-observation`` on the line in conflict, naming the current one; when
    both carry the same ``as_of`` the hint cannot be "give it a date"."""
    same_date = figure.as_of is not None and figure.as_of == current.as_of
    return _at(
        figure,
        "conflicting-observation",
        Severity.ERROR,
        pair_params(key, figure, current),
        hint_form="same-date" if same_date else "",
    )


def pair_params(key: Key, this: Figure, other: Figure) -> dict[str, Param]:
    """What a finding about two figures of one key names: the key, this figure, the
    other figure and where it is."""
    indicator, period, region, measure = key
    return {
        "indicator": indicator,
        "period": period,
        "region": region,
        "measure": measure,
        "value": this.text,
        "other_value": other.text,
        "other_file": other.file or "-",
        "other_line": other.line if other.line is not None else "-",
    }


def _at(
    figure: Figure,
    code: str,
    severity: Severity,
    params: dict[str, Param],
    form: str = "",
    hint_form: str = "",
) -> Finding:
    return value_finding(figure.file, figure.line, code, severity, params, form, hint_form)


def value_finding(
    file: str | None,
    line: int | None,
    code: str,
    severity: Severity,
    params: dict[str, Param],
    form: str = "",
    hint_form: str = "",
) -> Finding:
    """THE finding on a figure's value cell, made after its file was read: by this rule
    (the store's and validate's alike) and by validate's cross-row rules
    (validation/cross/figures.at). Its column is the canonical ``value``, which
    :func:`linyi_tracker.validation.naming.at_value_column` names and numbers as the file
    has it (数值, column 4) for validate and the store alike: one conflict, one
    file:line:column wherever it is printed."""
    return Finding(
        code, severity, file, line, "value", params=params, form=form, hint_form=hint_form
    )
