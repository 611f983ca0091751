"""Dutch citizen service number (burgerservicenummer, BSN)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import NL_BSN
from recognizers.nl.common import NUMBER_START, ScoredRe2Recognizer, elfproef, is_date_digits

_GROUP_SEPARATOR = r"[ .\-]"


class NlBsnRecognizer(ScoredRe2Recognizer):
    """Burgerservicenummer: 9 digits passing the "11-test" (elfproef).

    Format and check: Rijksdienst voor Identiteitsgegevens (RvIG), which issues the BSN under the
    Wet algemene bepalingen burgerservicenummer: 9 digits d1…d9 with
    9×d1 + 8×d2 + 7×d3 + 6×d4 + 5×d5 + 4×d6 + 3×d7 + 2×d8 − 1×d9 ≡ 0 (mod 11). Older numbers
    (sofinummers) are written with 8 digits when the leading zero is dropped: they are padded.
    Typed forms: "123456782", "1234.56.782" (the official print layout), "123 456 782".

    About 1 random 9-digit number in 11 passes the test, so a bare number stays below the
    reporting threshold (0.3; 0.4 when typed in the BSN layout; 0.2 for 8 digits) and reaches it
    only with a context word (bsn, burgerservicenummer, sofinummer…: +0.35).
    """

    validated_score = 0.2  # the check confirms the shape; the pattern's score stays
    PATTERNS = (
        Re2Pattern(
            "bsn_grouped",
            rf"{NUMBER_START}(?P<pii>[0-9]{{4}}{_GROUP_SEPARATOR}[0-9]{{2}}{_GROUP_SEPARATOR}[0-9]{{3}}"
            rf"|[0-9]{{3}}{_GROUP_SEPARATOR}[0-9]{{3}}{_GROUP_SEPARATOR}[0-9]{{3}})",
            0.4,
        ),
        Re2Pattern("bsn_9_digits", rf"{NUMBER_START}(?P<pii>[0-9]{{9}})", 0.3),
        Re2Pattern("bsn_8_digits", rf"{NUMBER_START}(?P<pii>[0-9]{{8}})", 0.2),
    )
    CONTEXT = (
        "bsn",
        "burgerservicenummer",
        "burgerservice",
        "sofinummer",
        "sofi",
        "persoonsnummer",
        "persoonsgebonden",
        "fiscaal",
        "digid",
    )

    def __init__(self, supported_language: str = "nl") -> None:
        super().__init__(
            supported_entity=NL_BSN,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Elfproef on the 9 digits (8 digits are padded with a leading zero); dates are refused."""
        digits = digits_only(pattern_text)
        if len(digits) == 8:
            if is_date_digits(digits):
                return False
            digits = "0" + digits
        return elfproef(digits)
