"""Irish postcodes, Eircodes ("D02 X285", "A65 F4E2", "d02x285")."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer

# Routing key: a letter and two digits, or "D6W" (Dublin 6W). Unique identifier: four characters
# from the Eircode alphabet, digits and the letters A C D E F H K N P R T V W X Y (no letter that
# reads like a digit or another letter: B G I J L M O Q S U Z).
_LETTER = "ACDEFHKNPRTVWXY"
_ROUTING_KEY = rf"(?:[{_LETTER}][0-9]{{2}}|D6W)"
_UNIQUE_ID = rf"[0-9{_LETTER}]{{4}}"
_ANY = rf"[0-9{_LETTER}]"
# the identifier with at least one letter: "X285", "F4E2" (four digits read as a number too)
_UNIQUE_ID_LETTERED = (
    rf"(?:[{_LETTER}]{_ANY}{{3}}|[0-9][{_LETTER}]{_ANY}{{2}}|[0-9]{{2}}[{_LETTER}]{_ANY}|[0-9]{{3}}[{_LETTER}])"
)
# in capitals as printed; in lower case words match too ("a45 then", "e21 pack"): context needed
_EIRCODE_SPACED = rf"\b{_ROUTING_KEY}[ \t]{_UNIQUE_ID_LETTERED}\b"
_EIRCODE_SPACED_ANY_CASE = rf"(?i)\b{_ROUTING_KEY}[ \t]{_UNIQUE_ID}\b"
_EIRCODE_COMPACT = rf"(?i)\b{_ROUTING_KEY}{_UNIQUE_ID}\b"


class IeEircodeRecognizer(GatedRecognizer):
    """Irish Eircodes (``ADDRESS``), English only.

    Format: a routing key (a letter and two digits, or "D6W") and a unique identifier of four
    characters from the Eircode alphabet, written with or without a space: "D02 X285", "A65 F4E2",
    "T12 T9DH". Official source: Eircode, "Eircode structure" (www.eircode.ie), and the Irish
    Department of Communications' Eircode specification: the alphabet leaves out B, G, I, J, L, M,
    O, Q, S, U and Z.

    An Eircode identifies one building, often one household: more precise than a UK postcode.

    Scores: 0.55 in capitals with the space and a letter in the identifier ("D02 X285"); 0.4 with
    four digits ("A65 1234"), in lower case ("d02 x285": "a45 then" has the shape) or compact
    ("D02X285"), shapes reference numbers and words take too: reported with a context word
    (eircode, address, deliver, ...: +0.35).
    """

    min_digits = 2

    CONTEXT: ClassVar[list[str]] = ["eircode", "postcode", "address", "deliver", "shipping", "live", "street"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("Eircode", _EIRCODE_SPACED, 0.55),
                Re2Pattern("Eircode (digits or lower case)", _EIRCODE_SPACED_ANY_CASE, 0.4),
                Re2Pattern("Eircode (compact)", _EIRCODE_COMPACT, 0.4),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )
