"""Cleaning one file, in this process or in a pool of worker processes.

A worker does the whole job for its file (read, decode, clean, format, write back) and
returns only what the parent must print, so results stay small. The parent imports and
warms the core before forking, so workers start with it loaded instead of each paying
for the import.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from newsclean.cli.writeback import WriteBack


@dataclass(frozen=True)
class Settings:
    """What every file is cleaned with; sent once to each worker."""

    fmt: str = "md"
    write_back: WriteBack = WriteBack.STDOUT
    url: str | None = None
    lang: str | None = None
    config: object = None  # newsclean.Config
    umask: int = 0o022


@dataclass(frozen=True)
class Task:
    index: int
    path: str  # to read; "-" is stdin, whose bytes the parent read into ``data``
    display: str  # how messages name the file
    target: str | None  # the file to compare with / write to; None when printing
    data: bytes | None = None


@dataclass
class Result:
    index: int
    display: str
    target: str | None = None
    error: str | None = None
    changed: bool = False
    missing: bool = False  # the target did not exist yet
    dropped: dict = field(default_factory=dict)  # rule code -> lines
    output: str | None = None  # for stdout
    diff: str = ""


_settings = Settings()
_core = None


def init(settings: Settings) -> None:
    global _settings
    _settings = settings


def warm(settings: Settings) -> None:
    """Load the core and its lazy tables once, before workers are forked."""
    init(settings)
    try:
        _clean_text("Warm-up.\n\nThis sentence loads the cue tables and the model before forking.\n")
    except Exception:  # a broken core is reported per file, with the file's name
        pass


def _clean_text(text: str):
    global _core
    if _core is None:
        from newsclean.decode import looks_like_html
        from newsclean.pipeline import clean

        _core = (clean, looks_like_html)
    clean, looks_like_html = _core
    s = _settings
    if looks_like_html(text):
        from newsclean.html import clean_html

        return clean_html(text, url=s.url, lang=s.lang, config=s.config)
    return clean(text, url=s.url, lang=s.lang, config=s.config)


def _reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file (did it vanish?)"
    return e.strerror or str(e)


def clean_one(task: Task) -> Result:
    """Clean one file; every failure becomes ``Result.error`` so the others go on."""
    from newsclean.cli.formats import render
    from newsclean.cli.writeback import atomic_write, file_mode, read_bytes, unified_diff
    from newsclean.decode import DecodeError, decode

    s = _settings
    res = Result(task.index, task.display, task.target)
    try:
        if task.data is not None:
            raw = task.data
        else:
            with open(task.path, "rb") as f:
                raw = f.read()
    except OSError as e:
        res.error = _reason(e)
        return res
    try:
        text = decode(raw)
    except DecodeError as e:
        res.error = str(e)
        return res
    try:
        doc = _clean_text(text)
        out = render(doc, s.fmt, task.display)
        res.dropped = doc.dropped()
    except Exception as e:  # noqa: BLE001 - a bug on one page must not stop the others
        res.error = f"internal error: {type(e).__name__}: {e}"
        return res
    new = out.encode("utf-8")
    wb = s.write_back
    if wb is WriteBack.STDOUT:
        res.output = out
        res.changed = new != raw
        return res
    try:
        old = raw if task.target == task.path else read_bytes(task.target)
    except OSError as e:
        res.error = f"cannot read {task.target}: {_reason(e)}"
        return res
    res.missing = old is None
    res.changed = old != new
    if not res.changed:
        return res
    if wb.diffs:
        res.diff = unified_diff(old, out, task.target)
    if wb.writes:
        try:
            atomic_write(task.target, new, file_mode(task.target, s.umask))
        except OSError as e:
            res.error = f"cannot write {task.target}: {_reason(e)}"
    return res


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_all(tasks: list[Task], settings: Settings, jobs: int):
    """Yield each task's Result in task order, using a process pool when it pays."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        init(settings)
        for task in tasks:
            yield clean_one(task)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    warm(settings)
    chunksize = max(1, min(64, len(tasks) // (jobs * 4)))
    with ctx.Pool(jobs, initializer=init, initargs=(settings,)) as pool:
        yield from pool.imap(clean_one, tasks, chunksize)
