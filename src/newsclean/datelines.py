"""Which date is the page's: the date lines near the headline ranked, and the fallbacks when
there is none (a date line under the text, a sentence saying when the page was posted, the
headline repeated with its date in a list of posts, the nearest line that is only a date).

Ranks: lower wins; an "updated" date and a date in a list of dated items rank lower than a
published one, a date the text only mentions ("Satellitenbild vom 31.05.2021") lower than a
bare date line.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import AbstractSet, Sequence

from newsclean import startcache
from newsclean.blocks import display_width as _width  # wide (CJK, full-width) characters count two
from newsclean.dates import MONTHS, WEEKDAYS, find_dates
from newsclean.metacues import MAX_META_CHARS, STRIP, Found, LabelCues, without_spans
from newsclean.title import DIGITS_ONLY, HAS_DIGIT


DATE_ABOVE_TITLE = 1  # a date line this close above the headline is its dateline, as one below it
LATE_AFTER_END = 16  # a labelled date line under a longer text: at most this far after its end
LATE_DATE_AFTER = 40  # a date line under a short text: at most this far after its start
# date ranks (lower wins): 0-2 a line that is mostly a date near the headline, 3 a date inside a longer
# line, 4 a date line far above the headline, 5-7 a date line under the text; + 2 when 'updated'
WEAK_DATE_RANK = 3
BYLINE_DATE_RANK = 0  # the date on the line the author was read from, when below the text start
LATE_DATE_RANK = 5
UPDATED_PENALTY = 2  # an "updated" date ranks this much lower than a published one
LIST_PENALTY = 1  # a date line in a list of dated items ranks this much lower
# a date the words before it say is not the page's ('valid until', 'Deadline', 'geboren', a quoted post's '(@janedoe) am')
# ranks this much lower: below every date line by the headline, level with one under the text
NOT_PUBLISHED_PENALTY = 5
DATE_CUE_BEFORE = 25  # an 'updated' or 'not published' word at most this many characters before its date
SOCIAL_POST_BEFORE = 40  # ... a quoted post's handle at most this many
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
LATE_REST = 20  # a date line further down: at most this many columns of other words beside the date
POSTED_NEAR = 60  # a word saying the page was posted ('veröffentlicht') at most this far from its date
POSTED_MAX_CHARS = MAX_META_CHARS * 2  # a footer sentence saying when the page was posted is at most this long
# a clock time or a reading time ("16:01", "7 min", "1 minuti"): beside a date they leave it a date line
READING_TIME = startcache.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d+\s*min\w*\.?", re.I)

# a handle in brackets right before a date: an embedded social media post's ('Ein Beitrag geteilt von Jane Doe
# (@janedoe) am Apr 21, 2019', '— Jane Doe (@janedoe) May 5, 2020'), not the page's
_SOCIAL_POST = startcache.compile(r"\(@\w[\w.]*\)\s*(?:[^\W\d_]{1,3}\s+)?$")


def date_rest(s: str, ds: list[tuple[tuple[int, int], str]], cues: LabelCues) -> str:
    """What a line says besides its dates and its date labels ('Published:', 'am')."""
    return cues.date_labels.sub(" ", without_spans(s, ds))


def _title_again(texts: Sequence[str], ti: int, cues: LabelCues) -> tuple[int, str] | None:
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
        if ds and _width(date_rest(rest, ds, cues).strip(STRIP)) <= TITLE_AGAIN_REST:
            iso, penalty = publication(rest, ds, cues)
            if penalty == 0:
                return i, iso
    return None


def _listed(texts: Sequence[str], i: int, iso: str) -> bool:
    """Line ``i``, holding the date ``iso``, is an item of a list of dated items (events, teasers): at least
    LIST_ITEMS lines this close to it hold another day."""
    k = 0
    for j in range(max(0, i - LIST_AROUND), min(len(texts), i + LIST_AROUND + 1)):
        s = texts[j]
        if j != i and len(s) <= MAX_META_CHARS and HAS_DIGIT.search(s) \
                and any(v[:10] != iso[:10] for _, v in find_dates(s)):
            k += 1
    return k >= LIST_ITEMS


def split_date(texts: Sequence[str], i: int) -> tuple[int, str, list[tuple[tuple[int, int], str]]] | None:
    """A full date whose parts stand on short lines of their own from line ``i`` on ('26' / 'Okt 2018', '8.' /
    'Dezember 2010', 'Apr' / '04' / '2013'): (the index after its last part, the parts joined, their dates)."""
    s = texts[i].strip()
    if not s or not (HAS_DIGIT.search(s) or s.strip(".,").lower() in MONTHS):
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


def _nearest_date_line(texts: Sequence[str], ti: int, cues: LabelCues) -> tuple[int, str] | None:
    """(index, iso) of the line nearest to line ``ti`` (at most NEAREST_DATE_AROUND lines away) that is only a
    published date, not an item of a list of dated items."""
    n = len(texts)
    for k in range(1, NEAREST_DATE_AROUND + 1):
        for i in (ti - k, ti + k):
            if not 0 <= i < n:
                continue
            s = texts[i]
            if len(s) > NEAREST_DATE_CHARS or not HAS_DIGIT.search(s):
                continue
            ds = page_dates(s, cues)
            if not ds:
                continue
            rest = _bare_rest(without_spans(s, ds), cues)
            if _width(rest) > LATE_REST:
                continue
            iso, penalty = publication(s, ds, cues)
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


def _bare_rest(rest: str, cues: LabelCues) -> str:
    """What a date line says besides its dates (``rest``, the line less them), its date labels,
    an 'updated' word and a weekday: a short one leaves it a date line."""
    return _without_weekdays(cues.updated.sub(" ", cues.date_labels.sub(" ", rest))).strip(STRIP)


def _without_weekdays(rest: str) -> str:
    """What a date line says besides its date's weekday ('jeudi 13 juin 2019, par Attac France')."""
    return " ".join(w for w in rest.split() if w.strip(STRIP).lower() not in WEEKDAYS)


def _labelled_posted(s: str, cues: LabelCues) -> bool:
    """A date in the line right after a word for 'posted' ('Veröffentlicht: 26.12.2022', 'Published on
    May 2, 2022'), not 'Posted by Jane Doe on May 2, 2022'."""
    return cues.posted.search(s) is not None and any(cues.posted_label.search(s, 0, a) for (a, _b), _ in find_dates(s))


# a time range ('10:00-11:30 Uhr', '9:30 am to 11:00'): the line gives an event's hours
_TIME_RANGE = startcache.compile(r"(?<![\d.:])\d{1,2}:\d{2}\s*(?:uhr\s*|h\s*|am\s*|pm\s*)?(?:[-–—]|bis|to|à)\s*\d{1,2}:\d{2}", re.I)

LABEL_ALONE_CHARS = 30  # a date label alone on a line is at most this long


def label_alone(s: str, cues: LabelCues) -> bool:
    """The line is a date label and nothing else ('Veröffentlicht am', 'Posted on', 'Datum:'): a dump
    of text nodes put the date under it on a line of its own, and the two make one dateline."""
    s = s.strip()
    if not s or len(s) > LABEL_ALONE_CHARS or not s[0].isalpha():
        return False
    padded = s + " "
    return any(m is not None and m.end() == len(padded)
               for m in (cues.posted_label.match(padded), cues.date_labels.match(padded)))


def page_dates(s: str, cues: LabelCues, reference: _dt.date | None = None) -> list[tuple[tuple[int, int], str]]:
    """The dates of a line that may tell when the page was published: none on a line that an
    event label opens ('Termin: 21.02.2020, 19 Uhr', 'Deadline: 15. März 2020'), that a forum
    member's profile label opens ('Registriert: 18.09.2008', 'Member since 2010') or that gives
    hours from and to ('19.1.23, 10:00-11:30 Uhr'), whose date is the event's (and the line the
    event's own information, which stays in the text), nor a date that ends or opens a period ('bis
    31.12.2020', 'until 30 June')."""
    if cues.other_day_label is not None and cues.other_day_label.match(s):
        return []
    ds = find_dates(s, reference=reference)
    if ds and ":" in s and _TIME_RANGE.search(s):
        return []  # '19.1.23, 10:00-11:30 Uhr': an event's date and hours, not a time the page was posted
    if ds and cues.bound_before is not None:
        # a date right after 'bis', 'until', 'ab' ends or opens a period: a deadline, a programme's term
        ds = [d for d in ds if not cues.bound_before.search(s, 0, d[0][0])]
    return ds


def _posted_sentence(texts: Sequence[str], lo: int, hi: int, cues: LabelCues) -> tuple[int, str, int] | None:
    """'Dieser Beitrag wurde am 04/02/2020 von kj in Recht veröffentlicht.', 'This entry was posted on May 2,
    2019', '(last edited 2019-11-10 13:28:18 by Jane)': a blog's or wiki's sentence saying when the page was
    posted or last changed, often at its foot, as (index, iso, penalty). The first posted one wins, else
    the first changed one."""
    changed = None
    for i in range(lo, hi):
        s = texts[i]
        if len(s) > POSTED_MAX_CHARS or not HAS_DIGIT.search(s):
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


def _posted_cue(s: str, ds: list[tuple[tuple[int, int], str]], k: int, cues: LabelCues) -> int | None:
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


_SENTENCE_BREAK = startcache.compile(r"[.!?]\s+(?=[^\W\d_])")  # where one sentence of a line ends and the next begins


def publication(s: str, ds: list[tuple[tuple[int, int], str]], cues: LabelCues) -> tuple[str, int]:
    """Of the dates in a line, the published one (not the one after 'Updated'), and a rank penalty."""
    best = None
    for (a, _b), iso in ds:
        before = s[max(0, a - DATE_CUE_BEFORE):a]
        pen = 0
        if (cues.not_published is not None and cues.not_published.search(before)) \
                or _SOCIAL_POST.search(s, max(0, a - SOCIAL_POST_BEFORE), a):
            pen = NOT_PUBLISHED_PENALTY
        elif cues.updated.search(before):
            pen = UPDATED_PENALTY
        if best is None or pen < best[1]:
            best = (iso, pen)
    return best


def choose_date(date_lines: list[tuple[int, str, bool, int]], texts: Sequence[str], ti: int, cs: int,
                f: Found, cues: LabelCues, meta_lines: AbstractSet[int] = frozenset()) -> None:
    """The page's date among the date lines found around the headline (``(index, iso, mostly a date,
    penalty)``): the first mostly-date line after the title, then any near it; set on ``f``.

    Above the headline, the lines between a date line and it that moved to the front matter
    (``meta_lines``: the byline's word and name, another date) do not count as distance: a dump of
    text nodes puts each part of a byline on a line of its own ('Veröffentlicht am' / '10. Februar
    2019' / '9. Februar 2019' / 'von' / 'Heiko' / headline)."""
    best = None
    for i, iso, mostly, penalty in date_lines:
        if i < ti and meta_lines:
            i_eff = ti - sum(1 for k in range(i + 1, ti) if k not in meta_lines) - 1
        else:
            i_eff = i
        if i_eff < ti - 3:
            rank = 4
        elif mostly:
            rank = 0 if ti - DATE_ABOVE_TITLE <= i_eff and i <= cs + 3 else 1 if i <= cs + 3 else 2
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


def fallback_date(texts: Sequence[str], f: Found, t: tuple[int, str] | None, ti: int, cs: int,
                  ce: int | None, top_hi: int, cues: LabelCues) -> None:
    """No date by the headline, or a weak one: a date line under the text, a sentence saying when the
    page was posted, the headline repeated with its date in a list of posts, or the nearest line
    that is only a date (in that order); set on ``f``."""
    n = len(texts)
    late_hi = min(n, max(cs + LATE_DATE_AFTER, (ce or 0) + LATE_AFTER_END))
    if f.date is None or f.date[2] >= WEAK_DATE_RANK:
        # no date at the top, or a weak one (inside a longer line): a line that is mostly a date a little
        # further down (under the text), or a labelled one ("Datum: 18.10.2021", "Published: 03 December
        # 2019") after a longer text. A date labelled as published beats the weak one; an updated date is
        # taken only when no published one follows
        for i in range(top_hi, late_hi):
            s = texts[i]
            if len(s) > 80 or i in f.consumed or not HAS_DIGIT.search(s):
                continue
            ds = page_dates(s, cues)
            if ds:
                rest = without_spans(s, ds)
                # (its label may stand alone on the line above: 'Published:' / '03 December 2019', a dump of
                # text nodes split the line)
                published = cues.date_labels.search(rest) is not None or (i > 0 and label_alone(texts[i - 1], cues))
                labelled = published or cues.updated.search(rest) is not None
                if i >= cs + LATE_DATE_AFTER and not labelled and not (
                        ce is not None and i <= ce + 3
                        and (_width(rest.strip(STRIP)) <= 4 or DIGITS_ONLY.match(rest.strip(STRIP)))):
                    continue  # far down, only a labelled date or a bare one right under the text
                rest = _bare_rest(rest, cues)
                if _width(rest) <= LATE_REST:
                    iso, penalty = publication(s, ds, cues)
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
