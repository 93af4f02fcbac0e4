#!/usr/bin/env python3
"""Dev harness: title/date/author accuracy of newsclean.metadata.extract on the corpus.

    python scripts/eval_meta.py [CORPUS_DIR] [--styles blocks,innertext,...] [--part train|test|all]
                                [--hints pipeline,gold,perturbed,none] [--cache FILE] [--url]
                                [--dump FIELD] [--dataset NAME] [--limit N]

Runs ``extract`` over the records that have ``gold_meta`` (fundus_fixtures, trafilatura_eval,
newspaper4k_fixtures, seeds) and scores them with score.py's ``meta_hits``, as evaluate.py does
(the same pages; no URL unless ``--url``). ``content_start``/``content_end`` come from:

- ``pipeline`` (the default): the real classifier, exactly what ``newsclean.clean`` passes; the
  numbers equal evaluate.py's, in a few seconds with ``--cache`` (the classifier's output per page is
  kept there, delete it after a classifier change);
- ``gold``: the units where the first/last gold text line (or, for trafilatura_eval, the first/last
  ``with`` snippet) occurs: gold is used for that hint only;
- ``perturbed``: gold moved by a seeded random -4..+3 lines;
- ``none`` (``--no-hints``): extract estimates them.

``--dump title`` prints the failures of a field.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import random
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))
sys.path.insert(0, HERE)
BENCH = os.path.join(HERE, "..", "..", "shared", "bench")

from newsclean.blocks import split  # noqa: E402
from newsclean.metadata import extract  # noqa: E402
from train_title import pipeline_inputs  # noqa: E402

DATASETS = ("fundus_fixtures", "trafilatura_eval", "newspaper4k_fixtures", "seeds")
STYLES = ("blocks", "innertext", "wrapped", "textnodes")


def load_bench(corpus: str):
    for cand in (BENCH, os.path.join(corpus, "..", "..", "bench")):
        if os.path.exists(os.path.join(cand, "score.py")):
            sys.path.insert(0, os.path.abspath(cand))
            break
    from score import meta_hits  # noqa: E402
    from evaluate import part_of  # noqa: E402
    return meta_hits, part_of


def _key(s: str) -> str:
    return "".join(s.split())[:40]


def hints(units: list[str], rec: dict) -> tuple[int | None, int | None]:
    keys = []
    if rec.get("gold_text"):
        lines = [l for l in rec["gold_text"].split("\n") if len(l.strip()) >= 8]
        if lines:
            keys = [_key(lines[0][:40]), _key(lines[-1][:40])]
    elif rec.get("with"):
        keys = [_key(rec["with"][0][:40]), _key(rec["with"][-1][:40])]
    if not keys:
        return None, None
    flat = ["".join(u.split()) for u in units]
    first = next((i for i, u in enumerate(flat) if keys[0] and keys[0] in u), None)
    if rec.get("with"):
        idx = [i for i, u in enumerate(flat) for w in rec["with"] if _key(w[:40]) in u]
        if idx:
            return min(idx), max(idx)
    last = next((i for i in range(len(flat) - 1, -1, -1) if keys[1] and keys[1] in flat[i]), None)
    return first, last


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "corpus", "dev"))
    ap.add_argument("--styles", default="blocks,innertext,wrapped,textnodes")
    ap.add_argument("--part", default="all", choices=("train", "test", "all"))
    ap.add_argument("--no-hints", action="store_true", help="same as --hints none")
    ap.add_argument("--hints", default="pipeline",
                    help="comma-separated modes: pipeline (the real classifier's start and end of the text), gold "
                         "(first/last gold line), perturbed (gold moved by a seeded random -4..+3 lines), none "
                         "(extract estimates them)")
    ap.add_argument("--cache", default=None, help="pickle keeping the classifier's output per page (pipeline hints)")
    ap.add_argument("--url", action="store_true", help="pass the page's URL (evaluate.py does not)")
    ap.add_argument("--dump", default=None, help="print failures of this field (title, date, author)")
    ap.add_argument("--dataset", default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    meta_hits, part_of = load_bench(args.corpus)
    styles = args.styles.split(",")
    modes = ["none"] if args.no_hints else args.hints.split(",")
    cache: dict = {}
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as f:
            cache = pickle.load(f)
    size = len(cache)
    for mode in modes:
        print(f"== hints: {mode}")
        run(args, styles, mode, meta_hits, part_of, cache)
    if args.cache and len(cache) > size:
        with open(args.cache, "wb") as f:
            pickle.dump(cache, f)


def run(args, styles, mode, meta_hits, part_of, cache: dict) -> None:
    rng = random.Random(1234)
    total = defaultdict(lambda: defaultdict(list))
    elapsed, calls = 0.0, 0
    for ds in DATASETS:
        if args.dataset and ds != args.dataset:
            continue
        path = os.path.join(args.corpus, f"{ds}.jsonl.gz")
        if not os.path.exists(path):
            continue
        res = defaultdict(lambda: defaultdict(list))
        n = 0
        for line in gzip.open(path, "rt", encoding="utf-8"):
            rec = json.loads(line)
            gold = rec.get("gold_meta") or {}
            if not any(gold.get(k) for k in ("title", "date", "author")):
                continue
            if rec.get("gold_text") is None and not rec.get("with"):
                continue  # evaluate.py scores only pages with gold text or snippets
            part = part_of(rec)
            if args.part != "all" and part != args.part:
                continue
            n += 1
            if args.limit and n > args.limit:
                break
            for style in styles:
                text = rec.get(f"text_{style}")
                if not text:
                    continue
                if mode == "pipeline":
                    key = (ds, rec["id"], style)
                    if key not in cache:
                        cache[key] = pipeline_inputs(text)
                    units, cs, ce, blocks, skip = cache[key]
                else:
                    split_units = split(text)
                    units, blocks, skip = [u.text for u in split_units], [u.block for u in split_units], None
                    cs, ce = (None, None) if mode == "none" else hints(units, rec)
                if mode == "perturbed":
                    cs = None if cs is None else max(0, cs + rng.randint(-4, 3))
                    ce = None if ce is None else max(0, ce + rng.randint(-3, 3))
                t0 = time.perf_counter()
                r = extract(units, url=rec.get("url") if args.url else None, content_start=cs, content_end=ce,
                            blocks=blocks, errors=skip)
                elapsed += time.perf_counter() - t0
                calls += 1
                md = r.metadata.as_dict()
                hits = meta_hits(md, gold)
                for k, v in hits.items():
                    res[style][k].append(v)
                    total[style][k].append(v)
                if args.dump and hits.get(args.dump) is False and style == styles[0]:
                    print(f"--- {ds}/{rec['id']} [{part}] cs={cs} url={rec.get('url')}")
                    print(f"  gold: {gold.get(args.dump)!r}\n  got:  {md.get(args.dump)!r}")
                    lo = max(0, (cs or 0) - 12)
                    for i in range(lo, min(len(units), (cs or 0) + 4)):
                        mark = r.consumed.get(i, ("", ""))[0]
                        print(f"  {i:4d} {mark:9s}| {units[i][:110]}")
        for style in styles:
            row = "  ".join(f"{k}={sum(v)/len(v):.3f} (n={len(v)})" for k, v in sorted(res[style].items()))
            print(f"{ds:22s} {style:10s} {row}")
    for style in styles:
        row = "  ".join(f"{k}={sum(v)/len(v):.3f} (n={len(v)})" for k, v in sorted(total[style].items()))
        print(f"{'ALL':22s} {style:10s} {row}")
    if calls:
        print(f"extract: {1000 * elapsed / calls:.3f} ms per page over {calls} calls")


if __name__ == "__main__":
    main()
