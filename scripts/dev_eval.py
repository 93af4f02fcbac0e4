#!/usr/bin/env python3
"""In-process scoring of newsclean.clean on the dev corpus, for quick iteration.

The official measure is ../shared/bench/evaluate.py (it runs the real command line);
this one calls the library directly so a change can be checked in seconds:

    python scripts/dev_eval.py --style blocks --part test --limit 200 [--no-model] [--lang zh]
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import sys
from multiprocessing import Pool

BENCH = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench")
sys.path.insert(0, BENCH)
from evaluate import part_of  # noqa: E402
from score import score_page, summarize  # noqa: E402

from newsclean import Config, clean  # noqa: E402

_CONFIG = Config()


def _one(args):
    rec, style = args
    doc = clean(rec[f"text_{style}"], config=_CONFIG)
    row = score_page(doc.markdown, rec)
    row["dataset"], row["lang"] = rec["dataset"], rec.get("lang")
    return row


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(BENCH, "..", "corpus", "dev"))
    ap.add_argument("--style", default="blocks")
    ap.add_argument("--part", default="test")
    ap.add_argument("--lang")
    ap.add_argument("--limit", type=int, default=0, help="pages per dataset")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--pages", help="write per-page rows here")
    a = ap.parse_args()
    global _CONFIG
    _CONFIG = Config(use_model=not a.no_model)
    pages = []
    for f in sorted(glob.glob(os.path.join(a.corpus, "*.jsonl.gz"))):
        n = 0
        for line in gzip.open(f, "rt", encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("gold_text") is None and not rec.get("with"):
                continue
            if a.part != "all" and part_of(rec) != a.part or a.lang and rec.get("lang") != a.lang:
                continue
            pages.append(rec)
            n += 1
            if a.limit and n >= a.limit:
                break
    with Pool(2) as pool:
        rows = pool.map(_one, [(p, a.style) for p in pages], chunksize=16)
    if a.pages:
        with open(a.pages, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    by: dict[str, list] = {}
    for r in rows:
        by.setdefault(r["dataset"], []).append(r)
    for name, rs in sorted(by.items()) + [("ALL", rows)]:
        s = summarize(rs)
        print(f"{name:24} " + " ".join(f"{k}={v}" for k, v in s.items()))


if __name__ == "__main__":
    main()
