"""Which files a command line names, and where each one's output goes.

Folders are walked recursively in sorted order (so output is the same on every run),
hidden folders and files are skipped, symlinked folders are followed but each real
folder is entered once (no loops), and the output folder is skipped when it lies inside
an input folder, so a second run never cleans its own output.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

DEFAULT_GLOBS = ("*.txt", "*.text", "*.html", "*.htm", "*.md")
STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input: ``path`` to read (``-`` for stdin), ``rel`` its path below the folder given
    on the command line (its file name when the file itself was given)."""

    path: str
    rel: str


class RealPaths:
    """``os.path.realpath`` for the many files of a few folders: each folder is resolved once,
    and a file is only looked at (one lstat) to see whether it is a link itself. realpath
    looks at every component of every path: over a folder of thousands of pages, that was
    most of the time spent before the first page was read."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        head, name = os.path.split(path)
        if name in ("", os.curdir, os.pardir) or os.path.islink(path):
            return os.path.realpath(path)
        folder = self._folders.get(head)
        if folder is None:
            folder = self._folders[head] = os.path.realpath(head or os.curdir)
        return os.path.join(folder, name)


def discover(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS,
             skip: tuple[str, ...] = ()) -> tuple[list[Source], list[str]]:
    """The sources named by ``paths`` and the error messages for paths that do not exist.

    Files named on the command line are taken whatever their suffix; files found in
    folders must match one of ``globs`` (by name, or by path below the folder).
    ``skip`` are folders never entered (the output folder).
    """
    sources: list[Source] = []
    errors: list[str] = []
    skip_real = {os.path.realpath(s) for s in skip}
    real_path = RealPaths()
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            sources.append(Source(STDIN, STDIN))
        elif os.path.isdir(given):
            for path, rel in _walk(given, globs, skip_real):
                real = real_path(path)
                if real not in seen:
                    seen.add(real)
                    sources.append(Source(path, rel))
        elif os.path.isfile(given):
            real = real_path(given)
            if real not in seen:
                seen.add(real)
                sources.append(Source(given, os.path.basename(given)))
        elif os.path.lexists(given) and not os.path.exists(given):
            errors.append(f"{given}: broken symbolic link")
        elif os.path.exists(given):
            errors.append(f"{given}: not a regular file or folder")
        else:
            errors.append(f"{given}: no such file or folder")
    return sources, errors


def matches(rel: str, globs: tuple[str, ...]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def _walk(root: str, globs: tuple[str, ...], skip_real: set[str]):
    entered: set[tuple[int, int]] = set()
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in entered or os.path.realpath(folder) in skip_real:
            continue
        entered.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            try:
                if entry.is_dir():  # follows symlinks; loops are cut by ``entered``
                    subdirs.append((entry.path, rel + "/"))
                elif entry.is_file() and matches(rel, globs):
                    yield entry.path, rel
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def output_path(source: Source, out_dir: str, suffix: str) -> str:
    """``out_dir/<rel with suffix>``: the input tree mirrored under the output folder."""
    stem, _ = os.path.splitext(source.rel)
    return os.path.join(out_dir, stem + suffix)
