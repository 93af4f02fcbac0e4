"""HTML input: trafilatura finds the article and its metadata, newsclean finishes the job.

trafilatura reads the markup well but keeps some boilerplate that is plain text inside
the article container (Chinese contact blocks, share prompts, reprint notices), and now
and then finds nothing or a fragment. So the page is also rendered here to the text dump
newsclean reads (one block element a line) and cleaned by the learned text pipeline;
the two opinions are combined line by line in page order. Metadata trafilatura missed is
looked for in the text by newsclean's own finders. trafilatura is imported here only, on
first use.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsclean import language
from newsclean.blocks import split
from newsclean.config import DEFAULT, Config
from newsclean.dates import parse_date
from newsclean.document import Document, Label, Line, Metadata
from newsclean.pipeline import _drop_repeated_title, _finish, clean, kept_prefix
from newsclean.thresholds import LANGUAGE_SAMPLE_CHARS

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")

# ---------------------------------------------------------------------------- trafilatura

def _trafilatura(html: str, url: str | None) -> dict | None:
    """trafilatura's text and metadata as plain values (no lxml trees, so picklable)."""
    import trafilatura  # heavy: only for HTML input

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_precision=False)
    if result is None:
        return None
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return {k: v for k, v in found.items() if isinstance(v, (str, list, tuple, int, float)) or v is None}


def _split_list(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        items = value
    else:
        items = re.split(r"[,;]", str(value))
    return tuple(dict.fromkeys(s.strip() for s in items if s and s.strip()))


def _their_metadata(found: dict) -> Metadata:
    date = found.get("date")
    return Metadata(
        title=(found.get("title") or None),
        date=parse_date(str(date)) if date else None,
        author=(found.get("author") or None),
        source=(found.get("sitename") or None),
        url=(found.get("url") or None),
        tags=_split_list(found.get("tags")),
        category=(_split_list(found.get("categories")) or (None,))[0],
    )


# ------------------------------------------------------------------------------ rendering

_DROP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed",
                   "canvas", "select", "textarea", "button", "input", "audio", "video", "math", "link",
                   "meta", "map"})
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
                    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                    "tr", "ul", "summary", "caption", "center", "menu", "html", "legend", "option", "td",
                    "th", "tbody", "thead", "tfoot"})


def render_text(html: str) -> str:
    """The page's visible text as a plain dump: each block element's text on its own line,
    a blank line between blocks (the shape of the dumps newsclean is trained on)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError on empty documents, ValueError on some encodings
        return _TAG.sub("\n", html)
    out: list[str] = []
    cur: list[str] = []

    def brk() -> None:
        if cur:
            line = _WS.sub(" ", "".join(cur)).strip()
            cur.clear()
            if line:
                out.append(line)

    def hidden(el) -> bool:
        style = (el.get("style") or "").replace(" ", "").lower()
        return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style

    # an explicit stack instead of recursion: pages nest deeper than Python's recursion limit
    stack: list = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if closing:
            if tag in _BLOCK:
                brk()
            if el.tail:
                cur.append(el.tail)
            continue
        if not tag or tag in _DROP or (tag != "html" and hidden(el)):
            if el.tail:  # comments and dropped elements: their tail is still the parent's text
                cur.append(el.tail)
            continue
        if tag in _BLOCK or tag == "br":
            brk()
        if el.text:
            cur.append(el.text)
        stack.append((el, True))
        for child in reversed(el):
            stack.append((child, False))
    brk()
    return "\n\n".join(out) + "\n"


# ------------------------------------------------------------------------------ combining

_KEY = re.compile(r"[\W_]+", re.UNICODE)
_CUE_CODES = frozenset({"NC-CONTACT", "NC-SHARE", "NC-LEGAL", "NC-PAGE", "NC-COMMENT", "NC-PROMPT",
                        "NC-IMAGE", "NC-COUNT", "NC-REL", "NC-CRUMB"})


def _key(s: str) -> str:
    return _KEY.sub("", s).lower()


def _in_text(key: str, joined: str, whole: set[str]) -> bool:
    if not key:
        return False
    if len(key) < 12:
        return key in whole
    return key in joined


def _combined(doc: Document, found: dict) -> list[Line]:
    """The rendered page's lines, in page order, labelled by both extractions.

    The stretch from the first to the last line both trafilatura and the learned pipeline
    kept is the article; inside it a line stays when either kept it (trafilatura's minus
    the boilerplate newsclean's cues name), outside it nothing does. A rendered line counts
    as trafilatura's when its letters occur in trafilatura's text (short lines: as a whole
    line or table cell)."""
    tlines = split(found["text"])
    whole = {_key(l.text) for l in tlines}
    whole |= {_key(cell) for l in tlines if "|" in l.text for cell in l.text.split("|")}  # table cells
    joined = _key(found["text"])  # across trafilatura's line breaks: it splits some blocks more finely
    theirs = [_in_text(_key(l.text), joined, whole) for l in doc.lines]
    ours = [l.label is Label.CONTENT for l in doc.lines]
    cue = [l.first_code in _CUE_CODES or l.code in _CUE_CODES for l in doc.lines]
    both = [i for i, (t, o) in enumerate(zip(theirs, ours)) if t and o]
    if both:
        lo, hi = both[0], both[-1]
    elif any(theirs):  # the two found different things: trust trafilatura's choice
        lo, hi = 0, len(doc.lines) - 1
        ours = [False] * len(ours)
    else:
        return list(doc.lines)
    out = []
    for i, line in enumerate(doc.lines):
        if line.label is Label.METADATA:
            out.append(line)
            continue
        # inside the stretch both agree on: trafilatura's lines (minus cue-named boilerplate)
        # and the model's; outside it nothing (headers, footers, "related" lists)
        keep = lo <= i <= hi and ((theirs[i] and not cue[i]) or ours[i])
        if keep and line.label is not Label.CONTENT:
            line = line.with_final(Label.CONTENT, "NC-TEXT", "kept by trafilatura")
        elif not keep and line.label is Label.CONTENT:
            line = line.with_final(Label.BOILERPLATE, "NC-OUTSIDE", "outside the article trafilatura found")
        out.append(line)
    return out


_SEP = re.compile(r"\s*(?:[|\-–—:：»·•_~/]|::)")


def _pick_title(theirs: str | None, ours: str | None, site: str | None) -> str | None:
    """trafilatura's title (og:title, <title>), without the site's name when newsclean found
    the bare headline in the page or the suffix is the site name trafilatura found."""
    if not theirs:
        return ours or None
    if ours and len(ours) < len(theirs) and theirs.startswith(ours) and _SEP.match(theirs[len(ours):]):
        return ours
    if site and theirs.endswith(site) and len(site) < len(theirs):
        head = theirs[: -len(site)].rstrip()
        cut = re.sub(r"\s*(?:[|\-–—:：»·•_~/]|::)\s*$", "", head)
        if cut != head and cut.strip():
            return cut.strip()
    return theirs


def clean_html(html: str, *, url: str | None = None, lang: str | None = None,
               config: Config | None = None) -> Document:
    """Clean one page given as HTML: trafilatura's extraction and newsclean's own pipeline on
    the rendered page, combined (see ``_combined``); metadata from trafilatura first."""
    config = config or DEFAULT
    found = _trafilatura(html, url)
    doc = clean(render_text(html), url=url, lang=lang, config=config)
    if not found or not (found.get("text") or "").strip():
        return replace(doc, input_kind="html")
    lines = _combined(doc, found)
    theirs = _their_metadata(found)
    title = _pick_title(theirs.title, doc.metadata.title, found.get("sitename"))
    meta = replace(theirs, title=title).merged(doc.metadata)
    lines = _drop_repeated_title(lines, meta.title)
    meta = replace(meta, language=lang or language.detect(kept_prefix(lines, LANGUAGE_SAMPLE_CHARS)),
                   url=meta.url or url)
    return _finish(lines, meta, config, "html")
