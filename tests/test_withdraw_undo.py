"""``linyi-tracker withdraw --undo``: a figure withdrawn by mistake is reinstated, on record
(hostile sweep 33, item 7)."""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.actuals.withdrawals import (
    WITHDRAWN_NAME,
    Reinstatement,
    Withdrawal,
    in_force,
    read_entries,
    read_record,
)
from linyi_tracker.intake.withdraw import (
    NothingToReinstate,
    SeveralFigures,
    plan_reinstatement,
    plan_withdrawal,
    record_reinstatement,
    record_withdrawal,
)
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parent
DEMO = ROOT.parent / "examples" / "demo"
EIGHT_COLUMNS = ROOT / "fixtures" / "withdrawals" / "eight-columns.csv"
FIGURE = ("emp.new_urban_jobs", "2019", "--region", "兰山")  # 11315, the right figure
WITHDRAW = ("withdraw", *FIGURE)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    return folder


def _status(run: Run, data: Path, env: dict[str, str] | None = None) -> str:
    shown = run("status", "--data", str(data), "--format", "json", env=env)
    assert shown.exit_code == 0
    return shown.stdout


def _lanshan_2019(run: Run, data: Path) -> list[object]:
    shown = run(
        "show", "emp.new_urban_jobs", "--region", "兰山区", "--data", str(data), "--format", "json"
    )
    assert shown.exit_code == 0
    return [s["value"] for s in json.loads(shown.stdout)["series"] if s["period"] == "2019"]


def _withdrawn(run: Run, data: Path) -> None:
    done = run(*WITHDRAW, "--reason", "mistake", "--data", str(data))
    assert done.exit_code == 0


@pytest.mark.parametrize(("lang", "said"), [("zh", "已恢复"), ("en", "Reinstated")])
def test_undo_reinstates_the_withdrawn_figure(run: Run, data: Path, lang: str, said: str) -> None:
    """After withdraw and withdraw --undo the figure is in show's series again, and said so."""
    _withdrawn(run, data)
    assert _lanshan_2019(run, data) == []
    undone = run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data), "--lang", lang)
    assert undone.exit_code == 0 and said in undone.stdout and "11315" in undone.stdout
    assert _lanshan_2019(run, data) == [11315]


def test_undo_appends_its_row_and_keeps_the_withdrawal(run: Run, data: Path) -> None:
    """The record keeps the withdrawal byte for byte and gains one row: the figure, when,
    why, by whom and the word 'reinstated'."""
    _withdrawn(run, data)
    before = (data / WITHDRAWN_NAME).read_bytes()
    run(*WITHDRAW, "--undo", "--reason", "误撤回", "--by", "李四", "--data", str(data))
    after = (data / WITHDRAWN_NAME).read_bytes()
    assert after.startswith(before)
    (row,) = csv.reader(after[len(before) :].decode("utf-8").splitlines())
    assert row[:5] == ["emp.new_urban_jobs", "2019", "lanshan", "level", "11315"]
    assert row[6:] == ["误撤回", "李四", "reinstated"]


def test_status_after_withdraw_and_undo_is_status_before(run: Run, data: Path) -> None:
    """status --format json of the folder after withdraw + undo equals it before (cache off)."""
    before = _status(run, data)
    _withdrawn(run, data)
    assert _status(run, data) != before
    run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    assert _status(run, data) == before


def test_status_after_withdraw_and_undo_is_status_before_through_the_cache(
    run: Run, tmp_path: Path
) -> None:
    """With the cache on and a store over its threshold, status after withdraw + undo
    equals status before the withdrawal."""
    from test_cache import big_store

    data = big_store(tmp_path / "big", 9000)
    env = {"LINYI_TRACKER_CACHE": str(tmp_path / "cache")}
    figure = ("emp.new_urban_jobs", "2016-12", "--region", "兰山区", "--data", str(data))
    before = _status(run, data, env)
    assert list((tmp_path / "cache").glob("*.store"))
    assert run("withdraw", *figure, "--reason", "r", env=env).exit_code == 0
    assert _status(run, data, env) != before
    assert run("withdraw", *figure, "--undo", "--reason", "r", env=env).exit_code == 0
    assert _status(run, data, env) == before
    assert _status(run, data, {"LINYI_TRACKER_CACHE": "off"}) == before


def test_the_cached_store_after_an_undo_is_the_store_read_afresh(
    plan: Plan, data: Path, tmp_path: Path
) -> None:
    """load_store through the cache (cache_min_bytes=0) after withdraw + undo gives the
    figures and findings of the folder read without the cache, and of the folder before."""
    before = load_store(plan, data)
    cache = tmp_path / "cache"
    load_store(plan, data, cache_folder=cache, cache_min_bytes=0)
    job = plan_withdrawal(before, "emp.new_urban_jobs", "2019", "lanshan", reason="r")
    record_withdrawal(data, job.record)
    load_store(plan, data, cache_folder=cache, cache_min_bytes=0)
    undo = plan_reinstatement(
        load_store(plan, data), "emp.new_urban_jobs", "2019", "lanshan", reason="r"
    )
    record_reinstatement(data, undo.record)
    cached = load_store(plan, data, cache_folder=cache, cache_min_bytes=0)
    fresh = load_store(plan, data)
    for store in (cached, fresh):
        assert store.observations == before.observations
        assert store.findings == before.findings
        assert store.withdrawn == []


def test_a_record_of_todays_format_loads_as_it_did(plan: Plan, data: Path) -> None:
    """A record written before --undo (8 columns, a quoted comma) is read row for row as
    withdrawals, and both figures are withdrawn."""
    shutil.copy(EIGHT_COLUMNS, data / WITHDRAWN_NAME)
    with EIGHT_COLUMNS.open(encoding="utf-8") as f:
        rows = [Withdrawal(*row) for row in list(csv.reader(f))[1:]]
    assert read_record(data) == (rows, [])
    store = load_store(plan, data)
    assert not store.errors
    assert [w for w, _ in store.withdrawn] == rows
    assert [o.text for _, o in store.withdrawn] == ["8710", "11315"]


def test_an_undo_in_a_record_of_todays_format_is_appended_under_its_header(
    run: Run, data: Path
) -> None:
    """Undoing a withdrawal of an 8-column record keeps its rows and header as they are;
    the figure counts again and the other stays withdrawn."""
    shutil.copy(EIGHT_COLUMNS, data / WITHDRAWN_NAME)
    undone = run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    assert undone.exit_code == 0
    assert (data / WITHDRAWN_NAME).read_bytes().startswith(EIGHT_COLUMNS.read_bytes())
    assert _lanshan_2019(run, data) == [11315]
    withdrawn = read_record(data)[0]
    assert [w.value for w in withdrawn] == ["8710"]


@pytest.mark.parametrize("ending", [b"", b"\r"])
def test_an_undo_after_a_last_row_saved_without_its_line_break_is_a_row_of_its_own(
    run: Run, data: Path, ending: bytes
) -> None:
    """A record hand-saved without its last line break (or with a lone CR): the undo's row
    starts a line of its own, the rows before it kept byte for byte and read as they were."""
    saved = EIGHT_COLUMNS.read_bytes().rstrip(b"\r\n") + ending
    (data / WITHDRAWN_NAME).write_bytes(saved)
    undone = run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    assert undone.exit_code == 0, undone.stderr
    record = (data / WITHDRAWN_NAME).read_bytes()
    assert record.startswith(saved)
    entries, bad = read_entries(data)
    assert bad == []
    assert [type(e).__name__ for e in entries] == ["Withdrawal", "Withdrawal", "Reinstatement"]
    assert _lanshan_2019(run, data) == [11315]
    assert [w.value for w in read_record(data)[0]] == ["8710"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "已于"), ("en", "was reinstated on")])
def test_undo_twice_is_refused_saying_it_was_reinstated(
    run: Run, data: Path, lang: str, said: str
) -> None:
    """A second --undo finds nothing withdrawn: exit 2, saying when it was reinstated;
    the record is unchanged."""
    _withdrawn(run, data)
    run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    before = (data / WITHDRAWN_NAME).read_bytes()
    again = run(*WITHDRAW, "--undo", "--reason", "x", "--data", str(data), "--lang", lang)
    assert again.exit_code == 2 and said in again.stderr and "误撤回" in again.stderr
    assert (data / WITHDRAWN_NAME).read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "恢复原因"), ("en", "why the figure is reinstated")]
)
def test_undo_without_a_reason_asks_why_it_is_reinstated(
    run: Run, data: Path, lang: str, said: str
) -> None:
    """--undo with an empty --reason is exit 2 asking why the figure is reinstated (not
    why it is withdrawn), and writes nothing."""
    _withdrawn(run, data)
    before = (data / WITHDRAWN_NAME).read_bytes()
    refused = run(*WITHDRAW, "--undo", "--reason", " ", "--data", str(data), "--lang", lang)
    assert refused.exit_code == 2 and said in refused.stderr
    assert "撤回原因" not in refused.stderr and "is withdrawn" not in refused.stderr
    assert (data / WITHDRAWN_NAME).read_bytes() == before


@pytest.mark.parametrize(("lang", "said"), [("zh", "没有已撤回的数字"), ("en", "is withdrawn")])
def test_undo_of_a_figure_never_withdrawn_is_refused(
    run: Run, data: Path, lang: str, said: str
) -> None:
    """--undo where nothing is withdrawn is exit 2 with a message naming the figure, and
    writes no record."""
    refused = run(*WITHDRAW, "--undo", "--reason", "x", "--data", str(data), "--lang", lang)
    assert refused.exit_code == 2 and said in refused.stderr
    assert "兰山区" in refused.stderr or "Lanshan" in refused.stderr
    assert not (data / WITHDRAWN_NAME).exists()


@pytest.mark.parametrize(("lang", "said"), [("zh", "此处已撤回的是"), ("en", "withdrawn there")])
def test_undo_of_another_value_names_what_is_withdrawn_there(
    run: Run, data: Path, lang: str, said: str
) -> None:
    """--undo --value 12000 where 11315 is withdrawn is exit 2 and names 11315 and its line."""
    _withdrawn(run, data)
    refused = run(
        *WITHDRAW,
        "--undo",
        "--value",
        "12000",
        "--reason",
        "x",
        "--data",
        str(data),
        "--lang",
        lang,
    )
    assert refused.exit_code == 2 and said in refused.stderr
    assert "11315" in refused.stderr and "lanshan.csv:6" in refused.stderr


@pytest.mark.parametrize(("lang", "said"), [("zh", "将恢复"), ("en", "Would reinstate")])
def test_undo_dry_run_writes_nothing(run: Run, data: Path, lang: str, said: str) -> None:
    """withdraw --undo --dry-run says what it would reinstate and leaves the record as it is."""
    _withdrawn(run, data)
    before = (data / WITHDRAWN_NAME).read_bytes()
    shown = run(
        *WITHDRAW, "--undo", "--dry-run", "--reason", "x", "--data", str(data), "--lang", lang
    )
    assert shown.exit_code == 0 and said in shown.stdout and "11315" in shown.stdout
    assert (data / WITHDRAWN_NAME).read_bytes() == before
    assert _lanshan_2019(run, data) == []


def test_a_figure_can_be_withdrawn_again_after_an_undo(run: Run, data: Path) -> None:
    """withdraw, undo, withdraw: the third row is written and the figure no longer counts."""
    _withdrawn(run, data)
    run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    again = run(*WITHDRAW, "--reason", "wrong after all", "--data", str(data), "--lang", "en")
    assert again.exit_code == 0 and "Withdrew" in again.stdout
    assert len(read_entries(data)[0]) == 3
    assert _lanshan_2019(run, data) == []


def _clash(tmp_path: Path) -> Path:
    """A data folder where two files give 兰山区's 2019 new jobs as 11300 and 13100."""
    folder = tmp_path / "clash"
    folder.mkdir()
    head = "指标,期间,地区,数值\n"
    (folder / "a.csv").write_text(head + "城镇新增就业人数,2019年,兰山区,11300\n", encoding="utf-8")
    (folder / "b.csv").write_text(head + "城镇新增就业人数,2019年,兰山区,13100\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("lang", "said"), [("zh", "再次冲突"), ("en", "in conflict again")])
def test_undo_of_a_figure_that_was_in_conflict_says_the_conflict_is_back(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """Reinstating 13100 beside 11300 says it is in conflict again with 11300 (a.csv:2),
    and status then refuses the folder as before the withdrawal."""
    data = _clash(tmp_path)
    args = ("emp.new_urban_jobs", "2019", "--region", "兰山区", "--data", str(data))
    run("withdraw", *args, "--value", "13100", "--reason", "r")
    assert run("status", "--data", str(data)).exit_code == 0
    undone = run("withdraw", *args, "--undo", "--reason", "r", "--lang", lang, width=300)
    assert undone.exit_code == 0 and said in undone.stdout
    assert "11300" in undone.stdout and "a.csv:2" in undone.stdout
    assert run("status", "--data", str(data)).exit_code == 1


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [("zh", "将与", "它与"), ("en", "would be in conflict again", "it is in conflict again")],
)
def test_a_dry_run_undo_says_the_conflict_would_come_back(
    run: Run, tmp_path: Path, lang: str, said: str, not_said: str
) -> None:
    """--undo --dry-run of a figure that was in conflict says it would be in conflict again,
    not that it is (nothing is written: status still reads the folder)."""
    data = _clash(tmp_path)
    args = ("emp.new_urban_jobs", "2019", "--region", "兰山区", "--data", str(data))
    run("withdraw", *args, "--value", "13100", "--reason", "r")
    dry = run("withdraw", *args, "--undo", "--dry-run", "--reason", "r", "--lang", lang, width=300)
    assert dry.exit_code == 0 and said in dry.stdout and not_said not in dry.stdout
    assert "11300" in dry.stdout and run("status", "--data", str(data)).exit_code == 0


def test_undo_of_a_figure_alone_says_no_conflict(plan: Plan, data: Path) -> None:
    """A reinstated figure no other figure contradicts is in conflict with nothing."""
    store = load_store(plan, data)
    record_withdrawal(
        data, plan_withdrawal(store, "emp.new_urban_jobs", "2019", "lanshan", reason="r").record
    )
    job = plan_reinstatement(
        load_store(plan, data), "emp.new_urban_jobs", "2019", "lanshan", reason="r"
    )
    assert job.clashes == []


def test_the_core_refuses_an_undo_of_nothing_withdrawn(plan: Plan, data: Path) -> None:
    """plan_reinstatement raises NothingToReinstate where no figure is withdrawn."""
    with pytest.raises(NothingToReinstate):
        plan_reinstatement(
            load_store(plan, data), "emp.new_urban_jobs", "2019", "lanshan", reason="r"
        )


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "若是误撤回，请恢复该数字"), ("en", "If it was withdrawn by mistake")]
)
def test_ingest_of_a_withdrawn_figure_says_how_to_reinstate_it(
    run: Run, data: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """ingest of the withdrawn value is refused with exit 1 (a data refusal), saying how
    to reinstate it and how to correct it, and writes nothing."""
    _withdrawn(run, data)
    sub = tmp_path / "t32.csv"
    sub.write_text("indicator,period,region,value\nemp.new_urban_jobs,2019,lanshan,11315\n")
    refused = run("ingest", str(sub), "--data", str(data), "--lang", lang, width=400)
    assert refused.exit_code == 1 and said in refused.stderr
    assert "--undo" in refused.stderr and "t32.csv:2" in refused.stderr
    assert not (data / "ingested").exists()


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "已无数据文件存有"), ("en", "no data file holds")]
)
def test_a_withdrawn_figure_whose_row_is_gone_is_refused_and_reinstated(
    run: Run, data: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """The withdrawal stays in force after the row it withdrew is deleted by hand (it names
    a figure, key and value, in any file): ingest of that figure again is refused, not
    written to be dropped in silence by the store; the command it gives reinstates the
    withdrawal (saying no file holds the figure now), and the figure ingested counts."""
    import shlex

    _withdrawn(run, data)
    lanshan = data / "regions" / "lanshan.csv"
    rows = lanshan.read_text("utf-8").splitlines(keepends=True)
    kept = [x for x in rows if not x.startswith("emp.new_urban_jobs,2019,lanshan,")]
    lanshan.write_text("".join(kept), encoding="utf-8")
    sub = tmp_path / "t32.csv"
    sub.write_text("indicator,period,region,value\nemp.new_urban_jobs,2019,lanshan,11315\n")
    refused = run("ingest", str(sub), "--data", str(data), "--lang", lang, width=400)
    assert refused.exit_code == 1 and "--undo" in refused.stderr, refused.stdout
    assert not (data / "ingested").exists()
    before, after = ("请恢复该数字：", "；") if lang == "zh" else ("reinstate it: ", ";")
    words = shlex.split(refused.stderr.split(before, 1)[1].split(after, 1)[0])
    assert words[:2] == ["linyi-tracker", "withdraw"] and "--undo" in words
    undone = run(*words[1:], "--lang", lang, width=400)
    assert undone.exit_code == 0 and said in undone.stdout, undone.stderr
    assert read_record(data)[0] == []
    assert run("ingest", str(sub), "--data", str(data)).exit_code == 0
    assert _lanshan_2019(run, data) == [11315]


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "已无数据文件存有"), ("en", "no data file holds")]
)
def test_undo_of_another_value_names_a_withdrawn_figure_no_file_holds(
    run: Run, data: Path, lang: str, said: str
) -> None:
    """--undo --value of a value not withdrawn, where the figure withdrawn there has lost
    its row: refused (exit 2), naming that figure and that no file holds it now."""
    _withdrawn(run, data)
    lanshan = data / "regions" / "lanshan.csv"
    rows = lanshan.read_text("utf-8").splitlines(keepends=True)
    kept = [x for x in rows if not x.startswith("emp.new_urban_jobs,2019,lanshan,")]
    lanshan.write_text("".join(kept), encoding="utf-8")
    undo = (*WITHDRAW, "--undo", "--value", "11316", "--reason", "x", "--data", str(data))
    refused = run(*undo, "--lang", lang, width=400)
    assert refused.exit_code == 2 and said in refused.stderr and "11315" in refused.stderr


def test_the_command_ingest_gives_reinstates_the_figure(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """The reinstating command in ingest's refusal runs as it stands; the figure then
    counts and the same ingest finds it already stored."""
    import shlex

    _withdrawn(run, data)
    sub = tmp_path / "t32.csv"
    sub.write_text("indicator,period,region,value\nemp.new_urban_jobs,2019,lanshan,11315\n")
    refused = run("ingest", str(sub), "--data", str(data), "--lang", "en", width=400)
    command = refused.stderr.split("reinstate it: ", 1)[1].split(";", 1)[0]
    words = shlex.split(command)
    assert words[:2] == ["linyi-tracker", "withdraw"]
    assert run(*words[1:]).exit_code == 0
    assert _lanshan_2019(run, data) == [11315]
    assert run("ingest", str(sub), "--data", str(data)).exit_code == 0


def test_the_command_ingest_gives_for_a_growth_figure_names_its_measure(
    run: Run, tmp_path: Path
) -> None:
    """A withdrawn growth figure given beside its level: ingest's reinstating command says
    --measure growth, and run as it stands it reinstates the growth figure, not the level."""
    import shlex

    data = tmp_path / "d"
    data.mkdir()
    rows = (
        "indicator,period,region,value,unit,measure\n" + "inc.urban_disposable,2019,,8.1,%,growth\n"
    )
    (data / "a.csv").write_text(rows + "inc.urban_disposable,2019,,38000,元,level\n")
    withdrawn = ("withdraw", "inc.urban_disposable", "2019", "--measure", "growth")
    assert run(*withdrawn, "--reason", "r", "--data", str(data)).exit_code == 0
    sub = tmp_path / "growth.csv"
    sub.write_text(rows)
    refused = run("ingest", str(sub), "--data", str(data), "--lang", "en", width=400)
    assert refused.exit_code == 1
    words = shlex.split(refused.stderr.split("reinstate it: ", 1)[1].split(";", 1)[0])
    assert words[words.index("--measure") + 1] == "growth"
    assert run(*words[1:]).exit_code == 0
    assert read_record(data)[0] == []
    assert run("ingest", str(sub), "--data", str(data)).exit_code == 0


def test_a_row_the_reader_cannot_read_is_kept_by_a_later_withdrawal(plan: Plan, data: Path) -> None:
    """A hand-edited row out of shape is not dropped when the next row is appended: it is
    kept byte for byte and still reported."""
    bad = b"emp.new_urban_jobs,2017,feixian,level,1,2026-12-06T10:00:00,typo, here,me\n"
    shutil.copy(EIGHT_COLUMNS, data / WITHDRAWN_NAME)
    with (data / WITHDRAWN_NAME).open("ab") as f:
        f.write(bad)
    store = load_store(plan, data)
    job = plan_withdrawal(store, "emp.new_urban_jobs", "2018", "lanshan", reason="r")
    record_withdrawal(data, job.record)
    assert bad in (data / WITHDRAWN_NAME).read_bytes()
    (error,) = load_store(plan, data).errors
    assert (error.code, error.line) == ("csv-syntax", 4)


def test_a_row_out_of_shape_is_reported_at_its_physical_line(plan: Plan, data: Path) -> None:
    """After a reason holding a line break, a bad row is named at the line it starts on."""
    record_withdrawal(
        data,
        Withdrawal(
            "emp.new_urban_jobs", "2019", "lanshan", "level", "11315", "t", "two\nlines", ""
        ),
    )
    with (data / WITHDRAWN_NAME).open("a", encoding="utf-8") as f:
        f.write("a,b,c\n")
    assert read_record(data)[1] == [(4, 3)]


def test_a_ninth_cell_that_is_not_reinstated_is_reported(plan: Plan, data: Path) -> None:
    """A nine-cell row whose last cell is not 'reinstated' (a stray comma, or a blank) is
    an error, not read as a withdrawal or its undoing."""
    shutil.copy(EIGHT_COLUMNS, data / WITHDRAWN_NAME)
    with (data / WITHDRAWN_NAME).open("a", encoding="utf-8") as f:
        f.write("emp.new_urban_jobs,2016,feixian,level,8710,2026-12-03T10:00:00,typo, here,\n")
    assert read_record(data)[1] == [(4, 9)]
    assert [w.value for w in read_record(data)[0]] == ["8710", "11315"]


KEYS = [("emp.new_urban_jobs", "2019", "lanshan", "level"), ("pop.resident", "2019", "", "level")]
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\r"), max_size=12)
ENTRY = st.builds(
    lambda undo, key, value, reason, by: (Reinstatement if undo else Withdrawal)(
        *key, value, "2026-12-07T06:00:00", reason, by
    ),
    st.booleans(),
    st.sampled_from(KEYS),
    st.sampled_from(["11315", "13100"]),
    TEXT,
    TEXT,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ENTRY, max_size=8))
def test_the_record_written_is_the_record_read_and_applied_in_order(
    entries: list[Withdrawal | Reinstatement],
) -> None:
    """Any rows appended (reasons and names with commas, quotes, line breaks) read back as
    written, and a figure is withdrawn exactly when its last row is a withdrawal."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        target = data / WITHDRAWN_NAME
        for entry in entries:
            with target.open("a", encoding="utf-8", newline="") as f:
                if f.tell() == 0:
                    f.write("indicator,period,region,measure,value,withdrawn_at,reason,by\n")
                csv.writer(f, lineterminator="\n").writerow(entry.cells())
        assert read_entries(data) == (entries, [])
    last: dict[object, Withdrawal | Reinstatement] = {}
    for entry in entries:
        last[(entry.key, entry.value)] = entry
    withdrawn = {k for k, e in last.items() if isinstance(e, Withdrawal)}
    assert {(w.key, w.value) for w in in_force(entries)} == withdrawn


def _saved_by_excel_in_gbk(data: Path) -> None:
    """The 8-column record, saved again in GBK (Excel's Chinese default)."""
    text = EIGHT_COLUMNS.read_text(encoding="utf-8")
    (data / WITHDRAWN_NAME).write_bytes(text.encode("gbk"))


def test_a_record_saved_in_gbk_is_read(plan: Plan, data: Path) -> None:
    """A record saved again in GBK is read as data files are (GB18030), not a crash: both
    figures stay withdrawn, the reason read as written."""
    _saved_by_excel_in_gbk(data)
    store = load_store(plan, data)
    assert not store.errors
    assert [(w.value, w.reason) for w, _ in store.withdrawn] == [
        ("8710", "误填"),
        ("11315", "typed, twice"),
    ]


def test_an_undo_added_to_a_gbk_record_keeps_it_readable(run: Run, data: Path) -> None:
    """A row added to a GBK record is written in GB18030 too: the record stays one
    encoding, every row read, the undone figure counting again."""
    _saved_by_excel_in_gbk(data)
    undone = run(*WITHDRAW, "--undo", "--reason", "误撤回", "--data", str(data))
    assert undone.exit_code == 0
    entries, bad = read_entries(data)
    assert bad == [] and entries[-1].reason == "误撤回"
    assert _lanshan_2019(run, data) == [11315]


def test_a_row_no_encoding_reads_is_reported_not_guessed(plan: Plan, data: Path) -> None:
    """Bytes neither UTF-8 nor GB18030 reads are an error at their row; the other rows apply."""
    raw = EIGHT_COLUMNS.read_bytes() + b"emp.new_urban_jobs,2018,lanshan,level,1,t,\xff\xfe,\n"
    (data / WITHDRAWN_NAME).write_bytes(raw)
    withdrawn, bad = read_record(data)
    assert bad == [(4, 8)]
    assert [w.value for w in withdrawn] == ["8710", "11315"]


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "个已撤回的数字符合"), ("en", "withdrawn figures")]
)
def test_undo_where_both_figures_in_conflict_are_withdrawn_asks_which(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    """With 11300 and 13100 both withdrawn, --undo without --value lists both (exit 2) and
    writes nothing; --value 13100 reinstates that one alone."""
    data = _clash(tmp_path)
    args = ("emp.new_urban_jobs", "2019", "--region", "兰山区", "--data", str(data))
    run("withdraw", *args, "--value", "13100", "--reason", "r")
    run("withdraw", *args, "--value", "11300", "--reason", "r")
    before = (data / WITHDRAWN_NAME).read_bytes()
    refused = run("withdraw", *args, "--undo", "--reason", "r", "--lang", lang, width=300)
    assert refused.exit_code == 2 and said in refused.stderr
    assert "11300" in refused.stderr and "13100" in refused.stderr
    assert (data / WITHDRAWN_NAME).read_bytes() == before
    assert run("withdraw", *args, "--undo", "--value", "13100", "--reason", "r").exit_code == 0
    assert [w.value for w in read_record(data)[0]] == ["11300"]


def test_undo_with_measure_reinstates_the_growth_figure(plan: Plan, tmp_path: Path) -> None:
    """--measure growth reinstates the withdrawn growth figure, the level staying withdrawn."""
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.csv").write_text(
        "indicator,period,region,value,unit,measure\n"
        "inc.urban_disposable,2019,,38000,元,level\n"
        "inc.urban_disposable,2019,,8.1,%,growth\n",
        encoding="utf-8",
    )
    for measure in ("level", "growth"):
        store = load_store(plan, data)
        job = plan_withdrawal(
            store, "inc.urban_disposable", "2019", "linyi", reason="r", measure=measure
        )
        record_withdrawal(data, job.record)
    undo = plan_reinstatement(
        load_store(plan, data),
        "inc.urban_disposable",
        "2019",
        "linyi",
        reason="r",
        measure="growth",
    )
    assert (undo.record.measure, undo.record.value) == ("growth", "8.1")
    record_reinstatement(data, undo.record)
    assert [w.measure for w in read_record(data)[0]] == ["level"]


def test_a_refused_submission_against_a_sound_folder_gives_no_validate_tip(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """The refusal of a withdrawn figure ends with what to do, not a tip to validate the
    folder (which holds no error: validating it would find nothing)."""
    _withdrawn(run, data)
    sub = tmp_path / "t32.csv"
    sub.write_text("indicator,period,region,value\nemp.new_urban_jobs,2019,lanshan,11315\n")
    refused = run("ingest", str(sub), "--data", str(data), "--lang", "en", width=400)
    assert refused.exit_code == 1 and "validate" not in refused.stderr.split("--undo")[-1]
    assert "tip:" not in refused.stderr


def test_the_core_chooses_among_withdrawals_no_file_holds(plan: Plan, data: Path) -> None:
    """Two values withdrawn for one figure whose rows are gone: without --value the undo
    asks which (each named as held by no file); with it, that one is reinstated alone."""
    lanshan = data / "regions" / "lanshan.csv"
    rows = lanshan.read_text("utf-8").splitlines(keepends=True)
    kept = [x for x in rows if not x.startswith("emp.new_urban_jobs,2019,lanshan,")]
    lanshan.write_text("".join(kept), encoding="utf-8")
    key = ("emp.new_urban_jobs", "2019", "lanshan", "level")
    for value in ("11315", "11316"):
        record_withdrawal(data, Withdrawal(*key, value, "2020-01-01T00:00:00", "r", ""))
    named = ("emp.new_urban_jobs", "2019", "lanshan")
    with pytest.raises(SeveralFigures) as asked:
        plan_reinstatement(load_store(plan, data), *named, reason="x")
    said = asked.value.texts[0].render("en")
    assert "11315 (no data file holds it now)" in said and "11316 (no data" in said
    job = plan_reinstatement(load_store(plan, data), *named, reason="x", value="11316")
    assert job.figure is None and job.record.value == "11316" and job.clashes == []
    record_reinstatement(data, job.record)
    assert [w.value for w in read_record(data)[0]] == ["11315"]
