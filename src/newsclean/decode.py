"""Bytes in, text out: decode a scraped page whatever its encoding, and say if it is HTML.

Scraped dumps arrive as UTF-8 (with or without BOM), UTF-16, or a legacy code page:
GB18030/GBK, Big5, Shift_JIS, cp1252. Detectors guess poorly on short CJK texts, so the
legacy code pages are tried strictly and each decoding is scored by how *common* its
characters are. The legacy encodings carry their own frequency tables: GB2312 level 1,
Big5 level 1 and JIS level 1 are the common characters of each script, so a right guess
lands in them and a wrong one scatters over rare characters. charset_normalizer is only
asked when no candidate looks right (Cyrillic or Greek code pages, EUC-*).

Pure: no I/O. The result always has LF line ends and no BOM.
"""
from __future__ import annotations

import re

from newsclean import startcache
from newsclean.thresholds import HTML_MIN_MARKUP_SHARE

__all__ = ["DecodeError", "decode", "decode_report", "detect", "looks_like_html", "sniff_binary"]


class DecodeError(ValueError):
    """The bytes are not a text page (binary file, or an encoding that cannot be found)."""


# (magic prefix, what it is)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Candidates for bytes that are not UTF-8, in tie-break order. cp932/cp950 are the
# Windows supersets of Shift_JIS/Big5 that real pages are written in; gb18030 is the
# superset of GBK and GB2312. cp1250 (Central European) and cp1251 (Cyrillic)
# are cheap to recognise, so they are tried too.
_LEGACY = ("gb18030", "cp950", "cp932", "cp1251", "cp1252", "cp1250")
_MIN_SCORE = 0.6  # below this, the best candidate is a guess: ask charset_normalizer
_SAMPLE = 3000  # non-ASCII characters scored per candidate


_SURROGATE = startcache.compile("[\ud800-\udfff]")


def well_formed(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD. Decoded bytes never hold one, but a
    library caller's string may (a JSON ``"\\ud83d"`` escape cut from its pair, a file read with
    ``errors="surrogateescape"``), and no UTF encoding, which the core and the output need, takes it."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is (a short description), or None if it may be text."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if (b"\x00" in data[:65536] and _bom(data) is None and _utf16_without_bom(data) is None
            and not _stray_nuls(data[:65536])):
        return "binary data (NUL bytes)"
    return None


def _stray_nuls(sample: bytes) -> bool:
    """A few NUL bytes in a long text (scraped pages carry some: at most one byte in a
    thousand), not the many of a binary format. ``decode`` drops them."""
    return sample.count(b"\x00") * 1000 <= len(sample)


def detect(data: bytes) -> str:
    """The encoding ``decode`` would use for ``data`` (a Python codec name)."""
    return _decode(data)[1]


def decode(data: bytes) -> str:
    """``data`` as text with LF line ends; raises DecodeError for binary or undecodable input."""
    return decode_report(data)[0]


def decode_report(data: bytes) -> tuple[str, str | None]:
    """``decode``, and a one-line warning when the text is not exactly the bytes' content:
    lines in two encodings (a UTF-8 page with lines pasted from a legacy code page), or
    bytes no encoding explains, which become U+FFFD. ``None`` when the decoding is clean."""
    text, enc = _decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    warning = None
    if enc.startswith("mixed"):
        warning = "mixed encodings: " + enc.split(":", 1)[1]
    if "\x00" in text:  # stray NULs in a text page: no reader of the output wants them
        n = text.count("\x00")
        text = text.replace("\x00", "")
        note = f"{n} NUL byte{'s' if n != 1 else ''} dropped"
        warning = f"{warning}; {note}" if warning else note
    return text, warning


def _decode(data: bytes) -> tuple[str, str]:
    bom = _bom(data)
    if bom is not None:
        try:
            return data.decode(bom).lstrip("\ufeff"), bom
        except UnicodeDecodeError as e:
            raise DecodeError(f"invalid {bom} after its byte order mark: {e.reason}") from None
    what = sniff_binary(data)
    if what is not None:
        raise DecodeError(f"not a text page: looks like {what}")
    if b"\x00" in data[:4096]:  # NULs that are not binary: UTF-16 without its BOM
        enc16 = _utf16_without_bom(data)
        if enc16 is not None:
            return data.decode(enc16), enc16
    try:  # the fast path: nearly every page is UTF-8
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    best, best_score, best_enc = _best_legacy(data)
    if best is not None and best_score >= _MIN_SCORE:
        return best, best_enc
    guess = _charset_normalizer(data)
    if guess is not None and not guess[1].startswith(("utf_16", "utf_32", "utf-16", "utf-32")):
        return guess
    if best is not None:
        return best, best_enc
    raise DecodeError("cannot find the text encoding (not UTF-8, UTF-16, GB18030, Big5, Shift_JIS or cp1252)")


def _best_legacy(data: bytes) -> tuple[str | None, float, str]:
    """The legacy code page whose strict decoding of ``data`` looks most like text."""
    best, best_score, best_enc = None, -1.0, ""
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _score(text, enc)
        if (enc in ("cp1252", "cp1250") and best_enc in ("gb18030", "cp950", "cp932")
                and score >= best_score - 0.05 and _latin_runs(text)[2]):
            score += 0.1  # accents one at a time in ASCII words: Latin beats a CJK reading
        if score > best_score:
            best, best_score, best_enc = text, score, enc
    return best, best_score, best_enc


_MIXED_SHARE = 0.25  # UTF-8 characters per non-ASCII byte of the other lines, at least


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 page with some lines that are not UTF-8: lines pasted from a page in a
    legacy code page, or a few broken bytes. The UTF-8 lines stay as they are; the
    others are decoded together by the best legacy code page, or, when none fits, as
    UTF-8 with U+FFFD for the bytes nothing explains. None when the page does not look
    like UTF-8 at all (then the whole page is a legacy code page)."""
    lines = data.splitlines(keepends=True)
    utf8_chars = 0
    bad: list[int] = []
    bad_bytes = 0
    decoded: list[str | None] = []
    for i, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
            bad_bytes += sum(1 for b in line if b >= 0x80)
            decoded.append(None)
            continue
        utf8_chars += sum(1 for c in text if c >= "\x80")
        decoded.append(text)
    if not bad or utf8_chars < 2 or utf8_chars < _MIXED_SHARE * bad_bytes:
        return None
    joined = b"".join(lines[i] for i in bad)
    best, best_score, best_enc = _best_legacy(joined)
    one = best_enc if best is not None and best_score >= _MIN_SCORE and bad_bytes >= 4 else None
    used: dict[str, int] = {}
    lost = 0
    for i in bad:
        enc = one
        if enc is None and sum(1 for b in lines[i] if b >= 0x80) >= 4:  # enough bytes to tell
            text, score, enc = _best_legacy(lines[i])
            enc = enc if text is not None and score >= _MIN_SCORE else None
        if enc is not None:
            decoded[i] = lines[i].decode(enc)
            used[enc] = used.get(enc, 0) + 1
        else:
            text = lines[i].decode("utf-8", errors="replace")
            lost += text.count("\ufffd") - lines[i].decode("utf-8", errors="ignore").count("\ufffd")
            decoded[i] = text
    parts = [f"{n} line{'s' if n != 1 else ''} read as {enc}" for enc, n in sorted(used.items())]
    if lost:
        parts.append(f"{lost} invalid byte sequence{'s' if lost != 1 else ''} replaced by U+FFFD")
    what = ", ".join(parts) + ", the rest UTF-8"
    return "".join(decoded), "mixed:" + what  # type: ignore[arg-type]


def _bom(data: bytes) -> str | None:
    for mark, enc in _BOMS:
        if data.startswith(mark):
            return enc
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NULs in every other byte of its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * half and other == 0:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return enc
    return None


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it the best strict candidate is used
        return None
    match = from_bytes(data).best()
    if match is None:
        return None
    return str(match), match.encoding


def _level1(enc: str, lead_lo: int, lead_hi: int, lo_code: int = 0, hi_code: int = 0xFFFF):
    """A test 'is this character in the common area of code page ``enc``'."""

    def test(ch: str) -> bool:
        try:
            b = ch.encode(enc)
        except UnicodeEncodeError:
            return False
        if len(b) != 2:
            return False
        code = (b[0] << 8) | b[1]
        return lead_lo <= b[0] <= lead_hi and lo_code <= code <= hi_code

    return test


# Common characters per candidate: level-1 ideographs and the code page's punctuation rows.
_GB_HANZI = _level1("gb2312", 0xB0, 0xD7)
_GB_PUNCT = _level1("gb2312", 0xA1, 0xA3)
_BIG5_HANZI = _level1("big5", 0xA4, 0xC6, 0xA440, 0xC67E)
_BIG5_PUNCT = _level1("big5", 0xA1, 0xA3)
_JIS_KANJI = _level1("shift_jis", 0x88, 0x98, 0x889F, 0x9872)
_JIS_PUNCT = _level1("cp932", 0x81, 0x81)
_LATIN_PUNCT = frozenset("\u00a0\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u00ab\u00bb"
                         "\u00b0\u00a7\u00a9\u00ae\u2122\u00b7\u00bf\u00a1\u00a3")


def _score(text: str, enc: str) -> float:
    """Share of the non-ASCII characters that are common ones for ``enc`` (0..1)."""
    if enc in ("cp1252", "cp1250"):
        return _latin_score(text)
    if enc == "cp1251":
        return _cyrillic_score(text)
    good = total = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if enc == "gb18030":  # GBK's other ideographs: traditional text written in GBK
            good += 1.0 if _GB_HANZI(ch) or _GB_PUNCT(ch) else 0.5 * ("\u4e00" <= ch <= "\u9fff")
        elif enc == "cp950":
            good += _BIG5_HANZI(ch) or _BIG5_PUNCT(ch)
        else:  # cp932: kana are the surest sign of Japanese
            good += ("\u3041" <= ch <= "\u30fe") or _JIS_KANJI(ch) or _JIS_PUNCT(ch)
        if total >= _SAMPLE:
            break
    return good / total if total else 0.0


_NON_ASCII_RUN = startcache.compile(r"[^\x00-\x7f\xa0]+")
_IN_WORD_OK = frozenset("\u2019\u2018\u00b7")  # the only symbols met between two letters


def _latin_runs(text: str) -> tuple[int, int, bool]:
    """(good, total, Latin-shaped): Latin text has its accented letters and typographic
    punctuation one at a time inside ASCII words; CJK bytes read as cp1252 give runs of
    two or more accented letters and symbols."""
    good = total = 0
    single = True
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        total += len(run)
        if len(run) > 2 or "\u0192" in run:  # ƒ: Shift_JIS katakana read as cp1252
            single = False
            continue
        start, end = m.span()
        in_word = start and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()
        if all(c.isalpha() or (c in _IN_WORD_OK if in_word else c in _LATIN_PUNCT) for c in run):
            good += len(run)
        single = single and (len(run) == 1 or any(c in _LATIN_PUNCT for c in run))
        if total >= _SAMPLE:
            break
    return good, total, single


def _latin_score(text: str) -> float:
    good, total, _ = _latin_runs(text)
    return good / total if total else 1.0  # nothing but no-break spaces


_CYRILLIC_WORD = startcache.compile(r"[\u0400-\u04ff]+")
_RUSSIAN_SHAPE = startcache.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+")


def _cyrillic_score(text: str) -> float:
    """Russian words are runs of Cyrillic letters, lower case after an optional capital;
    other scripts read as cp1251 give case-mixed runs and lone letters inside Latin words."""
    good = total = 0
    for m in _CYRILLIC_WORD.finditer(text):
        word = m.group()
        total += len(word)
        start, end = m.span()
        inside_latin = (start and text[start - 1].isascii() and text[start - 1].isalpha()) or (
            end < len(text) and text[end].isascii() and text[end].isalpha())
        if len(word) >= 2 and not inside_latin and _RUSSIAN_SHAPE.fullmatch(word):
            good += len(word)
        if total >= _SAMPLE:
            break
    other = sum(1 for c in text[:20000] if c >= "\x80" and not "\u0400" <= c <= "\u04ff")
    total += min(other, _SAMPLE)
    return good / total if total else 0.0


_HTML_START = startcache.compile(r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                                 re.IGNORECASE | re.DOTALL)
_HTML_SKELETON = startcache.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)
# the first thing in a fragment of markup: a tag, a comment, a declaration or an entity ("&nbsp;")
_OPENS_WITH_MARKUP = startcache.compile(r"\A\ufeff?\s*(?:<[a-zA-Z!/?]|&(?:[a-zA-Z]+|#\d+|#x[\da-fA-F]+);)")
_ANY_TAG = startcache.compile(r"<[a-zA-Z!/][^<>]*>")
_CODE_BLOCK = startcache.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = startcache.compile(r"</?(p|div|span|a|br|li|ul|ol|table|tr|td|th|img|script|style|meta|link|h[1-6]|"
                          r"strong|em|b|i|section|article|header|footer|nav|main|form|input|button|iframe|"
                          r"title|noscript|figure|figcaption|blockquote|pre|code|hr)(?:\s[^<>]*)?/?>", re.IGNORECASE)


def markup_share(text: str) -> float:
    """The share of the text's characters that are markup: tags, and script and style
    blocks whole."""
    blocks = sum(len(m.group()) for m in _CODE_BLOCK.finditer(text))
    rest = _CODE_BLOCK.sub("", text) if blocks else text
    return (blocks + sum(map(len, _ANY_TAG.findall(rest)))) / max(1, len(text))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document, judged by its content (never by a file suffix):
    a doctype or <html> at the start; else an <html>/<head>/<body> tag early on, or a text
    that opens with markup and holds many kinds of tags; in a text of which markup is a real
    part. (A text dump of a page about HTML quotes tags, even <head> and <body>, in its prose:
    a few per cent of its characters at most; and a dump opens with the page's first words,
    however many tags a code sample or a comment form further down quotes.)"""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    sample = text[:65536]
    if not _HTML_SKELETON.search(head):
        if not _OPENS_WITH_MARKUP.match(head):
            return False
        tags = _TAG.findall(sample)
        # a plain page quoting a tag or two is not HTML; markup has many kinds of tags
        if len(tags) < 10 or len({t.lower() for t in tags}) < 3:
            return False
    return markup_share(sample) >= HTML_MIN_MARKUP_SHARE
