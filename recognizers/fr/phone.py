"""French telephone numbers."""

from __future__ import annotations

import phonenumbers

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import PHONE_NUMBER
from recognizers.fr.common import SEP, DigitRunRecognizer

# Overseas departments dial the same ten digits nationally ("0690 12 34 56") but belong to their own
# region and country code in libphonenumber.
REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT")
COUNTRY_CODES = ("33", "262", "590", "594", "596")
_CODES = "|".join(COUNTRY_CODES)


def phone_candidates(value: str) -> list[tuple[str, str | None]]:
    """(number, region) pairs to hand to ``phonenumbers.parse`` for a typed French number.

    International forms become E.164 ("+33" + the nine digits, without the trunk 0 or "(0)");
    national forms are tried in metropolitan France, then in each overseas region.
    """
    digits = digits_only(value)
    if value.lstrip("(").startswith("+") or digits.startswith("00"):
        international = digits.removeprefix("00")
        code = next((c for c in COUNTRY_CODES if international.startswith(c)), "33")
        return [("+" + code + international[len(code) :].removeprefix("0"), None)]
    return [(digits, region) for region in REGIONS]


class FrPhoneRecognizer(DigitRunRecognizer):
    """French telephone numbers, national and international forms.

    Format (ARCEP, plan national de numérotation téléphonique, https://www.arcep.fr): ten
    digits ``0Z ABPQ MCDU`` where Z (1-9) is the zone or service (1-5 geographic, 6/7 mobile,
    8 special, 9 non-geographic); internationally +33 and the nine digits without the trunk 0.
    Typed as "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "06 1234 5678",
    "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33 06 12 34 56 78", "(+33) 6...", "0033612345678";
    overseas departments too: "0690 12 34 56", "+590 690 12 34 56", "+262 692...".

    Scores: a match scores 0.7 on its shape; ``validate_result`` asks ``phonenumbers`` (Google's
    libphonenumber metadata, which tracks ARCEP's allocated ranges, for metropolitan France and the
    overseas departments) and a number in an allocated range scores 0.95. A number outside them
    (e.g. "07 0x") keeps 0.7: it is still shaped and typed like a phone number.
    """

    MIN_DIGITS = 10
    validated_score = 0.95
    BASE_SCORE = 0.7

    PATTERNS = (
        Re2Pattern(name="fr_phone_national", regex=rf"0[1-9](?:{SEP}[0-9]){{8}}", score=BASE_SCORE),
        Re2Pattern(
            name="fr_phone_international",
            regex=rf"(?:\+ ?|\(\+|00)(?:{_CODES})\)?{SEP}(?:\(0\){SEP}|0{SEP})?[1-9](?:{SEP}[0-9]){{8}}",
            score=BASE_SCORE,
        ),
    )
    CONTEXT = (
        "téléphone",
        "telephone",
        "tél",
        "portable",
        "mobile",
        "numéro",
        "numero",
        "num",
        "appel",
        "joindre",
        "contacter",
        "fixe",
        "gsm",
        "sms",
        "whatsapp",
        "phone",
        "call",
        "cell",
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=PHONE_NUMBER,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """True for a number in an allocated range; otherwise no opinion (keeps the base score)."""
        for number, region in phone_candidates(pattern_text):
            try:
                parsed = phonenumbers.parse(number, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(parsed):
                return True
        return None
