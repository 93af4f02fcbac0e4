"""The command line, run as a user runs it: a real subprocess of the installed `newsclean`
script (and `python -m newsclean`), with the checkout's sources first on the path."""
import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")
EXE = shutil.which("newsclean")

# A made-up page in the shape of a scraped dump: menu, headline, byline, article, related
# list, footer. (Never a corpus page.)
PAGE = """Home | World | Politics | Business | Sports | Culture

City council approves new harbour plan

2024-03-05 10:00    Source: Example Daily

The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that had lasted more than ten years. The project will cost about 40 million euros and is expected to be finished by 2028.

Council members said the new harbour would bring jobs to the eastern districts, where unemployment is higher than in the rest of the city. Critics warned that the costs could still rise.

The mayor said construction would begin next spring, after the regional government has granted the final permits.

Related articles
Mayor opens new library
Tram line extended to the airport
Storm damages coastal road

Copyright © 2024 Example Daily. All rights reserved.
Share on Facebook
"""
ARTICLE = "approved a plan to rebuild the old harbour"


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = SRC + os.pathsep + e.get("PYTHONPATH", "") if e.get("PYTHONPATH") else SRC
    e.pop("COLUMNS", None)
    return e


def nc(*args, stdin=None, cwd=None, module=False):
    cmd = [sys.executable, "-m", "newsclean", *args] if module or EXE is None else [EXE, *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd, env=env(), timeout=120)


def page(i: int) -> str:
    return PAGE.replace("harbour", f"harbour number {i}")


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(1, 4):
        (src / f"p{i:05d}.txt").write_text(page(i), encoding="utf-8")
    (src / "sub" / "p00004.txt").write_text(page(4), encoding="utf-8")
    return src


def test_stdin_to_stdout():
    r = nc("clean", "-", stdin=PAGE.encode())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("---\n")
    assert ARTICLE in out
    assert "All rights reserved" not in out
    assert r.stderr == b""  # a filter: no summary for one page on stdout


def test_python_dash_m_and_legacy_encoding_on_stdin():
    r = nc("clean", "-", stdin=PAGE.replace("\n", "\r\n").encode("cp1252"), module=True)
    assert r.returncode == 0, r.stderr
    assert ARTICLE in r.stdout.decode() and "\r" not in r.stdout.decode()


def test_folder_to_mirror_tree(folder, tmp_path):
    out = tmp_path / "out"
    r = nc("clean", str(folder), "-o", str(out), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "p00001.md", "p00002.md", "p00003.md", "sub", "sub/p00004.md"]
    assert "harbour number 2" in (out / "p00002.md").read_text(encoding="utf-8")
    assert "4 files cleaned" in r.stderr.decode()
    assert not list(out.rglob(".*"))  # no temporary files left


def test_single_file_with_output_dir(folder, tmp_path):
    r = nc("clean", str(folder / "sub" / "p00004.txt"), "-o", str(tmp_path / "o"), "-q")
    assert r.returncode == 0 and r.stderr == b""
    assert (tmp_path / "o" / "p00004.md").exists()


def test_single_file_without_output_goes_to_stdout(folder):
    r = nc("clean", str(folder / "p00001.txt"))
    assert r.returncode == 0 and "harbour number 1" in r.stdout.decode()
    assert sorted(p.name for p in folder.iterdir()) == ["p00001.txt", "p00002.txt", "p00003.txt", "sub"]


def test_jsonl_streams_one_object_per_file_in_order(folder):
    r = nc("clean", str(folder), "--format", "jsonl", "-j", "2", "-q")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [Path(row["path"]).name for row in rows] == ["p00001.txt", "p00002.txt", "p00003.txt", "p00004.txt"]
    for i, row in enumerate(rows, 1):
        assert set(row) == {"path", "metadata", "markdown", "text", "dropped", "warnings"}
        assert f"harbour number {i}" in row["text"]
        assert row["markdown"].startswith("---\n")
        assert all(code.startswith("NC-") and n > 0 for code, n in row["dropped"].items())
        assert sum(row["dropped"].values()) > 0


def test_json_single_and_stdin_filename():
    r = nc("clean", "-", "--format", "json", "--stdin-filename", "x/page.txt", "--url", "https://example.com/a",
           stdin=PAGE.encode())
    doc = json.loads(r.stdout)
    assert doc["path"] == "x/page.txt"
    assert doc["metadata"]["url"] == "https://example.com/a"
    assert ARTICLE in doc["text"]


def test_json_several_files_is_an_array(folder):
    r = nc("clean", str(folder), "--format", "json", "-q")
    assert r.returncode == 0
    assert len(json.loads(r.stdout)) == 4


def test_text_format_is_the_plain_body():
    r = nc("clean", "-", "--format", "text", stdin=PAGE.encode())
    out = r.stdout.decode()
    assert ARTICLE in out and not out.startswith("---")


def test_check_exit_codes(folder, tmp_path):
    out = tmp_path / "out"
    r = nc("check", str(folder), "-o", str(out))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "would clean" in err and "p00001.txt" in err and "does not exist yet" in err
    assert not out.exists()  # --check writes nothing
    assert nc("clean", str(folder), "-o", str(out), "-q").returncode == 0
    r = nc("check", str(folder), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "0 files would change" in r.stderr.decode()
    # a raw page checked against itself would change, and the reason names the rules
    r = nc("clean", "--check", str(folder / "p00001.txt"))
    assert r.returncode == 1
    assert "lines would be dropped (NC-" in r.stderr.decode()


def test_diff_prints_and_writes_nothing(folder):
    before = (folder / "p00001.txt").read_bytes()
    r = nc("clean", "--diff", str(folder / "p00001.txt"))
    assert r.returncode == 0
    diff = r.stdout.decode()
    assert diff.startswith("---") and "\n+++ " in diff and "\n-Copyright" in diff
    assert (folder / "p00001.txt").read_bytes() == before


def test_in_place_rewrites_only_changed_files_and_keeps_mode(folder):
    raw, done = folder / "p00001.txt", folder / "p00002.txt"
    assert nc("clean", "--in-place", str(done)).returncode == 0
    os.utime(done, (1_000_000_000, 1_000_000_000))
    os.chmod(raw, 0o640)
    r = nc("clean", "--in-place", str(raw), str(done))
    assert r.returncode == 0, r.stderr
    assert "2 files cleaned, 1 changed" in r.stderr.decode()
    assert stat.S_IMODE(raw.stat().st_mode) == 0o640
    assert raw.read_text(encoding="utf-8").startswith("---\n")
    assert done.stat().st_mtime == 1_000_000_000  # unchanged: not rewritten
    assert nc("check", str(raw), str(done)).returncode == 0  # cleaning twice changes nothing


def test_binary_file_fails_alone(folder, tmp_path):
    (folder / "p00002.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    r = nc("clean", str(folder), "-o", str(out), "-j", "2")
    assert r.returncode == 123
    err = r.stderr.decode()
    assert "p00002.txt" in err and "PNG" in err and "Traceback" not in err
    assert sorted(p.name for p in out.rglob("*.md")) == ["p00001.md", "p00003.md", "p00004.md"]
    assert "1 file failed" in err


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = nc("clean", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o" / "empty.md").exists()


def test_output_dir_inside_input_dir(folder):
    out = folder / "cleaned"
    assert nc("clean", str(folder), "-o", str(out), "-q").returncode == 0
    r = nc("clean", str(folder), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "4 files cleaned, 0 changed" in r.stderr.decode()
    assert not (out / "cleaned").exists()


def test_never_overwrites_an_input(folder):
    r = nc("clean", str(folder), "-o", str(folder))
    assert r.returncode == 2 and b"--in-place" in r.stderr
    md = folder / "x.md"
    md.write_text(PAGE, encoding="utf-8")
    r = nc("clean", str(md), "-o", str(folder))
    assert r.returncode == 123 and b"is an input file" in r.stderr
    assert md.read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize("args", [
    ["clean", "--bogus", "x"],
    ["clean"],
    ["clean", "/nonexistent/newsclean/path"],
    ["clean", "--format", "yaml", "-"],
    ["clean", "--in-place", "--check", "x"],
    ["clean", "--disable", "NC-NOPE", "-"],
    [],
])
def test_usage_errors_exit_2(args):
    r = nc(*args, stdin=b"")
    assert r.returncode == 2, r
    assert b"Traceback" not in r.stderr


def test_several_files_to_stdout_is_a_usage_error(folder):
    r = nc("clean", str(folder))
    assert r.returncode == 2 and b"-o DIR" in r.stderr


def test_broken_pipe_is_quiet(tmp_path):
    big = tmp_path / "big"
    big.mkdir()
    for i in range(40):
        (big / f"p{i:05d}.txt").write_text(page(i) * 20, encoding="utf-8")
    prog = shlex.quote(EXE) if EXE else f"{shlex.quote(sys.executable)} -m newsclean"
    # 40 big pages of JSON overflow the pipe long before the end: stdout breaks mid-run
    r = subprocess.run(["sh", "-c", f"{prog} clean {shlex.quote(str(big))} --format jsonl -j 2 | head -c 100"],
                       capture_output=True, env=env(), timeout=120)
    assert len(r.stdout) == 100
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr, r.stderr


def test_html_input_is_sniffed_by_content(tmp_path):
    html = ("<!DOCTYPE html><html><head><title>Harbour plan approved</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Harbour plan approved</h1>"
            + "".join(f"<p>{para}</p>" for para in PAGE.split("\n\n")[3:6]) + "</article></body></html>")
    (tmp_path / "page.txt").write_text(html, encoding="utf-8")  # the suffix says text, the content HTML
    r = nc("clean", str(tmp_path / "page.txt"))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert ARTICLE in out and "<p>" not in out


def test_explain_plain_and_json(tmp_path):
    r = nc("explain", "-", stdin=PAGE.encode())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "content" in out and "NC-TEXT" in out and "boilerplate" in out
    r = nc("explain", "-", "--json", stdin=PAGE.encode())
    rows = json.loads(r.stdout)
    assert rows and set(rows[0]) == {"index", "text", "first", "first_code", "label", "code", "detail"}
    assert [row["index"] for row in rows] == list(range(len(rows)))
    article = next(row for row in rows if ARTICLE in row["text"])
    assert article["label"] == "content"
    footer = next(row for row in rows if "All rights reserved" in row["text"])
    assert footer["label"] == "boilerplate" and footer["code"].startswith("NC-")


def test_explain_bad_file(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n...")
    r = nc("explain", str(tmp_path / "x.pdf"))
    assert r.returncode == 123 and b"x.pdf" in r.stderr and b"PDF" in r.stderr


def test_rules_plain_and_json():
    r = nc("rules")
    assert r.returncode == 0 and b"NC-TEXT" in r.stdout and b"why:" in r.stdout
    rows = json.loads(nc("rules", "--json").stdout)
    codes = {row["code"] for row in rows}
    assert {"NC-TEXT", "NC-NAV", "NC-REL"} <= codes
    assert all(row["what"] and row["why"] and row["example"] for row in rows)


def test_version_and_help():
    r = nc("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("newsclean ")
    r = nc("clean", "--help")
    assert r.returncode == 0 and b"--in-place" in r.stdout


def test_no_model_and_disable_are_accepted():
    r = nc("clean", "-", "--no-model", "--disable", "NC-REL,NC-LEGAL", "--format", "json", stdin=PAGE.encode())
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert "NC-REL" not in doc["dropped"] and "NC-LEGAL" not in doc["dropped"]


def test_the_classifiers_own_verdicts_cannot_be_disabled():
    r = nc("clean", "-", "--disable", "NC-MODEL", stdin=PAGE.encode())
    assert r.returncode == 2 and b"NC-MODEL cannot be switched off" in r.stderr and not r.stdout


def test_chunks_cover_the_batch_and_shrink_at_its_end():
    from newsclean.cli.jobs import chunk_spans

    assert chunk_spans(0, 16, 2) == []
    for n in (1, 7, 100, 5990):
        spans = chunk_spans(n, 16, 2)
        assert [a for a, _ in spans] == [0] + [b for _, b in spans[:-1]]  # contiguous, in order
        assert spans[-1][1] == n
        assert all(1 <= b - a <= 16 for a, b in spans)
    spans = chunk_spans(5990, 16, 2)
    assert spans[0] == (0, 16) and spans[-1] == (5989, 5990)  # full chunks first, single tasks last


def test_outlier_files_are_handed_out_first(tmp_path):
    from newsclean.cli.jobs import Task, dispatch_order

    tasks = []
    for i in range(40):
        p = tmp_path / f"p{i:02d}.txt"
        p.write_text("x" * (50_000 if i in (31, 37) else 40_000 if i == 5 else 1_000))
        tasks.append(Task(i, str(p), str(p), None))
    order = dispatch_order(tasks, 2)
    assert [t.index for t in order[:3]] == [31, 37, 5]  # largest first; the rest keeps folder order
    assert [t.index for t in order[3:]] == [i for i in range(40) if i not in (5, 31, 37)]
    assert dispatch_order(tasks[:10], 2) == tasks[:10]  # small batches stay in order


def test_results_come_in_folder_order_when_a_large_file_goes_first(tmp_path):
    from newsclean.cli.jobs import Settings, Task, run_all

    tasks = []
    for i in range(40):
        p = tmp_path / f"p{i:02d}.txt"
        p.write_text((PAGE + "\n\n") * (40 if i == 33 else 1), encoding="utf-8")
        tasks.append(Task(i, str(p), str(p), None))
    results = list(run_all(tasks, Settings(fmt="md"), 2))
    assert [r.index for r in results] == list(range(40))
    assert all(r.error is None and r.output for r in results)
    assert [r.display for r in results] == [t.display for t in tasks]


def test_one_blas_thread_unless_the_user_chose(tmp_path):
    """numpy's OpenBLAS thread pool spins at import: the CLI asks for one thread before the
    core (and numpy) is imported, but a user's own setting wins."""
    probe = ("import os, sys; from newsclean.cli.runner import run; run(['rules']); "
             "sys.stderr.write(os.environ.get('OPENBLAS_NUM_THREADS', '-') + ' ' + str('numpy' in sys.modules))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = SRC
    default = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    chosen = subprocess.run([sys.executable, "-c", probe], env=dict(env, OPENBLAS_NUM_THREADS="2"),
                            capture_output=True, text=True, timeout=120)
    assert default.stderr.endswith("1 False") and chosen.stderr.endswith("2 False")
