"""Second pass: labels revised by neighbours and by the main region."""
import pytest

from newsclean.blocks import split
from newsclean.classify import first_pass, shape
from newsclean.context import overlay, revise
from newsclean.region import main_span
from newsclean.document import Label

PARA = "这是一段很长的正文内容,讲述了事情的来龙去脉,并且包含了足够多的文字来被当作正文。" * 2
EN = ("The council approved the new budget on Tuesday after a long debate about funding "
      "for schools, roads and the city's ageing water pipes, officials said.")


def run(text, probs=None):
    return revise(first_pass(split(text)), probs)


def test_main_span_is_max_sum_stretch():
    assert main_span([-1, 2, -0.5, 3, -4, 1]) == (1, 4)
    assert main_span([]) == (0, 0)
    assert main_span([-1, -2]) == (0, 0)


def test_short_line_between_text_kept_as_subheading():
    lines = run(f"{EN}\n\nBudget details\n\n{EN} More.")
    assert lines[1].first is Label.BOILERPLATE  # alone it looked like a menu item
    assert lines[1].label is Label.CONTENT  # between two paragraphs it is a subheading
    assert lines[1].code == "NC-TEXT"


def test_short_lines_outside_region_dropped():
    text = "\n".join(["Home", "World", "Sports", "Ventilator maintenance"]) + f"\n\n{EN}\n\n{EN} Again."
    lines = run(text)
    assert [l.label for l in lines[:4]] == [Label.BOILERPLATE] * 4
    assert lines[4].label is Label.CONTENT


def test_isolated_text_in_footer_is_outside():
    filler = "\n".join(f"Menu item {i}" for i in range(12))
    lines = run(f"{EN}\n\n{EN} Two.\n\n{filler}\n\nThis site is run by volunteers who love the city and its history.")
    assert lines[-1].first is Label.CONTENT
    assert lines[-1].label is Label.BOILERPLATE and lines[-1].code == "NC-OUTSIDE"


def test_related_header_ends_article_with_its_teasers():
    text = f"{PARA}\n\n第二段。{PARA}\n\n相关阅读\n\n另一篇文章的标题\n\n{PARA}又一篇的摘要。"
    lines = run(text)
    assert [l.label for l in lines[:2]] == [Label.CONTENT, Label.CONTENT]
    assert all(l.label is Label.BOILERPLATE for l in lines[2:])
    assert lines[2].code == "NC-REL"


def test_duplicate_line_dropped():
    lines = run(f"{EN}\n\n{EN}")
    assert lines[0].label is Label.CONTENT
    assert (lines[1].label, lines[1].code) == (Label.BOILERPLATE, "NC-DUP")


def test_model_drops_a_line_repeating_a_dropped_one_and_keeps_a_repeat_of_a_kept_one():
    # a forum thread: each post has its "Joined:" line (kept, and kept again under the next
    # post); a menu item dropped at the top and shown again among the text goes
    text = f"Joined: 2009\n\n{EN}\n\nForums\n\nJoined: 2009\n\n{EN2}\n\nForums\n\n{EN} Two."
    lines = run(text, probs=[0.97, 0.97, 0.1, 0.97, 0.97, 0.97, 0.97])
    assert [l.label for l in lines] == [Label.CONTENT, Label.CONTENT, Label.BOILERPLATE, Label.CONTENT,
                                        Label.CONTENT, Label.BOILERPLATE, Label.CONTENT]
    assert lines[5].code == "NC-DUP"


def test_first_labels_are_kept_and_input_not_mutated():
    first = first_pass(split(f"{EN}\n\nBudget details\n\n{EN} More."))
    before = list(first)
    final = revise(first)
    assert first == before
    assert [l.first for l in final] == [l.first for l in first]


def test_model_probabilities_drive_labels():
    # (a page the model is sure of, as in the tests below: on an unsure one, lines near kept
    # text grow, see test_unsure_page_grows_kept_text_by_near_lines)
    lines = run(f"{EN}\n\nBudget details\n\n{EN} More.", probs=[0.97, 0.2, 0.97])
    assert [l.label for l in lines] == [Label.CONTENT, Label.BOILERPLATE, Label.CONTENT]
    assert {l.code for l in lines} == {"NC-MODEL"}


def test_overlay_marks_metadata_lines():
    lines = overlay(run(f"{EN}\n\n{EN} More."), {1: ("NC-EDITOR", "editor")})
    assert (lines[1].label, lines[1].code) == (Label.METADATA, "NC-EDITOR")
    assert lines[0].label is Label.CONTENT


EN2 = ("The mayor said the plan would be reviewed again in the spring, once the first "
       "figures on spending were known and the schools had been consulted.")
EN3 = ("Residents who spoke at the meeting asked for the water pipes to come first, since several "
       "streets had been flooded twice during the winter and repairs were still waiting.")


def test_sentence_under_kept_text_continues_the_article():
    # the model hesitates on the last paragraph: under kept text, a sentence stays
    lines = run(f"{EN}\n\n{EN2}", probs=[0.9, 0.3])
    assert lines[1].label is Label.CONTENT
    assert lines[1].code == "NC-TEXT" and "continuing" in lines[1].detail
    # too unlikely, it still goes
    assert run(f"{EN}\n\n{EN2}", probs=[0.97, 0.2])[1].label is Label.BOILERPLATE


def test_sentence_above_kept_text_is_not_pulled_in():
    # right above the article, a hesitant sentence is more often a teaser: only text *below* counts
    # (a lead set apart by a byline or share buttons does come back: test_lead_above_the_article_comes_back)
    lines = run(f"{EN2}\n\n{EN}", probs=[0.3, 0.9])
    assert (lines[0].label, lines[0].code) == (Label.BOILERPLATE, "NC-MODEL")


def test_continuation_needs_a_sentence_and_no_repeat():
    no_end = "The mayor said the plan would be reviewed again in the spring once the first figures came in"
    # (on a page the model is sure of: on an unsure one, lines near kept text grow, see below)
    assert run(f"{EN}\n\n{no_end}", probs=[0.97, 0.35])[1].label is Label.BOILERPLATE
    lines = run(f"{EN2}\n\n{EN}\n\n{EN2}", probs=[0.9, 0.9, 0.35])
    assert (lines[2].label, lines[2].code) == (Label.BOILERPLATE, "NC-MODEL")


def test_colon_line_under_text_opens_a_list_of_short_lines():
    items = ["250 g flour", "2 eggs", "A pinch of salt"]
    text = "\n\n".join([EN, "You will need:", *items, "Follow us"])
    lines = run(text, probs=[0.9, 0.2, 0.12, 0.15, 0.11, 0.3])
    assert [l.label for l in lines[1:5]] == [Label.CONTENT] * 4
    assert "opens a list" in lines[1].detail and "item of the list" in lines[2].detail
    assert (lines[5].label, lines[5].code) == (Label.BOILERPLATE, "NC-NAV")  # a cue still wins


def test_list_needs_kept_text_above_its_colon_line():
    text = "\n\n".join(["Menu:", "Home", "World", "Sports", EN])
    lines = run(text, probs=[0.2, 0.12, 0.15, 0.11, 0.9])
    assert [l.label for l in lines[:4]] == [Label.BOILERPLATE] * 4
    # and a list item unlikely enough (below MODEL_LIST_ITEM) ends the list
    text = "\n\n".join([EN, "You will need:", "250 g flour", "Sign-in help", "2 eggs"])
    lines = run(text, probs=[0.97, 0.2, 0.12, 0.05, 0.2])
    assert [l.label for l in lines] == [Label.CONTENT, Label.CONTENT, Label.CONTENT,
                                        Label.BOILERPLATE, Label.BOILERPLATE]


def test_list_is_limited_to_list_max_items():
    from newsclean.thresholds import LIST_MAX_ITEMS
    items = [f"Item number {i}" for i in range(LIST_MAX_ITEMS + 3)]
    lines = run("\n\n".join([EN, "Contents:", *items]), probs=[0.97, 0.2] + [0.2] * len(items))
    kept = [l for l in lines[2:] if l.label is Label.CONTENT]
    assert len(kept) == LIST_MAX_ITEMS


def test_article_goes_on_under_an_inline_read_more_line():
    # "Read more: <headline>" in the middle of an article is a box, not the end of the article:
    # text under it that the model is sure of stays, the hesitant lines go with the box
    text = "\n\n".join([EN, EN + " One.", EN + " Two.", "Read more: Council rejects new parking fees",
                        "Parking fees and the new bus lanes", EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.5, 0.45, 0.9])
    assert lines[3].code == "NC-REL"
    assert (lines[4].label, lines[4].code) == (Label.BOILERPLATE, "NC-REL")
    assert lines[5].label is Label.CONTENT


def test_read_more_box_with_an_ad_slot_under_it_ends_nothing():
    # an ad slot saying the story continues under the box: the hesitant paragraphs after it stay
    text = "\n\n".join([EN, EN + " One.", EN + " Two.", "Read More", "Council rejects new parking fees",
                        "Story continues below", EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.1, 0.2, 0.05, 0.55])
    assert lines[3].code == "NC-REL" and lines[4].label is Label.BOILERPLATE
    assert lines[6].label is Label.CONTENT
    # without the ad slot's note the same paragraph goes with the list
    lines = run("\n\n".join([EN, EN + " One.", EN + " Two.", "Read More", "Council rejects new parking fees",
                              "Advertisement", EN2]), probs=[0.95, 0.95, 0.95, 0.1, 0.2, 0.05, 0.55])
    assert (lines[6].label, lines[6].code) == (Label.BOILERPLATE, "NC-REL")


@pytest.mark.parametrize("note, is_note", [
    ("STORY CONTINUES BELOW ADVERTISEMENT", True),
    ("Weiter nach der Anzeige", True),
    ("La suite après cette publicité", True),
    ("The particle continues below the threshold.", True),  # 'continues below' as words still counts
    ("The subarticle continuesbelow", False),  # not inside longer words
])
def test_ad_slot_notes_come_from_the_data_file(note, is_note):
    from newsclean.context import _continues
    from newsclean.cues import context_words

    assert "story continues" in context_words("continues")
    assert bool(_continues().search(note.lower())) is is_note


def test_inline_related_list_loses_its_teasers_down_to_the_next_paragraph():
    # a "Related Articles" box early in the article: its headlines and dates go even where the
    # model hesitates towards keeping them; the article's paragraphs under it stay
    text = "\n\n".join([EN, "Related Articles", "Men prefer short walks", "26 Aug 2010",
                        "How long should you wait for the bus?", "24 Jan 2010", EN + " One.", EN + " Two.",
                        EN + " Three."])
    probs = [0.95, 0.1, 0.5, 0.55, 0.58, 0.75, 0.9, 0.9, 0.9]
    lines = run(text, probs=probs)
    assert lines[1].code == "NC-REL"
    assert [(l.label, l.code) for l in lines[2:5]] == [(Label.BOILERPLATE, "NC-REL")] * 3
    assert "list under line 1" in lines[2].detail
    assert lines[5].label is Label.CONTENT  # the model is sure of it (MODEL_KEEP_UNDER_LIST)
    assert all(l.label is Label.CONTENT for l in lines[6:])
    # a header with the text right under it opens no list
    lines = run("\n\n".join([EN, "Related Articles", EN + " One.", EN + " Two."]), probs=[0.95, 0.1, 0.5, 0.9])
    assert lines[2].label is Label.CONTENT


def test_list_header_after_the_article_still_cuts_its_teasers():
    text = "\n\n".join([EN, EN + " One.", EN + " Two.", "Related stories", EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.2, 0.5])
    assert (lines[4].label, lines[4].code) == (Label.BOILERPLATE, "NC-REL")


def test_a_read_more_link_inside_the_article_ends_nothing():
    # "Read more: <headline>" after most of the article is one link set inside it, not the
    # header of a list: the paragraphs under it stay, though the model is unsure of them
    link = "Baca juga: Jokowi Tekankan Pentingnya Alat Kesehatan Modern di RS dan Puskesmas"
    text = "\n\n".join([EN, EN + " One.", EN + " Two.", link, EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.12, 0.5])
    assert (lines[3].label, lines[3].code) == (Label.BOILERPLATE, "NC-REL")
    assert lines[4].label is Label.CONTENT
    # the same cue alone on its line heads a list: what the model is unsure of under it goes
    lines = run(text.replace(link, "Baca juga"), probs=[0.95, 0.95, 0.95, 0.12, 0.5])
    assert (lines[4].label, lines[4].code) == (Label.BOILERPLATE, "NC-REL")


def test_colon_line_that_opens_no_list_goes():
    # "Further information:" under the text, with nothing kept under it, is the header of links
    lines = run("\n\n".join([EN, "Further information:", "Privacy settings"]), probs=[0.9, 0.3, 0.02])
    assert (lines[1].label, lines[1].code) == (Label.BOILERPLATE, "NC-MODEL")
    assert "opens no list" in lines[1].detail
    assert run(f"{EN}\n\nFurther information:", probs=[0.9, 0.3])[1].label is Label.BOILERPLATE


def test_caption_with_photo_credit_does_not_continue_the_text():
    # too long for the caption cue (cue patterns only look at short lines): the guard is the second pass's
    caption = ("The protesters came on stage during the second act of the evening, holding a banner "
               "and a confetti cannon (Photo: Jane Doe/PA Wire)")
    lines = run(f"{EN}\n\n{caption}", probs=[0.9, 0.38])
    assert lines[1].first_code == "NC-TEXT"
    assert (lines[1].label, lines[1].code) == (Label.BOILERPLATE, "NC-MODEL")


@pytest.mark.parametrize("credit", ["(Photo: Jane Doe/PA Wire)", "(Symbolbild)", "[Bildrechte: dpa]",
                                    "(Crédit : AFP)", "(Fotos: Jane Doe)."])
def test_a_credit_in_brackets_opens_with_a_label_of_the_data_file(credit):
    # the labels are data/context.toml's credit_labels, the same the credit after a colon reads
    from newsclean.lastpass import _has_credit
    from newsclean.linekinds import bracketed_credit

    line = f"The protesters came on stage during the second act, holding a banner {credit}"
    assert bracketed_credit().search(line) and _has_credit(line)
    # a bracket that opens with another word is no credit
    assert not bracketed_credit().search("The protesters came on stage (photographers were kept out).")


def test_unsure_page_grows_kept_text_by_near_lines():
    from newsclean.thresholds import MODEL_KEEP, MODEL_NEAR_MARGIN, MODEL_SURE_PAGE
    # a recipe the model is unsure of everywhere (no line reaches MODEL_SURE_PAGE): the
    # ingredient lines just under MODEL_KEEP, right under and between kept text, are the article
    items = ["250 g flour", "2 eggs", "A pinch of salt"]
    near = MODEL_KEEP - MODEL_NEAR_MARGIN / 2
    text = "\n\n".join([EN, *items, EN2, "Follow us"])
    probs = [0.8, near, near, near, 0.7, near]
    assert max(probs) < MODEL_SURE_PAGE
    lines = run(text, probs=probs)
    assert [l.label for l in lines[:5]] == [Label.CONTENT] * 5
    assert all("unsure page" in l.detail for l in lines[1:4])
    # ... but not "Follow us": a cue names it, whatever the model says
    assert lines[5].first_code != "NC-TEXT" and lines[5].label is Label.BOILERPLATE
    # the same probabilities on a page the model is sure of elsewhere: the lines go
    sure = run(text, probs=[0.99] + probs[1:])
    assert [l.label for l in sure[1:4]] == [Label.BOILERPLATE] * 3
    # too far under MODEL_KEEP, or too far from kept text, they go too
    low = MODEL_KEEP - MODEL_NEAR_MARGIN - 0.05
    assert run(text, probs=[0.8, low, low, low, 0.7, near])[2].label is Label.BOILERPLATE
    far = "\n\n".join([EN, "Menu one", "Menu two", "Menu three", "Menu four"])
    lines = run(far, probs=[0.8, 0.1, 0.1, 0.1, near])
    assert lines[4].label is Label.BOILERPLATE


def test_unsure_page_does_not_grow_before_the_article_nor_repeats():
    from newsclean.thresholds import MODEL_KEEP, MODEL_NEAR_MARGIN
    near = MODEL_KEEP - MODEL_NEAR_MARGIN / 2
    # before the first kept line a hesitant line is more often a teaser
    lines = run(f"Breaking: council meets\n\n{EN}\n\n{EN2}", probs=[near, 0.8, 0.8])
    assert lines[0].label is Label.BOILERPLATE
    # a line repeating an earlier one does not come back
    lines = run(f"{EN2}\n\n{EN}\n\n{EN2}", probs=[0.8, 0.8, near])
    assert lines[2].label is Label.BOILERPLATE


def test_unsure_page_does_not_grow_onto_lines_without_a_letter():
    from newsclean.thresholds import MODEL_KEEP, MODEL_NEAR_MARGIN
    near = MODEL_KEEP - MODEL_NEAR_MARGIN / 2
    # a market ticker beside the article: "-216.12 (-1.15%)" under each index name is no text
    text = "\n\n".join([EN, "250 g flour", "-216.12 (-1.15%)", "+0.0015 (+0.02%)"])
    lines = run(text, probs=[0.8, near, near, near])
    assert lines[1].label is Label.CONTENT  # an ingredient holds words: it still grows
    assert [l.label for l in lines[2:4]] == [Label.BOILERPLATE] * 2


LONG = EN + " " + EN  # about 300 columns of article text per line
COMMENT = "I have lived here for thirty years and the pipes were never fixed, whatever the council promised."


def test_comment_count_header_after_the_article_cuts_the_thread():
    # the readers' comments under "3 Responses to “…”" read like text and outweigh the article,
    # so the list-header rule (text before against text after) would keep them
    text = "\n\n".join([LONG, LONG + " Two.", "3 Responses to “Council budget”", COMMENT,
                        "Jane Roe, March 3, 2021 at 9:12 am", COMMENT + " Again.", COMMENT + " Once more.",
                        COMMENT + " And again."])
    lines = run(text, probs=[0.95, 0.95, 0.1, 0.8, 0.3, 0.8, 0.8, 0.8])
    assert [l.label for l in lines[:2]] == [Label.CONTENT] * 2
    assert lines[2].code == "NC-COMMENT"
    assert all(l.label is Label.BOILERPLATE for l in lines[3:])
    assert {l.code for l in lines[3:] if l.first is Label.CONTENT} == {"NC-COMMENT"}
    assert "comment thread under line 2" in lines[3].detail
    # without the model the same
    assert all(l.label is Label.BOILERPLATE for l in run(text)[3:])


def test_comment_thread_keeps_lines_the_model_is_sure_of():
    text = "\n\n".join([LONG, LONG + " Two.", "12 comments", EN2])
    assert run(text, probs=[0.95, 0.95, 0.1, 0.97])[3].label is Label.CONTENT
    assert run(text, probs=[0.95, 0.95, 0.1, 0.9])[3].label is Label.BOILERPLATE


def test_comment_count_header_split_over_text_nodes_cuts_the_thread():
    # a dump of the page's text nodes puts the count and its link on lines of their own
    thread = [COMMENT, "Jane Roe", COMMENT + " Again.", COMMENT + " Once more."]
    for header in (["{", "53", "comments… read them below or", "add one", "}"], ["12", "Comments"]):
        text = "\n".join([LONG, LONG + " Two.", *header, *thread])
        n = len(header)
        lines = run(text, probs=[0.95, 0.95] + [0.5] * n + [0.8, 0.6, 0.8, 0.8])
        assert [l.label for l in lines[:2]] == [Label.CONTENT] * 2
        assert all(l.label is Label.BOILERPLATE for l in lines[2 + n:]), header
        assert "comment thread under line 2" in lines[2 + n].detail
    # short lines that only join into a count by chance somewhere else do not: a number alone
    # must be one of them, and the article's own short lines join into no count
    text = "\n".join([LONG, LONG + " Two.", "Budget details", "Comments", *thread])
    lines = run(text, probs=[0.95, 0.95, 0.6, 0.1, 0.8, 0.6, 0.8, 0.8])
    assert lines[4].label is Label.CONTENT


def test_count_of_no_comments_opens_no_thread():
    # "0 Comments" under a question or a post: what follows is no readers' thread (a forum's answer)
    for header in (["0 Comments"], ["0", "Comments"], ["Comments (0)"]):
        text = "\n".join([LONG, LONG + " Two.", *header, COMMENT, COMMENT + " Again."])
        lines = run(text, probs=[0.95, 0.95] + [0.1] * len(header) + [0.8, 0.8])
        assert [l.label for l in lines[-2:]] == [Label.CONTENT] * 2, header


def test_comment_count_header_above_the_article_cuts_nothing():
    # a count in the byline area ("4 Comments", under the headline) stands before the text
    text = "\n\n".join(["Council budget", "4 Comments", LONG, LONG + " Two."])
    lines = run(text, probs=[0.6, 0.1, 0.95, 0.95])
    assert [l.label for l in lines[2:]] == [Label.CONTENT] * 2
    # nor does a comment widget that is not a count ("Leave a reply") under the text
    text = "\n\n".join([LONG, LONG + " Two.", "Leave a reply", COMMENT, COMMENT + " Again.", COMMENT + " More."])
    assert run(text, probs=[0.95, 0.95, 0.1, 0.8, 0.8, 0.8])[3].label is Label.CONTENT


def test_lead_above_the_article_comes_back():
    from newsclean.thresholds import LONG_LINE_CHARS, MODEL_LEAD
    lead = ("Councillors agreed on a budget that puts the ageing water pipes first, after a winter "
            "of floods in the old town.")
    assert len(lead) >= LONG_LINE_CHARS
    hesitant = MODEL_LEAD + 0.1
    body = [EN, EN2, EN3]
    text = "\n\n".join(["Council backs pipes", lead, "By John Smith", "March 3, 2020", "Share", *body])
    probs = [0.2, hesitant, 0.05, 0.05, 0.02, 0.99, 0.99, 0.99]
    lines = run(text, probs=probs)
    assert (lines[1].label, lines[1].code) == (Label.CONTENT, "NC-TEXT") and "lead" in lines[1].detail
    assert [l.label for l in lines[2:5]] == [Label.BOILERPLATE] * 3  # the byline, date and buttons stay out
    assert lines[0].label is Label.BOILERPLATE
    # a caption with its photo credit between the lead and the body does not hide it
    caption = "The old town under water in January, seen from the cathedral tower (Photo: Jane Doe/PA Wire)"
    lines = run("\n\n".join(["By John Smith", lead, "Share", caption, *body]),
                probs=[0.05, hesitant, 0.02, 0.3] + [0.99] * 3)
    assert lines[1].label is Label.CONTENT and lines[3].label is Label.BOILERPLATE
    # too unlikely, too short, or right above the body (more often a teaser): it stays out
    assert run(text, probs=[0.2, MODEL_LEAD - 0.05] + probs[2:])[1].label is Label.BOILERPLATE
    short = "Councillors agreed on a budget today."
    assert run(text.replace(lead, short), probs=probs)[1].label is Label.BOILERPLATE
    lines = run("\n\n".join(["Council backs pipes", lead, *body]), probs=[0.2, hesitant, 0.99, 0.99, 0.99])
    assert lines[1].label is Label.BOILERPLATE
    # above a first kept line the model is not sure of, nothing is a lead
    assert run(text, probs=probs[:5] + [0.5, 0.99, 0.99])[1].label is Label.BOILERPLATE
    # a headline between them: what stands above it is the page's header (a notice), not a lead
    headline = "Council backs the plan to renew the water pipes of the old town"
    assert not shape(headline).textlike and not shape(headline).short
    lines = run("\n\n".join([lead, "Share", headline, "By John Smith", *body]),
                probs=[hesitant, 0.02, 0.1, 0.05] + [0.99] * 3)
    assert lines[0].label is Label.BOILERPLATE
    # ... and so is a short line the model hesitates on (it may be the headline)
    from newsclean.thresholds import LEAD_SKIP_MAX
    lines = run(text, probs=[0.2, hesitant, 0.05, LEAD_SKIP_MAX + 0.05, 0.02, 0.99, 0.99, 0.99])
    assert lines[1].label is Label.BOILERPLATE
    # (a bound of its own: a date the model half trusts, more than it trusts the lead, hides nothing)
    doubted = (MODEL_LEAD + LEAD_SKIP_MAX) / 2
    lines = run(text, probs=[0.2, doubted - 0.02, 0.05, doubted + 0.02, 0.02, 0.99, 0.99, 0.99])
    assert lines[1].label is Label.CONTENT and lines[3].label is Label.BOILERPLATE
    # ... and so is a menu (NAV_RUN_MIN short lines in a row that only their shape names)
    from newsclean.thresholds import NAV_RUN_MIN
    menu = ["Tents", "Shoes", "Ropes", "Maps", "Lamps", "Outlet"][:NAV_RUN_MIN]
    lines = run("\n\n".join([lead, *menu, *body]), probs=[hesitant] + [0.03] * len(menu) + [0.99] * 3)
    assert all(l.first_code == "NC-NAV" for l in lines[1:1 + len(menu)])
    assert lines[0].label is Label.BOILERPLATE
    # (one line fewer is no menu: a byline, a date and a share button do not hide the lead)
    lines = run("\n\n".join([lead, *menu[1:], *body]), probs=[hesitant] + [0.03] * (len(menu) - 1) + [0.99] * 3)
    assert lines[0].label is Label.CONTENT


def test_ingredient_list_stays_though_the_model_doubts_it():
    from newsclean.thresholds import INGREDIENT_MIN_LINES
    # a recipe: "Ingredients", its heading "For the dough:", amounts with units (one line
    # without: "Salt"), then the steps; the model scores the list like a menu
    items = ["For the dough:", "250 g flour", "2 tbsp sugar", "Salt", "½ TL Backpulver", "1 Pck. Vanillezucker"]
    text = "\n\n".join(["Ingredients", *items, EN, EN2])
    probs = [0.05, 0.05, 0.1, 0.08, 0.05, 0.1, 0.07, 0.9, 0.9]
    lines = run(text, probs=probs)
    assert lines[0].label is Label.BOILERPLATE  # no colon: not the list's own heading
    assert [l.label for l in lines[1:7]] == [Label.CONTENT] * 6
    assert all("ingredient list" in l.detail for l in lines[1:7])
    # too few amounts in a row, a run broken by a paragraph, or no kept text on the page: nothing comes back
    short = "\n\n".join(["250 g flour", "2 tbsp sugar", "Menu", "Home", "Contact", "1 cup milk", EN])
    assert INGREDIENT_MIN_LINES == 3
    assert all(l.label is Label.BOILERPLATE for l in run(short, probs=[0.1] * 6 + [0.9])[:6])
    broken = "\n\n".join(["250 g flour", "2 tbsp sugar", EN, "1 cup milk", EN2])
    assert all(run(broken, probs=[0.1, 0.1, 0.1, 0.1, 0.9])[i].label is Label.BOILERPLATE for i in (0, 1, 3))
    assert all(l.label is Label.BOILERPLATE for l in run(text, probs=[0.05] * 9))
    # a cocktail's: a bar's measures are units too ('1-2 Spritzer', '2 dashes', '1 barspoon')
    bar = "\n\n".join([EN, "So geht der Sazerac:", "1-2 Spritzer Peychaud's Bitters", "5 cl Rye Whiskey",
                        "2 dashes Angostura", "1 barspoon absinthe", EN2])
    lines = run(bar, probs=[0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9])
    assert [l.label for l in lines[1:6]] == [Label.CONTENT] * 5
    # counters, dates and comment counts are no amounts
    listing = "\n\n".join(["1 von 17", "28. Januar 2022", "3 Kommentare", "12 Antworten", EN])
    assert all(l.label is Label.BOILERPLATE for l in run(listing, probs=[0.1] * 4 + [0.9])[:4])


def test_code_block_next_to_the_article_stays():
    from newsclean.thresholds import CODE_MIN_LINES, CODE_NEAR_LINES
    # a programming blog: the last example under the article's last paragraph, which the
    # model scores like a menu (short lines without sentences)
    block = ["FROM python:3.7", "RUN pip install -r requirements.txt", "COPY . /app", 'CMD ["flask", "run"]']
    text = "\n\n".join([EN, EN2, *block, "Home", "Contact"])
    lines = run(text, probs=[0.99, 0.9, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05])
    assert [l.label for l in lines[2:6]] == [Label.CONTENT] * 4
    assert all("code block" in l.detail for l in lines[2:6])
    assert lines[6].label is Label.BOILERPLATE
    # a Python example with a blank-ish line between, and a shell session
    py = ["import sys", "def main(argv):", "Output", "x = int(argv[1])", "print(x)"]
    lines = run("\n\n".join([EN, *py]), probs=[0.9] + [0.1] * 5)
    assert all(l.label is Label.CONTENT for l in lines)
    # too few code lines, or far from kept text: nothing comes back
    assert CODE_MIN_LINES == 3 and CODE_NEAR_LINES == 3
    two = run("\n\n".join([EN, "import sys", "print(x)", "Home"]), probs=[0.9, 0.1, 0.1, 0.1])
    assert all(l.label is Label.BOILERPLATE for l in two[1:])
    far = run("\n\n".join([EN, "Home", "News", "Sports", "Weather", *block]), probs=[0.9] + [0.05] * 8)
    assert all(l.label is Label.BOILERPLATE for l in far[1:])
    # menus, photo counts and templates are no code
    menu = run("\n\n".join([EN, "Home", "演唱会(12张)", "{{link.text}}", "News (3)"]), probs=[0.9] + [0.1] * 4)
    assert all(l.label is Label.BOILERPLATE for l in menu[1:])


def test_model_sure_of_a_sentence_outweighs_a_word_it_contains():
    # "newsletter" is a cue word a line may contain anywhere (NC-PROMPT); in a sentence the
    # model is all but sure of, it is the article's own word
    said = "The school's newsletter told parents on Monday that the buses would run again."
    text = "\n\n".join([EN, said, EN + " Again."])
    assert run(text)[1].first_code == "NC-PROMPT" and run(text)[1].detail == "contains cue"
    lines = run(text, probs=[0.95, 0.95, 0.95])
    assert lines[1].label is Label.CONTENT and lines[1].code == "NC-MODEL"
    # where the model only leans to text, the cue decides
    lines = run(text, probs=[0.95, 0.8, 0.95])
    assert lines[1].label is Label.BOILERPLATE and lines[1].code == "NC-PROMPT"
    # and a line that is nothing but a cue ("Advertisement") goes whatever the model says
    lines = run("\n\n".join([EN, "Advertisement", EN + " Again."]), probs=[0.95, 0.99, 0.95])
    assert lines[1].label is Label.BOILERPLATE and lines[1].code == "NC-PROMPT"


def test_sentences_in_a_row_under_the_article_are_its_next_paragraphs():
    from newsclean.thresholds import MODEL_CONTINUE, MODEL_PARAGRAPHS
    low = (MODEL_PARAGRAPHS + MODEL_CONTINUE) / 2  # too unlikely to continue the text alone
    third = "Work on the first schools is due to start in March, the council said in a statement."
    # on a page the model is sure of (a page it is unsure of grows its text by other means)
    text = "\n\n".join([EN, "Budget details", EN2, third, "Follow us"])
    lines = run(text, probs=[0.99, 0.1, low, low, 0.1])
    assert [l.label for l in lines[2:4]] == [Label.CONTENT] * 2
    assert all("paragraphs" in l.detail for l in lines[2:4])
    # one such sentence alone under the article still goes
    lines = run("\n\n".join([EN, "Budget details", EN2, "Follow us"]), probs=[0.99, 0.1, low, 0.1])
    assert lines[2].label is Label.BOILERPLATE
    # ... and sentences in a row under nothing kept are no next paragraphs (on a page that keeps
    # nothing at all, they are its best text: see test_page_that_keeps_nothing_keeps_its_best_text)
    lines = run("\n\n".join(["Menu", EN2, third]), probs=[0.1, low, low])
    assert not any("paragraphs" in l.detail for l in lines)
    # ... nor are too unlikely ones
    under = MODEL_PARAGRAPHS - 0.05
    assert run(text, probs=[0.99, 0.1, under, under, 0.1])[2].label is Label.BOILERPLATE
    # a running-text line between the kept text and the run ends the search
    teaser = "Read our full coverage of the city budget and what it means for your neighbourhood"
    lines = run("\n\n".join([EN, teaser, EN2, third]), probs=[0.99, 0.1, low, low])
    assert [l.label for l in lines[2:4]] == [Label.BOILERPLATE] * 2


def test_page_that_keeps_nothing_keeps_its_best_text():
    from newsclean.thresholds import MODEL_KEEP, RESCUE_MIN_P
    menu = ["Dashboard", "Standings", "Fixtures", "Results"]
    hesitant = (RESCUE_MIN_P + MODEL_KEEP) / 2
    text = "\n\n".join([*menu, EN, EN2, "Advertisement", EN3, "Contact us"])
    probs = [0.05] * 4 + [hesitant, hesitant, 0.02, hesitant, 0.02]
    lines = run(text, probs=probs)
    assert [l.label for l in lines[4:6]] == [Label.CONTENT] * 2 and lines[7].label is Label.CONTENT
    assert "kept nothing" in lines[4].detail
    assert all(l.label is Label.BOILERPLATE for l in lines[:4] + [lines[6], lines[8]])
    # a page that keeps something is left alone
    lines = run(text, probs=[0.9] + probs[1:])
    assert lines[0].label is Label.CONTENT and all(l.label is Label.BOILERPLATE for l in lines[1:])
    # below RESCUE_MIN_P, or one short sentence (an error page's), nothing comes back
    assert all(l.label is not Label.CONTENT for l in run(text, probs=[min(p, RESCUE_MIN_P - 0.05) for p in probs]))
    error = "The page you requested cannot be found, please try searching our website instead."
    assert all(l.label is not Label.CONTENT for l in run("\n\n".join([*menu, error]), probs=[0.05] * 4 + [hesitant]))
    # link texts glued together hold no sentence: no article
    glued = "Parent BlogsHow to Be an Online Shopping ExpertOnline Games for KidsThe Best Kids' ToysParents' Plan"
    assert shape(glued).textlike
    lines = run("\n\n".join([*menu, glued, "Topics", glued + " Two", "Guides", glued + " Three"]),
                probs=[0.05] * 4 + [hesitant, 0.1] * 2 + [hesitant])
    assert all(l.label is not Label.CONTENT for l in lines)


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
