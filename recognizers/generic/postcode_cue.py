"""Postcodes standing alone after the word "postcode": "code postal 13001", "my zip is 90210"."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from recognizers.base import LATIN_LETTERS, NAME_SEPARATOR, Re2Pattern, after_its_name, bare_reply, make_result
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer

# The word for a postcode, as people type it.
_CUES: dict[str, str] = {
    "fr": r"(?:code[ \t]+postal|code[ \t]+zip)",  # no "CP": also a school year ("en CP 2024")
    "nl": r"(?:postcode|postkode|postnummer)",
    "en": r"(?:post[ \t]?code|postal[ \t]+code|zip(?:[ \t]?code)?)",
}
# Between the word and the value: separators and a few short words ("est", "is", "mijn", "le").
_FILLERS: dict[str, str] = {
    "fr": r"(?:est|c['’]est|le|de|du|mon|ma|notre|son|sa)",
    "nl": r"(?:is|mijn|onze|de|van|het|luidt|was)",
    "en": r"(?:is|was|my|our|the|his|her|their|of|it['’]s)",
}
# A French or US five-digit code (Corsica "2A004", "20000"), a ZIP+4 (or a Brazilian "75534-030"),
# a Belgian four-digit one or a Dutch one with its capitals ("7412 SL"). UK postcodes:
# ``UkPostcodeRecognizer``.
_VALUE = r"(?:[0-9]{5}(?:-[0-9]{3,4})?|2[AaBb][0-9]{3}|[1-9][0-9]{3}(?:[ ]?(?-i:[A-Z]{2}))?)"
_LETTER = LATIN_LETTERS
# The word for a house number, where people give it apart from the street: Dutch addresses are
# checked by "postcode en huisnummer", which together name one front door.
_HOUSE_NUMBER_CUES: dict[str, str] = {
    "nl": r"(?:huisnummer|huisnr\.?|huis nr\.?)",
    "en": r"(?:house[ \t]+(?:number|no\.?)|door[ \t]+number)",
}
#: Words of a question for the postcode ("votre code postal ?", "en uw postcode?", "what's your zip?"):
#: after a conversation's message holding one, a reply that is a postcode and nothing else is one
#: (``PostcodeCueRecognizer.reply``).
POSTCODE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "fr": ("postal",),
    "nl": ("postcode", "postkode", "postnummer"),
    "en": ("postcode", "postal", "zip", "zipcode"),
}
# A Dutch postcode as chat types it, letters in lower case ("3511 ab"): Dutch only, and never when
# the two letters are a word ("postcode 3511 en huisnummer 8", ``_DUTCH_TWO_LETTER_WORDS``).
_DUTCH_LOWER_VALUE = r"[1-9][0-9]{3}[ ]?(?-i:[a-z]{2})"
_DUTCH_LOWER = re.compile(r"[1-9][0-9]{3} ?[a-z]{2}")
_DUTCH_TWO_LETTER_WORDS = frozenset(
    {"en", "of", "is", "in", "op", "te", "om", "na", "nu", "al", "ja", "ik", "je", "we", "ze", "zo", "uw", "er", "de"}
)
# A house number and its addition ("8", "12a", "12-3", "31 bis").
_HOUSE_NUMBER = r"[0-9]{1,5}(?:[ \-]?(?:[A-Za-z]{1,2}|bis|[0-9]{1,3}))?"


class PostcodeCueRecognizer(GatedRecognizer):
    """A postcode standing alone (``ADDRESS``) right after the word for it, every language.

    Format: French five-digit codes ("13001", Corsica "2A004"), Belgian and Dutch four-digit ones,
    US ZIP codes ("90210", "90210-1234"), after "code postal", "postcode", "zip code"... and
    at most three short words ("mon code postal est le 75011", "my zip is 90210"). Not "CP" (also a
    school year in French). A bare four- or
    five-digit number is an amount, a year or an order far more often: without the word it is not
    reported (a postcode before a town is the address recognizers' job).
    Official sources: La Poste, "Code postal" (NF Z 10-011); bpost and PostNL postcode lists;
    USPS Publication 28 (ZIP and ZIP+4).

    Dutch and English also: a house number after the word for it ("postcode 3512 JK en huisnummer
    8", "house number 12a"): a Dutch postcode and house number name one front door.

    Scores: 0.85. A postcode narrows a person's home to a few thousand households: with a name or
    an age it can single them out. A house number alone: 0.6.
    """

    min_digits = 1  # a house number may be one digit ("huisnummer 8")
    SCORE = 0.85
    HOUSE_NUMBER_SCORE = 0.6

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _CUES else "en"
        patterns = [
            Re2Pattern(
                "postcode after its name",
                after_its_name(_CUES[language], _FILLERS[language], _VALUE, NAME_SEPARATOR, 3)
                + rf"(?:$|[^{_LETTER}0-9])",
                self.SCORE,
            )
        ]
        if language == "nl":
            patterns.append(
                Re2Pattern(
                    "Dutch postcode in lower case after its name",
                    after_its_name(_CUES[language], _FILLERS[language], _DUTCH_LOWER_VALUE, NAME_SEPARATOR, 3)
                    + rf"(?:$|[^{_LETTER}0-9])",
                    self.SCORE,
                )
            )
        if language in _HOUSE_NUMBER_CUES:
            patterns.append(
                Re2Pattern(
                    "house number after its name",
                    after_its_name(_HOUSE_NUMBER_CUES[language], _FILLERS[language], _HOUSE_NUMBER, NAME_SEPARATOR, 2)
                    + rf"(?:$|[^{_LETTER}0-9])",
                    self.HOUSE_NUMBER_SCORE,
                )
            )
        super().__init__(supported_entity=ADDRESS, patterns=patterns, supported_language=supported_language)
        self.question_words = frozenset(POSTCODE_QUESTIONS[language])
        self._reply_values = [re.compile(_VALUE)] + ([_DUTCH_LOWER] if language == "nl" else [])

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """The postcode ``text`` is made of, when the conversation's previous message asked for one
        (the detector calls this then only: ``question_words``): "votre code postal ?" then "59000".
        Alone, four or five digits are an amount or an order number as often; after the question
        they are the customer's postcode. ``found`` and ``asked`` are not read."""
        span = bare_reply(text)
        if span is None:
            return None
        value = text[span[0] : span[1]]
        if not any(pattern.fullmatch(value) for pattern in self._reply_values) or self.invalidate_result(value):
            return None
        return make_result(self, ADDRESS, span[0], span[1], self.SCORE, "reply to a question for the postcode")

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A Dutch postcode's two lower-case letters that are a word are no part of it ("3511 en")."""
        if _DUTCH_LOWER.fullmatch(pattern_text) is None:
            return None
        return pattern_text[-2:] in _DUTCH_TWO_LETTER_WORDS
