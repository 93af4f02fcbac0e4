"""Configuration files: found by walking up, checked strictly, overridden by the options."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli.settings import SettingsError, find, load

SRC = str(Path(__file__).resolve().parent.parent / "src")
PAGE = ("Home\n\nBridge opens after four years\n\nThe new harbour bridge opened to traffic on Tuesday after four "
        "years of construction, the mayor said at a ceremony attended by hundreds of residents.\n\n"
        "The bridge carries two lanes in each direction and a protected cycle path, officials said.\n\n"
        "Subscribe to the Harbour Weekly for more stories like this one, delivered every Friday morning.\n")


def newsclean(*args, cwd):
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-m", "newsclean", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_found_by_walking_up_nearest_first(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newsclean]\ndisable = ["NC-SHARE"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find(str(deep))[0] == str(tmp_path / "pyproject.toml")
    (tmp_path / "a" / ".newsclean.toml").write_text('model = false\n')
    assert find(str(deep))[0] == str(tmp_path / "a" / ".newsclean.toml")
    assert load(str(deep)).model is False


def test_pyproject_without_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load(str(tmp_path)).path != str(tmp_path / "pyproject.toml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.other]\nx = 1\n')
    (tmp_path / ".newsclean.toml").write_text('model = false\n')
    assert load(str(tmp_path / "sub")).path == str(tmp_path / ".newsclean.toml")


@pytest.mark.parametrize("body,key", [
    ("bogus = 1", "bogus"),
    ('disable = ["NC-NOPE"]', "disable"),
    ('disable = ["NC-TEXT"]', "disable"),  # the classifier's own verdict cannot be switched off
    ('fields = ["title", "colour"]', "fields"),
    ("model = 3", "model"),
    ('include = "*.txt"', "include"),
    ('[extra-cues.NC-SHARE]\nsometimes = ["x"]', "extra-cues.NC-SHARE.sometimes"),
    ('[extra-cues.NC-SHARE]\npatterns = ["(unclosed"]', "extra-cues.NC-SHARE.patterns"),
])
def test_invalid_configuration_names_file_and_key(tmp_path, body, key):
    path = tmp_path / ".newsclean.toml"
    path.write_text(body + "\n")
    with pytest.raises(SettingsError) as err:
        load(str(tmp_path))
    assert str(path) in str(err.value) and key in str(err.value)


def test_invalid_configuration_exits_2(tmp_path):
    (tmp_path / ".newsclean.toml").write_text("bogus = 1\n")
    (tmp_path / "p.txt").write_text(PAGE)
    proc = newsclean("clean", "p.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert ".newsclean.toml" in proc.stderr and "bogus" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_configuration_applies_and_options_override(tmp_path):
    pages = tmp_path / "pages"
    (pages / "drafts").mkdir(parents=True)
    (pages / "a.txt").write_text(PAGE)
    (pages / "drafts" / "b.txt").write_text(PAGE)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newsclean]\nexclude = ["drafts/*"]\nfields = ["title"]\n'
        '[tool.newsclean.extra-cues.NC-PROMPT]\nprefix = ["the bridge carries"]\n')
    proc = newsclean("clean", "pages", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "out" / "drafts").exists()
    md = (tmp_path / "out" / "a.md").read_text()
    assert md.startswith("---\ntitle: Bridge opens after four years\n---\n")
    assert "The bridge carries" not in md and "harbour bridge opened" in md
    proc = newsclean("clean", "pages/a.txt", "--glob", "*.txt", "--disable", "NC-NAV", cwd=tmp_path)
    assert proc.returncode == 0 and "language:" not in proc.stdout
