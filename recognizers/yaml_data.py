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


def load_yaml(path: Path) -> Any:
    """The data of the YAML file at ``path`` (``None`` for an empty file)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
