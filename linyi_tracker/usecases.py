"""What each command does, below the command line: one function a command, returning data.

A command in cli/ parses its options, calls one function here and renders what it
returns (style.md: library first, CLI thin). Nothing here prints or imports typer or
rich; a name the user typed is resolved by :mod:`linyi_tracker.plan.lookup`, and a
problem is an exception of :mod:`linyi_tracker.errors` carrying zh and en text.

- :func:`open_workspace` — the plan and the store a command works on;
- :func:`status`, :func:`show`, :func:`report` — assessments, filtered or in depth,
  and the yearly report;
- :func:`validate`, :func:`ingest`, :func:`write_ingest` — checking and storing
  submissions;
- :func:`template` — the rows of a blank submission;
- :func:`extract` — figures proposed from a communiqué's text, for review.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linyi_tracker import clock
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import Store, load_store, user_cache_folder
from linyi_tracker.bulk import gc_paused
from linyi_tracker.errors import DataInvalidError, TrackerError
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.formatting import listed, typed_path
from linyi_tracker.i18n import Lang, Text, TextError, TextUsageError, os_reason, t
from linyi_tracker.locate import Located, locate_both, locate_plan
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.lookup import find_indicator, find_region, find_statuses, find_system
from linyi_tracker.plan.models import Plan

if TYPE_CHECKING:
    from linyi_tracker.extract.document import Document
    from linyi_tracker.extract.figures import Extraction
    from linyi_tracker.intake.ingest import IngestPlan
    from linyi_tracker.intake.template import TemplateRow
    from linyi_tracker.reporting.model import Report
    from linyi_tracker.reporting.view import IndicatorView, StatusView
    from linyi_tracker.validation.validator import ProgressFactory, ValidationReport


# The plan and the store


@dataclass
class Workspace:
    """The plan and the figures a command works on, and where each came from."""

    plan: Plan
    plan_at: Located
    store: Store
    data_at: Located

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.store.findings if f.severity is Severity.WARNING]


class DataHasErrors(DataInvalidError):
    """The data folder has error findings; nothing is assessed from it."""

    def __init__(
        self,
        folder: Path,
        findings: list[object],
        key: str = "cli.data_has_errors",
        plan: Located | None = None,
    ) -> None:
        self.text = Text(key, {"folder": folder, "n": len(findings)})
        self.folder = folder
        self.plan = plan_to_name(plan)
        super().__init__(self.text.render("en"), findings)


def plan_to_name(plan: Located | None) -> Path | None:
    """The plan a command written out for the user must name (``--plan``): one it would
    not find by itself (given by option, an example's, the one beside the data)."""
    if plan is None or plan.origin not in ("option", "example", "beside the data"):
        return None
    return plan.path


def open_plan(plan_option: Path | None) -> tuple[Plan, Located]:
    where = locate_plan(plan_option)
    return read_plan(where.path), where


def open_both(plan_option: Path | None, data_option: Path | None) -> tuple[Plan, Located, Located]:
    """The plan, where it is, and where its data is (locate.locate_both)."""
    plan_at, data_at = locate_both(plan_option, data_option)
    return read_plan(plan_at.path), plan_at, data_at


def open_workspace(
    plan_option: Path | None, data_option: Path | None, *, for_withdraw: bool = False
) -> Workspace:
    """Plan and store; a store with errors stops here (exit 1), never half-used — but
    for ``withdraw``, which may be what ends an error (a conflict), and reads the folder
    without the cache, whose entry does not keep the figures in conflict."""
    plan, plan_at, data_at = open_both(plan_option, data_option)
    store = read_store(plan, data_at, cached=not for_withdraw)
    if not for_withdraw and store.errors:
        raise DataHasErrors(data_at.path, list(store.errors), plan=plan_at)
    return Workspace(plan, plan_at, store, data_at)


def read_store(
    plan: Plan, where: Located, exclude: set[Path] | None = None, *, cached: bool = True
) -> Store:
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
            cache_folder=user_cache_folder if cached else None,
        )
        if store.findings:  # naming loads the finding catalogue: only when there is one
            from linyi_tracker.validation.naming import at_value_column, with_names

            # 兰山区, not lanshan; a conflict's value column as validate names it (数值, 4)
            store.findings[:] = with_names(at_value_column(store.findings, store.files), plan)
        gc.freeze()
    return store


def display_root(where: Located) -> Path:
    """What file names are shown relative to: the working directory, or for the embedded
    data the package's data folder ('actuals/poverty.csv:4', the same on every install)."""
    return where.path.parent if where.shipped else Path.cwd()


def regions_named(plan: Plan, region: str | None) -> list[str]:
    """``None`` → the city; ``all`` → the city and every region; else one region."""
    if region is None:
        return [plan.city.id]
    if _is_all(region):
        return [r.id for r in plan.regions]
    return [find_region(plan, region)]


def one_region(plan: Plan, region: str | None) -> str:
    """``--region`` of a command about one region (template, extract, withdraw): ``None``
    → the city, else that region; ``all`` is refused with a message saying so (it is
    not a misspelt name to suggest a county for)."""
    if region is None:
        return plan.city.id
    if _is_all(region):
        raise TextUsageError(Text("region.one_only", {"region": region.strip()}))
    return find_region(plan, region)


def _is_all(region: str) -> bool:
    return region.strip().lower() == "all"


# status, show, report


def as_of_within_plan(plan: Plan, as_of: Period | None) -> Period | None:
    """``--as-of`` as status and show take it: a period of the years the plan's data may
    cover (``period.data_from``/start to end), the same years ``template`` accepts;
    ``report`` takes only the plan's own years. Outside them nothing can be judged."""
    if as_of is None:
        return None
    span = plan.plan.period
    if not span.first_data_year <= as_of.year <= span.end:
        raise TextUsageError(
            Text(
                "status.as_of_outside",
                {"period": as_of, "start": span.first_data_year, "end": span.end},
            )
        )
    return as_of


@dataclass
class StatusResult:
    view: StatusView  # every target kept, as one view each (reporting.view)
    warnings: list[Finding]
    # Why no target is kept, when none is: a sentence rather than an empty table
    nothing: Text | None = None


def status(
    ws: Workspace,
    *,
    as_of: Period | None = None,
    statuses: Iterable[str] = (),
    system: str | None = None,
    region: str | None = None,
    binding: bool | None = None,
) -> StatusResult:
    """Every target assessed as of a period, kept when it has one of ``statuses``
    (zh or en words, codes, ``not_assessed``), is in ``system`` and, with ``binding``,
    is binding (约束性, True) or expected (预期性, False) as the plan says."""
    from linyi_tracker.assessment.engine import assess_all, default_as_of
    from linyi_tracker.reporting.view import status_view

    wanted = find_statuses(statuses)
    system_id = None if system is None else find_system(ws.plan, system)
    regions = regions_named(ws.plan, region)
    period = as_of_within_plan(ws.plan, as_of) or default_as_of(ws.store, ws.plan)
    report = assess_all(ws.plan, ws.store, period, regions)
    every = report.assessments
    report.assessments = [
        a
        for a in every
        if (not wanted or (a.status or "not_assessed") in wanted)
        and (system_id is None or ws.plan.indicator_by_id[a.indicator].system == system_id)
        and (binding is None or a.binding is binding)
    ]
    nothing = None
    if not report.assessments:
        asked = {
            "status": sorted(wanted),
            "system": system_id,
            "region": region,
            "binding": binding,
        }
        nothing = _why_nothing(ws.plan, asked, regions)
    return StatusResult(status_view(ws.plan, ws.store, report), ws.warnings, nothing)


def _why_nothing(plan: Plan, asked: dict[str, Any], regions: list[str]) -> Text:
    """The sentence for a status that keeps no target: the plan has none at all, or none
    of the kind asked for (no binding target), or the conditions together leave none."""
    if not plan.targets:  # nothing to filter: the plan itself has no target yet
        return Text("status.none_in_plan")
    binding = asked["binding"]
    if binding is not None and not any(tg.binding is binding for tg in plan.targets):
        return Text("status.none_binding" if binding else "status.none_expected")
    filters: list[Text] = []
    if asked["status"]:
        words = {
            lang: listed((t(f"status.{s}", lang) for s in asked["status"]), lang)
            for lang in ("zh", "en")
        }
        filters.append(Text("status.filter_status", {"value": words}))
    if asked["system"] is not None:
        name = next(s.name for s in plan.systems if s.id == asked["system"])
        filters.append(Text("status.filter_system", {"value": {"zh": name.zh, "en": name.en}}))
    if asked["region"] is not None and len(regions) == 1:
        name = plan.region_by_id[regions[0]].name
        filters.append(Text("status.filter_region", {"value": {"zh": name.zh, "en": name.en}}))
    if binding is not None:
        value = Text("status.binding_yes" if binding else "status.binding_no")
        filters.append(Text("status.filter_binding", {"value": value}))
    if not filters:  # only --region over several regions, and none of them has a target
        return Text("status.none_to_show")
    said = {
        lang: t("status.filter_sep", lang).join(f.render(lang) for f in filters)
        for lang in ("zh", "en")
    }
    return Text("status.none_match", {"filters": said})


def show(
    ws: Workspace, name: str, *, as_of: Period | None = None, region: str | None = None
) -> IndicatorView:
    """One indicator named by id, target id or a unique part of a name, assessed in depth:
    everything `show` draws, worked out before drawing (reporting.view)."""
    from linyi_tracker.assessment.engine import default_as_of
    from linyi_tracker.reporting.view import indicator_view

    ind = find_indicator(ws.plan, name)
    period = as_of_within_plan(ws.plan, as_of) or default_as_of(ws.store, ws.plan)
    regions = regions_named(ws.plan, region)
    return indicator_view(ws.plan, ws.store, ind, period, regions)


def report(
    ws: Workspace,
    year: int,
    *,
    as_of: Period | None = None,
    system: str | None = None,
    generated: datetime,
    plan_file: str,
    data_source: str,
) -> Report:
    """The yearly report on ``year``, as of a period of that year."""
    from linyi_tracker.assessment.engine import default_as_of
    from linyi_tracker.reporting.model import build_report

    span = ws.plan.plan.period
    if not span.start <= year <= span.end:
        raise TextUsageError(
            Text("report.outside_years", {"year": year, "start": span.start, "end": span.end})
        )
    period = as_of or default_as_of(ws.store, ws.plan, year)
    if period.year != year:
        raise TextUsageError(Text("report.as_of_other_year", {"period": period, "year": year}))
    return build_report(
        ws.plan,
        ws.store,
        year,
        period,
        generated=generated,
        plan_file=plan_file,
        data_source=data_source,
        system=None if system is None else find_system(ws.plan, system),
    )


# validate, ingest, template


@dataclass
class Validated:
    """A validation, and the errors of the data folder it was compared with (``ingest``
    refuses every file while that folder has any: a clean submission is not yet one
    that can be ingested)."""

    report: ValidationReport
    data: Path | None = None
    data_errors: int = 0
    plan: Path | None = None  # the plan a command on the data folder names (plan_to_name)


def validate(
    plan_option: Path | None,
    data_option: Path | None,
    paths: list[str],
    *,
    strict: bool = False,
    compare_with_store: bool = True,
    sheet: str | None = None,
    progress: ProgressFactory | None = None,
) -> Validated:
    """Every finding in the files (folders searched), compared with the stored figures."""
    from linyi_tracker.validation.validator import STDIN, expand
    from linyi_tracker.validation.validator import validate as run_validation

    paths = given_once(paths)
    plan, plan_at, where = open_both(plan_option, data_option)
    files = expand(paths)
    store = None
    # Only the user's own store (--data, $LINYI_TRACKER_DATA, ./data/actuals): the
    # figures shipped with the tool (the published Linyi figures, an example plan's) are
    # not what a submission adds to — ingest refuses to write there.
    # A folder named by --data or $LINYI_TRACKER_DATA that is not there is refused,
    # as status refuses it: comparing with nothing would pass silently.
    if compare_with_store and not where.shipped:
        mine = {Path(p).resolve() for p in files if p != STDIN}
        store = read_store(plan, where, exclude=mine)
    # The paths as given: a folder's files not read are named in the report (expand_named).
    report = run_validation(paths, plan, store=store, strict=strict, sheet=sheet, progress=progress)
    report.findings = with_undo_commands(report.findings, plan_at, where)
    if store is None:
        return Validated(report)
    return Validated(report, where.path, len(store.errors), plan_to_name(plan_at))


def refuse_shipped(where: Located) -> None:
    """The data a command would write into is the user's own: the package's embedded
    figures and its shipped examples are never written to (ingest, withdraw)."""
    if where.origin == "example":
        raise TextError(
            Text("ingest.example_read_only", {"name": where.path.name, "path": where.path})
        )
    if where.origin == "embedded":
        raise TextError(Text("ingest.no_data_folder"))


def given_once(paths: list[str]) -> list[str]:
    """The names given, each file once (``a.csv ./a.csv``: read twice, its rows would be
    their own duplicates). Standard input can be read once: ``-`` twice is refused
    (both reads went under one heading)."""
    import os

    from linyi_tracker.validation.validator import STDIN

    if paths.count(STDIN) > 1:
        raise TextUsageError(Text("validate.stdin_twice"))
    seen: set[str] = set()
    once = []
    for name in paths:
        key = name if name == STDIN or not name.strip() else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            once.append(name)
    return once


@dataclass
class IngestResult:
    """A validated submission and what storing it would write (nothing is written yet)."""

    plan: Plan
    data_at: Located
    validation: ValidationReport
    job: IngestPlan | None  # None when the validation failed
    submitted: set[Path] = field(default_factory=set)  # left out when the store is read again

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.validation.findings if f.severity is Severity.WARNING]


def ingest(
    plan_option: Path | None,
    data_option: Path | None,
    paths: list[str],
    *,
    sheet: str | None = None,
    revise: bool = False,
) -> IngestResult:
    """Validate the files against the store and plan what to write; write nothing."""
    from linyi_tracker.intake.ingest import plan_ingest, signoff_of
    from linyi_tracker.validation.validator import expand
    from linyi_tracker.validation.validator import validate as run_validation

    plan, plan_at, where = open_both(plan_option, data_option)
    refuse_shipped(where)
    files = expand(paths)
    mine = {Path(p).resolve() for p in files}
    root = where.path.resolve()
    inside = sorted(str(p) for p in mine if p.is_relative_to(root))
    if inside:
        raise TextError(
            Text("ingest.inside_data_folder", {"path": inside[0], "folder": where.path})
        )
    # A folder that is not there yet holds nothing; it is made only when a figure is
    # written into it (intake.ingest.write), never by a dry run or an ingest that writes
    # nothing.
    try:
        there = where.path.exists()
    except OSError as exc:  # a name too long for the file system
        raise TextError(
            Text("ingest.cannot_create", {"folder": where.path, "reason": os_reason(exc)})
        ) from None
    store = read_store(plan, where, exclude=mine) if there else Store(where.path)
    if store.errors:  # a figure added to a folder with errors could never be assessed
        raise DataHasErrors(where.path, list(store.errors), "ingest.store_has_errors", plan=plan_at)
    checked = run_validation(  # the paths as given: a folder's files not read are named
        paths, plan, store=store, sheet=sheet, revise=revise, keep_observations=True
    )
    checked.findings = with_undo_commands(checked.findings, plan_at, where)
    if checked.failed:
        refuse_withdrawn(plan, checked)
        return IngestResult(plan, where, checked, None, mine)
    stored = {o.key: o for o in store.observations}
    job = plan_ingest(
        plan,
        checked.observations,
        stored,
        where.path,
        revise=revise,
        history=checked.revisions,
        revised=store.revisions,
    )
    job.signoffs = {f.path: f.signoff for f in checked.files if f.signoff}
    # Files signed by different people are refused now, so a dry run says so too.
    signoff_of(job.rows, job.signoffs)
    return IngestResult(plan, where, checked, job, mine)


class WithdrawnFigureError(DataInvalidError):
    """A figure to be ingested is withdrawn, and stored again would not count: refused
    (exit 1, as the other refusals of data are), saying how to reinstate it if it was
    withdrawn by mistake and to correct it if it is wrong."""

    def __init__(self, text: Text) -> None:
        self.text = text  # said in the reader's language at the edge (cli/app.message_of)
        super().__init__(text.render("en"), [])


WITHDRAWN_LISTED = 5  # the withdrawn figures of one submission ingest names beyond the first


def is_withdrawn(f: Finding) -> bool:
    """A finding on a submitted figure the data folder has withdrawn
    (:mod:`linyi_tracker.validation.cross.withdrawn`)."""
    return f.code == "withdrawn-figure"


def refuse_withdrawn(plan: Plan, checked: ValidationReport) -> None:
    """When withdrawn figures are all that stops a submission, refuse it naming the first
    with its reinstating command, and how many more there are with the first few of them
    (validate lists each with its own): the validation's findings, so that validate and
    ingest say the same of the same file. Other errors: the validation is shown instead,
    the withdrawn figures among its findings."""
    from linyi_tracker.validation.naming import figure_name

    withdrawn = [f for f in checked.findings if is_withdrawn(f)]
    failing = [
        f
        for f in checked.findings
        if f.is_error or (checked.strict and f.severity is Severity.WARNING)
    ]
    if not withdrawn or len(failing) != len(withdrawn):
        return

    def shown(f: Finding, lang: Lang) -> str:
        p = f.params
        named = figure_name(plan, str(p["indicator"]), str(p["period"]), str(p["region"]))
        return f"{named.shown(lang)} = {p['value']}"

    first, rest = withdrawn[0], withdrawn[1:]
    more: Text | str = ""
    if rest:
        listed = {
            lang: listed_figures(
                [
                    f"{shown(f, lang)}（{f.file}:{f.line}）"
                    if lang == "zh"
                    else f"{shown(f, lang)} ({f.file}:{f.line})"
                    for f in rest[:WITHDRAWN_LISTED]
                ],
                len(rest) - WITHDRAWN_LISTED,
                lang,
            )
            for lang in ("zh", "en")
        }
        more = Text("ingest.withdrawn_more", {"n": len(rest), "listed": listed})
    params: dict[str, object] = {
        "figure": {lang: shown(first, lang) for lang in ("zh", "en")},
        "file": f"{first.file}:{first.line}",
        "when": first.params["when"],
        "reason": first.params["reason"],
        "command": {lang: reinstating(first, lang) for lang in ("zh", "en")},
        "more": more,
    }
    raise WithdrawnFigureError(Text("ingest.withdrawn_figure", params))


def listed_figures(shown: list[str], left: int, lang: Lang) -> str:
    """The figures named, and "…" with how many more when some are left out."""
    sep = "；" if lang == "zh" else "; "
    tail = [t("ingest.withdrawn_left", lang, n=left)] if left > 0 else []
    return sep.join([*shown, *tail])


def reinstating(f: Finding, lang: Lang) -> str:
    """The withdrawn figure's reinstating command, with the reason said in ``lang``."""
    import shlex

    return f"{f.params['command']} --reason {shlex.quote(t('ingest.undo_reason', lang))}"


def with_undo_commands(findings: list[Finding], plan_at: Located, where: Located) -> list[Finding]:
    """The findings, each withdrawn figure's reinstating command completed to be run as it
    stands in the working directory (the data folder, and the plan where withdraw would
    not find it by itself, as validate's tip names them)."""
    import shlex
    from dataclasses import replace

    if not any(is_withdrawn(f) for f in findings):
        return findings
    words = ["--data", typed_path(where.path)]
    named = plan_to_name(plan_at)
    if named is not None:
        words += ["--plan", typed_path(named)]
    tail = " " + shlex.join(words)
    return [
        replace(f, params={**f.params, "command": f"{f.params['command']}{tail}"})
        if is_withdrawn(f)
        else f
        for f in findings
    ]


def write_ingest(result: IngestResult) -> Path | None:
    """Write what :func:`ingest` planned, atomically and under the data folder's lock,
    after reading the store again (another ingest may have written meanwhile): the file
    written, or None when nothing is left to write. ``result.job`` is updated."""
    from linyi_tracker.intake.ingest import write

    assert result.job is not None
    try:
        return write(
            result.plan,
            result.job,
            reread=lambda: read_store(result.plan, result.data_at, result.submitted).observations,
        )
    except OSError as exc:
        raise TextError(
            Text("ingest.cannot_write", {"folder": result.data_at.path, "reason": os_reason(exc)})
        ) from None


@dataclass
class TemplateResult:
    plan: Plan
    period: Period
    region: str
    rows: list[TemplateRow]
    plan_at: Located


def template(plan_option: Path | None, period: Period, region: str | None) -> TemplateResult:
    """The rows of a blank submission for ``period`` and one region (default: the city)."""
    from linyi_tracker.intake.template import template_rows

    plan, plan_at = open_plan(plan_option)
    span = plan.plan.period
    if not span.first_data_year <= period.year <= span.end:
        raise TextUsageError(
            Text(
                "template.outside_years",
                {"period": period, "start": span.first_data_year, "end": span.end},
            )
        )
    region_id = one_region(plan, region)
    rows = template_rows(plan, period, region_id)
    return TemplateResult(plan, period, region_id, rows, plan_at)


def figures_in(plan: Plan, path: Path) -> int:
    """How many figures an existing file holds, read as a submission (0 for what is not
    one, or cannot be read): a template must not overwrite a filled one."""

    from linyi_tracker.actuals.reader import PlanLookup, read_path

    try:
        if not path.is_file():
            return 0
        return len(read_path(path, PlanLookup(plan), today=clock.today()).observations)
    except (OSError, TrackerError):
        return 0


# extract


@dataclass
class ExtractResult:
    """Figures proposed from the texts of communiqués; nothing is written or stored."""

    plan: Plan
    extraction: Extraction
    documents: list[Document]
    plan_at: Located


def extract(
    plan_option: Path | None,
    paths: list[Path],
    *,
    year: int | None = None,
    region: str | None = None,
) -> ExtractResult:
    """Read each ``.txt``/``.html`` file and propose the figures of the plan's indicators;
    ``year`` is the year of 今年 and of sentences that name none, ``region`` the region of
    sentences that name none (default: the city)."""
    from linyi_tracker.extract.document import read_document
    from linyi_tracker.extract.figures import Extractor

    plan, plan_at = open_plan(plan_option)
    region_id = None if region is None else one_region(plan, region)
    documents = [read_document(p, str(p)) for p in paths]
    extraction = Extractor(plan, year=year, region=region_id).extract(documents)
    return ExtractResult(plan, extraction, documents, plan_at)
