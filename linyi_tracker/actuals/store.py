"""The store: every data file below a folder, read into one set of observations.

Figures for the same indicator, period and region are reconciled with the one rule
of :mod:`linyi_tracker.actuals.reconcile` (the same rule ``validate`` uses): the same
figure twice is a duplicate (warning, kept once); a different figure with a later
``as_of`` is a revision (the earlier one kept as history); a different figure with
nothing to order it is a conflict (error, both lines named).
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, count
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from linyi_tracker import clock
from linyi_tracker.actuals.observation import GROWTH, LEVEL, span_of
from linyi_tracker.actuals.reader import FileRead, Observation, PlanLookup, read_path
from linyi_tracker.actuals.records import FileChangedError
from linyi_tracker.actuals.withdrawals import (
    COLUMNS as WITHDRAWAL_COLUMNS,
)
from linyi_tracker.actuals.withdrawals import (
    WITHDRAWN_NAME,
    Withdrawal,
    read_record,
    split_withdrawn,
)
from linyi_tracker.bulk import gc_paused
from linyi_tracker.errors import InputNotFoundError
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.i18n import Text, TextError, TextNotFoundError
from linyi_tracker.plan.models import Plan

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from linyi_tracker.actuals.cache import Outcome
    from linyi_tracker.actuals.reconcile import Decision

INGESTED = "ingested"  # the folder ingest writes to (intake.ingest.INGEST_FOLDER)
DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")  # .xls, .ods: named by the reader
CACHE_MIN_BYTES = 1_000_000  # about 25,000 rows: a smaller store is read quicker than cached


@dataclass
class Store:
    """Reconciled observations, the files they came from and every finding."""

    root: Path
    files: list[FileRead] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    # by Observation.key: (indicator, period, region, measure)
    revisions: dict[tuple[str, str, str, str], list[Observation]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Built on first use from the reconciled observations (which are not changed after).
    _series_cache: dict[tuple[str, str, str], list[Observation]] | None = field(
        default=None, repr=False, compare=False
    )
    # Figures withdrawn (``linyi-tracker withdraw``), with their records: not counted.
    withdrawn: list[tuple[Withdrawal, Observation]] = field(default_factory=list, compare=False)
    # Figures in conflict (``conflicting-observation``), by key: the figure the rule chose
    # among them and the ones that clash with it, as found before a flow's labels of one
    # span (2019Q4, 2019) are reconciled, so the first may no longer count (another
    # label's figure may). What ``withdraw`` may take back to end the conflict. Not kept
    # in the cache: ``withdraw`` reads the folder without it.
    clashing: dict[tuple[str, str, str, str], list[Observation]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    def series(self, indicator: str, region: str, measure: str = LEVEL) -> list[Observation]:
        """Observations of one indicator in one region, oldest first: its levels, or
        with ``measure="growth"`` its growth figures (比上年增长), kept apart so that a
        growth figure never stands in for a level."""
        return self.index().get((indicator, region, measure), [])

    def growth_series(self, indicator: str, region: str) -> list[Observation]:
        """The growth figures (percent on the previous year) of one series, oldest first."""
        return self.series(indicator, region, GROWTH)

    def latest_period(self, indicators: set[str] | None = None) -> Observation | None:
        """An observation of the latest period in the store, or of the latest among
        ``indicators`` (each series' last is its latest: the newest of those, not a walk
        over every observation)."""
        lasts = [
            series[-1]
            for (indicator, _, _), series in self.index().items()
            if indicators is None or indicator in indicators
        ]
        return max(lasts, key=lambda o: o.period.sort_key) if lasts else None

    def index(self) -> dict[tuple[str, str, str], list[Observation]]:
        """Every series: (indicator, region, measure) → its observations, oldest first."""
        cached = self._series_cache
        if cached is None:
            built: dict[tuple[str, str, str], list[Observation]] = defaultdict(list)
            with gc_paused():
                # Period.code orders as Period.sort_key does; each figure read by attrgetter
                # and appended to its series' list in C: no Python call nor loop a figure
                ordered = sorted(self.observations, key=_PERIOD_CODE)
                lists = map(built.__getitem__, map(_SERIES, ordered))
                deque(map(list.append, lists, ordered), maxlen=0)
            cached = dict(built)
            self._series_cache = cached
        return cached

    def sources(self) -> list[str]:
        return sorted({o.source for o in self.observations if o.source})


def data_files(root: Path) -> list[Path]:
    """Every data file below ``root``, in a stable order.

    What :func:`walk_data` would report as an error instead of reading — a sub-folder
    that cannot be read, a link to outside the folder — is refused here with a message
    (exit 2); see :func:`data_files_named` for the files named but not read."""
    return data_files_named(root)[0]


def data_files_named(root: Path) -> tuple[list[Path], list[Finding]]:
    """:func:`data_files`, with a ``file-not-read`` warning for each other file below
    ``root`` (a .txt, a hidden file …): every file is read or named."""
    paths, found = walk_data(root)
    refused = [f for f in found if f.is_error]
    if refused:
        first = refused[0]
        key = {
            "outside-link": "store.outside_link",
            "not-regular": "store.not_regular",
        }.get(first.form, "store.unreadable_folder")
        raise FolderRefusedError(
            Text(key, {"path": first.file or str(root), "reason": first.params.get("error", "")})
        )
    return paths, found


class FolderRefusedError(TextError, InputNotFoundError):
    """The data folder holds what cannot be read safely (an unreadable folder, a link out)."""


# Files the tool itself keeps in the data folder, never read and never named (the
# README says so): ingest's lock and the hidden temporary file of a write (see
# linyi_tracker/intake/ingest.py, LOCK_NAME and its mkstemp prefix).
TOOL_LOCK = ".linyi-tracker.lock"
TOOL_RECORDS = (TOOL_LOCK, WITHDRAWN_NAME)  # and withdraw's record (actuals/withdrawals.py)
TOOL_TEMP_PREFIX, TOOL_TEMP_SUFFIX = ".tmp-", ".csv"
TEXT_SUFFIXES = (".txt", ".tsv", ".tab", ".prn", ".dat")
# An Excel or WPS owner file: "~$" and the workbook's name, written while it is open.
OFFICE_LOCK_PREFIX = "~$"


def _tool_file(name: str) -> bool:
    return name in TOOL_RECORDS or (
        name.startswith(TOOL_TEMP_PREFIX) and name.endswith(TOOL_TEMP_SUFFIX)
    )


def not_read_form(name: str) -> str | None:
    """Why a file named ``name`` in the data folder is not read (a file-not-read form),
    or None when it is read (or is one of the tool's own files, ignored)."""
    if _tool_file(name):
        return None
    if name.startswith("."):
        return "hidden"
    if name.startswith(OFFICE_LOCK_PREFIX):
        return "office-lock"
    suffix = Path(name).suffix.lower()
    if suffix in DATA_SUFFIXES:
        return None
    if not suffix:
        return "no-suffix"
    return "text" if suffix in TEXT_SUFFIXES else ""


def walk_data(root: Path, display_root: Path | None = None) -> tuple[list[Path], list[Finding]]:
    """Every data file below ``root`` (sorted), and a finding for each thing that is not
    read (issue 13.10, 13.20, 27.7):

    - an ``unreadable-file`` error for a folder the system refuses to list (form
      ``folder``) — its figures would otherwise vanish from every total without a word;
      a name with a data suffix that is not a regular file (form ``not-regular``: a
      named pipe would block the read, a device never end); a link that leads outside
      ``root`` (form ``outside-link``), to a file or a folder: the finding names the
      link, never the target's content. Links to folders inside are not followed either
      (their files are reached by their own path; following would count them twice, or
      forever for a loop);
    - a ``file-not-read`` warning for any other file: a hidden one, a .txt or .tsv, an
      Excel owner file (``~$…``), a type that is not data, a hidden folder (named once,
      not entered). The tool's own lock and temporary files are passed over in silence.

    The walk keeps its own list of folders to visit, so depth costs no recursion (a
    folder 1,000 levels deep overflowed the recursive ``os.walk`` of Python 3.11).
    """
    paths: list[Path] = []
    found: list[Finding] = []
    inside = os.path.realpath(root)

    def refuse(path: str, form: str, error: str = "") -> None:
        shown = _display(Path(path), display_root)
        params: dict[str, Param] = {"error": error} if form == "folder" else {}
        found.append(Finding("unreadable-file", Severity.ERROR, shown, params=params, form=form))

    def not_read(path: str, form: str) -> None:
        shown = _display(Path(path), display_root)
        params: dict[str, Param] = {"suffix": Path(path).suffix}
        found.append(Finding("file-not-read", Severity.WARNING, shown, params=params, form=form))

    pending = [os.fspath(root)]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            refuse(folder, "folder", exc.strerror or str(exc))
            continue
        below: list[str] = []
        for entry in entries:
            full = entry.path
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                refuse(full, "folder", exc.strerror or str(exc))
                continue
            if is_link:
                target = os.path.realpath(full)
                if not _within(target, inside):
                    refuse(full, "outside-link")
                elif os.path.isdir(target):
                    continue  # a folder inside: its files are read by their own path
            if is_dir:
                if entry.name.startswith("."):
                    not_read(full, "hidden-folder")
                else:
                    below.append(full)
                continue
            if is_link and not _within(os.path.realpath(full), inside):
                continue  # refused above
            form = not_read_form(entry.name)
            if form is not None:
                not_read(full, form)
            elif _tool_file(entry.name):
                continue
            elif os.path.isfile(full):
                paths.append(Path(full))
            elif os.path.exists(full):  # a pipe would block the read, a device never end
                refuse(full, "not-regular")
            elif is_link:  # a link to nothing: named, for its file was meant to be read
                not_read(full, "broken-link")
        pending.extend(reversed(below))
    paths.sort()
    found.sort(key=lambda f: f.file or "")
    return paths, found


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def load_store(
    plan: Plan,
    root: Path,
    *,
    today: date | None = None,
    display_root: Path | None = None,
    exclude: set[Path] | None = None,
    cache_folder: Path | Callable[[], Path | None] | None = None,
    cache_min_bytes: int = CACHE_MIN_BYTES,
) -> Store:
    """Read every data file below ``root`` and reconcile the observations.

    ``exclude`` names files (resolved paths) to leave out: a submission being validated
    that already sits in the data folder is not compared with itself. With a
    ``cache_folder`` (or a function giving it, called only for a store that is large
    enough: :func:`user_cache_folder`), a store of at least ``cache_min_bytes`` is read
    through the cache (:mod:`linyi_tracker.actuals.cache`): each file whose bytes, name,
    the plan, the day and the code are the same as when it was last read is given back
    unread, only the others are read; and the figures are reconciled again only when a
    file or the withdrawal record changed. The result is the same either way.
    """
    if not root.exists():
        raise TextNotFoundError(Text("input.data_folder_missing", {"path": root}))
    if not root.is_dir():
        raise TextNotFoundError(Text("input.data_folder_is_file", {"path": root}))
    day = today or clock.today()
    found, refused = walk_data(root, display_root)
    paths = [p for p in found if not (exclude and p.resolve() in exclude)]
    # Withdrawn figures leave before the figures are reconciled, so withdrawing one of two
    # figures in conflict ends the conflict, and withdrawing a revision lets the one it
    # replaced count again.
    withdrawals, bad = read_record(root)
    size = 0 if cache_folder is None else _total_bytes(paths)
    folder = None
    if cache_folder is not None and size >= cache_min_bytes:
        folder = cache_folder() if callable(cache_folder) else cache_folder
    with gc_paused():
        if folder is None:
            store = _load(plan, root, paths, day, display_root, withdrawals)
        else:
            store = _load_cached(plan, root, paths, day, display_root, withdrawals, folder, size)
    store.findings[:0] = refused  # not in the cache's key: looked at on every run
    record = _display(root / WITHDRAWN_NAME, display_root)
    for line, cells in bad:
        error = f"{cells} cells where a withdrawal has {len(WITHDRAWAL_COLUMNS)}"
        store.findings.append(
            Finding("csv-syntax", Severity.ERROR, record, line, params={"error": error})
        )
    return store


def user_cache_folder() -> Path | None:
    """The user's cache folder (:func:`linyi_tracker.actuals.cache.default_folder`), the
    cache imported only when a store is large enough to use it: the embedded example
    data never is, and ``status`` on it starts 3 ms sooner without it and platformdirs."""
    from linyi_tracker.actuals import cache

    return cache.default_folder()


def _total_bytes(paths: list[Path]) -> int:
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


# What reading one file gives: its account and its figures, or why it could not be read.
FileResult = tuple[FileRead, list[Observation]] | Finding


def _load(
    plan: Plan,
    root: Path,
    paths: list[Path],
    day: date,
    display_root: Path | None,
    withdrawals: list[Withdrawal] | None = None,
) -> Store:
    lookup = PlanLookup(plan)
    store = Store(root)
    for path in paths:
        _add_file(store, path, _read_file(path, lookup, day, _display(path, display_root)))
    _reconcile_read(store, plan, withdrawals or [])
    return store


def _load_cached(
    plan: Plan,
    root: Path,
    paths: list[Path],
    day: date,
    display_root: Path | None,
    withdrawals: list[Withdrawal],
    folder: Path,
    size: int,
) -> Store:
    """:func:`_load`, each file's reading from the cache's entry for its bytes if there
    is one (else read and then kept), and the reconciling from the entry for all the
    files' keys and the withdrawals if there is one (else done and then kept)."""
    from linyi_tracker.actuals import cache

    context = cache.context_of(plan, day)
    lookup: PlanLookup | None = None
    store = Store(root)
    keys: list[str] | None = []  # None once a file is not cached: nor is the reconciling
    used: set[str] = set()
    wrote = False
    for path in paths:
        shown = _display(path, display_root)
        known = cache.file_key(context, path, shown)
        hit = None if known is None else cache.load_file(folder, known)
        if hit is not None:
            got: FileResult = (hit.read, hit.rows)
        else:
            lookup = lookup or PlanLookup(plan)
            got = _read_file(path, lookup, day, shown)
            # Kept only if the file did not change while it was read.
            if (
                known is None
                or isinstance(got, Finding)
                or cache.file_key(context, path, shown) != known
            ):
                keys = None
            elif cache.save_file(folder, known, cache.FileEntry(*got)):
                wrote = True
        if known is not None:
            used.add(known.key + cache.FILE_SUFFIX)
            if keys is not None:
                keys.append(known.key)
        _add_file(store, path, got)
    figures = store.observations
    whole = None if keys is None else cache.store_key(context, keys, withdrawals)
    outcome = None
    if whole is not None:
        outcome = cache.load_outcome(
            folder, whole, figures=len(figures), withdrawals=len(withdrawals), data_bytes=size
        )
        if outcome is not None:
            _apply(store, figures, withdrawals, outcome)
            used.add(whole + cache.SUFFIX)
    if outcome is None:
        made = len(store.findings)
        _reconcile_read(store, plan, withdrawals)
        if whole is not None:
            outcome = _outcome(store, figures, withdrawals, store.findings[made:])
            if cache.save_outcome(folder, whole, outcome, data_bytes=size):
                wrote = True
                used.add(whole + cache.SUFFIX)
    if wrote:  # a run that wrote nothing leaves the folder as it found it
        cache.prune(folder, used)
    return store


def _read_file(path: Path, lookup: PlanLookup, day: date, shown: str) -> FileResult:
    """What reading one file gives (what the cache keeps for it)."""
    try:
        rows: list[Observation] = []  # kept only once the whole file has been read
        read = read_path(path, lookup, today=day, shown=shown, emit=rows.append)
    except OSError as exc:
        form = "changed" if isinstance(exc, FileChangedError) else ""
        params: dict[str, Param] = {"error": exc.strerror or ""}
        return Finding("unreadable-file", Severity.ERROR, shown, params=params, form=form)
    return read, rows


def _add_file(store: Store, path: Path, got: FileResult) -> None:
    """One file's reading into the store, in the order of the files."""
    if isinstance(got, Finding):
        store.findings.append(got)
        return
    read, rows = got
    store.files.append(read)
    if path.parent.name == INGESTED and path.parent.parent == store.root:
        # ingest writes a rounded figure as 44.2万 to keep its precision (reconcile.
        # written_text): its own notation, not a clerk's reading to check on every run
        # and the sign-off line it keeps above the header is its own, not a title
        own = ("magnitude-suffix", "title-rows-skipped")
        read.findings = [f for f in read.findings if f.code not in own]
    store.findings.extend(read.findings)
    store.observations.extend(rows)


def _reconcile_read(store: Store, plan: Plan, withdrawals: list[Withdrawal]) -> None:
    """The files' figures, read into the store, withdrawn where a record says so, then
    reconciled."""
    flows = plan.flows
    if withdrawals:
        store.observations, store.withdrawn = split_withdrawn(
            store.observations, withdrawals, flows
        )
    reconcile(store, flows)


def _outcome(
    store: Store,
    figures: list[Observation],
    withdrawals: list[Withdrawal],
    made: list[Finding],
) -> Outcome:
    """What reconciling gave, as positions among the files' ``figures``, for the cache."""
    from linyi_tracker.actuals.cache import Outcome

    position = dict(zip(map(id, figures), count()))
    number = dict(zip(map(id, withdrawals), count()))

    def where(observations: list[Observation]) -> Sequence[int]:
        if observations is figures:  # no key given twice, nothing withdrawn
            return range(len(figures))
        return list(map(position.__getitem__, map(id, observations)))

    return Outcome(
        len(figures),
        where(store.observations),
        {key: where(olds) for key, olds in store.revisions.items()},
        [(number[id(w)], position[id(o)]) for w, o in store.withdrawn],
        made,
    )


def _apply(
    store: Store, figures: list[Observation], withdrawals: list[Withdrawal], outcome: Outcome
) -> None:
    """What reconciling the files' ``figures`` gave, as :func:`_outcome` kept it."""
    at = figures.__getitem__
    current = outcome.current
    store.observations = figures if current == range(len(figures)) else list(map(at, current))
    store.revisions = {key: list(map(at, olds)) for key, olds in outcome.revisions.items()}
    store.withdrawn = [(withdrawals[w], at(o)) for w, o in outcome.withdrawn]
    store.findings.extend(outcome.findings)


def _display(path: Path, display_root: Path | None) -> str:
    if display_root is not None:
        try:
            return str(path.relative_to(display_root))
        except ValueError:
            pass
    return str(path)


def reconcile(store: Store, flows: frozenset[str] = frozenset()) -> None:
    """Collapse duplicates, flag conflicts, and keep revisions, in place: the rule of
    :mod:`linyi_tracker.actuals.reconcile`, applied to each key given more than once,
    then to the figures of the indicators in ``flows`` (year-to-date) whose labels cover
    one span (2019Q4, 2019-12 and 2019: :func:`~linyi_tracker.actuals.observation.span_of`)."""
    observations = store.observations
    keys = list(map(_KEY, observations))
    kept = observations
    if len(set(keys)) < len(keys):  # most stores give each key once: nothing to decide
        kept = _same_keys(store, observations, keys)
    store.observations = _same_spans(store, kept, flows) if flows else kept


# Observation.key and the other fields reconcile and index read, got in C: no Python
# call a figure (tests/test_store_reconcile.py holds _KEY to the property)
_KEY = attrgetter("indicator", "period.text", "region", "measure")
_LABEL = attrgetter("period.text")
_FILE_LINE = attrgetter("file", "line")
_PERIOD_CODE = attrgetter("period.code")
_SERIES = attrgetter("indicator", "region", "measure")


def _same_keys(
    store: Store, observations: list[Observation], keys: list[tuple[str, str, str, str]]
) -> list[Observation]:
    """One figure a key: the figures of a key given more than once decided by the rule,
    the one it keeps standing where the key is first given, in the order of the files."""
    from linyi_tracker.actuals.reconcile import Figure, Verdict, decide, findings

    repeated = {key for key, count in Counter(keys).items() if count > 1}
    groups: dict[tuple[str, str, str, str], list[int]] = {}  # key → positions, in file order
    for at in compress(range(len(keys)), map(repeated.__contains__, keys)):
        groups.setdefault(keys[at], []).append(at)
    kept = list(observations)
    keep = bytearray(b"\x01") * len(kept)
    for key, positions in groups.items():
        group = [observations[at] for at in positions]
        figures = [Figure.of(g) for g in group]
        decision = decide(figures)
        store.findings.extend(findings(key, figures, decision))
        kept[positions[0]] = group[decision.current]
        for at in positions[1:]:
            keep[at] = 0
        clash = [group[i] for i, v in enumerate(decision.verdicts) if v is Verdict.CONFLICT]
        if clash:
            store.clashing[key] = [group[decision.current], *clash]
        if decision.history:
            store.revisions[key] = [group[i] for i in decision.history]
    return list(compress(kept, keep))


def _same_spans(store: Store, kept: list[Observation], flows: frozenset[str]) -> list[Observation]:
    """One figure a span: labels of one span (2019Q4 and 2019 of a flow) decided by the rule.

    Only a label that shares its span with another label in the store (2019-12 beside
    2019) can put a figure in a span with another: those labels are found among the
    few distinct ones, and only their figures are grouped (a store of monthly figures
    has none to group; one with years has their Decembers)."""
    # the span of each distinct label (span_of of one figure under it: the span is the
    # label's), and the labels sharing a span with another label in the store
    labels = list(map(_LABEL, kept))
    span_of_label = {
        label: span_of(o, True)[1] for label, o in dict(zip(labels, kept, strict=True)).items()
    }
    labels_a_span = Counter(span_of_label.values())
    shared = {label for label, span in span_of_label.items() if labels_a_span[span] > 1}
    if not shared:
        return kept
    # a figure's span: its series and its label's span (span_of's key)
    spans: dict[tuple[str, str, str, str], list[int]] = {}  # span → positions in kept
    for at in compress(range(len(kept)), map(shared.__contains__, labels)):
        indicator, label, region, measure = _KEY(kept[at])
        if indicator in flows:
            spans.setdefault((indicator, span_of_label[label], region, measure), []).append(at)
    repeated = [positions for positions in spans.values() if len(positions) > 1]
    if not repeated:
        return kept
    from linyi_tracker.actuals.reconcile import Verdict, span_findings

    keep = bytearray(b"\x01") * len(kept)
    for positions in repeated:
        positions.sort(key=lambda at: _FILE_LINE(kept[at]))  # in file order, as validate sees them
        group = [kept[at] for at in positions]
        decision, found = span_findings(group)
        store.findings.extend(found)
        for i, at in enumerate(positions):
            if i != decision.current:
                keep[at] = 0
        if decision.history or store.revisions or Verdict.CONFLICT in decision.verdicts:
            _span_history(store, group, decision)
    return list(compress(kept, keep))


def _span_history(store: Store, group: list[Observation], decision: Decision) -> None:
    """A decided span's clashing figures, and the figures it replaced, as history of the one
    that counts (with the history each had under its own label)."""
    from linyi_tracker.actuals.reconcile import Verdict

    current = group[decision.current]
    history = [group[i] for i in decision.history]
    for i, o in enumerate(group):
        if decision.verdicts[i] is Verdict.CONFLICT:  # under its own label, to withdraw
            store.clashing.setdefault(o.key, [o])
        if i != decision.current:
            history += store.revisions.pop(o.key, [])
    if history:
        earlier = store.revisions.get(current.key, [])
        store.revisions[current.key] = sorted(
            [*earlier, *history], key=lambda o: (o.as_of is not None, o.as_of)
        )
