"""United States Social Security numbers ("078-05-1120" style: area-group-serial)."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import US_SSN
from recognizers.generic.gated import GatedRecognizer

# Same separator on both sides: RE2 has no back-references, so one alternative per separator.
_SSN_DASHED = r"[0-9]{3}-[0-9]{2}-[0-9]{4}"
_SSN_OTHER = r"(?:[0-9]{3} [0-9]{2} [0-9]{4}|[0-9]{3}\.[0-9]{2}\.[0-9]{4})"
_SSN_COMPACT = r"[0-9]{9}"
# Numbers published as examples (the Woolworth wallet card, advertising) and never valid.
_SAMPLES = frozenset({"078051120", "219099999", "457555462", "123456789", "987654320"})


def ssn_plausible(value: str) -> bool:
    """SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; no sample numbers."""
    number = digits_only(value)
    if len(number) != 9 or number in _SAMPLES or len(set(number)) == 1:
        return False
    area, group, serial = number[:3], number[3:5], number[5:]
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


class UsSsnRecognizer(GatedRecognizer):
    """US Social Security numbers (``US_SSN``), English only.

    Format: area (3 digits), group (2), serial (4): "AAA-GG-SSSS", also with spaces or dots, or
    nine digits in a row. Never issued: area 000, 666 and 900-999 (ITINs), group 00, serial
    0000, and the published sample numbers (078-05-1120...).
    Official source: Social Security Administration, SSN randomization and number structure,
    https://www.ssa.gov/employer/randomization.html

    Scores: 0.5 dashed, 0.4 spaced or dotted, 0.2 compact (reported only with "ssn",
    "social security" nearby); numbers that break the SSA rules are discarded.
    """

    min_digits = 9

    CONTEXT: ClassVar[list[str]] = ["ssn", "ssns", "social", "security", "ssid", "taxpayer"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=US_SSN,
            patterns=[
                Re2Pattern("SSN (dashes)", _SSN_DASHED, 0.5),
                Re2Pattern("SSN (spaces or dots)", _SSN_OTHER, 0.4),
                Re2Pattern("SSN (compact)", _SSN_COMPACT, 0.2),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """SSA allocation rules (no checksum exists): implausible numbers are dropped."""
        return None if ssn_plausible(pattern_text) else False
