"""Dutch Chamber of Commerce number (KVK-nummer)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import NL_KVK
from recognizers.nl.common import NUMBER_START, is_date_digits
from recognizers.scored_re2 import ScoredRe2Recognizer


class NlKvkRecognizer(ScoredRe2Recognizer):
    """KVK-nummer: the 8-digit number of a business in the Handelsregister.

    Source: kvk.nl ("KVK-nummer: alles wat je moet weten") and KVK's report "De nummers van het
    Handelsregister": 8 digits, a sequence number; KVK publishes no check digit for it. Many
    older numbers happen to pass an 11-test, but nothing guarantees it, so nothing is validated
    beyond refusing dates and all-zero numbers. A sole trader's KVK number identifies a person.
    Typed forms: "12345678", "1234 5678", "1234.5678".

    Any 8-digit number (order, invoice, customer numbers) looks the same, so the base score is
    0.2: only a context word (kvk, koophandel, handelsregister …: +0.35) makes it reportable.
    """

    validated_score = 0.0
    ENTITY = NL_KVK
    PATTERNS = (Re2Pattern("kvk_8_digits", rf"{NUMBER_START}(?P<pii>[0-9]{{8}}|[0-9]{{4}}[ .][0-9]{{4}})", 0.2),)
    CONTEXT = (
        "kvk",
        "koophandel",
        "handelsregister",
        "inschrijvingsnummer",
        "ondernemingsnummer",
        "eenmanszaak",
        "zzp",
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Refuse dates ("12032024", "20240312") and 00000000; no checksum exists."""
        digits = digits_only(pattern_text)
        return int(digits) != 0 and not is_date_digits(digits)
