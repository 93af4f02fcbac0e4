"""Notices a site shows in front of its pages (``NC-WALL``): cookie consent banners and bot checks.

A scraper gets them with the page ('This website uses cookies to improve your experience. If you
continue browsing the site, you agree to the use of cookies.'), or instead of it ('Verify you are
human', 'Checking your browser before accessing …'). Their sentences read like text, and the
learned model keeps many of them; their wording is the site's own, in a few set phrases per
language (``data/walls.toml``), so a phrase anywhere in a line of any length names it, whatever
the model says. The phrases are no input of the model: a new one needs no refit.

A banner's phrases are looked for in the lines that name its cookies (or the external content
it stands in for: 'Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird'); a
bot check's on short pages only (``BOT_CHECK_MAX_CHARS``): the site shows nothing else, and an
article may well ask whether you are a robot. A notice is a paragraph: a longer line
(``WALL_LINE_MAX_CHARS``, a dump that glued the banner to the page's text) is none.

A page whose text is mostly such a notice (``WALL_PAGE_SHARE`` of its width) is the wall itself:
nothing of it is kept, and the Document says so in a warning, so that a corpus builder knows
which pages to fetch again.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Sequence

from newsclean import startcache
from newsclean.blocks import display_width
from newsclean.cuematch import Phrases, line_starts, lines_with
from newsclean.document import Label, Line
from newsclean.thresholds import BOT_CHECK_MAX_CHARS, WALL_LINE_MAX_CHARS, WALL_PAGE_SHARE

WALLS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "walls.toml")
WALL_PAGE_WARNING = "the page is a cookie consent or bot check notice, not an article: nothing kept"


def tables() -> dict[str, dict[str, list[str]]]:
    """The data file's per-language tables (``consent``, ``bot_check``)."""
    return {name: t for name, t in startcache.toml(WALLS_PATH).items() if isinstance(t, dict)}


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], Phrases, Phrases]:
    """The consent words, and the consent banners' and the bot checks' phrases."""
    def kind(name: str) -> Phrases:
        return Phrases([p for t in tables().values() for p in t.get(name, ())], WALLS_PATH)

    return tuple(startcache.toml(WALLS_PATH)["consent_words"]), kind("consent"), kind("bot_check")


def wall_lines(lower: Sequence[str]) -> frozenset[int]:
    """The indices of the lines holding a consent banner's or a bot check's set phrase, from the
    page's lines lower-cased (``PageCues.lower``). Most pages name no cookies and are not short:
    for them this is one join and a few substring tests."""
    consent_words, consent, bot_check = _phrases()
    page = "\n".join(lower)  # (the line offsets only when a word is there: most pages need none)
    words = [w for w in consent_words if w in page]
    found = set()
    if words:
        found.update(i for i in lines_with(page, line_starts(lower), words)
                     if len(lower[i]) <= WALL_LINE_MAX_CHARS and consent.found_in(lower[i]))
    if len(page) <= BOT_CHECK_MAX_CHARS:
        found.update(i for i, line in enumerate(lower)
                     if len(line) <= WALL_LINE_MAX_CHARS and bot_check.found_in(line))
    return frozenset(found)


def drop_wall_page(lines: Sequence[Line], walls: frozenset[int]) -> tuple[list[Line], bool]:
    """The lines, with every kept one dropped when the page is a wall (its notice lines at least
    ``WALL_PAGE_SHARE`` of the whole page's width: a short post under a long banner is no wall,
    its page's menus and footer are there too), and whether it is."""
    if not walls:
        return list(lines), False
    notice = sum(display_width(lines[i].text) for i in walls)
    if notice < WALL_PAGE_SHARE * sum(display_width(l.text) for l in lines):
        return list(lines), False
    return [l.with_final(Label.BOILERPLATE, "NC-WALL", "on a page that is a notice, not an article")
            if l.label is Label.CONTENT else l for l in lines], True
