"""Matching every line of a page against every rule code's cues at once.

Both the first pass (``classify``: which cue wins on a line) and the model's features
(``features``: which codes' cues a line has) need the same matches, so they are found
once per page here. ``CueIndex.scan(texts, want)`` returns ``PageCues``: for every line
the (kind, code) pairs that matched, kinds being the cue files' keys from the most
specific to the least (``exact``, ``prefix``, ``contains``, ``patterns``).

Why it is fast enough for the hot path: literal cues of all codes share one trie pattern
per kind (a match is mapped back to the codes owning the word), except ``contains`` cues,
which can start anywhere in a line: they are found by one Aho-Corasick automaton
(pyahocorasick) over the page, a few times faster than a trie regex tried at every
character, and reduced to the matches the regex would give (leftmost, then longest,
not overlapping: ``leftmost_longest``); patterns anchored at the
line start are combined and tried only on lines whose first character can start them
(derived from the parsed pattern); the other patterns are searched one by one over the
page's lines joined by newlines, each only over the lines that hold one of the literals
every match needs (``required_literals``, found by ``str.find``) and, when every match
needs a digit, only over lines with one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import add
from typing import NamedTuple, Sequence

import ahocorasick
import re._constants as _C
import re._parser as _P

from newsclean import startcache
from newsclean.cues import KINDS, CueSet, trie, cues, trim
from newsclean.rules import PRIORITY

EXACT, PREFIX, CONTAINS, PATTERNS = (1 << k for k in range(len(KINDS)))  # bits of a ``want`` mask
ALL_KINDS = EXACT | PREFIX | CONTAINS | PATTERNS
_KIND_BIT = dict(zip(KINDS, (EXACT, PREFIX, CONTAINS, PATTERNS)))
_DIGIT = startcache.compile(r"\d")
# the parsed regex's repeat operators (possessive ones from Python 3.11 on)
_REPEATS = tuple(op for op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) if op)


# ----------------------------------------------------------------- what a pattern needs

_ESCAPE_OR_CAPITAL = startcache.compile(r"\\.|[A-Z]")
_GROUP = startcache.compile(r"\(\?:[^()]*\)")  # a non-capturing group without groups inside
_OPTIONAL_DIGIT = startcache.compile(r"\\d[*?]|\\d\{0")


def lower_literals(p: str) -> str:
    """The pattern for lower-cased text: literal capitals lower-cased (escapes such as ``\\D``
    kept), so it needs no re.I (which disables the regex engine's literal-prefix search)."""
    return _ESCAPE_OR_CAPITAL.sub(lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), p)


def needs_digit(p: str) -> bool:
    """Whether every match of the pattern contains a digit (a conservative syntactic test)."""
    return "\\d" in p and "|" not in _GROUP.sub("", p) and not _OPTIONAL_DIGIT.search(p)


def required_literals(p: str) -> tuple[str, ...] | None:
    """Literals of which every match of the pattern contains at least one, or None when the
    parsed pattern shows none worth searching for first.

    Read from the parsed pattern: a run of plain characters outside optional parts, or an
    alternation each of whose branches has one (``(?:photo|bild)`` gives both). Of the
    candidates, the one whose shortest literal is longest wins; a single character only counts
    when it is not ASCII (``©``, ``字``: rare enough to gate on)."""
    try:
        parsed = _P.parse(p, 0)
    except re.error:
        return None
    if parsed.state.flags & re.I:
        return None
    return _best_literals(_literal_candidates(list(parsed)))


def _literal_candidates(items) -> list[frozenset[str]]:
    """Sets of literals each of which some match contains one of, for a parsed sequence."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is _C.SUBPATTERN and not av[1] & re.I:
            found += _literal_candidates(list(av[3]))
        elif op is _C.BRANCH:
            per_branch = [_best_literals(_literal_candidates(list(b))) for b in av[1]]
            if all(per_branch):
                found.append(frozenset(w for b in per_branch for w in b))
        elif op in _REPEATS and av[0] >= 1:
            found += _literal_candidates(list(av[2]))
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _gate_worthy(word: str) -> bool:
    return len(word) >= 2 or (len(word) == 1 and ord(word) > 127)


def _best_literals(candidates: list[frozenset[str]]) -> tuple[str, ...] | None:
    """The candidate to search for: all its words worth a search, its shortest word the longest
    (then the fewest words); words containing another of the set dropped (it finds them)."""
    good = [c for c in candidates if c and all(_gate_worthy(w) for w in c)]
    if not good:
        return None
    best = max(good, key=lambda c: (min(map(len, c)), -len(c)))
    return tuple(sorted(w for w in best if not any(v != w and v in w for v in best)))


def lines_with(text: str, starts: Sequence[int], words: Sequence[str]) -> list[int]:
    """The lines (of a newline-joined text whose lines start at ``starts``) holding one of
    the words: one ``str.find`` per such line and word, none per character in Python."""
    rows: set[int] = set()
    n = len(starts)
    for w in words:
        j = text.find(w)
        while j >= 0:
            i = _line_at(starts, j)
            rows.add(i)
            if i + 1 >= n:
                break
            j = text.find(w, starts[i + 1])
    return sorted(rows)


def _items_first(items):
    """(chars, classes, nullable) for a sequence of parsed items; None = unknown."""
    chars, classes = set(), set()
    for op, av in items:
        if op is _C.AT:
            continue
        r = _item_first(op, av)
        if r is None:
            return None
        c, k, nullable = r
        chars |= c
        classes |= k
        if not nullable:
            return chars, classes, False
    return chars, classes, True


def _item_first(op, av):
    if op is _C.LITERAL:
        return {chr(av)}, set(), False
    if op is _C.IN:
        chars, classes = set(), set()
        for o, a in av:
            if o is _C.LITERAL:
                chars.add(chr(a))
            elif o is _C.RANGE and a[1] - a[0] <= 256:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            elif o is _C.CATEGORY and a in (_C.CATEGORY_DIGIT, _C.CATEGORY_SPACE):
                classes.add(a)
            else:
                return None
        return chars, classes, False
    if op is _C.SUBPATTERN:
        return _items_first(av[3])
    if op is _C.BRANCH:
        chars, classes, nullable = set(), set(), False
        for b in av[1]:
            r = _items_first(b)
            if r is None:
                return None
            chars |= r[0]
            classes |= r[1]
            nullable |= r[2]
        return chars, classes, nullable
    if op in _REPEATS:
        lo, hi, sub = av
        r = _items_first(sub)
        if r is None:
            return None
        return r[0], r[1], r[2] or lo == 0
    return None


def first_chars(pattern: str, flags: int = 0):
    """The characters a match of the pattern can start with, as (chars, classes), or None."""
    try:
        parsed = _P.parse(pattern, flags)
    except re.error:
        return None
    r = _items_first(list(parsed))
    if r is None or r[2]:
        return None
    return frozenset(r[0]), frozenset(r[1])


class _FirstCharDispatch:
    """Alternatives anchored at the line start, combined per first character: a line is
    tried only against those that can start with its first character (in their order, so
    the first alternative still wins). Each combination is compiled when first needed."""

    _DIGIT_KEY, _SPACE_KEY, _OTHER_KEY = "\x00digit", "\x00space", "\x00other"

    def __init__(self, alternatives: list[str], flags: int) -> None:
        self.flags = flags
        self.alternatives = alternatives
        # which alternatives each first character can start: read from the parsed patterns,
        # once per set of patterns (``startcache``)
        self._members: dict[str, list[int]] = startcache.memo(
            ("first-chars", tuple(alternatives), int(flags)), lambda: self._first_char_members(alternatives, flags))
        self._compiled: dict[str, re.Pattern | None] = {}

    @classmethod
    def _first_char_members(cls, alternatives: list[str], flags: int) -> dict[str, list[int]]:
        members: dict[str, list[int]] = {}
        anywhere = []  # alternatives whose first character is not known
        for k, alt in enumerate(alternatives):
            r = first_chars(alt, flags)
            if r is None:
                anywhere.append(k)
                continue
            chars, classes = r
            keys = {c.lower() for c in chars} | {c.upper() for c in chars}
            if _C.CATEGORY_DIGIT in classes:
                keys |= set("0123456789") | {cls._DIGIT_KEY}
            if _C.CATEGORY_SPACE in classes:
                keys |= {" ", "\t", cls._SPACE_KEY}
            for key in keys:
                members.setdefault(key, []).append(k)
        for key in list(members) + [cls._OTHER_KEY, cls._DIGIT_KEY, cls._SPACE_KEY]:
            members[key] = sorted(set(members.get(key, [])) | set(anywhere))
        return members

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def for_char(self, c: str) -> re.Pattern | None:
        """The combined pattern of the alternatives a line starting with ``c`` can match."""
        try:
            return self._compiled[c]
        except KeyError:
            pass
        key = c.lower()
        if key not in self._members:
            key = self._DIGIT_KEY if c.isdigit() else self._SPACE_KEY if c.isspace() else self._OTHER_KEY
        members = self._members[key]
        pattern = startcache.compile("|".join(self.alternatives[k] for k in members), self.flags) if members else None
        self._compiled[c] = pattern
        return pattern


# ------------------------------------------------------------------------- the result

class Hit(NamedTuple):
    kind: int  # one of EXACT, PREFIX, CONTAINS, PATTERNS
    code: int  # rank of the rule code in ``PageCues.codes`` (lower wins)


class PageCues(NamedTuple):
    """Every cue match of a page: ``hits[i]`` are line i's, sorted strongest first."""

    codes: tuple[str, ...]  # rule codes by priority
    hits: tuple[tuple[Hit, ...], ...]
    lower: tuple[str, ...] = ()  # every line lower-cased (the scan needs it; later stages reuse it)

    def winner(self, i: int, kinds: int = ALL_KINDS, disabled: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """(rule code, kind name) of line i's strongest cue among ``kinds``, or None."""
        for h in self.hits[i]:
            if h.kind & kinds and self.codes[h.code] not in disabled:
                return self.codes[h.code], KINDS[h.kind.bit_length() - 1]
        return None

    def codes_of(self, i: int, kinds: int = ALL_KINDS) -> set[str]:
        """Every rule code with a cue of one of ``kinds`` on line i."""
        return {self.codes[h.code] for h in self.hits[i] if h.kind & kinds}


# -------------------------------------------------------------------------- the index

def _owners(table: dict[str, CueSet], codes: Sequence[str], kind: str) -> dict[str, tuple[int, ...]]:
    owner: dict[str, list[int]] = {}
    for rank, code in enumerate(codes):
        words = table[code].exact if kind == "exact" else table[code].words[kind]
        for w in words:
            ranks = owner.setdefault(w, [])
            if rank not in ranks:
                ranks.append(rank)
    return {w: tuple(r) for w, r in owner.items()}


class CueIndex:
    """All rule codes' cues compiled together (see the module docstring)."""

    def __init__(self, table: dict[str, CueSet], priority: Sequence[str]):
        self.codes = tuple(c for c in priority if c in table)
        self.exact = _owners(table, self.codes, "exact")
        self.prefix_owner = _owners(table, self.codes, "prefix")
        self.contains_owner = _owners(table, self.codes, "contains")
        self.prefix = startcache.compile(trie(sorted(self.prefix_owner))) if self.prefix_owner else None
        self.contains = _automaton(self.contains_owner) if self.contains_owner else None
        starts = frozenset(w[0] for w in self.prefix_owner if w)  # lines are lower-cased first
        self.prefix_gate = starts.__contains__
        anchored = []
        # floating patterns: (code rank, compiled for lower-cased text, required literals, needs a digit)
        self.floating: list[tuple[int, re.Pattern, tuple[str, ...] | None, bool]] = []
        for rank, code in enumerate(self.codes):
            for k, p in enumerate(table[code].words["patterns"]):
                if p.startswith("^"):
                    anchored.append(f"(?P<g{rank}_{k}>{p})")
                else:
                    lp = lower_literals(p)
                    self.floating.append((rank, startcache.compile(lp, re.M), required_literals(lp), needs_digit(lp)))
        self.anchored = _FirstCharDispatch(anchored, re.I)

    def scan(self, texts: Sequence[str], want: Sequence[int] | None = None) -> PageCues:
        """The cue matches of every line; ``want[i]`` says which kinds to try on line i
        (bits EXACT | PREFIX | CONTAINS | PATTERNS; default all)."""
        n = len(texts)
        want = [ALL_KINDS] * n if want is None else want
        found: list[set[Hit] | None] = [None] * n

        def add(i: int, kind: int, ranks) -> None:
            s = found[i]
            if s is None:
                s = found[i] = set()
            s.update(Hit(kind, r) for r in ranks)

        lower = [s.lower() for s in texts]
        norms = [trim(k) if w else "" for k, w in zip(lower, want)]
        exact, prefix, pgate = self.exact, self.prefix, self.prefix_gate
        for i, (k, w) in enumerate(zip(norms, want)):
            if not k:
                continue
            if w & EXACT and k in exact:
                add(i, EXACT, exact[k])
            if w & PREFIX and prefix is not None and (pgate is None or pgate(k[0])):
                m = prefix.match(k)
                if m:
                    add(i, PREFIX, self.prefix_owner[m.group()])
        if self.contains is not None:
            page, starts = joined([k if w & CONTAINS else "" for k, w in zip(norms, want)])
            if page.strip("\n"):
                owner = self.contains_owner
                for start, word in leftmost_longest(self.contains, page):
                    add(_line_at(starts, start), CONTAINS, owner[word])
        lines = [s if w & PATTERNS else "" for s, w in zip(texts, want)]
        if self.anchored:
            for_char = self.anchored.for_char
            for i, s in enumerate(lines):
                if s:
                    pattern = for_char(s[0])
                    m = pattern.match(s) if pattern is not None else None
                    if m:
                        add(i, PATTERNS, (int(m.lastgroup[1:].split("_")[0]),))
        if self.floating and any(lines):
            lows = [k if w & PATTERNS else "" for k, w in zip(lower, want)]
            low, starts = joined(lows)
            digit_lines = [s if s and _DIGIT.search(s) else "" for s in lows]
            dlow, dstarts = joined(digit_lines) if any(digit_lines) else ("", [0])
            for rank, pattern, words, digit in self.floating:
                text, st = (dlow, dstarts) if digit else (low, starts)
                if not text:
                    continue
                if words is None:
                    rows = None
                else:  # searched only in the lines holding one of its literals
                    rows = lines_with(text, st, words)
                    if not rows:
                        continue
                    text, st = joined([lows[i] for i in rows])
                for m in pattern.finditer(text):
                    i = _line_at(st, m.start())
                    if rows is not None:
                        i = rows[i]
                    # a match running into the next line (``\s*$`` eats the newline) is
                    # tried again on its own line
                    if "\n" not in m.group() or pattern.search(lows[i]):
                        add(i, PATTERNS, (rank,))
        return PageCues(self.codes, tuple(() if s is None else tuple(sorted(s)) for s in found), tuple(lower))


def _automaton(words) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of the words (each word its own value)."""
    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, w)
    a.make_automaton()
    return a


def leftmost_longest(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str]]:
    """(start, word) of the automaton's words in the text as a regex alternation of them
    finds them: at the leftmost position that has one, the longest, then on after it.

    (``Automaton.iter_long`` is meant to do this but misses a match that starts inside a
    longer word's failed attempt, e.g. "b" at the end of "abaab" among "aabb" and "b".)"""
    found = sorted((end - len(w) + 1, -len(w), w) for end, w in automaton.iter(text))
    out, pos = [], 0
    for start, _, word in found:
        if start >= pos:
            out.append((start, word))
            pos = start + len(word)
    return out


def joined(parts: list[str]) -> tuple[str, list[int]]:
    """The parts joined by newlines, and the offset where each starts (``line_starts``)."""
    return "\n".join(parts), line_starts(parts)


class Phrases:
    """Set phrases (regular expressions for lower-cased text) searched anywhere in a line of any
    length: consent banners (``walls``), notices (``notices``). A line is tried only against the
    phrases whose literal (a run of characters every match holds, ``required_literals``) it
    holds: one pass of an automaton, instead of dozens of alternatives tried at every character.
    ``source`` names the data file in the error a phrase without a literal raises."""

    def __init__(self, patterns: Sequence[str], source: str) -> None:
        self.literals = ahocorasick.Automaton()
        owners = startcache.memo(("phrase-literals", tuple(patterns)), lambda: _literal_owners(patterns, source))
        for w, ks in owners.items():
            self.literals.add_word(w, ks)
        self.literals.make_automaton()
        self.patterns = tuple(startcache.compile(p) for p in patterns)

    def tried(self, line: str) -> set[int]:
        """The numbers of the phrases whose literal the (lower-cased) line holds."""
        return {k for _, ks in self.literals.iter(line) for k in ks}

    def found_in(self, line: str) -> bool:
        """Whether the (lower-cased) line holds one of the phrases."""
        return any(self.patterns[k].search(line) for k in self.tried(line))

    def tried_by_line(self, lines: list[str]) -> dict[int, set[int]]:
        """For (lower-cased) lines, the numbers of the phrases whose literal each line holds (lines
        holding none left out): one pass of the automaton over the lines joined."""
        text, starts = joined(lines)
        tried: dict[int, set[int]] = {}
        for end, ks in self.literals.iter(text):
            tried.setdefault(_line_at(starts, end), set()).update(ks)
        return tried


def _literal_owners(patterns: Sequence[str], source: str) -> dict[str, tuple[int, ...]]:
    """Each literal, and the numbers of the patterns that hold it."""
    owners: dict[str, list[int]] = {}
    for k, p in enumerate(patterns):
        found = required_literals(p)
        if not found:
            raise ValueError(f"{source}: the phrase {p!r} holds no literal every match contains")
        for w in found:
            owners.setdefault(w, []).append(k)
    return {w: tuple(ks) for w, ks in owners.items()}


def line_starts(parts: Sequence[str]) -> list[int]:
    """Where each part starts in the parts joined by newlines: part i starts after the lengths of
    the parts before it and i newlines (summed by C iterators, since pages have hundreds of parts
    and this runs several times a page)."""
    return list(map(add, accumulate(map(len, parts), initial=0), range(len(parts))))


def _line_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def index(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = (), priority: tuple[str, ...] | None = None) -> CueIndex:
    """The compiled index of the cue files (plus configuration's extra cues), built once.

    ``priority`` orders the rule codes (the first wins a tie); by default the first pass's.
    """
    return _index(tuple(extra), PRIORITY if priority is None else tuple(priority))


@lru_cache(maxsize=8)
def _index(extra: tuple, priority: tuple[str, ...]) -> CueIndex:
    return CueIndex(cues(extra), priority)
