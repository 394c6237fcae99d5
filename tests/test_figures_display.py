"""Figures a reader can trust: one minus sign, Chinese set close to its figures, one
scale a row, and no schedule to be ahead of once a target's deadline is met — on the
shipped example plans, in every output that shows them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from conftest import DEMO, Result
from linyi_tracker import formatting
from linyi_tracker.assessment.engine import Assessment
from linyi_tracker.formatting import number, percent, with_unit
from linyi_tracker.reporting.view import target_standing
from linyi_tracker.texts.labels import LABELS

Run = Callable[..., Result]
CN = ("--plan", "cn-13th-fyp")


def _row(stdout: str, name: str) -> str:
    """The table line that starts the row of ``name``, with the two lines under it (a cell
    may wrap)."""
    lines = stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if name in line)
    return "\n".join(lines[i : i + 3])


# ------------------------------------------------------------------ one minus sign


def test_a_negative_gap_shows_the_minus_sign_of_the_schedule_column(run: Run) -> None:
    """A gap below zero reads '−3.89 pts' (U+2212), as the schedule column's '−6.8' (its
    header says the points)."""
    r = run("status", *CN, "--lang", "en", width=160)
    assert r.exit_code == 0, r.stderr
    # A target behind schedule while its time runs (2019: the share of surface water worse
    # than grade V); at the deadline a missed target reads "missed at deadline" instead.
    r2019 = run("status", *CN, "--as-of", "2019", "--lang", "en", width=160)
    assert "−3.89 pts" in r.stdout and "−10.2 │" in r2019.stdout
    for out in (r.stdout, r2019.stdout):
        assert not re.search(r"(?<![A-Za-z])-\d", out)  # cn-13th-fyp aside


def test_a_negative_chinese_gap_shows_the_minus_sign(run: Run) -> None:
    """The Chinese table writes the same sign: '−3.89个百分点', never '-3.89个百分点'."""
    r = run("status", *CN, "--lang", "zh", width=160)
    assert "−3.89个百分点" in r.stdout and "-3.89" not in r.stdout


def test_the_json_keeps_machine_numbers(run: Run) -> None:
    """`status --format json` keeps the gap a JSON number (-3.89), with no U+2212 anywhere."""
    r = run("status", *CN, "--format", "json")
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert targets["urb.resident_rate.2020"]["gap"] == -3.89
    assert formatting.MINUS not in r.stdout


def test_the_markdown_report_shows_the_minus_sign(run: Run) -> None:
    """The Markdown report's system table writes '−13.4 pts', not '-13.4 pts'."""
    r = run("report", "2020", *CN, "--lang", "en", "--format", "md")
    assert "−13.4 pts" in r.stdout and "-13.4" not in r.stdout


@given(st.decimals(min_value=-(10**12), max_value=Decimal("-0.000001"), places=6, allow_nan=False))
def test_every_negative_figure_is_written_with_the_minus_sign(value: Decimal) -> None:
    """Property: any negative figure, in either language and magnitude, starts with U+2212
    and holds no ASCII hyphen."""
    for lang in ("zh", "en"):
        shown = number(value, lang)  # type: ignore[arg-type]
        assert shown.startswith(formatting.MINUS) and "-" not in shown, shown


def test_a_negative_percentage_has_the_minus_sign() -> None:
    """A negative share (progress moving away from a target) reads '−20.0 %'."""
    assert percent(-0.2, "en") == "−20.0 %"


def test_a_minus_one_is_still_singular() -> None:
    """'−1 county': the minus sign does not hide the whole 1 from the singular rule."""
    assert with_unit(Decimal(-1), "counties", "en") == "−1 county"


# ------------------------------------------------------------------ Chinese spacing

# The parameters of the templates that hold a figure (a number, a percentage, a year, a
# period, a date, a growth phrase, a value as filed): Chinese text sits close to them.
_FIGURES = (
    *("v", "wanted", "points", "pct", "n", "page", "pages", "start", "end", "year", "years"),
    *("value", "stored", "old", "new", "as_of", "when", "period", "filed_on", "count"),
    *("total", "stored_value", "other_value", "stored_as_of", "tol", "on", "risk"),
)
_CJK = "\u3400-\u9fff"


def _zh_templates() -> dict[str, str]:
    """Every zh template of the message catalogues: the labels (i18n), the findings'
    sentences and the help texts (texts/)."""
    from linyi_tracker.texts import cli_help, findings
    from linyi_tracker.texts.text import tables

    assert findings.FINDING_TEXTS  # registered with the other tables
    out = {k: v["zh"] for table in tables() for k, v in table.items()}
    out |= {f"help {k}": v["zh"] for k, v in {**cli_help.COMMANDS, **cli_help.PARAMETERS}.items()}
    assert set(LABELS) <= set(out)
    return out


def test_no_chinese_template_puts_a_space_between_chinese_and_a_figure() -> None:
    """No zh template of any message catalogue has an ASCII space between a Chinese
    character and a figure (年均增长{v}, 截至{as_of}, 没有数值为{value}的数字), as the
    communiqués print Chinese."""
    figure = "|".join(_FIGURES)
    spaced = re.compile(
        rf"[{_CJK}] +\{{(?:{figure})(?:[!:][^}}]*)?\}}|\{{(?:{figure})(?:[!:][^}}]*)?\}} +[{_CJK}]"
    )
    assert {k: v for k, v in _zh_templates().items() if spaced.search(v)} == {}


def test_chinese_examples_set_their_figures_close() -> None:
    """A figure a zh template gives as an example or a form to write (如13100或1.31万,
    请写成2017、2017Q3或2017-09, “maybe”不是可选值) is set close to the Chinese around it,
    as the figures it fills in are."""
    spaced = re.compile(r"(?:如|：|例如|写成|请写) +[0-9]|[0-9] +或[0-9]|'\{value\}' ")
    assert {k: v for k, v in _zh_templates().items() if spaced.search(v)} == {}


def test_a_chinese_growth_target_sets_its_figures_close(run: Run) -> None:
    """`status --lang zh` writes '年均增长6.5%以上' and '年均增长5.7%', no spaces."""
    r = run("status", *CN, "--lang", "zh", width=160)
    assert "年均增长6.5%以上" in r.stdout and "年均增长5.7%" in r.stdout
    assert "年均增长 " not in r.stdout


def test_an_annual_target_reads_every_year_close_in_chinese(run: Run) -> None:
    """An annual target reads '≥ 85,000人每年' in Chinese, no space before 每年."""
    # 140 columns: at 120 the status cell's 数据不足 · 缺2016年全年数 takes two of the target
    # column's cells, and the target may break before 每 (fit.py), as it should.
    r = run("status", "--lang", "zh", width=140)
    assert "人每年" in r.stdout and "人 每年" not in r.stdout


def test_english_keeps_its_spaces(run: Run) -> None:
    """English keeps the spaces of its words: 'average growth at least 6.5 % a year'."""
    r = run("show", "econ.gdp", *CN, "--lang", "en", width=160)
    assert "average growth at least 6.5 % a year" in r.stdout


# ------------------------------------------------------------------ one scale a row


def test_a_chinese_row_is_in_one_scale(run: Run) -> None:
    """全员劳动生产率 reads '≥ 120,000元/人' beside '117,746元/人' and '2,254元/人', never
    '≥ 12万元/人' beside '117,746元/人'."""
    r = run("status", *CN, "--lang", "zh", width=160)
    row = _row(r.stdout, "全员劳动生产率")
    assert "≥ 120,000元/人" in row and "117,746元/人" in row and "2,254元/人" in row
    assert "万元/人" not in r.stdout


def test_a_row_all_in_wan_stays_in_wan(run: Run) -> None:
    """A row whose figures all read in 万 (城镇新增就业人数 in 2020: 8.5万, 4.43万, 4.07万)
    keeps 万 in each column."""
    r = run("status", "--data", str(DEMO), "--lang", "zh", width=120)
    row = _row(r.stdout, "城镇新增就业人数")
    assert "≥ 8.5万人每年" in row and "4.43万人" in row and "4.07万人" in row


def test_show_writes_one_scale_for_every_figure_of_a_target(run: Run) -> None:
    """`show` gives the target, actual, gap, starting point and projection of 全员劳动生产率
    in one scale (元/人), never 12万元/人 beside 117,746元/人."""
    r = run("show", "econ.labour_productivity", *CN, "--lang", "zh", width=120)
    assert r.exit_code == 0, r.stderr
    assert "≥ 120,000元/人" in r.stdout and "87,000元/人" in r.stdout
    assert "万元/人" not in r.stdout


def test_the_scale_of_a_unit_is_decided_over_every_figure_of_it() -> None:
    """A unit is in 万 only when every figure of it reads in 万: a gap of 2,254 keeps its
    target of 120,000 in 元."""
    assert formatting.unit_scales([(Decimal(120000), "元"), (Decimal(2254), "元")], "zh") == {
        "元": False
    }
    assert formatting.unit_scales([(Decimal(120000), "元"), (Decimal(20000), "元")], "zh") == {
        "元": True
    }


def test_the_workbook_row_is_in_one_scale(run: Run, tmp_path: object) -> None:
    """The Chinese workbook shows 全员劳动生产率's target as 120,000元/人, as its actual
    (the cell keeps 120000 under a format in 元)."""
    import openpyxl

    out = f"{tmp_path}/r.xlsx"
    r = run("report", "2020", *CN, "--lang", "zh", "--format", "xlsx", "-o", out)
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(out)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == 120000:
                    assert "万" not in str(cell.number_format)
                    return
    raise AssertionError("no target cell of 120000")


# ------------------------------------------------------------------ lower is better


def test_a_lower_is_better_achievement_is_target_over_actual(run: Run) -> None:
    """assessment.md defines achievement for a "<" target as T/A: 5 ÷ 0.6 = 833.3 %, shown
    and exported alike (the spec is followed, not second-guessed)."""
    r = run("status", *CN, "--format", "json")
    targets = {t["target_id"]: t for t in json.loads(r.stdout)["targets"]}
    assert round(targets["env.surface_water_worst.2020"]["achievement"], 4) == 8.3333
    shown = run("status", *CN, "--lang", "en", width=160)
    assert "833.3 %" in _row(shown.stdout, "Share of surface water worse than")


# ------------------------------------------------------------------ at the deadline


def test_an_achieved_target_at_its_deadline_is_not_ahead_of_schedule(run: Run) -> None:
    """A level target met at its deadline (surface water, 435 % of the way from 66 %) says
    'met at deadline', never 'ahead of schedule by 335.0 points'."""
    r = run("status", *CN, "--lang", "en", width=160)
    row = _row(r.stdout, "Share of surface water of grade")
    assert re.search(r"met at\s.*deadline", row, re.S) and "335.0" not in r.stdout


def test_an_achieved_chinese_target_at_its_deadline_says_so(run: Run) -> None:
    """The Chinese table says '到期达成' there, not '超 335.0'."""
    r = run("status", *CN, "--lang", "zh", width=160)
    assert "到期达成" in _row(r.stdout, "地表水质量达到或好于") and "335.0" not in r.stdout


def test_a_cumulative_target_met_at_its_deadline_says_so(run: Run) -> None:
    """A cumulative target met at its deadline (new urban jobs 2016–2020) says so too."""
    r = run("status", *CN, "--lang", "en", width=160)
    assert re.search(r"met at\s.*deadline", _row(r.stdout, "New urban jobs"), re.S)


def test_a_target_missed_at_its_deadline_reads_missed_not_behind(run: Run) -> None:
    """A target missed at its deadline reads 'missed at deadline' where its achieved sibling
    reads 'met at deadline', never a lag ('−6.8') behind a schedule that is over."""
    r = run("status", *CN, "--lang", "en", width=160)
    row = _row(r.stdout, "Overall labour productivity")
    assert re.search(r"missed at\s.*deadline", row, re.S) and "−6.8" not in row


def test_a_target_met_at_its_start_says_met_at_its_deadline(run: Run) -> None:
    """A target achieved at its deadline with no schedule gap (non-fossil share, met by its
    starting point) says 'met at deadline' too, not '—' beside its neighbours' words."""
    r = run("status", *CN, "--lang", "en", width=160)
    assert re.search(r"met at\s.*deadline", _row(r.stdout, "Non-fossil share"), re.S)


def test_an_annual_target_met_in_a_year_gone_by_says_met_at_its_deadline(run: Run) -> None:
    """An annual target of 2015 met that year (demo, public rental flats, 104 %) reads 'met at
    deadline' as of 2020, not '+4.0 pts' ahead of a schedule that ended in 2015."""
    r = run("status", "--data", str(DEMO), "--lang", "en", width=200)
    row = _row(r.stdout, "Newly built public rental flats")
    assert re.search(r"met at\s.*deadline", row, re.S) and "+4.0" not in row


def test_the_workbook_writes_the_words_where_a_met_target_has_no_gap(
    run: Run, tmp_path: object
) -> None:
    """The workbook's schedule cell of a target met at its start (no gap to hold) holds the
    words, not an empty cell."""
    import openpyxl

    out = f"{tmp_path}/r.xlsx"
    assert run("report", "2020", *CN, "--lang", "en", "--format", "xlsx", "-o", out).exit_code == 0
    rows = [
        [c.value for c in row]
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows()
    ]
    found = [r for r in rows if "env.non_fossil_share" in r]
    assert found and all("met at the deadline" in r for r in found)


def test_show_and_the_report_say_met_at_the_deadline(run: Run) -> None:
    """`show` and the report's sentences say 'met at the deadline' / '到期已达成'."""
    shown = run("show", "env.surface_water_good", *CN, "--lang", "en", width=120)
    assert "met at the deadline" in shown.stdout and "ahead of schedule" not in shown.stdout
    report = run("report", "2020", *CN, "--lang", "zh", "--format", "md")
    assert "到期已达成" in report.stdout and "超时序进度335.0" not in report.stdout


def test_a_target_met_before_its_deadline_is_still_ahead(run: Run) -> None:
    """Before the deadline the schedule stands: as of 2018 a met target is ahead, not
    'met at deadline'."""
    r = run("status", *CN, "--as-of", "2018", "--lang", "en", width=160)
    row = _row(r.stdout, "Urbanisation rate of the registered")
    assert "achieved" in row and "met at" not in row
    assert re.search(r"│ +\+\d+\.\d │", row), row


# ------------------------------------------------------------------ terminal widths


def test_status_at_80_and_120_columns_cuts_nothing(run: Run) -> None:
    """`status` on the second example plan at 80 and 120 columns, zh and en: no cut text."""
    for width in (80, 120):
        for lang in ("zh", "en"):
            r = run("status", *CN, "--lang", lang, width=width)
            assert r.exit_code == 0, r.stderr
            assert "…" not in r.stdout, (width, lang)
            assert all(len(line) <= width for line in r.stdout.splitlines()), (width, lang)


def test_a_lower_is_better_sentence_says_what_its_achievement_is(run: Run) -> None:
    """The report's sentence on a "<" target names its achievement as target ÷ actual,
    never '833.3 % of the target level' (0.6 % is no such share of 5 %)."""
    en = run("report", "2020", *CN, "--lang", "en", "--format", "md").stdout
    assert "achievement 833.3 % (lower is better: target ÷ actual)" in en
    assert "833.3 % of the target level" not in en
    zh = run("report", "2020", *CN, "--lang", "zh", "--format", "md").stdout
    assert "完成率833.3%（越低越好：目标值÷实际值）" in zh and "达到目标值的833.3%" not in zh


def test_show_writes_an_indicator_in_one_scale_above_and_below(run: Run) -> None:
    """`show` writes 城镇新增就业人数's yearly figures in the panel as in the series below it
    (8.62万人 in both, the scale of the target's row as status writes it: text.row_scale),
    never 8.62万人 above 86,200人."""
    r = run("show", "emp.new_urban_jobs", "--data", str(DEMO), "--lang", "zh", width=120)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("8.62万人") == 2 and "86,200人" not in r.stdout


def _level(**fields: object) -> Assessment:
    base: dict[str, object] = {
        "target_id": "x.2020",
        "indicator": "x",
        "kind": "level",
        "region": "city",
        "comparator": ">",
        "target": Decimal(70),
        "start": None,
        "deadline": 2020,
        "unit": "percent",
        "status": "achieved",
        "schedule_gap": 0.5,
        "time_progress": 0.8,
    }
    return Assessment(**{**base, **fields})  # type: ignore[arg-type]


def test_a_yearly_target_met_in_a_year_before_its_deadline_is_ahead() -> None:
    """≥ 85,000 a year over 2015–2020, met in 2019 (its year all elapsed): ahead, not met at
    the deadline, which is 2020's."""
    annual = _level(kind="annual", time_progress=1.0)
    assert target_standing(annual, at_deadline=False) == "ahead"
    assert target_standing(annual, at_deadline=True) == "met_at_deadline"


def test_a_target_met_on_a_figure_before_its_deadline_year_is_met_at_the_deadline() -> None:
    """Once the as-of period has passed the deadline, a target achieved on an earlier year's
    figure (time elapsed 80 %) is met at the deadline, not ahead of schedule."""
    assert target_standing(_level(), at_deadline=True) == "met_at_deadline"


def test_a_target_met_before_its_deadline_is_ahead_by_the_rule() -> None:
    """Before the deadline, the same achieved target is ahead of schedule."""
    assert target_standing(_level(), at_deadline=False) == "ahead"


def test_the_workbook_says_met_at_the_deadline_and_keeps_the_gap(
    run: Run, tmp_path: object
) -> None:
    """The workbook's schedule cell of a target met at its deadline shows '到期已达成' and
    still holds the schedule gap in points for a program (surface water: 335.0)."""
    import openpyxl
    from test_workbook_formats import shown

    out = f"{tmp_path}/r.xlsx"
    assert run("report", "2020", *CN, "--lang", "zh", "--format", "xlsx", "-o", out).exit_code == 0
    cells = [
        c
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value == 335.0
    ]
    assert cells and all(shown(c.value, c.number_format) == "到期已达成" for c in cells)
