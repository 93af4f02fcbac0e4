"""Notices written out as whole sentences, dropped at any width: reprint bans, disclosures, prompts.

The cue files' words are trusted on short lines, and at the start of a line of middling width
(``classify.cue_kinds``), since prose may speak of copyright, newsletters or comments. A few
formulas, though, are the notice itself, and no article sentence is written with them:

- a ban on reprinting without leave ("未经本网授权不得转载", "This material may not be published,
  broadcast, rewritten or redistributed"), a claim to the rights ("版权均属于新华社"), a portal's
  disclaimer of what it reprints ("不代表本网观点") or of the views it prints ("… n'engagent que leurs
  auteurs", "Leserkommentare geben nicht die Meinung der Redaktion wieder"): ``NC-LEGAL``;
- a shop's commission on the page's links ("we may earn a commission", "Für Links auf dieser Seite
  erhält CHIP ggf. eine Provision"): ``NC-LEGAL``;
- a newsletter's sign-up form ("Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse
  eingeben"), an appeal for donations, a paywall's "To view the full story, please subscribe", a
  promotion of the site's app ("download the … apps for iOS and Android"), a prompt to allow its
  notifications ("Dürfen wir Sie in Ihrem Browser … informieren?"), an invitation to write to the
  editor ("Submit your letter to the editor"): ``NC-PROMPT``;
- a comment form's or policy's "Your email address will not be published", "All comments are
  moderated": ``NC-COMMENT``;
- a blog's footer under a post, "This entry was posted on … and is filed under …": ``NC-TAGS``; a
  thread's numbered reply header ("Reply 28 - Posted by: …"): ``NC-META``; a forum's status line
  ("This topic has 3 replies, 3 voices, and was last updated …"): ``NC-COUNT``; a reblog note, a
  prompt to share the article ("Vergiss nicht zu teilen!") or a promotion of the site's social-media
  page or messenger channel ("Abonniere den Whatsapp-Kanal …"): ``NC-SHARE``; a wiki's maintenance
  notice ("You can help Wikipedia by expanding it"), a login or JavaScript prompt ("Forgot your
  password?"): ``NC-PROMPT``.

Sites set them as long lines under the article, too long for any cue to be trusted, and the model
keeps some of them for their length. Every kept line holding one becomes its kind's code once every
other rule has run (the model's features do not read these formulas, so it needs no refit for
them). However little of the line the formula's sentence is, the line is the notice: a notice is a
paragraph of several sentences of which one holds the formula ("This article contains affiliate
links. The products … were selected independently … We may earn a commission …"), and a dump
glues notices together ("… Like我們的專頁！(內容由新浪北京提供。未經授權，不得轉載。)"). Requiring
the formula's sentence to be a fifth of the line lost both, out of fold, and saved no article
paragraph.

The kinds, their codes and formulas (regular expressions, searched in the lower-cased line) are in
``data/notices.toml``. A line is tried only against the formulas whose literal it holds
(``cuematch.Phrases``): one pass of an automaton over a page's kept text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Sequence

from newsclean import startcache
from newsclean.cuematch import Phrases, lower_literals
from newsclean.document import Label, Line
from newsclean.rules import RULES

__all__ = ["Notice", "kinds", "notice_in", "drop_notices"]

NOTICES_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "notices.toml")


@dataclass(frozen=True)
class Notice:
    """One kind of notice: the rule code its lines get, and the decision's detail."""

    name: str
    code: str
    detail: str

    @property
    def label(self) -> Label:
        """The label of the kind's rule code (``rules.RULES``)."""
        return RULES[self.code].label


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Notice, ...], tuple[int, ...], Phrases]:
    """The kinds (in the data file's order), the kind of each formula, and the formulas."""
    found, owner, formulas = [], [], []
    for name, t in startcache.toml(NOTICES_PATH).items():
        owner += [len(found)] * len(t["formulas"])
        formulas += [lower_literals(p) for p in t["formulas"]]
        found.append(Notice(name, t["code"], t["detail"]))
    return tuple(found), tuple(owner), Phrases(formulas, NOTICES_PATH)


def kinds() -> tuple[Notice, ...]:
    """The kinds of notice, in the data file's order (the first a line holds names it)."""
    return _table()[0]


def _first(low: str, tried: Collection[int], disabled: Collection[str]) -> Notice | None:
    """The kind of the first of the formulas ``tried`` the lower-cased line holds, leaving out
    kinds whose code is disabled (formulas stand in the file kind by kind, so this is the first
    kind in the file's order)."""
    every, owner, formulas = _table()
    return next((every[owner[k]] for k in sorted(tried)
                 if every[owner[k]].code not in disabled and formulas.patterns[k].search(low)), None)


def notice_in(text: str, disabled: Collection[str] = ()) -> Notice | None:
    """The kind of notice the line is: the first whose formula it holds (kinds whose code is
    disabled left out); else None."""
    low = text.lower()
    return _first(low, _table()[2].tried(low), disabled)


def drop_notices(lines: Sequence[Line], disabled: Collection[str] = (),
                 lower: Sequence[str] | None = None) -> list[Line]:
    """The lines, each kept line that is a notice (``notice_in``) relabelled with its kind's code
    and detail; kinds whose code is disabled are not looked for. Run last (``pipeline.clean``), so
    that no later rule brings one back, and on the kept text alone. ``lower`` are the lines
    lower-cased, when the caller has them (the cue scan's ``PageCues.lower``)."""
    kept = [i for i, l in enumerate(lines) if l.label is Label.CONTENT]
    low = [lines[i].text.lower() for i in kept] if lower is None else [lower[i] for i in kept]
    out = list(lines)
    for row, tried in _table()[2].tried_by_line(low).items():
        kind = _first(low[row], tried, disabled)
        if kind is not None:
            out[kept[row]] = out[kept[row]].with_final(kind.label, kind.code, kind.detail)
    return out
