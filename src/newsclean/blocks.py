"""Split decoded text into the units the classifier labels.

A unit is normally one non-blank physical line. Dumps saved by text browsers hard-wrap
long lines; those are re-joined first (a line was broken by the wrapper when the next
line's first word would not have fitted after it within the page's wrap column), so that the classifier sees
whole paragraphs whatever the shape of the dump.
"""
from __future__ import annotations

import unicodedata

from newsclean import startcache
from newsclean.document import Line
from newsclean.punctuation import FULL_STOPS
from newsclean.thresholds import (WRAP_BROKEN_MAX_COLUMNS, WRAP_MAX_COLUMNS, WRAP_MIN_BROKEN, WRAP_MIN_COLUMNS,
                                  WRAP_MIN_LINES, WRAP_NEAR_SHARE, WRAP_SLACK)

# a run of spaces that is not already one plain space (matching every single space would
# make the substitution several times slower)
_SPACE = startcache.compile(r" [ \t\u00a0\u3000\u200b\ufeff]+|[\t\u00a0\u3000\u200b\ufeff][ \t\u00a0\u3000\u200b\ufeff]*")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM goes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def composed(text: str) -> str:
    """The text in Unicode's composed form (NFC), as the Web writes text: a letter and the
    accent a page spelled as two code points ("u" + U+0308) become the one character ("ü")
    a reader types and searches for, and a character that has a canonical decomposition
    only (Bengali "ড়" U+09DC) becomes that. Canonically equivalent text, rendered the same."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tidy(line: str) -> str:
    """Collapse runs of spaces (ASCII, no-break, ideographic) and trim."""
    return _SPACE.sub(" ", line).strip()


# East Asian wide and fullwidth characters (Unicode's "W" and "F" classes, main blocks)
_WIDE = startcache.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                           "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
                           "\U00020000-\U0003fffd]")


_ODD_SPACES = ("\t", "\u00a0", "\u3000", "\u200b", "\ufeff")
# invisible marks that join or order letters (zero-width non-joiner and joiner, word joiner, direction
# marks): kept inside a line, where they shape its words, but a line of nothing else is blank
INVISIBLE = "\u200c\u200d\u2060\u200e\u200f"


def plain_spaces(text: str) -> str:
    """The text with its odd spaces (tab, no-break, ideographic, zero-width) made plain spaces."""
    for c in _ODD_SPACES:
        if c in text:
            text = text.replace(c, " ")
    return text


def tidy_lines(text: str) -> list[str]:
    """``tidy`` of every physical line of a (newline-normalized) text. (The same as
    ``_SPACE`` over the page, by string replacement: several times quicker than a regex that
    must consider every space of the page.)"""
    text = plain_spaces(text)
    while "  " in text:
        text = text.replace("  ", " ")
    if any(c in text for c in INVISIBLE):
        return [line.strip().strip(INVISIBLE).strip() for line in text.split("\n")]
    return [line.strip() for line in text.split("\n")]


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: wide (CJK) characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def _is_cjk_char(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def join_fragments(a: str, b: str) -> str:
    """Join two pieces of one sentence: no space between CJK characters, one space otherwise."""
    if not a or not b:
        return a or b
    if _is_cjk_char(a[-1]) or _is_cjk_char(b[0]):
        return a + b
    return a + " " + b


_ENDS_SENTENCE = set(FULL_STOPS + "\"'”’»)）:;：；")


def _wrap_width(raw: list[str]) -> int | None:
    """The column a hard-wrapped dump was wrapped at, if the page looks wrapped.

    In a wrapped dump many lines end just short of one column; in any other dump line
    lengths spread out and the longest line stands alone.
    """
    longest = max(raw, key=len, default="").rstrip()
    if len(longest) > WRAP_MAX_COLUMNS:  # the usual case, settled without measuring every line
        return None
    line_widths = [display_width(l.rstrip()) for l in raw]  # 0 for a blank line
    widths = [w for w in line_widths if w]
    top = max(widths, default=0)
    if top < WRAP_MIN_COLUMNS or top > WRAP_MAX_COLUMNS:
        return None
    longish = sum(1 for w in widths if w >= WRAP_MIN_COLUMNS // 2)
    near = sum(1 for w in widths if w >= top - WRAP_SLACK)
    if near >= max(WRAP_MIN_LINES, WRAP_NEAR_SHARE * longish):
        return top
    # a page of mostly short lines (lists, menus) with a few wrapped paragraphs: lines at the
    # column broken mid-sentence, the sentence going on in the next line
    # (each a line of its own: a list of items of the same length is no wrapped paragraph), on a
    # page no wider than a text browser's or a terminal's widest column
    if top > WRAP_BROKEN_MAX_COLUMNS:
        return None
    broken = set()
    for line, w, nxt in zip(raw, line_widths, raw[1:]):
        end = line.rstrip()
        if end and end[-1] not in _ENDS_SENTENCE and w >= top - WRAP_SLACK and _continues(end, nxt, top):
            broken.add(end)
            if len(broken) >= WRAP_MIN_BROKEN:
                return top
    return None


def _continues(line: str, nxt: str, width: int) -> bool:
    """Whether a wrapper broke line here: the next line's first word would not have fitted."""
    nxt = nxt.strip()
    if not nxt:
        return False
    first = nxt.split(" ", 1)[0]
    if first and _is_cjk_char(first[0]):
        first = first[0]
    return display_width(line.rstrip()) + 1 + display_width(first) > width


def split(text: str) -> list[Line]:
    """The page's units, in order, each with its block number and the physical lines it spans."""
    text = composed(normalize_newlines(text))
    raw = text.split("\n")
    width = _wrap_width(raw)
    tidied = tidy_lines(text)
    units: list[Line] = []
    block = 0
    if width is None:  # the usual case: every non-blank line is a unit of its own
        for number, line in enumerate(tidied):
            if line:
                units.append(Line(len(units), line, block, (number, number)))
            elif units and units[-1].block == block:
                block += 1
        return units
    pending: list[tuple[int, str]] = []  # a wrapped run being re-joined

    def flush() -> None:
        if pending:
            joined = ""
            for _, piece in pending:
                joined = join_fragments(joined, piece)
            units.append(Line(len(units), joined, block, (pending[0][0], pending[-1][0])))
            pending.clear()

    for number, physical in enumerate(raw):
        line = tidied[number]
        if not line:
            flush()
            if units and units[-1].block == block:
                block += 1
            continue
        pending.append((number, line))
        if width is None or not _continues(physical, raw[number + 1] if number + 1 < len(raw) else "", width):
            flush()
    flush()
    return units
