"""Every label of the tool in Chinese and English: status words, column headers, report
sentences, usage errors, refusals, extract's review … key -> {"zh": …, "en": …}.

Looked up by :func:`linyi_tracker.i18n.t` and :class:`linyi_tracker.texts.text.Text`;
the findings' sentences are in :mod:`linyi_tracker.texts.findings`, the ``--help``
texts in :mod:`linyi_tracker.texts.cli_help`.
"""

from __future__ import annotations

from linyi_tracker.texts.text import Pair, register

LABELS: dict[str, Pair] = {
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
    "col.target_id": {"zh": "目标代码", "en": "id"},
    "col.indicator_id": {"zh": "指标代码", "en": "indicator ids"},
    "col.target": {"zh": "目标", "en": "Target"},
    "col.actual": {"zh": "实际（期间）", "en": "Actual (period)"},
    "col.achievement": {"zh": "完成率", "en": "Achieved"},
    "col.gap": {"zh": "差距", "en": "Gap"},
    "col.schedule": {"zh": "时序进度", "en": "Schedule"},
    "col.trend": {"zh": "走势", "en": "Trend"},
    "col.status": {"zh": "状态", "en": "Status"},
    "col.count": {"zh": "个数", "en": "n"},
    "col.period": {"zh": "期间", "en": "Period"},
    "col.region": {"zh": "地区", "en": "Region"},
    "col.value": {"zh": "数值", "en": "Value"},
    "col.source": {"zh": "来源", "en": "Source"},
    "col.note": {"zh": "备注", "en": "Note"},
    "col.reason": {"zh": "说明", "en": "Why"},
    "col.chart": {"zh": "图示", "en": "Chart"},
    "col.deadline": {"zh": "期限", "en": "Deadline"},
    "col.kind": {"zh": "类型", "en": "Kind"},
    "title.status": {
        "zh": "{plan} 目标进展（截至{as_of}）",
        "en": "{plan}: where each target stands, as of {as_of}",
    },
    # the report's charts
    "chart.band": {"zh": "目标±{tol:pct}%", "en": "target ±{tol:pct} %"},
    "chart.counties": {"zh": "{name} · 各县区（{period}）", "en": "{name} · counties ({period})"},
    "chart.ratio": {"zh": "比值（:1）", "en": "ratio (:1)"},
    "chart.ten_thousand": {"zh": "万{unit}", "en": "10,000 {unit}"},
    "chart.thousand": {"zh": "千{unit}", "en": "thousand {unit}"},
    "chart.million": {"zh": "百万{unit}", "en": "million {unit}"},
    "title.status_region": {
        "zh": "{plan} 目标进展 · {region}（截至{as_of}）",
        "en": "{plan}: where each target stands in {region}, as of {as_of}",
    },
    "title.counts": {"zh": "状态汇总", "en": "Targets by status"},
    "title.counts_rows": {
        "zh": "状态汇总（目标×地区，共{n}行）",
        "en": "Target × region rows by status ({n} rows)",
    },
    "title.monitoring": {"zh": "监测指标（无目标）", "en": "Monitoring indicators (no target)"},
    "title.batch": {"zh": "{batch}年重点民生工程", "en": "Key livelihood projects of {batch}"},
    "title.series": {"zh": "数据序列", "en": "Series"},
    "title.targets": {"zh": "目标", "en": "Targets"},
    "title.regions": {"zh": "各地区最新数据", "en": "Latest figure by region"},
    "title.assessment": {"zh": "评估（截至{as_of}）", "en": "Assessment as of {as_of}"},
    "word.by": {"zh": "{year}年", "en": "by {year}"},
    "word.per_year": {"zh": "每年", "en": "a year"},
    "word.year_plan": {"zh": "{year}年计划", "en": "plan for {year}"},
    "word.sum_over": {"zh": "{start}—{end}年合计", "en": "sum {start}–{end}"},
    # a span of years, growth and change targets, the phrase beside a figure (reporting/text.py)
    "word.one_year": {"zh": "{year}年", "en": "{year}"},
    "word.years": {"zh": "{start}—{end}年", "en": "{start}–{end}"},
    "word.change_down": {"zh": "下降{v}", "en": "down {v}"},
    "word.change_up": {"zh": "提高{v}", "en": "up {v}"},
    "word.at_least": {"zh": "{v}以上", "en": "at least {v}"},
    "word.more_than": {"zh": "超过{v}", "en": "more than {v}"},
    "word.at_most": {"zh": "{v}以下", "en": "at most {v}"},
    "word.below": {"zh": "低于{v}", "en": "below {v}"},
    "word.growth_target": {
        "zh": "年均增长{wanted}（{years}）",
        "en": "average growth {wanted} a year ({years})",
    },
    "word.change_target": {"zh": "累计{wanted}（{years}）", "en": "{wanted} in all ({years})"},
    "word.growth_actual": {"zh": "年均增长{v}", "en": "average growth {v} a year"},
    "word.change_actual": {"zh": "累计{v}", "en": "{v} in all"},
    "word.growth_phrase": {"zh": "{actual}，目标{wanted}", "en": "{actual}, target {wanted}"},
    "word.change_phrase": {"zh": "{actual}，目标{wanted}", "en": "{actual}, target {wanted}"},
    "word.points_gap": {"zh": "{v}个百分点", "en": "{v} pts"},
    "phrase.annual": {"zh": "完成年度目标的{pct}%", "en": "{pct} % of the annual target"},
    "phrase.cumulative": {
        "zh": "完成{start}—{end}年目标的{pct}%",
        "en": "{pct} % of the {start}–{end} target",
    },
    "phrase.milestone": {"zh": "完成{pct}%", "en": "{pct} % done"},
    "phrase.level": {"zh": "达到目标值的{pct}%", "en": "{pct} % of the target level"},
    "phrase.level_lower": {
        "zh": "完成率{pct}%（越低越好：目标值÷实际值）",
        "en": "achievement {pct} % (lower is better: target ÷ actual)",
    },
    "phrase.with_progress": {"zh": "{said}；{progress}", "en": "{said}; {progress}"},
    "phrase.with_schedule": {"zh": "{said}，{schedule}", "en": "{said}, {schedule}"},
    # a target short of data: as of when, and what is missing (text.phrase)
    "phrase.short_of": {
        "zh": "截至{period}，{said}；{missing}",
        "en": "as of {period}, {said}; {missing}",
    },
    "phrase.level_back": {
        "zh": "较{start}起点反向变动，进展为{pct}%",
        "en": "moved away from the target since the {start} starting point (progress {pct} %)",
    },
    "phrase.level_rise": {
        "zh": "自{start}起点已完成应提升幅度的{pct}%",
        "en": "{pct} % of the way from the {start} starting point",
    },
    "phrase.level_fall": {
        "zh": "自{start}起点已完成应下降幅度的{pct}%",
        "en": "{pct} % of the way from the {start} starting point",
    },
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
    "show.revised_from": {
        "zh": "截至{as_of}修订，原为{was}",
        "en": "revised as of {as_of}; was {was}",
    },
    "word.regressing": {"zh": "倒退", "en": "regressing"},
    "word.fell_back": {"zh": "已达标后回落", "en": "fell back after meeting it"},
    "word.missing_years": {"zh": "缺{years}年数据", "en": "no figure for {years}"},
    "word.unnamed": {"zh": "（原文未列名称）", "en": "(not named in the source)"},
    "word.truncated": {"zh": "（原文截断）", "en": "(source text cut off)"},
    "word.monitoring": {"zh": "监测", "en": "monitoring"},
    "word.projects_named": {
        "zh": "申报{declared}项，原文列出{named}项",
        "en": "{declared} declared, {named} named in the source",
    },
    "word.none": {"zh": "—", "en": "—"},
    "word.met_in": {"zh": "{total}年中{met}年达标", "en": "met in {met} of {total:year|years}"},
    "word.deadline_from_plan_end": {
        "zh": "原文未给年份，按规划期末",
        "en": "no year in the article: end of plan period",
    },
    "word.pace": {"zh": "推进速度", "en": "pace"},
    "word.projected": {"zh": "期末预计", "en": "projected at deadline"},
    "word.projected_year": {"zh": "全年预计", "en": "projected for the year"},
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
    "word.colon": {"zh": "：", "en": ": "},  # after a label: 单位：人 / unit: persons
    "word.source": {"zh": "数据", "en": "data"},
    "word.plan": {"zh": "规划", "en": "plan"},
    "source.region_sum": {
        "zh": "{regions}个地区数据之和（{files}个文件）",
        "en": "sum of the {regions} regions' figures ({files:file|files})",
    },
    "hint.no_data": {
        "zh": "{n}个目标暂无数据：`linyi-tracker report {year}` 的“数据完整性”一节列出最近数据和应报送单位。",
        "en": "No figure yet for {n:target|targets}: the “Data completeness” section of `linyi-tracker report {year}` "
        "lists the last figure of each and who should report it.",
    },
    "hint.no_data_rows": {
        "zh": "{n}个目标×地区行暂无数据：`linyi-tracker report {year}` 的“数据完整性”一节列出最近数据和应报送单位。",
        "en": "No figure yet for {n:row|rows} (target × region): the “Data completeness” section of "
        "`linyi-tracker report {year}` lists the last figure of each and who should report it.",
    },
    # the yearly report
    "report.title": {"zh": "{plan} {year}年度进展报告", "en": "{plan}: progress report {year}"},
    # the cover's second line, under the plan's name
    "report.cover_year": {"zh": "{year}年度进展报告", "en": "Progress report {year}"},
    "report.cover": {"zh": "封面", "en": "Cover"},
    "report.as_of": {"zh": "截至", "en": "As of"},
    "report.generated": {"zh": "生成时间", "en": "Generated"},
    # the pages of the Word and HTML reports
    "report.contents": {"zh": "目录", "en": "Contents"},
    "report.year": {"zh": "年份", "en": "Year"},
    "report.page": {"zh": "第{page}页 / 共{pages}页", "en": "Page {page} of {pages}"},
    "report.plan_file": {"zh": "规划文件", "en": "Plan file"},
    "report.data": {"zh": "数据来源", "en": "Data"},
    "report.summary": {"zh": "概要", "en": "Summary"},
    "report.achieved_this_year": {"zh": "本年达成的目标", "en": "Targets achieved this year"},
    "report.missed_this_year": {"zh": "本年未达成的目标", "en": "Targets missed this year"},
    "report.most_behind": {"zh": "落后时序进度最多的目标", "en": "Most behind schedule"},
    "report.milestones_due": {"zh": "本年到期的节点目标", "en": "Milestones due this year"},
    "report.annual": {"zh": "{year}年度目标", "en": "Annual targets for {year}"},
    "report.systems": {"zh": "各体系目标", "en": "Targets by system"},
    "report.regions": {"zh": "各县区", "en": "Regions"},
    "report.ranked_by_achievement": {"zh": "按完成率排序", "en": "ranked by achievement"},
    "report.ranked_by_status": {"zh": "按完成情况排序", "en": "ranked by status"},
    "report.ranked_by_value": {
        "zh": "按数值排序（县区无分解目标）",
        "en": "ranked by value (no region targets)",
    },
    "report.completeness": {"zh": "数据完整性", "en": "Data completeness"},
    "report.last_figure": {"zh": "最近数据", "en": "Last figure"},
    "report.who_reports": {"zh": "应报送单位", "en": "Should report"},
    "report.who_regions": {"zh": "{regions}（或全市合计）", "en": "{regions} (or the city total)"},
    "report.who_city": {"zh": "全市（{system}工作推进线）", "en": "the city ({system} work line)"},
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
        "zh": "阈值：正常推进≥{on:pct}%，存在风险≥{risk:pct}%；“左右”的容差{tol:pct}%",
        "en": "Thresholds: on track ≥ {on:pct} %, at risk ≥ {risk:pct} %; tolerance for “≈” {tol:pct} %",
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
        "zh": "状态按顺序取第一个符合的：无数据→无数据；达到目标→已达成；期限已过（年度目标为该年已结束）→未达成；推进速度无法计算→数据不足；推进速度≥{on:pct}%→正常推进，≥{risk:pct}%→存在风险，否则明显滞后。",
        "en": "Status, first match wins: no figure → no data; met → achieved; deadline passed (the year over, for annual) → missed; pace unknown → insufficient data; pace ≥ {on:pct} % → on track, ≥ {risk:pct} % → at risk, else off track.",
    },
    "method.rule5": {
        "zh": "“左右”（≈）的目标在容差以内即为达成。起点为规划给出的基期值，否则为最早的数据；规划期前的数据只作起点，不作实际值。"
        "起点已达到目标的，无需追赶，不计算进展、时序进度差和推进速度：目标仍满足时为已达成，不再满足时为明显滞后（已达标后回落），期限已过为未达成。",
        "en": "“≈” targets are met within the tolerance. The starting point is the plan's baseline, else the earliest figure; a figure from before the plan is a starting point only, never the actual. "
        "Where the starting point already met the target there is nothing to make up: no progress, schedule gap or pace; achieved while the target holds, off track (fell back after meeting it) once it does not, missed at the deadline.",
    },
    "method.rule6": {
        "zh": "累计目标缺少某年数据时合计不完整，状态为数据不足并列出缺失年份，缺失绝不按零计，因此不计算完成率和差距。年度目标所在年份已结束但只有年内累计数时为数据不足。因缺数据而数据不足的目标不计算时序进度、推进速度和期末预计，改为写明缺少的数据。",
        "en": "A cumulative sum missing a year is incomplete: insufficient data, naming the years; a missing year is never zero, so the sum has no achievement or gap. An annual target whose year is over with only a year-to-date figure is insufficient data. A target short of a figure has no time elapsed, pace or projection: the missing figures are named instead.",
    },
    "method.rule7": {
        "zh": "全市数字取全市自报数，或在{regions}个下级地区全部报送时取其合计（仅限可加总指标）；部分县区的合计不当作全市数字。县区按完成率排序（比率类指标对照全市目标），县区无分解目标的按数值排序，“说明”一栏写明县区无完成率或状态的原因。",
        "en": "A city figure is the city's own, or the sum of all {regions} regions when every one has reported (summable indicators only); a partial sum is never the city's. Regions are ranked by achievement (rates against the city-wide level), or by value where they have no target; the “Why” column says why a region has no achievement or status.",
    },
    "method.rule8": {
        "zh": "节点目标：完成为已完成（注明是否按期），期限前未完成为推进中，期限后未完成为已逾期。定性目标取数据中的评价词，状态为已评估。",
        "en": "Milestones: done (on time or late), pending before the deadline, overdue after it. Qualitative targets take the judgement given in the data, status assessed.",
    },
    # the schedule gap, said as what it is (one view per target: reporting/view.py)
    "col.schedule_gap": {"zh": "较时序进度", "en": "vs. schedule"},
    "schedule.ahead": {
        "zh": "超时序进度{points}个百分点",
        "en": "ahead of schedule by {points} points",
    },
    "schedule.behind": {
        "zh": "落后时序进度{points}个百分点",
        "en": "behind schedule by {points} points",
    },
    "schedule.on_schedule": {"zh": "与时序进度持平", "en": "on schedule"},
    "schedule.met_at_deadline": {"zh": "到期已达成", "en": "met at the deadline"},
    "schedule.missed_at_deadline": {"zh": "到期未达成", "en": "missed at the deadline"},
    "schedule.missed_at_deadline_by": {
        "zh": "到期未达成，差{gap}",
        "en": "missed at the deadline, short by {gap}",
    },
    "schedule.missed_year": {"zh": "全年未达成", "en": "missed for the year"},
    "schedule.missed_year_by": {
        "zh": "全年未达成，差{gap}",
        "en": "missed for the year, short by {gap}",
    },
    "report.phrase": {"zh": "完成情况", "en": "Achieved vs. schedule"},
    "word.ytd_not_judged": {"zh": "（{period}，不作判断）", "en": " ({period}, not judged)"},
    "method.schedule": {
        "zh": "时序进度为数据所覆盖的时间占目标期限的比例：年度目标为该数据覆盖的月数÷12（1—8月的数据为8/12，无论截至何时，因为数据不反映9月以后的情况）；"
        "累计目标为自起始年至最新数据所覆盖月份的月数÷全期月数；水平目标为自起点至数据年份的年数÷至期限的年数。"
        "超（落后）时序进度＝完成率（水平目标为进展）−时序进度，以百分点计，按显示的0.1个百分点判断。",
        "en": "Time elapsed is the share of the target's time that the figure covers: for an annual target, the months the figure covers ÷ 12 "
        "(a January–August figure counts 8/12 whatever the as-of date, since it says nothing about September onwards); "
        "for a cumulative target, the months from the start of the span to the end of the latest figure ÷ the span's months; "
        "for a level target, the years from the starting point to the figure ÷ the years to the deadline. "
        "Ahead or behind schedule = achievement (progress since the starting point, for a level) − time elapsed, in points, "
        "decided at the 0.1 point shown.",
    },
    "method.history": {
        "zh": "历年达标情况（M年中N年达标）：年度目标自起始年至截至年份逐年列出；有全年数据的年份判断达标与否；"
        "只有年内累计数或没有数据的年份只列出，不作判断，不计入M。",
        "en": "History (met in N of M years): each year of an annual target from its start up to the as-of year; "
        "a year with a full-year figure is met or missed; a year with only a year-to-date figure, or none, "
        "is listed but not judged and not counted in M.",
    },
    # reasons (engine codes)
    "reason.only-pre-plan-figures": {
        "zh": "仅有规划期前的数字，作为起点",
        "en": "only a pre-plan figure, used as the starting point",
    },
    "reason.start-met": {
        "zh": "起点已达到目标，不计算进展、较时序进度和推进速度",
        "en": "the starting point already met the target: no progress, schedule gap or pace to "
        "measure",
    },
    "reason.fell-back": {
        "zh": "起点已达标，现已回落到目标以下",
        "en": "met at the starting point, since fallen back short of the target",
    },
    "reason.no-starting-point": {
        "zh": "只有一个年份的数据，缺少更早的起点数据，无法计算推进速度",
        "en": "figures for one year only: no earlier starting point to measure pace from",
    },
    "reason.no-pace": {
        "zh": "无法计算推进速度（有数据不为正数，或起点不早于期限）",
        "en": "pace cannot be measured (a figure not above zero, or a start not before the deadline)",
    },
    # the same reasons in a few words, the one family a status cell (text.missing: what an
    # insufficient-data target lacks) and a county table (text.row_reasons) both say
    "reason.short.region-no-target": {"zh": "无县级目标", "en": "no county target"},
    "reason.short.start-met": {"zh": "起点已达标", "en": "met at the start"},
    "reason.short.fell-back": {"zh": "已达标后回落", "en": "fell back after meeting it"},
    "reason.short.no-starting-point": {"zh": "仅{year}年一年数据", "en": "only {year}'s figure"},
    "reason.short.no-pace": {"zh": "无法计算推进速度", "en": "pace not measurable"},
    "reason.short.non-positive-level": {"zh": "水平值不大于零", "en": "a level ≤ 0"},
    "reason.short.fall-of-whole-level": {"zh": "增长率≤−100%", "en": "a growth ≤ −100 %"},
    "reason.short.year-over-only-ytd": {
        "zh": "缺{year}年全年数",
        "en": "no full-year {year} figure",
    },
    "reason.short.only-growth-figures": {"zh": "缺水平值", "en": "no level figure"},
    "reason.short.ytd-not-a-level": {
        "zh": "年内累计数不作水平值",
        "en": "a year-to-date sum is no level",
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
    # ... and in `show`, the reason (reason.*) and what to do about it (text.missing_todo)
    "todo.label": {"zh": "缺少数据", "en": "Missing"},
    "todo.sentence": {"zh": "{reason}：{action}", "en": "{reason}: {action}"},
    "todo.year-over-only-ytd": {
        "zh": "报送{year}年全年数（现有截至{period}的累计数）后才能判断该年，"
        "并计算时序进度、推进速度和期末预计",
        "en": "send the full-year {year} figure (the figure to {period} is in) to judge the "
        "year and to measure schedule, pace and projection",
    },
    "todo.missing-years": {
        "zh": "报送{years}年的全年数后才能计算完成率、时序进度、推进速度和期末预计",
        "en": "send the full-year figures for {years} to measure achievement, schedule, pace "
        "and projection",
    },
    "todo.missing-link": {
        "zh": "报送{years}年的水平值或比上年增长率后才能评估",
        "en": "send a level or a growth figure for {years} to assess the target",
    },
    "todo.non-positive-level": {
        "zh": "核对并改正不大于零的水平值后才能评估",
        "en": "check and correct the level that is zero or negative to assess the target",
    },
    "todo.only-growth-figures": {
        "zh": "报送水平值（口径“水平值”）后才能评估",
        "en": "send the level figures (measure 'level') to assess the target",
    },
    "todo.no-starting-point": {
        "zh": "报送{year}年以后年份的数，或在规划中写明更早的基期值，才能计算进展、时序进度、"
        "推进速度和期末预计",
        "en": "send a figure for a year after {year}, or give an earlier baseline in the plan, "
        "to measure progress, schedule, pace and projection",
    },
    "todo.no-pace": {
        "zh": "进展和较时序进度照常计算，数字无误则无需处理",
        "en": "progress and schedule are measured as usual; if the figures are right, nothing "
        "to do",
    },
    # terminal tables that never break a word (cli/render/fit.py, status_table.py)
    # the figure under a header that names its unit (col.schedule_points), in either language
    "col.schedule_points": {"zh": "较时序进度（百分点）", "en": "vs. schedule (pts)"},
    "schedule.short.ahead": {"zh": "超{points}", "en": "+{points}"},
    "schedule.short.behind": {"zh": "落后{points}", "en": "−{points}"},
    "schedule.short.on_schedule": {"zh": "持平", "en": "on pace"},
    "schedule.short.met_at_deadline": {"zh": "到期达成", "en": "met at deadline"},
    "schedule.short.missed_at_deadline": {"zh": "到期未达成", "en": "missed at deadline"},
    "schedule.short.missed_year": {"zh": "全年未达成", "en": "year missed"},
    "note.columns_dropped": {
        "zh": "终端宽度不足，未显示：{columns}（加宽终端，或用 show 查看单个指标）。",
        "en": "Too narrow to show: {columns} (widen the terminal, or use `show` for one indicator).",
    },
    # ... in `show` and in the report, what the reader can do from there (fit.dropped_note)
    "note.columns_dropped.show": {
        "zh": "终端宽度不足，未显示：{columns}（加宽终端，或加 --format json 输出每个数字及其来源和备注）。",
        "en": "Too narrow to show: {columns} (widen the terminal, or add `--format json` for "
        "every figure with its source and note).",
    },
    "note.columns_dropped.report": {
        "zh": "终端宽度不足，未显示：{columns}（加宽终端，或加 -o 报告.html 或 -o 报告.docx 写出完整报告）。",
        "en": "Too narrow to show: {columns} (widen the terminal, or write the whole report with "
        "`-o report.html` or `-o report.docx`).",
    },
    "note.ids_dropped": {
        "zh": "终端宽度不足，未显示：{columns}（加宽终端；或用 show 查看单个指标及其代码，"
        "用 --format json 输出全部代码）。",
        "en": "Too narrow to show: {columns} (widen the terminal, use `show` for one indicator "
        "and its id, or `--format json` for every id).",
    },
    "note.county_target": {
        "zh": "县区各行不重复列出市级目标和指标代码，完成率按市级目标计算；县区无数据的市级节点和定性目标不列出。",
        "en": "County rows do not repeat the city's target or the ids; their achievement is against the city's target. "
        "City milestones and judgements a county has no figure for are left out.",
    },
    # The words of a target whose time is up, explained once: the status line fills in the
    # table's short words, the report's method list its sentences' words (reporting/text).
    "method.deadline_words": {
        "zh": "期限已到的目标写“{met}”或“{missed}”（年度目标某年未达成写“{year}”），"
        "不再显示时序进度、推进速度和期末预计",
        "en": "“{met}” or “{missed}” for a target whose time is up (“{year}” "
        "for an annual target short in a year gone by), which has no schedule left: its time "
        "elapsed, pace and projected at deadline are not shown",
    },
    "method.deadline": {"zh": "{words}。", "en": "The schedule says {words}."},
    "method.status.table": {
        "zh": "完成率=实际÷目标；时序进度=数据所覆盖时间的占比；较时序进度：年度、累计目标为完成率−时序进度，"
        "水平目标为进展（自起点起）−时序进度，以百分点计，超为正、落后为负；{deadline}；"
        "推进速度≥{on:pct}%为正常推进，≥{risk:pct}%为存在风险，否则明显滞后（规则见 docs/method.zh-CN.md）。",
        "en": "Achieved = actual ÷ target; time elapsed = the share of the time the figure covers; "
        "vs. schedule = achievement − time elapsed for annual and cumulative targets, "
        "progress since the starting point − time elapsed for level targets, in points; "
        "{deadline}; "
        "pace ≥ {on:pct} % on track, ≥ {risk:pct} % at risk, else off track (rules: docs/method.md).",
    },
    # the submission template (intake/template.py)
    "template.title": {
        "zh": "{region}{period}民生指标报送表",
        "en": "Livelihood indicators: {region}, {period}",
    },
    "template.block.unit": {"zh": "填报单位：", "en": "Reporting unit:"},
    "template.block.filler": {"zh": "填报人：", "en": "Filled in by:"},
    "template.block.checker": {"zh": "审核人：", "en": "Checked by:"},
    "template.block.date": {"zh": "填报日期：", "en": "Date:"},
    "template.prompt_title": {"zh": "填写数值", "en": "Value"},
    "template.error_title": {"zh": "不是数字", "en": "Not a number"},
    "template.error_number": {
        "zh": "请只填数字，不带单位（单位见“单位”列）。",
        "en": "Enter a number only, without the unit (see the unit column).",
    },
}
register(LABELS)


# The command line's own sentences: usage errors (Click's included), lookups, tips,
# footers. Kept in their own block so that keys added above merge without conflict.
LABELS.update(
    {
        # Click's usage errors, rendered from the exception's fields (cli/usage.py)
        "cli.usage": {"zh": "用法：", "en": "Usage: "},
        "cli.joined": {"zh": "{a}{b}", "en": "{a} {b}"},
        "cli.error": {"zh": "错误：", "en": "Error: "},
        "cli.tip": {"zh": "提示：", "en": "tip: "},
        "cli.try_help": {
            "zh": "运行 '{command} {option}' 查看帮助。",
            "en": "Try '{command} {option}' for help.",
        },
        # The placeholders of the help pages and usage errors (cli/usage.py, metavar()):
        # what a Chinese reader types there, in Chinese.
        "metavar.PERIOD": {"zh": "期间", "en": "PERIOD"},
        "metavar.YEAR": {"zh": "年份", "en": "YEAR"},
        "metavar.FILE": {"zh": "文件", "en": "FILE"},
        "metavar.DIR": {"zh": "文件夹", "en": "DIR"},
        "metavar.PATH": {"zh": "路径", "en": "PATH"},
        "metavar.INDICATOR": {"zh": "指标", "en": "INDICATOR"},
        "metavar.REGION": {"zh": "地区", "en": "REGION"},
        "metavar.SYSTEM": {"zh": "体系", "en": "SYSTEM"},
        "metavar.STATUS": {"zh": "状态", "en": "STATUS"},
        "metavar.SHEET": {"zh": "工作表", "en": "SHEET"},
        "metavar.FORMAT": {"zh": "格式", "en": "FORMAT"},
        "metavar.TEXT": {"zh": "文字", "en": "TEXT"},
        "metavar.NAME": {"zh": "姓名", "en": "NAME"},
        "metavar.N": {"zh": "条数", "en": "N"},
        "cli.section.arguments": {"zh": "参数", "en": "Arguments"},
        "cli.section.options": {"zh": "选项", "en": "Options"},
        "cli.section.commands": {"zh": "命令", "en": "Commands"},
        "cli.default": {"zh": "默认：{value}", "en": "default: {value}"},
        "cli.required": {"zh": "必填", "en": "required"},
        "cli.no_such_option": {"zh": "没有选项 {name}。", "en": "No such option: {name}"},
        "cli.possible_options": {
            "zh": "（可能是：{options}）",
            "en": "(Possible options: {options})",
        },
        "cli.no_such_command": {"zh": "没有命令 '{name}'。", "en": "No such command '{name}'."},
        "cli.did_you_mean_command": {"zh": "是不是 {names}？", "en": "Did you mean {names}?"},
        "cli.missing_command": {"zh": "缺少命令。", "en": "Missing command."},
        "cli.missing.option": {"zh": "缺少选项 {name}。", "en": "Missing option {name}."},
        "cli.missing.argument": {"zh": "缺少参数 {name}。", "en": "Missing argument {name}."},
        "cli.missing.parameter": {"zh": "缺少参数 {name}。", "en": "Missing parameter {name}."},
        "cli.missing_option_bare": {
            "zh": "缺少选项 '{name}'；“{value}”前要写选项名：{name} {value}",
            "en": "Missing option '{name}'; '{value}' needs the option's name before it: {name} {value}",
        },
        "cli.invalid_value": {
            "zh": "{name} 的值无效：{message}",
            "en": "Invalid value for {name}: {message}",
        },
        "cli.invalid_value_bare": {"zh": "值无效：{message}", "en": "Invalid value: {message}"},
        "cli.needs_value": {
            "zh": "选项 '{name}' 需要一个值。",
            "en": "Option '{name}' requires an argument.",
        },
        "cli.needs_values": {
            "zh": "选项 '{name}' 需要{n}个值。",
            "en": "Option '{name}' requires {n} arguments.",
        },
        "cli.takes_no_value": {
            "zh": "选项 '{name}' 不带值。",
            "en": "Option '{name}' does not take a value.",
        },
        "cli.extra_arguments": {
            "zh": "多余的参数：{args}",
            "en": "Got unexpected extra argument(s) ({args})",
        },
        "cli.aborted": {"zh": "已中止。", "en": "Aborted!"},
        "cli.not_one_of": {
            "zh": "“{value}”不是可选值；可选：{choices}",
            "en": "'{value}' is not one of {choices}.",
        },
        "cli.not_a_year": {
            "zh": "“{value}”不是年份，例如2019",
            "en": "'{value}' is not a year, e.g. 2019",
        },
        "cli.not_a_count": {
            "zh": "“{value}”不是非负整数",
            "en": "'{value}' is not a whole number of 0 or more",
        },
        "cli.is_a_folder": {
            "zh": "“{value}”是文件夹，这里要一个文件",
            "en": "'{value}' is a folder; a file is needed here",
        },
        "cli.is_a_file": {
            "zh": "“{value}”是文件，这里要一个文件夹",
            "en": "'{value}' is a file; a folder is needed here",
        },
        "cli.ambiguous_period": {
            "zh": "“{value}”有两种读法：{first}或{second}；请写成其中之一",
            "en": "'{value}' may be {first} or {second}; write the one you mean",
        },
        "cli.bad_period": {
            "zh": "“{value}”不是期间：请写成2017、2017Q3或2017-09",
            "en": "'{value}' is not a period: write 2017, 2017Q3 or 2017-09",
        },
        # the error path of every command (cli/app.py)
        "cli.tip.validate_folder": {
            "zh": "运行 {command} 可列出全部问题",
            "en": "run {command} to list every finding",
        },
        "cli.data_has_errors": {
            "zh": "{folder} 中的数据有{n}个错误；请先改正——有错误的文件夹不评估任何数字",
            "en": "the data in {folder} has {n:error|errors} to fix first — no figure is assessed "
            "from a folder with errors",
        },
        # lookups: --status, --system, --region, show NAME (plan/lookup.py)
        "lookup.a.status": {"zh": "已知的状态", "en": "a known status"},
        "lookup.a.system": {"zh": "规划中的体系", "en": "a system of the plan"},
        "lookup.a.region": {"zh": "规划中的地区", "en": "a region of the plan"},
        "lookup.a.indicator": {
            "zh": "规划中的指标或目标",
            "en": "an indicator or target of the plan",
        },
        "lookup.many.status": {"zh": "状态", "en": "statuses"},
        "lookup.many.system": {"zh": "体系", "en": "systems"},
        "lookup.many.region": {"zh": "地区", "en": "regions"},
        "lookup.many.indicator": {"zh": "指标", "en": "indicators"},
        "lookup.unknown": {"zh": "“{text}”不是{what}。", "en": "'{text}' is not {what}."},
        "lookup.did_you_mean": {"zh": "是不是“{guess}”？", "en": "Did you mean '{guess}'?"},
        "lookup.did_you_mean_named": {
            "zh": "是不是“{name}”（{guess}）？",
            "en": "Did you mean '{guess}' ({name})?",
        },
        "lookup.ambiguous": {
            "zh": "“{text}”可指{n}个{what}，请写得更具体：",
            "en": "'{text}' matches {n} {what}; be more specific:",
        },
        "lookup.closest": {
            "zh": "最接近的名称（请用其中之一重试）：",
            "en": "The closest names (try again with one of them):",
        },
        "lookup.choices": {"zh": "可选：", "en": "Use one of:"},
        "lookup.list_plan": {
            "zh": "运行 `linyi-tracker plan` 查看全部。",
            "en": "Run `linyi-tracker plan` to list them.",
        },
        # results and footers of the commands
        "cli.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
        "cli.wrote_template": {
            "zh": "已写入 {path}：{period}、{region}，共{rows}行",
            "en": "wrote {path}: {rows} rows for {period}, {region}",
        },
        "cli.embedded": {
            "zh": "{name}（linyi-tracker {version} 内置）",
            "en": "{name} (embedded in linyi-tracker {version})",
        },
        "cli.located": {"zh": "{path}（{origin}）", "en": "{path} ({origin})"},
        "origin.option": {"zh": "命令行选项", "en": "option"},
        "origin.environment": {"zh": "环境变量", "en": "environment"},
        "origin.beside the plan": {"zh": "规划文件旁", "en": "beside the plan"},
        "origin.beside the data": {"zh": "数据文件夹旁", "en": "beside the data"},
        "origin.working directory": {"zh": "工作目录", "en": "working directory"},
        "origin.embedded": {"zh": "内置", "en": "embedded"},
        "status.as_of_outside": {
            "zh": "--as-of 的值{period}不在规划的数据年份{start}—{end}年内；请选其中的期间",
            "en": "--as-of {period} is outside the plan's years {start}–{end}; choose a period within them",
        },
        "status.none_binding": {
            "zh": "没有可显示的目标：规划中没有标为“约束性”的目标（--binding yes）。",
            "en": "No target to show: no target of the plan is marked binding (约束性) "
            "(--binding yes).",
        },
        "status.none_expected": {
            "zh": "没有可显示的目标：规划中没有标为“预期性”的目标（--binding no）。",
            "en": "No target to show: no target of the plan is marked expected (预期性) "
            "(--binding no).",
        },
        "status.none_in_plan": {
            "zh": "没有可显示的目标：规划中还没有任何目标。",
            "en": "No target to show: the plan has no targets yet.",
        },
        "status.none_to_show": {
            "zh": "没有可显示的目标：所选地区没有目标。",
            "en": "No target to show: the regions asked for have no targets.",
        },
        "status.none_match": {
            "zh": "没有符合所选条件的目标（{filters}）；去掉一个条件可看到更多目标。",
            "en": "No target matches what was asked ({filters}); leave out a condition to "
            "see more.",
        },
        "status.filter_status": {"zh": "状态：{value}", "en": "status: {value}"},
        "status.filter_system": {"zh": "体系：{value}", "en": "system: {value}"},
        "status.filter_region": {"zh": "地区：{value}", "en": "region: {value}"},
        "status.filter_binding": {"zh": "约束性：{value}", "en": "binding: {value}"},
        "status.binding_yes": {"zh": "是", "en": "yes"},  # --binding yes, as a filter says it
        "status.binding_no": {"zh": "否", "en": "no"},
        "status.filter_sep": {"zh": "；", "en": "; "},
        "report.outside_years": {
            "zh": "{year}年不在规划期{start}—{end}年内；请选其中一年",
            "en": "{year} is outside the plan's years {start}–{end}; report on one of them",
        },
        "report.as_of_other_year": {
            "zh": "--as-of 的值{period}不在{year}年；{year}年的报告截至该年的某一期间",
            "en": "--as-of {period} is not in {year}; a report on {year} is as of a period of that year",
        },
        "report.format_unknown": {
            "zh": "无法从 '{name}' 判断格式：请加 --format（md、html、json、csv、xlsx、docx）",
            "en": "cannot tell the format from '{name}': add --format (md, html, json, csv, xlsx, docx)",
        },
        "report.xlsx_needs_file": {
            "zh": "Excel 报告需要文件：请加 -o report.xlsx",
            "en": "an Excel report needs a file: add -o report.xlsx",
        },
        "report.docx_needs_file": {
            "zh": "Word 报告需要文件：请加 -o report.docx",
            "en": "a Word report needs a file: add -o report.docx",
        },
        "template.outside_years": {
            "zh": "{period}不在规划的数据年份{start}—{end}年内",
            "en": "{period} is outside the plan's years {start}–{end}",
        },
        "region.one_only": {
            "zh": "此命令只针对一个地区，--region {region} 不可用：请写一个地区的代码或名称（兰山区、lanshan），或不写表示全市",
            "en": "this command is about one region, so --region {region} cannot be used: name one region (兰山区, lanshan), or leave it out for the city",
        },
        "ingest.no_data_folder": {
            "zh": "没有可写入的数据文件夹：请用 --data DIR（或 LINYI_TRACKER_DATA）指定，"
            "或在含有 data/actuals/ 的文件夹中运行",
            "en": "no data folder to write to: give --data DIR (or LINYI_TRACKER_DATA), "
            "or run from a folder that has data/actuals/",
        },
        "ingest.example_read_only": {
            "zh": "{name} 是 linyi-tracker 随附的示例，不会被写入：请先复制一份"
            '（cp -r "{path}" .），再用 --plan {name} --data ./{name}',
            "en": "{name} is an example shipped with linyi-tracker and is never written to: "
            'copy it first (cp -r "{path}" .) and give --plan {name} --data ./{name}',
        },
        "ingest.inside_data_folder": {
            "zh": "{path} 已在数据文件夹 {folder} 中：其中的数字已经入库；导入只接受文件夹以外的文件",
            "en": "{path} is already in the data folder {folder}: its figures are stored; "
            "ingest takes files from outside it",
        },
        "ingest.cannot_write": {
            "zh": "无法写入 {folder}：{reason}；数据文件夹没有改动",
            "en": "could not write to {folder}: {reason}; the data folder is unchanged",
        },
        "ingest.refused": {
            "zh": "未写入任何数据：请改正上述错误后重新导入。",
            "en": "Nothing was written: fix the errors above and ingest again.",
        },
        "ingest.nothing_to_write": {
            "zh": "无需写入：{n}个数字均已存在。",
            "en": "Nothing to write: {n:figure|figures}, all already stored.",
        },
        "ingest.would_write": {
            "zh": "将写入{n}个数字到 {path}（{skipped}个已存在，{revised}个修订）：",
            "en": "Would write {n:figure|figures} to {path} ({skipped} already stored, "
            "{revised:revision|revisions}):",
        },
        "ingest.revision": {
            "zh": "修订：{figure}：{old} → {new}，截至{as_of}",
            "en": "revision: {figure}: {old} → {new} as of {as_of}",
        },
        "ingest.would_replace": {
            "zh": "{figure}：{value}将替换已存的{stored}（{where}）",
            "en": "{figure}: {value} would replace the stored {stored} ({where})",
        },
        "ingest.store_has_errors": {
            "zh": "{folder} 中的数据有{n}个错误；未写入任何数字——请先改正，再导入",
            "en": "the data in {folder} has {n:error|errors}; nothing was written — fix the data "
            "first, then ingest again",
        },
        "ingest.refinement": {
            "zh": "精确化：{figure}：已存的取整数字{old}，现存入精确数字{new}，此后按它计",
            "en": "refined: {figure}: the stored rounded {old} now has its precise form {new}, "
            "which counts from now on",
        },
        "ingest.wrote": {
            "zh": "已写入{n}个数字到 {path}（{skipped}个已存在，{revised}个修订）。",
            "en": "Wrote {n:figure|figures} to {path} ({skipped} already stored, "
            "{revised:revision|revisions}).",
        },
        "ingest.signoffs_differ": {
            "zh": "未写入任何数据：这些文件的签字栏（填报人、审核人等）各不相同，请逐个文件导入，"
            "使每个数字保留自己的报送记录。",
            "en": "Nothing was written: these files are signed differently (filed by, checked "
            "by …): ingest them one file at a time, so that each figure keeps its own record.",
        },
        "ingest.withdrawn_figure": {
            "zh": "未写入任何数据：{figure} 已于{when}撤回（原因：{reason}），{file} 中的这个数字"
            "再次导入也不会计入。若是误撤回，请恢复该数字：{command}；若该数字确有错误，"
            "请在 {file} 中改正后再导入。{more}",
            "en": "Nothing was written: {figure} was withdrawn on {when} (reason: {reason}) and "
            "would not count if stored again from {file}. If it was withdrawn by mistake, "
            "reinstate it: {command}; if the figure is wrong, correct it in {file} and ingest "
            "again.{more}",
        },
        "ingest.withdrawn_more": {
            "zh": "另有{n}个已撤回的数字同样不会计入：{listed}。validate 会逐个列出其恢复命令。",
            "en": " {n:more withdrawn figure|more withdrawn figures} would not count either: "
            "{listed}. validate lists each with its reinstating command.",
        },
        "ingest.withdrawn_left": {"zh": "……另有{n}个", "en": "… and {n} more"},
        "ingest.undo_reason": {"zh": "误撤回", "en": "withdrawn by mistake"},
        "withdraw.no_figure": {
            "zh": "数据文件夹中没有 {indicator} · {region} · {period}的数字可撤回：请用 show 查看已存数字"
            "（数据文件夹有错误时用 validate 列出）。",
            "en": "No figure of {indicator} · {region} · {period} counts in the data folder: nothing "
            "to withdraw. See the stored figures with show (with validate where the folder has "
            "errors).",
        },
        "withdraw.several": {
            "zh": "有{n}个数字符合：{figures}。请用 --value 写明撤回哪一个"
            "（水平值与增长率并存时用 --measure level 或 growth）。",
            "en": "{n} figures answer to that: {figures}. Say which to withdraw with --value "
            "(and --measure level or growth where a level and a growth figure are both given).",
        },
        "withdraw.no_such_value": {
            "zh": "{indicator} · {region} · {period}没有数值为{value}的数字；此处的数字为：{figures}。"
            "请用其中之一作 --value。",
            "en": "No figure of {indicator} · {region} · {period} is {value}; the figures there "
            "are: {figures}. Give one of them as --value.",
        },
        "withdraw.cumulative_level": {
            "zh": "“{value}”是年初至今的累计，但{indicator}不是年初至今的累计数，没有这样的数字："
            "请写它的期间，如{period}或{year}。",
            "en": "'{value}' is a sum from January, but {indicator} is not summed over the year, "
            "so it has no such figure: write its period, such as {period} or {year}.",
        },
        "withdraw.bad_value": {
            "zh": "--value “{value}”不是数字：请照数据文件中的写法填写，如13100或1.31万。",
            "en": "--value '{value}' is not a number: write it as the data file does, e.g. 13100 "
            "or 1.31万.",
        },
        "withdraw.would": {
            "zh": "将撤回 {figure} = {value}（{file}），原因：{reason}",
            "en": "Would withdraw {figure} = {value} ({file}), reason: {reason}",
        },
        "withdraw.done": {
            "zh": "已撤回 {figure} = {value}（{file}），原因：{reason}。记录在 {path}。",
            "en": "Withdrew {figure} = {value} ({file}), reason: {reason}. Recorded in {path}.",
        },
        "withdraw.already": {
            "zh": "{figure} = {value}已于{when}撤回，原因：{reason}。未作改动。",
            "en": "{figure} = {value} was withdrawn already on {when}, reason: {reason}. "
            "Nothing changed.",
        },
        "withdraw.undo_would": {
            "zh": "将恢复 {figure} = {value}（{file}，{when}撤回），原因：{reason}",
            "en": "Would reinstate {figure} = {value} ({file}, withdrawn on {when}), "
            "reason: {reason}",
        },
        "withdraw.undone": {
            "zh": "已恢复 {figure} = {value}（{file}），原因：{reason}；此后照常计入。记录在 {path}。",
            "en": "Reinstated {figure} = {value} ({file}), reason: {reason}; it counts again. "
            "Recorded in {path}.",
        },
        "withdraw.unheld": {"zh": "已无数据文件存有", "en": "no data file holds it now"},
        "withdraw.unheld_next": {
            "zh": "数据文件夹中已无这个数字（其所在行已删除）：再次导入后照常计入。",
            "en": "No data file holds this figure now (its row was deleted): it counts once "
            "ingested again.",
        },
        "withdraw.undo_clash": {
            "zh": "注意：恢复后它与{figures}再次冲突；在撤回其中错误的一个之前，status 等命令将拒绝"
            "该数据文件夹（linyi-tracker withdraw … --value 数值）。",
            "en": "Note: it is in conflict again with {figures}; status and the other commands "
            "refuse the data folder until the wrong one is withdrawn (linyi-tracker withdraw … "
            "--value FIGURE).",
        },
        "withdraw.undo_clash_would": {
            "zh": "注意：恢复后它将与{figures}再次冲突；在撤回其中错误的一个之前，status 等命令将拒绝"
            "该数据文件夹（linyi-tracker withdraw … --value 数值）。",
            "en": "Note: it would be in conflict again with {figures}; status and the other "
            "commands would refuse the data folder until the wrong one is withdrawn "
            "(linyi-tracker withdraw … --value FIGURE).",
        },
        "withdraw.undo_none_withdrawn": {
            "zh": "{indicator} · {region} · {period}没有已撤回的数字，无可恢复。",
            "en": "No figure of {indicator} · {region} · {period} is withdrawn: nothing to "
            "reinstate.",
        },
        "withdraw.undo_other_withdrawn": {
            "zh": "{indicator} · {region} · {period}没有这样的已撤回数字；此处已撤回的是：{figures}。"
            "请用其中之一作 --value（水平值与增长率用 --measure）。",
            "en": "No such figure of {indicator} · {region} · {period} is withdrawn; withdrawn "
            "there: {figures}. Give one of them as --value (and --measure level or growth).",
        },
        "withdraw.undone_already": {
            "zh": "{value}已于{when}恢复（原因：{reason}），现已计入。",
            "en": "{value} was reinstated on {when} (reason: {reason}) and counts.",
        },
        "withdraw.undo_several": {
            "zh": "有{n}个已撤回的数字符合：{figures}。请用 --value 写明恢复哪一个"
            "（水平值与增长率并存时用 --measure level 或 growth）。",
            "en": "{n} withdrawn figures answer to that: {figures}. Say which to reinstate with "
            "--value (and --measure level or growth where a level and a growth figure are both "
            "withdrawn).",
        },
        "withdraw.empty_reason": {
            "zh": "请用 --reason 说明撤回原因。",
            "en": "Say why the figure is withdrawn with --reason.",
        },
        "withdraw.undo_empty_reason": {
            "zh": "请用 --reason 说明恢复原因（例如为何当初的撤回有误）。",
            "en": "Say why the figure is reinstated with --reason (why withdrawing it was a "
            "mistake).",
        },
        "show.signoff": {
            "zh": "报送记录：{figure}：填报单位 {unit}，填报人 {filed_by}，审核人 {checked_by}，"
            "填报日期{filed_on}",
            "en": "Filed: {figure}: unit {unit}, filed by {filed_by}, checked by {checked_by}, "
            "on {filed_on}",
        },
        "show.withdrawn": {
            "zh": "已撤回：{figure} = {value}，{when}，原因：{reason}{by}",
            "en": "Withdrawn: {figure} = {value}, {when}, reason: {reason}{by}",
        },
        "show.withdrawn_by": {"zh": "，撤回人：{by}", "en": ", by {by}"},
        "validate.unreadable": {"zh": "无法读取", "en": "unreadable"},
        "validate.file": {
            "zh": "{path}（{encoding}，{n}行）",
            "en": "{path} ({encoding}, {n:row|rows})",
        },
        "validate.clean": {
            "zh": "{files}个文件（{n}行）没有错误或警告{notices}。",
            "en": "No errors or warnings in {files:file|files} ({n:row|rows}){notices}.",
        },
        "validate.data_has_errors": {
            "zh": "注意：比对所用的数据文件夹 {folder} 本身有{n}个错误，改正之前 ingest 不会写入任何文件（运行 {command} 查看）。",
            "en": "Note: the data folder {folder} compared with has {n:error|errors} of its own; ingest writes nothing until it is fixed ({command} lists them).",
        },
        "validate.clean_notices": {"zh": "，{n}个提示", "en": " ({n:notice|notices})"},
        # The one summary of findings, validate's and plan check's: rows only where read.
        "validate.found": {
            "zh": "{files}个文件{rows}中发现{errors}个错误、{warnings}个警告。",
            "en": "Found {errors:error|errors} and {warnings:warning|warnings} in "
            "{files:file|files}{rows}.",
        },
        "validate.found_notices": {
            "zh": "{files}个文件{rows}中发现{errors}个错误、{warnings}个警告、{notices}个提示。",
            "en": "Found {errors:error|errors}, {warnings:warning|warnings} and "
            "{notices:notice|notices} in {files:file|files}{rows}.",
        },
        "validate.found_rows": {"zh": "（{n}行）", "en": " ({n:row|rows})"},
        "findings.truncated": {
            "zh": "……另有{more}条（列表已截断）{how}",
            "en": "… and {more} more (listing truncated){how}",
        },
        # how to see the rest of a truncated listing, by where its findings come from
        "findings.rest.tip": {
            "zh": "；下面提示中的命令可列出全部",
            "en": "; the command in the tip below lists them all",
        },
        "findings.rest.validate": {
            "zh": "；对这些文件运行 `linyi-tracker validate --max-findings 0` 可列出全部",
            "en": "; `linyi-tracker validate --max-findings 0` on the files lists them all",
        },
        "findings.rest.plan": {
            "zh": "；`linyi-tracker plan check` 可列出全部",
            "en": "; `linyi-tracker plan check` lists them all",
        },
        "validate.strict": {
            "zh": "--strict：警告也算作错误。",
            "en": "--strict: warnings count as errors.",
        },
        "validate.listed": {
            "zh": "共{total}条，已列出{shown}条；用 --max-findings 0 列出全部，或用 --format json。",
            "en": "Listed {shown} of {total} findings; use --max-findings 0 to list them all, "
            "or --format json.",
        },
        "plan.valid": {
            "zh": "规划文件有效：{path}。{systems}个体系，{projects}项工程（{unnamed}项原文未列名称），"
            "{indicators}个指标，{targets}个目标，{regions}个地区。",
            "en": "The plan is valid: {path} — {systems:system|systems}, "
            "{projects:project|projects} ({unnamed} not named in the source), "
            "{indicators:indicator|indicators}, {targets:target|targets}, "
            "{regions:region|regions}.",
        },
        "template.format_unknown": {
            "zh": "无法从 '{name}' 判断格式：文件名请以 .csv 或 .xlsx 结尾，或加 --format（csv、xlsx）",
            "en": "cannot tell the format from '{name}': name the file .csv or .xlsx, or add --format (csv, xlsx)",
        },
        "template.xlsx_needs_file": {
            "zh": ".xlsx 模板需要文件：请加 -o FILE.xlsx",
            "en": "an .xlsx template needs a file: add -o FILE.xlsx",
        },
    }
)


# Files and folders that are not there, said where the core finds out.
LABELS.update(
    {
        "input.data_folder_missing": {
            "zh": "找不到数据目录 {path}；请检查 --data 或 LINYI_TRACKER_DATA",
            "en": "data folder not found: {path} — check --data or LINYI_TRACKER_DATA",
        },
        "input.data_folder_is_file": {
            "zh": "{path} 是文件；--data 需要一个存放 CSV 文件的文件夹",
            "en": "{path} is a file; --data takes a folder of CSV files",
        },
        "input.no_data_files": {
            "zh": "文件夹 {path} 中没有 CSV 或 .xlsx 文件",
            "en": "no CSV or .xlsx files in the folder {path}",
        },
        "input.missing": {
            "zh": "没有这个文件或文件夹：{path}",
            "en": "no such file or folder: {path}",
        },
        "input.unreadable": {
            "zh": "无法读取 {path}：{reason}",
            "en": "cannot read {path}: {reason}",
        },
        "input.plan_missing": {
            "zh": "找不到规划文件 {path}；请检查 --plan 或 LINYI_TRACKER_PLAN 给出的路径",
            "en": "plan file not found: {path} — check the path given to --plan or LINYI_TRACKER_PLAN",
        },
        "input.plan_invalid": {
            "zh": "规划文件 {path} 有{n}个错误；运行 `linyi-tracker plan check {path}` 查看",
            "en": "the plan file {path} has {n:error|errors}; run `linyi-tracker plan check {path}` to see them",
        },
        "input.plan_is_folder": {
            "zh": "{path} 是文件夹；--plan 需要一个 YAML 文件",
            "en": "{path} is a folder; --plan takes a YAML file",
        },
        "input.plan_unreadable": {
            "zh": "无法读取规划文件 {path}：{reason}",
            "en": "cannot read plan file {path}: {reason}",
        },
        "input.no_embedded_plan": {
            "zh": "安装中没有内置的规划；请重新安装 linyi-tracker，或用 --plan 给出规划文件",
            "en": "no embedded plan found in the installation; reinstall linyi-tracker or pass --plan",
        },
        "output.folder_missing": {
            "zh": "找不到要写入的文件夹：{path}",
            "en": "folder not found: {path}",
        },
    }
)


# Refusals of hostile or careless input (ingest, files that are not files, -o targets).
LABELS.update(
    {
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
        "output.is_plan": {
            "zh": "-o {path} 是本命令读取的规划文件，写入会覆盖它；请换一个文件名",
            "en": "-o {path} is the plan file this command reads; writing would overwrite it — choose another file name",
        },
        "output.is_input": {
            "zh": "-o {path} 是本命令读取的输入文件，写入会覆盖它；请换一个文件名",
            "en": "-o {path} is an input this command reads; writing would overwrite it — choose another file name",
        },
        "output.format_mismatch": {
            "zh": "-o {name} 的扩展名与 --format {format} 不符，写入后该文件打不开：去掉 --format，或把文件名改为相应的扩展名",
            "en": "-o {name} has the suffix of another format than --format {format}; the file would not open — drop --format, or give the file that format's suffix",
        },
        "output.in_data": {
            "zh": "-o {path} 在数据文件夹 {folder} 内，写入会覆盖数据文件或在下次被当作数据读取；请写到别处",
            "en": "-o {path} is inside the data folder {folder}, where it would overwrite a data file or be read as data next time — write it elsewhere",
        },
        "output.holds_figures": {
            "zh": "{path} 已填有{n}个数字（一份填好的报表？），写入模板会覆盖它；请换一个文件名",
            "en": "{path} already holds {n:figure|figures} (a filled submission?); writing the template would overwrite it — choose another file name",
        },
        "ingest.no_figures": {
            "zh": "无需写入：所给文件中没有数字。",
            "en": "Nothing to write: the files hold no figures.",
        },
        "option.empty_path": {
            "zh": "{option} 的值为空：请给出文件或文件夹名（当前文件夹写 .）",
            "en": "{option} is empty: give a file or folder name (. for the current folder)",
        },
        "validate.stdin_twice": {
            "zh": "标准输入（-）只能给出一次：它只能读取一次",
            "en": "standard input (-) can be given only once: it can be read only once",
        },
        "input.empty_name": {
            "zh": "给出的文件名为空：请给出文件或文件夹（当前文件夹写 .）",
            "en": "an empty file name was given: name a file or folder (. for the current folder)",
        },
        "ingest.cannot_create": {
            "zh": "无法创建数据目录 {folder}：{reason}",
            "en": "cannot create the data folder {folder}: {reason}",
        },
        "ingest.unsafe_name": {
            "zh": "拒绝写入名为 {name} 的文件",
            "en": "refusing to write a file named {name}",
        },
        "ingest.outside_folder": {
            "zh": "拒绝写入数据目录 {folder} 以外的位置",
            "en": "refusing to write outside the data folder {folder}",
        },
        "ingest.all_stored": {
            "zh": "无需写入：每个数字均已存在",
            "en": "nothing to write: every figure is already stored",
        },
        "ingest.lock_timeout": {
            "zh": "另一个导入已向 {folder} 写入了{seconds}秒；请待其结束后重试",
            "en": "another ingest into {folder} has been writing for {seconds} s; try again when it has finished",
        },
    }
)


# extract: figures proposed from a communiqué's text (linyi_tracker/extract, cli/extract.py).
LABELS.update(
    {
        "extract.pdf": {
            "zh": "{path}：不读取 PDF。请先转为文本：pdftotext -layout 文件.pdf 文件.txt，再提取 .txt",
            "en": "{path}: PDF is not read. Convert it first: pdftotext -layout FILE.pdf FILE.txt, "
            "then extract the .txt",
        },
        "extract.kind": {
            "zh": "{path}：只读取文本（.txt）或网页（.html、.htm）",
            "en": "{path}: only text (.txt) or web pages (.html, .htm) are read",
        },
        "extract.not_found": {"zh": "找不到文件 {path}", "en": "file not found: {path}"},
        "extract.unreadable": {
            "zh": "无法读取 {path}：{reason}",
            "en": "cannot read {path}: {reason}",
        },
        "extract.too_big": {
            "zh": "{path} 超过{mb} MB，不像是公报文本",
            "en": "{path} is over {mb} MB: not the text of a communiqué",
        },
        "extract.encoding": {
            "zh": "{path} 既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8",
            "en": "{path} is neither UTF-8 nor GB18030 text; save it as UTF-8",
        },
        "extract.note.from": {"zh": "摘自 {file} 第{line}行", "en": "from {file}, line {line}"},
        "extract.note.sep": {"zh": "；", "en": "; "},
        "extract.note.year_needed": {
            "zh": "年份不明（原文为“{word}”）：请用 --period 指定年份，或在期间列写明年份",
            "en": "year unknown (the text says “{word}”): give --period YEAR, or write the year "
            "in the period column",
        },
        "extract.measure.level": {"zh": "水平值", "en": "level"},
        "extract.measure.growth": {"zh": "比上年增长", "en": "growth on previous year"},
        "extract.measure_short.level": {"zh": "水平值", "en": "level"},
        "extract.measure_short.growth": {"zh": "增长率", "en": "growth"},
        "extract.skip.target": {
            "zh": "目标或计划数，不是实际数",
            "en": "a target or plan figure, not an actual",
        },
        "extract.skip.completion": {
            "zh": "完成目标（计划）的比例，不是该指标的数字",
            "en": "a completion ratio of a target, not a figure of the indicator",
        },
        "extract.skip.points": {
            "zh": "百分点变化，不是增长率",
            "en": "a change in percentage points, not a growth rate",
        },
        "extract.skip.change": {
            "zh": "比上年的增减量，不是水平值",
            "en": "an absolute change on the previous year, not a level",
        },
        "extract.skip.component": {
            "zh": "“其中”之后：总数的一部分",
            "en": "after 其中: a part of the whole",
        },
        "extract.skip.share": {"zh": "“占”之后：所占比重", "en": "after 占: a share"},
        "extract.skip.bound": {
            "zh": "约数或界限（约、近、超过、以上、左右），不是确数",
            "en": "an approximate figure or a bound (约, 近, 超过, 以上, 左右), not an exact one",
        },
        "extract.skip.real": {
            "zh": "扣除价格因素的实际增长",
            "en": "real (price-adjusted) growth",
        },
        "extract.skip.average": {
            "zh": "多年的年均增长，不是比上年增长",
            "en": "an average yearly growth over several years, not growth on the previous year",
        },
        "extract.skip.restated": {
            "zh": "同一数字用另一单位在括号内外重述（如“69541万吨（13908亿斤）”）",
            "en": "the same figure restated in another unit, in brackets (69541万吨（13908亿斤）)",
        },
        "extract.not_read.no-figure": {
            "zh": "句中提到该指标但没有数字",
            "en": "the sentence names the indicator but gives no figure",
        },
        "extract.not_read.unclear": {
            "zh": "无法确定这个数字属于哪个指标或是什么",
            "en": "cannot tell what this number is or which indicator it belongs to",
        },
        "extract.not_read.unit": {
            "zh": "单位不是该指标的单位，也不能换算",
            "en": "the unit is not the indicator's, nor one the plan converts",
        },
        "extract.not_read.other-area": {
            "zh": "说的是规划范围以外的地区（全国、全省、其他城市、开发区、乡镇……）",
            "en": "about an area outside the plan's (全国, 全省, another city, a development "
            "zone, a town, …)",
        },
        "extract.not_read.own-area": {
            "zh": "“全区”“全县”等说的是本文自己的地区，但标题和 --region 都没有说明是哪个县区："
            "不归入全市；如本文是某县区的公报，请用 --region 指明该县区后重新提取",
            "en": "全区, 全县 … name the text's own area, which neither a title nor --region says: "
            "not given to the city; if the text is a county's communiqué, name the county with "
            "--region and extract again",
        },
        "extract.not_read.paragraph-area": {
            "zh": "本段（或上方标题）说的是另一地区或某个县区，本句未写地区：不归入本文的地区"
            "（全市，或标题、--region 所指的县区），请对照原文录入",
            "en": "the paragraph (or the heading above it) is about another area or a county "
            "and the sentence names none: not given to the text's area (the city, or the county "
            "its title or --region names); enter it from the text",
        },
        "extract.not_read.title-area": {
            "zh": "标题（或署名的统计局）说明本文是另一地区的公报：其数字不归入全市（每个文件只列第一句）",
            "en": "the title (or the issuing bureau) says the text is another area's communiqué: "
            "its figures are not the city's (the first sentence of each file is listed)",
        },
        "extract.not_read.not-a-number": {
            "zh": "该指标的值不是数字（节点或定性目标）：请人工判断",
            "en": "this indicator is not read as a number (a milestone or a judgement): judge by hand",
        },
        "extract.not_read.several": {
            "zh": "同一句给出该指标同一期间的几个不同数字",
            "en": "the sentence gives several different figures for the same indicator and period",
        },
        "extract.not_read.base-year": {
            "zh": "与上年以外的年份相比的变化，不是比上年增长",
            "en": "a change on a year other than the previous one, not growth on the previous year",
        },
        "extract.not_read.part-year": {
            "zh": "年内某期的同比增长：只接受全年比上年增长",
            "en": "growth over part of a year: only growth of a whole year on the previous one is taken",
        },
        "extract.not_read.range": {
            "zh": "一个范围（如8.37万到9万人）的一端，不是确数",
            "en": "one end of a range (e.g. 8.37万到9万人), not an exact figure",
        },
        "extract.not_read.forecast": {
            "zh": "预计、有望、或将达到的数字，不是实际数",
            "en": "a forecast (预计, 有望, 或将达), not an actual figure",
        },
        "extract.not_read.respectively": {
            "zh": "“分别”后的几个数字依次对应前面列出的几项：请对照原句逐一录入",
            "en": "after 分别 (respectively) each number goes with one of the items listed "
            "before it: enter them from the sentence",
        },
        "extract.not_read.footnote": {
            "zh": "在注释（注：……）中：注释说明口径或另作说明，不作为数字建议",
            "en": "in a footnote (注：…): a note defines or restates, its figures are not proposed",
        },
        "extract.title.rows": {
            "zh": "建议的数字（请逐行对照原句核对）",
            "en": "Proposed figures (check each against its sentence)",
        },
        "extract.title.skipped": {"zh": "未采用的数字", "en": "Numbers not proposed"},
        "extract.title.not_read": {"zh": "未能读取的句子", "en": "Sentences not read"},
        "extract.col.figure": {"zh": "数字", "en": "Figure"},
        "extract.col.measure": {"zh": "口径", "en": "Measure"},
        "extract.col.sentence": {"zh": "原句", "en": "Sentence"},
        "extract.col.reason": {"zh": "原因", "en": "Reason"},
        "extract.col.where": {"zh": "位置", "en": "Where"},
        "extract.summary": {
            "zh": "读取{sentences}句：建议{rows}行（其中增长率{growth}行），{skipped}个数字未采用，"
            "{not_read}处未能读取。",
            "en": "Read {sentences:sentence|sentences}: {rows:row|rows} proposed "
            "({growth:growth rate|growth rates}), {skipped:number|numbers} not proposed, "
            "{not_read:sentence|sentences} not read.",
        },
        "extract.year_from_title": {
            "zh": "年份取自标题：{year}年（可用 --period 改写）",
            "en": "year taken from the title: {year} (--period overrides it)",
        },
        "extract.title_area": {
            "zh": "{path} 的标题（或署名的统计局）说的是“{area}”，不是{city}：其中只有写明{city}或其县区的数字才会建议"
            "（未写地区或写“全市”“我市”的都不归入{city}）。若全文确是{city}的，请加 --region 指定地区",
            "en": "the title (or the issuing bureau) of {path} names {area}, not {city}: only its figures that name "
            "{city} or one of its regions are proposed (none that names no area, or says "
            "全市/我市). If the text is {city}'s, say so with --region",
        },
        "extract.title_area_region": {
            "zh": "{path} 署名的统计局是{area}的：其中未写地区或写“全市”“我市”的数字都未建议"
            "（转载别处公报的网页也有这样的署名）。若全文是{region}的，请加 --region {option}",
            "en": "{path} is signed by the statistics bureau of {area}: none of its figures "
            "that names no area (or says 全市/我市) is proposed (a page reposting another's "
            "communiqué is signed so too). If the text is {region}'s, give --region {option}",
        },
        "extract.year_missing": {
            "zh": "{n}行年份不明：请用 --period 指定年份，否则 validate 会指出这些期间",
            "en": "{n:row|rows} without a year: give --period YEAR, or validate will flag "
            "their periods",
        },
        "extract.csv_only": {
            "zh": "extract 只写 CSV 文件：'{name}' 请以 .csv 结尾",
            "en": "extract writes a CSV file: name '{name}' with .csv",
        },
        "extract.wrote": {
            "zh": "已写入 {path}：{rows}行。下一步：逐行核对，然后 linyi-tracker validate {path}，"
            "再 linyi-tracker ingest {path}",
            "en": "wrote {path}: {rows:row|rows}. Next: review them, then linyi-tracker validate "
            "{path} and linyi-tracker ingest {path}",
        },
        "extract.stdout_twice": {
            "zh": "-o {name} 与 --format json 都会写到标准输出：请用 -o 文件.csv 写报送文件，"
            "或去掉 --format json",
            "en": "-o {name} and --format json would both write to standard output: write the "
            "submission with -o FILE.csv, or leave out --format json",
        },
        "extract.not_written": {
            "zh": "没有建议的数字：未写入也未改动 {path}，没有需要 validate 或 ingest 的内容。",
            "en": "No figure proposed: {path} was not written nor changed; there is nothing "
            "to validate or ingest.",
        },
        "extract.no_file": {
            "zh": "未写文件：加 -o 文件.csv 写出报送文件。",
            "en": "No file written: add -o FILE.csv to write the submission.",
        },
        "extract.nothing": {
            "zh": "没有找到规划中指标的数字。",
            "en": "No figure of the plan's indicators was found.",
        },
    }
)


# What the application says when it cannot go on for a reason that is not the data's
# (cli/app.py): a bug (exit 70), an operating-system error (exit 2).
LABELS.update(
    {
        "cli.internal_error": {
            "zh": "内部错误：{error}。请报告此问题（加 --debug 或设 LINYI_TRACKER_DEBUG=1 可看详情）",
            "en": "internal error: {error}; please report it, with --debug (or LINYI_TRACKER_DEBUG=1) "
            "for the details",
        },
        "os.error": {"zh": "{reason}：{path}", "en": "{reason}: {path}"},
        "os.cwd_gone": {
            "zh": "当前文件夹已不存在（被删除或移走）；请进入一个存在的文件夹再运行",
            "en": "the current folder no longer exists (deleted or moved); cd to a folder that "
            "exists and run again",
        },
        "os.stdout_failed": {
            "zh": "无法写出结果：{reason}",
            "en": "cannot write the output: {reason}",
        },
        "os.errno.ENOENT": {"zh": "没有这个文件或文件夹", "en": "no such file or folder"},
        "os.errno.EACCES": {"zh": "没有权限", "en": "permission denied"},
        "os.errno.EPERM": {"zh": "不允许此操作", "en": "operation not permitted"},
        "os.errno.ENAMETOOLONG": {"zh": "文件名或路径过长", "en": "file name or path too long"},
        "os.errno.ENOSPC": {"zh": "磁盘已满", "en": "no space left on the device"},
        "os.errno.EROFS": {"zh": "只读文件系统", "en": "read-only file system"},
        "os.errno.ENOTDIR": {
            "zh": "路径中有一段不是文件夹",
            "en": "a part of the path is not a folder",
        },
        "os.errno.EISDIR": {"zh": "是文件夹", "en": "is a folder"},
        "os.errno.ELOOP": {"zh": "符号链接层数过多", "en": "too many levels of symbolic links"},
        "os.errno.EIO": {"zh": "输入输出错误", "en": "input/output error"},
        "os.errno.EFBIG": {"zh": "文件超过大小上限", "en": "file too large"},
        "os.errno.EDQUOT": {"zh": "超出磁盘配额", "en": "disk quota exceeded"},
        "env.source_date_epoch": {
            "zh": "SOURCE_DATE_EPOCH={value}不是可用的时间（应为1970年以来的秒数，且在公元9999年之前）",
            "en": "SOURCE_DATE_EPOCH={value} is not a usable time (seconds since 1970, "
            "before the year 9999)",
        },
        "store.unreadable_folder": {
            "zh": "无法读取数据目录中的文件夹 {path}：{reason}",
            "en": "cannot read the folder {path} in the data folder: {reason}",
        },
        "store.not_regular": {
            "zh": "数据目录中的 {path} 不是普通文件（是命名管道、设备或套接字）；请移走它",
            "en": "{path} in the data folder is not a regular file (a named pipe, a device "
            "or a socket); move it away",
        },
        "store.outside_link": {
            "zh": "{path} 是指向数据目录之外的链接，不读取；请把文件本身放进数据目录",
            "en": "{path} is a link to a file outside the data folder and is not read; put the "
            "file itself in the data folder",
        },
    }
)


# Any plan's words: growth and change targets, growth figures, binding or expected
# (issue 12). A block of its own so that keys added elsewhere merge without conflict.
LABELS.update(
    {
        "reason.only-growth-figures": {
            "zh": "只有比上年增长率，没有水平值；增长率不能代替水平值",
            "en": "only growth rates on the previous year, no level: a growth rate is not a level",
        },
        "word.measure.growth": {"zh": "比上年增长", "en": "on the previous year"},
        "kind.growth": {"zh": "年均增长目标", "en": "growth"},
        "kind.change": {"zh": "累计变化目标", "en": "change"},
        "reason.missing-link": {
            "zh": "自基期起某年既无水平值也无增长率，无法连乘",
            "en": "a year since the base year has neither a level nor a growth figure to chain",
        },
        "reason.non-positive-level": {
            "zh": "所用的水平值中有零或负数，无法据以计算增长或推进速度",
            "en": "a level used is zero or negative, and no growth or pace can be taken of it",
        },
        "reason.fall-of-whole-level": {
            "zh": "所用的比上年增长率中有下降100%或以上的，下降100%即不剩水平值，无法连乘",
            "en": "a growth figure used is a fall of 100 % or more, which leaves no level "
            "to chain from",
        },
        "reason.ytd-not-a-level": {
            "zh": "该指标是流量，年内累计数只是全年的一部分，不作水平值；按全年数判断",
            "en": "a flow: a year-to-date figure is part of the year's total, not a level; "
            "judged on full-year figures",
        },
        "reason.sub-annual-not-judged": {
            "zh": "该指标是存量或比率，年内数字不是累计数，不据以判断全年",
            "en": "a stock or rate: a figure for part of the year is not a year-to-date sum "
            "and does not decide the year",
        },
        "word.binding": {"zh": "约束性", "en": "binding"},
        "word.expected": {"zh": "预期性", "en": "expected"},
        "word.relative_level": {
            "zh": "期末为基期（{year}年）的{ratio}倍",
            "en": "{ratio} × the base year ({year})",
        },
        "word.growth_figure": {"zh": "比上年增长{value}%", "en": "{value} % on the previous year"},
        "word.growth_figure_down": {
            "zh": "比上年下降{value}%",
            "en": "down {value} % on the previous year",
        },
    }
)
