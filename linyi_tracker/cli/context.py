"""What the renderers are handed about where things came from, in the user's words.

Loading the plan and the store is the core's (:mod:`linyi_tracker.usecases`);
:class:`Context` is its :class:`~linyi_tracker.usecases.Workspace` under the name the
renderers know.
"""

from __future__ import annotations

from pathlib import Path

from linyi_tracker.i18n import Lang, t
from linyi_tracker.locate import Located
from linyi_tracker.usecases import Workspace

Context = Workspace


def shown_location(where: Located, lang: Lang = "en") -> str:
    """Where a file came from, stable across machines: the embedded copy by version."""
    if where.shipped:
        from linyi_tracker import __version__

        return t("cli.embedded", lang, name=where.path.name, version=__version__)
    origin = t(f"origin.{where.origin}", lang)
    return t("cli.located", lang, path=shown_path(where.path), origin=origin)


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    from linyi_tracker.formatting import typed_path

    return typed_path(path)


def validate_command(folder: Path, plan: Path | None) -> str:
    """The command that lists every finding of a data folder, written out to be run as it
    stands: the folder, and ``plan`` (the plan validate would not find by itself, as
    :func:`~linyi_tracker.usecases.plan_to_name` gives it), quoted for the shell."""
    import shlex

    words = ["linyi-tracker", "validate", shown_path(folder)]
    if plan is not None:
        words += ["--plan", shown_path(plan)]
    return " ".join(shlex.quote(w) for w in [*words, "--max-findings", "0"])
