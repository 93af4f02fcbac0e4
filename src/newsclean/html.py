"""HTML input: trafilatura finds the article and its metadata, newsclean finishes the job.

trafilatura reads the markup well but keeps some boilerplate that is plain text inside
the article container (Chinese contact blocks, share prompts, reprint notices): those go
through newsclean's cue rules. Metadata trafilatura missed is looked for in the text by
newsclean's own finders. trafilatura is imported here only, on first use.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsclean import classify, language, metadata
from newsclean.blocks import split
from newsclean.config import DEFAULT, Config
from newsclean.dates import parse_date
from newsclean.document import Document, Label, Metadata
from newsclean.pipeline import _drop_repeated_title, _finish, clean, kept_prefix
from newsclean.thresholds import LANGUAGE_SAMPLE_CHARS

_TAG = re.compile(r"<[^>]+>")


def _trafilatura(html: str, url: str | None) -> dict | None:
    import trafilatura  # heavy: only for HTML input

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_precision=False)
    if result is None:
        return None
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


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


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura found nothing in, one line per block element."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, Exception):  # lxml raises ParserError (an Exception) on empty documents
        return _TAG.sub("\n", html)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def clean_html(html: str, *, url: str | None = None, lang: str | None = None,
               config: Config | None = None) -> Document:
    """Clean one page given as HTML."""
    config = config or DEFAULT
    found = _trafilatura(html, url)
    if not found or not (found.get("text") or "").strip():
        doc = clean(_fallback_text(html), url=url, lang=lang, config=config)
        return replace(doc, input_kind="html")
    units = split(found["text"])
    first = classify.first_pass(units, config.extra_cues, config.disabled_rules)
    # trafilatura already chose the article: only boilerplate named by a cue goes
    lines = [l.with_final(Label.CONTENT, "NC-TEXT", "kept by trafilatura") if l.first_code == "NC-NAV"
             and l.detail == "short" else l for l in first]
    ours = metadata.extract([u.text for u in units], url=url, content_start=0, content_end=len(units) - 1)
    lines = [l.with_final(Label.METADATA, *ours.consumed[l.index]) if l.index in ours.consumed
             and ours.consumed[l.index][0] != "NC-TITLE" else l for l in lines]
    meta = _their_metadata(found).merged(ours.metadata)
    lines = _drop_repeated_title(lines, meta.title)
    meta = replace(meta, language=lang or language.detect(kept_prefix(lines, LANGUAGE_SAMPLE_CHARS)), url=meta.url or url)
    return _finish(lines, meta, config, "html")
