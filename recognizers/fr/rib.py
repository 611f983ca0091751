"""French bank account details as a RIB (relevé d'identité bancaire)."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import IBAN_CODE
from recognizers.fr.common import SEP_REQUIRED, DigitRunRecognizer, compact

RIB_CONTEXT = ("rib", "bancaire", "banque", "compte", "virement", "prélèvement", "prelevement", "guichet")
"""Words that announce bank details (Presidio matches them as substrings of the words before)."""

#: The RIB key's letter values for an account number with letters (Banque de France's table:
#: A and J count 1, B, K and S count 2, ... I, R and Z count 9).
_LETTER_VALUES = {letter: str(index % 9 + 1) for index, letter in enumerate("ABCDEFGHIJKLMNOPQR")} | {
    letter: str(index + 2) for index, letter in enumerate("STUVWXYZ")
}


def rib_key_valid(value: str) -> bool:
    """The two-digit key of a 23-character RIB (bank 5, branch 5, account 11, key 2):
    97 - ((89 × bank + 15 × branch + 3 × account) mod 97), letters of the account as digits."""
    rib = compact(value)
    if len(rib) != 23 or not (rib[:10] + rib[21:]).isdigit():
        return False
    account = "".join(_LETTER_VALUES.get(ch, ch) for ch in rib[10:21])
    if not account.isdigit():
        return False
    bank, branch, key = int(rib[:5]), int(rib[5:10]), int(rib[21:])
    return key == 97 - (89 * bank + 15 * branch + 3 * int(account)) % 97


class FrRibRecognizer(DigitRunRecognizer):
    """French bank details written as a RIB, the domestic form French customers still copy from
    their "relevé d'identité bancaire": bank code (5 digits), branch code (5), account number (11,
    letters allowed) and the RIB key (2), "30004 00123 00012345678 43". The IBAN is "FR", two check
    digits and the same 23 characters, so the RIB names the account as the IBAN does: reported as
    ``IBAN_CODE``, with the IBAN's policy.

    Format and key: Banque de France, "clé RIB": 97 - ((89 × bank + 15 × branch + 3 × account)
    mod 97), the account's letters counted 1-9 (A, J: 1; B, K, S: 2; ...). A wrong key drops the
    match. One random 23-digit run in 97 passes it, so the key is a gate, not a proof: grouped as
    a RIB is printed (5, 5, 11, 2) 0.85; typed in one run 0.4, lifted by a context word ("rib",
    "compte", "virement"...).
    """

    MIN_DIGITS = 12  # bank, branch and key: an account number may be letters
    GROUPED_SCORE = 0.85
    COMPACT_SCORE = 0.4
    validated_score = COMPACT_SCORE  # the key gates; the pattern's shape sets the score

    PATTERNS = (
        Re2Pattern(
            name="fr_rib_grouped",
            regex=rf"[0-9]{{5}}{SEP_REQUIRED}[0-9]{{5}}{SEP_REQUIRED}[0-9A-Za-z]{{11}}{SEP_REQUIRED}[0-9]{{2}}",
            score=GROUPED_SCORE,
        ),
        Re2Pattern(name="fr_rib_compact", regex=r"[0-9]{10}[0-9A-Za-z]{11}[0-9]{2}", score=COMPACT_SCORE),
    )

    def __init__(self, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=IBAN_CODE,
            patterns=self.PATTERNS,
            context=RIB_CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """The RIB key over the 23 characters."""
        return rib_key_valid(pattern_text)
