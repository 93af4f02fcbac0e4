"""The batch cache: unchanged files are not cleaned again; any change, or --no-cache, is."""
import os
import subprocess
import sys
import time
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")
SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "synthetic-en-blocks.txt").read_text(encoding="utf-8")


def newsclean(*args, cwd):
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-m", "newsclean", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_second_run_skips_unchanged_files(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(40):
        (tmp_path / "in" / f"p{i:03d}.txt").write_text(SAMPLE + f"\nPage {i}.\n", encoding="utf-8")
    assert newsclean("clean", "in", "-o", "out", "-j", "1", cwd=tmp_path).returncode == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()}
    cache_files = [n for n in os.listdir(os.environ["NEWSCLEAN_CACHE_DIR"]) if n.endswith(".json")]
    assert len(cache_files) == 1

    time.sleep(0.01)
    changed = SAMPLE.replace("voted 9 to 2", "voted 8 to 3")
    assert changed != SAMPLE
    (tmp_path / "in" / "p005.txt").write_text(changed, encoding="utf-8")
    (tmp_path / "out" / "p007.md").unlink()
    proc = newsclean("clean", "in", "-o", "out", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()}
    redone = {name for name in after if after[name] != stamps.get(name)}
    assert redone == {"p005.md", "p007.md"}

    proc = newsclean("clean", "in", "-o", "out", "-j", "1", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0 and "40 files cleaned" in proc.stderr


def test_check_uses_the_cache_and_still_sees_changes(tmp_path):
    page = tmp_path / "page.md"
    assert newsclean("clean", "-", cwd=tmp_path).returncode == 0  # warm nothing: stdin never cached
    page.write_text(newsclean("clean", "-", cwd=tmp_path).stdout or "x\n", encoding="utf-8")
    raw = tmp_path / "raw.txt"
    raw.write_text(SAMPLE, encoding="utf-8")
    first = newsclean("check", "raw.txt", cwd=tmp_path)
    assert first.returncode == 1  # a raw page is not clean: never recorded as clean
    assert newsclean("check", "raw.txt", cwd=tmp_path).returncode == 1
    assert newsclean("clean", "--in-place", "raw.txt", cwd=tmp_path).returncode == 0
    assert newsclean("check", "raw.txt", cwd=tmp_path).returncode == 0
    raw.write_text(SAMPLE, encoding="utf-8")  # the raw page again: the cache must not hide it
    assert newsclean("check", "raw.txt", cwd=tmp_path).returncode == 1


def test_saving_forgets_files_that_no_longer_exist(tmp_path, monkeypatch):
    from newsclean.cli.cache import Cache

    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("kept.txt", "kept.md", "gone.txt", "gone.md", "other.txt", "other.md"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    first = Cache("k")
    for stem in ("kept", "gone", "other"):
        first.record(str(tmp_path / f"{stem}.txt"), str(tmp_path / f"{stem}.md"))
    first.save()
    (tmp_path / "gone.txt").unlink()  # a folder cleaned once, then deleted

    second = Cache("k")
    assert len(second.entries) == 3
    assert second.fresh(str(tmp_path / "kept.txt"), str(tmp_path / "kept.md"))
    (tmp_path / "new.txt").write_text("new", encoding="utf-8")
    (tmp_path / "new.md").write_text("new", encoding="utf-8")
    second.record(str(tmp_path / "new.txt"), str(tmp_path / "new.md"))
    second.save()
    third = Cache("k")
    assert sorted(os.path.basename(p) for p in third.entries) == ["kept.txt", "new.txt", "other.txt"]
    assert third.fresh(str(tmp_path / "other.txt"), str(tmp_path / "other.md"))  # not in the run, still there


def test_saving_keeps_the_folder_to_the_most_recently_used_cache_files(tmp_path, monkeypatch):
    from newsclean.cli import cache as batch

    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(folder))
    old = [folder / f"{i:024x}.json" for i in range(batch.KEEP_FILES + 8)]
    for age, path in enumerate(old):  # old[0] the most recently used
        path.write_text("{}", encoding="utf-8")
        os.utime(path, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    others = [folder / "start-cpython-311-30b07f0-20220615-4.marshal", folder / "notes.json"]
    for path in others:
        path.write_text("x", encoding="utf-8")
        os.utime(path, ns=(1, 1))  # older than every cache file: still not the batch cache's to delete
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    run = batch.Cache(batch.cache_key("settings"))
    run.record(str(tmp_path / "a.txt"), str(tmp_path / "a.md"))
    run.save()
    left = sorted(p.name for p in folder.iterdir())
    expected = sorted([os.path.basename(run.path)] + [p.name for p in old[:batch.KEEP_FILES - 1]]
                      + [p.name for p in others])
    assert left == expected


def test_a_cache_used_without_change_counts_as_recently_used(tmp_path, monkeypatch):
    from newsclean.cli import cache as batch

    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    first = batch.Cache("0" * 24)
    first.record(str(tmp_path / "a.txt"), str(tmp_path / "a.md"))
    first.save()
    os.utime(first.path, ns=(1, 1))
    second = batch.Cache("0" * 24)
    assert second.fresh(str(tmp_path / "a.txt"), str(tmp_path / "a.md")) and not second.dirty
    second.save()
    assert os.stat(first.path).st_mtime_ns > 1

