"""Every finding's sentences in Chinese and English, by code: its stable code, severity,
group, title, message forms and hints side by side, so that a translation is checked
against its original in one place. A finding carries only its code, position and
parameters; :func:`linyi_tracker.validation.catalogue.render` turns it into text from
this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from linyi_tracker.actuals.headers import ZH_HEADERS
from linyi_tracker.findings import Named, Severity
from linyi_tracker.texts.text import Pair, Text, register

# Every sentence of the findings, key -> {"zh", "en"}: ``finding.<code>.title``,
# ``finding.<code>.message[.<form>]``, ``finding.<code>.hint[.<form>]``,
# ``finding.group.<group>``, ``finding.severity.<severity>``, ``finding.column.<column>``.
FINDING_TEXTS: dict[str, Pair] = {}
register(FINDING_TEXTS)


def T(zh: str, en: str) -> Pair:
    """One sentence written in both languages, side by side."""
    return {"zh": zh, "en": en}


def _keyed(key: str, pair: Pair) -> Text:
    """``pair`` entered in the findings' table as ``key``; the Text that says it."""
    if FINDING_TEXTS.setdefault(key, pair) != pair:
        raise ValueError(f"two finding texts under one key: {key}")
    return Text(key)


# The message of a finding whose code or form has no entry: never at run time (a test
# renders every finding of every fixture), but never a crash: the code itself.
UNKNOWN_MESSAGE = _keyed("finding.unknown.message", T("{code}", "{code}"))

# The first lines a finding for a whole file and column names (``lines``, out of
# ``count`` rows: findings.Readings), said as 第2、3、4、5、6行…… / lines 2, 3, 4, 5, 6, …
LINES: dict[str, Text] = {
    form: _keyed(f"finding.lines.{form}", pair)
    for form, pair in {
        "one": T("第{lines}行：", "line {lines}: "),
        "all": T("第{lines}行；首个：", "lines {lines}; the first: "),
        "more": T("第{lines}行……；首个：", "lines {lines}, …; the first: "),
        "separator": T("、", ", "),
    }.items()
}


def _forms(prefix: str, by_form: Mapping[str, Pair]) -> dict[str, Text]:
    return {f: _keyed(f"{prefix}.{f}" if f else prefix, p) for f, p in by_form.items()}


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    severity: Severity
    group: str  # file, row, cell, across rows, store, plan
    title: Text
    messages: Mapping[str, Text]  # by form; "" is the usual one
    hints: Mapping[str, Text] = field(default_factory=dict)  # by form; "" the usual one


def _entry(
    code: str,
    severity: Severity,
    group: str,
    title: Pair,
    messages: Mapping[str, Pair],
    hints: Mapping[str, Pair] | None = None,
) -> Entry:
    """A code's entry, its sentences entered in the findings' table under its code."""
    key = f"finding.{code}"
    return Entry(
        code,
        severity,
        group,
        _keyed(f"{key}.title", title),
        _forms(f"{key}.message", messages),
        _forms(f"{key}.hint", hints or {}),
    )


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTICE

# The groups a data file's findings fall in, in the order the READMEs list them.
DATA_GROUPS = ("file", "row", "cell", "across rows", "store")
GROUP_TITLES: dict[str, Text] = {
    group: _keyed(f"finding.group.{group}", pair)
    for group, pair in {
        "file": T("文件", "file"),
        "row": T("行", "row"),
        "cell": T("单元格", "cell"),
        "across rows": T("跨行", "across rows"),
        "store": T("数据目录", "store"),
        "plan": T("规划文件", "plan"),
    }.items()
}
SEVERITY_WORDS: dict[Severity, Text] = {
    severity: _keyed(f"finding.severity.{severity}", pair)
    for severity, pair in {
        E: T("错误", "error"),
        W: T("警告", "warning"),
        N: T("提示", "notice"),
    }.items()
}

# An observation's key as both languages write it: 城镇新增就业人数 · 兰山区 · 2019年 (names,
# once the finding is named; the ids in JSON's params)
_KEY = "{indicator} · {region} · {period}"
_OTHER = "{other_file}:{other_line}"  # the other row a finding points at

_ENTRIES = [
    # ------------------------------------------------------------ the file as a whole
    _entry(
        "encoding-error",
        E,
        "file",
        T(
            "既不是UTF-8也不是GB18030的字节（给出行号和字节位置）",
            "bytes that are neither UTF-8 nor GB18030 (line and byte given)",
        ),
        {
            "": T(
                "第{offset}字节（0x{byte}）既不是UTF-8也不是GB18030编码",
                "byte 0x{byte} at offset {offset} cannot be read as UTF-8 or GB18030",
            ),
            "bom": T(
                "第{offset}字节（0x{byte}）不是UTF-8编码（文件以UTF-8 BOM开头）",
                "byte 0x{byte} at offset {offset} cannot be read as UTF-8 "
                "(it starts with a UTF-8 BOM)",
            ),
            "plan": T(
                "规划文件不是UTF-8编码（第{offset}字节，0x{byte}）",
                "the plan file is not UTF-8 (byte 0x{byte} at offset {offset})",
            ),
            "utf16": T(
                "文件是UTF-16编码（Excel的“Unicode文本”），不是CSV所用的UTF-8或GB18030",
                "the file is UTF-16 (Excel's 'Unicode text'), not the UTF-8 or GB18030 of a CSV",
            ),
            "mixed": T(
                "文件混用了两种编码：按GB18030读作“{text}”的文字其实是UTF-8编码的“{meant}”",
                "the file mixes two encodings: the text read as GB18030 as '{text}' is "
                "'{meant}' in UTF-8",
            ),
        },
        {
            "": T(
                "请用Excel打开并另存为“CSV UTF-8（逗号分隔）”",
                "open the file in Excel and save it as 'CSV UTF-8 (comma delimited)'",
            ),
            "plan": T("请把规划文件存为UTF-8", "save the plan as UTF-8"),
            "utf16": T(
                "请用Excel打开并另存为“CSV UTF-8（逗号分隔）”（不是“Unicode文本”）",
                "open the file in Excel and save it as 'CSV UTF-8 (comma delimited)' (not "
                "'Unicode text')",
            ),
            "mixed": T(
                "请把整个文件存为同一种编码：在Excel中另存为“CSV UTF-8（逗号分隔）”，"
                "并核对该处文字",
                "save the whole file in one encoding (in Excel: save as 'CSV UTF-8 (comma "
                "delimited)') and check the text there",
            ),
        },
    ),
    _entry(
        "empty-file",
        E,
        "file",
        T("没有表头也没有数据", "no header and no data"),
        {
            "": T("文件是空的", "the file is empty"),
            "no-header": T("文件没有表头也没有数据", "the file has no header row and no data"),
        },
        {"": T("请发送填好的文件", "send the filled-in file")},
    ),
    _entry(
        "missing-column",
        E,
        "file",
        T(
            "缺少必填列（指标代码、期间、数值）",
            "a required column (indicator, period, value) is missing",
        ),
        {"": T("缺少必填列“{column}”", "required column '{column}' is missing")},
        {
            "": T(
                "请加上该列；可用中文表头（指标代码、期间、数值）",
                "add the column; Chinese headers are accepted (指标代码, 期间, 数值)",
            ),
            "unit-in-header": T(
                "数值列的表头带有单位“{unit}”：请把表头改为“数值”，并加一列“单位”、每行填写"
                "“{unit}”（只改表头，数值会按计划的单位读取）",
                "the value column's header carries the unit '{unit}': name it 数值 (value) "
                "and add a unit column with '{unit}' on every row (renaming the header alone "
                "would read the figures in the plan's unit)",
            ),
            "separator": T(
                "文件似乎用制表符或分号分隔；请另存为CSV（逗号分隔）",
                "the file seems to use tabs or semicolons; save it as CSV (comma delimited)",
            ),
            # a table one column a year or a region (actuals/rows.py, RowReader.wide)
            "wide-period": T(
                "这像是每个期间一列的表（{columns}）：请改为每行一个数字，期间、数值各占一列"
                "（linyi-tracker template 可生成空白报送表）",
                "this looks like a table with a column for each period ({columns}): write one "
                "figure a row, with a period column and a value column (linyi-tracker template "
                "writes a blank one)",
            ),
            "wide-region": T(
                "这像是每个地区一列的表（{columns}）：请改为每行一个数字，地区、数值各占一列"
                "（linyi-tracker template 可生成空白报送表）",
                "this looks like a table with a column for each region ({columns}): write one "
                "figure a row, with a region column and a value column (linyi-tracker template "
                "writes a blank one)",
            ),
        },
    ),
    _entry(
        "duplicate-column",
        E,
        "file",
        T(
            "两列含义相同（如“数值”和value）",
            "two columns mean the same thing (e.g. 数值 and value)",
        ),
        {
            "": T(
                "列“{column}”与第{first_number}列“{first}”重复",
                "column '{column}' repeats '{first}' (column {first_number})",
            )
        },
        {"": T("只保留其中一列", "keep one of the two columns")},
    ),
    _entry(
        "blank-header",
        E,
        "file",
        T("有数据的列没有表头", "a column with data has no header"),
        {
            "": T("第{number}列没有表头", "column {number} has no header"),
            "filled": T(
                "第{number}列没有表头，但第{row}行在该列填有“{text}”，未读取",
                "column {number} has no header, but row {row} holds '{text}' in it, which is not "
                "read",
            ),
            "more": T(
                "另有{n}个没有表头的列（未逐一列出）",
                "and {n:more column|more columns} without a header (not listed one by one)",
            ),
        },
        {
            "": T("请填写列名，可用：{columns}", "name it, one of: {columns}"),
            "more": T(
                "请删去多余的空列，或为有数据的列填写列名",
                "delete the empty columns, or name the columns that hold data",
            ),
        },
    ),
    _entry(
        "unknown-column",
        W,
        "file",
        T("格式中没有的列，忽略", "a column the format does not know; it is ignored"),
        {
            "": T(
                "列“{column}”不在格式中，将被忽略",
                "column '{column}' is not used and will be ignored",
            ),
            "more": T(
                "另有{n}个格式中没有的列名，也将被忽略（未逐一列出）",
                "and {n:more column name|more column names} the format does not know, also "
                "ignored (not listed one by one)",
            ),
        },
        {"suggest": T("是否应为“{suggestion}”？", "did you mean '{suggestion}'?")},
    ),
    _entry(
        "as-of-column-not-read",
        E,
        "file",
        T(
            "像是截至日期（as_of）的列，但列名不在格式中，不会读取",
            "a column that looks like the as_of date but is not named as one; it would not be read",
        ),
        {
            "": T(
                "列“{column}”像是{suggestion}列，但不会读取：修订数的截至日期将丢失",
                "column '{column}' looks like the {suggestion} column but is not read: a revised "
                "figure's date would be lost",
            ),
        },
        {
            "": T(
                "若该列是数据的发布或修订日期，请把列名改为“截至日期”；否则请删除该列或改为其他列名",
                "if it is the date a figure was published or revised, rename the header to "
                "'as_of' (截至日期); otherwise delete the column or give it another name",
            ),
        },
    ),
    # the other columns that decide which target a figure is (headers.MEANINGFUL)
    _entry(
        "column-not-read",
        E,
        "file",
        T(
            "像是地区、单位或口径的列，但列名不在格式中，不会读取",
            "a column that looks like the region, unit or measure column but is not named as "
            "one; it would not be read",
        ),
        {
            "region": T(
                "列“{column}”像是{suggestion}列，但不会读取：各行数字将记为全市的",
                "column '{column}' looks like the {suggestion} column but is not read: every "
                "row's figure would be given to the whole city",
            ),
            "unit": T(
                "列“{column}”像是{suggestion}列，但不会读取：数字的单位将不会核对，也不会换算",
                "column '{column}' looks like the {suggestion} column but is not read: the "
                "figures' units would be neither checked nor converted",
            ),
            "measure": T(
                "列“{column}”像是{suggestion}列，但不会读取：增速将被当作水平值",
                "column '{column}' looks like the {suggestion} column but is not read: a growth "
                "figure would be read as a level",
            ),
            "names-regions": T(
                "列“{column}”写的是地区（“{text}”），不是指标：文件没有指标列，各行数字不知是哪个"
                "指标的，这些行不会读入",
                "column '{column}' holds regions ('{text}'), not indicators: the file has no "
                "indicator column, so no row says which indicator its figure is; these rows are not "
                "read",
            ),
        },
        {
            **{
                form: T(
                    "若该列是{suggestion}，请把列名改为“{suggestion}”；否则请删除该列或改为其他列名",
                    "if it is the {suggestion} column, rename the header to '{suggestion}'; "
                    "otherwise delete the column or give it another name",
                )
                for form in ("region", "unit", "measure")
            },
            "names-regions": T(
                "把该列的列名改为“{suggestion}”，并加一列“{id_column}”写明各行的指标",
                "rename the column to '{suggestion}' and add an '{id_column}' column "
                "giving each row's indicator",
            ),
        },
    ),
    _entry(
        "not-utf8",
        N,
        "file",
        T(
            "文件是GB18030/GBK（Excel中文版默认），已按此读取",
            "the file is GB18030/GBK (Excel's Chinese default) and was read as such",
        ),
        {
            "": T(
                "文件不是UTF-8编码，已按GB18030（Excel中文版默认）读取",
                "the file is not UTF-8; read as GB18030 (Excel's Chinese default)",
            )
        },
        {
            "": T(
                "无需处理；另存为“CSV UTF-8”可避免此提示",
                "nothing to do; saving as 'CSV UTF-8' avoids this notice",
            )
        },
    ),
    _entry(
        "title-rows-skipped",
        N,
        "file",
        T(
            "表头之上的行（标题）已跳过，表头在其下找到",
            "rows above the header (a title) skipped; the header was found below them",
        ),
        {
            "": T(
                "表头在第{header_line}行；其上{skipped}行（标题？）已跳过",
                "the header is on line {header_line}; {skipped:line|lines} above it "
                "(a title?) skipped",
            )
        },
        {
            "": T(
                "无需处理：请核对其上的行确是标题或填报信息，而不是数据",
                "nothing to do; check that the rows above are a title or the sign-off block, not figures",
            )
        },
    ),
    _entry(
        "region-outside-table",
        E,
        "file",
        T(
            "文件没有地区列（数据会算作全市的），但文件名、工作表名或标题写的是某个县区",
            "no region column (the figures would be the whole city's), but the file's name, "
            "sheet or title names a county or district",
        ),
        {
            "file": T(
                "文件没有地区列，各数据会算作全市的；但文件名“{text}”写的是{region}",
                "the file has no region column, so each figure would be the whole city's; "
                "but its name '{text}' names {region}",
            ),
            "sheet": T(
                "文件没有地区列，各数据会算作全市的；但工作表名“{text}”写的是{region}",
                "the file has no region column, so each figure would be the whole city's; "
                "but its sheet '{text}' names {region}",
            ),
            "title": T(
                "文件没有地区列，各数据会算作全市的；但标题“{text}”写的是{region}",
                "the file has no region column, so each figure would be the whole city's; "
                "but its title '{text}' names {region}",
            ),
            # a region column, left blank on some rows of a county's file
            "blank": T(
                "{count}行的地区为空（{rows}），会算作全市的；但{place}“{text}”写的是{region}",
                "{count:row has|rows have} an empty region ({rows}), so each would be the "
                "whole city's; but the file's {place} '{text}' names {region}",
            ),
        },
        {
            "": T(
                "请加一列“地区”，每行填写该数据所属的地区（如{region}）；全市的数据填“全市”",
                "add a region column (地区) and write each figure's region on its row (such "
                "as {region}); write 全市 for a figure of the whole city",
            ),
            "blank": T(
                "请在这些行的地区列填写该数据所属的地区（如{region}）；全市的数据填“全市”",
                "write each of these rows' region in the region column (such as {region}); "
                "write 全市 for a figure of the whole city",
            ),
        },
    ),
    _entry(
        "unit-outside-table",
        E,
        "file",
        T(
            "表外（标题或注释）写明了单位，但文件没有单位列：数据会按计划的单位读取",
            "a unit stated outside the table (a title or a note) and no unit column: "
            "the figures would be read in the plan's units",
        ),
        {
            "": T(
                "“{text}”写明数据的单位是{unit}，但文件没有单位列，各数值会按计划的单位读取"
                "（如12万人读作12人）",
                "'{text}' says the figures are in {unit}, but the file has no unit column: "
                "each figure would be read in the plan's unit (12 万人 as 12 persons)",
            ),
            # a unit column, left blank on rows the stated unit is about
            "blank": T(
                "{count}行的单位为空（{rows}），会按计划的单位读取；但“{text}”写明单位是{unit}",
                "{count:row has|rows have} no unit ({rows}) and would be read in the plan's "
                "unit; but '{text}' says the figures are in {unit}",
            ),
        },
        {
            "": T(
                "请加一列“单位”，在每一行填写数值的单位（如{unit}）",
                "add a unit column (单位) and write each figure's unit in it (such as {unit})",
            ),
            "blank": T(
                "请在这些行的单位列填写数值的单位（如{unit}）",
                "write each of these rows' unit in the unit column (such as {unit})",
            ),
        },
    ),
    _entry(
        "data-above-header",
        E,
        "file",
        T(
            "表头之上有数据行（排序时带上了表头行？），每个文件一条错误，附行数和前几行；这些行不会读入",
            "data rows above the header (sorted with the header row?), one error a file with the "
            "count and first lines; they are not read",
        ),
        {
            "": T(
                "{count}行像是数据，却在第{header_line}行的表头之上（{rows}），不会读入",
                "{count:row looks|rows look} like data above the header (line {header_line}): "
                "{rows}; not read",
            )
        },
        {
            "": T(
                "排序时不要选中表头行，或把表头行移到最上面",
                "sort without the header row, or move the header to the top",
            )
        },
    ),
    _entry(
        "note-row-skipped",
        N,
        "file",
        T(
            "表格下方的注释行（注：…、制表人…），未作为数据读取",
            "a note row below the table (注: …, 制表人 …), not read as data",
        ),
        {
            "": T(
                "表格下方的注释“{text}”不是数据，未读取",
                "'{text}' is a note below the table, not data; not read",
            )
        },
        {
            "": T(
                "无需处理；如需随数据保存，请移入“备注”列，或删除该行",
                "nothing to do; to keep it with a figure, move it into the 备注 (note) column, "
                "or delete the row",
            )
        },
    ),
    _entry(
        "unreadable-workbook",
        E,
        "file",
        T("无法打开的.xlsx文件", "an .xlsx file that cannot be opened"),
        {
            "": T("无法打开工作簿：{error}", "the workbook cannot be opened: {error}"),
            "xls": T(
                "无法打开工作簿：.xls 是旧版Excel格式",
                "the workbook cannot be opened: .xls is the old Excel format",
            ),
            "ods": T(
                "无法打开：这是OpenDocument电子表格（.ods，WPS或LibreOffice格式），不是.xlsx",
                "cannot be opened: this is an OpenDocument spreadsheet (.ods, from WPS or "
                "LibreOffice), not an .xlsx",
            ),
            "encrypted": T(
                "无法打开：工作簿设有打开密码（已加密）",
                "cannot be opened: the workbook is protected by a password (encrypted)",
            ),
            "malformed": T(
                "无法读取工作簿：文件已损坏（{error}）",
                "the workbook cannot be read: it is damaged ({error})",
            ),
            "too-large": T(
                "工作簿过大，无法读取：解压后为{size} MB（上限{limit} MB）",
                "the workbook is too large to read: it unpacks to {size} MB (at most {limit} MB)",
            ),
            "ratio": T(
                "工作簿过大，无法读取：“{part}”解压后为压缩大小的{ratio}倍（上限{limit}倍）",
                "the workbook is too large to read: '{part}' unpacks to {ratio} times its "
                "packed size (at most {limit} times)",
            ),
            "cells": T(
                "工作簿过大，无法读取：单元格超过{limit}个（读到第{row}行）",
                "the workbook is too large to read: more than {limit} cells (row {row} reached)",
            ),
        },
        {
            "": T(
                "请用Excel重新另存为.xlsx或CSV UTF-8",
                "save it again from Excel as .xlsx, or as CSV UTF-8",
            ),
            "xls": T(
                "请用Excel打开，另存为.xlsx或“CSV UTF-8（逗号分隔）”",
                "open it in Excel and save it as .xlsx, or as 'CSV UTF-8 (comma delimited)'",
            ),
            "ods": T(
                "请在WPS或LibreOffice中另存为.xlsx或“CSV UTF-8（逗号分隔）”",
                "save it from WPS or LibreOffice as .xlsx, or as 'CSV UTF-8 (comma delimited)'",
            ),
            "encrypted": T(
                "请在Excel中去掉密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，再提交",
                "remove the password in Excel (File → Info → Protect Workbook → Encrypt with "
                "Password, clear it), save, and send it again",
            ),
            "too-large": T(
                "如确为真实数据，请在Excel中另存为CSV UTF-8后再提交",
                "if it is a real submission, save it from Excel as CSV UTF-8 and send that",
            ),
        },
    ),
    _entry(
        "unknown-sheet",
        E,
        "file",
        T("--sheet 指定的工作表不存在", "--sheet names a sheet the workbook does not have"),
        {"": T("工作簿中没有名为“{sheet}”的工作表", "the workbook has no sheet '{sheet}'")},
        {"": T("工作表有：{sheets}", "sheets: {sheets}")},
    ),
    _entry(
        "sheets-not-read",
        W,
        "file",
        T("工作簿其他工作表中的数据未读取", "data on other sheets of the workbook not read"),
        {
            "": T(
                "只读取了工作表“{read}”；另有{n}个工作表有数据，未读取：{sheets}",
                "only sheet '{read}' was read; {n:sheet|sheets} with data not read: {sheets}",
            )
        },
        {
            "": T(
                "一个文件只放一张数据表；或用 --sheet 指定要读的工作表，逐个检查",
                "send one sheet a file, or name each sheet with --sheet and check it in turn",
            )
        },
    ),
    _entry(
        "hidden-sheets",
        N,
        "file",
        T(
            "工作簿中有数据的隐藏工作表未读取（模板自带的下拉选项表除外）",
            "hidden sheets with data not read (not a template's own sheet of drop-down choices)",
        ),
        {
            "": T(
                "读取了可见的工作表“{read}”；{n}个隐藏工作表有内容，未读取：{sheets}",
                "the visible sheet '{read}' was read; {n:hidden sheet|hidden sheets} with "
                "content not read: {sheets}",
            )
        },
        {
            "": T(
                "若隐藏表中有要提交的数据，请取消隐藏后移到第一个，或用 --sheet 指定",
                "if a hidden sheet holds figures to send, unhide it and move it first, or "
                "name it with --sheet",
            )
        },
    ),
    _entry(
        "unreadable-file",
        E,
        "file",
        T("数据目录中无法读取的文件", "a file in the data folder that cannot be read"),
        {
            "": T("无法读取文件：{error}", "cannot read the file: {error}"),
            "folder": T(
                "无法读取这个文件夹，其中的文件未读入：{error}",
                "cannot read this folder, so its files were not read: {error}",
            ),
            "outside-link": T(
                "指向数据目录之外的链接，未读取",
                "a link to a file outside the data folder: not read",
            ),
            "not-regular": T(
                "不是普通文件（是命名管道、设备或套接字），未读取",
                "not a regular file (a named pipe, a device or a socket): not read",
            ),
            "changed": T(
                "读取过程中文件被改动（内容已不是开始时的编码）",
                "the file changed while it was read (its bytes no longer decode as they did)",
            ),
        },
        {
            "outside-link": T(
                "请把文件本身（而不是链接）放进数据目录",
                "put the file itself, not a link, in the data folder",
            ),
            "changed": T("等写入结束后重新运行", "run again once the file has been written"),
        },
    ),
    _entry(
        "file-not-read",
        W,
        "file",
        T(
            "数据目录中不是数据文件、未读入的文件",
            "a file in the data folder that is not a data file, so not read",
        ),
        {
            "": T(
                "未读入：“{suffix}”不是数据文件类型（只读入.csv、.xlsx）",
                "not read: '{suffix}' is not a data file type (.csv and .xlsx are read)",
            ),
            "no-suffix": T(
                "未读入：文件名没有类型后缀（.csv、.xlsx）",
                "not read: the name has no file type at its end (.csv, .xlsx)",
            ),
            "text": T(
                "未读入：{suffix}文本文件不是CSV（逗号分隔）",
                "not read: a {suffix} text file is not CSV (comma-separated)",
            ),
            "hidden": T(
                "未读入：隐藏文件（文件名以“.”开头）",
                "not read: a hidden file (its name starts with '.')",
            ),
            "hidden-folder": T(
                "未读入：隐藏文件夹（名称以“.”开头），其中的文件都不读",
                "not read: a hidden folder (its name starts with '.'); nothing in it is read",
            ),
            "broken-link": T(
                "未读入：指向不存在文件的链接",
                "not read: a link to a file that is not there",
            ),
            "office-lock": T(
                "未读入：Excel/WPS打开工作簿时留下的锁定文件（~$开头）",
                "not read: the lock file Excel or WPS keeps while a workbook is open (~$…)",
            ),
        },
        {
            "": T(
                "若其中有数据，请另存为.csv或.xlsx；否则请移出数据目录",
                "if it holds figures, save it as .csv or .xlsx; otherwise move it out of "
                "the data folder",
            ),
            "text": T(
                "若其中有数据，请在Excel中另存为“CSV UTF-8（逗号分隔）”；否则请移出数据目录",
                "if it holds figures, save it from Excel as 'CSV UTF-8 (comma delimited)'; "
                "otherwise move it out of the data folder",
            ),
            "hidden": T(
                "若其中有数据，请去掉文件名开头的“.”；否则请移出数据目录",
                "if it holds figures, rename it without the leading '.'; otherwise move it "
                "out of the data folder",
            ),
            "hidden-folder": T(
                "若其中有数据，请去掉文件夹名开头的“.”；否则请移出数据目录",
                "if it holds figures, rename it without the leading '.'; otherwise move it "
                "out of the data folder",
            ),
            "broken-link": T(
                "请把文件本身（而不是链接）放进数据目录，或删去这个链接",
                "put the file itself, not a link, in the data folder, or delete the link",
            ),
            "office-lock": T(
                "关闭该工作簿后此文件会消失；若仍在，可删除",
                "close the workbook and it goes away; if it stays, delete it",
            ),
        },
    ),
    # ------------------------------------------------------------ one row
    _entry(
        "csv-syntax",
        E,
        "row",
        T(
            "不符合CSV格式的行（多余或未闭合的引号）",
            "a row that is not valid CSV (a stray or unclosed quote)",
        ),
        {
            "": T("该行不符合CSV格式（{error}）", "the row cannot be read as CSV: {error}"),
            "too-long": T(
                "该行（或一个单元格）超过{limit}M个字符，未读取",
                "the row (or one cell of it) is longer than {limit}M characters and is not read",
            ),
        },
        {
            "": T(
                "请检查该行的引号：含逗号或引号的值须用引号括起，值中的引号要写两遍",
                "check the quotes in this row: a value with a comma or quote must be quoted, "
                "and a quote inside it doubled",
            ),
            "too-long": T(
                "若是未闭合的引号使其后各行连成一格，请补上引号；否则请缩短该单元格的文字",
                "if an unclosed quote joined the lines below into one cell, close it; "
                "otherwise shorten the text of the cell",
            ),
        },
    ),
    _entry(
        "repeated-header",
        E,
        "row",
        T("表头行在数据中重复出现", "the header row repeated among the data"),
        {
            "": T(
                "这一行是第{header_line}行的表头再次出现",
                "the header row (line {header_line}) is repeated on this line",
            )
        },
        {
            "": T(
                "删去这一行；若是两个文件拼在一起，请核对两部分的列顺序相同",
                "delete this line; if two files were pasted together, check both have "
                "the same columns in the same order",
            )
        },
    ),
    _entry(
        "extra-cell",
        E,
        "row",
        T("单元格比表头列数多", "more cells than the header has columns"),
        {
            "": T(
                "该行有{cells}个单元格，表头只有{width}列；“{text}”没有对应的列",
                "the row has {cells:cell|cells} but the header has {width}; '{text}' has no column",
            )
        },
        {
            "": T(
                "删去多余的单元格，或把含逗号的值用引号括起",
                "remove the extra cell or a stray comma inside a value (quote it)",
            )
        },
    ),
    _entry(
        "missing-cell",
        E,
        "row",
        T("单元格比表头少，缺了必填项", "fewer cells than the header, required ones missing"),
        {
            "": T(
                "该行只有{cells}个单元格，表头有{width}列",
                "the row has {cells:cell|cells} but the header has {width}",
            )
        },
        {"": T("每列都要有单元格，选填列可留空", "fill every column, leaving optional ones empty")},
    ),
    _entry(
        "blank-row",
        W,
        "row",
        T("空行，已跳过", "an empty row, skipped"),
        {"": T("空行，已跳过", "blank row skipped")},
    ),
    # ------------------------------------------------------------ one cell
    _entry(
        "missing-value",
        E,
        "cell",
        T(
            "必填单元格（指标、期间、数值）为空",
            "a required cell (indicator, period, value) is empty",
        ),
        {
            "indicator": T("指标代码为空", "the indicator is empty"),
            "period": T("期间为空", "the period is empty"),
            "value": T("数值为空", "the value is empty"),
        },
        {
            "indicator": T(
                "请填写规划中的指标代码，例如emp.new_urban_jobs",
                "write the indicator id from the plan, e.g. emp.new_urban_jobs",
            ),
            "period": T(
                "请写年份（2017）、季度（2017Q3）或月份（2017-09）",
                "write a year (2017), a quarter (2017Q3) or a month (2017-09)",
            ),
            "value": T("请填写数字，或删去该行", "write the figure, or leave the row out"),
        },
    ),
    _entry(
        "unknown-indicator",
        E,
        "cell",
        T(
            "不是规划中的指标（给出最接近的建议）",
            "not an indicator of the plan (with the closest suggestion)",
        ),
        {"": T("“{text}”不是规划中的指标", "'{text}' is not an indicator of the plan")},
        {
            "": T(
                "运行 `linyi-tracker plan` 可查看所有代码",
                "run `linyi-tracker plan` to list the ids",
            ),
            "suggest": T("是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
            # the name with its unit: the unit must go to the unit column, or 3.1 (万元)
            # would be read as 3.1 元
            "unit": T(
                "名称后带有单位“{unit}”：请在指标列填写“{indicator}”，并在单位列每行填写“{unit}”"
                "（没有单位列请加上）",
                "the name carries the unit '{unit}': write '{indicator}' in the indicator "
                "column and '{unit}' in the unit column on every row (add one if there is none)",
            ),
            # a table's own rows (合计, 其中：女性): what they are, not "list the ids"
            "total": T(
                "这是合计行，不是规划中的指标：请删去该行；全市的数据请填在地区为“{city}”的行",
                "this is a total row, not an indicator of the plan: leave the row out; the "
                "whole city's figure goes in a row whose region is {city}",
            ),
            "part": T(
                "这是分项行（其中……），不是规划中的指标：请删去该行（若该分项是规划中的指标，"
                "请填写其代码，运行 `linyi-tracker plan` 可查看）",
                "this is a part row (其中, of which), not an indicator of the plan: leave the "
                "row out (if the part is an indicator of the plan, write its id; "
                "`linyi-tracker plan` lists them)",
            ),
        },
    ),
    _entry(
        "indicator-by-name",
        N,
        "cell",
        T(
            "用名称而不是代码填写指标，已识别",
            "an indicator given by its name rather than its id, resolved",
        ),
        {
            "": T(
                "{count}行按名称填写指标，已识别（{lines}“{text}”读作“{indicator}”）",
                "{count:row gives|rows give} the indicator by its name, resolved ({lines}"
                "'{text}' read as '{indicator}')",
            )
        },
        {
            "": T(
                "填写代码（如“{indicator}”）可避免此提示",
                "write the ids (such as '{indicator}') to avoid this notice",
            )
        },
    ),
    # a row whose 指标代码 and 指标名称 are two indicators (actuals/rows.py)
    _entry(
        "indicator-name-mismatch",
        E,
        "cell",
        T(
            "指标代码和指标名称是两个不同的指标",
            "the indicator id and the indicator name are two different indicators",
        ),
        {
            "": T(
                "指标代码“{code}”是{indicator}，与指标名称“{name}”（{named_id}）不是同一个指标",
                "the indicator id '{code}' is {indicator}, not the indicator named '{name}' "
                "({named_id})",
            )
        },
        {
            "": T(
                "请对照来源核对这一行的数字属于哪个指标，改正指标代码或指标名称",
                "check against the source which indicator this row's figure belongs to, and "
                "correct the id or the name",
            )
        },
    ),
    _entry(
        "unknown-region",
        E,
        "cell",
        T(
            "不是规划中的地区（给出最接近的建议）",
            "not a region of the plan (with the closest suggestion)",
        ),
        {"": T("“{text}”不是规划中的地区", "'{text}' is not a region of the plan")},
        {
            "": T(
                "请填写规划中的地区（运行 `linyi-tracker plan` 可查看）；不属于任何规划地区的数字请删去该行",
                "write a region of the plan (`linyi-tracker plan` lists them); leave the row "
                "out if the figure is for no region of the plan",
            ),
            "suggest": T("是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
            "zone": T(
                "这是功能区（开发区、旅游区等）或县区的一部分（街道、镇），不是规划中的地区："
                "请删去该行；如规划应跟踪它，请规划维护者把它加为地区",
                "this is a functional zone (a development or scenic zone) or part of a county "
                "(a street, a town), not a region of the plan: leave the row out; if the plan "
                "should track it, ask for it to be added to the plan's regions",
            ),
            "total": T(
                "这是合计行，不是某个地区：请删去该行；全市的数据请填在地区为“{city}”的行",
                "this is a total row, not a region: leave the row out; the whole city's "
                "figure goes in a row whose region is {city}",
            ),
            "part": T(
                "这是分项行（其中……），不是规划中的地区：请删去该行",
                "this is a part row (其中, of which), not a region of the plan: leave the row out",
            ),
        },
    ),
    _entry(
        "invalid-period",
        E,
        "cell",
        T("不是年、季度或月", "not a year, quarter or month"),
        {
            "": T(
                "“{text}”不是期间；请写年份（2017）、季度（2017Q3）或月份（2017-09）",
                "'{text}' is not a period; write a year (2017), a quarter (2017Q3) "
                "or a month (2017-09)",
            ),
            "month": T("没有{month}月", "month {month} does not exist"),
            "not-digit": T(
                "“{text}”不是期间：“{char}”不是数字0–9",
                "'{text}' is not a period: '{char}' is not one of the digits 0-9",
            ),
            "other-script": T(
                "“{text}”不是期间（其他文字的数字）",
                "'{text}' is not a period (digits of another script)",
            ),
            "footnote": T(
                "“{text}”末尾的“{mark}”像是脚注标记，期间未读取",
                "'{text}' ends in '{mark}', which looks like a footnote mark; "
                "the period is not read",
            ),
            "ambiguous": T(
                "“{text}”有两种读法：{first}或{second}",
                "'{text}' can be read two ways: {first} or {second}",
            ),
            "excel-serial": T(
                "“{text}”是Excel的日期序号（{month}？），期间未读取",
                "'{text}' is Excel's number for a day (in {month}?); the period is not read",
            ),
            "cumulative-level": T(
                "“{text}”是年初至今的累计，但{indicator}不是年初至今的累计数（它的数字是水平、"
                "比率或期末数），不能读作{period}",
                "'{text}' is a sum from January, but {indicator} is not summed over the year "
                "(its figure is a level, a rate or a stock): not read as {period}",
            ),
        },
        {
            "cumulative-level": T(
                "请对照来源填{year}年的全年数字（期间写{year}）；年初至今的累计数换一种期间写法也不是该指标的数字",
                "give the year's figure from the source (period {year}); a sum from January is "
                "not a figure of this indicator under any other period either",
            ),
            "excel-serial": T(
                "把该列设为文本，与来源核对后写期间（如{month}）再另存",
                "format the column as text, check the period against the source and write it "
                "(such as {month}), then save again",
            ),
            "not-digit": T("请用数字0–9填写期间", "write the period with the digits 0-9"),
            "other-script": T("请用数字0–9填写期间", "write the period with the digits 0-9"),
            "footnote": T(
                "请删去脚注标记“{mark}”；需要说明的写在“{note_column}”列",
                "remove the footnote mark '{mark}'; put what it says in the '{note_column}' column",
            ),
            "dot-month": T(
                "请写成{first}或{second}（Excel会把2019.10存成2019.1；请把该列设为文本）",
                "write {first} or {second} (Excel stores 2019.10 as 2019.1: format the "
                "column as text)",
            ),
            "short-year": T(
                "请写四位年份和月份：{first}或{second}",
                "write the year in four digits with the month: {first} or {second}",
            ),
        },
    ),
    _entry(
        "period-read-as-month",
        N,
        "cell",
        T(
            "Excel的日期写法（2019/9/1、Sep-19、日期单元格）或年初累计的写法（2017年1-9月、"
            "前三季度）已读作月份或季度",
            "a period as Excel writes it (2019/9/1, Sep-19, a date cell) or as a span from "
            "January (2017年1-9月, Jan-Sep 2017) read as its month or quarter",
        ),
        {
            "": T(
                "{count}行的期间按Excel的日期写法读作月份（{lines}“{text}”读作{period}）",
                "{count:period|periods} as Excel writes dates read as months ({lines}"
                "'{text}' read as {period})",
            ),
            "cumulative": T(
                "{count}行的期间写作年初至某月（季）的累计，读作该月（季）（{lines}“{text}”读作"
                "{period}）",
                "{count:period|periods} written as a span from January read as the month or "
                "quarter it ends in ({lines}'{text}' read as {period})",
            ),
        },
        {
            "": T(
                "无需处理；写成{period}可避免此提示",
                "nothing to do; writing {period} avoids this notice",
            ),
            "cumulative": T(
                "无需处理：月、季的数字本就是年初至该月（季）的累计；写成{period}可避免此提示",
                "nothing to do: a month's or quarter's figure is the sum from January; writing "
                "{period} avoids this notice",
            ),
        },
    ),
    _entry(
        "period-outside-plan",
        E,
        "cell",
        T(
            "早于规划的最早数据年份或晚于规划期末",
            "before the plan's first data year or after its end",
        ),
        {
            "": T(
                "期间{period}不在规划的年份{first}—{last}之内",
                "period {period} is outside the plan's years {first}–{last}",
            )
        },
        {"": T("请检查年份", "check the year")},
    ),
    _entry(
        "future-period",
        E,
        "cell",
        T("尚未结束的期间", "a period that has not ended yet"),
        {
            "": T(
                "期间{period}尚未结束（今天是{today}）",
                "period {period} has not ended yet (today is {today})",
            )
        },
        {"": T("请检查年份", "check the year")},
    ),
    _entry(
        "invalid-number",
        E,
        "cell",
        T(
            "不是数字：(12.5)、NaN、inf、1_000、-、—、/、无、N/A、1e5等",
            "not a number: (12.5), NaN, inf, 1_000, -, —, /, 无, N/A, 1e5 …",
        ),
        {
            "": T("“{text}”不是数字", "'{text}' is not a number"),
            "brackets": T(
                "“{text}”不是数字（会计括号）", "'{text}' is not a number (accounting brackets)"
            ),
            "other-script": T(
                "“{text}”不是数字（其他文字的数字）",
                "'{text}' is not a number (digits of another script)",
            ),
            "not-digit": T(
                "“{text}”不是数字：“{char}”不是数字0–9",
                "'{text}' is not a number: '{char}' is not one of the digits 0-9",
            ),
            "footnote": T(
                "“{text}”末尾的“{mark}”像是脚注标记，数字未读取",
                "'{text}' ends in '{mark}', which looks like a footnote mark; "
                "the figure is not read",
            ),
            "thousands-dot": T(
                "“{text}”有两种读法：{thousands}（小数点当作千位分隔符）或{plain}",
                "'{text}' can be read two ways: {thousands} (a dot between the thousands) "
                "or {plain}",
            ),
            "two-signs": T(
                "“{text}”既写了“{word}”又带正负号，不知是升是降",
                "'{text}' gives the direction twice, by '{word}' and by a sign: a rise or a fall?",
            ),
        },
        {
            "": T(
                "请只填数字，如12000或1.2万（单位写在“{unit_column}”列）",
                "write the figure in digits only, e.g. 12000 (the unit goes in the "
                "'{unit_column}' column)",
            ),
            "placeholder": T(
                "没有数字时请删去该行（并向报送单位说明原因）；数字为零时填0",
                "leave the row out if there is no figure (and say why to the sender); "
                "write 0 if the figure is zero",
            ),
            "magnitude-letter": T(
                "请写完整数字或用“万”“亿”（如5500或0.55万）：k、w、m等字母不读作数量级",
                "write the figure in full, or with 万/亿 (5500 or 0.55万): k, w, m are not "
                "read as magnitudes",
            ),
            "letters": T(
                "数字中夹有字母（l、O 像1、0？）：请只写数字0–9",
                "the figure has letters among its digits (l or O for 1 or 0?): "
                "write the digits 0-9 only",
            ),
            "brackets": T(
                "负数请用负号，如-12.5", "write a negative number with a minus sign, e.g. -12.5"
            ),
            "underscore": T("只写数字，不要用“_”", "write digits only, without '_'"),
            "other-script": T("请用阿拉伯数字0–9填写", "write the figure with the digits 0-9"),
            "not-digit": T(
                "请用数字0–9填写（上标、带圈数字不是数字）",
                "write the figure with the digits 0-9 (superscript and circled digits are not "
                "digits)",
            ),
            "footnote": T(
                "请删去脚注标记“{mark}”，只留数字；需要说明的写在“{note_column}”列",
                "remove the footnote mark '{mark}' and keep the figure only; put what the "
                "footnote says in the '{note_column}' column",
            ),
            "thousands-dot": T(
                "请写成{thousands}或{plain}（人数、户数等没有小数；千位分隔符请用逗号或不写）",
                "write {thousands} or {plain} (a count has no decimals; separate thousands "
                "with a comma or not at all)",
            ),
            "two-signs": T(
                "文字和正负号只用其一：下降写“下降2.7%”或“-2.7%”，增长写“增长2.7%”或“2.7%”",
                "give the word or the sign, not both: a fall as '下降2.7%' or '-2.7%', a rise "
                "as '增长2.7%' or '2.7%'",
            ),
            "exponent": T(
                "请写完整数字（Excel把大数显示为1.2E+05时，请加宽该列）",
                "write the number in full (Excel shows large numbers as 1.2E+05: widen the column)",
            ),
            "grouping": T(
                "小数请用小数点（8.5）；千位分隔符须每三位一组（85,000）",
                "write a fraction with a decimal point (8.5), and group thousands by three "
                "digits (85,000)",
            ),
        },
    ),
    _entry(
        "thousands-separator",
        N,
        "cell",
        T("85,000 或 85 000 读作 85000", "85,000 or 85 000 read as 85000"),
        {
            "": T(
                "{count}个数字带千位分隔符，已读取（{lines}“{text}”读作{value}）",
                "{count:figure|figures} with thousands separators read ({lines}"
                "'{text}' read as {value})",
            )
        },
    ),
    _entry(
        "full-width-characters",
        N,
        "cell",
        T(
            "全角数字或符号已转换（９２．５ → 92.5）",
            "full-width digits or signs folded (９２．５ → 92.5)",
        ),
        {
            "": T(
                "{count}个数字含全角字符，已转换（{lines}“{text}”读作{value}）",
                "{count:figure has|figures have} full-width characters, folded ({lines}"
                "'{text}' read as {value})",
            ),
            "minus": T(
                "{count}个数字的负号写作“−”（排版用的减号），已读作负号（{lines}“{text}”读作{value}）",
                "{count:figure has its|figures have their} minus sign typed as '−' (the typographic "
                "minus), read as the sign ({lines}'{text}' read as {value})",
            ),
        },
    ),
    _entry(
        "magnitude-suffix",
        N,
        "cell",
        T("“万”“亿”已换算，并显示换算结果", "万 or 亿 multiplied out, the reading shown"),
        {
            "": T(
                "{count}个数字带“万”或“亿”，已换算（{lines}“{text}”读作{value}，"
                "{suffix}＝{factor}）",
                "{count:figure|figures} in 万 or 亿 multiplied out ({lines}"
                "'{text}' read as {value}, {suffix} = {factor})",
            ),
            "in-unit": T(
                "{count}个带“万”或“亿”的数字按单位名称读取（{lines}“{text}”读作{value}{unit}）",
                "{count:figure|figures} in 万 or 亿 read with the unit's name ({lines}"
                "'{text}' read as {value} {unit})",
            ),
        },
    ),
    _entry(
        "unit-mismatch",
        E,
        "cell",
        T("单位（或%）与指标单位不符", "a unit (or a %) that does not fit the indicator's unit"),
        {
            "": T(
                "单位“{unit}”与指标单位“{expected}”不符",
                "unit '{unit}' does not match the indicator's unit '{expected:zh}' ({expected})",
            ),
            "percent": T(
                "“{text}”是百分比，但该指标不以%计",
                "'{text}' is a percentage, but this indicator is not measured in %",
            ),
            "growth": T(
                "增长率的单位是%，不是“{unit}”",
                "a growth figure is a percent on the previous year, not '{unit}'",
            ),
            "twice": T(
                "“{text}”已按“万/亿”或单位换算过，“{unit_column}”列又写“{unit}”：会重复换算",
                "'{text}' is already multiplied out (万/亿 or a unit in the cell) and the "
                "'{unit_column}' column says '{unit}': it would be converted twice",
            ),
            "magnitude-unit": T(
                "“{text}”带“万”或“亿”，而指标单位“{expected}”本身以万或亿计："
                "不知是单位的“万”或“亿”写了两次，还是要再乘一次",
                "'{text}' has 万 or 亿, and the indicator's unit {expected:zh} "
                "({expected}) already counts in them: is it the unit's own 万 or 亿 written "
                "again, or a magnitude on top of it?",
            ),
        },
        {
            "magnitude-unit": T(
                "请按“{expected}”填写数值，不带“万/亿”，“{unit_column}”列写“{expected}”或留空",
                "write the figure in {expected:zh} ({expected}) without 万 or 亿, and "
                "{expected:zh} in the '{unit_column}' column or nothing",
            ),
            "twice": T(
                "只在一处写“万”：要么数值不带“万”、“{unit_column}”列写“{unit}”，"
                "要么数值带“万”、“{unit_column}”列写“{expected}”或留空",
                "write 万 in one place only: the number without 万 and '{unit}' in the "
                "'{unit_column}' column, or the number with 万 and {expected:zh} ({expected}) "
                "there or nothing",
            ),
            "growth": T(
                "口径为“比上年增长”的行，单位填%或不填；水平值请另起一行、口径填“水平值”",
                "on a growth row write % or leave the unit blank; "
                "give the level on a row of its own with measure 'level'",
            ),
            "": T(
                "请填写以“{expected}”计的数字，“{unit_column}”列写“{expected}”或留空；"
                "“{unit}”不能换算为“{expected}”时（如人次之于人）是另一项统计，不要推算",
                "write the figure counted in {expected:zh} ({expected}), and that unit in the "
                "'{unit_column}' column or nothing; where '{unit}' does not convert to it "
                "(人次, times, to 人, persons) it is another statistic: do not derive one",
            ),
            "percent": T(
                "请按指标的单位填写水平值（不是百分比）",
                "write the level in the indicator's own unit (not a percentage)",
            ),
            "ratio-percent": T(
                "比值不用百分数：若指{ratio}:1，请填写{ratio}，“{unit_column}”列写“:1”或留空",
                "a ratio is not a percentage: if it means {ratio}:1, write {ratio} and ':1' in "
                "the '{unit_column}' column, or leave it blank",
            ),
            "growth-rate": T(
                "这看起来是增长率（如“比上年增长10.4%”），不是水平值：请删去该行，或记在备注中；"
                "增长数字属于规划中的增长目标",
                'this looks like a growth rate ("10.4 % up on the year"), not a level: leave the '
                "row out, or record it in a note; growth figures belong to the plan's growth "
                "targets",
            ),
        },
    ),
    _entry(
        "percent-read",
        N,
        "cell",
        T(
            "百分比（92%，或设为百分比格式的Excel单元格）按百分数读取",
            "a percentage (92 %, or an Excel cell formatted as a percentage) read as its number",
        ),
        {
            "": T(
                "{count}个百分比按百分数读取（{lines}“{text}”读作{value}）",
                "{count:percentage|percentages} read ({lines}'{text}' read as {value})",
            )
        },
    ),
    _entry(
        "boolean-cell",
        E,
        "cell",
        T(
            "Excel的TRUE/FALSE（是/否）单元格，不是数字或文字",
            "an Excel TRUE/FALSE cell, not a figure or a word",
        ),
        {
            "": T(
                "单元格{cell}是Excel的逻辑值{text}，不能当作数据读取",
                "cell {cell} holds Excel's yes/no value {text}, which is not read as data",
            )
        },
        {
            "": T(
                "请照来源填写数字或文字（里程碑填“是”或完成日期）",
                "type the figure or word from the source (for a milestone: done, or the date)",
            )
        },
    ),
    _entry(
        "formula-value",
        N,
        "cell",
        T(
            "公式单元格：读取的是Excel上次计算保存的结果",
            "formula cells: the result Excel last computed and saved was read",
        ),
        {
            "": T(
                "{n}个单元格是公式，读取的是其保存的计算结果（首个：{cell} {formula} → {value}）",
                "{n:cell holds|cells hold} a formula; the results Excel saved were read "
                "(the first: {cell} {formula} → {value})",
            )
        },
        {
            "": T(
                "请核对这些结果；提交前可将公式复制后“选择性粘贴为数值”",
                "check those results; before sending, copy the cells and paste them as values",
            )
        },
    ),
    _entry(
        "formula-without-value",
        E,
        "cell",
        T(
            "公式单元格没有计算结果（文件不是由Excel保存的）",
            "a formula cell with no computed result (the file was not saved by Excel)",
        ),
        {
            "": T(
                "单元格{cell}是公式{formula}，但文件中没有它的计算结果",
                "cell {cell} holds the formula {formula} but the file keeps no result for it",
            )
        },
        {
            "": T(
                "请在Excel中打开并保存，或直接填写数字",
                "open and save the file in Excel, or type the figure",
            )
        },
    ),
    _entry(
        "duplicate-cell",
        E,
        "cell",
        T(
            "工作表文件中同一单元格写了两次（文件被程序改坏？）",
            "one cell written twice in the sheet's file (damaged by a program?)",
        ),
        {
            "": T(
                "单元格{cell}在工作表文件中出现两次；只读取了第一次的值",
                "cell {cell} appears twice in the sheet's file; only the first is read",
            )
        },
        {
            "": T(
                "请在Excel中打开，核对该单元格后另存为.xlsx",
                "open it in Excel, check the cell, and save it again as .xlsx",
            )
        },
    ),
    _entry(
        "hidden-rows",
        W,
        "row",
        T(
            "在Excel中隐藏（或被筛选掉）的行，看不到却被读取",
            "rows hidden in Excel (or left out by a filter), not shown yet read",
        ),
        {
            "": T(
                "{count}行在Excel中被隐藏或被筛选掉，但已作为数据读取（{rows}）",
                "{count:row is|rows are} hidden in Excel or left out by a filter, but read "
                "as data ({rows})",
            )
        },
        {
            "": T(
                "请取消隐藏（或清除筛选）核对这些行；不应报送的行请删除",
                "unhide the rows (or clear the filter) and check them; delete the rows "
                "that are not meant to be sent",
            )
        },
    ),
    _entry(
        "merged-cell",
        E,
        "cell",
        T(
            "合并单元格：只有左上角的单元格有值，其余行读到的是空白",
            "a merged cell: only its top-left cell holds the value, the other rows read it empty",
        ),
        {
            "": T(
                "单元格{cells}是合并单元格，值只存在{first}中；其余单元格读作空白（{rows}）",
                "cells {cells} are merged and the value is kept in {first} only; "
                "the other cells are read as empty ({rows})",
            ),
            "region": T(
                "地区单元格{cells}是合并单元格，值只存在{first}中；其余行（{rows}）的地区"
                "读作空白，即全市（县区的数据会算到全市）",
                "the region cells {cells} are merged and the value is kept in {first} only; "
                "the other rows ({rows}) read an empty region, that is the whole city (a "
                "county's figures would go to the city)",
            ),
        },
        {
            "": T(
                "请取消合并，并在每一行填写{first}中的内容",
                "unmerge the cells and write what {first} holds in every row",
            )
        },
    ),
    _entry(
        "merged-note-cell",
        N,
        "cell",
        T(
            "来源、备注等不影响数值的栏中的合并单元格：文字只在左上角的单元格中，其余行读作"
            "空白，数值照常读取",
            "a merged cell in a column no figure depends on (source, note, a column not "
            "read): only its top-left cell holds the text, the other rows read it empty; "
            "their figures are read as written",
        ),
        {
            "": T(
                "单元格{cells}是合并单元格，文字只存在{first}中；其余行（{rows}）的这一栏"
                "读作空白，数值照常读取",
                "cells {cells} are merged and the text is kept in {first} only; the other "
                "rows ({rows}) are read with this column empty, their figures as written",
            )
        },
        {
            "": T(
                "数值无需修改；如要每一行都记下这段文字，请取消合并并在每一行填写{first}中的内容",
                "the figures need no change; to keep the text on every row, unmerge the "
                "cells and write what {first} holds in each",
            )
        },
    ),
    _entry(
        "unit-in-value",
        N,
        "cell",
        T(
            "单位填进了数值栏（9800人、4.9万人），已读取并显示读数",
            "a unit typed into the value cell (9800人, 4.9万人), read and shown",
        ),
        {
            "": T(
                "{count}个数值栏带单位，已读取（{lines}“{text}”读作{value}{unit}）",
                "{count:value has|values have} the unit typed in, read ({lines}"
                "'{text}' read as {value} {unit})",
            )
        },
        {
            "": T(
                "数值栏只填数字，单位填在“{unit_column}”列",
                "write the number alone and the unit in the '{unit_column}' column",
            )
        },
    ),
    _entry(
        "unit-converted",
        N,
        "cell",
        T(
            "可精确换算的单位（万人 → 人），已换算",
            "a unit that converts exactly (万人 → 人), converted",
        ),
        {
            "": T(
                "{count}个数字的单位已精确换算（{lines}{value}{unit}换算为{converted}{to_unit}）",
                "{count:figure|figures} converted exactly from the unit written ({lines}"
                "{value} {unit} converted to {converted} {to_unit})",
            )
        },
    ),
    _entry(
        "unit-derived",
        W,
        "cell",
        T(
            "按单位名称换算的数字（吨 → 万吨），规划未声明此换算，请确认单位",
            "a figure converted by the units' names (吨 → 万吨), a conversion the plan does "
            "not declare: confirm the unit",
        ),
        {
            "": T(
                "{value}{unit}按单位名称换算为{converted}{to_unit}",
                "{value} {unit} converted by the units' names to {converted} {to_unit}",
            )
        },
        {
            "": T(
                "若数字本是以{to_unit}计，把单位改为{to_unit}；若确以{unit}计，则换算无误",
                "if the figure is in {to_unit}, write {to_unit} as its unit; if it is in "
                "{unit}, the conversion stands",
            )
        },
    ),
    _entry(
        "out-of-range",
        E,
        "cell",
        T(
            "百分比超出0—100、计数为负、比值≤0、计数超过总数",
            "a percentage outside 0–100, a negative count, a ratio ≤ 0, a count above its total",
        ),
        {
            "percent": T("{value}%超出0—100的范围", "{value} % is outside 0–100"),
            "negative": T("计数不能为负数（{value}）", "a count cannot be negative ({value})"),
            "ratio": T("比值必须大于0（{value}）", "a ratio must be above 0 ({value})"),
            "above-total": T(
                "{value}超过了目标的总数{total}",
                "{value} is more than the {total} the target counts",
            ),
            "growth": T(
                "比上年增长{value}%不可信（绝对值须小于100）",
                "a growth of {value} % on the previous year is not plausible (must be within ±100)",
            ),
            "too-large": T(
                "{value}超出了任何指标能取的值（须小于10^18）",
                "{value} is beyond what any indicator can hold (it must be below 10^18)",
            ),
        },
        {
            "growth": T(
                "这是水平值吗？是则口径填“水平值”；增长率写作8.1或-2.7",
                "is it a level? then write measure 'level'; a growth figure is written 8.1 or -2.7",
            ),
            "percent": T(
                "百分比请写数字，如92.5%写作92.5", "a percentage is written 92.5 for 92.5 %"
            ),
            "too-large": T(
                "请检查该数字：是否粘贴了多余的数字，或单位有误？",
                "check the figure: were extra digits pasted in, or is the unit wrong?",
            ),
        },
    ),
    _entry(
        "not-integer",
        E,
        "cell",
        T("计数带小数", "a count with a fraction"),
        {
            "": T(
                "计数必须是整数（{value} {unit}）",
                "a count must be a whole number ({value} {unit})",
            )
        },
    ),
    _entry(
        "invalid-milestone-value",
        E,
        "cell",
        T(
            "节点目标的值不是 是/否/完成日期",
            "a milestone value that is not done / not done / a date",
        ),
        {
            "": T("“{text}”不能说明是否完成", "'{text}' does not say whether it is done"),
            "future": T(
                "完成日期{text}还没有到（今天是{today}）",
                "the date done, {text}, is after today ({today})",
            ),
            "no-such-day": T(
                "“{text}”不是有效日期（没有这一天）",
                "'{text}' is not a valid date (there is no such day)",
            ),
            "excel-serial": T(
                "“{text}”是Excel的日期序号（{day}？），不能说明是否完成",
                "'{text}' is Excel's number for a day ({day}?); it does not say whether it is done",
            ),
            "not-digit": T(
                "“{text}”不能说明是否完成：“{char}”不是数字0–9",
                "'{text}' does not say whether it is done: '{char}' is not one of the digits 0-9",
            ),
            "other-script": T(
                "“{text}”不能说明是否完成（其他文字的数字）",
                "'{text}' does not say whether it is done (digits of another script)",
            ),
            "footnote": T(
                "“{text}”末尾的“{mark}”像是脚注标记，未读取",
                "'{text}' ends in '{mark}', which looks like a footnote mark; it is not read",
            ),
        },
        {
            "": T(
                "请填写 是/1、否/0，或完成日期（YYYY-MM-DD）",
                "write done / 是 / 1, not done / 否 / 0, or the date it was done (YYYY-MM-DD)",
            ),
            "future": T(
                "请填写实际完成的日期；尚未完成请填“否”",
                "write the day it was actually done; if it is not done yet, write 否 / not done",
            ),
            "no-such-day": T(
                "请核对月和日，按YYYY-MM-DD填写",
                "check the month and the day, and write the date as YYYY-MM-DD",
            ),
            "excel-serial": T(
                "把该单元格设为日期格式（应显示{day}），与来源核对完成日期后再另存",
                "format the cell as a date (it should show {day}), check the date done against "
                "the source and save again",
            ),
            "not-digit": T(
                "请填写 是/1、否/0，或用数字0–9写完成日期",
                "write done / 是 / 1, not done / 否 / 0, or the date done in the digits 0-9",
            ),
            "other-script": T(
                "请填写 是/1、否/0，或用数字0–9写完成日期",
                "write done / 是 / 1, not done / 否 / 0, or the date done in the digits 0-9",
            ),
            "footnote": T(
                "请删去脚注标记“{mark}”；需要说明的写在“{note_column}”列",
                "remove the footnote mark '{mark}'; put what it says in the '{note_column}' column",
            ),
        },
    ),
    _entry(
        "invalid-status-word",
        E,
        "cell",
        T("定性评价不是规定的状态词", "a judgement that is not a status word"),
        {
            "": T("“{text}”不是评价用词", "'{text}' is not a judgement word"),
            "ambiguous": T(
                "“{text}”可指“存在风险”或“明显滞后”，无法确定是哪一个",
                "'{text}' may mean at risk (存在风险) or off track (明显滞后); it is not read as either",
            ),
        },
        {
            "": T(
                "请填写：已达成、正常推进、存在风险、明显滞后、未达成（或对应英文）",
                "write one of: achieved, on track, at risk, off track, missed "
                "(或 已达成、正常推进、存在风险、明显滞后、未达成)",
            ),
            "ambiguous": T(
                "请写明是“存在风险”还是“明显滞后”",
                "write which: at risk (存在风险) or off track (明显滞后)",
            ),
        },
    ),
    _entry(
        "invalid-measure",
        E,
        "cell",
        T(
            "口径不是 水平值 / 比上年增长",
            "a measure that is not level / growth",
        ),
        {
            "": T(
                "口径“{text}”无法识别",
                "'{text}' is not a measure",
            ),
            "not-number": T(
                "节点目标和定性评价没有增长率，口径只能是水平值",
                "a milestone or a judgement has no growth figure: the measure must be level",
            ),
        },
        {
            "": T(
                "按数字本身填写口径：水平值，或比上年增长（增长率）；若该列写的是统计范围"
                "（全口径、城镇等）而非口径，请改列名（如“统计范围”），该列就不会作口径读取",
                "say what the figure is: level (水平值), or growth on the previous year "
                "(比上年增长); if the column gives a scope (全口径, 城镇 …) rather than the "
                "measure, rename its header (统计范围, say) and it is not read as the measure",
            )
        },
    ),
    _entry(
        "control-character",
        W,
        "cell",
        T(
            "单元格中有控制字符（如响铃符U+0007）",
            "a control character (BEL U+0007 …) in a cell",
        ),
        {
            "": T(
                "“{text}”含控制字符{char}",
                "'{text}' holds the control character {char}",
            ),
            "free": T(
                "“{text}”含控制字符{char}，读取时已删去",
                "'{text}' holds the control character {char}; it is read without it",
            ),
            "nonchar": T(
                "“{text}”含非字符{char}（不是任何文字，Excel和Word报告无法写入）",
                "'{text}' holds {char}, which is no character (no Excel or Word report can "
                "hold it)",
            ),
            "nonchar-free": T(
                "“{text}”含非字符{char}（不是任何文字），读取时已删去",
                "'{text}' holds {char}, which is no character; it is read without it",
            ),
            "bidi": T(
                "“{text}”含文字方向控制符{char}（会使文字倒序显示）",
                "'{text}' holds the text-direction mark {char} (it can show text backwards)",
            ),
            "bidi-free": T(
                "“{text}”含文字方向控制符{char}（会使文字倒序显示），读取时已删去",
                "'{text}' holds the text-direction mark {char} (it can show text backwards); "
                "it is read without it",
            ),
        },
        {
            "": T(
                "请重新输入该单元格（控制字符常由复制粘贴带入）",
                "type the cell again (control characters usually come with copy and paste)",
            ),
        },
    ),
    _entry(
        "invalid-date",
        E,
        "cell",
        T("as_of 不是日期（YYYY-MM-DD）", "an as_of that is not a date (YYYY-MM-DD)"),
        {
            "": T("“{text}”不是日期", "'{text}' is not a date"),
            "future": T(
                "发布日期{text}在今天（{today}）之后",
                "the publication date {text} is after today ({today})",
            ),
            "before-period": T(
                "发布日期{text}早于{period}的结束日（{end}）：数字不可能在期间结束前发布",
                "the publication date {text} is before {period} ends ({end}): no figure is "
                "published before its period is over",
            ),
            "no-such-day": T(
                "“{text}”不是有效日期（没有这一天）",
                "'{text}' is not a valid date (there is no such day)",
            ),
            "excel-serial": T(
                "“{text}”是Excel的日期序号（{day}？），不是日期",
                "'{text}' is Excel's number for a day ({day}?), not a date",
            ),
            "not-digit": T(
                "“{text}”不是日期：“{char}”不是数字0–9",
                "'{text}' is not a date: '{char}' is not one of the digits 0-9",
            ),
            "other-script": T(
                "“{text}”不是日期（其他文字的数字）",
                "'{text}' is not a date (digits of another script)",
            ),
            "footnote": T(
                "“{text}”末尾的“{mark}”像是脚注标记，日期未读取",
                "'{text}' ends in '{mark}', which looks like a footnote mark; the date is not read",
            ),
        },
        {
            "": T("发布日期请写成YYYY-MM-DD", "write the publication date as YYYY-MM-DD"),
            "future": T(
                "请填写数字实际发布的日期（不晚于今天）；将来的日期会压住以后所有的修订",
                "write the day the figure was actually published (today at the latest): a "
                "date to come would outrank every later revision",
            ),
            "before-period": T(
                "请核对年份是否写错：填写数字实际发布的日期，不早于{end}",
                "check the year (often mistyped): write the day the figure was actually "
                "published, {end} or later",
            ),
            "no-such-day": T(
                "请核对月和日，按YYYY-MM-DD填写",
                "check the month and the day, and write the date as YYYY-MM-DD",
            ),
            "excel-serial": T(
                "把该单元格设为日期格式（应显示{day}），与来源核对后再另存",
                "format the cell as a date (it should show {day}), check it against the source "
                "and save again",
            ),
            "not-digit": T("请用数字0–9填写日期", "write the date with the digits 0-9"),
            "other-script": T("请用数字0–9填写日期", "write the date with the digits 0-9"),
            "footnote": T(
                "请删去脚注标记“{mark}”；需要说明的写在“{note_column}”列",
                "remove the footnote mark '{mark}'; put what it says in the '{note_column}' column",
            ),
        },
    ),
    # ------------------------------------------------------------ across rows
    _entry(
        "implausible-value",
        W,
        "across rows",
        T(
            "数字与指标的目标和历史量级相差太远（百分数写成小数、漏了“万”、增长率填成水平值），"
            "或超出规划给出的合理范围",
            "a figure far off the scale of its indicator's target and history (a percentage "
            "as a fraction, a figure in 万 without it, a growth rate for a level), or outside "
            "the plausible range the plan gives",
        ),
        {
            "scale": T(
                "{value}与该指标的量级（约{reference}）相差太远",
                "{value} is far off the scale of this indicator (about {reference})",
            ),
            "fraction": T(
                "{value}看起来是{reading}%写成了小数（该指标约为{reference}%）",
                "{value} looks like {reading} % written as a fraction (this indicator is "
                "about {reference} %)",
            ),
            "wan": T(
                "{value}看起来是以“万”为单位的数字，即{reading}（该指标约为{reference}）",
                "{value} looks like a figure in 万, that is {reading} (this indicator is "
                "about {reference})",
            ),
            "units": T(
                "{value}是该指标量级（约{reference}）的约一万倍：看起来是{reading}被误当作以“万”为单位换算了",
                "{value} is about ten thousand times this indicator's scale (about {reference}): "
                "it looks like {reading} converted from 万 by mistake",
            ),
            "converted": T(
                "{value}{to_unit}由{written}{unit}按单位名称换算而来；{written}本身符合该指标的量级"
                "（约{reference}{to_unit}）：单位是否应为{to_unit}？",
                "{value} {to_unit} was converted from {written} {unit} by the units' names; "
                "{written} itself is on this indicator's scale (about {reference} {to_unit}): was the "
                "unit {to_unit}?",
            ),
            "converted-range": T(
                "{value}{to_unit}由{written}{unit}按单位名称换算而来；{written}本身在规划给出的合理范围"
                "{min}—{max}内：单位是否应为{to_unit}？",
                "{value} {to_unit} was converted from {written} {unit} by the units' names; "
                "{written} itself is within the plausible range the plan gives ({min}–{max}): was the "
                "unit {to_unit}?",
            ),
            "growth": T(
                "{value}看起来是增长率（{value}%），不是水平值（该指标约为{reference}）",
                "{value} looks like a growth rate ({value} %), not a level (this indicator is "
                "about {reference})",
            ),
            "ratio-percent": T(
                "{value}看起来是百分数，即比值{reading}:1（该指标约为{reference}:1）",
                "{value} looks like a percentage, that is the ratio {reading}:1 (this "
                "indicator is about {reference}:1)",
            ),
            "negative": T(
                "{value}是负数，而以{unit}计的水平值不会小于零",
                "{value} is negative, and a level in {unit} is not below zero",
            ),
            "range": T(
                "{value}超出规划给出的合理范围{min}—{max}",
                "{value} is outside the plausible range the plan gives ({min}–{max})",
            ),
            "range-reading": T(
                "{value}超出规划给出的合理范围{min}—{max}；可能应为{reading}",
                "{value} is outside the plausible range the plan gives ({min}–{max}); it may "
                "be {reading}",
            ),
            "history": T(
                "{value}与该地区历年数据（{history:list-zh}）相差约{factor}倍",
                "{value} is about {factor} times off this region's own figures ({history})",
            ),
            "history-reading": T(
                "{value}与该地区历年数据（{history:list-zh}）相差约{factor}倍；可能应为{reading}",
                "{value} is about {factor} times off this region's own figures ({history}); "
                "it may be {reading}",
            ),
            "above-city": T(
                "{value}大于同期全市数字{city_value}",
                "{value} is larger than the city's figure for the period ({city_value})",
            ),
            "city-share": T(
                "该地区无历年数据；{value}与全市数字{city_value}按{regions}个地区平均（约{low}）相差太远",
                "this region has no figures of its own yet; {value} is far off the city's "
                "{city_value} shared among {regions} regions (about {low} each)",
            ),
            "regions": T(
                "该地区无历年数据；{value}与同期其他{regions}个地区的数字（{low}—{high}）相差太远",
                "this region has no figures of its own yet; {value} is far off the other "
                "{regions:region's|regions'} figures for the period ({low}–{high})",
            ),
        },
        {
            "negative": T(
                "请对照原始资料核对符号；下降应填为比上年增长率（口径“比上年增长”），不是负的水平值",
                "check the sign against the source; a fall is sent as a growth figure (measure "
                "'growth'), not as a negative level",
            ),
            "": T(
                "请对照原始资料核对该数字及其单位；数字无误则无需处理（这是警告）",
                "check the figure and its unit against the source; if it is right, nothing "
                "to do (this is a warning)",
            ),
            "converted": T(
                "若数字本是以{to_unit}计，把单位改为{to_unit}（或留空）；若确以{unit}计，请对照原始资料核对",
                "if the figure is in {to_unit}, write {to_unit} as its unit (or nothing); if it "
                "is in {unit}, check it against the source",
            ),
            "growth": T(
                "增长数字不是水平值：请删去该行，或记在备注中；增长数字属于规划中的增长目标",
                "a growth figure is not a level: leave the row out, or record it in a note; "
                "growth figures belong to the plan's growth targets",
            ),
        },
    ),
    _entry(
        "duplicate-observation",
        W,
        "across rows",
        T(
            "同一指标、期间、地区的同一数字出现两次",
            "the same figure twice for one indicator, period and region",
        ),
        {
            "": T(
                _KEY + " = {value}与 " + _OTHER + " 重复，只计一次",
                _KEY + " = {value} is also at " + _OTHER + "; counted once",
            )
        },
        {"": T("删去其中一行", "remove one of the two rows")},
    ),
    _entry(
        "rounded-figure",
        N,
        "across rows",
        T(
            "同一数字的取整形式（44.2万与442079），按同一数字计一次",
            "a figure that is another rounded (44.2万 and 442,079), counted as the same figure",
        ),
        {
            "": T(
                _KEY + " = {value}是 " + _OTHER + " 处{other_value}的取整形式，按同一数字计",
                _KEY + " = {value} is {other_value} at " + _OTHER + " rounded; the same figure",
            ),
            "refines": T(
                _KEY + " = {value}是 " + _OTHER + " 处{other_value}的精确形式，按同一数字计",
                _KEY + " = {value} refines {other_value} at " + _OTHER + "; the same figure",
            ),
        },
        {
            "": T(
                "无需处理；保留较精确的数字",
                "nothing to do; the more precise figure counts",
            )
        },
    ),
    _entry(
        "conflicting-observation",
        E,
        "across rows",
        T(
            "同一指标、期间、地区有两个不同数字（指出两处位置）",
            "two different figures for one indicator, period and region (both lines named)",
        ),
        {
            "": T(
                _KEY + "：此处为{value}，但 " + _OTHER + " 为{other_value}",
                _KEY + " is {value} here but {other_value} at " + _OTHER,
            )
        },
        {
            "": T(
                "保留正确的数字；修订的数字需在“{as_of_column}”列填写日期；已在数据目录中的，"
                "可用 linyi-tracker withdraw … --value 数值 撤回错误的一个",
                "keep the right figure; a revised figure needs a date in the '{as_of_column}' "
                "column; in the data folder, take the wrong one back with linyi-tracker withdraw "
                "… --value FIGURE",
            ),
            "same-date": T(
                "两行的“{as_of_column}”相同：保留正确的数字，或给修订的数字填写较晚的“{as_of_column}”",
                "both rows have the same '{as_of_column}': keep the right figure, or give the "
                "revised one its later '{as_of_column}'",
            ),
        },
    ),
    _entry(
        "ytd-decreasing",
        E,
        "across rows",
        T("年内累计数在同一年内下降", "a year-to-date series that falls within a year"),
        {
            "": T(
                "{period}的年内累计数（{value}）低于 " + _OTHER + " 处{other_period}的累计数"
                "（{other_value}）；年内累计数不会下降",
                "year to date {period} ({value}) is below {other_period} ({other_value}) at "
                + _OTHER
                + "; a year-to-date figure cannot fall",
            )
        },
        {
            "": T(
                "年内数字是1月以来的累计数：是否误填了当月数字？",
                "sub-annual figures are sums since January: did you enter the month's own figure?",
            )
        },
    ),
    _entry(
        "component-exceeds-total",
        E,
        "across rows",
        T(
            "分项大于总量（公租房 > 保障性安居工程）",
            "a part larger than its whole (public rental > affordable housing)",
        ),
        {
            "": T(
                "{period}的分项{part}（{part_value}）大于总量{whole}（{whole_value}）",
                "{part} ({part_value}) is larger than its whole {whole} ({whole_value}) "
                "for {period}",
            ),
            "plan": T(
                "分项“{part}”（{part_value}）大于总量“{whole}”（{whole_value}）",
                "component '{part}' ({part_value}) is larger than its whole '{whole}' "
                "({whole_value})",
            ),
        },
        {
            "": T(
                "分项不能大于总量：请核对两个数字",
                "a part cannot exceed the whole: check both figures",
            )
        },
    ),
    _entry(
        "components-exceed-total",
        W,
        "across rows",
        T("各分项之和大于总量", "the parts together larger than the whole"),
        {
            "": T(
                "{period}的{whole}各分项合计{parts_sum}，大于总量（{whole_value}）",
                "the parts of {whole} add up to {parts_sum}, more than the whole "
                "({whole_value}) for {period}",
            ),
            "plan": T(
                "“{whole}”的各分项合计{parts_sum}，大于总量（{whole_value}）",
                "the components of '{whole}' add up to {parts_sum}, more than the whole "
                "({whole_value})",
            ),
        },
        {
            "": T(
                "请检查分项是否重叠，或总量是否不全",
                "check whether the parts overlap or the whole is incomplete",
            )
        },
    ),
    _entry(
        "region-sum-mismatch",
        W,
        "across rows",
        T(
            "全市数字与各县区之和不一致",
            "the city's figure differs from the sum of all its regions'",
        ),
        {
            "": T(
                "{period}全市{indicator}为{value}，但{regions}个县区合计为{regions_sum}",
                "the city's {indicator} for {period} is {value} but the {regions} regions "
                "add up to {regions_sum}",
            )
        },
        {
            "": T(
                "请核对全市和各县区数字，可能有一个已过时",
                "check the city figure and each region's; one of them may be out of date",
            )
        },
    ),
    _entry(
        "outlier",
        W,
        "across rows",
        T(
            "与该指标历史数据相差悬殊（基于中位数的稳健z分数大于3.5）",
            "far from the indicator's own history (median-based robust z-score above 3.5)",
        ),
        {
            "": T(
                "{value}与该指标其他{others}个数字相差悬殊（中位数{median}，稳健z分数{z}）",
                "{value} is far from this indicator's other {others:figure|figures} "
                "(median {median}, robust z-score {z})",
            )
        },
        {
            "": T(
                "请核对数字及单位（是否为“万”？），或在备注中说明",
                "check the figure and its unit (万?), or explain it in the note",
            )
        },
    ),
    # ------------------------------------------------------------ against the store
    _entry(
        "conflicts-with-store",
        E,
        "store",
        T(
            "数据目录中已存有该项的不同数字，且没有更新的 as_of",
            "a different figure is already stored for the key, with no newer as_of",
        ),
        {
            "": T(
                _KEY + "：此处为{value}，但数据目录中 " + _OTHER + " 已存有{stored_value}",
                _KEY + " is {value} here but {stored_value} is stored at " + _OTHER,
            ),
            "dated": T(
                _KEY
                + "：此处为{value}，但数据目录中 "
                + _OTHER
                + " 已存有{stored_value}（截至{stored_as_of}）",
                _KEY + " is {value} here but {stored_value} is stored (as of {stored_as_of}) at "
                "" + _OTHER,
            ),
        },
        {
            "": T(
                "如为修订数字，请在“{as_of_column}”列中填写发布日期，或用 --revise 导入",
                "if this is a revised figure, give its publication date in the '{as_of_column}' column, "
                "or ingest with --revise",
            ),
            "dated": T(
                "修订数字的“{as_of_column}”须晚于已存数字的截至日期（{stored_as_of}）；否则二者无法排序",
                "a revised figure needs an '{as_of_column}' later than the stored one's ({stored_as_of}); "
                "otherwise the two cannot be ordered",
            ),
            # the earlier figure the stored one revised, dated as the revision (superseded)
            "earlier": T(
                "{value}是数据目录中已被修订为{stored_value}（截至{stored_as_of}）的原数字："
                "如本文件是重新发送的旧文件，无需导入；填写更晚的“{as_of_column}”会使过时的数字重新生效",
                "{value} is the earlier figure, revised to {stored_value} as of {stored_as_of}: "
                "if this file is the old one sent again, there is nothing to ingest; a later "
                "'{as_of_column}' would make the outdated figure count again",
            ),
        },
    ),
    # a figure withdrawn from the store sent again (validation/cross/withdrawn.py)
    _entry(
        "withdrawn-figure",
        E,
        "store",
        T(
            "该数字已从数据目录撤回，再次导入也不会计入",
            "a figure withdrawn from the data folder, sent again; it would not count if stored",
        ),
        {
            "": T(
                _KEY + "：{value}已于{when}撤回（原因：{reason}），再次导入也不会计入",
                _KEY + " = {value} was withdrawn on {when} (reason: {reason}) and would not "
                "count if stored again",
            ),
        },
        {
            "": T(
                "若是误撤回，请恢复该数字：{command} --reason 误撤回；若该数字确有错误，请改正后再导入",
                "if it was withdrawn by mistake, reinstate it: {command} --reason "
                "'withdrawn by mistake'; if the figure is wrong, correct it and ingest again",
            ),
        },
    ),
    _entry(
        "already-stored",
        N,
        "store",
        T(
            "数据目录中已有相同数字（每个文件一条提示，附行数和前几行）；导入时跳过",
            "the same figure is already stored (one notice a file, with the count and first lines); ingest skips it",
        ),
        {
            "": T(
                "{count}行数字已存在于数据目录（{lines}" + _KEY + " = {value}，见" + _OTHER + "）",
                "{count:row's figure is|rows' figures are} already stored ({lines}"
                + _KEY
                + " = {value} at "
                + _OTHER
                + ")",
            ),
            # the original re-sent after its revision (reconcile.superseded)
            "revised": T(
                "{count}行是数据目录中已被修订的原数字（{lines}"
                + _KEY
                + " = {value}，原存于"
                + _OTHER
                + "，已修订为{stored_value}（截至{stored_as_of}））",
                "{count:row's figure is an earlier figure|rows' figures are earlier figures} "
                "the store has since revised ({lines}"
                + _KEY
                + " = {value}, stored at "
                + _OTHER
                + ", revised as of {stored_as_of} to {stored_value})",
            ),
        },
        {
            "": T("无需处理；导入时跳过", "nothing to do; ingest skips what is already stored"),
            "revised": T(
                "无需处理；导入时跳过，计入的仍是修订后的{stored_value}",
                "nothing to do; ingest skips it and the revised {stored_value} still counts",
            ),
        },
    ),
    _entry(
        "revises-store",
        N,
        "store",
        T(
            "使用 --revise：保留原数字，本数字记为修订值",
            "with --revise: a different stored figure is kept and this one recorded as its "
            "revision",
        ),
        {
            "": T(
                _KEY + "：{value}将记为 " + _OTHER + " 处已存数字{stored_value}的修订值",
                _KEY + ": {value} will be recorded as a revision of the stored {stored_value} "
                "at " + _OTHER,
            ),
            "dated": T(
                _KEY
                + "：{value}将记为 "
                + _OTHER
                + " 处已存数字{stored_value}（截至{stored_as_of}）的修订值",
                _KEY + ": {value} will be recorded as a revision of the stored {stored_value} "
                "(as of {stored_as_of}) at " + _OTHER,
            ),
        },
    ),
    # ------------------------------------------------------------ the plan file
    _entry(
        "yaml-syntax",
        E,
        "plan",
        T("规划文件不是有效的YAML", "the plan file is not valid YAML"),
        {
            "": T("YAML语法错误：{problem:yaml-zh}", "YAML syntax: {problem}"),
            "context": T(
                "YAML语法错误：{problem:yaml-zh}（{context:yaml-zh}，第{context_line}行）",
                "YAML syntax: {problem} ({context} on line {context_line})",
            ),
            "unreadable-digits": T(
                "YAML语法错误：“{value}”无法读取：数字超过{digits}位",
                "YAML syntax: '{value}' cannot be read: a number of more than {digits} digits",
            ),
            "unreadable-date": T(
                "YAML语法错误：“{value}”无法读取：不是有效的日期",
                "YAML syntax: '{value}' cannot be read: not a valid date",
            ),
            "unreadable-number": T(
                "YAML语法错误：“{value}”无法读取：不是有效的数字",
                "YAML syntax: '{value}' cannot be read: not a valid number",
            ),
            "unreadable-value": T(
                "YAML语法错误：“{value}”无法读取：不是可识别的值",
                "YAML syntax: '{value}' cannot be read: not a valid value",
            ),
        },
        {
            "": T(
                "请检查此处附近的缩进和引号",
                "check the indentation and quoting around this position",
            ),
            "unreadable": T(
                "请写出有效的值；如是文字请加引号",
                "write a valid value; quote it if it is text",
            ),
            "tag": T(
                "请写普通的值：不要用“!”开头的标签，键只能是单个词或数字",
                "write plain values: no '!' tags, and keys that are single words or numbers",
            ),
        },
    ),
    _entry(
        "yaml-alias",
        E,
        "plan",
        T(
            "别名（*名称）展开过多或引用自身",
            "aliases (*name) that expand too far or contain themselves",
        ),
        {
            "bomb": T(
                "此处的别名（*名称）展开后超过{limit}个值",
                "the aliases (*name) here expand to more than {limit} values",
            ),
            "loop": T(
                "锚点（&名称）在它自己的值中被引用：该值将包含它自身",
                "an anchor (&name) is used inside its own value: it would contain itself",
            ),
        },
        {
            "bomb": T(
                "请直接写出这些值，不要层层重复引用别名",
                "write the values out instead of repeating aliases of aliases",
            ),
            "loop": T(
                "请直接写出该值，不要在其内部引用它自己的别名（*名称）",
                "write the value out instead of an alias (*name) inside it",
            ),
        },
    ),
    _entry(
        "ambiguous-number",
        E,
        "plan",
        T(
            "YAML 1.1 会读成另一个数的写法（2:1、012、0x1F、0b101）",
            "a form YAML 1.1 reads as another number (2:1, 012, 0x1F, 0b101)",
        ),
        {
            "": T(
                "“{value}”不是普通的十进制数字：YAML 1.1 会把它读作{reading}",
                "'{value}' is not a plain decimal number: YAML 1.1 reads it as {reading}",
            )
        },
        {
            "": T(
                '如是文字请加引号（"{value}"）；数字请用普通十进制写法（如2、0.5、31）',
                'quote it ("{value}") if it is text; write numbers in plain decimals (2, 0.5, 31)',
            )
        },
    ),
    _entry(
        "empty-plan",
        E,
        "plan",
        T("规划文件是空的", "the plan file is empty"),
        {"": T("规划文件是空的", "the plan file is empty")},
    ),
    _entry(
        "plan-shape",
        E,
        "plan",
        T("规划文件不是由若干节组成的映射", "the plan file is not a mapping of sections"),
        {"": T("规划文件须由若干节（键: 值）组成", "the plan must be a mapping of sections")},
    ),
    _entry(
        "plan-schema",
        E,
        "plan",
        T("键或值不符合规划文件的格式", "a key or value that does not fit the plan's format"),
        {
            "missing": T("缺少必填键“{key}”", "required key '{key}' is missing"),
            "extra": T(
                "未知的键“{key}”（请检查拼写，或删去）",
                "unknown key '{key}' (check its spelling, or remove it)",
            ),
            "literal": T(
                "此处不能用“{value}”；应为{expected}",
                "'{value}' is not allowed here; expected {expected}",
            ),
            "unknown-kind": T(
                "类型“{value}”未知；应为{expected}之一",
                "kind '{value}' is not known; expected one of {expected}",
            ),
            "no-kind": T(
                "目标须有 `kind`（level、annual、cumulative、milestone 或 qualitative）",
                "a target needs a `kind` (level, annual, cumulative, milestone or qualitative)",
            ),
            "not-integer": T("“{value}”不是整数", "'{value}' is not a whole number"),
            "not-number": T("“{value}”不是数字", "'{value}' is not a number"),
            "not-text": T(
                "此处应为文字，却是{type}“{value}”", "expected text, got {type} '{value}'"
            ),
            "not-list": T("此处应为列表，却是{type}", "expected a list here, got {type}"),
            "not-mapping": T(
                "此处应为映射（键: 值），却是{type}", "expected a mapping here, got {type}"
            ),
            "empty": T("“{key}”不能为空", "'{key}' must not be empty"),
            "out-of-range": T(
                "“{value}”超出范围：应{bound}", "'{value}' is out of range: it must be {bound}"
            ),
            "period-order": T(
                "规划期的开始年份（{start}）晚于结束年份（{end}）",
                "the period starts ({start}) after it ends ({end})",
            ),
            "data-from": T(
                "data_from（{data_from}）不能晚于 start（{start}）",
                "data_from ({data_from}) must not be after start ({start})",
            ),
            "thresholds": T(
                "阈值须满足 0 < at_risk < on_track",
                "thresholds must satisfy 0 < at_risk < on_track",
            ),
            "unnamed-with-name": T(
                "标为未列名称的工程不能有名称", "a project marked unnamed must not have a name"
            ),
            "project-name": T(
                "工程须有名称；原文未列名称时写 `unnamed: true`",
                "a project needs a name, or `unnamed: true` if the source gives none",
            ),
            "unit-direction": T(
                "有单位的指标须注明方向（higher 或 lower）",
                "an indicator with a unit needs a direction (higher or lower)",
            ),
            "range-order": T(
                "范围[{min}, {max}]的下限须小于上限",
                "the range [{min}, {max}] needs its min below its max",
            ),
            "id-characters": T(
                "“{value}”不能作代码：代码只能由英文字母、数字和“.”“_”“-”组成，"
                "且以字母或数字开头和结尾",
                "'{value}' cannot be an id: an id holds only the letters A-Z and a-z, the "
                "digits 0-9, '.', '_' and '-', and starts and ends with a letter or a digit",
            ),
            "control-character": T(
                "“{text}”含{char}（控制字符或非字符），报表和工作簿无法把它作为文字写入",
                "'{text}' holds {char}, a control character or noncharacter that reports and "
                "workbooks cannot hold as text",
            ),
            "other": T("格式错误：{error}", "{error}"),
        },
        {
            "id-characters": T(
                "请改用如 emp.new_urban_jobs 这样的代码（数据文件按代码命名，不能含“/”“\\”、"
                "引号或空格）；中文名称写在 name 中",
                "write an id such as emp.new_urban_jobs (the store's files are named from ids, "
                "which cannot hold '/', '\\', quotes or spaces); the Chinese name goes in `name:`",
            ),
            "control-character": T(
                "请删去该字符（常由复制粘贴或“\\x07”这类转义带入）",
                "remove the character (it comes with copy and paste, or from an escape such "
                'as "\\x07")',
            ),
        },
    ),
    _entry(
        "duplicate-id",
        E,
        "plan",
        T("同一节中的代码或编号重复", "an id or number used twice in one section"),
        {
            "": T(
                "`{section}:` 中的{item}代码“{id}”重复（第一次在第{first_line}行第{first_column}列）",
                "{item} id '{id}' is used twice in `{section}:` (first on line {first_line}, "
                "column {first_column})",
            ),
            "alike": T(
                "`{section}:` 中的{item}代码“{id}”与第{first_line}行第{first_column}列的“{other_id}”"
                "只差大小写、全角半角、“-”“_”或空格：数据行和命令把二者当作同一个代码",
                "{item} id '{id}' in `{section}:` is '{other_id}' (line {first_line}, column "
                "{first_column}) but for case, full-width forms, '-', '_' or spaces: data rows "
                "and commands take them for one id",
            ),
            "name": T(
                "“{name}”指 `{section}:` 中的{item}“{owner}”，而第{first_line}行第{first_column}列的"
                "“{other_name}”指{item}“{other}”：数据行和命令把二者当作同一个名称",
                "'{name}' names {item} '{owner}', but '{other_name}' (line {first_line}, column "
                "{first_column}) names {item} '{other}' in `{section}:`: data rows and commands "
                "take them for one name",
            ),
            "system-number": T(
                "体系编号{number}重复（第一次在第{first_line}行第{first_column}列）",
                "system number {number} is used twice (first on line {first_line}, column "
                "{first_column})",
            ),
        },
        {
            "": T("请为每个{item}取不同的代码", "give each {item} an id of its own"),
            "name": T(
                "请改名或删去其中一个：按名称查找时不区分大小写、全角半角、“-”“_”和空格",
                "rename or remove one of them: names are looked up regardless of case, "
                "full-width forms, '-', '_' and spaces",
            ),
            "system-number": T("请为每个体系编不同的编号", "give each system a number of its own"),
        },
    ),
    _entry(
        "duplicate-key",
        E,
        "plan",
        T(
            "同一映射中的键重复（YAML只保留最后一个）",
            "a key twice in one mapping (YAML keeps the last)",
        ),
        {
            "": T(
                "键“{key}”在此重复出现（第一次在第{first_line}行）；YAML只会保留最后一个",
                "key '{key}' appears twice in this mapping (first on line {first_line}); "
                "YAML would keep only the last",
            )
        },
    ),
    _entry(
        "city-region",
        E,
        "plan",
        T("规划须有且只有一个全域地区", "the plan needs exactly one city region"),
        {
            "": T(
                "规划须有且只有一个全域地区（level 取 nation、province、city 中最高的一级），"
                "现有{found}个",
                "the plan needs exactly one region for the whole area (the highest of level "
                "nation, province or city), found {found}",
            )
        },
    ),
    _entry(
        "unknown-reference",
        E,
        "plan",
        T("引用了规划中没有定义的代码", "a reference to an id the plan does not define"),
        {
            "": T(
                "规划的 `{section}:` 中没有定义{kind}“{id}”",
                "{kind} '{id}' is not defined in `{section}:`",
            )
        },
        {
            "": T("请先在 `{section}:` 下定义", "define it under `{section}:` first"),
            "suggest": T("是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
        },
    ),
    _entry(
        "project-count",
        E,
        "plan",
        T(
            "类别申报的工程数与列出的不符",
            "a category lists fewer or more projects than it declares",
        ),
        {
            "": T(
                "类别“{category}”申报{declared}项工程，规划中列出{listed}项",
                "category '{category}' declares {declared:project|projects}; the plan lists {listed}",
            )
        },
        {
            "": T(
                "请列出每项申报的工程；原文未列名称的写 `unnamed: true`",
                "list every declared project; use `unnamed: true` for one the source does not name",
            )
        },
    ),
    _entry(
        "monitoring-with-target",
        E,
        "plan",
        T("监测指标却有目标", "a monitoring indicator with targets"),
        {
            "": T(
                "指标“{indicator}”是监测指标，却有目标",
                "indicator '{indicator}' is a monitoring indicator but has targets",
            )
        },
    ),
    _entry(
        "year-outside-plan",
        E,
        "plan",
        T("期限或起始年份不在规划期内", "a deadline or start year outside the plan period"),
        {
            "deadline": T(
                "期限年份{year}不在规划期{start}—{end}之内",
                "deadline {year} is outside the plan period {start}–{end}",
            ),
            "start": T(
                "起始年份{year}不在规划期{start}—{end}之内",
                "start {year} is outside the plan period {start}–{end}",
            ),
            "values": T(
                "年度目标值的年份{year}不在目标年份{start}—{end}之内",
                "a yearly value for {year} is outside the target's years {start}–{end}",
            ),
            "base_year": T(
                "基期年份{year}早于数据起始年份{start}",
                "base year {year} is before the first data year {start}",
            ),
        },
        {
            "base_year": T(
                "请在 `plan.period.data_from` 写上基期年份，基期数据才能录入",
                "set `plan.period.data_from` to the base year so that its figures can be read",
            )
        },
    ),
    _entry(
        "year-order",
        E,
        "plan",
        T("起始年份晚于期限", "a start year after the deadline"),
        {
            "": T(
                "起始年份{start}晚于期限{deadline}",
                "start {start} is after the deadline {deadline}",
            ),
            "base_year": T(
                "基期年份{start}不早于期限{deadline}",
                "base year {start} is not before the deadline {deadline}",
            ),
        },
    ),
    _entry(
        "missing-unit",
        E,
        "plan",
        T(
            "需要数字的目标，其指标没有单位",
            "a target that takes a number, on an indicator without a unit",
        ),
        {
            "count": T(
                "可计数的节点目标“{target}”须对应有单位的指标（计数的对象）",
                "countable milestone '{target}' needs an indicator with a unit (what is counted)",
            ),
            "value": T(
                "目标“{target}”有目标值，其指标须有单位和方向",
                "target '{target}' has a value, so its indicator needs a unit and a direction",
            ),
        },
    ),
    _entry(
        "unit-on-judgement",
        E,
        "plan",
        T(
            "不取数字的目标，其指标却有单位",
            "a target that takes no number, on an indicator with a unit",
        ),
        {
            "": T(
                "指标“{indicator}”有单位，但目标“{target}”不取数字",
                "indicator '{indicator}' has a unit, but target '{target}' takes no number",
            )
        },
    ),
    _entry(
        "comparator-direction",
        E,
        "plan",
        T("比较符与指标方向矛盾", "a comparator that contradicts the indicator's direction"),
        {
            "higher": T(
                "比较符“{comparator}”与指标方向“higher”矛盾（应使用 >= 或 >）",
                "comparator '{comparator}' contradicts the indicator's direction 'higher' "
                "(for 'higher' is better use >= or >)",
            ),
            "lower": T(
                "比较符“{comparator}”与指标方向“lower”矛盾（应使用 <= 或 <）",
                "comparator '{comparator}' contradicts the indicator's direction 'lower' "
                "(for 'lower' is better use <= or <)",
            ),
        },
    ),
    _entry(
        "comparator-kind",
        E,
        "plan",
        T("“≈”用在了水平目标以外", "'≈' on a target that is not a level target"),
        {"": T("“≈”只适用于水平目标", "'≈' is only meaningful for level targets")},
    ),
    _entry(
        "component-mismatch",
        E,
        "plan",
        T("分项与总量的类型或单位不同", "a component of another kind or unit than its whole"),
        {
            "": T(
                "分项“{component}”须是与“{whole}”类型（`{kind}`）和单位都相同的目标",
                "component '{component}' must be a target of kind '{kind}' in the same unit "
                "as '{whole}'",
            )
        },
    ),
    _entry(
        "unnamed-project",
        N,
        "plan",
        T("原文已申报但未列名称的工程", "a project the source declares but does not name"),
        {
            "": T(
                "“{category}”类别中的工程“{project}”已申报，但原文未列名称",
                "project '{project}' of category '{category}' ({category:zh}) is declared "
                "but not named in the source",
            )
        },
        {
            "": T(
                "已记为未列名称；有权威来源时补上名称",
                "recorded as unnamed; add its name when an authoritative source gives it",
            )
        },
    ),
    _entry(
        "truncated-source",
        N,
        "plan",
        T("原文被截断的目标", "a target whose source text is cut off"),
        {
            "": T(
                "目标“{target}”：原文被截断（“{quote}”），须完成的内容不详",
                "target '{target}': the source text is cut off (“{quote}”); what is due is unknown",
            )
        },
    ),
]

CATALOGUE: dict[str, Entry] = {e.code: e for e in _ENTRIES}


# A column a hint sends the clerk to, as ``{as_of_column}``: the file's own header when
# the finding was named (:mod:`linyi_tracker.validation.naming`), else the template's.
# The Chinese words are the reader's own headers (actuals.headers.ZH_HEADERS), which the
# template and extract's CSV write.

COLUMN_WORDS: dict[str, Text] = {
    column: _keyed(f"finding.column.{column}", T(ZH_HEADERS[column], column))
    for column in ("indicator", "period", "region", "value", "unit", "source", "note", "as_of")
}


# The kind of plan entry a plan finding is about (``{item}``, ``{kind}``): the code is the
# parameter (what JSON keeps), the word is the one each language says it with.
ITEM_WORDS: dict[str, Text] = {
    item: _keyed(f"finding.item.{item}", pair)
    for item, pair in {
        "unit": T("单位", "unit"),
        "region": T("地区", "region"),
        "system": T("体系", "system"),
        "category": T("类别", "category"),
        "project": T("工程", "project"),
        "indicator": T("指标", "indicator"),
        "target": T("目标", "target"),
    }.items()
}


def item_named(item: str) -> Named:
    """``item`` (``indicator``) as a finding's parameter, said 指标 / indicator."""
    word = ITEM_WORDS[item]
    return Named(item, word.zh, word.en)
