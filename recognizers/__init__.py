"""piiflow's recognizers, one per file, in folders by country (``fr``, ``nl``, ``be``) or kind
(``generic``, ``names``, ``special``).

Each folder's ``__init__`` exposes ``build(language, settings) -> list[EntityRecognizer]`` returning
the recognizers that apply to that language (possibly none). ``build_recognizers`` gathers them:
the only place that knows the list of folders.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer

from recognizers import be, fr, generic, names, nl, special
from recognizers.generic.address_parts import ADDRESS_PARTS
from recognizers.generic.age_beside_name import AGE_BESIDE_NAME
from recognizers.generic.firm_names import FIRM_NAMES
from recognizers.names.lexicons import CONVERSATION_NAMES, NAME_REPEATS
from recognizers.names.name_lists import LISTED_NAMES
from recognizers.settings import RecognizerSettings

__all__ = [
    "ENTITY_RULE_NAMES",
    "RECOGNIZER_NAMES",
    "RecognizerSettings",
    "build_recognizers",
    "check_recognizer_names",
]

_FOLDERS = (generic, fr, nl, be, names, special)

# The class names a config may switch off (``detection.disabled_recognizers``), from the folders'
# exports, without building anything (building loads the name lists). A test checks that they are
# exactly what ``build_recognizers`` makes over every supported language.
RECOGNIZER_NAMES = frozenset(name for folder in _FOLDERS for name in folder.__all__ if name.endswith("Recognizer"))

# Rules that run on a message's resolved entities rather than on its text (``processors.detection``:
# names listed with a name, ages right after one, an address's parts, firms named after people; and
# ``processors.conversation_names``, a conversation's names in its later messages), switched off by
# name like recognizers.
ENTITY_RULE_NAMES = frozenset(
    {LISTED_NAMES, NAME_REPEATS, AGE_BESIDE_NAME, ADDRESS_PARTS, FIRM_NAMES, CONVERSATION_NAMES}
)


def check_recognizer_names(names: Iterable[str]) -> None:
    """ValueError naming those of ``names`` piiflow has no recognizer or entity rule for, with the
    closest known name and the full list (what a config and ``bench_pipeline.py --recognizers`` say)."""
    known = RECOGNIZER_NAMES | ENTITY_RULE_NAMES
    unknown = sorted(set(names) - known)
    if unknown:
        close = difflib.get_close_matches(unknown[0], known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"unknown recognizers {unknown}{hint}; known: {sorted(known)}")


def build_recognizers(language: str, settings: RecognizerSettings | None = None) -> list[EntityRecognizer]:
    """All recognizers for ``language``, minus the ones the settings disable."""
    settings = settings or RecognizerSettings()
    recognizers: list[EntityRecognizer] = []
    for module in _FOLDERS:
        recognizers.extend(module.build(language, settings))
    return [r for r in recognizers if type(r).__name__ not in settings.disabled]
