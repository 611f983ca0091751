"""Ages: "j'ai 34 ans", "34 jaar oud", "34-jarige", "I'm 34 years old", "aged 34"; the span is the number."""

from __future__ import annotations

import re
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import AGE
from recognizers.generic.gated import GatedRecognizer

# The reported span is the number only, and "34ans", "34yo" are common: the boundaries are written
# into the patterns (the character before and after is consumed) instead of ``require_boundaries``.
_BEFORE = r"(?:^|[^\p{L}\p{N}.,])"
_AFTER = r"(?:$|[^\p{L}\p{N}])"
_NUMBER = r"[0-9]{1,3}(?:[.,][0-9]{1,2})?"
# A single age or a range ("11-12", "11-12,5").
_AGE = rf"(?P<pii>{_NUMBER}(?:[ \t]*[-–][ \t]*{_NUMBER})?)"
_S = r"[ \t]+"
_OPT_S = r"[ \t]*"

# Unit words that make a number an age on their own ("34 jaar oud", "34-year-old", "34 y/o").
_STRONG_UNIT = {
    "fr": r"ans[ \t]+(?:révolus|revolus|et[ \t]+demi)",
    "nl": r"(?:jaar[ \t]+oud|-?[ \t]*jarige)",
    "en": r"(?:-?[ \t]*(?:years?|yrs?)[ \t]*-?[ \t]*old|(?:y/o|y\.o\.?|yo))",
}
# A person as subject, then the number and the plain unit: "j'ai 34 ans", "ik ben 34 jaar".
# French "\p{L}{2,} a 3 ans" ("mon fils a 3 ans") never matches "il y a 3 ans" (one-letter "y").
_SUBJECT = {
    "fr": (
        r"(?:(?:j['’]|\p{L}{2,}[ \t]+)(?:ai|a|as|avais|avait|aurai|aura)(?:[ \t]+eu)?"
        r"|jai|avoir|fêter|fête|fêté|feter|fete)"
    ),
    "nl": (
        r"(?:ik[ \t]+ben|ben[ \t]+ik|(?:hij|zij|ze|patiënt|patient|zoon|dochter|kind|baby)[ \t]+is"
        r"|(?:ik|hij|zij|ze)[ \t]+(?:word|wordt|werd|was)|wordt|werd)"
    ),
    "en": (
        r"(?:i['’]?m|i[ \t]+am|(?:he|she|they|son|daughter|child|kid|baby)[ \t]+(?:is|are|was)"
        r"|he['’]s|she['’]s|they['’]re|i[ \t]+was)"
    ),
}
_PLAIN_UNIT = {"fr": r"ans", "nl": r"jaar", "en": r"(?:years?|yrs?)"}
# An age keyword, then the number, unit optional: "âgé de 34 ans", "leeftijd: 34", "aged 34".
_KEYWORD = {
    "fr": r"(?:âgée?s?|agée?s?|âge|age)(?:[ \t]*(?:de|:|=))?",
    "nl": r"(?:leeftijd(?:[ \t]*(?:van|:|=))?|jarige[ \t]+van)",
    "en": r"(?:aged|age(?:[ \t]*(?:of|:|=))?|turned|turning|turns)",
}
# The unit alone ("34 ans" may be "il y a 34 ans"): reported only with context.
_WEAK_UNIT = {"fr": r"ans", "nl": r"jaar", "en": r"(?:years?|yrs?)"}


def _patterns(language: str) -> list[Re2Pattern]:
    lang = language if language in _SUBJECT else "en"
    return [
        Re2Pattern("age: number + age unit", rf"(?i){_BEFORE}{_AGE}{_OPT_S}{_STRONG_UNIT[lang]}{_AFTER}", 0.85),
        Re2Pattern(
            "age: person + number + unit",
            rf"(?i){_BEFORE}{_SUBJECT[lang]}{_S}{_AGE}{_OPT_S}{_PLAIN_UNIT[lang]}{_AFTER}",
            0.85,
        ),
        Re2Pattern(
            "age: keyword + number",
            rf"(?i){_BEFORE}{_KEYWORD[lang]}{_OPT_S}{_AGE}(?:{_OPT_S}{_PLAIN_UNIT[lang]})?{_AFTER}",
            0.85,
        ),
        Re2Pattern("age: number + unit (weak)", rf"(?i){_BEFORE}{_AGE}{_OPT_S}{_WEAK_UNIT[lang]}{_AFTER}", 0.3),
    ]


_NUMBERS = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


class AgeRecognizer(GatedRecognizer):
    """Ages of people (``AGE``); the reported span is the number (or range) only.

    Format: French "j'ai 34 ans", "mon fils a 3 ans", "âgé de 34 ans", "âge : 34"; Dutch
    "34 jaar oud", "34-jarige", "op 11-12 jarige leeftijd", "ik ben 34 jaar", "leeftijd 3-4 jaar";
    English "I'm 34 years old", "a 34-year-old", "34 y/o", "aged 34", "age: 34", "turned 34".
    A duration is not an age: "10 jaar geleden", "il y a 10 ans", "for 10 years" stay unreported.
    Official source: none (a contextual rule); the span convention follows deduce's gold
    ("10 jaar oud" -> "10").

    Scores: 0.85 with an age unit ("jaar oud", "-jarige", "years old"), a person as subject or
    an age keyword; 0.3 for a bare "34 ans" / "34 jaar" / "34 years" (context words such as
    "âge", "leeftijd", "birthday" lift it). Ages above 125 are discarded.
    """

    min_digits = 1

    # Presidio matches context words as substrings of the lemmas before the number: no "age"
    # (message, package, garage), "old" (told, sold) or "oud" (houden, goud).
    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["âge", "âgé", "agé", "anniversaire", "naissance"],
        "nl": ["leeftijd", "jarig", "verjaardag", "geboren"],
        "en": ["aged", "birthday", "born"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=AGE,
            patterns=_patterns(supported_language),
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
            require_boundaries=False,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A human age: every number of the range between 0 and 125, in increasing order."""
        values = [float(n.replace(",", ".")) for n in _NUMBERS.findall(pattern_text)]
        if not values or any(not 0 <= v <= 125 for v in values) or values != sorted(values):
            return False
        return None
