"""Every note on columns a narrow terminal dropped names something the reader can do from
where they are: `status` points to `show`, `show` to its JSON, the report to a file format —
never "use show" to a reader already in `show`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, Result
from linyi_tracker.cli.render import fit

Run = Callable[..., Result]


def _note(stdout: str, lang: str) -> str:
    """The dropped-columns note, its lines joined (a panel's borders taken off)."""
    start = "终端宽度不足" if lang == "zh" else "Too narrow"
    lines = [line.strip("│ ") for line in stdout.splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith(start))
    return "".join(lines[at : at + 3]) if lang == "zh" else " ".join(lines[at : at + 3])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_never_tells_its_reader_to_use_show(run: Run, lang: str) -> None:
    """`show` at 80 columns drops the series' notes and says to widen or add --format json."""
    r = run("show", "emp.new_urban_jobs", "--lang", lang, width=80)
    note = _note(r.stdout, lang)
    assert not re.search(r"(用|use) `?show", note) and "--format json" in note, note


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_in_the_terminal_points_to_a_file_format(run: Run, lang: str) -> None:
    """The report's terminal tables, narrow, say to widen or write -o report.html/.docx."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", lang, "--format", "terminal", width=60)
    note = _note(r.stdout, lang)
    assert not re.search(r"(用|use) `?show", note) and "-o " in note, note


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_what_the_report_note_suggests_writes_the_report(
    run: Run, lang: str, tmp_path: Path
) -> None:
    """Each command the narrow report's note suggests (-o 报告.html, -o 报告.docx) runs and
    writes the whole report: `--format docx` alone exits 2 and `--format html` alone
    prints raw HTML to the terminal, so neither is suggested."""
    r = run("report", "2019", "--data", str(DEMO), "--lang", lang, "--format", "terminal", width=60)
    note = _note(r.stdout, lang)
    assert "--format" not in note, note
    files = re.findall(r"-o ?([^\s`、，）)]+\.(?:html|docx))", note)
    assert len(files) == 2, note
    for name in files:
        done = run("report", "2019", "--data", str(DEMO), "--lang", lang, "-o", name)
        assert done.exit_code == 0 and (tmp_path / name).stat().st_size > 0, done


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", ["status", "show", "report"])
def test_every_note_says_to_widen_the_terminal(lang: str, where: fit.Where) -> None:
    """Each place's note names the columns and says to widen the terminal, in zh and en."""
    note = fit.dropped_note(["备注" if lang == "zh" else "Note"], lang, where)  # type: ignore[arg-type]
    assert ("加宽终端" if lang == "zh" else "widen the terminal") in note
    assert ("备注" if lang == "zh" else "Note") in note
