"""The last pass: rules that run once the metadata finders have named the headline and the
byline lines (``pipeline.clean`` calls them after ``metadata.extract``, on lines where those are
``METADATA`` already).

- ``keep_standfirst``: the summary sentences between the headline and the body;
- ``continue_text``: a sentence right under the kept text that the model hesitates on, and a
  short line between kept text (a subheading), after every other rule has kept what it keeps;
- ``keep_sentence_fragments``: the dropped parts of a sentence whose other parts are kept (a dump
  of text nodes sets a link's text on a line of its own).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from newsclean import startcache
from newsclean.classify import shape
from newsclean.cuematch import ALL_KINDS, index
from newsclean.cues import alternation, context_words
from newsclean.document import Label, Line
from newsclean.linekinds import ELLIPSIS, INNER_STOP, bracketed_credit, bring_back, is_prose, is_sentence_line
from newsclean.punctuation import runs_on
from newsclean.repeat import normalized
from newsclean.thresholds import (MODEL_CONTINUE, MODEL_SANDWICH, MODEL_STANDFIRST, MODEL_UNSTOPPED, SENTENCE_MIN_WIDTH,
                                  STANDFIRST_MAX_BODY, STANDFIRST_MAX_GAP, UNSTOPPED_MAX_CAPITALS)


class _RepeatsAbove:
    """Whether a line repeats one above it (the same ``normalized``), for the late rules, which
    ask about a few lines of a page, going down it: the lines above are keyed only as far as the
    last question needs."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.seen: set[str] = set()
        self.keyed = 0  # lines[:keyed] are in ``seen``

    def __call__(self, i: int) -> bool:
        for j in range(self.keyed, i):
            self.seen.add(normalized(self.lines[j].text))
        self.keyed = max(self.keyed, i)
        key = normalized(self.lines[i].text)
        return len(key) > 1 and key in self.seen


def keep_standfirst(lines: list[Line], headline: int | None, probs: Sequence[float] | None) -> list[Line]:
    """The standfirst under the headline stays: on a page whose kept text starts under the
    headline (``headline``: the line the title finder took it from), the sentences between them
    that the model gives at least ``MODEL_STANDFIRST``.

    Many pages put a one- or two-sentence summary right under the headline, then the byline,
    the date, a photo and its caption, then the body. The model scores that summary low (it
    stands among the page's furniture, and another article's teaser looks the same), and
    ``context._keep_lead`` finds it only when nothing but short lines stands between it and the body.
    Right under the headline there is no other article's teaser, so this is told only once the
    title finder has named the headline (``lines`` are the labels after it: its line and the
    byline and date lines it took are ``METADATA``), and adding text above the body no longer
    moves where the title finder looks. When the body starts at most ``STANDFIRST_MAX_BODY``
    lines under the headline, every such sentence between them stays (a summary, the byline,
    a second summary paragraph); further down, only the first running-text line at most
    ``STANDFIRST_MAX_GAP`` lines under the headline, and the sentences right under it, when it
    is one: short lines and lines a cue or the metadata finders named are passed over, and a
    running-text line the model alone dropped (``NC-MODEL``) that is no such sentence ends the
    search (a subtitle, a teaser cut off with an ellipsis, a caption with a photo credit).
    Repeats of earlier lines stay out."""
    if probs is None or headline is None:
        return lines
    n = len(lines)
    first = next((i for i, l in enumerate(lines) if l.label is Label.CONTENT), n)
    if headline >= first:
        return lines

    near = first - headline <= STANDFIRST_MAX_BODY

    def fits(i: int) -> bool:
        line = lines[i]
        return (line.label is Label.BOILERPLATE and line.code == "NC-MODEL" and probs[i] >= MODEL_STANDFIRST
                and (is_sentence_line(line) or near and probs[i] >= MODEL_UNSTOPPED and shape(line.text).textlike
                     and _unstopped_sentence(line.text))
                and not line.text.endswith(ELLIPSIS))  # (no photo credit either)

    if near:
        span = [i for i in range(headline + 1, first) if fits(i)]
    else:
        top = next((i for i in range(headline + 1, min(first, headline + 1 + STANDFIRST_MAX_GAP))
                    if lines[i].label is Label.BOILERPLATE and lines[i].code == "NC-MODEL"
                    and shape(lines[i].text).textlike), None)
        span = []
        while top is not None and top < first and fits(top):
            span.append(top)
            top += 1
    repeated = _RepeatsAbove(lines)
    fresh = [i for i in span if not repeated(i)]
    return bring_back(lines, lines, fresh, probs, "standfirst under the headline")


def continue_text(lines: list[Line], probs: Sequence[float] | None, extra_cues: tuple = (),
                  disabled: frozenset[str] = frozenset()) -> list[Line]:
    """After every other rule, a line right under kept text that holds a sentence stays when the
    model gives it at least ``MODEL_CONTINUE``, and a short line between kept text from
    ``MODEL_SANDWICH`` on.

    ``context._revise_by_model`` keeps such a line under what the model kept, when it ends like a
    sentence; the rules after it keep more (a standfirst, an ingredient list, the next
    paragraphs, a lead), and the line under those is told here. A full stop inside the line is
    enough here (``is_prose``: a line citing its source, "Pressemitteilung Nr. 48/22 des BAG vom
    …", a sentence and its link, "… eyes and nose. pic.twitter.com/…") when it is at least
    ``SENTENCE_MIN_WIDTH`` columns wide. Only lines the model alone dropped (``NC-MODEL``) come
    back, and not: a repeat of an earlier line, a caption with a photo credit, a line cut off
    with an ellipsis, one most of whose words are capitalised (``_mostly_capitalised``:
    keywords), one holding a cue of any kind anywhere (the first pass reads only the whole or
    the start of a long line: "© … No part of this site may be reproduced …"; ``extra_cues`` and
    ``disabled`` as configured). It takes one step only: a line kept here keeps nothing under
    it (a list of dated headlines, "2011-11-21 США. «Wrigley» выпускает …", stays out).

    Likewise a short line (the first pass's ``NC-NAV`` by shape alone) the model gives at least
    ``MODEL_SANDWICH`` between two lines kept by any rule is a subheading ("Das beste kommt
    jetzt:"), as ``context._revise_by_model`` tells it between two lines the model itself kept."""
    if probs is None:
        return lines
    out = lines
    n = len(lines)
    repeated = _RepeatsAbove(lines)
    for i, line in enumerate(lines):
        if (i and lines[i - 1].label is Label.CONTENT and line.label is Label.BOILERPLATE and line.code == "NC-MODEL"
                and probs[i] >= MODEL_CONTINUE and shape(line.text).width >= SENTENCE_MIN_WIDTH and not repeated(i)
                and is_prose(line) and not _has_credit(line.text) and not line.text.endswith(ELLIPSIS)
                and not _mostly_capitalised(line.text)
                and index(extra_cues).scan([line.text]).winner(0, ALL_KINDS, disabled) is None):
            out = bring_back(lines, out, (i,), probs, "sentence under the kept text")
        elif (0 < i < n - 1 and lines[i - 1].label is Label.CONTENT and lines[i + 1].label is Label.CONTENT
              and line.label is Label.BOILERPLATE and line.code == "NC-MODEL" and line.first_code == "NC-NAV"
              and probs[i] >= MODEL_SANDWICH):
            out = bring_back(lines, out, (i,), probs, "short line between text")
    return out


def keep_sentence_fragments(lines: list[Line]) -> list[Line]:
    """The dropped parts of a sentence whose other parts are kept come back, whatever their cue or
    repeat: a dump of text nodes sets a link's or an emphasis's text on a line of its own ('… of all
    time is' / 'KaZaA' / ', which this year …', 'download it from' / 'the project's site' / 'or from'), and the
    model scores the short parts apart from their sentence. A sentence is a run of lines each going on
    from the one above (``runs_on``); a list of links in lower case reads as one too, and comes back
    with a kept item. (Lines whose value went to the front matter are not taken back.)"""
    out = lines
    n = len(lines)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and runs_on(lines[j].text, lines[j + 1].text):
            j += 1
        if j > i and any(lines[k].label is Label.CONTENT for k in range(i, j + 1)):
            for k in range(i, j + 1):
                if lines[k].label is Label.BOILERPLATE:
                    if out is lines:
                        out = list(lines)
                    out[k] = lines[k].with_final(Label.CONTENT, "NC-TEXT", "part of a sentence kept around it")
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _credit_tail() -> re.Pattern:
    """A photo credit after its label at a line's end, "… Maskenpflicht. Foto: ccnull/Marco
    Verch/cc by sa 2.0" (``data/context.toml``'s ``credit_labels``): at most 80 characters
    after the label, without a sentence's full stop (a full stop inside a name or an address,
    "Shutterstock.com", is none)."""
    return startcache.compile(rf"\b(?:{alternation(context_words('credit_labels')).pattern})\s*:\s*"
                              r"(?:[^.!?\s]|[.!?]?\s(?=\S)|\.(?=\S)){1,80}$", re.I)


def _has_credit(text: str) -> bool:
    """A caption's photo credit: in brackets at the end (``bracketed_credit``) or after its label
    (``_credit_tail``)."""
    return bracketed_credit().search(text) is not None or _credit_tail().search(text) is not None


# what stands between the items of a menu, a tag list or a "« previous | Main | next »" line
_SEPARATORS = frozenset("|·•«»‹›")
# link texts glued together by the dump, "Quoi de neufInformation aux visiteurs", "… im Alltag.Jetzt abonnieren";
# or a ticker's headline and its time, "… in private clinics 10:05"
_GLUED = startcache.compile(r"[a-zß-ÿ][.!?]?[A-ZÀ-Þ]|\b\d{1,2}:\d\d$")
# a space next to a CJK character: headlines set side by side (a CJK sentence has no spaces)
_CJK_SPACE = startcache.compile(r"[\u3040-\u30ff\u3400-\u9fff] | [\u3040-\u30ff\u3400-\u9fff]")


def _unstopped_sentence(text: str) -> bool:
    """A running-text line that reads as one sentence whose full stop was left off, as many
    sites set the summary under a headline ("Mark Helfrich über das gewaltige Potenzial der
    Technologie im Kampf gegen den Klimawandel"): no second sentence (a caption followed by its
    credit, "… overnight Tuesday. Eugene Paik/Star-Ledger"), no separators or glued link
    texts (a menu, a tag list), no time at its end (a ticker's headline), no spaced CJK runs
    (headlines side by side), not mostly capitalised words (``_mostly_capitalised``: a run of
    names and menu entries, "Music CDs and Records"), and no photo credit."""
    if (not _SEPARATORS.isdisjoint(text) or INNER_STOP.search(text) or _GLUED.search(text)
            or _CJK_SPACE.search(text)):
        return False
    return not _mostly_capitalised(text) and not _has_credit(text)


def _mostly_capitalised(text: str) -> bool:
    """More than ``UNSTOPPED_MAX_CAPITALS`` of the line's cased words open with a capital: a run
    of names, menu entries or keywords ("Music CDs and Records", "Trades & Tenders, Banking and
    Finance, Certification"), not a sentence."""
    cased = [w[0].isupper() for w in text.split() if w[0].isupper() or w[0].islower()]
    return bool(cased) and sum(cased) > UNSTOPPED_MAX_CAPITALS * len(cased)
