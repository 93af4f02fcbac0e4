"""Body blocks, Markdown escaping and front matter."""
import yaml

from newsclean.blocks import split
from newsclean.document import Block, BlockKind, Metadata
from newsclean.render import (body_markdown, escape, markdown, parse_blocks, split_front_matter,
                              to_blocks, unescape)

EN = "The council approved the new budget on Tuesday after a long debate, officials said."


def kinds(text):
    return [(b.kind, b.text) for b in to_blocks(split(text))]


def test_paragraph_heading_list():
    got = kinds(f"{EN}\n\nWhat comes next\n\n{EN} Again.\n\n• first point\n• second point")
    assert got == [(BlockKind.PARAGRAPH, EN), (BlockKind.HEADING, "What comes next"),
                   (BlockKind.PARAGRAPH, EN + " Again."), (BlockKind.LIST_ITEM, "first point"),
                   (BlockKind.LIST_ITEM, "second point")]


def test_fragments_of_one_sentence_joined():
    got = kinds("The mayor said that\nthe new bridge\nwill open in May, officials said.")
    assert got == [(BlockKind.PARAGRAPH, "The mayor said that the new bridge will open in May, officials said.")]


def test_cjk_fragment_joined_without_space():
    got = kinds("据新华社报道\n,今年的产量再创新高。")
    assert got == [(BlockKind.PARAGRAPH, "据新华社报道,今年的产量再创新高。")]


def test_short_lines_under_a_colon_are_a_list_whose_markers_the_dump_dropped():
    text = (f"{EN}\n\nIngredients for 4 portions:\n\n2 tsp vegetable oil\n\n1 large onion\n\n"
            f"4 cloves garlic, minced\n\n{EN} Again.\n\nWhat comes next\n\n{EN}")
    assert kinds(text) == [(BlockKind.PARAGRAPH, EN), (BlockKind.PARAGRAPH, "Ingredients for 4 portions:"),
                           (BlockKind.LIST_ITEM, "2 tsp vegetable oil"), (BlockKind.LIST_ITEM, "1 large onion"),
                           (BlockKind.LIST_ITEM, "4 cloves garlic, minced"), (BlockKind.PARAGRAPH, EN + " Again."),
                           (BlockKind.HEADING, "What comes next"), (BlockKind.PARAGRAPH, EN)]
    # under a list of amounts, a short line opening with no number before a paragraph is the next
    # section's subheading; under other items it is the list's last item
    assert kinds(f"Ingredients:\n\n2 tsp oil\n\n1 large onion\n\nDirections\n\n{EN}")[3:] == [
        (BlockKind.HEADING, "Directions"), (BlockKind.PARAGRAPH, EN)]
    assert kinds(f"Browsers:\n\nGoogle Chrome\n\nApple Safari\n\nMozilla Firefox\n\n{EN}")[3:] == [
        (BlockKind.LIST_ITEM, "Mozilla Firefox"), (BlockKind.PARAGRAPH, EN)]
    # the last item before a paragraph is no subheading; the list reads back as it was written
    md = body_markdown(to_blocks(split(text)))
    assert "- 2 tsp vegetable oil\n- 1 large onion\n- 4 cloves garlic, minced\n\n" in md
    assert body_markdown(parse_blocks(md)) == md


def test_lines_under_a_colon_that_are_no_list_stay_paragraphs():
    # one short line alone is no list; a sentence ends with a full stop; a hard-wrapped paragraph's
    # lines go on from one to the next (joined, as before)
    assert kinds(f"He named one:\n\nThe Old Bridge\n\n{EN}") == [
        (BlockKind.PARAGRAPH, "He named one:"), (BlockKind.HEADING, "The Old Bridge"), (BlockKind.PARAGRAPH, EN)]
    assert kinds("They said:\n\nWe will stay.\n\nWe will not go.") == [
        (BlockKind.PARAGRAPH, "They said:"), (BlockKind.PARAGRAPH, "We will stay."), (BlockKind.PARAGRAPH, "We will not go.")]
    assert kinds("Federal rules changed:\nThe law requires a 15-year period. For California\n"
                 "purposes, improvements must be recovered\nover 39 years.") == [
        (BlockKind.PARAGRAPH, "Federal rules changed:"),
        (BlockKind.PARAGRAPH, "The law requires a 15-year period. For California purposes, improvements must be "
                              "recovered over 39 years.")]


def test_escape_only_what_renders():
    assert escape("plain text, 5 * 3 = 15") == "plain text, 5 * 3 = 15"
    assert escape("snake_case_name") == "snake_case_name"
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("1. not a list") == "1\\. not a list"
    assert escape("a *b* c") == "a \\*b\\* c"
    assert escape("see [this](x)") == "see \\[this\\](x)"
    assert escape("<script>") == "\\<script>"
    # a marker alone on its line is an empty list item ('*' under a footnote), '-' a setext underline
    assert escape("*") == "\\*" and escape("+") == "\\+" and escape("-") == "\\-"
    assert escape("*nix and Linux") == "*nix and Linux"
    for s in ["# x", "1. x", "a *b* c", "- y", "<b>", "*", "+"]:
        assert unescape(escape(s)) == s


def test_front_matter_quotes_what_needs_quoting():
    meta = Metadata(title='Breaking: "quotes" # and colons: here', date="2023-04-18T21:25:03",
                    tags=("a", "b: c"), language="en")
    md = markdown(meta, [Block(BlockKind.PARAGRAPH, EN)])
    data, body = split_front_matter(md)
    assert data["title"] == 'Breaking: "quotes" # and colons: here'
    assert str(data["date"]).startswith("2023-04-18")
    assert data["tags"] == ["a", "b: c"]
    assert list(data) == ["title", "date", "tags", "language"]
    assert body == "\n" + EN + "\n"
    assert yaml.safe_load(md.split("---\n")[1]) == data


def test_unknown_fields_omitted_and_empty_front_matter_when_nothing_known():
    # an empty block still marks the file as newsclean's output (cleaning it again keeps it)
    assert markdown(Metadata(), [Block(BlockKind.PARAGRAPH, "x")]) == "---\n---\n\nx\n"
    assert markdown(Metadata(), []) == ""
    assert "author" not in markdown(Metadata(title="T"), [])


def test_parse_blocks_round_trip():
    blocks = [Block(BlockKind.PARAGRAPH, "a *b* c"), Block(BlockKind.HEADING, "Sub"),
              Block(BlockKind.LIST_ITEM, "one"), Block(BlockKind.LIST_ITEM, "two"),
              Block(BlockKind.LIST_ITEM, "3. three"), Block(BlockKind.PARAGRAPH, "1. not a list")]
    md = body_markdown(blocks)
    assert parse_blocks(md) == blocks
    assert body_markdown(parse_blocks(md)) == md


_TRICKY = ["Jane Doe", "Krieg in Nahost: USA", "yes", "No", "NULL", "On", "True", "y", "Tom's day", 'He said "no"',
           "C# tips", "a #tag", "trailing ", " leading", "2025-04-15", "2025-04-15T10:00:00+02:00",
           "2025-04-15T10:00", "2025-04-15 10:00:00", "Zürich", "中文标题", "Новости", "Ελλάδα", "emoji 😀",
           "ǅemal", "soft\u00adhyphen", "nbsp\u00a0end\u00a0", "line\u2028break", "tab\there", "bom\ufeff",
           "e\u0301", "- dash", "!bang", "&anchor", "*alias", "|pipe", ">fold", "%pct", "@at", "`tick", "[list]",
           "{map}", "~", "<<", "=", ".inf", "0x1F", "1e3", "under_score", "a: b", "a:b", "what?", "x, y"]


def test_front_matter_fast_path_writes_what_yaml_dump_writes():
    """Common values (names, headlines without a colon, ISO dates, plain tags) skip PyYAML's
    emitter; the text must be byte for byte what yaml.dump writes, and the rest goes to it."""
    import random

    from newsclean.render import _dump_simple, _yaml

    def dump(data):
        return yaml.dump(data, Dumper=_yaml()[1], allow_unicode=True, sort_keys=False,
                         default_flow_style=False, width=10_000)

    rng = random.Random(7)
    pieces = list("aZé中 ы-_'\",.:#?!&*|>%@`[]{}~=+\\/()\t\n\u00a0\u2028\x850T") + _TRICKY
    values = _TRICKY + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    fast = 0
    for v in values:
        for data in ({"title": v}, {"author": "Jane Doe", "tags": [v, "x"], "language": "en"}):
            got = _dump_simple(data)
            if got is not None:
                fast += 1
                assert got == dump(data), v
    assert fast > 1000
    assert _dump_simple({"title": "Jane Doe", "date": "2025-04-15", "tags": ["a", "b"]}) == \
        "title: Jane Doe\ndate: '2025-04-15'\ntags:\n- a\n- b\n"
    assert _dump_simple({"title": "Breaking: news"}) is None and _dump_simple({"title": "yes"}) is None


def test_number_glued_to_its_item_among_numbered_items_is_an_item():
    # '3.Charlotte' lost its space with the markup; its neighbours '2. Sam' and '4. Nicki' did not
    text = f"2. Sam Ponder\n\n{EN}\n\n3.Charlotte Jones Anderson\n\n{EN} Again.\n\n4. Nicki Case"
    got = kinds(text)
    assert got[2] == (BlockKind.LIST_ITEM, "3. Charlotte Jones Anderson")
    assert "\n3. Charlotte Jones Anderson\n" in body_markdown(to_blocks(split(text)))
    # alone, a number glued to a word is a name ('1.FC Köln'), and a section's number ('3.4') no item
    got = kinds(f"{EN}\n\n1.FC Köln\n\n{EN} Again.\n\n3.4 Recht auf Einschränkung\n\n{EN}")
    assert [k for k, _ in got] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH,
                                   BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert got[1][1] == "1.FC Köln"


def test_heading_under_a_list_whose_last_item_ends_a_sentence():
    text = (f"{EN}\n\n5. Die Löschung ist zur Erfüllung einer rechtlichen Verpflichtung erforderlich.\n\n"
            f"6.Die Daten wurden in Bezug auf angebotene Dienste erhoben.\n\n3.4 Recht auf Einschränkung\n\n{EN}")
    got = kinds(text)
    assert [k for k, _ in got] == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                                   BlockKind.HEADING, BlockKind.PARAGRAPH]
    # a short line between two items is no heading ('and'), nor is one under an item that ends
    # no sentence (a list of names goes on)
    got = kinds(f"{EN}\n\n1) that the Union be called so.\n\nand\n\n2) that it be the guardian.\n\n{EN}")
    assert got[2] == (BlockKind.PARAGRAPH, "and")
    got = kinds(f"{EN}\n\n- Jane Doe\n- John Roe\n\nMore names\n\n{EN}")
    assert (BlockKind.HEADING, "More names") not in got


def test_web_address_is_no_heading():
    # a list of links: each address above its description, no subheading
    got = kinds(f"{EN}\n\nhttp://www.cancer.org\n\n{EN} Again.\n\nOfficial Rules (http://www.letour.fr/rules.pdf)\n\n{EN}")
    assert [k for k, _ in got] == [BlockKind.PARAGRAPH] * 5
