"""French social security number (NIR)."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import FR_NIR
from recognizers.fr.common import SEP, DigitRunRecognizer, compact

_CORSICA = {"2A": "19", "2B": "18"}


def nir_key(body: str) -> int:
    """The 2-digit control key of a 13-character NIR body: 97 - (body mod 97), Corsica mapped."""
    department = body[5:7].upper()
    if department in _CORSICA:
        body = body[:5] + _CORSICA[department] + body[7:]
    return 97 - int(body) % 97


def _plausible_month(month: str) -> bool:
    """01-12, or one of INSEE's fictitious months (20-42, 50-99) for an incomplete civil status."""
    value = int(month)
    return 1 <= value <= 12 or 20 <= value <= 42 or value >= 50


class FrNirRecognizer(DigitRunRecognizer):
    """French NIR ("numéro de sécurité sociale", "numéro INSEE"), with or without its key.

    Format (décret n° 82-103 du 22 janvier 1982, art. 4; INSEE, "NIR" in the XML schema library,
    https://xml.insee.fr/schema/nir.html; service-public.fr F33078; ministères sociaux, "Les règles
    d'identification et d'immatriculation des assurés"), 13 characters then a 2-digit key:
    ``S YY MM LLLLL OOO KK``

    - ``S`` sex: 1 man, 2 woman; 7/8 are temporary numbers (NIA) given while a person's
      registration is pending, and 3/4 are reported for foreigners being registered. All six are
      accepted: the key, not the first digit, is what makes a match certain.
    - ``YY`` year, ``MM`` month of birth: 01-12, or a fictitious month (20-42, 50-99) INSEE gives
      when the civil status is incomplete; any other month is rejected.
    - ``LLLLL`` place: department (2 digits, 2A/2B for Corsica since 1 January 1976) + commune (3 digits);
      overseas departments are 3 digits + 2 (971 + 23), typed either way.
    - ``OOO`` order number; ``KK`` key = 97 - (the 13-digit number mod 97). For Corsica the key is
      computed with 2A replaced by 19 and 2B by 18 (INSEE rule, as implemented by python-stdnum's
      ``stdnum.fr.nir``: "253072A07300443" and "253072B07300470" are valid).

    Typed compact ("185057800608436") or grouped with spaces, dots or dashes
    ("1 85 05 78 006 084 36", as on the carte Vitale).

    Scores: with a key, the checksum is mandatory (a wrong key drops the match) and a valid one
    scores 1.0. Without the key (13 characters) the match scores 0.2 and only passes a detection
    threshold with a context word nearby ("sécu", "vitale"...); the month must still be plausible
    and the sex digit 1 or 2 (French EAN-13 barcodes start with 3 and would pass otherwise).
    """

    MIN_DIGITS = 13
    COMPACT_STANDS_ALONE = 15  # with its key: "179056923070577 37 ans" is a NIR, then an age
    validated_score = 1.0
    NO_KEY_SCORE = 0.2

    PATTERNS = (
        Re2Pattern(
            name="fr_nir",
            regex=(
                rf"[1-478]{SEP}[0-9]{{2}}{SEP}[0-9]{{2}}{SEP}"
                rf"(?:(?:[0-9]{{2}}|2[ABab]){SEP}[0-9]{{3}}|9[78][0-9]{SEP}[0-9]{{2}})"
                rf"{SEP}[0-9]{{3}}(?:{SEP}[0-9]{{2}})?"
            ),
            score=NO_KEY_SCORE,
        ),
    )
    CONTEXT = (
        "nir",
        "sécu",
        "secu",
        "sécurité",
        "securite",
        "social",
        "insee",
        "vitale",
        "ameli",
        "cpam",
        "msa",
        "assuré",
        "assure",
        "immatriculation",
        "ssn",
        "security",
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=FR_NIR,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Key checked when present (True/False); a keyless body only gets a plausibility check."""
        number = compact(pattern_text)
        if not _plausible_month(number[3:5]):
            return False
        if len(number) == 13:
            # Without the key only the common case: EAN-13 barcodes of French products start with 3.
            return None if number[0] in "12" else False
        return nir_key(number[:13]) == int(number[13:])
