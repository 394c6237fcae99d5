"""Plausibility: is a figure on the scale of what its indicator is?

A figure far off the scale of its indicator's targets and history is most often one of
a few slips, each with a likely reading the warning names:

- a percentage given as a fraction: 0.851 for a coverage whose target is 92 % (Excel
  stores 85.1 % as 0.851) — "0.851 looks like 85.1 %";
- a figure in 万 given without it: 8.5 for new jobs whose target is 85,000 — "looks
  like 8.5万 = 85000"; or the reverse, ten thousand times too large;
- a growth rate where a level belongs: 10.4 for an urban income whose target is about
  50,000 yuan — "looks like a growth rate (10.4 %)".

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


def explain(value: Decimal, unit_kind: str, found: Band) -> Issue:
    """The warning for a value outside ``found``: its likely reading, if one lands on the scale."""
    params: dict[str, Param] = {"value": _text(value)}
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
