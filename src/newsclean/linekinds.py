"""What a line reads as, for the rules that revise the labels (``context``, ``region``, ``runs``,
``lastpass``), and how they bring a line back.

A label the first pass guessed from the line's shape alone (``is_weak``: a short line it called
navigation) is open to revision, a cue's is not. A sentence of running text (``is_sentence_line``)
or a line holding one (``is_prose``) goes on with an article; a line cut off with an ellipsis
(``ELLIPSIS``) is a teaser, a sentence ending in its photo credit in brackets
(``bracketed_credit``) a caption. A list header, a comment widget or a pager (``ENDERS``) ends the
article when it stands after most of its text. ``bring_back`` keeps lines the model alone dropped,
naming the rule that kept them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from newsclean import startcache
from newsclean.classify import shape
from newsclean.cues import alternation, context_words
from newsclean.document import Label, Line

# codes of the first pass that are only a guess from shape, open to revision
_WEAK = {("NC-NAV", "short")}


def is_weak(line: Line) -> bool:
    """The first pass named the line from its shape alone (a short line: navigation, it guessed)."""
    return (line.first_code, line.detail) in _WEAK


# cue codes that end the article when they stand after most of its text
ENDERS = ("NC-REL", "NC-COMMENT", "NC-PAGE")
# how a teaser's text is cut off
ELLIPSIS = ("...", "…", "[…]", "[...]", "…»", "...»", "…)", "...)")
# a line ending so opens a list
COLON = (":", "：")


@lru_cache(maxsize=1)
def bracketed_credit() -> re.Pattern:
    """A caption ending in its photo credit in brackets, "… on stage (Photo: AP)", "… (Symbolbild)"
    (``data/context.toml``'s ``credit_labels`` opening the brackets): it ends like a sentence but is none."""
    return startcache.compile(rf"[(\[]\s*(?:{alternation(context_words('credit_labels')).pattern})\b"
                              r"[^)\]]{0,80}[)\]]\s*\.?$", re.I)


def is_sentence_line(line: Line) -> bool:
    """A line that reads as running text: long enough, ending like a sentence (not a caption)."""
    s = shape(line.text)
    return s.textlike and s.sentence and bracketed_credit().search(line.text) is None


# a full stop that ends a sentence inside a line (or at its end): a line holding one is prose
INNER_STOP = startcache.compile(r"[.!?。！？](?:\s|$)")


def is_prose(line: Line) -> bool:
    """Running text that holds a sentence: it ends like one, or a full stop stands inside it."""
    return is_sentence_line(line) or INNER_STOP.search(line.text) is not None


def bring_back(lines: list[Line], out: list[Line], span: Sequence[int], probs: Sequence[float], why: str) -> list[Line]:
    """``out`` with the lines of ``span`` that the model alone dropped (``NC-MODEL``: no cue named
    them, no repeat) kept as ``NC-TEXT`` for ``why``; a copy of ``lines`` once anything changes."""
    for k in span:
        if out[k].label is not Label.CONTENT and out[k].code == "NC-MODEL":
            if out is lines:
                out = list(lines)
            out[k] = out[k].with_final(Label.CONTENT, "NC-TEXT", f"{why}, p={probs[k]:.2f}")
    return out
