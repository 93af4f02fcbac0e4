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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

KINDS = ("exact", "prefix", "contains", "patterns")
_TRIM = " \t:：.。!！?？,，;；-–—|·•>»«<()（）[]【】「」『』\"'“”‘’*#"


def normalize(line: str) -> str:
    """Lower-case and trim punctuation at both ends, for exact and prefix matching."""
    return line.lower().strip(_TRIM)


@dataclass(frozen=True)
class CueSet:
    """The compiled cues of one rule code."""

    code: str
    exact: frozenset[str]
    prefix: re.Pattern | None
    contains: re.Pattern | None
    patterns: re.Pattern | None

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


def _alternation(words: list[str], anchored: bool) -> re.Pattern | None:
    words = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return re.compile(("(?:%s)" if anchored else "(?:%s)") % body)


def _compile(code: str, table: dict[str, list[str]]) -> CueSet:
    pats = table.get("patterns") or []
    return CueSet(
        code=code,
        exact=frozenset(normalize(w) for w in table.get("exact", [])),
        prefix=_alternation(table.get("prefix", []), anchored=True),
        contains=_alternation(table.get("contains", []), anchored=False),
        patterns=re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None,
    )


def languages() -> list[str]:
    """The languages that have a cue file."""
    folder = resources.files("newsclean") / "data" / "cues"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=None)
def raw_tables() -> dict[str, dict[str, list[str]]]:
    """All cue files merged: rule code -> kind -> list of cues."""
    merged: dict[str, dict[str, list[str]]] = {}
    folder = resources.files("newsclean") / "data" / "cues"
    for lang in languages():
        data = tomllib.loads((folder / f"{lang}.toml").read_text(encoding="utf-8"))
        for code, table in data.items():
            slot = merged.setdefault(code, {k: [] for k in KINDS})
            for kind in KINDS:
                slot[kind].extend(table.get(kind, []))
    return merged


def _build(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    tables = {code: {k: list(v) for k, v in t.items()} for code, t in raw_tables().items()}
    for code, kind, words in extra:
        tables.setdefault(code, {k: [] for k in KINDS})[kind].extend(words)
    return {code: _compile(code, t) for code, t in tables.items()}


@lru_cache(maxsize=8)
def cues(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> dict[str, CueSet]:
    """Compiled cues per rule code, loaded once (per set of extra cues from configuration)."""
    return _build(extra)


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
