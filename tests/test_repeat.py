"""NC-REPEAT: lines recurring across a batch's pages go, the article stays."""
from __future__ import annotations

from newsclean import clean
from newsclean import repeat
from newsclean.repeat import Counts, countable, drop_repeated, line_key, page_keys, text_digests, text_keys
from newsclean.thresholds import REPEAT_MAX_CHARS, REPEAT_MIN_PAGES

ARTICLE = ("The council approved the new budget on Tuesday after a long debate about school funding. "
           "Members said the plan would add two hundred teachers over the next three years. ")
FURNITURE = "The Daily Ledger is an independent newspaper serving the county and its towns since 1921."


def page(n: int) -> str:
    return (f"{ARTICLE}Story number {n} has its own details, which differ on every page.\n\n{FURNITURE}\n\n"
            f"The vote on item {n} was seven to two, and the mayor said she would sign it.\n")


def test_key_ignores_case_and_spaces_and_is_stable():
    assert line_key("Sign  up Now") == line_key("sign up now") == line_key("SignUpNow")
    assert line_key("a") != line_key("b")
    assert isinstance(line_key("x"), int) and 0 <= line_key("x") < 2 ** 64


def test_only_countable_lines_are_keyed():
    assert not countable("x") and countable("ok") and not countable("y" * (REPEAT_MAX_CHARS + 1))
    assert page_keys(["x", "Menu", "Menu"]) == frozenset({line_key("Menu")})


def test_counts_and_threshold():
    c = Counts()
    for i in range(REPEAT_MIN_PAGES):
        c.add(page_keys([FURNITURE, f"page {i}"]))
    assert c.pages == REPEAT_MIN_PAGES
    assert c.repeated() == frozenset({line_key(FURNITURE)})
    c2 = Counts()
    c2.add(page_keys([FURNITURE]))
    assert c.merge(c2).count(line_key(FURNITURE)) == REPEAT_MIN_PAGES + 1
    assert c.pages == REPEAT_MIN_PAGES + 1 and c.count(line_key("page 0")) == 1 and c.count(line_key("absent")) == 0


def test_page_keys_match_the_keys_of_its_tidied_lines():
    """The counting pass keys raw physical lines at once; ``clean`` keys its units one by
    one: both must give the same key for the same line."""
    from newsclean.blocks import split

    text = ("Sign\tUp  NOW\r\nΟΔΟΣ\u200bΑΒ\n\u3000Menu\u00a0Item\ufeff\n\nx\n"
            + "y" * (REPEAT_MAX_CHARS + 1) + "\nΤΕΛΟΣ\nΤΕΛΟΣ\n")
    units = split(text)
    assert text_keys(text) == page_keys(u.text for u in units)
    assert len(text_keys(text)) == 4  # the sign-up line, both Greek lines, the menu item
    assert repeat.unpack(text_digests(text)) == text_keys(text)
    assert repeat.unpack(repeat.pack(text_keys(text))) == text_keys(text)


def test_page_keys_alike_composed_or_not():
    """``clean`` keys its units from composed text (``blocks.composed``): so does the counting
    pass, or a line a page spells decomposed would never be found repeated."""
    from newsclean.blocks import split

    text = "Gurtla\u0308nge pru\u0308fen\n"
    assert text_keys(text) == page_keys(u.text for u in split(text)) == frozenset({line_key("Gurtlänge prüfen")})


def test_page_keys_alike_with_and_without_odd_whitespace():
    """A page holding whitespace other than spaces and newlines (an em space, a form feed, a line
    separator inside a line) takes the line-by-line path; either path keys a line as ``line_key``."""
    plain = "Sign Up Now\nAbout  us\nΤΕΛΟΣ Σ\n"
    odd = "Sign\u2003Up Now\nAbout\x0cus\nΤΕΛΟΣ\u2028Σ\n"
    expected = frozenset(line_key(t) for t in ("Sign Up Now", "About us", "ΤΕΛΟΣ Σ"))
    assert text_keys(plain) == expected
    assert text_keys(odd) == expected


def test_page_keys_alike_with_invisible_marks_at_a_lines_ends():
    """``blocks.tidy_lines`` drops joiners and direction marks at a line's ends (and a line of
    nothing else is blank): the counting pass keys such lines as ``clean`` keys its units."""
    from newsclean.blocks import split

    text = "Sign Up Now\u200c\n\u200eAbout us\n\u200c\nمی\u200cخواهم\n"
    assert text_keys(text) == page_keys(u.text for u in split(text))
    assert line_key("Sign Up Now") in text_keys(text)


def test_counts_fold_pending_keys_without_changing_them(monkeypatch):
    pages = [page_keys([FURNITURE, f"page {i % 4}", "Menu"]) for i in range(12)]
    at_once = Counts()
    for keys in pages:
        at_once.add(keys)
    monkeypatch.setattr(repeat, "COUNTS_FOLD_BYTES", 20)  # fold after every page or two
    folded = Counts()
    for keys in pages[:6]:
        folded.add(repeat.pack(keys))
    rest = Counts()
    for keys in pages[6:]:
        rest.add(keys)
    folded.merge(rest)
    assert folded.pages == at_once.pages == 12
    assert folded.repeated() == at_once.repeated() == frozenset(
        line_key(t) for t in (FURNITURE, "Menu", "page 0", "page 1", "page 2", "page 3"))
    assert folded.count(line_key("page 3")) == 3 and folded.count(line_key(FURNITURE)) == 12


def test_threshold_grows_with_the_batch():
    c = Counts()
    c.pages = 10_000
    assert c.min_pages() == 10
    c.pages = 5
    assert c.min_pages() == REPEAT_MIN_PAGES


def test_clean_drops_repeated_lines_and_keeps_the_article():
    counts = Counts()
    for n in range(5):
        counts.add(text_keys(page(n)))
    repeated = counts.repeated()
    alone = clean(page(1))
    batch = clean(page(1), repeated=repeated)
    assert FURNITURE in alone.markdown  # on its own it reads like text, and is kept
    assert FURNITURE not in batch.markdown and "Story number 1" in batch.markdown
    (line,) = [l for l in batch.lines if l.text == FURNITURE]
    assert line.code == "NC-REPEAT" and line.first_code == alone.lines[line.index].first_code


def test_a_page_that_is_mostly_repeated_keeps_its_text():
    """A syndicated article found on many pages is not furniture: the guard keeps it."""
    texts = ["First line of a story that every copy repeats.", "Second line, also in every copy."]
    repeated = page_keys(texts)
    from newsclean.blocks import split
    from newsclean.classify import first_pass

    lines = first_pass(split("\n\n".join(texts)))
    assert drop_repeated(lines, repeated) == lines


def test_disabled_rule_and_no_batch_change_nothing():
    from newsclean import Config

    repeated = frozenset({line_key(FURNITURE)})
    off = clean(page(1), repeated=repeated, config=Config(disabled_rules=frozenset({"NC-REPEAT"})))
    assert off.markdown == clean(page(1)).markdown == clean(page(1), repeated=frozenset()).markdown


def test_key_is_the_same_in_another_process():
    """Keys are counted in worker processes (or on other machines) and merged."""
    import subprocess
    import sys

    code = "from newsclean.repeat import line_key; print(line_key('Same line'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) == line_key("Same line")


def _folder(tmp_path, n=5):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        (src / f"p{i}.txt").write_text(page(i), encoding="utf-8")
    return src


def test_cli_folder_drops_lines_repeated_across_pages(tmp_path):
    from newsclean.cli.runner import run

    src = _folder(tmp_path)
    assert run(["clean", str(src), "-o", str(tmp_path / "out"), "-q", "--no-cache"]) == 0
    assert run(["clean", str(src), "-o", str(tmp_path / "off"), "-q", "--no-cache", "--no-corpus"]) == 0
    for i in range(5):
        with_corpus = (tmp_path / "out" / f"p{i}.md").read_text(encoding="utf-8")
        without = (tmp_path / "off" / f"p{i}.md").read_text(encoding="utf-8")
        assert FURNITURE not in with_corpus and f"Story number {i}" in with_corpus
        assert FURNITURE in without


def test_cli_named_files_are_cleaned_each_on_its_own(tmp_path):
    """pre-commit names files: their output must not depend on which others were named."""
    from newsclean.cli.runner import run

    src = _folder(tmp_path)
    files = sorted(str(p) for p in src.iterdir())
    assert run(["clean", *files, "-o", str(tmp_path / "out"), "-q", "--no-cache"]) == 0
    assert all(FURNITURE in p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())


def test_cli_corpus_run_is_idempotent_and_cached(tmp_path):
    from newsclean.cli.runner import run

    src = _folder(tmp_path)
    out = tmp_path / "out"
    assert run(["clean", str(src), "-o", str(out), "-q"]) == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    # cleaning the cleaned folder again changes nothing (own Markdown passes through)
    assert run(["clean", str(out), "--in-place", "-q", "--no-cache"]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    # and a check of the same folder against its outputs agrees (same batch statistics)
    assert run(["clean", str(src), "-o", str(out), "--check", "-q"]) == 0
    assert run(["clean", str(src), "-o", str(out), "--check", "-q", "--no-cache"]) == 0
