"""What a recognizer builder may need from the configuration, without depending on ``processors``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEXICON_DIR = Path(__file__).resolve().parent.parent / "config" / "lexicons"
NAMES_FILE = "names.yaml"  # name cues, titles, name lists (recognizers.names)
PLACES_FILE = "places.yaml"  # place and address cues (recognizers.generic.place_cue)
SPECIAL_CATEGORIES_FILE = "special_categories_{language}.yaml"  # GDPR art. 9 terms (recognizers.special)
ALLOW_LIST_FILE = "allow_list.yaml"  # words never reported as names or places (optional)


def required_lexicon_files(languages: Iterable[str]) -> list[str]:
    """The term lists detection cannot do without, for ``languages``.

    Without them the recognizers still build (a library caller gets a warning), but names
    announced in chat, places after a cue and every special category would go undetected: a
    configuration whose ``lexicon_dir`` lacks one is refused (``missing_lexicon_files``). The
    allow list and the language hints only make detection more precise, so they may be absent.
    """
    return [NAMES_FILE, PLACES_FILE, *(SPECIAL_CATEGORIES_FILE.format(language=lang) for lang in languages)]


def missing_lexicon_files(lexicon_dir: Path, languages: Iterable[str]) -> list[str]:
    """Those of ``required_lexicon_files(languages)`` that are not files in ``lexicon_dir``."""
    return [name for name in required_lexicon_files(languages) if not (lexicon_dir / name).is_file()]


@dataclass(frozen=True)
class RecognizerSettings:
    """Settings handed to every country/kind ``build`` function.

    ``lexicon_dir`` holds the curated term lists (YAML, one file per list and language), kept as
    data under ``config/`` so that a data engineer can tune them without touching code.
    ``disabled`` names recognizers (by class name) that the configuration switched off.
    """

    lexicon_dir: Path = DEFAULT_LEXICON_DIR
    disabled: frozenset[str] = field(default_factory=frozenset)
