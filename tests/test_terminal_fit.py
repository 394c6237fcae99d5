"""Terminal tables keep words, figures, statuses and ids whole at every width from 80."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, PLAN_FILE, Result
from linyi_tracker.cli.render import fit
from linyi_tracker.cli.render.fit import Mode, Paragraph, _atoms_by_character, atoms, wrap
from linyi_tracker.i18n import Lang, status_label

Run = Callable[..., Result]
WIDTHS = (80, 91, 100, 120, 137)


def _targets(run: Run) -> list[dict[str, object]]:
    r = run("status", "--data", str(DEMO), "--format", "json")
    return list(json.loads(r.stdout)["targets"])


def _table_lines(run: Run, lang: str, width: int) -> list[str]:
    r = run("status", "--data", str(DEMO), "--lang", lang, width=width)
    assert r.exit_code == 0
    return r.stdout.splitlines()


def test_status_words_stay_on_one_line() -> None:
    """正常推进 is one piece for the wrapper: no break between its characters."""
    assert "正常推进" in atoms("已评估 · 正常推进", "words")


def test_a_threshold_stays_whole() -> None:
    """≥0.60 and 缺2018年 are never broken inside the number."""
    assert atoms("≥0.60", "words") == ["≥0.60"]
    assert all("2018" in a or "2" not in a for a in atoms("缺2018年数据", "words"))


def test_a_yearly_target_breaks_before_per_year_not_after_its_sign() -> None:
    """'≥ 8.5万人每年' set close (no space before 每年) wraps as '≥ 8.5万人' / '每年', never
    leaving the sign alone on a line; 8.5万人 itself stays whole."""
    text = "≥ 8.5万人每年"
    assert "每年" in atoms(text, "words") and "≥ 8.5万人" in atoms(text, "words")
    assert [text[a:b].strip() for a, b in wrap(text, 10, "words")] == ["≥ 8.5万人", "每年"]


def test_names_break_between_chinese_characters_only() -> None:
    """A name may break between Chinese characters, never inside PM2.5 or before a closing quote."""
    assert "PM2.5" in atoms("细颗粒物PM2.5浓度", "name")
    assert not any(p.startswith("”") for p in atoms("“半小时公共就业服务圈”建设", "name"))


def test_wrap_keeps_a_date_together() -> None:
    """'(Jun 2020)' is one date: a line never ends after 'Jun'."""
    text = "44,300 persons (Jun 2020)"
    lines = [text[a:b] for a, b in wrap(text, 10, "words")]
    assert "(Jun 2020)" in lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_status_word_is_whole(run: Run, lang: str, width: int) -> None:
    """Each target's status word is printed whole on one line, at any width from 80."""
    lines = _table_lines(run, lang, width)
    for target in _targets(run):
        word = status_label(str(target["status"]) if target["status"] else None, lang)  # type: ignore[arg-type]
        if len(word) <= 12:
            assert any(word in line.replace("\u00a0", " ") for line in lines), (width, word)


def _first_column(lines: list[str]) -> str:
    """The text of a table's first column, its lines joined without a gap."""
    out = []
    for line in lines:
        cells = line.split("│")
        if len(cells) > 2:
            out.append((cells[1] if not cells[0].strip() else cells[0]).strip())
    return "".join(out)


IDS_LEFT_OUT = {"zh": "指标代码（加宽终端", "en": "indicator ids (widen the terminal"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_ids_are_whole_on_one_line_or_left_out_with_a_note(run: Run, lang: str, width: int) -> None:
    """Every indicator id is printed whole on one line of its cell, or none is and the note
    says the ids were left out; never cut with '…', never broken after a dot or '_'
    (this replaces 'whole or broken after a dot or underscore': issue 28 left-over c)."""
    lines = _table_lines(run, lang, width)
    assert not any("…" in line for line in lines), width
    cells = {c.strip() for line in lines for c in line.split("│")}
    ids = [str(t["indicator"]) for t in _targets(run)]
    shown = [i for i in ids if i in cells]
    note = " ".join(line.strip() for line in lines)
    if shown:
        assert shown == ids and IDS_LEFT_OUT[lang] not in note, width
    else:
        assert IDS_LEFT_OUT[lang] in note and not any("_" in c for c in cells), width


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wide_enough_terminal_shows_every_id(run: Run, lang: str) -> None:
    """At 137 columns the ids stand whole under the names in both languages: the rule
    leaves them out only where the terminal is too narrow."""
    cells = {c.strip() for line in _table_lines(run, lang, 137) for c in line.split("│")}
    assert all(str(t["indicator"]) in cells for t in _targets(run))


def test_an_id_is_one_piece() -> None:
    """'emp.half_hour_service_circle' is never broken: a table shows it whole or not at all."""
    text = "emp.half_hour_service_circle"
    assert atoms(text, "id") == [text]
    assert [text[a:b] for a, b in wrap(text, 15, "id")] == [text]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_achievement_figures_are_whole(run: Run, lang: str, width: int) -> None:
    """Each achievement rate ('52.1%' / '52.1 %') is on one line."""
    out = "\n".join(_table_lines(run, lang, width))
    for target in _targets(run):
        a = target["achievement"]
        if isinstance(a, float):
            figure = f"{a * 100:.1f}{'%' if lang == 'zh' else ' %'}"
            assert figure in out, (width, figure)


@pytest.mark.parametrize(
    ("lang", "note"), [("zh", "未显示：差距、走势"), ("en", "show: Gap, Trend")]
)
def test_a_narrow_terminal_drops_whole_columns_with_a_note(run: Run, lang: str, note: str) -> None:
    """At 80 columns the gap and trend columns are left out whole, and a note says so."""
    lines = _table_lines(run, lang, 80)
    assert note in "".join(lines)
    header = next(line for line in lines if "│" in line or "┃" in line)
    assert ("差距" if lang == "zh" else "Gap") not in header


def test_a_wide_terminal_shows_every_column(run: Run) -> None:
    """At 120 columns nothing is dropped and no note is printed."""
    out = "\n".join(_table_lines(run, "en", 120))
    assert "Too narrow" not in out and "Trend" in out and "vs." in out


def test_region_all_does_not_repeat_the_city_target(run: Run) -> None:
    """With --region all the city's jobs target is printed once, not on every county row."""
    r = run("status", "--data", str(DEMO), "--lang", "zh", "--region", "all", width=120)
    assert r.exit_code == 0
    assert r.stdout.count("≥ 8.5万人") == 1
    assert "兰山区" in r.stdout and "县区各行不重复列出市级目标" in r.stdout
    # The id on the city's row only, where the terminal holds ids (zh: from about 125).
    wide = run("status", "--data", str(DEMO), "--lang", "zh", "--region", "all", width=140)
    assert wide.stdout.count("emp.new_urban_jobs") == 1


@pytest.mark.parametrize("width", [80, 100])
def test_report_tables_keep_status_words_whole(run: Run, width: int) -> None:
    """The yearly report in the terminal keeps each status word on one line, at 80 and 100."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", "zh", width=width)
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    for word in ("已达成", "正常推进", "存在风险", "明显滞后", "未达成", "数据不足", "已评估"):
        assert any(word in line for line in lines), word
    assert not any(line.rstrip(" │").endswith(("正常推", "存在风", "明显滞")) for line in lines)


def test_show_rounds_the_projection(run: Run) -> None:
    """`show` prints the rural income projection as 17,152元 (its row's scale), not 17,151.607979元."""
    r = run("show", "inc.rural_per_capita", "--data", str(DEMO), "--lang", "zh", width=80)
    assert r.exit_code == 0
    assert "17,152元" in r.stdout and "17,151.6" not in r.stdout


def test_show_keeps_file_positions_whole(run: Run) -> None:
    """The series table prints each source position (city.csv:12) on one line."""
    r = run("show", "inc.rural_per_capita", "--data", str(DEMO), "--lang", "zh", width=80)
    assert "examples/demo/city.csv:12" in r.stdout or "city.csv:12" in r.stdout
    assert not any(line.rstrip().endswith("generat") for line in r.stdout.splitlines())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 100])
def test_narrow_table_lines_up(run: Run, lang: str, width: int) -> None:
    """In the narrow frame every table line has the same display width and its rules align."""
    from rich.cells import cell_len

    lines = [line for line in _table_lines(run, lang, width) if "│" in line or "┿" in line]
    assert lines and len({cell_len(line) for line in lines}) == 1

    def rules(line: str) -> list[int]:
        return [cell_len(line[:i]) for i, ch in enumerate(line) if ch in "│┿┼┃╇┩┡"]

    assert len({tuple(rules(line)) for line in lines}) == 1


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="ab 1-–.%()（）年正常推进Jun 2020", max_size=30),
    mode=st.sampled_from(["words", "name", "whole"]),
    soft=st.booleans(),
)
def test_the_ascii_shortcut_cuts_text_as_the_character_rules_do(
    text: str, mode: Mode, soft: bool
) -> None:
    """atoms() takes a shortcut for plain ASCII text (split at spaces); on any text it
    must give the pieces the character-by-character rules give."""
    if mode == "whole":
        assert atoms(text, mode, soft) == ([text] if text else [])
    else:
        assert atoms(text, mode, soft) == _atoms_by_character(text, mode, soft)


@settings(max_examples=400, deadline=None)
@given(
    spans=st.lists(
        st.tuples(
            st.text(alphabet="ab 1-–.%()（）年正常推进Jun 2020", max_size=12),
            st.sampled_from(["", "bold", "red"]),
        ),
        min_size=1,
        max_size=3,
    ),
    mode=st.sampled_from(["words", "name"]),
    width=st.integers(min_value=1, max_value=30),
)
def test_a_paragraph_on_one_line_renders_as_wrap_gives_it(
    spans: list[tuple[str, str]], mode: Mode, width: int
) -> None:
    """Paragraph.rendered skips wrap() for a paragraph that fits on its line: the text
    and its styles must be what the wrapped lines joined give."""
    from rich.console import Console
    from rich.text import Text

    paragraph = Paragraph(spans, mode)
    styled = Text.assemble(*spans)
    lines = [styled[a:b] for a, b in wrap(styled.plain, width, mode)]
    expected = Text("\n").join(lines)
    got = paragraph.rendered(width)

    def shown(text: Text) -> str:  # as a terminal receives it, styles as escape codes
        console = Console(width=200, color_system="standard", force_terminal=True)
        with console.capture() as out:
            console.print(text)
        return out.get()

    assert shown(got) == shown(expected)


def test_display_width_counts_ascii_and_wide_characters() -> None:
    """One column an ASCII character (the shortcut), two a CJK character."""
    from linyi_tracker.formatting import display_width

    assert display_width("abc 12%") == 7
    assert display_width("正常 ok") == 7


LONG_WORD = "Supercalifragilisticexpialidociousinformationmanagementsystems"
LONG_URL = "https://example.org/a/very/long/path/without/any/break/at/all/whatsoever/ever/and/ever"


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("words", [LONG_WORD, f"{LONG_WORD} {LONG_URL} {LONG_URL}"])
def test_a_long_word_in_a_name_never_cuts_the_figures(
    run: Run, tmp_path: Path, width: int, words: str
) -> None:
    """A 60- or 120+-character word in an indicator's name breaks; target, actual and
    achievement stay whole."""
    plan = tmp_path / "plan.yaml"
    text = PLAN_FILE.read_text(encoding="utf-8")
    old = "en: Affordable housing units built}"
    assert old in text
    plan.write_text(text.replace(old, f"en: Affordable housing units built {words}}}"), "utf-8")
    r = run(
        "status", "--data", str(DEMO), "--plan", str(plan), "--system", "housing",
        "--lang", "en", width=width,
    )  # fmt: skip
    assert r.exit_code == 0
    for figure in ("≥ 49,000", "46,500", "94.9 %"):
        assert figure in r.stdout, (width, figure)
    assert all(len(line) <= width for line in r.stdout.splitlines())


def test_a_name_atom_wider_than_its_column_breaks_anywhere() -> None:
    """In a name, a word wider than the column is cut into lines of the column's width."""
    assert wrap(LONG_WORD, 20, "name") == [(0, 20), (20, 40), (40, 60), (60, 62)]


def test_a_figure_never_breaks_however_narrow() -> None:
    """A figure's atom stays whole even when wider than its column."""
    assert wrap("1,234,567,890", 5, "words") == [(0, 13)]


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.text(alphabet="城镇新增就业人数“”（）ab ", min_size=1, max_size=24),
            st.from_regex(r"[a-z]{2,8}(\.[a-z]{1,10}(_[a-z0-9]{1,9}){0,3}){1,2}", fullmatch=True),
            st.sampled_from(["≥ 8.5万人 (2015—2020年)", "85.9% (2019年)", "—"]),
        ),
        min_size=1,
        max_size=6,
    ),
    width=st.integers(min_value=60, max_value=160),
    lang=st.sampled_from(["zh", "en"]),
)
def test_ids_are_all_whole_or_all_left_out_at_any_width(
    rows: list[tuple[str, str, str]], width: int, lang: Lang
) -> None:
    """For any names, ids and width, a table shows every id whole on one line (under its
    name, and as a column of its own) or none of them, says so in the note when it leaves
    them out, and draws no line wider than the terminal."""
    from rich.cells import cell_len
    from rich.console import Console

    from linyi_tracker.cli.render import fit

    columns = [
        fit.Column("name", "指标", mode="name", lines=3, ids="指标代码"),
        fit.Column("code", "目标代码", mode="id"),
        fit.Column("target", "目标"),
        fit.Column("status", "状态", mode="whole", drop=1),
    ]
    for name, ident, target in rows:
        fit.add_row(
            columns,
            [
                [fit.para(name, mode="name"), fit.para(ident, "dim", mode="id")],
                [fit.para(ident + ".2020", mode="id")],
                [fit.para(target)],
                [fit.para("正常推进", mode="whole")],
            ],
        )
    table, dropped = fit.table(columns, width)
    console = Console(width=width, color_system=None, file=io.StringIO(), record=True)
    console.print(table)
    lines = console.export_text().splitlines()
    cells = {c.strip() for line in lines for c in re.split(r"[│┃]", line)}
    whole = [ident in cells for _, ident, _ in rows] + [f"{i}.2020" in cells for _, i, _ in rows]
    assert all(whole) or not any(whole)
    left_out = [c for c in dropped if c.mode == "id"]
    assert bool(left_out) == (not any(whole))
    if left_out:
        assert "--format json" in fit.dropped_note(dropped, lang)
    if sum(c.minimum() for c in columns if c.mode != "id") + 13 <= width:
        assert all(cell_len(line) <= width for line in lines) and "…" not in "".join(lines)


def _give_way_table() -> list[fit.Column]:
    """A name, a figure, a column stacked instead of dropped (``drop``) and one never
    dropped but stacked (``stack``), both under the figure."""
    return [
        fit.Column("name", "Name", mode="name", cells=[[fit.para("x" * 12)]]),
        fit.Column("figure", "Figure", cells=[[fit.para("104.0%", mode="whole")]]),
        fit.Column("gap", "Gap", stack_on="figure", stack=1, cells=[[fit.para("2,500")]]),
        fit.Column("pace", "Pace", drop=1, stack_on="figure", cells=[[fit.para("+3.1")]]),
        fit.Column("trend", "Trend", drop=2, cells=[[fit.para("▁▂▃▄▅▆")]]),
    ]


@pytest.mark.parametrize(
    ("width", "drawn", "under_figure", "dropped"),
    [
        (60, ["name", "figure", "gap", "pace", "trend"], [], []),
        (40, ["name", "figure", "gap", "pace"], [], ["trend"]),
        (34, ["name", "figure", "gap"], ["pace"], ["trend"]),
        (30, ["name", "figure"], ["gap"], ["pace", "trend"]),
    ],
)
def test_a_column_gives_way_by_one_rule(
    width: int, drawn: list[str], under_figure: list[str], dropped: list[str]
) -> None:
    """Columns give way in one step, stack before drop: a droppable column with a host goes
    under it while that makes the table fit, else it is dropped; a column never dropped is
    stacked under its host once nothing is left to drop."""
    kept, out, _, _ = fit.fit(_give_way_table(), width)
    assert [c.key for c in kept] == drawn
    figure = next(c for c in kept if c.key == "figure")
    assert figure.header.split("\n")[1:] == [h.title() for h in under_figure]
    assert [c.key for c in out] == dropped
