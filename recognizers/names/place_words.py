"""Words that mark a place's name, per language: nouns for a kind of place ("de stad Stralsund",
"la prison d'Opole", "the county of Durham") and compass words ("Oost-Europa", "Southern
Tunisia"). One table for the name recognizers, so that each language's list lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recognizers.names.lexicons import Token

#: Nouns for a kind of place. Dutch writes them right before the name ("de stad Stralsund", "de
#: gemeente Zwalm"; not "staat", also a verb: "nu staat Barrichello op de eerste plaats"); French
#: and English with "de"/"of" between ("la prison d'Opole Lubelskie", "la cour d'appel de Svea",
#: "the county of Durham").
PLACE_NOUNS: dict[str, frozenset[str]] = {
    "nl": frozenset(
        {
            "stad", "hoofdstad", "dorp", "gemeente", "deelgemeente", "provincie", "regio", "streek", "deelstaat",
            "eiland", "wijk", "kanton", "graafschap", "departement", "woonplaats", "havenstad", "badplaats",
        }
    ),
    "fr": frozenset(
        {
            "ville", "commune", "village", "région", "département", "province", "district", "canton",
            "comté", "arrondissement", "préfecture", "prison", "aéroport", "gare", "port", "île",
            "quartier", "appel",  # "la cour d'appel de Svea"
            # institutions named after their town: "le poste de gendarmerie de Kulp", "le tribunal de Varsovie"
            "gendarmerie", "commissariat", "tribunal", "mairie", "université", "diocèse", "paroisse",
        }
    ),
    "en": frozenset(
        {"city", "town", "village", "county", "district", "province", "region", "borough", "prison", "port", "island",
         "university", "diocese", "parish"}
    ),
}  # fmt: skip

#: Compass points Dutch joins to a place's name: "Oost-Europa", "Noord-Afrika", "Midden-Limburg".
DUTCH_COMPASS_POINTS = frozenset(
    {"noord", "zuid", "oost", "west", "noordoost", "noordwest", "zuidoost", "zuidwest", "midden", "centraal"}
)
#: What may follow a Dutch place's name as a part of it: "Brussel-Zuid", "Gent-Centrum".
DUTCH_PLACE_PARTS = frozenset({"noord", "zuid", "oost", "west", "centrum"})
#: English compass words that make a region of the place after them ("Southern Tunisia").
ENGLISH_REGION_WORDS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "upper", "lower"}
)

#: Capitalised words that open the names of landmarks, in every language the news and chat quote
#: them in ("Camp David", "Mont Blanc", "Sierra Nevada", "Fort Knox", "Kaap Hoorn", "Caldera de
#: Taburiente"): with a capitalised name after them, the words are a place, not a first name and a
#: surname ("David", "Blanc" and "Nevada" are those too).
LANDMARK_HEADS = frozenset(
    {"camp", "mont", "monte", "mount", "sierra", "fort", "kaap", "cape", "lake", "lago", "cerro", "puerto", "isla",
     "caldera", "golfe", "costa", "playa", "pic", "piz", "col", "massif"}
)  # fmt: skip
#: Lower-case words inside a landmark's name ("Caldera de Taburiente", "Puerto del Carmen").
LANDMARK_PARTICLES = frozenset({"de", "del", "della", "di", "do", "da", "la", "las", "los", "du", "des", "of", "van"})


#: Dutch provinces as written after a town's name to tell it from another of that name ("Bergen
#: (NH)", "Hengelo (Gld)", "Bergen (L)"), in brackets.
PROVINCE_ABBREVIATIONS = frozenset(
    {"nh", "zh", "nb", "gld", "gdl", "gl", "ov", "fr", "frl", "gr", "dr", "fl", "flev", "l", "lb", "li", "lim",
     "u", "ut", "z", "zl", "zee"}
)  # fmt: skip
#: Those also written without brackets, in capitals ("Rijswijk ZH"): no other word or code ("OV",
#: "FR", "DR" are also public transport, France, a doctor).
BARE_PROVINCE_ABBREVIATIONS = frozenset({"nh", "zh", "nb", "gld", "frl", "flev", "lim", "zl"})


def province_after(text: str, tokens: Sequence[Token], end: int) -> int:
    """The token index after a Dutch province's abbreviation right after a town whose last token
    is ``end - 1`` ("Bergen (NH)", "Rijswijk ZH"), or ``end`` when none follows."""
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
        word = tokens[end + 1]
        if word.key in PROVINCE_ABBREVIATIONS and text[tokens[end - 1].end : word.start].strip() == "(":
            return end + 3
    if end < len(tokens) and text[tokens[end - 1].end : tokens[end].start] == " ":
        word = tokens[end]
        if word.is_upper and word.key in BARE_PROVINCE_ABBREVIATIONS:
            return end + 1
    return end
