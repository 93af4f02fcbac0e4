"""First pass: label every line on its own, from its cue words and its shape.

A line that matches a boilerplate cue gets that cue's rule code. Any other line is
content if it reads like text (long enough, or a sentence), and provisionally
boilerplate (``NC-NAV``, "short") if it is a short fragment: the second pass
(``newsclean.context``) decides those by their neighbours, as jusText does.
"""
from __future__ import annotations

from functools import lru_cache
from typing import AbstractSet, NamedTuple, Sequence

from newsclean.blocks import display_width
from newsclean.cuematch import ALL_KINDS, CONTAINS, EXACT, KINDS, PATTERNS, PREFIX, PageCues, index
from newsclean.document import Label, Line
from newsclean.errors import error_lines
from newsclean.punctuation import FULL_STOPS
from newsclean.rules import PRIORITY
from newsclean.thresholds import CUE_MAX_CHARS, LONG_LINE_CHARS, SENTENCE_MIN_WIDTH, SHORT_LINE_CHARS
from newsclean.walls import wall_lines

__all__ = ["PRIORITY", "Shape", "shape", "cue_kinds", "scan", "first_pass", "is_pattern_cue", "is_contains_cue"]

_SENTENCE_END = FULL_STOPS + "」』”\"')）"  # the last character (before trailing spaces) of a line ending like a sentence


class Shape(NamedTuple):
    """The few measures of a line that the rules look at (all computed by ``shape``, once:
    the passes read them for every line, several times)."""

    width: int  # display columns, CJK counting two
    sentence: bool  # ends like a sentence
    short: bool  # a fragment: at most SHORT_LINE_CHARS (CJK counting two), unless a long-enough sentence
    textlike: bool  # running text: long, or a sentence of SENTENCE_MIN_WIDTH columns or more


@lru_cache(maxsize=16384)
def shape(text: str) -> Shape:
    """The line's measures; cached, since the passes after this one ask again."""
    end = text.rstrip()[-1:]
    width = display_width(text)
    sentence = bool(end) and end in _SENTENCE_END
    long_sentence = sentence and width >= SENTENCE_MIN_WIDTH
    return Shape(width, sentence, width <= SHORT_LINE_CHARS * 2 and not long_sentence,
                 width >= LONG_LINE_CHARS or long_sentence)


def cue_kinds(width: int) -> int:
    """The kinds of cue trusted on a line this wide: on short lines all of them; longer
    lines are prose, where only a cue that makes up the whole line or opens it counts."""
    if width <= CUE_MAX_CHARS * 2:
        return ALL_KINDS
    return EXACT | PREFIX if width <= CUE_MAX_CHARS * 4 else EXACT


# the model's features (``features``) also read patterns on lines up to this width
FEATURE_CUE_WIDTH = CUE_MAX_CHARS * 3


def _kinds_to_scan(width: int) -> int:
    return cue_kinds(width) | (PATTERNS if width <= FEATURE_CUE_WIDTH else 0)


# ``_kinds_to_scan`` by width, up to the width from which it no longer changes
_SCAN_WIDTHS = max(CUE_MAX_CHARS * 4, FEATURE_CUE_WIDTH) + 1
_KINDS_BY_WIDTH = tuple(_kinds_to_scan(w) for w in range(_SCAN_WIDTHS + 1))


def scan(units: Sequence[Line], extra_cues: tuple = ()) -> PageCues:
    """The page's cue matches, once for both this pass and the model's features."""
    table, top = _KINDS_BY_WIDTH, _SCAN_WIDTHS
    texts = [u.text for u in units]
    want = [table[w if w < top else top] for w in (shape(t).width for t in texts)]
    return index(extra_cues).scan(texts, want)


def _cue_detail(kind: str) -> str:
    """The detail first_pass gives a line a cue of this kind named ('exact cue', 'patterns cue')."""
    return f"{kind} cue"


_PATTERN_CUE = _cue_detail(KINDS[PATTERNS.bit_length() - 1])


_CONTAINS_CUE = _cue_detail(KINDS[CONTAINS.bit_length() - 1])


def is_contains_cue(line: Line) -> bool:
    """Whether the first pass labelled the line by a word its code's cues say it may contain
    anywhere ("newsletter", "advertisement", "广告"): the weakest kind of cue."""
    return line.detail == _CONTAINS_CUE


_PREFIX_CUE = _cue_detail(KINDS[PREFIX.bit_length() - 1])


def is_prefix_cue(line: Line) -> bool:
    """Whether the first pass labelled the line by the words it opens with ("Read more: …",
    "Baca juga: …")."""
    return line.detail == _PREFIX_CUE


def is_pattern_cue(line: Line) -> bool:
    """Whether the first pass labelled the line by one of its code's patterns (for
    ``NC-COMMENT``, a comment count: "12 comments", "53 Responses to “…”")."""
    return line.detail == _PATTERN_CUE


def site_messages(units: Sequence[Line], page_cues: PageCues,
                  disabled: AbstractSet[str] = frozenset()) -> tuple[frozenset[int], frozenset[int]]:
    """The lines that are the site's messages, not the page's: its software's error messages
    (``errors.error_lines``) and its consent or bot-check notices (``walls.wall_lines``, from
    ``page_cues``' lower-cased lines); none of a kind whose code (``NC-ERROR``, ``NC-WALL``) is
    switched off."""
    errors = frozenset() if "NC-ERROR" in disabled else error_lines([u.text for u in units])
    walls = frozenset() if "NC-WALL" in disabled else wall_lines(page_cues.lower)
    return errors, walls


def first_pass(units: Sequence[Line], extra_cues: tuple = (), disabled: frozenset[str] = frozenset(),
               page_cues: PageCues | None = None,
               messages: tuple[AbstractSet[int], AbstractSet[int]] | None = None) -> list[Line]:
    """Each unit labelled alone (``Line.first``; ``Line.label`` starts equal to it): a part of an
    error message of the site's software, else a consent or bot-check notice (``site_messages``),
    else the winning cue's code, else text by its shape or a short line (``NC-NAV``).

    ``extra_cues`` are configuration's additions to the cue files, ``disabled`` the rule
    codes switched off; ``page_cues`` the page's ``scan`` and ``messages`` its ``site_messages``,
    when the caller has them already.
    """
    found = scan(units, extra_cues) if page_cues is None else page_cues
    errors, walls = site_messages(units, found, disabled) if messages is None else messages
    out = []
    hits = found.hits
    content, boilerplate = Label.CONTENT, Label.BOILERPLATE
    # a short line without a cue is presumed navigation, unless NC-NAV is switched off
    short = (boilerplate, "NC-NAV", "short") if "NC-NAV" not in disabled else (
        content, "NC-TEXT", "short line (NC-NAV switched off)")
    for i, unit in enumerate(units):
        s = shape(unit.text)
        hit = found.winner(i, cue_kinds(s.width), disabled) if hits[i] else None
        if errors and i in errors:
            out.append(unit.with_first(boilerplate, "NC-ERROR", "error message"))
        elif walls and i in walls:
            out.append(unit.with_first(boilerplate, "NC-WALL", "consent or bot-check notice"))
        elif hit is not None:
            out.append(unit.with_first(boilerplate, hit[0], _cue_detail(hit[1])))
        elif s.textlike or not s.short:
            out.append(unit.with_first(content, "NC-TEXT", "text-like"))
        else:
            out.append(unit.with_first(*short))
    return out
