"""The pre-commit hooks, run by the real ``pre-commit try-repo`` against this checkout.

A throwaway git repository in tmp holds raw pages. ``newsclean`` must fix them and fail
the first run (pre-commit fails a hook that changed files), then pass; ``newsclean-check``
must fail and change nothing.

Speed: pre-commit builds a virtualenv for the hook repository and pip-installs newsclean
into it. The virtualenv is made with the system site-packages visible
(``VIRTUALENV_SYSTEM_SITE_PACKAGES``), so the dependencies already installed for the tests
are reused instead of downloaded, and the build runs without isolation. pre-commit caches
that environment per (repository, revision): when the checkout has uncommitted changes,
``try-repo`` would make a new shadow commit (and a new environment) on every run, so the
test then snapshots the working tree once (tracked and untracked, non-ignored files) into
a tmp repository and tries that instead; a clean checkout (CI) is tried directly.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_cli import page  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit")
GIT = shutil.which("git")

pytestmark = pytest.mark.skipif(not (PRE_COMMIT and GIT and (ROOT / ".git").exists()),
                                reason="needs git, pre-commit and a git checkout")


def git(*args, cwd, env=None):
    return subprocess.run([GIT, *args], cwd=cwd, capture_output=True, check=True, env=env, timeout=60).stdout


def git_env(home: Path) -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    e.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
             GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_NOSYSTEM="1", HOME=str(home),
             PRE_COMMIT_HOME=str(home / "pre-commit-cache"), VIRTUALENV_SYSTEM_SITE_PACKAGES="1",
             PIP_NO_BUILD_ISOLATION="0", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PIP_NO_INDEX="1")
    e.pop("PYTHONPATH", None)
    return e


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This checkout if it has no uncommitted changes, else a one-commit snapshot of its
    working tree (so all runs share one cached hook environment)."""
    home = tmp_path_factory.mktemp("home")
    env = git_env(home)
    dirty = git("status", "--porcelain", "--untracked-files=no", cwd=ROOT, env=env).strip()
    if not dirty and not git("ls-files", "--others", "--exclude-standard", "--", ".pre-commit-hooks.yaml",
                             cwd=ROOT, env=env).strip():
        return ROOT, env
    snap = tmp_path_factory.mktemp("snapshot")
    files = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env).split(b"\0")
    for rel in filter(None, files):
        if rel.startswith((b"build/", b"dist/")) or b".egg-info" in rel:
            continue
        src = os.path.join(os.fsencode(ROOT), rel)
        if os.path.isfile(src):
            dst = os.path.join(os.fsencode(snap), rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
    git("init", "-q", cwd=snap, env=env)
    git("add", "-A", cwd=snap, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=snap, env=env)
    return snap, env


def make_project(base: Path, env: dict) -> Path:
    proj = base / "proj"
    (proj / "pages").mkdir(parents=True)
    for i in range(3):
        (proj / "pages" / f"p{i}.txt").write_text(page(i), encoding="utf-8")
    (proj / "pages" / "notes.json").write_text("{}\n")  # not a page: the hooks leave it alone
    git("init", "-q", cwd=proj, env=env)
    git("add", "-A", cwd=proj, env=env)
    git("commit", "-q", "-m", "raw pages", cwd=proj, env=env)
    return proj


def try_repo(repo: Path, hook: str, proj: Path, env: dict):
    return subprocess.run([PRE_COMMIT, "try-repo", str(repo), *([hook] if hook else []), "--all-files"], cwd=proj, env=env,
                          capture_output=True, timeout=600)


def snapshot(proj: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mode) for p in sorted((proj / "pages").iterdir())}


def test_hooks(hook_repo, tmp_path):
    """Three runs (each try-repo builds its own hook environment, ~10 s): the check fails and
    changes nothing; the fixer fixes and fails; then both hooks pass."""
    repo, env = hook_repo
    proj = make_project(tmp_path, env)
    pages = proj / "pages"
    os.chmod(pages / "p1.txt", 0o600)
    raw = snapshot(proj)

    r = try_repo(repo, "newsclean-check", proj, env)
    out = r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace")
    assert r.returncode == 1, out
    assert out.count("would clean ") == 3 and "lines would be dropped (NC-" in out and "Traceback" not in out
    assert snapshot(proj) == raw

    r = try_repo(repo, "newsclean", proj, env)
    out = r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace")
    assert r.returncode == 1, out
    assert "files were modified by this hook" in out and "Traceback" not in out
    for i in range(3):
        text = (pages / f"p{i}.txt").read_text(encoding="utf-8")
        assert text.startswith("---\n") and f"harbour number {i}" in text and "All rights reserved" not in text
    assert (pages / "p1.txt").stat().st_mode & 0o777 == 0o600
    assert (pages / "notes.json").read_text() == "{}\n"
    fixed = snapshot(proj)
    assert fixed != raw

    r = try_repo(repo, None, proj, env)  # every hook of the repository: newsclean, then newsclean-check
    out = r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace")
    assert r.returncode == 0, out
    assert out.count("Passed") == 2, out
    assert snapshot(proj) == fixed
