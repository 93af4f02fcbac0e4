"""The start-up cache: what a run stores is what a fresh process would build, and anything
unexpected (damaged file, unwritable folder, a program the engine rejects) only costs time."""
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsclean import cues, model, startcache

ROOT = Path(__file__).resolve().parents[1]
SRC = str(ROOT / "src")
PAGES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture(autouse=True)
def _fresh():
    startcache.unload()
    yield
    startcache.unload()


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A cache folder filled by real command-line runs (every sample page, and one HTML page)."""
    folder = tmp_path_factory.mktemp("start")
    env = dict(os.environ, PYTHONPATH=SRC, NEWSCLEAN_CACHE_DIR=str(folder))
    out = tmp_path_factory.mktemp("out")
    html = "<html><body><h1>A headline here</h1><p>One paragraph of text, long enough to keep.</p></body></html>"
    for args, stdin in ((["clean", *map(str, PAGES), "-o", str(out), "-j", "1", "--no-cache"], None),
                        (["clean", "-"], html)):
        proc = subprocess.run([sys.executable, "-m", "newsclean", *args], input=stdin, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    return folder


def test_runs_store_patterns_data_files_and_tries(stored):
    assert startcache.file_name() in os.listdir(stored)
    startcache.load(str(stored))
    kinds = [k[0] for k in startcache.keys()]
    assert kinds.count("re") > 100 and kinds.count("toml") >= 20 and kinds.count("trie") >= 10
    assert kinds.count("model") == 1


def test_every_stored_program_is_the_one_re_compile_builds(stored):
    startcache.load(str(stored))
    keys = [k for k in startcache.keys() if k[0] == "re"]
    for _, pattern, flags in keys:
        # CPython's patterns are equal only when pattern string, flags and program are equal
        assert startcache.compile(pattern, flags) == re.compile(pattern, flags), pattern[:80]


def test_stored_data_files_and_tries_are_what_a_fresh_build_gives(stored):
    startcache.load(str(stored))
    startcache.keys()
    for key, value in list(startcache._store.items()):
        if key[0] == "toml":
            with open(key[1], "rb") as f:
                assert value[1] == tomllib.load(f)
        elif key[0] == "trie":
            assert value == cues._trie(list(key[1]))
        elif key[0] == "model":  # the classifier's arrays: those of the file the key names, byte for byte
            assert value[1] == model._plain(model._arrays(key[1]))


def test_second_run_gives_the_same_output_and_rewrites_nothing(stored, tmp_path):
    env = dict(os.environ, PYTHONPATH=SRC, NEWSCLEAN_CACHE_DIR=str(stored))
    cache_file = stored / startcache.file_name()
    before = cache_file.stat().st_mtime_ns
    page = (ROOT / "samples" / "zh-news-blocks.txt").read_text(encoding="utf-8")
    runs = [subprocess.run([sys.executable, "-m", "newsclean", "clean", "-"], input=page, env=env,
                           capture_output=True, text=True, timeout=300) for _ in range(2)]
    no_cache = subprocess.run([sys.executable, "-m", "newsclean", "clean", "-"], input=page,
                              env=dict(env, NEWSCLEAN_CACHE_DIR=str(tmp_path / "empty")),
                              capture_output=True, text=True, timeout=300)
    assert runs[0].stdout == runs[1].stdout == no_cache.stdout != ""
    assert cache_file.stat().st_mtime_ns == before  # everything this run needed was there


def test_without_load_nothing_is_kept_or_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pattern = r"(?P<y>\d{4})-(?P<m>\d\d)"
    assert startcache.compile(pattern) is re.compile(pattern)  # re's own cache: plain re.compile
    calls = []
    assert startcache.memo(("x",), lambda: calls.append(1) or 5) == 5
    assert startcache.memo(("x",), lambda: calls.append(1) or 5) == 5
    assert calls == [1, 1] and not startcache.keys()
    startcache.save()
    assert list(tmp_path.iterdir()) == []


def test_programs_survive_the_file_and_keep_groups(tmp_path):
    startcache.load(str(tmp_path))
    pattern = r"(?P<day>\d{1,2})\.\s?(?P<month>[01]?\d)\.(?:19|20)\d\d"
    first = startcache.compile(pattern, re.I)
    startcache.save()
    startcache.unload()
    startcache.load(str(tmp_path))
    assert ("re", pattern, int(re.I)) in startcache.keys()
    again = startcache.compile(pattern, re.I)
    assert again == first == re.compile(pattern, re.I)
    assert again.groupindex == {"day": 1, "month": 2} and again.flags & re.I
    assert again.search("am 18.04.2023").group("month") == "04"


def test_a_damaged_file_is_ignored_and_replaced(tmp_path):
    (tmp_path / startcache.file_name()).write_bytes(b"\x00not marshal at all")
    startcache.load(str(tmp_path))
    assert startcache.compile(r"ab+c").fullmatch("abbc")
    startcache.save()
    startcache.unload()
    startcache.load(str(tmp_path))
    assert ("re", r"ab+c", 0) in startcache.keys()


def test_a_program_the_engine_rejects_falls_back_to_re(tmp_path):
    startcache.load(str(tmp_path))
    startcache.keys()
    key = ("re", r"x\d+y", 0)
    flags, code, groups, groupindex, indexgroup = startcache._program(r"x\d+y", 0)
    startcache._store[key] = (flags, b"\xff\xff\xff\x7f" * (len(code) // 4), groups, groupindex, indexgroup)
    compiled = startcache.compile(r"x\d+y")
    assert compiled == re.compile(r"x\d+y") and compiled.fullmatch("x12y")
    assert key not in startcache._store  # forgotten, so the next save drops it


def test_an_unwritable_folder_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    startcache.load(str(blocker / "cache"))  # a folder that can never exist
    assert startcache.compile(r"q(u+)x").fullmatch("quux").group(1) == "uu"
    startcache.save()  # no error
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_changed_data_file_is_read_again(tmp_path):
    data = tmp_path / "words.toml"
    data.write_text('words = ["a", "b"]\n', encoding="utf-8")
    startcache.load(str(tmp_path / "cache"))
    assert startcache.toml(str(data)) == {"words": ["a", "b"]}
    data.write_text('words = ["a", "b", "c"]\n', encoding="utf-8")
    os.utime(data, ns=(1, 1))  # a different time too, whatever the clock's resolution
    assert startcache.toml(str(data)) == {"words": ["a", "b", "c"]}


def test_a_reinstalled_data_file_replaces_its_entry(tmp_path):
    data = tmp_path / "words.toml"
    data.write_text('words = ["a"]\n', encoding="utf-8")
    for stamp in (1, 2, 3):
        os.utime(data, ns=(stamp, stamp))
        startcache.load(str(tmp_path / "cache"))
        assert startcache.toml(str(data)) == {"words": ["a"]}
        startcache.save()
        startcache.unload()
    startcache.load(str(tmp_path / "cache"))
    assert [k for k in startcache.keys() if k[0] == "toml"] == [("toml", str(data))]


def test_entries_no_saving_run_used_for_a_few_saves_are_dropped(tmp_path):
    def run(*keys):
        startcache.load(str(tmp_path))
        for key in keys:
            startcache.memo(key, lambda: 0)
        startcache.save()
        startcache.unload()

    def stored():
        startcache.load(str(tmp_path))
        keys = set(startcache.keys())
        startcache.unload()
        return keys

    run(("old",), ("kept",))
    for i in range(startcache.KEEP_GENERATIONS - 1):
        run(("kept",), ("new", i))
    assert ("old",) in stored()
    run(("kept",), ("newer",))
    assert stored() == {("kept",), ("newer",)} | {("new", i) for i in range(startcache.KEEP_GENERATIONS - 1)}


def test_the_file_is_read_only_when_something_is_looked_up(tmp_path, monkeypatch):
    startcache.load(str(tmp_path))
    startcache.memo(("k",), lambda: 1)
    startcache.save()
    startcache.unload()
    reads = []
    real_read = startcache._read
    monkeypatch.setattr(startcache, "_read", lambda: reads.append(1) or real_read())
    startcache.load(str(tmp_path))
    startcache.save()  # a run that never looked anything up (--help, rules) reads nothing
    assert reads == []
    assert startcache.memo(("k",), lambda: 2) == 1 and startcache.memo(("j",), lambda: 3) == 3
    assert reads == [1]


def test_a_spawned_worker_reads_the_start_up_cache(tmp_path, monkeypatch):
    """Where workers are spawned (macOS, Windows) rather than forked, each starts with nothing
    loaded: ``jobs.init``, which every worker runs first, points it at the stored work too."""
    import multiprocessing

    from newsclean.cli.jobs import Settings, init

    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", SRC)  # (the spawned worker's too)
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", "-"], input="A line.\n\nAnother line.\n",
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0
    with multiprocessing.get_context("spawn").Pool(1, initializer=init, initargs=(Settings(),)) as pool:
        stored = pool.apply(startcache.keys)
    assert any(k[0] == "re" for k in stored)
