"""United Kingdom driving licence numbers, standing alone ("MORGA753116SM9IJ")."""

from __future__ import annotations

import re
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import ID_DOCUMENT
from recognizers.generic.gated import GatedRecognizer

# Capitals only: the number is printed and typed so, and a lower-case run is a word or a code.
# Surname (five, padded with 9), birth decade, month (+50 for a woman), day, year digit, two
# initials (the second may be a 9), one digit, two check characters. A space may set the three
# parts apart, as some people copy them from the card.
_LICENCE = r"\b[A-Z][A-Z9]{4} ?[0-9][0156][0-9][0-3][0-9][0-9] ?[A-Z][A-Z9][0-9][A-Z0-9]{2}\b"
_SHAPE = re.compile(
    r"(?P<surname>[A-Z][A-Z9]{4}) ?[0-9](?P<month>[0-9]{2})(?P<day>[0-9]{2})[0-9] ?[A-Z][A-Z9][0-9][A-Z0-9]{2}"
)
_SURNAME = re.compile(r"[A-Z]+9*")


class UkDrivingLicenceRecognizer(GatedRecognizer):
    """Driving licence numbers of Great Britain (``ID_DOCUMENT``), in English, without the
    document named before them: the number's own shape is distinctive enough. After the
    document's name ("driving licence number …") ``IdDocumentRecognizer`` reports any format.

    Format (DVLA, sixteen characters, capitals): the first five letters of the surname, padded
    with 9s ("MORGA", "LEE99"); the decade digit of the year of birth; the month of birth, plus 50
    for a woman (01-12, 51-62); the day (01-31); the year digit; the first two initials, a 9 for a
    missing second one ("SM", "J9"); one digit (usually 9); two check characters. Example:
    "MORGA753116SM9IJ" (born 11 March 1976, Sarah Morgan; fictitious). The issue number printed
    after it ("35") is not part of it.
    Official source: DVLA, "Your driving licence number", https://www.gov.uk/view-driving-licence

    Score: 0.6; "licence", "license", "DVLA" or "driving" nearby raises it. A surname part with a
    letter after its padding, a month or a day that no date has, discards the match.
    """

    min_digits = 7  # six of the birth date, one after the initials
    BARE_SCORE = 0.6

    CONTEXT: ClassVar[list[str]] = ["licence", "license", "dvla", "driving", "driver"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ID_DOCUMENT,
            patterns=[Re2Pattern("UK driving licence number", _LICENCE, self.BARE_SCORE)],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A surname part of letters then only padding, a month 01-12 or 51-62, a day 01-31."""
        match = _SHAPE.fullmatch(pattern_text)
        if match is None or _SURNAME.fullmatch(match["surname"]) is None:
            return False
        month, day = int(match["month"]) % 50, int(match["day"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        return None
