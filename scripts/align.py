"""Label each unit of a raw page as content (1) or boilerplate (0) by aligning it to the gold text.

Tokenization is the scorer's (``bench/score.py``): every CJK character is a token, other text
splits into lower-cased words. The gold text becomes one token stream ``G``; each gold token
position can be consumed once.

Units are visited in page order with a pointer ``p`` into ``G`` (the end of the last match).
For a unit with tokens ``T`` we pick *anchors*: the rarest-in-gold token among the first few
tokens of each of up to three chunks of the unit. Each unused gold occurrence of an anchor
proposes a start; from there the unit is matched greedily *in order* against ``G`` (forwards
and backwards from the anchor, each unit token is looked up as the nearest unused gold
occurrence at most ``MAX_GAP`` positions from the previous match; unmatched unit tokens are
skipped). The score of a start is the number of the unit's tokens matched; a match whose
gold span is much longer than the unit (> 1.5 n + 5) is refused.

* Long units (>= ``SHORT_TOKENS`` tokens) may match anywhere, but the candidates after the
  pointer are tried first; the best start is kept.
* Short units (< ``SHORT_TOKENS`` tokens, twice that for CJK text; e.g. "Share", "Home", a
  date) may only match close to the pointer (``p - BACK .. p + AHEAD``), with all their
  tokens and gaps of at most one: a menu word that also appears once deep in the article is
  not taken for content just because the gold has it somewhere.

A long unit is content when at least ``MIN_SHARE`` of its tokens matched; its matched gold
positions are then consumed (so a repeated line matches only once per gold occurrence) and
the pointer moves to the end of its match. Units without tokens (pure punctuation) get the
label of the previous unit. Cost: near-linear in page size (bisect over per-token occurrence
lists, a bounded number of candidate starts per unit).
"""
from __future__ import annotations

import bisect
import gzip
import json
import os
import pickle
import re
import sys
from collections import defaultdict

CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}_]+", re.UNICODE)

MAX_GAP = 6  # gold tokens a unit's match may skip between two of its tokens
SHORT_TOKENS = 5  # units with fewer tokens are "short": they must match near the pointer
BACK, AHEAD = 8, 40  # the window around the pointer where a short unit may match
MIN_SHARE = 0.5  # share of a unit's tokens that must match for it to be content
MAX_CANDIDATES = 24  # candidate starts tried per unit

STYLES = ("blocks", "innertext", "wrapped", "textnodes")
# the shared corpus and its scorer, beside the repository (../shared)
SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "dev")
BENCH = os.path.join(SHARED, "bench")


def toks(text: str) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text or "")]


def align(unit_texts: list[str], gold: str) -> list[int]:
    """0/1 label per unit (1 = content), see the module docstring."""
    G = toks(gold)
    occ: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(G):
        occ[t].append(i)
    used = bytearray(len(G))
    p = 0
    labels: list[int] = []

    def run(T: list[str], k0: int, start: int, gap: int) -> tuple[int, list[int]]:
        """Greedy in-order match of T (anchor T[k0] at gold `start`)."""
        got = [start]
        j = start + 1
        for t in T[k0 + 1:]:
            lst = occ.get(t)
            if not lst:
                continue
            i = bisect.bisect_left(lst, j)
            while i < len(lst) and lst[i] - j <= gap and used[lst[i]]:
                i += 1
            if i < len(lst) and lst[i] - j <= gap:
                got.append(lst[i])
                j = lst[i] + 1
        # tokens before the anchor: match backwards
        j = start - 1
        for t in reversed(T[:k0]):
            lst = occ.get(t)
            if not lst:
                continue
            i = bisect.bisect_right(lst, j) - 1
            while i >= 0 and j - lst[i] <= gap and used[lst[i]]:
                i -= 1
            if i >= 0 and j - lst[i] <= gap:
                got.append(lst[i])
                j = lst[i] - 1
        return len(got), got

    for text in unit_texts:
        T = toks(text)
        if not T:
            labels.append(labels[-1] if labels else 0)
            continue
        n = len(T)
        ncjk = sum(1 for t in T if len(t) == 1 and "\u3040" <= t <= "\ufaff")
        short = n < (SHORT_TOKENS * 2 if ncjk * 2 > n else SHORT_TOKENS)
        # anchors: the rarest gold token in each of up to three chunks of the unit
        anchors = []
        chunks = 1 if short else min(3, max(1, n // 8))
        for c in range(chunks):
            lo_k, hi_k = c * n // chunks, (c + 1) * n // chunks
            best_k, best_c = -1, 1 << 30
            for k in range(lo_k, min(hi_k, lo_k + 8)):
                cnt = len(occ.get(T[k], ()))
                if 0 < cnt < best_c:
                    best_k, best_c = k, cnt
            if best_k >= 0:
                anchors.append(best_k)
        best, best_got = 0, None
        need = n if short else max(1, int(MIN_SHARE * n + 0.9999))
        for k in anchors:
            lst = occ[T[k]]
            if short:
                lo = bisect.bisect_left(lst, p - BACK + k)
                hi = bisect.bisect_right(lst, p + AHEAD + k)
                cands = [q for q in lst[lo:hi] if not used[q]][:MAX_CANDIDATES]
            else:
                i0 = bisect.bisect_left(lst, p - BACK)
                after = [q for q in lst[i0:] if not used[q]][:MAX_CANDIDATES]
                before = [q for q in lst[:i0] if not used[q]][-MAX_CANDIDATES:]
                cands = after + before
            for q in cands:
                m, got = run(T, k, q, 1 if short else MAX_GAP)
                if m > best and (max(got) - min(got) + 1) <= 1.5 * n + 5:
                    best, best_got = m, got
                    if m == n:
                        break
            if best == n:
                break
        if best_got is not None and best >= need:
            for g in best_got:
                used[g] = 1
            p = max(best_got) + 1
            labels.append(1)
        else:
            labels.append(0)
    return labels


def load_pages(part: str, cache: str = "/tmp/newsclean_pages_{part}.pkl") -> list[dict]:
    """Corpus pages with gold text in the given part ('train' or 'test'), cached in /tmp."""
    path = cache.format(part=part)
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    sys.path.insert(0, BENCH)
    from evaluate import part_of  # noqa: E402
    import glob
    out = []
    for fn in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl.gz"))):
        for line in gzip.open(fn, "rt", encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("gold_text") is None or part_of(rec) != part:
                continue
            out.append({k: rec.get(k) for k in ("id", "dataset", "lang", "gold_text")
                        + tuple(f"text_{s}" for s in STYLES)})
    with open(path, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


if __name__ == "__main__":
    # quick check: the "oracle" F1 of keeping exactly the aligned units
    import time
    sys.path.insert(0, BENCH)
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    from score import prf, tokens
    from newsclean.blocks import split
    pages = load_pages(sys.argv[1] if len(sys.argv) > 1 else "test")
    t0 = time.time()
    res = defaultdict(list)
    for rec in pages:
        for s in STYLES:
            units = split(rec[f"text_{s}"] or "")
            lab = align([u.text for u in units], rec["gold_text"])
            kept = "\n".join(u.text for u, l in zip(units, lab) if l)
            res[s].append(prf(tokens(kept), tokens(rec["gold_text"]))[2])
            if rec["lang"] == "zh":
                res[s + "/zh"].append(res[s][-1])
    print(f"{len(pages)} pages, {time.time()-t0:.1f}s")
    for k, v in sorted(res.items()):
        print(f"{k:16} {sum(v)/len(v):.4f} n={len(v)}")
