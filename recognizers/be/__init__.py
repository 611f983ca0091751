"""Recognizers for Belgium: national register number, enterprise number, phone numbers, addresses
and postcodes.

Belgium is bilingual in chat: every recognizer applies to both French and Dutch messages (one
instance per language, with context words in both languages).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

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
    """The Belgian recognizers for ``language`` ("fr" or "nl"); none for other languages."""
    if language not in LANGUAGES:
        return []
    return [
        BeNationalNumberRecognizer(language),
        BeEnterpriseNumberRecognizer(language),
        BePhoneRecognizer(language),
        BeAddressRecognizer(language),
        BePostcodeRecognizer(language),
    ]
