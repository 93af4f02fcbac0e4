"""Shell pipelines, through a real subprocess: stdin to stdout, names for stdin, JSON Lines
that stream while the run goes on, and readers that stop early (``| head -1``)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_cli import ARTICLE, EXE, PAGE, env, nc, page  # noqa: E402

CMD = [EXE] if EXE else [sys.executable, "-m", "newsclean"]


def test_dash_reads_stdin_and_writes_stdout():
    r = nc("clean", "-", stdin=PAGE.encode("utf-16"))
    assert r.returncode == 0 and r.stderr == b""
    out = r.stdout.decode("utf-8")
    assert out.startswith("---\n") and ARTICLE in out


def test_stdin_filename_names_the_page_in_messages_and_json():
    r = nc("clean", "-", "--stdin-filename", "shots/front page.png", stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert r.returncode == 123
    assert r.stderr.decode() == "error: cannot clean shots/front page.png: not a text page: looks like a PNG image\n"
    r = nc("clean", "-", "--stdin-filename", "feeds/a.txt", "--format", "jsonl", stdin=PAGE.encode())
    row = json.loads(r.stdout)
    assert row["path"] == "feeds/a.txt" and set(row) == {"path", "metadata", "markdown", "text", "dropped", "warnings"}
    assert row["dropped"] and all(k.startswith("NC-") for k in row["dropped"])


def test_stdin_alongside_files_in_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text(page(1), encoding="utf-8")
    r = nc("clean", str(tmp_path / "a.txt"), "-", "--format", "jsonl", "-q", "--stdin-filename", "in.txt",
           stdin=page(2).encode())
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [Path(row["path"]).name for row in rows] == ["a.txt", "in.txt"]
    assert "harbour number 2" in rows[1]["text"]


def _many(folder: Path, n: int, repeat: int) -> None:
    """``n`` pages, each ``repeat`` distinct made-up articles long (about 1.2 kB of JSON each)."""
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i:04d}.txt").write_text("".join(page(i * 100 + k) for k in range(repeat)), encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_streams_before_the_last_file_is_read(tmp_path, jobs):
    """Each JSON line is about 25 kB, so a reader that stops reading fills the pipe and holds
    the run back. After the first line arrives, the last file is rewritten: its row must show
    the new text, so it was read after the first row was out (no waiting for the whole run,
    no results piling up behind a slow reader)."""
    d = tmp_path / "in"
    _many(d, 40, 10)
    last = d / "p0039.txt"
    proc = subprocess.Popen([*CMD, "clean", str(d), "--format", "jsonl", "-q", "-j", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    try:
        first = json.loads(proc.stdout.readline())
        assert Path(first["path"]).name == "p0000.txt"
        last.write_text(PAGE.replace("harbour", "lighthouse"), encoding="utf-8")
        rest = [json.loads(line) for line in proc.stdout]
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
    assert len(rest) == 39
    assert Path(rest[-1]["path"]).name == "p0039.txt" and "lighthouse" in rest[-1]["text"]


@pytest.mark.parametrize("args", [["--format", "jsonl", "-j", "2"], ["--format", "jsonl", "-j", "1"]])
def test_head_closes_the_pipe_early(tmp_path, args):
    d = tmp_path / "in"
    _many(d, 30, 10)
    producer = subprocess.Popen([*CMD, "clean", str(d), *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env())
    head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()
    line, _ = head.communicate(timeout=120)
    err = producer.stderr.read().decode()
    code = producer.wait(timeout=120)
    assert json.loads(line)["path"].endswith("p0000.txt")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err, err
    assert code == 141  # 128 + SIGPIPE, as a shell reports a writer killed by the closed pipe


def test_head_on_a_single_markdown_page():
    r = subprocess.run(["sh", "-c", f"{' '.join(CMD)} clean - | head -1"], input="".join(page(i) for i in range(60)).encode(),
                       capture_output=True, env=env(), timeout=60)
    assert r.stdout == b"---\n"
    assert b"Traceback" not in r.stderr and r.stderr == b"", r.stderr


def test_check_reads_stdin_too():
    r = nc("check", "-", "--stdin-filename", "page.txt", stdin=PAGE.encode())
    assert r.returncode == 1 and r.stderr.decode().startswith("would clean page.txt: ")
    clean = nc("clean", "-", stdin=PAGE.encode()).stdout
    r = nc("check", "-", stdin=clean)
    assert r.returncode == 0 and r.stdout == b""
