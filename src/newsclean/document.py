"""The values the pipeline produces: labels, lines, metadata and the finished Document.

Everything here is immutable: each stage returns new values instead of mutating the
previous stage's output, so the first-pass and final labels of a line can both be kept
and shown by ``newsclean explain``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import NamedTuple


class Label(str, Enum):
    """What becomes of a line."""

    CONTENT = "content"  # kept in the Markdown body
    BOILERPLATE = "boilerplate"  # dropped
    METADATA = "metadata"  # dropped from the body, its value moved into front matter


class Line(NamedTuple):
    """One unit of the page (a physical line, or several re-joined when a dump wrapped them).

    ``first`` is the label the line got on its own; ``label`` the one it got once its
    neighbours were taken into account. ``code`` names the rule behind ``label``.
    (A NamedTuple rather than a dataclass: pages have thousands of lines and each pass
    makes new ones, so construction cost matters.)
    """

    index: int  # position among the page's units
    text: str  # the unit's text, whitespace-trimmed
    block: int  # which blank-line separated block it came from
    source: tuple[int, int]  # first and last physical line number (0-based) it covers
    first: Label = Label.CONTENT
    first_code: str = "NC-TEXT"
    label: Label = Label.CONTENT
    code: str = "NC-TEXT"
    detail: str = ""  # the cue or feature that decided, for explain

    def with_first(self, label: Label, code: str, detail: str = "") -> "Line":
        return _new_tuple(Line, (*self[:4], label, code, label, code, detail))

    def with_final(self, label: Label, code: str, detail: str | None = None) -> "Line":
        return _new_tuple(Line, (*self[:6], label, code, self.detail if detail is None else detail))


# a Line made from a tuple of all its fields, without the keyword-handling constructor that
# ``Line(...)`` goes through (a third quicker; each pass makes a new Line per line of the page)
_new_tuple = tuple.__new__


FIELD_ORDER = ("title", "date", "author", "source", "editor", "url", "tags", "category", "language")


@dataclass(frozen=True)
class Metadata:
    """What was learned about the page; None (or empty) means unknown and is never written."""

    title: str | None = None
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or with time (and zone when given)
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    category: str | None = None
    language: str | None = None

    def as_dict(self, only: tuple[str, ...] | None = None) -> dict:
        """The known fields in the fixed front-matter order."""
        out = {}
        for name in FIELD_ORDER:
            if only is not None and name not in only:
                continue
            value = getattr(self, name)
            if value in (None, "", ()):
                continue
            out[name] = list(value) if name == "tags" else value
        return out

    def merged(self, other: "Metadata") -> "Metadata":
        """Self's known fields, completed by other's."""
        values = {}
        for f in fields(self):
            mine = getattr(self, f.name)
            values[f.name] = mine if mine not in (None, "", ()) else getattr(other, f.name)
        return Metadata(**values)


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"


@dataclass(frozen=True)
class Block:
    """A piece of the Markdown body: a paragraph, a subheading or a list item."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Document:
    """The result of cleaning one page."""

    lines: tuple[Line, ...]
    metadata: Metadata
    blocks: tuple[Block, ...]
    markdown: str
    input_kind: str = "text"  # "text", "html" or "markdown"
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The body as plain text, one block a paragraph."""
        return "\n\n".join(b.text for b in self.blocks)

    def dropped(self) -> dict[str, int]:
        """How many lines each rule code removed from the body."""
        return dict(Counter(l.code for l in self.lines if l.label is not Label.CONTENT))

    @property
    def kept(self) -> tuple[Line, ...]:
        return tuple(l for l in self.lines if l.label is Label.CONTENT)
