"""French VAT number (numéro de TVA intracommunautaire)."""

from __future__ import annotations

from recognizers.base import Re2Pattern, luhn_valid
from recognizers.entities import FR_VAT
from recognizers.fr.common import SEP, DigitRunRecognizer, compact

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


def vat_numeric_key(siren: str) -> int:
    """The numeric key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97."""
    return (12 + 3 * (int(siren) % 97)) % 97


def vat_valid(number: str) -> bool:
    """Check an 11-character VAT number without its "FR": 2-character key + SIREN."""
    key, siren = number[:2], number[2:]
    if len(number) != 11 or not siren.isdecimal() or any(ch not in _ALPHABET for ch in key):
        return False
    if not siren.startswith("000") and not luhn_valid(siren):  # "000..." are Monaco's, not SIRENs
        return False
    if key.isdecimal():
        return int(key) == vat_numeric_key(siren)
    # New-style key with a letter (python-stdnum's stdnum.fr.tva, no official publication).
    if key[0].isdigit():
        check = _ALPHABET.index(key[0]) * 24 + _ALPHABET.index(key[1]) - 10
    else:
        check = _ALPHABET.index(key[0]) * 34 + _ALPHABET.index(key[1]) - 100
    return (int(siren) + 1 + check // 11) % 11 == check % 11


class FrVatRecognizer(DigitRunRecognizer):
    """French intra-community VAT number: "FR" + a 2-character key + the company's SIREN.

    Format (DGFiP, https://www.impots.gouv.fr, "numéro de TVA intracommunautaire"; European
    Commission VIES): ``FR KK 123 456 789``. The numeric key is (12 + 3 × (SIREN mod 97)) mod 97,
    i.e. ``int(SIREN + "12") mod 97``; newer numbers may carry a key with letters (no I or O),
    checked with the rule python-stdnum documents. SIRENs starting with 000 (Monaco) skip Luhn.
    Typed "FR40303265045", "FR 40 303 265 045", "fr40 303265045", "FR-40-303-265-045".

    Scores: the checksum is mandatory (wrong → dropped) and a valid number scores 1.0: the "FR"
    prefix, the length and two checks together are as good as a proof.
    """

    MIN_DIGITS = 9
    validated_score = 1.0

    PATTERNS = (
        Re2Pattern(
            name="fr_vat",
            regex=rf"(?i)FR{SEP}[0-9A-HJ-NP-Z]{{2}}{SEP}[0-9]{{3}}{SEP}[0-9]{{3}}{SEP}[0-9]{{3}}",
            score=0.5,
        ),
    )
    CONTEXT = ("tva", "vat", "intracommunautaire", "intracom", "taxe", "fiscal", "tax")

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=FR_VAT,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Key and SIREN checks on the value without its "FR"."""
        return vat_valid(compact(pattern_text)[2:])
