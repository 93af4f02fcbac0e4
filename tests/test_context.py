"""Second pass: labels revised by neighbours and by the main region."""
from newsclean.blocks import split
from newsclean.classify import first_pass
from newsclean.context import main_span, overlay, revise
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


def test_first_labels_are_kept_and_input_not_mutated():
    first = first_pass(split(f"{EN}\n\nBudget details\n\n{EN} More."))
    before = list(first)
    final = revise(first)
    assert first == before
    assert [l.first for l in final] == [l.first for l in first]


def test_model_probabilities_drive_labels():
    lines = run(f"{EN}\n\nBudget details\n\n{EN} More.", probs=[0.9, 0.2, 0.9])
    assert [l.label for l in lines] == [Label.CONTENT, Label.BOILERPLATE, Label.CONTENT]
    assert {l.code for l in lines} == {"NC-MODEL"}


def test_overlay_marks_metadata_lines():
    lines = overlay(run(f"{EN}\n\n{EN} More."), {1: ("NC-EDITOR", "editor")})
    assert (lines[1].label, lines[1].code) == (Label.METADATA, "NC-EDITOR")
    assert lines[0].label is Label.CONTENT
