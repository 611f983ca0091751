"""North American (NANP) phone numbers: "(555) 555-0100", "555-555-0100", "+1 555 555 0100"."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.phone_validation import POSSIBLE_PHONE_SCORE, VALID_PHONE_SCORE, check_phone

_PREFIX = r"(?:(?:\+|00)?1[ \t.\-]?)?"
_AREA = r"(?:\([2-9][0-9]{2}\)[ \t.\-]?|[2-9][0-9]{2}[ \t.\-])"
_EXTENSION = r"(?:[ \t]*(?:x|ext\.?|extension|#)[ \t]*[0-9]{1,5})?"
_US_PHONE = rf"{_PREFIX}{_AREA}[2-9][0-9]{{2}}[ \t.\-][0-9]{{4}}{_EXTENSION}"
# Ten digits in a row: only with a context word ("Fax: 5403926876"); an order number looks the same.
_US_PHONE_COMPACT = r"(?:\+?1)?[2-9][0-9]{2}[2-9][0-9]{6}"


class UsPhoneRecognizer(GatedRecognizer):
    """North American Numbering Plan phone numbers (``PHONE_NUMBER``), English only.

    Format: "(555) 555-0100", "(555)555-0100", "555-555-0100", "555.555.0100", "555 555 0100",
    "+1 555 555 0100", "1-555-555-0100", "001-555-555-0100", with an optional extension
    ("x123", "ext. 123"); ten compact digits only with context.
    Official source: North American Numbering Plan Administrator, https://www.nationalnanpa.com/ ;
    validated with python-phonenumbers (region US, country code 1, Canada included).

    Scores: 0.85 when libphonenumber knows the number as valid; 0.4 when only possible (e.g. the
    fictitious 555-01xx range) or compact; otherwise discarded.
    """

    min_digits = 10

    validated_score = VALID_PHONE_SCORE
    COUNTRY_CODES = frozenset({1})
    CONTEXT: ClassVar[list[str]] = ["phone", "mobile", "cell", "text", "number", "fax", "desk"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=PHONE_NUMBER,
            patterns=[
                Re2Pattern("US phone", _US_PHONE, POSSIBLE_PHONE_SCORE),
                Re2Pattern("US phone (10 digits)", _US_PHONE_COMPACT, 0.3),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """libphonenumber, region US; a compact number never gets more than its base score."""
        result = check_phone(pattern_text, "US", self.COUNTRY_CODES)
        if result and pattern_text.lstrip("+").isdigit():
            return None
        return result
