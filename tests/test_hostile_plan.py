"""Plan text an office may write that used to pass `plan check` and break a later
command: control characters, ids that are paths, yes/no for numbers, falls of 100 %
or more, and a plan check of an empty path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, Result
from linyi_tracker.findings import Finding
from linyi_tracker.plan import loader
from linyi_tracker.plan.loader import load_plan
from linyi_tracker.validation.catalogue import render

Run = Callable[..., Result]
PLANS = FIXTURES / "plans"
MINIMAL = (PLANS / "minimal.yaml").read_text(encoding="utf-8")
JOBS_EN = "en: New jobs}"  # the first indicator's English name in minimal.yaml


def errors_of(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return load_plan(path).errors


def edited(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


# ------------------------------------------------------------------ characters


@pytest.mark.parametrize(
    "escape",
    [r"\a", r"\x00", r"\e", r"\x7f", r"\x9b", r"\uFFFE", r"\uFFFF", r"\u202E", r"\U0001FFFF"],
)
def test_a_control_character_in_plan_text_is_refused_at_its_node(
    tmp_path: Path, escape: str
) -> None:
    """A name with a C0 or C1 control, U+FFFE/U+FFFF, a bidi override or another
    noncharacter (written as a YAML escape) is a plan-schema finding at the name."""
    (f,) = errors_of(tmp_path, edited(JOBS_EN, f'en: "New{escape}jobs"}}'))
    assert (f.code, f.form, f.line, f.column) == (
        "plan-schema",
        "control-character",
        21,
        "indicators[0].name.en",
    )


@pytest.mark.parametrize("char", ["\x07", "\x00", "\x1b", "\x9b", "\ufffe", "\uffff"])
def test_a_control_character_written_raw_is_refused_at_its_line_and_column(
    tmp_path: Path, char: str
) -> None:
    """One the YAML reader refuses (no escape) is the same finding, at the character."""
    (f,) = errors_of(tmp_path, edited(JOBS_EN, f'en: "New{char}jobs"}}'))
    assert (f.code, f.form, f.line, f.column_number) == ("plan-schema", "control-character", 21, 59)
    assert f.params["char"] == f"U+{ord(char):04X}"
    assert f"New{char}jobs" in str(f.params["text"])


def test_a_control_character_message_shows_it_escaped(tmp_path: Path) -> None:
    """The message names the character by code point and shows the text escaped."""
    (f,) = errors_of(tmp_path, edited(JOBS_EN, r'en: "New\ajobs"}'))
    assert render(f, "en")[0].startswith(r"'New\x07jobs' holds U+0007")
    assert "U+0007" in render(f, "zh")[0]


def test_tabs_and_newlines_in_plan_text_are_kept(tmp_path: Path) -> None:
    """A note may have lines: tab and newline are no control characters to refuse."""
    text = edited("quote: 每年新增就业1000人", 'quote: "每年新增就业\\n1000人\\t（全市）"')
    assert errors_of(tmp_path, text) == []


def test_a_plan_with_a_control_character_writes_no_template(run: Run, tmp_path: Path) -> None:
    """`template -o t.xlsx` crashed on a BEL in a plan name; now the plan is refused, no
    file is written."""
    plan = PLANS / "control-character.yaml"
    out = tmp_path / "t.xlsx"
    r = run("template", "--plan", str(plan), "--period", "2019", "-o", str(out), "--lang", "en")
    assert r.exit_code == 2 and "U+0007" in r.stderr
    assert not out.exists() and "Traceback" not in r.stderr


# Texts with what makes a control-character finding or might hide one: controls, bidi
# marks, noncharacters, backslashes, quotes, CR and NEL line breaks.
_PLAN_TEXT = st.text(
    st.sampled_from("ab 临沂\\\"'\t\n\r\x85\x07\x9b\u202e\ufffe\U0001ffff:#-"), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_PLAN_TEXT, _PLAN_TEXT), max_size=4),
    st.sampled_from([None, "'", '"', "|"]),
    st.booleans(),
)
def test_the_character_check_skips_no_node_that_holds_one(
    pairs: list[tuple[str, str]], style: str | None, crlf: bool
) -> None:
    """The character check that looks at the plan's text first finds what the walk over
    every node finds, whatever the scalars' style, escapes and line breaks."""
    text = yaml.dump(dict(pairs), default_style=style, allow_unicode=True)
    text = text.replace("\n", "\r\n") if crlf else text
    try:
        root = yaml.compose(text, Loader=loader._Loader)
    except yaml.YAMLError:
        return  # the reader refuses it: a finding of its own (_reader_error)
    if root is None:
        return
    walked = loader._walk_characters(root, "plan.yaml")
    assert loader._character_findings(root, "plan.yaml", text) == walked


# ------------------------------------------------------------------ ids


@pytest.mark.parametrize(
    "ident",
    ["../jobs", "a/b", "a\\\\b", "it's", 'say\\"x\\"', "a b", ".hidden", "-x", "x.", "就业", "a;b"],
)
def test_an_id_with_a_character_a_file_name_cannot_take_is_refused(
    tmp_path: Path, ident: str
) -> None:
    """Path separators, quotes, spaces, a leading '.' or '-', a trailing '.', other
    scripts: an id-characters finding at the id, before ingest refuses to write."""
    text = edited("id: jobs.rate, system", f'id: "{ident}", system').replace(
        "indicator: jobs.rate", f'indicator: "{ident}"'
    )
    (f,) = errors_of(tmp_path, text)
    assert (f.code, f.form, f.column) == ("plan-schema", "id-characters", "indicators[1].id")


@pytest.mark.parametrize("ident", ["j", "2015", "Jobs.Rate_2-b"])
def test_ids_of_letters_digits_dots_underscores_and_hyphens_are_taken(
    tmp_path: Path, ident: str
) -> None:
    """The id rule leaves ordinary ids alone."""
    text = edited("id: jobs.rate, system", f'id: "{ident}", system').replace(
        "indicator: jobs.rate", f'indicator: "{ident}"'
    )
    assert errors_of(tmp_path, text) == []


def test_the_id_message_says_which_characters_an_id_takes(tmp_path: Path) -> None:
    """The message lists the allowed characters; the hint gives an example."""
    (f,) = load_plan(PLANS / "id-characters.yaml").errors
    message, hint = render(f, "en")
    assert "'../jobs' cannot be an id" in message and "'.', '_' and '-'" in message
    assert hint is not None and "emp.new_urban_jobs" in hint
    assert "“../jobs”不能作代码" in render(f, "zh")[0]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("schema_version: 1", "schema_version: true", "schema_version"),
        ("number: 1,", "number: true,", "systems[0].number"),
        ("declared_projects: 1}", "declared_projects: true}", "categories[0].declared_projects"),
        ("start: 2015, end", "start: true, end", "plan.period.start"),
        ("    start: 2015\n", "    start: false\n", "targets[0].start"),
    ],
)
def test_a_yes_no_value_is_no_whole_number(tmp_path: Path, old: str, new: str, column: str) -> None:
    """YAML's `true` where a whole number is due is refused, shown as written."""
    (f,) = errors_of(tmp_path, edited(old, new))
    shown = "false" if "false" in new else "true"
    assert (f.form, f.column, f.params["value"]) == ("not-integer", column, shown)


def test_a_quoted_year_is_still_a_year(tmp_path: Path) -> None:
    """Refusing yes/no keeps a quoted "2020" the year it always was."""
    assert errors_of(tmp_path, edited("    start: 2015\n", '    start: "2015"\n')) == []


_TARGETS = (PLANS / "growth-change.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value: -13.5", "value: -150"),
        ("value: -13.5", "value: -100"),
        ("value: 7\n", "value: -100\n"),
        ("value: 7\n", "value: -250\n"),
    ],
)
def test_a_change_or_growth_of_minus_100_percent_or_less_is_refused(
    tmp_path: Path, old: str, new: str
) -> None:
    """A fall of 100 % or more leaves nothing of the base (status crashed on -150)."""
    (f,) = errors_of(tmp_path, _TARGETS.replace(old, new, 1))
    assert (f.form, f.params["bound"]) == ("out-of-range", "> -100")
    assert "it must be > -100" in render(f, "en")[0]


def test_a_fall_of_just_under_100_percent_is_taken(tmp_path: Path) -> None:
    """-99.9 % is a fall the plan may set."""
    assert errors_of(tmp_path, _TARGETS.replace("value: -13.5", "value: -99.9", 1)) == []


def test_a_base_value_of_zero_is_refused(tmp_path: Path) -> None:
    """Growth on a base of 0 means nothing, and the assessment silently set it aside."""
    text = _TARGETS.replace("base_year: 2020\n", "base_year: 2020\n    base_value: 0\n", 1)
    (f,) = errors_of(tmp_path, text)
    assert (f.form, f.column) == ("out-of-range", "targets[0].base_value")


def test_a_figure_too_large_says_its_bound(tmp_path: Path) -> None:
    """'1e400' is out of range: it must be < 10^18 — not '< ?'."""
    (f,) = errors_of(tmp_path, edited("value: 90", "value: 1e400"))
    message = render(f, "en")[0]
    assert message == "'1e400' is out of range: it must be < 10^18"


def test_a_range_upside_down_says_so(tmp_path: Path) -> None:
    """`range: [100, 60]` gets its own words, not '< ?'."""
    text = edited("direction: higher}\ntargets", "direction: higher, range: [100, 60]}\ntargets")
    (f,) = errors_of(tmp_path, text)
    assert render(f, "en")[0] == "the range [100, 60] needs its min below its max"


# ------------------------------------------------------------------ blank names


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        (JOBS_EN, 'en: "  "}', "indicators[0].name.en"),
        ("en: East County}}", 'en: East County}, aliases: [""]}', "regions[1].aliases[0]"),
    ],
)
def test_a_blank_name_or_alias_is_refused(tmp_path: Path, old: str, new: str, column: str) -> None:
    """A name of spaces, or an empty alias, is a name nobody can see or type."""
    (f,) = errors_of(tmp_path, edited(old, new))
    assert (f.form, f.column) == ("empty", column)


# ------------------------------------------------------------------ at the command line


@pytest.mark.parametrize(
    "fixture",
    [
        "control-character.yaml",
        "id-characters.yaml",
        "schema-version-boolean.yaml",
        "change-below-minus-100.yaml",
        "duplicate-id-case.yaml",
        "name-clash-region-alias.yaml",
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plan_check_refuses_each_hostile_plan_with_a_position(
    run: Run, fixture: str, lang: str
) -> None:
    """Exit 1, one finding at file:line:col, in the language asked for, no traceback."""
    path = PLANS / fixture
    r = run("plan", "check", str(path), "--lang", lang)
    (f,) = load_plan(path).errors
    assert r.exit_code == 1
    assert f"{path}:{f.line}:{f.column_number}: {'错误' if lang == 'zh' else 'error'}" in r.stderr
    assert render(f, lang, plain=True)[0] in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(("lang", "words"), [("en", "an empty file name"), ("zh", "文件名为空")])
def test_plan_check_of_an_empty_path_says_it_is_empty(run: Run, lang: str, words: str) -> None:
    """`plan check ""` said "'' is a folder": an empty path is called empty (exit 2)."""
    r = run("plan", "check", "", "--lang", lang)
    assert r.exit_code == 2 and words in r.stderr and "folder;" not in r.stderr


def test_a_clash_gives_the_other_position_as_parameters() -> None:
    """The clash's other position is data too (params, as `validate --format json` shows
    a finding's), for scripts."""
    (f,) = load_plan(PLANS / "duplicate-id-case.yaml").errors
    params: dict[str, Any] = json.loads(json.dumps(dict(f.params)))
    assert params == {
        "section": "indicators",
        "item": "indicator",
        "id": "JOBS.NEW",
        "other_id": "jobs.new",
        "first_line": 21,
        "first_column": 10,
    }
