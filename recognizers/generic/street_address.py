"""International and US postal address parts: "1600 Pennsylvania Avenue NW, Apt. 4", "Apt. 864",
"Springfield, IL 62704", "P.O. Box 287", "PSC 3294, Box 9168 APO AA 61487".

UK street lines without a unit ("221B Baker Street, London") are ``UkAddressRecognizer``'s and UK
postcodes ``UkPostcodeRecognizer``'s; this recognizer adds what they leave out: longer house numbers,
North-American street types (Parkway, Highway...), a trailing unit, units on their own, the
"Town, ST 12345" line, PO boxes and US military addresses.
"""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.uk_address import STOPWORDS, WORDS

# Latin letters, accented ones included, without \p{L} (see recognizers/base.py).
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"(?:[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?|[0-9]{{1,3}}(?:st|nd|rd|th))"
_TOWN_WORD = rf"[{_UPPER}][{_UPPER}{_LOWER}'’.\-]+"
_HOUSE_NUMBER = r"[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,6}[A-Za-z]?)?"
_STREET_TYPES = (
    r"(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Way|Terrace|Parkway|Highway|Circle|Trail"
    r"|Square|Crescent|Close|Alley|Plaza|Expressway|Freeway|Turnpike|Pike|Loop)"
    r"|(?:St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Trl|Sq|Cres|Expy|Fwy|Tpke)\.?)"
)
_DIRECTION = r"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"
_UNIT_WORDS = r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Rm)"
_UNIT = rf"{_UNIT_WORDS}\.?[ \t]*#?[ \t]*[0-9]{{1,5}}[A-Za-z]?"
_STREET = rf"{_HOUSE_NUMBER}[ \t]+(?:{_WORD}[ \t]+){{1,4}}{_STREET_TYPES}{_DIRECTION}"
_STREET_WITH_UNIT = rf"{_STREET}(?:,?[ \t]*(?:{_UNIT}|#[ \t]*[0-9]{{1,5}}[A-Za-z]?))"
# Unambiguous unit words alone ("Apt. 864", "Suite 838"); "Unit 4", "Flat 2", "Room 12" alone are
# too often something else and only count with an address word nearby.
_UNIT_ALONE = r"(?:Apt\.?|Apartment|Suite|Ste\.)[ \t]*#?[ \t]*[0-9]{1,5}[A-Za-z]?"
_UNIT_ALONE_WEAK = r"(?:Unit|Flat|Room)[ \t]+[0-9]{1,5}[A-Za-z]?"
# USPS state and territory codes, plus the military "states" AA, AE, AP.
_STATES = (
    r"(?:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[AWR]"
    r"|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])"
)
_ZIP = r"[0-9]{5}(?:-[0-9]{4})?"
_SPACE = r"[ \t]*\n?[ \t]*"  # address lines may be broken anywhere
_TOWN_STATE_ZIP = rf"{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,3}}{_SPACE},{_SPACE}{_STATES}{_SPACE}{_ZIP}"
_PO_BOX = r"(?i)(?:P\.?[ \t]?O\.?|Post[ \t]+Office)[ \t]*Box[ \t]*#?[ \t]*[0-9]{1,6}"
# US military mail (USPS Publication 28, section 23): "PSC 3294, Box 9168 / APO AA 61487".
_MILITARY_LINE = r"(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+[0-9]{5}(?:-[0-9]{4})?"
_MILITARY_UNIT = r"(?:PSC|CMR|Unit)[ \t]+[0-9]{1,5},?[ \t]+Box[ \t]+[0-9]{1,5}"
_MILITARY = rf"(?:{_MILITARY_UNIT}[ \t,]*\n?[ \t]*)?{_MILITARY_LINE}"


class StreetAddressRecognizer(GatedRecognizer):
    """Street addresses and address parts in international / US formats (``ADDRESS``), English.

    Formats: house number, one to four capitalised words and a street type, optionally a direction
    and a unit ("1600 Pennsylvania Avenue NW", "42 Maple Leaf Rd Apt. 12"); a unit alone ("Apt. 864",
    "Suite 838"); a town line with a USPS state code and ZIP code ("Springfield, IL 62704-1234");
    a PO box; a US military address ("PSC 3294, Box 9168 APO AA 61487").
    Official source: USPS Publication 28, Postal Addressing Standards (street suffixes, secondary
    unit designators, state abbreviations, military addresses), https://pe.usps.com/text/pub28/

    Scores: 0.7 street with unit, military; 0.65 town-state-ZIP, PO box; 0.6 street; 0.5 unit alone
    ("Apt.", "Suite"); 0.4 "Unit/Flat/Room N" alone (reported with a context word). A street whose
    name words include function words ("2 hours on the road") is discarded.
    """

    min_digits = 1

    CONTEXT: ClassVar[list[str]] = ["address", "street", "live", "living", "moved", "deliver", "ship", "send", "mail"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("street address with unit", _STREET_WITH_UNIT, 0.7),
                Re2Pattern("street address", _STREET, 0.6),
                Re2Pattern("unit designator", _UNIT_ALONE, 0.5),
                Re2Pattern("unit designator (weak)", _UNIT_ALONE_WEAK, 0.4),
                Re2Pattern("town, state and ZIP code", _TOWN_STATE_ZIP, 0.65),
                Re2Pattern("PO box", _PO_BOX, 0.65),
                Re2Pattern("US military address", _MILITARY, 0.7),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A sentence, not an address: function words or counted units among the words."""
        words = WORDS.findall(pattern_text)
        return any(word.lower() in STOPWORDS and not word.isupper() for word in words)  # "ME", "IN": states
