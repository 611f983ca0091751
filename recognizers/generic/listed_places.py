"""Whether a place's text is a place some list holds, for the operator that keeps places.

The default analytics policy generalises a ``LOCATION``, and a place name is its own
generalisation: the town stays in the text. But a ``LOCATION`` is sometimes a person's name the
model misread ("Quionia is from ...", "Kónya, Becker and Vasquez"); kept as written, the name would
leak. A name misread as a place is seldom a place of the lists, and a town a dashboard counts
nearly always is, so ``generalise`` keeps only a place the lists know (``ListedPlaces.holds``)
and replaces any other by its placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from recognizers.generic.place_cue import COMPASS_WORDS, known_places
from recognizers.names.lexicons import place_key, world_place_keys
from recognizers.names.place_gazetteer import gazetteer_keys, place_list_key
from recognizers.names.place_words import PLACE_NOUNS

#: What may open a listed place's name without being part of it: articles and "of" words, compass
#: words ("Southern Tunisia", "Oost-Europa"), nouns for a kind of place or state ("la République de
#: Turquie", "le comté de Västmanland", "de provincie Limburg"), as place-list keys.
_OPENERS = frozenset(
    place_list_key(word)
    for word in (
        *COMPASS_WORDS,
        *(noun for nouns in PLACE_NOUNS.values() for noun in nouns),
        *("république", "royaume", "état", "états", "principauté", "grand-duché", "émirat"),
        *("republic", "kingdom", "state", "states", "principality", "commonwealth", "emirate"),
        *("republiek", "koninkrijk", "staat", "staten", "vorstendom", "groothertogdom", "emiraat"),
        *("the", "la", "le", "les", "l", "de", "du", "des", "d", "of", "het", "van", "der"),
    )
)


def _keys(value: str) -> Iterator[str]:
    """``value``'s keys (the world places keep apostrophes: "cote d'ivoire"), then its place-list
    key without the words that may open a place's name."""
    world_key = place_key(value)
    yield world_key
    words = place_list_key(value).split()
    listed_key = " ".join(words)
    if listed_key != world_key:  # the same key for most names: asked once
        yield listed_key
    first = 0
    while first < len(words) - 1 and words[first] in _OPENERS:
        first += 1
    if first:
        yield " ".join(words[first:])


class ListedPlaces:
    """The place lists of every language given, read on first use and asked together (a French
    message names Göteborg, which only another language's gazetteer holds): the name lexicon's
    places (Faker's countries, regions and counties), deduce's Dutch places and Belgian towns
    (``known_places``), world cities, countries and subdivisions as each language writes them
    (``world_place_keys``: time-zone cities, Faker, ISO 3166 via ``pycountry``) and GeoNames' towns
    (``gazetteer_keys``). The recognizers load the same lists, cached: no second copy is made."""

    def __init__(self, lexicon_dir: Path | str, languages: Iterable[str] = ("fr", "nl", "en")) -> None:
        self._lexicon_dir = str(lexicon_dir)
        self._languages = tuple(languages)
        self._lists: list[frozenset[str]] | None = None

    def holds(self, value: str) -> bool:
        """``value`` (a detected place's text) names a place of the lists."""
        if self._lists is None:
            self._lists = [
                keys
                for language in self._languages
                for keys in (
                    known_places(self._lexicon_dir, language),
                    world_place_keys(self._lexicon_dir, language),
                    gazetteer_keys(language)[0],
                )
            ]
        return any(key in keys for key in _keys(value) for keys in self._lists)
