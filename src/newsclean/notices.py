"""Reprint, rights and disclaimer notices written out as long sentences: dropped at any width.

The cue files' ``NC-LEGAL`` words are trusted on short lines, and at the start of a line of
middling width (``classify.cue_kinds``), since prose may speak of copyright. A few formulas,
though, are the notice itself, and no article sentence is written with them: a ban on reprinting
without leave ("未经本网授权不得转载", "This material may not be published, broadcast, rewritten
or redistributed"), a claim to the rights ("版权均属于新华社"), a request to name the source on
reprint ("转载请注明出处"), a portal's disclaimer of what it reprints ("登载此文出于传递更多信息之目的",
"不代表本网观点", "不构成投资建议"). Chinese portals set them as one long line under the article
("凡本网注明“来源：新华网”的所有作品，版权均属于新华社，未经本网授权不得转载……"), too long for
any cue to be trusted, and the model keeps some of them for their length.

Every kept line holding one, however long, becomes ``NC-LEGAL`` once every other rule has run
(the model's features do not read these formulas, so it needs no refit for them). The formulas
are regular expressions in ``data/context.toml`` (``reprint_notices``), looked for only on a page
holding one of their words (``reprint_notice_words``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from newsclean import startcache
from newsclean.cues import context_words
from newsclean.document import Label, Line

__all__ = ["drop_reprint_notices", "is_reprint_notice"]

DETAIL = "reprint, rights or disclaimer notice"


@lru_cache(maxsize=1)
def _formulas() -> re.Pattern:
    return startcache.compile("|".join(f"(?:{p})" for p in context_words("reprint_notices")), re.I)


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    return tuple(w.lower() for w in context_words("reprint_notice_words"))


def _has_word(low: str) -> bool:
    return any(w in low for w in _words())


def is_reprint_notice(text: str) -> bool:
    """Whether the line holds a reprint ban, a claim to the rights, a request to credit or a
    portal's disclaimer."""
    return _has_word(text.lower()) and _formulas().search(text) is not None


def drop_reprint_notices(lines: Sequence[Line]) -> list[Line]:
    """The lines, each kept line holding a reprint, rights or disclaimer formula
    (``is_reprint_notice``) relabelled ``NC-LEGAL``. Run last (``pipeline.clean``), so that no
    later rule brings one back, and on the kept text alone, which most pages let through after one
    look for the formulas' words."""
    if not _has_word("\n".join(l.text for l in lines if l.label is Label.CONTENT).lower()):
        return list(lines)
    return [l.with_final(Label.BOILERPLATE, "NC-LEGAL", DETAIL)
            if l.label is Label.CONTENT and is_reprint_notice(l.text) else l for l in lines]
