"""Towns and villages from GeoNames, for the place cues: "i live in harrogate", "je suis à vierzon".

Chat users type place names in lower case, where only a list tells a town from a word. The curated
lists (``names.yaml``, Faker, deduce's Dutch places, Belgian towns) know the Netherlands and
Belgium well, France and Britain hardly at all. This list adds every populated place of 500
inhabitants or more of the countries whose French, Dutch or English chat users piiflow reads, the
larger places (5,000 or more) of the other English-speaking countries and of Germany, and the world's
cities of 100,000 or more: ``recognizers/data/geonames_places.tsv.gz``, built from GeoNames (CC BY 4.0)
by ``scripts/build_place_gazetteer.py``.

Only ``PlaceCueRecognizer`` reads it, after a cue phrase, and filters out the names that are also
common words of the language ("Street", "Sale", "Marche"): a gazetteer this size names a village
after almost any word.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources
from importlib.resources.abc import Traversable

GAZETTEER = "geonames_places.tsv.gz"

#: the countries whose every listed place a language's chat may name; elsewhere only the cities of
#: ``WORLD_FLOOR`` inhabitants or more, and the larger places of ``LARGER_PLACES``
LANGUAGE_COUNTRIES: dict[str, frozenset[str]] = {
    "fr": frozenset({"FR", "BE", "CH", "LU", "MC", "RE", "GP", "MQ", "GF", "YT"}),
    "nl": frozenset({"NL", "BE"}),
    "en": frozenset({"GB", "IE", "US", "CA", "AU", "NZ"}),
}
#: where compound names are shortened in speech to their first part ("Thonon" for Thonon-les-Bains)
SHORTENED_COUNTRIES = frozenset({"FR", "BE", "CH", "LU"})
LARGER_PLACES = frozenset({"US", "CA", "AU", "NZ", "DE"})
LARGER_FLOOR = 5_000
WORLD_FLOOR = 100_000


def gazetteer_file() -> Traversable:
    """The shipped list."""
    return resources.files("recognizers").joinpath("data", GAZETTEER)


@functools.cache
def _rows() -> tuple[tuple[str, int, str], ...]:
    """(country code, population, name) of every row of the shipped list."""
    data = gazetteer_file().read_bytes()
    rows = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        country, population, name = line.split("\t", 2)
        rows.append((country, int(population), name))
    return tuple(rows)


@functools.cache
def gazetteer_places(language: str) -> frozenset[str]:
    """Names of the places ``language``'s chat users may name, as GeoNames writes them."""
    countries = LANGUAGE_COUNTRIES.get(language, frozenset())
    return frozenset(
        name
        for country, population, name in _rows()
        if country in countries
        or population >= WORLD_FLOOR
        or (country in LARGER_PLACES and population >= LARGER_FLOOR)
    )


@functools.cache
def shortened_places(language: str) -> frozenset[str]:
    """The hyphenated names of ``gazetteer_places(language)`` in ``SHORTENED_COUNTRIES``."""
    countries = LANGUAGE_COUNTRIES.get(language, frozenset()) & SHORTENED_COUNTRIES
    return frozenset(name for country, _, name in _rows() if country in countries and "-" in name)
