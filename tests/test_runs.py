"""Runs of lines kept whole (``runs``): a recipe's ingredient list, a code block, the rest of a
numbered list the article keeps."""
from newsclean.document import Label
from revise_pages import EN, EN2, EN3, run


def test_ingredient_list_stays_though_the_model_doubts_it():
    from newsclean.thresholds import INGREDIENT_MIN_LINES
    # a recipe: "Ingredients", its heading "For the dough:", amounts with units (one line
    # without: "Salt"), then the steps; the model scores the list like a menu
    items = ["For the dough:", "250 g flour", "2 tbsp sugar", "Salt", "½ TL Backpulver", "1 Pck. Vanillezucker"]
    text = "\n\n".join(["Ingredients", *items, EN, EN2])
    probs = [0.05, 0.05, 0.1, 0.08, 0.05, 0.1, 0.07, 0.9, 0.9]
    lines = run(text, probs=probs)
    assert lines[0].label is Label.BOILERPLATE  # no colon: not the list's own heading
    assert [l.label for l in lines[1:7]] == [Label.CONTENT] * 6
    assert all("ingredient list" in l.detail for l in lines[1:7])
    # too few amounts in a row, a run broken by a paragraph, or no kept text on the page: nothing comes back
    short = "\n\n".join(["250 g flour", "2 tbsp sugar", "Menu", "Home", "Contact", "1 cup milk", EN])
    assert INGREDIENT_MIN_LINES == 3
    assert all(l.label is Label.BOILERPLATE for l in run(short, probs=[0.1] * 6 + [0.9])[:6])
    broken = "\n\n".join(["250 g flour", "2 tbsp sugar", EN, "1 cup milk", EN2])
    assert all(run(broken, probs=[0.1, 0.1, 0.1, 0.1, 0.9])[i].label is Label.BOILERPLATE for i in (0, 1, 3))
    assert all(l.label is Label.BOILERPLATE for l in run(text, probs=[0.05] * 9))
    # a cocktail's: a bar's measures are units too ('1-2 Spritzer', '2 dashes', '1 barspoon')
    bar = "\n\n".join([EN, "So geht der Sazerac:", "1-2 Spritzer Peychaud's Bitters", "5 cl Rye Whiskey",
                        "2 dashes Angostura", "1 barspoon absinthe", EN2])
    lines = run(bar, probs=[0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9])
    assert [l.label for l in lines[1:6]] == [Label.CONTENT] * 5
    # counters, dates and comment counts are no amounts
    listing = "\n\n".join(["1 von 17", "28. Januar 2022", "3 Kommentare", "12 Antworten", EN])
    assert all(l.label is Label.BOILERPLATE for l in run(listing, probs=[0.1] * 4 + [0.9])[:4])


def test_code_block_next_to_the_article_stays():
    from newsclean.thresholds import CODE_MIN_LINES, CODE_NEAR_LINES
    # a programming blog: the last example under the article's last paragraph, which the
    # model scores like a menu (short lines without sentences)
    block = ["FROM python:3.7", "RUN pip install -r requirements.txt", "COPY . /app", 'CMD ["flask", "run"]']
    text = "\n\n".join([EN, EN2, *block, "Home", "Contact"])
    lines = run(text, probs=[0.99, 0.9, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05])
    assert [l.label for l in lines[2:6]] == [Label.CONTENT] * 4
    assert all("code block" in l.detail for l in lines[2:6])
    assert lines[6].label is Label.BOILERPLATE
    # a Python example with a blank-ish line between, and a shell session
    py = ["import sys", "def main(argv):", "Output", "x = int(argv[1])", "print(x)"]
    lines = run("\n\n".join([EN, *py]), probs=[0.9] + [0.1] * 5)
    assert all(l.label is Label.CONTENT for l in lines)
    # too few code lines, or far from kept text: nothing comes back
    assert CODE_MIN_LINES == 3 and CODE_NEAR_LINES == 3
    two = run("\n\n".join([EN, "import sys", "print(x)", "Home"]), probs=[0.9, 0.1, 0.1, 0.1])
    assert all(l.label is Label.BOILERPLATE for l in two[1:])
    far = run("\n\n".join([EN, "Home", "News", "Sports", "Weather", *block]), probs=[0.9] + [0.05] * 8)
    assert all(l.label is Label.BOILERPLATE for l in far[1:])
    # menus, photo counts and templates are no code
    menu = run("\n\n".join([EN, "Home", "演唱会(12张)", "{{link.text}}", "News (3)"]), probs=[0.9] + [0.1] * 4)
    assert all(l.label is Label.BOILERPLATE for l in menu[1:])


LISTICLE = ["My top five walks", "1. The harbour path", EN, "2. The old railway line", EN2,
            "3. Castle hill", EN3, "4. The river meadows", "Wide, flat and quiet in the evenings.",
            "5. The cliff top", "Best at sunrise, when the car park is still empty."]
# the model keeps the first items and loses the rest, lower the further down the page
LISTICLE_P = [0.6, 0.7, 0.95, 0.6, 0.9, 0.25, 0.9, 0.2, 0.3, 0.1, 0.2]


def test_numbered_list_goes_on_as_long_as_its_numbers_do():
    from newsclean.thresholds import NUMBERED_MIN_ITEMS, NUMBERED_MIN_KEPT
    lines = run("\n\n".join(LISTICLE + ["Home", "Contact"]), probs=LISTICLE_P + [0.05, 0.05])
    assert [l.label for l in lines[:10]] == [Label.CONTENT] * 10
    assert all("numbered list" in lines[i].detail for i in (5, 7, 8, 9))  # items 3-5, the text between
    # under the last item, the model decides (its text, or the page's footer, an outro, a widget)
    assert [l.label for l in lines[10:]] == [Label.BOILERPLATE] * 3
    assert NUMBERED_MIN_ITEMS == 3 and NUMBERED_MIN_KEPT == 1
    # one kept item is enough; with none kept, the model's verdict stands
    lines = run("\n\n".join(LISTICLE), probs=[0.6, 0.7, 0.95, 0.2, 0.9, 0.2, 0.9, 0.2, 0.3, 0.1, 0.2])
    assert lines[3].label is lines[5].label is lines[9].label is Label.CONTENT
    lines = run("\n\n".join(LISTICLE), probs=[0.6, 0.2, 0.95, 0.2, 0.9, 0.2, 0.9, 0.2, 0.3, 0.1, 0.2])
    assert lines[1].label is lines[3].label is lines[5].label is lines[9].label is Label.BOILERPLATE
    # two items are no list
    two = ["1. The harbour path", EN, "2. The old railway line", EN2, "Home"]
    assert run("\n\n".join(two), probs=[0.6, 0.9, 0.6, 0.9, 0.1])[4].label is Label.BOILERPLATE


def test_numbered_list_items_before_the_kept_ones_and_other_lists_stay_out():
    # items above the first kept one stay as the model says (a teaser list above the article)
    lines = run("\n\n".join(LISTICLE), probs=[0.6, 0.2, 0.95, 0.6, 0.9, 0.6, 0.9, 0.6, 0.9, 0.6, 0.9])
    assert lines[1].label is Label.BOILERPLATE
    # a 'most read' list under the article is numbered from 1 again: it goes on from nothing
    most_read = ["Most read", "1. Storm closes the bridge", "2. New mayor sworn in", "3. Schools reopen"]
    lines = run("\n\n".join(LISTICLE + most_read), probs=LISTICLE_P[:5] + [0.9] * 6 + [0.05] * 4)
    assert all(l.label is Label.BOILERPLATE for l in lines[11:])
    # a numbered comment thread: its entries are dated, so they make no list
    thread = ["1. Jane - October 26, 2012 9:08 am", "Great piece!", "2. Bob - October 26, 2012 9:30 am",
              "Thanks for writing this.", "3. Ann - October 27, 2012 7:01 am", "Agreed."]
    lines = run("\n\n".join([EN, EN2, *thread]), probs=[0.99, 0.9, 0.6, 0.6, 0.6, 0.2, 0.2, 0.2])
    assert lines[6].label is lines[7].label is Label.BOILERPLATE


def test_reader_poll_is_no_list_to_bring_back():
    from newsclean.runs import _is_poll, _numbered_lists
    # questions with short answers to choose from under each: the model kept the first one
    zh = ("据新华社报道，国家统计局今天发布数据，去年国内生产总值比上年增长百分之九点二，经济运行总体平稳，"
          "物价涨幅得到控制，就业形势保持稳定。")
    poll = ["调查", "1.你如何看待这次事件？", "媒体全责，过度刺探隐私", "当事人全责，打人纯属个人行为",
            "2.在你眼中，他是怎么样一个人？", "行事乖张的市井之徒", "秉承传统的艺术家",
            "3.冲突频繁的原因是？", "明星恃宠生娇", "媒体借题发挥", "4.你怎么看这种行为？", "可以理解", "不能接受"]
    probs = [0.99, 0.6, 0.48, 0.6, 0.6, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]
    lines = run("\n\n".join([zh] + poll), probs=probs)
    assert all(l.label is Label.BOILERPLATE for l in lines[5:]), [l.label for l in lines]
    items = _numbered_lists(lines)[0]
    assert _is_poll(lines, items)
    # a listicle of questions has a paragraph of answer under each: it goes on
    faq = ["1. Why did the bridge close?", EN, "2. When will it open again?", EN2, "3. Who pays for it?", EN,
           "Home"]
    lines = run("\n\n".join(faq), probs=[0.6, 0.9, 0.3, 0.3, 0.3, 0.3, 0.05])
    assert not _is_poll(lines, _numbered_lists(lines)[0])
    assert [l.label for l in lines[:5]] == [Label.CONTENT] * 5  # (under the last item, the model decides)


def test_numbered_list_brings_back_no_recurring_line_and_no_cue():
    # a shop's widget under each item ('Buy now', the first one too) and a share prompt stay out
    items = ["1. The harbour path", EN, "Buy now", "2. The old railway line", EN2, "Buy now",
             "3. Castle hill", "Share on Facebook", EN3, "Buy now", "4. The river meadows"]
    probs = [0.7, 0.99, 0.05, 0.7, 0.9, 0.05, 0.3, 0.05, 0.3, 0.05, 0.2]
    lines = run("\n\n".join(items), probs=probs)
    assert [lines[i].label for i in (6, 8, 10)] == [Label.CONTENT] * 3
    assert [lines[i].label for i in (2, 5, 7, 9)] == [Label.BOILERPLATE] * 4
    assert lines[7].code == "NC-SHARE"


def test_numbered_lists_are_told_by_their_numbers():
    from newsclean.runs import _numbered_lists
    from newsclean.blocks import split
    from newsclean.classify import first_pass
    texts = ["1. One", "text", "2) Two", "3．Three", "4、四", "５. Five (full-width)", "7. Seven: a gap in the numbers",
             "1. Again", "2. And", "2014. A year", "3. Then"]
    lines = first_pass(split("\n\n".join(texts)))
    assert _numbered_lists(lines) == [[0, 2, 3, 4, 5], [7, 8, 10]]
