"""French tax number (numéro fiscal, SPI)."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import FR_NIF
from recognizers.fr.common import SEP_REQUIRED, DigitRunRecognizer, compact

#: The divisor of the check: the last three digits are the first ten modulo 511.
CHECK_MODULUS = 511


def nif_check(body: str) -> str:
    """The three check digits of a 10-digit tax number body."""
    return f"{int(body) % CHECK_MODULUS:03d}"


class FrNifRecognizer(DigitRunRecognizer):
    """French tax number of a person ("numéro fiscal de référence", "SPI", "NIF").

    Format (DGFiP; the EU's TIN-by-country sheet for France, https://ec.europa.eu/taxation_customs/tin/;
    printed on the "avis d'impôt" and the "déclaration de revenus"): 13 digits, the first 0 to 3,
    grouped "30 23 217 600 053" (2-2-3-3-3) on the tax notices or typed compact. The last three
    digits are the first ten modulo 511: the check ``stdnum.fr.nif`` applies. A wrong check drops
    the match (a mistyped number named as such is ``IdDocumentRecognizer``'s, as a tax number after
    its name).

    Scores: grouped as the tax notices print it and checked, 0.85: the grouping and the check (one
    random number in 511 passes) together are no other number's. Compact and checked, 0.4: French
    product barcodes (EAN-13) start with 3 too, and one in 511 of them passes; a tax word nearby
    ("fiscal", "impôts", "SPI", "avis d'imposition") lifts it.
    """

    MIN_DIGITS = 13
    GROUPED_SCORE = 0.85
    COMPACT_SCORE = 0.4
    validated_score = COMPACT_SCORE  # the checksum gates; the pattern's shape sets the score

    PATTERNS = (
        Re2Pattern(
            name="fr_nif_grouped",
            regex=(
                rf"[0-3][0-9]{SEP_REQUIRED}[0-9]{{2}}{SEP_REQUIRED}[0-9]{{3}}"
                rf"{SEP_REQUIRED}[0-9]{{3}}{SEP_REQUIRED}[0-9]{{3}}"
            ),
            score=GROUPED_SCORE,
        ),
        Re2Pattern(name="fr_nif_compact", regex=r"[0-3][0-9]{12}", score=COMPACT_SCORE),
    )
    CONTEXT = (
        "fiscal",
        "fiscale",
        "impôt",
        "impôts",
        "impot",
        "impots",
        "imposition",
        "spi",
        "nif",
        "dgfip",
        "contribuable",
        "tax",
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=FR_NIF,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """The last three digits are the first ten modulo 511."""
        number = compact(pattern_text)
        return len(number) == 13 and nif_check(number[:10]) == number[10:]
