"""Every ``--help`` text, zh and en: each command's description and each parameter's line
(the table; :mod:`linyi_tracker.cli.help_texts` looks it up).

Keys: a command by its path (``""`` the root, ``"status"``, ``"plan check"``); a
parameter by ``"<command>|<name>"`` where the name is the option's longest spelling
(``--as-of``) or the argument's name (``year``); ``"*|<name>"`` is shared by every
command. Each command's text ends with an example (``Example:`` / ``示例：``); a test
checks it. The help page itself is laid out by cli/usage.py.
"""

from __future__ import annotations

from linyi_tracker.texts.text import Pair

HelpText = Pair

COMMANDS: dict[str, HelpText] = {
    "": {
        "zh": "对照目标跟踪临沂2015—2020年“双十二”幸福临沂行动计划的进展。\n\n"
        "示例：linyi-tracker status --as-of 2016-08 --lang zh",
        "en": "Track Linyi's 2015–2020 “Double Twelve” livelihood plan (双十二幸福临沂行动计划) "
        "against its targets.\n\nExample: linyi-tracker status --as-of 2016-08 --lang zh",
    },
    "status": {
        "zh": "每个目标：最新实际值、完成率、差距、时序进度、走势和状态。\n\n"
        "示例：linyi-tracker status --as-of 2016-08 --status 正常推进,存在风险 --system 住房",
        "en": "Every target: latest actual, achievement, gap, schedule, trend and status.\n\n"
        "Example: linyi-tracker status --as-of 2016-08 --status on_track,at_risk --lang en",
    },
    "show": {
        "zh": "深入查看一个指标：名称、单位、说明、目标、带来源的数据序列、图示、推进速度、各地区。\n\n"
        "示例：linyi-tracker show 新增就业 --as-of 2016-08",
        "en": "One indicator in depth: names, unit, notes, targets, series with sources, chart, "
        "pace, regions.\n\nExample: linyi-tracker show emp.new_urban_jobs --as-of 2016-08",
    },
    "report": {
        "zh": "给领导的年度报告：概要、年度目标、各体系、各县区、数据完整性、计算方法和数据来源。\n\n"
        "示例：linyi-tracker report 2019 --data examples/demo -o report-2019.html",
        "en": "The yearly report for leadership: summary, annual targets, systems, regions, "
        "data completeness, method and sources.\n\n"
        "Example: linyi-tracker report 2019 --data examples/demo -o report-2019.html",
    },
    "validate": {
        "zh": "检查报送的文件：列出每个问题的文件、行、列和改法。\n\n"
        "没有错误时退出码为0（警告不算，除非 --strict），发现错误为1，文件根本无法读取为2。\n\n"
        "示例：linyi-tracker validate submissions/2017/兰山区.csv --strict",
        "en": "Check submitted files: every problem with file, line and column, and what to do.\n\n"
        "Exit 0 when clean (warnings allowed unless --strict), 1 when errors are found, "
        "2 when a file cannot be read at all.\n\n"
        "Example: linyi-tracker validate submissions/2017/兰山区.csv --strict",
    },
    "template": {
        "zh": "生成空白报送文件：每个应报指标一行，名称和单位已填好，数值留空。\n\n"
        "示例：linyi-tracker template --period 2017 --region 兰山区 -o 兰山区-2017.xlsx",
        "en": "Write a blank submission: one row per indicator due, names and unit filled, "
        "value empty.\n\n"
        "Example: linyi-tracker template --period 2017 --region 兰山区 -o 兰山区-2017.xlsx",
    },
    "ingest": {
        "zh": "检查报送的文件，并把其中的数字加入数据文件夹。\n\n"
        "有错误的文件被拒绝，什么也不写（退出码1）。已存在的数字跳过；与已存数字不同的，"
        "除非加 --revise，绝不覆盖。新数字一次性写入 <数据文件夹>/ingested/ 下的一个新文件。\n\n"
        "示例：linyi-tracker ingest 兰山区-2017.csv --dry-run",
        "en": "Validate submitted files and add their figures to the data folder.\n\n"
        "A file with errors is refused and nothing is written (exit 1). Figures already "
        "stored are skipped; a different stored figure is never overwritten unless --revise. "
        "The new figures go to one new file under <data>/ingested/, written atomically.\n\n"
        "Example: linyi-tracker ingest 兰山区-2017.csv --dry-run",
    },
    "withdraw": {
        "zh": "撤回一个误入库的数字：在数据文件夹中记下撤回了什么、何时、为何；"
        "status、show 和 report 此后不再计入它（show 列为已撤回）。文件本身不改动。\n\n"
        "没有这个数字时退出码为2；已撤回过的再撤回不作改动。误撤回的数字用 --undo 恢复"
        "（恢复也记入记录），此后照常计入。\n\n"
        "示例：linyi-tracker withdraw pop.resident 2019 --region 兰山区 --reason 误填就业人数",
        "en": "Withdraw a wrongly ingested figure: the data folder records what was withdrawn, "
        "when and why; status, show and report no longer count it (show lists it as withdrawn). "
        "No data file is changed.\n\n"
        "Exit 2 when there is no such figure; withdrawing it again changes nothing. A figure "
        "withdrawn by mistake is reinstated with --undo (on record too) and counts again.\n\n"
        "Example: linyi-tracker withdraw pop.resident 2019 --region 兰山区 --reason "
        '"jobs count typed as population"',
    },
    "extract": {
        "zh": "从统计公报或新闻稿的文本中找出规划指标的数字，生成待核对的报送文件。\n\n"
        "每个数字一行：数值、单位、期间、地区、口径（水平值或比上年增长），来源列是完整的原句。"
        "目标数、完成比例、百分点变化和增减量不作为数字；读不准的句子列为“未能读取”。"
        "本命令不入库：请逐行核对原句，再运行 validate 和 ingest。\n\n"
        "示例：linyi-tracker extract 2016年临沂就业.txt --period 2016 -o 临沂-2016.csv",
        "en": "Propose a submission file from the text of a statistical communiqué or release: "
        "the figures of the plan's indicators.\n\n"
        "One row per figure: value, unit, period, region, measure (level or growth on the "
        "previous year), and the whole sentence as its source. Targets, completion ratios, "
        "changes in points and absolute changes are not figures; a sentence it cannot read "
        "with confidence is listed as not read. Nothing is ingested: review each row against "
        "its sentence, then run validate and ingest.\n\n"
        "Example: linyi-tracker extract communique-2016.txt --period 2016 -o linyi-2016.csv",
    },
    "plan": {
        "zh": "以树形列出规划：体系 → 工程 → 目标，工程批次，监测指标。\n\n"
        "示例：linyi-tracker plan --lang zh",
        "en": "The plan as a tree: systems → projects → targets, the project batch, "
        "monitoring indicators.\n\nExample: linyi-tracker plan --lang zh",
    },
    "plan check": {
        "zh": "检查规划文件：结构、引用、年份、比较符、组成部分。\n\n"
        "列出每个问题的文件、行和列；有错误时退出码为1。提示（原文未列名称的工程、被截断的原文）"
        "不算检查失败。\n\n"
        "示例：linyi-tracker plan check data/plan.yaml",
        "en": "Check a plan file: shape, references, years, comparators, components.\n\n"
        "Prints each problem with file, line and column; exit 1 if there are errors. "
        "Notices (unnamed projects, cut-off source text) do not fail the check.\n\n"
        "Example: linyi-tracker plan check data/plan.yaml",
    },
}

PARAMETERS: dict[str, HelpText] = {
    # shared by every command
    "*|--help": {"zh": "显示本帮助并退出。", "en": "Show this message and exit."},
    "*|--version": {"zh": "显示版本并退出。", "en": "Print the version and exit."},
    "*|--debug": {
        "zh": "出现内部错误时打印完整的调用栈（也可设 LINYI_TRACKER_DEBUG=1），用于报告问题。",
        "en": "On an internal error, print the full traceback (or set LINYI_TRACKER_DEBUG=1), "
        "for a bug report.",
    },
    "*|--install-completion": {
        "zh": "为当前的 shell 安装命令补全。",
        "en": "Install completion for the current shell.",
    },
    "*|--show-completion": {
        "zh": "显示当前 shell 的补全脚本，可复制或自行安装。",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
    "*|--plan": {
        "zh": "规划文件（YAML）。默认：$LINYI_TRACKER_PLAN、./data/plan.yaml，或内置的规划。",
        "en": "Plan file (YAML). Default: $LINYI_TRACKER_PLAN, ./data/plan.yaml, "
        "or the embedded plan.",
    },
    "*|--data": {
        "zh": "实际数字所在的文件夹（CSV 或 .xlsx，含子文件夹）。默认：$LINYI_TRACKER_DATA、"
        "./data/actuals，或内置的公开数字。超过1 MB 的文件夹在文件不变时保存在缓存中"
        "（$LINYI_TRACKER_CACHE：一个文件夹，或 off）。",
        "en": "Folder of actual figures (CSV or .xlsx, searched recursively). Default: "
        "$LINYI_TRACKER_DATA, ./data/actuals, or the embedded published figures. A folder "
        "over 1 MB is kept in a cache while its files are unchanged ($LINYI_TRACKER_CACHE: "
        "a folder, or off).",
    },
    "*|--lang": {
        "zh": "输出语言：zh 或 en。默认：$LINYI_TRACKER_LANG，然后按系统语言环境（zh* 为中文）。",
        "en": "Output language: zh or en. Default: $LINYI_TRACKER_LANG, then the locale "
        "(zh* is Chinese).",
    },
    "*|--as-of": {
        "zh": "分析的“当前”期间：2017、2017Q3或2017-09。默认：有数据的最近期间。",
        "en": "The analyst's 'now': 2017, 2017Q3 or 2017-09. Default: the latest period with data.",
    },
    "*|--format": {
        "zh": "table 给人看，json 给程序用（此时标准输出只有 JSON）。",
        "en": "table for people, json for programs (nothing else on stdout).",
    },
    "*|--region": {
        "zh": "地区：代码或名称（兰山区、兰山、lanshan），或 all 表示每个地区。默认：全市。",
        "en": "A region: id or name (兰山区, lanshan, a unique part of a name), or 'all' "
        "for every region. Default: the city.",
    },
    "*|--system": {
        "zh": "只看一个体系：编号、代码，或名称的开头或一部分（住房、5、housing）。",
        "en": "Only one system: its number, id, or the start or a part of its name "
        "(housing, 5, 住房).",
    },
    "*|--output": {
        "zh": "要写入的文件（默认：标准输出）。",
        "en": "File to write (default: standard output).",
    },
    "*|--sheet": {
        "zh": ".xlsx 文件的工作表（默认：第一个）。",
        "en": "Sheet of an .xlsx file (default: the first).",
    },
    # status
    "status|--status": {
        "zh": "只看这些状态的目标：状态词（明显滞后）、英文词（off track）或代码（off_track），"
        "用逗号分隔或重复此选项；不评估 / not_assessed 也可筛选。",
        "en": "Only targets with these statuses: the words shown (off track, 明显滞后) or codes "
        "(off_track), comma-separated or repeated; not_assessed too.",
    },
    "status|--binding": {
        "zh": "yes 只看约束性目标，no 只看预期性目标（规划未注明的目标两者都不含）。",
        "en": "yes: only binding targets (约束性); no: only expected ones (预期性). "
        "Targets the plan does not mark are in neither.",
    },
    # show
    "show|indicator": {
        "zh": "指标或目标：代码，或中英文名称的一部分（新增就业）。不唯一时列出候选。",
        "en": "Indicator or target: its id, or a unique part of its zh or en name "
        "(new urban jobs). Candidates are listed when it is not unique.",
    },
    # report
    "report|year": {
        "zh": "报告的年份，例如2019或2019年。",
        "en": "The year reported on, e.g. 2019 (or 2019年).",
    },
    "report|--format": {
        "zh": "terminal、md、html、json、csv、xlsx 或 docx（Word，需 -o）；默认：按 -o 的扩展名，否则 terminal。",
        "en": "terminal, md, html, json, csv, xlsx or docx (Word, needs -o); default: from -o's extension, else terminal.",
    },
    # validate
    "validate|paths": {
        "zh": "CSV 或 .xlsx 文件、文件夹（含子文件夹），或 - 表示标准输入。",
        "en": "CSV or .xlsx files, folders (searched recursively), or - for standard input.",
    },
    "validate|--format": {
        "zh": "table 给人看（也可写 text），json 给程序用（此时标准输出只有 JSON）。",
        "en": "table for people (text is taken too), json for programs (nothing else on stdout).",
    },
    "validate|--strict": {"zh": "警告也算作错误。", "en": "Warnings count as errors."},
    "validate|--no-store": {
        "zh": "不与数据文件夹中已有的数字比较。",
        "en": "Do not compare with the figures already in the data folder.",
    },
    "validate|--max-findings": {
        "zh": "文本输出最多列出的问题数（0：全部）。",
        "en": "List at most this many findings in text output (0: all).",
    },
    # template
    "template|--period": {
        "zh": "要报送的期间：2017、2017Q3或2017-09。",
        "en": "The period to report: 2017, 2017Q3 or 2017-09.",
    },
    "template|--region": {
        "zh": "地区代码或名称（默认：全市）。",
        "en": "Region id or name (default: the whole city).",
    },
    "template|--format": {
        "zh": "csv（带 BOM 的 UTF-8）或 xlsx；默认：按 -o 的扩展名，否则 csv。",
        "en": "csv (UTF-8 with BOM) or xlsx; default: from -o's extension, else csv.",
    },
    "template|--output": {
        "zh": "要写入的文件（默认：标准输出，仅限 CSV）。",
        "en": "File to write (default: standard output, CSV only).",
    },
    # ingest
    "ingest|paths": {
        "zh": "报送的 CSV 或 .xlsx 文件，或文件夹。",
        "en": "Submitted CSV or .xlsx files, or folders.",
    },
    "ingest|--dry-run": {
        "zh": "只显示将写入什么，不写入。",
        "en": "Show what would be written; write nothing.",
    },
    "ingest|--revise": {
        "zh": "与已存数字不同的数字记为修订（旧数字保留）。",
        "en": "Record figures that differ from stored ones as revisions (old ones kept).",
    },
    # withdraw
    "withdraw|indicator": {
        "zh": "指标：编号、目标编号或名称的一部分。",
        "en": "The indicator: its id, a target's id, or a unique part of a name.",
    },
    "withdraw|period": {
        "zh": "要撤回的数字所属时期，如2019、2019-06或2019年6月；流量指标也可写同一跨度的其他写法"
        "（2019Q2、2019年1-6月）。",
        "en": "The period of the figure to withdraw, e.g. 2019, 2019-06 or 2019年6月; a flow's "
        "figure is found under any label of its span (2019Q2, 2019年1-6月).",
    },
    "withdraw|--region": {
        "zh": "数字所属地区：代码或名称（兰山区、兰山、lanshan）。默认：全市。",
        "en": "The figure's region: id or name (兰山区, lanshan, a unique part of a name). "
        "Default: the city.",
    },
    "withdraw|--reason": {
        "zh": "撤回原因（必填，记入撤回记录）。",
        "en": "Why the figure is withdrawn (required; kept in the record).",
    },
    "withdraw|--by": {
        "zh": "撤回人（可选，记入撤回记录）。",
        "en": "Who withdraws it (optional; kept in the record).",
    },
    "withdraw|--value": {
        "zh": "要撤回的数字，如13100：同一数字有两个互相冲突的值时必填。",
        "en": "The figure to withdraw, e.g. 13100: needed where two figures are in conflict.",
    },
    "withdraw|--measure": {
        "zh": "level（水平值，默认）或 growth（比上年增长率）。",
        "en": "level (the default) or growth (the growth figure on the previous year).",
    },
    "withdraw|--dry-run": {
        "zh": "只显示将撤回（或用 --undo 时将恢复）什么，不写入。",
        "en": "Show what would be withdrawn (with --undo: reinstated); write nothing.",
    },
    "withdraw|--undo": {
        "zh": "恢复一个误撤回的数字（--reason 说明原因）：它此后照常计入，撤回与恢复都留在记录中。",
        "en": "Reinstate a figure withdrawn by mistake (say why with --reason): it counts "
        "again; the record keeps both the withdrawal and its undoing.",
    },
    # extract
    "extract|files": {
        "zh": "公报或新闻稿的文本：.txt（UTF-8 或 GB18030）或 .html。PDF 请先用 pdftotext 转为 .txt。",
        "en": "Texts of communiqués or releases: .txt (UTF-8 or GB18030) or .html. Convert a PDF "
        "with pdftotext first.",
    },
    "extract|--period": {
        "zh": "年份：原文说“今年”或未写年份的句子用它（默认：标题中的年份）。",
        "en": "The year of sentences that say 今年 or give no year (default: the year in the title).",
    },
    "extract|--region": {
        "zh": "未提到地区的句子所属的地区：代码或名称（默认：标题所说的本规划地区，否则全市）。"
        "标题（或无标题时署名的统计局）是另一地区的（如山东省…统计公报、济南市统计局）时，未写地区的数字"
        "不归入全市，除非用本选项指定；无标题的县区公报里“全区”“全县”也要用本选项指明县区。",
        "en": "The region of sentences that name none: id or name (default: the plan's region "
        "the title names, else the whole city). When the title (or, with no title, the issuing "
        "bureau) is another area's (山东省…统计公报, 济南市统计局), figures that name no area are not "
        "proposed unless this option names a region; in a county's communiqué with no title, "
        "全区/全县 need this option to name the county.",
    },
    "extract|--output": {
        "zh": "要写入的报送文件（CSV，带 BOM 的 UTF-8）；不写则只显示核对表。",
        "en": "The submission file to write (CSV, UTF-8 with BOM); without it only the review is shown.",
    },
    # plan check
    "plan check|file": {
        "zh": "要检查的规划文件。默认：正在使用的规划（--plan、环境变量、./data、内置）。",
        "en": "Plan file to check. Default: the plan in use (--plan, env, ./data, embedded).",
    },
}
