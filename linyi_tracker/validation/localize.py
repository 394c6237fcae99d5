"""Findings in Chinese: every message and hint the checks write, as a clerk reads it.

Checks write their messages in English (tests and JSON consumers rely on them); this
module gives each message shape, per finding code, a Chinese template, matched on the
English text. A test runs every fixture and fails on any finding left untranslated,
so a new message cannot slip through in English only.
"""

from __future__ import annotations

import re
from dataclasses import replace

from linyi_tracker.findings import Finding, Severity
from linyi_tracker.i18n import Lang

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.NOTICE: "提示"}

# (code, English message pattern, Chinese template); the pattern must match the whole message.
_MESSAGES: list[tuple[str, str, str]] = [
    (
        "encoding-error",
        r"byte 0x(?P<b>\w+) at offset (?P<o>\d+) cannot be read as (?P<what>.+)",
        "第{o}字节（0x{b}）既不是UTF-8也不是GB18030编码",
    ),
    ("empty-file", r"the file is empty", "文件是空的"),
    (
        "title-rows-skipped",
        r"the header is on line (?P<n>\d+); (?P<k>\d+) lines? above it \(a title\?\) skipped",
        "表头在第{n}行；其上{k}行（标题？）已跳过",
    ),
    ("empty-file", r"the file has no header row and no data", "文件没有表头也没有数据"),
    (
        "not-utf8",
        r"the file is not UTF-8; read as GB18030 \(Excel's Chinese default\)",
        "文件不是UTF-8编码，已按GB18030（Excel中文版默认）读取",
    ),
    ("missing-column", r"required column '(?P<c>.+)' is missing", "缺少必填列“{c}”"),
    (
        "duplicate-column",
        r"column '(?P<a>.+)' repeats '(?P<b>.+)' \(column (?P<n>\d+)\)",
        "列“{a}”与第{n}列“{b}”重复",
    ),
    ("blank-header", r"column (?P<n>\d+) has no header", "第{n}列没有表头"),
    (
        "unknown-column",
        r"column '(?P<c>.+)' is not used and will be ignored",
        "列“{c}”不在格式中，将被忽略",
    ),
    (
        "unreadable-workbook",
        r"the workbook cannot be opened: \.xls is the old Excel format",
        "无法打开工作簿：.xls 是旧版Excel格式",
    ),
    ("unreadable-workbook", r"the workbook cannot be opened: (?P<e>.*)", "无法打开工作簿：{e}"),
    ("unknown-sheet", r"the workbook has no sheet '(?P<s>.+)'", "工作簿中没有名为“{s}”的工作表"),
    ("csv-syntax", r"the row cannot be read as CSV: (?P<e>.*)", "该行不符合CSV格式（{e}）"),
    (
        "extra-cell",
        r"the row has (?P<n>\d+) cells but the header has (?P<w>\d+); '(?P<v>.*)' has no column",
        "该行有{n}个单元格，表头只有{w}列；“{v}”没有对应的列",
    ),
    (
        "missing-cell",
        r"the row has (?P<n>\d+) cells but the header has (?P<w>\d+)",
        "该行只有{n}个单元格，表头有{w}列",
    ),
    ("blank-row", r"blank row skipped", "空行，已跳过"),
    ("missing-value", r"the (?P<what>indicator|period|value) is empty", "{what_zh}为空"),
    ("unknown-indicator", r"'(?P<v>.*)' is not an indicator of the plan", "“{v}”不是规划中的指标"),
    ("indicator-by-name", r"'(?P<v>.*)' read as indicator '(?P<id>.+)'", "“{v}”已识别为指标“{id}”"),
    ("unknown-region", r"'(?P<v>.*)' is not a region of the plan", "“{v}”不是规划中的地区"),
    ("invalid-period", r"month (?P<m>\d+) does not exist", "没有{m}月"),
    (
        "invalid-period",
        r"'(?P<v>.*)' is not a period; write a year \(2017\), a quarter \(2017Q3\) or a month \(2017-09\)",
        "“{v}”不是期间；请写年份（2017）、季度（2017Q3）或月份（2017-09）",
    ),
    (
        "period-outside-plan",
        r"period (?P<p>\S+) is outside the plan's years (?P<a>\d+)–(?P<b>\d+)",
        "期间{p}不在规划的年份{a}—{b}之内",
    ),
    (
        "future-period",
        r"period (?P<p>\S+) has not ended yet \(today is (?P<d>[\d-]+)\)",
        "期间{p}尚未结束（今天是{d}）",
    ),
    (
        "invalid-number",
        r"'(?P<v>.*)' is not a number \(accounting brackets\)",
        "“{v}”不是数字（会计括号）",
    ),
    ("invalid-number", r"'(?P<v>.*)' is not a number", "“{v}”不是数字"),
    (
        "thousands-separator",
        r"'(?P<v>.*)' read as (?P<n>\S+) \(thousands separators\)",
        "“{v}”读作{n}（千位分隔符）",
    ),
    (
        "full-width-characters",
        r"'(?P<v>.*)' has full-width characters; read as (?P<n>\S+)",
        "“{v}”含全角字符，读作{n}",
    ),
    (
        "magnitude-suffix",
        r"'(?P<v>.*)' read as (?P<n>\S+) \((?P<s>.) = (?P<f>\d+)\)",
        "“{v}”读作{n}（{s}＝{f}）",
    ),
    (
        "unit-mismatch",
        r"'(?P<v>.*)' is a percentage, but this indicator is not measured in %",
        "“{v}”是百分比，但该指标不以%计",
    ),
    (
        "unit-mismatch",
        r"unit '(?P<u>.*)' does not match the indicator's unit '(?P<zh>.*)' \((?P<en>.*)\)",
        "单位“{u}”与指标单位“{zh}”不符",
    ),
    ("unit-in-value", r"'(?P<v>.*)' read as (?P<n>\S+) (?P<u>.+)", "“{v}”读作{n}{u}"),
    (
        "unit-converted",
        r"(?P<v>\S+) (?P<u>.+) converted to (?P<n>\S+) (?P<to>.+)",
        "{v}{u}已换算为{n}{to}",
    ),
    ("out-of-range", r"(?P<v>\S+) % is outside 0–100", "{v}%超出0—100的范围"),
    ("out-of-range", r"a count cannot be negative \((?P<v>.+)\)", "计数不能为负数（{v}）"),
    ("out-of-range", r"a ratio must be above 0 \((?P<v>.+)\)", "比值必须大于0（{v}）"),
    (
        "out-of-range",
        r"(?P<v>\S+) is more than the (?P<t>\d+) the target counts",
        "{v}超过了目标的总数{t}",
    ),
    ("not-integer", r"a count must be a whole number \((?P<v>.+)\)", "计数必须是整数（{v}）"),
    (
        "invalid-milestone-value",
        r"'(?P<v>.*)' does not say whether it is done",
        "“{v}”不能说明是否完成",
    ),
    ("invalid-status-word", r"'(?P<v>.*)' is not a judgement word", "“{v}”不是评价用词"),
    ("invalid-date", r"'(?P<v>.*)' is not a date", "“{v}”不是日期"),
    (
        "duplicate-observation",
        r"(?P<k>.+) = (?P<v>.+) is also at (?P<w>.+); counted once",
        "{k} = {v} 与 {w} 重复，只计一次",
    ),
    (
        "duplicate-observation",
        r"(?P<k>.+) = (?P<v>.+) is given twice \(also (?P<w>.+)\); counted once",
        "{k} = {v} 重复出现（另见 {w}），只计一次",
    ),
    (
        "conflicting-observation",
        r"(?P<k>.+) is (?P<v>.+) here but (?P<o>.+) at (?P<w>.+)",
        "{k} 此处为{v}，但 {w} 为{o}",
    ),
    (
        "ytd-decreasing",
        r"year to date (?P<p>\S+) \((?P<v>.+)\) is below (?P<q>\S+) \((?P<u>.+)\) at (?P<w>.+); "
        r"a year-to-date figure cannot fall",
        "{p}的年内累计数（{v}）低于 {w} 处{q}的累计数（{u}）；年内累计数不会下降",
    ),
    (
        "component-exceeds-total",
        r"(?P<a>\S+) \((?P<v>.+)\) is larger than its whole (?P<b>\S+) \((?P<t>.+)\) for (?P<p>\S+)",
        "{p}的分项{a}（{v}）大于总量{b}（{t}）",
    ),
    (
        "components-exceed-total",
        r"the parts of (?P<b>\S+) add up to (?P<s>\S+), more than the whole \((?P<t>.+)\) for (?P<p>\S+)",
        "{p}的{b}各分项合计{s}，大于总量（{t}）",
    ),
    (
        "region-sum-mismatch",
        r"the city's (?P<i>\S+) for (?P<p>\S+) is (?P<v>\S+) but the (?P<n>\d+) regions add up to (?P<s>\S+)",
        "{p}全市{i}为{v}，但{n}个县区合计为{s}",
    ),
    (
        "outlier",
        r"(?P<v>\S+) is far from this indicator's other (?P<n>\d+) figures \(median (?P<m>\S+), robust z-score (?P<z>\S+)\)",
        "{v}与该指标其他{n}个数字相差悬殊（中位数{m}，稳健z分数{z}）",
    ),
    (
        "already-stored",
        r"(?P<k>.+) = (?P<v>.+) is already stored \((?P<w>.+)\)",
        "{k} = {v} 已存在于数据目录（{w}）",
    ),
    (
        "revises-store",
        r"(?P<k>.+): (?P<v>.+) will be recorded as a revision of the stored (?P<o>.+?)(?P<when> \(as of .+\))? at (?P<w>.+)",
        "{k}：{v} 将记为 {w} 处已存数字{o}的修订值",
    ),
    (
        "conflicts-with-store",
        r"(?P<k>.+) is (?P<v>.+) here but (?P<o>.+?) is stored(?P<when> \(as of .+\))? at (?P<w>.+)",
        "{k} 此处为{v}，但数据目录中 {w} 已存有{o}",
    ),
    (
        "unreadable-workbook",
        r"the workbook is too large to read: it unpacks to (?P<n>\d+) MB \(at most (?P<m>\d+) MB\)",
        "工作簿过大，无法读取：解压后达{n} MB（上限{m} MB）",
    ),
    (
        "unreadable-workbook",
        r"the workbook is too large to read: '(?P<f>.+)' unpacks to (?P<n>\d+) times its packed size \(at most (?P<m>\d+) times\)",
        "工作簿过大，无法读取：“{f}”解压后是压缩大小的{n}倍（上限{m}倍）",
    ),
    (
        "unreadable-workbook",
        r"the workbook is too large to read: more than (?P<n>\d+) cells \(row (?P<r>\d+) reached\)",
        "工作簿过大，无法读取：单元格超过{n}个（读到第{r}行）",
    ),
]

_HINTS: list[tuple[str, str]] = [
    (r"did you mean '(?P<v>.+)'\?", "是否应为“{v}”？"),
    (
        r"open the file in Excel and save it as 'CSV UTF-8 \(comma delimited\)'",
        "请用Excel打开并另存为“CSV UTF-8（逗号分隔）”",
    ),
    (
        r"nothing to do; saving as 'CSV UTF-8' avoids this notice",
        "无需处理；另存为“CSV UTF-8”可避免此提示",
    ),
    (r"send the filled-in file", "请发送填好的文件"),
    (
        r"nothing to do; a file that starts with its header avoids this notice",
        "无需处理；文件第一行即为表头可避免此提示",
    ),
    (
        r"add the column; Chinese headers are accepted \(指标代码, 期间, 数值\)",
        "请加上该列；可用中文表头（指标代码、期间、数值）",
    ),
    (
        r"the file seems to use tabs or semicolons; save it as CSV \(comma delimited\)",
        "文件似乎用制表符或分号分隔；请另存为CSV（逗号分隔）",
    ),
    (r"keep one of the two columns", "只保留其中一列"),
    (r"name it, one of: (?P<v>.+)", "请填写列名，可用：{v}"),
    (r"save it again from Excel as \.xlsx, or as CSV UTF-8", "请用Excel重新另存为.xlsx或CSV UTF-8"),
    (
        r"open it in Excel and save it as \.xlsx, or as 'CSV UTF-8 \(comma delimited\)'",
        "请用Excel打开，另存为.xlsx或“CSV UTF-8（逗号分隔）”",
    ),
    (r"sheets: (?P<v>.+)", "工作表有：{v}"),
    (
        r"check the quotes in this row: a value with a comma or quote must be quoted, and a quote inside it doubled",
        "请检查该行的引号：含逗号或引号的值须用引号括起，值中的引号要写两遍",
    ),
    (
        r"remove the extra cell or a stray comma inside a value \(quote it\)",
        "删去多余的单元格，或把含逗号的值用引号括起",
    ),
    (r"fill every column, leaving optional ones empty", "每列都要有单元格，选填列可留空"),
    (r"write the indicator id from the plan, e\.g\. (?P<v>.+)", "请填写规划中的指标代码，例如{v}"),
    (r"run `linyi-tracker plan` to list the ids", "运行 `linyi-tracker plan` 可查看所有代码"),
    (r"write the id '(?P<v>.+)' to avoid this notice", "填写代码“{v}”可避免此提示"),
    (
        r"write a year \(2017\), a quarter \(2017Q3\) or a month \(2017-09\)",
        "请写年份（2017）、季度（2017Q3）或月份（2017-09）",
    ),
    (r"check the year", "请检查年份"),
    (r"leave it blank for the whole city", "全市数字请留空"),
    (r"write the publication date as YYYY-MM-DD", "发布日期请写成YYYY-MM-DD"),
    (r"write the figure, or leave the row out", "请填写数字，或删去该行"),
    (r"write the figure, or remove the row", "请填写数字，或删去该行"),
    (
        r"write one of: achieved, on_track, at_risk, off_track, missed .*",
        "请填写：已实现、正常推进、存在风险、明显滞后、未实现（或对应英文）",
    ),
    (
        r"write done / 是 / 1, not done / 否 / 0, or the date it was done \(YYYY-MM-DD\)",
        "请填写 是/1、否/0，或完成日期（YYYY-MM-DD）",
    ),
    (
        r"write the value in (?P<zh>\S+) \((?P<en>.+)\), or leave the unit blank",
        "请按“{zh}”填写，或不填单位",
    ),
    (r"write the number alone and the unit in the unit column", "数值栏只填数字，单位填在单位栏"),
    (r"write the figure in the indicator's unit without %", "请按指标的单位填写，不带%"),
    (r"a percentage is written 92\.5 for 92\.5 %", "百分比请写数字，如92.5%写作92.5"),
    (
        r"leave the row out if the figure is not known, and say why in a note to the sender",
        "数字不详时请删去该行，并向报送单位说明原因",
    ),
    (r"write a negative number with a minus sign, e\.g\. -12\.5", "负数请用负号，如-12.5"),
    (r"write digits only, without '_'", "只写数字，不要用“_”"),
    (
        r"write the number in full \(Excel shows large numbers as 1\.2E\+05: widen the column\)",
        "请写完整数字（Excel把大数显示为1.2E+05时，请加宽该列）",
    ),
    (r"thousands separators must group by three digits: 85,000", "千位分隔符须每三位一组：85,000"),
    (r"remove one of the two rows", "删去其中一行"),
    (
        r"keep the right figure; a revised figure needs an as_of date",
        "保留正确的数字；修订的数字需填写as_of日期",
    ),
    (
        r"sub-annual figures are sums since January: did you enter the month's own figure\?",
        "年内数字是1月以来的累计数：是否误填了当月数字？",
    ),
    (r"a part cannot exceed the whole: check both figures", "分项不能大于总量：请核对两个数字"),
    (
        r"check whether the parts overlap or the whole is incomplete",
        "请检查分项是否重叠，或总量是否不全",
    ),
    (
        r"check the city figure and each region's; one of them may be out of date",
        "请核对全市和各县区数字，可能有一个已过时",
    ),
    (
        r"check the figure and its unit \(万\?\), or explain it in the note",
        "请核对数字及单位（是否为“万”？），或在备注中说明",
    ),
    (
        r"if this is a revised figure, give its publication date in as_of, or ingest with --revise",
        "如为修订数字，请在as_of中填写发布日期，或用 --revise 导入",
    ),
]

# The plan file's findings (plan check).
_PLAN_MESSAGES: list[tuple[str, str, str]] = [
    # Values the YAML constructor cannot build (plan.loader._unreadable); before the generic one.
    *(
        (
            "yaml-syntax",
            r"YAML syntax: (?:'(?P<v>.*)'(?: \(\d+ characters\))?|this value) cannot be read: "
            + en,
            "YAML语法错误：“{v}”" + zh,
        )
        for en, zh in [
            (r"a number of more than (?P<n>\d+) digits", "无法读取：数字超过{n}位"),
            (r"not a valid date", "无法读取：不是有效的日期"),
            (r"not a valid number", "无法读取：不是有效的数字"),
            (r"not a valid value", "无法读取：不是可识别的值"),
        ]
    ),
    ("yaml-syntax", r"YAML syntax: (?P<e>.*)", "YAML语法错误：{e}"),
    (
        "encoding-error",
        r"the plan file is not UTF-8 \(byte 0x(?P<b>\w+) at offset (?P<o>\d+)\)",
        "规划文件不是UTF-8编码（第{o}字节，0x{b}）",
    ),
    ("empty-plan", r"the plan file is empty", "规划文件是空的"),
    ("plan-shape", r"the plan must be a mapping of sections", "规划文件须由若干节（键: 值）组成"),
    ("plan-schema", r"required key '(?P<k>.+)' is missing", "缺少必填键“{k}”"),
    (
        "plan-schema",
        r"unknown key '(?P<k>.+)' \(check its spelling, or remove it\)",
        "未知的键“{k}”（请检查拼写，或删去）",
    ),
    (
        "plan-schema",
        r"kind '(?P<v>.*)' is not known; expected one of (?P<e>.+)",
        "类型“{v}”未知；应为{e}之一",
    ),
    (
        "plan-schema",
        r"'(?P<v>.*)' is not allowed here; expected (?P<e>.+)",
        "此处不能用“{v}”；应为{e}",
    ),
    (
        "plan-schema",
        r"a target needs a `kind` \(level, annual, cumulative, milestone or qualitative\)",
        "目标须有 `kind`（level、annual、cumulative、milestone 或 qualitative）",
    ),
    ("plan-schema", r"'(?P<v>.*)' is not a whole number", "“{v}”不是整数"),
    ("plan-schema", r"'(?P<v>.*)' is not a number", "“{v}”不是数字"),
    ("plan-schema", r"expected text, got (?P<t>\w+) '(?P<v>.*)'", "此处应为文字，却是{t}“{v}”"),
    (
        "plan-schema",
        r"expected (?P<e>a list|a mapping) here, got (?P<t>\w+)",
        "此处应为{e_zh}，却是{t}",
    ),
    ("plan-schema", r"'(?P<k>.+)' must not be empty", "“{k}”不能为空"),
    ("plan-schema", r"'(?P<v>.*)' is out of range: (?P<e>.+)", "“{v}”超出范围：{e}"),
    (
        "plan-schema",
        r"the period starts \((?P<a>\d+)\) after it ends \((?P<b>\d+)\)",
        "规划期的开始年份（{a}）晚于结束年份（{b}）",
    ),
    (
        "plan-schema",
        r"data_from \((?P<a>\d+)\) must not be after start \((?P<b>\d+)\)",
        "data_from（{a}）不能晚于 start（{b}）",
    ),
    (
        "plan-schema",
        r"thresholds must satisfy 0 < at_risk < on_track",
        "阈值须满足 0 < at_risk < on_track",
    ),
    (
        "plan-schema",
        r"a project marked unnamed must not have a name",
        "标为未列名称的工程不能有名称",
    ),
    (
        "plan-schema",
        r"a project needs a name, or `unnamed: true` if the source gives none",
        "工程须有名称；原文未列名称时写 `unnamed: true`",
    ),
    (
        "plan-schema",
        r"an indicator with a unit needs a direction \(higher or lower\)",
        "有单位的指标须注明方向（higher 或 lower）",
    ),
    ("duplicate-id", r"(?P<s>\w+) id '(?P<v>.+)' is used twice", "{s}代码“{v}”重复"),
    ("duplicate-id", r"system number (?P<n>\d+) is used twice", "体系编号{n}重复"),
    (
        "duplicate-key",
        r"key '(?P<k>.+)' appears twice in this mapping \(first on line (?P<n>\d+)\); YAML would keep only the last",
        "键“{k}”在此重复出现（第一次在第{n}行）；YAML只会保留最后一个",
    ),
    (
        "city-region",
        r"the plan needs exactly one region with level 'city' \(the whole area\), found (?P<n>\d+)",
        "规划须有且只有一个 level 为 city 的地区（全域），现有{n}个",
    ),
    (
        "unknown-reference",
        r"(?P<kind>\w+) '(?P<v>.+)' is not defined in the plan",
        "规划中没有定义{kind}“{v}”",
    ),
    (
        "project-count",
        r"category '(?P<c>.+)' declares (?P<d>\d+) projects but (?P<n>\d+) are listed",
        "类别“{c}”申报{d}项工程，但只列出{n}项",
    ),
    (
        "monitoring-with-target",
        r"indicator '(?P<v>.+)' is a monitoring indicator but has targets",
        "指标“{v}”是监测指标，却有目标",
    ),
    (
        "year-outside-plan",
        r"(?P<w>deadline|start) (?P<y>\d+) is outside the plan period (?P<a>\d+)–(?P<b>\d+)",
        "{w}年份{y}不在规划期{a}—{b}之内",
    ),
    ("year-order", r"start (?P<a>\d+) is after the deadline (?P<b>\d+)", "起始年份{a}晚于期限{b}"),
    (
        "missing-unit",
        r"countable milestone '(?P<v>.+)' needs an indicator with a unit \(what is counted\)",
        "可计数的节点目标“{v}”须对应有单位的指标（计数的对象）",
    ),
    (
        "missing-unit",
        r"target '(?P<v>.+)' has a value, so its indicator needs a unit and a direction",
        "目标“{v}”有目标值，其指标须有单位和方向",
    ),
    (
        "unit-on-judgement",
        r"indicator '(?P<i>.+)' has a unit, but target '(?P<v>.+)' takes no number",
        "指标“{i}”有单位，但目标“{v}”不取数字",
    ),
    (
        "comparator-direction",
        r"comparator '(?P<c>.+)' contradicts the indicator's direction '(?P<d>\w+)' \(for '\w+' is better use (?P<u>.+)\)",
        "比较符“{c}”与指标方向“{d}”矛盾（应使用 {u_zh}）",
    ),
    ("comparator-kind", r"'≈' is only meaningful for level targets", "“≈”只适用于水平目标"),
    (
        "component-mismatch",
        r"component '(?P<c>.+)' must be a target of kind '(?P<k>\w+)' in the same unit as '(?P<w>.+)'",
        "分项“{c}”须是与“{w}”单位相同的{k}类目标",
    ),
    (
        "component-exceeds-total",
        r"component '(?P<c>.+)' \((?P<v>.+)\) is larger than its whole '(?P<w>.+)' \((?P<t>.+)\)",
        "分项“{c}”（{v}）大于总量“{w}”（{t}）",
    ),
    (
        "components-exceed-total",
        r"the components of '(?P<w>.+)' add up to (?P<s>\S+), more than the whole \((?P<t>.+)\)",
        "“{w}”的各分项合计{s}，大于总量（{t}）",
    ),
    (
        "unnamed-project",
        r"project '(?P<p>.+)' of category '(?P<en>.+)' \((?P<zh>.+)\) is declared but not named in the source",
        "“{zh}”类别中的工程“{p}”已申报，但原文未列名称",
    ),
    (
        "truncated-source",
        r"target '(?P<t>.+)': the source text is cut off \(“(?P<q>.+)”\); what is due is unknown",
        "目标“{t}”：原文被截断（“{q}”），须完成的内容不详",
    ),
    (
        "yaml-alias",
        r"the aliases \(\*name\) here expand to more than (?P<n>\d+) values",
        "此处的别名（*名称）展开后超过{n}个值",
    ),
    (
        "yaml-alias",
        r"an anchor \(&name\) is used inside its own value: it would contain itself",
        "锚点（&名称）在它自己的值中被引用：该值将包含它自身",
    ),
    (
        "ambiguous-number",
        r"'(?P<v>.*)' is not a plain decimal number: YAML 1\.1 reads it as (?P<n>.+)",
        "“{v}”不是普通的十进制数字：YAML 1.1 会把它读作{n}",
    ),
]

_PLAN_HINTS: list[tuple[str, str]] = [
    (r"check the indentation and quoting around this position", "请检查此处附近的缩进和引号"),
    (
        r"write plain values: no '!' tags, and keys that are single words or numbers",
        "请写普通的值：不要用“!”开头的标签，键只能是单个词或数字",
    ),
    (r"define it under `(?P<v>\w+)s:` first", "请先在 `{v}s:` 下定义"),
    (
        r"list every declared project; use `unnamed: true` for one the source does not name",
        "请列出每项申报的工程；原文未列名称的写 `unnamed: true`",
    ),
    (
        r"recorded as unnamed; add its name when an authoritative source gives it",
        "已记为未列名称；有权威来源时补上名称",
    ),
    (r"save the plan as UTF-8", "请把规划文件存为UTF-8"),
    (
        r"write the values out instead of repeating aliases of aliases",
        "请直接写出这些值，不要层层重复引用别名",
    ),
    (
        r"write the value out instead of an alias \(\*name\) inside it",
        "请直接写出该值，不要在其内部引用它自己的别名（*名称）",
    ),
    (
        r"quote it \(\"(?P<v>.*)\"\) if it is text; write numbers in plain decimals \(2, 0\.5, 31\)",
        '如是文字请加引号（"{v}"）；数字请用普通十进制写法（如 2、0.5、31）',
    ),
]

_WHAT_ZH = {"indicator": "指标代码", "period": "期间", "value": "数值"}
_COMPILED = [
    (code, re.compile(pattern + r"\Z", re.S), zh)
    for code, pattern, zh in _MESSAGES + _PLAN_MESSAGES
]
_COMPILED_HINTS = [(re.compile(pattern + r"\Z", re.S), zh) for pattern, zh in _HINTS + _PLAN_HINTS]


def message_zh(code: str, message: str) -> str | None:
    """The Chinese message for an English one, or None if no pattern fits."""
    for c, pattern, zh in _COMPILED:
        if c == code and (m := pattern.match(message)):
            groups = {k: v or "" for k, v in m.groupdict().items()}
            groups["what_zh"] = _WHAT_ZH.get(groups.get("what", ""), "")
            groups["u_zh"] = groups.get("u", "").replace(" or ", " 或 ")
            groups["e_zh"] = {"a list": "列表", "a mapping": "映射（键: 值）"}.get(
                groups.get("e", ""), groups.get("e", "")
            )
            return zh.format(**groups)
    return None


def hint_zh(hint: str) -> str | None:
    for pattern, zh in _COMPILED_HINTS:
        if m := pattern.match(hint):
            return zh.format(**m.groupdict())
    return None


def localized(finding: Finding, lang: Lang) -> Finding:
    """The finding with its message and hint in ``lang`` (English is the original)."""
    if lang == "en":
        return finding
    message = message_zh(finding.code, finding.message) or finding.message
    hint = (hint_zh(finding.hint) or finding.hint) if finding.hint else None
    return replace(finding, message=message, hint=hint)
