"""Numbers for people: thousands separators, 万 in Chinese, one-decimal percentages.

One rule per kind of figure, the rules every output calls (terminal, Markdown, HTML, Word,
the workbook's formats, the CSV's shown columns):
- a percentage or points of the assessment (achievement, progress, time elapsed, schedule
  gap): one decimal, half-even, never across a bound (:func:`percent`, :func:`shown_percent`);
  a pace in whole percent (:func:`pace_percent`);
- a figure in its unit: at its written precision (:func:`number`, :func:`with_unit`), in
  万 where its row is (:class:`Scale`);
- a projection: at the precision of what stands beside it (:func:`estimate`).

Data outputs (JSON) keep exact values; these functions are only for what is read.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from linyi_tracker.i18n import LABELS, Lang, status_label, t

_TEN_THOUSAND = Decimal(10_000)
_BARS = "▁▂▃▄▅▆▇█"


def number(value: Decimal, lang: Lang, wan: bool | None = None) -> str:
    """85000 → '85,000' (en) or '8.5万' (zh), at the figure's written precision.

    The one rule of a figure in its unit: every decimal it was written with is shown, a
    trailing zero too (78.0 stays 78.0, 2.40 stays 2.40: the precision the office wrote),
    none added and none rounded away — so a figure reads the same in every table, whatever
    stands above or below it. In Chinese a figure of 10,000 or more is written in 万,
    exactly (19,140 → 1.914万); ``wan`` fixes that for a whole row (:func:`unit_scales`).
    """
    in_wan, shown_places = figure_style(value, lang, wan)
    return _grouped(_shifted(value, -4) if in_wan else value, shown_places) + (
        "万" if in_wan else ""
    )


def figure_style(value: Decimal, lang: Lang, wan: bool | None = None) -> tuple[bool, int]:
    """How :func:`number` writes ``value``: whether in 万, and with how many decimals (as
    written: :func:`written_places`; in 万, those the figure needs there, 8.59万). The
    workbook's number formats are made from this, so a cell shows what the text does."""
    in_wan = lang == "zh" and _in_wan(value, wan) and bool(value)
    if in_wan:
        return True, _decimals(_shifted(value, -4))
    return False, written_places(value)


def _in_wan(value: Decimal, wan: bool | None) -> bool:
    return abs(value) >= _TEN_THOUSAND if wan is None else wan


_HUNDREDTH = Decimal("0.01")


def wan_column(values: Sequence[Decimal | None]) -> bool:
    """Whether figures of one unit are written in 万: only when every one is 10,000 or more
    and reads exactly in 万 to two decimals (8.59万人, 1.61万元); a set that would need
    1.914万元 or 1.1315万人 is written in units (19,140元, 11,315人)."""
    shown = [abs(v) for v in values if v is not None and v]
    return bool(shown) and all(
        v >= _TEN_THOUSAND and (v / _TEN_THOUSAND) == (v / _TEN_THOUSAND).quantize(_HUNDREDTH)
        for v in shown
    )


def wan_scale(values: Sequence[Decimal | None], lang: Lang) -> bool:
    """Whether figures of one unit that are read together (a row's, a column of counties')
    are written in 万 in ``lang``: in Chinese only, where :func:`wan_column` allows it."""
    return lang == "zh" and wan_column(values)


def _decimals(value: Decimal) -> int:
    """The decimals a figure needs, trailing zeros dropped (1.680 → 2): a figure in 万,
    whose zeros are the shift's, not the writer's."""
    return len(format(value, "f").partition(".")[2].rstrip("0"))


def written_places(value: Decimal) -> int:
    """The decimals ``value`` was written with, a trailing zero too (78.0 → 1, 2.40 → 2,
    85000 → 0): the precision :func:`number` shows it at. A computed figure carries the
    precision of what it was computed from (80 − 78.0 = 2.0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(frozen=True, slots=True)
class Scale:
    """Whether the figures of each unit of one target's row are written in 万 (by unit
    label, :func:`unit_scales`): the row's target, actual, gap and projection read in one
    magnitude (≥ 120,000元/人 beside 117,746元/人 and 2,254元/人, never ≥ 12万元/人 beside
    117,746元/人). Decided on the row alone, so the row reads the same in every table,
    terminal and file. Precision is never a row's or a column's: each figure is shown at
    its written precision (:func:`number`). The default leaves each figure to its own size."""

    wan: Mapping[str, bool] = field(default_factory=dict)  # by unit label

    def amount(self, value: Decimal, unit_label: str | None, lang: Lang) -> str:
        """A figure with its unit in this row's scale."""
        return with_unit(value, unit_label, lang, self.of(unit_label))

    def of(self, unit_label: str | None) -> bool | None:
        """Whether this row writes a figure of ``unit_label`` in 万 (see :func:`number`)."""
        if unit_label == "%":
            return False
        if unit_label == ":1":
            return None
        return self.wan.get(unit_label or "")


SHARE = "%"  # the unit key of percentages and percentage points in a row's figures


def _by_unit(figures: Iterable[tuple[Decimal, str]]) -> dict[str, list[Decimal | None]]:
    by_unit: dict[str, list[Decimal | None]] = {}
    for value, unit_label in figures:
        by_unit.setdefault(unit_label, []).append(value)
    return by_unit


def unit_scales(figures: Iterable[tuple[Decimal, str]], lang: Lang) -> dict[str, bool]:
    """Whether the figures of each unit are written in 万 (:func:`wan_column`), decided once
    over every figure of that unit a row shows — its target, actual, gap and projection —
    so a row reads in one scale."""
    return {u: wan_scale(values, lang) for u, values in _by_unit(figures).items() if u != SHARE}


def bounded_share(value: Decimal, unit_en: str | None) -> Decimal:
    """A projected share shown within 0–100 % (the data outputs keep the projection)."""
    if unit_en != "%":
        return value
    return min(max(value, Decimal(0)), Decimal(100))


def estimate(
    value: Decimal,
    unit_en: str | None,
    lang: Lang,
    wan: bool | None = None,
    written: Sequence[Decimal | None] = (),
) -> Decimal:
    """A projection as shown: within 0–100 % for a share, at the precision of what stands
    beside it — the written decimals of ``written`` (its target and latest figure), never
    fewer than the unit's own (0.1 for a percentage, 0.01 for a ratio, whole otherwise),
    up to 4: beside an actual of 96.50 % a projection reads 97.85 %, beside 0.45
    吨标准煤/万元 it reads 0.41, not 0 — and to 0.01万 where it is written in 万 (``wan``,
    its row's scale; by default in Chinese from 10,000). The result carries its precision
    (98.0), which :func:`number` shows."""
    value = bounded_share(value, unit_en)
    least = {"%": 1, ":1": 2}.get(unit_en or "", 0)
    shown = [written_places(f) for f in written if f is not None and f.is_finite()]
    places = min(_ESTIMATE_DECIMALS, max([least, *shown]))
    if lang == "zh" and not least and _in_wan(value, wan):
        return (value / 100).quantize(1) * 100
    return value.quantize(Decimal(1).scaleb(-places))


_ESTIMATE_DECIMALS = 4


def _shifted(value: Decimal, places: int) -> Decimal:
    """``value`` times 10**places, every digit kept: arithmetic (and ``normalize``)
    rounds to the context's 28 digits, and a figure's exact text must survive."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: no digits to keep
        return value
    return Decimal((sign, digits, exponent + places))


# The minus sign of every figure a reader sees (U+2212, as the schedule's "−6.8 pts" and
# the method's "achievement − time elapsed" write it), in zh and en, in the terminal, the
# Markdown, HTML and Word reports and the workbook's text cells: the ASCII hyphen is a
# hyphen ("living-standard", "2017-09"), and beside a true minus in one table it reads as
# a second kind of figure. Data outputs (JSON, CSV's exact columns, the workbook's number
# cells) keep machine numbers with the ASCII '-'.
MINUS = "\u2212"


def signed(magnitude: str, negative: bool, *, plus: bool = False) -> str:
    """A figure's text (without its sign) with its sign as a reader sees it: '−3.89' for a
    negative, '+31.8' where ``plus`` asks for a positive sign, else as it is. The one sign
    rule of every shown figure (:data:`MINUS`)."""
    return (MINUS if negative else "+" if plus else "") + magnitude


def _grouped(value: Decimal, places: int | None = None) -> str:
    negative = value < 0
    value = value.copy_abs()  # not abs(): that rounds to the context's 28 digits
    if value == value.to_integral_value() and not places:
        return signed(f"{int(value):,}", negative)
    whole, _, frac = format(value, "f").partition(".")
    frac = frac.rstrip("0")
    if places is not None:
        frac = frac.ljust(places, "0")
    return signed(f"{int(whole or 0):,}" + (f".{frac}" if frac else ""), negative)


def with_unit(value: Decimal, unit_label: str | None, lang: Lang, wan: bool | None = None) -> str:
    """A figure in its unit as every output writes it (:func:`number`): 8.5万人, 98.0 %,
    1.62:1, '1 county'."""
    text = number(value, lang, wan)
    if not unit_label:
        return text
    if unit_label == ":1":
        return f"{text}:1"
    if unit_label == "%":
        return f"{text}{percent_sign(lang)}"
    if lang == "zh":
        return f"{text}{unit_label}"
    # Only a whole 1 as shown takes the singular ('1 county'; '1.0 persons', as English writes).
    return f"{text} {one_of(unit_label) if text.lstrip(MINUS) == '1' else unit_label}"


# The English plurals whose singular is known, longest ending first: counties → county,
# boxes → box, branches → branch, persons → person. A word with none of these endings
# (yuan, m², km, glass, census, basis) is not taken for a plural and stays as written.
_PLURAL_ENDINGS = (
    ("ies", "y"),
    ("sses", "ss"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("s", ""),
)


def one_of(unit_label: str) -> str:
    """The English word for one of a counted unit, written in the plan in the plural
    (counties → county, persons → person, boxes → box): '1 county', never '1 counties'.

    The limit: only a single Latin word with a known plural ending is changed (see
    ``_PLURAL_ENDINGS``); anything else (yuan, m², km, glass, an irregular plural such as
    'people') stays as written, and :func:`with_unit` asks for it only for a whole 1."""
    if not re.fullmatch(r"[A-Za-z]+", unit_label):
        return unit_label
    lower = unit_label.lower()
    for ending, singular in _PLURAL_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending):
            return unit_label[: len(unit_label) - len(ending)] + singular
    return unit_label


def phrase_of(parts: Iterable[str], lang: Lang) -> str:
    """Words and figures of one phrase as each language sets them: side by side in Chinese,
    which puts no space between Chinese text and a figure (年均增长5.7%，目标6.5%以上;
    8.5万人每年; 部分地区合计3.2万, as the statistical communiqués print them), spaced in
    English ('85,000 persons a year')."""
    return ("" if lang == "zh" else " ").join(parts)


def listed(items: Iterable[object], lang: Lang) -> str:
    """Items of a list as each language separates them: 2017、2018 / 2017, 2018 (the one
    list separator of every text a reader sees)."""
    return ("、" if lang == "zh" else ", ").join(str(x) for x in items)


def kept_side(
    value: float | Decimal, bounds: Iterable[Decimal], places: int, *, scale: int = 0
) -> Decimal:
    """``value`` times 10**``scale`` (2: a fraction in percent), rounded to ``places``
    decimals (half-even, as Python's formatting rounds), on the same side of every bound as
    ``value`` itself: the one rule that keeps a shown figure from rounding across a
    threshold its word stands on. 0.99953 against 1 shows 99.9 (a missed target never reads
    100.0 %), −0.0004 against 0 shows −0.1 (a target behind schedule never reads 0.0), a
    pace of 0.9496 against 0.95 shows 94. A value at or above a bound shows at least the
    bound; compared as the engine compares, unscaled (``value >= float(bound)``)."""
    quantum = Decimal(1).scaleb(-places)
    shown = Decimal(f"{float(value) * 10**scale:.{places}f}") + 0  # + 0: no '-0'
    for bound in bounds:
        at = bound.scaleb(scale)
        edge = at.quantize(quantum, ROUND_CEILING)  # the least shown figure >= the bound
        if float(value) < float(bound) and shown >= at:
            shown = edge - quantum
        elif float(value) >= float(bound) and shown < at:
            shown = edge
    return shown


# A fraction's shown percent keeps its side of 0 and of 1 (100 %): the thresholds of a
# gap (behind or ahead of schedule) and of an achievement (met or not).
_PERCENT_BOUNDS = (Decimal(0), Decimal(1))


def shown_percent(fraction: float, bounds: Iterable[Decimal] = ()) -> Decimal:
    """A fraction as every output shows it, in percent (or points) to one decimal:
    0.5625 → 56.2. The one rounding of achievements, progress and schedule gaps, for the
    terminal, the texts and the workbook alike (assessment.md, "Lists in a yearly
    report"): half-even on the figure as computed, as Python's formatting rounds, but
    never across 0, 100 % or any of ``bounds`` (fractions: an ≈ target's 1 − t) —
    :func:`kept_side`: 0.99953 is 99.9, −0.0004 is −0.1. The workbook stores this figure
    rather than letting Excel round the fraction half-up."""
    return kept_side(fraction, (*_PERCENT_BOUNDS, *bounds), 1, scale=2)


def percent_sign(lang: Lang) -> str:
    """The sign after a percentage: '%' close in Chinese (98.5%), ' %' spaced in English
    (98.5 %) — the one rule every figure, table, sentence and Excel format follows."""
    return "%" if lang == "zh" else " %"


def percent(fraction: float | None, lang: Lang, bounds: Iterable[Decimal] = ()) -> str:
    """0.98470 → '98.5 %' (en) / '98.5%' (zh), −0.2 → '−20.0%'; None → '—'; never rounded
    across 0, 100 % or ``bounds`` (:func:`shown_percent`)."""
    if fraction is None:
        return "—"
    return f"{shown_signed(shown_percent(fraction, bounds))}{percent_sign(lang)}"


def shown_signed(value: Decimal) -> str:
    """A computed figure as shown, with the reader's minus sign (:func:`signed`)."""
    return signed(str(abs(value)), value < 0)


def shown_pace(pace: float, bounds: Iterable[Decimal]) -> Decimal:
    """A pace as every output shows it, in whole percent (1.0141 → 101: a ratio of two
    speeds has no meaningful tenth), on the same side of every bound as the pace itself
    (:func:`kept_side`): the status thresholds that decided its status (0.95, 0.60), 0,
    below which it regresses, and 1, the speed the target needs (a fraction's bounds, as
    :func:`shown_percent`'s). A pace of 0.9496 is at risk and shows 94, never 95 beside
    存在风险; 0.5999 shows 59 beside 明显滞后; 0.9995 (84,960 a year against ≥ 85,000)
    shows 99, never 100 beside 未达成."""
    return kept_side(pace, (*_PERCENT_BOUNDS, *bounds), 0, scale=2)


def pace_percent(pace: float | None, bounds: Iterable[Decimal], lang: Lang) -> str:
    """1.0141 → '101%' (zh) / '101 %' (en), by :func:`shown_pace`; None → '—'."""
    if pace is None:
        return "—"
    return f"{shown_signed(shown_pace(pace, bounds))}{percent_sign(lang)}"


def sparkline(values: Sequence[Decimal | float]) -> str:
    """A one-line chart of a series: '▁▃▅█'. Flat series draw a flat line."""
    nums = [float(v) for v in values]
    if not nums:
        return ""
    low, high = min(nums), max(nums)
    if high == low:
        return _BARS[3] * len(nums)
    span = high - low
    return "".join(_BARS[min(7, int((v - low) / span * 7 + 0.5))] for v in nums)


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(value / maximum * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else "▏▎▍▌▋▊▉"[rest - 1])


def display_width(text: str) -> int:
    """Columns a text takes on screen or in a spreadsheet: CJK characters count two.

    ASCII text is one column a character (``str.isascii`` is a C scan): the status table
    measures ~20,000 cell pieces, most of them ASCII, and this halves its layout time."""
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:
    """:func:`display_width` of a non-ASCII text, once per text: a table's layout measures
    the same names, words and figures again and again (9,000 characters looked up for
    the status table's 2,500 non-ASCII pieces)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# The one pair of line-break sets every wrapper uses (the help text's and the tables'): a
# closing mark never starts a line, an opening mark never ends one.
CLOSING_MARKS = frozenset("”’）》」』】〕、，。：；！？%)]}·…")
OPENING_MARKS = frozenset("“‘（《「『【〔([{")

# A comparison or sign and the figure after it are one piece ("≥ 10,000套(户)", "± 5 %",
# "− 15 %"): no line of any output ends in the sign alone. The terminal tables glue the
# space (cli/render/fit.py); Word and HTML print it as a no-break space (hold_signs).
SIGNS = "≥≤><≈±−"
SIGN_SPACE = re.compile(f"(?:(?<=[{SIGNS}])|(?<=[<>]=)) (?=\\S)")  # and ">= 95", as typed


def hold_signs(text: str, joiner: str = "\u00a0") -> str:
    """``text`` with the space after each sign a ``joiner`` (a no-break space): the one
    rule that keeps a comparison with its figure where a format breaks lines itself."""
    return SIGN_SPACE.sub(joiner, text)


# A date as a milestone's figure may hold it: '2025-01-01', or as a workbook cell gave it,
# '2025-01-01T00:00:00' / '2025-01-01 00:00:00' (a date without a time of day).
_DATE_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")


def date_label(value: str, lang: Lang) -> str | None:
    """'2025-01-01T00:00:00' → '2025年1月1日' (zh) / '2025-01-01' (en); None for
    anything that is not a date at midnight."""
    m = _DATE_VALUE.fullmatch(value.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}年{month}月{day}日" if lang == "zh" else f"{year:04d}-{month:02d}-{day:02d}"


_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")


def moment_label(value: str, lang: Lang) -> str:
    """A time of day as a reader writes it, to the minute: '2026-12-06T21:16:42' →
    '2026年12月6日 21:16' (zh) / '2026-12-06 21:16' (en); the date by :func:`date_label`.
    A text that is not such a time is returned as it is."""
    m = _MOMENT.fullmatch(value.strip())
    day = date_label(m.group(1), lang) if m else None
    if m is None or day is None:
        return value
    return f"{day} {m.group(2)}:{m.group(3)}"


def worded(value: str, lang: Lang) -> str:
    """A worded figure (done, not-done, a date, a judgement such as on_track) in the
    reader's words."""
    date = date_label(value, lang)
    if date is not None:
        return date
    if value == "done":
        return t("word.done", lang)
    if value == "not-done":
        return t("word.not_done", lang)
    return status_label(value, lang) if f"status.{value}" in LABELS else value


# ------------------------------------------------------------------ file names

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte Python's surrogateescape kept
# A run of text outside ASCII that may be one name's bytes: not ASCII (a JSON escape or a
# path's separator is never taken into a name), nor the quotes and CJK punctuation the
# messages put around a name (“{text}”, {path}（…）, ：).
_NAME_RUN = re.compile("[\u0080-\u2017\u2020-\u2fff\u3040-\uff00\uff10-\uff19\uff21-\U0010ffff]+")


def without_surrogates(text: str) -> str:
    """``text`` as every output writes it: a file name's bytes that are not UTF-8 (a zip
    from a Windows PC names its files in GBK; Python keeps each byte as a lone surrogate)
    decoded as GB18030 where the run of them is valid GB18030 and gives characters an
    output shows, else each lone surrogate as U+FFFD. The one rule for names that are not
    UTF-8: terminal, JSON, workbooks."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", _NAME_RUN.sub(_gb18030_run, text))


def _gb18030_run(found: re.Match[str]) -> str:
    """A run of :data:`_NAME_RUN` holding escaped bytes, decoded as GB18030 (its valid
    UTF-8 pieces, 山's c9 bd read as ɽ, are bytes of it too); as it is when it does not
    decode to printable text (a private-use character, a byte cut short)."""
    run = found.group()
    if _ESCAPED_BYTE.search(run) is None:
        return run
    try:
        decoded = run.encode("utf-8", "surrogateescape").decode("gb18030")
    except UnicodeError:  # a high surrogate, a byte that is no GB18030
        return run
    if not decoded.isprintable() or any(unicodedata.category(c) == "Cf" for c in decoded):
        return run
    return decoded


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as every renderer and JSON output shows it: a name in GBK bytes (from a
    Windows archive) decoded (:func:`without_surrogates`), U+FFFD for bytes that decode
    as nothing, never a crash or ``??``."""
    return without_surrogates(os.fspath(path))


def typed_path(path: os.PathLike[str]) -> str:
    """A path as the user would type it (:func:`shown_path`): relative to the working
    directory when inside it."""
    from pathlib import Path

    try:
        return shown_path(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return shown_path(path)
