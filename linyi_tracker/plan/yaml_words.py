"""PyYAML's own words, in Chinese: the YAML parser (libyaml, or PyYAML's scanner) says
what is wrong only in English, and a plan file's most common mistakes are exactly these.

:func:`in_chinese` gives the Chinese for a phrase it knows and the phrase itself for one
it does not (a parser message is quoted as it is rather than guessed at).
"""

from __future__ import annotations

_PHRASES: dict[str, str] = {
    # what is wrong
    "did not find expected node content": "找不到应有的内容",
    "did not find expected key": "找不到应有的键",
    "did not find expected ',' or ']'": "找不到应有的“,”或“]”",
    "did not find expected ',' or '}'": "找不到应有的“,”或“}”",
    "did not find expected '-' indicator": "找不到应有的列表项“-”",
    "could not find expected ':'": "找不到应有的冒号“:”",
    "mapping values are not allowed in this context": "此处不能写“键: 值”",
    "mapping values are not allowed here": "此处不能写“键: 值”",
    "block sequence entries are not allowed in this context": "此处不能写列表项“-”",
    "found character that cannot start any token": "遇到不能作为开头的字符",
    "found unexpected end of stream": "文件意外结束",
    "found a tab character that violates indentation": "缩进中有制表符（Tab）",
    "found a tab character where an indentation space is expected": "缩进中有制表符（Tab）",
    "found unknown escape character": "遇到未知的转义字符",
    "found undefined tag handle": "遇到未定义的标签",
    "found undefined alias": "遇到未定义的别名",
    "found unexpected ':'": "遇到意外的冒号“:”",
    "control characters are not allowed": "不允许控制字符",
    "found unhashable key": "键不能是列表或映射",
    "unreadable YAML": "无法读取的YAML",
    # where the parser was
    "while parsing a flow node": "解析流式内容时",
    "while parsing a block node": "解析块内容时",
    "while parsing a node": "解析内容时",
    "while parsing a block mapping": "解析映射时",
    "while parsing a flow mapping": "解析花括号映射时",
    "while parsing a flow sequence": "解析方括号列表时",
    "while parsing a block collection": "解析列表时",
    "while parsing an indentless sequence": "解析列表时",
    "while scanning a simple key": "读取键时",
    "while scanning for the next token": "读取下一项时",
    "while scanning a quoted scalar": "读取引号中的文字时",
    "while scanning a double-quoted scalar": "读取双引号中的文字时",
    "while scanning a single-quoted scalar": "读取单引号中的文字时",
    "while scanning a plain scalar": "读取文字时",
    "while scanning a block scalar": "读取多行文字时",
    "while scanning an alias": "读取别名时",
    "while scanning an anchor": "读取锚点时",
    "while scanning a tag": "读取标签时",
    "while scanning a directive": "读取指令时",
    "while constructing a mapping": "构造映射时",
}


def in_chinese(phrase: str) -> str:
    """The Chinese of one of PyYAML's phrases, else the phrase as PyYAML wrote it."""
    return _PHRASES.get(phrase.strip(), phrase)
