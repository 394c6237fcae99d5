"""The template's sign-off line (填报单位/填报人/审核人/填报日期) kept with the figures (issue 26.9)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from linyi_tracker.actuals.signoff import FIELDS, read_signoff, signoff_row

Run = Callable[..., Result]
SIGNED = "填报单位：,兰山区人社局,填报人：,张三,审核人：,李四,填报日期：,2020-01-10\n"
TABLE = "指标代码,期间,地区,数值\nemp.new_urban_jobs,2019,兰山区,12000\n"


def _submission(folder: Path, name: str, signoff: str = SIGNED, table: str = TABLE) -> Path:
    path = folder / name
    path.write_text("兰山区 2019 民生指标报送表\n" + signoff + table, encoding="utf-8")
    return path


def _show(run: Run, *extra: str) -> Result:
    return run(
        "show",
        "emp.new_urban_jobs",
        "--region",
        "兰山区",
        "--as-of",
        "2019",
        "--data",
        "data",
        *extra,
        width=200,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def test_the_template_signoff_line_is_read() -> None:
    """The template's line, label then entry, gives each field; a blank entry gives none."""
    row = [
        "填报单位：",
        "兰山区人社局",
        "填报人：",
        "张三",
        "审核人：",
        "",
        "填报日期：",
        "2020-01-10",
    ]
    assert read_signoff([row]) == {
        "reporting_unit": "兰山区人社局",
        "filed_by": "张三",
        "filed_on": "2020-01-10",
    }


def test_an_entry_in_the_labels_cell_is_read() -> None:
    """填报人：张三 in one cell (and a half-width colon) is read too."""
    assert read_signoff([["填报人：张三", "审核人: 李四"]]) == {
        "filed_by": "张三",
        "checked_by": "李四",
    }


def test_a_title_row_gives_no_signoff() -> None:
    """A title row holds no sign-off field."""
    assert read_signoff([["兰山区 2019 民生指标报送表"]]) == {}


entry = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(lambda s: s and ":" not in s and "：" not in s)
)


@given(st.dictionaries(st.sampled_from(FIELDS), entry))
def test_the_written_line_reads_back(signoff: dict[str, str]) -> None:
    """What ingest writes above the header reads back as the same fields."""
    import unicodedata

    expected = {k: unicodedata.normalize("NFKC", v).strip() for k, v in signoff.items()}
    expected = {k: v for k, v in expected.items() if v and ":" not in v}
    assert read_signoff([signoff_row(signoff)]) == expected


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["报送记录", "填报人 张三", "审核人 李四", "填报日期2020-01-10"]),
        ("en", ["Filed:", "filed by 张三", "checked by 李四", "on 2020-01-10"]),
    ],
)
def test_show_says_who_filed_and_checked_each_figure(
    run: Run, data: Path, lang: str, words: list[str]
) -> None:
    """After ingest, show names the figure's filer, checker and date from its sign-off line."""
    assert run("ingest", str(_submission(data.parent, "sub.csv")), "--data", "data").exit_code == 0
    shown = _show(run, "--lang", lang)
    assert shown.exit_code == 0
    for word in words:
        assert word in shown.stdout


def test_the_ingested_file_keeps_the_signoff_line(run: Run, data: Path) -> None:
    """The ingested file holds the sign-off line above its header, and reads without a notice."""
    run("ingest", str(_submission(data.parent, "sub.csv")), "--data", "data")
    (written,) = (data / "ingested").glob("*.csv")
    assert written.read_text(encoding="utf-8").splitlines()[0] == SIGNED.strip()
    status = run("status", "--data", "data", "--format", "json")
    assert status.exit_code == 0


def test_show_json_carries_the_signoff(run: Run, data: Path) -> None:
    """show --format json gives each figure's reporting unit, filer, checker and date."""
    run("ingest", str(_submission(data.parent, "sub.csv")), "--data", "data")
    (row,) = json.loads(_show(run, "--format", "json").stdout)["series"]
    assert (row["reporting_unit"], row["filed_by"], row["checked_by"], row["filed_on"]) == (
        "兰山区人社局",
        "张三",
        "李四",
        "2020-01-10",
    )


def test_a_submission_without_signoff_works_as_before(run: Run, data: Path) -> None:
    """Without a sign-off line the ingested file starts with its header and show adds no line."""
    path = data.parent / "plain.csv"
    path.write_text(TABLE, encoding="utf-8")
    assert run("ingest", str(path), "--data", "data").exit_code == 0
    (written,) = (data / "ingested").glob("*.csv")
    assert written.read_text(encoding="utf-8").startswith("indicator,")
    shown = _show(run, "--lang", "zh")
    assert shown.exit_code == 0 and "报送记录" not in shown.stdout
    (row,) = json.loads(_show(run, "--format", "json").stdout)["series"]
    assert row["filed_by"] == ""


@pytest.mark.parametrize(("lang", "said"), [("zh", "签字栏"), ("en", "signed differently")])
def test_files_signed_differently_are_refused(run: Run, data: Path, lang: str, said: str) -> None:
    """Two files signed by different people in one ingest are refused, nothing written."""
    one = _submission(data.parent, "a.csv")
    other = _submission(
        data.parent,
        "b.csv",
        SIGNED.replace("张三", "王五"),
        "指标代码,期间,地区,数值\nemp.new_urban_jobs,2018,兰山区,11000\n",
    )
    before = sorted(p.name for p in data.iterdir())
    dry = run("ingest", str(one), str(other), "--data", "data", "--lang", lang, "--dry-run")
    assert dry.exit_code == 2 and said in dry.stderr  # a dry run says what the run would
    refused = run("ingest", str(one), str(other), "--data", "data", "--lang", lang)
    assert refused.exit_code == 2 and said in refused.stderr
    assert sorted(p.name for p in data.iterdir()) == before  # no ingested/ folder left
