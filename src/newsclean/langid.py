"""Guess the language of a text (ISO 639-1) with py3langid, loaded lazily once.

Only a bounded prefix of the text is looked at, for speed; too little text gives None.
"""
from __future__ import annotations

import re
import threading

__all__ = ["detect"]

PREFIX_CHARS = 2000  # look at no more than this much text
MIN_LETTERS = 20  # fewer letters than this: None

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_lock = threading.Lock()
_identifier = None


def _model():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    return _identifier


def detect(text: str) -> str | None:
    """The language of ``text`` as an ISO 639-1 code ('zh' for every Chinese variant), or None."""
    if not text:
        return None
    sample = text[:PREFIX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    lang, _score = _model().classify(sample)
    if not lang:
        return None
    lang = lang.lower()
    if lang.startswith("zh") or lang in ("wuu", "yue"):
        return "zh"
    return lang.split("-")[0]
