"""``linyi-tracker extract FILE…``: figures proposed from a communiqué's text, for review.

The review table goes to stdout (or JSON with ``--format json``); the submission file
to ``-o``; messages to stderr. Nothing is ingested: the analyst reviews each row
against its sentence, then runs ``validate`` and ``ingest``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from linyi_tracker.cli.options import (
    DataOption,
    FormatOption,
    LangOption,
    OutputFileOption,
    OutputFormat,
    PlanOption,
    RegionOption,
    output_language,
    parse_year,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.text import Text as RichText

    from linyi_tracker.extract.figures import Extraction, Proposed, Span
    from linyi_tracker.i18n import Lang
    from linyi_tracker.plan.models import Plan

MARK = "bold reverse"  # the figure inside its sentence


def extract(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", show_default=False)],
    period: Annotated[
        int | None,
        typer.Option("--period", parser=parse_year, metavar="YEAR", show_default=False),
    ] = None,
    region: RegionOption = None,
    output: OutputFileOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
    plan: PlanOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Propose figures from a communiqué's text (help text: cli/help_texts.py)."""
    from linyi_tracker import usecases
    from linyi_tracker.cli.files import is_stdout, refuse_own_inputs, write_via_temp
    from linyi_tracker.cli.output import stderr, stdout
    from linyi_tracker.extract.output import to_csv, to_dict
    from linyi_tracker.i18n import Text, TextUsageError, t
    from linyi_tracker.locate import locate_data

    language = output_language(lang)
    result = usecases.extract(plan, files, year=period, region=region)
    extraction = result.extraction
    written = list(extraction.rows)
    # the data folder too: proposed rows go there by validate and ingest, after review
    refuse_own_inputs(
        output,
        plan=result.plan_at.path,
        inputs=files,
        data=locate_data(data, plan_at=result.plan_at).path,
    )
    # -o -: standard output is the file alone; the review goes to stderr
    to_stdout = output is not None and is_stdout(output)
    if to_stdout and output_format is OutputFormat.JSON:
        raise TextUsageError(Text("extract.stdout_twice", {"name": output}))
    if output is not None and not to_stdout and output.suffix.lower() not in ("", ".csv"):
        raise TextUsageError(Text("extract.csv_only", {"name": output}))
    # Nothing proposed, no file: a header-only file would validate clean and ingest
    # nothing, and would replace one already there.
    writes = output is not None and bool(written)
    if output is not None and writes:
        payload = to_csv(written, language)
        write_via_temp(output, lambda tmp: tmp.write_bytes(payload))
    if output_format is OutputFormat.JSON:
        shown = str(output) if writes else None
        from linyi_tracker.cli.output import echo_json

        echo_json(to_dict(extraction, written, language, shown, result.documents))
    else:
        print_review(stderr() if to_stdout else stdout(), result.plan, extraction, language)
    messages = stderr()
    missing = sum(1 for r in written if not r.year_known)
    if missing:
        messages.print(t("extract.year_missing", language, n=missing), markup=False)
    if extraction.year_from_title is not None:
        messages.print(
            t("extract.year_from_title", language, year=extraction.year_from_title),
            markup=False,
        )
    read = result.plan
    city = read.city.name.get(language)
    for path, area in extraction.title_areas:
        # a county's bureau (兰山区统计局, 临沂市兰山区统计局): name its --region
        county = next(
            (r for r in read.sub_regions if area in (r.name.zh, read.city.name.zh + r.name.zh)),
            None,
        )
        if county is None:
            said = t("extract.title_area", language, path=path, area=area, city=city)
        else:
            option = county.name.zh if language == "zh" else county.id
            region = county.name.get(language)
            said = t(
                "extract.title_area_region",
                language,
                path=path,
                area=area,
                region=region,
                option=option,
            )
        messages.print(said, markup=False)
    if output is not None and not to_stdout:
        said = "extract.wrote" if writes else "extract.not_written"
        messages.print(t(said, language, path=output, rows=len(written)), markup=False)
    elif output is None and output_format is OutputFormat.TABLE:
        messages.print(t("extract.no_file", language), markup=False)


def print_review(console: Console, plan: Plan, extraction: Extraction, lang: Lang) -> None:
    """The proposed rows with each figure marked in its sentence; then the numbers not
    proposed and the sentences not read; then the summary."""
    from rich.table import Table

    from linyi_tracker.i18n import t

    if extraction.rows:
        table = Table(
            title=_plain(t("extract.title.rows", lang), "bold"),
            show_lines=True,
            title_justify="left",
        )
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(t("col.indicator", lang), overflow="fold", max_width=24)
        table.add_column(t("extract.col.figure", lang), no_wrap=True)
        table.add_column(t("col.period", lang), no_wrap=True)
        table.add_column(t("col.region", lang), overflow="fold", max_width=12)
        table.add_column(t("extract.col.sentence", lang), overflow="fold", ratio=1)
        for n, r in enumerate(extraction.rows, 1):
            figure = _figure(r)
            figure.append("\n" + t(f"extract.measure_short.{r.measure}", lang), style="")
            table.add_row(
                str(n),
                _indicator(plan, r.indicator, lang),
                figure,
                _plain(
                    r.period if r.year_known else f"{r.period or '—'} ?",
                    None if r.year_known else "yellow",
                ),
                _region(plan, r.region, lang),
                _marked(r.sentence, r.span, _where(r.file, r.line)),
            )
        console.print(table)
    if extraction.skipped:
        table = Table(title=_plain(t("extract.title.skipped", lang), "bold"), title_justify="left")
        table.add_column(t("col.indicator", lang), overflow="fold", max_width=24)
        table.add_column(t("extract.col.figure", lang), no_wrap=True)
        table.add_column(t("extract.col.reason", lang), overflow="fold", ratio=1)
        table.add_column(t("extract.col.where", lang), overflow="fold")
        for s in extraction.skipped:
            table.add_row(
                _indicator(plan, s.indicator, lang),
                _plain(s.text, None),
                _plain(t(f"extract.skip.{s.reason}", lang), "dim"),
                _plain(_where(s.file, s.line), "dim"),
            )
        console.print(table)
    if extraction.not_read:
        table = Table(
            title=_plain(t("extract.title.not_read", lang), "bold"),
            show_lines=True,
            title_justify="left",
        )
        table.add_column(t("col.indicator", lang), overflow="fold", max_width=24)
        table.add_column(t("extract.col.reason", lang), overflow="fold", max_width=24)
        table.add_column(t("extract.col.sentence", lang), overflow="fold", ratio=1)
        for item in extraction.not_read:
            table.add_row(
                _indicator(plan, item.indicator, lang),
                _plain(t(f"extract.not_read.{item.reason}", lang), "yellow"),
                _marked(item.sentence, item.span, _where(item.file, item.line)),
            )
        console.print(table)
    if not (extraction.rows or extraction.not_read):
        console.print(t("extract.nothing", lang), markup=False)
    console.print(_summary(extraction, lang), markup=False)


def _summary(extraction: Extraction, lang: Lang) -> str:
    from linyi_tracker.i18n import t

    return t(
        "extract.summary",
        lang,
        sentences=extraction.sentences,
        rows=len(extraction.rows),
        growth=sum(1 for r in extraction.rows if r.measure == "growth"),
        skipped=len(extraction.skipped),
        not_read=len(extraction.not_read),
    )


def _indicator(plan: Plan, indicator: str, lang: Lang) -> RichText:
    from rich.text import Text as RichText

    ind = plan.indicator_by_id.get(indicator)
    name = "" if ind is None else ind.name.get(lang)
    text = RichText(indicator, style="bold")
    if name:
        text.append("\n" + name)
    return text


def _region(plan: Plan, region: str, lang: Lang) -> RichText:
    reg = plan.region_by_id.get(region)
    return _plain(region if reg is None else reg.name.get(lang), None)


def _figure(r: Proposed) -> RichText:
    return _plain(f"{r.value} {r.unit}".strip(), "bold")


def _where(file: str, line: int) -> str:
    """The file's name and line (the note in the file and the JSON keep the path given)."""
    return f"{Path(file).name}:{line}"


def _plain(text: str, style: str | None) -> RichText:
    from rich.text import Text as RichText

    return RichText(text, style=style or "")


CONTEXT = 100  # characters shown each side of a figure in a longer sentence


def excerpt(sentence: str, span: Span | None) -> tuple[str, Span | None]:
    """A long sentence cut to ``CONTEXT`` characters each side of its figure (… marks a
    cut), so that a table of one 200,000-character sentence's numbers is not the whole
    sentence once per number; the file and line say where the rest is."""
    if len(sentence) <= 2 * CONTEXT + 40:
        return sentence, span
    a, b = span if span is not None else (0, 0)
    start, end = max(0, a - CONTEXT), min(len(sentence), b + CONTEXT)
    head = "…" if start else ""
    shown = head + sentence[start:end] + ("…" if end < len(sentence) else "")
    if span is None:
        return shown, None
    return shown, (a - start + len(head), b - start + len(head))


def _marked(sentence: str, span: Span | None, where: str) -> _Wrapped:
    """The sentence as written, the figure in it marked; where it was found below.
    Wrapped by the tables' own rule (cli/render/fit.py): a line breaks between Chinese
    characters, never inside a figure ("8.37" stays whole)."""
    from rich.text import Text as RichText

    sentence, span = excerpt(sentence, span)
    text = RichText(sentence)
    if span is not None:
        text.stylize(MARK, span[0], span[1])
    text.append("\n" + where, style="dim")
    return _Wrapped(text)


class _Wrapped:
    """A styled text that rich lays out with fit.wrap instead of folding by character."""

    def __init__(self, text: RichText) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        from linyi_tracker.cli.render.fit import widest_atom
        from linyi_tracker.formatting import display_width

        lines = self.text.plain.split("\n")
        widest = max((widest_atom(line, "name") for line in lines), default=1)
        longest = max((display_width(line) for line in lines), default=1)
        return Measurement(max(1, widest), max(1, longest))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from linyi_tracker.cli.render.fit import wrap

        width = max(1, options.max_width)
        for line in self.text.split("\n"):
            ranges = wrap(line.plain, width, "name")
            cuts = [start for start, _ in ranges[1:]]
            for piece in line.divide(cuts) if cuts else [line]:
                piece.rstrip()
                yield piece
