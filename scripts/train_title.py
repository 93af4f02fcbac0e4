#!/usr/bin/env python3
"""Fit the headline scorer (``newsclean.title``) on the train part of the dev corpus.

    python scripts/train_title.py [--corpus DIR] [--styles blocks,innertext,wrapped,textnodes]
                                  [--cache /tmp/title-cache.pkl] [--l2 0.0005] [--dry-run]

For every page with a gold title, in every dump style, the pipeline runs up to the metadata step
(the real classifier's start and end of the text; no URL, as a user mostly has none), and every
title candidate is traced with its features. A candidate is right when it equals the gold title
as ``score.py`` compares titles. A conditional logit (a softmax over each page's candidates, L2
penalty) is fitted with L-BFGS on the ``train`` part only (``part_of()`` in evaluate.py), and
written to ``src/newsclean/data/meta/title_model.json`` with the accuracy on both parts. Two sets
of weights are fitted (``fit_pair``): one on every page without the blank-line block features, one
on the pages whose blank lines tell lines apart (``title.BLOCK_FEATURES``), which score those pages. Pages
whose gold title is no candidate teach nothing and are left out of the fit (but counted in the
accuracies printed).

``--cache`` keeps the pipeline's output per page, so refits after a feature change take seconds.

``--cv K`` (with ``--dry-run``) also prints the accuracy of a K-fold cross-validation over the train
pages, repeated over ``--cv-repeats`` draws of the folds, every dump style of a page in the same fold.
The test part has about 210 pages with a gold title: a change of one or two pages in a style moves
its accuracy by 0.5-1 point, and one draw of the folds moves the cross-validated accuracy by up to
0.5 point against another; decide on a feature by the repeated cross-validation (and the count of
pages it wins and loses in each draw), then report the test part.
Needs numpy and scipy (training only; inference is pure Python).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))
BENCH = os.path.join(HERE, "..", "..", "shared", "bench")
OUT = os.path.join(HERE, "..", "src", "newsclean", "data", "meta", "title_model.json")

from newsclean import blocks, metadata, pipeline, title  # noqa: E402
from newsclean.document import Label  # noqa: E402

DATASETS = ("fundus_fixtures", "trafilatura_eval", "newspaper4k_fixtures", "seeds")


def pipeline_inputs(text: str) -> tuple[list[str], int | None, int | None, list[int], frozenset[int]]:
    """The units, the classifier's first/last content unit, the units' blank-line blocks and the
    units never the headline (error messages, consent and bot-check notices), as ``pipeline.clean``
    passes them (``pipeline.label``, with the default configuration)."""
    units = blocks.split(text)
    labelled = pipeline.label(units)
    content = [l.index for l in labelled.lines if l.label is Label.CONTENT]
    return ([u.text for u in units], (content[0] if content else None), (content[-1] if content else None),
            [u.block for u in units], labelled.never_title)


def load_pages(corpus: str, styles: list[str], part_of) -> list[dict]:
    pages = []
    for ds in DATASETS:
        path = os.path.join(corpus, f"{ds}.jsonl.gz")
        if not os.path.exists(path):
            continue
        for line in gzip.open(path, "rt", encoding="utf-8"):
            rec = json.loads(line)
            gold = (rec.get("gold_meta") or {}).get("title")
            if not gold or (rec.get("gold_text") is None and not rec.get("with")):
                continue
            for style in styles:
                text = rec.get(f"text_{style}")
                if not text:
                    continue
                texts, cs, ce, blocks, skip = pipeline_inputs(text)
                pages.append({"id": f"{ds}/{rec['id']}", "part": part_of(rec), "style": style, "gold": gold,
                              "texts": texts, "cs": cs, "ce": ce, "url": rec.get("url"), "blocks": blocks,
                              "skip": skip})
    return pages


def trace(pages: list[dict], norm, cheap: list | None = None) -> list[tuple[dict, list[dict], np.ndarray, list[int]]]:
    """Per page: the page, its candidates' features, which are right, and their line indexes.

    ``cheap`` (optional) gets the same per page for the lines' cheap features alone, a line being
    right when it or a part of it (the line less a kicker ...) is the headline."""
    out = []
    for p in pages:
        title.TRACE, title.TRACE_CHEAP, title.TRACE_BLOCKS = [], [], []
        try:
            metadata.extract(p["texts"], content_start=p["cs"], content_end=p["ce"], blocks=p.get("blocks"),
                             errors=p.get("skip"))
            cands, lines, told = title.TRACE, title.TRACE_CHEAP, title.TRACE_BLOCKS
        finally:
            title.TRACE = title.TRACE_CHEAP = title.TRACE_BLOCKS = None
        p["told"] = bool(told and told[0])  # which of the two weight sets scores the page
        g = norm(p["gold"])
        y = np.array([norm(s) == g for _f, _i, s in cands], dtype=float)
        out.append((p, [f for f, _i, _s in cands], y, [i for _f, i, _s in cands]))
        if cheap is not None:
            right = {i for (_f, i, _s), yy in zip(cands, y) if yy}
            cheap.append((p, [f for f, _i, _s in lines], np.array([i in right for _f, i, _s in lines], dtype=float),
                          [i for _f, i, _s in lines]))
    return out


def weights_of(ws: tuple[dict, dict], p: dict) -> dict[str, float]:
    """The weights that score page ``p``: ``ws`` is (the set for all pages, the set for pages whose
    blank lines tell lines apart)."""
    return ws[1] if p.get("told") and ws[1] else ws[0]


def in_top(groups, ws: tuple[dict, dict], top: int) -> dict[str, float]:
    """How often a right candidate is among the ``top`` best by ``ws`` (of the pages that have one)."""
    hits: dict[str, list[bool]] = {}
    for p, feats, y, _idx in groups:
        if not y.any():
            continue
        w = weights_of(ws, p)
        sc = [title._score(f, w, 0.0) for f in feats]
        best = sorted(range(len(sc)), key=lambda r: -sc[r])[:top]
        hits.setdefault(p["part"], []).append(bool(y[best].any()))
    return {k: round(sum(v) / len(v), 4) for k, v in sorted(hits.items())}


def fit(groups, names: list[str], l2: float) -> np.ndarray:
    from scipy.optimize import minimize

    index = {k: j for j, k in enumerate(names)}
    mats = []
    for _p, feats, y, _idx in groups:
        if not y.any():
            continue
        X = np.zeros((len(feats), len(names)))
        for r, f in enumerate(feats):
            for k, v in f.items():
                if k in index:
                    X[r, index[k]] = v
        mats.append((X, y / y.sum()))

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for X, y in mats:
            s = X @ w
            s -= s.max()
            e = np.exp(s)
            p = e / e.sum()
            total -= float(y @ np.log(p + 1e-12))
            grad += X.T @ (p - y)
        total = total / len(mats) + l2 * float(w @ w)
        return total, grad / len(mats) + 2 * l2 * w

    res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x


def fit_weights(train, min_count: int, l2: float) -> dict[str, float]:
    """The conditional logit's weights of the features seen on ``min_count`` train candidates or more."""
    if not train:
        return {}
    counts: dict[str, int] = {}
    for _p, feats, _y, _idx in train:
        for f in feats:
            for k, v in f.items():
                if v:
                    counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= min_count)
    vec = fit(train, names, l2)
    return {k: round(float(v), 4) for k, v in zip(names, vec) if abs(v) >= 1e-4}


def fit_pair(train, min_count: int, l2: float) -> tuple[dict, dict]:
    """Two weight sets (see ``weights_of``): one fitted on every page without the blank-line block
    features (so that the pages that lack them keep weights that do not lean on them), one on the
    pages that have them."""
    plain = [(p, [{k: v for k, v in f.items() if k not in title.BLOCK_FEATURES} for f in feats], y, idx)
             for p, feats, y, idx in train]
    return fit_weights(plain, min_count, l2), fit_weights([g for g in train if g[0].get("told")], min_count, l2)


def accuracy(groups, ws: tuple[dict, dict], min_scores: tuple[float, float], norm) -> dict[str, float]:
    hits: dict[str, list[bool]] = {}
    for p, feats, y, _idx in groups:
        w, min_score = weights_of(ws, p), min_scores[1] if p.get("told") and ws[1] else min_scores[0]
        best = None
        for r, f in enumerate(feats):
            sc = title._score(f, w, 0.0)
            if best is None or sc > best[0]:
                best = (sc, r)
        ok = best is not None and best[0] >= min_score and bool(y[best[1]])
        hits.setdefault(p["part"], []).append(ok)
        hits.setdefault(f"{p['part']}/{p['style']}", []).append(ok)
    return {k: round(sum(v) / len(v), 4) for k, v in sorted(hits.items())}


def lowest_right(groups, w: dict[str, float]) -> float:
    """The 2nd percentile of the right candidates' scores (a lower best score is no headline)."""
    right = sorted(title._score(f, w, 0.0) for _p, feats, y, _idx in groups for f, yy in zip(feats, y) if yy)
    return round(float(right[int(0.02 * len(right))]) if right else 0.0, 3)


def fold_of(page_id: str, folds: int, repeat: int) -> int:
    """A page's cross-validation fold in draw ``repeat`` (by a hash of its id: every style of a page
    falls in the same fold)."""
    return zlib.crc32(f"{repeat}:{page_id}".encode()) % folds


def cv_hits(train, folds: int, repeats: int, min_count: int, l2: float) -> list[tuple[str, str, int, bool]]:
    """(page id, style, draw, right) for every train page, each scored by the weights fitted on the
    other folds of the draw (no ``min_score``: this compares the ranking of the candidates)."""
    out = []
    for r in range(repeats):
        for k in range(folds):
            fit_on = [g for g in train if fold_of(g[0]["id"], folds, r) != k]
            held = [g for g in train if fold_of(g[0]["id"], folds, r) == k]
            if not fit_on or not held:
                continue
            ws = fit_pair(fit_on, min_count, l2)
            for p, feats, y, _idx in held:
                w = weights_of(ws, p)
                best = max(range(len(feats)), key=lambda j: title._score(feats[j], w, 0.0), default=None)
                out.append((p["id"], p["style"], r, best is not None and bool(y[best])))
    return out


def cv_report(hits: list[tuple[str, str, int, bool]]) -> dict[str, float]:
    """The cross-validated accuracy over all styles, per style, and per draw of the folds."""
    acc: dict[str, list[bool]] = {}
    for _id, style, r, ok in hits:
        for key in ("cv", f"cv/{style}", f"cv/draw{r}"):
            acc.setdefault(key, []).append(ok)
    return {k: round(sum(v) / len(v), 4) for k, v in sorted(acc.items())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "dev"))
    ap.add_argument("--styles", default="blocks,innertext,wrapped,textnodes")
    ap.add_argument("--cache", default=None, help="pickle of the pipeline's output per page (made when missing)")
    ap.add_argument("--l2", type=float, default=0.0005)
    ap.add_argument("--min-count", type=int, default=20, help="features seen on fewer train candidates are dropped")
    ap.add_argument("--dry-run", action="store_true", help="print the accuracies, write nothing")
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="also print a K-fold cross-validation on train")
    ap.add_argument("--cv-repeats", type=int, default=3, help="draws of the folds for --cv")
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(BENCH))
    from evaluate import part_of  # noqa: E402
    from score import norm_title  # noqa: E402

    styles = a.styles.split(",")
    if a.cache and os.path.exists(a.cache):
        pages = [p for p in pickle.load(open(a.cache, "rb")) if p["style"] in styles]
    else:
        pages = load_pages(a.corpus, styles, part_of)
        if a.cache:
            with open(a.cache, "wb") as f:
                pickle.dump(pages, f)
    lines: list = []
    groups = trace(pages, norm_title, lines)
    train = [g for g in groups if g[0]["part"] == "train"]
    weights = fit_pair(train, a.min_count, a.l2)
    # the cheap features' own weights, which choose the candidates that get the costlier ones
    cheap = fit_pair([g for g in lines if g[0]["part"] == "train"], a.min_count, a.l2)
    # the lowest score a headline may have: below the 2nd percentile of right answers' scores on train
    min_score = (lowest_right([g for g in train if not g[0]["told"]], weights[0]),
                 lowest_right([g for g in train if g[0]["told"]], weights[1]))
    acc = accuracy(groups, weights, min_score, norm_title)
    reach = {part: round(sum(1 for g in groups if g[0]["part"] == part and g[2].any())
                         / max(1, sum(1 for g in groups if g[0]["part"] == part)), 4) for part in ("train", "test")}
    print("candidate holds the gold title:", reach)
    print("accuracy of the best candidate:", acc)
    print(f"a right line among the {title.RICH_TOP} best by the cheap features: full weights",
          in_top(lines, weights, title.RICH_TOP), "their own", in_top(lines, cheap, title.RICH_TOP))
    if a.cv:
        print(f"{a.cv}-fold cross-validation on train, {a.cv_repeats} draws:",
              cv_report(cv_hits(train, a.cv, a.cv_repeats, a.min_count, a.l2)))
    if a.dry_run:
        return
    data = {"about": "newsclean.title: conditional-logit weights of headline candidate features, fitted by "
                     "scripts/train_title.py on the train part of the dev corpus",
            "styles": styles, "pages": {k: sum(1 for g in groups if g[0]["part"] == k) for k in ("train", "test")},
            "accuracy": acc, "bias": 0.0, "min_score": min_score[0], "weights": weights[0], "cheap_weights": cheap[0],
            "blocks": {"about": "the set for pages whose blank lines tell lines apart (title.BLOCK_FEATURES)",
                       "pages": {k: sum(1 for g in groups if g[0]["part"] == k and g[0]["told"])
                                 for k in ("train", "test")},
                       "bias": 0.0, "min_score": min_score[1], "weights": weights[1], "cheap_weights": cheap[1]}}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(weights[0])} + {len(weights[1])} weights, min_score {min_score}")


if __name__ == "__main__":
    main()
