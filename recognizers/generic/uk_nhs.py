"""NHS numbers (England, Wales, Isle of Man): ten digits with a mod-11 check digit."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import UK_NHS
from recognizers.generic.gated import GatedRecognizer

# 3-3-4 with the same separator twice, or none: "030-6298775" is a Dutch landline's 3-7
_NHS = r"[0-9]{3}(?:[0-9]{7}|[ \t][0-9]{3}[ \t][0-9]{4}|-[0-9]{3}-[0-9]{4})"
# "NHS number: 943 476 5919", "NHS no. 9434765919", "my nhs 943-476-5919": the text names it.
# named, any grouping of the ten digits goes: the word says what they are
_NHS_ANY_GROUPING = r"[0-9]{3}[ \t\-]?[0-9]{3}[ \t\-]?[0-9]{4}"
_NAMED = (
    r"(?i)(?:^|[^A-Za-z0-9])nhs(?:[ \t]+(?:number|no\.?|nr|num)(?:[ \t]+is)?)?[ \t]*[:#.\-]?[ \t]*"
    rf"(?P<pii>{_NHS_ANY_GROUPING})"
)


def nhs_check_digit(first_nine: str) -> int | None:
    """The check digit of the nine leading digits, or ``None`` when no digit works (remainder 10)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_valid(value: str) -> bool:
    """Modulus 11 check of a 10-digit NHS number (separators ignored)."""
    number = digits_only(value)
    if len(number) != 10 or len(set(number)) == 1:
        return False
    return nhs_check_digit(number[:9]) == int(number[9])


class UkNhsRecognizer(GatedRecognizer):
    """NHS numbers (``UK_NHS``), English only.

    Format: ten digits, usually "3-3-4" ("943 476 5919"), compact or with dashes, the same
    separator both times ("030-6298775", 3-7, is a Dutch landline, not an NHS number). The tenth
    digit is a modulus 11 check digit: weights 10 down to 2 on the first nine digits,
    check = 11 - (sum mod 11), 11 becomes 0, 10 is never issued.
    Official source: NHS Data Dictionary, "NHS number",
    https://www.datadictionary.nhs.uk/attributes/nhs_number.html

    Scores: 0.3 for the shape; 0.6 when the check digit is right (1 in 11 random numbers passes,
    and US phone numbers share the 3-3-4 shape, so "nhs" or "patient" nearby lifts it further);
    1.0 when "NHS" ("NHS number", "NHS no.") comes right before a number with the right check
    digit, which then beats a US phone reading of the same digits (``detection.resolve_overlaps``
    gives a tie to the identifier); a wrong check digit discards the match.
    """

    min_digits = 10

    validated_score = 0.6
    CONTEXT: ClassVar[list[str]] = ["nhs", "health", "patient", "hospital", "gp", "surgery", "medical"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=UK_NHS,
            patterns=[Re2Pattern("NHS number named", _NAMED, 1.0), Re2Pattern("NHS number", _NHS, 0.3)],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Modulus 11 check digit."""
        return nhs_valid(pattern_text)
