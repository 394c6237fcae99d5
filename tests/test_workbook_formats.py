"""The workbook's figures: numbers in the cells, one number format a column, and under
that format the text the Markdown report shows (read back with a small emulator of the
formats the writer emits, rounding half away from zero as Excel and LibreOffice do)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_report import demo_report

from linyi_tracker.formatting import Scale, percent
from linyi_tracker.i18n import Lang, t
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.render import markdown
from linyi_tracker.reporting.render.excel import write

openpyxl = pytest.importorskip("openpyxl")

YEARS = (2016, 2017, 2018, 2019, 2020)
RELATIVE = ("growth", "change")


# ------------------------------------------------------------------ the emulator


def _sections(fmt: str) -> list[str]:
    """A format's sections, split at each ';' outside quotes."""
    out, part, quoted = [], "", False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append(part)
            part = ""
        else:
            part += ch
    return [*out, part]


def _condition(section: str) -> tuple[str, Decimal] | None:
    m = re.match(r"\[(>=|<=|>|<|=)(-?[0-9.]+)\]", section)
    return (m.group(1), Decimal(m.group(2))) if m else None


def _holds(op: str, value: Decimal, bound: Decimal) -> bool:
    return {
        ">": value > bound,
        "<": value < bound,
        "=": value == bound,
        ">=": value >= bound,
        "<=": value <= bound,
    }[op]


def _body(section: str, value: Decimal) -> str:
    """One section shown for ``value`` (its sign already chosen by the caller)."""
    section = re.sub(r"^\[[^\]]*\]", "", section)
    parts = re.findall(r'"[^"]*"|[#0,.]+|%|.', section)
    if "%" in parts:
        value *= 100
    out = ""
    for part in parts:
        if part.startswith('"'):
            out += part[1:-1]
        elif part[0] in "#0":
            places = len(part.partition(".")[2])
            rounded = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
            out += f"{rounded:,.{places}f}" if "," in part else f"{rounded:.{places}f}"
        else:
            out += part
    return out


def shown(value: Any, fmt: str) -> str:
    """The text a cell holding ``value`` shows under ``fmt`` (the formats the writer emits)."""
    if isinstance(value, str) or value is None:
        return "" if value is None else value
    v = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    sections = _sections(fmt)
    if any(_condition(s) for s in sections):
        for s in sections:
            c = _condition(s)
            if c and _holds(c[0], v, c[1]):
                return _body(s, abs(v) if c[1] < 0 else v)
        # The last section of a conditional format: LibreOffice shows no minus there.
        return _body(sections[-1], abs(v))
    if len(sections) >= 3 and v == 0:
        return _body(sections[2], v)
    if len(sections) >= 2 and v < 0:
        return _body(sections[1], abs(v))
    text_ = _body(sections[0], abs(v))
    return ("-" if v < 0 and len(sections) == 1 and re.search(r"[1-9]", text_) else "") + text_


# ------------------------------------------------------------------ the reports


def _md_tables(md: str, header: list[str]) -> list[list[list[str]]]:
    """Every Markdown table with ``header``, as rows of cells (escapes taken off)."""
    tables: list[list[list[str]]] = []
    lines = md.splitlines()
    head = "| " + " | ".join(header) + " |"
    for i, line in enumerate(lines):
        if line == head:
            rows = []
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                cells = re.split(r"(?<!\\)\|", row)[1:-1]
                rows.append([re.sub(r"\\(.)", r"\1", c.strip()) for c in cells])
            tables.append(rows)
    return tables


def _sheet(book: Any, title: str) -> tuple[list[str], list[Any]]:
    ws = book[title]
    return [c.value for c in ws[1]], list(ws.iter_rows(min_row=2))


def _within(figure: str, md_cell: str) -> bool:
    """Whether ``figure`` (its sign aside) stands whole in a Markdown cell."""
    bare = figure.lstrip("+-\u2212")
    return re.search(rf"(?<![0-9.,]){re.escape(bare)}(?![0-9])", md_cell) is not None


# The demo for each report year, and the growth/change plan (relative targets, a binding
# mark, 万 at one decimal), each in both languages.
CASES = [
    *(("demo", year, lang) for year in YEARS for lang in ("zh", "en")),
    *(("growth-change", 2022, lang) for lang in ("zh", "en")),
    *(("growth-yearly", 2021, lang) for lang in ("zh", "en")),
    *(("cn-13th-fyp", year, lang) for year in (2016, 2017, 2018, 2020) for lang in ("zh", "en")),
    # words that hold 万 beside figures not in 万: 万元GDP能耗, 吨标准煤/万元, 万人次 beside 人
    *(("wan-in-words", 2022, lang) for lang in ("zh", "en")),
]


_DATA = {"growth-change": "levels", "growth-yearly": "yearly", "wan-in-words": "wan-words"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int, str], Any]:
    from test_report import WHEN

    from conftest import FIXTURES, PLAN_FILE, REPO, read_plan
    from linyi_tracker.actuals.periods import parse_period
    from linyi_tracker.actuals.store import load_store
    from linyi_tracker.reporting.model import build_report

    demo = read_plan(PLAN_FILE)
    growth = read_plan(FIXTURES / "plans" / "growth-change.yaml")
    wan_words = read_plan(FIXTURES / "plans" / "wan-in-words.yaml")
    cn = read_plan(REPO / "examples" / "plans" / "cn-13th-fyp.yaml")
    folder = tmp_path_factory.mktemp("books")
    out: dict[tuple[str, int, str], Any] = {}
    for name, year, lang in CASES:
        if name == "demo":
            report = demo_report(demo, year, str(year))
        elif name == "cn-13th-fyp":
            report = build_report(
                cn,
                load_store(cn, REPO / "examples" / "plans" / "cn-13th-fyp"),
                year,
                parse_period(str(year)),
                generated=WHEN,
                plan_file="cn-13th-fyp.yaml",
                data_source="cn-13th-fyp",
            )
        else:
            data = FIXTURES / "anyplan" / _DATA[name]
            built = wan_words if name == "wan-in-words" else growth
            report = build_report(
                built,
                load_store(built, data),
                year,
                parse_period(str(year)),
                generated=WHEN,
                plan_file="growth-change.yaml",
                data_source="anyplan",
            )
        path = folder / f"{name}-{year}-{lang}.xlsx"
        write(report, lang, path)  # type: ignore[arg-type]
        book = openpyxl.load_workbook(path)
        out[name, year, lang] = (report, book, markdown.render(report, lang))  # type: ignore[arg-type]
    return out


# The target sheets' figure columns and the system table's column each is shown in.
_SYSTEM_MD = {"target": 1, "actual": 2, "achievement": 3, "gap": 4, "pace": 5, "projected": 6}
_SAME = {"achievement", "gap", "pace"}  # shown in the table exactly as the cell is


def _key_of(header: list[str], lang: str) -> dict[str, int]:
    from linyi_tracker.actuals.headers import REPORT_ZH_HEADERS
    from linyi_tracker.reporting.render.spreadsheet import FLAT_COLUMNS

    names = {REPORT_ZH_HEADERS[k] if lang == "zh" else k: k for k in FLAT_COLUMNS}
    return {names[h]: i for i, h in enumerate(header) if h in names}


def _system_sheet(book: Any, lang: str) -> tuple[dict[str, int], list[Any]]:
    header, rows = _sheet(book, t("report.systems", lang))  # type: ignore[arg-type]
    return _key_of(header, lang), rows


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_every_system_figure_shows_as_the_markdown_table_does(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """Each figure cell of the targets-by-system sheet shows the text of its cell in the
    Markdown report's system table (target and actual: the figure within it), and the
    schedule cell the words the report's sentence on that target says."""
    report, book, md = reports[name, year, lang]
    lines = [ln for s in report.systems for ln in s.lines]
    tables = _md_tables(md, [t(c, lang) for c in text.SYSTEM_COLUMNS])  # type: ignore[arg-type]
    md_rows = [row for table in tables for row in table]
    keys, rows = _system_sheet(book, lang)
    assert len(md_rows) == len(rows)
    checked = 0
    for row, md_row, line in zip(rows, md_rows, lines, strict=True):
        relative = line.a.kind in ("growth", "change")
        for key, col in _SYSTEM_MD.items():
            cell = row[keys[key]]
            if not isinstance(cell.value, int | float):
                continue
            seen = shown(cell.value, cell.number_format)
            if key in _SAME or (key == "projected" and not relative):
                assert seen == md_row[col], (year, lang, key, cell.value, cell.number_format)
            else:
                assert _within(seen, md_row[col]), (year, lang, key, seen, md_row[col])
            checked += 1
        cell = row[keys["schedule_gap"]]
        said = text.phrase(line, lang)  # the report says a schedule only in its sentences
        if isinstance(cell.value, int | float) and said and said in md:
            assert shown(cell.value, cell.number_format) in said, (year, lang, said)
            checked += 1
    assert checked > (30 if name == "demo" else 5)


# What the view shows of a target (none once its time is up: TargetView.running), not the
# assessment's computed value.
_VIEWED = frozenset({"time_progress", "pace", "projected"})


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_every_fraction_and_point_shows_as_the_report_words_it(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """Time elapsed, progress and the schedule gap show as the report's texts give them."""
    report, book, _ = reports[name, year, lang]
    keys, rows = _system_sheet(book, lang)
    lines = [ln for s in report.systems for ln in s.lines]
    for row, line in zip(rows, lines, strict=True):
        for key in ("time_progress", "progress"):
            cell = row[keys[key]]
            value = getattr(line if key in _VIEWED else line.a, key)
            want = percent(value, lang) if value is not None else ""  # type: ignore[arg-type]
            assert shown(cell.value, cell.number_format) == want, (year, key)
        cell = row[keys["schedule_gap"]]
        if cell.value is not None:
            assert _within(
                shown(cell.value, cell.number_format).split("个")[0].split(" ")[0],
                text.schedule(line, lang),
            )  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_every_annual_figure_shows_as_the_markdown_table_does(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """The annual sheet's target and actual show the figures of the annual table."""
    _report, book, md = reports[name, year, lang]
    tables = _md_tables(md, [t(c, lang) for c in text.ANNUAL_COLUMNS])  # type: ignore[arg-type]
    header, rows = _sheet(book, t("report.annual", lang, year=year))  # type: ignore[arg-type]
    keys = _key_of(header, lang)
    md_rows = tables[0] if tables else []
    assert len(md_rows) == len(rows)
    for row, md_row in zip(rows, md_rows, strict=True):
        for key, col in (("target", 1), ("actual", 2)):
            cell = row[keys[key]]
            if isinstance(cell.value, int | float):
                assert _within(shown(cell.value, cell.number_format), md_row[col])


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_every_county_figure_shows_as_the_markdown_ranking_does(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """Each county's value and achievement show the text of the Markdown ranking's cell
    (a milestone's 'not done' in words in English too, never the code 'not-done')."""
    _report, book, md = reports[name, year, lang]
    tables = _md_tables(md, [t(c, lang) for c in text.RANKING_COLUMNS])  # type: ignore[arg-type]
    md_rows = [row for table in tables for row in table]
    _, rows = _sheet(book, t("report.regions", lang))  # type: ignore[arg-type]
    assert len(md_rows) == len(rows)
    for row, md_row in zip(rows, md_rows, strict=True):
        for c, col in ((6, 2), (7, 3)):
            cell = row[c]
            if cell.value is None:
                assert md_row[col] == "—"
            else:  # a worded figure (not done) too, as the table words it
                assert shown(cell.value, cell.number_format) == md_row[col], (year, lang)


def _singular(cell: Any) -> bool:
    """Whether a cell shows one of an English unit ('1 county'), its word the singular."""
    return re.match(r"-?1 [A-Za-z]", shown(cell.value, cell.number_format)) is not None


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_one_number_format_a_column_for_the_assessment_s_own_figures(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """Within one system's rows every achievement and every pace carries one number format
    (0.0%, 0%: one rounding, whatever the figure), and every ranking's values one
    magnitude (all in 万 or none); a figure in its unit keeps its written precision
    (test_every_system_figure_shows_as_the_markdown_table_does)."""
    report, book, _ = reports[name, year, lang]
    keys, rows = _system_sheet(book, lang)
    formats: dict[tuple[str, str], set[str]] = {}
    i = 0
    for section in report.systems:
        for _line in section.lines:
            row = rows[i]
            i += 1
            for key in ("achievement", "pace"):
                cell = row[keys[key]]
                if isinstance(cell.value, int | float):
                    formats.setdefault((section.id, key), set()).add(cell.number_format)
    assert formats and all(len(f) == 1 for f in formats.values()), formats
    _, rows = _sheet(book, t("report.regions", lang))  # type: ignore[arg-type]
    by_ranking: dict[str, set[bool]] = {}
    for row in rows:
        if isinstance(row[6].value, int | float) and not _singular(row[6]):
            by_ranking.setdefault(row[0].value, set()).add("万" in row[6].number_format)
    assert all(len(f) == 1 for f in by_ranking.values()), by_ranking


@pytest.mark.parametrize(("name", "year", "lang"), CASES)
def test_figures_are_numbers_and_a_missing_figure_is_empty(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """A figure cell holds a number when the model has one, nothing when it has none
    (never 0), and a text only for a worded figure, without a number format."""
    report, book, _ = reports[name, year, lang]
    keys, rows = _system_sheet(book, lang)
    lines = [ln for s in report.systems for ln in s.lines]
    for row, line in zip(rows, lines, strict=True):
        for key in ("target", "actual", "gap", "projected", "achievement", "pace"):
            cell = row[keys[key]]
            value = getattr(line if key in _VIEWED else line.a, key)
            if value is None:
                word = key == "actual" and line.a.actual_word
                assert (cell.value is None) != bool(word), (key, cell.value)
            else:
                assert isinstance(cell.value, int | float), (key, cell.value)
            if isinstance(cell.value, str):
                assert cell.number_format == "General"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_in_wan_holds_the_exact_figure_in_wan(
    reports: dict[tuple[str, int, str], Any], lang: str
) -> None:
    """保障性住房开工面积's 3,900,000 m² is 390 under #,##0"万平方米" (zh: its row, target
    568万 and gap 178万, is in 万), 3900000 under #,##0" m²" (en): the exact figure, in the
    magnitude the report writes it."""
    _report, book, _ = reports["demo", 2019, lang]
    keys, rows = _system_sheet(book, lang)
    id_col = keys["target_id"]
    row = next(r for r in rows if r[id_col].value == "housing.floor_area_started.2018_2020")
    cell = row[keys["actual"]]
    if lang == "zh":
        assert (cell.value, cell.number_format) == (390, '#,##0"万平方米";"−"#,##0"万平方米"')
    else:
        assert (cell.value, cell.number_format) == (3900000, '#,##0" m²";"−"#,##0" m²"')


def test_a_figure_is_in_the_scale_of_its_row(
    reports: dict[tuple[str, int, str], Any],
) -> None:
    """城镇新增就业人数's 85,900 is written in 人, not 8.59万人, in the Chinese workbook as
    in the report: its row's gap (900人) cannot be read in 万, and a row has one scale."""
    _report, book, _ = reports["demo", 2019, "zh"]
    keys, rows = _system_sheet(book, "zh")
    row = next(r for r in rows if r[keys["target_id"]].value == "emp.new_urban_jobs.annual")
    assert [
        shown(row[keys[k]].value, row[keys[k]].number_format) for k in ("target", "actual")
    ] == [
        "85,000人",
        "85,900人",
    ]


def test_a_projection_holds_the_estimate_shown(
    reports: dict[tuple[str, int, str], Any],
) -> None:
    """农村居民人均纯收入's projection 17,151.607979 is held and shown as the estimate the
    tables write, 17,152元 (its row, with a gap of 6,600元, is in 元)."""
    _report, book, _ = reports["demo", 2019, "zh"]
    keys, rows = _system_sheet(book, "zh")
    row = next(r for r in rows if r[keys["target_id"]].value == "inc.rural_per_capita.2020")
    cell = row[keys["projected"]]
    assert cell.value == 17152
    assert shown(cell.value, cell.number_format) == "17,152元"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_projection_halfway_shows_the_tables_half_even_figure(
    reports: dict[tuple[str, int, str], Any], lang: str
) -> None:
    """The 13th FYP's new urban jobs projected at 6,662.5万人 (2017) read 6,662万人 in every
    table (formatting.estimate, half-even); the cell shows that, not Excel's 6,663 of the
    exact figure rounded half-up."""
    report, book, md = reports["cn-13th-fyp", 2017, lang]
    target = "emp.new_urban_jobs.2016_2020"
    keys, rows = _system_sheet(book, lang)
    cell = next(r for r in rows if r[keys["target_id"]].value == target)[keys["projected"]]
    line = next(ln for s in report.systems for ln in s.lines if ln.target_id == target)
    assert line.a.projected == Decimal("6662.5")
    said = text.projected(line, lang)  # type: ignore[arg-type]
    assert said.startswith("6,662") and said in md
    assert shown(cell.value, cell.number_format) == said


def test_one_county_is_singular_in_english_and_a_negative_keeps_its_sign() -> None:
    """A gap of 1 (or -1) county shows '1 county', as the report writes it; others
    'counties', a negative one with its minus (no conditional section, which drops it)."""
    from linyi_tracker.reporting.render.excel import figure_format

    plural, one = figure_format("counties", "en", 0), figure_format("counties", "en", 0, one=True)
    assert [shown(v, one) for v in (1, -1)] == ["1 county", "\u22121 county"]
    assert [shown(v, plural) for v in (2, -3)] == ["2 counties", "\u22123 counties"]
    assert "[" not in plural + one


# with units that hold 万 or a number of their own (万人次, 人/10万人, 吨标准煤/万元)
_UNITS = [
    *("人", "元", "%", ":1", "套(户)", "persons", "counties", "m²", None),
    *("万人次", "人/10万人", "吨标准煤/万元", "tce per 10000 yuan"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False),
    st.sampled_from(_UNITS),
    st.sampled_from(["zh", "en"]),
    st.booleans(),
    st.integers(min_value=0, max_value=3),
)
def test_a_cell_in_a_row_scale_shows_what_the_text_writes(
    value: Decimal, unit: str | None, lang: Lang, wan: bool, places: int
) -> None:
    """Any figure (written to 0–3 decimals), unit and row scale: the cell excel.said_by makes
    from the words the text writes for either sign shows exactly those words (the path
    every target cell takes)."""
    from linyi_tracker.formatting import figure_style, wan_column
    from linyi_tracker.reporting.render.excel import said_by

    value = value.quantize(Decimal(1).scaleb(-places))  # as written, a trailing zero too
    wan = lang == "zh" and wan_column([value]) if wan else False
    key = unit or ""
    style = Scale({key: wan})
    above, below = (style.amount(v, unit, lang) for v in (abs(value), -abs(value)))
    scale = 4 if figure_style(value, lang, style.of(unit))[0] else 0  # the row's, as text's
    made = said_by(value, above, below, scale=scale)
    assert made is not None
    cell, fmt = made
    assert shown(float(cell) if cell != int(cell) else int(cell), fmt) == style.amount(
        value, unit, lang
    )


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=-50, max_value=250, places=1, allow_nan=False),
    st.sampled_from(["zh", "en"]),
)
def test_a_bounded_share_cell_shows_the_share_within_0_and_100(value: Decimal, lang: Lang) -> None:
    """Any projected share: the bounded cell keeps the projection and shows it as the text
    does within 0–100 % (formatting.bounded_share), in the one percent sign."""
    from linyi_tracker.formatting import percent_sign
    from linyi_tracker.reporting.render.excel import said_by

    style = Scale({"%": False})  # a projection at one decimal (estimate)
    above, below = (style.amount(v, "%", lang) for v in (abs(value), -abs(value)))
    made = said_by(value, above, below, scale=0, bounded=True)
    assert made is not None
    cell, fmt = made
    bounded = min(max(value, Decimal(0)), Decimal(100)).quantize(Decimal("0.1"))  # estimate's
    expected = style.amount(bounded, "%", lang)
    assert cell == value and shown(float(cell), fmt) == expected
    assert expected.endswith(percent_sign(lang))


@pytest.mark.parametrize(("name", "year", "lang"), [c for c in CASES if c[0] == "demo"])
def test_a_worded_actual_reads_as_words_in_either_language(
    reports: dict[tuple[str, int, str], Any], name: str, year: int, lang: str
) -> None:
    """A judgement or milestone figure shows its word (on track / 正常推进, done / 已完成)
    in the workbook of either language, never its code (on_track, not-done)."""
    from linyi_tracker.formatting import worded

    report, book, _ = reports[name, year, lang]
    keys, rows = _system_sheet(book, lang)
    lines = [ln for s in report.systems for ln in s.lines]
    words = [
        (row[keys["actual"]].value, worded(line.a.actual_word, lang))
        for row, line in zip(rows, lines, strict=True)
        if line.a.actual is None and line.a.actual_word
    ]
    assert words and all(cell == word for cell, word in words), words
    assert not any("_" in str(cell) or cell == "not-done" for cell, _ in words)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_and_words_keep_off_the_column_line(
    reports: dict[tuple[str, int, str], Any], lang: str
) -> None:
    """Every body cell is indented one character from its edge, a figure on the right and
    a word on the left, so printed a right-aligned '8.59万人' and the '2019' of the next
    column never run together."""
    _, book, _ = reports["demo", 2019, lang]
    for ws in book.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.value is None:
                    continue
                figure = isinstance(cell.value, int | float)
                assert cell.alignment.indent == 1, (ws.title, cell.coordinate)
                assert cell.alignment.horizontal == ("right" if figure else "left"), (
                    ws.title,
                    cell.coordinate,
                )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_cell_s_scale_is_its_row_scale_s_not_its_words(
    reports: dict[tuple[str, int, str], Any], lang: str
) -> None:
    """In a section where 8.5万人 stands beside 1.2万人次 and 0.45吨标准煤/万元 (万元GDP能耗),
    each figure cell holds its figure in the scale its row writes it
    (text.figure_scale): 人 in 万 in Chinese, 万人次 and 吨标准煤/万元 never divided again."""
    from decimal import Decimal as D

    report, book, _ = reports["wan-in-words", 2022, lang]
    keys, rows = _system_sheet(book, lang)
    lines = [ln for s in report.systems for ln in s.lines]
    scales = {}
    for row, line in zip(rows, lines, strict=True):
        for key in text.FIGURE_COLUMNS:
            figure, cell = getattr(line.a, key), row[keys[key]].value
            if not isinstance(figure, D) or not isinstance(cell, int | float):
                continue
            scale = text.figure_scale(key, line, lang)  # type: ignore[arg-type]
            if key == "projected":  # the estimate shown (excel._estimate_cell)
                figure = text.amount_figure(key, line, lang)[0]  # type: ignore[arg-type,index]
            assert D(str(cell)) == figure.scaleb(-scale), (line.target_id, key, cell, figure)
            scales[line.a.indicator, key] = scale
    expected = 4 if lang == "zh" else 0
    assert scales["jobs.trained", "target"] == scales["jobs.new", "actual"] == expected
    assert scales["tourism.visits", "target"] == scales["energy.per_wan_gdp", "target"] == 0


def test_the_completeness_sheet_gives_a_last_figure_with_its_unit(plan: Plan) -> None:
    """The completeness sheet's value column says the last figure with its unit, as the
    report's tables do (60.0%, not a bare 60.0)."""
    from linyi_tracker.reporting.render import excel

    report = demo_report(plan, 2020, "2020")
    gaps = [g for g in report.completeness if g.last_value and g.unit_en]
    assert gaps
    for lang in ("zh", "en"):
        title = t("report.completeness", lang)
        sheet = next(s for s in excel._sheets(report, lang) if s.title == title)
        values = {row[0]: row[3] for row in sheet.rows}
        for g in gaps:
            assert values[g.target_id] == text.last_value(g, lang)
            assert values[g.target_id] != g.last_value, g.target_id


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("kind", "key", "figure"),
    [
        ("growth", "actual", "6.96"),  # against ≥ 7 %: 6.9 %, never 7.0 %
        ("growth", "actual", "7.25"),  # halfway: 7.2 % (half-even), not Excel's 7.3 %
        ("change", "actual", "-13.46"),  # against ≤ −13.5 %: down 13.4 %, never 13.5 %
        ("change", "gap", "-0.04"),  # short: never 0.0 points
        ("change", "projected", "-13.25"),
    ],
)
def test_a_growth_or_change_cell_shows_the_figure_its_words_give(
    reports: dict[tuple[str, int, str], Any], lang: str, kind: str, key: str, figure: str
) -> None:
    """A growth or change figure's cell holds the figure as the tables round it (never
    across 0 or the target it is judged by, text.relative_figure): Excel rounding the
    exact figure half-up showed a missed 6.96 % against ≥ 7 % as 7.0 %."""
    from dataclasses import replace

    from linyi_tracker.reporting.render.excel import _figures

    report, _book, _ = reports["growth-change", 2022, lang]
    line = next(ln for s in report.systems for ln in s.lines if ln.a.kind == kind and ln.running)
    line = replace(line, a=replace(line.a, **{key: Decimal(figure)}))
    cell, fmt = _figures(line, lang)[key]  # type: ignore[arg-type]
    said = text.figure_words(key, line, lang)  # type: ignore[arg-type]
    assert shown(float(cell), fmt) == said, (cell, fmt)
