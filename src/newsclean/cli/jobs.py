"""Cleaning one file, in this process or in a pool of worker processes.

A worker does the whole job for its file (read, decode, clean, format, write back) and
returns only what the parent must print, so results stay small. The parent imports and
warms the core before forking, so workers start with it loaded instead of each paying
for the import.
"""
from __future__ import annotations

import os
import stat
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
    max_size: int = 0  # bytes; larger files are refused unread (0: no limit)
    repeated: frozenset = frozenset()  # keys of lines recurring across the batch (newsclean.repeat)


@dataclass(frozen=True)
class Task:
    """One file to clean, as the parent hands it to a worker."""
    index: int
    path: str  # to read; "-" is stdin, whose bytes the parent read into ``data``
    display: str  # how messages name the file
    target: str | None  # the file to compare with / write to; None when printing
    data: bytes | None = None


@dataclass
class Result:
    """What a worker reports back for one file: only what the parent must print or count."""
    index: int
    display: str
    target: str | None = None
    error: str | None = None
    changed: bool = False
    missing: bool = False  # the target did not exist yet
    dropped: dict = field(default_factory=dict)  # rule code -> lines
    output: str | None = None  # for stdout
    diff: str = ""
    warnings: list = field(default_factory=list)  # one-line notes about this file


_settings = Settings()
_core = None


def init(settings: Settings) -> None:
    """Every process that cleans starts here: this one, or a worker (which keeps its start-up
    work too: ``keep_start_up_work``)."""
    global _settings
    _settings = settings
    from newsclean.cli.cache import keep_start_up_work

    keep_start_up_work()


_WARM_UP = "Warm-up.\n\nThis sentence loads the cue tables and the model before forking.\n"


def warm(settings: Settings) -> None:
    """Load the core and its lazy tables once, before workers are forked."""
    init(settings)
    try:
        clean_text(_WARM_UP)
    except Exception:  # a broken core is reported per file, with the file's name
        pass


def preload(config) -> None:
    """``warm`` before the settings are known: run while the counting pass's workers read
    the batch, so that loading the core is not one more step the cores wait for."""
    try:
        from newsclean.pipeline import clean

        clean(_WARM_UP, config=config)
    except Exception:  # noqa: BLE001 - as in warm
        pass


def clean_text(text: str):
    """The page's Document under this process's settings (``init``): HTML by content through
    ``newsclean.html``, anything else through the text pipeline. (The core is imported on first
    use, so that starting the command line costs nothing more.)"""
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
    return clean(text, url=s.url, lang=s.lang, config=s.config, repeated=s.repeated)


def json_path(name: str) -> str:
    """A file name as JSON can carry it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) written as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file (did it vanish?)"
    return e.strerror or str(e)


def size_text(n: int) -> str:
    """A byte count for messages: 200 MB, 2.5 MB, 700 kB, 12 bytes."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= size:
            v = n / size
            return f"{v:.0f} {unit}" if v >= 10 or v == int(v) else f"{v:.1f} {unit}"
    return f"{n} byte{'s' if n != 1 else ''}"


def text_limit(max_size: int) -> int:
    """The longest plain-text page (characters) the line cleaner is given: a quarter of
    the file size limit, since its time grows with the number of lines (2 M characters
    take about 10 s). HTML is first reduced to its text by trafilatura."""
    return max_size // 4 if max_size else 0


def read_limited(path: str, limit: int) -> bytes:
    """The file's bytes; raises TooBig (unread) when it is larger than ``limit``.

    It asks for the size ``fstat`` gives, plus one byte to see growth: a read of ``limit + 1``
    bytes made Python map a buffer of the whole limit (8 MB) for every page, three times the
    time of the read itself."""
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        if limit and st.st_size > limit:
            raise TooBig(st.st_size)
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device: no size to trust
            data = f.read(limit + 1) if limit else f.read()
        else:
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew since the fstat: read on
                data += f.read(limit + 1 - len(data)) if limit else f.read()
    if limit and len(data) > limit:  # grew while read, or a device
        raise TooBig(len(data), at_least=True)
    return data


def task_bytes(task: Task, limit: int) -> bytes:
    """The task's page: stdin's bytes the parent read, or the file; TooBig over ``limit``."""
    if task.data is None:
        return read_limited(task.path, limit)
    if limit and len(task.data) > limit:
        raise TooBig(len(task.data), at_least=True)
    return task.data


class TooBig(Exception):
    """A file over the size limit (``--max-size``), refused before or while reading it."""
    def __init__(self, size: int, at_least: bool = False) -> None:
        super().__init__(size)
        self.size, self.at_least = size, at_least

    def reason(self, limit: int) -> str:
        if self.at_least:
            return f"more than the {size_text(limit)} size limit (--max-size)"
        return f"{size_text(self.size)}, over the {size_text(limit)} size limit (--max-size)"


def clean_one(task: Task) -> Result:
    """Clean one file; every failure becomes ``Result.error`` so the others go on."""
    from newsclean.cli.formats import render
    from newsclean.cli.writeback import atomic_write, file_mode, read_bytes, unified_diff
    from newsclean.decode import DecodeError, decode_report, looks_like_html

    s = _settings
    res = Result(task.index, task.display, task.target)
    try:
        raw = task_bytes(task, s.max_size)
    except TooBig as e:
        res.error = e.reason(s.max_size)
        return res
    except OSError as e:
        res.error = _reason(e)
        return res
    try:
        text, warning = decode_report(raw)
    except DecodeError as e:
        res.error = str(e)
        return res
    if warning:
        if s.write_back is WriteBack.YES and task.target == task.path and "U+FFFD" in warning:
            res.error = f"{warning}; not rewritten in place, which would lose those bytes"
            return res
        res.warnings.append(warning)
    limit = text_limit(s.max_size)
    if limit and len(text) > limit and not looks_like_html(text):
        res.error = (f"{len(text):,} characters of plain text, over the {limit:,} the cleaner takes "
                     f"(a quarter of --max-size)")
        return res
    try:
        doc = clean_text(text)
        out = render(doc, s.fmt, json_path(task.display))
        res.dropped = doc.dropped()
        res.warnings.extend(getattr(doc, "warnings", ()) or ())
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
            atomic_write(task.target, new, file_mode(task.target, s.umask, exists=not res.missing), s.umask)
        except OSError as e:
            res.error = f"cannot write {task.target}: {_reason(e)}"
    return res


def page_digests(task: Task, max_size: int) -> bytes:
    """The keys of one plain-text page's lines, packed (``repeat.text_digests``), for the
    batch's repetition counts; none for what cannot be read or is HTML (its errors are
    reported by the cleaning pass)."""
    from newsclean.decode import DecodeError, decode_report, looks_like_html
    from newsclean.repeat import text_digests

    try:
        text, _ = decode_report(task_bytes(task, max_size))
    except (OSError, TooBig, DecodeError):
        return b""
    limit = text_limit(max_size)
    if looks_like_html(text) or limit and len(text) > limit:
        return b""
    return text_digests(text)


def _keys_chunk(args: tuple[list[Task], int]) -> list[bytes]:
    tasks, max_size = args
    return [page_digests(t, max_size) for t in tasks]


def count_lines(tasks: list[Task], max_size: int, jobs: int, while_waiting=None):
    """``repeat.Counts`` of the tasks' pages, read in a process pool when it pays;
    ``while_waiting()`` runs in this process meanwhile (with a pool)."""
    from newsclean.repeat import Counts

    counts = Counts()
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        for t in tasks:
            counts.add(page_digests(t, max_size))
        return counts
    ctx = _pool_context()
    size = max(1, min(64, len(tasks) // (jobs * 8)))
    chunks = [(tasks[i:i + size], max_size) for i in range(0, len(tasks), size)]
    with ctx.Pool(jobs) as pool:
        found = pool.imap(_keys_chunk, chunks)
        if while_waiting is not None:
            while_waiting()
        for keys in found:
            for k in keys:
                counts.add(k)
    return counts


def _pool_context():
    """Worker processes forked where that is safe (Linux), so they start with what the
    parent loaded; the platform's default elsewhere."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def default_jobs() -> int:
    """The cores this process may run on (all of them, unless an affinity mask says fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def chunk_spans(n: int, chunk: int, jobs: int) -> list[tuple[int, int]]:
    """[start, end) of the chunks of n tasks: ``chunk`` tasks each, smaller towards the end
    (a few per worker's share of what is left), so the workers finish together instead of
    one waiting for the other's last full chunk."""
    spans, start = [], 0
    while start < n:
        size = max(1, min(chunk, (n - start) // (jobs * 4)))
        spans.append((start, start + size))
        start += size
    return spans


def clean_chunk(tasks: list[Task]) -> list[Result]:
    return [clean_one(t) for t in tasks]


# a file counts as an outlier to hand out first when it is this many times the median size;
# at most this many per worker, and only in batches of at least this many tasks per worker
OUTLIER_FACTOR = 8
OUTLIER_MAX_PER_JOB = 4
OUTLIER_MIN_TASKS = 16


def _size_of(task: Task) -> int:
    if task.data is not None:
        return len(task.data)
    try:
        return os.stat(task.path).st_size
    except OSError:
        return 0  # the worker reports it


def dispatch_order(tasks: list[Task], jobs: int) -> list[Task]:
    """The tasks in the order to hand them out: the few files far larger than the rest
    first (largest first), then the others in order.

    A huge page handed out last keeps one worker busy after the others have finished; handed
    out first, it runs while the others work through the small ones (longest-first scheduling,
    kept to the outliers so the rest stays in folder order).
    """
    if len(tasks) < jobs * OUTLIER_MIN_TASKS:
        return tasks
    sizes = [_size_of(t) for t in tasks]
    typical = sorted(sizes)[len(sizes) // 2]
    big = sorted((i for i, n in enumerate(sizes) if n > OUTLIER_FACTOR * max(typical, 1)),
                 key=lambda i: (-sizes[i], i))[:jobs * OUTLIER_MAX_PER_JOB]
    if not big:
        return tasks
    first = set(big)
    return [tasks[i] for i in big] + [t for i, t in enumerate(tasks) if i not in first]


def run_all(tasks: list[Task], settings: Settings, jobs: int, chunk: int = 0):
    """Yield each task's Result in task order, as soon as it (and those before it) is done,
    using a process pool when it pays.

    At most ``jobs * 4`` chunks are in flight: a slow reader of the results (a pipe)
    holds the workers back instead of letting finished results pile up in memory. The
    largest files are handed out first (``dispatch_order``); their results wait for their
    turn.
    """
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        init(settings)
        for task in tasks:
            yield clean_one(task)
        return
    from collections import deque

    ctx = _pool_context()
    warm(settings)
    chunk = chunk or max(1, min(16, len(tasks) // (jobs * 8)))
    window = jobs * 4
    order = dispatch_order(tasks, jobs)
    ready: dict[int, Result] = {}
    expected = 0  # position (in task order) of the next result to yield
    with ctx.Pool(jobs, initializer=init, initargs=(settings,)) as pool:
        pending: deque = deque()
        spans = iter(chunk_spans(len(order), chunk, jobs))
        for a, b in spans:
            pending.append(pool.apply_async(clean_chunk, (order[a:b],)))
            if len(pending) >= window:
                break
        while pending:
            done = pending.popleft().get()
            span = next(spans, None)
            if span is not None:
                pending.append(pool.apply_async(clean_chunk, (order[span[0]:span[1]],)))
            for res in done:
                ready[res.index] = res
            while expected < len(tasks) and tasks[expected].index in ready:
                yield ready.pop(tasks[expected].index)
                expected += 1
