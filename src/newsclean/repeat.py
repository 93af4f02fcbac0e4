"""Repetition across the pages of a batch (CCNet's insight, adapted to one batch).

A line that recurs verbatim on many pages of a batch is the sites' furniture (a menu
entry, a footer, a standing caption), whatever it looks like on one page. The command
line counts, for every line key, on how many pages of the batch it occurs
(``page_keys`` per page, ``Counts`` over the batch) and hands the frequent ones to
``clean(..., repeated=...)``, where ``drop_repeated`` relabels the kept lines among
them ``NC-REPEAT``.

Keys are stable 64-bit digests of the line with case and whitespace removed, so a batch
can be counted by several processes or machines and the counts merged (``Counts.merge``).
"""
from __future__ import annotations

from collections import Counter
from hashlib import blake2b
from typing import Iterable, Sequence

from newsclean.document import Label, Line
from newsclean.thresholds import REPEAT_MAX_CHARS, REPEAT_MAX_SHARE, REPEAT_MIN_PAGES, REPEAT_PAGES_PER_MILLE


def line_key(text: str) -> int:
    """The line's key: a stable digest of its text without case and whitespace."""
    norm = "".join(text.split()).lower()
    return int.from_bytes(blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def countable(text: str) -> bool:
    """Lines long enough to mean something and short enough not to be an article's
    paragraph (a whole article found twice is a duplicate page, not boilerplate)."""
    return 2 <= len(text) <= REPEAT_MAX_CHARS


def page_keys(texts: Iterable[str]) -> frozenset[int]:
    """The distinct keys of one page's countable lines (each distinct line hashed once)."""
    return frozenset(map(line_key, {t for t in texts if countable(t)}))


class Counts:
    """On how many pages of a batch each line key occurs."""

    def __init__(self) -> None:
        self.pages = 0
        self.by_key: Counter[int] = Counter()

    def add(self, keys: Iterable[int]) -> None:
        self.pages += 1
        self.by_key.update(keys)

    def merge(self, other: "Counts") -> "Counts":
        self.pages += other.pages
        self.by_key.update(other.by_key)
        return self

    def min_pages(self) -> int:
        """How many pages a line must be on to count as repeated: a few, and more in a big
        batch, where common short sentences recur by chance."""
        return max(REPEAT_MIN_PAGES, self.pages * REPEAT_PAGES_PER_MILLE // 1000)

    def repeated(self) -> frozenset[int]:
        """The keys of lines repeated across the batch."""
        k = self.min_pages()
        return frozenset(key for key, n in self.by_key.items() if n >= k)


def drop_repeated(lines: Sequence[Line], repeated: frozenset[int]) -> list[Line]:
    """Kept lines whose key is repeated across the batch become ``NC-REPEAT`` boilerplate,
    unless that would take most of what the page keeps (then the page itself recurs, as a
    syndicated article does, and its text stays)."""
    if not repeated:
        return list(lines)
    kept = [l for l in lines if l.label is Label.CONTENT]
    hits = {l.index for l in kept if countable(l.text) and line_key(l.text) in repeated}
    if not hits or len(hits) > REPEAT_MAX_SHARE * len(kept):
        return list(lines)
    return [l.with_final(Label.BOILERPLATE, "NC-REPEAT", "recurs on many pages of the batch")
            if l.index in hits else l for l in lines]


def text_keys(text: str) -> frozenset[int]:
    """``page_keys`` of a page given as text. Its physical lines are keyed (the units
    ``clean`` labels are the same lines, except where a hard-wrapped dump's paragraph is
    re-joined, and paragraphs are too long to count anyway), which is quicker than
    splitting it as ``clean`` does."""
    from newsclean.blocks import normalize_newlines, tidy_lines

    return page_keys(tidy_lines(normalize_newlines(text)))
