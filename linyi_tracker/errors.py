"""The small family of exceptions meaning "cannot go on".

Findings about data are values (see :mod:`linyi_tracker.findings`); these exceptions
are for a file that is missing or unreadable, and each message says what to do.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the command line turns into a message and exit code 2."""


class InputNotFoundError(TrackerError):
    """A plan file or data folder named by the user does not exist."""


class PlanInvalidError(TrackerError):
    """The plan file cannot be used: it holds error findings (carried on the exception)."""

    def __init__(self, message: str, findings: list[object]) -> None:
        super().__init__(message)
        self.findings = findings


class DataInvalidError(TrackerError):
    """The data folder holds figures with errors: they must be fixed before assessment."""

    def __init__(self, message: str, findings: list[object]) -> None:
        super().__init__(message)
        self.findings = findings


class UsageError(TrackerError):
    """An option value the core cannot accept (an unknown region, a bad period)."""


class MissingDependencyError(TrackerError):
    """A library a feature needs is not installed (e.g. after `pip install --no-deps`)."""


def require(module: str, purpose: str) -> None:
    """Fail with what to install, rather than a traceback, when ``module`` is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingDependencyError(
            f"{purpose} needs the '{module}' package, which is not installed: run `pip install {module}` "
            "(or reinstall linyi-tracker with its dependencies)"
        )
