"""Second pass: revise each line's label by its neighbours and by where the article is.

With the learned model (``_revise_by_model``), its probabilities decide, since its
features already describe the neighbours and the page's main text region; a cue still
names the kind of a boilerplate line, a short line sandwiched between kept text stays
(a subheading), a sentence or a colon-opened list right under kept text stays when the
model only hesitates, a line repeating one the page dropped earlier goes (``NC-DUP``), on a
page the model is unsure of everywhere the kept text grows by the lines it nearly keeps, the
article's next paragraphs and its lead stay, code blocks and ingredient lists stay (``runs``),
a list header after most of the text ends the article and a comment count ends it whatever
follows (``threads``), and a page that would keep nothing keeps its best stretch of running
text (``_rescue_empty``). Once the title finder has named the headline, ``lastpass`` goes on.

Without it (rules only), the main region decides (``region``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Sequence

from newsclean.classify import is_contains_cue, is_prefix_cue, shape
from newsclean.cues import alternation, context_words
from newsclean.document import Label, Line
from newsclean.linekinds import (COLON, ELLIPSIS, ENDERS, bracketed_credit, bring_back, is_prose, is_sentence_line,
                                 is_weak)
from newsclean.punctuation import runs_on
from newsclean.region import revise_by_rules
from newsclean.repeat import normalized
from newsclean.runs import keep_code, keep_ingredients, keep_numbered
from newsclean.threads import comment_counts, cut_comment_thread, keep_posts, posts, thread_header
from newsclean.thresholds import (INLINE_LINK_MIN_WIDTH, LEAD_BODY_MIN, LEAD_MAX_GAP, LEAD_SKIP_MAX, LIST_MAX_ITEMS,
                                  LONG_LINE_CHARS, MODEL_CONTINUE, MODEL_KEEP, MODEL_KEEP_UNDER_LIST, MODEL_LEAD,
                                  MODEL_LIST_INTRO, MODEL_LIST_ITEM, MODEL_NEAR_LINES, MODEL_NEAR_MARGIN,
                                  MODEL_OVER_CONTAINS, MODEL_PARAGRAPHS, MODEL_SANDWICH, MODEL_SURE_PAGE, NAV_RUN_MIN,
                                  PARAGRAPHS_GAP, POSTS_MIN, RESCUE_MIN_P, RESCUE_MIN_WIDTH)


def revise(lines: Sequence[Line], probs: Sequence[float] | None = None,
           disabled: AbstractSet[str] = frozenset()) -> list[Line]:
    """Final labels for the lines (new Line values; the input is not changed).

    ``probs`` are the learned model's P(content) per line, if any (without them, the main region
    decides: ``region.revise_by_rules``); ``disabled`` the rule codes switched off (the rules
    that would name a line so are skipped).
    """
    if probs is None:
        return revise_by_rules(lines, disabled)
    return _revise_by_model(lines, [float(p) for p in probs], disabled)  # plain floats compare faster


def overlay(lines: Sequence[Line], fixed: dict[int, tuple[str, str]]) -> list[Line]:
    """The lines, with those whose value went to the front matter relabelled METADATA.

    ``fixed`` maps a line index to the (rule code, detail) of the metadata finder.
    """
    return [l.with_final(Label.METADATA, *fixed[l.index]) if l.index in fixed else l for l in lines]


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
        weak = is_weak(line)
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
                if p >= MODEL_CONTINUE and is_sentence_line(line):
                    why = "sentence continuing the text above"
                elif p >= MODEL_LIST_INTRO and text.endswith(COLON):
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
        if kept and text.endswith(COLON):
            list_left = LIST_MAX_ITEMS
        elif kept and list_left > 0 and weak:
            list_left -= 1
        else:
            list_left = 0
    if out and out[-1].detail.startswith(_OPENS_LIST):
        out[-1] = _drop_list_opener(out[-1], probs[-1])
    out = keep_code(keep_ingredients(_grow_unsure(out, probs, repeats), probs), probs)
    out = keep_numbered(_keep_paragraphs(out, probs, repeats), probs)
    counts = comment_counts(lines)
    page_posts = posts(lines, counts)
    if "NC-REL" not in disabled:
        out = _cut_after_list_header(_drop_inline_list(out, probs), probs, lines, len(page_posts) >= POSTS_MIN)
    out = _keep_lead(out, probs, repeats, lines)
    if "NC-COMMENT" not in disabled:
        out = cut_comment_thread(out, thread_header(out, counts, page_posts), probs)
    out = keep_posts(out, probs, page_posts)
    return _rescue_empty(out, probs, repeats)


def _rescue_empty(lines: list[Line], probs: Sequence[float], repeated: Sequence[bool]) -> list[Line]:
    """A page that would keep nothing keeps its best stretch of running text.

    On a page unlike those the model learned from (a news portal whose article stands among
    score tables and teasers, a blog post of one long paragraph above a comment form, a
    language it saw little of), it may give the article's paragraphs less than ``MODEL_KEEP``
    everywhere, and the page would come out empty, though its article is there. So, when
    nothing is kept, the running-text lines (``textlike``) the model gives at least
    ``RESCUE_MIN_P`` are grouped into stretches, at most ``PARAGRAPHS_GAP`` other lines apart;
    the widest stretch that holds a sentence (``is_prose``: a run of link texts glued
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
        if width > best_width and any(is_prose(lines[k]) for k in members):
            best, best_width = members, width
        i = last + 1
    if best is None or best_width < RESCUE_MIN_WIDTH:
        return lines
    return bring_back(lines, lines, best, probs, "best text of a page that kept nothing")


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
            and not out[i].detail.endswith(_OPENS_NO_LIST) and bracketed_credit().search(out[i].text) is None
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
    lines that are no sentences (``is_sentence_line``) break a run; a running-text line between
    the run and the kept text ends the search."""
    out = lines
    n = len(lines)
    ok = [l.code == "NC-MODEL" and probs[i] >= MODEL_PARAGRAPHS and not repeated[i] and is_sentence_line(l)
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
                out = bring_back(lines, out, range(i, j), probs, "paragraphs under the text above")
        i = j
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


def _cut_after_list_header(lines: list[Line], probs: Sequence[float], first: Sequence[Line],
                           several_posts: bool) -> list[Line]:
    """Everything kept under a list header that follows the bulk of the article goes.

    A "Related" / "相关阅读" header after most of the kept text starts the page's lists of
    other articles, whose teasers read like text; the first such header ends the article.
    Only lines the model is sure of (``MODEL_KEEP_UNDER_LIST``) stay under it: an inline
    "Read more: <headline>" box in the middle of an article is followed by the article's
    own paragraphs, which the model scores far higher than other articles' teasers. A header
    with an ad slot's "Story continues below" in the list under it is such a box too, and ends
    nothing, and so does a single "Read more: <headline>" line (``_inline_link``; ``first``
    are the first pass's lines, which tell the kind of cue), nor does a cue going on from the
    words of the sentence above (``runs_on``: a link's text a dump of text nodes set apart; not
    a pager's 'prev' under '1 - 4 of 5'). On a page of several posts (``several_posts``: it holds
    ``POSTS_MIN`` of ``threads.posts``) a comment cue is a post's link to its comments, and ends
    nothing.
    """
    widths = [shape(l.text).width if l.label is Label.CONTENT else 0 for l in lines]
    total = sum(widths)
    before = 0
    for i, line in enumerate(lines):
        if (line.first_code in ENDERS and before > total - before - widths[i] and not _inline_link(first[i])
                and not any(_continues().search(l.text.lower()) for l in lines[i + 1:i + 1 + LIST_MAX_ITEMS])
                and not (i and lines[i - 1].text[-1:].isalpha() and runs_on(lines[i - 1].text, line.text))):
            if not (line.first_code == "NC-COMMENT" and several_posts):  # a post's link to its comments ends nothing
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
    shape names, ``is_weak`` on the ``first_pass`` lines) ends the search too: the text above
    a menu belongs to the page's header."""
    first = next((i for i, l in enumerate(lines) if l.label is Label.CONTENT), None)
    if first is None or probs[first] < LEAD_BODY_MIN or not shape(lines[first].text).textlike:
        return lines
    menu = 0  # short lines in a row that only their shape names (a menu, when NAV_RUN_MIN of them)
    for i in range(first - 1, max(-1, first - 1 - LEAD_MAX_GAP), -1):
        line = lines[i]
        s = shape(line.text)
        weak = is_weak(first_pass[i])
        menu = menu + 1 if weak else 0
        if menu >= NAV_RUN_MIN:
            break
        if line.text.endswith(_CREDIT_END) or not s.textlike and probs[i] < LEAD_SKIP_MAX and (
                s.short or line.first is Label.BOILERPLATE and not weak):
            continue  # a byline, a date, a share button or a caption between the lead and the body
        if not s.textlike:
            break  # a headline (or what may be one): what stands above it is the page's header
        if (i < first - 1 and s.sentence and s.width >= LONG_LINE_CHARS and probs[i] >= MODEL_LEAD
                and line.code == "NC-MODEL" and not repeated[i] and not line.text.endswith(ELLIPSIS)
                and bracketed_credit().search(line.text) is None):
            out = list(lines)
            out[i] = line.with_final(Label.CONTENT, "NC-TEXT", f"lead above the article, p={probs[i]:.2f}")
            return out
        break
    return lines
