"""``RECOGNIZER_NAMES``, the names a config may switch off, is the set of recognizers piiflow builds."""

from __future__ import annotations

import typing

from processors.config import Language
from recognizers import RECOGNIZER_NAMES, RecognizerSettings, build_recognizers


def test_the_names_are_what_build_recognizers_makes_for_every_language() -> None:
    built = {type(r).__name__ for language in typing.get_args(Language) for r in build_recognizers(language)}
    assert built == RECOGNIZER_NAMES


def test_a_disabled_name_switches_that_recognizer_off() -> None:
    settings = RecognizerSettings(disabled=frozenset({"ChatNamePatternRecognizer", "FrNirRecognizer"}))
    names = {type(r).__name__ for r in build_recognizers("fr", settings)}
    assert "ChatNamePatternRecognizer" not in names
    assert "FrNirRecognizer" not in names
    assert "SpacyNerRecognizer" in names
