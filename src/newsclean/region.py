"""The second pass without the learned model: the article is taken to be mostly one contiguous
stretch.

Each line gets a score from its first-pass label, weighted by its length; the stretch with the
highest total is the main region (``main_span``, a maximum-sum subarray). Then:

- lines outside the region are dropped (``NC-OUTSIDE``), whatever they look like;
- a list header (``NC-REL``) inside the region ends the article when less running text
  follows it than precedes it, else only the header and the headline run under it go;
- teaser pairs (a headline, then another article's first lines cut off with "...") go;
- short lines inside the region are kept when text stands on both sides of them
  (subheadings, captions), dropped otherwise;
- a line repeating an earlier one is dropped (``NC-DUP``);
- a comment thread under the article goes (``threads``).
"""
from __future__ import annotations

import math
from typing import AbstractSet, Sequence

from newsclean.classify import shape
from newsclean.document import Label, Line
from newsclean.linekinds import ELLIPSIS, ENDERS, is_weak
from newsclean.repeat import normalized
from newsclean.threads import comment_counts, cut_comment_thread, posts, thread_header
from newsclean.thresholds import REGION_GAP_PENALTY


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


def line_scores(lines: Sequence[Line]) -> list[float]:
    """Per line: how much it pulls the main region towards itself (negative: away), from its
    first-pass label, weighted by its length."""
    out = []
    for line in lines:
        if line.first is Label.CONTENT:
            centred = 0.5
        elif is_weak(line):
            centred = -REGION_GAP_PENALTY
        else:
            centred = -0.5
        out.append(centred * _length_weight(line.text))
    return out


def _is_teaser_pair(lines: Sequence[Line], i: int) -> bool:
    """A line cut off with an ellipsis right under a headline-like line: a teaser of another article."""
    if i == 0 or not lines[i].text.endswith(ELLIPSIS):
        return False
    prev = lines[i - 1].text
    return not shape(prev).sentence and not prev.endswith(ELLIPSIS)


def revise_by_rules(lines: Sequence[Line], disabled: AbstractSet[str] = frozenset()) -> list[Line]:
    """Final labels for the lines without the learned model (new Line values; the input is not
    changed): the main region, list headers, teaser pairs, short lines between text, repeats and
    a comment thread, as the module docstring says. ``disabled``: the rule codes switched off."""
    n = len(lines)
    keep = [False] * n
    code = [l.first_code for l in lines]
    detail = [l.detail for l in lines]
    scores = line_scores(lines)
    start, end = main_span(scores)

    teaser = [_is_teaser_pair(lines, i) for i in range(n)]

    def content_weight(lo: int, hi: int) -> float:
        """Weight of the lines that read as sentences of an article (not teasers, not headlines)."""
        return sum(max(0.0, scores[i]) for i in range(lo, hi)
                   if not teaser[i] and shape(lines[i].text).sentence)

    # a list header in the region that precedes less text than it follows ends the region
    for i in range(start, end):
        if lines[i].first_code in ENDERS:
            if content_weight(i + 1, end) < content_weight(start, i):
                end = i
                break

    for i in range(n):
        line = lines[i]
        if i < start or i >= end:
            if "NC-OUTSIDE" in disabled:
                keep[i] = line.first is Label.CONTENT
            elif line.first is Label.CONTENT or is_weak(line):
                code[i], detail[i] = "NC-OUTSIDE", "outside the main region"
            continue
        keep[i] = line.first is Label.CONTENT

    # short lines with text on both sides inside the region: subheadings, captions
    for i in range(start, end):
        if keep[i] or not is_weak(lines[i]):
            continue
        before = next((j for j in range(i - 1, start - 1, -1) if not is_weak(lines[j])), None)
        after = next((j for j in range(i + 1, end) if not is_weak(lines[j])), None)
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
    counts = comment_counts(lines)
    return cut_comment_thread(out, thread_header(out, counts, posts(lines, counts)), None)
