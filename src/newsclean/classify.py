"""First pass: label every line on its own, from its cue words and its shape.

A line that matches a boilerplate cue gets that cue's rule code. Any other line is
content if it reads like text (long enough, or a sentence), and provisionally
boilerplate (``NC-NAV``, "short") if it is a short fragment: the second pass
(``newsclean.context``) decides those by their neighbours, as jusText does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from newsclean.blocks import display_width
from newsclean.cues import KINDS, CueIndex, index, normalize
from newsclean.document import Label, Line
from newsclean.thresholds import CUE_MAX_CHARS, LONG_LINE_CHARS, SENTENCE_MIN_WIDTH, SHORT_LINE_CHARS

# When several cues fire on one line, the first code in this order wins: the more
# specific kinds (a permalink, a tag line) before the generic ones (navigation).
PRIORITY = ("NC-LINK", "NC-TAGS", "NC-CRUMB", "NC-EDITOR", "NC-META", "NC-LEGAL", "NC-CONTACT",
            "NC-SHARE", "NC-REL", "NC-PAGE", "NC-COMMENT", "NC-PROMPT", "NC-IMAGE", "NC-COUNT", "NC-NAV")

# Cue kinds that are trusted on longer lines: a line that *is* a cue, or starts with one.
_LONG_KINDS = ("exact", "prefix")
_SENTENCE_END = re.compile(r"[.!?。！？…」』”\"')）]\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Shape:
    """The few measures of a line that the rules look at."""

    width: int  # display columns, CJK counting two
    words: int
    sentence: bool  # ends like a sentence

    @property
    def short(self) -> bool:
        return self.width <= SHORT_LINE_CHARS * 2 and not (self.sentence and self.width >= SENTENCE_MIN_WIDTH)

    @property
    def textlike(self) -> bool:
        return self.width >= LONG_LINE_CHARS or (self.sentence and self.width >= SENTENCE_MIN_WIDTH)


@lru_cache(maxsize=16384)
def shape(text: str) -> Shape:
    """The line's measures; cached, since the passes after this one ask again."""
    return Shape(display_width(text), len(_WORD.findall(text)), bool(_SENTENCE_END.search(text)))


def cue_of(text: str, width: int, index: CueIndex) -> tuple[str, str] | None:
    """The winning (rule code, detail) of the line's cues, or None.

    Long lines are prose: only cues that make up the whole line, or open it, count there.
    """
    kinds = KINDS if width <= CUE_MAX_CHARS * 2 else _LONG_KINDS if width <= CUE_MAX_CHARS * 4 else ("exact",)
    hit = index.first(text, normalize(text), kinds)
    return None if hit is None else (hit[0], f"{hit[1]} cue")


def first_pass(units: Sequence[Line], extra_cues: tuple = (), disabled: frozenset[str] = frozenset()) -> list[Line]:
    """Each unit labelled alone (``Line.first``; ``Line.label`` starts equal to it).

    ``extra_cues`` are configuration's additions to the cue files, ``disabled`` the rule
    codes switched off.
    """
    idx = index(extra_cues, tuple(c for c in PRIORITY if c not in disabled))
    out = []
    for unit in units:
        s = shape(unit.text)
        hit = cue_of(unit.text, s.width, idx)
        if hit is not None:
            out.append(unit.with_first(Label.BOILERPLATE, *hit))
        elif s.textlike or not s.short:
            out.append(unit.with_first(Label.CONTENT, "NC-TEXT", "text-like"))
        else:
            out.append(unit.with_first(Label.BOILERPLATE, "NC-NAV", "short"))
    return out
