"""Every user-facing label, in Chinese and English, and how the language is chosen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["zh", "en"]
LANG_ENV = "LINYI_TRACKER_LANG"

LABELS: dict[str, dict[str, str]] = {
    # status words (assessment.md)
    "status.achieved": {"zh": "已达成", "en": "achieved"},
    "status.on_track": {"zh": "正常推进", "en": "on track"},
    "status.at_risk": {"zh": "存在风险", "en": "at risk"},
    "status.off_track": {"zh": "明显滞后", "en": "off track"},
    "status.missed": {"zh": "未达成", "en": "missed"},
    "status.no_data": {"zh": "无数据", "en": "no data"},
    "status.insufficient_data": {"zh": "数据不足", "en": "insufficient data"},
    "status.done": {"zh": "已完成", "en": "done"},
    "status.pending": {"zh": "推进中", "en": "pending"},
    "status.overdue": {"zh": "已逾期", "en": "overdue"},
    "status.assessed": {"zh": "已评估", "en": "assessed"},
    "status.not_assessed": {"zh": "不评估", "en": "not assessed"},
    # kinds
    "kind.level": {"zh": "水平目标", "en": "level"},
    "kind.annual": {"zh": "年度目标", "en": "annual"},
    "kind.cumulative": {"zh": "累计目标", "en": "cumulative"},
    "kind.milestone": {"zh": "节点目标", "en": "milestone"},
    "kind.qualitative": {"zh": "定性目标", "en": "qualitative"},
    "kind.monitoring": {"zh": "监测指标", "en": "monitoring"},
    # status table
    "col.indicator": {"zh": "指标", "en": "Indicator"},
    "col.target": {"zh": "目标", "en": "Target"},
    "col.actual": {"zh": "实际（期间）", "en": "Actual (period)"},
    "col.achievement": {"zh": "完成率", "en": "Achieved"},
    "col.gap": {"zh": "差距", "en": "Gap"},
    "col.schedule": {"zh": "时序进度", "en": "Schedule"},
    "col.trend": {"zh": "走势", "en": "Trend"},
    "col.status": {"zh": "状态", "en": "Status"},
    "col.period": {"zh": "期间", "en": "Period"},
    "col.region": {"zh": "地区", "en": "Region"},
    "col.value": {"zh": "数值", "en": "Value"},
    "col.source": {"zh": "来源", "en": "Source"},
    "col.note": {"zh": "备注", "en": "Note"},
    "col.chart": {"zh": "图示", "en": "Chart"},
    "col.deadline": {"zh": "期限", "en": "Deadline"},
    "col.kind": {"zh": "类型", "en": "Kind"},
    "title.status": {
        "zh": "{plan} 目标进展（截至{as_of}）",
        "en": "{plan}: where each target stands, as of {as_of}",
    },
    "title.counts": {"zh": "状态汇总", "en": "Targets by status"},
    "title.monitoring": {"zh": "监测指标（无目标）", "en": "Monitoring indicators (no target)"},
    "title.batch": {"zh": "{batch}年重点民生工程", "en": "Key livelihood projects of {batch}"},
    "title.series": {"zh": "数据序列", "en": "Series"},
    "title.targets": {"zh": "目标", "en": "Targets"},
    "title.regions": {"zh": "各地区最新数据", "en": "Latest figure by region"},
    "title.assessment": {"zh": "评估（截至{as_of}）", "en": "Assessment as of {as_of}"},
    "word.by": {"zh": "{year}年", "en": "by {year}"},
    "word.per_year": {"zh": "每年", "en": "a year"},
    "word.sum_over": {"zh": "{start}—{end}年合计", "en": "sum {start}–{end}"},
    "word.done_by": {"zh": "{year}年完成", "en": "done by {year}"},
    "word.count_by": {"zh": "{year}年全部{total}{unit}", "en": "all {total} {unit} by {year}"},
    "word.judgement_by": {"zh": "定性评估（{year}年）", "en": "judgement ({year})"},
    "word.not_done": {"zh": "未完成", "en": "not done"},
    "word.done": {"zh": "已完成", "en": "done"},
    "word.on_time": {"zh": "按期", "en": "on time"},
    "word.late": {"zh": "逾期完成", "en": "late"},
    "word.ahead": {"zh": "超时序进度{points}个百分点", "en": "{points} points ahead of schedule"},
    "word.behind": {"zh": "落后时序进度{points}个百分点", "en": "{points} points behind schedule"},
    "word.on_schedule": {"zh": "与时序进度持平", "en": "on schedule"},
    "word.partial": {"zh": "部分地区合计", "en": "partial sum"},
    "word.revised": {"zh": "已修订", "en": "revised"},
    "word.regressing": {"zh": "倒退", "en": "regressing"},
    "word.missing_years": {"zh": "缺{years}年数据", "en": "no figure for {years}"},
    "word.unnamed": {"zh": "（原文未列名称）", "en": "(not named in the source)"},
    "word.truncated": {"zh": "（原文截断）", "en": "(source text cut off)"},
    "word.monitoring": {"zh": "监测", "en": "monitoring"},
    "word.projects_named": {
        "zh": "申报{declared}项，原文列出{named}项",
        "en": "{declared} declared, {named} named in the source",
    },
    "word.none": {"zh": "—", "en": "—"},
    "word.met_in": {"zh": "{total}年中{met}年达标", "en": "met in {met} of {total} years"},
    "word.deadline_from_plan_end": {
        "zh": "原文未给年份，按规划期末",
        "en": "no year in the article: end of plan period",
    },
    "word.pace": {"zh": "推进速度", "en": "pace"},
    "word.projected": {"zh": "期末预计", "en": "projected at deadline"},
    "word.time_progress": {"zh": "时序进度", "en": "time elapsed"},
    "word.progress": {"zh": "进展", "en": "progress since start"},
    "word.starting_point": {"zh": "起点", "en": "starting point"},
    "word.quote": {"zh": "原文", "en": "article"},
    "word.notes": {"zh": "说明", "en": "notes"},
    "word.unit": {"zh": "单位", "en": "unit"},
    "word.direction.higher": {"zh": "越高越好", "en": "higher is better"},
    "word.direction.lower": {"zh": "越低越好", "en": "lower is better"},
    "word.aggregate.sum": {"zh": "各地区可加总", "en": "regions add up to the city"},
    "word.aggregate.none": {"zh": "需全市数字", "en": "needs a city figure"},
    "word.no_region_data": {"zh": "没有分地区数据", "en": "no figures by region"},
    "word.not_reported": {"zh": "未报送", "en": "not reported"},
    "word.plan_valid": {"zh": "规划文件有效：", "en": "The plan is valid: "},
    "word.source": {"zh": "数据", "en": "data"},
    "method.status": {
        "zh": "完成率=实际÷目标；时序进度=已过时间占比；推进速度≥{on}为正常推进，≥{risk}为存在风险，否则明显滞后（规则见README“方法”）。",
        "en": "Achieved = actual ÷ target; schedule = achievement − time elapsed, in points; "
        "pace ≥ {on} on track, ≥ {risk} at risk, else off track (rules: README, “Method”).",
    },
    "hint.no_data": {
        "zh": "{n}个目标暂无数据：`linyi-tracker report {year}` 的“数据完整性”一节列出最近数据和应报送单位。",
        "en": "No figure yet for {targets}: the “Data completeness” section of `linyi-tracker report {year}` "
        "lists the last figure of each and who should report it.",
    },
    # the yearly report
    "report.title": {"zh": "{plan} {year}年度进展报告", "en": "{plan}: progress report {year}"},
    "report.cover": {"zh": "封面", "en": "Cover"},
    "report.as_of": {"zh": "截至", "en": "As of"},
    "report.generated": {"zh": "生成时间", "en": "Generated"},
    "report.plan_file": {"zh": "规划文件", "en": "Plan file"},
    "report.data": {"zh": "数据来源", "en": "Data"},
    "report.summary": {"zh": "概要", "en": "Summary"},
    "report.achieved_this_year": {"zh": "本年达成的目标", "en": "Targets achieved this year"},
    "report.most_behind": {"zh": "落后时序进度最多的目标", "en": "Most behind schedule"},
    "report.milestones_due": {"zh": "本年到期的节点目标", "en": "Milestones due this year"},
    "report.annual": {"zh": "{year}年度目标", "en": "Annual targets for {year}"},
    "report.systems": {"zh": "各体系目标", "en": "Targets by system"},
    "report.regions": {"zh": "各县区", "en": "Regions"},
    "report.ranked_by_achievement": {"zh": "按完成率排序", "en": "ranked by achievement"},
    "report.ranked_by_value": {
        "zh": "按数值排序（县区无分解目标）",
        "en": "ranked by value (no region targets)",
    },
    "report.completeness": {"zh": "数据完整性", "en": "Data completeness"},
    "report.last_figure": {"zh": "最近数据", "en": "Last figure"},
    "report.who_reports": {"zh": "应报送单位", "en": "Should report"},
    "report.complete": {
        "zh": "本年应报的目标都有数据。",
        "en": "Every target due this year has a figure.",
    },
    "report.method": {"zh": "计算方法", "en": "Method"},
    "report.sources": {"zh": "数据来源", "en": "Sources"},
    "report.none": {"zh": "无", "en": "none"},
    "report.history": {"zh": "历年", "en": "History"},
    "report.pace": {"zh": "推进速度", "en": "Pace"},
    "report.projected": {"zh": "期末预计", "en": "Projected"},
    "report.rank": {"zh": "名次", "en": "Rank"},
    "report.chart": {"zh": "走势图", "en": "Chart"},
    "report.thresholds": {
        "zh": "阈值：正常推进≥{on}，存在风险≥{risk}；“左右”的容差{tol}",
        "en": "Thresholds: on track ≥ {on}, at risk ≥ {risk}; tolerance for “≈” {tol}",
    },
    "report.legend.actual": {"zh": "实际", "en": "actual"},
    "report.legend.target": {"zh": "目标", "en": "target"},
    "report.legend.required": {"zh": "所需路径", "en": "required path"},
    "report.legend.projection": {"zh": "预计", "en": "projection"},
    "method.rule1": {
        "zh": "完成率＝实际值÷目标值（越低越好的指标为目标值÷实际值）；差距＝目标值−实际值，以目标的单位计（百分比指标以百分点计），≤0表示已达到或超过。",
        "en": "Achievement = actual ÷ target (target ÷ actual where lower is better); gap = target − actual in the target's unit (points for a percentage); ≤ 0 means met or exceeded.",
    },
    "method.rule2": {
        "zh": "时序进度＝已过时间占目标期限的比例：年度目标为已过月数÷12；累计目标为自起始年以来已过月数÷全期月数；水平目标为自起点以来已过年数÷到期限的年数。时序进度差＝完成率（水平目标为进展）−时序进度，以百分点表示。",
        "en": "Time elapsed: months ÷ 12 for an annual target; months since the start ÷ the span's months for a cumulative one; years since the starting point ÷ years to the deadline for a level. Schedule gap = achievement (progress, for a level) − time elapsed, in points.",
    },
    "method.rule3": {
        "zh": "推进速度：年度和累计目标为完成率÷时序进度；水平目标为自起点以来的实际年均增速÷达到目标所需的年均增速。期末预计：年度和累计目标为当前值÷时序进度；水平目标按实际增速推算到期限。",
        "en": "Pace: achievement ÷ time elapsed for annual and cumulative targets; for a level, the compound growth achieved since the starting point ÷ the growth required. Projection: current value ÷ time elapsed; for a level, the achieved growth continued to the deadline.",
    },
    "method.rule4": {
        "zh": "状态按顺序取第一个符合的：无数据→无数据；达到目标→已达成；期限已过（年度目标为该年已结束）→未达成；推进速度无法计算→数据不足；推进速度≥{on}→正常推进，≥{risk}→存在风险，否则明显滞后。",
        "en": "Status, first match wins: no figure → no data; met → achieved; deadline passed (the year over, for annual) → missed; pace unknown → insufficient data; pace ≥ {on} → on track, ≥ {risk} → at risk, else off track.",
    },
    "method.rule5": {
        "zh": "“左右”（≈）的目标在容差以内即为达成。起点为规划给出的基期值，否则为最早的数据；规划期前的数据只作起点，不作实际值。",
        "en": "“≈” targets are met within the tolerance. The starting point is the plan's baseline, else the earliest figure; a figure from before the plan is a starting point only, never the actual.",
    },
    "method.rule6": {
        "zh": "累计目标缺少某年数据时合计不完整，状态为数据不足并列出缺失年份，缺失绝不按零计。年度目标所在年份已结束但只有年内累计数时为数据不足。",
        "en": "A cumulative sum missing a year is incomplete: insufficient data, naming the years; a missing year is never zero. An annual target whose year is over with only a year-to-date figure is insufficient data.",
    },
    "method.rule7": {
        "zh": "全市数字取全市自报数，或在{regions}个下级地区全部报送时取其合计（仅限可加总指标）；部分县区的合计不当作全市数字。县区按完成率排序（比率类指标对照全市目标），县区无分解目标的按数值排序。",
        "en": "A city figure is the city's own, or the sum of all {regions} regions when every one has reported (summable indicators only); a partial sum is never the city's. Regions are ranked by achievement (rates against the city-wide level), or by value where they have no target.",
    },
    "method.rule8": {
        "zh": "节点目标：完成为已完成（注明是否按期），期限前未完成为推进中，期限后未完成为已逾期。定性目标取数据中的评价词，状态为已评估。",
        "en": "Milestones: done (on time or late), pending before the deadline, overdue after it. Qualitative targets take the judgement given in the data, status assessed.",
    },
    # reasons (engine codes)
    "reason.only-pre-plan-figures": {
        "zh": "仅有规划期前的数字，作为起点",
        "en": "only a pre-plan figure, used as the starting point",
    },
    "reason.year-over-only-ytd": {
        "zh": "该年已结束，但只有年内累计数",
        "en": "the year is over but only a year-to-date figure exists",
    },
    "reason.missing-years": {
        "zh": "部分年份无数据，合计不完整",
        "en": "some years have no figure; the sum is incomplete",
    },
    "reason.partial-sum": {
        "zh": "只有部分地区报送，未作全市数",
        "en": "only some regions reported; not used as the city figure",
    },
    "reason.region-no-target": {
        "zh": "全市目标，不分解到地区",
        "en": "the target is city-wide; no target for a region",
    },
    "reason.done-date-unknown": {
        "zh": "完成时间不详，无法判断是否按期",
        "en": "when it was done is not known, so not whether on time",
    },
    "reason.not-started": {"zh": "尚未进入目标年份", "en": "the target's years have not started"},
    "reason.missed-on-stale-figure": {
        "zh": "期限已过，最新数字早于期限年",
        "en": "deadline passed; the latest figure is from before the deadline year",
    },
}


# Refusals of hostile or careless input (ingest, files that are not files, -o targets).
LABELS.update(
    {
        "ingest.would_replace": {
            "zh": "{figure}：{new}将替换已存储的{old}（{where}）；如要作为修订记录，请加 --revise",
            "en": "{figure}: {new} would replace the stored {old} ({where}); use --revise to record it as a revision",
        },
        "ingest.same_as_of": {
            "zh": "{figure}：截至{as_of}的{new}无法修订已存储的{old}（{where}），二者截至日期相同；请给新数字一个更晚的截至日期（as_of）",
            "en": "{figure}: {new} as of {as_of} cannot revise the stored {old} ({where}), which has the same as_of; give the new figure a later as_of",
        },
        "file.not_regular": {
            "zh": "{path} 不是普通文件（是{kind}）；请给出一个文件",
            "en": "{path} is not a regular file (it is {kind}); give a file",
        },
        "file.kind_fifo": {"zh": "命名管道", "en": "a named pipe"},
        "file.kind_device": {"zh": "设备文件", "en": "a device"},
        "file.kind_socket": {"zh": "套接字", "en": "a socket"},
        "file.kind_other": {"zh": "特殊文件", "en": "a special file"},
        "output.cannot_write": {
            "zh": "无法写入 {path}：{reason}",
            "en": "cannot write {path}: {reason}",
        },
        "output.is_folder": {
            "zh": "{path} 是文件夹；-o 需要一个文件名",
            "en": "{path} is a folder; -o takes a file name",
        },
        "ingest.no_figures": {
            "zh": "无需写入：所给文件中没有数字。",
            "en": "Nothing to write: the files hold no figures.",
        },
        "option.empty_path": {
            "zh": "{option} 的值为空：请给出文件或文件夹名（当前文件夹写 .）",
            "en": "{option} is empty: give a file or folder name (. for the current folder)",
        },
        "input.empty_name": {
            "zh": "给出的文件名为空：请给出文件或文件夹（当前文件夹写 .）",
            "en": "an empty file name was given: name a file or folder (. for the current folder)",
        },
        "ingest.cannot_create": {
            "zh": "无法创建数据目录 {folder}：{reason}",
            "en": "cannot create the data folder {folder}: {reason}",
        },
        "ingest.lock_timeout": {
            "zh": "另一个导入已向 {folder} 写入了{seconds}秒；请待其结束后重试",
            "en": "another ingest into {folder} has been writing for {seconds} s; try again when it has finished",
        },
    }
)


def t(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def status_label(status: str | None, lang: Lang) -> str:
    return t(f"status.{status or 'not_assessed'}", lang)


def resolve_lang(option: str | None, env: Mapping[str, str] | None = None) -> Lang:
    """``--lang``, then LINYI_TRACKER_LANG, then the locale (zh* → zh), else en."""
    environ = os.environ if env is None else env
    for candidate in (option, environ.get(LANG_ENV)):
        if candidate:
            low = candidate.strip().lower()
            if low.startswith("zh"):
                return "zh"
            if low.startswith("en"):
                return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
