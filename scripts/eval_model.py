#!/usr/bin/env python3
"""Token F1 of the learned line classifier alone on the corpus `test` pages.

    python scripts/eval_model.py            # the shipped model, numpy inference (newsclean.model)

Keeps units with P(content) >= 0.5, joins them, and scores against gold_text with the
measure's ``tokens`` / ``prf`` (bench/score.py): mean F1 per style, overall and for zh.
"""
from __future__ import annotations

import os
import sys
import time
from collections import defaultdict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))

from align import STYLES, load_pages  # noqa: E402
from score import prf, tokens  # noqa: E402

from newsclean.blocks import split  # noqa: E402


def _summarise(f1s: dict) -> dict:
    out = {}
    for s in STYLES:
        rows = f1s.get(s, [])
        if not rows:
            continue
        out[s] = {"all": round(float(np.mean([f for f, _ in rows])), 4),
                  "zh": round(float(np.mean([f for f, l in rows if l == "zh"] or [np.nan])), 4),
                  "pages": len(rows)}
    return out


def evaluate_arrays(p: np.ndarray, threshold: float = 0.5) -> dict:
    """Score concatenated per-unit probabilities in train.py's test order (page, then style)."""
    pages = load_pages("test")
    f1s = defaultdict(list)
    k = 0
    for rec in pages:
        gold = tokens(rec["gold_text"])
        for s in STYLES:
            units = split(rec.get(f"text_{s}") or "")
            if not units:
                continue
            keep = p[k:k + len(units)] >= threshold
            k += len(units)
            text = "\n".join(u.text for u, m in zip(units, keep) if m)
            f1s[s].append((prf(tokens(text), gold)[2], rec.get("lang")))
    assert k == len(p), (k, len(p))
    return _summarise(f1s)


def main() -> None:
    from newsclean import model
    pages = load_pages("test")
    f1s = defaultdict(list)
    t_pred, n_units = 0.0, 0
    for rec in pages:
        gold = tokens(rec["gold_text"])
        for s in STYLES:
            units = split(rec.get(f"text_{s}") or "")
            t0 = time.perf_counter()
            p = model.predict(units)
            t_pred += time.perf_counter() - t0
            n_units += len(units)
            text = "\n".join(u.text for u, q in zip(units, p) if q >= 0.5)
            f1s[s].append((prf(tokens(text), gold)[2], rec.get("lang")))
    res = _summarise(f1s)
    docs = sum(len(v) for v in f1s.values())
    print(f"{len(pages)} test pages; features+predict {t_pred / docs * 1000:.2f} ms/page "
          f"({t_pred / n_units * 200 * 1000:.2f} ms per 200 units)")
    print(f"{'style':10} {'F1':>7} {'F1 zh':>7}")
    for s, r in res.items():
        print(f"{s:10} {r['all']:7.4f} {r['zh']:7.4f}")
    print(f"{'mean':10} {np.mean([r['all'] for r in res.values()]):7.4f} "
          f"{np.mean([r['zh'] for r in res.values()]):7.4f}")


if __name__ == "__main__":
    main()
