"""An address whose parts were found apart: "114 malcolm divide, nichollsmouth, w7 0ye".

Not a recognizer: a street line and a postcode are found by different recognizers, and the town
written between them, in lower case or unknown to the place lists, by none. The three together are
one address, and the town is as identifying as the rest. ``processors.detection`` calls
``joined_addresses`` on a message's resolved entities, as it does ``ages_beside_names``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ADDRESS_PARTS = "AddressParts"  # the rule's name: ``Entity.recognizer``, ``detection.disabled_recognizers``
MAX_TOWN_WORDS = 3
MAX_PARTICLE = 4  # a lower-case word inside a capitalised town: "op", "aan", "upon", "sur"
# Between two parts: a comma or spaces, one to three words (letters, hyphens, apostrophes), an
# optional comma; on one line, no digits ("12 Elm Street, East Lesleyport, W42 8QD"; "Kerkstraat 1,
# Oedelem"; "22 canal street manchester m1 3hp", as chat types it).
_WORD = r"[^\W\d_][\w'’\-]*"
_WORDS = re.compile(_WORD)
_BETWEEN = re.compile(rf"(?:,[ \t]*|[ \t]+){_WORD}(?:[ \t]+{_WORD}){{0,{MAX_TOWN_WORDS - 1}}}[ \t]*,?[ \t]*")
#: Words that join two addresses rather than name a town between parts of one ("12 Elm Street, and
#: then, 4 Oak Road"; "Rue X 1, ou bien, ...").
CONNECTORS = frozenset(
    {"and", "or", "then", "to", "from", "et", "ou", "puis", "à", "vers", "de", "en", "of", "dan", "naar", "tot"}
)
#: Words of a sentence or of an address's labels, never of a town's name (articles and prepositions
#: are: "de bilt", "la roche sur yon"): they start a new clause ("..., liverpool n6g 1qx my address is
#: 34 anne river") or name the next part ("house number 12a, postcode LS1 4AB").
SENTENCE_WORDS = frozenset(
    {"my", "is", "i", "we", "it", "address", "please", "pls", "thanks", "near", "mon", "ma", "mes", "est", "je",
     "adresse", "merci", "svp", "près", "mijn", "ik", "het", "een", "adres", "graag", "bedankt", "dank",
     "postcode", "zip", "postal", "code", "huisnummer", "number"}
)  # fmt: skip
#: Entity types a town between two address parts may have been reported as, or a person's name
#: ("Millerbury") when a name recognizer took the unknown word for one.
TOWN_TYPES = frozenset({"LOCATION", "PERSON", "ORGANIZATION"})


def _town_like(words: list[str], lower_case: bool) -> bool:
    """The words between two parts read as a town: capitalised, short particles between
    ("East Lesleyport", "Bergen op Zoom"), or all in lower case where the street line is
    ("nichollsmouth"); no word that joins two addresses ("and then"), starts a clause or labels
    a part ("my address is", "postcode")."""
    if any(word.casefold() in CONNECTORS or word.casefold() in SENTENCE_WORDS for word in words):
        return False
    if lower_case:
        return all(word.islower() for word in words)
    return (
        words[0][0].isupper()
        and words[-1][0].isupper()
        and all(word[0].isupper() or len(word) <= MAX_PARTICLE for word in words)
    )


def joined_addresses(text: str, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Index ranges ``(first, last)`` into ``entities`` (start, end, type; in text order, not
    overlapping) to report as one address: an ``ADDRESS``, then only a town between commas or
    spaces (other entities there must cover part of it), then another ``ADDRESS``."""
    joins: list[tuple[int, int]] = []
    index = 0
    while index < len(entities):
        _, end, kind = entities[index]
        if kind != "ADDRESS":
            index += 1
            continue
        last = index
        following = index + 1
        while following < len(entities) and entities[following][2] in TOWN_TYPES:
            following += 1  # a town some recognizer reported: the gap test below decides
        if following < len(entities) and entities[following][2] == "ADDRESS":
            gap = _BETWEEN.fullmatch(text, end, entities[following][0])
            if gap is not None and _town_like(_WORDS.findall(gap.group()), text[entities[index][0] : end].islower()):
                last = following
        if last == index:
            index += 1
            continue
        if joins and joins[-1][1] == index:
            joins[-1] = (joins[-1][0], last)  # a third part after the second: one address still
        else:
            joins.append((index, last))
        index = last
    return joins
