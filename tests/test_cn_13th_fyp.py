"""The second real plan shipped as an example: China's 13th Five-Year Plan main indicators
(examples/plans/cn-13th-fyp.yaml) with published 2016–2020 figures, checked end to end and
against assessments worked out by hand from the cited figures."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO, Result

Run = Callable[..., Result]
PLAN = REPO / "examples" / "plans" / "cn-13th-fyp.yaml"
DATA = REPO / "examples" / "plans" / "cn-13th-fyp"
FILES = sorted(DATA.glob("*.csv"))


def _status(run: Run, as_of: str, data: Path = DATA) -> dict[str, dict[str, object]]:
    """The `status --format json` targets by id."""
    r = run(
        "status", "--plan", str(PLAN), "--data", str(data), "--as-of", as_of, "--format", "json"
    )
    assert r.exit_code == 0
    return {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}


def test_plan_check_is_clean(run: Run) -> None:
    """`plan check` passes the shipped plan with no finding at all."""
    r = run("plan", "check", "--plan", str(PLAN), "--lang", "en")
    assert r.exit_code == 0
    assert "The plan is valid" in r.stdout and "warning" not in (r.stdout + r.stderr).lower()


def test_figures_validate_without_errors_or_warnings(run: Run) -> None:
    """Every shipped figure file validates against the plan with no error and no warning."""
    r = run("validate", "--plan", str(PLAN), "--no-store", "--format", "json", *map(str, FILES))
    assert r.exit_code == 0
    summary = json.loads(r.stdout)["summary"]
    assert summary.get("error", 0) == 0 and summary.get("warning", 0) == 0


def test_every_figure_row_cites_an_address_and_its_sentence() -> None:
    """Each figure row names the whole web address (with its scheme) it was read from and
    quotes the sentence."""
    for path in FILES:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                address = row["source"].split(" ")[0]
                assert re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}/\S*", address), (
                    path.name,
                    row,
                )
                assert row["note"].strip(), (path.name, row)


def test_every_web_address_in_the_plan_is_a_whole_url() -> None:
    """No address in the plan file (sources, notes, baselines) lacks its http(s):// scheme."""
    text = PLAN.read_text(encoding="utf-8")
    hosts = re.finditer(r"(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|cc|us|org|gov)/", text)
    found = [m for m in hosts]
    assert found
    for m in found:
        assert text[: m.start()].endswith(("http://", "https://")), text[m.start() : m.end() + 40]


def test_gdp_growth_worked_by_hand(run: Run) -> None:
    """GDP growth 2016–2020 chained from the communiqués' 比上年增长 rates averages 5.71 % a
    year, short of "6.5 % or more": missed."""
    # R(2020) = 1.067 × 1.069 × 1.066 × 1.061 × 1.023
    #         = 1.140623 × 1.066 = 1.215904118
    #         × 1.061 = 1.290074269… × 1.023 = 1.319745977…
    # average growth = R^(1/5) − 1: ln R = 0.27744, / 5 = 0.055488, e^0.055488 = 1.057056
    #                = 5.7056 % a year; achievement = 5.7056 / 6.5 = 0.8778
    relative = Decimal("1.067") * Decimal("1.069") * Decimal("1.066") * Decimal("1.061")
    relative *= Decimal("1.023")
    assert relative.quantize(Decimal("0.000001")) == Decimal("1.319746")
    expected = (float(relative) ** (1 / 5) - 1) * 100  # 5.7056…
    gdp = _status(run, "2020")["econ.gdp.growth"]
    assert gdp["actual"] == pytest.approx(expected, abs=1e-5)
    assert gdp["actual"] == pytest.approx(5.7056, abs=1e-4)
    assert gdp["achievement"] == pytest.approx(expected / 6.5, abs=1e-5)
    assert gdp["status"] == "missed"


def test_energy_intensity_change_worked_by_hand(run: Run) -> None:
    """Energy use per unit of GDP, down 5.0 %, 3.7 % and 3.1 % in 2016–2018, has fallen
    11.35 % by 2018 against 15 % due by 2020, ahead of the required pace: on track."""
    # R(2018) = 0.950 × 0.963 × 0.969 = 0.91485 × 0.969 = 0.88648965 → C = −11.351035 %
    # achievement = 11.351035 / 15 = 0.756736
    # pace = (0.88648965^(1/3) − 1) / (0.85^(1/5) − 1) = (−0.039366) / (−0.031981) = 1.2309
    energy = _status(run, "2018")["env.energy_intensity.2020"]
    assert Decimal(str(energy["actual"])) == Decimal("-11.351035")
    assert energy["achievement"] == pytest.approx(11.351035 / 15, abs=1e-6)
    assert energy["pace"] == pytest.approx(
        (0.88648965 ** (1 / 3) - 1) / (0.85 ** (1 / 5) - 1), abs=1e-5
    )
    assert energy["status"] == "on_track"


def test_energy_intensity_without_the_2019_figure_is_insufficient(run: Run) -> None:
    """No stored text gave the 2019 fall, so in 2020 the chain is broken: insufficient
    data naming 2019, never a change computed across the gap."""
    energy = _status(run, "2020")["env.energy_intensity.2020"]
    assert energy["status"] == "insufficient_data" and energy["actual"] is None
    assert energy["reasons"] == ["missing-link"] and energy["missing_years"] == [2019]


def test_binding_air_quality_level_worked_by_hand(run: Run) -> None:
    """The binding share of good-air days, 87.0 % in 2020 against "more than 80 %", is
    achieved: 87.0 / 80 = 1.0875."""
    air = _status(run, "2020")["env.air_good_days.2020"]
    assert air["binding"] is True
    assert Decimal(str(air["actual"])) == Decimal("87.0")
    assert air["achievement"] == pytest.approx(87.0 / 80, abs=1e-6)
    assert air["status"] == "achieved"


def test_new_urban_jobs_cumulative_worked_by_hand(run: Run) -> None:
    """New urban jobs 2016–2020 add up to the 65.64 million the NDRC reports, above the
    "50 million or more" due by 2020: achieved."""
    # 1314 + 1351 + 1361 + 1352 + 1186 = 6564 (万人); achievement = 6564 / 5000 = 1.3128
    jobs = _status(run, "2020")["emp.new_urban_jobs.2016_2020"]
    assert Decimal(str(jobs["actual"])) == Decimal(1314 + 1351 + 1361 + 1352 + 1186) == 6564
    assert jobs["achievement"] == pytest.approx(6564 / 5000, abs=1e-6)
    assert jobs["status"] == "achieved"


def test_non_fossil_share_2020_outturn_is_achieved(run: Run) -> None:
    """The 2020 non-fossil share of 15.9 % meets "15 % by 2020": achieved, 15.9 / 15 = 1.06."""
    share = _status(run, "2020")["env.non_fossil_share.2020"]
    assert Decimal(str(share["actual"])) == Decimal("15.9") and share["actual_period"] == "2020"
    assert share["achievement"] == pytest.approx(15.9 / 15, abs=1e-6)
    assert share["status"] == "achieved"


def test_registered_urbanisation_2020_census_figure_is_about_45(run: Run) -> None:
    """The census-communiqué 45.4 % is "about 45 %": achieved within the 5 % tolerance."""
    # |45.4 − 45| / 45 = 0.0089 ≤ 0.05; achievement = 45.4 / 45 = 1.008889
    # progress from the first figure (2017: 42.35) = (45.4 − 42.35) / (45 − 42.35)
    #          = 3.05 / 2.65 = 1.150943
    reg = _status(run, "2020")["urb.registered_rate.2020"]
    assert Decimal(str(reg["actual"])) == Decimal("45.4") and reg["actual_period"] == "2020"
    assert reg["achievement"] == pytest.approx(45.4 / 45, abs=1e-6)
    assert reg["progress"] == pytest.approx(3.05 / 2.65, abs=1e-6)
    assert reg["status"] == "achieved"


def test_rd_intensity_2016_2017_figures_are_off_track_in_2017(run: Run) -> None:
    """R&D intensity 2.11 % (2016) to 2.12 % (2017) moves 0.01 of the 0.39 points still
    needed for 2.5 % while a quarter of the time has gone: off track in 2017."""
    # starting point 2016: 2.11; progress = (2.12 − 2.11) / (2.5 − 2.11) = 0.01 / 0.39 = 0.025641
    # time elapsed (2016 → 2020) = 1 / 4 = 0.25; vs. schedule = 0.025641 − 0.25 = −0.224359
    # achievement = 2.12 / 2.5 = 0.848
    rd = _status(run, "2017")["sci.rd_intensity.2020"]
    assert Decimal(str(rd["actual"])) == Decimal("2.12") and rd["actual_period"] == "2017"
    assert rd["achievement"] == pytest.approx(2.12 / 2.5, abs=1e-6)
    assert rd["progress"] == pytest.approx(0.01 / 0.39, abs=1e-6)
    assert rd["schedule_gap"] == pytest.approx(0.01 / 0.39 - 0.25, abs=1e-6)
    assert rd["status"] == "off_track"


def test_good_air_days_2016_2017_2019_figures_are_read(run: Run) -> None:
    """Good-air days of 78.8 % (2016) and 78.0 % (2017) are read against the 76.7 % base (on
    track in 2017), and 82.0 % in 2019 already exceeds "more than 80 %"."""
    # 2017: progress = (78.0 − 76.7) / (80 − 76.7) = 1.3 / 3.3 = 0.393939;
    #       time elapsed (2015 → 2020) = 2 / 5 = 0.4; vs. schedule = −0.006061
    # 2019: achievement = 82.0 / 80 = 1.025; progress = 5.3 / 3.3 = 1.606061
    air_2017 = _status(run, "2017")["env.air_good_days.2020"]
    assert Decimal(str(air_2017["actual"])) == Decimal("78.0")
    assert air_2017["progress"] == pytest.approx(1.3 / 3.3, abs=1e-6)
    assert air_2017["schedule_gap"] == pytest.approx(1.3 / 3.3 - 0.4, abs=1e-6)
    assert air_2017["status"] == "on_track"
    air_2019 = _status(run, "2019")["env.air_good_days.2020"]
    assert Decimal(str(air_2019["actual"])) == Decimal("82.0")
    assert air_2019["achievement"] == pytest.approx(82.0 / 80, abs=1e-6)
    assert air_2019["progress"] == pytest.approx(5.3 / 3.3, abs=1e-6)
    assert air_2019["status"] == "achieved"
    # 2016: progress = (78.8 − 76.7) / 3.3 = 2.1 / 3.3 = 0.636364
    air_2016 = _status(run, "2016")["env.air_good_days.2020"]
    assert Decimal(str(air_2016["actual"])) == Decimal("78.8")
    assert air_2016["progress"] == pytest.approx(2.1 / 3.3, abs=1e-6)


def test_labour_productivity_2020_estimate_misses_120000(run: Run) -> None:
    """The 2020 estimate of 117,746 yuan per person falls short of "120,000 or more":
    missed, 117746 / 120000 = 0.981217."""
    # progress from the 2015 base 87,000 = (117746 − 87000) / (120000 − 87000)
    #          = 30746 / 33000 = 0.931697; vs. schedule = 0.931697 − 1 = −0.068303
    lp = _status(run, "2020")["econ.labour_productivity.2020"]
    assert Decimal(str(lp["actual"])) == Decimal("117746") and lp["actual_period"] == "2020"
    assert lp["achievement"] == pytest.approx(117746 / 120000, abs=1e-6)
    assert lp["progress"] == pytest.approx(30746 / 33000, abs=1e-6)
    assert lp["status"] == "missed"


def test_gdp_target_is_expected_not_binding(run: Run) -> None:
    """GDP growth is one of the outline's 预期性 (expected) indicators, so binding is false."""
    assert _status(run, "2020")["econ.gdp.growth"]["binding"] is False


def test_growth_rates_alone_give_the_same_change_as_their_levels(run: Run, tmp_path: Path) -> None:
    """The cited 2016–2018 falls of energy intensity, given as 比上年增长 rates or as the
    levels they imply (an index, 2015 = 100), give the same change by 2018."""
    rates = tmp_path / "rates"
    levels = tmp_path / "levels"
    rates.mkdir()
    levels.mkdir()
    header = "indicator,period,value,unit,measure,source\n"
    (rates / "energy.csv").write_text(
        header
        + "".join(
            f"env.energy_intensity,{year},{rate},%,growth,test (cited rates)\n"
            for year, rate in (("2016", "-5.0"), ("2017", "-3.7"), ("2018", "-3.1"))
        ),
        encoding="utf-8",
    )
    # 100 × 0.95 = 95; × 0.963 = 91.485; × 0.969 = 88.648965
    (levels / "energy.csv").write_text(
        header
        + "".join(
            f"env.energy_intensity,{year},{level},吨标准煤/万元,level,test (index 2015 = 100)\n"
            for year, level in (
                ("2015", "100"),
                ("2016", "95"),
                ("2017", "91.485"),
                ("2018", "88.648965"),
            )
        ),
        encoding="utf-8",
    )
    from_rates = _status(run, "2018", rates)["env.energy_intensity.2020"]
    from_levels = _status(run, "2018", levels)["env.energy_intensity.2020"]
    assert from_rates["actual"] == from_levels["actual"] == pytest.approx(-11.351035)
    assert from_rates["status"] == from_levels["status"] == "on_track"


def test_status_as_of_2020_names_what_was_met(run: Run) -> None:
    """`status --as-of 2020` in English shows the cited figures, each as written (87.0,
    83.40 would be a decimal the source did not give), and which targets were met."""
    r = run("status", "--plan", str(PLAN), "--data", str(DATA), "--as-of", "2020", "--lang", "en")
    assert r.exit_code == 0
    for text in (
        "63.89 %",
        "87.0 %",
        "83.4 %",
        "0.6 %",
        "2.40 %",
        "growth 5.7 %",
        "achieved 7",
        "missed 3",
        "insufficient data 1",
    ):
        assert text in r.stdout, text


def test_show_one_indicator(run: Run) -> None:
    """`show` on the GDP indicator lists the cited growth rates with their sources."""
    r = run("show", "econ.gdp", "--plan", str(PLAN), "--data", str(DATA), "--lang", "zh")
    assert r.exit_code == 0
    for text in ("6.7", "6.9", "6.6", "6.1", "2.3", "m.itxw.cn"):
        assert text in r.stdout, text


@pytest.mark.parametrize("fmt", ["md", "html", "json", "xlsx", "docx"])
def test_report_2020_in_every_format(run: Run, tmp_path: Path, fmt: str) -> None:
    """`report 2020 -o report.<ext>` writes the second plan's report whole in each format."""
    r = run("report", "2020", "--plan", str(PLAN), "--data", str(DATA), "-o", f"report.{fmt}")
    assert r.exit_code == 0
    out = tmp_path / f"report.{fmt}"
    assert out.stat().st_size > 1000
    assert "63.89" in _text_of(out)


def _text_of(path: Path) -> str:
    """The words and figures of a written report, whatever its format."""
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path)
        return " ".join(
            str(cell) for ws in book for row in ws.iter_rows(values_only=True) for cell in row
        )
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    return path.read_text(encoding="utf-8")


def test_the_wheel_carries_the_example_plans_where_the_tool_looks() -> None:
    """pyproject puts examples/plans into the wheel at the folder locate.py searches."""
    import tomllib

    import linyi_tracker.locate as locate

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    package = Path(locate.__file__).resolve().parent
    installed = package / "_examples" / "plans"  # the first place locate.py looks
    assert mapping["examples/plans"] == installed.relative_to(package.parent).as_posix()
    # Installed or in a checkout, the examples are found, with this plan among them.
    examples = locate.embedded_examples_dir()
    assert examples is not None and (examples / "cn-13th-fyp.yaml").is_file()


def test_the_example_is_reached_by_name_from_an_empty_folder(run: Run) -> None:
    """`--plan cn-13th-fyp --data cn-13th-fyp` names the shipped example from any folder."""
    r = run(
        "status",
        "--plan",
        "cn-13th-fyp",
        "--data",
        "cn-13th-fyp",
        "--as-of",
        "2020",
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert r.exit_code == 0
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert targets["urb.resident_rate.2020"]["status"] == "achieved"


def test_a_local_file_of_the_example_name_wins(run: Run, tmp_path: Path) -> None:
    """A file named like an example in the working folder is read, not the example."""
    (tmp_path / "cn-13th-fyp").write_text("schema_version: [", encoding="utf-8")
    r = run("plan", "check", "--plan", "cn-13th-fyp", "--lang", "en")
    assert r.exit_code == 1 and "cn-13th-fyp:2:1: error yaml-syntax" in r.stderr
    assert "embedded" not in r.stderr + r.stdout


def test_a_local_copy_of_the_example_plan_wins(run: Run, tmp_path: Path) -> None:
    """`--plan cn-13th-fyp` with a cn-13th-fyp.yaml in the folder (an edited copy) reads the
    copy, not the shipped plan."""
    text = PLAN.read_text(encoding="utf-8").replace("13th Five-Year Plan", "My copy", 1)
    assert "My copy" in text
    (tmp_path / "cn-13th-fyp.yaml").write_text(text, encoding="utf-8")
    r = run("plan", "check", "--plan", "cn-13th-fyp", "--lang", "en")
    assert r.exit_code == 0 and "The plan is valid: cn-13th-fyp.yaml —" in r.stdout
    assert "embedded" not in r.stdout


def test_a_copied_data_folder_does_not_hide_the_example_plan(run: Run, tmp_path: Path) -> None:
    """A folder cn-13th-fyp/ (the example's figures, copied to ingest into) is data, not a
    plan: `--plan cn-13th-fyp --data cn-13th-fyp` reads the shipped plan and the copy."""
    shutil.copytree(DATA, tmp_path / "cn-13th-fyp")
    r = run("status", "--plan", "cn-13th-fyp", "--data", "cn-13th-fyp", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert "data: cn-13th-fyp (option)" in r.stdout.replace("\n", " ")


def test_an_example_plan_reads_its_own_figures_by_default(run: Run) -> None:
    """`--plan cn-13th-fyp` without --data reads the example's figures, not the Linyi data
    found beside it (which are not figures of this plan)."""
    r = run("status", "--plan", "cn-13th-fyp", "--as-of", "2020", "--format", "json")
    assert r.exit_code == 0, r.stderr
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert str(targets["urb.resident_rate.2020"]["actual"]) == "63.89"


def test_an_unknown_name_is_still_a_missing_file(run: Run) -> None:
    """A bare name that is neither a file nor a shipped example is refused as before."""
    r = run("plan", "check", "--plan", "cn-14th-fyp", "--lang", "en")
    assert r.exit_code == 2 and "cn-14th-fyp" in r.stderr


def test_a_name_the_file_system_refuses_is_reported_where_it_is_used(
    run: Run, tmp_path: Path
) -> None:
    """A bare --data name too long for the file system still gets ingest's one-line message."""
    sub = tmp_path / "jobs.csv"
    sub.write_text(
        "indicator,period,value,unit,source\nemp.new_urban_jobs,2016,1314,万人,c\n",
        encoding="utf-8",
    )
    r = run("ingest", str(sub), "--plan", str(PLAN), "--data", "y" * 300, width=1000)
    assert r.exit_code == 2 and "cannot create the data folder" in r.stderr


def test_validate_does_not_compare_a_submission_with_an_example_s_figures(
    run: Run, tmp_path: Path
) -> None:
    """`validate --plan cn-13th-fyp` checks a clerk's file against the plan, not against the
    example's shipped figures: 1300 for 2017 is no conflict with the example's 1351, whose
    'ingest with --revise' advice the example would refuse."""
    sub = tmp_path / "jobs.csv"
    sub.write_text(
        "indicator,period,value,unit,source\nemp.new_urban_jobs,2017,1300,万人,c\n",
        encoding="utf-8",
    )
    r = run("validate", str(sub), "--plan", "cn-13th-fyp", "--format", "json")
    codes = [f["code"] for f in json.loads(r.stdout)["findings"]]
    assert r.exit_code == 0 and "conflicts-with-store" not in codes, codes


def test_ingest_never_writes_into_a_shipped_example(run: Run, tmp_path: Path) -> None:
    """`ingest --data cn-13th-fyp` is refused: the shipped example is the package's own."""
    sub = tmp_path / "jobs.csv"
    sub.write_text(
        "indicator,period,value,unit,source\nemp.new_urban_jobs,2021,1269,万人,c\n",
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in DATA.glob("*")}
    r = run("ingest", str(sub), "--plan", "cn-13th-fyp", "--data", "cn-13th-fyp", "--lang", "en")
    assert r.exit_code != 0
    assert "cn-13th-fyp is an example shipped with linyi-tracker and is never written to" in (
        r.stderr.replace("\n", " ")
    )
    assert {p: p.read_bytes() for p in DATA.glob("*")} == before


def test_withdraw_never_writes_into_a_shipped_example(run: Run) -> None:
    """`withdraw … --data cn-13th-fyp` is refused with the same sentence, nothing written."""
    before = {p: p.read_bytes() for p in DATA.glob("*")}
    r = run(
        "withdraw",
        "emp.new_urban_jobs",
        "2020",
        "--reason",
        "test",
        "--plan",
        "cn-13th-fyp",
        "--data",
        "cn-13th-fyp",
        "--lang",
        "en",
    )
    assert r.exit_code != 0 and "is never written to" in r.stderr
    assert {p: p.read_bytes() for p in DATA.glob("*")} == before


def test_a_shipped_example_is_named_as_shipped(run: Run) -> None:
    """The example's plan is shown as shipped with the tool, not as a path on this machine."""
    r = run("plan", "check", "--plan", "cn-13th-fyp", "--lang", "en")
    assert r.exit_code == 0 and "cn-13th-fyp.yaml (embedded in linyi-tracker" in r.stdout


@pytest.mark.parametrize("plan_option", ["cn-13th-fyp.yaml", "cn-13th-fyp"])
def test_a_local_copy_reads_the_figures_beside_it(
    run: Run, tmp_path: Path, plan_option: str
) -> None:
    """A copied plan with its copied folder of figures beside it (cn-13th-fyp.yaml and
    cn-13th-fyp/) reads that folder when no --data is given, not the Linyi figures."""
    shutil.copy(PLAN, tmp_path / "cn-13th-fyp.yaml")
    shutil.copytree(DATA, tmp_path / "cn-13th-fyp")
    r = run("status", "--plan", plan_option, "--as-of", "2020", "--lang", "en", width=200)
    assert r.exit_code == 0, r.stderr
    assert "data: cn-13th-fyp (beside the plan)" in r.stdout
    assert "plan: cn-13th-fyp.yaml (option)" in r.stdout


def test_the_example_s_figures_named_alone_are_read_under_its_plan(run: Run) -> None:
    """`status --data cn-13th-fyp` with no --plan reads the example's own plan, not the
    Linyi plan (which would list the package's figures as errors to fix)."""
    r = run("status", "--data", "cn-13th-fyp", "--as-of", "2020", "--format", "json")
    assert r.exit_code == 0, r.stderr
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert str(targets["urb.resident_rate.2020"]["actual"]) == "63.89"


def test_a_copy_of_the_example_s_figures_is_read_and_written_under_its_plan_name(
    run: Run, tmp_path: Path
) -> None:
    """With only the example's folder copied where the command runs (no .yaml), `--plan
    cn-13th-fyp` reads and ingests into the copy, never the shipped figures."""
    shutil.copytree(DATA, tmp_path / "cn-13th-fyp")
    r = run("status", "--plan", "cn-13th-fyp", "--lang", "en", width=200)
    assert r.exit_code == 0 and "data: cn-13th-fyp (working directory)" in r.stdout, r.stdout
    sub = tmp_path / "share.csv"
    sub.write_text(
        "indicator,period,value,unit,source\nenv.non_fossil_share,2019,15.3,%,a test figure\n",
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in DATA.glob("**/*")}
    assert run("ingest", str(sub), "--plan", "cn-13th-fyp").exit_code == 0
    assert list((tmp_path / "cn-13th-fyp" / "ingested").glob("*.csv"))
    assert {p: p.read_bytes() for p in DATA.glob("**/*")} == before


def test_a_copy_of_the_example_s_figures_named_alone_is_read_under_the_example_s_plan(
    run: Run, tmp_path: Path
) -> None:
    """`status --data cn-13th-fyp` on a copied folder (no .yaml beside it) reads it under the
    example's plan, not the Linyi plan, which listed its figures as 34 errors."""
    shutil.copytree(DATA, tmp_path / "cn-13th-fyp")
    r = run("status", "--data", "cn-13th-fyp", "--as-of", "2020", "--format", "json")
    assert r.exit_code == 0, r.stderr
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert str(targets["urb.resident_rate.2020"]["actual"]) == "63.89"


def test_following_the_refusal_s_advice_ingests(run: Run, tmp_path: Path) -> None:
    """The refusal says to copy the example and give --plan and --data: done as said,
    ingest writes the clerk's figure into the copy."""
    sub = tmp_path / "jobs.csv"
    sub.write_text(
        "indicator,period,value,unit,source\n"
        "env.non_fossil_share,2019,15.3,%,synthetic (a test figure)\n",
        encoding="utf-8",
    )
    refused = run("ingest", str(sub), "--plan", "cn-13th-fyp", "--data", "cn-13th-fyp")
    advice = refused.stderr.replace("\n", " ")
    assert "cp -r" in advice and "--plan cn-13th-fyp --data ./cn-13th-fyp" in advice
    shutil.copytree(DATA, tmp_path / "cn-13th-fyp")
    r = run("ingest", str(sub), "--plan", "cn-13th-fyp", "--data", "./cn-13th-fyp")
    assert r.exit_code == 0, r.stderr
    written = list((tmp_path / "cn-13th-fyp" / "ingested").glob("*.csv"))
    assert len(written) == 1 and "15.3" in written[0].read_text(encoding="utf-8")


def test_the_2020_report_lists_what_was_missed(run: Run, tmp_path: Path) -> None:
    """The report's summary names the targets missed at their 2020 deadline (GDP growth,
    labour productivity, R&D), not only what was achieved: a summary with 'most behind
    schedule: none' and no word of three missed targets reads as all good."""
    r = run("report", "2020", "--plan", "cn-13th-fyp", "--format", "json", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    assert sorted(report["missed_this_year"]) == [
        "econ.gdp.growth",
        "econ.labour_productivity.2020",
        "sci.rd_intensity.2020",
    ]
    md = tmp_path / "r.md"
    assert run("report", "2020", "--plan", "cn-13th-fyp", "-o", str(md)).exit_code == 0
    text = md.read_text(encoding="utf-8")
    missed = text.split("**Targets missed this year**")[1].split("**")[0]
    assert "Gross domestic product" in missed and "R&D spending" in missed


def test_a_cumulative_actual_is_labelled_as_the_sum_it_is(run: Run, tmp_path: Path) -> None:
    """New urban jobs as of 2020 is the 2016–2020 sum, and reads so: '6,564万人（2016—2020年
    合计）', not '（2020年）', which reads as 2020's figure alone."""
    md = tmp_path / "r.md"
    assert (
        run("report", "2020", "--plan", "cn-13th-fyp", "--lang", "zh", "-o", str(md)).exit_code == 0
    )
    text = md.read_text(encoding="utf-8")
    assert "6,564万人（2016—2020年合计）" in text
    assert "6,564万人（2020年）" not in text
