"""The batch cache (black's design): files already cleaned with this version and these
settings, and unchanged since, are not cleaned again.

One JSON file per (newsclean version, model file, configuration, output format) under
``$NEWSCLEAN_CACHE_DIR`` (default ``$XDG_CACHE_HOME/newsclean`` or ``~/.cache/newsclean``)
maps an input's real path to the size and modification time of the input and of its target
(the output file, or the input itself with ``--in-place`` and ``--check``) as they were
when the two were known to agree. A file is skipped only when both still match exactly;
any doubt means cleaning it again. The cache is written atomically at the end of a run.

The folder stays bounded: a key also changes with every reinstall (the model file's time)
and with each folder's set of repeated lines, so a run that saves also deletes the batch
cache files beyond the ``KEEP_FILES`` most recently used (a run that only read its file
marks it used).
"""
from __future__ import annotations

import hashlib
import json
import os
import re

from newsclean.cli.discover import RealPaths
from newsclean.cli.writeback import atomic_write

Stamp = tuple[int, int]  # size, mtime in nanoseconds
KEEP_FILES = 32  # batch cache files kept in the folder, the most recently used
_KEY_FILE = re.compile(r"[0-9a-f]{24}\.json")  # the name of a batch cache file (see cache_key)


def cache_dir() -> str:
    """Where the batch cache and the start-up cache live: ``$NEWSCLEAN_CACHE_DIR``, else the
    user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``) / newsclean."""
    explicit = os.environ.get("NEWSCLEAN_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newsclean")


def keep_start_up_work() -> None:
    """Most of a one-page run is getting ready (compiling regular expressions, parsing the
    data files): keep that work in the cache folder (``startcache``). The command line calls
    this first, and so does every worker process (one the platform spawned starts with
    nothing loaded; elsewhere it does nothing: ``startcache.load`` keeps what is loaded)."""
    from newsclean import startcache

    startcache.load(cache_dir())


def _stamp(path: str) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def cache_key(*parts: object) -> str:
    """A name for the cache file: what the output depends on besides the input."""
    import newsclean

    model = _stamp(os.path.join(os.path.dirname(newsclean.__file__), "data", "model", "lines.npz"))
    return hashlib.sha256(repr((newsclean.__version__, model, parts)).encode("utf-8")).hexdigest()[:24]


class Cache:
    """Which inputs were cleaned into which outputs under one set of settings (``key``): a file
    whose input and output are unchanged since then is skipped on the next run. One JSON file per
    key; entries are the input's and output's size and time, by the input's real path."""
    def __init__(self, key: str):
        self.path = os.path.join(cache_dir(), f"{key}.json")
        self.entries: dict[str, list[int]] = {}
        self.dirty = False
        self.seen: set[str] = set()  # the entries this run confirmed or wrote
        self._real = RealPaths()
        try:
            with open(self.path, encoding="utf-8") as f:
                data = json.load(f)
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            pass  # no cache yet, or a broken one: start afresh

    def fresh(self, source: str, target: str) -> bool:
        """Whether source and target are exactly as when they were last known to agree."""
        real = self._real(source)
        entry = self.entries.get(real)
        if not entry or len(entry) != 4:
            return False
        if _stamp(source) == tuple(entry[:2]) and _stamp(target) == tuple(entry[2:]):
            self.seen.add(real)
            return True
        return False

    def record(self, source: str, target: str) -> None:
        """``source`` was cleaned into ``target`` just now: remember both files' stamps."""
        s, t = _stamp(source), _stamp(target)
        if s is not None and t is not None:
            real = self._real(source)
            self.entries[real] = [*s, *t]
            self.seen.add(real)
            self.dirty = True

    def save(self) -> None:
        """Write the cache, without the entries of files that no longer exist (a cache of
        folders cleaned once and deleted, temporary ones above all, would grow forever), and
        keep the folder to its ``KEEP_FILES`` most recently used cache files."""
        try:
            if self.dirty:
                self.entries = {p: e for p, e in self.entries.items() if p in self.seen or os.path.exists(p)}
                os.makedirs(os.path.dirname(self.path), exist_ok=True)
                atomic_write(self.path, json.dumps(self.entries, separators=(",", ":")).encode("utf-8"), 0o644)
            elif self.seen:
                os.utime(self.path)  # used, not changed: still among the recently used
            else:
                return
            prune(os.path.dirname(self.path), KEEP_FILES, keep=self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time next run


def prune(folder: str, keep_files: int, keep: str = "") -> None:
    """Delete the batch cache files in ``folder`` beyond the ``keep_files`` most recently
    modified (never ``keep``); other files there (the start-up cache) are left alone."""
    found = []
    with os.scandir(folder) as it:
        for entry in it:
            if _KEY_FILE.fullmatch(entry.name) and entry.path != keep:
                try:
                    found.append((entry.stat().st_mtime_ns, entry.path))
                except OSError:
                    continue
    found.sort(reverse=True)
    for _, path in found[max(keep_files - 1, 0):]:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass  # another run pruned it first
