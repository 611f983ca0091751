"""What the Dutch and Belgian phone recognizers share: the checks after their patterns match."""

from __future__ import annotations

from typing import ClassVar

from recognizers.entities import PHONE_NUMBER
from recognizers.nl.common import is_labelled_bare_phone, looks_like_date, phone_is_valid
from recognizers.scored_re2 import ScoredRe2Recognizer


class LowCountriesPhoneRecognizer(ScoredRe2Recognizer):
    """A phone number of ``REGION`` (``"NL"``, ``"BE"``): the subclass brings the patterns and
    context words of its numbering plan; a candidate must be a valid number of the region for
    libphonenumber, no date ("06-12-2024 10"), no piece of a longer number chain and no bare
    digits after an order or invoice label ("bestelling 0201234567")."""

    ENTITY = PHONE_NUMBER
    REGION: ClassVar[str] = ""

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Number chains dropped (``ScoredRe2Recognizer``); bare digits after an order or invoice
        label dropped ("bestelling 0201234567")."""
        if is_labelled_bare_phone(score, text, start):
            return None
        return super().refine(text, start, end, score)

    def validate_result(self, pattern_text: str) -> bool:
        """A valid number of ``REGION`` for libphonenumber, and not a date ("02/03/2024 9")."""
        return not looks_like_date(pattern_text) and phone_is_valid(pattern_text, self.REGION)
