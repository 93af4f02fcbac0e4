"""Peak memory of a big folder run: ``newsclean clean DIR -o OUT`` over N small pages.

    python scripts/memory_check.py [--files 20000] [--jobs 2] [--keep]

Generates N made-up pages (never corpus pages) in a tmp folder, runs the real command
line and prints the peak resident set size of the parent process and of the largest
worker (``resource.getrusage(RUSAGE_CHILDREN)`` reports the largest child; the parent's
own peak comes from /proc while it runs). Memory must stay flat as N grows: run it with
2,000 and 20,000 files and compare.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PAGE = """Home | World | Politics | Business | Sports

City council approves harbour plan number {i}

2024-03-05 10:00    Source: Example Daily

The city council on Tuesday approved plan {i} to rebuild the old harbour, ending a debate that had lasted years.

Council members said the new harbour would bring jobs to the eastern districts, where unemployment is high.

Related articles
Mayor opens new library
Tram line extended to the airport

Copyright © 2024 Example Daily. All rights reserved.
"""


def _tree_rss(pid: int) -> tuple[int, int]:
    """(parent RSS, sum of children's RSS) in kB, from /proc."""
    def rss(p):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    kids = []
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            kids = [int(k) for k in f.read().split()]
    except OSError:
        pass
    return rss(pid), sum(rss(k) for k in kids)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--files", type=int, default=20_000)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--keep", action="store_true", help="keep the tmp folders")
    a = p.parse_args(argv)
    base = tempfile.mkdtemp(prefix="newsclean-memory-")
    src, out = os.path.join(base, "in"), os.path.join(base, "out")
    t = time.time()
    for i in range(a.files):
        folder = os.path.join(src, f"d{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"p{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(PAGE.format(i=i))
    print(f"generated {a.files} pages in {time.time() - t:.1f} s under {src}")
    env = {**os.environ, "PYTHONPATH": os.path.join(ROOT, "src")}
    cmd = [sys.executable, "-m", "newsclean", "clean", src, "-o", out, "-j", str(a.jobs)]
    t = time.time()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    peak_parent = peak_total = 0
    done = threading.Event()

    def sample():
        nonlocal peak_parent, peak_total
        while not done.is_set():
            parent, kids = _tree_rss(proc.pid)
            peak_parent, peak_total = max(peak_parent, parent), max(peak_total, parent + kids)
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    done.set()
    th.join()
    elapsed = time.time() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB: the largest process
    written = sum(len(files) for _, _, files in os.walk(out))
    print(err.strip())
    print(f"exit {proc.returncode}, {written} files written in {elapsed:.1f} s "
          f"({a.files / elapsed:.0f} files/s, -j {a.jobs})")
    print(f"peak RSS: largest single process {children / 1024:.0f} MB (getrusage), "
          f"parent {peak_parent / 1024:.0f} MB, parent + workers {peak_total / 1024:.0f} MB (sampled /proc)")
    if not a.keep:
        shutil.rmtree(base, ignore_errors=True)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
