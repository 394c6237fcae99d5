"""The proposed rows as a submission file (CSV, UTF-8 with BOM) and as data (JSON).

The file has the submission header (submissions.md) and the ``measure`` column
(assessment.md, "Figures given as growth rates"): ``level`` or ``growth``. The whole
sentence a figure comes from is its ``source``; where it was found, and what the
analyst must add (a year), is its ``note``.

Growth rows carry ``measure`` = ``growth``, which the reader keeps apart from levels
(a growth rate never stands in for a level).
"""

from __future__ import annotations

from typing import Any

from linyi_tracker.actuals.cells import MEASURE_ZH  # the 口径 words the reader takes back
from linyi_tracker.actuals.headers import COLUMNS, ZH_HEADERS
from linyi_tracker.extract.document import Document
from linyi_tracker.extract.figures import Extraction, NotRead, Proposed, Skipped
from linyi_tracker.i18n import Lang, t
from linyi_tracker.sheets import csv_bytes

HEADER: tuple[str, ...] = COLUMNS  # the reader's own columns, `measure` among them


def note_of(row: Proposed, lang: Lang) -> str:
    note = t("extract.note.from", lang, file=row.file, line=row.line)
    if not row.year_known:
        word = row.year_word or row.period or "—"
        note += t("extract.note.sep", lang) + t("extract.note.year_needed", lang, word=word)
    return note


def to_csv(rows: list[Proposed], lang: Lang) -> bytes:
    """UTF-8 with BOM and CRLF, so Excel opens the Chinese correctly; cells formula-safe.
    Under zh the header is the reader's Chinese names (指标代码, 期间, 数值…), so the file
    validates with its columns named as a clerk reads them."""
    lines: list[list[str]] = [[ZH_HEADERS[c] if lang == "zh" else c for c in HEADER]]
    for r in rows:
        cells = {
            "indicator": r.indicator,
            "period": r.period,
            "region": r.region,
            "value": r.value,
            "unit": r.unit,
            "source": r.sentence,
            "note": note_of(r, lang),
            "as_of": "",
            "measure": MEASURE_ZH[r.measure] if lang == "zh" else r.measure,
        }
        lines.append([cells.get(name, "") for name in HEADER])
    return csv_bytes(lines)


def to_dict(
    extraction: Extraction,
    written: list[Proposed],
    lang: Lang,
    output: str | None,
    documents: list[Document] | None = None,
) -> dict[str, Any]:
    """Everything the review shows, as data: the files read, rows (with whether each is
    in the file), numbers not proposed and sentences not read, each with its sentence and
    span (character offsets of the figure in the sentence)."""
    in_file = {id(r) for r in written}
    return {
        "files": [
            {"path": d.path, "encoding": d.encoding, "sentences": len(d.sentences)}
            for d in documents or []
        ],
        "output": output,
        "title_areas": [{"path": path, "area": area} for path, area in extraction.title_areas],
        "rows": [_row(r, lang, id(r) in in_file) for r in extraction.rows],
        "skipped": [_skipped(s, lang) for s in extraction.skipped],
        "not_read": [_not_read(n, lang) for n in extraction.not_read],
        "summary": {
            "sentences": extraction.sentences,
            "rows": len(extraction.rows),
            "growth": sum(1 for r in extraction.rows if r.measure == "growth"),
            "written": len(written),
            "skipped": len(extraction.skipped),
            "not_read": len(extraction.not_read),
            "year_from_title": extraction.year_from_title,
        },
    }


def _row(r: Proposed, lang: Lang, written: bool) -> dict[str, Any]:
    return {
        "indicator": r.indicator,
        "period": r.period,
        "year_known": r.year_known,
        "region": r.region,
        "value": r.value,
        "unit": r.unit,
        "measure": r.measure,
        "source": r.sentence,
        "span": list(r.span),
        "figure": r.sentence[r.span[0] : r.span[1]],
        "file": r.file,
        "line": r.line,
        "note": note_of(r, lang),
        "written": written,
    }


def _skipped(s: Skipped, lang: Lang) -> dict[str, Any]:
    return {
        "indicator": s.indicator,
        "figure": s.text,
        "reason": s.reason,
        "message": t(f"extract.skip.{s.reason}", lang),
        "sentence": s.sentence,
        "span": list(s.span),
        "file": s.file,
        "line": s.line,
    }


def _not_read(n: NotRead, lang: Lang) -> dict[str, Any]:
    return {
        "indicator": n.indicator,
        "reason": n.reason,
        "message": t(f"extract.not_read.{n.reason}", lang),
        "sentence": n.sentence,
        "span": None if n.span is None else list(n.span),
        "file": n.file,
        "line": n.line,
    }
