"""The headline: which line near the start of the article is the page's title.

Every line in a window around the start of the text (``content_start`` as the classifier sees
it) is a candidate; each gets a few dozen features and a linear score, and the best candidate
wins when it scores high enough. The features describe kinds of page structure, in any
language:

- where the line is: how far above the first line of running text, whether the byline (a date
  or author line) follows it, whether only menus or only bylines separate it from the text;
- its shape: the number of words, title case, final punctuation, separators, digits, captions;
- its neighbours: a run of short menu items around it, a standfirst or the text right after;
- the dump's blank lines, where they tell lines apart (a browser's copy puts a blank line around
  headings and paragraphs, none between the items of a menu or the parts of a teaser): a line that
  shares its blank-line block with others is seldom the headline;
- the page around it: the line repeated elsewhere (a headline often is, as the breadcrumb's last
  item, a "Title | Site" line, a share prompt or a "comments on Title" header), how many of its
  words (compared by their first few letters) come back in the first paragraphs of the text, and
  in how many of them its most recurring word does (a headline names the article's topic).

A line that glues a kicker to the headline ('"Quote"Headline', or a kicker that stands alone
nearby) is also tried less the kicker, as one more candidate of the same line.

The weights are a conditional logit (a softmax over each page's candidates) fitted by
``scripts/train_title.py`` on the train part of the dev corpus, with the real classifier's
estimate of the start of the text and no URL, and shipped as ``data/meta/title_model.json``;
inference is a dot product in pure Python. Pages whose blank lines tell lines apart are scored by
a second set of weights (``blocks`` in the file), fitted on those pages alone with the block
features; the first set is fitted on every page without them, so that the pages that lack them (a
blank line after every line, or none) keep weights that do not lean on them (one set for all
pages: cross-validated accuracy 0.7158 -> 0.7246, two sets: 0.7282).

The costlier features are computed for the RICH_TOP best candidates by the cheap ones only, ranked
by weights of their own (``cheap_weights``, fitted the same way on the cheap features alone, a line
being right when it or a part of it is the headline): with the full weights' share of the cheap
features a right line missed that cut on 3.2% of the train pages that have one, with their own on
1.9%.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import AbstractSet, Sequence

from newsclean import startcache
from newsclean.blocks import display_width as _width
from newsclean.cuematch import index as _cue_index  # the first pass's compiled cues, shared
from newsclean.cues import context_words, trie
from newsclean.dates import find_dates
from newsclean.metacues import CJK, CJK_OR_HANGUL, without_spans

__all__ = ["pick_title", "part_shown_alone", "texty", "is_caption", "cue_noise", "HAS_DIGIT", "DIGITS_ONLY",
           "CAMEL_JOIN", "CRUMB_SPLIT", "NOISE_CODES", "NOISE_MAX_CHARS"]

TITLE_MAX_CHARS = 220  # a longer line is no headline; counted in columns, a wide (CJK) character two
WINDOW_BEFORE = 60  # candidates: this many units above the start of the text ...
WINDOW_AFTER = 8  # ... and this many below it (a classifier often takes the headline for text)
BODY_LINES = 6  # the first paragraphs whose words a headline shares ...
BODY_CHARS = 400  # ... the first this many characters of each
STEM_CHARS = 6  # words are compared by their first this many characters
RICH_TOP = 12  # the costlier features are computed for the best few candidates by the cheap ones
NEAR_LINES = 4  # a kicker glued to a candidate is looked for alone on this many lines around it
PART_KICKER_WORDS = 7  # a kicker or a site name split off a candidate has fewer words than this
PART_TOP = 4  # the best few candidates are also tried less a kicker or a site name
CUE_TOP = 4  # cue words (menus, share prompts) are looked up for the best few candidates only
COPY_LINES = 12  # a headline's copy with more glued to it (a trail, a kicker) is looked for this far
COPY_MIN_CHARS = 15  # ... when the shorter of the two has this many characters
SPLIT_KICKER_CHARS = 60  # a kicker that markup split from its headline at the colon is at most this long
TRAIL_ITEMS = 3  # a line of this many items split at trail separators ('home / IT / Title') is a trail

_WORD = startcache.compile(rf"[{CJK}]+|[^\W{CJK}_]+")
_WORD4 = startcache.compile(r"[^\W_]{4,}")  # _WORD's words of 4+ characters, in text without CJK
_HAS_LETTER = startcache.compile(r"[^\W\d_]")
HAS_DIGIT = startcache.compile(r"\d")
_FINAL_PUNCT = startcache.compile(r"[.。:：;；,，、…]\s*$")
_SENT_END = startcache.compile(r"[.!?。！？…](?:[\"'”’)）]*)\s*$")
_ENDS_QM = startcache.compile(r"[?？!！][\"'”’»)）]*\s*$")
_INNER_SENT = startcache.compile(r"[a-zà-ÿ]{2}[.!?] [A-ZÀ-Þ]|[。！？].")
DIGITS_ONLY = startcache.compile(r"^[\d\s:：./\-]+$")
CAMEL_JOIN = startcache.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_TITLE_CASE_WORD = startcache.compile(r"(?<!\S)[A-ZÀ-ÞΑ-ΩА-Я0-9\"'“‘«„(]")  # the start of a capitalised word
_SITE_PART = startcache.compile(r"\s+[|｜–—-]\s+|\s*[|｜]\s*|\s+[:：]{2}\s+|_")
CRUMB_SPLIT = startcache.compile(r"\s*(?:>>|->|→|>|›|»|/|\\|::|＞|》)\s*")
_SLUG_SPLIT = startcache.compile(r"[-_+.,/\s]+")
_CJK_PUNCT = startcache.compile(r"[，。、；！？,]")
_LATIN_PUNCT = startcache.compile(r"[.!?,;:]")


def texty(s: str) -> int:
    """Rough amount of running text in a line (0 for short or list-like lines)."""
    n = len(s)
    if n < 60:
        return 0
    cjk = 0 if s.isascii() else len(CJK_OR_HANGUL.findall(s[:200]))
    if cjk > 20:
        return n * 2 if _CJK_PUNCT.search(s) else 0
    if s.count(" ") < 8 or not _LATIN_PUNCT.search(s):
        return 0
    return n


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss")


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    # (imported here, not at start-up: most pages come without a URL)
    from urllib.parse import unquote, urlsplit

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


def _tokens(s: str) -> set[str]:
    """Content words of a line: words of 4+ letters, and CJK character pairs."""
    if s.isascii() or CJK_OR_HANGUL.search(s) is None:
        return set(_WORD4.findall(s.lower()))
    words = _WORD.findall(s.lower())
    out = set()
    for w in words:
        if CJK_OR_HANGUL.match(w):
            out.update(w[k:k + 2] for k in range(len(w) - 1))
        elif len(w) >= 4:
            out.add(w)
    return out


def _stems(s: str) -> set[str]:
    """Content words cut to their first STEM_CHARS characters (a crude stem in any language)."""
    return {t[:STEM_CHARS] for t in _tokens(s)}


NOISE_CODES = ("NC-NAV", "NC-SHARE", "NC-CRUMB", "NC-LEGAL", "NC-PROMPT", "NC-REL", "NC-COMMENT",
               "NC-IMAGE", "NC-COUNT", "NC-PAGE", "NC-CONTACT")


NOISE_MAX_CHARS = 80  # a longer line is prose: the cue-noise check passes it


def cue_noise(s: str) -> bool:
    """The line holds a cue of a boilerplate rule (a menu, a share prompt, a counter ...)."""
    if len(s) > NOISE_MAX_CHARS:
        return False
    found = _cue_index().scan([s])
    return not found.codes_of(0).isdisjoint(NOISE_CODES)


@lru_cache(maxsize=1)
def _read_model() -> dict:
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "meta", "title_model.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=2)
def _model(by_blocks: bool = False) -> tuple[dict[str, float], float, float, dict[str, float]]:
    """The weights, the bias, the lowest score of a headline, and the weights of the cheap features
    that choose the RICH_TOP candidates (fitted on their own: the full weights lean on the costlier
    features, and rank the candidates worse without them).

    ``by_blocks``: the set fitted on pages whose blank lines tell lines apart (BLOCK_FEATURES); the
    other set is fitted without those features, so pages without them keep weights that do not lean
    on them."""
    data = _read_model()
    if by_blocks and data.get("blocks"):
        data = data["blocks"]
    return (data["weights"], float(data.get("bias", 0.0)), float(data.get("min_score", 0.0)),
            data.get("cheap_weights") or data["weights"])


TRACE: list | None = None  # when a list, pick_title appends (features, index, text) of every candidate
TRACE_CHEAP: list | None = None  # ... and here (cheap features, index, text) of every line's candidate
TRACE_BLOCKS: list | None = None  # ... and here whether the page's blank lines told lines apart


def _bin(prefix: str, v: int, edges: Sequence[int]) -> str:
    for e in edges:
        if v <= e:
            return f"{prefix}{e}"
    return f"{prefix}more"


class _Bins:
    """``_bin`` as a table lookup for the integers in [lo, hi] (ends clamped), built once."""

    def __init__(self, prefix: str, edges: Sequence[int], lo: int, hi: int):
        self.lo, self.hi = lo, hi
        self.names = [_bin(prefix, v, edges) for v in range(lo, hi + 1)]

    def __call__(self, v: int) -> str:
        return self.names[(v if v < self.hi else self.hi) - self.lo if v > self.lo else 0]


@lru_cache(maxsize=1)
def _caption_marks() -> tuple[re.Pattern, re.Pattern]:
    """What marks a caption or a picture credit (``data/context.toml``: labels before a colon, picture
    agencies and stock libraries, a group photo's "from the left", CJK picture-source labels), and a
    quick test that the line holds a word of one at all (the full pattern runs only then)."""
    def alt(key: str) -> str:
        return trie(sorted(set(context_words(key))))

    marks = startcache.compile(
        rf"©|\(c\)|\b(?:{alt('caption_labels')}):|{alt('picture_sources')}|\b(?:{alt('picture_agencies')})\b|"
        rf"/ ?(?:{alt('agencies_after_slash')})\b|\b(?:{alt('agencies_before_slash')}) ?/ ?[^\W\d_]|"
        rf"{alt('group_photo_marks')}|\.(?:jpe?g|png|gif|webp)\b|{alt('caption_words_cjk')}")
    hints = ["©", "(c)", ".jp", ".png", ".gif", ".webp"] + [
        w for key in ("caption_labels", "picture_sources", "picture_agencies", "agencies_after_slash",
                      "agencies_before_slash", "group_photo_marks", "caption_words_cjk") for w in context_words(key)]
    return marks, startcache.compile(trie(sorted(set(hints))))


def is_caption(low: str) -> bool:
    """A picture credit or caption (``low`` is the line lower-cased)."""
    marks, hint = _caption_marks()
    return hint.search(low) is not None and marks.search(low) is not None


class _Page:
    """What every candidate of one page is compared with, computed once."""

    def __init__(self, texts: Sequence[str], lo: int, hi: int, cs: int, meta_lines: set[int], crumbs: set[int],
                 lower: Sequence[str] | None = None, blocks: Sequence[int] | None = None):
        n = len(texts)
        self.texts = texts
        self.meta_lines = meta_lines
        # each line's blank-line block, where the window's blank lines tell lines apart (else None)
        self.blocks = blocks if blocks is not None and len(blocks) == n and _mixed_blocks(blocks, lo, hi) else None
        # lines repeated on the page (case aside), and (lazily) all short lines joined
        if lower is None or len(lower) != n:
            lower = [t.lower() for t in texts]
        keys = [k if len(t) <= 300 else "" for k, t in zip(lower, texts)]
        self.keys = keys
        self.counts = Counter(keys)
        self._joined: str | None = None
        self._captions: dict[int, bool] = {}
        # per line of the window and its neighbours: running text? a short (menu-like) line?
        a, b = max(0, lo - 4), min(n, hi + 4)
        self.texty = {j: texty(texts[j]) > 0 for j in range(a, b)}
        self.short = {j: len(texts[j]) < 30 and j not in meta_lines for j in range(a, b)}
        # headline-like lines (not text, not bylines): a run of them is a list of teasers
        self.headish = {j: not self.texty[j] and j not in meta_lines and _headish(texts[j]) for j in range(a, b)}
        # the first paragraphs of the text: the words a headline shares with them
        body: dict[str, int] = {}
        self.body_lines: dict[int, set[str]] = {}
        got = 0
        for j in range(cs, min(n, cs + 40)):
            if j in meta_lines or not texty(texts[j]):
                continue
            toks = _stems(texts[j][:BODY_CHARS])
            self.body_lines[j] = toks
            for t in toks:
                body[t] = body.get(t, 0) + 1
            got += 1
            if got >= BODY_LINES:
                break
        self.body = body
        # breadcrumb trails: their last item is often the headline
        self.crumb_last: set[str] = set()
        self.crumbs = crumbs
        for j in crumbs:
            items = [x for x in CRUMB_SPLIT.split(texts[j]) if x.strip()]
            if items:
                self.crumb_last.add(items[-1].strip().lower())
        self.doc_titles = _doc_titles(texts)

    def caption(self, j: int) -> bool:
        """Whether line j is a picture credit or caption (cached)."""
        c = self._captions.get(j)
        if c is None:
            c = self._captions[j] = is_caption(self.keys[j])
        return c

    def trail_last(self, i: int) -> set[str]:
        """The last items of the page's breadcrumb trails and of trail-like lines near line i."""
        out = set(self.crumb_last)
        for j in range(max(0, i - NEAR_LINES), min(len(self.keys), i + NEAR_LINES + 1)):
            k = self.keys[j]
            if j != i and j not in self.crumbs and any(h in k for h in _CRUMB_HINTS):
                items = [x for x in CRUMB_SPLIT.split(k) if x.strip()]
                if len(items) >= TRAIL_ITEMS:
                    out.add(items[-1].strip())
        return out

    def inside(self, k: str) -> int:
        """How many times a line's text occurs inside other lines (not counting equal lines)."""
        if self._joined is None:
            self._joined = "\n".join(k for k in self.keys if len(k) >= 8)
        return self._joined.count(k) - self.counts.get(k, 1)


BLOCK_FEATURES = ("shared_block", "block_first")  # set only where _mixed_blocks holds


def _mixed_blocks(blocks: Sequence[int], lo: int, hi: int) -> bool:
    """Whether the window's blank lines tell lines apart: some of its blocks hold several lines and
    some lines are blocks of their own (not so in a dump with a blank line between every two lines,
    nor in one without blank lines)."""
    hi = min(hi, len(blocks) - 1)
    return any(blocks[j] == blocks[j + 1] for j in range(lo, hi)) and any(
        blocks[j] != blocks[j + 1] for j in range(lo, hi))


def _doc_titles(texts: Sequence[str]) -> set[str]:
    """Left parts of 'Title | Site' lines near the top and bottom of the page (the document title)."""
    out: set[str] = set()
    n = len(texts)
    for j in list(range(min(n, 15))) + list(range(max(15, n - 5), n)):
        t = texts[j]
        if len(t) > 300 or not ("|" in t or "｜" in t or " - " in t or " – " in t or " — " in t or "_" in t or "::" in t):
            continue
        parts = _SITE_PART.split(t)
        if len(parts) >= 2:
            out.add(parts[0].strip().lower())
            out.add(" ".join(parts[:-1]).strip().lower())
    out.discard("")
    return out


_SEP_HINTS = (" - ", " – ", " — ", "|", "｜", ": ", "：")
_CRUMB_HINTS = ("›", "»", "→", " > ", " / ", "::", ">>")
_INNER_HINTS = (". ", "! ", "? ", "。", "！", "？")

def _headish(s: str) -> bool:
    """A line of 4 to 40 words without final punctuation (a headline or a standfirst)."""
    return 3 <= s.count(" ") <= 40 and len(s) <= TITLE_MAX_CHARS and not _FINAL_PUNCT.search(s)


_D_BIN = _Bins("d", (-16, -10, -6, -4, -3, -2, -1, 0, 1, 2, 4), -17, 5)
_R_BIN = _Bins("r", (-6, -3, -2, -1, 0, 2), -7, 3)
_GAP_BIN = _Bins("gap", (0, 1, 2, 4, 8), 0, 9)
_ANCHOR_BIN = _Bins("above_anchor", (0, 1, 3), 0, 4)
_NW_BIN = _Bins("nw", (1, 2, 3, 5, 8, 12, 16, 22, 30), 0, 31)
_CJKW_BIN = _Bins("cjkw", (12, 20, 40, 60, 90), 0, 91)
_DUP_BIN = _Bins("dup", (1, 2), 0, 3)
_INSIDE_BIN = _Bins("inside", (1, 2), 0, 3)
_RUN_BIN = _Bins("headish_run", (0, 1, 2, 3), 0, 4)
_TOPIC_BIN = _Bins("topic", (0, 1, 2, 4), 0, 5)
_BODY_BIN = _Bins("body_n", (0, 1, 2, 4), 0, 5)


def _nav_arrow(s: str) -> bool:
    """A link to the previous or next post: an arrow before the line or after it ('← Older post',
    '« Previous title', 'Next title →'), not a pair of guillemets quoting ('«Quote» Title')."""
    a, b = s[0], s[-1]
    if a in "←‹⟵" or (a == "«" and "»" not in s) or (a == "<" and s[1:2] == " "):
        return True
    return b in "→›⟶" or (b == "»" and "«" not in s) or (b == ">" and s[-2:-1] == " ")


DATELINE_WORDS = 2  # a line opening with a date and at most this many words besides is a dateline
DATELINE_LEAD = 16  # (its first digit comes within this many characters: 'Wednesday, 14. Juni')
DATELINE_MAX_CHARS = 80  # (a date and two words: a longer line is no dateline)


def _dateline(s: str) -> bool:
    """A line that opens with a full date (after a weekday at most) and holds little else: '14. Juni
    2013 at 20:51 (Spezifisch)', 'Friday, March 3, 2023 | News'. It dates the page, it never is its
    headline (a page whose datelines the top window missed had them taken for one)."""
    if len(s) > DATELINE_MAX_CHARS or not HAS_DIGIT.search(s, 0, DATELINE_LEAD):
        return False
    ds = find_dates(s)
    if not ds or len(_WORD.findall(s[:ds[0][0][0]])) > 1:
        return False
    words = [w for w in _WORD.findall(without_spans(s, ds, " ")) if not w.isdigit()]
    return len(words) <= DATELINE_WORDS


def _cheap(s: str, i: int, cs: int, cs_r: int, page: _Page, meta_lines: set[int], anchor: int | None,
           between: int, to_anchor: int = 0, key: str | None = None) -> dict[str, float] | None:
    """Features of a candidate that cost little: where it is, its length, its neighbours, repeats."""
    if not s or _width(s) > TITLE_MAX_CHARS or not _HAS_LETTER.search(s) or DIGITS_ONLY.match(s):
        return None
    low = s.lower()
    if "@" in s or "www." in low or "://" in s:
        return None
    if _nav_arrow(s) or _dateline(s):
        return None
    f: dict[str, float] = {}
    cjk = not s.isascii() and len(CJK_OR_HANGUL.findall(s)) >= 4
    # position
    d = i - cs
    f[_D_BIN(d)] = 1.0
    r = i - cs_r
    if r != d:
        f[_R_BIN(r)] = 1.0
    f[_GAP_BIN(between)] = 1.0
    if i == 0:
        f["first_line"] = 1.0
    if anchor is not None:
        if i < anchor:
            f[_ANCHOR_BIN(to_anchor)] = 1.0
        else:
            f["below_anchor"] = 1.0
    if (i + 1) in meta_lines:
        f["next_meta"] = 1.0
    if (i - 1) in meta_lines:
        f["prev_meta"] = 1.0
    blocks = page.blocks
    if blocks is not None:
        # a browser's copy puts a blank line around headings and paragraphs, none between the items
        # of a menu or the parts of a teaser: a headline is mostly a block of its own
        b = blocks[i]
        first = i == 0 or blocks[i - 1] != b
        if not first or (i + 1 < len(blocks) and blocks[i + 1] == b):
            f["shared_block"] = 1.0
            if first:
                f["block_first"] = 1.0
    # shape
    if cjk:
        f["cjk"] = 1.0
        f[_CJKW_BIN(_width(s))] = 1.0
    else:
        f[_NW_BIN(s.count(" ") + 1)] = 1.0
    if s[0] in "-–—•·*►▶>»" and s[1:2] == " ":
        f["bullet"] = 1.0  # a list item
    last = s[-1]
    if last in "?？!！" or _ENDS_QM.search(s):
        f["qm"] = 1.0
    elif last in ":：":
        f["colon_end"] = 1.0
    elif _FINAL_PUNCT.search(s):
        f["final_punct"] = 1.0
    elif _SENT_END.search(s):
        f["sent_end"] = 1.0
    if i >= min(cs, cs_r) and ("final_punct" in f or "sent_end" in f):
        if page.texty.get(i):
            return None  # a sentence where the text has begun is the text
        f["sent_in_text"] = 1.0  # a short one may be a headline ending in a full stop
    if page.texty.get(i):
        if i >= cs_r and ("colon_end" in f or ("qm" in f and _INNER_SENT.search(s))):
            return None  # the text's first paragraph: 60+ characters of prose, a sentence or more
        f["texty"] = 1.0
    # neighbours
    j = i + 1
    if page.texty.get(j):
        f["next_texty"] = 1.0
    elif page.short.get(j):
        f["next_short"] = 1.0
    j = i - 1
    if page.texty.get(j):
        f["prev_texty"] = 1.0
    elif page.short.get(j):
        f["prev_short"] = 1.0
    short = page.short
    shorts = short.get(i - 1, 0) + short.get(i - 2, 0) + short.get(i - 3, 0) + short.get(i - 4, 0)
    if shorts:
        f["menu_above"] = shorts / 4
        if short.get(i - 1) and short.get(i - 2) and not short.get(i) and not short.get(i + 1):
            f["menu_ends_above"] = 1.0  # the first longer line after a menu
    # the page around it
    k = page.keys[i] if key is None else key
    if k:
        dup = page.counts.get(k, 1) - 1
        if dup:
            f[_DUP_BIN(dup)] = 1.0
        if k in page.crumb_last:
            f["crumb_last"] = 1.0
        if k in page.doc_titles:
            f["doc_title"] = 1.0
    return f


def _rich(f: dict[str, float], s: str, i: int, page: _Page, slug: set[str], author_start,
          key: str | None = None) -> None:
    """The costlier features, for the best candidates by the cheap ones."""
    low = s.lower()
    if "cjk" in f:
        if "，" in s or "。" in s or "；" in s or "！" in s:
            f["cjk_punct"] = 1.0
    else:
        words = s.split()
        nw = len(words)
        caps = len(_TITLE_CASE_WORD.findall(s))
        f["caps"] = caps / nw
        if nw >= 3 and caps == nw:
            f["all_caps_words"] = 1.0
        if s.isupper():
            f["upper"] = 1.0
        if s[:1].islower():
            f["lower_start"] = 1.0
        c = s.count(",")
        if c:
            f["commas"] = min(c, 3) / 3
        if s != low and len(CAMEL_JOIN.findall(s)) >= 2:
            f["glued"] = 1.0
    if any(h in s for h in _INNER_HINTS) and _INNER_SENT.search(s):
        f["inner_sent"] = 1.0
    if page.caption(i) if key is None else is_caption(low):
        f["caption"] = 1.0
    if any(h in s for h in _SEP_HINTS):
        f["separator"] = 1.0
        if s.count("|") + s.count("｜") >= 2:
            f["many_seps"] = 1.0
    if any(h in s for h in _CRUMB_HINTS):
        f["crumb_like"] = 1.0
    if HAS_DIGIT.search(s):
        f["digit"] = 1.0
        if find_dates(s):
            f["has_date"] = 1.0
    k = page.keys[i] if key is None else key
    if len(k) >= 8:
        inside = page.inside(k)
        if inside > 0:
            f[_INSIDE_BIN(inside)] = 1.0
    # it holds a nearby line and more ("Title | Site", "Kicker Title", "Home > Title")
    keys = page.keys
    for j in range(max(0, i - 6), min(len(keys), i + 7)):
        kj = keys[j]
        if j != i and 8 <= len(kj) < len(k) and kj in k:
            f["holds_other"] = 1.0
            break
    _copies(f, k, i, keys)
    # a headline between its kicker above and its standfirst below: headline-like neighbours
    texts = page.texts
    n = len(texts)
    # ... but one of a run of them is a list of teasers
    headish = page.headish
    run = sum(1 for j in range(i - 3, i + 4) if j != i and headish.get(j))
    f[_RUN_BIN(run)] = 1.0
    me = _headish(s)
    if i + 1 < n and page.caption(i + 1):
        f["next_caption"] = 1.0  # a picture's caption above its credit line
    if i > 0 and page.caption(i - 1):
        f["prev_caption"] = 1.0
    if i + 1 < n and (i + 1) not in page.meta_lines and not page.texty.get(i + 1):
        nx = texts[i + 1]
        if me and _headish(nx) and len(nx) > len(s) + 10:
            f["dek_below"] = 1.0
        if len(nx) < 30 and nx.count(" ") <= 3 and len(s) > len(nx) + 10:
            f["kicker_below"] = 1.0
    if i > 0 and (i - 1) not in page.meta_lines and not page.texty.get(i - 1):
        pv = texts[i - 1]
        if me and _headish(pv) and len(s) > len(pv) + 10:
            f["head_above"] = 1.0
        if len(pv) < 30 and pv.count(" ") <= 3 and len(s) > len(pv) + 10 and not page.short.get(i - 2):
            f["kicker_above"] = 1.0
    stems = _stems(s)
    if stems:
        # the first paragraphs of the text that hold each of its words (not counting the line itself)
        own = page.body_lines.get(i, ())
        body = page.body
        counts = sorted((body.get(t, 0) - (t in own) for t in stems), reverse=True)
        shared = sum(1 for c in counts if c > 0)
        f["body_share"] = shared / len(stems)
        f[_BODY_BIN(shared)] = 1.0
        f[_TOPIC_BIN(counts[0])] = 1.0  # its most recurring word: a headline names the article's topic
        f["topic_mean"] = sum(counts) / (len(counts) * BODY_LINES)
    else:
        f["no_tokens"] = 1.0
    if slug:
        st = {t for t in _WORD.findall(_fold(s)) if len(t) > 1}
        common = len(st & slug)
        if common:
            f["slug"] = common / max(len(slug), 1)
            f["slug2"] = 1.0 if common >= 2 else 0.0
    if author_start is not None and author_start(s):
        f["author_start"] = 1.0


def _copies(f: dict[str, float], k: str, i: int, keys: Sequence[str]) -> None:
    """A headline shown twice nearby, once alone and once with more glued to one end of it.

    A breadcrumb trail, a kicker, a date or a badge glued in front ('Home » News » Title',
    'Lokales Lübeck Title', '08.11.2021 | Title') or a caption or badge after it ('Title Neu'), with
    the headline alone on a line of its own within COPY_LINES lines. The features tell both lines:
    the copy alone (``tail_of_near``, ``head_of_near``) and the longer one (``ends_with_near``,
    ``starts_with_near``); what is glued in front is told apart when it ends in a colon (a kicker that
    sites often keep in the title) or in a trail's separator.
    """
    if len(k) < COPY_MIN_CHARS:
        return
    n = len(keys)
    for j in range(max(0, i - COPY_LINES), min(n, i + COPY_LINES + 1)):
        kj = keys[j]
        if j == i or len(kj) == len(k) or not kj:
            continue
        if len(kj) > len(k):
            if k in kj:  # (one end of the other holds it: a substring test in C first)
                _glued(f, kj, k, _COPY_ALONE)
        elif len(kj) >= COPY_MIN_CHARS and kj in k:
            _glued(f, k, kj, _COPY_GLUED)


_TRAIL_ENDS = ("»", "›", ">", "→", "/", "|", "｜", "-", "–", "—", "\\", "::", "•", "·")
# the features set on the shorter copy, and on the longer one: (ends the other, after a colon,
# after a trail's separator, opens the other)
_COPY_ALONE = ("tail_of_near", "tail_after_colon", "tail_after_sep", "head_of_near")
_COPY_GLUED = ("ends_with_near", "ends_after_colon", "ends_after_sep", "starts_with_near")


def _glued(f: dict[str, float], longer: str, shorter: str, names: tuple[str, str, str, str]) -> None:
    """Set ``names`` in ``f`` where ``longer`` is ``shorter`` with something glued in front
    (told apart by what that ends in: a colon, a trail's separator) or after."""
    ends, colon, sep, opens = names
    if longer.endswith(shorter):
        f[ends] = 1.0
        rest = longer[:-len(shorter)].rstrip()
        if rest.endswith((":", "：")):
            f[colon] = 1.0
        elif rest.endswith(_TRAIL_ENDS):
            f[sep] = 1.0
    elif longer.startswith(shorter):
        f[opens] = 1.0


# a kicker glued to the headline without a space: '...der Arbeit"Wir dekorieren ...', '"Es wird bald beginnen"Trump ...'
_GLUE = startcache.compile(r"(?:(?<=[a-zà-ÿ]{3})|(?<=[a-zà-ÿ][\"”“»«]))(?=[A-ZÀ-Þ][a-zà-ÿ])")
_KICKER_END = startcache.compile(r"\s+[|｜–—-]\s+|\s*[|｜]\s*|\s?[:：]\s")


def _parts(s: str, i: int, keys: Sequence[str],
           trail_last: set[str] | frozenset = frozenset()) -> list[tuple[str, str]]:
    """The headline inside a line that glues a kicker to it: (text, kind) for the line less the kicker.

    Two kinds: a kicker glued without a space (a lower-case letter or a quote right before a capital,
    within the first few words), and a kicker that also stands alone nearby (on its own line, or before
    a separator: 'Kind krank: Was ...' above 'Kind krank Was ...'). A line split at a plain separator
    ('Kicker: Title') is not tried: whether the kicker belongs to the title is the site's habit.
    """
    out: list[tuple[str, str]] = []
    low = s.lower()
    if len(low) == len(s) and low:
        first = low[0]
        for j in range(max(0, i - NEAR_LINES), min(len(keys), i + NEAR_LINES + 1)):
            kj = keys[j]
            if j == i or not kj or kj[0] != first:
                continue  # (a kicker is a prefix of the line: their first letters agree)
            m = _KICKER_END.search(kj)
            pre = kj[:m.start()].strip() if m else kj
            if len(pre) >= 4 and pre.count(" ") < PART_KICKER_WORDS and low.startswith(pre) \
                    and len(low) > len(pre) + 8 and not _KICKER_END.match(low, len(pre)):
                out.append((s[len(pre):].strip(" :-–—|"), "part_kicker_near"))
                break
    if not out and trail_last:
        # the last item of the page's breadcrumb trail glued to the line: a section name in front of
        # the headline ('Initiative EnergieEffizienz Kostenloser Stromcheck ...' under '... » Initiative
        # EnergieEffizienz'), or the headline itself after a kicker ('Forderungsausfälle vermeiden
        # Eigentumsvorbehalt: ...' under 'home / InfoStream / Eigentumsvorbehalt: ...')
        for item in trail_last:
            if len(item) >= 4 and len(low) > len(item) + 8:
                if low.startswith(item) and item.count(" ") < PART_KICKER_WORDS \
                        and not _HAS_LETTER.match(low, len(item)):
                    out.append((s[len(item):].strip(" :-–—|"), "part_trail"))
                    break
                if (len(item) >= COPY_MIN_CHARS and low.endswith(item)
                        and not _HAS_LETTER.match(low, len(low) - len(item) - 1)):
                    out.append((s[len(low) - len(item):].strip(), "part_trail"))
                    break
    if not out:
        # within the first PART_KICKER_WORDS words: up to the space that ends them (and the two
        # characters the lookahead reads after it)
        end = -1
        for _ in range(PART_KICKER_WORDS):
            end = s.find(" ", end + 1)
            if end < 0:
                end = len(s)
                break
        glue = [m.start() for m in _GLUE.finditer(s, 0, end + 2) if m.start() <= end]
        if glue:
            rest = s[glue[-1]:].strip()
            if " " in rest:
                out.append((rest, "part_glued"))
    return [(t, kind) for t, kind in out if t and _HAS_LETTER.search(t)]


def _score(f: dict[str, float], w: dict[str, float], bias: float) -> float:
    total = bias
    for k, v in f.items():
        if k in w:
            total += w[k] * v
    return total


def _kicker_and_head(kicker: str, head: str) -> bool:
    """Whether two lines may be a kicker and the headline it opens: both start with a letter, and the
    kicker is short and ends without a sentence's or a clause's mark."""
    return bool(_HAS_LETTER.match(kicker) and _HAS_LETTER.match(head)) and len(kicker) <= SPLIT_KICKER_CHARS \
        and len(head) <= TITLE_MAX_CHARS and not _FINAL_PUNCT.search(kicker) and not _SENT_END.search(kicker)


def kicker_split_at_colon(texts: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """The headline at line ``i`` with the kicker a dump of text nodes split from it at the colon, each
    part in its own markup: 'LTE-Patent' / ':' / 'Samsung soll ...' (the same headline a page's copy
    shows as one line, 'LTE-Patent: Samsung soll ...'). Returns (first line, last line, the joined
    headline), whichever of the two parts ``i`` is; None when the lines around it are no such split."""
    for a in (i - 2, i):
        b = a + 2
        if a < 0 or b >= len(texts) or texts[a + 1].strip() not in (":", "："):
            continue
        kicker, colon, head = texts[a].strip(), texts[a + 1].strip(), texts[b].strip()
        if _kicker_and_head(kicker, head):
            return a, b, f"{kicker}: {head}" if colon == ":" else f"{kicker}：{head}"
    return None


def kicker_shown_joined(texts: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """The headline at line ``i`` and a kicker on the line next to it ('Ausschuss zur Ahrtal-Flut' /
    'Zwei Rücktritte - und viele offene Fragen') that the page also shows joined by a colon on a line of
    its own elsewhere (its title copy: 'Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - ...'): (first line,
    last line, that copy), whichever of the two parts ``i`` is; None when the page shows no such copy.
    (The copy is longer than either part, so it is never one of the two lines.)"""
    shown: dict[str, str] | None = None  # the page's lines by their lower case, made when first needed
    for a in (i - 1, i):
        b = a + 1
        if a < 0 or b >= len(texts):
            continue
        kicker, head = texts[a].strip(), texts[b].strip()
        if not _kicker_and_head(kicker, head):
            continue
        if shown is None:
            shown = {}
            for t in texts:
                shown.setdefault(t.strip().lower(), t.strip())
        for joined in (f"{kicker}: {head}", f"{kicker}：{head}"):
            copy = shown.get(joined.lower())
            if copy is not None:
                return a, b, copy
    return None


_BAR = startcache.compile(r"\s+[|｜]\s+")


def part_shown_alone(texts: Sequence[str], i: int) -> tuple[int, str] | None:
    """The headline alone on a line near line ``i``, where line ``i`` is the document's title: the
    headline and the site's name between bars ('What's next for Gaza … | CBC News'), a copy a dump
    keeps above or below the page's own headline. Returns (that line, its text), or None when line
    ``i`` has no bar or none of its parts (of ``COPY_MIN_CHARS`` or more) stands alone within
    ``COPY_LINES`` lines. Only bars count: a dash or a colon joins a headline's own parts as often
    ('Kicker - Headline'), and a bar inside a headline the site wrote ('BUDGET 3.0 | Sars gets …')
    has no copy of either part alone."""
    s = texts[i]
    if "|" not in s and "｜" not in s:
        return None
    split = _BAR.split(s)
    parts = {p.strip().lower() for p in split if len(p.strip()) >= COPY_MIN_CHARS}
    if len(split) < 2 or not parts:
        return None
    for d in range(1, COPY_LINES + 1):
        for j in (i - d, i + d):
            if 0 <= j < len(texts) and texts[j].strip().lower() in parts:
                return j, texts[j].strip()
    return None


def pick_title(texts: Sequence[str], cs: int, cs_r: int, meta_lines: set[int], crumbs: set[int],
               url: str | None = None, author_start=None, noise=None,
               lower: Sequence[str] | None = None, blocks: Sequence[int] | None = None,
               skip: AbstractSet[int] = frozenset()) -> tuple[int, str] | None:
    """The headline's (index, text), or None when no line scores as one.

    ``cs`` is the classifier's first content unit, ``cs_r`` the first line of running text at or
    after it; ``meta_lines`` the bylines and breadcrumbs found so far (never the headline).
    ``author_start`` (optional) tells a line that opens with a byline word; ``noise(i, s)``
    (optional) whether line i holds a boilerplate cue, where the caller has the page's cues;
    ``lower`` (optional) the lines lower-cased, where the caller has them; ``blocks`` (optional)
    each line's blank-line block number (``Line.block``); ``skip`` lines that are never the headline
    (an error message of the site's software above it).
    """
    n = len(texts)
    if n == 0:
        return None
    top = min(cs, cs_r)
    lo = max(0, top - WINDOW_BEFORE)
    hi = min(n, max(cs, cs_r) + WINDOW_AFTER)
    page = _Page(texts, lo, hi, cs_r, meta_lines, crumbs, lower, blocks)
    w, bias, min_score, w_cheap = _model(page.blocks is not None)
    if TRACE_BLOCKS is not None:
        TRACE_BLOCKS.append(page.blocks is not None)

    anchor = next((j for j in sorted(meta_lines) if top - 15 <= j <= cs_r + 2 and j not in crumbs and texts[j]), None)
    slug = _slug_words(url)
    # non-byline lines between each candidate and the text, and the byline
    between, to_anchor = {}, {}
    run = 0
    for i in range(cs_r - 1, lo - 1, -1):
        between[i] = run
        if i not in meta_lines:
            run += 1
    if anchor is not None:
        run = 0
        for i in range(anchor - 1, lo - 1, -1):
            to_anchor[i] = run
            if i not in meta_lines:
                run += 1
    cands = []
    for i in range(lo, hi):
        if i in meta_lines or i in skip:
            continue
        s = texts[i]
        f = _cheap(s, i, cs, cs_r, page, meta_lines, anchor, between.get(i, 0), to_anchor.get(i, 0))
        if f is not None:
            cands.append((_score(f, w_cheap, 0.0), i, s, f))
            if TRACE_CHEAP is not None:
                TRACE_CHEAP.append((dict(f), i, s))
    cands.sort(key=lambda x: -x[0])
    if TRACE is None:
        del cands[RICH_TOP:]
    for k, (sc, i, s, f) in enumerate(cands):
        _rich(f, s, i, page, slug, author_start)
        cands[k] = (_score(f, w, bias), i, s, f)
    cands.sort(key=lambda x: -x[0])
    parts = []
    for sc, i, s, f in (cands if TRACE is not None else cands[:PART_TOP]):
        seen = {s.lower()}
        for t, kind in _parts(s, i, page.keys, page.trail_last(i)):
            kt = t.lower()
            if kt in seen:
                continue
            seen.add(kt)
            g = _cheap(t, i, cs, cs_r, page, meta_lines, anchor, between.get(i, 0), to_anchor.get(i, 0), key=kt)
            if g is None:
                continue
            _rich(g, t, i, page, slug, author_start, key=kt)
            if kind != "part_trail":
                g["part"] = 1.0  # (the headline less a trail's item is no guess at where a kicker ends)
            g[kind] = 1.0
            parts.append((_score(g, w, bias), i, t, g))
    if parts:
        cands += parts
        cands.sort(key=lambda x: -x[0])
    best = None
    for k, (sc, i, s, f) in enumerate(cands):
        if (k < CUE_TOP or TRACE is not None) and (cue_noise(s) if noise is None else noise(i, s)):
            f["cue_noise"] = 1.0
            sc = _score(f, w, bias)
        if TRACE is not None:
            TRACE.append((f, i, s))
        if best is None or sc > best[0]:
            best = (sc, i, s)
    if best is None or best[0] < min_score:
        return None
    return best[1], best[2]
