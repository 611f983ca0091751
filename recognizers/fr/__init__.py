"""French recognizers: NIR, tax number (NIF), phone numbers, postal addresses, SIREN, SIRET and VAT numbers, bank
details as a RIB.

See ``recognizers/__init__.py`` for the contract. Every recognizer here is for French text: the
identifiers are French, and so are the context words and the address vocabulary. The address
recognizer serves English messages too, where a customer types a French address in its own shape
("the parcel went to 17 rue Lafayette by mistake"); there a street type that is an English word
("avenue", "place", "square") needs a capitalised name or a postcode after it, and five digits
before a word are a postcode only before a town of GeoNames' list ("75009 Paris").
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.base import ENGLISH
from recognizers.fr.address import FrAddressRecognizer
from recognizers.fr.nif import FrNifRecognizer
from recognizers.fr.nir import FrNirRecognizer
from recognizers.fr.phone import FrPhoneRecognizer
from recognizers.fr.rib import FrRibRecognizer
from recognizers.fr.siren import FrSirenRecognizer
from recognizers.fr.siret import FrSiretRecognizer
from recognizers.fr.vat import FrVatRecognizer
from recognizers.settings import RecognizerSettings

__all__ = [
    "FrAddressRecognizer",
    "FrNifRecognizer",
    "FrNirRecognizer",
    "FrPhoneRecognizer",
    "FrRibRecognizer",
    "FrSirenRecognizer",
    "FrSiretRecognizer",
    "FrVatRecognizer",
    "build",
]

LANGUAGE = "fr"


def build(language: str, settings: RecognizerSettings) -> list[EntityRecognizer]:
    """The French recognizers for ``language`` "fr"; the address recognizer alone for "en"; none for
    any other language."""
    if language == ENGLISH:
        # "17 rue Lafayette, 75009 Paris" in an English message
        return [FrAddressRecognizer(language, lexicon_dir=settings.lexicon_dir)]
    if language != LANGUAGE:
        return []
    return [
        FrNirRecognizer(),
        FrNifRecognizer(),
        FrPhoneRecognizer(),
        FrAddressRecognizer(lexicon_dir=settings.lexicon_dir),
        FrSirenRecognizer(),
        FrRibRecognizer(),
        FrSiretRecognizer(),
        FrVatRecognizer(),
    ]
