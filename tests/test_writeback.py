"""writeback: atomic writes that keep permissions, diffs, and the write-back modes."""
import os
import stat

from newsclean.cli.report import Report
from newsclean.cli.writeback import WriteBack, atomic_write, file_mode, read_bytes, unified_diff


def test_atomic_write_creates_and_replaces_without_leftovers(tmp_path):
    target = tmp_path / "page.md"
    atomic_write(str(target), "一\n".encode(), 0o644)
    assert target.read_text(encoding="utf-8") == "一\n"
    atomic_write(str(target), b"two\n", 0o644)
    assert target.read_bytes() == b"two\n"
    assert os.listdir(tmp_path) == ["page.md"]  # no temporary file left behind
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_atomic_write_gives_exactly_the_mode_whatever_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        for mode, umask in ((0o644, 0o027), (0o640, 0o027), (0o755, None), (0o600, 0o027)):
            target = tmp_path / f"page-{mode:o}.md"
            atomic_write(str(target), b"x\n", mode, umask)
            assert stat.S_IMODE(os.stat(target).st_mode) == mode  # 0o644 needs the chmod: umask 027
    finally:
        os.umask(old)


def test_atomic_write_steps_past_a_dead_process_s_leftover(tmp_path, monkeypatch):
    import itertools

    from newsclean.cli import writeback

    monkeypatch.setattr(writeback, "_TMP_COUNT", itertools.count())
    stale = tmp_path / f".page.md.{os.getpid()}.0.tmp"
    stale.write_bytes(b"half")
    atomic_write(str(tmp_path / "page.md"), b"whole\n", 0o644, 0o022)
    assert (tmp_path / "page.md").read_bytes() == b"whole\n"
    assert stale.read_bytes() == b"half"  # not ours to remove
    assert sorted(os.listdir(tmp_path)) == [stale.name, "page.md"]


def test_file_mode_keeps_existing_permissions(tmp_path):
    target = tmp_path / "page.txt"
    target.write_text("x")
    os.chmod(target, 0o640)
    assert file_mode(str(target), 0o022) == 0o640
    assert file_mode(str(tmp_path / "new.md"), 0o022) == 0o644
    assert file_mode(str(tmp_path / "new.md"), 0o077) == 0o600
    assert file_mode(str(target), 0o022, exists=False) == 0o644  # known missing: not asked again


def test_failed_write_leaves_the_target_alone(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_bytes(b"old\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    try:
        atomic_write(str(target), b"new\n", 0o644)
    except OSError:
        pass
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["page.md"]


def test_read_bytes_of_missing_target_is_none(tmp_path):
    assert read_bytes(str(tmp_path / "nope")) is None


def test_unified_diff():
    diff = unified_diff(b"a\nb\n", "a\nc\n", "x.md")
    assert diff.startswith("--- x.md\t(original)\n+++ x.md\t(cleaned)\n")
    assert "-b\n" in diff and "+c\n" in diff
    assert unified_diff(b"same\n", "same\n", "x.md") == ""
    assert unified_diff(None, "new\n", "x.md").startswith("--- /dev/null")
    assert "\\ No newline at end of file" in unified_diff(b"a", "b\n", "x.md")


def test_write_back_modes():
    assert WriteBack.YES.writes and not WriteBack.YES.checks
    assert WriteBack.CHECK.checks and not WriteBack.CHECK.writes and not WriteBack.CHECK.diffs
    assert WriteBack.CHECK_DIFF.checks and WriteBack.CHECK_DIFF.diffs
    assert not WriteBack.STDOUT.writes and not WriteBack.DIFF.writes


def test_report_codes_and_summary(capsys):
    r = Report()
    r.done(True, 5)
    r.done(False, 0)
    assert r.return_code == 0
    assert str(r) == "newsclean: 2 files cleaned, 1 changed, 5 lines dropped."
    r.failure("bad.bin", "not a text page")
    assert "error: cannot clean bad.bin: not a text page" in capsys.readouterr().err
    assert r.return_code == 123
    c = Report(check=True, dry=True)
    c.done(True, 3)
    assert c.return_code == 1
    assert "1 file would change" in str(c)


def test_the_summary_counts_the_files_with_warnings(capsys):
    r = Report()
    for _ in range(2):
        r.done(True, 2)
    r.warning("wall.txt", "the page is a wall")
    r.warning("wall.txt", "and a second note on the same file")
    r.warning("odd-bytes.txt", "bytes replaced")
    assert str(r) == "newsclean: 2 files cleaned, 2 changed, 4 lines dropped, 2 with warnings."
    assert capsys.readouterr().err.count("warning: ") == 3
    quiet = Report(quiet=True)
    quiet.done(True, 1)
    quiet.warning("wall.txt", "the page is a wall")
    assert capsys.readouterr().err == "" and "1 with warnings" in str(quiet)
