"""Numeric features of a page's units, for the learned line classifier (``newsclean.model``).

``line_features(units)`` returns an array of shape (n_units, len(FEATURE_NAMES)):

* the line itself: length (characters, tokens, display width with CJK counting two), shares of
  CJK / Latin letters / digits / punctuation / upper-case words, first and final characters,
  URLs and e-mail addresses, separators (``|``, ``>``), dates and times, and one flag per rule
  code whose cue words it matches (``cues.hits``);
* its place in the page: relative position (by units and by characters), page size, the
  page's *main region* (the stretch of units with the largest sum of ``width - penalty``:
  where the long text is) and the distance to it, runs of short / long lines around it,
  how often the same text repeats in the page, the size of its blank-line block;
* its neighbourhood: a few key features of the lines at -2, -1, +1, +2, and means over
  windows of +-5 and +-15 lines;
* its words: the learned word scores of ``lexicon`` (mean, largest, smallest, share known).

Cost: character classes are counted for the whole page at once (one code-point lookup table,
a cumulative sum per class); the cue flags come from the page's one cue scan
(``classify.scan``, shared with the first pass); the few other patterns run over the
newline-joined page, restricted to the lines that can match.
``stack_features(p)`` builds the second-stage features from first-stage probabilities.
"""
from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np

from newsclean import lexicon, startcache
from newsclean.cuematch import CONTAINS, PageCues, joined
from newsclean.document import Line
from newsclean.punctuation import CLAUSE_MARKS, FULL_STOPS
from newsclean.thresholds import CUE_MAX_CHARS, LONG_LINE_CHARS, SHORT_LINE_CHARS, STACK_COMMENT_MASS, STACK_SURE

_URL = startcache.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|cn|html?|php)\b", re.I)
# an e-mail address (\S+@\S+\.\w+) is an "@" after a non-space and before \S+\.\w; the "@" found
# first (a literal, which the regex engine finds quickly) and the character before it checked
_AT = startcache.compile(r"@(?=\S+\.\w)")
# (each opens with a lookahead for what every match starts with, a digit or a month's first three
# letters: the regex engine tries its alternatives only where that holds, twice as quick)
_DATE = startcache.compile(r"(?=\d|[adfjmnos][acepou][bcglnprtvy])"
                           r"(?:\b(?:19|20)\d\d[-/.年]\s?\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d\b|\d{1,2}月\d{1,2}日"
                           r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b)", re.I)
_TIME = startcache.compile(r"(?=\d)\b\d{1,2}:\d{2}\b")
_COPY = startcache.compile(r"©|copyright|版权|all rights reserved", re.I)
_URL_L, _DATE_L, _COPY_L = (startcache.compile(p.pattern) for p in (_URL, _DATE, _COPY))  # for lower-cased text


def _lower_same(text: str) -> str | None:
    """The text lower-cased, or None when that would move offsets."""
    low = text.lower()
    return low if len(low) == len(text) else None


_SENT_END = set(FULL_STOPS)
_CLOSE = set("\"'”’」』)）]】»")
_COLON = set(":：")
_COMMA = set(CLAUSE_MARKS)
_BULLET = set("•·-*▪►»>–—・●◆■□◇○+")
_OPEN = set("[【(（「『<《")

CUE_CODES = ("NC-CRUMB", "NC-NAV", "NC-REL", "NC-CONTACT", "NC-SHARE", "NC-LEGAL", "NC-PAGE",
             "NC-COMMENT", "NC-PROMPT", "NC-IMAGE", "NC-COUNT", "NC-TAGS", "NC-LINK", "NC-EDITOR",
             "NC-META")

_BASE = [
    "log_chars", "log_tokens", "log_width", "log_words", "cjk_share", "latin_share", "digit_share",
    "punct_share", "upper_word_share", "avg_word_len", "end_sentence", "end_close", "end_colon",
    "end_comma", "end_digit", "end_letter", "start_bullet", "start_digit", "start_open",
    "url_share", "email", "seps", "date", "time", "copyright", "commas_per_token",
    "short", "long", "cue_any",
] + ["cue_" + c[3:].lower() for c in CUE_CODES]
_NB = ["log_width", "end_sentence", "short", "cue_any", "punct_share", "digit_share",
       "url_share", "seps", "date", "start_bullet", "upper_word_share", "commas_per_token"]
_WIN = ["log_width", "end_sentence", "long", "short", "cue_any", "punct_share", "commas_per_token"]
_PAGE = [
    "rel_pos", "rel_char_pos", "log_n_units", "log_page_width", "width_vs_max", "width_vs_median",
    "in_main", "dist_main", "dist_main_rel", "main_share", "main_start_rel", "main_end_rel",
    "in_main2", "dist_main2", "short_run", "long_run", "repeat", "first_occurrence",
    "dup_later", "block_size", "block_pos", "block_width", "single_block", "diff_prev", "diff_next",
    "dens5_vs_max", "dens15_vs_max", "long_before", "long_after",
]

FEATURE_NAMES: tuple[str, ...] = tuple(
    _BASE + _PAGE
    + [f"{f}@{d:+d}" for d in (-2, -1, 1, 2) for f in _NB]
    + [f"{f}~{w}" for w in (5, 15) for f in _WIN]
    + list(lexicon.SCORE_NAMES)
)
_IDX = {n: i for i, n in enumerate(_BASE)}
_N_BASE = len(_BASE)
_CUE_COLUMN = {c: j for j, c in enumerate(CUE_CODES)}
_NB_IDX = [_IDX[f] for f in _NB]
_WIN_IDX = [_IDX[f] for f in _WIN]

STACK_NAMES: tuple[str, ...] = (
    "p", "p@-1", "p@+1", "p@-2", "p@+2", "p@-3", "p@+3", "p~3", "p~7", "p~15",
    "p_prev_max5", "p_next_max5", "p_page_mean", "p_page_max", "p_in_main", "p_dist_main",
    "p_rank_rel", "p_block_mean", "p_mass_before", "p_mass_after", "dist_sure_above",
    "dist_sure_below", "p_prev_sentence", "p_next_sentence", "comment_cue_above",
)


_CJK_R = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_DIGIT_R = ((0x30, 0x39), (0xFF10, 0xFF19))
_PUNCT_R = ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E), (0xA1, 0xBF), (0x2000, 0x206F),
            (0x2190, 0x21FF), (0x2500, 0x27BF), (0x3001, 0x303F), (0x30FB, 0x30FB), (0xFF01, 0xFF0F),
            (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65))
_UPPER_R = ((0x41, 0x5A), (0xC0, 0xDE), (0x391, 0x3A9), (0x410, 0x42F))
_SPACE_CHARS = "\t\n \u00a0\u3000\u200b\ufeff"

# one bit per character class, looked up for every code point of the page at once
(_B_CJK, _B_DIGIT, _B_PUNCT, _B_SPACE, _B_COMMA, _B_SEP, _B_UPPER,
 _B_SENT, _B_CLOSE, _B_COLON, _B_BULLET, _B_OPEN) = (1 << i for i in range(12))
_N_COUNTED = 7  # the first seven bits are counted per line


def _class_table() -> np.ndarray:
    t = np.zeros(0x10000, dtype=np.uint16)
    for bit, ranges in ((_B_CJK, _CJK_R), (_B_DIGIT, _DIGIT_R), (_B_PUNCT, _PUNCT_R), (_B_UPPER, _UPPER_R)):
        for lo, hi in ranges:
            t[lo:hi + 1] |= bit
    for bit, chars in ((_B_SPACE, _SPACE_CHARS), (_B_COMMA, _COMMA), (_B_SEP, "|｜/>»›→"),
                       (_B_SENT, _SENT_END), (_B_CLOSE, _CLOSE), (_B_COLON, _COLON),
                       (_B_BULLET, _BULLET), (_B_OPEN, _OPEN)):
        for c in chars:
            t[ord(c)] |= bit
    t[0xFFFF] = 0  # stands for every code point above the BMP
    return t


_CLASS = _class_table()


def _joined(parts: list[str]) -> tuple[str, np.ndarray]:
    """The parts joined by newlines, and the offset where each starts (as an array)."""
    text, starts = joined(parts)
    return text, np.asarray(starts, dtype=np.int64)


def _match_lines(pattern: re.Pattern, text: str, st: np.ndarray) -> list[int]:
    """The line numbers of the pattern's matches (within one line) in a newline-joined text."""
    pos = [m.start() for m in pattern.finditer(text) if "\n" not in m.group()] if text else []
    return list(np.searchsorted(st, np.array(pos), side="right") - 1) if pos else []


def _base_features(texts: list[str], page_cues: PageCues, out: np.ndarray) -> None:
    """The per-line features (``_BASE``) of all lines, computed over the joined page at once,
    written into ``out`` (n x len(_BASE))."""
    n = len(texts)
    lens = np.fromiter((len(s) for s in texts), dtype=np.int64, count=n)
    page, starts = _joined(texts)
    cp = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # (a lone surrogate is a code point)
    cls = _CLASS[np.minimum(cp, 0xFFFF)]
    wch = (cls & (_B_CJK | _B_PUNCT | _B_SPACE)) == 0
    wch &= cp != 0x5F
    wstart = wch.copy()
    wstart[1:] &= ~wch[:-1]
    # per-character indicators as rows (contiguous), summed per line by a cumulative sum
    rows = np.empty((_N_COUNTED + 3, len(cp) + 1), dtype=np.int32)
    rows[:, 0] = 0
    rows[:_N_COUNTED, 1:] = (cls[None, :] >> np.arange(_N_COUNTED, dtype=np.uint16)[:, None]) & 1
    rows[_N_COUNTED, 1:] = wch
    rows[_N_COUNTED + 1, 1:] = wstart
    rows[_N_COUNTED + 2, 1:] = wstart & ((cls & _B_UPPER) > 0)
    np.cumsum(rows, axis=1, out=rows)
    counts = (rows[:, starts + lens] - rows[:, starts]).T.astype(float)
    ncjk, ndig, npun, nspc, ncomma, nseps = (counts[:, k] for k in range(6))
    wlen, nw, nup = counts[:, 7], counts[:, 8], counts[:, 9]
    nlet = lens - ndig - npun - nspc  # letters, CJK included
    width = lens + ncjk
    ntok = ncjk + nw
    inv = 1.0 / np.maximum(lens, 1)
    nonempty = lens > 0
    last_i = np.minimum(np.maximum(starts + lens - 1, 0), max(len(cp) - 1, 0))  # (np.clip costs more)
    first_c = np.where(nonempty, cls[np.minimum(starts, max(len(cp) - 1, 0))], 0) if len(cp) else np.zeros(n, np.uint16)
    last_c = np.where(nonempty, cls[last_i], 0) if len(cp) else np.zeros(n, np.uint16)
    last_alpha = ((last_c & (_B_DIGIT | _B_PUNCT | _B_SPACE)) == 0) & nonempty

    # the patterns only look at lines of moderate width (menus, bylines, footers), and each
    # only at lines that have the characters it needs
    testable = width <= CUE_MAX_CHARS * 3

    def sub(mask: np.ndarray) -> tuple[str, np.ndarray]:
        return _joined([s if t else "" for s, t in zip(texts, mask.tolist())])

    short_page, sstarts = sub(testable)
    digits_page, dstarts = sub(testable & (ndig >= 1))

    def flag(pattern: re.Pattern, text: str, st: np.ndarray) -> np.ndarray:
        out = np.zeros(n)
        ln = _match_lines(pattern, text, st)
        out[ln] = 1.0
        return out

    # case-insensitive patterns run faster as case-sensitive ones over lower-cased text
    # (when lower-casing keeps every offset, as it does but for a few letters like "İ")
    short_low, digits_low = _lower_same(short_page), _lower_same(digits_page)
    urlc = np.zeros(n)
    if "." in short_page:
        dot_page, dot_starts = sub(testable & np.fromiter(("." in s for s in texts), bool, count=n))
        dot_low = _lower_same(dot_page)
        for m in (_URL.finditer(dot_page) if dot_low is None else _URL_L.finditer(dot_low)):
            urlc[int(np.searchsorted(dot_starts, m.start(), side="right") - 1)] += m.end() - m.start()
    email = np.zeros(n)
    if "@" in short_page:
        at = [m.start() for m in _AT.finditer(short_page) if m.start() and not short_page[m.start() - 1].isspace()]
        if at:
            email[np.searchsorted(sstarts, np.array(at), side="right") - 1] = 1.0
    date = flag(_DATE, digits_page, dstarts) if digits_low is None else flag(_DATE_L, digits_low, dstarts)
    tim = flag(_TIME, digits_page, dstarts) if ":" in digits_page else np.zeros(n)
    copy = flag(_COPY, short_page, sstarts) if short_low is None else flag(_COPY_L, short_low, sstarts)

    flags = out[:, len(_BASE) - len(CUE_CODES):]
    _cue_flags(page_cues, testable, width <= CUE_MAX_CHARS, flags)
    cue_any = flags.max(axis=1)
    cols = [
        np.log1p(lens), np.log1p(ntok), np.log1p(width), np.log1p(nw),
        ncjk * inv, (nlet - ncjk) * inv, ndig * inv, npun * inv,
        nup / np.maximum(nw, 1), wlen / np.maximum(nw, 1),
        (last_c & _B_SENT) > 0, (last_c & _B_CLOSE) > 0, (last_c & _B_COLON) > 0,
        (last_c & _B_COMMA) > 0, (last_c & _B_DIGIT) > 0, last_alpha,
        (first_c & _B_BULLET) > 0, (first_c & _B_DIGIT) > 0, (first_c & _B_OPEN) > 0,
        np.minimum(urlc * inv, 1.0), email > 0, nseps, date > 0, tim > 0, copy > 0,
        ncomma / np.maximum(ntok, 1),
        width <= SHORT_LINE_CHARS, width >= LONG_LINE_CHARS, cue_any,
    ]
    for j, col in enumerate(cols):  # (column by column into one array: no stacking copies)
        out[:, j] = col


def _shift(a: np.ndarray, d: int, fill: float = 0.0) -> np.ndarray:
    """b[i] = a[i + d] (fill outside the page)."""
    out = np.full_like(a, fill)
    n = a.shape[0]
    if abs(d) >= n:
        return out
    if d > 0:
        out[: n - d] = a[d:]
    elif d < 0:
        out[-d:] = a[: n + d]
    else:
        out[:] = a
    return out


def _window_mean(a: np.ndarray, w: int) -> np.ndarray:
    """Mean of a over [i-w, i+w] (clipped to the page), along axis 0."""
    n = a.shape[0]
    c = np.concatenate([np.zeros((1,) + a.shape[1:]), np.cumsum(a, axis=0)])
    idx = np.arange(n)
    lo = np.maximum(idx - w, 0)
    hi = np.minimum(idx + w + 1, n)
    cnt = (hi - lo).astype(float)
    if a.ndim > 1:
        cnt = cnt[:, None]
    return (c[hi] - c[lo]) / cnt


def _max_region(score: np.ndarray) -> tuple[int, int]:
    """[a, b] (inclusive) with the largest sum of score: b ends the best span (the first
    such end), a is where the prefix sum before it is lowest (the first such place)."""
    c = np.concatenate([[0.0], np.cumsum(score)])
    b = int(np.argmax(c[1:] - np.minimum.accumulate(c[:-1])))
    return int(np.argmin(c[:b + 1])), b


def _runs(flag: np.ndarray) -> np.ndarray:
    """Length of the run of True the unit is in (0 when False)."""
    n = len(flag)
    out = np.zeros(n)
    if n == 0:
        return out
    f = flag.astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], f, [0]])))
    lengths = edges[1::2] - edges[::2]
    out[f.astype(bool)] = np.repeat(lengths, lengths)  # the flagged units are the runs' units, in order
    return out


def _groups(blk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group number of each unit, size of each group) for block numbers, numbered in sorted order."""
    if len(blk) and (blk[1:] >= blk[:-1]).all():  # the usual case: blocks come in order
        new = np.empty(len(blk), dtype=bool)
        new[0] = True
        new[1:] = blk[1:] != blk[:-1]
        inv = np.cumsum(new) - 1
        return inv, np.bincount(inv)
    _, inv, cnt = np.unique(blk, return_inverse=True, return_counts=True)
    return inv, cnt


def _median(a: np.ndarray) -> float:
    """np.median without its import cost (about 20 ms of start-up for one number)."""
    s = np.sort(a)
    m = len(s) // 2
    return float(s[m]) if len(s) % 2 else float((s[m - 1] + s[m]) / 2)


def _dist(n: int, a: int, b: int) -> np.ndarray:
    idx = np.arange(n)
    return np.where(idx < a, a - idx, np.where(idx > b, idx - b, 0)).astype(float)


def _cue_flags(page_cues: PageCues, testable: np.ndarray, short: np.ndarray, flags: np.ndarray) -> None:
    """One column per code of ``CUE_CODES`` in ``flags``: the line has a cue of it (``contains``
    cues count on short lines only)."""
    flags[:] = 0.0
    column = [_CUE_COLUMN.get(c, -1) for c in page_cues.codes]
    testable, short = testable.tolist(), short.tolist()
    for i, hits in enumerate(page_cues.hits):
        if hits and testable[i]:
            for h in hits:
                j = column[h.code]
                if j >= 0 and (h.kind != CONTAINS or short[i]):
                    flags[i, j] = 1.0


def line_features(units: Sequence[Line], page_cues: PageCues | None = None,
                  words: lexicon.Table | dict[str, float] | None = None) -> np.ndarray:
    """Features of every unit of one page, shape (len(units), len(FEATURE_NAMES)).

    ``page_cues`` is the page's ``classify.scan`` (computed here when not given); ``words`` the
    word-score table (``lexicon``; the shipped one when not given: training passes tables that
    never saw the page)."""
    n = len(units)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    if page_cues is None:
        from newsclean.classify import scan

        page_cues = scan(units)
    texts = [u.text for u in units]
    out = np.empty((n, len(FEATURE_NAMES)))
    base = out[:, :_N_BASE]
    _base_features(texts, page_cues, base)
    width = np.expm1(base[:, _IDX["log_width"]])
    logw = base[:, _IDX["log_width"]]
    short = base[:, _IDX["short"]] > 0
    long_ = base[:, _IDX["long"]] > 0
    idx = np.arange(n, dtype=float)
    total = width.sum()
    cumw = np.cumsum(width) - width
    # main region: largest sum of (width - penalty), capped so one huge line does not dominate
    capped = np.minimum(width, 400.0)
    a, b = _max_region(capped - 60.0)
    d1 = _dist(n, a, b)
    a2, b2 = _max_region(np.where(base[:, _IDX["end_sentence"]] + base[:, _IDX["end_close"]] > 0,
                                  capped, 0.0) - 30.0)
    d2 = _dist(n, a2, b2)
    # repetition
    lower = page_cues.lower if len(page_cues.lower) == n else [t.lower() for t in texts]
    # each distinct text numbered in order of first occurrence (a dict keeps insertion order)
    key_id = {k: i for i, k in enumerate(dict.fromkeys(lower))}
    ids = np.fromiter(map(key_id.__getitem__, lower), dtype=np.int64, count=n)
    rep = np.bincount(ids)[ids].astype(float)
    prev_max = np.maximum.accumulate(np.concatenate([[-1], ids[:-1]]))
    first_occ = (ids > prev_max).astype(float)  # ids are numbered in order of first occurrence
    last_pos = np.zeros(len(key_id), dtype=np.int64)
    np.maximum.at(last_pos, ids, np.arange(n))
    dup_later = (last_pos[ids] > np.arange(n)).astype(float)
    # blocks
    binv, bcount = _groups(np.fromiter((u.block for u in units), dtype=np.int64, count=n))
    bwidth = np.bincount(binv, weights=width)
    bstart = np.zeros(len(bcount), dtype=int)
    bstart[1:] = np.cumsum(bcount)[:-1]
    bpos = (np.arange(n) - bstart[binv]) / np.maximum(bcount[binv] - 1, 1)
    dens5 = _window_mean(capped, 5)
    dens15 = _window_mean(capped, 15)
    longc = np.cumsum(long_ * width)
    page = [
        idx / max(n - 1, 1), cumw / max(total, 1.0), math.log1p(n),
        math.log1p(total), width / max(width.max(), 1.0),
        width / max(_median(width), 1.0),
        ((idx >= a) & (idx <= b)).astype(float), np.log1p(d1), d1 / n,
        capped[a:b + 1].sum() / max(capped.sum(), 1.0), a / n, b / n,
        ((idx >= a2) & (idx <= b2)).astype(float), np.log1p(d2),
        np.log1p(_runs(short)), np.log1p(_runs(long_)), np.log1p(rep - 1), first_occ, dup_later,
        np.log1p(bcount[binv]), bpos, np.log1p(bwidth[binv]), (bcount[binv] == 1).astype(float),
        np.abs(logw - _shift(logw, -1)), np.abs(logw - _shift(logw, 1)),
        dens5 / max(dens5.max(), 1.0), dens15 / max(dens15.max(), 1.0),
        (longc - long_ * width) / max(longc[-1], 1.0), (longc[-1] - longc) / max(longc[-1], 1.0),
    ]
    for j, col in enumerate(page, _N_BASE):  # (a number fills its column)
        out[:, j] = col
    # the neighbours' features, then the windows' means
    nb = base[:, _NB_IDX]
    k = _N_BASE + len(_PAGE)
    for d in (-2, -1, 1, 2):
        out[:, k:k + len(_NB)] = _shift(nb, d)
        k += len(_NB)
    wb = base[:, _WIN_IDX]
    for w in (5, 15):
        out[:, k:k + len(_WIN)] = _window_mean(wb, w)
        k += len(_WIN)
    out[:, k:k + lexicon.N_SCORES] = lexicon.scores(texts, words)
    return out


_END_SENTENCE, _CUE_COMMENT = FEATURE_NAMES.index("end_sentence"), FEATURE_NAMES.index("cue_comment")


def _nearest_before(mask: np.ndarray) -> np.ndarray:
    """Index of the nearest i' < i with mask[i'] (-1 when none)."""
    n = len(mask)
    pos = np.where(mask, np.arange(n), -1)
    last = np.maximum.accumulate(pos) if n else pos
    out = np.full(n, -1)
    out[1:] = last[:-1]
    return out


def _nearest_after(mask: np.ndarray) -> np.ndarray:
    """Index of the nearest i' > i with mask[i'] (n when none)."""
    n = len(mask)
    rev = _nearest_before(mask[::-1])[::-1]
    return np.where(rev >= 0, n - 1 - rev, n)


def stack_features(p: np.ndarray, units: Sequence[Line] | None = None, X: np.ndarray | None = None) -> np.ndarray:
    """Second-stage features from first-stage P(content) of one page's units (``X``: their
    ``line_features``, for the lines' shapes and cues; without it those features are 0)."""
    n = len(p)
    if n == 0:
        return np.zeros((0, len(STACK_NAMES)))
    p = np.asarray(p, dtype=float)
    idx = np.arange(n)
    # shifted copies as views of one zero-padded array (probabilities are >= 0, so the
    # padding never wins a maximum)
    pad = np.zeros(n + 10)
    pad[5:5 + n] = p

    def shift(d: int) -> np.ndarray:
        return pad[5 + d:5 + d + n]

    prev_max = np.maximum.reduce([shift(-d) for d in range(1, 6)])
    next_max = np.maximum.reduce([shift(d) for d in range(1, 6)])
    a, b = _max_region(p - 0.5)
    d = _dist(n, a, b)
    rank = np.empty(n)
    rank[np.argsort(-p, kind="stable")] = idx
    if units is not None:
        binv, bcnt = _groups(np.fromiter((u.block for u in units), dtype=np.int64, count=n))
        bmean = np.bincount(binv, weights=p) / bcnt
        bm = bmean[binv]
    else:
        bm = p
    # where the page's kept text lies relative to the line
    total = max(float(p.sum()), 1e-9)
    before = np.cumsum(p) - p
    sure = p >= STACK_SURE
    above, below = _nearest_before(sure), _nearest_after(sure)
    if X is not None and len(X):
        sent = X[:, _END_SENTENCE] > 0
        pa, pb = _nearest_before(sent), _nearest_after(sent)
        p_prev = np.where(pa >= 0, p[np.maximum(pa, 0)], 0.0)
        p_next = np.where(pb < n, p[np.minimum(pb, n - 1)], 0.0)
        # a comment cue line ("12 comments", "Leave a reply") under kept text opens a thread
        opener = (X[:, _CUE_COMMENT] > 0) & (before >= STACK_COMMENT_MASS)
        under = np.zeros(n)
        if opener.any():
            under[int(np.argmax(opener)) + 1:] = 1.0
    else:
        p_prev = p_next = under = np.zeros(n)
    cols = [
        p, shift(-1), shift(1), shift(-2), shift(2), shift(-3), shift(3),
        _window_mean(p, 3), _window_mean(p, 7), _window_mean(p, 15), prev_max, next_max,
        p.mean(), p.max(), ((idx >= a) & (idx <= b)).astype(float),
        np.log1p(d), rank / n, bm, before / total, (total - before - p) / total,
        np.log1p(np.where(above >= 0, idx - above, n)), np.log1p(below - idx), p_prev, p_next, under,
    ]
    out = np.empty((n, len(STACK_NAMES)))
    for j, col in enumerate(cols):  # (column by column into one array: no stacking copies)
        out[:, j] = col
    return out
