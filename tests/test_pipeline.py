"""The core as a library: clean() and clean_html() end to end, no I/O."""
from pathlib import Path

import pytest

from newsclean import Config, Label, clean, clean_html
from newsclean.document import Line
from newsclean.render import split_front_matter

PAGE = """Home

World

Sports

Mayor opens the new harbour bridge

By Jane Doe | April 18, 2023

The new harbour bridge opened to traffic on Tuesday after four years of construction, the mayor said at a ceremony attended by hundreds of residents.

The bridge carries two lanes in each direction and a protected cycle path, and is expected to cut commuting times by a quarter.

Share on Facebook

Related articles

Council approves budget

Copyright © 2023 Harbour News. All rights reserved.
"""


def test_clean_keeps_article_and_learns_metadata():
    doc = clean(PAGE)
    meta, body = split_front_matter(doc.markdown)
    assert meta["title"] == "Mayor opens the new harbour bridge"
    assert meta["author"] == "Jane Doe"
    assert str(meta["date"]).startswith("2023-04-18")
    assert meta["language"] == "en"
    assert "The new harbour bridge opened" in body and "expected to cut commuting times" in body
    for noise in ("Home", "Share on Facebook", "Related articles", "Council approves", "Copyright"):
        assert noise not in body


def test_every_line_has_a_label_and_code():
    doc = clean(PAGE)
    assert len(doc.lines) == len([l for l in PAGE.splitlines() if l.strip()])
    for line in doc.lines:
        assert line.code.startswith("NC-") and line.first_code.startswith("NC-")
    assert doc.dropped()["NC-LEGAL"] == 1
    assert sum(doc.dropped().values()) == sum(1 for l in doc.lines if l.label is not Label.CONTENT)


def test_title_not_repeated_in_body():
    doc = clean(PAGE)
    assert "Mayor opens the new harbour bridge" not in split_front_matter(doc.markdown)[1]


def test_rules_only_mode_and_disabled_rule():
    doc = clean(PAGE, config=Config(use_model=False, disabled_rules=frozenset({"NC-LEGAL"})))
    assert all(l.code != "NC-MODEL" for l in doc.lines)
    assert all(l.code != "NC-LEGAL" for l in doc.lines)


@pytest.mark.parametrize("use_model", [True, False])
def test_a_disabled_rule_names_no_line(use_model):
    # every rule that can be switched off (all but the classifier's own verdicts): no line gets its
    # code, from the first pass or from any later step (a list's items, a comment thread, a repeat
    # of the title, a short line's presumed navigation)
    from newsclean.rules import ALWAYS_ON, RULES

    root = Path(__file__).resolve().parent.parent / "samples"
    pages = [PAGE] + [(root / name).read_text(encoding="utf-8") for name in
                      ("en-news-blocks.txt", "de-news-textnodes.txt", "seed000.txt", "zh-news-blocks.txt",
                       "synthetic-en-consent.txt")]
    for code in sorted(RULES.keys() - ALWAYS_ON):
        config = Config(disabled_rules=frozenset({code}), use_model=use_model)
        for page in pages:
            assert not [l.text for l in clean(page, config=config).lines if code in (l.code, l.first_code)], code


def test_url_and_language_given_are_used():
    doc = clean(PAGE, url="https://example.com/bridge", lang="de")
    assert doc.metadata.url == "https://example.com/bridge"
    assert doc.metadata.language == "de"


def test_own_output_is_returned_unchanged():
    once = clean(PAGE).markdown
    again = clean(once)
    assert again.markdown == once
    assert again.input_kind == "markdown"


def test_empty_front_matter_then_a_rule_in_the_body_is_own_output():
    # the front matter ends at the first closing fence, even when the block is empty and a '---'
    # line stands further down (found by scripts/fuzz.py: the second clean read the body as YAML)
    text = "---\n---\n\nThe council met on Tuesday.\n\n---\n\nIt approved the plan.\n"
    once = clean(text)
    assert once.input_kind == "markdown"
    assert clean(once.markdown).markdown == once.markdown
    assert split_front_matter("---\ntitle: x\n---\nbody\n---\nmore\n") == ({"title": "x"}, "body\n---\nmore\n")


def test_a_list_behind_a_control_character_in_own_output_is_read_as_a_list_at_once():
    # a paragraph opening with a control character (Python strips it as whitespace) before a list marker:
    # its lines are the list's items from the first reading on, not one item holding them all (found by
    # scripts/fuzz.py: the second clean split the item the first had kept whole)
    text = "---\n---\n\n\x1c 1. first item\n1. second item\n- third item\nThe council met on Tuesday.\n"
    once = clean(text)
    assert once.input_kind == "markdown"
    assert [b.text for b in once.blocks][:3] == ["1. first item", "1. second item", "third item"]
    assert clean(once.markdown).markdown == once.markdown


def test_empty_and_blank_input():
    assert clean("").markdown == ""
    assert clean(" \n\t\n").markdown == ""


def test_html_input():
    html = ("<html><head><title>Bridge opens</title></head><body><nav><a>Home</a> <a>World</a></nav>"
            "<article><h1>Mayor opens the new harbour bridge</h1>"
            "<p>The new harbour bridge opened to traffic on Tuesday after four years of construction, "
            "the mayor said at a ceremony attended by hundreds of residents.</p>"
            "<p>扫一扫关注公众号</p>"
            "<p>The bridge carries two lanes in each direction and a protected cycle path, and is expected "
            "to cut commuting times by a quarter.</p></article><footer>Copyright 2023</footer></body></html>")
    doc = clean_html(html)
    body = split_front_matter(doc.markdown)[1]
    assert doc.input_kind == "html"
    assert doc.metadata.title
    assert "harbour bridge opened to traffic" in body
    assert "扫一扫" not in body  # trafilatura keeps it, newsclean's cue rules drop it


def test_cleaning_a_text_page_imports_no_heavy_module():
    """A text page's run starts fast: trafilatura and lxml are for HTML only, and PyYAML only for
    front matter that is not of the common shapes (``render._dump_simple``) or to read it back."""
    import subprocess
    import sys

    page = Path(__file__).resolve().parents[1] / "samples" / "seed004.txt"
    code = ("import sys; from newsclean import clean; doc = clean(open(sys.argv[1], encoding='utf-8').read()); "
            "assert doc.metadata.title; "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'yaml', 'justext') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


_BUDGET = ("The council approved the new budget on Tuesday after a long debate about funding for "
           "schools, roads and the city's ageing water pipes, officials said.")


def test_headline_inside_the_text_stays_in_the_body():
    # the title finder takes a heading met after three paragraphs: the front matter has it,
    # and the body keeps it where it stands, as a heading of the text
    paras = [_BUDGET, _BUDGET.replace("Tuesday", "Monday"), _BUDGET.replace("council", "board")]
    after = [_BUDGET.replace("roads", "parks"), _BUDGET.replace("schools", "libraries")]
    doc = clean("\n\n".join(paras + ["Second Thoughts On The Budget Vote"] + after))
    assert doc.metadata.title == "Second Thoughts On The Budget Vote"
    assert "## Second Thoughts On The Budget Vote" in doc.markdown
    assert next(l for l in doc.lines if l.index == 3).code != "NC-TITLE"
    # under a single paragraph it is the page's headline: it leaves the body
    doc = clean("\n\n".join(paras[:1] + ["Second Thoughts On The Budget Vote"] + after))
    assert doc.metadata.title == "Second Thoughts On The Budget Vote"
    assert "Second Thoughts" not in doc.markdown.split("---")[-1]
    assert doc.lines[1].code == "NC-TITLE"


def _lines(*spec):
    """Lines from (label, text) pairs, as the second pass leaves them."""
    from newsclean.document import Line
    return [Line(i, text, i, (i, i)).with_final(label, "NC-MODEL", "test") for i, (label, text) in enumerate(spec)]


def test_kicker_above_the_headline_goes():
    from newsclean.pipeline import _drop_kicker
    C, B, M = Label.CONTENT, Label.BOILERPLATE, Label.METADATA
    body = "The council met on Tuesday and agreed to rebuild the old bridge over the river."
    title = 1  # the headline's line
    out = _drop_kicker(_lines((C, "Health: science, research"), (M, "People taste fat by their genes"), (C, body)), title)
    assert [l.label for l in out] == [B, M, C] and out[0].code == "NC-NAV"
    # a sentence above the headline is a lead, and a longer stretch of kept lines is text: they stay
    for above in [(C, "Our reporter was there when it happened."), (C, body)]:
        lines = _lines(above, (M, "People taste fat by their genes"), (C, body))
        assert _drop_kicker(lines, title) == lines
    lines = _lines((C, "Home"), (C, "World"), (C, "Health"), (M, "People taste fat by their genes"), (C, body))
    assert _drop_kicker(lines, 3) == lines
    # no headline found: nothing to stand above
    lines = _lines((C, "Health"), (C, body))
    assert _drop_kicker(lines, None) == lines


# a short travel page (trafilatura_eval): the model keeps the section name above the headline
KICKER_PAGE = """Columbus entdeckt

Die besten Reisegeschichten

Ski-Fahren auf den Spuren des Trolls

Island lockt auch im Winter: Abfahrten über unberührte Hänge. Und noch keine Spur vom Massenskitourismus. \
Siglufjörður im Norden Islands ist das Zentrum des isländischen Ski-Tourismus. Die Troll-Halbinsel, wie die \
Gegend auch heißt, ist nach dem letzten Troll benannt, den hier in einer Höhle ein Bauer 1764 erschlagen haben \
soll. Ein halbes Dutzend Ski-Gebiete gibt es mittlerweile. Das größte in Akureyri hat fünf Lifte. Doch zum \
alpinen Ski-Fahren kommen nur Isländer her. Die internationalen Gäste kommen vor allem wegen dem Touren-Ski auf \
unberührten Gipfeln und auf den Spuren des Trolls.

sueddeutsche.de
"""


def _kept(texts: list[str]) -> list[Line]:
    return [Line(i, t, i, (i, i)) for i, t in enumerate(texts)]


def test_kicker_rule_drops_short_kept_lines_above_the_headline():
    # (on the rule itself: whether the model keeps a kicker on a given page changes with each retraining)
    from newsclean.pipeline import _drop_kicker

    body = "Island lockt auch im Winter: Abfahrten über unberührte Hänge, und noch keine Spur von Massen."
    lines = _kept(["Columbus entdeckt", "Die besten Reisegeschichten", "Ski-Fahren auf den Spuren", body])
    out = _drop_kicker(lines, 2)
    assert [(l.label, l.code) for l in out[:2]] == [(Label.BOILERPLATE, "NC-NAV")] * 2
    assert out[2:] == lines[2:]
    assert _drop_kicker(lines, None) == lines  # no headline
    assert _drop_kicker(_kept(["Eins", "Zwei", "Drei", "Titel", body]), 3)[0].label is Label.CONTENT  # three lines
    assert _drop_kicker(_kept([body, "Titel", body]), 1)[0].label is Label.CONTENT  # a sentence above


def test_kicker_rule_is_off_with_nc_nav(monkeypatch):
    from newsclean import pipeline

    calls = []
    monkeypatch.setattr(pipeline, "_drop_kicker", lambda lines, t: calls.append(t) or lines)
    clean(KICKER_PAGE)
    assert calls  # the rule runs ...
    calls.clear()
    clean(KICKER_PAGE, config=Config(disabled_rules=frozenset({"NC-NAV"})))
    assert not calls  # ... unless its code is switched off


def test_decomposed_text_comes_out_composed():
    """A page that spells "ü" as "u" and a combining diaeresis gives the composed text (NFC)
    a reader searches for, in the body and the front matter."""
    page = PAGE.replace("Mayor opens the new harbour bridge", "Bu\u0308rgermeister o\u0308ffnet die neue Hafenbru\u0308cke")
    page = page.replace("after four years", "nach vier Jahren Bauzeit, u\u0308ber")
    doc = clean(page)
    assert doc.metadata.title == "Bürgermeister öffnet die neue Hafenbrücke"
    assert "nach vier Jahren Bauzeit, über" in doc.markdown and "\u0308" not in doc.markdown


def test_lone_surrogates_are_replaced_not_fatal():
    """A library caller's string may hold a lone surrogate (a JSON escape cut from its pair); the
    core needs a UTF encoding of the page, which takes none: it becomes U+FFFD."""
    body = "The council met on Tuesday and agreed to rebuild the old bridge over the river \ud83d soon."
    doc = clean("Bridge to be rebuilt\n\n" + "\n\n".join([body] * 3))
    assert "\ud83d" not in doc.markdown and "river \ufffd soon" in doc.markdown
    doc.markdown.encode("utf-8")
    assert clean(doc.markdown).markdown == doc.markdown
