"""Fuzz the core and the decoder: many generated inputs, zero crashes expected.

    python scripts/fuzz.py [--count 100000] [--workers 2] [--seed 0] [--out /tmp/newsclean-fuzz]

Three generators, taken in turn:

* ``text``: text-like pages built from pieces that matter to the cleaner (cue words of
  every rule, dates, bylines, front-matter fences, Markdown markup, HTML tags, CJK,
  RTL and combining characters, control characters, long and empty lines);
* ``mutated``: the pages in ``samples/*.txt`` with lines dropped, repeated, swapped,
  cut or spliced, characters inserted, and newsclean's own Markdown output mutated;
* ``bytes``: raw bytes through ``newsclean.decode.decode`` (random bytes, samples encoded
  in UTF-16/GB18030/Big5/Shift_JIS/cp1252 and then bit-flipped or truncated), then the core.

A *crash* is any exception other than ``DecodeError`` from ``decode``. Every crasher is
written to ``OUT/crash-<n>.bin`` (the bytes, UTF-8 for text inputs) with its traceback
beside it. The idempotence check (cleaning the output again changes nothing) runs on
every fifth input and is reported separately. Exit 1 if anything crashed.
"""
from __future__ import annotations

import argparse
import glob
import multiprocessing
import os
import random
import sys
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

PIECES = [
    "Home", "News", "World", "Politics", "Sports", "Share on Facebook", "Tweet", "Related articles",
    "Read more", "Copyright © 2024 Example. All rights reserved.", "Tags: economy, trade",
    "By John Smith", "Source: Example Daily", "Edited by Jane Roe", "2024-03-05 10:00", "(09-24)",
    "You are here: Home > World > Europe", "Next article", "Previous", "Page 1 2 3 Next",
    "Comments (12)", "Subscribe to our newsletter", "Accept cookies", "Advertisement",
    "Enlarge this image", "Views: 1234", "Likes 56", "当前位置:首页 > 新闻 > 正文", "来源:新华社",
    "作者:张三", "责任编辑:李四", "本文链接:http://example.com/a.html", "标签:经济 贸易",
    "扫一扫关注公众号", "版权声明:本文为原创", "相关文章", "上一篇", "下一篇", "(相关资料图)", "阅读 1234",
    "微信号:abc123", "电话:010-12345678", "请说明您的需求", "Von Max Mustermann", "Мировые новости",
    "---", "--- ", "...", "title: x", "date: 2024-01-01", "tags: [a, b]", "language: en",
    "# Heading", "## Sub", "- item", "* item", "1. item", "> quote", "```", "| a | b |", "***", "___",
    "[link](http://x)", "![img](y.png)", "<p>", "</p>", "<div class=x>", "<br>", "<script>x()</script>",
    "<!DOCTYPE html>", "<html>", "&amp;", "&nbsp;", "\\", "`code`", "_em_", "**strong**", "#", "-", "+", "=",
    ":", "：", "。", "，", "、", "！", "?", "\u200b", "\u00a0", "\ufeff", "\u2028", "\u2029", "\u202e", "e\u0301",
    "مرحبا بالعالم", "שלום", "Привет мир.", "こんにちは世界。", "안녕하세요", "😀", "\U0001f1fa\U0001f1f8",
    "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\r", "\t", "     ", "a" * 300,
]

SENTENCES = [
    "The city council on Tuesday approved a plan to rebuild the old harbour.",
    "Council members said the new harbour would bring jobs to the eastern districts.",
    "The mayor said construction would begin next spring, after the permits.",
    "今天上午，2020年中国生物医药产业创新大会在宝山举行。",
    "会议由市政府主办，来自全国各地的专家学者参加了会议并发表了讲话。",
    "Die Stadt hat am Dienstag einen Plan zum Umbau des alten Hafens beschlossen.",
    "Городской совет во вторник одобрил план реконструкции старой гавани.",
]

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "shift_jis", "cp1252", "cp1251",
             "latin-1", "euc-kr", "koi8-r"]


def _samples() -> list[str]:
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            out.append(f.read())
    return out


def _random_unicode(rng: random.Random, n: int) -> str:
    chars = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            chars.append(chr(rng.randint(0x20, 0x7E)))
        elif r < 0.7:
            chars.append(chr(rng.randint(0x4E00, 0x9FFF)))
        elif r < 0.8:
            chars.append(rng.choice(" \n\n\t"))
        else:
            # any code point, lone surrogates included (a library caller's string may hold one)
            chars.append(chr(rng.randint(0, 0x10FFFF)) if rng.random() < 0.9 else chr(rng.randint(0xD800, 0xDFFF)))
    return "".join(chars)


def gen_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 40)):
        r = rng.random()
        if r < 0.35:
            line = rng.choice(PIECES)
        elif r < 0.6:
            line = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
        elif r < 0.75:
            line = " ".join(rng.choice(PIECES) for _ in range(rng.randint(2, 5)))
        elif r < 0.85:
            line = ""
        else:
            line = _random_unicode(rng, rng.randint(0, 80))
        if rng.random() < 0.1:
            line = rng.choice(["  ", "\t", "# ", "- ", "> ", "1. ", "**"]) + line
        lines.append(line)
    sep = rng.choice(["\n", "\n", "\n\n", "\r\n", "\r"])
    text = sep.join(lines)
    if rng.random() < 0.1:
        text = "---\n" + "\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4))) + "\n---\n" + text
    return text


def mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        if not lines:
            lines = [""]
        op = rng.randrange(9)
        i = rng.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            cut = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:cut]
        elif op == 4:
            pos = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:pos] + rng.choice(PIECES) + lines[i][pos:]
        elif op == 5:
            lines.insert(i, rng.choice(PIECES))
        elif op == 6:
            pos = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:pos] + _random_unicode(rng, rng.randint(1, 10)) + lines[i][pos:]
        elif op == 7:
            a = rng.randrange(len(lines))
            lines = lines[a:] if rng.random() < 0.5 else lines[:a + 1]
        else:
            lines[i] = lines[i] + " " + lines[i]
    return "\n".join(lines)


def gen_mutated(rng: random.Random, samples: list[str], outputs: list[str]) -> str:
    base = rng.choice(outputs) if outputs and rng.random() < 0.25 else rng.choice(samples)
    if rng.random() < 0.5:  # a slice keeps most inputs small and fast
        lines = base.split("\n")
        a = rng.randrange(len(lines))
        base = "\n".join(lines[a:a + rng.randint(1, 60)])
    return mutate(rng, base)


def gen_bytes(rng: random.Random, samples: list[str]) -> bytes:
    r = rng.random()
    if r < 0.3:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400)))
    text = rng.choice(samples)
    lines = text.split("\n")
    a = rng.randrange(len(lines))
    text = "\n".join(lines[a:a + rng.randint(1, 30)])
    enc = rng.choice(ENCODINGS)
    data = bytearray(text.encode(enc, errors="replace"))
    if r < 0.5 and data:  # bit flips
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif r < 0.65 and data:  # truncated mid-character
        data = data[:rng.randrange(len(data))]
    elif r < 0.8:  # two encodings spliced
        other = rng.choice(samples)[:300].encode(rng.choice(ENCODINGS), errors="replace")
        pos = rng.randint(0, len(data))
        data[pos:pos] = other
    elif r < 0.85:
        data = bytearray(b"\x00" * rng.randint(0, 5)) + data
    return bytes(data)


def _worker(args):
    wid, count, seed, out, idem_every = args
    from newsclean.decode import DecodeError, decode
    from newsclean.pipeline import clean

    rng = random.Random(seed * 1000 + wid)
    samples = _samples()
    outputs: list[str] = []
    crashes = non_idem = decode_errors = 0
    kinds = {"text": 0, "mutated": 0, "bytes": 0}
    for n in range(count):
        kind = ("text", "mutated", "bytes")[n % 3]
        kinds[kind] += 1
        raw: bytes | None = None
        try:
            if kind == "text":
                text = gen_text(rng)
            elif kind == "mutated":
                text = gen_mutated(rng, samples, outputs)
            else:
                raw = gen_bytes(rng, samples)
                try:
                    text = decode(raw)
                except DecodeError:
                    decode_errors += 1
                    continue
            doc = clean(text)
            if n % idem_every == 0:
                again = clean(doc.markdown).markdown
                if again != doc.markdown:
                    non_idem += 1
                    _save(out, f"nonidem-{wid}-{n}", raw if raw is not None else text.encode("utf-8", "surrogatepass"),
                          f"first:\n{doc.markdown}\n\nsecond:\n{again}\n")
            if len(outputs) < 200 and rng.random() < 0.05:
                outputs.append(doc.markdown)
        except Exception:  # noqa: BLE001 - that is what we are looking for
            crashes += 1
            data = raw if raw is not None else text.encode("utf-8", "surrogatepass")
            _save(out, f"crash-{wid}-{n}", data, traceback.format_exc())
    return {"count": count, "crashes": crashes, "non_idempotent": non_idem, "decode_errors": decode_errors,
            "kinds": kinds}


def _save(out: str, name: str, data: bytes, note: str) -> None:
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name + ".bin"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(note)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=100_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="/tmp/newsclean-fuzz")
    p.add_argument("--idempotence-every", type=int, default=5)
    a = p.parse_args(argv)
    start = time.time()
    per = [a.count // a.workers + (i < a.count % a.workers) for i in range(a.workers)]
    jobs = [(i, per[i], a.seed, a.out, a.idempotence_every) for i in range(a.workers)]
    if a.workers == 1:
        results = [_worker(jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(a.workers) as pool:
            results = pool.map(_worker, jobs)
    total = {k: sum(r[k] for r in results) for k in ("count", "crashes", "non_idempotent", "decode_errors")}
    kinds = {k: sum(r["kinds"][k] for r in results) for k in ("text", "mutated", "bytes")}
    print(f"fuzz: {total['count']} inputs ({kinds['text']} text, {kinds['mutated']} mutated samples, "
          f"{kinds['bytes']} raw bytes of which {total['decode_errors']} refused by decode) in "
          f"{time.time() - start:.0f} s: {total['crashes']} crashes, {total['non_idempotent']} non-idempotent "
          f"(checked every {a.idempotence_every}th); crashers in {a.out}")
    return 1 if total["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
