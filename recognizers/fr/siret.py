"""French establishment number (SIRET)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, luhn_valid
from recognizers.entities import FR_SIRET
from recognizers.fr.common import SEP_REQUIRED, DigitRunRecognizer, compact
from recognizers.fr.siren import COMPANY_CONTEXT

LA_POSTE_SIREN = "356000000"
LA_POSTE_HEAD_OFFICE = "35600000000048"  # follows the ordinary Luhn rule


def siret_valid(number: str) -> bool:
    """Checksum of a 14-digit SIRET: Luhn on the SIRET and on its SIREN, La Poste excepted."""
    if len(number) != 14 or not number.isdecimal():
        return False
    if number.startswith(LA_POSTE_SIREN) and number != LA_POSTE_HEAD_OFFICE:
        return sum(int(digit) for digit in number) % 5 == 0
    return luhn_valid(number) and luhn_valid(number[:9])


class FrSiretRecognizer(DigitRunRecognizer):
    """French SIRET, the 14-digit number of a company's establishment (SIREN + 5-digit NIC).

    Format (INSEE, répertoire SIRENE, https://www.sirene.fr): the SIREN (9 digits, Luhn) followed by
    the NIC (4 digits + a check digit) so that all 14 digits pass Luhn, printed "732 829 320 00074".
    Exception: La Poste's establishments (SIREN 356 000 000) have too many to fit the Luhn space,
    so their 14 digits must instead add up to a multiple of 5 (INSEE; the head office
    35600000000048 keeps Luhn). Same rules as ``stdnum.fr.siret``.

    Two independent Luhn checks let one random 14-digit number in a hundred through, so the checksum
    gates (wrong → dropped) and the shape sets the score: compact "73282932000074" 0.5, grouped
    "732 829 320 00074" or "732829320 00074" 0.6; context words lift them.
    """

    MIN_DIGITS = 14
    COMPACT_SCORE = 0.5
    GROUPED_SCORE = 0.6
    validated_score = COMPACT_SCORE  # the checksum gates; the pattern's shape sets the score

    PATTERNS = (
        Re2Pattern(name="fr_siret_compact", regex=r"[0-9]{14}", score=COMPACT_SCORE),
        Re2Pattern(
            name="fr_siret_grouped",
            regex=(
                rf"(?:[0-9]{{3}}{SEP_REQUIRED}[0-9]{{3}}{SEP_REQUIRED}[0-9]{{3}}|[0-9]{{9}})"
                rf"{SEP_REQUIRED}[0-9]{{5}}"
            ),
            score=GROUPED_SCORE,
        ),
    )
    CONTEXT = (*COMPANY_CONTEXT, "établissement", "etablissement", "nic")

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=FR_SIRET,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """SIRET checksum (see ``siret_valid``)."""
        return siret_valid(compact(pattern_text))
