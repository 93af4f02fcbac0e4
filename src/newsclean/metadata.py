"""Read the page's metadata from its lines: title, date, author, source, editor, url, tags, category.

``extract(units, url=..., content_start=..., content_end=...)`` looks at a bounded window of
lines around the start of the article (title, byline, breadcrumb) and after its end (editor,
permalink and tag lines), and returns the :class:`Metadata` plus the lines whose value moved to
the front matter (``consumed``: unit index → (rule code, detail)), which leave the body.

Rules capture kinds of lines, never a site: a labelled field ("来源:X", "Source: X",
"责任编辑:X"), a byline ("By Jane Doe | April 18, 2023", "Von Max Mustermann"), a line holding a
full date, a breadcrumb ("首页 > 综合 > 正文"), a user name glued to a relative date
("admin9个月前 (09-24)栏目465"), a name alone on a line below the headline (or followed by what follows
names: a job title, a reading time, 'Follow'), a writer's line under the text, and the headline
itself, which ``newsclean.title`` picks with a small learned scorer (its own module). Nothing is
invented: unknown fields stay None and a date must be full. Label words per language live in
``data/meta/*.toml``.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from typing import Sequence

from newsclean.blocks import display_width
from newsclean.classify import shape
from newsclean.cuematch import PageCues
from newsclean.cues import trie
from newsclean.dates import MONTHS, WEEKDAYS, date_in_url, find_dates
from newsclean.title import (NOISE_MAX_CHARS, _CAMEL, _CRUMB_SPLIT, _DIGITS_ONLY, _HAS_DIGIT, _NOISE_CODES,
                             _cue_noise, is_caption, pick_title, texty as _texty)
from newsclean.document import Metadata
from newsclean.thresholds import CUE_MAX_CHARS

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["MetaResult", "extract", "guess_content_start"]

# window sizes (units)
TITLE_BEFORE = 30  # breadcrumb and byline lines: this many units before content_start
BYLINE_AFTER = 10  # byline lines: this many units after content_start
BYLINE_DEEP = 40  # a line opening with a byline word, when none was found: up to this many units after it
NAME_BEFORE, NAME_AFTER = 10, 7  # a name alone on a line: this close to the start of the text
LATE_DATE_AFTER = 40  # a date line under a short text: at most this far after its start
LATE_AFTER_END = 16  # a labelled date line under a longer text: at most this far after its end
DATE_ABOVE_TITLE = 1  # a date line this close above the headline is its dateline, as one below it
TITLE_DATE_AROUND = 3  # a date line this close to a headline found above the top window
TAIL_AFTER = 40  # editor/link/tag lines: this many units after content_end
BYLINE_UNDER = 8  # a byline under the text: at most this far after its end (further down: other articles')
SIGNATURE_AFTER = 1  # a name alone under the text: this close to its last line
MAX_META_CHARS = 160  # a byline / labelled line is at most this long
NAME_TAIL_WORDS = 4  # a name alone on a line may be followed by this many words of a job title, a count...
# date ranks (lower wins): 0-2 a line that is mostly a date near the headline, 3 a date inside a longer
# line, 4 a date line far above the headline, 5-7 a date line under the text; + 2 when 'updated'
WEAK_DATE_RANK = 3
BYLINE_DATE_RANK = 0  # the date on the line the author was read from, when below the text start
LATE_DATE_RANK = 5
UPDATED_PENALTY = 2  # an "updated" date ranks this much lower than a published one
LIST_PENALTY = 1  # a date line in a list of dated items ranks this much lower
LIST_AROUND, LIST_ITEMS = 2, 2  # ... a list: this many lines around it, at most this far away, hold other days
DATE_LINE_REST = 40  # a line is mostly a date when at most this many columns of other words remain
DATELINE_START = 30  # a long line opens with a dateline when its date starts this close to its start ('Wien, 14. Dezember 2021 –')
TITLE_AGAIN_MIN = 15  # a headline repeated with its date in a list of posts: at least this many characters
TITLE_AGAIN_REST = 20  # ... and at most this many columns of other words beside the date
SPLIT_PART_MAX = 16  # a date's parts on lines of their own ('31' / 'Donnerstag' / 'Okt 2019'): each at most this long
SPLIT_PARTS = 4  # ... and at most this many lines
NEAREST_DATE_AROUND = 40  # no date found: a line that is only a date at most this far from the headline
NEAREST_DATE_CHARS = 80  # ... at most this long
NEAREST_DATE_RANK = 8  # ... ranks below all others
FILED_MAX_CHARS = 30  # a byline's category on a line of its own ('in' / 'Nachrichten'): at most this wide
LATE_REST = 20  # a date line further down: at most this many columns of other words beside the date
POSTED_NEAR = 60  # a word saying the page was posted ('veröffentlicht') at most this far from its date
POSTED_MAX_CHARS = MAX_META_CHARS * 2  # a footer sentence saying when the page was posted is at most this long


@dataclass(frozen=True)
class MetaResult:
    metadata: Metadata
    consumed: dict[int, tuple[str, str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# cue words

@lru_cache(maxsize=None)
def _tables() -> dict[str, dict[str, list[str]]]:
    merged: dict[str, dict[str, list[str]]] = {}
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "meta")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".toml"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            data = tomllib.load(f)
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


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# a CJK character inside a case-insensitive pattern: these have no case, and outside the
# IGNORECASE flag the class compiles in a third of the time (``re`` folds every character
# of a case-insensitive range, some 40,000 here, at every start)
_CJK_NOCASE = f"(?-i:[{_CJK}])"
_COLON = r"\s*[:：︰]\s*"
_SEP = r"\s{2,}|\s*[|｜│¦•·●■/／]\s*|\s+[-–—]\s+|[;；。]"


_BYLINE_SEPS = "|｜•·(（"  # what a byline word may follow inside a line ("Foto: dpa | Von Max Muster")
_HAS_BYLINE_SEP = re.compile(f"[{re.escape(_BYLINE_SEPS)}]")


class _Cues:
    """All compiled patterns, built once."""

    def __init__(self) -> None:
        t = _tables()
        g = lambda table, kind: t.get(table, {}).get(kind, [])  # noqa: E731
        self.field_labels = {name: g(name, "labels") for name in ("author", "source", "editor", "tags", "link")}
        # a labelled field anywhere in a short line: (?P<name>label)\s*:
        parts = []
        for name in ("editor", "author", "source", "tags", "link"):
            parts.append(rf"(?P<{name}>{_alt(g(name, 'labels'))})")
        lab = "|".join(parts)
        # a label must start the line or follow a separator / space; CJK labels may be glued
        # (or glued to a date before it: 'Datum: 13. April 2017Autor: Jane Doe')
        self.labelled = re.compile(rf"(?:^|(?<=[\s|｜,，;；(（\[【\d]|{_CJK_NOCASE})){'(?:' + lab + ')'}{_COLON}", re.I)
        # "By X", "Von X", "记者 X": only at the start of a line or after a separator
        self.author_words = re.compile(
            rf"(?:^|(?<=[{_BYLINE_SEPS}]\s)|(?<=[{_BYLINE_SEPS}]))\s*(?P<w>{_alt(g('author', 'words'))})(?:\s+|(?<=[/｜|])|(?<={_CJK_NOCASE})(?={_CJK_NOCASE}))",
            re.I)
        # a byline word of several words glued to the name ('Geschrieben vonElisa Marvena'), or a short one
        multi = _alt(w for w in g("author", "words") if " " in w and not _CJK_CHAR.search(w))
        self.glued_by = re.compile(rf"^(?:(?i:{multi})|[Bb]y|[Vv]on|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ.])") if multi else _GLUED_BY
        # where a name in a byline ends: a job title ('Thabo Mokone Parliamentary editor'), a trailer
        # ('Follow', 'Schreibe einen Kommentar'), a count ('2 minutes read', '1 Kommentar'): 'strong' ends,
        # which may follow a name alone on a line; after a byline word or beside a date also any number,
        # a label ('Lesezeit: 4 Min.'), a date label or 'updated', a preposition ('von Fatima in Gefühle')
        roles, after, counted = (_alt(g("author", k)) for k in ("roles", "after", "counted"))
        self.roles = frozenset(g("author", "roles"))
        self.role_end = re.compile(rf"\s+(?=(?:{roles})(?!\w))", re.I)
        self.strong_end = re.compile(
            rf"\s+(?=(?P<role>{roles})(?!\w))|\s+(?=(?:{after})(?!\w))|\s+(?=(?P<count>\d+\.?\s*(?:{counted}))(?!\w))", re.I)
        self.name_end = re.compile(
            rf"\s+(?=\d|\S+[:：]|(?-i:{_alt(g('author', 'stops'))})\s|(?:{_alt(g('date', 'updated'))})(?!\w)"
            rf"|(?:{_alt(g('date', 'labels'))})\s*(?:$|[\d|:]))", re.I)
        # a job title glued to the name ('André KleinRedakteur', 'Lucy ThorntonNews Reporter')
        self.glued_role = re.compile(rf"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])(?=(?i:{roles})(?!\w))")
        suffix = _alt(g("author", "suffix"))
        self.suffix_word = re.compile(suffix) if suffix else None  # a quick test before the name's pattern
        self._suffix = suffix
        self.editor_words = re.compile(rf"(?:^|(?<=\s))(?P<w>{_alt(g('editor', 'words'))})\s+", re.I)
        self.date_labels = re.compile(rf"(?:^|(?<=[\s|｜]))(?:{_alt(g('date', 'labels'))})(?:{_COLON}|\s+)", re.I)
        self.updated = re.compile(rf"(?:{_alt(g('date', 'updated'))})", re.I)
        self.posted = re.compile(rf"(?<!\w)(?:{_alt(g('date', 'posted'))})(?!\w)", re.I)
        # either, in a lower-cased line (several times faster than re.I): a quick test before the dates are read
        self.posted_or_updated = re.compile(_alt(g('date', 'posted') + g('date', 'updated')))
        # ... right before a date, maybe with a date label: 'Veröffentlicht am ', 'Published on '
        self.posted_label = re.compile(
            rf"(?<!\w)(?:{_alt(g('date', 'posted'))})(?:{_COLON}|\s+)(?:(?:{_alt(g('date', 'labels'))}){_COLON}?\s*)?$", re.I)
        self.newsroom = frozenset(g("author", "newsroom"))
        self.label_only = frozenset(w for w in g("author", "words") + g("author", "labels") if not re.search(f"[{_CJK}]", w))
        crumb_labels = _alt(g("crumb", "labels"))
        self.crumb_label = re.compile(rf"^\s*(?:{crumb_labels})\s*[:：]?\s*", re.I) if crumb_labels else None
        self.crumb_home = frozenset(g("crumb", "home"))
        self.filed = frozenset(g("crumb", "filed"))
        self.crumb_skip = frozenset(g("crumb", "skip")) | self.crumb_home
        home = _alt(g("crumb", "home"))
        self.crumb_home_start = re.compile(rf"^\s*(?:{home})\s*(?:>|›|»|→|/|\\|>>|::)", re.I)

    @cached_property
    def name_suffix(self) -> re.Pattern:
        """A name then a word for 'reporter' ('구현모 기자'): compiled when a line first has such a
        word (``suffix_word``), since its two CJK classes cost 3 ms at every start."""
        return re.compile(rf"(?:^|\s)(?P<name>[{_CJK}]{{2,4}})\s?(?:{self._suffix})(?![{_CJK}])")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


_URL = re.compile(r"https?://[^\s<>\"'“”，。]+", re.I)
_CUT = re.compile(_SEP)
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’.-]*|von|van|der|de|del|della|di|da|dos|du|le|la|ten|ter|bin|al|el|zu|und|and|&|y|et|e)$")
_REL_DATE = re.compile(r"(?P<n>\d+)\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|月|年)前"
                       r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago", re.I)
_PARTIAL_DATE = re.compile(r"[(（]?\s*\d{1,2}[-/.月]\d{1,2}日?\s*[)）]?")
_TRAIL_COUNT = re.compile(r"\s*\d+\s*$")
# a clock time or a reading time ("16:01", "7 min", "1 minuti"): beside a date they leave it a date line
_READING_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d+\s*min\w*\.?", re.I)
_STRIP = " \t:：.。,，;；|｜-–—·•/()（）[]【】「」“”\"'"
_NOT_NAME = frozenset("""news share page published updated read more min minutes lesezeit kommentar kommentare
comments comment local world front sport sports science technology home menu video live top latest politik
wirtschaft kultur artikel teilen anhören redaktion subscribe newsletter follow login sign share""".split()) \
    | frozenset(_tables().get("author", {}).get("not_name", []))  # interface words per language ('Zur Galerie')
_NOT_FIRST = frozenset(_tables().get("author", {}).get("not_first", []))  # 'Der Weinbau', 'The Guardian'
_NAME_PREFIX = re.compile(r"\b(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O')(?=[A-Z])")
_USERNAME = re.compile(r"^[\w.-]{2,30}$")
# "ByJane Doe", "byJane Doe": a byline word glued to the name (lost markup)
_GLUED_BY = re.compile(r"^(?:[Bb]y|[Vv]on|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ])")
_NAME_LIST = re.compile(r"\s*[,;&|｜/]\s*|\s+(?:and|und|et|y|e|och|og|en)\s+")
_AGENCY = re.compile(r"^[A-Z]{2,5}(?:-[A-Z]{1,3})?$")  # 'AP', 'SP-X': a news agency in a list of names
_HANDLE = re.compile(r"\s*@\w+$")  # 'Jane Doe @janedoe', 'Greg Iacurci@GregIacurci'
_LEAD_DASHES = "-–—=~ "
_SENTENCE_END = re.compile(r"[a-zà-ÿ]{2}[.!?]$")
_EMAILISH = re.compile(r"@|www\.|https?://", re.I)


_width = display_width  # wide (CJK, full-width) characters count two


def _clean_value(v: str) -> str:
    v = v.strip(_STRIP)
    return re.sub(r"\s+", " ", v)


def _cut(value: str) -> str:
    """A field value ends at a separator (two spaces, |, •, ;, 。) or the next label."""
    m = _CUT.search(value)
    if m:
        value = value[: m.start()]
    return _clean_value(value)


# ---------------------------------------------------------------------------
# content start, when the caller does not know it

REFINE_AHEAD = 12  # a hint may be early (title and byline taken as content): look this far for the text


def _refine_start(texts: Sequence[str], cs: int) -> int:
    """The first line of running text at or shortly after the hinted start (the hint when none)."""
    for j in range(cs, min(len(texts), cs + REFINE_AHEAD)):
        if _texty(texts[j]) >= 80:
            return j
    return cs


def guess_content_start(texts: Sequence[str]) -> int:
    """The first unit of the first dense stretch of running text (0 when none)."""
    vals = [_texty(s) for s in texts[:400]]
    n = len(vals)
    best = None
    for i in range(n):
        if vals[i] < 80:
            continue
        mass = sum(vals[i:i + 6])
        long_lines = sum(1 for v in vals[i:i + 6] if v >= 80)
        if mass >= 500 and long_lines >= 2:
            best = i
            break
    if best is None:
        best = max(range(n), key=lambda i: vals[i]) if n else 0
    return best


# ---------------------------------------------------------------------------
# line parsers

@dataclass
class _Found:
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


def _looks_like_name(v: str, cjk_ok: bool = True) -> bool:
    """A person's or agency's name: 1-6 capitalised words, or 2-12 CJK characters."""
    if not v or len(v) > 80 or _EMAILISH.search(v) or _DIGITS_ONLY.match(v):
        return False
    if _CJK_CHAR.search(v):
        return cjk_ok and 2 <= len(v) <= 16 and not re.search(r"[，。！？]", v)
    words = v.replace(",", " , ").split()
    words = [w for w in words if w != ","]
    if not 1 <= len(words) <= 8:
        return False
    caps = sum(1 for w in words if _NAME_WORD.match(w))
    return caps == len(words) and any(w[:1].isupper() for w in words)


_WITH = re.compile(r"\s+(?:mit|with|avec|con|com)\s+(?=\S+$)", re.I)  # 'Diana Resnik mit AP'
_CONJ = re.compile(r"\s+(?:und|and|&|et|y|e|i|och|og|ja|en|и|oraz)\s+", re.I)
_AFFIL = re.compile(r"(?<=[a-zà-ÿ])\d+(?:,\d+)*(?!\w)|[*†‡]")  # 'Jane Doe1,2' (not 'BR24', 'Bo2man')


def _author_value(v: str) -> str:
    """A names value: cut at separators, affiliation marks dropped, 'A und B' written 'A, B'."""
    v = _AFFIL.sub("", _cut(v))
    m = _WITH.search(v)
    if m:
        v = v[:m.start()]
    v = _CONJ.sub(", ", v)
    return v.strip(_STRIP)


def _crumb(line: str, cues: _Cues) -> str | None:
    """The category of a breadcrumb line, '' when it has none, None when not a breadcrumb."""
    rest = None
    if cues.crumb_label is not None:
        m = cues.crumb_label.match(line)
        if m and (m.end() < len(line) or line.strip().endswith((":", "："))):
            rest = line[m.end():]
            # the label must be followed by a colon or an arrow-separated trail
            if not re.search(r"[:：]", line[: m.end()]) and not _CRUMB_SPLIT.search(rest):
                rest = None
    if rest is None and cues.crumb_home_start.match(line):
        rest = line
    if rest is None:
        return None
    items = [x.strip(_STRIP) for x in _CRUMB_SPLIT.split(rest)]
    items = [x for x in items if x]
    if any(_width(x) > 60 for x in items):
        return None
    for item in reversed(items):
        if item.lower() not in cues.crumb_skip:
            return item
    return ""


def _tags(value: str) -> tuple[str, ...]:
    parts = re.split(r"\s*[,，、;；|｜/#]\s*|\s{2,}", value)
    if len(parts) == 1 and " " in value and _CJK_CHAR.search(value):
        parts = value.split()
    return tuple(dict.fromkeys(p.strip(_STRIP) for p in parts if p.strip(_STRIP)))


def _labelled(i: int, line: str, cues: _Cues, f: _Found, region: str) -> str | None:
    """Fields written as 'label: value' in the line; returns the rule code for the line, or None."""
    code = None
    if ":" not in line and "：" not in line and "︰" not in line:
        return None
    for m in cues.labelled.finditer(line):
        name = m.lastgroup
        if name == "author" and m.group(0)[-1:] in ":：︰" and line[m.end():m.end() + 1].islower():
            continue  # 'Journalist:innen', 'Autor:innen': a gender ending, not a label
        rest = line[m.end():]
        # the value ends at the next labelled field
        nxt = cues.labelled.search(rest)
        value = rest[: nxt.start()] if nxt else rest
        if name == "link":
            u = _URL.search(value)
            if u:
                f.url = f.url or u.group(0).rstrip(".,;)")
                code = code or "NC-LINK"
            continue
        if name == "tags":
            if f.tags is None:
                f.tags = _tags(value)
            code = code or "NC-TAGS"
            continue
        # a date inside the value is not part of the name
        ds = find_dates(value)
        if ds:
            value = value[: ds[0][0][0]]
        v = _cut(value)
        if not v or _width(v) > 60:
            continue
        if name == "source":
            f.source = f.source or v
            code = "NC-META" if code in (None, "NC-META") else code
        elif name == "editor":
            f.editor = f.editor or v
            code = "NC-EDITOR"
        elif name == "author":
            v = _author_value(value)
            h, _ = _name_head(v, cues) if v and not _CJK_CHAR.search(v) else ("", "")
            if h and (_looks_like_name(h) or _USERNAME.match(h)):
                v = h  # 'Author: Bo2man am', 'Autor: Jane Doe Lesezeit'
            if v and (_CJK_CHAR.search(v) or _looks_like_name(v) or _USERNAME.match(v)):
                f.set_author(i, v, 1 if region == "top" else 3)
                code = "NC-META" if code in (None, "NC-META") else code
    return code


def _unglue_by(s: str, cues: _Cues) -> str:
    """The line with a space put back after a byline word glued to the name ('ByJ.R. Stone')."""
    g = cues.glued_by.match(s)
    return s if g is None else s[: g.end()] + " " + s[g.end():]


def _author_words(i: int, line: str, cues: _Cues, f: _Found, short: bool = True) -> bool:
    line = _unglue_by(line.lstrip(_LEAD_DASHES), cues)  # '---- by Kenneth Surin', 'ByJ.R. Stone'
    # past the line's start a byline word must follow a separator: without one, only the start is tried
    m = (cues.author_words.search(line) if _HAS_BYLINE_SEP.search(line) else cues.author_words.match(line))
    if not m or (m.start() > 0 and not short and line[:m.start()].rstrip()[-1:] not in "|｜"):
        return False  # a long line may hold a byline as a '|'-separated field ('Published: 5 hours ago | Written by X')
    if not short and m.group("w").lower() in cues.roles and _SENTENCE_END.search(line) \
            and not _HAS_BYLINE_SEP.search(line):
        return False  # 'Author Rushdiyah Narker, from Kensington, said she started reading ...': a sentence
    rest = line[m.end():]
    again = cues.author_words.match(rest)
    if again:
        rest = rest[again.end():]  # 'Post author By Jane Doe'
    ds = find_dates(rest)
    if ds:
        rest = rest[: ds[0][0][0]]
    v = _author_value(rest)
    v = re.sub(r"\s+(?:und|and|et|y|e|i|och|ja|en)$", "", v)
    if not v or _CONJ.match(" " + v):
        return False  # 'Autorin und Netzphilosophin Leena Simon': the byline word was a job title
    cjk = bool(_CJK_CHAR.search(v))
    if not cjk:
        h, _ = _name_head(v, cues)  # 'By Victoria O’Regan Follow', 'Posted by T. V. Raman at 2:33 PM'
        if h and (_looks_like_name(h) or _is_user(h)):
            v = h
    if cjk:
        v = re.split(r"[\s)）]", v)[0] if m.group("w") in ("记者", "本报记者", "新华社记者", "通讯员") else v
        if not 2 <= len(v) <= 12:
            return False
    elif not _looks_like_name(v):
        v = _leading_names(v) or (v if _is_user(v) and len(line) <= 40 else "")
        if not v:
            return False
    f.set_author(i, v, 0 if m.start() == 0 else 2)
    return True


SUFFIX_MAX_WIDTH = 60  # a 'name + reporter' line ('구현모 기자 ninek@hankookilbo.com') is at most this wide


def _name_suffix(i: int, line: str, cues: _Cues, f: _Found) -> bool:
    """'배윤경 기자': a name followed by a word for 'reporter' (``suffix`` in the cue files)."""
    if cues.suffix_word is None or cues.suffix_word.search(line) is None or _width(line) > SUFFIX_MAX_WIDTH:
        return False
    m = cues.name_suffix.search(line)
    if m is None:
        return False
    f.set_author(i, m.group("name"), 0 if m.start() == 0 else 2)
    return True


def _label_then_name(i: int, texts: Sequence[str], cues: _Cues, f: _Found, rank: int) -> bool:
    """'Von' / 'By' / 'Artikel von:' alone on a line, the name on the next one (which is consumed)."""
    s = texts[i]
    if len(s) > 30 or i + 1 >= len(texts) or s.strip().lower().strip(_STRIP) not in cues.label_only:
        return False
    nxt = _HANDLE.sub("", texts[i + 1].strip())
    if _cue_noise(nxt):
        return False  # 'Von' then 'Suche': a menu
    head = _name_with_tail(nxt, cues)[0]  # 'Lucy ThorntonNews Reporter'
    if head and _looks_like_name(head):
        nxt = head
    if _looks_like_name(nxt) or (s.rstrip()[-1:] in ":：" and _is_user(nxt)):
        f.set_author(i + 1, _author_value(nxt), rank)
        f.consumed[i + 1] = ("NC-META", "author")
        return True
    return False


def _leading_names(v: str) -> str:
    """'Jessica Holly, Gail Levy, 7 News WSVN' → 'Jessica Holly, Gail Levy': the names a list opens with."""
    parts = [p.strip() for p in re.split(r"\s*[,;&]\s*", v)]
    names = []
    for p in parts:
        if not (_looks_like_name(p) and 2 <= len(p.split()) <= 4):
            break
        names.append(p)
    return ", ".join(names)


ROLE_MODIFIERS_MAX = 2  # 'Richard Adams Education editor': words of a job title before its cue word


def _name_head(v: str, cues: _Cues, strong: bool = False) -> tuple[str, str]:
    """'Thabo Mokone Parliamentary editor' → 'Thabo Mokone', 'Helmut Rubik 0' → 'Helmut Rubik': the name a
    byline value opens with, cut where words of a kind that follows names begin. Returns the name and what
    cut it: 'role' (a job title), 'count' ('1 Kommentar', '2 minutes read'), 'after' ('Follow', 'Schreibe
    einen Kommentar'), or, unless ``strong``, 'weak' (a number, a label, 'updated', a date label, a
    preposition: ``_Cues.name_end``); ('', '') when nothing is cut."""
    v = cues.glued_role.sub(" ", v)
    m = cues.strong_end.search(v)
    kind = "" if m is None else "role" if m.group("role") else "count" if m.group("count") else "after"
    if not strong:
        m2 = cues.name_end.search(v)
        if m2 is not None and (m is None or m2.start() < m.start()):
            m, kind = m2, "weak"
    if m is None or m.start() == 0:
        return "", ""
    words = v[:m.start()].split()
    if kind == "role":
        comma = next((k for k, w in enumerate(words) if w.endswith(",")), None)
        if comma is not None:  # 'Uta Staschewski, Projektleiterin der HSS': the name ends at the comma
            words = words[:comma + 1]
        # a job title may open with words of its own ('Parliamentary editor', 'Deputy Content Hub Director')
        if len(words) > 2 + ROLE_MODIFIERS_MAX:
            return "", ""
        words = words[:2] if len(words) > 2 else words
        last = _NAME_PREFIX.sub("", words[-1])
        hump = _CAMEL.search(last)
        if hump and len(words) >= 2:  # 'Lucy ThorntonNews Reporter': a section glued to the name
            words[-1] = words[-1][: len(words[-1]) - len(last) + hump.start() + 1]
    elif len(words) > 1 and _CAMEL.search(_NAME_PREFIX.sub("", words[-1])):
        return "", ""  # 'Lesotho TimesNovember 21': words glued together, not a name's end
    if all(w.lower() in cues.newsroom for w in words):
        return "", ""  # 'Staff Writer' is the byline itself
    return " ".join(words).strip(_STRIP), kind


def _name_alone(s: str) -> bool:
    """A line that is a person's name and nothing else: 2-5 capitalised words, no menu word, no caption."""
    words = s.split()
    return len(s) <= 60 and not _CJK_CHAR.search(s) and _looks_like_name(s) and 2 <= len(words) <= 5 \
        and words[0][:1].isupper() and words[-1][:1].isupper() and words[0].lower() not in _NOT_FIRST \
        and not _CAMEL.search(_NAME_PREFIX.sub("", s)) \
        and not any(w.lower().strip(".,:") in _NOT_NAME for w in words) \
        and all(len(w) <= 14 for w in words) and not _cue_noise(s) and not is_caption(s.lower())


NEWSROOM_LINE_WORDS = 4  # 'Redaktion Polizeiticker Schweiz': a newsroom word and the site's name, this many words


def _newsroom_line(s: str, cues: _Cues) -> bool:
    """'Redaktion', 'Emotion Redaktion', 'auto-motor.at Redaktion': the newsroom wrote it (the whole line)."""
    words = s.split()
    if not 1 <= len(words) <= NEWSROOM_LINE_WORDS or len(s) > 50:
        return False
    if words[0].lower() in cues.newsroom:
        others = words[1:]
    elif words[-1].lower() in cues.newsroom:
        others = words[:-1]
    else:
        return False
    return all(w[:1].isupper() or "." in w for w in others) and not _cue_noise(s)


def _name_with_tail(s: str, cues: _Cues) -> tuple[str, str]:
    """'Thabo Mokone Parliamentary editor' → ('Thabo Mokone', 'role'): a name and a short tail of what follows
    names (a job title, a count, a trailer: ``_name_head`` strong ends), not a sentence ('Der Autor dieses
    Blogs ist ...', 'Charles Secrett, Executive Director of Friends of the Earth, said:')."""
    head, kind = _name_head(s, cues, strong=True)
    tail = s.split()[len(head.split()):]
    if head and len(tail) <= NAME_TAIL_WORDS and not re.search(r"[,:;!?()\[\]]", " ".join(tail)):
        return head, kind
    return "", ""


def _signature(s: str, cues: _Cues, right_under: bool) -> str:
    """A writer's line under the text: 'Harald Bauer Autor' (a name and a job title), '- Nadja Podbregar'
    (a dash and a name), or a name alone ``right_under`` the text's last line ('Lê Phương'); further down,
    a name alone is too often a menu item or a heading to be taken."""
    s = s.strip()
    if s[:1] in "-–—" and _name_alone(s.lstrip(_LEAD_DASHES)):
        return s.lstrip(_LEAD_DASHES)
    if right_under and _name_alone(s):
        return s
    head, kind = _name_with_tail(s, cues)
    return head if kind == "role" and _name_alone(head) else ""


def _is_user(v: str) -> bool:
    """A user name after an explicit byline word ('von flerche', 'by jdoe_42')."""
    return bool(_USERNAME.match(v)) and not v.isdigit() and v.lower() not in _NOT_NAME and len(v) >= 3


_BYLINE_FIELDS = re.compile(r"\s{2,}|\s*[|｜/•·●~]\s*|\s+[-–—]\s+")
_BYLINE_ITEMS = re.compile(r",\s+|\s+(?:um|at|à|alle|a las)\s+")


def _byline_segments(rest: str):
    """The segments of a byline line, each with the number of the field ('|', '·', ' - ') it is in: a
    field may list several items ('Jane Doe, John Roe')."""
    for k, field in enumerate(_BYLINE_FIELDS.split(rest)):
        for seg in _BYLINE_ITEMS.split(field):
            yield seg, k


def _name_in_byline(i: int, s: str, ds, f: _Found, cues: _Cues, explicit: bool = False) -> None:
    """'Bettina Kugler 19.10.2019, 05:00 Uhr', 'Gunter Frank / 22.04.2020': the name beside the date.

    ``explicit``: only a name after a byline word ('Veröffentlicht am 03.02.2022 von Sarah Schnieder').
    """
    if f.author is not None and f.author[2] <= (1 if not explicit else 2):
        return
    rest = _without_spans(s, ds, " | ")
    # a name opening the line is followed by a date or a field separator ('Yasmine Hassan · CBC News · Posted:'),
    # or follows a date that opens it ('6. November 2023 Octavius Hallenstein'); not a date label ('Der Bahnhof
    # am Morgen, aufgenommen am 24. April 2023')
    lead = rest.lstrip(_STRIP + " ")
    opening_sep = rest.lstrip().startswith("|") or re.match(r"[^|·•,]*?[\s,]*[|·•]", lead) is not None
    rest = cues.date_labels.sub(" | ", rest)
    opening = True
    listed = -1  # the field that a label opens: its items are no names ('Tags: B2B, Best Practice')
    for seg, field in _byline_segments(rest):
        seg = seg.strip(_STRIP)
        if not seg:
            continue
        first, opening = opening, False
        if _CJK_CHAR.search(seg) or field == listed:
            continue
        seg = _unglue_by(seg, cues)  # 'byMobasir'
        m = cues.author_words.match(seg)
        if m:
            seg = seg[m.end():].strip()
        elif ":" in seg or "：" in seg:
            listed = field
            continue  # a label ('Lesedauer: 2 Min.') unless it follows the name after a byline word
        # 'by Kay 24 Comments', 'Helmut Rubik 0', 'karstenruppert Schreibe einen Kommentar': the name's end
        head, cut = _name_head(seg, cues)
        if explicit and not m and cut not in ("after", "count") \
                and not (first and opening_sep and not head and len(seg.split()) >= 2):
            # without a byline word, only a name before a trailer ('Schreibe einen Kommentar') or a name of
            # two words or more opening the line ('Yasmine Hassan · CBC News · Posted: Aug 08, 2024 4:00 AM')
            continue
        if head:
            seg = head
        low = seg.lower()
        if not seg or ":" in seg or "：" in seg or _DIGITS_ONLY.match(seg) or low in cues.label_only \
                or low in WEEKDAYS or cues.updated.search(seg) or cues.date_labels.match(seg + " "):
            continue  # 'Letztes Update', 'miércoles', 'Published'
        words = seg.split()
        if seg.lower() in cues.newsroom:
            f.set_author(i, seg, 2)  # 'Redaktion 1. November 2023': the newsroom wrote it
            return
        if (_looks_like_name(seg) and 1 <= len(words) <= 4 and not any(w.lower() in _NOT_NAME for w in words)) \
                or (_USERNAME.match(seg) and not seg.isdigit() and low not in _NOT_NAME and len(seg) >= 3
                    and not re.search(r"\d{2}", seg)):
            if len(words) == 1 and not m and (cut == "weak" or not (
                    (cut == "count" and not seg.isupper()) or seg[:1].islower() or re.search(r"\d|_", seg)
                    or _CAMEL.search(seg))):
                # one capitalised word beside a date is a weekday, place or section, not a user ('Cortyn
                # 1 Kommentar', 'MikeNils' are); a word before a time is 'klo 14.00', 'um 10:15'
                continue
            f.set_author(i, _author_value(seg), 2)
            return


def _glued_user(i: int, line: str, f: _Found, cues: _Cues) -> bool:
    """'admin9个月前 (09-24)栏目465': a user name glued to a relative date, a category, a count."""
    if _width(line) > 80:
        return False
    m = _REL_DATE.search(line)
    if not m:
        return False
    user = line[: m.start()].strip(_STRIP)
    tail = line[m.end():]
    p = _PARTIAL_DATE.match(tail.lstrip())
    if p:
        tail = tail.lstrip()[p.end():]
    cat = _TRAIL_COUNT.sub("", tail).strip(_STRIP)
    if user and (len(user) > 24 or " " in user.strip() and len(user.split()) > 3):
        return False
    if user and (cues.updated.search(user) or cues.date_labels.match(user + " ")):
        return True  # 'Published 3 seconds ago': a byline without a name
    if user:
        f.set_author(i, user, 1)
    if cat and _width(cat) <= 40 and f.category is None:
        f.category = cat
    return bool(user or cat)


# ---------------------------------------------------------------------------
# the extractor

def _noise_of(page_cues: PageCues, i: int, s: str) -> bool:
    """``_cue_noise`` of unit i from the page's cue scan, which tried every kind of cue on
    lines up to ``CUE_MAX_CHARS * 2`` columns (wider ones are scanned again)."""
    if len(s) > NOISE_MAX_CHARS:
        return False
    if shape(s).width > CUE_MAX_CHARS * 2:
        return _cue_noise(s)
    return not page_cues.codes_of(i).isdisjoint(_NOISE_CODES)


def _text(u) -> str:
    return u if isinstance(u, str) else u.text


def extract(units: Sequence[str], *, url: str | None = None, content_start: int | None = None,
            content_end: int | None = None, reference: _dt.date | None = None,
            language: str | None = None, page_cues: PageCues | None = None) -> MetaResult:
    """The page's metadata from its units (strings, or objects with a ``text``).

    ``content_start``/``content_end`` are the first and last article units as the classifier
    sees them (estimated when not given). ``reference`` enables relative dates ("3 hours ago").
    ``language`` is copied to the result as is. ``page_cues`` (``classify.scan`` of the same
    units), when given, answers which lines hold a boilerplate cue without scanning them again.
    """
    texts = [_text(u) for u in units]
    n = len(texts)
    if n == 0:
        return MetaResult(Metadata(url=url, language=language), {})
    cues = _cues()
    cs0 = content_start if content_start is not None else guess_content_start(texts)
    cs0 = max(0, min(cs0, n - 1))
    cs = _refine_start(texts, cs0)
    ce = content_end if content_end is not None and content_end >= cs else None
    f = _Found()
    lo = max(0, cs - TITLE_BEFORE)
    top_hi = min(n, cs + BYLINE_AFTER)

    meta_lines: set[int] = set()
    date_lines: list[tuple[int, str, bool, int]] = []  # (index, iso, mostly the date, penalty)

    # 1. the top window: breadcrumb, bylines, labelled fields, dates
    for i in range(lo, top_hi):
        s = texts[i]
        short = len(s) <= MAX_META_CHARS * 3 and _width(s) <= MAX_META_CHARS
        if f.category is None and short and i < cs:
            cat = _crumb(s, cues)
            if cat is not None:
                f.category = cat or None
                f.consumed[i] = ("NC-CRUMB", cat or "breadcrumb")
                meta_lines.add(i)
                continue
        if not short:
            # a long line may still open with a dateline; take its date as a weak candidate
            if i >= cs - 1:
                ds = find_dates(s[:80])
                if ds and ds[0][0][0] <= DATELINE_START:
                    date_lines.append((i, ds[0][1], False, 0))
            continue
        code = _labelled(i, s, cues, f, "top")
        ds = find_dates(s, reference=reference)
        if _author_words(i, s, cues, f, _width(s) <= 80) or _name_suffix(i, s, cues, f):
            code = code or "NC-META"
        if code is None and _glued_user(i, s, f, cues):
            code = "NC-META"
        if code is None and not ds and i >= cs - 15 and _width(s) <= 80:
            # 'Jane Doe | Published 4 hours ago': a name beside a relative date
            rel = [(m.span(), "") for m in _REL_DATE.finditer(s)]
            if rel:
                _name_in_byline(i, s, rel, f, cues)
                if f.author is not None and f.author[0] == i:
                    code = "NC-META"
        if ds:
            iso, penalty = _published(s, ds, cues)
            rest = _date_rest(s, ds, cues)
            u = cues.updated.search(rest)
            if u:
                rest = rest[:u.start()]  # '05 Gennaio 2025 Aggiornato alle 16:01': the rest is about the update
            rest = _READING_TIME.sub(" ", rest)
            mostly = _width(rest.strip(_STRIP)) <= DATE_LINE_REST or code is not None
            if i >= cs - 15:
                if mostly:
                    _name_in_byline(i, s, ds, f, cues)
                elif _width(s) <= 120:
                    # 'Veröffentlicht am 03.02.2022 von Sarah Schnieder ...': a byline word after the date
                    _name_in_byline(i, s, ds, f, cues, explicit=True)
                    mostly = f.author is not None and f.author[0] == i
            date_lines.append((i, iso, mostly, penalty))
            if mostly:
                code = code or "NC-META"
        elif code is None and len(s) <= SPLIT_PART_MAX:
            split = _split_date(texts, i)
            if split is not None:
                # '31' / 'Donnerstag' / 'Okt 2019': a date's parts, each in its own markup, on lines of their own
                end, joined, jds = split
                iso, penalty = _published(joined, jds, cues)
                rest = _READING_TIME.sub(" ", _date_rest(joined, jds, cues))
                if _width(rest.strip(_STRIP)) <= DATE_LINE_REST:
                    date_lines.append((end - 1, iso, True, penalty))  # the date ends on its last part's line
                    code = "NC-META"
                    for k in range(i + 1, end):
                        f.consumed.setdefault(k, ("NC-META", code_detail("NC-META", texts[k])))
                        meta_lines.add(k)
        if code is None and _label_then_name(i, texts, cues, f, 1):
            code = "NC-META"
            meta_lines.add(i + 1)
        if code:
            f.consumed[i] = (code, code_detail(code, s))
            meta_lines.add(i)

    _filed_in(texts, f, meta_lines, cues)

    # 2. the title
    crumbs = {i for i, (c, _) in f.consumed.items() if c == "NC-CRUMB"}
    t = pick_title(texts, cs0, cs, meta_lines, crumbs, url,
                   author_start=lambda x: bool(cues.author_words.match(x) or cues.glued_by.match(x)),
                   noise=None if page_cues is None else partial(_noise_of, page_cues),
                   lower=None if page_cues is None else page_cues.lower)
    if t is not None:
        f.title = t
        f.consumed[t[0]] = ("NC-TITLE", "headline")
        meta_lines.add(t[0])
    ti = t[0] if t else cs

    # a headline found above the top window (a long menu or teaser list under it) has its dateline
    # next to it: the short date lines around the headline are candidates too
    for i in range(max(0, ti - TITLE_DATE_AROUND), min(lo, ti + TITLE_DATE_AROUND + 1)):
        s = texts[i]
        if i == ti or _width(s) > MAX_META_CHARS or not _HAS_DIGIT.search(s):
            continue
        ds = find_dates(s, reference=reference)
        if ds:
            iso, penalty = _published(s, ds, cues)
            if _width(_date_rest(s, ds, cues).strip(_STRIP)) <= DATE_LINE_REST:
                date_lines.append((i, iso, True, penalty))
                f.consumed.setdefault(i, ("NC-META", code_detail("NC-META", s)))

    # 3. the date: the first mostly-date line after the title, then any near it
    best = None
    for i, iso, mostly, penalty in date_lines:
        if i < ti - 3:
            rank = 4
        elif mostly:
            rank = 0 if ti - DATE_ABOVE_TITLE <= i <= cs + 3 else 1 if i <= cs + 3 else 2
        else:
            rank = 3
        if f.author is not None and f.author[0] == i and 1 <= rank <= 2:
            rank = BYLINE_DATE_RANK  # 'Shana Nys DambrotNovember 6, 2023': the byline's own date
        rank += penalty
        if _listed(texts, i, iso):
            rank += LIST_PENALTY  # '20.02.2020 20:00 Stammtisch' in a list of dates (events, posts) above the text
        # of two equal ones, a date the line says was posted wins ('FIT FOR FUN — 02.01.23 09:51' over
        # 'von Jane Doe Veröffentlicht: 26.12.2022')
        if best is not None and rank > best[0][0]:
            continue
        key = (rank, not _labelled_posted(texts[i], cues))
        if best is None or key < best[0]:
            best = (key, i, iso)
    if best is not None:
        f.set_date(best[1], best[2], best[0][0])

    # 4. a name alone on a line next to the title or the date line
    newsroom = None
    if f.author is None:
        near = [j for j in (ti + 1, ti + 2, ti - 1) if 0 <= j < n and j != ti and j < cs + 2]
        if f.date is not None:
            near += [f.date[0] - 1, f.date[0] + 1]
        # then any name-only line around the start of the text, nearest first
        near += sorted(range(max(0, cs - NAME_BEFORE), min(n, cs + NAME_AFTER)), key=lambda j: (abs(j - cs), j))
        near += [j for j in (ti + 3, ti + 4) if j < cs + 2]  # under a standfirst and a photo caption
        for j in near:
            # a name above the headline is a menu item, a section or the site (bylines follow the headline),
            # unless it sits by the date line
            if 0 <= j < n and j not in meta_lines and j != ti \
                    and (t is None or j > ti or (f.date is not None and abs(j - f.date[0]) <= 2)):
                s = _HANDLE.sub("", texts[j].strip()).strip(" ,;|")  # 'Jane Doe @janedoe'
                if len(s) <= 80 and s[:1].isupper() and " " in s and not _CJK_CHAR.search(s):
                    # 'Thabo Mokone Parliamentary editor', 'Kyle Wiggers 7 hours': a name and what follows names
                    s = _name_with_tail(s, cues)[0] or s
                words = s.split()
                if "&" in s or "," in s or "|" in s or "/" in s or _CONJ.search(s):
                    # 'Clara Löw, Siddharth Prakash & Klaus Jacob', 'Adam Vidler and AP' are names; 'Fashion & Beauty'
                    # a menu, 'Verfügbare Bildformate und Bildgrößen' a heading
                    parts = _NAME_LIST.split(s)
                    # (an agency only beside 'and' or a comma: 'Jane Doe/AP' is a photo credit)
                    if 2 <= len(parts) <= 6 and all(_looks_like_name(x) and 2 <= len(x.split()) <= 4
                                                    or ("/" not in s and _AGENCY.match(x)) for x in parts) \
                            and not all(_AGENCY.match(x) for x in parts) \
                            and not any(w.lower().strip(".,:") in _NOT_NAME for w in words) and not _cue_noise(s):
                        f.set_author(j, ", ".join(parts), 4)
                        f.consumed[j] = ("NC-META", "author")
                        meta_lines.add(j)
                        break
                    continue
                if newsroom is None and _newsroom_line(s, cues):
                    newsroom = (j, s)  # taken when no person's name is found (here or under the text)
                if _name_alone(s):
                    f.set_author(j, s, 4)
                    f.consumed[j] = ("NC-META", "author")
                    meta_lines.add(j)
                    break

    # 4b. no byline at the top nor a name: a byline line a little further into the text ('By Jane Doe' under a standfirst,
    # a photo and its caption), only a byline word or an author label opening a short line
    if f.author is None:
        for i in range(top_hi, min(n, cs + BYLINE_DEEP, ce - 2 if ce is not None else n)):
            s = texts[i]
            if len(s) > 80 or i in f.consumed:
                continue
            code = "NC-META" if (cues.author_words.match(s.lstrip(_LEAD_DASHES)) or cues.glued_by.match(s)) \
                and _author_words(i, s, cues, f) else None
            if code is None and (":" in s or "：" in s) and cues.labelled.match(s):
                code = _labelled(i, s, cues, f, "tail")
            if f.author is not None:
                f.consumed[i] = (code or "NC-META", code_detail(code or "NC-META", s))
                meta_lines.add(i)
                break

    # 5. the tail: editor, permalink, tags, source, author lines after the article
    tail_lo = max(ce - 2, cs + 1) if ce is not None else cs + 1
    tail_hi = min(n, (ce + 1 + TAIL_AFTER) if ce is not None else n)
    for i in range(tail_lo, tail_hi):
        s = texts[i]
        if len(s) > MAX_META_CHARS or i in f.consumed:
            continue
        code = _labelled(i, s, cues, f, "tail")
        if code is None and f.author is None and _label_then_name(i, texts, cues, f, 3):
            code = "NC-META"
        if code is None and f.author is None and (ce is None or i <= ce + BYLINE_UNDER) and _width(s) <= 80 \
                and _author_words(i, s, cues, f):
            code = "NC-META"  # 'Erstellt von Andri Bryner', 'Posted by Jane Doe at 2:33 PM' under the text
        if code is None and f.author is None and ce is not None and ce < i <= ce + BYLINE_UNDER \
                and _name_suffix(i, s, cues, f):
            code = "NC-META"  # '순천, 광양 구현모 기자 ninek@hankookilbo.com' under the text
        if code is None and f.author is None and ce is not None and ce < i <= ce + BYLINE_UNDER and len(s) <= 80:
            name = _signature(s, cues, i - ce <= SIGNATURE_AFTER)
            if name:
                f.set_author(i, name, 5)
                code = "NC-META"
        if code is None:
            m = cues.editor_words.match(s)
            if m:
                v = _author_value(s[m.end():])
                if v and _looks_like_name(v):
                    f.editor = f.editor or v
                    code = "NC-EDITOR"
        if code:
            f.consumed[i] = (code, code_detail(code, s))

    if f.author is None and newsroom is not None:
        f.set_author(newsroom[0], newsroom[1], 6)  # 'Redaktion Polizeiticker Schweiz'
        f.consumed[newsroom[0]] = ("NC-META", "author")

    late_hi = min(n, max(cs + LATE_DATE_AFTER, (ce or 0) + LATE_AFTER_END))
    if f.date is None or f.date[2] >= WEAK_DATE_RANK:
        # no date at the top, or a weak one (inside a longer line): a line that is mostly a date a little
        # further down (under the text), or a labelled one ("Datum: 18.10.2021", "Published: 03 December
        # 2019") after a longer text. A date labelled as published beats the weak one; an updated date is
        # taken only when no published one follows
        for i in range(top_hi, late_hi):
            s = texts[i]
            if len(s) > 80 or i in f.consumed or not _HAS_DIGIT.search(s):
                continue
            ds = find_dates(s)
            if ds:
                rest = _without_spans(s, ds)
                published = cues.date_labels.search(rest) is not None
                labelled = published or cues.updated.search(rest) is not None
                if i >= cs + LATE_DATE_AFTER and not labelled and not (
                        ce is not None and i <= ce + 3
                        and (_width(rest.strip(_STRIP)) <= 4 or _DIGITS_ONLY.match(rest.strip(_STRIP)))):
                    continue  # far down, only a labelled date or a bare one right under the text
                rest = _bare_rest(rest, cues)
                if _width(rest) <= LATE_REST:
                    iso, penalty = _published(s, ds, cues)
                    if f.date is not None and f.date[2] < LATE_DATE_RANK:
                        if penalty == 0 and (published or (
                                f.date[2] == WEAK_DATE_RANK and _mentioned(texts[f.date[0]], f.date[1]))):
                            # a bare date line beats a date the text mentions ('Satellitenbild vom 31.05.2021 (links)')
                            f.set_date(i, iso, WEAK_DATE_RANK - 1)
                            break
                        continue
                    if penalty <= UPDATED_PENALTY:  # an 'updated' date when there is no other
                        f.set_date(i, iso, LATE_DATE_RANK + penalty)
                        if penalty == 0:
                            break

    if f.date is None or f.date[2] >= WEAK_DATE_RANK:
        # a sentence saying when the page was posted, from the text's last line on: down to the page's foot
        # when there is no date, else as far as a labelled date line, and then it beats a weak date; a date the
        # text only mentions it beats from anywhere below, posted or changed ('Diese Seite wurde zuletzt am ... geändert')
        weak = f.date is not None
        mention = weak and f.date[2] == WEAK_DATE_RANK and _mentioned(texts[f.date[0]], f.date[1])
        posted = _posted_sentence(texts, cs if ce is None else ce, late_hi if weak and not mention else n, cues)
        if posted is not None and not weak:
            f.set_date(posted[0], posted[1], LATE_DATE_RANK + posted[2])
        elif posted is not None and (posted[2] == 0 or mention):
            f.set_date(posted[0], posted[1], WEAK_DATE_RANK - 1)

    if t is not None and (f.date is None or f.date[2] >= WEAK_DATE_RANK):
        # no date by the headline, or a weak one: the headline again with a date, in a list of the latest posts
        again = _title_again(texts, t[0], cues)
        if again is not None:
            f.set_date(again[0], again[1], WEAK_DATE_RANK - 1)

    if f.date is None:
        # still none: the nearest line that is only a date, a little above or below the headline (a long menu or
        # a photo gallery between them), not one of a list of dated items nor an updated date
        near = _nearest_date_line(texts, ti, cues)
        if near is not None:
            f.set_date(near[0], near[1], NEAREST_DATE_RANK)
        else:
            # or a sentence above the headline saying when the page was posted or updated (under the text it was
            # looked for already)
            posted = _posted_sentence(texts, 0, ti, cues)
            if posted is not None:
                f.set_date(posted[0], posted[1], NEAREST_DATE_RANK + posted[2])

    d = date_in_url(url)
    if d and (f.date is None or (f.date[2] >= 1 and f.date[1][:10] != d)):
        # a date in the URL path is the publication date; it beats a weak date from the page
        f.date = (-1, d, 9)

    md = Metadata(
        title=f.title[1].strip() if f.title else None,
        date=f.date[1] if f.date else None,
        author=f.author[1] if f.author else None,
        source=f.source,
        editor=f.editor,
        url=f.url or url,
        tags=f.tags or (),
        category=f.category,
        language=language,
    )
    return MetaResult(md, dict(sorted(f.consumed.items())))


_NOT_PUBLISHED = re.compile(r"(?:\bbis|\buntil|\bexpires?|\bgültig|\bvalid|\bdeadline|\bgeboren|\bborn|"
                            r"(?-i:\bdo)\b|\bдо\b|截止|有效期|出生)\W{0,3}$", re.I)  # Polish 'do', not the weekday 'Do'


# a handle in brackets right before a date: an embedded social media post's ('Ein Beitrag geteilt von Jane Doe
# (@janedoe) am Apr 21, 2019', '— Jane Doe (@janedoe) May 5, 2020'), not the page's
_SOCIAL_POST = re.compile(r"\(@\w[\w.]*\)\s*(?:[^\W\d_]{1,3}\s+)?$")


def _without_spans(s: str, ds: list[tuple[tuple[int, int], str]], fill: str = "") -> str:
    """The line with its dates cut out (each replaced by ``fill``)."""
    for (a, b), _ in reversed(ds):
        s = s[:a] + fill + s[b:]
    return s


def _date_rest(s: str, ds: list[tuple[tuple[int, int], str]], cues: _Cues) -> str:
    """What a line says besides its dates and its date labels ('Published:', 'am')."""
    return cues.date_labels.sub(" ", _without_spans(s, ds))


def _filed_in(texts: Sequence[str], f: _Found, meta_lines: set[int], cues: _Cues) -> None:
    """'Geschrieben am 15. April 2025' / 'in' / 'Nachrichten': the category a byline names after a
    word like 'in' or 'Filed under', split off onto lines of their own by the markup (a dump of
    text nodes). Both lines go with the byline, and the category is the page's when it has none."""
    n = len(texts)
    for i in sorted(meta_lines):
        if i + 2 >= n or f.consumed.get(i, ("",))[0] != "NC-META" or i + 1 in meta_lines or i + 2 in meta_lines:
            continue
        word = texts[i + 1].rstrip(":：").strip()
        if word.lower() not in cues.filed or (len(word) == 1 and not word.islower()):
            continue  # 'I' is a sentence's first word, not Norwegian 'i'
        cat = texts[i + 2]
        if _width(cat) > FILED_MAX_CHARS or _HAS_DIGIT.search(cat) or shape(cat).sentence:
            continue
        f.consumed[i + 1] = ("NC-META", code_detail("NC-META", texts[i + 1]))
        f.consumed[i + 2] = ("NC-CRUMB", cat)
        meta_lines.update((i + 1, i + 2))
        if f.category is None and cat.lower() not in cues.crumb_skip:
            f.category = _clean_value(cat)


def _title_again(texts: Sequence[str], ti: int, cues: _Cues) -> tuple[int, str] | None:
    """'Mining blasts shatter homes November 21, 2025': the headline again, with its date, in a list of the
    site's latest posts: (index, iso) of the first such line."""
    title = " ".join(texts[ti].split())
    if len(title) < TITLE_AGAIN_MIN:
        return None
    for i, s in enumerate(texts):
        if i == ti or title not in s or len(s) > MAX_META_CHARS:
            continue
        rest = s.replace(title, " ")
        ds = find_dates(rest)
        if ds and _width(_date_rest(rest, ds, cues).strip(_STRIP)) <= TITLE_AGAIN_REST:
            iso, penalty = _published(rest, ds, cues)
            if penalty == 0:
                return i, iso
    return None


def _listed(texts: Sequence[str], i: int, iso: str) -> bool:
    """Line ``i``, holding the date ``iso``, is an item of a list of dated items (events, teasers): at least
    LIST_ITEMS lines this close to it hold another day."""
    k = 0
    for j in range(max(0, i - LIST_AROUND), min(len(texts), i + LIST_AROUND + 1)):
        s = texts[j]
        if j != i and len(s) <= MAX_META_CHARS and _HAS_DIGIT.search(s) \
                and any(v[:10] != iso[:10] for _, v in find_dates(s)):
            k += 1
    return k >= LIST_ITEMS


def _split_date(texts: Sequence[str], i: int) -> tuple[int, str, list[tuple[tuple[int, int], str]]] | None:
    """A full date whose parts stand on short lines of their own from line ``i`` on ('26' / 'Okt 2018', '8.' /
    'Dezember 2010', 'Apr' / '04' / '2013'): (the index after its last part, the parts joined, their dates)."""
    s = texts[i].strip()
    if not s or not (_HAS_DIGIT.search(s) or s.strip(".,").lower() in MONTHS):
        return None
    parts = [s]
    for j in range(i + 1, min(len(texts), i + SPLIT_PARTS)):
        p = texts[j].strip()
        if not p or len(p) > SPLIT_PART_MAX:
            return None
        parts.append(p)
        joined = " ".join(parts)
        ds = [d for d in find_dates(joined) if d[0][0] < len(s) < d[0][1]]  # a date across the first line's end
        if ds:
            return j + 1, joined, ds
    return None


def _nearest_date_line(texts: Sequence[str], ti: int, cues: _Cues) -> tuple[int, str] | None:
    """(index, iso) of the line nearest to line ``ti`` (at most NEAREST_DATE_AROUND lines away) that is only a
    published date, not an item of a list of dated items."""
    n = len(texts)
    for k in range(1, NEAREST_DATE_AROUND + 1):
        for i in (ti - k, ti + k):
            if not 0 <= i < n:
                continue
            s = texts[i]
            if len(s) > NEAREST_DATE_CHARS or not _HAS_DIGIT.search(s):
                continue
            ds = find_dates(s)
            if not ds:
                continue
            rest = _bare_rest(_without_spans(s, ds), cues)
            if _width(rest) > LATE_REST:
                continue
            iso, penalty = _published(s, ds, cues)
            if penalty == 0 and not _listed(texts, i, iso):
                return i, iso
    return None


def _mentioned(s: str, iso: str) -> bool:
    """The date ``iso`` of line ``s`` is one its prose mentions, after a lower-case word, well into the line ('Die
    Gruppe traf sich am 4. Mai 2020 in ...', 'Bild von St. Moritz vom 31.05.2021'), not a byline's ('Jane Doe, London
    19.10.2019') nor a dateline opening it."""
    for (a, _b), v in find_dates(s):
        if v == iso and a > DATELINE_START:
            before = s[:a].split()
            while before and before[-1].strip(",.").lower() in WEEKDAYS:
                before.pop()  # 'findet am Mi. 5. Februar 2020 statt'
            return bool(before) and before[-1].isalpha() and before[-1].islower()
    return False


def _bare_rest(rest: str, cues: _Cues) -> str:
    """What a date line says besides its dates (``rest``, the line less them), its date labels,
    an 'updated' word and a weekday: a short one leaves it a date line."""
    return _without_weekdays(cues.updated.sub(" ", cues.date_labels.sub(" ", rest))).strip(_STRIP)


def _without_weekdays(rest: str) -> str:
    """What a date line says besides its date's weekday ('jeudi 13 juin 2019, par Attac France')."""
    return " ".join(w for w in rest.split() if w.strip(_STRIP).lower() not in WEEKDAYS)


def _labelled_posted(s: str, cues: _Cues) -> bool:
    """A date in the line right after a word for 'posted' ('Veröffentlicht: 26.12.2022', 'Published on
    May 2, 2022'), not 'Posted by Jane Doe on May 2, 2022'."""
    return cues.posted.search(s) is not None and any(cues.posted_label.search(s, 0, a) for (a, _b), _ in find_dates(s))


def _posted_sentence(texts: Sequence[str], lo: int, hi: int, cues: _Cues) -> tuple[int, str, int] | None:
    """'Dieser Beitrag wurde am 04/02/2020 von kj in Recht veröffentlicht.', 'This entry was posted on May 2,
    2019', '(last edited 2019-11-10 13:28:18 by Jane)': a blog's or wiki's sentence saying when the page was
    posted or last changed, often at its foot, as (index, iso, penalty). The first posted one wins, else
    the first changed one."""
    changed = None
    for i in range(lo, hi):
        s = texts[i]
        if len(s) > POSTED_MAX_CHARS or not _HAS_DIGIT.search(s):
            continue
        if not cues.posted_or_updated.search(s.lower()):
            continue
        ds = find_dates(s)
        for k, ((a, b), iso) in enumerate(ds):
            pen = _posted_cue(s, ds, k, cues)
            if pen == 0:
                return i, iso, 0
            if pen is not None and changed is None:
                changed = (i, iso, pen)
    return changed


def _posted_cue(s: str, ds: list[tuple[tuple[int, int], str]], k: int, cues: _Cues) -> int | None:
    """The rank penalty of date k of a line by the word beside it in its sentence: 0 for 'posted',
    UPDATED_PENALTY for 'changed', None without either. The words before the date speak for it first
    ('Last updated 04 Jun 2020, originally created 17 Jun 2019'), the nearest one; a word after it only
    when a date label opens its phrase ('wurde am 4. Mai 2020 um 10 Uhr veröffentlicht', not '4. Mai
    2020 Strava wertet mit einem Update sein Tool auf')."""
    (a, b), _ = ds[k]
    before = _SENTENCE_BREAK.split(s[ds[k - 1][0][1] if k else 0:a][-POSTED_NEAR:])[-1]
    after = _SENTENCE_BREAK.split(s[b:ds[k + 1][0][0] if k + 1 < len(ds) else len(s)][:POSTED_NEAR])[0]
    sides = ((before, True), (after, False)) if cues.date_labels.search(before) else ((before, True),)
    for side, last in sides:
        hits = [(m.end() if last else -m.start(), pen)
                for pat, pen in ((cues.posted, 0), (cues.updated, UPDATED_PENALTY)) for m in pat.finditer(side)]
        if hits:
            return max(hits)[1]
    return None


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[^\W\d_])")  # where one sentence of a line ends and the next begins


def _published(s: str, ds: list[tuple[tuple[int, int], str]], cues: _Cues) -> tuple[str, int]:
    """Of the dates in a line, the published one (not the one after 'Updated'), and a rank penalty."""
    best = None
    for (a, _b), iso in ds:
        before = s[max(0, a - 25):a]
        pen = 0
        if _NOT_PUBLISHED.search(before) or _SOCIAL_POST.search(s, max(0, a - 40), a):
            pen = 5
        elif cues.updated.search(before):
            pen = UPDATED_PENALTY
        if best is None or pen < best[1]:
            best = (iso, pen)
    return best


def code_detail(code: str, s: str) -> str:
    short = s if len(s) <= 40 else s[:37] + "..."
    return {"NC-META": "byline", "NC-EDITOR": "editor", "NC-LINK": "permalink", "NC-TAGS": "tags"}.get(code, code) + ": " + short
