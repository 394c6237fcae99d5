"""Loading what a command works on: the plan and the store, from options or defaults."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from linyi_tracker.actuals import cache
from linyi_tracker.actuals.store import Store, load_store
from linyi_tracker.bulk import gc_paused
from linyi_tracker.errors import DataInvalidError
from linyi_tracker.findings import Severity
from linyi_tracker.i18n import Lang, Text, t
from linyi_tracker.locate import Located, locate_data, locate_plan
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan


@dataclass
class Context:
    plan: Plan
    plan_at: Located
    store: Store
    data_at: Located


def load_plan_only(plan_option: Path | None) -> tuple[Plan, Located]:
    where = locate_plan(plan_option)
    return read_plan(where.path), where


def load(plan_option: Path | None, data_option: Path | None) -> Context:
    """Plan and store; a store with errors stops here (exit 1), never half-used."""
    plan, plan_at = load_plan_only(plan_option)
    data_at = locate_data(data_option)
    store = read_store(plan, data_at)
    if store.errors:
        raise DataHasErrors(data_at.path, list(store.errors))
    return Context(plan, plan_at, store, data_at)


class DataHasErrors(DataInvalidError):
    """The data folder has error findings; the message exists in zh and en."""

    def __init__(self, folder: Path, findings: list[object]) -> None:
        n = len(findings)
        self.text = Text(
            "cli.data_has_errors",
            {"folder": folder, "n": n, "errors": "error" if n == 1 else "errors"},
        )
        super().__init__(self.text.render("en"), findings)


def read_store(plan: Plan, where: Located, exclude: set[Path] | None = None) -> Store:
    """The store for a command, through the cache, frozen for the garbage collector.

    The store lives until the command ends. Frozen (gc.freeze) before the collector
    resumes, its million objects are not walked when it does (0.2 s at 1M rows) nor
    on every later collection (0.15 s of a 1M-row status).
    """
    with gc_paused():
        store = load_store(
            plan,
            where.path,
            display_root=display_root(where),
            exclude=exclude,
            cache_folder=cache.default_folder(),
        )
        gc.freeze()
    return store


def display_root(where: Located) -> Path:
    """What file names are shown relative to: the working directory, or for the embedded
    data the package's data folder ('actuals/poverty.csv:4', the same on every install)."""
    return where.path.parent if where.origin == "embedded" else Path.cwd()


def shown_location(where: Located, lang: Lang = "en") -> str:
    """Where a file came from, stable across machines: the embedded copy by version."""
    if where.origin == "embedded":
        from linyi_tracker import __version__

        return t("cli.embedded", lang, name=where.path.name, version=__version__)
    origin = t(f"origin.{where.origin}", lang)
    return t("cli.located", lang, path=shown_path(where.path), origin=origin)


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def warnings_of(store: Store) -> list[object]:
    return [f for f in store.findings if f.severity is Severity.WARNING]


def resolve_regions(plan: Plan, region: str | None) -> list[str]:
    """``None`` → the city; ``all`` → the city and every region; else one region."""
    if region is None:
        return [plan.city.id]
    if region.strip().lower() == "all":
        return [r.id for r in plan.regions]
    from linyi_tracker.plan.lookup import find_region

    return [find_region(plan, region)]
