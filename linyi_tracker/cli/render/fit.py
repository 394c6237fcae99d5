"""Terminal tables that never break a word, a number, a status or an id.

rich folds a cell wherever the column ends, so at 80 columns "正常推进" became "正常推/进"
and "≥0.60" became "≥0/.60". Here a table is laid out before rich draws it: each cell
is cut into atoms (pieces that must stay whole), each column gets at least its widest
atom, columns the terminal cannot hold are dropped whole (the caller says which in a
note line), and every cell is wrapped at atom boundaries to its column's width. rich
then only draws the boxes (every column fixed width, no wrapping of its own).

Where a line may break:
- ``words``: at spaces, and beside a full-width bracket (定性评估 / （2020年）) — for figures,
  periods, targets and statuses;
- ``name``: also between Chinese characters, never inside a run of Latin letters or
  digits, never before closing or after opening punctuation — for indicator names;
- ``id``: never. An id is typed by the reader (``show emp.new_urban_jobs``), so it is
  printed whole on one line or not at all: when the table cannot give every id its full
  width with every column at its narrowest, the ids go first, before any column is
  dropped (a column of ids whole, the id lines under names), and the note on dropped
  columns says so and how to see them (:func:`fit`, :func:`dropped_note`). At 80 columns a
  Chinese row held its name over two lines and its id over two or three more;
- ``whole``: never (a status word, a schedule gap, a sparkline).

Stack before drop: a column marked ``stack_on`` is drawn under that column's cells when
its turn to give way comes and that makes the table fit (the schedule under the
achievement), and is dropped only when it does not; a column never dropped but marked
``stack`` is drawn under its host once nothing is left to drop (the report's gap under the
achievement), instead of letting rich cut a figure with "…". One step does both
(:func:`_stack`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from linyi_tracker.formatting import (
    CLOSING_MARKS,
    OPENING_MARKS,
    SIGN_SPACE,
    display_width,
    listed,
)
from linyi_tracker.i18n import Lang, status_label
from linyi_tracker.texts.text import Text as Sentence
from linyi_tracker.words import STATUS_WORDS

Mode = Literal["words", "name", "id", "whole"]

# Never at the start of a line (closing marks), never at its end (opening marks): the one
# pair of sets of formatting, which the help text's wrapper uses too.
_CLOSING = CLOSING_MARKS
_OPENING = OPENING_MARKS


def _wide(ch: str) -> bool:
    return not ch.isascii() and display_width(ch) == 2


def _may_break(before: str, after: str, mode: Mode) -> bool:
    """Whether a line may break between two adjacent non-space characters."""
    if mode == "whole" or after in _CLOSING or before in _OPENING:
        return False
    if mode == "id":
        return False
    if (
        mode == "words"
    ):  # and before 每 after a Chinese word ("≥ 8.5万人|每年", not "≥|8.5万人每年")
        return after == "（" or before == "）" or (after == "每" and _wide(before))
    return _wide(before) or _wide(after)


def _after_hyphen(piece: str, ch: str) -> bool:
    """A break after the hyphen of a compound ("living-|standard"), never of a minus sign,
    and after the dash of a span of years ("(2015–|2020)", "（2015—|2020年）" — each
    language's span dash, reporting/text.year_span), never inside a year."""
    if len(piece) < 2:
        return False
    if piece[-1] == "-":
        return piece[-2].isalpha() and ch.isalpha()
    return piece[-1] in "–—" and piece[-2].isdigit() and ch.isdigit()


def _after_year(piece: str, ch: str) -> bool:
    """A break after "2015年" before Chinese text ("2015年|全部12个县区"), never inside a date."""
    return (
        len(piece) > 1
        and piece[-1] == "年"
        and piece[-2].isdigit()
        and _wide(ch)
        and ch not in _CLOSING
    )


# The characters of a unit written after a number (8.37万人, 56.2个百分点, 2018年, 12个): a
# line never breaks between a number and its unit, nor inside the unit.
_UNIT_CHARS = frozenset("万亿千百十个分点年月日号人元户套平方米公里千克吨岁次所张床位家项倍")


def _after_number(piece: str, ch: str) -> bool:
    """Whether ``ch`` continues the unit of a number that ends ``piece``."""
    if ch not in _UNIT_CHARS:
        return False
    head = piece.rstrip("".join(_UNIT_CHARS))
    return head[-1:].isdigit() and len(piece) - len(head) < 5


# "Jun 2020", "Jan–Aug 2016": a month and its year are one date, never two lines; nor
# are a figure and its percent sign ("48.0 %"), a comparison and its figure ("≥ 8.5万人":
# a sign alone at the end of a line), nor a closing mark and what it closes.
_DATE = re.compile(
    r"(?<=[A-Z][a-z]{2}) (?=\d{4})|(?<=\d) (?=%)| (?= *["
    + re.escape("".join(sorted(_CLOSING)))
    + "])|"
    + SIGN_SPACE.pattern
)


# The status words in Chinese (正常推进, 明显滞后): a name or a sentence that says one keeps
# it on one line, as the tables do, even where Chinese may break between characters.
_STATUS_ZH = re.compile(
    "|".join(
        sorted((status_label(w, "zh") for w in (*STATUS_WORDS, "not_assessed")), key=len)[::-1]
    )
)


def atoms(text: str, mode: Mode, soft: bool = True) -> list[str]:
    """The pieces of ``text`` a line may not break inside; spaces are pieces of their own.

    The pieces joined give back ``text`` exactly (a glued space stays a space)."""
    if mode == "whole":
        return [text] if text else []
    if mode != "id" and text.isascii() and "-" not in text and not _DATE.search(text):
        return _ascii_atoms(text)
    return list(_remembered_atoms(text, mode, soft))


@functools.lru_cache(maxsize=4096)
def _remembered_atoms(text: str, mode: Mode, soft: bool) -> tuple[str, ...]:
    """:func:`_atoms_by_character`, once per text: laying out a table measures each cell
    several times (its widest piece with and without soft breaks, then the wrap) — 1,328
    calls for 184 texts in the status table."""
    return tuple(_atoms_by_character(text, mode, soft))


def _atoms_by_character(text: str, mode: Mode, soft: bool) -> list[str]:
    """:func:`atoms`, deciding between every two characters (any text)."""
    out: list[str] = []
    piece = ""
    glued = {m.start() for m in _DATE.finditer(text)}
    inside = {i for m in _STATUS_ZH.finditer(text) for i in range(m.start() + 1, m.end())}
    for i, ch in enumerate(text):
        if (ch == " " and i in glued) or i in inside:
            piece += ch
        elif ch == " ":
            if piece:
                out.append(piece)
            out.append(" ")
            piece = ""
        elif piece and (
            _after_number(piece, ch)
            or (
                not _may_break(piece[-1], ch, mode)
                and not (mode == "words" and _after_year(piece, ch))
                and not (soft and _after_hyphen(piece, ch))
            )
        ):
            piece += ch
        else:
            if piece:
                out.append(piece)
            piece = ch
    if piece:
        out.append(piece)
    return out


def _ascii_atoms(text: str) -> list[str]:
    """:func:`atoms` of ASCII text without a hyphen or a glued date, where the only places
    to break are spaces (every rule of ``_may_break`` and ``_after_year`` needs a wide or
    non-ASCII character): ``str.split`` instead of a loop over characters. Most cells of an
    English table are such text; a test compares both on generated text."""
    out: list[str] = []
    for k, part in enumerate(text.split(" ")):
        if k:
            out.append(" ")
        if part:
            out.append(part)
    return out


def widest_atom(text: str, mode: Mode, soft: bool = True) -> int:
    """The widest piece; with ``soft=False``, as if hyphens and dashes did not break."""
    return max((display_width(a) for a in atoms(text, mode, soft) if a != " "), default=0)


# A name's atom wider than this (a long Latin word, a URL) does not widen its column: it
# breaks anywhere instead, so that it never crowds out the figure columns.
NAME_ATOM = 24
# ... and when the figure columns still do not fit, down to this (an ordinary long word,
# "entrepreneurship", stays whole).
NAME_HARD = 16


def _pieces(found: list[str], width: int, mode: Mode) -> list[str]:
    """The atoms, a name's atom wider than ``width`` cut into its characters."""
    out: list[str] = []
    for atom in found:
        if mode == "name" and display_width(atom) > width:
            for ch in atom:  # anywhere, but a closing mark stays with what it closes
                if ch in _CLOSING and out and out[-1] != " ":
                    out[-1] += ch
                elif ch in _CLOSING and len(out) > 1 and out[-1] == " ":
                    out.pop()
                    out[-1] += " " + ch
                else:
                    out.append(ch)
        else:
            out.append(atom)
    return out


def wrap(text: str, width: int, mode: Mode) -> list[tuple[int, int]]:
    """Line ranges (start, end) into ``text``, each at most ``width`` wide where the atoms
    allow (a name's atom wider than ``width`` breaks anywhere)."""
    soft = widest_atom(text, mode, soft=False) > width  # break at a dash only when needed
    return _wrap_pieces(_pieces(atoms(text, mode, soft), width, mode), width)


def _wrap_pieces(pieces: list[str], width: int) -> list[tuple[int, int]]:
    """Line ranges over the text the pieces make, breaking only between pieces."""
    lines: list[tuple[int, int]] = []
    start = end = pos = 0
    used = 0
    for atom in pieces:
        w = display_width(atom)
        if atom == " ":
            pos += 1
            continue
        gap = pos - end if used else 0  # the spaces since the last atom on this line
        if used and used + gap + w > width:
            lines.append((start, end))
            start, used = pos, 0
            gap = 0
        if not used:
            start = pos
        used += gap + w
        pos += len(atom)
        end = pos
    if used or not lines:
        lines.append((start, end))
    return lines


@dataclass
class Paragraph:
    """Text that starts on its own line of a cell, in styled spans, wrapped as one."""

    spans: list[tuple[str, str]]
    mode: Mode = "words"
    # One mode a span where they differ (a status word whole, its qualifiers as a name);
    # where two spans meet without a space, the line does not break.
    span_modes: tuple[Mode, ...] | None = None
    # At most this many lines (0: no limit): a status or schedule word ("missed at
    # deadline") breaks at most once, so its column is at least as wide as that takes.
    most: int = 0

    @property
    def plain(self) -> str:
        return "".join(s for s, _ in self.spans)

    def atoms(self, soft: bool = True) -> list[str]:
        """The pieces a line may not break inside, span by span."""
        if self.span_modes is None:
            return atoms(self.plain, self.mode, soft)
        out: list[str] = []
        for (s, _), m in zip(self.spans, self.span_modes, strict=True):
            found = atoms(s, m, soft)
            if out and found and out[-1] != " " and found[0] != " ":
                out[-1] += found.pop(0)
            out += found
        return out

    def widest(self, soft: bool = True) -> int:
        return max((display_width(a) for a in self.atoms(soft) if a != " "), default=0)

    def lines(self, width: int) -> list[tuple[int, int]]:
        """Line ranges into :attr:`plain` at most ``width`` wide where the atoms allow."""
        if self.span_modes is None:
            return wrap(self.plain, width, self.mode)
        soft = self.widest(soft=False) > width
        return _wrap_pieces(_pieces(self.atoms(soft), width, self.mode), width)

    def rendered(self, width: int) -> Text:
        styled = Text.assemble(*self.spans)
        if self.mode == "whole":
            styled.truncate(width, overflow="ellipsis")
            return styled
        plain = styled.plain
        if display_width(plain) <= width and plain[:1] != " " and plain[-1:] != " ":
            return styled  # one line, as wrap() would give it: most cells at 120 columns
        lines = [styled[a:b] for a, b in self.lines(width)]
        return Text("\n").join(lines)


Cell = list[Paragraph]


def para(text: str, style: str = "", mode: Mode = "words", most: int = 0) -> Paragraph:
    return Paragraph([(text, style)], mode, most=most)


# A word of a status or schedule column ("missed at deadline", "assessed on track"):
# broken at most once, at a space, never inside a word (at 80 columns "missed / at /
# deadline" took three lines).
WORD_LINES = 2


def word(text: str, style: str = "") -> Paragraph:
    """A status or schedule word for a table cell: whole when it fits, else at most
    :data:`WORD_LINES` lines broken at spaces (the one rule every table uses)."""
    return para(text, style, "words", most=WORD_LINES)


@dataclass
class Column:
    """A column: header, cells, how its lines may break, and how soon it is dropped."""

    key: str
    header: str
    justify: Literal["left", "right"] = "left"
    mode: Mode = "words"
    drop: int = 0  # dropped in descending order when the terminal is too narrow; 0 never
    floor: int = 0  # at least this wide (a name column: more than a character a line)
    # At least as wide as holds each of its paragraphs in this many lines, up to
    # NAME_HARD: a Chinese name over three lines, not five one-word lines (0: no aim).
    lines: int = 0
    cells: list[Cell] = field(default_factory=list)
    # Drawn under this column's cells (by key) instead of being dropped, when that makes
    # the table fit (:func:`_stack`); a column never dropped is stacked, in descending
    # order of ``stack``, once nothing is left to drop.
    stack_on: str | None = None
    stack: int = 0
    # What the note calls this column's id lines when they are left out ("指标代码").
    ids: str = ""

    def has_ids(self) -> bool:
        return self.mode == "id" or any(p.mode == "id" for cell in self.cells for p in cell)

    def header_lines(self) -> list[str]:
        return self.header.split("\n")

    def least_floor(self) -> int:
        """:attr:`floor`, or the width that holds every paragraph in :attr:`lines` lines
        (an id excepted: it is whole on one line or left out)."""
        if not self.lines:
            return self.floor
        texts = {p.plain: p for cell in self.cells for p in cell if p.mode != "id"}
        return max([self.floor, *(_width_for(p, self.lines) for p in texts.values())])

    def minimum(self) -> int:
        widths = [widest_atom(h, "words") for h in self.header_lines()] + [self.least_floor()]
        widths += [_least(p) for cell in self.cells for p in cell]
        return max(widths)

    def hard(self) -> int:
        """The narrowest the column can be when a name's long words break anywhere: its
        header's words, its floor and its other paragraphs' widest atoms."""
        widths = [widest_atom(h, "words") for h in self.header_lines()] + [self.least_floor()]
        widths += [
            min(_least(p), NAME_HARD) if p.mode == "name" else _least(p)
            for cell in self.cells
            for p in cell
        ]
        return max(widths)

    def comfort(self, least: int) -> int:
        """Wide enough that no line breaks at a hyphen or a dash, and no id is cut
        (``least``: :meth:`minimum`, measured once by :func:`fit`)."""
        widths = [least]
        widths += [_least(p, soft=False) for cell in self.cells for p in cell]
        return max(widths)

    def natural(self) -> int:
        widths = [display_width(h) for h in self.header_lines()]
        widths += [display_width(p.plain) for cell in self.cells for p in cell]
        return max(widths)


def _width_for(p: Paragraph, lines: int) -> int:
    """The narrowest width, up to NAME_HARD, at which ``p`` takes at most ``lines`` lines."""
    start = min(_least(p), NAME_HARD)
    return next(
        (w for w in range(start, NAME_HARD) if len(p.lines(w)) <= lines),
        NAME_HARD,
    )


def _least(p: Paragraph, soft: bool = True) -> int:
    """The narrowest a paragraph can be: its widest atom, a name's at most ``NAME_ATOM``;
    a paragraph of at most :attr:`Paragraph.most` lines, as wide as that takes."""
    widest = p.widest(soft)
    if p.mode == "name":
        return min(widest, NAME_ATOM)
    if p.most:
        whole = display_width(p.plain)
        return next((w for w in range(widest, whole) if len(p.lines(w)) <= p.most), whole)
    return widest


def _overhead(n: int, compact: bool) -> int:
    """Borders and padding of n columns: boxed (one space each side of every cell), or
    compact (inner rules only, no outer edge or padding)."""
    return 3 * n - 3 if compact else 3 * n + 1


def _too_wide(kept: Sequence[Column], width: int, compact: bool, least: dict[str, int]) -> bool:
    return sum(least[c.key] for c in kept) + _overhead(len(kept), compact) > width


def _stacked(host: Column, under: Column) -> Column:
    """``host`` with ``under``'s header and cells drawn beneath its own."""
    cells = [a + b for a, b in zip(host.cells, under.cells, strict=True)]
    return Column(
        host.key,
        f"{host.header}\n{under.header}",
        justify=host.justify,
        mode=host.mode,
        floor=max(host.floor, under.floor),
        cells=cells,
        stack_on=host.stack_on,
        stack=host.stack,
    )


def _giving_way(kept: Sequence[Column]) -> Column | None:
    """The column that gives way next: the highest ``drop``; once none is left to drop,
    the highest ``stack`` among those whose host is still drawn."""
    droppable = [c for c in kept if c.drop]
    if droppable:
        return max(droppable, key=lambda c: c.drop)
    keys = {c.key for c in kept}
    stackable = [c for c in kept if c.stack and c.stack_on in keys]
    return max(stackable, key=lambda c: c.stack) if stackable else None


def _stack(
    columns: Sequence[Column],
    width: int,
    compact: bool,
    least: dict[str, int],
    stacked: set[str],
) -> list[Column]:
    """The columns drawn, giving way one at a time until their narrowest widths fit
    (:func:`_giving_way`): stack before drop. A column whose host (``stack_on``) is drawn
    goes under it when that makes the table fit, or always when it is never dropped (its
    key added to ``stacked``); any other is dropped. en at 80 columns, the schedule column
    needs one cell more for "missed at / deadline" in two lines, and keeps its figures
    under "Achieved"; the report's gap goes under the achievement once the pace and
    projection are dropped. ``least`` is updated: a host is as narrow as the wider of the
    two columns' narrowest widths, each measured by its own rules (a name's lines)."""
    kept = list(columns)
    while _too_wide(kept, width, compact, least):
        out = _giving_way(kept)
        if out is None:
            break
        at = next((i for i, c in enumerate(kept) if c.key == out.stack_on), None)
        if at is not None:
            host = kept[at]
            trial = [_stacked(host, out) if c is host else c for c in kept if c is not out]
            widths = {**least, host.key: max(least[host.key], least[out.key])}
            if not out.drop or not _too_wide(trial, width, compact, widths):
                kept = trial
                least[host.key] = widths[host.key]
                stacked.add(out.key)
                continue
        kept.remove(out)
    return kept


def _given_up(columns: Sequence[Column], kept: Sequence[Column]) -> int:
    """How many droppable columns are not drawn on their own: dropped or stacked."""
    shown = {c.key for c in kept}
    return sum(1 for c in columns if c.drop and c.key not in shown)


def _narrow_names(kept: list[Column], width: int, compact: bool, least: dict[str, int]) -> None:
    """Last, a name column gives up width down to :meth:`Column.hard` (a 60-character
    word in a name breaks anywhere), so that no figure column is squeezed."""
    for c in kept:
        excess = sum(least[k.key] for k in kept) + _overhead(len(kept), compact) - width
        if excess <= 0:
            return
        if c.mode == "name":
            least[c.key] -= min(excess, max(0, least[c.key] - c.hard()))


def _without_ids(
    columns: Sequence[Column], width: int, least: dict[str, int]
) -> tuple[list[Column], list[Column]]:
    """The columns to lay out and what was left out of them: every id, whole on one line,
    when all columns fit at their narrowest beside them (ids never cost a column); else no
    id at all — a column of ids is left out whole, and a name column loses its id lines —
    for an id is never broken or cut, and a row is read by its name. One decision for the
    table, by its width: a screen shows ids on every row or on none."""
    holding = [c for c in columns if c.has_ids()]
    if not holding:
        return list(columns), []
    if sum(least[c.key] for c in columns) + _overhead(len(columns), False) <= width:
        return list(columns), []
    kept: list[Column] = []
    left_out: list[Column] = []
    for c in columns:
        if c.mode == "id":
            left_out.append(c)
        elif c.has_ids():
            cells = [[p for p in cell if p.mode != "id"] for cell in c.cells]
            kept.append(replace(c, cells=cells))
            left_out.append(Column(f"{c.key}.ids", c.ids or c.header, mode="id"))
        else:
            kept.append(c)
    return kept, left_out


def fit(
    columns: Sequence[Column], width: int
) -> tuple[list[Column], list[Column], list[int], bool]:
    """The columns kept (a stacked one drawn under its host), those dropped (whole, and
    the id lines left out, :func:`_without_ids`), the kept columns' widths, and whether
    the compact frame is used: only when it saves a column the boxed frame would drop."""
    # Measured once (every cell's pieces; a name's width for its lines, a wrap at each
    # width tried: half the layout time): again only for a column that lost its ids.
    least = {c.key: c.minimum() for c in columns}
    laid, left_out = _without_ids(columns, width, least)
    same = {id(c) for c in columns}
    least = {c.key: least[c.key] if id(c) in same else c.minimum() for c in laid}
    columns = laid
    # The compact frame only when it saves a droppable column the boxed frame gives up
    # (dropped, or stacked in its place); a column never dropped is stacked in either.
    stacked: set[str] = set()
    boxed = dict(least)
    kept = _stack(columns, width, False, boxed, stacked)
    compact = False
    if _given_up(columns, kept):
        tight_stacked: set[str] = set()
        tight_least = dict(least)
        tight = _stack(columns, width, True, tight_least, tight_stacked)
        if _given_up(columns, tight) < _given_up(columns, kept):
            kept, compact, boxed, stacked = tight, True, tight_least, tight_stacked
    least = boxed
    _narrow_names(kept, width, compact, least)
    shown = {c.key for c in kept}
    widths = [least[c.key] for c in kept]
    spare = width - sum(widths) - _overhead(len(kept), compact)
    # First every other column as wide as it is comfortable (no line broken at a dash),
    # then the first column (names and ids) wide enough for its ids, then every column in
    # proportion to its width on one line.
    if kept:
        others = [widths[0]] + [c.comfort(least[c.key]) for c in kept[1:]]
        spare = _share(widths, spare, others)
        spare = _share(widths, spare, [kept[0].comfort(least[kept[0].key]), *widths[1:]])
    spare = _share(widths, spare, [c.natural() for c in kept])
    dropped = [c for c in columns if c.key not in shown and c.key not in stacked]
    return kept, dropped + left_out, widths, compact


def _share(widths: list[int], spare: int, targets: list[int]) -> int:
    """Give out ``spare`` cells toward each column's target width; return what is left."""
    while spare > 0:
        wants = [max(0, t - w) for t, w in zip(targets, widths, strict=True)]
        total = sum(wants)
        if not total:
            break
        given = 0
        for i, want in enumerate(wants):
            share = min(want, spare * want // total)
            widths[i] += share
            given += share
        if not given:  # hand out the remainder one cell at a time
            i = max(range(len(wants)), key=lambda j: wants[j])
            widths[i] += 1
            given = 1
        spare -= given
    return spare


def table(
    columns: Sequence[Column],
    width: int,
    title: str | None = None,
    section_ends: set[int] | None = None,
) -> tuple[Table, list[Column]]:
    """A rich table of the columns that fit in ``width``, and the columns dropped.

    ``section_ends``: the rows after which a rule is drawn (the end of a system)."""
    kept, dropped, widths, compact = fit(columns, width)
    out = Table(
        title=title,
        title_justify="left",
        box=box.MINIMAL_HEAVY_HEAD if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
        expand=False,
    )
    for c, w in zip(kept, widths, strict=True):
        header = Text("\n").join(
            [Text(h[a:b]) for h in c.header_lines() for a, b in wrap(h, w, "words")]
        )
        out.add_column(header, justify=c.justify, width=w, no_wrap=True, overflow="ellipsis")
    rows = len(kept[0].cells) if kept else 0
    for r in range(rows):
        cells = []
        for c, w in zip(kept, widths, strict=True):
            cell = c.cells[r]
            cells.append(Text("\n").join([p.rendered(w) for p in cell]) if cell else Text(""))
        out.add_row(*cells, end_section=r in (section_ends or set()))
    return out, dropped


def add_row(columns: Sequence[Column], values: Sequence[Cell]) -> None:
    for c, v in zip(columns, values, strict=True):
        c.cells.append(list(v))


# Where a table is drawn, for what its note on dropped columns advises: from `status`,
# `show` for one indicator; from `show` itself, its JSON; from the report, a file format.
Where = Literal["status", "show", "report"]


def dropped_note(dropped: Iterable[Column | str], lang: Lang, where: Where = "status") -> str:
    """The one note on the columns a table dropped (columns, or the names of what was left
    out), in the reader's language: every table that drops columns says it so, with what the
    reader can do from ``where`` they are; when ids were left out, it also says where to find
    them (``show``, ``--format json``)."""
    dropped = list(dropped)
    names = [c if isinstance(c, str) else c.header for c in dropped]
    # Ids left out (fit's first step) are named last, with how to see them.
    ids = any(isinstance(c, Column) and c.mode == "id" for c in dropped)
    key = "note.ids_dropped" if ids else "note.columns_dropped"
    if where != "status" and not ids:
        key = f"{key}.{where}"
    return Sentence(key, {"columns": listed(names, lang)}).render(lang, plain=True)


class Fitted:
    """A laid-out table that takes its width when drawn (inside a panel, a panel's width),
    followed by the note on the columns dropped (:func:`dropped_note`)."""

    def __init__(
        self,
        columns: Sequence[Column],
        lang: Lang,
        title: str | None = None,
        where: Where = "status",
    ) -> None:
        self.columns = columns
        self.lang = lang
        self.title = title
        self.where: Where = where

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        drawn, dropped = table(self.columns, options.max_width, title=self.title)
        yield drawn
        if dropped:
            yield Text(dropped_note(dropped, self.lang, self.where), style="yellow")


class Hanging:
    """A paragraph after a marker ("  • "), wrapped at atom boundaries to the width it is
    drawn in, its later lines indented under the text: a figure such as "23.8%" or a year
    never breaks, and the marker never stands alone on a line."""

    def __init__(self, marker: str, paragraph: Paragraph) -> None:
        self.marker = marker
        self.paragraph = paragraph

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = display_width(self.marker)
        body = self.paragraph.rendered(max(1, options.max_width - indent))
        for i, line in enumerate(body.split("\n")):
            # A no-break space held words together for the wrap; printed, it is a space.
            plain = Text(line.plain.replace("\u00a0", " "), style=line.style, spans=line.spans)
            yield Text(self.marker if i == 0 else " " * indent) + plain
