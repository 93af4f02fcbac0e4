"""Counting what happened to each file and saying so on stderr at the end (black's Report)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field


def shown(name: str) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name)
    and bytes that are not UTF-8 are written as escapes."""
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


@dataclass
class Report:
    """The run's counts and errors, and the one-line summary printed on stderr at its end (as
    black's): files cleaned and changed, lines dropped, failures; it also decides the exit code."""
    check: bool = False  # --check: a file that would change makes the exit code 1
    dry: bool = False  # --check/--diff: nothing is written, so say "would change"
    quiet: bool = False
    cleaned: int = 0  # files cleaned without error
    changed: int = 0  # of those, written (or, when checking, that would change)
    dropped: int = 0  # lines dropped from the bodies
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warned: set[str] = field(default_factory=set)  # files cleaned with a caveat (a wall page, bytes replaced)

    def done(self, changed: bool, dropped: int) -> None:
        self.cleaned += 1
        self.changed += changed
        self.dropped += dropped

    def failure(self, path: str, reason: str) -> None:
        """One line naming the file, printed at once so it is seen next to the progress."""
        self.failed += 1
        self.errors.append(path)
        print(f"error: cannot clean {shown(path)}: {reason}", file=sys.stderr, flush=True)

    def warning(self, path: str, note: str) -> None:
        """A file cleaned with a caveat (say, bytes replaced): one line, unless quiet; the summary
        counts such files."""
        self.warned.add(path)
        if not self.quiet:
            print(f"warning: {shown(path)}: {note}", file=sys.stderr, flush=True)

    @property
    def return_code(self) -> int:
        """123 if any file failed, 1 if checking and a file would change, else 0."""
        if self.failed:
            return 123
        if self.check and self.changed:
            return 1
        return 0

    def __str__(self) -> str:
        files = lambda n: f"{n} file{'s' if n != 1 else ''}"  # noqa: E731
        if self.dry:
            parts = [f"{files(self.changed)} would change", f"{self.cleaned - self.changed} unchanged",
                     f"{self.dropped} lines would be dropped"]
        else:
            parts = [f"{files(self.cleaned)} cleaned", f"{self.changed} changed", f"{self.dropped} lines dropped"]
        if self.warned:
            parts.append(f"{len(self.warned)} with warnings")
        if self.failed:
            parts.append(f"{files(self.failed)} failed")
        return "newsclean: " + ", ".join(parts) + "."

    def summary(self) -> None:
        if not self.quiet:
            print(str(self), file=sys.stderr, flush=True)
