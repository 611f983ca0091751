"""Belgian enterprise number (ondernemingsnummer / numéro d'entreprise, KBO / BCE), and the
Belgian VAT number built on it."""

from __future__ import annotations

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name, digits_only
from recognizers.entities import BE_ENTERPRISE_NUMBER
from recognizers.nl.common import NUMBER_START
from recognizers.scored_re2 import ScoredRe2Recognizer

_SEP = r"[ .]?"
_TEN_DIGITS = rf"[01][0-9]{{3}}{_SEP}[0-9]{{3}}{_SEP}[0-9]{{3}}"
#: The number's names, Dutch and French: "ondernemingsnummer", "KBO-nummer", "numéro d'entreprise",
#: "n° BCE", "btw-nummer", "n° TVA" (a VAT number written without "BE").
_NAMES = (
    r"ondernemingsnummer|ondernemingsnr\.?|kbo(?:[ \-]?(?:nummer|nr\.?))?|btw(?:[ \-]?(?:nummer|nr\.?))?"
    r"|(?:num[ée]ro|n°|no)\.? ?(?:d['’] ?entreprise|bce|tva)|bce|tva"
)
_FILLERS = r"(?:is|est|:|mijn|ons|onze|notre|mon|le|van|de|du)"


def enterprise_number_valid(digits: str) -> bool:
    """Mod-97 check of a 10-digit enterprise number: the last two digits are 97 minus the first
    eight modulo 97. The first digit is 0 or 1 (1 since numbers starting with 0 ran out)."""
    if len(digits) != 10 or not digits.isdecimal() or digits[0] not in "01":
        return False
    return int(digits[8:]) == 97 - int(digits[:8]) % 97


class BeEnterpriseNumberRecognizer(ScoredRe2Recognizer):
    """Ondernemingsnummer / numéro d'entreprise: the number of a business in the Kruispuntbank van
    Ondernemingen / Banque-Carrefour des Entreprises, and with "BE" before it the Belgian VAT number.

    Source: FOD Economie / SPF Economie ("Het ondernemingsnummer", KBO public search) and the EU
    VIES format list: 10 digits, the first 0 or 1, written "0403.170.701"; the last two digits are
    97 − (first eight mod 97). The VAT number is "BE" + the same ten digits ("BE0403170701").
    A sole trader's enterprise number identifies the person, as a KvK number or a SIREN does.
    Typed forms: "0403.170.701", "0403 170 701", "0403170701", "BE 0403.170.701", "BE0403170701".

    A failed check is refused. With "BE" before it the number is specific: 0.9; right after its
    name ("KBO-nummer 0403 170 701", "n° BCE : 0403.170.701") 0.95, so that it beats the phone
    number the same digits also make (a tie goes to the identifier the text named). The official
    dots ("0403.170.701") rarely group anything else: 0.6. Ten digits without them can be a phone
    or an order number (one in 97 passes the check): 0.2, reportable after a context word
    (ondernemingsnummer, KBO, BCE, btw, TVA, +0.35).
    """

    validated_score = 0.0
    ENTITY = BE_ENTERPRISE_NUMBER
    PATTERNS = (
        Re2Pattern("be_vat", rf"(?P<pii>[Bb][Ee][ ]?{_TEN_DIGITS})", 0.9),
        Re2Pattern("be_enterprise_named", after_its_name(_NAMES, _FILLERS, _TEN_DIGITS, NAME_SEPARATOR, 2), 0.95),
        Re2Pattern("be_enterprise_dotted", rf"{NUMBER_START}(?P<pii>[01][0-9]{{3}}\.[0-9]{{3}}\.[0-9]{{3}})", 0.6),
        Re2Pattern("be_enterprise_bare", rf"{NUMBER_START}(?P<pii>[01][0-9]{{3}}[ ]?[0-9]{{3}}[ ]?[0-9]{{3}})", 0.2),
    )
    CONTEXT = (
        "ondernemingsnummer",
        "kbo",
        "btw",
        "entreprise",
        "bce",
        "tva",
        "onderneming",
        "zelfstandige",
        "indépendant",
    )

    def validate_result(self, pattern_text: str) -> bool:
        """The mod-97 check on the ten digits."""
        return enterprise_number_valid(digits_only(pattern_text))
