"""First pass: one test per rule code, each line judged alone."""
import pytest

from newsclean.blocks import split
from newsclean.classify import first_pass
from newsclean.document import Label

CASES = [
    ("当前位置:首页 > 宝山产业地产信息 > 正文内容", "NC-CRUMB"),
    ("You are here: Home > World", "NC-CRUMB"),
    ("Skip to main content", "NC-NAV"),
    ("相关阅读", "NC-REL"),
    ("You may also like", "NC-REL"),
    ("或微信/手机:13524678515", "NC-CONTACT"),
    ("Phone: +1 212 555 0100", "NC-CONTACT"),
    ("扫一扫关注公众号", "NC-SHARE"),
    ("Share on Twitter", "NC-SHARE"),
    ("版权声明:本文由本站发布,如需转载请注明出处。", "NC-LEGAL"),
    ("Copyright © 2023 Example Media. All rights reserved.", "NC-LEGAL"),
    ("标签:", "NC-TAGS"),
    ("Tags: politics, europe", "NC-TAGS"),
    ("上一篇:某某新闻", "NC-PAGE"),
    ("Next article", "NC-PAGE"),
    ("发表评论", "NC-COMMENT"),
    ("Leave a Reply", "NC-COMMENT"),
    ("Sign up for our newsletter", "NC-PROMPT"),
    ("We use cookies to improve your experience", "NC-WALL"),
    ("(相关资料图)", "NC-IMAGE"),
    ("阅读 465", "NC-COUNT"),
    ("1.2k views", "NC-COUNT"),
    ("本文链接:http://example.com/post/1.html", "NC-LINK"),
    ("责任编辑:张三", "NC-EDITOR"),
    ("2023-04-18 21:25:03    来源:股票牛", "NC-META"),
]


@pytest.mark.parametrize("text,code", CASES)
def test_cue_rule_fires(text, code):
    (line,) = first_pass(split(text))
    assert line.first is Label.BOILERPLATE
    assert line.first_code == code


def test_disabled_rule_does_not_fire():
    (line,) = first_pass(split("Share on Twitter"), (), frozenset({"NC-SHARE"}))
    assert line.first_code != "NC-SHARE"


def test_prose_with_cue_word_is_kept():
    text = ("The court ruled that the copyright claim, filed by the photographer last year, "
            "had no merit because the image had been licensed to the newspaper beforehand.")
    (line,) = first_pass(split(text))
    assert line.first is Label.CONTENT and line.first_code == "NC-TEXT"


def test_short_line_is_provisional():
    (line,) = first_pass(split("Ventilator maintenance"))
    assert (line.first, line.first_code, line.detail) == (Label.BOILERPLATE, "NC-NAV", "short")


def test_first_pass_sets_both_labels_equal():
    for line in first_pass(split("相关阅读\n" + "正文内容很长。" * 20)):
        assert (line.label, line.code) == (line.first, line.first_code)


def test_every_rule_code_is_defined_once():
    from newsclean.rules import ALL_RULES, PRIORITY, RULES

    codes = [r.code for r in ALL_RULES]
    assert len(codes) == len(set(codes)) == len(RULES)
    assert set(PRIORITY) <= set(codes)
