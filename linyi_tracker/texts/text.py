"""The one formatter every zh/en template goes through, and the language type.

Templates are ``str.format`` strings. Besides the usual fields a template may write:

- ``{n:word|words}`` — the number and the English word that agrees with it (:func:`plural`);
- ``{tol:pct}`` — a ratio as percent points (0.95 → 95), the % sign left to the template;
- ``{problem:yaml-zh}`` — a phrase of the YAML parser said in Chinese;
- ``{history:list-zh}`` — "2015 1,120,000; 2018 1,150,000" with 年 and the full-width semicolon;
- ``{unit:zh}`` — a parameter that holds both languages (a Named id, a {zh, en} pair) in
  its Chinese form whatever the language: an English sentence may name the unit or the
  category the Chinese data files write beside its own word, with the same parameters
  as the Chinese sentence.

:func:`fill` is for labels (a missing parameter is a programming error and raises);
:func:`fill_finding` is for a finding's message and hint (every value shown exact and on
one line, a missing parameter left as ``{name}`` so a test fails on it, never the user).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from linyi_tracker.findings import Named
from linyi_tracker.plan.yaml_words import in_chinese

Lang = Literal["zh", "en"]
Pair = dict[Lang, str]  # one sentence (a template) in both languages

# The tables of sentences, key -> {"zh": …, "en": …}: labels, findings, help (one per area).
_TABLES: list[Mapping[str, Mapping[Lang, str]]] = []


def register(table: Mapping[str, Mapping[Lang, str]]) -> None:
    """Make ``table`` one of the tables :class:`Text` keys are looked up in (the table
    itself, so entries added to it later are found too)."""
    if not any(t is table for t in _TABLES):
        _TABLES.append(table)


def tables() -> list[Mapping[str, Mapping[Lang, str]]]:
    """Every registered table of sentences."""
    return list(_TABLES)


def template(key: str, lang: Lang) -> str:
    """The template of ``key`` in ``lang``, from whichever table holds it."""
    for table in _TABLES:
        if key in table:
            return table[key][lang]
    raise KeyError(key)


@dataclass(frozen=True)
class Text:
    """A sentence not yet in a language: its key in the tables and its parameters,
    rendered at the edge. ``text(lang)`` is the template, ``text.render(lang)`` the
    sentence filled; ``.zh`` and ``.en`` the two templates.

    A parameter may itself hold both languages (``{"zh": …, "en": …}``), be a Text, or
    a :class:`~linyi_tracker.findings.Named` id said by its name (:func:`said_in`).
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def zh(self) -> str:
        return template(self.key, "zh")

    @property
    def en(self) -> str:
        return template(self.key, "en")

    def __call__(self, lang: Lang) -> str:
        return template(self.key, lang)

    def render(self, lang: Lang, *, plain: bool = False) -> str:
        """The sentence filled; ``plain`` for output that is not Markdown (the terminal):
        the template's code marks taken off (:func:`unmarked`), the parameters as given."""
        values = {k: said_in(v, lang) for k, v in self.params.items()}
        text = template(self.key, lang)
        if plain:
            text = unmarked(text)
        return fill(text, values) if values else text


class _Said(str):
    """A parameter said in the reader's language that still knows its Chinese form, for
    ``{name:zh}``."""

    zh: str

    def __new__(cls, shown: str, zh: str) -> _Said:
        self = super().__new__(cls, shown)
        self.zh = zh
        return self


def said_in(value: object, lang: Lang) -> object:
    """A parameter as ``lang`` says it: a Named id by its name, a Text rendered, a
    {zh, en} dict its ``lang`` text; any other value as it is. The one place a value
    becomes words for labels and findings alike."""
    if isinstance(value, Named):  # an id said by its name (validation/naming.py)
        return _Said(value.shown(lang), value.zh)
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, Mapping) and set(value) == {"zh", "en"}:
        return _Said(str(value[lang]), str(value["zh"]))
    return value


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    """``1 error``, ``2 errors``: the number and the English word that agrees with it."""
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"


def percent_points(value: Any) -> str:
    """A ratio (0.95, Decimal('0.05')) as the percent a reader is told (95, 5): exact,
    without trailing zeros; the template writes the % sign as its language spaces it."""
    if value is None:
        return "—"
    points = Decimal(str(value)) * 100
    return format(points.normalize(), "f")


def param_text(value: object) -> str:
    """A finding's parameter as text: exact decimals without exponent, control characters
    shown escaped (a cell's newline must not break the one-line-a-finding output)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else repr(ch)[1:-1]
        for ch in text
    )


@dataclass(frozen=True, slots=True)
class _Missing:
    name: str


class _Formatter(string.Formatter):
    """``str.format`` with the specs above. ``findings=True``: values through
    :func:`param_text`, a missing parameter kept as ``{name}``."""

    def __init__(self, *, findings: bool) -> None:
        super().__init__()
        self.findings = findings

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if self.findings and not (isinstance(key, str) and key in kwargs):
            return _Missing(str(key))
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + value.name + "}"
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return plural(value, one, many)
        if format_spec == "zh":  # the Chinese form of a parameter said in both languages
            value = getattr(value, "zh", value)
            return param_text(value) if self.findings else str(value)
        if format_spec == "pct":  # a ratio as percent points: 0.95 → 95, 0.055 → 5.5
            return percent_points(value)
        if format_spec == "yaml-zh":
            return in_chinese(param_text(value))
        if format_spec == "list-zh":  # "2015 1,120,000; 2018 1,150,000" said in Chinese
            listed = re.sub(r"(^|; )(\d{4}) ", r"\1\2年 ", param_text(value))
            return listed.replace("; ", "；")
        if self.findings:
            return param_text(value)
        return str(super().format_field(value, format_spec))


_LABELS = _Formatter(findings=False)
_FINDINGS = _Formatter(findings=True)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def unmarked(template: str) -> str:
    """A template as output that is not Markdown shows it: Markdown's code marks taken off
    a command ("运行 `linyi-tracker plan`" → "运行 linyi-tracker plan"). Only templates go
    through here, never a filled sentence: a backtick in a clerk's cell is shown as written."""
    return _CODE_SPAN.sub(r"\1", template) if "`" in template else template


def fill(template: str, values: Mapping[str, object]) -> str:
    """A label's template filled (a missing parameter raises KeyError)."""
    return _LABELS.vformat(template, (), values)


def fill_finding(template: str, values: Mapping[str, object]) -> str:
    """A finding's template filled: values exact and on one line, a missing one kept."""
    return _FINDINGS.vformat(template, (), values)
