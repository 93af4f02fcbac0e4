"""First pass: label every line on its own, from its cue words and its shape.

A line that matches a boilerplate cue gets that cue's rule code. Any other line is
content if it reads like text (long enough, or a sentence), and provisionally
boilerplate (``NC-NAV``, "short") if it is a short fragment: the second pass
(``newsclean.context``) decides those by their neighbours, as jusText does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from newsclean.blocks import display_width
from newsclean.cues import CueSet, normalize
from newsclean.document import Label, Line
from newsclean.thresholds import CUE_MAX_CHARS, LONG_LINE_CHARS, SHORT_LINE_CHARS

# When several cues fire on one line, the first code in this order wins: the more
# specific kinds (a permalink, a tag line) before the generic ones (navigation).
PRIORITY = ("NC-LINK", "NC-TAGS", "NC-CRUMB", "NC-EDITOR", "NC-META", "NC-LEGAL", "NC-CONTACT",
            "NC-SHARE", "NC-REL", "NC-PAGE", "NC-COMMENT", "NC-PROMPT", "NC-IMAGE", "NC-COUNT", "NC-NAV")

# Cue kinds that are trusted on longer lines: a line that *is* a cue, or starts with one.
_LONG_OK = {"exact", "prefix"}
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
        return self.width <= SHORT_LINE_CHARS * 2 and not (self.sentence and self.words >= 6)

    @property
    def textlike(self) -> bool:
        return self.width >= LONG_LINE_CHARS or (self.sentence and self.width > SHORT_LINE_CHARS * 2)


def shape(text: str) -> Shape:
    return Shape(display_width(text), len(_WORD.findall(text)), bool(_SENTENCE_END.search(text)))


def cue_of(text: str, width: int, table: dict[str, CueSet], disabled: frozenset[str]) -> tuple[str, str] | None:
    """The winning (rule code, detail) of the line's cues, or None."""
    norm = normalize(text)
    for code in PRIORITY:
        cue = table.get(code)
        if cue is None or code in disabled:
            continue
        kind = cue.match(text, norm)
        if kind is None:
            continue
        if width > CUE_MAX_CHARS * 2 and kind not in _LONG_OK:
            continue
        if width > CUE_MAX_CHARS * 4 and kind == "prefix":
            continue
        return code, f"{kind} cue"
    return None


def first_pass(units: Sequence[Line], table: dict[str, CueSet], disabled: frozenset[str] = frozenset()) -> list[Line]:
    """Each unit labelled alone (``Line.first``; ``Line.label`` starts equal to it)."""
    out = []
    for unit in units:
        s = shape(unit.text)
        hit = cue_of(unit.text, s.width, table, disabled)
        if hit is not None:
            out.append(unit.with_first(Label.BOILERPLATE, *hit))
        elif s.textlike or not s.short:
            out.append(unit.with_first(Label.CONTENT, "NC-TEXT", "text-like"))
        else:
            out.append(unit.with_first(Label.BOILERPLATE, "NC-NAV", "short"))
    return out
