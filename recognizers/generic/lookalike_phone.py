"""Phone numbers typed with the letter O for a zero ("O6 12 34 56 78", "o7700 9OO123")."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import TextRecognizer, make_result
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.phone_validation import LANGUAGE_REGIONS, VALID_PHONE_SCORE, check_phone

#: Digits and the letter O, one space, dot or dash between groups, nine to sixteen characters,
#: a whole word: "O6 12 34 56 78", "O7700900123", "+44 77OO 900123".
_CANDIDATE = re.compile(r"(?<![\w+.\-])\+?[0-9Oo](?:[0-9Oo]|[ .\-](?=[0-9Oo])){8,20}(?![\w\-]|\.\w)")
_LOOKALIKES = str.maketrans("Oo", "00")
MIN_DIGITS = 9
MAX_DIGITS = 15
#: Of the digits, how many may be typed as letters: one slip or a few on purpose, not a word.
MAX_LETTERS = 4
#: Real digits a candidate must hold: "OOO OOO OOO" is no one's number.
MIN_REAL_DIGITS = 6
#: Possible-only numbers (right length, unassigned or fictitious range: Ofcom's 07700 900xxx) are
#: reported a little above the reporting threshold: someone wrote digits as letters on purpose.
POSSIBLE_SCORE = 0.6


class LookalikePhoneRecognizer(TextRecognizer):
    """A phone number with some of its zeros typed as the letter O (``PHONE_NUMBER``), every language.

    Format: digits and one to four letters O or o in digit places, in groups separated by one space,
    dot or dash, a whole word, read with each O as a zero: a number of nine to fifteen digits that
    libphonenumber reads as a number of one of the language's countries (``LANGUAGE_REGIONS``:
    France, Belgium, Switzerland, Luxembourg for French; the Netherlands and Belgium for Dutch; the
    United Kingdom and Ireland for English) or, after "+", of any country.

    Why: customers type "O6" for "06" by slip or on purpose, to get a number past a filter; the
    phone recognizers read digits only, and the number went out as typed.

    Not: a candidate without a letter (the other phone recognizers' job), with fewer than six real
    digits ("OOO OOO OOO"), or that is no phone number once read ("2OO5 2OO6", a product code).

    Score: 0.85 when libphonenumber knows the number as valid, 0.6 when it is only possible (the
    right length in an unassigned or fictitious range).
    """

    def __init__(self, supported_language: str) -> None:
        super().__init__(
            supported_entities=[PHONE_NUMBER],
            supported_language=supported_language,
            name=type(self).__name__,
        )
        self.regions = LANGUAGE_REGIONS.get(supported_language, ("GB",))

    def screen_regexes(self) -> list[str]:
        """A digit beside the letter O: a message without one holds no number this reads."""
        return [r"[0-9][Oo]|[Oo][0-9]"]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The phone numbers of ``text`` typed with an O for a zero."""
        results = []
        for match in _CANDIDATE.finditer(text):
            candidate = match.group()
            letters = sum(ch in "Oo" for ch in candidate)
            digits = sum(ch.isdigit() for ch in candidate)
            if not 1 <= letters <= MAX_LETTERS or digits < MIN_REAL_DIGITS:
                continue
            if not MIN_DIGITS <= letters + digits <= MAX_DIGITS:
                continue
            verdict = self._check(candidate.translate(_LOOKALIKES))
            if verdict is False:
                continue
            score = VALID_PHONE_SCORE if verdict else POSSIBLE_SCORE
            why = "phone number with O for zero" + ("" if verdict else " (possible number)")
            results.append(make_result(self, PHONE_NUMBER, match.start(), match.end(), score, why))
        return results

    def _check(self, number: str) -> bool | None:
        """``True`` valid in one of the language's countries, ``None`` possible only, ``False`` neither."""
        verdict: bool | None = False
        for region in self.regions:
            found = check_phone(number, region)
            if found:
                return True
            if found is None:
                verdict = None
        return verdict
