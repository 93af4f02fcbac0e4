"""Second pass with the model (``context``): labels revised by neighbours and by the main region."""
import pytest

from newsclean.blocks import split
from newsclean.classify import first_pass, shape
from newsclean.context import overlay, revise
from newsclean.document import Label
from revise_pages import EN, EN2, EN3, run


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



def test_a_list_cue_going_on_from_the_sentence_above_ends_nothing():
    # a dump of text nodes sets a link's text on a line of its own, in the middle of a sentence
    # ('… as I wrote in' / 'related articles' / 'last week, …'): it goes on from the line above,
    # and is no header of a list ending the article
    text = "\n".join([EN, EN + " One.", EN + " Two. As I wrote in", "related articles", EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.2, 0.5])
    assert lines[4].label is Label.CONTENT
    # the same cue after a finished sentence heads a list
    lines = run(text.replace("As I wrote in", "As I wrote."), probs=[0.95, 0.95, 0.95, 0.2, 0.5])
    assert (lines[4].label, lines[4].code) == (Label.BOILERPLATE, "NC-REL")
    # and so does a pager's word after its count ('1 - 4 of 5' / 'prev'), though it is in lower case
    text = "\n\n".join([EN, EN + " One.", EN + " Two.", "1 - 4 of 5", "prev", EN2])
    lines = run(text, probs=[0.95, 0.95, 0.95, 0.5, 0.2, 0.5])
    assert lines[4].text == "prev" and lines[4].first_code == "NC-PAGE"
    assert (lines[5].label, lines[5].code) == (Label.BOILERPLATE, "NC-REL")

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
