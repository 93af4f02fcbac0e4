"""Who wrote the page: names in bylines, labelled author lines, a name alone under the headline,
a signature under the text.

A name is 1-6 capitalised words or 2-12 CJK characters, not an interface word (``data/meta``'s
``not_name``) nor an e-mail or a handle; a byline word ("By", "Von", "文/") or an author label
opens a byline, whose other fields (a date, a place, a job title) are cut away.
"""
from __future__ import annotations

import re
from typing import Sequence

from newsclean import startcache
from newsclean.cues import alternation, context_words, trie
from newsclean.blocks import display_width as _width  # wide (CJK, full-width) characters count two
from newsclean.dates import WEEKDAYS, find_dates, relative_spans
from newsclean.metacues import (
    CJK_OR_HANGUL,
    HAS_BYLINE_SEP,
    STRIP,
    Found,
    LabelCues,
    cut_value,
    label_cues,
    label_tables,
    without_spans,
)
from newsclean.punctuation import runs_on
from newsclean.title import CAMEL_JOIN, DIGITS_ONLY, cue_noise, is_caption


NAME_BEFORE, NAME_AFTER = 10, 7  # a name alone on a line: this close to the start of the text
NAME_TAIL_WORDS = 4  # a name alone on a line may be followed by this many words of a job title, a count...
_AUTHOR_WORDS = label_tables().get("author", {})  # data/meta's author tables, all languages merged
# the words for 'and' between names, per language ('Jane Doe und John Roe', 'Jan Kowalski i Anna Nowak')
_AND = trie(sorted(set(_AUTHOR_WORDS.get("conjunctions", []))))
# a word of a name: capitalised, a particle ('von', 'van', 'bin'; data/meta's particles, per language) or a
# word for 'and' between two names
_NAME_WORD = startcache.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’.-]*|"
                                rf"{trie(sorted(set(_AUTHOR_WORDS.get('particles', []))))}|&|{_AND})$")
_PARTIAL_DATE = startcache.compile(r"[(（]?\s*\d{1,2}[-/.月]\d{1,2}日?\s*[)）]?")
_TRAIL_COUNT = startcache.compile(r"\s*\d+\s*$")
_NOT_NAME = frozenset(_AUTHOR_WORDS.get("not_name", []))  # interface words per language ('Zur Galerie', 'Lesezeit')
_NOT_FIRST = frozenset(_AUTHOR_WORDS.get("not_first", []))  # 'Der Weinbau', 'The Guardian'
# articles that open a publication's name ('The Guardian 02/10/2020 Anna Fazackerley'): beside a date
# such a name is taken only when the line names no one else
_OUTLET_FIRST = frozenset(_AUTHOR_WORDS.get("outlet_first", []))
# a surname's prefix glued to its capital ('McDonald', 'DiCaprio', 'VanDerBeek', "O'Brien"; data/meta's
# name_prefixes, capitalised as the data files' words are read lower-cased): no two words glued by lost markup
_NAME_PREFIX = startcache.compile(
    rf"\b(?:{trie(sorted({p[:1].upper() + p[1:] for p in _AUTHOR_WORDS.get('name_prefixes', [])}))})(?=[A-Z])")
USERNAME = startcache.compile(r"^[\w.-]{2,30}$")
_NAME_LIST = startcache.compile(rf"\s*[,;&|｜/]\s*|\s+(?:{_AND})\s+")
_TRAIL_AND = startcache.compile(rf"\s+(?:{_AND})$")  # 'By Jane Doe and' (the next name in a link of its own)
_AGENCY = startcache.compile(r"^[A-Z]{2,5}(?:-[A-Z]{1,3})?$")  # 'AP', 'SP-X': a news agency in a list of names
_HANDLE = startcache.compile(r"\s*@\w+$")  # 'Jane Doe @janedoe', 'Greg Iacurci@GregIacurci'
LEAD_DASHES = "-–—=~ "
_SENTENCE_END = startcache.compile(r"[a-zà-ÿ]{2}[.!?]$")
_EMAILISH = startcache.compile(r"@|www\.|https?://", re.I)
_TRAIL_EMAIL = startcache.compile(r"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")  # the writer's e-mail after the name
_CJK_STOPS = startcache.compile(r"[，。！？]")  # a CJK sentence's marks: a CJK name has none


_NICK_QUOTES = "\"“”„«»‘’'"  # quotes around a nickname inside a name


def looks_like_name(v: str, cjk_ok: bool = True) -> bool:
    """A person's or agency's name: 1-6 capitalised words, or 2-12 CJK characters."""
    if not v or len(v) > 80 or _EMAILISH.search(v) or DIGITS_ONLY.match(v):
        return False
    if CJK_OR_HANGUL.search(v):
        return cjk_ok and 2 <= len(v) <= 16 and not _CJK_STOPS.search(v)
    words = v.replace(",", " , ").split()
    words = [w for w in words if w != ","]
    if not 1 <= len(words) <= 8:
        return False
    # a nickname in quotes inside the name ('Amanda "Tania Mae" Tan'); never a whole value in quotes
    inner = range(1, len(words) - 1)
    caps = sum(1 for k, w in enumerate(words) if _NAME_WORD.match(w.strip(_NICK_QUOTES) if k in inner else w))
    return caps == len(words) and any(w[:1].isupper() for w in words)


# the words for 'with' before an agency, per language ('Diana Resnik mit AP')
_WITH = startcache.compile(rf"\s+(?:{trie(sorted(set(_AUTHOR_WORDS.get('with', []))))})\s+(?=\S+$)", re.I)
_CONJ = startcache.compile(rf"\s+(?:&|{_AND})\s+", re.I)
_AFFIL = startcache.compile(r"(?<=[a-zà-ÿ])\d+(?:,\d+)*(?!\w)|[*†‡]")  # 'Jane Doe1,2' (not 'BR24', 'Bo2man')


def author_value(v: str) -> str:
    """A names value: cut at separators, affiliation marks dropped, 'A und B' written 'A, B'."""
    v = cut_value(v)
    if " " in v:
        v = _AFFIL.sub("", v)  # (a user name's digits stay: 'delta201')
    m = _WITH.search(v)
    if m:
        v = v[:m.start()]
    v = _CONJ.sub(", ", v)
    return v.strip(STRIP)


def _unglue_by(s: str, cues: LabelCues) -> str:
    """The line with a space put back after a byline word glued to the name ('ByJ.R. Stone')."""
    g = cues.glued_by.match(s)
    return s if g is None else s[: g.end()] + " " + s[g.end():]


def read_byline(i: int, line: str, cues: LabelCues, f: Found, short: bool = True) -> bool:
    """A byline at line ``i`` ('By Jane Doe', 'Von Jane Doe | 12.03.2020', 'Post author By Jane Doe'):
    its name (and any date beside it) read into ``f``; whether one was. A line that is not
    ``short`` holds one only as a '|'-separated field, and never as a sentence."""
    line = _unglue_by(line.lstrip(LEAD_DASHES), cues)  # '---- by Kenneth Surin', 'ByJ.R. Stone'
    # past the line's start a byline word must follow a separator: without one, only the start is tried
    m = (cues.author_words.search(line) if HAS_BYLINE_SEP.search(line) else cues.author_words.match(line))
    if not m or (m.start() > 0 and not short and line[:m.start()].rstrip()[-1:] not in "|｜"):
        return False  # a long line may hold a byline as a '|'-separated field ('Published: 5 hours ago | Written by X')
    if not short and m.group("w").lower() in cues.roles and _SENTENCE_END.search(line) \
            and not HAS_BYLINE_SEP.search(line):
        return False  # 'Author Rushdiyah Narker, from Kensington, said she started reading ...': a sentence
    rest = line[m.end():]
    again = cues.author_words.match(rest)
    if again:
        rest = rest[again.end():]  # 'Post author By Jane Doe'
    ds = find_dates(rest)
    if ds:
        rest = rest[: ds[0][0][0]]
    rest = _TRAIL_EMAIL.sub("", rest)  # 'Por Mariano Martín mmartin@ambito.com.ar'
    v = author_value(rest)
    v = _TRAIL_AND.sub("", v)
    if not v or _CONJ.match(" " + v):
        return False  # 'Autorin und Netzphilosophin Leena Simon': the byline word was a job title
    cjk = bool(CJK_OR_HANGUL.search(v))
    if not cjk:
        h, _ = name_head(v, cues)  # 'By Victoria O’Regan Follow', 'Posted by T. V. Raman at 2:33 PM'
        if h and (looks_like_name(h) or _is_user(h)):
            v = h
    if cjk:
        if m.group("w").endswith(_REPORTER_WORDS):
            # '记者 郭剑烽', '記者陳鈞凱／台北報導': a name of a few characters, ended by a separator or the
            # line's end; not a sentence about the reporter ('記者在洞庭湖拍到江豚') or a photo credit
            name = _CJK_NAME.match(v)
            if name is None or _CJK_PHOTO_CREDIT.search(rest):
                return False
            v = name.group(1)
        if not 2 <= len(v) <= 12:
            return False
    elif not looks_like_name(v):
        v = _leading_names(v) or (v if _is_user(v) and len(line) <= 40 else "")
        if not v:
            return False
    f.set_author(i, v, 0 if m.start() == 0 else 2)
    return True


_REPORTER_WORDS = ("记者", "記者", "通讯员", "通訊員")  # byline words a reporter's name follows at once
_CJK_NAME = startcache.compile(r"([\u3400-\u9fff·•]{2,5})(?=$|[\s／/|｜,，、;；)）])")
_CJK_PHOTO_CREDIT = startcache.compile(r"[／/]\s*(?:摄影|攝影|摄|攝)\s*$")  # '記者劉明岩／攝影'


SUFFIX_MAX_WIDTH = 60  # a 'name + reporter' line ('구현모 기자 ninek@hankookilbo.com') is at most this wide


def read_name_suffix(i: int, line: str, cues: LabelCues, f: Found) -> bool:
    """'배윤경 기자': a name followed by a word for 'reporter' (``suffix`` in the cue files)."""
    if cues.suffix_word is None or cues.suffix_word.search(line) is None or _width(line) > SUFFIX_MAX_WIDTH:
        return False
    m = cues.name_suffix.search(line)
    if m is None:
        return False
    f.set_author(i, m.group("name"), 0 if m.start() == 0 else 2)
    return True


DATED_NEAR_LINES = 2  # a split byline's date stands this many lines above its label or below its name
DATED_MAX_WIDTH = 40  # ... on a line this wide at most (a date line, not a sentence mentioning one)


def dated_near(texts: Sequence[str], i: int) -> bool:
    """A short line holding a date stands near a byline word alone on line ``i`` and the value
    under it ('Posted on' / '2015-04-05' / 'by' / 'marc'; 'von' / 'flerche' / '21. September
    2019'): a dump of text nodes split a byline, and a user name ('marc') is its author."""
    near = [*range(max(0, i - DATED_NEAR_LINES), i), *range(i + 2, min(len(texts), i + 2 + DATED_NEAR_LINES))]
    return any(_width(texts[j]) <= DATED_MAX_WIDTH and find_dates(texts[j]) for j in near)


SPLIT_BYLINE_MAX = 80  # the name's line of a byline split after its word is at most this long


def read_label_then_name(i: int, texts: Sequence[str], cues: LabelCues, f: Found, rank: int) -> bool:
    """'Von' / 'By' / 'Artikel von:' alone on a line, the name on the next one (which is consumed).

    Beside a date (``dated_near``) the two are a byline as sure as one on a single line, and take
    rank ``rank - 1`` ('di' / 'Luca Monaco' / … / '05 Gennaio 2025' over a related teaser's 'di
    Teresa Fallavollita' further down); without one they may be a menu's header and its first item
    ('Auteurs' / 'Pierre Puchot')."""
    s = texts[i]
    if len(s) > 30 or i + 1 >= len(texts) or s.strip().lower().strip(STRIP) not in cues.label_only:
        return False
    nxt = texts[i + 1].strip()
    if nxt.lower().strip(STRIP) in cues.label_only:
        return False  # 'Post author' / 'By' / 'Jane Doe': the second label reads the name
    nxt = _HANDLE.sub("", nxt.lstrip(":： "))  # 'Von' / ': Adrian Padeanu': the colon split off with the name
    if cue_noise(nxt):
        return False  # 'Von' then 'Suche': a menu
    head = _name_with_tail(nxt, cues)[0]  # 'Lucy ThorntonNews Reporter'
    if head and looks_like_name(head):
        nxt = head
    dated = dated_near(texts, i)
    if looks_like_name(nxt) or (_is_user(nxt) and (s.rstrip()[-1:] in ":：" or dated)):
        f.set_author(i + 1, author_value(nxt), max(0, rank - 1) if dated else rank)
        f.consumed[i + 1] = ("NC-META", "author")
        return True
    # a byline split after its word: the two lines read as one ('Von' / 'Felix Schröder und Jörg Soldwisch, dpa'),
    # when the names are most of the second line (not a sentence's first word: 'Autor' / 'Der Autor dieses Blogs ...')
    whole = Found()
    if len(nxt) <= SPLIT_BYLINE_MAX and read_byline(i + 1, s.strip() + " " + nxt, cues, whole, short=False) \
            and whole.author and 2 * len(whole.author[1].split()) >= len(nxt.split()) \
            and (dated or looks_like_name(whole.author[1]) or re.search(r"[\d_.-]", whole.author[1])):
        # (a user name beside no date only with a digit or a mark: 'by' / 'delta201', 'Von' / 't-online, jse';
        # not 'von' / 'heute')
        f.set_author(i + 1, whole.author[1], max(0, rank - 1) if dated else rank)
        f.consumed[i + 1] = ("NC-META", "author")
        return True
    return False


def _leading_names(v: str) -> str:
    """'Jessica Holly, Gail Levy, 7 News WSVN' → 'Jessica Holly, Gail Levy': the names a list opens with."""
    parts = [p.strip() for p in re.split(r"\s*[,;&]\s*", v)]
    names = []
    for p in parts:
        if not (looks_like_name(p) and 2 <= len(p.split()) <= 4):
            break
        names.append(p)
    return ", ".join(names)


ROLE_MODIFIERS_MAX = 2  # 'Richard Adams Education editor': words of a job title before its cue word


def name_head(v: str, cues: LabelCues, strong: bool = False) -> tuple[str, str]:
    """'Thabo Mokone Parliamentary editor' → 'Thabo Mokone', 'Helmut Rubik 0' → 'Helmut Rubik': the name a
    byline value opens with, cut where words of a kind that follows names begin. Returns the name and what
    cut it: 'role' (a job title), 'count' ('1 Kommentar', '2 minutes read'), 'after' ('Follow', 'Schreibe
    einen Kommentar'), or, unless ``strong``, 'weak' (a number, a label, 'updated', a date label, a
    preposition: ``LabelCues.name_end``); ('', '') when nothing is cut."""
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
    if kind == "role" and words[0].lower().strip(STRIP) in cues.roles:
        return "", ""  # 'Deputy Content Hub Director': a job title alone, no name before it
    if kind == "role":
        comma = next((k for k, w in enumerate(words) if w.endswith(",")), None)
        if comma is not None:  # 'Uta Staschewski, Projektleiterin der HSS': the name ends at the comma
            words = words[:comma + 1]
        # a job title may open with words of its own ('Parliamentary editor', 'Deputy Content Hub Director')
        if len(words) > 2 + ROLE_MODIFIERS_MAX:
            return "", ""
        words = words[:2] if len(words) > 2 else words
        last = _NAME_PREFIX.sub("", words[-1])
        hump = CAMEL_JOIN.search(last)
        if hump and len(words) >= 2:  # 'Lucy ThorntonNews Reporter': a section glued to the name
            words[-1] = words[-1][: len(words[-1]) - len(last) + hump.start() + 1]
    elif len(words) > 1 and CAMEL_JOIN.search(_NAME_PREFIX.sub("", words[-1])):
        return "", ""  # 'Lesotho TimesNovember 21': words glued together, not a name's end
    if all(w.lower() in cues.newsroom for w in words):
        return "", ""  # 'Staff Writer' is the byline itself
    return " ".join(words).strip(STRIP), kind


_CREDIT_LINE = startcache.compile(
    rf"^\s*(?:©|\(c\)\s|(?:{alternation(context_words('credit_labels')).pattern})\s*:)", re.I)  # 'Foto: LISA MATTISSON'


CAPTION_MENTION_LINES = 6  # a caption's name is mentioned in the text this close to it


def caption_of_person(texts: Sequence[str], j: int, name: str) -> bool:
    """Line ``j`` (a name alone) is followed by a photo credit and the name is mentioned in the lines
    around it ('Friedrich Merz' / 'Foto: REUTERS/Nadja Wohlleben' under 'Friedrich Merz, najpoważniejszy
    kandydat ...'): the caption of a photo of the person the article is about, not its byline (a
    byline's head-shot has a credit too: 'Radek Nohl' / 'Foto: Seznam Zprávy')."""
    if j + 1 >= len(texts) or _CREDIT_LINE.match(texts[j + 1]) is None:
        return False
    near = range(max(0, j - CAPTION_MENTION_LINES), min(len(texts), j + CAPTION_MENTION_LINES + 1))
    return any(k != j and name in texts[k] for k in near)


def _name_alone(s: str) -> bool:
    """A line that is a person's name and nothing else: 2-5 capitalised words of at most 14 letters
    (each part of a double-barrelled one: ``_double_barrelled``), no menu word, no caption (nor a
    caption's sentence: 'Internatskolan Lundsberg.')."""
    words = s.split()
    return len(s) <= 60 and not _SENTENCE_END.search(s) and not CJK_OR_HANGUL.search(s) and looks_like_name(s) and 2 <= len(words) <= 5 \
        and words[0][:1].isupper() and words[-1][:1].isupper() and words[0].lower() not in _NOT_FIRST \
        and not CAMEL_JOIN.search(_NAME_PREFIX.sub("", s)) \
        and not any(k in _NOT_NAME or k in label_cues().roles for k in (w.lower().strip(".,:") for w in words)) \
        and all(len(w) <= 14 or _double_barrelled(w) for w in words) and not cue_noise(s) and not is_caption(s.lower())


def _double_barrelled(w: str) -> bool:
    """A longer word that is a double-barrelled name ('Wunderlich-Pfeiffer', 'Benjamin-Immanuel'): parts of
    at most 14 letters, each capitalised and the rest in lower case (a compound noun with an acronym,
    'ÖBFV-Kooperation', is none)."""
    parts = w.split("-")
    return len(parts) > 1 and all(len(p) <= 14 and p.istitle() and p.isalpha() for p in parts)


NEWSROOM_LINE_WORDS = 4  # 'Redaktion Polizeiticker Schweiz': a newsroom word and the site's name, this many words


def _newsroom_line(s: str, cues: LabelCues) -> bool:
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
    return all(w[:1].isupper() or "." in w for w in others) and not cue_noise(s)


def _name_with_tail(s: str, cues: LabelCues) -> tuple[str, str]:
    """'Thabo Mokone Parliamentary editor' → ('Thabo Mokone', 'role'): a name and a short tail of what follows
    names (a job title, a count, a trailer: ``name_head`` strong ends), not a sentence ('Der Autor dieses
    Blogs ist ...', 'Charles Secrett, Executive Director of Friends of the Earth, said:')."""
    head, kind = name_head(s, cues, strong=True)
    tail = s.split()[len(head.split()):]
    if head and len(tail) <= NAME_TAIL_WORDS and not re.search(r"[,:;!?()\[\]]", " ".join(tail)):
        return head, kind
    return "", ""


def signature_name(s: str, cues: LabelCues, right_under: bool) -> str:
    """A writer's line under the text: 'Harald Bauer Autor' (a name and a job title), '- Nadja Podbregar'
    (a dash and a name), or a name alone ``right_under`` the text's last line ('Lê Phương'); further down,
    a name alone is too often a menu item or a heading to be taken."""
    s = s.strip()
    if s[:1] in "-–—" and _name_alone(s.lstrip(LEAD_DASHES)):
        return s.lstrip(LEAD_DASHES)
    if right_under and _name_alone(s):
        return s
    head, kind = _name_with_tail(s, cues)
    return head if kind == "role" and _name_alone(head) else ""


def _is_user(v: str) -> bool:
    """A user name after an explicit byline word ('von flerche', 'by jdoe_42')."""
    return bool(USERNAME.match(v)) and not v.isdigit() and v.lower() not in _NOT_NAME and len(v) >= 3


_BYLINE_FIELDS = startcache.compile(r"\s{2,}|\s*[|｜/•·●~]\s*|\s+[-–—]\s+")
# the items of a byline's field: a list ('Jane Doe, John Roe'), a date and its time after a joiner of the
# Western languages ('um', 'at'; not all of data/dates.toml's time_joiners: the Russian 'в' and Polish 'o' are also 'in'
# and 'about' inside a headline's words)
_BYLINE_ITEMS = startcache.compile(r",\s+|\s+(?:um|at|à|alle|a las)\s+")


def _byline_segments(rest: str):
    """The segments of a byline line, each with the number of the field ('|', '·', ' - ') it is in: a
    field may list several items ('Jane Doe, John Roe')."""
    for k, field in enumerate(_BYLINE_FIELDS.split(rest)):
        for seg in _BYLINE_ITEMS.split(field):
            yield seg, k


PROSE_BEFORE_DATE_WORDS = 6  # a clause this long before a line's date, no posted/updated/byline word in it, is prose


def _prose_before(head: str, cues: LabelCues) -> bool:
    """Whether the words before a line's date are a sentence's, not a byline's ('This entry was posted
    on', 'Veröffentlicht am'): at least ``PROSE_BEFORE_DATE_WORDS`` words, none saying when the page
    was posted or updated nor a byline word."""
    return len(head.split()) >= PROSE_BEFORE_DATE_WORDS and not (
        cues.posted.search(head) or cues.updated.search(head) or cues.author_words.search(head))


def read_name_in_byline(i: int, s: str, ds, f: Found, cues: LabelCues, explicit: bool = False) -> None:
    """'Bettina Kugler 19.10.2019, 05:00 Uhr', 'Gunter Frank / 22.04.2020': the name beside the date.

    ``explicit``: only a name after a byline word ('Veröffentlicht am 03.02.2022 von Sarah Schnieder').
    """
    if f.author is not None and f.author[2] <= (1 if not explicit else 2):
        return
    if explicit and _prose_before(s[:ds[0][0][0]], cues):
        return  # 'The forum is held in Stockholm on 25 October 2016 by CNDS and MSB.': a sentence
    rest = without_spans(s, ds, " | ")
    # a name opening the line is followed by a date or a field separator ('Yasmine Hassan · CBC News · Posted:'),
    # or follows a date that opens it ('6. November 2023 Octavius Hallenstein'); not a date label ('Der Bahnhof
    # am Morgen, aufgenommen am 24. April 2023')
    lead = rest.lstrip(STRIP + " ")
    opening_sep = rest.lstrip().startswith("|") or re.match(r"[^|·•,]*?[\s,]*[|·•]", lead) is not None
    rest = cues.date_labels.sub(" | ", rest)
    opening = True
    outlet = None  # a publication's name met on the way, taken if no person's name follows
    listed = -1  # the field that a label opens: its items are no names ('Tags: B2B, Best Practice')
    for seg, field in _byline_segments(rest):
        seg = seg.strip(STRIP)
        if not seg:
            continue
        first, opening = opening, False
        if CJK_OR_HANGUL.search(seg) or field == listed:
            continue
        seg = _unglue_by(seg, cues)  # 'byMobasir'
        m = cues.author_words.match(seg)
        if m:
            seg = seg[m.end():].strip()
        elif ":" in seg or "：" in seg:
            listed = field
            continue  # a label ('Lesedauer: 2 Min.') unless it follows the name after a byline word
        # 'by Kay 24 Comments', 'Helmut Rubik 0', 'karstenruppert Schreibe einen Kommentar': the name's end
        head, cut = name_head(seg, cues)
        if explicit and not m and cut not in ("after", "count") \
                and not (first and opening_sep and not head and len(seg.split()) >= 2):
            # without a byline word, only a name before a trailer ('Schreibe einen Kommentar') or a name of
            # two words or more opening the line ('Yasmine Hassan · CBC News · Posted: Aug 08, 2024 4:00 AM')
            continue
        if head:
            seg = head
        low = seg.lower()
        if not seg or ":" in seg or "：" in seg or DIGITS_ONLY.match(seg) or low in cues.label_only \
                or low in WEEKDAYS or cues.updated.search(seg) or cues.date_labels.match(seg + " "):
            continue  # 'Letztes Update', 'miércoles', 'Published'
        words = seg.split()
        if seg.lower() in cues.newsroom:
            f.set_author(i, seg, 2)  # 'Redaktion 1. November 2023': the newsroom wrote it
            return
        if (looks_like_name(seg) and 1 <= len(words) <= 4 and not any(w.lower() in _NOT_NAME for w in words)) \
                or (USERNAME.match(seg) and not seg.isdigit() and low not in _NOT_NAME and len(seg) >= 3
                    and not re.search(r"\d{2}", seg)):
            if len(words) == 1 and not m and (cut == "weak" or not (
                    (cut == "count" and not seg.isupper()) or seg[:1].islower() or re.search(r"\d|_", seg)
                    or CAMEL_JOIN.search(seg))):
                # one capitalised word beside a date is a weekday, place or section, not a user ('Cortyn
                # 1 Kommentar', 'MikeNils' are); a word before a time is 'klo 14.00', 'um 10:15'
                continue
            if len(words) >= 2 and words[0].lower() in _OUTLET_FIRST and not m:
                outlet = outlet or seg
                continue
            f.set_author(i, author_value(seg), 2)
            return
    if outlet is not None:
        f.set_author(i, author_value(outlet), 2)


def read_glued_user(i: int, line: str, f: Found, cues: LabelCues) -> bool:
    """'admin9个月前 (09-24)栏目465': a user name glued to a relative date, a category, a count."""
    if _width(line) > 80:
        return False
    rel = relative_spans(line)
    if not rel:
        return False
    start, end = rel[0]
    user = line[:start].strip(STRIP)
    tail = line[end:]
    p = _PARTIAL_DATE.match(tail.lstrip())
    if p:
        tail = tail.lstrip()[p.end():]
    cat = _TRAIL_COUNT.sub("", tail).strip(STRIP)
    if user and (len(user) > 24 or " " in user.strip() and len(user.split()) > 3):
        return False
    if user and (cues.updated.search(user) or cues.date_labels.match(user + " ")):
        return True  # 'Published 3 seconds ago': a byline without a name
    if user:
        f.set_author(i, user, 1)
    if cat and _width(cat) <= 40 and f.category is None:
        f.category = cat
    return bool(user or cat)


BYLINE_IN_TEXT = 2  # a byline further than this into the text may be a subheading's or a teaser's


def name_by_headline(texts: Sequence[str], f: Found, t: tuple[int, str] | None, ti: int, cs: int,
                     meta_lines: set[int], cues: LabelCues) -> None:
    """A name alone right above the page's date line, or right under the headline with the date line a
    few lines away ('Christoph von Ritter' / '24. April 2020'), beats a byline read further inside the
    text ('Von Risiken und Nebenwirkungen', a subheading; a related teaser's 'Redacción: ANTONIO
    LOBATO'), or above the headline without a byline word (a menu's 'Authors' / 'EDITORIAL'): the
    byline stands by the headline and its date."""
    if f.author is None or t is None or f.date is None or f.date[0] <= ti \
            or ti < f.author[0] <= cs + BYLINE_IN_TEXT or (f.author[0] < ti and f.author[2] == 0):
        return
    d = f.date[0]
    near = [j for j in (ti + 1, ti + 2) if j < cs and abs(j - d) <= DATED_NEAR_LINES + 1] + [d - 1]
    for j in near:
        if ti < j < len(texts) and j not in meta_lines and j != f.author[0]:
            s = name_alone_at(texts, j, cues)
            if s:
                f.replace_author(j, s, 3)
                f.consumed[j] = ("NC-META", "author")
                meta_lines.add(j)
                return


def name_alone_at(texts: Sequence[str], j: int, cues: LabelCues) -> str | None:
    """The name that line ``j`` holds alone (after a byline word, before a handle: 'By Eric
    Levitz@EricLevitz'), unless it is the caption of a photo of that person; None when the line is
    no name."""
    s = _HANDLE.sub("", texts[j].strip()).strip(" ,;|")
    m = cues.author_words.match(s)
    if m:
        s = s[m.end():]
    return s if _name_alone(s) and not caption_of_person(texts, j, s) else None


def name_near_title(texts: Sequence[str], f: Found, t: tuple[int, str] | None, ti: int, cs: int,
                    meta_lines: set[int], cues: LabelCues) -> tuple[int, str] | None:
    """A name alone on a line next to the title or the date line, or any name-only line around the
    start of the text, nearest first; set on ``f`` (its line consumed). A news agency's or a
    publication's name alone by the headline or the date line ('AFP', 'The Guardian'), or a newsroom
    line right by the date line, is taken when no person's name stands by them, and over names
    further away. Returns a newsroom line seen on the way ('Redaktion Polizeiticker Schweiz'), taken
    when no person's name is found."""
    n = len(texts)
    newsroom = None
    agency = None  # an agency's or publication's name alone by the headline or date: when no person's stands by them
    person = None  # the person's name taken, or the names of several
    if f.author is None:
        near = [j for j in (ti + 1, ti + 2, ti - 1) if 0 <= j < n and j != ti and j < cs + 2]
        if f.date is not None:
            near += [f.date[0] - 1, f.date[0] + 1]
            # a dump of text nodes set the separator between the date and the name on a line of its own
            # ('9. September 2025 um 15:46 Uhr' / '/' / 'Frank Wunderlich-Pfeiffer', 'Jane Doe' / '·' / date)
            near += [f.date[0] + 2 * step for step in (-1, 1)
                     if 0 <= f.date[0] + step < n and _separator_alone(texts[f.date[0] + step])]
        close = {j for j in near if j > ti}  # right under the headline or next to the date line
        # then any name-only line around the start of the text, nearest first
        near += sorted(range(max(0, cs - NAME_BEFORE), min(n, cs + NAME_AFTER)), key=lambda j: (abs(j - cs), j))
        near += [j for j in (ti + 3, ti + 4) if j < cs + 2]  # under a standfirst and a photo caption
        for j in near:
            # a name above the headline is a menu item, a section or the site (bylines follow the headline),
            # unless it sits by the date line
            if 0 <= j < n and j not in meta_lines and j != ti \
                    and (t is None or j > ti or (f.date is not None and abs(j - f.date[0]) <= 2)):
                s = _HANDLE.sub("", texts[j].strip()).strip(" ,;|")  # 'Jane Doe @janedoe'
                if len(s) <= 80 and s[:1].isupper() and " " in s and not CJK_OR_HANGUL.search(s):
                    # 'Thabo Mokone Parliamentary editor', 'Kyle Wiggers 7 hours': a name and what follows names
                    s = _name_with_tail(s, cues)[0] or s
                words = s.split()
                if "&" in s or "," in s or "|" in s or "/" in s or _CONJ.search(s):
                    # 'Clara Löw, Siddharth Prakash & Klaus Jacob', 'Adam Vidler and AP' are names; 'Fashion & Beauty'
                    # a menu, 'Verfügbare Bildformate und Bildgrößen' a heading
                    parts = _NAME_LIST.split(s)
                    # (an agency only beside 'and' or a comma: 'Jane Doe/AP' is a photo credit)
                    if 2 <= len(parts) <= 6 and all(looks_like_name(x) and 2 <= len(x.split()) <= 4
                                                    or ("/" not in s and _AGENCY.match(x)) for x in parts) \
                            and not all(_AGENCY.match(x) for x in parts) \
                            and not any(w.lower().strip(".,:") in _NOT_NAME for w in words) and not cue_noise(s):
                        if agency is None or j in close:  # (the agency by the headline over names further from it)
                            person = (j, ", ".join(parts))
                        break
                    continue
                if j in close and (s.lower() in cues.agencies
                                   or words and words[0].lower() in _OUTLET_FIRST and _name_alone(s)):
                    # 'AFP' / '28.04.2023 | 17:52 Uhr': a news agency's or a publication's name alone by the headline
                    # and the date, unless a person's name stands by them too ('The Guardian' / '02/10/2020' /
                    # 'Anna Fazackerley')
                    agency = agency or (j, s)
                    continue
                if newsroom is None and _newsroom_line(s, cues):
                    newsroom = (j, s)  # taken when no person's name is found (here or under the text)
                    if j in close and f.date is not None and abs(j - f.date[0]) == 1:
                        # right by the date line ('06.11.2023 | 14:10' / 'Redaktion Polizeiticker Schweiz'), as an
                        # agency's name is: over a name further away
                        agency = agency or (j, s)
                        continue
                if _name_alone(s) and not caption_of_person(texts, j, s) and not _inside_sentence(texts, j, ti):
                    if agency is None or j in close:  # (the agency by the headline over a name further from it)
                        person = (j, s)
                    break
        taken = person or agency
        if taken is not None:
            f.set_author(taken[0], taken[1], 4)
            f.consumed[taken[0]] = ("NC-META", "author")
            meta_lines.add(taken[0])
    return newsroom


SENTENCE_PART_CHARS = 20  # the lines around a link's text in a dump of text nodes: parts of one sentence this long


_BYLINE_SEPARATORS = frozenset("/|·•-–—")


def _separator_alone(s: str) -> bool:
    """A line that is a byline's separator and nothing else ('/', '|', '·')."""
    s = s.strip()
    return 0 < len(s) <= 2 and all(c in _BYLINE_SEPARATORS for c in s)


def _inside_sentence(texts: Sequence[str], j: int, ti: int) -> bool:
    """Line ``j`` is a link's text inside a sentence that a dump of text nodes split around it ('Much has
    been made about whether' / 'Mauricio Pochettino' / 'will continue as manager next season, ...'): the
    line below goes on with the sentence of the line above (``runs_on``: 'Neil Ferguson' / ', die an einem
    Zahlenrädchen drehen'). (Not under the headline ``ti`` nor above a date: 'Headline' /
    'Dominique Wehrmann' / 'am 4. Februar 2022 um 11:23' is a byline.)"""
    if j == 0 or j + 1 >= len(texts):
        return False
    above, below = texts[j - 1].rstrip(), texts[j + 1].lstrip()
    if j - 1 == ti:
        # right under the headline: the sentence goes on from the name itself ('Just Stop Oil' /
        # 'protesters disrupted a'), in lower case
        return (len(below) >= SENTENCE_PART_CHARS and below[:1].islower() and runs_on(texts[j].rstrip(), below)
                and not find_dates(below))
    return (len(above) >= SENTENCE_PART_CHARS and len(below) >= SENTENCE_PART_CHARS and runs_on(above, below)
            and not find_dates(below))
