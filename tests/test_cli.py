"""The command line as an analyst uses it: from an empty directory, with mistakes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DEMO, FIXTURES, PLAN_FILE, Result
from linyi_tracker.words import STATUS_WORDS

Run = Callable[..., Result]
# The fields assessment.md's "JSON contract (status)" lists for every target.
JSON_FIELDS = (
    "target_id",
    "indicator",
    "kind",
    "region",
    "comparator",
    "target",
    "deadline",
    "actual",
    "actual_period",
    "achievement",
    "gap",
    "time_progress",
    "schedule_gap",
    "progress",
    "pace",
    "projected",
    "status",
    "binding",
)


def test_status_on_the_embedded_plan(run: Run) -> None:
    """`status` works from an empty directory on the embedded plan and published figures."""
    r = run("status")
    assert r.exit_code == 0
    assert "where each target stands" in r.stdout and "New urban jobs" in r.stdout


def test_status_as_of_a_month(run: Run) -> None:
    """`status --as-of 2016-08` shows the jobs target 31.8 points ahead of schedule."""
    r = run("status", "--as-of", "2016-08", "--lang", "en")
    assert r.exit_code == 0
    assert "83,700" in r.stdout and "98.5 %" in r.stdout
    # the table's short cell under 'vs. schedule (pts)'; `show` says the sentence
    assert "+31.8 │" in r.stdout and "(pts)" in r.stdout


def test_status_json_contract(run: Run) -> None:
    """`--format json` prints only the JSON object of assessment.md's contract."""
    r = run("status", "--lang", "en", "--format", "json", "--as-of", "2016-08")
    assert r.exit_code == 0
    payload = json.loads(r.stdout)
    assert set(payload) >= {"as_of", "plan", "targets"}
    assert payload["as_of"] == "2016-08"
    for entry in payload["targets"]:
        assert set(JSON_FIELDS) <= set(entry)
        assert entry["status"] in STATUS_WORDS
    jobs = next(e for e in payload["targets"] if e["target_id"] == "emp.new_urban_jobs.annual")
    assert (
        jobs["actual"] == 83700 and jobs["actual_period"] == "2016-08" and jobs["target"] == 85000
    )
    assert jobs["achievement"] == pytest.approx(0.984706, abs=1e-6)
    assert jobs["schedule_gap"] == pytest.approx(0.318039, abs=1e-6)
    assert jobs["status"] == "on_track"


def test_json_keeps_exact_decimals(run: Run) -> None:
    """A value written 4.85 in the data is 4.85 in the JSON, fractions stay fractions."""
    r = run("show", "pov.incidence", "--format", "json")
    series = json.loads(r.stdout)["series"]
    assert series[0]["value"] == 4.85


def test_every_status_appears_on_the_example_data(run: Run) -> None:
    """`status --data examples/demo` shows each status word at least once."""
    r = run("status", "--data", str(DEMO), "--format", "json")
    statuses = {t["status"] for t in json.loads(r.stdout)["targets"]}
    assert statuses == set(STATUS_WORDS)


def test_status_filters(run: Run) -> None:
    """--status and --system narrow the list; counts follow."""
    r = run(
        "status",
        "--data",
        str(DEMO),
        "--format",
        "json",
        "--status",
        "missed,overdue",
        "--system",
        "5",
    )
    targets = json.loads(r.stdout)["targets"]
    assert {t["target_id"] for t in targets} == {
        "housing.affordable_units.2015",
        "housing.shantytown_households.2015",
    }


def test_status_for_every_region(run: Run) -> None:
    """--region all assesses each target for the city and the 12 regions."""
    r = run("status", "--data", str(DEMO), "--format", "json", "--region", "all")
    targets = json.loads(r.stdout)["targets"]
    assert len({t["region"] for t in targets}) == 13


def test_region_by_chinese_name(run: Run) -> None:
    """--region accepts the Chinese name."""
    r = run("status", "--data", str(DEMO), "--format", "json", "--region", "兰山区")
    assert {t["region"] for t in json.loads(r.stdout)["targets"]} == {"lanshan"}


def test_plan_tree(run: Run) -> None:
    """`plan` shows systems, projects, targets and the unnamed projects honestly."""
    r = run("plan", "--lang", "en")
    assert r.exit_code == 0
    assert "1 Employment and entrepreneurship services" in r.stdout
    assert "8 declared, 3 named in the source" in r.stdout
    assert r.stdout.count("(not named in the source)") == 5


def test_plan_tree_in_chinese(run: Run) -> None:
    """`plan --lang zh` is in Chinese."""
    r = run("plan", "--lang", "zh")
    assert "就业创业服务体系" in r.stdout and "申报8项，原文列出3项" in r.stdout


def test_plan_check_valid_with_notices(run: Run) -> None:
    """`plan check` on the shipped plan: valid, exit 0, a notice per unnamed project."""
    r = run("plan", "check", "--lang", "en")
    assert r.exit_code == 0
    assert "The plan is valid" in r.stdout
    assert r.stdout.count("unnamed-project") == 5


def test_plan_check_broken_file(run: Run) -> None:
    """`plan check FILE` on a broken plan: file:line:col on stderr, exit 1, no traceback."""
    broken = FIXTURES / "plans" / "unknown-key.yaml"
    r = run("plan", "check", str(broken))
    assert r.exit_code == 1
    assert f"{broken}:38:5: error plan-schema" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert "Found 1 error and 0 warnings in 1 file." in r.stderr


def test_status_with_broken_plan_exits_2(run: Run) -> None:
    """A command that needs a plan stops with exit 2 and the positioned errors."""
    broken = FIXTURES / "plans" / "comparator-direction.yaml"
    r = run("status", "--plan", str(broken))
    assert r.exit_code == 2
    assert f"{broken}:36:17" in r.stderr and "Traceback" not in r.stderr


def test_status_with_broken_csv_exits_1(run: Run, tmp_path: Path) -> None:
    """A data folder with a bad row: positioned error on stderr, exit 1, nothing on stdout."""
    folder = tmp_path / "data-bad"
    folder.mkdir()
    shutil.copy(FIXTURES / "data" / "broken-rows.csv", folder / "county.csv")
    r = run("status", "--data", str(folder))
    assert r.exit_code == 1
    assert "county.csv:3:1: error unknown-indicator" in r.stderr
    assert r.stdout == "" and "Traceback" not in r.stderr


def test_missing_data_folder_exits_2(run: Run) -> None:
    """--data naming nothing: a message saying so, exit 2."""
    r = run("status", "--data", "no-such-folder")
    assert r.exit_code == 2 and "data folder not found" in r.stderr


def test_bad_as_of_is_a_usage_error(run: Run) -> None:
    """--as-of with a non-period is refused with the accepted forms, exit 2."""
    r = run("status", "--as-of", "Sept 2016")
    assert r.exit_code == 2 and "2017Q3" in r.stderr


def test_unknown_region_suggests(run: Run) -> None:
    """A misspelt region gets a suggestion, exit 2."""
    r = run("status", "--region", "lanshn")
    assert r.exit_code == 2 and "Did you mean 'lanshan' (Lanshan District)?" in r.stderr


def test_unknown_status_word(run: Run) -> None:
    """--status with a word not in the vocabulary is a usage error."""
    r = run("status", "--status", "late")
    assert r.exit_code == 2 and "on_track" in r.stderr


def test_show_indicator(run: Run) -> None:
    """`show` gives names, the article's words, the series with sources, and regions."""
    r = run("show", "emp.new_urban_jobs", "--data", str(DEMO), "--lang", "en")
    assert r.exit_code == 0
    for text in (
        "城镇新增就业人数",
        "到2020年，全市城镇每年新增就业8.5万人",
        "met in 4 of 5 years",
        "synthetic",
        "not reported",
    ):
        assert text in r.stdout


def test_show_by_chinese_name_and_target_id(run: Run) -> None:
    """`show` accepts a Chinese name or a target id for the indicator."""
    assert run("show", "城镇新增就业人数").exit_code == 0
    assert run("show", "emp.new_urban_jobs.annual").exit_code == 0


def test_show_unknown_indicator(run: Run) -> None:
    """A misspelt indicator gets a suggestion, exit 2."""
    r = run("show", "emp.new_jobs")
    assert r.exit_code == 2 and "Did you mean 'emp.new_urban_jobs' (New urban jobs)?" in r.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["show"],
        ["plan"],
        ["plan", "check"],
        ["validate"],
        ["template"],
        ["ingest"],
        ["report"],
        [],
    ],
)
def test_every_command_has_help_with_an_example(run: Run, command: list[str]) -> None:
    """--help on every command works and ends its description with an example."""
    r = run(*command, "--help")
    assert r.exit_code == 0 and "Example: linyi-tracker" in r.stdout


def test_version(run: Run) -> None:
    """--version prints the version."""
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("linyi-tracker ")


def test_environment_variables_choose_plan_data_and_language(run: Run) -> None:
    """LINYI_TRACKER_DATA and LINYI_TRACKER_LANG act like --data and --lang."""
    r = run(
        "status",
        env={
            "LINYI_TRACKER_DATA": str(DEMO),
            "LINYI_TRACKER_LANG": "zh",
            "LINYI_TRACKER_PLAN": str(PLAN_FILE),
        },
    )
    assert r.exit_code == 0 and "已评估" in r.stdout


def test_working_directory_data_folder_is_used(run: Run, tmp_path: Path) -> None:
    """./data/actuals in the working directory is preferred to the embedded figures."""
    (tmp_path / "data" / "actuals").mkdir(parents=True)
    shutil.copy(DEMO / "city.csv", tmp_path / "data" / "actuals" / "city.csv")
    r = run("status", "--format", "json")
    assert json.loads(r.stdout)["as_of"] == "2020-06"


def test_no_color_means_no_colour_codes(run: Run) -> None:
    """With NO_COLOR set, even on a forced terminal, no colour escape codes are written."""
    import re

    r = run("status", "--data", str(DEMO), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert re.search(r"\x1b\[[0-9;]*(3[0-8]|9[0-7])[;m]", r.stdout) is None


def test_piped_output_is_plain(run: Run) -> None:
    """Without a terminal, output carries no escape codes at all."""
    r = run("status", "--data", str(DEMO), env={"NO_COLOR": ""})
    assert "\x1b[" not in r.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["show", "emp.new_urban_jobs"],
        ["report", "2019"],
        ["validate", str(DEMO / "city.csv")],
    ],
)
def test_every_command_reading_figures_takes_plan_data_and_lang_after_its_name(
    run: Run, command: list[str]
) -> None:
    """--plan, --data and --lang go after the name of any command that reads figures."""
    r = run(*command, "--plan", str(PLAN_FILE), "--data", str(DEMO), "--lang", "en")
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize("command", [["plan"], ["plan", "check"], ["template", "--period", "2017"]])
def test_commands_reading_only_the_plan_take_plan_and_lang(run: Run, command: list[str]) -> None:
    """plan, plan check and template take --plan and --lang after their name."""
    r = run(*command, "--plan", str(PLAN_FILE), "--lang", "en")
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize("command", [["plan"], ["plan", "check"]])
def test_commands_reading_no_figures_refuse_data(run: Run, command: list[str]) -> None:
    """--data on a command that neither reads figures nor writes a file is refused rather
    than silently ignored (template and extract take it: -o must stay out of it)."""
    r = run(*command, "--data", str(DEMO), "--lang", "en")
    assert r.exit_code == 2 and "No such option: --data" in r.stderr


def _target_ids(r: Result) -> set[str]:
    assert r.exit_code == 0, r.stderr
    return {t["target_id"] for t in json.loads(r.stdout)["targets"]}


def test_status_filter_takes_the_chinese_words(run: Run) -> None:
    """`--status 明显滞后,存在风险` selects what `--status off_track,at_risk` selects."""
    base = ("status", "--data", str(DEMO), "--format", "json", "--status")
    by_zh = _target_ids(run(*base, "明显滞后,存在风险"))
    assert by_zh and by_zh == _target_ids(run(*base, "off_track,at_risk"))
    assert by_zh == _target_ids(run(*base, "off track", "--status", "at-risk"))


def test_status_filter_not_assessed(run: Run) -> None:
    """`--status 不评估` keeps exactly the assessments that carry no status."""
    r = run(
        "status", "--data", str(DEMO), "--region", "all", "--format", "json", "--status", "不评估"
    )
    targets = json.loads(r.stdout)["targets"]
    assert targets and {t["status"] for t in targets} == {None}


def test_system_filter_by_a_chinese_prefix(run: Run) -> None:
    """`--system 住房` selects what `--system housing` selects."""
    base = ("status", "--data", str(DEMO), "--format", "json", "--system")
    assert _target_ids(run(*base, "住房")) == _target_ids(run(*base, "housing"))


def test_report_system_filter_by_a_chinese_prefix(run: Run) -> None:
    """`report --system 住房` is the report on the housing system."""
    base = ("report", "2019", "--data", str(DEMO), "--format", "json", "--system")
    fixed = {"SOURCE_DATE_EPOCH": "1700000000"}  # the same "generated" time in both
    assert run(*base, "住房", env=fixed).stdout == run(*base, "housing", env=fixed).stdout


def test_show_by_a_part_of_the_name(run: Run) -> None:
    """`show 新增就业` is `show emp.new_urban_jobs`."""
    by_part = run("show", "新增就业", "--format", "json")
    assert by_part.exit_code == 0
    assert by_part.stdout == run("show", "emp.new_urban_jobs", "--format", "json").stdout


def test_show_ambiguous_name_lists_candidates(run: Run) -> None:
    """`show 就业` names several indicators: exit 2 and each candidate listed."""
    r = run("show", "就业", "--lang", "zh")
    assert r.exit_code == 2
    assert "emp.new_urban_jobs" in r.stderr and "城镇新增就业人数" in r.stderr
    assert "请写得更具体" in r.stderr


def test_refusal_of_a_folder_honours_lang(run: Run, tmp_path: Path) -> None:
    """`status --lang en` under a Chinese locale refuses a bad folder in English, and vice versa."""
    folder = tmp_path / "data-bad"
    folder.mkdir()
    shutil.copy(FIXTURES / "data" / "broken-rows.csv", folder / "county.csv")
    en = run("status", "--data", str(folder), "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert en.exit_code == 1 and "Error: the data in" in en.stderr and "tip: run" in en.stderr
    zh = run("status", "--data", str(folder), "--lang", "zh")
    assert zh.exit_code == 1 and "错误：" in zh.stderr and "提示：" in zh.stderr


def test_lang_option_wins_over_the_locale_for_help(run: Run) -> None:
    """`--help --lang en` under a Chinese locale is English."""
    r = run("status", "--help", "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert r.exit_code == 0 and "Usage: linyi-tracker status" in r.stdout


def test_usage_error_in_english(run: Run) -> None:
    """An unknown option in en: usage line, the help hint and Click's wording."""
    r = run("status", "--stat", "--lang", "en")
    assert r.exit_code == 2
    assert "Usage: linyi-tracker status [OPTIONS]" in r.stderr
    assert "Try 'linyi-tracker status -h' for help." in r.stderr
    assert "Error: No such option: --stat (Possible options: --data, --status)" in r.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("template", "2017", "--lang", "en"),
            "'2017' needs the option's name before it: --period 2017",
        ),
        (
            ("template", "2017年", "--region", "兰山区", "--lang", "zh"),
            "“2017年”前要写选项名：--period 2017年",
        ),
    ],
)
def test_a_value_given_without_its_required_option_is_named(
    run: Run, args: tuple[str, ...], said: str
) -> None:
    """`template 2017` (as `report 2019` is typed) says the 2017 needs --period before it,
    not only that --period is missing."""
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr, r.stderr


def test_two_bare_values_keep_the_plain_missing_option_message(run: Run) -> None:
    """With two bare values the tool does not guess which one the option wants."""
    r = run("template", "2017", "兰山区", "--lang", "en")
    assert r.exit_code == 2 and "Missing option '--period'." in r.stderr, r.stderr


def test_wrote_is_said_in_the_language(run: Run, tmp_path: Path) -> None:
    """`report -o FILE` confirms the file in the chosen language."""
    out = tmp_path / "r.md"
    assert f"wrote {out}" in run("report", "2019", "-o", str(out), "--lang", "en").stderr
    assert f"已写入 {out}" in run("report", "2019", "-o", str(out), "--lang", "zh").stderr


def test_no_cli_module_imports_another_ones_private_names() -> None:
    """A command module uses other CLI modules only through their public names."""
    import ast

    import linyi_tracker.cli as cli

    offenders = []
    for path in Path(cli.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "linyi_tracker.cli"
            ):
                offenders += [
                    f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")
                ]
    assert offenders == []


def test_help_language_from_the_environment_variable(run: Run) -> None:
    """LINYI_TRACKER_LANG=zh gives Chinese help, even under an English locale."""
    r = run("report", "--help", env={"LINYI_TRACKER_LANG": "zh", "LANG": "en_US.UTF-8"})
    assert r.exit_code == 0 and r.stdout.startswith("用法：linyi-tracker report")


@pytest.mark.parametrize("written", ["2019", "2019年", "2019年度", "２０１９"])
def test_a_year_is_read_as_an_analyst_writes_it(written: str) -> None:
    """YEAR is read as --as-of and a data file's period are (parse_period): 2019, 2019年,
    2019年度 and full-width digits."""
    from linyi_tracker.cli.options import parse_year

    assert parse_year(written) == 2019


@pytest.mark.parametrize("written", ["٢٠١٩", "19", "2019x", "年", "2019Q1", "2019-09"])
def test_what_is_not_a_year_is_a_usage_error(run: Run, written: str) -> None:
    """Anything else is refused with the usage error (exit 2), never a traceback."""
    r = run("report", written, "--lang", "zh")
    assert r.exit_code == 2 and "不是年份" in r.stderr


@pytest.mark.parametrize("name", ["table", "text", "TABLE"])
def test_validate_takes_the_format_name_the_other_commands_take(run: Run, name: str) -> None:
    """validate --format table, as status/show/extract name their text for people (text,
    its earlier name, still works)."""
    r = run("validate", str(DEMO / "city.csv"), "--no-store", "--format", name, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert not r.stdout.lstrip().startswith("{") and "city.csv" in r.stdout


def test_one_judged_year_is_said_in_the_singular(run: Run) -> None:
    """A target judged in one year reads "met in 0 of 1 year" (was "of 1 years")."""
    r = run("show", "housing.shantytown_households", "--data", str(DEMO), "--lang", "en", width=160)
    assert r.exit_code == 0 and "of 1 year" in r.stdout and "of 1 years" not in r.stdout
