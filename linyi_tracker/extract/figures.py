"""The figures of a communiqué's sentences: what each number is, by rules one can read.

A sentence is looked at when it names an indicator of the plan (its zh or en name or
one of its ``aliases``, the longest name first). Each number in it belongs to the
nearest indicator named before it, in the nearest period named before it (全年, 12月份,
今年8月底, 2016年, 上年为/去年为 the year before, …; else the document's year), for the nearest region named before it
(else ``--region``, else the plan's region the title names, else the city; 全市, 全县, 本区,
我市 … name that document's own area: 全区 in 兰山区's communiqué is 兰山区, 全市 in 济南市's is
not the plan's city) — unless a clause between the name and the number opens
with a subject of its own: after ，；、：, 和 or 以及 (outside brackets), past periods, region
names and the words that go on about the clause before (增长, 比上年, 其中, 分别, 扣除价格因素
…), a Chinese word that is no name of the plan, or letters written onto one (城镇新增就业12.3万人，
农村劳动力转移就业8.6万人; …增长8.4%；农村居民人均可支配收入11652元，增长8.6%; CPI同比上涨
2.8%). The numbers from there to the next name of the plan, the growth rate after that
subject too, are the subject's: never proposed nor listed (a target or completion ratio,
完成年度计划的99.34%, is still listed as skipped). So are the numbers after a name the
clause makes part of a longer subject: words before it other than periods, regions, those
continuing words and a list's numbering (31个大城市城镇调查失业率), or 中位数, 指数, 排名, 位次
after it. These rules only withhold. So do the area rules (areas.py): an area the plan
does not name is another area — a clause that is only a place's name (济南市：…), a region
written onto a smaller place (临沂经济技术开发区), 分县区看; a number after none of the
sentence's areas is withheld when its paragraph opened with another area or a county, or a
heading line above names one (``paragraph-area``), or the title (with no title, the
bureau that signs the text) is another area's communiqué (``title-area``, said once a
file; ``--region`` overrides); 全区, 全县 … in a text whose area neither a title nor
``--region`` names are the analyst's to name (``own-area``). Then, in this order:

- a number that is part of a date or an ordinal (2023年, 8月, 第3位) is no figure;
- in a clause that says 目标, 计划, 预期, 力争, 确保, 任务, 规划 or 争取, it is a target or a
  completion ratio (完成年度计划的99.34%), never proposed;
- one end of a range (8.37万到9万人, 8.37～9万, 8至9万) or a forecast (预计, 或将达, 有望)
  is not read; nor are two or more numbers after 分别 (…12000元，分别增长8.1%和8.6%): each
  goes with one of the items listed before it, not all with the name, region or period
  nearest before them;
- ``N个百分点`` is a change in points, never a growth rate;
- a figure in a unit the plan cannot read, with the same figure beside it in brackets in
  another unit (69541万吨（13908亿斤）), is restated: the one in the plan's unit is read;
- after 其中 it is a part of the whole; after 占 a share; 约, 近, 超过, 超, 突破, 不足,
  至少, 最多, ``N以上`` … a bound (达到 states the figure);
- in a footnote (a line opening with 注：, 注释：, 说明：) nothing is proposed: a note
  defines or restates, it does not report (``footnote``);
- after a verb of change (增长, 增产, 下降, 减少 …), past an aside in brackets
  (增长（以下如无特别说明，均为名义增长）7.9%) or a note's mark (增长[3]3.1%, whose number
  is never a figure): with ``%`` a growth rate on the previous year (signed; 实际增长,
  扣除价格因素, 可比价, 不变价 and 年均增长 are skipped: price-adjusted, or an average over
  years), with a unit an absolute change (比上年增加888万吨), never a level; a growth on
  another base year than the previous one (比2015年, 和2015年相比) is not read (``base-year``),
  nor one after 上年/去年 with no 比 (上年增长8.5%: last year's growth, or growth on last
  year? ``unclear``);
- compared with another period without such a verb (比上年多63万人, 与上年相比多…), a
  change too. A comparison is one rule (``_versus``: 比上年, 较上年, 相比上年, 高于上年,
  与/和/同/跟 上年（同期）相比, 比2015年): its year is a base, never a figure's period, and
  its 和 joins no subjects;
- otherwise, in the indicator's unit (or one the plan converts exactly, 万人 → 人; ``%``
  for a percent indicator), a level.

What the rules cannot place is listed as *not read* with its sentence — never guessed.
Values and units are written as the text gives them (``8.37``, ``万人``); the reader's
unit rules convert them. Nothing here raises on any text.

Long because it is the rule book above, one function a rule, in the order the rules apply;
splitting it would scatter an order that matters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal

from linyi_tracker.actuals.lookup import PlanLookup
from linyi_tracker.actuals.numbers import MAGNITUDE_WORDS
from linyi_tracker.actuals.units import LONGER_UNIT, unit_at, unit_factor
from linyi_tracker.extract import areas as area_rules
from linyi_tracker.extract.document import Document, Sentence
from linyi_tracker.plan.models import Indicator, Plan, Unit
from linyi_tracker.plan.script import simplified

Measure = Literal["level", "growth"]
Span = tuple[int, int]

# Why a number is not proposed (labels "extract.skip.<code>" in i18n.py).
SkipReason = Literal[
    "target",
    "completion",
    "points",
    "change",
    "component",
    "share",
    "bound",
    "real",
    "average",
    "restated",
]
# Why a sentence about an indicator is not read (labels "extract.not_read.<code>").
NotReadReason = Literal[
    "no-figure",
    "unclear",
    "unit",
    "other-area",
    "own-area",
    "not-a-number",
    "several",
    "base-year",
    "part-year",
    "range",
    "forecast",
    "respectively",
    "paragraph-area",
    "title-area",
    "footnote",
]
# What a number with no area named before it in its sentence falls back to, besides a
# region id: the paragraph or heading above is about another area or a county, or the
# document's title is another area's (areas.py).
PARAGRAPH = "@paragraph"
TITLE = "@title"
# 全区, 全县 … in a text whose area neither a title nor --region names, when the plan has
# regions whose name ends so: a county's own communiqué, most likely — withheld, and the
# analyst told to name the area with --region (not "another area": that is no fix).
UNNAMED = "@unnamed"


@dataclass(frozen=True)
class Proposed:
    """One row proposed for the submission file."""

    indicator: str
    period: str  # canonical (2016, 2016-08, 2016Q3), or the text's words when the year is unknown
    region: str
    value: str  # the decimal text as written (signed for a fall)
    unit: str  # as written: 万吨, 万人, %
    measure: Measure
    sentence: str
    span: Span  # the figure (number and unit) in the sentence
    file: str
    line: int
    year_known: bool = True
    year_word: str = ""  # 今年 / 去年 / 全年 when the year had to come from elsewhere


@dataclass(frozen=True)
class Skipped:
    """A number in a sentence about an indicator that is not one of its figures."""

    indicator: str
    text: str
    reason: SkipReason
    sentence: str
    span: Span
    file: str
    line: int


@dataclass(frozen=True)
class NotRead:
    """A sentence about an indicator that the rules cannot read with confidence."""

    indicator: str
    reason: NotReadReason
    sentence: str
    span: Span | None
    file: str
    line: int


@dataclass
class Extraction:
    rows: list[Proposed] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_read: list[NotRead] = field(default_factory=list)
    sentences: int = 0  # sentences looked at
    year_from_title: int | None = None
    # (file, area) for each document whose title names another area than the plan's city:
    # nothing of it given to the city unless --region says so
    title_areas: list[tuple[str, str]] = field(default_factory=list)


def fold_same_length(text: str) -> str:
    """Full-width digits and signs folded (NFKC), lower case, one character for one, so
    that positions found in the folded text are positions in the sentence."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch).lower()
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


TARGET_WORDS = ("目标", "计划", "预期", "力争", "确保", "任务", "规划", "争取")
OUTSIDE_AREAS = ("全国", "全省", "山东省", "全球", "世界")
# "Our country", "our province", "the whole city", "our county": the document's own area —
# the region --region names, else the plan's region its title names, else the plan's city —
# when that area's name ends so (全区 in 兰山区's communiqué is 兰山区), else the city it lies
# in (全市 in a county's text), else another area than the plan's (a provincial communiqué
# read with a city's plan: 我省新增城镇就业119.98万人 is not the city's figure; 全市 in
# 济南市's communiqué is Jinan; 全国…33616元，我市…32000元 gives the city's after the country's).
OWN_AREAS: dict[str, tuple[str, ...]] = {
    "我国": ("全国", "中国"),
    "我省": ("省",),
    "本省": ("省",),
    "全市": ("市",),
    "我市": ("市",),
    "本市": ("市",),
    "全区": ("区",),
    "我区": ("区",),
    "本区": ("区",),
    "全县": ("县",),
    "我县": ("县",),
    "本县": ("县",),
}
OWN = "@own:"  # a name's id standing for the document's own area, OWN + the word (OWN_AREAS)
# Two-character verbs only: a lone 增 ends 新增, which names a figure, not its change.
_UP = ("增长", "增产", "增收", "上涨", "上升", "提高", "增加", "提升")
_DOWN = ("下降", "减产", "减收", "下跌", "回落", "降低", "减少")


def _versus(base: str) -> re.Pattern[str]:
    """A comparison with another year, the one rule for its spellings: 比上年, 较上年, 相比上年,
    高于上年, 与/和/同/跟 上年（同期）相比 or 比, 比2015年. Its year is the base of a change,
    never the period of a figure (和上年相比增长3% is this year's growth), and what follows
    it goes on about the clause before (和 does not open a subject there)."""
    return re.compile(
        rf"(?:[比较]|[高低多少快慢]于|相比|(?P<pair>[与和同跟]))\s*{base}(?:同期|末|底)?"
        r"(?(pair)\s*(?:相比较?|比较?))"
    )


_VERSUS = _versus(r"(?:上一?年|去年|(?P<y>\d{4})\s*年)")
# 比2015年, 与2015年相比: a base year named by its number (checked against the figure's year)
_BASE_YEAR = _versus(r"(?P<y>\d{4})\s*年")
# 比上年多63万人: compared with another period, whatever the verb — a change, not a level.
_COMPARED = re.compile(rf"{_VERSUS.pattern}|[比较]\s*(?:上月|上季度|同期)|同比|环比")
_CHANGE = re.compile("(" + "|".join(sorted(_UP + _DOWN, key=len, reverse=True)) + r")了?\s*$")
_CHANGE_AHEAD = re.compile(r"\s*(?:" + "|".join(_UP + _DOWN) + ")")
# A bound, not a figure: 超过8万人, 不足8万人, 至少…; but 达到8.37万人 states the figure.
_BOUND_BEFORE = re.compile(
    r"(约|近|超过|逾|接近|不低于|不超过|不少于|大约|将近|不足|不到|低于|高于|少于|多于|至少|"
    r"最少|最多|至多|未达到|未达|未超过|达不到|突破|超)\s*$"
)  # 突破8万人, 超8万人: more than 8万, not 8万
# 预计1300万人, 或将达…, 有望…: a forecast, not an actual (力争/目标 are targets, above).
_FORECAST = re.compile(r"预计|预测|预期|估计|或将|有望|可望|将达|将超")
_RANGE_SEP = r"\s*[-—–~～〜至到]\s*"
_BOUND_AFTER = re.compile(r"\s*(以上|以下|以内|左右|多|余|上下)")
_CLAUSE_END = "，,；;。！？!?：:（）()"
_NUMBER = re.compile(r"(?<![\d.])[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?![\d])")
# 万, 亿, 万亿 — the number parser's table, longest first.
_MAGNITUDE = tuple(word for word, _ in MAGNITUDE_WORDS)
_MAGNITUDE_RE = "(?:" + "|".join(_MAGNITUDE) + ")"
_DATE_AFTER = re.compile(r"\s*(?:年|月|日|号|季度|周年|位|次会议|届)")
# 到2020年: a deadline, what is due by then (截至/截止到2016年8月底 is a date of an actual).
_DEADLINE = re.compile(r"(?<![至止])到\s*\d{4}\s*年")
_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_SPACES = re.compile(r"\s*")


def _past_spaces(f: str, at: int) -> int:
    m = _SPACES.match(f, at)
    return m.end() if m else at


# 69541万吨（13908亿斤）: the same figure in two units, one in brackets — a number and its
# unit, then an opening bracket, just before a number (or such a bracket just after one).
_UNIT_WORD = r"[^\d\s，,；;。（）()%]{1,6}"
_RESTATED = re.compile(rf"\d\s*(?P<unit>{_UNIT_WORD})\s*[（(]\s*$")
_UNIT_AFTER = re.compile(_UNIT_WORD)
_RESTATES = re.compile(
    rf"[^\d\s，,；;。（）()]{{0,6}}\s*[（(]\s*\d[\d.,]*\s*(?P<unit>{_UNIT_WORD})\s*[）)]"
)
_TAIL = 40  # the words just before a number that can make it a bound or a change
# 增长（以下如无特别说明，均为可比价）7.9%: an aside in brackets, no digits in it, just
# before a number: the words before it are the number's (its verb, its bound).
_ASIDE = re.compile(r"(?:[（(][^（）()\d]{1,60}[）)]|[\[［]\d{1,2}[\]］])\s*$")
# 地区生产总值[2]为12027.5亿元, 增长[3]3.1%: a note's mark, whose number is no figure.
_NOTE_MARK = re.compile(r"[\[［]\d{1,2}[\]］]")

# A clause of a sentence starts after one of these (outside brackets: 69541万吨（13908亿斤）
# and 增长（以下如无特别说明，均为同比名义增长）7.9% are one clause each); 和 and 以及 join
# two subjects (城镇新增就业12.3万人和农村劳动力转移就业8.6万人) as a comma does (a lone 及
# is left out: 普及率, 涉及 …).
_SUBJECT_MARKS = re.compile(r"[,;:、，；：]|以及|和")
# What may open a clause that goes on about the subject of the clause before it (增长8.4%,
# 比上年增加888万吨, 扣除价格因素，实际增长6.5%, 其中, 分别, 全年 …), gathered from national,
# Shandong and Linyi communiqués. A clause that opens with other words (农村劳动力转移就业8.6万人,
# 农村居民人均可支配收入11652元, 第二产业增加值1756.43亿元) has a subject of its own.
_CONTINUING = (
    "增长", "下降", "增加", "减少", "增产", "减产", "增收", "减收", "上涨", "下跌", "上升",
    "回落", "提高", "降低", "提升", "持平", "多增", "少增", "名义", "实际", "扣除价格因素",
    "按可比价格计算", "按不变价格计算", "按可比口径计算", "按可比口径", "比上年末", "比上年同期", "比上年",
    "比去年", "比上月", "比年初", "与上年", "与去年", "相比", "比", "较", "同比", "环比", "增幅", "增速",
    "涨幅", "降幅", "达到", "达", "为", "是", "共计", "合计", "总计", "累计", "共", "其中",
    "全年", "年末", "年底", "年初", "分别", "均", "占", "完成", "超额完成", "超", "相当于",
    "首次", "已", "再", "又", "并", "截至到", "截止到", "截至", "截止", "我市", "我省",
    "本市", "该市", "全县", "全区", "全省", "全市", "预计", "预测", "估计", "或将", "有望",
    "可望", "将", "明年", "当年", "本年", "上年", "稳步", "持续", "大幅", "小幅", "快速",
    "较快", "平稳", "实现", "我国", "以来", "共有", "有", "到", "年内", "本年度", "目前",
    "已经", "总共",
)  # fmt: skip
# a comparison (比上年多, 和上年相比) first: its 和 opens no subject, nor 多/少 after it
_CONTINUES = re.compile(
    rf"(?:{_VERSUS.pattern})\s*[多少高低]?|" + "|".join(sorted(_CONTINUING, key=len, reverse=True))
)
# A subject: a Chinese word, or letters written onto one (CPI同比上涨2.8%, gdp增长 — the text
# is read lower case); English words (up 5%) are not told apart, and go on as before.
# Words before a name of the plan that make a longer subject of it: a Chinese word, or a
# number written onto one (31个大城市, 16-24岁); 1. and （一） numbering a list do not.
_QUALIFIER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[\d.~\-—–～]+[\u3400-\u9fff]")
# Words after a name of the plan that make another statistic of it (城镇居民人均可支配收入
# 中位数18048元 is not the mean the plan follows).
_SUFFIX = re.compile(r"\s*(?:中位数|指数|排名|位次)")
_NUMBERING = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])"
)
_OWN_SUBJECT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“‘《「『]|[a-z][a-z&]*[\u3400-\u9fff]")


class _Marks:
    """Where a pattern occurs in a sentence, found once: whether one lies in ``[lo, hi)``
    is a binary search, so a long sentence's numbers cost no rescan each (the sentence of
    4,000 clauses took 11 s when every number searched the text before it)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.found = list(pattern.finditer(text))
        self.starts = [m.start() for m in self.found]

    def first(self, lo: int, hi: int) -> re.Match[str] | None:
        i = bisect_left(self.starts, lo)
        while i < len(self.found) and self.found[i].start() < hi:
            if self.found[i].end() <= hi:
                return self.found[i]
            i += 1
        return None

    def within(self, lo: int, hi: int) -> bool:
        return self.first(lo, hi) is not None

    def last_end(self, lo: int, hi: int) -> int:
        """The end of the last occurrence inside ``[lo, hi)``, else ``lo``."""
        i = bisect_left(self.starts, hi) - 1
        while i >= 0 and self.found[i].start() >= lo:
            if self.found[i].end() <= hi:
                return self.found[i].end()
            i -= 1
        return lo


_TARGET = re.compile("|".join(TARGET_WORDS))
# Price-adjusted growth: 实际增长, 扣除价格因素, 可比价 and 不变价 (按可比价格计算, 按不变价格
# 计算; 增长（…均为可比价）7.9%).
_REAL = re.compile("实际|扣除价格因素|可比价|不变价")


class _Text:
    """A sentence looked at once: its clause ends, names and marks, for every number."""

    def __init__(self, f: str, mentions: list[tuple[int, int, frozenset[str]]]) -> None:
        self.f = f
        self.mentions = mentions
        self.mention_ends = [e for _, e, _ in mentions]
        self.clause_ends = [i for i, ch in enumerate(f) if ch in _CLAUSE_END]
        chars = list(f)  # the indicator names blanked (a name may hold 计划 …)
        for start, end, _ in mentions:
            chars[start:end] = " " * (end - start)
        self.blanked = "".join(chars)
        deadlines = [m.end() for m in _DEADLINE.finditer(f)]
        self.deadline = min(deadlines) if deadlines else len(f) + 1
        self.part = _Marks(re.compile("其中"), f)
        self.share = _Marks(re.compile("占"), f)
        self.compared = _Marks(_COMPARED, f)
        self.real = _Marks(_REAL, f)
        self.percent = _Marks(re.compile("%"), f)
        self.base = _Marks(_BASE_YEAR, f)
        self.forecast = _Marks(_FORECAST, self.blanked)
        self.clauses: dict[Span, tuple[bool, bool, bool]] = {}

    def clause(self, a: int, b: int) -> tuple[int, int]:
        """The clause around ``f[a:b]``: from after the last clause mark before it to the
        first at or after its end."""
        i = bisect_left(self.clause_ends, a)
        start = self.clause_ends[i - 1] + 1 if i else 0
        j = bisect_left(self.clause_ends, b)
        return start, self.clause_ends[j] if j < len(self.clause_ends) else len(self.f)

    def clause_words(self, start: int, end: int) -> tuple[bool, bool, bool]:
        """Whether the clause (names blanked) says a target word, 完成, or 年均: each
        clause read once. Keyed by both ends: an aside or a restated figure moves a
        number's start back to the clause before it, whose own numbers end sooner."""
        if (start, end) not in self.clauses:
            text = self.blanked[start:end]
            self.clauses[start, end] = (
                _TARGET.search(text) is not None,
                "完成" in text,
                "年均" in text or "平均每年" in text,
            )
        return self.clauses[start, end]


@dataclass(frozen=True)
class _Skip:
    reason: SkipReason
    span: Span


@dataclass(frozen=True)
class _Unread:
    reason: NotReadReason
    span: Span


@dataclass(frozen=True)
class _Period:
    start: int
    year: int | None
    months: int  # 12 for a year
    kind: Literal["year", "quarter", "month"]
    words: str  # the text as written
    year_word: str  # 今年 / 去年 / 全年 / "" (an explicit year)
    # 上年增长8.5% (no 比): the previous year's growth, or growth on the previous year —
    # the Chinese says either; a growth rate after it is not read (unclear)
    vague: bool = False

    def text(self) -> str:
        if self.year is None:
            return self.words
        if self.kind == "year":
            return str(self.year)
        if self.kind == "quarter":
            return f"{self.year}Q{self.months // 3}"
        return f"{self.year}-{self.months:02d}"


_RANGE = r"(?:1\s*[-—–~至到]\s*)?"
_PERIODS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(rf"(?<!\d)(?P<y>\d{{4}})\s*年\s*{_RANGE}(?P<m>\d{{1,2}})\s*月(?:份|底|末)?"),
        "month",
    ),
    (
        re.compile(
            r"(?<!\d)(?P<y>\d{4})\s*年\s*(?:第?(?P<q>[一二三四1-4])季度|(?P<h>上半年)|(?P<t>前三季度))(?:末)?"
        ),
        "quarter",
    ),
    (re.compile(r"(?<![比较与\d])(?P<y>\d{4})\s*年(?:底|末|全年)?(?![\d月])"), "year"),
    (re.compile(rf"今年\s*{_RANGE}(?P<m>\d{{1,2}})\s*月(?:份|底|末)?"), "month-this"),
    (
        re.compile(r"今年\s*(?:第?(?P<q>[一二三四])季度|(?P<h>上半年)|(?P<t>前三季度))"),
        "quarter-this",
    ),
    # 去年为…, 上年末为…: the year before's figure; not 比上年 / 高于上年 / 与上年相比 / 上年同期
    # (a comparison, or part of a year).
    (
        re.compile(
            r"(?<![比较同与和于])(?:去年|上年)(?:末|底)?(?!\s*(?:相比|比较|持平|同期|同月))"
        ),
        "last-year",
    ),
    (re.compile(r"今年"), "this-year"),
    (re.compile(rf"(?<![\d年])(?<!第){_RANGE}(?P<m>\d{{1,2}})\s*月(?:份|底|末)?"), "month-default"),
    (re.compile(r"(?:第?(?P<q>[一二三四])季度|(?P<h>上半年)|(?P<t>前三季度))"), "quarter-default"),
    (re.compile(r"全年"), "whole-year"),
)


class Extractor:
    """The plan's names, built once, applied to every sentence of every document."""

    def __init__(self, plan: Plan, *, year: int | None = None, region: str | None = None) -> None:
        self.plan = plan
        self.lookup = PlanLookup(plan)
        self.year = year
        self.region = region or plan.city.id
        self.region_given = region is not None  # --region: the title's area does not apply
        by_name: dict[str, set[str]] = {}
        for ind in plan.indicators:
            for name in (ind.name.zh, ind.name.en, *ind.aliases):
                key = fold_same_length(name.strip())
                if len(key) >= 2:
                    by_name.setdefault(key, set()).add(ind.id)
        self.indicator_names = sorted(by_name.items(), key=lambda kv: -len(kv[0]))
        regions: dict[str, str] = {}
        for reg in plan.regions:
            for name in (reg.name.zh, reg.name.en, *reg.aliases):
                key = fold_same_length(name.strip())
                if len(key) >= 2:
                    regions.setdefault(key, reg.id)
        for word in OWN_AREAS:
            regions[word] = OWN + word  # the document's area, whatever a region's aliases say
        for area in OUTSIDE_AREAS:
            regions.setdefault(area, "")  # "" = outside the plan's area
        self.region_names = sorted(regions.items(), key=lambda kv: -len(kv[0]))
        self.region_by_name = regions
        self.unit_texts = sorted(
            {
                fold_same_length(n)
                for u in plan.units
                for n in (u.name.zh, u.name.en, u.id, *u.aliases, *u.conversions)
                if n.strip() and fold_same_length(n) != "%"
            },
            key=len,
            reverse=True,
        )
        # 8.37万到9万人, 8.37～9万, 8.37-9.1万人, 8至9万: two numbers joined by a range sign.
        units = "|".join(["%", *(re.escape(u) for u in self.unit_texts)])
        self.range_after = re.compile(rf"\s*{_MAGNITUDE_RE}?\s*(?:{units})?{_RANGE_SEP}[-−]?\d")
        self.range_before = re.compile(rf"\d\s*{_MAGNITUDE_RE}?\s*(?:{units})?{_RANGE_SEP}$")

    # documents

    def extract(self, documents: Iterable[Document]) -> Extraction:
        result = Extraction()
        for doc in documents:
            # the document's title (areas.py), in simplified script: its year, its area
            title = area_rules.document_title(
                [fold_same_length(simplified(h)) for h in doc.headings],
                area_rules.before_text(
                    [
                        fold_same_length(simplified(s.text))
                        for s in doc.sentences[: area_rules.BEFORE_TEXT]
                    ]
                ),
            )
            # no line reads as a title: the opening sentences, as before (a sentence quoting
            # 2016年济南市…统计公报 there still names the document's area: withheld)
            head = (
                [title]
                if title is not None
                else [
                    fold_same_length(simplified(s.text))
                    for s in doc.sentences[: area_rules.OPENING]
                ]
            )
            title_year = self.year if self.year is not None else _title_year(head)
            if self.year is None and title_year is not None and result.year_from_title is None:
                result.year_from_title = title_year
            fallback = self._document_region(doc.path, head, result)
            named = self.region_given or area_rules.title_area(head) is not None
            own = self._own_areas(fallback, named)
            section: str | None = None  # the area of a heading line above (areas.py)
            paragraph: tuple[int, str] | None = None  # (line, area) a sentence opened with
            note_line = 0  # the line of a footnote (注：…): its figures are not proposed
            texts = [s.text for s in doc.sentences]
            headings = [area_rules.heading_text(text) for text in texts]
            places = [
                None if h is None else self._place(fold_same_length(simplified(h)), own)
                for h in headings
            ]
            for i, sentence in enumerate(doc.sentences):
                result.sentences += 1
                if headings[i] is not None:  # still read: a table's row has no full stop either
                    alone = area_rules.stands_alone(places, texts, i)
                    section = places[i] if alone else None
                    paragraph = None
                carried = paragraph[1] if paragraph and paragraph[0] == sentence.line else section
                here = fallback
                if carried is not None and carried != fallback and fallback != TITLE:
                    here = PARAGRAPH
                if area_rules.FOOTNOTE.match(sentence.text):
                    note_line = sentence.line
                footnote = note_line == sentence.line
                lead = self.sentence(sentence, doc.path, title_year, result, here, footnote, own)
                if lead is not None:
                    paragraph = (sentence.line, lead)
        # The title's reason once a document, at its first sentence (areas.py).
        seen: set[str] = set()
        kept: list[NotRead] = []
        for n in result.not_read:
            if n.reason == "title-area":
                if n.file in seen:
                    continue
                seen.add(n.file)
            kept.append(n)
        result.not_read = kept
        return result

    def _place(self, text: str, own: dict[str, str]) -> str | None:
        """The area a heading names: a region of the plan by its name (全县: the document's,
        ``own``), another place (""), or None when the heading is not a place's name."""
        text = text.strip()
        if text in self.region_by_name:
            region = self.region_by_name[text]
            return own.get(region, region)
        return "" if area_rules.is_place(text) else None

    def _own_areas(self, document: str, named: bool = True) -> dict[str, str]:
        """What 全市, 全县, 我省 … (OWN_AREAS) name in a document whose region is
        ``document`` (TITLE: another area's communiqué): that region when its name ends so,
        else the plan's city when its name does (全市 in a county's text), else another
        area (""), or UNNAMED when neither a title nor --region named the document's area
        (``named``) and a region of the plan's name ends so (全区 with no title: name the
        county with --region). In another area's communiqué they are its area (TITLE:
        withheld with the title's reason, which --region overrides). Keyed by the words' ids
        in ``region_names``."""
        if document == TITLE:
            return {OWN + word: TITLE for word in OWN_AREAS}
        places = [self.plan.region_by_id[document], self.plan.city]
        own: dict[str, str] = {}
        for word, ends in OWN_AREAS.items():
            region = next((r.id for r in places if r.name.zh.endswith(ends)), "")
            if (
                not region
                and not named
                and any(r.name.zh.endswith(ends) for r in self.plan.regions)
            ):
                region = UNNAMED
            own[OWN + word] = region
        return own

    def _document_region(self, path: str, head: list[str], result: Extraction) -> str:
        """The region of a document's sentences that name none: --region, else the area of
        its title when that is the plan's city or one of its regions (alone or after the
        city's name: 临沂市兰山区), else TITLE (another area: nothing for the city), else the
        city. With no title, a byline of another area's bureau (济南市统计局, 兰山区统计局) is
        TITLE too; the city's own (临沂市统计局) changes nothing: a byline only withholds."""
        if self.region_given:
            return self.region
        area = area_rules.title_area(head)
        if area is None:
            byline = area_rules.issuer_area(head)
            city = self.plan.city
            own = {n for n, r in self.region_names if r == city.id} | {city.name.zh}
            if city.name.zh in ("全国", "中国"):
                own.add("全国")  # 国家统计局 is a country's plan's own bureau
            if byline is not None and byline not in own:
                result.title_areas.append((path, byline))
                return TITLE
            return self.region
        if area in OWN_AREAS:  # 2017年全市…统计公报 names no area
            return self.region
        city = self.plan.city
        if area in ("中华人民共和国", "中国", "全国") and city.name.zh in ("全国", "中国"):
            return city.id
        # a county after another city's name (天津市河东区) is another area
        city_names = tuple(n for n, r in self.region_names if r == city.id)
        for name, region in self.region_names:
            if region and not region.startswith(OWN) and area.endswith(name) and len(name) >= 2:
                before = area[: -len(name)]
                if region == city.id or not before or before.endswith(city_names):
                    return region
        result.title_areas.append((path, area))
        return TITLE

    # one sentence

    def sentence(
        self,
        sentence: Sentence,
        path: str,
        default_year: int | None,
        out: Extraction,
        fallback: str | None = None,
        footnote: bool = False,
        own: dict[str, str] | None = None,
    ) -> str | None:
        """Read one sentence into ``out``; ``fallback`` is the region of numbers after no
        area of the sentence (the city, a county, or PARAGRAPH / TITLE: withheld), ``own``
        what 全市, 全县 … name in its document (:meth:`_own_areas`). Returns the area the
        sentence opens with (a region id, "" for another area), if any."""
        s = sentence.text
        here = self.region if fallback is None else fallback
        if own is None:
            own = self._own_areas(self.region, self.region_given)
        # Read in simplified script, one character for one: spans stay the published
        # sentence's, which the review shows (臨沂市…8.37萬人).
        f = fold_same_length(simplified(s))
        claimed = [False] * len(f)
        mentions = _find(f, self.indicator_names, claimed)
        periods = self._periods(f, default_year)
        areas = self._areas(f, mentions, periods, own)
        lead = _lead(f, areas, periods)
        if not mentions:
            return lead
        taken = [False] * len(f)
        for p in periods:
            for i in range(p.start, p.start + len(p.words)):
                taken[i] = True
        for start, end, _ in mentions:
            for i in range(start, end):
                taken[i] = True
        for mark in _NOTE_MARK.finditer(f):
            for i in range(mark.start(), mark.end()):
                taken[i] = True
        text = _Text(f, mentions)
        subjects = _Subjects(f, mentions, areas, periods)
        numbers = [m.start() for m in _NUMBER.finditer(f) if not any(taken[m.start() : m.end()])]
        area_ends = [e for _, e, _ in areas]
        rows: list[Proposed] = []
        touched: dict[str, bool] = {}  # indicator id → some number was placed (row or skip)
        unread: list[NotRead] = []
        for m in _NUMBER.finditer(f):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            ind_ids = _latest(mentions, text.mention_ends, a)
            if ind_ids is None:
                continue
            if len(ind_ids) != 1:
                continue  # an alias shared by two indicators: left to the analyst below
            (ind_id,) = ind_ids
            ind = self.plan.indicator_by_id[ind_id]
            verdict = self._number(text, m, ind, (areas, area_ends), periods, default_year, here)
            if verdict is not None and not (
                isinstance(verdict, _Skip) and verdict.reason in ("target", "completion")
            ):
                if subjects.another(a):
                    continue  # 农村劳动力转移就业8.6万人 after 城镇新增就业12.3万人: not its figure
                if subjects.respectively(a, numbers):
                    unread.append(NotRead(ind_id, "respectively", s, (a, b), path, sentence.line))
                    continue
            if isinstance(verdict, Proposed) and footnote:
                verdict = _Unread("footnote", verdict.span)
            if isinstance(verdict, Proposed):
                rows.append(_placed(verdict, s, path, sentence.line))
                touched[ind_id] = True
            elif isinstance(verdict, _Skip):
                a, b = verdict.span
                out.skipped.append(
                    Skipped(ind_id, s[a:b], verdict.reason, s, verdict.span, path, sentence.line)
                )
                touched[ind_id] = True
            elif isinstance(verdict, _Unread):
                unread.append(NotRead(ind_id, verdict.reason, s, verdict.span, path, sentence.line))
        rows = self._one_figure_each(rows, unread, s)
        out.rows += rows
        # One row per indicator and reason of a sentence (three grain numbers refused for
        # their unit are one sentence to look at, not three), marked at its first figure.
        seen: set[tuple[str, str]] = set()
        for n in unread:
            if (n.indicator, n.reason) not in seen:
                seen.add((n.indicator, n.reason))
                out.not_read.append(n)
        # A sentence naming an indicator with nothing placed for it is listed, not dropped.
        listed = {n.indicator for n in unread} | {r.indicator for r in rows}
        for _, _, ids in mentions:
            for ind_id in sorted(ids):
                if ind_id not in touched and ind_id not in listed:
                    reason: NotReadReason = "unclear" if numbers or len(ids) > 1 else "no-figure"
                    out.not_read.append(NotRead(ind_id, reason, s, None, path, sentence.line))
                    listed.add(ind_id)
        return lead

    def _areas(
        self,
        f: str,
        mentions: list[tuple[int, int, frozenset[str]]],
        periods: list[_Period],
        own: dict[str, str],
    ) -> list[tuple[int, int, frozenset[str]]]:
        """The areas a sentence names, in order: the plan's regions, the outside areas it
        knows and the document's own (全市, 全县: ``own``), then what areas.py finds where
        those do not say (a clause that is a place's name, a region written onto a smaller
        place, 分县区看): another area ("")."""
        known = [
            (start, end, frozenset(own.get(i, i) for i in ids))
            for start, end, ids in _find(f, self.region_names, [False] * len(f))
        ]
        starts = {start for start, _, _ in mentions}
        other = frozenset({""})
        found: list[tuple[int, int, frozenset[str]]] = []
        known_starts = [start for start, _, _ in known]  # sorted, as _find returns them
        mention_starts = sorted(starts)
        for start, end, ids in known:
            sub = area_rules.SUBAREA.match(f, end)
            if sub is not None and sub.end() > end:
                after = _past_spaces(f, sub.end())
                i = bisect_left(known_starts, end)
                inside = i < len(known_starts) and known_starts[i] < sub.end()
                if not inside and (after >= len(f) or f[after] in _CLAUSE_END or after in starts):
                    found.append((start, sub.end(), other))  # 临沂经济技术开发区, 兰山区枣园镇
                    continue
            found.append((start, end, ids))
        period_ends = {p.start: p.start + len(p.words) for p in periods}
        taken = [False] * len(f)
        for start, end, _ in found:
            for i in range(start, end):
                taken[i] = True
        for m in area_rules.BY_AREA.finditer(f):
            if not any(taken[m.start() : m.end()]):
                found.append((m.start(), m.end(), other))
        # a clause that is nothing but a place's name: 济南市：…, 其中，青岛市，…
        bounds = [0] + [i + 1 for i, ch in enumerate(f) if ch in "，,；;：:、"] + [len(f) + 1]
        places: list[tuple[int, int]] = []
        for lo, hi in pairwise(bounds):
            p = _past_opening(f, lo, period_ends)
            # up to the clause's end, or to a name of the plan (济南市城镇新增就业15.2万人)
            i = bisect_left(mention_starts, p)
            q = hi - 1
            if i < len(mention_starts) and mention_starts[i] < q:
                q = mention_starts[i]
            word = f[p:q].strip()
            if word and word not in self.region_by_name and area_rules.is_place(word):
                places.append((p, q))
        if places:  # a known name inside the place (临沂 in 临沂市某区：) gives way to it
            cut = [p for p, _ in places]
            ends = [q for _, q in places]

            def in_place(at: int) -> bool:
                j = bisect_right(cut, at) - 1
                return j >= 0 and at < ends[j]

            found = [a for a in found if not in_place(a[0])] + [(p, q, other) for p, q in places]
        return sorted(found)

    def _one_figure_each(
        self, rows: list[Proposed], unread: list[NotRead], s: str
    ) -> list[Proposed]:
        """Two different values for one indicator, period, region and measure in one
        sentence cannot both be its figure: both are listed as not read."""
        groups: dict[tuple[str, str, str, str], list[Proposed]] = {}
        for r in rows:
            groups.setdefault((r.indicator, r.period, r.region, r.measure), []).append(r)
        kept: list[Proposed] = []
        for group in groups.values():
            if len({r.value for r in group}) == 1:
                kept.append(group[0])
            else:
                unread += [
                    NotRead(r.indicator, "several", s, r.span, r.file, r.line) for r in group
                ]
        return sorted(kept, key=lambda r: r.span)

    def _number(
        self,
        text: _Text,
        m: re.Match[str],
        ind: Indicator,
        areas: tuple[list[tuple[int, int, frozenset[str]]], list[int]],
        periods: list[_Period],
        default_year: int | None,
        fallback: str,
    ) -> Proposed | _Skip | _Unread | None:
        """What one number is. Every look at the text is bounded near the number or a
        binary search in what :class:`_Text` found once: linear in the sentence."""
        f = text.f
        a, b = m.span()
        number = m.group(0).replace(",", "").replace("−", "-")
        if _DATE_AFTER.match(f, b) or f[max(0, a - 1) : a] == "第":
            return None  # a date or an ordinal
        clause_start, clause_end = text.clause(a, b)
        k = bisect_right(text.mention_ends, a)
        mention_end = text.mention_ends[k - 1] if k else 0
        restating = _RESTATED.search(f, max(mention_end, a - _TAIL), a)
        if restating is not None:
            # 增加888万吨（178亿斤）: a figure in brackets is read in the clause of the figure
            # it restates (a bracket ends no clause for it).
            clause_start = text.clause(restating.start(), restating.start() + 1)[0]
        aside = None if restating is not None else _ASIDE.search(f, max(0, a - 64), a)
        if aside is not None and aside.start() > mention_end:
            clause_start = text.clause(aside.start(), aside.start() + 1)[0]
            before = aside.start()  # the verb before the brackets, read as if they were not
        else:
            before = a
        lo = max(clause_start, mention_end)
        tail = f[max(lo, before - _TAIL) : before]
        # the unit: %, 个百分点, or a unit of the plan (after 万/亿); "8.5 万人" spaced too
        p = _past_spaces(f, b)
        # The indicator's own unit, as long as it reads (万吨 whole before its 万 could be a
        # multiplier; 亿吨 against 万吨): actuals/units.py, the reader's rule too. Else a
        # unit of the plan (with 万/亿 before it) for the reason it is not read.
        unit_of = self.plan.unit_of(ind)
        own = unit_at(f, p, unit_of) if unit_of is not None else None
        whole = own or next((u for u in self.unit_texts if f.startswith(u, p)), "")
        magnitude = "" if whole else next((w for w in _MAGNITUDE if f.startswith(w, p)), "")
        r = _past_spaces(f, p + len(magnitude))
        unit = ""
        if own:
            unit = own
        elif f.startswith("%", r):
            unit = "%"
        elif f.startswith("个百分点", r) or f.startswith("百分点", r):
            unit = "个百分点"
        else:
            unit = next((u for u in self.unit_texts if f.startswith(u, r)), "")
        unit_text = magnitude + unit if unit != "%" else "%"
        figure_end = r + len(unit) if unit or magnitude else b
        if unit == "%" and magnitude:
            unit_text, unit, figure_end = "", "", r
        span: Span = (a, figure_end)
        if (unit or magnitude) and unit != "%" and f[figure_end : figure_end + 1] in LONGER_UNIT:
            return _Unread("unit", span)  # 1.2万人次, 32000元/人: another measure than the unit
        target, completed, average = text.clause_words(clause_start, clause_end)
        # 城镇新增就业（目标）8.6万人: an aside right after the name (a clause of its own, as
        # brackets end clauses) says what the number is too
        said = "" if aside is None else text.blanked[aside.start() : aside.end()]
        if target or _TARGET.search(said) or text.deadline <= a:
            return _Skip("completion" if unit == "%" and completed else "target", span)
        if self._in_range(f, m, clause_start):
            return _Unread("range", span)
        if text.forecast.within(clause_start, a) or _FORECAST.search(said):
            return _Unread("forecast", span)
        if unit == "个百分点":
            return _Skip("points", span)
        if text.part.within(mention_end, a):
            return _Skip("component", span)
        if text.share.within(lo, a):
            return _Skip("share", span)
        if _BOUND_BEFORE.search(tail) or _BOUND_AFTER.match(f, figure_end):
            return _Skip("bound", span)
        change = _CHANGE.search(tail)
        region = self._region(areas, a, fallback)
        if region == "":
            return _Unread("other-area", span)
        if region == UNNAMED:
            return _Unread("own-area", span)
        if region == PARAGRAPH:
            return _Unread("paragraph-area", span)
        if region == TITLE:
            return _Unread("title-area", span)
        period = _latest_period(periods, a)
        if change is None and text.compared.within(lo, a):
            return _Skip("change", span) if unit != "%" else _Unread("unclear", span)
        if change is not None:
            if unit != "%":
                return _Skip("change", span) if unit_text else _Unread("unclear", span)
            # 按可比价格计算，增长3.9%: price-adjusted wherever it is said after the name and
            # the growth before (实际增长6.5%，名义增长8.2%: 8.2 % is nominal)
            if text.real.within(text.percent.last_end(mention_end, a), a):
                return _Skip("real", span)
            if average:
                return _Skip("average", span)
            base = text.base.first(mention_end, a)
            if unit_of is not None and unit_of.kind == "percent":
                return _Unread("unclear", span)  # % of a percentage: points or relative?
            if period is not None and period.vague:
                return _Unread("unclear", span)  # 上年增长8.5%: last year's, or on last year?
            if period is not None and period.kind != "year":
                return _Unread("part-year", span)
            # 比2022年 in a text on 2023 is the previous year, named by its number; the
            # year read is the sentence's period, else the document's (title or --period).
            year = period.year if period is not None else default_year
            if base is not None and (year is None or int(base.group("y")) != year - 1):
                return _Unread("base-year", span)
            value = number if change.group(1) in _UP else _negate(number)
            return self._row(ind, value, "%", "growth", period, default_year, region, span)
        if self.lookup.value_types[ind.id] not in ("number", "count"):
            return _Unread("not-a-number", span)
        if unit_of is None:
            return _Unread("not-a-number", span)
        if unit_of.kind == "percent":
            if unit != "%":
                return _Unread("unit", span)
        elif not unit_text or not _accepts(unit_of, unit_text):
            partner = restating or _RESTATES.match(f, figure_end)
            if partner is not None and _accepts(unit_of, partner.group("unit")):
                word = _UNIT_AFTER.match(f, figure_end)  # 13908亿斤: its own unit shown too
                return _Skip("restated", (a, word.end()) if word else span)
            return _Unread("unit", span)
        if number.startswith("-"):
            return _Unread("unclear", span)
        if restating is not None and _accepts(unit_of, restating.group("unit")):
            return _Skip("restated", span)  # the figure before the bracket is the one read
        return self._row(ind, number, unit_text, "level", period, default_year, region, span)

    def _in_range(self, f: str, m: re.Match[str], clause_start: int) -> bool:
        """The number is one end of a range (8.37万到9万人): neither end is the figure."""
        a, b = m.span()
        head = a + 1 if m.group(0)[:1] in "-−" else a
        window = 32  # a number, 万/亿, a unit and a sign: bounded, so linear in the text
        if self.range_before.search(f, max(clause_start, head - window), head):
            return True
        return self.range_after.match(f, b, b + window) is not None

    def _row(
        self,
        ind: Indicator,
        value: str,
        unit: str,
        measure: Measure,
        period: _Period | None,
        default_year: int | None,
        region: str,
        span: Span,
    ) -> Proposed:
        if period is None:
            known = default_year is not None
            text = str(default_year) if known else ""
            word = ""
        else:
            known, text, word = period.year is not None, period.text(), period.year_word
        return Proposed(ind.id, text, region, value, unit, measure, "", span, "", 0, known, word)

    def _region(
        self,
        areas: tuple[list[tuple[int, int, frozenset[str]]], list[int]],
        at: int,
        fallback: str,
    ) -> str:
        ids = _latest(areas[0], areas[1], at)
        if ids is None:
            return fallback
        return next(iter(ids))

    def _periods(self, f: str, default_year: int | None) -> list[_Period]:
        found: list[_Period] = []
        claimed = [False] * len(f)
        for m in _VERSUS.finditer(f):  # 比上年, 和上年相比: a base, never a figure's period
            claimed[m.start() : m.end()] = [True] * (m.end() - m.start())
        for pattern, kind in _PERIODS:
            for m in pattern.finditer(f):
                a, b = m.span()
                if any(claimed[a:b]):
                    continue
                p = _period(m, kind, self.year, default_year)
                if p is None:
                    continue
                if kind == "last-year" and _CHANGE_AHEAD.match(f, b):
                    p = replace(p, vague=True)
                for i in range(a, b):
                    claimed[i] = True
                found.append(p)
        return sorted(found, key=lambda p: p.start)


def _period(
    m: re.Match[str], kind: str, year_option: int | None, default: int | None
) -> _Period | None:
    groups = m.groupdict()
    words = m.group(0)
    if kind in ("month", "quarter", "year"):
        year: int | None = int(groups["y"])
        word = ""
    elif kind in ("month-this", "quarter-this", "this-year"):
        year, word = year_option, "今年"
    elif kind == "last-year":
        year, word = (None if year_option is None else year_option - 1), words[:2]
    else:
        year, word = default, "全年" if kind == "whole-year" else ""
    if groups.get("m"):
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        return _Period(m.start(), year, month, "month", words, word)
    if groups.get("q"):
        return _Period(m.start(), year, 3 * _CN_QUARTER[groups["q"]], "quarter", words, word)
    if groups.get("h"):
        return _Period(m.start(), year, 6, "quarter", words, word)
    if groups.get("t"):
        return _Period(m.start(), year, 9, "quarter", words, word)
    return _Period(m.start(), year, 12, "year", words, word)


def _placed(row: Proposed, sentence: str, path: str, line: int) -> Proposed:
    return Proposed(
        row.indicator,
        row.period,
        row.region,
        row.value,
        row.unit,
        row.measure,
        sentence,
        row.span,
        path,
        line,
        row.year_known,
        row.year_word,
    )


def _find(
    f: str,
    names: list[tuple[str, set[str]]] | list[tuple[str, str]],
    claimed: list[bool],
) -> list[tuple[int, int, frozenset[str]]]:
    """Every occurrence of the names (longest first, never overlapping): (start, end, ids)."""
    found: list[tuple[int, int, frozenset[str]]] = []
    for name, ids in names:
        plain = name.isascii()
        start = f.find(name)
        while start >= 0:
            end = start + len(name)
            boundary = not plain or not (
                (start > 0 and f[start - 1].isascii() and f[start - 1].isalnum())
                or (end < len(f) and f[end].isascii() and f[end].isalnum())
            )
            if boundary and not any(claimed[start:end]):
                for i in range(start, end):
                    claimed[i] = True
                found.append((start, end, frozenset({ids} if isinstance(ids, str) else ids)))
            start = f.find(name, start + 1)
    return sorted(found)


def _latest(
    mentions: list[tuple[int, int, frozenset[str]]], ends: list[int], at: int
) -> frozenset[str] | None:
    """The ids of the last name ending at or before ``at`` (names never overlap, so their
    ends are sorted: a binary search)."""
    i = bisect_right(ends, at)
    return mentions[i - 1][2] if i else None


class _Subjects:
    """Where a sentence's clauses open with a subject of their own, and which names of the
    plan stand inside a longer subject (31个大城市城镇调查失业率): found once a sentence."""

    def __init__(
        self,
        f: str,
        mentions: list[tuple[int, int, frozenset[str]]],
        areas: list[tuple[int, int, frozenset[str]]],
        periods: list[_Period],
    ) -> None:
        self.f = f
        self.skips = {p.start: p.start + len(p.words) for p in periods}
        for start, end, _ in areas:
            self.skips.setdefault(start, end)
        self.named = {start for start, _, _ in mentions}
        depth = [0] * (len(f) + 1)  # brackets open before each position
        for i, ch in enumerate(f):
            step = 1 if ch in "（(" else -1 if ch in "）)" else 0
            depth[i + 1] = max(0, depth[i] + step)
        inside = [False] * (len(f) + 1)  # 和上年相比: a comparison's 和 joins no subjects
        for m in _VERSUS.finditer(f):
            inside[m.start() : m.end()] = [True] * (m.end() - m.start())
        self.clauses = [0] + [
            m.end()
            for m in _SUBJECT_MARKS.finditer(f)
            if depth[m.start()] == 0 and not inside[m.start()]
        ]
        self.starts = [at for at in self.clauses[1:] if self._opens_subject(at)]
        self.mention_ends = [end for _, end, _ in mentions]
        self.qualified = {end for start, end, _ in mentions if self._qualified(start, end)}

    def _past_modifiers(self, p: int, stop: int) -> int:
        """From ``p``, past spaces, periods, region names and continuing words (not past
        ``stop`` nor a name of the plan)."""
        f = self.f
        while p < stop:
            if f[p].isspace():
                p += 1
            elif p in self.named:
                break
            elif p in self.skips:
                p = self.skips[p]
            elif (m := _CONTINUES.match(f, p)) is not None:
                p = m.end()
            else:
                break
        return p

    def _opens_subject(self, at: int) -> bool:
        """After a clause mark outside brackets, past spaces, periods (全年, 12月份), region
        names (全市, 兰山) and words that go on about the clause before (增长, 比上年, 其中 …),
        a CJK word that is not a name of the plan. A clause that opens with a number
        (罗庄0.8万人, 41.8亿元) or with nothing more goes on with the subject before it."""
        p = self._past_modifiers(at, len(self.f))
        return p not in self.named and _OWN_SUBJECT.match(self.f, p) is not None

    def _qualified(self, start: int, end: int) -> bool:
        """Words other than periods, regions and continuing words stand between the clause's
        start and the name (31个大城市城镇调查失业率, 16-24岁…), or a word after it makes
        another statistic of it (…中位数): a subject of its own that holds the name, not the
        indicator (1. and 一、 numbering a list are no such words)."""
        if _SUFFIX.match(self.f, end):
            return True
        clause = self.clauses[bisect_right(self.clauses, start) - 1]
        numbering = _NUMBERING.match(self.f, clause)
        p = self._past_modifiers(numbering.end() if numbering else clause, start)
        return p < start and _QUALIFIER.match(self.f, p) is not None

    def respectively(self, at: int, numbers: list[int]) -> bool:
        """The number at ``at`` is one of several after 分别 (respectively), which follows
        the plan's name nearest before it: matched one each, by position, with the items
        listed before 分别 (城镇居民人均可支配收入32000元，农民人均纯收入12000元，分别增长8.1%和
        8.6%; 兰山区、罗庄区…分别为3万人、2万人) — never all the nearest name's, region's or
        period's. ``numbers``: where the sentence's numbers start (dates and names not)."""
        k = bisect_right(self.mention_ends, at)
        word = self.f.rfind("分别", self.mention_ends[k - 1] if k else 0, at)
        if word < 0:
            return False
        end = min((start for start in self.named if start > word), default=len(self.f))
        return sum(word < n < end for n in numbers) > 1

    def another(self, at: int) -> bool:
        """The number at ``at`` is another subject's: a clause with a subject of its own
        starts between the plan's name nearest before it and it, or that name is qualified."""
        k = bisect_right(self.mention_ends, at)
        mention_end = self.mention_ends[k - 1] if k else 0
        if mention_end in self.qualified:
            return True
        i = bisect_right(self.starts, at)
        return bool(i) and self.starts[i - 1] >= mention_end


def _lead(
    f: str, areas: list[tuple[int, int, frozenset[str]]], periods: list[_Period]
) -> str | None:
    """The area a sentence opens with (其中，兰山区…; 2017年，济南市：…; 分县区看，…): the
    first area, when only numbering, periods and 其中-like words stand before it."""
    if not areas:
        return None
    start, _, ids = areas[0]
    period_ends = {p.start: p.start + len(p.words) for p in periods}
    return next(iter(ids)) if _past_opening(f, 0, period_ends) == start else None


def _past_opening(f: str, p: int, period_ends: dict[int, int]) -> int:
    """Past what may open a clause before its subject: a list's numbering ((一), 1.), then
    periods, spaces and words such as 其中 (2017年，其中，兰山区…; areas.py)."""
    numbering = area_rules.NUMBERING.match(f, p)
    if numbering:
        p = numbering.end()
    while True:
        p = _past_spaces(f, p)
        if p in period_ends:
            p = period_ends[p]
            continue
        m = area_rules.LEADING.match(f, p)
        if m is None or m.end() == p:
            return p
        p = m.end()


def _latest_period(periods: list[_Period], at: int) -> _Period | None:
    """The last period ending at or before ``at`` (periods never overlap)."""
    lo, hi = 0, len(periods)
    while lo < hi:
        mid = (lo + hi) // 2
        if periods[mid].start + len(periods[mid].words) <= at:
            lo = mid + 1
        else:
            hi = mid
    return periods[lo - 1] if lo else None


def _accepts(unit: Unit, text: str) -> bool:
    """The plan reads ``text`` as ``unit`` exactly (万吨 as 万吨, 万吨 as 10,000 吨)."""
    return unit_factor(text, unit) is not None


def _negate(number: str) -> str:
    return number[1:] if number.startswith("-") else "-" + number


def _title_year(head: list[str]) -> int | None:
    """The year a communiqué reports on, from its title (2023年国民经济和社会发展统计公报):
    ``head`` holds the title areas.document_title found, folded to simplified script."""
    for text in head:
        m = area_rules.TITLE_YEAR.search(text)
        if m:
            return int(m.group(1))
    return None
