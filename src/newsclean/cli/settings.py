"""Configuration files: ``[tool.newsclean]`` in ``pyproject.toml``, or ``.newsclean.toml``.

The file is found by walking up from the first path on the command line (or the current
folder), nearest first; in each folder ``.newsclean.toml`` wins over ``pyproject.toml``,
and a ``pyproject.toml`` without a ``[tool.newsclean]`` table is passed over. Keys::

    include = ["*.txt", "*.html"]        # which files folders yield (the CLI's --glob)
    exclude = ["drafts/*"]               # paths below the folder given, never cleaned
    disable = ["NC-SHARE"]               # rule codes that never fire
    fields = ["title", "date", "url"]    # front-matter fields written, in the fixed order
    model = true                         # the learned classifier (false: rules only)
    [extra-cues.NC-PROMPT]               # more cue words for a rule, by kind
    exact = ["Abonnieren Sie jetzt"]

Command-line options override the file. A wrong key or value is a ``SettingsError`` that
names the file and the key (exit 2).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

KEYS = ("include", "exclude", "disable", "fields", "model", "extra-cues")


class SettingsError(Exception):
    """A configuration file that cannot be used."""


@dataclass(frozen=True)
class Settings:
    """The ``[tool.newsclean]`` table of a project's ``pyproject.toml`` (or a ``.newsclean.toml``), as read."""
    path: str | None = None  # the file read, if any
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    disable: frozenset[str] = frozenset()
    fields: tuple[str, ...] | None = None
    model: bool = True
    extra_cues: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


def find(start: str) -> tuple[str, dict] | None:
    """The nearest configuration file above ``start`` and its newsclean table."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        own = os.path.join(folder, ".newsclean.toml")
        if os.path.isfile(own):
            return own, _read(own)
        project = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(project):
            table = _read(project).get("tool", {}).get("newsclean")
            if table is not None:
                return project, table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read(path: str) -> dict:
    import tomllib  # only once a file is found: its import is a fiftieth of a one-page run

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"{path}: cannot read configuration: {e}") from None


def _strings(path: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def parse(path: str, table: dict) -> Settings:
    """Check a newsclean table and turn it into Settings."""
    from newsclean.cues import KINDS
    from newsclean.document import FIELD_ORDER
    from newsclean.rules import ALWAYS_ON, RULES

    if not isinstance(table, dict):
        raise SettingsError(f"{path}: the newsclean configuration must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise SettingsError(f"{path}: unknown key '{unknown[0]}' (known: {', '.join(KEYS)})")
    disable = frozenset(_strings(path, "disable", table.get("disable", [])))
    bad = sorted(disable - RULES.keys())
    if bad:
        raise SettingsError(f"{path}: 'disable' names unknown rule code '{bad[0]}'")
    fixed = sorted(disable & ALWAYS_ON)
    if fixed:
        raise SettingsError(f"{path}: 'disable' names {fixed[0]}, the classifier's own verdict, which cannot be switched off")
    fields = None
    if "fields" in table:
        wanted = _strings(path, "fields", table["fields"])
        bad = sorted(set(wanted) - set(FIELD_ORDER))
        if bad:
            raise SettingsError(f"{path}: 'fields' names unknown field '{bad[0]}' (known: {', '.join(FIELD_ORDER)})")
        fields = tuple(f for f in FIELD_ORDER if f in wanted)
    model = table.get("model", True)
    if not isinstance(model, bool):
        raise SettingsError(f"{path}: 'model' must be true or false")
    extra = []
    cues_table = table.get("extra-cues", {})
    if not isinstance(cues_table, dict):
        raise SettingsError(f"{path}: 'extra-cues' must be a table of rule codes")
    for code, kinds in sorted(cues_table.items()):
        if code not in RULES:
            raise SettingsError(f"{path}: 'extra-cues.{code}' is not a rule code")
        if not isinstance(kinds, dict):
            raise SettingsError(f"{path}: 'extra-cues.{code}' must be a table of {', '.join(KINDS)}")
        for kind, words in sorted(kinds.items()):
            if kind not in KINDS:
                raise SettingsError(f"{path}: 'extra-cues.{code}.{kind}' is not one of {', '.join(KINDS)}")
            extra.append((code, kind, _strings(path, f"extra-cues.{code}.{kind}", words)))
    if "patterns" in {k for _, k, _ in extra}:
        import re

        for code, kind, words in extra:
            for w in words if kind == "patterns" else ():
                try:
                    re.compile(w)
                except re.error as e:
                    raise SettingsError(f"{path}: 'extra-cues.{code}.patterns' has a bad pattern {w!r}: {e}") from None
    return Settings(path=path, include=_strings(path, "include", table.get("include", [])),
                    exclude=_strings(path, "exclude", table.get("exclude", [])), disable=disable,
                    fields=fields, model=model, extra_cues=tuple(extra))


def load(start: str) -> Settings:
    """The settings that apply to files under ``start`` (defaults when no file is found)."""
    found = find(start)
    return Settings() if found is None else parse(*found)
