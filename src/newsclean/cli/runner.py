"""``run(argv) -> int``: parse the command line and do what it says.

Exit codes (black's): 0 done, 1 ``--check`` found files that would change, 2 usage
error, 123 some file could not be cleaned (the others still were), 141 stdout closed
early (``| head``), 130 interrupted. Only argparse and the standard library are loaded
before a file is read: the core, rich and multiprocessing are imported when needed.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys

from newsclean.cli.discover import DEFAULT_GLOBS, STDIN

DESCRIPTION = "Turn raw scraped news pages (plain text or HTML) into clean Markdown with YAML front matter."


DEFAULT_MAX_SIZE_TEXT = "8M"
MAX_SIZE_ENV = "NEWSCLEAN_MAX_SIZE"


class UsageError(Exception):
    """A command line that cannot be run: exit 2."""


def parse_size(text: str) -> int:
    """``8M``, ``500k``, ``2G``, ``1048576`` (binary units) to bytes; ValueError if not a size."""
    t = text.strip().lower().removesuffix("b").removesuffix("i")
    scale = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}.get(t[-1:], 1)
    number = float(t[:-1] if scale != 1 else t)
    if number < 0 or number != number:
        raise ValueError(text)
    return int(number * scale)


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 500k, 8M)") from None


def _max_size(args) -> int:
    if args.max_size is not None:
        return args.max_size
    env = os.environ.get(MAX_SIZE_ENV)
    try:
        return parse_size(env or DEFAULT_MAX_SIZE_TEXT)
    except (ValueError, IndexError):
        raise UsageError(f"${MAX_SIZE_ENV}={env!r} is not a size (e.g. 500k, 8M)") from None


def _parser() -> argparse.ArgumentParser:
    from newsclean import __version__

    p = argparse.ArgumentParser(prog="newsclean", description=DESCRIPTION)
    p.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def core_options(c: argparse.ArgumentParser) -> None:
        c.add_argument("--url", help="the page's URL (goes to the front matter, helps metadata)")
        c.add_argument("--lang", help="the page's language code; detected when not given")
        c.add_argument("--no-model", action="store_true", help="rules only, without the learned classifier")
        if "paths" in [a.dest for a in c._actions]:
            c.add_argument("--no-cache", action="store_true",
                           help="clean every file, even those unchanged since a run with the same settings")
            c.add_argument("--no-corpus", action="store_true",
                           help="no statistics across a folder's pages: keep lines that recur on many of "
                                "them (NC-REPEAT)")
        c.add_argument("--disable", action="append", default=[], metavar="CODES",
                       help="rule codes that never fire, comma-separated (see `newsclean rules`; all but "
                            "NC-TEXT and NC-MODEL, the classifier's own verdicts)")

    for name, help_ in (("clean", "clean pages into Markdown"),
                        ("check", "exit 1 if cleaning would change any file (= clean --check)")):
        c = sub.add_parser(name, help=help_, description=help_)
        c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - reads stdin")
        c.add_argument("-o", "--output", metavar="DIR", help="write DIR/<path below the folder>.md, mirroring the tree")
        if name == "clean":
            c.add_argument("--in-place", action="store_true", help="rewrite the input files that change")
            c.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
        c.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of what would change")
        c.add_argument("--format", choices=("md", "json", "jsonl", "text"), default="md",
                       help="md (default), json (one object a file), jsonl (one line a file), text (plain body)")
        c.add_argument("--glob", action="append", default=[], metavar="PATTERN",
                       help=f"which files to take from folders (repeatable; default {' '.join(DEFAULT_GLOBS)})")
        c.add_argument("--stdin-filename", metavar="NAME", help="the name to give the page read from stdin")
        c.add_argument("-j", "--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores)")
        c.add_argument("--scheduler", metavar="ADDRESS",
                       help="clean on a Dask cluster: its scheduler's address (tcp://host:8786) or scheduler "
                            "file; the workers must see the same paths and have the same newsclean "
                            "(pip install 'newsclean[dask]')")
        c.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary; errors only")
        c.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                       help=f"refuse files larger than SIZE unread, and plain-text pages over a quarter of it "
                            f"(e.g. 500k, 20M; 0: no limit; default {DEFAULT_MAX_SIZE_TEXT}, or ${MAX_SIZE_ENV})")
        core_options(c)

    e = sub.add_parser("explain", help="show every line's label and the rule behind it",
                       description="Show every line of a page with its label and rule code.")
    e.add_argument("path", metavar="FILE", help="the page; - reads stdin")
    e.add_argument("--json", action="store_true", help="a JSON list of line objects")
    core_options(e)

    r = sub.add_parser("rules", help="list the rule codes with what they do and why",
                       description="List the rule codes with what they do, why, and an example.")
    r.add_argument("--json", action="store_true", help="a JSON list")
    return p


def run(argv: list[str] | None = None) -> int:
    """The whole command line; returns the exit code instead of exiting."""
    argv = sys.argv[1:] if argv is None else list(argv)
    _one_blas_thread()
    from newsclean.cli.cache import keep_start_up_work

    keep_start_up_work()
    try:
        return _run(argv)
    except SystemExit as e:  # argparse: --help, --version and usage errors
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    except UsageError as e:
        print(f"newsclean: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    finally:
        from newsclean import startcache

        startcache.save()
        startcache.unload()


def _one_blas_thread() -> None:
    """numpy's OpenBLAS starts a thread per core when it is imported, and they spin: a fifth
    of a one-page run's CPU, and a core's worth of contention for the worker processes, for
    matrix products newsclean never makes large. One thread, unless the user chose otherwise
    (before numpy is imported: the core is imported after this)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so the final flush at exit
    raises no second BrokenPipeError (and prints no traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "rules":
        from newsclean.cli.explain import print_rules

        return print_rules(as_json=args.json)
    settings = _settings(args)
    config = _config(args, settings)
    if args.command == "explain":
        from newsclean.cli.explain import explain

        return explain(args.path, url=args.url, lang=args.lang, config=config, as_json=args.json)
    if args.command == "check":
        args.check, args.in_place = True, False
    return _clean(args, config, settings)


def _settings(args):
    """The configuration file's settings for the first path given (or this folder)."""
    from newsclean.cli.settings import SettingsError, load

    paths = [args.path] if args.command == "explain" else args.paths
    start = next((p for p in paths if p != STDIN), None) or "."
    try:
        return load(start)
    except SettingsError as e:
        raise UsageError(str(e)) from None


def _config(args, settings):
    """The core's Config: the configuration file's values, overridden by the options."""
    from newsclean.config import Config
    from newsclean.document import FIELD_ORDER

    codes = frozenset(c.strip() for item in args.disable for c in item.split(",") if c.strip())
    if codes:
        from newsclean.rules import ALWAYS_ON, RULES

        unknown = sorted(codes - RULES.keys())
        if unknown:
            raise UsageError(f"unknown rule code {', '.join(unknown)} (see `newsclean rules`)")
        fixed = sorted(codes & ALWAYS_ON)
        if fixed:
            raise UsageError(f"{', '.join(fixed)} cannot be switched off: the classifier's own verdict, not a rule "
                             "(--no-model leaves the learned classifier out)")
    return Config(disabled_rules=codes | settings.disable, use_model=settings.model and not args.no_model,
                  fields=settings.fields or FIELD_ORDER, extra_cues=settings.extra_cues)


def _write_back(args):
    from newsclean.cli.writeback import WriteBack

    if args.in_place and (args.check or args.diff):
        raise UsageError("--in-place writes files; --check and --diff write nothing: choose one")
    if args.in_place and args.output:
        raise UsageError("--in-place rewrites the inputs; -o writes elsewhere: choose one")
    if args.in_place and args.format in ("json", "jsonl"):
        raise UsageError(f"--in-place with --format {args.format} would turn pages into JSON files")
    if args.check and args.diff:
        return WriteBack.CHECK_DIFF
    if args.check:
        return WriteBack.CHECK
    if args.diff:
        return WriteBack.DIFF
    if args.in_place or args.output:
        return WriteBack.YES
    return WriteBack.STDOUT


def _clean(args, config, settings) -> int:
    from newsclean.cli.discover import RealPaths, Source, discover, matches, output_path
    from newsclean.cli.formats import SUFFIX
    from newsclean.cli.jobs import Settings, Task, default_jobs, run_all
    from newsclean.cli.report import Report, shown
    from newsclean.cli.writeback import WriteBack, current_umask

    wb = _write_back(args)
    if not args.paths:
        raise UsageError("no PATH given (use - to read stdin)")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (all cores) or more")
    if args.paths.count(STDIN) > 1:
        raise UsageError("- (stdin) given more than once")
    if args.in_place and STDIN in args.paths:
        raise UsageError("--in-place cannot rewrite stdin")
    if args.scheduler:
        _need_dask()
    out_dir = args.output
    if out_dir and os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise UsageError(f"-o {out_dir}: exists and is not a folder")
    globs = tuple(args.glob) or settings.include or DEFAULT_GLOBS
    sources, missing = discover(args.paths, globs, skip=(out_dir,) if out_dir else ())
    if missing:
        raise UsageError("; ".join(missing))
    if settings.exclude:
        sources = [s for s in sources if s.path == STDIN or not matches(s.rel, settings.exclude)]
    if out_dir and any(os.path.isdir(p) and os.path.realpath(p) == os.path.realpath(out_dir) for p in args.paths):
        raise UsageError(f"-o {out_dir} is an input folder: its files would be overwritten (use --in-place)")
    if wb is WriteBack.STDOUT and len(sources) > 1 and args.format in ("md", "text"):
        raise UsageError("several files and nowhere to put them: give -o DIR, --in-place, --check or --diff, "
                         "or --format jsonl to stream them to stdout")

    max_size = _max_size(args)
    report = Report(check=wb.checks, dry=wb.checks or wb.diffs, quiet=args.quiet)
    real_path = RealPaths()
    inputs = {real_path(s.path) for s in sources if s.path != STDIN}
    stdin_name = args.stdin_filename or STDIN
    tasks: list[Task] = []
    taken: dict[str, str] = {}
    folders: set[str] = set()
    for s in sources:
        display = stdin_name if s.path == STDIN else s.path
        data = _read_stdin(max_size) if s.path == STDIN else None
        if wb is WriteBack.STDOUT:
            target = None
        elif out_dir:
            rel = s.rel if s.path != STDIN else os.path.basename(args.stdin_filename or "stdin")
            target = output_path(Source(s.path, rel), out_dir, SUFFIX[args.format])
            real = real_path(target)
            if real in inputs:
                report.failure(display, f"its output {target} is an input file (use --in-place)")
                continue
            if real in taken:
                report.failure(display, f"its output {target} is also the output of {taken[real]}")
                continue
            taken[real] = display
            folders.add(os.path.dirname(target))
        else:
            target = s.path
        tasks.append(Task(len(tasks), s.path, display, target, data))
    if wb.writes:
        for folder in sorted(folders):
            if folder:
                try:
                    os.makedirs(folder, exist_ok=True)
                except OSError as e:
                    raise UsageError(f"cannot create {folder}: {e.strerror}") from None

    repeated = _repeated_lines(args, tasks, config, max_size)
    cache = None
    if (wb.writes or wb is WriteBack.CHECK) and not args.no_cache:
        from newsclean.cli.cache import Cache, cache_key

        cache = Cache(cache_key(config, args.format, args.url, args.lang, max_size, wb.value,
                                _digest(repeated)))
        todo = []
        for t in tasks:
            if t.data is None and cache.fresh(t.path, t.target):
                report.done(False, 0)  # unchanged since a run that left it clean
            else:
                todo.append(dataclasses.replace(t, index=len(todo)))
        tasks = todo
    by_index = {t.index: t for t in tasks}
    settings = Settings(fmt=args.format, write_back=wb, url=args.url, lang=args.lang, config=config,
                        umask=current_umask(), max_size=max_size, repeated=repeated)
    if args.scheduler:
        results = _on_cluster(tasks, settings, args.scheduler)
    else:
        results = run_all(tasks, settings, args.jobs or default_jobs())
    show_summary = not (wb is WriteBack.STDOUT and len(tasks) <= 1)
    array = wb is WriteBack.STDOUT and args.format == "json" and len(tasks) > 1
    progress = _progress(len(tasks)) if not args.quiet and len(tasks) > 1 and sys.stderr.isatty() else None
    out = sys.stdout
    first = True
    try:
        for res in results:
            if progress is not None:
                progress.advance()
            for warning in res.warnings:
                report.warning(res.display, warning)
            if res.error:
                report.failure(res.display, res.error)
                continue
            report.done(res.changed, sum(res.dropped.values()))
            if cache is not None and (wb.writes or not res.changed):
                task = by_index[res.index]
                cache.record(task.path, task.target)
            if res.output is not None:
                if array:
                    out.write(("[\n" if first else ",\n") + res.output.rstrip("\n"))
                    first = False
                else:
                    out.write(res.output)
                out.flush()
            if res.diff:
                out.write(res.diff)
                out.flush()
            if wb.checks and res.changed:
                print(f"would clean {shown(res.display)}: {_why(res)}", file=sys.stderr, flush=True)
        if array:
            out.write("[]\n" if first else "\n]\n")
            out.flush()
    finally:
        if progress is not None:
            progress.stop()
        results.close()
        if cache is not None:
            cache.save()
    if show_summary:
        report.summary()
    return report.return_code


def _repeated_lines(args, tasks, config, max_size: int) -> frozenset[int]:
    """The keys of lines recurring across the batch (``newsclean.repeat``), counted when a
    folder was given: files named one by one (pre-commit's way) are each cleaned on their
    own, so their result never depends on which others were named."""
    from newsclean.cli.jobs import count_lines, default_jobs, preload
    from newsclean.thresholds import REPEAT_MIN_BATCH

    if (args.no_corpus or "NC-REPEAT" in config.disabled_rules or len(tasks) < REPEAT_MIN_BATCH
            or not any(p != STDIN and os.path.isdir(p) for p in args.paths)):
        return frozenset()
    folder_tasks = [t for t in tasks if t.data is None]
    local = not args.scheduler  # a cluster's workers load the core themselves
    return count_lines(folder_tasks, max_size, args.jobs or default_jobs(),
                       while_waiting=(lambda: preload(config)) if local else None).repeated()


def _digest(keys: frozenset[int]) -> str:
    """A short name for a set of line keys (the cache depends on it)."""
    import hashlib

    return hashlib.blake2b(repr(sorted(keys)).encode("ascii"), digest_size=8).hexdigest() if keys else ""


def _need_dask() -> None:
    """--scheduler without Dask installed: a usage error, before anything is read."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None or importlib.util.find_spec("dask") is None:
        raise UsageError("--scheduler needs Dask: pip install 'newsclean[dask]'")


def _on_cluster(tasks, settings, address):
    """The tasks' Results from the Dask cluster at ``address`` (newsclean.dask), in order.
    Connects at once: a cluster that cannot be reached or used is a one-line error (exit
    2) before anything is done. Stdin's bytes travel inside their Task; files are read and
    written by the workers."""
    try:
        from newsclean.dask import ClusterError, clean_folder_on_cluster

        results = clean_folder_on_cluster(tasks, settings, address)
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'newsclean[dask]'") from None
    except ClusterError as e:
        raise UsageError(str(e)) from None

    def stream():
        try:
            yield from results
        except ClusterError as e:  # a chunk lost on the way
            raise UsageError(str(e)) from None
        finally:
            results.close()

    return stream()


def _read_stdin(limit: int) -> bytes:
    """All of stdin, but never more than ``limit`` + 1 bytes (the page is then refused)."""
    return sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()


def _why(res) -> str:
    if res.missing:
        return f"{res.target} does not exist yet"
    n = sum(res.dropped.values())
    if not n:
        return "its Markdown would change"
    top = sorted(res.dropped.items(), key=lambda kv: (-kv[1], kv[0]))
    codes = ", ".join(f"{code} {count}" for code, count in top)
    return f"{n} line{'s' if n != 1 else ''} would be dropped ({codes})"


class _progress:
    """A rich progress bar on stderr; rich is only imported when one is shown."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("clean", total=total)
        self._bar.start()

    def advance(self) -> None:
        self._bar.advance(self._task)

    def stop(self) -> None:
        self._bar.stop()
