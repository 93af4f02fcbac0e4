"""Read the page's metadata from its lines: title, date, author, source, editor, url, tags, category.

``extract(units, url=..., content_start=..., content_end=...)`` looks at a bounded window of
lines around the start of the article (title, byline, breadcrumb) and after its end (editor,
permalink and tag lines), and returns the :class:`Metadata` plus the lines whose value moved to
the front matter (``consumed``: unit index → (rule code, detail)), which leave the body.

Rules capture kinds of lines, never a site: a labelled field ("来源:X", "Source: X",
"责任编辑:X"), a byline ("By Jane Doe | April 18, 2023", "Von Max Mustermann"), a line holding a
full date, a breadcrumb ("首页 > 综合 > 正文"), a user name glued to a relative date
("admin9个月前 (09-24)栏目465"), and the headline: a short line without final punctuation just
before the article, often just before the byline, scored with a few more signals (it is
repeated as "Title - Site", it shares words with the URL slug, it is the longest heading-like
line near the top). Nothing is invented: unknown fields stay None and a date must be full.
Label words per language live in ``data/meta/*.toml``.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence
from urllib.parse import unquote, urlsplit

from newsclean.blocks import display_width
from newsclean.dates import date_in_url, find_dates
from newsclean.document import Metadata

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["MetaResult", "extract", "guess_content_start"]

# window sizes (units)
TITLE_BEFORE = 30  # title candidates: this many units before content_start
BYLINE_AFTER = 10  # byline lines: this many units after content_start
NAME_BEFORE, NAME_AFTER = 10, 7  # a name alone on a line: this close to the start of the text
LATE_DATE_AFTER = 40  # a date line under a short text: at most this far after its start
TAIL_AFTER = 40  # editor/link/tag lines: this many units after content_end
MAX_META_CHARS = 160  # a byline / labelled line is at most this long
TITLE_MAX_CHARS = 220


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
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_COLON = r"\s*[:：︰]\s*"
_SEP = r"\s{2,}|\s*[|｜│¦•·●■/／]\s*|\s+[-–—]\s+|[;；。]"


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
        self.labelled = re.compile(rf"(?:^|(?<=[\s|｜,，;；(（\[【]|[{_CJK}])){'(?:' + lab + ')'}{_COLON}", re.I)
        # "By X", "Von X", "记者 X": only at the start of a line or after a separator
        self.author_words = re.compile(
            rf"(?:^|(?<=[|｜•·(（]\s)|(?<=[|｜•·(（]))\s*(?P<w>{_alt(g('author', 'words'))})(?:\s+|(?<=[/｜|])|(?<=[{_CJK}])(?=[{_CJK}]))",
            re.I)
        self.glued_by = re.compile(r"^(?:By|Von|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ])")
        self.editor_words = re.compile(rf"(?:^|(?<=\s))(?P<w>{_alt(g('editor', 'words'))})\s+", re.I)
        self.date_labels = re.compile(rf"(?:^|(?<=[\s|｜]))(?:{_alt(g('date', 'labels'))})(?:{_COLON}|\s+)", re.I)
        self.updated = re.compile(rf"(?:{_alt(g('date', 'updated'))})", re.I)
        self.label_only = frozenset(w for w in g("author", "words") + g("author", "labels") if not re.search(f"[{_CJK}]", w))
        crumb_labels = _alt(g("crumb", "labels"))
        self.crumb_label = re.compile(rf"^\s*(?:{crumb_labels})\s*[:：]?\s*", re.I) if crumb_labels else None
        self.crumb_home = frozenset(g("crumb", "home"))
        self.crumb_skip = frozenset(g("crumb", "skip")) | self.crumb_home
        home = _alt(g("crumb", "home"))
        self.crumb_home_start = re.compile(rf"^\s*(?:{home})\s*(?:>|›|»|→|/|\\|>>|::)", re.I)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


_CRUMB_SPLIT = re.compile(r"\s*(?:>>|->|→|>|›|»|»|/|\\|::|＞|》)\s*")
_URL = re.compile(r"https?://[^\s<>\"'“”，。]+", re.I)
_CUT = re.compile(_SEP)
_FINAL_PUNCT = re.compile(r"[.。:：;；,，、…]\s*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}_]+")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’.-]*|von|van|der|de|del|della|di|da|dos|du|le|la|ten|ter|bin|al|el|zu|und|and|&|y|et|e)$")
_REL_DATE = re.compile(r"(?P<n>\d+)\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|月|年)前"
                       r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago", re.I)
_PARTIAL_DATE = re.compile(r"[(（]?\s*\d{1,2}[-/.月]\d{1,2}日?\s*[)）]?")
_TRAIL_COUNT = re.compile(r"\s*\d+\s*$")
_SITE_SEP = re.compile(r"\s+[|｜–—-]\s+|\s*[|｜]\s*|_")
_STRIP = " \t:：.。,，;；|｜-–—·•/()（）[]【】「」“”\"'"
_SENT_END = re.compile(r"[.!?。！？…](?:[\"'”’)）]*)\s*$")
_ENDS_QM = re.compile(r"[?？!！]\s*$")
_NOT_NAME = frozenset("""news share page published updated read more min minutes lesezeit kommentar kommentare
comments comment local world front sport sports science technology home menu video live top latest politik
wirtschaft kultur artikel teilen anhören redaktion subscribe newsletter follow login sign share""".split())
_CAMEL = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_NAME_PREFIX = re.compile(r"\b(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O')(?=[A-Z])")
_USERNAME = re.compile(r"^[\w.-]{2,30}$")
_CAPTION = re.compile(r"©|\(c\)|\bcredit:|\bfoto:|\bphoto:|\bbild:|\bimage:|\bquelle:|\bsource:|getty ?images|"
                      r"istock|shutterstock|\bdpa\b|/ ?reuters|/ ?ap\b|\bafp\b|imago|keystone|picture alliance|"
                      r"\.(?:jpe?g|png|gif|webp)\b|图片来源|图源|摄影|供图", re.I)
_DIGITS_ONLY = re.compile(r"^[\d\s:：./\-]+$")
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

def _texty(s: str) -> int:
    """Rough amount of running text in a line (0 for short or list-like lines)."""
    n = len(s)
    if n < 60:
        return 0
    cjk = 0 if s.isascii() else len(_CJK_CHAR.findall(s[:200]))
    if cjk > 20:
        return n * 2 if re.search(r"[，。、；！？,]", s) else 0
    if s.count(" ") < 8 or not re.search(r"[.!?,;:]", s):
        return 0
    return n


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


_CONJ = re.compile(r"\s+(?:und|and|&|et|y|e|i|och|og|ja|en|и|oraz)\s+", re.I)
_AFFIL = re.compile(r"(?<=[^\W\d_])\d+(?:,\d+)*|[*†‡]")


def _author_value(v: str) -> str:
    """A names value: cut at separators, affiliation marks dropped, 'A und B' written 'A, B'."""
    v = _AFFIL.sub("", _cut(v))
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
            if v and (_CJK_CHAR.search(v) or _looks_like_name(v) or _USERNAME.match(v)):
                f.set_author(i, v, 1 if region == "top" else 3)
                code = "NC-META" if code in (None, "NC-META") else code
    return code


def _author_words(i: int, line: str, cues: _Cues, f: _Found, short: bool = True) -> bool:
    g = cues.glued_by.match(line)
    if g:
        line = line[: g.end()] + " " + line[g.end():]
    m = cues.author_words.search(line)
    if not m or (m.start() > 0 and not short):
        return False
    rest = line[m.end():]
    ds = find_dates(rest)
    if ds:
        rest = rest[: ds[0][0][0]]
    v = _author_value(rest)
    v = re.sub(r"\s+(?:und|and|et|y|e|i|och|ja|en)$", "", v)
    if not v:
        return False
    cjk = bool(_CJK_CHAR.search(v))
    if cjk:
        v = re.split(r"[\s)）]", v)[0] if m.group("w") in ("记者", "本报记者", "新华社记者", "通讯员") else v
        if not 2 <= len(v) <= 12:
            return False
    elif not _looks_like_name(v):
        return False
    f.set_author(i, v, 0 if m.start() == 0 else 2)
    return True


_BYLINE_SPLIT = re.compile(r"\s{2,}|\s*[|｜/•·●]\s*|\s+[-–—]\s+|,\s+|\s+(?:um|at|à|alle|a las)\s+")
_GLUED_BY = re.compile(r"^(?:By|Von|Par|Por)(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _name_in_byline(i: int, s: str, ds, f: _Found, cues: _Cues) -> None:
    """'Bettina Kugler 19.10.2019, 05:00 Uhr', 'Gunter Frank / 22.04.2020': the name beside the date."""
    if f.author is not None and f.author[2] <= 1:
        return
    rest = s
    for (a, b), _ in reversed(ds):
        rest = rest[:a] + " | " + rest[b:]
    rest = cues.date_labels.sub(" | ", rest)
    for seg in _BYLINE_SPLIT.split(rest):
        seg = seg.strip(_STRIP)
        if not seg or ":" in seg or "：" in seg or _CJK_CHAR.search(seg):
            continue
        seg = _GLUED_BY.sub("", seg).strip()
        low = seg.lower()
        if not seg or _DIGITS_ONLY.match(seg) or low in cues.label_only:
            continue
        m = cues.author_words.match(seg)
        if m:
            seg = seg[m.end():].strip()
        words = seg.split()
        if (_looks_like_name(seg) and 1 <= len(words) <= 4 and not any(w.lower() in _NOT_NAME for w in words)) \
                or (_USERNAME.match(seg) and not seg.isdigit() and low not in _NOT_NAME and len(seg) >= 3
                    and not re.search(r"\d{2}", seg)):
            if len(words) == 1 and not (seg[:1].islower() or re.search(r"\d|_", seg)):
                continue  # one capitalised word beside a date is a weekday, place or section, not a user
            f.set_author(i, _author_value(seg), 2)
            return


def _glued_user(i: int, line: str, f: _Found) -> bool:
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
    if user:
        f.set_author(i, user, 1)
    if cat and _width(cat) <= 40 and f.category is None:
        f.category = cat
    return bool(user or cat)


# ---------------------------------------------------------------------------
# title

_SLUG_SPLIT = re.compile(r"[-_+.,/\s]+")


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return set()
    words: set[str] = set()
    for seg in path.split("/"):
        toks = [t.lower() for t in _SLUG_SPLIT.split(seg) if t and not t.isdigit()]
        if len(toks) >= 2:
            words.update(t for t in toks if len(t) > 1 and t not in ("html", "htm", "php", "aspx", "shtml", "story"))
    return words


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss")


def _title_shape(s: str) -> float | None:
    """How much a line looks like a headline by its own shape (None: cannot be one)."""
    if not s or len(s) > TITLE_MAX_CHARS or _EMAILISH.search(s) or not _HAS_LETTER.search(s):
        return None
    cjk = 0 if s.isascii() else len(_CJK_CHAR.findall(s))
    if cjk >= 4:
        w = _width(s)
        if w < 12 or w > 120:
            return None
        score = 1.0 + min(w, 60) / 60
    else:
        words = s.split()
        if len(words) > 30 or len(s) < 3 or (len(words) == 1 and len(s) > 40):
            return None
        score = 0.5 + min(len(words), 12) / 8
        if len(words) > 22:
            score -= 1.0
        if s[:1].islower():
            score -= 0.7
    if _FINAL_PUNCT.search(s):
        score -= 1.5
    elif _SENT_END.search(s) and not _ENDS_QM.search(s):
        score -= 1.0
    if s.count("|") >= 2 or s.count("  ") >= 2:
        score -= 1.5
    if _DIGITS_ONLY.match(s):
        return None
    return score


_NOISE_CODES = ("NC-NAV", "NC-SHARE", "NC-CRUMB", "NC-LEGAL", "NC-PROMPT", "NC-REL", "NC-COMMENT",
                "NC-IMAGE", "NC-COUNT", "NC-PAGE", "NC-CONTACT")


def _cue_noise(s: str) -> bool:
    try:
        from newsclean.cues import hits
    except Exception:  # pragma: no cover - cues are optional for this module
        return False
    if len(s) > 80:
        return False
    h = hits(s)
    return any(c in h for c in _NOISE_CODES)


_TRACE: list | None = None  # when a list, _pick_title appends (features, index, text) of every candidate

# title candidate feature weights: a conditional-logit (softmax over each page's candidates) fitted
# on the train part of the dev corpus only, with gold, classifier-like, perturbed and no hints; to refit,
# set ``_TRACE = []``, run extract and fit on the traced features. A feature absent counts 0.
_TITLE_W: dict[str, float] = {
    "above_anchor": 0.917, "after": -0.662, "after_crumb": 0.093, "after_n": -0.544, "anchor_between":
    -0.575, "author_start": -0.045, "before_1": 0.037, "before_2_3": 0.371, "before_n": 0.214,
    "below_anchor": -0.917, "caps": -0.246, "caption": -0.686, "cjk": 0.025, "cjk_long": 0.102, "cjk_punct":
    -0.008, "cjk_short": -0.109, "colon_end": -0.118, "commas": -0.298, "crumb_like": -0.671, "cue_noise":
    -0.737, "doc_title": 0.039, "dup": 0.668, "extends_other": -0.195, "final_punct": -0.428, "gap": -0.271,
    "gap0": 0.36, "glued": -0.344, "has_date": -0.138, "hint_after": -0.538, "hint_near": -0.008,
    "lower_start": -0.41, "next_meta": 0.291, "next_texty": 0.8, "one_word": -0.179, "pipe": -0.314,
    "prefix_of_other": 0.187, "prev_meta": 0.999, "qm": -0.001, "sent_end": -0.269, "shape": 1.024, "slug":
    2.948, "slug2": 1.862, "texty": -0.187, "tiny": -0.089, "upper": -0.124, "words_long": -0.244,
    "words_mid": 0.499, "words_short": -0.921,
}
_TITLE_BIAS = 0.0
_SITE_PART = re.compile(r"\s+[|｜–—-]\s+|\s*[|｜]\s*|\s+[:：]{2}\s+|_")
_TITLE_CASE_WORD = re.compile(r"^[A-ZÀ-ÞΑ-ΩА-Я0-9]")


def _doc_titles(texts: Sequence[str]) -> set[str]:
    """Left parts of 'Title | Site' lines near the top and bottom of the page (the document title)."""
    out: set[str] = set()
    n = len(texts)
    for j in list(range(min(n, 15))) + list(range(max(15, n - 5), n)):
        t = texts[j]
        if len(t) > 300:
            continue
        parts = _SITE_PART.split(t)
        if len(parts) >= 2:
            out.add(parts[0].strip())
            out.add(" ".join(parts[:-1]).strip())
    return out


def _title_features(s: str, i: int, cs: int, cs0: int, texts: Sequence[str], meta_lines: set[int],
                    anchor: int | None, gap: int, dup: bool, doc_titles: set[str], slug: set[str],
                    crumbs: set[int]) -> dict[str, float] | None:
    base = _title_shape(s)
    if base is None:
        return None
    f: dict[str, float] = {"shape": base}
    cjk = not s.isascii() and len(_CJK_CHAR.findall(s)) >= 4
    f["cjk"] = 1.0 if cjk else 0.0
    d = i - cs
    if d >= 0:
        f["after"] = 1.0
        f["after_n"] = min(d, 5)
    else:
        f["before_n"] = min(-d, 15) / 5
        f["before_1"] = 1.0 if d == -1 else 0.0
        f["before_2_3"] = 1.0 if -3 <= d <= -2 else 0.0
        f["gap"] = min(gap, 12) / 4
        f["gap0"] = 1.0 if gap == 0 else 0.0
    d0 = i - cs0
    f["hint_after"] = 1.0 if d0 >= 0 else 0.0
    f["hint_near"] = 1.0 if -3 <= d0 <= 1 else 0.0
    if (i + 1) in meta_lines and (i + 1) not in crumbs:
        f["next_meta"] = 1.0
    if (i - 1) in meta_lines and (i - 1) not in crumbs:
        f["prev_meta"] = 1.0
    if (i - 1) in crumbs or (i - 2) in crumbs:
        f["after_crumb"] = 1.0
    if anchor is not None:
        if i < anchor:
            between = sum(1 for j in range(i + 1, anchor) if j not in meta_lines)
            f["above_anchor"] = 1.0
            f["anchor_between"] = min(between, 6) / 3
        else:
            f["below_anchor"] = 1.0
    if _CAPTION.search(s):
        f["caption"] = 1.0
    if dup:
        f["dup"] = 1.0
    st = s.strip()
    if st in doc_titles:
        f["doc_title"] = 1.0
    if slug:
        toks = {t for t in _WORD.findall(_fold(s)) if len(t) > 1}
        common = len(toks & slug)
        if common:
            f["slug"] = common / max(len(slug), 1)
            f["slug2"] = 1.0 if common >= 2 else 0.0
    if _FINAL_PUNCT.search(s):
        f["final_punct"] = 1.0
    if _ENDS_QM.search(s):
        f["qm"] = 1.0
    elif _SENT_END.search(s):
        f["sent_end"] = 1.0
    if not cjk:
        words = s.split()
        nw = len(words)
        f["words_short"] = 1.0 if nw <= 3 else 0.0
        f["one_word"] = 1.0 if nw == 1 else 0.0
        f["tiny"] = 1.0 if len(s) < 12 else 0.0
        f["words_mid"] = 1.0 if 5 <= nw <= 16 else 0.0
        f["words_long"] = 1.0 if nw > 22 else 0.0
        caps = sum(1 for w in words if _TITLE_CASE_WORD.match(w))
        f["caps"] = caps / nw
        if s.isupper():
            f["upper"] = 1.0
        if s[:1].islower():
            f["lower_start"] = 1.0
        f["commas"] = min(s.count(","), 3) / 3
    else:
        w = _width(s)
        f["cjk_short"] = 1.0 if w < 20 else 0.0
        f["cjk_long"] = 1.0 if w > 80 else 0.0
        if re.search(r"[，。；！]", s):
            f["cjk_punct"] = 1.0
    if ":" in s[-3:] or "：" in s[-3:]:
        f["colon_end"] = 1.0
    if _texty(s):
        f["texty"] = 1.0
    if s.count("|") or s.count("｜"):
        f["pipe"] = 1.0
    if i + 1 < len(texts) and _texty(texts[i + 1]):
        f["next_texty"] = 1.0
    return f


def _score(f: dict[str, float]) -> float:
    w = _TITLE_W
    return _TITLE_BIAS + sum(w.get(k, 0.0) * v for k, v in f.items())


def _pick_title(texts: Sequence[str], lo: int, hi: int, cs: int, meta_lines: set[int],
                url: str | None, all_texts: Sequence[str], crumbs: set[int], cs0: int | None = None) -> tuple[int, str] | None:
    cs0 = cs if cs0 is None else cs0
    seen: set[str] = set()
    dup_lines: set[str] = set()
    for j in range(lo, hi):
        if texts[j] in seen:
            dup_lines.add(texts[j])
        seen.add(texts[j])
    slug = _slug_words(url)
    doc_titles = _doc_titles(all_texts)
    # the first byline line (date / author) in the window: the headline sits just above it
    anchor = next((j for j in sorted(meta_lines) if lo <= j <= cs + 2 and j >= cs - 15
                   and texts[j] and j not in crumbs), None)
    nonmeta_before_cs: dict[int, int] = {}
    run = 0
    for j in range(cs - 1, lo - 1, -1):
        nonmeta_before_cs[j] = run
        if j not in meta_lines:
            run += 1
    cues = _cues()
    cands: list[tuple[dict[str, float], int, str]] = []
    for i in range(lo, hi):
        if i in meta_lines:
            continue
        s = texts[i]
        if len(s) > TITLE_MAX_CHARS or (len(s) < 12 and not cs - 4 <= i < cs + 2):
            continue  # a very short headline ("Über uns") only right above the text
        has_date = _HAS_DIGIT.search(s) is not None and bool(find_dates(s))
        if has_date and _width(s) < 60:
            continue
        f = _title_features(s, i, cs, cs0, texts, meta_lines, anchor, nonmeta_before_cs.get(i, 0),
                            s in dup_lines, doc_titles, slug, crumbs)
        if f is None:
            continue
        if has_date:
            f["has_date"] = 1.0
        if len(_CRUMB_MARK.findall(s)) >= 1:
            f["crumb_like"] = 1.0
        if cues.author_words.match(s) or cues.glued_by.match(s):
            f["author_start"] = 1.0
        if len(_CAMEL.findall(s)) >= 2:
            f["glued"] = 1.0
        cands.append((f, i, s))
    # "Title | Site" beside "Title": the shorter one is the headline
    for f, i, s in cands:
        head = s[:8]
        for _f2, j, s2 in cands:
            if j != i and s2[:8] == head and len(s2) > len(s) + 2 and s2.startswith(s) and _SITE_SEP.match(s2[len(s):]):
                f["prefix_of_other"] = 1.0
                _f2["extends_other"] = 1.0
    # cue words (menus, share prompts) are looked up for the best few only
    scored = sorted(((_score(f), i, s, f) for f, i, s in cands), key=lambda x: -x[0])
    best = None
    for k, (sc, i, s, f) in enumerate(scored):
        if (k < 6 or _TRACE is not None) and len(s) <= 80 and _cue_noise(s):
            f["cue_noise"] = 1.0
            sc = _score(f)
        if _TRACE is not None:
            _TRACE.append((f, i, s))
        if best is None or sc > best[0]:
            best = (sc, i, s)
    if best is None or best[0] < TITLE_MIN_SCORE:
        return None
    return best[1], best[2]


_CRUMB_MARK = re.compile(r"\s(?:›|»|→|>|/|::|>>)\s|\s(?:›|»|→)|(?:›|»|→)\s")
_HAS_DIGIT = re.compile(r"\d")


TITLE_MIN_SCORE = 0.0  # below this the best line is no headline (menus, prose)


def _repeated_with_site(s: str, i: int, texts: Sequence[str]) -> bool:
    """The line occurs elsewhere as 'Title - Site' / 'Title | Site' (the document title)."""
    n = len(s)
    for j in range(0, min(len(texts), 15)):
        if j == i:
            continue
        t = texts[j]
        if len(t) > n + 3 and t.startswith(s) and _SITE_SEP.match(t[n:]):
            return True
    return False


# ---------------------------------------------------------------------------
# the extractor

def _text(u) -> str:
    return u if isinstance(u, str) else u.text


def extract(units: Sequence[str], *, url: str | None = None, content_start: int | None = None,
            content_end: int | None = None, reference: _dt.date | None = None,
            language: str | None = None) -> MetaResult:
    """The page's metadata from its units (strings, or objects with a ``text``).

    ``content_start``/``content_end`` are the first and last article units as the classifier
    sees them (estimated when not given). ``reference`` enables relative dates ("3 hours ago").
    ``language`` is copied to the result as is.
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
        if len(s) > MAX_META_CHARS * 3:
            continue
        short = _width(s) <= MAX_META_CHARS
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
                if ds:
                    date_lines.append((i, ds[0][1], False, 0))
            continue
        code = _labelled(i, s, cues, f, "top")
        ds = find_dates(s, reference=reference)
        if _author_words(i, s, cues, f, _width(s) <= 80):
            code = code or "NC-META"
        if code is None and _glued_user(i, s, f):
            code = "NC-META"
        if ds:
            iso, penalty = _published(s, ds, cues)
            rest = s
            for (a, b), _ in reversed(ds):
                rest = rest[:a] + rest[b:]
            rest = cues.date_labels.sub(" ", rest)
            mostly = _width(rest.strip(_STRIP)) <= 40 or code is not None
            date_lines.append((i, iso, mostly, penalty))
            if mostly and i >= cs - 15:
                _name_in_byline(i, s, ds, f, cues)
            if mostly:
                code = code or "NC-META"
        if code is None and s.strip().lower().strip(_STRIP) in cues.label_only and i + 1 < n:
            # "von" / "By" alone, the name on the next line
            nxt = texts[i + 1].strip()
            if _looks_like_name(nxt):
                f.set_author(i + 1, nxt, 1)
                f.consumed[i + 1] = ("NC-META", "author")
                meta_lines.add(i + 1)
                code = "NC-META"
        if code:
            f.consumed[i] = (code, code_detail(code, s))
            meta_lines.add(i)

    # 2. the title
    crumbs = {i for i, (c, _) in f.consumed.items() if c == "NC-CRUMB"}
    t = _pick_title(texts, lo, min(n, cs + 2), cs, meta_lines, url, texts, crumbs, cs0)
    if t is not None:
        f.title = t
        f.consumed[t[0]] = ("NC-TITLE", "headline")
        meta_lines.add(t[0])
    ti = t[0] if t else cs

    # 3. the date: the first mostly-date line after the title, then any near it
    best = None
    for i, iso, mostly, penalty in date_lines:
        if i < ti - 3:
            rank = 4
        elif mostly:
            rank = 0 if ti <= i <= cs + 3 else 1 if i <= cs + 3 else 2
        else:
            rank = 3
        rank += penalty
        if best is None or rank < best[0]:
            best = (rank, i, iso)
    if best is not None:
        f.set_date(best[1], best[2], best[0])

    # 4. a name alone on a line next to the title or the date line
    if f.author is None:
        near = [j for j in (ti + 1, ti + 2, ti - 1) if 0 <= j < n and j != ti and j < cs + 2]
        if f.date is not None:
            near += [f.date[0] - 1, f.date[0] + 1]
        # then any name-only line around the start of the text, nearest first
        near += sorted(range(max(0, cs - NAME_BEFORE), min(n, cs + NAME_AFTER)), key=lambda j: (abs(j - cs), j))
        for j in near:
            if 0 <= j < n and j not in meta_lines and j != ti:
                s = texts[j].strip()
                words = s.split()
                if len(s) <= 60 and not _CJK_CHAR.search(s) and _looks_like_name(s) and 2 <= len(words) <= 5 \
                        and not _CAMEL.search(_NAME_PREFIX.sub("", s)) and "&" not in s \
                        and not any(w.lower().strip(".,:") in _NOT_NAME for w in words) \
                        and all(len(w) <= 14 for w in s.split()) and not _cue_noise(s) and not _CAPTION.search(s):
                    f.set_author(j, s, 4)
                    f.consumed[j] = ("NC-META", "author")
                    meta_lines.add(j)
                    break

    # 5. the tail: editor, permalink, tags, source, author lines after the article
    tail_lo = max(ce - 2, cs + 1) if ce is not None else cs + 1
    tail_hi = min(n, (ce + 1 + TAIL_AFTER) if ce is not None else n)
    for i in range(tail_lo, tail_hi):
        s = texts[i]
        if len(s) > MAX_META_CHARS or i in f.consumed:
            continue
        code = _labelled(i, s, cues, f, "tail")
        if code is None:
            m = cues.editor_words.match(s)
            if m:
                v = _author_value(s[m.end():])
                if v and _looks_like_name(v):
                    f.editor = f.editor or v
                    code = "NC-EDITOR"
        if code:
            f.consumed[i] = (code, code_detail(code, s))

    if f.date is None:
        # no date at the top: a line that is mostly a date a little further down (under the text)
        for i in range(top_hi, min(n, cs + LATE_DATE_AFTER)):
            s = texts[i]
            if len(s) > 80 or i in f.consumed or not _HAS_DIGIT.search(s):
                continue
            ds = find_dates(s)
            if ds:
                rest = s
                for (a, b), _ in reversed(ds):
                    rest = rest[:a] + rest[b:]
                rest = cues.date_labels.sub(" ", rest).strip(_STRIP)
                if _width(rest) <= 20:
                    iso, penalty = _published(s, ds, cues)
                    if penalty == 0:
                        f.set_date(i, iso, 5)
                        break

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
                            r"\bdo\b|\bдо\b|截止|有效期|出生)\W{0,3}$", re.I)


def _published(s: str, ds: list[tuple[tuple[int, int], str]], cues: _Cues) -> tuple[str, int]:
    """Of the dates in a line, the published one (not the one after 'Updated'), and a rank penalty."""
    best = None
    for (a, _b), iso in ds:
        before = s[max(0, a - 25):a]
        pen = 0
        if _NOT_PUBLISHED.search(before):
            pen = 5
        elif cues.updated.search(before):
            pen = 2
        if best is None or pen < best[1]:
            best = (iso, pen)
    return best


def code_detail(code: str, s: str) -> str:
    short = s if len(s) <= 40 else s[:37] + "..."
    return {"NC-META": "byline", "NC-EDITOR": "editor", "NC-LINK": "permalink", "NC-TAGS": "tags"}.get(code, code) + ": " + short
