"""Numpy inference: matches LightGBM exactly, and the shipped model behaves."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

from newsclean import model
from newsclean.blocks import split
from newsclean.classify import first_pass
from newsclean.model import Trees
from scriptload import load_script


def _train_script():
    return load_script("train")


def _export():
    return _train_script().export_trees


def test_cross_validation_folds_are_fixed_balanced_and_cross_the_stacking_folds():
    """tune.py cleans each train page with the fold model that left it out: the draw must be the
    same in train.py and tune.py (fixed), give every fold about a third of the pages, and hold
    pages of every stacking fold (page % 3), so a fold model still stacks on all three."""
    cv_folds = _train_script().cv_folds
    a, b = cv_folds(4001, 3), cv_folds(4001, 3)
    assert np.array_equal(a, b) and set(np.unique(a)) == {0, 1, 2}
    assert all(1200 < (a == k).sum() < 1470 for k in range(3))
    pages = np.arange(4001)
    for k in range(3):
        assert set(pages[a != k] % 3) == {0, 1, 2}


def test_numpy_trees_match_lightgbm():
    lgb = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3000, 8))
    X[:, 3] = rng.integers(0, 3, size=3000)  # a discrete feature, with exact ties
    y = ((X[:, 0] + X[:, 1] * X[:, 2] + (X[:, 3] == 1)) > 0.5).astype(int)
    booster = lgb.train(dict(objective="binary", num_leaves=15, max_depth=6, verbose=-1, num_threads=1),
                        lgb.Dataset(X, label=y), num_boost_round=40)
    t = _export()(booster)
    trees = Trees(t["feature"], t["threshold"], t["node_value"], t["leaf_value"], int(t["depth"]))
    assert trees.depth <= 6 and t["leaf_value"].shape == (40, 2 ** trees.depth)
    Xt = rng.normal(size=(500, 8))
    Xt[:, 3] = rng.integers(0, 3, size=500)
    ours = 1 / (1 + np.exp(-trees.raw(Xt)))
    theirs = booster.predict(Xt)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)
    # contributions sum to the log-odds change from the trees' root values
    c = trees.contributions(Xt[0])
    assert abs(trees.base_value() + c.sum() - trees.raw(Xt[:1])[0]) < 1e-9
    # a page-sized batch, and a single row
    np.testing.assert_allclose(trees.raw(Xt[:1]), trees.raw(Xt)[:1], rtol=0, atol=1e-12)


PAGE = """Home
World
Politics
Sports
Share
Log in

Scientists find water on a distant moon

The discovery, announced on Monday, suggests that the moon could host life. Researchers used a new telescope to study the light reflected by its surface, and found clear traces of ice in its craters.

"It is a remarkable result," said the lead author, who has studied the moon for ten years. The team will publish more data next year, after a second round of observations with other instruments.

Many questions remain open, however. Nobody knows yet how deep the ice goes, or whether the water was ever liquid, and the next mission will not launch before the end of the decade.

Related articles
Astronomers spot a new comet
Copyright © 2024 Example News. All rights reserved.
Privacy policy
"""


@pytest.mark.skipif(not model.available(), reason="no shipped model")
def test_shipped_model_separates_article_from_menu():
    units = split(PAGE)
    p = model.predict(units)
    assert p.shape == (len(units),)
    assert ((p >= 0) & (p <= 1)).all()
    text = [u.text for u in units]
    article = [p[i] for i, t in enumerate(text) if len(t) > 150]
    chrome = [p[text.index(t)] for t in ("Home", "Share", "Log in", "Privacy policy")]
    assert min(article) >= 0.5
    assert max(chrome) < 0.5
    assert model.predict([]).shape == (0,)
    reason = model.strongest_cue(model.full_row(units)[0])
    assert isinstance(reason, str) and reason


def test_missing_model_falls_back(monkeypatch):
    monkeypatch.setattr(model, "MODEL_PATH", os.path.join(os.path.dirname(model.MODEL_PATH), "does-not-exist.npz"))
    model.load.cache_clear()
    try:
        assert model.available() is False
        with pytest.raises(RuntimeError):
            model.predict_features(np.zeros((1, 3)))
    finally:
        monkeypatch.undo()
        model.load.cache_clear()


def test_read_gives_the_shipped_model_and_refuses_other_features(tmp_path):
    """``read`` loads a model file (tune.py reads its cross-validation models with it); a file
    of other features, or no model at all, gives None rather than wrong probabilities."""
    path = model.MODEL_PATH
    if not os.path.exists(path):
        pytest.skip("no shipped model")
    m = model.read(path)
    with np.load(path, allow_pickle=False) as d:
        arrays = {k: d[k] for k in d.files}
    X = np.random.default_rng(1).normal(size=(4, len(model.FEATURE_NAMES)))
    assert np.array_equal(m.stage1.raw(X), model.load().stage1.raw(X))
    arrays["feature_names"] = np.array(["renamed"] + list(model.FEATURE_NAMES[1:]))
    np.savez(tmp_path / "other.npz", **arrays)
    assert model.read(tmp_path / "other.npz") is None
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    assert model.read(tmp_path / "broken.npz") is None
    assert model.read(tmp_path / "missing.npz") is None


def test_second_stage_revises_only_the_lines_the_first_hesitates_on(monkeypatch):
    """Lines stage 1 scores within STAGE1_SURE of 0 or 1 keep its value; every other line
    gets stage 2's, computed from all of stage 1's values (as without the shortcut)."""
    m = model.load()
    if m is None or m.stage2 is None:
        pytest.skip("no shipped two-stage model")
    page = ("Home\nNews\nSport\nA headline about the council\n"
            + "The council met on Tuesday and agreed to rebuild the old bridge over the river. " * 3 + "\n"
            + "Share on Facebook\nRelated articles\nAnother story\nCopyright 2024 Example News\n")
    units = split(page)
    X = model.line_features(units)
    p1 = model._sigmoid(m.stage1.raw(X))
    p2 = model._sigmoid(m.stage2.raw(np.hstack([X, model.stack_features(p1, units, X)])))
    monkeypatch.setattr(model, "STAGE1_SURE", 0.02)
    got = model.predict_features(X, units)
    sure = (p1 <= 0.02) | (p1 >= 0.98)
    assert sure.any() and (~sure).any()
    assert np.array_equal(got[sure], p1[sure])
    assert np.allclose(got[~sure], p2[~sure])
    monkeypatch.setattr(model, "STAGE1_SURE", 0.0)
    assert np.allclose(model.predict_features(X, units), p2)


def test_huge_pages_walk_in_slices_with_the_same_result(monkeypatch):
    """Pages of more than HUGE_PAGE_UNITS units go through the trees in slices (smaller
    arrays, quicker); every unit must get exactly the value one walk gives."""
    m = model.load()
    if m is None:
        pytest.skip("no shipped model")
    rng = np.random.default_rng(0)
    n = model.HUGE_PAGE_UNITS + 3 * model.ROWS_PER_WALK + 5
    X = rng.normal(size=(n, m.stage1.feature.max() + 1)) * 3
    sliced = m.stage1.raw(X)
    monkeypatch.setattr(model, "HUGE_PAGE_UNITS", n + 1)
    whole = m.stage1.raw(X)
    assert sliced.shape == (n,)
    assert np.array_equal(sliced, whole)


def _walk(trees: Trees, x: np.ndarray) -> list[int]:
    """The leaf of each tree for one row, node by node (the reference for the vectorised walk)."""
    n_in = trees.feature.shape[1]
    out = []
    for t in range(trees.n_trees):
        node = 0
        for _ in range(trees.depth):
            node = 2 * node + 1 + int(x[trees.feature[t, node]] > trees.threshold[t, node])
        out.append(t * (n_in + 1) + node - n_in)
    return out


@pytest.mark.skipif(not model.available(), reason="no shipped model")
def test_vectorised_walk_reaches_the_leaves_a_node_by_node_walk_does():
    """The tree-by-tree walk over all rows at once lands every row in the leaf a plain walk does,
    in both stages, on a real page's rows and on rows jittered around them (and ties with the
    thresholds themselves)."""
    m = model.load()
    X = model.full_row(first_pass(split(PAGE)))
    rng = np.random.default_rng(1)
    for trees, width in ((m.stage1, len(m.feature_names)), (m.stage2, X.shape[1])):
        if trees is None:
            continue
        rows = X[:, :width]
        jitter = rows + rng.normal(scale=0.3, size=rows.shape) * (rng.random(rows.shape) < 0.3)
        ties = rows.copy()
        ties[0, trees.feature[:, 0]] = trees.threshold[:, 0]  # exactly at the roots' thresholds
        ties[1, trees.feature[:, 1]] = trees.threshold[:, 1]  # ... and the level below (a walk of its own)
        ties[2, trees.feature[:, 2]] = trees.threshold[:, 2]
        for batch in (rows, jitter, ties):
            got = trees.leaves(batch)
            assert got.shape == (len(batch), trees.n_trees)
            assert [list(r) for r in got] == [_walk(trees, x) for x in batch]
            np.testing.assert_allclose(trees.raw(batch), [sum(trees.leaf_value.ravel()[_walk(trees, x)]) for x in batch],
                                       rtol=0, atol=1e-9)


def test_a_damaged_cache_entry_of_the_model_falls_back_to_the_file(tmp_path):
    """The start-up cache only saves time: an entry for the model file that does not decode
    gives the model read from the file, never the rules-only fallback."""
    from newsclean import startcache

    st = os.stat(model.MODEL_PATH)
    startcache.load(str(tmp_path))
    model.load.cache_clear()
    try:
        startcache._put(("model", os.path.abspath(model.MODEL_PATH)),
                        ((st.st_size, st.st_mtime_ns), {"feature_names": ("<U3", (5,), b"not an array")}))
        m = model.load()
        assert m is not None and m.feature_names == model.FEATURE_NAMES
        X = np.random.default_rng(2).normal(size=(3, len(model.FEATURE_NAMES)))
        assert np.array_equal(m.stage1.raw(X), model.read(model.MODEL_PATH).stage1.raw(X))
    finally:
        startcache.unload()
        model.load.cache_clear()


def test_word_score_features_are_explained_in_plain_words():
    from newsclean import lexicon

    for name in lexicon.SCORE_NAMES:
        assert model._PLAIN[name], name


def _report(blocks: float, zh: float) -> dict:
    return {"train_seconds": 200, "token_f1_test": {s: {"all": blocks, "zh": zh, "pages": 999}
                                                     for s in ("blocks", "innertext", "wrapped", "textnodes")}}


def test_seed_spread_reads_train_reports_and_sums_up_the_seeds():
    spread = load_script("seed_spread")
    printed = "stage 1: 41s\nfold 0: 33s\n" + json.dumps(_report(0.8933, 0.9023), indent=1)
    assert spread.report_of(printed)["token_f1_test"]["blocks"]["all"] == 0.8933
    with pytest.raises(ValueError):
        spread.report_of("stage 1: 41s\n")
    rows = {label: (vals, mean, sd) for label, vals, mean, sd in
            spread.spread({1: _report(0.8933, 0.9023), 0: _report(0.8969, 0.9083), 2: _report(0.8916, 0.9065)})}
    vals, mean, sd = rows["blocks"]
    assert vals == [0.8969, 0.8933, 0.8916]  # in seed order
    assert mean == pytest.approx(0.8939333, abs=1e-6) and sd == pytest.approx(0.0027061, abs=1e-6)
    assert rows["textnodes zh"][0] == [0.9083, 0.9023, 0.9065]
    assert spread.spread({3: _report(0.89, 0.9)})[0][3] == 0.0  # one seed: no spread
    text = spread.table({0: _report(0.8969, 0.9083), 1: _report(0.8933, 0.9023)})
    assert text.splitlines()[0].split() == ["style", "seed", "0", "seed", "1", "mean", "sd"]
    assert "0.8951" in text.splitlines()[1]  # blocks: the mean of the two


def test_training_caches_keep_the_newest_of_their_kind_and_are_written_whole(tmp_path):
    """Each change to the code the features read fingerprints a new 2.5 GB cache: the oldest of a
    kind go (CACHE_KEEP stay, this run's included), other kinds and parts stay, and a write that
    fails half-way leaves no truncated file for the next run to read."""
    train = _train_script()
    kind = "newsclean_feats_train_{}_f3.npz"
    for k, code in enumerate(["aaaaaaaaaaa1", "aaaaaaaaaaa2", "aaaaaaaaaaa3"]):
        p = tmp_path / kind.format(code)
        p.write_bytes(b"x")
        os.utime(p, (1_000_000 + k, 1_000_000 + k))
    others = [tmp_path / "newsclean_feats_test_aaaaaaaaaaa1_f3.npz", tmp_path / "newsclean_feats_train_aaaaaaaaaaa1_f5.npz",
              tmp_path / "newsclean_page_words_aaaaaaaaaaa1.pkl"]
    for p in others:
        p.write_bytes(b"x")
    new = str(tmp_path / kind.format("bbbbbbbbbbbb"))
    assert [os.path.basename(p) for p in train._cache_siblings(new)] == [
        kind.format(c) for c in ("aaaaaaaaaaa1", "aaaaaaaaaaa2", "aaaaaaaaaaa3")]
    train._make_room(new)
    left = sorted(os.listdir(tmp_path))
    assert kind.format("aaaaaaaaaaa3") in left  # the newest other state, for a comparison of two
    assert kind.format("aaaaaaaaaaa1") not in left and kind.format("aaaaaaaaaaa2") not in left
    assert all(p.exists() for p in others)

    def fails(fh):
        fh.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        train._write_atomically(new, fails)
    assert not os.path.exists(new) and not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
    train._write_atomically(new, lambda fh: np.savez(fh, a=np.arange(3)))
    assert list(np.load(new)["a"]) == [0, 1, 2]
