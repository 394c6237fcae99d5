"""Finding what the user named: a status, a system, a region, an indicator or target.

One rule for every filter and every name a command takes (``--status``, ``--system``,
``--region``, ``show NAME``), in the words the user sees in either language:

1. the text, folded (NFKC, case, ``_``/``-``/spaces alike), equals a name of exactly
   one candidate — an id, a number, the zh or en name, an alias;
2. else it starts exactly one candidate's name (``住房`` → 住房保障体系);
3. else it is part of exactly one candidate's name (``新增就业`` → 城镇新增就业人数).

The first step with any match decides: one candidate is the answer; several are
ambiguous, and :class:`LookupFailed` lists them; none at all is unknown, and the
error names the closest candidate, or lists them all when there are few.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches

from linyi_tracker.i18n import LABELS, Lang, Text, TextUsageError
from linyi_tracker.plan.models import Indicator, Plan
from linyi_tracker.plan.names import (
    after_city,
    city_prefixes,
    fold_words,
    has_cjk,
    region_names,
    system_names,
)
from linyi_tracker.plan.names import fold as fold_names
from linyi_tracker.plan.script import simplified
from linyi_tracker.plan.sounds import is_zone_name, sounds_like
from linyi_tracker.words import STATUS_WORDS

# Statuses an assessment may carry, and "not assessed" for one that carries none.
FILTER_STATUSES: tuple[str, ...] = (*STATUS_WORDS, "not_assessed")

# With this many candidates or fewer, an unknown name lists them all.
LIST_ALL_UP_TO = 20


@dataclass(frozen=True)
class Candidate:
    """Something a user may name: its key, every name it answers to, how it is shown."""

    key: str
    names: tuple[str, ...]
    zh: str
    en: str


class LookupFailed(TextUsageError):
    """A name matches nothing or several things; the message lists the candidates."""

    def __init__(self, *texts: Text, candidates: Sequence[Candidate] = ()) -> None:
        self.candidates = tuple(candidates)
        super().__init__(*texts)

    def render(self, lang: Lang, *, plain: bool = False) -> str:
        head = super().render(lang, plain=plain)
        width = max((len(c.key) for c in self.candidates), default=0)
        lines = [
            f"  {c.key:<{width}}  {c.zh if lang == 'zh' else c.en}".rstrip()
            for c in self.candidates
        ]
        return "\n".join([head, *lines])


# The form names are compared in: NFKC, casefolded, ``_`` ``-`` and spaces as one (the
# plan check refuses two entries of one kind with a name alike in this form).
fold = fold_words


def match(text: str, candidates: Sequence[Candidate], what: str) -> Candidate:
    """The one candidate ``text`` names (module docstring), else :class:`LookupFailed`."""
    number = number_text(text)
    wanted = fold(text) if number is None else number
    if wanted:
        tests = (
            lambda name: name == wanted,
            lambda name: name.startswith(wanted),
            lambda name: wanted in name,
        )
        # a number names one thing exactly: `0` is not part of 10, `-1` is not 1
        for test in tests if number is None else tests[:1]:
            found = _unique(c for c in candidates if any(test(fold(n)) for n in c.names))
            if len(found) == 1:
                return found[0]
            if found:
                raise LookupFailed(
                    Text(
                        "lookup.ambiguous",
                        {"text": text, "n": len(found), "what": LABELS[f"lookup.many.{what}"]},
                    ),
                    candidates=found,
                )
    raise _unknown(text, candidates, what)


def match_many(texts: Iterable[str], candidates: Sequence[Candidate], what: str) -> list[str]:
    """Keys for comma-separated or repeated names (``明显滞后,存在风险``), in order, once each."""
    keys: list[str] = []
    for text in texts:
        parts = [p for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
        if not parts:  # `--status ""` or `",,,"` names nothing: not "every status"
            raise _unknown(text, candidates, what)
        for part in parts:
            key = match(part, candidates, what).key
            if key not in keys:
                keys.append(key)
    return keys


def number_text(text: str) -> str | None:
    """``text`` (NFKC, stripped) when it is a whole number such as ``1``, ``-1``, ``１``."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).strip()
    digits = folded[1:] if folded[:1] in ("+", "-") else folded
    return folded if digits.isascii() and digits.isdigit() else None


def _unique(found: Iterable[Candidate]) -> list[Candidate]:
    seen: dict[str, Candidate] = {}
    for c in found:
        seen.setdefault(c.key, c)
    return list(seen.values())


def _unknown(text: str, candidates: Sequence[Candidate], what: str) -> LookupFailed:
    head = Text("lookup.unknown", {"text": text, "what": LABELS[f"lookup.a.{what}"]})
    by_name = {fold(n): c for c in candidates for n in c.names}
    wanted = simplified(fold(text))  # 蘭三區: traditional script read as simplified
    # a number is not "close" to a name (0 → food-drug): the choices are listed instead.
    # A name typed with the input method's homophone (沂男县) is ranked by sound first, as
    # validate ranks it (plan/sounds.py), then by characters.
    heard = None if number_text(text) else _by_sound(wanted, by_name)
    close = (
        [heard]
        if heard is not None
        else []
        if number_text(text)
        else get_close_matches(wanted, list(by_name), n=1, cutoff=0.6)
    )
    if close:
        found = by_name[close[0]]
        if found.zh and found.en:  # 兰山区 (lanshan): the name the reader knows, and the id
            said = {"guess": found.key, "name": {"zh": found.zh, "en": found.en}}
            return LookupFailed(head, Text("lookup.did_you_mean_named", said))
        return LookupFailed(head, Text("lookup.did_you_mean", {"guess": found.key}))
    near = [] if number_text(text) else one_typo_away(wanted, candidates)
    if near:
        return LookupFailed(head, Text("lookup.closest"), candidates=near)
    if len(candidates) <= LIST_ALL_UP_TO:
        return LookupFailed(head, Text("lookup.choices"), candidates=candidates)
    return LookupFailed(head, Text("lookup.list_plan"))


def _by_sound(folded: str, by_name: dict[str, Candidate]) -> str | None:
    """The name of the candidate ``folded`` sounds like, never for a zone's or town's name
    (兰山街道 is no county, however it is typed)."""
    if not has_cjk(folded) or is_zone_name(folded):
        return None
    chinese = {n: c.key for n, c in by_name.items() if has_cjk(n)}
    key = sounds_like(folded, chinese)
    return next((n for n, c in by_name.items() if c.key == key and has_cjk(n)), None)


# At most this many names offered for a misspelt one.
NEAR_NAMES = 5


def one_typo_away(wanted: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates with a name holding ``wanted`` but for one character (就叶 → the names
    with 就业; 城镇新增就叶 → 城镇新增就业人数), fewest differences first, then shortest name.
    Two characters at least, and at least one of them right: a list to choose from, never
    an answer (the command still stops: no figure comes from a guess)."""
    size = len(wanted)
    if size < 2:
        return []
    ranked: list[tuple[int, int, int, Candidate]] = []
    for order, c in enumerate(candidates):
        best: tuple[int, int] | None = None
        for name in c.names:
            folded = fold(name)
            for start in range(len(folded) - size + 1):
                wrong = sum(
                    a != b for a, b in zip(wanted, folded[start : start + size], strict=True)
                )
                if wrong <= 1 and (best is None or (wrong, len(folded)) < best):
                    best = (wrong, len(folded))
        if best is not None:
            ranked.append((*best, order, c))
    ranked.sort(key=lambda r: r[:3])
    return _unique(c for *_, c in ranked)[:NEAR_NAMES]


# The candidates of each kind of name.


def status_candidates() -> list[Candidate]:
    """Status codes, their zh and en words (``on_track``, ``on track``, ``正常推进``)."""
    out = []
    for code in FILTER_STATUSES:
        words = LABELS[f"status.{code}"]
        # the en word is the code spelt with spaces: shown once, as the code
        out.append(Candidate(code, (code, words["en"], words["zh"]), words["zh"], ""))
    return out


def system_candidates(plan: Plan) -> list[Candidate]:
    return [Candidate(s.id, system_names(s), s.name.zh, s.name.en) for s in plan.systems]


def region_candidates(plan: Plan) -> list[Candidate]:
    return [Candidate(r.id, region_names(r), r.name.zh, r.name.en) for r in plan.regions]


def indicator_candidates(plan: Plan) -> list[Candidate]:
    """Indicators by id and names; a target's id names its indicator."""
    targets: dict[str, list[str]] = {}
    for t in plan.targets:
        targets.setdefault(t.indicator, []).append(t.id)
    return [
        Candidate(
            ind.id,
            (ind.id, ind.name.zh, ind.name.en, *targets.get(ind.id, [])),
            ind.name.zh,
            ind.name.en,
        )
        for ind in plan.indicators
    ]


def find_statuses(texts: Iterable[str]) -> set[str]:
    """The statuses named in ``--status`` (codes, zh or en words); empty for none given."""
    return set(match_many(texts, status_candidates(), "status"))


def find_system(plan: Plan, text: str) -> str:
    """The id of the system named by ``text`` (number, id, a unique prefix or part of a name)."""
    return match(text, system_candidates(plan), "system").key


def find_region(plan: Plan, text: str) -> str:
    """The id of the region named by ``text`` (id, zh or en name, alias, unique part); a
    county's name with its city in front (临沂市兰山区) is the county's, as in a data file
    (:func:`~linyi_tracker.plan.names.without_city`)."""
    candidates = region_candidates(plan)
    names = {fold_names(n): c.key for c in candidates for n in c.names}
    rest, county = after_city(text, names, plan.city.id, city_prefixes(plan))
    if county is not None:
        return county
    if rest is not None:  # judged on what follows the city, and never the city itself
        return match(rest, [c for c in candidates if c.key != plan.city.id], "region").key
    return match(text, candidates, "region").key


def find_indicator(plan: Plan, text: str) -> Indicator:
    """The indicator named by ``text``: its id, a target's id, or a unique part of a name."""
    return plan.indicator_by_id[match(text, indicator_candidates(plan), "indicator").key]
