"""Moving a validated submission into the data folder, without ever losing a figure.

One ingest at a time: the write holds a lock on the data folder (``.linyi-tracker.lock``,
an OS file lock released when the process ends, however it ends), re-reads the store
under it and plans again, so two ingests started together cannot store a figure twice
or store two different values for it: the second sees the first's file.

An ingest writes exactly one new file, ``<data>/ingested/<stamp>_<region>_<period>.csv``,
named from plan ids and canonical periods only (nothing from the submission's text).
It is written to a hidden temporary file in the same folder, flushed and fsynced, then
linked to its final name (which fails rather than overwrite) and the folder fsynced.
The store skips hidden files, so a crash or kill at any moment leaves the store either
exactly as it was or with the whole new file: never half of it.

Figures already stored with the same value are skipped. A different stored value is
refused by validation (``conflicts-with-store``) unless ``--revise``: then the new
figure is written with its ``as_of`` (today's date if it has none) and the old one
stays, so the store shows the latest and keeps the history.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from linyi_tracker.actuals.observation import Observation, span_of
from linyi_tracker.actuals.reconcile import (
    Figure,
    Relation,
    against_store,
    refines,
    store_finding,
    superseded,
    written_text,
)
from linyi_tracker.actuals.signoff import signoff_row
from linyi_tracker.actuals.store import INGESTED
from linyi_tracker.errors import DataInvalidError, TrackerError, require
from linyi_tracker.i18n import Text, TextError, os_reason
from linyi_tracker.plan.models import ID_CHARACTERS, Plan
from linyi_tracker.validation.naming import figure_name, with_names

HEADER = ("indicator", "period", "region", "value", "unit", "source", "note", "as_of")
INGEST_FOLDER = INGESTED  # the store leaves its own 44.2万 notation unremarked there
_SAFE = re.compile(rf"^[{ID_CHARACTERS}]+$")  # a file name made of ids, periods and '_'s


class IngestError(TrackerError):
    """The submission cannot be written to the store (message says why and what to do)."""


class IngestRefused(TextError, IngestError):
    """An ingest refused, said in zh and en (rendered in the reader's language at the edge)."""


class StoreConflictError(DataInvalidError, IngestError):
    """A figure would replace a stored one and cannot be its revision (no --revise, or an
    as_of that is not later); the findings say which (``conflicts-with-store``)."""

    def __init__(self, text: Text, findings: list[object]) -> None:
        self.text = text  # said in the reader's language at the edge (cli/app.message_of)
        super().__init__(text.render("en"), findings)


@dataclass
class IngestPlan:
    """What an ingest will write: the new rows, the skipped ones, the file name."""

    target: Path
    rows: list[Observation] = field(default_factory=list)
    revisions: list[tuple[Observation, Observation]] = field(default_factory=list)  # (new, stored)
    skipped: list[Observation] = field(default_factory=list)  # already stored, same value
    # (new, stored): the same figure, written more precisely than the stored rounded one
    # (442079 for 44.2万): stored, and counted from then on (reconcile.refines)
    refinements: list[tuple[Observation, Observation]] = field(default_factory=list)
    # What the plan was made from, so that write() can plan again under the lock.
    submitted: list[Observation] = field(default_factory=list)
    revise: bool = False
    moment: datetime | None = None
    data_dir: Path | None = None
    # Figures a later as_of in the submission replaced: written too, as history.
    history: list[Observation] = field(default_factory=list)
    # Each submitted file's sign-off line (填报人 …), by the file name its rows carry:
    # kept above the ingested file's header (actuals/signoff.py).
    signoffs: dict[str, dict[str, str]] = field(default_factory=dict)
    # The stored figures each current one revised, by key: an earlier figure re-sent is
    # skipped (reconcile.superseded), when planning and again under the lock.
    revised: Mapping[tuple[str, str, str, str], Sequence[Observation]] = field(default_factory=dict)


def plan_ingest(
    plan: Plan,
    submitted: list[Observation],
    stored: dict[tuple[str, str, str, str], Observation],
    data_dir: Path,
    *,
    revise: bool,
    now: datetime | None = None,
    history: Sequence[Observation] = (),
    revised: Mapping[tuple[str, str, str, str], Sequence[Observation]] | None = None,
) -> IngestPlan:
    """What to write: each figure that counts against the stored one (the one rule, rule
    4), and each figure of ``history`` — replaced by a later as_of in the submission itself
    — beside it, so that no revision is dropped: skipped when already stored, refused when
    it clashes with the stored figure (a different figure at the same time)."""
    moment = now or datetime.now()
    flows = {i.id for i in plan.indicators if i.flow}
    # A flow's stored figure under another label of the same span (2019Q4 for 2019) is
    # the figure a submitted one meets (observation.span_of).
    spans = {span_of(s, s.indicator in flows): s for s in stored.values()}

    def stored_for(o: Observation) -> Observation | None:
        return stored.get(o.key) or spans.get(span_of(o, o.indicator in flows))

    earlier = revised or {}

    def resent(o: Observation, old: Observation) -> bool:
        """The original of a stored revision sent again: already stored (rule 4)."""
        history = [Figure.of(h) for h in earlier.get(old.key, ())]
        return superseded(history, Figure.of(old), Figure.of(o)) is not None

    rows: list[Observation] = []
    revisions: list[tuple[Observation, Observation]] = []
    skipped: list[Observation] = []
    refinements: list[tuple[Observation, Observation]] = []
    for o in sorted(submitted, key=lambda o: (o.indicator, o.region, o.period.sort_key)):
        old = stored_for(o)
        if old is None:
            rows.append(o)
            continue
        # The one rule (actuals/reconcile.py) decides; ingest only carries it out.
        relation = against_store(Figure.of(old), Figure.of(o))
        if relation is Relation.SAME:
            if refines(Figure.of(old), Figure.of(o)):
                refinements.append((o, old))
                rows.append(o)
            else:
                skipped.append(o)
            continue
        if relation is not Relation.NEWER and resent(o, old):
            skipped.append(o)
            continue
        if relation is not Relation.NEWER:
            if not revise:
                _refuse(plan, o, old)
            if o.as_of is None:  # --revise: a revision dated today
                o = _with_as_of(o, moment.date())
            if against_store(Figure.of(old), Figure.of(o)) is not Relation.NEWER:
                # An as_of no later than the stored one's: the two could not be ordered,
                # and the store would refuse the folder.
                _refuse(plan, o, old, revise=True)
        revisions.append((o, old))
        rows.append(o)
    for o in history:
        old = stored_for(o)
        if old is not None:
            between = against_store(Figure.of(old), Figure.of(o))
            if between is Relation.SAME or resent(o, old):
                skipped.append(o)
                continue
            if between is Relation.CLASH:
                _refuse(plan, o, old)
            if between is Relation.NEWER:  # it too replaces a figure: the stored one
                revisions.append((o, old))
        rows.append(o)
    revisions = chained(revisions)
    # By key, and a key's revisions oldest first (undated, then by as_of), as the store
    # reads them; otherwise in file order (the sort is stable).
    rows.sort(
        key=lambda o: (o.indicator, o.region, o.period.sort_key, o.as_of is not None, o.as_of)
    )
    target = _target(plan, rows or submitted, data_dir, moment)
    return IngestPlan(
        target,
        rows,
        revisions,
        skipped,
        refinements,
        list(submitted),
        revise,
        moment,
        data_dir,
        list(history),
        revised=earlier,
    )


def chained(
    revisions: list[tuple[Observation, Observation]],
) -> list[tuple[Observation, Observation]]:
    """Each new figure with the one it replaces: the figures revising one stored figure,
    in the order of their time (rule 2), each replace the one before them — the stored
    figure, then the first revision (11315 → 11400 → 11500: two revisions, not one
    11315 → 11500), so the count says how many figures replaced another."""
    by_stored: dict[int, list[tuple[Observation, Observation]]] = {}
    for new, old in revisions:
        by_stored.setdefault(id(old), []).append((new, old))
    out: list[tuple[Observation, Observation]] = []
    for pairs in by_stored.values():
        previous = pairs[0][1]
        for new, _ in sorted(pairs, key=lambda p: (p[0].as_of is not None, p[0].as_of)):
            out.append((new, previous))
            previous = new
    return out


def _refuse(plan: Plan, o: Observation, old: Observation, *, revise: bool = False) -> None:
    finding = store_finding(o.key, Figure.of(old), Figure.of(o), revise=revise)
    assert finding is not None and finding.is_error  # neither the same figure nor a newer one
    (named,) = with_names([finding], plan)
    params = {
        "figure": figure_name(plan, o.indicator, o.period.text, o.region),
        "value": o.text,
        "stored": old.text,
        "where": f"{old.file}:{old.line}",
    }
    raise StoreConflictError(Text("ingest.would_replace", params), [named])


def _with_as_of(o: Observation, day: date) -> Observation:
    return o._replace(as_of=day)


def _target(plan: Plan, rows: list[Observation], data_dir: Path, moment: datetime) -> Path:
    regions = sorted({o.region for o in rows})
    periods = sorted({o.period for o in rows}, key=lambda p: p.sort_key)
    region = regions[0] if len(regions) == 1 else "multi"
    if not periods:
        span = "empty"
    elif len(periods) == 1:
        span = str(periods[0])
    else:
        span = f"{periods[0]}_{periods[-1]}"
    name = f"{moment:%Y%m%dT%H%M%S}_{region}_{span}.csv"
    folder = data_dir / INGEST_FOLDER
    path = folder / name
    # Belt and braces: ids and periods are validated already; refuse anything odd anyway.
    if not _SAFE.match(name) or region not in {*plan.region_by_id, "multi"}:
        raise IngestRefused(Text("ingest.unsafe_name", {"name": name}))
    if folder.resolve().parent != data_dir.resolve():
        raise IngestRefused(Text("ingest.outside_folder", {"folder": data_dir}))
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{name[:-4]}-{counter}.csv"
    return path


def signoff_of(rows: list[Observation], signoffs: dict[str, dict[str, str]]) -> dict[str, str]:
    """The one sign-off line of the files ``rows`` come from ({} when none has one). Files
    signed differently are refused before anything is written: one ingested file keeps
    one submission's record, and a figure never carries another file's signatures."""
    found = {tuple(sorted(signoffs.get(o.file, {}).items())) for o in rows}
    signed = {s for s in found if s}
    if len(signed) > 1 or (signed and () in found):
        raise IngestRefused(Text("ingest.signoffs_differ"))
    return dict(next(iter(signed))) if signed else {}


def render(plan: Plan, rows: list[Observation], signoff: dict[str, str] | None = None) -> bytes:
    """Normalised UTF-8 CSV: canonical headers, ids, periods and values; source kept; the
    submission's sign-off line (填报人 …) above the header when it has one."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if signoff:
        writer.writerow(signoff_row(signoff))
    # The measure column only where a growth figure needs it: a growth figure written
    # without it would read back as a level.
    measured = any(o.measure != "level" for o in rows)
    writer.writerow((*HEADER, "measure") if measured else HEADER)
    for o in rows:
        unit = o.unit or ""
        value = written_text(o.value) if o.value is not None else o.text
        if o.word == "not-done":
            value = "not done"
        writer.writerow(
            [
                o.indicator,
                str(o.period),
                o.region,
                value,
                unit,
                o.source,
                o.note,
                o.as_of.isoformat() if o.as_of else "",
                *([o.measure] if measured else []),
            ]
        )
    return buf.getvalue().encode("utf-8")


# The steps of a write, in order. ``CHECKPOINT`` is called with each as it is reached:
# it does nothing, and a test replaces it (in a child process) to kill or pause the
# process at a chosen step, so that "a kill at any moment" and "two ingests at once"
# are checked at every moment that matters rather than at random times.
STEPS = (
    "locking",  # about to wait for the data folder's lock
    "locked",  # holding it; the store not yet re-read
    "temp-created",  # an empty hidden temporary exists
    "temp-written",  # the rows are written to it, not yet synced
    "temp-synced",  # ... and fsynced
    "linked",  # the final name exists (the temporary still does)
    "temp-removed",  # the temporary is gone
    "folder-synced",  # the folder entry is on disk: done
)


def _no_checkpoint(step: str) -> None:
    return None


CHECKPOINT: Callable[[str], None] = _no_checkpoint

LOCK_NAME = ".linyi-tracker.lock"  # hidden: the store never reads it
LOCK_TIMEOUT_SECONDS = 120.0


@contextmanager
def holding_lock(data_dir: Path) -> Iterator[None]:
    """The data folder's lock, for as long as the block runs (one ingest at a time).

    An OS lock (flock on POSIX, msvcrt.locking on Windows, through ``filelock``): the OS
    releases it when the process ends, so a killed ingest never leaves the folder locked.
    """
    require("filelock", "ingest (the data folder's lock)")
    from filelock import FileLock, Timeout

    lock = FileLock(data_dir / LOCK_NAME, timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise IngestRefused(
            Text(
                "ingest.lock_timeout",
                {"folder": data_dir, "seconds": f"{LOCK_TIMEOUT_SECONDS:.0f}"},
            )
        ) from None
    try:
        yield
    finally:
        lock.release()


def write(
    plan: Plan,
    ingest: IngestPlan,
    *,
    reread: Callable[[], Iterable[Observation]] | None = None,
) -> Path | None:
    """Write the new file atomically, under the data folder's lock; returns its path.

    Under the lock the store is read again (``reread``, else :func:`load_store`) and the
    ingest planned again, ``ingest`` updated in place: figures another ingest stored
    meanwhile are skipped, and a different value stored meanwhile is refused
    (:class:`StoreConflictError`, with the conflicts-with-store finding). Returns None if nothing is left to write.
    """
    if not ingest.rows:
        raise IngestRefused(Text("ingest.all_stored"))
    data_dir = ingest.data_dir or ingest.target.parent.parent
    created = _make_folder(data_dir)
    try:
        return _write_locked(plan, ingest, data_dir, reread)
    finally:
        if created and not ingest.target.exists():  # nothing written: leave no folder
            with suppress(OSError):
                (data_dir / LOCK_NAME).unlink(missing_ok=True)
                data_dir.rmdir()


def _make_folder(data_dir: Path) -> bool:
    """Make the data folder for the first figures written to it; whether it was made."""
    if data_dir.is_dir():
        return False
    try:
        data_dir.mkdir(parents=True)
    except OSError as exc:  # a name too long, a read-only parent, a file in the way
        raise IngestRefused(
            Text("ingest.cannot_create", {"folder": data_dir, "reason": os_reason(exc)})
        ) from None
    return True


def _write_locked(
    plan: Plan,
    ingest: IngestPlan,
    data_dir: Path,
    reread: Callable[[], Iterable[Observation]] | None,
) -> Path | None:
    CHECKPOINT("locking")
    with holding_lock(data_dir):
        CHECKPOINT("locked")
        if reread is None:
            from linyi_tracker.actuals.store import load_store

            observations: Iterable[Observation] = load_store(plan, data_dir).observations
        else:
            observations = reread()
        fresh = plan_ingest(
            plan,
            ingest.submitted or ingest.rows,
            {o.key: o for o in observations},
            data_dir,
            revise=ingest.revise,
            now=ingest.moment,
            history=ingest.history,
            revised=ingest.revised,
        )
        ingest.target, ingest.rows = fresh.target, fresh.rows
        ingest.revisions, ingest.skipped = fresh.revisions, fresh.skipped
        ingest.refinements = fresh.refinements
        if not ingest.rows:
            return None
        _write_file(plan, ingest)
    return ingest.target


def _write_file(plan: Plan, ingest: IngestPlan) -> None:
    payload = render(plan, ingest.rows, signoff_of(ingest.rows, ingest.signoffs))
    folder = ingest.target.parent
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    _clean_temporaries(folder)
    try:
        _write_new(folder, payload, ingest.target)
    except BaseException:
        if created:  # leave no empty ingested/ behind a failed write
            with suppress(OSError):
                folder.rmdir()
        raise


def _write_new(folder: Path, payload: bytes, target: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=folder)
    tmp = Path(tmp_name)
    try:
        CHECKPOINT("temp-created")
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; the store is shared by the office
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            CHECKPOINT("temp-written")
            os.fsync(handle.fileno())
        CHECKPOINT("temp-synced")
        os.link(tmp, target)  # fails if the name exists: never overwrites
        CHECKPOINT("linked")
    finally:
        tmp.unlink(missing_ok=True)
    CHECKPOINT("temp-removed")
    _fsync_dir(folder)
    CHECKPOINT("folder-synced")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _clean_temporaries(folder: Path) -> None:
    """Temporaries left by a killed ingest are never part of the store. Called under the
    lock, when no other ingest can be writing one, so every one found is stale."""
    for stale in folder.glob(".tmp-*.csv"):
        try:
            stale.unlink()
        except OSError:
            continue
