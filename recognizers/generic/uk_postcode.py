"""United Kingdom postcodes ("SW1A 1AA", "sw1a 1aa", "M1 1AE")."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer

# Outward code (area + district) and inward code (sector digit + unit letters), with the
# position rules of the Royal Mail format: no Q, V, X in first position; no I, J, Z in second;
# inward unit letters never C, I, K, M, O, V. Ported from Presidio's UkPostcodeRecognizer.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][A-HJKPSTUW]?"
    r"|[A-PR-UWYZ][0-9]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{2})"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE_SPACED = rf"(?i)(?:GIR[ \t]0AA|{_OUTWARD}[ \t]{_INWARD})"
_POSTCODE_COMPACT = rf"(?i)(?:GIR0AA|{_OUTWARD}{_INWARD})"


class UkPostcodeRecognizer(GatedRecognizer):
    """UK postcodes (``ADDRESS``), English only.

    Format: outward code (1-2 letters, 1-2 digits, optional letter) and inward code (digit and
    two letters), usually separated by a space: "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH",
    "DN55 1PT", plus "GIR 0AA"; upper or lower case.
    Official source: Royal Mail / ONS postcode format, https://www.ons.gov.uk/methodology/geography/ukgeographies/postalgeography
    (format summarised in BS 7666).

    Scores: 0.6 with the space, 0.4 compact ("sw1a1aa", reported with context).
    """

    min_digits = 1  # "GIR 0AA"

    CONTEXT: ClassVar[list[str]] = ["postcode", "post", "address", "deliver", "shipping", "flat", "street"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("UK postcode", POSTCODE_SPACED, 0.6),
                Re2Pattern("UK postcode (compact)", _POSTCODE_COMPACT, 0.4),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )
