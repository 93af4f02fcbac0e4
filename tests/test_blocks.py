"""Splitting text into units: newlines, blocks, wrapped dumps."""
from newsclean.blocks import display_width, join_fragments, normalize_newlines, split


def test_crlf_cr_and_bom_normalised():
    assert normalize_newlines("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


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


def test_cjk_fragments_join_without_space():
    assert join_fragments("上海", "宝山") == "上海宝山"
    assert join_fragments("New", "York") == "New York"
    assert display_width("中文ab") == 6
