"""The pure core: ``clean(text) -> Document``. No I/O happens here.

Stages, each in its own module: split into units (``blocks``) → label each unit alone
(``classify``) → score by the learned model (``model``, when shipped) → revise by neighbours
and main region (``context``; ``region`` without the model) → metadata (``metadata``, ``dates``,
``language``) → the rules that need the headline (``lastpass``) → notices written out as whole
sentences, at any length (``notices``) → render (``render``). Decoding bytes is the caller's
(``decode``), and HTML goes through ``newsclean.html`` first.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple, Sequence

from newsclean import blocks, classify, context, language, lastpass, metadata, model, notices, render, repeat, walls
from newsclean.classify import shape
from newsclean.config import DEFAULT, Config
from newsclean.cuematch import PageCues
from newsclean.decode import well_formed
from newsclean.document import FIELD_ORDER, Document, Label, Line, Metadata
from newsclean.thresholds import KICKER_MAX_LINES, LANGUAGE_SAMPLE_CHARS, TITLE_INSIDE_MIN_BEFORE


def _own_markdown(text: str) -> tuple[Metadata, str] | None:
    """Front matter and body if the text is Markdown in newsclean's own shape."""
    data, body = render.split_front_matter(blocks.normalize_newlines(text))
    if data is None or not set(data) <= set(FIELD_ORDER):
        return None
    values = {}
    for name, value in data.items():
        if value is None:
            continue
        if name == "tags":
            values[name] = tuple(str(t) for t in (value if isinstance(value, list) else [value]))
        else:
            values[name] = str(value)
    return Metadata(**values), body


def finish(lines: Sequence[Line], meta: Metadata, config: Config, kind: str,
           body_blocks=None, warnings: tuple[str, ...] = ()) -> Document:
    """The Document of labelled lines and metadata: the kept lines rendered (or ``body_blocks``
    as given); the last step of every input kind (text, HTML, newsclean's own Markdown)."""
    kept = [l for l in lines if l.label is Label.CONTENT]
    body_blocks = render.to_blocks(kept) if body_blocks is None else body_blocks
    md = render.markdown(meta, body_blocks, config.fields, config.front_matter)
    return Document(tuple(lines), meta, tuple(body_blocks), md, kind, warnings)


def kept_prefix(lines: Sequence[Line], limit: int) -> str:
    """The kept lines' text, joined, up to about ``limit`` characters: enough to tell the language."""
    parts, size = [], 0
    for line in lines:
        if line.label is Label.CONTENT:
            parts.append(line.text)
            size += len(line.text) + 1
            if size >= limit:
                break
    return " ".join(parts)[:limit]


def _title_line(fixed: dict[int, tuple[str, str]]) -> int | None:
    """The line the title finder took the headline from (``fixed``: the metadata finders' lines)."""
    return next((i for i, v in fixed.items() if v[0] == "NC-TITLE"), None)


def _title_inside(lines: Sequence[Line], t: int | None) -> int | None:
    """The headline's line ``t`` when it stands inside the kept text: a line the second pass kept,
    under at least ``TITLE_INSIDE_MIN_BEFORE`` columns of kept text.

    The title finder takes the page's best headline, and on a page whose text it could not
    place (a forum thread, a page of several posts, a long page whose sections the dump
    flattened) that may be a heading in the middle of the text. The front matter has it as
    the title all the same, but the line stays in the body: there it is a heading of the text,
    not the headline above it."""
    if t is None or lines[t].label is not Label.CONTENT:
        return None
    before = sum(shape(l.text).width for l in lines[:t] if l.label is Label.CONTENT)
    return t if before >= TITLE_INSIDE_MIN_BEFORE else None


def drop_repeated_title(lines: list[Line], title: str | None, config: Config,
                        keep: int | None = None) -> list[Line]:
    """The title is in the front matter: a body line repeating it goes (but line ``keep``,
    the headline's own line when it stands inside the text, see ``_title_inside``), unless
    ``NC-TITLE`` is switched off. For text and HTML input alike."""
    if not title or "NC-TITLE" in config.disabled_rules:
        return lines
    key = "".join(title.split()).lower()
    out = []
    for line in lines:
        # (the first letter is compared first: it settles almost every line at once)
        if (line.label is Label.CONTENT and line.index != keep and key.startswith(line.text[:1].lower())
                and "".join(line.text.split()).lower() == key):
            line = line.with_final(Label.METADATA, "NC-TITLE", "repeats the title")
        out.append(line)
    return out


def _drop_kicker(lines: list[Line], t: int | None) -> list[Line]:
    """A kicker or section name above the headline ("Здоровье: наука, исследования, гены",
    "EXCLUSIVE") is no part of the article: when all the page keeps above the headline is at
    most ``KICKER_MAX_LINES`` short lines that are no sentences, they go. (The model scores
    such a line from its place right above the article and may keep it.) ``t`` is the
    headline's line."""
    if t is None:
        return lines
    above = {i for i in range(t) if lines[i].label is Label.CONTENT}
    if not above or len(above) > KICKER_MAX_LINES:
        return lines
    if any(not shape(lines[i].text).short or shape(lines[i].text).sentence for i in above):
        return lines
    return [l.with_final(Label.BOILERPLATE, "NC-NAV", "kicker or section name above the headline")
            if l.index in above else l for l in lines]


class Labelled(NamedTuple):
    """A page's units labelled by the first and second passes: what ``clean`` reads its metadata
    and body from (and ``scripts/train_title.py`` its headline candidates)."""

    lines: list[Line]  # the units, labelled
    probs: Sequence[float] | None  # the learned model's P(content) per unit, when it ran
    page_cues: PageCues  # the units' cue matches
    never_title: frozenset[int]  # units no headline comes from: error messages, consent and bot-check notices
    is_wall: bool  # the page is such a notice and nothing else (``walls.drop_wall_page``)


def label(units: Sequence[Line], config: Config = DEFAULT, repeated: frozenset[int] = frozenset()) -> Labelled:
    """The units labelled alone (``classify``), by the learned model, by their neighbours
    (``context``), by the batch's repeated lines and as a wall page."""
    page_cues = classify.scan(units, config.extra_cues)
    # (the first pass drops them, the title finder never takes one; switched off, neither)
    errors, notices = classify.site_messages(units, page_cues, config.disabled_rules)
    first = classify.first_pass(units, config.extra_cues, config.disabled_rules, page_cues, (errors, notices))
    use_model = config.use_model and model.available() and first
    probs = model.predict(first, page_cues) if use_model else None
    revised = context.revise(first, probs, config.disabled_rules)
    if repeated and "NC-REPEAT" not in config.disabled_rules:
        revised = repeat.drop_repeated(revised, repeated)
    revised, is_wall = walls.drop_wall_page(revised, notices)
    return Labelled(revised, probs, page_cues, errors | notices, is_wall)


def clean(text: str, *, url: str | None = None, lang: str | None = None,
          config: Config | None = None, repeated: frozenset[int] = frozenset()) -> Document:
    """Clean one page given as text: keep the article, learn the metadata.

    ``repeated`` are the keys (``repeat.line_key``) of lines that recur across the batch
    this page belongs to; the command line counts them over a folder.
    """
    config = config or DEFAULT
    text = well_formed(text)
    own = _own_markdown(text)
    if own is not None:
        return _clean_own_markdown(*own, url=url, lang=lang, config=config)

    units = blocks.split(text)
    texts = [u.text for u in units]
    labelled = label(units, config, repeated)
    revised, probs = labelled.lines, labelled.probs
    content = [l.index for l in revised if l.label is Label.CONTENT]
    code = lang or language.detect(kept_prefix(revised, LANGUAGE_SAMPLE_CHARS))
    found = metadata.extract(texts, url=url, language=code,
                             content_start=content[0] if content else None,
                             content_end=content[-1] if content else None, page_cues=labelled.page_cues,
                             blocks=[u.block for u in units], errors=labelled.never_title)
    fixed = {i: v for i, v in found.consumed.items() if v[0] not in config.disabled_rules}
    headline = _title_line(fixed)
    inside = _title_inside(revised, headline)
    if inside is not None:
        del fixed[inside]
    lines = drop_repeated_title(context.overlay(revised, fixed), found.metadata.title, config, keep=inside)
    if inside is None and "NC-NAV" not in config.disabled_rules:
        lines = _drop_kicker(lines, headline)
    if inside is None:  # (a headline inside the text has no standfirst under it)
        lines = lastpass.keep_standfirst(lines, headline, probs)
    lines = lastpass.continue_text(lines, probs, config.extra_cues, config.disabled_rules)
    lines = lastpass.keep_sentence_fragments(lines)
    # last, so that no rule brings a notice back
    lines = notices.drop_notices(lines, config.disabled_rules, labelled.page_cues.lower)
    meta = replace(found.metadata, language=code, url=found.metadata.url or url)
    return finish(lines, meta, config, "text", warnings=(walls.WALL_PAGE_WARNING,) if labelled.is_wall else ())


def _clean_own_markdown(meta: Metadata, body: str, *, url: str | None, lang: str | None,
                        config: Config) -> Document:
    """Markdown newsclean wrote: kept as it is, so cleaning twice changes nothing."""
    body_blocks = render.parse_blocks(body)
    lines = [Line(i, b.text, i, (i, i)) for i, b in enumerate(body_blocks)]
    meta = replace(meta, url=meta.url or url, language=meta.language or lang)
    return finish(lines, meta, config, "markdown", body_blocks)
