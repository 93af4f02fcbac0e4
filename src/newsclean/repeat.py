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

from hashlib import blake2b
from typing import Iterable, Sequence

from newsclean.document import Label, Line
from newsclean.thresholds import REPEAT_MAX_CHARS, REPEAT_MAX_SHARE, REPEAT_MIN_PAGES, REPEAT_PAGES_PER_MILLE

KEY_BYTES = 8
# pending packed keys are folded into the counts when they pass this size (bounds memory)
COUNTS_FOLD_BYTES = 64 << 20


def normalized(text: str) -> str:
    """What makes two lines the same line: the text lower-cased, without whitespace. Keys
    are digests of it, and ``context`` tells a line repeated within a page by it. (Lowercased
    before the spaces go, so a whole page can be lowercased at once: see ``text_digests``; the
    spaces go first, at once, since splitting a paragraph into its words would make an object
    per word.)"""
    return "".join(text.lower().replace(" ", "").split())


def _digest(norm: str) -> bytes:
    return blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=KEY_BYTES).digest()


def _key(norm: str) -> int:
    return int.from_bytes(_digest(norm), "big")


def _countable_norm(norm: str) -> bool:
    return 2 <= len(norm) <= REPEAT_MAX_CHARS


def line_key(text: str) -> int:
    """The line's key: a stable digest of its text without case and whitespace."""
    return _key(normalized(text))


def countable(text: str) -> bool:
    """Lines long enough to mean something and short enough not to be an article's
    paragraph (a whole article found twice is a duplicate page, not boilerplate)."""
    return _countable_norm(normalized(text))


def pack(keys: Iterable[int]) -> bytes:
    """Keys as ``KEY_BYTES`` big-endian bytes each: how pages' keys travel between processes."""
    return b"".join(k.to_bytes(KEY_BYTES, "big") for k in keys)


def unpack(packed: bytes) -> frozenset[int]:
    return frozenset(int.from_bytes(packed[i:i + KEY_BYTES], "big") for i in range(0, len(packed), KEY_BYTES))


def page_keys(texts: Iterable[str]) -> frozenset[int]:
    """The distinct keys of one page's countable lines (each distinct line hashed once)."""
    norms = {normalized(t) for t in texts}
    return frozenset(_key(n) for n in norms if _countable_norm(n))


def text_digests(text: str) -> bytes:
    """``text_keys`` packed (``pack``), computed without Python ints: the counting pass keys
    every line of every page of a batch, so this is its hot loop (the spaces go for the whole
    page at once; ``split`` then finds only the rarer whitespace). The page's physical lines
    are keyed (the units ``clean`` labels are the same lines, except where a hard-wrapped
    dump's paragraph is re-joined, and paragraphs are too long to count anyway); odd spaces
    become spaces first, as ``blocks.tidy_lines`` makes them for ``clean`` (and the text is
    ``blocks.composed``, as ``blocks.split`` makes it)."""
    from newsclean.blocks import INVISIBLE, composed, normalize_newlines, plain_spaces

    page = plain_spaces(composed(normalize_newlines(text))).lower().replace(" ", "")
    norms = {"".join(line.split()) for line in page.split("\n")}
    if any(c in page for c in INVISIBLE):  # (marks at a line's ends go, as ``blocks.tidy_lines`` drops them)
        norms = {n.strip(INVISIBLE) for n in norms}
    return b"".join([_digest(n) for n in norms if _countable_norm(n)])


def text_keys(text: str) -> frozenset[int]:
    """``page_keys`` of a page given as text."""
    return unpack(text_digests(text))


class Counts:
    """On how many pages of a batch each line key occurs.

    Pages' keys arrive packed (``text_digests``) and are counted in bulk with numpy, many
    times quicker than a Counter updated key by key, and folded into (key, count) arrays
    when they pile up, so memory follows the distinct keys, not the pages."""

    def __init__(self) -> None:
        self.pages = 0
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._keys = None  # numpy uint64, sorted, distinct
        self._counts = None  # numpy int64, pages per key

    def add(self, keys: bytes | Iterable[int]) -> None:
        """One page's distinct keys, packed or as ints."""
        packed = keys if isinstance(keys, bytes) else pack(keys)
        self.pages += 1
        self._pending.append(packed)
        self._pending_bytes += len(packed)
        if self._pending_bytes > COUNTS_FOLD_BYTES:
            self._fold()

    def merge(self, other: "Counts") -> "Counts":
        """Add another batch part's counts (from another process or machine) to these."""
        self._fold()
        keys, counts = other._folded()
        self._combine(keys, counts)
        self.pages += other.pages
        return self

    def _folded(self):
        self._fold()
        return self._keys, self._counts

    def _fold(self) -> None:
        import numpy as np

        if self._keys is None:
            self._keys, self._counts = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        if not self._pending:
            return
        new = np.frombuffer(b"".join(self._pending), dtype=">u8").astype(np.uint64)
        self._pending, self._pending_bytes = [], 0
        keys, counts = np.unique(new, return_counts=True)
        self._combine(keys, counts)

    def _combine(self, keys, counts) -> None:
        import numpy as np

        both = np.concatenate([self._keys, keys])
        merged, where = np.unique(both, return_inverse=True)
        self._keys = merged
        self._counts = np.bincount(where, weights=np.concatenate([self._counts, counts]),
                                   minlength=len(merged)).astype(np.int64)

    def count(self, key: int) -> int:
        """On how many pages the key was found."""
        import numpy as np

        keys, counts = self._folded()
        i = int(np.searchsorted(keys, np.uint64(key)))
        return int(counts[i]) if i < len(keys) and int(keys[i]) == key else 0

    def min_pages(self) -> int:
        """How many pages a line must be on to count as repeated: a few, and more in a big
        batch, where common short sentences recur by chance."""
        return max(REPEAT_MIN_PAGES, self.pages * REPEAT_PAGES_PER_MILLE // 1000)

    def repeated(self) -> frozenset[int]:
        """The keys of lines repeated across the batch."""
        keys, counts = self._folded()
        return frozenset(keys[counts >= self.min_pages()].tolist())


def drop_repeated(lines: Sequence[Line], repeated: frozenset[int]) -> list[Line]:
    """Kept lines whose key is repeated across the batch become ``NC-REPEAT`` boilerplate,
    unless that would take most of what the page keeps (then the page itself recurs, as a
    syndicated article does, and its text stays)."""
    if not repeated:
        return list(lines)
    kept = [l for l in lines if l.label is Label.CONTENT]
    hits = set()
    for l in kept:
        norm = normalized(l.text)
        if _countable_norm(norm) and _key(norm) in repeated:
            hits.add(l.index)
    if not hits or len(hits) > REPEAT_MAX_SHARE * len(kept):
        return list(lines)
    return [l.with_final(Label.BOILERPLATE, "NC-REPEAT", "recurs on many pages of the batch")
            if l.index in hits else l for l in lines]
