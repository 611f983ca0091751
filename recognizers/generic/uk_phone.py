"""United Kingdom phone numbers, national ("020 7946 0000", "07700 900123") and +44."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.phone_validation import POSSIBLE_PHONE_SCORE, VALID_PHONE_SCORE, check_phone

# "+44", "0044" or a trunk "0" (maybe inside brackets: "(01632) 960 000", "+44 (0)20 ..."), then
# the 9 or 10 digits of the national significant number with optional spaces, dashes, ")".
_UK_PHONE = (
    r"(?:(?:\+|00)44[ \t\-]?(?:\([ \t]?0[ \t]?\)[ \t\-]?)?|\(?0)"
    r"[1-9](?:\)?[ \t\-]?[0-9]){8,9}"
)

# UK mobiles (07xxx, +44 7xxx) in the usual groupings: in a chat this shape is a phone even when
# libphonenumber only calls the number "possible" (Ofcom's fictional 07700 900xxx range, say).
_UK_MOBILE = r"(?:(?:\+|00)44[ \t\-]?(?:\([ \t]?0[ \t]?\)[ \t\-]?)?|0)7[0-9]{3}[ \t\-]?[0-9]{3}[ \t\-]?[0-9]{3}"
MOBILE_SHAPE_SCORE = 0.55


class UkPhoneRecognizer(GatedRecognizer):
    """UK phone numbers (``PHONE_NUMBER``), English only.

    Format: national "07700 900123", "020 7946 0000", "(01632) 960 000", "0161 496 0000";
    international "+44 7700 900123", "+44 (0)20 7946 0018", "0044 20 7946 0000", any grouping.
    Official source: Ofcom National Telephone Numbering Plan,
    https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbering ; validated with
    python-phonenumbers (region GB).

    Scores: 0.85 when libphonenumber knows the number as valid; 0.55 for a possible number with a
    mobile's shape (07xxx xxxxxx), reported without context; 0.4 for other possible numbers,
    reported with a context word; otherwise discarded.
    """

    min_digits = 10

    validated_score = VALID_PHONE_SCORE
    COUNTRY_CODES = frozenset({44})
    CONTEXT: ClassVar[list[str]] = ["phone", "mobile", "landline", "text", "number", "whatsapp"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=PHONE_NUMBER,
            patterns=[
                Re2Pattern("UK phone", _UK_PHONE, POSSIBLE_PHONE_SCORE),
                Re2Pattern("UK mobile shape", _UK_MOBILE, MOBILE_SHAPE_SCORE),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """libphonenumber, region GB."""
        return check_phone(pattern_text, "GB", self.COUNTRY_CODES)
