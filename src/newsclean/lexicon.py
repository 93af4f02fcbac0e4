"""Learned word scores: how strongly a line's words lean towards boilerplate or article text.

The cue files name the phrases of each kind of boilerplate by hand; this table learns the words
themselves from the corpus's `train` part. For every word it holds the log-odds that a line
holding it is boilerplate rather than article text (less the overall odds), counted by *pages*:
a word counts once per page whose aligned boilerplate lines hold it and once per page whose
article lines do, and only words found on at least ``LEXICON_MIN_PAGES`` pages are kept. So it
learns the words that recur across many sites ('comments', 'login', 'newsletter', 'tags', '评',
'论') and never one site's name or one article's topic.

A line's words are its first ``HEAD_TOKENS`` words within its first ``HEAD_CHARS`` characters,
lower-cased: runs of two or more letters (a single letter or a number says little; CJK excepted),
and each CJK character on its own (CJK text has no spaces; pairs of characters scored no better
in a trial, and cost more). A menu's, a byline's, a footer's telling words come first; an
article's long paragraph is told by its length anyway.

``scores(texts)`` gives four features per line for ``features.line_features``: the mean, the
largest and the smallest score of its known words, and the share of its words that are known.
It reads a whole page at once, in numpy: one character-class lookup finds the words, a rolling
hash names each (64 bits, computed from prefix sums), and a sorted array of the table's hashes
finds their scores; no Python work per word (the page's words cost about a tenth of a
millisecond). The table is written by ``scripts/train.py`` (``table_from_counts``, fed
``page_words`` of every train page) to ``data/model/lexicon.json``, with out-of-fold tables
for the train pages' own features (a page's words never score the page the model learns from).
"""
from __future__ import annotations

import json
import math
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from newsclean import startcache

LEXICON_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "model", "lexicon.json")
HEAD_TOKENS = 12  # a line's first this many words are looked up ...
HEAD_CHARS = 120  # ... within its first this many characters
LEXICON_MIN_PAGES = 60  # a word is learned when found on at least this many train pages
LEXICON_SMOOTHING = 1.0  # added to both page counts of a word (no word is ever certain)
SCORE_DIGITS = 3  # scores are stored rounded to this many decimals
SCORE_NAMES = ("lex_mean", "lex_max", "lex_min", "lex_known")
N_SCORES = len(SCORE_NAMES)

_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))
_OTHER, _LETTER, _CJK, _BREAK = 0, 1, 2, 3  # character classes
_BASE = 0x100000001B3  # the rolling hash's base (odd: it has an inverse modulo 2**64)
_BASE_INV = pow(_BASE, -1, 1 << 64)


def _class_bytes() -> bytes:
    t = bytearray(0x10000)
    for c in range(0x10000):
        if chr(c).isalpha():
            t[c] = _LETTER
    for lo, hi in _CJK_RANGES:
        t[lo:hi + 1] = bytes([_CJK]) * (hi - lo + 1)
    t[ord("\n")] = _BREAK
    t[0xFFFF] = _OTHER  # stands for every code point above the BMP
    return bytes(t)


@lru_cache(maxsize=1)
def _classes() -> np.ndarray:
    """The class of every BMP code point (a letter per ``str.isalpha``, CJK, a line break);
    kept by the start-up cache, since asking 65,536 characters takes a few milliseconds."""
    raw = startcache.memo(("lexicon_classes", unicodedata.unidata_version, _CJK_RANGES), _class_bytes)
    return np.frombuffer(raw, dtype=np.uint8)


@lru_cache(maxsize=8)
def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """_BASE**i and its inverse**i modulo 2**64, for i < n (n rounded up to a power of two)."""
    out = []
    for base in (_BASE, _BASE_INV):
        a = np.full(n, base, dtype=np.uint64)
        a[0] = 1
        out.append(np.cumprod(a, dtype=np.uint64))  # (wraps around: arithmetic modulo 2**64)
    return out[0], out[1]


def _heads(texts: Iterable[str]) -> str:
    """The lines' heads, lower-cased, one a line (a line break inside a unit becomes a space)."""
    return "\n".join(s[:HEAD_CHARS] if "\n" not in s else s[:HEAD_CHARS].replace("\n", " ")
                     for s in texts).lower()


@dataclass(frozen=True)
class _Words:
    """The words of a joined text: where each starts and ends, its hash, its line, its place in
    the line (1 for the first)."""

    start: np.ndarray
    end: np.ndarray
    hash: np.ndarray
    line: np.ndarray
    rank: np.ndarray


def _words(text: str) -> _Words:
    """Every word of a text whose lines are joined by line breaks (see the module docstring)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # (a lone surrogate is a code point)
    n = len(cp)
    cls = _classes()[np.minimum(cp, 0xFFFF)]
    letter = cls == _LETTER
    prev = np.zeros(n, dtype=bool)
    prev[1:] = letter[:-1]
    nxt = np.zeros(n, dtype=bool)
    nxt[:-1] = letter[1:]
    run_start = np.flatnonzero(letter & ~prev)
    run_end = np.flatnonzero(letter & ~nxt) + 1
    long_run = run_end - run_start >= 2
    end_at = np.zeros(n + 1, dtype=np.int64)
    end_at[run_start[long_run]] = run_end[long_run]
    single = np.flatnonzero((cls == _CJK) | (cls == _BREAK))
    end_at[single] = single + 1
    starts = np.flatnonzero(end_at[:n])  # (every token ends after its start: 0 marks no token)
    ends = end_at[starts]
    brk = cls[starts] == _BREAK
    size = 1 << max(n, 1).bit_length()
    pw, inv = _powers(size)
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(cp.astype(np.uint64) * pw[:n], out=prefix[1:])
        h = (prefix[ends] - prefix[starts]) * inv[starts]
    at = np.arange(len(starts))
    last_break = np.maximum.accumulate(np.where(brk, at, -1)) if len(at) else at
    keep = ~brk
    return _Words(starts[keep], ends[keep], h[keep], np.cumsum(brk)[keep], (at - last_break)[keep])


def line_words(text: str) -> list[str]:
    """The words of one line that are looked up (``scores`` reads every line of a page at once)."""
    low = _heads([text])
    w = _words(low)
    return [low[a:b] for a, b in zip(w.start[:HEAD_TOKENS].tolist(), w.end[:HEAD_TOKENS].tolist())]


def page_words(texts: Sequence[str], content: Sequence[bool]) -> tuple[set[str], set[str]]:
    """(words of the page's article lines, words of its other lines): what ``table_from_counts``
    counts for one train page (its labels from aligning the lines to the gold text)."""
    kept: set[str] = set()
    dropped: set[str] = set()
    for s, c in zip(texts, content):
        (kept if c else dropped).update(line_words(s))
    return kept, dropped


def table_from_counts(kept: Counter, dropped: Counter, min_pages: int = LEXICON_MIN_PAGES) -> dict[str, float]:
    """Word -> log-odds of boilerplate, from the number of pages whose article lines (``kept``)
    and whose other lines (``dropped``) hold each word; words on fewer than ``min_pages`` pages
    are left out."""
    nk, nd = sum(kept.values()), sum(dropped.values())
    if not nk or not nd:
        return {}
    prior = math.log(nd / nk)
    out = {}
    for w in sorted(set(kept) | set(dropped)):
        k, d = kept.get(w, 0), dropped.get(w, 0)
        if k + d >= min_pages:
            out[w] = round(math.log((d + LEXICON_SMOOTHING) / (k + LEXICON_SMOOTHING)) - prior, SCORE_DIGITS)
    return out


def write(table: dict[str, float], path: str = LEXICON_PATH) -> None:
    """The table as JSON (sorted, so one fit writes one file), written aside and renamed."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"head_tokens": HEAD_TOKENS, "head_chars": HEAD_CHARS, "min_pages": LEXICON_MIN_PAGES,
                   "words": table}, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    os.replace(tmp, path)


def read_words(path: str = LEXICON_PATH) -> dict[str, float]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)["words"]


@dataclass(frozen=True)
class Table:
    """A word table for lookups: the words' hashes, sorted, and their scores in the same order."""

    hashes: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, words: dict[str, float]) -> "Table":
        """Each word hashed as ``_words`` hashes it in a page (a table word is one word)."""
        names = list(words)
        w = _words("\n".join(names))
        if len(w.hash) != len(names):
            raise ValueError("a table entry is not one word")
        order = np.argsort(w.hash, kind="stable")
        return cls(w.hash[order], np.array([words[k] for k in names], dtype=np.float64)[order])

    def plain(self) -> tuple[bytes, bytes]:
        return self.hashes.tobytes(), self.values.tobytes()


def _read_table(path: str) -> tuple[bytes, bytes]:
    return Table.of(read_words(path)).plain()


@lru_cache(maxsize=1)
def load() -> Table:
    """The shipped table, read once (hashed, through the start-up cache); empty when missing, so
    the features are then 0 (a model trained with them then scores worse, but runs)."""
    try:
        h, v = startcache.from_file("lexicon", LEXICON_PATH, _read_table)
        return Table(np.frombuffer(h, dtype=np.uint64), np.frombuffer(v, dtype=np.float64))
    except (OSError, ValueError, KeyError):
        return Table(np.zeros(0, dtype=np.uint64), np.zeros(0))


def scores(texts: Sequence[str], table: Table | dict[str, float] | None = None) -> np.ndarray:
    """Per line (mean, max, min of its known words' scores, share of its words known), shape
    (len(texts), 4); zeros for a line without known words. ``table`` defaults to the shipped one
    (a dict is hashed first)."""
    n = len(texts)
    out = np.zeros((n, N_SCORES))
    t = load() if table is None else (Table.of(table) if isinstance(table, dict) else table)
    if n == 0 or not len(t.hashes):
        return out
    w = _words(_heads(texts))
    head = w.rank <= HEAD_TOKENS
    line, h = w.line[head], w.hash[head]
    at = np.minimum(np.searchsorted(t.hashes, h), len(t.hashes) - 1)
    known = t.hashes[at] == h
    kl, kv = line[known], t.values[at[known]]
    n_known = np.bincount(kl, minlength=n)
    has = n_known > 0
    out[:, 0] = np.bincount(kl, weights=kv, minlength=n) / np.maximum(n_known, 1)
    hi = np.full(n, -math.inf)
    lo = np.full(n, math.inf)
    np.maximum.at(hi, kl, kv)
    np.minimum.at(lo, kl, kv)
    out[:, 1] = np.where(has, hi, 0.0)
    out[:, 2] = np.where(has, lo, 0.0)
    out[:, 3] = n_known / np.maximum(np.bincount(line, minlength=n), 1)
    return out
