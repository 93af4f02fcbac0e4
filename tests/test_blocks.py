"""Splitting text into units: newlines, blocks, wrapped dumps."""
from newsclean.blocks import composed, display_width, join_fragments, normalize_newlines, split


def test_crlf_cr_and_bom_normalised():
    assert normalize_newlines("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


def test_text_composed():
    # a letter and its accent as two code points become the one character a reader types;
    # a character with a canonical decomposition only (Bengali RRA) becomes that
    assert composed("gepru\u0308ft Gurtla\u0308nge") == "geprüft Gurtlänge"
    assert composed("\u09b8\u09be\u09dc\u09c7") == "\u09b8\u09be\u09a1\u09bc\u09c7"
    plain = "already composed: geprüft, 中文"
    assert composed(plain) is plain
    assert [u.text for u in split("Die Gurtla\u0308nge\nprüfen")] == ["Die Gurtlänge", "prüfen"]


def test_units_and_blocks():
    units = split("one\ntwo\n\n\nthree\n")
    assert [u.text for u in units] == ["one", "two", "three"]
    assert [u.block for u in units] == [0, 0, 1]
    assert units[2].source == (4, 4)


def test_spaces_collapsed_and_blank_lines_dropped():
    units = split("  a \u3000 b  \n \t \n\u00a0c")
    assert [u.text for u in units] == ["a b", "c"]


def test_wrapped_dump_rejoined():
    sentence = ("This is a long sentence of an article that a text browser wrapped at a fixed "
                "column so that it spans several physical lines in the dump we read here.")
    words, lines, cur = sentence.split(), [], ""
    for w in words * 3:
        if len(cur) + len(w) + 1 > 60:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    text = "Menu\n\n" + "\n".join(lines) + "\n\nFooter\n" + "\n".join(["short"] * 6)
    units = split(text)
    joined = [u for u in units if u.text.startswith("This is")]
    assert len(joined) == 1
    assert joined[0].text == " ".join(words * 3)
    assert joined[0].source[1] - joined[0].source[0] == len(lines) - 1


def _wrap(text: str, cols: int) -> list[str]:
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > cols:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def test_wrapped_paragraphs_among_many_short_lines_rejoined():
    # a page of tour dates and menus (short lines) with two wrapped paragraphs: too few lines
    # reach the wrap column for the share test, but those that do break a sentence each
    para1 = _wrap("Be sure to check out what we have ready for our 2013 World Tour in the post below, "
                  "because we are pretty excited about it and cannot wait to see you there.", 76)
    para2 = _wrap("NYC is all wrapped up, and we are headed back to Boston for a big shoot this week, "
                  "so see ya later, Manhattan, and thanks for having us all this time, the parks, the "
                  "people and the pizza, which we will miss most of all until next time.", 76)
    dates = [f"May {d}: Toronto, Canada (Massey Hall)" for d in range(1, 31)]
    text = "\n\n".join(dates[:20] + ["\n".join(para1), "\n".join(para2)] + dates[20:])
    texts = [u.text for u in split(text)]
    assert any(t.startswith("Be sure") and t.endswith("there.") for t in texts)
    assert any(t.startswith("NYC is") and t.endswith("next time.") for t in texts)
    assert "May 1: Toronto, Canada (Massey Hall)" in texts


def test_broken_lines_test_needs_distinct_lines_within_a_terminal_width():
    from newsclean.blocks import _wrap_width
    from newsclean.thresholds import WRAP_BROKEN_MAX_COLUMNS, WRAP_MIN_BROKEN

    items = [f"Jane Doe {k} on Are Music Fanatics" for k in range(40)]  # many lines, none at the column

    def page(broken: list[str]) -> list[str]:
        return "\n".join(items[:20] + [f"{b}\nwordsmith goes on" for b in broken] + items[20:]).split("\n")

    def line(k: int, width: int) -> str:
        return (f"line {k} of a paragraph that goes on and on " + "x" * width)[:width - 4] + " and"

    distinct = [line(k, 76) for k in range(WRAP_MIN_BROKEN)]
    assert _wrap_width(page(distinct)) == 76
    # the same line again and again (a list whose items end alike) is no wrapped paragraph
    assert _wrap_width(page([distinct[0]] * WRAP_MIN_BROKEN)) is None
    # nor are lines wider than a terminal, nor too few of them
    wide = WRAP_BROKEN_MAX_COLUMNS + 10
    assert _wrap_width(page([line(k, wide) for k in range(WRAP_MIN_BROKEN)])) is None
    assert _wrap_width(page(distinct[:WRAP_MIN_BROKEN - 1])) is None


def test_cjk_fragments_join_without_space():
    assert join_fragments("上海", "宝山") == "上海宝山"
    assert join_fragments("New", "York") == "New York"
    assert display_width("中文ab") == 6


def test_a_line_of_invisible_marks_is_blank():
    # a zero-width non-joiner or a direction mark alone on a line (left by a template) is a blank line; inside
    # a word it stays, where it shapes the word (Persian 'می‌خواهم')
    units = split("First paragraph.\n\u200c\nSecond paragraph.\n\u200e \u200f\nمی\u200cخواهم\u200c")
    assert [u.text for u in units] == ["First paragraph.", "Second paragraph.", "می\u200cخواهم"]
    assert [u.block for u in units] == [0, 1, 2]
