"""`extract`: figures of the plan's indicators from a communiqué's text, on real sentences.

The fixtures (tests/fixtures/extract/, sources in its README.md) are published
sentences; each test pins one rule of issue 14 on one of them. The national sentences
are read with a small plan of national indicators (national-plan.yaml), the Linyi ones
with the shipped plan.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, PLAN_FILE, Result
from linyi_tracker.extract.document import Document, read_document, split_sentences
from linyi_tracker.extract.figures import Extraction, Extractor, Proposed, fold_same_length
from linyi_tracker.extract.output import HEADER, to_csv
from linyi_tracker.plan.loader import read_plan
from linyi_tracker.plan.models import Plan

Run = Callable[..., Result]
HERE = FIXTURES / "extract"
NATIONAL_PLAN = HERE / "national-plan.yaml"


@pytest.fixture(scope="module")
def national() -> Plan:
    return read_plan(NATIONAL_PLAN)


@pytest.fixture(scope="module")
def linyi() -> Plan:
    return read_plan(PLAN_FILE)


def extract(plan: Plan, name: str, year: int | None = None) -> Extraction:
    path = HERE / name
    return Extractor(plan, year=year).extract([read_document(path, name)])


def rows_of(result: Extraction, indicator: str) -> list[Proposed]:
    return [r for r in result.rows if r.indicator == indicator]


# The four rules of the issue, each on its published sentence


def test_grain_output_is_a_level_and_a_growth_rate(national: Plan) -> None:
    """全年粮食产量69541万吨…增产1.3%: a level 69541 万吨 and a growth rate 1.3, as written."""
    grain = rows_of(extract(national, "national-2023.txt", 2023), "agr.grain")
    assert [(r.value, r.unit, r.measure, r.period) for r in grain] == [
        ("69541", "万吨", "level", "2023"),
        ("1.3", "%", "growth", "2023"),
    ]


def test_an_absolute_increase_is_not_a_level(national: Plan) -> None:
    """比上年增加888万吨 is a change on the previous year: listed as such, never a row."""
    result = extract(national, "national-2023.txt", 2023)
    assert all(r.value != "888" for r in result.rows)
    assert [(s.text, s.reason) for s in result.skipped if s.indicator == "agr.grain"] == [
        ("888万吨", "change")
    ]


def test_the_years_rate_and_decembers_rate_have_their_own_periods(national: Plan) -> None:
    """平均值为5.2% is the year's figure; 12月份…5.1% is December's (period YYYY-12)."""
    rates = rows_of(extract(national, "national-2023.txt", 2023), "emp.unemployment")
    assert [(r.period, r.value, r.measure) for r in rates] == [
        ("2023", "5.2", "level"),
        ("2023-12", "5.1", "level"),
    ]


def test_a_change_in_points_is_never_a_growth_rate(national: Plan) -> None:
    """下降0.4个百分点 is a change in points: no growth row of −0.4 %, a skip with its reason."""
    result = extract(national, "national-2023.txt", 2023)
    assert not [r for r in result.rows if "0.4" in r.value]
    assert ("0.4个百分点", "points") in [(s.text, s.reason) for s in result.skipped]


def test_a_target_in_the_sentence_is_never_proposed(national: Plan) -> None:
    """1206万 is the actual; 1100万 is the expected target (预期目标) and is skipped."""
    result = extract(national, "national-jobs-2022.txt", 2022)
    assert [(r.value, r.unit) for r in result.rows] == [("1206", "万人")]
    assert [(s.text, s.reason) for s in result.skipped] == [("1100万人", "target")]


def test_a_year_to_date_figure_takes_its_year_from_the_period_option(linyi: Plan) -> None:
    """截至到今年8月底 … 8.37万人 with --period 2016: 2016-08 for Linyi, by the alias 城镇新增就业."""
    (row,) = extract(linyi, "linyi-jobs-2016.txt", 2016).rows
    assert (row.indicator, row.period, row.region, row.value, row.unit) == (
        "emp.new_urban_jobs",
        "2016-08",
        "linyi",
        "8.37",
        "万人",
    )


def test_a_completion_ratio_is_not_a_figure(linyi: Plan) -> None:
    """完成年度计划的99.34% is how much of the plan was done: skipped, never a row."""
    result = extract(linyi, "linyi-jobs-2016.txt", 2016)
    assert [(s.text, s.reason) for s in result.skipped] == [("99.34%", "completion")]


def test_without_the_year_the_row_says_so(linyi: Plan) -> None:
    """Without --period, 今年8月底 is kept as written and the row is marked as needing a year."""
    (row,) = extract(linyi, "linyi-jobs-2016.txt").rows
    assert (row.period, row.year_known, row.year_word) == ("今年8月底", False, "今年")


def test_the_plans_own_targets_give_no_row(linyi: Plan) -> None:
    """The plan article's target sentence (力争…左右) proposes nothing as an actual."""
    result = extract(linyi, "plan-article-targets.txt", 2015)
    assert result.rows == []
    assert {s.reason for s in result.skipped} == {"target"}


def test_counts_and_rates_of_the_linyi_poverty_sentences(linyi: Plan) -> None:
    """贫困重点村568个 (unit 个 of villages) and 贫困发生率为4.85% are levels for 2015."""
    result = extract(linyi, "linyi-poverty-2015.txt", 2015)
    assert [(r.indicator, r.value, r.unit, r.period) for r in result.rows] == [
        ("pov.key_poor_villages", "568", "个", "2015"),
        ("pov.incidence", "4.85", "%", "2015"),
    ]


def test_basically_zero_is_not_read(linyi: Plan) -> None:
    """到2019年底贫困发生率基本“归零” names the indicator without a figure: listed as not
    read with its sentence, never proposed as 0."""
    result = extract(linyi, "linyi-poverty-2015.txt", 2015)
    assert [(n.indicator, n.reason, n.sentence) for n in result.not_read] == [
        ("pov.incidence", "no-figure", "到2019年底贫困发生率基本“归零”。")
    ]


def test_regions_by_alias_and_the_nearest_name(linyi: Plan) -> None:
    """兰山 (an alias), then 罗庄区 and 河东区 in one sentence: each figure gets the region
    named last before it (synthetic sentences, see the fixtures' README)."""
    result = extract(linyi, "synthetic-regions.txt", 2017)
    assert [(r.region, r.value) for r in result.rows] == [
        ("lanshan", "1.2"),
        ("luozhuang", "0.9"),
        ("hedong", "0.8"),
    ]


def test_an_alias_is_part_of_the_plan(linyi: Plan) -> None:
    """The shipped plan gives 城镇新增就业 as an alias of 城镇新增就业人数."""
    assert "城镇新增就业" in linyi.indicator_by_id["emp.new_urban_jobs"].aliases


# Reading files


def test_a_gb18030_text_reads_as_its_utf8_twin(linyi: Plan) -> None:
    """The GB18030 copy of the Linyi release gives the same rows as the UTF-8 one."""
    utf8 = extract(linyi, "linyi-jobs-2016.txt", 2016).rows
    gb = extract(linyi, "linyi-jobs-2016.gb18030.txt", 2016).rows
    assert read_document(HERE / "linyi-jobs-2016.gb18030.txt", "x").encoding == "gb18030"
    assert [(r.value, r.period, r.sentence) for r in gb] == [
        (r.value, r.period, r.sentence) for r in utf8
    ]


def test_an_html_page_gives_its_visible_sentences_and_the_title_year(national: Plan) -> None:
    """In the HTML page, scripts and styles are not read and the title gives the year."""
    result = extract(national, "national-2023.html")
    assert result.year_from_title == 2023
    assert [(r.indicator, r.value, r.period) for r in result.rows] == [
        ("agr.grain", "69541", "2023"),
        ("agr.grain", "1.3", "2023"),
        ("emp.unemployment", "5.2", "2023"),
        ("emp.unemployment", "5.1", "2023-12"),
    ]


def test_text_hidden_in_an_html_page_is_not_read(national: Plan) -> None:
    """Text under display:none, hidden, <textarea>, <script>, <style> or a comment gives no row."""
    result = extract(national, "hidden-2023.html")
    assert [(r.indicator, r.value) for r in result.rows] == [
        ("agr.grain", "69541"),
        ("emp.new_jobs", "1244"),
    ]
    assert not any("7000" in n.sentence for n in result.not_read)


def one_sentence(plan: Plan, text: str) -> Extraction:
    return Extractor(plan, year=2023).extract([Document("x.txt", "utf-8", split_sentences(text))])


@pytest.mark.parametrize("word", ["不足", "低于", "至少", "最多", "未达到", "超过", "不到", "少于"])
def test_a_bound_before_a_number_is_not_a_figure(national: Plan, word: str) -> None:
    """全年城镇新增就业人数不足1256万人: a bound, listed with its reason, never a row."""
    result = one_sentence(national, f"全年城镇新增就业人数{word}1256万人。")
    assert result.rows == []
    assert [(s.text, s.reason) for s in result.skipped] == [("1256万人", "bound")]


def test_reached_states_the_figure(national: Plan) -> None:
    """达到1256万人 is the figure itself, not a bound."""
    result = one_sentence(national, "全年城镇新增就业人数达到1256万人。")
    assert [(r.value, r.unit) for r in result.rows] == [("1256", "万人")]


@pytest.mark.parametrize(
    "figures",
    ["1200万到1300万人", "1200～1300万人", "1200-1300万人", "1200至1300万人", "8.37-9.1万人"],
)
def test_a_range_is_not_read(national: Plan, figures: str) -> None:
    """Neither end of a range (1200万到1300万人) is proposed; the sentence is listed once as
    a range, marked at its first end (issue 20: one row per sentence and reason)."""
    result = one_sentence(national, f"全年城镇新增就业人数{figures}。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["range"]
    assert result.not_read[0].span is not None and result.not_read[0].span[0] == len(
        "全年城镇新增就业人数"
    )


@pytest.mark.parametrize("word", ["预计", "或将达", "有望达到", "预计将达到"])
def test_a_forecast_is_not_read(national: Plan, word: str) -> None:
    """全年城镇新增就业人数预计1256万人: a forecast, listed as not read, never a row."""
    result = one_sentence(national, f"全年城镇新增就业人数{word}1256万人。")
    assert result.rows == []
    assert [n.reason for n in result.not_read] == ["forecast"]


def test_a_forecast_clause_leaves_the_actual_of_the_sentence(national: Plan) -> None:
    """The actual before a forecast clause is still proposed; the forecast is not."""
    result = one_sentence(national, "全年城镇新增就业人数1256万人，预计明年1300万人。")
    assert [r.value for r in result.rows] == ["1256"]
    assert [n.reason for n in result.not_read] == ["forecast"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    low=st.decimals(min_value=1, max_value=99999, places=2),
    high=st.decimals(min_value=1, max_value=99999, places=2),
    sep=st.sampled_from(["-", "—", "–", "~", "～", "至", "到", " - "]),
    first_unit=st.sampled_from(["", "万", "万人"]),
)
def test_no_end_of_a_range_is_ever_proposed(
    national: Plan, low: object, high: object, sep: str, first_unit: str
) -> None:
    """Whatever the numbers and the range sign, a range gives no row."""
    text = f"全年城镇新增就业人数{low}{first_unit}{sep}{high}万人。"
    assert one_sentence(national, text).rows == []


class _Counting:
    """A compiled pattern that adds the length of the text each call may scan."""

    def __init__(self, pattern: re.Pattern[str], count: list[int]) -> None:
        self.pattern, self.count = pattern, count

    def _scan(self, text: str, pos: int, endpos: int | None) -> None:
        self.count[0] += min(len(text), endpos if endpos is not None else len(text)) - pos

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        self._scan(text, pos, endpos)
        return self.pattern.search(text, pos, endpos if endpos is not None else len(text))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        self._scan(text, pos, endpos)
        return self.pattern.finditer(text, pos, endpos if endpos is not None else len(text))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        m = self.pattern.match(text, pos, endpos if endpos is not None else len(text))
        self.count[0] += 1 if m is None else m.end() - pos + 1
        return m


def _scanned(plan: Plan, clauses: int, monkeypatch: pytest.MonkeyPatch) -> int:
    from linyi_tracker.extract import figures

    count = [0]
    for name in ("_BOUND_BEFORE", "_BOUND_AFTER", "_CHANGE", "_COMPARED", "_DEADLINE"):
        monkeypatch.setattr(figures, name, _Counting(getattr(figures, name), count))
    monkeypatch.setattr(figures, "_FORECAST", _Counting(figures._FORECAST, count), raising=False)
    text = "全年粮食产量" + "，".join(f"{i}万吨" for i in range(clauses)) + "。"
    one_sentence(plan, text)
    return count[0]


def test_one_long_sentence_is_read_in_linear_work(
    national: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text the rules scan for a sentence of 2n clauses is at most 2.2 times that of n."""
    assert _scanned(national, 1600, monkeypatch) <= 2.2 * _scanned(national, 800, monkeypatch)


def test_a_long_sentence_is_shown_around_its_figure() -> None:
    """In the review, a 200,000-character sentence is cut to its figure and some context."""
    from linyi_tracker.cli.extract import CONTEXT, excerpt

    sentence = "全年粮食产量" + "1，" * 50_000 + "69541万吨" + "，2" * 50_000 + "。"
    a = sentence.index("69541")
    shown, span = excerpt(sentence, (a, a + 7))
    assert len(shown) <= 2 * CONTEXT + 9
    assert span is not None and shown[span[0] : span[1]] == "69541万吨"
    assert shown.startswith("…") and shown.endswith("…")


def test_a_short_sentence_is_shown_whole() -> None:
    """A sentence of ordinary length is shown as written, its figure where it was."""
    from linyi_tracker.cli.extract import excerpt

    assert excerpt("全年粮食产量69541万吨。", (6, 13)) == ("全年粮食产量69541万吨。", (6, 13))


def test_comments_never_reach_the_html_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Comments are cut out in one pass before parsing (100,000 unclosed <!-- took 78 s)."""
    from linyi_tracker.extract import document

    fed: list[str] = []
    original = document._Visible.feed
    monkeypatch.setattr(
        document._Visible, "feed", lambda self, data: (fed.append(data), original(self, data))
    )
    page = "<p>全年粮食产量69541万吨。</p><!-- a --><!--><!---><p>b</p>" + "<!--" * 1000
    assert document.visible_text(page) == "全年粮食产量69541万吨。\nb"
    assert fed and all("<!--" not in data for data in fed)


def test_an_unclosed_comment_hides_the_rest_of_the_page() -> None:
    """As in a browser, the text after an unclosed <!-- is not shown, so not read."""
    from linyi_tracker.extract.document import visible_text

    assert visible_text("<p>a</p><!-- <p>全年粮食产量70000万吨。</p>") == "a"


def test_sentences_end_at_full_stops_and_lines() -> None:
    """Two sentences on a line and one on the next: three sentences with their lines."""
    text = (HERE / "national-2023.txt").read_text(encoding="utf-8")
    assert [(s.line, s.text[:6]) for s in split_sentences(text)] == [
        (1, "全年粮食产量"),
        (2, "全年全国城镇"),
        (2, "12月份，全"),
    ]


# The command


def test_the_level_rows_validate_clean_and_ingest(run: Run, tmp_path: Path) -> None:
    """The file proposed for the Linyi release validates (exit 0) and ingests 83700 persons."""
    out = tmp_path / "linyi-2016.csv"
    store = tmp_path / "store"
    store.mkdir()
    r = run("extract", str(HERE / "linyi-jobs-2016.txt"), "--period", "2016", "-o", str(out))
    assert r.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbf")
    v = run("validate", str(out), "--data", str(store))
    assert v.exit_code == 0
    assert " error " not in v.stdout
    i = run("ingest", str(out), "--data", str(store))
    assert i.exit_code == 0
    stored = "".join(p.read_text(encoding="utf-8") for p in store.rglob("*.csv"))
    # 8.37万 is known to the hundred: stored so, it reads back as 83700 (issue 27 item 1)
    assert "emp.new_urban_jobs,2016-08,linyi,8.37万" in stored
    from linyi_tracker.actuals.store import load_store
    from linyi_tracker.plan.loader import read_plan

    (figure,) = load_store(read_plan(PLAN_FILE), store).observations
    assert figure.value == 83700


def test_the_national_level_rows_validate_clean(run: Run, tmp_path: Path) -> None:
    """The national sentences' file (grain in 万吨, rates in %) validates with exit 0."""
    out = tmp_path / "national.csv"
    r = run(
        "extract",
        str(HERE / "national-2023.txt"),
        "--plan",
        str(NATIONAL_PLAN),
        "--period",
        "2023",
        "-o",
        str(out),
    )
    assert r.exit_code == 0
    v = run("validate", str(out), "--plan", str(NATIONAL_PLAN), "--no-store")
    assert v.exit_code == 0


def test_a_row_without_a_year_is_flagged_by_validate(run: Run, tmp_path: Path) -> None:
    """Without --period the row keeps 今年8月底 and validate names it as no period, exit 1."""
    out = tmp_path / "x.csv"
    r = run("extract", str(HERE / "linyi-jobs-2016.txt"), "-o", str(out), "--lang", "en")
    assert r.exit_code == 0 and "without a year" in r.stderr
    v = run("validate", str(out), "--no-store", "--lang", "en")
    assert v.exit_code == 1
    assert re.search(r"x\.csv:2:\d+: error invalid-period .*今年8月底", v.stdout)


def test_the_file_has_the_submission_header_and_measure(linyi: Plan) -> None:
    """The CSV header (en) is the submission's columns plus measure; source is the whole sentence."""
    rows = extract(linyi, "linyi-jobs-2016.txt", 2016).rows
    text = to_csv(rows, "en").decode("utf-8-sig")
    (record,) = list(csv.DictReader(io.StringIO(text)))
    assert tuple(record) == HEADER and HEADER.count("measure") == 1
    assert record["measure"] == "level"
    assert (
        record["source"] == "截至到今年8月底，临沂市实现城镇新增就业8.37万人，完成年度计划的99.34%"
    )


def test_growth_rows_are_written_and_read_back_as_growth(run: Run, tmp_path: Path) -> None:
    """The growth row (增产1.3%) goes into the file with measure growth, and validate reads
    it back as a growth figure — never as a level of 1.3 (万吨)."""
    out = tmp_path / "g.csv"
    args = ["extract", str(HERE / "national-2023.txt"), "--plan", str(NATIONAL_PLAN)]
    r = run(*args, "--period", "2023", "-o", str(out), "--format", "json")
    data = json.loads(r.stdout)
    (growth,) = [row for row in data["rows"] if row["measure"] == "growth"]
    assert (growth["value"], growth["figure"], growth["written"]) == ("1.3", "1.3%", True)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert [r["measure"] for r in rows].count("growth") == 1
    from linyi_tracker.plan.loader import read_plan
    from linyi_tracker.validation.validator import validate

    report = validate([str(out)], read_plan(NATIONAL_PLAN), store=None, keep_observations=True)
    assert not report.failed
    read = [(o.measure, o.text) for o in report.observations if o.measure == "growth"]
    assert read == [("growth", "1.3")]


def test_json_is_the_only_stdout(run: Run) -> None:
    """--format json prints one object whose spans point at each figure in its sentence."""
    r = run(
        "extract",
        str(HERE / "national-jobs-2022.txt"),
        "--plan",
        str(NATIONAL_PLAN),
        "--period",
        "2022",
        "--format",
        "json",
    )
    data = json.loads(r.stdout)
    assert [(f["encoding"], f["sentences"]) for f in data["files"]] == [("utf-8", 1)]
    (row,) = data["rows"]
    a, b = row["span"]
    assert row["source"][a:b] == "1206万人" == row["figure"]
    assert data["skipped"][0]["reason"] == "target"


def test_the_review_marks_the_figure_in_its_sentence(linyi: Plan) -> None:
    """The review table styles the figure's characters, and only them, in the sentence."""
    from rich.console import Console

    from linyi_tracker.cli.extract import MARK, _marked

    (row,) = extract(linyi, "linyi-jobs-2016.txt", 2016).rows
    wrapped = _marked(row.sentence, row.span, "x:1")
    text = wrapped.text
    styled = [text.plain[s.start : s.end] for s in text.spans if s.style == MARK]
    assert styled == ["8.37万人"]
    console = Console(width=100, record=True, color_system=None)
    console.print(wrapped)
    assert "8.37万人" in console.export_text()


@pytest.mark.parametrize(
    ("name", "needle"),
    [("report.pdf", "pdftotext"), ("report.docx", ".html"), ("missing.txt", "missing.txt")],
)
def test_files_it_cannot_read_are_refused_with_exit_2(
    run: Run, tmp_path: Path, name: str, needle: str
) -> None:
    """A PDF (convert it with pdftotext), another kind, a missing file: a message, exit 2."""
    path = tmp_path / name
    if name != "missing.txt":
        path.write_bytes(b"%PDF-1.4")
    r = run("extract", str(path), "--lang", "en")
    assert r.exit_code == 2 and needle in r.stderr and "Traceback" not in r.stderr


def test_bytes_that_are_no_text_are_refused(run: Run, tmp_path: Path) -> None:
    """A file that is neither UTF-8 nor GB18030 is refused with exit 2."""
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xff\x00\xff")
    r = run("extract", str(path), "--lang", "en")
    assert r.exit_code == 2 and "neither UTF-8 nor GB18030" in r.stderr


def test_help_is_chinese_with_an_example(run: Run) -> None:
    """`extract --help` in Chinese ends with an example."""
    from test_zh_everywhere import english_sentences

    r = run("extract", "--help", "--lang", "zh")
    assert r.exit_code == 0 and "示例：linyi-tracker extract" in r.stdout
    assert english_sentences(r.stdout) == []


def test_the_review_is_chinese(run: Run, tmp_path: Path) -> None:
    """The review and the messages of `extract --lang zh` carry no English sentence."""
    from test_zh_everywhere import english_sentences

    r = run(
        "extract",
        str(HERE / "linyi-jobs-2016.txt"),
        str(HERE / "linyi-poverty-2015.txt"),
        "-o",
        str(tmp_path / "x.csv"),
        "--lang",
        "zh",
    )
    assert r.exit_code == 0 and "已写入" in r.stderr
    assert english_sentences(r.stdout + r.stderr) == []


# Properties


_SENTENCE_PARTS = st.sampled_from(
    [
        "全年",
        "城镇新增就业",
        "粮食产量",
        "城镇调查失业率",
        "比上年",
        "增长",
        "下降",
        "增加",
        "个百分点",
        "万人",
        "万吨",
        "%",
        "，",
        "。",
        "目标",
        "今年",
        "8月底",
        "12月份",
        "其中",
        "2016年",
        "兰山区",
        "全国",
        "为",
        "达到",
        "约",
        "以上",
        " ",
        "\n",
        "１２",
        "3.5",
        "1,206",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.one_of(_SENTENCE_PARTS, st.from_regex(r"\d{1,6}(\.\d{1,3})?", fullmatch=True)),
        max_size=40,
    ).map("".join),
)


def _digits(value: str) -> str:
    return value.lstrip("-")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT, year=st.one_of(st.none(), st.integers(2012, 2025)))
def test_no_figure_that_is_not_in_the_text(national: Plan, text: str, year: int | None) -> None:
    """Whatever the text, the extractor never raises, and each proposed value's digits
    stand in its source sentence, inside the span it marks."""
    doc = Document("p.txt", "utf-8", split_sentences(text))
    result = Extractor(national, year=year).extract([doc])
    for r in result.rows:
        figure = fold_same_length(r.sentence[r.span[0] : r.span[1]]).replace(",", "")
        assert _digits(r.value) in figure
        assert r.sentence in text


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_the_shipped_plan_never_raises_either(linyi: Plan, text: str) -> None:
    """Arbitrary text against the shipped plan: no exception, every row's digits in its span."""
    result = Extractor(linyi, year=2016).extract(
        [Document("p.txt", "utf-8", split_sentences(text))]
    )
    for r in result.rows:
        assert _digits(r.value) in fold_same_length(r.sentence[r.span[0] : r.span[1]]).replace(
            ",", ""
        )


def test_a_figure_of_another_area_is_not_read(tmp_path: Path) -> None:
    """With a plan whose area is a province, 全国城镇调查失业率 is the country's: not read
    (reason other-area), never proposed as the province's."""
    text = NATIONAL_PLAN.read_text(encoding="utf-8").replace(
        "{id: cn, level: city, name: {zh: 全国, en: China}}",
        "{id: sd, level: city, name: {zh: 山东省, en: Shandong}}",
    )
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = extract(read_plan(tmp_path / "plan.yaml"), "national-2023.txt", 2023)
    assert rows_of(result, "emp.unemployment") == []
    assert {(n.indicator, n.reason) for n in result.not_read} == {
        ("emp.unemployment", "other-area")
    }


def test_the_region_option_sets_the_region_of_sentences_without_one(run: Run) -> None:
    """--region 兰山 gives the sentences that name no region to Lanshan."""
    r = run(
        "extract",
        str(HERE / "national-jobs-2022.txt"),
        "--plan",
        str(NATIONAL_PLAN),
        "--period",
        "2022",
        "--format",
        "json",
    )
    assert [row["region"] for row in json.loads(r.stdout)["rows"]] == ["cn"]
    r = run("extract", str(HERE / "national-jobs-2022.txt"), "--region", "兰山", "--format", "json")
    assert [row["region"] for row in json.loads(r.stdout)["rows"]] == ["lanshan"]


def test_an_unknown_region_option_is_a_usage_error(run: Run) -> None:
    """--region that is no region of the plan: a message in Chinese, exit 2."""
    r = run("extract", str(HERE / "linyi-jobs-2016.txt"), "--region", "lanshn", "--lang", "zh")
    assert r.exit_code == 2 and "Traceback" not in r.stderr and "地区" in r.stderr


def test_a_fall_is_a_negative_growth_rate(national: Plan) -> None:
    """禽肉产量1798万吨，下降1.3%: a level 1798 万吨 and a growth rate of −1.3."""
    poultry = rows_of(extract(national, "national-2013-meat.txt", 2013), "agr.poultry")
    assert [(r.value, r.measure) for r in poultry] == [("1798", "level"), ("-1.3", "growth")]


def test_the_parts_after_qizhong_are_not_the_totals_figures(national: Plan) -> None:
    """其中，猪肉产量5493万吨…: pork, beef and mutton are no figures of 肉类总产量."""
    meat = rows_of(extract(national, "national-2013-meat.txt", 2013), "agr.meat")
    assert [(r.value, r.measure) for r in meat] == [("8536", "level"), ("1.8", "growth")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_review_keeps_every_sentence_whole_at_80_columns(run: Run, lang: str) -> None:
    """At 80 columns nothing of a sentence or a reason is cut off (no ellipsis, no crop)."""
    files = [str(HERE / n) for n in ("linyi-jobs-2016.txt", "linyi-poverty-2015.txt")]
    r = run("extract", *files, "--period", "2016", "--lang", lang, width=80)
    assert r.exit_code == 0 and "…" not in r.stdout
    table_lines = [line for line in r.stdout.splitlines() if line[:1] in "┏┃┡│├└"]
    assert table_lines and all(line.rstrip()[-1] in "┓┃┩│┤┘" for line in table_lines)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_review_never_breaks_a_figure_across_lines(run: Run, width: int) -> None:
    """The sentence column wraps between Chinese characters, never inside 8.37 or 99.34%."""
    r = run(
        "extract",
        str(HERE / "linyi-jobs-2016.txt"),
        "--period",
        "2016",
        "--lang",
        "zh",
        width=width,
    )
    cells = [line.split("│")[-2].strip() for line in r.stdout.splitlines() if line.count("│") >= 7]
    sentence = "".join(cells)
    assert "8.37万人" in sentence and "99.34%" in sentence
    assert not any(c.endswith(("8", "8.", "8.3", "99", "99.")) for c in cells)


def test_a_decrease_on_the_previous_year_is_a_change_not_a_level(national: Plan) -> None:
    """比上年减少63万人 is the change on 2021: 1206万 is the one level of the sentence."""
    result = extract(national, "national-jobs-2022-change.txt", 2022)
    assert [(r.value, r.measure) for r in result.rows] == [("1206", "level")]
    assert [(s.text, s.reason) for s in result.skipped] == [("63万人", "change")]


def test_a_chinese_file_says_its_measure_in_chinese_and_reads_back(
    run: Run, tmp_path: Path
) -> None:
    """Under --lang zh the 口径 column reads 水平值 / 比上年增长 (not level/growth), and validate
    reads the growth row back as a growth figure."""
    out = tmp_path / "g.csv"
    args = ["extract", str(HERE / "national-2023.txt"), "--plan", str(NATIONAL_PLAN)]
    assert run(*args, "--period", "2023", "-o", str(out), "--lang", "zh").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    measures = {r["口径"] for r in rows}
    assert measures <= {"水平值", "比上年增长"} and "比上年增长" in measures
    from linyi_tracker.plan.loader import read_plan
    from linyi_tracker.validation.validator import validate

    report = validate([str(out)], read_plan(NATIONAL_PLAN), store=None, keep_observations=True)
    assert not report.failed
    assert [o.text for o in report.observations if o.measure == "growth"] == ["1.3"]


def test_the_chinese_measure_words_written_are_the_reader_s() -> None:
    """Each 口径 word extract writes is one the reader takes back as that measure."""
    from linyi_tracker.actuals.cells import MEASURE_WORDS
    from linyi_tracker.extract.output import MEASURE_ZH

    assert {m: MEASURE_WORDS[word] for m, word in MEASURE_ZH.items()} == {
        "level": "level",
        "growth": "growth",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_proposed_writes_no_file_and_says_so(run: Run, tmp_path: Path, lang: str) -> None:
    """A text with no figure of the plan: -o writes no header-only file (a clerk would
    validate and ingest it: 'no errors, 0 rows'), leaves a file already there as it was,
    and says there is nothing to validate or ingest — never 'wrote …: 0 rows. Next: validate'."""
    release = tmp_path / "rel.txt"
    release.write_text("国家统计局发布了数据。\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    r = run("extract", str(release), "-o", str(out), "--lang", lang)
    assert r.exit_code == 0 and not out.exists()
    said = {"zh": "没有建议的数字：未写入也未改动", "en": "No figure proposed: "}[lang]
    assert said in r.stderr and str(out) in r.stderr
    assert "validate" in r.stderr and "ingest" in r.stderr and "0 rows" not in r.stderr
    r = run("extract", str(release), "-o", "-", "--lang", lang)
    assert r.exit_code == 0 and r.stdout == ""
    assert not any(
        w in r.stderr for w in ("No file written", "未写文件", "-o FILE.csv", "-o 文件.csv")
    )
    out.write_text("kept\n", encoding="utf-8")
    r = run("extract", str(release), "-o", str(out), "--lang", lang, "--format", "json")
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert json.loads(r.stdout)["output"] is None


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_the_file_on_standard_output_is_alone_there(run: Run, name: str) -> None:
    """-o -: standard output is the CSV alone (extract rel.txt -o - > x.csv had the review
    table after the rows, read as more rows); the review goes to stderr. With --format json
    both would be on standard output: refused, exit 2."""
    args = ("extract", str(HERE / "linyi-jobs-2016.txt"), "--period", "2016", "-o", name)
    r = run(*args, "--lang", "en")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert [(row["indicator"], row["value"]) for row in rows] == [("emp.new_urban_jobs", "8.37")]
    assert "Proposed figures" in r.stderr and "wrote" not in r.stderr
    # the CSV is on standard output: never "No file written: add -o FILE.csv"
    assert "No file written" not in r.stderr and "-o FILE.csv" not in r.stderr
    r = run(*args, "--lang", "zh")
    assert r.exit_code == 0 and "未写文件" not in r.stderr and "-o 文件.csv" not in r.stderr
    for lang, said in (("en", "standard output"), ("zh", "标准输出")):
        r = run(*args, "--format", "json", "--lang", lang)
        assert r.exit_code == 2 and said in r.stderr and r.stdout == ""
