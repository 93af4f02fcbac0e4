"""The last pass (``lastpass``): the standfirst under the headline, a sentence under the kept text, a
sentence's parts."""
import pytest

from newsclean.classify import shape
from newsclean.context import overlay
from newsclean.document import Label
from revise_pages import EN, EN2, EN3, run


def _headlined(texts, probs, headline, meta=()):
    """The page's lines as the pipeline has them once the title finder took line ``headline``
    (and the byline or date lines ``meta``)."""
    fixed = {headline: ("NC-TITLE", "headline"), **{i: ("NC-META", "byline") for i in meta}}
    return overlay(run("\n\n".join(texts), probs=probs), fixed)


def test_standfirst_under_the_headline_stays():
    from newsclean.lastpass import keep_standfirst
    from newsclean.thresholds import MODEL_KEEP, MODEL_STANDFIRST
    low = (MODEL_STANDFIRST + MODEL_KEEP) / 2  # under MODEL_KEEP: the model alone drops it
    summary = "The council approved a budget that puts schools and water pipes first this year."
    # a photo's caption between the summary and the body hides it from _keep_lead
    caption = "Members of the city council during the vote on the new budget in the town hall © Jane Doe"
    texts = ["Home", "Council approves new budget", summary, "By Jane Doe", "12 March 2024", caption, EN, EN2]
    probs = [0.02, 0.2, low, 0.1, 0.1, 0.05, 0.97, 0.95]
    lines = _headlined(texts, probs, 1, meta=(3, 4))
    assert lines[2].label is Label.BOILERPLATE and lines[6].label is Label.CONTENT
    out = keep_standfirst(lines, 1, probs)
    assert out[2].label is Label.CONTENT and "standfirst" in out[2].detail
    assert [l.label for l in out[3:6]] == [Label.METADATA, Label.METADATA, Label.BOILERPLATE]
    # without a headline, or with less than MODEL_STANDFIRST, nothing changes
    assert keep_standfirst(lines, None, probs) is lines
    under = probs[:2] + [MODEL_STANDFIRST - 0.05] + probs[3:]
    assert keep_standfirst(_headlined(texts, under, 1, meta=(3, 4)), 1, under)[2].label is Label.BOILERPLATE
    # a headline under the kept text has no standfirst (it is a heading of the text)
    lines = _headlined([EN, *texts[1:]], [0.97] + probs[1:], 1, meta=(3, 4))
    assert keep_standfirst(lines, 1, [0.97] + probs[1:])[2].label is Label.BOILERPLATE


def test_standfirst_search_under_a_headline_far_from_the_body():
    from newsclean.lastpass import keep_standfirst
    from newsclean.thresholds import MODEL_KEEP, MODEL_UNSTOPPED, STANDFIRST_MAX_BODY
    low = 0.35 if 0.35 < MODEL_KEEP else MODEL_KEEP - 0.05
    summary = "The council approved a budget that puts schools and water pipes first this year."
    filler = [f"Related story {i}" for i in range(STANDFIRST_MAX_BODY)]  # the body starts far down
    texts = ["Council approves new budget", summary, "By Jane Doe", *filler, EN, EN2]
    probs = [0.2, low, 0.1] + [0.02] * len(filler) + [0.97, 0.95]
    out = keep_standfirst(_headlined(texts, probs, 0, meta=(2,)), 0, probs)
    assert out[1].label is Label.CONTENT
    assert all(l.label is not Label.CONTENT for l in out[2:3 + len(filler)])
    # a running-text line the model dropped, that ends like no sentence (a subtitle, a teaser),
    # ends the search: the summary under it is not told from the page's other text
    subtitle = "Schools, roads and the city's ageing water pipes get more money than in each of the last years"
    texts2 = ["Council approves new budget", subtitle, summary, *filler, EN, EN2]
    probs2 = [0.2, low, low] + [0.02] * len(filler) + [0.97, 0.95]
    out = keep_standfirst(_headlined(texts2, probs2, 0), 0, probs2)
    assert out[1].label is Label.BOILERPLATE and out[2].label is Label.BOILERPLATE
    # near the body, every sentence between the headline and the body stays, and so does a
    # summary set without its full stop, when the model gives it MODEL_UNSTOPPED (see
    # test_standfirst_without_its_full_stop)
    texts3 = ["Council approves new budget", subtitle, summary, "By Jane Doe", EN3, "Photo gallery", EN, EN2]
    probs3 = [0.2, max(low, MODEL_UNSTOPPED), low, 0.1, low, 0.05, 0.97, 0.95]
    out = keep_standfirst(_headlined(texts3, probs3, 0, meta=(3,)), 0, probs3)
    assert [l.label for l in out[1:6]] == [Label.CONTENT, Label.CONTENT, Label.METADATA,
                                           Label.CONTENT, Label.BOILERPLATE]


def test_standfirst_without_its_full_stop():
    from newsclean.lastpass import _unstopped_sentence, keep_standfirst
    from newsclean.thresholds import MODEL_KEEP, MODEL_STANDFIRST, MODEL_UNSTOPPED
    low = (MODEL_UNSTOPPED + MODEL_KEEP) / 2
    deck = "Mark Helfrich über das gewaltige Potenzial der Technologie im Kampf gegen den Klimawandel"
    assert shape(deck).textlike and not shape(deck).sentence and _unstopped_sentence(deck)
    # what is no sentence that lost its full stop: a menu, a tag list, glued link texts,
    # CJK headlines side by side, a caption and its credit, a run of capitalised names
    for text in ["Music CDs and Records | Event Tickets | Movies | Magazine | VHS and DVD | Educational Toys",
                 "« DynamoDB Improvements - Consistent BatchGet & More | Main | Deploy a SharePoint Farm »",
                 "Quoi de neufInformation aux visiteursMerveilles naturelles et trésors culturelsActivités",
                 "《咱家那些事》今晚收官 黄志忠练束梅终成眷属 李彬携洪剑涛跨界设计师 爱上原品引领新概念",
                 "The wind at the shopping center blew down two trees overnight Tuesday. Eugene Paik/Star-Ledger",
                 "In Gottesdiensten gilt in der ganzen Stadt FFP2-Maskenpflicht Foto: ccnull/Marco Verch/cc by sa 2.0",
                 "Sporting performance Marathon Cycling Running Athletics African Tour de France Beijing Olympics"]:
        assert not _unstopped_sentence(text), text
    texts = ["Wasserstoff ist der Schlüssel", deck, "Von Jane Doe", EN, EN2]
    probs = [0.2, low, 0.1, 0.97, 0.95]
    out = keep_standfirst(_headlined(texts, probs, 0, meta=(2,)), 0, probs)
    assert out[1].label is Label.CONTENT and "standfirst" in out[1].detail
    # it needs MODEL_UNSTOPPED (a sentence with its full stop, only MODEL_STANDFIRST)
    if MODEL_STANDFIRST < MODEL_UNSTOPPED:
        under = [0.2, (MODEL_STANDFIRST + MODEL_UNSTOPPED) / 2, 0.1, 0.97, 0.95]
        assert keep_standfirst(_headlined(texts, under, 0, meta=(2,)), 0, under)[1].label is Label.BOILERPLATE
    menu = "Music CDs and Records | Event Tickets | Movies | Magazine | VHS and DVD | Educational Toys"
    out = keep_standfirst(_headlined([texts[0], menu, *texts[2:]], probs, 0, meta=(2,)), 0, probs)
    assert out[1].label is Label.BOILERPLATE


def test_prose_under_kept_text_continues_after_every_rule():
    from newsclean.lastpass import continue_text
    from newsclean.thresholds import MODEL_CONTINUE, MODEL_KEEP
    hesitant = (MODEL_CONTINUE + MODEL_KEEP) / 2
    source = "Pressemitteilung Nr. 48/22 des BAG vom 20.12.2022 zum Urteil vom 20.12.2022 – 9 AZR 266/20"
    caption = "The council met in the old town hall on Tuesday evening (Photo: Jane Doe)."
    texts = [EN, source, EN2, "Related stories", caption]
    probs = [0.95, hesitant, hesitant, 0.05, hesitant]
    lines = run("\n\n".join(texts), probs=probs)
    # the line under the kept text holds a full stop inside but ends like no sentence: the
    # first pass leaves it, and the sentence under it, out
    assert [l.label for l in lines[:3]] == [Label.CONTENT, Label.BOILERPLATE, Label.BOILERPLATE]
    out = continue_text(lines, probs)
    assert out[1].label is Label.CONTENT and "sentence under the kept text" in out[1].detail
    # one step only: a line this pass keeps keeps nothing under it (a list of dated headlines,
    # "2011-11-21 США. «Wrigley» выпускает …", is not taken whole)
    assert [l.label for l in out[2:5]] == [Label.BOILERPLATE] * 3
    # a line holding a boilerplate cue anywhere, or mostly capitalised words, stays out
    notice = ("© Example & Co 2006 No part of this site may be reproduced in any form or by any means "
              "without our prior written permission. Printed from http://www.example.com/about")
    keywords = "U.S. State Exports, Search for Partners, Trades & Tenders, Automotive, Aviation and Aerospace"
    for text in (notice, keywords):
        two = run(f"{EN}\n\n{text}", probs=[0.95, hesitant])
        assert two[1].label is Label.BOILERPLATE and two[1].code == "NC-MODEL"
        assert continue_text(two, [0.95, hesitant])[1].label is Label.BOILERPLATE, text
    # a caption with its photo credit, a repeat, a line under MODEL_CONTINUE stay out
    out = continue_text(lines[:1] + lines[4:], probs[:1] + probs[4:])
    assert out[1].label is Label.BOILERPLATE
    low = [0.95, MODEL_CONTINUE - 0.05] + probs[2:]
    assert continue_text(run("\n\n".join(texts), probs=low), low)[1].label is Label.BOILERPLATE
    again = run("\n\n".join([EN2, EN, EN2]), probs=[0.1, 0.95, hesitant])
    assert continue_text(again, [0.1, 0.95, hesitant])[2].label is Label.BOILERPLATE
    # without the model, nothing changes
    assert continue_text(lines, None) is lines


def test_short_line_between_text_kept_by_any_rule():
    from newsclean.lastpass import continue_text
    from newsclean.thresholds import MODEL_KEEP, MODEL_SANDWICH
    between = (MODEL_SANDWICH + MODEL_KEEP) / 2
    texts = [EN, "What the experts say", EN2, "Share this", EN3]
    # the text under the short line is kept by another rule (here: set by hand), not the model
    probs = [0.95, between, 0.2, between, 0.95]
    lines = run("\n\n".join(texts), probs=probs)
    assert lines[1].label is Label.BOILERPLATE
    lines[2] = lines[2].with_final(Label.CONTENT, "NC-TEXT", "paragraphs under the text above")
    out = continue_text(lines, probs)
    assert out[1].label is Label.CONTENT and "short line between text" in out[1].detail
    assert out[3].label is Label.BOILERPLATE  # a cue named it
    # under MODEL_SANDWICH, or with no kept text under it, it stays out
    low = [0.95, MODEL_SANDWICH - 0.05] + probs[2:]
    assert continue_text(lines, low)[1].label is Label.BOILERPLATE
    lines[2] = lines[2].with_final(Label.BOILERPLATE, "NC-MODEL", "p=0.20")
    assert continue_text(lines, probs)[1].label is Label.BOILERPLATE


def _labelled(rows, cue: dict[int, str] | None = None):
    """Lines from (text, kept) pairs, the dropped ones as repeats (NC-DUP); ``cue`` gives lines a first pass's cue."""
    from newsclean.document import Line

    lines = [Line(i, t, 0, (i, i)) for i, (t, _) in enumerate(rows)]
    lines = [l.with_first(Label.BOILERPLATE, (cue or {})[l.index]) if l.index in (cue or {}) else l for l in lines]
    return [l.with_final(Label.CONTENT if k else Label.BOILERPLATE, "NC-MODEL" if k else "NC-DUP")
            for l, (_, k) in zip(lines, rows)]


def test_a_dropped_part_of_a_kept_sentence_comes_back():
    from newsclean.lastpass import keep_sentence_fragments

    # a link's text set on a line of its own by a dump of text nodes, dropped as a repeat of a menu item
    rows = [("The most popular file-swapping software of all time is", True), ("KaZaA", False),
            (", which this year overthrows the old favourite.", True)]
    out = keep_sentence_fragments(_labelled(rows))
    assert (out[1].label, out[1].code, out[1].detail) == (Label.CONTENT, "NC-TEXT", "part of a sentence kept around it")
    rows[2] = ("laser cutter with up to 6 kW of output power.", True)
    assert keep_sentence_fragments(_labelled(rows))[1].label is Label.CONTENT  # goes on in lower case
    lines = _labelled(rows)
    assert keep_sentence_fragments(lines) is not lines and lines[1].label is Label.BOILERPLATE  # not in place
    # a sentence in several parts, two of them dropped in a row
    rows = [("Readers can download it from", True), ("the project's site", False), ("or from", False),
            ("a mirror near them.", True)]
    assert [l.label for l in keep_sentence_fragments(_labelled(rows))] == [Label.CONTENT] * 4
    # whatever cue the first pass found in it
    rows = [("You can read the whole report on", True), ("our website", False), (", which went online today.", True)]
    assert keep_sentence_fragments(_labelled(rows, {1: "NC-NAV"}))[1].label is Label.CONTENT


@pytest.mark.parametrize("above, middle, below", [
    ("Nachrichten aus der Region", "Wetter", "Verkehr in Berlin"),  # a menu
    ("Why Apple Replaced Its Maps App", "iPhone 5 Scorns Standards Promise", "iOS 6 Adoption Tops 25%"),  # headlines
    ("The complete list of online retailers", "Bonus stuff!", "or click on a title below"),  # it ends a sentence
    ("The council met on Tuesday.", "Share this article:", "it agreed to rebuild the bridge"),  # no run-on above or below
])
def test_no_sentence_runs_through_these(above, middle, below):
    from newsclean.lastpass import keep_sentence_fragments

    lines = _labelled([(above, True), (middle, False), (below, True)])
    assert keep_sentence_fragments(lines) == lines


@pytest.mark.parametrize("above, below, expected", [
    ("of all time is", ", which this year overthrows", True),  # a comma goes on
    ("whether", "will continue as manager", True),  # a word in lower case
    ("the fastest phone", ". It sold out", True),  # a full stop closes the sentence begun above
    ("Why Apple Replaced Its Maps App", "iOS 6 Adoption Tops 25%", False),  # a brand, not a lower-case word
    ("The council met on Tuesday.", "it agreed", False),  # the line above ends with a mark
    ("Read more", "", False),  # nothing below
])
def test_runs_on_tells_a_sentence_split_over_lines(above, below, expected):
    from newsclean.punctuation import runs_on

    assert runs_on(above, below) is expected
