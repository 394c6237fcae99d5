"""Reading a number from one cell, exactly, the way a careful clerk would.

Rules (submissions.md): per cell, never the whole file; NFKC folds full-width digits
("９２．５" → 92.5; the minus U+2212 is the sign), "85,000" and "85 000" are read, "4.9万" / "1.2亿" multiplied out,
each with a notice that shows the reading (one a file and column: findings.READINGS;
万 on a unit already in 万 or 亿 is the cell rule's error); "92%" is
accepted only where the unit is a percentage. Anything else that is not a plain
decimal — "(12.5)", "NaN", "inf", "1_000", "-", "—", "/", "无", "N/A", "1e5" — is
an error: Python's ``float()`` accepts several of these, so it is never used. Only the
digits 0-9, ASCII or full-width, are digits: other scripts' digits ("३०००", which NFKC
does not fold) and the signs NFKC would fold into digits (superscript "¹", circled "①",
"⑴", "½") are an error, and a mark after a figure ("86000¹", "86000*", "86000※") is a
footnote mark the clerk must remove (NFKC would have read 86000¹ as 860001).
Values are :class:`~decimal.Decimal` built from the text: no rounding, ever.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from linyi_tracker.findings import Param, Severity

# The largest figure any indicator can hold: below 10^18 (thousands of times China's GDP in
# yuan; 12345678901234567 still fits). A 309-digit value became Infinity in every report and a
# 26-digit one in 万人 broke the unit conversion: they are out-of-range at the door.
MAX_ADJUSTED = 17  # Decimal.adjusted() of the largest figure accepted (< 10^18)
# A figure of at most this many characters of plain decimal travels as a float where its
# float gives back its text (exact_float): two decimals of at most 15 significant digits
# (DBL_DIG) never round to the same float. 12345678901234567 and …568 share a float.
MAX_FIGURE_DIGITS = 15

# Plain ASCII digits: read as they are, nothing to remark on (the common case).
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:(?P<sep>[, ])\d{3})(?:(?P=sep)\d{3})*(?:\.\d+)?$")
# The magnitude words a figure or a unit may carry, longest first (1.26万亿 is 1.26 × 10^12):
# one table for the number parser and the unit rule (actuals/units.py).
MAGNITUDE_WORDS: tuple[tuple[str, Decimal], ...] = (
    ("万亿", Decimal(10) ** 12),
    ("万", Decimal(10) ** 4),
    ("亿", Decimal(10) ** 8),
)
_PLACEHOLDERS = {
    "-",
    "--",
    "—",
    "——",
    "–",
    "/",
    "无",
    "n/a",
    "na",
    "null",
    "none",
    "#n/a",
    "空",
    "x",
    # Words clerks write for "no figure" (issue 10): each gets the placeholder hint.
    "暂无",
    "没有",
    "不详",
    "未知",
    "待定",
    "缺",
    "缺失",
    "未统计",
    "未报",
    "n.a.",
    "...",
    "…",
    "……",
    "#div/0!",
    "#value!",
    "#ref!",
}


_EXPONENT = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+")
_LETTER_MAGNITUDE = re.compile(r"[+-]?\d+(?:\.\d+)?\s*[kKmMwW]")


def is_placeholder(text: str) -> bool:
    """A word or sign that stands for "no figure" (—, /, 无, 暂无, N/A …)."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    return s in _PLACEHOLDERS


@dataclass(frozen=True, slots=True)
class Remark:
    """Something worth telling about how a cell was read (not an error): a finding code
    and its parameters (the words are the finding catalogue's)."""

    code: str
    severity: Severity
    params: Mapping[str, Param]
    form: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    value: Decimal
    remarks: tuple[Remark, ...] = ()


class NumberError(ValueError):
    """The cell holds no number: ``code``, ``form``, ``hint_form`` and ``params`` of the
    finding to make (see :mod:`linyi_tracker.validation.catalogue`)."""

    def __init__(
        self, code: str, params: Mapping[str, Param], form: str = "", hint_form: str = ""
    ) -> None:
        super().__init__(code, dict(params))
        self.code = code
        self.params = params
        self.form = form
        self.hint_form = hint_form


# Marks an office puts after a figure to point at a footnote (besides superscript and
# circled digits, which NFKC would fold into the figure's own digits).
FOOTNOTE_SIGNS = frozenset("*＊†‡※§¶⁽⁾₍₎")
_FOOTNOTE = re.compile("[" + re.escape("".join(sorted(FOOTNOTE_SIGNS))) + "]")
# The characters :func:`not_a_digit` may say yes to: neither ASCII nor a full-width 0-9.
_OTHER_CHARS = re.compile("[^\x00-\x7f０-９]")


class DigitTrouble(ValueError):
    """A cell's digits are not all 0-9: ``form`` is ``footnote`` (a mark after the figure,
    ``mark``), ``other-script`` (३, ٣) or ``not-digit`` (①, ², ½: ``char``)."""

    def __init__(self, form: str, params: Mapping[str, Param]) -> None:
        super().__init__(form, dict(params))
        self.form = form
        self.params = params


def not_a_digit(ch: str) -> bool:
    """A character that reads as a digit (to ``Decimal``, ``\\d`` or NFKC) but is none of
    0-9, ASCII or full-width: ३ ٣ (other scripts), ¹ ₂ (super- and subscript), ① ⑴ ⒈ ❶,
    ½ (NFKC makes it 1⁄2)."""
    if ch.isascii() or "０" <= ch <= "９":
        return False
    if unicodedata.digit(ch, None) is not None:
        return True
    return any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", ch))


def check_digits(text: str) -> None:
    """Raise :class:`DigitTrouble` when ``text`` holds a digit other than 0-9 (ASCII or
    full-width) or a footnote mark after a figure ('86000¹', '86000¹人', '8.5万※') — one
    rule for every cell that holds digits (figures, growth rates, periods, dates)."""
    s = text.strip()
    if _FOOTNOTE.search(s) is None and not any(map(not_a_digit, _OTHER_CHARS.findall(s))):
        return  # the common case (1.32万, ８２２): no mark, no character that is not 0-9
    i, n = 0, len(s)
    while i < n:
        if not (s[i] in FOOTNOTE_SIGNS or not_a_digit(s[i])):
            i += 1
            continue
        j = i
        while j < n and (s[j] in FOOTNOTE_SIGNS or not_a_digit(s[j])):
            j += 1
        body, rest = s[:i].rstrip(), s[j:]
        # A mark after a figure ('86000¹', '92%*', '2019年¹'), with no digit after it but
        # perhaps a unit ('86000¹人') — not a digit in a form's place ('2018Q①', '-①').
        if (
            all(_mark(c) for c in s[i:j])
            and any(_is_digit(c) for c in body)
            and (_is_digit(body[-1]) or body[-1] in "%％" or not body[-1].isascii())
            and not any(_is_digit(c) or not_a_digit(c) for c in rest)
        ):
            raise DigitTrouble("footnote", {"text": s, "mark": s[i:j]})
        for ch in s[i:j]:
            if not_a_digit(ch):
                form = "other-script" if unicodedata.decimal(ch, None) is not None else "not-digit"
                raise DigitTrouble(form, {"text": s, "char": ch})
        i = j  # an ASCII '*' amid the text: the cell's own rule refuses it


def _mark(ch: str) -> bool:
    """A footnote sign, or a whole number written small or circled (¹, ①, ⑴) — not a
    fraction (½ after 1 is one and a half, not a note)."""
    return ch in FOOTNOTE_SIGNS or float(unicodedata.numeric(ch, 0.5)).is_integer()


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


_MINUS = "\u2212"


def parse_number(text: str, *, percent_unit: bool = False) -> Reading:
    """Read ``text`` as an exact decimal, or raise :class:`NumberError`."""
    raw = text.strip()
    if PLAIN_NUMBER.match(raw):  # the common case: plain ASCII digits, nothing to remark on
        return Reading(Decimal(raw))
    if not raw:
        raise NumberError("missing-value", {}, "value")
    try:
        check_digits(raw)
    except DigitTrouble as exc:
        raise NumberError("invalid-number", exc.params, exc.form, exc.form) from None
    remarks: list[Remark] = []
    s = unicodedata.normalize("NFKC", raw).strip()
    # U+2212, the minus Word and Excel's number formats print (NFKC folds the full-width
    # － into -, not this one): the figure's sign, read as such, like a full-width sign.
    minus = _MINUS in s
    if minus:
        s = s.replace(_MINUS, "-")
    folded = s != raw
    s = s.replace("\u202f", " ")
    if s.lower() in _PLACEHOLDERS or s.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise NumberError("invalid-number", {"text": raw}, hint_form="placeholder")
    if s.startswith("(") and s.endswith(")"):
        raise NumberError("invalid-number", {"text": raw}, "brackets")
    percent = s.endswith("%")
    if percent:
        if not percent_unit:
            raise NumberError("unit-mismatch", {"text": raw}, "percent", "growth-rate")
        s = s[:-1].strip()
    factor = Decimal(1)
    suffix = next((word for word, _ in MAGNITUDE_WORDS if s.endswith(word)), "")
    if suffix:
        factor = dict(MAGNITUDE_WORDS)[suffix]
        s = s[: -len(suffix)].strip()
    if _GROUPED.match(s):
        grouped = s
        s = s.replace(",", "").replace(" ", "")
        remarks.append(
            Remark("thousands-separator", Severity.NOTICE, {"text": grouped, "value": s})
        )
    if not _PLAIN.match(s):
        hint = ""
        if _EXPONENT.fullmatch(s):  # 1e3, 1.2E+05: Excel's display of a wide number
            hint = "exponent"
        elif _LETTER_MAGNITUDE.fullmatch(s):  # 5.5k, 3w: a magnitude the reader does not take
            hint = "magnitude-letter"
        elif re.search(r"\d[lOoI]|[lOoI]\d", s):  # l or O typed for 1 or 0
            hint = "letters"
        elif "_" in s:
            hint = "underscore"
        elif "," in s or " " in s:
            hint = "grouping"
        raise NumberError("invalid-number", {"text": raw}, hint_form=hint)
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only decimals
        raise NumberError("invalid-number", {"text": raw}) from None
    if too_large(value * factor if value.adjusted() <= MAX_ADJUSTED else value):
        raise NumberError("out-of-range", {"value": raw}, "too-large")
    if factor != 1:
        value = plain_decimal(value * factor)
        remarks.append(
            Remark(
                "magnitude-suffix",
                Severity.NOTICE,
                {"text": raw, "value": value, "suffix": suffix, "factor": factor},
            )
        )
    if percent:
        remarks.append(Remark("percent-read", Severity.NOTICE, {"text": raw, "value": value}))
    if folded:
        remarks.insert(
            0,
            Remark(
                "full-width-characters",
                Severity.NOTICE,
                {"text": raw, "value": value},
                "minus" if minus else "",
            ),
        )
    return Reading(value, tuple(remarks))


# '85.000' for a count: 85 with three decimals no count has, or 85,000 with a dot between
# the thousands (the German way, and what a plan's 8.5万 turns into when a clerk moves the
# point). Both are a figure a reader might mean; the tool does not choose.
_THOUSANDS_DOT = re.compile(r"^[0-9]{1,3}\.000$")


def thousands_dot(text: str) -> bool:
    """``text`` (as written, full-width folded) is 1–3 digits, a dot and three zeros."""
    return _THOUSANDS_DOT.match(unicodedata.normalize("NFKC", text).strip()) is not None


def too_large(value: Decimal) -> bool:
    """Beyond what any indicator can hold (10^18 or more, either sign; not finite)."""
    return not value.is_finite() or (value != 0 and value.adjusted() > MAX_ADJUSTED)


def plain_decimal(value: Decimal) -> Decimal:
    """4.9 × 10000 → 49000, not 4.90000E+4: the exact, plain form of a computed figure
    (the one rule for it: numbers, units, cells and the workbook reader call it)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def float_text(value: float) -> str:
    """The decimal text a float stands for: its shortest repr, a whole figure without
    '.0' (442079, written to the unit, not 442079.0 written to the tenth)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def sum_text(values: Iterable[float]) -> str:
    """The exact sum of figures held as floats, as text: each float read back as the
    decimal it stands for (:func:`float_text`) and added as decimals, so that twelve
    counties of 150000.1 sum to 1800001.2 — not the 1800001.2000000004 of float additions,
    nor a sum rounded to 15 digits (9240.98000000001: a clerk would take either for a
    figure)."""
    total = sum((Decimal(float_text(v)) for v in values), Decimal(0))
    return format(total.normalize(), "f")


def exact_float(value: Decimal | None) -> float | None:
    """``value`` as a float when the float gives back its decimal text as written (at most
    MAX_FIGURE_DIGITS characters, :func:`float_text` the same digits: 442079, 12.5) — what
    the cross-row checks may hold without the Decimal; else None (9800.0, 4.80 and 4.42E+5
    carry a precision a float loses). The one rule the reader and validation share."""
    if value is None:
        return None
    text = str(value)
    if len(text) > MAX_FIGURE_DIGITS:
        return None
    number = float(text)
    return number if float_text(number) == text else None
