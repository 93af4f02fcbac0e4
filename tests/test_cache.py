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
