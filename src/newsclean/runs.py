"""Runs of lines that belong to the article although the model drops them: a code block next
to it (``keep_code``), a recipe's ingredient list (``keep_ingredients``) and the rest of a
numbered list the article keeps the start of (``keep_numbered``).

The model knows short lines in a row as a menu; these runs are told by what their lines say
(``data/context.toml``'s ``code`` patterns and ``units`` of measure, or numbers that go on one
by one), which menus, teasers and listings hardly ever do. Only lines the model alone dropped
come back (``linekinds.bring_back``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from newsclean import startcache
from newsclean.classify import shape
from newsclean.cues import context_words
from newsclean.document import Label, Line
from newsclean.linekinds import COLON, bring_back
from newsclean.repeat import normalized
from newsclean.thresholds import (CODE_MIN_LINES, CODE_NEAR_LINES, INGREDIENT_MAX_GAP, INGREDIENT_MIN_LINES,
                                  LONG_LINE_CHARS, NUMBERED_MAX_GAP, NUMBERED_MIN_ITEMS, NUMBERED_MIN_KEPT,
                                  POLL_MIN_OPTIONS)


@lru_cache(maxsize=1)
def _code() -> re.Pattern:
    """A line of a code block (``data/context.toml``'s ``code``, each matched from the line's
    start: a shell prompt or command, a comment, an import, a definition, a Dockerfile
    instruction, an assignment, a call)."""
    return startcache.compile("|".join(f"(?:{p})" for p in context_words("code")))


def _is_code(text: str) -> bool:
    """A line ending a statement (in ';' or '{'), or one opening as ``_code`` says; that needs an
    ASCII character first (a keyword, a name, a prompt), which rules most other lines out."""
    return text.endswith((";", "{")) or text[0] < "\x80" and _code().match(text) is not None


def _is_ingredient(text: str) -> bool:
    """``_ingredient`` matches the line's start; it opens with its amount or 'ca.', 'approx.',
    'about', which rules most other lines out first."""
    return (text[0].isdigit() or text[0] in _INGREDIENT_FIRST) and _ingredient().match(text) is not None


def _lines_matching(lines: Sequence[Line], test) -> list[bool]:
    """``test(text)`` of each line that is no running text (False for the others; told last,
    since the test rules out most lines sooner)."""
    return [bool(l.text) and test(l.text) and not shape(l.text).textlike for l in lines]


def _runs(flags: Sequence[bool], lines: Sequence[Line], max_gap: int) -> list[tuple[int, int, int]]:
    """(first, last, count) of each run of flagged lines, at most ``max_gap`` other lines apart;
    a line of running text between ends a run."""
    runs = []
    n = len(flags)
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        count, last, j = 1, i, i + 1
        while j < n and j - last <= max_gap + 1 and not shape(lines[j].text).textlike:
            if flags[j]:
                count, last = count + 1, j
            j += 1
        runs.append((i, last, count))
        i = last + 1
    return runs


def keep_code(lines: list[Line], probs: Sequence[float]) -> list[Line]:
    """A code block next to the article stays: a run of at least ``CODE_MIN_LINES`` lines that
    read as code (``_code``: commands, imports, definitions, assignments, calls), at most one
    other short line apart, with kept text at most ``CODE_NEAR_LINES`` lines above or below.

    The model knows code lines as short lines without sentences, that is, as menu items, so
    a docs page or a programming blog loses its examples, most of all the last one under the
    article's last paragraph. Lines a cue names and repeats of dropped lines stay out
    (``code`` other than ``NC-MODEL``)."""
    out = lines
    kept = [l.label is Label.CONTENT for l in lines]
    for first, last, count in _runs(_lines_matching(lines, _is_code), lines, 1):
        if (count >= CODE_MIN_LINES and (any(kept[max(0, first - CODE_NEAR_LINES):first])
                                         or any(kept[last + 1:last + 1 + CODE_NEAR_LINES]))):
            out = bring_back(lines, out, range(first, last + 1), probs, "code block")
    return out


@lru_cache(maxsize=1)
def _ingredient() -> re.Pattern:
    """An ingredient line's start: an amount ("250", "1,5", "2-3", "½", "1½") and a unit of
    ``data/context.toml``'s ``units`` ("250 g", "2 EL", "1 Pck.", "3 tablespoons") (units'
    lines hold no other spaces than plain ones)."""
    units = "|".join(re.escape(u) for u in sorted(context_words("units"), key=len, reverse=True))
    amount = rf"(?:\d+(?:[.,/]\d+)?(?: *[-–] *\d+(?:[.,/]\d+)?)? *[{_FRACTIONS}]?|[{_FRACTIONS}])"
    return startcache.compile(rf"(?:ca\. *|approx\. *|about +)?{amount} *(?:{units})(?=[ .,()/]|$)", re.I)


_FRACTIONS = "½¼¾⅓⅔⅛"
_INGREDIENT_FIRST = frozenset(_FRACTIONS + "cCaA")


def keep_ingredients(lines: list[Line], probs: Sequence[float]) -> list[Line]:
    """A recipe's ingredient list stays: a run of at least ``INGREDIENT_MIN_LINES`` short
    lines that open with an amount and a unit ("250 g Mehl", "2 tablespoons vegetable oil"),
    at most ``INGREDIENT_MAX_GAP`` other short lines apart ("Salt", "Für die Füllung:").

    The model scores such lists low (short lines in a row look like a menu; recipe pages are
    few among the pages it learned from), while menus, teasers and listings hardly ever read
    as amounts of things. The run's lines come back, and so does a short line ending in a
    colon right above it (the list's own heading, "For the dough:"), on a page that keeps some
    text (the recipe's steps). A running-text line ends the run; lines a cue names and repeats
    of dropped lines stay out (``code`` other than ``NC-MODEL``)."""
    if not any(l.label is Label.CONTENT for l in lines):
        return lines
    out = lines
    for first, last, count in _runs(_lines_matching(lines, _is_ingredient), lines, INGREDIENT_MAX_GAP):
        if count >= INGREDIENT_MIN_LINES:
            above = first - 1
            start = above if first and lines[above].text.endswith(COLON) and shape(lines[above].text).short else first
            out = bring_back(lines, out, range(start, last + 1), probs, "ingredient list")
    return out


# an item's number opening a line: '1. ', '2) ', '3．', '4、' (full-width digits too)
_NUMBERED = startcache.compile(r"(\d{1,3}) *[.)．、] *\S")
# a time or a year on the line: a dated entry (a numbered comment, '12. Jane - October 26, 2012
# 9:08 am'), not an article's item
_DATED = startcache.compile(r"\d:\d\d|(?<!\d)(?:19|20)\d\d(?!\d)")


def _item_number(text: str) -> int | None:
    m = _NUMBERED.match(text)
    if m is None or _DATED.search(text):
        return None
    return int(m.group(1))


def _numbered_lists(lines: Sequence[Line]) -> list[list[int]]:
    """The line numbers of each numbered list's items: lines opening with numbers that go on one
    by one (1, 2, 3, ...), each at most ``NUMBERED_MAX_GAP`` lines under the one before (its text
    between them); lists of fewer than ``NUMBERED_MIN_ITEMS`` items are left out."""
    items = [(i, k) for i, l in enumerate(lines) if l.text and l.text[0].isdigit()
             for k in (_item_number(l.text),) if k is not None]
    lists, used = [], set()
    for a, (i, k) in enumerate(items):
        if a in used:
            continue
        chain, last, want = [i], i, k + 1
        for b in range(a + 1, len(items)):
            j, m = items[b]
            if j - last > NUMBERED_MAX_GAP:
                break
            if m == want and b not in used:
                used.add(b)
                chain.append(j)
                last, want = j, m + 1
        if len(chain) >= NUMBERED_MIN_ITEMS:
            lists.append(chain)
    return lists


_QUESTION_ENDS = ("?", "？")


def _is_poll(lines: Sequence[Line], items: Sequence[int]) -> bool:
    """Whether the numbered list is a reader poll ('调查' / '1.你如何看待…？' / its answers, '2.在你眼中…？'
    / ...): most of its items end with a question mark, and between any two items stand at least
    ``POLL_MIN_OPTIONS`` answers to choose from, lines that end no sentence and are not long (a
    listicle of questions has a paragraph of answer under each)."""
    asked = sum(1 for i in items if lines[i].text.rstrip().endswith(_QUESTION_ENDS))
    if asked * 2 < len(items):
        return False
    for above, item in zip(items, items[1:]):
        options = [shape(lines[k].text) for k in range(above + 1, item)]
        if len(options) < POLL_MIN_OPTIONS or any(o.sentence or o.width >= LONG_LINE_CHARS for o in options):
            return False
    return True


def keep_numbered(lines: list[Line], probs: Sequence[float]) -> list[Line]:
    """A numbered list the article keeps goes on as long as its numbers do: in a list of at
    least ``NUMBERED_MIN_ITEMS`` items ('1. Christie Leigh Mueller', '2. Sam Ponder', ...) of
    which the kept text holds ``NUMBERED_MIN_KEPT`` (one: the model took the list for the
    article's), every item after the first kept one comes back with the lines between it and the
    item before (each item's own text).

    A listicle's items are short lines the model scores as a menu's, the further down the page
    the lower: 'Top 10 ...' keeps its first five and loses the rest. The numbers that go on one by
    one tell them from a menu; a numbered comment thread (its entries dated) and a 'most read'
    list (numbered from 1 again) do not go on from the article's list, and a reader poll's
    questions (``_is_poll``) make no list to bring back. Lines a cue names and
    lines that recur on the page (a shop's 'Buy now' under each item) stay out (``code`` other
    than ``NC-MODEL``)."""
    out = lines
    recurring = None
    for items in _numbered_lists(lines):
        kept = [i for i in items if lines[i].label is Label.CONTENT]
        if len(kept) < NUMBERED_MIN_KEPT or _is_poll(lines, items):
            continue
        if recurring is None:  # (only on the few pages with such a list)
            keys = [normalized(l.text) for l in lines]
            seen = Counter(keys)
            recurring = [seen[k] > 1 for k in keys]
        start = items.index(kept[0])
        for above, item in zip(items[start:], items[start + 1:]):
            span = [k for k in range(above + 1, item + 1) if not recurring[k]]
            out = bring_back(lines, out, span, probs, "item of a numbered list the text keeps")
    return out
