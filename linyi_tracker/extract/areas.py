"""Which area a communiqué's words are about, where the plan's region names do not say.

The plan names its city and counties; a communiqué also speaks of places the plan does
not name (济南市, 江苏省, 临沂经济技术开发区, 枣园镇), of its counties one by one (分县区看，…)
and of a whole document's area in its title (山东省2017年国民经济和社会发展统计公报). A figure
about any of them is not the city's. These rules only ever say "not the plan's city":

- a *place word*: a clause that is nothing but a name ending in 省, 市, 县, 区, 州, 镇, 乡,
  街道, 开发区 … (济南市：城镇新增就业15.2万人; a line 兰山区：);
- a region of the plan written onto a smaller place (临沂经济技术开发区, 兰山区枣园镇);
- 分县区看, 分地区看, 分市看 …: what follows is by area, not the whole city's;
- a *heading*: a short line without a full stop nor a digit that is a place word names
  the area of the lines under it, up to the next heading — when it stands alone: a run of
  places' lines (a menu of counties on a government page, a table's column of names) or a
  place over a cell with no words (1.5) heads nothing; a sentence that opens with an area names
  the area of the sentences after it on its line (the paragraph);
- the *title*: its area is the document's; another than the plan's city gives nothing to
  the city. The title is a line that reads as one (a year, 统计公报 or 国民经济和社会发展, no
  clause's punctuation: :func:`is_title`): an HTML page's ``<title>`` or ``<h1>`` when one
  does, else the last such line before the text begins (a page's menu, its site's name and
  its list of earlier communiqués come before the article's own title, however many lines
  they take; a site's name — 济南市人民政府网站, 临沂市统计局 — is no title at all). Where
  no line reads as a title, a title's words in the first sentences name the year and the
  area (根据2016年济南市…统计公报，…: withheld, as it always was); failing those, a byline of
  statistics bureaus there (济南市统计局 国家统计局济南调查队, as reposts print it over the
  text) withholds every figure that names no area when its area is not the plan's city — it
  never gives one (a page's site may be the bureau that reposts another's communiqué).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CJK = r"[\u3400-\u9fff]"
_CJK_RE = re.compile(_CJK)
PLACE_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "开发区", "高新区", "示范区", "新区",
    "园区", "街道", "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡",
)  # fmt: skip
_SUFFIX_RE = "(?:" + "|".join(PLACE_SUFFIXES) + ")"
# A whole text that is a place's name (fullmatch): 济南市, 江苏省, 临沂经济技术开发区.
PLACE_WORD = re.compile(rf"{_CJK}{{1,12}}?{_SUFFIX_RE}")
# A smaller place written right after a region's name: 临沂|经济技术开发区, 兰山区|枣园镇.
SUBAREA = re.compile(
    rf"{_CJK}{{0,10}}?(?:开发区|高新区|示范区|新区|园区|片区|街道|社区|镇|乡|村|城区|市区)"
)
# 分县区看，… / 分地区看 / 分市来看: the figures that follow are by area.
BY_AREA = re.compile(
    r"分(?:县市区|县区|区县|市县区|县市|县|地区|区域|地市|市|省份|省|城市|乡镇)(?:来看|看|情况)"
)
NUMBERING = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])\s*"
)
# Words that may stand before an area that opens a sentence (其中，兰山区…).
LEADING = re.compile(r"\s*(?:其中|另外|此外|同时|从地区看|分区域看)?\s*[，,：:]?\s*")
_END_MARKS = "。！？!?"
# 注：…, 注释：…, 说明：…: a footnote's line (figures.py proposes nothing from it).
FOOTNOTE = re.compile(r"\s*(?:注|注释|说明|备注)\s*\d*\s*[：:]")
HEADING_LENGTH = 24  # a line longer than this, or ending in a full stop, is text
# 山东省2017年国民经济和社会发展统计公报, 2017年临沂市国民经济和社会发展统计公报,
# 中华人民共和国2023年…: the title's area, before or after its year.
_TITLE_AREA = re.compile(
    rf"(?P<a>{_CJK}{{1,14}}?(?:{_SUFFIX_RE}|共和国|中国|全国))\s*\d{{4}}\s*年度?\s*"
    rf"(?:国民经济和社会发展)?统计公报"
    rf"|\d{{4}}\s*年度?\s*(?P<b>{_CJK}{{1,14}}?(?:{_SUFFIX_RE}|共和国|中国|全国))\s*"
    rf"(?:国民经济和社会发展)?统计公报"
)
# 2022年济南市国民经济和社会发展统计公报, 临沂市2017年…统计公报, 2022年度…统计公报 and a page's
# <title> with its site after it (…统计公报_济南市人民政府): a year and a communiqué's words
# are what makes a title, and its year (group 1)
TITLE_YEAR = re.compile(r"(\d{4})\s*年[^。]{0,40}?(?:统计公报|国民经济和社会发展)")
# a line with one is text (根据2016年…统计公报，…) or quotes a title (《2016年…统计公报》)
_TEXT_MARKS = "。，,；;！？!?《》“”"
TITLE_LENGTH = 60
BEFORE_TEXT = 500  # lines looked at for a title before the text begins, at most
OPENING = 5  # where no line reads as a title, its year and area are looked for in these


# 兰山区和罗庄区, 兰山区、罗庄区: places joined (not 和 opening a name: 和平区)
_JOINED = re.compile(r"(?<=.)[和与及、]")
# Common nouns that end in a place's suffix (区, 市, 镇, 乡): a topic of the whole text
# (七、城乡社区, 景区, 园区, 城镇), not a place's name — with only topic words before them.
# A proper name before one (沂蒙山景区, 临沂经济技术开发区) is still a place, and so are the
# parts of a city these do not list (城区, 市区, 开发区, 高新区, 山区: withheld as before).
COMMON_NOUNS = ("社区", "景区", "园区", "小区", "城乡", "城镇", "乡镇", "城市", "超市", "集市")
TOPIC_WORDS = (
    "旅游", "工业", "农业", "产业", "物流", "商贸", "文化", "科技", "生态", "居民", "住宅",
    "重点", "特色", "农村", "服务", "建设", "管理", "发展",
)  # fmt: skip
_COMMON = re.compile(
    "(?:" + "|".join(TOPIC_WORDS + COMMON_NOUNS) + ")*(?:" + "|".join(COMMON_NOUNS) + ")"
)


def is_place(text: str) -> bool:
    """The text (spaces and a closing colon aside) is a place's name and nothing more, or
    places joined by 和, 与, 及 or 、 — not a topic joined to one (城市建设和园区), nor common
    nouns alone (城乡社区, 旅游景区, 城市和社区: :data:`COMMON_NOUNS`). Only ever narrower than
    "every part ends in a place's suffix"."""
    parts = [part.strip() for part in _JOINED.split(text.strip().rstrip("：:").strip())]
    return all(PLACE_WORD.fullmatch(part) is not None for part in parts) and not all(
        _COMMON.fullmatch(part) for part in parts
    )


def heading_text(text: str) -> str | None:
    """The words of a heading line (numbering and a closing colon cut off), or None when
    the sentence is text: it ends in a full stop or is longer than a heading."""
    stripped = text.strip()
    if not stripped or stripped[-1] in _END_MARKS or len(stripped) > HEADING_LENGTH:
        return None
    m = NUMBERING.match(stripped)
    words = stripped[m.end() if m else 0 :].strip().rstrip("：:").strip()
    # a line with a number is a line of text (a table's row), which ends no section
    return None if any(ch.isdigit() for ch in words) else words


def stands_alone(places: Sequence[str | None], texts: Sequence[str], i: int) -> bool:
    """The place's heading ``texts[i]`` heads the lines under it: no place's line
    (``places[j]`` not None) just before or after it, and a line with words after it."""
    if i > 0 and places[i - 1] is not None:
        return False
    after = i + 1
    return after < len(texts) and places[after] is None and _CJK_RE.search(texts[after]) is not None


def title_area(lines: Sequence[str]) -> str | None:
    """The area a communiqué's title names (山东省, 中华人民共和国, 临沂市), from the first
    of ``lines`` that names one (the title :func:`document_title` found, folded to
    simplified script by the caller); None if none."""
    for text in lines:
        m = _TITLE_AREA.search(text)
        if m:
            return m.group("a") or m.group("b")
    return None


_BUREAU = (
    rf"(?:{_CJK}{{2,14}}?(?:省|市|县|区|州|盟|旗)统计局|国家统计局(?:{_CJK}{{2,8}}?调查总?队)?)"
)
# 济南市统计局 国家统计局济南调查队, 国家统计局: a line of issuers and nothing else
_BYLINE = re.compile(rf"{_BUREAU}(?:\s*{_BUREAU})*")
_BUREAU_AREA = re.compile(
    rf"(?P<area>{_CJK}{{2,14}}?(?:省|市|县|区|州|盟|旗))统计局|国家统计局(?!{_CJK})"
)


def issuer_area(lines: Sequence[str]) -> str | None:
    """The area of the first line that is a byline of statistics bureaus (济南市统计局
    国家统计局济南调查队 → 济南市; 国家统计局 → 全国), folded by the caller; None if none."""
    for text in lines:
        if _BYLINE.fullmatch(text.strip()):
            m = _BUREAU_AREA.search(text)
            if m:
                return m.group("area") or "全国"
    return None


def is_title(text: str) -> bool:
    """The line reads as a communiqué's title: a year and 统计公报 or 国民经济和社会发展, no
    clause's punctuation, no longer than a title (a sentence quoting one is text)."""
    text = text.strip()
    return (
        len(text) <= TITLE_LENGTH
        and not any(mark in text for mark in _TEXT_MARKS)
        and TITLE_YEAR.search(text) is not None
    )


def starts_text(text: str) -> bool:
    """The sentence is the communiqué's text, not its page's furniture: it ends in a full
    stop and says a figure, a clause or more than a heading (欢迎访问临沂市统计局！ and
    就业形势保持总体稳定。 do not), or it is a line of text broken before its full stop (a
    figure and a comma: pdftotext's lines)."""
    text = text.strip()
    digit = any(ch.isdigit() for ch in text)
    if digit and ("，" in text or "," in text):
        return True
    return bool(text) and text[-1] in _END_MARKS and (digit or len(text) > HEADING_LENGTH)


def before_text(texts: Sequence[str]) -> list[str]:
    """The lines before the text begins (:func:`starts_text`; a title never begins it), at
    most ``BEFORE_TEXT``, folded to simplified script by the caller."""
    out: list[str] = []
    for text in texts[:BEFORE_TEXT]:
        if not is_title(text) and starts_text(text):
            break
        out.append(text)
    return out


def document_title(headings: Sequence[str], lines: Sequence[str]) -> str | None:
    """The document's title (all folded to simplified script by the caller): the first of
    a page's ``<title>`` and ``<h1>`` (``headings``) that reads as a title, else the last
    line before the text (``lines``: :func:`before_text`) that does; None if none."""
    for text in headings:
        if is_title(text):
            return text.strip()
    titles = [text.strip() for text in lines if is_title(text)]
    return titles[-1] if titles else None
