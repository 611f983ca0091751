"""Belgian street addresses, Dutch and French style ("Kerkstraat 12, 9000 Gent", "rue de la Loi 16")."""

from __future__ import annotations

from recognizers.base import ENGLISH, Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.nl.address import dutch_street_in_english, street_strength
from recognizers.nl.common import (
    BE_ADDRESS_TAIL,
    BELGIAN_BOX,
    END,
    HOUSE_ADDITION,
    HOUSE_NUMBER,
    NAME_WORD,
    PARTICLES,
    PREFIX_STREET,
    SUFFIX_STREET,
    UNIT_WORDS,
    alternation,
    has_postcode_tail,
    leading_non_name_length,
    next_word,
    plausible_street_name,
    strip_accents,
)
from recognizers.scored_re2 import ScoredRe2Recognizer

#: French street types that name streets almost only.
STRONG_FRENCH_TYPES: tuple[str, ...] = (
    "rue", "avenue", "av.", "boulevard", "bd", "bld", "chaussée", "chaussee", "chée", "quai", "allée",
    "allee", "impasse", "drève", "dreve", "rond-point", "esplanade", "ruelle", "venelle", "parvis",
)  # fmt: skip
#: French street types that are also ordinary words ("à la place de", "sur la route").
WEAK_FRENCH_TYPES: tuple[str, ...] = (
    "place", "square", "chemin", "route", "clos", "cité", "cite", "galerie", "sentier", "passage",
    "cours", "voie", "résidence", "residence",
)  # fmt: skip

#: French street types that are no English word: in an English message the others ("avenue",
#: "boulevard", "place", "square") open a Belgian street only before a capitalised name.
_FRENCH_ONLY_TYPES = frozenset(
    {"rue", "chaussee", "chee", "quai", "allee", "dreve", "rond-point", "ruelle", "venelle", "parvis", "chemin",
     "sentier", "cite"}
)  # fmt: skip
#: A flat's or a suite's word, which no street name opens ("avenue suite 112", "rue appt 4").
_DWELLING_UNITS = frozenset({"suite", "apt", "apartment", "unit", "flat", "room", "appartement", "appt"})

_FRENCH_TYPE = alternation(STRONG_FRENCH_TYPES + WEAK_FRENCH_TYPES)
_STRONG_FRENCH = frozenset(strip_accents(word.rstrip(".")) for word in STRONG_FRENCH_TYPES)
_FRENCH_TYPES = frozenset(strip_accents(word.rstrip(".")) for word in STRONG_FRENCH_TYPES + WEAK_FRENCH_TYPES)

#: "rue de la Loi", "avenue Louise", "chaussée de Wavre", "rue d'Arlon": a type word, then one
#: to five name words (particles included).
FRENCH_STREET = rf"{_FRENCH_TYPE}(?:[ ]+{NAME_WORD}){{1,5}}"

#: ``HOUSE_ADDITION``, plus "bis"/"ter" typed against the number ("31bis", "7ter").
_ADDITION = rf"(?:{HOUSE_ADDITION}|(?i:bis|ter|quater))"
_NUMBER_PART = rf",?[ ]+{HOUSE_NUMBER}{_ADDITION}?{BELGIAN_BOX}?"


def _capitalised_name(candidate: str) -> bool:
    """The first word after a French street type that is no particle is capitalised ("de la Loi")."""
    for word in candidate.split()[1:]:
        if word.lower() not in PARTICLES:
            return word[:1].isupper()
    return False


class BeAddressRecognizer(ScoredRe2Recognizer):
    """Belgian street address in Dutch or French, number after the street, optional box and town.

    Layout: bpost's addressing guidelines (nl/fr): "<street> <number>
    [bus|bte <box>]" then "<postcode> <town>" ("Kerkstraat 12 bus 3, 9000 Gent", "rue de la Loi 16,
    1000 Bruxelles", "avenue Louise 54 bte 3"). Dutch names are recognised by their suffix
    (straat, laan, steenweg, lei, kaai, vest …) or type word ("Laan van …"), French names by the
    type word before them (rue, avenue, chaussée, boulevard, place …). Chat is lower-case, so
    "rue de la loi 16" counts too.

    Scores: with a postcode and town after the number 0.85; street and number alone 0.6 for
    specific street words (rue, avenue, chaussée; straat, laan, steenweg …), 0.45 for words that
    are also ordinary nouns (place, route, chemin; pad, markt …). A number followed by a unit
    ("place Flagey 3 fois") or a "street" holding a chat word ("la rue est fermée 2 …") is refused,
    and so is a flat's word after a French type ("avenue suite 112"). In an English message (the
    "en" instance) a French type that is an English word ("avenue", "boulevard") needs a
    capitalised name ("Avenue Louise 54"), and a Dutch street a strong suffix that ends no English
    word (``dutch_street_in_english``).
    """

    validated_score = 0.0
    reject_number_chains = False
    ENTITY = ADDRESS
    PATTERNS = (
        Re2Pattern(
            "be_street_french",
            rf"(?P<pii>{FRENCH_STREET}{_NUMBER_PART}{BE_ADDRESS_TAIL}?){END}",
            0.6,
        ),
        Re2Pattern(
            "be_street_dutch_suffix",
            rf"(?P<pii>{SUFFIX_STREET}{_NUMBER_PART}{BE_ADDRESS_TAIL}?){END}",
            0.6,
        ),
        Re2Pattern(
            "be_street_dutch_prefix",
            rf"(?P<pii>{PREFIX_STREET}{_NUMBER_PART}{BE_ADDRESS_TAIL}?){END}",
            0.6,
        ),
    )
    CONTEXT = (
        "adres",
        "woon",
        "wonen",
        "straat",
        "huisnummer",
        "verhuis",
        "verhuiz",
        "levering",
        "adresse",
        "habite",
        "domicile",
        "domicilié",
        "livraison",
        "livrer",
        "déménag",
        "demenag",
    )

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Trim leading chat words, refuse sentences and quantities, grade by street word and town."""
        start += leading_non_name_length(text[start:end])
        candidate = text[start:end]
        if not plausible_street_name(candidate):
            return None
        if has_postcode_tail(candidate):
            return start, end, 0.85
        if next_word(text, end) in UNIT_WORDS:
            return None
        first, *rest = (strip_accents(word.rstrip(".,")) for word in candidate.split(" ", 2))
        in_english = self.supported_language == ENGLISH
        if first in _FRENCH_TYPES:
            if rest and rest[0] in _DWELLING_UNITS:
                return None  # "4th avenue suite 112": an English street's type, then its unit
            if in_english and first not in _FRENCH_ONLY_TYPES and not _capitalised_name(candidate):
                return None  # "the avenue has 3 lanes"
            return start, end, score if first in _STRONG_FRENCH else 0.45
        strength = street_strength(candidate)
        if strength is None or (in_english and not dutch_street_in_english(candidate, strength)):
            return None
        return start, end, score if strength == "strong" else 0.45
