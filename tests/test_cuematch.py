"""The page-level cue scan agrees with the cue files, line by line, and its shortcuts
(first-character dispatch, literal and digit gates, joined-page search) lose nothing."""
from __future__ import annotations

import pytest

from newsclean import cuematch, cues
from newsclean.blocks import split
from newsclean.classify import first_pass, scan
from newsclean.cuematch import ALL_KINDS, CONTAINS, EXACT, PATTERNS, PREFIX, CueIndex, Hit

LINES = ["12 comments", "Page 2 of 5", "© 2024 Foo", "By Jane Doe", "责任编辑：张三", "更多新闻 >",
         "1 / 12", "Home > World", "views: 1,234", "(资料图片)", "Lesezeit: 3 Minuten", "3 min read",
         "Share on Facebook", "相关阅读", "当前位置:首页 > 新闻", "版权声明:本文由本站发布",
         "“某某” 的相关文章", "Call us: 212-714-2398", "212-714-2398", "联系电话 13912345678",
         "An ordinary sentence of the article, which no cue should touch at all.",
         "今天天气很好，我们去公园散步。"]


def _reference_winner(line: str):
    """The winning (code, kind) by the slow reference, ``CueSet.match`` code by code:
    the most specific kind first, then the first pass's priority."""
    from newsclean.cues import KINDS
    from newsclean.rules import PRIORITY

    found = cues.hits(line, cues.cues())
    if not found:
        return None
    code = min(found, key=lambda c: (KINDS.index(found[c]), PRIORITY.index(c)))
    return code, found[code]


@pytest.mark.parametrize("line", LINES)
def test_scan_agrees_with_the_cue_sets(line):
    found = cuematch.index().scan([line])
    assert found.winner(0) == _reference_winner(line), line
    # every code found is one the cue files give (combined anchored patterns report the
    # first alternative that matches, so a code may be missing, never invented)
    assert found.codes_of(0) <= set(cues.hits(line, cues.cues())), line
    assert set(cues.hits(line)) == found.codes_of(0)


def test_scan_of_a_page_equals_scans_of_its_lines():
    """Joining the lines into one text (and the gates on it) changes no line's matches."""
    idx = cuematch.index()
    page = idx.scan(LINES)
    for i, line in enumerate(LINES):
        assert page.hits[i] == idx.scan([line]).hits[0], line


def test_phone_number_at_line_end_matches_when_lines_are_joined():
    # "\s*$" may run into the next line in the joined text: the line is tried again alone
    page = cuematch.index().scan(["212-714-2398", "", "More text here."])
    assert "NC-CONTACT" in page.codes_of(0)


def test_winner_order_and_disabled_codes():
    idx = cuematch.index()
    found = idx.scan(["Share on Facebook"])
    assert found.winner(0) == ("NC-SHARE", "exact")
    assert found.winner(0, disabled=frozenset({"NC-SHARE"})) is None
    assert found.winner(0, kinds=PATTERNS) is None
    # hits are sorted: the most specific kind first, then by priority
    hits = idx.scan(["Share on Facebook", "12 comments"]).hits
    for line_hits in hits:
        assert list(line_hits) == sorted(line_hits)


def test_want_limits_the_kinds_tried():
    idx = cuematch.index()
    line = "版权声明:本文由本站发布"
    assert idx.scan([line], [EXACT | PREFIX]).hits[0] == ()
    assert any(h.kind == CONTAINS for h in idx.scan([line], [ALL_KINDS]).hits[0])


def test_first_char_dispatch_keeps_alternative_order():
    d = cuematch._FirstCharDispatch(["(?P<a0_0>^page\\s+\\d+)", "(?P<a1_0>^\\d+ of \\d+$)", "(?P<a2_0>^p.*)"], 2)
    assert d.for_char("p").match("page 2").lastgroup == "a0_0"
    assert d.for_char("P").match("Pumpkin").lastgroup == "a2_0"
    assert d.for_char("3").match("3 of 4").lastgroup == "a1_0"
    assert d.for_char("x") is None


def test_extra_cues_reach_the_scan():
    extra = (("NC-PROMPT", "exact", ("zzz custom prompt",)),)
    assert cuematch.index(extra).scan(["ZZZ custom prompt!"]).winner(0) == ("NC-PROMPT", "exact")
    assert cuematch.index().scan(["ZZZ custom prompt!"]).winner(0) is None


def test_first_pass_uses_the_given_scan():
    units = split("Share on Facebook\n\n" + "This is a long sentence of the article body. " * 3)
    page = scan(units)
    assert [l.first_code for l in first_pass(units, page_cues=page)] == \
        [l.first_code for l in first_pass(units)] == ["NC-SHARE", "NC-TEXT"]


def test_hit_is_kind_then_code():
    assert Hit(EXACT, 5) < Hit(PREFIX, 0)
    assert isinstance(cuematch.index(), CueIndex)


# ----------------------------------------------- contains cues: Aho-Corasick as a regex

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.lists(st.text(alphabet="ab c", min_size=1, max_size=5), min_size=1, max_size=8, unique=True)


def _regex_matches(words, text):
    import re

    return [(m.start(), m.group()) for m in re.compile(cues.trie(sorted(words))).finditer(text)]


@settings(max_examples=400, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abc \n", max_size=40))
def test_leftmost_longest_finds_what_the_trie_regex_finds(words, text):
    automaton = cuematch._automaton(words)
    assert cuematch.leftmost_longest(automaton, text) == _regex_matches(words, text)


def test_leftmost_longest_keeps_a_match_inside_a_failed_longer_word():
    # pyahocorasick's own iter_long misses the final "b" here
    automaton = cuematch._automaton(["aabb", "b"])
    text = "cbac\nac\ncbcaacccac\n\na\nbc\nabaab"
    assert cuematch.leftmost_longest(automaton, text) == _regex_matches(["aabb", "b"], text)
    assert cuematch.leftmost_longest(automaton, text)[-1] == (29, "b")


@pytest.mark.parametrize("pattern, words", [
    (r"\blesezeit\b", ("lesezeit",)),
    (r"\b\d{1,2}\s+min(?:ute)?s?\s+read\b", ("read",)),  # the longest required run
    (r"(?:手机|电话|tel)\s*[/:：]", ("tel", "手机", "电话")),  # one per branch
    (r"[(\[]\s*(?:photos?|bild|image|imagen)\s*[)\]]", ("bild", "image", "photo")),  # "imagen" holds "image"
    (r"©\s*\d{4}", ("©",)),  # a single character, when it is not ASCII
    (r"1(?<!\d1)[3-9]\d{9}", None),  # "1" alone is no gate
    (r"(?:ab|\d+)x", None),  # a branch without a literal: no gate from it
    (r"(?:foo)?bar", ("bar",)),  # an optional part gives nothing
    (r"(?i)bar", None),
])
def test_required_literals(pattern, words):
    assert cuematch.required_literals(pattern) == words


def test_required_literals_are_in_every_match():
    lines = [line.lower() for line in LINES] + ["3 minutes read", "bild: (bild) x", "电话：123", "tel/fax"]
    for _, pattern, words, _ in cuematch.index().floating:
        for line in lines:
            if words and pattern.search(line):
                assert any(w in line for w in words), (pattern.pattern, line)


def test_lines_with_finds_each_line_once():
    text, starts = cuematch.joined(["a tel tel", "none", "hotel", "", "tel"])
    assert cuematch.lines_with(text, starts, ("tel",)) == [0, 2, 4]
    assert cuematch.lines_with(text, starts, ("x", "none")) == [1]
    assert cuematch.lines_with(text, starts, ("zzz",)) == []


def test_phrases_try_a_line_only_against_the_phrases_whose_literal_it_holds():
    phrases = cuematch.Phrases([r"\bnot be (?:published|copied)\b", r"(?:newsletter|inbox)\b", r"\bper e-?mail\b"], "test")
    lines = ["this may not be published.", "no phrase here", "sign up: newsletter and per email", "inbox"]
    # (each line's literals: "not be ", "newsletter" and "per e", "inbox"; none in the second line)
    assert phrases.tried_by_line(lines) == {0: {0}, 2: {1, 2}, 3: {1}}
    assert [phrases.found_in(line) for line in lines] == [True, False, True, True]
    assert phrases.tried(lines[2]) == {1, 2} and phrases.tried(lines[1]) == set()
    assert not phrases.found_in("it may not be publishedx")  # the literal is there, the phrase is not
    assert phrases.tried_by_line([]) == {}
