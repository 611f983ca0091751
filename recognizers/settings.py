"""What a recognizer builder may need from the configuration, without depending on ``processors``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEXICON_DIR = Path(__file__).resolve().parent.parent / "config" / "lexicons"


@dataclass(frozen=True)
class RecognizerSettings:
    """Settings handed to every country/kind ``build`` function.

    ``lexicon_dir`` holds the curated term lists (YAML, one file per list and language), kept as
    data under ``config/`` so that a data engineer can tune them without touching code.
    ``disabled`` names recognizers (by class name) that the configuration switched off.
    """

    lexicon_dir: Path = DEFAULT_LEXICON_DIR
    disabled: frozenset[str] = field(default_factory=frozenset)
