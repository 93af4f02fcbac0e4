"""newsclean beyond one machine: cleaning on a Dask cluster.

Two ways in:

* ``clean_bag(paths_or_bag)`` -> a Dask bag of ``(path, Document)`` (or, with
  ``records=True``, of plain JSON-ready dicts) for pipelines built on Dask;
* ``clean_folder_on_cluster(tasks, settings, address)`` -> the command line's
  ``--scheduler ADDRESS``: the same ``cli.jobs.Task`` list the local process pool gets,
  run on the cluster's workers by the same ``cli.jobs.clean_one``, so the output files
  are byte for byte those of a local run. Workers read the inputs and write the outputs
  themselves: they must see the same paths (a shared filesystem), which is why paths are
  made absolute before they are sent.

This module is called ``newsclean.dask``; it imports the ``dask`` package absolutely and
only inside functions, so ``import newsclean`` never needs Dask and the name never
shadows the real package.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterator, Sequence

#: upper bound on files per cluster task: large enough to amortise scheduling
#: (a few ms a task), small enough to balance load and stream results back
MAX_CHUNK = 64


# ------------------------------------------------------------------------------- bag API

def _read(path: str) -> tuple[str, str]:
    from newsclean.decode import decode

    with open(path, "rb") as f:
        return path, decode(f.read())


def _clean_item(item: tuple[str, str], url: str | None, lang: str | None, config) -> tuple[str, object]:
    from newsclean.decode import looks_like_html

    path, text = item
    if looks_like_html(text):
        from newsclean.html import clean_html

        return path, clean_html(text, url=url, lang=lang, config=config)
    from newsclean.pipeline import clean

    return path, clean(text, url=url, lang=lang, config=config)


def _record(item: tuple[str, object]) -> dict:
    path, doc = item
    return {"path": path, "metadata": doc.metadata.as_dict(), "markdown": doc.markdown,
            "dropped": doc.dropped()}


def read_pages(paths: Sequence[str], npartitions: int | None = None):
    """A bag of ``(path, text)``: each file read and decoded on the worker that cleans it."""
    import dask.bag as db

    paths = list(paths)
    n = npartitions or max(1, min(len(paths), (len(paths) + MAX_CHUNK - 1) // MAX_CHUNK * 2 or 1))
    return db.from_sequence(paths, npartitions=n).map(_read)


def clean_bag(source, *, url: str | None = None, lang: str | None = None, config=None,
              records: bool = False, npartitions: int | None = None):
    """Clean many pages on Dask.

    ``source`` is a list of file paths (read on the workers) or a ``dask.bag.Bag`` of
    ``(path, text)`` pairs. Returns a bag of ``(path, Document)``, or with
    ``records=True`` a bag of dicts ``{path, metadata, markdown, dropped}`` (small,
    plain values: what to ``.to_textfiles()`` or gather from a large run).
    """
    import dask.bag as db

    bag = source if isinstance(source, db.Bag) else read_pages(source, npartitions)
    out = bag.map(_clean_item, url, lang, config)
    return out.map(_record) if records else out


# --------------------------------------------------------------------------- CLI backend

def _run_chunk(tasks: list, settings) -> list:
    """On a worker: clean a chunk of files exactly as a local pool worker would."""
    from newsclean.cli import jobs

    jobs.init(settings)
    return [jobs.clean_one(t) for t in tasks]


def _absolute(task):
    """The task with paths a worker (whose working folder may differ) can open."""
    path = task.path if task.data is not None else os.path.abspath(task.path)
    target = os.path.abspath(task.target) if task.target else task.target
    return replace(task, path=path, target=target)


def _chunks(items: list, workers: int) -> Iterator[list]:
    size = max(1, min(MAX_CHUNK, len(items) // max(1, workers * 4)))
    for i in range(0, len(items), size):
        yield items[i:i + size]


#: how long to wait for the scheduler before giving up (Dask's own default is 30 s)
CONNECT_TIMEOUT = "10s"


class ClusterError(ConnectionError):
    """The cluster cannot do the job: a bad or unreachable address, workers without
    newsclean or with another version of it, or a chunk of files lost on the way."""


def _client(address, timeout):
    """A ``distributed.Client`` for a scheduler address (``tcp://host:8786``, ``host:8786``)
    or a scheduler file (``dask scheduler --scheduler-file F``)."""
    from distributed import Client
    from distributed.comm.addressing import parse_address
    from distributed.comm.registry import get_backend

    address = str(address)
    if os.path.isfile(address):
        kwargs = {"scheduler_file": address}
    else:
        try:  # checked here: a Client built on a malformed address complains again at exit
            scheme, loc = parse_address(address)
            get_backend(scheme)
            if scheme in ("tcp", "tls", "ws", "wss"):
                from distributed.comm.addressing import parse_host_port

                parse_host_port(loc)
        except (ValueError, TypeError) as e:
            raise ClusterError(f"{address!r} is not a Dask scheduler address (like tcp://host:8786): {e}") from None
        kwargs = {"address": address}
    try:
        return Client(**kwargs, set_as_default=False, timeout=timeout or CONNECT_TIMEOUT)
    except OSError as e:  # TimeoutError, refused connections, unknown hosts
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from None


def check_versions(client) -> None:
    """ClusterError unless every worker has this newsclean version: a worker with another
    one would write other output (or fail to load the tasks)."""
    from newsclean import __version__

    try:
        versions = client.get_versions(packages=["newsclean"])
    except Exception:  # noqa: BLE001 - an old scheduler: the tasks themselves will tell
        return
    bad = sorted({(w, (info or {}).get("packages", {}).get("newsclean"))
                  for w, info in (versions.get("workers") or {}).items()
                  if (info or {}).get("packages", {}).get("newsclean") != __version__}, key=str)
    if bad:
        worker, found = bad[0]
        has = f"newsclean {found}" if found else "no newsclean"
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise ClusterError(f"Dask worker {worker}{more} has {has}, this is newsclean {__version__}: "
                           f"install the same version on every worker")


def clean_folder_on_cluster(tasks: Sequence, settings, address, *, timeout: str | None = None) -> Iterator:
    """A ``cli.jobs.Result`` per task, in task order, computed on the Dask cluster at
    ``address`` (``tcp://host:8786``, a scheduler file, or a ``distributed.Client``).

    What is written, checked or diffed is decided by ``settings`` exactly as for
    ``cli.jobs.run_all``; results carry the caller's own path spellings back. Connects,
    checks the workers' newsclean version and submits at once (so a wrong address or a
    wrong worker fails here, as ``ClusterError``, a ``ConnectionError``, and a missing Dask
    as ``ImportError``); the results stream from the returned generator, which raises
    ``ClusterError`` if the cluster loses a chunk of files.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ImportError("--scheduler needs Dask: pip install 'newsclean[dask]'") from None

    tasks = list(tasks)
    own = not isinstance(address, Client)
    client = _client(address, timeout) if own else address
    try:
        if own and not client.nthreads():
            try:
                client.wait_for_workers(1, timeout=timeout or CONNECT_TIMEOUT)
            except TimeoutError:
                raise ClusterError(f"the Dask scheduler at {address} has no workers (start some with "
                                   f"`dask worker {address}`)") from None
        check_versions(client)
        workers = max(1, sum(client.nthreads().values()))
        futures = [client.submit(_run_chunk, [_absolute(t) for t in chunk], settings, pure=False)
                   for chunk in _chunks(tasks, workers)]
    except BaseException:
        if own:
            client.close()
        raise
    return _gather(client if own else None, futures, {t.index: t for t in tasks})


def _gather(client, futures: list, originals: dict) -> Iterator:
    pending = list(futures)
    try:
        while pending:
            fut = pending[0]
            try:
                chunk = fut.result()
            except Exception as e:  # noqa: BLE001 - per-file failures are Results; this is the cluster's
                raise ClusterError(f"the Dask cluster lost a chunk of files: {type(e).__name__}: {e}") from e
            pending.pop(0)
            fut.release()
            for res in chunk:
                res.target = originals[res.index].target  # the caller's spelling, for its messages
                yield res
    finally:
        for fut in pending:  # stopped early (an error, | head): the rest is not wanted
            fut.cancel()
        if client is not None:
            client.close()


def clean_folder(folder: str, out_dir: str, address, *, settings=None, globs: tuple[str, ...] | None = None,
                 fmt: str = "md") -> list:
    """Clean a folder into ``out_dir/<path below folder>.md`` on the cluster: what
    ``newsclean clean FOLDER -o OUT_DIR --scheduler ADDRESS`` does. Returns the Results."""
    from newsclean.cli.discover import DEFAULT_GLOBS, discover, output_path
    from newsclean.cli.formats import SUFFIX
    from newsclean.cli.jobs import Settings, Task
    from newsclean.cli.writeback import WriteBack, current_umask

    sources, missing = discover([folder], globs or DEFAULT_GLOBS, skip=(out_dir,))
    if missing:
        raise FileNotFoundError("; ".join(missing))
    settings = settings or Settings(fmt=fmt, write_back=WriteBack.YES, umask=current_umask())
    tasks = []
    for s in sources:
        target = output_path(s, out_dir, SUFFIX[settings.fmt])
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        tasks.append(Task(len(tasks), s.path, s.path, target))
    return list(clean_folder_on_cluster(tasks, settings, address))
