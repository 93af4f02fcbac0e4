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
