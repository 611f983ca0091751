"""United Kingdom street addresses: "221B Baker Street", "12 High St, London", "Flat 3, 10 Downing Street"."""

from __future__ import annotations

import re
from typing import ClassVar

from recognizers.base import Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer

# the unit's word in any case: chat types "flat 4b, 18 Victoria Road"; with no number of its own
# the unit's number is the house number ("Flat 2 Kingsley Court", "Unit 4 Riverside Park")
_FLAT = r"(?:(?i:flat|apartment|apt|unit|suite|room)\.?[ \t]*(?:[0-9]{1,4}[A-Za-z]?,?[ \t]+)?)?"
_HOUSE_NUMBER = r"[0-9]{1,4}[A-Za-z]?(?:[ \t]*-[ \t]*[0-9]{1,4}[A-Za-z]?)?,?"
# Street types (Royal Mail PAF thoroughfare descriptors); abbreviations may carry a dot ("St.").
_STREET_TYPES = (
    r"(?:(?:Street|Road|Avenue|Lane|Drive|Close|Way|Place|Court|Crescent|Gardens|Terrace|Grove|Square|Hill"
    r"|Park|Row|Mews|Walk|Green|Parade|Rise|View|Boulevard|Embankment|Esplanade|Gate|Wharf|Yard"
    r"|Wynd|Brae|Loan|Vennel|Circus|Croft|Chase|Meadows|Quay|Approach)"  # Scottish and rarer English ones
    r"|(?:St|Rd|Ave|Ln|Dr|Cl|Pl|Ct|Cres|Gdns|Terr|Gr|Sq|Blvd)\.?)"
)
# Lower-case chat ("12 high st"): only street types that are not everyday words ("close",
# "way", "green", "park", "view"... are left out).
_STREET_TYPES_LOWER = (
    r"(?:(?:street|road|avenue|lane|drive|crescent|terrace|gardens|mews|boulevard|embankment|esplanade"
    r"|grove|square)|(?:st|rd|ave|gdns|blvd|sq)\.?)"
)
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_TOWN = rf"(?:,[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"

_CAPITALISED = rf"{_FLAT}{_HOUSE_NUMBER}[ \t]+(?:{_NAME_WORD}[ \t]+){{1,3}}{_STREET_TYPES}"
# A thoroughfare named by its type alone ("5 The Crescent", "2 The Green", "3 The Mews").
_THE_STREET = rf"{_FLAT}{_HOUSE_NUMBER}[ \t]+The[ \t]+{_STREET_TYPES}"
# One word ending in a street type ("18 Kingsway", "7 Broadway", "2 Moorgate"): as often a
# shop's name ("2 Subway"), so with a town after it only.
_COMPOUND = rf"{_FLAT}{_HOUSE_NUMBER}[ \t]+[A-Z][a-z]+(?:way|gate)"
# Welsh puts the street type first ("14 Heol y Nant", "3 Ffordd Las", "2 Stryd Fawr", "Lôn y Parc"),
# its article "y"/"yr" inside the name
_WELSH_STREET_TYPES = r"(?:Heol|Ffordd|Stryd|L[ôo]n|Rhodfa|Cilgant|Maes|Teras|Llys|Clos)"
_WELSH = rf"{_FLAT}{_HOUSE_NUMBER}[ \t]+{_WELSH_STREET_TYPES}(?:[ \t]+(?:y|yr|{_NAME_WORD})){{1,3}}"
_LOWER = rf"(?i){_FLAT}{_HOUSE_NUMBER}[ \t]+(?:[a-z'’\-]+[ \t]+){{1,3}}{_STREET_TYPES_LOWER}"

# Words that show the "street name" is a sentence ("waited 2 hours on the road").
STOPWORDS = frozenset(
    {
        "a", "an", "the", "on", "in", "at", "to", "of", "for", "by", "with", "from", "and", "or",
        "my", "your", "our", "their", "his", "her", "its", "is", "was", "are", "be", "been",
        "hours", "hour", "minutes", "mins", "days", "weeks", "months", "years", "times", "miles",
        "km", "items", "pounds", "euros", "dollars", "more", "less", "other", "same", "this", "that",
        "i", "you", "we", "they", "it", "me", "us", "them", "thanks", "thank", "please", "hi", "hello",
    }
)  # fmt: skip
WORDS = re.compile(r"[^\W\d_]+")
# "The" right after the house number starts the street's name ("5 The Crescent", "4 The Old Mill Lane").
_THE_AFTER_NUMBER = re.compile(r"([0-9][A-Za-z]?,?[ \t]+)The(?=[ \t])")


class UkAddressRecognizer(GatedRecognizer):
    """UK street addresses (``ADDRESS``), English only.

    Format: optional flat ("Flat 3,"), house number (with letter or range: "221B", "10-12"),
    one to three street-name words and a thoroughfare type ("Street", "St", "Road", "Lane",
    "Gardens", Scottish "Wynd", "Brae"...), optionally followed by a comma and a capitalised town:
    "221B Baker Street", "12 High St, London", "Flat 3, 10 Downing Street"; a street named by its
    type alone ("5 The Crescent") or one word ending in one ("18 Kingsway, Manchester": with the
    town only); Welsh names, type first: "14 Heol y Nant, Cardiff", "2 Stryd Fawr". Lower-case chat
    ("12 high st") is accepted with the unambiguous street types only. Postcodes are ``UkPostcodeRecognizer``'s.
    Official source: Royal Mail Postcode Address File programmers' guide (thoroughfare
    descriptors), https://www.poweredbypaf.com/

    Scores: 0.65 with a town, 0.6 capitalised, 0.5 lower case; a "street name" containing
    function words ("2 hours on the road") is discarded.
    """

    min_digits = 1

    CONTEXT: ClassVar[list[str]] = ["address", "living", "moved", "deliver", "send", "post", "flat", "house"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("UK street address with town", f"(?:{_CAPITALISED}|{_THE_STREET}){_TOWN}", 0.65),
                Re2Pattern("UK street address", f"(?:{_CAPITALISED}|{_THE_STREET})", 0.6),
                Re2Pattern("UK one-word street with town", _COMPOUND + _TOWN, 0.65),
                Re2Pattern("UK street address (lower case)", _LOWER, 0.5),
                Re2Pattern("Welsh street address with town", _WELSH + _TOWN, 0.65),
                Re2Pattern("Welsh street address", _WELSH, 0.6),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A sentence, not a street: function words or counted units among the name words (a
        capitalised "The" opening the street's name aside)."""
        words = WORDS.findall(_THE_AFTER_NUMBER.sub(r"\1", pattern_text))
        return any(word.lower() in STOPWORDS for word in words)
