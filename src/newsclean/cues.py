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

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

KINDS = ("exact", "prefix", "contains", "patterns")
CUE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "cues")
_TRIM = " \t:：.。!！?？,，;；-–—|·•>»«<()（）[]【】「」『』\"'“”‘’*#"


def normalize(line: str) -> str:
    """Lower-case and trim punctuation at both ends, for exact and prefix matching."""
    return line.lower().strip(_TRIM)


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
        return _alternation(self.words["prefix"])

    @cached_property
    def contains(self) -> re.Pattern | None:
        return _alternation(self.words["contains"])

    @cached_property
    def patterns(self) -> re.Pattern | None:
        pats = self.words["patterns"]
        return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None

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


def _trie(words: list[str]) -> str:
    """A regex matching any of the words, as a trie (``ab(?:c|d)``): far faster than a flat
    alternation of hundreds of literals in Python's backtracking engine."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(root)


def _alternation(words) -> re.Pattern | None:
    words = sorted({w.lower() for w in words if w})
    if not words:
        return None
    return re.compile(_trie(words))


def languages() -> list[str]:
    """The languages that have a cue file."""
    return sorted(name[:-5] for name in os.listdir(CUE_DIR) if name.endswith(".toml"))


@lru_cache(maxsize=None)
def raw_tables() -> dict[str, dict[str, list[str]]]:
    """All cue files merged: rule code -> kind -> list of cues."""
    merged: dict[str, dict[str, list[str]]] = {}
    for lang in languages():
        with open(os.path.join(CUE_DIR, f"{lang}.toml"), "rb") as f:
            data = tomllib.load(f)
        for code, table in data.items():
            slot = merged.setdefault(code, {k: [] for k in KINDS})
            for kind in KINDS:
                slot[kind].extend(table.get(kind, []))
    return merged


def _build(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    tables = {code: {k: list(v) for k, v in t.items()} for code, t in raw_tables().items()}
    for code, kind, words in extra:
        tables.setdefault(code, {k: [] for k in KINDS})[kind].extend(words)
    return {code: CueSet(code, t) for code, t in tables.items()}


@lru_cache(maxsize=8)
def cues(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    """Compiled cues per rule code, loaded once (per set of extra cues from configuration)."""
    return _build(extra)


class CueIndex:
    """All rule codes' cues compiled together, for the hot path.

    ``first(line)`` answers what ``CueSet.match`` answers code by code, in a few regex
    calls per line instead of dozens: kinds are tried from the most specific (the whole
    line is a cue) to the least (a pattern somewhere in it); within a kind the code that
    comes first in ``priority`` wins. Literal cues of all codes share one trie pattern (a
    match is mapped back to its codes); patterns anchored at the line start are tried at
    the start only, the others searched.
    """

    def __init__(self, table: dict[str, CueSet], priority: tuple[str, ...]):
        self.codes = [c for c in priority if c in table]
        self._rank = {c: i for i, c in enumerate(self.codes)}
        self.exact: dict[str, str] = {}
        self._literal: dict[str, tuple[re.Pattern | None, dict[str, str]]] = {}
        for kind in ("prefix", "contains"):
            owner: dict[str, str] = {}
            for code in reversed(self.codes):  # the highest-priority code ends up owning a word
                for word in table[code].words[kind]:
                    owner[word] = code
            self._literal[kind] = (re.compile(_trie(sorted(owner))) if owner else None, owner)
        for code in reversed(self.codes):
            for word in table[code].exact:
                self.exact[word] = code
        groups: dict[str, list[str]] = {"anchored": [], "floating": [], "wide": []}
        for n, code in enumerate(self.codes):
            for k, p in enumerate(table[code].words["patterns"]):
                group = "anchored" if p.startswith("^") else "floating" if p.isascii() else "wide"
                groups[group].append(f"(?P<g{n}_{k}>{p})")
        self._anchored, self._floating, self._wide = (
            re.compile("|".join(groups[g]), re.I) if groups[g] else None for g in ("anchored", "floating", "wide"))

    def _code(self, group: str) -> str:
        return self.codes[int(group[1:].split("_")[0])]

    def first(self, line: str, norm: str | None = None, kinds: tuple[str, ...] = KINDS) -> tuple[str, str] | None:
        """(rule code, kind) of the line's strongest cue, or None."""
        norm = normalize(line) if norm is None else norm
        if "exact" in kinds and norm in self.exact:
            return self.exact[norm], "exact"
        if "prefix" in kinds:
            pattern, owner = self._literal["prefix"]
            m = pattern.match(norm) if pattern is not None else None
            if m:
                return owner[m.group()], "prefix"
        if "contains" in kinds:
            pattern, owner = self._literal["contains"]
            if pattern is not None:
                found = [owner[m.group()] for m in pattern.finditer(norm)]
                if found:
                    return min(found, key=self._rank.__getitem__), "contains"
        if "patterns" in kinds:
            found = []
            if self._anchored is not None:
                m = self._anchored.match(line)
                if m:
                    found.append(self._code(m.lastgroup))
            if self._floating is not None:
                found.extend(self._code(m.lastgroup) for m in self._floating.finditer(line))
            # a pattern spelled with non-ASCII letters needs some in the line
            if self._wide is not None and not line.isascii():
                found.extend(self._code(m.lastgroup) for m in self._wide.finditer(line))
            if found:
                return min(found, key=self._rank.__getitem__), "patterns"
        return None


@lru_cache(maxsize=8)
def index(extra: tuple[tuple[str, str, tuple[str, ...]], ...], priority: tuple[str, ...]) -> CueIndex:
    """The compiled index of the cues (with configuration's extra cues), built once."""
    return CueIndex(cues(extra), priority)


def hits(line: str, table: dict[str, CueSet] | None = None) -> dict[str, str]:
    """Every rule code whose cues the line matches, with the kind of match."""
    table = cues() if table is None else table
    norm = normalize(line)
    out = {}
    for code, cue in table.items():
        kind = cue.match(line, norm)
        if kind:
            out[code] = kind
    return out
