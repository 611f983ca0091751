"""The class names of piiflow's recognizers: what ``detection.disabled_recognizers`` may name.

Kept apart from the classes so that checking a config builds no recognizer (building loads the
name lists). ``tests/unit/recognizers/test_catalogue.py`` checks it against what
``build_recognizers`` makes for every supported language, so a recognizer added or renamed without
it fails the tests.
"""

from __future__ import annotations

RECOGNIZER_NAMES = frozenset(
    {
        # any language (recognizers.generic, .names, .special)
        "AgeRecognizer",
        "ChatNamePatternRecognizer",
        "ContextPhoneRecognizer",
        "CreditCardRecognizer",
        "DateOfBirthRecognizer",
        "DateRecognizer",
        "EmailRecognizer",
        "IbanRecognizer",
        "IntlPhoneRecognizer",
        "IpRecognizer",
        "PlaceCueRecognizer",
        "SpecialCategoryRecognizer",
        "UrlRecognizer",
        # French and English: spaCy's NER and the name lists beside it
        "NameLookupRecognizer",
        "SpacyNerRecognizer",
        # Dutch: names and places from lists
        "DutchNameRecognizer",
        # France
        "FrAddressRecognizer",
        "FrNirRecognizer",
        "FrPhoneRecognizer",
        "FrSirenRecognizer",
        "FrSiretRecognizer",
        "FrVatRecognizer",
        # Belgium (French and Dutch)
        "BeAddressRecognizer",
        "BeNationalNumberRecognizer",
        "BePhoneRecognizer",
        "BePostcodeRecognizer",
        # the Netherlands
        "NlAddressRecognizer",
        "NlBsnRecognizer",
        "NlKvkRecognizer",
        "NlPhoneRecognizer",
        "NlPostcodeRecognizer",
        "NlVatRecognizer",
        # English: United Kingdom and United States
        "StreetAddressRecognizer",
        "UkAddressRecognizer",
        "UkNhsRecognizer",
        "UkNinoRecognizer",
        "UkPhoneRecognizer",
        "UkPostcodeRecognizer",
        "UsPhoneRecognizer",
        "UsSsnRecognizer",
    }
)
