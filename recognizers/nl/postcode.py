"""Dutch postcodes ("1234 AB")."""

from __future__ import annotations

import re

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.nl.common import UNIT_WORDS, next_word, word_set
from recognizers.scored_re2 import ScoredRe2Recognizer

#: Letter pairs PostNL never issues (SA, SD, SS: wartime connotations).
UNUSED_LETTERS = frozenset({"sa", "sd", "ss"})

#: Units typed after a number ("1500km", "2000 gb"): refused in lower case; the ones people also
#: type in upper case ("2000 GB", "1500 KM") are refused in any case, at the cost of the real
#: postcodes with those letters.
UNIT_PAIRS = word_set("km kg cm mm ml cl dl mg gb mb kb tb kw mw hz ms pk cc")
UPPER_CASE_UNITS = word_set("gb mb kb tb km kg")

#: Two-letter words that follow a number in chat ("in 2024 is", "sinds 1998 al"): refused when
#: typed spaced and lower-case, the form in which a chat line and a postcode look alike.
CHAT_PAIRS = word_set(
    """
    al af an bv da de di do ei en er ga ge ha he hé ik in is je ja ka ke ko la le ma me mi na nu
    oa oh ok om on op pa re so ta te to tv uw vd we wo za zo ze
    am as at be by go hi if it my no of or up us
    au ça ce du et il ne ni ou se si tu un va vu
    pp st ex eu nl fr uk hr
    """
)


#: The house number typed right after the postcode, as web forms ask for them ("1234AB 56",
#: "1234 AB, 12a", "1234AB 12-2"): the two name one address. Not a number that goes on (a phone
#: number's first digits) or a number of units ("1234AB 12 euro"). Bounded blanks: Python's
#: regex, and a run of blanks must not make it backtrack.
_HOUSE_NUMBER_AFTER = re.compile(
    r"(?:[ \t]{0,3},)?[ \t]{1,3}([1-9][0-9]{0,4}(?![0-9])(?:[a-zA-Z]|-[0-9]{1,3})?)(?![0-9A-Za-z]|[.,/-][0-9A-Za-z])"
)


class NlPostcodeRecognizer(ScoredRe2Recognizer):
    """Dutch postcode: 4 digits (first 1-9) and 2 letters, "1234 AB" / "1234AB" / "1234 ab".

    Source: PostNL's postcode system: digits 1000-9999, then two letters A-Z, never the pairs
    SA, SD or SS. A postcode covers one side of a street segment (about 20 addresses), so alone
    it is a quasi-identifier: 0.6 when upper-case or typed glued ("1234ab"), 0.4 for a spaced
    lower-case pair ("1234 ab"), which chat also produces from "2024 is" or "1500 km": those
    pairs (short words, units) are refused and the rest needs a context word (postcode, adres…).
    A house number typed right after it ("1234AB 56", "1234 AB, 12a"), as forms ask for the two,
    is reported with it.
    """

    validated_score = 0.0
    reject_number_chains = False
    ENTITY = ADDRESS
    PATTERNS = (
        Re2Pattern("nl_postcode_upper", r"(?P<pii>[1-9][0-9]{3}[ ]?[A-Z]{2})", 0.6),
        Re2Pattern("nl_postcode_glued", r"(?P<pii>[1-9][0-9]{3}[A-Za-z]{2})", 0.6),
        Re2Pattern("nl_postcode_spaced", r"(?P<pii>[1-9][0-9]{3} [A-Za-z]{2})", 0.4),
    )
    CONTEXT = ("postcode", "adres", "woon", "wonen", "straat", "huisnummer", "verhuis", "verhuiz", "bezorg")

    def validate_result(self, pattern_text: str) -> bool:
        """Refuse the letter pairs PostNL never uses."""
        return pattern_text[-2:].lower() not in UNUSED_LETTERS

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Refuse units, chat words and decimals that only look like a postcode."""
        letters = text[end - 2 : end].lower()
        spaced_lower = " " in text[start:end] and not text[end - 2 : end].isupper()
        if letters in UPPER_CASE_UNITS or (letters in UNIT_PAIRS and not text[end - 2 : end].isupper()):
            return None
        if letters in {"am", "pm"} and int(text[start : start + 2]) <= 12 and int(text[start + 2 : start + 4]) < 60:
            return None  # "1130am": a time
        if spaced_lower and (letters in CHAT_PAIRS or next_word(text, end) in UNIT_WORDS):
            return None
        if start > 1 and text[start - 1] in ".,:" and text[start - 2].isdigit():
            return None  # "12,1234 ab", "12:3000 gb": a decimal or a time, not a postcode
        number = _HOUSE_NUMBER_AFTER.match(text, end)
        if number is not None and next_word(text, number.end()) not in UNIT_WORDS:
            end = number.end(1)  # "1234AB 56": the house number the form asked for with it
        return start, end, score
