"""Cue words and patterns, read once from the per-language data files.

Each ``data/cues/<lang>.toml`` has one table per rule code, with up to four keys:

- ``exact``: the whole line (lower-cased, trimmed of punctuation and spaces) is one of these;
- ``prefix``: the line starts with one of these;
- ``contains``: the line contains one of these (only short lines are tested by callers);
- ``patterns``: regular expressions searched in the line.

All languages are merged: cues of different scripts seldom collide, and the language of a
page is often not known before its lines are classified. Extra cues from configuration are
merged the same way (``with_extra``).
"""
from __future__ import annotations

import re
import os
from functools import cached_property, lru_cache

from newsclean import startcache

KINDS = ("exact", "prefix", "contains", "patterns")
CUE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "cues")
# (arrows too: '^ back to top', '↑ Nach oben')
_TRIM = " \t:：.。!！?？,，;；-–—|·•>»«<()（）[]【】「」『』\"'“”‘’*#^↑▲⇧⬆"


def normalize(line: str) -> str:
    """Lower-case and trim punctuation at both ends, for exact and prefix matching."""
    return trim(line.lower())


def trim(low: str) -> str:
    """``normalize`` of a line already lower-cased. The combining dot that lower-casing leaves
    after a Turkish capital İ ("İLGİNİZİ" -> "i̇lgi̇ni̇zi̇") goes, so one cue word matches a line
    in capitals and in small letters alike."""
    return low.replace("\u0307", "").strip(_TRIM)


class CueSet:
    """The cues of one rule code, compiled on first use (the hot path uses ``CueIndex``)."""

    def __init__(self, code: str, table: dict[str, list[str]]):
        self.code = code
        self.exact = frozenset(normalize(w) for w in table.get("exact", []))
        self.words = {"prefix": tuple(w.lower() for w in table.get("prefix", []) if w),
                      "contains": tuple(w.lower() for w in table.get("contains", []) if w),
                      "patterns": tuple(table.get("patterns") or ())}

    @cached_property
    def prefix(self) -> re.Pattern | None:
        return alternation(self.words["prefix"])

    @cached_property
    def contains(self) -> re.Pattern | None:
        return alternation(self.words["contains"])

    @cached_property
    def patterns(self) -> re.Pattern | None:
        pats = self.words["patterns"]
        return startcache.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None

    def match(self, line: str, norm: str | None = None) -> str | None:
        """The kind of cue the line matches ("exact", "prefix", ...), or None."""
        norm = normalize(line) if norm is None else norm
        if norm in self.exact:
            return "exact"
        if self.prefix is not None and self.prefix.match(norm):
            return "prefix"
        if self.contains is not None and self.contains.search(norm):
            return "contains"
        if self.patterns is not None and self.patterns.search(line):
            return "patterns"
        return None


def trie(words: list[str]) -> str:
    """A regex matching any of the words, as a trie (``ab(?:c|d)``): far faster than a flat
    alternation of hundreds of literals in Python's backtracking engine. Built once per
    set of words (``startcache``: building them all takes a tenth of a run's start-up)."""
    return startcache.memo(("trie", tuple(words)), lambda: _trie(words))


def _trie(words: list[str]) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    escaped: dict[str, str] = {}

    def esc(ch: str) -> str:
        e = escaped.get(ch)
        if e is None:
            e = escaped[ch] = re.escape(ch)
        return e

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [esc(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(root)


def alternation(words, whole_words: bool = False) -> re.Pattern | None:
    """A compiled ``trie`` of the lower-cased words (None for none); ``whole_words``: only
    where no letter or digit touches the match on either side."""
    words = sorted({w.lower() for w in words if w})
    if not words:
        return None
    body = trie(words)
    return startcache.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole_words else body)


def languages() -> list[str]:
    """The languages that have a cue file."""
    return sorted(name[:-5] for name in os.listdir(CUE_DIR) if name.endswith(".toml"))


@lru_cache(maxsize=None)
def raw_tables() -> dict[str, dict[str, list[str]]]:
    """All cue files merged: rule code -> kind -> list of cues."""
    merged: dict[str, dict[str, list[str]]] = {}
    for lang in languages():
        data = startcache.toml(os.path.join(CUE_DIR, f"{lang}.toml"))
        for code, table in data.items():
            slot = merged.setdefault(code, {k: [] for k in KINDS})
            for kind in KINDS:
                slot[kind].extend(table.get(kind, []))
    return merged


@lru_cache(maxsize=None)
def context_words(name: str) -> tuple[str, ...]:
    """A word list of ``data/context.toml``: words the context rules look for (not a rule
    code's cues, so kept out of the per-language cue files)."""
    return tuple(startcache.toml(os.path.join(os.path.dirname(CUE_DIR), "context.toml"))[name])


def _build(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    tables = {code: {k: list(v) for k, v in t.items()} for code, t in raw_tables().items()}
    for code, kind, words in extra:
        tables.setdefault(code, {k: [] for k in KINDS})[kind].extend(words)
    return {code: CueSet(code, t) for code, t in tables.items()}


@lru_cache(maxsize=8)
def cues(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    """Compiled cues per rule code, loaded once (per set of extra cues from configuration)."""
    return _build(extra)


def hits(line: str, table: dict[str, CueSet] | None = None) -> dict[str, str]:
    """Rule codes whose cues the line matches, each with its most specific kind of match.

    Without ``table`` the shared compiled index answers (``cuematch``: fast, and nothing
    is compiled twice); with one, each ``CueSet`` is asked in turn (the reference, and
    the only way to see every anchored pattern that matches).
    """
    if table is None:
        from newsclean.cuematch import index

        found = index().scan([line])
        out: dict[str, str] = {}
        for h in found.hits[0]:  # most specific kind first
            out.setdefault(found.codes[h.code], KINDS[h.kind.bit_length() - 1])
        return out
    norm = normalize(line)
    out = {}
    for code, cue in table.items():
        kind = cue.match(line, norm)
        if kind:
            out[code] = kind
    return out
