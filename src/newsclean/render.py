"""Render: kept lines to body blocks (paragraphs, subheadings, lists), and to Markdown.

Also the reverse for newsclean's own output (``parse_markdown``), so that cleaning a
cleaned file gives it back unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from newsclean import startcache
from newsclean.blocks import display_width, join_fragments
from newsclean.document import Block, BlockKind, Line, Metadata
from newsclean.punctuation import CLAUSE_MARKS, FULL_STOPS, OTHER_SCRIPT_STOPS
from newsclean.thresholds import HEADING_MAX_CHARS, LIST_ITEM_MAX_COLUMNS, SECTION_HEADING_MAX_WORDS


@lru_cache(maxsize=1)
def _yaml():
    """PyYAML and its fastest safe dumper and loader, imported on first use: most pages' front
    matter is written without it (``_dump_simple``), which saves a single-page run its import."""
    import yaml

    try:
        return yaml, yaml.CSafeDumper, yaml.CSafeLoader
    except AttributeError:  # PyYAML built without libyaml
        return yaml, yaml.SafeDumper, yaml.SafeLoader


_BULLET = startcache.compile(r"^[•·●▪◦■□◆◇○►▶‣⁃∙]\s*|^[-*+]\s+")
_NUMBERED = startcache.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
_GLUED_NUMBER = startcache.compile(r"^(\d{1,3})[.)](?=[^\W\d_])")  # '3.Charlotte': the space lost with the markup
_FINAL = FULL_STOPS + CLAUSE_MARKS + ":：\"'”’)）」』]"  # a line ending in one of these ended its sentence ...
_CONTINUES = startcache.compile(r"^[a-z,.;:!?)\]}%，。、；：！？）」』”’]")
_OPEN_END = "([{“‘「『《（,，、—–-"  # ... unless in one of these, which leave it open


_CLOSERS = "\"'”’)）」』]》"
_INNER_STOPS = "。！？!?" + OTHER_SCRIPT_STOPS  # a sentence inside: a heading has none
_STOPS = FULL_STOPS + CLAUSE_MARKS + ":："
_COLONS = (":", "：")
_ITEM_ENDS = FULL_STOPS + ":："  # an item of a list without markers ends no sentence and opens no list


def _is_heading(text: str) -> bool:
    """Short, no sentence inside or at the end (a closing quote may end it), some letters, no web
    address (a list of links sets 'http://www.cancer.org' above its description)."""
    if len(text) > HEADING_MAX_CHARS * 2 or "://" in text:
        return False  # wider still in columns, or a link
    core = text.rstrip(_CLOSERS)
    return (display_width(text) <= HEADING_MAX_CHARS * 2 and bool(core) and core[-1] not in _STOPS
            and not any(c in _INNER_STOPS for c in core) and any(c.isalpha() for c in text))


def _joins(prev: str, cur: str) -> bool:
    """Whether cur continues the sentence prev broke off (inline markup split a dump's line)."""
    last = prev[-1:]
    open_end = bool(last) and last in _OPEN_END
    if bool(last) and last in _FINAL and not open_end or _BULLET.match(cur) or _NUMBERED.match(cur):
        return False
    return bool(open_end or _CONTINUES.match(cur))


def _item_like(text: str) -> bool:
    """A list's item without its marker: a short line that ends no sentence and opens no list of
    its own ('2 tsp vegetable oil', '1 large onion')."""
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _ITEM_ENDS and display_width(text) <= LIST_ITEM_MAX_COLUMNS \
        and any(c.isalnum() for c in text)


def _unglued_items(texts: list[str]) -> list[str]:
    """The texts, with the space put back after an item's number that lost it ('3.Charlotte Jones'
    among '2. Sam Ponder' and '4. Nicki Case'): a number glued to a word is an item only when the
    item before or after it in the list is numbered the usual way ('1.FC Köln' alone is a name)."""
    glued = [(i, m) for i, t in enumerate(texts) if t[:1].isdigit() and (m := _GLUED_NUMBER.match(t))]
    if not glued:
        return texts
    spaced = {int(m.group(1)) for t in texts if t[:1].isdigit() and (m := _NUMBERED.match(t))}
    out = list(texts)
    for i, m in glued:
        if int(m.group(1)) - 1 in spaced or int(m.group(1)) + 1 in spaced:
            out[i] = texts[i][:m.end()] + " " + texts[i][m.end():]
    return out


def _ended(block: Block, nxt: str) -> bool:
    """Whether a list ends at ``block`` for a heading under it: its last item ends a sentence and
    the line after the heading is no item ('6. … erhoben.' / '3.4 Recht auf Einschränkung' / text;
    not '1) that …' / 'and' / '2) that …')."""
    return (block.kind is BlockKind.LIST_ITEM and block.text.rstrip(_CLOSERS)[-1:] in FULL_STOPS
            and not _BULLET.match(nxt) and not _NUMBERED.match(nxt))


def to_blocks(lines: Iterable[Line]) -> list[Block]:
    """Body blocks from the kept lines, in order.

    Lines with a list's marker ('- ', '• ', '1. ', or '3.' glued to its text among items numbered
    the usual way) are list items; so are the short lines under a paragraph ending in a colon, two
    or more in a row, that end no sentence: a dump keeps a list's items and drops its markers
    ('Ingredients:' / '2 tsp vegetable oil' / '1 large onion')."""
    texts = _unglued_items([l.text for l in lines])
    blocks: list[Block] = []
    heading: dict[int, bool] = {}  # ``_is_heading`` of the lines asked so far (each is asked twice)
    unmarked = False  # the last block is an item of a list whose markers the dump dropped ...
    amounts = False  # ... and each of its items opens with a number (a recipe's ingredients)

    def is_heading(j: int) -> bool:
        h = heading.get(j)
        if h is None:
            h = heading[j] = _is_heading(texts[j])
        return h

    def item(j: int) -> bool:
        """Whether line j may be an item of a list without markers: short, ending no sentence, and
        neither going on from the line above nor going on on the line below (a hard-wrapped
        paragraph's lines do)."""
        if j >= len(texts):
            return False
        t = texts[j]
        return (_item_like(t) and not _BULLET.match(t) and not _NUMBERED.match(t) and not _CONTINUES.match(t)
                and t[-1] not in _OPEN_END and not (j + 1 < len(texts) and _CONTINUES.match(texts[j + 1])))

    for i, text in enumerate(texts):
        if blocks and blocks[-1].kind is BlockKind.PARAGRAPH and _joins(blocks[-1].text, text):
            blocks[-1] = Block(BlockKind.PARAGRAPH, join_fragments(blocks[-1].text, text))
            continue
        bullet = _BULLET.match(text)
        if bullet and len(text) > bullet.end():
            blocks.append(Block(BlockKind.LIST_ITEM, text[bullet.end():]))
            unmarked = False
            continue
        if _NUMBERED.match(text):
            blocks.append(Block(BlockKind.LIST_ITEM, text))
            unmarked = False
            continue
        nxt = texts[i + 1] if i + 1 < len(texts) else None
        if (unmarked and amounts and not text[:1].isdigit() and is_heading(i) and nxt is not None and not item(i + 1)
                and len(text.split()) <= SECTION_HEADING_MAX_WORDS and ":" not in text):
            # the next section's subheading under a list of amounts ('1 large onion' / 'Directions' / text)
            blocks.append(Block(BlockKind.HEADING, text))
            unmarked = False
            continue
        if blocks and (unmarked or blocks[-1].kind is BlockKind.PARAGRAPH and blocks[-1].text.endswith(_COLONS)
                       and item(i + 1)) and item(i):
            amounts = text[:1].isdigit() and (amounts or not unmarked)
            blocks.append(Block(BlockKind.LIST_ITEM, text))
            unmarked = True
            continue
        unmarked = False
        if (blocks and nxt is not None and (blocks[-1].kind is BlockKind.PARAGRAPH or _ended(blocks[-1], nxt))
                and is_heading(i) and not is_heading(i + 1) and not _CONTINUES.match(nxt)):
            blocks.append(Block(BlockKind.HEADING, text))
            continue
        blocks.append(Block(BlockKind.PARAGRAPH, text))
    return blocks


# --- Markdown escaping: only what would change the rendering -------------------------
_LINE_START = startcache.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$|-+\s*$|`{3,}|~{3,}|\|)")
_INLINE = startcache.compile(r"([\\`*_\[\]<])")


def escape(text: str) -> str:
    """Backslash-escape the Markdown syntax a plain line would otherwise trigger."""
    def inline(m: re.Match) -> str:
        c = m.group(1)
        if c == "\\":
            return "\\\\" if m.end() < len(text) and not text[m.end()].isalnum() and not text[m.end()].isspace() else c
        if c in "*_" and text.count(c) < 2:
            return c
        if c == "_":
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if before.isalnum() and after.isalnum():
                return c  # intraword underscores never emphasise
        if c == "<":
            after = text[m.end()] if m.end() < len(text) else " "
            return "\\<" if after.isalpha() or after in "/!?" else c
        if c in "[]":
            return "\\" + c if "](" in text or "][" in text or text.count("[") and re.search(r"\]\s*[(\[:]", text) else c
        if c == "`":
            return "\\`" if text.count("`") >= 2 else c
        return "\\" + c

    def line_start(m: re.Match) -> str:
        mark = m.group(0)
        if mark[0].isdigit():
            return mark[:-1] + "\\" + mark[-1]  # "1." becomes "1\.", not a list
        return "\\" + mark

    return _LINE_START.sub(line_start, _INLINE.sub(inline, text), count=1)


_UNESCAPE = startcache.compile(r"\\([\\`*_\[\]<>#+\-=.)|~!])")


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def block_markdown(block: Block) -> str:
    """One block as Markdown: a ``##`` heading, a list item (numbered as it was, else '-'), or a paragraph."""
    if block.kind is BlockKind.HEADING:
        return "## " + escape(block.text)
    if block.kind is BlockKind.LIST_ITEM:
        numbered = _NUMBERED.match(block.text)
        if numbered:
            return f"{numbered.group(1)}. " + escape(block.text[numbered.end():])
        return "- " + escape(block.text)
    return escape(block.text)


def body_markdown(blocks: Sequence[Block]) -> str:
    """The body: blocks a blank line apart, the items of one list on consecutive lines (a tight list)."""
    parts: list[str] = []
    for i, block in enumerate(blocks):
        md = block_markdown(block)
        if parts and block.kind is BlockKind.LIST_ITEM and blocks[i - 1].kind is BlockKind.LIST_ITEM:
            parts[-1] += "\n" + md  # a tight list
        else:
            parts.append(md)
    return "\n\n".join(parts)


# A value PyYAML writes as it is (a plain scalar): a letter first, no colon, '#', control or
# line-break character, nor a space last, no character beyond the BMP (libyaml escapes those);
# and not a word YAML 1.1 reads as a boolean or null.
_PLAIN_VALUE = startcache.compile(r"[^\W\d_\U00010000-\U0010ffff]"
                                  r"(?:[^\x00-\x1f\x7f-\x9f:#\u2028\u2029\ufeff\ud800-\udfff\U00010000-\U0010ffff]*"
                                  r"[^\s:#\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\U00010000-\U0010ffff])?\Z")
_YAML_WORDS = frozenset("yes no true false on off null".split())
# an ISO date or date-time, which PyYAML single-quotes (its timestamp resolver would read it as one)
_QUOTED_DATE = startcache.compile(r"\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)?)?\Z")


def _scalar(value: str) -> str | None:
    """``value`` as ``yaml.dump`` writes it, for the common shapes (None for the others)."""
    if _PLAIN_VALUE.match(value):
        return None if value.lower() in _YAML_WORDS else value
    if _QUOTED_DATE.match(value):
        return f"'{value}'"
    return None


def _dump_simple(data: dict) -> str | None:
    """The YAML ``yaml.dump`` writes for ``data`` (this module's options), without its machinery,
    when every value has a common shape (a name, a headline without a colon, an ISO date, a
    list of such tags): about 20 times quicker. None for anything else."""
    out = []
    for key, value in data.items():
        if isinstance(value, str):
            v = _scalar(value)
            if v is None:
                return None
            out.append(f"{key}: {v}\n")
        elif isinstance(value, list) and value and all(isinstance(t, str) for t in value):
            items = [_scalar(t) for t in value]
            if None in items:
                return None
            out.append(f"{key}:\n" + "".join(f"- {t}\n" for t in items))
        else:
            return None
    return "".join(out)


def front_matter(meta: Metadata, fields: tuple[str, ...] | None = None) -> str:
    """The YAML block; an empty one when nothing is known, which still marks the file as
    newsclean's output, so that cleaning it again leaves it as it is."""
    data = meta.as_dict(fields)
    if not data:
        return "---\n---\n"
    dumped = _dump_simple(data)
    if dumped is None:
        yaml, dumper, _ = _yaml()
        dumped = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                           default_flow_style=False, width=10_000)
    return f"---\n{dumped}---\n"


def markdown(meta: Metadata, blocks: Sequence[Block], fields: tuple[str, ...] | None = None,
             with_front_matter: bool = True) -> str:
    """The whole output file: front matter, blank line, body; always ends with one newline."""
    body = body_markdown(blocks)
    data_known = bool(meta.as_dict(fields))
    head = front_matter(meta, fields) if with_front_matter and (body or data_known) else ""
    if head and body:
        return f"{head}\n{body}\n"
    return head or (body + "\n" if body else "")


# --- reading newsclean's own Markdown back --------------------------------------------
_ATX = startcache.compile(r"#{1,6}(?:[ \t]+|$)")  # a heading needs a space after its hashes
_FRONT = startcache.compile(r"\A---[ \t]*\n(.*?\n)??---[ \t]*\n", re.S)  # the first closing fence: an empty block too


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(front matter mapping or None, the rest) of a Markdown text."""
    m = _FRONT.match(text)
    if not m:
        return None, text
    yaml, _, loader = _yaml()
    try:
        data = yaml.load(m.group(1) or "", Loader=loader)
    except yaml.YAMLError:
        return None, text
    if data is not None and not isinstance(data, dict):
        return None, text
    return data or {}, text[m.end():]


def parse_blocks(body: str) -> list[Block]:
    """Blocks of a Markdown body as ``body_markdown`` writes them."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip("\n")):
        head = chunk.lstrip()  # (as each line is stripped below: a control character before a list marker too)
        for raw in (chunk.split("\n") if head.startswith(("- ", "* ", "+ ")) or _NUMBERED.match(head) else [chunk]):
            raw = raw.strip()
            if not raw:
                continue
            heading = _ATX.match(raw)
            if heading:
                text = raw[heading.end():].strip()
                if text:
                    blocks.append(Block(BlockKind.HEADING, unescape(text)))
                continue
            if raw[:2] in ("- ", "* ", "+ "):
                blocks.append(Block(BlockKind.LIST_ITEM, unescape(raw[2:].strip())))
                continue
            if _NUMBERED.match(raw):
                blocks.append(Block(BlockKind.LIST_ITEM, unescape(raw)))
                continue
            text = " ".join(part.strip() for part in raw.split("\n"))
            blocks.append(Block(BlockKind.PARAGRAPH, unescape(text)))
    return blocks
