"""Second pass: revise each line's label by its neighbours and by where the article is.

With the learned model (``_revise_by_model``), its probabilities decide, since its
features already describe the neighbours and the page's main text region; a cue still
names the kind of a boilerplate line, a short line sandwiched between kept text stays
(a subheading), a sentence or a colon-opened list right under kept text stays when the
model only hesitates, a line repeating one the page dropped earlier goes (``NC-DUP``), a
page that would keep nothing keeps its best stretch of running text (``_rescue_empty``), and,
once the title finder has named the headline, the standfirst under it stays
(``keep_standfirst``, called by the pipeline).

Without it (rules only), the article is taken to be mostly one contiguous stretch. Each
line gets a score from its first-pass label, weighted by its length; the stretch with the
highest total is the main region (``main_span``, a maximum-sum subarray). Then:

- lines outside the region are dropped (``NC-OUTSIDE``), whatever they look like;
- a list header (``NC-REL``) inside the region ends the article when less running text
  follows it than precedes it, else only the header and the headline run under it go;
- teaser pairs (a headline, then another article's first lines cut off with "...") go;
- short lines inside the region are kept when text stands on both sides of them
  (subheadings, captions), dropped otherwise;
- a line repeating an earlier one is dropped (``NC-DUP``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import AbstractSet, Sequence

from newsclean import startcache
from newsclean.classify import is_contains_cue, is_pattern_cue, is_prefix_cue, shape
from newsclean.cuematch import ALL_KINDS, index
from newsclean.cues import alternation, context_words, cues
from newsclean.document import Label, Line
from newsclean.punctuation import runs_on
from newsclean.repeat import normalized
from newsclean.thresholds import (CODE_MIN_LINES, CODE_NEAR_LINES, INGREDIENT_MAX_GAP, INGREDIENT_MIN_LINES,
                                  LEAD_BODY_MIN, LEAD_MAX_GAP, LEAD_SKIP_MAX, LIST_MAX_ITEMS, LONG_LINE_CHARS,
                                  MODEL_CONTINUE, MODEL_KEEP, MODEL_KEEP_UNDER_LIST, MODEL_KEEP_UNDER_THREAD,
                                  MODEL_LEAD, MODEL_LIST_INTRO, MODEL_LIST_ITEM, MODEL_NEAR_LINES, MODEL_NEAR_MARGIN,
                                  MODEL_OVER_CONTAINS, MODEL_PARAGRAPHS, MODEL_SANDWICH, MODEL_STANDFIRST, MODEL_SURE_PAGE,
                                  NAV_RUN_MIN, STANDFIRST_MAX_BODY, STANDFIRST_MAX_GAP,
                                  PARAGRAPHS_GAP, REGION_GAP_PENALTY, RESCUE_MIN_P, RESCUE_MIN_WIDTH, SPLIT_COUNT_LINES,
                                  SENTENCE_MIN_WIDTH, THREAD_MIN_BEFORE, MODEL_UNSTOPPED, UNSTOPPED_MAX_CAPITALS,
                                  INLINE_LINK_MIN_WIDTH)

# cue codes that end the article when they stand after most of its text
_ENDERS = ("NC-REL", "NC-COMMENT", "NC-PAGE")
# codes of the first pass that are only a guess from shape, open to revision
_WEAK = {("NC-NAV", "short")}


def main_span(weights: Sequence[float]) -> tuple[int, int]:
    """The [start, end) stretch with the largest sum of weights (empty page: (0, 0))."""
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def _length_weight(text: str) -> float:
    return math.sqrt(max(1, shape(text).width))


def line_scores(lines: Sequence[Line], probs: Sequence[float] | None) -> list[float]:
    """Per line: how much it pulls the main region towards itself (negative: away)."""
    out = []
    for i, line in enumerate(lines):
        if probs is not None:
            centred = probs[i] - MODEL_KEEP
        elif line.first is Label.CONTENT:
            centred = 0.5
        elif (line.first_code, line.detail) in _WEAK:
            centred = -REGION_GAP_PENALTY
        else:
            centred = -0.5
        out.append(centred * _length_weight(line.text))
    return out


_ELLIPSIS = ("...", "…", "[…]", "[...]", "…»", "...»", "…)", "...)")


def _is_teaser_pair(lines: Sequence[Line], i: int) -> bool:
    """A line cut off with an ellipsis right under a headline-like line: a teaser of another article."""
    if i == 0 or not lines[i].text.endswith(_ELLIPSIS):
        return False
    prev = lines[i - 1].text
    return not shape(prev).sentence and not prev.endswith(_ELLIPSIS)


def _is_weak(line: Line) -> bool:
    return (line.first_code, line.detail) in _WEAK


def overlay(lines: Sequence[Line], fixed: dict[int, tuple[str, str]]) -> list[Line]:
    """The lines, with those whose value went to the front matter relabelled METADATA.

    ``fixed`` maps a line index to the (rule code, detail) of the metadata finder.
    """
    return [l.with_final(Label.METADATA, *fixed[l.index]) if l.index in fixed else l for l in lines]


def revise(lines: Sequence[Line], probs: Sequence[float] | None = None,
           disabled: AbstractSet[str] = frozenset()) -> list[Line]:
    """Final labels for the lines (new Line values; the input is not changed).

    ``probs`` are the learned model's P(content) per line, if any; ``disabled`` the rule codes
    switched off (the rules that would name a line so are skipped).
    """
    if probs is not None:
        return _revise_by_model(lines, [float(p) for p in probs], disabled)  # plain floats compare faster
    n = len(lines)
    keep = [False] * n
    code = [l.first_code for l in lines]
    detail = [l.detail for l in lines]
    scores = line_scores(lines, probs)
    start, end = main_span(scores)

    teaser = [_is_teaser_pair(lines, i) for i in range(n)]

    def content_weight(lo: int, hi: int) -> float:
        """Weight of the lines that read as sentences of an article (not teasers, not headlines)."""
        return sum(max(0.0, scores[i]) for i in range(lo, hi)
                   if not teaser[i] and shape(lines[i].text).sentence)

    # a list header in the region that precedes less text than it follows ends the region
    for i in range(start, end):
        if lines[i].first_code in _ENDERS:
            if content_weight(i + 1, end) < content_weight(start, i):
                end = i
                break

    for i in range(n):
        line = lines[i]
        if i < start or i >= end:
            if "NC-OUTSIDE" in disabled:
                keep[i] = line.first is Label.CONTENT
            elif line.first is Label.CONTENT or _is_weak(line) or probs is not None and probs[i] >= MODEL_KEEP:
                code[i], detail[i] = "NC-OUTSIDE", "outside the main region"
            continue
        if probs is not None:
            keep[i] = probs[i] >= MODEL_KEEP and not (line.first is Label.BOILERPLATE and not _is_weak(line))
            if keep[i]:
                code[i], detail[i] = "NC-MODEL", f"p={probs[i]:.2f}"
            elif _is_weak(line) or line.first is Label.CONTENT:
                code[i], detail[i] = "NC-MODEL", f"p={probs[i]:.2f}"
        else:
            keep[i] = line.first is Label.CONTENT

    if probs is None:
        # short lines with text on both sides inside the region: subheadings, captions
        for i in range(start, end):
            if keep[i] or not _is_weak(lines[i]):
                continue
            before = next((j for j in range(i - 1, start - 1, -1) if not _is_weak(lines[j])), None)
            after = next((j for j in range(i + 1, end) if not _is_weak(lines[j])), None)
            if before is not None and after is not None and keep[before] and keep[after]:
                keep[i] = True
                code[i], detail[i] = "NC-TEXT", "short line between text"

    # teaser pairs (a headline, then the start of its article cut off with "...")
    lists_off = "NC-REL" in disabled
    for i in range(start, end):
        if teaser[i] and keep[i] and not lists_off:
            keep[i] = False
            code[i], detail[i] = "NC-REL", "teaser cut off with an ellipsis"
            if i > 0 and keep[i - 1] and not shape(lines[i - 1].text).sentence:
                keep[i - 1] = False
                code[i - 1], detail[i - 1] = "NC-REL", "headline of a teaser"

    # a list header inside the article: drop it and the headline run under it
    i = start
    while i < end and not lists_off:
        if lines[i].first_code == "NC-REL" and not keep[i]:
            j = i + 1
            while j < end and not shape(lines[j].text).textlike:
                if keep[j]:
                    keep[j] = False
                    code[j], detail[j] = "NC-REL", "headline under a list header"
                j += 1
            i = j
        else:
            i += 1

    seen: set[str] = set()
    out = []
    for i, line in enumerate(lines):
        key = normalized(line.text)
        if keep[i] and key in seen and len(key) > 1 and "NC-DUP" not in disabled:
            out.append(line.with_final(Label.BOILERPLATE, "NC-DUP", "repeats an earlier line"))
            continue
        seen.add(key)
        if keep[i]:
            out.append(line.with_final(Label.CONTENT, code[i] if code[i] != "NC-NAV" else "NC-TEXT", detail[i]))
        else:
            out.append(line.with_final(Label.BOILERPLATE, code[i], detail[i]))
    if "NC-COMMENT" in disabled:
        return out
    return _cut_comment_thread(out, _thread_header(lines, out), None)


@lru_cache(maxsize=1)
def _bracketed_credit() -> re.Pattern:
    """A caption ending in its photo credit in brackets, "… on stage (Photo: AP)", "… (Symbolbild)"
    (``data/context.toml``'s ``credit_labels`` opening the brackets): it ends like a sentence but is none."""
    return startcache.compile(rf"[(\[]\s*(?:{alternation(context_words('credit_labels')).pattern})\b"
                              r"[^)\]]{0,80}[)\]]\s*\.?$", re.I)


def _continues_text(line: Line) -> bool:
    """A line that reads as running text: long enough, ending like a sentence (not a caption)."""
    s = shape(line.text)
    return s.textlike and s.sentence and _bracketed_credit().search(line.text) is None


_COLON = (":", "：")


def _revise_by_model(lines: Sequence[Line], probs: Sequence[float],
                     disabled: AbstractSet[str] = frozenset()) -> list[Line]:
    """Labels from the learned model's probabilities (it already sees the neighbours and the
    main region through its features); a boilerplate cue still overrides it, and a line
    repeating one the page dropped earlier goes (a menu or teaser shown twice). A line
    repeating a kept one stays when the model keeps it: a forum post's "Joined: …" or
    "Reply" under each post, the same field of each item of a listing, a quote of the post
    above (the gold texts keep every copy); a hesitant repeat is not brought back.

    Where the model hesitates, the line above decides. Under kept text, the article goes on
    with a sentence the model gives at least ``MODEL_CONTINUE`` (an article's last
    paragraphs often look less typical than its first ones; a sentence *before* the article
    is more often a teaser, so only text below kept text is kept this way), and with a line
    ending in a colon (``MODEL_LIST_INTRO``) and the short lines of the list it opens
    (``MODEL_LIST_ITEM``, at most ``LIST_MAX_ITEMS``). A short line with kept text right
    above and below stays too (a subheading). Above the article, only its lead comes back
    (``_keep_lead``)."""
    out: list[Line] = []
    seen: set[str] = set()  # keys of the lines so far: a hesitant line repeating one is not rescued
    dropped: set[str] = set()  # keys of the lines dropped so far: a line repeating one of them goes
    n = len(lines)
    list_left = 0  # items still expected in a list that a kept line ending in a colon opened
    kept = False  # whether the line above was kept
    repeats: list[bool] = []  # per line: it repeats an earlier one (read again by _grow_unsure)
    content, boilerplate = Label.CONTENT, Label.BOILERPLATE
    for i, (line, p) in enumerate(zip(lines, probs)):
        text = line.text
        key = normalized(text)
        repeated = key in seen and len(key) > 1
        repeats.append(repeated)
        under_kept = kept
        weak = _is_weak(line)
        if (MODEL_SANDWICH <= p < MODEL_KEEP and weak and 0 < i < n - 1
                and probs[i - 1] >= MODEL_KEEP and probs[i + 1] >= MODEL_KEEP):
            out.append(line.with_final(content, "NC-TEXT", f"short line between text, p={p:.2f}"))
        elif line.first is boilerplate and not weak and not (p >= MODEL_OVER_CONTAINS and is_contains_cue(line)):
            # a cue names the kind of boilerplate: its code, whatever the model says (but a word
            # the line only contains somewhere, "newsletter" or "广告" in a sentence the model is
            # all but sure of, is more often the article's own word)
            out.append(line.with_final(boilerplate, line.first_code, f"{line.detail}, p={p:.2f}"))
        elif p < MODEL_KEEP:
            why = None
            if under_kept and not repeated:
                if p >= MODEL_CONTINUE and _continues_text(line):
                    why = "sentence continuing the text above"
                elif p >= MODEL_LIST_INTRO and text.endswith(_COLON):
                    why = f"{_OPENS_LIST} under the text above"
                elif p >= MODEL_LIST_ITEM and list_left > 0 and weak:
                    why = "item of the list opened above"
            if why:
                out.append(line.with_final(content, "NC-TEXT", f"{why}, p={p:.2f}"))
            else:
                out.append(line.with_final(boilerplate, "NC-MODEL", f"p={p:.2f}"))
        elif repeated and key in dropped and "NC-DUP" not in disabled:
            out.append(line.with_final(boilerplate, "NC-DUP", "repeats a line dropped earlier"))
        else:
            out.append(line.with_final(content, "NC-MODEL", f"p={p:.2f}"))
        kept = out[-1].label is content
        seen.add(key)
        if not kept:
            dropped.add(key)
        if not kept and i and out[-2].detail.startswith(_OPENS_LIST):
            out[-2] = _drop_list_opener(out[-2], probs[i - 1])  # it opened nothing
        if kept and text.endswith(_COLON):
            list_left = LIST_MAX_ITEMS
        elif kept and list_left > 0 and weak:
            list_left -= 1
        else:
            list_left = 0
    if out and out[-1].detail.startswith(_OPENS_LIST):
        out[-1] = _drop_list_opener(out[-1], probs[-1])
    out = _keep_code(_keep_ingredients(_grow_unsure(out, probs, repeats), probs), probs)
    out = _keep_paragraphs(out, probs, repeats)
    if "NC-REL" not in disabled:
        out = _cut_after_list_header(_drop_inline_list(out, probs), probs, lines)
    out = _keep_lead(out, probs, repeats, lines)
    if "NC-COMMENT" not in disabled:
        out = _cut_comment_thread(out, _thread_header(lines, out), probs)
    return _rescue_empty(out, probs, repeats)


# a full stop that ends a sentence inside a line (or at its end): a line holding one is prose
_INNER_STOP = startcache.compile(r"[.!?。！？](?:\s|$)")


def _is_prose(line: Line) -> bool:
    """Running text that holds a sentence: it ends like one, or a full stop stands inside it."""
    return _continues_text(line) or _INNER_STOP.search(line.text) is not None


@lru_cache(maxsize=1)
def _credit_tail() -> re.Pattern:
    """A photo credit after its label at a line's end, "… Maskenpflicht. Foto: ccnull/Marco
    Verch/cc by sa 2.0" (``data/context.toml``'s ``credit_labels``): at most 80 characters
    after the label, without a sentence's full stop (a full stop inside a name or an address,
    "Shutterstock.com", is none)."""
    return startcache.compile(rf"\b(?:{alternation(context_words('credit_labels')).pattern})\s*:\s*"
                              r"(?:[^.!?\s]|[.!?]?\s(?=\S)|\.(?=\S)){1,80}$", re.I)


def _has_credit(text: str) -> bool:
    """A caption's photo credit: in brackets at the end (``_bracketed_credit``) or after its label
    (``_credit_tail``)."""
    return _bracketed_credit().search(text) is not None or _credit_tail().search(text) is not None


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
    if (not _SEPARATORS.isdisjoint(text) or _INNER_STOP.search(text) or _GLUED.search(text)
            or _CJK_SPACE.search(text)):
        return False
    return not _mostly_capitalised(text) and not _has_credit(text)


def _mostly_capitalised(text: str) -> bool:
    """More than ``UNSTOPPED_MAX_CAPITALS`` of the line's cased words open with a capital: a run
    of names, menu entries or keywords ("Music CDs and Records", "Trades & Tenders, Banking and
    Finance, Certification"), not a sentence."""
    cased = [w[0].isupper() for w in text.split() if w[0].isupper() or w[0].islower()]
    return bool(cased) and sum(cased) > UNSTOPPED_MAX_CAPITALS * len(cased)


def _rescue_empty(lines: list[Line], probs: Sequence[float], repeated: Sequence[bool]) -> list[Line]:
    """A page that would keep nothing keeps its best stretch of running text.

    On a page unlike those the model learned from (a news portal whose article stands among
    score tables and teasers, a blog post of one long paragraph above a comment form, a
    language it saw little of), it may give the article's paragraphs less than ``MODEL_KEEP``
    everywhere, and the page would come out empty, though its article is there. So, when
    nothing is kept, the running-text lines (``textlike``) the model gives at least
    ``RESCUE_MIN_P`` are grouped into stretches, at most ``PARAGRAPHS_GAP`` other lines apart;
    the widest stretch that holds a sentence (``_is_prose``: a run of link texts glued
    together, "Parent BlogsHow to Be an Online Shopping ExpertOnline Games", holds none) comes
    back when it has at least ``RESCUE_MIN_WIDTH`` columns (an error page's one sentence stays
    out). Lines a cue names and repeats stay out (``code`` other than ``NC-MODEL``,
    ``repeated[i]``)."""
    if any(l.label is Label.CONTENT for l in lines):
        return lines
    ok = [l.code == "NC-MODEL" and probs[i] >= RESCUE_MIN_P and not repeated[i] and shape(l.text).textlike
          for i, l in enumerate(lines)]
    best, best_width, i, n = None, 0, 0, len(lines)
    while i < n:
        if not ok[i]:
            i += 1
            continue
        members, last, j = [i], i, i + 1
        while j < n and j - last <= PARAGRAPHS_GAP + 1:
            if ok[j]:
                members.append(j)
                last = j
            j += 1
        width = sum(shape(lines[k].text).width for k in members)
        if width > best_width and any(_is_prose(lines[k]) for k in members):
            best, best_width = members, width
        i = last + 1
    if best is None or best_width < RESCUE_MIN_WIDTH:
        return lines
    return _bring_back(lines, lines, best, probs, "best text of a page that kept nothing")


def _grow_unsure(lines: list[Line], probs: Sequence[float], repeated: Sequence[bool]) -> list[Line]:
    """On a page the model is unsure of everywhere, the kept text grows by the lines next to it
    that the model nearly keeps.

    When no line reaches ``MODEL_SURE_PAGE``, the page is of a kind the model knows less well
    (a recipe, a product or spec page, a forum thread, docs) and its probabilities run low all
    through the article: the article's lists, table rows and short subheadings fall a little
    under ``MODEL_KEEP`` while the menus and link lists around it stay far below. There, a line
    the model gives at least ``MODEL_KEEP - MODEL_NEAR_MARGIN`` is kept when kept text stands
    at most ``MODEL_NEAR_LINES`` lines away (repeated until nothing changes, so a run of such
    lines grows from the text). Only lines under the first kept one grow: before the article a
    hesitant line is more often a teaser. Lines a cue names, repeats, captions ending in a photo
    credit, a colon line that opened no list and lines without a letter (a market ticker's
    "-216.12 (-1.15%)") stay out (``repeated[i]``: line i repeats an earlier one)."""
    if not probs or max(probs) >= MODEL_SURE_PAGE:
        return lines
    floor = MODEL_KEEP - MODEL_NEAR_MARGIN
    out = list(lines)
    n = len(out)
    first = next((i for i, l in enumerate(out) if l.label is Label.CONTENT), n)
    grow = [i > first and not repeated[i] and out[i].code == "NC-MODEL" and floor <= probs[i] < MODEL_KEEP
            and not out[i].detail.endswith(_OPENS_NO_LIST) and _bracketed_credit().search(out[i].text) is None
            and any(c.isalpha() for c in out[i].text)
            for i in range(n)]
    changed = True
    while changed:
        changed = False
        for i in range(n):
            if not grow[i] or out[i].label is Label.CONTENT:
                continue
            lo, hi = max(0, i - MODEL_NEAR_LINES), min(n, i + MODEL_NEAR_LINES + 1)
            if any(out[j].label is Label.CONTENT for j in range(lo, hi)):
                out[i] = out[i].with_final(Label.CONTENT, "NC-TEXT", f"near kept text on an unsure page, p={probs[i]:.2f}")
                changed = True
    return out


def _keep_paragraphs(lines: list[Line], probs: Sequence[float], repeated: Sequence[bool]) -> list[Line]:
    """The article's next paragraphs stay: a run of two or more sentences in a row, each one the
    model gives at least ``MODEL_PARAGRAPHS``, right under kept text or at most
    ``PARAGRAPHS_GAP`` short or cue-named lines (a subheading, a caption, an ad label) under it.

    A sentence under the article alone is as often a teaser, a caption or a notice as the
    article's next paragraph, which is why ``MODEL_CONTINUE`` asks more of it; two or more
    running-text sentences in a row under the article are, on the train pages' gold, more often
    its own paragraphs the model lost confidence in (its last ones, a quoted statement, the text
    after an in-article box). Lines a cue names, repeats, captions ending in a photo credit and
    lines that are no sentences (``_continues_text``) break a run; a running-text line between
    the run and the kept text ends the search."""
    out = lines
    n = len(lines)
    ok = [l.code == "NC-MODEL" and probs[i] >= MODEL_PARAGRAPHS and not repeated[i] and _continues_text(l)
          for i, l in enumerate(lines)]
    i = 0
    while i < n:
        if not ok[i]:
            i += 1
            continue
        j = i
        while j < n and ok[j]:
            j += 1
        if j - i >= 2:
            k = i - 1  # up to the kept line above, over short or cue-named lines only
            while k >= i - 1 - PARAGRAPHS_GAP and k >= 0 and out[k].label is not Label.CONTENT and (
                    lines[k].first is Label.BOILERPLATE or not shape(lines[k].text).textlike):
                k -= 1
            if k >= max(0, i - 1 - PARAGRAPHS_GAP) and out[k].label is Label.CONTENT:
                out = _bring_back(lines, out, range(i, j), probs, "paragraphs under the text above")
        i = j
    return out


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


def _bring_back(lines: list[Line], out: list[Line], span: Sequence[int], probs: Sequence[float], why: str) -> list[Line]:
    """``out`` with the lines of ``span`` that the model alone dropped (``NC-MODEL``: no cue named
    them, no repeat) kept as ``NC-TEXT`` for ``why``; a copy of ``lines`` once anything changes."""
    for k in span:
        if out[k].label is not Label.CONTENT and out[k].code == "NC-MODEL":
            if out is lines:
                out = list(lines)
            out[k] = out[k].with_final(Label.CONTENT, "NC-TEXT", f"{why}, p={probs[k]:.2f}")
    return out


def _keep_code(lines: list[Line], probs: Sequence[float]) -> list[Line]:
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
            out = _bring_back(lines, out, range(first, last + 1), probs, "code block")
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


def _keep_ingredients(lines: list[Line], probs: Sequence[float]) -> list[Line]:
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
            start = above if first and lines[above].text.endswith(_COLON) and shape(lines[above].text).short else first
            out = _bring_back(lines, out, range(start, last + 1), probs, "ingredient list")
    return out


_OPENS_LIST = "opens a list"
_OPENS_NO_LIST = "opens no list"


def _drop_list_opener(line: Line, p: float) -> Line:
    return line.with_final(Label.BOILERPLATE, "NC-MODEL", f"p={p:.2f}, {_OPENS_NO_LIST}")


@lru_cache(maxsize=1)
def _continues() -> re.Pattern:
    """An ad slot's note that the article goes on under it ("Story continues below"), from
    ``data/context.toml``: a list header just above such a note opens an inline box."""
    return alternation(context_words("continues"), whole_words=True)


def _drop_inline_list(lines: list[Line], probs: Sequence[float]) -> list[Line]:
    """The items of a list of other articles set inside the article go: under a "Related
    articles" header, the lines down to the article's next running text (headlines, their
    dates) are its teasers, which the model may score as text, coming right after the
    article's paragraphs; a line the model is sure of (``MODEL_KEEP_UNDER_LIST``) stays.
    At most ``LIST_MAX_ITEMS`` lines; a header with running text right under it (a sentence
    that only mentions a cue) or none within them opens nothing."""
    out = lines
    n = len(lines)
    for i, line in enumerate(lines):
        if line.first_code != "NC-REL" or line.label is not Label.BOILERPLATE or not shape(line.text).short:
            continue
        end = next((j for j in range(i + 1, min(n, i + 1 + LIST_MAX_ITEMS + 1)) if shape(lines[j].text).textlike), None)
        if end is None or end == i + 1:
            continue
        for j in range(i + 1, end):
            if out[j].label is Label.CONTENT and probs[j] < MODEL_KEEP_UNDER_LIST:
                if out is lines:
                    out = list(lines)
                out[j] = out[j].with_final(Label.BOILERPLATE, "NC-REL", f"item of the list under line {line.index}")
    return out


def _inline_link(line: Line) -> bool:
    """A "Read more: <headline>" line: the cue opens it and a headline follows, one link to
    another article set inside this one, not the header of a list."""
    return is_prefix_cue(line) and shape(line.text).width > INLINE_LINK_MIN_WIDTH


def _cut_after_list_header(lines: list[Line], probs: Sequence[float], first: Sequence[Line]) -> list[Line]:
    """Everything kept under a list header that follows the bulk of the article goes.

    A "Related" / "相关阅读" header after most of the kept text starts the page's lists of
    other articles, whose teasers read like text; the first such header ends the article.
    Only lines the model is sure of (``MODEL_KEEP_UNDER_LIST``) stay under it: an inline
    "Read more: <headline>" box in the middle of an article is followed by the article's
    own paragraphs, which the model scores far higher than other articles' teasers. A header
    with an ad slot's "Story continues below" in the list under it is such a box too, and ends
    nothing, and so does a single "Read more: <headline>" line (``_inline_link``; ``first``
    are the first pass's lines, which tell the kind of cue).
    """
    widths = [shape(l.text).width if l.label is Label.CONTENT else 0 for l in lines]
    total = sum(widths)
    before = 0
    for i, line in enumerate(lines):
        if (line.first_code in _ENDERS and before > total - before - widths[i] and not _inline_link(first[i])
                and not any(_continues().search(l.text.lower()) for l in lines[i + 1:i + 1 + LIST_MAX_ITEMS])):
            return lines[:i + 1] + [
                l.with_final(Label.BOILERPLATE, "NC-REL", f"under the list header on line {line.index}")
                if l.label is Label.CONTENT and probs[j] < MODEL_KEEP_UNDER_LIST else l
                for j, l in enumerate(lines[i + 1:], i + 1)]
        before += widths[i]
    return lines


# a caption's last character: it closes the photo credit, "(Foto: …)", "[Bild: …]"
_CREDIT_END = (")", "）", "]")


def _keep_lead(lines: list[Line], probs: Sequence[float], repeated: Sequence[bool],
               first_pass: Sequence[Line]) -> list[Line]:
    """The article's lead (standfirst) comes back: a long sentence above its first kept line,
    set apart from it only by short lines (byline, date, share buttons) and captions.

    A news page often puts the headline, then a one-paragraph summary, then the byline, the
    date and the share buttons, then the body. The model scores that summary lower than the
    body (it stands among the page's furniture), so a sentence the model gives at least
    ``MODEL_LEAD`` comes back when it is the first running text above the body's first kept
    line, at most ``LEAD_MAX_GAP`` lines up, with at least one line between. The lines between
    must be short lines or cue-named ones the model gives less than ``LEAD_SKIP_MAX`` (or
    captions ending in their credit; a bound of its own, not ``MODEL_LEAD``: a byline or date
    the model half trusts hides no lead, and a lead it doubts more is still one): a longer
    line that is no running text is a headline, and one the model hesitates on may be one
    too; above the headline stands the page's header (a cookie or favourites notice), not a
    lead, and keeping it would move the start of the text above the headline the title finder
    looks for. A sentence right above the body stays out (more
    often another article's teaser, see ``_revise_by_model``), and so does one under
    ``LONG_LINE_CHARS`` (an error message, a "visit our directory" line), one cut off with an
    ellipsis, a caption with a photo credit, a repeat and a line a cue names. The body's first
    kept line must be one the model is sure of (``LEAD_BODY_MIN``): above a stray kept line,
    nothing is a lead. A menu between (``NAV_RUN_MIN`` short lines in a row that only their
    shape names, ``_is_weak`` on the ``first_pass`` lines) ends the search too: the text above
    a menu belongs to the page's header."""
    first = next((i for i, l in enumerate(lines) if l.label is Label.CONTENT), None)
    if first is None or probs[first] < LEAD_BODY_MIN or not shape(lines[first].text).textlike:
        return lines
    menu = 0  # short lines in a row that only their shape names (a menu, when NAV_RUN_MIN of them)
    for i in range(first - 1, max(-1, first - 1 - LEAD_MAX_GAP), -1):
        line = lines[i]
        s = shape(line.text)
        weak = _is_weak(first_pass[i])
        menu = menu + 1 if weak else 0
        if menu >= NAV_RUN_MIN:
            break
        if line.text.endswith(_CREDIT_END) or not s.textlike and probs[i] < LEAD_SKIP_MAX and (
                s.short or line.first is Label.BOILERPLATE and not weak):
            continue  # a byline, a date, a share button or a caption between the lead and the body
        if not s.textlike:
            break  # a headline (or what may be one): what stands above it is the page's header
        if (i < first - 1 and s.sentence and s.width >= LONG_LINE_CHARS and probs[i] >= MODEL_LEAD
                and line.code == "NC-MODEL" and not repeated[i] and not line.text.endswith(_ELLIPSIS)
                and _bracketed_credit().search(line.text) is None):
            out = list(lines)
            out[i] = line.with_final(Label.CONTENT, "NC-TEXT", f"lead above the article, p={probs[i]:.2f}")
            return out
        break
    return lines


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
    ``_keep_lead`` finds it only when nothing but short lines stands between it and the body.
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
                and (_continues_text(line) or near and probs[i] >= MODEL_UNSTOPPED and shape(line.text).textlike
                     and _unstopped_sentence(line.text))
                and not line.text.endswith(_ELLIPSIS))  # (no photo credit either)

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
    return _bring_back(lines, lines, fresh, probs, "standfirst under the headline")


def continue_text(lines: list[Line], probs: Sequence[float] | None, extra_cues: tuple = (),
                  disabled: frozenset[str] = frozenset()) -> list[Line]:
    """After every other rule, a line right under kept text that holds a sentence stays when the
    model gives it at least ``MODEL_CONTINUE``, and a short line between kept text from
    ``MODEL_SANDWICH`` on.

    ``_revise_by_model`` keeps such a line under what the model kept, when it ends like a
    sentence; the rules after it keep more (a standfirst, an ingredient list, the next
    paragraphs, a lead), and the line under those is told here. A full stop inside the line is
    enough here (``_is_prose``: a line citing its source, "Pressemitteilung Nr. 48/22 des BAG vom
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
    jetzt:"), as ``_revise_by_model`` tells it between two lines the model itself kept."""
    if probs is None:
        return lines
    out = lines
    n = len(lines)
    repeated = _RepeatsAbove(lines)
    for i, line in enumerate(lines):
        if (i and lines[i - 1].label is Label.CONTENT and line.label is Label.BOILERPLATE and line.code == "NC-MODEL"
                and probs[i] >= MODEL_CONTINUE and shape(line.text).width >= SENTENCE_MIN_WIDTH and not repeated(i)
                and _is_prose(line) and not _has_credit(line.text) and not line.text.endswith(_ELLIPSIS)
                and not _mostly_capitalised(line.text)
                and index(extra_cues).scan([line.text]).winner(0, ALL_KINDS, disabled) is None):
            out = _bring_back(lines, out, (i,), probs, "sentence under the kept text")
        elif (0 < i < n - 1 and lines[i - 1].label is Label.CONTENT and lines[i + 1].label is Label.CONTENT
              and line.label is Label.BOILERPLATE and line.code == "NC-MODEL" and line.first_code == "NC-NAV"
              and probs[i] >= MODEL_SANDWICH):
            out = _bring_back(lines, out, (i,), probs, "short line between text")
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


def _thread_header(first: Sequence[Line], lines: Sequence[Line]) -> int | None:
    """The first comment-count header ("53 Responses to “…”", "{ 7 comments… read them below }",
    "12 Kommentare") standing under at least ``THREAD_MIN_BEFORE`` columns of kept text.

    ``first`` are the first pass's lines (a count header is an ``NC-COMMENT`` pattern cue),
    ``lines`` the revised ones (whose kept text is measured)."""
    before = 0
    bare: list[bool] | None = None  # per line, a number alone (a split count has one: most windows are skipped)
    for i, (f, line) in enumerate(zip(first, lines)):
        if before >= THREAD_MIN_BEFORE:
            if bare is None:  # (only the lines under enough kept text are ever asked)
                bare = [False] * i + [_bare_number(g.text) for g in first[i:]]
            if f.first_code == "NC-COMMENT" and is_pattern_cue(f):
                count = f.text
            else:
                count = _split_count(first, i) if any(bare[i:i + SPLIT_COUNT_LINES]) else None
            if count is not None and not _NO_COMMENTS.match(count):
                return i
        if line.label is Label.CONTENT:
            before += shape(line.text).width
    return None


# a count of no comments ("0 Comments", "{ 0 comments… add one }", "0 条评论"): no thread under it
_NO_COMMENTS = startcache.compile(r"^\D*0(?!\d)")
_BARE_NUMBER = startcache.compile(r"^\W*\d+\W*$")  # a line that is a number alone ("53", "(12)", "{ 7")


def _bare_number(text: str) -> bool:
    """``_BARE_NUMBER`` matches the line; most lines open with a letter, which rules it out first."""
    return bool(text) and not text[0].isalpha() and _BARE_NUMBER.match(text) is not None


def _split_count(lines: Sequence[Line], i: int) -> str | None:
    """A comment-count header starting at line ``i`` and split over up to ``SPLIT_COUNT_LINES``
    short lines: a dump of a page's text nodes puts the count, its link and the brackets around
    them on lines of their own ("{", "53", "comments… read them below or", "add one", "}";
    "12", "Comments"), so no line alone reads as the count. The lines, joined, must match a
    count pattern (an ``NC-COMMENT`` pattern cue); they are returned joined. (The caller asks
    only where one of them is a number alone.)"""
    parts = []
    for line in lines[i:i + SPLIT_COUNT_LINES]:
        if not shape(line.text).short:
            break
        parts.append(line.text)
        if len(parts) > 1:
            joined = " ".join(parts)
            if cues()["NC-COMMENT"].patterns.search(joined):  # (every language's, compiled once)
                return joined
    return None


def _cut_comment_thread(lines: list[Line], header: int | None, probs: Sequence[float] | None) -> list[Line]:
    """Under a comment-count header that follows article text, the kept lines are readers'
    comments: they go, whatever their length (a thread may be longer than the article, so
    the list-header rule, which weighs the text on both sides, keeps it). Lines the model is
    all but sure of (``MODEL_KEEP_UNDER_THREAD``) stay: a count header set inside an article."""
    if header is None:
        return lines
    why = f"in the comment thread under line {lines[header].index}"
    return lines[:header + 1] + [
        l.with_final(Label.BOILERPLATE, "NC-COMMENT", why)
        if l.label is Label.CONTENT and (probs is None or probs[j] < MODEL_KEEP_UNDER_THREAD) else l
        for j, l in enumerate(lines[header + 1:], header + 1)]
