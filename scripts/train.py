#!/usr/bin/env python3
"""Train the learned line classifier and export it as package data.

    python scripts/train.py [--trees 120 --depth 7 --leaves 63] [--trees2 60 --depth2 6 --leaves2 31]
                            [--no-stack] [--out PATH] [--no-report]

1. Loads the dev corpus pages with gold text; fits only on ``part_of(rec) == "train"``
   pages and reports on ``test`` pages (``bench/evaluate.py``'s fixed split).
2. Every page is used in all four dump styles (blocks, innertext, wrapped, textnodes):
   ``newsclean.blocks.split`` gives the units, ``scripts/align.py`` labels them against the
   gold text, ``newsclean.features.line_features`` turns them into features.
3. Stage 1: a LightGBM model on the line features. Stage 2 (stacking): a second model on the
   line features plus ``features.stack_features`` of stage-1 probabilities, trained on
   out-of-fold stage-1 predictions (folds by page, so a page's four styles stay together).
4. Exports both models' trees, as complete binary trees of the ensemble's depth, to
   ``src/newsclean/data/model/lines.npz`` (read by ``newsclean.model`` with numpy only; written
   to a temporary name and renamed, so readers never see half a file) and writes
   ``training_report.md`` / ``.json``.

Inference cost is (trees x depth) per unit, so the defaults are small and shallow: stage 1
120 trees of depth 7, stage 2 60 trees of depth 6 (``newsclean.model`` walks all trees of a
stage in ``depth`` vectorised steps).

Samples are weighted by tokens, normalised per page (the measure is mean token F1 per page).
Needs the ``train`` extra (lightgbm). Takes ~15 minutes on two cores with cached features.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))
sys.path.insert(0, "/work/shared/bench")

from align import STYLES, align, load_pages, toks  # noqa: E402
from newsclean.blocks import split  # noqa: E402
from newsclean.features import FEATURE_NAMES, STACK_NAMES, line_features, stack_features  # noqa: E402

OUT_DIR = os.path.join(HERE, "..", "src", "newsclean", "data", "model")
CACHE = "/tmp/newsclean_feats_{part}.npz"


def _page_rows(rec: dict):
    out = []
    for s in STYLES:
        units = split(rec.get(f"text_{s}") or "")
        if not units:
            continue
        y = np.array(align([u.text for u in units], rec["gold_text"]), dtype=np.int8)
        X = line_features(units)
        S = np.array([len(toks(u.text)) for u in units], dtype=np.float64)
        blocks = np.array([u.block for u in units], dtype=np.int32)
        out.append((s, X, y, S, blocks))
    return out


def build(part: str) -> dict:
    path = CACHE.format(part=part)
    if os.path.exists(path):
        d = np.load(path, allow_pickle=True)
        return {k: d[k] for k in d.files}
    pages = load_pages(part)
    t0 = time.time()
    with Pool(2) as pool:
        res = pool.map(_page_rows, pages, chunksize=16)
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
    d = dict(X=np.vstack(Xs), y=np.concatenate(ys), tok=np.concatenate(ts), page=np.concatenate(page_id),
             doc=np.concatenate(doc_id), style=np.concatenate(style_id), block=np.concatenate(blocks),
             lang=np.array([p.get("lang") or "" for p in pages]),
             dataset=np.array([p.get("dataset") or "" for p in pages]))
    print(f"built {part}: {len(pages)} pages, {doc} docs, {len(d['y'])} units in {time.time()-t0:.0f}s",
          flush=True)
    np.savez(path, **d)
    return d


def weights(d: dict) -> np.ndarray:
    """Token weights, each document's total normalised to its number of units."""
    w = d["tok"] + 1.0
    tot = np.bincount(d["doc"], weights=w)
    cnt = np.bincount(d["doc"])
    return w / tot[d["doc"]] * cnt[d["doc"]]


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
        out[a:b] = stack_features(p[a:b], [_U(x) for x in d["block"][a:b]])
    return out


def fit(X, y, w, args, seed=1, stage=1):
    import lightgbm as lgb
    lr, leaves, depth, trees = ((args.lr, args.leaves, args.depth, args.trees) if stage == 1
                                else (args.lr2, args.leaves2, args.depth2, args.trees2))
    params = dict(objective="binary", learning_rate=lr, num_leaves=leaves, max_depth=depth,
                  min_data_in_leaf=50, feature_fraction=0.8, bagging_fraction=0.7, bagging_freq=1,
                  lambda_l2=1.0, num_threads=2, verbose=-1, seed=seed, max_bin=127)
    ds = lgb.Dataset(X, label=y, weight=w, free_raw_data=True)
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
    ap.add_argument("--leaves", type=int, default=63)
    ap.add_argument("--depth", type=int, default=7)
    ap.add_argument("--lr", type=float, default=0.12)
    ap.add_argument("--trees2", type=int, default=60)
    ap.add_argument("--leaves2", type=int, default=31)
    ap.add_argument("--depth2", type=int, default=6)
    ap.add_argument("--lr2", type=float, default=0.12)
    ap.add_argument("--out", default=os.path.join(OUT_DIR, "lines.npz"), help="model file to write")
    ap.add_argument("--no-report", action="store_true", help="do not rewrite training_report.*")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--no-stack", action="store_true")
    ap.add_argument("--sample", type=float, default=1.0, help="share of training docs used")
    args = ap.parse_args()
    t_start = time.time()
    tr, te = build("train"), build("test")
    if args.sample < 1.0:
        rng = np.random.default_rng(0)
        keep_pages = rng.random(tr["page"].max() + 1) < args.sample
        m = keep_pages[tr["page"]]
        tr = {k: (v[m] if k not in ("lang", "dataset") else v) for k, v in tr.items()}
    wtr = weights(tr)
    t0 = time.time()
    m1 = fit(tr["X"], tr["y"], wtr, args)
    print(f"stage 1: {time.time()-t0:.0f}s", flush=True)
    p1_te = m1.predict(te["X"])
    models = {"s1": m1}
    if not args.no_stack:
        oof = np.zeros(len(tr["y"]))
        fold = tr["page"] % args.folds
        for k in range(args.folds):
            t0 = time.time()
            mk = fit(tr["X"][fold != k], tr["y"][fold != k], wtr[fold != k], args, seed=10 + k)
            oof[fold == k] = mk.predict(tr["X"][fold == k])
            print(f"fold {k}: {time.time()-t0:.0f}s", flush=True)
        X2 = np.hstack([tr["X"], stack(tr, oof)])
        t0 = time.time()
        m2 = fit(X2, tr["y"], wtr, args, seed=2, stage=2)
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
        "train_units": int(len(tr["y"])), "train_content_share": round(float(tr["y"].mean()), 4),
        "test_pages": int(te["page"].max() + 1), "test_units": int(len(te["y"])),
        "test_line_accuracy_stage1": round(acc1, 4), "test_line_accuracy": round(acc, 4),
        "trees": args.trees, "leaves": args.leaves, "max_depth": args.depth, "lr": args.lr,
        "trees2": args.trees2, "leaves2": args.leaves2, "max_depth2": args.depth2, "lr2": args.lr2,
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
