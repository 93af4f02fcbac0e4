#!/usr/bin/env python3
"""Set the classifier's thresholds on pages the model did not see, not on ``test``.

    python scripts/train.py --cv-fold K --out /tmp/newsclean_cv/foldK.npz --no-report   # K = 0, 1, 2
    python scripts/tune.py [--models /tmp/newsclean_cv] [--style blocks] NAME=VALUE ...

The thresholds in ``newsclean.thresholds`` that read the model's probabilities (``MODEL_KEEP``,
``MODEL_SURE_PAGE``, ...) sit on top of a model fitted on the ``train`` pages, where it is more
sure than on new pages; tuning them on its own training pages would pick values for a model
that does not exist, and tuning them on ``test`` would make the test figures optimistic. So:
each of the ``--cv-folds`` fold models (``train.py --cv-fold K``) is fitted without the train
pages of fold K (``train.cv_folds``), and here every train page is cleaned by the model that did
not see it. The line printed per setting:

- ``cv``: mean token F1 over the train pages with gold text (and ``zh``: its Chinese pages);
- ``snippets R / P``: trafilatura_eval's snippet recall and precision, by the shipped model
  (it never trains on those pages).

Each ``NAME=VALUE`` sets a threshold for the run (no argument: the current values), e.g.
``python scripts/tune.py MODEL_KEEP=0.4``; ``--lang ja`` keeps the train pages of one language
(to measure a language's cue words). Runs on all cores in about a minute.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))
BENCH = os.path.join(HERE, "..", "..", "shared", "bench")
sys.path.insert(0, BENCH)

from align import CORPUS, load_pages  # noqa: E402
from score import score_page  # noqa: E402
from train import cv_folds  # noqa: E402

from newsclean import clean, model, thresholds  # noqa: E402

_MODELS: dict = {}  # per worker: fold -> Model, and None -> the shipped one


def _set(settings: list[tuple[str, float]], models: str, folds: int) -> None:
    """Worker start: the thresholds of this run and the fold models."""
    for name, value in settings:
        for mod_name, mod in list(sys.modules.items()):  # every module that imported the name
            if mod_name.startswith("newsclean") and hasattr(mod, name):
                setattr(mod, name, type(getattr(thresholds, name))(value))
    for k in range(folds):
        m = model.read(os.path.join(models, f"fold{k}.npz"))
        if m is None:
            raise SystemExit(f"tune.py: no usable fold model {models}/fold{k}.npz (train.py --cv-fold {k})")
        _MODELS[k] = m
    _MODELS[None] = model.load()


def _score(job: tuple) -> tuple:
    fold, rec, style = job
    m = _MODELS[fold]
    model.load = lambda: m  # the pipeline reads the model through load()
    s = score_page(clean(rec.get(f"text_{style}") or "").markdown, rec)
    return fold, rec.get("lang"), s, rec.get("dataset")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("settings", nargs="*", help="NAME=VALUE thresholds for this run")
    ap.add_argument("--models", default="/tmp/newsclean_cv", help="folder of fold0.npz, fold1.npz, ...")
    ap.add_argument("--cv-folds", type=int, default=3)
    ap.add_argument("--style", default="blocks")
    ap.add_argument("--lang", help="only the train pages of this language (cv of a language's cue words)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--by-dataset", action="store_true", help="also print the cv F1 of each dataset")
    args = ap.parse_args()
    settings = []
    for item in args.settings:
        name, _, value = item.partition("=")
        if not hasattr(thresholds, name) or not value:
            raise SystemExit(f"tune.py: not a NAME=VALUE of newsclean.thresholds: {item!r}")
        settings.append((name, float(value)))
    pages = load_pages("train")
    fold = cv_folds(len(pages), args.cv_folds)
    jobs = [(int(fold[i]), rec, args.style) for i, rec in enumerate(pages)
            if args.lang is None or rec.get("lang") == args.lang]
    if not jobs:
        raise SystemExit(f"tune.py: no train page in language {args.lang!r}")
    with gzip.open(os.path.join(CORPUS, "trafilatura_eval.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            rec["text_blocks"] = rec.get("text_blocks") or rec.get("text")
            jobs.append((None, rec, "blocks"))
    with Pool(args.jobs, initializer=_set, initargs=(settings, args.models, args.cv_folds)) as pool:
        res = pool.map(_score, jobs, chunksize=16)
    f1 = [s["f1"] for k, _, s, _ in res if k is not None and "f1" in s]
    zh = [s["f1"] for k, lang, s, _ in res if k is not None and "f1" in s and lang == "zh"] or [float("nan")]
    snip = np.array([s["snip"] for k, _, s, _ in res if k is None and "snip" in s], dtype=float).sum(axis=0)
    print(f"{' '.join(args.settings) or 'current'}: cv {statistics.mean(f1):.4f} zh {statistics.mean(zh):.4f} "
          f"(pages {len(f1)}) snippets R {snip[0] / snip[1]:.4f} P {snip[2] / snip[3]:.4f}", flush=True)
    if args.by_dataset:
        by: dict[str, list[float]] = {}
        for k, _, s, dataset in res:
            if k is not None and "f1" in s:
                by.setdefault(dataset, []).append(s["f1"])
        print("  " + " ".join(f"{d} {statistics.mean(v):.4f}" for d, v in sorted(by.items())), flush=True)


if __name__ == "__main__":
    main()
