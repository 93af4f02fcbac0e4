#!/usr/bin/env python3
"""Fit the line model with several seeds and print the spread of its test F1.

    python scripts/seed_spread.py [--seeds 0,1,2] [--keep DIR] [-- TRAIN_ARGS ...]

A fit of the line classifier is one draw: another seed, or a change to its inputs as small as a
cue that names a few more lines, moves its bare test F1 by up to 0.006 (README, "Measuring";
docs/experiments.md). So a change to the features, the cue files or the fit's settings is judged
by the mean over several seeds, of the changed and of the unchanged code alike, never by one
retraining. Each seed runs ``scripts/train.py --seed N --out DIR/seedN.npz --no-report`` (the
shipped model and its report are left alone; arguments after ``--`` go to train.py), and the
table gives, per dump style, every seed's bare test F1 (all pages and zh), their mean and
standard deviation. Needs the training extras (``pip install -e '.[train]'``); a fit takes 3-5
minutes once the features are cached.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from align import STYLES  # noqa: E402  (the dump styles train.py reports, in its order)


def report_of(stdout: str) -> dict:
    """The training report train.py prints after its stage timings (a JSON object)."""
    start = stdout.find("{")
    if start < 0:
        raise ValueError("train.py printed no report")
    return json.loads(stdout[start:])


def spread(reports: dict[int, dict]) -> list[tuple[str, list[float], float, float]]:
    """Per style and measure (``blocks``, ``blocks zh`` ...): the seeds' F1, their mean and
    standard deviation (0 for one seed)."""
    rows = []
    for style in STYLES:
        for key, label in (("all", style), ("zh", f"{style} zh")):
            vals = [r["token_f1_test"][style][key] for _seed, r in sorted(reports.items())
                    if style in r.get("token_f1_test", {})]
            if vals:
                sd = statistics.stdev(vals) if len(vals) > 1 else 0.0
                rows.append((label, vals, statistics.fmean(vals), sd))
    return rows


def table(reports: dict[int, dict]) -> str:
    seeds = sorted(reports)
    head = f"{'style':15}" + "".join(f"{'seed ' + str(s):>9}" for s in seeds) + f"{'mean':>9}{'sd':>8}"
    lines = [head]
    for label, vals, mean, sd in spread(reports):
        lines.append(f"{label:15}" + "".join(f"{v:9.4f}" for v in vals) + f"{mean:9.4f}{sd:8.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="0,1,2", help="comma-separated seeds (default 0,1,2)")
    ap.add_argument("--keep", default=None, help="folder for the fitted models (default: a temporary one, removed)")
    a = ap.parse_args(argv)
    seeds = [int(s) for s in a.seeds.split(",") if s.strip()]
    tmp = None if a.keep else tempfile.TemporaryDirectory(prefix="newsclean-seeds-")
    folder = a.keep or tmp.name
    os.makedirs(folder, exist_ok=True)
    reports: dict[int, dict] = {}
    try:
        for seed in seeds:
            out = os.path.join(folder, f"seed{seed}.npz")
            cmd = [sys.executable, os.path.join(HERE, "train.py"), "--seed", str(seed), "--out", out, "--no-report",
                   *extra]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                print(f"seed {seed}: train.py failed (exit {done.returncode})", file=sys.stderr)
                return 1
            reports[seed] = report_of(done.stdout)
            f1 = reports[seed]["token_f1_test"]["blocks"]["all"]
            print(f"seed {seed}: blocks {f1:.4f} ({reports[seed].get('train_seconds', '?')} s)", file=sys.stderr)
    finally:
        if tmp is not None:
            tmp.cleanup()
    print(table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
