"""Recognizers for Belgium: national register number, enterprise number, phone numbers, addresses
and postcodes.

Belgium is bilingual in chat: every recognizer applies to both French and Dutch messages (one
instance per language, with context words in both languages). The address recognizer serves
English messages too ("our shop on Rue de la Loi 16, 1000 Brussels", "Kerkstraat 12, 9000 Gent"),
with the English guards of ``BeAddressRecognizer``.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.base import ENGLISH
from recognizers.be.address import BeAddressRecognizer
from recognizers.be.enterprise_number import BeEnterpriseNumberRecognizer
from recognizers.be.national_number import BeNationalNumberRecognizer
from recognizers.be.phone import BePhoneRecognizer
from recognizers.be.postcode import BePostcodeRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "BeAddressRecognizer",
    "BeEnterpriseNumberRecognizer",
    "BeNationalNumberRecognizer",
    "BePhoneRecognizer",
    "BePostcodeRecognizer",
    "build",
]

LANGUAGES = frozenset({"fr", "nl"})


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The Belgian recognizers for ``language`` ("fr" or "nl"); the address recognizer alone for
    "en"; none for other languages."""
    if language == ENGLISH:
        return [BeAddressRecognizer(language)]  # "Kerkstraat 12, 9000 Gent", "Rue de la Loi 16" in English
    if language not in LANGUAGES:
        return []
    return [
        BeNationalNumberRecognizer(language),
        BeEnterpriseNumberRecognizer(language),
        BePhoneRecognizer(language),
        BeAddressRecognizer(language),
        BePostcodeRecognizer(language),
    ]
