"""United Kingdom National Insurance numbers ("QQ 12 34 56 C")."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import UK_NINO
from recognizers.generic.gated import GatedRecognizer

# First letter: not D, F, I, Q, U, V; second letter: not D, F, I, O, Q, U, V; suffix A-D.
_NINO = r"(?i)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ \t\-]?[0-9]{2}[ \t\-]?[0-9]{2}[ \t\-]?[0-9]{2}[ \t\-]?[A-D]"
# Prefixes never allocated (administrative or reserved): HMRC NIM39110.
INVALID_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


class UkNinoRecognizer(GatedRecognizer):
    """UK National Insurance numbers (``UK_NINO``), in every language: the shape is the NINO's own,
    and English chat in a Dutch, Belgian or French service may be read as the service's language.

    Format: two prefix letters, six digits, one suffix letter A-D, compact or spaced in pairs:
    "AB123456C", "AB 12 34 56 C", lower case too. Prefix rules: the first letter is not D, F, I,
    Q, U or V; the second is not D, F, I, O, Q, U or V; BG, GB, KN, NK, NT, TN and ZZ are not
    allocated (so HMRC's own example "QQ 12 34 56 C" is rejected).
    Official source: HMRC National Insurance Manual NIM39110,
    https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim39110

    Score: 0.7 (no check digit exists); an unallocated prefix discards the match.
    """

    min_digits = 6

    CONTEXT: ClassVar[list[str]] = ["insurance", "nino", "nin", "national"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=UK_NINO,
            patterns=[Re2Pattern("UK NINO", _NINO, 0.7)],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Unallocated prefixes are rejected."""
        return False if pattern_text[:2].upper() in INVALID_PREFIXES else None
