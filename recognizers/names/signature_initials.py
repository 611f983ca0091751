"""A writer's initials signing a text: the byline of a news article ("(KS)", "(PJB)" on a line of
their own) and the initials social customer-care agents sign their replies with ("… DM us. ^JM")."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.entities import PERSON
from recognizers.scored_re2 import ScoredRe2Recognizer

#: Two to four letters, a capital first: "KS", "PJB", "ABx", "RoM" (a byline's own spelling).
_INITIALS = r"[A-Z][A-Za-z]{1,3}"

#: Abbreviations a line or a reply may hold in brackets or after a caret that name no one: chat
#: shorthand, currencies and taxes, and the few acronyms typed alone as an aside ("(PS)", "(EUR)").
_NOT_INITIALS = frozenset(
    {
        "OK", "PS", "NB", "BTW", "LOL", "FYI", "ASAP", "TBD", "TBC", "NVT", "AUB", "SVP", "EUR", "USD",
        "GBP", "VAT", "TVA", "CEO", "FAQ", "AM", "PM", "TV", "PC", "ID", "DM", "PDF", "SMS", "GSM",
        "EU", "VS", "UK", "US", "USA", "NL", "BE", "FR", "GB", "ENG", "XL", "XXL", "XS", "NEW", "BIS", "TER",
        "HT", "TTC", "BV", "NV", "SA", "SAS", "SARL", "LTD", "PLC", "INC", "CV", "WC",
    }
)  # fmt: skip


class SignatureInitialsRecognizer(ScoredRe2Recognizer):
    """PERSON: the initials a writer signs a text with, in any language.

    Format: two to four letters, a capital first and at least two capitals ("KS", "PJB", "ABx"),
    either in brackets on a line of their own (a newspaper's byline: "(GSC)" under the article)
    or after a caret at the end of a line (how social customer-care agents sign: "Sorry about
    that, please DM us your order number. ^JM"). Elsewhere capitals in brackets are an
    abbreviation of what was just said ("de Verenigde Staten (VS)") and are left alone; so are
    chat shorthand, currencies, taxes and country codes typed alone ("(PS)", "^EUR").

    Score 0.6: initials point to one person for whoever knows the team or the newsroom, but
    are shared by many.
    """

    reject_number_chains = False
    PATTERNS = (
        Re2Pattern("initials alone on a line in brackets", rf"(?m)^[ \t]*\((?P<pii>{_INITIALS})\)[ \t]*$", 0.6),
        Re2Pattern("initials after a caret ending a line", rf"(?m)\^[ ]?(?P<pii>{_INITIALS})[ \t.]*$", 0.6),
    )

    def __init__(self, supported_language: str = "nl") -> None:
        super().__init__(supported_entity=PERSON, patterns=self.PATTERNS, supported_language=supported_language)

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Keep initials of two capitals or more that are no listed abbreviation."""
        letters = text[start:end]
        if sum(c.isupper() for c in letters) < 2 or letters.upper() in _NOT_INITIALS:
            return None
        return start, end, score
