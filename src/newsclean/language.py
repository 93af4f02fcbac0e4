"""Guess the language of a text (ISO 639-1 code), fast, in pure Python.

    from newsclean.language import detect
    detect("Die Regierung hat heute beschlossen, dass ...")   # -> 'de'

Two steps, on a bounded prefix of the text (``PREFIX_CHARS``):

1. Script. Letters are counted per Unicode script. A script used by one language decides
   alone (Hangul → ko, Greek → el, Thai → th, ...); kana → ja, Han without (much) kana → zh.
   Arabic script → ar / fa / ur and Cyrillic → ru / uk / bg / sr / mk / be / kk are settled
   by distinctive letters where they are decisive, otherwise by the word model below.
2. Words. A naive-Bayes model over the most frequent words of each language (log
   probabilities, plus a per-language floor for any other word), restricted to the
   languages written in the dominant script. The model is trained by
   ``scripts/train_language.py`` from the corpus and from hand-written lists of function
   words, and ships as ``data/language/model.json``; it is read lazily, once.

Returns None for text with fewer than ``MIN_LETTERS`` letters, or when no word of the text
is known to the model for its script.
"""
from __future__ import annotations

import json
import threading
from bisect import bisect_right
from collections import Counter
import os

from newsclean import startcache

__all__ = ["detect", "scores", "load_model", "PREFIX_CHARS", "MIN_LETTERS"]

PREFIX_CHARS = 3000  # look at no more than this much text
MIN_LETTERS = 20  # fewer letters than this: None
MODEL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "language", "model.json")

# Letters of syllabic / logographic scripts carry more than one alphabetic letter each.
_HEAVY = {"han": 3, "kana": 3, "ko": 2}

# (first code point, script) — a code point belongs to the last range starting at or before it.
_RANGES = [
    (0x0000, "latn"), (0x0370, "el"), (0x0400, "cyrl"), (0x0530, "hy"), (0x0590, "he"),
    (0x0600, "arab"), (0x0700, None), (0x0750, "arab"), (0x0780, None), (0x0900, "deva"),
    (0x0980, "bn"), (0x0A00, "pa"), (0x0A80, "gu"), (0x0B00, "or"), (0x0B80, "ta"),
    (0x0C00, "te"), (0x0C80, "kn"), (0x0D00, "ml"), (0x0D80, "si"), (0x0E00, "th"),
    (0x0E80, "lo"), (0x0F00, "bo"), (0x1000, "my"), (0x10A0, "ka"), (0x1100, "ko"),
    (0x1200, "am"), (0x13A0, None), (0x1780, "km"), (0x1800, "mn"), (0x18B0, None),
    (0x1E00, "latn"), (0x1F00, "el"), (0x2000, None), (0x2C00, None), (0x2D00, "ka"),
    (0x2D30, None), (0x2E80, "han"), (0x3040, "kana"), (0x3100, None), (0x3130, "ko"),
    (0x3190, None), (0x31F0, "kana"), (0x3200, None), (0x3400, "han"), (0x4DC0, None),
    (0x4E00, "han"), (0xA000, None), (0xAC00, "ko"), (0xD7B0, None), (0xF900, "han"),
    (0xFB00, None), (0xFB1D, "he"), (0xFB50, "arab"), (0xFE00, None), (0xFE70, "arab"),
    (0xFF00, None), (0xFF21, "latn"), (0xFF5B, None), (0xFF66, "kana"), (0xFFA0, None),
    (0x20000, "han"), (0x30000, None),
]
_STARTS = [r[0] for r in _RANGES]
_SCRIPTS = [r[1] for r in _RANGES]

# Scripts with more than one language: settled by letters (below) and by the word model.
_MULTI = {"latn", "cyrl", "arab", "deva"}
_DEFAULT = {"cyrl": "ru", "arab": "ar", "deva": "hi"}

# Words: letters plus the combining marks that some scripts need inside a word.
# (Digits and '_' come along, for speed; numbers are skipped when scoring.)
WORD_RE = startcache.compile(
    r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u0900-\u0963\u0971-\u097f\u200c\u200d]+"
)

_UK = frozenset("їєґ")
_BE = frozenset("ў")
_KK = frozenset("әғқңөұһ")
_SR = frozenset("ђћ")
_MK = frozenset("ѓќѕ")
_SR_MK = frozenset("љњј")
_UR = frozenset("ےٹڈڑںھ")
_FA = frozenset("پچژگیک")

_lock = threading.Lock()
_model: dict | None = None


def load_model() -> dict:
    """The word model (read once): languages, floors, word index, languages per script."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                with open(MODEL_PATH, encoding="utf-8") as f:
                    m = json.load(f)
                scale = float(m["scale"])
                m["floors_f"] = [f / scale for f in m["floors"]]
                m["scale_f"] = scale
                m["script_idx"] = {s: [m["langs"].index(l) for l in ls] for s, ls in m["scripts"].items()}
                _model = m
    return _model


def _script_counts(words: Counter) -> Counter:
    """Letters per script in a Counter of words (digits are not letters)."""
    counts: Counter = Counter()
    latin = 0
    rest = []
    for w, k in words.items():
        if w.isascii():
            if not w.isdigit():
                latin += len(w) * k
        else:
            rest.append(w * k)
    if rest:
        for ch, n in Counter("".join(rest)).items():
            if not ch.isalpha():
                continue
            o = ord(ch)
            if o < 0x250:
                latin += n
                continue
            script = _SCRIPTS[bisect_right(_STARTS, o) - 1]
            if script is not None:
                counts[script] += n
    if latin:
        counts["latn"] = latin
    return counts


def _by_letters(script: str, sample: str, total: int) -> str | None:
    """Decisive letters of Cyrillic- and Arabic-script languages; None when not decisive."""
    def share(letters: frozenset) -> float:
        return sum(sample.count(c) for c in letters) / total

    if script == "cyrl":
        if share(_KK) > 0.01:
            return "kk"
        if share(_BE) > 0.004:
            return "be"
        if share(_UK) > 0.003 and sample.count("ы") / total < 0.003:
            return "uk"
        if share(_MK) > 0.002:
            return "mk"
        if share(_SR) > 0.002 or (share(_SR_MK) > 0.01 and share(_MK) == 0):
            return "sr"
        low = sample.lower()
        if low.count("ъ") / total > 0.005 and low.count("ы") == 0 and low.count("э") == 0:
            return "bg"
        return None
    if script == "arab":
        if share(_UR) > 0.01:
            return "ur"
        if share(_FA) > 0.02:
            return "fa"
        return None
    return None


def scores(words: list[str], langs: list[str] | None = None) -> dict[str, float]:
    """Log-likelihood (nats) of ``words`` under each language's word model (or those in ``langs``)."""
    m = load_model()
    idx = range(len(m["langs"])) if langs is None else [m["langs"].index(l) for l in langs]
    raw = _raw_scores(Counter(words), m)
    return {m["langs"][i]: raw[i] for i in idx}


def _raw_scores(counts: Counter, m: dict) -> list[float]:
    index = m["words"]
    acc = [0] * len(m["langs"])
    n = 0
    for w, k in counts.items():
        e = index.get(w)
        if e is None:
            if not w.isdigit():
                n += k
        else:
            n += k
            for j in range(0, len(e), 2):
                acc[e[j]] += k * e[j + 1]
    scale = m["scale_f"]
    return [a / scale + n * f for a, f in zip(acc, m["floors_f"])]


def detect(text: str) -> str | None:
    """The language of ``text`` as an ISO 639-1 code ('zh' for every Chinese variant), or None."""
    if not text:
        return None
    sample = text[:PREFIX_CHARS]
    words = Counter(WORD_RE.findall(sample.lower()))
    counts = _script_counts(words)
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return None
    if len(counts) == 1 and "latn" in counts:
        return _by_words("latn", words)
    weighted = {s: n * _HEAVY.get(s, 1) for s, n in counts.items()}
    if "kana" in weighted or "han" in weighted:
        cjk = weighted.pop("kana", 0) + weighted.pop("han", 0)
        weighted["ja" if counts["kana"] >= 0.05 * (counts["kana"] + counts["han"]) else "zh"] = cjk
    # Another script than Latin wins from an eighth of the Latin letters on (menus, names, URLs
    # in Latin letters are common on non-Latin pages; the reverse is rare).
    latin = weighted.pop("latn", 0)
    script = max(weighted, key=weighted.get) if weighted else "latn"
    if script != "latn" and weighted[script] * 8 < latin:
        script = "latn"
    if script not in _MULTI:
        return script
    if script != "latn":
        lang = _by_letters(script, sample, counts[script])
        if lang:
            return lang
    return _by_words(script, words) or _DEFAULT.get(script)


def _by_words(script: str, counts: Counter) -> str | None:
    m = load_model()
    cand = m["script_idx"].get(script)
    if not cand or not counts:
        return None
    index = m["words"]
    if not any(w in index for w in counts):
        return None
    raw = _raw_scores(counts, m)
    best = max(cand, key=raw.__getitem__)
    return m["langs"][best]
