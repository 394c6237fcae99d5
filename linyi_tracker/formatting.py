"""Numbers for people: thousands separators, 万 in Chinese, one-decimal percentages.

Data outputs (JSON) keep exact values; these functions are only for what is read.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from linyi_tracker.i18n import LABELS, Lang, status_label, t

_TEN_THOUSAND = Decimal(10_000)
_BARS = "▁▂▃▄▅▆▇█"


def number(value: Decimal, lang: Lang, wan: bool | None = None) -> str:
    """85000 → '85,000' (en) or '8.5万' (zh).

    In Chinese a figure of 10,000 or more is written in 万, exactly (19,140 → 1.914万), so
    two figures of one size never look different. ``wan`` fixes the style for a whole
    column (see :func:`wan_column`): all in 万, or none.
    """
    in_wan = abs(value) >= _TEN_THOUSAND if wan is None else wan
    if lang == "zh" and in_wan and value:
        return _grouped(_shifted(value, -4)) + "万"
    return _grouped(value)


def wan_column(values: Sequence[Decimal | None]) -> bool:
    """Whether a column of figures is written in 万: only when every one is 10,000 or more."""
    shown = [abs(v) for v in values if v is not None and v]
    return bool(shown) and all(v >= _TEN_THOUSAND for v in shown)


def bounded_share(value: Decimal, unit_en: str | None) -> Decimal:
    """A projected share shown within 0–100 % (the data outputs keep the projection)."""
    if unit_en != "%":
        return value
    return min(max(value, Decimal(0)), Decimal(100))


def estimate(value: Decimal, unit_en: str | None, lang: Lang) -> Decimal:
    """A projection as shown: within 0–100 % for a share, at the unit's precision (0.1 for a
    percentage, 0.01 for a ratio, whole otherwise), and to 0.01万 in Chinese from 10,000."""
    value = bounded_share(value, unit_en)
    places = {"%": Decimal("0.1"), ":1": Decimal("0.01")}.get(unit_en or "", Decimal(1))
    if lang == "zh" and places == 1 and abs(value) >= _TEN_THOUSAND:
        places = Decimal(100)
    return value.quantize(places) if places <= 1 else (value / places).quantize(1) * places


def _shifted(value: Decimal, places: int) -> Decimal:
    """``value`` times 10**places, every digit kept: arithmetic (and ``normalize``)
    rounds to the context's 28 digits, and a figure's exact text must survive."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: no digits to keep
        return value
    return Decimal((sign, digits, exponent + places))


def _grouped(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    whole, _, frac = format(value, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}.{frac.rstrip('0')}"


def with_unit(value: Decimal, unit_label: str | None, lang: Lang, wan: bool | None = None) -> str:
    text = number(value, lang, wan)
    if not unit_label:
        return text
    if unit_label == ":1":
        return f"{text}:1"
    if unit_label == "%":
        return f"{text}{'%' if lang == 'zh' else ' %'}"
    return f"{text}{unit_label}" if lang == "zh" else f"{text} {unit_label}"


def shown_percent(fraction: float) -> Decimal:
    """A fraction as every output shows it, in percent (or points) to one decimal:
    0.5625 → 56.2. The one rounding of achievements, progress and schedule gaps, for the
    terminal, the texts and the workbook alike (assessment.md, "Lists in a yearly
    report"): half-even on the figure as computed, as Python's formatting rounds; the
    workbook stores this figure rather than letting Excel round the fraction half-up."""
    return Decimal(f"{fraction * 100:.1f}")


def percent(fraction: float | None, lang: Lang) -> str:
    """0.98470 → '98.5 %' (en) / '98.5%' (zh); None → '—'."""
    if fraction is None:
        return "—"
    return f"{shown_percent(fraction)}{'%' if lang == 'zh' else ' %'}"


def points(fraction: float) -> str:
    """A difference of fractions in percentage points, one decimal, signed: '+31.8'."""
    return f"{shown_percent(fraction):+}"


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


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
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def worded(value: str, lang: Lang) -> str:
    """A worded figure (done, not-done, a judgement such as on_track) in the reader's words."""
    if value == "done":
        return t("word.done", lang)
    if value == "not-done":
        return t("word.not_done", lang)
    return status_label(value, lang) if f"status.{value}" in LABELS else value


# ------------------------------------------------------------------ file names

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (a byte of a file name that is not UTF-8, as
    Python escapes it) as U+FFFD, which every output can write."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as every renderer and JSON output shows it: a name in GBK bytes (from a
    Windows archive) with U+FFFD for what is not UTF-8, never a crash or ``??``."""
    return without_surrogates(os.fspath(path))
