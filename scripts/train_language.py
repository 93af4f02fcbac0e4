#!/usr/bin/env python3
"""Train the word model of ``newsclean.language`` and write it as package data.

    python scripts/train_language.py [--corpus DIR] [--top 300]      # train, write model.json
    python scripts/train_language.py --eval [--no-py3langid]         # + accuracy on test pages

1. Reads the dev corpus (``../shared/corpus/dev``); uses the ``gold_text`` (or, where a
   page has none, its ``text_blocks``) of ``part_of(rec) == "train"`` pages, by their ``lang``.
2. Languages with at least ``MIN_PAGES`` training pages: relative frequencies of their
   ``--top`` most frequent words (words on at least two pages); the rest of the probability
   mass (clipped, see COVER_MIN), spread over ``VOCAB`` unseen words, is the floor for any
   other word. Languages with
   little corpus text get the hand-written list of ``data/language/function_words.tsv``
   blended in; languages with fewer pages get their model from that list alone (Zipf
   probabilities over the list, scaled to the share of running text the list says it covers).
3. Writes ``src/newsclean/data/language/model.json``: languages, floors, the languages of
   each script, and a word index ``word -> [lang, delta, lang, delta, ...]`` (delta = log
   probability minus the language's floor, integer in 1/SCALE nats).
4. ``--eval``: accuracy per language on the ``test`` pages, on the gold text and on the raw
   ``text_blocks`` (menus and all), next to py3langid's on the same prefixes.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import math
import os
import sys
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "src"))

from newsclean import language  # noqa: E402

DATA = os.path.join(ROOT, "src", "newsclean", "data", "language")
MIN_PAGES = 5  # fewer training pages than this: the hand-written list alone
BLEND_TOKENS = 50_000  # fewer corpus tokens than this: the hand-written list blended in
BLEND_WEIGHT = 5_000  # ... worth this many tokens
VOCAB = 100_000  # unseen words the leftover mass is spread over
# The floor is 1 - (mass of the kept words), that mass clipped to [COVER_MIN, COVER_MAX]: a
# language with a weak model (a short list, a small corpus) must not win on unknown words.
COVER_MIN, COVER_MAX = 0.45, 0.55
SCALE = 100  # deltas are stored in 1/SCALE nats
PAGE_CHARS = 20_000  # at most this much text from one page


def part_of(rec: dict) -> str:
    """The corpus's fixed split (the same as ../shared/bench/evaluate.py): one page in five is test."""
    key = f"{rec.get('dataset')}/{rec.get('id')}".encode("utf-8")
    return "test" if int(hashlib.sha1(key).hexdigest(), 16) % 5 == 0 else "train"


def load_corpus(path: str) -> list[dict]:
    files = sorted(glob.glob(os.path.join(path, "*.jsonl.gz"))) if os.path.isdir(path) else [path]
    pages = []
    for f in files:
        for line in gzip.open(f, "rt", encoding="utf-8"):
            rec = json.loads(line)
            if not rec.get("lang"):
                continue
            pages.append({"lang": rec["lang"], "part": part_of(rec),
                          "gold": (rec.get("gold_text") or "")[:PAGE_CHARS],
                          "blocks": (rec.get("text_blocks") or "")[:PAGE_CHARS]})
    return pages


def read_hand_lists(path: str) -> dict[str, tuple[float, list[str]]]:
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        code, cover, words = line.split("\t")
        seen, ws = set(), []
        for w in words.split():
            w = w.lower()
            if w not in seen:
                seen.add(w)
                ws.append(w)
        out[code] = (float(cover), ws)
    return out


def zipf(words: list[str], cover: float) -> dict[str, float]:
    weights = [1.0 / (r + 2) for r in range(len(words))]
    total = sum(weights)
    return {w: cover * x / total for w, x in zip(words, weights)}


def script_of(words) -> str:
    counts = language._script_counts(Counter(list(words)))
    return counts.most_common(1)[0][0]


def train(pages: list[dict], hand: dict, top: int) -> tuple[dict, dict]:
    tokens: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, Counter] = defaultdict(Counter)
    npages: Counter = Counter()
    for p in pages:
        if p["part"] != "train":
            continue
        text = p["gold"] if len(p["gold"]) >= 200 else p["blocks"]
        words = [w for w in language.WORD_RE.findall(text.lower()) if not w.isdigit()]
        if not words:
            continue
        npages[p["lang"]] += 1
        tokens[p["lang"]].update(words)
        docs[p["lang"]].update(set(words))

    probs: dict[str, dict[str, float]] = {}
    info = {}
    for lang in sorted(set(npages) | set(hand)):
        script = None
        if npages[lang] >= MIN_PAGES:
            c = tokens[lang]
            total = sum(c.values())
            script = script_of(w for w, _ in c.most_common(200))
            if script not in language._MULTI:
                continue  # settled by its script alone (zh, ja, ko, el, ...)
            min_docs = 2 if npages[lang] >= 20 else 3  # few pages: keep only words most of them share
            counts = {w: float(n) for w, n in c.items() if docs[lang][w] >= min_docs}
            src = f"corpus ({npages[lang]} pages, {total} words)"
            if lang in hand and total < BLEND_TOKENS:
                cover, ws = hand[lang]
                for w, pr in zipf(ws, cover).items():
                    counts[w] = counts.get(w, 0.0) + BLEND_WEIGHT * pr
                total += BLEND_WEIGHT * cover
                src += " + hand list"
            best = sorted(counts.items(), key=lambda kv: -kv[1])[:top]
            probs[lang] = {w: n / total for w, n in best}
        elif lang in hand:
            cover, ws = hand[lang]
            probs[lang] = zipf(ws, cover)
            src = f"hand list ({len(ws)} words)" + (f", corpus has {npages[lang]} pages" if npages[lang] else "")
        else:
            continue
        info[lang] = src

    langs = sorted(probs)
    floors, index, scripts = [], defaultdict(list), defaultdict(list)
    for i, lang in enumerate(langs):
        p = probs[lang]
        covered = min(max(sum(p.values()), COVER_MIN), COVER_MAX)
        floor = math.log((1.0 - covered) / VOCAB)
        floors.append(round(floor * SCALE))
        scripts[script_of(p)].append(lang)
        for w, pr in p.items():
            index[w] += [i, round((math.log(pr) - floor) * SCALE)]
    model = {"version": 1, "scale": SCALE, "langs": langs, "floors": floors,
             "scripts": dict(sorted(scripts.items())), "source": info,
             "words": dict(sorted(index.items()))}
    return model, info


def py3langid_detect():
    import py3langid

    def detect(text: str) -> str | None:
        sample = text[:language.PREFIX_CHARS]
        if len(language.WORD_RE.findall(sample)) == 0:
            return None
        lang, _ = py3langid.classify(sample)
        lang = (lang or "").lower()
        if lang.startswith("zh") or lang in ("wuu", "yue"):
            return "zh"
        return lang.split("-")[0] or None
    return detect


def evaluate(pages: list[dict], use_py3langid: bool, part: str = "test") -> str:
    systems = {"ours": language.detect}
    if use_py3langid:
        systems["py3langid"] = py3langid_detect()
    hits: dict = defaultdict(Counter)  # (field, system) -> lang -> hits
    seen: dict = defaultdict(Counter)  # field -> lang -> pages
    errors: dict = defaultdict(Counter)
    timing: dict = defaultdict(float)
    for p in pages:
        if p["part"] != part:
            continue
        for field in ("gold", "blocks"):
            text = p[field]
            if sum(map(len, language.WORD_RE.findall(text[:language.PREFIX_CHARS]))) < language.MIN_LETTERS:
                continue
            seen[field][p["lang"]] += 1
            for name, fn in systems.items():
                t0 = time.perf_counter()
                got = fn(text)
                timing[name] += time.perf_counter() - t0
                if got == p["lang"]:
                    hits[(field, name)][p["lang"]] += 1
                elif name == "ours":
                    errors[field][(p["lang"], got)] += 1
    names = list(systems)
    langs = sorted(set(seen["gold"]) | set(seen["blocks"]), key=lambda l: (-seen["blocks"][l], l))
    head = "| lang | " + " | ".join(f"gold n | gold {n}" if i == 0 else f"gold {n}" for i, n in enumerate(names))
    head += " | " + " | ".join(f"blocks n | blocks {n}" if i == 0 else f"blocks {n}" for i, n in enumerate(names)) + " |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]

    def cell(field, name, lang=None):
        n = seen[field][lang] if lang else sum(seen[field].values())
        h = hits[(field, name)][lang] if lang else sum(hits[(field, name)].values())
        return f"{h / n:.1%}" if n else "–"

    for lang in langs + [None]:
        row = [lang or "**all**"]
        for field in ("gold", "blocks"):
            row.append(str(seen[field][lang] if lang else sum(seen[field].values())))
            row += [cell(field, n, lang) for n in names]
        lines.append("| " + " | ".join(row) + " |")
    n_calls = sum(sum(seen[f].values()) for f in seen)
    lines.append("")
    for name in names:
        lines.append(f"{name}: {1000 * timing[name] / max(n_calls, 1):.3f} ms per call ({n_calls} calls)")
    for field in ("gold", "blocks"):
        errs = ", ".join(f"{t}→{g}×{n}" for (t, g), n in errors[field].most_common(25))
        lines.append(f"our errors on {field}: {errs or 'none'}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "dev"))
    ap.add_argument("--top", type=int, default=300, help="words kept per corpus language")
    ap.add_argument("--out", default=os.path.join(DATA, "model.json"))
    ap.add_argument("--eval", action="store_true", help="report accuracy on the test pages")
    ap.add_argument("--eval-only", action="store_true", help="evaluate the shipped model, do not train")
    ap.add_argument("--part", default="test", choices=["test", "train"])
    ap.add_argument("--no-py3langid", action="store_true")
    a = ap.parse_args()

    t0 = time.time()
    pages = load_corpus(a.corpus)
    print(f"{len(pages)} labelled pages read in {time.time() - t0:.1f}s", file=sys.stderr)
    if not a.eval_only:
        hand = read_hand_lists(os.path.join(DATA, "function_words.tsv"))
        model, info = train(pages, hand, a.top)
        with open(a.out, "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        for lang, src in info.items():
            print(f"  {lang}: {src}", file=sys.stderr)
        print(f"wrote {a.out}: {len(model['langs'])} languages, {len(model['words'])} words, "
              f"{os.path.getsize(a.out) / 1024:.0f} KB", file=sys.stderr)
        language._model = None  # pick up the new model
    if a.eval or a.eval_only:
        print(evaluate(pages, not a.no_py3langid, a.part))


if __name__ == "__main__":
    main()
