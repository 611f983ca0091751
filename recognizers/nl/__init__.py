"""Recognizers for the Netherlands: BSN, phone numbers, postcodes, street addresses, KVK, btw-id,
healthcare institutions, organisations' acronyms, bodies named by their head noun.

All apply to Dutch messages (Belgian Dutch identifiers live in ``recognizers.be``); the address
recognizer serves English messages too ("I'm at Keizersgracht 123, 1015 CJ Amsterdam"), on the
strong street suffixes that end no English word (not "-vest", "-wal": "harvest", "renewal").
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.base import ENGLISH
from recognizers.nl.acronym_organization import DutchAcronymOrganizationRecognizer
from recognizers.nl.address import NlAddressRecognizer
from recognizers.nl.bsn import NlBsnRecognizer
from recognizers.nl.btw import NlVatRecognizer
from recognizers.nl.care_institution import NlCareInstitutionRecognizer
from recognizers.nl.kvk import NlKvkRecognizer
from recognizers.nl.phone import NlPhoneRecognizer
from recognizers.nl.postcode import NlPostcodeRecognizer
from recognizers.nl.public_body import DutchPublicBodyRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "DutchAcronymOrganizationRecognizer",
    "DutchPublicBodyRecognizer",
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
    """The Dutch recognizers, for ``language == "nl"``; the address recognizer alone for "en"; none
    for other languages."""
    if language == ENGLISH:
        return [NlAddressRecognizer(language)]  # "Keizersgracht 123, 1015 CJ Amsterdam" in English
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
        DutchPublicBodyRecognizer(settings.lexicon_dir, language),
    ]
