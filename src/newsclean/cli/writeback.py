"""Putting a result where it belongs: black's single write-back mode.

Every file has a *target*: its output file (``-o``), or the input itself (``--in-place``,
``--check``, ``--diff`` without ``-o``). The mode says what happens when the new
content differs from the target's: write it, report it, or show the diff. Files that
would not change are never rewritten, so their modification times stay put.
"""
from __future__ import annotations

import difflib
import errno
import itertools
import os
from enum import Enum


class WriteBack(Enum):
    """What becomes of a cleaned page, black's write-back modes in one value: printed, written,
    checked, diffed, or checked with a diff."""
    STDOUT = "stdout"  # print the result; nothing on disk changes
    YES = "yes"  # write the target (the output file, or the input with --in-place)
    CHECK = "check"  # only say whether the target would change
    DIFF = "diff"  # print a unified diff against the target
    CHECK_DIFF = "check+diff"

    @property
    def writes(self) -> bool:
        return self is WriteBack.YES

    @property
    def checks(self) -> bool:
        return self in (WriteBack.CHECK, WriteBack.CHECK_DIFF)

    @property
    def diffs(self) -> bool:
        return self in (WriteBack.DIFF, WriteBack.CHECK_DIFF)


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_bytes(path: str) -> bytes | None:
    """The target's current content; None when it does not exist yet."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


_TMP_COUNT = itertools.count()
# a new file only, not inherited by child processes, no symbolic link followed, no newline
# translation (the flags each platform has, as ``tempfile.mkstemp`` uses them)
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | sum(
    getattr(os, name, 0) for name in ("O_CLOEXEC", "O_NOINHERIT", "O_NOFOLLOW", "O_BINARY"))


def atomic_write(path: str, data: bytes, mode: int, umask: int | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never
    half of it: a temporary file in the same folder, then ``os.replace``.

    The temporary file is created with ``mode`` (named by process and count, not by
    ``tempfile``'s random names), and changed with ``chmod`` only when ``umask`` (the
    process's, when known) takes bits of ``mode`` away: a third of the time of a small
    file's write on a RAM disk.
    """
    folder = os.path.dirname(path) or "."
    stem = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.")
    for _ in range(1000):
        tmp = f"{stem}{next(_TMP_COUNT)}.tmp"
        try:
            fd = os.open(tmp, _CREATE_FLAGS, mode & 0o777)
            break
        except FileExistsError:  # left by a process of the same number that died
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", stem)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if umask is None or mode & umask or mode & ~0o777:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def file_mode(path: str, umask: int, exists: bool = True) -> int:
    """The permissions to give ``path``: its own if it exists (--in-place keeps them),
    else what a new file gets under the umask. ``exists=False``: the caller knows it does
    not, and it is not asked again."""
    try:
        if exists:
            return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        pass
    return 0o666 & ~umask


def unified_diff(old: bytes | None, new: str, name: str) -> str:
    """A unified diff from the target's current content to the new one ('' if equal)."""
    before = "" if old is None else old.decode("utf-8", errors="replace")
    lines = difflib.unified_diff(before.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"{name}\t(original)" if old is not None else "/dev/null",
                                 tofile=f"{name}\t(cleaned)")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
