"""Runs of short lines kept whole (``runs``): a recipe's ingredient list, a code block."""
from newsclean.document import Label
from revise_pages import EN, EN2, run


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
