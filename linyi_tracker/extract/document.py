"""A communiqué's text: a ``.txt`` (UTF-8 or GB18030) or ``.html`` file, as sentences.

The encoding is decided as for data files (:mod:`linyi_tracker.actuals.encoding`): a
BOM, else strict UTF-8, else strict GB18030, else the file is refused. HTML is reduced
to its visible text with the standard library's parser (no new dependency); block
elements end a line. PDF is not read: ``pdftotext -layout FILE.pdf`` (poppler) gives a
text file that is (see the module of the command for the message).

A sentence ends at 。！？ or at the end of a line; its line is the line it starts on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from linyi_tracker.actuals.encoding import detect_encoding
from linyi_tracker.i18n import Text, TextError, os_reason

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024  # a communiqué is a few hundred kB; more is not a text


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line of the text (for HTML, of the visible text) it starts on


@dataclass(frozen=True)
class Document:
    path: str  # as shown to the user
    encoding: str
    sentences: list[Sentence]
    # an HTML page's <title> and <h1> texts, in page order (where its title may be: the
    # site's name often takes <title>); none for a text file
    headings: tuple[str, ...] = ()


def read_document(path: Path, shown: str) -> Document:
    """The sentences of a ``.txt`` or ``.html`` file; a :class:`TextError` (exit 2) for
    anything else, a missing file, or bytes that are neither UTF-8 nor GB18030."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise TextError(Text("extract.pdf", {"path": shown}))
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise TextError(Text("extract.kind", {"path": shown}))
    try:
        if not path.is_file():
            raise TextError(Text("extract.not_found", {"path": shown}))
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise TextError(
            Text("extract.unreadable", {"path": shown, "reason": os_reason(exc)})
        ) from None
    if len(data) > MAX_BYTES:
        raise TextError(Text("extract.too_big", {"path": shown, "mb": MAX_BYTES >> 20}))
    encoding, _ = detect_encoding(io.BytesIO(data), shown)
    if encoding is None:
        raise TextError(Text("extract.encoding", {"path": shown}))
    text = data.decode(encoding)
    headings: tuple[str, ...] = ()
    if suffix in HTML_SUFFIXES:
        text, headings = page_text(text)
    return Document(shown, encoding, split_sentences(text), headings)


_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")


def split_sentences(text: str) -> list[Sentence]:
    """Every non-blank sentence with the line it starts on."""
    out: list[Sentence] = []
    line = 1
    for m in _END.finditer(text.replace("\r\n", "\n").replace("\r", "\n")):
        piece = m.group(0)
        stripped = piece.strip()
        if stripped:
            out.append(Sentence(stripped, line))
        line += piece.count("\n")  # a piece holds a line break only at its end
    return out


_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "title",
    ]
)
# Never shown to a reader: their text is not read (comments never reach handle_data).
_HIDDEN = frozenset({"script", "style", "noscript", "template", "textarea"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HEADINGS = frozenset({"title", "h1"})  # where a page's own title is (not a menu's link)
_NO_DISPLAY = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _hides(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A ``<script>``-like element, a ``hidden`` attribute, or ``display:none`` /
    ``visibility:hidden`` in its style: its text is on the page but not shown."""
    if tag in _HIDDEN:
        return True
    for name, value in attrs:
        if name == "hidden" or (name == "style" and value and _NO_DISPLAY.search(value)):
            return True
    return False


class _Visible(HTMLParser):
    """Collects the text a reader sees; a block element ends a line. The open elements
    are a stack (an end tag closes up to its start, as a browser does), each marked
    hidden when it or an element around it hides its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[tuple[str, bool]] = []
        self.where: dict[str, int] = {}  # tag → how many are open (an end tag's start is)
        self.headings: list[str] = []  # <title> and <h1> texts shown
        self.heading: list[str] | None = None  # the one being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in _VOID:
            return
        hidden = (bool(self.open) and self.open[-1][1]) or _hides(tag, attrs)
        self.open.append((tag, hidden))
        if tag in _HEADINGS and not hidden and self.heading is None:
            self.heading = []
        self.where[tag] = self.where.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in _HEADINGS and self.heading is not None:
            words = " ".join("".join(self.heading).split())
            if words:
                self.headings.append(words)
            self.heading = None
        if not self.where.get(tag):
            return  # a stray end tag
        while self.open:
            name, _ = self.open.pop()
            self.where[name] -= 1
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self.open and self.open[-1][1]):
            self.parts.append(re.sub(r"[ \t\r\n\f\u3000]+", " ", data))
            if self.heading is not None:
                self.heading.append(data)


def _without_comments(page: str) -> str:
    """The page with its comments cut out, in one pass (the standard parser rescans the
    rest of the page at each unclosed ``<!--``: 100,000 of them took 78 s). As in a
    browser, ``<!-->`` and ``<!--->`` are empty comments and an unclosed one runs to the
    end of the page."""
    kept: list[str] = []
    at = 0
    while True:
        start = page.find("<!--", at)
        if start < 0:
            kept.append(page[at:])
            return "".join(kept)
        kept.append(page[at:start])
        body = start + 4
        if page.startswith(">", body):
            at = body + 1
        elif page.startswith("->", body):
            at = body + 2
        else:
            end = page.find("-->", body)
            if end < 0:
                return "".join(kept)
            at = end + 3


def visible_text(page: str) -> str:
    """The visible text of an HTML page, one block a line (``<title>`` kept: it often
    names the communiqué's year)."""
    return page_text(page)[0]


def page_text(page: str) -> tuple[str, tuple[str, ...]]:
    """The visible text of an HTML page, and its ``<title>`` and ``<h1>`` texts in page
    order (where a title is looked for first: areas.document_title)."""
    parser = _Visible()
    parser.feed(_without_comments(page))
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line), tuple(parser.headings)
