"""A person's ethnic origin said with a nationality ("of Pakistani heritage", "van Surinaamse
afkomst", "je suis d'origine sénégalaise")."""

from __future__ import annotations

from typing import ClassVar

from recognizers.base import LATIN_CAPITALS, LATIN_LETTERS, LATIN_LOWER, Re2Pattern
from recognizers.entities import SPECIAL_ETHNICITY
from recognizers.generic.gated import GatedRecognizer

# Latin letters, not ``\p{L}``: Unicode classes make RE2's automaton far larger (``recognizers.base``).
_LOWER = LATIN_LOWER
_CAPITAL = LATIN_CAPITALS
_BEFORE, _AFTER = rf"(?:^|[^{LATIN_LETTERS}0-9])", rf"(?:$|[^{LATIN_LETTERS}0-9])"

# English: a capitalised nationality or region, one or two words ("Pakistani", "West Indian",
# "Afro-Caribbean"), then a noun only people have: descent, heritage, ancestry, extraction,
# background. Not "origin": products have one ("cheese of Italian origin").
_EN_NATIONALITY = rf"[{_CAPITAL}][{_LOWER}]+(?:[ \-][{_CAPITAL}][{_LOWER}]+)?"
_EN = rf"(?i:of|with)[ \t]+(?P<pii>{_EN_NATIONALITY}[ \t]+(?i:descent|heritage|ancestry|extraction|background|roots))"
# French: "d'origine" and an adjective of nationality, after a person said to be so ("je suis",
# "il est", "mes parents sont"): a product is "d'origine" too ("huile d'origine marocaine").
_FR_BEING = (
    r"(?i:je suis|j['’]suis|jsuis|il est|elle est|nous sommes|on est|ils sont|elles sont|vous êtes"
    r"|mes parents sont|ma famille est|mon mari est|ma femme est)"
)
_FR = (
    rf"{_FR_BEING}[ \t]+(?P<pii>(?i:d['’] ?origine|d['’] ?ascendance)[ \t]+"
    rf"(?i:[{_LOWER}]+(?:-[{_LOWER}]+)?))"
)
# What "d'origine" also says of a person, no ethnic origin: a social one ("d'origine modeste").
_FR_SOCIAL = frozenset(
    {"modeste", "modestes", "populaire", "populaires", "ouvrière", "ouvrier", "bourgeoise", "bourgeois",
     "paysanne", "paysan", "humble", "sociale", "social", "noble", "aristocratique", "inconnue", "inconnu"}
)  # fmt: skip
# Dutch: "van" and an adjective of nationality, then "afkomst", "komaf" or "origine" ("van
# Surinaamse afkomst", "van Turkse komaf"; a product's is "herkomst"), or the adjective before
# "roots" ("Marokkaanse roots").
_NL_ADJECTIVE = rf"[{_CAPITAL}{_LOWER}][{_LOWER}]+(?:se|sche)"
_NL = rf"(?P<pii>(?i:van[ \t]+{_NL_ADJECTIVE}(?:-{_NL_ADJECTIVE})?[ \t]+(?:afkomst|komaf|origine|afstamming)))"
_NL_ROOTS = rf"(?P<pii>(?i:{_NL_ADJECTIVE}[ \t]+roots))"

_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "en": [("nationality + descent/heritage", _EN)],
    "fr": [("être d'origine + nationalité", _FR)],
    "nl": [("van + nationaliteit + afkomst", _NL), ("nationaliteit + roots", _NL_ROOTS)],
}
# Words one of the patterns needs: a message holding none is not searched.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "en": ("descent", "heritage", "ancestry", "extraction", "background", "roots"),
    "fr": ("origine", "ascendance"),
    "nl": ("afkomst", "komaf", "origine", "afstamming", "roots"),
}


class EthnicOriginRecognizer(GatedRecognizer):
    """A person's ethnic origin said with a nationality (``SPECIAL_ETHNICITY``, GDPR art. 9):
    the term lists name a few origins ("of Moroccan descent", "d'origine marocaine"); this names
    any, from the phrase's shape.

    Format: English "of"/"with" and a capitalised nationality or region, then "descent",
    "heritage", "ancestry", "extraction", "background" or "roots" ("of Pakistani heritage", "of
    West Indian descent"); French "d'origine" or "d'ascendance" and an adjective, right after a
    person said to be so ("je suis d'origine sénégalaise", "mes parents sont d'origine
    nord-africaine"; not a social origin: "d'origine modeste"; where one comes from, "originaire
    de Lyon", is a place's); Dutch "van" and an adjective ending "-se"/"-sche", then "afkomst",
    "komaf", "origine" or "afstamming" ("van Surinaamse afkomst"), or the adjective before
    "roots" ("Marokkaanse roots"). Not a product's origin: English "of Italian origin" and French
    "d'origine" without a person, Dutch "herkomst", are left alone.

    Score: 0.75, as the term lists' terms.
    """

    SCORE = 0.75

    CONTEXT: ClassVar[list[str]] = []

    def __init__(self, supported_language: str = "en") -> None:
        language = supported_language if supported_language in _PATTERNS else "en"
        super().__init__(
            supported_entity=SPECIAL_ETHNICITY,
            patterns=[
                Re2Pattern(name, rf"{_BEFORE}{regex}{_AFTER}", self.SCORE) for name, regex in _PATTERNS[language]
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )
        self._keywords = _KEYWORDS[language]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Not a social origin ("d'origine modeste")."""
        return False if pattern_text.rsplit(maxsplit=1)[-1].lower() in _FR_SOCIAL else None

    def may_contain(self, text: str) -> bool:
        """A keyword of the language's patterns stands in ``text``."""
        lowered = text.lower()
        return any(keyword in lowered for keyword in self._keywords)
