"""Recognizers of GDPR art. 9 special categories (health, religion, politics, ethnicity, sexuality,
trade-union membership, genetic and biometric data), from curated term lists per language
(``config/lexicons/special_categories_<lang>.yaml``)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.settings import RecognizerSettings
from recognizers.special.ethnic_origin import EthnicOriginRecognizer
from recognizers.special.special_category import SpecialCategoryRecognizer

__all__ = ["EthnicOriginRecognizer", "SpecialCategoryRecognizer", "build"]

LANGUAGES = frozenset({"fr", "nl", "en"})


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The special recognizers that apply to ``language``."""
    if language not in LANGUAGES:
        return []
    return [SpecialCategoryRecognizer(language, settings.lexicon_dir), EthnicOriginRecognizer(language)]
