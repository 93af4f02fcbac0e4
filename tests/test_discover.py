"""discover: which files a command line names, and where their output goes."""
import os

import pytest

from newsclean.cli.discover import DEFAULT_GLOBS, STDIN, RealPaths, Source, discover, output_path


def touch(path, text="x"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


@pytest.fixture
def tree(tmp_path):
    for rel in ["a.txt", "b.html", "c.htm", "d.md", "e.text", "skip.json", "sub/f.txt", "sub/deeper/g.txt",
                ".hidden/h.txt", "sub/.i.txt", "out/old.txt"]:
        touch(str(tmp_path / "in" / rel))
    return tmp_path / "in"


def rels(sources):
    return [s.rel for s in sources]


def test_recursive_default_suffixes_sorted_hidden_skipped(tree):
    sources, errors = discover([str(tree)])
    assert errors == []
    assert rels(sources) == ["a.txt", "b.html", "c.htm", "d.md", "e.text", "out/old.txt", "sub/f.txt",
                             "sub/deeper/g.txt"]
    assert all(os.path.isfile(s.path) for s in sources)


def test_glob_changes_the_selection(tree):
    sources, _ = discover([str(tree)], ("*.json",))
    assert rels(sources) == ["skip.json"]
    sources, _ = discover([str(tree)], ("*/deeper/*",))  # a pattern with / matches the path below the folder
    assert rels(sources) == ["sub/deeper/g.txt"]


def test_output_folder_inside_input_is_skipped(tree):
    sources, _ = discover([str(tree)], DEFAULT_GLOBS, skip=(str(tree / "out"),))
    assert "out/old.txt" not in rels(sources)


def test_named_file_taken_whatever_its_suffix(tree):
    sources, errors = discover([str(tree / "skip.json"), STDIN])
    assert errors == []
    assert sources == [Source(str(tree / "skip.json"), "skip.json"), Source(STDIN, STDIN)]


def test_missing_path_is_an_error(tmp_path):
    sources, errors = discover([str(tmp_path / "nope")])
    assert sources == [] and "no such file" in errors[0]


def test_symlink_loop_is_not_followed_forever(tree):
    os.symlink(str(tree), str(tree / "sub" / "loop"))
    os.symlink(str(tree / "sub"), str(tree / "alias"))
    sources, _ = discover([str(tree)])
    # every real file once, whatever path reached it first
    assert len(sources) == len({os.path.realpath(s.path) for s in sources}) == 8


def test_same_file_twice_is_cleaned_once(tree):
    sources, _ = discover([str(tree / "a.txt"), str(tree)])
    assert [s.rel for s in sources].count("a.txt") == 1


def test_output_path_mirrors_the_tree(tmp_path):
    assert output_path(Source("in/sub/f.txt", "sub/f.txt"), "OUT", ".md") == os.path.join("OUT", "sub", "f.md")
    assert output_path(Source("x/p00001.txt", "p00001.txt"), "OUT", ".md") == os.path.join("OUT", "p00001.md")
    assert output_path(Source("page.html", "page.html"), "OUT", ".json") == os.path.join("OUT", "page.json")


def test_real_paths_resolve_as_realpath_does(tmp_path, monkeypatch):
    touch(str(tmp_path / "real" / "a.txt"))
    touch(str(tmp_path / "real" / "b.txt"))
    os.symlink(tmp_path / "real", tmp_path / "linked")  # a linked folder
    os.symlink(tmp_path / "real" / "b.txt", tmp_path / "real" / "to-b.txt")  # a linked file
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "real" / "dangling.txt")
    monkeypatch.chdir(tmp_path / "linked")
    real_path = RealPaths()
    for path in ["a.txt", "to-b.txt", "dangling.txt", "missing.md", "./a.txt", "../real/a.txt",
                 str(tmp_path / "linked" / "a.txt"), str(tmp_path / "linked" / "to-b.txt"),
                 str(tmp_path / "linked" / ".."), str(tmp_path / "linked") + "/", "."]:
        assert real_path(path) == os.path.realpath(path), path
    assert real_path("a.txt") == str((tmp_path / "real" / "a.txt").resolve())
