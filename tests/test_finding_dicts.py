"""Rendering a report's findings with each distinct sentence once (catalogue.finding_dicts)
gives what rendering each finding alone gives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from linyi_tracker.findings import Finding, Named, Param, Severity
from linyi_tracker.validation.catalogue import finding_dict, finding_dicts

E = Severity.ERROR


def _duplicate(line: int, region: str) -> Finding:
    params: dict[str, Param] = {
        "indicator": "jobs",
        "region": region,
        "period": "2017",
        "value": Decimal("8.5"),
        "other_file": "a.csv",
        "other_line": 2,
    }
    return Finding("duplicate-observation", Severity.WARNING, "a.csv", line, "value", params=params)


def _negative(line: int, value: str) -> Finding:
    params: dict[str, Param] = {"value": Decimal(value)}
    return Finding("out-of-range", E, "a.csv", line, "value", params=params, form="negative")


# Findings that share a code and differ only in how a parameter is said.
LOOK_ALIKE = [
    Finding("invalid-number", E, "县区.csv", 2, "数值", 4, params={"text": "-"}),
    Finding("invalid-number", E, "县区.csv", 3, "数值", 4, params={"text": "-"}),
    Finding("invalid-number", E, "县区.csv", 4, "数值", 4, params={"text": "—"}),
    _negative(5, "-1.0"),
    _negative(6, "-1.00"),
    _duplicate(7, "lanshan"),
    _duplicate(8, Named("lanshan", "兰山区", "Lanshan District")),
    _duplicate(9, Named("lanshan", "兰山", "Lanshan")),
    Finding("magnitude-suffix", Severity.NOTICE, "a.csv", 2, "value", params={"lines": [2, 3]}),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_finding_as_rendered_alone(lang: str) -> None:
    """Equal Decimals written differently, a Named beside its plain id, two Nameds with
    other names, a list of lines: each finding's message and hint are its own."""
    alone = [finding_dict(f, lang) for f in LOOK_ALIKE]  # type: ignore[arg-type]
    assert finding_dicts(LOOK_ALIKE, lang) == alone  # type: ignore[arg-type]
