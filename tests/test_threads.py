"""Comment threads under the article (``threads``): a count header after the text cuts what follows."""
from newsclean.document import Label
from revise_pages import EN, EN2, run

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


def test_a_themes_responses_so_far_header_cuts_the_thread():
    # WordPress's classic theme: "3 Responses so far »" over the readers' comments
    text = "\n\n".join([LONG, LONG + " Two.", "3 Responses so far »", COMMENT, COMMENT + " Again."])
    lines = run(text, probs=[0.95, 0.95, 0.1, 0.8, 0.8])
    assert lines[2].code == "NC-COMMENT" and all(l.label is Label.BOILERPLATE for l in lines[3:])


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
    for header in (["0 Comments"], ["0", "Comments"], ["Comments (0)"], ["No Responses so far »"],
                   ["NO RESPONSES SO FAR"]):
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


POST = [LONG, LONG + " Two."]  # one post of a blog's front page: over 400 columns of text


def test_counts_ending_several_posts_open_no_thread():
    # a blog's front page ends each post with its count, a link to its comments, and the next
    # post follows: no count opens a thread, and none ends the article as a list header does
    for counts in (["4 comments", "7 comments", "0 comments", "2 comments"],
                   ["Comments (7)", "Comments (36)", "Comments (4)", "Comments (0)"]):
        parts = [p for c in counts for p in (*POST, c)]
        lines = run("\n".join(parts), probs=[0.65 if len(p) > 100 else 0.1 for p in parts])  # (under the sure floors)
        assert [l.label for l in lines].count(Label.CONTENT) == 8, counts
        assert not any("comment thread" in l.detail or "list header" in l.detail for l in lines)
    # the posts are told by their prose, not by what the model kept: it scores those after the
    # first count low, and they count all the same
    parts = [p for c in ["4 comments", "7 comments", "1 comment", "2 comments"] for p in (*POST, c)]
    lines = run("\n".join(parts), probs=[0.9, 0.9, 0.1] + [0.2, 0.3, 0.05] * 3)
    assert [l.label for l in lines].count(Label.CONTENT) == 8
    # two posts between counts are not enough: the first count under the article opens a thread
    parts = [p for c in ["4 comments", "7 comments", "2 comments"] for p in (*POST, c)]
    lines = run("\n".join(parts), probs=[0.65 if len(p) > 100 else 0.1 for p in parts])
    assert lines[2].code == "NC-COMMENT" and all(l.label is Label.BOILERPLATE for l in lines[3:])


def test_counts_of_a_teaser_list_still_cut_the_thread():
    # the teasers of other articles under a thread's header each carry their count too, but a
    # headline and a summary between them are no post: the header still cuts what follows
    teaser = ["Council approves the budget", COMMENT]
    parts = [*POST, "15 comments", COMMENT, COMMENT + " Again.", COMMENT + " More.",
             "More news", *teaser, "10 comments", *teaser, "8 comments", *teaser, "7 comments"]
    lines = run("\n".join(parts), probs=[0.65, 0.65, 0.1] + [0.65] * 3 + [0.1] + [0.6, 0.65, 0.1] * 3)
    assert lines[2].code == "NC-COMMENT"
    assert all(l.label is Label.BOILERPLATE for l in lines[3:])
    # nor does kept text far below a thread whose only other count stands at the page's end
    parts = [*POST, "57 comments", COMMENT, COMMENT + " Again.", COMMENT + " More.", COMMENT + " Four.",
             "247 comments", "236 comments"]
    lines = run("\n".join(parts), probs=[0.65, 0.65, 0.1, 0.65, 0.65, 0.65, 0.65, 0.1, 0.1])
    assert all(l.label is Label.BOILERPLATE for l in lines[3:])


def test_a_posts_other_comment_links_end_nothing_on_a_page_of_posts():
    # each post of a blog's front page ends with its links: the count (of none too, a cue word
    # of its own: "Comments (0)") and "TrackBack"; none of them is a list header ending the text
    parts = [p for c in ["Comments (7)", "Comments (0)", "Comments (4)", "Comments (1)"] for p in (*POST, c, "TrackBack")]
    lines = run("\n".join(parts), probs=[0.65 if len(p) > 100 else 0.1 for p in parts])
    assert [l.label for l in lines].count(Label.CONTENT) == 8
    assert not any("list header" in l.detail or "comment thread" in l.detail for l in lines)
    # on a page of one article, "TrackBack" after most of the text still ends it
    parts = [*POST, LONG, "TrackBack", COMMENT]
    lines = run("\n".join(parts), probs=[0.65, 0.65, 0.65, 0.1, 0.65])
    assert lines[-1].label is Label.BOILERPLATE and "list header" in lines[-1].detail


def test_posts_between_comment_counts_stay_on_a_page_of_several_posts():
    # the model reads the first post's comment link as the start of a thread and scores the
    # posts after it low; between the counts of three posts or more, what it gives 0.1 stays
    parts = [*POST, "Comments (0)"]
    for n in range(3):
        parts += [f"Post number {n}", LONG, LONG + " Two.", "Comments (2)"]
    probs = [0.9, 0.9, 0.1] + [0.15, 0.2, 0.3, 0.05] * 3
    lines = run("\n".join(parts), probs=probs)
    for post in range(3):
        body = lines[4 + 4 * post:6 + 4 * post]
        assert all(l.label is Label.CONTENT and "several posts" in l.detail for l in body), post
        assert lines[3 + 4 * post].label is Label.CONTENT  # its heading too (0.15)
    # what the model gives less stays out
    low = [0.9, 0.9, 0.1] + [0.15, 0.05, 0.3, 0.05] * 3
    assert run("\n".join(parts), probs=low)[4].label is Label.BOILERPLATE
    # two posts are not enough, nor are teasers of one summary line each under their counts
    two = [*POST, "Comments (0)"] + [f"Post number {n}" if k == 0 else p
                                     for n in range(2) for k, p in enumerate(["", LONG, LONG + " Two.", "Comments (2)"])]
    assert run("\n".join(two), probs=[0.9, 0.9, 0.1] + [0.15, 0.2, 0.3, 0.05] * 2)[5].label is Label.BOILERPLATE
    teasers = [*POST, "12 replies"]
    for n in range(4):
        teasers += [f"Topic number {n}", LONG, "5 replies"]
    lines = run("\n".join(teasers), probs=[0.9, 0.9, 0.1] + [0.15, 0.2, 0.05] * 4)
    assert all(l.label is Label.BOILERPLATE for l in lines[3:])


def test_a_blog_front_page_keeps_every_post_end_to_end():
    # samples/synthetic-en-blog-textnodes.txt: four posts of a blog's front page in a dump of
    # text nodes, each ending with "posted by … @" / its time / its count; the shipped model
    # scores the posts after the first count 0.1-0.3, and every post's text stays
    from pathlib import Path

    from newsclean import clean

    page = Path(__file__).resolve().parent.parent / "samples" / "synthetic-en-blog-textnodes.txt"
    md = clean(page.read_text(encoding="utf-8")).markdown
    for sentence in ("The first trays of seed potatoes", "After two nights of hard frost",
                     "Every February I draw the plot", "The tools are dry again"):
        assert sentence in md, sentence
    assert "4 comments" not in md and "TrackBack" not in md and "Older Posts" not in md


def test_comment_counts_are_the_lines_a_count_starts_on_in_page_order():
    # a count on its line, one split over short lines around a number alone (found where its
    # lines start to read as a count: at "{" and again at "53"), a count of none; the article's
    # own short lines and a number alone with no count word beside it are none
    from newsclean.blocks import split
    from newsclean.classify import first_pass
    from newsclean.threads import comment_counts

    text = "\n".join([LONG, "12 comments", LONG + " Two.", "{", "53", "comments… read them below or",
                      "add one", "}", "Budget details", "2021", LONG + " Three.", "0 Comments"])
    counts = comment_counts(first_pass(split(text)))
    assert list(counts) == [1, 3, 4, 11]
    assert counts[1] == "12 comments"
    assert counts[3] == "{ 53 comments… read them below or"
    assert counts[4] == "53 comments… read them below or"
    assert counts[11] == "0 Comments"
