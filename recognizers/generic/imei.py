"""IMEI numbers of mobile phones: "IMEI 35 209900 176148 1", "numéro IMEI : 352099001761481"."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name, digits_only, luhn_valid
from recognizers.entities import IMEI
from recognizers.generic.gated import GatedRecognizer

# As printed on boxes and typed: 15 digits, whole or in groups separated by single spaces, dots,
# dashes or slashes ("35-209900-176148-1", "35 209900 176148 1"); the IMEISV has 16 digits.
_DIGITS = r"[0-9](?:[ ./\-]?[0-9]){14,15}"
_NAMES = r"(?:imei|imeisv|imei-?nummer|imei-?code|num[ée]ro imei|code imei)"
_FILLERS = r"(?:is|est|le|la|my|mon|mijn|van|de|du|of|the|number|nummer|numéro|numero|nr|no|n°|code)"
# Reporting Body Identifiers that open the IMEIs of phones in use (GSMA TS.06 and the TAC
# allocations seen on phones sold in Europe): a bare number needs one of them.
_BARE_PREFIXES = ("01", "35", "86", "99")


class ImeiRecognizer(GatedRecognizer):
    """IMEI numbers (``IMEI``), every language.

    Format: 15 digits, the last a Luhn check digit over the first 14 (8-digit type allocation code,
    6-digit serial number, check digit), whole or grouped ("35-209900-176148-1"); the IMEISV has
    16 digits and no check digit. After its name ("IMEI", "numéro IMEI", "IMEI-nummer") any such
    number counts, a failed check digit included (a typo still names the phone); without the name,
    only a 15-digit run with a valid check digit that opens like the IMEIs of phones in use ("35",
    "86", "01", "99"), raised by "imei" nearby.

    An IMEI identifies one handset: operators, shops, insurers and the police link it to the
    subscriber (an online identifier, GDPR recital 30). Source: GSMA TS.06 "IMEI Allocation and
    Approval Process" (format and check digit) and 3GPP TS 23.003 section 6 (IMEI and IMEISV).

    Scores: 0.95 after its name with a valid check digit, 0.6 with a failed one or as IMEISV; 0.4
    for a bare IMEI-shaped number (context words raise it).
    """

    min_digits = 15
    NAMED_SCORE = 0.95
    NAMED_UNCHECKED_SCORE = 0.6
    BARE_SCORE = 0.4

    CONTEXT: ClassVar[list[str]] = ["imei", "toestel", "appareil", "téléphone", "telefoon", "phone", "handset"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=IMEI,
            patterns=[
                Re2Pattern(
                    "IMEI after its name",
                    after_its_name(_NAMES, _FILLERS, _DIGITS, NAME_SEPARATOR, 2),
                    self.NAMED_UNCHECKED_SCORE,
                ),
                Re2Pattern("IMEI-shaped number", r"[0-9]{15}", self.BARE_SCORE),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A named IMEI with a valid check digit scores ``NAMED_SCORE``, a bare number
        needs a valid check digit and a known prefix."""
        kept = []
        for result in results:
            digits = digits_only(text[result.start : result.end])
            valid = len(digits) == 15 and luhn_valid(digits)
            if result.score >= self.NAMED_UNCHECKED_SCORE:
                if valid:
                    result.score = self.NAMED_SCORE
                kept.append(result)
            elif valid and digits.startswith(_BARE_PREFIXES):
                kept.append(result)
        return kept
