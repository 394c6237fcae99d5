"""What the tool writes and prints: -o never takes an input, standard output by name,
names that are not UTF-8 shown decoded from GBK (else U+FFFD), JSON and terminal text inert and exact."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DEMO, PLAN_FILE, Result
from linyi_tracker.cli.output import print_bytes
from linyi_tracker.formatting import number
from linyi_tracker.jsontext import dumps

Run = Callable[..., Result]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX byte file names")
GBK_NAME = "临沂".encode("gbk") + b".csv"  # what unzipping a Windows archive gives
ROWS = "indicator,period,region,value\nemp.new_urban_jobs,2016,,86000\n"


def copy_of_demo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for source in DEMO.rglob("*.csv"):
        target = data / source.relative_to(DEMO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    return data


# -o never overwrites what the command reads


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_refuses_to_write_over_the_plan(run: Run, tmp_path: Path, lang: str) -> None:
    """report -o PLAN is refused (exit 2) and the plan is left as it was."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN_FILE.read_bytes())
    args = ("report", "2019", "--data", str(DEMO), "--plan", str(plan), "--format", "md")
    r = run(*args, "-o", str(plan), "--lang", lang)
    assert r.exit_code == 2 and ("规划文件" if lang == "zh" else "the plan file") in r.stderr
    assert plan.read_bytes() == PLAN_FILE.read_bytes()


@posix_only
def test_report_refuses_the_plan_under_another_name(run: Run, tmp_path: Path) -> None:
    """A hard link to the plan is the plan: refused too."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN_FILE.read_bytes())
    os.link(plan, tmp_path / "report.md")
    r = run("report", "2019", "--data", str(DEMO), "--plan", str(plan), "-o", "report.md")
    assert r.exit_code == 2 and plan.read_bytes() == PLAN_FILE.read_bytes()


def test_report_refuses_to_write_into_the_data_folder(run: Run, tmp_path: Path) -> None:
    """report -o DATA/city.csv (a data file) or a new file there is refused, data untouched."""
    data = copy_of_demo(tmp_path)
    before = (data / "city.csv").read_bytes()
    for target in ("data/city.csv", "data/regions/../new.csv"):
        r = run("report", "2019", "--data", str(data), "-o", target, "--lang", "en")
        assert r.exit_code == 2 and "inside the data folder" in r.stderr
    assert (data / "city.csv").read_bytes() == before and not (data / "new.csv").exists()


def test_template_refuses_to_overwrite_a_filled_submission(run: Run, tmp_path: Path) -> None:
    """template -o FILLED.csv is refused when the file holds figures; a blank one is replaced."""
    filled = tmp_path / "filled.csv"
    filled.write_text(ROWS, encoding="utf-8")
    r = run("template", "--period", "2016", "-o", str(filled), "--lang", "zh")
    assert r.exit_code == 2 and "已填有1个数字" in r.stderr
    assert filled.read_text(encoding="utf-8") == ROWS
    assert run("template", "--period", "2016", "-o", "blank.csv").exit_code == 0
    assert run("template", "--period", "2016", "-o", "blank.csv").exit_code == 0


def test_extract_refuses_to_write_over_its_release(run: Run, tmp_path: Path) -> None:
    """extract rel.txt -o rel.txt is refused and the release kept."""
    release = tmp_path / "rel.txt"
    release.write_text("2016年全市城镇新增就业8.37万人。\n", encoding="utf-8")
    r = run("extract", "rel.txt", "-o", "rel.txt", "--lang", "en")
    assert r.exit_code == 2 and "an input this command reads" in r.stderr
    assert release.read_text(encoding="utf-8") == "2016年全市城镇新增就业8.37万人。\n"


# -o - and -o /dev/stdout


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_output_to_standard_output_by_name(run: Run, name: str) -> None:
    """-o - and -o /dev/stdout print the file on standard output (a pipe cannot be reopened)."""
    r = run("template", "--period", "2016", "-o", name)
    assert r.exit_code == 0 and r.stdout.startswith("\ufeffindicator,")
    r = run("report", "2019", "--data", str(DEMO), "--format", "json", "-o", name)
    assert r.exit_code == 0 and json.loads(r.stdout.lstrip("\ufeff"))["year"] == 2019
    r = run("report", "2019", "--data", str(DEMO), "-o", name, "--lang", "en")
    assert r.exit_code == 0 and "progress report 2019" in r.stdout  # as without -o


# on a terminal


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_printed_file_content_is_inert_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A template or report printed to a terminal shows ESC, OSC 8 and RLO as escapes."""
    screen = Terminal(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", screen)
    print_bytes("a\x1b[2J \x1b]8;;http://x\x07link\x1b]8;;\x07 \u202ecba\n".encode())
    screen.seek(0)
    shown = screen.buffer.read().decode("utf-8")
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert shown == "a\\x1b[2J \\x1b]8;;http://x\\x07link\\x1b]8;;\\x07 \\u202ecba\n"


def test_a_bidi_override_reaches_no_output(run: Run, tmp_path: Path) -> None:
    """U+202E in a data file's source is flagged where it is read and never reaches
    status --format json (in the plan it is refused: tests/test_hostile_plan.py)."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    city = data / "city.csv"
    lines = city.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("synthetic", "syn\u202ethetic", 1)
    city.write_text("\n".join(lines) + "\n", encoding="utf-8")
    v = run("validate", str(city), "--data", str(data), "--lang", "en")
    assert "control-character" in v.stdout and "city.csv:2:" in v.stdout
    assert "text-direction mark U+202E" in v.stdout  # not called a noncharacter
    r = run("status", "--data", str(data), "--format", "json", "--as-of", "2020-01")
    assert r.exit_code == 0 and "\u202e" not in r.stdout and "\\u202e" not in r.stdout


@posix_only
def test_a_newline_in_a_file_name_cannot_forge_a_line(run: Run, tmp_path: Path) -> None:
    """validate's file heading shows a newline in a name as \\n, not as a new line."""
    name = "x\nNo errors or warnings in 1 file.csv"
    (tmp_path / name).write_text(ROWS + "bad,2016,,1\n", encoding="utf-8")
    r = run("validate", name, "--no-store", "--lang", "en")
    assert r.exit_code == 1
    assert not any(line.startswith("No errors") for line in r.stdout.splitlines())
    assert "x\\nNo errors or warnings in 1 file.csv" in r.stdout


# names that are not UTF-8


def gbk_named(folder: Path, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as handle:
        handle.write(text.encode("utf-8"))
    (name,) = [n for n in os.listdir(folder) if n.endswith(".csv") and not n.isascii()]
    return name


@posix_only
@pytest.mark.parametrize("command", ["report", "status", "show"])
def test_a_gbk_file_name_in_json_is_shown_with_replacement_marks(
    run: Run, tmp_path: Path, command: str
) -> None:
    """A data file named in GBK bytes: valid JSON, the name decoded (临沂.csv), exit 0."""
    gbk_named(tmp_path / "data", ROWS)
    args = {
        "report": ("report", "2016"),
        "status": ("status", "--as-of", "2016"),
        "show": ("show", "emp.new_urban_jobs", "--as-of", "2016"),
    }[command]
    r = run(*args, "--data", "data", "--format", "json")
    assert r.exit_code == 0
    json.loads(r.stdout)
    assert "data/临沂.csv" in r.stdout and "??" not in r.stdout and "\ufffd" not in r.stdout


@posix_only
def test_validate_json_shows_a_gbk_name_with_replacement_marks(run: Run, tmp_path: Path) -> None:
    """validate --format json names a GBK-named file decoded, not '??'."""
    name = gbk_named(tmp_path, ROWS)
    r = run("validate", name, "--no-store", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["files"][0]["path"] == "临沂.csv"


# exact figures


def test_json_writes_a_figure_from_its_exact_text() -> None:
    """A figure with 40 significant digits is written whole, as a JSON number."""
    figure = Decimal("92.123456789012345678901234567890123456789")
    text = dumps({"value": figure, "name": "\ud800x"})
    assert '"value": 92.123456789012345678901234567890123456789' in text
    assert json.loads(text, parse_float=Decimal) == {"value": figure, "name": "\ufffdx"}


def test_a_figure_with_many_digits_is_printed_whole() -> None:
    """The terminal shows every digit of a figure, in 万 too (no rounding to 28 digits)."""
    figure = Decimal("123456789012345678.901234567890123")
    assert number(figure, "en") == "123,456,789,012,345,678.901234567890123"
    assert number(figure, "zh") == "12,345,678,901,234.5678901234567890123万"


@posix_only
@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/stderr"])
def test_a_standard_stream_that_is_a_pipe_can_be_named(tmp_path: Path, name: str) -> None:
    """-o /dev/stdout or /dev/stderr works when the stream is a pipe (a real process)."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    env.pop("LINYI_TRACKER_PLAN", None)
    done = subprocess.run(
        [sys.executable, "-m", "linyi_tracker", "template", "--period", "2016", "-o", name],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    stream = done.stdout if name == "/dev/stdout" else done.stderr
    assert done.returncode == 0 and stream.startswith(b"\xef\xbb\xbfindicator,")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_name_that_is_not_the_format_written_is_refused(
    run: Run, tmp_path: Path, lang: str
) -> None:
    """template -o t.xls / t.docx and extract -o ex.xlsx would write CSV text under a
    workbook's name: refused (exit 2), nothing written."""
    (tmp_path / "rel.txt").write_text("2016年全市城镇新增就业8.37万人。\n", encoding="utf-8")
    for args in (
        ("template", "--period", "2016", "-o", "t.xls"),
        ("template", "--period", "2016", "-o", "t.docx"),
        ("extract", "rel.txt", "-o", "ex.xlsx"),
    ):
        r = run(*args, "--lang", lang)
        assert r.exit_code == 2 and (".csv" in r.stderr), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rel.txt"]


@pytest.mark.parametrize("command", ["template", "extract"])
def test_template_and_extract_do_not_write_into_the_data_folder(
    run: Run, tmp_path: Path, command: str
) -> None:
    """A blank template or unreviewed proposals written into the data folder would be read
    as data: refused (exit 2); they reach it by validate and ingest."""
    (tmp_path / "data" / "actuals").mkdir(parents=True)
    (tmp_path / "rel.txt").write_text("2016年全市城镇新增就业8.37万人。\n", encoding="utf-8")
    args = ("template", "--period", "2016") if command == "template" else ("extract", "rel.txt")
    r = run(*args, "-o", "data/actuals/new.csv", "--lang", "en")
    assert r.exit_code == 2 and "inside the data folder data/actuals" in r.stderr
    assert list((tmp_path / "data" / "actuals").iterdir()) == []


@pytest.mark.parametrize("command", ["template", "extract"])
def test_template_and_extract_do_not_write_into_the_folder_named_by_data(
    run: Run, tmp_path: Path, command: str
) -> None:
    """The folder named with --data (as status reads it) is guarded too: proposals or a
    blank template written there would be assessed by the next status, unreviewed."""
    data = copy_of_demo(tmp_path)
    before = sorted(p.name for p in data.rglob("*"))
    (tmp_path / "rel.txt").write_text("2016年全市城镇新增就业8.37万人。\n", encoding="utf-8")
    args = ("template", "--period", "2016") if command == "template" else ("extract", "rel.txt")
    for target in ("data/new.csv", "data/regions/new.csv"):
        r = run(*args, "--data", str(data), "-o", target, "--lang", "en")
        assert r.exit_code == 2 and "inside the data folder" in r.stderr, r.stderr
    assert sorted(p.name for p in data.rglob("*")) == before


@pytest.mark.parametrize("command", ["template", "extract"])
def test_template_and_extract_do_not_write_into_the_folder_beside_the_plan(
    run: Run, tmp_path: Path, command: str
) -> None:
    """With --plan PLAN.yaml and no --data, the figures are read from the folder PLAN/ beside
    it (as status reads them): -o into that folder is refused as well."""
    (tmp_path / "myplan.yaml").write_bytes(PLAN_FILE.read_bytes())
    data = copy_of_demo(tmp_path).rename(tmp_path / "myplan")
    before = sorted(p.name for p in data.rglob("*"))
    (tmp_path / "rel.txt").write_text("2016年全市城镇新增就业8.37万人。\n", encoding="utf-8")
    args = ("template", "--period", "2016") if command == "template" else ("extract", "rel.txt")
    r = run(*args, "--plan", "myplan.yaml", "-o", "myplan/new.csv", "--lang", "en")
    assert r.exit_code == 2 and "inside the data folder" in r.stderr, r.stderr
    assert sorted(p.name for p in data.rglob("*")) == before


@posix_only
def test_ingest_dry_run_shows_a_newline_in_a_file_name_escaped(run: Run, tmp_path: Path) -> None:
    """ingest --dry-run lists each figure on one line, a newline in its file's name as \\n."""
    (tmp_path / "data" / "actuals").mkdir(parents=True)
    name = "a\nNo errors.csv"
    (tmp_path / name).write_text(ROWS, encoding="utf-8")
    r = run("ingest", name, "--dry-run", "--lang", "en", width=200)
    assert r.exit_code == 0 and "(a\\nNo errors.csv:2)" in r.stdout
    assert not any(line.startswith("No errors") for line in r.stdout.splitlines())


@posix_only
def test_extract_from_a_gbk_named_release_writes_its_name_with_replacement_marks(
    run: Run, tmp_path: Path
) -> None:
    """extract on a release named in GBK bytes writes its CSV (exit 0, was a crash), the
    name in the note decoded."""
    with open(os.path.join(os.fsencode(tmp_path), "公报".encode("gbk") + b".txt"), "wb") as handle:
        handle.write("2016年全市城镇新增就业8.37万人。\n".encode())
    (name,) = [n for n in os.listdir(tmp_path) if n.endswith(".txt")]
    r = run("extract", name, "-o", "ex.csv", "--lang", "en")
    assert r.exit_code == 0
    assert "from 公报.txt, line 1" in (tmp_path / "ex.csv").read_text("utf-8-sig")


@pytest.mark.parametrize(
    "args",
    [
        ("report", "2019", "--data", str(DEMO), "-o", "r.xlsx", "--format", "md"),
        ("report", "2019", "--data", str(DEMO), "-o", "r.docx", "--format", "html"),
        ("report", "2019", "--data", str(DEMO), "-o", "r.csv", "--format", "json"),
        ("template", "--period", "2016", "-o", "t.xlsx", "--format", "csv"),
        ("template", "--period", "2016", "-o", "t.csv", "--format", "xlsx"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_format_another_suffix_contradicts_is_refused(
    run: Run, tmp_path: Path, args: tuple[str, ...], lang: str
) -> None:
    """-o NAME.xlsx --format md would write a file Excel refuses: exit 2, nothing written."""
    r = run(*args, "--lang", lang)
    assert r.exit_code == 2 and "--format" in r.stderr, r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["r.txt", "r.md", "report"])
def test_a_format_a_suffix_does_not_contradict_is_written(
    run: Run, tmp_path: Path, name: str
) -> None:
    """--format md into .txt, .md or a name with no suffix is written as asked."""
    r = run("report", "2019", "--data", str(DEMO), "-o", name, "--format", "md", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("#")
