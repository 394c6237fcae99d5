"""Every user-facing label, in Chinese and English, and how the language is chosen.

The labels themselves are in :mod:`linyi_tracker.texts.labels` (one table of zh/en
texts by area, style.md); here: :func:`t`, :class:`Text`, the errors that carry one,
and :func:`resolve_lang`.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping

from linyi_tracker.errors import InputNotFoundError, TrackerError, UsageError
from linyi_tracker.texts.labels import LABELS as LABELS
from linyi_tracker.texts.text import Lang as Lang
from linyi_tracker.texts.text import Text as Text

LANG_ENV = "LINYI_TRACKER_LANG"


class TextError(TrackerError):
    """An error whose message exists in zh and en; ``str()`` is the English one."""

    def __init__(self, *texts: Text) -> None:
        self.texts = texts
        super().__init__(self.render("en"))

    def render(self, lang: Lang, *, plain: bool = False) -> str:
        sep = "" if lang == "zh" else " "
        return sep.join(x.render(lang, plain=plain) for x in self.texts)


class TextNotFoundError(TextError, InputNotFoundError):
    """A file or folder that is not there (or not what it must be), said in zh and en."""


class TextUsageError(TextError, UsageError):
    """A usage error (an option value the tool cannot accept) in zh and en."""


def t(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` said in ``lang``: ``Text(key, values).render(lang)``, the one way
    a sentence is rendered (a value may be a {zh, en} dict, a Text or a Named id)."""
    if key not in LABELS:  # t() is for labels; a finding's sentence goes through its Finding
        raise KeyError(key)
    return Text(key, values).render(lang)


def os_reason(exc: OSError) -> dict[str, str]:
    """The operating system's reason, in both languages (a Text parameter): its own words
    in English, a translation in Chinese for the common ones (``os.errno.*``)."""
    key = f"os.errno.{errno.errorcode.get(exc.errno or -1, '')}"
    own = exc.strerror or (str(exc) if str(exc) else type(exc).__name__)
    if key in LABELS:
        return {"zh": LABELS[key]["zh"], "en": exc.strerror or LABELS[key]["en"]}
    return {"zh": own, "en": own}


def labelled(label: str, value: object, lang: Lang) -> str:
    """``label`` and its value as each language writes it: 截至：2019年 / As of: 2019
    (``word.colon``: the full-width colon after Chinese, ": " in English)."""
    return f"{label}{t('word.colon', lang)}{value}"


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
