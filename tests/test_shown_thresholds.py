"""A shown figure never contradicts the word beside it (sweep 33, items 3 and 4): no
figure rounds across the threshold its status or schedule word stands on (one rule,
formatting.kept_side), and a target whose time is up reads met or missed at its deadline,
never behind or ahead of a schedule that is over."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DEMO, FIXTURES, Result
from linyi_tracker.actuals.periods import Period
from linyi_tracker.actuals.store import load_store
from linyi_tracker.assessment.engine import assess_all
from linyi_tracker.formatting import MINUS, kept_side, shown_pace, shown_percent
from linyi_tracker.i18n import Lang
from linyi_tracker.plan.models import Plan
from linyi_tracker.reporting import text
from linyi_tracker.reporting.view import SETTLED, TargetView, status_view

NEAR = FIXTURES / "near-thresholds"
LANGS: tuple[Lang, ...] = ("zh", "en")
Run = Callable[..., Result]
_FIGURE = re.compile(f"[{MINUS}-]?[0-9][0-9,]*(?:\\.[0-9]+)?")


def _shown(cell: str) -> Decimal:
    """The figure of a shown cell ('99.9 %', '−0.1'), as a number."""
    m = _FIGURE.search(cell)
    assert m is not None, cell
    return Decimal(m.group().replace(",", "").replace(MINUS, "-"))


@given(
    st.floats(min_value=-1000, max_value=1000, allow_nan=False),
    st.integers(min_value=-200, max_value=200),
    st.integers(min_value=0, max_value=2),
)
def test_a_rounded_figure_keeps_its_side_of_a_bound(value: float, raw: int, places: int) -> None:
    """kept_side shows a figure on the same side of a bound as the figure itself, at most
    one shown step from it."""
    bound = Decimal(raw).scaleb(-places) * 5
    shown = kept_side(value, (bound,), places)
    assert (shown >= bound) == (value >= float(bound))
    assert abs(float(shown) - value) <= 10.0**-places + 1e-9


@given(st.floats(min_value=0.99, max_value=1.01, allow_nan=False))
def test_a_share_near_all_of_it_never_shows_100_when_short(fraction: float) -> None:
    """An achievement below 1 never shows 100.0; at or above 1 never 99.9."""
    assert (shown_percent(fraction) >= 100) == (fraction >= 1)


@given(st.floats(min_value=-0.01, max_value=0.01, allow_nan=False))
def test_a_gap_below_zero_never_shows_zero(gap: float) -> None:
    """A schedule gap below 0 shows at least −0.1 points; one at or above 0 never a minus."""
    assert (shown_percent(gap) < 0) == (gap < 0)


def _views(plan: Plan, data: Path, years: range) -> list[TargetView]:
    store = load_store(plan, data)
    regions = [r.id for r in plan.regions]
    return [
        v
        for y in years
        for v in status_view(
            plan, store, assess_all(plan, store, Period.of_year(y), regions)
        ).targets
    ]


def _contradictions(v: TargetView, lang: Lang) -> list[str]:
    """Where a shown figure of ``v`` says what its word denies."""
    a, out = v.a, []
    if a.achievement is not None:
        shown = _shown(text.achievement(v, lang))
        for bound in (Decimal(1), *v.achievement_bounds):
            if (shown >= bound * 100) != (a.achievement >= float(bound)):
                out.append(f"achievement {shown} vs {bound} ({a.achievement})")
        if a.status == "missed" and a.comparator in (">=", "<=") and shown >= 100:
            out.append(f"missed at {shown} %")
    said = text.schedule(v, lang, short=True)
    if a.schedule_gap is not None and v.standing not in SETTLED and said != "—":
        points = _shown(said) if _FIGURE.search(said) else Decimal(0)
        if (a.schedule_gap < 0) != (v.standing == "behind") or (points == 0) != (
            v.standing == "on_schedule"
        ):
            out.append(f"schedule {said!r} for {a.schedule_gap}")
    if a.status == "missed":
        for short in (True, False):
            words = text.schedule(v, lang, short=short)
            if re.search("落后|持平|超|behind|ahead|on pace|on schedule|^[+−]", words):
                out.append(f"missed target reads {words!r}")
    if a.pace is not None and a.status in ("on_track", "at_risk", "off_track"):
        pace = shown_pace(a.pace, v.pace_bounds)
        th = v.thresholds
        word = "on_track" if pace >= th.on_track * 100 else "at_risk"
        word = word if pace >= th.at_risk * 100 else "off_track"
        if word != a.status:
            out.append(f"pace {pace} beside {a.status}")
    return out


@pytest.mark.parametrize(
    "data",
    [DEMO, NEAR / "just-short-2019", NEAR / "just-short-2020"],
    ids=["demo", "near-2019", "near-2020"],
)
def test_no_shown_figure_contradicts_its_word(plan: Plan, data: Path) -> None:
    """On every target × region × year of the demo data and the sweep's near-threshold
    inputs, in zh and en, the shown achievement, schedule and pace agree with the words."""
    views = _views(plan, data, range(2015, 2021))
    assert views
    bad = [
        f"{v.target_id}/{v.a.region}/{lang}: {c}"
        for v in views
        for lang in LANGS
        for c in _contradictions(v, lang)
    ]
    assert not bad, bad[:10]


def _folder(year: str) -> Path:
    """A data folder holding one near-threshold file (the sweep's d10, d11)."""
    return NEAR / f"just-short-{year}"


def test_a_job_count_just_short_reads_999_and_missed_for_the_year(run: Run) -> None:
    """84,960 against ≥ 85,000 a year reads 99.9 % and 'missed for the year, short by 40
    persons' in the report's missed list, not '100.0 %… on schedule'."""
    r = run("report", "2019", "--data", str(_folder("2019")), "--lang", "en", width=200)
    assert "New urban jobs: 99.9 % of the annual target, missed for the year, short by 40" in (
        r.stdout
    )


def test_a_chinese_status_row_just_short_is_not_on_schedule(run: Run) -> None:
    """The zh status row of 84,960 against ≥ 85,000 reads 99.9% and 全年未达成, never 持平."""
    r = run("status", "--data", str(_folder("2019")), "--as-of", "2019", "--lang", "zh")
    row = next(ln for ln in r.stdout.splitlines() if "城镇新增就业人数" in ln)
    assert "99.9%" in row and "全年未达成" in row and "持平" not in row


def test_an_approximate_target_just_outside_its_tolerance_reads_below_it(run: Run) -> None:
    """47,499 against ≈ 50,000 (met from 47,500) reads 94.9 %, not 95.0 %."""
    r = run("status", "--data", str(_folder("2019")), "--as-of", "2019", "--lang", "en")
    row = next(ln for ln in r.stdout.splitlines() if "47,499" in ln)
    assert "94.9 %" in row and "95.0" not in row


def test_a_ratio_just_short_reads_999(run: Run) -> None:
    """79.96 % against ≥ 80 % reads 99.9 % beside 'missed', never 100.0 %."""
    r = run("status", "--data", str(_folder("2020")), "--as-of", "2020", "--lang", "en")
    row = next(ln for ln in r.stdout.splitlines() if "79.96" in ln)
    assert "99.9 %" in row and "100.0" not in row


def test_a_target_missed_in_a_year_gone_by_reads_missed_at_the_deadline(run: Run) -> None:
    """The 2015 shantytown target, missed, reads 到期未达成 with its shortfall in the
    report's missed list, never 落后时序进度7.4个百分点."""
    r = run("report", "2015", "--data", str(DEMO), "--lang", "zh", "--format", "md")
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("- 城市棚户区改造户数"))
    assert "到期未达成，差2,900套(户)" in line and "落后" not in line


def test_show_says_a_missed_target_is_missed_at_the_deadline(run: Run) -> None:
    """`show` of the missed 2015 shantytown target says 'missed at the deadline', not
    'behind schedule by 7.4 points'."""
    r = run("show", "housing.shantytown_households", "--data", str(DEMO), "--lang", "en")
    assert "missed at the deadline" in r.stdout
    assert "behind schedule" not in r.stdout


def test_status_in_2020_shows_no_lag_for_a_2015_target(run: Run) -> None:
    """As of 2020 the missed 2015 affordable-housing target's schedule cell reads 到期未达成,
    not 落后5.1."""
    r = run("status", "--data", str(DEMO), "--lang", "zh", width=160)
    row = next(ln for ln in r.stdout.splitlines() if "保障性安居工程建设套" in ln)
    assert "到期未达成" in row and "落后5.1" not in row


def _relative(plan: Plan, kind: str, actual: str, target: str, comparator: str) -> TargetView:
    """A growth or change target's view with the given figures (percent)."""
    store = load_store(plan, DEMO)
    v = status_view(plan, store, assess_all(plan, store, Period.of_year(2019))).targets[0]
    a = replace(
        v.a,
        kind=kind,
        actual=Decimal(actual),
        target=Decimal(target),
        comparator=comparator,
        gap=Decimal(target) - Decimal(actual),
        base_year=2015,
    )
    return replace(v, a=a)


def test_a_growth_rate_just_short_never_reads_the_target(plan: Plan) -> None:
    """Average growth of 6.96 % against ≥ 7 % reads 6.9 % and a gap of 0.1 points, never 7.0."""
    v = _relative(plan, "growth", "6.96", "7", ">=")
    assert "6.9" in text.relative_actual(v, "en") and "7.0" not in text.relative_actual(v, "en")
    assert "0.1" in text.gap(v, "en")


def test_a_fall_just_short_never_reads_the_target(plan: Plan) -> None:
    """A fall of 13.46 % against a fall of at least 13.5 % reads 'down 13.4 %'."""
    v = _relative(plan, "change", "-13.46", "-13.5", "<=")
    assert "13.4" in text.relative_actual(v, "en")


def test_a_fall_just_short_shows_a_gap(plan: Plan) -> None:
    """A fall of 13.46 % against a fall of 13.5 % shows a gap of −0.1 points, never 0.0."""
    v = _relative(plan, "change", "-13.46", "-13.5", "<=")
    assert "0.1" in text.gap(v, "en")


def test_the_workbook_keeps_an_approximate_target_below_its_tolerance(
    run: Run, tmp_path: Path
) -> None:
    """The workbook stores 47,499 against ≈ 50,000 as 94.9 % and 84,960 against ≥ 85,000 as
    99.9 %, as every text says."""
    import openpyxl

    out = tmp_path / "r.xlsx"
    run("report", "2019", "--data", str(_folder("2019")), "--lang", "zh", "-o", str(out))
    ws = openpyxl.load_workbook(out)["各体系目标"]
    header = [c.value for c in ws[1]]
    shown = {
        row[header.index("目标代码")]: row[header.index("完成率")]
        for row in ws.iter_rows(min_row=2, values_only=True)
    }
    assert shown["inc.urban_disposable.2020"] == pytest.approx(0.949)
    assert shown["emp.new_urban_jobs.annual"] == pytest.approx(0.999)


def _county_folder(tmp_path: Path) -> Path:
    """The near-2019 city figures, and 兰山区 at 47,499 against the city's ≈ 50,000 (met from
    47,500): its ranking row is short of the tolerance, as the city's row is."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "city.csv").write_bytes((_folder("2019") / "city.csv").read_bytes())
    (folder / "county.csv").write_text(
        "indicator,period,region,value\n"
        "inc.urban_disposable,2015,lanshan,31000\n"
        "inc.urban_disposable,2019,lanshan,47499\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_a_county_just_outside_an_approximate_target_reads_below_it(
    run: Run, tmp_path: Path, lang: Lang
) -> None:
    """A county's ranking row keeps an ≈ target's tolerance as the city's row does:
    兰山区 at 47,499 against ≈ 50,000 reads 94.9 %, never 95.0 % beside a status short of
    met."""
    r = run("report", "2019", "--data", str(_county_folder(tmp_path)), "--lang", lang)
    rows = [ln for ln in r.stdout.splitlines() if "47,499" in ln]
    assert len(rows) == 2, rows  # the city's row and 兰山区's
    for row in rows:
        assert re.search(r"94\.9 ?%", row) and "95.0" not in row, row


def test_the_workbook_keeps_a_county_below_an_approximate_target(run: Run, tmp_path: Path) -> None:
    """The workbook's county sheet stores 兰山区's 47,499 against ≈ 50,000 as 94.9 %."""
    import openpyxl

    out = tmp_path / "r.xlsx"
    run("report", "2019", "--data", str(_county_folder(tmp_path)), "--lang", "zh", "-o", str(out))
    book = openpyxl.load_workbook(out)
    shown = [
        row
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        if "兰山区" in row and any(isinstance(c, float) and 0.94 < c < 0.96 for c in row)
    ]
    assert shown, "no 兰山区 achievement in the workbook"
    for row in shown:
        assert any(c == pytest.approx(0.949) for c in row), row


@pytest.mark.parametrize(("lang", "behind"), [("zh", "落后时序进度"), ("en", "behind schedule")])
def test_the_workbook_says_behind_for_a_gap_just_below_zero(
    plan: Plan, lang: Lang, behind: str
) -> None:
    """A schedule gap of −0.04 points is behind and shows 0.1 points behind (kept_side):
    the workbook's cell format says so in the words text.schedule writes, never the bare
    signed points an on-schedule gap gets."""
    from linyi_tracker.reporting.render.excel import schedule_format

    v = next(
        v
        for v in _views(plan, DEMO, range(2019, 2020))
        if v.a.kind == "level" and v.a.schedule_gap is not None and v.standing not in SETTLED
    )
    w = replace(v, a=replace(v.a, schedule_gap=-0.0004))
    assert w.standing == "behind" and behind in text.schedule(w, lang)
    assert behind in schedule_format(w, lang)


@given(st.floats(min_value=0.98, max_value=1.02, allow_nan=False))
def test_a_pace_just_short_of_the_required_speed_never_shows_100(pace: float) -> None:
    """A pace below 1 (short of the speed the target needs) never shows 100; at or above
    1 never 99: the side of 1 a pace is on, as an achievement keeps its side of 100 %."""
    shown = shown_pace(pace, (Decimal("0.95"), Decimal("0.60")))
    assert (shown >= 100) == (pace >= 1)


@pytest.mark.parametrize(("lang", "achieved"), [("zh", "| 99.9% |"), ("en", "| 99.9 % |")])
def test_a_year_missed_by_a_hair_reads_a_pace_below_100(
    run: Run, lang: Lang, achieved: str
) -> None:
    """84,960 against ≥ 85,000 a year: 99.9 % achieved, missed for the year, and no pace
    (a year gone by has none to keep: TargetView.running), never 100 % beside 未达成 / missed."""
    r = run("report", "2019", "--data", str(_folder("2019")), "--lang", lang, "--format", "md")
    row = next(ln for ln in r.stdout.splitlines() if "84,960" in ln and ln.count("|") == 9)
    cells = [c.strip() for c in row.split("|")]
    assert achieved in row and "| 100" not in row, row
    assert cells[6:8] == ["—", "—"], row  # pace and projection
