"""Readers' comment threads under an article (``NC-COMMENT``).

A comment-count header after the article's text ("53 Responses to “…”", "{ 7 comments… read
them below }", "12 Kommentare", or the same count split over short lines by a dump of text
nodes) opens the thread, and the kept lines under it go: readers' comments read like text and
may be longer than the article, so the list-header rule, which weighs the text on both sides,
would keep them. A count of zero opens nothing, and neither do the counts of a page of several
posts (a blog's front page), each of which ends with its count (``posts``). There the
posts between the counts stay (``keep_posts``), though the model scores those after the first
count low.
"""
from __future__ import annotations

import re
from typing import Sequence

from newsclean import startcache
from newsclean.classify import is_pattern_cue, shape
from newsclean.cues import cues
from newsclean.document import Label, Line
from newsclean.linekinds import bring_back, is_prose
from newsclean.thresholds import MODEL_KEEP_UNDER_THREAD, MODEL_POST, POSTS_MIN, SPLIT_COUNT_LINES, THREAD_MIN_BEFORE


def thread_header(lines: Sequence[Line], counts: dict[int, str], page_posts: Sequence[range]) -> int | None:
    """The first comment-count header ("53 Responses to “…”", "{ 7 comments… read them below }",
    "12 Kommentare") standing under at least ``THREAD_MIN_BEFORE`` columns of kept text, unless
    it ends one of several posts: ``POSTS_MIN`` of the page's posts stand below it.

    ``lines`` are the revised lines (whose kept text is measured), ``counts`` the page's
    ``comment_counts`` (a count header is an ``NC-COMMENT`` pattern cue of the first pass) and
    ``page_posts`` its ``posts``."""
    before = 0
    for i, line in enumerate(lines):
        if before >= THREAD_MIN_BEFORE and i in counts and not _NO_COMMENTS.match(counts[i]):
            return None if sum(1 for p in page_posts if p.start > i) >= POSTS_MIN else i
        if line.label is Label.CONTENT:
            before += shape(line.text).width
    return None


def posts(first: Sequence[Line], counts: dict[int, str]) -> list[range]:
    """The stretches between two comment counts that are posts (``_is_post``): the page holds
    several posts when there are ``POSTS_MIN`` of them.

    A page of several posts (a blog's front page) ends each with its count, a link to that
    post's comments, and the next post follows. Counts with a headline and a summary between
    them end the teasers of a list of other articles, and a thread's comments are followed by
    no other count. The thread's header, which stands under the article, asks about the posts
    under it; the list-header rule in ``context`` and ``keep_posts`` about the page (there a
    post's other links end nothing either: "TrackBack", "Comments (0)"). The posts are told by
    their prose, not by what the model kept: it scores the posts after the first count low.
    ``first`` are the first pass's lines, ``counts`` the page's ``comment_counts``."""
    at = list(counts)
    return [range(a + 1, b) for a, b in zip(at, at[1:]) if _is_post(first[a + 1:b])]


def comment_counts(first: Sequence[Line]) -> dict[int, str]:
    """The page's comment counts, in page order: line -> the count, a pattern cue on the line or
    starting there split over short lines (``_split_count``, asked only where one of them is a
    number alone; most pages have few such lines)."""
    comment = cues()["NC-COMMENT"].patterns
    found = {i: f.text for i, f in enumerate(first)
             if f.first_code == "NC-COMMENT" and (is_pattern_cue(f) or comment.search(f.text))}
    # (a count of none may be a cue word of its own: "Comments (0)")
    starts = {i for b, f in enumerate(first) if _bare_number(f.text)
              for i in range(max(0, b - SPLIT_COUNT_LINES + 1), b + 1) if i not in found}
    for i in starts:
        split = _split_count(first, i)
        if split is not None:
            found[i] = split
    return dict(sorted(found.items()))


# a count of no comments ("0 Comments", "{ 0 comments… add one }", "0 条评论", "No Responses so far »"):
# no thread under it
_NO_COMMENTS = startcache.compile(r"^(?:\D*0(?!\d)|no\b)", re.IGNORECASE)
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


def cut_comment_thread(lines: list[Line], header: int | None, probs: Sequence[float] | None) -> list[Line]:
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


def keep_posts(lines: list[Line], probs: Sequence[float], page_posts: Sequence[range]) -> list[Line]:
    """On a page of several posts (a blog's front page), the posts between the comment counts
    that end them stay: what the model gives at least ``MODEL_POST`` between two counts, when
    at least ``POSTS_MIN`` of the stretches between counts are posts (``_is_post``).

    The model reads a comment cue above a line as a sign of a thread under the article, and
    on such a page scores every post after the first low (in a dump of text nodes, where
    "Comments (0)" stands on a line of its own, 0.1 to 0.3 for whole posts). ``page_posts``
    are the page's ``posts``, found once for this and the list-header rule in ``context``."""
    if len(page_posts) < POSTS_MIN:
        return lines
    span = [k for post in page_posts for k in post if probs[k] >= MODEL_POST]
    return bring_back(lines, lines, span, probs, "post on a page of several posts")


def _is_post(lines: Sequence[Line]) -> bool:
    """A post, not a teaser: at least two lines of prose, ``THREAD_MIN_BEFORE`` columns of it."""
    prose = [shape(l.text).width for l in lines if is_prose(l) and shape(l.text).textlike]
    return len(prose) >= 2 and sum(prose) >= THREAD_MIN_BEFORE
