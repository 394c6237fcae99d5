"""The day the tool takes as today.

One function, so that every rule that looks at the date — a period not over yet, an
``as_of`` or a milestone's date after today, the year a report defaults to — asks the
same clock, and a test fixes it in one place (or passes ``today=`` to the core calls).
"""

from __future__ import annotations

from datetime import date


def today() -> date:
    """Today's date on this machine."""
    return date.today()
