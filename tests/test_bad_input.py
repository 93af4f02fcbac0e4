"""Bad input: every file gets a one-line error naming it, or a sensible result; never a
traceback, never a lost or half-written file. Run through the real command line where
it matters (one subprocess for a whole folder of bad files, to stay fast)."""
import gzip
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import jobs, runner
from newsclean.decode import decode_report

sys.path.insert(0, str(Path(__file__).parent))
from test_cli import ARTICLE, PAGE, env, nc  # noqa: E402

MD_PAGE = None


def no_traceback(r):
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Error:" not in err.replace("error:", ""), err
    return err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


@pytest.fixture
def bad_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\t\n\r\n   ")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (d / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (d / "page.txt").write_bytes(gzip.compress(PAGE.encode()))
    (d / "nul.txt").write_bytes(b"abc\x00\x01\x02\x03" * 50)
    (d / "good.txt").write_text(PAGE, encoding="utf-8")
    (d / "with space.txt").write_text(PAGE, encoding="utf-8")
    (d / "line\nbreak.txt").write_text(PAGE, encoding="utf-8")
    # a 9 MB sparse file (over the 8 MB default limit): refused unread, so instant
    with open(d / "huge.txt", "wb") as f:
        f.truncate(9 * 1024 * 1024)
    return d


def test_a_folder_of_bad_files(bad_folder, tmp_path):
    out = tmp_path / "out"
    r = nc("clean", str(bad_folder), "-o", str(out), "-j", "2")
    err = no_traceback(r)
    assert r.returncode == 123
    errors = error_lines(err)
    assert len(errors) == 5, err  # one line each, nothing else
    reasons = {Path(line.removeprefix("error: cannot clean ").split(": ")[0]).name: line for line in errors}
    assert "PNG" in reasons["image.txt"] and "PDF" in reasons["doc.txt"] and "gzip" in reasons["page.txt"]
    assert "NUL" in reasons["nul.txt"]
    assert "9 MB, over the 8 MB size limit" in reasons["huge.txt"]
    assert "5 files failed" in err
    written = sorted(p.name for p in out.iterdir())
    assert written == ["blank.md", "empty.md", "good.md", "line\nbreak.md", "with space.md"]
    assert ARTICLE in (out / "with space.md").read_text(encoding="utf-8")
    assert (out / "empty.md").read_bytes() == b"" and (out / "blank.md").read_bytes() == b""


def test_newline_and_non_utf8_names_stay_on_one_line(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    bad = os.fsencode(str(d)) + b"/caf\xe9\nx.txt"
    with open(bad, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\nxxxx")
    with open(os.fsencode(str(d)) + b"/na\xefve.txt", "wb") as f:
        f.write(PAGE.encode())
    r = nc("clean", str(d), "--format", "jsonl", "-q")
    err = no_traceback(r)
    assert r.returncode == 123
    assert err.count("\n") == 1 and "caf\\xe9\\nx.txt" in err and "PNG" in err
    import json

    (row,) = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert row["path"].endswith("na\\xefve.txt") and ARTICLE in row["text"]


def test_200_mb_file_is_refused_fast_and_unread(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: takes no disk and no time
    r = nc("clean", str(big), "--in-place")
    err = no_traceback(r)
    assert r.returncode == 123 and "big.txt: 200 MB, over the 8 MB size limit (--max-size)" in err
    assert big.stat().st_size == 200 * 1024 * 1024


def test_big_stdin_is_refused_without_reading_it_all():
    r = nc("clean", "-", "--max-size", "100k", "--stdin-filename", "feed.txt", stdin=b"word " * 100_000)
    err = no_traceback(r)
    assert r.returncode == 123 and "feed.txt: more than the 100 kB size limit (--max-size)" in err


def test_10_mb_single_line(tmp_path):
    line = tmp_path / "line.txt"
    line.write_bytes(b"word " * (2 * 1024 * 1024))  # 10 MB, one line
    r = nc("clean", str(line))
    assert r.returncode == 123 and "10 MB, over the 8 MB size limit" in no_traceback(r)
    # under a lower limit set by the environment, the same message names that limit
    r = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(line)], capture_output=True,
                       env={**env(), "NEWSCLEAN_MAX_SIZE": "1M"}, timeout=60)
    assert r.returncode == 123 and "over the 1 MB size limit" in no_traceback(r)


def test_long_plain_text_under_the_size_limit_is_refused_by_the_text_limit(tmp_path):
    page = tmp_path / "long.txt"
    page.write_bytes(b"Short line number here.\n" * 20_000)  # 480 kB of lines
    r = nc("clean", str(page), "--max-size", "600k")
    assert r.returncode == 123 and "480,000 characters of plain text, over the 153,600" in no_traceback(r)


def test_mixed_encodings_decode_per_line_with_a_warning(tmp_path):
    raw = ("Grüße aus Köln: die Stadt hat am Dienstag einen Plan zum Umbau des alten Hafens beschlossen.\n\n"
           .encode("utf-8") + "Café crème à la française, déjà vu.\n".encode("cp1252"))
    text, warning = decode_report(raw)
    assert "Grüße" in text and "Café crème" in text and "\ufffd" not in text
    assert warning and "cp1252" in warning
    f = tmp_path / "mixed.txt"
    f.write_bytes(raw)
    r = nc("clean", str(f))
    err = no_traceback(r)
    assert r.returncode == 0 and "Café crème" in r.stdout.decode()
    assert err.startswith("warning: ") and str(f) in err and err.count("\n") == 1


def test_undecodable_bytes_are_replaced_but_never_rewritten_in_place(tmp_path):
    raw = "Grüße aus Köln, die Stadt am Rhein.\n".encode() + b"broken \xff\xfe bytes\n"
    f = tmp_path / "broken.txt"
    f.write_bytes(raw)
    r = nc("clean", str(f))
    assert r.returncode == 0 and "\ufffd" in r.stdout.decode() and "U+FFFD" in no_traceback(r)
    r = nc("clean", "--in-place", str(f))
    assert r.returncode == 123 and "not rewritten in place" in no_traceback(r)
    assert f.read_bytes() == raw


def test_invalid_utf16_after_bom_is_an_error(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(b"\xff\xfeh\x00i\x00\x00\xd8")  # BOM, then a lone surrogate
    r = nc("clean", str(f))
    assert r.returncode == 123 and "u16.txt" in no_traceback(r)


def test_already_clean_markdown_is_unchanged(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert nc("clean", "--in-place", "-q", str(f)).returncode == 0
    once = f.read_bytes()
    os.utime(f, (1_000_000_000, 1_000_000_000))
    r = nc("clean", "--in-place", str(f))
    assert r.returncode == 0 and "0 changed" in r.stderr.decode()
    assert f.read_bytes() == once and f.stat().st_mtime == 1_000_000_000


def test_html_with_txt_suffix(tmp_path):
    html = ("<html><head><title>Harbour plan</title></head><body><nav><a href='/'>Home</a></nav><article>"
            + "".join(f"<p>{p}</p>" for p in PAGE.split("\n\n")[3:6]) + "</article></body></html>")
    f = tmp_path / "page.txt"
    f.write_text(html, encoding="utf-8")
    r = nc("clean", str(f), "--format", "text")
    assert r.returncode == 0 and ARTICLE in r.stdout.decode() and "<" not in r.stdout.decode()


def test_output_equal_to_input_and_output_inside_input(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    md = d / "a.md"
    md.write_text(PAGE, encoding="utf-8")
    r = nc("clean", str(md), "-o", str(d))
    assert r.returncode == 123 and "is an input file" in no_traceback(r)
    assert md.read_text(encoding="utf-8") == PAGE
    r = nc("clean", str(d), "-o", str(d))
    assert r.returncode == 2 and "--in-place" in no_traceback(r)
    out = d / "out"
    for _ in range(2):  # the second run must not clean its own output
        r = nc("clean", str(d), "-o", str(out), "-q")
        assert r.returncode == 0, r.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.md"]
    assert md.read_text(encoding="utf-8") == PAGE


def test_symlink_loops(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "page.txt").write_text(PAGE, encoding="utf-8")
    os.symlink("..", d / "sub" / "up")  # a folder loop
    os.symlink("self.txt", d / "self.txt")  # a file link to itself
    os.symlink("b.txt", d / "a.txt")
    os.symlink("a.txt", d / "b.txt")
    r = nc("clean", str(d), "--format", "jsonl", "-q")
    assert r.returncode == 0, no_traceback(r)
    assert len(r.stdout.decode().splitlines()) == 1
    r = nc("clean", str(d / "self.txt"))
    assert r.returncode == 2 and "self.txt" in no_traceback(r)


def test_file_vanishing_or_turning_into_a_folder_mid_run(tmp_path, monkeypatch, capsys):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (d / name).write_text(PAGE, encoding="utf-8")
    real = jobs.clean_one

    def meddle(task):
        if task.path.endswith("a.txt"):
            os.unlink(task.path)
        elif task.path.endswith("b.txt"):
            os.unlink(task.path)
            os.mkdir(task.path)
        return real(task)

    monkeypatch.setattr(jobs, "clean_one", meddle)
    out = tmp_path / "out"
    code = runner.run(["clean", str(d), "-o", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 123
    assert f"error: cannot clean {d / 'a.txt'}: no such file (did it vanish?)" in err
    assert f"error: cannot clean {d / 'b.txt'}: Is a directory" in err
    assert sorted(p.name for p in out.iterdir()) == ["c.md"]


def test_failed_in_place_write_keeps_the_original(tmp_path, monkeypatch, capsys):
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    os.chmod(f, 0o604)

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code = runner.run(["clean", "--in-place", str(f), "-j", "1"])
    assert code == 123
    assert f"cannot clean {f}: cannot write {f}: No space left on device" in capsys.readouterr().err
    assert f.read_text(encoding="utf-8") == PAGE and stat.S_IMODE(f.stat().st_mode) == 0o604
    assert os.listdir(tmp_path) == ["page.txt"]


def test_size_parsing():
    assert runner.parse_size("8M") == 8 << 20 and runner.parse_size("500k") == 500 << 10
    assert runner.parse_size("0") == 0 and runner.parse_size("1.5MiB") == 3 << 19
    with pytest.raises(ValueError):
        runner.parse_size("lots")
    assert jobs.size_text(200 << 20) == "200 MB" and jobs.size_text(int(2.5 * (1 << 20))) == "2.5 MB"


def test_read_limited_reads_whole_files_up_to_the_limit(tmp_path, monkeypatch):
    TooBig, read_limited = jobs.TooBig, jobs.read_limited
    page = tmp_path / "page.txt"
    page.write_bytes(b"x" * 100)
    assert read_limited(str(page), 100) == b"x" * 100  # exactly the limit
    assert read_limited(str(page), 0) == b"x" * 100  # no limit
    with pytest.raises(TooBig) as e:
        read_limited(str(page), 99)
    assert e.value.size == 100 and not e.value.at_least

    real_fstat = os.fstat  # a file that grows between the fstat and the read

    def stale_fstat(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 40, *st[7:]))

    monkeypatch.setattr(jobs.os, "fstat", stale_fstat)
    assert read_limited(str(page), 0) == b"x" * 100
    assert read_limited(str(page), 100) == b"x" * 100
    with pytest.raises(TooBig) as e:
        read_limited(str(page), 60)
    assert e.value.at_least


def test_read_limited_on_a_pipe(tmp_path):
    """A pipe has no size to trust: read up to the limit, and past it is TooBig."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for limit, size, fits in ((0, 70_000, True), (100_000, 70_000, True), (1000, 5000, False)):
        writer = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(b'y' * {size})"],
                                  stderr=subprocess.DEVNULL)
        try:
            if fits:
                assert jobs.read_limited(str(fifo), limit) == b"y" * size
            else:
                with pytest.raises(jobs.TooBig) as e:
                    jobs.read_limited(str(fifo), limit)
                assert e.value.at_least and e.value.size == limit + 1
        finally:
            writer.wait(timeout=60)
