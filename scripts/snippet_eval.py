#!/usr/bin/env python3
"""In-process snippet scoring (trafilatura_eval's ``with`` / ``without`` checks), for iteration.

The official measure is ../shared/bench/evaluate.py; this calls the library directly and,
with ``--show``, lists every failed snippet with the page line(s) it stands in and the rule
code that decided them:

    python scripts/snippet_eval.py [--style blocks] [--part all] [--limit N] [--show missed|leaked|both]
    python scripts/snippet_eval.py --causes          # failed snippets counted by rule code
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter
from multiprocessing import Pool

BENCH = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench")
sys.path.insert(0, BENCH)
from evaluate import part_of  # noqa: E402
from score import score_page, summarize  # noqa: E402

from newsclean import Config, clean  # noqa: E402
from newsclean.document import Label  # noqa: E402

_CONFIG = Config()
_WS = re.compile(r"\s+")


def _locate(lines, snippet: str) -> list:
    """The lines whose text holds (part of) the snippet, found in the page's joined lines."""
    snip = _WS.sub(" ", snippet).strip()
    starts, parts, pos = [], [], 0
    for line in lines:
        t = _WS.sub(" ", line.text).strip()
        starts.append(pos)
        parts.append(t)
        pos += len(t) + 1
    flat = " ".join(parts)
    at = flat.find(snip)
    if at < 0:
        return []
    end = at + len(snip)
    return [l for l, s, t in zip(lines, starts, parts) if s < end and s + len(t) > at]


def _one(args):
    rec, style = args
    doc = clean(rec[f"text_{style}"], config=_CONFIG)
    row = score_page(doc.markdown, rec)
    row["dataset"], row["lang"], row["id"] = rec["dataset"], rec.get("lang"), rec["id"]
    body = _WS.sub(" ", doc.markdown)
    fails = []
    for kind, snips in (("missed", rec.get("with") or []), ("leaked", rec.get("without") or [])):
        for s in snips:
            present = _WS.sub(" ", s) in body
            if present == (kind == "leaked"):
                found = _locate(doc.lines, s)
                fails.append({"kind": kind, "snippet": s, "lines": [
                    (l.index, l.first_code, l.label.value, l.code, l.detail, l.text[:160]) for l in found]})
    row["fails"] = fails
    return row


def _cause(fail) -> str:
    if not fail["lines"]:
        return "not in one run of lines"
    if fail["kind"] == "missed":
        dropped = [l for l in fail["lines"] if l[2] != Label.CONTENT.value]
        if not dropped:
            return "kept, but rendered differently"
        l = dropped[0]
        base = l[3]
        if base == "NC-MODEL":
            p = float(l[4].split("p=")[-1][:4]) if "p=" in l[4] else -1
            base += " p<0.1" if p < 0.1 else " p<0.3" if p < 0.3 else " p<0.4" if p >= 0 else ""
        elif l[1] != "NC-NAV" and l[3] == l[1]:
            base += " (cue)"
        return base
    kept = [l for l in fail["lines"] if l[2] == Label.CONTENT.value]
    return kept[0][3] if kept else "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(BENCH, "..", "corpus", "dev", "trafilatura_eval.jsonl.gz"))
    ap.add_argument("--style", default="blocks")
    ap.add_argument("--part", default="all")
    ap.add_argument("--lang")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--show", choices=["missed", "leaked", "both"])
    ap.add_argument("--causes", action="store_true", help="count failed snippets by the deciding rule code")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", help="write per-page rows (with their failures) here as JSONL")
    a = ap.parse_args()
    global _CONFIG
    _CONFIG = Config(use_model=not a.no_model)
    pages = []
    for line in gzip.open(a.corpus, "rt", encoding="utf-8"):
        rec = json.loads(line)
        if not rec.get("with") and not rec.get("without"):
            continue
        if a.part != "all" and part_of(rec) != a.part or a.lang and rec.get("lang") != a.lang:
            continue
        pages.append(rec)
        if a.limit and len(pages) >= a.limit:
            break
    with Pool(a.jobs) as pool:
        rows = pool.map(_one, [(p, a.style) for p in pages], chunksize=8)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if a.show:
        for r in rows:
            for fail in r["fails"]:
                if a.show in (fail["kind"], "both"):
                    print(f"== {r['id']} ({r['lang']}) {fail['kind']}: {fail['snippet'][:100]!r}")
                    for l in fail["lines"]:
                        print(f"   {l[0]:4d} {l[1]:11} -> {l[2][:4]} {l[3]:11} {l[4][:40]:40} | {l[5]}")
    if a.causes:
        for kind in ("missed", "leaked"):
            c = Counter(_cause(f) for r in rows for f in r["fails"] if f["kind"] == kind)
            print(f"{kind}: " + ", ".join(f"{k}={v}" for k, v in c.most_common()))
    by: dict[str, list] = {}
    for r in rows:
        by.setdefault(r["lang"] or "-", []).append(r)
    for name, rs in sorted(by.items()) + [("ALL", rows)]:
        s = summarize(rs)
        print(f"{name:6} " + " ".join(f"{k}={v}" for k, v in s.items() if k.startswith(("pages", "snippet"))))


if __name__ == "__main__":
    main()
