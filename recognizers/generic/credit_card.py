"""Payment card numbers (PAN): Visa, Mastercard, Amex, Bancontact/Maestro, CB and the other big networks."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import Re2Pattern, digits_only, luhn_valid
from recognizers.entities import CREDIT_CARD
from recognizers.generic.gated import GatedRecognizer

# (network, lowest prefix, highest prefix, allowed lengths). Both prefixes of a range have the
# same number of digits, so comparing strings compares numbers ("2221" <= "2500" <= "2720").
# Source: ISO/IEC 7812-1 and the networks' published IIN ranges (summarised in
# https://en.wikipedia.org/wiki/Payment_card_number#Issuer_identification_number_(IIN)).
_BRANDS: tuple[tuple[str, str, str, frozenset[int]], ...] = (
    ("visa", "4", "4", frozenset({13, 16, 19})),
    ("mastercard", "51", "55", frozenset({16})),
    ("mastercard 2-series", "2221", "2720", frozenset({16})),
    ("amex", "34", "34", frozenset({15})),
    ("amex", "37", "37", frozenset({15})),
    ("diners", "300", "305", frozenset(range(14, 20))),
    ("diners", "3095", "3095", frozenset(range(14, 20))),
    ("diners", "36", "36", frozenset(range(14, 20))),
    ("diners", "38", "39", frozenset(range(14, 20))),
    ("discover", "6011", "6011", frozenset(range(16, 20))),
    ("discover", "644", "649", frozenset(range(16, 20))),
    ("discover", "65", "65", frozenset(range(16, 20))),
    ("jcb", "35", "35", frozenset(range(16, 20))),  # 3528-3589 issued; the whole 35 block is JCB's
    ("jcb (15 digits)", "2131", "2131", frozenset({15})),
    ("jcb (15 digits)", "1800", "1800", frozenset({15})),
    ("unionpay", "62", "62", frozenset(range(16, 20))),
    ("mir", "2200", "2204", frozenset(range(16, 20))),
    ("maestro", "5018", "5018", frozenset(range(12, 20))),
    ("maestro", "5020", "5020", frozenset(range(12, 20))),
    ("maestro", "5038", "5038", frozenset(range(12, 20))),
    ("maestro", "5893", "5893", frozenset(range(12, 20))),
    ("maestro", "56", "58", frozenset(range(12, 20))),
    ("maestro", "6304", "6304", frozenset(range(12, 20))),
    ("maestro", "6390", "6390", frozenset(range(12, 20))),
    ("maestro", "6759", "6759", frozenset(range(12, 20))),
    ("maestro", "6761", "6763", frozenset(range(12, 20))),
    ("maestro", "0604", "0604", frozenset(range(12, 20))),
    ("bancontact", "6703", "6703", frozenset(range(16, 20))),
)

# Lengths a random number of this many digits is too likely to pass Luhn + prefix by chance
# (order numbers, EAN-13 barcodes): kept at the pattern score, reported with context only.
WEAK_LENGTHS = frozenset({12, 13})


#: Lengths of a card number kept at the pattern score when it fails Luhn (a digit typed wrong):
#: reported with a context word only, and only grouped as cards are printed (``_grouped_as_a_card``).
MISTYPED_LENGTHS = frozenset({16})


def _grouped_as_a_card(value: str) -> bool:
    """Four groups of four digits with one separator throughout ("4970 1012 3456 7899")."""
    groups = value.split(value[4:5] or " ")
    return value[4:5] in (" ", "-") and len(groups) == 4 and all(len(g) == 4 and g.isdigit() for g in groups)


def brand_of(number: str) -> str | None:
    """The card network whose IIN range and length fit ``number`` (digits only), if any."""
    for brand, low, high, lengths in _BRANDS:
        if len(number) in lengths and low <= number[: len(low)] <= high:
            return brand
    return None


# RE2 cannot retry a shorter match when a longer one fails the checksum ("4970 1012 3456 7890 12/26",
# the expiry glued after the number), so each grouping length is its own pattern and the
# container/contained duplicates are resolved by score.
_GROUP = r"[ \-][0-9]"
# Compact 12-19 digits, 4-4-4-4, or Amex/Diners 4-6-5 / 4-6-4.
_CARD_MAIN = rf"(?:[0-9]{{12,19}}|[0-9]{{4}}(?:{_GROUP}{{4}}){{3}}|[0-9]{{4}}{_GROUP}{{6}}{_GROUP}{{4,5}})"
# 4-4-4-4 then 1-3 digits (17-19 digit cards).
_CARD_LONG = rf"[0-9]{{4}}(?:{_GROUP}{{4}}){{3}}{_GROUP}{{1,3}}"
# 4-4-4 and 4-4-4-1..3 (12-15 digit cards).
_CARD_SHORT = rf"[0-9]{{4}}(?:{_GROUP}{{4}}){{2}}(?:{_GROUP}{{1,3}})?"


class CreditCardRecognizer(GatedRecognizer):
    """Payment card numbers (``CREDIT_CARD``).

    Format: 12 to 19 digits, compact or grouped by spaces/dashes (4-4-4-4, 4-6-5 for Amex),
    starting with a known IIN of Visa (4), Mastercard (51-55, 2221-2720), Amex (34, 37),
    Diners, Discover, JCB, UnionPay, Mir, Maestro (incl. Bancontact 6703); French CB cards are
    co-branded Visa or Mastercard. The last digit is the Luhn check digit.
    Official source: ISO/IEC 7812-1 (numbering) and ISO/IEC 7812-1 Annex B (Luhn),
    https://www.iso.org/standard/70484.html

    Scores: an unknown IIN/length discards the match, and so does a Luhn failure, except for 16
    digits grouped 4-4-4-4 as a card prints them, which keep 0.4 and need a context word (a card
    typed with one digit wrong: "ma carte bleue 4970 1012 3456 7899" still shows fifteen of its
    digits); a valid 14-19 digit number scores 1.0; a valid 12-13 digit one (old Visa, short
    Maestro) keeps 0.4 and needs context.
    """

    min_digits = 12

    CONTEXT: ClassVar[dict[str, list[str]]] = {
        # "cb": carte bancaire; Dutch "card" for "creditcard", "debitcard" (substrings, as Presidio matches)
        "fr": ["carte", "cb", "visa", "mastercard", "amex", "bancontact", "maestro", "crédit", "paiement"],
        "nl": [
            "kaart",
            "card",
            "bankpas",
            "pinpas",
            "betaalpas",
            "visa",
            "mastercard",
            "amex",
            "bancontact",
            "maestro",
        ],
        "en": ["card", "credit", "visa", "mastercard", "amex", "maestro", "debit", "payment"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=CREDIT_CARD,
            patterns=[
                Re2Pattern("card number", _CARD_MAIN, 0.4),
                Re2Pattern("card number (4-4-4-4-x)", _CARD_LONG, 0.4),
                Re2Pattern("card number (4-4-4[-x])", _CARD_SHORT, 0.4),
            ],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A known network prefix and length, and Luhn; short numbers keep the base score, and so
        does a number of a card's usual length grouped as a card prints it that fails Luhn."""
        number = digits_only(pattern_text)
        if brand_of(number) is None:
            return False
        if not luhn_valid(number):
            # "ma carte bleue 4970 1012 3456 7899": a card typed with a digit wrong still shows the
            # other fifteen; grouped 4-4-4-4 it is reported beside a card word, never alone
            return None if len(number) in MISTYPED_LENGTHS and _grouped_as_a_card(pattern_text) else False
        if len(number) in WEAK_LENGTHS:
            return None
        return True
