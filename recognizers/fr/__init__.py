"""French recognizers: NIR, phone numbers, postal addresses, SIREN, SIRET and VAT numbers.

See ``recognizers/__init__.py`` for the contract. Every recognizer here is for French text only:
the identifiers are French, and so are the context words and the address vocabulary.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.fr.address import FrAddressRecognizer
from recognizers.fr.nir import FrNirRecognizer
from recognizers.fr.phone import FrPhoneRecognizer
from recognizers.fr.siren import FrSirenRecognizer
from recognizers.fr.siret import FrSiretRecognizer
from recognizers.fr.vat import FrVatRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "FrAddressRecognizer",
    "FrNirRecognizer",
    "FrPhoneRecognizer",
    "FrSirenRecognizer",
    "FrSiretRecognizer",
    "FrVatRecognizer",
    "build",
]

LANGUAGE = "fr"


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The French recognizers for ``language`` "fr"; none for any other language."""
    if language != LANGUAGE:
        return []
    return [
        FrNirRecognizer(),
        FrPhoneRecognizer(),
        FrAddressRecognizer(lexicon_dir=settings.lexicon_dir),
        FrSirenRecognizer(),
        FrSiretRecognizer(),
        FrVatRecognizer(),
    ]
