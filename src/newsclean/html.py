"""HTML input: trafilatura finds the article and its metadata, newsclean finishes the job.

trafilatura reads the markup well but keeps some boilerplate that is plain text inside
the article container (Chinese contact blocks, share prompts, reprint notices), and now
and then finds nothing or a fragment. So the page is also rendered here to the text dump
newsclean reads (one block element a line) and cleaned by the learned text pipeline;
the two opinions are combined line by line in page order (``_combined``); when the
rendering lost the article (it sits in hidden or script-filled elements), trafilatura's own
text is cleaned instead. Metadata trafilatura missed is looked for in the text by
newsclean's own finders (``_metadata``). trafilatura is imported here only, on first use.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsclean import startcache
from newsclean import language
from newsclean.blocks import composed, split
from newsclean.config import DEFAULT, Config
from newsclean.dates import parse_date
from newsclean.decode import well_formed
from newsclean.document import Document, Label, Line, Metadata
from newsclean.pipeline import clean, drop_repeated_title, finish, kept_prefix
from newsclean.thresholds import LANGUAGE_SAMPLE_CHARS

_TAG = startcache.compile(r"<[^>]+>")
_WS = startcache.compile(r"\s+")

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

_KEY = startcache.compile(r"[\W_]+", re.UNICODE)
_CUE_CODES = frozenset({"NC-ERROR", "NC-WALL", "NC-CONTACT", "NC-SHARE", "NC-LEGAL", "NC-PAGE", "NC-COMMENT", "NC-PROMPT",
                        "NC-IMAGE", "NC-COUNT", "NC-REL", "NC-CRUMB"})


def _key(s: str) -> str:
    return _KEY.sub("", composed(s)).lower()  # (composed as the rendered page's lines are: blocks.split)


def _in_text(key: str, joined: str, whole: set[str]) -> bool:
    if not key:
        return False
    if len(key) < 12:
        return key in whole
    return key in joined


#: below this share of trafilatura's letters found on the rendered page, the rendering lost
#: the article (text in hidden or script-filled elements): trafilatura's own text is cleaned
MIN_COVERAGE = 0.2
#: a line trafilatura kept right next to the agreed stretch joins it when the model gave it
#: at least this P(content) (a lead, a last paragraph; not a "related" list trafilatura took)
EXTEND_P = 0.15
#: lines trafilatura kept that newsclean dropped only for a list header above them: this
#: many make the header a widget inside the article rather than the article's end
WIDGET_LINES = 2

_PROB = startcache.compile(r"\bp=([0-9.]+)")


def _p(line: Line) -> float:
    """The learned model's P(content) for a line it decided (shown in its detail), else -1."""
    if line.code != "NC-MODEL":
        return -1.0
    m = _PROB.search(line.detail or "")
    return float(m.group(1)) if m else -1.0


def _combined(doc: Document, found: dict, title: str | None = None) -> list[Line] | None:
    """The rendered page's lines, in page order, labelled by both extractions; None when
    too little of trafilatura's text is on the rendered page to compare.

    The stretch from the first to the last line both trafilatura and the learned pipeline
    kept is the article, widened by trafilatura's lines right next to it that the model
    found likely enough; inside it a line stays when either kept it (trafilatura's minus
    the boilerplate newsclean's cues name), outside it nothing does. A rendered line counts
    as trafilatura's when its letters occur in trafilatura's text (short lines: as a whole
    line or table cell)."""
    tlines = split(found["text"])
    whole = {_key(l.text) for l in tlines}
    whole |= {_key(cell) for l in tlines if "|" in l.text for cell in l.text.split("|")}  # table cells
    joined = _key(found["text"])  # across trafilatura's line breaks: it splits some blocks more finely
    keys = [_key(l.text) for l in doc.lines]
    theirs = [_in_text(k, joined, whole) for k in keys]
    if sum(len(k) for k, t in zip(keys, theirs) if t) < MIN_COVERAGE * len(joined):
        return None
    ours = [l.label is Label.CONTENT for l in doc.lines]
    cue = [l.first_code in _CUE_CODES or l.code in _CUE_CODES for l in doc.lines]
    title_key = _key(title or "")
    # metadata lines stay metadata; but a line taken for the headline that is not the
    # headline chosen (trafilatura's) is an ordinary line again
    retitled = [l.code == "NC-TITLE" and keys[i] != title_key and theirs[i] for i, l in enumerate(doc.lines)]
    meta = [l.label is Label.METADATA and not retitled[i] for i, l in enumerate(doc.lines)]
    # a list header inside the article (a "Most popular" box) makes the text pipeline drop
    # everything under it; trafilatura, which sees the box's markup, kept the text after it
    under = [i for i, l in enumerate(doc.lines) if theirs[i] and l.first_code == "NC-TEXT" and l.code == "NC-REL"]
    if len(under) >= WIDGET_LINES:
        for i in under:
            ours[i], cue[i] = True, False
    both = [i for i, (t, o) in enumerate(zip(theirs, ours)) if t and o]
    if both:
        lo, hi = both[0], both[-1]
        near = [meta[i] or retitled[i] or (theirs[i] and not cue[i] and _p(l) >= EXTEND_P)
                for i, l in enumerate(doc.lines)]
        while lo > 0 and near[lo - 1]:
            lo -= 1
        while hi < len(doc.lines) - 1 and near[hi + 1]:
            hi += 1
    elif any(theirs):  # the two found different things: trust trafilatura's choice
        lo, hi = 0, len(doc.lines) - 1
        ours = [False] * len(ours)
    else:
        return list(doc.lines)
    out = []
    listed = False  # under a "related" header trafilatura left out, up to its next line
    for i, line in enumerate(doc.lines):
        if theirs[i]:
            listed = False
        elif line.first_code == "NC-REL" and line.label is not Label.CONTENT:
            listed = True
        if meta[i]:
            out.append(line)
            continue
        # inside the stretch both agree on: trafilatura's lines (minus cue-named boilerplate)
        # and the model's (but a list under a "related" header); outside it nothing
        # (headers, footers, "related" lists)
        keep = lo <= i <= hi and ((theirs[i] and not cue[i]) or (ours[i] and not listed))
        if keep and line.label is not Label.CONTENT:
            line = line.with_final(Label.CONTENT, "NC-TEXT", "kept by trafilatura")
        elif not keep and line.label is Label.CONTENT:
            line = line.with_final(Label.BOILERPLATE, "NC-OUTSIDE", "outside the article trafilatura found")
        out.append(line)
    return out


def _trafilatura_lines(doc: Document) -> list[Line]:
    """trafilatura's own text, cleaned as a page: every line stays but the boilerplate
    newsclean's cues name (and the metadata lines, which move to the front matter)."""
    out = []
    for line in doc.lines:
        if line.label is Label.METADATA:
            out.append(line)
        elif line.first_code in _CUE_CODES:
            out.append(line if line.label is Label.BOILERPLATE else line.with_final(Label.BOILERPLATE, line.first_code))
        elif line.label is not Label.CONTENT:
            out.append(line.with_final(Label.CONTENT, "NC-TEXT", "kept by trafilatura"))
        else:
            out.append(line)
    return out


_SEP = startcache.compile(r"\s*(?:[|\-–—:：»·•_~/]|::)")


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
    the rendered page, combined (see ``_merge``)."""
    config = config or DEFAULT
    html = well_formed(html)
    found = _trafilatura(html, url)
    doc = clean(render_text(html), url=url, lang=lang, config=config)
    return _merge(doc, found, url=url, lang=lang, config=config)


def _merge(doc: Document, found: dict | None, *, url: str | None, lang: str | None, config: Config) -> Document:
    """The text pipeline's Document for the rendered page and trafilatura's findings, made
    one: lines by ``_combined`` (or trafilatura's own text, when the rendering lost the
    article), metadata by ``_metadata``."""
    if not found or not (found.get("text") or "").strip():
        return replace(doc, input_kind="html")
    theirs = _their_metadata(found)
    title = _pick_title(theirs.title, doc.metadata.title, found.get("sitename"))
    ours = doc.metadata
    lines = _combined(doc, found, title)
    warnings = doc.warnings
    if lines is None:
        # trafilatura's lines are paragraphs: blank lines keep them from being re-joined
        paragraphs = "\n\n".join(l for l in found["text"].splitlines() if l.strip())
        alone = clean(paragraphs, url=url, lang=lang, config=config)
        lines = _trafilatura_lines(alone)
        ours = ours.merged(alone.metadata)
        warnings = tuple(dict.fromkeys(warnings + alone.warnings))
    meta = _metadata(theirs, ours, title, found)
    lines = drop_repeated_title(lines, meta.title, config)
    meta = replace(meta, language=lang or language.detect(kept_prefix(lines, LANGUAGE_SAMPLE_CHARS)),
                   url=meta.url or url)
    return finish(lines, meta, config, "html", warnings=warnings)


# ------------------------------------------------------------------------------- metadata

#: what content management systems put in the author field when nobody is named
_NO_AUTHOR = frozenset({"admin", "administrator", "author", "name", "noauthor", "posted", "postedby", "follow",
                        "wordpressadmin"})


def _site(author: str, found: dict) -> bool:
    """trafilatura's author is the site itself: its name or host ("Mdr De" for mdr.de)."""
    key = _key(author)
    host = (found.get("hostname") or "").lower().removeprefix("www.")
    return key in {_key(found.get("sitename") or ""), _key(host), _key(host.rsplit(".", 1)[0])} - {""}


def _later(theirs: str | None, ours: str | None) -> str | None:
    """Of two dates for the page, the later day (pages carry older dates than the article's,
    the site's or a first version's, far more often than newer ones); on the same day, the
    one with the time."""
    if not theirs or not ours:
        return theirs or ours
    if theirs[:10] == ours[:10]:
        return ours if len(ours) > len(theirs) else theirs
    return max(theirs, ours, key=lambda d: d[:10])


def _metadata(theirs: Metadata, ours: Metadata, title: str | None, found: dict) -> Metadata:
    """trafilatura's metadata first (it reads the markup's), completed by newsclean's from
    the text; the date is the later of the two; a CMS placeholder is no author, and the
    site's name as author gives way to a person the page names."""
    author = theirs.author
    if author and (_key(author) in _NO_AUTHOR or (ours.author and _site(author, found))):
        author = None
    return replace(theirs, title=title, author=author, date=_later(theirs.date, ours.date)).merged(ours)
