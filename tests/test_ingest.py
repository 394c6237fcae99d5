"""ingest: validated figures into the data folder; nothing lost, nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PLAN_FILE, Result
from linyi_tracker.actuals.store import load_store
from linyi_tracker.errors import TrackerError
from linyi_tracker.intake.ingest import STEPS, IngestError, plan_ingest
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
HEADER = "indicator,period,region,value,unit,source,note,as_of\n"


def state(plan: Plan, folder: Path) -> set[tuple[str, str, str, str]]:
    """What the store holds: (indicator, period, region, value) of every current figure."""
    store = load_store(plan, folder)
    assert store.errors == []
    return {(o.indicator, o.period.text, o.region, o.text) for o in store.observations}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "old.csv").write_text(
        HEADER + "emp.new_urban_jobs,2016,lanshan,9800,人,county,,\n", encoding="utf-8"
    )
    return folder


def submission(tmp_path: Path, *rows: str, name: str = "sub.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_ingest_adds_new_figures(run: Run, plan: Plan, store: Path, tmp_path: Path) -> None:
    """New figures land in one new file under ingested/, named from plan ids."""
    sub = submission(
        tmp_path,
        "emp.new_urban_jobs,2016,河东区,8800,人,county,,",
        "emp.new_urban_jobs,2016,lanshan,9800,,c,,",
    )
    r = run("ingest", sub, "--data", str(store))
    assert r.exit_code == 0 and "Wrote 1 figure" in r.stdout and "1 already stored" in r.stdout
    (written,) = (store / "ingested").iterdir()
    assert written.name.endswith("_hedong_2016.csv")
    assert ("emp.new_urban_jobs", "2016", "hedong", "8800") in state(plan, store)


def test_ingest_refuses_a_file_with_errors(
    run: Run, plan: Plan, store: Path, tmp_path: Path
) -> None:
    """One bad row: nothing is written, exit 1, the store is untouched."""
    before = sorted(p.name for p in store.rglob("*"))
    sub = submission(
        tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,", "emp.new_jobs,2016,yinan,1,人,c,,"
    )
    r = run("ingest", sub, "--data", str(store))
    assert r.exit_code == 1 and "Nothing was written" in r.stderr
    assert sorted(p.name for p in store.rglob("*")) == before


def test_ingest_never_overwrites_silently(
    run: Run, plan: Plan, store: Path, tmp_path: Path
) -> None:
    """A different figure for a stored key is refused, naming both."""
    before = state(plan, store)
    r = run(
        "ingest",
        submission(tmp_path, "emp.new_urban_jobs,2016,lanshan,9900,人,c,,"),
        "--data",
        str(store),
    )
    assert r.exit_code == 1 and "conflicts-with-store" in r.stdout and "old.csv:2" in r.stdout
    assert state(plan, store) == before


def test_revise_keeps_the_old_figure_and_shows_the_new(
    run: Run, plan: Plan, store: Path, tmp_path: Path
) -> None:
    """--revise records the new figure with an as_of; the old stays; status marks it revised."""
    r = run(
        "ingest",
        submission(tmp_path, "emp.new_urban_jobs,2016,lanshan,9900,人,c,,"),
        "--data",
        str(store),
        "--revise",
    )
    assert r.exit_code == 0 and "1 revision" in r.stdout
    loaded = load_store(plan, store)
    (current,) = [
        o
        for o in loaded.observations
        if o.key == ("emp.new_urban_jobs", "2016", "lanshan", "level")
    ]
    assert current.text == "9900" and current.as_of is not None
    assert [o.text for o in loaded.revisions[current.key]] == ["9800"]
    shown = run(
        "status", "--data", str(store), "--region", "lanshan", "--format", "json", "--as-of", "2016"
    )
    import json

    jobs = next(
        t for t in json.loads(shown.stdout)["targets"] if t["indicator"] == "emp.new_urban_jobs"
    )
    assert jobs["actual"] == 9900 and jobs["revised"] is True


def test_dry_run_writes_nothing(run: Run, store: Path, tmp_path: Path) -> None:
    """--dry-run lists what would be written and leaves the folder as it was."""
    r = run(
        "ingest",
        submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,"),
        "--data",
        str(store),
        "--dry-run",
    )
    assert r.exit_code == 0 and "Would write 1 figure" in r.stdout
    assert not (store / "ingested").exists()


def test_ingest_needs_a_data_folder(run: Run, tmp_path: Path) -> None:
    """Without --data (or ./data/actuals) the embedded copy is read-only: exit 2."""
    r = run("ingest", submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,"))
    assert r.exit_code == 2 and "no data folder to write to" in r.stderr


def test_nothing_in_a_submission_can_name_a_file(run: Run, store: Path, tmp_path: Path) -> None:
    """Paths in cells are just unknown ids: refused, and nothing is written anywhere."""
    everything_before = sorted(str(p) for p in tmp_path.rglob("*"))
    sub = submission(
        tmp_path, "../../evil,2016,../../../etc,1,人,c,,", "emp.new_urban_jobs,2016,/tmp/x,1,人,c,,"
    )
    everything_before.append(sub)
    r = run("ingest", sub, "--data", str(store))
    assert r.exit_code == 1
    assert sorted(str(p) for p in tmp_path.rglob("*")) == sorted(everything_before)


def test_file_names_come_only_from_plan_ids(plan: Plan, store: Path) -> None:
    """An observation whose region is not a plan id can never become a file name."""
    good = load_store(plan, store).observations[0]
    evil = good._replace(region="../../etc")
    with pytest.raises(IngestError):
        plan_ingest(plan, [evil._replace(indicator="emp.new_urban_jobs")], {}, store, revise=False)
    assert issubclass(IngestError, TrackerError)


# A child process that runs the command line with ingest.CHECKPOINT replaced: at the
# step named by its first argument it kills itself with SIGKILL (no clean-up runs).
KILL_AT = """
import os, signal, sys
from linyi_tracker.intake import ingest
step = sys.argv.pop(1)
def kill(at):
    if at == step:
        os.kill(os.getpid(), signal.SIGKILL)
ingest.CHECKPOINT = kill
from linyi_tracker.cli.app import main
sys.argv[0] = "linyi-tracker"
main()
"""

# Where the store stands after a kill at each step of the write: the old store until the
# final name exists, the new one from then on.
AFTER_A_KILL_AT = {
    "locking": "before",
    "locked": "before",
    "temp-created": "before",
    "temp-written": "before",
    "temp-synced": "before",
    "linked": "after",
    "temp-removed": "after",
    "folder-synced": "after",
}


def killed_at(step: str, sub: str, folder: Path) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-c", KILL_AT, step, "ingest", sub, "--data", str(folder)]
    cmd += ["--plan", str(PLAN_FILE)]
    return subprocess.run(
        cmd, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, timeout=120
    )


@pytest.fixture
def kill_store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "old.csv").write_text(
        HEADER + "emp.new_urban_jobs,2016,lanshan,9800,人,c,,\n", encoding="utf-8"
    )
    return folder


KILL_ROWS = (
    "emp.new_urban_jobs,2016,hedong,8800,人,c,,",
    "emp.new_urban_jobs,2017,yinan,7100,人,c,,",
)


def test_every_step_of_a_write_is_checked_for_kills() -> None:
    """The kill test covers exactly the steps the write goes through, no fewer."""
    assert tuple(AFTER_A_KILL_AT) == STEPS


@pytest.mark.parametrize("step", STEPS)
def test_killed_ingest_leaves_the_store_before_or_after(
    step: str, plan: Plan, kill_store: Path, tmp_path: Path
) -> None:
    """SIGKILL at each step of the write: the store is exactly the old one or the new one."""
    before = state(plan, kill_store)
    expected = {
        "before": before,
        "after": before
        | {
            ("emp.new_urban_jobs", "2016", "hedong", "8800"),
            ("emp.new_urban_jobs", "2017", "yinan", "7100"),
        },
    }[AFTER_A_KILL_AT[step]]
    done = killed_at(step, submission(tmp_path, *KILL_ROWS), kill_store)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert state(plan, kill_store) == expected


def test_a_file_already_in_the_store_is_not_ingested_again(run: Run, store: Path) -> None:
    """Ingesting a file from inside the data folder is refused (its rows would be stored twice)."""
    r = run("ingest", str(store / "old.csv"), "--data", str(store))
    assert r.exit_code == 2 and "already in the data folder" in r.stderr
    assert not (store / "ingested").exists()


def test_the_whole_workflow_template_fill_validate_ingest_status(run: Run, tmp_path: Path) -> None:
    """An analyst's month: a template for a county, filled, validated, ingested, then seen in status."""
    import csv
    import io
    import json

    store_dir = tmp_path / "data" / "actuals"
    store_dir.mkdir(parents=True)
    r = run("template", "--period", "2016", "--region", "兰山区")
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    jobs = next(row for row in rows if row["indicator"] == "emp.new_urban_jobs")
    for row in rows:
        row["value"] = "92.5" if row["unit"] == "%" else "7100"
        if row["indicator"] == "edu.balanced_counties":  # a county's milestone: done or not
            row["value"] = "是"
    jobs["value"] = "9,800"  # as a clerk types it
    jobs["source"] = "兰山区人社局"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    filled = tmp_path / "兰山区-2016.csv"
    filled.write_bytes(out.getvalue().encode("gbk"))  # saved by Excel in a Chinese locale

    assert run("validate", str(filled), "--no-store").exit_code == 0
    r = run("ingest", str(filled))  # ./data/actuals in the working directory is the store
    assert r.exit_code == 0 and f"Wrote {len(rows)} figures" in r.stdout

    status = json.loads(
        run("status", "--region", "lanshan", "--format", "json", "--as-of", "2016").stdout
    )
    lanshan_jobs = next(t for t in status["targets"] if t["indicator"] == "emp.new_urban_jobs")
    assert lanshan_jobs["actual"] == 9800 and lanshan_jobs["actual_period"] == "2016"
    shown = run(
        "show", "emp.new_urban_jobs", "--region", "lanshan", "--format", "json", "--as-of", "2016"
    )
    assert json.loads(shown.stdout)["series"][0]["source"] == "兰山区人社局"


def test_a_failed_write_leaves_the_store_unchanged(
    run: Run, plan: Plan, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final link fails (disk full, permissions), exit 2, say so, and leave no file behind."""
    before = sorted(p.name for p in store.rglob("*"))

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", refuse)
    r = run(
        "ingest",
        submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,"),
        "--data",
        str(store),
    )
    assert r.exit_code == 2
    assert "No space left on device" in r.stderr and "the data folder is unchanged" in r.stderr
    assert sorted(p.name for p in store.rglob("*") if p.is_file()) == sorted(
        [*(n for n in before if n.endswith(".csv")), ".linyi-tracker.lock"]
    )  # the lock's file stays (hidden: the store never reads it)
    assert not (store / "ingested").exists()  # created for the write, removed when it failed


def test_the_next_ingest_after_a_kill_completes_and_cleans_up(
    run: Run, plan: Plan, kill_store: Path, tmp_path: Path
) -> None:
    """A temporary left by a killed ingest is removed by the next ingest, which writes the figures."""
    sub = submission(tmp_path, *KILL_ROWS)
    assert killed_at("temp-synced", sub, kill_store).returncode == -signal.SIGKILL
    assert list((kill_store / "ingested").glob(".tmp-*"))
    r = run("ingest", sub, "--data", str(kill_store))
    assert r.exit_code == 0 and "Wrote 2 figures" in r.stdout
    assert not list((kill_store / "ingested").glob(".tmp-*"))
    assert ("emp.new_urban_jobs", "2016", "hedong", "8800") in state(plan, kill_store)


# A child that runs the command line and, at the step named by its first argument,
# touches the file named by its second, then waits (at most 120 s) for the file named by
# its third to exist ("-": does not wait). Two ingests are made to meet at chosen steps.
PAUSE_AT = """
import sys, time
from pathlib import Path
from linyi_tracker.intake import ingest
step, ready, go = sys.argv[1:4]
del sys.argv[1:4]
def pause(at):
    if at == step:
        Path(ready).touch()
        for _ in range(2400):
            if go == "-" or Path(go).exists():
                return
            time.sleep(0.05)
ingest.CHECKPOINT = pause
from linyi_tracker.cli.app import main
sys.argv[0] = "linyi-tracker"
main()
"""


def ingest_process(sub: str, folder: Path, *pause: str) -> subprocess.Popen[bytes]:
    """An ingest in a child process, paused as PAUSE_AT says (step, ready, go) if given."""
    cmd = [sys.executable, "-c", PAUSE_AT, *(pause or ("-", "-", "-"))]
    cmd += ["ingest", sub, "--data", str(folder), "--plan", str(PLAN_FILE)]
    return subprocess.Popen(
        cmd, env={**os.environ, "NO_COLOR": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def wait_for(path: Path, proc: subprocess.Popen[bytes]) -> None:
    """Until ``path`` exists (the child reached its step); fails if the child ended first."""
    for _ in range(2400):  # up to 120 s: a busy machine starts Python slowly
        if path.exists():
            return
        if proc.poll() is not None:
            pytest.fail(f"the ingest ended before its step: {finish(proc)[2]}")
        time.sleep(0.05)
    pytest.fail("the ingest never reached its step")


def stored_rows(folder: Path) -> dict[tuple[str, str, str], list[str]]:
    """Every value written for each key, over every data file in the folder (duplicates kept)."""
    import csv

    rows: dict[tuple[str, str, str], list[str]] = {}
    for path in sorted(folder.rglob("*.csv")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["indicator"], row["period"], row["region"])
                rows.setdefault(key, []).append(row["value"])
    return rows


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of a child once it has ended."""
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out.decode(), err.decode()


def race(
    first: str, second: str, folder: Path, tmp_path: Path
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """The second ingest reads the store and validates while the first holds the lock, not
    yet written; then waits for the lock, which the first releases after writing."""
    held, waiting, go = tmp_path / "held", tmp_path / "waiting", tmp_path / "go"
    a = ingest_process(first, folder, "locked", str(held), str(go))
    wait_for(held, a)
    b = ingest_process(second, folder, "locking", str(waiting), "-")
    wait_for(waiting, b)
    go.touch()
    return finish(a), finish(b)


def test_two_ingests_of_one_file_at_once_store_it_once(kill_store: Path, tmp_path: Path) -> None:
    """The second of two simultaneous ingests re-reads the store under the lock and writes nothing."""
    sub = submission(tmp_path, *KILL_ROWS)
    a, b = race(sub, sub, kill_store, tmp_path)
    assert a[0] == 0 and "Wrote 2 figures" in a[1]
    assert b[0] == 0 and "all already stored" in b[1]
    assert len(list((kill_store / "ingested").glob("*.csv"))) == 1
    assert all(len(values) == 1 for values in stored_rows(kill_store).values())


def test_two_ingests_of_conflicting_figures_at_once_store_one(
    kill_store: Path, tmp_path: Path
) -> None:
    """Of two simultaneous ingests with different values for one figure, the second is refused (exit 1)."""
    first = submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,", name="a.csv")
    second = submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8900,人,c,,", name="b.csv")
    a, b = race(first, second, kill_store, tmp_path)
    assert a[0] == 0 and b[0] == 1
    refusal = b[2]
    assert "8900 would replace the stored 8800" in refusal and "--revise" in refusal
    assert stored_rows(kill_store)[("emp.new_urban_jobs", "2016", "hedong")] == ["8800"]


@pytest.mark.parametrize("conflicting", [False, True])
def test_two_ingests_started_together_store_each_figure_once(
    conflicting: bool, plan: Plan, kill_store: Path, tmp_path: Path
) -> None:
    """Two ingests started at the same moment, three times: whatever the timing, each figure once."""
    first = submission(tmp_path, *KILL_ROWS, name="a.csv")
    second = submission(
        tmp_path, KILL_ROWS[0].replace("8800", "8900" if conflicting else "8800"), name="b.csv"
    )
    for _ in range(3):
        procs = [ingest_process(first, kill_store), ingest_process(second, kill_store)]
        codes = sorted(finish(p)[0] for p in procs)
        assert codes == ([0, 1] if conflicting else [0, 0])
        rows = stored_rows(kill_store)
        assert all(len(values) == 1 for values in rows.values())
        assert state(plan, kill_store)  # the folder is usable: no conflict in it
        for written in (kill_store / "ingested").glob("*.csv"):
            written.unlink()


def test_a_file_with_a_header_and_no_rows_says_so(run: Run, store: Path) -> None:
    """A header-only submission: 'the files hold no figures', not 'all already stored'."""
    from conftest import FIXTURES

    r = run("ingest", str(FIXTURES / "hostile" / "header-only.csv"), "--data", str(store))
    assert r.exit_code == 0 and "the files hold no figures" in r.stdout
    assert "already stored" not in r.stdout and not (store / "ingested").exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "another ingest into {store}"), ("zh", "另一个导入已向 {store} 写入了")],
)
def test_an_ingest_waits_for_the_lock_and_gives_up_with_a_message(
    run: Run,
    plan: Plan,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    said: str,
) -> None:
    """While another process holds the data folder's lock, an ingest waits, then exits 2
    naming the folder, in the reader's language (the core raises the text, the command
    line renders it: the core used to pick the language itself)."""
    from filelock import FileLock

    from linyi_tracker.intake import ingest

    monkeypatch.setattr(ingest, "LOCK_TIMEOUT_SECONDS", 0.2)
    before = state(plan, store)
    with FileLock(store / ingest.LOCK_NAME):
        r = run(
            "ingest",
            submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,"),
            "--data",
            str(store),
            "--lang",
            lang,
            width=400,
        )
    assert r.exit_code == 2 and said.format(store=store) in r.stderr
    assert state(plan, store) == before


def test_a_second_revision_with_the_same_as_of_is_refused(
    run: Run, plan: Plan, store: Path, tmp_path: Path
) -> None:
    """Two --revise of one figure on one day: the second is refused (exit 1), the folder stays usable."""
    first = submission(tmp_path, "emp.new_urban_jobs,2016,lanshan,9900,人,c,,", name="a.csv")
    second = submission(tmp_path, "emp.new_urban_jobs,2016,lanshan,9950,人,c,,", name="b.csv")
    assert run("ingest", first, "--data", str(store), "--revise").exit_code == 0
    r = run("ingest", second, "--data", str(store), "--revise", width=400)
    assert r.exit_code == 1 and "conflicts-with-store" in r.stderr and "9900 is stored" in r.stderr
    assert "needs an 'as_of' later than the stored one's" in r.stderr
    assert ("emp.new_urban_jobs", "2016", "lanshan", "9900") in state(plan, store)


def test_a_data_folder_that_cannot_be_created_is_one_line_and_exit_2(
    run: Run, tmp_path: Path
) -> None:
    """A data folder name too long for the file system: a one-line message, exit 2, no traceback."""
    sub = submission(tmp_path, "emp.new_urban_jobs,2016,hedong,8800,人,c,,")
    r = run("ingest", sub, "--data", str(tmp_path / ("y" * 300)), width=1000)
    assert r.exit_code == 2 and "cannot create the data folder" in r.stderr
