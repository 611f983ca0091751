"""French company number (SIREN)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, luhn_valid
from recognizers.entities import FR_SIREN
from recognizers.fr.common import SEP_REQUIRED, DigitRunRecognizer, compact

COMPANY_CONTEXT = (
    "siren",
    "siret",
    "entreprise",
    "société",
    "societe",
    "sarl",
    "eurl",
    "sasu",
    "kbis",
    "rcs",
    "immatriculation",
    "entrepreneur",
    "professionnel",
    "insee",
    "company",
    "business",
)
"""Words that announce a company identifier (French first; English for mixed-language chats)."""


class FrSirenRecognizer(DigitRunRecognizer):
    """French SIREN, the 9-digit number INSEE gives every company and sole trader.

    Format (INSEE, répertoire SIRENE, https://www.sirene.fr; Code de commerce art. R123-220 ff.):
    8 digits and a Luhn check digit, printed "732 829 320". The Luhn rule is the one
    ``stdnum.fr.siren`` applies; the La Poste exception concerns its establishments (SIRET),
    not its SIREN 356 000 000, which passes Luhn.

    Nine digits are everywhere in chat (orders, parcels, prices) and one in ten random ones passes
    Luhn, so the checksum is a gate (a wrong one drops the match) and not a proof: a valid compact
    "732829320" scores 0.3 and a grouped "732 829 320" 0.4, and a context word ("siren",
    "société"...) is what lifts them over a detection threshold.
    """

    MIN_DIGITS = 9
    COMPACT_SCORE = 0.3
    GROUPED_SCORE = 0.4
    validated_score = COMPACT_SCORE  # the checksum gates; the pattern's shape sets the score

    PATTERNS = (
        Re2Pattern(name="fr_siren_compact", regex=r"[0-9]{9}", score=COMPACT_SCORE),
        Re2Pattern(
            name="fr_siren_grouped",
            regex=rf"[0-9]{{3}}{SEP_REQUIRED}[0-9]{{3}}{SEP_REQUIRED}[0-9]{{3}}",
            score=GROUPED_SCORE,
        ),
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=FR_SIREN,
            patterns=self.PATTERNS,
            context=COMPANY_CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Luhn over the 9 digits."""
        return luhn_valid(compact(pattern_text))
