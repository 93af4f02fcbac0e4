"""The label words of ``data/meta/*.toml``, compiled once, and what every metadata finder shares.

``label_cues()`` holds the patterns built from the label tables (source, author, editor, date
labels, breadcrumb and tag words per language); ``Found`` is what the finders have read from the
page so far (a value with the index of its line and a rank, lower ranks winning); the small
helpers cut a field's value out of a line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterator

from newsclean import startcache
from newsclean.cues import trie

MAX_META_CHARS = 160  # a byline / labelled line is at most this long


@lru_cache(maxsize=None)
def label_tables() -> dict[str, dict[str, list[str]]]:
    """The label and byline word tables of every language (``data/meta/*.toml``) merged into one,
    lower-cased: table -> kind -> words."""
    merged: dict[str, dict[str, list[str]]] = {}
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "meta")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".toml"):
            continue
        data = startcache.toml(os.path.join(folder, name))
        for table, kinds in data.items():
            slot = merged.setdefault(table, {})
            for kind, words in kinds.items():
                slot.setdefault(kind, []).extend(w.lower() for w in words)
    return merged


def _alt(words) -> str:
    """An alternation of the words as a trie (``cues.trie``): the longest word that fits
    wins, as in a longest-first list, but it compiles and matches several times faster."""
    words = sorted({w for w in words if w})
    return trie(words) if words else ""


# the wide scripts' letters (kana, CJK ideographs, Hangul syllables): shared with the headline finder
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# a CJK character inside a case-insensitive pattern: these have no case, and outside the
# IGNORECASE flag the class compiles in a third of the time (``re`` folds every character
# of a case-insensitive range, some 40,000 here, at every start)
_CJK_NOCASE = f"(?-i:[{CJK}])"
_COLON = r"\s*[:：︰]\s*"
_SEP = r"\s{2,}|\s*[|｜│¦•·●■/／]\s*|\s+[-–—]\s+|[;；。]|\s+【"  # (【 after a space: the next field, " 【打印】")


_BYLINE_SEPS = "|｜•·(（"  # what a byline word may follow inside a line ("Foto: dpa | Von Max Muster")
HAS_BYLINE_SEP = startcache.compile(f"[{re.escape(_BYLINE_SEPS)}]")


class LabelCues:
    """All compiled patterns, built once."""

    def __init__(self) -> None:
        t = label_tables()
        g = lambda table, kind: t.get(table, {}).get(kind, [])  # noqa: E731
        self.field_labels = {name: g(name, "labels") for name in ("author", "source", "editor", "tags", "link")}
        # a labelled field anywhere in a short line: (?P<name>label)\s*:
        parts = []
        for name in ("editor", "author", "source", "tags", "link"):
            parts.append(rf"(?P<{name}>{_alt(g(name, 'labels'))})")
        lab = "|".join(parts)
        # a label must start the line or follow a separator / space; CJK labels may be glued
        # (or glued to a date before it: 'Datum: 13. April 2017Autor: Jane Doe')
        labelled = rf"(?:^|(?<=[\s|｜,，;；(（\[【\d]|{_CJK_NOCASE})){'(?:' + lab + ')'}{_COLON}"
        self.labelled = startcache.compile(labelled, re.I)
        # the same for lower-cased text, case-sensitive (the label words are lower case): a
        # search several times quicker (``labels_in``, ``first_label``)
        self._labelled_low = startcache.compile(labelled)
        # a link's label then the URL and nothing else, the colon left out ('Permalink https://p.dw.com/p/4QgGF')
        self.bare_link = startcache.compile(
            rf"^\s*(?:{_alt(g('link', 'labels'))})\s+(?P<url>https?://[^\s<>\"'“”，。]+)\s*$", re.I)
        # "By X", "Von X", "记者 X": only at the start of a line or after a separator
        self.author_words = startcache.compile(
            rf"(?:^|(?<=[{_BYLINE_SEPS}]\s)|(?<=[{_BYLINE_SEPS}]))\s*(?P<w>{_alt(g('author', 'words'))})(?:\s+|(?<=[/｜|])|(?<={_CJK_NOCASE})(?={_CJK_NOCASE}))",
            re.I)
        # a byline word of several words glued to the name ('Geschrieben vonElisa Marvena'), or a short one
        multi = _alt(w for w in g("author", "words") if " " in w and not CJK_OR_HANGUL.search(w))
        self.glued_by = startcache.compile(rf"^(?:(?i:{multi})|[Bb]y|[Vv]on|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ.])") if multi else _GLUED_BY
        # where a name in a byline ends: a job title ('Thabo Mokone Parliamentary editor'), a trailer
        # ('Follow', 'Schreibe einen Kommentar'), a count ('2 minutes read', '1 Kommentar'): 'strong' ends,
        # which may follow a name alone on a line; after a byline word or beside a date also any number,
        # a label ('Lesezeit: 4 Min.'), a date label or 'updated', a preposition ('von Fatima in Gefühle')
        roles, after, counted = (_alt(g("author", k)) for k in ("roles", "after", "counted"))
        self.roles = frozenset(g("author", "roles"))
        self.role_end = startcache.compile(rf"\s+(?=(?:{roles})(?!\w))", re.I)
        self.strong_end = startcache.compile(
            rf"\s+(?=(?P<role>{roles})(?!\w))|\s+(?=(?:{after})(?!\w))|\s+(?=(?P<count>\d+\.?\s*(?:{counted}))(?!\w))", re.I)
        self.name_end = startcache.compile(
            rf"\s+(?=\d|\S+[:：]|(?-i:{_alt(g('author', 'stops'))})\s|(?:{_alt(g('date', 'updated'))})(?!\w)"
            rf"|(?:{_alt(g('date', 'labels'))})\s*(?:$|[\d|:]))", re.I)
        # a job title glued to the name ('André KleinRedakteur', 'Lucy ThorntonNews Reporter')
        self.glued_role = startcache.compile(rf"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])(?=(?i:{roles})(?!\w))")
        suffix = _alt(g("author", "suffix"))
        self.suffix_word = startcache.compile(suffix) if suffix else None  # a quick test before the name's pattern
        self._suffix = suffix
        self.editor_words = startcache.compile(rf"(?:^|(?<=\s))(?P<w>{_alt(g('editor', 'words'))})\s+", re.I)
        self.date_labels = startcache.compile(rf"(?:^|(?<=[\s|｜]))(?:{_alt(g('date', 'labels'))})(?:{_COLON}|\s+)", re.I)
        self.updated = startcache.compile(rf"(?:{_alt(g('date', 'updated'))})", re.I)
        # a label opening a line whose dates are never the page's: an event's own date ('Termin: 21.02.2020,
        # 19 Uhr', 'Deadline: 15 March'), after its colon; a forum member's profile date ('Registriert:
        # 18.09.2008, 05:56', 'Member since 2010'), after its colon or right before the date
        events, profile = _alt(g("date", "events")), _alt(g("date", "profile"))
        other_day = []
        if events:
            other_day.append(rf"(?:{events}){_COLON}")
        if profile:
            other_day.append(rf"(?:{profile})(?:{_COLON}|\s*(?=\d))")
        self.other_day_label = startcache.compile(rf"^\s*(?:{'|'.join(other_day)})", re.I) if other_day else None
        # a word that makes the date after it one end of a period ('Heizungsoptimierung (bis 31.12.2020)',
        # 'valid until 30 June 2021'): a deadline or a start, never when the page was published
        bounds = _alt(g("date", "bounds"))
        self.bound_before = startcache.compile(rf"(?<!\w)(?:{bounds})\s*$", re.I) if bounds else None
        # a word right before a date (within a few marks) that makes it another day than the page's:
        # a deadline's, a validity's, a birth's ('gültig bis 31.12.', 'born 12 May 1950', '截止2023年'); a
        # word of two letters matches only as written (Polish 'do', 'until', is not German 'Do', Thursday)
        words = g("date", "not_published")
        cjk = [w for w in words if CJK_OR_HANGUL.search(w)]
        short = [w for w in words if w not in cjk and len(w) <= 2]
        long = [w for w in words if w not in cjk and len(w) > 2]
        alts = ([rf"(?<!\w)(?i:{_alt(long)})"] if long else []) + ([rf"(?<!\w)(?:{_alt(short)})"] if short else []) \
            + ([_alt(cjk)] if cjk else [])
        self.not_published = startcache.compile(rf"(?:{'|'.join(alts)})\W{{0,3}}$") if alts else None
        self.posted = startcache.compile(rf"(?<!\w)(?:{_alt(g('date', 'posted'))})(?!\w)", re.I)
        # either, in a lower-cased line (several times faster than re.I): a quick test before the dates are read
        self.posted_or_updated = startcache.compile(_alt(g('date', 'posted') + g('date', 'updated')))
        # ... right before a date, maybe with a date label: 'Veröffentlicht am ', 'Published on '
        self.posted_label = startcache.compile(
            rf"(?<!\w)(?:{_alt(g('date', 'posted'))})(?:{_COLON}|\s+)(?:(?:{_alt(g('date', 'labels'))}){_COLON}?\s*)?$", re.I)
        self.newsroom = frozenset(g("author", "newsroom"))
        self.agencies = frozenset(g("author", "agencies"))  # news agencies ('dpa', 'AFP', 'Jiji Press'), lower case
        self.label_only = frozenset(w for w in g("author", "words") + g("author", "labels") if not CJK_OR_HANGUL.search(w))
        crumb_labels = _alt(g("crumb", "labels"))
        self.crumb_label = startcache.compile(rf"^\s*(?:{crumb_labels})\s*[:：]?\s*", re.I) if crumb_labels else None
        self.crumb_home = frozenset(g("crumb", "home"))
        self.filed = frozenset(g("crumb", "filed"))
        self.crumb_skip = frozenset(g("crumb", "skip")) | self.crumb_home
        home = _alt(g("crumb", "home"))
        self.crumb_home_start = startcache.compile(rf"^\s*(?:{home})\s*(?:>|›|»|→|/|\\|>>|::)", re.I)

    def labels_in(self, line: str) -> Iterator[re.Match]:
        """``labelled``'s matches in the line: found in the lower-cased line, case-sensitively,
        where lower-casing keeps every offset (it does but for a few letters, such as 'İ')."""
        low = line.lower()
        return self._labelled_low.finditer(low) if len(low) == len(line) else self.labelled.finditer(line)

    def first_label(self, text: str) -> re.Match | None:
        """``labelled.search(text)``: the first of ``labels_in``."""
        return next(self.labels_in(text), None)

    @cached_property
    def name_suffix(self) -> re.Pattern:
        """A name then a word for 'reporter' ('구현모 기자'): compiled when a line first has such a
        word (``suffix_word``), since its two CJK classes cost 3 ms at every start."""
        return startcache.compile(rf"(?:^|\s)(?P<name>[{CJK}]{{2,4}})\s?(?:{self._suffix})(?![{CJK}])")


@lru_cache(maxsize=1)
def label_cues() -> LabelCues:
    return LabelCues()


URL_IN_LINE = startcache.compile(r"https?://[^\s<>\"'“”，。]+", re.I)
_CUT = startcache.compile(_SEP)
CJK_OR_HANGUL = startcache.compile(f"[{CJK}]")


STRIP = " \t:：.。,，;；|｜-–—·•/()（）[]【】「」“”\"'"


# "ByJane Doe", "byJane Doe": a byline word glued to the name (lost markup)
_GLUED_BY = startcache.compile(r"^(?:[Bb]y|[Vv]on|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ])")


_SPACES = startcache.compile(r"\s+")


def clean_value(v: str) -> str:
    v = v.strip(STRIP)
    return _SPACES.sub(" ", v)


def cut_value(value: str) -> str:
    """A field value ends at a separator (two spaces, |, •, ;, 。) or the next label."""
    m = _CUT.search(value)
    if m:
        value = value[: m.start()]
    return clean_value(value)


@dataclass
class Found:
    """What the metadata finders have found so far on a page, and the lines whose value moved to
    the front matter (``consumed``: index -> (rule code, detail)). A later finder fills only what
    is still missing, except a date of a better rank (``set_date``)."""
    title: tuple[int, str] | None = None
    date: tuple[int, str, int] | None = None  # (index, iso, rank: lower is better)
    author: tuple[int, str, int] | None = None
    source: str | None = None
    editor: str | None = None
    url: str | None = None
    tags: tuple[str, ...] | None = None
    category: str | None = None
    consumed: dict[int, tuple[str, str]] = field(default_factory=dict)

    def set_date(self, i: int, iso: str, rank: int) -> None:
        if self.date is None or rank < self.date[2]:
            self.date = (i, iso, rank)

    def set_author(self, i: int, name: str, rank: int) -> None:
        if name and (self.author is None or rank < self.author[2]):
            self.author = (i, name, rank)

    def replace_author(self, i: int, name: str, rank: int) -> None:
        """The author found so far replaced whatever its rank: for a finder that sees from the page's
        layout that the byline read before is not the article's (``bylines.name_by_headline``)."""
        self.author = (i, name, rank)


def without_spans(s: str, ds: list[tuple[tuple[int, int], str]], fill: str = "") -> str:
    """The line with its dates cut out (each replaced by ``fill``)."""
    for (a, b), _ in reversed(ds):
        s = s[:a] + fill + s[b:]
    return s
