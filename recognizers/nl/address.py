"""Dutch street addresses ("Kerkstraat 12a, 1234 AB Amsterdam")."""

from __future__ import annotations

from recognizers.base import ENGLISH, Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.nl.common import (
    BE_ADDRESS_TAIL,
    END,
    HOUSE_ADDITION,
    HOUSE_NUMBER,
    NL_ADDRESS_TAIL,
    NOT_STREETS,
    PREFIX_STREET,
    STRONG_STREET_ABBREVIATIONS,
    STRONG_STREET_SUFFIXES,
    SUFFIX_STREET,
    UNIT_WORDS,
    WEAK_STREET_ABBREVIATIONS,
    WEAK_STREET_SUFFIXES,
    has_postcode_tail,
    leading_non_name_length,
    next_word,
    plausible_street_name,
    words,
)
from recognizers.scored_re2 import ScoredRe2Recognizer

#: Street words that start a "prefix" street name ("Laan van Meerdervoort"): strong.
_STREET_TYPE_WORDS = frozenset(
    {"laan", "plein", "kade", "singel", "dreef", "gracht", "boulevard", "burgwal", "steenweg"}
)  # "Steenweg op Gent 45", the Flemish main roads named after the town they lead to
_STRONG = tuple(suffix.rstrip(".") for suffix in STRONG_STREET_SUFFIXES) + STRONG_STREET_ABBREVIATIONS
_WEAK = WEAK_STREET_SUFFIXES + WEAK_STREET_ABBREVIATIONS
#: A capitalised compound on a weak suffix ("Rozenhof 3", "Wilhelminapark 12"): a street name as
#: written, above the report threshold; the bare noun or a lower-case one stays weak.
CAPITALISED_WEAK_SCORE = 0.55
_MIN_STEM = 3  # letters before the suffix: "Rozen|hof", not "Markt"
#: ``HOUSE_ADDITION``, plus "bis"/"ter" typed against the number ("31bis", "7ter").
_ADDITION = rf"(?:{HOUSE_ADDITION}|(?i:bis|ter|quater))"
#: A Dutch postcode and town, or a Belgian one: Flemish streets carry the same suffixes.
_TAIL = rf"(?:{NL_ADDRESS_TAIL}|{BE_ADDRESS_TAIL})"


def capitalised_compound(candidate: str) -> bool:
    """The street word, as typed, is a capitalised compound on a weak suffix: "Rozenhof",
    "Stationswg"; not "Markt", "hof", "PARK"."""
    name = []
    for word in candidate.replace(",", " ").split():
        if word[0].isdigit():
            break
        name.append(word)
    street = name[-1] if name else ""
    if not street[:1].isupper() or street.isupper():
        return False
    key = street.lower()
    return any(key.endswith(suffix) and len(key) - len(suffix) >= _MIN_STEM for suffix in _WEAK)


#: Strong suffixes that end English words too ("renewal", "withdrawal", "harvest", "invest").
_ENGLISH_WORD_ENDINGS = ("wal", "vest")
_DUTCH_WAL = "burgwal"  # "Oudezijds Burgwal": no English word
_NUMBER_WORDS = frozenset({"nr", "no", "nummer", "n"})  # "Kerkstraat nr 12"


def dutch_street_in_english(candidate: str, strength: str | None) -> bool:
    """In an English message, a Dutch street read only on a strong suffix (``strength``, what
    ``street_strength`` said of ``candidate``) that ends no English word ("Keizersgracht 123",
    "Kerkstraat 12", "Laan van Meerdervoort 5"). The weak suffixes are English words themselves
    ("Hyde Park 2", "Offering 3", "Launchpad 2"); "Harvest 2024", "renewal 300" end on "-vest" and
    "-wal"."""
    if strength != "strong":
        return False
    word = _street_word(_street_name(candidate))
    return word.endswith(_DUTCH_WAL) or not word.endswith(_ENGLISH_WORD_ENDINGS)


def _street_name(candidate: str) -> list[str]:
    """The words of ``candidate`` before its house number, lower-cased."""
    name: list[str] = []
    for word in words(candidate):
        if word[0].isdigit():
            break
        name.append(word)
    return name


def _street_word(name: list[str]) -> str:
    """The word carrying a street name's suffix: its last, but for "nr" and the like."""
    return next((word for word in reversed(name) if word not in _NUMBER_WORDS), "")


def street_strength(candidate: str) -> str | None:
    """ "strong", "weak", or ``None`` when the street word is an ordinary noun ("onderweg")."""
    name = _street_name(candidate)
    if not name:
        return None
    if name[0] in _STREET_TYPE_WORDS and len(name) > 1:
        return "strong"
    street_word = _street_word(name)
    if street_word in NOT_STREETS:
        return None
    return "strong" if street_word.endswith(_STRONG) or street_word.endswith("str") else "weak"


class NlAddressRecognizer(ScoredRe2Recognizer):
    """Dutch street address: street name, house number, addition, optional postcode and town.

    Layout: NEN 5825 (writing of postal addresses) and PostNL's addressing guidance:
    "<straatnaam> <huisnummer><toevoeging>" then "<postcode> <WOONPLAATS>". Street names are
    recognised by their suffix (Kerkstraat, Hoofdweg, Prinsengracht, Stationsplein …), optionally
    led by capitalised words ("Burgemeester de Vlugtlaan"), or by a leading type word and a
    particle ("Laan van Meerdervoort"). Additions: "12a", "12-3", "101-3", "12 bis", "12 hs",
    "12 II". Chat is lower-case, so "kerkstraat 12" counts too; so do the abbreviated suffixes of
    address files and forms ("Julianaln 5", "Kerkstr 12", "Marktpln 2", "Stationswg 3").

    Scores: with a postcode after the number 0.85; street and number alone 0.6 for suffixes that
    name streets almost only (straat, laan, weg, plein, gracht, kade, singel, dijk, steeg, dreef …),
    0.45 for suffixes that are also ordinary nouns (pad, hof, park, baan, markt, haven: "de
    supermarkt 2 keer" is refused outright, "hof 3" needs context), 0.55 when such a word is a
    capitalised compound ("Rozenhof 3", "Wilhelminapark 12"). A number followed by a unit
    ("onderweg 10 min") or a "street" holding a chat word ("de straat is 3 …") is refused. In an
    English message (the "en" instance) only a postcode or a strong suffix that ends no English word
    makes a street (``dutch_street_in_english``).
    """

    validated_score = 0.0
    reject_number_chains = False
    ENTITY = ADDRESS
    PATTERNS = (
        Re2Pattern(
            "nl_street_suffix",
            rf"(?P<pii>{SUFFIX_STREET},?[ ]+{HOUSE_NUMBER}{_ADDITION}?{_TAIL}?){END}",
            0.6,
        ),
        Re2Pattern(
            "nl_street_prefix",
            rf"(?P<pii>{PREFIX_STREET}[ ]+{HOUSE_NUMBER}{_ADDITION}?{_TAIL}?){END}",
            0.6,
        ),
    )
    CONTEXT = (
        "adres", "woon", "wonen", "straat", "huisnummer", "verhuis", "verhuiz", "bezorg", "postcode",
        "lever", "verzend", "stuur",  # (af)leveren, levering, verzending, opsturen: where a parcel goes
    )  # fmt: skip

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Trim leading chat words, refuse sentences and quantities, grade by suffix and postcode."""
        start += leading_non_name_length(text[start:end])
        candidate = text[start:end]
        if not plausible_street_name(candidate):
            return None
        if has_postcode_tail(candidate):
            return start, end, 0.85
        strength = street_strength(candidate)
        if strength is None or next_word(text, end) in UNIT_WORDS:
            return None
        if self.supported_language == ENGLISH and not dutch_street_in_english(candidate, strength):
            return None
        if strength == "strong":
            return start, end, score
        return start, end, CAPITALISED_WEAK_SCORE if capitalised_compound(candidate) else 0.45
