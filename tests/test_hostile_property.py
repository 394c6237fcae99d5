"""Mutated submissions (byte flips, truncation, inserted quotes, NULs, BOMs and line
breaks, random cells; workbooks with damaged members) through ``validate`` and
``status --data``: findings or a clean result, never an exception (issue 13, "Done when").

The seeds are the named fixtures and the demo data; the mutations are drawn by
hypothesis (bounded, so that the suite stays quick), and a failure prints the exact
bytes to make a fixture of.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DEMO, FIXTURES
from linyi_tracker.cli.app import app

CSV_SEEDS = sorted(
    [
        *(FIXTURES / "submissions").glob("*.csv"),
        *(FIXTURES / "data").glob("*.csv"),
        DEMO / "city.csv",
    ]
)
XLSX_SEEDS = sorted((FIXTURES / "submissions").glob("*.xlsx"))
INSERTS = [b'"', b'""', b"\x00", b"\xef\xbb\xbf", b"\n", b"\r", b"\r\n", b",", b"\xff", b"\x1b[2J"]
OUTCOMES = {0, 1, 2}  # clean, findings, refused input: anything else is a crash
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,  # the same examples on every run: a red suite is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    """One to three damages to ``data``: flip, truncate, insert, delete."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(len(out), 1) - 1)) if out else 0
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if kind == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            piece = draw(st.sampled_from(INSERTS) | st.binary(min_size=1, max_size=8))
            out[at:at] = piece
        else:
            del out[at : at + draw(st.integers(1, 16))]
    return bytes(out)


@st.composite
def cell_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    """A random cell of a CSV file replaced with random text (numbers, quotes, any script)."""
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    row = draw(st.integers(0, len(lines) - 1))
    cells = lines[row].split(",")
    column = draw(st.integers(0, len(cells) - 1))
    cells[column] = draw(
        st.text(max_size=24)
        | st.from_regex(
            r"-?[0-9０-９]{1,400}(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,12})?", fullmatch=True
        )
        | st.sampled_from(["NaN", "inf", "-0", "1e999999999", "1,2345", "三千", "२०१९", "2019-13"])
    )
    lines[row] = ",".join(cells)
    return "\n".join(lines).encode("utf-8", errors="surrogateescape")


@st.composite
def csv_file(draw: st.DrawFn) -> bytes:
    seed = draw(st.sampled_from(CSV_SEEDS)).read_bytes()
    return draw(byte_mutation(seed) | cell_mutation(seed))


def _is_zip(path: Path) -> bool:
    return zipfile.is_zipfile(path)


ZIP_SEEDS = [p for p in XLSX_SEEDS if _is_zip(p)]


@st.composite
def damaged_zip(draw: st.DrawFn) -> bytes:
    """A seed workbook's bytes damaged as a whole (the zip's headers, its deflated data)."""
    return draw(byte_mutation(draw(st.sampled_from(XLSX_SEEDS)).read_bytes()))


@st.composite
def damaged_member(draw: st.DrawFn) -> bytes:
    """A seed workbook with one member's XML damaged, rezipped: broken sheet XML, a bad
    shared-string index, text in a number cell."""
    seed = draw(st.sampled_from(ZIP_SEEDS)).read_bytes()
    with zipfile.ZipFile(io.BytesIO(seed)) as book:
        members = {info.filename: book.read(info) for info in book.infolist()}
    name = draw(st.sampled_from(sorted(members)))
    members[name] = draw(byte_mutation(members[name]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for member, content in members.items():
            book.writestr(member, content)
    return out.getvalue()


def outcome(*args: str) -> int:
    """The exit code of one run; an exception escaping the CLI fails the test."""
    result = CliRunner().invoke(
        app,
        list(args),
        env={"COLUMNS": "120", "NO_COLOR": "1", "LINYI_TRACKER_CACHE": "off"},
        catch_exceptions=True,
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: raised {result.exception!r}") from result.exception
    assert result.exit_code in OUTCOMES, f"{args}: exit {result.exit_code}\n{result.stderr}"
    return result.exit_code


def check(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        path = folder / f"submission{suffix}"
        path.write_bytes(content)
        outcome("validate", str(path))
        outcome("status", "--data", str(folder))


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("LINYI_TRACKER_PLAN", "LINYI_TRACKER_DATA", "LINYI_TRACKER_LANG"):
        monkeypatch.delenv(var, raising=False)


@SETTINGS
@given(csv_file())
def test_a_mutated_csv_file_gives_findings_never_an_exception(content: bytes) -> None:
    """Any damage to a CSV submission is a finding or a refusal (exit 0, 1 or 2)."""
    check(content, ".csv")


@SETTINGS
@given(damaged_zip())
def test_a_damaged_workbook_file_gives_findings_never_an_exception(content: bytes) -> None:
    """Any damage to an .xlsx file's bytes is a finding or a refusal (exit 0, 1 or 2)."""
    check(content, ".xlsx")


@SETTINGS
@given(damaged_member())
def test_a_workbook_with_a_damaged_member_gives_findings_never_an_exception(
    content: bytes,
) -> None:
    """Damaged XML inside a well-formed zip is a finding or a refusal (exit 0, 1 or 2)."""
    check(content, ".xlsx")
