"""Mobile numbers of France, the Netherlands, Belgium and the UK in another language's message."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import ClassVar

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from recognizers.base import Re2Pattern, digits_only
from recognizers.entities import PHONE_NUMBER
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.phone_context import OTHER_NUMBER_NAME
from recognizers.scored_re2 import ScoredRe2Recognizer

_S = r"[ .\-]"  # one separator between groups
# Each shape with the separators its country writes; ten bare digits only as ``_BARE``, in English.
_FRENCH = rf"0[67](?:{_S}[0-9]{{2}}){{4}}"  # 06 12 34 56 78, 07.61.31.99.05
_DUTCH = rf"06(?:[ \-][0-9]{{8}}|{_S}?[0-9]{{4}}{_S}[0-9]{{4}})"  # 06-12345678, 06 1234 5678
# 0634392103, 0761319905: ten bare digits, a French or Dutch mobile (looked for in English only:
# French and Dutch messages' own recognizers take these)
_BARE = r"0[67][0-9]{8}"
_BELGIAN_BARE = r"04[5-9][0-9]{7}"  # 0466233044: ten bare digits, a Belgian mobile (in English only)
# 0495 63 03 16, 0495/63.03.16, 0495 630 316
_BELGIAN = rf"04[5-9][0-9](?:[ ./][0-9]{{2}}{_S}[0-9]{{2}}{_S}[0-9]{{2}}|[ ./][0-9]{{3}}{_S}[0-9]{{3}})"
_BRITISH = r"07[0-9]{3}(?:[ \-][0-9]{6}|[ \-][0-9]{3}[ \-][0-9]{3})"  # 07700 900123
# 07751702116: eleven bare digits, a British mobile (looked for in French and Dutch only: English
# messages' own recognizer takes these)
_BRITISH_BARE = r"07[0-9]{9}"
_SHAPES = {
    "French": _FRENCH,
    "Dutch": _DUTCH,
    "Belgian": _BELGIAN,
    "British": _BRITISH,
    "French or Dutch bare": _BARE,
    "Belgian bare": _BELGIAN_BARE,
    "British bare": _BRITISH_BARE,
}
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
#: The regions a national mobile of each length and prefix may belong to, in the order tried.
_REGIONS = {("06", 10): ("FR", "NL"), ("07", 10): ("FR",), ("04", 10): ("BE",), ("07", 11): ("GB",)}
MIN_DIGITS = 10
#: How far before ten bare digits the name of another number is looked for ("order", "ref").
BARE_LOOK_BACK = 40
#: Up to the last digit, "!" or "?" before the digits: a number's name before that names another.
_NUMBER_OR_QUESTION_BEFORE = re.compile(r".*[0-9!?]", re.DOTALL)


def is_mobile(candidate: str) -> bool:
    """A mobile number libphonenumber knows as valid in the region its shape belongs to."""
    digits = digits_only(candidate)
    return valid_of_type(digits, _REGIONS.get((digits[:2], len(digits)), ()), _MOBILE_TYPES)


def valid_of_type(digits: str, regions: Iterable[str], types: Collection[int]) -> bool:
    """``digits``, dialled nationally, are a valid number of one of ``types`` in one of ``regions``
    (tried in order), as libphonenumber knows them."""
    for region in regions:
        try:
            number = phonenumbers.parse(digits, region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in types:
            return True
    return False


class ForeignShapeRecognizer(GatedRecognizer, ScoredRe2Recognizer):
    """The neighbouring countries' national numbers of one kind (``KIND``) in their own shapes
    (``COUNTRY_SHAPES``), in a message of another language: what the foreign mobile and landline
    recognizers share. Only the shapes the language's own recognizers leave are looked for
    (``SHAPES``); ``validate_result`` says which candidates are such numbers. Score 0.6."""

    validated_score = 0.6
    KIND: ClassVar[str] = ""
    COUNTRY_SHAPES: ClassVar[dict[str, str]] = {}
    #: The shapes the language's own recognizers leave to this one (French: FrPhoneRecognizer and
    #: BePhoneRecognizer take French and Belgian numbers; Dutch: NlPhone and BePhone; English: UkPhone).
    SHAPES: ClassVar[dict[str, tuple[str, ...]]] = {
        "fr": ("Dutch", "British"),
        "nl": ("French", "British"),
        "en": ("French", "Dutch", "Belgian"),
    }

    def __init__(self, supported_language: str = "en") -> None:
        shapes = self.SHAPES.get(supported_language, tuple(self.COUNTRY_SHAPES))
        super().__init__(
            supported_entity=PHONE_NUMBER,
            patterns=[Re2Pattern(f"{shape} {self.KIND}", self.COUNTRY_SHAPES[shape], 0.6) for shape in shapes],
            supported_language=supported_language,
        )


class ForeignMobileRecognizer(ForeignShapeRecognizer):
    """Mobile numbers of the neighbouring countries in their own national shapes (``PHONE_NUMBER``),
    in a message of another language: a Belgian writes "0495 63 03 16" in English, a French
    customer "07 61 31 99 05" in Dutch. The national recognizers run for their language only; this
    one looks for the other countries' shapes (``SHAPES``).

    Format: French "06 12 34 56 78" (pairs, separated by spaces, dots or dashes), Dutch
    "06-12345678" or "06 1234 5678", Belgian "0495 63 03 16" or "0495/63.03.16", British
    "07700 900123"; in English, French, Dutch and Belgian ones also as ten bare digits
    ("0634392103", "0466233044"), in French and Dutch, British ones as eleven ("07751702116"),
    unless another number's name or "#" comes before them on their line ("order 0612345678").
    Validated with python-phonenumbers: a valid mobile number of the shape's country. A number
    that continues a longer separated chain of digits is dropped.

    Score 0.6: the grouping is a phone's, and the number is a valid mobile.
    """

    min_digits = MIN_DIGITS  # GatedRecognizer: only texts with ten digits or more can hold one
    KIND = "mobile"
    COUNTRY_SHAPES = _SHAPES
    SHAPES: ClassVar[dict[str, tuple[str, ...]]] = {
        "fr": (*ForeignShapeRecognizer.SHAPES["fr"], "British bare"),
        "nl": (*ForeignShapeRecognizer.SHAPES["nl"], "British bare"),
        "en": (*ForeignShapeRecognizer.SHAPES["en"], "French or Dutch bare", "Belgian bare"),
    }

    def validate_result(self, pattern_text: str) -> bool | None:
        """A valid mobile number of the country its shape belongs to."""
        return is_mobile(pattern_text)

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Bare digits are a phone's unless another number's name ("order", "commande", "ref")
        or "#" stands before them on their line: "order 0612345678" is an order number."""
        if text[start:end].isdigit():
            line_start = text.rfind("\n", 0, start) + 1
            before = text[max(line_start, start - BARE_LOOK_BACK) : start]
            # a name followed by its own number, or in an earlier question, names something else:
            # "My order 46321493 still hasn't arrived, 0659933818", "NINO: TT 222353 C. call me on ..."
            given = _NUMBER_OR_QUESTION_BEFORE.match(before)
            if given is not None:
                before = before[given.end() :]
            if "#" in before or OTHER_NUMBER_NAME.search(before):
                return None
        return super().refine(text, start, end, score)
