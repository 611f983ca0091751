"""Recognizers for the Netherlands: BSN, phone numbers, postcodes, street addresses, KVK, btw-id,
healthcare institutions, organisations' acronyms.

All apply to Dutch messages only (Belgian Dutch identifiers live in ``recognizers.be``).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.nl.acronym_organization import DutchAcronymOrganizationRecognizer
from recognizers.nl.address import NlAddressRecognizer
from recognizers.nl.bsn import NlBsnRecognizer
from recognizers.nl.btw import NlVatRecognizer
from recognizers.nl.care_institution import NlCareInstitutionRecognizer
from recognizers.nl.kvk import NlKvkRecognizer
from recognizers.nl.phone import NlPhoneRecognizer
from recognizers.nl.postcode import NlPostcodeRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "DutchAcronymOrganizationRecognizer",
    "NlAddressRecognizer",
    "NlBsnRecognizer",
    "NlCareInstitutionRecognizer",
    "NlKvkRecognizer",
    "NlPhoneRecognizer",
    "NlPostcodeRecognizer",
    "NlVatRecognizer",
    "build",
]

LANGUAGES = frozenset({"nl"})


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The Dutch recognizers, for ``language == "nl"``; none for other languages."""
    if language not in LANGUAGES:
        return []
    return [
        NlBsnRecognizer(language),
        NlPhoneRecognizer(language),
        NlPostcodeRecognizer(language),
        NlAddressRecognizer(language),
        NlKvkRecognizer(language),
        NlVatRecognizer(language),
        NlCareInstitutionRecognizer(settings.lexicon_dir, language),
        DutchAcronymOrganizationRecognizer(settings.lexicon_dir, language),
    ]
