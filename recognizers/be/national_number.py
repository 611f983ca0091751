"""Belgian national register number (rijksregisternummer / numéro de registre national)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import BE_NATIONAL_NUMBER
from recognizers.nl.common import NUMBER_START
from recognizers.scored_re2 import ScoredRe2Recognizer

_SEP = r"(?:[ ]?[\-.][ ]?|[ ])"


def national_number_valid(digits: str) -> bool:
    """Mod-97 check of an 11-digit national number, for births before or from 2000.

    check = 97 − (first 9 digits mod 97); for people born from 2000 the 9 digits are prefixed
    with "2" (i.e. 2 000 000 000 is added) before taking the remainder. The birth date part
    must be plausible: month 0-12 (0: unknown), or +20 / +40 for BIS numbers; day 0-31.
    """
    if len(digits) != 11 or not digits.isdecimal():
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if month % 20 > 12 or month > 52 or day > 31:
        return False
    body, check = int(digits[:9]), int(digits[9:])
    return check in (97 - body % 97, 97 - (2_000_000_000 + body) % 97)


class BeNationalNumberRecognizer(ScoredRe2Recognizer):
    """Rijksregisternummer / numéro de registre national (also the INSZ / NISS of non-residents).

    Source: the Rijksregister / Registre national (FOD Binnenlandse Zaken / SPF Intérieur) and the
    Vlaamse overheid's description of the mod-97 check: YY.MM.DD-SSS.CC where YYMMDD is the
    birth date (month +20/+40 for BIS numbers), SSS a day counter (odd: men, even: women) and
    CC = 97 − (YYMMDDSSS mod 97), computed on "2" + YYMMDDSSS for births from 2000.
    Typed forms: "85.07.30-033.28", "85073003328", "850730 033 28", "850730-033-28".

    11 digits with a mod-97 check and a date-shaped start are specific: 0.85 bare, 0.95 in the
    official punctuation. A failed check is refused. Context words (French and Dutch) add 0.35.
    """

    validated_score = 0.0
    ENTITY = BE_NATIONAL_NUMBER
    PATTERNS = (
        Re2Pattern(
            "be_nn_formatted",
            rf"{NUMBER_START}(?P<pii>[0-9]{{2}}[. ][0-9]{{2}}[. ][0-9]{{2}}{_SEP}?[0-9]{{3}}{_SEP}?[0-9]{{2}}"
            rf"|[0-9]{{6}}{_SEP}[0-9]{{3}}{_SEP}?[0-9]{{2}})",
            0.95,
        ),
        Re2Pattern("be_nn_bare", rf"{NUMBER_START}(?P<pii>[0-9]{{11}})", 0.85),
    )
    CONTEXT = (
        "rijksregisternummer",
        "rijksregister",
        "insz",
        "identiteitskaart",
        "registre",
        "niss",
        "inss",
        "identité",
        "identite",
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Mod-97 check (both centuries) and a plausible birth month and day."""
        return national_number_valid(digits_only(pattern_text))
