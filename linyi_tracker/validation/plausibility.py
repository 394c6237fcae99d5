"""Plausibility: is a figure on the scale of what its indicator is?

A figure far off the scale of its indicator's targets and history is most often one of
a few slips, each with a likely reading the warning names:

- a percentage given as a fraction: 0.851 for a coverage whose target is 92 % (Excel
  stores 85.1 % as 0.851) — "0.851 looks like 85.1 %";
- a figure in 万 given without it: 8.5 for new jobs whose target is 85,000 — "looks
  like 8.5万 = 85000"; or the reverse, ten thousand times too large;
- a growth rate where a level belongs: 10.4 for an urban income whose target is about
  50,000 yuan — "looks like a growth rate (10.4 %)".

A stock or level is also held against its own region's history, and with none against
the other regions' figures of its period (:func:`against_history`,
:func:`against_regions`): 11315 typed into a district's population row, which was over
a million the years before, is a warning that names those years' figures.

A plan may give an indicator its plausible range (``range: [min, max]``, DHIS2's
min–max values); the range is then the band, and the scale rule is not used.

The rule is one plain function over plain values (:func:`plausibility`), and its band
(:func:`band`) is worked out once per indicator and region, so that checking a row is
one comparison (:class:`Band.holds`): validate of a million rows must not slow down.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from linyi_tracker.findings import Issue, Param, Severity

CODE = "implausible-value"
# A count or amount within a factor of SCALE of its reference is on its scale: the slips
# above are factors of 100 (a fraction) and 10,000 (万), and a figure ten times too large
# is the outlier check's business (it knows the history).
SCALE = 3000.0
# A percentage below REFERENCE / PERCENT_SCALE is off the scale of a target like 92 %.
PERCENT_SCALE = 30.0
# A percentage reference at least this large makes a value at most 1 look like a fraction.
PERCENT_FRACTION_FROM = 5.0
# A ratio (1.5:1) within this factor: 150 for 1.5 (a percentage) is off it.
RATIO_SCALE = 30.0
# A "reading" must land within this factor of the reference to be named.
READING_FACTOR = 10.0
WAN = 10_000
GROWTH_LIMIT = 50  # growth rates in per cent a year are smaller than this
GROWTH_FROM = Decimal("0.1")  # and, written with a fraction, at least this


@dataclass(frozen=True, slots=True)
class Band:
    """The values a figure of one indicator (and region) may plausibly take."""

    low: float
    high: float
    reference: float | None  # the scale the band is built around (None for a plan range)
    given: tuple[Decimal, Decimal] | None = None  # the plan's range, when it gives one

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


def band(
    unit_kind: str,
    targets: Sequence[Decimal | float],
    history: Sequence[Decimal | float] = (),
    given: tuple[Decimal, Decimal] | None = None,
    share: int = 1,
) -> Band | None:
    """The plausible band for an indicator: the plan's range when it gives one; else a band
    around the reference scale — the median size of the history when there is one, else
    of the targets divided by ``share`` (a region's part of a city-wide sum). ``None``
    when there is nothing to judge by."""
    if given is not None:
        return Band(float(given[0]), float(given[1]), None, given)
    sizes = [abs(float(v)) for v in history if v]
    if not sizes:
        sizes = [abs(float(v)) / max(share, 1) for v in targets if v]
    if not sizes:
        return None
    sizes.sort()
    mid = len(sizes) // 2
    reference = sizes[mid] if len(sizes) % 2 else (sizes[mid - 1] + sizes[mid]) / 2
    if not math.isfinite(reference) or reference <= 0:
        return None
    if unit_kind == "percent":
        if reference < PERCENT_FRACTION_FROM:
            return None  # small rates (an incidence of 0.8 %): no fraction to suspect
        # Below 1 is below 1 %: for a target of 5 % or more, a fraction (0.851 for 85.1 %).
        return Band(max(reference / PERCENT_SCALE, 1.0), math.inf, reference)
    if unit_kind == "ratio":
        return Band(reference / RATIO_SCALE, reference * RATIO_SCALE, reference)
    return Band(reference / SCALE, reference * SCALE, reference)


def plausibility(
    value: Decimal,
    unit_kind: str,
    targets: Sequence[Decimal | float],
    history: Sequence[Decimal | float] = (),
    given: tuple[Decimal, Decimal] | None = None,
    share: int = 1,
) -> Issue | None:
    """A warning when ``value`` is off its indicator's scale (see the module), naming the
    likely reading; ``None`` when it is plausible or nothing can be judged."""
    found = band(unit_kind, targets, history, given, share)
    if found is None or found.holds(float(value)):
        return None
    return explain(value, unit_kind, found)


@dataclass(frozen=True, slots=True)
class Converted:
    """A figure converted by its units' names alone (``unit-derived``): as written, in the
    unit written, and the indicator's unit it was converted to (69541 吨 → 万吨)."""

    written: Decimal
    unit: str
    to_unit: str


_CONVERSION_HINT = "converted"  # the hint of a warning that the conversion is in doubt


def questions_conversion(issue: Issue) -> bool:
    """Whether :func:`explain`'s warning says the figure as written fits and asks about
    the unit it was converted from (its row's ``unit-derived`` warning asks the same)."""
    return issue.hint_form == _CONVERSION_HINT


def explain(
    value: Decimal, unit_kind: str, found: Band, converted: Converted | None = None
) -> Issue:
    """The warning for a value outside ``found``: its likely reading, if one lands on the
    scale — first, for a figure converted by the units' names, the figure as written
    (69541 with 吨 stored as 6.9541 万吨 against ~70,000 万吨: 吨 was likely 万吨, no growth
    rate)."""
    params: dict[str, Param] = {"value": _text(value)}
    if converted is not None and found.holds(float(converted.written)):
        params |= {
            "written": _text(converted.written),
            "unit": converted.unit,
            "to_unit": converted.to_unit,
        }
        if found.given is not None:
            params |= {"min": _text(found.given[0]), "max": _text(found.given[1])}
        else:
            params["reference"] = _about(Decimal(repr(found.reference or 0.0)))
        form = "converted-range" if found.given is not None else "converted"
        return Issue(CODE, Severity.WARNING, "value", params, form, _CONVERSION_HINT)
    if found.given is not None:
        params |= {"min": _text(found.given[0]), "max": _text(found.given[1])}
        form = "range"
        for reading, _ in _readings(value, unit_kind):
            if found.given[0] <= reading <= found.given[1]:
                params["reading"] = _text(reading)
                form = "range-reading"
                break
        return Issue(CODE, Severity.WARNING, "value", params, form)
    reference = found.reference or 0.0
    params["reference"] = _about(Decimal(repr(reference)))
    if _growth_like(value, unit_kind, reference):
        return Issue(CODE, Severity.WARNING, "value", params, "growth", "growth")
    for reading, name in _readings(value, unit_kind):
        if reference / READING_FACTOR <= float(reading) <= reference * READING_FACTOR:
            params["reading"] = _text(reading)
            return Issue(CODE, Severity.WARNING, "value", params, name)
    return Issue(CODE, Severity.WARNING, "value", params, "scale")


def _growth_like(value: Decimal, unit_kind: str, reference: float) -> bool:
    """10.4 for an income of ~50,000 yuan: a small figure with a fraction, on a level
    measured in an amount, is most likely the year's growth rate in per cent."""
    return (
        unit_kind == "amount"
        and reference >= SCALE
        and GROWTH_FROM <= abs(value) < GROWTH_LIMIT
        and value != value.to_integral_value()
    )


def _readings(value: Decimal, unit_kind: str) -> list[tuple[Decimal, str]]:
    """What the figure may have meant, most likely first."""
    if unit_kind == "percent":
        return [(value * 100, "fraction")] if 0 < value <= 1 else []
    if unit_kind == "ratio":
        return [(value / 100, "ratio-percent")] if value > 1 else []  # 150 for 1.5:1
    return [(value * WAN, "wan"), (value / WAN, "units")]


def _about(value: Decimal) -> str:
    """A scale for people: three significant digits, grouped (7083.333… → 7,080)."""
    if not value:
        return "0"
    rounded = value.quantize(Decimal(1).scaleb(value.adjusted() - 2))
    text = f"{rounded:,f}" if rounded == rounded.to_integral_value() else format(rounded, "f")
    return text.split(".")[0] if text.endswith(".0") else text


def _text(value: Decimal) -> str:
    """Plain digits, without exponent or trailing zeros."""
    text = format(value.normalize() if value else Decimal(0), "f")
    return text


# ---------------------------------------------------------------- against the history

# A stock or level (not a year-to-date flow) more than HISTORY_FACTOR times above, or
# below, every figure next to it in its own series (the nearest earlier and the nearest
# later period of the same indicator and region) is out of line. The slips this catches
# are factors of 100 and more (a jobs count in the population row, a figure in 万
# without it, a percentage as a fraction); a factor of ten keeps genuine movements quiet,
# even steep ones: a figure lying between its neighbours is never out of line (a poverty
# count falling 61,000 → 5,200 → 0), and a neighbour of 0 sets no bound from below.
HISTORY_FACTOR = 10.0
# Without a history of its own, a region's figure is compared with the other regions'
# figures of the same period: counties differ in size more than years do.
REGIONS_FACTOR = 30.0
HISTORY_SHOWN = 4  # at most this many figures of the history are named in the message


def against_history(
    value: Decimal, position: int, history: Sequence[tuple[int, str, Decimal]], unit_kind: str
) -> Issue | None:
    """A warning when ``value`` (at ``position``, a sortable period code) is out of line
    with its own series ``history`` — (position, period text, figure) of the other
    periods — as the module's HISTORY_FACTOR says; ``None`` otherwise or when there is
    nothing to compare with. The message names the figures compared with."""
    if value <= 0:
        return None  # a ratio says nothing about 0 (a poverty count that reached it)
    before = [h for h in history if h[0] < position]
    after = [h for h in history if h[0] > position]
    near = ([max(before)] if before else []) + ([min(after)] if after else [])
    if not near:
        return None
    figures = [float(h[2]) for h in near]
    low = min(figures) / HISTORY_FACTOR
    positive = [f for f in figures if f > 0]
    high = max(positive) * HISTORY_FACTOR if positive else math.inf
    v = float(value)
    if low <= v <= high:
        return None
    reference = min(positive) if v < low else max(positive)
    shown = sorted(history, key=lambda h: abs(h[0] - position))[:HISTORY_SHOWN]
    params: dict[str, Param] = {
        "value": _text(value),
        "history": "; ".join(f"{t} {_grouped(f)}" for _, t, f in sorted(shown)),
        "factor": _about(Decimal(repr(max(v / reference, reference / v)))),
    }
    return _with_reading(value, unit_kind, reference, params, "history")


def against_regions(
    value: Decimal,
    region: str,
    others: Sequence[tuple[str, Decimal]],
    city: str,
    summed: bool,
    share: int = 1,
) -> Issue | None:
    """A region's figure with no history of its own against the other regions' figures of
    the same period (``others``: region id and figure, the city's among them): above the
    city's figure for a figure the regions add up to, or more than REGIONS_FACTOR times
    off the other regions' range (with none, off the city's figure divided among its
    ``share`` regions). ``None`` when it is in line or nothing compares."""
    if value <= 0 or region == city:
        return None
    v = float(value)
    whole = next((f for r, f in others if r == city), None)
    params: dict[str, Param] = {"value": _text(value)}
    if summed and whole is not None and whole > 0 and value > whole:
        params["city_value"] = _grouped(whole)
        return Issue(CODE, Severity.WARNING, "value", params, "above-city")
    parts = sorted(float(f) for r, f in others if r != city and f > 0)
    if not parts and summed and whole is not None and whole > 0 and share > 1:
        # no other region yet: the city's figure shared out is the scale of a region's
        mean = float(whole) / share
        if mean / REGIONS_FACTOR <= v <= mean * REGIONS_FACTOR:
            return None
        params |= {
            "city_value": _grouped(whole),
            "regions": share,
            "low": _about(Decimal(repr(mean))),
        }
        return Issue(CODE, Severity.WARNING, "value", params, "city-share")
    if not parts:
        return None
    if parts[0] / REGIONS_FACTOR <= v <= parts[-1] * REGIONS_FACTOR:
        return None
    params |= {
        "regions": len(parts),
        "low": _grouped(Decimal(repr(parts[0]))),
        "high": _grouped(Decimal(repr(parts[-1]))),
    }
    return Issue(CODE, Severity.WARNING, "value", params, "regions")


def _with_reading(
    value: Decimal, unit_kind: str, reference: float, params: dict[str, Param], form: str
) -> Issue:
    """The finding of ``form``, or of ``form``-reading when a slip's reading lands near
    ``reference`` (113 for 1,130,000: a figure in 万)."""
    for reading, _ in _readings(value, unit_kind):
        if reference / READING_FACTOR <= float(reading) <= reference * READING_FACTOR:
            params["reading"] = _text(reading)
            return Issue(CODE, Severity.WARNING, "value", params, form + "-reading")
    return Issue(CODE, Severity.WARNING, "value", params, form)


def _grouped(value: Decimal) -> str:
    """A figure with thousands grouped, as written otherwise (1150000 → 1,150,000)."""
    text = _text(value)
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}{dot}{fraction}"
