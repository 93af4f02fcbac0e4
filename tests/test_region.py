"""The second pass without the model (``region``): the main region, list headers, teasers, repeats."""
from newsclean.document import Label
from newsclean.region import main_span
from revise_pages import PARA, EN, run


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
