"""Words a data file may use for milestones and judgements, in English and Chinese.

The status vocabulary itself is fixed by assessment.md; the Chinese words are the
ones a clerk would type, mapped onto it.
"""

from __future__ import annotations

STATUS_WORDS: tuple[str, ...] = (
    "achieved",
    "on_track",
    "at_risk",
    "off_track",
    "missed",
    "no_data",
    "insufficient_data",
    "done",
    "pending",
    "overdue",
    "assessed",
)

# A qualitative observation carries one of these judgements.
JUDGEMENTS: dict[str, str] = {
    "achieved": "achieved",
    "on_track": "on_track",
    "on track": "on_track",
    "at_risk": "at_risk",
    "at risk": "at_risk",
    "off_track": "off_track",
    "off track": "off_track",
    "missed": "missed",
    "已实现": "achieved",
    "已达成": "achieved",
    "实现": "achieved",
    "正常推进": "on_track",
    "按进度": "on_track",
    "存在风险": "at_risk",
    "有风险": "at_risk",
    "明显滞后": "off_track",
    "未实现": "missed",
    "未完成": "missed",
}

# Words that name no one judgement: 滞后 / 落后 (lagging) may be 存在风险 or 明显滞后.
# Refused with a question rather than read as either (never in JUDGEMENTS).
AMBIGUOUS_JUDGEMENTS = frozenset({"滞后", "落后", "进度滞后", "进度落后", "lagging", "behind"})

DONE_WORDS = frozenset({"done", "yes", "true", "1", "是", "已完成", "完成", "已建成", "建成", "y"})
NOT_DONE_WORDS = frozenset(
    {"not done", "not_done", "not-done", "no", "false", "0", "否", "未完成", "未建成", "n"}
)
