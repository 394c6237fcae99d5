"""Where the plan and the data are: option, environment, ./data, embedded copy.

Order (product.md): ``--plan``/``--data``, then ``LINYI_TRACKER_PLAN`` /
``LINYI_TRACKER_DATA``, then ``./data/plan.yaml`` and ``./data/actuals/`` in the
working directory, then the copies shipped inside the package. The wheel carries the
repository's ``data/`` folder as ``linyi_tracker/_data`` (see pyproject.toml); a source
checkout or editable install uses the repository's ``data/`` itself.

The example plans of ``examples/plans/`` ship too (as ``linyi_tracker/_examples/plans``):
``--plan cn-13th-fyp --data cn-13th-fyp`` names one by its name when no such file or
folder exists where the command runs, so an installed tool reaches them from any folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from linyi_tracker.i18n import Text, TextNotFoundError

PLAN_ENV = "LINYI_TRACKER_PLAN"
DATA_ENV = "LINYI_TRACKER_DATA"


@dataclass(frozen=True, slots=True)
class Located:
    path: Path
    origin: str  # "option", "environment", "working directory", "embedded"


def embedded_data_dir() -> Path:
    """The data folder shipped with the package (or the checkout's, in development)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / "plan.yaml").is_file():
            return candidate
    raise TextNotFoundError(Text("input.no_embedded_plan"))


def embedded_examples_dir() -> Path | None:
    """The example plans shipped with the package (or the checkout's ``examples/plans``)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples" / "plans", here.parent / "examples" / "plans"):
        if candidate.is_dir():
            return candidate
    return None


def shipped_example(option: Path, suffix: str = "") -> Path:
    """``option`` itself, unless it is a bare name (no folder, no suffix) missing where
    the command runs but found among the shipped examples: then that example's plan
    (``suffix=".yaml"``) or its folder of figures (``suffix=""``). A file or folder of
    that name in the working directory always wins."""
    if option.parent != Path(".") or option.suffix or not option.name:
        return option
    try:
        if option.exists():
            return option
    except OSError:  # a name the file system refuses (too long…): reported where it is used
        return option
    examples = embedded_examples_dir()
    if examples is None:
        return option
    candidate = examples / f"{option.name}{suffix}"
    found = candidate.is_file() if suffix else candidate.is_dir()
    return candidate if found else option


def _option_or_example(option: Path, suffix: str) -> Located:
    """The path an option names; a shipped example is ``embedded``: shown by name and
    version, and never written to (ingest and withdraw refuse an embedded folder)."""
    found = shipped_example(option, suffix)
    return Located(found, "option" if found == option else "embedded")


def locate_plan(
    option: Path | None, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Located:
    environ = os.environ if env is None else env
    if option is not None:
        return _option_or_example(option, ".yaml")
    if environ.get(PLAN_ENV):
        return Located(Path(environ[PLAN_ENV]), "environment")
    local = (cwd or Path.cwd()) / "data" / "plan.yaml"
    if local.is_file():
        return Located(local, "working directory")
    return Located(embedded_data_dir() / "plan.yaml", "embedded")


def locate_data(
    option: Path | None, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Located:
    environ = os.environ if env is None else env
    if option is not None:
        return _option_or_example(option, "")
    if environ.get(DATA_ENV):
        return Located(Path(environ[DATA_ENV]), "environment")
    local = (cwd or Path.cwd()) / "data" / "actuals"
    if local.is_dir():
        return Located(local, "working directory")
    return Located(embedded_data_dir() / "actuals", "embedded")
