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

This module walks the windows and reads the labelled fields, breadcrumbs and tags; the others
have a job each: ``metacues`` (the label words compiled, and what the finders share),
``bylines`` (who wrote it), ``datelines`` (which date is the page's), ``title`` (the headline).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import partial
from typing import AbstractSet, Sequence

from newsclean import startcache
from newsclean.blocks import display_width as _width  # wide (CJK, full-width) characters count two
from newsclean.bylines import (
    LEAD_DASHES,
    USERNAME,
    author_value,
    looks_like_name,
    name_alone_at,
    name_by_headline,
    name_head,
    name_near_title,
    read_byline,
    read_glued_user,
    read_label_then_name,
    read_name_in_byline,
    read_name_suffix,
    signature_name,
)
from newsclean.classify import shape
from newsclean.cuematch import PageCues
from newsclean.datelines import (
    DATE_LINE_REST,
    DATELINE_START,
    READING_TIME,
    SPLIT_PART_MAX,
    choose_date,
    date_rest,
    fallback_date,
    label_alone,
    page_dates,
    publication,
    split_date,
)
from newsclean.dates import date_in_url, find_dates, relative_spans
from newsclean.document import Metadata
from newsclean.errors import error_lines
from newsclean.metacues import (
    CJK_OR_HANGUL,
    MAX_META_CHARS,
    STRIP,
    URL_IN_LINE,
    Found,
    LabelCues,
    clean_value,
    cut_value,
    label_cues,
)
from newsclean.thresholds import CUE_MAX_CHARS
from newsclean.title import (
    CRUMB_SPLIT,
    HAS_DIGIT,
    NOISE_CODES,
    NOISE_MAX_CHARS,
    cue_noise,
    kicker_shown_joined,
    kicker_split_at_colon,
    part_shown_alone,
    pick_title,
)
from newsclean.title import texty as _texty


__all__ = ["MetaResult", "extract", "guess_content_start"]

# window sizes (units)
TITLE_BEFORE = 30  # breadcrumb and byline lines: this many units before content_start
BYLINE_AFTER = 10  # byline lines: this many units after content_start
LATE_BYLINE_LINES = 3  # a date line found this few units under that window still stands in the byline
BYLINE_DEEP = 40  # a line opening with a byline word, when none was found: up to this many units after it
TITLE_DATE_AROUND = 3  # a date line this close to a headline found above the top window
TAIL_AFTER = 40  # editor/link/tag lines: this many units after content_end
BYLINE_UNDER = 8  # a byline under the text: at most this far after its end (further down: other articles')
SIGNATURE_AFTER = 1  # a name alone under the text: this close to its last line
FILED_MAX_CHARS = 30  # a byline's category on a line of its own ('in' / 'Nachrichten'): at most this wide
NAME_BESIDE_DATE_ABOVE = 15  # a name beside a date is read on lines from this far above the text's start
BYLINE_DATE_MAX_WIDTH = 120  # ... on a date line this wide at most


SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class MetaResult:
    metadata: Metadata
    consumed: dict[int, tuple[str, str]] = field(default_factory=dict)


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


def _crumb(line: str, cues: LabelCues) -> str | None:
    """The category of a breadcrumb line, '' when it has none, None when not a breadcrumb."""
    rest = None
    if cues.crumb_label is not None:
        m = cues.crumb_label.match(line)
        if m and (m.end() < len(line) or line.strip().endswith((":", "："))):
            label, rest = line[: m.end()], line[m.end():]
            # the label must be followed by a colon or an arrow-separated trail
            if ":" not in label and "：" not in label and not CRUMB_SPLIT.search(rest):
                rest = None
    if rest is None and cues.crumb_home_start.match(line):
        rest = line
    if rest is None:
        return None
    items = [x.strip(STRIP) for x in CRUMB_SPLIT.split(rest)]
    items = [x for x in items if x]
    if any(_width(x) > 60 for x in items):
        return None
    for item in reversed(items):
        if item.lower() not in cues.crumb_skip:
            return item
    return ""


_TAG_SPLIT = startcache.compile(r"\s*[,，、;；|｜/#]\s*|\s{2,}")


def _tags(value: str) -> tuple[str, ...]:
    parts = _TAG_SPLIT.split(value)
    if len(parts) == 1 and " " in value and CJK_OR_HANGUL.search(value):
        parts = value.split()
    return tuple(dict.fromkeys(p.strip(STRIP) for p in parts if p.strip(STRIP)))


def _labelled(i: int, line: str, cues: LabelCues, f: Found, region: str) -> str | None:
    """Fields written as 'label: value' in the line; returns the rule code for the line, or None."""
    code = None
    if ":" not in line and "：" not in line and "︰" not in line:
        return None
    bare = cues.bare_link.match(line)
    if bare is not None:
        # a link's label and the URL alone, without the colon ('Permalink https://p.dw.com/p/4QgGF')
        f.url = f.url or bare.group("url").rstrip(".,;)")
        return "NC-LINK"
    for m in cues.labels_in(line):
        name = m.lastgroup
        if name == "author" and m.group(0)[-1:] in ":：︰" and line[m.end():m.end() + 1].islower():
            continue  # 'Journalist:innen', 'Autor:innen': a gender ending, not a label
        rest = line[m.end():]
        # the value ends at the next labelled field
        nxt = cues.first_label(rest)
        value = rest[: nxt.start()] if nxt else rest
        if name == "link":
            u = URL_IN_LINE.search(value)
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
        v = cut_value(value)
        if not v or _width(v) > 60:
            continue
        if name == "source":
            f.source = f.source or v
            code = "NC-META" if code in (None, "NC-META") else code
        elif name == "editor":
            f.editor = f.editor or v
            code = "NC-EDITOR"
        elif name == "author":
            v = author_value(value)
            h, _ = name_head(v, cues) if v and not CJK_OR_HANGUL.search(v) else ("", "")
            if h and (looks_like_name(h) or USERNAME.match(h)):
                v = h  # 'Author: Bo2man am', 'Autor: Jane Doe Lesezeit'
            if v and (CJK_OR_HANGUL.search(v) or looks_like_name(v) or USERNAME.match(v)):
                f.set_author(i, v, 1 if region == "top" else 3)
                code = "NC-META" if code in (None, "NC-META") else code
    return code


def _noise_of(page_cues: PageCues, i: int, s: str) -> bool:
    """``cue_noise`` of unit i from the page's cue scan, which tried every kind of cue on
    lines up to ``CUE_MAX_CHARS * 2`` columns (wider ones are scanned again)."""
    if len(s) > NOISE_MAX_CHARS:
        return False
    if shape(s).width > CUE_MAX_CHARS * 2:
        return cue_noise(s)
    return not page_cues.codes_of(i).isdisjoint(NOISE_CODES)


def _read_top(texts: Sequence[str], lo: int, hi: int, cs: int, f: Found, cues: LabelCues,
              reference: _dt.date | None) -> tuple[set[int], list[tuple[int, str, bool, int]]]:
    """The top window (units ``lo`` to ``hi``): breadcrumb, bylines, labelled fields and dates, read into
    ``f``. Returns the lines whose value moved to the front matter, and the date lines found
    (index, iso, mostly the date, penalty) for ``datelines.choose_date``."""
    meta_lines: set[int] = set()
    date_lines: list[tuple[int, str, bool, int]] = []
    for i in range(lo, hi):
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
                ds = page_dates(s[:80], cues)
                if ds and ds[0][0][0] <= DATELINE_START:
                    date_lines.append((i, ds[0][1], False, 0))
            continue
        code = _labelled(i, s, cues, f, "top")
        ds = page_dates(s, cues, reference)
        if read_byline(i, s, cues, f, _width(s) <= 80) or read_name_suffix(i, s, cues, f):
            code = code or "NC-META"
        if code is None and read_glued_user(i, s, f, cues):
            code = "NC-META"
        if code is None and not ds and i >= cs - NAME_BESIDE_DATE_ABOVE and _width(s) <= 80:
            # 'Jane Doe | Published 4 hours ago': a name beside a relative date
            rel = [(span, "") for span in relative_spans(s)]
            if rel:
                read_name_in_byline(i, s, rel, f, cues)
                if f.author is not None and f.author[0] == i:
                    code = "NC-META"
        if ds:
            iso, penalty = publication(s, ds, cues)
            mostly = _mostly_date(s, ds, cues) or code is not None
            if i >= cs - NAME_BESIDE_DATE_ABOVE:
                mostly = _read_name_beside_date(i, s, ds, f, cues, mostly)
            date_lines.append((i, iso, mostly, penalty))
            if mostly:
                code = code or "NC-META"
        elif code is None and len(s) <= SPLIT_PART_MAX:
            split = split_date(texts, i)
            if split is not None:
                # '31' / 'Donnerstag' / 'Okt 2019': a date's parts, each in its own markup, on lines of their own
                end, joined, jds = split
                iso, penalty = publication(joined, jds, cues)
                rest = READING_TIME.sub(" ", date_rest(joined, jds, cues))
                if _width(rest.strip(STRIP)) <= DATE_LINE_REST:
                    date_lines.append((end - 1, iso, True, penalty))  # the date ends on its last part's line
                    code = "NC-META"
                    for k in range(i + 1, end):
                        f.consumed.setdefault(k, ("NC-META", code_detail("NC-META", texts[k])))
                        meta_lines.add(k)
        if (code is None and not ds and i + 1 < hi and HAS_DIGIT.search(texts[i + 1]) and label_alone(s, cues)
                and page_dates(texts[i + 1], cues, reference)):
            code = "NC-META"  # 'Veröffentlicht am' / '10. Februar 2019': the date's label, never a headline
        if code is None and read_label_then_name(i, texts, cues, f, 1):
            code = "NC-META"
            meta_lines.add(i + 1)
        if code:
            f.consumed[i] = (code, code_detail(code, s))
            meta_lines.add(i)
    return meta_lines, date_lines


def _read_byline_further_in(texts: Sequence[str], lo: int, hi: int, f: Found, meta_lines: set[int],
                            cues: LabelCues) -> None:
    """No byline at the top nor a name: a byline line a little further into the text (units ``lo`` to
    ``hi``; 'By Jane Doe' under a standfirst, a photo and its caption), only a byline word or an author
    label opening a short line."""
    for i in range(lo, hi):
        s = texts[i]
        if len(s) > 80 or i in f.consumed:
            continue
        code = "NC-META" if (cues.author_words.match(s.lstrip(LEAD_DASHES)) or cues.glued_by.match(s)) \
            and read_byline(i, s, cues, f) else None
        if code is None and (":" in s or "：" in s) and cues.labelled.match(s):
            code = _labelled(i, s, cues, f, "tail")
        if code is None and read_label_then_name(i, texts, cues, f, 3):
            code = "NC-META"  # 'Von' / 'Patrick Hyslop': a dump of text nodes puts the byline word alone
        if f.author is not None:
            f.consumed[i] = (code or "NC-META", code_detail(code or "NC-META", s))
            meta_lines.add(i)
            break


def _read_tail(texts: Sequence[str], lo: int, hi: int, ce: int | None, f: Found, cues: LabelCues) -> None:
    """The tail (units ``lo`` to ``hi``, after the article): editor, permalink, tags, source and author
    lines, read into ``f``."""
    for i in range(lo, hi):
        s = texts[i]
        if len(s) > MAX_META_CHARS or i in f.consumed:
            continue
        code = _labelled(i, s, cues, f, "tail")
        if code is None and f.author is None and read_label_then_name(i, texts, cues, f, 3):
            code = "NC-META"
        if code is None and f.author is None and (ce is None or i <= ce + BYLINE_UNDER) and _width(s) <= 80 \
                and read_byline(i, s, cues, f):
            code = "NC-META"  # 'Erstellt von Andri Bryner', 'Posted by Jane Doe at 2:33 PM' under the text
        if code is None and f.author is None and ce is not None and ce < i <= ce + BYLINE_UNDER \
                and read_name_suffix(i, s, cues, f):
            code = "NC-META"  # '순천, 광양 구현모 기자 ninek@hankookilbo.com' under the text
        if code is None and f.author is None and ce is not None and ce < i <= ce + BYLINE_UNDER and len(s) <= 80:
            name = signature_name(s, cues, i - ce <= SIGNATURE_AFTER)
            if name:
                f.set_author(i, name, 5)
                code = "NC-META"
        if code is None:
            m = cues.editor_words.match(s)
            if m:
                v = author_value(s[m.end():])
                if v and looks_like_name(v):
                    f.editor = f.editor or v
                    code = "NC-EDITOR"
        if code:
            f.consumed[i] = (code, code_detail(code, s))


def _permalink_inside(texts: Sequence[str], lo: int, hi: int, f: Found, cues: LabelCues) -> None:
    """A permalink line between the top window and the tail (units ``lo`` to ``hi``): the page's
    URL when the tail gave none. The tail is read from the last kept line, so whatever the rules
    keep under the permalink (a related list kept with ``--disable NC-REL``) would hide it; a
    link's label followed by a URL alone (``_link_alone``) names the page wherever it stands,
    read as the tail reads it (``_labelled``)."""
    for i in range(lo, hi):
        s = texts[i]
        if len(s) > MAX_META_CHARS or i in f.consumed or not _link_alone(s, cues):
            continue
        code = _labelled(i, s, cues, f, "tail")
        if f.url is not None:
            f.consumed[i] = (code or "NC-LINK", code_detail(code or "NC-LINK", s))
            return


def _link_alone(line: str, cues: LabelCues) -> bool:
    """Whether the line is a link's label and a URL and nothing else: inside the article's span a
    line going on after the URL is the article's sentence."""
    if "://" not in line:  # (no URL: most lines)
        return False
    if cues.bare_link.match(line):  # the colon left out ('Permalink https://p.dw.com/p/4QgGF')
        return True
    m = next(cues.labels_in(line), None)
    if m is None or m.lastgroup != "link" or line[:m.start()].strip(STRIP):
        return False
    value = line[m.end():].strip()
    u = URL_IN_LINE.match(value)
    return u is not None and not value[u.end():].strip(".,;) ")


def extract(units: Sequence[str], *, url: str | None = None, content_start: int | None = None,
            content_end: int | None = None, reference: _dt.date | None = None,
            language: str | None = None, page_cues: PageCues | None = None,
            blocks: Sequence[int] | None = None, errors: AbstractSet[int] | None = None) -> MetaResult:
    """The page's metadata from its units (strings, or objects with a ``text``).

    ``content_start``/``content_end`` are the first and last article units as the classifier
    sees them (estimated when not given). ``reference`` enables relative dates ("3 hours ago").
    ``language`` is copied to the result as is. ``page_cues`` (``classify.scan`` of the same
    units), when given, answers which lines hold a boilerplate cue without scanning them again.
    ``blocks`` (optional): each unit's blank-line block (``Line.block``), which the headline's
    scorer reads where the dump's blank lines tell headings from menus and teasers. ``errors``
    are never the headline: the site's error messages (``errors.error_lines`` of the units, found
    when not given) and whatever else the caller rules out (the pipeline adds the notices,
    ``walls.wall_lines``).
    """
    texts = [u if isinstance(u, str) else u.text for u in units]
    # soft hyphens (U+00AD, a word's break points: 'Von Mat\xadthi\xadas Lauerer') are no part of a value
    texts = [s.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in s else s for s in texts]
    n = len(texts)
    if n == 0:
        return MetaResult(Metadata(url=url, language=language), {})
    cues = label_cues()
    cs0 = content_start if content_start is not None else guess_content_start(texts)
    cs0 = max(0, min(cs0, n - 1))
    cs = _refine_start(texts, cs0)
    ce = content_end if content_end is not None and content_end >= cs else None
    f = Found()
    lo = max(0, cs - TITLE_BEFORE)
    top_hi = min(n, cs + BYLINE_AFTER)

    # 1. the top window: breadcrumb, bylines, labelled fields, dates
    meta_lines, date_lines = _read_top(texts, lo, top_hi, cs, f, cues, reference)
    _filed_in(texts, f, meta_lines, cues)

    # 2. the title
    crumbs = {i for i, (c, _) in f.consumed.items() if c == "NC-CRUMB"}
    t = pick_title(texts, cs0, cs, meta_lines, crumbs, url,
                   author_start=lambda x: bool(cues.author_words.match(x) or cues.glued_by.match(x)),
                   noise=None if page_cues is None else partial(_noise_of, page_cues),
                   lower=None if page_cues is None else page_cues.lower, blocks=blocks,
                   skip=error_lines(texts) if errors is None else errors)
    if t is not None:
        alone = part_shown_alone(texts, t[0])
        if alone is not None and alone[0] not in meta_lines:
            # the document's title ('Headline | Site'): the headline is the copy alone near it
            f.consumed[t[0]] = ("NC-TITLE", "the document's title")
            meta_lines.add(t[0])
            t = alone
        split = kicker_split_at_colon(texts, t[0]) or kicker_shown_joined(texts, t[0])
        if split is not None:
            a, b, joined = split
            t = (t[0], joined)
            for k in range(a, b + 1):
                if k != t[0]:
                    f.consumed[k] = ("NC-TITLE", "part of the headline")
                    meta_lines.add(k)
        f.title = t
        f.consumed[t[0]] = ("NC-TITLE", "headline")
        meta_lines.add(t[0])
    ti = t[0] if t else cs

    # a headline found above the top window (a long menu or teaser list under it) has its dateline
    # next to it: the short date lines around the headline are candidates too
    for i in range(max(0, ti - TITLE_DATE_AROUND), min(lo, ti + TITLE_DATE_AROUND + 1)):
        s = texts[i]
        if i == ti or _width(s) > MAX_META_CHARS or not HAS_DIGIT.search(s):
            continue
        ds = page_dates(s, cues, reference)
        if ds:
            iso, penalty = publication(s, ds, cues)
            if _width(date_rest(s, ds, cues).strip(STRIP)) <= DATE_LINE_REST:
                date_lines.append((i, iso, True, penalty))
                f.consumed.setdefault(i, ("NC-META", code_detail("NC-META", s)))

    # 3. the date: the first mostly-date line after the title, then any near it
    choose_date(date_lines, texts, ti, cs, f, cues, meta_lines)

    # 3b. the page's date line under a headline far above the text (a long gallery or teaser list between
    # them) was not read for a name: it is the byline ('Posted 11. April 2018 by Walter von Aachen')
    if f.author is None and f.date is not None and ti < f.date[0] < cs - NAME_BESIDE_DATE_ABOVE:
        _name_on_date_line(texts, f.date[0], f, cues, reference)

    # 3c. a dump of text nodes split the byline around the date line ('MikeNils' / '18.10.2019, 15:07 Uhr',
    # '28. Januar 2015' / 'karstenruppert' / 'Schreibe einen Kommentar'): the lines joined are read as one
    if f.author is None and f.date is not None and f.date[0] > ti:
        _name_beside_split_date(texts, f.date[0], f, cues, meta_lines, reference)

    # 4. a name alone on a line next to the title or the date line
    name_by_headline(texts, f, t, ti, cs, meta_lines, cues)
    newsroom = name_near_title(texts, f, t, ti, cs, meta_lines, cues)

    # 4b. no byline at the top nor a name: a byline line a little further into the text ('By Jane Doe' under a standfirst,
    # a photo and its caption), only a byline word or an author label opening a short line
    if f.author is None:
        deep_hi = min(n, cs + BYLINE_DEEP, ce - 2 if ce is not None else n)
        _read_byline_further_in(texts, top_hi, deep_hi, f, meta_lines, cues)

    # 5. the tail: editor, permalink, tags, source, author lines after the article
    tail_lo = max(ce - 2, cs + 1) if ce is not None else cs + 1
    tail_hi = min(n, (ce + 1 + TAIL_AFTER) if ce is not None else n)
    if f.author is None and tail_lo - 1 > cs and tail_lo - 1 not in f.consumed \
            and read_label_then_name(tail_lo - 1, texts, cues, f, 3):
        # the author's label a line above the tail, its name in it ('Text:' / 'Kirsten Freund' / '/' /
        # 'handwerksblatt.de': a dump of text nodes split the signature under the article over four lines)
        f.consumed[tail_lo - 1] = ("NC-META", code_detail("NC-META", texts[tail_lo - 1]))
    _read_tail(texts, tail_lo, tail_hi, ce, f, cues)
    if f.url is None:
        _permalink_inside(texts, top_hi, tail_lo, f, cues)

    if f.author is None and newsroom is not None:
        f.set_author(newsroom[0], newsroom[1], 6)  # 'Redaktion Polizeiticker Schweiz'
        f.consumed[newsroom[0]] = ("NC-META", "author")

    fallback_date(texts, f, t, ti, cs, ce, top_hi, cues)
    # 6. that date line just under the top window (the classifier's text began at a prompt or a teaser
    # above the article, so the window stopped short of the byline): the name beside it or alone above it
    if f.date is not None and top_hi <= f.date[0] < top_hi + LATE_BYLINE_LINES and (f.author is None or f.author[2] >= 4):
        _name_by_late_date(texts, f.date[0], ti, f, cues, reference)

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


def _mostly_date(s: str, ds, cues: LabelCues) -> bool:
    """Line ``s`` is mostly its dates ``ds``: what it holds besides them is at most ``DATE_LINE_REST``
    wide, not counting what follows an 'updated' label (which is about the update: '05 Gennaio 2025
    Aggiornato alle 16:01') nor a reading time."""
    rest = date_rest(s, ds, cues)
    u = cues.updated.search(rest)
    if u:
        rest = rest[:u.start()]
    return _width(READING_TIME.sub(" ", rest).strip(STRIP)) <= DATE_LINE_REST


def _read_name_beside_date(i: int, s: str, ds, f: Found, cues: LabelCues, mostly: bool) -> bool:
    """A name beside the dates ``ds`` of line ``i`` read into ``f``: on a line that is ``mostly`` the date
    any name, on a longer one (up to ``BYLINE_DATE_MAX_WIDTH``) only one a byline word opens
    ('Veröffentlicht am 03.02.2022 von Sarah Schnieder ...'). Returns whether the line is a byline
    (mostly the date, or its name was taken)."""
    if mostly:
        read_name_in_byline(i, s, ds, f, cues)
        return True
    if _width(s) <= BYLINE_DATE_MAX_WIDTH:
        read_name_in_byline(i, s, ds, f, cues, explicit=True)
        return f.author is not None and f.author[0] == i
    return False


def _name_on_date_line(texts: Sequence[str], i: int, f: Found, cues: LabelCues, reference: _dt.date | None) -> None:
    """A name beside the date on line ``i``, read as ``_read_top`` reads one."""
    s = texts[i]
    ds = page_dates(s, cues, reference)
    if not ds:
        return
    mostly = _mostly_date(s, ds, cues)
    _read_name_beside_date(i, s, ds, f, cues, mostly)
    if f.author is not None and f.author[0] == i:
        f.consumed.setdefault(i, ("NC-META", code_detail("NC-META", s)))


def _name_by_late_date(texts: Sequence[str], d: int, ti: int, f: Found, cues: LabelCues,
                       reference: _dt.date | None) -> None:
    """The name on the date line ``d``, or alone on the line above it ('Thomas Hanke' / '27.04.2020 -
    18:50 Uhr 3 Kommentare'), replaces an author found only as a name-like line near the headline (rank
    4 or worse: a kicker such as 'Grenze zu Frankreich'), which goes back to the text."""
    found = Found()  # read apart, then taken over: the name-like line's rank would block the readers
    _name_on_date_line(texts, d, found, cues, reference)
    if found.author is None and d - 1 > ti and d - 1 not in f.consumed:
        name = name_alone_at(texts, d - 1, cues)
        if name:
            found.set_author(d - 1, name, 3)
            found.consumed[d - 1] = ("NC-META", "author")
    if found.author is None:
        return
    if f.author is not None and f.consumed.get(f.author[0]) == ("NC-META", "author"):
        del f.consumed[f.author[0]]
    f.replace_author(*found.author)
    for i, v in found.consumed.items():
        f.consumed.setdefault(i, v)


SPLIT_NAME_MAX_CHARS = 40  # a byline's part split off the date line is at most this long


def _name_beside_split_date(texts: Sequence[str], d: int, f: Found, cues: LabelCues, meta_lines: set[int],
                            reference: _dt.date | None) -> None:
    """The date line ``d`` joined with the short line above it, or with the one or two under it, read
    for a name beside the date as one byline line; the joined lines go with the byline."""
    n = len(texts)
    for a, b in ((d - 1, d), (d, d + 1), (d, d + 2)):
        if a < 0 or b >= n or any(k != d and (k in meta_lines or k in f.consumed or len(texts[k]) > SPLIT_NAME_MAX_CHARS
                                                or ":" in texts[k] or cue_noise(texts[k])) for k in range(a, b + 1)):
            continue  # (not a label's line, 'betrifft: ...', nor a share button or a player's 'Play / pause')
        joined = " ".join(texts[k].strip() for k in range(a, b + 1))
        ds = page_dates(joined, cues, reference)
        if not ds:
            continue
        found = Found()
        read_name_in_byline(d, joined, ds, found, cues)
        # a user name of one word ('MikeNils', 'karstenruppert'): a name of several words alone on a line
        # next to the date is read by ``name_near_title``, which knows menus and headings better
        if found.author is None:
            continue
        if " " not in found.author[1]:
            f.set_author(*found.author)
            for k in range(a, b + 1):
                f.consumed.setdefault(k, ("NC-META", code_detail("NC-META", texts[k])))
                meta_lines.add(k)
            return


def _filed_in(texts: Sequence[str], f: Found, meta_lines: set[int], cues: LabelCues) -> None:
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
        if _width(cat) > FILED_MAX_CHARS or HAS_DIGIT.search(cat) or shape(cat).sentence:
            continue
        f.consumed[i + 1] = ("NC-META", code_detail("NC-META", texts[i + 1]))
        f.consumed[i + 2] = ("NC-CRUMB", cat)
        meta_lines.update((i + 1, i + 2))
        if f.category is None and cat.lower() not in cues.crumb_skip:
            f.category = clean_value(cat)


def code_detail(code: str, s: str) -> str:
    short = s if len(s) <= 40 else s[:37] + "..."
    return {"NC-META": "byline", "NC-EDITOR": "editor", "NC-LINK": "permalink", "NC-TAGS": "tags"}.get(code, code) + ": " + short
