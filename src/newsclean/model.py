"""The learned line classifier: P(content) for every unit of a page, with numpy only.

The model (``data/model/lines.npz``, written by ``scripts/train.py``) holds one or two
gradient-boosted tree ensembles, each exported as *complete* binary trees of one depth ``D``
in heap order (the children of node ``i`` are ``2i + 1`` for ``x <= threshold`` and ``2i + 2``):
per tree and inner node the feature and threshold (and the node's mean output, used by
``explain``), per tree the ``2**D`` leaf values. Shallower branches are padded with dummy splits
(threshold +inf) whose leaves repeat the value. Inference walks every unit through every tree
at once in ``D`` identical vectorised steps over a (trees x units) array of node numbers:
``node = 2 * node + 1 + (x[feature[node]] > threshold[node])``, three gathers per step.

Stage 1 reads ``features.line_features``; stage 2 (when present) reads those plus
``features.stack_features`` of the stage-1 probabilities (neighbours' smoothed predictions).

API: ``available()``, ``predict(units)``, ``predict_features(X, units)``, ``full_row(units)``,
``explain(row)``, ``strongest_cue(row)``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

from newsclean import startcache
from newsclean.document import Line
from newsclean.features import FEATURE_NAMES, STACK_NAMES, line_features, stack_features
from newsclean.thresholds import STAGE1_SURE

MODEL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "model", "lines.npz")
ROWS_PER_WALK = 128  # a huge page is walked through the trees in slices of this many units ...
HUGE_PAGE_UNITS = 1024  # ... when it has more than this many (on smaller pages one walk is quicker)


@dataclass(frozen=True)
class Trees:
    """One ensemble of complete binary trees (see the module docstring).

    ``feature``, ``threshold``, ``node_value``: shape (n_trees, 2**depth - 1);
    ``leaf_value``: shape (n_trees, 2**depth).
    """

    feature: np.ndarray
    threshold: np.ndarray
    node_value: np.ndarray
    leaf_value: np.ndarray
    depth: int
    _flat: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # per level k, the (n_trees x 2**k) inner nodes of that level, flattened: a unit at node
        # j of level k of tree t sits at t * 2**k + j, and moves to 2 * (t * 2**k + j) + right,
        # its place in the next level's table (after the last level: in the leaf table)
        levels = []
        for k in range(self.depth):
            lo, hi = (1 << k) - 1, (1 << (k + 1)) - 1
            levels.append((np.ascontiguousarray(self.feature[:, lo:hi], dtype=np.intp).ravel(),
                           np.ascontiguousarray(self.threshold[:, lo:hi], dtype=np.float64).ravel()))
        leaf = np.ascontiguousarray(self.leaf_value, dtype=np.float64).ravel()
        object.__setattr__(self, "_flat", (levels, leaf, np.arange(self.feature.shape[0], dtype=np.intp)))

    @property
    def n_trees(self) -> int:
        return self.feature.shape[0]

    def leaves(self, X: np.ndarray) -> np.ndarray:
        """The leaf each row reaches in each tree, as an index into ``leaf_value.ravel()``,
        shape (n_rows, n_trees).

        The walk runs tree by tree (a (trees x rows) array, the page's features transposed to
        (features x rows)): the node tables are then read in runs that stay within one tree's
        nodes, which the cache serves (a third quicker than row by row, the same leaves).
        The gathers take ``mode="clip"``: every index is in range by construction (a node of a
        complete tree, a feature's row), and the default mode checks each one (a fifth more
        instructions in each gather)."""
        levels, _, trees = self._flat
        n = X.shape[0]
        XT = np.ascontiguousarray(X.T, dtype=np.float64)
        f0, t0 = levels[0]
        # level 0: every row is at the root, a plain row gather
        g = np.add(trees, trees, dtype=np.intp)[:, None] + (XT[f0] > t0[:, None])
        if self.depth > 1:
            flat = XT.ravel()
            rows = np.arange(n, dtype=np.intp)
            # level 1, two nodes a tree: each node's whole feature row compared with its threshold
            # (row copies and one vector compare), then one gather per (tree, row), is quicker than
            # the three gathers of the deeper levels, whose nodes outnumber a page's rows
            feat, thr = levels[1]
            right = (XT.take(feat, axis=0) > thr[:, None]).ravel().take(g * n + rows, mode="clip")
            g += g
            g += right
            for feat, thr in levels[2:]:
                f = (feat * n).take(g, mode="clip")  # the node's feature's row of XT ...
                f += rows  # ... at the unit's column
                right = flat.take(f, mode="clip") > thr.take(g, mode="clip")
                g += g
                g += right
        return g.T

    def raw(self, X: np.ndarray) -> np.ndarray:
        """The summed leaf values (log-odds) per row."""
        if X.shape[0] == 0:
            return np.zeros(0)
        if X.shape[0] > HUGE_PAGE_UNITS:  # in slices whose (units x trees) arrays stay small
            return np.concatenate([self.raw(X[i:i + ROWS_PER_WALK]) for i in range(0, X.shape[0], ROWS_PER_WALK)])
        return self._flat[1].take(self.leaves(X), mode="clip").sum(axis=1)

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per-feature contributions to one row's log-odds (the path's value changes per split)."""
        out = np.zeros(x.shape[0])
        n_in = self.feature.shape[1]
        for t in range(self.n_trees):
            node, val = 0, float(self.node_value[t, 0])
            for _ in range(self.depth):
                f = int(self.feature[t, node])
                nxt = 2 * node + 1 + int(x[f] > self.threshold[t, node])
                nval = float(self.leaf_value[t, nxt - n_in] if nxt >= n_in else self.node_value[t, nxt])
                out[f] += nval - val  # zero for padding splits
                node, val = nxt, nval
        return out

    def base_value(self) -> float:
        """Sum of the root values (the log-odds ``contributions`` start from)."""
        return float(self.node_value[:, 0].sum())


@dataclass(frozen=True)
class Model:
    """The shipped line model: the first stage's trees, the stacked second stage's (if any), and
    the names of the features each reads, checked against ``features`` when loaded."""
    stage1: Trees
    stage2: Trees | None
    feature_names: tuple[str, ...]
    stack_names: tuple[str, ...]


def _trees(d, prefix: str) -> Trees:
    return Trees(*(d[f"{prefix}_{k}"] for k in ("feature", "threshold", "node_value", "leaf_value")),
                 depth=int(d[f"{prefix}_depth"]))


def read(path) -> Model | None:
    """The model in an ``.npz`` file written by ``scripts/train.py``; None when the file is
    missing, unreadable or does not fit the features (trained on other ones)."""
    try:
        return _model(_arrays(path))
    except (FileNotFoundError, OSError, KeyError, ValueError):
        return None


def _arrays(path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as d:
        return {k: d[k] for k in d.files}


def _model(d: dict[str, np.ndarray]) -> Model | None:
    names = tuple(str(x) for x in d["feature_names"])
    stack = tuple(str(x) for x in d["stack_names"])
    if names != FEATURE_NAMES or stack != STACK_NAMES:
        return None  # trained on other features: fall back to the rules
    s1 = _trees(d, "s1")
    s2 = _trees(d, "s2") if "s2_leaf_value" in d else None
    return Model(s1, s2, names, stack)


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, read once; None when it is missing or does not fit the features.

    A command-line run reads the arrays from the start-up cache (``startcache.from_file``, kept
    while the file's size and time are unchanged) rather than from the compressed archive,
    whose reading and ``zipfile`` import are a tenth of a one-page run."""
    try:
        raw = startcache.from_file("model", MODEL_PATH, lambda path: _plain(_arrays(path)))
        return _model({k: np.frombuffer(b, dtype=t).reshape(shape) for k, (t, shape, b) in raw.items()})
    except Exception:  # noqa: BLE001 - a missing or damaged file, a damaged cache entry: the file itself decides
        return read(MODEL_PATH)


def _plain(arrays: dict[str, np.ndarray]) -> dict[str, tuple[str, tuple[int, ...], bytes]]:
    """The arrays as plain data (what ``marshal`` writes): dtype, shape and bytes of each."""
    return {k: (a.dtype.str, a.shape, np.ascontiguousarray(a).tobytes()) for k, a in arrays.items()}


def available() -> bool:
    """Whether a usable model is shipped (else the pipeline keeps to its rules)."""
    return load() is not None


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def predict_features(X: np.ndarray, units: Sequence[Line] | None = None) -> np.ndarray:
    """P(content) from already computed ``line_features`` (units give block numbers to stage 2)."""
    m = load()
    if m is None:
        raise RuntimeError("no learned model available")
    p = _sigmoid(m.stage1.raw(X))
    if m.stage2 is not None and len(p):
        # stage 2 revises the lines stage 1 hesitates on; it reads all of stage 1's values
        rows = np.flatnonzero((p > STAGE1_SURE) & (p < 1.0 - STAGE1_SURE))
        if rows.size == len(p):
            return _sigmoid(m.stage2.raw(np.hstack([X, stack_features(p, units, X)])))
        if rows.size:
            p2 = p.copy()
            p2[rows] = _sigmoid(m.stage2.raw(np.hstack([X[rows], stack_features(p, units, X)[rows]])))
            return p2
    return p


def predict(units: Sequence[Line], page_cues=None) -> np.ndarray:
    """P(content) of every unit of one page (the list ``blocks.split`` gives), in order;
    ``page_cues`` is the page's ``classify.scan`` when the caller has it."""
    if not units:
        return np.zeros(0)
    return predict_features(line_features(units, page_cues), units)


def full_row(units: Sequence[Line], X: np.ndarray | None = None) -> np.ndarray:
    """The rows the last stage reads (line features, plus stacking features when stacked)."""
    m = load()
    X = line_features(units) if X is None else X
    if m is None or m.stage2 is None:
        return X
    p = _sigmoid(m.stage1.raw(X))
    return np.hstack([X, stack_features(p, units, X)])


def explain(row: np.ndarray, top: int = 3) -> list[tuple[str, float]]:
    """The features that moved one unit's log-odds most, as (name, contribution), strongest first.

    ``row`` is a row of ``full_row(units)`` (or of ``line_features`` for a one-stage model).
    """
    m = load()
    if m is None:
        return []
    trees = m.stage2 if (m.stage2 is not None and row.shape[0] > len(m.feature_names)) else m.stage1
    names = m.feature_names + (m.stack_names if trees is m.stage2 else ())
    c = trees.contributions(np.asarray(row, dtype=float))
    order = np.argsort(-np.abs(c))[:top]
    return [(names[i], float(c[i])) for i in order if c[i] != 0.0]


_PLAIN = {
    "p": "looks like content on its own", "p~3": "neighbours look like content",
    "p~7": "surrounding lines look like content", "p~15": "its region looks like content",
    "in_main": "inside the main text region", "dist_main": "distance to the main text region",
    "log_width": "line length", "log_chars": "line length", "log_tokens": "line length",
    "end_sentence": "ends like a sentence", "short_run": "inside a run of short lines",
    "repeat": "repeated in the page", "rel_pos": "position in the page", "cue_any": "cue word",
    "p_mass_before": "share of the page's text above", "p_mass_after": "share of the page's text below",
    "dist_sure_above": "distance to surely kept text above", "dist_sure_below": "distance to surely kept text below",
    "p_prev_sentence": "the sentence above looks like content", "p_next_sentence": "the sentence below looks like content",
    "comment_cue_above": "under a comment header that follows the text",
    "lex_mean": "its words lean to boilerplate (+) or text (-)", "lex_max": "its most boilerplate-like word",
    "lex_min": "its most text-like word", "lex_known": "share of its words with a learned score",
}


def strongest_cue(row: np.ndarray) -> str:
    """A short human-readable reason for ``NC-MODEL`` explanations, e.g. 'cue_nav (-1.2)'."""
    ex = explain(row, top=1)
    if not ex:
        return "model"
    name, c = ex[0]
    base = name.split("@")[0].split("~")[0] if not name.startswith("p") else name
    plain = _PLAIN.get(name) or _PLAIN.get(base)
    return f"{name}{' = ' + plain if plain else ''} ({c:+.2f})"
