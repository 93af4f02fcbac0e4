"""Find a full date (and time) in a line of text and give it as ISO 8601.

``parse_date("2023-04-18 21:25:03    来源:股票牛")`` → ``"2023-04-18T21:25:03"``.

Supported: ISO dates (``2023-04-18``, with ``T``/space time, fractions, ``Z`` or ``+02:00``),
``2023/4/18``, ``2023.04.18``, ``2023年4月18日`` (with 上午/下午 times), day-first dotted
dates (``18.04.2023``, ``18. 04. 2023``, ``18.04.23``), slashed dates (``18/04/2023``;
month-first only when the day cannot be a month or ``dayfirst=False``), month names in
English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Finnish, Polish,
Russian, Greek and a few more ("18 April 2023", "April 18, 2023", "Apr. 18 2023",
"18. April 2023", "18 avril 2023", "18 de abril de 2023", "18 апреля 2023"). Every word of a
date is data (``data/dates.toml``, per language: month and weekday names, the words between a date
and its time, the words of relative dates): a language is added there.

Relative dates ("3 hours ago", "9个月前", "yesterday", "vor 2 Tagen") are resolved only
when a ``reference`` date is given. A date without a year ("(09-24)", "April 18") never
yields a date, and impossible dates (2023-02-30) are rejected.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Callable

from newsclean import startcache
from newsclean.cues import trie

__all__ = ["parse_date", "find_dates", "relative_spans", "MONTHS", "WEEKDAYS"]

MIN_YEAR = 1970
MAX_YEAR = 2100

# the date words of every language (data/dates.toml), merged: month names per month number,
# weekday names, the words for yesterday and today
DATES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "dates.toml")
_WORDS: dict[str, dict] = startcache.toml(DATES_FILE)


def _words(key: str) -> list[str]:
    """The words of one list of data/dates.toml, every language's."""
    return [w for lang in _WORDS.values() for w in lang.get(key, ())]


# a month's names and abbreviations (lower-case; abbreviations are matched with or without a dot)
MONTHS: dict[str, int] = {name: num for lang in _WORDS.values()
                          for num, names in enumerate(lang.get("months", ()), 1) for name in names}
# weekday names (lower-case, with common abbreviations): beside a date they are never a name
WEEKDAYS: frozenset[str] = frozenset(_words("weekdays"))

_MONTH_ALT = trie(sorted(MONTHS))
_WEEKDAY_ALT = trie(sorted(WEEKDAYS))
_MON = rf"(?P<mon>{_MONTH_ALT})\.?"
_WB = r"(?<![^\W\d_])"  # not preceded by a letter
_WE = r"(?![^\W\d_])"  # not followed by a letter
# ... or glued to a lower-case word by lost markup, the month capitalised: "Associated PressApril 28, 2023"
_WB_GLUED = r"(?:(?<![^\W\d_])|(?<=[a-zà-ÿ])(?-i:(?=[A-ZÀ-Þ])))"

# an optional time after the date, with an optional zone
# the words between a date and its time, every language's ('at', 'um', 'kl.')
_TIME = (rf"(?:\s*(?:,|\||-|–|—|·|/|{trie(sorted(set(_words('time_joiners'))))}|T)?\s*"
         r"(?P<ampm1>上午|下午|早上|晚上|中午|凌晨|傍晚)?\s*"
         r"(?P<h>\d{1,2})(?:[:：]|(?<=\d)h|时|點|点)(?P<mi>\d{2})(?:[:：](?P<s>\d{2})(?:[.,]\d+)?)?分?"
         r"(?:\s*(?P<ampm2>[ap]\.?\s?m\.?|AM|PM|Uhr|h)(?![^\W\d_]))?"
         r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?))?)?")

_Y4 = r"(?P<y>(?:19|20)\d{2})"
# the year of a date with a month name: four digits, or two after an apostrophe ("14 Feb ’20")
_Y_NAMED = r"(?:[’'‘](?=\d\d(?!\w)))?(?P<y>(?:19|20)\d{2}|(?<=[’'‘])\d{2}(?!\w))"  # not "the '20s"
# where that year ends: at a non-digit, or before a count, a time or the next date glued to it by lost
# markup ("April 10, 20233 years", "7. Januar 20220", "Apr 28 20232:23 PM", "29. Dezember 202230. Dezember 2022")
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}\.?\s*[^\W\d_])|(?=\d{1,2}:\d\d)|(?=\d{1,3}$))"
_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"

# a day right after a year: the second of two dates glued together ("29. Dezember 202230. Dezember 2022")
_AFTER_YEAR = r"(?<=(?:19|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # ISO-like, year first: 2023-04-18, 2023/4/18, 2023.04.18, 2023-04-18T21:25:03Z
    ("ymd", startcache.compile(rf"(?<![\d.:/-]){_Y4}(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
                               rf"(?:(?!\d)|(?=(?:19|20)\d\d(?P=sep)\d))" + _TIME, re.I)),
    # compact 20230418 (only with a time or a T, else too many false hits)
    ("ymd", startcache.compile(rf"(?<!\d){_Y4}(?P<m>[01]\d)(?P<d>[0-3]\d)T(?P<h>\d{{2}}):?(?P<mi>\d{{2}})(?::?(?P<s>\d{{2}}))?"
                               r"(?:\.\d+)?(?P<tz>Z|[+-]\d{2}:?\d{2})?(?P<ampm1>x)?(?P<ampm2>x)?")),
    # CJK: 2023年4月18日 (Korean 년 월 일 too)
    ("ymd", startcache.compile(rf"(?<!\d){_Y4}\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日号號일]?(?!\d)" + _TIME,
                               re.I)),
    # day-first dotted: 18.04.2023, 18. 04. 2023, 18.04.23
    ("dmy", startcache.compile(rf"(?:(?<![\d.])|{_AFTER_YEAR}){_D}\.\s?{_M}\.\s?(?P<y>(?:19|20)\d{{2}}(?=\d{{1,2}}\.\s?(?:[^\W\d_]|\d{{1,2}}\.\s?\d))|"
                               r"(?:(?:19|20)\d{2}|\d{2})(?![\d]|\.\d))" + _TIME, re.I)),
    # slashed or dashed, year last: 18/04/2023, 04/18/2023, 18-04-2023 (a date glued to its copy, as a
    # page's "published" and "updated" dates lose their markup, ends before the copy: 17/11/201917/11/2019;
    # after a place and a dash, "Madrid-29/05/2025", not after a number and a dash, "12-18/04/2023")
    ("sl", startcache.compile(rf"(?<![\d/.])(?<![\d/.-]-)(?P<a>\d{{1,2}})(?P<sep>[/-])(?P<b>\d{{1,2}})(?P=sep){_Y4}(?:(?![\d/])|(?=\d{{1,2}}(?P=sep)\d{{1,2}}(?P=sep)))" + _TIME, re.I)),
    # day month year: 18 April 2023, 18. April 2023, 18 de abril de 2023, 18th Apr. 2023
    ("dmy", startcache.compile(rf"(?:(?<!\d)|{_AFTER_YEAR}){_D}(?:st|nd|rd|th|er|º|ª)?\.?\s*(?:de\s+|of\s+)?{_WB}{_MON}{_WE},?\s*(?:de\s+|del\s+|,\s*)?"
                               rf"{_Y_NAMED}{_YEAR_END}(?:\s*(?:г\.|года|r\.))?" + _TIME, re.I)),
    # two-digit year, slashed, day first: 30/10/23 (not a fraction or a part of a longer number)
    ("sl", startcache.compile(r"(?<![\d/.,-])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<y>\d{2})(?![\d/.,]\d|\d|/)" + _TIME, re.I)),
    # month day year: April 18, 2023 / Apr. 18 2023 / April 18th, 2023 (a year glued to a time, as markup
    # lost between them leaves it, ends before the time: "Apr 28 20232:23 PM")
    ("mdy", startcache.compile(rf"{_WB_GLUED}{_MON}{_WE}\s*{_D}(?:st|nd|rd|th)?,?\s*{_Y_NAMED}{_YEAR_END}" + _TIME, re.I)),
    # the parts of a date set apart by spaced separators, each once in its own markup: 29 / Dezember / 2022,
    # 26 | 01 | 2022
    ("dmy", startcache.compile(rf"(?<![\d/|])(?P<d>\d{{1,2}})\s+(?P<sep>[/|])\s+(?:(?P<m>\d{{1,2}})|{_MON})\s+(?P=sep)\s+{_Y4}(?![\d/|])",
                               re.I)),
    # a weekday between the day and the month, as a blog's date badge has it: 31 Donnerstag Okt 2019
    ("dmy", startcache.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?:{_WEEKDAY_ALT}),?\s+{_MON}\s+{_Y4}(?!\d)", re.I)),
    # the time between the day and the year, as C's ctime() writes it: Jan 04 09:34 2021, Thu Jan  4 09:34:00 2021
    ("mdy", startcache.compile(rf"{_WB}{_MON}{_WE}\s+{_D}\s+(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?\s+{_Y4}(?!\d)",
                               re.I)),
]

# a cheap test per pattern (same order): text without it cannot match, so the scan is skipped
_Y4_ANY = startcache.compile(r"(?:19|20)\d\d|[’'‘]\d\d(?!\d)")  # a year, or two digits after an apostrophe
_NEEDS: list[Callable[[str, bool], bool]] = [
    lambda t, y4: y4 and ("-" in t or "/" in t or "." in t),
    lambda t, y4: y4 and "T" in t,
    lambda t, y4: y4 and ("年" in t or "년" in t),
    lambda t, y4: "." in t,
    lambda t, y4: y4 and ("/" in t or "-" in t),
    lambda t, y4: y4,
    lambda t, y4: "/" in t,
    lambda t, y4: y4,
    lambda t, y4: y4 and ("/" in t or "|" in t),
    lambda t, y4: y4 and _WORDS_YEAR.search(t) is not None,
    lambda t, y4: y4 and ":" in t and _TIME_YEAR.search(t) is not None,
]
# two words before a year ('Donnerstag Okt 2019'), a time before a year ('09:34 2021'): the only places
# the badge and ctime patterns can match, found much faster than the patterns scan
_WORDS_YEAR = startcache.compile(r"\d\.?\s+[^\W\d_]+,?\s+[^\W\d_]+\.?\s+(?:19|20)\d\d")
_TIME_YEAR = startcache.compile(r"\d:\d\d(?::\d\d)?\s+(?:19|20)\d\d")

# relative dates, resolved against a reference date only
_CJK_WORD = startcache.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # a Chinese or Japanese word


def _merged(key: str) -> dict[str, int]:
    """A table of the date words of every language, merged."""
    return {k.lower(): v for lang in _WORDS.values() for k, v in lang.get(key, {}).items()}


# a number, a unit and 'ago' ('4 hours ago'), or a unit with its word glued to it ('9个月前'); and a word, a
# number and a unit word ('vor 3 Tagen'): data/dates.toml's ago_* tables, with each unit's days
_AGO_UNITS = _merged("ago_units")
_AGO_STEMS = sorted(_merged("ago_stems").items(), key=lambda kv: (-len(kv[0]), kv[0]))  # longest stem first
_GLUED_UNITS = [u for u in _AGO_UNITS if _CJK_WORD.match(u)]
_REL_NUM = startcache.compile(
    rf"(?P<n>\d+)\s*(?:"
    rf"(?P<glued>{trie(sorted(_GLUED_UNITS))})(?:{trie(sorted(set(_words('ago_glued'))))})"
    rf"|(?P<spaced>{trie(sorted(u for u in _AGO_UNITS if u not in _GLUED_UNITS))})\s+(?:{trie(sorted(set(_words('ago_after'))))})"
    r")", re.I)
_REL_PRE = startcache.compile(rf"(?:{trie(sorted(set(_words('ago_before'))))})\s+(?P<n>\d+)\s+(?P<w>[^\W\d_]+)", re.I)
# a day named relative to the reference date ('yesterday', '昨天'): the Chinese and Japanese words
# inside a line, the others as whole words; how many days back each one is
_WORD_DAYS: dict[str, int] = {w: days for lang in _WORDS.values()
                              for key, days in (("today", 0), ("yesterday", 1), ("day_before_yesterday", 2))
                              for w in lang.get(key, ())}
_REL_WORD = startcache.compile(
    rf"(?<![^\W\d_])(?P<w>{trie(sorted(w for w in _WORD_DAYS if not _CJK_WORD.match(w)))})(?![^\W\d_])|"
    rf"(?P<zh>{trie(sorted(w for w in _WORD_DAYS if _CJK_WORD.match(w)))})", re.I)


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 4:
        return v
    return 2000 + v if v <= 69 else 1900 + v


def _tz(tz: str | None) -> str:
    if not tz:
        return ""
    tz = tz.strip().upper()
    if tz == "Z":
        return "+00:00"
    if tz.startswith(("UTC", "GMT")):
        rest = tz[3:].strip()
        if not rest:
            return "+00:00"
        sign, num = rest[0], rest[1:]
        if ":" in num:
            hh, mm = num.split(":")
        elif len(num) > 2:
            hh, mm = num[:-2], num[-2:]
        else:
            hh, mm = num, "00"
        return f"{sign}{int(hh):02d}:{int(mm):02d}"
    sign, num = tz[0], tz[1:].replace(":", "")
    if len(num) != 4 or int(num[:2]) > 14 or int(num[2:]) > 59:
        return ""
    return f"{sign}{num[:2]}:{num[2:]}"


def _time(gd: dict) -> str:
    h = gd.get("h")
    if h is None:
        return ""
    hour, minute = int(h), int(gd["mi"])
    sec = int(gd["s"]) if gd.get("s") else 0
    ampm = (gd.get("ampm1") or "") + (gd.get("ampm2") or "").lower().replace(".", "").replace(" ", "")
    if ampm in ("下午", "晚上", "傍晚", "pm") and hour < 12:
        hour += 12
    elif ampm == "中午" and hour < 11:
        hour += 12
    elif ampm in ("am", "凌晨", "上午", "早上") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or sec > 59:
        return ""
    tz = gd.get("tz")
    if tz and tz[0] in "+-" and not gd.get("s"):
        tz = None  # "10:00-11:30" is a range, not a zone: offsets count after full hh:mm:ss only
    return f"T{hour:02d}:{minute:02d}:{sec:02d}" + _tz(tz)


def _valid(y: int, m: int, d: int) -> bool:
    if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _from_match(kind: str, m: re.Match, dayfirst: bool | None) -> str | None:
    gd = m.groupdict()
    if kind == "sl":
        a, b = int(gd["a"]), int(gd["b"])
        if a > 12:
            d, mo = a, b
        elif b > 12:
            d, mo = b, a
        elif dayfirst is False:
            d, mo = b, a
        else:
            d, mo = a, b
        y = _year2(gd["y"])
    else:
        y = _year2(gd["y"])
        d = int(gd["d"])
        mo = MONTHS[gd["mon"].lower()] if gd.get("mon") else int(gd["m"])
        if kind == "dmy" and not gd.get("mon") and mo > 12 >= d:
            d, mo = mo, d  # '01.21.2020': month first (the day cannot be a month)
    if not _valid(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}" + _time(gd)


def find_dates(text: str, *, reference: _dt.date | None = None,
               dayfirst: bool | None = None) -> list[tuple[tuple[int, int], str]]:
    """Every full date in ``text`` as ((start, end), iso), in order of position.

    Relative dates are included only when ``reference`` is given.
    """
    if not text or not _MAYBE_DATE.search(text):
        if reference is None or not text:
            return []
    found: list[tuple[tuple[int, int], str]] = []
    taken: list[tuple[int, int]] = []
    y4 = _Y4_ANY.search(text) is not None
    for (kind, pat), needs in zip(_PATTERNS, _NEEDS):
        if not needs(text, y4):
            continue  # a character every match of this pattern has is missing: skip the scan
        for m in pat.finditer(text):
            span = m.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            iso = _from_match(kind, m, dayfirst)
            if iso:
                found.append((span, iso))
                taken.append(span)
    if reference is not None:
        for span, iso in _relative(text, reference):
            if not any(span[0] < e and s < span[1] for s, e in taken):
                found.append((span, iso))
                taken.append(span)
    found.sort()
    return found


_HAS_DIGIT = startcache.compile(r"\d")
# every full date has two digits in a row (a year, or a two-digit year after a dotted day and month)
_MAYBE_DATE = startcache.compile(r"\d\d")


def relative_spans(text: str) -> list[tuple[int, int]]:
    """Where the line says how long ago, with a number ('4 hours ago', '9个月前', 'vor 3 Tagen'), in
    order: for the finders that cut such a date out of a byline ('Jane Doe | 4 hours ago',
    'admin9个月前') whether or not a reference date resolves it."""
    if not _HAS_DIGIT.search(text):
        return []
    return sorted(m.span() for pat in (_REL_NUM, _REL_PRE) for m in pat.finditer(text))


def _relative(text: str, ref: _dt.date) -> list[tuple[tuple[int, int], str]]:
    out = []
    for m in _REL_NUM.finditer(text):
        days = _AGO_UNITS.get((m.group("glued") or m.group("spaced")).lower())
        if days is None:
            continue
        out.append((m.span(), _shift(ref, int(m.group("n")) * days)))
    for m in _REL_PRE.finditer(text):
        w = m.group("w").lower()
        days = next((d for stem, d in _AGO_STEMS if w.startswith(stem)), None)
        if days is None:
            continue
        out.append((m.span(), _shift(ref, int(m.group("n")) * days)))
    for m in _REL_WORD.finditer(text):
        w = (m.group("w") or m.group("zh")).lower()
        out.append((m.span(), _shift(ref, _WORD_DAYS.get(w, 0))))
    return out


def _shift(ref: _dt.date, days: int) -> str:
    if isinstance(ref, _dt.datetime):
        ref = ref.date()
    return (ref - _dt.timedelta(days=days)).isoformat()


def parse_date(text: str, *, reference: _dt.date | None = None, dayfirst: bool | None = None) -> str | None:
    """The first full date in ``text`` as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[+HH:MM]``).

    None when the text holds no full date. Relative dates count only with ``reference``.
    """
    found = find_dates(text, reference=reference, dayfirst=dayfirst)
    return found[0][1] if found else None


def date_in_url(url: str | None) -> str | None:
    """A date written in a URL path (/2019/08/02/, /2019-08-02-, /20190802/), or None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


_URL_DATE = startcache.compile(r"(?<![\d])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")

Parser = Callable[[str], "str | None"]
