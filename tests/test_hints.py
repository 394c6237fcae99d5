"""Hints never propose an action that stores a wrong figure (issue 10, item 2).

The table below walks every hint of the finding catalogue and says what following it
does. A new hint fails the first test until someone has written down why following it is
safe; the tests after it pin the hints that once were not (a zone told to leave its region
blank, a suggestion of the neighbouring district, a growth rate told to drop its unit).
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.plan.models import Plan
from linyi_tracker.validation.catalogue import CATALOGUE, render
from linyi_tracker.validation.validator import validate

TODAY = date(2020, 3, 15)
ZONES = FIXTURES / "plausible" / "zones.csv"

# (code, hint form) → what following the hint does, and why no wrong figure results.
SAFE: dict[tuple[str, str], str] = {
    ("encoding-error", ""): "re-saves the same cells in another encoding; no figure changes",
    ("encoding-error", "plan"): "re-saves the plan in UTF-8; no figure changes",
    ("encoding-error", "mixed"): "re-saves the whole file in one encoding; read again",
    ("encoding-error", "utf16"): "re-saves the same cells as UTF-8; no figure changes",
    ("empty-file", ""): "asks for the real file; nothing is stored from an empty one",
    ("missing-column", ""): "adds a column the clerk fills from the source",
    ("missing-column", "separator"): "re-saves with commas; the cells stay the same",
    ("missing-column", "unit-in-header"): "the unit moves to a unit column: converted exactly "
    "or refused, never read as the plan's unit",
    (
        "missing-column",
        "wide-period",
    ): "re-lays the table one figure a row; nothing read on a guess",
    (
        "missing-column",
        "wide-region",
    ): "re-lays the table one figure a row; nothing read on a guess",
    ("duplicate-column", ""): "keeps one of two columns that mean the same; the clerk picks",
    ("blank-header", ""): "names a column; its cells are then checked like any other",
    ("blank-header", "more"): "deletes empty columns or names them; cells are then checked",
    ("unknown-column", "suggest"): "renames a header; the cells below are then checked",
    ("as-of-column-not-read", ""): "renames or drops a date column; the dates are then checked",
    ("column-not-read", "region"): "renames or drops a region column; regions then checked",
    ("column-not-read", "unit"): "renames or drops a unit column; units then checked",
    ("column-not-read", "measure"): "renames or drops a measure column; it is then checked",
    ("column-not-read", "names-regions"): "renames the column and adds the indicators: asked",
    ("not-utf8", ""): "nothing to do; the file was read correctly",
    ("title-rows-skipped", ""): "nothing to do; the rows below the header were read",
    ("data-above-header", ""): "re-sorts or moves the header; the rows are then read and checked",
    ("note-row-skipped", ""): "moves or deletes a note holding no figure; data rows were read",
    ("unreadable-workbook", ""): "re-saves from Excel; nothing was read from the damaged file",
    ("unreadable-workbook", "xls"): "re-saves in a readable format; the cells stay the same",
    ("unreadable-workbook", "too-large"): "sends the same data as CSV, which is then checked",
    ("unreadable-workbook", "ods"): "re-saves in a readable format; the cells stay the same",
    ("unreadable-workbook", "encrypted"): "removes the password only; the cells stay the same",
    ("unknown-sheet", ""): "names an existing sheet; its rows are then checked",
    ("sheets-not-read", ""): "sends or names each sheet; each is then read and checked",
    ("hidden-sheets", ""): "unhides or names the sheet; it is then read and checked",
    ("csv-syntax", ""): "fixes quotes; the row is then read and checked",
    ("csv-syntax", "too-long"): "closes a quote or shortens a text; the row is then checked",
    (
        "repeated-header",
        "",
    ): "deletes a header line, which holds no figure; the columns are checked",
    ("extra-cell", ""): "removes a stray cell or quotes a value; the row is then checked",
    ("missing-cell", ""): "completes the row; required cells are still checked",
    ("missing-value", "indicator"): "asks for the id; an id is checked against the plan",
    ("missing-value", "period"): "asks for the period; it is checked against the plan's years",
    ("missing-value", "value"): "write the figure, or leave the row out: no figure is invented",
    ("unknown-indicator", ""): "lists the ids; the clerk picks from the source",
    ("unknown-indicator", "suggest"): "a question: the suggestion is checked like any id",
    ("unknown-indicator", "unit"): "the name's unit goes to the unit column: converted exactly "
    "or refused (the name alone would read 3.1 万元 as 3.1 元)",
    ("indicator-by-name", ""): "nothing to do; the name was resolved to exactly this id",
    ("indicator-name-mismatch", ""): "the source decides; no id or name guessed",
    ("unknown-region", ""): "a region of the plan or leave the row out: never blank (the city)",
    ("unknown-region", "suggest"): "a question, only for names sharing a stem (not zones)",
    ("unknown-region", "total"): "leave the total's row out; the city's figure in a 临沂市 row",
    ("unknown-region", "part"): "leave the part's row out: it is no region's figure",
    ("unknown-indicator", "total"): "leave the total's row out; the city's figure in a 临沂市 row",
    ("unknown-indicator", "part"): "leave the part's row out, or its id if the plan has it",
    ("unknown-region", "zone"): "leave the zone's row out: its figure is never made a county's",
    ("invalid-period", "dot-month"): "shows both readings; the clerk picks from the source",
    ("invalid-period", "short-year"): "shows both readings; the clerk picks from the source",
    ("invalid-period", "cumulative-level"): "the year's figure from the source; never the "
    "same sum under another period",
    ("period-read-as-month", ""): "nothing to do; the month read is the one the cell names",
    ("period-read-as-month", "cumulative"): "nothing to do; a span from January ends there",
    ("period-outside-plan", ""): "check the year against the source",
    ("future-period", ""): "check the year against the source",
    ("boolean-cell", ""): "types the figure from the source; it is then checked",
    ("formula-value", ""): "pastes the same values; they are then checked as typed",
    ("formula-without-value", ""): "Excel computes the result, or the clerk types it; then checked",
    ("duplicate-cell", ""): "re-saves from Excel after checking the cell; then checked",
    ("merged-cell", ""): "the value each row shows written in it; then checked as typed",
    ("merged-note-cell", ""): "a source or note text copied to each row; no figure changes",
    ("hidden-rows", ""): "the rows shown and checked; those not to be sent deleted",
    ("region-outside-table", ""): "each row's region written: a county's figure leaves the city",
    (
        "region-outside-table",
        "blank",
    ): "each blank region written: a county's figure leaves the city",
    ("unit-outside-table", ""): "each figure's unit beside it: converted exactly or refused",
    ("unit-outside-table", "blank"): "each blank unit written: converted exactly or refused",
    ("invalid-number", ""): "retype the figure in digits, the unit in its column",
    ("invalid-number", "placeholder"): "leave the row out, or 0 only if the figure is zero",
    ("invalid-number", "letters"): "retype the digits from the source",
    ("invalid-number", "magnitude-letter"): "the figure written out from the source; none guessed",
    ("invalid-number", "brackets"): "a minus sign for the negative number the brackets mean",
    ("invalid-number", "underscore"): "the same digits without '_'",
    ("invalid-number", "other-script"): "the same digits in 0-9, from the source",
    ("invalid-number", "exponent"): "the full number as the source has it (widen the column)",
    ("invalid-number", "grouping"): "a decimal point or proper grouping, as the source means",
    ("invalid-number", "not-digit"): "the same figure in 0-9, from the source",
    ("invalid-number", "footnote"): "the figure without its mark; the footnote goes to the note",
    (
        "invalid-number",
        "two-signs",
    ): "the word or the sign, as the source means: asked, not guessed",
    ("invalid-number", "thousands-dot"): "one of the two readings, as the source means",
    ("invalid-period", "not-digit"): "the period in 0-9, from the source",
    ("invalid-period", "other-script"): "the period in 0-9, from the source",
    ("invalid-period", "footnote"): "the period without its mark; the footnote goes to the note",
    ("invalid-period", "excel-serial"): "the period from the source; the cell's month only shown",
    ("unit-mismatch", ""): "convert to the indicator's unit first, then the unit is right",
    ("unit-mismatch", "percent"): "the level in the indicator's unit, not the percentage",
    ("unit-mismatch", "ratio-percent"): "a question: the clerk confirms the ratio from the source",
    (
        "unit-mismatch",
        "growth-rate",
    ): "leave the growth rate out or note it: never stored as a level",
    ("unit-in-value", ""): "moves the unit to its column; the reading shown stays the same",
    ("out-of-range", "percent"): "tells how a percentage is written; the clerk checks the figure",
    ("out-of-range", "too-large"): "check the figure; nothing is stored meanwhile",
    ("invalid-milestone-value", ""): "the words a milestone takes; the clerk says which is true",
    ("invalid-milestone-value", "future"): "the real day done, or not done: nothing guessed",
    ("invalid-milestone-value", "no-such-day"): "the real day from the source; no date guessed",
    ("invalid-milestone-value", "excel-serial"): "shows the day the cell holds; checked first",
    ("invalid-milestone-value", "not-digit"): "the date in 0-9, from the source",
    ("invalid-milestone-value", "other-script"): "the date in 0-9, from the source",
    ("invalid-milestone-value", "footnote"): "the date without its mark, from the source",
    ("invalid-status-word", ""): "the status words; the clerk picks the judged one",
    ("invalid-status-word", "ambiguous"): "asks which of two words; the clerk picks, none guessed",
    ("control-character", ""): "retype the cell; the same text without the control character",
    ("invalid-date", ""): "the date as YYYY-MM-DD from the source",
    ("invalid-date", "future"): "the real publication day; revisions are ordered by it",
    ("invalid-date", "before-period"): "the real publication day; no revision outranks by a typo",
    ("invalid-date", "no-such-day"): "the real day from the source; no date guessed",
    ("invalid-date", "excel-serial"): "shows the day the cell holds; checked against the source",
    ("invalid-date", "not-digit"): "the date in 0-9, from the source",
    ("invalid-date", "other-script"): "the date in 0-9, from the source",
    ("invalid-date", "footnote"): "the date without its mark, from the source",
    ("implausible-value", ""): "check against the source; if right, nothing changes",
    (
        "implausible-value",
        "growth",
    ): "leave the growth rate out or note it: never stored as a level",
    ("duplicate-observation", ""): "removes one of two equal figures; the figure stays once",
    (
        "rounded-figure",
        "",
    ): "nothing to do; the precise figure counts, the rounded one is not added",
    ("conflicting-observation", ""): "keep the right figure; a revision must say when (as_of)",
    ("conflicting-observation", "same-date"): "keep the right figure or date the revision",
    ("ytd-decreasing", ""): "a question about the month's own figure; the clerk checks",
    ("component-exceeds-total", ""): "check both figures against the source",
    ("components-exceed-total", ""): "check overlap or completeness against the source",
    ("region-sum-mismatch", ""): "check the figures; nothing is changed by the tool",
    ("outlier", ""): "check the figure and its unit, or explain it; nothing changes",
    ("withdrawn-figure", ""): "reinstates on record, or asks for the right figure",
    ("conflicts-with-store", ""): "a revision only with its date or --revise, kept as history",
    ("conflicts-with-store", "dated"): "a later as_of for a real revision, else they conflict",
    ("conflicts-with-store", "earlier"): "nothing ingested; the revision still counts",
    ("yaml-syntax", ""): "fix the plan's syntax; the plan is checked again",
    ("yaml-syntax", "unreadable"): "write a valid value; the plan is checked again",
    ("yaml-syntax", "tag"): "plain values; the plan is checked again",
    ("yaml-alias", "bomb"): "the values written out; the plan is checked again",
    ("yaml-alias", "loop"): "the value written out; the plan is checked again",
    ("ambiguous-number", ""): "quote text or write the plain number meant; checked again",
    ("unknown-reference", ""): "define the id; the plan is checked again",
    ("unknown-reference", "suggest"): "a question; the suggestion is checked like any id",
    ("duplicate-id", ""): "one of two ids renamed; the plan is checked again",
    ("duplicate-id", "name"): "one of two clashing names renamed or removed; checked again",
    ("duplicate-id", "system-number"): "a system renumbered; the plan is checked again",
    ("plan-schema", "id-characters"): "an id renamed to safe characters; checked again",
    ("plan-schema", "control-character"): "an invisible character removed; checked again",
    ("project-count", ""): "list the declared projects; the plan is checked again",
    ("unnamed-project", ""): "nothing to do until a source names it",
    ("already-stored", ""): "nothing to do; the stored figure is the same, ingest adds none",
    ("already-stored", "revised"): "nothing to do; ingest adds none, the revision still counts",
    ("unreadable-file", "changed"): "run again; nothing was read from the half-written file",
    ("unreadable-file", "outside-link"): "the file itself in the folder; it is then checked",
    ("file-not-read", ""): "re-saves a data file in a read format, or moves it out",
    ("file-not-read", "text"): "re-saves as CSV, which is then read and checked",
    ("file-not-read", "hidden"): "renames it; it is then read and checked like any file",
    ("file-not-read", "hidden-folder"): "renames it; its files are then read and checked",
    ("file-not-read", "office-lock"): "closes the workbook; the workbook itself is read",
    ("file-not-read", "broken-link"): "puts the file itself there; it is then read and checked",
    ("unit-mismatch", "growth"): "the growth row keeps %; a level goes on a row of its own",
    ("unit-mismatch", "twice"): "万 once: either way the figure is converted exactly once",
    ("unit-mismatch", "magnitude-unit"): "the figure in the unit's own 万/亿: converted once",
    ("unit-derived", ""): "the plan's unit written: stored as written, no conversion to doubt",
    ("implausible-value", "converted"): "the unit corrected: the figure as written is stored",
    ("implausible-value", "negative"): "the sign checked; a fall sent as a growth figure",
    (
        "invalid-measure",
        "",
    ): "names what the figure is; no default that could turn a rate into a level",
    (
        "year-outside-plan",
        "base_year",
    ): "widens the years read; the base year's figures are checked",
    ("out-of-range", "growth"): "a question: a level typed as growth is re-marked, else checked",
}


def every_hint() -> set[tuple[str, str]]:
    return {(code, form) for code, e in CATALOGUE.items() for form in e.hints}


def test_every_hint_says_what_following_it_does() -> None:
    """Each hint of the catalogue has an entry above, and no entry names a hint that is gone."""
    assert every_hint() == set(SAFE)


def _zones(plan: Plan) -> dict[int, Finding]:
    report = validate([str(ZONES)], plan, store=None, today=TODAY)
    return {f.line: f for f in report.findings if f.code == "unknown-region" and f.line}


@pytest.mark.parametrize("line", [2, 3, 4])
def test_a_zone_or_township_is_never_told_to_leave_the_region_blank(plan: Plan, line: int) -> None:
    """临沂经济技术开发区, 蒙山旅游区, 兰山街道: the zone hint, never 'blank for the city'."""
    f = _zones(plan)[line]
    assert f.hint_form == "zone"
    hint = render(f, "en")[1] or ""
    assert "leave the row out" in hint and "blank" not in hint


def test_a_zone_is_never_suggested_its_neighbouring_district(plan: Plan) -> None:
    """蒙山旅游区 shares characters with 兰山区 but is not it: no suggestion at all."""
    f = _zones(plan)[3]
    assert "suggestion" not in f.params


def test_a_name_without_a_shared_stem_gets_no_suggestion(plan: Plan) -> None:
    """蒙山区 shares only 山区 with 兰山区: no did-you-mean, and the hint is not 'blank'."""
    f = _zones(plan)[6]
    assert "suggestion" not in f.params
    assert "blank" not in (render(f, "en")[1] or "")


def test_a_name_sharing_a_stem_is_suggested(plan: Plan) -> None:
    """罗庄县 shares 罗庄 with 罗庄区: did you mean 'luozhuang'?; a typo in Latin too."""
    zones = _zones(plan)
    assert zones[7].params["suggestion"] == "luozhuang"
    assert zones[5].params["suggestion"] == "lanshan"


def test_a_cell_that_is_no_number_says_what_to_write() -> None:
    """'abc' in the value column gets a next step in both languages, naming the unit column."""
    finding = Finding("invalid-number", Severity.ERROR, params={"text": "abc"})
    for lang, said, column in (("zh", "请只填数字", "单位"), ("en", "digits only", "unit")):
        hint = render(finding, lang)[1]
        assert hint is not None and said in hint and column in hint
