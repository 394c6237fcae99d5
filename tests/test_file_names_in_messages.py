"""A file name inside a finding's message (the other row it points at) is shown as the
line prefix shows a file: a name in GBK bytes decoded (兰山区-三季度.csv), never ``\\udcXX``."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from linyi_tracker.findings import Finding, Severity
from linyi_tracker.validation.catalogue import CATALOGUE, FILE_PARAMS, render

Run = Callable[..., Result]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX byte file names")

GBK_NAME = "兰山区-三季度".encode("gbk") + b".csv"  # what unzipping a Windows archive gives
SHOWN = "兰山区-三季度.csv"  # as GB18030 decodes the bytes
ESCAPED = os.fsdecode(GBK_NAME)  # the name as Python holds it: lone surrogates
# a year-to-date series that falls (line 3 names line 2), and a key given twice
ROWS = (
    "indicator,period,region,value\n"
    "emp.new_urban_jobs,2020-08,lanshan,4100\n"
    "emp.new_urban_jobs,2020Q3,lanshan,3900\n"
    "emp.new_urban_jobs,2019,lanshan,5000\n"
    "emp.new_urban_jobs,2019,lanshan,5000\n"
    "emp.new_urban_jobs,2018,lanshan,5000\n"
    "emp.new_urban_jobs,2018,lanshan,5100\n"
)


def _gbk_named(folder: Path) -> None:
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as handle:
        handle.write(ROWS.encode("utf-8"))


def _placeholders(code: str) -> set[str]:
    entry = CATALOGUE[code]
    texts = [*entry.messages.values(), *entry.hints.values()]
    return {name for t in texts for lang in ("zh", "en") for name in re.findall(r"{(\w+)", t(lang))}


def test_every_parameter_holding_a_file_name_is_shown_as_a_path() -> None:
    """Every message or hint parameter that names a file is one of FILE_PARAMS."""
    named = {p for code in CATALOGUE for p in _placeholders(code) if "file" in p or p == "path"}
    assert named <= FILE_PARAMS


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", sorted(c for c in CATALOGUE if _placeholders(c) & FILE_PARAMS))
def test_a_gbk_file_name_in_a_message_has_replacement_marks(code: str, lang: str) -> None:
    """Each code whose message names another file shows a GBK name decoded."""
    params = {name: "1" for name in _placeholders(code)} | {"other_file": ESCAPED}
    finding = Finding(code, Severity.ERROR, ESCAPED, 3, "value", 4, params=params)
    message, hint = render(finding, lang)  # type: ignore[arg-type]
    said = message + (hint or "")
    assert SHOWN in said
    assert "\\udc" not in said


@posix_only
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_names_the_other_gbk_file_line_with_replacement_marks(
    run: Run, tmp_path: Path, lang: str
) -> None:
    """validate's ytd-decreasing, duplicate and conflict lines name the GBK file decoded."""
    _gbk_named(tmp_path)
    r = run("validate", ".", "--no-store", "--lang", lang)
    assert r.exit_code == 1
    for code in ("ytd-decreasing", "duplicate-observation", "conflicting-observation"):
        (line,) = [x for x in r.stdout.splitlines() if f" {code} " in x]
        assert f"{SHOWN}:" in line.split(": ", 1)[1]
    assert "\\udc" not in r.stdout


@posix_only
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_json_messages_name_a_gbk_file_with_replacement_marks(
    run: Run, tmp_path: Path, lang: str
) -> None:
    """validate --format json: each message names the GBK file decoded, not \\udcXX."""
    _gbk_named(tmp_path)
    r = run("validate", ".", "--no-store", "--lang", lang, "--format", "json")
    findings = json.loads(r.stdout)["findings"]
    messages = [f["message"] for f in findings if "other_file" in f["params"]]
    assert len(messages) == 3
    assert all(SHOWN in m and "\\udc" not in m for m in messages)


@posix_only
def test_validate_json_file_and_params_keep_the_name_as_json_writes_names(
    run: Run, tmp_path: Path
) -> None:
    """JSON ``file`` and ``params.other_file`` are the name as the JSON writer writes every
    name (GBK bytes decoded), as before: the same text the message shows."""
    _gbk_named(tmp_path)
    r = run("validate", ".", "--no-store", "--format", "json")
    (ytd,) = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "ytd-decreasing"]
    assert ytd["file"] == ytd["params"]["other_file"] == SHOWN


@posix_only
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_names_the_other_gbk_file_line_with_replacement_marks(
    run: Run, tmp_path: Path, lang: str
) -> None:
    """status over a data folder with a GBK-named file in conflict: the name decoded, not \\udcXX."""
    data = tmp_path / "data"
    data.mkdir()
    _gbk_named(data)
    r = run("status", "--data", "data", "--lang", lang)
    (line,) = [x for x in (r.stdout + r.stderr).splitlines() if " conflicting-observation " in x]
    assert f"data/{SHOWN}:" in line.split(": ", 1)[1]
    assert "\\udc" not in r.stdout + r.stderr
