"""Generate the synthetic example dataset in ``examples/demo/``.

Illustrative figures for the README's tour and for tests: never real, never mixed into
``data/actuals/``. Every row's ``source`` says "synthetic". The city's figures are in
``city.csv``; each of the 12 county-level divisions sends its own file under
``regions/``, the way counties e-mail their figures.

The scenario is chosen so that, as of the latest period in the data (2020-06), every
status of assessment.md appears at least once; the comments say which and why.
Run from anywhere (the output path is fixed relative to this file):

    python examples/generate.py            # writes examples/demo/
    python examples/generate.py --check    # exit 1 if the committed files differ
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

SEED = 20150301
SOURCE = f"synthetic (examples/generate.py, seed {SEED})"
OUT = Path(__file__).resolve().parent / "demo"
REGIONS = [
    "lanshan",
    "luozhuang",
    "hedong",
    "yinan",
    "tancheng",
    "yishui",
    "lanling",
    "feixian",
    "pingyi",
    "junan",
    "mengyin",
    "linshu",
]
HEADER = ["indicator", "period", "region", "value", "unit", "source", "note"]

Row = tuple[str, str, str, str, str]  # indicator, period, region ('' = city), value, note


def split(total: int, rng: random.Random, regions: list[str]) -> dict[str, int]:
    """Split a city total into regional parts that add up to it exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in regions]
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    parts[0] += total - sum(parts)
    return dict(zip(regions, parts, strict=True))


def year_to_date(month: int) -> str:
    """A year-to-date figure's note as a Chinese office writes it: 1—6月累计 (the demo's
    notes are the offices', in Chinese, as `show` prints them in either language)."""
    return "1月" if month == 1 else f"1—{month}月累计"


def build(rng: random.Random) -> list[Row]:
    rows: list[Row] = []

    def city(ind: str, period: str, value: object, note: str = "") -> None:
        rows.append((ind, period, "", str(value), note))

    def regional(
        ind: str, period: str, total: int, regions: list[str] | None = None, note: str = ""
    ) -> None:
        for region, part in split(total, rng, regions or REGIONS).items():
            rows.append((ind, period, region, str(part), note))

    # New urban jobs, annual >= 85,000. 2015-2019 from the regions' reports only (the
    # city figure is their sum); met in 4 of 5 years (2017 missed). 2020 year to date,
    # monthly, from the city: 44,300 by June = 52.1 % at 50 % of the year -> on_track.
    for year, total in zip(range(2015, 2020), [86200, 85600, 84100, 87300, 85900], strict=True):
        regional("emp.new_urban_jobs", str(year), total)
    for month, total in zip(range(1, 7), [5200, 11800, 19900, 27400, 36100, 44300], strict=True):
        city("emp.new_urban_jobs", f"2020-{month:02d}", total, year_to_date(month))
    # ...and 11 of 12 regions report June: a partial sum, shown as such, never as the city's.
    regional("emp.new_urban_jobs", "2020-06", 40100, REGIONS[:-1], year_to_date(6))

    # Rural income, level ≈ 20,000 by 2020: growing 6.5 %/yr where 9.9 %/yr is needed -> at_risk.
    rural = [12500, 13400, 14300, 15200, 16100]
    for year, value in zip(range(2015, 2020), rural, strict=True):
        city("inc.rural_per_capita", str(year), value, "2015年起为可支配收入口径")
    for region in REGIONS:
        city_value = rural[-1] * rng.uniform(0.8, 1.2)
        rows.append(("inc.rural_per_capita", "2019", region, str(int(round(city_value, -1))), ""))
    # Urban income, level ≈ 50,000: 9.8 %/yr where 10.0 %/yr is needed -> on_track.
    for year, value in zip(range(2015, 2020), [31000, 34100, 37400, 41100, 45000], strict=True):
        city("inc.urban_disposable", str(year), value)

    # Coverage >= 92 %: creeping up 0.5 points a year -> off_track.
    for year, value in zip(
        range(2015, 2020), ["84.0", "84.6", "85.1", "85.5", "85.9"], strict=True
    ):
        city("ss.employee_insurance_coverage", str(year), value)
    # Pension coverage >= 99 %: reached in 2018 -> achieved.
    for year, value in zip(
        range(2015, 2020), ["96.5", "97.8", "98.6", "99.2", "99.4"], strict=True
    ):
        city("ss.resident_pension_coverage", str(year), value)
    # Dibao ratio < 1.5 (lower is better): falling, but not fast enough -> at_risk.
    for year, value in zip(
        range(2015, 2020), ["1.92", "1.85", "1.78", "1.70", "1.62"], strict=True
    ):
        city("ss.dibao_urban_rural_ratio", str(year), value)
    # Medical assistance >= 80 %: falling since 2016 -> off_track, regressing.
    for year, value in zip(range(2015, 2020), ["62", "64", "63", "61", "60"], strict=True):
        city("ss.medical_assistance_ratio", str(year), value)

    # Balanced education, all 12 counties by 2015: 10 in 2015, 11 by 2019 -> overdue.
    late, never = REGIONS[7], REGIONS[11]
    for year in (2015, 2016, 2019):
        for region in REGIONS:
            done = region not in (late, never) or (region == late and year >= 2016)
            rows.append(
                ("edu.balanced_counties", str(year), region, "done" if done else "not done", "")
            )

    # Housing 2015, annual >= 49,000: 46,500 -> missed; public rental 10,400 -> achieved;
    # shantytown 36,100 -> missed. The parts add up to the whole.
    city("housing.affordable_units", "2015", 46500)
    city("housing.public_rental_units_new", "2015", 10400)
    city("housing.shantytown_households", "2015", 36100)
    # Floor area started, sum 2018-2020 >= 5.68 million m²: 4.8 million by June 2020 -> on_track.
    city("housing.floor_area_started", "2018", 1900000)
    city("housing.floor_area_started", "2019", 2000000)
    city("housing.floor_area_started", "2020Q1", 400000, year_to_date(3))
    city("housing.floor_area_started", "2020-06", 900000, year_to_date(6))
    # Completed: no 2018 figure -> insufficient_data (a missing year is never zero).
    city("housing.floor_area_completed", "2019", 1150000)
    city("housing.floor_area_completed", "2020-06", 520000, year_to_date(6))
    # Public rental area >= 900,000 m²: 930,000 by June 2020 -> achieved early.
    city("housing.public_rental_area", "2018", 350000)
    city("housing.public_rental_area", "2019", 400000)
    city("housing.public_rental_area", "2020-06", 180000, year_to_date(6))

    # Milestones: done on time, done by a date, pending (deadline ahead).
    city("gov.citizen_centre", "2015", "done", "2015年建成启用")
    city("muni.new_urbanisation_pilot", "2016", "是")
    city("elderly.emergency_call_12349", "2017", "2017-05-18", "平台于当日开通")
    city("food.e_traceability", "2017", "done")
    city("muni.transit_metropolis_pilot", "2019", "not done", "已提交申报")
    city("eco.civilisation_pilot_zone", "2018", "否")
    city("eco.civilisation_pilot_zone", "2019", "否")

    # Judgements (qualitative targets): the word, and who judged it on what evidence.
    judged = [
        (
            "emp.half_hour_service_circle",
            "2018",
            "on_track",
            "市人社局，服务网点调查",
        ),
        (
            "emp.digital_employment_community",
            "2019",
            "off_track",
            "市人社局，2019年度评估",
        ),
        (
            "pov.poverty_goal_2018",
            "2018",
            "已实现",
            "市扶贫办，年终考核",
        ),
        ("edu.modernisation", "2019", "正常推进", "市教育局，中期评估"),
        (
            "health.national_leaders",
            "2019",
            "at_risk",
            "市卫生健康委，人均预期寿命对比",
        ),
        ("culture.fitness_circle", "2019", "on_track", "市文化和旅游局，设施分布图"),
        ("gov.four_level_services", "2019", "achieved", "全省政务服务评价排名"),
    ]
    for ind, period, word, note in judged:
        city(ind, period, word, note)

    # Public sense of security > 97 %: every region reports, the city does not. A rate
    # does not add up, so the city has no figure -> no_data; `--region all` shows each.
    for year in (2017, 2018, 2019):
        for region in REGIONS:
            rows.append(
                (
                    "safety.public_security_sense",
                    str(year),
                    region,
                    f"{rng.uniform(94.5, 98.9):.1f}",
                    "",
                )
            )

    # Monitoring indicators (no target): poverty falling to zero.
    for year, value in zip(range(2015, 2020), [440000, 150000, 61000, 5200, 0], strict=True):
        city("pov.registered_poor_population", str(year), value)
    for year, value in zip(range(2015, 2020), ["4.85", "1.70", "0.69", "0.06", "0"], strict=True):
        city("pov.incidence", str(year), value)
    return rows


def render(rows: list[Row]) -> dict[str, str]:
    """File name → CSV text: the city's rows in city.csv, each region's in regions/<id>.csv."""
    files: dict[str, list[list[str]]] = {}
    for ind, period, region, value, note in rows:
        name = f"regions/{region}.csv" if region else "city.csv"
        files.setdefault(name, []).append([ind, period, region, value, "", SOURCE, note])
    out: dict[str, str] = {}
    for name, body in sorted(files.items()):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(body)
        out[name] = buf.getvalue()
    return out


def main(argv: list[str]) -> int:
    files = render(build(random.Random(SEED)))
    if "--check" in argv:
        stale = [
            n
            for n, text in files.items()
            if not (OUT / n).is_file() or (OUT / n).read_text("utf-8") != text
        ]
        for n in stale:
            print(f"differs: {OUT / n}")
        return 1 if stale else 0
    for name, text in files.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
