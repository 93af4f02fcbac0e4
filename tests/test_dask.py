"""newsclean.dask on a real Dask cluster: a distributed.LocalCluster with two worker
processes. Outputs must be byte for byte those of the local command line.

Skipped when dask/distributed are not installed (``pip install -e '.[dask]'``)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from newsclean import clean  # noqa: E402
from newsclean.cli.jobs import Settings, Task  # noqa: E402
from newsclean.cli.writeback import WriteBack  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SRC = str(ROOT / "src")

# A made-up news page as HTML (never a corpus page): menu, article, share prompt, related list.
HTML_PAGE = """<!DOCTYPE html><html><head><title>Harbour plan approved | Example Daily</title>
<meta property="og:title" content="Harbour plan approved"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour plan approved</h1>
<p>The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that had lasted more than ten years.</p>
<p>Council members said the new harbour would bring jobs to the eastern districts, where unemployment is higher than elsewhere.</p>
<p>The mayor said construction would begin next spring, after the regional government has granted the final permits.</p>
</article>
<aside><h3>Related articles</h3><ul><li><a href="/a">Mayor opens new library</a></li><li><a href="/b">Tram line extended</a></li></ul></aside>
<footer><p>Copyright 2024 Example Daily. All rights reserved.</p></footer></body></html>
"""


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as c:
        yield c


@pytest.fixture()
def pages(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    txts = sorted(SAMPLES.glob("*.txt"))
    assert len(txts) >= 6
    for i, p in enumerate(txts):
        shutil.copy(p, (src / "sub" if i % 2 else src) / p.name)
    (src / "sub" / "harbour.html").write_text(HTML_PAGE, encoding="utf-8")
    return src


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _local_cli(src: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(src), "-o", str(out), "-q", "-j", "2"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr


def test_module_name_does_not_shadow_dask():
    import dask
    import dask.bag

    import newsclean.dask as nd

    assert "newsclean" not in os.path.dirname(dask.__file__)
    assert nd.__name__ == "newsclean.dask" and nd.clean_bag.__module__ == "newsclean.dask"
    assert hasattr(dask.bag, "from_sequence")


def test_folder_on_cluster_matches_local_cli_byte_for_byte(cluster, pages, tmp_path):
    from newsclean.dask import clean_folder

    local, remote = tmp_path / "local", tmp_path / "remote"
    _local_cli(pages, local)
    results = clean_folder(str(pages), str(remote), cluster.scheduler_address)

    expected = _tree(local)
    assert len(expected) == len(list(pages.rglob("*.*")))  # every input has its output
    assert "sub/harbour.md" in expected
    assert _tree(remote) == expected
    assert [r.index for r in results] == list(range(len(results)))
    assert not any(r.error for r in results)
    assert all(r.changed and r.missing for r in results)  # first run: every target was new
    # the HTML page went through clean_html on the worker: article kept, boilerplate gone
    md = (remote / "sub" / "harbour.md").read_text(encoding="utf-8")
    assert md.startswith("---\ntitle: Harbour plan approved\n")
    assert "approved a plan to rebuild the old harbour" in md
    assert "Related articles" not in md and "Tram line extended" not in md and "All rights reserved" not in md


def test_cluster_check_mode_and_errors(cluster, pages, tmp_path):
    """The CLI backend obeys the settings like the local pool: --check writes nothing and
    reports unchanged files; a missing file is one error, the others still done."""
    from newsclean.dask import clean_folder, clean_folder_on_cluster

    out = tmp_path / "out"
    clean_folder(str(pages), str(out), cluster.scheduler_address)
    before = _tree(out)
    files = sorted(p for p in pages.rglob("*.*"))
    tasks = [Task(i, str(p), str(p), str(out / p.relative_to(pages).with_suffix(".md")))
             for i, p in enumerate(files)]
    tasks.append(Task(len(tasks), str(pages / "gone.txt"), "gone.txt", str(out / "gone.md")))
    results = list(clean_folder_on_cluster(tasks, Settings(write_back=WriteBack.CHECK), cluster.scheduler_address))
    assert [r.display for r in results] == [t.display for t in tasks]
    assert [r.target for r in results] == [t.target for t in tasks]  # the caller's own spellings
    assert not any(r.changed for r in results[:-1]) and not any(r.error for r in results[:-1])
    assert results[-1].error and "no such file" in results[-1].error
    assert _tree(out) == before


def test_clean_bag_of_path_text_pairs(cluster, pages):
    import dask.bag as db
    from distributed import Client

    from newsclean.dask import clean_bag
    from newsclean.html import clean_html

    items = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(pages.rglob("*.*"))]
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        docs = client.compute(clean_bag(db.from_sequence(items, npartitions=3))).result()
        records = client.compute(clean_bag([p for p, _ in items], records=True)).result()
    assert [p for p, _ in docs] == [p for p, _ in items]
    for (path, text), (_, doc) in zip(items, docs):
        want = clean_html(text) if path.endswith(".html") else clean(text)
        assert doc.markdown == want.markdown
        assert doc.input_kind == ("html" if path.endswith(".html") else "text")
    assert [r["path"] for r in records] == [p for p, _ in items]
    assert [r["markdown"] for r in records] == [d.markdown for _, d in docs]
    assert all(isinstance(r["dropped"], dict) and isinstance(r["metadata"], dict) for r in records)


# ------------------------------------------------------------------- the command line

def _run(argv, capsys):
    from newsclean.cli.runner import run

    code = run(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_scheduler_writes_the_local_files_byte_for_byte(cluster, pages, tmp_path, capsys):
    """`newsclean clean DIR -o OUT --scheduler ADDR` = the local run; `check` agrees."""
    local, remote = tmp_path / "out1", tmp_path / "out2"
    _local_cli(pages, local)
    code, out, err = _run(["clean", str(pages), "-o", str(remote), "--scheduler", cluster.scheduler_address],
                          capsys)
    assert code == 0, err
    assert out == ""
    expected = _tree(local)
    assert len(expected) == len(list(pages.rglob("*.*"))) and "sub/harbour.md" in expected
    assert _tree(remote) == expected
    assert f"newsclean: {len(expected)} files cleaned, {len(expected)} changed" in err  # the same summary

    code, _, err = _run(["check", str(pages), "-o", str(remote), "-q", "--no-cache",
                         "--scheduler", cluster.scheduler_address], capsys)
    assert code == 0, err
    victim = sorted(remote.rglob("*.md"))[0]
    victim.write_text("edited\n", encoding="utf-8")
    code, _, err = _run(["check", str(pages), "-o", str(remote), "--no-cache",
                         "--scheduler", cluster.scheduler_address], capsys)
    assert code == 1
    assert "would clean" in err and victim.read_text(encoding="utf-8") == "edited\n"  # check writes nothing


def test_cli_scheduler_stdin_travels_with_the_task(cluster, capsys, monkeypatch):
    import io

    page = (SAMPLES / sorted(p.name for p in SAMPLES.glob("*.txt"))[0]).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    code, out, err = _run(["clean", "-", "--scheduler", cluster.scheduler_address], capsys)
    assert code == 0, err
    assert out == clean(page.decode("utf-8")).markdown


def test_cli_scheduler_unreachable_or_malformed_is_one_line_exit_2(tmp_path, capsys, monkeypatch):
    import socket

    import newsclean.dask as nd

    monkeypatch.setattr(nd, "CONNECT_TIMEOUT", "0.5s")
    (tmp_path / "a.txt").write_text("One sentence of text that is an article.\n", encoding="utf-8")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for address, words in ((f"tcp://127.0.0.1:{port}", "cannot reach the Dask scheduler"),
                           ("localhost", "not a Dask scheduler address")):
        code, out, err = _run(["clean", str(tmp_path), "-o", str(tmp_path / "out"), "--scheduler", address], capsys)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and err.startswith("newsclean: error: ") and words in err, err
        assert not list((tmp_path / "out").rglob("*.md"))


def test_cli_scheduler_without_dask_or_with_other_worker_versions(cluster, tmp_path, capsys, monkeypatch):
    import newsclean

    (tmp_path / "a.txt").write_text("One sentence of text that is an article.\n", encoding="utf-8")
    argv = ["clean", str(tmp_path / "a.txt"), "--scheduler", cluster.scheduler_address]
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "distributed", None)  # as if not installed
        code, out, err = _run(argv, capsys)
    assert code == 2 and out == ""
    assert err.strip() == "newsclean: error: --scheduler needs Dask: pip install 'newsclean[dask]'"

    monkeypatch.setattr(newsclean, "__version__", "0.0.0-other")
    code, out, err = _run(argv, capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "has newsclean" in err and "same version on every worker" in err
