"""The finding catalogue: every code has its words in both languages, every finding any
fixture makes renders completely, and the READMEs' tables are the catalogue's."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, PLAN_FILE, REPO, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.plan.loader import load_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.texts.text import Text
from linyi_tracker.validation.catalogue import (
    CATALOGUE,
    COLUMN_WORDS,
    DATA_GROUPS,
    GROUP_TITLES,
    SEVERITY_WORDS,
    hint_text,
    message_text,
    render,
)
from linyi_tracker.validation.validator import validate

Run = Callable[..., Result]
TODAY = date(2020, 3, 15)  # as in test_validation: 2020-06 is in the future
PLANS = FIXTURES / "plans"
STORE = FIXTURES / "store"

# ------------------------------------------------------------------ the templates


def fields(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def all_texts() -> list[tuple[str, str, Text]]:
    out = []
    for code, entry in CATALOGUE.items():
        out.append((code, "title", entry.title))
        out += [(code, f"message {form!r}", t) for form, t in entry.messages.items()]
        out += [(code, f"hint {form!r}", t) for form, t in entry.hints.items()]
    return out


@pytest.mark.parametrize(("code", "what", "text"), all_texts(), ids=lambda x: str(x)[:40])
def test_every_text_is_written_in_both_languages(code: str, what: str, text: Text) -> None:
    """Each title, message and hint has an English text and a Chinese one (with Chinese in it)."""
    assert text.en.strip() and text.zh.strip()
    assert re.search(r"[\u4e00-\u9fff]", text.zh), (code, what, text.zh)


@pytest.mark.parametrize(("code", "what", "text"), all_texts(), ids=lambda x: str(x)[:40])
def test_both_languages_name_parameters_the_emitter_knows(code: str, what: str, text: Text) -> None:
    """The Chinese template names no parameter the English one lacks (one set of facts),
    and neither has a stray brace."""
    assert fields(text.zh) <= fields(text.en), (code, what)
    for template in (text.zh, text.en):
        bare = re.sub(r"\{\w+(?::[^{}]*)?\}", "", template)
        assert "{" not in bare and "}" not in bare, (code, what, template)


# Words a Chinese sentence may carry as they are: formats, file types, YAML keys and
# plan words a user types, the tool's own name.
_ALLOWED = re.compile(
    r"`[^`]*`|\b(?:UTF-8|GB18030|GBK|CSV|Excel|YAML|BOM|xlsx|xls|as_of|data_from|start|"
    r"at_risk|on_track|level|city|higher|lower|annual|cumulative|milestone|qualitative|"
    r"kind|unnamed|true|--\w+|emp\.new_urban_jobs)\b"
)
_ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}")


@pytest.mark.parametrize(("code", "what", "text"), all_texts(), ids=lambda x: str(x)[:40])
def test_chinese_texts_hold_no_english_sentence(code: str, what: str, text: Text) -> None:
    """The zh text is Chinese: three English words in a row mean an untranslated phrase
    (parameters, codes, formats and commands aside)."""
    bare = _ALLOWED.sub(" ", re.sub(r"\{[^{}]*\}", " ", text.zh))
    assert _ENGLISH_SENTENCE.search(bare) is None, (code, what, text.zh)


def test_every_group_and_severity_has_words() -> None:
    """Groups and severities are printed too: each has both languages."""
    assert {e.group for e in CATALOGUE.values()} <= set(GROUP_TITLES)
    assert set(SEVERITY_WORDS) == set(Severity)


# ------------------------------------------------------------------ every fixture's findings


def fixture_findings(plan: Plan) -> list[Finding]:
    """Every finding every fixture under tests/fixtures gives (data files validated against
    the store, the store itself, every plan file), and the real plan's notices."""
    found: list[Finding] = []
    files = sorted(
        p
        for p in FIXTURES.rglob("*")
        if p.is_file() and p.suffix.lower() in {".csv", ".xlsx", ".xls"}
    )
    store = load_store(plan, STORE, today=TODAY)
    found += store.findings
    for path in files:
        for revise in (False, True):
            found += validate([str(path)], plan, store=store, today=TODAY, revise=revise).findings
    found += validate(
        [str(FIXTURES / "submissions" / "unknown-sheet.xlsx")],
        plan,
        store=None,
        today=TODAY,
        sheet="Nope",
    ).findings
    for path in [
        *sorted(PLANS.glob("*.yaml")),
        *sorted((FIXTURES / "hostile").glob("*.yaml")),
        PLAN_FILE,
    ]:
        found += load_plan(path).findings
    return found


@pytest.fixture(scope="module")
def findings(plan: Plan) -> list[Finding]:
    return fixture_findings(plan)


def test_every_finding_names_a_known_code_form_and_hint(findings: list[Finding]) -> None:
    """Each finding's code, severity, message form and hint form are in the catalogue."""
    wrong = set()
    for f in findings:
        entry = CATALOGUE.get(f.code)
        if (
            entry is None
            or entry.severity is not f.severity
            or f.form not in entry.messages
            or (f.hint_form and f.hint_form not in entry.hints)
        ):
            wrong.add((f.code, f.severity, f.form, f.hint_form))
    assert sorted(wrong) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_finding_gets_every_parameter_its_words_name(
    findings: list[Finding], lang: str
) -> None:
    """Rendering any fixture's finding leaves no {placeholder}: the emitter supplies every
    parameter the message and the hint name (a column's name has the template's header as
    its default), in both languages."""
    columns = {f"{c}_column" for c in COLUMN_WORDS}
    missing = set()
    for f in findings:
        hint = hint_text(f)
        for text in (message_text(f), hint):
            if text is not None:
                template = text.zh if lang == "zh" else text.en
                for name in fields(template) - set(f.params) - columns:
                    missing.add((f.code, f.form, name))
        message, rendered_hint = render(f, "zh" if lang == "zh" else "en")
        assert message
        assert (rendered_hint is None) == (hint is None)
    assert sorted(missing) == []


def test_every_plan_code_is_produced_by_a_plan_fixture(findings: list[Finding]) -> None:
    """Each plan code of the catalogue comes from some named plan file (data codes:
    test_validation's one fixture per code)."""
    plan_codes = {c for c, e in CATALOGUE.items() if e.group == "plan"}
    produced = {f.code for f in findings if f.file and f.file.endswith(".yaml")}
    assert plan_codes - produced == set()


def test_a_user_text_with_braces_and_a_newline_renders_as_it_is(plan: Plan) -> None:
    """Parameters are facts, not templates: braces in a cell stay, a newline is shown escaped."""
    f = Finding("unknown-indicator", Severity.ERROR, "x.csv", 2, params={"text": "{value}\nx"})
    message, _ = render(f, "en")
    assert message == "'{value}\\nx' is not an indicator of the plan"


def test_plural_in_english_and_a_bare_count_in_chinese() -> None:
    """'1 line' / '2 lines' above the header; Chinese writes the count alone."""
    one = Finding("title-rows-skipped", Severity.NOTICE, params={"header_line": 2, "skipped": 1})
    two = Finding("title-rows-skipped", Severity.NOTICE, params={"header_line": 3, "skipped": 2})
    assert "1 line above it" in render(one, "en")[0]
    assert "2 lines above it" in render(two, "en")[0]
    assert render(two, "zh")[0] == "表头在第3行；其上2行（标题？）已跳过"


# ------------------------------------------------------------------ the READMEs' tables

_HEADS = ("| code | severity | group | what it means |", "| 代码 | 严重程度 | 类别 | 含义 |")
_ROW = re.compile(r"^\| `([a-z0-9-]+)` \|(.*)\|$")


def readme_codes(name: str) -> list[tuple[str, list[str]]]:
    """The rows of the README's catalogue tables (the tables under a catalogue header)."""
    rows: list[tuple[str, list[str]]] = []
    inside = False
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        if line.strip() in _HEADS:
            inside = True
        elif not line.startswith("|"):
            inside = False
        elif inside and (m := _ROW.match(line.strip())):
            rows.append((m.group(1), [c.strip() for c in m.group(2).split("|")]))
    return rows


def readme_rows(name: str) -> dict[str, list[str]]:
    return dict(readme_codes(name))


def expected_rows(lang: str) -> dict[str, list[str]]:
    out = {}
    for code, e in CATALOGUE.items():
        if lang == "en":
            out[code] = [str(e.severity), e.group, e.title.en]
        else:
            out[code] = [SEVERITY_WORDS[e.severity].zh, GROUP_TITLES[e.group].zh, e.title.zh]
    return out


def table(lang: str, groups: tuple[str, ...]) -> str:
    """The README table for ``groups``, as it must read (printed when the test fails)."""
    head = (
        "| code | severity | group | what it means |\n|---|---|---|---|\n"
        if lang == "en"
        else "| 代码 | 严重程度 | 类别 | 含义 |\n|---|---|---|---|\n"
    )
    rows = expected_rows(lang)
    return head + "".join(
        f"| `{code}` | {' | '.join(rows[code])} |\n"
        for code, e in CATALOGUE.items()
        if e.group in groups
    )


@pytest.mark.parametrize(("readme", "lang"), [("README.md", "en"), ("README.zh-CN.md", "zh")])
def test_readme_tables_are_the_catalogue(readme: str, lang: str) -> None:
    """Both READMEs list exactly the catalogue's codes, with its severity, group and title."""
    found, expected = readme_rows(readme), expected_rows(lang)
    assert found == expected, (
        "README tables must read:\n" + table(lang, DATA_GROUPS) + "\n" + table(lang, ("plan",))
    )


@pytest.mark.parametrize("readme", ["README.md", "README.zh-CN.md"])
def test_the_readme_tables_follow_the_catalogue_order(readme: str) -> None:
    """The tables list each code once, each group's codes in the catalogue's order."""
    listed = [code for code, _ in readme_codes(readme)]
    for groups in (DATA_GROUPS, ("plan",)):
        mine = [c for c, e in CATALOGUE.items() if e.group in groups]
        assert [c for c in listed if c in mine] == mine
    assert len(listed) == len(set(listed))


# ------------------------------------------------------------------ at the command line


def test_plan_check_speaks_chinese_with_a_chinese_summary(run: Run) -> None:
    """`plan check --lang zh`: the finding and the summary line are in Chinese, the code stays."""
    broken = PLANS / "unknown-key.yaml"
    r = run("plan", "check", str(broken), "--lang", "zh")
    assert r.exit_code == 1
    assert f"{broken}:38:5: 错误 plan-schema [targets[1].valeu]: 未知的键“valeu”" in r.stderr
    assert "1个文件中发现1个错误、0个警告。" in r.stderr


def test_validate_json_carries_the_parameters(run: Run) -> None:
    """JSON findings keep message and hint, and add the facts behind them as `params`."""
    r = run(
        "validate",
        str(FIXTURES / "submissions" / "magnitude-suffix.csv"),
        "--no-store",
        "--format",
        "json",
        "--lang",
        "en",
    )
    (finding,) = json.loads(r.stdout)["findings"]
    assert finding["message"] == (
        "1 figure in 万 or 亿 multiplied out (line 2: '0.98万' read as 9800, 万 = 10000)"
    )
    assert finding["params"] == {
        "text": "0.98万",
        "value": "9800",
        "suffix": "万",
        "factor": "10000",
        "count": 1,
        "lines": [2],
    }


def test_a_figure_that_would_replace_a_stored_one_is_a_finding(plan: Plan, tmp_path: Path) -> None:
    """plan_ingest refuses to overwrite without --revise, with a conflicts-with-store finding
    naming both places (rendered like any other, in either language)."""
    from linyi_tracker.intake.ingest import IngestError, StoreConflictError, plan_ingest

    stored = load_store(plan, STORE, today=TODAY).observations[0]
    new = stored._replace(value=(stored.value or 0) + 1, file="new.csv", line=2, as_of=None)
    with pytest.raises(StoreConflictError) as caught:
        plan_ingest(plan, [new], {stored.key: stored}, tmp_path, revise=False)
    assert isinstance(caught.value, IngestError)
    (finding,) = caught.value.findings
    assert isinstance(finding, Finding) and finding.code == "conflicts-with-store"
    message, _ = render(finding, "en")
    assert f"{stored.file}:{stored.line}" in message and finding.file == "new.csv"


def test_every_reading_says_how_many_rows_and_which() -> None:
    """A reading reported once for a file (findings.READINGS) is a notice whose every
    message, in both languages, counts its rows and names the first lines: a sentence
    about one cell would hide the rest of the file."""
    from linyi_tracker.findings import READINGS

    for code in sorted(READINGS):
        entry = CATALOGUE[code]
        assert entry.severity is Severity.NOTICE, code
        for form, text in entry.messages.items():
            for template in (text.zh, text.en):
                assert {"count", "lines"} <= fields(template), (code, form, template)


def test_every_form_the_code_names_is_in_the_catalogue() -> None:
    """Each `form="…"` / `hint_form="…"` written in the package names a message or hint
    form some catalogue entry has: a missing one would print the bare code to the clerk."""
    import re

    from linyi_tracker.validation.catalogue import CATALOGUE

    messages = {form for e in CATALOGUE.values() for form in e.messages}
    hints = {form for e in CATALOGUE.values() for form in e.hints}
    missing = []
    for path in sorted((REPO / "linyi_tracker").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'\b(hint_form|form)="([a-z0-9_-]+)"', text):
            kind, form = m.groups()
            if form not in (hints if kind == "hint_form" else messages | hints):
                missing.append(f"{path.name}: {kind}={form!r}")
    assert missing == []
