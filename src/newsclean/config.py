"""What a user can change about cleaning: the Config value passed to ``clean()``.

Loading it from ``pyproject.toml`` / ``.newsclean.toml`` is the command line's job
(``newsclean.cli.settings``); the core only receives the finished value.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsclean.document import FIELD_ORDER


@dataclass(frozen=True)
class Config:
    """What a user can change about cleaning (see the module docstring); ``DEFAULT`` is every rule
    on, the model on, all front-matter fields."""
    disabled_rules: frozenset[str] = frozenset()  # rule codes that never fire
    # extra cues: (rule code, kind, words) with kind one of cues.KINDS
    extra_cues: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    fields: tuple[str, ...] = FIELD_ORDER  # front-matter fields written, in this order
    use_model: bool = True  # the learned classifier; off: rules only
    front_matter: bool = True  # write YAML front matter at all
    include: tuple[str, ...] = ()  # file globs (command line only)
    exclude: tuple[str, ...] = ()


DEFAULT = Config()
