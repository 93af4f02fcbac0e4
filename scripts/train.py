#!/usr/bin/env python3
"""Train the learned line classifier and export it as package data.

    python scripts/train.py [--trees 120 --depth 7 --leaves 127] [--trees2 100 --depth2 6 --leaves2 63]
                            [--no-stack] [--out PATH] [--no-report]

1. Loads the dev corpus pages with gold text; fits only on ``part_of(rec) == "train"``
   pages and reports on ``test`` pages (``bench/evaluate.py``'s fixed split).
2. Every page is used in all four dump styles (blocks, innertext, wrapped, textnodes):
   ``newsclean.blocks.split`` gives the units, ``scripts/align.py`` labels them against the
   gold text, ``newsclean.features.line_features`` turns them into features.
   The word scores (``newsclean.lexicon``) are learned first, from the same aligned labels of the
   train pages: the table of all train pages is shipped (``data/model/lexicon.json``) and scores
   the test pages; each train page's features read a table fitted without its stacking fold.
3. Stage 1: a LightGBM model on the line features. Stage 2 (stacking): a second model on the
   line features plus ``features.stack_features`` of stage-1 probabilities, trained on
   out-of-fold stage-1 predictions (folds by page, so a page's four styles stay together).
4. Exports both models' trees, as complete binary trees of the ensemble's depth, to
   ``src/newsclean/data/model/lines.npz`` (read by ``newsclean.model`` with numpy only; written
   to a temporary name and renamed, so readers never see half a file) and writes
   ``training_report.md`` / ``.json``.

Inference cost is (trees x depth) per unit, so the defaults are small and shallow: stage 1
120 trees of depth 7, stage 2 100 trees of depth 6 (``newsclean.model`` walks all trees of a
stage in ``depth`` vectorised steps). The number of leaves does not change that cost (every tree
is exported as a complete tree of the stage's depth), so the trees may use nearly all the leaves
their depth allows: 127 and 63 (with 63 and 31 they fitted the pages less closely).

Samples are weighted by tokens, normalised per page (the measure is mean token F1 per page).

Snippet pages (``--snippets``, off by default): trafilatura_eval has no gold text but names,
per page, snippets that must survive (``with``) and must not (``without``). Its ``train`` pages
are added in all four styles; a unit holding (part of) a ``with`` snippet is content, one
holding a ``without`` snippet is boilerplate, every other unit is unlabelled (it is only a
neighbour: it gets stage-1 predictions for the stacking features, but no weight). Each
labelled unit weighs ``--snippet-weight``. These pages are of kinds the gold-text datasets
have few of (recipes, product and spec pages, forums, docs): lists and tables inside the
article, short subheadings, articles the model is unsure of everywhere. The shipped model
is trained without them: trafilatura_eval's snippet scores are reported over all its pages,
as pages never trained on, and training on its train part would make them partly
in-sample (on its test part they gained little: snippet recall 0.887 -> 0.890).
Needs the ``train`` extra (lightgbm). Takes about 5 minutes on two cores (the features about 70 s of
that; once cached, about 3 minutes).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from functools import lru_cache
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))

from align import CORPUS, STYLES, align, load_pages, toks  # noqa: E402
from newsclean import lexicon  # noqa: E402
from newsclean.blocks import split  # noqa: E402
from newsclean.features import FEATURE_NAMES, STACK_NAMES, line_features, stack_features  # noqa: E402

OUT_DIR = os.path.join(HERE, "..", "src", "newsclean", "data", "model")
CACHE = "/tmp/newsclean_feats_{part}_{code}.npz"
CACHE_KEEP = 2  # caches of each kind kept in /tmp, this run's included (the oldest others go)
_FINGERPRINT = re.compile(r"(?<=_)[0-9a-f]{12}(?=[_.])")  # ``code_fingerprint`` in a cache's name
SNIP_CACHE = "/tmp/newsclean_feats_snippets_{part}_{code}.npz"
WORDS_CACHE = "/tmp/newsclean_page_words_{code}.pkl"
SNIP_DATASET = os.path.join(CORPUS, "trafilatura_eval.jsonl.gz")
THREADS = int(os.environ.get("NEWSCLEAN_TRAIN_THREADS", "2"))  # processes / LightGBM threads
_WS = re.compile(r"\s+")


# the word-score tables the feature pass reads (set before its process pool forks): one per
# stacking fold for the train pages (page i reads table i % len), None for the shipped table
_WORD_TABLES: list[lexicon.Table] | None = None


def _rows(rec: dict, label, page: int = 0) -> list:
    """(style, features, labels, tokens, blocks) of a page in every dump style; ``label(texts,
    rec)`` gives the units' labels, or None to leave the style out. ``page`` is the page's
    number, which picks its out-of-fold word table."""
    words = _WORD_TABLES[page % len(_WORD_TABLES)] if _WORD_TABLES else None
    out = []
    for s in STYLES:
        units = split(rec.get(f"text_{s}") or "")
        if not units:
            continue
        y = label([u.text for u in units], rec)
        if y is None:
            continue
        X = line_features(units, words=words)
        S = np.array([len(toks(u.text)) for u in units], dtype=np.float64)
        blocks = np.array([u.block for u in units], dtype=np.int32)
        out.append((s, X, y, S, blocks))
    return out


def _gold_labels(texts: list[str], rec: dict) -> np.ndarray:
    return np.array(align(texts, rec["gold_text"]), dtype=np.int8)


def _page_rows(item: tuple[int, dict]):
    page, rec = item
    return _rows(rec, _gold_labels, page)


def _page_words(rec: dict) -> tuple[set[str], set[str]]:
    """(article words, other words) of a page over its four dump styles (``lexicon.page_words``)."""
    kept: set[str] = set()
    dropped: set[str] = set()
    for s in STYLES:
        units = split(rec.get(f"text_{s}") or "")
        if units:
            texts = [u.text for u in units]
            k, d = lexicon.page_words(texts, [bool(v) for v in _gold_labels(texts, rec)])
            kept |= k
            dropped |= d
    return kept, dropped


@lru_cache(maxsize=2)
def word_tables(folds: int) -> tuple[dict[str, float], list[dict[str, float]]]:
    """The word-score table of all train pages, and one per stacking fold without that fold's
    pages (the train pages' features read their fold's: the model never learns from a page's
    words scored by the page itself). Cached in /tmp by the code fingerprint, and made once a
    run (``build`` of each part and the shipped table read it)."""
    import pickle

    path = WORDS_CACHE.format(code=code_fingerprint())
    if os.path.exists(path):
        with open(path, "rb") as f:
            per_page = pickle.load(f)
    else:
        t0 = time.time()
        with Pool(THREADS) as pool:
            per_page = pool.map(_page_words, load_pages("train"), chunksize=16)
        _make_room(path)
        _write_atomically(path, lambda fh: pickle.dump(per_page, fh, protocol=pickle.HIGHEST_PROTOCOL))
        print(f"page words: {len(per_page)} pages in {time.time()-t0:.0f}s", flush=True)

    def table(pages) -> dict[str, float]:
        kept, dropped = Counter(), Counter()
        for i in pages:
            kept.update(per_page[i][0])
            dropped.update(per_page[i][1])
        return lexicon.table_from_counts(kept, dropped)

    n = len(per_page)
    return table(range(n)), [table([i for i in range(n) if i % folds != k]) for k in range(folds)]


def code_fingerprint() -> str:
    """A digest of the code that turns a page into labelled feature rows: the modules
    ``newsclean.features`` and ``newsclean.blocks`` import (followed through the package), the
    cue data files and the aligner. The feature caches are named by it, so a change to how units
    are split, scanned, labelled or described never reads rows computed by the code before it."""
    import hashlib

    pkg = os.path.join(HERE, "..", "src", "newsclean")
    todo, seen = ["features", "blocks"], set()
    while todo:
        mod = todo.pop()
        if mod in seen or not os.path.exists(os.path.join(pkg, mod + ".py")):
            continue
        seen.add(mod)
        with open(os.path.join(pkg, mod + ".py"), encoding="utf-8") as fh:
            todo += re.findall(r"^(?:from|import) newsclean\.(\w+)", fh.read(), re.M)
    files = [os.path.join(pkg, m + ".py") for m in sorted(seen)] + [os.path.join(HERE, "align.py")]
    cue_dir = os.path.join(pkg, "data", "cues")
    files += [os.path.join(cue_dir, n) for n in sorted(os.listdir(cue_dir))]
    h = hashlib.sha256()
    for f in files:
        h.update(os.path.basename(f).encode())
        with open(f, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:12]


def _cache_siblings(path: str) -> list[str]:
    """The caches of the same kind as ``path`` written for other states of the code (its name with
    another fingerprint), oldest first."""
    folder, name = os.path.split(path)
    m = _FINGERPRINT.search(name)
    if m is None:
        return []
    pattern = re.compile(re.escape(name[:m.start()]) + "[0-9a-f]{12}" + re.escape(name[m.end():]))
    found = [os.path.join(folder, n) for n in os.listdir(folder or ".") if pattern.fullmatch(n) and n != name]
    return sorted(found, key=os.path.getmtime)


def _make_room(path: str) -> None:
    """Delete the oldest caches of ``path``'s kind, so that with it at most ``CACHE_KEEP`` stay: a
    train part's features take 2.5 GB, one more for each change to the code they read, and a
    comparison of two states of the code reads two."""
    others = _cache_siblings(path)
    for old in others[:max(0, len(others) - (CACHE_KEEP - 1))]:
        try:
            os.remove(old)
        except OSError:
            pass  # (another run's, gone already)


def _write_atomically(path: str, write) -> None:
    """``write(file)`` to a temporary file beside ``path``, renamed to it once complete: a run stopped
    or a disk filled half-way leaves no truncated cache for the next run to read."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _cached(path: str, load, rows, chunksize: int, what: str) -> dict:
    """The stacked rows of the pages ``load()`` gives, read from ``path`` when cached there,
    else computed in a process pool by ``rows`` (one (number, page) pair at a time) and cached."""
    if os.path.exists(path):
        d = np.load(path, allow_pickle=True)
        return {k: d[k] for k in d.files}
    _make_room(path)
    pages = list(enumerate(load()))
    t0 = time.time()
    with Pool(THREADS) as pool:
        res = pool.map(rows, pages, chunksize=chunksize)
    d = _stack_rows(res, [p for _, p in pages])
    print(f"built {what}: {len(pages)} pages, {int(d['doc'].max()) + 1} docs, "
          f"{int((d['y'] >= 0).sum())} labelled units in {time.time()-t0:.0f}s", flush=True)
    _write_atomically(path, lambda fh: np.savez(fh, **d))
    return d


def build(part: str, folds: int = 3) -> dict:
    """The train or test pages' rows; the train pages' word features out of fold (``word_tables``),
    the test pages' from the table of all train pages, which is then written as the shipped one."""
    global _WORD_TABLES
    full, by_fold = word_tables(folds)
    _WORD_TABLES = [lexicon.Table.of(t) for t in (by_fold if part == "train" else [full])]
    try:
        return _cached(CACHE.format(part=part, code=f"{code_fingerprint()}_f{folds}"),
                       lambda: load_pages(part), _page_rows, 16, part)
    finally:
        _WORD_TABLES = None


def snippet_labels(texts: list[str], with_: list[str], without: list[str]) -> np.ndarray:
    """Per unit: 1 if it holds part of a ``with`` snippet, 0 of a ``without`` one, -1 neither
    (or both). Snippets are found in the units' text joined by spaces, whitespace normalised."""
    parts = [_WS.sub(" ", t).strip() for t in texts]
    starts, pos = [], 0
    for t in parts:
        starts.append(pos)
        pos += len(t) + 1
    flat = " ".join(parts)
    ends = [a + len(t) for a, t in zip(starts, parts)]
    y = np.full(len(texts), -1, dtype=np.int8)
    hit = {1: set(), 0: set()}
    for lab, snips in ((1, with_), (0, without)):
        for snip in snips:
            snip = _WS.sub(" ", snip).strip()
            at = flat.find(snip) if snip else -1
            if at < 0:
                continue
            b = at + len(snip)
            hit[lab].update(i for i, (a0, e0) in enumerate(zip(starts, ends)) if a0 < b and e0 > at)
    for i in hit[1] - hit[0]:
        y[i] = 1
    for i in hit[0] - hit[1]:
        y[i] = 0
    return y


def _snippet_labels(texts: list[str], rec: dict) -> np.ndarray | None:
    y = snippet_labels(texts, rec.get("with") or [], rec.get("without") or [])
    return y if (y >= 0).any() else None


def _snippet_rows(item: tuple[int, dict]):
    _, rec = item  # (no out-of-fold word table here: the shipped one, fitted without these pages, scores them)
    return _rows(rec, _snippet_labels)


def _snippet_pages(part: str) -> list[dict]:
    from evaluate import part_of
    pages = []
    for line in gzip.open(SNIP_DATASET, "rt", encoding="utf-8"):
        rec = json.loads(line)
        if (rec.get("with") or rec.get("without")) and part_of(rec) == part:
            pages.append({k: rec.get(k) for k in ("id", "dataset", "lang", "with", "without")
                          + tuple(f"text_{s}" for s in STYLES)})
    return pages


def build_snippets(part: str) -> dict:
    """Features and snippet labels of trafilatura_eval's pages in ``part`` (cached like ``build``)."""
    return _cached(SNIP_CACHE.format(part=part, code=code_fingerprint()), lambda: _snippet_pages(part), _snippet_rows, 8,
                   f"snippets {part}")


def _stack_rows(res: list, pages: list[dict]) -> dict:
    Xs, ys, ts, page_id, doc_id, style_id, blocks = [], [], [], [], [], [], []
    doc = 0
    for pi, rows in enumerate(res):
        for s, X, y, S, b in rows:
            Xs.append(X)
            ys.append(y)
            ts.append(S)
            blocks.append(b)
            page_id.append(np.full(len(y), pi, dtype=np.int32))
            doc_id.append(np.full(len(y), doc, dtype=np.int32))
            style_id.append(np.full(len(y), STYLES.index(s), dtype=np.int8))
            doc += 1
    return dict(X=np.vstack(Xs), y=np.concatenate(ys), tok=np.concatenate(ts), page=np.concatenate(page_id),
                doc=np.concatenate(doc_id), style=np.concatenate(style_id), block=np.concatenate(blocks),
                lang=np.array([p.get("lang") or "" for p in pages]),
                dataset=np.array([p.get("dataset") or "" for p in pages]))


def cv_folds(n_pages: int, folds: int) -> np.ndarray:
    """The cross-validation fold of each train page (fixed draw, independent of the stacking
    folds ``page % --folds``): ``--cv-fold K`` fits on the pages of the other folds, so
    ``scripts/tune.py`` can set the thresholds on pages the model did not see, not on ``test``."""
    return np.random.default_rng(20261125).integers(0, folds, n_pages)


def join(a: dict, b: dict) -> dict:
    """Two built sets as one (b's pages and documents numbered after a's)."""
    out = {}
    for k in a:
        if k in ("page", "doc"):
            offset = len(a["lang"]) if k == "page" else int(a["doc"].max()) + 1
            out[k] = np.concatenate([a[k], b[k] + offset])
        else:
            out[k] = np.concatenate([a[k], b[k]]) if k in b else a[k]
    return out


def weights(d: dict, snippet_weight: float = 0.0) -> np.ndarray:
    """Token weights, each document's total normalised to its number of units; a snippet
    document's labelled units (``snippet``) weigh ``snippet_weight`` each, its others nothing."""
    w = d["tok"] + 1.0
    tot = np.bincount(d["doc"], weights=w)
    cnt = np.bincount(d["doc"])
    w = w / tot[d["doc"]] * cnt[d["doc"]]
    if "snippet" in d:
        w = np.where(d["snippet"], np.where(d["y"] >= 0, snippet_weight, 0.0), w)
    return w


def doc_slices(doc: np.ndarray) -> list[tuple[int, int]]:
    edges = np.flatnonzero(np.diff(doc)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges, [len(doc)]])
    return list(zip(starts.tolist(), ends.tolist()))


class _U:  # stands in for a Line in stack_features (only .block is read)
    __slots__ = ("block",)

    def __init__(self, b):
        self.block = b


def stack(d: dict, p: np.ndarray) -> np.ndarray:
    out = np.zeros((len(p), len(STACK_NAMES)))
    for a, b in doc_slices(d["doc"]):
        out[a:b] = stack_features(p[a:b], [_U(x) for x in d["block"][a:b]], d["X"][a:b])
    return out


def fit(X, y, w, args, seed=1, stage=1):
    import lightgbm as lgb
    lr, leaves, depth, trees = ((args.lr, args.leaves, args.depth, args.trees) if stage == 1
                                else (args.lr2, args.leaves2, args.depth2, args.trees2))
    params = dict(objective="binary", learning_rate=lr, num_leaves=leaves, max_depth=depth,
                  min_data_in_leaf=args.min_data, feature_fraction=args.feature_fraction, bagging_fraction=args.bagging_fraction,
                  bagging_freq=1 if args.bagging_fraction < 1 else 0,
                  lambda_l2=args.l2, num_threads=THREADS, verbose=-1, seed=seed, max_bin=args.max_bin)
    m = w > 0  # unlabelled units (snippet pages) are only neighbours
    ds = lgb.Dataset(X[m], label=y[m], weight=w[m], free_raw_data=True)
    return lgb.train(params, ds, num_boost_round=trees)


def export_trees(booster) -> dict:
    """Every tree as a complete binary tree of the ensemble's largest depth ``D`` (heap order:
    the children of node ``i`` are ``2i + 1`` (x <= threshold) and ``2i + 2``), so inference is
    ``D`` identical vectorised steps. A leaf above depth ``D`` becomes a chain of dummy splits
    (threshold +inf: always left) and its value fills every leaf slot below it."""
    dump = booster.dump_model()
    trees = [t["tree_structure"] for t in dump["tree_info"]]

    def depth_of(node) -> int:
        if "leaf_value" in node:
            return 0
        return 1 + max(depth_of(node["left_child"]), depth_of(node["right_child"]))

    D = max(1, max(depth_of(t) for t in trees))
    n_in = (1 << D) - 1
    T = len(trees)
    feat = np.zeros((T, n_in), np.int32)
    thr = np.full((T, n_in), np.inf)
    ival = np.zeros((T, n_in))
    leaf = np.zeros((T, n_in + 1))

    def fill(t: int, node, pos: int, d: int) -> None:
        if "leaf_value" in node:
            v = node["leaf_value"]
            if d == D:
                leaf[t, pos - n_in] = v
                return
            ival[t, pos] = v
            fill(t, node, 2 * pos + 1, d + 1)
            fill(t, node, 2 * pos + 2, d + 1)
            return
        assert node["decision_type"] == "<=", node["decision_type"]
        assert node["missing_type"] in ("None", "NaN"), node["missing_type"]
        feat[t, pos] = node["split_feature"]
        thr[t, pos] = node["threshold"]
        ival[t, pos] = node.get("internal_value", 0.0)
        fill(t, node["left_child"], 2 * pos + 1, d + 1)
        fill(t, node["right_child"], 2 * pos + 2, d + 1)

    for t, root in enumerate(trees):
        fill(t, root, 0, 0)
    return dict(feature=feat, threshold=thr, node_value=ival, leaf_value=leaf, depth=np.array(D, np.int32))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trees", type=int, default=120)
    ap.add_argument("--leaves", type=int, default=127)
    ap.add_argument("--depth", type=int, default=7)
    ap.add_argument("--lr", type=float, default=0.12)
    ap.add_argument("--trees2", type=int, default=100)
    ap.add_argument("--leaves2", type=int, default=63)
    ap.add_argument("--depth2", type=int, default=6)
    ap.add_argument("--lr2", type=float, default=0.12)
    ap.add_argument("--feature-fraction", type=float, default=0.8,
                    help="share of the features each tree draws from (1: all, no randomness from the seed)")
    ap.add_argument("--bagging-fraction", type=float, default=0.7,
                    help="share of the rows each tree is fitted on (1: all, no bagging)")
    ap.add_argument("--min-data", type=int, default=50, help="fewest weighted rows in a leaf")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on leaf values")
    ap.add_argument("--max-bin", type=int, default=127, help="bins a feature's values are cut into")
    ap.add_argument("--out", default=os.path.join(OUT_DIR, "lines.npz"), help="model file to write")
    ap.add_argument("--no-report", action="store_true", help="do not rewrite training_report.*")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--no-stack", action="store_true")
    ap.add_argument("--cv-fold", type=int, default=None,
                    help="leave out the train pages of this cross-validation fold (0..--cv-folds-1); "
                         "for scripts/tune.py, with --out and --no-report")
    ap.add_argument("--cv-folds", type=int, default=3)
    ap.add_argument("--sample", type=float, default=1.0, help="share of training docs used")
    ap.add_argument("--snippets", action="store_true",
                    help="add trafilatura_eval's snippet-labelled train pages (its snippet scores are then "
                         "in-sample on those pages: report them on --part test)")
    ap.add_argument("--snippet-weight", type=float, default=10.0,
                    help="weight of one snippet-labelled unit (a unit of a gold page weighs 1 on average)")
    ap.add_argument("--seed", type=int, default=0,
                    help="added to every LightGBM seed: another draw of the same fit, to see how much a "
                         "change's effect exceeds the spread between draws (the shipped model is seed 0)")
    args = ap.parse_args()
    t_start = time.time()
    tr, te = build("train", args.folds), build("test", args.folds)
    if os.path.abspath(args.out) == os.path.abspath(os.path.join(OUT_DIR, "lines.npz")):
        lexicon.write(word_tables(args.folds)[0])  # the table the test pages' features read
    if args.sample < 1.0:
        rng = np.random.default_rng(0)
        keep_pages = rng.random(tr["page"].max() + 1) < args.sample
        m = keep_pages[tr["page"]]
        tr = {k: (v[m] if k not in ("lang", "dataset") else v) for k, v in tr.items()}
    if args.cv_fold is not None:
        m = cv_folds(int(tr["page"].max()) + 1, args.cv_folds)[tr["page"]] != args.cv_fold
        tr = {k: (v[m] if k not in ("lang", "dataset") else v) for k, v in tr.items()}
    if args.snippets:
        sn = build_snippets("train")
        tr["snippet"] = np.zeros(len(tr["y"]), bool)
        sn["snippet"] = np.ones(len(sn["y"]), bool)
        tr = join(tr, sn)
    wtr = weights(tr, args.snippet_weight)
    t0 = time.time()
    m1 = fit(tr["X"], tr["y"], wtr, args, seed=1 + args.seed)
    print(f"stage 1: {time.time()-t0:.0f}s", flush=True)
    p1_te = m1.predict(te["X"])
    models = {"s1": m1}
    if not args.no_stack:
        oof = np.zeros(len(tr["y"]))
        fold = tr["page"] % args.folds
        for k in range(args.folds):
            t0 = time.time()
            mk = fit(tr["X"][fold != k], tr["y"][fold != k], wtr[fold != k], args, seed=10 + k + args.seed)
            oof[fold == k] = mk.predict(tr["X"][fold == k])
            print(f"fold {k}: {time.time()-t0:.0f}s", flush=True)
        X2 = np.hstack([tr["X"], stack(tr, oof)])
        t0 = time.time()
        m2 = fit(X2, tr["y"], wtr, args, seed=2 + args.seed, stage=2)
        print(f"stage 2: {time.time()-t0:.0f}s", flush=True)
        models["s2"] = m2
        p_te = m2.predict(np.hstack([te["X"], stack(te, p1_te)]))
    else:
        p_te = p1_te
    train_time = time.time() - t_start

    os.makedirs(OUT_DIR, exist_ok=True)
    arrays = {"feature_names": np.array(FEATURE_NAMES), "stack_names": np.array(STACK_NAMES)}
    for name, m in models.items():
        for k, v in export_trees(m).items():
            arrays[f"{name}_{k}"] = v
    path = args.out
    tmp = path + ".tmp.npz"  # written aside, then renamed: readers never see a half-written model
    np.savez_compressed(tmp, **arrays)
    os.replace(tmp, path)
    for name, m in models.items():
        m.save_model(f"/tmp/newsclean_{name}.txt")
    np.save("/tmp/newsclean_p_test.npy", p_te)
    np.save("/tmp/newsclean_p1_test.npy", p1_te)

    # report
    acc1 = float(((p1_te >= 0.5) == te["y"]).mean())
    acc = float(((p_te >= 0.5) == te["y"]).mean())
    imp = {}
    for name, m in models.items():
        names = list(FEATURE_NAMES) + (list(STACK_NAMES) if name == "s2" else [])
        g = m.feature_importance("gain")
        order = np.argsort(-g)[:25]
        imp[name] = [(names[i], round(float(g[i] / g.sum()), 4)) for i in order]
    report = {
        "train_pages": int(tr["page"].max() + 1), "train_docs": int(len(np.unique(tr["doc"]))),
        "train_units": int((wtr > 0).sum()), "train_content_share": round(float(tr["y"][wtr > 0].mean()), 4),
        "snippet_pages": int(len(np.unique(tr["page"][tr["snippet"]]))) if "snippet" in tr else 0,
        "snippet_units": int((tr["snippet"] & (wtr > 0)).sum()) if "snippet" in tr else 0,
        "snippet_weight": args.snippet_weight if args.snippets else 0,
        "test_pages": int(te["page"].max() + 1), "test_units": int(len(te["y"])),
        "test_line_accuracy_stage1": round(acc1, 4), "test_line_accuracy": round(acc, 4),
        "trees": args.trees, "leaves": args.leaves, "max_depth": args.depth, "lr": args.lr,
        "trees2": args.trees2, "leaves2": args.leaves2, "max_depth2": args.depth2, "lr2": args.lr2,
        "feature_fraction": args.feature_fraction, "bagging_fraction": args.bagging_fraction,
        "min_data_in_leaf": args.min_data, "lambda_l2": args.l2, "max_bin": args.max_bin,
        "stacked": not args.no_stack, "train_seconds": round(train_time),
        "model_bytes": os.path.getsize(path), "importances": imp,
    }
    from eval_model import evaluate_arrays
    report["token_f1_test"] = evaluate_arrays(p_te)
    if not args.no_stack:
        report["token_f1_test_stage1_only"] = evaluate_arrays(p1_te)
    if args.no_report:
        print(json.dumps({k: v for k, v in report.items() if k != "importances"}, indent=1))
        return
    with open(os.path.join(OUT_DIR, "training_report.json"), "w") as f:
        json.dump(report, f, indent=1)
    lines = ["# Learned line classifier: training report", "",
             "Generated by `scripts/train.py`; fitted on the `train` part of the dev corpus, measured on `test`.", "",
             "| | |", "|---|---|"]
    for k, v in report.items():
        if k not in ("importances", "token_f1_test", "token_f1_test_stage1_only"):
            lines.append(f"| {k} | {v} |")
    lines += ["", "## Token F1 on test pages (units with P >= 0.5 kept, vs gold text)", "",
              "| style | all | zh |", "|---|---|---|"]
    for s, r in report["token_f1_test"].items():
        lines.append(f"| {s} | {r['all']:.4f} | {r.get('zh', float('nan')):.4f} |")
    for name, lst in imp.items():
        lines += ["", f"## Feature importance (gain share), {name}", ""]
        lines += [f"- {n}: {g}" for n, g in lst]
    with open(os.path.join(OUT_DIR, "training_report.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "importances"}, indent=1))


if __name__ == "__main__":
    main()
