"""IBAN (International Bank Account Number), every country of the SWIFT registry."""

from __future__ import annotations

import re
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import IBAN_CODE
from recognizers.generic.gated import GatedRecognizer

# BBAN structure per country, in the registry's notation: "4!a" = 4 letters, "10!n" = 10 digits,
# "11!c" = 11 letters or digits. Length of the IBAN = 4 + length of the BBAN.
# Source: SWIFT IBAN Registry, https://www.swift.com/standards/data-standards/iban-international-bank-account-number
BBAN_FORMATS: dict[str, str] = {
    "AD": "4!n4!n12!c", "AE": "3!n16!n", "AL": "8!n16!c", "AT": "5!n11!n", "AZ": "4!a20!c",
    "BA": "3!n3!n8!n2!n", "BE": "3!n7!n2!n", "BG": "4!a4!n2!n8!c", "BH": "4!a14!c",
    "BI": "5!n5!n11!n2!n", "BR": "8!n5!n10!n1!a1!c", "BY": "4!c4!n16!c", "CH": "5!n12!c",
    "CR": "4!n14!n", "CY": "3!n5!n16!c", "CZ": "4!n6!n10!n", "DE": "8!n10!n", "DJ": "5!n5!n11!n2!n",
    "DK": "4!n9!n1!n", "DO": "4!c20!n", "EE": "2!n2!n11!n1!n", "EG": "4!n4!n17!n",
    "ES": "4!n4!n1!n1!n10!n", "FI": "3!n11!n", "FK": "2!a12!n", "FO": "4!n9!n1!n",
    "FR": "5!n5!n11!c2!n", "GB": "4!a6!n8!n", "GE": "2!a16!n", "GI": "4!a15!c", "GL": "4!n9!n1!n",
    "GR": "3!n4!n16!c", "GT": "4!c20!c", "HR": "7!n10!n", "HU": "3!n4!n1!n15!n1!n",
    "IE": "4!a6!n8!n", "IL": "3!n3!n13!n", "IQ": "4!a3!n12!n", "IS": "4!n2!n6!n10!n",
    "IT": "1!a5!n5!n12!c", "JO": "4!a4!n18!c", "KW": "4!a22!c", "KZ": "3!n13!c", "LB": "4!n20!c",
    "LC": "4!a24!c", "LI": "5!n12!c", "LT": "5!n11!n", "LU": "3!n13!c", "LV": "4!a13!c",
    "LY": "3!n3!n15!n", "MC": "5!n5!n11!c2!n", "MD": "2!c18!c", "ME": "3!n13!n2!n",
    "MK": "3!n10!c2!n", "MN": "4!n12!n", "MR": "5!n5!n11!n2!n", "MT": "4!a5!n18!c",
    "MU": "4!a2!n2!n12!n3!n3!a", "NI": "4!a20!n", "NL": "4!a10!n", "NO": "4!n6!n1!n",
    "OM": "3!n16!c", "PK": "4!a16!c", "PL": "8!n16!n", "PS": "4!a21!c", "PT": "4!n4!n11!n2!n",
    "QA": "4!a21!c", "RO": "4!a16!c", "RS": "3!n13!n2!n", "RU": "9!n5!n15!c", "SA": "2!n18!c",
    "SC": "4!a2!n2!n16!n3!a", "SD": "2!n12!n", "SE": "3!n16!n1!n", "SI": "5!n8!n2!n",
    "SK": "4!n6!n10!n", "SM": "1!a5!n5!n12!c", "SO": "4!n3!n12!n", "ST": "4!n4!n11!n2!n",
    "SV": "4!a20!n", "TL": "3!n14!n2!n", "TN": "2!n3!n13!n2!n", "TR": "5!n1!n16!c",
    "UA": "6!n19!c", "VA": "3!n15!n", "VG": "4!a16!n", "XK": "4!n10!n2!n", "YE": "4!a4!n18!c",
}  # fmt: skip

_PART = re.compile(r"(\d+)!([nac])")
_CLASS = {"n": "[0-9]", "a": "[A-Za-z]", "c": "[A-Za-z0-9]"}
# People group by four with a space (paper format) or a dash, or not at all; any mix is accepted
# since the length is exact and mod 97 decides.
_SEP = r"[ \-\x{00A0}]?"


def bban_length(country: str) -> int:
    """Number of characters in the BBAN of ``country``."""
    return sum(int(count) for count, _ in _PART.findall(BBAN_FORMATS[country]))


def _bban_regex(fmt: str) -> str:
    parts = []
    for count, kind in _PART.findall(fmt):
        parts.append(f"(?:{_SEP}{_CLASS[kind]}){{{count}}}")
    return "".join(parts)


def _iban_regex() -> str:
    branches = []
    for country, fmt in sorted(BBAN_FORMATS.items()):
        cc = "".join(f"[{ch}{ch.lower()}]" for ch in country)
        branches.append(f"{cc}{_SEP}[0-9]{_SEP}[0-9]{_bban_regex(fmt)}")
    return "(?:" + "|".join(branches) + ")"


def iban_mod97_valid(value: str) -> bool:
    """ISO 13616 / ISO 7064 MOD 97-10: move the first four characters to the end, letters to numbers."""
    compact = "".join(ch for ch in value if ch.isalnum()).upper()
    if len(compact) < 5 or not compact.isascii():
        return False
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


class IbanRecognizer(GatedRecognizer):
    """International Bank Account Numbers (``IBAN_CODE``), all countries of the SWIFT registry.

    Format: country code, two check digits, then the country's BBAN with its exact length and
    character classes (e.g. NL: 4 letters + 10 digits = 18 characters; BE: 16; FR: 27), typed
    compact, in groups of four, with dashes, in upper or lower case.
    Official source: ISO 13616-1 and the SWIFT IBAN Registry,
    https://www.swift.com/standards/data-standards/iban-international-bank-account-number

    Score: 0.5 for the shape, 1.0 once the ISO 7064 mod-97 check passes; a failed check discards
    the candidate. The exact per-country length means trailing words are never swallowed.
    """

    min_digits = 2  # the check digits: some BBANs (LC, QA...) may be all letters

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["iban", "rib", "compte", "bancaire", "virement", "banque", "prélèvement"],
        "nl": ["iban", "rekening", "rekeningnummer", "bank", "overschrijving", "overmaken", "storten"],
        "en": ["iban", "account", "bank", "transfer", "payment"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=IBAN_CODE,
            patterns=[Re2Pattern("IBAN (per-country length)", _iban_regex(), 0.5)],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Mod-97 check of ISO 13616."""
        return iban_mod97_valid(pattern_text)
