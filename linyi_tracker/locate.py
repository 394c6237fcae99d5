"""Where the plan and the data are: option, environment, ./data, embedded copy.

Order (product.md): ``--plan``/``--data``, then ``LINYI_TRACKER_PLAN`` /
``LINYI_TRACKER_DATA``, then ``./data/plan.yaml`` and ``./data/actuals/`` in the
working directory, then the copies shipped inside the package. The wheel carries the
repository's ``data/`` folder as ``linyi_tracker/_data`` (see pyproject.toml); a source
checkout or editable install uses the repository's ``data/`` itself.

The example plans of ``examples/plans/`` ship too (as ``linyi_tracker/_examples/plans``):
``--plan cn-13th-fyp`` names one by its name when no such plan exists where the command
runs (its own figures are then the default data), so an installed tool reaches them
from any folder; ``--data cn-13th-fyp`` names its figures the same way.
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
    # "option", "environment", "beside the plan", "working directory", "embedded", "example"
    origin: str

    @property
    def shipped(self) -> bool:
        """Shipped inside the package (the embedded data, an example plan): shown by name
        and version, and never written to."""
        return self.origin in ("embedded", "example")


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


def _bare(option: Path) -> bool:
    """A name alone: no folder, no suffix (``cn-13th-fyp``)."""
    return option.parent == Path(".") and not option.suffix and bool(option.name)


def _is(path: Path, folder: bool) -> bool:
    """Whether ``path`` is a folder (or a file); a name the file system refuses (too long,
    not allowed) is neither, and is reported where it is used, with its reason."""
    try:
        return path.is_dir() if folder else path.is_file()
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """``path.is_dir()`` without raising (see :func:`_is`)."""
    return _is(path, folder=True)


def is_file(path: Path) -> bool:
    """``path.is_file()`` without raising (see :func:`_is`)."""
    return _is(path, folder=False)


def _shipped(name: str, suffix: str) -> Path | None:
    """The shipped example's plan (``suffix=".yaml"``) or folder of figures (``""``)."""
    examples = embedded_examples_dir()
    if examples is None:
        return None
    candidate = examples / f"{name}{suffix}"
    return candidate if _is(candidate, folder=not suffix) else None


def _plan_option(option: Path) -> Located:
    """The plan ``--plan`` names. A bare name is, in this order: a file of that name where
    the command runs, that name with ``.yaml`` there (a copy of an example), the shipped
    example of that name (``example``: shown by name and version); else the name as given.
    A folder of that name (a copied example's figures) is not a plan and does not hide one."""
    if not _bare(option) or _is(option, folder=False):
        return Located(option, "option")
    local = option.with_name(option.name + ".yaml")
    if _is(local, folder=False):
        return Located(local, "option")
    shipped = _shipped(option.name, ".yaml")
    return Located(shipped, "example") if shipped else Located(option, "option")


def _data_option(option: Path) -> Located:
    """The data folder ``--data`` names: a bare name is a folder of that name where the
    command runs, else the shipped example's figures (never written to), else as given."""
    if not _bare(option) or _is(option, folder=True):
        return Located(option, "option")
    shipped = _shipped(option.name, "")
    return Located(shipped, "example") if shipped else Located(option, "option")


def data_beside(plan_at: Located, cwd: Path | None = None) -> Located | None:
    """The folder of figures beside a plan and named as it (``cn-13th-fyp.yaml`` and
    ``cn-13th-fyp/``, as the examples ship): the data such a plan is read with when no
    ``--data`` or ``$LINYI_TRACKER_DATA`` names one — not the Linyi figures of the working
    directory or the package, which are another plan's. A shipped example's stays
    ``example`` (never written to), unless a folder of its name where the command runs
    holds the user's own copy of its figures (as ingest's refusal says to make): that copy
    wins, as a local copy always does."""
    if plan_at.origin == "embedded":
        return None
    if plan_at.origin == "example":
        copy = (cwd or Path.cwd()) / plan_at.path.stem
        if _is(copy, folder=True):
            return Located(copy, "working directory")
    folder = plan_at.path.with_suffix("")
    if folder == plan_at.path or not _is(folder, folder=True):
        return None
    return Located(folder, "example" if plan_at.origin == "example" else "beside the plan")


def locate_plan(
    option: Path | None, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Located:
    environ = os.environ if env is None else env
    if option is not None:
        return _plan_option(option)
    if environ.get(PLAN_ENV):
        return Located(Path(environ[PLAN_ENV]), "environment")
    local = (cwd or Path.cwd()) / "data" / "plan.yaml"
    if local.is_file():
        return Located(local, "working directory")
    return Located(embedded_data_dir() / "plan.yaml", "embedded")


def locate_data(
    option: Path | None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    plan_at: Located | None = None,
) -> Located:
    environ = os.environ if env is None else env
    if option is not None:
        return _data_option(option)
    if environ.get(DATA_ENV):
        return Located(Path(environ[DATA_ENV]), "environment")
    own = data_beside(plan_at, cwd) if plan_at is not None else None
    if own is not None:
        return own
    local = (cwd or Path.cwd()) / "data" / "actuals"
    if local.is_dir():
        return Located(local, "working directory")
    return Located(embedded_data_dir() / "actuals", "embedded")


def plan_beside(data_at: Located) -> Located | None:
    """The plan beside a named folder of figures and named as it (``cn-13th-fyp/`` and
    ``cn-13th-fyp.yaml``), or for a copy of an example's figures alone, the example's plan:
    the mirror of :func:`data_beside`."""
    if data_at.origin not in ("option", "environment", "example"):
        return None
    plan = data_at.path.parent / f"{data_at.path.name}.yaml"
    if not _is(plan, folder=False):
        # A copy of an example's figures alone (cp -r …/cn-13th-fyp .): the example's plan
        shipped = _shipped(data_at.path.name, ".yaml") if data_at.origin != "example" else None
        return Located(shipped, "example") if shipped else None
    return Located(plan, "example" if data_at.origin == "example" else "beside the data")


def locate_both(
    plan_option: Path | None,
    data_option: Path | None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[Located, Located]:
    """The plan and the data a command reads, each in its own order, kept together: a
    plan beside its figures is read with them (``--plan cn-13th-fyp``), and figures beside
    their plan with it (``--data cn-13th-fyp``) unless ``--plan`` or
    ``$LINYI_TRACKER_PLAN`` names another — never one plan's figures under another plan."""
    environ = os.environ if env is None else env
    plan_at = locate_plan(plan_option, environ, cwd)
    data_at = locate_data(data_option, environ, cwd, plan_at=plan_at)
    if plan_option is None and not environ.get(PLAN_ENV):
        plan_at = plan_beside(data_at) or plan_at
    return plan_at, data_at
