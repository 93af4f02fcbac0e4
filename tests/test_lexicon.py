"""Learned word scores: the words a line is read by, the scores per line, the table's fit."""
from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from newsclean import lexicon
from newsclean.blocks import split
from newsclean.features import FEATURE_NAMES, line_features

TABLE = {"share": 1.5, "comments": 1.2, "the": -0.3, "said": -1.0, "评": 2.0, "论": -1.0}


def test_words_are_lower_cased_letter_runs_and_cjk_characters():
    assert lexicon.line_words("Share this: 12 Comments, a b") == ["share", "this", "comments"]
    assert lexicon.line_words("发表评论 OK") == ["发", "表", "评", "论", "ok"]
    assert lexicon.line_words("2024-05-20 13:09") == []


def test_only_the_head_of_a_line_is_read():
    many = " ".join(f"w{chr(97 + i)}x" for i in range(20))
    assert len(lexicon.line_words(many)) == lexicon.HEAD_TOKENS
    long_line = "x" * lexicon.HEAD_CHARS + " share"
    assert lexicon.line_words(long_line) == ["x" * lexicon.HEAD_CHARS]


def test_scores_per_line():
    texts = ["Share this: 12 comments", "The fox said the end", "", "12:30", "发表评论", "nothing known here"]
    s = lexicon.scores(texts, TABLE)
    assert s.shape == (len(texts), lexicon.N_SCORES)
    assert s[0].tolist() == pytest.approx([1.35, 1.5, 1.2, 2 / 3])  # share, comments of share/this/comments
    assert s[1].tolist() == pytest.approx([(-0.3 - 1.0 - 0.3) / 3, -0.3, -1.0, 3 / 5])
    assert s[2].tolist() == s[3].tolist() == s[5].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert s[4].tolist() == pytest.approx([0.5, 2.0, -1.0, 0.5])


def test_a_page_scores_each_line_as_alone():
    """Tokenising the joined page keeps every word with its own line (a line break inside a unit
    included) and reads the same head of each line as ``line_words``."""
    texts = ["Share " * 20 + "said", "said\nshare", "the " * 30, "评论 share"]
    page = lexicon.scores(texts, TABLE)
    for i, t in enumerate(texts):
        assert page[i].tolist() == pytest.approx(lexicon.scores([t], TABLE)[0].tolist())
        words = lexicon.line_words(t)
        known = [TABLE[w] for w in words if w in TABLE]
        assert page[i, 3] == pytest.approx(len(known) / len(words))
    assert page[0, 2] == 1.5  # 'said' is the 21st word: not read


def test_table_from_counts():
    kept = Counter({"said": 80, "share": 5, "rare": 3, "the": 90})
    dropped = Counter({"said": 10, "share": 70, "rare": 2, "the": 60})
    t = lexicon.table_from_counts(kept, dropped, min_pages=10)
    assert "rare" not in t  # found on 5 pages: too few
    assert t["share"] > 0 > t["said"]  # boilerplate leaning, article leaning
    # the overall odds are taken out: a word as common in both as everything is ~0
    prior = np.log(sum(dropped.values()) / sum(kept.values()))
    assert t["the"] == pytest.approx(np.log(61 / 91) - prior, abs=1e-3)


def test_page_words():
    kept, dropped = lexicon.page_words(["Share this", "The fox said it"], [False, True])
    assert kept == {"the", "fox", "said", "it"} and dropped == {"share", "this"}


def test_write_and_read(tmp_path):
    path = str(tmp_path / "lexicon.json")
    lexicon.write({"b": -0.5, "a": 1.25}, path)
    data = json.loads(open(path, encoding="utf-8").read())
    assert data["words"] == {"a": 1.25, "b": -0.5} and data["head_tokens"] == lexicon.HEAD_TOKENS
    assert lexicon.read_words(path) == {"a": 1.25, "b": -0.5}


def test_shipped_table_learned_kinds_of_words():
    """The shipped table (scripts/train.py) holds words common across sites, leaning the way
    the kinds of boilerplate and article text do."""
    t = lexicon.read_words()
    assert len(t) > 1000 and len(lexicon.load().hashes) == len(t)
    for w in ("comments", "copyright", "newsletter", "login", "tags"):
        assert t[w] > 0.5, w
    for w in ("said", "however", "because"):
        assert t[w] < -0.5, w
    # the hashed table scores a word as the words' table says
    s = lexicon.scores(["comments", "said"])
    assert s[:, 0].tolist() == pytest.approx([t["comments"], t["said"]])


def test_a_table_entry_must_be_one_word():
    with pytest.raises(ValueError):
        lexicon.Table.of({"two words": 1.0})


def test_hashes_name_words():
    """Equal words hash alike wherever they stand; different words differently."""
    w = lexicon._words("share this\nthis share sharp")
    h = w.hash.tolist()
    assert h[0] == h[3] and h[1] == h[2] and len({h[0], h[1], h[4]}) == 3
    assert w.line.tolist() == [0, 0, 1, 1, 1] and w.rank.tolist() == [1, 2, 1, 2, 3]


def test_line_features_read_the_scores():
    units = split("Home\nShare this\n\nThe minister said on Monday that the plan would go ahead.\n")
    X = line_features(units, words=TABLE)
    k = FEATURE_NAMES.index("lex_mean")
    assert FEATURE_NAMES[k:k + lexicon.N_SCORES] == lexicon.SCORE_NAMES
    np.testing.assert_allclose(X[:, k:k + lexicon.N_SCORES], lexicon.scores([u.text for u in units], TABLE))


def test_a_missing_table_gives_zero_scores(monkeypatch, tmp_path):
    monkeypatch.setattr(lexicon, "LEXICON_PATH", str(tmp_path / "missing.json"))
    lexicon.load.cache_clear()
    try:
        assert len(lexicon.load().hashes) == 0
        assert not lexicon.scores(["Share this: 12 comments", "said"]).any()
    finally:
        lexicon.load.cache_clear()


def test_a_lone_surrogate_is_no_letter_and_no_crash():
    assert lexicon.line_words("share\ud83dthis") == ["share", "this"]
    units = split("Share this \ud83d\n\nThe minister said on Monday that the plan would go ahead.\n")
    assert line_features(units, words=TABLE).shape[0] == len(units)
