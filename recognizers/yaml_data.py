"""YAML data files (lexicons, cue lists, hints), parsed by libyaml when PyYAML was built with it.

Why: every process reads the lexicons at start-up, ``names.yaml`` once per language. PyYAML's
pure-Python parser spent 0.39 s of a 7.4 s detector start on them; its libyaml binding parses the
same files to the same data about ten times faster. Both are safe loaders: plain data only, no
object construction. The config file keeps ``yaml.safe_load`` for its error messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(ValueError):
    """A term list piiflow cannot use, in one line a user can act on: which file, where, what.

    The lists are data a data engineer is invited to edit; a typo in one must stop a command with
    that line (the command line reports it as a config error), not with a parser's traceback."""


def yaml_problem(exc: yaml.YAMLError) -> str:
    """What a YAML parser found wrong, with where when it knows: "line 3, column 1: did not find
    expected ',' or ']'" (the config file's errors and the term lists' say it the same way)."""
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return where + (getattr(exc, "problem", None) or "invalid YAML")


def load_yaml(path: Path) -> Any:
    """The data of the YAML file at ``path`` (``None`` for an empty file)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)


def load_mapping(path: Path) -> dict[str, Any]:
    """The top-level mapping of the YAML file at ``path`` (empty for an empty file);
    ``LexiconError`` when the file is not UTF-8, not YAML (the line and column are given) or holds
    something other than a mapping. A file that cannot be read raises ``OSError`` as usual."""
    try:
        data = load_yaml(path)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: {yaml_problem(exc)}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level, found a {type(data).__name__}")
    return data
