"""The header row: English or Chinese names mapped to the canonical columns.

A header may sit below a title row or two (offices put "2017年兰山区民生指标报表" on
top); :func:`header_position` finds it. :func:`read_header` maps each name and
reports blank, unknown, repeated and missing columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import get_close_matches

from linyi_tracker.actuals.lookup import fold
from linyi_tracker.actuals.records import Row
from linyi_tracker.findings import Issue, Named, Param, Severity

COLUMNS: tuple[str, ...] = (
    "indicator",
    "period",
    "region",
    "value",
    "unit",
    "source",
    "note",
    "as_of",
    "measure",
)
REQUIRED: tuple[str, ...] = ("indicator", "period", "value")
# The Chinese header of each submission column: what a file the tool writes under zh
# carries (extract's CSV, the template), and so one of the names the reader takes.
ZH_HEADERS: dict[str, str] = {
    "indicator": "指标代码",
    "period": "期间",
    "region": "地区",
    "value": "数值",
    "unit": "单位",
    "source": "来源",
    "note": "备注",
    "as_of": "截至日期",
    "measure": "口径",
}
# The names the reader takes for each column: the column id, the Chinese header
# (ZH_HEADERS) and the synonyms offices write.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator_id", "指标"),
    "period": ("年份", "时间", "时期", "统计期", "报告期"),
    # the county a row is for, as offices head it (traditional script too): a figure
    # whose region column is not read would be the city's
    "region": (
        "区县",
        "县区",
        "地区名称",
        "区县名称",
        "县区名称",
        "地区名",
        "区县名",
        "所属地区",
        "所属区县",
        "县(区)",
        "区(县)",
        "县(市、区)",
        "县市区",
        "地區",
        "區縣",
        "縣區",
        "区域",
        "区域名称",
        "行政区划",
        "行政区划名称",
        "regions",
        "region_name",
    ),
    "value": ("值",),
    # a unit not read is neither checked nor converted (万人 stored as 人)
    # (指标单位, 数据单位: the figure's unit, not a body as 填报单位 is)
    "unit": (
        "units",
        "unit(s)",
        "單位",
        "计量单位",
        "計量單位",
        "指标单位",
        "数据单位",
        "数值单位",
    ),
    "note": ("notes",),
    # a growth figure whose measure column is not read would be taken for a level
    "measure": ("统计口径", "統計口徑", "口徑", "指标口径", "数据口径"),
    # 截至 as clerks head the column, and the other ways offices date a revised figure
    "as_of": (
        "as-of",
        "as of",
        "asof",
        "as_of_date",
        "发布日期",
        "发布时间",
        "公布日期",
        "公布时间",
        "截至",
        "截止",
        "截止日期",
        "截至时间",
        "截止时间",
        "数据截至",
        "数据截止",
        "数据截至日期",
        "数据截止日期",
        "修订日期",
        "更新日期",
    ),
}
HEADER_ALIASES: dict[str, str] = {
    name: column
    for column in COLUMNS
    for name in (column, ZH_HEADERS[column], *_SYNONYMS.get(column, ()))
}
_SPACES = re.compile(r"\s+")


def column_of(cell: str) -> str | None:
    """THE reading of a header cell: the canonical column it names, if any. Folded
    (full width, case, the ends' spaces), and then with the spaces inside taken out
    (地 区, 单　位, "Region "), which no column's name needs."""
    folded = fold(cell)
    found = HEADER_ALIASES.get(folded)
    if found is None:
        found = HEADER_ALIASES.get(_SPACES.sub("", folded))
    return found


# The columns a near-miss of whose name is an error rather than a column not read: left
# out, a figure would go to another target — the city's (region), unconverted (unit),
# read as a level (measure), or stored as an original (as_of).
MEANINGFUL = ("region", "unit", "measure")
# Headers with 单位 that name a body (填报单位, 责任单位, 单位名称), not a unit of measure
_BODY = re.compile(r".+单位(?:名称)?|单位名称")
# The Chinese header of the indicator's name: a template's column for a person's eyes
# (INFORMATIVE_COLUMNS) and the report's.
NAME_ZH = "指标名称"
# The Chinese header of each column of the report's CSV and workbook (the report's
# ``as_of`` is the year a report runs to, not a figure's publication date). Where a
# column is a submission's it has that column's name (ZH_HEADERS: 地区, 指标代码, 单位);
# `validate` names the others as columns it does not read, for a report is not a
# submission. A figure's "shown" column holds it as the tool prints it, beside the
# exact value.
REPORT_ZH_HEADERS: dict[str, str] = {
    "year": "报告年份",
    "as_of": "截至年份",
    "system": "体系",
    "target_id": "目标代码",
    "indicator": ZH_HEADERS["indicator"],
    "name": NAME_ZH,
    "kind": "目标类型",
    "comparator": "比较",
    "target": "目标值",
    "target_shown": "目标值（显示）",
    "unit": ZH_HEADERS["unit"],
    "start": "起始年",
    "deadline": "期限",
    "actual": "实际值",
    "actual_shown": "实际值（显示）",
    "actual_period": "实际值期间",
    "achievement": "完成率",
    "achievement_shown": "完成率（显示）",
    "gap": "差距",
    "gap_shown": "差距（显示）",
    "time_progress": "时序进度",
    "time_progress_shown": "时序进度（显示）",
    "schedule_gap": "较时序进度",
    "schedule_gap_shown": "较时序进度（显示）",
    "progress": "进展（水平目标）",
    "progress_shown": "进展（显示）",
    "pace": "推进速度",
    "pace_shown": "推进速度（显示）",
    "projected": "期末预计",
    "projected_shown": "期末预计（显示）",
    "status": "状态代码",
    "status_label": "状态",
    "judgement": "评价",
    "phrase": "完成情况",
    "sources": ZH_HEADERS["source"],
    "region": ZH_HEADERS["region"],
    "region_id": "地区代码",  # the workbook's county sheet, beside 地区 (the name)
    "count": "目标个数",
}
# Columns a template carries for a person's eyes; read and ignored without a warning.
# A report's other columns (实际值, 目标值, 截至年份 …) are not among them: a report is no
# submission, and a clerk's file headed 实际值 must hear that the column is not read,
# not lose its figures in silence.
# The columns that name the indicator for a person's eyes (the template's 指标名称): with
# no indicator column they are the indicator column (a clerk's sheet with 指标名称 and no
# 指标代码); beside one, each row's name is checked against its id — a row whose id and
# name are two indicators would give its figure to one of them on a guess.
NAME_COLUMNS = frozenset({"name_zh", "name_en", NAME_ZH, "指标名", "名称", "indicator_name"})
INFORMATIVE_COLUMNS = NAME_COLUMNS | {"unit_name", "help", "填写说明"}
HEADER_SCAN = 10  # rows looked at for a header below a title
HEADER_SEARCH = 10_000  # rows looked at further when none of those is a header (a sort)
LISTED = 20  # unknown column names, and blank header cells, named one by one


@dataclass
class Header:
    """The header as the file writes it, and where each canonical column is (0-based)."""

    names: list[str] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    usable: bool = False  # every required column, none repeated or unnamed
    # The column naming each row's indicator beside its id (NAME_COLUMNS), -1 if none.
    name: int = -1
    # The columns with no header among the named ones (each a blank-header issue), when
    # they are all that keeps the header from being usable: an empty one loses nothing.
    unnamed: tuple[int, ...] = ()

    @property
    def indices(self) -> tuple[int, ...]:
        """Each of COLUMNS' position, -1 where the file has no such column."""
        return tuple(self.columns.get(name, -1) for name in COLUMNS)


def header_position(rows: list[Row]) -> int | None:
    """Index of the first row that names every required column, if any does."""
    for n, (_, cells) in enumerate(rows):
        if isinstance(cells, str):
            continue
        names = {column_of(c) for c in cells}
        if any(fold(c) in NAME_COLUMNS for c in cells):
            names.add("indicator")  # a name column stands for a missing id column
        if all(col in names for col in REQUIRED):
            return n
    return None


# A value column's header with the figures' unit in brackets (folded: 数值(万人), value (%)).
_VALUE_WITH_UNIT = re.compile(r"(?:数值|值|value)\s*\(\s*([^()]+?)\s*\)")


def near_miss(folded: str) -> str | None:
    """The column of :data:`MEANINGFUL` a header not read looks like (地区名, 所属区县,
    regoin, 单位(万人), 地区代码 — the report's own column, whose ids a clerk's file would
    otherwise give to the city), if any: a close match to one of its names, not a body
    named with 单位 (填报单位)."""
    squeezed = _SPACES.sub("", folded)
    if _BODY.fullmatch(squeezed):
        return None
    for column in MEANINGFUL:
        names = [name for name, col in HEADER_ALIASES.items() if col == column]
        if get_close_matches(squeezed, names, n=1) or any(
            squeezed.startswith(name) and not squeezed[len(name)].isalnum()
            for name in names
            if len(squeezed) > len(name) and len(name) > 1
        ):
            return column
    return None


def read_header(cells: list[str]) -> tuple[Header, list[Issue]]:
    """The header row mapped, with an issue for each column that cannot be used."""
    names = [c.strip() for c in cells]
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    broken = False
    name = -1  # the first column of NAME_COLUMNS
    # The last named column, found once (a scan to the end from each empty cell was
    # quadratic: 9 s for 40,000 empty cells).
    last_named = max((i for i, c in enumerate(names) if c), default=-1)
    # One finding per unknown name, and per blank cell, up to LISTED of each; then one
    # more saying how many were left out (a million unknown columns made a million
    # warnings and took 25 s).
    unknown: set[str] = set()
    more_unknown = blanks = 0
    unnamed: list[int] = []
    value_unit = ""  # 数值（万人）: the value column headed with the figures' unit
    value_unit_at = -1  # its position (0-based)
    for i, cell in enumerate(names):
        if not cell:
            if i < last_named:  # trailing empty header cells from Excel are harmless
                unnamed.append(i)
                blanks += 1
                if blanks <= LISTED:
                    params: dict[str, Param] = {"number": i + 1, "columns": ", ".join(COLUMNS)}
                    issues.append(Issue("blank-header", Severity.ERROR, None, params, number=i + 1))
            continue
        folded = fold(cell)
        canonical = column_of(cell)
        if canonical is None:
            if folded in NAME_COLUMNS and name < 0:
                name = i
            headed = _VALUE_WITH_UNIT.fullmatch(folded)
            if headed and not value_unit:
                value_unit, value_unit_at = headed.group(1), i
            if folded not in INFORMATIVE_COLUMNS and cell not in unknown:
                unknown.add(cell)
                if len(unknown) > LISTED:
                    more_unknown += 1
                    continue
                close = get_close_matches(folded, list(HEADER_ALIASES), n=1)
                params = {"column": cell}
                if close and HEADER_ALIASES[close[0]] == "as_of":
                    # A date column the tool takes for as_of but cannot accept: ignored,
                    # a revision's date would be dropped and the figure stored as an
                    # original. An error, so that the clerk names the column.
                    params["suggestion"] = Named("as_of", ZH_HEADERS["as_of"], "as_of")
                    issues.append(
                        Issue("as-of-column-not-read", Severity.ERROR, cell, params, number=i + 1)
                    )
                    continue
                meant = near_miss(folded)
                if meant is not None:
                    # A column that decides which target a figure is, ignored: an error,
                    # so that the clerk names the column (or renames it to something else).
                    params["suggestion"] = Named(meant, ZH_HEADERS[meant], meant)
                    issues.append(
                        Issue(
                            "column-not-read",
                            Severity.ERROR,
                            cell,
                            params,
                            form=meant,
                            number=i + 1,
                        )
                    )
                    continue
                if close and HEADER_ALIASES[close[0]] == "unit" and _BODY.fullmatch(folded):
                    close = []  # 填报单位 names a body: "did you mean 单位?" would mislead
                if close:
                    params["suggestion"] = HEADER_ALIASES[close[0]]
                issues.append(
                    Issue(
                        "unknown-column",
                        Severity.WARNING,
                        cell,
                        params,
                        hint_form="suggest" if close else "",
                        number=i + 1,
                    )
                )
            continue
        if canonical in seen:
            first = seen[canonical]
            params = {"column": cell, "first": names[first], "first_number": first + 1}
            issues.append(Issue("duplicate-column", Severity.ERROR, cell, params, number=i + 1))
            broken = True
            continue
        seen[canonical] = i
    if blanks > LISTED:
        params = {"n": blanks - LISTED}
        issues.append(Issue("blank-header", Severity.ERROR, None, params, "more"))
    if more_unknown:
        params = {"n": more_unknown}
        issues.append(Issue("unknown-column", Severity.WARNING, None, params, "more"))
    if "indicator" not in seen and name >= 0:
        seen["indicator"], name = name, -1  # names only: read as the indicators
    missing = [c for c in REQUIRED if c not in seen]
    # One cell holding the whole header: saved with tabs or semicolons, not commas.
    separated = len(cells) == 1 and any(sep in cells[0] for sep in ("\t", ";"))
    for col in missing:
        # named as the template heads it in the reader's language (缺少必填列“数值”)
        params = {"column": Named(col, ZH_HEADERS[col], col)}
        hint_form = "separator" if separated else ""
        if col == "value" and value_unit and not separated:
            # Renaming the header alone would read 1.2 (万人) as 1.2 persons: the hint
            # says where the unit goes.
            params["unit"] = value_unit
            hint_form = "unit-in-header"
            # One cause, one finding: the column this hint names is not also told of
            # as a column not read.
            issues = [x for x in issues if x.number != value_unit_at + 1]
        issues.append(Issue("missing-column", Severity.ERROR, col, params, hint_form=hint_form))
    usable = not missing and not broken
    # Columns with no header make the header unusable; when they are all that does (and
    # few), the reader looks at the rows below (RowReader.read_header): empty, they lose
    # nothing, and the header is used.
    watched = tuple(unnamed) if usable and unnamed and blanks <= LISTED else ()
    return Header(names, seen, usable and not unnamed, name, watched), issues
