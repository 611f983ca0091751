"""Vehicle identification numbers: "VIN 1M8GDM9AXKP042788", "numéro de châssis VF1RFB00X56789012"."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name
from recognizers.entities import VIN
from recognizers.generic.gated import GatedRecognizer

# ISO 3779: 17 capital letters and digits, never I, O or Q (they read as 1 and 0).
_VIN_CHARACTER = "A-HJ-NPR-Z0-9"
_VIN = rf"[{_VIN_CHARACTER}]{{17}}"
# Typed after its name, in either case ("mon vin est vf1rfb00x56789012").
_ANY_CASE_VIN = rf"[{_VIN_CHARACTER}a-hj-npr-z]{{17}}"
_NAMES = (
    r"(?:vin|vin-?(?:nummer|code)|vehicle identification number|chassis(?:-| )?(?:number|no\.?|nr\.?|nummer)"
    r"|chassisnummer|chassisnr\.?|frame number|num[ée]ro (?:vin|de ch[âa]ssis|d['’ ]?identification du v[ée]hicule)"
    r"|n° (?:vin|de ch[âa]ssis)|ch[âa]ssis|voertuigidentificatienummer)"
)
_FILLERS = r"(?:is|est|le|la|my|mon|mijn|van|de|du|of|the|number|nummer|numéro|numero|nr|no|n°|code|:)"
_BOUNDARY_BEFORE, _BOUNDARY_AFTER = r"(?:^|[^A-Za-z0-9])", r"(?:$|[^A-Za-z0-9])"
# North American check digit (49 CFR 565.15): each character's value times its position's weight,
# summed modulo 11, is the ninth character ("X" for 10).
_VALUES = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_CHECK_POSITION = 8


def vin_check_digit(vin: str) -> str | None:
    """The ninth character a North American VIN must have, or ``None`` if ``vin`` is not 17 VIN
    characters."""
    if len(vin) != len(_WEIGHTS):
        return None
    total = 0
    for character, weight in zip(vin.upper(), _WEIGHTS, strict=True):
        value = _VALUES.get(character)
        if value is None:
            return None
        total += value * weight
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def vin_check_digit_valid(vin: str) -> bool:
    """Whether the ninth character of ``vin`` is its North American check digit."""
    expected = vin_check_digit(vin)
    return expected is not None and vin[_CHECK_POSITION].upper() == expected


class VinRecognizer(GatedRecognizer):
    """Vehicle identification numbers (``VIN``), every language.

    Format (ISO 3779): 17 letters and digits without I, O or Q: a 3-character world manufacturer
    identifier ("VF1" Renault, "WVW" Volkswagen, "1HG" Honda USA), six characters describing the
    vehicle, then its model year, plant and serial number (in practice digits at the end). North
    American VINs carry a check digit in the ninth position (49 CFR 565.15: characters transliterated
    to numbers, weighted, summed modulo 11, "X" for 10); European makers often put "Z" or another
    filler there instead, so a failed check digit does not rule a VIN out.

    A VIN is personal data: the registration authority, insurers and garages link it to the keeper,
    and it is printed on the registration certificate ("carte grise", "kentekenbewijs", V5C).

    Scores: 0.95 after its name ("VIN", "numéro de châssis", "chassisnummer") with a valid check
    digit, 0.85 without; 0.6 for a bare VIN in capitals with a valid check digit and four digits at
    the end; 0.3 without the check digit (context words such as "voiture", "car", "auto" raise it
    over the threshold). Never a run of digits alone or of letters alone.
    """

    min_digits = 4  # the serial number at the end is digits
    NAMED_SCORE = 0.85
    NAMED_CHECKED_SCORE = 0.95
    BARE_CHECKED_SCORE = 0.6
    BARE_SCORE = 0.3

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["vin", "châssis", "chassis", "voiture", "véhicule", "auto", "grise", "immatriculation"],
        "nl": ["vin", "chassis", "chassisnummer", "auto", "wagen", "voertuig", "kenteken", "kentekenbewijs"],
        "en": ["vin", "chassis", "car", "vehicle", "van", "v5c", "logbook"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=VIN,
            patterns=[
                Re2Pattern(
                    "VIN after its name",
                    after_its_name(_NAMES, _FILLERS, _ANY_CASE_VIN, NAME_SEPARATOR, 2) + _BOUNDARY_AFTER,
                    self.NAMED_SCORE,
                ),
                Re2Pattern("VIN-shaped code", rf"{_BOUNDARY_BEFORE}(?P<pii>{_VIN}){_BOUNDARY_AFTER}", self.BARE_SCORE),
            ],
            context=self.CONTEXT[supported_language if supported_language in self.CONTEXT else "en"],
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A VIN holds letters and digits both (a 17-digit number is something else)."""
        if not any(ch.isdigit() for ch in pattern_text) or not any(ch.isalpha() for ch in pattern_text):
            return False
        return None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A named VIN with a valid check digit scores ``NAMED_CHECKED_SCORE``; a bare one with a
        valid check digit ``BARE_CHECKED_SCORE`` when its last four characters are digits."""
        for result in results:
            value = text[result.start : result.end]
            checked = vin_check_digit_valid(value)
            score = result.score
            if result.score >= self.NAMED_SCORE:
                if checked:
                    score = self.NAMED_CHECKED_SCORE
            elif checked and value[-4:].isdigit():
                score = self.BARE_CHECKED_SCORE
            result.score = score
            if result.analysis_explanation is not None:
                result.analysis_explanation.score = score  # ``piiflow explain`` shows the score given
        return results
