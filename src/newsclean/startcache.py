"""What every new process derives from the package's data, kept from one run to the next.

Why: ``newsclean clean - < page`` spent more time getting ready than cleaning. About half
of its start-up went on compiling some 190 regular expressions (the cue tries, month names
in a dozen languages, the byline grammar), and another tenth on parsing the cue and label
files and building tries of their words. All of it is the same in every run. With
``load(folder)`` (the command line calls it before the core is imported), the results
are kept in one file next to the batch cache, and the next process reads them back:

- ``compile``: the regex engine's compiled program, handed straight to the engine
  (``_sre.compile``), skipping Python's parse and code generation;
- ``from_file``: a value derived from a data file (``toml``: its parsed content; the line
  model's arrays), while the file's size and time are unchanged;
- ``memo``: the value of a pure function of data (a trie of words, which first characters
  can start which cue pattern).

Why it is safe: a pattern built from a stored program is the one ``re.compile`` builds
(CPython's patterns compare equal only when pattern, flags and program are equal: the
tests check every pattern the core uses), and the engine validates a program before it
runs one. The file's name holds everything a program depends on: the interpreter's
version and the engine's ``MAGIC`` and ``CODESIZE``. Anything unexpected (another
interpreter, a damaged file, a folder that cannot be written) falls back to doing the
work, silently. Without ``load``, as in library use, nothing touches the disk.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from typing import Any, Callable

try:  # CPython 3.11+: the steps ``re.compile`` takes, so they can be split at the program
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

# the array type of one program word: programs are stored as bytes (marshal reads a list of
# 100,000 ints in 30 ms, the same as bytes in 2)
_WORD = next((t for t in "ILQ" if _sre and array(t).itemsize == _sre.CODESIZE), None)

FORMAT = 1  # of the file: (FORMAT, generation, {key: (generation last used, value)})
KEEP_GENERATIONS = 4  # an entry no saving run used in this many saves is dropped

_store: dict[Any, Any] = {}  # key -> value; keys are tuples whose first item names the kind
_last_used: dict[Any, int] = {}  # key -> the generation that last used it (from the file)
_used: set = set()  # keys this process used
_generation = 0  # of the file loaded
_path: str | None = None
_pending = False  # the file is still to be read
_changed = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the stored program when there is one."""
    if _path is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    if _pending:
        _read()
    key = ("re", pattern, int(flags))
    program = _store.get(key)
    if program is None:
        try:
            program = _program(pattern, key[2])
        except Exception:  # noqa: BLE001 - let re raise its own error, or compile what we could not split
            return re.compile(pattern, flags)
        _put(key, program)
    final_flags, code, groups, groupindex, indexgroup = program
    try:
        compiled = _sre.compile(pattern, final_flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - a program this engine rejects: forget it
        _forget(key)
        return re.compile(pattern, flags)
    _used.add(key)
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands the engine for ``pattern``: (flags as compiled,
    program as bytes of ``_WORD``, groups, group index, index group)."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def from_file(kind: str, path: str, build: Callable[[str], Any]) -> Any:
    """``build(path)``, a value derived from a data file (plain data, what ``marshal`` writes),
    made again only when the file's size or time changed: one entry a file and ``kind``, so a
    reinstall replaces it. A missing file raises ``OSError``."""
    if _path is None:
        return build(path)
    if _pending:
        _read()
    st = os.stat(path)
    key, stamp = (kind, os.path.abspath(path)), (st.st_size, st.st_mtime_ns)
    stored = _store.get(key)
    if stored is None or stored[0] != stamp:
        stored = (stamp, build(path))
        _put(key, stored)
    _used.add(key)
    return stored[1]


def toml(path: str) -> dict:
    """The parsed TOML file (``from_file``)."""
    return from_file("toml", path, _read_toml)


def _read_toml(path: str) -> dict:
    import tomllib  # not at import: its own patterns cost a warm start more than the rest of this module

    with open(path, "rb") as f:
        return tomllib.load(f)


def memo(key: tuple, build: Callable[[], Any]) -> Any:
    """``build()``, or its value stored under ``key`` by an earlier run. ``key`` must say
    everything the value depends on, and both must be plain data (what ``marshal`` writes)."""
    if _path is None:
        return build()
    if _pending:
        _read()
    try:
        value = _store[key]
    except KeyError:
        value = build()
        _put(key, value)
    _used.add(key)
    return value


def _put(key, value) -> None:
    global _changed
    _store[key] = value
    _changed = True


def _forget(key) -> None:
    global _changed
    _store.pop(key, None)
    _changed = True


def file_name() -> str | None:
    """The cache file's name for this interpreter and regex engine (None: no cache here)."""
    if _WORD is None or sys.implementation.name != "cpython":
        return None
    return f"start-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def load(folder: str) -> None:
    """Keep start-up work in ``folder``: use what is there (read at the first use, so runs
    that never load the core, such as ``--help``, do not read it), and ``save`` what is new."""
    global _path, _pending
    name = file_name()
    if name is None:
        return
    path = os.path.join(folder, name)
    if path == _path:
        return  # loaded already (a forked worker inherits its parent's store)
    _path = path
    _pending = True


def _read() -> None:
    """The stored entries, into ``_store`` (once, at the first lookup after ``load``)."""
    global _pending, _generation
    _pending = False
    try:
        with open(_path, "rb") as f:  # (marshal.load(f) reads in small pieces: four times slower)
            version, generation, entries = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if version != FORMAT or not isinstance(entries, dict):
        return
    _generation = generation
    for key, (last_used, value) in entries.items():
        if key not in _store:
            _store[key], _last_used[key] = value, last_used


def save() -> None:
    """Write the store back when this process added to it (atomically; errors ignored:
    the cache only saves time). Each save is a generation: what this process used is marked
    with it, and what no saving process used in ``KEEP_GENERATIONS`` is dropped (the
    programs of patterns that changed, tries of words that changed)."""
    global _changed
    if _path is None or not _changed:
        return
    generation = _generation + 1
    entries = {}
    for key, value in _store.items():
        last_used = generation if key in _used else _last_used.get(key, generation)
        if generation - last_used < KEEP_GENERATIONS:
            entries[key] = (last_used, value)
    tmp = f"{_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump((FORMAT, generation, entries), f)
        os.replace(tmp, _path)
        _changed = False
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        try:
            os.unlink(tmp)
        except OSError:
            pass


def keys() -> list:
    """The keys of everything stored (for tests and a look at the cache)."""
    if _pending:
        _read()
    return list(_store)


def unload() -> None:
    """Back to doing all the work in-process (tests)."""
    global _path, _changed, _generation, _pending
    _path, _changed, _generation, _pending = None, False, 0, False
    _store.clear()
    _used.clear()
    _last_used.clear()
