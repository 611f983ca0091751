"""Dutch citizen service number (burgerservicenummer, BSN)."""

from __future__ import annotations

import re2

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import NL_BSN
from recognizers.nl.common import NUMBER_START, elfproef, is_date_digits, word_set
from recognizers.scored_re2 import ScoredRe2Recognizer

_GROUP_SEPARATOR = r"[ .\-]"

#: Scores of an elfproef-valid number in a Dutch message without a negative context word.
PRINT_LAYOUT_SCORE = 0.6  # "1234.56.782", "1234 56 782": the layout printed on passports and letters
REPORTED_SCORE = 0.55  # "123456782", "123 456 782"

#: Words that, among the three words before the number, say it is another number: an order, an
#: invoice, a parcel, a ticket… (Dutch, and the English and French words Dutch chat borrows).
#: Compared as whole words and as prefixes of compounds ("bestelnummer", "factuurnr", "pakketcode").
NEGATIVE_WORDS: frozenset[str] = word_set(
    """
    order bestel factuur klantnummer klantnr klant referentie ref kenmerk betalingskenmerk ticket
    pakket pakje zending verzending track trace tracking artikel product serie sku ean barcode imei
    code kortingscode voucher coupon cadeaukaart tegoedbon bon bonnummer kassabon transactie
    dossier zaak zaaknummer polis contract abonnement retour rma aanvraag melding storing offerte
    invoice parcel package shipment reference commande facture colis suivi
    """
)
#: Short negative words matched only whole ("ref" must not match "referendum"…; "bon" not "bonjour").
_WHOLE_ONLY = word_set("ref bon ean sku rma klant")
_PREFIXES = tuple(sorted(NEGATIVE_WORDS - _WHOLE_ONLY))
#: Words, "#", and what ends a sentence ("?", "!", a new line, a full stop before a space).
_TOKEN = re2.compile(r"[^\W\d_]+|[#!?\n]|\.(?:\s|$)")
_CONTEXT_WORDS = 3
#: An international prefix right before the number: "+31 612345678", "0031 (0)612 345 678".
_COUNTRY_CODE = re2.compile(r"(?:^|[^0-9])(?:\+|00)[ ]?[0-9]{1,3}[ ]?(?:\(0\)[ ]?)?$")
#: A currency right before or after the number: an amount ("€ 123.456.789", "123456789 euro").
_CURRENCY_BEFORE = re2.compile(r"(?i)(?:€|\$|£|(?:^|[^a-z])eur(?:o|os)?)[ ]?$")
_CURRENCY_AFTER = re2.compile(r"(?i)^[ ]?(?:€|eur\b|euro)")
#: A letter or a digit: a message with none outside the candidate holds nothing but the number.
_ALNUM = re2.compile(r"[^\W_]")


class NlBsnRecognizer(ScoredRe2Recognizer):
    """Burgerservicenummer: 9 digits passing the "11-test" (elfproef).

    Format and check: Rijksdienst voor Identiteitsgegevens (RvIG), which issues the BSN under the
    Wet algemene bepalingen burgerservicenummer: 9 digits d1…d9 with
    9×d1 + 8×d2 + 7×d3 + 6×d4 + 5×d5 + 4×d6 + 3×d7 + 2×d8 − 1×d9 ≡ 0 (mod 11). Older numbers
    (sofinummers) are written with 8 digits when the leading zero is dropped: they are padded.
    Typed forms: "123456782", "1234.56.782" (the official print layout), "123 456 782".

    Policy: about 1 random 9-digit number in 11 passes the test, so an order number is sometimes
    taken for a BSN; but a leaked BSN (identity fraud, a special "nationaal identificatienummer"
    under the GDPR/UAVG) costs far more than a masked order number. In a Dutch message an
    elfproef-valid number is therefore reported without a context word:

    * 0.6 in the print layout 4-2-3 ("1234.56.782", "1234 56 782"), which nothing else uses;
    * 0.55 bare ("123456782") or grouped 3-3-3 ("123 456 782", a common way to type it),
    * unless it is said to be another number: a negative word among the three words before it in
      its sentence (ordernummer, bestelling, factuur, klantnummer, referentie, ticket, pakket,
      zending, tracking, artikel, code…; see ``NEGATIVE_WORDS``) or "#" ("order #123456789");
    * and unless the message holds nothing but the number (bare or 3-3-3): a lone number answers
      the agent's previous question, which decides through the conversation context (a lone
      "123456782" after "wat is uw bsn?" is lifted; after "uw ordernummer?" it is not).

    Those, an amount ("€ 123.456.782", "123456782 euro") and 8 digits stay at 0.3 (bare) / 0.4
    (grouped) / 0.2 (8 digits), below the 0.5 threshold; a BSN context word (bsn,
    burgerservicenummer, sofinummer…) adds 0.35. Never reported: pieces of a longer separated
    number or of an amount ("123 456 782 123", "12345678,50"), a subscriber number after a mobile
    or country prefix ("06 12345678", "+31 612345678"), and dates as 8 digits. In other languages
    (the recognizer is built for Dutch only, see ``recognizers.nl.build``) nothing is lifted.
    """

    validated_score = 0.2  # the check confirms the shape; the pattern's score stays
    ENTITY = NL_BSN
    PATTERNS = (
        Re2Pattern(
            "bsn_grouped",
            rf"{NUMBER_START}(?P<pii>[0-9]{{4}}{_GROUP_SEPARATOR}[0-9]{{2}}{_GROUP_SEPARATOR}[0-9]{{3}}"
            rf"|[0-9]{{3}}{_GROUP_SEPARATOR}[0-9]{{3}}{_GROUP_SEPARATOR}[0-9]{{3}})",
            0.4,
        ),
        Re2Pattern("bsn_9_digits", rf"{NUMBER_START}(?P<pii>[0-9]{{9}})", 0.3),
        Re2Pattern("bsn_8_digits", rf"{NUMBER_START}(?P<pii>[0-9]{{8}})", 0.2),
    )
    CONTEXT = (
        "bsn",
        "burgerservicenummer",
        "burgerservice",
        "sofinummer",
        "sofi",
        "persoonsnummer",
        "persoonsgebonden",
        "fiscaal",
        "digid",
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Elfproef on the 9 digits (8 digits are padded with a leading zero); dates are refused."""
        digits = digits_only(pattern_text)
        if len(digits) == 8:
            if is_date_digits(digits):
                return False
            digits = "0" + digits
        return elfproef(digits)

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Drop phone and amount pieces; report a 9-digit Dutch candidate unless it is another number."""
        refined = super().refine(text, start, end, score)
        if refined is None or _COUNTRY_CODE.search(text[max(0, start - 12) : start]) is not None:
            return None
        candidate = text[start:end]
        if (
            self.supported_language != "nl"
            or len(digits_only(candidate)) != 9
            or _CURRENCY_BEFORE.search(text[max(0, start - 8) : start]) is not None
            or _CURRENCY_AFTER.search(text[end : end + 6]) is not None
            or said_to_be_another_number(text, start)
        ):
            return refined
        print_layout = len(candidate) == 11 and candidate[4] in " .-" and candidate[7] in " .-"
        if not print_layout and _ALNUM.search(text[:start] + text[end:]) is None:
            return refined  # a lone number: the conversation context decides
        return start, end, max(score, PRINT_LAYOUT_SCORE if print_layout else REPORTED_SCORE)


def said_to_be_another_number(text: str, start: int) -> bool:
    """True when "#" or a word of ``NEGATIVE_WORDS`` is among the three words before ``start``.

    The look stops at the end of the previous sentence ("?", "!", a new line, ". "), except after
    a short abbreviation ("bestelling nr. 123…", "ref. 123…").
    """
    tokens = _TOKEN.findall(text[max(0, start - 80) : start])
    seen = 0
    for index in range(len(tokens) - 1, -1, -1):
        item = tokens[index].lower()
        if item[0] == "#":
            return True
        if item[0] in "!?\n":
            return False
        if item[0] == ".":
            previous = tokens[index - 1] if index > 0 else ""
            if previous.isalpha() and len(previous) <= 3:
                continue
            return False
        if item in NEGATIVE_WORDS or item.startswith(_PREFIXES):
            return True
        seen += 1
        if seen == _CONTEXT_WORDS:
            return False
    return False
